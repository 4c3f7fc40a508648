"""Build the labelled text-redaction set: source/{lang}.txt (inline markup) -> {lang}.jsonl.

    .venv/bin/python benchmarks/text_data/build.py           # rewrite the four JSONL files
    .venv/bin/python benchmarks/text_data/build.py --check   # exit 1 if they are out of date
    .venv/bin/python benchmarks/text_data/build.py --stats   # counts per language and type

Source format (see README.md): documents separated by a line holding only ``---``; the first
line of each document is a header ``# <genre> <REGION>`` (REGION: the ISO country whose phone
numbers are read as national); the rest is the text, spans written ``[[TYPE|text]]``, with an
optional tag ``[[TYPE/tag|text]]``: ``public`` on a PERSON (a public figure), the document
kind on an ID_NUMBER (``curp``, ``cpf``...) and the country on a PLATE (``mx``, ``br``...).

Every structured value is checked here, with rules written for this set and independent of
the recognisers it evaluates: check digits of ID numbers, Luhn for cards, mod 97 for IBANs,
libphonenumber validity for phones (in the document's region), each country's plate format.
A document that fails any check stops the build.
"""

from __future__ import annotations

import argparse
import datetime as dt
import ipaddress
import json
import os
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "source"
LANGS = ("en", "es", "pt", "fr")
GENRES = ("case-note", "message", "report", "event-notes", "quote", "social-post", "email")
PII_TYPES = (
    "PERSON", "ADDRESS", "LOCATION", "PHONE", "EMAIL", "IP", "MAC", "ID_NUMBER", "CARD", "IBAN",
    "PLATE", "GPS", "HANDLE", "URL", "DATE_OF_BIRTH",
)  # fmt: skip
SENSITIVE_TYPES = (
    "ETHNICITY", "RELIGION", "POLITICS", "SEXUAL_ORIENTATION", "GENDER_IDENTITY", "HEALTH",
    "LEGAL_HISTORY", "MIGRATION_STATUS",
)  # fmt: skip
TYPES = PII_TYPES + SENSITIVE_TYPES

_MARK = re.compile(r"\[\[([A-Z_]+)(?:/([a-z0-9_]+))?\|([^\[\]|]+)\]\]")
_HEADER = re.compile(r"# (\S+) ([A-Z]{2})$")


class DataError(ValueError):
    """A source document that breaks a rule of the set."""


# --- check digits -------------------------------------------------------------------------


def _alnum(value: str) -> str:
    return "".join(c for c in value if c.isalnum()).upper()


