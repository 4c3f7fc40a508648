"""Check-digit rules of the identifiers the structured recognisers validate.

Every function takes the compact form (separators removed, upper case) and answers
whether the number is well formed *and* its check digits agree. A number that fails here
is never reported: a random digit string is not a CPF because it has eleven digits.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = [
    "IBAN_LENGTHS",
    "be_national_number_valid",
    "cbu_valid",
    "clabe_valid",
    "cnpj_valid",
    "cpf_valid",
    "curp_valid",
    "iban_valid",
    "itin_valid",
    "luhn_valid",
    "nie_valid",
    "nif_pt_valid",
    "nino_valid",
    "nir_valid",
    "rfc_valid",
    "rif_valid",
    "rut_valid",
    "sin_valid",
    "spanish_dni_valid",
    "ssn_valid",
]

_DIGITS = re.compile(r"\d+")


def luhn_valid(digits: str) -> bool:
    """The Luhn (mod 10) check used by payment cards."""
    if not digits.isdigit() or len(digits) < 2:
        return False
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = ord(char) - 48
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


#: IBAN length per country, from the SWIFT IBAN registry.
IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27,
    "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27,
    "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HN": 28, "HR": 21, "HU": 28,
    "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28,
    "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22,
    "MK": 19, "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23,
    "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24,
    "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28,
    "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}  # fmt: skip


def iban_valid(iban: str) -> bool:
    """ISO 13616: known country, that country's length, and mod 97 == 1."""
    if len(iban) < 5 or not iban.isalnum() or not iban.isascii():
        return False
    if IBAN_LENGTHS.get(iban[:2]) != len(iban) or not iban[2:4].isdigit():
        return False
    rearranged = iban[4:] + iban[:4]
    number = "".join(str(int(char, 36)) for char in rearranged)
    return int(number) % 97 == 1


def _all_same(digits: str) -> bool:
    return len(set(digits)) == 1


def cpf_valid(digits: str) -> bool:
    """Brazilian CPF: 11 digits, two mod-11 check digits; repeated digits are not issued."""
    if len(digits) != 11 or not digits.isdigit() or _all_same(digits):
        return False
    values = [ord(char) - 48 for char in digits]
    for size in (9, 10):
        total = sum(
            value * weight for value, weight in zip(values[:size], range(size + 1, 1, -1), strict=True)
        )
        if (total * 10 % 11) % 10 != values[size]:
            return False
    return True


_CNPJ_WEIGHTS = (6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)


def cnpj_valid(number: str) -> bool:
    """Brazilian CNPJ: 14 characters, two mod-11 check digits.

    The first twelve may be letters (the alphanumeric CNPJ issued from July 2026): each
    character counts as its code point minus 48, which keeps digits as they were.
    """
    if len(number) != 14 or not number.isascii() or not number.isalnum() or not number[12:].isdigit():
        return False
    if _all_same(number) or number != number.upper():
        return False
    values = [ord(char) - 48 for char in number]
    for size in (12, 13):
        weights = _CNPJ_WEIGHTS[13 - size :]
        total = sum(value * weight for value, weight in zip(values[:size], weights, strict=True))
        check = 11 - total % 11
        if (0 if check >= 10 else check) != values[size]:
            return False
    return True


