"""The vocabulary every text detector speaks."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

__all__ = ["LANGUAGES", "PII_TYPES", "SENSITIVE_TYPES", "Category", "Span", "keep_best"]

Category = Literal["pii", "sensitive"]
#: Languages of the text (not the interface): English, Spanish, Portuguese, French.
LANGUAGES: tuple[str, ...] = ("en", "es", "pt", "fr")
PII_TYPES: tuple[str, ...] = (
    "PERSON",
    "ADDRESS",
    "LOCATION",
    "PHONE",
    "EMAIL",
    "IP",
    "MAC",
    "ID_NUMBER",
    "CARD",
    "IBAN",
    "PLATE",
    "GPS",
    "HANDLE",
    "URL",
    "DATE_OF_BIRTH",
)
SENSITIVE_TYPES: tuple[str, ...] = (
    "ETHNICITY",
    "RELIGION",
    "POLITICS",
    "SEXUAL_ORIENTATION",
    "GENDER_IDENTITY",
    "HEALTH",
    "LEGAL_HISTORY",
    "MIGRATION_STATUS",
)


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """One finding: Python character offsets into the decoded text, end exclusive."""

    start: int
    end: int
    type: str
    category: Category
    score: float
    #: which detector found it ("phone", "cpf", "sensitive:health"...), for debugging and tuning
    source: str = ""

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


def _rank(span: Span) -> tuple[int, float, int]:
    # an address beats a person inside it ("Avenida Benito Juárez 45"), then certainty, then length
    return (1 if span.type == "ADDRESS" else 0, span.score, span.end - span.start)


def keep_best(spans: Iterable[Span]) -> list[Span]:
    """Of overlapping findings, the address, then the most certain, then the longest; sorted by start."""
    kept: list[Span] = []
    for span in sorted(spans, key=_rank, reverse=True):
        if not any(span.overlaps(other) for other in kept):
            kept.append(span)
    return sorted(kept)
