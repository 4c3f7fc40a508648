"""Photos and pictures: JPEG, PNG, WebP, TIFF, GIF (animated too) and HEIC/HEIF.

``inspect`` walks the file's own segments, chunks and boxes (Pillow hides or drops some of
them) and reports EXIF, XMP, IPTC, device colour profiles, thumbnails and previews, comments,
text chunks and data hidden after the end of the image. What it does not recognise is
reported as hidden data: a cleaned file must give nothing away, and anything unknown might.

``clean`` never copies a byte of metadata: it decodes the pixels, turns them upright (EXIF
orientation), converts a device colour profile to sRGB, masks faces, and encodes a brand-new
image object that has no metadata to carry. Every frame of an animation is cleaned and
masked; an embedded thumbnail or preview is never decoded.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import mmap
import re
import struct
import warnings
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

from PIL import ExifTags, Image, ImageCms, ImageFile, JpegImagePlugin

from resguardo.errors import ScrubError
from resguardo.i18n import gettext_noop
from resguardo.scrub.media import masking, registry
from resguardo.scrub.media.base import Box, Category, CleanResult, Finding, MaskStyle, Options

try:
    import pillow_heif
except ImportError:  # pragma: no cover - the media extra brings it; without it HEIC is refused
    HEIF_SUPPORT = False
else:
    pillow_heif.register_heif_opener()
    HEIF_SUPPORT = True

__all__ = [
    "DOCUMENT_PICTURES",
    "HEIF_SUPPORT",
    "JPEG_QUALITY",
    "MAX_FRAMES",
    "MAX_PIXELS",
    "MAX_TOTAL_PIXELS",
    "ImageHandler",
    "clean_jpeg",
    "find_faces",
    "icc_is_standard",
    "mask_document_picture",
    "plain_pixels",
]

#: Pixels of one frame; above this a file is refused as a decompression bomb.
MAX_PIXELS = 80_000_000
#: Pixels of all the frames of an animation or multi-page TIFF together (memory bound).
MAX_TOTAL_PIXELS = 400_000_000
MAX_FRAMES = 1000
JPEG_QUALITY = 92
WEBP_QUALITY = 90
HEIF_QUALITY = 90
#: x265's speed preset: libheif's default ("slow") takes about 2.5 times the CPU time for files
#: about 3% smaller at the same quality.
HEIF_PRESET = "fast"
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

PIL_FORMATS: dict[str, list[str]] = {
    "jpeg": ["JPEG", "MPO"],
    "png": ["PNG"],
    "webp": ["WEBP"],
    "tiff": ["TIFF"],
    "gif": ["GIF"],
    "heif": ["HEIF"],
}

Buffer = bytes | mmap.mmap


class _Malformed(Exception):
    """The container's structure is broken (internal: becomes scrub.corrupt)."""


# --------------------------------------------------------------------------- errors


def _corrupt(path: Path) -> ScrubError:
    return ScrubError(
        gettext_noop("%(file)s is damaged or truncated and cannot be cleaned safely: refused."),
        code="scrub.corrupt",
        params={"file": path.name},
    )


def _bomb(path: Path) -> ScrubError:
    return ScrubError(
        gettext_noop(
            "%(file)s has more pixels than the scrubber decodes safely (%(max)s per frame): "
            "refused as a possible decompression bomb."
        ),
        code="scrub.decompression_bomb",
        params={"file": path.name, "max": MAX_PIXELS},
    )


def _too_many_frames(path: Path, frames: int) -> ScrubError:
    return ScrubError(
        gettext_noop("%(file)s has %(frames)s frames, more than the %(max)s the scrubber accepts: refused."),
        code="scrub.too_many_frames",
        params={"file": path.name, "frames": frames, "max": MAX_FRAMES},
    )


def _unsupported(path: Path) -> ScrubError:
    return ScrubError(
        gettext_noop("%(file)s is not a supported kind of file."),
        code="scrub.unsupported_type",
        params={"file": path.name},
    )


# --------------------------------------------------------------------------- findings


def _excerpt(raw: bytes | str, limit: int = 80) -> str:
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    text = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _finding(key: str, value: bytes | str, category: Category) -> Finding:
    return Finding(key, _excerpt(value), category)


def _size(n: int) -> str:
    return f"{n} bytes"


def _unique(findings: Sequence[Finding]) -> list[Finding]:
    seen: dict[str, Finding] = {}
    for f in findings:
        seen.setdefault(f.key, f)
    return list(seen.values())


def _inflate(data: bytes, limit: int) -> bytes:
    """zlib data, at most ``limit`` bytes of it (a compressed chunk may be a bomb)."""
    return zlib.decompressobj().decompress(data, limit)


def _xmp(data: bytes) -> Finding:
    category: Category = "location" if b"GPSL" in data or b"LocationShown" in data else "other"
    return _finding("xmp", f"XMP packet, {_size(len(data))}", category)


def _trailer(buf: Buffer, start: int) -> Finding:
    head = bytes(buf[start : start + 65536])
    if b"ftyp" in head:
        what = "an MP4 video (motion photo)"
    elif head.startswith(b"\xff\xd8"):
        what = "another JPEG image"
    elif not head.strip(b"\x00\xff"):
        what = "padding"
    else:
        what = "unknown data"
    return _finding("trailer", f"{_size(len(buf) - start)} after the image end: {what}", "hidden-data")


# --------------------------------------------------------------------------- EXIF / TIFF structure

_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4, 16: 8, 17: 8}
_INT_FORMATS = {1: "B", 3: "H", 4: "I", 6: "b", 8: "h", 9: "i", 13: "I", 16: "Q", 17: "q"}

#: TIFF tags that only describe the image data; a TIFF file needs them, they identify nobody.
TIFF_STRUCTURE = frozenset(
    {254, 255, 256, 257, 258, 259, 262, 263, 266, 273, 274, 277, 278, 279, 280, 281, 282, 283, 284}
    | {290, 291, 296, 297, 301, 317, 318, 319, 320, 322, 323, 324, 325, 332, 338, 339, 340, 341}
    | {347, 529, 530, 531, 532}
)
_CATEGORY: dict[int, Category] = {
    315: "person",  # Artist
    33432: "person",  # Copyright
    42032: "person",  # CameraOwnerName
    40093: "person",  # XPAuthor
    0xA437: "person",  # Photographer
    0xA438: "person",  # ImageEditor
    270: "content",  # ImageDescription
    269: "content",  # DocumentName
    285: "content",  # PageName
    37510: "content",  # UserComment
    40091: "content",  # XPTitle
    40092: "content",  # XPComment
    40094: "content",  # XPKeywords
    40095: "content",  # XPSubject
    0xA436: "content",  # ImageTitle
    271: "device",  # Make
    272: "device",  # Model
    316: "device",  # HostComputer
    42016: "device",  # ImageUniqueID
    42033: "device",  # BodySerialNumber
    42034: "device",  # LensSpecification
    42035: "device",  # LensMake
    42036: "device",  # LensModel
    42037: "device",  # LensSerialNumber
    50708: "device",  # UniqueCameraModel
    50735: "device",  # CameraSerialNumber
    306: "time",  # DateTime
    36867: "time",  # DateTimeOriginal
    36868: "time",  # DateTimeDigitized
    36880: "time",
    36881: "time",
    36882: "time",  # OffsetTime*
    37520: "time",
    37521: "time",
    37522: "time",  # SubsecTime*
    305: "software",  # Software
    11: "software",  # ProcessingSoftware
    0xA439: "software",  # CameraFirmware
    0xA43A: "software",
    0xA43B: "software",
    0xA43C: "software",  # *EditingSoftware
}
_POINTERS = {34665: "exif", 34853: "gps", 40965: "interop", 330: "subifds"}


@dataclass(frozen=True, slots=True)
class _Tag:
    tag: int
    type: int
    count: int
    start: int
    size: int


