"""The second-chance layer behind :func:`resguardo.scrub.text.sensitive.find_sensitive`.

The phrase frames in :mod:`._engine` are precise but only know the shapes they were written
for. This layer looks for the *attribute words* themselves, in a far broader per-language
lexicon (conditions and treatments, faiths and practices, parties and movements, arrest and
prison vocabulary, visas and deportation...), and keeps one when its sentence is about a
specific person and the word is not a modifier of a policy or a thing ("HIV tests", "immigration
law", "centro de detención") or of a group ("asylum seekers", "familias indígenas").

A finding here covers the attribute word and the words left of it back to its subject (the
verb that governs it: "uses a wheelchair", "se convirtió al islam"); it never takes in a name
or a person noun. It scores lower than a frame, and a frame finding always wins an overlap.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from resguardo.scrub.text.base import SENSITIVE_TYPES, Span
from resguardo.scrub.text.sensitive._engine import (
    END,
    Grammar,
    alt,
    clause_left,
    is_name,
    lower,
    subject_is_person,
)

__all__ = ["SCORE", "Cues", "FallbackRules", "fallback", "terms"]

#: below every frame's score (0.85 and 0.9): a reviewer sees these as the less certain ones
SCORE = 0.6

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+")
#: the most words a span reaches back from its attribute word towards the subject
_REACH = 4
_SENTENCE = re.compile(r"[.!?\n]")
_CLAUSE_BREAK = re.compile(r"[.!?\n,;:()]")
_QUOTES = frozenset("\"'“”‘’«»")


def terms(*items: str) -> str:
    """An alternation of cue phrases written with plain spaces (any run of white space matches),
    longest first; an item may hold regular-expression syntax ("deport(?:ed|ation)")."""
    return alt(*(item.replace(" ", r"\s+") for item in items))


@dataclass(frozen=True, slots=True)
class Cues:
    """A language's words for the second-chance layer."""

    #: per sensitive type, an alternation of attribute words and phrases, in lower case
    terms: Mapping[str, str]
    #: nouns that, right before a cue (across "of"/"de"), make it their modifier: "ley de asilo"
    before: frozenset[str]
    #: nouns that, right after a cue, make it their modifier: "HIV tests", "refugee bill"
    after: frozenset[str]
    #: linking words skipped by those two checks ("of", "de", "du"...) and articles after them
    links: frozenset[str]
    #: words that end the reach back from a cue: relatives, complementisers, conjunctions
    stops: frozenset[str]
    #: singular subject pronouns ("she", "ele", "elle", "je"): the sentence is about someone
    pronouns: frozenset[str]
    #: words that make a sentence generic wherever they stand before the cue ("anyone", "todos")
    generic: frozenset[str]
    #: the subset of ``generic`` that makes a sentence generic even after the cue
    anyone: frozenset[str]
    #: the one or two words that open a "what happened" clause ("what", "lo que", "ce qui")
    what: frozenset[str] = frozenset()
    #: endings of verb forms that may follow a clitic: "lo deportaron" is a predicate, "la
    #: deportación" is a noun phrase
    verb_endings: tuple[str, ...] = ()
    #: whether faiths, peoples and parties are capitalised in running text (English: "Muslim")
    capitalised: bool = False
    #: plural articles and demonstratives: "les adhérents", "los vecinos" are a group
    plural_determiners: frozenset[str] = frozenset()
    #: whether a sentence may leave its subject out ("Fui comunista", "Toma antirretrovirales")
    pro_drop: bool = True


@dataclass(frozen=True, slots=True)
class FallbackRules:
    """A language's cues compiled into one regular expression, a named group per type."""

    grammar: Grammar
    cues: Cues
    pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        unknown = set(self.cues.terms) - set(SENSITIVE_TYPES)
        if unknown:
            raise ValueError(f"unknown sensitive types {sorted(unknown)}")
        groups = "|".join(f"(?P<{kind}>{terms})" for kind, terms in self.cues.terms.items())
        object.__setattr__(self, "pattern", re.compile(rf"(?<![\w'’-])(?:{groups}){END}"))


def _words_before(lowered: str, end: int, count: int) -> list[str]:
    return _WORD.findall(lowered[max(0, end - 12 * count) : end])[-count:]


def _modifies_a_thing(lowered: str, start: int, end: int, cues: Cues, grammar: Grammar) -> bool:
    """Is the cue at ``start:end`` a modifier of a policy, a thing or a group next to it?"""

    def group(word: str) -> bool:
        return word in cues.after or (_plural_noun(word) and grammar.is_person(word))

    after = _WORD.findall(lowered[end : end + 60])[:4]
    if after:
        if group(after[0]):
            return True
        if after[0] in cues.links:
            # "the deportation of Haitian workers": a noun or an adjective and a noun
            rest = [w for w in after[1:] if w not in grammar.determiners]
            if any(group(w) for w in rest[:2]):
                return True
    before = [w for w in _words_before(lowered, start, 6) if w not in grammar.determiners]
    # "ley de asilo", "the story of a Muslim family": the nearest noun, or the one it hangs from
    for _ in range(2):
        while before and (before[-1] in cues.links or before[-1] in grammar.possessives):
            before.pop()
        if not before:
            return False
        if before[-1] in cues.before:
            return True
        before.pop()
        if not before or before[-1] not in cues.links:
            return False
    return False


