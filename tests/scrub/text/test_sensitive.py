"""Sensitive information stated about a person, in en/es/pt/fr, measured on labelled sets.

``data/sensitive_{lang}.jsonl`` is the development set the rules were tuned on (it includes three
earlier held-out sets, folded in once their errors had been looked at);
``data/sensitive_{lang}_heldout.jsonl`` (64 sentences a language, 45 spans, 20 negatives) is built
from the inline markup in ``data/source/`` by ``data/source/build_sensitive.py``. It was written
before the second-chance layer (``_fallback``) and measured on it: its floors sit just below that
measurement so that a regression fails, and it must not be tuned on. A gold span is found when a
finding of the same type overlaps it (the issue's measure); exact matches are counted too.
``python -m tests.scrub.text.test_sensitive`` prints the figures per type.
"""

from __future__ import annotations

import importlib
import itertools
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resguardo.errors import UsageError
from resguardo.scrub.text.base import LANGUAGES, SENSITIVE_TYPES, Span
from resguardo.scrub.text.sensitive import find_sensitive
from resguardo.scrub.text.sensitive._engine import FRAME_TABLE
from resguardo.scrub.text.sensitive._fallback import SCORE

DATA = Path(__file__).parent / "data"
STRIPPED = " \t\r\n.,;:!?\"'“”‘’«»()[]{}—–-¿¡…"


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    type: str


@dataclass(frozen=True)
class Example:
    text: str
    spans: tuple[Gold, ...]


@dataclass
class Figures:
    """Counts for one labelled set: overlap-based recall and precision, exact matches, per type."""

    gold: int = 0
    found: int = 0
    exact: int = 0
    predicted: int = 0
    correct: int = 0
    gold_by_type: Counter[str] = field(default_factory=Counter)
    found_by_type: Counter[str] = field(default_factory=Counter)
    predicted_by_type: Counter[str] = field(default_factory=Counter)
    correct_by_type: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def exact_recall(self) -> float:
        return self.exact / self.gold if self.gold else 1.0


#: inline markup for labelled text: "Ana [[HEA|vive con VIH]]." (the held-out sets were written so)
MARK = re.compile(r"\[\[([A-Z]{3})\|([^\]]+)\]\]")
CODES = {kind[:3]: kind for kind in SENSITIVE_TYPES}


def from_markup(line: str) -> Example:
    """The text and gold spans of a line in inline markup, with exact character offsets."""
    text, spans, position = "", [], 0
    for match in MARK.finditer(line):
        text += line[position : match.start()]
        spans.append(Gold(len(text), len(text) + len(match.group(2)), CODES[match.group(1)]))
        text += match.group(2)
        position = match.end()
    return Example(text + line[position:], tuple(spans))


def to_markup(example: Example) -> str:
    out, position = "", 0
    for gold in sorted(example.spans, key=lambda g: g.start):
        phrase = example.text[gold.start : gold.end]
        out += example.text[position : gold.start] + f"[[{gold.type[:3]}|{phrase}]]"
        position = gold.end
    return out + example.text[position:]


def load(name: str) -> list[Example]:
    examples = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        spans = tuple(Gold(s["start"], s["end"], s["type"]) for s in record["spans"])
        examples.append(Example(record["text"], spans))
    return examples


def _hits(gold: Gold, spans: list[Span]) -> list[Span]:
    return [s for s in spans if s.type == gold.type and s.start < gold.end and gold.start < s.end]


def evaluate(examples: list[Example], lang: str) -> Figures:
    figures = Figures()
    for example in examples:
        spans = find_sensitive(example.text, lang)
        for gold in example.spans:
            figures.gold += 1
            figures.gold_by_type[gold.type] += 1
            hits = _hits(gold, spans)
            if hits:
                figures.found += 1
                figures.found_by_type[gold.type] += 1
                figures.exact += any(s.start == gold.start and s.end == gold.end for s in hits)
            else:
                figures.misses.append(
                    f"{gold.type}: {example.text[gold.start : gold.end]!r} in {example.text!r}"
                )
        for span in spans:
            figures.predicted += 1
            figures.predicted_by_type[span.type] += 1
            golds = (Gold(g.start, g.end, g.type) for g in example.spans)
            if any(_hits(gold, [span]) for gold in golds):
                figures.correct += 1
                figures.correct_by_type[span.type] += 1
            else:
                figures.false_alarms.append(
                    f"{span.type}: {example.text[span.start : span.end]!r} in {example.text!r}"
                )
    return figures


# -- the labelled sets ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_development_set_meets_the_goal(lang: str) -> None:
    # measured: recall 0.990 / 0.989 / 0.989 / 0.973 (en/es/pt/fr), precision 0.979 / 0.995 /
    # 0.973 / 0.989, exact 0.901 / 0.868 / 0.886 / 0.883
    figures = evaluate(load(f"sensitive_{lang}.jsonl"), lang)
    assert figures.recall >= 0.965, figures.misses
    assert figures.precision >= 0.97, figures.false_alarms
    assert figures.exact_recall >= 0.86