@dataclass
class _Tiff:
    """A TIFF structure (a TIFF file, or the EXIF block of a JPEG/PNG/WebP/HEIF) in ``buf``."""

    buf: Buffer
    base: int
    end: int
    order: str = ">"
    first: int = 0
    extents: list[tuple[int, int]] = field(default_factory=list)
    visited: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        head = bytes(self.buf[self.base : self.base + 8])
        if len(head) < 8 or head[:2] not in (b"II", b"MM"):
            raise _Malformed("no TIFF header")
        self.order = "<" if head[:2] == b"II" else ">"
        if struct.unpack(self.order + "H", head[2:4])[0] != 42:
            raise _Malformed("not classic TIFF")
        self.first = struct.unpack(self.order + "I", head[4:8])[0]
        self.extents.append((self.base, self.base + 8))

    def _unpack(self, fmt: str, pos: int) -> tuple[int, ...]:
        if pos < self.base or pos + struct.calcsize(fmt) > self.end:
            raise _Malformed("read past the end")
        return cast(tuple[int, ...], struct.unpack_from(self.order + fmt, self.buf, pos))

    def ifd(self, offset: int) -> tuple[list[_Tag], int]:
        pos = self.base + offset
        if offset in self.visited or len(self.visited) > 4 * MAX_FRAMES:
            raise _Malformed("IFD loop")
        self.visited.add(offset)
        (count,) = self._unpack("H", pos)
        if count == 0 or count > 4096:
            raise _Malformed("bad IFD")
        self.extents.append((pos, pos + 2 + 12 * count + 4))
        tags: list[_Tag] = []
        for i in range(count):
            entry = pos + 2 + 12 * i
            tag, typ, n = self._unpack("HHI", entry)
            size = _TYPE_SIZES.get(typ, 0) * n
            if size <= 4:
                start = entry + 8
            else:
                start = self.base + self._unpack("I", entry + 8)[0]
                if start + size > self.end:
                    raise _Malformed("value past the end")
                self.extents.append((start, start + size))
            tags.append(_Tag(tag, typ, n, start, size))
        (following,) = self._unpack("I", pos + 2 + 12 * count)
        return tags, following

    def raw(self, tag: _Tag) -> bytes:
        return bytes(self.buf[tag.start : tag.start + tag.size])

    def ints(self, tag: _Tag) -> list[int]:
        fmt = _INT_FORMATS.get(tag.type)
        if fmt is None or tag.count > 1_000_000:
            return []
        return list(self._unpack(f"{tag.count}{fmt}", tag.start))

    def floats(self, tag: _Tag) -> list[float]:
        if tag.type in (5, 10):
            pairs = self._unpack(f"{2 * tag.count}{'I' if tag.type == 5 else 'i'}", tag.start)
            return [a / b if b else 0.0 for a, b in zip(pairs[::2], pairs[1::2], strict=True)]
        return [float(v) for v in self.ints(tag)]

    def text(self, tag: _Tag) -> str:
        raw = self.raw(tag)
        if tag.tag in (40091, 40092, 40093, 40094, 40095):  # Windows XP* tags are UTF-16LE bytes
            return raw.decode("utf-16-le", "replace").rstrip("\x00")
        if tag.tag == 37510 and len(raw) >= 8:  # UserComment: 8 bytes of character code first
            body = raw[8:]
            return body.decode("utf-16", "replace") if raw[:8].startswith(b"UNICODE") else _excerpt(body)
        if tag.type in (2, 1, 7):
            return raw.rstrip(b"\x00").decode("utf-8", "replace")
        numbers = self.floats(tag)[:8]
        return " ".join(f"{v:g}" for v in numbers)

    def image_data(self, tags: list[_Tag]) -> None:
        """Record the strips, tiles and JPEG thumbnail an IFD points to."""
        by_id = {t.tag: t for t in tags}
        for offsets_tag, counts_tag in ((273, 279), (324, 325), (513, 514)):
            if offsets_tag in by_id and counts_tag in by_id:
                offsets, counts = self.ints(by_id[offsets_tag]), self.ints(by_id[counts_tag])
                for offset, count in zip(offsets, counts, strict=False):
                    start = self.base + offset
                    if start + count > self.end:
                        raise _Malformed("image data past the end")
                    self.extents.append((start, start + count))


def _gps_value(tiff: _Tiff, tags: list[_Tag]) -> str:
    by_id = {t.tag: t for t in tags}

    def coordinate(value_tag: int, ref_tag: int, negative: bytes) -> float | None:
        if value_tag not in by_id:
            return None
        parts = [*tiff.floats(by_id[value_tag]), 0.0, 0.0, 0.0]
        value = parts[0] + parts[1] / 60 + parts[2] / 3600
        ref = tiff.raw(by_id[ref_tag])[:1] if ref_tag in by_id else b""
        return -value if ref == negative else value

    lat, lon = coordinate(2, 1, b"S"), coordinate(4, 3, b"W")
    if lat is not None and lon is not None:
        return f"{lat:.5f}, {lon:.5f}"
    return f"GPS data ({len(tags)} tags)"


def _report_tags(
    tiff: _Tiff, tags: list[_Tag], skip: frozenset[int], out: list[Finding], other: list[str]
) -> None:
    """Findings for the tags of one IFD; sub-IFDs are walked (their extents recorded)."""
    for tag in tags:
        if tag.tag in skip:
            continue
        if tag.tag in _POINTERS:
            _walk_pointer(tiff, tag, out, other)
        elif tag.tag == 37500:
            out.append(_finding("exif:MakerNote", f"maker notes, {_size(tag.size)}", "device"))
        elif tag.tag == 700:
            out.append(_xmp(tiff.raw(tag)))
        elif tag.tag == 33723:
            out.append(_finding("iptc", _iptc_summary(tiff.raw(tag)), "person"))
        elif tag.tag == 34377:
            out.extend(_irb_findings(tiff.raw(tag)))
        elif tag.tag == 34675:
            out.extend(_icc_findings(tiff.raw(tag)))
        elif tag.tag in _CATEGORY:
            name = ExifTags.TAGS.get(tag.tag, f"0x{tag.tag:04X}")
            out.append(_finding(f"exif:{name}", tiff.text(tag), _CATEGORY[tag.tag]))
        else:
            other.append(ExifTags.TAGS.get(tag.tag, f"0x{tag.tag:04X}"))


def _walk_pointer(tiff: _Tiff, tag: _Tag, out: list[Finding], other: list[str]) -> None:
    kind = _POINTERS[tag.tag]
    offsets = tiff.ints(tag) or [0]
    if tag.type not in (4, 13) and kind != "subifds":
        offsets = [int.from_bytes(tiff.raw(tag)[:4], "little" if tiff.order == "<" else "big")]
    for offset in offsets[:64]:
        sub, _following = tiff.ifd(offset)
        if kind == "gps":
            out.append(_finding("exif:GPSInfo", _gps_value(tiff, sub), "location"))
        elif kind == "exif":
            _report_tags(tiff, sub, frozenset(), out, other)
        elif kind == "subifds":
            tiff.image_data(sub)
            out.append(_finding("exif:SubIFDs", "preview or full-size images in sub-IFDs", "hidden-data"))


def _exif_findings(data: bytes) -> list[Finding]:
    """Everything in an embedded EXIF block (every one is removed by cleaning)."""
    if data.startswith(b"Exif\x00\x00"):
        data = data[6:]
    out: list[Finding] = []
    other: list[str] = []
    try:
        tiff = _Tiff(data, 0, len(data))
        tags, following = tiff.ifd(tiff.first)
        _report_tags(tiff, tags, frozenset(), out, other)
        if following:
            ifd1, _ = tiff.ifd(following)
            length = next((tiff.ints(t)[:1] for t in ifd1 if t.tag == 514), [0])
            size = length[0] if length else 0
            out.append(_finding("exif:thumbnail", f"embedded thumbnail (IFD1), {_size(size)}", "hidden-data"))
    except (_Malformed, struct.error, ValueError):
        out.append(
            _finding("exif", f"EXIF block that cannot be fully read, {_size(len(data))}", "hidden-data")
        )
    if other:
        out.append(_finding("exif:other", f"{len(other)} tags: {', '.join(other)}", "device"))
    if not out:
        out.append(_finding("exif", f"EXIF block, {_size(len(data))}", "other"))
    return out


# --------------------------------------------------------------------------- IPTC, Photoshop, ICC

_IPTC_NAMES = {
    5: "ObjectName",
    25: "Keywords",
    55: "DateCreated",
    80: "By-line",
    85: "By-lineTitle",
    90: "City",
    95: "Province-State",
    101: "Country",
    110: "Credit",
    115: "Source",
    116: "CopyrightNotice",
    120: "Caption",
    122: "Writer",
}


def _iptc_summary(data: bytes) -> str:
    parts: list[str] = []
    pos = 0
    while pos + 5 <= len(data) and data[pos] == 0x1C:
        record, dataset, size = data[pos + 1], data[pos + 2], int.from_bytes(data[pos + 3 : pos + 5], "big")
        pos += 5
        if size & 0x8000:  # extended dataset: the length of the length follows
            width = size & 0x7FFF
            size = int.from_bytes(data[pos : pos + width], "big")
            pos += width
        value = data[pos : pos + size]
        pos += size
        if record == 2 and dataset in _IPTC_NAMES:
            parts.append(f"{_IPTC_NAMES[dataset]}={_excerpt(value, 30)}")
    return "; ".join(parts) if parts else f"IPTC data, {_size(len(data))}"


