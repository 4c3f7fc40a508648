"""People, addresses and places: the model and the rule layer together, in four languages."""

from __future__ import annotations

import importlib.util
import itertools
from pathlib import Path

import pytest

from resguardo.errors import InputError
from resguardo.scrub.text import entities
from resguardo.scrub.text.base import Span
from resguardo.scrub.text.entities import _model, find_entities, model_directory


def found(text: str, lang: str = "auto") -> list[tuple[str, str]]:
    return [(span.type, text[span.start : span.end]) for span in find_entities(text, lang)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "La Sra. Rosa Blanco vive en Avenida Benito Juárez 45, colonia Centro, Oaxaca.",
            [("PERSON", "Rosa Blanco"), ("ADDRESS", "Avenida Benito Juárez 45, colonia Centro, Oaxaca")],
        ),
        (
            "Maria das Graças dos Santos mora na Rua Augusta 1200, apto 32, São Paulo.",
            [
                ("PERSON", "Maria das Graças dos Santos"),
                ("ADDRESS", "Rua Augusta 1200, apto 32, São Paulo"),
            ],
        ),
        (
            "Me Pierre Lefèvre représente Amina Diallo devant le tribunal de Lyon.",
            [("PERSON", "Pierre Lefèvre"), ("PERSON", "Amina Diallo"), ("LOCATION", "Lyon")],
        ),
        (
            "Officer told Hope Williams to leave 221 Martin Luther King Jr Blvd, Atlanta.",
            [("PERSON", "Hope Williams"), ("ADDRESS", "221 Martin Luther King Jr Blvd, Atlanta")],
        ),
    ],
)
def test_people_addresses_and_places(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_a_street_named_after_a_person_is_an_address_not_a_person() -> None:
    text = "Nos reunimos en la Calle Benito Juárez 120 con la vocera."
    assert ("ADDRESS", "Calle Benito Juárez 120") in found(text, "es")
    assert not [kind for kind, value in found(text, "es") if kind == "PERSON" and "Juárez" in value]


def test_compound_surnames_are_one_person() -> None:
    assert ("PERSON", "José Luis García-Márquez") in found("José Luis García-Márquez fue citado ayer.", "es")
    assert ("PERSON", "Juana de la Cruz") in found("Hablamos con doña Juana de la Cruz en la radio.", "es")


def test_lowercase_names_in_informal_messages() -> None:
    assert ("PERSON", "juan") in found("hablé con juan y con pedro ayer en la marcha", "es")
    assert ("PERSON", "pedro") in found("hablé con juan y con pedro ayer en la marcha", "es")


def test_names_that_are_everyday_words_need_a_capital_inside_a_sentence() -> None:
    assert found("Rosa es el color de la campaña y la paz llegará.", "es") == []
    assert ("PERSON", "Rosa Quispe") in found("Ayer llamó Rosa Quispe desde el albergue.", "es")


def test_every_later_mention_of_a_person_is_found() -> None:
    text = "Amina Diallo a été convoquée. Diallo a refusé de signer; Amina a appelé son avocate."
    people = [value for kind, value in found(text, "fr") if kind == "PERSON"]
    assert people == ["Amina Diallo", "Diallo", "Amina"]


def test_other_names_in_a_list_with_a_person() -> None:
    people = [
        value
        for kind, value in found("The founders were Eklund, Michael and Hodge.", "en")
        if kind == "PERSON"
    ]
    assert people == ["Eklund", "Michael", "Hodge"]


def test_countries_in_four_languages() -> None:
    assert ("LOCATION", "Venezuela") in found("Salió de Venezuela en 2018.", "es")
    assert ("LOCATION", "Estados Unidos") in found("Ela foi para os Estados Unidos.", "pt")
    assert ("LOCATION", "Royaume-Uni") in found("Il a demandé l'asile au Royaume-Uni.", "fr")


def test_french_titles_only_in_french() -> None:
    assert ("PERSON", "Lefèvre") in found("Me Lefèvre plaidera demain.", "fr")
    assert not [kind for kind, _ in found("Carry Me Back To Canada, they sang.", "en") if kind == "PERSON"]


def test_group_statements_have_no_people() -> None:
    assert found("We defend migrants' rights and support everyone who asks for help.", "en") == []


def test_findings_never_overlap_and_are_sorted() -> None:
    text = "Sra. Ana María López de la Fuente, Calle Mayor 5, Madrid; López vive en Madrid, España."
    spans = find_entities(text, "es")
    assert spans == sorted(spans)
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))


def test_empty_and_blank_text() -> None:
    assert find_entities("", "en") == [] and find_entities("  \n\t", "en") == []


def test_a_missing_model_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_model, "_loaded", None)
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)
    with pytest.raises(InputError) as error:
        entities.find_entities("Ana Torres", "es")
    assert error.value.code == "redact.model_unavailable"


def test_long_texts_are_scanned_in_overlapping_windows() -> None:
    filler = "La asamblea discutió el presupuesto del comedor y las tareas de la semana. " * 40
    text = (
        filler + "Después habló Amina Diallo sobre el albergue. " + filler + "Cerró la sesión Pedro Quispe."
    )
    people = [value for kind, value in found(text, "es") if kind == "PERSON"]
    assert people == ["Amina Diallo", "Pedro Quispe"]


