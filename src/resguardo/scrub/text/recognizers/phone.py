"""PHONE, through Google's libphonenumber (the ``phonenumbers`` package, ``[text]`` extra).

``PhoneNumberMatcher`` is slow on a whole document (about a second per region for 100 KB),
so a cheap pattern first picks the runs of digits that could hold a number, the region's
number patterns rule out the regions that cannot match a run, and the matcher runs on
each run with a few characters around it, region by region, until one region accounts for
the run. International numbers ("+52 55 ...", "0033 6 ...") are found whatever the
language; national ones are tried against the regions where the text's language is
spoken: the main ones always, the others only next to a phone word.

Leniency is ``VALID`` (the number must be a valid number for its region), chosen by
measurement (see ``LENIENCY``). Beyond it:

- a run written like a phone number right after a phone word ("Phone: 467 3395", "Fax:
  345-899-3560x4587") or starting with "+" counts at a lower score even where the metadata
  says no such number exists (numbers change, people drop a digit);
- a run whose nearest naming word is a reference word ("expediente", "order", "dossier")
  or that starts with a year ("2019-123456") does not count; "#" is a reference word
  ("Order #2125550123") except after a possessive or "new" ("my # is", "his new #:"),
  where it is informal English for "number" and counts as a phone word;
- a Belgian national number as the identity card prints it ("84.08.09-425.58") is never a
  phone number (ids.py reports it when its key agrees);
- the old Mexican mobile form "+52 1 55 ..." counts;
- an extension ("x4587", "ext. 12") belongs to the number.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

import phonenumbers

from resguardo.scrub.text.base import Span
from resguardo.scrub.text.recognizers._common import make_span
from resguardo.scrub.text.recognizers.context import DIAL_WORDS, PHONE_WORDS, REFERENCE_WORDS

__all__ = ["LENIENCY", "REGIONS", "find_phones"]

#: Measured through this module on 47 phone numbers written the ways people write them in
#: en/es/pt/fr sentences and 20 hard negatives (CPF, order numbers, prices, dates, ISBN,
#: court case numbers): POSSIBLE recall 0.98, precision 0.94 (takes "3.500.000" pesos and
#: splits "+52 1 55 1234 5678"); VALID recall 0.98, precision 1.0; STRICT_GROUPING recall
#: 0.94 and EXACT_GROUPING 0.91, both precision 1.0 (they lose "(11) 9 1234-5678",
#: "0412 123 45 67" and other groupings people use).
LENIENCY = phonenumbers.Leniency.VALID

#: Per language: (main regions, tried everywhere; other regions, tried next to a phone word).
REGIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (("US", "GB"), ("CA", "AU", "IE", "NZ", "ZA", "IN", "NG", "PH", "JM")),
    "es": (
        ("ES", "MX", "US", "AR", "CO", "VE"),
        ("CL", "PE", "EC", "GT", "HN", "SV", "NI", "CR", "PA", "CU", "DO", "BO", "PY", "UY", "PR", "GQ"),
    ),
    "pt": (("BR", "PT"), ("AO", "MZ", "CV", "GW", "ST", "TL", "US")),
    "fr": (("FR", "BE", "CH", "CA"), ("LU", "MC", "HT", "SN", "CI", "CM", "CD", "CG", "ML", "BF", "MA", "DZ", "TN", "US")),
}  # fmt: skip
REGIONS["*"] = (
    tuple(dict.fromkeys(region for lang in ("en", "es", "pt", "fr") for region in REGIONS[lang][0])),
    tuple(dict.fromkeys(region for lang in ("en", "es", "pt", "fr") for region in REGIONS[lang][1])),
)

# A run that may hold a phone number: digits with the separators people type between them.
_CANDIDATE = re.compile(r"(?:(?<![\w+])\+|(?<![\w+]))\(?\d[\d \t\u00a0.\-\u2010\u2011\u2013/()]*\d\)?")
_MIN_DIGITS = 7
# How phone numbers are written, for the ones libphonenumber does not accept: an optional
# country code, an optional area code in brackets or a "(0)", then groups of digits, a group
# as long as the whole number too ("mobile: 3660170548", "+447700677662").
_SHAPE = re.compile(
    r"(?:\+\d{1,3}[ \t\u00a0.\-]?)?(?:\(0\)[ \u00a0]?)?(?:\(\d{1,4}\)[ \u00a0.\-]?)?"
    r"\d{1,12}(?:[ \u00a0.\-]\d{1,12}){0,5}"
)
# "2019-04-12", "12.03.2024": a date, whatever word stands before it ("Message 2 of 3, sent 2019-04-12")
_DATE = re.compile(r"(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./](?:19|20)\d{2}")
_AREA_CODE = re.compile(r"\(\d{1,4}\)[ \u00a0.\-]?")
_EXTENSION = re.compile(r"[ \u00a0]?(?:x|ext\.?|extension|#)[ \u00a0]?\d{1,6}(?!\w)", re.IGNORECASE)
# "my # is 773 ...", "his new #: ...": "#" standing for "number" in informal English.
_HASH_FOR_NUMBER = re.compile(
    r"(?<!\w)(?:my|his|her|their|our|your|new|old|cell|mi|su|tu|meu|seu|mon|son|ton)\s+#\s*"
    r"(?:is|was|es|era|é|est|:)?[\s:]*$",
    re.IGNORECASE,
)
# How a Belgian identity card prints the national number ("84.08.09-425.58"): nobody writes
# a phone number so; ids.py checks its key.
_BE_NATIONAL_NUMBER = re.compile(r"\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}")
# "2019-123456", "2021/00453": a case or file number that starts with its year.
_YEAR_FIRST = re.compile(r"(?:19|20)\d{2}[-/.]\d+")
# An international number has at most 15 digits; with an exit code ("00", "011") a few more.
_MAX_DIGITS = 18
_DIGIT_RUN = re.compile(r"\d+")
_PIECE_BREAK = re.compile(r"\s*/+\s*|\s+-\s+|\s*[\u2012-\u2015\uff0d]\s*|\.\s+")
_TOKEN = re.compile(r"\S+")
# Parse attempts per run and region: a long run of numbers ("2019 1500 2300 ...") makes the
# matcher try each piece; a real number is found in the first few.
_MAX_TRIES = 12

# Mexico dropped the mobile "1" after +52 in 2019, but people still write "+52 1 55 ...".
_MEXICO_OLD_MOBILE = re.compile(r"\+52[ \-.]?1[ \-.]?(?=\d)")
# The matcher looks at the characters around a number (a letter or a currency sign before
# it means it is not one), so it gets a little of the text on each side.
_MARGIN = 3


@lru_cache(maxsize=4096)
def _matches(window: str, region: str) -> tuple[tuple[int, int, bool], ...]:
    found = []
    for match in phonenumbers.PhoneNumberMatcher(window, region, leniency=LENIENCY, max_tries=_MAX_TRIES):
        raw = match.raw_string.lstrip("(")
        international = raw.startswith(("+", "00", "011"))
        found.append((match.start, match.end, international))
    return tuple(found)


def _ascii_digits(run: str) -> str:
    """Digits of any script ("٠٥٥", "０５５") as ASCII, for the patterns of the phone metadata."""
    return run if run.isascii() else "".join(str(unicodedata.decimal(char)) for char in run)


class _Plan(NamedTuple):
    """What a national number of one region looks like, to skip the matcher where none can be."""

    pattern: re.Pattern[str] | None
    lengths: frozenset[int]


@lru_cache(maxsize=256)
def _plan(region: str) -> _Plan:
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    general = metadata.general_desc if metadata is not None else None
    if metadata is None or general is None or general.national_number_pattern is None:
        return _Plan(None, frozenset())
    if metadata.national_prefix_transform_rule and metadata.national_prefix_transform_rule != "\\2":
        # Argentina rewrites "15" into "9" while parsing: its numbers are not a tail of the digits typed.
        return _Plan(None, frozenset())
    return _Plan(re.compile(general.national_number_pattern), frozenset(general.possible_length))


def _could_hold(runs: tuple[str, ...], region: str) -> bool:
    """Whether some consecutive digit runs end in a national number of ``region``.

    A number the matcher finds starts and ends with a run of digits, and its national
    significant number is the tail of those digits (after any trunk or carrier prefix),
    so a region none of whose patterns fit any such tail cannot give a match.
    """
    plan = _plan(region)
    if plan.pattern is None:
        return True
    for first in range(len(runs)):
        digits = ""
        for last in range(first, len(runs)):
            digits += runs[last]
            if len(digits) > _MAX_DIGITS:
                break
            for length in plan.lengths:
                if length <= len(digits) and plan.pattern.fullmatch(digits, len(digits) - length):
                    return True
    return False


@lru_cache(maxsize=1024)
def _valid_international(number: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(number, None))
    except phonenumbers.NumberParseException:
        return False


def _digit_count(text: str, start: int, end: int) -> int:
    return sum(1 for index in range(start, end) if text[index].isdigit())


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The parts of a run of digits that may each be one number.

    A run too long to be one number ("2019 1500 2300 ...", two numbers side by side) is cut
    where the matcher itself would look for an inner number: at slashes, spaced dashes and
    full stops, then, for parts still too long, at every space. This keeps the matcher's
    work per run bounded.
    """
    if _digit_count(text, start, end) <= _MAX_DIGITS:
        yield start, end
        return
    position = start
    for cut in (*_PIECE_BREAK.finditer(text, start, end), None):
        piece_end = cut.start() if cut is not None else end
        if _digit_count(text, position, piece_end) <= _MAX_DIGITS:
            yield position, piece_end
        else:
            for token in _TOKEN.finditer(text, position, piece_end):
                yield token.start(), token.end()
        if cut is not None:
            position = cut.end()


