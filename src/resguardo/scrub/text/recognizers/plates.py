"""PLATE: vehicle registration plates.

Formats distinctive enough to stand alone are reported without a context word: France
SIV "AB-123-CD", Brazil Mercosur "BRA2E19", Mexico "ABC-123-D" and "ABC-12-34", UK
"LK19 XRM" (area letters, a real age identifier), Belgium "1-ABC-123", Portugal
"AB-12-CD". Formats that collide with everyday codes ("ABC-1234", "ABC 123", "AB123CD",
"1234 BCD", the older Portuguese "12-AB-34" and "12-34-AB") count in the languages of
their countries or next to a plate word; anything else that looks like a plate counts
only right after a plate word (plate, placa, matrícula, plaque, chapa, patente...), which
is how US plates, Colombian "ABC 123" and Venezuelan "AB123CD" are found, or, at a lower
score, right after a vehicle word with only lowercase words between ("her car, KLW-4821",
"ur car (6HVN093)"), when it has at least two letters and two digits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from resguardo.scrub.text.base import Span
from resguardo.scrub.text.recognizers._common import make_span
from resguardo.scrub.text.recognizers.context import PLATE_WORDS, VEHICLE_WORDS

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


# UK since 2001: two memory-tag letters (the first names a region: never I, J, Q, T, U, X, Z;
# the second never I, Q, Z; "EU" left out for "EU27"), the age identifier (02-29 for March,
# 51-79 for September registrations) and three random letters (never I, Q).
_UK_AREA = r"(?!EU)[A-HK-PR-WY][A-HJ-PR-Y]"
_UK_AGE = r"(?:0[2-9]|[12]\d|5[1-9]|[67]\d)"
_UK_RANDOM = r"[A-HJ-PR-Z]{3}"

_FORMATS = (
    _Format(r"[A-HJ-NP-TV-Z]{2}-(?!000)\d{3}-[A-HJ-NP-TV-Z]{2}", "plate_fr", 0.85),
    _Format(rf"{_UK_AREA}{_UK_AGE} {_UK_RANDOM}", "plate_gb", 0.8),
    _Format(rf"{_UK_AREA}{_UK_AGE}{_UK_RANDOM}", "plate_gb", None, ("en", "*"), 0.7),
    _Format(r"[1-9]-[A-Z]{3}-\d{3}", "plate_be", 0.8),
    _Format(r"[A-Z]{2}-\d{2}-[A-Z]{2}", "plate_pt", 0.75),
    _Format(r"\d{2}-[A-Z]{2}-\d{2}", "plate_pt", None, ("pt", "*"), 0.75),
    _Format(r"\d{2}-\d{2}-[A-Z]{2}", "plate_pt", None, ("pt", "*"), 0.75),
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
# Between a vehicle word and its plate: punctuation and at most three lowercase words
# ("car, ", "van is ", "camionnette c'est la "), never a brand or a model ("car, a Mercedes GLC 300").
_VEHICLE_GAP = re.compile(r"[\s,:(\-–—]*(?:[^\W\d_A-Z][^\W\dA-Z]*[\s,:('’]+){0,3}")
# One code, dashed or not ("KLW-4821", "6HVN093"), or letters and digits in two groups
# ("TXK 3307"): not a model with its trim or year ("F150 XL", "2019 RAV4").
_VEHICLE_PLATE = re.compile(
    r"(?<![\w\-])(?:[A-Z0-9]{1,8}(?:-[A-Z0-9]{1,4}){0,2}|[A-Z]{2,4} \d{2,4}|\d{2,4} [A-Z]{2,4})(?![\w\-]| [A-Z0-9]{1,4}(?!\w))"
)


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


def _plate_like(value: str) -> bool:
    alphanumeric = [char for char in value if char.isalnum()]
    letters = sum(1 for char in alphanumeric if char.isalpha())
    return 5 <= len(alphanumeric) <= 8 and letters >= 2 and len(alphanumeric) - letters >= 2


def _after_vehicle_words(text: str, lang: str) -> Iterator[Span | None]:
    for word in VEHICLE_WORDS.pattern(lang).finditer(text):
        gap = _VEHICLE_GAP.match(text, word.end(), min(len(text), word.end() + 24))
        if gap is None:
            continue
        match = _VEHICLE_PLATE.match(text, gap.end())
        if match is None or not _plate_like(match.group()) or _excluded(match.group()):
            continue
        yield make_span(text, match.start(), match.end(), "PLATE", 0.75, "plate_vehicle")


def find_plates(text: str, lang: str) -> Iterator[Span]:
    for finder in (_known_formats, _after_plate_words, _after_vehicle_words):
        for span in finder(text, lang):
            if span is not None:
                yield span
