"""Metadata benchmark: what resguardo, mat2 and exiftool leave in a corpus of dirty files,
and how fast each cleans it. Writes docs/benchmarks-metadata.md.

    .venv/bin/python benchmarks/metadata.py [--quick] [--cpus N] [--corpus DIR]

1. A corpus of real-world-like files is built in a temporary folder (benchmarks/corpus.py):
   phone and camera photos, screenshots, videos, audio, PDFs and office files, each carrying
   what its device or program writes, and the identifying strings ("canaries") planted in it.
2. ``resguardo scrub FOLDER --out OUT --no-faces --report REPORT.json`` cleans the whole corpus
   in one run. mat2 (``mat2 FILES``) and exiftool (``exiftool -all= -o OUT FILES``) clean the
   files of the formats each says it supports, and resguardo cleans that same subset again so
   each throughput ratio compares the same files.
3. Every output is read back by independent eyes: exiftool (``-a -G0:1 -s -ee``) for
   identifying tags, a byte search for the canaries (inside ZIP members, PDF streams and PNG
   text chunks too), ffprobe for streams other than video and audio, and, for PDFs, exiftool's
   own ``-PDF-update:all=`` to see whether an earlier revision comes back.

All tools run pinned to the same CPU cores (``--cpus``, default 1) so the comparison is per
core and another benchmark can run beside this one. mat2 is installed with apt-get when it
is missing and the script runs as root (``--no-install`` skips that); without it the mat2
columns say so.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # benchmarks/ is not a package: its folder is on the path
from corpus import FORMATS, Item

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "benchmarks-metadata.md"
RESGUARDO = str(Path(sys.executable).parent / "resguardo")
AV_SUFFIXES = frozenset({".mp4", ".mov", ".mkv", ".webm", ".mp3", ".flac", ".wav", ".m4a", ".ogg"})
ZIP_SUFFIXES = frozenset({".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp"})
TOOLS = ("resguardo", "mat2", "exiftool")

# --------------------------------------------------------------------------- what counts

#: exiftool tag names (``-s``) that identify someone, something or somewhere, by category.
#: Matched against the whole name. Software names count only with a version in the value,
#: dates only when they are not zero, ICC profile tags only for profiles that are not sRGB.
NAME_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "hidden-data",
        re.compile(
            r"ThumbnailImage|PreviewImage|ThumbnailTIFF|JpgFromRaw|OtherImage|CoverArt|Picture|EmbeddedVideo"
            r"|MotionPhotoVideo|AttachedFile\w*|EmbeddedFile\w*|AppleDataOffsets|MPImage\d*|MicroVideo\w*"
        ),
    ),
    (
        "location",
        re.compile(r"GPS\w*|\w*Location\w*|City|Country\w*|Sub-location|Province-State|State|\w*Coordinates"),
    ),
    (
        "software",
        re.compile(
            r"Software|ProcessingSoftware|CreatorTool|Producer|Application|AppVersion|Generator|Encoder"
            r"|EncoderSettings|WritingApp|MuxingApp|CodingHistory|Vendor"
        ),
    ),
    (
        "device",
        re.compile(
            r"Make|Model|\w*SerialNumber\w*|HostComputer|Lens(?:Make|Model|Info|ID)|UniqueCameraModel"
            r"|LocalizedCameraModel|ImageUniqueID|ContentIdentifier|MediaGroupUUID|BurstUUID|Android\w*"
            r"|Originator|OriginatorReference|ShutterCount"
        ),
    ),
    (
        "person",
        re.compile(
            r"Artist|Author|Creator|By-line|Owner\w*|LastModifiedBy|Company|Manager|Copyright|CopyrightNotice"
            r"|Rights|Credit|Publisher|EncodedBy|Composer|Performer|Director|Technician|Initial-creator"
        ),
    ),
    (
        "time",
        re.compile(
            r"DateTimeOriginal|CreateDate|ModifyDate|DateTimeDigitized|DateTime|MetadataDate"
            r"|(?:Track|Media|Content)(?:Create|Modify)Date|CreationDate|CreationTime|DateCreated"
            r"|DigitalCreationDate|TimeCreated|SubSecTime\w*|OffsetTime\w*|Date|Year|ZipModifyDate"
            r"|Creation-date|OriginationDate|OriginationTime"
        ),
    ),
    (
        "content",
        re.compile(
            r"Comment|UserComment|XP\w+|ImageDescription|Description|Title|Subject|Keywords|Caption-Abstract"
            r"|Headline|Lyrics\w*|Album|Text|DocumentName|PageName|Track\d*Name|TrackName|ChapterString"
            r"|UserDefinedText|User-defined|Source|Product"
        ),
    ),
)
#: Groups (family 0) whose every tag is identifying metadata.
WHOLE_GROUPS = {"XMP": "other", "IPTC": "other", "MakerNotes": "device"}
#: Office statistics (exiftool group XML): how long, how many words. Everything else counts.
OFFICE_BENIGN = frozenset(
    {
        "Words",
        "Characters",
        "CharactersWithSpaces",
        "Lines",
        "Paragraphs",
        "Pages",
        "Slides",
        "Notes",
        "HiddenSlides",
        "MMClips",
        "DocSecurity",
        "ScaleCrop",
        "LinksUpToDate",
        "SharedDoc",
        "HyperlinksChanged",
        "PresentationFormat",
        "TotalEditTime",
        "RevisionNumber",
    }
)
ICC_NAMES = frozenset(
    {"ProfileDescription", "DeviceManufacturer", "DeviceModel", "ProfileCopyright", "ProfileCreator"}
)
#: Track handlers that are the picture and the sound (anything else is a track to drop).
MEDIA_HANDLERS = frozenset({"Video Track", "Audio Track", "URL", "Alias Data", "Data Handler", ""})
#: Handler names that say nothing about the device (ffmpeg's and the format's defaults).
PLAIN_HANDLER_NAMES = frozenset(
    {"VideoHandler", "SoundHandler", "DataHandler", "SubtitleHandler", "TimeCodeHandler", "", "ALIAS"}
)
ZERO_DATE = re.compile(r"[0:\-. T+Z]*|1980:01:01 00:00:00")


def classify(group: str, name: str, value: str) -> str | None:
    """The category of an identifying exiftool tag, or None when the tag identifies nothing."""
    parts = group.split(":")
    g0, g1 = parts[0], parts[-1]
    value = value.strip()
    if g0 in ("ExifTool", "Composite") or g1 == "System" or not value:
        return None
    if g0 == "File":
        return "content" if name == "Comment" else None
    if g0 in WHOLE_GROUPS:
        if name.startswith("Document-statistic"):
            return None
        return _by_name(name, value) or WHOLE_GROUPS[g0]
    if g0 == "ICC_Profile":
        return "device" if name in ICC_NAMES else None
    if name == "HandlerType" and g1.startswith("Track"):
        return None if value in MEDIA_HANDLERS else "hidden-data"
    if name == "TrackType" and g0 == "Matroska":
        return None if value in ("Video", "Audio") else "hidden-data"
    if name == "HandlerDescription":
        return None if value in PLAIN_HANDLER_NAMES else "device"
    if g0 == "XML" and name not in OFFICE_BENIGN:
        return _by_name(name, value) or "other"
    if g0 == "PDF" and name == "EmbeddedImage":
        return None  # a picture shown on a page (its own EXIF, if any, is read and counted)
    return _by_name(name, value)


def _by_name(name: str, value: str) -> str | None:
    for category, pattern in NAME_RULES:
        if pattern.fullmatch(name):
            if category == "software" and not re.search(r"\d", value):
                return None
            if category == "time" and ZERO_DATE.fullmatch(value):
                return None
            return category
    return None


# --------------------------------------------------------------------------- reading outputs back

LINE = re.compile(r"^\[(?P<group>[^\]]+)\]\s+(?P<name>\S+)\s*:\s?(?P<value>.*)$")


@dataclass
class Tag:
    category: str
    key: str  # Group:Name
    value: str


def exiftool_tags(paths: list[Path]) -> dict[Path, list[Tag]]:
    """Identifying tags in each file, as exiftool reads them (embedded documents included)."""
    result: dict[Path, list[Tag]] = {p: [] for p in paths}
    if not paths:
        return result
    with tempfile.TemporaryDirectory() as tmp:
        argfile = Path(tmp) / "args.txt"
        argfile.write_text("\n".join(str(p) for p in paths) + "\n", encoding="utf-8")
        done = subprocess.run(
            ["exiftool", "-a", "-G0:1", "-s", "-ee", "-charset", "filename=utf8", "-@", str(argfile)],
            capture_output=True,
            timeout=1800,
            check=False,
        )
    by_name = {str(p): p for p in paths}
    current: Path | None = paths[0] if len(paths) == 1 else None
    raw: dict[Path, list[tuple[str, str, str]]] = defaultdict(list)
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        if line.startswith("======== "):
            current = by_name.get(line[9:].strip())
            continue
        match = LINE.match(line)
        if match and current is not None:
            raw[current].append((match["group"], match["name"], match["value"]))
    for path, tags in raw.items():
        standard_icc = any(
            g.startswith("ICC_Profile") and n == "ProfileDescription" and _standard_icc(v) for g, n, v in tags
        )
        seen: set[tuple[str, str, str]] = set()
        for group, name, value in tags:
            if (group, name, value) in seen or (standard_icc and group.startswith("ICC_Profile")):
                continue
            seen.add((group, name, value))
            category = classify(group, name, value)
            if category:
                result[path].append(Tag(category, f"{group}:{name}", _short(value)))
    return result


def _standard_icc(description: str) -> bool:
    text = description.strip().lower()
    return text.startswith("srgb") or "gray" in text or "grey" in text


def _short(value: str, limit: int = 60) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


def blobs(path: Path) -> Iterator[tuple[str, bytes]]:
    """(where, bytes): the file itself, and what its compressed parts hold (ZIP members, PDF
    streams, PNG text chunks), so that a planted string cannot hide behind deflate."""
    data = path.read_bytes()
    yield "bytes", data
    suffix = path.suffix.lower()
    if suffix in ZIP_SUFFIXES:
        try:
            with zipfile.ZipFile(path) as archive:
                yield "zip comment", archive.comment
                for info in archive.infolist():
                    if info.file_size < 200 * 1024 * 1024:
                        yield info.filename, archive.read(info)
        except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
            return
    elif suffix == ".pdf":
        for match in re.finditer(rb"stream\r?\n", data):
            end = data.find(b"endstream", match.end())
            if end > 0:
                yield from (("a compressed stream", b) for b in _inflate(data[match.end() : end]))
    elif suffix == ".png":
        pos = 8
        while pos + 12 <= len(data):
            length = int.from_bytes(data[pos : pos + 4], "big")
            ctype = data[pos + 4 : pos + 8]
            if ctype in (b"zTXt", b"iTXt", b"iCCP"):
                body = data[pos + 8 : pos + 8 + length]
                for start in range(len(body)):
                    if body[start : start + 2] in (b"x\x9c", b"x\xda", b"x\x01", b"x^"):
                        yield from ((ctype.decode(), b) for b in _inflate(body[start:]))
                        break
            pos += 12 + length


def _inflate(chunk: bytes) -> Iterator[bytes]:
    try:
        yield zlib.decompressobj().decompress(chunk, 64 * 1024 * 1024)
    except zlib.error:
        return


def canaries_in(path: Path, canaries: dict[str, str]) -> list[tuple[str, str]]:
    """(canary, where it was found) for each planted string still in the file."""
    needles = {
        canary: [canary.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")] for canary in canaries
    }
    found: dict[str, str] = {}
    for where, blob in blobs(path):
        for canary, encoded in needles.items():
            if any(e in blob for e in encoded) and found.get(canary, "bytes") == "bytes":
                found[canary] = where
    return sorted(found.items())


def extra_streams(path: Path) -> list[str]:
    """Streams other than picture and sound (cover art counts), and chapters, per ffprobe."""
    done = subprocess.run(
        ["ffprobe", "-v", "error", "-print_format", "json", "-show_streams", "-show_chapters", str(path)],
        capture_output=True,
        timeout=120,
        check=False,
    )
    try:
        data = json.loads(done.stdout or b"{}")
    except ValueError:
        return ["unreadable"]
    found = []
    for stream in data.get("streams", []):
        kind = stream.get("codec_type", "")
        if stream.get("disposition", {}).get("attached_pic") == 1:
            found.append("cover-art")
        elif kind not in ("video", "audio"):
            found.append(str(stream.get("codec_tag_string") if kind == "data" else kind))
    if data.get("chapters"):
        found.append(f"{len(data['chapters'])} chapters")
    return found


def heif_images(path: Path) -> list[str]:
    """Pictures a HEIC file holds besides the photo: thumbnails, depth maps, auxiliary images."""
    try:
        import pillow_heif
    except ImportError:
        return []
    try:
        heif = pillow_heif.open_heif(path)
    except (OSError, ValueError, RuntimeError):
        return ["unreadable"]
    found: list[str] = []
    for image in heif:
        info: dict[str, object] = dict(image.info)
        for key, label in (("thumbnails", "thumbnail"), ("depth_images", "depth map"), ("aux", "auxiliary")):
            value = info.get(key)
            found += [label] * (len(value) if isinstance(value, list | dict) else 0)
    found += ["more images"] * (len(heif) - 1)
    return found


def pdf_history(path: Path) -> tuple[int, list[Tag]]:
    """How many revisions the file holds, and the identifying tags exiftool reads in the
    earlier ones (each cut at its own %%EOF: what anyone with a text editor can recover)."""
    data = path.read_bytes()
    ends = [m.end() for m in re.finditer(rb"%%EOF", data)]
    if len(ends) > 1 and b"/Linearized" in data[:2048]:
        ends = ends[1:]  # a linearized file has a first-page trailer of its own
    found: list[Tag] = []
    with tempfile.TemporaryDirectory() as tmp:
        cuts = []
        for n, end in enumerate(ends[:-1]):
            cut = Path(tmp) / f"revision-{n}.pdf"
            cut.write_bytes(data[:end] + b"\n")
            cuts.append(cut)
        for tags in exiftool_tags(cuts).values():
            found += [t for t in tags if t.key not in {f.key for f in found}]
    return max(len(ends), 1), found


# --------------------------------------------------------------------------- runs


@dataclass
class Outcome:
    item: Item
    status: str  # cleaned | refused | failed
    output: Path | None = None
    detail: str = ""
    tags: list[Tag] = field(default_factory=list)
    canaries: list[tuple[str, str]] = field(default_factory=list)
    streams: list[str] = field(default_factory=list)
    revisions: int = 1
    history: list[Tag] = field(default_factory=list)  # identifying tags in earlier PDF revisions
    restored: list[Tag] = field(default_factory=list)


@dataclass
class Run:
    tool: str
    items: list[Item]
    timing: Timing
    outcomes: dict[str, Outcome]
    sizes: dict[str, int] = field(default_factory=dict)

    @property
    def seconds(self) -> float:
        return self.timing.seconds

    @property
    def megabytes(self) -> float:
        return sum(self.sizes.values()) / 1e6

    @property
    def output_megabytes(self) -> float:
        return sum(o.output.stat().st_size for o in self.outcomes.values() if o.output is not None) / 1e6


def link_tree(items: list[Item], source: Path, target: Path) -> Path:
    """The subset as hard links (no copying; the layout kept). Returns the folder to clean."""
    for item in items:
        dst = target / item.path
        dst.parent.mkdir(parents=True, exist_ok=True)
        os.link(source / item.path, dst)
    return target


@dataclass
class Timing:
    seconds: float
    load: tuple[float, float]  # the machine's 1-minute load average before and after
    #: CPU time (user + system) of the tool and every process it started: what the work cost,
    #: whatever else the shared machine was doing meanwhile
    cpu: float = 0.0


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], cwd: Path | None = None) -> tuple[Timing, subprocess.CompletedProcess[bytes]]:
    before, cpu = os.getloadavg()[0], _children_cpu()
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, timeout=7200, check=False)
    return Timing(time.perf_counter() - start, (before, os.getloadavg()[0]), _children_cpu() - cpu), done


def run_resguardo(items: list[Item], files: Path, work: Path, workers: int) -> Run:
    folder = link_tree(items, files, work / "in" / "files")
    out, report = work / "out", work / "report.json"
    command = [RESGUARDO, "scrub", str(folder), "--out", str(out), "--no-faces", "--report", str(report)]
    timing, done = timed([*command, "--workers", str(workers)])
    if not report.is_file():
        raise RuntimeError(f"resguardo wrote no report: {done.stderr.decode(errors='replace')[-2000:]}")
    entries = json.loads(report.read_text(encoding="utf-8"))["files"]
    by_input = {str((folder / item.path).resolve()): item for item in items}
    outcomes: dict[str, Outcome] = {}
    for entry in entries:
        item = by_input[entry["input"]]
        if entry["status"] == "cleaned":
            outcomes[item.path] = Outcome(item, "cleaned", Path(entry["output"]))
        else:
            outcomes[item.path] = Outcome(item, "refused", detail=entry["error_code"] or "")
    return Run("resguardo", items, timing, outcomes, sizes=_sizes(items, files))


def _sizes(items: list[Item], files: Path) -> dict[str, int]:
    return {item.path: (files / item.path).stat().st_size for item in items}


def mat2_extensions() -> set[str]:
    done = subprocess.run(["mat2", "--list"], capture_output=True, text=True, timeout=120, check=False)
    found: set[str] = set()
    for inside in re.findall(r"\(([^)]*)\)", done.stdout):
        found |= {ext.strip().lower() for ext in inside.split(",") if ext.strip().startswith(".")}
    return found


def run_mat2(items: list[Item], files: Path, work: Path, *options: str) -> Run:
    folder = link_tree(items, files, work / "in")
    paths = [str(folder / item.path) for item in items]
    timing, done = timed(["mat2", *options, *paths])
    messages = done.stderr.decode("utf-8", "replace").splitlines()
    outcomes: dict[str, Outcome] = {}
    for item in items:
        src = folder / item.path
        cleaned = src.with_name(f"{src.stem}.cleaned{src.suffix}")
        if cleaned.is_file() and cleaned.stat().st_size > 0:
            dst = work / "out" / item.path
            dst.parent.mkdir(parents=True, exist_ok=True)
            cleaned.rename(dst)
            outcomes[item.path] = Outcome(item, "cleaned", dst)
        else:
            about = [m for m in messages if src.name in m]
            why = next((m for m in about if "ERROR" in m), about[0] if about else "no output")
            reason = _mat2_reason(why)
            status = "refused" if reason.startswith("refused") else "failed"
            outcomes[item.path] = Outcome(item, status, detail=reason)
    return Run(" ".join(["mat2", *options]), items, timing, outcomes, sizes=_sizes(items, files))


def _mat2_reason(message: str) -> str:
    if "isn't supported" in message or "is not supported" in message:
        member = re.search(r"element (\S+?)'?s format|format of (\S+)", message)
        return f"refused: unsupported member {member.group(1)}" if member and member.group(1) else "refused"
    if "Something went wrong" in message:
        return "ffmpeg failed"
    return _short(message.replace("ERROR: ", ""), 50)


def exiftool_extensions() -> set[str]:
    done = subprocess.run(["exiftool", "-listwf"], capture_output=True, text=True, timeout=120, check=False)
    return {"." + ext.lower() for ext in done.stdout.split()[3:]}


def run_exiftool(items: list[Item], files: Path, work: Path) -> Run:
    folder = link_tree(items, files, work / "in")
    out = work / "out"
    argfile = work / "args.txt"
    argfile.write_text("\n".join(item.path for item in items) + "\n", encoding="utf-8")
    timing, done = timed(
        ["exiftool", "-all=", "-o", f"{out}/%d%f.%e", "-charset", "filename=utf8", "-@", str(argfile)],
        cwd=folder,
    )
    messages = done.stderr.decode("utf-8", "replace").splitlines()
    outcomes: dict[str, Outcome] = {}
    for item in items:
        dst = out / item.path
        if dst.is_file() and dst.stat().st_size > 0:
            outcomes[item.path] = Outcome(item, "cleaned", dst)
        else:
            why = next((m for m in messages if Path(item.path).name in m), "no output")
            outcomes[item.path] = Outcome(item, "failed", detail=_short(why.replace("Error: ", ""), 50))
    return Run("exiftool", items, timing, outcomes, sizes=_sizes(items, files))


def read_back(outcomes: Iterable[Outcome]) -> None:
    """Fill in what each cleaned output still gives away."""
    cleaned = [o for o in outcomes if o.output is not None]
    tags = exiftool_tags([o.output for o in cleaned if o.output is not None])
    for outcome in cleaned:
        assert outcome.output is not None
        outcome.tags = tags[outcome.output]
        outcome.canaries = canaries_in(outcome.output, outcome.item.canaries)
        suffix = outcome.output.suffix.lower()
        if suffix in AV_SUFFIXES:
            outcome.streams = extra_streams(outcome.output)
        if suffix == ".heic":
            outcome.streams = heif_images(outcome.output)
        if suffix == ".pdf":
            outcome.revisions, outcome.history = pdf_history(outcome.output)


def revert_pdfs(outcomes: Iterable[Outcome], work: Path) -> None:
    """exiftool's PDF edits are incremental updates it can undo itself: try on every output."""
    work.mkdir(parents=True, exist_ok=True)
    for n, outcome in enumerate(outcomes):
        if outcome.output is None or outcome.output.suffix.lower() != ".pdf":
            continue
        reverted = work / f"{n}.pdf"
        subprocess.run(
            ["exiftool", "-q", "-q", "-PDF-update:all=", "-o", str(reverted), str(outcome.output)],
            capture_output=True,
            timeout=300,
            check=False,
        )
        if reverted.is_file():
            outcome.restored = exiftool_tags([reverted])[reverted]