def test_the_8_bit_model_labels_like_the_shipped_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np
    import onnxruntime

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    shipped = model_directory() / "onnx" / "model_q4.onnx"
    converted = _model._int8_model(shipped)
    assert list((tmp_path / "resguardo").glob("rampart-int8-*.onnx"))  # kept for the next start
    assert _model._int8_model(shipped) == converted  # read back from the cache
    model = _model._model()
    ids = model.tokenizer.encode(
        "La Sra. Rosa Blanco vive en Avenida Benito Juárez 45, Oaxaca. Me Pierre Lefèvre représente Amina Diallo.",
        add_special_tokens=False,
    ).ids
    tokens = np.array([[model.cls_id, *ids, model.sep_id]], dtype=np.int64)
    feed = {
        "input_ids": tokens,
        "attention_mask": np.ones_like(tokens),
        "token_type_ids": np.zeros_like(tokens),
    }
    original = onnxruntime.InferenceSession(str(shipped), providers=["CPUExecutionProvider"]).run(None, feed)[
        0
    ]
    eight_bit = onnxruntime.InferenceSession(converted, providers=["CPUExecutionProvider"]).run(None, feed)[0]
    agreement = (original.argmax(-1) == eight_bit.argmax(-1)).mean()
    assert agreement >= 0.9  # measured 0.94 here: "Diallo" is the one name the 8-bit model drops


def test_a_corrupt_cached_conversion_is_made_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    shipped = model_directory() / "onnx" / "model_q4.onnx"
    first = _model._int8_model(shipped)
    cached = next((tmp_path / "resguardo").glob("rampart-int8-*.onnx"))
    cached.write_bytes(b"not a model")
    assert _model._int8_model(shipped) == first


# -- context rules for people, places and address blocks (sentences written for these tests) --


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a name introduced as one, lowercase too
        ("en", "my name is talia brennan and I need help", ("PERSON", "talia brennan")),
        ("es", "Buenas, me llamo yolotl y vengo de Puebla.", ("PERSON", "yolotl")),
        ("fr", "Bonjour, je m'appelle Awena Le Gall.", ("PERSON", "Awena Le Gall")),
        # the place that ends the first line of notes (a dateline)
        ("en", "Housing clinic, Fresno. 12 people came.", ("LOCATION", "Fresno")),
        ("es", "Taller de autocuidado, Tlaxcala. Asistieron 20 personas.", ("LOCATION", "Tlaxcala")),
        ("fr", "Permanence juridique, Aubervilliers. 9 personnes reçues.", ("LOCATION", "Aubervilliers")),
        # one unknown capitalised word after a preposition that says where
        ("en", "She moved to a flat in Dunstable last spring.", ("LOCATION", "Dunstable")),
        ("es", "Vivió dos años en Tapachula antes de cruzar.", ("LOCATION", "Tapachula")),
        ("fr", "Il dort dans Belleville depuis lundi.", ("LOCATION", "Belleville")),
        # a roll call after a colon: lowercase names and nicknames after an article
        ("es", "Voluntarias: rosa, Tania Ruiz, Brenda Soto y la flaca.", ("PERSON", "flaca")),
        ("es", "Voluntarias: rosa, Tania Ruiz, Brenda Soto y la flaca.", ("PERSON", "rosa")),
        ("fr", "Présents : Léon Abadie, Inès Roux et la petite.", ("PERSON", "petite")),
        # the speaker after a quotation
        ("en", '"We will not leave," said Marisol Etxeberria at the gate.', ("PERSON", "Marisol Etxeberria")),
        ("fr", "« On reste ici », dit Yannick Perrot devant la mairie.", ("PERSON", "Yannick Perrot")),
        ("pt", '"Não saímos", contou Iracema Tupinambá, de 60 anos.', ("PERSON", "Iracema Tupinambá")),
        # a name before a birth, after a role only a person has, after an honorific
        (
            "es",
            "Oluwaseun Adeyemi, nacido el 3 de mayo de 1990, pidió asilo.",
            ("PERSON", "Oluwaseun Adeyemi"),
        ),
        ("en", "The donor Petra Lindqvist disputed the charge.", ("PERSON", "Petra Lindqvist")),
        ("fr", "Nouvelle trésorière : Maëlle Quéré, depuis mars.", ("PERSON", "Maëlle Quéré")),
        ("pt", "alguém pode ajudar a dona benedita? ela caiu.", ("PERSON", "benedita")),
        ("fr", "on passe chez tonton karim ce soir", ("PERSON", "karim")),
        # a message that opens with the name of the person it is for
        ("pt", "rui, a mãe quer falar contigo", ("PERSON", "rui")),
        ("es", "Rosa puedes llamarme luego?", ("PERSON", "Rosa")),
        # US military mail
        ("en", "PSC 1234, Box 5678\nAPO AE 09204", ("ADDRESS", "PSC 1234, Box 5678\nAPO AE 09204")),
        ("en", "Send it to USNS Comfort\nFPO AA 34055 please", ("ADDRESS", "USNS Comfort\nFPO AA 34055")),
        # a title then an address on the same line: the person ends where the address starts
        ("en", "Mrs. Halina Wrobel Apt. 12 4411 Lindenweg 3", ("PERSON", "Halina Wrobel")),
    ],
)
def test_context_rules(lang: str, text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text, lang)


