"""The one renderer of resguardo errors for the web: a page or a JSON body, with the code."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation

from resguardo.errors import ResguardoError
from resguardo.i18n import render_error as _render


def message_for(error: ResguardoError) -> str:
    """The error's message in the active language."""
    return _render(error, translation.get_language() or "en")


def wants_json(request: HttpRequest) -> bool:
    return request.path.endswith(".json") or "application/json" in request.headers.get("Accept", "")


def render_error(request: HttpRequest, error: ResguardoError) -> HttpResponse:
    message = message_for(error)
    status = error.http_status if 400 <= error.http_status < 600 else 400
    if wants_json(request):
        return JsonResponse({"error": {"code": error.code, "message": message}}, status=status)
    return render(request, "resguardo/error.html", {"code": error.code, "message": message}, status=status)
