"""Validation of the catalogue: schemas, cross-references and translations."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from resguardo.catalogue.files import (
    CONTENT_DIR,
    KINDS,
    SCHEMA_DIR,
    SOURCE_LANGUAGE,
    Raw,
    digest,
    kind_files,
    languages,
    missing_text,
    read_yaml,
    text_tree,
    translation_path,
)

__all__ = ["Problem", "check_catalogue", "stamp", "translation_status"]


@dataclass(frozen=True, slots=True)
class Problem:
    code: str
    where: str
    detail: str

    def __str__(self) -> str:
        return f"{self.code} {self.where}: {self.detail}"


@lru_cache(maxsize=16)
def _validator(name: str) -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _rel(path: Path) -> str:
    return str(path.relative_to(CONTENT_DIR))


def _load_kind(kind: str, problems: list[Problem]) -> list[tuple[Path, Raw]]:
    items: list[tuple[Path, Raw]] = []
    files = kind_files(kind)
    if not files:
        problems.append(Problem("catalogue.missing_kind", kind, "no file"))
    for path in files:
        try:
            data = read_yaml(path)
        except yaml.YAMLError as exc:
            problems.append(Problem("catalogue.yaml", _rel(path), str(exc).replace("\n", " ")))
            continue
        for error in _validator(kind).iter_errors(data):
            where = "/".join(str(p) for p in error.absolute_path)
            problems.append(Problem("catalogue.schema", f"{_rel(path)}:{where}", error.message[:300]))
        if isinstance(data, list):
            items.extend((path, item) for item in data if isinstance(item, dict))
    return items


def _ids(values: Any) -> list[str]:
    return [v for v in (values or []) if isinstance(v, str)]


def check_catalogue() -> list[Problem]:
    """Every problem in the shipped catalogue; an empty list means it is sound."""
    problems: list[Problem] = []
    items = {kind: _load_kind(kind, problems) for kind in KINDS}
    ids: dict[str, set[str]] = {}
    for kind, pairs in items.items():
        counts = Counter(item.get("id") for _, item in pairs)
        for item_id, n in counts.items():
            if n > 1:
                problems.append(Problem("catalogue.duplicate_id", f"{kind}:{item_id}", f"{n} items"))
        ids[kind] = {str(i) for i in counts}

    def ref(where: str, kind: str, values: Any) -> None:
        for value in _ids(values):
            if value not in ids[kind]:
                problems.append(Problem("catalogue.unknown_ref", where, f"unknown {kind} id {value!r}"))

    for _, a in items["adversaries"]:
        ref(f"adversaries:{a.get('id')}", "capabilities", a.get("capabilities"))
    for _, p in items["profiles"]:
        where = f"profiles:{p.get('id')}"
        for kind in ("assets", "adversaries", "threats", "contexts"):
            ref(where, kind, p.get(kind))
        ref(where, "identity", [p.get("identity")])
    question_ids: Counter[str] = Counter()
    for _, t in items["threats"]:
        where = f"threats:{t.get('id')}"
        ref(where, "assets", t.get("assets"))
        ref(where, "adversaries", t.get("adversaries"))
        ref(where, "triggers", t.get("triggers"))
        cond = t.get("conditions") or {}
        ref(where, "contexts", cond.get("contexts_any"))
        ref(where, "capabilities", cond.get("capabilities_any"))
        ref(where, "support", (t.get("emergency") or {}).get("support"))
        for key in ("vulnerability_questions", "capacity_questions"):
            question_ids.update(str(q.get("id")) for q in t.get(key) or [] if isinstance(q, dict))
    for qid, n in question_ids.items():
        if n > 1:
            problems.append(Problem("catalogue.duplicate_id", f"questions:{qid}", f"{n} questions"))
    covered: Counter[str] = Counter()
    for _, m in items["mitigations"]:
        ref(f"mitigations:{m.get('id')}", "threats", m.get("threats"))
        covered.update(_ids(m.get("threats")))
    for _, t in items["threats"]:
        if covered[str(t.get("id"))] < 2:
            problems.append(
                Problem("catalogue.unmitigated", f"threats:{t.get('id')}", "fewer than 2 mitigations")
            )
    for language in languages()[1:]:
        for kind, pairs in items.items():
            problems.extend(_check_translations(kind, language, pairs))
    return problems


def _translation_file(path: Path, language: str) -> tuple[Path, dict[str, Any] | None, str | None]:
    tpath = translation_path(path, language)
    if not tpath.is_file():
        return tpath, None, "missing file"
    try:
        data = read_yaml(tpath) or {}
    except yaml.YAMLError as exc:
        return tpath, None, str(exc).replace("\n", " ")
    errors = list(_validator("translation").iter_errors(data))
    if errors:
        return tpath, None, errors[0].message[:300]
    return tpath, data, None


def _check_translations(kind: str, language: str, pairs: list[tuple[Path, Raw]]) -> list[Problem]:
    problems: list[Problem] = []
    by_file: dict[Path, list[Raw]] = {}
    for path, item in pairs:
        by_file.setdefault(path, []).append(item)
    for path, source_items in by_file.items():
        tpath, data, error = _translation_file(path, language)
        if data is None:
            problems.append(Problem("catalogue.translation_missing", _rel(tpath), error or ""))
            continue
        for item in source_items:
            item_id = str(item.get("id"))
            where = f"{_rel(tpath)}:{item_id}"
            entry = data.get(item_id)
            if entry is None:
                problems.append(Problem("catalogue.translation_missing", where, "no entry"))
                continue
            gaps = missing_text(text_tree(item), entry)
            if gaps:
                problems.append(Problem("catalogue.translation_incomplete", where, ", ".join(gaps[:8])))
            elif entry.get("source_digest") != digest(item):
                problems.append(
                    Problem("catalogue.translation_stale", where, "the English text changed since")
                )
        known = {str(i.get("id")) for i in source_items}
        for extra in sorted(set(data) - known):
            problems.append(Problem("catalogue.translation_orphan", f"{_rel(tpath)}:{extra}", "no source"))
    return problems


def translation_status() -> dict[str, dict[str, Any]]:
    """Per language: complete (no missing, incomplete or stale entry) and the counts."""
    status: dict[str, dict[str, Any]] = {SOURCE_LANGUAGE: {"complete": True, "missing": 0, "stale": 0}}
    for language in languages()[1:]:
        missing = stale = 0
        for kind in KINDS:
            pairs = [(p, i) for p in kind_files(kind) for i in (read_yaml(p) or []) if isinstance(i, dict)]
            for problem in _check_translations(kind, language, pairs):
                if problem.code == "catalogue.translation_stale":
                    stale += 1
                elif problem.code != "catalogue.translation_orphan":
                    missing += 1
        status[language] = {"complete": missing == 0 and stale == 0, "missing": missing, "stale": stale}
    return status


def stamp(language: str) -> list[str]:
    """Record the source digest in every complete translation entry; returns the ids stamped.

    Only run this after checking the translation really says what the English says.
    """
    stamped: list[str] = []
    for kind in KINDS:
        for path in kind_files(kind):
            source = {str(i.get("id")): i for i in (read_yaml(path) or []) if isinstance(i, dict)}
            tpath = translation_path(path, language)
            if not tpath.is_file():
                continue
            data = read_yaml(tpath) or {}
            changed = False
            for item_id, entry in data.items():
                item = source.get(item_id)
                if item is None or not isinstance(entry, dict) or missing_text(text_tree(item), entry):
                    continue
                new = digest(item)
                if entry.get("source_digest") != new:
                    entry_items = [("source_digest", new)] + [
                        (k, v) for k, v in entry.items() if k != "source_digest"
                    ]
                    data[item_id] = dict(entry_items)
                    changed = True
                    stamped.append(f"{kind}:{item_id}")
            if changed:
                text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
                tmp = tpath.with_suffix(".yaml.tmp")
                tmp.write_text(text, encoding="utf-8")
                tmp.replace(tpath)
    return stamped
