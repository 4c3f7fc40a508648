"""A corpus of real-world-like dirty files for the metadata benchmark, built from nothing.

Every file carries what the device or program that makes that kind of file writes: phone
photos with full EXIF (GPS, make and model, serial numbers, dates, maker notes), XMP, IPTC,
thumbnails and device colour profiles; screenshots with text chunks; phone and drone videos
with location tags, subtitle and timecode tracks; audio with ID3, Vorbis comments, cover art
and broadcast-wave chunks; PDFs with Info, XMP, attachments, annotation authors and an
incremental update; office files with properties, comments and tracked changes.

Each file also records its *canaries*: the identifying strings planted in it (names,
serial numbers, places, comments). A cleaned file must not contain any of them, in any
encoding, anywhere (the benchmark looks inside compressed streams and ZIP members too).

    from benchmarks.corpus import build
    items = build(Path("/tmp/corpus"), quick=True)   # files under /tmp/corpus/files

Needs Pillow, pillow-heif, pikepdf (the media extra), ffmpeg and exiftool (scripts/system-deps.sh test).
The pixels are synthetic (smooth colour fields and sensor-like noise): the sizes and bit rates
are realistic so timings mean something, the contents are nobody.
"""

from __future__ import annotations

import io
import json
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import uuid
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pikepdf
from PIL import Image, ImageDraw, PngImagePlugin, TiffImagePlugin

# The fixture builders this shares with the tests live in tests/support (the repository root
# goes on the path: benchmarks/ is run as a folder of scripts, not as a package).
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.support.media_files import (
    DECL,
    DOCX_PARTS,
    ODF_NS,
    ODF_PARTS,
    ODF_STYLES,
    PACKAGE_TYPES,
    REL,
    VML_NOTE,
    XLSX_PARTS,
    R,
    W,
    content_types,
    device_icc,
    odf_manifest,
    package_rels,
    pptx_members,
    rels,
)

try:
    import pillow_heif
except ImportError:  # pragma: no cover - the media extra brings it
    HEIF = False
else:
    pillow_heif.register_heif_opener()
    HEIF = True

__all__ = ["FORMATS", "Item", "build", "load"]

MANIFEST = "manifest.json"
FILES = "files"

#: Table label of each extension, in the order tables list them.
FORMATS: dict[str, str] = {
    ".jpg": "JPEG",
    ".heic": "HEIC",
    ".png": "PNG",
    ".webp": "WebP",
    ".tif": "TIFF",
    ".gif": "GIF",
    ".mp4": "MP4",
    ".mov": "MOV",
    ".mkv": "MKV",
    ".webm": "WebM",
    ".mp3": "MP3",
    ".flac": "FLAC",
    ".wav": "WAV",
    ".m4a": "M4A",
    ".ogg": "OGG",
    ".pdf": "PDF",
    ".docx": "DOCX",
    ".xlsx": "XLSX",
    ".pptx": "PPTX",
    ".odt": "ODT",
    ".ods": "ODS",
    ".odp": "ODP",
}


@dataclass
class Item:
    """One corpus file: its path under ``files/``, what made it, and the identifying strings
    planted in it (canary -> category: person, device, location, content)."""

    path: str
    source: str
    canaries: dict[str, str] = field(default_factory=dict)

    @property
    def format(self) -> str:
        return FORMATS[Path(self.path).suffix.lower()]


# --------------------------------------------------------------------------- identities

NAMES = (
    "Ana Quispe Mamani",
    "Lucia Fernandez Rojas",
    "Samir Haddad",
    "Maria Lopez Garcia",
    "Juan Perez Soto",
    "Amina Diallo",
    "Tomasz Nowakowski",
    "Rosa Huaman Torres",
    "Kemal Arslan",
    "Nadia Benali",
    "Diego Condori",
    "Fatima Idrissi",
)
#: (place, city, country, latitude, longitude)
PLACES = (
    ("Plaza del Dos de Mayo", "Madrid", "Spain", 40.42781, -3.70396),
    ("Calle de Atocha 12", "Madrid", "Spain", 40.41254, -3.70216),
    ("Parque de Vallecas", "Madrid", "Spain", 40.38932, -3.65971),
    ("Rue des Martyrs 18", "Paris", "France", 48.87862, 2.33961),
    ("Plaza de Mayo", "Buenos Aires", "Argentina", -34.60837, -58.37215),
    ("Avenida Libertador 455", "Lima", "Peru", -12.09123, -77.03405),
)
ORGS = ("Colectivo Tierra Libre", "Red de Apoyo Migrante", "Sindicato de Limpiadoras", "Radio Barrio Sur")


@dataclass
class Who:
    """The person, place and device a file gives away."""

    name: str
    user: str
    org: str
    place: str
    city: str
    country: str
    lat: float
    lon: float
    serial: str
    when: str  # EXIF style "YYYY:MM:DD HH:MM:SS"
    uid: str

    @property
    def iso(self) -> str:
        return self.when.replace(":", "-", 2).replace(" ", "T")

    @property
    def iso6709(self) -> str:
        return f"{self.lat:+08.4f}{self.lon:+09.4f}+657.000/"


