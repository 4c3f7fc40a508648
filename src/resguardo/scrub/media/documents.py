"""Documents: PDF, OOXML (DOCX/XLSX/PPTX) and ODF (ODT/ODS/ODP).

PDF: qpdf rewrites the whole file (no incremental history, no unreachable objects) after the
Info dictionary, XMP, embedded files, scripts, annotation authors, piece info, thumbnails and
signatures are removed and the JPEG/JPEG 2000 images lose their metadata segments. The
document ID is replaced by a hash of the cleaned file, which ``inspect`` recomputes: that is
how a scrubbed ID is told apart from one that links the file to its earlier versions.

Office files: the ZIP is rebuilt member by member with fixed dates and no extra fields.
Property parts are blanked, comments, thumbnails, printer settings, custom XML, macros,
signatures and parts nothing refers to are dropped with their relationships, tracked changes
are accepted, editing-session ids are stripped, and pictures lose their metadata (JPEG and
PNG here; other media kinds go to the handler registered for them, or the file is refused).

``inspect`` and ``clean`` share one list of "hits" per format (what was found and how to remove
it), so whatever ``inspect`` can see, ``clean`` removes, and the verification after cleaning
reads the output with the same eyes.
"""

from __future__ import annotations

import base64
import hashlib
import io
import lzma
import math
import mmap
import posixpath
import re
import struct
import tempfile
import unicodedata
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import defusedxml.ElementTree as SafeET
import pikepdf
from defusedxml import DefusedXmlException
from lxml import etree
from pikepdf import Array, Dictionary, Name, Pdf, Stream
from PIL import Image

from resguardo.errors import ScrubError
from resguardo.i18n import gettext_noop
from resguardo.scrub.media import images, masking, registry
from resguardo.scrub.media.base import Box, Category, CleanResult, Finding, MaskStyle, Options
from resguardo.scrub.media.images import clean_jpeg

__all__ = [
    "MAX_MEMBERS",
    "MAX_RATIO",
    "MAX_UNCOMPRESSED",
    "DocumentHandler",
    "clean_jpeg",
    "clean_png",
]

#: Refuse archives that would expand past any of these (decompression bombs).
MAX_UNCOMPRESSED = 500 * 1024 * 1024
MAX_RATIO = 100
MAX_MEMBERS = 10_000
#: Below this total, a high compression ratio is ordinary XML, not a bomb.
RATIO_FLOOR = 10 * 1024 * 1024
#: Documents inside documents (a chart's workbook inside a DOCX) are cleaned this deep.
MAX_DEPTH = 3
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


# --------------------------------------------------------------------------- shared


def _excerpt(value: object) -> str:
    """A short, printable excerpt: control and bidi characters become spaces."""
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text[:200])
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:79] + "…"


def _corrupt(name: str) -> ScrubError:
    return ScrubError(
        gettext_noop("%(file)s is damaged or not a valid document."),
        code="scrub.corrupt",
        params={"file": name},
    )


def _encrypted(name: str) -> ScrubError:
    return ScrubError(
        gettext_noop("%(file)s is encrypted or password-protected: remove the protection and try again."),
        code="scrub.encrypted",
        params={"file": name},
    )


def _polyglot(name: str) -> ScrubError:
    return ScrubError(
        gettext_noop(
            "%(file)s can also be read as another kind of file (a polyglot): refused as suspicious."
        ),
        code="scrub.polyglot",
        params={"file": name},
    )


def _bomb(name: str) -> ScrubError:
    return ScrubError(
        gettext_noop(
            "%(file)s would expand to more than the scrubber accepts (a possible decompression bomb): refused."
        ),
        code="scrub.decompression_bomb",
        params={"file": name},
    )


def _suspicious(name: str, what: str) -> ScrubError:
    return ScrubError(
        gettext_noop("%(file)s holds a suspicious entry (%(what)s): refused."),
        code="scrub.suspicious",
        params={"file": name, "what": _excerpt(what)},
    )


def _unsupported_content(name: str, what: str) -> ScrubError:
    return ScrubError(
        gettext_noop("%(file)s contains %(what)s, which the scrubber cannot clean: refused."),
        code="scrub.unsupported_content",
        params={"file": name, "what": _excerpt(what)},
    )


def _undecodable(name: str, what: str) -> ScrubError:
    return ScrubError(
        gettext_noop(
            "%(file)s holds a picture (%(what)s) that cannot be decoded to look for faces: refused. "
            "Use --no-faces only if no person can be recognised in it."
        ),
        code="scrub.picture_undecodable",
        params={"file": name, "what": _excerpt(what)},
    )


def _unmaskable_faces(name: str, drawing: str | None = None) -> ScrubError:
    """Faces where they cannot be masked: a PDF's inline image, or a bitmap in ``drawing``."""
    if drawing is None:
        message = gettext_noop(
            "%(file)s shows faces in an inline image of a page, where the scrubber cannot mask them: refused."
        )
    else:
        message = gettext_noop(
            "%(file)s shows faces in a picture inside the drawing %(drawing)s, where the scrubber cannot "
            "mask them: refused."
        )
    return ScrubError(
        message,
        code="scrub.faces_unmaskable",
        params={"file": name, "drawing": _excerpt(drawing or "")},
    )


def _nothing() -> None:
    return None


@dataclass(slots=True)
class _Hit:
    """Something identifying (or, with no finding, one more piece of it), and its removal."""

    finding: Finding | None
    remove: Callable[[], None] = _nothing


def _removed(findings: list[Finding]) -> tuple[str, ...]:
    return tuple(sorted({f.key for f in findings}))


def _dedupe(findings: list[Finding]) -> list[Finding]:
    return list(dict.fromkeys(findings))


def _findings(hits: list[_Hit]) -> list[Finding]:
    return _dedupe([h.finding for h in hits if h.finding is not None])


# --------------------------------------------------------------------------- pictures

_PNG_KEEP = frozenset(
    {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"sBIT", b"bKGD", b"pHYs"}
    | {b"hIST", b"acTL", b"fcTL", b"fdAT", b"cICP", b"mDCv", b"cLLi"}
)
_PNG_CATEGORIES: dict[bytes, Category] = {
    b"tEXt": "content",
    b"zTXt": "content",
    b"iTXt": "content",
    b"eXIf": "location",
    b"tIME": "time",
    b"iCCP": "device",
}


