"""The vocabulary every text detector speaks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["LANGUAGES", "PII_TYPES", "SENSITIVE_TYPES", "Category", "Span"]

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
