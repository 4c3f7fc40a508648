"""Documents a person keeps: Markdown, HTML, the PDF plan and the one-page emergency card."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from resguardo.catalogue import load
from resguardo.risk import Answers, build_plan
from resguardo.risk.answers import Contact
from resguardo.risk.document import (
    emergency_card_document,
    emergency_card_html,
    emergency_card_pdf,
    plan_html,
    plan_markdown,
    plan_pdf,
)

TODAY = dt.date(2026, 11, 22)


@pytest.mark.parametrize("language", ["en", "es"])
def test_emergency_card_is_one_page_even_for_many_risks(language: str) -> None:
    cat = load(language)
    answers = Answers(profiles=tuple(cat.profiles), contacts=(Contact("Luz", "lawyer", "+52 55 0000 0000"),))
    plan = build_plan(cat, answers, TODAY)
    assert len(plan.emergency) > 6
    assert len(emergency_card_document(plan, cat).pages) == 1
    assert emergency_card_pdf(plan, cat).startswith(b"%PDF-")
    assert "Luz" in emergency_card_html(plan, cat)


def test_plan_pdf_is_a_pdf_with_every_risk() -> None:
    cat = load("es")
    plan = build_plan(cat, Answers(profiles=("journalist",)), TODAY)
    html = plan_html(plan, cat)
    for risk in plan.risks:
        assert risk.threat.name.replace("&", "&amp;") in html or risk.threat.name in html
    assert 'lang="es"' in html
    assert plan_pdf(plan, cat).startswith(b"%PDF-")


def test_hostile_user_text_is_neutralised() -> None:
    cat = load("en")
    hostile = Contact(
        "<img src=x onerror=alert(1)> **bold** [link](https://evil.example)", "|pipe|", "# heading"
    )
    plan = build_plan(cat, Answers(profiles=("street-organiser",), contacts=(hostile,)), TODAY)
    html = plan_html(plan, cat) + emergency_card_html(plan, cat)
    assert "<img" not in html
    md = plan_markdown(plan, cat)
    assert "<img" not in md
    assert "\\[link\\](https://evil.example)" in md  # brackets escaped: not a link
    assert "\\*\\*bold\\*\\*" in md


def test_documents_fetch_nothing_external() -> None:
    cat = load("en")
    html = plan_html(build_plan(cat, Answers(profiles=("lawyer",)), TODAY), cat)
    assert not re.search(r'(src|href)="https?://', html)
