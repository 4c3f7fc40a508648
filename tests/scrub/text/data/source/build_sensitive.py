"""Rebuild ``../sensitive_{lang}_{heldout,fresh2,blind}.jsonl`` from the
inline markup in this folder.

``python tests/scrub/text/data/source/build_sensitive.py`` rewrites the twelve sets and checks
every span: a known type code, no markup left over, no span that starts or ends on a space or
punctuation. ``tests/scrub/text/test_sensitive.py`` checks the JSON files still match.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
LANGS = ("en", "es", "pt", "fr")
SETS = ("heldout", "fresh2", "blind")
MARK = re.compile(r"\[\[([A-Z]{3})\|([^\]]+)\]\]")
CODES = {
    "ETH": "ETHNICITY",
    "REL": "RELIGION",
    "POL": "POLITICS",
    "SEX": "SEXUAL_ORIENTATION",
    "GEN": "GENDER_IDENTITY",
    "HEA": "HEALTH",
    "LEG": "LEGAL_HISTORY",
    "MIG": "MIGRATION_STATUS",
}
STRIPPED = " \t\r\n.,;:!?\"'“”‘’«»()[]{}—–-¿¡…"


def parse(line: str) -> dict[str, object]:
    """One line of markup as a JSON record: the plain text and its spans with exact offsets."""
    text, spans, position = "", [], 0
    for match in MARK.finditer(line):
        code, phrase = match.groups()
        if code not in CODES:
            raise ValueError(f"unknown type code {code!r} in {line!r}")
        if phrase != phrase.strip(STRIPPED):
            raise ValueError(f"span {phrase!r} starts or ends on punctuation in {line!r}")
        text += line[position : match.start()]
        spans.append({"start": len(text), "end": len(text) + len(phrase), "type": CODES[code]})
        text += phrase
        position = match.end()
    text += line[position:]
    if "[[" in text or "]]" in text:
        raise ValueError(f"malformed markup in {line!r}")
    return {"text": text, "spans": spans}


def records(lang: str, name: str = "heldout") -> list[dict[str, object]]:
    lines = (HERE / f"sensitive_{lang}_{name}.txt").read_text(encoding="utf-8").splitlines()
    return [parse(line) for line in lines if line.strip() and not line.startswith("#")]


def main() -> int:
    for name in SETS:
        for lang in LANGS:
            _write(lang, name)
    return 0


def _write(lang: str, name: str) -> None:
    rows = records(lang, name)
    out = HERE.parent / f"sensitive_{lang}_{name}.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    spans = sum(len(r["spans"]) for r in rows)  # type: ignore[arg-type]
    negatives = sum(not r["spans"] for r in rows)
    print(f"{lang}: {len(rows)} sentences, {spans} spans, {negatives} negatives -> {out.name}")


if __name__ == "__main__":
    sys.exit(main())
