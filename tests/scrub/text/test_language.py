"""Telling English, Spanish, Portuguese and French apart for --lang auto."""

from __future__ import annotations

import pytest

from resguardo.scrub.text import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("She is undocumented and was arrested last year at the border.", "en"),
        ("Hablé con juan y con la flaca ayer en la marcha.", "es"),
        ("A Maria mora na Rua Augusta e não foi presa.", "pt"),
        ("Me Pierre représente Amina devant le tribunal de Lyon.", "fr"),
        ("Ele está em situação irregular desde 2020.", "pt"),
        ("Elle a été arrêtée pendant la manifestation.", "fr"),
        ("¿Dónde está el albergue?", "es"),
    ],
)
def test_detects_the_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_nothing_to_go_on_gives_the_default() -> None:
    assert detect_language("") == "en"
    assert detect_language("12345 +52 55 1234 5678", default="es") == "es"