#: recall on the held-out sets with the second-chance layer (en 0.889, es 0.911, pt 0.889,
#: fr 0.911; precision 0.930 / 0.933 / 0.932 / 0.915): the floors are a little below it. After
#: the fresh2 round (which read its misses): en 0.956, es 1.0, pt 1.0, fr 0.956
HELDOUT_RECALL_FLOOR = {"en": 0.88, "es": 0.9, "pt": 0.88, "fr": 0.9}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_heldout_set_does_not_regress(lang: str) -> None:
    figures = evaluate(load(f"sensitive_{lang}_heldout.jsonl"), lang)
    assert figures.recall >= HELDOUT_RECALL_FLOOR[lang], figures.misses
    assert figures.precision >= 0.9, figures.false_alarms


@pytest.mark.parametrize("lang", LANGUAGES)
def test_heldout_set_is_built_from_its_markup(lang: str) -> None:
    # the JSON is generated from data/source/ (python tests/scrub/text/data/source/build_sensitive.py)
    lines = (DATA / "source" / f"sensitive_{lang}_heldout.txt").read_text(encoding="utf-8").splitlines()
    marked = [from_markup(line) for line in lines if line.strip() and not line.startswith("#")]
    assert marked == load(f"sensitive_{lang}_heldout.jsonl")
    assert sum(len(e.spans) for e in marked) >= 40


#: recall on the fresh2 sets (written before the fresh2 round of rules, scored before it: en 0.895,
#: es 0.795, pt 0.821, fr 0.872; after it 1.0 in all four, but the round also answered their
#: misses, so that is no clean estimate): the floors leave a small margin for later changes
FRESH2_RECALL_FLOOR = {"en": 0.95, "es": 0.95, "pt": 0.95, "fr": 0.95}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_fresh2_set_does_not_regress(lang: str) -> None:
    examples = load(f"sensitive_{lang}_fresh2.jsonl")
    figures = evaluate(examples, lang)
    assert figures.recall >= FRESH2_RECALL_FLOOR[lang], figures.misses
    # its negatives are statements about groups, places and things: no finding at all
    negatives = [e.text for e in examples if not e.spans]
    assert len(negatives) >= 10
    assert [(text, found(text, lang)) for text in negatives if found(text, lang)] == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_fresh2_set_is_built_from_its_markup(lang: str) -> None:
    lines = (DATA / "source" / f"sensitive_{lang}_fresh2.txt").read_text(encoding="utf-8").splitlines()
    marked = [from_markup(line) for line in lines if line.strip() and not line.startswith("#")]
    assert marked == load(f"sensitive_{lang}_fresh2.jsonl")
    assert sum(len(e.spans) for e in marked) >= 30


#: the blind sets: written by someone who read neither the rules nor any other set, scored once
#: with analyze() before anything was changed for them: recall en 0.800, es 1.0, pt 0.933,
#: fr 0.933 (all 0.917), precision 0.828 / 0.857 / 0.875 / 0.933, negatives with a finding
#: 2 / 1 / 2 / 0 of 10. The floors only keep those figures from getting worse.
BLIND_RECALL_FLOOR = {"en": 0.8, "es": 0.96, "pt": 0.93, "fr": 0.93}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_blind_set_does_not_regress(lang: str) -> None:
    examples = load(f"sensitive_{lang}_blind.jsonl")
    figures = evaluate(examples, lang)
    assert figures.recall >= BLIND_RECALL_FLOOR[lang], figures.misses


@pytest.mark.parametrize("lang", LANGUAGES)
def test_blind_set_is_built_from_its_markup(lang: str) -> None:
    lines = (DATA / "source" / f"sensitive_{lang}_blind.txt").read_text(encoding="utf-8").splitlines()
    marked = [from_markup(line) for line in lines if line.strip() and not line.startswith("#")]
    assert marked == load(f"sensitive_{lang}_blind.jsonl")
    assert sum(len(e.spans) for e in marked) == 30 and len(marked) == 40


@pytest.mark.parametrize("name", ["check", "check2"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_small_fresh_check_sets_parse(lang: str, name: str) -> None:
    # data/source/sensitive_{lang}_{name}.txt: each scored once, reported in the package docstring
    lines = (DATA / "source" / f"sensitive_{lang}_{name}.txt").read_text(encoding="utf-8").splitlines()
    marked = [from_markup(line) for line in lines if line.strip() and not line.startswith("#")]
    assert len(marked) >= 25
    assert all("[[" not in e.text for e in marked)
    assert sum(len(e.spans) for e in marked) >= 18


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("sensitive_*.jsonl")))
def test_labelled_sets_are_well_formed(name: str) -> None:
    examples = load(name)
    assert len(examples) >= (40 if ("fresh" in name or "blind" in name) else 60)
    for example in examples:
        # every span survives a round trip through the markup the sets are written in
        assert from_markup(to_markup(example)) == example
        previous_end = 0
        for gold in sorted(example.spans, key=lambda g: g.start):
            assert gold.type in SENSITIVE_TYPES
            assert previous_end <= gold.start < gold.end <= len(example.text)
            text = example.text[gold.start : gold.end]
            assert text == text.strip(STRIPPED), text
            previous_end = gold.end
    negatives = sum(not e.spans for e in examples)
    assert negatives >= len(examples) // (4 if "heldout" in name else 5), (
        "hard negatives are part of every set"
    )


