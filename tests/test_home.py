"""A run writes nothing under the user's home but caches (and the full gazetteer, when asked to build it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_run_writes_only_caches_under_home(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "SAHEL_EXTRACT_"))}
    env["HOME"] = str(home)
    out = tmp_path / "out" / "attacks.jsonl"
    subprocess.run([sys.executable, "-m", "sahel_extract.cli", "run", str(ROOT / "data" / "raw"), "-o", str(out),
                    "-q", "--model", "blank"], env=env, check=True, cwd=tmp_path, capture_output=True, timeout=300)
    assert out.is_file() and out.read_text(encoding="utf-8").strip()
    written = [p.relative_to(home) for p in home.rglob("*") if p.is_file()]
    assert all(p.parts[0] == ".cache" for p in written), written
