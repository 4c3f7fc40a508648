"""Every user-facing string is translatable, and Spanish is complete."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from resguardo.errors import NotFoundError
from resguardo.i18n import LOCALE_DIR, interface_language, render_error, translate

ROOT = Path(__file__).resolve().parent.parent
PO = LOCALE_DIR / "es" / "LC_MESSAGES" / "django.po"


def _messages(path: Path) -> dict[str, object]:
    with path.open("rb") as handle:
        catalog = read_po(handle, locale="es")
    return {(m.id if isinstance(m.id, str) else m.id[0]): m for m in catalog if m.id}


def test_spanish_catalogue_is_complete() -> None:
    missing = [mid for mid, m in _messages(PO).items() if not m.string or "fuzzy" in m.flags]  # type: ignore[attr-defined]
    assert missing == []


def test_placeholders_survive_translation() -> None:
    import re

    for mid, m in _messages(PO).items():
        strings = m.string if isinstance(m.string, tuple) else (m.string,)  # type: ignore[attr-defined]
        for s in strings:
            assert set(re.findall(r"%\(\w+\)[sd+]", mid)) <= set(re.findall(r"%\(\w+\)[sd+]", s)) | {
                p for p in re.findall(r"%\(\w+\)[sd+]", mid) if "count" in p
            }, mid


@pytest.mark.skipif(
    not shutil.which("xgettext"), reason="needs gettext (scripts/system-deps.sh test installs it)"
)
def test_no_string_is_missing_from_the_catalogue(tmp_path: Path) -> None:
    """Extract the messages afresh and compare: a new string without a translation fails."""
    copy = tmp_path / "resguardo"
    shutil.copytree(ROOT / "src" / "resguardo", copy, ignore=shutil.ignore_patterns("__pycache__", "content"))
    env = {
        **os.environ,
        "RESGUARDO_DATA_DIR": str(tmp_path / "data"),
        "DJANGO_SETTINGS_MODULE": "resguardo.web.settings",
    }
    admin = Path(sys.executable).parent / "django-admin"
    result = subprocess.run(
        [str(admin), "makemessages", "-l", "es", "--no-obsolete", "--no-location"],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    fresh = set(_messages(copy / "locale" / "es" / "LC_MESSAGES" / "django.po"))
    shipped = set(_messages(PO))
    assert sorted(fresh - shipped) == [], "run makemessages and translate the new strings"
    assert sorted(shipped - fresh) == [], "obsolete strings: run makemessages --no-obsolete"


def test_core_and_cli_speak_spanish() -> None:
    assert translate("Ranked risks", "es") != "Ranked risks"
    error = NotFoundError("Unknown threat id: %(id)s.", code="catalogue.unknown_threat", params={"id": "x"})
    assert render_error(error, "es") == "Amenaza desconocida: x."


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"RESGUARDO_LANGUAGE": "es"}, "es"),
        ({"LANG": "es_MX.UTF-8"}, "es"),
        ({"LANGUAGE": "fr:es:en"}, "es"),
        ({"LC_ALL": "de_DE.UTF-8"}, "en"),
        ({}, "en"),
        ({"RESGUARDO_LANGUAGE": "en", "LANG": "es_ES.UTF-8"}, "en"),
    ],
)
def test_interface_language_from_environment(environ: dict[str, str], expected: str) -> None:
    assert interface_language(environ) == expected
