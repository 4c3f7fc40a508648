"""Publish safely, text: paste a text, review what was found, redact, copy or download.

Three steps, each a plain form post, so the page works without JavaScript:

1. ``text``: the form (the text, its language, what to look for, how to replace, names to keep);
2. ``text_review``: the text with each finding highlighted and a checkbox per finding (ticked =
   redacted). The findings travel to the next step in a signed token bound to the text, so what
   comes back is exactly what was found here: a changed token or text is refused;
3. ``text_redact``: the redacted text to copy, or as a .txt download.

The text lives only in the requests and the pages: it is never written to disk, the database,
the session or a log, and error reports hide the posted fields.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import wraps
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_POST

from resguardo.errors import InputError
from resguardo.i18n import gettext_noop
from resguardo.scrub.text import (
    LANGUAGES,
    OPERATORS,
    PII_TYPES,
    SENSITIVE_TYPES,
    Span,
    analyze,
    check_findings,
    redact,
)
from resguardo.scrub.text.labels import type_label

__all__ = ["MAX_TEXT_BYTES", "TextForm", "text", "text_redact", "text_review"]

#: The largest text the page takes (UTF-8 bytes); larger ones are refused before any work. The
#: names model reads some 10-30 kB a second on a small server, so this keeps a request well within
#: gunicorn's timeout; longer texts go through `resguardo redact`, which has no such limit.
MAX_TEXT_BYTES = 200_000
#: Up to this many findings get a checkbox each; above it (too many for one page, and for Django's
#: limit on the number of form fields) every finding is redacted.
MAX_CHOICES = max(0, (settings.DATA_UPLOAD_MAX_NUMBER_FIELDS or 1000) - 20)
_MAX_MB = f"{MAX_TEXT_BYTES / 1_000_000:g}"  # "0.2"
_SALT = "resguardo.publish.text.review"
_TOKEN_VERSION = 1
_INDEX = re.compile(r"[0-9]{1,9}")
#: Colour groups for the highlights (the type's name is always written next to it as well).
_GROUPS = {
    "PERSON": "name",
    "ADDRESS": "place",
    "LOCATION": "place",
    "GPS": "place",
    "PHONE": "contact",
    "EMAIL": "contact",
    "HANDLE": "contact",
    "URL": "contact",
    "IP": "contact",
    "MAC": "contact",
    "ID_NUMBER": "number",
    "CARD": "number",
    "IBAN": "number",
    "PLATE": "number",
    "DATE_OF_BIRTH": "number",
}

_LANGUAGE_NAMES = {"en": _("English"), "es": _("Spanish"), "pt": _("Portuguese"), "fr": _("French")}
_OPERATOR_NAMES = {
    "label": _("Its type, such as [PERSON] (default)"),
    "mask": _("A black bar: █████"),
    "pseudonym": _("A pseudonym, the same one each time the same person appears: Person A, Phone 1"),
    "keep": _("Nothing: only show me what was found"),
}


class TextForm(forms.Form):
    text = forms.CharField(
        label=_("Text"),
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14, "dir": "auto", "spellcheck": "false"}),
        error_messages={"required": _("Paste the text to check.")},
    )
    lang = forms.ChoiceField(
        label=_("Language of the text"),
        choices=[("auto", _("Detect it")), *((code, _LANGUAGE_NAMES[code]) for code in LANGUAGES)],
        initial="auto",
    )
    categories = forms.MultipleChoiceField(
        label=_("Look for"),
        choices=[
            ("pii", _("Personal information: names, addresses, phone numbers, ID numbers, accounts…")),
            (
                "sensitive",
                _(
                    "Sensitive information about a person: health, sexual orientation, arrests, migration status…"
                ),
            ),
        ],
        initial=["pii", "sensitive"],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one kind of information to look for.")},
    )
    operator = forms.ChoiceField(
        label=_("Replace each finding with"),
        choices=[(name, _OPERATOR_NAMES[name]) for name in ("label", "mask", "pseudonym", "keep")],
        initial="label",
        widget=forms.RadioSelect,
    )
    allow = forms.CharField(
        label=_("Names to keep"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto", "spellcheck": "false"}),
        help_text=_(
            "One per line: public figures and organisations that may be named. Only the exact name is kept."
        ),
    )

    def allowed(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["allow"].splitlines() if line.strip()]


def _too_large() -> InputError:
    return InputError(
        gettext_noop("The text is too long for this page (more than %(limit)s MB). Split it into parts."),
        code="publish.text_too_large",
        params={"limit": _MAX_MB},
    )


def _bad_review() -> InputError:
    return InputError(
        gettext_noop(
            "The review was changed or does not belong to this text, so nothing was redacted. "
            "Paste the text again and check it once more."
        ),
        code="publish.bad_review",
    )


def _normalised(raw: str) -> str:
    """The text as every later step sees it: browsers send line ends as CRLF, and an HTML page
    turns CRLF into LF and NUL into U+FFFD, so offsets only stay true on this form."""
    value = raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")
    if len(value.encode("utf-8", "surrogatepass")) > MAX_TEXT_BYTES:
        raise _too_large()
    return value


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()


View = Callable[..., HttpResponse]


def _form_post(view: View) -> View:
    """Login, POST only, no cache, hidden from error reports, and the body read before the CSRF
    check: Django refuses an oversized body while reading it, and we want our own error then."""

    protected = csrf_protect(view)

    @wraps(view)
    def read_first(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            request.POST  # noqa: B018 - parse (and size-check) the body now
        except (RequestDataTooBig, TooManyFieldsSent) as exc:
            raise _too_large() from exc
        return protected(request, *args, **kwargs)

    wrapped = login_required(require_POST(never_cache(sensitive_post_parameters()(read_first))))
    # The CSRF check still runs on every request, inside, once the size is known to be fine.
    return csrf_exempt(wrapped)


@login_required
@require_GET
@never_cache
def text(request: HttpRequest) -> HttpResponse:
    return render(request, "publish/text.html", {"form": TextForm(), "max_mb": _MAX_MB})


def _classes(span: Span) -> str:
    group = "sensitive" if span.category == "sensitive" else _GROUPS.get(span.type, "other")
    return f"finding cat-{span.category} group-{group} t-{span.type.lower().replace('_', '-')}"


def _highlighted(
    value: str, spans: Sequence[Span], replacements: Sequence[str], chosen: set[int], checkable: bool
) -> SafeString:
    """The text with each finding in a <mark>: its type's name, its text, and its checkbox.

    Built here rather than in the template: whitespace between the pieces is part of the text
    and must come out exactly as it is.
    """
    pieces: list[str] = []
    position = 0
    for index, (span, replacement) in enumerate(zip(spans, replacements, strict=True)):
        pieces.append(escape(value[position : span.start]))
        box = (
            f'<input type="checkbox" name="redact" value="{index}"{" checked" if index in chosen else ""}>'
            if checkable
            else ""
        )
        pieces.append(
            f'<mark class="{_classes(span)}" data-replacement="{escape(replacement)}">'
            f'<label>{box}<span class="kind">{escape(gettext(type_label(span.type)))}</span> '
            f'<span class="value">{escape(value[span.start : span.end])}</span></label></mark>'
        )
        position = span.end
    pieces.append(escape(value[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text is escaped above


def _replacements(value: str, spans: Sequence[Span], operator: str, lang: str) -> list[str]:
    """What each finding becomes when every finding is redacted. Redacting a chosen subset uses
    these same strings, so the result is what the preview showed: a pseudonym does not change
    letter because another finding was left in."""
    done = dict(redact(value, spans, operator=operator, lang=lang).replacements)
    return [done[span] for span in spans]


def _render_review(
    request: HttpRequest,
    value: str,
    lang: str,
    operator: str,
    spans: list[Span],
    chosen: set[int],
) -> HttpResponse:
    checkable = len(spans) <= MAX_CHOICES
    token = signing.dumps(
        {
            "v": _TOKEN_VERSION,
            "h": _digest(value),
            "lang": lang,
            "op": operator,
            "f": [[span.start, span.end, span.type] for span in spans],
        },
        salt=_SALT,
        compress=True,
    )
    replacements = _replacements(value, spans, operator, lang)
    counts = Counter(span.type for span in spans)
    legend = [
        {
            "type": kind,
            "classes": _classes(next(s for s in spans if s.type == kind)),
            "label": gettext(type_label(kind)),
            "count": n,
        }
        for kind, n in counts.items()  # in the order they first appear
    ]
    context = {
        "text": value,
        "token": token,
        "lang": lang,
        "lang_name": _LANGUAGE_NAMES.get(lang, lang),
        "operator_name": _OPERATOR_NAMES[operator],
        "highlighted": _highlighted(value, spans, replacements, chosen, checkable),
        "count": len(spans),
        "checkable": checkable,
        "max_choices": MAX_CHOICES,
        "legend": legend,
    }
    return render(request, "publish/text_review.html", context)


@_form_post
def text_review(request: HttpRequest) -> HttpResponse:
    _normalised(request.POST.get("text", ""))  # the size first: nothing is done with a text too long
    form = TextForm(request.POST)
    if not form.is_valid():
        return render(request, "publish/text.html", {"form": form, "max_mb": _MAX_MB}, status=400)
    value = _normalised(form.cleaned_data["text"])
    analysis = analyze(
        value, form.cleaned_data["lang"], allow=form.allowed(), categories=form.cleaned_data["categories"]
    )
    spans = sorted(analysis.findings)
    return _render_review(
        request, value, analysis.lang, form.cleaned_data["operator"], spans, set(range(len(spans)))
    )


def _reviewed(request: HttpRequest) -> tuple[str, str, str, list[Span]]:
    """The text, its language, the operator and the findings of a review form, checked."""
    value = _normalised(request.POST.get("text", ""))
    try:
        data = signing.loads(request.POST.get("review", ""), salt=_SALT)
    except signing.BadSignature as exc:
        raise _bad_review() from exc
    if not isinstance(data, dict) or data.get("v") != _TOKEN_VERSION or data.get("h") != _digest(value):
        raise _bad_review()
    if (
        data.get("lang") not in LANGUAGES
        or data.get("op") not in OPERATORS
        or not isinstance(data.get("f"), list)
    ):
        raise _bad_review()
    spans: list[Span] = []
    for item in data["f"]:
        if not (isinstance(item, list) and len(item) == 3 and isinstance(item[2], str)):
            raise _bad_review()
        start, end, kind = item
        if type(start) is not int or type(end) is not int or kind not in (*PII_TYPES, *SENSITIVE_TYPES):
            raise _bad_review()
        spans.append(Span(start, end, kind, "sensitive" if kind in SENSITIVE_TYPES else "pii", 1.0))
    # Signed by this server, but checked again: a finding must lie inside this very text.
    return value, data["lang"], data["op"], check_findings(value, spans)


def _chosen(request: HttpRequest, total: int) -> set[int]:
    if total > MAX_CHOICES:
        return set(range(total))  # too many to choose one by one: every finding is redacted
    chosen: set[int] = set()
    for raw in request.POST.getlist("redact"):
        if not _INDEX.fullmatch(raw) or int(raw) >= total:
            raise _bad_review()
        chosen.add(int(raw))
    return chosen


@_form_post
def text_redact(request: HttpRequest) -> HttpResponse:
    value, lang, operator, spans = _reviewed(request)
    chosen = _chosen(request, len(spans))
    action = request.POST.get("action", "show")
    if action == "change":
        return _render_review(request, value, lang, operator, spans, chosen)
    replacements = _replacements(value, spans, operator, lang)
    pieces: list[str] = []
    position = 0
    for index, (span, replacement) in enumerate(zip(spans, replacements, strict=True)):
        pieces.append(value[position : span.start])
        pieces.append(replacement if index in chosen else value[span.start : span.end])
        position = span.end
    pieces.append(value[position:])
    redacted = "".join(pieces)
    if action == "download":
        response = HttpResponse(redacted.encode("utf-8"), content_type="text/plain; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="redacted.txt"'
        response["Cache-Control"] = "no-store"
        return response
    return render(
        request,
        "publish/text_result.html",
        {
            "text": value,
            "token": request.POST.get("review", ""),
            "chosen": sorted(chosen) if len(spans) <= MAX_CHOICES else [],
            "redacted": redacted,
            "count": len(spans),
            "redacted_count": len(chosen),
            "lang": lang,
        },
    )
