"""Translation for the core and the CLI, sharing Django's message catalogues.

The gettext catalogues live in ``resguardo/locale/<lang>/LC_MESSAGES/django.po`` so Django
(``LOCALE_PATHS``) and the core read the same files.
"""

from __future__ import annotations

import gettext as _gettext
import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from resguardo.errors import ResguardoError

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "LOCALE_DIR",
    "gettext_noop",
    "interface_language",
    "render_error",
    "translate",
]

LOCALE_DIR = Path(__file__).parent / "locale"
DEFAULT_LANGUAGE = "en"
#: Languages that ship complete; (code, name in that language, right-to-left).
LANGUAGES: tuple[tuple[str, str, bool], ...] = (("en", "English", False), ("es", "Español", False))
_CODES = frozenset(code for code, _, _ in LANGUAGES)


def gettext_noop(message: str) -> str:
    """Mark a string for translation without translating it (extracted by makemessages)."""
    return message


def normalise_language(value: str | None) -> str | None:
    """``es_MX.UTF-8`` -> ``es``; None when the value names no shipped language."""
    if not value:
        return None
    code = value.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in _CODES else None


def interface_language(environ: dict[str, str] | None = None) -> str:
    """The language to speak: ``RESGUARDO_LANGUAGE``, then the locale variables, then English."""
    env = os.environ if environ is None else environ
    for name in ("RESGUARDO_LANGUAGE", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        raw = env.get(name)
        if not raw:
            continue
        # LANGUAGE may hold a priority list: "es:en".
        for part in raw.split(":"):
            code = normalise_language(part)
            if code:
                return code
    return DEFAULT_LANGUAGE


@lru_cache(maxsize=8)
def _translations(language: str) -> _gettext.NullTranslations:
    return _gettext.translation("django", localedir=LOCALE_DIR, languages=[language], fallback=True)


def translate(message: str, language: str) -> str:
    """Translate one msgid into ``language`` (the msgid itself when untranslated)."""
    if language == DEFAULT_LANGUAGE:
        return message
    return _translations(language).gettext(message)


def render_error(error: ResguardoError, language: str) -> str:
    """The error's message in ``language`` with its parameters filled in."""
    text = translate(error.message, language)
    if not error.params:
        return text
    try:
        return text % error.params
    except (KeyError, ValueError, TypeError):
        return error.english()
