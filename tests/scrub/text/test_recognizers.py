"""Structured PII recognisers: check digits, real sentences, hard negatives, offsets."""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Callable

import phonenumbers
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resguardo.scrub.text.base import PII_TYPES, Span
from resguardo.scrub.text.recognizers import STRUCTURED_TYPES, find_structured, phone, resolve_overlaps
from resguardo.scrub.text.recognizers import checksums as cs
from resguardo.scrub.text.recognizers.finance import issuer_known

# -- check digits written again here, independently of the code under test ---------------


def cpf_digits(base: str) -> str:
    digits = [int(char) for char in base]
    for size in (9, 10):
        total = sum(d * w for d, w in zip(digits, range(size + 1, 1, -1), strict=False))
        remainder = total % 11
        digits.append(0 if remainder < 2 else 11 - remainder)
    return "".join(map(str, digits))


def cnpj_digits(base: str) -> str:
    digits = [int(char) for char in base]
    for weights in ((5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2), (6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)):
        remainder = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        digits.append(0 if remainder < 2 else 11 - remainder)
    return "".join(map(str, digits))


def luhn_complete(prefix: str, length: int, filler: str) -> str:
    body = (prefix + filler)[: length - 1]
    total = 0
    for position, char in enumerate(reversed(body)):
        value = int(char) * (2 if position % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return body + str((10 - total % 10) % 10)


def iban_with_check(country: str, bban: str) -> str:
    numeric = "".join(str(int(char, 36)) for char in bban + country + "00")
    return f"{country}{98 - int(numeric) % 97:02d}{bban}"


def dni_es(number: int) -> str:
    return f"{number:08d}" + "TRWAGMYFPDXBNJZSQVHLCKE"[number % 23]


def nir_fr(body: str) -> str:
    numeric = int(body.replace("2A", "19").replace("2B", "18"))
    return f"{body}{97 - numeric % 97:02d}"


def nif_pt(base: str) -> str:
    total = sum(int(char) * weight for char, weight in zip(base, range(9, 1, -1), strict=True))
    check = 11 - total % 11
    return base + str(0 if check >= 10 else check)


def curp(base: str) -> str:
    alphabet = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"
    total = sum(alphabet.index(char) * (18 - position) for position, char in enumerate(base))
    return base + str((10 - total % 10) % 10)


def be_national_number(body: str, born_2000_or_later: bool) -> str:
    numeric = int(("2" if born_2000_or_later else "") + body)
    return f"{body}{97 - numeric % 97:02d}"


def other_digit(char: str) -> str:
    return str((int(char) + 1) % 10)


def found(text: str, lang: str) -> list[tuple[str, str]]:
    return [(span.type, text[span.start : span.end]) for span in find_structured(text, lang)]


def types_found(text: str, lang: str) -> set[str]:
    return {span.type for span in find_structured(text, lang)}


# -- check-digit functions: generated valid numbers pass, a changed check digit fails ------


@given(st.text(alphabet=string.digits, min_size=9, max_size=9).filter(lambda s: len(set(s)) > 1))
def test_cpf_check_digits(base: str) -> None:
    number = cpf_digits(base)
    assert cs.cpf_valid(number)
    assert not cs.cpf_valid(number[:-1] + other_digit(number[-1]))
    assert not cs.cpf_valid(number[:-2] + other_digit(number[-2]) + number[-1])


@given(st.text(alphabet=string.digits, min_size=12, max_size=12).filter(lambda s: len(set(s)) > 1))
def test_cnpj_check_digits(base: str) -> None:
    number = cnpj_digits(base)
    assert cs.cnpj_valid(number)
    assert not cs.cnpj_valid(number[:-1] + other_digit(number[-1]))


@given(
    st.sampled_from(["4", "51", "55", "2221", "2720", "34", "37", "6011", "65", "3528", "36", "62"]),
    st.text(alphabet=string.digits, min_size=18, max_size=18),
)
def test_luhn(prefix: str, filler: str) -> None:
    length = 15 if prefix in ("34", "37") else 14 if prefix == "36" else 16
    number = luhn_complete(prefix, length, filler)
    assert cs.luhn_valid(number)
    assert issuer_known(number)
    assert not cs.luhn_valid(number[:-1] + other_digit(number[-1]))


@given(
    st.sampled_from([("DE", 18), ("ES", 20), ("FR", 23), ("GB", 18), ("PT", 21), ("BR", 25), ("IT", 23)]),
    st.data(),
)
def test_iban_check_digits(country_length: tuple[str, int], data: st.DataObject) -> None:
    country, size = country_length
    bban = data.draw(st.text(alphabet=string.digits, min_size=size, max_size=size))
    iban = iban_with_check(country, bban)
    assert cs.iban_valid(iban)
    changed = iban[:6] + other_digit(iban[6]) + iban[7:]
    assert not cs.iban_valid(changed)
    assert not cs.iban_valid(iban + "0")  # wrong length for the country


@given(st.integers(min_value=0, max_value=99_999_999))
def test_spanish_dni_and_nie(number: int) -> None:
    dni = dni_es(number)
    assert cs.spanish_dni_valid(dni)
    wrong = "TRWAGMYFPDXBNJZSQVHLCKE"[(number + 1) % 23]
    assert not cs.spanish_dni_valid(dni[:8] + wrong)
    if number < 30_000_000:
        prefix, rest = divmod(number, 10_000_000)
        nie = "XYZ"[prefix] + f"{rest:07d}" + dni[8]
        assert cs.nie_valid(nie)


@given(
    st.sampled_from("12"),
    st.integers(min_value=0, max_value=99),
    st.integers(min_value=1, max_value=12),
    st.sampled_from(["75", "13", "2A", "2B", "93", "69"]),
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=1, max_value=999),
)
def test_french_nir(sex: str, year: int, month: int, dept: str, commune: int, order: int) -> None:
    number = nir_fr(f"{sex}{year:02d}{month:02d}{dept}{commune:03d}{order:03d}")
    assert cs.nir_valid(number)
    assert not cs.nir_valid(number[:-1] + other_digit(number[-1]))


