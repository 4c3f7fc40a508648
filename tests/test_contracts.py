"""Architecture rules that CI enforces: import contracts and the public API."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import resguardo

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_hold() -> None:
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is not installed"
    result = subprocess.run([lint], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def test_core_works_without_django() -> None:
    code = (
        "import sys, datetime; import resguardo; "
        "c = resguardo.load_catalogue('es'); "
        "resguardo.build_plan(c, resguardo.Answers(profiles=('lawyer',)), datetime.date(2026, 1, 1)); "
        "sys.exit(1 if any(m == 'django' or m.startswith('django.') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=120, check=False).returncode == 0


def test_public_api_is_explicit() -> None:
    for name in resguardo.__all__:
        assert hasattr(resguardo, name), name
    public = {n for n in dir(resguardo) if not n.startswith("_")}
    # Submodules are reachable but the API is what __all__ says.
    assert public - set(resguardo.__all__) <= {
        "catalogue",
        "cli",
        "config",
        "errors",
        "i18n",
        "risk",
        "scrub",
        "web",
    }


def test_only_web_imports_django() -> None:
    for path in (ROOT / "src" / "resguardo").rglob("*.py"):
        if "web" in path.relative_to(ROOT / "src" / "resguardo").parts:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            assert not stripped.startswith(("import django", "from django")), f"{path}: {line}"
