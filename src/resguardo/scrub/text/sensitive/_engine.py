"""The rule engine behind :func:`resguardo.scrub.text.sensitive.find_sensitive`.

A *frame* is a regular expression for the phrase that states an attribute ("vive con VIH",
"is a trans woman", "a été arrêtée"). A frame match only becomes a finding when its subject is a
person: a subject pronoun inside the match, or, looking left within the clause, a name, a
person noun ("my cousin", "la compañera") or nothing at all (a pro-drop verb), and not a group
("migrants", "las personas trans"), a quantifier ("anyone", "ningún") or a thing ("el camión").
The per-language word lists that drive that look-back live in a :class:`Grammar`.

The frames every language shares are written once, in :data:`FRAME_TABLE`, as templates over a
language's word lists (a :class:`Lexicon`); :func:`build_frames` fills them and appends the
frames a language has of its own.
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from resguardo.scrub.text.base import SENSITIVE_TYPES, Span

__all__ = [
    "BY_GROUP",
    "END",
    "FRAME_TABLE",
    "Check",
    "Frame",
    "Grammar",
    "LanguageRules",
    "Lexicon",
    "alt",
    "build_frames",
    "clause_left",
    "detect",
    "is_name",
    "lower",
    "subject_is_person",
    "words",
]

#: How a frame's subject is checked:
#: ``person``  the predicate only fits people; reject groups, quantifiers and generic plurals;
#: ``subject`` the predicate also fits things ("was detained", "es católica"): a common noun
#:             subject must be a known person noun;
#: ``object``  an active verb ("detuvo a ...", "arrested ..."): the object on the right must be
#:             a name, a person noun or a pronoun (pronouns are usually inside the match);
#: ``appos``   an appositive (", an asylum seeker,"): the word before the comma must be a
#:             name or a person noun;
#: ``none``    the frame carries its own person (a possessive, a clitic): always a finding.
#: ``coord``   a second attribute coordinated with a finding ("is a lesbian and a Catholic"):
#:             only counts right after another finding.
Check = Literal["person", "subject", "object", "appos", "coord", "none"]

#: words for the look-back; elisions split ("l'école" is "l", "école")
#: French "quelqu'un" ("someone") stays one word: its halves would read as "un", an article
_WORD = re.compile(r"quelqu['’]une?|[^\W\d_]+(?:-[^\W\d_]+)*|\d+", re.IGNORECASE)
_STRIP = " \t\r\n.,;:!?\"'“”‘’«»()[]{}—–-¿¡…"
#: where a clause starts when looking left for a subject
_SENTENCE_END = re.compile(r"[.!?;:\n\"“”«»()\[\]—–¿¡]|,")
_MAX_LOOKBACK = 160
_LEAD_WINDOW = 60
_FIRST = re.compile(r"[^\W\d_]+")


def words(text: str) -> frozenset[str]:
    """A word list written as text, one or more words a line."""
    return frozenset(text.split())


#: small words inside a capitalised run ("Centro de Derechos Humanos", "Ligue des droits")
_CONNECTORS = words("de del da do das dos des du of the la las los y e")


def alt(*items: str) -> str:
    """A non-capturing alternation, longest alternatives first so the longest phrase wins."""
    return "(?:" + "|".join(sorted(set(items), key=lambda s: (-len(s), s))) + ")"


#: the type of a frame whose pattern names its type with a group per type: (?P<HEALTH>...)
BY_GROUP = "*"


@dataclass(frozen=True, slots=True)
class Frame:
    """One phrase shape that states an attribute of ``type`` about someone."""

    type: str
    pattern: str
    check: Check = "person"

    def __post_init__(self) -> None:
        if self.type not in SENSITIVE_TYPES and self.type != BY_GROUP:
            raise ValueError(f"unknown sensitive type {self.type!r}")


@dataclass(frozen=True, slots=True)
class Grammar:
    """Words that tell, looking left from a predicate, who or what its subject is."""

    #: words that carry no information about the subject (adverbs, complementisers)
    skip: frozenset[str]
    #: generic or non-person subjects: groups, quantifiers, things, generic "you"
    block: frozenset[str]
    #: nouns for people, singular and plural ("cousin", "compañera", "voisin")
    person: frozenset[str]
    #: articles and demonstratives: a common noun subject starts here
    determiners: frozenset[str]
    #: possessives: "my cousin", "sus padres" name someone specific
    possessives: frozenset[str]
    #: quantifiers that make a person noun generic ("cualquier persona", "toute personne")
    quantifiers: frozenset[str]
    #: capitalised words that are not names (sentence-initial function words, months, days)
    not_names: frozenset[str]
    #: words in a capitalised run that make it an organisation, not a person
    organisations: frozenset[str]
    #: third-person plural verb forms and plural participles, searched inside a match
    plural: str
    #: prepositions: a noun right after one is not the subject ("at the march", "en la huerta")
    prepositions: frozenset[str] = frozenset()
    #: coordinating conjunctions: "tiene un trastorno y está en terapia" shares its subject
    conjunctions: frozenset[str] = frozenset()
    #: subject pronouns: a match that starts with one has a person for its subject
    pronouns: frozenset[str] = frozenset()
    #: what may stand right before a frame and belongs to its span: a subject pronoun, adverbs,
    #: negation, auxiliaries ("she has not", "ella no", "il n'"); matched backwards from the frame
    lead: str = ""
    #: a relative pronoun that starts a generic clause when it opens the sentence ("Quem vive...")
    generic_relatives: frozenset[str] = frozenset()
    #: words allowed between an active verb and its object ("a", "o", "the")
    object_lead: frozenset[str] = frozenset()
    #: endings of gerunds and present participles ("being", "viviendo", "étant"): a frame that
    #: starts with one has no subject of its own, so it needs a person named in its clause
    gerund_suffixes: tuple[str, ...] = ()
    #: indefinite articles: "a member" in "when a member is arrested" is anyone
    indefinites: frozenset[str] = frozenset()
    #: words that open a hypothetical clause ("when", "if", "cuando", "si", "quand")
    conditionals: frozenset[str] = frozenset()
    #: endings of person nouns not in ``person`` ("demandante", "requérant", "travailleuse")
    person_suffixes: tuple[str, ...] = ()
    #: words with a person-noun ending that are things ("expediente", "document", "papier")
    not_person: frozenset[str] = frozenset()
    #: plural subject pronouns ("they", "ellos") and the words that make them anyone
    #: ("everyone", "todos"): "everyone was asked whether they had been arrested"
    plural_pronouns: frozenset[str] = frozenset()
    generic_words: frozenset[str] = frozenset()
    #: prefixes of a person noun that keep it one ("exmarido", "ex-prefeito", "vicepresidenta")
    person_prefixes: tuple[str, ...] = ()
    #: counting words between a plural person noun and its article: "los dos hermanos", "both
    #: brothers" are specific people, not a generic plural
    numbers: frozenset[str] = frozenset()
    #: first-person verb forms that carry their own subject ("soy", "sou", "am"): the clause
    #: before them ("la gente cree que soy...") is not the subject
    first_person: frozenset[str] = frozenset()
    #: words that tell a subject's grammatical gender, looking left from a frame ("he", "la",
    #: "Mr"): a partner frame ("sale con una chica") is a finding only for the same gender
    masculine: frozenset[str] = frozenset()
    feminine: frozenset[str] = frozenset()
    #: attribute words of a person-only type that also describe things ("straight", "bi"): a
    #: copula before them keeps the strict subject check
    thing_attributes: frozenset[str] = frozenset()
    _plural: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _lead: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_plural", re.compile(self.plural))
        object.__setattr__(self, "_lead", re.compile(rf"(?:{self.lead})\Z"))

    def lead_start(self, text: str, start: int) -> int:
        """Where the span of a frame found at ``start`` in ``text`` (lower case) begins once its
        lead words are added."""
        window = text[max(0, start - _LEAD_WINDOW) : start]
        found = self._lead.search(window)
        return start - len(window) + found.start() if found else start

    def is_plural(self, phrase: str) -> bool:
        """``phrase`` (lower case) has a third-person plural verb or participle."""
        return self._plural.search(phrase) is not None

    def is_person(self, word: str) -> bool:
        """``word`` (lower case) names a person: a known person noun or a person-noun ending."""
        if word in self.person:
            return True
        for prefix in self.person_prefixes:
            if word.startswith(prefix) and len(word) > len(prefix) + 2:
                rest = word[len(prefix) :]
                if rest in self.person or (len(rest) > 5 and rest.endswith(self.person_suffixes)):
                    return rest not in self.not_person
        return len(word) > 5 and word not in self.not_person and word.endswith(self.person_suffixes)

    def gender(self, tokens: Sequence[str]) -> str | None:
        """The grammatical gender of the nearest word that tells one, looking left ("m", "f")."""
        for token in reversed(tokens):
            low = token.lower()
            if low in self.masculine:
                return "m"
            if low in self.feminine:
                return "f"
        return None


#: what ends a word in a frame: no letter, apostrophe or hyphen follows
END = r"(?![\w'’-])"

#: the attribute types a copula can introduce ("is undocumented", "es lesbiana"), in the
#: order their named groups are tried
COPULA_TYPES = (
    "ETHNICITY",
    "RELIGION",
    "POLITICS",
    "SEXUAL_ORIENTATION",
    "GENDER_IDENTITY",
    "HEALTH",
    "MIGRATION_STATUS",
)

#: The frames every language shares, as templates over a language's word lists: ``<name>``
#: stands for ``Lexicon.slots[name]`` (or a field of the same name). A frame whose slots a
#: language does not fill is left out for that language. The copula frame, coordinated and
#: appositive attributes are built by :func:`build_frames` from the attribute lexicons.
FRAME_TABLE: tuple[tuple[str, str, Check], ...] = (
    # health: "lives with HIV", "tiene diabetes", "takes antiretrovirals", "diagnosed with"
    ("HEALTH", r"\b<live_with>\s+<condition>", "person"),
    ("HEALTH", r"\b<have_condition>\s+<condition>", "person"),
    ("HEALTH", r"\b<diagnosed>\s+(?:<condition>|<health_adj><end>)", "person"),
    ("HEALTH", r"\b<diagnosis>\s+<condition>", "person"),
    ("HEALTH", r"\b<take>\s+<medication><end>", "person"),
    ("HEALTH", r"\b<tested_positive>\s+<condition>", "person"),
    ("HEALTH", r"\b<health_event>", "person"),
    # "his HIV treatment", "su depresión", "a depressão dele"; "had a psychotic episode"
    ("HEALTH", r"\b<health_possessive>", "person"),
    ("HEALTH", r"\b<health_episode>", "person"),
    # legal history: "was arrested", "fue condenada a seis años", "his arrest", "arrest of"
    ("LEGAL_HISTORY", r"\b<legal_aux>\s+<legal_participle>(?:\s+<charge_prep><charge>)?<year>", "subject"),
    ("LEGAL_HISTORY", r"<copula><filler>\s+<in_custody>", "person"),
    ("LEGAL_HISTORY", r"\b<served_time>", "person"),
    ("LEGAL_HISTORY", r"\b<record>", "person"),
    ("LEGAL_HISTORY", r"\b<legal_pronoun_verb>", "none"),
    ("LEGAL_HISTORY", r"\b<legal_verb>", "object"),
    ("LEGAL_HISTORY", r"\b<possessive>\s+<legal_nouns>\b", "none"),
    ("LEGAL_HISTORY", r"\b<legal_acts>(?=\s+<of>\s)", "object"),
    # pleas, protective orders, release on conditions, spoken forms ("cayó en cana")
    ("LEGAL_HISTORY", r"\b<legal_more>", "person"),
    # migration status: "was deported", "has no papers", "applied for asylum", "his deportation"
    ("MIGRATION_STATUS", r"\b<deport_aux>\s+<deported><year>", "person"),
    ("MIGRATION_STATUS", r"\b<lacks>\s+<papers>\b", "person"),
    ("MIGRATION_STATUS", r"\b<migration_event>", "person"),
    ("MIGRATION_STATUS", r"\b<migration_pronoun_verb>", "none"),
    ("MIGRATION_STATUS", r"\b<migration_possessive>\s+<migration_nouns>\b", "none"),
    ("MIGRATION_STATUS", r"\b<migration_acts>(?=\s+<of>\s)", "object"),
    # a status held ("tiene protección temporal"), an order to leave, a visa overstayed
    ("MIGRATION_STATUS", r"\b<migration_more>", "person"),
    # politics: "is a member of the Workers' Party", "milita en el Frente Amplio"
    ("POLITICS", r"<copula><filler>\s+<member>\s+<political_body>", "person"),
    ("POLITICS", r"\b<support>\s+<political_body>", "person"),
    # an elected office for a party ("es concejala del PSUV"), a cause ("apoyo la causa palestina")
    ("POLITICS", r"<copula><filler>\s+<office>", "person"),
    ("POLITICS", r"\b<cause>", "person"),
    # religion: "converted to Islam", "usa hiyab", "es miembro de la iglesia..."
    ("RELIGION", r"\b<convert>", "person"),
    ("RELIGION", r"\b<wear>", "person"),
    ("RELIGION", r"<copula><filler>\s+<congregant>", "person"),
    ("RELIGION", r"\b<practice>", "person"),
    # ethnicity: "is of Somali descent", "pertenece al pueblo nasa"
    ("ETHNICITY", r"<copula><filler>\s+<origin>", "person"),
    ("ETHNICITY", r"\b<belongs>", "person"),
    ("ETHNICITY", r"\b<comes_from>", "person"),
    # sexual orientation and gender identity: "came out as", "se identifica como", "transitioned"
    ("SEXUAL_ORIENTATION", r"\b<came_out>", "person"),
    ("GENDER_IDENTITY", r"\b<identifies>", "person"),
    ("GENDER_IDENTITY", r"\b<transition>", "person"),
    # "le gustan las mujeres"; "sale con una chica" (a partner of the subject's own gender)
    ("SEXUAL_ORIENTATION", r"\b<attraction>", "person"),
    ("SEXUAL_ORIENTATION", r"\b<partner>", "person"),
)

_SLOT = re.compile(r"<([a-z_]+)>")

#: copula attribute types that only people have: any common noun subject will do
_PERSON_ONLY = frozenset({"SEXUAL_ORIENTATION", "GENDER_IDENTITY"})


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One language's words for the shared frames (:data:`FRAME_TABLE`)."""

    #: copulas, with what may follow them before the attribute (negation, adverbs, articles)
    copula: str
    filler: str
    #: adjectives before an attribute ("practising", "devota") and person nouns it may qualify
    modifier: str
    head: str
    #: whether the person noun comes before the attribute ("una mujer trans") or after it
    head_first: bool
    #: the attribute lexicons, one per type of :data:`COPULA_TYPES` in that order (HEALTH:
    #: adjectives and states such as "pregnant", "en diálisis")
    attributes: tuple[str, str, str, str, str, str, str]
    #: a lookbehind for the conjunction before a coordinated attribute, and indefinite articles
    coordinator: str
    articles: str
    #: words that join two attributes of one type ("indígena y wayuu"): "" joins with a space
    joiner: str = ""
    #: types a coordinated attribute may have ("es lesbiana y católica")
    coordinated: tuple[str, ...] = tuple(kind for kind in COPULA_TYPES if kind != "POLITICS")
    #: types of an appositive attribute (", a Sámi reindeer herder,") and what may follow it
    appositive: tuple[str, ...] = ()
    appositive_tail: str = ""
    #: types whose attribute may come twice in a copula phrase ("is Indigenous Wayuu")
    repeatable: tuple[str, ...] = COPULA_TYPES[:5]
    #: an attribute's own guard in the copula frame, by type ("a refugee lawyer" is a lawyer)
    guards: Mapping[str, str] = field(default_factory=dict)
    #: word lists for the other frames of :data:`FRAME_TABLE`, by slot name
    slots: Mapping[str, str] = field(default_factory=dict)
    end: str = END

    @property
    def lexicons(self) -> dict[str, str]:
        """The attribute lexicon of each type."""
        return dict(zip(COPULA_TYPES, self.attributes, strict=True))

    def slot(self, name: str) -> str | None:
        if name in self.slots:
            return self.slots[name]
        if name in ("end", "copula", "filler", "modifier", "head"):
            value: str = getattr(self, name)
            return value
        if name == "health_adj":
            return self.lexicons["HEALTH"]
        return None

    def typed(self, kind: str) -> str:
        """The attribute lexicon of ``kind``, optionally twice ("Indigenous Wayuu"), then its guard."""
        attrs, end = self.lexicons[kind], self.end
        twice = rf"(?:[\s-]+{self.joiner}{attrs}{end})?" if kind in self.repeatable else ""
        return rf"{attrs}{end}{twice}{self.guards.get(kind, '')}"

    def copula_frame(self) -> Frame:
        """A copula and an attribute of any type: one regex, a named group per type."""
        groups = "|".join(f"(?P<{kind}>{self.typed(kind)})" for kind in COPULA_TYPES)
        before = "" if not self.head_first else rf"(?:{self.head}\s+)?"
        after = "" if self.head_first else rf"(?:\s+{self.head}{self.end})?"
        pattern = rf"{self.copula}{self.filler}\s+{before}(?:{self.modifier}\s+){{0,2}}(?:{groups}){after}"
        return Frame(BY_GROUP, pattern, "subject")