@given(st.sampled_from("1235689"), st.text(alphabet=string.digits, min_size=7, max_size=7))
def test_portuguese_nif(first: str, rest: str) -> None:
    number = nif_pt(first + rest)
    assert cs.nif_pt_valid(number)
    assert not cs.nif_pt_valid(number[:-1] + other_digit(number[-1]))


@given(st.dates(), st.integers(min_value=1, max_value=998))
def test_belgian_national_number(born: dt.date, serial: int) -> None:
    number = be_national_number(f"{born:%y%m%d}{serial:03d}", born.year >= 2000)
    assert cs.be_national_number_valid(number)
    assert not cs.be_national_number_valid(number[:-1] + other_digit(number[-1]))


@given(st.sampled_from("12345679"), st.text(alphabet=string.digits, min_size=10, max_size=10))
def test_canadian_sin(first: str, filler: str) -> None:
    number = luhn_complete(first, 9, filler)
    assert cs.sin_valid(number)
    assert not cs.sin_valid(number[:-1] + other_digit(number[-1]))


@given(
    st.sampled_from("ABCEGHJKLMNOPRSTWXYZ"),
    st.sampled_from("ABCEGHJKLMNPRSTWXYZ"),
    st.text(alphabet=string.digits, min_size=6, max_size=6),
    st.sampled_from("ABCD"),
)
def test_uk_national_insurance_number(first: str, second: str, digits: str, suffix: str) -> None:
    number = first + second + digits + suffix
    assert cs.nino_valid(number) == (first + second not in ("GB", "BG", "NK", "KN", "TN", "NT", "ZZ"))
    assert not cs.nino_valid(number[:-1] + "E")


@given(
    st.text(alphabet="BCDFGHJKLMNPRSTVWXYZ", min_size=1, max_size=1),
    st.sampled_from("AEIOU"),
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=2),
    st.dates(),
    st.sampled_from("HM"),
    st.sampled_from(["DF", "JC", "NL", "OC", "VZ", "NE"]),
    st.text(alphabet="BCDFGHJKLMNPRSTVWXYZ", min_size=3, max_size=3),
)
def test_curp(
    initial: str, vowel: str, rest: str, born: dt.date, sex: str, state: str, consonants: str
) -> None:
    if not 1900 <= born.year <= 2099:
        return
    position_17 = "0" if born.year < 2000 else "A"
    base = f"{initial}{vowel}{rest}{born:%y%m%d}{sex}{state}{consonants}{position_17}"
    number = curp(base)
    assert cs.curp_valid(number)
    assert not cs.curp_valid(number[:-1] + other_digit(number[-1]))


@pytest.mark.parametrize(
    ("validator", "number"),
    [
        # documented sample numbers, none of them a real person's
        (cs.cpf_valid, "11144477735"),
        (cs.cpf_valid, "52998224725"),
        (cs.cnpj_valid, "11222333000181"),
        (cs.cnpj_valid, "12ABC34501DE35"),  # Receita Federal's example of the alphanumeric CNPJ
        (cs.curp_valid, "HEGG560427MVZRRL04"),  # RENAPO's sample CURP
        (cs.rfc_valid, "GODE561231GR8"),  # SAT's sample RFC for a person
        (cs.rfc_valid, "SAT970701NN3"),  # the tax authority's own RFC
        (cs.spanish_dni_valid, "12345678Z"),
        (cs.nie_valid, "X1234567L"),
        (cs.nir_valid, "255081416802538"),
        (cs.nir_valid, "184052A00401222"),  # Corsica: 2A counts as 19 in the key
        (cs.nif_pt_valid, "123456789"),
        (cs.rif_valid, "V114702834"),
        (cs.ssn_valid, "123456788"),
        (cs.itin_valid, "912701234"),
        (cs.iban_valid, "GB82WEST12345698765432"),
        (cs.iban_valid, "DE89370400440532013000"),
        (cs.iban_valid, "FR1420041010050500013M02606"),
        (cs.iban_valid, "ES9121000418450200051332"),
        (cs.iban_valid, "PT50000201231234567890154"),
        (cs.iban_valid, "BR1800360305000010009795493C1"),
        (cs.luhn_valid, "4111111111111111"),
        (cs.luhn_valid, "5555555555554444"),
        (cs.luhn_valid, "378282246310005"),
        (cs.luhn_valid, "6011111111111117"),
        (cs.rut_valid, "123456785"),
        (cs.clabe_valid, "032180000118359719"),  # the CLABE of Banxico's documentation
        (cs.clabe_valid, "002010077777777771"),
        (cs.cbu_valid, "2850590940090418135201"),  # the CBU of BCRA's examples
        (cs.be_national_number_valid, "85073003328"),  # the register's example, 30 July 1985
        (cs.be_national_number_valid, "01010100126"),  # born in 2001: the key counts a leading 2
        (cs.be_national_number_valid, "84480942547"),  # a bis number: month raised by 40
        (cs.nino_valid, "AB123456C"),
        (cs.sin_valid, "130692544"),
    ],
)
def test_known_public_test_numbers(validator: Callable[[str], bool], number: str) -> None:
    assert validator(number)


