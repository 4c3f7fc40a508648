"""Country and region names in the four languages, from pycountry's ISO 3166 data.

The model labels cities and states inside sentences well but rarely a country ("travelling to
France", "vive en Venezuela"). ISO 3166-1 names and their translations give every country in
English, Spanish, Portuguese and French; ISO 3166-2 gives the states and provinces of the
countries resguardo's users most often work in. Names are matched with their capitals, as
written; a region name that is also an everyday word or a given name is left out.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterator
from functools import cache

from resguardo.scrub.text.base import Span
from resguardo.scrub.text.entities._lexicon import AMBIGUOUS_NAMES, FUNCTION_WORDS

__all__ = ["find_places"]

_LOCALES = ("es", "pt", "pt_BR", "fr")
_REGION_COUNTRIES = (
    "MX", "CO", "VE", "AR", "PE", "CL", "EC", "BO", "GT", "HN", "SV", "NI", "CU", "ES", "BR", "PT", "FR", "US",
    "CA", "GB",
)  # fmt: skip
#: Region names that are words in the four languages, or too short to tell apart.
_SKIP = frozenset(
    [
        "centre",
        "center",
        "central",
        "centro",
        "capital",
        "norte",
        "nord",
        "north",
        "sur",
        "sud",
        "south",
        "este",
        "est",
        "east",
        "oeste",
        "ouest",
        "west",
        "distrito",
        "federal",
        "lima",
        "mar",
        "para",
        "paraná",
        "maine",
        "santa",
        "alto",
    ]
)


#: French often leaves capitals unaccented ("Etats-Unis", "Egypte"): each such name is also matched so.
_PLAIN_CAPITALS = str.maketrans("ÉÈÊÎÔ", "EEEIO")


def _names(raw: str) -> Iterator[str]:
    # "Venezuela, Bolivarian Republic of" → "Venezuela"; "Korea (Republic of)" → "Korea"
    head = re.split(r"[,(]", raw, maxsplit=1)[0].strip()
    if head:
        yield head
        if head[0] in "ÉÈÊÎÔ":
            yield head[0].translate(_PLAIN_CAPITALS) + head[1:]


@cache
def _index() -> dict[str, tuple[str, ...]] | None:
    """Every name by its first word ("Royaume" → "Royaume-Uni"), longest first. Looking a text's
    capitalised words up here is several times faster than one alternation of all the names."""
    try:
        import pycountry
    except ImportError:
        return None
    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in _LOCALES
    ]
    names: set[str] = set()
    for country in pycountry.countries:
        english = [country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")]
        for raw in english:
            if not raw:
                continue
            names.update(_names(raw))
            for translation in translations:
                names.update(_names(translation.gettext(raw)))
    stop = {word for words in FUNCTION_WORDS.values() for word in words} | set(AMBIGUOUS_NAMES) | _SKIP
    for code in _REGION_COUNTRIES:
        for region in pycountry.subdivisions.get(country_code=code) or ():  # type: ignore[no-untyped-call]
            for name in _names(region.name):
                if len(name) >= 4 and name.casefold() not in stop:
                    names.add(name)
    names = {name for name in names if name[:1].isupper() and name.casefold() not in stop}
    index: dict[str, list[str]] = {}
    for name in sorted(names, key=len, reverse=True):
        first = _WORD.match(name)
        if first is not None:
            index.setdefault(first.group(), []).append(name)
    return {key: tuple(value) for key, value in index.items()}


#: A word where a place name may begin: not inside a word, an address, a handle or a path.
_WORD = re.compile(r"(?<![\w@#/.-])[^\W\d_]\w*")
_NOT_AFTER = frozenset("@-_")


def find_places(text: str) -> Iterator[Span]:
    """Country and region names written in ``text``, as LOCATION spans: at each capitalised word,
    the longest name that starts there and is not followed by a letter, digit, "@" or "-"."""
    index = _index()
    if index is None:
        return
    end = 0
    for word in _WORD.finditer(text):
        start = word.start()
        if start < end or not text[start].isupper():
            continue
        for name in index.get(word.group(), ()):
            if text.startswith(name, start):
                after = start + len(name)
                if after < len(text) and (text[after].isalnum() or text[after] in _NOT_AFTER):
                    continue
                end = after
                yield Span(start, after, "LOCATION", "pii", 0.7, "rule:place")
                break
