"""ID_NUMBER: national identity numbers, tax ids and passports.

Numbers with check digits (CPF, CNPJ, CURP, RFC, Spanish DNI/NIE, French NIR, Portuguese
NIF, Venezuelan RIF, Belgian national number, Canadian SIN) count only when the digits
agree; those without (Argentine DNI, Colombian and Venezuelan cédula, Brazilian RG, Central
American DNI/DUI/DPI, driving licences, passports) count only next to a word that names the
document, except the Venezuelan V-/E- prefix, which names it itself. Chilean RUTs have a
check character and count too. A UK National Insurance number has no check digit but a
shape of its own (prefix letters, six digits, suffix A-D); a US A-number written with its
"A-" counts without a word. Of the check-digit numbers, those that are only nine digits
(NIF, SIN) or have no distinctive punctuation need their word: nine digits are also a
phone number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from resguardo.scrub.text.base import Span
from resguardo.scrub.text.recognizers import checksums
from resguardo.scrub.text.recognizers._common import make_span
from resguardo.scrub.text.recognizers.context import (
    A_NUMBER_WORDS,
    BE_NATIONAL_NUMBER_WORDS,
    ID_WORDS,
    NIF_PT_WORDS,
    NINO_WORDS,
    PASSPORT_WORDS,
    REFERENCE_WORDS,
    SIN_WORDS,
    SSN_WORDS,
    TAX_ID_WORDS,
)

__all__ = ["find_id_numbers"]

TYPE = "ID_NUMBER"
# A number starts where no word, dot, dash or slash touches it and ends before another
# word character, dash, slash or a decimal tail ("1.5", "3,2").
_B = r"(?<![\w.\-/])"
_E = r"(?![\w\-/]|[.,]\d)"

_CPF = re.compile(_B + r"(\d{3})(\.?)(\d{3})\2(\d{3})([-.]?)(\d{2})" + _E)
_CNPJ = re.compile(_B + r"([0-9A-Z]{2})(\.?)([0-9A-Z]{3})\2([0-9A-Z]{3})(/?)([0-9A-Z]{4})(-?)(\d{2})" + _E)
_MX_STATES = (
    "AS|BC|BS|CC|CL|CM|CS|CH|DF|DG|GT|GR|HG|JC|MC|MN|MS|NT|NL|OC|PL|QT|QR|SP|SL|SR|TC|TS|TL|VZ|YN|ZS|NE"
)
_CURP = re.compile(
    _B + rf"[A-Z][AEIOUX][A-Z]{{2}}\d{{6}}[HMX](?:{_MX_STATES})[B-DF-HJ-NP-TV-Z]{{3}}[A-Z\d]\d(?!\w)"
)
_RFC = re.compile(_B + r"([A-ZÑ&]{3,4})[- ]?(\d{6})[- ]?([A-Z\d]{2}[\dA])(?!\w)")
_SSN = re.compile(_B + r"(\d{3})([- ])(\d{2})\2(\d{4})" + _E)
_NINE_DIGITS = re.compile(_B + r"(\d{3})( ?)(\d{3})\2(\d{3})" + _E)
_ES_DNI = re.compile(_B + r"(\d{2}\.?\d{3}\.?\d{3})(?:[- ]?([A-Z])|([a-z]))(?!\w)")
_ES_NIE = re.compile(_B + r"([XYZxyz])[- ]?(\d{7})[- ]?([A-Z])(?!\w)")
_FR_NIR = re.compile(_B + r"([1-478]) ?(\d{2}) ?(\d{2}) ?(\d{2}|2[ABab]) ?(\d{3}) ?(\d{3}) ?(\d{2})" + _E)
_VE_CEDULA = re.compile(_B + r"([VvEe])[- ]?(\d{1,2}\.?\d{3}\.?\d{3})(?![\w\-/]|[.,]\d)")
_CL_RUT = re.compile(_B + r"(\d{1,2})(\.?)(\d{3})\2(\d{3})-([\dkK])(?!\w)")
_VE_RIF = re.compile(_B + r"([VEJPGvejpg])-?(\d{8})-?(\d)(?!\w)")
# Numbers without check digits, announced by a document word: 1.234.567, 79.456.123,
# 1020304050, D1234567, 2270-66-1551, the Brazilian RG 12.345.678-9, the Honduran DNI
# 0801-1990-12345, the Salvadoran DUI 01234567-8 and the Guatemalan DPI 1234 56789 0101.
_CONTEXT_ID = re.compile(
    _B
    + r"(?:\d{1,3}(?:\.\d{3}){2,3}|\d{6,10}|[A-Z]{1,3}\d{5,14}|\d{1,2}\.\d{3}\.\d{3}-[\dXx]|\d{3,4}-\d{2,4}-\d{3,5}"
    r"|\d{8}-\d|\d{4} ?\d{5} ?\d{4})"
    r"(?![\w\-/]|[.,]\d)"
)
_PASSPORT_TOKEN = re.compile(r"(?<![\w\-])(?=(?:[A-Z]*\d){3})[A-Z0-9]{6,9}(?![\w\-])")
_A_NUMBER_TOKEN = re.compile(
    r"(?<![\w\-])A?[- ]?(?:\d{3}[- ]?\d{3}[- ]?\d{3}|\d{2}[- ]?\d{3}[- ]?\d{3})(?![\w\-])"
)
# Written with its "A-" (or as "A" and nine digits), an A-number names itself: "A-201-555-318".
_A_NUMBER_ALONE = re.compile(
    r"(?<![\w\-./#])A(?:-\d{3}-?\d{3}-?\d{3}|-\d{2}-?\d{3}-?\d{3}|\d{3}-\d{3}-\d{3}|\d{9})(?![\w\-/]|[.,]\d)"
)
# Belgian national number, yy.mm.dd-nnn.cc as printed on the identity card, or run together.
_BE_NN = re.compile(_B + r"(\d{2})([. ]?)(\d{2})\2(\d{2})([- ]?)(\d{3})([. ]?)(\d{2})" + _E)
_NINO = re.compile(r"(?<![\w\-/])([A-Z]{2}) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-D])(?![\w\-/])")
_SIN = re.compile(_B + r"(\d{3})([- ]?)(\d{3})\2(\d{3})" + _E)
# A context word stops applying at the end of its sentence.
_SENTENCE_BREAK = re.compile(r"[!?;\n]|\.\s")


def _digits(value: str) -> str:
    return "".join(char for char in value if char.isalnum()).upper()


def _announced(words_before: re.Match[str] | None, text: str, start: int) -> bool:
    return words_before is not None and not _SENTENCE_BREAK.search(text, words_before.end(), start)


def _cpf(text: str, lang: str) -> Iterator[Span | None]:
    for match in _CPF.finditer(text):
        if not checksums.cpf_valid(_digits(match.group())):
            continue
        score = _brazilian_score(text, match, lang)
        if score is not None:
            yield make_span(text, match.start(), match.end(), TYPE, score, "cpf")


def _brazilian_score(text: str, match: re.Match[str], lang: str) -> float | None:
    """CPF and CNPJ alike: formatted, or named by a tax-id word, or bare in a Portuguese text."""
    formatted = bool(match.group(2)) and bool(match.group(5))
    context = TAX_ID_WORDS.near(text, match.start(), match.end(), lang)
    if formatted:
        return 0.99 if context else 0.97
    if context:
        return 0.97
    return 0.7 if lang in ("pt", "*") else None


def _cnpj(text: str, lang: str) -> Iterator[Span | None]:
    for match in _CNPJ.finditer(text):
        value = _digits(match.group())
        formatted = bool(match.group(2)) and bool(match.group(5))
        if not value.isdigit() and not formatted:
            continue
        if not checksums.cnpj_valid(value):
            continue
        score = _brazilian_score(text, match, lang)
        if score is not None:
            yield make_span(text, match.start(), match.end(), TYPE, score, "cnpj")


def _mexico(text: str, lang: str) -> Iterator[Span | None]:
    for match in _CURP.finditer(text):
        if checksums.curp_valid(match.group()):
            yield make_span(text, match.start(), match.end(), TYPE, 0.98, "curp")
    for match in _RFC.finditer(text):
        if checksums.rfc_valid(_digits(match.group())):
            score = 0.98 if TAX_ID_WORDS.near(text, match.start(), match.end(), lang) else 0.95
            yield make_span(text, match.start(), match.end(), TYPE, score, "rfc")


def _united_states(text: str, lang: str) -> Iterator[Span | None]:
    for match in _SSN.finditer(text):
        digits = match.group(1) + match.group(3) + match.group(4)
        source = "ssn" if checksums.ssn_valid(digits) else "itin" if checksums.itin_valid(digits) else ""
        if not source:
            continue
        if SSN_WORDS.near(text, match.start(), match.end(), lang):
            score = 0.95
        elif match.group(2) == "-":
            score = 0.75
        else:
            continue
        yield make_span(text, match.start(), match.end(), TYPE, score, source)
    for match in _NINE_DIGITS.finditer(text):
        if match.group(2):
            continue  # "123 456 789" is more often a phone number; only the dashed form is an SSN
        digits = match.group().replace(" ", "")
        if (checksums.ssn_valid(digits) or checksums.itin_valid(digits)) and _announced(
            SSN_WORDS.before(text, match.start(), lang), text, match.start()
        ):
            yield make_span(text, match.start(), match.end(), TYPE, 0.9, "ssn")


def _spain(text: str, lang: str) -> Iterator[Span | None]:
    for match in _ES_DNI.finditer(text):
        letter = match.group(2) or match.group(3).upper()
        if checksums.spanish_dni_valid(match.group(1).replace(".", "") + letter):
            score = 0.99 if TAX_ID_WORDS.near(text, match.start(), match.end(), lang) else 0.97
            yield make_span(text, match.start(), match.end(), TYPE, score, "dni_es")
    for match in _ES_NIE.finditer(text):
        if checksums.nie_valid(match.group(1).upper() + match.group(2) + match.group(3)):
            yield make_span(text, match.start(), match.end(), TYPE, 0.97, "nie_es")


def _france(text: str, lang: str) -> Iterator[Span | None]:
    for match in _FR_NIR.finditer(text):
        if checksums.nir_valid(_digits(match.group())):
            score = 0.99 if TAX_ID_WORDS.near(text, match.start(), match.end(), lang) else 0.97
            yield make_span(text, match.start(), match.end(), TYPE, score, "nir_fr")


def _portugal(text: str, lang: str) -> Iterator[Span | None]:
    # Nine digits are also a Portuguese phone number: a NIF needs its word.
    for match in _NINE_DIGITS.finditer(text):
        if checksums.nif_pt_valid(match.group().replace(" ", "")) and _announced(
            NIF_PT_WORDS.before(text, match.start(), lang), text, match.start()
        ):
            yield make_span(text, match.start(), match.end(), TYPE, 0.97, "nif_pt")


def _venezuela(text: str, lang: str) -> Iterator[Span | None]:
    for match in _VE_RIF.finditer(text):
        if checksums.rif_valid(match.group(1).upper() + match.group(2) + match.group(3)):
            yield make_span(text, match.start(), match.end(), TYPE, 0.97, "rif_ve")
    for match in _VE_CEDULA.finditer(text):
        if match.group(1).islower() and not ID_WORDS.near(text, match.start(), match.end(), lang):
            continue
        score = 0.95 if ID_WORDS.near(text, match.start(), match.end(), lang) else 0.9
        yield make_span(text, match.start(), match.end(), TYPE, score, "cedula_ve")


def _chile(text: str, lang: str) -> Iterator[Span | None]:
    for match in _CL_RUT.finditer(text):
        if not checksums.rut_valid(match.group(1) + match.group(3) + match.group(4) + match.group(5)):
            continue
        context = _announced(TAX_ID_WORDS.before(text, match.start(), lang), text, match.start())
        # The same shape as a Brazilian RG: without its word, only in a Spanish text.
        if context or lang in ("es", "*"):
            yield make_span(text, match.start(), match.end(), TYPE, 0.97 if context else 0.85, "rut_cl")


def _belgium(text: str, lang: str) -> Iterator[Span | None]:
    for match in _BE_NN.finditer(text):
        if not checksums.be_national_number_valid(_digits(match.group())):
            continue
        word = _announced(BE_NATIONAL_NUMBER_WORDS.before(text, match.start(), lang), text, match.start())
        # The card prints "84.08.09-425.58"; other groupings could be a phone or an account number.
        printed = match.group(2) == "." and match.group(5) == "-" and match.group(7) == "."
        if word or printed:
            yield make_span(text, match.start(), match.end(), TYPE, 0.99 if word else 0.97, "nn_be")


def _united_kingdom(text: str, lang: str) -> Iterator[Span | None]:
    for match in _NINO.finditer(text):
        if not checksums.nino_valid(_digits(match.group())):
            continue
        word = _announced(NINO_WORDS.before(text, match.start(), lang), text, match.start())
        spaced = " " in match.group()
        if word:
            score = 0.95
        elif spaced:
            score = 0.85  # "HE 83 14 12 B": prefix rules, pairs of digits and the suffix
        elif lang in ("en", "*"):
            score = 0.7
        else:
            continue
        yield make_span(text, match.start(), match.end(), TYPE, score, "nino")


def _canada(text: str, lang: str) -> Iterator[Span | None]:
    # Nine digits with a Luhn digit are one number in ten: the SIN needs its word.
    for match in _SIN.finditer(text):
        if checksums.sin_valid(_digits(match.group())) and _announced(
            SIN_WORDS.before(text, match.start(), lang, window=32), text, match.start()
        ):
            yield make_span(text, match.start(), match.end(), TYPE, 0.95, "sin_ca")


def _a_numbers(text: str, lang: str) -> Iterator[Span | None]:
    for match in _A_NUMBER_ALONE.finditer(text):
        if _announced(REFERENCE_WORDS.before(text, match.start(), lang, window=16), text, match.start()):
            continue  # "invoice A123456789"
        score = 0.8 if "-" in match.group() else 0.7
        yield make_span(text, match.start(), match.end(), TYPE, score, "a_number")


def _announced_ids(text: str, lang: str) -> Iterator[Span | None]:
    for match in _CONTEXT_ID.finditer(text):
        if _announced(ID_WORDS.before(text, match.start(), lang), text, match.start()):
            yield make_span(text, match.start(), match.end(), TYPE, 0.85, "national_id")


def _after_words(text: str, words: re.Pattern[str], token: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """The first token that follows each context word within the same sentence."""
    for word in words.finditer(text):
        limit = min(len(text), word.end() + 32)
        stop = _SENTENCE_BREAK.search(text, word.end(), limit)
        found = token.search(text, word.end(), stop.start() if stop else limit)
        if found:
            yield found


def _passports(text: str, lang: str) -> Iterator[Span | None]:
    for match in _after_words(text, PASSPORT_WORDS.pattern(lang), _PASSPORT_TOKEN):
        yield make_span(text, match.start(), match.end(), TYPE, 0.85, "passport")
    for match in _after_words(text, A_NUMBER_WORDS.pattern(lang), _A_NUMBER_TOKEN):
        yield make_span(text, match.start(), match.end(), TYPE, 0.9, "a_number")


def find_id_numbers(text: str, lang: str) -> Iterator[Span]:
    """Every identity, tax or passport number in ``text``; ``lang`` is already normalised."""
    for finder in (
        _cpf,
        _cnpj,
        _mexico,
        _united_states,
        _spain,
        _france,
        _portugal,
        _venezuela,
        _chile,
        _belgium,
        _united_kingdom,
        _canada,
        _a_numbers,
        _announced_ids,
        _passports,
    ):
        for span in finder(text, lang):
            if span is not None:
                yield span