@pytest.mark.parametrize(
    ("validator", "number"),
    [
        (cs.cpf_valid, "12345678900"),
        (cs.cpf_valid, "11111111111"),  # all the same digit passes the arithmetic but is never issued
        (cs.cnpj_valid, "11222333000180"),
        (cs.cnpj_valid, "00000000000000"),
        (cs.curp_valid, "HEGG560427MVZRRL05"),
        (cs.curp_valid, "HEGG561327MVZRRL04"),  # month 13
        (cs.rfc_valid, "GODE561231GR9"),
        (cs.spanish_dni_valid, "12345678A"),
        (cs.nie_valid, "X1234567A"),
        (cs.nir_valid, "255081416802539"),
        (cs.nif_pt_valid, "123456780"),
        (cs.rif_valid, "V114702835"),
        (cs.ssn_valid, "000123456"),
        (cs.ssn_valid, "666123456"),
        (cs.ssn_valid, "123006789"),
        (cs.ssn_valid, "123450000"),
        (cs.ssn_valid, "078051120"),  # the Woolworth wallet card
        (cs.ssn_valid, "912701234"),  # 9xx is an ITIN, not an SSN
        (cs.itin_valid, "912401234"),  # group 40 is not an ITIN group
        (cs.iban_valid, "GB82WEST12345698765433"),
        (cs.iban_valid, "GB82WEST1234569876543"),  # one short
        (cs.iban_valid, "XX82WEST12345698765432"),  # no such country
        (cs.luhn_valid, "4111111111111112"),
        (cs.rut_valid, "123456784"),
        (cs.clabe_valid, "032180000118359710"),
        (cs.be_national_number_valid, "85073003329"),
        (cs.be_national_number_valid, "85133003328"),  # month 13
        (cs.nino_valid, "QQ123456C"),  # HMRC's sample: Q is never a prefix letter
        (cs.nino_valid, "GB123456A"),  # a prefix never issued
        (cs.nino_valid, "DA123456A"),  # D never comes first
        (cs.nino_valid, "AO123456A"),  # O never comes second
        (cs.nino_valid, "AB123456E"),  # the suffix is A to D
        (cs.sin_valid, "130692545"),
        (cs.sin_valid, "046454286"),  # the government's sample: Luhn-valid, but 0 is never issued
        (cs.sin_valid, "830692543"),  # 8 starts business numbers
        (cs.cbu_valid, "2850590940090418135202"),
    ],
)
def test_known_invalid_numbers(validator: Callable[[str], bool], number: str) -> None:
    assert not validator(number)


# -- sentences as people write them ---------------------------------------------------------

