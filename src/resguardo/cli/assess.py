"""``resguardo assess``: a security plan from profiles and (optionally) an answers file."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path
from typing import Any

import yaml

from resguardo.catalogue import load
from resguardo.cli.output import emit
from resguardo.errors import InputError, NotFoundError, UsageError
from resguardo.i18n import gettext_noop, translate
from resguardo.risk import answers_from_dict, build_plan
from resguardo.risk.export import MAX_IMPORT_BYTES, plan_to_dict

FORMATS = ("json", "md", "pdf")


def register(sub: Any, language: str) -> None:
    def _(s: str) -> str:
        return translate(s, language)

    p = sub.add_parser("assess", help=_("Build a security plan from a profile and your answers."))
    p.add_argument(
        "--profile", action="append", default=[], metavar="ID", help=_("A profile id (repeat for several).")
    )
    p.add_argument("--answers", type=Path, metavar=_("FILE"), help=_("A YAML or JSON answers file."))
    p.add_argument("--format", choices=FORMATS, default="md", help=_("Output format."))
    p.add_argument("--out", type=Path, metavar=_("FILE"), help=_("Write to this file instead of the screen."))
    p.add_argument("--date", metavar="YYYY-MM-DD", help=_("The date the plan is made on (default: today)."))
    p.set_defaults(run=run)


def read_answers_file(path: Path) -> Any:
    try:
        with path.open("rb") as handle:
            blob = handle.read(MAX_IMPORT_BYTES + 1)
    except FileNotFoundError as exc:
        raise NotFoundError(
            gettext_noop("File not found: %(path)s."), code="input.file_not_found", params={"path": str(path)}
        ) from exc
    except OSError as exc:
        raise InputError(
            gettext_noop("The file %(path)s cannot be read."),
            code="input.unreadable",
            params={"path": str(path)},
        ) from exc
    if len(blob) > MAX_IMPORT_BYTES:
        raise InputError(
            gettext_noop("The file is too large (more than %(max)s bytes)."),
            code="input.too_large",
            params={"max": MAX_IMPORT_BYTES},
        )
    try:
        text = blob.decode("utf-8-sig")
        data = yaml.safe_load(text)  # JSON is YAML too
    except (UnicodeDecodeError, yaml.YAMLError, RecursionError) as exc:
        raise InputError(
            gettext_noop("The answers file is not valid YAML or JSON."), code="input.malformed"
        ) from exc
    if isinstance(data, dict) and data.get("format") == "resguardo.assessment":
        data = data.get("answers")  # an exported assessment works as an answers file
    return {} if data is None else data


def run(args: argparse.Namespace, language: str) -> int:
    catalogue = load(language)
    raw = read_answers_file(args.answers) if args.answers else {}
    if not isinstance(raw, dict):
        raise InputError(gettext_noop("The answers file must hold a mapping."), code="input.wrong_type")
    raw = dict(raw)
    raw["profiles"] = list(dict.fromkeys([*args.profile, *(raw.get("profiles") or [])]))
    if not raw["profiles"]:
        raise UsageError(
            gettext_noop("Give at least one --profile (see 'resguardo catalogue list profiles')."),
            code="usage.no_profile",
        )
    answers = answers_from_dict(raw, catalogue)
    today = dt.date.today()  # noqa: DTZ011 - the plan is dated in the person's own local day
    if args.date:
        try:
            today = dt.date.fromisoformat(args.date)
        except ValueError as exc:
            raise UsageError(
                gettext_noop("%(where)s must be a date (YYYY-MM-DD)."),
                code="usage.bad_date",
                params={"where": "--date"},
            ) from exc
    plan = build_plan(catalogue, answers, today)
    if args.format == "json":
        data = (json.dumps(plan_to_dict(plan, catalogue), ensure_ascii=False, indent=2) + "\n").encode(
            "utf-8"
        )
    elif args.format == "md":
        from resguardo.risk.document import plan_markdown

        data = plan_markdown(plan, catalogue).encode("utf-8")
    else:
        if args.out is None:
            raise UsageError(gettext_noop("PDF output needs --out FILE."), code="usage.pdf_needs_out")
        from resguardo.risk.document import plan_pdf

        data = plan_pdf(plan, catalogue)
    emit(data, args.out)
    return 0