def clean_png(data: bytes, *, name: str = "") -> tuple[bytes, list[Finding]]:
    """A PNG that keeps only the chunks needed to show it (text, Exif, time, ICC profile and
    unknown chunks dropped), and the findings they were. Raises ``scrub.corrupt``."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        raise _corrupt(name)
    out = [data[:8]]
    found: list[Finding] = []
    i = 8
    while True:
        if i + 12 > len(data):
            raise _corrupt(name)
        length = int.from_bytes(data[i : i + 4], "big")
        kind = data[i + 4 : i + 8]
        end = i + 12 + length
        if end > len(data) or not kind.isalpha():
            raise _corrupt(name)
        if kind in _PNG_KEEP:
            out.append(data[i:end])
        else:
            excerpt = data[i + 8 : i + 8 + min(length, 60)].replace(b"\x00", b"=")
            found.append(
                Finding(
                    f"png:{kind.decode('ascii')}", _excerpt(excerpt), _PNG_CATEGORIES.get(kind, "hidden-data")
                )
            )
        i = end
        if kind == b"IEND":
            if data[i:].strip(b"\x00\r\n \t"):
                found.append(Finding("png:trailing-data", f"{len(data) - i} bytes", "hidden-data"))
            break
    return b"".join(out), found


_JP2_KEEP = frozenset({b"jP  ", b"ftyp", b"rreq", b"jp2h", b"jp2c", b"jp2i"})


def _clean_jp2(data: bytes, name: str) -> tuple[bytes, list[Finding]]:
    """A JPEG 2000 file without its XML, UUID (XMP) and IPR boxes. A bare codestream holds no
    such boxes and is returned as it is."""
    if not data.startswith(b"\x00\x00\x00\x0cjP  \r\n\x87\n"):
        return data, []
    out: list[bytes] = []
    found: list[Finding] = []
    i = 0
    while i < len(data):
        if i + 8 > len(data):
            raise _corrupt(name)
        length = int.from_bytes(data[i : i + 4], "big")
        kind = data[i + 4 : i + 8]
        header = 8
        if length == 1:
            if i + 16 > len(data):
                raise _corrupt(name)
            length = int.from_bytes(data[i + 8 : i + 16], "big")
            header = 16
        elif length == 0:
            length = len(data) - i
        if length < header or i + length > len(data):
            raise _corrupt(name)
        if kind in _JP2_KEEP:
            out.append(data[i : i + length])
        else:
            found.append(Finding(f"jp2:{_excerpt(kind)}", f"{length} bytes", "hidden-data"))
        i += length
    return b"".join(out), found


# --------------------------------------------------------------------------- PDF

_PDF_INFO_CATEGORIES: dict[str, Category] = {
    "/Author": "person",
    "/Creator": "software",
    "/Producer": "software",
    "/CreationDate": "time",
    "/ModDate": "time",
    "/Title": "content",
    "/Subject": "content",
    "/Keywords": "content",
    "/Trapped": "other",
}
#: Actions that run code, open other files or send data somewhere.
_PDF_BAD_ACTIONS = frozenset(
    {
        "/JavaScript",
        "/Launch",
        "/SubmitForm",
        "/ImportData",
        "/GoToE",
        "/GoToR",
        "/Rendition",
        "/RichMediaExecute",
        "/Sound",
        "/Movie",
    }
)
#: Annotations that carry files or media of their own: removed with what they hold.
_PDF_BAD_ANNOTS = frozenset({"/FileAttachment", "/Sound", "/Movie", "/RichMedia"})
_PDF_ANNOT_SUBTYPES = frozenset(
    {
        "/Text",
        "/Link",
        "/FreeText",
        "/Line",
        "/Square",
        "/Circle",
        "/Polygon",
        "/PolyLine",
        "/Highlight",
        "/Underline",
        "/Squiggly",
        "/StrikeOut",
        "/Stamp",
        "/Caret",
        "/Ink",
        "/Popup",
        "/FileAttachment",
        "/Sound",
        "/Movie",
        "/Widget",
        "/Screen",
        "/PrinterMark",
        "/TrapNet",
        "/Watermark",
        "/3D",
        "/Redact",
        "/RichMedia",
        "/Projection",
    }
)
#: Keys that hold data about the file rather than the page: removed wherever they are.
_PDF_DROP_KEYS: dict[str, tuple[str, Category]] = {
    "/Metadata": ("pdf:xmp", "other"),
    "/PieceInfo": ("pdf:PieceInfo", "software"),
    "/Thumb": ("pdf:Thumb", "content"),
    "/LastModified": ("pdf:LastModified", "time"),
    "/AF": ("pdf:AF", "hidden-data"),
}
_PDF_CATALOG_KEYS: dict[str, tuple[str, Category]] = {
    "/Collection": ("pdf:Collection", "hidden-data"),
    "/Perms": ("pdf:signature", "person"),
    "/DSS": ("pdf:signature", "person"),
    "/SpiderInfo": ("pdf:SpiderInfo", "other"),
}
#: What a trailer may hold (an xref stream's own keys included); anything else is private data.
_PDF_TRAILER_KEYS = frozenset(
    {"/Root", "/Size", "/ID", "/Info", "/Encrypt", "/Prev", "/XRefStm", "/Type", "/W", "/Index"}
    | {"/Filter", "/DecodeParms", "/Length"}
)
#: The catalog entries ISO 32000-2 defines; a private one (an application's own data) goes.
_PDF_CATALOG_STANDARD = frozenset(
    {
        "/Type",
        "/Version",
        "/Extensions",
        "/Pages",
        "/PageLabels",
        "/Names",
        "/Dests",
        "/ViewerPreferences",
        "/PageLayout",
        "/PageMode",
        "/Outlines",
        "/Threads",
        "/OpenAction",
        "/AA",
        "/URI",
        "/AcroForm",
        "/Metadata",
        "/StructTreeRoot",
        "/MarkInfo",
        "/Lang",
        "/SpiderInfo",
        "/OutputIntents",
        "/PieceInfo",
        "/OCProperties",
        "/Perms",
        "/Legal",
        "/Requirements",
        "/Collection",
        "/NeedsRendering",
        "/DSS",
        "/AF",
        "/DPartRoot",
    }
)
#: What pikepdf raises on a hostile file (RecursionError is a RuntimeError).
_PDF_FAILURES = (pikepdf.PdfError, ValueError, RuntimeError, TypeError, KeyError, IndexError, AttributeError)
_PDF_ID = re.compile(rb"/ID\s*\[\s*<([0-9a-fA-F]{32})>\s*<([0-9a-fA-F]{32})>\s*\]")
_ZERO_ID = b"/ID [<" + b"0" * 32 + b"><" + b"0" * 32 + b">]"


def _name(value: object) -> str:
    return str(value) if isinstance(value, Name) else ""


def _text(value: object) -> str:
    try:
        return _excerpt(str(value))
    except (ValueError, TypeError):  # a string pikepdf cannot decode
        return "?"


def _bad_action(value: object) -> str:
    """The type of a dangerous action in ``value`` (a dictionary or an array of them), or ''."""
    if isinstance(value, Dictionary):
        kind = _name(value.get("/S"))
        if kind in _PDF_BAD_ACTIONS:
            return kind[1:]
        if "/JS" in value:
            return "JavaScript"
    elif isinstance(value, Array):
        for item in value:
            found = _bad_action(item)
            if found:
                return found
    return ""


def _script_excerpt(action: object) -> str:
    if isinstance(action, Dictionary) and "/JS" in action:
        script = action["/JS"]
        if isinstance(script, Stream):
            return _excerpt(script.read_bytes()[:200])
        return _text(script)
    return ""


def _pdf_objects(pdf: Pdf) -> Iterator[Dictionary | Stream]:
    """Every dictionary and stream, indirect or nested inside another object."""
    stack: list[object] = [o for o in pdf.objects if isinstance(o, Dictionary | Stream | Array)]
    stack.append(pdf.trailer)
    while stack:
        obj = stack.pop()
        if isinstance(obj, Array):
            children: list[object] = list(obj)
        elif isinstance(obj, Dictionary | Stream):
            yield obj
            children = [obj.get(key) for key in obj.keys()]  # noqa: SIM118 (pikepdf objects)
        else:
            continue
        stack.extend(c for c in children if isinstance(c, Dictionary | Array) and not c.is_indirect)


class _PdfScan:
    """Everything identifying in an open PDF, each with its removal."""

    def __init__(self, pdf: Pdf, name: str) -> None:
        self.pdf = pdf
        self.name = name
        self.hits: list[_Hit] = []

    def add(
        self, key: str, value: object, category: Category, remove: Callable[[], None] | None = None
    ) -> None:
        self.hits.append(_Hit(Finding(key, _excerpt(value), category), remove or (lambda: None)))

    def run(self) -> list[_Hit]:
        trailer = self.pdf.trailer
        info = trailer.get("/Info")
        if isinstance(info, Dictionary):
            for key in info.keys():  # noqa: SIM118
                self.add(f"pdf:Info/{key[1:]}", _text(info.get(key)), _PDF_INFO_CATEGORIES.get(key, "other"))
        if "/Info" in trailer:
            self.hits.append(
                _Hit(Finding("pdf:Info", "document information", "other"), lambda: _pop(trailer, "/Info"))
            )
        for key in trailer.keys():  # noqa: SIM118
            if key not in _PDF_TRAILER_KEYS:
                self.add(f"pdf:trailer/{key[1:]}", key[1:], "hidden-data", _dropper(trailer, key))
        for obj in _pdf_objects(self.pdf):
            self._visit(obj)
        return self.hits

    def _visit(self, d: Dictionary | Stream) -> None:
        for key, (finding, category) in _PDF_DROP_KEYS.items():
            if key in d:
                self.add(finding, key[1:], category, _dropper(d, key))
        for key in ("/A", "/Next", "/OpenAction", "/PA"):
            if key in d:
                kind = _bad_action(d[key])
                if kind:
                    what = _script_excerpt(d[key]) or kind
                    self.add(f"pdf:action/{kind}", what, "hidden-data", _dropper(d, key))
        additional = d.get("/AA")
        if isinstance(additional, Dictionary) and any(
            _bad_action(additional.get(k))
            for k in additional.keys()  # noqa: SIM118
        ):
            self.add("pdf:action/AA", "actions run on events", "hidden-data", _dropper(d, "/AA"))
        if _name(d.get("/S")) in _PDF_BAD_ACTIONS or "/JS" in d:
            # An action reached by a path not cut above: made inert in place.
            self.add(
                "pdf:javascript" if "/JS" in d else "pdf:action",
                _script_excerpt(d) or _name(d.get("/S")),
                "hidden-data",
                _neuter(d),
            )
        if "/EF" in d or "/RF" in d:
            label = _text(d.get("/UF", d.get("/F", "")))
            self.add("pdf:embedded-file", label or "embedded file", "hidden-data", _dropper(d, "/EF", "/RF"))
        subtype = _name(d.get("/Subtype"))
        is_annot = _name(d.get("/Type")) == "/Annot" or (subtype in _PDF_ANNOT_SUBTYPES and "/Rect" in d)
        if is_annot:
            self._annotation(d, subtype)
        annots = d.get("/Annots")
        if isinstance(annots, Array) and any(_is_bad_annot(a) for a in annots):
            self.hits.append(
                _Hit(
                    Finding("pdf:annot/attachment", "file or media annotation", "hidden-data"),
                    _filter_annots(annots),
                )
            )
        if _name(d.get("/FT")) == "/Sig" and "/V" in d:
            self.add("pdf:signature", "signature value", "person", _dropper(d, "/V"))
        if _name(d.get("/Type")) == "/Sig" or ("/ByteRange" in d and "/Contents" in d):
            self.add("pdf:signature", _text(d.get("/Name", "signature")), "person")
        if _name(d.get("/Type")) == "/Thread" and "/I" in d:
            self.add("pdf:thread-info", "article thread information", "other", _dropper(d, "/I"))
        if _name(d.get("/Type")) == "/Catalog" or (d.is_indirect and d.objgen == self.pdf.Root.objgen):
            self._catalog(d)
        if "/XFA" in d and "/Fields" in d:
            self.add("pdf:XFA", "XML form data", "hidden-data", _dropper(d, "/XFA"))
        if isinstance(d, Stream):
            self._image(d)

    def _annotation(self, d: Dictionary | Stream, subtype: str) -> None:
        if subtype in _PDF_BAD_ANNOTS:
            self.add(f"pdf:annot/{subtype[1:]}", _text(d.get("/Contents", subtype[1:])), "hidden-data")
        if subtype != "/Widget" and "/T" in d:
            self.add("pdf:annot/T", _text(d.get("/T")), "person", _dropper(d, "/T"))
            if "/Contents" in d:
                self.add("pdf:annot/Contents", _text(d.get("/Contents")), "content")
        for key in ("/M", "/CreationDate"):
            if key in d:
                self.add(f"pdf:annot/{key[1:]}", _text(d.get(key)), "time", _dropper(d, key))

    def _catalog(self, d: Dictionary | Stream) -> None:
        for key in d.keys():  # noqa: SIM118
            if key not in _PDF_CATALOG_STANDARD:
                self.add(f"pdf:Root/{key[1:]}", "private catalog entry", "hidden-data", _dropper(d, key))
        names = d.get("/Names")
        if isinstance(names, Dictionary):
            if "/EmbeddedFiles" in names:
                self.add(
                    "pdf:Names/EmbeddedFiles",
                    "embedded files",
                    "hidden-data",
                    _dropper(names, "/EmbeddedFiles"),
                )
            if "/JavaScript" in names:
                self.add(
                    "pdf:Names/JavaScript", "document scripts", "hidden-data", _dropper(names, "/JavaScript")
                )
        for key, (finding, category) in _PDF_CATALOG_KEYS.items():
            if key in d:
                self.add(finding, key[1:], category, _dropper(d, key))

    def _image(self, stream: Stream) -> None:
        filters = stream.get("/Filter")
        names = (
            [filters] if isinstance(filters, Name) else list(filters) if isinstance(filters, Array) else []
        )
        last = _name(names[-1]) if names else ""
        if last not in ("/DCTDecode", "/JPXDecode"):
            return
        try:
            if len(names) == 1:
                data = stream.read_raw_bytes()
            else:
                data = stream.read_bytes(decode_level=pikepdf.StreamDecodeLevel.specialized)
        except pikepdf.PdfError as exc:
            raise _corrupt(self.name) from exc
        if last == "/DCTDecode":
            cleaned, found = clean_jpeg(data, keep_orientation=False, name=self.name)
        else:
            cleaned, found = _clean_jp2(data, self.name)
        if not found:
            return
        parms = stream.get("/DecodeParms")
        if isinstance(parms, Array):
            parms = parms[len(parms) - 1] if len(parms) else None
        for finding in found:
            self.hits.append(_Hit(Finding(f"pdf:image:{finding.key}", finding.value, finding.category)))
        rewrite = _rewrite_image(
            stream, cleaned, Name(last), parms if isinstance(parms, Dictionary) else None
        )
        self.hits.append(_Hit(None, rewrite))


def _pop(d: pikepdf.Object, *keys: str) -> None:
    for key in keys:
        if key in d:
            del d[key]


def _dropper(d: pikepdf.Object, *keys: str) -> Callable[[], None]:
    return lambda: _pop(d, *keys)


def _neuter(d: Dictionary | Stream) -> Callable[[], None]:
    def run() -> None:
        for key in list(d.keys()):
            if key != "/Type":
                del d[key]
        # An empty optional-content change: a valid action that does nothing.
        d["/S"] = Name("/SetOCGState")
        d["/State"] = Array([])

    return run


def _is_bad_annot(annot: object) -> bool:
    return isinstance(annot, Dictionary) and _name(annot.get("/Subtype")) in _PDF_BAD_ANNOTS


def _filter_annots(annots: Array) -> Callable[[], None]:
    def run() -> None:
        removed = [a for a in annots if _is_bad_annot(a)]
        gone = {a.objgen for a in removed if a.is_indirect}
        keep = [
            a
            for a in annots
            if not _is_bad_annot(a)
            and not (
                isinstance(a, Dictionary)
                and isinstance(a.get("/Parent"), Dictionary)
                and a["/Parent"].is_indirect
                and a["/Parent"].objgen in gone
            )
        ]
        for i in range(len(annots) - 1, -1, -1):
            del annots[i]
        for a in keep:
            annots.append(a)

    return run


def _rewrite_image(stream: Stream, data: bytes, last: Name, parms: Dictionary | None) -> Callable[[], None]:
    def run() -> None:
        stream.write(data, filter=last, decode_parms=parms)

    return run


def _scan_pdf_bytes(path: Path, name: str, is_linearized: bool) -> list[Finding]:
    """Revisions, data after the end and the document ID, read from the raw bytes."""
    found: list[Finding] = []
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as raw:
        ends = []
        at = raw.find(b"%%EOF")
        while at >= 0:
            ends.append(at)
            at = raw.find(b"%%EOF", at + 5)
        if not ends:
            raise _corrupt(name)
        versions = len(ends) - (1 if is_linearized and len(ends) > 1 else 0)
        if versions > 1:
            found.append(
                Finding(
                    "pdf:revisions", f"{versions} saved versions, earlier ones recoverable", "hidden-data"
                )
            )
        if raw[ends[-1] + 5 :].strip(b"\x00\r\n \t\x0c"):
            found.append(
                Finding("pdf:trailing-data", f"{len(raw) - ends[-1] - 5} bytes after the end", "hidden-data")
            )
    return found


def _id_hex(ident: object) -> str:
    try:
        return bytes(ident[0]).hex()[:32] if isinstance(ident, Array) and len(ident) else "?"
    except (TypeError, ValueError, pikepdf.PdfError):
        return "?"


def _id_is_ours(path: Path, ident: object) -> bool:
    """True when the document ID is the one ``clean`` writes: both halves the start of the
    SHA-256 of the file with the ID zeroed. Any other ID may link the file to its past."""
    if not isinstance(ident, Array) or len(ident) != 2:
        return False
    try:
        first, second = bytes(ident[0]), bytes(ident[1])
    except (TypeError, ValueError, pikepdf.PdfError):
        return False
    if first != second or len(first) != 16:
        return False
    pair = b"/ID [<" + first.hex().encode() + b"><" + first.hex().encode() + b">]"
    data = path.read_bytes()
    if data.count(pair) != 1 or data.count(_ZERO_ID) != 0:
        return False
    return hashlib.sha256(data.replace(pair, _ZERO_ID)).digest()[:16] == first


def _write_our_id(path: Path, name: str) -> None:
    data = path.read_bytes()
    matches = list(_PDF_ID.finditer(data))
    if len(matches) != 1 or _ZERO_ID in data:
        raise _corrupt(name)
    zeroed = data[: matches[0].start()] + _ZERO_ID + data[matches[0].end() :]
    digest = hashlib.sha256(zeroed).digest()[:16].hex().encode()
    path.write_bytes(zeroed.replace(_ZERO_ID, b"/ID [<" + digest + b"><" + digest + b">]"))


def _check_pdf_envelope(path: Path, name: str) -> None:
    with path.open("rb") as handle:
        head = handle.read(1024)
    if not head.startswith(b"%PDF-"):
        raise _polyglot(name) if b"%PDF-" in head else _corrupt(name)
    if zipfile.is_zipfile(path):
        raise _polyglot(name)


def _open_pdf(path: Path, name: str) -> Pdf:
    _check_pdf_envelope(path, name)
    try:
        pdf = pikepdf.open(path, password="")
    except pikepdf.PasswordError as exc:
        raise _encrypted(name) from exc
    except (*_PDF_FAILURES, OSError) as exc:
        raise _corrupt(name) from exc
    try:
        if pdf.is_encrypted:
            raise _encrypted(name)
        if len(pdf.pages) == 0:
            raise _corrupt(name)
    except _PDF_FAILURES as exc:
        pdf.close()
        raise _corrupt(name) from exc
    except ScrubError:
        pdf.close()
        raise
    return pdf


def _pdf_hits(pdf: Pdf, name: str) -> list[_Hit]:
    try:
        hits = _PdfScan(pdf, name).run()
    except _PDF_FAILURES as exc:
        raise _corrupt(name) from exc
    if pdf.get_warnings():
        # qpdf had to repair the file: refuse rather than guess what a damaged file holds.
        raise _corrupt(name)
    return hits


def _inspect_pdf(path: Path) -> list[Finding]:
    name = path.name
    with _open_pdf(path, name) as pdf:
        findings = _findings(_pdf_hits(pdf, name))
        findings += _scan_pdf_bytes(path, name, pdf.is_linearized)
        ident = pdf.trailer.get("/ID")
        if ident is not None and not _id_is_ours(path, ident):
            value = _id_hex(ident)
            findings.append(Finding("pdf:ID", value, "hidden-data"))
    return findings


def _clean_pdf(src: Path, dst: Path, options: Options, name: str | None = None) -> CleanResult:
    name = name or src.name
    masked = 0
    with _open_pdf(src, name) as pdf:
        hits = _pdf_hits(pdf, name)
        findings = _findings(hits)
        findings += _scan_pdf_bytes(src, name, pdf.is_linearized)
        if "/ID" in pdf.trailer and not _id_is_ours(src, pdf.trailer["/ID"]):
            findings.append(Finding("pdf:ID", "", "hidden-data"))
        try:
            for hit in hits:
                hit.remove()
            if options.faces:
                masked = _mask_pdf_pictures(pdf, name, options.mask_style)
            _pop(pdf.trailer, "/Info", "/ID")
            with warnings.catch_warnings():
                # pikepdf warns about form widgets not listed in /AcroForm; the file is still whole.
                warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
                pdf.save(
                    dst,
                    linearize=False,
                    object_stream_mode=pikepdf.ObjectStreamMode.generate,
                    fix_metadata_version=False,
                    preserve_pdfa=False,
                    deterministic_id=True,
                    compress_streams=True,
                )
        except _PDF_FAILURES as exc:
            raise _corrupt(name) from exc
    _write_our_id(dst, name)
    return CleanResult(removed=_removed(findings), faces_masked=masked)


# --------------------------------------------------------------------------- faces in PDF pictures

#: Pictures smaller than this on either side are not searched: no face in them can be told.
MIN_PICTURE_SIDE = 8
_INLINE_IMAGE = re.compile(rb"(?:^|[\s\]>)}])BI[\s/]")


def _int(value: object) -> int:
    try:
        return int(value)  # type: ignore[call-overload, no-any-return]
    except (TypeError, ValueError) as exc:
        raise ValueError("not a number") from exc


def _decode_pdf_picture(picture: Stream | pikepdf.PdfInlineImage, name: str) -> Image.Image:
    """The picture's pixels as they look on the page (colour space and /Decode applied)."""
    try:
        if isinstance(picture, Stream):
            width, height = _int(picture.get("/Width")), _int(picture.get("/Height"))
        else:
            width, height = _int(picture.width), _int(picture.height)
    except ValueError as exc:
        raise _undecodable(name, "?") from exc
    what = f"{width}×{height} px"
    if width * height > images.MAX_PIXELS:
        raise _bomb(name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            readable = pikepdf.PdfImage(picture) if isinstance(picture, Stream) else picture
            image = readable.as_pil_image()
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _bomb(name) from exc
    except Exception as exc:  # pikepdf and Pillow raise many kinds for what they cannot decode
        raise _undecodable(name, what) from exc
    return image


def _mask_pdf_pictures(pdf: Pdf, name: str, style: MaskStyle) -> int:
    """Faces masked in every image XObject (pages, Form XObjects, patterns, annotations: every
    object of the file is visited). Inline images, drawn inside a content stream, are searched
    and refuse the file when they show a face. Returns the number of rectangles masked."""
    alpha: set[tuple[int, int]] = set()
    pictures: list[Stream] = []
    for obj in pdf.objects:
        if isinstance(obj, Stream) and _name(obj.get("/Subtype")) == "/Image":
            pictures.append(obj)
            for key in ("/SMask", "/Mask"):
                other = obj.get(key)
                if isinstance(other, Stream):
                    alpha.add(other.objgen)
    masked = 0
    for stream in pictures:
        if stream.objgen in alpha or bool(stream.get("/ImageMask", False)):
            continue  # transparency or a stencil: it has no picture of its own
        masked += _mask_pdf_picture(stream, name, style)
    _check_inline_pictures(pdf, name)
    return masked


def _mask_pdf_picture(stream: Stream, name: str, style: MaskStyle) -> int:
    width, height = _int(stream.get("/Width")), _int(stream.get("/Height"))
    if min(width, height) < MIN_PICTURE_SIDE:
        return 0
    image = _decode_pdf_picture(stream, name)
    boxes = images.find_faces(image, name)
    if not boxes:
        return 0
    pixels = images.plain_pixels(image)
    grey = pixels.mode in ("L", "LA")
    pixels = pixels.convert("L" if grey else "RGB")  # a PDF image's alpha is its soft mask
    masking.mask(pixels, boxes, style)
    filters = stream.get("/Filter")
    chain = [filters] if isinstance(filters, Name) else list(filters) if isinstance(filters, Array) else []
    last = _name(chain[-1]) if chain else ""
    space = stream.get("/ColorSpace")
    channels = 1 if grey else 3
    keep_space = (
        isinstance(space, Array)
        and len(space) == 2
        and _name(space[0]) == "/ICCBased"
        and isinstance(space[1], Stream)
        and space[1].get("/N") == channels
        and image.mode == pixels.mode
    )
    if last == "/DCTDecode":
        buffer = io.BytesIO()
        pixels.save(buffer, "JPEG", quality=images.JPEG_QUALITY)
        stream.write(buffer.getvalue(), filter=Name.DCTDecode)
        # pikepdf leaves a JPEG's /Decode to the codec: the pixels read are the stored samples.
        keep_decode = image.mode == pixels.mode
    else:
        stream.write(zlib.compress(pixels.tobytes(), 6), filter=Name.FlateDecode)
        keep_decode = False
    _pop(stream, "/DecodeParms")
    if not keep_decode:
        _pop(stream, "/Decode")
    if not keep_space:
        stream["/ColorSpace"] = Name.DeviceGray if grey else Name.DeviceRGB
    stream["/BitsPerComponent"] = 8
    soft = stream.get("/SMask")
    if isinstance(soft, Stream):
        _opaque(soft, boxes, (width, height), name)
    return len(boxes)


def _opaque(soft: Stream, boxes: list[Box], size: tuple[int, int], name: str) -> None:
    """The picture's soft mask made opaque over the masked rectangles, so the masks show."""
    alpha = _decode_pdf_picture(soft, name).convert("L")
    sx, sy = alpha.width / size[0], alpha.height / size[1]
    for box in boxes:
        left, top = math.floor(box.x * sx), math.floor(box.y * sy)
        right, bottom = math.ceil((box.x + box.w) * sx), math.ceil((box.y + box.h) * sy)
        alpha.paste(255, (left, top, max(right, left + 1), max(bottom, top + 1)))
    soft.write(zlib.compress(alpha.tobytes(), 6), filter=Name.FlateDecode)
    _pop(soft, "/DecodeParms", "/Decode", "/Matte")
    soft["/ColorSpace"] = Name.DeviceGray
    soft["/BitsPerComponent"] = 8


def _content_streams(pdf: Pdf) -> Iterator[pikepdf.Object]:
    for page in pdf.pages:
        yield page.obj
    for obj in pdf.objects:
        if isinstance(obj, Stream) and (
            _name(obj.get("/Subtype")) == "/Form" or obj.get("/PatternType") == 1
        ):
            yield obj


def _check_inline_pictures(pdf: Pdf, name: str) -> None:
    for holder in _content_streams(pdf):
        contents = holder.get("/Contents") if isinstance(holder, Dictionary) else holder
        parts = contents if isinstance(contents, Array) else [contents]
        data = b"".join(p.read_bytes() for p in parts if isinstance(p, Stream))
        if not _INLINE_IMAGE.search(data):
            continue
        for instruction in pikepdf.parse_content_stream(holder):
            if not isinstance(instruction, pikepdf.ContentStreamInlineImage):
                continue
            inline = instruction.iimage
            if min(_int(inline.width), _int(inline.height)) < MIN_PICTURE_SIDE:
                continue  # (inline images are small by the PDF specification's advice)
            image = _decode_pdf_picture(inline, name)
            if images.find_faces(image, name):
                raise _unmaskable_faces(name)


# --------------------------------------------------------------------------- ZIP packages

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "w15": "http://schemas.microsoft.com/office/word/2012/wordml",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "x": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "x15ac": "http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac",
    "xr": "http://schemas.microsoft.com/office/spreadsheetml/2014/revision",
    "p14": "http://schemas.microsoft.com/office/powerpoint/2010/main",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "config": "urn:oasis:names:tc:opendocument:xmlns:config:1.0",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
    "officeooo": "http://openoffice.org/2009/office",
    "xlink": "http://www.w3.org/1999/xlink",
}