SENTENCES = [
    # Spanish
    ("es", "Me pueden llamar al 55 1234 5678", "PHONE", "55 1234 5678"),
    ("es", "Escríbeme por WhatsApp al +52 1 55 1234 5678.", "PHONE", "+52 1 55 1234 5678"),
    ("es", "Teléfono de la abogada: 612 34 56 78", "PHONE", "612 34 56 78"),
    ("es", "Su celular es 300 123 4567, en Bogotá.", "PHONE", "300 123 4567"),
    ("es", "En Caracas: 0412-1234567", "PHONE", "0412-1234567"),
    ("es", "En Buenos Aires llamá al 11 4321-5678", "PHONE", "11 4321-5678"),
    ("es", "Mi CURP es HEGG560427MVZRRL04", "ID_NUMBER", "HEGG560427MVZRRL04"),
    ("es", "RFC: GODE561231GR8.", "ID_NUMBER", "GODE561231GR8"),
    ("es", "DNI 12345678Z, domiciliada en Madrid", "ID_NUMBER", "12345678Z"),
    ("es", "Su NIE es X-1234567-L.", "ID_NUMBER", "X-1234567-L"),
    ("es", "Mi DNI es 12.345.678 y vivo en Rosario", "ID_NUMBER", "12.345.678"),
    ("es", "cédula de ciudadanía 1.020.304.050", "ID_NUMBER", "1.020.304.050"),
    ("es", "Cédula V-12.345.678, RIF V-11470283-4", "ID_NUMBER", "V-12.345.678"),
    ("es", "Cédula V-12.345.678, RIF V-11470283-4", "ID_NUMBER", "V-11470283-4"),
    ("es", "Número de pasaporte: G12345678", "ID_NUMBER", "G12345678"),
    ("es", "La placa del carro es ABC-123-D.", "PLATE", "ABC-123-D"),
    ("es", "Un coche con matrícula 1234 BCD los siguió", "PLATE", "1234 BCD"),
    ("es", "la camioneta placa AB123CD iba detrás", "PLATE", "AB123CD"),
    ("es", "moto de placas ABC 12D en Medellín", "PLATE", "ABC 12D"),
    ("es", "el taxi de placa WPS 123 en Bogotá", "PLATE", "WPS 123"),
    ("es", "Nos vemos en 19.4326, -99.1332 a las 5", "GPS", "19.4326, -99.1332"),
    ("es", "El campamento está en 19°25'42\"N 99°07'59\"O", "GPS", "19°25'42\"N 99°07'59\"O"),
    ("es", "nació el 3 de marzo de 1990 en Oaxaca", "DATE_OF_BIRTH", "3 de marzo de 1990"),
    ("es", "Fecha de nacimiento: 03/03/1990", "DATE_OF_BIRTH", "03/03/1990"),
    ("es", "Donativos a ES91 2100 0418 4502 0005 1332, gracias.", "IBAN", "ES91 2100 0418 4502 0005 1332"),
    ("es", "escribe a ana arroba riseup punto net", "EMAIL", "ana arroba riseup punto net"),
    ("es", "Síguenos en @colectiva_sur", "HANDLE", "@colectiva_sur"),
    ("es", "RUT 12.345.678-5, Santiago", "ID_NUMBER", "12.345.678-5"),
    ("es", "Su DUI es 01234567-8", "ID_NUMBER", "01234567-8"),
    ("es", "DNI hondureño 0801-1990-12345", "ID_NUMBER", "0801-1990-12345"),
    ("es", "Depositar a la cuenta CLABE 032180000118359719", "IBAN", "032180000118359719"),
    ("es", "CBU 2850590940090418135201 (Banco Macro)", "IBAN", "2850590940090418135201"),
    # Portuguese
    ("pt", "Meu CPF é 123.456.789-09", "ID_NUMBER", "123.456.789-09"),
    ("pt", "CPF 11144477735 do titular", "ID_NUMBER", "11144477735"),
    ("pt", "A associação, CNPJ 11.222.333/0001-81, assina.", "ID_NUMBER", "11.222.333/0001-81"),
    ("pt", "Liga para (11) 91234-5678 depois das 18h", "PHONE", "(11) 91234-5678"),
    ("pt", "meu zap 21 98765-4321", "PHONE", "21 98765-4321"),
    ("pt", "Telemóvel 912 345 678", "PHONE", "912 345 678"),
    ("pt", "O NIF da associação é 123456789.", "ID_NUMBER", "123456789"),
    ("pt", "passaporte FZ123456", "ID_NUMBER", "FZ123456"),
    ("pt", "RG 12.345.678-9 emitido em SP", "ID_NUMBER", "12.345.678-9"),
    ("pt", "O carro de placa BRA2E19 parou", "PLATE", "BRA2E19"),
    ("pt", "uma Kombi ABC-1234 seguia o ato", "PLATE", "ABC-1234"),
    ("pt", "nascida em 3 de março de 1985", "DATE_OF_BIRTH", "3 de março de 1985"),
    ("pt", "A ocupação fica em 23°33'01\"S 46°38'02\"O.", "GPS", "23°33'01\"S 46°38'02\"O"),
    ("pt", "IBAN PT50 0002 0123 1234 5678 9015 4", "IBAN", "PT50 0002 0123 1234 5678 9015 4"),
    ("pt", "acampamento em 15°47'S 47°52'L, perto da rodovia", "GPS", "15°47'S 47°52'L"),
    ("pt", "A carrinha é a AT-52-QL e está na Rua", "PLATE", "AT-52-QL"),
    ("pt", "o carro de matrícula 12-AB-34", "PLATE", "12-AB-34"),
    ("pt", "uma mota 05-16-XZ estacionada", "PLATE", "05-16-XZ"),
    # French
    ("fr", "Mon numéro: 06 12 34 56 78", "PHONE", "06 12 34 56 78"),
    ("fr", "Appelez le 01.23.45.67.89 demain", "PHONE", "01.23.45.67.89"),
    ("fr", "Tél : +33 6 12 34 56 78", "PHONE", "+33 6 12 34 56 78"),
    ("fr", "Numéro de sécurité sociale 2 55 08 14 168 025 38", "ID_NUMBER", "2 55 08 14 168 025 38"),
    ("fr", "Elle est née le 1er mars 1990 à Lyon.", "DATE_OF_BIRTH", "1er mars 1990"),
    ("fr", "Date de naissance : 14/07/1989", "DATE_OF_BIRTH", "14/07/1989"),
    ("fr", "La voiture immatriculée AB-123-CD", "PLATE", "AB-123-CD"),
    ("fr", "Le camp est à 48°51'24\"N 2°21'03\"E.", "GPS", "48°51'24\"N 2°21'03\"E"),
    ("fr", "Position : 16°14'N 61°32'O", "GPS", "16°14'N 61°32'O"),
    ("fr", "passeport n° 12AB34567", "ID_NUMBER", "12AB34567"),
    ("fr", "Père : Ephrem, numéro national 84.08.09-425.58 ;", "ID_NUMBER", "84.08.09-425.58"),
    ("fr", "Il est né le 9 décembre, 69.12.09-982.87.", "ID_NUMBER", "69.12.09-982.87"),
    ("fr", "NISS 85073003328", "ID_NUMBER", "85073003328"),
    ("fr", "Elle a aussi donné son NAS, 258 757 780, pour le relevé.", "ID_NUMBER", "258 757 780"),
    ("fr", "La camionnette c'est la 1-KTR-482, garée rue Haute", "PLATE", "1-KTR-482"),
    ("fr", "Point de rendez-vous : 48.8566, 2.3522", "GPS", "48.8566, 2.3522"),
    ("fr", "Il dort près de 44.8986 6.6435.", "GPS", "44.8986 6.6435"),
    ("fr", "RIB : FR14 2004 1010 0505 0001 3M02 606", "IBAN", "FR14 2004 1010 0505 0001 3M02 606"),
    ("fr", "suivez-nous sur Mastodon @collectif@mastodon.social", "HANDLE", "@collectif@mastodon.social"),
    # English
    ("en", "She was born 3 March 1990 in Manila.", "DATE_OF_BIRTH", "3 March 1990"),
    ("en", "DOB: 1988-07-14", "DATE_OF_BIRTH", "1988-07-14"),
    ("en", "born on March 3, 1990", "DATE_OF_BIRTH", "March 3, 1990"),
    ("en", "Call me at (212) 555-0123 tonight", "PHONE", "(212) 555-0123"),
    ("en", "UK: +44 20 7946 0958", "PHONE", "+44 20 7946 0958"),
    ("en", "His SSN is 123-45-6788.", "ID_NUMBER", "123-45-6788"),
    ("en", "ITIN 912-70-1234 on the form", "ID_NUMBER", "912-70-1234"),
    ("en", "A-Number: A123-456-789", "ID_NUMBER", "A123-456-789"),
    ("en", "mother Blanca Ruiz, A-201-555-318, who has a final order", "ID_NUMBER", "A-201-555-318"),
    ("en", "an asylum seeker with an A-098-765-432 file", "ID_NUMBER", "A-098-765-432"),
    ("en", "her A# 201555318", "ID_NUMBER", "201555318"),
    ("en", "A-number 12-345-678 (an old one)", "ID_NUMBER", "12-345-678"),
    ("en", "NI number HE 83 14 12 B.", "ID_NUMBER", "HE 83 14 12 B"),
    ("en", "Client Kemi, NI AC 57 08 82 C, DOB 30 July 1979.", "ID_NUMBER", "AC 57 08 82 C"),
    ("en", "Her national insurance number is TT615277C", "ID_NUMBER", "TT615277C"),
    ("en", "SIN: 130 692 544", "ID_NUMBER", "130 692 544"),
    ("en", "his new # is (773) 297-0274", "PHONE", "(773) 297-0274"),
    ("en", "my # is 773 297 0274 text me", "PHONE", "773 297 0274"),
    ("en", "The van is LK19 XRM, parked on Cable Street", "PLATE", "LK19 XRM"),
    ("en", "Car for the prison visit: BD21 VMH, leaves at 9", "PLATE", "BD21 VMH"),
    ("en", "Rose will drive her car, KLW-4821. We need more people", "PLATE", "KLW-4821"),
    ("en", "dre ur car (6HVN093) got towed from the lot", "PLATE", "6HVN093"),
    ("en", "Their truck TXK 3307 is registered in his name", "PLATE", "TXK 3307"),
    ("en", "Meet at 48.8566, 2.3522.", "GPS", "48.8566, 2.3522"),
    ("en", "48.8566, 2.3522", "GPS", "48.8566, 2.3522"),
    ("en", "passport number X1234567", "ID_NUMBER", "X1234567"),
    ("en", "license plate 7ABC123", "PLATE", "7ABC123"),
    ("en", "paid with 4111 1111 1111 1111 12/25", "CARD", "4111 1111 1111 1111"),
    ("en", "Amex 3782 822463 10005.", "CARD", "3782 822463 10005"),
    ("en", "IBAN GB82 WEST 1234 5698 7654 32.", "IBAN", "GB82 WEST 1234 5698 7654 32"),
    ("en", "write to jane.doe+press@example.org.", "EMAIL", "jane.doe+press@example.org"),
    ("en", "see https://example.org/reports/2024?id=3).", "URL", "https://example.org/reports/2024?id=3"),
    ("en", "mirror at www.example.net/archive.", "URL", "www.example.net/archive"),
    ("en", "profile at t.me/some_user", "URL", "t.me/some_user"),
    ("en", "(see https://en.wikipedia.org/wiki/Foo_(bar))", "URL", "https://en.wikipedia.org/wiki/Foo_(bar)"),
    ("en", "Follow @jane_doe on Instagram", "HANDLE", "@jane_doe"),
    ("en", "The server at 192.168.1.10 logged it", "IP", "192.168.1.10"),
    ("en", "connections from 203.0.113.7, then", "IP", "203.0.113.7"),
    ("en", "set DNS to 1.1.1.1 at home", "IP", "1.1.1.1"),
    ("en", "address 2001:db8::8a2e:370:7334 leaked", "IP", "2001:db8::8a2e:370:7334"),
    ("en", "MAC 00:1A:2B:3C:4D:5E of her laptop", "MAC", "00:1A:2B:3C:4D:5E"),
    ("en", "device a4-5e-60-c2-11-9f seen", "MAC", "a4-5e-60-c2-11-9f"),
    ("en", "Coordinates 40.7128° N, 74.0060° W", "GPS", "40.7128° N, 74.0060° W"),
    ("en", "my iban is gb82west12345698765432", "IBAN", "gb82west12345698765432"),
    ("en", "What is the limit for card 501864667909?", "CARD", "501864667909"),
    ("en", "My driver's license number is F162823540116", "ID_NUMBER", "F162823540116"),
    # numbers libphonenumber rejects, but written as a phone after a phone word
    ("en", "Personal Info:\nPhone:\n467 3395\n", "PHONE", "467 3395"),
    ("en", "Fax: 345-899-3560x4587", "PHONE", "345-899-3560x4587"),
    ("en", "desk +41 (0)96 471 07 95", "PHONE", "+41 (0)96 471 07 95"),
]


