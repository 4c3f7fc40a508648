"""Write docs/reference/cli.md from the CLI's own --help (run after changing the CLI).

.venv/bin/python scripts/cli_reference.py          # rewrite the file
.venv/bin/python scripts/cli_reference.py --check  # exit 1 if it is out of date
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parent.parent / "docs" / "reference" / "cli.md"
INTRO = """# Reference: the command line

Generated from `resguardo --help` by `scripts/cli_reference.py`; a test fails when it is out
of date. Every command exits 0 on success, 2 on a usage error (bad argument, unknown id,
bad input), 3 when some inputs were refused and the rest succeeded, and 1 on an unexpected
error. Errors are one line on standard error, `error[CODE]: message`, in the interface
language (`RESGUARDO_LANGUAGE`, else the locale); see [errors](errors.md).
"""


def _subparsers(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.ArgumentParser]]:
    found: list[tuple[str, argparse.ArgumentParser]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.append((name, sub))
                found.extend((f"{name} {n}", s) for n, s in _subparsers(sub))
    return found


def render() -> str:
    os.environ["COLUMNS"] = "100"  # argparse wraps to the terminal: fix it for a stable file
    from resguardo.cli.main import build_parser

    parser = build_parser("en")
    parts = [INTRO, "## resguardo\n", "```text", parser.format_help().rstrip(), "```\n"]
    for name, sub in _subparsers(parser):
        parts += [f"## resguardo {name}\n", "```text", sub.format_help().rstrip(), "```\n"]
    return "\n".join(parts)


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        return 0 if current == text else 1
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
