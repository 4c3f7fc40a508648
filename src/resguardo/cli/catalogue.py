"""``resguardo catalogue``: what the shipped catalogue holds."""

from __future__ import annotations

import argparse
import json
from typing import Any

from resguardo.catalogue import load
from resguardo.catalogue.checks import check_catalogue, translation_status
from resguardo.catalogue.files import KINDS
from resguardo.cli.output import emit
from resguardo.i18n import translate

LISTABLE = ("profiles", "assets", "adversaries", "threats", "mitigations", "contexts", "support", "identity")


def register(sub: Any, language: str) -> None:
    def _(s: str) -> str:
        return translate(s, language)

    cat = sub.add_parser("catalogue", help=_("Show what the catalogue holds."))
    cat_sub = cat.add_subparsers(dest="catalogue_command", metavar=_("ACTION"), parser_class=type(cat))
    cat_sub.required = True
    stats = cat_sub.add_parser("stats", help=_("Count the items of each kind and the languages."))
    stats.add_argument("--format", choices=("json", "text"), default="text", help=_("Output format."))
    stats.set_defaults(run=run_stats)
    lst = cat_sub.add_parser("list", help=_("List the items of one kind."))
    lst.add_argument(
        "kind",
        choices=LISTABLE,
        metavar="KIND",
        help=_("One of: %(kinds)s.") % {"kinds": ", ".join(LISTABLE)},
    )
    lst.add_argument("--format", choices=("json", "text"), default="text", help=_("Output format."))
    lst.set_defaults(run=run_list)
    check = cat_sub.add_parser("check", help=_("Validate the catalogue and its translations."))
    check.set_defaults(run=run_check)


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def run_stats(args: argparse.Namespace, language: str) -> int:
    catalogue = load(language)
    counts = {
        kind: len(getattr(catalogue, kind))
        for kind in ("profiles", "assets", "adversaries", "threats", "mitigations")
    }
    languages = translation_status()
    if args.format == "json":
        emit(_json({**counts, "languages": languages}), None)
        return 0
    lines = [f"{kind}: {n}" for kind, n in counts.items()]
    for code, state in languages.items():
        done = translate("complete", language) if state["complete"] else translate("incomplete", language)
        lines.append(f"{code}: {done}")
    emit(("\n".join(lines) + "\n").encode("utf-8"), None)
    return 0


def run_list(args: argparse.Namespace, language: str) -> int:
    catalogue = load(language)
    items = [{"id": item.id, "name": item.name} for item in getattr(catalogue, args.kind).values()]
    if args.format == "json":
        emit(_json(items), None)
    else:
        emit("".join(f"{i['id']}\t{i['name']}\n" for i in items).encode("utf-8"), None)
    return 0


def run_check(args: argparse.Namespace, language: str) -> int:
    problems = check_catalogue()
    lines = [str(p) for p in problems]
    summary = translate("%(count)s problem(s) in %(kinds)s kinds.", language) % {
        "count": len(problems),
        "kinds": len(KINDS),
    }
    emit(("\n".join([*lines, summary]) + "\n").encode("utf-8"), None)
    return 1 if problems else 0
