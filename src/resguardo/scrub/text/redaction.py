"""Replace findings in a text: mask, type label, consistent pseudonyms, or keep.

- ``mask``: a fixed run of blocks, whatever the length, so the length of a name or number is
  not given away.
- ``label``: the type in brackets, "[PERSON]", "[PHONE]".
- ``pseudonym``: the same person is "Person A" every time they appear, in full or by one of
  their names ("Amina Diallo", then "Diallo"); other values get a numbered label per type
  ("Phone 1"), the same number for the same value. Pseudonyms are written in the text's
  language ("Persona A", "Pessoa A", "Personne A"). A sensitive statement has no value to
  stand in for, so it gets its label.
- ``keep``: the text stays.

Operators can differ per type (``{"PERSON": "pseudonym", "default": "label"}``). Text outside
findings is never changed; findings must not overlap and must lie within the text.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from resguardo.errors import InputError, UsageError
from resguardo.i18n import gettext_noop
from resguardo.scrub.text.base import LANGUAGES, PII_TYPES, SENSITIVE_TYPES, Span
from resguardo.scrub.text.entities._lexicon import FUNCTION_WORDS, PARTICLES, TITLES

__all__ = ["MASK", "OPERATORS", "Redaction", "check_findings", "redact"]

OPERATORS: tuple[str, ...] = ("mask", "label", "pseudonym", "keep")
MASK = "█████"

#: Pseudonym words per language of the text (not of the interface: the redacted text keeps its language).
_NAMES: Mapping[str, Mapping[str, str]] = {
    "en": {
        "PERSON": "Person", "ADDRESS": "Address", "LOCATION": "Place", "PHONE": "Phone", "EMAIL": "Email",
        "IP": "IP address", "MAC": "Device", "ID_NUMBER": "ID number", "CARD": "Card", "IBAN": "Account",
        "PLATE": "Plate", "GPS": "Coordinates", "HANDLE": "Account", "URL": "Link", "DATE_OF_BIRTH": "Date of birth",
    },
    "es": {
        "PERSON": "Persona", "ADDRESS": "Dirección", "LOCATION": "Lugar", "PHONE": "Teléfono", "EMAIL": "Correo",
        "IP": "Dirección IP", "MAC": "Dispositivo", "ID_NUMBER": "Documento", "CARD": "Tarjeta", "IBAN": "Cuenta",
        "PLATE": "Placa", "GPS": "Coordenadas", "HANDLE": "Usuario", "URL": "Enlace", "DATE_OF_BIRTH": "Fecha de nacimiento",
    },
    "pt": {
        "PERSON": "Pessoa", "ADDRESS": "Endereço", "LOCATION": "Lugar", "PHONE": "Telefone", "EMAIL": "E-mail",
        "IP": "Endereço IP", "MAC": "Dispositivo", "ID_NUMBER": "Documento", "CARD": "Cartão", "IBAN": "Conta",
        "PLATE": "Placa", "GPS": "Coordenadas", "HANDLE": "Usuário", "URL": "Link", "DATE_OF_BIRTH": "Data de nascimento",
    },
    "fr": {
        "PERSON": "Personne", "ADDRESS": "Adresse", "LOCATION": "Lieu", "PHONE": "Téléphone", "EMAIL": "Courriel",
        "IP": "Adresse IP", "MAC": "Appareil", "ID_NUMBER": "Pièce d'identité", "CARD": "Carte", "IBAN": "Compte",
        "PLATE": "Plaque", "GPS": "Coordonnées", "HANDLE": "Compte", "URL": "Lien", "DATE_OF_BIRTH": "Date de naissance",
    },
}  # fmt: skip

_WORD = re.compile(r"[\w'’]+")
_NOT_NAMES = frozenset(PARTICLES | TITLES | {w for words in FUNCTION_WORDS.values() for w in words})


@dataclass(frozen=True, slots=True)
class Redaction:
    """The redacted text and what each finding became."""

    text: str
    replacements: list[tuple[Span, str]] = field(default_factory=list)


def _fold(value: str) -> str:
    decomposed = unicodedata.normalize("NFD", value.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _name_words(value: str) -> frozenset[str]:
    return frozenset(_fold(word) for word in _WORD.findall(value) if word.casefold() not in _NOT_NAMES)


def _letters(index: int) -> str:
    """A, B, ... Z, AA, AB, ..."""
    label = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        label = string.ascii_uppercase[rest] + label
    return label


class _Pseudonyms:
    def __init__(self, text: str, findings: Sequence[Span], lang: str) -> None:
        self.words = _NAMES.get(lang, _NAMES["en"])
        self.people: list[frozenset[str]] = []
        self.person_of: dict[Span, int] = {}
        self.values: dict[tuple[str, str], int] = {}
        self.counts: dict[str, int] = {}
        self._assign_people(text, [span for span in findings if span.type == "PERSON"])

    def _assign_people(self, text: str, people: Sequence[Span]) -> None:
        # Full names first, so that "Diallo" finds "Amina Diallo" whatever comes first in the text;
        # letters are then given in order of first appearance.
        named = [(span, _name_words(text[span.start : span.end])) for span in people]
        identities: list[frozenset[str]] = []
        owner: dict[Span, int] = {}
        for span, words in sorted(named, key=lambda item: -len(item[1])):
            if not words:
                continue
            exact = [i for i, known in enumerate(identities) if known == words]
            containing = [i for i, known in enumerate(identities) if words < known]
            if exact:
                owner[span] = exact[0]
            elif containing:
                # a short form: the person it is part of; if several share it ("Juan" of two Juans),
                # the one mentioned last before it
                before = [
                    i for i in containing if any(s.start < span.start and o == i for s, o in owner.items())
                ]
                owner[span] = max(
                    before or containing,
                    key=lambda i: max(
                        (s.start for s, o in owner.items() if o == i and s.start < span.start), default=-1
                    ),
                )
            else:
                identities.append(words)
                owner[span] = len(identities) - 1
        order: dict[int, int] = {}
        for span in sorted(owner, key=lambda s: s.start):
            order.setdefault(owner[span], len(order))
        self.person_of = {span: order[identity] for span, identity in owner.items()}

    def name(self, text: str, span: Span) -> str:
        if span.category == "sensitive":
            return f"[{span.type}]"
        if span.type == "PERSON" and span in self.person_of:
            return f"{self.words['PERSON']} {_letters(self.person_of[span])}"
        key = (span.type, _fold("".join(text[span.start : span.end].split())))
        if key not in self.values:
            self.counts[span.type] = self.counts.get(span.type, 0) + 1
            self.values[key] = self.counts[span.type]
        return f"{self.words.get(span.type, span.type.title())} {self.values[key]}"


def _operator_for(operator: str | Mapping[str, str], span: Span) -> str:
    if isinstance(operator, str):
        return operator
    return operator.get(span.type, operator.get(span.category, operator.get("default", "label")))


def _check_operator(operator: str | Mapping[str, str]) -> None:
    chosen = [operator] if isinstance(operator, str) else list(operator.values())
    for value in chosen:
        if value not in OPERATORS:
            raise UsageError(
                gettext_noop("Unknown redaction operator: %(operator)s."),
                code="usage.invalid_choice",
                params={"operator": value, "choices": ", ".join(OPERATORS)},
            )


def check_findings(text: str, findings: Sequence[Span]) -> list[Span]:
    """``findings`` sorted, after checking they lie within ``text``, have known types and don't overlap."""
    known = set(PII_TYPES) | set(SENSITIVE_TYPES)
    ordered = sorted(findings)
    previous_end = 0
    for span in ordered:
        if not 0 <= span.start < span.end <= len(text) or span.type not in known or span.start < previous_end:
            raise InputError(
                gettext_noop(
                    "The findings do not fit this text: %(start)s–%(end)s (%(type)s) is outside it, "
                    "overlaps another finding or has an unknown type."
                ),
                code="redact.bad_findings",
                params={"start": span.start, "end": span.end, "type": span.type},
            )
        previous_end = span.end
    return ordered


def redact(
    text: str,
    findings: Sequence[Span],
    *,
    operator: str | Mapping[str, str] = "label",
    lang: str = "en",
) -> Redaction:
    """``text`` with each finding replaced as its operator says (see the module docstring)."""
    _check_operator(operator)
    ordered = check_findings(text, findings)
    pseudonyms = _Pseudonyms(text, ordered, lang if lang in LANGUAGES else "en")
    pieces: list[str] = []
    replacements: list[tuple[Span, str]] = []
    position = 0
    for span in ordered:
        chosen = _operator_for(operator, span)
        original = text[span.start : span.end]
        if chosen == "keep":
            replacement = original
        elif chosen == "mask":
            replacement = MASK
        elif chosen == "label":
            replacement = f"[{span.type}]"
        else:
            replacement = pseudonyms.name(text, span)
        pieces.append(text[position : span.start])
        pieces.append(replacement)
        replacements.append((span, replacement))
        position = span.end
    pieces.append(text[position:])
    return Redaction("".join(pieces), replacements)