def _irb_findings(data: bytes) -> list[Finding]:
    """Photoshop image resources (JPEG APP13, TIFF tag 34377): IPTC, thumbnails and more."""
    out: list[Finding] = []
    if data.startswith(b"Photoshop 3.0\x00"):
        data = data[14:]
    pos, other = 0, 0
    while pos + 12 <= len(data) and data[pos : pos + 4] in (b"8BIM", b"MeSa", b"PHUT", b"AgHg", b"DCSR"):
        resource = int.from_bytes(data[pos + 4 : pos + 6], "big")
        name_len = data[pos + 6]
        pos += 6 + ((name_len + 2) & ~1)
        if pos + 4 > len(data):
            break
        size = int.from_bytes(data[pos : pos + 4], "big")
        body = data[pos + 4 : pos + 4 + size]
        pos += 4 + size + (size & 1)
        if resource == 0x0404:
            out.append(_finding("iptc", _iptc_summary(body), "person"))
        elif resource in (0x0409, 0x040C):
            out.append(_finding("photoshop:thumbnail", f"Photoshop thumbnail, {_size(size)}", "hidden-data"))
        elif resource == 0x0422:
            out.extend(_exif_findings(body))
        elif resource == 0x0424:
            out.append(_xmp(body))
        elif resource == 0x040F:
            out.extend(_icc_findings(body))
        else:
            other += 1
    if other or pos < len(data.rstrip(b"\x00")):
        out.append(_finding("photoshop:irb", f"Photoshop resources, {_size(len(data))}", "other"))
    return out


def _icc_description(icc: bytes) -> str:
    if len(icc) < 132:
        raise _Malformed("short ICC profile")
    (count,) = struct.unpack_from(">I", icc, 128)
    for i in range(min(count, 256)):
        if 132 + 12 * i + 12 > len(icc):
            raise _Malformed("ICC tag table past the end")
        sig, offset, size = struct.unpack_from(">4sII", icc, 132 + 12 * i)
        if sig != b"desc":
            continue
        body = icc[offset : offset + size]
        if body[:4] == b"desc" and len(body) >= 12:
            (length,) = struct.unpack_from(">I", body, 8)
            return body[12 : 12 + length].split(b"\x00", 1)[0].decode("latin-1")
        if body[:4] == b"mluc" and len(body) >= 28:
            str_len, str_off = struct.unpack_from(">II", body, 20)
            return body[str_off : str_off + str_len].decode("utf-16-be", "replace")
        raise _Malformed("unknown description type")
    return ""


def icc_is_standard(icc: bytes) -> bool:
    """True for the standard sRGB and grey profiles, which say nothing about a device."""
    try:
        description = _icc_description(icc).strip().lower()
    except (_Malformed, struct.error, UnicodeDecodeError):
        return False
    space = icc[16:20]
    if space == b"RGB ":
        return description.startswith("srgb")
    if space == b"GRAY":
        return any(word in description for word in ("gray", "grey", "dot gain"))
    return False


def _icc_findings(icc: bytes) -> list[Finding]:
    if icc_is_standard(icc):
        return []
    try:
        description = _icc_description(icc) or "unnamed profile"
    except (_Malformed, struct.error, UnicodeDecodeError):
        description = "unreadable profile"
    maker = bytes(icc[48:56]).replace(b"\x00", b" ").strip() if len(icc) >= 56 else b""
    detail = f"{description} ({_excerpt(maker)})" if maker else description
    return [_finding("icc:desc", detail, "device")]


# --------------------------------------------------------------------------- JPEG

_JPEG_PLAIN = frozenset({0xC4, 0xCC, 0xDA, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF} | set(range(0xC0, 0xD0)) - {0xC8})


def _jpeg(buf: Buffer) -> list[Finding]:
    n = len(buf)
    if bytes(buf[:2]) != b"\xff\xd8":
        raise _Malformed("no SOI")
    out: list[Finding] = []
    icc: dict[int, bytes] = {}
    pos = 2
    while True:
        if pos >= n:
            raise _Malformed("no EOI")
        if buf[pos] != 0xFF:
            following = buf.find(b"\xff", pos)
            if following < 0:
                raise _Malformed("no EOI")
            out.append(
                _finding("jpeg:extraneous", f"{_size(following - pos)} between segments", "hidden-data")
            )
            pos = following
        while pos < n and buf[pos] == 0xFF:
            pos += 1
        if pos >= n:
            raise _Malformed("no EOI")
        marker = buf[pos]
        pos += 1
        if marker == 0xD9:
            break
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            continue
        if marker == 0xD8 or pos + 2 > n:
            raise _Malformed("bad marker")
        length = int.from_bytes(buf[pos : pos + 2], "big")
        if length < 2 or pos + length > n:
            raise _Malformed("segment past the end")
        segment = bytes(buf[pos + 2 : pos + length])
        pos += length
        _jpeg_segment(marker, segment, out, icc)
        if marker == 0xDA:
            pos = _skip_entropy(buf, pos)
    if icc:
        out.extend(_icc_findings(b"".join(icc[k] for k in sorted(icc))))
    if pos < n:
        out.append(_trailer(buf, pos))
    return out


#: A 0xFF that starts a marker inside entropy-coded data: not a stuffed 0xFF00, not a restart
#: marker, not a fill byte followed by more 0xFF (the last 0xFF of a run is the marker's).
_SCAN_END = re.compile(rb"\xff(?=[^\x00\xd0-\xd7\xff])")


def _skip_entropy(buf: Buffer, pos: int) -> int:
    """The position of the marker that ends entropy-coded data starting at ``pos``."""
    found = _SCAN_END.search(buf, pos)
    if found is None:
        raise _Malformed("truncated scan")
    return found.start()


def _jpeg_segment(marker: int, segment: bytes, out: list[Finding], icc: dict[int, bytes]) -> None:
    if marker == 0xE0 and segment.startswith(b"JFIF\x00"):
        if len(segment) >= 14 and segment[12] * segment[13] > 0:
            out.append(
                _finding("jfif:thumbnail", f"JFIF thumbnail {segment[12]}x{segment[13]}", "hidden-data")
            )
    elif marker == 0xE0 and segment.startswith(b"JFXX\x00"):
        out.append(_finding("jfif:thumbnail", "JFXX thumbnail", "hidden-data"))
    elif marker == 0xE1 and segment.startswith(b"Exif\x00"):
        out.extend(_exif_findings(segment[6:]))
    elif marker == 0xE1 and segment.startswith(
        (b"http://ns.adobe.com/xap/1.0/\x00", b"http://ns.adobe.com/xmp")
    ):
        out.append(_xmp(segment))
    elif marker == 0xE2 and segment.startswith(b"ICC_PROFILE\x00") and len(segment) >= 14:
        icc[segment[12]] = segment[14:]
    elif marker == 0xE2 and segment.startswith(b"MPF\x00"):
        out.append(_finding("mpf", "Multi-Picture Format index: extra images or previews", "hidden-data"))
    elif marker == 0xED and segment.startswith(b"Photoshop 3.0\x00"):
        out.extend(_irb_findings(segment))
    elif marker == 0xEE and segment.startswith(b"Adobe"):
        pass  # colour transform flags written by every encoder of CMYK/YCCK JPEG
    elif 0xE0 <= marker <= 0xEF:
        label = _excerpt(segment.split(b"\x00", 1)[0][:32]) or "unnamed"
        out.append(_finding(f"jpeg:APP{marker - 0xE0}", f"{label}, {_size(len(segment))}", "hidden-data"))
    elif marker == 0xFE:
        out.append(_finding("comment", segment, "content"))
    elif marker not in _JPEG_PLAIN:
        out.append(_finding(f"jpeg:marker:{marker:02X}", _size(len(segment)), "hidden-data"))


# --------------------------------------------------------------------------- JPEG, losslessly

_JPEG_KEEP = frozenset(
    {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}  # SOFn
    | {0xC4, 0xCC, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF}  # DHT, DAC, DQT, DNL, DRI, DHP, EXP
)


def _orientation_app1(orientation: int) -> bytes:
    """An Exif segment that holds the orientation and nothing else."""
    tiff = b"MM\x00\x2a\x00\x00\x00\x08" + struct.pack(">HHHIHHI", 1, 0x0112, 3, 1, orientation, 0, 0)
    return b"Exif\x00\x00" + tiff


_ORIENTATION_ONLY = frozenset(_orientation_app1(o) for o in range(2, 9))


def _exif_orientation(payload: bytes) -> int:
    """The Orientation tag of an Exif APP1 payload, 1 when absent or unreadable."""
    tiff = payload[6:]
    if len(tiff) < 8 or tiff[:2] not in (b"II", b"MM"):
        return 1
    end = "<" if tiff[:2] == b"II" else ">"
    (offset,) = struct.unpack(end + "I", tiff[4:8])
    if offset + 2 > len(tiff):
        return 1
    (count,) = struct.unpack(end + "H", tiff[offset : offset + 2])
    for i in range(min(count, 512)):
        entry = tiff[offset + 2 + 12 * i : offset + 14 + 12 * i]
        if len(entry) < 12:
            break
        tag, kind = struct.unpack(end + "HH", entry[:4])
        if tag == 0x0112 and kind == 3:
            (value,) = struct.unpack(end + "H", entry[8:10])
            return value if 1 <= value <= 8 else 1
    return 1


