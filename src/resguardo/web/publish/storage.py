"""Short-lived, owner-only storage for files being cleaned on the web.

Each upload gets a random token and its own folder under ``DATA_DIR/publish``; the token is
remembered in the uploader's session, so nobody else can reach it. Folders are deleted
after the download, and any left behind are swept after ``MAX_AGE_SECONDS``.
"""

from __future__ import annotations

import contextlib
import re
import secrets
import shutil
import time
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest

MAX_AGE_SECONDS = 3600
SESSION_KEY = "publish_tokens"
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{22}$")


def root() -> Path:
    path = Path(settings.DATA_DIR) / "publish"
    path.mkdir(mode=0o700, exist_ok=True)
    return path


def sweep() -> None:
    cutoff = time.time() - MAX_AGE_SECONDS
    for folder in root().iterdir():
        with contextlib.suppress(OSError):
            if folder.stat().st_mtime < cutoff:
                shutil.rmtree(folder, ignore_errors=True)


def safe_name(name: str) -> str:
    """Keep the name recognisable but harmless: no folders, no control characters."""
    base = Path(name.replace("\\", "/")).name
    base = "".join(c for c in base if c.isprintable() and c not in '/:*?"<>|').strip(". ")
    return base[:120] or "file"


def new(request: HttpRequest) -> tuple[str, Path]:
    token = secrets.token_urlsafe(16)
    folder = root() / token
    folder.mkdir(mode=0o700)
    tokens = list(request.session.get(SESSION_KEY, []))[-20:]
    request.session[SESSION_KEY] = [*tokens, token]
    return token, folder


def folder_for(request: HttpRequest, token: str) -> Path | None:
    if not _TOKEN.match(token) or token not in request.session.get(SESSION_KEY, []):
        return None
    folder = root() / token
    return folder if folder.is_dir() else None


def discard(request: HttpRequest, token: str) -> None:
    folder = folder_for(request, token)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)
    request.session[SESSION_KEY] = [t for t in request.session.get(SESSION_KEY, []) if t != token]
