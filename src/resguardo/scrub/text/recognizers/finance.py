"""CARD (Luhn and issuer ranges) and IBAN (ISO 13616, mod 97 with each country's length).

Latin American account numbers that are not IBANs are reported as IBAN too, being the
same kind of secret: the Mexican CLABE (18 digits, one check digit: needs a bank word)
and the Argentine CBU/CVU (22 digits, two check digits).

A card number must pass Luhn. With 13-19 digits in a known issuer range it counts
anywhere; with 12-19 digits outside the table it counts only after a card word ("card",
"tarjeta", "cartão", "carte", "cc").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from resguardo.scrub.text.base import Span
from resguardo.scrub.text.recognizers import checksums
from resguardo.scrub.text.recognizers._common import make_span
from resguardo.scrub.text.recognizers.context import BANK_WORDS, CARD_WORDS

__all__ = ["find_bank_accounts", "find_cards", "find_ibans", "issuer_known"]

# Grouped as printed (4-4-4-4[-3], Amex 4-6-5, Diners 4-6-4) or one run of 13-19 digits.
_CARD = re.compile(
    r"(?<![\w.,\-/])"
    r"(?:\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?|\d{4}([ -])\d{6}\2\d{4,5}|\d{12,19})"
    r"(?![\w\-/]|[.,]\d)"
)
# Upper case as printed, or all lower case as some type it; never mixed ("Es12 ...").
_IBAN = re.compile(
    r"(?<![A-Za-z0-9])(?:[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]){11,30}|[a-z]{2}\d{2}(?:[ -]?[a-z0-9]){11,30})"
)


_CLABE = re.compile(r"(?<![\w.,\-/])\d{3}[ -]?\d{3}[ -]?\d{11}[ -]?\d(?![\w\-/]|[.,]\d)")
_CBU = re.compile(r"(?<![\w.,\-/])\d{8}[ -]?\d{14}(?![\w\-/]|[.,]\d)")


def find_bank_accounts(text: str, lang: str) -> Iterator[Span]:
    for match in _CLABE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if checksums.clabe_valid(digits) and BANK_WORDS.near(text, match.start(), match.end(), lang):
            span = make_span(text, match.start(), match.end(), "IBAN", 0.95, "clabe")
            if span is not None:
                yield span
    for match in _CBU.finditer(text):
        if checksums.cbu_valid(re.sub(r"\D", "", match.group())):
            score = 0.97 if BANK_WORDS.near(text, match.start(), match.end(), lang) else 0.9
            span = make_span(text, match.start(), match.end(), "IBAN", score, "cbu")
            if span is not None:
                yield span


def issuer_known(digits: str) -> bool:
    """Whether the number starts with an issuer range (IIN) of a card network and has its length."""
    length = len(digits)
    two, three, four = int(digits[:2]), int(digits[:3]), int(digits[:4])
    if digits[0] == "4":  # Visa, Visa Electron, Elo's 4xxx ranges
        return length in (13, 16, 19)
    if 51 <= two <= 55 or 2221 <= four <= 2720:  # Mastercard
        return length == 16
    if two in (34, 37):  # American Express
        return length == 15
    if 2200 <= four <= 2204:  # Mir
        return 16 <= length <= 19
    if 3528 <= four <= 3589:  # JCB
        return 16 <= length <= 19
    if four in (1800, 2131):  # JCB's older 15-digit ranges
        return length == 15
    if two in (36, 38, 39) or 300 <= three <= 305:  # Diners Club
        return 14 <= length <= 19
    if four == 3841:  # Hipercard
        return length in (16, 19)
    if four == 6011 or 644 <= three <= 649 or two == 65:  # Discover, Elo 65xx, RuPay 65
        return 16 <= length <= 19
    if two in (62, 81, 82):  # UnionPay, RuPay
        return 16 <= length <= 19
    # Maestro, Elo 50xx/636368, Hipercard 606282 and other 6xxx debit ranges
    return (two in (50, 56, 57, 58) or digits[0] == "6") and 13 <= length <= 19


def _card_at(text: str, start: int, end: int, lang: str) -> Span | None:
    digits = text[start:end].replace(" ", "").replace("-", "")
    if not (12 <= len(digits) <= 19 and checksums.luhn_valid(digits)):
        return None
    context = CARD_WORDS.near(text, start, end, lang, before=32, after=0)
    if len(digits) >= 13 and issuer_known(digits):
        score = 0.98 if context else 0.95
    elif context:
        # "my card 501864667909": a Maestro of 12 digits, or a range this table lacks.
        score = 0.9
    else:
        return None
    return make_span(text, start, end, "CARD", score, "card")


def find_cards(text: str, lang: str) -> Iterator[Span]:
    for match in _CARD.finditer(text):
        span = _card_at(text, match.start(), match.end(), lang)
        if span is None and match.group(1):
            # "4111 1111 1111 1111 12/25": the last short group may be the expiry date.
            cut = match.group().rfind(match.group(1))
            if len(match.group()) - cut - 1 < 4:
                span = _card_at(text, match.start(), match.start() + cut, lang)
        if span is not None:
            yield span


def find_ibans(text: str, lang: str) -> Iterator[Span]:
    """IBANs, printed in groups or in one run; the country's length says where one ends."""
    position = 0
    while (match := _IBAN.search(text, position)) is not None:
        position = match.start() + 1
        length = checksums.IBAN_LENGTHS.get(match.group()[:2].upper())
        if length is None:
            continue
        compact: list[str] = []
        end = match.start()
        for index in range(match.start(), match.end()):
            if text[index].isalnum():
                compact.append(text[index])
                if len(compact) == length:
                    end = index + 1
                    break
        if len(compact) != length or (end < len(text) and text[end].isalnum()):
            continue
        if checksums.iban_valid("".join(compact).upper()):
            span = make_span(text, match.start(), end, "IBAN", 0.98, "iban")
            if span is not None:
                position = end
                yield span
