"""Video and audio: dirty files made with ffmpeg, cleaned, then read back by ffprobe and exiftool."""

from __future__ import annotations

import hashlib
import json
import shutil
import struct
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from resguardo.errors import ScrubError
from resguardo.scrub.media import Options, av, inspect_file, scrub_file
from resguardo.scrub.media.av import (
    AudioVideoHandler,
    MediaProbe,
    MediaStream,
    findings_from_probe,
    frame_metadata,
    output_format,
    probe,
    remux,
)

pytestmark = pytest.mark.skipif(
    not (shutil.which("ffmpeg") and shutil.which("ffprobe")),
    reason="needs ffmpeg (scripts/system-deps.sh installs it)",
)
needs_exiftool = pytest.mark.skipif(
    not shutil.which("exiftool"), reason="needs exiftool (scripts/system-deps.sh test installs it)"
)

NO_FACES = Options(faces=False)
VIDEO = ["-f", "lavfi", "-i", "testsrc=s=64x64:d=1:r=10"]
AUDIO = ["-f", "lavfi", "-i", "sine=d=1:sample_rate=8000"]
X264 = ["-c:v:0", "libx264", "-preset", "ultrafast"]
TAGS = [
    *("-metadata", "title=Secret meeting"),
    *("-metadata", "artist=Alice Activist"),
    *("-metadata", "comment=at the plaza"),
    *("-metadata", "date=2024-05-01"),
]
GPS = "+40.4168-003.7038/"


def ffmpeg(*args: str | Path) -> None:
    command = ["ffmpeg", "-nostdin", "-hide_banner", "-v", "error", "-y", *map(str, args)]
    subprocess.run(command, check=True, capture_output=True, timeout=120)


def ffprobe(path: Path) -> dict[str, object]:
    command = ["ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams"]
    command += ["-show_chapters", str(path)]
    done = subprocess.run(command, check=True, capture_output=True, timeout=60)
    data: dict[str, object] = json.loads(done.stdout)
    return data


def streams_of(path: Path) -> list[dict[str, object]]:
    streams = ffprobe(path)["streams"]
    assert isinstance(streams, list)
    return streams


# -- the dirty corpus --------------------------------------------------------------------


def _inputs(d: Path) -> None:
    ffmpeg("-f", "lavfi", "-i", "color=c=red:s=32x32", "-frames:v", "1", d / "cover.png")
    (d / "sub.srt").write_text("1\n00:00:00,000 --> 00:00:00,900\nAlice at 5th street\n", encoding="utf-8")
    (d / "meta.txt").write_text(
        ";FFMETADATA1\ntitle=Secret meeting\nartist=Alice Activist\n"
        "[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=500\ntitle=Arrival of Bob\n"
        "[CHAPTER]\nTIMEBASE=1/1000\nSTART=500\nEND=1000\ntitle=Speech\n",
        encoding="utf-8",
    )
    (d / "font.ttf").write_bytes(b"\x00\x01\x00\x00" + b"font of the group's banner" * 4)


def _mp4(d: Path, out: Path) -> None:
    # subtitle, timecode (data) track, cover art, GPS and the usual tags
    ffmpeg(
        *VIDEO, *AUDIO, "-i", d / "sub.srt", "-i", d / "cover.png",
        *("-map", "0", "-map", "1", "-map", "2", "-map", "3"),
        *X264, "-c:a", "aac", "-c:s", "mov_text", "-c:v:1", "png", "-disposition:v:1", "attached_pic",
        *TAGS, "-metadata", f"location={GPS}", "-metadata", "creation_time=2024-05-01T10:00:00Z",
        "-timecode", "01:00:00:00", out,
    )  # fmt: skip


def _mov(d: Path, out: Path) -> None:
    ffmpeg(
        *VIDEO, *AUDIO, *X264, "-c:a", "aac", "-movflags", "use_metadata_tags",
        *("-metadata", "com.apple.quicktime.make=Apple"),
        *("-metadata", "com.apple.quicktime.model=iPhone 12"),
        *("-metadata", "com.apple.quicktime.software=16.1"),
        *("-metadata", f"com.apple.quicktime.location.ISO6709={GPS}"),
        *("-metadata", "com.apple.quicktime.creationdate=2024-05-01T10:00:00+0200"),
        *("-metadata:s:v", "handler_name=Core Media Video"),
        out,
    )  # fmt: skip


def _m4a(d: Path, out: Path) -> None:
    ffmpeg(
        *AUDIO, "-i", d / "cover.png", "-map", "0", "-map", "1", "-c:a", "aac", "-c:v", "png",
        "-disposition:v", "attached_pic", *TAGS, out,
    )  # fmt: skip


def _3gp(d: Path, out: Path) -> None:
    # 3GPP keeps its title in a udta box that ffprobe does not show: only the box walk sees it
    ffmpeg(*VIDEO, *AUDIO, *X264, "-c:a", "aac", "-metadata", "title=Secret meeting", out)


