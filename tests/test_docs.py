"""Docs drift fails a test: the CLI reference, the error codes, the README commands."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_cli_reference_is_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "cli_reference.py"), "--check"], timeout=120, check=False
    )
    assert result.returncode == 0, "run: .venv/bin/python scripts/cli_reference.py"


def test_every_error_code_is_documented() -> None:
    codes: set[str] = set()
    for path in (ROOT / "src" / "resguardo").rglob("*.py"):
        codes |= set(re.findall(r'code="([a-z_.]+)"', path.read_text(encoding="utf-8")))
    documented = (ROOT / "docs" / "reference" / "errors.md").read_text(encoding="utf-8")
    assert sorted(c for c in codes if c not in documented) == []


def test_readme_opens_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head = readme[:1500]
    assert "make run" in head and "make test" in head
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_documented_example_answers_file_works(tmp_path: Path) -> None:
    resguardo = Path(sys.executable).parent / "resguardo"
    example = ROOT / "docs" / "examples" / "answers-journalist.yaml"
    result = subprocess.run(
        [str(resguardo), "assess", "--answers", str(example), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_docs_links_resolve() -> None:
    for doc in (ROOT / "docs").rglob("*.md"):
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", doc.read_text(encoding="utf-8")):
            assert (doc.parent / target).exists(), f"{doc.relative_to(ROOT)} links to missing {target}"