def _fill(template: str, values: Mapping[str, str | None]) -> str:
    # every value is grouped: a word list may be a top-level alternation
    return _SLOT.sub(lambda m: f"(?:{values[m.group(1)]})", template)


def build_frames(lexicon: Lexicon, extras: Sequence[Frame] = ()) -> tuple[Frame, ...]:
    """A language's frames: the shared table filled with its words, then its own ``extras``."""
    frames = [lexicon.copula_frame()]
    for kind, template, check in FRAME_TABLE:
        values = {name: lexicon.slot(name) for name in _SLOT.findall(template)}
        if all(value is not None for value in values.values()):
            frames.append(Frame(kind, _fill(template, values), check))
    frames.extend(extras)
    end, modifier, articles = lexicon.end, lexicon.modifier, lexicon.articles
    for kind in lexicon.appositive:
        attrs = lexicon.lexicons[kind]
        pattern = rf"(?<=,\s)(?:{articles})\s+(?:{modifier}\s+)?{attrs}{end}{lexicon.appositive_tail}"
        frames.append(Frame(kind, pattern, "appos"))
    for kind in lexicon.coordinated:
        attrs = lexicon.lexicons[kind]
        pattern = rf"{lexicon.coordinator}(?:(?:{articles})\s+)?(?:{modifier}\s+)?{attrs}{end}"
        frames.append(Frame(kind, pattern, "coord"))
    return tuple(frames)


