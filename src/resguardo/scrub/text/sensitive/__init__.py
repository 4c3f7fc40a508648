"""Find sensitive information stated about a person: health, sexuality, migration status...

``find_sensitive(text, lang)`` returns one :class:`~resguardo.scrub.text.base.Span` (category
``"sensitive"``) per phrase that states an attribute of someone: "vive con VIH", "she is
undocumented", "a été arrêtée en 2019". It is a rule layer, no model: per language, phrase
frames (a copula or verb plus an attribute lexicon, with its inflections) and a look-back that
keeps a frame only when its subject is a person.

Decisions, each measured on the labelled sets in ``tests/scrub/text/data``:

- A statement about a group or anyone in general is not a finding: "we defend migrants' rights",
  "los migrantes son detenidos", "quiconque est sans papiers", "no human being is illegal".
- Negation is still a finding, and the negation is part of the span ("no es migrante", "is not
  HIV-positive", "n'est pas homosexuel"): a denial still tells the reader about that attribute
  and someone's status, and the reviewer can keep it.
- A question about a named person is a finding ("Is he gay?", "¿Es cierto que Manuel es gay?"):
  published speculation exposes someone as much as a statement does.
- The span starts at the verb, or at a subject or clitic pronoun right before it ("she's an
  asylum seeker", "lo detuvieron"); it never includes a name, which the PII layer finds.
"""

from __future__ import annotations

from functools import cache

from resguardo.errors import UsageError
from resguardo.i18n import gettext_noop
from resguardo.scrub.text.base import LANGUAGES, Span
from resguardo.scrub.text.sensitive._engine import LanguageRules, detect

__all__ = ["find_sensitive"]


@cache
def _rules(lang: str) -> LanguageRules:
    """A language's compiled rules, built on first use (compiling all four costs most of a second)."""
    if lang == "en":
        from resguardo.scrub.text.sensitive.en import RULES
    elif lang == "es":
        from resguardo.scrub.text.sensitive.es import RULES
    elif lang == "pt":
        from resguardo.scrub.text.sensitive.pt import RULES
    else:
        from resguardo.scrub.text.sensitive.fr import RULES
    return RULES


def find_sensitive(text: str, lang: str) -> list[Span]:
    """Phrases in ``text`` (written in ``lang``: en, es, pt or fr) that state a sensitive
    attribute of a person, in text order, never overlapping."""
    if lang not in LANGUAGES:
        # the catalogue's message, so no new string needs translating; the choices are LANGUAGES
        raise UsageError(
            gettext_noop("Unknown language: %(language)s."),
            code="usage.invalid_choice",
            params={"language": lang, "choices": ", ".join(LANGUAGES)},
        )
    return detect(text, _rules(lang))
