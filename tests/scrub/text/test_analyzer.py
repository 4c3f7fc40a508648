"""analyze(): the finders together, allow-list, categories, blocks and progress."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resguardo.errors import UsageError
from resguardo.scrub.text import analyze, analyzer

TEXT = (
    "Hola, soy Rosa Quispe (DNI 12345678Z), vivo en la Calle Mayor 12, Madrid. "
    "Mi número es +34 612 345 678 y mi correo rosa.quispe@riseup.net. "
    "Vivo con VIH desde 2015 y estoy en situación irregular. "
    "Queremos que el presidente Pedro Sánchez escuche a los migrantes."
)


def kinds(text: str, **options: object) -> list[tuple[str, str]]:
    result = analyze(text, "es", **options)  # type: ignore[arg-type]
    return [(span.type, text[span.start : span.end]) for span in result.findings]


def test_finds_every_kind_of_information() -> None:
    found = kinds(TEXT)
    for expected in [
        ("PERSON", "Rosa Quispe"),
        ("ID_NUMBER", "12345678Z"),
        ("ADDRESS", "Calle Mayor 12, Madrid"),
        ("PHONE", "+34 612 345 678"),
        ("EMAIL", "rosa.quispe@riseup.net"),
        ("PERSON", "Pedro Sánchez"),
    ]:
        assert expected in found
    assert {kind for kind, _ in found} >= {"HEALTH", "MIGRATION_STATUS"}


def test_the_allow_list_keeps_whole_names_only() -> None:
    found = kinds(TEXT, allow=["pedro  SÁNCHEZ"])
    assert ("PERSON", "Pedro Sánchez") not in found and ("PERSON", "Rosa Quispe") in found
    text = "Gabriel García Márquez escribió. María García vino."
    assert ("PERSON", "María García") in kinds(text, allow=["Gabriel García Márquez"])


def test_categories() -> None:
    assert {span.category for span in analyze(TEXT, "es", categories=["sensitive"]).findings} == {"sensitive"}
    assert {span.category for span in analyze(TEXT, "es", categories=["pii"]).findings} == {"pii"}
    with pytest.raises(UsageError):
        analyze(TEXT, "es", categories=["secrets"])


def test_language_auto_and_regional_tags() -> None:
    assert analyze("Ele está em situação irregular.", "auto").lang == "pt"
    assert analyze("Ele está em situação irregular.", "pt-BR").lang == "pt"
    with pytest.raises(UsageError) as error:
        analyze("x", "de")
    assert error.value.code == "usage.invalid_choice"


def test_a_long_text_is_read_in_blocks_cut_at_line_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    line = TEXT + "\n"
    text = line * 6
    one = analyze(line, "es").findings
    whole = [
        type(span)(
            span.start + i * len(line),
            span.end + i * len(line),
            span.type,
            span.category,
            span.score,
            span.source,
        )
        for i in range(6)
        for span in one
    ]
    monkeypatch.setattr(analyzer, "BLOCK_CHARS", len(line) + 20)
    seen: list[tuple[int, int]] = []
    blocked = analyze(text, "es", progress=lambda done, total: seen.append((done, total))).findings
    assert blocked == whole
    assert len(seen) >= 6 and seen[-1] == (len(text), len(text))
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.sampled_from(list("Ana María López 612345678 @x.co\n,.é Calle 5 VIH detenido")),
        max_size=200,
    )
)
def test_findings_lie_within_the_text_and_never_overlap(text: str) -> None:
    findings = analyze(text, "es").findings
    assert all(0 <= span.start < span.end <= len(text) for span in findings)
    assert all(a.end <= b.start for a, b in itertools.pairwise(findings))


def test_hostile_strings_do_not_break_it() -> None:
    for text in [
        "\x00\u202e\ufeff",
        "<script>alert(1)</script> Ana López",
        "a" * 5000,
        "🙂" * 300,
        "\r\n" * 50,
    ]:
        for span in analyze(text, "auto").findings:
            assert 0 <= span.start < span.end <= len(text)
