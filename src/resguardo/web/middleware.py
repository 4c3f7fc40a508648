"""Security headers, first-start owner setup, and the one place errors are rendered."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from resguardo.errors import ResguardoError
from resguardo.web.errors import render_error

#: Everything comes from this server; no inline script; forms post only here.
CSP = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    ]
)

Handler = Callable[[HttpRequest], HttpResponse]


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        )
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response


class OwnerSetupMiddleware:
    """Until an owner exists, every page leads to the setup form (no default password)."""

    OPEN_PREFIXES = ("/setup/", "/static/", "/i18n/", "/schema/")

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response
        self.owner_exists = False

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self.owner_exists:
            self.owner_exists = get_user_model().objects.filter(is_superuser=True).exists()
        if not self.owner_exists and not request.path.startswith(self.OPEN_PREFIXES):
            return HttpResponseRedirect(reverse("accounts:setup"))
        return self.get_response(request)


class ErrorMiddleware:
    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, ResguardoError):
            return render_error(request, exception)
        return None
