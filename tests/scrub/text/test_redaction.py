"""Operators, consistent pseudonyms, and the guarantee that text outside findings never changes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resguardo.errors import InputError, UsageError
from resguardo.scrub.text import MASK, Span, redact
from resguardo.scrub.text.redaction import check_findings


def pii(text: str, value: str, type_: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(value, start + 1)
    return Span(start, start + len(value), type_, "pii", 0.9)


TEXT = "Amina Diallo llamó al 612 345 678. Diallo vive con VIH. Luego escribió Pedro Quispe."


def spans() -> list[Span]:
    sensitive_start = TEXT.index("vive con VIH")
    return [
        pii(TEXT, "Amina Diallo", "PERSON"),
        pii(TEXT, "612 345 678", "PHONE"),
        pii(TEXT, "Diallo", "PERSON", nth=1),
        Span(sensitive_start, sensitive_start + len("vive con VIH"), "HEALTH", "sensitive", 0.85),
        pii(TEXT, "Pedro Quispe", "PERSON"),
    ]


def test_label() -> None:
    assert (
        redact(TEXT, spans(), operator="label").text
        == "[PERSON] llamó al [PHONE]. [PERSON] [HEALTH]. Luego escribió [PERSON]."
    )


def test_mask_does_not_give_away_the_length() -> None:
    result = redact(TEXT, spans(), operator="mask").text
    assert result == f"{MASK} llamó al {MASK}. {MASK} {MASK}. Luego escribió {MASK}."


def test_pseudonyms_are_consistent_and_in_the_text_language() -> None:
    result = redact(TEXT, spans(), operator="pseudonym", lang="es").text
    assert result == "Persona A llamó al Teléfono 1. Persona A [HEALTH]. Luego escribió Persona B."
    assert redact(TEXT, spans(), operator="pseudonym", lang="fr").text.startswith("Personne A")


def test_a_short_form_shared_by_two_people_goes_to_the_one_mentioned_last() -> None:
    text = "Juan Pérez y Juan Gómez llegaron. Después Juan Gómez habló y Juan se fue."
    findings = [
        pii(text, "Juan Pérez", "PERSON"),
        pii(text, "Juan Gómez", "PERSON"),
        pii(text, "Juan Gómez", "PERSON", nth=1),
        pii(text, "Juan", "PERSON", nth=3),
    ]
    result = redact(text, findings, operator="pseudonym", lang="es").text
    assert result == "Persona A y Persona B llegaron. Después Persona B habló y Persona B se fue."


def test_the_same_value_gets_the_same_number() -> None:
    text = "Call 612 345 678 or 611 000 111, not 612345678."
    findings = [
        pii(text, "612 345 678", "PHONE"),
        pii(text, "611 000 111", "PHONE"),
        pii(text, "612345678", "PHONE"),
    ]
    assert redact(text, findings, operator="pseudonym").text == "Call Phone 1 or Phone 2, not Phone 1."


def test_many_people_get_double_letters() -> None:
    names = [f"Nombre{chr(65 + i // 26)}{chr(65 + i % 26)} Apellido{i}" for i in range(28)]
    text = ". ".join(names)
    findings = [pii(text, name, "PERSON") for name in names]
    result = redact(text, findings, operator="pseudonym", lang="es").text
    assert result.split(". ")[25:] == ["Persona Z", "Persona AA", "Persona AB"]


def test_operators_per_type_and_keep() -> None:
    result = redact(
        TEXT, spans(), operator={"PERSON": "pseudonym", "sensitive": "keep", "default": "mask"}, lang="en"
    )
    assert result.text == f"Person A llamó al {MASK}. Person A vive con VIH. Luego escribió Person B."
    assert redact(TEXT, spans(), operator="keep").text == TEXT


def test_unknown_operator() -> None:
    with pytest.raises(UsageError) as error:
        redact(TEXT, spans(), operator="blur")
    assert error.value.code == "usage.invalid_choice"


@pytest.mark.parametrize(
    "bad",
    [
        Span(-1, 3, "PERSON", "pii", 0.9),
        Span(5, 500, "PERSON", "pii", 0.9),
        Span(5, 5, "PERSON", "pii", 0.9),
        Span(0, 5, "NICKNAME", "pii", 0.9),
    ],
)
def test_findings_outside_the_text_or_of_unknown_type(bad: Span) -> None:
    with pytest.raises(InputError) as error:
        redact(TEXT, [bad])
    assert error.value.code == "redact.bad_findings"


def test_overlapping_findings_are_refused() -> None:
    with pytest.raises(InputError):
        check_findings(TEXT, [Span(0, 12, "PERSON", "pii", 0.9), Span(6, 12, "PERSON", "pii", 0.9)])


@st.composite
def text_and_findings(draw: st.DrawFn) -> tuple[str, list[Span]]:
    text = draw(st.text(min_size=1, max_size=120))
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=12))))
    findings = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        if start < end:
            findings.append(
                Span(start, end, draw(st.sampled_from(["PERSON", "PHONE", "HEALTH"])), "pii", 0.5)
            )
    return text, findings


@settings(max_examples=200, deadline=None)
@given(text_and_findings(), st.sampled_from(["mask", "label", "pseudonym", "keep"]))
def test_text_outside_findings_never_changes(case: tuple[str, list[Span]], operator: str) -> None:
    text, findings = case
    result = redact(text, findings, operator=operator)
    assert len(result.replacements) == len(findings)
    position = 0
    rebuilt = []
    for span, replacement in result.replacements:
        rebuilt.append(text[position : span.start])
        rebuilt.append(replacement)
        position = span.end
    rebuilt.append(text[position:])
    assert "".join(rebuilt) == result.text
    if operator == "keep":
        assert result.text == text
