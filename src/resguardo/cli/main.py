"""``resguardo``: parse arguments, run one command, turn errors into one line and an exit code.

Exit codes: 0 success; 2 usage error (bad argument, unknown id, bad input); 3 some inputs
refused, the rest done; 1 unexpected error.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from resguardo.cli.output import error_line
from resguardo.errors import ResguardoError, UsageError
from resguardo.i18n import gettext_noop, interface_language, render_error, translate

__all__ = ["main"]

_ARGPARSE_ERRORS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (
        re.compile(r"the following arguments are required: (?P<detail>.+)"),
        "usage.missing_argument",
        gettext_noop("Missing required argument: %(detail)s."),
    ),
    (
        re.compile(r"one of the arguments (?P<detail>.+) is required"),
        "usage.missing_argument",
        gettext_noop("One of these is required: %(detail)s."),
    ),
    (
        re.compile(r"argument (?P<arg>\S+): not allowed with argument (?P<detail>.+)"),
        "usage.conflicting_arguments",
        gettext_noop("%(arg)s cannot be used with %(detail)s."),
    ),
    (
        re.compile(r"unrecognized arguments: (?P<detail>.+)"),
        "usage.unknown_argument",
        gettext_noop("Unknown argument: %(detail)s."),
    ),
    (
        re.compile(r"argument (?P<arg>\S+): invalid choice: (?P<detail>.+?)( \(choose from .*\))?$"),
        "usage.invalid_choice",
        gettext_noop("Invalid value for %(arg)s: %(detail)s."),
    ),
    (
        re.compile(r"argument (?P<arg>\S+): expected one argument"),
        "usage.missing_value",
        gettext_noop("%(arg)s needs a value."),
    ),
    (
        re.compile(r"argument (?P<arg>\S+): invalid (?P<detail>.+)"),
        "usage.invalid_value",
        gettext_noop("Invalid value for %(arg)s: %(detail)s."),
    ),
)


class Parser(argparse.ArgumentParser):
    """argparse that raises a coded, translatable UsageError instead of exiting."""

    def error(self, message: str) -> NoReturn:
        for pattern, code, text in _ARGPARSE_ERRORS:
            match = pattern.search(message)
            if match:
                params = {
                    "detail": match.groupdict().get("detail") or "",
                    "arg": match.groupdict().get("arg") or "",
                }
                raise UsageError(text, code=code, params=params)
        raise UsageError(
            gettext_noop("The command was not used correctly: %(detail)s."),
            code="usage.invalid",
            params={"detail": message},
        )


Command = Callable[[argparse.Namespace, str], int]


def build_parser(language: str) -> Parser:
    from resguardo.cli import accounts, assess, catalogue, redact, scrub, serve

    def _(s: str) -> str:
        return translate(s, language)

    parser = Parser(
        prog="resguardo",
        description=_("Holistic digital security for people whose organising puts them at risk."),
    )
    parser.add_argument("--version", action="version", version="resguardo 0.1.0")
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=Parser)
    sub.required = True
    catalogue.register(sub, language)
    assess.register(sub, language)
    scrub.register(sub, language)
    redact.register(sub, language)
    serve.register(sub, language)
    accounts.register(sub, language)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    language = interface_language()
    try:
        parser = build_parser(language)
        args = parser.parse_args(argv)
        command: Command = args.run
        return command(args, language)
    except ResguardoError as error:
        error_line(error.code, render_error(error, language))
        return error.exit_code
    except KeyboardInterrupt:
        error_line("interrupted", translate("Interrupted.", language))
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        error_line(
            "internal", translate("Unexpected error: %(kind)s.", language) % {"kind": type(exc).__name__}
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
