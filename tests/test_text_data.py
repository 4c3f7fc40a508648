"""The labelled text-redaction set in benchmarks/text_data: valid, complete and up to date."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from resguardo.scrub.text.base import PII_TYPES, SENSITIVE_TYPES

pytest.importorskip("phonenumbers")

DATA = Path(__file__).resolve().parent.parent / "benchmarks" / "text_data"
LANGS = ("en", "es", "pt", "fr")
#: PII types with at least this many gold spans per language (MAC: a few, it is rare in prose)
MIN_PII = dict.fromkeys(PII_TYPES, 10) | {"MAC": 3}
MIN_SENSITIVE = 6


def _load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("text_data_build", DATA / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


build = _load_builder()


def _documents(lang: str) -> list[dict[str, Any]]:
    with (DATA / f"{lang}.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


@pytest.mark.parametrize("lang", LANGS)
def test_jsonl_is_built_from_the_current_sources(lang: str) -> None:
    expected = build.render_jsonl(build.build_language(lang))
    assert (DATA / f"{lang}.jsonl").read_text(encoding="utf-8") == expected, (
        "run: .venv/bin/python benchmarks/text_data/build.py"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_spans_are_well_formed(lang: str) -> None:
    known = set(PII_TYPES) | set(SENSITIVE_TYPES)
    ids = [doc["id"] for doc in _documents(lang)]
    assert len(ids) == len(set(ids))
    for doc in _documents(lang):
        assert doc["lang"] == lang
        assert doc["id"].startswith(f"{lang}-")
        assert doc["genre"] in build.GENRES
        previous_end = 0
        for span in doc["spans"]:
            value = doc["text"][span["start"] : span["end"]]
            assert span["type"] in known, (doc["id"], span)
            assert 0 <= previous_end <= span["start"] < span["end"] <= len(doc["text"]), (doc["id"], span)
            assert value == value.strip() and value, (doc["id"], value)
            assert "[[" not in value and "]]" not in value
            if span.get("public"):
                assert span["type"] == "PERSON"
            previous_end = span["end"]


@pytest.mark.parametrize("lang", LANGS)
def test_sizes_meet_the_issue(lang: str) -> None:
    documents = _documents(lang)
    counts = Counter(span["type"] for doc in documents for span in doc["spans"])
    assert len(documents) >= 60
    assert sum(counts.values()) >= 400
    short = {kind: counts[kind] for kind, least in MIN_PII.items() if counts[kind] < least}
    short |= {kind: counts[kind] for kind in SENSITIVE_TYPES if counts[kind] < MIN_SENSITIVE}
    assert not short, short
    assert any(span.get("public") for doc in documents for span in doc["spans"])


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("[[ID_NUMBER/cpf|541.099.840-51]]", "invalid cpf"),
        ("[[ID_NUMBER/curp|QUMJ850910MOCSPR09]]", "invalid curp"),
        ("[[ID_NUMBER/dni_es|76071604A]]", "invalid dni_es"),
        ("[[ID_NUMBER/nir|1 69 02 59 486 638 64]]", "invalid nir"),
        ("[[CARD|4539 7172 3988 8185]]", "Luhn"),
        ("[[IBAN|ES06 2100 7376 8736 9371 5655]]", "mod 97"),
        ("[[PHONE|55 1234]]", "not valid in MX"),
        ("[[PLATE/fr|AB 123 CD]]", "not a fr plate"),
        ("[[ID_NUMBER|12345678]]", "kind tag"),
        ("[[NAME|Rosa]]", "unknown type"),
        ("[[PERSON| Rosa]]", "outer whitespace"),
        ("[[PERSON|Rosa [[PERSON|Paz]]]]", "unparsed markup"),
    ],
)
def test_builder_rejects_bad_spans(source: str, problem: str) -> None:
    with pytest.raises(build.DataError, match=problem):
        build.parse_document("es", 1, f"# message MX\nHola {source}, gracias.")


def test_builder_offsets_point_at_the_values() -> None:
    doc = build.parse_document(
        "es", 7, "# case-note MX\nLa Sra. [[PERSON|Rosa Paz]] vive en [[ADDRESS|Calle Morelos 4]]."
    )
    assert doc.id == "es-007"
    assert doc.text == "La Sra. Rosa Paz vive en Calle Morelos 4."
    assert [doc.text[s["start"] : s["end"]] for s in doc.spans] == ["Rosa Paz", "Calle Morelos 4"]
