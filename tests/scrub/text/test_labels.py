"""Every finding type and category has a human name, translated into Spanish."""

from __future__ import annotations

from resguardo.i18n import translate
from resguardo.scrub.text import PII_TYPES, SENSITIVE_TYPES
from resguardo.scrub.text.labels import CATEGORY_LABELS, TYPE_LABELS, type_label


def test_every_type_and_category_has_a_name() -> None:
    assert set(TYPE_LABELS) == set(PII_TYPES) | set(SENSITIVE_TYPES)
    assert set(CATEGORY_LABELS) == {"pii", "sensitive"}
    names = list(TYPE_LABELS.values())
    assert len(set(names)) == len(names)  # no two types look alike on the page


def test_names_are_translated() -> None:
    for msgid in (*TYPE_LABELS.values(), *CATEGORY_LABELS.values()):
        assert translate(msgid, "es") != msgid, msgid
    assert translate(type_label("HEALTH"), "es") == "Salud"
    assert translate(type_label("PERSON"), "es") == "Persona"


def test_an_unknown_type_is_shown_as_it_is() -> None:
    assert type_label("SOMETHING_NEW") == "SOMETHING_NEW"
