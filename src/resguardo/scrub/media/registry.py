"""Which handler cleans which file: content sniffing (never the name alone) and a registry.

Handlers register themselves by kind; adding a format is one module and its tests.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from resguardo.errors import ScrubError
from resguardo.i18n import gettext_noop
from resguardo.scrub.media.base import Handler

__all__ = ["EXTENSIONS", "handler_for", "register", "registered_kinds", "sniff"]

_HANDLERS: dict[str, Handler] = {}

#: The extensions each kind may carry; a file whose content and name disagree is refused.
EXTENSIONS: dict[str, frozenset[str]] = {
    "jpeg": frozenset({".jpg", ".jpeg", ".jpe", ".jfif"}),
    "png": frozenset({".png"}),
    "webp": frozenset({".webp"}),
    "tiff": frozenset({".tif", ".tiff"}),
    "gif": frozenset({".gif"}),
    "heif": frozenset({".heic", ".heif", ".hif"}),
    "mp4": frozenset({".mp4", ".m4v", ".mov", ".m4a", ".3gp"}),
    "matroska": frozenset({".mkv", ".webm", ".mka"}),
    "mp3": frozenset({".mp3"}),
    "flac": frozenset({".flac"}),
    "ogg": frozenset({".ogg", ".oga", ".opus"}),
    "wav": frozenset({".wav"}),
    "pdf": frozenset({".pdf"}),
    "ooxml": frozenset({".docx", ".xlsx", ".pptx"}),
    "odf": frozenset({".odt", ".ods", ".odp"}),
}
HEAD = 64 * 1024


def register(handler: Handler) -> Handler:
    for kind in handler.kinds:
        _HANDLERS[kind] = handler
    return handler


def registered_kinds() -> tuple[str, ...]:
    return tuple(sorted(_HANDLERS))


def _refuse(message: str, code: str, path: Path, **params: object) -> ScrubError:
    return ScrubError(message, code=code, params={"file": path.name, **params})


def _zip_kind(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" in names:
                return "ooxml"
            if "mimetype" in names and archive.read("mimetype").startswith(
                b"application/vnd.oasis.opendocument"
            ):
                return "odf"
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    return None


def sniff(path: Path) -> str:
    """The file's kind from its content. Raises ScrubError for text, unknown or empty files."""
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD)
    except OSError as exc:
        raise _refuse(gettext_noop("%(file)s cannot be read."), "scrub.unreadable", path) from exc
    if not head:
        raise _refuse(gettext_noop("%(file)s is empty."), "scrub.empty", path)
    kind: str | None = None
    if head.startswith(b"\xff\xd8\xff"):
        kind = "jpeg"
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = "png"
    elif head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        kind = "webp"
    elif head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        kind = "wav"
    elif head[:4] in (b"II*\x00", b"MM\x00*"):
        kind = "tiff"
    elif head[:6] in (b"GIF87a", b"GIF89a"):
        kind = "gif"
    elif head[4:8] == b"ftyp":
        brand = head[8:12]
        kind = (
            "heif"
            if brand in (b"heic", b"heix", b"mif1", b"msf1", b"heim", b"heis", b"hevc", b"avif")
            else "mp4"
        )
    elif head.startswith(b"\x1a\x45\xdf\xa3"):
        kind = "matroska"
    elif head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        kind = "mp3"
    elif head.startswith(b"fLaC"):
        kind = "flac"
    elif head.startswith(b"OggS"):
        kind = "ogg"
    elif head.startswith(b"%PDF-"):
        kind = "pdf"
    elif head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(path)
    if kind is None:
        if _looks_like_text(head):
            raise _refuse(
                gettext_noop(
                    "%(file)s is plain text: use 'resguardo redact' to find personal information in text."
                ),
                "scrub.text_file",
                path,
            )
        raise _refuse(
            gettext_noop("%(file)s is not a supported kind of file."), "scrub.unsupported_type", path
        )
    suffix = path.suffix.lower()
    if suffix and suffix not in EXTENSIONS.get(kind, frozenset()):
        raise _refuse(
            gettext_noop("%(file)s is named %(suffix)s but holds a %(kind)s file: refused as suspicious."),
            "scrub.wrong_extension",
            path,
            suffix=suffix,
            kind=kind,
        )
    return kind


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still text.
        if exc.start < len(head) - 4:
            return False
    return True


def handler_for(path: Path) -> tuple[Handler, str]:
    kind = sniff(path)
    handler = _HANDLERS.get(kind)
    if handler is None:
        raise _refuse(
            gettext_noop("%(file)s is not a supported kind of file."), "scrub.unsupported_type", path
        )
    return handler, kind