@pytest.mark.parametrize(("lang", "text", "type_", "value"), SENTENCES)
def test_realistic_sentences(lang: str, text: str, type_: str, value: str) -> None:
    assert (type_, value) in found(text, lang)


HARD_NEGATIVES = [
    ("en", "It cost $1,250.00 in 2019 and 2020."),
    ("en", "Order #1234567890 shipped on 12/03/2024 at 12:30."),
    ("en", "ISBN 978-3-16-148410-0 and ISBN 0-306-40615-2"),
    ("en", "Meeting from 12:30 to 14:00, room 101."),
    ("en", "Update the app to version 1.2.3.4 before Friday."),
    ("en", "See section 2.1.3.4 of the guide."),
    ("en", "Tracking number 1Z999AA10123456784"),
    ("en", "Population 12345678, growth 3.5%"),
    ("en", "The meeting is on 3 March 2024."),  # a date alone is not a date of birth
    ("en", "She was born in Manila. On 3 March 2019 she was detained."),
    ("en", "contact us @ 5pm, or @everyone in the group"),
    ("en", "ISO-9001 and RFC-2616 and CVE-2021-44228"),
    ("en", "Flight ABC 123 left, the USD 500 fee and MXN 1500 were paid."),
    ("en", "random 16 digits 1234567812345678"),
    ("en", "ping 999.1.1.1 fails"),
    ("en", "The temperature was 30°C at noon."),
    ("en", "The ratio 3.1416, 2.7182 is not a place"),
    ("en", "Exchange rate 1.0850, 1.0875 at noon."),
    ("en", "Amounts: 1.2345, 5.6789, 3.4567, 2.2222"),
    ("en", "It weighed 12.5000, 13.2500 kg on the two scales."),
    ("en", "paid $1.2345, 5.6789 in fees"),
    ("en", "p values 0.0123, 0.0456"),
    ("en", "Upgrade from version 2.1034, 2.1035 is out"),
    ("en", "The sample ids 12.34, 56.78 were lost."),
    ("en", "EU27 GDP fell in the third quarter."),
    ("en", "my car, a Mercedes GLC 300, was towed"),
    ("en", "her car is a 2019 RAV4 and the truck F150 XL"),
    ("en", "Invoice A201555318 is overdue."),
    ("en", "The sample number QQ 12 34 56 C is not anyone's."),
    ("en", "SIN 130 692 545"),  # Luhn digit off by one
    ("fr", "numéro national 84.08.09-425.57"),  # wrong key
    ("fr", "Le colis 489 890 665 est arrivé."),  # a valid SIN shape, but no SIN word
    ("fr", "Rendez-vous le 12-05 à 18 h, salle AB-12."),
    ("es", "Voy sin 489 890 665 pesos."),  # "sin" is "without" in Spanish
    ("es", "Pagamos 3.500, 4.200 y 5.100 pesos; 1500 MXN en total."),
    ("es", "En 2019 fueron detenidas 45 personas; expediente 2019-123456."),
    ("es", "La reunión es el 3 de marzo de 2024 a las 18:00."),
    ("es", "DNI 12345678A no cuadra la letra"),
    ("es", "Nos vemos a las 12:30 en la plaza, calle 13 #45-67."),
    ("pt", "Meu CPF é 123.456.789-00"),  # wrong check digits
    ("pt", "CNPJ 11.222.333/0001-80"),
    ("pt", "Processo nº 0001234-56.2019.8.26.0100"),
    ("pt", "Custou R$ 1.234,56 em 2023"),
    ("fr", "Le 12/03/2024 à 14h30, 1 500 000 euros ont été versés."),
    ("fr", "Version 10.2.3.4567 du logiciel"),
    ("fr", "NIR 2 55 08 14 168 025 39"),  # wrong key
]


