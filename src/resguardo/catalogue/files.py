"""Reading the catalogue's YAML files and their translations (no validation here)."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
SCHEMA_DIR = CONTENT_DIR / "schema"
SOURCE_LANGUAGE = "en"
KINDS: tuple[str, ...] = (
    "capabilities",
    "contexts",
    "triggers",
    "assets",
    "adversaries",
    "profiles",
    "threats",
    "mitigations",
    "support",
    "identity",
)
#: Fields holding text a person reads, translated per language.
TEXT_KEYS = frozenset(
    {
        "name",
        "description",
        "summary",
        "example",
        "examples",
        "question",
        "help",
        "text",
        "steps",
        "first_steps",
        "benefits",
        "costs",
        "hours",
    }
)
#: Containers whose text is never translated (a source's title is its own).
UNTRANSLATED = frozenset({"sources", "tools"})

Raw = dict[str, Any]


# libyaml's parser when PyYAML was built with it (about 10x faster), the pure one otherwise.
_SafeBase: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeBase):  # type: ignore[valid-type,misc]
    """Safe loader that keeps dates as ISO strings (JSON Schema sees plain strings)."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader


def kind_files(kind: str, language: str = SOURCE_LANGUAGE) -> list[Path]:
    """The files of a kind: ``kind.yaml`` or every ``kind/*.yaml``, sorted."""
    base = CONTENT_DIR if language == SOURCE_LANGUAGE else CONTENT_DIR / language
    single = base / f"{kind}.yaml"
    files = [single] if single.is_file() else []
    folder = base / kind
    if folder.is_dir():
        files.extend(sorted(folder.glob("*.yaml")))
    return files


def translation_path(source: Path, language: str) -> Path:
    return CONTENT_DIR / language / source.relative_to(CONTENT_DIR)


def languages() -> list[str]:
    """Source language first, then every folder of translations."""
    found = sorted(
        p.name
        for p in CONTENT_DIR.iterdir()
        if p.is_dir() and p.name not in {"schema", *KINDS} and re.fullmatch(r"[a-z]{2,3}", p.name)
    )
    return [SOURCE_LANGUAGE, *found]


def iter_items(kind: str) -> Iterator[tuple[Path, Raw]]:
    for path in kind_files(kind):
        data = read_yaml(path) or []
        if isinstance(data, list):
            for item in data:
                if isinstance(item, dict):
                    yield path, item


def text_tree(node: Any) -> Any:
    """Only the translatable text of an item, keeping its shape."""
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key in UNTRANSLATED:
                continue
            if key in TEXT_KEYS:
                out[key] = value
            elif isinstance(value, (dict, list)):
                sub = text_tree(value)
                if sub:
                    out[key] = sub
        return out
    if isinstance(node, list):
        items = [text_tree(x) if isinstance(x, dict) else None for x in node]
        return items if any(items) else []
    return None


def digest(item: Raw) -> str:
    """A short digest of an item's source text; a translation records the one it followed."""
    blob = json.dumps(text_tree(item), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:12]


def overlay(source: Any, translated: Any) -> Any:
    """The source item with every text field present in ``translated`` replaced."""
    if translated is None:
        return source
    if isinstance(source, dict) and isinstance(translated, dict):
        out = dict(source)
        for key, value in source.items():
            if key in UNTRANSLATED or key not in translated:
                continue
            if key in TEXT_KEYS:
                out[key] = translated[key]
            elif isinstance(value, (dict, list)):
                out[key] = overlay(value, translated[key])
        return out
    if isinstance(source, list) and isinstance(translated, list):
        return [
            overlay(s, translated[i]) if isinstance(s, dict) and i < len(translated) else s
            for i, s in enumerate(source)
        ]
    return source


def missing_text(source: Any, translated: Any, path: str = "") -> list[str]:
    """Paths of source text that the translation lacks (or that have another shape)."""
    if isinstance(source, dict):
        if not isinstance(translated, dict):
            return [path or "."]
        gaps: list[str] = []
        for key, value in source.items():
            sub = f"{path}.{key}" if path else key
            if key not in translated:
                gaps.append(sub)
            else:
                gaps.extend(missing_text(value, translated[key], sub))
        return gaps
    if isinstance(source, list):
        if not isinstance(translated, list) or len(translated) != len(source):
            return [path]
        gaps = []
        for i, (s, t) in enumerate(zip(source, translated, strict=True)):
            gaps.extend(missing_text(s, t, f"{path}[{i}]"))
        return gaps
    if source is None:
        return []
    if not isinstance(translated, str) or not translated.strip():
        return [path]
    return []
