"""``resguardo serve``: migrate, load the catalogue, start the web app."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from resguardo.i18n import translate


def register(sub: Any, language: str) -> None:
    def _(s: str) -> str:
        return translate(s, language)

    p = sub.add_parser("serve", help=_("Start the web app (production server)."))
    p.add_argument("--host", default="127.0.0.1", help=_("Address to listen on (default 127.0.0.1)."))
    p.add_argument("--port", type=int, default=8000, help=_("Port to listen on (default 8000)."))
    p.add_argument("--workers", type=int, default=2, help=_("Worker processes (default 2)."))
    p.set_defaults(run=run)


def run(args: argparse.Namespace, language: str) -> int:
    from resguardo.web import server  # lazy: only this command needs Django

    info = server.prepare()

    def _(s: str) -> str:
        return translate(s, language)

    sys.stdout.write(_("Catalogue loaded: %(threats)s threats, %(mitigations)s mitigations.") % info + "\n")
    url = f"http://{'[' + args.host + ']' if ':' in args.host else args.host}:{args.port}/"
    sys.stdout.write(_("resguardo is running at %(url)s (press Ctrl+C to stop)") % {"url": url} + "\n")
    sys.stdout.flush()
    server.run(args.host, args.port, args.workers)
    return 0
