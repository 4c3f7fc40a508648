"""PLATE: vehicle registration plates.

Formats distinctive enough to stand alone are reported without a context word: France
SIV "AB-123-CD", Brazil Mercosur "BRA2E19", Mexico "ABC-123-D" and "ABC-12-34", Spain
"1234 BCD" (consonants only, never a currency code). Formats that collide with everyday
codes ("ABC-1234", "ABC 123", "AB123CD") count in the languages of their countries or next
to a plate word; anything else that looks like a plate counts only right after a plate
word (plate, placa, matrícula, plaque, chapa, patente...), which is how US plates,
Colombian "ABC 123" and Venezuelan "AB123CD" are found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from resguardo.scrub.text.base import Span
from resguardo.scrub.text.recognizers._common import make_span
from resguardo.scrub.text.recognizers.context import PLATE_WORDS

__all__ = ["find_plates"]

_B = r"(?<![\w\-./])"
_E = r"(?![\w\-/]|[.,]\w)"

# ISO 4217 codes and acronyms made only of consonants, which a "1234 BCD" pattern would take.
_NOT_PLATE_LETTERS = frozenset(
    (
        "BGN", "BHD", "BND", "BRL", "BTN", "BWP", "BYN", "CDF", "CHF", "CLP", "CNY", "CZK", "DKK", "DZD", "GBP",
        "GHS", "GMD", "GNF", "GTQ", "HKD", "HNL", "HRK", "JMD", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KZT",
        "LKR", "LRD", "LSL", "MDL", "MGF", "MKD", "MMK", "MNT", "MRU", "MWK", "MXN", "NGN", "NPR", "PGK", "PHP",
        "PKR", "PLN", "PYG", "RSD", "SCR", "SDG", "SGD", "SHP", "SLL", "SRD", "SZL", "THB", "TJS", "TMT",
        "TND", "TRY", "TTD", "TWD", "TZS", "VND", "XCD", "XPF", "ZMW", "BBC", "CNN", "DVD", "PDF", "HTML",
        "XML", "CSS", "SQL", "NGO", "LGBT", "SMS", "MMS", "GPS", "PGP", "VPN", "HTTP", "NSF", "PSG", "FCB",
        "MVP", "CBS", "NBC",
    )
)  # fmt: skip
_COMMON_PREFIXES = frozenset(
    (
        "ISO", "RFC", "CVE", "DOI", "ISBN", "ISSN", "PMID", "USB", "COP", "COVID", "SARS", "EUR", "USD",
        "LGB", "ONG", "ONU", "ETA",
    )
)  # fmt: skip


class _Format(NamedTuple):
    pattern: str
    source: str
    #: score without a plate word, or None where one is required
    alone: float | None
    #: languages where the format counts without a plate word even when ``alone`` is None
    home: tuple[str, ...] = ()
    home_score: float = 0.0


_FORMATS = (
    _Format(r"[A-HJ-NP-TV-Z]{2}-(?!000)\d{3}-[A-HJ-NP-TV-Z]{2}", "plate_fr", 0.85),
    _Format(r"[A-Z]{3}\d[A-Z]\d{2}", "plate_br_mercosur", 0.8),
    _Format(r"[A-Z]{3}-\d{3}-[A-Z]", "plate_mx", 0.8),
    _Format(r"[A-Z]{3}-\d{2}-\d{2}", "plate_mx", 0.75),
    _Format(r"\d{4}[ -][BCDFGHJKLMNPRSTVWXYZ]{3}", "plate_es", None, ("es", "*"), 0.75),
    _Format(r"\d{4}[BCDFGHJKLMNPRSTVWXYZ]{3}", "plate_es", None),
    _Format(r"[A-Z]{3}-\d{4}", "plate_br", None, ("pt", "*"), 0.7),
    _Format(r"[A-Z]{2}\d{3}[A-Z]{2}", "plate_ve", None, ("es", "*"), 0.65),
    _Format(r"[A-Z]{3}[ -]?\d{3}", "plate_co", None),
    _Format(r"[A-Z]{3}[ -]?\d{2}[A-Z]", "plate_co", None),
    _Format(r"\d{3}-[A-Z]{3}", "plate_mx", None),
)
# One pass over the text for every format; the most specific formats come first.
_KNOWN = re.compile(
    _B + "(?:" + "|".join(f"(?P<f{index}>{entry.pattern})" for index, entry in enumerate(_FORMATS)) + ")" + _E
)
# What follows a plate word: one to three groups of capitals and digits, with both in them.
_AFTER_WORD = re.compile(r"(?<![\w\-])[A-Z0-9]{1,8}(?:[ \-·][A-Z0-9]{1,4}){0,2}(?![\w\-])")
_SENTENCE_BREAK = re.compile(r"[!?;\n]|\.\s")


def _letters(value: str) -> str:
    return "".join(char for char in value if char.isalpha())


def _excluded(value: str) -> bool:
    letters = _letters(value)
    return letters in _NOT_PLATE_LETTERS or letters in _COMMON_PREFIXES


def _plate_word_before(text: str, start: int, lang: str) -> bool:
    word = PLATE_WORDS.before(text, start, lang, window=32)
    return word is not None and not _SENTENCE_BREAK.search(text, word.end(), start)


def _known_formats(text: str, lang: str) -> Iterator[Span | None]:
    for match in _KNOWN.finditer(text):
        plate_format = _FORMATS[int(str(match.lastgroup)[1:])]
        if _excluded(match.group()):
            continue
        if _plate_word_before(text, match.start(), lang):
            score = 0.95
        elif plate_format.alone is not None:
            score = plate_format.alone
        elif lang in plate_format.home:
            score = plate_format.home_score
        else:
            continue
        yield make_span(text, match.start(), match.end(), "PLATE", score, plate_format.source)


def _after_plate_words(text: str, lang: str) -> Iterator[Span | None]:
    for word in PLATE_WORDS.pattern(lang).finditer(text):
        limit = min(len(text), word.end() + 32)
        stop = _SENTENCE_BREAK.search(text, word.end(), limit)
        for match in _AFTER_WORD.finditer(text, word.end(), stop.start() if stop else limit):
            value = match.group()
            alphanumeric = [char for char in value if char.isalnum()]
            has_both = any(char.isdigit() for char in value) and any(char.isalpha() for char in value)
            if 4 <= len(alphanumeric) <= 8 and has_both and not _excluded(value):
                yield make_span(text, match.start(), match.end(), "PLATE", 0.85, "plate_context")
                break


def find_plates(text: str, lang: str) -> Iterator[Span]:
    for finder in (_known_formats, _after_plate_words):
        for span in finder(text, lang):
            if span is not None:
                yield span