def _date_ok(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


_CURP_ALPHABET = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"


def curp_valid(curp: str) -> bool:
    """Mexican CURP: 18 characters, a real date of birth, and the RENAPO check digit."""
    if len(curp) != 18 or not curp[17].isdigit():
        return False
    yy, mm, dd = curp[4:6], curp[6:8], curp[8:10]
    if not (yy + mm + dd).isdigit():
        return False
    # Position 17 is a digit for people born before 2000 and a letter after.
    century = 1900 if curp[16].isdigit() else 2000
    if not _date_ok(century + int(yy), int(mm), int(dd)):
        return False
    total = 0
    for position, char in enumerate(curp[:17]):
        value = _CURP_ALPHABET.find(char)
        if value < 0:
            return False
        total += value * (18 - position)
    return (10 - total % 10) % 10 == int(curp[17])


_RFC_ALPHABET = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ"


def rfc_valid(rfc: str) -> bool:
    """Mexican RFC with homoclave: 13 characters (people) or 12 (companies), date and check digit."""
    if len(rfc) not in (12, 13):
        return False
    date = rfc[-9:-3]
    if not date.isdigit():
        return False
    yy, mm, dd = int(date[:2]), int(date[2:4]), int(date[4:])
    if not (_date_ok(1900 + yy, mm, dd) or _date_ok(2000 + yy, mm, dd)):
        return False
    padded = rfc.rjust(13)
    total = 0
    for position, char in enumerate(padded[:12]):
        value = _RFC_ALPHABET.find(char)
        if value < 0:
            return False
        total += value * (13 - position)
    remainder = total % 11
    expected = "0" if remainder == 0 else ("A" if remainder == 1 else str(11 - remainder))
    return padded[12] == expected


_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def spanish_dni_valid(dni: str) -> bool:
    """Spanish DNI: 8 digits and the letter for their value mod 23."""
    return len(dni) == 9 and dni[:8].isdigit() and _DNI_LETTERS[int(dni[:8]) % 23] == dni[8]


def nie_valid(nie: str) -> bool:
    """Spanish NIE: X, Y or Z (read as 0, 1, 2), 7 digits and the DNI letter."""
    if len(nie) != 9 or nie[0] not in "XYZ":
        return False
    return spanish_dni_valid(str("XYZ".index(nie[0])) + nie[1:])


def nir_valid(nir: str) -> bool:
    """French NIR (INSEE number): 13 characters and a key of 97 - (number mod 97).

    Corsican departments 2A and 2B count as 19 and 18 in the key.
    """
    if len(nir) != 15 or not nir[13:].isdigit():
        return False
    body = nir[:13]
    if body[5:7] == "2A":
        body = body[:5] + "19" + body[7:]
    elif body[5:7] == "2B":
        body = body[:5] + "18" + body[7:]
    if not body.isdigit() or body[0] not in "123478":
        return False
    month = int(body[3:5])
    if not (1 <= month <= 12 or 20 <= month <= 42 or 50 <= month <= 99):
        return False
    return 97 - int(body) % 97 == int(nir[13:])


def nif_pt_valid(digits: str) -> bool:
    """Portuguese NIF/NIPC: 9 digits, a known first digit and a mod-11 check digit."""
    if len(digits) != 9 or not digits.isdigit() or digits[0] == "0" or digits[:2] in ("40", "41", "42", "43"):
        return False
    total = sum((ord(char) - 48) * (9 - position) for position, char in enumerate(digits[:8]))
    check = 11 - total % 11
    return (0 if check >= 10 else check) == ord(digits[8]) - 48


def ssn_valid(digits: str) -> bool:
    """US SSN: no area 000, 666 or 9xx, no group 00, no serial 0000, not a known advertising number."""
    if len(digits) != 9 or not digits.isdigit():
        return False
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    if area in ("000", "666") or area[0] == "9" or group == "00" or serial == "0000":
        return False
    # Printed on sample cards and in advertising, so common in texts but nobody's.
    return digits not in ("078051120", "219099999", "123456789")


def itin_valid(digits: str) -> bool:
    """US ITIN: area 9xx and a group in 50-65, 70-88, 90-92 or 94-99."""
    if len(digits) != 9 or not digits.isdigit() or digits[0] != "9":
        return False
    group = int(digits[3:5])
    return 50 <= group <= 65 or 70 <= group <= 88 or 90 <= group <= 92 or 94 <= group <= 99


_RIF_TYPES = {"V": 4, "E": 8, "J": 12, "P": 16, "G": 20}
_RIF_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def rif_valid(rif: str) -> bool:
    """Venezuelan RIF: type letter, 8 digits and a mod-11 check digit."""
    if len(rif) != 10 or rif[0] not in _RIF_TYPES or not rif[1:].isdigit():
        return False
    total = _RIF_TYPES[rif[0]] + sum(
        (ord(char) - 48) * weight for char, weight in zip(rif[1:9], _RIF_WEIGHTS, strict=True)
    )
    return "00987654321"[total % 11] == rif[9]


def rut_valid(rut: str) -> bool:
    """Chilean RUT/RUN: up to 8 digits and a mod-11 check character (0-9 or K)."""
    body, check = rut[:-1], rut[-1:].upper()
    if not 7 <= len(body) <= 8 or not body.isdigit() or check not in "0123456789K":
        return False
    total = sum((ord(char) - 48) * (2 + position % 6) for position, char in enumerate(reversed(body)))
    value = 11 - total % 11
    return check == ("0" if value == 11 else "K" if value == 10 else str(value))


def clabe_valid(digits: str) -> bool:
    """Mexican CLABE (interbank account): 18 digits, weights 3-7-1 mod 10."""
    if len(digits) != 18 or not digits.isdigit():
        return False
    weights = (3, 7, 1) * 6
    total = sum((ord(char) - 48) * weight % 10 for char, weight in zip(digits[:17], weights, strict=False))
    return (10 - total % 10) % 10 == ord(digits[17]) - 48


def cbu_valid(digits: str) -> bool:
    """Argentine CBU/CVU: 22 digits in two blocks (bank 8, account 14), each with a check digit."""
    if len(digits) != 22 or not digits.isdigit() or _all_same(digits):
        return False
    blocks = ((digits[:8], (7, 1, 3, 9, 7, 1, 3)), (digits[8:], (3, 9, 7, 1, 3, 9, 7, 1, 3, 9, 7, 1, 3)))
    for block, weights in blocks:
        total = sum((ord(char) - 48) * weight for char, weight in zip(block, weights, strict=False))
        if (10 - total % 10) % 10 != ord(block[-1]) - 48:
            return False
    return True


def be_national_number_valid(digits: str) -> bool:
    """Belgian national register number: yymmdd, a 3-digit serial and a key of 97 - (number mod 97).

    For people born from 2000 on the key is computed with a "2" before the nine digits. The
    month may be 00 (date unknown) or raised by 20 or 40 (bis numbers of foreign residents).
    """
    if len(digits) != 11 or not digits.isdigit():
        return False
    month, day = int(digits[2:4]), int(digits[4:6])
    if month % 20 > 12 or month > 52 or day > 31:
        return False
    key = int(digits[9:])
    return key in (97 - int(digits[:9]) % 97, 97 - int("2" + digits[:9]) % 97)


# Letters never used in the first two positions of a UK National Insurance number, and
# prefixes never issued (administrative or offensive).
_NINO_FIRST_EXCLUDED = frozenset("DFIQUV")
_NINO_SECOND_EXCLUDED = frozenset("DFIOQUV")
_NINO_PREFIXES_EXCLUDED = frozenset(("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"))


def nino_valid(nino: str) -> bool:
    """UK National Insurance number: two letters under the prefix rules, six digits, a suffix A-D."""
    if len(nino) != 9 or not nino.isascii() or not nino[2:8].isdigit() or nino[8] not in "ABCD":
        return False
    first, second = nino[0], nino[1]
    if not (first.isalpha() and first.isupper() and second.isalpha() and second.isupper()):
        return False
    if first in _NINO_FIRST_EXCLUDED or second in _NINO_SECOND_EXCLUDED:
        return False
    return nino[:2] not in _NINO_PREFIXES_EXCLUDED


def sin_valid(digits: str) -> bool:
    """Canadian Social Insurance Number: 9 digits, Luhn; 0 and 8 never start one (8 is a business number)."""
    return len(digits) == 9 and digits.isdigit() and digits[0] not in "08" and luhn_valid(digits)
