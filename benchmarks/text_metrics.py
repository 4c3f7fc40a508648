"""Pure scoring for the text benchmark (benchmarks/text.py): no Presidio, no ../shared.

Vocabulary:

- a *gold* span is a labelled piece of a text, with a resguardo type; ``counted`` is False for
  spans the benchmark does not score (types a dataset labels that resguardo does not report,
  like ORGANIZATION or DATE_TIME, and public figures in our own set): a finding on them is
  neither right nor a false positive, it is reported apart;
- a *finding* is what a detector said, with its type already mapped to resguardo's
  vocabulary (a type outside it, like Presidio's DATE_TIME, is kept as it is and scored apart).

A gold span is *found* when a finding of a compatible type overlaps it; a finding is *correct*
when it overlaps a counted gold span of a compatible type. *Exact* variants ask for the same
offsets (after trimming white space at both ends of each). A gold span *leaks* when its exact
text still appears, as a whole word, in the redacted output.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from resguardo.scrub.text.base import PII_TYPES, SENSITIVE_TYPES

KNOWN_TYPES = frozenset(PII_TYPES + SENSITIVE_TYPES)

#: Types that name the same kind of thing at a different grain: an address and the place in
#: it; a profile written as a handle, a URL or an address-shaped fediverse handle; the numbers
#: of documents and accounts. Every other type is compatible only with itself.
COMPATIBLE_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"ADDRESS", "LOCATION", "GPS"}),
    frozenset({"HANDLE", "URL", "EMAIL"}),
    frozenset({"ID_NUMBER", "CARD", "IBAN"}),
)


def category(kind: str) -> str:
    """ "pii", "sensitive", or "other" for a type outside resguardo's vocabulary."""
    if kind in SENSITIVE_TYPES:
        return "sensitive"
    if kind in PII_TYPES:
        return "pii"
    return "other"


def compatible(gold_type: str, found_type: str) -> bool:
    if gold_type == found_type:
        return True
    return any(gold_type in group and found_type in group for group in COMPATIBLE_GROUPS)


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    type: str
    counted: bool = True
    #: the dataset's own label, for the report (e.g. "STREET_ADDRESS", "LEGAL_PROFESSIONAL")
    source_label: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    start: int
    end: int
    type: str
    score: float = 1.0