def test_an_address_written_one_part_a_line() -> None:
    text = "Marta Kowal\n\nKlonowa 14\n Apt. 3\n Gdynia\n\n Poland 81521"
    assert found(text, "en") == [
        ("PERSON", "Marta Kowal"),
        ("ADDRESS", "Klonowa 14"),
        ("ADDRESS", "Apt. 3"),
        ("LOCATION", "Gdynia"),
        ("ADDRESS", "Poland 81521"),
    ]


def test_a_contact_card_starts_with_the_name() -> None:
    assert ("PERSON", "Ines Brandt") in found("Ines Brandt\n\nSoftware tester\n\nphone: 030 1234567", "en")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "my name is not important"),
        ("en", "call me back tomorrow"),
        ("en", "We met in March and talked in Spanish."),
        ("en", "Shopping list: milk, eggs, bread and butter."),
        ("es", "Agenda: saludo, informe, votación y cierre."),
        ("en", '"Enough," said the mayor.'),
        ("es", "Donante: Banco Popular."),
        ("pt", "a dona da casa não deixou."),
        ("en", "hope you are well"),
        ("en", "ok, see you later"),
        ("es", "Urgente, necesito ayuda"),
        ("fr", "Vérifie ta boîte mail"),
        ("en", "Update your address please"),
        ("en", "Shop notes\n\nMilk 2\nEggs 12\nBread"),
        ("en", "Meeting notes\n\nAgenda item one\nAgenda item two"),
    ],
)
def test_context_rules_leave_look_alikes(lang: str, text: str) -> None:
    assert [kind for kind, _ in found(text, lang) if kind in ("PERSON", "LOCATION", "ADDRESS")] == []


@pytest.mark.parametrize(
    ("lang", "text", "unexpected"),
    [
        # a greeting or a family name before the full stop is no dateline
        ("en", "Thanks, Kwame. See you soon.", ("LOCATION", "Kwame")),
        ("en", "Family meeting, Ortiz Vega. The father spoke.", ("LOCATION", "Ortiz Vega")),
        # a birthplace before "née" is not the person
        ("fr", "Kateryna Bondar, de Kharkiv, née le 24.03.1982.", ("PERSON", "Kharkiv")),
        # a country that is a given name before a surname, and a surname that is a province
        ("es", "Kenia Rodríguez llegó ayer.", ("LOCATION", "Kenia")),
        ("es", "Dijo Estefanía Rojas Mendoza que sí.", ("LOCATION", "Mendoza")),
        # "Guadalupe" after a street word stays in the address
        ("es", "Vive en Calzada de Guadalupe Victoria 12.", ("PERSON", "Guadalupe Victoria")),
    ],
)
def test_context_rules_keep_their_limits(lang: str, text: str, unexpected: tuple[str, str]) -> None:
    assert unexpected not in found(text, lang)


# -- named places, places named again, places after an institution (sentences written for these tests) --


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a square, park, station or bridge keeps its generic word
        (
            "fr",
            "On se retrouve samedi place de la Bastille pour la manif.",
            ("LOCATION", "place de la Bastille"),
        ),
        ("fr", "Ils dorment sous le pont de Bercy depuis l'hiver.", ("LOCATION", "pont de Bercy")),
        ("fr", "Contrôle d'identité à la gare de Lyon ce matin.", ("LOCATION", "gare de Lyon")),
        ("es", "Nos vemos en la plaza de Callao a las seis.", ("LOCATION", "plaza de Callao")),
        ("pt", "A concentração é na praça Roosevelt às 10h.", ("LOCATION", "praça Roosevelt")),
        ("en", "They gave out blankets at Riverside Park last night.", ("LOCATION", "Riverside Park")),
        ("en", "He spent a night in Harris County jail.", ("LOCATION", "Harris County")),
        # a neighbourhood or area word: the name after it
        ("pt", "Ela mora na favela da Maré desde criança.", ("LOCATION", "Maré")),
        ("fr", "Il squatte dans le quartier Belsunce avec deux amis.", ("LOCATION", "Belsunce")),
        # a street named without a number
        ("es", "Lo detuvieron en la avenida Insurgentes anoche.", ("LOCATION", "avenida Insurgentes")),
    ],
)
def test_named_places(lang: str, text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text, lang)


def test_every_mention_of_a_place_found_once() -> None:
    places = [
        value for kind, value in found("She lives in Tukwila now. The Tukwila clinic helped her.", "en")
    ]
    assert places == ["Tukwila", "Tukwila"]


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("es", "Lo trasladaron a la prisión de Topo Chico la semana pasada.", "Topo Chico"),
        ("fr", "Le tribunal correctionnel de Bobigny l'a condamné.", "Bobigny"),
    ],
)
def test_the_name_after_an_institution_is_where_it_stands(lang: str, text: str, place: str) -> None:
    assert ("LOCATION", place) in found(text, lang)


def test_a_place_found_by_the_model_stops_before_lowercase_words() -> None:
    values = [value for _, value in found("Repartimos comida en la plaza de Lavapiés el sábado.", "es")]
    assert values == ["plaza de Lavapiés"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Elle a signé à la place de Marie."),
        ("fr", "Il n'y a plus de place de parking."),
        ("en", "Sunhee Park signed the lease."),
        ("en", "Take the bus to the Police Station."),
        ("es", "Lo llevaron a la estación de Policía."),
        ("es", "Por el puente de Mayo cerramos la oficina."),
        ("es", "El Tribunal de Casación confirmó la condena."),
        ("en", "She made a place of her own."),
    ],
)
def test_named_places_leave_look_alikes(lang: str, text: str) -> None:
    assert [value for kind, value in found(text, lang) if kind == "LOCATION"] == []


