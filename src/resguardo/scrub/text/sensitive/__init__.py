"""Find sensitive information stated about a person: health, sexuality, migration status...

``find_sensitive(text, lang)`` returns one :class:`~resguardo.scrub.text.base.Span` (category
``"sensitive"``) per phrase that states an attribute of someone: "vive con VIH", "she is
undocumented", "a été arrêtée en 2019". It is a rule layer, no model, in two passes:

1. phrase frames (``_engine``): per language, a copula or verb plus an attribute lexicon, with
   its inflections, and a look-back that keeps a frame only when its subject is a person
   (score 0.85 or 0.9);
2. a second chance (``_fallback``): a far broader per-language lexicon of attribute words
   (conditions and treatments, faiths and practices, parties and movements, arrest and prison
   words, visas and deportation, peoples) kept where the sentence is about a specific person and
   the word does not modify a policy, a thing or a group (score 0.6). A frame finding wins any
   overlap, and a cue is dropped when a frame found the same type within its clause.

Layout: ``_engine.FRAME_TABLE`` holds the phrase frames every language shares (a copula and an
attribute, "lives with" + condition, "was arrested", "his deportation", "member of" + party...)
as templates; each language module gives a ``Lexicon`` (its words for those slots), a
``Grammar`` (its words for the subject look-back), a few frames of its own (``EXTRAS``:
English inverted questions, French "a-t-il", Spanish church attendance...) and its ``CUES``
for the second pass (one regular expression per language, a named group per type).

Decisions, each measured on the labelled sets in ``tests/scrub/text/data``:

- A statement about a group or anyone in general is not a finding: "we defend migrants' rights",
  "los migrantes son detenidos", "quiconque est sans papiers", "no human being is illegal",
  "everyone was asked whether they had been arrested" (a plural pronoun whose antecedent is
  anyone). The second pass also drops a cue that modifies a policy or a thing ("HIV tests",
  "ley de asilo", "centro de detención", "the story of a Muslim family") or a group
  ("asylum seekers", "the deportation of Haitian workers"), a cue whose subject is a plural
  group ("les adhérents voteraient la grève") and a noun phrase with no predicate ("a mosque").
- Negation is still a finding, and the negation is part of the span ("no es migrante", "is not
  HIV-positive", "n'est pas homosexuel", "has never been convicted"): a denial still tells the
  reader about that attribute and someone's status, and the reviewer can keep it.
- A question about a named person is a finding ("Is he gay?", "Was he ever in prison?",
  "¿Es cierto que Manuel es gay?"): published speculation exposes someone as much as a
  statement does.
- The span starts at the verb, or at a subject or clitic pronoun right before it ("she's an
  asylum seeker", "lo detuvieron"); it never includes a name, which the PII layer finds ("Was
  Kemi ever arrested" gives "ever arrested"). The second pass reaches back at most four words
  from the attribute word, never over a name, a person noun or a clause break ("uses a
  walker", "se convirtió al islam"). In es/pt/fr a capitalised cue mid-sentence is a name
  ("vive en Rosario"), since faiths, peoples and parties are written in lower case there.
- A street or place name is not a person: "el centro de detención de la Calle 5" is a building.
- Recall is preferred over precision in the second pass (the issue sets a recall goal; a false
  finding is a highlighted phrase the reviewer unticks). Its typical false finding is a second
  true statement the gold does not mark ("has type 1 diabetes and carries insulin").

Measured (a gold span is found when a finding of its type overlaps it; exact = same offsets).
The earlier held-out sets were folded into the development sets; a new held-out set (64
sentences a language, 45 spans, 20 negatives: job titles and lowercase names as subjects,
informal messages, reported speech, long sentences) was written from markup in
``tests/scrub/text/data/source`` before the second pass existed:

========  ======================  =====================  =====================  ==============
language  development (final)     held-out, frames only  held-out, first score  held-out, final
========  ======================  =====================  =====================  ==============
en        R 0.990  P 0.979        R 0.622  P 0.933       R 0.867  P 0.907       R 0.889  P 0.930
es        R 0.989  P 0.995        R 0.511  P 1.000       R 0.911  P 0.894       R 0.911  P 0.933
pt        R 0.989  P 0.978        R 0.578  P 1.000       R 0.889  P 0.911       R 0.889  P 0.932
fr        R 0.973  P 0.995        R 0.578  P 0.963       R 0.911  P 0.811       R 0.911  P 0.915
========  ======================  =====================  =====================  ==============

Exact-match recall on the held-out set, final: en 0.489, es 0.489, pt 0.511, fr 0.556 (the
second pass's span is the attribute and the words back to its subject, often shorter or longer
than the gold phrase). The "first score" column is the one clean measurement of that set; the
"final" column came after reading its false findings and fixing them by rule (bare
"papiers"/"papeles", "a voté", place words, a capitalised cue in es/pt/fr, a group subject), so
it is not a clean estimate.

Two smaller fresh sets (26 sentences, 19 spans a language, in ``source/``) tell how far the
held-out figure carries. ``sensitive_{lang}_check.txt``, scored once after those fixes: recall
0.737 / 0.789 / 0.737 / 0.737 (en/es/pt/fr). Its misses were then read and answered (more person
nouns such as "the shop owner", a lowercase name that opens its clause, "dani got her asylum
denied", and more attribute words), so it no longer counts. ``sensitive_{lang}_check2.txt``,
written after every rule change and scored once with nothing changed after, is the cleanest
estimate there is: recall en 0.842, es 0.684, pt 0.474, fr 0.579; precision 0.944 / 0.929 /
0.818 / 0.923. Its misses are wording and words no list holds ("is Hmong", "se declaró culpable",
"a plaidé coupable", "fertilização in vitro", "é bi", "vit avec une femme", "was picked up in a
sweep"). So the 0.85 goal is met on the held-out set, but on text further from the lexicons
recall is between about 0.5 and 0.85: the lexicons are the limit, and a model or far larger
word lists would be the next step.

A fourth round (fresh2) worked from the misses of every set, grouped by shape rather than by
phrase: a possessive before a condition or treatment ("his HIV treatment", "su depresión", "a
depressão dela"); episodes, injuries and lost limbs ("had a psychotic episode", "quebrou o
pulso"); attraction ("le gustan las mujeres") and a partner of the subject's own gender ("sale
con una chica" after "la mesera", told by ``Grammar.masculine``/``feminine``; "casado con un
hombre" carries its own); pleas, protective orders, release on conditions and spoken arrests
("se declaró culpable", "cayó en cana", "s'est fait embarquer"); statuses held and orders to
leave ("tiene protección temporal", "a reçu une OQTF", "came on a tourist visa and stayed"); an
elected office for a party ("es concejala del PSUV"), a cause ("apoya la causa mapuche"),
religious practice ("prays five times a day") and origin ("comes from a Roma family"); in the
look-back, "ex-"/"vice-" prefixes, job nouns by ending (-er/-ero/-eiro/-ier/-aire), counted
plurals ("los dos hermanos"), first-person verbs ("la gente cree que soy mestiza") and, for
orientation and gender identity, any common noun subject. A new set written before the round
(``sensitive_{lang}_fresh2``, 50-51 sentences a language, 38-39 spans, 12 negatives) scored recall
0.895 / 0.795 / 0.821 / 0.872 (en/es/pt/fr) before and 1.0 after, with no finding on its
negatives; the round answered its misses too, so the "after" is not a clean estimate. On the
benchmark's labelled set (benchmarks/text_data) sensitive recall went from 0.795 / 0.814 / 0.750 /
0.750 to 0.940 / 0.965 / 0.952 / 0.964 and precision from 0.815 / 0.897 / 0.863 / 0.887 to
0.867 / 0.912 / 0.889 / 0.910, also after reading its misses. The new frames cost about a fifth
more time (our set, 5 passes: 1.29-1.48 s before, 1.64-1.68 s after).

Cost: on dense text (the development set repeated, 300 kB) the second pass takes 0.21 to 0.31
of the frames' time (en 0.31, es 0.21, pt 0.25, fr 0.25), so a call is about 1.2 to 1.3 times
slower; whole 1 MB runs on this shared 2-core machine vary too much to say more (frames alone 8
to 19 s a language). Its cue expression is one alternation per language, compiled once.
"""

