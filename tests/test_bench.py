"""The benchmark scripts keep working (their figures are not checked here: no timing in tests)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"


def test_make_household_writes_valid_data(tmp_path: Path) -> None:
    out = tmp_path / "home"
    subprocess.run([sys.executable, str(BENCH / "make_household.py"), "--years", "0.05",
                    "--out", str(out)], check=True, capture_output=True)
    doctor = subprocess.run([sys.executable, "-m", "caretool", "--home", str(out), "doctor"],
                            capture_output=True, text=True)
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    records = [r for f in (out / "entries").glob("*.json")
               for r in json.loads(f.read_text())["entries"].values()]
    assert len(records) > 100
    assert {"symptom", "hours", "wellbeing", "dose"} <= {r["kind"] for r in records}


def test_run_quick_prints_every_ratio(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    done = subprocess.run([sys.executable, str(BENCH / "run.py"), "--quick", "--out", str(out)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    checks = json.loads(out.read_text())["checks"]
    names = " ".join(c["check"] for c in checks)
    for part in ("log", "checkin", "med due", "burnout", "history", "report", "--help", "export"):
        assert part in names
    assert all(c["ratio"] > 0 for c in checks)
