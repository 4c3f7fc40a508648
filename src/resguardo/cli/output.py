"""Writing results: to standard output, or atomically to a file."""

from __future__ import annotations

import sys
from pathlib import Path

from resguardo.config import atomic_write


def emit(data: bytes, out: Path | None) -> None:
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        atomic_write(out, data, mode=0o600)


def error_line(code: str, message: str) -> None:
    # One line, always: a message never spreads over several lines of the terminal.
    sys.stderr.write(f"error[{code}]: {' '.join(message.split())}\n")
