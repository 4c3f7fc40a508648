"""Human names for the finding types and categories, to show to people.

The values are English msgids marked with ``gettext_noop``: a front end translates them into
the interface language when it shows them (the redacted text itself keeps the type codes, or
the text's own language for pseudonyms: see ``redaction``).
"""

from __future__ import annotations

from collections.abc import Mapping

from resguardo.i18n import gettext_noop

__all__ = ["CATEGORY_LABELS", "TYPE_LABELS", "type_label"]

TYPE_LABELS: Mapping[str, str] = {
    "PERSON": gettext_noop("Person"),
    "ADDRESS": gettext_noop("Address"),
    "LOCATION": gettext_noop("Place"),
    "PHONE": gettext_noop("Phone number"),
    "EMAIL": gettext_noop("Email address"),
    "IP": gettext_noop("IP address"),
    "MAC": gettext_noop("Device address (MAC)"),
    "ID_NUMBER": gettext_noop("ID number"),
    "CARD": gettext_noop("Payment card"),
    "IBAN": gettext_noop("Bank account (IBAN)"),
    "PLATE": gettext_noop("Number plate"),
    "GPS": gettext_noop("GPS coordinates"),
    "HANDLE": gettext_noop("Social media account"),
    "URL": gettext_noop("Web address"),
    "DATE_OF_BIRTH": gettext_noop("Date of birth"),
    "ETHNICITY": gettext_noop("Ethnicity"),
    "RELIGION": gettext_noop("Religion"),
    "POLITICS": gettext_noop("Political views"),
    "SEXUAL_ORIENTATION": gettext_noop("Sexual orientation"),
    "GENDER_IDENTITY": gettext_noop("Gender identity"),
    "HEALTH": gettext_noop("Health"),
    "LEGAL_HISTORY": gettext_noop("Arrests and charges"),
    "MIGRATION_STATUS": gettext_noop("Migration status"),
}

CATEGORY_LABELS: Mapping[str, str] = {
    "pii": gettext_noop("Personal information"),
    "sensitive": gettext_noop("Sensitive information"),
}


def type_label(kind: str) -> str:
    """The msgid naming ``kind``; an unknown type is shown as it is."""
    return TYPE_LABELS.get(kind, kind)
