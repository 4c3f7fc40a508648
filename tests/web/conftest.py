from __future__ import annotations

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
