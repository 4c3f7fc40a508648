"""Photos: every kind's metadata is found, removed, and proven gone by exiftool too; photos
come out upright; faces are masked (with consent and extra rectangles); hostile files are
refused with their documented code and leave nothing behind. Fixtures are made here."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import struct
import subprocess
import sys
import types
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, ImageCms, TiffImagePlugin

from resguardo.errors import ScrubError
from resguardo.scrub.media import Box, Options, inspect_file, masking, scrub_file
from resguardo.scrub.media import images as images_module
from tests.support import media_files

pillow_heif = pytest.importorskip("pillow_heif")

EXIFTOOL = shutil.which("exiftool")
needs_exiftool = pytest.mark.skipif(
    EXIFTOOL is None, reason="needs exiftool (scripts/system-deps.sh test installs it)"
)
RESGUARDO = Path(sys.executable).parent / "resguardo"
KINDS = ("jpeg", "png", "webp", "tiff", "gif", "heif")
SUFFIX = {"jpeg": ".jpg", "png": ".png", "webp": ".webp", "tiff": ".tif", "gif": ".gif", "heif": ".heic"}
RED, BLUE = (230, 20, 20), (20, 40, 220)
XMP = (
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
    b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    b'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Jane Activist</dc:creator>'
    b'</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)
MOTION_PHOTO = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64


# --------------------------------------------------------------------------- fixture makers


def device_icc(description: str = "Canon EOS R5 Camera RGB") -> bytes:
    """A small, valid RGB display profile that names a camera."""
    return media_files.device_icc(description, b"CANO", b"EOS5", "Jane Doe")


def upright(size: tuple[int, int] = (60, 40)) -> Image.Image:
    """Blue, with a red marker in the top-left corner."""
    image = Image.new("RGB", size, BLUE)
    image.paste(RED, (0, 0, 12, 12))
    return image


def dirty_exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[0x013B] = "Jane Doe"  # Artist
    exif[0x010F] = "Canon"  # Make
    exif[0x0110] = "Canon EOS R5"  # Model
    exif[0x0131] = "Firmware 1.8.1"  # Software
    exif[0x0132] = "2024:05:01 12:00:00"  # DateTime
    if orientation != 1:
        exif[0x0112] = orientation
    exif.get_ifd(0x8769)[0xA431] = "SN-0123456789"  # BodySerialNumber
    exif.get_ifd(0x8769)[0x9003] = "2024:05:01 12:00:00"  # DateTimeOriginal
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (40.0, 25.0, 0.6), "W", (3.0, 42.0, 13.7)
    return exif


def exiftool(path: Path, *args: str) -> None:
    assert EXIFTOOL is not None
    subprocess.run([EXIFTOOL, "-q", "-q", "-overwrite_original", *args, str(path)], check=True, timeout=60)


def png_chunk(data: bytes, ctype: bytes, body: bytes) -> bytes:
    """``data`` (a PNG) with one more chunk right before IEND."""
    iend = data.rindex(b"IEND") - 4
    chunk = struct.pack(">I", len(body)) + ctype + body + struct.pack(">I", zlib.crc32(ctype + body))
    return data[:iend] + chunk + data[iend:]


def frames(count: int = 3, size: tuple[int, int] = (60, 40)) -> list[Image.Image]:
    out = []
    for i in range(count):
        frame = upright(size)
        frame.paste((20, 200 - 40 * i, 20), (30, 10, 50, 30))
        out.append(frame)
    return out


def make_dirty(kind: str, folder: Path) -> Path:
    """A photo of ``kind`` carrying everything that kind can carry."""
    path = folder / f"dirty{SUFFIX[kind]}"
    image = upright()
    exif = dirty_exif().tobytes()
    icc = device_icc()
    if kind == "jpeg":
        image.save(path, "JPEG", exif=exif, icc_profile=icc, comment=b"shot at the march by Jane")
        thumb = folder / "thumb.jpg"
        Image.new("RGB", (16, 12), RED).save(thumb)
        exiftool(
            path,
            "-XMP-dc:Creator=Jane Activist",
            "-IPTC:By-line=Jane Activist",
            "-IPTC:City=Madrid",
            f"-ThumbnailImage<={thumb}",
        )
        path.write_bytes(path.read_bytes() + MOTION_PHOTO)
    elif kind == "png":
        info = __import__("PIL.PngImagePlugin", fromlist=["PngInfo"]).PngInfo()
        info.add_text("Author", "Jane Doe")
        info.add_text("Comment", "the march, 1 May", zip=True)
        info.add_itxt("XML:com.adobe.xmp", XMP.decode())
        buffer = io.BytesIO()
        image.save(buffer, "PNG", pnginfo=info, exif=exif, icc_profile=icc)
        data = png_chunk(buffer.getvalue(), b"prVt", b"device id 42")
        path.write_bytes(data + MOTION_PHOTO)
    elif kind == "webp":
        image.save(path, "WEBP", exif=exif, icc_profile=icc, xmp=XMP, quality=90)
        path.write_bytes(path.read_bytes() + MOTION_PHOTO)
    elif kind == "tiff":
        tags = TiffImagePlugin.ImageFileDirectory_v2()
        tags[315] = "Jane Doe"
        tags[271] = "Canon"
        tags[305] = "Firmware 1.8.1"
        tags[33432] = "(c) Jane Doe"
        image.save(path, "TIFF", tiffinfo=tags, icc_profile=icc)
        exiftool(
            path,
            "-XMP-dc:Creator=Jane Activist",
            "-IPTC:By-line=Jane Activist",
            "-GPSLatitude=40.4168",
            "-GPSLatitudeRef=N",
            "-GPSLongitude=3.7038",
            "-GPSLongitudeRef=W",
            "-SerialNumber=SN-0123456789",
        )
        path.write_bytes(path.read_bytes() + b"hidden notes: Jane's phone")
    elif kind == "gif":
        first, *rest = frames()
        first.save(
            path,
            "GIF",
            save_all=True,
            append_images=rest,
            duration=[100, 200, 300],
            loop=0,
            comment=b"shot by Jane",
        )
        exiftool(path, "-XMP-dc:Creator=Jane Activist")
        path.write_bytes(path.read_bytes() + b"hidden notes")
    elif kind == "heif":
        image.save(path, "HEIF", exif=exif, xmp=XMP, icc_profile=icc, thumbnails=[16], quality=90)
    return path


EXPECTED = {
    "jpeg": {
        "exif:GPSInfo",
        "exif:Artist",
        "exif:BodySerialNumber",
        "exif:Model",
        "exif:DateTimeOriginal",
        "exif:thumbnail",
        "xmp",
        "iptc",
        "icc:desc",
        "comment",
        "trailer",
    },
    "png": {
        "exif:GPSInfo",
        "exif:Artist",
        "exif:BodySerialNumber",
        "xmp",
        "icc:desc",
        "png:text:Author",
        "png:text:Comment",
        "png:chunk:prVt",
        "trailer",
    },
    "webp": {"exif:GPSInfo", "exif:Artist", "exif:BodySerialNumber", "xmp", "icc:desc", "trailer"},
    "tiff": {
        "exif:GPSInfo",
        "exif:Artist",
        "exif:Make",
        "exif:Software",
        "exif:Copyright",
        "exif:BodySerialNumber",
        "xmp",
        "iptc",
        "icc:desc",
        "tiff:unreferenced",
    },
    "gif": {"comment", "xmp", "trailer"},
    "heif": {"exif:GPSInfo", "exif:Artist", "exif:BodySerialNumber", "xmp", "icc:desc", "heif:thumbnail"},
}
#: What exiftool must not see in a cleaned file (group or tag name fragments).
FORBIDDEN_GROUPS = ("XMP", "IPTC", "GPS", "ICC", "MakerNotes", "Photoshop", "MPF", "ExifIFD", "IFD1", "PNG-")
FORBIDDEN_TAGS = (
    "GPS",
    "Serial",
    "Artist",
    "Creator",
    "By-line",
    "City",
    "Comment",
    "Copyright",
    "Make",
    "Model",
    "Software",
    "DateTimeOriginal",
    "Thumbnail",
    "Author",
    "ProfileDescription",
    "Trailer",
)


def exiftool_leftovers(path: Path) -> list[str]:
    assert EXIFTOOL is not None
    result = subprocess.run(
        [EXIFTOOL, "-j", "-a", "-u", "-G1", str(path)], capture_output=True, text=True, timeout=60, check=True
    )
    (tags,) = json.loads(result.stdout)
    bad = []
    for key, value in tags.items():
        group, _, name = key.rpartition(":")
        if group in ("System", "ExifTool") and "railer" not in str(value):
            continue
        named = group.startswith(FORBIDDEN_GROUPS) or any(word in name for word in FORBIDDEN_TAGS)
        if named or "railer" in str(value) or "Jane" in str(value):
            bad.append(f"{key}={value}")
    return bad


# --------------------------------------------------------------------------- a fake detector


class FakeDetector:
    """Stands in for resguardo.scrub.media.faces: fixed boxes, and a record of each call."""

    def __init__(self, boxes: Callable[[Image.Image], list[Box]]) -> None:
        self.boxes = boxes
        self.calls: list[tuple[str, tuple[int, int]]] = []
        self.images: list[Image.Image] = []

    def __call__(self, image: Image.Image) -> list[Box]:
        self.calls.append((image.mode, image.size))
        self.images.append(image.copy())
        return self.boxes(image)


@pytest.fixture
def detector(
    monkeypatch: pytest.MonkeyPatch,
) -> Callable[[Callable[[Image.Image], list[Box]]], FakeDetector]:
    def install(boxes: Callable[[Image.Image], list[Box]]) -> FakeDetector:
        fake = FakeDetector(boxes)
        module = types.ModuleType("resguardo.scrub.media.faces")
        module.detect_faces = fake  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, "resguardo.scrub.media.faces", module)
        return fake

    return install


def refused(src: Path, dst: Path, options: Options | None = None) -> str:
    with pytest.raises(ScrubError) as info:
        scrub_file(src, dst, options or Options(faces=False))
    assert not dst.exists()
    if dst.parent.exists():
        assert list(dst.parent.iterdir()) == [], "no partial output may be left behind"
    return info.value.code


# --------------------------------------------------------------------------- metadata


@pytest.mark.parametrize("kind", KINDS)
@needs_exiftool
def test_every_kind_is_read_cleaned_and_proven_clean(tmp_path: Path, kind: str) -> None:
    src = make_dirty(kind, tmp_path)
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    found_kind, findings = inspect_file(src)
    assert found_kind == kind
    keys = {f.key for f in findings}
    assert EXPECTED[kind] <= keys, sorted(keys)
    assert all(len(f.value) <= 80 and f.value.isprintable() for f in findings)
    assert exiftool_leftovers(src), "the fixture should be dirty for exiftool too"

    dst = tmp_path / "out" / src.name
    report = scrub_file(src, dst, Options(faces=False))

    assert report.status == "cleaned" and report.output == str(dst.resolve())
    assert set(report.metadata_removed) == keys
    assert inspect_file(dst) == (kind, [])
    assert exiftool_leftovers(dst) == []
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before, "the input must never change"
    with Image.open(dst) as out:
        assert out.size == (60, 40)
        assert not out.info.get("exif") and not out.info.get("icc_profile") and not out.info.get("comment")
        rgb = out.convert("RGB")
        assert close(rgb.getpixel((3, 3)), RED) and close(rgb.getpixel((55, 35)), BLUE)


def close(pixel: object, colour: tuple[int, int, int], tolerance: int = 40) -> bool:
    assert isinstance(pixel, tuple)
    return all(abs(int(a) - b) <= tolerance for a, b in zip(pixel[:3], colour, strict=True))


@needs_exiftool
def test_heic_stays_heic(tmp_path: Path) -> None:
    src = make_dirty("heif", tmp_path)
    dst = tmp_path / "out" / "photo.heic"
    scrub_file(src, dst, Options(faces=False))
    assert dst.read_bytes()[4:12] == b"ftypheic"
    info = pillow_heif.open_heif(dst).info
    assert not info.get("exif") and not info.get("xmp") and not info.get("thumbnails")


def test_multi_picture_jpeg_keeps_only_the_primary_image(tmp_path: Path) -> None:
    src = tmp_path / "mpo.jpg"
    upright().save(src, "MPO", save_all=True, append_images=[Image.new("RGB", (60, 40), (0, 255, 0))])
    keys = {f.key for f in inspect_file(src)[1]}
    assert {"mpf", "trailer"} <= keys
    dst = tmp_path / "out" / "mpo.jpg"
    scrub_file(src, dst, Options(faces=False))
    assert inspect_file(dst) == ("jpeg", [])
    assert dst.read_bytes().count(b"\xff\xd8") == 1


def test_standard_srgb_profiles_are_not_findings_and_device_profiles_are_converted(tmp_path: Path) -> None:
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    plain = tmp_path / "srgb.png"
    upright().save(plain, icc_profile=srgb)
    assert inspect_file(plain) == ("png", [])
    assert images_module.icc_is_standard(srgb)
    assert not images_module.icc_is_standard(device_icc())

    # A profile that maps the stored values to different colours: the output shows the colours.
    tinted = tmp_path / "tinted.png"
    Image.new("RGB", (8, 8), (128, 128, 128)).save(tinted, icc_profile=device_icc("Display P3 (Apple)"))
    findings = inspect_file(tinted)[1]
    assert [(f.key, f.category) for f in findings] == [("icc:desc", "device")]
    assert "Display P3" in findings[0].value
    dst = tmp_path / "out" / "tinted.png"
    scrub_file(tinted, dst, Options(faces=False))
    with Image.open(dst) as out:
        assert "icc_profile" not in out.info
        value = out.convert("RGB").getpixel((4, 4))
        assert isinstance(value, tuple)
        # gamma 2.2 mid-grey is a little darker in sRGB (about 124-127), not left as 128
        assert value != (128, 128, 128) and abs(value[0] - 126) <= 3


def tiff_pages(pages: list[tuple[int, int, int, bytes]], gap: bytes = b"") -> bytes:
    """A little-endian grey TIFF; each page is (width, height, NewSubfileType, pixels)."""
    out = bytearray(b"II*\x00\x00\x00\x00\x00")
    starts = []
    for *_, pixels in pages:
        starts.append(len(out))
        out += pixels + b"\x00" * (len(pixels) % 2) + gap
    next_at = 4
    for (width, height, subfile, pixels), start in zip(pages, starts, strict=True):
        struct.pack_into("<I", out, next_at, len(out))
        entries = [(254, 4, 1, subfile), (256, 4, 1, width), (257, 4, 1, height), (258, 3, 1, 8)]
        entries += [(259, 3, 1, 1), (262, 3, 1, 1), (273, 4, 1, start), (277, 3, 1, 1)]
        entries += [(278, 4, 1, height), (279, 4, 1, len(pixels))]
        out += struct.pack("<H", len(entries)) + b"".join(struct.pack("<HHII", *e) for e in entries)
        next_at = len(out)
        out += b"\x00" * 4
    return bytes(out)


def test_tiff_thumbnails_are_dropped_and_pages_kept(tmp_path: Path) -> None:
    src = tmp_path / "scan.tif"
    page = b"\x64" * 40 * 30
    src.write_bytes(tiff_pages([(40, 30, 0, page), (10, 8, 1, b"\x10" * 80), (40, 30, 0, b"\xc8" * 1200)]))
    assert [f.key for f in inspect_file(src)[1]] == ["tiff:thumbnail"]
    dst = tmp_path / "out" / "scan.tif"
    scrub_file(src, dst, Options(faces=False))
    with Image.open(dst) as out:
        assert getattr(out, "n_frames", 1) == 2
        assert out.getpixel((0, 0)) == 100
        out.seek(1)
        assert out.size == (40, 30) and out.getpixel((0, 0)) == 200


def test_bytes_no_tiff_tag_points_to_are_hidden_data(tmp_path: Path) -> None:
    src = tmp_path / "hidden.tif"
    src.write_bytes(tiff_pages([(4, 4, 0, b"\x00" * 16)], gap=b"Jane Doe, +34 600 000 000"))
    (finding,) = inspect_file(src)[1]
    assert (finding.key, finding.category) == ("tiff:unreferenced", "hidden-data")
    padded = tmp_path / "padded.tif"
    padded.write_bytes(tiff_pages([(4, 4, 0, b"\x00" * 16)], gap=b"\x00" * 12))
    assert inspect_file(padded)[1] == []


def test_heif_metadata_items_are_read_from_the_file_itself(tmp_path: Path) -> None:
    src = tmp_path / "a.heic"
    upright().save(src, "HEIF", exif=dirty_exif().tobytes(), xmp=XMP)
    data = src.read_bytes()
    # Without pillow-heif's view: the raw walk of meta/iinf/iloc finds the EXIF and XMP items.
    keys = {f.key for f in images_module._heif_boxes(data)}
    assert {"exif:GPSInfo", "exif:Artist", "xmp"} <= keys
    # Bytes slipped into mdat that no item uses, and bytes after the last box.
    mdat = data.rindex(b"mdat") - 4
    size = int.from_bytes(data[mdat : mdat + 4], "big")
    assert mdat + size == len(data)
    stuffed = bytearray(data + b"Jane Doe, +34 600 000 000")
    stuffed[mdat : mdat + 4] = (size + 25).to_bytes(4, "big")
    keys = {f.key for f in images_module._heif_boxes(bytes(stuffed))}
    assert "heif:unreferenced" in keys
    keys = {f.key for f in images_module._heif_boxes(data + MOTION_PHOTO)}
    assert "trailer" in keys


def test_png_time_text_and_private_chunks_are_found(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    Image.new("L", (4, 4)).save(buffer, "PNG")
    data = png_chunk(buffer.getvalue(), b"tIME", struct.pack(">HBBBBB", 2024, 5, 1, 12, 0, 0))
    data = png_chunk(data, b"iTXt", b"Title\x00\x01\x00en\x00\x00" + zlib.compress(b"March in Madrid"))
    path = tmp_path / "t.png"
    path.write_bytes(data)
    findings = {f.key: f for f in inspect_file(path)[1]}
    assert findings["png:tIME"].value == "2024-05-01 12:00:00"
    assert findings["png:text:Title"].value == "March in Madrid"


def test_animated_gif_and_webp_keep_every_frame_and_duration(tmp_path: Path) -> None:
    for kind, suffix in (("gif", ".gif"), ("webp", ".webp"), ("png", ".png")):
        src = tmp_path / f"anim{suffix}"
        first, *rest = frames(4)
        first.save(src, save_all=True, append_images=rest, duration=[100, 200, 300, 400], loop=0)
        dst = tmp_path / "out" / src.name
        scrub_file(src, dst, Options(faces=False))
        with Image.open(dst) as out:
            assert getattr(out, "n_frames", 1) == 4, kind
            durations = []
            for index in range(4):
                out.seek(index)
                out.load()  # WebP sets a frame's duration when it is decoded
                durations.append(out.info["duration"])
                assert close(out.convert("RGB").getpixel((40, 20)), (20, 200 - 40 * index, 20)), kind
            assert durations == [100, 200, 300, 400], kind
            assert "comment" not in out.info


def test_lossless_webp_stays_lossless(tmp_path: Path) -> None:
    src = tmp_path / "l.webp"
    upright().save(src, lossless=True)
    dst = tmp_path / "out" / "l.webp"
    scrub_file(src, dst, Options(faces=False))
    assert b"VP8L" in dst.read_bytes()[:64]
    with Image.open(dst) as out, Image.open(src) as original:
        assert out.convert("RGB").tobytes() == original.convert("RGB").tobytes()


def test_hidden_colour_under_transparent_pixels_is_blanked(tmp_path: Path) -> None:
    src = tmp_path / "alpha.png"
    image = Image.new("RGBA", (10, 10), (200, 100, 50, 0))
    image.putpixel((0, 0), (1, 2, 3, 255))
    image.save(src)
    dst = tmp_path / "out" / "alpha.png"
    scrub_file(src, dst, Options(faces=False))
    with Image.open(dst) as out:
        assert out.getpixel((5, 5)) == (0, 0, 0, 0)
        assert out.getpixel((0, 0)) == (1, 2, 3, 255)


# --------------------------------------------------------------------------- orientation


def stored_for(orientation: int, image: Image.Image) -> Image.Image:
    """The pixels a camera stores so that a viewer honouring ``orientation`` shows ``image``."""
    return image.transpose(Image.Transpose.ROTATE_90 if orientation == 6 else Image.Transpose.ROTATE_270)


@pytest.mark.parametrize("orientation", [6, 8])
@pytest.mark.parametrize("kind", ["jpeg", "png", "webp", "tiff", "heif"])
def test_sideways_photos_come_out_upright(tmp_path: Path, kind: str, orientation: int) -> None:
    stored = stored_for(orientation, upright())
    src = tmp_path / f"sideways{SUFFIX[kind]}"
    if kind == "tiff":
        tags = TiffImagePlugin.ImageFileDirectory_v2()
        tags[274] = orientation
        stored.save(src, tiffinfo=tags)
    else:
        stored.save(src, exif=dirty_exif(orientation).tobytes(), quality=95)
    dst = tmp_path / "out" / src.name
    scrub_file(src, dst, Options(faces=False))
    with Image.open(dst) as out:
        assert out.size == (60, 40)
        assert out.getexif().get(0x0112) in (None, 1)
        rgb = out.convert("RGB")
        assert close(rgb.getpixel((3, 3)), RED) and close(rgb.getpixel((56, 3)), BLUE)
        assert close(rgb.getpixel((3, 36)), BLUE) and close(rgb.getpixel((56, 36)), BLUE)


# --------------------------------------------------------------------------- faces


def test_faces_are_masked_on_the_upright_image_in_output_coordinates(
    tmp_path: Path, detector: Callable[..., FakeDetector]
) -> None:
    fake = detector(lambda image: [Box(20, 10, 10, 10)])
    src = tmp_path / "sideways.png"
    stored_for(6, upright()).save(src, exif=dirty_exif(6).tobytes())
    dst = tmp_path / "out" / "sideways.png"
    report = scrub_file(src, dst, Options())
    assert fake.calls == [("RGB", (60, 40))]
    assert close(fake.images[0].getpixel((3, 3)), RED), "the detector must see the upright photo"
    grown = masking.clip(Box(20, 10, 10, 10), 60, 40)
    assert grown is not None
    assert report.faces == (grown,)
    with Image.open(dst) as out:
        for x in range(grown.x, grown.x + grown.w):
            for y in range(grown.y, grown.y + grown.h):
                assert out.getpixel((x, y)) == (0, 0, 0)
        assert out.getpixel((grown.x - 1, grown.y)) == BLUE


def test_consented_faces_stay_and_extra_rectangles_are_masked(
    tmp_path: Path, detector: Callable[..., FakeDetector]
) -> None:
    detector(lambda image: [Box(5, 5, 10, 10), Box(40, 20, 10, 10)])
    src = tmp_path / "group.png"
    upright().save(src)
    dst = tmp_path / "out" / "group.png"
    keep = (Box(6, 5, 10, 10),)  # drawn around the first face by the person who consented
    extra = (Box(30, 0, 5, 5),)
    report = scrub_file(src, dst, Options(keep=keep, extra=extra))
    second = masking.clip(Box(40, 20, 10, 10), 60, 40)
    assert report.faces == tuple(sorted([second, Box(30, 0, 5, 5)]))  # type: ignore[type-var]
    with Image.open(dst) as out:
        assert out.getpixel((13, 13)) == BLUE  # the consenting face is shown
        assert out.getpixel((45, 25)) == (0, 0, 0)
        assert out.getpixel((32, 2)) == (0, 0, 0)


def test_keep_also_matches_the_masked_rectangle_reported_earlier(
    tmp_path: Path, detector: Callable[..., FakeDetector]
) -> None:
    detector(lambda image: [Box(20, 10, 10, 10)])
    src = tmp_path / "one.png"
    upright().save(src)
    first = scrub_file(src, tmp_path / "out" / "one.png", Options())
    second = scrub_file(src, tmp_path / "out2" / "one.png", Options(keep=first.faces))
    assert first.faces and second.faces == ()


def test_extra_rectangles_are_masked_without_face_detection(tmp_path: Path) -> None:
    src = tmp_path / "sign.png"
    upright().save(src)
    dst = tmp_path / "out" / "sign.png"
    report = scrub_file(src, dst, Options(faces=False, extra=(Box(50, 30, 20, 20),)))
    assert report.faces == (Box(50, 30, 10, 10),)
    with Image.open(dst) as out:
        assert out.getpixel((55, 35)) == (0, 0, 0)


def test_mosaic_style_masks_in_uniform_blocks(tmp_path: Path, detector: Callable[..., FakeDetector]) -> None:
    detector(lambda image: [Box(20, 12, 16, 16)])
    src = tmp_path / "noise.png"
    Image.effect_noise((60, 40), 80).convert("RGB").save(src)
    dst = tmp_path / "out" / "noise.png"
    report = scrub_file(src, dst, Options(mask_style="mosaic"))
    (box,) = report.faces
    block = masking.mosaic_block(box)
    with Image.open(dst) as out:
        for bx in range(box.x, box.x + box.w, block):
            for by in range(box.y, box.y + box.h, block):
                cell = out.crop((bx, by, min(bx + block, box.x + box.w), min(by + block, box.y + box.h)))
                assert len(set(cell.get_flattened_data())) == 1


def test_every_frame_of_an_animation_is_masked_even_where_the_detector_blinks(
    tmp_path: Path, detector: Callable[..., FakeDetector]
) -> None:
    seen: list[int] = []

    def blinking(image: Image.Image) -> list[Box]:
        seen.append(len(seen))
        return [] if len(seen) == 2 else [Box(30, 10, 10, 10)]  # misses the face in frame 1

    fake = detector(blinking)
    src = tmp_path / "anim.gif"
    first, *rest = frames(3)
    first.save(src, save_all=True, append_images=rest, duration=100, loop=0)
    dst = tmp_path / "out" / "anim.gif"
    report = scrub_file(src, dst, Options())
    assert len(fake.calls) == 3
    grown = masking.clip(Box(30, 10, 10, 10), 60, 40)
    assert report.faces == (grown,)
    with Image.open(dst) as out:
        for index in range(3):
            out.seek(index)
            assert out.convert("RGB").getpixel((35, 15)) == (0, 0, 0), index


def test_without_a_face_detector_files_are_refused_not_passed_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "resguardo.scrub.media.faces", None)
    src = tmp_path / "a.png"
    upright().save(src)
    assert refused(src, tmp_path / "out" / "a.png", Options()) == "scrub.faces_unavailable"


# --------------------------------------------------------------------------- hostile files


def png_with_size(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 16)

    def chunk(ctype: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + ctype + body + struct.pack(">I", zlib.crc32(ctype + body))

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def jpeg_with_size(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "JPEG")
    data = bytearray(buffer.getvalue())
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def gif_with_size(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("P", (8, 8)).save(buffer, "GIF")
    data = bytearray(buffer.getvalue())
    data[6:10] = struct.pack("<HH", width, height)
    return bytes(data)


def tiff_with_size(width: int, height: int) -> bytes:
    entries = [(256, 4, 1, width), (257, 4, 1, height), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1)]
    entries += [(273, 4, 1, 8 + 2 + 12 * 8 + 4), (278, 4, 1, height), (279, 4, 1, 16)]
    ifd = struct.pack("<H", len(entries)) + b"".join(struct.pack("<HHII", *e) for e in entries)
    return b"II*\x00" + struct.pack("<I", 8) + ifd + b"\x00" * 4 + b"\x00" * 16


def webp_with_size(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buffer, "WEBP", lossless=True)
    data = bytearray(buffer.getvalue())
    vp8l = data.index(b"VP8L") + 8
    bits = int.from_bytes(data[vp8l + 1 : vp8l + 5], "little")
    bits = (bits & ~((1 << 28) - 1)) | (width - 1) | ((height - 1) << 14)
    data[vp8l + 1 : vp8l + 5] = bits.to_bytes(4, "little")
    return bytes(data)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bomb.png", png_with_size(10_000, 10_000)),
        ("bomb2.png", png_with_size(100_000, 100_000)),
        ("bomb.jpg", jpeg_with_size(20_000, 20_000)),
        ("bomb.gif", gif_with_size(65_535, 65_535)),
        ("bomb.tif", tiff_with_size(30_000, 30_000)),
        ("bomb.webp", webp_with_size(16_384, 16_384)),
    ],
)
def test_decompression_bombs_are_refused(tmp_path: Path, name: str, data: bytes) -> None:
    src = tmp_path / name
    src.write_bytes(data)
    assert refused(src, tmp_path / "out" / name) == "scrub.decompression_bomb"


def test_too_many_frames_are_refused(tmp_path: Path) -> None:
    frame = b"\x2c" + struct.pack("<HHHHB", 0, 0, 1, 1, 0) + b"\x02\x02\x44\x01\x00"
    data = b"GIF89a" + struct.pack("<HHBBB", 1, 1, 0x80, 0, 0) + b"\x00\x00\x00\xff\xff\xff"
    src = tmp_path / "many.gif"
    src.write_bytes(data + frame * (images_module.MAX_FRAMES + 1) + b"\x3b")
    assert refused(src, tmp_path / "out" / "many.gif") == "scrub.too_many_frames"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("keep", [0.6, 0.2])
def test_truncated_files_are_refused_as_corrupt(tmp_path: Path, kind: str, keep: float) -> None:
    whole = tmp_path / f"whole{SUFFIX[kind]}"
    Image.effect_noise((64, 48), 60).convert("RGB").save(whole, quality=90)
    data = whole.read_bytes()
    src = tmp_path / f"cut{SUFFIX[kind]}"
    src.write_bytes(data[: int(len(data) * keep)])
    assert refused(src, tmp_path / "out" / src.name) == "scrub.corrupt"
    with pytest.raises(ScrubError) as info:
        inspect_file(src)
    assert info.value.code == "scrub.corrupt"


def test_damaged_pixel_data_is_refused(tmp_path: Path) -> None:
    whole = io.BytesIO()
    Image.effect_noise((64, 48), 60).convert("RGB").save(whole, "PNG")
    data = bytearray(whole.getvalue())
    idat = data.index(b"IDAT") + 4
    data[idat + 10 : idat + 40] = b"\x00" * 30  # the CRC no longer matches
    src = tmp_path / "damaged.png"
    src.write_bytes(bytes(data))
    assert refused(src, tmp_path / "out" / "damaged.png") == "scrub.corrupt"


def test_avif_in_a_heif_name_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "a.heic"
    src.write_bytes(b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf" + b"\x00" * 16)
    assert refused(src, tmp_path / "out" / "a.heic") == "scrub.unsupported_type"


# --------------------------------------------------------------------------- command line


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RESGUARDO_LANGUAGE": "en"}
    return subprocess.run(
        [str(RESGUARDO), *args], cwd=cwd, capture_output=True, text=True, timeout=300, check=False, env=env
    )


@needs_exiftool
def test_cli_scrubs_a_folder_with_hostile_names_and_writes_the_report(tmp_path: Path) -> None:
    photos = tmp_path / "fotos de la marcha"
    (photos / "día 1" / "tarde").mkdir(parents=True)
    made = make_dirty("jpeg", tmp_path)
    names = {
        "-rf x.jpg": make_dirty("jpeg", tmp_path),
        "with space.png": make_dirty("png", tmp_path),
        "día 1/ñandú 写真.gif": make_dirty("gif", tmp_path),
        "día 1/tarde/--help.webp": make_dirty("webp", tmp_path),
    }
    for rel, source in names.items():
        shutil.copy(source, photos / rel)
    (photos / "día 1" / "broken.jpg").write_bytes(made.read_bytes()[:300])
    out, report_path = tmp_path / "out", tmp_path / "R.json"

    result = run(
        "scrub", str(photos), "--out", str(out), "--report", str(report_path), "--no-faces", cwd=tmp_path
    )

    assert result.returncode == 3, result.stderr  # one refusal, the rest cleaned
    assert "error[scrub.corrupt]" in result.stderr and "broken.jpg" in result.stderr
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert list(report) == ["files"]
    by_input = {entry["input"]: entry for entry in report["files"]}
    assert len(by_input) == 5
    for entry in report["files"]:
        assert list(entry) == ["input", "output", "status", "error_code", "faces", "metadata_removed"]
        assert Path(entry["input"]).is_absolute()
    for rel in names:
        entry = by_input[str((photos / rel).resolve())]
        expected_out = (out / photos.name / rel).resolve()
        assert entry["output"] == str(expected_out)
        assert entry["status"] == "cleaned" and entry["error_code"] is None and entry["faces"] == []
        assert "exif:GPSInfo" in entry["metadata_removed"] or "comment" in entry["metadata_removed"]
        assert all(isinstance(k, str) for k in entry["metadata_removed"])
        assert expected_out.is_file() and exiftool_leftovers(expected_out) == []
    broken = by_input[str((photos / "día 1" / "broken.jpg").resolve())]
    assert broken == {
        "input": str((photos / "día 1" / "broken.jpg").resolve()),
        "output": None,
        "status": "refused",
        "error_code": "scrub.corrupt",
        "faces": [],
        "metadata_removed": [],
    }
    assert not (out / photos.name / "día 1" / "broken.jpg").exists()
    leftovers = [p for p in out.rglob("*") if p.name.startswith(".")]
    assert leftovers == []


def test_cli_takes_a_file_named_like_an_option(tmp_path: Path) -> None:
    hostile = tmp_path / "-rf x.jpg"
    upright().save(hostile, exif=dirty_exif().tobytes())
    result = run("scrub", "--out", "cleaned", "--no-faces", "--", "-rf x.jpg", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "cleaned" / "-rf x.jpg").is_file()
    assert hostile.is_file()


def test_cli_inspect_shows_what_a_photo_gives_away_and_proves_the_clean_one_gives_nothing(
    tmp_path: Path,
) -> None:
    dirty = tmp_path / "señal.jpg"
    upright().save(dirty, exif=dirty_exif().tobytes(), comment=b"Jane")
    clean = tmp_path / "out" / "señal.jpg"
    scrub_file(dirty, clean, Options(faces=False))

    result = run("inspect", str(dirty), "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (entry,) = json.loads(result.stdout)["files"]
    assert entry["input"] == str(dirty.resolve()) and entry["kind"] == "jpeg"
    found = {f["key"]: f for f in entry["findings"]}
    assert found["exif:GPSInfo"] == {
        "key": "exif:GPSInfo",
        "value": "40.41683, -3.70381",
        "category": "location",
    }
    assert found["exif:Artist"]["value"] == "Jane Doe" and found["comment"]["category"] == "content"

    result = run("inspect", str(clean), "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "files": [{"input": str(clean.resolve()), "kind": "jpeg", "findings": []}]
    }


# --------------------------------------------------------------------------- JPEG scans copied as they are


def jpeg_scan(data: bytes) -> bytes:
    """The entropy-coded data of a baseline JPEG (from the end of its SOS header to EOI)."""
    sos = data.index(b"\xff\xda")
    return data[sos + 2 + int.from_bytes(data[sos + 2 : sos + 4], "big") : data.rindex(b"\xff\xd9")]


def test_an_upright_jpeg_keeps_its_scan_and_loses_everything_else(tmp_path: Path) -> None:
    src = tmp_path / "photo.jpg"
    Image.effect_noise((64, 48), 60).convert("RGB").save(
        src, quality=83, exif=dirty_exif(1).tobytes(), comment=b"the march"
    )
    dst = tmp_path / "out" / "photo.jpg"
    report = scrub_file(src, dst, Options(faces=False))
    assert "exif:GPSInfo" in report.metadata_removed
    out = dst.read_bytes()
    assert jpeg_scan(out) == jpeg_scan(src.read_bytes()), "no re-encoding: the pixels are the same bits"
    assert b"Exif" not in out and b"the march" not in out and b"Jane" not in out
    assert inspect_file(dst)[1] == []


def test_a_camera_s_own_quantisation_tables_are_not_copied(tmp_path: Path) -> None:
    camera = [[(i * 7 + 3) % 50 + 2 for i in range(64)], [(i * 5 + 1) % 60 + 3 for i in range(64)]]
    src = tmp_path / "camera.jpg"
    Image.effect_noise((64, 48), 60).convert("RGB").save(src, qtables=camera, exif=dirty_exif(1).tobytes())
    dst = tmp_path / "out" / "camera.jpg"
    scrub_file(src, dst, Options(faces=False))
    with Image.open(src) as before, Image.open(dst) as after:
        assert before.quantization != after.quantization
        assert images_module._tables(after) in images_module._generic_tables()


def test_a_jpeg_with_a_device_profile_or_turned_is_still_re_encoded(tmp_path: Path) -> None:
    src = tmp_path / "p3.jpg"
    Image.effect_noise((64, 48), 60).convert("RGB").save(src, quality=83, icc_profile=device_icc())
    dst = tmp_path / "out" / "p3.jpg"
    scrub_file(src, dst, Options(faces=False))
    assert jpeg_scan(dst.read_bytes()) != jpeg_scan(src.read_bytes())
    assert inspect_file(dst)[1] == []


def test_a_jpeg_without_faces_is_not_re_encoded_when_faces_are_searched(
    tmp_path: Path, detector: Callable[..., FakeDetector]
) -> None:
    fake = detector(lambda image: [])
    src = tmp_path / "empty.jpg"
    Image.effect_noise((64, 48), 60).convert("RGB").save(src, quality=90, exif=dirty_exif(1).tobytes())
    dst = tmp_path / "out" / "empty.jpg"
    assert scrub_file(src, dst, Options()).faces == ()
    assert fake.calls == [("RGB", (64, 48))]
    assert jpeg_scan(dst.read_bytes()) == jpeg_scan(src.read_bytes())


@pytest.mark.parametrize("mode", ["L", "RGB"])
def test_generic_tables_are_the_ones_libjpeg_writes_at_every_quality(mode: str) -> None:
    for quality in range(1, 101):
        buffer = io.BytesIO()
        Image.new(mode, (8, 8)).save(buffer, "JPEG", quality=quality)
        with Image.open(buffer) as encoded:
            assert images_module._tables(encoded) in images_module._generic_tables(), quality


def test_a_jpeg_whose_segments_do_not_parse_cleanly_is_re_encoded(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    Image.effect_noise((64, 48), 60).convert("RGB").save(buffer, "JPEG", quality=83)
    data = buffer.getvalue()
    dqt = data.index(b"\xff\xdb")
    src = tmp_path / "odd.jpg"
    src.write_bytes(data[:dqt] + b"hidden bytes" + data[dqt:])  # between two segments
    dst = tmp_path / "out" / "odd.jpg"
    report = scrub_file(src, dst, Options(faces=False))
    assert "jpeg:extraneous" in report.metadata_removed
    assert b"hidden bytes" not in dst.read_bytes()
    assert inspect_file(dst)[1] == []