@pytest.mark.parametrize(("lang", "text"), HARD_NEGATIVES)
def test_hard_negatives(lang: str, text: str) -> None:
    assert found(text, lang) == []


def test_a_random_eleven_digit_number_is_not_a_cpf() -> None:
    # (It is a valid North American number written with its leading 1, which "número" announces.)
    assert "ID_NUMBER" not in types_found("El número 12345678901 no es un CPF", "es")
    assert "ID_NUMBER" not in types_found("CPF 12345678901", "pt")


def test_phone_shapes_need_a_phone_word() -> None:
    assert found("Phone: 467 3395", "en") == [("PHONE", "467 3395")]
    assert found("We counted 467 3395 votes", "en") == []
    assert found("CLABE 032180000118359710", "es") == []  # check digit off by one


def test_reference_numbers_are_not_phones() -> None:
    assert found("Factura 55 1234 5678; llame al 55 8765 4321", "es") == [("PHONE", "55 8765 4321")]
    assert found("Order #2125550123 shipped", "en") == []
    assert found("número de expediente 2345678901", "es") == []
    assert found("the case worker's phone 2125550123", "en") == [("PHONE", "2125550123")]


def test_card_needs_luhn_and_an_issuer_range() -> None:
    assert types_found("card 4111 1111 1111 1112", "en") == set()
    # Luhn-valid but in no issuer range: a card only where a card word announces it
    assert "CARD" not in types_found("reference 1234 5678 1234 5670", "en")
    (span,) = find_structured("card 1234 5678 1234 5670", "en")
    assert span.type == "CARD" and span.score < 0.95


def test_iban_needs_its_country_length() -> None:
    assert types_found("IBAN GB82 WEST 1234 5698 7654 33", "en") == set()
    text = "IBAN DE89370400440532013000 and DE89370400440532013000"
    assert [value for _, value in found(text, "en")] == ["DE89370400440532013000"] * 2


def test_numbers_without_check_digits_need_their_word() -> None:
    assert found("El 12.345.678 es el total de votos", "es") == []
    assert found("passport X1234567", "en") == [("ID_NUMBER", "X1234567")]
    assert "ID_NUMBER" not in types_found("reference X1234567", "en")
    # A Portuguese NIF has a check digit, but nine digits are also a phone number.
    assert ("ID_NUMBER", "123456789") not in found("Ligue 123456789", "pt")


def test_unformatted_cpf_without_its_word_only_in_portuguese() -> None:
    assert ("ID_NUMBER", "11144477735") in found("o número 11144477735", "pt")
    assert "ID_NUMBER" not in types_found("the number 11144477735", "en")


def test_context_words_raise_confidence() -> None:
    (plain,) = find_structured("ABC-123-D", "es")
    (announced,) = find_structured("placa ABC-123-D", "es")
    assert announced.score > plain.score
    (phone,) = find_structured("55 1234 5678", "es")
    (phone_with_word,) = find_structured("llámame al 55 1234 5678", "es")
    assert phone_with_word.score > phone.score


def test_validated_ids_score_high() -> None:
    for text, lang in [
        ("CPF 123.456.789-09", "pt"),
        ("CURP HEGG560427MVZRRL04", "es"),
        ("IBAN GB82WEST12345698765432", "en"),
        ("4111 1111 1111 1111", "en"),
    ]:
        (span,) = find_structured(text, lang)
        assert span.score >= 0.95


def test_local_formats_follow_the_language() -> None:
    # "ABC-1234" is a Brazilian plate in a Portuguese text, a code elsewhere.
    assert types_found("a Kombi ABC-1234", "pt") == {"PLATE"}
    assert types_found("the form ABC-1234", "en") == set()
    # Secondary regions (Chile here) are tried next to a phone word only.
    assert found("llama al 9 8765 4321", "es") == [("PHONE", "9 8765 4321")]


def test_international_numbers_found_in_any_language() -> None:
    for lang in ("en", "es", "pt", "fr", "auto"):
        assert found("+81 3-1234-5678", lang) == [("PHONE", "+81 3-1234-5678")]


def test_language_tags() -> None:
    text = "Meu CPF é 123.456.789-09"
    assert found(text, "pt-BR") == found(text, "pt") == found(text, "auto")
    assert found(text, "PT_br") == found(text, "pt")


def test_email_is_not_a_handle_nor_a_url() -> None:
    assert found("mail ana@example.org now", "en") == [("EMAIL", "ana@example.org")]
    assert found("https://mastodon.social/@ana", "en") == [("URL", "https://mastodon.social/@ana")]


def test_overlaps_keep_the_most_certain() -> None:
    spans = [
        Span(0, 10, "PHONE", "pii", 0.8, "phone"),
        Span(0, 14, "ID_NUMBER", "pii", 0.97, "cpf"),
        Span(20, 25, "URL", "pii", 0.9, "url"),
        Span(22, 24, "HANDLE", "pii", 0.9, "handle"),
        Span(30, 35, "EMAIL", "pii", 0.5, "email"),
    ]
    assert [span.source for span in resolve_overlaps(spans)] == ["cpf", "url", "email"]