from __future__ import annotations

import re
from functools import cache

from resguardo.errors import UsageError
from resguardo.i18n import gettext_noop
from resguardo.scrub.text.base import LANGUAGES, Span
from resguardo.scrub.text.sensitive._engine import LanguageRules, detect
from resguardo.scrub.text.sensitive._fallback import FallbackRules, fallback

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


@cache
def _fallback_rules(lang: str) -> FallbackRules:
    """A language's second-chance cues, compiled on first use."""
    if lang == "en":
        from resguardo.scrub.text.sensitive.en import FALLBACK
    elif lang == "es":
        from resguardo.scrub.text.sensitive.es import FALLBACK
    elif lang == "pt":
        from resguardo.scrub.text.sensitive.pt import FALLBACK
    else:
        from resguardo.scrub.text.sensitive.fr import FALLBACK
    return FALLBACK


_FEELINGS_ES = (
    r"(?:pánico|miedo|terror|nervios|ansiedad|angustia|emoción|desesperación|rabia|ira|sueño|curiosidad)"
)
_FEELINGS_PT = r"(?:pânico|medo|terror|nervos|ansiedade|angústia|emoção|desespero|raiva|sono|curiosidade)"
_STUCK_PT = (
    r"(?:engarrafamento|congestionamento|trânsito|tráfego|elevador|fila|chuva|temporal|tempestade|neve|lama|"
    r"reuniões?|trabalho|escritório)"
)