def test_a_person_after_an_institution_stays_a_person() -> None:
    assert ("PERSON", "Rosa Pérez") in found("La fiscal de Rosa Pérez pidió la prisión.", "es")


# -- people named by a cue the model misses (sentences written for these tests) --


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a person rule with a cue beats the model's reading of the name as a place or a street
        (
            "es",
            "Usuario: Gregorio de la Cruz Reyes, nacido el 3 de mayo de 1980.",
            ("PERSON", "Gregorio de la Cruz Reyes"),
        ),
        ("es", "El cheque del donante Ernesto Blanco llegó sin firma.", ("PERSON", "Ernesto Blanco")),
        ("en", "After lunch Sunny Park locked the office and left.", ("PERSON", "Sunny Park")),
        # a name written with an accent is not the function word it folds to
        ("pt", "Entrega a chave ao Tó Mendes amanhã.", ("PERSON", "Tó Mendes")),
        # the name that signs a message on its last line, alone or after a sign-off
        ("en", "The boxes are in the back room.\nKwabena", ("PERSON", "Kwabena")),
        ("es", "Te mando la dirección nueva mañana.\nSaludos,\nXimena", ("PERSON", "Ximena")),
        ("pt", "Tudo certo para sábado.\nBjs, Zé", ("PERSON", "Zé")),
        ("fr", "On se voit à la réunion de jeudi.\nBises,\nOdile", ("PERSON", "Odile")),
        ("en", "I will call the landlord first.\n— Ana", ("PERSON", "Ana")),
        ("es", "Llevo las mantas el sábado.\nBlanca", ("PERSON", "Blanca")),
        # a relative named in apposition
        ("pt", "O número da sobrinha, Dulce: 91 234 5678.", ("PERSON", "Dulce")),
        ("en", "Her uncle, Tobias, drove them to the clinic.", ("PERSON", "Tobias")),
        ("fr", "Appelez sa cousine, Maëlle, avant midi.", ("PERSON", "Maëlle")),
        # a form field for a name, in any case
        ("en", "Name: kofi a. mensah\nAddress: 14 Elm Road", ("PERSON", "kofi a. mensah")),
        ("es", "Nombre completo: Yaneth Arroyo\nTeléfono: 312 555 0199", ("PERSON", "Yaneth Arroyo")),
        ("fr", "Nom : Soizic Le Bihan\n", ("PERSON", "Soizic Le Bihan")),
        # a name everyday words share, when it says something
        ("es", "Paz dice que ya llegaron todos.", ("PERSON", "Paz")),
        ("en", "talked to them. grace says the van is fixed", ("PERSON", "grace")),
        ("fr", "rose m'a dit que la porte était fermée.", ("PERSON", "rose")),
        ("pt", "a luz disse que vem amanhã", ("PERSON", "luz")),
        # a contact card: a name line above an address, phone or email line
        ("en", "Oskari Venäläinen\n\n41 Harbour Road\nTurku", ("PERSON", "Oskari Venäläinen")),
        ("en", "Ilse T. Vroom\nSales\nilse.vroom@example.org", ("PERSON", "Ilse T. Vroom")),
        # a part of a hyphenated name used later on its own
        ("fr", "Anne-Sophie Rault est arrivée. Sophie a tout rangé.", ("PERSON", "Sophie")),
        # the one addressed before "your" at the start of an informal message
        ("en", "kiki ur bike got moved to the back", ("PERSON", "kiki")),
        ("es", "tato tu moto está en el corralón", ("PERSON", "tato")),
        ("fr", "zaza ta valise est chez moi", ("PERSON", "zaza")),
        # a list that repeats its preposition
        ("fr", "Merci à Odile et à Georges Blanc pour le repas.", ("PERSON", "Odile")),
        ("pt", "Obrigado ao Nuno e ao Jorge Amado pela ajuda.", ("PERSON", "Nuno")),
    ],
)
def test_people_named_by_a_cue(lang: str, text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "unexpected"),
    [
        # a place or a group on the last line, a sign-off alone
        ("es", "Todo listo para el envío.\nMadrid", ("PERSON", "Madrid")),
        ("en", "Thanks for coming.\nThe Team", ("PERSON", "The Team")),
        ("es", "La reunión es el lunes.\nGracias", ("PERSON", "Gracias")),
        ("pt", "Tudo certo para sábado.\nBjs, Zé", ("PERSON", "Bjs")),
        # a relative followed by a place or a sentence, not a name in apposition
        ("en", "Her brother, Paris was lovely this year.", ("PERSON", "Paris")),
        # a name field that is no label at the start of a line
        ("en", "The company name: Acme Widgets\n", ("PERSON", "Acme Widgets")),
        # an everyday word that says something after "the", "my", "su"
        ("en", "The will says the house goes to the church.", ("PERSON", "will")),
        ("es", "Su esperanza dice mucho de ella.", ("PERSON", "esperanza")),
        # a heading above contact lines is no name
        ("en", "Shipping Address\n12 Main Street\nLeeds", ("PERSON", "Shipping Address")),
        # an interjection before "your" is no vocative
        ("en", "lol ur car is blocking mine", ("PERSON", "lol")),
        ("es", "mira tu carro está listo", ("PERSON", "mira")),
        ("fr", "bref ta voiture est prête", ("PERSON", "bref")),
    ],
)
def test_cues_for_people_leave_look_alikes(lang: str, text: str, unexpected: tuple[str, str]) -> None:
    assert unexpected not in found(text, lang)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # floor, flat, district, postcode, city and state written after the street, on its line
        ("Escribid a Calle Toledo 14, 3.º dcha., 28005 Madrid.", "Calle Toledo 14, 3.º dcha., 28005 Madrid"),
        (
            "A entrega é na Rua das Flores 220, sala 4, 80010-130 Curitiba, PR.",
            "Rua das Flores 220, sala 4, 80010-130 Curitiba, PR",
        ),
        ("Ship it to 350 Elm Street, Springfield, IL 62701.", "350 Elm Street, Springfield, IL 62701"),
        (
            "Rendez-vous au 3 rue des Lilas, 1er étage, 31000 Toulouse.",
            "3 rue des Lilas, 1er étage, 31000 Toulouse",
        ),
        # a block or building number before the street's own number, or after the flat
        ("The parcel went to 40312 88 Harbour Road yesterday", "40312 88 Harbour Road"),
        ("Ms. Ines Vale Unit 12 5521 Birch Avenue", "Unit 12 5521 Birch Avenue"),
    ],
)
def test_an_address_takes_its_whole_line(text: str, address: str) -> None:
    addresses = [value for type_, value in found(text) if type_ == "ADDRESS"]
    assert addresses == [address]


