"""Country and region names from ISO 3166 (``entities._places``): where a name starts and ends."""

from __future__ import annotations

import pytest

from resguardo.scrub.text.entities._places import find_places


def places(text: str) -> list[str]:
    return [text[span.start : span.end] for span in find_places(text)]


def test_the_longest_name_at_a_word_wins() -> None:
    assert places("Llegó de Guinea-Bissau, no de Guinea; vive en Costa Rica.") == [
        "Guinea-Bissau",
        "Guinea",
        "Costa Rica",
    ]


def test_names_with_apostrophes_and_unaccented_capitals() -> None:
    assert places("Elle a quitté la Côte d'Ivoire pour les Etats-Unis.") == ["Côte d'Ivoire", "Etats-Unis"]


@pytest.mark.parametrize(
    "text",
    [
        "@Chile",  # a handle
        "#Chile",  # a hashtag
        "/Chile",  # a path
        "Chileno",  # a longer word
        "Chile-x",  # joined to a word by a hyphen
        "Chile@x",  # part of an address
        "Chile_2",  # part of an identifier
        "chile",  # not capitalised
    ],
)
def test_no_place_inside_other_tokens(text: str) -> None:
    assert places(text) == []


def test_a_name_ends_at_punctuation_and_line_ends() -> None:
    assert places("Chile. Perú,\nBolivia") == ["Chile", "Perú", "Bolivia"]