def _who(rng: random.Random) -> Who:
    name = rng.choice(NAMES)
    place = rng.choice(PLACES)
    first, last = name.split()[:2]
    return Who(
        name=name,
        user=(first[0] + last).lower() + str(rng.randrange(10, 99)),
        org=rng.choice(ORGS),
        place=place[0],
        city=place[1],
        country=place[2],
        lat=place[3] + rng.uniform(-0.002, 0.002),
        lon=place[4] + rng.uniform(-0.002, 0.002),
        serial="".join(rng.choice("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(12)),
        when=f"2024:{rng.randrange(1, 13):02d}:{rng.randrange(1, 29):02d} "
        f"{rng.randrange(7, 23):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}",
        uid=str(uuid.UUID(int=rng.getrandbits(128))).upper(),
    )


# --------------------------------------------------------------------------- pixels


class Pixels:
    """Photo-like pixels: a smooth random colour field with sensor noise on top, so JPEG and
    WebP files have the sizes real photos have. Noise layers are cached per size."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._noise: dict[tuple[int, int], Image.Image] = {}

    def photo(self, size: tuple[int, int], strength: float = 0.16) -> Image.Image:
        cells = (max(4, size[0] // 90), max(4, size[1] // 90))
        field_ = Image.frombytes(
            "RGB", cells, bytes(self.rng.randrange(30, 230) for _ in range(cells[0] * cells[1] * 3))
        ).resize(size, Image.Resampling.BICUBIC)
        if size not in self._noise:
            self._noise[size] = Image.effect_noise(size, 40).convert("RGB")
        return Image.blend(field_, self._noise[size], strength)

    def screenshot(self, size: tuple[int, int], lines: list[str]) -> Image.Image:
        """A flat app screen: bars, bubbles and text (compresses like a real screenshot)."""
        image = Image.new("RGB", size, (245, 245, 247))
        draw = ImageDraw.Draw(image)
        width, height = size
        draw.rectangle((0, 0, width, height // 14), fill=(18, 140, 126))
        y = height // 12
        for n, text in enumerate(lines * 6):
            bubble = (60 + 40 * (n % 3), 220, 190) if n % 2 else (255, 255, 255)
            x0 = width // 20 if n % 2 == 0 else width // 3
            draw.rounded_rectangle((x0, y, x0 + width // 2, y + height // 16), 24, fill=bubble)
            draw.text((x0 + 30, y + 30), text, fill=(20, 20, 20))
            y += height // 13
            if y > height - height // 10:
                break
        return image


# --------------------------------------------------------------------------- EXIF pieces


def _ifd(entries: list[tuple[int, int, int, bytes]], base: int, order: str = ">") -> bytes:
    """A TIFF IFD whose out-of-line values follow it; offsets count from ``base``."""
    count = len(entries)
    data_at = base + 2 + 12 * count + 4
    body, data = b"", b""
    for tag, typ, n, value in entries:
        if len(value) <= 4:
            body += struct.pack(order + "HHI", tag, typ, n) + value.ljust(4, b"\x00")
        else:
            body += struct.pack(order + "HHII", tag, typ, n, data_at + len(data))
            data += value + (b"\x00" if len(value) % 2 else b"")
    return struct.pack(order + "H", count) + body + struct.pack(order + "I", 0) + data


def _ascii(text: str) -> tuple[int, int, bytes]:
    raw = text.encode() + b"\x00"
    return 2, len(raw), raw


def apple_maker_note(who: Who) -> bytes:
    """An iPhone's maker note: version, media-group and burst UUIDs (they link the shots of
    one moment), acceleration vector."""
    entries = [
        (0x0001, 9, 1, struct.pack(">i", 14)),
        (0x0008, 10, 3, struct.pack(">6i", 1, 100, -98, 100, 3, 100)),
        (0x000B, *_ascii(who.uid[:18])),
        (0x0011, *_ascii(who.uid)),
    ]
    return b"Apple iOS\x00\x00\x01MM" + _ifd(entries, 14)


def nikon_maker_note(who: Who) -> bytes:
    """A Nikon type-3 maker note (it carries its own TIFF header): serial and shutter count."""
    entries = [
        (0x0001, 7, 4, b"0210"),
        (0x0004, *_ascii("FINE  ")),
        (0x001D, *_ascii(who.serial)),
        (0x00A7, 4, 1, struct.pack(">I", 48213)),
    ]
    return b"Nikon\x00\x02\x10\x00\x00" + b"MM\x00*\x00\x00\x00\x08" + _ifd(entries, 8)


def fuji_maker_note(who: Who) -> bytes:
    """A Fujifilm maker note (offsets from its own start, little-endian): internal serial."""
    entries = [
        (0x0000, 7, 4, b"0130"),
        (0x0010, *_ascii(f"FF02B{who.serial} 593533303035")),
        (0x1000, *_ascii("NORMAL ")),
    ]
    return b"FUJIFILM" + struct.pack("<I", 12) + _ifd(entries, 12, "<")


def _dms(value: float) -> tuple[float, float, float]:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    return float(degrees), float(minutes), round((value - degrees - minutes / 60) * 3600, 2)


def exif_block(
    who: Who,
    make: str,
    model: str,
    software: str,
    *,
    orientation: int = 1,
    maker_note: bytes | None = None,
    lens: str = "",
    owner: bool = False,
) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = make
    exif[0x0110] = model
    exif[0x0131] = software
    exif[0x0132] = who.when
    if orientation != 1:
        exif[0x0112] = orientation
    if make == "Apple":
        exif[0x013C] = model  # HostComputer
    if owner:
        exif[0x013B] = who.name  # Artist
        exif[0x8298] = f"Copyright {who.name}, {who.org}"
    sub = exif.get_ifd(0x8769)
    sub[0x829A] = 1 / 120  # ExposureTime
    sub[0x829D] = 1.8  # FNumber
    sub[0x8827] = 64  # ISO
    sub[0x9003] = who.when  # DateTimeOriginal
    sub[0x9004] = who.when  # CreateDate
    sub[0x9010] = sub[0x9011] = "+02:00"  # OffsetTime, OffsetTimeOriginal
    sub[0x9291] = "417"  # SubSecTimeOriginal
    sub[0xA420] = who.uid.replace("-", "")[:32]  # ImageUniqueID
    if lens:
        sub[0xA433] = make  # LensMake
        sub[0xA434] = lens  # LensModel
    if owner:
        sub[0xA430] = who.name  # CameraOwnerName
        sub[0xA431] = who.serial  # BodySerialNumber
        sub[0xA435] = f"L{who.serial[:8]}"  # LensSerialNumber
    if maker_note is not None:
        sub[0x927C] = maker_note
    gps = exif.get_ifd(0x8825)
    gps[0] = b"\x02\x02\x00\x00"
    gps[1], gps[2] = ("N" if who.lat >= 0 else "S"), _dms(who.lat)
    gps[3], gps[4] = ("E" if who.lon >= 0 else "W"), _dms(who.lon)
    gps[5], gps[6] = b"\x00", 657.3
    gps[7] = (10.0, 21.0, 7.0)
    gps[0x0C], gps[0x0D] = "K", 0.0
    gps[0x10], gps[0x11] = "T", 211.4
    gps[0x1D] = who.when[:10]
    return exif


def xmp_packet(who: Who, tool: str, *, extra: str = "") -> str:
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"'
        ' xmlns:exif="http://ns.adobe.com/exif/1.0/"'
        f' xmp:CreatorTool="{tool}" xmp:CreateDate="{who.iso}" photoshop:City="{who.city}"'
        f' photoshop:Country="{who.country}" exif:UserComment="{who.place}">'
        f"<dc:creator><rdf:Seq><rdf:li>{who.name}</rdf:li></rdf:Seq></dc:creator>{extra}"
        '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    )


# --------------------------------------------------------------------------- tools


def _run(command: list[str], timeout: float = 300) -> None:
    done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {done.stderr.decode(errors='replace')[-800:]}")


def ffmpeg(*args: str | Path) -> None:
    _run(["ffmpeg", "-nostdin", "-hide_banner", "-v", "error", "-y", *map(str, args)])


class ExifToolBatch:
    """exiftool writes, queued and run in one process (``-@ ARGFILE`` with ``-execute``)."""

    def __init__(self) -> None:
        self.jobs: list[tuple[Path, list[str]]] = []

    def add(self, path: Path, *assignments: str) -> None:
        self.jobs.append((path, list(assignments)))

    def run(self, scratch: Path) -> None:
        if not self.jobs:
            return
        lines: list[str] = []
        for path, assignments in self.jobs:
            lines += ["-overwrite_original", "-q", "-q", "-m", *assignments, str(path), "-execute"]
        argfile = scratch / "exiftool-args.txt"
        argfile.write_text("\n".join(lines) + "\n", encoding="utf-8")
        _run(["exiftool", "-charset", "utf8", "-@", str(argfile)], timeout=900)
        self.jobs.clear()


# --------------------------------------------------------------------------- photos

APPLE = (
    ("iPhone 12 Pro", "16.4.1", "iPhone 12 Pro back triple camera 4.2mm f/1.6"),
    ("iPhone 14", "17.1.2", "iPhone 14 back dual wide camera 5.7mm f/1.5"),
    ("iPhone SE (2nd generation)", "15.7", "iPhone SE (2nd generation) back camera 3.99mm f/1.8"),
)
ANDROID = (
    ("samsung", "SM-G991B", "G991BXXU5CVLL", (4000, 3000)),
    ("samsung", "SM-A525F", "A525FXXS4BWA1", (4000, 2252)),
    ("Xiaomi", "Redmi Note 10", "MIUI V13.0.2", (4000, 3000)),
)


@dataclass
class Builder:
    root: Path
    rng: random.Random
    quick: bool
    items: list[Item] = field(default_factory=list)
    exiftool: ExifToolBatch = field(default_factory=ExifToolBatch)
    pending_trailers: list[tuple[Path, Who]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.pixels = Pixels(self.rng)
        self.files = self.root / FILES
        self.scratch = self.root / "_scratch"
        for sub in ("photos", "video", "audio", "documents"):
            (self.files / sub).mkdir(parents=True, exist_ok=True)
        self.scratch.mkdir(parents=True, exist_ok=True)

    def add(self, path: Path, source: str, canaries: dict[str, str]) -> None:
        self.items.append(Item(path.relative_to(self.files).as_posix(), source, dict(canaries)))

    def who(self) -> Who:
        return _who(self.rng)

    def thumb(self, image: Image.Image, name: str) -> Path:
        thumb = image.copy()
        thumb.thumbnail((160, 160))
        path = self.scratch / f"{name}-thumb.jpg"
        thumb.save(path, "JPEG", quality=80)
        return path

    # -- JPEG

    def jpeg_iphone(self, n: int) -> None:
        who = self.who()
        model, ios, lens = self.rng.choice(APPLE)
        size = (4032, 3024)
        orientation = 6 if n % 3 == 1 else 1  # a portrait photo is stored sideways with a tag
        image = self.pixels.photo(size)
        path = self.files / "photos" / f"IMG_{4100 + n:04d}.jpg"
        exif = exif_block(
            who, "Apple", model, ios, orientation=orientation, maker_note=apple_maker_note(who), lens=lens
        )
        image.save(path, "JPEG", quality=88, exif=exif.tobytes(), icc_profile=device_icc("Display P3"))
        self.exiftool.add(
            path,
            f"-XMP-xmp:CreatorTool={ios}",
            f"-XMP-photoshop:DateCreated={who.iso}",
            f"-ThumbnailImage<={self.thumb(image, path.stem)}",
        )
        self.add(path, f"iPhone photo ({model})", {who.uid: "device", model: "device", lens: "device"})

    def jpeg_android(self, n: int, *, motion: bool = False) -> None:
        who = self.who()
        if motion:
            make, model, build, size = "Google", "Pixel 7", "TQ3A.230805.001", (4080, 3072)
        else:
            make, model, build, size = self.rng.choice(ANDROID)
        image = self.pixels.photo(size)
        stem = f"PXL_2024{n:04d}_{self.rng.randrange(10**8):08d}.MP" if motion else f"2024{n:04d}_101532"
        path = self.files / "photos" / f"{stem}.jpg"
        exif = exif_block(who, make, model, build)
        exif.get_ifd(0x8769)[0x9286] = b"ASCII\x00\x00\x00" + f"taken by {who.name}".encode()  # UserComment
        image.save(path, "JPEG", quality=92, exif=exif.tobytes())
        edits = [f"-ThumbnailImage<={self.thumb(image, path.stem)}"]
        canaries = {
            who.uid.replace("-", "")[:32]: "device",
            model: "device",
            f"taken by {who.name}": "person",
        }
        if motion:
            edits += ["-XMP-GCamera:MicroVideo=1", "-XMP-GCamera:MicroVideoVersion=1"]
        self.exiftool.add(path, *edits)
        self.add(path, "Pixel motion photo" if motion else f"Android photo ({model})", canaries)
        if motion:
            self.pending_trailers.append((path, who))

    def motion_trailers(self) -> None:
        """Motion photos carry a short video after the JPEG's end, with its own tags."""
        for path, who in self.pending_trailers:
            clip = self.scratch / f"{path.stem}.mp4"
            ffmpeg(
                "-f", "lavfi", "-i", "testsrc2=s=640x480:r=30:d=1", "-c:v", "libx264", "-preset", "ultrafast",
                "-metadata", f"location={who.iso6709}", "-metadata", f"comment=motion {who.serial}", clip,
            )  # fmt: skip
            path.write_bytes(path.read_bytes() + clip.read_bytes())
            for item in self.items:
                if item.path.endswith(path.name):
                    item.canaries[f"motion {who.serial}"] = "device"
        self.pending_trailers.clear()

    def jpeg_camera(self, n: int) -> None:
        who = self.who()
        nikon = n % 2 == 0
        make, model = ("NIKON CORPORATION", "NIKON D750") if nikon else ("FUJIFILM", "X-T3")
        note = nikon_maker_note(who) if nikon else fuji_maker_note(who)
        size = (3000, 2000) if n % 3 else (2000, 3000)
        image = self.pixels.photo(size)
        path = self.files / "photos" / f"DSC_{7000 + n:04d}.jpg"
        software = "Adobe Photoshop Lightroom Classic 12.3 (Windows)"
        lens = "AF-S NIKKOR 24-70mm f/2.8E ED VR" if nikon else "XF16-55mmF2.8 R LM WR"
        exif = exif_block(who, make, model, software, maker_note=note, lens=lens, owner=True)
        caption = f"March at {who.place}, photo {who.name}"
        image.save(
            path,
            "JPEG",
            quality=90,
            exif=exif.tobytes(),
            icc_profile=device_icc(f"{model} Camera RGB", b"NIKO" if nikon else b"FUJI"),
            comment=f"shot for {who.org}".encode(),
        )
        self.exiftool.add(
            path,
            f"-XMP-dc:Creator={who.name}",
            f"-XMP-dc:Rights=Copyright {who.name}",
            f"-XMP-xmp:CreatorTool={software}",
            f"-XMP-photoshop:City={who.city}",
            f"-XMP-photoshop:Country={who.country}",
            f"-XMP-iptcCore:Location={who.place}",
            f"-XMP-xmpMM:DocumentID=xmp.did:{who.uid}",
            f"-IPTC:By-line={who.name}",
            f"-IPTC:City={who.city}",
            f"-IPTC:Sub-location={who.place}",
            f"-IPTC:Country-PrimaryLocationName={who.country}",
            f"-IPTC:Caption-Abstract={caption}",
            f"-IPTC:CopyrightNotice=(c) {who.org}",
            f"-IPTC:Credit={who.org}",
            "-IPTC:Keywords=protest",
            f"-ThumbnailImage<={self.thumb(image, path.stem)}",
        )
        self.add(
            path,
            f"camera photo via Lightroom ({model})",
            {
                who.name: "person",
                who.serial: "device",
                who.place: "location",
                who.org: "person",
                caption: "content",
            },
        )

    # -- other pictures

    def heic(self, n: int) -> None:
        if not HEIF:
            return
        who = self.who()
        model, ios, lens = self.rng.choice(APPLE)
        image = self.pixels.photo((3024, 2268) if not self.quick else (2016, 1512))
        path = self.files / "photos" / f"IMG_{5200 + n:04d}.heic"
        exif = exif_block(who, "Apple", model, ios, maker_note=apple_maker_note(who), lens=lens)
        image.save(
            path,
            "HEIF",
            quality=80,
            exif=exif.tobytes(),
            xmp=xmp_packet(who, ios).encode(),
            icc_profile=device_icc("Display P3"),
            thumbnails=[320],
        )
        self.add(
            path,
            f"iPhone HEIC ({model})",
            {who.uid: "device", lens: "device", who.name: "person", who.place: "location"},
        )

    def png(self, n: int) -> None:
        who = self.who()
        android = n % 2 == 0
        size = (1080, 2400) if android else (1170, 2532)
        image = self.pixels.screenshot(size, [f"meet at {who.place}", f"{who.name} is coming", "ok"])
        image.paste(self.pixels.photo((size[0] * 2 // 3, size[1] // 3)), (size[0] // 6, size[1] // 2))
        info = PngImagePlugin.PngInfo()
        info.add_text("Author", who.name)
        info.add_text("Software", "Android 13 Screenshot" if android else "macOS 14.1 Screenshot")
        info.add_text("Creation Time", who.when)
        info.add_text("Comment", f"sent to {who.org}", zip=True)
        info.add_itxt("XML:com.adobe.xmp", xmp_packet(who, "Screenshot"))
        buffer = io.BytesIO()
        exif = exif_block(
            who,
            "Apple" if not android else "samsung",
            "MacBookPro18,1" if not android else "SM-G991B",
            "14.1",
        )
        image.save(buffer, "PNG", pnginfo=info, exif=exif.tobytes(), icc_profile=device_icc("Color LCD"))
        data = buffer.getvalue()
        # macOS writes a private iDOT chunk; many tools add tIME
        iend = data.rindex(b"IEND") - 4
        extra = b""
        for ctype, body in (
            (b"iDOT", struct.pack(">7I", 2, 0, 1266, 1266, 1266, 40, 0)),
            (b"tIME", b"\x07\xe8\x05\x01\x0c\x00\x00"),
        ):
            extra += struct.pack(">I", len(body)) + ctype + body + struct.pack(">I", zlib.crc32(ctype + body))
        path = (
            self.files
            / "photos"
            / (
                f"Screenshot_2024{n:04d}.png"
                if android
                else f"Screenshot 2024-05-0{n % 9 + 1} at 10.2{n % 10}.png"
            )
        )
        path.write_bytes(data[:iend] + extra + data[iend:])
        self.add(
            path, "screenshot", {who.name: "person", f"sent to {who.org}": "content", who.place: "location"}
        )

    def webp(self, n: int) -> None:
        who = self.who()
        make, model, build, _size = self.rng.choice(ANDROID)
        image = self.pixels.photo((2048, 1536))
        path = self.files / "photos" / f"IMG-2024{n:04d}-WA0003.webp"
        exif = exif_block(who, make, model, build, owner=True)
        image.save(
            path,
            "WEBP",
            quality=82,
            exif=exif.tobytes(),
            xmp=xmp_packet(who, f"{model} gallery").encode(),
            icc_profile=device_icc(f"{model} display"),
        )
        self.add(path, "WebP photo", {who.name: "person", who.serial: "device", who.place: "location"})

    def tiff(self, n: int) -> None:
        who = self.who()
        image = self.pixels.photo((2480, 1754) if not self.quick else (1754, 1240), 0.08)
        path = self.files / "photos" / f"scan_{n:03d}.tif"
        tags = TiffImagePlugin.ImageFileDirectory_v2()
        tags[315] = who.name  # Artist
        tags[271] = "Canon"  # Make
        tags[272] = "CanoScan LiDE 400"  # Model
        tags[305] = "ScanGear 4.1"  # Software
        tags[306] = who.when  # DateTime
        tags[316] = f"{who.user}-laptop"  # HostComputer
        tags[270] = f"flyer for the assembly at {who.place}"  # ImageDescription
        tags[33432] = f"(c) {who.org}"
        image.save(
            path,
            "TIFF",
            tiffinfo=tags,
            compression="tiff_adobe_deflate",
            icc_profile=device_icc("CanoScan LiDE 400", b"CANO"),
        )
        self.exiftool.add(
            path,
            f"-XMP-dc:Creator={who.name}",
            f"-IPTC:By-line={who.name}",
            f"-GPSLatitude={abs(who.lat)}",
            f"-GPSLatitudeRef={'N' if who.lat >= 0 else 'S'}",
            f"-GPSLongitude={abs(who.lon)}",
            f"-GPSLongitudeRef={'E' if who.lon >= 0 else 'W'}",
            f"-SerialNumber={who.serial}",
        )
        self.add(
            path,
            "scanned page (TIFF)",
            {
                who.name: "person",
                who.serial: "device",
                f"{who.user}-laptop": "device",
                f"flyer for the assembly at {who.place}": "content",
            },
        )

    def gif(self, n: int) -> None:
        who = self.who()
        frames = []
        base = self.pixels.photo((480, 270))
        for i in range(10):
            frame = base.copy()
            ImageDraw.Draw(frame).ellipse((40 * i, 100, 40 * i + 60, 160), fill=(230, 40, 40))
            frames.append(frame.quantize(64))
        path = self.files / "photos" / f"reaction_{n}.gif"
        frames[0].save(
            path,
            "GIF",
            save_all=True,
            append_images=frames[1:],
            duration=80,
            loop=0,
            comment=f"made by {who.name}".encode(),
        )
        self.exiftool.add(path, f"-XMP-dc:Creator={who.name}", f"-XMP-photoshop:City={who.city}")
        self.add(path, "animated GIF", {f"made by {who.name}": "person", who.name: "person"})

    # -- video and audio

    def _srt(self, who: Who, telemetry: bool, seconds: int) -> Path:
        path = self.scratch / f"{self.rng.randrange(10**9)}.srt"
        lines = []
        for i in range(seconds):
            text = (
                f"F/2.8, SS 1000, ISO 100, EV 0, GPS ({who.lon:.6f}, {who.lat:.6f}, 19), D 24.1m, H 31.6m, "
                f"SN {who.serial}"
                if telemetry
                else f"{who.name}: we meet at {who.place}"
            )
            lines.append(f"{i + 1}\n00:00:0{i},000 --> 00:00:0{i},900\n{text}\n")
        path.write_text("\n".join(lines), encoding="utf-8")
        return path

    def _av_inputs(self, seconds: int, size: str = "1280x720") -> list[str]:
        return [
            "-f", "lavfi", "-i", f"testsrc2=s={size}:r=30:d={seconds}",
            "-f", "lavfi", "-i", f"anoisesrc=d={seconds}:c=pink:r=48000:a=0.05",
        ]  # fmt: skip

    X264 = (
        "-c:v",
        "libx264",
        "-preset",
        "veryfast",
        "-vf",
        "noise=alls=10:allf=t",
        "-b:v",
        "6M",
        "-pix_fmt",
        "yuv420p",
    )

    def mp4_android(self, n: int) -> None:
        who = self.who()
        make, model, _build, _size = self.rng.choice(ANDROID)
        path = self.files / "video" / f"VID_2024{n:04d}_183012.mp4"
        seconds = 4
        ffmpeg(
            *self._av_inputs(seconds), "-map", "0", "-map", "1", *self.X264, "-c:a", "aac", "-b:a", "128k",
            "-movflags", "use_metadata_tags",
            "-metadata", f"location={who.iso6709}", "-metadata", f"creation_time={who.iso}Z",
            "-metadata", "com.android.version=13", "-metadata", f"com.android.manufacturer={make}",
            "-metadata", f"com.android.model={model}", "-metadata", "com.android.capture.fps=30.0",
            "-metadata:s:v", "handler_name=VideoHandle", "-metadata:s:a", "handler_name=SoundHandle",
            path,
        )  # fmt: skip
        self.add(path, f"Android video ({model})", {model: "device"})

    def mov_iphone(self, n: int) -> None:
        who = self.who()
        model, ios, _lens = self.rng.choice(APPLE)
        path = self.files / "video" / f"IMG_{6100 + n:04d}.mov"
        seconds = 4
        hevc = n % 2 == 1
        codec = (
            [
                "-c:v",
                "libx265",
                "-preset",
                "ultrafast",
                "-tag:v",
                "hvc1",
                "-x265-params",
                "log-level=error",
                "-b:v",
                "5M",
            ]
            if hevc
            else list(self.X264)
        )
        srt = self._srt(who, telemetry=False, seconds=seconds)
        ffmpeg(
            *self._av_inputs(seconds), "-i", srt, "-map", "0", "-map", "1", "-map", "2", *codec,
            "-c:a", "aac", "-c:s", "mov_text", "-movflags", "use_metadata_tags",
            "-metadata", "com.apple.quicktime.make=Apple", "-metadata", f"com.apple.quicktime.model={model}",
            "-metadata", f"com.apple.quicktime.software={ios}",
            "-metadata", f"com.apple.quicktime.location.ISO6709={who.iso6709}",
            "-metadata", "com.apple.quicktime.location.accuracy.horizontal=4.7",
            "-metadata", f"com.apple.quicktime.creationdate={who.iso}+0200",
            "-metadata", f"com.apple.quicktime.content.identifier={who.uid}",
            "-metadata", f"com.apple.quicktime.author={who.name}",
            "-metadata:s:v", "handler_name=Core Media Video", "-metadata:s:a", "handler_name=Core Media Audio",
            "-metadata:s:s", f"title=captions by {who.name}",
            path,
        )  # fmt: skip
        self.add(
            path,
            f"iPhone video with captions ({model}, {'HEVC' if hevc else 'H.264'})",
            {who.uid: "device", who.name: "person", f"we meet at {who.place}": "location"},
        )

    def mp4_drone(self, n: int) -> None:
        who = self.who()
        path = self.files / "video" / f"DJI_{n:04d}.mp4"
        seconds = 4
        srt = self._srt(who, telemetry=True, seconds=seconds)
        ffmpeg(
            *self._av_inputs(seconds), "-i", srt, "-map", "0", "-map", "1", "-map", "2", *self.X264,
            "-c:a", "aac", "-c:s", "mov_text", *(["-timecode", "10:21:07:00"] if n % 2 else []),
            "-metadata", f"creation_time={who.iso}Z",
            "-metadata", f"location={who.iso6709}", "-metadata:s:s", "handler_name=DJI.Subtitle",
            path,
        )  # fmt: skip
        self.add(
            path,
            "drone video with GPS telemetry subtitles" + (" and timecode" if n % 2 else ""),
            {who.serial: "device", f"SN {who.serial}": "device"},
        )

    def mkv(self, n: int) -> None:
        who = self.who()
        path = self.files / "video" / f"assembly_{n}.mkv"
        seconds = 4
        srt = self._srt(who, telemetry=False, seconds=seconds)
        chapters = self.scratch / f"chapters-{n}.txt"
        chapters.write_text(
            ";FFMETADATA1\n"
            f"title=Assembly at {who.place}\nartist={who.name}\n"
            f"[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=2000\ntitle=Arrival of {who.name}\n"
            "[CHAPTER]\nTIMEBASE=1/1000\nSTART=2000\nEND=4000\ntitle=Speech\n",
            encoding="utf-8",
        )
        notes = self.scratch / f"notes-{n}.txt"
        notes.write_text(
            f"contacts: {who.name} +34 600 {self.rng.randrange(100000, 999999)}\n", encoding="utf-8"
        )
        ffmpeg(
            *self._av_inputs(seconds), "-i", srt, "-i", chapters,
            "-map", "0", "-map", "1", "-map", "2", "-map_metadata", "3", "-map_chapters", "3",
            *self.X264, "-c:a", "libvorbis", "-c:s", "srt",
            "-attach", notes, "-metadata:s:t:0", "mimetype=text/plain", "-metadata:s:t:0", "filename=notes.txt",
            "-metadata", f"comment=edited on {who.user}-laptop", "-metadata", f"date={who.iso}",
            "-metadata:s:a:0", f"title={who.name}'s microphone",
            path,
        )  # fmt: skip
        self.add(
            path,
            "Matroska with subtitles, attachment, chapters",
            {
                f"Arrival of {who.name}": "person",
                f"{who.user}-laptop": "device",
                "contacts: ": "person",
                f"we meet at {who.place}": "location",
            },
        )

    def webm(self, n: int) -> None:
        who = self.who()
        path = self.files / "video" / f"clip_{n}.webm"
        seconds = 3
        ffmpeg(
            *self._av_inputs(seconds), "-map", "0", "-map", "1",
            "-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "3M", "-c:a", "libopus",
            "-metadata", f"title=Assembly at {who.place}", "-metadata", f"artist={who.name}",
            "-metadata:s:v:0", f"title=camera of {who.name}",
            path,
        )  # fmt: skip
        self.add(path, "WebM clip", {who.name: "person", who.place: "location"})

    def cover(self, who: Who, name: str) -> Path:
        image = self.pixels.photo((600, 600))
        path = self.scratch / f"{name}-cover.jpg"
        exif = exif_block(who, "Apple", "iPhone 14", "17.1.2", owner=True)
        image.save(path, "JPEG", quality=85, exif=exif.tobytes())
        return path

    def _audio(self, seconds: int) -> list[str]:
        return [
            "-f",
            "lavfi",
            "-i",
            f"sine=f=220:d={seconds}:sample_rate=44100",
            "-f",
            "lavfi",
            "-i",
            f"anoisesrc=d={seconds}:c=pink:r=44100:a=0.08",
        ]

    MIX = ("-filter_complex", "[0:a][1:a]amix=inputs=2[a]", "-map", "[a]")

    def _tags(self, who: Who) -> list[str]:
        return [
            "-metadata", f"title=Interview at {who.place}", "-metadata", f"artist={who.name}",
            "-metadata", f"comment=recorded for {who.org}", "-metadata", f"date={who.iso}",
            "-metadata", f"album={who.org} archive", "-metadata", f"encoded_by={who.user}",
        ]  # fmt: skip

    def mp3(self, n: int) -> None:
        who = self.who()
        path = self.files / "audio" / f"interview_{n}.mp3"
        cover = self.cover(who, path.stem)
        ffmpeg(
            *self._audio(25), "-i", cover, *self.MIX, "-map", "2", "-c:a", "libmp3lame", "-b:a", "128k",
            "-c:v", "copy", "-disposition:v", "attached_pic", "-id3v2_version", "3", "-write_id3v1", "1",
            *self._tags(who), path,
        )  # fmt: skip
        self.add(
            path,
            "MP3 with ID3v2, ID3v1 and cover photo",
            {who.name: "person", f"recorded for {who.org}": "content", who.serial: "device"},
        )

    def flac(self, n: int) -> None:
        who = self.who()
        path = self.files / "audio" / f"recording_{n}.flac"
        cover = self.cover(who, path.stem)
        ffmpeg(
            *self._audio(20), "-i", cover, *self.MIX, "-map", "2", "-c:a", "flac", "-c:v", "copy",
            "-disposition:v", "attached_pic", *self._tags(who), path,
        )  # fmt: skip
        self.add(
            path,
            "FLAC with Vorbis comments and picture",
            {who.name: "person", f"recorded for {who.org}": "content", who.serial: "device"},
        )

    def wav(self, n: int) -> None:
        who = self.who()
        path = self.files / "audio" / f"ZOOM{n:04d}.wav"
        ffmpeg(
            *self._audio(15), *self.MIX, "-c:a", "pcm_s16le", "-write_bext", "1",
            "-metadata", f"description=interview with {who.name} at {who.place}",
            "-metadata", "originator=ZOOM H5", "-metadata", f"originator_reference={who.serial}",
            "-metadata", f"origination_date={who.iso[:10]}", "-metadata", f"origination_time={who.iso[11:19]}",
            *self._tags(who), path,
        )  # fmt: skip
        self.add(
            path,
            "field recorder WAV (bext + LIST/INFO)",
            {who.name: "person", who.serial: "device", f"recorded for {who.org}": "content"},
        )

    def m4a(self, n: int) -> None:
        who = self.who()
        path = self.files / "audio" / f"{who.place} {n}.m4a"
        ffmpeg(
            *self._audio(20), *self.MIX, "-c:a", "aac", "-b:a", "96k",
            "-metadata", f"title={who.place}", "-metadata", f"date={who.iso}",
            "-metadata", "encoder=com.apple.VoiceMemos (iPhone Version 16.4.1 (Build 20E252))",
            "-metadata", f"artist={who.name}", path,
        )  # fmt: skip
        self.add(path, "iPhone voice memo", {who.name: "person"})

    def ogg(self, n: int) -> None:
        who = self.who()
        path = self.files / "audio" / f"voice_{n}.ogg"
        ffmpeg(*self._audio(15), *self.MIX, "-c:a", "libvorbis", *self._tags(who), path)
        self.add(path, "Ogg Vorbis with comments", {who.name: "person", f"recorded for {who.org}": "content"})

    # -- documents

    def photo_bytes(self, who: Who, size: tuple[int, int] = (1600, 1200)) -> bytes:
        """A phone photo as it is pasted into a document: EXIF with GPS and serial."""
        buffer = io.BytesIO()
        exif = exif_block(who, "samsung", "SM-G991B", "G991BXXU5CVLL", orientation=6, owner=True)
        self.pixels.photo(size).save(
            buffer, "JPEG", quality=85, exif=exif.tobytes(), comment=f"photo of {who.name}".encode()
        )
        return buffer.getvalue()

    def pdf(self, n: int) -> None:
        who, editor = self.who(), self.who()
        path = self.files / "documents" / f"report_{n}.pdf"
        pdf = pikepdf.new()
        font = pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica
            )
        )
        jpeg = self.photo_bytes(who, (1200, 900))
        picture = pikepdf.Stream(pdf, jpeg)
        picture.Type, picture.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        picture.Width, picture.Height = 1200, 900
        picture.ColorSpace, picture.BitsPerComponent, picture.Filter = (
            pikepdf.Name.DeviceRGB,
            8,
            pikepdf.Name.DCTDecode,
        )
        pages = 4 if not self.quick else 2
        for number in range(pages):
            pdf.add_blank_page(page_size=(595, 842))
            page = pdf.pages[number]
            text = "".join(
                f"BT /F1 11 Tf 60 {780 - 16 * line} Td (Section {number + 1}.{line}: the assembly agreed on the "
                f"next steps for the campaign.) Tj ET "
                for line in range(30)
            )
            draw = " q 300 0 0 225 150 120 cm /Im1 Do Q" if number == 0 else ""
            page.obj.Resources = pikepdf.Dictionary(
                Font=pikepdf.Dictionary(F1=font), XObject=pikepdf.Dictionary(Im1=picture)
            )
            page.obj.Contents = pdf.make_stream((text + draw).encode())
        first = pdf.pages[0]
        note = pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Text, Rect=[500, 760, 520, 780],
            T=pikepdf.String(editor.name), Contents=pikepdf.String("check the figures"),
            M=pikepdf.String("D:20240501120000+02'00'"),
        )  # fmt: skip
        attachment = pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.FileAttachment, Rect=[500, 700, 520, 720],
            T=pikepdf.String(editor.name),
            FS=pikepdf.Dictionary(
                Type=pikepdf.Name.Filespec, F=pikepdf.String("sources.txt"),
                EF=pikepdf.Dictionary(F=pdf.make_stream(f"source: {who.name} via {editor.name}".encode())),
            ),
        )  # fmt: skip
        first.obj.Annots = pdf.make_indirect(
            pikepdf.Array([pdf.make_indirect(note), pdf.make_indirect(attachment)])
        )
        pdf.attachments["contacts.csv"] = pikepdf.AttachedFileSpec(
            pdf,
            f"name,phone\n{who.name},+34 600 {self.rng.randrange(100000, 999999)}\n".encode(),
            description="contacts",
            filename="contacts.csv",
            mime_type="text/csv",
            creation_date="D:20240501120000+02'00'",
            mod_date="D:20240501120000+02'00'",
        )
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:creator"] = [who.name]
            meta["xmp:CreatorTool"] = "Writer"
            meta["pdf:Producer"] = "LibreOffice 7.5"
            meta["xmpMM:DocumentID"] = f"uuid:{who.uid}"
        pdf.docinfo["/Author"] = who.name
        pdf.docinfo["/Creator"] = "Writer"
        pdf.docinfo["/Producer"] = "LibreOffice 7.5"
        pdf.docinfo["/Title"] = f"Report of the {who.org}"
        pdf.docinfo["/CreationDate"] = "D:20240501120000+02'00'"
        pdf.docinfo["/ModDate"] = "D:20240502100000+02'00'"
        pdf.docinfo["/Company"] = who.org
        pdf.save(path, object_stream_mode=pikepdf.ObjectStreamMode.disable, fix_metadata_version=False)
        _append_revision(
            path, f"<< /Author ({editor.name}) /Producer (Acrobat 23.1) /Title (final) >>".encode()
        )
        self.add(
            path,
            "PDF report with an incremental update",
            {
                who.name: "person",
                editor.name: "person",
                who.org: "person",
                who.uid: "other",
                who.serial: "device",
            },
        )

    def docx(self, n: int) -> None:
        who, editor = self.who(), self.who()
        path = self.files / "documents" / f"minutes_{n}.docx"
        path.write_bytes(_docx(who, editor, self.photo_bytes(who)))
        self.add(
            path,
            "Word document with comments and tracked changes",
            {
                who.name: "person",
                editor.name: "person",
                who.org: "person",
                who.user: "person",
                f"safe house at {who.place}": "location",
                f"informant {who.serial}": "person",
                who.serial: "device",
            },
        )

    def xlsx(self, n: int) -> None:
        who, editor = self.who(), self.who()
        path = self.files / "documents" / f"budget_{n}.xlsx"
        path.write_bytes(_xlsx(who, editor))
        self.add(
            path,
            "spreadsheet with comments",
            {who.name: "person", editor.name: "person", who.org: "person", who.user: "person"},
        )

    def pptx(self, n: int) -> None:
        who, editor = self.who(), self.who()
        path = self.files / "documents" / f"slides_{n}.pptx"
        path.write_bytes(_pptx(who, editor))
        self.add(
            path, "presentation with comments", {who.name: "person", editor.name: "person", who.org: "person"}
        )

    def odf(self, n: int, flavour: str) -> None:
        who, editor = self.who(), self.who()
        suffix = {"text": "odt", "spreadsheet": "ods", "presentation": "odp"}[flavour]
        path = self.files / "documents" / f"{flavour}_{n}.{suffix}"
        path.write_bytes(_odf(flavour, who, editor, self.photo_bytes(who), self.pixels))
        canaries = {
            who.name: "person",
            editor.name: "person",
            f"case {who.serial}": "person",
            f"printer of {who.org}": "device",
            who.serial: "device",
        }
        if flavour == "text":
            canaries[f"safe house at {who.place}"] = "location"
        self.add(path, f"OpenDocument {flavour} with comments and tracked changes", canaries)