def test_types_are_declared() -> None:
    assert set(STRUCTURED_TYPES) <= set(PII_TYPES)


# -- properties -------------------------------------------------------------------------

_PIECES = [
    "55 1234 5678",
    "+33 6 12 34 56 78",
    "123.456.789-09",
    "4111 1111 1111 1111",
    "ana@example.org",
    "@ana",
    "https://example.org/a(b)",
    "192.168.0.1",
    "2001:db8::1:2:3",
    "00:1a:2b:3c:4d:5e",
    "19.4326, -99.1332",
    "19°25'42\"N 99°07'59\"W",
    "born 3 March 1990",
    "DNI 12.345.678",
    "placa ABC-123-D",
    "GB82 WEST 1234 5698 7654 32",
    "HEGG560427MVZRRL04",
    "(11) 91234-5678",
    "née le 1er mars 1990",
    "passport X1234567",
]
_NOISE = st.text(
    alphabet=string.ascii_letters + string.digits + " .,;:-/()[]@+#°'\"\n\t\u00a0éãçñ",
    max_size=40,
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(st.sampled_from(_PIECES), _NOISE), max_size=12),
    st.sampled_from(["en", "es", "pt", "fr", "auto"]),
)
def test_spans_are_within_text_stripped_and_disjoint(parts: list[str], lang: str) -> None:
    text = " ".join(parts)
    spans = find_structured(text, lang)
    previous_end = 0
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        value = text[span.start : span.end]
        assert value and value == value.strip()
        assert value[0] not in ".,;:!?" and value[-1] not in ".,;:!?"
        assert span.start >= previous_end
        previous_end = span.end
        assert span.category == "pii"
        assert span.type in STRUCTURED_TYPES
        assert 0 < span.score <= 1


@given(st.text(alphabet=string.digits, min_size=9, max_size=9).filter(lambda s: len(set(s)) > 1))
def test_any_valid_cpf_in_a_sentence_is_found(base: str) -> None:
    number = cpf_digits(base)
    formatted = f"{number[:3]}.{number[3:6]}.{number[6:9]}-{number[9:]}"
    text = f"O CPF dela é {formatted}, confirmado."
    assert ("ID_NUMBER", formatted) in found(text, "pt")
    broken = formatted[:-1] + other_digit(formatted[-1])
    assert ("ID_NUMBER", broken) not in found(f"O CPF dela é {broken}, confirmado.", "pt")


@given(st.integers(min_value=0, max_value=99_999_999))
def test_any_valid_dni_in_a_sentence_is_found(number: int) -> None:
    dni = dni_es(number)
    assert ("ID_NUMBER", dni) in found(f"Con DNI {dni} se presentó.", "es")


# -- the phone leniency, measured --------------------------------------------------------

PHONE_POSITIVES = [  # how people write numbers: (lang, sentence, number)
    ("es", "Me pueden llamar al 55 1234 5678", "55 1234 5678"),
    ("es", "Mi celular: 55-1234-5678", "55-1234-5678"),
    ("es", "Escribe al WhatsApp +52 1 55 1234 5678", "+52 1 55 1234 5678"),
    ("es", "Teléfono 612 34 56 78", "612 34 56 78"),
    ("es", "llámame al 612345678", "612345678"),
    ("es", "Su número es 11 4321-5678 en Buenos Aires", "11 4321-5678"),
    ("es", "tel 300 123 4567", "300 123 4567"),
    ("es", "Llamar a Ana al 310 555 1234", "310 555 1234"),
    ("es", "móvil 0412-1234567", "0412-1234567"),
    ("es", "+58 412 1234567", "+58 412 1234567"),
    ("es", "(213) 555-0123 es el número de la abogada", "(213) 555-0123"),
    ("es", "Contacto en Guatemala: 5512 3456", "5512 3456"),
    ("es", "Chile: +56 9 8765 4321", "+56 9 8765 4321"),
    ("es", "el teléfono de la casa es 91 123 45 67", "91 123 45 67"),
    ("pt", "Telefone (11) 91234-5678", "(11) 91234-5678"),
    ("pt", "liga para 11 91234 5678", "11 91234 5678"),
    ("pt", "meu zap 21 98765-4321", "21 98765-4321"),
    ("pt", "telemóvel 912 345 678", "912 345 678"),
    ("pt", "ligue +351 21 123 4567", "+351 21 123 4567"),
    ("pt", "fixo (21) 3456-7890", "(21) 3456-7890"),
    ("fr", "Mon numéro: 06 12 34 56 78", "06 12 34 56 78"),
    ("fr", "appelez le 01.23.45.67.89", "01.23.45.67.89"),
    ("fr", "Tél : +33 6 12 34 56 78", "+33 6 12 34 56 78"),
    ("fr", "joindre au 0612345678", "0612345678"),
    ("fr", "Bruxelles +32 470 12 34 56", "+32 470 12 34 56"),
    ("fr", "Montréal 514-555-0199", "514-555-0199"),
    ("en", "Call me at (212) 555-0123", "(212) 555-0123"),
    ("en", "my cell is 415.555.0132", "415.555.0132"),
    ("en", "UK mobile 07700 900123", "07700 900123"),
    ("en", "phone +44 20 7946 0958", "+44 20 7946 0958"),
    ("en", "text 646-555-0147 for details", "646-555-0147"),
    ("en", "The hotline 020 7946 0018 is open", "020 7946 0018"),
    ("es", "celular 3001234567", "3001234567"),
    ("es", "llama al 55 12 34 56 78", "55 12 34 56 78"),
    ("es", "oficina (55) 1234-5678", "(55) 1234-5678"),
    ("es", "número 0412 123 45 67", "0412 123 45 67"),
    ("es", "celu 011 15-4321-5678", "011 15-4321-5678"),
    ("es", "móvil 612 345 678", "612 345 678"),
    ("pt", "celular (11) 9 1234-5678", "(11) 9 1234-5678"),
    ("pt", "tel 11 9 8765 4321", "11 9 8765 4321"),
    ("pt", "telemóvel 91 234 56 78", "91 234 56 78"),
    ("fr", "portable 06-12-34-56-78", "06-12-34-56-78"),
    ("fr", "numéro 6 12 34 56 78", "6 12 34 56 78"),
    ("en", "call 212 555 0123", "212 555 0123"),
    ("en", "call 2125550123", "2125550123"),
    ("es", "Pueden escribirme al 998 123 4567 en Cancún", "998 123 4567"),
    ("pt", "Contato: 85 99876-5432", "85 99876-5432"),
]
PHONE_NEGATIVES = [  # digit runs that are not phone numbers
    ("pt", "Meu CPF é 123.456.789-09"),
    ("pt", "CNPJ 11.222.333/0001-81"),
    ("en", "Order 1234567890 shipped"),
    ("en", "ISBN 978-3-16-148410-0"),
    ("en", "The price was $1,234,567.89 in 2019"),
    ("es", "Pagamos 3.500.000 pesos en 2019 y 2020"),
    ("en", "Meeting 12:30-14:00 on 2024-03-12"),
    ("en", "Version 10.2.3.4567 released"),
    ("fr", "Le 12/03/2024 à 14h30, 1 500 000 euros"),
    ("en", "Tracking number 1Z999AA10123456784"),
    ("es", "Expediente 2019-123456-01"),
    ("en", "card 4111 1111 1111 1111"),
    ("en", "IP 192.168.100.200"),
    ("pt", "Processo nº 0001234-56.2019.8.26.0100"),
    ("es", "coordenadas 19.4326, -99.1332"),
    ("en", "population of 12345678 people"),
    ("fr", "NIR 2 55 08 14 168 025 38"),
    ("es", "DNI 12345678Z"),
    ("en", "between 1990 and 2020, 45% of 1200000 people"),
    ("es", "Factura 00012345678"),
]