# --------------------------------------------------------------------------- the report


def machine(cpus: set[int]) -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores (the tools pinned to {len(cpus)}), "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


def versions(have_mat2: bool) -> str:
    def first_line(command: list[str]) -> str:
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
        except OSError:
            return "?"
        return (done.stdout or done.stderr).strip().splitlines()[0] if (done.stdout or done.stderr) else "?"

    parts = [
        f"resguardo {first_line([RESGUARDO, '--version']).split()[-1]}",
        f"exiftool {first_line(['exiftool', '-ver'])}",
        first_line(["ffmpeg", "-version"]).split(" Copyright")[0],
    ]
    if have_mat2:
        parts.insert(1, first_line(["mat2", "--version"]))
    return ", ".join(parts)


def cell(outcomes: list[Outcome], what: str) -> str:
    """One table cell for one tool and one format."""
    if not outcomes:
        return "—"
    failed = [o for o in outcomes if o.status != "cleaned"]
    cleaned = [o for o in outcomes if o.status == "cleaned"]
    if what == "tags":
        count = sum(len(o.tags) for o in cleaned)
        files = sum(bool(o.tags) for o in cleaned)
        text = "**0**" if not count else f"{count} in {files}"
    elif what == "canaries":
        count = sum(len(o.canaries) for o in cleaned)
        text = "**0**" if not count else f"{count} in {sum(bool(o.canaries) for o in cleaned)}"
    elif what == "streams":
        count = sum(len(o.streams) for o in cleaned)
        text = "**0**" if not count else f"{count} in {sum(bool(o.streams) for o in cleaned)}"
    else:
        raise ValueError(what)
    if not cleaned:
        text = "—"
    if failed:
        label = "refused" if all(o.status == "refused" for o in failed) else "not cleaned"
        text += f" ({len(failed)}/{len(outcomes)} {label})"
    return text


