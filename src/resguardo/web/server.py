"""Start-up for the CLI: configure Django, migrate, load the catalogue, run gunicorn."""

from __future__ import annotations

import os
from typing import Any


def prepare(load_catalogue: bool = True) -> dict[str, int]:
    """Set up Django and the database; fail closed when the catalogue is broken."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resguardo.web.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    if not load_catalogue:
        return {}
    from resguardo.catalogue import load
    from resguardo.i18n import LANGUAGES

    for code, _name, _rtl in LANGUAGES:
        catalogue = load(code)
    return {"threats": len(catalogue.threats), "mitigations": len(catalogue.mitigations)}


def run(host: str, port: int, workers: int) -> None:
    from gunicorn.app.base import BaseApplication

    from resguardo.web.wsgi import application

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            options: dict[str, Any] = {
                "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
                "workers": max(1, workers),
                "accesslog": None,  # never log visitors' addresses
                "errorlog": "-",
                "loglevel": "warning",
                "timeout": 120,
                "forwarded_allow_ips": "",
            }
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    Server().run()