def _append_revision(path: Path, info: bytes) -> None:
    """An incremental update, as an editor's "save" writes it: a new Info, xref and %%EOF."""
    data = path.read_bytes()
    prev = int(data[data.rindex(b"startxref") + 9 :].split()[0])
    with pikepdf.open(path) as pdf:
        size = int(pdf.trailer.Size)
        root = pdf.Root.objgen[0]
    offset = len(data)
    body = f"{size} 0 obj\n".encode() + info + b"\nendobj\n"
    xref = f"xref\n0 1\n0000000000 65535 f \n{size} 1\n{offset:010d} 00000 n \n".encode()
    trailer = (
        f"trailer\n<< /Size {size + 1} /Root {root} 0 R /Info {size} 0 R /Prev {prev} >>\n"
        f"startxref\n{offset + len(body)}\n%%EOF\n"
    ).encode()
    path.write_bytes(data + body + xref + trailer)


# --------------------------------------------------------------------------- office files


def _zip(members: dict[str, str | bytes], who: Who) -> bytes:
    buffer = io.BytesIO()
    date = tuple(int(p) for p in who.when.replace(" ", ":").split(":"))
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=date)  # type: ignore[arg-type]
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def _core(who: Who, editor: Who) -> str:
    return (
        DECL
        + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
        ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>Minutes of the {who.org}</dc:title><dc:creator>{who.name}</dc:creator>"
        f"<cp:lastModifiedBy>{editor.name}</cp:lastModifiedBy><cp:revision>7</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{who.iso}Z</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{editor.iso}Z</dcterms:modified>'
        "</cp:coreProperties>"
    )