def test_markup_gives_exact_offsets() -> None:
    example = from_markup("«[[SEX|Soy lesbiana]]», dijo; Ana [[HEA|vive con VIH]].")
    assert [example.text[g.start : g.end] for g in example.spans] == ["Soy lesbiana", "vive con VIH"]
    assert [g.type for g in example.spans] == ["SEXUAL_ORIENTATION", "HEALTH"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_development_set_has_positives_of_every_type(lang: str) -> None:
    types = Counter(g.type for e in load(f"sensitive_{lang}.jsonl") for g in e.spans)
    assert set(types) == set(SENSITIVE_TYPES)


# -- the issue's examples and the documented decisions ----------------------------------------


def found(text: str, lang: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.type) for s in find_sensitive(text, lang)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("es", "Carmen vive con VIH desde 2010.", ("vive con VIH", "HEALTH")),
        (
            "es",
            "Yesenia es una mujer trans y coordina el comedor.",
            ("es una mujer trans", "GENDER_IDENTITY"),
        ),
        ("es", "Mi hermano fue detenido en 2019 durante el paro.", ("fue detenido en 2019", "LEGAL_HISTORY")),
        ("en", "She is undocumented and afraid of the police.", ("She is undocumented", "MIGRATION_STATUS")),
        (
            "pt",
            "O João está em situação irregular no Brasil.",
            ("está em situação irregular", "MIGRATION_STATUS"),
        ),
        ("fr", "Il est sans papiers depuis trois ans.", ("Il est sans papiers", "MIGRATION_STATUS")),
        ("en", "Tomás said he's gay.", ("he's gay", "SEXUAL_ORIENTATION")),
        ("es", "Ella es lesbiana.", ("Ella es lesbiana", "SEXUAL_ORIENTATION")),
        ("pt", "O Ahmed é muçulmano.", ("é muçulmano", "RELIGION")),
        ("es", "Rosa fue deportada a Honduras.", ("fue deportada", "MIGRATION_STATUS")),
        ("es", "La usuaria tiene diagnóstico de depresión.", ("tiene diagnóstico de depresión", "HEALTH")),
        ("en", "Kemi was arrested at the march.", ("was arrested", "LEGAL_HISTORY")),
        ("es", "Don Aurelio está en prisión preventiva.", ("está en prisión preventiva", "LEGAL_HISTORY")),
        ("en", "She's an asylum seeker.", ("She's an asylum seeker", "MIGRATION_STATUS")),
        (
            "es",
            "Julián es militante del Partido Comunista.",
            ("es militante del Partido Comunista", "POLITICS"),
        ),
        ("fr", "Sami est kurde et a fui en 2018.", ("est kurde", "ETHNICITY")),
    ],
)
def test_issue_examples(lang: str, text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We defend migrants' rights in every hearing."),
        ("en", "The HIV prevention campaign starts in December."),
        ("en", "Undocumented workers are often paid below the minimum wage."),
        ("en", "Everyone who is detained has the right to a lawyer."),
        ("en", "No human being is illegal."),
        ("en", "The packages were detained at customs."),
        ("en", "If you are undocumented, you still have rights."),
        ("es", "Defendemos los derechos de las personas trans."),
        ("es", "La comunidad LGBT organizó una jornada de salud."),
        ("es", "El Centro de Derechos Humanos presentó su informe."),
        ("es", "La detención del cargamento retrasó la entrega."),
        ("es", "Los migrantes son detenidos a diario en la frontera."),
        ("es", "Cualquier persona que viva con VIH puede acercarse."),
        ("es", "El camión fue detenido en el retén."),
        ("es", "La policía detuvo a 30 manifestantes."),
        ("pt", "Quem vive com HIV tem direito ao tratamento."),
        ("pt", "A escola é católica."),
        ("fr", "Quiconque est sans papiers peut venir mardi."),
        ("fr", "Le camion a été arrêté à la frontière."),
        ("fr", "La police a interpellé une quarantaine de manifestants."),
        # a plural pronoun whose antecedent is anyone
        ("en", "Everyone in the room was asked whether they had ever been arrested."),
        ("fr", "On a demandé au groupe si quelqu'un avait déjà été arrêté."),
        # places, policy and trade named with a sensitive word
        ("es", "El centro de detención de la Calle 5 fue clausurado."),
        ("pt", "O centro de detenção da Rua 5 foi fechado."),
        ("en", "The detention centre on Calle 5 was closed after the inspection."),
        ("es", "La religión en la escuela fue el tema del foro."),
        ("en", "Trans-border trade between the two towns has doubled."),
        ("en", "Martín is a refugee lawyer in Tijuana."),
        ("en", "Volunteers must not ask callers about their immigration status."),
        ("pt", "Quem vive com HIV tem direito ao tratamento gratuito."),
    ],
)
def test_statements_about_groups_or_things_are_not_findings(lang: str, text: str) -> None:
    assert found(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("es", "Nos dijeron que ella no es migrante.", "ella no es migrante"),
        ("en", "Jorge is not HIV-positive, whatever they say.", "is not HIV-positive"),
        ("fr", "On dit qu'il n'est pas homosexuel.", "il n'est pas homosexuel"),
        ("en", "According to his lawyer, he has never been convicted.", "he has never been convicted"),
        ("fr", "Selon son avocate, M. Duarte n'a jamais été condamné.", "n'a jamais été condamné"),
        ("en", "dani doesn't have papers so pls don't list her", "doesn't have papers"),
    ],
)
def test_a_negated_statement_is_a_finding_with_its_negation(lang: str, text: str, expected: str) -> None:
    assert expected in [phrase for phrase, _type in found(text, lang)]


