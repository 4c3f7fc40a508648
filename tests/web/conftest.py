from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from resguardo.web.accounts.actions import create_owner

PASSWORD = "a long and unusual passphrase 42"


@pytest.fixture
def owner(db: Any) -> Any:
    return create_owner("ana", PASSWORD)


@pytest.fixture
def client_in(owner: Any) -> Client:
    client = Client()
    client.force_login(owner)
    return client


def set_language(client: Client, code: str) -> None:
    client.post("/i18n/setlang/", {"language": code, "next": "/"})


CHROMIUM = os.environ.get("RESGUARDO_CHROMIUM", "/usr/bin/chromium")
# Flags for a closed network: no background fetches of any kind.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.skip(f"chromium not installed at {CHROMIUM} (scripts/system-deps.sh test installs it)")
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's loop runs beside the ORM in tests
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()
