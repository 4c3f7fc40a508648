"""atheris target: any bytes under any name are routed to a handler or refused with a
ResguardoError; nothing else may escape. Run by tests/scrub/media/test_fuzz.py (bounded)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from resguardo.errors import ResguardoError
    from resguardo.scrub.media.api import inspect_file

NAMES = ("x.jpg", "x.png", "x.pdf", "x.docx", "x.odt", "x.gif", "x.webp", "x.tif", "x.heic", "x", "x.txt")
#: Parsed in this process; audio and video go through ffprobe (tested separately).
IN_PROCESS = frozenset({"jpeg", "png", "gif", "webp", "tiff", "heif", "pdf", "ooxml", "odf"})
SEEDS = (
    b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF",
    b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
    b"GIF89a\x01\x00\x01\x00",
    b"RIFF\x10\x00\x00\x00WEBPVP8 ",
)
WORK = Path(tempfile.mkdtemp(prefix="resguardo-fuzz-"))


def target(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    name = NAMES[fdp.ConsumeIntInRange(0, len(NAMES) - 1)]
    seed = SEEDS[fdp.ConsumeIntInRange(0, len(SEEDS) - 1)] if fdp.ConsumeBool() else b""
    path = WORK / name
    path.write_bytes(seed + fdp.ConsumeBytes(fdp.remaining_bytes()))
    try:
        from resguardo.scrub.media.registry import sniff

        kind = sniff(path)
        if kind in IN_PROCESS:
            inspect_file(path)
    except ResguardoError:
        pass


def main() -> None:
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