def _app(who: Who, application: str) -> str:
    return (
        DECL
        + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        f"<Template>Normal.dotm</Template><TotalTime>42</TotalTime><Words>120</Words>"
        f"<Application>{application}</Application><Company>{who.org}</Company>"
        f"<Manager>{who.name}</Manager><AppVersion>16.0000</AppVersion></Properties>"
    )


def _custom(who: Who) -> str:
    return (
        DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"'
        ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Source">'
        f"<vt:lpwstr>informant {who.serial}</vt:lpwstr></property></Properties>"
    )


def _docx(who: Who, editor: Who, photo: bytes) -> bytes:
    paragraphs = "".join(
        f'<w:p w:rsidR="00A1B2C3"><w:r><w:t xml:space="preserve">Point {i}: the assembly discussed the '
        "rota, the budget and the next action. </w:t></w:r></w:p>"
        for i in range(40)
    )
    body = (
        DECL + f'<w:document xmlns:w="{W}" xmlns:r="{R}"'
        ' xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'
        ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14">'
        "<w:body>"
        '<w:p w14:paraId="1A2B3C4D" w14:textId="77777777" w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3">'
        '<w:r w:rsidRPr="00D4E5F6"><w:t xml:space="preserve">Minutes. </w:t></w:r>'
        f'<w:ins w:id="1" w:author="{editor.name}" w:date="{editor.iso}Z">'
        "<w:r><w:t>The date was moved to Friday.</w:t></w:r></w:ins>"
        f'<w:del w:id="2" w:author="{editor.name}" w:date="{editor.iso}Z">'
        f"<w:r><w:delText>We keep the banners in the safe house at {who.place}.</w:delText></w:r></w:del>"
        '<w:commentRangeStart w:id="0"/><w:r><w:t>Actions agreed.</w:t></w:r><w:commentRangeEnd w:id="0"/>'
        '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>'
        "</w:p>"
        + paragraphs
        + '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
        '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill>'
        '<a:blip r:embed="rId9"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
        "</w:p>"
        '<w:sectPr w:rsidR="00A1B2C3"/></w:body></w:document>'
    )
    settings = (
        DECL + f'<w:settings xmlns:w="{W}" xmlns:r="{R}"'
        ' xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">'
        '<w:attachedTemplate r:id="rId1"/><w:trackRevisions/>'
        f'<w:docVars><w:docVar w:name="case" w:val="informant {who.serial}"/></w:docVars>'
        '<w:rsids><w:rsidRoot w:val="00A1B2C3"/><w:rsid w:val="00A1B2C3"/></w:rsids>'
        '<w14:docId w14:val="5E3F1A2B"/></w:settings>'
    )
    comments = (
        DECL + f'<w:comments xmlns:w="{W}"><w:comment w:id="0" w:author="{editor.name}" w:initials="XX">'
        f"<w:p><w:r><w:t>Do not name {who.name} in public</w:t></w:r></w:p></w:comment></w:comments>"
    )
    thumb = io.BytesIO()
    Image.new("RGB", (128, 180), (250, 250, 250)).save(thumb, "JPEG")
    members: dict[str, str | bytes] = {
        "[Content_Types].xml": content_types(PACKAGE_TYPES | {"jpeg": "image/jpeg"}, DOCX_PARTS),
        "_rels/.rels": package_rels("word/document.xml", custom=True, thumbnail="docProps/thumbnail.jpeg"),
        "docProps/core.xml": _core(who, editor),
        "docProps/app.xml": _app(who, "Microsoft Office Word"),
        "docProps/custom.xml": _custom(who),
        "docProps/thumbnail.jpeg": thumb.getvalue(),
        "word/document.xml": body,
        "word/_rels/document.xml.rels": rels(
            ("rId1", f"{REL}/settings", "settings.xml"),
            ("rId2", f"{REL}/comments", "comments.xml"),
            ("rId3", "http://schemas.microsoft.com/office/2011/relationships/people", "people.xml"),
            ("rId5", f"{REL}/hyperlink", f"file:///C:/Users/{who.user}/Documents/sources.xlsx", "External"),
            ("rId9", f"{REL}/image", "media/image1.jpeg"),
        ),
        "word/settings.xml": settings,
        "word/_rels/settings.xml.rels": rels(
            (
                "rId1",
                f"{REL}/attachedTemplate",
                f"file:///C:\\Users\\{who.user}\\AppData\\Roaming\\Microsoft\\Templates\\Normal.dotm",
                "External",
            )
        ),
        "word/comments.xml": comments,
        "word/people.xml": DECL
        + '<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
        f'<w15:person w15:author="{editor.name}"><w15:presenceInfo w15:providerId="AD" w15:userId="{editor.user}@example.org"/>'
        "</w15:person></w15:people>",
        "word/media/image1.jpeg": photo,
    }
    return _zip(members, who)


