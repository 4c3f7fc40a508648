"""DATE_OF_BIRTH: a date shortly after a birth word in the same sentence.

A date alone is not a finding (meetings, protests and court hearings have dates too);
"born 3 March 1990", "nació el 3 de marzo de 1990", "data de nascimento: 03/03/1990" and
"née le 1er mars 1990" are. The span covers the date, not the word. A year alone ("born in
1990") is left out: it narrows a person down far less than a full date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from resguardo.scrub.text.base import Span
from resguardo.scrub.text.recognizers._common import make_span
from resguardo.scrub.text.recognizers.context import DOB_WORDS

__all__ = ["find_dates_of_birth"]

_MONTHS = {
    "january": 1, "jan": 1, "enero": 1, "ene": 1, "janeiro": 1, "janvier": 1, "janv": 1,
    "february": 2, "feb": 2, "febrero": 2, "fevereiro": 2, "fev": 2, "février": 2, "fevrier": 2, "févr": 2,
    "march": 3, "mar": 3, "marzo": 3, "março": 3, "marco": 3, "mars": 3,
    "april": 4, "apr": 4, "abril": 4, "abr": 4, "avril": 4, "avr": 4,
    "may": 5, "mayo": 5, "maio": 5, "mai": 5,
    "june": 6, "jun": 6, "junio": 6, "junho": 6, "juin": 6,
    "july": 7, "jul": 7, "julio": 7, "julho": 7, "juillet": 7, "juil": 7,
    "august": 8, "aug": 8, "agosto": 8, "ago": 8, "août": 8, "aout": 8,
    "september": 9, "sep": 9, "sept": 9, "septiembre": 9, "setiembre": 9, "set": 9, "setembro": 9, "septembre": 9,
    "october": 10, "oct": 10, "octubre": 10, "outubro": 10, "out": 10, "octobre": 10,
    "november": 11, "nov": 11, "noviembre": 11, "novembro": 11, "novembre": 11,
    "december": 12, "dec": 12, "diciembre": 12, "dic": 12, "dezembro": 12, "dez": 12, "décembre": 12, "decembre": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th|er|º|°|o)?"
_YEAR = r"(?P<{name}>(?:19|20)\d{{2}})"
_DATE = re.compile(
    r"(?<![\w/.\-])(?:"
    # 3 March 1990, 3 de marzo de 1990, 1er mars 1990, 3 março, 1990
    + _DAY.format(name="d1")
    + rf"\s+(?:de\s+)?(?P<m1>{_MONTH})\.?,?\s+(?:de\s+|del\s+)?"
    + _YEAR.format(name="y1")
    # March 3, 1990
    + rf"|(?P<m2>{_MONTH})\.?\s+"
    + _DAY.format(name="d2")
    + r",?\s+"
    + _YEAR.format(name="y2")
    # March 1990, marzo de 1990
    + rf"|(?P<m3>{_MONTH})\.?\s+(?:de\s+|del\s+|of\s+)?"
    + _YEAR.format(name="y3")
    # 03/03/1990, 3.3.90, 1990-03-03
    + r"|(?P<n1>\d{1,2})(?P<sep>[/.\-])(?P<n2>\d{1,2})(?P=sep)(?P<n3>\d{4}|\d{2})"
    + r"|(?P<iy>(?:19|20)\d{2})-(?P<im>\d{1,2})-(?P<id>\d{1,2})"
    + r")(?![\w/\-]|[.,]\d)",
    re.IGNORECASE,
)
_REACH = 40
_LONGEST_DATE = len("30 de septiembre del 1999") + 4
_SENTENCE_BREAK = re.compile(r"[!?;\n]|\.\s+[A-ZÁÉÍÓÚÂÊÔÃÕÇÀ]")


def _this_year() -> int:
    return dt.datetime.now(dt.UTC).year


def _plausible(year: int, month: int, day: int | None) -> bool:
    if not 1900 <= year <= _this_year():
        return False
    if day is None:
        return 1 <= month <= 12
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _full_year(value: str) -> int:
    year = int(value)
    if len(value) == 4:
        return year
    # Two-digit years in a birth date: "90" is 1990, "05" is 2005.
    return 2000 + year if 2000 + year <= _this_year() else 1900 + year


def _is_date(match: re.Match[str]) -> bool:
    if match.group("m1"):
        return _plausible(int(match.group("y1")), _MONTHS[match.group("m1").lower()], int(match.group("d1")))
    if match.group("m2"):
        return _plausible(int(match.group("y2")), _MONTHS[match.group("m2").lower()], int(match.group("d2")))
    if match.group("m3"):
        return _plausible(int(match.group("y3")), _MONTHS[match.group("m3").lower()], None)
    if match.group("iy"):
        return _plausible(int(match.group("iy")), int(match.group("im")), int(match.group("id")))
    first, second, year = int(match.group("n1")), int(match.group("n2")), _full_year(match.group("n3"))
    # Day-month (most of the world) or month-day (the United States).
    return _plausible(year, second, first) or _plausible(year, first, second)


def find_dates_of_birth(text: str, lang: str) -> Iterator[Span]:
    # From each birth word, the first date within 40 characters, in the same sentence.
    for word in DOB_WORDS.pattern(lang).finditer(text):
        match = _DATE.search(text, word.end(), min(len(text), word.end() + _REACH + _LONGEST_DATE))
        if match is None or match.start() > word.end() + _REACH:
            continue
        if _SENTENCE_BREAK.search(text, word.end(), match.start()) or not _is_date(match):
            continue
        span = make_span(text, match.start(), match.end(), "DATE_OF_BIRTH", 0.9, "dob")
        if span is not None:
            yield span
