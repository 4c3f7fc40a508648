"""GPS coordinates: decimal pairs and degrees-minutes-seconds.

A decimal pair needs latitude within ±90, longitude within ±180 and at least three
decimals on each side. Unless a hemisphere letter, a degree sign or a location word is
near, it also needs the precision of a shared location: five decimals, or four with a
minus sign ("19.4326, -99.1332"); "3.500, 4.200" (two prices written the Spanish way) and
"3.1416, 2.7182" are not places. Degrees-minutes-seconds need a hemisphere: N/S for latitude and E/W for
longitude, also O (oeste, ouest) and L (leste), or the word itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from resguardo.scrub.text.base import Span
from resguardo.scrub.text.recognizers._common import make_span
from resguardo.scrub.text.recognizers.context import GPS_WORDS

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


def _decimal_pairs(text: str, lang: str) -> Iterator[Span | None]:
    for match in _DECIMAL_PAIR.finditer(text):
        lat, lon = _to_float(match.group("lat")), _to_float(match.group("lon"))
        if abs(lat) > 90 or abs(lon) > 180:
            continue
        marked = any(match.group(name) for name in ("h1", "h2", "h3", "h4", "deg1", "deg2"))
        context = GPS_WORDS.near(text, match.start(), match.end(), lang, before=48, after=16)
        decimals = min(len(match.group("latd")), len(match.group("lond")))
        signed = any(value.startswith(("-", "−")) for value in (match.group("lat"), match.group("lon")))
        # Maps apps share five to seven decimals; "3.1416, 2.7182" is more likely two measurements.
        precise = decimals >= 5 or (decimals >= 4 and signed)
        if not (marked or context or precise):
            continue
        score = 0.95 if (marked or context) else 0.85
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