def _xlsx(who: Who, editor: Who) -> bytes:
    sml = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rows = "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>item {r}</t></is></c><c r="B{r}"><v>{r * 17 % 300}</v></c></row>'
        for r in range(1, 200)
    )
    members: dict[str, str | bytes] = {
        "[Content_Types].xml": content_types(
            PACKAGE_TYPES | {"vml": "application/vnd.openxmlformats-officedocument.vmlDrawing"}, XLSX_PARTS
        ),
        "_rels/.rels": package_rels("xl/workbook.xml"),
        "docProps/core.xml": _core(who, editor),
        "docProps/app.xml": _app(who, "Microsoft Excel"),
        "xl/workbook.xml": DECL
        + f'<workbook xmlns="{sml}" xmlns:r="{R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        ' xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac" mc:Ignorable="x15ac">'
        f'<fileVersion appName="xl"/><fileSharing userName="{who.name}"/>'
        f'<mc:AlternateContent><mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\{who.user}\\Desktop\\"/></mc:Choice></mc:AlternateContent>'
        '<sheets><sheet name="Budget" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": rels(("rId1", f"{REL}/worksheet", "worksheets/sheet1.xml")),
        "xl/worksheets/sheet1.xml": DECL
        + f'<worksheet xmlns="{sml}" xmlns:r="{R}"><sheetData>{rows}</sheetData><legacyDrawing r:id="rId2"/></worksheet>',
        "xl/worksheets/_rels/sheet1.xml.rels": rels(
            ("rId1", f"{REL}/comments", "../comments1.xml"),
            ("rId2", f"{REL}/vmlDrawing", "../drawings/vmlDrawing1.vml"),
        ),
        "xl/comments1.xml": DECL
        + f'<comments xmlns="{sml}"><authors><author>{editor.name}</author></authors><commentList>'
        f'<comment ref="A1" authorId="0"><text><t>ask {who.name}</t></text></comment></commentList></comments>',
        "xl/drawings/vmlDrawing1.vml": VML_NOTE,
    }
    return _zip(members, who)