#: Everyday phrases where a word of a sensitive frame means something else ("stuck in traffic",
#: "gripped by panic", "spoke with conviction", "a cardiac arrest", a mayor's "arrêté"): a finding
#: that overlaps one is dropped. Each pattern names the types it rules out.
_IDIOMS: dict[str, tuple[tuple[re.Pattern[str], frozenset[str]], ...]] = {
    "en": (
        (
            re.compile(
                r"\bwith\s+(?:(?:real|great|such|little|more|less|some|much|total|quiet|deep)\s+)?conviction\b"
                r"|\b(?:strong|deep|firm|sincere|heartfelt|personal)\s+convictions?\b",
                re.IGNORECASE,
            ),
            frozenset({"LEGAL_HISTORY"}),
        ),
        (
            re.compile(r"\b(?:cardiac|cardio-?respiratory|respiratory|heart)\s+arrests?\b", re.IGNORECASE),
            frozenset({"LEGAL_HISTORY"}),
        ),
    ),
    "es": (
        (
            re.compile(
                rf"\bpres[oa]s?\s+(?:del|de\s+(?:la|las|los|un|una)|de)\s+{_FEELINGS_ES}\b", re.IGNORECASE
            ),
            frozenset({"LEGAL_HISTORY"}),
        ),
    ),
    "pt": (
        (
            re.compile(
                rf"\bpres[oa]s?\s+(?:n[oa]s?|em|num|numa)\s+(?:(?:um|uma|o|a)\s+)?{_STUCK_PT}\b"
                rf"|\bpres[oa]s?\s+(?:de|do|da|dos|das|pelo|pela)\s+{_FEELINGS_PT}\b",
                re.IGNORECASE,
            ),
            frozenset({"LEGAL_HISTORY"}),
        ),
    ),
    "fr": (
        (
            re.compile(
                r"\b(?:un|l'|l’|cet|cet\s+|les|des|ces)\s*arrêtés?\s+(?:municipal|municipaux|préfectora(?:l|ux)"
                r"|ministériel(?:s)?|royal|royaux|du\s+maire|de\s+la\s+mairie|d'interdiction|de\s+circulation)\b",
                re.IGNORECASE,
            ),
            frozenset({"LEGAL_HISTORY"}),
        ),
    ),
}


def _idiomatic(text: str, lang: str, spans: list[Span]) -> list[Span]:
    vetoes = [
        (match.start(), match.end(), kinds)
        for pattern, kinds in _IDIOMS.get(lang, ())
        for match in pattern.finditer(text)
    ]
    if not vetoes:
        return spans
    return [
        span
        for span in spans
        if not any(
            span.type in kinds and span.start < end and start < span.end for start, end, kinds in vetoes
        )
    ]


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
    frames = detect(text, _rules(lang))
    extra = fallback(text, _fallback_rules(lang), frames)
    return _idiomatic(text, lang, sorted(frames + extra) if extra else frames)
