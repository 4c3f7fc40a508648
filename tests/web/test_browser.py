"""A person in a real browser (Debian's chromium, JavaScript off) completes an assessment
in English and in Spanish and downloads the PDF."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(browser: Any, live_server: Any, owner: Any) -> Iterator[Any]:
    context = browser.new_context(java_script_enabled=False, accept_downloads=True, locale="en-GB")
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "ana")
    from tests.web.conftest import PASSWORD

    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit].primary")
    yield page
    context.close()
    external = [u for u in requests if not u.startswith(live_server.url)]
    assert external == [], f"requests left the server: {external}"


def _complete(page: Any, labels: dict[str, str], tmp_path: Path) -> Path:
    page.fill("#title", "Plan")
    page.click("form[action$='/plans/new/'] button[type=submit]")
    page.check("input[name=profiles][value=journalist]")
    page.click(f"button:has-text('{labels['continue']}')")  # -> assets
    page.check("input[name=assets][value=physical-safety]")
    page.click(f"button:has-text('{labels['continue']}')")  # -> adversaries
    page.select_option("#capability-state-security", "5")
    page.click(f"button:has-text('{labels['continue']}')")  # -> threats
    page.click(f"button:has-text('{labels['continue']}')")  # -> questions
    radios = page.locator("input[type=radio][value='4']")
    for i in range(min(6, radios.count())):
        radios.nth(i).check()
    page.click(f"button:has-text('{labels['continue']}')")  # -> plan
    assert page.locator("h1").first.inner_text().startswith(labels["plan_title"])
    assert page.locator("table.risks tbody tr").count() >= 5
    assert page.locator("svg.heatmap").count() == 1
    # the stylesheet loaded: the heat map is constrained to its column, not the full width
    assert page.locator("svg.heatmap").bounding_box()["width"] < 600
    page.screenshot(path=str(tmp_path / "plan.png"), full_page=False)
    with page.expect_download() as info:
        page.click(f"text={labels['pdf']}")
    target = tmp_path / "plan.pdf"
    info.value.save_as(target)
    return target


def test_complete_assessment_in_english_without_javascript(page: Any, tmp_path: Path) -> None:
    labels = {
        "start": "Start",
        "continue": "Save and continue",
        "plan_title": "Your security plan",
        "pdf": "Plan (PDF)",
    }
    pdf = _complete(page, labels, tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF-") and pdf.stat().st_size > 5000


def test_complete_assessment_in_spanish_without_javascript(page: Any, tmp_path: Path) -> None:
    page.select_option("#language-switch", "es")
    page.click("form.lang button")
    assert page.locator("html").get_attribute("lang") == "es"
    labels = {
        "start": "Comenzar",
        "continue": "Guardar y continuar",
        "plan_title": "Tu plan de seguridad",
        "pdf": "Plan (PDF)",
    }
    pdf = _complete(page, labels, tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF-")


def test_clean_a_photo_without_javascript(page: Any, live_server: Any, tmp_path: Path) -> None:
    from PIL import Image

    photo = tmp_path / "march.jpg"
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (19.0, 25.0, 57.0), "W", (99.0, 7.0, 59.0)
    Image.new("RGB", (320, 200), (200, 180, 160)).save(photo, "JPEG", exif=exif)
    page.goto(f"{live_server.url}/publish/")
    page.set_input_files("#file", str(photo))
    page.click("button[value=review]")
    assert page.locator("h1").first.inner_text() == "Check before publishing"
    assert "PhoneMaker" in page.content()
    with page.expect_download() as info:
        page.click("form[action$='/clean/'] button[type=submit]")
    cleaned = tmp_path / "cleaned.jpg"
    info.value.save_as(cleaned)
    with Image.open(cleaned) as image:
        assert image.size == (320, 200)
        assert not image.getexif() or not image.getexif().get_ifd(0x8825)
    assert b"PhoneMaker" not in cleaned.read_bytes()


@pytest.mark.skipif(not shutil.which("ffmpeg"), reason="needs ffmpeg (scripts/system-deps.sh installs it)")
def test_clean_a_video_in_spanish_without_javascript(page: Any, live_server: Any, tmp_path: Path) -> None:
    """The progress page reloads itself (a meta refresh, no script) until the video is clean."""
    import subprocess

    from playwright.sync_api import expect

    clip = tmp_path / "marcha.mp4"
    subprocess.run(
        [
            "ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=s=96x64:d=1:r=10", "-pix_fmt", "yuv420p",
            "-metadata", "title=Reunión secreta", str(clip),
        ],
        check=True,
        timeout=60,
    )  # fmt: skip
    page.select_option("#language-switch", "es")
    page.click("form.lang button")
    page.goto(f"{live_server.url}/publish/")
    page.set_input_files("#file", str(clip))
    page.click("button[value=now]")
    expect(page.locator("h1").first).to_have_text("El vídeo está limpio", timeout=120_000)
    with page.expect_download() as info:
        page.click("button:has-text('Descargar el vídeo limpio')")
    cleaned = tmp_path / "limpio.mp4"
    info.value.save_as(cleaned)
    probe = subprocess.run(
        ["ffprobe", "-v", "error", "-show_format", "-show_streams", "-of", "json", str(cleaned)],
        check=True, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert '"codec_type": "video"' in probe.stdout and "secreta" not in probe.stdout