@pytest.mark.parametrize(
    ("text", "address", "other"),
    [
        # a name after the comma is no town: no postcode, state code or place vouches for it
        ("I left the keys at 12 Main Street, Alice said.", "12 Main Street", ("PERSON", "Alice")),
        # a year before the street is no building number
        ("In 2019 221 Baker Street was sold.", "221 Baker Street", None),
        # a quantity after a comma-less sentence is no part of the address
        ("Send 3 boxes to 9 Oak Lane and 4 to the office.", "9 Oak Lane", None),
    ],
)
def test_an_address_stops_where_the_sentence_moves_on(
    text: str, address: str, other: tuple[str, str] | None
) -> None:
    result = found(text)
    assert ("ADDRESS", address) in result
    if other is not None:
        assert other in result


@pytest.mark.parametrize(
    ("lang", "text", "people"),
    [
        # after a title, then a later mention by the surname alone
        (
            "en",
            "We met Mr. Дмитрий Соколов at the border; Соколов said they kept his passport.",
            ["Дмитрий Соколов", "Соколов"],
        ),
        (
            "es",
            "La abogada Ирина Ковальчук presentó la denuncia y Ковальчук habló después.",
            ["Ирина Ковальчук", "Ковальчук"],
        ),
        ("fr", "Me Γιώργος Παπαδόπουλος a plaidé hier.", ["Γιώργος Παπαδόπουλος"]),
        # in a list, in a name field, in a signature, in apposition
        (
            "en",
            "Attendees: Олег Бондаренко, Марія Шевченко and Tom Hale.",
            ["Олег Бондаренко", "Марія Шевченко", "Tom Hale"],
        ),
        ("pt", "Nome: Анна Петрова\nTelefone: 912 345 678", ["Анна Петрова"]),
        ("fr", "Nom : Ελένη Γεωργίου\nTél. : 06 12 34 56 78", ["Ελένη Γεωργίου"]),
        ("es", "Gracias por todo.\nSaludos,\nСветлана", ["Светлана"]),
        ("en", "My sister, Татьяна, lives in Minsk now.", ["Татьяна"]),
        # with no cue, as a Latin-script name would be
        ("en", "Yesterday Андрей Кузнецов called from Tbilisi.", ["Андрей Кузнецов"]),
    ],
)
def test_greek_and_cyrillic_names(lang: str, text: str, people: list[str]) -> None:
    assert [value for type_, value in found(text, lang) if type_ == "PERSON"] == people


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Los agentes del ФСБ y del МВД detuvieron a varias personas."),
        ("en", "The word СЛАВА was painted on the wall by the ΚΚΕ youth."),
        # lowercase Russian words that read like names in Latin letters ("роман" is a novel)
        ("en", "привет, как дела? роман прочитал, мила сказала что все хорошо."),
    ],
)
def test_greek_and_cyrillic_look_alikes(lang: str, text: str) -> None:
    assert [value for type_, value in found(text, lang) if type_ == "PERSON"] == []


