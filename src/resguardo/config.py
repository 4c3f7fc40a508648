"""Configuration from the environment, with safe defaults (no Django here).

RESGUARDO_DATA_DIR   SQLite file, uploads, keys (default: ./data), created owner-only
DATABASE_URL         PostgreSQL when set (postgres://user:pass@host:port/name)
RESGUARDO_SECRET_KEY the web app's secret; generated into the data dir when unset
RESGUARDO_LANGUAGE   the interface language of the CLI (else the locale)
RESGUARDO_DEBUG      "1" for Django's debug mode (never in production)
RESGUARDO_TRUSTED_ORIGINS  origins of an HTTPS reverse proxy ("https://plans.example.org")
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from resguardo.errors import ConfigError
from resguardo.i18n import gettext_noop

__all__ = ["Settings", "atomic_write", "ensure_data_dir", "load_settings", "secret_key"]

SECRET_FILE = "secret_key"  # noqa: S105 - a file name, not a secret


@dataclass(frozen=True, slots=True)
class Settings:
    data_dir: Path
    database_url: str | None
    debug: bool
    trusted_origins: list[str]


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    env = os.environ if environ is None else environ
    data_dir = Path(env.get("RESGUARDO_DATA_DIR") or "data").expanduser().resolve()
    return Settings(
        data_dir=data_dir,
        database_url=env.get("DATABASE_URL") or None,
        debug=env.get("RESGUARDO_DEBUG") == "1",
        trusted_origins=[
            o.strip() for o in (env.get("RESGUARDO_TRUSTED_ORIGINS") or "").split(",") if o.strip()
        ],
    )


def ensure_data_dir(path: Path) -> Path:
    """Create the data dir owner-only (0700); tighten an existing one that others could read."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(
            gettext_noop("The data folder %(path)s cannot be created: %(reason)s."),
            code="config.data_dir",
            params={"path": str(path), "reason": exc.strerror or str(exc)},
        ) from exc
    mode = path.stat().st_mode & 0o777
    if mode & 0o077:
        path.chmod(0o700)
    return path


def atomic_write(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write a whole file or nothing: temp file in the same folder, fsync, rename."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def secret_key(settings: Settings, environ: dict[str, str] | None = None) -> str:
    """The configured secret, or one generated once into the data dir (0600)."""
    env = os.environ if environ is None else environ
    given = env.get("RESGUARDO_SECRET_KEY")
    if given:
        if len(given) < 32:
            raise ConfigError(
                gettext_noop("RESGUARDO_SECRET_KEY must be at least 32 characters."), code="config.secret_key"
            )
        return given
    ensure_data_dir(settings.data_dir)
    path = settings.data_dir / SECRET_FILE
    if not path.exists():
        # Write aside, then link into place: exactly one process creates the key.
        tmp = path.with_name(f".{SECRET_FILE}.{secrets.token_hex(6)}")
        atomic_write(tmp, secrets.token_urlsafe(50).encode("ascii"))
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass  # another process won the race; use theirs
        finally:
            tmp.unlink(missing_ok=True)
    return path.read_text(encoding="ascii").strip()
