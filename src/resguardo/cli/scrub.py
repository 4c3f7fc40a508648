"""``resguardo scrub`` and ``resguardo inspect``: publish files safely."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from resguardo.cli.output import emit, error_line
from resguardo.config import atomic_write
from resguardo.errors import PartialFailure, UsageError
from resguardo.i18n import gettext_noop, render_error, translate
from resguardo.scrub.media import Options, collect_inputs, inspect_file, scrub_many
from resguardo.scrub.media.base import MaskStyle


def register(sub: Any, language: str) -> None:
    def _(s: str) -> str:
        return translate(s, language)

    p = sub.add_parser("scrub", help=_("Remove metadata and mask faces in files before you publish them."))
    p.add_argument("paths", nargs="+", type=Path, metavar=_("PATH"), help=_("Files or folders."))
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "--out", type=Path, metavar=_("DIR"), help=_("Write cleaned copies here (names and folders kept).")
    )
    target.add_argument(
        "--in-place", action="store_true", help=_("Replace each file with its cleaned version.")
    )
    p.add_argument("--report", type=Path, metavar=_("FILE"), help=_("Write a JSON report of every file."))
    p.add_argument(
        "--faces",
        action=argparse.BooleanOptionalAction,
        default=True,
        help=_("Mask every face (default: on)."),
    )
    p.add_argument(
        "--mask-style", choices=("solid", "mosaic"), default="solid", help=_("How faces are masked.")
    )
    p.add_argument(
        "--drop-audio", action="store_true", help=_("Remove the sound from videos (voices identify people).")
    )
    p.add_argument(
        "--workers", type=int, default=None, help=_("Files cleaned at once (default: one per core).")
    )
    p.set_defaults(run=run_scrub)

    i = sub.add_parser("inspect", help=_("List the identifying metadata a file gives away."))
    i.add_argument("paths", nargs="+", type=Path, metavar=_("PATH"), help=_("Files or folders."))
    i.add_argument("--format", choices=("json", "text"), default="text", help=_("Output format."))
    i.set_defaults(run=run_inspect)


def run_scrub(args: argparse.Namespace, language: str) -> int:
    inputs = list(collect_inputs(args.paths))
    missing = [str(p) for p in args.paths if not p.exists()]
    if missing:
        raise UsageError(
            gettext_noop("File not found: %(path)s."),
            code="input.file_not_found",
            params={"path": missing[0]},
        )
    options = Options(faces=args.faces, mask_style=_style(args.mask_style), drop_audio=args.drop_audio)
    console = Console(file=sys.stderr)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as bar:
        task = bar.add_task(_label("Cleaning", language), total=len(inputs))
        reports = scrub_many(
            inputs,
            None if args.in_place else args.out,
            options,
            workers=args.workers,
            progress=lambda _r: bar.advance(task),
        )
    for report in reports:
        if report.error is not None:
            error_line(report.error.code, render_error(report.error, language))
    if args.report:
        blob = json.dumps({"files": [r.as_dict() for r in reports]}, ensure_ascii=False, indent=2).encode(
            "utf-8"
        )
        atomic_write(args.report, blob + b"\n")
    refused = sum(r.status == "refused" for r in reports)
    if refused and refused == len(reports):
        return 2
    if refused:
        return PartialFailure.exit_code
    return 0


def _label(key: str, language: str) -> str:
    def _(s: str) -> str:
        return translate(s, language)

    return {"Cleaning": _("Cleaning"), "nothing identifying found": _("nothing identifying found")}[key]


def _style(value: str) -> MaskStyle:
    return "mosaic" if value == "mosaic" else "solid"


def run_inspect(args: argparse.Namespace, language: str) -> int:
    results: list[dict[str, Any]] = []
    failures = 0
    for path, _rel in collect_inputs(args.paths):
        try:
            kind, findings = inspect_file(path)
        except Exception as exc:
            from resguardo.errors import ResguardoError

            if not isinstance(exc, ResguardoError):
                raise
            failures += 1
            error_line(exc.code, render_error(exc, language))
            results.append({"input": str(path.resolve()), "error_code": exc.code, "findings": []})
            continue
        results.append(
            {
                "input": str(path.resolve()),
                "kind": kind,
                "findings": [{"key": f.key, "value": f.value, "category": f.category} for f in findings],
            }
        )
    if args.format == "json":
        emit((json.dumps({"files": results}, ensure_ascii=False, indent=2) + "\n").encode("utf-8"), None)
    else:
        lines: list[str] = []
        for r in results:
            lines.append(r["input"])
            if "error_code" in r:
                lines.append(f"  error[{r['error_code']}]")
            elif not r["findings"]:
                lines.append("  " + _label("nothing identifying found", language))
            for f in r["findings"]:
                lines.append(f"  {f['category']}\t{f['key']}\t{f['value']}")
        emit(("\n".join(lines) + "\n").encode("utf-8"), None)
    if failures and failures == len(results):
        return 2
    return PartialFailure.exit_code if failures else 0