@pytest.mark.parametrize(
    ("text", "address", "person"),
    [
        # a frequent given name after the comma is the one addressed, not the town
        ("Deixei a chave na Rua Verde 9, Mariana.", "Rua Verde 9", "Mariana"),
        ("Dejé la llave en Calle Luna 4, Marta.", "Calle Luna 4", "Marta"),
        ("I left it at 12 Oak Lane, Sarah.", "12 Oak Lane", "Sarah"),
        # and no dateline either when the message opens with the address
        ("Rua Verde 9, Mariana.", "Rua Verde 9", "Mariana"),
    ],
)
def test_a_name_after_an_address_stays_a_person(text: str, address: str, person: str) -> None:
    result = found(text)
    assert ("ADDRESS", address) in result
    assert ("PERSON", person) in result


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # a town that is also a name, or two words, still ends the address
        ("Vivo en Av. Providencia 1234, Santiago.", "Av. Providencia 1234, Santiago"),
        ("Moro na Rua Direita 5, Belo Horizonte.", "Rua Direita 5, Belo Horizonte"),
        # flat, stair and block abbreviated with their dot, before the sentence goes on
        ("Il habite au 4520, rue Saint-Denis, app. 5 depuis mars.", "4520, rue Saint-Denis, app. 5"),
        ("Vivo en Calle Mayor 12, esc. B desde enero.", "Calle Mayor 12, esc. B"),
        ("Moro na Rua das Flores 30, bl. 2, apto. 11 há dois anos.", "Rua das Flores 30, bl. 2, apto. 11"),
        ("Vivo en Calle Sol 8, dpto. 3 desde 2019.", "Calle Sol 8, dpto. 3"),
    ],
)
def test_an_address_keeps_its_town_and_flat(text: str, address: str) -> None:
    assert ("ADDRESS", address) in found(text)


@pytest.mark.parametrize("text", ["See bl. A of the report.", "El esc. B del informe.", "Lee el app. B."])
def test_abbreviated_flat_words_alone_are_no_address(text: str) -> None:
    assert [value for type_, value in found(text) if type_ == "ADDRESS"] == []


@pytest.mark.parametrize(
    ("lang", "text", "unexpected"),
    [
        # offices and roles in a roll call after a person are not more people
        (
            "es",
            "Comparecieron:\nSra. L. Okonkwo, Consejera Jurídica, Ministerio de Asuntos Exteriores, Agente;\n",
            ["Consejera Jurídica", "Ministerio de Asuntos Exteriores", "Agente"],
        ),
        ("es", "La apelación la resolvió el Tribunal de Primera Instancia en marzo.", ["Primera Instancia"]),
        ("es", "El recurso llegó a la Comisión Interamericana de Derechos Humanos.", ["Derechos Humanos"]),
        ("fr", "Le dossier fut transmis par le Procureur Général au Conseil.", ["Général"]),
        ("en", "Her lawyer asked the High Court for bail on Monday.", ["High Court"]),
    ],
)
def test_words_of_institutions_are_neither_people_nor_places(
    lang: str, text: str, unexpected: list[str]
) -> None:
    values = [value for _, value in found(text, lang)]
    assert not set(unexpected) & set(values), values


def test_people_beside_institutions_are_still_found() -> None:
    text = "Comparecieron:\nSra. L. Okonkwo, Consejera Jurídica, Ministerio de Asuntos Exteriores;\n"
    assert ("PERSON", "L. Okonkwo") in found(text, "es") or ("PERSON", "Okonkwo") in found(text, "es")
    assert ("PERSON", "Ley") in found("Ley began singing in church choirs as a child.", "en")


@pytest.mark.parametrize(
    ("lang", "text", "word"),
    [
        ("es", "La queja se admitió en virtud del artículo 12 del Reglamento de la Comisión.", "virtud"),
        ("es", "El Juez advirtió que, si no pagaba, la multa se convertiría en pena de prisión.", "prisión"),
        (
            "fr",
            "Il saisit la Cour administrative (förvaltningsrätten) le 3 mai, avec son avocat M. Lindqvist.",
            "rätten",
        ),
    ],
)
def test_lowercase_words_are_no_place_in_a_text_that_capitalises_names(
    lang: str, text: str, word: str
) -> None:
    assert not [value for kind, value in found(text, lang) if word in value], found(text, lang)


def test_lowercase_places_stand_in_a_text_typed_in_lowercase() -> None:
    assert ("LOCATION", "harburg") in found("my cousin moved to harburg last spring", "en")


@pytest.mark.parametrize(
    ("lang", "text", "people", "places"),
    [
        (
            "en",
            "The ruling cites Okafor v. Lindqvist and the case of Brandão.",
            ["Okafor", "Lindqvist", "Brandão"],
            [],
        ),
        ("fr", "Voir l'affaire Mbeki c. France, où la Cour a conclu à la violation.", ["Mbeki"], ["France"]),
        (
            "es",
            "Como en el caso Quiroga, la defensa citó Tanaka vs. Argentina.",
            ["Quiroga", "Tanaka"],
            ["Argentina"],
        ),
    ],
)
def test_parties_of_court_cases(lang: str, text: str, people: list[str], places: list[str]) -> None:
    result = found(text, lang)
    for person in people:
        assert ("PERSON", person) in result, result
    for place in places:
        assert ("LOCATION", place) in result, result


def test_a_party_the_model_reads_as_an_address_is_a_person() -> None:
    text = "La defensa citó Okafor v. Lindqvist en su escrito."
    result = found(text, "es")
    assert ("PERSON", "Lindqvist") in result and not [kind for kind, _ in result if kind == "ADDRESS"], result
    # a street written with an abbreviation stays an address
    assert ("ADDRESS", "Av. Lindqvist 45, Lima") in found("Vive en Av. Lindqvist 45, Lima.", "es")


