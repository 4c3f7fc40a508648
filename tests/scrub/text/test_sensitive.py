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
    # 0.978 / 0.995, exact 0.901 / 0.868 / 0.880 / 0.883
    figures = evaluate(load(f"sensitive_{lang}.jsonl"), lang)
    assert figures.recall >= 0.965, figures.misses
    assert figures.precision >= 0.97, figures.false_alarms
    assert figures.exact_recall >= 0.86


#: recall on the held-out sets with the second-chance layer (en 0.889, es 0.911, pt 0.889,
#: fr 0.911; precision 0.930 / 0.933 / 0.932 / 0.915): the floors are a little below it
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
    assert len(examples) >= 60
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
    # shapes of its own). Measured: en 31, es 31, pt 29, fr 22 of 31 rows filled.
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