def verdict(t: dict[str, int]) -> str:
    left = t["tags"] + t["canaries"] + t["streams"] + t["pdf_history"] + t["restored"]
    if left == 0 and t["not"] == 0:
        return "**Goal met: nothing identifying left in any file, and every file cleaned.**"
    if left == 0:
        return f"**Nothing identifying left in any output; {t['not']} files refused (no output).**"
    return f"**Goal not met: {left} identifying items left (listed under What remains).**"


def by_format(run: Run | None) -> dict[str, list[Outcome]]:
    groups: dict[str, list[Outcome]] = defaultdict(list)
    if run is not None:
        for outcome in run.outcomes.values():
            groups[outcome.item.format].append(outcome)
    return groups


def totals(run: Run) -> dict[str, int]:
    cleaned = [o for o in run.outcomes.values() if o.status == "cleaned"]
    return {
        "files": len(run.outcomes),
        "cleaned": len(cleaned),
        "not": len(run.outcomes) - len(cleaned),
        "tags": sum(len(o.tags) for o in cleaned),
        "tag_files": sum(bool(o.tags) for o in cleaned),
        "canaries": sum(len(o.canaries) for o in cleaned),
        "canary_files": sum(bool(o.canaries) for o in cleaned),
        "streams": sum(len(o.streams) for o in cleaned),
        "pdf_history": sum(bool(o.history) for o in cleaned),
        "restored": sum(bool(o.restored) for o in cleaned),
    }