def _q(prefix: str, local: str) -> str:
    return f"{{{NS[prefix]}}}{local}"


_CORE_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
    b' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
    b' xmlns:dcmitype="http://purl.org/dc/dcmitype/"'
    b' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>'
)
_APP_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    b' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>'
)


def _meta_xml(version: str) -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        b' office:version="' + version.encode("ascii") + b'"><office:meta/></office:document-meta>'
    )


_CORE_CATEGORIES: dict[str, Category] = {
    "creator": "person",
    "lastModifiedBy": "person",
    "created": "time",
    "modified": "time",
    "lastPrinted": "time",
    "title": "content",
    "subject": "content",
    "keywords": "content",
    "description": "content",
    "category": "content",
    "contentStatus": "content",
    "revision": "other",
    "version": "other",
    "identifier": "other",
    "language": "other",
}
_APP_CATEGORIES: dict[str, Category] = {
    "Company": "person",
    "Manager": "person",
    "Application": "software",
    "AppVersion": "software",
    "Template": "software",
    "TotalTime": "time",
    "HyperlinkBase": "other",
}
#: Document statistics in app.xml: counts, not identifying (they go with the blanked part anyway).
_APP_STATISTICS = frozenset(
    {
        "Pages",
        "Words",
        "Characters",
        "CharactersWithSpaces",
        "Lines",
        "Paragraphs",
        "Slides",
        "Notes",
        "HiddenSlides",
        "MMClips",
        "PresentationFormat",
        "DocSecurity",
        "ScaleCrop",
        "LinksUpToDate",
        "SharedDoc",
        "HyperlinksChanged",
        "HeadingPairs",
        "TitlesOfParts",
    }
)
_META_CATEGORIES: dict[str, Category] = {
    "initial-creator": "person",
    "creator": "person",
    "printed-by": "person",
    "creation-date": "time",
    "date": "time",
    "print-date": "time",
    "editing-cycles": "other",
    "editing-duration": "time",
    "generator": "software",
    "user-defined": "other",
    "template": "person",
    "title": "content",
    "subject": "content",
    "description": "content",
    "keyword": "content",
    "auto-reload": "other",
    "hyperlink-behaviour": "other",
}
_META_BENIGN = frozenset({"document-statistic", "language"})

