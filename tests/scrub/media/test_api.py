"""The scrubber's core: sniffing by content, refusals, atomic output, batches."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from resguardo.errors import ScrubError
from resguardo.scrub.media import Options, collect_inputs, scrub_file, scrub_many
from resguardo.scrub.media.registry import sniff


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("a.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 20, "jpeg"),
        ("a.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "png"),
        ("a.webp", b"RIFF\x00\x00\x00\x00WEBPVP8 ", "webp"),
        ("a.wav", b"RIFF\x00\x00\x00\x00WAVEfmt ", "wav"),
        ("a.gif", b"GIF89a" + b"\x00" * 10, "gif"),
        ("a.tif", b"II*\x00" + b"\x00" * 10, "tiff"),
        ("a.heic", b"\x00\x00\x00\x18ftypheic" + b"\x00" * 10, "heif"),
        ("a.mov", b"\x00\x00\x00\x14ftypqt  " + b"\x00" * 10, "mp4"),
        ("a.webm", b"\x1a\x45\xdf\xa3" + b"\x00" * 10, "matroska"),
        ("a.mp3", b"ID3\x04" + b"\x00" * 10, "mp3"),
        ("a.flac", b"fLaC" + b"\x00" * 10, "flac"),
        ("a.ogg", b"OggS" + b"\x00" * 10, "ogg"),
        ("a.pdf", b"%PDF-1.7\n", "pdf"),
        ("noext", b"%PDF-1.7\n", "pdf"),
    ],
)
def test_kind_comes_from_content(tmp_path: Path, name: str, data: bytes, kind: str) -> None:
    assert sniff(write(tmp_path / name, data)) == kind


def test_office_files_are_told_apart(tmp_path: Path) -> None:
    import zipfile

    docx = tmp_path / "a.docx"
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    odt = tmp_path / "a.odt"
    with zipfile.ZipFile(odt, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    plain_zip = tmp_path / "a.zip"
    with zipfile.ZipFile(plain_zip, "w") as z:
        z.writestr("x.txt", "x")
    assert sniff(docx) == "ooxml"
    assert sniff(odt) == "odf"
    with pytest.raises(ScrubError) as info:
        sniff(plain_zip)
    assert info.value.code == "scrub.unsupported_type"


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("notes.txt", "Reunión el martes, llamar a Ana".encode(), "scrub.text_file"),
        ("empty.jpg", b"", "scrub.empty"),
        ("photo.jpg", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "scrub.wrong_extension"),
        ("blob.bin", bytes(range(256)) * 4, "scrub.unsupported_type"),
        ("-rf x.jpg", b"<html><script>alert(1)</script>", "scrub.text_file"),
    ],
)
def test_refusals_have_codes_and_leave_nothing(tmp_path: Path, name: str, data: bytes, code: str) -> None:
    src = write(tmp_path / "in" / name, data)
    out = tmp_path / "out"
    with pytest.raises(ScrubError) as info:
        scrub_file(src, out / name, Options())
    assert info.value.code == code
    assert not out.exists() or list(out.iterdir()) == []
    assert src.read_bytes() == data


def test_output_may_not_overwrite_the_input(tmp_path: Path) -> None:
    src = write(tmp_path / "a.pdf", b"%PDF-1.7\n")
    with pytest.raises(ScrubError) as info:
        scrub_file(src, src, Options())
    assert info.value.code in {"scrub.same_file", "scrub.unsupported_type"}


def test_errors_survive_process_boundaries() -> None:
    error = ScrubError("%(file)s is empty.", code="scrub.empty", params={"file": "x.jpg"})
    copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own object, round-tripped
    assert (copy.code, copy.message, copy.params, type(copy)) == (
        error.code,
        error.message,
        error.params,
        ScrubError,
    )


def test_folders_are_mirrored(tmp_path: Path) -> None:
    root = tmp_path / "event"
    write(root / "day 1" / "a.txt", b"x")
    write(root / "b.txt", b"y")
    single = write(tmp_path / "c.txt", b"z")
    pairs = [(src.name, str(rel)) for src, rel in collect_inputs([root, single])]
    assert pairs == [("b.txt", "event/b.txt"), ("a.txt", "event/day 1/a.txt"), ("c.txt", "c.txt")]


def test_batch_reports_every_file_in_order_in_parallel(tmp_path: Path) -> None:
    files = [write(tmp_path / "in" / f"{i}.txt", b"text") for i in range(4)]
    reports = scrub_many([(f, Path(f.name)) for f in files], tmp_path / "out", Options(), workers=2)
    assert [Path(r.input).name for r in reports] == [f.name for f in files]
    assert all(r.status == "refused" and r.error_code == "scrub.text_file" for r in reports)
    assert all(r.error is not None and "redact" in r.error.english() for r in reports)
