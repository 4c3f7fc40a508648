"""Video and audio: MP4/MOV/M4V/M4A/3GP, Matroska/WebM, MP3, FLAC, Ogg and WAV.

Cleaning is a remux with Debian's ``ffmpeg`` (``-c copy``, no re-encoding) that keeps only the
video and audio streams: subtitles, data and telemetry tracks (GoPro GPMF, camm, Apple ``mebx``,
timecode), attachments, cover art, chapters and every container and stream tag are left behind,
and ``-fflags +bitexact`` keeps ffmpeg from writing its own version or a creation time. SEI
messages (H.264/HEVC) and AV1 metadata OBUs, where cameras and encoders hide free-form data, are
filtered out of the video bitstream on the way.

``inspect`` reads the file with ``ffprobe`` and, because ffprobe does not show everything, walks
the MP4 box tree, the FLAC metadata blocks, the RIFF chunks and the MP3 tag areas itself.

With ``Options.faces`` (the default) each kept picture track is decoded instead, turned
upright, searched for faces, masked and re-encoded (``resguardo.scrub.media.video``: H.264 for
MP4/MOV/3GP and Matroska, VP9 for WebM); ``remux`` then joins the masked picture to the kept
audio with the same stripping as a plain remux. Audio-only files are never decoded.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import shutil
import struct
import subprocess
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from resguardo.errors import ScrubError
from resguardo.i18n import gettext_noop
from resguardo.scrub.media.base import Category, CleanResult, Finding, Options, Progress
from resguardo.scrub.media.registry import register

if TYPE_CHECKING:
    from resguardo.scrub.media.video import Picture

__all__ = [
    "AudioVideoHandler",
    "MediaProbe",
    "MediaStream",
    "kept_streams",
    "output_format",
    "picture_of",
    "probe",
    "remux",
]

VIDEO_KINDS = frozenset({"mp4", "matroska"})

#: The demuxer each sniffed kind is read with: forcing it means ffprobe/ffmpeg never guess
#: another format from the content (a polyglot is read as what the sniffer saw).
DEMUXER = {"mp4": "mov", "matroska": "matroska", "mp3": "mp3", "flac": "flac", "ogg": "ogg", "wav": "wav"}

#: Tags that only describe the file and that ffmpeg writes into every clean one: the key
#: (compared without case) and the whole value it may have. Any other tag is a finding.
TECHNICAL_FORMAT_TAGS: Mapping[str, re.Pattern[str]] = {
    # the MP4/MOV ftyp box: the file type, required by the format
    "major_brand": re.compile(r"[ -~]{4}"),
    "minor_version": re.compile(r"\d{1,10}"),
    "compatible_brands": re.compile(r"(?:[ -~]{4}){0,16}"),
    # Matroska's WritingApp: with -fflags +bitexact ffmpeg writes the bare "Lavf", no version
    "encoder": re.compile("Lavf"),
}
TECHNICAL_STREAM_TAGS: Mapping[str, re.Pattern[str]] = {
    # MP4 writes a language in every track; "und" says nothing
    "language": re.compile("und"),
    # ffmpeg's default MP4/MOV handler names; a camera's or an editor's own name is reported
    "handler_name": re.compile("VideoHandler|SoundHandler"),
    # MOV's sample-description vendor: zero, or "FFMP" which ffmpeg's MOV muxer always writes
    "vendor_id": re.compile(r"\[0\]\[0\]\[0\]\[0\]|FFMP"),
    # what ffmpeg names itself when it re-encodes image frames (REENCODED_FRAMES); bitexact
    # leaves out the version
    "encoder": re.compile("Lavc (?:mjpeg|png)"),
    # Matroska's per-track length, which ffmpeg writes into every clean file
    "duration": re.compile(r"\d{1,9}:\d\d:\d\d(?:\.\d{1,9})?"),
}

#: Data-track codec tags that carry sensor data, usually GPS: reported as location.
TELEMETRY_TAGS = frozenset({"gpmd", "camm", "mebx", "rtmd", "marl"})

#: Bitstream filters that drop the units where free-form data hides, by codec.
#: H.264 SEI (NAL 6); HEVC prefix/suffix SEI (39, 40); AV1 metadata OBUs (5).
METADATA_UNIT_FILTERS = {
    "h264": "filter_units=remove_types=6",
    "hevc": "filter_units=remove_types=39|40",
    "av1": "filter_units=remove_types=5",
}

#: Video whose every frame is a still image that can carry its own EXIF, XMP, ICC or text
#: (Motion JPEG from cameras, PNG): re-encoded frame by frame, never copied. (codec, options)
REENCODED_FRAMES: Mapping[str, tuple[str, ...]] = {"mjpeg": ("-q", "2"), "png": ()}
#: Frames that are decoded (re-encoded) may not be larger than this: a small file can declare
#: a huge picture and exhaust memory when it is decoded.
MAX_FRAME_PIXELS = 8192 * 8192

PROBE_TIMEOUT_S = 30.0
REMUX_TIMEOUT_S = 60.0
#: Timeouts grow with the file: this many bytes per extra second (a slow disk's pace).
BYTES_PER_SECOND = 2 * 1024 * 1024
EXCERPT = 80

PROBE_ARGS = ["-print_format", "json", "-show_format", "-show_streams", "-show_chapters"]
#: No tag, stream tag or chapter is carried over; bitexact keeps ffmpeg's version and the
#: time of writing out of the container and the codec headers.
STRIP_ARGS = ["-map_metadata", "-1", "-map_metadata:s", "-1", "-map_chapters", "-1"]
STRIP_ARGS += ["-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact"]


@dataclass(frozen=True, slots=True)
class MediaStream:
    index: int
    codec_type: str  # video, audio, subtitle, data, attachment, or "" when unknown
    codec_name: str
    codec_tag: str
    attached_pic: bool
    tags: Mapping[str, str]
    width: int = 0
    height: int = 0
    #: frames per second as ffprobe writes it ("30000/1001"; "0/0" when unknown)
    frame_rate: str = ""
    #: frames the stream declares (0 when it does not) and its length in seconds
    frames: int = 0
    duration: float = 0.0
    #: the display matrix's rotation as ffprobe reports it (counter-clockwise degrees)
    rotation: float = 0.0

    @property
    def is_video(self) -> bool:
        """A real picture track: cover art and other attached pictures are not."""
        return self.codec_type == "video" and not self.attached_pic

    @property
    def is_audio(self) -> bool:
        return self.codec_type == "audio"


@dataclass(frozen=True, slots=True)
class MediaProbe:
    format_name: str
    tags: Mapping[str, str]
    streams: tuple[MediaStream, ...]
    chapters: tuple[str, ...]  # chapter titles ("" where a chapter has none)
    duration: float = 0.0  # seconds, 0 when unknown


# -- running the tools ---------------------------------------------------------------------


def _tool(name: str, path: Path) -> str:
    found = shutil.which(name)
    if found is None:
        raise ScrubError(
            gettext_noop(
                "%(file)s needs %(tool)s, which is not installed: run scripts/system-deps.sh (Debian package ffmpeg)."
            ),
            code="scrub.tool_missing",
            params={"file": path.name, "tool": name},
        )
    return found


def _timeout(path: Path, base: float) -> float:
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return base + size / BYTES_PER_SECOND


def _environment() -> dict[str, str]:
    # FFREPORT would make ffmpeg write a log file (with paths and tags) beside the work.
    return {k: v for k, v in os.environ.items() if k != "FFREPORT"}


def _url(path: Path) -> str:
    # "file:" keeps a hostile name ("-rf.mp4", "concat:a|b.mp4", "http:x.mp4") a plain path.
    return "file:" + str(path.resolve())


def probe(path: Path, kind: str) -> MediaProbe:
    """Read the container, streams, tags and chapters with ffprobe. Raises ``scrub.corrupt``."""
    ffprobe = _tool("ffprobe", path)
    command = [ffprobe, "-v", "error", "-hide_banner", "-f", DEMUXER[kind], *PROBE_ARGS, _url(path)]
    try:
        done = subprocess.run(  # noqa: S603  (an argument list, no shell)
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # a hostile file can make ffmpeg log without end
            timeout=_timeout(path, PROBE_TIMEOUT_S),
            check=False,
            stdin=subprocess.DEVNULL,
            env=_environment(),
        )
    except subprocess.TimeoutExpired as exc:
        raise _corrupt(path) from exc
    if done.returncode != 0:
        raise _corrupt(path)
    try:
        data = json.loads(done.stdout.decode("utf-8", errors="replace"))
    except ValueError as exc:
        raise _corrupt(path) from exc
    if not isinstance(data, dict) or not isinstance(data.get("format"), dict):
        raise _corrupt(path)
    streams = tuple(_stream(s) for s in _list(data.get("streams")))
    if not streams:
        raise _corrupt(path)
    chapters = tuple(_tags(c.get("tags")).get("title", "") for c in _list(data.get("chapters")))
    fmt = data["format"]
    return MediaProbe(
        format_name=str(fmt.get("format_name", "")),
        tags=_tags(fmt.get("tags")),
        streams=streams,
        chapters=chapters,
        duration=_number(fmt.get("duration")),
    )


def _corrupt(path: Path) -> ScrubError:
    return ScrubError(
        gettext_noop("%(file)s is damaged or not a readable video or audio file."),
        code="scrub.corrupt",
        params={"file": path.name},
    )


def _list(value: object) -> list[dict[str, object]]:
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, dict)]


def _tags(value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {str(k): str(v) for k, v in value.items()}


def _stream(raw: dict[str, object]) -> MediaStream:
    disposition = raw.get("disposition")
    attached = isinstance(disposition, dict) and disposition.get("attached_pic") == 1
    index, width, height = raw.get("index"), raw.get("width"), raw.get("height")
    rate = str(raw.get("avg_frame_rate", ""))
    if rate in ("", "0/0"):
        rate = str(raw.get("r_frame_rate", ""))
    rotation = 0.0
    for side in _list(raw.get("side_data_list")):
        if "rotation" in side:
            rotation = _number(side["rotation"])
    return MediaStream(
        index=index if isinstance(index, int) else -1,
        codec_type=str(raw.get("codec_type", "")),
        codec_name=str(raw.get("codec_name", "")),
        codec_tag=str(raw.get("codec_tag_string", "")),
        attached_pic=attached,
        tags=_tags(raw.get("tags")),
        width=width if isinstance(width, int) else 0,
        height=height if isinstance(height, int) else 0,
        frame_rate=rate,
        frames=int(_number(raw.get("nb_frames"))),
        duration=_number(raw.get("duration")),
        rotation=rotation,
    )


def _number(value: object) -> float:
    try:
        number = float(str(value))
    except ValueError:
        return 0.0
    return number if math.isfinite(number) else 0.0


# -- what a file gives away ---------------------------------------------------------------

#: The first pattern a tag name matches says what it reveals.
_CATEGORY_WORDS: tuple[tuple[Category, re.Pattern[str]], ...] = (
    ("location", re.compile("location|xyz|gps|iso6709|geo|coordinates|latitude|longitude")),
    ("device", re.compile("make|model|camera|device|lens|serial|manufacturer|firmware")),
    ("software", re.compile("encoder|software|handler|vendor|writing|tool|version|android")),
    ("time", re.compile("date|time|year|creation|modif")),
    (
        "person",
        re.compile(
            "artist|author|composer|performer|copyright|publisher|encoded_by|owner|director|producer|lyricist|conductor|user|email"
        ),
    ),
    ("content", re.compile("title|comment|description|synopsis|lyrics|album|keyword")),
)


def _category(key: str) -> Category:
    word = key.lower().removeprefix("com.apple.quicktime.")
    for category, needles in _CATEGORY_WORDS:
        if needles.search(word):
            return category
    return "other"


def _excerpt(value: str) -> str:
    text = re.sub(r"\s+", " ", "".join(ch if ch.isprintable() else " " for ch in value)).strip()
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"


def _technical(key: str, value: str, allowed: Mapping[str, re.Pattern[str]]) -> bool:
    pattern = allowed.get(key.lower())
    return pattern is not None and pattern.fullmatch(value) is not None


def _prefix(kind: str, info: MediaProbe) -> str:
    """Keys say "video:" for a file with a picture track, "audio:" otherwise (M4A, MKA, MP3)."""
    return "video" if kind in VIDEO_KINDS and any(s.is_video for s in info.streams) else "audio"


def _stream_label(stream: MediaStream) -> str:
    if stream.attached_pic:
        return "cover-art"
    if stream.codec_tag in TELEMETRY_TAGS:
        return "telemetry"
    if stream.codec_tag == "tmcd":
        return "timecode"
    return stream.codec_type or "unknown"


def findings_from_probe(info: MediaProbe, kind: str) -> list[Finding]:
    """The identifying things ffprobe shows: tags, non-media streams, chapters."""
    found: list[Finding] = []
    for key, value in info.tags.items():
        if not _technical(key, value, TECHNICAL_FORMAT_TAGS):
            found.append(Finding(f"tag:{key}", _excerpt(value), _category(key)))
    prefix = _prefix(kind, info)
    for stream in info.streams:
        if stream.is_video or stream.is_audio:
            for key, value in stream.tags.items():
                if not _technical(key, value, TECHNICAL_STREAM_TAGS):
                    found.append(
                        Finding(f"{prefix}:stream:{stream.index}:tag:{key}", _excerpt(value), _category(key))
                    )
            continue
        label = _stream_label(stream)
        described = " ".join(
            part
            for part in (
                stream.codec_name,
                stream.codec_tag if stream.codec_tag and "[0]" not in stream.codec_tag else "",
                stream.tags.get("handler_name", ""),
                stream.tags.get("filename", ""),
                stream.tags.get("title", ""),
            )
            if part
        )
        category: Category = "location" if label == "telemetry" else "hidden-data"
        found.append(
            Finding(f"{prefix}:stream:{stream.index}:{label}", _excerpt(described or label), category)
        )
    if info.chapters:
        titles = ", ".join(t for t in info.chapters if t)
        found.append(
            Finding("chapters", _excerpt(f"{len(info.chapters)} chapters: {titles}".rstrip(": ")), "content")
        )
    return found


# -- what ffprobe does not show: the file's own structure -----------------------------------

#: Boxes, blocks or chunks read at one level at most (a hostile file cannot loop us forever).
MAX_ENTRIES = 1_000_000


def _boxes(handle: BinaryIO, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """(type, payload start, payload end) of each ISO-BMFF box between start and end."""
    pos = start
    for _ in range(MAX_ENTRIES):
        if pos + 8 > end:
            return
        handle.seek(pos)
        header = handle.read(8)
        if len(header) < 8:
            return
        size, box = struct.unpack(">I4s", header)
        head = 8
        if size == 1:
            large = handle.read(8)
            if len(large) < 8:
                return
            size = struct.unpack(">Q", large)[0]
            head = 16
        elif size == 0:
            size = end - pos
        if size < head:
            return
        yield box, pos + head, min(pos + size, end)
        pos += size


def _box_name(box: bytes) -> str:
    return _excerpt(box.decode("latin-1"))


#: Boxes that hold only the media and its timing (what ffmpeg writes); anything else at these
#: levels (udta, meta, uuid/XMP, a camera's own boxes) is reported.
_TOP_BOXES = frozenset(
    {b"ftyp", b"moov", b"mdat", b"moof", b"mfra", b"sidx", b"styp", b"free", b"skip", b"wide"}
)
_MOOV_BOXES = frozenset({b"mvhd", b"trak", b"mvex", b"iods"})
_TRAK_BOXES = frozenset({b"tkhd", b"edts", b"mdia"})
_PADDING_BOXES = frozenset({b"free", b"skip", b"wide"})


def _mp4_structure(path: Path) -> list[Finding]:
    found: list[Finding] = []
    size = path.stat().st_size
    with path.open("rb") as handle:
        for box, start, end in _boxes(handle, 0, size):
            name = _box_name(box)
            if box in _PADDING_BOXES:
                if _has_content(handle, start, end):
                    found.append(Finding(f"mp4:{name}", f"{end - start} bytes", "hidden-data"))
            elif box not in _TOP_BOXES:
                found.append(Finding(f"mp4:{name}", f"{end - start} bytes", "hidden-data"))
            elif box == b"moov":
                found.extend(_moov(handle, start, end))
    return found


def _moov(handle: BinaryIO, start: int, end: int) -> list[Finding]:
    found: list[Finding] = []
    track = 0
    for box, s, e in _boxes(handle, start, end):
        name = _box_name(box)
        if box == b"trak":
            track += 1
            for inner, s2, e2 in _boxes(handle, s, e):
                if inner not in _TRAK_BOXES:
                    found.append(
                        Finding(
                            f"mp4:moov/trak[{track}]/{_box_name(inner)}", f"{e2 - s2} bytes", "hidden-data"
                        )
                    )
        elif box == b"udta":
            if not _udta_is_empty(handle, s, e):
                found.append(Finding("mp4:moov/udta", _child_names(handle, s, e), "hidden-data"))
        elif box in _PADDING_BOXES:
            if _has_content(handle, s, e):
                found.append(Finding(f"mp4:moov/{name}", f"{e - s} bytes", "hidden-data"))
        elif box not in _MOOV_BOXES:
            found.append(Finding(f"mp4:moov/{name}", f"{e - s} bytes", "hidden-data"))
    return found


def _udta_is_empty(handle: BinaryIO, start: int, end: int) -> bool:
    """True for the one udta ffmpeg's MP4 muxer always writes: a meta box holding only its
    handler ("mdir"/"appl") and an empty item list. It names no one and nothing."""
    for box, s, e in _boxes(handle, start, end):
        if box != b"meta":
            return False
        for inner, s2, e2 in _boxes(handle, s + 4, e):  # meta is a full box: 4 bytes of flags first
            if inner == b"ilst" and e2 == s2:
                continue
            if inner == b"hdlr" and _is_itunes_handler(handle, s2, e2):
                continue
            return False
    return True


def _is_itunes_handler(handle: BinaryIO, start: int, end: int) -> bool:
    """The handler ffmpeg writes: type "mdir", maker "appl", no name."""
    if end - start > 64:
        return False
    handle.seek(start)
    payload = handle.read(end - start)
    return payload[8:16] == b"mdirappl" and not payload[16:].strip(b"\x00")


def _child_names(handle: BinaryIO, start: int, end: int) -> str:
    return _excerpt(", ".join(_box_name(box) for box, _, _ in _boxes(handle, start, end)) or "empty")


def _has_content(handle: BinaryIO, start: int, end: int) -> bool:
    """Padding that holds anything but zero bytes may hide data (some cameras write there)."""
    handle.seek(start)
    remaining = end - start
    while remaining > 0:
        block = handle.read(min(remaining, 1024 * 1024))
        if not block:
            return False
        if block.strip(b"\x00"):
            return True
        remaining -= len(block)
    return False


_FLAC_BLOCKS = {2: "application", 5: "cuesheet", 6: "picture"}


def _flac_structure(path: Path) -> list[Finding]:
    found: list[Finding] = []
    with path.open("rb") as handle:
        if handle.read(4) != b"fLaC":
            return found
        for _ in range(MAX_ENTRIES):
            header = handle.read(4)
            if len(header) < 4:
                break
            last, block = header[0] & 0x80, header[0] & 0x7F
            length = int.from_bytes(header[1:4], "big")
            if block in _FLAC_BLOCKS or 7 <= block <= 126:
                name = _FLAC_BLOCKS.get(block, f"block-{block}")
                found.append(Finding(f"flac:{name}", f"{length} bytes", "hidden-data"))
            handle.seek(length, os.SEEK_CUR)
            if last:
                break
    return found


#: RIFF chunks that hold the audio itself; any other chunk (LIST/INFO, bext, iXML, id3, cue,
#: XMP's _PMX) may describe who, where or when.
_RIFF_CHUNKS = frozenset({b"fmt ", b"data", b"fact"})


def _riff_structure(path: Path) -> list[Finding]:
    found: list[Finding] = []
    size = path.stat().st_size
    with path.open("rb") as handle:
        if handle.read(12)[8:12] != b"WAVE":
            return found
        pos = 12
        for _ in range(MAX_ENTRIES):
            if pos + 8 > size:
                break
            handle.seek(pos)
            chunk, length = struct.unpack("<4sI", handle.read(8))
            if chunk not in _RIFF_CHUNKS:
                found.append(Finding(f"riff:{_box_name(chunk).strip()}", f"{length} bytes", "hidden-data"))
            pos += 8 + length + (length & 1)
    return found


def _mp3_structure(path: Path) -> list[Finding]:
    found: list[Finding] = []
    size = path.stat().st_size
    with path.open("rb") as handle:
        head = handle.read(10)
        if head[:3] == b"ID3" and len(head) == 10:
            length = sum((b & 0x7F) << (7 * (3 - i)) for i, b in enumerate(head[6:10]))
            if _has_content(handle, 10, 10 + length):
                found.append(Finding("id3v2", f"version 2.{head[3]}, {length} bytes", "hidden-data"))
        tail_size = min(size, 128 + 32 + 256)
        handle.seek(size - tail_size)
        tail = handle.read(tail_size)
    if tail[-128:].startswith(b"TAG"):
        found.append(
            Finding("id3v1", _excerpt(tail[-125:-95].rstrip(b"\x00").decode("latin-1")), "hidden-data")
        )
    if b"APETAGEX" in tail:
        found.append(Finding("apev2", "APE tag", "hidden-data"))
    return found


#: JPEG segments that hold no description of who, where or when: APP0 (JFIF, AVI1) and the
#: tables and headers needed to decode. APPn (Exif, XMP, ICC, IPTC) and COM are reported.
_JPEG_APPS = range(0xE1, 0xF0)
_JPEG_COMMENT = 0xFE
#: PNG chunks needed to show the picture; text, eXIf, iCCP, tIME and private chunks are reported.
_PNG_CHUNKS = frozenset(
    {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"sBIT", b"bKGD", b"pHYs"}
)


def first_frame(path: Path, kind: str, stream: MediaStream) -> bytes:
    """The first packet of a stream as stored (no decoding)."""
    ffmpeg = _tool("ffmpeg", path)
    command = [ffmpeg, "-nostdin", "-hide_banner", "-v", "error", "-f", DEMUXER[kind], "-i", _url(path)]
    command += ["-map", f"0:{stream.index}", "-frames:v", "1", "-c", "copy", "-f", "data", "pipe:1"]
    try:
        done = subprocess.run(  # noqa: S603  (an argument list, no shell)
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # a hostile file can make ffmpeg log without end
            timeout=_timeout(path, PROBE_TIMEOUT_S),
            check=False,
            stdin=subprocess.DEVNULL,
            env=_environment(),
        )
    except subprocess.TimeoutExpired as exc:
        raise _corrupt(path) from exc
    if done.returncode != 0:
        raise _corrupt(path)
    return done.stdout


def frame_metadata(frame: bytes) -> list[str]:
    """Names of the metadata segments/chunks inside one JPEG or PNG frame."""
    found: list[str] = []
    if frame.startswith(b"\x89PNG\r\n\x1a\n"):
        pos = 8
        while pos + 8 <= len(frame):
            length, chunk = struct.unpack(">I4s", frame[pos : pos + 8])
            if chunk not in _PNG_CHUNKS:
                found.append(_box_name(chunk))
            pos += 12 + length
        return found
    pos = 2 if frame.startswith(b"\xff\xd8") else len(frame)
    while pos + 4 <= len(frame) and frame[pos] == 0xFF:
        marker = frame[pos + 1]
        if marker == 0xDA:  # start of scan: the picture itself follows
            break
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        length = int.from_bytes(frame[pos + 2 : pos + 4], "big")
        if marker in _JPEG_APPS:
            label = frame[pos + 4 : pos + 4 + min(length - 2, 12)].split(b"\x00")[0]
            found.append(_excerpt(f"APP{marker - 0xE0} {label.decode('latin-1')}".strip()))
        elif marker == _JPEG_COMMENT:
            found.append("COM")
        pos += 2 + length
    return found


def frame_findings(path: Path, kind: str, info: MediaProbe) -> list[Finding]:
    """Metadata inside the frames of image-per-frame video (checked on the first frame; cleaning
    re-encodes every frame whatever this finds)."""
    found: list[Finding] = []
    prefix = _prefix(kind, info)
    for stream in info.streams:
        if stream.is_video and stream.codec_name in REENCODED_FRAMES:
            names = frame_metadata(first_frame(path, kind, stream))
            if names:
                key = f"{prefix}:stream:{stream.index}:frame-metadata"
                found.append(Finding(key, _excerpt(", ".join(names)), "hidden-data"))
    return found


def structure_findings(path: Path, kind: str) -> list[Finding]:
    if kind == "mp4":
        return _mp4_structure(path)
    if kind == "flac":
        return _flac_structure(path)
    if kind == "wav":
        return _riff_structure(path)
    if kind == "mp3":
        return _mp3_structure(path)
    return []


# -- cleaning -------------------------------------------------------------------------------


def kept_streams(info: MediaProbe, *, drop_audio: bool) -> list[MediaStream]:
    """The streams a clean file keeps: real video, and audio unless it is dropped."""
    return [s for s in info.streams if s.is_video or (s.is_audio and not drop_audio)]


def output_format(kind: str, path: Path, info: MediaProbe | None = None) -> str:
    """The muxer that writes the same container as the input (MOV stays MOV, WebM stays WebM)."""
    suffix = path.suffix.lower()
    if kind == "mp4":
        by_suffix = {".mov": "mov", ".m4a": "ipod", ".3gp": "3gp", ".mp4": "mp4", ".m4v": "mp4"}
        if suffix in by_suffix:
            return by_suffix[suffix]
        brand = (info.tags.get("major_brand", "") if info else "").strip()
        if brand == "qt":
            return "mov"
        if brand == "M4A":
            return "ipod"
        return "3gp" if brand.startswith("3g") else "mp4"
    if kind == "matroska":
        if suffix == ".webm":
            return "webm"
        if suffix in (".mkv", ".mka"):
            return "matroska"
        with path.open("rb") as handle:
            return "webm" if b"webm" in handle.read(64) else "matroska"
    if kind == "ogg":
        return "opus" if suffix == ".opus" else "ogg"
    return DEMUXER[kind]


def remux(
    inputs: Sequence[tuple[Path, str]],
    streams: Sequence[tuple[int, MediaStream]],
    dst: Path,
    muxer: str,
) -> None:
    """Write ``dst`` with exactly ``streams`` ((input number, stream) pairs) copied from
    ``inputs`` ((path, demuxer) pairs), with no tag, chapter or attachment.

    Masked video comes in this way: the masked picture track, written to a temporary file,
    is a second input whose stream replaces the original picture here.
    Raises ``scrub.failed_media`` and leaves no file at ``dst`` when ffmpeg fails.
    """
    if not inputs:
        raise ValueError("remux needs at least one input")
    first = inputs[0][0]
    ffmpeg = _tool("ffmpeg", first)
    command = [ffmpeg, "-nostdin", "-hide_banner", "-v", "error", "-y"]
    for path, demuxer in inputs:
        command += ["-f", demuxer, "-i", _url(path)]
    for number, stream in streams:
        command += ["-map", f"{number}:{stream.index}"]
    command += ["-c", "copy"]
    for position, (_, stream) in enumerate(streams):
        unit_filter = METADATA_UNIT_FILTERS.get(stream.codec_name)
        if stream.is_video and stream.codec_name in REENCODED_FRAMES:
            command += [f"-c:{position}", stream.codec_name]
            command += [
                f"{option}:{position}" if option.startswith("-") else option
                for option in REENCODED_FRAMES[stream.codec_name]
            ]
        elif stream.is_video and unit_filter:
            command += [f"-bsf:{position}", unit_filter]
    command += STRIP_ARGS
    if muxer in ("mp4", "mov", "ipod", "3gp"):
        command += ["-movflags", "+faststart"]
    if muxer == "mp3":
        command += ["-id3v2_version", "0", "-write_id3v1", "0"]
    command += ["-f", muxer, _url(dst)]
    limit = sum(_timeout(path, 0) for path, _ in inputs) + REMUX_TIMEOUT_S
    try:
        done = subprocess.run(  # noqa: S603  (an argument list, no shell)
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,  # a hostile file can make ffmpeg log without end
            timeout=limit,
            check=False,
            stdin=subprocess.DEVNULL,
            env=_environment(),
        )
        failed = done.returncode != 0
    except subprocess.TimeoutExpired:
        failed = True
    except OSError:
        failed = True
    if failed or not dst.is_file():
        with contextlib.suppress(FileNotFoundError):
            dst.unlink()
        raise ScrubError(
            gettext_noop("%(file)s could not be rewritten without its metadata, so it was refused."),
            code="scrub.failed_media",
            params={"file": first.name},
        )


class AudioVideoHandler:
    kinds: tuple[str, ...] = ("mp4", "matroska", "mp3", "flac", "ogg", "wav")

    def inspect(self, path: Path, kind: str) -> list[Finding]:
        return self._inspect(path, kind, probe(path, kind))

    def _inspect(self, path: Path, kind: str, info: MediaProbe) -> list[Finding]:
        found = findings_from_probe(info, kind) + structure_findings(path, kind)
        return found + frame_findings(path, kind, info)

    def clean(self, src: Path, dst: Path, kind: str, options: Options) -> CleanResult:
        info = probe(src, kind)
        if not any(s.is_video or s.is_audio for s in info.streams):
            raise ScrubError(
                gettext_noop("%(file)s has no video or audio stream to keep."),
                code="scrub.no_media_streams",
                params={"file": src.name},
            )
        keep = kept_streams(info, drop_audio=options.drop_audio)
        masked = options.faces and any(s.is_video for s in keep)
        for stream in keep:
            decoded = stream.codec_name in REENCODED_FRAMES or (masked and stream.is_video)
            if decoded and stream.width * stream.height > MAX_FRAME_PIXELS:
                raise ScrubError(
                    gettext_noop(
                        "%(file)s declares frames of %(width)sx%(height)s pixels: refused as a decompression bomb."
                    ),
                    code="scrub.decompression_bomb",
                    params={"file": src.name, "width": stream.width, "height": stream.height},
                )
        if not keep:
            raise ScrubError(
                gettext_noop("%(file)s has only audio, and dropping the audio would leave nothing."),
                code="scrub.no_media_streams",
                params={"file": src.name},
            )
        removed = [f.key for f in self._inspect(src, kind, info)]
        prefix = _prefix(kind, info)
        removed += [f"{prefix}:stream:{s.index}:audio" for s in info.streams if s.is_audio and s not in keep]
        muxer = output_format(kind, src, info)
        if not masked:
            remux([(src, DEMUXER[kind])], [(0, s) for s in keep], dst, muxer)
            return CleanResult(removed=tuple(dict.fromkeys(removed)))
        faces = _remux_masked(src, kind, info, keep, dst, muxer, options)
        return CleanResult(removed=tuple(dict.fromkeys(removed)), faces_masked=faces)


#: Frame rates past this are taken as a file's mistake (a variable-rate file can declare
#: thousands): the picture is made constant at this rate rather than invent frames.
MAX_RATE = Fraction(120)


def picture_of(stream: MediaStream, info: MediaProbe) -> Picture:
    """What ``video.mask_picture`` needs to know of a picture track."""
    from resguardo.scrub.media.video import FALLBACK_RATE, Picture

    try:
        rate = Fraction(stream.frame_rate)
    except (ValueError, ZeroDivisionError):
        rate = FALLBACK_RATE
    if rate <= 0:
        rate = FALLBACK_RATE
    rate = min(rate, MAX_RATE)
    # ffprobe reports the display matrix counter-clockwise; the picture is turned clockwise
    # by the opposite, to the nearest quarter turn, as ffmpeg's own autorotation does.
    turn = round(-stream.rotation / 90) * 90 % 360
    if not stream.rotation:
        with contextlib.suppress(ValueError):
            turn = round(float(stream.tags.get("rotate", "0")) / 90) * 90 % 360
    seconds = stream.duration or info.duration
    frames = math.ceil(seconds * rate) if seconds > 0 else stream.frames
    return Picture(stream.index, stream.width, stream.height, rate, max(0, frames), turn)


def _remux_masked(
    src: Path,
    kind: str,
    info: MediaProbe,
    keep: Sequence[MediaStream],
    dst: Path,
    muxer: str,
    options: Options,
) -> int:
    """Mask the faces of every kept picture track, then remux them with the kept audio."""
    try:
        from resguardo.scrub.media import video
    except ImportError as exc:
        raise ScrubError(
            gettext_noop(
                "Face detection is not available, so faces in %(file)s cannot be masked: refused. "
                "Install resguardo's media extra, or use --no-faces when no face can appear."
            ),
            code="scrub.faces_unavailable",
            params={"file": src.name},
        ) from exc
    pictures = {s.index: picture_of(s, info) for s in keep if s.is_video}
    total = sum(p.frames for p in pictures.values())
    done = 0
    faces = 0
    inputs: list[tuple[Path, str]] = [(src, DEMUXER[kind])]
    streams: list[tuple[int, MediaStream]] = []
    # The masked pictures wait beside the output, in a private folder removed in any case.
    with tempfile.TemporaryDirectory(prefix=".resguardo-video-", dir=dst.parent) as work:
        for stream in keep:
            if not stream.is_video:
                streams.append((0, stream))
                continue
            part = Path(work) / f"picture-{stream.index}.mkv"
            report = None
            if options.progress is not None:
                tell, offset = options.progress, done

                def report(now: int, _all: int, tell: Progress = tell, offset: int = offset) -> None:
                    tell(src, offset + now, max(total, offset + _all))

            faces += video.mask_picture(
                src,
                DEMUXER[kind],
                pictures[stream.index],
                part,
                encoding=video.encoding_for(muxer),
                style=options.mask_style,
                extra=options.extra,
                progress=report,
            )
            done += pictures[stream.index].frames
            masked = probe(part, "matroska").streams[0]
            inputs.append((part, "matroska"))
            streams.append((len(inputs) - 1, masked))
        remux(inputs, streams, dst, muxer)
    return faces


register(AudioVideoHandler())