def _is_date(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def luhn(digits: str) -> bool:
    if not digits.isdigit():
        return False
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def iban_ok(value: str) -> bool:
    compact = _alnum(value)
    lengths = {
        "ES": 24,
        "FR": 27,
        "PT": 25,
        "BE": 16,
        "GB": 22,
        "DE": 22,
        "BR": 29,
        "IT": 27,
        "NL": 18,
        "CH": 21,
    }
    if lengths.get(compact[:2]) != len(compact):
        return False
    moved = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def cpf_ok(value: str) -> bool:
    d = [int(c) for c in value if c.isdigit()]
    if len(d) != 11 or len(set(d)) == 1:
        return False
    for n in (9, 10):
        s = sum(x * w for x, w in zip(d[:n], range(n + 1, 1, -1), strict=True))
        if (s * 10) % 11 % 10 != d[n]:
            return False
    return True


def rg_sp_ok(value: str) -> bool:
    """São Paulo RG: 8 digits and a mod-11 check (weights 2..9; 10 is written X)."""
    compact = _alnum(value)
    if len(compact) != 9 or not compact[:8].isdigit():
        return False
    s = sum(int(c) * w for c, w in zip(compact[:8], range(2, 10), strict=True))
    check = s % 11
    return compact[8] == ("X" if check == 10 else str(check))


_CURP_CHARS = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"
_MX_STATES = {
    "AS",
    "BC",
    "BS",
    "CC",
    "CL",
    "CM",
    "CS",
    "CH",
    "DF",
    "DG",
    "GT",
    "GR",
    "HG",
    "JC",
    "MC",
    "MN",
    "MS",
    "NT",
    "NL",
    "OC",
    "PL",
    "QT",
    "QR",
    "SP",
    "SL",
    "SR",
    "TC",
    "TS",
    "TL",
    "VZ",
    "YN",
    "ZS",
    "NE",
}


def curp_ok(value: str) -> bool:
    if not re.fullmatch(r"[A-Z]{4}\d{6}[HM][A-Z]{2}[A-Z]{3}[A-Z0-9]\d", value):
        return False
    if value[11:13] not in _MX_STATES:
        return False
    century = 2000 if value[16].isalpha() else 1900
    if not _is_date(century + int(value[4:6]), int(value[6:8]), int(value[8:10])):
        return False
    s = sum(_CURP_CHARS.index(c) * (18 - i) for i, c in enumerate(value[:17]))
    return (10 - s % 10) % 10 == int(value[17])


_RFC_CHARS = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ"


def rfc_ok(value: str) -> bool:
    if not re.fullmatch(r"[A-ZÑ&]{4}\d{6}[A-Z0-9]{2}[A-Z0-9]", value):
        return False
    if not _is_date(1900 + int(value[4:6]), int(value[6:8]), int(value[8:10])):
        return False
    s = sum(_RFC_CHARS.index(c) * (13 - i) for i, c in enumerate(value[:12]))
    r = s % 11
    return value[12] == ("0" if r == 0 else "A" if r == 1 else str(11 - r))


def dni_es_ok(value: str) -> bool:
    compact = _alnum(value)
    if compact[:1] in ("X", "Y", "Z"):
        compact = str("XYZ".index(compact[0])) + compact[1:]
    if not re.fullmatch(r"\d{8}[A-Z]", compact):
        return False
    return "TRWAGMYFPDXBNJZSQVHLCKE"[int(compact[:8]) % 23] == compact[8]


def nie_ok(value: str) -> bool:
    return _alnum(value)[:1] in ("X", "Y", "Z") and dni_es_ok(value)


def nir_ok(value: str) -> bool:
    compact = _alnum(value)
    if len(compact) != 15 or compact[0] not in "12":
        return False
    body = compact[:13].replace("2A", "19").replace("2B", "18")
    if not body.isdigit() or not 1 <= int(body[3:5]) <= 12:
        return False
    return 97 - int(body) % 97 == int(compact[13:])


def nif_pt_ok(value: str) -> bool:
    d = _alnum(value)
    if not re.fullmatch(r"[1-35]\d{8}", d):
        return False
    s = sum(int(c) * (9 - i) for i, c in enumerate(d[:8]))
    check = 11 - s % 11
    return (0 if check >= 10 else check) == int(d[8])


def ssn_ok(value: str) -> bool:
    m = re.fullmatch(r"(\d{3})-(\d{2})-(\d{4})", value)
    if not m:
        return False
    area, group, serial = m.groups()
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


def nino_ok(value: str) -> bool:
    """UK National Insurance number: two allowed letters, six digits, A-D."""
    compact = _alnum(value)
    m = re.fullmatch(r"([A-CEGHJ-PR-TW-Z])([A-CEGHJ-NPR-TW-Z])\d{6}[A-D]", compact)
    return bool(m) and compact[:2] not in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ")


def sin_ca_ok(value: str) -> bool:
    d = _alnum(value)
    return len(d) == 9 and d[0] not in "08" and luhn(d)


def nn_be_ok(value: str) -> bool:
    """Belgian national number: yy.mm.dd-nnn.cc, check = 97 - (number mod 97), with a 2 prefix after 2000."""
    d = _alnum(value)
    if len(d) != 11 or not d.isdigit():
        return False
    body, check = int(d[:9]), int(d[9:])
    return check in (97 - body % 97, 97 - int("2" + d[:9]) % 97)


def rif_ok(value: str) -> bool:
    compact = _alnum(value)
    if not re.fullmatch(r"[VEJPG]\d{9}", compact):
        return False
    s = {"V": 4, "E": 8, "J": 12, "P": 16, "G": 20}[compact[0]]
    s += sum(int(c) * w for c, w in zip(compact[1:9], (3, 2, 7, 6, 5, 4, 3, 2), strict=True))
    return "00987654321"[s % 11] == compact[9]


ID_RULES: dict[str, Callable[[str], bool]] = {
    "ssn": ssn_ok,
    "itin": lambda v: bool(re.fullmatch(r"9\d{2}-(5\d|6[0-5]|7\d|8[0-8]|9[0-24-9])-\d{4}", v)),
    "a_number": lambda v: bool(re.fullmatch(r"A[- ]?\d{3}[- ]?\d{3}[- ]?\d{3}|A\d{8,9}", v)),
    "nino": nino_ok,
    "passport": lambda v: bool(re.fullmatch(r"[A-Z0-9]{6,9}", v)),
    "curp": curp_ok,
    "rfc": rfc_ok,
    "dni_ar": lambda v: bool(re.fullmatch(r"\d{1,2}\.\d{3}\.\d{3}|\d{7,8}", v)),
    "cc_co": lambda v: bool(re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,3}|\d{6,10}", v)),
    "ci_ve": lambda v: bool(re.fullmatch(r"[VE]-?\d{1,2}\.?\d{3}\.?\d{3}|\d{1,2}\.\d{3}\.\d{3}", v)),
    "rif_ve": rif_ok,
    "dni_es": lambda v: dni_es_ok(v) and not nie_ok(v),
    "nie_es": nie_ok,
    "cpf": cpf_ok,
    "rg_br": rg_sp_ok,
    "nif_pt": nif_pt_ok,
    "nir": nir_ok,
    "nn_be": nn_be_ok,
    "sin_ca": sin_ca_ok,
}

_CONSONANTS = "BCDFGHJKLMNPRSTVWXYZ"
PLATE_RULES: dict[str, str] = {
    "us": r"[0-9][A-Z]{3}[0-9]{3}|[A-Z]{3}[- ]?[0-9]{4}|[0-9]{3}[- ][A-Z]{3}|[A-Z]{2}[0-9]{5}",
    "gb": r"[A-Z]{2}[0-9]{2} [A-Z]{3}",
    "mx": r"[A-Z]{3}-[0-9]{3}-[A-Z]|[A-Z]{3}-[0-9]{2}-[0-9]{2}|[0-9]{3}-[A-Z]{3}",
    "co": r"[A-Z]{3}[ -]?[0-9]{3}|[A-Z]{3}[ -]?[0-9]{2}[A-Z]",
    "ve": r"[A-Z]{2}[0-9]{3}[A-Z]{2}|[A-Z]{3}[0-9]{2}[A-Z]",
    "ar": r"[A-Z]{2} ?[0-9]{3} ?[A-Z]{2}|[A-Z]{3} ?[0-9]{3}",
    "es": rf"[0-9]{{4}}[ -]?[{_CONSONANTS}]{{3}}",
    "br": r"[A-Z]{3}[0-9][A-Z][0-9]{2}|[A-Z]{3}-[0-9]{4}",
    "pt": r"[A-Z]{2}-[0-9]{2}-[A-Z]{2}|[0-9]{2}-[A-Z]{2}-[0-9]{2}|[0-9]{2}-[0-9]{2}-[A-Z]{2}",
    "fr": r"[A-HJ-NP-TV-Z]{2}-[0-9]{3}-[A-HJ-NP-TV-Z]{2}",
    "be": r"[1-9]-[A-Z]{3}-[0-9]{3}",
    "ca": r"[A-Z][0-9]{2} [A-Z]{3}|[A-Z]{3} [0-9]{3}|[A-Z]{4} [0-9]{3}",
}


def _phone_ok(value: str, region: str) -> bool:
    import phonenumbers  # the [text] extra; imported here so the module loads without it

    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(number))


