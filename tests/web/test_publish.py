"""The Publish safely page: upload, review, consent, extra rectangles, download, cleanup."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from PIL import Image

from resguardo.scrub.media import faces as REAL_FACES
from resguardo.scrub.media.base import Box
from tests.web.conftest import set_language

pytestmark = pytest.mark.django_db

FACES = [Box(20, 20, 30, 30), Box(120, 40, 30, 30)]


@pytest.fixture(autouse=True)
def fixed_detector(monkeypatch: pytest.MonkeyPatch) -> None:
    """A deterministic stand-in for the face model: two faces at known places."""
    import sys
    import types

    module = types.ModuleType("resguardo.scrub.media.faces")
    module.detect_faces = lambda image: list(FACES)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "resguardo.scrub.media.faces", module)


def photo_with_gps() -> io.BytesIO:
    image = Image.new("RGB", (200, 120), (200, 180, 160))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Phone 15"  # Model
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (19.0, 25.0, 57.0), "W", (99.0, 7.0, 59.0)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, quality=95)
    buffer.seek(0)
    buffer.name = "march.jpg"
    return buffer


def folders() -> list[Path]:
    root = Path(settings.DATA_DIR) / "publish"
    return list(root.iterdir()) if root.exists() else []


def test_review_consent_extra_rectangle_and_download(client_in: Client) -> None:
    before = set(folders())
    r = client_in.post("/publish/upload/", {"file": photo_with_gps(), "faces": "on", "action": "review"})
    assert r.status_code == 302
    review = client_in.get(r["Location"])
    html = review.content.decode()
    assert review.status_code == 200
    assert "exif:GPSInfo" in html or "GPS" in html
    assert 'name="keep" value="1"' in html and 'name="keep" value="2"' in html
    preview = client_in.get(r["Location"] + "preview.jpg")
    assert preview["Content-Type"] == "image/jpeg"
    assert not Image.open(io.BytesIO(preview.content)).getexif()
    cleaned = client_in.post(
        r["Location"] + "clean/",
        {"keep": ["1"], "extra-0-x": "80", "extra-0-y": "90", "extra-0-w": "10", "extra-0-h": "10"},
    )
    assert cleaned.status_code == 200 and "attachment" in cleaned["Content-Disposition"]
    out = Image.open(io.BytesIO(b"".join(cleaned.streaming_content)))
    assert out.format == "JPEG" and not out.getexif()
    pixels = out.convert("RGB")
    assert sum(pixels.getpixel((135, 55))) < 60  # face 2 masked (solid black)
    assert sum(pixels.getpixel((35, 35))) > 400  # face 1 kept: that person consented
    assert sum(pixels.getpixel((85, 95))) < 60  # the extra rectangle
    assert set(folders()) == before  # nothing left on the server
    assert client_in.get(r["Location"]).status_code == 404


def test_clean_everything_now_without_review(client_in: Client) -> None:
    r = client_in.post("/publish/upload/", {"file": photo_with_gps(), "faces": "on", "action": "now"})
    assert r.status_code == 200
    out = Image.open(io.BytesIO(b"".join(r.streaming_content))).convert("RGB")
    assert sum(out.getpixel((35, 35))) < 60 and sum(out.getpixel((135, 55))) < 60


def test_text_is_refused_and_nothing_stays(client_in: Client) -> None:
    before = set(folders())
    text = io.BytesIO(b"Ana vive en Calle 5")
    text.name = "notas.txt"
    r = client_in.post("/publish/upload/", {"file": text, "action": "review"})
    assert r.status_code == 400 and b"scrub.text_file" in r.content
    assert set(folders()) == before


def test_bad_rectangle_is_refused_in_spanish(client_in: Client) -> None:
    set_language(client_in, "es")
    r = client_in.post("/publish/upload/", {"file": photo_with_gps(), "faces": "on", "action": "review"})
    bad = client_in.post(
        r["Location"] + "clean/", {"extra-0-x": "190", "extra-0-y": "0", "extra-0-w": "50", "extra-0-h": "5"}
    )
    assert bad.status_code == 400
    assert b"publish.bad_rectangle" in bad.content and "rectángulo".encode() in bad.content


def test_uploads_belong_to_one_session(client_in: Client, owner: Any) -> None:
    r = client_in.post("/publish/upload/", {"file": photo_with_gps(), "faces": "on", "action": "review"})
    other = Client()
    other.force_login(owner)
    assert other.get(r["Location"]).status_code == 404
    assert other.post(r["Location"] + "clean/").status_code == 404
    assert client_in.get("/publish/../plans/").status_code in (301, 302, 404)


def test_missing_file(client_in: Client) -> None:
    r = client_in.post("/publish/upload/", {"action": "review"})
    assert r.status_code == 400 and b"publish.no_file" in r.content


def test_the_ticked_faces_box_masks_faces_despite_its_hidden_companion(client_in: Client) -> None:
    """The form sends the checkbox's "on" and a hidden "off" after it: ticked means masked."""
    ticked = client_in.post(
        "/publish/upload/", {"file": photo_with_gps(), "faces": ["on", "off"], "action": "review"}
    )
    assert "Every one will be masked" in client_in.get(ticked["Location"]).content.decode()
    unticked = client_in.post(
        "/publish/upload/", {"file": photo_with_gps(), "faces": "off", "action": "review"}
    )
    assert "You chose not to mask faces." in client_in.get(unticked["Location"]).content.decode()


