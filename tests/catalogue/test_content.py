"""The shipped catalogue: schema-valid, cross-referenced, translated, big enough. No Django."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from resguardo.catalogue import load
from resguardo.catalogue.checks import check_catalogue, translation_status
from resguardo.catalogue.files import digest, missing_text, overlay, text_tree


def test_catalogue_has_no_problems() -> None:
    problems = check_catalogue()
    assert problems == [], "\n".join(str(p) for p in problems[:40])


def test_catalogue_check_needs_no_django() -> None:
    code = (
        "import sys; from resguardo.catalogue.checks import check_catalogue; from resguardo.catalogue import load; "
        "check_catalogue(); load('es'); sys.exit(1 if 'django' in sys.modules else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False, timeout=120).returncode == 0


@pytest.mark.parametrize(
    ("kind", "minimum"),
    [("profiles", 12), ("assets", 10), ("adversaries", 12), ("threats", 50), ("mitigations", 100)],
)
def test_minimum_sizes(kind: str, minimum: int) -> None:
    assert len(getattr(load("en"), kind)) >= minimum


def test_required_profiles_present() -> None:
    ids = set(load("en").profiles)
    for required in (
        "migrant-in-transit",
        "migrant-support-org",
        "street-organiser",
        "journalist",
        "exiled-activist",
        "gbv-survivor",
        "lgbtq-organiser",
        "free-knowledge-editor",
        "election-monitor",
        "lawyer",
    ):
        assert required in ids


def test_every_item_is_sourced_and_reviewed() -> None:
    cat = load("en")
    for kind in ("assets", "adversaries", "profiles", "threats", "mitigations", "support", "identity"):
        for item in getattr(cat, kind).values():
            assert item.sources, f"{kind}:{item.id} has no source"
            assert all(s.url.startswith("https://") for s in item.sources)
            assert dt.date(2025, 1, 1) <= item.reviewed <= dt.date(2027, 12, 31), f"{kind}:{item.id}"


def test_every_strategy_is_used() -> None:
    strategies = {m.strategy for m in load("en").mitigations.values()}
    assert strategies == {"fortification", "obfuscation", "reduction", "compartmentalisation"}


def test_threats_have_questions_and_emergency_steps() -> None:
    for threat in load("en").threats.values():
        assert threat.vulnerability_questions and threat.capacity_questions
        assert threat.emergency.first_steps
        assert 1 <= threat.likelihood <= 5 and 1 <= threat.impact <= 5


def test_spanish_is_complete_and_current() -> None:
    status = translation_status()
    assert status["es"] == {"complete": True, "missing": 0, "stale": 0}


def test_spanish_text_differs_from_english() -> None:
    en, es = load("en"), load("es")
    same = [t for t in en.threats if en.threats[t].summary == es.threats[t].summary]
    assert same == []
    assert (
        es.threats["phishing"].vulnerability_questions[0].text
        != en.threats["phishing"].vulnerability_questions[0].text
    )


# --- the translation machinery, on synthetic items --------------------------------------

ITEM = {
    "id": "x",
    "name": "Name",
    "steps": ["one", "two"],
    "questions": [{"id": "q", "text": "Q?", "scale": "extent"}],
    "sources": [{"title": "T", "url": "https://example.org"}],
    "likelihood": 3,
}


def test_text_tree_keeps_only_text() -> None:
    assert text_tree(ITEM) == {"name": "Name", "steps": ["one", "two"], "questions": [{"text": "Q?"}]}


def test_digest_changes_with_text_only() -> None:
    changed_number = {**ITEM, "likelihood": 5}
    changed_text = {**ITEM, "name": "Other"}
    assert digest(ITEM) == digest(changed_number)
    assert digest(ITEM) != digest(changed_text)


def test_missing_text_finds_gaps_and_wrong_shapes() -> None:
    full = {"name": "Nombre", "steps": ["uno", "dos"], "questions": [{"id": "q", "text": "¿Q?"}]}
    assert missing_text(text_tree(ITEM), full) == []
    assert missing_text(text_tree(ITEM), {**full, "steps": ["uno"]}) == ["steps"]
    assert missing_text(text_tree(ITEM), {k: v for k, v in full.items() if k != "name"}) == ["name"]
    assert missing_text(text_tree(ITEM), {**full, "name": "  "}) == ["name"]


def test_overlay_replaces_text_and_keeps_data() -> None:
    merged = overlay(ITEM, {"name": "Nombre", "questions": [{"id": "q", "text": "¿Q?"}]})
    assert merged["name"] == "Nombre"
    assert merged["questions"][0] == {"id": "q", "text": "¿Q?", "scale": "extent"}
    assert merged["steps"] == ["one", "two"]
    assert merged["sources"] == ITEM["sources"]