def test_an_institution_party_is_no_person() -> None:
    result = found("The appeal in Crown v. Leeds Magistrates was heard in June.", "en")
    assert not [value for kind, value in result if kind == "PERSON" and "Leeds" in value], result


def test_french_places_written_without_accents_on_capitals() -> None:
    text = "Il a vécu aux Etats-Unis puis en Egypte avant de rentrer."
    result = found(text, "fr")
    assert ("LOCATION", "Etats-Unis") in result and ("LOCATION", "Egypte") in result, result


def test_a_place_found_after_a_preposition_is_found_again() -> None:
    text = "Colgaron pancartas en varias calles de Trabzon.\nEl juzgado penal de Trabzon lo condenó."
    assert [value for kind, value in found(text, "es") if kind == "LOCATION"].count("Trabzon") == 2, found(
        text, "es"
    )


# -- names and places that were left whole in the redacted text (sentences written for these tests) --


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a town written in Greek or Cyrillic capitals, as addresses have it, also with old-font letters
        ("en", "Grew up in ΘΕΣΣΑΛΟΝΙΚΗ before the war.", ("LOCATION", "ΘΕΣΣΑΛΟΝΙΚΗ")),
        ("es", "Sus padres siguen en ХАРКІВ y llaman cada semana.", ("LOCATION", "ХАРКІВ")),
        ("en", "She is originally from ΑΓΙΑ ΝΑΠΑ, and 40 y/o.", ("LOCATION", "ΑΓΙΑ ΝΑΠΑ")),
        ("en", "I'm Anna Lee, originally from ΑΓΛΑΝΤΖΙΑ, and 30 y/o.", ("LOCATION", "ΑΓΛΑΝΤΖΙΑ")),
        ("en", "She moved to ΠΑΡΑΛΙΜΝΙ, at the coast.", ("LOCATION", "ΠΑΡΑΛΙΜΝΙ")),
        # the ohm sign typed for the capital omega, the increment sign for the delta
        ("en", "We stayed in ΚΑΤ\u2126 ΛΑΚΑΤΑΜΙΑ, then flew home.", ("LOCATION", "ΚΑΤ\u2126 ΛΑΚΑΤΑΜΙΑ")),
        # a meeting's first line: event, venue, place; a place with its article
        ("en", "Legal clinic, St. Jude's basement, Dayton. 14 people came.", ("LOCATION", "Dayton")),
        ("es", "Asamblea de vecinas, Los Olivos. Vinieron 30 personas.", ("LOCATION", "Los Olivos")),
        ("fr", "Permanence juridique, salle des fêtes, Le Havre. 12 présents.", ("LOCATION", "Le Havre")),
        # English places written with "the"
        ("en", "She lives in the Bronx now.", ("LOCATION", "the Bronx")),
        ("en", "They drove across the Sahel for a week.", ("LOCATION", "the Sahel")),
        ("en", "He grew up near the Wirral, by the sea.", ("LOCATION", "the Wirral")),
        # a town named like a person when a region follows it
        ("pt", "Ele mora perto de Barbosa, no Ceará, há anos.", ("LOCATION", "Barbosa")),
        ("en", "The family came from Jackson, Mississippi, in May.", ("LOCATION", "Jackson")),
        ("es", "Trabaja cerca de Salazar, en Colombia, desde 2019.", ("LOCATION", "Salazar")),
        # the two ends of a way
        ("pt", "Caminhamos da Lapa até a Urca ontem à noite.", ("LOCATION", "Urca")),
        ("en", "We drove from Tijuana to Mexicali in one day.", ("LOCATION", "Mexicali")),
        ("fr", "Le cortège a défilé de Belleville à Ménilmontant.", ("LOCATION", "Belleville")),
        # a town's line above the country's line in an address block
        ("en", "Tomasz Nowak\n\nLos Mochis\nMexico", ("LOCATION", "Los Mochis")),
        ("en", "Irma Kallio\n\nRAUMA\nFinland 26100", ("LOCATION", "RAUMA")),
        ("en", "Olga Sandu\n\nDrochia\nMoldova", ("LOCATION", "Drochia")),
        # Polish streets ("ul.", ulica) and a number written before them
        ("en", "Kofi Mensah\n4412 ul. Kwiatowa 5\nKraków\nPoland", ("ADDRESS", "4412 ul. Kwiatowa 5")),
        ("en", "Send it to ul. Lipowa 12, Gdańsk.", ("ADDRESS", "ul. Lipowa 12, Gdańsk")),
        ("en", ">Rita Moss\n>881 ul. Polna 4\n>Lublin", ("ADDRESS", "881 ul. Polna 4")),
    ],
)
def test_places_and_addresses_left_whole_before(lang: str, text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text, lang), found(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # a middle initial, with or without its dot
        ("en", "The Ottilie R. Brandvold recording sold well.", ("PERSON", "Ottilie R. Brandvold")),
        ("en", "Signed: Teodor J. Wiśniewski, treasurer.", ("PERSON", "Teodor J. Wiśniewski")),
        (
            "en",
            "A song by Þórunn Á Kristjánsdóttir opened the night.",
            ("PERSON", "Þórunn Á Kristjánsdóttir"),
        ),
        # a card's first line above a job title
        ("en", "Ysolde Marchetti\n\nCommercial truck driver\n\nNotes: none", ("PERSON", "Ysolde Marchetti")),
        (
            "en",
            "Tuuli Rautiainen\n\nDental hygienist assistant\n\nLanguages: Finnish",
            ("PERSON", "Tuuli Rautiainen"),
        ),
        ("es", "Nahia Etxeberria\nEnfermera de urgencias\nTurno de noche", ("PERSON", "Nahia Etxeberria")),
        ("en", "Ella K. Moyo\n\nSchool librarian\n\nOffice hours: 9-5", ("PERSON", "Ella K. Moyo")),
        # people named with where they work, in a list that names a person
        (
            "en",
            "Panel: Maria Silva, Oyelaran Adebayo of Tidewater Ltd, and Kestrel's Yorunn Vakstad.",
            ("PERSON", "Oyelaran Adebayo"),
        ),
        (
            "en",
            "Panel: Maria Silva, Oyelaran Adebayo of Tidewater Ltd, and Kestrel's Yorunn Vakstad.",
            ("PERSON", "Yorunn Vakstad"),
        ),
        (
            "en",
            "Guests included John Carter, Ebere Nwosu of Lagos Metro, and Quillon Amsel of Fernway.",
            ("PERSON", "Quillon Amsel"),
        ),
        # who spoke and to whom, without quote marks
        ("en", "Enough! said Tobiah to Marguerite, and left.", ("PERSON", "Tobiah")),
        ("en", "Enough! said Tobiah to Marguerite, and left.", ("PERSON", "Marguerite")),
        ("en", "Good news! said Ulrike to Tamsin", ("PERSON", "Tamsin")),
        ("en", '"We will not leave," said Amara to Joss Ibekwe.', ("PERSON", "Joss Ibekwe")),
        # a maiden name, what someone is called
        ("en", "her maiden name is okafor, she said", ("PERSON", "okafor")),
        ("es", "Su nombre de soltera es Arizmendi.", ("PERSON", "Arizmendi")),
        ("en", "My friends call me Tavi since school.", ("PERSON", "Tavi")),
        ("es", "En el barrio me dicen Chela.", ("PERSON", "Chela")),
        # a lowercase name everyday words share, opening a message with "pls"
        ("en", "grace pls call me when you land", ("PERSON", "grace")),
        ("en", "ivy please send the forms", ("PERSON", "ivy")),
    ],
)
def test_people_left_whole_before(lang: str, text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text, lang), found(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "unexpected"),
    [
        # acronyms in Greek and Cyrillic capitals stay out
        ("en", "The ФСБ and the МВД raided the office.", ("LOCATION", "ФСБ")),
        # books, papers, bodies after "in the"
        ("en", "It was in the Guardian and in the Bible.", ("LOCATION", "the Guardian")),
        ("en", "It was in the Guardian and in the Bible.", ("LOCATION", "the Bible")),
        ("en", "The bill died in the Senate last year.", ("LOCATION", "the Senate")),
        # a person after "perto de", with no region after the comma
        ("pt", "Conversamos perto de Barbosa, que chegou tarde.", ("LOCATION", "Barbosa")),
        # a letter from one person to another, days and languages are no way
        ("es", "Carta de Juan a Pedro, escrita en mayo.", ("LOCATION", "Juan")),
        ("en", "We work from Monday to Friday.", ("LOCATION", "Monday")),
        ("es", "Fuimos de la Procuraduría a la Registraduría.", ("LOCATION", "Registraduría")),
        # a greeting before the full stop of the first line
        ("en", "Thanks for coming, Okonkwo. We start at 9.", ("LOCATION", "Okonkwo")),
        # a letter at the end of a sentence before a capital
        ("en", "Take Vitamin C. Most colds pass.", ("PERSON", "Vitamin C. Most")),
        ("en", "They moved to Section B. Everyone agreed.", ("PERSON", "Section B. Everyone")),
        ("en", "World War I Veterans met on Sunday.", ("PERSON", "War I Veterans")),
        ("en", "Make A Wish helped the family.", ("PERSON", "Make A Wish")),
        # the one before "of" is a place or a body, not a person in a list
        ("en", "Panel: Ana Ruiz, Bank of Lima and Oxfam.", ("PERSON", "Lima")),
        # "call me" before a day or a word
        ("en", "Call me Monday or call me back.", ("PERSON", "Monday")),
        # an everyday verb opening a message with "pls"
        ("en", "hope pls work this time", ("PERSON", "hope")),
        # a heading above a line that is no job
        ("en", "Weekly Update\n\nAgenda for Monday\n\nItem one", ("PERSON", "Weekly Update")),
        ("en", "Meeting notes\n\nThanks\nPortugal", ("LOCATION", "Thanks")),
    ],
)
def test_rules_for_what_was_left_whole_leave_look_alikes(
    lang: str, text: str, unexpected: tuple[str, str]
) -> None:
    assert unexpected not in found(text, lang), found(text, lang)


def test_a_name_found_with_its_possessive_is_found_again_without_it() -> None:
    text = "We read Faina Orlova's diary. Later Orlova wrote again."
    person = Span(8, 22, "PERSON", "pii", 0.9, "model:person")  # "Faina Orlova's", as the model may read it
    assert (text.index("Orlova wrote"), text.index(" wrote")) in [
        (span.start, span.end) for span in entities._mentions(text, [person])
    ]
