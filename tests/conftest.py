"""Test-wide setup: a throwaway data dir before Django reads its settings."""

from __future__ import annotations

import os
import tempfile

# Settings read RESGUARDO_DATA_DIR at import; never let tests touch a real data dir.
os.environ["RESGUARDO_DATA_DIR"] = tempfile.mkdtemp(prefix="resguardo-test-")
os.environ.pop("RESGUARDO_LANGUAGE", None)
