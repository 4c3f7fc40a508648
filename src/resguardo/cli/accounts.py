"""``resguardo createowner``: the first account, without a browser."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from resguardo.errors import InputError
from resguardo.i18n import gettext_noop, translate


def register(sub: Any, language: str) -> None:
    def _(s: str) -> str:
        return translate(s, language)

    p = sub.add_parser("createowner", help=_("Create the owner account (password on standard input)."))
    p.add_argument("--username", required=True, help=_("The owner's user name."))
    p.set_defaults(run=run)


def run(args: argparse.Namespace, language: str) -> int:
    from resguardo.web import server  # lazy: only this command needs Django

    line = sys.stdin.readline(4097)
    password = line.rstrip("\r\n")
    if not password:
        raise InputError(gettext_noop("Give the password on standard input."), code="accounts.no_password")
    server.prepare(load_catalogue=False)
    from resguardo.web.accounts.actions import create_owner

    create_owner(args.username, password)
    sys.stdout.write(
        translate("Owner account %(username)s created.", language) % {"username": args.username} + "\n"
    )
    return 0