@dataclass(frozen=True, slots=True)
class Doc:
    id: str
    lang: str
    text: str
    gold: tuple[Gold, ...]
    genre: str = ""


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The offsets without white space at either end (unchanged when all is white space)."""
    s, e = start, end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if s < e else (start, end)


# --------------------------------------------------------------------------- BIO files


def bio_to_docs(
    content: str,
    *,
    lang: str,
    label_map: dict[str, str],
    doc_starts: Iterable[str] = (),
    name: str = "",
) -> list[Doc]:
    """Texts and spans from a token-per-line BIO file ("token TAG", blank line between sentences).

    Tokens of a sentence are joined as the text was written (see ``_space_before``), sentences by a
    newline. A sentence whose
    first token is in ``doc_starts`` begins a new document. Tags in ``label_map`` become
    counted spans of the mapped type; every other tag becomes an uncounted span keeping its
    label. A line that is not exactly two fields raises ValueError.
    """
    starts = frozenset(doc_starts)
    sentences: list[list[tuple[str, str]]] = [[]]
    for number, line in enumerate(content.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        if not line.strip():
            if sentences[-1]:
                sentences.append([])
            continue
        parts = line.split(" ")
        if len(parts) != 2 or not parts[0]:
            raise ValueError(f"{name}:{number}: expected 'token TAG', got {line!r}")
        sentences[-1].append((parts[0], parts[1]))
    if not sentences[-1]:
        sentences.pop()

    groups: list[list[list[tuple[str, str]]]] = []
    for sentence in sentences:
        if not groups or sentence[0][0] in starts:
            groups.append([])
        groups[-1].append(sentence)

    docs = []
    for index, group in enumerate(groups):
        text, gold = _bio_group(group, label_map)
        docs.append(Doc(id=f"{name}#{index}", lang=lang, text=text, gold=tuple(gold)))
    return docs


_NO_SPACE_BEFORE = frozenset({",", ".", ")", "]", "%"})
_NO_SPACE_AFTER = frozenset({"(", "["})
_APOSTROPHES = frozenset({"'", "\u2019"})


def _space_before(sentence: list[tuple[str, str]], index: int) -> bool:
    """Whether the text as written had a space before token ``index``.

    The judgments' files keep only tokens, and a reader (or a pasted text) never sees "Sr . R .
    Ryssdal", "Royaume - Uni", "l ' Etat" or "no 19380 / 92": no space before a comma, full stop or
    closing bracket, none after an opening one; a hyphen joins two words when the next one is
    capitalised (a compound name or initials, "C.-H."; "palabra - véase" stays a dash); an apostrophe joins the letters
    on its sides; a slash joins two numbers.
    """
    word = sentence[index][0]
    previous = sentence[index - 1][0]
    following = sentence[index + 1][0] if index + 1 < len(sentence) else ""
    before = sentence[index - 2][0] if index >= 2 else ""
    if word in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER:
        return False
    if word == "-" and (previous[-1:].isalpha() or previous == ".") and following[:1].isupper():
        return False
    if previous == "-" and (before[-1:].isalpha() or before == ".") and word[:1].isupper():
        return False
    if word in _APOSTROPHES and previous[-1:].isalpha() and following[:1].isalpha():
        return False
    if previous in _APOSTROPHES and before[-1:].isalpha() and word[:1].isalpha():
        return False
    if word == "/" and previous[-1:].isdigit() and following[:1].isdigit():
        return False
    return not (previous == "/" and before[-1:].isdigit() and word[:1].isdigit())


def _bio_group(sentences: list[list[tuple[str, str]]], label_map: dict[str, str]) -> tuple[str, list[Gold]]:
    pieces: list[str] = []
    gold: list[Gold] = []
    position = 0
    open_label: str | None = None
    open_start = 0
    open_end = 0

    def close() -> None:
        nonlocal open_label
        if open_label is not None:
            mapped = label_map.get(open_label)
            gold.append(
                Gold(
                    open_start,
                    open_end,
                    mapped or open_label,
                    counted=mapped is not None,
                    source_label=open_label,
                )
            )
        open_label = None

    for s_index, sentence in enumerate(sentences):
        if s_index:
            pieces.append("\n")
            position += 1
        for t_index, (token, tag) in enumerate(sentence):
            if t_index and _space_before(sentence, t_index):
                pieces.append(" ")
                position += 1
            start, end = position, position + len(token)
            pieces.append(token)
            position = end
            prefix, _, label = tag.partition("-")
            if prefix == "B" or (prefix == "I" and label != open_label):
                close()
                open_label, open_start, open_end = label, start, end
            elif prefix == "I":
                open_end = end
            else:
                close()
        close()  # a span never runs across sentences
    return "".join(pieces), gold


# --------------------------------------------------------------------------- scoring


@dataclass
class Counts:
    """Tallies for one (system, dataset, language, type) cell, or a total."""

    gold: int = 0
    found: int = 0
    found_exact: int = 0
    findings: int = 0
    correct: int = 0
    correct_exact: int = 0
    #: findings overlapping only uncounted gold (excluded types, public figures)
    on_excluded: int = 0
    #: findings overlapping counted gold of an incompatible type (these are also false positives)
    wrong_type: int = 0
    #: findings that overlap no gold span where the dataset does not label their type fully
    unlabelled: int = 0
    leaked: int = 0
    uncovered: int = 0

    def add(self, other: Counts) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def scored_findings(self) -> int:
        return self.findings - self.on_excluded - self.unlabelled

    @property
    def recall(self) -> float | None:
        return self.found / self.gold if self.gold else None

    @property
    def recall_exact(self) -> float | None:
        return self.found_exact / self.gold if self.gold else None

    @property
    def precision(self) -> float | None:
        return self.correct / self.scored_findings if self.scored_findings else None

    @property
    def precision_exact(self) -> float | None:
        return self.correct_exact / self.scored_findings if self.scored_findings else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None or p + r == 0:
            return None
        return 2 * p * r / (p + r)

    @property
    def no_leak(self) -> float | None:
        """Share of gold spans whose text does not survive verbatim in the redacted output."""
        return 1 - self.leaked / self.gold if self.gold else None

    @property
    def fully_covered(self) -> float | None:
        return 1 - self.uncovered / self.gold if self.gold else None


@dataclass
class DocScore:
    by_type: dict[str, Counts] = field(default_factory=dict)
    #: (finding type, dataset label of the uncounted gold it overlaps) -> count
    excluded_hits: dict[tuple[str, str], int] = field(default_factory=dict)

    def cell(self, kind: str) -> Counts:
        return self.by_type.setdefault(kind, Counts())


def score_doc(
    doc: Doc,
    findings: Sequence[Finding],
    redacted: str | None = None,
    *,
    labelled: frozenset[str] = KNOWN_TYPES,
) -> DocScore:
    """Score one document. ``labelled``: the types the dataset labels exhaustively; a finding of
    another type that overlaps no gold span is "unlabelled", not a false positive. ``redacted``:
    the text after redaction, for the leak count (skipped when None)."""
    result = DocScore()
    text = doc.text
    counted = [g for g in doc.gold if g.counted]
    uncounted = [g for g in doc.gold if not g.counted]
    trimmed_findings = [trimmed(text, f.start, f.end) for f in findings]

    for g in counted:
        cell = result.cell(g.type)
        cell.gold += 1
        g_span = trimmed(text, g.start, g.end)
        hits = [
            i
            for i, f in enumerate(findings)
            if compatible(g.type, f.type) and overlaps(g.start, g.end, f.start, f.end)
        ]
        if hits:
            cell.found += 1
        if any(trimmed_findings[i] == g_span for i in hits):
            cell.found_exact += 1
        if redacted is not None and leaks(text[g_span[0] : g_span[1]], redacted):
            cell.leaked += 1
        if not covered(text, g.start, g.end, findings):
            cell.uncovered += 1

    for i, f in enumerate(findings):
        cell = result.cell(f.type)
        cell.findings += 1
        touching = [g for g in counted if overlaps(g.start, g.end, f.start, f.end)]
        right = [g for g in touching if compatible(g.type, f.type)]
        if right:
            cell.correct += 1
            if any(trimmed(text, g.start, g.end) == trimmed_findings[i] for g in right):
                cell.correct_exact += 1
            continue
        if touching:
            cell.wrong_type += 1
            continue
        excluded = [g for g in uncounted if overlaps(g.start, g.end, f.start, f.end)]
        if excluded:
            cell.on_excluded += 1
            key = (f.type, excluded[0].source_label or excluded[0].type)
            result.excluded_hits[key] = result.excluded_hits.get(key, 0) + 1
            continue
        if f.type not in labelled:
            cell.unlabelled += 1
    return result


def covered(text: str, start: int, end: int, findings: Sequence[Finding]) -> bool:
    """Whether every letter and digit of text[start:end] lies inside some finding."""
    inside = [False] * (end - start)
    for f in findings:
        for position in range(max(f.start, start), min(f.end, end)):
            inside[position - start] = True
    return all(inside[i] or not text[start + i].isalnum() for i in range(end - start))


def leaks(value: str, redacted: str) -> bool:
    """Whether ``value`` appears in ``redacted`` as a whole (not inside a longer word or number)."""
    if not value.strip():
        return False
    left = r"(?<![^\W_])" if value[0].isalnum() else ""
    right = r"(?![^\W_])" if value[-1].isalnum() else ""
    return re.search(left + re.escape(value) + right, redacted) is not None


def label_redact(text: str, findings: Iterable[Finding]) -> str:
    """Replace each finding with "[TYPE]" (findings must not overlap; later ones that do are skipped)."""
    out: list[str] = []
    position = 0
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if f.start < position:
            continue
        out.append(text[position : f.start])
        out.append(f"[{f.type}]")
        position = f.end
    out.append(text[position:])
    return "".join(out)


def resolve_overlaps(findings: Iterable[Finding]) -> list[Finding]:
    """Keep the highest-scoring of overlapping findings (then the longer, then the first), as
    Presidio's anonymizer does before it replaces anything; sorted by start."""
    kept: list[Finding] = []
    for f in sorted(findings, key=lambda f: (-f.score, f.start - f.end, f.start, f.type)):
        if not any(overlaps(f.start, f.end, k.start, k.end) for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: (f.start, f.end))


