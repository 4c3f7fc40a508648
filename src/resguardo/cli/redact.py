"""``resguardo redact``: find personal and sensitive information in a text and redact it."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

from resguardo.cli.output import emit
from resguardo.errors import InputError, UsageError
from resguardo.i18n import gettext_noop, translate
from resguardo.scrub.text import (
    LANGUAGES,
    OPERATORS,
    PII_TYPES,
    SENSITIVE_TYPES,
    Category,
    Span,
    analyze,
    check_findings,
    redact,
    resolve_language,
)

__all__ = ["MAX_BYTES", "read_text", "register"]

#: The largest text ``redact`` reads (bytes); anything larger is refused before it is read whole.
MAX_BYTES = 64 * 1024 * 1024


def register(sub: Any, language: str) -> None:
    def _(s: str) -> str:
        return translate(s, language)

    p = sub.add_parser(
        "redact",
        help=_("Find and redact personal and sensitive information in a text before you publish it."),
    )
    p.add_argument(
        "file",
        nargs="?",
        default="-",
        metavar=_("FILE"),
        help=_("A UTF-8 text file, or - for standard input."),
    )
    p.add_argument(
        "--lang",
        choices=(*LANGUAGES, "auto"),
        default="auto",
        help=_("The language the text is written in (default: detect it)."),
    )
    p.add_argument("--format", choices=("json", "text"), default="text", help=_("Output format."))
    p.add_argument(
        "--operator",
        choices=OPERATORS,
        default="label",
        help=_("How each finding is replaced: a mask, its type, a consistent pseudonym, or kept."),
    )
    p.add_argument(
        "--only",
        choices=("pii", "sensitive"),
        default=None,
        help=_("Look for personal information only, or sensitive information only (default: both)."),
    )
    p.add_argument(
        "--allow",
        action="append",
        default=[],
        metavar=_("TEXT"),
        help=_("A name to keep, such as a public figure or an organisation (repeatable)."),
    )
    p.add_argument(
        "--allow-file", type=Path, metavar=_("FILE"), help=_("A file with one name to keep per line.")
    )
    p.add_argument(
        "--findings",
        type=Path,
        metavar=_("FILE"),
        help=_("Redact these reviewed findings (JSON from --format json) instead of looking again."),
    )
    p.add_argument("--out", type=Path, metavar=_("FILE"), help=_("Write the result to this file."))
    p.set_defaults(run=run_redact)


def _encoding_error(name: str, position: int) -> InputError:
    return InputError(
        gettext_noop(
            "%(file)s is not UTF-8 text (invalid byte at position %(position)s). Save it as UTF-8 and try again."
        ),
        code="redact.invalid_encoding",
        params={"file": name, "position": position},
    )


def read_text(source: str) -> str:
    """The text of ``source`` (a path, or "-" for standard input): UTF-8, BOM dropped, line ends kept."""
    name = "<stdin>" if source == "-" else source
    if source == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        path = Path(source)
        if not path.is_file():
            raise UsageError(
                gettext_noop("File not found: %(path)s."),
                code="input.file_not_found",
                params={"path": source},
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(
            gettext_noop("%(file)s is larger than %(limit)s MB; split it into smaller files."),
            code="redact.too_large",
            params={"file": name, "limit": MAX_BYTES // (1024 * 1024)},
        )
    if b"\x00" in data:
        raise _encoding_error(name, data.index(b"\x00"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _encoding_error(name, exc.start) from exc


def _reviewed(path: Path, text: str) -> list[Span]:
    """Findings from a JSON file (the output of --format json, perhaps with some removed)."""
    bad = InputError(
        gettext_noop("%(file)s is not a findings file: expected the JSON that --format json writes."),
        code="redact.bad_findings",
        params={"file": str(path)},
    )
    try:
        raw = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise bad from exc
    items = raw.get("findings") if isinstance(raw, dict) else raw
    if not isinstance(items, list):
        raise bad
    spans: list[Span] = []
    for item in items:
        if not (
            isinstance(item, dict)
            and type(item.get("start")) is int
            and type(item.get("end")) is int
            and isinstance(item.get("type"), str)
        ):
            raise bad
        kind = item["type"]
        category: Category = "sensitive" if kind in SENSITIVE_TYPES else "pii"
        if kind not in PII_TYPES and kind not in SENSITIVE_TYPES:
            raise bad
        score = item.get("score", 1.0)
        spans.append(
            Span(
                item["start"],
                item["end"],
                kind,
                category,
                float(score) if isinstance(score, (int, float)) else 1.0,
            )
        )
    return check_findings(text, spans)


def _allowed(args: argparse.Namespace) -> list[str]:
    names = list(args.allow)
    if args.allow_file is not None:
        try:
            names.extend(
                line.strip() for line in args.allow_file.read_text(encoding="utf-8-sig").splitlines()
            )
        except FileNotFoundError as exc:
            raise UsageError(
                gettext_noop("File not found: %(path)s."),
                code="input.file_not_found",
                params={"path": str(args.allow_file)},
            ) from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise _encoding_error(str(args.allow_file), 0) from exc
    return [name for name in names if name]


def run_redact(args: argparse.Namespace, language: str) -> int:
    text = read_text(args.file)
    categories = (args.only,) if args.only else ("pii", "sensitive")
    if args.findings is not None:
        lang = resolve_language(text, args.lang)
        findings = _reviewed(args.findings, text)
    else:
        console = Console(file=sys.stderr)
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TaskProgressColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
            disable=not console.is_terminal or len(text) < 100_000,
        ) as bar:
            task = bar.add_task(translate(gettext_noop("Reading"), language), total=len(text))
            analysis = analyze(
                text,
                args.lang,
                allow=_allowed(args),
                categories=categories,
                progress=lambda done, total: bar.update(task, completed=done),
            )
        lang, findings = analysis.lang, analysis.findings
    result = redact(text, findings, operator=args.operator, lang=lang)
    if args.format == "json":
        document = {
            "lang": lang,
            "findings": [
                {"start": s.start, "end": s.end, "type": s.type, "category": s.category, "score": s.score}
                for s in findings
            ],
            "redacted": result.text,
        }
        data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    else:
        data = result.text.encode("utf-8")
    emit(data, args.out)
    return 0