_ESCAPE = re.compile(r"\\.")


def _compile(pattern: str) -> tuple[re.Pattern[str], bool]:
    """A frame's regex and whether it must see the original case ("(?-i:[A-Z])" for names).

    Frames without case tests run without IGNORECASE on a lower-cased copy of the text: the
    regex engine then skips non-matching branches of long alternations far faster.
    """
    if "(?-i:" in pattern:
        return re.compile(pattern, re.IGNORECASE), True
    if any(ch.isupper() for ch in _ESCAPE.sub("", re.sub(r"\(\?P<\w+>", "", pattern))):
        raise ValueError(f"a frame without case tests must be written in lower case: {pattern[:60]!r}")
    return re.compile(pattern), False


def lower(text: str) -> str:
    """``text`` in lower case with every character where it was (offsets stay valid)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


def _required(pattern: re.Pattern[str], cased: bool) -> frozenset[str] | None:
    """Literal strings one of which is in every match of ``pattern`` ("diagnos", or each word of
    a leading alternation), or None where none can be told: then the pattern always runs.

    A frame rarely matches a given text, and Python's regex engine tries a pattern that opens
    with ``\\b`` at every position; a substring test first skips most patterns for most texts.
    Only frames that run on the lower-cased text without IGNORECASE get one, so the test is
    exact: a literal is there or the pattern cannot match. It reads the pattern's parse tree
    (``re._parser``, CPython's own); if that cannot be read, every pattern runs as before.
    """
    if cased or "(?i" in pattern.pattern:
        return None
    try:
        parser: Any = importlib.import_module("re._parser")
        constants: Any = importlib.import_module("re._constants")
        return _factors(list(parser.parse(pattern.pattern, pattern.flags)), constants)
    except Exception:  # an unreadable tree only means no shortcut
        return None


def _factors(items: list[tuple[Any, Any]], c: Any) -> frozenset[str] | None:
    """For a sequence of parsed items: the best set of literals one of which every match holds."""
    found: list[frozenset[str]] = []
    run: list[str] = []
    for op, value in items:
        if op is c.LITERAL:
            run.append(chr(value))
            continue
        if run:
            found.append(frozenset(["".join(run)]))
            run = []
        part: frozenset[str] | None = None
        if op is c.SUBPATTERN:
            part = _factors(list(value[-1]), c)
        elif op is c.BRANCH:
            branches = [_factors(list(branch), c) for branch in value[1]]
            if branches and all(branch is not None for branch in branches):
                part = frozenset().union(*(branch for branch in branches if branch is not None))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and value[0] >= 1:
            part = _factors(list(value[2]), c)
        # anything else (a class, \\b, a look-around, a back-reference) requires no literal here
        if part is not None:
            found.append(part)
    if run:
        found.append(frozenset(["".join(run)]))
    useful = [option for option in found if option and min(map(len, option)) >= 2]
    if not useful:
        return None
    # the set whose shortest literal is longest tells most; then the smaller set
    return max(useful, key=lambda option: (min(map(len, option)), -len(option)))


@dataclass(frozen=True, slots=True)
class LanguageRules:
    """Everything one language needs: its grammar words and its frames."""

    grammar: Grammar
    frames: Sequence[Frame]
    compiled: tuple[tuple[Frame, re.Pattern[str], bool], ...] = field(init=False, repr=False, compare=False)
    #: per compiled frame, the first three letters of the literals one of which its every match
    #: holds (None: always run it); set lookups in C are faster than a loop of ``in`` tests
    required: tuple[frozenset[str] | None, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        compiled = tuple((frame, *_compile(frame.pattern)) for frame in self.frames)
        for frame, pattern, _cased in compiled:
            groups = set(pattern.groupindex)
            if frame.type == BY_GROUP and (not groups or not groups <= set(SENSITIVE_TYPES)):
                raise ValueError(f"a frame typed by group needs groups named after types: {groups}")
        object.__setattr__(self, "compiled", compiled)
        # each literal by its first three letters (two for a two-letter one): a frame can match only
        # where one of its keys is among the text's own three- and two-letter pieces
        keys = tuple(
            None if found is None else frozenset(literal[:3] for literal in found)
            for found in (_required(pattern, cased) for _, pattern, cased in compiled)
        )
        object.__setattr__(self, "required", keys)


def _is_name(token: str, grammar: Grammar) -> bool:
    if not token[:1].isupper() or token.lower() in grammar.not_names:
        return False
    # all-capitals words are acronyms (organisations, laws), not names
    return not (len(token) > 1 and token.isupper())


def _clause_left(text: str, start: int) -> tuple[list[str], bool]:
    """Words left of ``start`` in the same clause, and whether the clause opens a sentence."""
    window_start = max(0, start - _MAX_LOOKBACK)
    left = text[window_start:start]
    cut = 0
    opens_sentence = window_start == 0
    for match in _SENTENCE_END.finditer(left):
        cut = match.end()
        opens_sentence = match.group() != ","
    return _WORD.findall(left[cut:]), opens_sentence


def _name_run_is_person(tokens: list[str], index: int, grammar: Grammar) -> bool:
    """A capitalised word at ``index``: is its run of capitalised words a person, not an organisation?"""
    i = index
    while i >= 0:
        word = tokens[i]
        low = word.lower()
        if low in grammar.organisations:
            return False
        if word[:1].isupper() or low in _CONNECTORS:
            i -= 1
            continue
        break
    return True


def _preposition_before(tokens: list[str], i: int, grammar: Grammar) -> int:
    """If the noun at ``i`` is the object of a preposition, the preposition's index, else -1."""
    j = i - 1
    unknown = 0
    while j >= 0:
        low = tokens[j].lower()
        if low in grammar.determiners or low in grammar.possessives:
            # checked first: Portuguese "a" and "o" are articles far more often than prepositions
            j -= 1
            continue
        if low in grammar.prepositions:
            return j
        if unknown < 2 and low not in grammar.skip and low not in grammar.block and tokens[j][:1].islower():
            unknown += 1
            j -= 1
            continue
        return -1
    return -1


def _hypothetical(tokens: list[str], i: int, grammar: Grammar) -> bool:
    """Does an indefinite person noun at ``i`` sit in a "when"/"if" clause ("when a member is...")?"""
    if i == 0 or tokens[i - 1].lower() not in grammar.indefinites:
        return False
    return any(t.lower() in grammar.conditionals for t in tokens[: i - 1])


def _subject_ok(
    text: str, start: int, plural: bool, strong: bool, grammar: Grammar, *, cue: bool = False
) -> bool:
    """Is the subject of the predicate at ``start`` a person? With ``cue``, only a named or
    pointed-to person will do (a gerund has no subject of its own)."""
    tokens, opens_sentence = _clause_left(text, start)
    if not tokens:
        # nothing between the clause start and the verb: a dropped subject, someone named before
        return not cue
    seen_unknown = False
    coordinated = False
    i = len(tokens) - 1
    while i >= 0:
        token = tokens[i]
        low = token.lower()
        if low in grammar.generic_relatives:
            # "the woman who", "Ana, who" name someone; "record who", "Quem vive" are anyone
            if i == 0 and not opens_sentence:
                i -= 1
                continue
            neighbour = tokens[i - 1] if i > 0 else ""
            if i > 0 and (_is_name(neighbour, grammar) or grammar.is_person(neighbour.lower())):
                i -= 1
                continue
            return False
        if low in grammar.conjunctions:
            # the verb is coordinated with an earlier one; its object is not our subject
            coordinated = True
        if low in grammar.skip or low in grammar.prepositions or low in grammar.conjunctions:
            i -= 1
            continue
        if _is_name(token, grammar) and low not in grammar.block:
            return _name_run_is_person(tokens, i, grammar)
        thing = low in grammar.determiners and seen_unknown and (strong or plural) and not coordinated
        if low in grammar.block or thing:
            # a group or a thing; unless it only sits inside a prepositional phrase
            preposition = _preposition_before(tokens, i + (0 if low in grammar.block else 1), grammar)
            if preposition < 0:
                return False
            seen_unknown = False
            i = preposition - 1
            continue
        if grammar.is_person(low):
            # "any member", "cualquier persona" are anyone; "the union rep" is someone
            if i > 0 and tokens[i - 1].lower() in grammar.quantifiers:
                return False
            if _hypothetical(tokens, i, grammar):
                return False
            if plural:
                # "los migrantes" is generic; "sus padres", "mis hermanas" are specific people,
                # and so are "los dos hermanos", "both brothers"
                before = tokens[i - 1].lower() if i > 0 else ""
                if before in grammar.numbers:
                    return i == 1 or tokens[i - 2].lower() not in grammar.quantifiers
                return before in grammar.possessives
            return True
        if low in grammar.possessives:
            return True
        if low in grammar.determiners:
            return not cue
        if low in grammar.quantifiers:
            return False
        seen_unknown = True
        i -= 1
    return not (plural or cue)


#: the word right after a capitalised one, in the same clause
_GROUP_AFTER_NAME = re.compile(r"\s+([^\W\d_]+)")


def _object_ok(text: str, end: int, grammar: Grammar) -> bool:
    """Is the object right of an active verb or a noun ("detuvo a Ernesto") a specific person?"""
    window = text[end : end + 100]
    found = list(_WORD.finditer(window))
    tokens = [m.group() for m in found]
    unknown = 0
    previous = ""
    for index, token in enumerate(tokens[:7]):
        low = token.lower()
        if low in grammar.object_lead:
            previous = low
            continue
        if index == 0 and low in grammar.prepositions:
            # "everyone detained at the Otay Mesa facility": a participle, not an active verb
            return False
        if low in grammar.block or low.isdigit() or low in grammar.quantifiers:
            return False
        if _is_name(token, grammar):
            # "the deportation of Haitian workers": an adjective before a group, not a name
            after = _GROUP_AFTER_NAME.match(window, found[index].end())
            return not (after and after.group(1).lower() in grammar.block)
        if unknown:
            # after skipped words only a name will do: "detained top-flight player Amy Jones"
            if token[:1].islower() and unknown < 3 and low not in grammar.determiners:
                unknown += 1
                continue
            return False
        if low in grammar.possessives:
            return True
        if grammar.is_person(low):
            # "the protesters" is a crowd; "her brothers" and "the applicant" are people
            return not (low.endswith(("s", "x")) and previous not in grammar.possessives)
        if low in grammar.determiners:
            previous = low
            continue
        # "top-flight tennis player Amy Jones": a few words may come before the name
        if token[:1].islower() and unknown < 3:
            unknown += 1
            previous = low
            continue
        return False
    return False


def _appos_ok(text: str, start: int, grammar: Grammar) -> bool:
    before = text[max(0, start - 60) : start].rstrip()
    if not before.endswith(","):
        return False
    tokens = _WORD.findall(before)
    if not tokens:
        return False
    last = tokens[-1]
    return _is_name(last, grammar) or grammar.is_person(last.lower())


def _generic_antecedent(text: str, start: int, pronoun: str, grammar: Grammar) -> bool:
    """Does a plural pronoun at ``start`` refer back to anyone or everyone in its sentence?"""
    if pronoun not in grammar.plural_pronouns:
        return False
    window = text[max(0, start - _MAX_LOOKBACK) : start]
    sentence = re.split(r"[.!?\n]", window)[-1]
    return any(word.lower() in grammar.generic_words for word in _WORD.findall(sentence))


def _accepts(
    frame: Frame, start: int, match: re.Match[str], text: str, lowered: str, grammar: Grammar
) -> bool:
    if frame.check == "none":
        return True
    groups = match.re.groupindex
    if "same_m" in groups or "same_f" in groups:
        # "sale con una chica": a statement about orientation only when the subject's gender
        # (a pronoun, an article, a title before the verb) is the partner's
        male, female = match.group("same_m"), match.group("same_f")
        tokens = _clause_left(text, start)[0] + _WORD.findall(text, start, match.start())
        if (male is not None or female is not None) and grammar.gender(tokens) != ("m" if male else "f"):
            return False
    first = _FIRST.match(text, start)
    if first and first.group().lower() in grammar.pronouns:
        # "Everyone was asked whether they had been arrested": "they" is anyone
        return not _generic_antecedent(text, start, first.group().lower(), grammar)
    if frame.check == "object":
        return _object_ok(text, match.end(), grammar)
    if frame.check == "appos":
        return _appos_ok(text, match.start(), grammar)
    if first and first.group().lower() in grammar.first_person:
        # "la gente cree que soy mestiza": the verb carries its own subject
        return True
    plural = grammar.is_plural(lowered[start : match.end()])
    strong = frame.check == "subject"
    if strong and frame.type == BY_GROUP and match.lastgroup in _PERSON_ONLY:
        # "the bookseller is gay": only a person can be, whatever the noun
        last = _WORD.findall(lowered[match.start(match.lastgroup) : match.end(match.lastgroup)])
        strong = not last or last[-1] in grammar.thing_attributes
    # a gerund ("being detained", "living with HIV") has no subject of its own
    suffixes = grammar.gerund_suffixes
    gerund = bool(suffixes) and first is not None and first.group().lower().endswith(suffixes)
    return _subject_ok(text, start, plural, strong, grammar, cue=gerund)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    return start, end


def _inside_word(text: str, at: int) -> bool:
    return 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum()


def _span(text: str, frame: Frame, match: re.Match[str], start: int) -> Span | None:
    if "after_name" in match.re.groupindex and match.group("after_name") is not None:
        # a frame that matches across a name ("was Kemi arrested") starts its span after it
        start = max(start, match.start("after_name"))
    start, end = _trim(text, start, match.end())
    kind = frame.type if frame.type != BY_GROUP else match.lastgroup
    # a phrase that starts or stops inside a word ("sentence" in "sentences") is not one
    if start >= end or kind is None or _inside_word(text, start) or _inside_word(text, end):
        return None
    score = 0.85 if frame.check in ("person", "coord") else 0.9
    return Span(start, end, kind, "sensitive", score, f"sensitive:{kind.lower()}")


def _candidates(text: str, rules: LanguageRules) -> list[Span]:
    grammar = rules.grammar
    lowered = lower(text)
    found: list[Span] = []
    coordinated: list[tuple[Frame, re.Match[str]]] = []
    pieces = {lowered[index : index + 3] for index in range(len(lowered) - 1)}  # the last one has two letters
    pieces.update(lowered[index : index + 2] for index in range(len(lowered) - 1))
    for (frame, pattern, cased), required in zip(rules.compiled, rules.required, strict=True):
        if required is not None and pieces.isdisjoint(required):
            continue  # the pattern cannot match: none of its literals is in the text
        extends = frame.check in ("person", "subject")
        for match in pattern.finditer(text if cased else lowered):
            if frame.check == "coord":
                coordinated.append((frame, match))
                continue
            start = grammar.lead_start(lowered, match.start()) if extends else match.start()
            if not _accepts(frame, start, match, text, lowered, grammar):
                continue
            if span := _span(text, frame, match, start):
                found.append(span)
    if coordinated:
        ends = {span.end for span in found}
        for frame, match in coordinated:
            # "and a practising Catholic" counts only right after another finding
            window = max(0, match.start() - 40)
            before = text[window : match.start()].rstrip()
            if parts := before.split():
                before = before[: -len(parts[-1])].rstrip(_STRIP)
            if window + len(before) in ends and (span := _span(text, frame, match, match.start())):
                found.append(span)
    return found


def _select(candidates: list[Span]) -> list[Span]:
    """Longest first where candidates overlap; the result is in text order."""
    chosen: list[Span] = []
    starts: list[int] = []
    for span in sorted(candidates, key=lambda s: (s.start - s.end, s.start)):
        at = bisect.bisect_left(starts, span.start)
        if at > 0 and chosen[at - 1].end > span.start:
            continue
        if at < len(chosen) and chosen[at].start < span.end:
            continue
        chosen.insert(at, span)
        starts.insert(at, span.start)
    return chosen


def detect(text: str, rules: LanguageRules) -> list[Span]:
    """Every accepted frame match; where matches overlap the longest wins."""
    return _select(_candidates(text, rules))


def is_name(token: str, grammar: Grammar) -> bool:
    """Is ``token`` (as written) a name: capitalised, not an acronym, not a known non-name?"""
    return _is_name(token, grammar)


def clause_left(text: str, start: int) -> tuple[list[str], bool]:
    """Words left of ``start`` in the same clause, and whether the clause opens a sentence."""
    return _clause_left(text, start)


def subject_is_person(text: str, start: int, grammar: Grammar, *, plural: bool) -> bool:
    """Is the subject of a predicate that starts at ``start`` a specific person (the frames'
    look-back, with a common noun subject held to a known person noun)?"""
    return _subject_ok(text, start, plural, True, grammar)
