"""What every structured recogniser shares: building spans, trimming them, context words."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from resguardo.scrub.text.base import LANGUAGES, Span

__all__ = ["ContextWords", "make_span", "normalise_lang"]

# Never part of a finding at either end: whitespace and sentence punctuation around it.
_EDGE_PUNCTUATION = frozenset(".,;:!?¿¡'\"`«»“”‘’„…")
_PAIRS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {closer: opener for opener, closer in _PAIRS.items()}


def _trimmable_start(text: str, start: int, end: int) -> bool:
    char = text[start]
    if char.isspace() or char in _EDGE_PUNCTUATION:
        return True
    # "(11) 91234-5678" keeps its bracket; "(see 55 1234 5678" does not.
    if char not in _PAIRS:
        return False
    inside = text[start:end]
    return inside.count(char) > inside.count(_PAIRS[char])


def _trimmable_end(text: str, start: int, end: int) -> bool:
    char = text[end - 1]
    if char.isspace() or char in _EDGE_PUNCTUATION:
        return True
    if char not in _CLOSERS:
        return False
    inside = text[start:end]
    return inside.count(char) > inside.count(_CLOSERS[char])


def make_span(text: str, start: int, end: int, type_: str, score: float, source: str) -> Span | None:
    """A "pii" span over text[start:end] without the punctuation around it; None when nothing is left."""
    while start < end and _trimmable_start(text, start, end):
        start += 1
    while end > start and _trimmable_end(text, start, end):
        end -= 1
    if start >= end:
        return None
    return Span(start, end, type_, "pii", round(min(score, 0.99), 2), source)


def normalise_lang(lang: str) -> str:
    """ "pt-BR" -> "pt"; anything outside en/es/pt/fr (including "auto") -> "*" (all languages)."""
    base = lang.strip().lower().replace("_", "-").split("-", 1)[0]
    return base if base in LANGUAGES else "*"


def _alternation(words: Iterable[str]) -> re.Pattern[str]:
    ordered = sorted({word.lower() for word in words}, key=len, reverse=True)
    body = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


class ContextWords:
    """Words that make a nearby candidate more likely of one type, per language of the text.

    ``common`` holds words used whatever the language (brand names, abbreviations); the
    language's own list is added to it. An unknown language ("*") looks for every list.
    """

    def __init__(self, words: Mapping[str, Iterable[str]]) -> None:
        common = tuple(words.get("common", ()))
        every = [*common]
        self._by_lang: dict[str, re.Pattern[str]] = {}
        for lang in LANGUAGES:
            own = tuple(words.get(lang, ()))
            every.extend(own)
            self._by_lang[lang] = _alternation((*common, *own))
        self._by_lang["*"] = _alternation(every)

    def pattern(self, lang: str) -> re.Pattern[str]:
        return self._by_lang[lang]

    def before(self, text: str, start: int, lang: str, window: int = 40) -> re.Match[str] | None:
        """The last context word in the ``window`` characters before ``start``, if any."""
        last = None
        for match in self._by_lang[lang].finditer(text, max(0, start - window), start):
            last = match
        return last

    def near(self, text: str, start: int, end: int, lang: str, before: int = 40, after: int = 16) -> bool:
        """Whether a context word stands shortly before or after text[start:end]."""
        pattern = self._by_lang[lang]
        if pattern.search(text, max(0, start - before), start):
            return True
        return after > 0 and pattern.search(text, end, min(len(text), end + after)) is not None