#: Relationship types (their last path segment) whose targets are dropped.
_DROP_REL_TYPES: dict[str, tuple[str, Category]] = {
    "comments": ("office:comments", "person"),
    "commentsExtended": ("office:comments", "person"),
    "commentsIds": ("office:comments", "person"),
    "commentsExtensible": ("office:comments", "person"),
    "threadedComment": ("office:comments", "person"),
    "commentAuthors": ("office:comments", "person"),
    "authors": ("office:comments", "person"),
    "people": ("office:comments", "person"),
    "person": ("office:comments", "person"),
    "custom-properties": ("office:docProps/custom.xml", "other"),
    "thumbnail": ("office:thumbnail", "content"),
    "printerSettings": ("office:printerSettings", "device"),
    "customXml": ("office:customXml", "hidden-data"),
    "customXmlProps": ("office:customXml", "hidden-data"),
    "revisionHeaders": ("office:revisions", "person"),
    "revisionLog": ("office:revisions", "person"),
    "usernames": ("office:revisions", "person"),
    "revisionInfo": ("office:revisions", "hidden-data"),
    "changesInfo": ("office:revisions", "person"),
    "vbaProject": ("office:macros", "hidden-data"),
    "activeXControl": ("office:activeX", "hidden-data"),
    "activeXControlBinary": ("office:activeX", "hidden-data"),
    "oleObject": ("office:ole-object", "hidden-data"),
    "origin": ("office:signature", "person"),
    "signature": ("office:signature", "person"),
    "webextension": ("office:webextension", "hidden-data"),
    "webextensiontaskpanes": ("office:webextension", "hidden-data"),
}
#: Part names dropped whatever refers to them (lower case, matched against the whole name).
_DROP_PARTS: tuple[tuple[str, str, Category], ...] = (
    (r"docprops/custom\.xml", "office:docProps/custom.xml", "other"),
    (r"docprops/thumbnail\.[a-z]+", "office:thumbnail", "content"),
    (r"(word|xl|ppt)/comments[^/]*\.xml", "office:comments", "person"),
    (r"(word|xl|ppt)/people\.xml", "office:comments", "person"),
    (r"xl/threadedcomments/.*", "office:comments", "person"),
    (r"xl/persons/.*", "office:comments", "person"),
    (r"ppt/comments/.*", "office:comments", "person"),
    (r"ppt/commentauthors\.xml", "office:comments", "person"),
    (r"ppt/authors\.xml", "office:comments", "person"),
    (r"ppt/revisioninfo\.xml", "office:revisions", "hidden-data"),
    (r"ppt/changesinfos/.*", "office:revisions", "person"),
    (r"xl/revisions/.*", "office:revisions", "person"),
    (r".*/printersettings/.*", "office:printerSettings", "device"),
    (r"customxml/.*", "office:customXml", "hidden-data"),
    (r".*vbaproject\.bin", "office:macros", "hidden-data"),
    (r".*vbadata\.xml", "office:macros", "hidden-data"),
    (r".*/activex/.*", "office:activeX", "hidden-data"),
    (r"_xmlsignatures/.*", "office:signature", "person"),
    (r".*/embeddings/.*\.bin", "office:ole-object", "hidden-data"),
    (r"(word|xl|ppt)/webextensions/.*", "office:webextension", "hidden-data"),
    # ODF
    (r"thumbnails/.*", "office:thumbnail", "content"),
    (r"configurations2/.*", "office:Configurations2", "device"),
    (r"meta-inf/documentsignatures\.xml", "office:signature", "person"),
    (r"meta-inf/macrosignatures\.xml", "office:signature", "person"),
    (r"basic/.*", "office:macros", "hidden-data"),
    (r"scripts/.*", "office:macros", "hidden-data"),
)
_DROP_PART_PATTERNS = tuple((re.compile(pattern), key, category) for pattern, key, category in _DROP_PARTS)
#: Elements removed with their content (tracked deletions, comment anchors, session ids ...).
_DROP_ELEMENTS: dict[str, tuple[str, Category]] = {
    **{
        _q("w", local): ("office:tracked-change", "person")
        for local in (
            "del",
            "moveFrom",
            "rPrChange",
            "pPrChange",
            "sectPrChange",
            "tblPrChange",
            "trPrChange",
            "tcPrChange",
            "tblGridChange",
            "numberingChange",
            "moveFromRangeStart",
            "moveFromRangeEnd",
            "moveToRangeStart",
            "moveToRangeEnd",
            "cellIns",
            "cellDel",
            "cellMerge",
            "delText",
            "delInstrText",
            "customXmlInsRangeStart",
            "customXmlInsRangeEnd",
            "customXmlDelRangeStart",
            "customXmlDelRangeEnd",
            "customXmlMoveFromRangeStart",
            "customXmlMoveFromRangeEnd",
            "customXmlMoveToRangeStart",
            "customXmlMoveToRangeEnd",
        )
    },
    _q("w", "commentRangeStart"): ("office:comment-anchor", "content"),
    _q("w", "commentRangeEnd"): ("office:comment-anchor", "content"),
    _q("w", "commentReference"): ("office:comment-anchor", "content"),
    _q("w", "permStart"): ("office:permission", "person"),
    _q("w", "permEnd"): ("office:permission", "person"),
    _q("w", "rsids"): ("office:rsid", "hidden-data"),
    _q("w", "docVars"): ("office:docVars", "hidden-data"),
    _q("w", "attachedTemplate"): ("office:attachedTemplate", "person"),
    _q("w", "mailMerge"): ("office:mailMerge", "hidden-data"),
    _q("w14", "docId"): ("office:docId", "hidden-data"),
    _q("w15", "docId"): ("office:docId", "hidden-data"),
    _q("x15ac", "absPath"): ("office:absPath", "person"),
    _q("xr", "revisionPtr"): ("office:revisionPtr", "hidden-data"),
    _q("x", "fileSharing"): ("office:fileSharing", "person"),
    _q("p14", "creationId"): ("office:creationId", "hidden-data"),
    # ODF
    _q("office", "annotation"): ("office:comments", "person"),
    _q("office", "annotation-end"): ("office:comments", "person"),
    _q("text", "tracked-changes"): ("office:tracked-change", "person"),
    _q("table", "tracked-changes"): ("office:tracked-change", "person"),
    _q("text", "change"): ("office:tracked-change", "person"),
    _q("text", "change-start"): ("office:tracked-change", "person"),
    _q("text", "change-end"): ("office:tracked-change", "person"),
}
#: Containers of tracked insertions and moves: the content stays, the wrapper goes.
_UNWRAP = frozenset({_q("w", "ins"), _q("w", "moveTo")})
_DROP_ATTRIBUTES: dict[str, tuple[str, Category]] = {
    _q("w14", "paraId"): ("office:paraId", "hidden-data"),
    _q("w14", "textId"): ("office:paraId", "hidden-data"),
    _q("xr", "uid"): ("office:uid", "hidden-data"),
    _q("officeooo", "rsid"): ("office:rsid", "hidden-data"),
    _q("officeooo", "paragraph-rsid"): ("office:rsid", "hidden-data"),
    "refreshedBy": ("office:pivot-refreshedBy", "person"),
    "refreshedDate": ("office:pivot-refreshedDate", "time"),
    "refreshedDateIso": ("office:pivot-refreshedDate", "time"),
}
#: Attributes that name who or when, left on anything that survived the rules above.
_PERSON_ATTRIBUTES: dict[str, tuple[str, Category]] = {
    _q("w", "author"): ("office:author", "person"),
    _q("w", "initials"): ("office:author", "person"),
    _q("w", "date"): ("office:date", "time"),
    _q("dc", "creator"): ("office:author", "person"),
}
_PERSON_ELEMENTS: dict[str, tuple[str, Category]] = {
    _q("dc", "creator"): ("office:author", "person"),
    _q("dc", "date"): ("office:date", "time"),
    _q("meta", "creator-initials"): ("office:author", "person"),
}
#: ODF settings that name the printer or the editing session.
_ODF_SETTINGS = frozenset({"PrinterName", "PrinterSetup", "PrinterPaperFromSetup", "Rsid", "RsidRoot"})
#: Where an element that refers to a dropped relationship must go with it (its id is required).
_REF_ELEMENTS = frozenset({"legacyDrawing", "legacyDrawingHF", "attachedTemplate", "control"})
#: ODF parts kept even when the manifest forgets them (a document without them is broken).
_ODF_CORE = frozenset(
    {
        "mimetype",
        "META-INF/manifest.xml",
        "content.xml",
        "styles.xml",
        "meta.xml",
        "settings.xml",
        "manifest.rdf",
    }
)
_WEB_SCHEMES = frozenset({"http", "https", "mailto", "ftp", "tel", "news"})