def _jpeg_segment_name(marker: int, payload: bytes) -> str:
    if marker == 0xFE:
        return "jpeg:comment"
    if marker == 0xE1 and payload.startswith(b"Exif"):
        return "jpeg:exif"
    if marker == 0xE1 and payload.startswith(b"http://ns.adobe.com/xap"):
        return "jpeg:xmp"
    if marker == 0xED:
        return "jpeg:iptc"
    if marker == 0xE2 and payload.startswith(b"ICC_PROFILE"):
        return "jpeg:icc"
    if 0xE0 <= marker <= 0xEF:
        return f"jpeg:APP{marker - 0xE0}"
    return f"jpeg:marker-{marker:02X}"


def clean_jpeg(data: bytes, *, keep_orientation: bool, name: str = "") -> tuple[bytes, list[Finding]]:
    """A JPEG without its metadata segments (Exif, XMP, IPTC, ICC, comments, APPn, data after
    the image), losslessly, and the findings those segments were. With ``keep_orientation``
    the Exif orientation survives as a segment holding nothing else, so a phone photo inside a
    document is not shown sideways. Raises ``scrub.corrupt`` for a broken JPEG."""
    size = len(data)
    if not data.startswith(b"\xff\xd8"):
        raise _corrupt(Path(name))
    out = [b"\xff\xd8"]
    found: list[Finding] = []
    i = 2
    while True:
        if i >= size or data[i] != 0xFF:
            raise _corrupt(Path(name))
        while i < size and data[i] == 0xFF:
            i += 1
        if i >= size:
            raise _corrupt(Path(name))
        marker = data[i]
        i += 1
        if marker == 0xD9:
            out.append(b"\xff\xd9")
            if data[i:].strip(b"\x00\r\n \t"):
                found.append(Finding("jpeg:trailing-data", f"{size - i} bytes", "hidden-data"))
            break
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            out.append(bytes((0xFF, marker)))
            continue
        if i + 2 > size:
            raise _corrupt(Path(name))
        length = int.from_bytes(data[i : i + 2], "big")
        if length < 2 or i + length > size:
            raise _corrupt(Path(name))
        payload = data[i + 2 : i + length]
        segment = b"\xff" + bytes((marker,)) + data[i : i + length]
        i += length
        if marker in _JPEG_KEEP:
            out.append(segment)
        elif marker == 0xDA:
            out.append(segment)
            # Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart.
            j = i
            while True:
                j = data.find(b"\xff", j)
                if j < 0 or j + 1 >= size:
                    raise _corrupt(Path(name))
                following = data[j + 1]
                if following == 0x00 or 0xD0 <= following <= 0xD7:
                    j += 2
                    continue
                break
            out.append(data[i:j])
            i = j
        elif marker == 0xEE and payload.startswith(b"Adobe") and len(payload) == 12:
            out.append(segment)  # colour transform flags, needed to decode
        elif marker == 0xE0 and payload.startswith(b"JFIF\x00") and len(payload) == 14:
            out.append(segment)  # density only, no thumbnail
        elif marker == 0xE1 and payload in _ORIENTATION_ONLY and keep_orientation:
            out.append(segment)
        else:
            found.append(Finding(_jpeg_segment_name(marker, payload), f"{len(payload)} bytes", "hidden-data"))
            if keep_orientation and marker == 0xE1 and payload.startswith(b"Exif\x00\x00"):
                orientation = _exif_orientation(payload)
                if orientation != 1:
                    app1 = _orientation_app1(orientation)
                    out.append(b"\xff\xe1" + (len(app1) + 2).to_bytes(2, "big") + app1)
    return b"".join(out), _jpeg_categories(found)


def _jpeg_categories(found: list[Finding]) -> list[Finding]:
    categories: dict[str, Category] = {
        "jpeg:exif": "location",
        "jpeg:xmp": "other",
        "jpeg:iptc": "person",
        "jpeg:icc": "device",
        "jpeg:comment": "content",
    }
    return [Finding(f.key, f.value, categories.get(f.key, f.category)) for f in found]


# --------------------------------------------------------------------------- PNG

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_PLAIN = frozenset(
    {b"IHDR", b"PLTE", b"IDAT", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"sBIT", b"bKGD", b"pHYs", b"hIST"}
    | {b"acTL", b"fcTL", b"fdAT", b"cICP", b"mDCV", b"cLLI"}
)
_PNG_TEXT_CATEGORY: dict[str, Category] = {
    "author": "person",
    "copyright": "person",
    "creation time": "time",
    "software": "software",
    "source": "device",
    "disclaimer": "person",
}
#: Bytes of compressed text or profile that inspection inflates at most.
_INFLATE_LIMIT = 16 * 1024 * 1024


def _png(buf: Buffer) -> list[Finding]:
    if bytes(buf[:8]) != _PNG_SIGNATURE:
        raise _Malformed("no PNG signature")
    out: list[Finding] = []
    pos, n = 8, len(buf)
    while True:
        if pos + 12 > n:
            raise _Malformed("no IEND")
        length, ctype = struct.unpack_from(">I4s", buf, pos)
        if pos + 12 + length > n:
            raise _Malformed("chunk past the end")
        start = pos + 8
        pos = start + length + 4
        # Pillow does not check IDAT checksums: damaged pixel data would decode silently.
        (stored,) = struct.unpack_from(">I", buf, start + length)
        if zlib.crc32(buf[start - 4 : start + length]) != stored:
            raise _Malformed(f"bad CRC in {ctype!r}")
        if ctype == b"IEND":
            break
        if ctype in _PNG_PLAIN:
            continue
        _png_chunk(ctype, bytes(buf[start : start + length]), out)
    if pos < n:
        out.append(_trailer(buf, pos))
    return out


def _png_text(ctype: bytes, data: bytes) -> tuple[str, bytes]:
    keyword, _, rest = data.partition(b"\x00")
    if ctype == b"zTXt":
        return keyword.decode("latin-1"), _inflate(rest[1:], 4096)
    if ctype == b"iTXt":
        compressed = rest[:1] == b"\x01"
        _language, _, rest = rest[2:].partition(b"\x00")
        _translated, _, text = rest.partition(b"\x00")
        return keyword.decode("latin-1"), _inflate(text, 4096) if compressed else text
    return keyword.decode("latin-1"), rest


def _png_chunk(ctype: bytes, data: bytes, out: list[Finding]) -> None:
    try:
        if ctype in (b"tEXt", b"zTXt", b"iTXt"):
            keyword, text = _png_text(ctype, data)
            if keyword == "XML:com.adobe.xmp":
                out.append(_xmp(text))
            else:
                category = _PNG_TEXT_CATEGORY.get(keyword.lower(), "content")
                out.append(_finding(f"png:text:{_excerpt(keyword, 40)}", text, category))
        elif ctype in (b"eXIf", b"exIf"):
            out.extend(_exif_findings(data))
        elif ctype == b"iCCP":
            _name, _, rest = data.partition(b"\x00")
            out.extend(_icc_findings(_inflate(rest[1:], _INFLATE_LIMIT)))
        elif ctype == b"tIME" and len(data) == 7:
            year, month, day, hour, minute, second = struct.unpack(">HBBBBB", data)
            out.append(
                _finding(
                    "png:tIME", f"{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}", "time"
                )
            )
        else:
            name = ctype.decode("latin-1") if ctype.isalpha() else ctype.hex()
            out.append(_finding(f"png:chunk:{name}", _size(len(data)), "hidden-data"))
    except zlib.error:
        out.append(
            _finding(f"png:chunk:{ctype.decode('latin-1')}", "unreadable compressed data", "hidden-data")
        )


# --------------------------------------------------------------------------- GIF


def _gif_blocks(buf: Buffer, pos: int, keep: bool) -> tuple[list[bytes], int]:
    """The data sub-blocks starting at ``pos`` (their bytes only if ``keep``), and the end."""
    blocks: list[bytes] = []
    n = len(buf)
    while True:
        if pos >= n:
            raise _Malformed("truncated GIF block")
        size = buf[pos]
        pos += 1
        if size == 0:
            return blocks, pos
        if pos + size > n:
            raise _Malformed("truncated GIF block")
        if keep:
            blocks.append(bytes(buf[pos : pos + size]))
        pos += size