def test_a_question_about_a_person_is_a_finding() -> None:
    assert found("Is he gay?", "en") == [("Is he gay", "SEXUAL_ORIENTATION")]
    assert found("Was he ever in prison?", "en") == [("Was he ever in prison", "LEGAL_HISTORY")]
    assert ("a-t-on arrêté", "LEGAL_HISTORY") in found("Pourquoi a-t-on arrêté Bongani ?", "fr")
    assert found("¿Es cierto que Manuel es gay?", "es") == [("es gay", "SEXUAL_ORIENTATION")]
    assert found("Est-elle sans papiers ?", "fr") == [("Est-elle sans papiers", "MIGRATION_STATUS")]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            '"I\'ve been undocumented since I was nine," he said.',
            ("I've been undocumented", "MIGRATION_STATUS"),
        ),
        ("es", 'Testimonio: "Estuve detenido once días."', ("Estuve detenido", "LEGAL_HISTORY")),
        ("pt", 'Depoimento: "Fiquei detido onze dias."', ("Fiquei detido", "LEGAL_HISTORY")),
        ("pt", "Prenderam ela na blitz.", ("Prenderam ela", "LEGAL_HISTORY")),
        ("fr", "« Ma demande d'asile a été rejetée en mars. »", ("Ma demande d'asile", "MIGRATION_STATUS")),
    ],
)
def test_first_person_and_spoken_forms_are_found(lang: str, text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text, lang)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_language_fills_the_shared_frame_table(lang: str) -> None:
    # the frames every language shares are written once; a language gives its words (and few
    # shapes of its own). Measured: en 41, es 41, pt 41, fr 32 of 41 rows filled.
    lexicon = importlib.import_module(f"resguardo.scrub.text.sensitive.{lang}").LEXICON
    filled = [
        template
        for _kind, template, _check in FRAME_TABLE
        if all(lexicon.slot(name) is not None for name in re.findall(r"<([a-z_]+)>", template))
    ]
    assert len(filled) >= 22


def test_the_span_keeps_a_pronoun_but_never_a_name() -> None:
    assert found("Marisol lives with HIV.", "en") == [("lives with HIV", "HEALTH")]
    assert found("A Germán lo detuvieron en el aeropuerto.", "es") == [("lo detuvieron", "LEGAL_HISTORY")]
    assert found("La police l'a arrêté hier.", "fr") == [("l'a arrêté", "LEGAL_HISTORY")]


