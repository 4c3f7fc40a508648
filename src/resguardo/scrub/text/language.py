"""Which of the four languages a text is written in, for ``--lang auto``.

Counting function words ("the", "que", "não", "les") is enough to tell English, Spanish,
Portuguese and French apart on a sentence or two, needs no model, and is what the phrase rules
need: they only run in the language they were written for. Letters only one language uses
("ã", "ñ", "ç" with "ão") break ties.
"""

from __future__ import annotations

import re

from resguardo.scrub.text.base import LANGUAGES
from resguardo.scrub.text.entities._lexicon import FUNCTION_WORDS

__all__ = ["detect_language"]

_WORD = re.compile(r"[^\W\d_]+")
_MARKS = {
    "es": re.compile(r"[ñ¿¡]"),
    "pt": re.compile(r"[ãõ]|ção"),
    "fr": re.compile(r"[èêëœàùûî]|\b[qldjnsc]'"),
}
#: Words several languages share ("de", "a", "que", "no") say little: weigh the distinctive ones.
_SHARED = frozenset(
    word
    for word in set().union(*FUNCTION_WORDS.values())
    if sum(word in words for words in FUNCTION_WORDS.values()) > 1
)
_SAMPLE = 20_000


def detect_language(text: str, default: str = "en") -> str:
    """The most likely of en, es, pt and fr for ``text``; ``default`` when nothing tells them apart."""
    sample = text[:_SAMPLE].lower()
    scores: dict[str, float] = {}
    for word in _WORD.findall(sample):
        weight = 0.25 if word in _SHARED else 1.0
        for lang in LANGUAGES:
            if word in FUNCTION_WORDS[lang]:
                scores[lang] = scores.get(lang, 0.0) + weight
    for lang, pattern in _MARKS.items():
        marks = len(pattern.findall(sample))
        if marks:
            scores[lang] = scores.get(lang, 0.0) + 0.5 * marks
    if not scores:
        return default
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return default if default in (ranked[0][0], ranked[1][0]) else ranked[0][0]
    return ranked[0][0]