def _reference(text: str, start: int, lang: str) -> bool:
    """Whether a reference word ("expediente", "order", "dossier") is the nearest word naming the number.

    "número de expediente 2345678901" is a file number; "caseworker's phone 2125550123" is
    a phone number, because the phone word stands nearer the number than "case".
    """
    reference = REFERENCE_WORDS.before(text, start, lang, window=24)
    if reference is None or any(char in ".;!?\n" for char in text[reference.end() : start].rstrip(".:")):
        return False
    phone_word = DIAL_WORDS.before(text, start, lang, window=24)
    return phone_word is None or phone_word.start() < reference.start()


def _phones_in(text: str, start: int, end: int, lang: str) -> Iterator[Span]:
    digits = _digit_count(text, start, end)
    if digits < _MIN_DIGITS:
        return
    main, others = REGIONS[lang]
    international = text[start] == "+" or text.startswith("00", start)
    runs = tuple(_ascii_digits(run) for run in _DIGIT_RUN.findall(text, start, end))
    offset = max(0, start - _MARGIN)
    window = text[offset : min(len(text), end + _MARGIN)]
    hash_word = _HASH_FOR_NUMBER.search(text, max(0, start - 24), start) is not None
    context = hash_word or PHONE_WORDS.near(text, start, end, lang, before=40, after=8)
    if _BE_NATIONAL_NUMBER.fullmatch(text, start, end):
        return
    if (not hash_word and _reference(text, start, lang)) or (
        not context and _YEAR_FIRST.fullmatch(text, start, end)
    ):
        return
    regions = main + others if context else main
    taken: list[tuple[int, int, bool, bool]] = []
    for index, region in enumerate(regions):
        if not international and not _could_hold(runs, region):
            continue
        for found_start, found_end, written_international in _matches(window, region):
            absolute_start, absolute_end = found_start + offset, found_end + offset
            if absolute_start < start or absolute_end > end:
                continue
            if any(absolute_start < t_end and t_start < absolute_end for t_start, t_end, _, _ in taken):
                continue
            # "(11) 91234-5678" read as a number without its bracketed area code keeps the code.
            if _AREA_CODE.fullmatch(text, start, absolute_start):
                absolute_start = start
            taken.append((absolute_start, absolute_end, written_international, index < len(main)))
        if sum(_digit_count(text, t_start, t_end) for t_start, t_end, _, _ in taken) == digits:
            break
    old = _MEXICO_OLD_MOBILE.match(text, start, end) if not taken else None
    if old is not None and _valid_international("+52 " + text[old.end() : end]):
        taken.append((start, end, True, True))
    for t_start, t_end, written_international, main_region in taken:
        score = 0.9 if written_international else 0.8 if main_region else 0.75
        if context:
            score += 0.08
        yield from _span(text, t_start, t_end, score, "phone")
    if not taken and _SHAPE.fullmatch(text, start, end) and not _DATE.fullmatch(text, start, end):
        dial = hash_word or _dial_word_near(text, start, end, lang)
        if international and digits >= 8:
            yield from _span(text, start, end, 0.75 if dial else 0.7, "phone_shape")
        elif dial:
            yield from _span(text, start, end, 0.65, "phone_shape")


def _dial_word_near(text: str, start: int, end: int, lang: str) -> bool:
    word = DIAL_WORDS.before(text, start, lang, window=32)
    if word is not None:
        gap = text[word.end() : start]
        # "Phone: 467 3395", and a form's "Phone:\n467 3395", but not across sentences.
        if not gap.strip(" \t\u00a0\r\n:") or not any(char in ";!?\n" for char in gap):
            return True
    # "416 60 039 office", "085 175 7641-Office"
    return DIAL_WORDS.pattern(lang).match(text, end + 1 if text[end : end + 1] in " -" else end) is not None


def _span(text: str, start: int, end: int, score: float, source: str) -> Iterator[Span]:
    extension = _EXTENSION.match(text, end)
    span = make_span(text, start, extension.end() if extension else end, "PHONE", score, source)
    if span is not None:
        yield span


def find_phones(text: str, lang: str) -> Iterator[Span]:
    for candidate in _CANDIDATE.finditer(text):
        for start, end in _pieces(text, candidate.start(), candidate.end()):
            yield from _phones_in(text, start, end, lang)
