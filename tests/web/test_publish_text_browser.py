"""Redact a text in a real browser (Debian's chromium): without JavaScript, plain forms all the
way to the download; with it, the live preview follows the ticks and Copy copies."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = "Hablé con María José Pérez (tel. +52 55 1234 5678).\nElla vive con VIH y no quiere que se sepa."
PHONE = "+52 55 1234 5678"


def _open(browser: Any, live_server: Any, javascript: bool, locale: str = "en-GB") -> Iterator[Any]:
    context = browser.new_context(java_script_enabled=javascript, accept_downloads=True, locale=locale)
    if javascript:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    requests: list[str] = []
    problems: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    failed: list[str] = []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    # a failed load is checked by address below (the browser asks for /favicon.ico on its own)
    page.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if message.type == "error" and not message.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(f"{live_server.url}/login/")
    page.fill("#id_username", "ana")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit].primary")
    yield page
    context.close()
    assert [u for u in requests if not u.startswith(live_server.url)] == []
    assert problems == []  # no script error, nothing refused by the Content-Security-Policy
    assert [u for u in failed if not u.endswith("/favicon.ico")] == []


@pytest.fixture
def page_without_js(browser: Any, live_server: Any, owner: Any) -> Iterator[Any]:
    yield from _open(browser, live_server, javascript=False)


@pytest.fixture
def page_in_spanish_without_js(browser: Any, live_server: Any, owner: Any) -> Iterator[Any]:
    yield from _open(browser, live_server, javascript=False, locale="es-ES")


@pytest.fixture
def page_with_js(browser: Any, live_server: Any, owner: Any) -> Iterator[Any]:
    yield from _open(browser, live_server, javascript=True)


def _review(page: Any) -> None:
    page.click("nav >> text=Redact a text")
    page.fill("#id_text", TEXT)
    page.select_option("#id_lang", "es")
    page.click("button:has-text('Check the text')")
    assert page.locator("h1").inner_text() == "Check what was found"


def _box(page: Any, value: str) -> Any:
    return page.locator(
        "#redact-source mark.finding", has=page.locator(f".value:text-is('{value}')")
    ).locator("input")


def test_redact_without_javascript(page_without_js: Any, tmp_path: Path) -> None:
    page = page_without_js
    _review(page)
    assert page.locator("#redact-source mark.finding").count() == 3
    assert page.locator("#redact-preview-box").is_hidden()  # the preview needs JavaScript
    _box(page, PHONE).uncheck()
    page.click("button[name=action][value=show]")
    assert page.locator("h1").inner_text() == "The redacted text"
    redacted = page.locator("#redacted").input_value()
    assert PHONE in redacted and "María" not in redacted and "[HEALTH]" in redacted
    assert redacted.splitlines()[1].startswith("[HEALTH]")  # the line end survived the round trips
    assert page.locator("button[data-copy]").is_hidden()
    with page.expect_download() as info:
        page.click("button:has-text('Download (.txt)')")
    target = tmp_path / "redacted.txt"
    info.value.save_as(target)
    assert info.value.suggested_filename == "redacted.txt"
    assert target.read_text(encoding="utf-8") == redacted


def test_redact_in_spanish_without_javascript(page_in_spanish_without_js: Any) -> None:
    """The interface in Spanish, an English text: the plain forms from pasting to the result."""
    page = page_in_spanish_without_js
    text = "The ruling cites Okafor v. Lindqvist. Call Amara Osei on +44 20 7946 0958; she is undocumented."
    page.click("nav >> text=Tachar datos de un texto")
    page.fill("#id_text", text)
    page.select_option("#id_lang", "en")
    page.click("button:has-text('Revisar el texto')")
    assert page.locator("h1").inner_text() == "Revisa lo encontrado"
    found = page.locator("#redact-source mark.finding .value").all_inner_texts()
    assert {"Okafor", "Lindqvist", "Amara Osei", "+44 20 7946 0958"} <= set(found), found
    page.click("button[name=action][value=show]")
    assert page.locator("h1").inner_text() == "El texto tachado"
    redacted = page.locator("#redacted").input_value()
    for value in ("Okafor", "Lindqvist", "Amara", "7946", "undocumented"):
        assert value not in redacted, redacted
    assert redacted.startswith("The ruling cites ")


def test_live_preview_and_copy_with_javascript(page_with_js: Any) -> None:
    from playwright.sync_api import expect

    page = page_with_js
    _review(page)
    preview = page.locator("#redact-preview")
    # the script runs after the page is parsed: wait for it with Playwright's own assertions, which
    # poll without evaluating strings (the page's CSP forbids eval, so wait_for_function fails)
    expect(preview).to_have_value("Hablé con [PERSON] (tel. [PHONE]).\n[HEALTH] y no quiere que se sepa.")
    _box(page, PHONE).uncheck()
    expect(preview).to_have_value(re.compile(re.escape(PHONE)))
    assert "[PERSON]" in preview.input_value()
    page.click("#redact-preview-box button[data-copy]")
    expect(page.locator("#redact-preview-box .copy-status")).to_have_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == preview.input_value()
    shown = preview.input_value()
    page.click("button[name=action][value=show]")
    assert page.locator("#redacted").input_value() == shown  # the result is what the preview showed
    assert page.locator("button[data-copy]").is_visible()