@pytest.mark.skipif(not shutil.which("ffmpeg"), reason="needs ffmpeg (scripts/system-deps.sh installs it)")
def test_a_video_review_says_every_face_is_masked(client_in: Client, tmp_path: Path) -> None:
    clip = tmp_path / "march.mp4"
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-f",
            "lavfi",
            "-i",
            "testsrc=s=64x64:d=0.5",
            "-pix_fmt",
            "yuv420p",
            str(clip),
        ],
        check=True,
        timeout=60,
    )
    with clip.open("rb") as handle:
        r = client_in.post("/publish/upload/", {"file": handle, "action": "review"})
    html = client_in.get(r["Location"]).content.decode()
    assert "All faces are masked, on every frame of the video." in html
    assert 'name="keep"' not in html


def _clip(tmp_path: Path, seconds: float = 1.0) -> Path:
    clip = tmp_path / "march.mp4"
    subprocess.run(
        [
            "ffmpeg", "-v", "error", "-f", "lavfi", "-i", f"testsrc=s=96x64:d={seconds}:r=10",
            "-pix_fmt", "yuv420p", "-metadata", "title=Secret meeting", "-metadata", "artist=Ana Pérez",
            str(clip),
        ],
        check=True,
        timeout=60,
    )  # fmt: skip
    return clip


def _wait_for(client: Client, url: str, text: str) -> str:
    import time

    deadline = time.monotonic() + 120
    while True:
        page = client.get(url)
        html = page.content.decode()
        if page.status_code != 200 or text in html or time.monotonic() > deadline:
            return html
        time.sleep(0.1)


@pytest.mark.skipif(not shutil.which("ffmpeg"), reason="needs ffmpeg (scripts/system-deps.sh installs it)")
def test_a_video_is_cleaned_in_the_background_and_downloaded_once(
    client_in: Client, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "resguardo.scrub.media.faces", REAL_FACES)
    with _clip(tmp_path).open("rb") as handle:
        r = client_in.post("/publish/upload/", {"file": handle, "faces": "on", "action": "review"})
    review = r["Location"]
    started = client_in.post(review + "clean/", {"mask_style": "solid", "drop_audio": "on"})
    assert started.status_code == 302 and started["Location"] == review + "progress/"
    html = _wait_for(client_in, review + "progress/", "The video is clean")
    assert "The video is clean" in html and 'http-equiv="refresh"' not in html
    # the original is gone as soon as the clean copy exists
    (folder,) = [f for f in folders() if review.rstrip("/").endswith(f.name)]
    assert not any((folder / "in").iterdir())
    assert client_in.get(review + "download/").status_code == 405  # a GET (a prefetch) takes nothing
    got = client_in.post(review + "download/")
    assert got.status_code == 200 and got["Cache-Control"] == "no-store"
    cleaned = tmp_path / "cleaned.mp4"
    cleaned.write_bytes(b"".join(got.streaming_content))
    probe = subprocess.run(
        ["ffprobe", "-v", "error", "-show_format", "-show_streams", "-of", "json", str(cleaned)],
        check=True, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert "Secret meeting" not in probe.stdout and "Ana" not in probe.stdout
    assert '"codec_type": "video"' in probe.stdout
    assert not folder.exists()
    assert client_in.get(review + "progress/").status_code == 404


def test_progress_shows_frames_and_time_left_and_reloads_itself(client_in: Client) -> None:
    import json
    import os
    import time

    set_language(client_in, "es")
    r = client_in.post("/publish/upload/", {"file": photo_with_gps(), "faces": "on", "action": "review"})
    review = r["Location"]
    (folder,) = [f for f in folders() if review.rstrip("/").endswith(f.name)]
    state = {"state": "running", "done": 50, "total": 250, "started": time.time() - 60, "pid": os.getpid()}
    (folder / "job.json").write_text(json.dumps(state), encoding="utf-8")
    html = client_in.get(review + "progress/").content.decode()
    assert '<meta http-equiv="refresh" content="3">' in html
    assert 'value="20"' in html and "50 de 250 fotogramas" in html
    assert "Quedan unos 4 minutos" in html  # 60 s for 50 frames: 240 s for the other 200


def test_a_failed_video_job_shows_its_error_and_keeps_nothing(
    client_in: Client, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from resguardo.errors import ScrubError
    from resguardo.web.publish import jobs

    def broken(src: Path, out: Path, options: Any) -> None:
        raise ScrubError(
            "%(file)s could not be decoded.", code="scrub.video_failed", params={"file": src.name}
        )

    monkeypatch.setattr(jobs, "scrub_file", broken)
    if not shutil.which("ffmpeg"):
        pytest.skip("needs ffmpeg (scripts/system-deps.sh installs it)")
    before = set(folders())
    with _clip(tmp_path, 0.3).open("rb") as handle:
        r = client_in.post("/publish/upload/", {"file": handle, "faces": "off", "action": "now"})
    progress = r["Location"]
    assert progress.endswith("/progress/")
    html = _wait_for(client_in, progress, "scrub.video_failed")
    assert "scrub.video_failed" in html and "march.mp4 could not be decoded." in html
    assert client_in.get(progress).status_code == 404  # the folder went with the error
    assert set(folders()) == before


def test_a_job_whose_server_process_is_gone_reads_as_interrupted(tmp_path: Path) -> None:
    import json

    from resguardo.web.publish import jobs

    gone = subprocess.Popen(["true"])
    gone.wait()
    (tmp_path / "job.json").write_text(json.dumps({"state": "running", "pid": gone.pid}), encoding="utf-8")
    job = jobs.read(tmp_path)
    assert job is not None and job.state == "failed"
    assert job.failure().code == "publish.job_interrupted"
    (tmp_path / "job.json").write_text("{not json", encoding="utf-8")  # a damaged file fails closed
    damaged = jobs.read(tmp_path)
    assert damaged is not None and damaged.state == "failed"
    assert jobs.read(tmp_path / "nothing") is None