def _pptx(who: Who, editor: Who) -> bytes:
    picture = io.BytesIO()
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", who.name)
    Image.new("RGB", (640, 360), (30, 60, 120)).save(picture, "PNG", pnginfo=info)
    members = pptx_members(
        core=_core(who, editor),
        app=_app(who, "Microsoft Office PowerPoint"),
        slide_text="Campaign plan",
        comment_author=editor.name,
        initials="XX",
        comment_date=editor.iso,
        comment=f"rework, ask {who.name}",
        picture_png=picture.getvalue(),
    )
    return _zip(members, who)


def _odf(flavour: str, who: Who, editor: Who, photo: bytes, pixels: Pixels) -> bytes:
    annotation = (
        f"<office:annotation><dc:creator>{editor.name}</dc:creator><dc:date>{editor.iso}</dc:date>"
        f"<text:p>Do not name {who.name} in public</text:p></office:annotation>"
    )
    change = f"<office:change-info><dc:creator>{editor.name}</dc:creator><dc:date>{editor.iso}</dc:date></office:change-info>"
    paragraphs = "".join(
        f"<text:p>Point {i}: the assembly agreed on the next action.</text:p>" for i in range(40)
    )
    bodies = {
        "text": (
            "<office:text><text:tracked-changes>"
            f'<text:changed-region text:id="ct1"><text:deletion>{change}'
            f"<text:p>We keep the banners in the safe house at {who.place}.</text:p></text:deletion></text:changed-region>"
            f'<text:changed-region text:id="ct2"><text:insertion>{change}</text:insertion></text:changed-region>'
            "</text:tracked-changes>"
            '<text:p text:style-name="P1">Minutes. <text:change text:change-id="ct1"/>'
            '<text:change-start text:change-id="ct2"/>The date was moved to Friday.<text:change-end text:change-id="ct2"/>'
            + annotation
            + "</text:p>"
            + paragraphs
            + '<text:p><draw:frame><draw:image xlink:href="Pictures/photo.jpg"/></draw:frame></text:p>'
            "</office:text>"
        ),
        "spreadsheet": (
            "<office:spreadsheet>"
            f'<table:tracked-changes><table:cell-content-change table:id="ct1">{change}'
            "<table:previous><table:change-track-table-cell><text:p>old value</text:p>"
            "</table:change-track-table-cell></table:previous></table:cell-content-change></table:tracked-changes>"
            '<table:table table:name="Sheet1"><table:table-row><table:table-cell>'
            + annotation
            + "<text:p>Budget</text:p></table:table-cell></table:table-row>"
            + "".join(
                f"<table:table-row><table:table-cell><text:p>item {r}</text:p></table:table-cell></table:table-row>"
                for r in range(100)
            )
            + "</table:table></office:spreadsheet>"
        ),
        "presentation": (
            "<office:presentation>"
            '<draw:page draw:name="page1"><draw:frame><draw:text-box><text:p>Campaign plan</text:p>'
            "</draw:text-box></draw:frame>" + annotation + "</draw:page>"
            '<draw:page draw:name="page2"><draw:frame><draw:image xlink:href="Pictures/photo.jpg"/></draw:frame></draw:page>'
            "</office:presentation>"
        ),
    }
    mimetype = f"application/vnd.oasis.opendocument.{flavour}"
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<office:document-content {ODF_NS} office:version="1.3">'
        '<office:automatic-styles><style:style style:name="P1" style:family="paragraph">'
        '<style:text-properties officeooo:rsid="0012ab34" officeooo:paragraph-rsid="0012ab34"/></style:style>'
        "</office:automatic-styles><office:body>"
        + bodies[flavour]
        + "</office:body></office:document-content>"
    )
    meta = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<office:document-meta {ODF_NS} office:version="1.3"><office:meta>'
        f"<meta:initial-creator>{who.name}</meta:initial-creator><dc:creator>{editor.name}</dc:creator>"
        f"<meta:creation-date>{who.iso}</meta:creation-date><dc:date>{editor.iso}</dc:date>"
        "<meta:editing-cycles>12</meta:editing-cycles><meta:editing-duration>PT2H</meta:editing-duration>"
        "<meta:generator>LibreOffice/7.5.4.2$Linux_X86_64 LibreOffice_project/36ccfdc35048b057fd9854c757a8b67ec53977b6</meta:generator>"
        f'<meta:user-defined meta:name="Case">case {who.serial}</meta:user-defined>'
        '<meta:document-statistic meta:word-count="400"/></office:meta></office:document-meta>'
    )
    settings = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<office:document-settings {ODF_NS} office:version="1.3"><office:settings>'
        '<config:config-item-set config:name="ooo:configuration-settings">'
        f'<config:config-item config:name="PrinterName" config:type="string">printer of {who.org}</config:config-item>'
        '<config:config-item config:name="PrinterSetup" config:type="base64Binary">AAAA</config:config-item>'
        '<config:config-item config:name="Rsid" config:type="int">123456</config:config-item>'
        "</config:config-item-set></office:settings></office:document-settings>"
    )
    thumb = io.BytesIO()
    info = PngImagePlugin.PngInfo()
    info.add_text("Software", "LibreOffice")
    pixels.screenshot((256, 362), ["minutes"]).save(thumb, "PNG", pnginfo=info)
    files = ODF_PARTS
    manifest = odf_manifest(mimetype, files)
    members: dict[str, str | bytes] = {
        "mimetype": mimetype,
        "content.xml": content,
        "styles.xml": ODF_STYLES,
        "meta.xml": meta,
        "settings.xml": settings,
        "Thumbnails/thumbnail.png": thumb.getvalue(),
        "Pictures/photo.jpg": photo,
        "META-INF/manifest.xml": manifest,
    }
    return _zip(members, who)