def _phone_scores() -> tuple[float, float]:
    true_positives = false_positives = 0
    for lang, text, number in PHONE_POSITIVES:
        phones = [text[s.start : s.end] for s in find_structured(text, lang) if s.type == "PHONE"]
        true_positives += number in phones
        false_positives += sum(1 for value in phones if value != number)
    for lang, text in PHONE_NEGATIVES:
        false_positives += sum(1 for s in find_structured(text, lang) if s.type == "PHONE")
    precision = true_positives / max(1, true_positives + false_positives)
    return precision, true_positives / len(PHONE_POSITIVES)


def test_phone_leniency_is_the_measured_best(monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = phone.LENIENCY
    scores = {}
    for leniency in (
        phonenumbers.Leniency.POSSIBLE,
        phonenumbers.Leniency.VALID,
        phonenumbers.Leniency.STRICT_GROUPING,
        phonenumbers.Leniency.EXACT_GROUPING,
    ):
        monkeypatch.setattr(phone, "LENIENCY", leniency)
        phone._matches.cache_clear()
        precision, recall = _phone_scores()
        scores[leniency] = 2 * precision * recall / (precision + recall)
    phone._matches.cache_clear()
    assert max(scores, key=lambda leniency: scores[leniency]) == chosen == phonenumbers.Leniency.VALID
    assert scores[phonenumbers.Leniency.VALID] > 0.97


# -- size (speed is measured in benchmarks/, never asserted here) ------------------------------


def test_100_kb_of_mixed_text_is_processed_whole() -> None:
    paragraph = (
        "La asamblea se reunió el martes para organizar la defensa del territorio. "
        "Me pueden llamar al 55 1234 5678 o escribir a coordinacion@example.org. "
        "Meu CPF é 123.456.789-09 e meu telefone (11) 91234-5678. "
        "En 2019 fueron detenidas 45 personas; el expediente 2019-123456 sigue abierto. "
        "Costó 1.500 pesos, unos 3.500 en total, y el pedido 20231234 llegó a las 12:30. "
        "Follow @redsolidaria and read https://example.org/informe-2024/ for the report. "
        "Nous avons rencontré les familles du quartier, née le 1er mars 1990. "
    )
    text = (paragraph * (100_000 // len(paragraph) + 1))[:100_000]
    spans = find_structured(text, "auto")
    assert len(spans) > 1000
    assert all(0 <= s.start < s.end <= len(text) for s in spans)
    assert spans[-1].start > 90_000  # the end of the text was searched too


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        # words about messages and answering announce a phone number too
        ("en", "Text messages to 612 447 903 bounce.", "612 447 903"),
        ("en", "Nobody is answering at 71-48-22-09 today.", "71-48-22-09"),
        ("fr", "Ils ne répondent pas au 0612 44 79 03", "0612 44 79 03"),
        ("es", "mándale mensajes al 0412 7781203", "0412 7781203"),
        ("pt", "mensagens para o 21 3445 0921", "21 3445 0921"),
        # a group of digits as long as the number, after a phone word or with a "+"
        ("en", "mobile: 88 413276", "88 413276"),
        ("en", "Fax 4153390217 (office)", "4153390217"),
    ],
)
def test_phone_shapes_after_message_words_and_long_groups(lang: str, text: str, value: str) -> None:
    assert found(text, lang) == [("PHONE", value)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The message was read by 1,250,000 people"),
        ("en", "Message 2 of 3, sent 2019-04-12"),
        ("en", "messages about order #48213377"),
        ("en", "The message cost 12 500 dollars"),
        ("es", "el mensaje del expediente 2019-123456"),
        ("fr", "Message reçu le 12.03.2024"),
    ],
)
def test_message_words_do_not_make_other_numbers_phones(lang: str, text: str) -> None:
    assert "PHONE" not in [type_ for type_, _ in found(text, lang)]