def _gif(buf: Buffer) -> list[Finding]:
    n = len(buf)
    if bytes(buf[:6]) not in (b"GIF87a", b"GIF89a") or n < 13:
        raise _Malformed("no GIF header")
    flags = buf[10]
    pos = 13 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0)
    out: list[Finding] = []
    frames = 0
    while True:
        if pos >= n:
            if frames:
                return out  # a missing trailer byte is common and harmless
            raise _Malformed("no image")
        introducer = buf[pos]
        if introducer == 0x3B:
            pos += 1
            break
        if introducer == 0x21 and pos + 2 <= n:
            label = buf[pos + 1]
            blocks, pos = _gif_blocks(buf, pos + 2, keep=label != 0xF9)
            _gif_extension(label, blocks, out)
        elif introducer == 0x2C and pos + 11 <= n:
            flags = buf[pos + 9]
            pos += 10 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0) + 1
            _blocks, pos = _gif_blocks(buf, pos, keep=False)
            frames += 1
        else:
            raise _Malformed("bad GIF block")
    if pos < n:
        out.append(_trailer(buf, pos))
    return out


def _gif_extension(label: int, blocks: list[bytes], out: list[Finding]) -> None:
    if label == 0xF9:
        return
    if label == 0xFE:
        out.append(_finding("comment", b"".join(blocks)[:400], "content"))
    elif label == 0x01:
        out.append(_finding("gif:plaintext", b"".join(blocks[1:])[:400], "content"))
    elif label == 0xFF:
        app = blocks[0] if blocks else b""
        body = b"".join(blocks[1:])
        if app in (b"NETSCAPE2.0", b"ANIMEXTS1.0"):
            return
        if app == b"XMP DataXMP":
            out.append(_xmp(body))
        elif app.startswith(b"ICCRGBG1"):
            out.extend(_icc_findings(body))
        elif app == b"MGKIPTC0000":
            out.append(_finding("iptc", _iptc_summary(body), "person"))
        elif app == b"MGK8BIM0000":
            out.extend(_irb_findings(body))
        else:
            out.append(_finding(f"gif:app:{_excerpt(app, 20)}", _size(len(body)), "hidden-data"))
    else:
        out.append(_finding(f"gif:extension:{label:02X}", _size(sum(map(len, blocks))), "hidden-data"))


# --------------------------------------------------------------------------- WebP