_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_URL = re.compile(r"(?:https?://)?(?:www\.)?[\w\-]+(?:\.[\w\-]+)+(?:/\S*)?")
_HANDLE = re.compile(r"@[\w.]{2,30}(?:@[\w\-]+(?:\.[\w\-]+)+)?")
_MAC = re.compile(r"[0-9A-Fa-f]{2}(?:([:\-])[0-9A-Fa-f]{2})(?:\1[0-9A-Fa-f]{2}){4}")
_GPS = re.compile(r"[-−]?\d{1,3}[^\n]*[\dNSEWO\"″]")


def check_value(kind: str, tag: str | None, value: str, region: str) -> str | None:
    """Why ``value`` is not a valid ``kind``, or None if it is."""
    if kind == "PERSON":
        return None if tag in (None, "public") else f"unknown PERSON tag {tag!r}"
    if kind == "ID_NUMBER":
        if tag not in ID_RULES:
            return f"ID_NUMBER needs a known kind tag, got {tag!r}"
        return None if ID_RULES[tag](value) else f"invalid {tag}"
    if kind == "PLATE":
        if tag not in PLATE_RULES:
            return f"PLATE needs a known country tag, got {tag!r}"
        return None if re.fullmatch(PLATE_RULES[tag], value) else f"not a {tag} plate"
    if tag is not None:
        return f"{kind} takes no tag"
    if kind == "CARD":
        digits = value.replace(" ", "").replace("-", "")
        return None if 13 <= len(digits) <= 19 and luhn(digits) else "card fails Luhn"
    if kind == "IBAN":
        return None if iban_ok(value) else "IBAN fails mod 97 or length"
    if kind == "PHONE":
        return None if _phone_ok(value, region) else f"phone not valid in {region}"
    if kind == "EMAIL":
        return None if _EMAIL.fullmatch(value) else "not an email"
    if kind == "URL":
        return None if _URL.fullmatch(value) else "not a URL"
    if kind == "HANDLE":
        return None if _HANDLE.fullmatch(value) else "not a handle"
    if kind == "MAC":
        return None if _MAC.fullmatch(value) else "not a MAC"
    if kind == "IP":
        try:
            ipaddress.ip_address(value)
        except ValueError:
            return "not an IP"
        return None
    if kind == "GPS":
        return None if _GPS.fullmatch(value) else "not coordinates"
    return None