# -- the fresh2 round: general shapes, each shown by sentences written for it, with look-alikes --


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a possessive before a condition or its treatment
        ("en", "The driver asked us not to mention her cancer to the kids.", ("her cancer", "HEALTH")),
        ("en", "My colleague forgot his insulin at home.", ("his insulin", "HEALTH")),
        ("es", "La abogada pidió discreción sobre su esquizofrenia.", ("su esquizofrenia", "HEALTH")),
        ("pt", "No trabalho os colegas não sabem da depressão dela.", ("da depressão dela", "HEALTH")),
        ("fr", "Le voisin parle rarement de son diabète.", ("son diabète", "HEALTH")),
        # an episode, an injury, a lost limb
        ("en", "Our neighbour had a panic attack on the bus.", ("had a panic attack", "HEALTH")),
        ("en", "The cashier broke her wrist on the ice.", ("broke her wrist", "HEALTH")),
        (
            "es",
            "El vigilante tuvo una crisis de ansiedad en el turno de noche.",
            ("tuvo una crisis de ansiedad", "HEALTH"),
        ),
        ("pt", "A vizinha teve um surto psicótico no domingo.", ("teve um surto psicótico", "HEALTH")),
        (
            "fr",
            "Mon collègue a fait une crise d'épilepsie au bureau.",
            ("a fait une crise d'épilepsie", "HEALTH"),
        ),
        # attraction, and a partner of the subject's own gender
        ("en", "my roommate is only into guys, for the record", ("is only into guys", "SEXUAL_ORIENTATION")),
        (
            "es",
            "A mi prima le gustan las chicas y nadie lo sabe.",
            ("le gustan las chicas", "SEXUAL_ORIENTATION"),
        ),
        ("pt", "O Rui curte homens, mas não fala disso.", ("curte homens", "SEXUAL_ORIENTATION")),
        (
            "fr",
            "Mon cousin préfère les garçons, il me l'a dit hier.",
            ("préfère les garçons", "SEXUAL_ORIENTATION"),
        ),
        ("en", "Her aunt is married to a woman from Leeds.", ("is married to a woman", "SEXUAL_ORIENTATION")),
        ("en", "My brother has a boyfriend now.", ("has a boyfriend", "SEXUAL_ORIENTATION")),
        (
            "es",
            "La panadera está casada con una mujer de Quito.",
            ("está casada con una mujer", "SEXUAL_ORIENTATION"),
        ),
        ("pt", "O Paulo namora um rapaz de Lisboa.", ("namora um rapaz", "SEXUAL_ORIENTATION")),
        ("fr", "Sa tante vit avec une femme depuis vingt ans.", ("vit avec une femme", "SEXUAL_ORIENTATION")),
        # pleas, protective orders, spoken arrests, "se faire arrêter"
        (
            "en",
            "The courier pleaded not guilty to burglary.",
            ("pleaded not guilty to burglary", "LEGAL_HISTORY"),
        ),
        (
            "en",
            "My ex has a restraining order against him.",
            ("has a restraining order against him", "LEGAL_HISTORY"),
        ),
        ("en", "Her cousin got busted at the festival.", ("got busted", "LEGAL_HISTORY")),
        (
            "es",
            "El contador se declaró culpable de estafa.",
            ("se declaró culpable de estafa", "LEGAL_HISTORY"),
        ),
        ("es", "a mi vecino lo metieron al bote por una pelea", ("lo metieron al bote", "LEGAL_HISTORY")),
        ("pt", "O porteiro foi parar na cadeia depois da briga.", ("foi parar na cadeia", "LEGAL_HISTORY")),
        (
            "fr",
            "Le boulanger s'est fait interpeller à la sortie du métro.",
            ("s'est fait interpeller", "LEGAL_HISTORY"),
        ),
        (
            "fr",
            "L'ancien trésorier a plaidé coupable de détournement.",
            ("a plaidé coupable de détournement", "LEGAL_HISTORY"),
        ),
        # a status held, an order to leave, a visa overstayed, years without papers
        (
            "en",
            "The tenant has temporary protected status.",
            ("has temporary protected status", "MIGRATION_STATUS"),
        ),
        (
            "en",
            "My aunt came here on a student visa and stayed.",
            ("came here on a student visa and stayed", "MIGRATION_STATUS"),
        ),
        (
            "es",
            "Mi cuñado tiene protección temporal desde 2021.",
            ("tiene protección temporal", "MIGRATION_STATUS"),
        ),
        (
            "es",
            "El panadero lleva diez años sin papeles.",
            ("lleva diez años sin papeles", "MIGRATION_STATUS"),
        ),
        (
            "pt",
            "A costureira recebeu uma ordem de expulsão.",
            ("recebeu uma ordem de expulsão", "MIGRATION_STATUS"),
        ),
        ("fr", "Le livreur a reçu une OQTF en juin.", ("a reçu une OQTF", "MIGRATION_STATUS")),
        # an elected office for a party, a cause
        (
            "en",
            "Her husband is a councillor for the Labour Party.",
            ("is a councillor for the Labour Party", "POLITICS"),
        ),
        ("es", "Mi tía es diputada del PSOE.", ("es diputada del PSOE", "POLITICS")),
        ("pt", "O irmão dele é vereador pelo PSOL.", ("é vereador pelo PSOL", "POLITICS")),
        ("fr", "Son père est conseiller municipal PS.", ("est conseiller municipal PS", "POLITICS")),
        ("en", "The barista supports Kurdish independence.", ("supports Kurdish independence", "POLITICS")),
        ("es", "Mi suegro apoya la causa mapuche.", ("apoya la causa mapuche", "POLITICS")),
        ("pt", "A enfermeira defende a causa palestina.", ("defende a causa palestina", "POLITICS")),
        ("fr", "Notre trésorier soutient la cause kurde.", ("soutient la cause kurde", "POLITICS")),
        # a religious practice, an origin
        ("en", "My landlord goes to mass every Sunday.", ("goes to mass", "RELIGION")),
        ("en", "The mechanic prays at the mosque on Fridays.", ("prays at the mosque", "RELIGION")),
        ("es", "La cajera va a misa todos los domingos.", ("va a misa", "RELIGION")),
        ("pt", "O vizinho reza todos os dias.", ("reza todos os dias", "RELIGION")),
        ("fr", "Le gardien va à la messe chaque dimanche.", ("va à la messe", "RELIGION")),
        ("en", "The new cook comes from a Roma family.", ("comes from a Roma family", "ETHNICITY")),
        ("es", "La tejedora viene de una familia wayuu.", ("viene de una familia wayuu", "ETHNICITY")),
        ("pt", "O motorista vem de uma família cigana.", ("vem de uma família cigana", "ETHNICITY")),
        ("fr", "La couturière vient d'une famille kabyle.", ("vient d'une famille kabyle", "ETHNICITY")),
        # a person-only attribute after any common noun; "ex-", counted plurals; a first-person verb
        ("en", "The upholsterer is gay.", ("is gay", "SEXUAL_ORIENTATION")),
        ("es", "El relojero es gay.", ("es gay", "SEXUAL_ORIENTATION")),
        ("pt", "O sapateiro é bissexual.", ("é bissexual", "SEXUAL_ORIENTATION")),
        ("fr", "Le quincaillier est homosexuel.", ("est homosexuel", "SEXUAL_ORIENTATION")),
        (
            "es",
            "Los tres sobrinos de Marta fueron detenidos en la marcha.",
            ("fueron detenidos", "LEGAL_HISTORY"),
        ),
        ("pt", "O ex-marido dela foi preso em 2020.", ("foi preso em 2020", "LEGAL_HISTORY")),
        ("en", "The two brothers were deported last year.", ("were deported", "MIGRATION_STATUS")),
        ("es", "Dicen que soy gitana por mi pelo.", ("soy gitana", "ETHNICITY")),
        ("pt", "A turma acha que sou indígena.", ("sou indígena", "ETHNICITY")),
    ],
)
def test_fresh2_shapes_are_found(lang: str, text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        ("en", "His art was shown in the gallery last spring.", "HEALTH"),
        ("es", "Las personas con VIH y su tratamiento merecen respeto.", "HEALTH"),
        ("en", "She broke the record for the 100 metres.", "HEALTH"),
        ("fr", "L'économie a fait une crise en 2008.", "HEALTH"),
        ("en", "Everyone likes women's football now.", "SEXUAL_ORIENTATION"),
        ("en", "My brother has a girlfriend now.", "SEXUAL_ORIENTATION"),
        ("es", "La panadera sale con un chico de Quito.", "SEXUAL_ORIENTATION"),
        ("fr", "Il est marié à une femme de Lyon.", "SEXUAL_ORIENTATION"),
        ("pt", "Ela mora com uma companheira de quarto.", "SEXUAL_ORIENTATION"),
        ("fr", "Elle vit avec sa fille à Lille.", "SEXUAL_ORIENTATION"),
        ("es", "Ella vive con una mujer de la limpieza.", "SEXUAL_ORIENTATION"),
        ("en", "The road is straight for ten miles.", "SEXUAL_ORIENTATION"),
        ("en", "The lawyer pleaded for more time.", "LEGAL_HISTORY"),
        ("es", "El portero metió la pata otra vez.", "LEGAL_HISTORY"),
        ("fr", "Elle s'est fait couper les cheveux.", "LEGAL_HISTORY"),
        ("pt", "O caminhão foi parar na vala.", "LEGAL_HISTORY"),
        ("en", "The law gives temporary protected status to some nationals.", "MIGRATION_STATUS"),
        ("fr", "Le ministère a reçu une lettre de la mairie.", "MIGRATION_STATUS"),
        ("es", "La ley otorga protección temporal a los venezolanos.", "MIGRATION_STATUS"),
        ("en", "He is mayor of Springfield.", "POLITICS"),
        ("es", "Es alcaldesa de Caracas desde 2021.", "POLITICS"),
        ("fr", "Il est maire de Lyon depuis 2020.", "POLITICS"),
        ("en", "We support the Palestinian cause.", "POLITICS"),
        ("en", "The museum supports independence for young artists.", "POLITICS"),
        ("es", "El club apoya la causa de la infancia.", "POLITICS"),
        ("en", "Most of the money goes to mass transit.", "RELIGION"),
        ("es", "La chef viene de una familia numerosa.", "ETHNICITY"),
        ("en", "The new cook comes from a Catholic family.", "ETHNICITY"),
        # a participle after "everyone", "all" inside the reach of a cue: anyone
        ("en", "A candle for everyone detained at the Harbor Road facility.", "LEGAL_HISTORY"),
        ("en", "We stand with all refugees and their families.", "MIGRATION_STATUS"),
        ("es", "Estamos con todos los migrantes del barrio.", "MIGRATION_STATUS"),
    ],
)
def test_fresh2_shapes_leave_look_alikes_alone(lang: str, text: str, kind: str) -> None:
    assert kind not in [found_kind for _phrase, found_kind in found(text, lang)]