@dataclass(slots=True)
class _Budget:
    """Bytes left to read across a package and the packages inside it."""

    left: int = field(default_factory=lambda: MAX_UNCOMPRESSED)


@dataclass(slots=True)
class _Package:
    """A ZIP package read into memory, checked for bombs and hostile names."""

    kind: str
    members: list[tuple[zipfile.ZipInfo, bytes]]
    comment: bytes
    by_name: dict[str, bytes] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_name = {info.filename: data for info, data in self.members}

    @property
    def names(self) -> list[str]:
        return [info.filename for info, _ in self.members]

    def get(self, name: str) -> bytes | None:
        return self.by_name.get(name)


def _read_package(data: bytes | Path, kind: str, name: str, budget: _Budget) -> _Package:
    source: io.BytesIO | Path = io.BytesIO(data) if isinstance(data, bytes) else data
    try:
        with zipfile.ZipFile(source) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_MEMBERS:
                raise _bomb(name)
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos)
            if total > budget.left or (total > RATIO_FLOOR and total > MAX_RATIO * max(packed, 1)):
                raise _bomb(name)
            _check_names(infos, name)
            if infos and min(i.header_offset for i in infos) != 0:
                raise _polyglot(name)
            members = []
            for info in infos:
                if info.flag_bits & 0x1:
                    raise _encrypted(name)
                if info.is_dir():
                    continue
                with archive.open(info) as handle:
                    content = handle.read(info.file_size + 1)
                if len(content) != info.file_size:
                    raise _corrupt(name)
                budget.left -= len(content)
                if budget.left < 0:
                    raise _bomb(name)
                members.append((info, content))
            comment = archive.comment
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        OSError,
        ValueError,
        NotImplementedError,
        zlib.error,
        lzma.LZMAError,
    ) as exc:
        raise _corrupt(name) from exc
    head = data[:1024] if isinstance(data, bytes) else _head(data)
    if b"%PDF-" in head:
        raise _polyglot(name)
    return _Package(kind, members, comment)


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(1024)


def _check_names(infos: list[zipfile.ZipInfo], name: str) -> None:
    seen: set[str] = set()
    for info in infos:
        member = info.filename
        parts = PurePosixPath(member).parts
        if (
            not member
            or member.startswith(("/", "\\"))
            or "\\" in member
            or "\x00" in member
            or re.match(r"^[A-Za-z]:", member)
            or ".." in parts
        ):
            raise _suspicious(name, member)
        folded = member.lower()
        if folded in seen:
            raise _suspicious(name, f"{member} (twice)")
        seen.add(folded)


def _parse_xml(data: bytes, name: str, part: str, *, doctype: bool = False) -> etree._ElementTree:
    """Parse an XML part safely: defusedxml refuses DTDs (or, with ``doctype``, only entities),
    then lxml (which keeps the namespace prefixes Office's ``mc:Ignorable`` refers to) builds
    the tree we edit. Neither loads anything from outside."""
    try:
        SafeET.fromstring(data, forbid_dtd=not doctype, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise _suspicious(name, f"{part}: DTD or entities") from exc
    except (SafeET.ParseError, ValueError, LookupError) as exc:
        raise _corrupt(name) from exc
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_blank_text=False
    )
    try:
        return etree.ElementTree(etree.fromstring(data, parser))
    except etree.XMLSyntaxError as exc:
        raise _corrupt(name) from exc


def _serialize(tree: etree._ElementTree) -> bytes:
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _element_text(element: etree._Element) -> str:
    return _excerpt(" ".join(element.itertext()) or " ".join(f"{v}" for v in element.attrib.values()))


def _remove(element: etree._Element) -> Callable[[], None]:
    def run() -> None:
        parent = element.getparent()
        if parent is None:
            return
        # Keep the text that follows the element (lxml stores it on the element).
        if element.tail:
            previous = element.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + element.tail
            else:
                parent.text = (parent.text or "") + element.tail
        parent.remove(element)

    return run


def _unwrap(element: etree._Element) -> Callable[[], None]:
    def run() -> None:
        parent = element.getparent()
        if parent is None:
            return
        index = parent.index(element)
        children = list(element)
        if element.text and element.text.strip():
            children_text = element.text
            if index:
                prev = parent[index - 1]
                prev.tail = (prev.tail or "") + children_text
            else:
                parent.text = (parent.text or "") + children_text
        for offset, child in enumerate(children):
            parent.insert(index + offset, child)
        _remove(element)()

    return run


def _drop_attribute(element: etree._Element, attribute: str) -> Callable[[], None]:
    def run() -> None:
        if attribute in element.attrib:
            del element.attrib[attribute]

    return run


def _xml_hits(tree: etree._ElementTree) -> list[_Hit]:
    """What is identifying inside one XML part of a package, with its removal."""
    hits: list[_Hit] = []
    seen_rsid = False
    for element in tree.iter():
        tag = element.tag
        if not isinstance(tag, str):  # comments and processing instructions
            if isinstance(element, etree._Comment):
                hits.append(
                    _Hit(
                        Finding("office:xml-comment", _excerpt(element.text or ""), "hidden-data"),
                        _remove(element),
                    )
                )
            continue
        if tag in _DROP_ELEMENTS:
            key, category = _DROP_ELEMENTS[tag]
            target = element
            parent = element.getparent()
            if tag == _q("w", "del") and parent is not None and parent.tag == _q("w", "trPr"):
                row = parent.getparent()
                target = row if row is not None else element
            elif (
                tag == _q("w", "commentReference")
                and parent is not None
                and parent.tag == _q("w", "r")
                and all(child is element or child.tag == _q("w", "rPr") for child in parent)
            ):
                target = parent
            hits.append(_Hit(Finding(key, _who(element), category), _remove(target)))
            continue
        if tag in _UNWRAP:
            hits.append(_Hit(Finding("office:tracked-change", _who(element), "person"), _unwrap(element)))
            continue
        if tag in _PERSON_ELEMENTS:
            key, category = _PERSON_ELEMENTS[tag]
            hits.append(_Hit(Finding(key, _element_text(element), category), _remove(element)))
            continue
        if tag == _q("w", "instrText") and element.text and _FIELD_PATH.search(element.text):
            hits.append(
                _Hit(
                    Finding("office:field-path", _excerpt(element.text), "person"),
                    _set_text(element, _field_without_paths(element.text)),
                )
            )
        instruction = element.get(_q("w", "instr"))
        if instruction and _FIELD_PATH.search(instruction):
            hits.append(
                _Hit(
                    Finding("office:field-path", _excerpt(instruction), "person"),
                    _set_attribute(element, _q("w", "instr"), _field_without_paths(instruction)),
                )
            )
        if tag == _q("config", "config-item") and element.get(_q("config", "name")) in _ODF_SETTINGS:
            hits.append(
                _Hit(
                    Finding(
                        "office:settings/" + str(element.get(_q("config", "name"))),
                        _element_text(element),
                        "device",
                    ),
                    _remove(element),
                )
            )
            continue
        for attribute in list(element.attrib):
            if attribute in _DROP_ATTRIBUTES or attribute in _PERSON_ATTRIBUTES:
                key, category = _DROP_ATTRIBUTES.get(attribute) or _PERSON_ATTRIBUTES[attribute]
                hits.append(
                    _Hit(
                        Finding(key, _excerpt(element.get(attribute)), category),
                        _drop_attribute(element, attribute),
                    )
                )
            elif attribute.startswith("{" + NS["w"] + "}rsid"):
                finding = None if seen_rsid else Finding("office:rsid", "editing-session ids", "hidden-data")
                seen_rsid = True
                hits.append(_Hit(finding, _drop_attribute(element, attribute)))
            elif attribute == _q("xlink", "href"):
                href = element.get(attribute) or ""
                if _is_local_path(href):
                    hits.append(
                        _Hit(
                            Finding("office:external-path", _excerpt(href), "person"),
                            _set_attribute(element, attribute, _basename(href)),
                        )
                    )
    return hits


