"""Structured personal information: numbers and addresses with a shape, found by rules.

``find_structured(text, lang)`` returns non-overlapping spans of category "pii", sorted
by position, of the types PHONE, EMAIL, IP, MAC, ID_NUMBER, CARD, IBAN, PLATE, GPS,
HANDLE, URL and DATE_OF_BIRTH. ``lang`` is the language of the text (en, es, pt, fr; a
regional tag like "pt-BR" is read as its language; anything else, "auto" included, means
"any of the four"): it picks the phone regions tried and the context words looked for.

Scores say how sure a rule is, not how sensitive the information is:

    0.95-0.99  check digits agree (CPF, CNPJ, CURP, RFC, DNI/NIE, NIR, NIF, RIF, RUT,
               Belgian national number, IBAN, CLABE, CBU, card Luhn + issuer range,
               Canadian SIN after its word), or an unambiguous shape (email, fediverse
               handle, .onion address, GPS with a hemisphere or a location word), or a
               format together with the word that names it ("placa ABC-123-D", "NI HE 83
               14 12 B")
    0.85-0.9   a valid phone number, a URL, an IP address, a handle, a date of birth, a
               number with no check digit announced by its document word (DNI, cédula,
               passport), a Luhn-valid card number after a card word, a distinctive plate,
               a spaced UK National Insurance number, a bare decimal GPS pair with five or
               more decimals or a minus sign
    0.65-0.8   shapes that also occur as other codes: national-format phone numbers
               without a phone word, phone-shaped runs libphonenumber rejects (after a
               phone word, or with a "+"), plates of local formats or after a vehicle word
               ("her car, KLW-4821"), UK "LK19 XRM" and Belgian "1-KTR-482" plates, a
               dashed SSN without its word, an "A-" number without its word, an
               unformatted CPF/CNPJ without its word in a Portuguese text, a bare decimal
               GPS pair with four decimals and no sign ("48.8566, 2.3522")

Where two findings overlap, the one with the higher score is kept (then the longer one).
A number whose check digits fail is not reported at all, whatever its shape.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator

from resguardo.scrub.text.base import Span
from resguardo.scrub.text.recognizers._common import normalise_lang
from resguardo.scrub.text.recognizers.dob import find_dates_of_birth
from resguardo.scrub.text.recognizers.finance import find_bank_accounts, find_cards, find_ibans
from resguardo.scrub.text.recognizers.gps import find_coordinates
from resguardo.scrub.text.recognizers.ids import find_id_numbers
from resguardo.scrub.text.recognizers.network import find_emails, find_handles, find_ips, find_macs, find_urls
from resguardo.scrub.text.recognizers.phone import find_phones
from resguardo.scrub.text.recognizers.plates import find_plates

__all__ = ["STRUCTURED_TYPES", "find_structured", "resolve_overlaps"]

#: The PII types this module can report (the others, PERSON, ADDRESS and LOCATION, need a model).
STRUCTURED_TYPES: tuple[str, ...] = (
    "PHONE",
    "EMAIL",
    "IP",
    "MAC",
    "ID_NUMBER",
    "CARD",
    "IBAN",
    "PLATE",
    "GPS",
    "HANDLE",
    "URL",
    "DATE_OF_BIRTH",
)

_Finder = Callable[[str, str], Iterator[Span]]
_FINDERS: tuple[_Finder, ...] = (
    find_emails,
    find_urls,
    find_handles,
    find_ips,
    find_macs,
    find_ibans,
    find_bank_accounts,
    find_cards,
    find_id_numbers,
    find_coordinates,
    find_dates_of_birth,
    find_plates,
    find_phones,
)


def resolve_overlaps(spans: Iterable[Span]) -> list[Span]:
    """Keep the most certain of overlapping spans (then the longest, then the first); sorted by start."""
    ranked = sorted(spans, key=lambda span: (-span.score, span.start - span.end, span.start, span.type))
    starts: list[int] = []
    kept: list[Span] = []
    for span in ranked:
        index = bisect.bisect_left(starts, span.start)
        if index > 0 and kept[index - 1].end > span.start:
            continue
        if index < len(kept) and kept[index].start < span.end:
            continue
        starts.insert(index, span.start)
        kept.insert(index, span)
    return kept


def find_structured(text: str, lang: str) -> list[Span]:
    """Every structured PII finding in ``text``, as non-overlapping "pii" spans sorted by start."""
    language = normalise_lang(lang)
    return resolve_overlaps(span for finder in _FINDERS for span in finder(text, language))