# -- the second-chance layer -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "The mayor spent two nights in a cell after the march.",
            ("spent two nights in a cell", "LEGAL_HISTORY"),
        ),
        ("en", "Mr Huang had a stroke in February and now uses a walker.", ("now uses a walker", "HEALTH")),
        ("es", "Elif dejó de usar el velo al mudarse aquí.", ("dejó de usar el velo", "RELIGION")),
        (
            "es",
            "Omar es apátrida: nació en un campamento y no tiene nacionalidad.",
            ("no tiene nacionalidad", "MIGRATION_STATUS"),
        ),
        ("pt", "A Meera é dalit e o proprietário se recusou a renovar o contrato.", ("é dalit", "ETHNICITY")),
        (
            "fr",
            "Elif a arrêté de porter le voile en arrivant ici.",
            ("arrêté de porter le voile", "RELIGION"),
        ),
    ],
)
def test_open_wording_is_found_by_the_second_chance_layer(
    lang: str, text: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The clinic offers free HIV testing and PrEP to anyone who asks."),
        ("en", "Access to abortion is under threat in several states."),
        ("en", "Our funders include two churches and a mosque."),
        ("en", "The new police chief promised fewer arrests at protests."),
        ("en", "Asylum seekers wait months for a first interview."),
        ("en", "She wrote a long piece on the deportation of Haitian workers."),
        ("es", "En el taller hablamos de salud mental y de autocuidado."),
        ("es", 'Ya no usamos la palabra "ilegal" para hablar de personas migrantes.'),
        ("es", "El centro de detención migratoria cerrará en marzo."),
        ("es", "La ley de asilo se discute esta semana en el congreso."),
        ("pt", "O sistema de mandados de prisão foi reformado em 2020."),
        ("pt", "Os vizinhos votaram a greve na assembleia."),
        ("fr", "Les adhérents voteraient la grève lundi."),
        ("fr", "Le documentaire raconte l'histoire d'une famille musulmane à Lyon."),
    ],
)
def test_the_second_chance_layer_leaves_groups_and_things_alone(lang: str, text: str) -> None:
    assert found(text, lang) == []


