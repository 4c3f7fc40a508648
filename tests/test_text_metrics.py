"""The text benchmark's scoring (benchmarks/text_metrics.py) on hand-made cases: no Presidio, no ../shared."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from resguardo.scrub.text.base import PII_TYPES, SENSITIVE_TYPES


def _load() -> ModuleType:
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "text_metrics.py"
    spec = importlib.util.spec_from_file_location("text_metrics", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["text_metrics"] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


tm = _load()


def test_types_are_resguardos() -> None:
    assert tm.PII_TYPES == PII_TYPES
    assert tm.SENSITIVE_TYPES == SENSITIVE_TYPES


@pytest.mark.parametrize(
    ("gold", "found", "expected"),
    [
        ("PERSON", "PERSON", True),
        ("ADDRESS", "LOCATION", True),
        ("LOCATION", "ADDRESS", True),
        ("HANDLE", "URL", True),
        ("ID_NUMBER", "CARD", True),
        ("PERSON", "LOCATION", False),
        ("PHONE", "ID_NUMBER", False),
        ("DATE_OF_BIRTH", "DATE_TIME", False),
        ("HEALTH", "LEGAL_HISTORY", False),
    ],
)
def test_compatible(gold: str, found: str, expected: bool) -> None:
    assert tm.compatible(gold, found) is expected


def test_bio_to_docs_rebuilds_text_and_spans() -> None:
    content = (
        "PROCEDIMIENTO O\r\n\r\n"
        "El O\r\nDr B-PER\r\n. I-PER\r\nPeter I-PER\r\nDarby I-PER\r\nvive O\r\nen O\r\nGävle B-LOC\r\n"
        ", I-LOC\r\nSuecia I-LOC\r\n. O\r\n\r\n"
        "Iglesia O\r\nLuterana B-ETHNIC_CATEGORY\r\nel B-DATE\r\n1 I-DATE\r\n\r\n"
        "PROCEDIMIENTO O\r\n\r\nSuecia B-LOC\r\n"
    )
    docs = tm.bio_to_docs(
        content,
        lang="es",
        label_map={"PER": "PERSON", "LOC": "LOCATION", "ETHNIC_CATEGORY": "ETHNICITY"},
        doc_starts=["PROCEDIMIENTO"],
        name="t",
    )
    assert len(docs) == 2
    first = docs[0]
    assert first.text == "PROCEDIMIENTO\nEl Dr. Peter Darby vive en Gävle, Suecia.\nIglesia Luterana el 1"
    spans = [(first.text[g.start : g.end], g.type, g.counted) for g in first.gold]
    assert spans == [
        ("Dr. Peter Darby", "PERSON", True),
        ("Gävle, Suecia", "LOCATION", True),
        ("Luterana", "ETHNICITY", True),
        ("el 1", "DATE", False),
    ]
    assert [(docs[1].text[g.start : g.end], g.type) for g in docs[1].gold] == [("Suecia", "LOCATION")]


def test_bio_rebuilds_text_as_written() -> None:
    written = "le Royaume - Uni ( no 19380 / 92 ) de l ' Etat , M . C . - H . Ehrencrona , loi - voir"
    tokens = written.split(" ")
    tags = ["O", "B-LOC", "I-LOC", "I-LOC"] + ["O"] * (len(tokens) - 4)
    content = "\n".join(f"{token} {tag}" for token, tag in zip(tokens, tags, strict=True))
    docs = tm.bio_to_docs(content, lang="fr", label_map={"LOC": "LOCATION"})
    assert docs[0].text == "le Royaume-Uni (no 19380/92) de l'Etat, M. C.-H. Ehrencrona, loi - voir"
    assert [docs[0].text[g.start : g.end] for g in docs[0].gold] == ["Royaume-Uni"]


def test_bio_i_without_b_opens_a_span_and_b_after_b_splits() -> None:
    docs = tm.bio_to_docs("Ana I-PER\nLuis B-PER\nMaría B-PER\n", lang="es", label_map={"PER": "PERSON"})
    assert [docs[0].text[g.start : g.end] for g in docs[0].gold] == ["Ana", "Luis", "María"]


def test_bio_rejects_a_malformed_line() -> None:
    with pytest.raises(ValueError, match="t:2"):
        tm.bio_to_docs("Ana B-PER\nno-tag-here\n", lang="es", label_map={}, name="t")


def _doc(text: str, *gold: tuple[str, str, bool]) -> object:
    spans = []
    for value, kind, counted in gold:
        start = text.index(value)
        spans.append(tm.Gold(start, start + len(value), kind, counted=counted, source_label=kind))
    return tm.Doc(id="d", lang="en", text=text, gold=tuple(spans))


def _finding(text: str, value: str, kind: str) -> object:
    start = text.index(value)
    return tm.Finding(start, start + len(value), kind)


def test_overlap_counts_and_exact_match() -> None:
    text = "Call Ana Lima at 12 Rua Augusta, Lisboa, or Acme Ltd."
    doc = _doc(
        text,
        ("Ana Lima", "PERSON", True),
        ("12 Rua Augusta, Lisboa", "ADDRESS", True),
        ("Acme Ltd", "ORGANIZATION", False),
    )
    findings = [
        _finding(text, "Lima", "PERSON"),  # partial overlap: found, not exact
        _finding(text, "Lisboa", "LOCATION"),  # compatible with ADDRESS
        _finding(text, "Acme", "PERSON"),  # on an excluded label: reported apart
        _finding(text, "Call", "PHONE"),  # on nothing: a false positive
    ]
    score = tm.score_doc(doc, findings)
    person, address = score.by_type["PERSON"], score.by_type["ADDRESS"]
    assert (person.gold, person.found, person.found_exact) == (1, 1, 0)
    assert (address.gold, address.found) == (1, 1)
    assert person.findings == 2 and person.correct == 1 and person.on_excluded == 1
    assert person.precision == 1.0  # the finding on the excluded label is not a false positive
    phone = score.by_type["PHONE"]
    assert phone.findings == 1 and phone.correct == 0 and phone.precision == 0.0
    assert score.excluded_hits == {("PERSON", "ORGANIZATION"): 1}
    pii = tm.total(score.by_type.items(), kinds="pii")
    assert pii.recall == 1.0 and pii.recall_exact == 0.0
    assert pii.precision == pytest.approx(2 / 3)


def test_exact_match_ignores_surrounding_white_space() -> None:
    text = "Name: Ana Lima \n"
    doc = _doc(text, ("Ana Lima ", "PERSON", True))
    score = tm.score_doc(doc, [_finding(text, " Ana Lima", "PERSON")])
    assert score.by_type["PERSON"].found_exact == 1
    assert score.by_type["PERSON"].correct_exact == 1


def test_wrong_type_is_a_false_positive_and_not_a_hit() -> None:
    text = "Street 5 Maria Street"
    doc = _doc(text, ("5 Maria Street", "ADDRESS", True))
    score = tm.score_doc(doc, [_finding(text, "Maria", "PERSON")])
    assert score.by_type["ADDRESS"].found == 0
    person = score.by_type["PERSON"]
    assert person.wrong_type == 1 and person.precision == 0.0


def test_unlabelled_types_are_not_false_positives() -> None:
    text = "She was arrested in 2019."
    doc = _doc(text)
    finding = _finding(text, "was arrested in 2019", "LEGAL_HISTORY")
    score = tm.score_doc(doc, [finding], labelled=frozenset(PII_TYPES))
    cell = score.by_type["LEGAL_HISTORY"]
    assert cell.unlabelled == 1 and cell.precision is None
    labelled = tm.score_doc(doc, [finding])
    assert labelled.by_type["LEGAL_HISTORY"].precision == 0.0


def test_leak_counts_a_missed_second_mention() -> None:
    text = "Ana Lima called. Later Ana Lima left."
    first = text.index("Ana Lima")
    doc = tm.Doc("d", "en", text, (tm.Gold(first, first + 8, "PERSON"),))
    findings = [tm.Finding(first, first + 8, "PERSON")]
    redacted = tm.label_redact(text, findings)
    assert redacted == "[PERSON] called. Later Ana Lima left."
    assert tm.score_doc(doc, findings, redacted).by_type["PERSON"].leaked == 1
    second = text.index("Ana Lima", first + 1)
    both = [*findings, tm.Finding(second, second + 8, "PERSON")]
    redacted = tm.label_redact(text, both)
    assert "Ana" not in redacted
    assert tm.score_doc(doc, both, redacted).by_type["PERSON"].leaked == 0


@pytest.mark.parametrize(
    ("value", "redacted", "expected"),
    [
        ("Ana", "[PERSON] met Anabel", False),  # inside a longer word is not the value
        ("Ana", "[PERSON] met Ana.", True),
        ("612 345", "call 612 3456", False),
        ("+34 612", "call +34 612!", True),
        ("   ", "anything", False),
    ],
)
def test_leaks_whole_words_only(value: str, redacted: str, expected: bool) -> None:
    assert tm.leaks(value, redacted) is expected


def test_partial_redaction_is_not_verbatim_but_not_fully_covered() -> None:
    text = "Lives at 12 Rua Augusta, Lisboa."
    doc = _doc(text, ("12 Rua Augusta, Lisboa", "ADDRESS", True))
    findings = [_finding(text, "Lisboa", "LOCATION")]
    cell = tm.score_doc(doc, findings, tm.label_redact(text, findings)).by_type["ADDRESS"]
    assert cell.found == 1 and cell.leaked == 0 and cell.uncovered == 1
    assert cell.no_leak == 1.0 and cell.fully_covered == 0.0


def test_covered_ignores_punctuation_and_spaces() -> None:
    text = "Ana, Lima"
    assert tm.covered(text, 0, 9, [tm.Finding(0, 3, "PERSON"), tm.Finding(5, 9, "PERSON")])
    assert not tm.covered(text, 0, 9, [tm.Finding(0, 3, "PERSON")])


def test_resolve_overlaps_keeps_the_higher_score_then_the_longer() -> None:
    kept = tm.resolve_overlaps(
        [
            tm.Finding(0, 10, "DATE_TIME", 0.6),
            tm.Finding(2, 8, "PHONE", 0.75),
            tm.Finding(20, 25, "PERSON", 0.85),
            tm.Finding(20, 30, "LOCATION", 0.85),
        ]
    )
    assert [(f.start, f.type) for f in kept] == [(2, "PHONE"), (20, "LOCATION")]


def test_label_redact_replaces_each_finding() -> None:
    text = "Ana at +34 612 345 678"
    findings = [tm.Finding(7, 22, "PHONE"), tm.Finding(0, 3, "PERSON")]
    assert tm.label_redact(text, findings) == "[PERSON] at [PHONE]"


def test_counts_ratios_and_merge() -> None:
    empty = tm.Counts()
    assert empty.recall is None and empty.precision is None and empty.f1 is None and empty.no_leak is None
    a = tm.DocScore()
    a.cell("PERSON").add(tm.Counts(gold=4, found=3, findings=4, correct=3, leaked=1))
    b = tm.DocScore()
    b.cell("PERSON").add(tm.Counts(gold=1, found=1, findings=2, correct=1, on_excluded=1))
    b.excluded_hits[("PERSON", "ORG")] = 1
    merged = tm.merge([a, b])
    person = merged.by_type["PERSON"]
    assert person.recall == 0.8 and person.precision == 0.8
    assert person.f1 == pytest.approx(0.8)
    assert person.no_leak == 0.8
    assert merged.excluded_hits == {("PERSON", "ORG"): 1}


def test_jsonl_records_public_spans_and_bad_types() -> None:
    text = "Lula met Ana."
    records: list[dict[str, object]] = [
        {
            "id": "x",
            "lang": "pt",
            "genre": "note",
            "text": text,
            "spans": [
                {"start": 0, "end": 4, "type": "PERSON", "public": True},
                {"start": 9, "end": 12, "type": "PERSON"},
            ],
        }
    ]
    (doc,) = tm.iter_jsonl_docs(records, name="pt.jsonl")
    assert [(g.counted, g.source_label) for g in doc.gold] == [(False, "public"), (True, "PERSON")]
    bad = [{"lang": "pt", "text": text, "spans": [{"start": 0, "end": 4, "type": "NAME"}]}]
    with pytest.raises(ValueError, match="unknown type"):
        list(tm.iter_jsonl_docs(bad, name="pt.jsonl"))
    outside = [{"lang": "pt", "text": text, "spans": [{"start": 5, "end": 99, "type": "PERSON"}]}]
    with pytest.raises(ValueError, match="outside"):
        list(tm.iter_jsonl_docs(outside, name="pt.jsonl"))


def test_benchmark_says_clearly_when_shared_data_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "text.py"
    spec = importlib.util.spec_from_file_location("text_benchmark", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "text_benchmark", module)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "SHARED", tmp_path / "shared" / "data" / "text")
    assert module.main([]) == 2
    assert "needs the shared evaluation data" in capsys.readouterr().err