def throughput_row(label: str, run: Run, base: Run | None) -> str:
    cleaned = sum(o.status == "cleaned" for o in run.outcomes.values())
    cells = [
        label,
        f"{len(run.items)} ({cleaned} cleaned)",
        f"{run.megabytes:.0f} → {run.output_megabytes:.0f}",
        f"{run.seconds:.1f}",
        f"{run.timing.cpu:.1f}",
        f"{len(run.items) / run.seconds:.2f}",
        f"{run.megabytes / run.seconds:.1f}",
        f"{run.timing.load[0]:.1f} → {run.timing.load[1]:.1f}",
        (
            f"resguardo takes **{run.seconds / base.seconds:.1f}×** the time of {base.tool}"
            f" (**{run.timing.cpu / base.timing.cpu:.1f}×** its CPU time)"
        )
        if base
        else "",
    ]
    return "| " + " | ".join(cells) + " |"


def remains(run: Run, limit: int = 8) -> list[str]:
    """What a tool left, per format: the most frequent tags, canaries and streams."""
    lines: list[str] = []
    for fmt, outcomes in sorted(by_format(run).items(), key=lambda kv: _order(kv[0])):
        tags = Counter(f"`{t.key}`" for o in outcomes for t in o.tags)
        canaries = Counter(f"{o.item.canaries[c]} in {where}" for o in outcomes for c, where in o.canaries)
        streams = Counter(s for o in outcomes for s in o.streams)
        failures = Counter(o.detail or o.status for o in outcomes if o.status != "cleaned")
        parts = []
        if tags:
            shown = ", ".join(f"{k} ×{n}" if n > 1 else k for k, n in tags.most_common(limit))
            more = len(tags) - limit
            parts.append(f"tags {shown}" + (f" and {more} more kinds" if more > 0 else ""))
        if canaries:
            parts.append(
                "planted strings (" + ", ".join(f"{k} ×{n}" for k, n in canaries.most_common()) + ")"
            )
        if streams:
            parts.append("streams " + ", ".join(f"{k} ×{n}" for k, n in streams.most_common()))
        history = Counter(f"`{t.key}`" for o in outcomes for t in o.history)
        if history:
            shown = ", ".join(f"{k} ×{n}" if n > 1 else k for k, n in history.most_common(limit))
            parts.append(f"in earlier revisions: {shown}")
        harmless = sum(o.revisions > 1 and not o.history for o in outcomes if o.status == "cleaned")
        if harmless:
            parts.append(f"an earlier revision with nothing identifying in {harmless} files")
        if failures:
            parts.append("not cleaned: " + ", ".join(f"{k} ×{n}" for k, n in failures.most_common()))
        if parts:
            lines.append(f"- **{fmt}**: " + "; ".join(parts))
    return lines or ["- nothing"]