def _who(element: etree._Element) -> str:
    """'author: text' of a tracked change or an anchor."""
    author = element.get(_q("w", "author")) or ""
    text = " ".join(element.itertext())
    return _excerpt(f"{author}: {text}" if author and text else author or text or _local(element.tag))


_SVG_EDITORS = (
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
)


def _svg_hits(tree: etree._ElementTree) -> list[_Hit]:
    """RDF metadata (author, licence, dates) and editor attributes that name files and folders."""
    hits: list[_Hit] = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        if (
            _local(element.tag) == "metadata"
            and etree.QName(element.tag).namespace == "http://www.w3.org/2000/svg"
        ):
            hits.append(_Hit(Finding("svg:metadata", _element_text(element), "other"), _remove(element)))
            continue
        for attribute in list(element.attrib):
            qname = etree.QName(attribute)
            if qname.namespace in _SVG_EDITORS and (
                "filename" in qname.localname or "doc" in qname.localname
            ):
                hits.append(
                    _Hit(
                        Finding("svg:editor-path", _excerpt(element.get(attribute)), "person"),
                        _drop_attribute(element, attribute),
                    )
                )
    return hits


#: A file path inside a field code (INCLUDEPICTURE, INCLUDETEXT, HYPERLINK, LINK ...):
#: quoted (spaces allowed) or bare.
_FIELD_PATH = re.compile(r'"((?:[A-Za-z]:[\\/]|\\\\|file:)[^"]*)"|((?:[A-Za-z]:[\\/]|\\\\|file:)\S*)')


def _field_without_paths(text: str) -> str:
    def name_only(match: re.Match[str]) -> str:
        if match.group(1) is not None:
            return '"' + _basename(match.group(1).replace("\\\\", "\\")) + '"'
        return _basename(match.group(2).replace("\\\\", "\\"))

    return _FIELD_PATH.sub(name_only, text)


def _set_text(element: etree._Element, text: str) -> Callable[[], None]:
    def run() -> None:
        element.text = text

    return run


def _set_attribute(element: etree._Element, attribute: str, value: str) -> Callable[[], None]:
    return lambda: element.set(attribute, value)


def _is_local_path(target: str) -> bool:
    """A link to a file on someone's disk or network share (it names their folders)."""
    scheme = urlsplit(target).scheme.lower()
    if scheme in _WEB_SCHEMES:
        return False
    if scheme == "file" or re.match(r"^[A-Za-z]:[\\/]", target) or target.startswith(("\\\\", "/")):
        return True
    return ("/" in target.strip("./") and target.startswith("..")) or "\\" in target


def _basename(target: str) -> str:
    return re.split(r"[\\/]", unquote(target).rstrip("\\/"))[-1] or "file"


def _prune(tree: etree._ElementTree) -> None:
    """Remove wrappers left empty by the edits (extension lists, markup-compatibility blocks)."""
    changed = True
    while changed:
        changed = False
        for element in list(tree.iter()):
            if not isinstance(element.tag, str) or len(element) or (element.text or "").strip():
                continue
            local = _local(element.tag)
            parent = element.getparent()
            if parent is None:
                continue
            compatibility = etree.QName(element.tag).namespace == NS["mc"]
            if (
                (compatibility and local in ("AlternateContent", "Choice", "Fallback"))
                or local == "extLst"
                or (local == "ext" and _local(parent.tag) == "extLst")
            ):
                _remove(element)()
                changed = True


def _match_drop_pattern(member: str) -> tuple[str, Category] | None:
    folded = member.lower()
    for pattern, key, category in _DROP_PART_PATTERNS:
        if pattern.fullmatch(folded):
            return key, category
    return None


def _rels_source(rels: str) -> str:
    """The part a relationships part describes ('word/_rels/document.xml.rels' -> 'word/document.xml')."""
    folder, _, file = rels.rpartition("_rels/")
    return folder + file.removesuffix(".rels")


def _resolve(source: str, target: str) -> str:
    target = unquote(target.split("#", 1)[0])
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    base = posixpath.dirname(source)
    return posixpath.normpath(posixpath.join(base, target)).lstrip("/")


