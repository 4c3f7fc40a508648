from __future__ import annotations

from django import forms
from django.contrib.auth import login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from resguardo.errors import InputError
from resguardo.web.accounts.actions import create_owner, owner_exists
from resguardo.web.errors import message_for


class OwnerForm(forms.Form):
    username = forms.CharField(label=_("User name"), max_length=150)
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 12 characters. A passphrase of several words is easy to remember."),
    )
    password2 = forms.CharField(
        label=_("Password again"), widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("password") and data.get("password") != data.get("password2"):
            raise forms.ValidationError(_("The two passwords differ."), code="accounts.password_mismatch")
        return data


@require_http_methods(["GET", "POST"])
def setup(request: HttpRequest) -> HttpResponse:
    """First start: create the owner account. Gone once an owner exists."""
    if owner_exists():
        raise Http404
    form = OwnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = create_owner(form.cleaned_data["username"], form.cleaned_data["password"])
        except InputError as error:
            form.add_error(None, f"{message_for(error)} [{error.code}]")
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect("planning:list")
    return render(request, "accounts/setup.html", {"form": form})
