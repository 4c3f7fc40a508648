"""Sanity check of the labelled set against the rule layers alone (not the benchmark).

    .venv/bin/python benchmarks/text_data/baseline.py            # recall per language and type
    .venv/bin/python benchmarks/text_data/baseline.py --misses   # also list every missed span
    .venv/bin/python benchmarks/text_data/baseline.py --extra    # also list findings outside gold

Runs ``find_structured`` (structured PII) and ``find_sensitive`` on every document and
reports, per language and gold type, how many gold spans a finding of the same type
overlaps (and how many it matches exactly). PERSON, ADDRESS and LOCATION need the model
layer, so they are left out here. A missed structured value means either the value or the
recogniser is wrong: ``build.py`` has already checked the value's check digits.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from resguardo.scrub.text.base import SENSITIVE_TYPES, Span
from resguardo.scrub.text.recognizers import STRUCTURED_TYPES, find_structured
from resguardo.scrub.text.sensitive import find_sensitive

HERE = Path(__file__).resolve().parent
LANGS = ("en", "es", "pt", "fr")
SENSITIVE = SENSITIVE_TYPES


def load(lang: str) -> list[dict[str, Any]]:
    with (HERE / f"{lang}.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def score(lang: str, show_misses: bool, show_extra: bool) -> tuple[Counter[str], Counter[str], Counter[str]]:
    gold_count: Counter[str] = Counter()
    found: Counter[str] = Counter()
    exact: Counter[str] = Counter()
    for doc in load(lang):
        text = doc["text"]
        findings: list[Span] = find_structured(text, lang) + find_sensitive(text, lang)
        used: set[int] = set()
        for gold in doc["spans"]:
            kind = gold["type"]
            if kind not in STRUCTURED_TYPES and kind not in SENSITIVE:
                continue
            gold_count[kind] += 1
            hits = [
                i
                for i, f in enumerate(findings)
                if f.type == kind and f.start < gold["end"] and gold["start"] < f.end
            ]
            used.update(i for i, f in enumerate(findings) if f.start < gold["end"] and gold["start"] < f.end)
            if hits:
                found[kind] += 1
                if any(findings[i].start == gold["start"] and findings[i].end == gold["end"] for i in hits):
                    exact[kind] += 1
            elif show_misses:
                near = [
                    f"{f.type}:{text[f.start : f.end]!r}"
                    for f in findings
                    if f.start < gold["end"] + 20 and gold["start"] - 20 < f.end
                ]
                tag = gold.get("kind", "")
                print(f"  MISS {doc['id']} {kind}{'/' + tag if tag else ''} {text[gold['start'] : gold['end']]!r}"
                      f"  near: {', '.join(near) or '-'}")  # fmt: skip
        if show_extra:
            for i, f in enumerate(findings):
                if i not in used:
                    print(
                        f"  EXTRA {doc['id']} {f.type} {text[f.start : f.end]!r} ({f.source}, {f.score:.2f})"
                    )
    return gold_count, found, exact


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--extra", action="store_true")
    args = parser.parse_args(argv)
    for lang in LANGS:
        print(f"== {lang}")
        gold, found, exact = score(lang, args.misses, args.extra)
        for kind in (*STRUCTURED_TYPES, *SENSITIVE):
            if gold[kind]:
                print(
                    f"  {kind:<20} recall {found[kind] / gold[kind]:.2f} ({found[kind]}/{gold[kind]})"
                    f"  exact {exact[kind] / gold[kind]:.2f}"
                )
        structured = sum(gold[k] for k in STRUCTURED_TYPES)
        sensitive = sum(gold[k] for k in SENSITIVE)
        print(
            f"  structured PII recall {sum(found[k] for k in STRUCTURED_TYPES) / structured:.3f}"
            f" | sensitive recall {sum(found[k] for k in SENSITIVE) / sensitive:.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