class _PackageCleaner:
    """OOXML and ODF: one pass that finds and (when cleaning) removes, part by part."""

    def __init__(
        self, package: _Package, name: str, options: Options | None, depth: int, budget: _Budget
    ) -> None:
        self.package = package
        self.name = name
        self.options = options
        self.depth = depth
        self.budget = budget
        self.findings: list[Finding] = []
        self.out: dict[str, bytes] = {}
        self.dropped: set[str] = set()
        self.lower = {n.lower(): n for n in package.names}
        self._parsed: dict[str, etree._ElementTree] = {}
        #: face rectangles masked in the pictures of this package and the ones inside it
        self.faces_masked = 0

    def note(self, key: str, value: object, category: Category) -> None:
        self.findings.append(Finding(key, _excerpt(value), category))

    def drop(self, member: str, key: str, category: Category) -> None:
        if member not in self.dropped:
            self.dropped.add(member)
            self.note(key, member, category)

    def run(self) -> None:
        self._zip_level()
        if self.package.kind == "odf":
            self._odf_drops()
        else:
            self._ooxml_drops()
        for info, data in self.package.members:
            member = info.filename
            if member in self.dropped:
                continue
            self.out[member] = self._member(member, data)
        if self.package.kind == "ooxml":
            return
        self._odf_manifest()

    # ---- the archive itself

    def _zip_level(self) -> None:
        infos = [info for info, _ in self.package.members]
        if any(info.date_time != ZIP_EPOCH for info in infos):
            self.note("zip:timestamps", "member dates", "time")
        if any(info.extra for info in infos):
            self.note("zip:extra-fields", "timestamps or owner ids", "hidden-data")
        if self.package.comment or any(info.comment for info in infos):
            self.note("zip:comment", self.package.comment or b"member comment", "content")

    # ---- which parts go

    def _ooxml_drops(self) -> None:
        names = self.package.names
        for member in names:
            match = _match_drop_pattern(member)
            if match:
                self.drop(member, *match)
        # Relationship types name a part's role whatever it is called.
        for rels in [n for n in names if n.endswith(".rels")]:
            source = _rels_source(rels)
            tree = self._xml(rels)
            for rel in tree.iter(_q("rel", "Relationship")):
                if rel.get("TargetMode") == "External":
                    continue
                role = (rel.get("Type") or "").rsplit("/", 1)[-1]
                target = self.lower.get(_resolve(source, rel.get("Target") or "").lower())
                if role in _DROP_REL_TYPES and target:
                    self.drop(target, *_DROP_REL_TYPES[role])
        for member in names:
            if member.lower().endswith(".vml") and self._notes_only(member):
                self.drop(member, "office:comments", "person")
        self._drop_orphans()
        for member in sorted(self.dropped):
            if member.lower() == "docprops/custom.xml":
                for prop in self._xml(member).getroot():
                    label = prop.get("name") or _local(prop.tag)
                    self.note(f"office:custom/{_excerpt(label)}", _element_text(prop), "other")

    def _notes_only(self, member: str) -> bool:
        data = self.package.get(member) or b""
        kinds = set(re.findall(rb'ObjectType\s*=\s*"(\w+)"', data))
        return kinds == {b"Note"}

    def _drop_orphans(self) -> None:
        """Parts no relationship reaches: Office never shows them, so they go."""
        reached = {"[content_types].xml"}
        queue = ["_rels/.rels"]
        while queue:
            rels = queue.pop()
            real = self.lower.get(rels.lower())
            if real is None or real in self.dropped or rels.lower() in reached:
                continue
            reached.add(rels.lower())
            source = _rels_source(real)
            for rel in self._xml(real).iter(_q("rel", "Relationship")):
                if rel.get("TargetMode") == "External":
                    continue
                target = _resolve(source, rel.get("Target") or "").lower()
                actual = self.lower.get(target)
                if actual is None or actual in self.dropped or target in reached:
                    continue
                reached.add(target)
                folder, _, file = target.rpartition("/")
                queue.append((folder + "/" if folder else "") + "_rels/" + file + ".rels")
        for member in self.package.names:
            if member.lower() not in reached and member not in self.dropped:
                if member.endswith(".rels") and _rels_source(member) in self.package.names:
                    source = _rels_source(member)
                    if source in self.dropped or source.lower() not in reached:
                        self.dropped.add(member)  # goes with its part, already reported
                    continue
                self.drop(member, "office:orphan-part", "hidden-data")

    def _odf_drops(self) -> None:
        names = self.package.names
        if not names or names[0] != "mimetype":
            self.note("odf:mimetype", "not the first entry", "other")
        for member in names:
            match = _match_drop_pattern(member)
            if match:
                self.drop(member, *match)
        manifest = self.package.get("META-INF/manifest.xml")
        if manifest is None:
            raise _corrupt(self.name)
        tree = self._xml("META-INF/manifest.xml")
        if next(tree.iter(_q("manifest", "encryption-data")), None) is not None:
            raise _encrypted(self.name)
        listed = {str(e.get(_q("manifest", "full-path"))) for e in tree.iter(_q("manifest", "file-entry"))}
        for member in names:
            if member not in listed and member not in _ODF_CORE and member not in self.dropped:
                self.drop(member, "office:orphan-part", "hidden-data")

    # ---- one member

    def _xml(self, member: str) -> etree._ElementTree:
        """The part as it came, parsed once: for reading only (edits work on a fresh parse)."""
        if member not in self._parsed:
            self._parsed[member] = self._fresh_xml(member)
        return self._parsed[member]

    def _fresh_xml(self, member: str) -> etree._ElementTree:
        data = self.package.get(member)
        if data is None:
            raise _corrupt(self.name)
        return _parse_xml(data, self.name, member)

    def _member(self, member: str, data: bytes) -> bytes:
        folded = member.lower()
        if self.package.kind == "ooxml" and folded == "docprops/core.xml":
            return self._properties(member, "office:core", _CORE_CATEGORIES, None, _CORE_XML)
        if self.package.kind == "ooxml" and folded == "docprops/app.xml":
            return self._properties(member, "office:app", _APP_CATEGORIES, _APP_STATISTICS, _APP_XML)
        if self.package.kind == "odf" and (folded == "meta.xml" or folded.endswith("/meta.xml")):
            return self._odf_meta(member)
        if folded.endswith((".xml", ".rels")) or folded == "[content_types].xml":
            return self._xml_part(member)
        if folded.endswith(".svg"):
            return self._svg(member)
        if folded.endswith(".vml"):
            return data  # legacy drawing markup (form controls); its comment notes were dropped
        if member == "mimetype":
            return data
        return self._binary(member, data)

    def _svg(self, member: str) -> bytes:
        """A vector picture: its RDF metadata, editor file paths and comments go."""
        data = self.package.get(member) or b""
        tree = _parse_xml(data, self.name, member, doctype=True)
        hits = _xml_hits(tree) + _svg_hits(tree)
        self.findings.extend(
            Finding(f"office:media:{f.key}", f"{member}: {f.value}", f.category) for f in _findings(hits)
        )
        pictures = self._svg_pictures(member, tree)
        if self.options is None or not (hits or pictures):
            return data
        for hit in hits:
            hit.remove()
        return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")

    def _svg_pictures(self, member: str, tree: etree._ElementTree) -> int:
        """Pictures written into the drawing as ``data:`` addresses are cleaned (metadata, and
        faces when cleaning with faces on) like the package's own pictures; returns how many
        were rewritten."""
        rewritten = 0
        for element in tree.iter():
            if _local(element.tag) != "image":
                continue
            for attribute in (_q("xlink", "href"), "href"):
                value = element.get(attribute) or ""
                header, _, payload = value.partition(",")
                if not header.lower().startswith("data:"):
                    continue
                if not header.lower().endswith(";base64"):
                    raise _unsupported_content(self.name, f"{member}: a picture written as text")
                try:
                    raw = base64.b64decode(payload, validate=False)
                except ValueError as exc:
                    raise _corrupt(self.name) from exc
                cleaned = self._binary(f"{member} (a picture inside)", raw)
                if cleaned != raw:
                    element.set(attribute, header + "," + base64.b64encode(cleaned).decode("ascii"))
                    rewritten += 1
        return rewritten

    def _properties(
        self,
        member: str,
        prefix: str,
        categories: dict[str, Category],
        benign: frozenset[str] | None,
        blank: bytes,
    ) -> bytes:
        tree = self._xml(member)
        for child in tree.getroot():
            local = _local(child.tag)
            if not local or (benign is not None and local in benign):
                continue
            value = _element_text(child)
            if value or len(child):
                self.note(f"{prefix}:{local}", value, categories.get(local, "other"))
        return blank

    def _odf_meta(self, member: str) -> bytes:
        tree = self._xml(member)
        root = tree.getroot()
        version = root.get(_q("office", "version")) or "1.2"
        for meta in root.iter(_q("office", "meta")):
            for child in meta:
                local = _local(child.tag)
                if not local or local in _META_BENIGN:
                    continue
                label = child.get(_q("meta", "name")) if local == "user-defined" else None
                href = child.get(_q("xlink", "href"))
                value = f"{label}: {_element_text(child)}" if label else _element_text(child) or href or ""
                self.note(f"odf:meta/{local}", value, _META_CATEGORIES.get(local, "other"))
        if not re.fullmatch(r"[0-9.]{1,8}", version):
            version = "1.2"
        return _meta_xml(version)

    def _xml_part(self, member: str) -> bytes:
        tree = self._fresh_xml(member)
        hits = _xml_hits(tree)
        if member.endswith(".rels"):
            hits += self._rels_hits(member, tree)
        self.findings.extend(_findings(hits))
        if self.options is None:
            return b""
        for hit in hits:
            hit.remove()
        self._drop_references(member, tree)
        _prune(tree)
        return _serialize(tree)

    def _rels_hits(self, member: str, tree: etree._ElementTree) -> list[_Hit]:
        hits: list[_Hit] = []
        for rel in tree.iter(_q("rel", "Relationship")):
            target = rel.get("Target") or ""
            if rel.get("TargetMode") == "External" and _is_local_path(target):
                role = (rel.get("Type") or "").rsplit("/", 1)[-1]
                if role == "attachedTemplate":
                    hits.append(
                        _Hit(Finding("office:attachedTemplate", _excerpt(target), "person"), _remove(rel))
                    )
                else:
                    hits.append(
                        _Hit(
                            Finding("office:external-path", _excerpt(target), "person"),
                            _set_attribute(rel, "Target", _basename(target)),
                        )
                    )
        return hits

    def _binary(self, member: str, data: bytes) -> bytes:
        label = f"{member}"
        if data.startswith(b"\xff\xd8"):
            cleaned, found = clean_jpeg(data, keep_orientation=True, name=self.name)
            masked = self._faces(cleaned, "jpeg")
            if masked is not cleaned:
                # The re-encoded picture: Pillow's Exif block becomes the orientation alone again.
                masked, _ = clean_jpeg(masked, keep_orientation=True, name=self.name)
            cleaned = masked
        elif data.startswith(b"\x89PNG\r\n\x1a\n"):
            cleaned, found = clean_png(data, name=self.name)
            cleaned = self._faces(cleaned, "png")
        elif _is_bmp(data):
            cleaned, found = self._faces(data, "bmp"), []  # a bitmap carries no metadata
        elif _drawing_kind(data) and self.options is not None and self.options.faces:
            _search_drawing(data, self.name, member)
            cleaned, found = self._delegate(member, data)
        elif data.startswith(b"PK\x03\x04") or data.startswith(b"%PDF-"):
            cleaned, found = self._nested(member, data)
        else:
            cleaned, found = self._delegate(member, data)
        self.findings.extend(
            Finding(f"office:media:{f.key}", f"{label}: {f.value}", f.category) for f in found
        )
        return cleaned

    def _faces(self, data: bytes, kind: str) -> bytes:
        """``data`` with its faces masked when cleaning with faces on (else as it is)."""
        if self.options is None or not self.options.faces:
            return data
        masked, count = images.mask_document_picture(data, kind, self.name, self.options.mask_style)
        self.faces_masked += count
        return masked

    def _nested(self, member: str, data: bytes) -> tuple[bytes, list[Finding]]:
        """A document inside the document (a chart's workbook, an embedded presentation)."""
        if self.depth >= MAX_DEPTH:
            raise _suspicious(self.name, f"{member}: documents nested too deep")
        if data.startswith(b"%PDF-"):
            return self._delegate(member, data, pdf=True)
        inner = _sniff_package(data)
        if inner is None:
            raise _unsupported_content(self.name, member)
        package = _read_package(data, inner, self.name, self.budget)
        cleaner = _PackageCleaner(package, self.name, self.options, self.depth + 1, self.budget)
        cleaner.run()
        self.faces_masked += cleaner.faces_masked
        return (_write_package(cleaner) if self.options is not None else data), cleaner.findings

    def _delegate(self, member: str, data: bytes, *, pdf: bool = False) -> tuple[bytes, list[Finding]]:
        """Media that is neither JPEG nor PNG: sniffed, and cleaned by the handler for its kind.
        Vector drawings (EMF, WMF) and other non-media parts are left as they are."""
        with tempfile.TemporaryDirectory(prefix="resguardo-") as tmp:
            raw = Path(tmp) / "part"
            raw.write_bytes(data)
            try:
                kind = registry.sniff(raw)
            except ScrubError:
                return data, []  # not a kind of media any handler reads (EMF, WMF, SVG, binary)
            if kind == "pdf" or pdf:
                if self.options is None:
                    return data, _inspect_pdf(raw)
                out = Path(tmp) / "clean.pdf"
                result = _clean_pdf(raw, out, self.options, self.name)
                self.faces_masked += result.faces_masked
                return out.read_bytes(), [Finding(k, "", "hidden-data") for k in result.removed]
            suffix = sorted(registry.EXTENSIONS.get(kind, frozenset({""})))[0]
            typed = raw.rename(Path(tmp) / f"part{suffix}")
            try:
                handler, _ = registry.handler_for(typed)
            except ScrubError as exc:
                raise _unsupported_content(self.name, f"{member} ({kind})") from exc
            if self.options is None:
                return data, handler.inspect(typed, kind)
            out = Path(tmp) / f"clean{suffix}"
            result = handler.clean(typed, out, kind, self.options)
            self.faces_masked += len(result.faces) + result.faces_masked
            return out.read_bytes(), [Finding(k, "", "other") for k in result.removed]

    # ---- references to dropped parts

    def _drop_references(self, member: str, tree: etree._ElementTree) -> None:
        root = tree.getroot()
        if member == "[Content_Types].xml":
            for override in list(root.iter(_q("ct", "Override"))):
                part = (override.get("PartName") or "").lstrip("/")
                if self.lower.get(unquote(part).lower()) in self.dropped:
                    _remove(override)()
            return
        if not member.endswith(".rels"):
            self._drop_relationship_uses(member, root)
            return
        source = _rels_source(member)
        for rel in list(root.iter(_q("rel", "Relationship"))):
            if rel.get("TargetMode") == "External":
                continue
            target = self.lower.get(_resolve(source, rel.get("Target") or "").lower())
            if target in self.dropped:
                _remove(rel)()

    def _dropped_ids(self, member: str) -> set[str]:
        folder, _, file = member.rpartition("/")
        rels = (folder + "/" if folder else "") + "_rels/" + file + ".rels"
        if self.lower.get(rels.lower()) is None:
            return set()
        ids: set[str] = set()
        real = self.lower[rels.lower()]
        for rel in self._xml(real).iter(_q("rel", "Relationship")):
            role = (rel.get("Type") or "").rsplit("/", 1)[-1]
            target = rel.get("Target") or ""
            if rel.get("TargetMode") == "External":
                if role == "attachedTemplate" and _is_local_path(target):
                    ids.add(rel.get("Id") or "")
                continue
            if self.lower.get(_resolve(member, target).lower()) in self.dropped:
                ids.add(rel.get("Id") or "")
        return ids

    def _drop_relationship_uses(self, member: str, root: etree._Element) -> None:
        ids = self._dropped_ids(member)
        if not ids:
            return
        r = "{" + NS["r"] + "}"
        for element in list(root.iter()):
            for attribute in list(element.attrib):
                if attribute.startswith(r) and element.get(attribute) in ids:
                    if _local(element.tag) in _REF_ELEMENTS:
                        _remove(element)()
                        break
                    del element.attrib[attribute]

    def _odf_manifest(self) -> None:
        if self.options is None or "META-INF/manifest.xml" not in self.out:
            return
        tree = self._xml("META-INF/manifest.xml")
        for entry in list(tree.iter(_q("manifest", "file-entry"))):
            path = str(entry.get(_q("manifest", "full-path")))
            gone = path in self.dropped or (
                path.endswith("/")
                and any(d.startswith(path) for d in self.dropped)
                and not any(k.startswith(path) for k in self.out)
            )
            if gone:
                _remove(entry)()
        self.out["META-INF/manifest.xml"] = _serialize(tree)