def test_a_frame_wins_over_a_cue_and_a_cue_scores_lower() -> None:
    spans = find_sensitive("Marisol lives with HIV. Mr Huang now uses a walker.", "en")
    assert [(s.type, s.score) for s in spans] == [("HEALTH", 0.85), ("HEALTH", SCORE)]
    assert min(s.score for s in find_sensitive("Kemi was arrested. Ana is gay.", "en")) > SCORE


@pytest.mark.parametrize(
    ("lang", "text", "name"),
    [
        ("es", "Nuestro gerente vive con su esposo en Rosario.", "Rosario"),
        ("en", "Christian Ortiz joined the march with Ana.", "Christian"),
        ("pt", "A Maya vem de uma família dalit de Goa.", "Maya"),
        ("es", "Cruz, que se convirtió al islam, no quiso hablar.", "Cruz"),
    ],
)
def test_a_name_is_never_inside_a_span(lang: str, text: str, name: str) -> None:
    assert all(name not in phrase for phrase, _type in found(text, lang))


def test_an_appositive_and_a_coordinated_attribute_are_found() -> None:
    text = "Our client, an asylum seeker from Honduras, missed it. Mariana is a lesbian and a practising Catholic."
    assert found(text, "en") == [
        ("an asylum seeker", "MIGRATION_STATUS"),
        ("is a lesbian", "SEXUAL_ORIENTATION"),
        ("a practising Catholic", "RELIGION"),
    ]


def test_offsets_survive_characters_that_change_length_in_lower_case() -> None:
    text = "İstanbul'dan gelen Ayşe, İİİ, vive con VIH."
    [span] = find_sensitive(text, "es")
    assert text[span.start : span.end] == "vive con VIH"


def test_findings_carry_category_score_and_source() -> None:
    [span] = find_sensitive("Amira is Muslim.", "en")
    assert (span.category, span.type, span.source) == ("sensitive", "RELIGION", "sensitive:religion")
    assert 0 < span.score <= 1


def test_an_unsupported_language_is_a_usage_error() -> None:
    with pytest.raises(UsageError) as raised:
        find_sensitive("texto", "de")
    assert raised.value.code == "usage.invalid_choice"


# -- properties and speed ---------------------------------------------------------------------

