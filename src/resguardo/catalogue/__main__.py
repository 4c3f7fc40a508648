"""Maintainer commands: ``python -m resguardo.catalogue check|stamp LANG``."""

from __future__ import annotations

import sys

from resguardo.catalogue.checks import check_catalogue, stamp


def main(argv: list[str]) -> int:
    if argv[:1] == ["check"]:
        problems = check_catalogue()
        for problem in problems:
            sys.stdout.write(f"{problem}\n")
        sys.stdout.write(f"{len(problems)} problem(s)\n")
        return 1 if problems else 0
    if len(argv) == 2 and argv[0] == "stamp":
        for item in stamp(argv[1]):
            sys.stdout.write(f"stamped {item}\n")
        return 0
    sys.stderr.write("usage: python -m resguardo.catalogue check | stamp LANG\n")
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
