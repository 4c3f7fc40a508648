"""Template context shared by every page."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import translation

from resguardo.i18n import LANGUAGES


def interface(request: HttpRequest) -> dict[str, object]:
    code = translation.get_language() or "en"
    return {
        "shipped_languages": [(c, name) for c, name, _rtl in LANGUAGES],
        "text_direction": "rtl" if translation.get_language_bidi() else "ltr",
        "current_language": code,
    }