# --------------------------------------------------------------------------- faces in drawings
#
# EMF and WMF drawings are vector instructions, but some draw bitmaps (a photo pasted into a
# drawing). Those bitmaps are searched for faces; the scrubber does not rewrite drawings, so a
# face found refuses the document, as does a bitmap that cannot be decoded.

#: EMF records that carry a bitmap, with the offset of their offBmiSrc field.
_EMF_BITMAPS = {76: 84, 77: 84, 78: 84, 79: 96, 80: 48, 81: 48, 114: 84, 116: 84}
#: WMF records that carry a device-independent bitmap, with where it starts in the record.
_WMF_BITMAPS = {0x0F43: 28, 0x0B41: 26, 0x0940: 22, 0x0D33: 24}
_EMF_COMMENT = 70
_EMFPLUS_OBJECT = 0x4008
_EMFPLUS_IMAGE = 5


def _drawing_kind(data: bytes) -> str | None:
    if len(data) >= 44 and data[:4] == b"\x01\x00\x00\x00" and data[40:44] == b" EMF":
        return "emf"
    if data[:4] == b"\xd7\xcd\xc6\x9a" or (
        data[:2] in (b"\x01\x00", b"\x02\x00") and data[2:4] == b"\x09\x00"
    ):
        return "wmf"
    return None


def _drawing_bitmaps(data: bytes) -> Iterator[bytes]:
    """The bitmaps an EMF (with its EMF+ objects) or WMF draws, each as a file Pillow opens:
    a BMP built from a device-independent bitmap, or the PNG/JPEG/GIF an EMF+ object holds."""
    kind = _drawing_kind(data)
    if kind == "emf":
        yield from _emf_bitmaps(data)
    elif kind == "wmf":
        pos = 22 if data[:4] == b"\xd7\xcd\xc6\x9a" else 0  # the placeable header
        pos += 2 * int.from_bytes(data[pos + 2 : pos + 4], "little")  # the header, in 16-bit words
        while pos + 6 <= len(data):
            size = 2 * int.from_bytes(data[pos : pos + 4], "little")
            function = int.from_bytes(data[pos + 4 : pos + 6], "little")
            if size < 6 or pos + size > len(data):
                raise ValueError("a record past the end")
            start = _WMF_BITMAPS.get(function)
            if start is not None and size > start + 40:
                yield _bmp_file(data[pos + start : pos + size])
            pos += size


def _emf_bitmaps(data: bytes) -> Iterator[bytes]:
    pos = 0
    plus = bytearray()
    while pos + 8 <= len(data):
        kind, size = struct.unpack_from("<II", data, pos)
        if size < 8 or pos + size > len(data):
            raise ValueError("a record past the end")
        record = data[pos : pos + size]
        pos += size
        if kind in _EMF_BITMAPS and size >= _EMF_BITMAPS[kind] + 16:
            off_bmi, cb_bmi, off_bits, cb_bits = struct.unpack_from("<IIII", record, _EMF_BITMAPS[kind])
            if cb_bmi and off_bmi + cb_bmi <= size and off_bits + cb_bits <= size:
                yield _bmp_file(record[off_bmi : off_bmi + cb_bmi] + record[off_bits : off_bits + cb_bits])
        elif kind == _EMF_COMMENT and record[12:16] == b"EMF+":
            plus += record[16:]
    yield from _emfplus_images(bytes(plus))


def _emfplus_images(data: bytes) -> Iterator[bytes]:
    """The images of EMF+ object records, put back together across continued records."""
    pos = 0
    pieces: dict[int, bytearray] = {}
    while pos + 12 <= len(data):
        kind, flags, size, length = struct.unpack_from("<HHII", data, pos)
        if size < 12 or pos + size > len(data) or length > size - 12:
            raise ValueError("an EMF+ record past the end")
        body = data[pos + 12 : pos + 12 + length]
        pos += size
        if kind != _EMFPLUS_OBJECT or (flags >> 8) & 0x7F != _EMFPLUS_IMAGE:
            continue
        slot = flags & 0xFF
        if flags & 0x8000:  # continued: the total size first, then this record's share
            pieces.setdefault(slot, bytearray()).extend(body[4:])
            continue
        whole = bytes(pieces.pop(slot, bytearray())) + body
        image = _emfplus_image(whole)
        if image is not None:
            yield image
    for rest in pieces.values():  # the last piece of a continued object never came
        image = _emfplus_image(bytes(rest))
        if image is not None:
            yield image


def _emfplus_image(data: bytes) -> bytes | None:
    """An EmfPlusImage that is a bitmap, as a file Pillow opens (None for a metafile)."""
    if len(data) < 28 or int.from_bytes(data[4:8], "little") != 1:
        return None
    width, height, stride, pixel_format, kind = struct.unpack_from("<iiiII", data, 8)
    pixels = data[28:]
    if kind != 1 and min(width, height) < MIN_PICTURE_SIDE:
        return None  # an icon: no face in it can be told
    if kind == 1:
        return pixels  # compressed: the bytes of a PNG, JPEG, GIF... file
    if pixel_format in (0x0026200A, 0x000E200B, 0x00022009) and width > 0 and height > 0 and stride > 0:
        buffer = io.BytesIO()
        mode = "BGRA" if pixel_format != 0x00022009 else "BGRX"
        Image.frombuffer("RGBA", (width, height), pixels, "raw", mode, stride, 1).save(buffer, "BMP")
        return buffer.getvalue()
    return b"unreadable EMF+ pixel format"


def _bmp_file(dib: bytes) -> bytes:
    """A BMP file around a device-independent bitmap (header, colours, pixels)."""
    header = int.from_bytes(dib[:4], "little")
    bits, colours, compression = (
        int.from_bytes(dib[14:16], "little"),
        int.from_bytes(dib[32:36], "little"),
        int.from_bytes(dib[16:20], "little"),
    )
    if header >= 40 and compression in (4, 5):  # BI_JPEG, BI_PNG: the pixels are that file
        return dib[header:]
    table = (colours or (1 << bits if bits <= 8 else 0)) * (3 if header == 12 else 4)
    if header >= 40 and compression == 3 and header == 40:
        table += 12  # the three BI_BITFIELDS masks
    return b"BM" + struct.pack("<IHHI", 14 + len(dib), 0, 0, 14 + header + table) + dib


def _search_drawing(data: bytes, name: str, member: str) -> None:
    """Refuse the document when a bitmap of this drawing shows a face or cannot be decoded."""
    try:
        bitmaps = list(_drawing_bitmaps(data))
    except (ValueError, struct.error, OSError) as exc:
        raise _undecodable(name, member) from exc
    for bitmap in bitmaps:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                with Image.open(io.BytesIO(bitmap)) as opened:
                    if opened.width * opened.height > images.MAX_PIXELS:
                        raise _bomb(name)
                    picture = opened.convert("RGB")
        except ScrubError:
            raise
        except Exception as exc:  # Pillow raises many kinds for what it cannot decode
            raise _undecodable(name, member) from exc
        if min(picture.size) >= MIN_PICTURE_SIDE and images.find_faces(picture, name):
            raise _unmaskable_faces(name, member)


def _is_bmp(data: bytes) -> bool:
    """A Windows bitmap: the ``BM`` signature, a size that fits and a known header size."""
    if len(data) < 26 or not data.startswith(b"BM"):
        return False
    size, header = int.from_bytes(data[2:6], "little"), int.from_bytes(data[14:18], "little")
    return size <= len(data) + 1024 and header in (12, 40, 52, 56, 64, 108, 124)


def _sniff_package(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" in names:
                return "ooxml"
            if "mimetype" in names and archive.read("mimetype").startswith(
                b"application/vnd.oasis.opendocument"
            ):
                return "odf"
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return None
    return None


def _write_package(cleaner: _PackageCleaner) -> bytes:
    buffer = io.BytesIO()
    order = [info.filename for info, _ in cleaner.package.members if info.filename in cleaner.out]
    if cleaner.package.kind == "odf" and "mimetype" in order:
        order.remove("mimetype")
        order.insert(0, "mimetype")
    with zipfile.ZipFile(buffer, "w") as archive:
        for member in order:
            info = zipfile.ZipInfo(member, date_time=ZIP_EPOCH)
            stored = cleaner.package.kind == "odf" and member == "mimetype"
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, cleaner.out[member])
        archive.comment = b""
    return buffer.getvalue()


def _inspect_package(path: Path, kind: str) -> list[Finding]:
    budget = _Budget()
    package = _read_package(path, kind, path.name, budget)
    cleaner = _PackageCleaner(package, path.name, None, 0, budget)
    cleaner.run()
    return _dedupe(cleaner.findings)


def _clean_package(src: Path, dst: Path, kind: str, options: Options) -> CleanResult:
    budget = _Budget()
    package = _read_package(src, kind, src.name, budget)
    cleaner = _PackageCleaner(package, src.name, options, 0, budget)
    cleaner.run()
    dst.write_bytes(_write_package(cleaner))
    return CleanResult(removed=_removed(cleaner.findings), faces_masked=cleaner.faces_masked)


# --------------------------------------------------------------------------- the handler


class DocumentHandler:
    """PDF, OOXML and ODF documents."""

    kinds: tuple[str, ...] = ("pdf", "ooxml", "odf")

    def inspect(self, path: Path, kind: str) -> list[Finding]:
        if kind == "pdf":
            return _inspect_pdf(path)
        return _inspect_package(path, kind)

    def clean(self, src: Path, dst: Path, kind: str, options: Options) -> CleanResult:
        # Consent and extra rectangles are drawn on one still image; a document's pictures
        # have their faces masked, all of them.
        options = replace(options, keep=(), extra=())
        if kind == "pdf":
            return _clean_pdf(src, dst, options)
        return _clean_package(src, dst, kind, options)


registry.register(DocumentHandler())
