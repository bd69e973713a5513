"""The store's benchmark script keeps working (its figures are not checked: no timing in tests)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.mark.slow  # two homes, an import and a round of every case: it belongs with the slow runs
def test_store_bench_quick_prints_every_ratio(tmp_path: Path) -> None:
    out = tmp_path / "store.json"
    done = subprocess.run([sys.executable, str(BENCH / "store_bench.py"), "--quick", "--out", str(out)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    names = " ".join(c["check"] for c in json.loads(out.read_text())["checks"])
    for part in ("import", "log hours 2", "edit ID", "delete ID"):
        assert part in names