# --------------------------------------------------------------------------- the corpus

#: How many files of each kind: (full, quick).
PLAN: tuple[tuple[str, int, int], ...] = (
    ("jpeg_iphone", 20, 3),
    ("jpeg_android", 15, 2),
    ("jpeg_motion", 4, 1),
    ("jpeg_camera", 10, 2),
    ("heic", 6, 1),
    ("png", 8, 2),
    ("webp", 8, 2),
    ("tiff", 4, 1),
    ("gif", 4, 1),
    ("mp4_android", 4, 1),
    ("mov_iphone", 4, 1),
    ("mp4_drone", 2, 1),
    ("mkv", 3, 1),
    ("webm", 2, 1),
    ("mp3", 4, 1),
    ("flac", 3, 1),
    ("wav", 3, 1),
    ("m4a", 2, 1),
    ("ogg", 2, 1),
    ("pdf", 10, 2),
    ("docx", 6, 2),
    ("xlsx", 4, 1),
    ("pptx", 2, 1),
    ("odt", 4, 1),
    ("ods", 2, 1),
    ("odp", 2, 1),
)


def _makers(builder: Builder) -> dict[str, Callable[[int], None]]:
    return {
        "jpeg_iphone": builder.jpeg_iphone,
        "jpeg_android": builder.jpeg_android,
        "jpeg_motion": lambda n: builder.jpeg_android(n, motion=True),
        "jpeg_camera": builder.jpeg_camera,
        "heic": builder.heic,
        "png": builder.png,
        "webp": builder.webp,
        "tiff": builder.tiff,
        "gif": builder.gif,
        "mp4_android": builder.mp4_android,
        "mov_iphone": builder.mov_iphone,
        "mp4_drone": builder.mp4_drone,
        "mkv": builder.mkv,
        "webm": builder.webm,
        "mp3": builder.mp3,
        "flac": builder.flac,
        "wav": builder.wav,
        "m4a": builder.m4a,
        "ogg": builder.ogg,
        "pdf": builder.pdf,
        "docx": builder.docx,
        "xlsx": builder.xlsx,
        "pptx": builder.pptx,
        "odt": lambda n: builder.odf(n, "text"),
        "ods": lambda n: builder.odf(n, "spreadsheet"),
        "odp": lambda n: builder.odf(n, "presentation"),
    }


