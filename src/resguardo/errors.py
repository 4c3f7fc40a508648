"""One exception tree for resguardo; every error has a stable code.

    ResguardoError                  code            exit  what
    ├── UsageError                  usage.*          2    a bad argument or option
    ├── NotFoundError               *.unknown_*      2    an id that does not exist
    ├── InputError                  input.*          2    input that is malformed, too big or of the wrong type
    │   ├── ImportFormatError       import.*         2    an interchange file that cannot be imported
    │   └── ScrubError              scrub.*          2    a file the scrubber refuses (fails closed, no output)
    ├── CatalogueError              catalogue.*      1    the shipped catalogue is broken (a bug)
    ├── ConfigError                 config.*         1    the environment is misconfigured
    └── PartialFailure              partial          3    some inputs were refused, the rest succeeded

Messages are English msgids marked with ``gettext_noop``; the front ends translate them
(``resguardo.i18n.render_error``) when they show them: the library never prints.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from resguardo.i18n import gettext_noop

__all__ = [
    "CatalogueError",
    "ConfigError",
    "ImportFormatError",
    "InputError",
    "NotFoundError",
    "PartialFailure",
    "ResguardoError",
    "ScrubError",
    "UsageError",
]


class ResguardoError(Exception):
    """Base of every error resguardo raises on purpose."""

    exit_code: ClassVar[int] = 1
    http_status: ClassVar[int] = 500
    default_code: ClassVar[str] = "internal"
    default_message: ClassVar[str] = gettext_noop("Something went wrong.")

    def __init__(
        self,
        message: str | None = None,
        *,
        code: str | None = None,
        params: Mapping[str, object] | None = None,
    ) -> None:
        self.code = code or self.default_code
        self.message = message or self.default_message
        self.params: dict[str, object] = dict(params or {})
        super().__init__(self.code)

    def __str__(self) -> str:
        return f"{self.code}: {self.english()}"

    def __reduce__(self) -> tuple[object, ...]:
        # Errors cross process boundaries (parallel scrubbing): keep code, message and params.
        return (_rebuild, (type(self), self.message, self.code, self.params))

    def english(self) -> str:
        """The message in English with its parameters filled in (for logs and tests)."""
        try:
            return self.message % self.params if self.params else self.message
        except (KeyError, ValueError, TypeError):
            return self.message


def _rebuild(
    cls: type[ResguardoError], message: str, code: str, params: Mapping[str, object]
) -> ResguardoError:
    return cls(message, code=code, params=params)


class UsageError(ResguardoError):
    exit_code = 2
    http_status = 400
    default_code = "usage.invalid"
    default_message = gettext_noop("The command was not used correctly.")


class NotFoundError(ResguardoError):
    exit_code = 2
    http_status = 404
    default_code = "not_found"
    default_message = gettext_noop("That does not exist.")


class InputError(ResguardoError):
    exit_code = 2
    http_status = 400
    default_code = "input.invalid"
    default_message = gettext_noop("The input is not valid.")


class ImportFormatError(InputError):
    default_code = "import.invalid"
    default_message = gettext_noop("The file is not a resguardo assessment.")


class ScrubError(InputError):
    default_code = "scrub.refused"
    default_message = gettext_noop("The file was refused: it could not be cleaned safely.")


class CatalogueError(ResguardoError):
    default_code = "catalogue.invalid"
    default_message = gettext_noop("The catalogue is not valid.")


class ConfigError(ResguardoError):
    default_code = "config.invalid"
    default_message = gettext_noop("The configuration is not valid.")


class PartialFailure(ResguardoError):
    exit_code = 3
    http_status = 207
    default_code = "partial"
    default_message = gettext_noop("Some inputs were refused; the rest succeeded.")