def _reach_back(text: str, lowered: str, start: int, rules: FallbackRules) -> int:
    """Where the span of a cue at ``start`` begins: back over up to a few words of its clause
    (the verb that governs it), never over a name, a person noun, a pronoun or a clause break."""
    grammar, cues = rules.grammar, rules.cues
    window_start = max(0, start - 80)
    left = text[window_start:start]
    breaks = list(re.finditer(r"[.,;:!?()\[\]\"“”«»—–¿¡\n]", left))
    if breaks:
        window_start += breaks[-1].end()
    tokens = list(_WORD.finditer(text, window_start, start))
    begin = start
    for match in reversed(tokens[-_REACH:]):
        token = match.group()
        low = lowered[match.start() : match.end()]
        if (
            is_name(token, grammar)
            or low in cues.stops
            or low in cues.pronouns
            or low in grammar.pronouns
            or grammar.is_person(low)
            or low in grammar.block
            # a quantifier right before the cue is its own ("has no nationality")
            or (low in grammar.quantifiers and begin != start)
        ):
            break
        begin = match.start()
    return begin


def _generic(lowered: str, begin: int, end: int, cues: Cues) -> bool:
    """Is the sentence about anyone: a generic word before the span, or anywhere in the
    sentence for the strongest ones ("...to anyone who asks")?"""
    head = _SENTENCE.split(lowered[max(0, begin - 200) : begin])[-1]
    if any(word in cues.generic for word in _WORD.findall(head)):
        return True
    tail = _SENTENCE.split(lowered[end : end + 200])[0]
    return any(word in cues.anyone for word in _WORD.findall(tail))


#: a frame finding of the same type this close (in characters, same sentence) already covers a cue
_NEAR = 40


def _near(lowered: str, span: Span, start: int, end: int, cues: Cues) -> bool:
    """Is a finding this close to the cue, in the same clause (no stop word or punctuation
    between: "has schizophrenia but is stable on medication" states two things)?"""
    if span.end <= start:
        gap = lowered[span.end : start]
    elif end <= span.start:
        gap = lowered[end : span.start]
    else:
        return True
    if len(gap) >= _NEAR or _CLAUSE_BREAK.search(gap):
        return False
    return not any(word in cues.stops for word in _WORD.findall(gap))


def _plural_noun(word: str) -> bool:
    return len(word) > 4 and word.endswith(("s", "x")) and not word.endswith(("ss", "us", "is"))


def _leading_subject(inside: list[str], grammar: Grammar) -> int | None:
    """When the reach back took in a whole clause ("dani got her asylum", "o luis foi preso"),
    how many of its first words are its subject (a lowercase name or a person noun, after an
    optional article), or None where they are not one."""
    skip = 1 if inside[:1] and inside[0] in grammar.determiners else 0
    if len(inside) < skip + 2:
        return None
    word = inside[skip]
    if word in grammar.block or word in grammar.skip or word in grammar.quantifiers:
        return None
    if word in grammar.determiners or word in grammar.possessives or word in grammar.prepositions:
        return None
    if grammar.is_person(word):
        return None if _plural_noun(word) else skip + 1
    # an unknown word: a lowercase name ("dani got", "pedro tiene"), but not after an article:
    # "the report mentions", "a embaixada negou" are things (which costs "o luis foi preso")
    if skip:
        return None
    return 1 if len(word) > 2 else None


def _about_someone(text: str, lowered: str, begin: int, start: int, end: int, rules: FallbackRules) -> bool:
    """Is the cue at ``start``, with its span from ``begin``, said of a specific person?"""
    grammar, cues = rules.grammar, rules.cues
    inside = [w.lower() for w in _WORD.findall(text, begin, start)]
    clitic = bool(cues.verb_endings) and lowered[start:end].endswith(cues.verb_endings)
    if (
        inside
        and not clitic
        and all(w in grammar.determiners or w in grammar.possessives or w in cues.links for w in inside)
    ):
        # "a mosque", "the charges", "her parish": a noun phrase, not a predicate about someone
        return False
    tokens, _opens = clause_left(text, begin)
    if tokens and tokens[-1].lower() in cues.pronouns:
        return True
    if tokens and (tokens[-1].lower() in cues.what or " ".join(tokens[-2:]).lower() in cues.what):
        # "what happened in the cells", "lo que pasó": an event, not a person's attribute
        return False
    if not tokens:
        # nothing before it in its clause: a dropped subject, unless the cue heads a noun
        # phrase that is the subject itself ("The church hosts...", "La iglesia...") or is a
        # word in quotes ('la palabra "ilegal"')
        quoted = text[max(0, begin - 1) : begin] in _QUOTES
        if _leading_subject(inside, grammar) is not None:
            # the reach took in the whole clause, its subject too ("dani got her asylum")
            return True
        return cues.pro_drop and not quoted and not (inside and inside[0] in grammar.determiners)
    last = tokens[-1]
    subject = (is_name(last, grammar) and not rules.pattern.fullmatch(last.lower())) or grammar.is_person(
        last.lower()
    )
    if not inside and not subject:
        # a cue with nothing of its own before it must come right after its subject
        return False
    people = [t.lower() for t in tokens if grammar.is_person(t.lower())]
    plural = grammar.is_plural(lowered[begin:start]) or bool(people and _plural_noun(people[-1]))
    if len(tokens) >= 2 and tokens[-2].lower() in cues.plural_determiners:
        # "les adhérents voteraient", "los vecinos hicieron": a group is the subject
        return False
    return subject_is_person(text, begin, grammar, plural=plural)