WORDS = [
    "she", "he", "is", "es", "est", "é", "not", "no", "n'", "a", "una", "trans", "gay", "lesbiana",
    "undocumented", "sans", "papiers", "vive", "con", "VIH", "was", "arrested", "fue", "detenida",
    "Ana", "Luis", "the", "la", "les", "migrants", "people", "and", "y", "et", ",", ".", "?", "¿",
    "'s", "İ", "\n", "  ", "member", "of", "Party", "Partido", "militante", "del", "é", "muçulmano",
    "uses", "a", "wheelchair", "islam", "converted", "to", "prison", "visa", "rosario", "Rosario",
    "Kemi", "Germán", "su", "fe", "velo", "prie", "nationalité", "greve", "os", "vizinhos",
]  # fmt: skip
NAMES = {"Ana", "Luis", "Kemi", "Germán"}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.sampled_from(LANGUAGES))
def test_findings_are_sorted_disjoint_in_bounds_and_stripped(words: list[str], lang: str) -> None:
    text = " ".join(words)
    spans = find_sensitive(text, lang)
    assert spans == sorted(spans)
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.type in SENSITIVE_TYPES and span.category == "sensitive"
        phrase = text[span.start : span.end]
        assert phrase == phrase.strip(STRIPPED)
        assert not NAMES & set(phrase.split()), phrase
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_hundred_kilobytes_of_dense_text_is_searched_whole(lang: str) -> None:
    # The development set repeated: far denser in findings than real notes. Speed is measured
    # in benchmarks/, never asserted in a test.
    sample = " ".join(e.text for e in load(f"sensitive_{lang}.jsonl"))
    text = ((sample + " ") * (100_000 // len(sample) + 1))[:100_000]
    spans = find_sensitive(text, lang)
    assert len(spans) > 500
    assert spans[-1].start > 90_000


def _report() -> None:
    for suffix in ("", "_heldout"):
        for lang in LANGUAGES:
            figures = evaluate(load(f"sensitive_{lang}{suffix}.jsonl"), lang)
            print(
                f"{lang}{suffix}: recall {figures.recall:.3f} ({figures.found}/{figures.gold}) "
                f"precision {figures.precision:.3f} ({figures.correct}/{figures.predicted}) "
                f"exact {figures.exact_recall:.3f}"
            )
            for kind in SENSITIVE_TYPES:
                gold, hit = figures.gold_by_type[kind], figures.found_by_type[kind]
                predicted, correct = figures.predicted_by_type[kind], figures.correct_by_type[kind]
                print(f"    {kind:<20} recall {hit}/{gold}  precision {correct}/{predicted}")
            for line in figures.misses + figures.false_alarms:
                print(f"    - {line}")


if __name__ == "__main__":
    _report()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "She argued for the new budget with real conviction at the meeting."),
        ("en", "He spoke with great conviction about the housing plan."),
        ("en", "Her strong convictions about recycling annoy the neighbours."),
        ("en", "The referee suffered a cardiac arrest during the match."),
        ("es", "Me quedé presa del pánico cuando vi la factura de la luz."),
        ("es", "Estaba preso de los nervios antes del examen."),
        ("pt", "Fiquei preso no engarrafamento por duas horas ontem."),
        ("pt", "Ficamos presos no elevador do prédio."),
        ("pt", "Ela ficou presa do medo durante a tempestade."),
        ("fr", "Le maire a signé un arrêté municipal sur les terrasses."),
    ],
)
def test_everyday_idioms_are_not_legal_history(lang: str, text: str) -> None:
    assert [s for s in find_sensitive(text, lang) if s.type == "LEGAL_HISTORY"] == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Her conviction for fraud was overturned in March."),
        ("es", "Fue presa en 2019 por participar en la marcha."),
        ("pt", "Ele ficou preso na delegacia por dois dias."),
        ("pt", "Ela ficou presa no aeroporto por causa do visto."),
        ("fr", "Il a été arrêté à Lyon pendant la manifestation."),
    ],
)
def test_the_idioms_leave_real_arrests_alone(lang: str, text: str) -> None:
    assert [s.type for s in find_sensitive(text, lang)].count("LEGAL_HISTORY") + [
        s.type for s in find_sensitive(text, lang)
    ].count("MIGRATION_STATUS") >= 1


# -- the literal prefilter: a frame is skipped only where it cannot match --------------------------


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\blives\s+with\s+(?:hiv|aids)\b", {"lives"}),
        # an optional part requires nothing; the part that must be there does
        (r"\b(?:openly\s+)?(?:gay|lesbian|bisexual)\b", {"gay", "lesbian", "bisexual"}),
        # an alternative with no literal of its own leaves only the literal after it
        (r"\b(?:\w+|was)\s+deported\b", {"deported"}),
        (r"\bdiagnos(?:ed|is)\b", {"diagnos"}),
        # a repeat that must happen once requires its body
        (r"(?:in\s+prison\s+)+for", {"prison"}),
    ],
)
def test_required_literals(pattern: str, expected: set[str]) -> None:
    from resguardo.scrub.text.sensitive._engine import _required

    assert _required(re.compile(pattern), cased=False) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        r"\b\w+\s+\w+\b",  # no literal at all
        r"(?:a|bc)",  # literals of one letter tell nothing
        r"(?i:muslim)",  # IGNORECASE may match letters a lowercase test would miss
    ],
)
def test_no_required_literals(pattern: str) -> None:
    from resguardo.scrub.text.sensitive._engine import _required

    assert _required(re.compile(pattern), cased=False) is None
    assert _required(re.compile(r"\blives\s+with"), cased=True) is None  # frames that see the case run always


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_prefilter_never_changes_findings(lang: str) -> None:
    """Every sentence of the sensitive sets, found the same with and without the prefilter."""
    from resguardo.scrub.text.sensitive import _rules
    from resguardo.scrub.text.sensitive._engine import detect

    rules = _rules(lang)
    texts = [
        example.text for name in sorted(DATA.glob(f"sensitive_{lang}*.jsonl")) for example in load(name.name)
    ]
    texts += [text.upper() for text in texts[:50]] + ["", "a", "x" * 5]
    assert any(keys is not None for keys in rules.required)
    with_prefilter = [detect(text, rules) for text in texts]
    saved = rules.required
    object.__setattr__(rules, "required", tuple(None for _ in saved))
    try:
        without = [detect(text, rules) for text in texts]
    finally:
        object.__setattr__(rules, "required", saved)
    assert with_prefilter == without
    assert sum(map(len, with_prefilter)) > 20  # the sets hold statements, so this compares findings