def total(cells: Iterable[tuple[str, Counts]], *, kinds: str) -> Counts:
    """Sum of the cells whose type is of category ``kinds`` ("pii", "sensitive" or "other")."""
    result = Counts()
    for kind, counts in cells:
        if category(kind) == kinds:
            result.add(counts)
    return result


def merge(scores: Iterable[DocScore]) -> DocScore:
    result = DocScore()
    for score in scores:
        for kind, counts in score.by_type.items():
            result.cell(kind).add(counts)
        for key, count in score.excluded_hits.items():
            result.excluded_hits[key] = result.excluded_hits.get(key, 0) + count
    return result


def iter_jsonl_docs(records: Iterable[dict[str, object]], *, name: str) -> Iterator[Doc]:
    """Docs from our labelled set's records ({"id","lang","genre","text","spans":[...]}).

    A span marked ``"public": true`` (a public figure, an organisation) is not counted; a span
    whose type is not one of resguardo's raises ValueError, so a typo in the set cannot
    silently lower a score.
    """
    for number, record in enumerate(records, 1):
        text = record["text"]
        spans = record.get("spans", [])
        if not isinstance(text, str) or not isinstance(spans, list):
            raise ValueError(f"{name}:{number}: 'text' must be a string and 'spans' a list")
        gold = []
        for span in spans:
            start, end, kind = int(span["start"]), int(span["end"]), str(span["type"])
            if kind not in KNOWN_TYPES:
                raise ValueError(f"{name}:{number}: unknown type {kind!r}")
            if not 0 <= start < end <= len(text):
                raise ValueError(f"{name}:{number}: span {start}-{end} outside the text")
            public = bool(span.get("public", False))
            gold.append(Gold(start, end, kind, counted=not public, source_label="public" if public else kind))
        yield Doc(
            id=str(record.get("id", f"{name}#{number}")),
            lang=str(record["lang"]),
            text=text,
            gold=tuple(gold),
            genre=str(record.get("genre", "")),
        )