# --- parsing ------------------------------------------------------------------------------


@dataclass
class Document:
    id: str
    lang: str
    genre: str
    region: str
    text: str
    spans: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "lang": self.lang,
            "genre": self.genre,
            "region": self.region,
            "text": self.text,
            "spans": self.spans,
        }


def parse_document(lang: str, number: int, block: str) -> Document:
    doc_id = f"{lang}-{number:03d}"
    lines = block.strip("\n").split("\n")
    header = _HEADER.fullmatch(lines[0].strip())
    if header is None or header.group(1) not in GENRES:
        raise DataError(f"{doc_id}: bad header {lines[0]!r}")
    genre, region = header.groups()
    source = "\n".join(line.rstrip() for line in lines[1:]).strip("\n")
    text_parts: list[str] = []
    spans: list[dict[str, Any]] = []
    position = 0
    length = 0
    for match in _MARK.finditer(source):
        before = source[position : match.start()]
        text_parts.append(before)
        length += len(before)
        kind, tag, value = match.groups()
        if kind not in TYPES:
            raise DataError(f"{doc_id}: unknown type {kind}")
        if not value or value != value.strip():
            raise DataError(f"{doc_id}: span {value!r} is empty or has outer whitespace")
        problem = check_value(kind, tag, value, region)
        if problem:
            raise DataError(f"{doc_id}: {kind} {value!r}: {problem}")
        span: dict[str, Any] = {"start": length, "end": length + len(value), "type": kind}
        if tag == "public":
            span["public"] = True
        elif tag is not None:
            span["kind"] = tag
        spans.append(span)
        text_parts.append(value)
        length += len(value)
        position = match.end()
    text_parts.append(source[position:])
    text = "".join(text_parts)
    for leftover in ("[[", "]]"):
        if leftover in text:
            raise DataError(f"{doc_id}: unparsed markup near {text[text.index(leftover) :][:40]!r}")
    if not text.strip():
        raise DataError(f"{doc_id}: empty document")
    for span in spans:
        if text[span["start"] : span["end"]].strip() != text[span["start"] : span["end"]]:
            raise DataError(f"{doc_id}: span offsets broken")
    return Document(doc_id, lang, genre, region, text, spans)


def build_language(lang: str, source_dir: Path = SOURCE) -> list[Document]:
    raw = (source_dir / f"{lang}.txt").read_text(encoding="utf-8")
    blocks = [b for b in re.split(r"^---[ \t]*$", raw, flags=re.MULTILINE) if b.strip()]
    # Lines before the first header are comments about the file.
    blocks = [b for b in blocks if not b.lstrip("\n").startswith("##")]
    return [parse_document(lang, n, block) for n, block in enumerate(blocks, start=1)]


def render_jsonl(documents: list[Document]) -> str:
    return "".join(json.dumps(d.as_json(), ensure_ascii=False) + "\n" for d in documents)


def _write_atomic(path: Path, content: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def stats(documents: list[Document]) -> Counter[str]:
    return Counter(span["type"] for d in documents for span in d.spans)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="fail if a JSONL file is out of date")
    parser.add_argument("--stats", action="store_true", help="print counts per language and type")
    args = parser.parse_args(argv)
    stale = []
    for lang in LANGS:
        try:
            documents = build_language(lang)
        except DataError as error:
            print(f"{lang}: {error}", file=sys.stderr)
            return 1
        content = render_jsonl(documents)
        target = HERE / f"{lang}.jsonl"
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != content:
                stale.append(target.name)
        elif not args.stats:
            _write_atomic(target, content)
        if args.stats:
            counts = stats(documents)
            print(f"{lang}: {len(documents)} documents, {sum(counts.values())} spans")
            print("   " + ", ".join(f"{t} {counts[t]}" for t in TYPES))
    if stale:
        print("out of date: " + ", ".join(stale) + " (run benchmarks/text_data/build.py)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
