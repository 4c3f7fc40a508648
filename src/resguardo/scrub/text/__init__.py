"""Publish safely, text: find personal and sensitive information and redact it (pure).

>>> from resguardo.scrub.text import analyze, redact
>>> found = analyze("Llamar a Amina Diallo al +52 55 1234 5678.", "es")
>>> redact("Llamar a Amina Diallo al +52 55 1234 5678.", found.findings, operator="pseudonym", lang=found.lang).text
'Llamar a Persona A al Teléfono 1.'
"""

from resguardo.scrub.text.analyzer import Analysis, analyze, resolve_language
from resguardo.scrub.text.base import LANGUAGES, PII_TYPES, SENSITIVE_TYPES, Category, Span
from resguardo.scrub.text.entities import find_entities
from resguardo.scrub.text.language import detect_language
from resguardo.scrub.text.recognizers import find_structured
from resguardo.scrub.text.redaction import MASK, OPERATORS, Redaction, check_findings, redact
from resguardo.scrub.text.sensitive import find_sensitive

__all__ = [
    "LANGUAGES",
    "MASK",
    "OPERATORS",
    "PII_TYPES",
    "SENSITIVE_TYPES",
    "Analysis",
    "Category",
    "Redaction",
    "Span",
    "analyze",
    "check_findings",
    "detect_language",
    "find_entities",
    "find_sensitive",
    "find_structured",
    "redact",
    "resolve_language",
]