def _around(taken: list[Span], starts: list[int], low: int, high: int) -> list[Span]:
    """The spans of ``taken`` (sorted, disjoint) that reach into ``low:high``."""
    at = bisect.bisect_left(starts, high)
    near: list[Span] = []
    while at > 0 and taken[at - 1].end > low:
        at -= 1
        near.append(taken[at])
    return near


def fallback(text: str, rules: FallbackRules, taken: list[Span]) -> list[Span]:
    """Cue findings in ``text`` that overlap none of ``taken`` (the frame findings: sorted and
    disjoint), nor each other, in text order."""
    lowered = lower(text)
    found: list[Span] = []
    grammar, cues = rules.grammar, rules.cues
    starts = [span.start for span in taken]
    for match in rules.pattern.finditer(lowered):
        start, end = match.span()
        kind = match.lastgroup
        if kind is None:
            continue
        around = _around(taken, starts, start - 100, end + _NEAR)
        if any(s.start < end and start < s.end for s in around):
            continue
        if any(_near(lowered, s, start, end, cues) for s in around if s.type == kind):
            # the frames already found this attribute here ("fue condenada ... por un delito")
            continue
        if found and found[-1].end > start:
            continue
        surface = text[start:end]
        if surface[:1].isupper() and not cues.capitalised and not surface.isupper() and " " not in surface:
            # in es/pt/fr faiths, peoples and parties are written in lower case: a capitalised
            # cue mid-sentence is a name ("vive en Rosario", "la señora Cruz"), unless it ends
            # the name of an organisation ("Juventude Comunista")
            previous = _WORD.findall(text[max(0, start - 30) : start])[-1:]
            before_cue = text[max(0, start - 3) : start].rstrip(" \t")
            in_run = bool(previous) and previous[0][:1].isupper() and before_cue[-1:].isalpha()
            if before_cue and before_cue[-1:] not in '.!?\n"“«¿¡:' and not in_run:
                continue
        if surface[:1].isupper():
            # "Christian Ortiz", "Maya Angelou": a capitalised cue that heads a capitalised run,
            # unless the run names an organisation ("Communist Party")
            following = _WORD.findall(text[end : end + 30])[:1]
            if following and following[0][:1].isupper() and following[0].lower() not in grammar.organisations:
                continue
            if not _WORD.findall(text[max(0, start - 40) : start].split("\n")[-1]):
                continue
        if _modifies_a_thing(lowered, start, end, cues, grammar):
            continue
        # a name right after a party or faith word ("Partido Ana") is a person, not the party's name
        cue_words = list(_WORD.finditer(text, start, end))
        while (
            len(cue_words) > 1
            and is_name(cue_words[-1].group(), grammar)
            and cue_words[-1].group().lower() not in grammar.organisations
        ):
            cue_words.pop()
        if cue_words:
            end = cue_words[-1].end()
        begin = _reach_back(text, lowered, start, rules)
        if _generic(lowered, begin, end, cues):
            continue
        if any(word in grammar.generic_words for word in _WORD.findall(lowered, begin, start)):
            # "we stand with all immigrants": the reach back holds a word for everyone
            continue
        if not _about_someone(text, lowered, begin, start, end, rules):
            continue
        if not clause_left(text, begin)[0]:
            words_in = list(_WORD.finditer(text, begin, start))
            lead = _leading_subject([m.group().lower() for m in words_in], grammar)
            if lead is not None:
                # the subject ("dani", "o luis") stays out of the span: it may be a name
                begin = words_in[lead].start()
        else:
            begin = grammar.lead_start(lowered, begin)
        while begin < start and not text[begin].isalnum():
            begin += 1
        if any(is_name(m.group(), grammar) for m in _WORD.finditer(text, begin, start)):
            begin = start
        # the reach back stops short of a finding already made
        for span in (*around, *found[-1:]):
            if span.start < start and span.end > begin:
                begin = max(begin, span.end)
        while begin < start and not text[begin].isalnum():
            begin += 1
        found.append(Span(begin, end, kind, "sensitive", SCORE, f"sensitive:{kind.lower()}"))
    return found