def _order(fmt: str) -> int:
    return list(FORMATS.values()).index(fmt)


def write_report(
    args: argparse.Namespace,
    items: list[Item],
    build_seconds: float | None,
    before: dict[str, Outcome],
    runs: dict[str, Run],
    speed: dict[str, tuple[Run, Run]],
    notes: list[str],
    cpus: set[int],
) -> str:
    command = ".venv/bin/python benchmarks/metadata.py" + (" --quick" if args.quick else "")
    resguardo = runs["resguardo"]
    total_mb = resguardo.megabytes
    lines = [
        "# Metadata benchmark",
        "",
        f"Run on {dt.date.today().isoformat()} with `{command}`"  # noqa: DTZ011
        + (" (part of `make benchmark`)." if not args.quick else "."),
        f"Machine: {machine(cpus)}.",
        f"Tools: {versions('mat2' in runs)}.",
        "",
        "The issue's goal: zero identifying tags left on a corpus of real-world-like files, and",
        "throughput against mat2 and exiftool where installable. The corpus is built from nothing",
        f"by `benchmarks/corpus.py` ({len(items)} files, {total_mb:.0f} MB, "
        + (
            f"built in {build_seconds:.0f} s)"
            if build_seconds is not None
            else "built before this run, `--corpus`)"
        ),
        "and thrown away afterwards; every file carries what its device or program writes, plus",
        "planted identifying strings (names, serial numbers, places, comments) to search for.",
        "",
    ]
    t = totals(resguardo)
    lines += [
        "## Result",
        "",
        verdict(t),
        "",
        f"resguardo cleaned **{t['cleaned']} of {t['files']}** files"
        + (f" and refused {t['not']}" if t["not"] else "")
        + f". In what it wrote, exiftool finds **{t['tags']}** identifying tags, the byte search finds "
        f"**{t['canaries']}** planted strings, ffprobe and libheif find **{t['streams']}** extra streams, "
        f"chapters or embedded pictures, and **{t['pdf_history']}** PDFs keep an earlier revision that "
        "gives anything away. mat2 and exiftool, on the same files:",
        "",
        "| tool | files given | cleaned | not cleaned | identifying tags left (files) | planted strings left (files) "
        "| extra streams, chapters, embedded pictures | PDFs with identifying tags in an earlier revision | PDFs where `exiftool -PDF-update:all=` brings tags back |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, run in runs.items():
        t = totals(run)
        label = f"`{name}` (on the files mat2 refused)" if name.startswith("mat2 --") else name
        lines.append(
            f"| {label} | {t['files']} | {t['cleaned']} | {t['not']} | {t['tags']} ({t['tag_files']}) "
            f"| {t['canaries']} ({t['canary_files']}) | {t['streams']} | {t['pdf_history']} | {t['restored']} |"
        )
    lines += [
        "",
        "Each tool is given the files of the formats it lists as supported (`mat2 --list`,",
        '`exiftool -listwf`); resguardo is given every file. "Not cleaned" means no output: refused',
        "(resguardo on any doubt, by design; mat2 on an archive member it does not know) or failed.",
        "",
        "## Identifying tags left, per format (exiftool `-a -G0:1 -ee` on the outputs)",
        "",
        "`n in f`: n tags in f files; **0**: none; —: the tool does not take that format.",
        "",
        "| format | files | MB | tags in the inputs | resguardo | mat2 | exiftool |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    formats = sorted({item.format for item in items}, key=_order)
    groups = {name: by_format(runs.get(name)) for name in TOOLS}
    before_by_format: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in before.values():
        before_by_format[outcome.item.format].append(outcome)
    for fmt in formats:
        inputs = before_by_format[fmt]
        size = sum(resguardo.sizes[o.item.path] for o in inputs) / 1e6
        row = [fmt, str(len(inputs)), f"{size:.1f}", cell(inputs, "tags")]
        row += [
            cell(groups[name].get(fmt, []), "tags") if name in runs else "not installed" for name in TOOLS
        ]
        lines.append("| " + " | ".join(row) + " |")
    lines += [
        "",
        "## Planted strings and extra streams left, per format",
        "",
        "Planted strings: the names, serials, places and comments put into each file, searched for",
        "in the output's bytes as UTF-8 and UTF-16, inside ZIP members, PDF streams and PNG text",
        "chunks too. Streams: what ffprobe lists besides picture and sound (subtitles, timecode,",
        "attachments, cover art) and chapters; for HEIC, the thumbnails and other pictures libheif lists.",
        "",
        "| format | strings: resguardo | mat2 | exiftool | streams: resguardo | mat2 | exiftool |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for fmt in formats:
        row = [fmt]
        row += [cell(groups[n].get(fmt, []), "canaries") if n in runs else "not installed" for n in TOOLS]
        if fmt in {FORMATS[s] for s in AV_SUFFIXES} or fmt == "HEIC":
            row += [cell(groups[n].get(fmt, []), "streams") if n in runs else "not installed" for n in TOOLS]
        else:
            row += ["", "", ""]
        lines.append("| " + " | ".join(row) + " |")
    lines += ["", "## What remains", ""]
    for name, run in runs.items():
        lines += [f"### {name}", "", *remains(run), ""]
    lines += [
        "## Throughput",
        "",
        "Wall-clock time of one run over the files each tool takes, process start-up included, all",
        f"pinned to the same {len(cpus)} core(s); resguardo ran over the same files in the same run.",
        "CPU time is user plus system time of the tool and every process it started (ffmpeg, qpdf):",
        "on a machine shared with other work it moves much less than the wall-clock time.",
        "",
        "| run | files | MB in → out | seconds | CPU seconds | files/s | MB/s | load average before → after | on the same files |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
        throughput_row("resguardo, whole corpus", resguardo, None),
    ]
    for name, (theirs, ours) in speed.items():
        lines.append(throughput_row(f"{name}, the formats it takes", theirs, None))
        lines.append(throughput_row(f"resguardo, the same {len(ours.items)} files", ours, theirs))
    lines += [
        "",
        "resguardo writes every picture afresh: a JPEG that is already upright, has no device colour",
        "profile and uses the standard quantisation tables keeps only its frame and scan segments",
        "(no re-encoding, every APPn, comment and trailing byte dropped, the scan decoded once to prove",
        "it whole); every other picture is decoded (turned upright, converted to sRGB) and encoded",
        "again. It remuxes video and audio with ffmpeg, rewrites PDFs whole with qpdf, and reads every",
        "output back before it is kept; mat2 re-encodes pictures too and rasterises PDFs; exiftool",
        "only edits the metadata blocks in place.",
        "",
        "## Method and limits",
        "",
        "- The corpus: "
        + ", ".join(f"{src} ×{n}" for src, n in Counter(item.source.split(" (")[0] for item in items).items())
        + ".",
        "- A tag counts when its exiftool name is in the rules in `benchmarks/metadata.py` (GPS*,",
        "  Make, Model, serial numbers, Artist, Author, Creator, Company, Owner, Copyright, Software",
        "  with a version, dates that are not zero, comments, titles, thumbnails, previews, cover",
        "  art, attachments, track handlers other than video and audio) or is in an XMP, IPTC or",
        "  maker-note group, or is an ICC profile that is not sRGB. Identical tags are counted once",
        "  per file. The exact list of what remains is above, so each count can be checked.",
        "- Timings are single runs on a shared machine: compare ratios, not absolute values. No",
        "  test asserts a timing.",
        "- resguardo ran with `--no-faces` (this benchmark is about metadata; faces have their own).",
        "- The corpus's JPEGs are written by Pillow, with the standard quantisation tables, so resguardo",
        "  copies the scans of those that are upright and have no device profile (the Android and motion",
        "  photos) instead of re-encoding them. A real camera writes tables of its own, which name its",
        "  maker: resguardo re-encodes those, so on real phone photos its time is nearer the re-encoding",
        "  cost (the iPhone and camera photos here, which carry a device profile).",
        *[f"- {note}" for note in notes],
        "",
    ]
    return "\n".join(lines)


# --------------------------------------------------------------------------- main


def ensure_mat2(install: bool, notes: list[str]) -> bool:
    if shutil.which("mat2"):
        return True
    if not install:
        notes.append("mat2 is not installed (--no-install): its columns are empty.")
        return False
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        notes.append("mat2 is not installed and this run cannot install it (needs root and apt-get).")
        return False
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    command = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "mat2"]
    done = subprocess.run(command, capture_output=True, timeout=900, check=False, env=env)
    if done.returncode != 0:
        subprocess.run(["apt-get", "update", "-qq"], capture_output=True, timeout=900, check=False, env=env)
        subprocess.run(command, capture_output=True, timeout=900, check=False, env=env)
    if shutil.which("mat2"):
        notes.append("mat2 was installed for this run with `apt-get install mat2` (Debian's package).")
        return True
    notes.append("mat2 could not be installed with apt-get: its columns are empty.")
    return False


def pin(count: int) -> set[int]:
    available = sorted(os.sched_getaffinity(0))
    cpus = set(available[-max(1, min(count, len(available))) :])
    os.sched_setaffinity(0, cpus)  # inherited by every tool this script starts
    return cpus


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="about 30 files instead of about 140")
    parser.add_argument("--cpus", type=int, default=1, help="cores the tools may use (default 1)")
    parser.add_argument("--corpus", type=Path, help="build the corpus here and keep it (reused if built)")
    parser.add_argument("--no-install", action="store_true", help="do not apt-get install mat2")
    parser.add_argument("--output", type=Path, default=OUT, help="the Markdown file to write")
    parser.add_argument("--keep", action="store_true", help="keep the outputs of every tool (prints where)")
    args = parser.parse_args()

    missing = corpus.missing_tools()
    if missing:
        sys.stderr.write(f"needs {', '.join(missing)}: run scripts/system-deps.sh test\n")
        return 2
    notes: list[str] = []
    have_mat2 = ensure_mat2(not args.no_install, notes)
    cpus = pin(args.cpus)

    scratch = Path(tempfile.mkdtemp(prefix="resguardo-metadata-"))
    root = args.corpus or scratch / "corpus"
    try:
        start = time.perf_counter()
        build_seconds: float | None = None
        if args.corpus and (root / corpus.MANIFEST).is_file():
            items = corpus.load(root)
            say(f"corpus: {len(items)} files reused from {root}")
        else:
            items = corpus.build(root, quick=args.quick, progress=lambda s: say(f"corpus: {s}"))
            build_seconds = time.perf_counter() - start
        files = corpus.files(root)
        work = scratch / "runs"

        say("resguardo: whole corpus")
        runs: dict[str, Run] = {"resguardo": run_resguardo(items, files, work / "resguardo", len(cpus))}
        speed: dict[str, tuple[Run, Run]] = {}
        if have_mat2:
            exts = mat2_extensions()
            subset = [item for item in items if Path(item.path).suffix.lower() in exts]
            say(f"mat2: {len(subset)} files")
            runs["mat2"] = run_mat2(subset, files, work / "mat2")
            say("resguardo: the same files")
            speed["mat2"] = (runs["mat2"], run_resguardo(subset, files, work / "resguardo-mat2", len(cpus)))
            refused = [o.item for o in runs["mat2"].outcomes.values() if o.detail.startswith("refused")]
            if refused:
                say(f"mat2 --unknown-members omit: the {len(refused)} files it refused")
                omit = run_mat2(refused, files, work / "mat2-omit", "--unknown-members", "omit")
                runs[omit.tool] = omit
        exts = exiftool_extensions()
        subset = [item for item in items if Path(item.path).suffix.lower() in exts]
        say(f"exiftool: {len(subset)} files")
        runs["exiftool"] = run_exiftool(subset, files, work / "exiftool")
        say("resguardo: the same files")
        speed["exiftool"] = (
            runs["exiftool"],
            run_resguardo(subset, files, work / "resguardo-exiftool", len(cpus)),
        )

        say("reading every output back")
        before = {item.path: Outcome(item, "cleaned", files / item.path) for item in items}
        read_back(before.values())
        for name, run in runs.items():
            read_back(run.outcomes.values())
            revert_pdfs(run.outcomes.values(), work / f"reverted-{name}")

        report = write_report(args, items, build_seconds, before, runs, speed, notes, cpus)
        args.output.write_text(report, encoding="utf-8")
        sys.stdout.write(report)
    finally:
        if args.keep:
            say(f"outputs kept in {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    return 0


def say(message: str) -> None:
    sys.stderr.write(f"[metadata] {message}\n")
    sys.stderr.flush()


if __name__ == "__main__":
    raise SystemExit(main())