_WEBP_PLAIN = frozenset({b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM"})


def _riff_chunks(buf: Buffer, pos: int, end: int, out: list[Finding], seen: set[bytes]) -> None:
    while pos + 8 <= end:
        fourcc, size = struct.unpack_from("<4sI", buf, pos)
        start = pos + 8
        if start + size > end:
            raise _Malformed("chunk past the end")
        pos = start + size + (size & 1)
        seen.add(fourcc)
        if fourcc in _WEBP_PLAIN:
            continue
        if fourcc == b"ANMF":
            _riff_chunks(buf, start + 16, start + size, out, seen)
        elif fourcc == b"EXIF":
            out.extend(_exif_findings(bytes(buf[start : start + size])))
        elif fourcc == b"XMP ":
            out.append(_xmp(bytes(buf[start : start + size])))
        elif fourcc == b"ICCP":
            out.extend(_icc_findings(bytes(buf[start : start + size])))
        else:
            out.append(_finding(f"webp:chunk:{_excerpt(fourcc)}", _size(size), "hidden-data"))
    if pos < end:
        out.append(_finding("webp:unparsed", _size(end - pos), "hidden-data"))


def _webp_walk(buf: Buffer, seen: set[bytes]) -> list[Finding]:
    if bytes(buf[:4]) != b"RIFF" or bytes(buf[8:12]) != b"WEBP":
        raise _Malformed("no RIFF/WEBP header")
    end = 8 + int.from_bytes(buf[4:8], "little")
    if end > len(buf) or end < 12:
        raise _Malformed("RIFF past the end")
    out: list[Finding] = []
    _riff_chunks(buf, 12, end, out, seen)
    if not seen & {b"VP8 ", b"VP8L"}:
        raise _Malformed("no image data")
    if end < len(buf):
        out.append(_trailer(buf, end))
    return out


def _webp(buf: Buffer) -> list[Finding]:
    return _webp_walk(buf, set())


# --------------------------------------------------------------------------- TIFF


def _tiff(buf: Buffer) -> list[Finding]:
    tiff = _Tiff(buf, 0, len(buf))
    out: list[Finding] = []
    other: list[str] = []
    offset, page = tiff.first, 0
    while offset:
        tags, offset = tiff.ifd(offset)
        tiff.image_data(tags)
        by_id = {t.tag: t for t in tags}
        subfile = tiff.ints(by_id[254])[:1] if 254 in by_id else []
        if page and subfile and subfile[0] & 1:
            out.append(_finding("tiff:thumbnail", f"reduced-resolution image (IFD {page})", "hidden-data"))
        _report_tags(tiff, tags, TIFF_STRUCTURE, out, other)
        page += 1
    if other:
        out.append(_finding("exif:other", f"{len(other)} tags: {', '.join(sorted(set(other)))}", "device"))
    hidden = _unreferenced(buf, tiff.extents)
    if hidden:
        out.append(_finding("tiff:unreferenced", f"{_size(hidden)} no tag points to", "hidden-data"))
    return out


def _unreferenced(buf: Buffer, extents: list[tuple[int, int]]) -> int:
    """Bytes of the file outside every extent, ignoring zero padding and the dead 8-byte
    headers that writers appending pages leave between them."""
    hidden, covered = 0, 0
    for start, end in [*sorted(extents), (len(buf), len(buf))]:
        if start > covered and (start - covered > 65536 or not _is_padding(bytes(buf[covered:start]))):
            hidden += start - covered
        covered = max(covered, end)
    return hidden


def _is_padding(gap: bytes) -> bool:
    for header in (b"II*\x00", b"MM\x00*"):
        at = gap.find(header)
        if at >= 0:
            gap = gap[:at] + gap[at + 8 :]
            break
    return not gap.strip(b"\x00")


# --------------------------------------------------------------------------- HEIF

_HEIF_TOP = frozenset({b"ftyp", b"meta", b"mdat", b"free", b"skip"})


#: Item types that hold (parts of) the picture itself; thumbnails and auxiliary images are
#: told apart by pillow-heif.
_HEIF_IMAGE_ITEMS = frozenset(
    {
        b"hvc1",
        b"hev1",
        b"av01",
        b"grid",
        b"iden",
        b"iovl",
        b"jpeg",
        b"unci",
        b"hvt1",
        b"j2k1",
        b"vvc1",
        b"mski",
    }
)


@dataclass
class _Item:
    type: bytes
    content_type: str = ""
    extents: list[tuple[int, int, int]] = field(default_factory=list)  # (method, offset, length)


def _boxes(buf: Buffer, pos: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """(type, payload start, box end) of each box between ``pos`` and ``end``."""
    while pos + 8 <= end:
        size, btype = struct.unpack_from(">I4s", buf, pos)
        header = 8
        if size == 1:
            if pos + 16 > end:
                raise _Malformed("truncated box")
            (size,) = struct.unpack_from(">Q", buf, pos + 8)
            header = 16
        elif size == 0:
            size = end - pos
        if size < header or pos + size > end:
            raise _Malformed("box past the end")
        yield btype, pos + header, pos + size
        pos += size
    if pos != end:
        raise _Malformed("bytes after the last box")


def _uint(buf: Buffer, pos: int, width: int) -> int:
    return int.from_bytes(buf[pos : pos + width], "big") if width else 0


def _heif_items(buf: Buffer, start: int, end: int) -> tuple[dict[int, _Item], int | None]:
    """The items of a ``meta`` box (their type and where their bytes are) and where its
    ``idat`` starts."""
    items: dict[int, _Item] = {}
    idat: int | None = None
    for btype, body, box_end in _boxes(buf, start + 4, end):  # meta is a full box
        version = buf[body]
        if btype == b"iinf":
            count_width = 2 if version == 0 else 4
            for etype, ebody, eend in _boxes(buf, body + 4 + count_width, box_end):
                if etype != b"infe" or buf[ebody] < 2:
                    continue
                id_width = 2 if buf[ebody] == 2 else 4
                item_id = _uint(buf, ebody + 4, id_width)
                at = ebody + 4 + id_width + 2
                item = _Item(bytes(buf[at : at + 4]))
                names = bytes(buf[at + 4 : eend]).split(b"\x00")
                if item.type == b"mime" and len(names) > 1:
                    item.content_type = names[1].decode("latin-1")
                items.setdefault(item_id, item).type = item.type
                items[item_id].content_type = item.content_type
        elif btype == b"iloc":
            offset_size, length_size = buf[body + 4] >> 4, buf[body + 4] & 15
            base_size, index_size = buf[body + 5] >> 4, (buf[body + 5] & 15 if version else 0)
            id_width = 4 if version == 2 else 2
            count = _uint(buf, body + 6, id_width)
            pos = body + 6 + id_width
            for _ in range(count):
                item_id = _uint(buf, pos, id_width)
                pos += id_width
                method = _uint(buf, pos, 2) & 15 if version else 0
                pos += (2 if version else 0) + 2
                base = _uint(buf, pos, base_size)
                pos += base_size
                extents = _uint(buf, pos, 2)
                pos += 2
                item = items.setdefault(item_id, _Item(b""))
                for _ in range(extents):
                    pos += index_size
                    offset, length = _uint(buf, pos, offset_size), _uint(buf, pos + offset_size, length_size)
                    pos += offset_size + length_size
                    item.extents.append((method, base + offset, length))
                if pos > box_end:
                    raise _Malformed("iloc past the end")
        elif btype == b"idat":
            idat = body
    return items, idat


def _heif_item_data(buf: Buffer, item: _Item, idat: int | None) -> bytes:
    parts = []
    for method, offset, length in item.extents[:64]:
        at = offset if method == 0 else (idat + offset if method == 1 and idat is not None else -1)
        if at < 0 or at + length > len(buf) or length > _INFLATE_LIMIT:
            raise _Malformed("item data out of reach")
        parts.append(bytes(buf[at : at + length]))
    return b"".join(parts)


def _heif_boxes(buf: Buffer) -> list[Finding]:
    """Top-level boxes, the metadata items of ``meta`` and bytes of ``mdat`` no item uses."""
    out: list[Finding] = []
    n = len(buf)
    if bytes(buf[4:8]) != b"ftyp":
        raise _Malformed("no ftyp")
    if bytes(buf[8:12]) in (b"avif", b"avis"):
        raise _Unsupported
    tops: list[tuple[bytes, int, int]] = []
    pos = 0
    while pos + 8 <= n:
        size, btype = struct.unpack_from(">I4s", buf, pos)
        header = 16 if size == 1 else 8
        if size == 1 and pos + 16 <= n:
            (size,) = struct.unpack_from(">Q", buf, pos + 8)
        elif size == 0:
            size = n - pos
        if tops and btype == b"ftyp":
            break  # a second file (a video, say) appended after this one
        if size < header or pos + size > n:
            if tops and btype not in _HEIF_TOP:
                break  # not a box at all: data appended after the file
            raise _Malformed("box past the end")
        tops.append((btype, pos + header, pos + size))
        pos += size
    if pos < n:
        out.append(_trailer(buf, pos))
    items: dict[int, _Item] = {}
    idat: int | None = None
    for btype, body, box_end in tops:
        if btype == b"meta":
            items, idat = _heif_items(buf, body, box_end)
        elif btype not in _HEIF_TOP:
            out.append(_finding(f"heif:box:{_excerpt(btype)}", _size(box_end - body), "hidden-data"))
    used: list[tuple[int, int]] = []
    for item in items.values():
        used.extend((offset, offset + length) for method, offset, length in item.extents if method == 0)
        if item.type in _HEIF_IMAGE_ITEMS:
            continue
        if item.type == b"Exif":
            data = _heif_item_data(buf, item, idat)
            skip = int.from_bytes(data[:4], "big") + 4 if len(data) >= 4 else 0
            out.extend(_exif_findings(data[skip:]))
        elif item.type == b"mime" and "xml" in item.content_type:
            out.append(_xmp(_heif_item_data(buf, item, idat)))
        elif item.type == b"tmap":
            out.append(_finding("heif:gainmap", "HDR gain map (a second image of the scene)", "hidden-data"))
        else:
            label = item.type.decode("latin-1").strip() + (
                f":{item.content_type}" if item.content_type else ""
            )
            out.append(
                _finding(
                    f"heif:item:{_excerpt(label, 40)}", _size(sum(e[2] for e in item.extents)), "hidden-data"
                )
            )
    for btype, body, box_end in tops:
        if btype == b"mdat":
            inside = [(max(a, body), min(b, box_end)) for a, b in used if a < box_end and b > body]
            if _unreferenced(buf, [(0, body), *inside, (box_end, n)]):
                out.append(_finding("heif:unreferenced", "image data no item uses", "hidden-data"))
    return out


class _Unsupported(Exception):
    """A container the handler does not clean (internal: becomes scrub.unsupported_type)."""


def _heif(buf: Buffer, path: Path) -> list[Finding]:
    out = _heif_boxes(buf)
    heif = pillow_heif.open_heif(path, convert_hdr_to_8bit=True)
    if len(heif) > 1:
        out.append(
            _finding("heif:images", f"{len(heif)} images; only the primary one is kept", "hidden-data")
        )
    for image in heif:
        info = cast("dict[str, Any]", image.info)
        exif = info.get("exif")
        if exif:
            out.extend(_exif_findings(bytes(exif)))
        if info.get("xmp"):
            out.append(_xmp(bytes(info["xmp"])))
        for block in info.get("metadata") or []:
            kind = _excerpt(str(block.get("type", "")) or "unknown", 20)
            out.append(_finding(f"heif:metadata:{kind}", _size(len(block.get("data") or b"")), "other"))
        if info.get("icc_profile"):
            out.extend(_icc_findings(bytes(info["icc_profile"])))
        if info.get("thumbnails"):
            out.append(_finding("heif:thumbnail", f"{len(info['thumbnails'])} thumbnails", "hidden-data"))
        if info.get("depth_images"):
            out.append(_finding("heif:depth", "depth map of the scene", "hidden-data"))
        if info.get("aux"):
            out.append(_finding("heif:aux", ", ".join(sorted(info["aux"])), "hidden-data"))
        if info.get("heif"):
            out.append(_finding("heif:camera", "camera calibration data", "device"))
    return out


# --------------------------------------------------------------------------- decoding

_TRANSPOSE: dict[int, Image.Transpose] = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


@dataclass
class _Picture:
    frames: list[Image.Image]
    durations: list[float]
    loop: int | None
    sequence: bool  # frames of one animation (faces tracked across them), not pages
    subsampling: int = -1
    notes: list[str] = field(default_factory=list)


@contextlib.contextmanager
def _decoding(path: Path) -> Iterator[None]:
    """Turn what a hostile or broken file makes Pillow raise into the scrubber's errors."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            yield
        except ScrubError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning, MemoryError) as exc:
            raise _bomb(path) from exc
        except ValueError as exc:
            if "too large" in str(exc):
                raise _bomb(path) from exc
            raise _corrupt(path) from exc
        except (OSError, SyntaxError, EOFError, struct.error, IndexError, KeyError, RuntimeError) as exc:
            raise _corrupt(path) from exc
        except (ImageCms.PyCMSError, TypeError, ZeroDivisionError) as exc:
            raise _corrupt(path) from exc


_SRGB: ImageCms.ImageCmsProfile | None = None


def _srgb() -> ImageCms.ImageCmsProfile:
    global _SRGB
    if _SRGB is None:
        _SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    return _SRGB


def _to_srgb(frame: Image.Image, icc: bytes | None, notes: list[str]) -> Image.Image:
    """Pixels in sRGB: a device profile is applied (then dropped); sRGB/grey ones are dropped."""
    if not icc or icc_is_standard(icc):
        return frame
    space = icc[16:20]
    if space == b"RGB " and frame.mode in ("P", "PA", "L", "LA", "1"):
        frame = frame.convert("RGBA" if _has_alpha(frame) else "RGB")
    if (space == b"RGB " and frame.mode in ("RGB", "RGBA")) or (space == b"CMYK" and frame.mode == "CMYK"):
        try:
            profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            mode = "RGBA" if frame.mode == "RGBA" else "RGB"
            converted = ImageCms.profileToProfile(frame, profile, _srgb(), outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            notes.append("the colour profile could not be applied; colours may look different")
            return frame
        if converted is not None:
            return converted
    return frame


def _has_alpha(frame: Image.Image) -> bool:
    return frame.mode in ("RGBA", "LA", "PA", "La", "RGBa") or "transparency" in frame.info


def _normalise(frame: Image.Image) -> Image.Image:
    """A fresh image (no info, no EXIF, no profile) in L, LA, RGB or RGBA."""
    mode = frame.mode
    if mode in ("P", "PA"):
        palette_alpha = frame.palette is not None and frame.palette.mode == "RGBA"
        frame = frame.convert("RGBA" if _has_alpha(frame) or palette_alpha else "RGB")
    elif mode == "1":
        frame = frame.convert("L")
    elif mode.startswith("I") or mode == "F":
        # 16-bit grey: scale into 8 bits rather than clipping everything above 255 to white.
        frame = frame.convert("I").point(lambda v: v * (1 / 257)).convert("L")
    elif mode == "La":
        frame = frame.convert("LA")
    elif mode == "LAB":
        lab = ImageCms.createProfile("LAB")
        frame = ImageCms.profileToProfile(frame, lab, _srgb(), outputMode="RGB") or frame
    elif mode not in masking.MODES:
        frame = frame.convert("RGBA" if _has_alpha(frame) else "RGB")
    if frame.mode in ("RGBA", "LA"):
        # Colour hidden under fully transparent pixels is invisible but not gone: blank it.
        hidden = frame.getchannel("A").point(lambda a: 255 if a == 0 else 0)
        if hidden.getbbox():
            frame = frame.copy()
            frame.paste((0, 0, 0, 0) if frame.mode == "RGBA" else (0, 0), (0, 0, *frame.size), hidden)
    if isinstance(frame, ImageFile.ImageFile):
        frame = frame.copy()  # the file's own object: its pixels change with the next frame
    # A plain image made by a copy, turn or conversion: what it still knows of the file is in
    # ``info`` (EXIF, profile, comments), which the encoders read; it goes.
    frame.info = {}
    return frame


def plain_pixels(frame: Image.Image) -> Image.Image:
    """``frame`` as L, LA, RGB or RGBA (16-bit grey scaled into 8 bits, palettes and CMYK
    converted), without what it knew of its file, ready to be masked and encoded."""
    return _normalise(frame)


def _orientation(im: Image.Image, kind: str) -> int:
    if kind == "heif":
        return 1  # libheif already applied the irot/imir transforms; EXIF orientation is void
    if kind == "tiff":
        tags = getattr(im, "tag_v2", None)
        value = tags.get(274, 1) if tags is not None else 1
    else:
        value = im.getexif().get(ExifTags.Base.Orientation, 1)
    return value if isinstance(value, int) and value in _TRANSPOSE else 1


def _decode(im: Image.Image, kind: str, path: Path) -> _Picture:
    frames_total = getattr(im, "n_frames", 1) if kind not in ("jpeg", "heif") else 1
    if frames_total > MAX_FRAMES:
        raise _too_many_frames(path, frames_total)
    width, height = im.size
    if width * height > MAX_PIXELS:
        raise _bomb(path)
    if width * height * frames_total > MAX_TOTAL_PIXELS:
        raise _bomb(path)
    picture = _Picture(
        frames=[],
        durations=[],
        loop=im.info.get("loop"),
        sequence=kind in ("gif", "webp", "png") and frames_total > 1,
        subsampling=JpegImagePlugin.get_sampling(im) if kind == "jpeg" else -1,
    )
    orientation = _orientation(im, kind)
    decoded = 0
    for index in range(frames_total):
        if frames_total > 1:
            im.seek(index)
        if kind == "tiff" and index:
            subfile = getattr(im, "tag_v2", {}).get(254, 0)
            if isinstance(subfile, int) and subfile & 1:
                continue  # a reduced-resolution copy (thumbnail): never kept
        decoded += im.size[0] * im.size[1]
        if im.size[0] * im.size[1] > MAX_PIXELS or decoded > MAX_TOTAL_PIXELS:
            raise _bomb(path)
        im.load()
        if kind == "tiff":
            # Pillow turns a TIFF page upright itself while loading (and drops the tag).
            orientation = _orientation(im, kind)
        frame = im.transpose(_TRANSPOSE[orientation]) if orientation != 1 else im
        icc = im.info.get("icc_profile")
        frame = _to_srgb(frame, icc if isinstance(icc, bytes) else None, picture.notes)
        picture.frames.append(_normalise(frame))
        picture.durations.append(float(im.info.get("duration", 0) or 0))
    if not picture.frames:
        raise _corrupt(path)
    return picture


# --------------------------------------------------------------------------- faces

Detector = Callable[[Image.Image], list[Box]]


def _detector(path: Path) -> Detector:
    """The face detector, or a refusal: masking is never skipped silently."""
    try:
        module = importlib.import_module("resguardo.scrub.media.faces")
        return cast(Detector, module.detect_faces)
    except (ImportError, AttributeError) as exc:
        raise ScrubError(
            gettext_noop(
                "Face detection is not available, so faces in %(file)s cannot be masked: refused. "
                "Install resguardo's media extra, or use --no-faces when no face can appear."
            ),
            code="scrub.faces_unavailable",
            params={"file": path.name},
        ) from exc


def _consented(box: Box, keep: Sequence[Box]) -> bool:
    """A detected face the person chose to show: a keep box matches it (IoU >= 0.5)."""
    return any(masking.iou(box, k) >= 0.5 for k in keep)


def find_faces(frame: Image.Image, name: str) -> list[Box]:
    """The rectangles to mask over the faces of ``frame`` (any mode), cut to the frame.

    Raises ``scrub.faces_unavailable`` (naming the file ``name``) when the detector cannot
    be loaded: masking is never skipped silently."""
    detect = _detector(Path(name))
    width, height = frame.size
    rgb = frame if frame.mode == "RGB" else frame.convert("RGB")
    boxes: set[Box] = set()
    for raw in detect(rgb):
        # The detector's boxes are already the regions to mask (enlarged to cover hair and
        # chin, as measured in benchmarks/faces.py): clip only, never grow twice.
        box = masking.clip(Box(int(raw.x), int(raw.y), int(raw.w), int(raw.h)), width, height)
        if box:
            boxes.add(box)
    return sorted(boxes)


def _mask_boxes(picture: _Picture, options: Options, path: Path) -> list[list[Box]]:
    """The rectangles to mask in each frame, in that frame's (upright) pixel coordinates."""
    detected: list[set[Box]] = [set() for _ in picture.frames]
    if options.faces:
        for index, frame in enumerate(picture.frames):
            detected[index] = {b for b in find_faces(frame, path.name) if not _consented(b, options.keep)}
    result: list[list[Box]] = []
    for index, frame in enumerate(picture.frames):
        boxes = set(detected[index])
        if picture.sequence:
            # A detector that blinks on one frame must not expose the face: the neighbours'
            # boxes are masked too.
            for near in (index - 1, index + 1):
                if 0 <= near < len(detected):
                    boxes |= detected[near]
        for extra in options.extra:
            clipped = masking.clip(extra, *frame.size)
            if clipped:
                boxes.add(clipped)
        result.append(sorted(boxes))
    return result


# --------------------------------------------------------------------------- encoding


def _encode(
    picture: _Picture, dst: Path | IO[bytes], kind: str, lossless: bool, *, orientation: int = 1
) -> None:
    """``picture`` written as a brand-new file of ``kind``; a JPEG gets an Exif block that
    holds ``orientation`` and nothing else when it is not 1 (pictures inside documents)."""
    first, rest = picture.frames[0], picture.frames[1:]
    animated = bool(rest)
    durations = [round(d) for d in picture.durations]
    if kind == "jpeg":
        image = first if first.mode in ("L", "RGB") else first.convert("RGB")
        extra: dict[str, object] = {}
        if orientation != 1:
            exif = Image.Exif()
            exif[ExifTags.Base.Orientation] = orientation
            extra["exif"] = exif.tobytes()
        if picture.subsampling >= 0 and image.mode == "RGB":
            extra["subsampling"] = picture.subsampling
        image.save(dst, "JPEG", quality=JPEG_QUALITY, optimize=False, **extra)
    elif kind == "png":
        if animated:
            first.save(
                dst,
                "PNG",
                save_all=True,
                append_images=rest,
                duration=picture.durations,
                loop=picture.loop or 0,
                disposal=0,
                blend=0,
                optimize=False,
            )
        else:
            first.save(dst, "PNG", optimize=False)
    elif kind == "webp":
        quality = 100 if lossless else WEBP_QUALITY
        if animated:
            first.save(
                dst,
                "WEBP",
                save_all=True,
                append_images=rest,
                duration=durations,
                loop=picture.loop or 0,
                lossless=lossless,
                quality=quality,
                method=4,
            )
        else:
            first.save(dst, "WEBP", lossless=lossless, quality=quality, method=4)
    elif kind == "gif":
        options: dict[str, object] = {"loop": picture.loop} if picture.loop is not None else {}
        if animated:
            first.save(dst, "GIF", save_all=True, append_images=rest, duration=durations, **options)
        else:
            first.save(dst, "GIF", **options)
    elif kind == "tiff":
        first.save(dst, "TIFF", compression="tiff_adobe_deflate", save_all=animated, append_images=rest)
    elif kind == "heif":
        first.save(dst, "HEIF", quality=HEIF_QUALITY, enc_params={"preset": HEIF_PRESET})
    elif kind == "bmp":
        first.save(dst, "BMP")
    else:  # pragma: no cover - kinds are fixed above
        raise ValueError(kind)


# --------------------------------------------------------------------------- the handler


@contextlib.contextmanager
def _mapped(path: Path) -> Iterator[Buffer]:
    with path.open("rb") as handle:
        if path.stat().st_size == 0:
            yield b""
            return
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as buf:
            yield buf


_WALKERS: dict[str, Callable[[Buffer], list[Finding]]] = {
    "jpeg": _jpeg,
    "png": _png,
    "gif": _gif,
    "webp": _webp,
    "tiff": _tiff,
}


class ImageHandler:
    """JPEG, PNG, WebP, TIFF, GIF and (with pillow-heif) HEIC/HEIF."""

    kinds: tuple[str, ...] = ("jpeg", "png", "webp", "tiff", "gif", *(("heif",) if HEIF_SUPPORT else ()))

    def inspect(self, path: Path, kind: str) -> list[Finding]:
        try:
            with _mapped(path) as buf, warnings.catch_warnings():
                warnings.simplefilter("ignore")
                findings = _heif(buf, path) if kind == "heif" else _WALKERS[kind](buf)
        except _Unsupported as exc:
            raise _unsupported(path) from exc
        except (
            _Malformed,
            struct.error,
            ValueError,
            IndexError,
            OSError,
            RuntimeError,
            SyntaxError,
            EOFError,
        ) as exc:
            raise _corrupt(path) from exc
        return _unique(findings)

    def clean(self, src: Path, dst: Path, kind: str, options: Options) -> CleanResult:
        removed = tuple(sorted(f.key for f in self.inspect(src, kind)))
        lossless = False
        if kind == "webp":
            seen: set[bytes] = set()
            with _mapped(src) as buf:
                _webp_walk(buf, seen)
            lossless = b"VP8L" in seen and b"VP8 " not in seen
        with _decoding(src), Image.open(src, formats=PIL_FORMATS[kind]) as im:
            plain = kind == "jpeg" and _plain_jpeg(im)
            if plain and not options.faces and not options.extra:
                _check_scan(im, src)
                return CleanResult(removed=removed) if _copy_scan(src, dst) else _reencode(src, dst, removed)
            picture = _decode(im, kind, src)
        boxes = _mask_boxes(picture, options, src)
        if plain and not any(boxes) and _copy_scan(src, dst):
            return CleanResult(removed=removed)  # decoded in full to look for faces; none to mask
        for frame, frame_boxes in zip(picture.frames, boxes, strict=True):
            masking.mask(frame, frame_boxes, options.mask_style)
        try:
            _encode(picture, dst, kind, lossless)
        except (OSError, ValueError) as exc:
            dst.unlink(missing_ok=True)
            raise ScrubError(
                gettext_noop("%(file)s could not be cleaned: %(reason)s."),
                code="scrub.failed",
                params={"file": src.name, "reason": type(exc).__name__},
            ) from exc
        return CleanResult(removed=removed, faces=tuple(boxes[0]), notes=tuple(picture.notes))


# --------------------------------------------------------------------------- JPEG without re-encoding
#
# A JPEG whose pixels need no change (no mask, already upright, no device colour profile) is
# written as its own frame and scan segments only: SOI, DQT, DHT, SOFn, DRI, SOS with the
# entropy-coded data, EOI, and the two fixed-size segments a decoder needs (JFIF density
# without thumbnail, Adobe colour transform). That is lossless and needs no encoding, and
# every APPn, comment and byte after the image is gone: the same ``inspect`` as for a
# re-encoded file reads the output back. The quantisation tables are part of what is kept,
# and a camera's own tables tell its maker and model apart, so only tables any libjpeg-based
# encoder writes (the standard tables scaled for a quality) are copied; other files are
# decoded and encoded afresh as before.

#: The example tables of the JPEG standard (Annex K), in natural (row by row) order, which
#: libjpeg scales for its quality setting.
_LUMINANCE = (
    *(16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55),
    *(14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62),
    *(18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92),
    *(49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99),
)
_CHROMINANCE = (
    *(17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99),
    *(24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99),
    *(99,) * 32,
)


def _scaled(table: tuple[int, ...], quality: int) -> tuple[int, ...]:
    scale = 5000 // quality if quality < 50 else 200 - 2 * quality
    return tuple(min(255, max(1, (value * scale + 50) // 100)) for value in table)


_GENERIC_TABLES: frozenset[tuple[tuple[int, ...], ...]] = frozenset(
    table
    for quality in range(1, 101)
    for table in (
        (_scaled(_LUMINANCE, quality),),
        (_scaled(_LUMINANCE, quality), _scaled(_CHROMINANCE, quality)),
    )
)


def _generic_tables() -> frozenset[tuple[tuple[int, ...], ...]]:
    """The quantisation tables libjpeg writes at every quality (grey: one table; colour: two),
    in the natural order Pillow reads them in."""
    return _GENERIC_TABLES


def _tables(im: Image.Image) -> tuple[tuple[int, ...], ...]:
    tables = getattr(im, "quantization", None) or {}
    return tuple(tuple(tables[key]) for key in sorted(tables))


def _plain_jpeg(im: Image.Image) -> bool:
    """True when the picture's stored pixels can be kept as they are: 8-bit grey or colour,
    upright, without a device colour profile, with generic quantisation tables."""
    icc = im.info.get("icc_profile")
    return (
        im.mode in ("L", "RGB")
        and getattr(im, "bits", 8) == 8
        and _orientation(im, "jpeg") == 1
        and (not icc or (isinstance(icc, bytes) and icc_is_standard(icc)))
        and _tables(im) in _generic_tables()
    )


def _reencode(src: Path, dst: Path, removed: tuple[str, ...]) -> CleanResult:
    """A JPEG without masks decoded and encoded afresh, when its scan could not be copied."""
    with _decoding(src), Image.open(src, formats=PIL_FORMATS["jpeg"]) as im:
        picture = _decode(im, "jpeg", src)
    try:
        _encode(picture, dst, "jpeg", lossless=False)
    except (OSError, ValueError) as exc:
        dst.unlink(missing_ok=True)
        raise _corrupt(src) from exc
    return CleanResult(removed=removed, notes=tuple(picture.notes))


def _check_scan(im: Image.Image, path: Path) -> None:
    """Decode every coefficient of the scan (at 1/8 scale: the inverse DCT is what is saved),
    so a damaged or truncated JPEG is refused exactly as a full decode refuses it."""
    width, height = im.size
    if width * height > MAX_PIXELS:
        raise _bomb(path)
    im.draft(im.mode, (max(1, width // 8), max(1, height // 8)))
    im.load()


def _copy_scan(src: Path, dst: Path) -> bool:
    """``src``'s frame and scan segments written to ``dst``; False when the segments do not
    parse cleanly (bytes between segments, say), so the caller re-encodes instead."""
    try:
        cleaned, _found = clean_jpeg(src.read_bytes(), keep_orientation=False, name=src.name)
    except ScrubError:
        return False
    dst.write_bytes(cleaned)
    return True


# --------------------------------------------------------------------------- pictures in documents

#: Formats of the pictures documents carry that are searched for faces (other media goes to
#: its own handler).
DOCUMENT_PICTURES: dict[str, list[str]] = {"jpeg": ["JPEG"], "png": ["PNG"], "bmp": ["BMP", "DIB"]}
#: The transpose that undoes each EXIF orientation's turn (upright -> stored).
_UNDO: dict[int, Image.Transpose] = {
    **_TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    8: Image.Transpose.ROTATE_270,
}


def mask_document_picture(data: bytes, kind: str, name: str, style: MaskStyle) -> tuple[bytes, int]:
    """Faces masked in a picture a document carries (``kind`` one of ``DOCUMENT_PICTURES``,
    its metadata already removed): the picture re-encoded in its format, and the number of
    rectangles masked. With no face found the bytes come back untouched (nothing re-encoded).

    The stored orientation is kept (the document's layout was made for it): faces are found
    on the upright picture, masked there, and the pixels turned back. ``name`` (the
    document's) goes into errors: a picture that does not decode refuses the document."""
    path = Path(name)
    with _decoding(path), Image.open(io.BytesIO(data), formats=DOCUMENT_PICTURES[kind]) as im:
        orientation = _orientation(im, kind)
        picture = _decode(im, kind, path)
    boxes = _mask_boxes(picture, Options(faces=True, mask_style=style), path)
    if not any(boxes):
        return data, 0
    for index, (frame, frame_boxes) in enumerate(zip(picture.frames, boxes, strict=True)):
        masking.mask(frame, frame_boxes, style)
        if orientation != 1:
            picture.frames[index] = frame.transpose(_UNDO[orientation])
    buffer = io.BytesIO()
    try:
        _encode(picture, buffer, kind, lossless=True, orientation=orientation)
    except (OSError, ValueError) as exc:
        raise ScrubError(
            gettext_noop("%(file)s could not be cleaned: %(reason)s."),
            code="scrub.failed",
            params={"file": name, "reason": type(exc).__name__},
        ) from exc
    return buffer.getvalue(), len({box for frame_boxes in boxes for box in frame_boxes})


registry.register(ImageHandler())
