"""A bounded atheris run over the format routing (a few thousand inputs, seconds)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("atheris", reason="atheris is in the dev extra")


def test_routing_never_crashes_on_arbitrary_bytes(tmp_path: Path) -> None:
    target = Path(__file__).with_name("fuzz_routing.py")
    result = subprocess.run(
        [
            sys.executable,
            str(target),
            "-runs=4000",
            "-max_len=2048",
            "-seed=20261122",
            f"-artifact_prefix={tmp_path}/",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    assert "Done 4000 runs" in result.stderr
