"""``resguardo scrub`` and ``resguardo inspect``: publish files safely."""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import queue
import sys
import threading
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
    console = Console(file=sys.stderr)
    with contextlib.ExitStack() as stack:
        bar = stack.enter_context(
            Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=console,
                transient=True,
                disable=not console.is_terminal,
            )
        )
        task = bar.add_task(_label("Cleaning", language), total=len(inputs))
        frames = None
        if console.is_terminal and args.faces and any(p.suffix.lower() in VIDEO_SUFFIXES for p, _ in inputs):
            frames = _frame_bars(stack, bar)
        options = Options(
            faces=args.faces, mask_style=_style(args.mask_style), drop_audio=args.drop_audio, progress=frames
        )
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


#: Inputs that may be long videos: each gets a bar of its own, in frames, with its time left.
VIDEO_SUFFIXES = frozenset({".mp4", ".mov", ".m4v", ".mkv", ".webm", ".3gp"})


class FrameProgress:
    """The progress callback handed to the scrubber: it may run in a worker process of the
    batch, so it only puts (file, frames done, frames in all) on a queue shared through a
    manager; a thread here turns those into bars."""

    def __init__(self, channel: Any) -> None:
        self.channel = channel

    def __call__(self, path: Path, done: int, total: int) -> None:
        self.channel.put((str(path), done, total))


def _frame_bars(stack: contextlib.ExitStack, bar: Progress) -> FrameProgress:
    manager = stack.enter_context(multiprocessing.Manager())
    channel = manager.Queue()
    shown = threading.Thread(target=show_frames, args=(channel, bar), daemon=True)
    shown.start()

    def stop() -> None:
        channel.put(None)
        shown.join(timeout=5)

    stack.callback(stop)  # runs before the manager shuts down
    return FrameProgress(channel)


def show_frames(channel: Any, bar: Progress) -> None:
    """Draw one bar per video from the queue's messages until a None arrives."""
    tasks: dict[str, Any] = {}
    while True:
        try:
            message = channel.get()
        except (EOFError, OSError, queue.Empty):
            return
        if message is None:
            return
        path, done, total = message
        if path not in tasks:
            tasks[path] = bar.add_task("  " + Path(path).name, total=total)
        bar.update(tasks[path], completed=done, total=total)
        if done >= total:
            bar.remove_task(tasks.pop(path))


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
