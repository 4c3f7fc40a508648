"""GPS coordinates: decimal pairs and degrees-minutes-seconds.

A decimal pair needs latitude within ±90, longitude within ±180 and at least three
decimals on each side. With a hemisphere letter, a degree sign or a location word near it,
that is enough. Without one it needs four decimals on each side, the precision of a
shared location ("48.8566, 2.3522"; five or more, or a minus sign, score higher), and it
must not read as two quantities: no quantity word before it ("ratio", "taux", "precio",
"USD"), no currency sign before it or unit after it, not one pair out of a longer list of
numbers, not both values below 1. "3.500, 4.200" (two prices written the Spanish way) has
three decimals and is not a place. Degrees-minutes-seconds need a hemisphere: N/S for
latitude and E/W for longitude, also O (oeste, ouest) and L (leste), or the word itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from resguardo.scrub.text.base import Span
from resguardo.scrub.text.recognizers._common import make_span
from resguardo.scrub.text.recognizers.context import GPS_WORDS, QUANTITY_WORDS

__all__ = ["find_coordinates"]

_LAT_H = r"[NS]"
_LON_H = r"[EWOL]"
_DECIMAL_PAIR = re.compile(
    rf"(?<![\w.,\-])(?:(?P<h1>{_LAT_H})\s?)?(?P<lat>[-+−]?\d{{1,2}}\.(?P<latd>\d{{3,}}))\s?(?P<deg1>°)?\s?(?P<h2>{_LAT_H}(?![\w]))?"
    rf"(?:\s*[,;/]\s*|\s+)"
    rf"(?:(?P<h3>{_LON_H})\s?)?(?P<lon>[-+−]?\d{{1,3}}\.(?P<lond>\d{{3,}}))\s?(?P<deg2>°)?\s?(?P<h4>{_LON_H}(?![\w]))?"
    rf"(?![\w]|[.,]\d)"
)

_HEMISPHERE_WORDS = r"north|south|east|west|norte|sur|sul|este|oeste|leste|nord|est|ouest"
_NUMBER = r"\d{1,3}(?:[.,]\d+)?"
_COORD = re.compile(
    rf"(?<![\w.])(?:(?P<pre>[NSEWOL])\s?)?"
    rf"(?P<deg>{_NUMBER})\s?[°º˚]\s?"
    rf"(?:(?P<min>\d{{1,2}}(?:[.,]\d+)?)\s?['′’´]\s?"
    rf"(?:(?P<sec>\d{{1,2}}(?:[.,]\d+)?)\s?(?:[\"″”]|''|′′|’’)\s?)?)?"
    rf"(?P<post>[NSEWOL](?![\w])|(?i:{_HEMISPHERE_WORDS})(?![\w]))?"
)
_LATITUDE_LETTERS = frozenset("NS")
_WORD_LETTER = {
    "north": "N", "norte": "N", "nord": "N", "south": "S", "sur": "S", "sul": "S",
    "east": "E", "este": "E", "leste": "E", "est": "E", "west": "W", "oeste": "W", "ouest": "W",
}  # fmt: skip


def _to_float(value: str) -> float:
    return float(value.replace(",", ".").replace("−", "-"))


# What makes a bare pair of decimals two quantities rather than a place.
_CURRENCY_BEFORE = re.compile(r"[$€£¥₹₽₩¢]\s?$|R\$\s?$")
_UNIT_AFTER = re.compile(
    r"\s?(?:%|‰|[x×]|°[CF]|(?:kg|g|mg|t|km|m|cm|mm|mi|ft|in|lb|oz|l|ml|cl|s|ms|h|min|kb|mb|gb|tb|kwh|w|kw|v|hz"
    r"|usd|eur|gbp|brl|mxn|ars|cop|pesos?|euros?|dollars?|dólares|reais|pts?)(?![\w]))",
    re.IGNORECASE,
)
_NUMBER_BEFORE = re.compile(r"\d[\s,;/]*$")
_NUMBER_AFTER = re.compile(r"(?:\s*[,;/]\s*|\s+)[-+−]?\d")
_SENTENCE_BREAK = re.compile(r"[!?;\n]|\.\s")


def _reads_as_quantities(text: str, match: re.Match[str], lat: float, lon: float, lang: str) -> bool:
    start, end = match.start(), match.end()
    before = text[max(0, start - 12) : start]
    if _CURRENCY_BEFORE.search(before) or _NUMBER_BEFORE.search(before):
        return True
    if _UNIT_AFTER.match(text, end) or _NUMBER_AFTER.match(text, end):
        return True
    if abs(lat) < 1 and abs(lon) < 1:
        return True  # probabilities, coefficients: "0.0123, 0.0456"
    word = QUANTITY_WORDS.before(text, start, lang, window=32)
    return word is not None and not _SENTENCE_BREAK.search(text, word.end(), start)


def _decimal_pairs(text: str, lang: str) -> Iterator[Span | None]:
    for match in _DECIMAL_PAIR.finditer(text):
        lat, lon = _to_float(match.group("lat")), _to_float(match.group("lon"))
        if abs(lat) > 90 or abs(lon) > 180:
            continue
        marked = any(match.group(name) for name in ("h1", "h2", "h3", "h4", "deg1", "deg2"))
        context = GPS_WORDS.near(text, match.start(), match.end(), lang, before=48, after=16)
        if marked or context:
            yield make_span(text, match.start(), match.end(), "GPS", 0.95, "gps_decimal")
            continue
        decimals = min(len(match.group("latd")), len(match.group("lond")))
        signed = any(value.startswith(("-", "−")) for value in (match.group("lat"), match.group("lon")))
        # Maps apps share four to seven decimals; fewer is more likely two measurements.
        if decimals < 4 or _reads_as_quantities(text, match, lat, lon, lang):
            continue
        score = 0.85 if decimals >= 5 or signed else 0.75
        yield make_span(text, match.start(), match.end(), "GPS", score, "gps_decimal")


def _hemisphere(match: re.Match[str]) -> str:
    letter = match.group("pre") or match.group("post") or ""
    return _WORD_LETTER.get(letter.lower(), letter.upper()) if len(letter) > 1 else letter


def _valid_coordinate(match: re.Match[str]) -> bool:
    hemisphere = _hemisphere(match)
    if not hemisphere:
        return False
    limit = 90 if hemisphere in _LATITUDE_LETTERS else 180
    if _to_float(match.group("deg")) > limit:
        return False
    return all(not match.group(part) or _to_float(match.group(part)) < 60 for part in ("min", "sec"))


def _dms(text: str, lang: str) -> Iterator[Span | None]:
    coordinates = [match for match in _COORD.finditer(text) if _valid_coordinate(match)]
    index = 0
    while index < len(coordinates):
        current = coordinates[index]
        following = coordinates[index + 1] if index + 1 < len(coordinates) else None
        if (
            following is not None
            and following.start() - current.end() <= 4
            and re.fullmatch(r"[\s,;/]*", text[current.end() : following.start()])
            and (_hemisphere(current) in _LATITUDE_LETTERS) != (_hemisphere(following) in _LATITUDE_LETTERS)
        ):
            yield make_span(text, current.start(), following.end(), "GPS", 0.95, "gps_dms")
            index += 2
            continue
        if current.group("min"):
            yield make_span(text, current.start(), current.end(), "GPS", 0.85, "gps_dms")
        index += 1


def find_coordinates(text: str, lang: str) -> Iterator[Span]:
    for finder in (_decimal_pairs, _dms):
        for span in finder(text, lang):
            if span is not None:
                yield span