def missing_tools() -> list[str]:
    return [tool for tool in ("ffmpeg", "exiftool") if shutil.which(tool) is None]


def build(
    root: Path, *, quick: bool = False, seed: int = 20240501, progress: Callable[[str], None] | None = None
) -> list[Item]:
    """Write the corpus under ``root/files`` and its manifest; return the items."""
    missing = missing_tools()
    if missing:
        raise RuntimeError(f"building the corpus needs {', '.join(missing)} (scripts/system-deps.sh test)")
    builder = Builder(root, random.Random(seed), quick)  # noqa: S311 - reproducible test data, not secrets
    makers = _makers(builder)
    for kind, full, small in PLAN:
        count = small if quick else full
        if progress:
            progress(f"{kind} x{count}")
        for n in range(count):
            makers[kind](n)
        if kind.startswith(("jpeg", "png", "tiff", "gif")) and len(builder.exiftool.jobs) > 20:
            builder.exiftool.run(builder.scratch)
    builder.exiftool.run(builder.scratch)
    builder.motion_trailers()
    shutil.rmtree(builder.scratch, ignore_errors=True)
    (root / MANIFEST).write_text(
        json.dumps([asdict(item) for item in builder.items], indent=1, ensure_ascii=False), encoding="utf-8"
    )
    return builder.items


def load(root: Path) -> list[Item]:
    """The items of a corpus built earlier under ``root``."""
    data = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    return [Item(**entry) for entry in data]


def files(root: Path) -> Path:
    return root / FILES


def iter_paths(root: Path, items: list[Item]) -> Iterator[Path]:
    for item in items:
        yield root / FILES / item.path


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Build the metadata benchmark's corpus.")
    parser.add_argument("root", type=Path, nargs="?")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    target = args.root or Path(tempfile.mkdtemp(prefix="resguardo-corpus-"))
    built = build(target, quick=args.quick, progress=print)
    print(f"{len(built)} files under {target / FILES}")