def _mkv(d: Path, out: Path) -> None:
    ffmpeg(
        *VIDEO, *AUDIO, "-i", d / "sub.srt", "-i", d / "meta.txt",
        *("-map", "0", "-map", "1", "-map", "2", "-map_metadata", "3", "-map_chapters", "3"),
        *X264, "-c:a", "libvorbis", "-c:s", "srt",
        "-attach", d / "font.ttf", "-metadata:s:t:0", "mimetype=application/x-truetype-font",
        "-attach", d / "cover.png", "-metadata:s:t:1", "mimetype=image/png",
        "-metadata", "comment=at the plaza", "-metadata", "date=2024-05-01",
        "-metadata:s:a:0", "title=Alice's microphone", "-metadata:s:v:0", "language=spa", out,
    )  # fmt: skip


def _webm(d: Path, out: Path) -> None:
    ffmpeg(
        *VIDEO, *("-f", "lavfi", "-i", "sine=d=1:sample_rate=48000"),
        *("-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "100k"),
        "-c:a", "libopus", *TAGS, "-metadata:s:v:0", "title=camera 2", out,
    )  # fmt: skip


def _mp3(d: Path, out: Path) -> None:
    ffmpeg(
        *AUDIO, "-i", d / "cover.png", "-map", "0", "-map", "1", "-c:a", "libmp3lame", "-c:v", "png",
        "-disposition:v", "attached_pic", "-id3v2_version", "3", "-write_id3v1", "1", *TAGS, out,
    )  # fmt: skip


def _flac(d: Path, out: Path) -> None:
    ffmpeg(
        *AUDIO, "-i", d / "cover.png", "-map", "0", "-map", "1", "-c:a", "flac", "-c:v", "png",
        "-disposition:v", "attached_pic", *TAGS, out,
    )  # fmt: skip


def _ogg(d: Path, out: Path) -> None:
    ffmpeg(*AUDIO, "-c:a", "libvorbis", *TAGS, out)


def _opus(d: Path, out: Path) -> None:
    ffmpeg(*AUDIO, "-c:a", "libopus", *TAGS, out)


def _wav(d: Path, out: Path) -> None:
    ffmpeg(*AUDIO, "-c:a", "pcm_s16le", *TAGS, out)  # ffmpeg writes the tags as a LIST/INFO chunk


#: file name -> (how to make it, keys inspect must find; a key also matches as the end of a
#: longer key, so "subtitle" matches "video:stream:2:subtitle"; compared without case).
CORPUS: dict[str, tuple[Callable[[Path, Path], None], tuple[str, ...]]] = {
    "dirty.mp4": (
        _mp4,
        (
            *("tag:title", "tag:artist", "tag:comment", "tag:location", "tag:creation_time", "tag:encoder"),
            *("subtitle", "timecode", "cover-art", "mp4:moov/udta"),
        ),
    ),
    "dirty.mov": (
        _mov,
        (
            *("tag:com.apple.quicktime.make", "tag:com.apple.quicktime.model"),
            *("tag:com.apple.quicktime.software", "tag:com.apple.quicktime.location.ISO6709"),
            *("tag:com.apple.quicktime.creationdate", "video:stream:0:tag:handler_name"),
        ),
    ),
    "dirty.m4a": (_m4a, ("tag:title", "tag:artist", "tag:comment", "tag:date", "audio:stream:1:cover-art")),
    "dirty.3gp": (_3gp, ("mp4:moov/udta",)),
    "dirty.mkv": (
        _mkv,
        (
            *("tag:title", "tag:artist", "tag:comment", "tag:date", "attachment", "cover-art", "subtitle"),
            *("chapters", "video:stream:1:tag:title", "video:stream:0:tag:language"),
        ),
    ),
    "dirty.webm": (_webm, ("tag:title", "tag:artist", "tag:encoder", "video:stream:0:tag:title")),
    "dirty.mp3": (_mp3, ("tag:title", "tag:artist", "tag:comment", "cover-art", "id3v2", "id3v1")),
    "dirty.flac": (_flac, ("tag:title", "tag:artist", "tag:comment", "cover-art", "flac:picture")),
    "dirty.ogg": (_ogg, ("audio:stream:0:tag:title", "audio:stream:0:tag:artist", "tag:comment")),
    "dirty.opus": (_opus, ("audio:stream:0:tag:title", "audio:stream:0:tag:artist", "tag:comment")),
    "dirty.wav": (_wav, ("tag:title", "tag:artist", "tag:comment", "riff:LIST")),
}
VIDEO_FILES = ("dirty.mp4", "dirty.mov", "dirty.3gp", "dirty.mkv", "dirty.webm")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("av-corpus")
    _inputs(d)
    for name, (make, _) in CORPUS.items():
        make(d, d / name)
    return d


@pytest.fixture
def dirty(corpus: Path, tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    """A private copy of one corpus file, so a test may damage or rename it."""
    name: str = request.param
    copy = tmp_path / "in" / name
    copy.parent.mkdir()
    shutil.copyfile(corpus / name, copy)
    return copy


def matches(keys: list[str], wanted: str) -> bool:
    lowered = [k.lower() for k in keys]
    return any(k == wanted.lower() or k.endswith(":" + wanted.lower()) for k in lowered)


# -- read, clean, verify, per format -------------------------------------------------------


@pytest.mark.parametrize("dirty", list(CORPUS), indirect=True)
def test_inspect_finds_what_the_file_gives_away(dirty: Path) -> None:
    _, findings = inspect_file(dirty)
    keys = [f.key for f in findings]
    missing = [w for w in CORPUS[dirty.name][1] if not matches(keys, w)]
    assert missing == [], keys
    for finding in findings:
        assert len(finding.value) <= 80 and finding.value.isprintable()


def test_findings_say_what_they_reveal(corpus: Path) -> None:
    by_key = {f.key: f for f in inspect_file(corpus / "dirty.mp4")[1]}
    assert by_key["tag:location"].category == "location"
    assert by_key["tag:location"].value == GPS
    assert by_key["tag:artist"].category == "person"
    assert by_key["tag:creation_time"].category == "time"
    mov = {f.key: f.category for f in inspect_file(corpus / "dirty.mov")[1]}
    assert mov["tag:com.apple.quicktime.model"] == "device"
    assert mov["tag:com.apple.quicktime.software"] == "software"
    assert mov["tag:com.apple.quicktime.location.ISO6709"] == "location"


#: Tags ffmpeg writes into every clean file (see TECHNICAL_*_TAGS in av.py), checked here
#: independently: anything else in the output is a leak.
ALLOWED_FORMAT_TAGS = {"major_brand", "minor_version", "compatible_brands"}
ALLOWED_STREAM_TAGS = {
    ("language", "und"),
    ("handler_name", "VideoHandler"),
    ("handler_name", "SoundHandler"),
    ("vendor_id", "[0][0][0][0]"),
    ("vendor_id", "FFMP"),
}


def assert_ffprobe_clean(path: Path) -> list[str]:
    """Checks the clean file with ffprobe; returns the kinds of stream kept."""
    data = ffprobe(path)
    assert data["chapters"] == []
    fmt = data["format"]
    assert isinstance(fmt, dict)
    tags = {k.lower(): v for k, v in fmt.get("tags", {}).items()}
    assert tags.pop("encoder", "Lavf") == "Lavf"
    assert set(tags) <= ALLOWED_FORMAT_TAGS
    streams = data["streams"]
    assert isinstance(streams, list)
    for stream in streams:
        assert stream["codec_type"] in ("video", "audio"), stream
        assert stream["disposition"]["attached_pic"] == 0
        for key, value in stream.get("tags", {}).items():
            assert key == "DURATION" or (key, value) in ALLOWED_STREAM_TAGS, (key, value)
    return [str(s["codec_type"]) for s in streams]


#: exiftool tag names that must not appear in a clean file, and groups that are metadata only.
FORBIDDEN_WORDS: tuple[str, ...] = (
    "GPS",
    "Make",
    "Model",
    "Title",
    "Artist",
    "Comment",
    "Author",
    "Software",
    "Location",
)
FORBIDDEN_WORDS += ("Encoder", "Picture", "Attachment", "Chapter", "Subtitle", "Copyright", "Description")
FORBIDDEN_GROUPS = ("ID3", "APE", "XMP", "UserData", "ItemList", "Keys", "INFO")
#: Names caught by a forbidden word that only describe the file: ffmpeg's default handler
#: names, MP4's sample-group table and MP3's copyright bit when it is off.
EXIFTOOL_ALLOWED: dict[str, set[str] | None] = {
    "HandlerDescription": {"VideoHandler", "SoundHandler", "DataHandler"},
    "CopyrightFlag": {"False"},  # a bit in every MPEG audio frame header
    "SampleGroupDescription": None,
}


def _allowed(name: str, value: object) -> bool:
    if name not in EXIFTOOL_ALLOWED:
        return False
    values = EXIFTOOL_ALLOWED[name]
    return values is None or str(value) in values


def assert_exiftool_clean(path: Path) -> None:
    done = subprocess.run(
        ["exiftool", "-j", "-a", "-G1", "-u", str(path)], check=True, capture_output=True, timeout=60
    )
    (data,) = json.loads(done.stdout)
    leaks = []
    for key, value in data.items():
        group, _, name = key.rpartition(":")
        if group in ("System", "ExifTool", "File", "SourceFile") or key == "SourceFile":
            continue
        if _allowed(name, value):
            continue
        named = any(w.lower() in name.lower() for w in FORBIDDEN_WORDS) or group.startswith(FORBIDDEN_GROUPS)
        dated = "Date" in name and str(value) != "0000:00:00 00:00:00"
        if named or dated:
            leaks.append((key, value))
    assert leaks == []


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("dirty", list(CORPUS), indirect=True)
def test_clean_leaves_only_video_and_audio(dirty: Path, tmp_path: Path) -> None:
    before = sha256(dirty)
    kind, findings = inspect_file(dirty)
    out = tmp_path / "out" / dirty.name
    report = scrub_file(dirty, out, NO_FACES)
    assert report.status == "cleaned" and report.output == str(out.resolve())
    assert set(report.metadata_removed) >= {f.key for f in findings}
    assert sha256(dirty) == before, "the input must never change"
    assert inspect_file(out) == (kind, [])
    assert sorted(p.name for p in out.parent.iterdir()) == [dirty.name], "no temporary file left"
    kept = assert_ffprobe_clean(out)
    assert "audio" in kept
    assert ("video" in kept) == (dirty.name in VIDEO_FILES)
    if shutil.which("exiftool"):  # scripts/system-deps.sh test installs it
        assert_exiftool_clean(out)


@needs_exiftool
def test_exiftool_does_see_the_dirty_file(corpus: Path) -> None:
    """The exiftool check is not blind: it flags the dirty originals."""
    for name in ("dirty.mp4", "dirty.mov", "dirty.mp3", "dirty.wav"):
        with pytest.raises(AssertionError):
            assert_exiftool_clean(corpus / name)


@pytest.mark.parametrize(
    ("dirty", "brand"),
    [("dirty.mov", "qt  "), ("dirty.m4a", "M4A "), ("dirty.3gp", "3gp"), ("dirty.mp4", "isom")],
    indirect=["dirty"],
)
def test_a_file_keeps_its_container(dirty: Path, tmp_path: Path, brand: str) -> None:
    out = tmp_path / dirty.name
    scrub_file(dirty, out, NO_FACES)
    fmt = ffprobe(out)["format"]
    assert isinstance(fmt, dict)
    assert fmt["tags"]["major_brand"].startswith(brand)


@pytest.mark.parametrize(
    ("dirty", "doctype"), [("dirty.webm", b"webm"), ("dirty.mkv", b"matroska")], indirect=["dirty"]
)
def test_matroska_keeps_its_doctype(dirty: Path, tmp_path: Path, doctype: bytes) -> None:
    out = tmp_path / dirty.name
    scrub_file(dirty, out, NO_FACES)
    assert doctype in out.read_bytes()[:64]


def test_video_bitstream_loses_encoder_messages(corpus: Path, tmp_path: Path) -> None:
    # x264 writes its version and settings into an SEI message inside the video itself
    assert b"x264 - core" in (corpus / "dirty.mp4").read_bytes()
    out = tmp_path / "clean.mp4"
    scrub_file(corpus / "dirty.mp4", out, NO_FACES)
    assert b"x264" not in out.read_bytes()
    subprocess.run(["ffmpeg", "-v", "error", "-i", str(out), "-f", "null", "-"], check=True, timeout=60)


@pytest.mark.parametrize("dirty", ["dirty.mp4"], indirect=True)
def test_hostile_names_are_plain_paths(dirty: Path, tmp_path: Path) -> None:
    for name in ("-rf x.mp4", "concat:a|b.mp4", "niña en la plaza ñ.mp4"):
        src = dirty.with_name(name)
        shutil.copyfile(dirty, src)
        out = tmp_path / "out" / name
        assert scrub_file(src, out, NO_FACES).status == "cleaned"
        assert inspect_file(out)[1] == []


# -- options --------------------------------------------------------------------------------


@pytest.mark.parametrize("dirty", ["dirty.mp4", "dirty.mkv"], indirect=True)
def test_drop_audio_removes_the_audio(dirty: Path, tmp_path: Path) -> None:
    out = tmp_path / dirty.name
    report = scrub_file(dirty, out, Options(faces=False, drop_audio=True))
    assert [s["codec_type"] for s in streams_of(out)] == ["video"]
    assert "video:stream:1:audio" in report.metadata_removed


@pytest.mark.parametrize("dirty", ["dirty.wav"], indirect=True)
def test_dropping_the_only_stream_is_refused(dirty: Path, tmp_path: Path) -> None:
    with pytest.raises(ScrubError) as info:
        scrub_file(dirty, tmp_path / "out.wav", Options(faces=False, drop_audio=True))
    assert info.value.code == "scrub.no_media_streams"
    assert list(tmp_path.glob("*.wav")) == []


@pytest.mark.parametrize("dirty", VIDEO_FILES, indirect=True)
def test_video_with_faces_on_is_masked_and_clean(dirty: Path, tmp_path: Path) -> None:
    """Faces on (the default): the picture is decoded, searched and re-encoded; the file
    keeps its container, its sound, and loses everything else as with --no-faces."""
    kind, findings = inspect_file(dirty)
    out = tmp_path / "out" / dirty.name
    report = scrub_file(dirty, out, Options())
    assert report.status == "cleaned"
    assert set(report.metadata_removed) >= {f.key for f in findings}
    assert report.as_dict()["faces"] == [] and report.as_dict()["faces_masked"] == report.faces_masked
    assert inspect_file(out) == (kind, [])
    assert sorted(p.name for p in out.parent.iterdir()) == [dirty.name], "no temporary file left"
    assert sorted(assert_ffprobe_clean(out)) == ["audio", "video"]
    codec = next(s["codec_name"] for s in streams_of(out) if s["codec_type"] == "video")
    assert codec == ("vp9" if dirty.suffix == ".webm" else "h264")
    if shutil.which("exiftool"):
        assert_exiftool_clean(out)


@pytest.mark.parametrize("dirty", ["dirty.mp3", "dirty.m4a", "dirty.flac"], indirect=True)
def test_audio_with_cover_art_is_not_video(dirty: Path, tmp_path: Path) -> None:
    out = tmp_path / dirty.name
    assert scrub_file(dirty, out, Options()).status == "cleaned"
    assert [s["codec_type"] for s in streams_of(out)] == ["audio"]


# -- refusals -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "damage"),
    [
        ("dirty.mp4", lambda b: b[:3000]),
        ("dirty.mkv", lambda b: b[:4] + bytes(range(256)) * 8),
        ("dirty.mp3", lambda b: b"ID3\x03\x00\x00\x00\x00\x00\x10" + bytes(range(256)) * 8),
        ("dirty.flac", lambda b: b"fLaC" + b"\xff" * 500),
        ("dirty.ogg", lambda b: b"OggS" + b"\x00" * 500),
        ("dirty.wav", lambda b: b[:12] + b"junk" * 50),
    ],
)
def test_corrupt_file_is_refused(
    corpus: Path, tmp_path: Path, name: str, damage: Callable[[bytes], bytes]
) -> None:
    bad = tmp_path / name
    bad.write_bytes(damage((corpus / name).read_bytes()))
    with pytest.raises(ScrubError) as info:
        inspect_file(bad)
    assert info.value.code == "scrub.corrupt"
    out = tmp_path / "out" / name
    with pytest.raises(ScrubError) as info:
        scrub_file(bad, out, NO_FACES)
    assert info.value.code == "scrub.corrupt"
    assert not out.exists()


def test_a_file_with_no_video_or_audio_is_refused(corpus: Path, tmp_path: Path) -> None:
    only_subtitles = tmp_path / "subs.mkv"
    ffmpeg("-i", corpus / "sub.srt", "-c:s", "srt", only_subtitles)
    assert "audio:stream:0:subtitle" in [f.key for f in inspect_file(only_subtitles)[1]]
    with pytest.raises(ScrubError) as info:
        scrub_file(only_subtitles, tmp_path / "out.mkv", NO_FACES)
    assert info.value.code == "scrub.no_media_streams"


@pytest.mark.parametrize("dirty", ["dirty.mp4"], indirect=True)
def test_missing_ffmpeg_is_a_clear_error(
    dirty: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(ScrubError) as info:
        scrub_file(dirty, tmp_path / "out.mp4", NO_FACES)
    assert info.value.code == "scrub.tool_missing"
    assert "ffprobe" in info.value.english()


@pytest.mark.parametrize("dirty", ["dirty.mkv"], indirect=True)
def test_ffmpeg_failure_leaves_no_output(dirty: Path, tmp_path: Path) -> None:
    # H.264 cannot go into WebM: a .webm holding it cannot be rewritten as WebM, so it is refused
    fake = dirty.with_suffix(".webm")
    dirty.rename(fake)
    out = tmp_path / "out" / "fake.webm"
    with pytest.raises(ScrubError) as info:
        scrub_file(fake, out, NO_FACES)
    assert info.value.code == "scrub.failed_media"
    assert list(out.parent.iterdir()) == []


# -- what ffprobe does not show ---------------------------------------------------------------


def _riff_with(src: Path, dst: Path, chunk: bytes, payload: bytes) -> None:
    data = src.read_bytes()
    body = data[12:] + chunk + struct.pack("<I", len(payload)) + payload + b"\x00" * (len(payload) & 1)
    dst.write_bytes(b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WAVE" + body)


def _flac_with_application_block(src: Path, dst: Path) -> None:
    data = src.read_bytes()
    length = int.from_bytes(data[5:8], "big")
    streaminfo = bytes([data[4] & 0x7F]) + data[5 : 8 + length]  # no longer the last block
    app = b"ALCE" + b"recorded by Alice on the square"
    block = bytes([0x02]) + len(app).to_bytes(3, "big") + app
    rest = data[8 + length :]
    if data[4] & 0x80:  # streaminfo was the last block: the new one is
        block = bytes([0x82]) + block[1:]
    dst.write_bytes(b"fLaC" + streaminfo + block + rest)


def _mp4_with_box(src: Path, dst: Path, box: bytes, payload: bytes) -> None:
    dst.write_bytes(src.read_bytes() + struct.pack(">I", 8 + len(payload)) + box + payload)


#: A Broadcast WAVE description: 602 bytes, who recorded what, where and when.
BEXT = b"".join(
    (
        b"March on the square".ljust(256, b"\x00"),
        b"Alice's recorder".ljust(32, b"\x00"),
        b"REF-0001".ljust(32, b"\x00"),
        b"2024-05-0110:00:00",
        bytes(8 + 2 + 64 + 190),
    )
)
XMP = b"\xbe\x7a\xcf\xcb\x97\xa9\x42\xe8\x9c\x71\x99\x94\x91\xe3\xaf\xac<x:xmpmeta>Alice</x:xmpmeta>"


@pytest.mark.parametrize(
    ("source", "name", "make", "key"),
    [
        (
            "dirty.wav",
            "bext.wav",
            lambda s, d: _riff_with(s, d, b"bext", BEXT),
            "riff:bext",
        ),
        (
            "dirty.wav",
            "ixml.wav",
            lambda s, d: _riff_with(s, d, b"iXML", b"<BWFXML>plaza</BWFXML>"),
            "riff:iXML",
        ),
        ("dirty.flac", "app.flac", _flac_with_application_block, "flac:application"),
        ("dirty.mp4", "xmp.mp4", lambda s, d: _mp4_with_box(s, d, b"uuid", XMP), "mp4:uuid"),
        ("dirty.mp4", "free.mp4", lambda s, d: _mp4_with_box(s, d, b"free", b"GPS +40.41-3.70"), "mp4:free"),
    ],
)
def test_hidden_structures_are_found_and_removed(
    corpus: Path, tmp_path: Path, source: str, name: str, make: Callable[[Path, Path], None], key: str
) -> None:
    hidden = tmp_path / name
    make(corpus / source, hidden)
    assert key in [f.key for f in inspect_file(hidden)[1]]
    out = tmp_path / "out" / name
    report = scrub_file(hidden, out, NO_FACES)
    assert key in report.metadata_removed
    assert inspect_file(out)[1] == []


def test_empty_padding_is_not_a_finding(corpus: Path, tmp_path: Path) -> None:
    padded = tmp_path / "padded.mp4"
    _mp4_with_box(corpus / "dirty.mp4", padded, b"free", b"\x00" * 64)
    clean = tmp_path / "clean.mp4"
    scrub_file(padded, clean, NO_FACES)
    again = tmp_path / "again.mp4"
    _mp4_with_box(clean, again, b"free", b"\x00" * 64)
    assert inspect_file(again)[1] == []


# -- the pieces ------------------------------------------------------------------------------


def _stream(index: int, codec_type: str, tag: str = "", **tags: str) -> MediaStream:
    return MediaStream(index, codec_type, "", tag, attached_pic=False, tags=tags)


def test_telemetry_tracks_are_location() -> None:
    info = MediaProbe(
        format_name="mov,mp4",
        tags={"major_brand": "mp41"},
        streams=(
            _stream(0, "video", handler_name="VideoHandler", language="und"),
            _stream(1, "audio", handler_name="GoPro AAC"),
            _stream(2, "data", "tmcd"),
            _stream(3, "data", "gpmd", handler_name="GoPro MET"),
            _stream(4, "data", "camm"),
        ),
        chapters=(),
    )
    found = {f.key: f for f in findings_from_probe(info, "mp4")}
    assert set(found) == {
        "video:stream:1:tag:handler_name",
        "video:stream:2:timecode",
        "video:stream:3:telemetry",
        "video:stream:4:telemetry",
    }
    assert found["video:stream:3:telemetry"].category == "location"
    assert "GoPro MET" in found["video:stream:3:telemetry"].value


def test_values_are_short_and_printable() -> None:
    info = MediaProbe("mp3", {"comment": "line\none\x00" + "x" * 200}, (_stream(0, "audio"),), ())
    (finding,) = findings_from_probe(info, "mp3")
    assert len(finding.value) == 80 and finding.value.isprintable()


def test_output_format_follows_the_input(tmp_path: Path) -> None:
    def info(brand: str) -> MediaProbe:
        return MediaProbe("mov", {"major_brand": brand}, (), ())

    assert output_format("mp4", Path("a.mov")) == "mov"
    assert output_format("mp4", Path("a.M4A")) == "ipod"
    assert output_format("mp4", Path("a.m4v")) == "mp4"
    assert output_format("mp4", Path("noext"), info("qt  ")) == "mov"
    assert output_format("mp4", Path("noext"), info("3gp5")) == "3gp"
    assert output_format("mp4", Path("noext"), info("isom")) == "mp4"
    assert output_format("matroska", Path("a.webm")) == "webm"
    assert output_format("matroska", Path("a.mka")) == "matroska"
    assert output_format("ogg", Path("a.opus")) == "opus"
    assert output_format("ogg", Path("a.oga")) == "ogg"
    assert output_format("flac", Path("a.flac")) == "flac"
    bare = tmp_path / "noext"
    bare.write_bytes(b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm")
    assert output_format("matroska", bare) == "webm"


def test_remux_takes_streams_from_several_inputs(corpus: Path, tmp_path: Path) -> None:
    """The seam for masked video: picture from one file, sound from another."""
    video = probe(corpus / "dirty.mp4", "mp4").streams[0]
    sound = probe(corpus / "dirty.wav", "wav").streams[0]
    out = tmp_path / "joined.mkv"
    remux(
        [(corpus / "dirty.mp4", "mov"), (corpus / "dirty.wav", "wav")],
        [(0, video), (1, sound)],
        out,
        "matroska",
    )
    assert [(s["codec_type"], s["codec_name"]) for s in streams_of(out)] == [
        ("video", "h264"),
        ("audio", "pcm_s16le"),
    ]
    assert AudioVideoHandler().inspect(out, "matroska") == []


def _jpeg_with_exif(d: Path) -> Path:
    ffmpeg("-f", "lavfi", "-i", "testsrc=s=64x64", "-frames:v", "1", d / "frame.jpg")
    jpeg = (d / "frame.jpg").read_bytes()
    exif = b"Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08\x00\x00GPS +40.41-3.70 Alice"
    comment = b"Alice's camera"
    segments = b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif
    segments += b"\xff\xfe" + struct.pack(">H", len(comment) + 2) + comment
    (d / "frame.jpg").write_bytes(jpeg[:2] + segments + jpeg[2:])
    return d / "frame.jpg"


def test_motion_jpeg_frames_lose_their_exif(tmp_path: Path) -> None:
    """Cameras that record Motion JPEG can put EXIF (GPS) into every frame: the frames are
    re-encoded, not copied."""
    mov = tmp_path / "camera.mov"
    ffmpeg("-loop", "1", "-framerate", "5", "-i", _jpeg_with_exif(tmp_path), "-t", "1", "-c:v", "copy", mov)
    assert b"Alice" in mov.read_bytes()
    found = {f.key: f.value for f in inspect_file(mov)[1]}
    assert found["video:stream:0:frame-metadata"].startswith("APP1 Exif")
    out = tmp_path / "out" / "camera.mov"
    report = scrub_file(mov, out, NO_FACES)
    assert "video:stream:0:frame-metadata" in report.metadata_removed
    assert b"Alice" not in out.read_bytes() and b"Exif" not in out.read_bytes()
    assert [(s["codec_type"], s["codec_name"], s["nb_frames"]) for s in streams_of(out)] == [
        ("video", "mjpeg", "5")
    ]
    if shutil.which("exiftool"):
        assert_exiftool_clean(out)


def test_frame_metadata_names_what_it_finds() -> None:
    text = b"Comment\x00Alice"
    chunk = struct.pack(">I", len(text)) + b"tEXt" + text + b"\x00\x00\x00\x00"
    ihdr = struct.pack(">I", 13) + b"IHDR" + bytes(13) + bytes(4)
    assert frame_metadata(b"\x89PNG\r\n\x1a\n" + ihdr + chunk) == ["tEXt"]
    app0 = b"\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    icc = b"\xff\xe2\x00\x10ICC_PROFILE\x00\x01\x01"
    assert frame_metadata(b"\xff\xd8" + app0 + icc + b"\xff\xda\x00\x02") == ["APP2 ICC_PROFILE"]
    assert frame_metadata(b"\xff\xd8" + app0 + b"\xff\xda\x00\x02") == []


@needs_exiftool
@pytest.mark.parametrize("dirty", ["dirty.mp4"], indirect=True)
def test_rotation_survives(dirty: Path, tmp_path: Path) -> None:
    """A phone video stored sideways must still play upright after cleaning."""
    subprocess.run(
        ["exiftool", "-q", "-overwrite_original", "-Rotation=90", str(dirty)], check=True, timeout=60
    )
    out = tmp_path / dirty.name
    scrub_file(dirty, out, NO_FACES)
    done = subprocess.run(
        ["exiftool", "-s3", "-Rotation", str(out)], check=True, capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip() == "90"


def test_huge_frames_that_would_be_decoded_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Motion JPEG frames are decoded to be re-encoded: a declared size past the limit is a bomb.
    (The limit is lowered here so the fixture stays tiny.)"""
    mov = tmp_path / "camera.mov"
    ffmpeg("-loop", "1", "-framerate", "5", "-i", _jpeg_with_exif(tmp_path), "-t", "1", "-c:v", "copy", mov)
    monkeypatch.setattr(av, "MAX_FRAME_PIXELS", 64 * 64 - 1)
    out = tmp_path / "out" / "camera.mov"
    with pytest.raises(ScrubError) as info:
        scrub_file(mov, out, NO_FACES)
    assert info.value.code == "scrub.decompression_bomb"
    assert not out.exists()


# -- faces in video ---------------------------------------------------------------------------

np = pytest.importorskip("numpy")
pytest.importorskip("onnxruntime")

#: (centre x, centre y, height) of two drawn faces on frame 0 of a 320x240 clip; the first
#: walks right by FACE_STEP pixels a frame.
CLIP_FACES = ((100, 110, 40), (240, 150, 30))
FACE_STEP = 4
CLIP_FRAMES = 12


def _drawn_frames(d: Path, size: tuple[int, int] = (320, 240), turn: int = 0) -> Path:
    """PNG frames with drawn faces (the same cartoon test_faces.py uses); ``turn`` stores each
    frame turned counter-clockwise, as a phone stores a portrait video."""
    from PIL import Image, ImageDraw

    from tests.support.media_files import draw_face

    for i in range(CLIP_FRAMES):
        image = Image.new("RGB", size, (90, 120, 90))
        draw = ImageDraw.Draw(image)
        for n, (cx, cy, s) in enumerate(CLIP_FACES):
            draw_face(draw, cx + (FACE_STEP * i if n == 0 else 0), cy, s)
        if turn:
            image = image.rotate(turn, expand=True)
        image.save(d / f"frame{i:02d}.png")
    return d / "frame%02d.png"


def _faces_clip(d: Path, name: str, *extra: str, turn: int = 0, size: tuple[int, int] = (320, 240)) -> Path:
    frames = _drawn_frames(d, size, turn)
    out = d / name
    ffmpeg(
        "-framerate", "10", "-i", frames, *AUDIO, *X264, "-pix_fmt", "yuv420p", "-c:a", "aac",
        "-shortest", *TAGS, *extra, out,
    )  # fmt: skip
    return out


def _decoded(path: Path) -> list[Any]:
    info = streams_of(path)[0]
    width, height = int(info["width"]), int(info["height"])
    done = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(path), "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return list(np.frombuffer(done.stdout, np.uint8).reshape(-1, height, width, 3))


def _face_centre(frame: Any, i: int, n: int) -> Any:
    cx, cy, s = CLIP_FACES[n]
    cx += FACE_STEP * i if n == 0 else 0
    half = max(2, int(s * 0.25))
    return frame[cy - half : cy + half, cx - half : cx + half]


def test_faces_are_masked_on_every_frame_and_the_sound_is_kept(tmp_path: Path) -> None:
    src = _faces_clip(tmp_path, "faces.mp4")
    seen: list[tuple[Path, int, int]] = []
    out = tmp_path / "out" / "faces.mp4"
    report = scrub_file(src, out, Options(progress=lambda p, done, total: seen.append((p, done, total))))
    assert report.faces_masked >= len(CLIP_FACES)
    assert report.faces == () and report.as_dict()["faces"] == []
    assert inspect_file(out)[1] == []
    assert sorted(assert_ffprobe_clean(out)) == ["audio", "video"]
    frames = _decoded(out)
    assert len(frames) == CLIP_FRAMES
    originals = _decoded(src)
    for i, frame in enumerate(frames):
        for n in range(len(CLIP_FACES)):
            assert _face_centre(frame, i, n).max() <= 40, f"face {n} shows on frame {i}"
            assert _face_centre(originals[i], i, n).max() > 100  # the check is not blind
    # the background away from the faces is untouched
    assert np.abs(frames[0][200:, :40].astype(int) - originals[0][200:, :40]).mean() < 6
    # progress: frames done only grow, and the last call says all are done
    assert seen and seen[-1] == (src.resolve(), CLIP_FRAMES, CLIP_FRAMES)
    assert [d for _, d, _ in seen] == sorted(d for _, d, _ in seen)


def test_faces_in_video_with_the_sound_dropped_and_a_mosaic(tmp_path: Path) -> None:
    src = _faces_clip(tmp_path, "faces.mkv")
    out = tmp_path / "out" / "faces.mkv"
    scrub_file(src, out, Options(drop_audio=True, mask_style="mosaic"))
    assert [s["codec_type"] for s in streams_of(out)] == ["video"]
    assert b"matroska" in out.read_bytes()[:64]
    originals = _decoded(src)
    for i, frame in enumerate(_decoded(out)):
        region, before = _face_centre(frame, i, 0).astype(int), _face_centre(originals[i], i, 0).astype(int)
        assert region.max() > 40, "a mosaic, not a black box"
        assert np.abs(region - before).mean() > 12, f"the face is not what it was on frame {i}"


@needs_exiftool
def test_a_rotated_phone_video_comes_out_upright_with_its_faces_masked(tmp_path: Path) -> None:
    """Stored sideways (portrait pixels of a landscape scene, a display matrix saying "turn
    90 degrees clockwise"), shown upright: the faces are searched and masked where a viewer
    sees them, and the output is stored upright with no rotation left to apply."""
    src = _faces_clip(tmp_path, "phone.mp4", turn=90)
    subprocess.run(
        ["exiftool", "-q", "-overwrite_original", "-Rotation=90", str(src)], check=True, timeout=60
    )
    stored = streams_of(src)[0]
    assert (stored["width"], stored["height"]) == (240, 320)
    assert any(side.get("rotation") for side in stored.get("side_data_list", [])), "the test is not blind"
    out = tmp_path / "out" / "phone.mp4"
    scrub_file(src, out, Options())
    upright = streams_of(out)[0]
    assert (upright["width"], upright["height"]) == (320, 240)
    assert not upright.get("side_data_list")
    for i, frame in enumerate(_decoded(out)):
        for n in range(len(CLIP_FACES)):
            assert _face_centre(frame, i, n).max() <= 40, f"face {n} shows on frame {i}"


def test_an_undecodable_picture_is_refused_with_no_output(tmp_path: Path) -> None:
    src = _faces_clip(tmp_path, "faces.mp4")
    data = bytearray(src.read_bytes())
    start = data.find(b"mdat") + 4
    data[start : start + 4000] = bytes(4000)  # the first frames' bytes, zeroed
    broken = tmp_path / "broken.mp4"
    broken.write_bytes(bytes(data))
    out = tmp_path / "out" / "broken.mp4"
    with pytest.raises(ScrubError) as info:
        scrub_file(broken, out, Options())
    assert info.value.code in ("scrub.video_failed", "scrub.corrupt")
    assert not out.parent.exists() or list(out.parent.iterdir()) == []


def test_an_encoder_failure_is_refused_with_no_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from resguardo.scrub.media import video

    src = _faces_clip(tmp_path, "faces.mp4")
    monkeypatch.setattr(video, "X264", video.Encoding("h264", ("-c:v", "no-such-encoder")))
    out = tmp_path / "out" / "faces.mp4"
    with pytest.raises(ScrubError) as info:
        scrub_file(src, out, Options())
    assert info.value.code == "scrub.video_failed"
    assert list(out.parent.iterdir()) == []


def test_a_detector_failure_in_the_scanning_thread_is_raised_with_no_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The detector runs in a thread of its own: its failure must reach the caller (here the
    model going missing mid-video) and stop the decoders, leaving no output behind."""
    from resguardo.scrub.media import video

    src = _faces_clip(tmp_path, "faces.mp4")
    calls: list[int] = []

    def flaky(detector: object, frame: object, width: int, height: int) -> list[object]:
        calls.append(1)
        if len(calls) == 2:
            raise ScrubError("model gone", code="scrub.faces_unavailable")
        return []

    monkeypatch.setattr(video, "_detect", flaky)
    out = tmp_path / "out" / "faces.mp4"
    with pytest.raises(ScrubError) as info:
        scrub_file(src, out, Options())
    assert info.value.code == "scrub.faces_unavailable"
    assert list(out.parent.iterdir()) == []
    assert not [t for t in threading.enumerate() if t.name == "resguardo-video-scan"]
