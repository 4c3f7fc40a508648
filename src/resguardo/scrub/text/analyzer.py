"""One call that finds everything: ``analyze(text, lang)``.

It runs the three finders, the structured recognisers (numbers and addresses with a shape), the
entity layer (people, addresses, places) and the sensitive-phrase rules, and resolves their
overlaps into one list. A long text is analysed in blocks cut at line ends, so memory stays
bounded whatever the input's size and a caller can show progress.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from resguardo.errors import UsageError
from resguardo.i18n import gettext_noop
from resguardo.scrub.text.base import LANGUAGES, Span, keep_best
from resguardo.scrub.text.entities import find_entities
from resguardo.scrub.text.language import detect_language
from resguardo.scrub.text.recognizers import find_structured
from resguardo.scrub.text.sensitive import find_sensitive

__all__ = ["BLOCK_CHARS", "Analysis", "analyze", "resolve_language"]

#: The size of the blocks a long text is analysed in (characters); a block ends at a line end.
BLOCK_CHARS = 20_000
CATEGORIES: tuple[str, ...] = ("pii", "sensitive")

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Analysis:
    """What ``analyze`` found: the resolved language and the findings, sorted, never overlapping."""

    lang: str
    findings: list[Span] = field(default_factory=list)


def resolve_language(text: str, lang: str) -> str:
    """``lang`` itself (``pt-BR`` read as ``pt``), or the detected language for "auto"."""
    base = lang.strip().lower().replace("_", "-").split("-", 1)[0]
    if base == "auto":
        return detect_language(text)
    if base not in LANGUAGES:
        raise UsageError(
            gettext_noop("Unknown language: %(language)s."),
            code="usage.invalid_choice",
            params={"language": lang, "choices": ", ".join((*LANGUAGES, "auto"))},
        )
    return base


def _blocks(text: str, size: int) -> Iterable[tuple[int, int]]:
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start + size // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + size // 2, end)
            end = cut + 1 if cut >= 0 else end
        yield start, end
        start = end


def _normal(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", value).casefold().split())


def _analyze_block(text: str, lang: str, categories: frozenset[str]) -> list[Span]:
    spans: list[Span] = []
    if "pii" in categories:
        spans.extend(find_structured(text, lang))
        spans.extend(find_entities(text, lang))
    if "sensitive" in categories:
        spans.extend(find_sensitive(text, lang))
    return keep_best(spans)


def analyze(
    text: str,
    lang: str = "auto",
    *,
    allow: Iterable[str] = (),
    categories: Iterable[str] = CATEGORIES,
    progress: Progress | None = None,
) -> Analysis:
    """Find personal and sensitive information in ``text``.

    ``lang`` is the language of the text (en, es, pt, fr, or "auto" to detect it).
    ``allow`` lists what the user keeps (public figures, organisations): a finding whose whole
    text is one of them, compared without case and extra spaces, is dropped; a part of an
    allowed name is not enough, so a private "García" is not let through by an allowed
    "Gabriel García Márquez". ``progress`` is called with (characters done, total).
    """
    wanted = frozenset(categories)
    unknown = wanted - set(CATEGORIES)
    if unknown:
        raise UsageError(
            gettext_noop("Unknown category: %(category)s."),
            code="usage.invalid_choice",
            params={"category": ", ".join(sorted(unknown)), "choices": ", ".join(CATEGORIES)},
        )
    language = resolve_language(text, lang)
    allowed = {_normal(entry) for entry in allow if entry.strip()}
    findings: list[Span] = []
    for start, end in _blocks(text, BLOCK_CHARS):
        block = text[start:end]
        for span in _analyze_block(block, language, wanted):
            if allowed and _normal(block[span.start : span.end]) in allowed:
                continue
            findings.append(
                Span(span.start + start, span.end + start, span.type, span.category, span.score, span.source)
            )
        if progress is not None:
            progress(end, len(text))
    return Analysis(language, findings)
