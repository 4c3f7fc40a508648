"""Named actions on accounts."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from resguardo.errors import InputError
from resguardo.i18n import gettext_noop

USERNAME_MAX = 150


def owner_exists() -> bool:
    return User.objects.filter(is_superuser=True).exists()


def create_owner(username: str, password: str) -> User:
    """Create the one owner account (Argon2-hashed). Refused when an owner exists."""
    username = username.strip()
    if not username or len(username) > USERNAME_MAX or any(c.isspace() for c in username):
        raise InputError(gettext_noop("Choose a user name without spaces."), code="accounts.bad_username")
    try:
        validate_password(password, User(username=username))
    except ValidationError as exc:
        raise InputError(
            gettext_noop("The password is too weak: %(reason)s"),
            code="accounts.weak_password",
            params={"reason": " ".join(str(m) for m in exc.messages)},
        ) from exc
    with transaction.atomic():
        if owner_exists():
            raise InputError(gettext_noop("An owner account already exists."), code="accounts.owner_exists")
        try:
            owner: User = User.objects.create_superuser(username=username, password=password, email="")
            return owner
        except IntegrityError as exc:
            raise InputError(
                gettext_noop("That user name is taken."), code="accounts.username_taken"
            ) from exc
