"""Time whole caretool processes on an empty home and on a five-year home, against floors.

    python bench/run.py            # prints a table and writes bench/results.json
    python bench/run.py --quick    # a tiny household and few runs (what the test suite uses)

Figures are medians of several runs after a warm-up, taken round-robin in one run of this
script, and reported as ratios: the machines are shared and noisy, ratios survive that.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import Case, medians

BENCH = Path(__file__).resolve().parent
PY = sys.executable
CARETOOL = [PY, "-m", "caretool"]
NOW = "2026-11-20T21:00:00+00:00"  # pinned so every run sees the same "today"
WEEK = "2026-W46"

DAILY = {
    "log": ["log", "hours", "2"],
    "checkin": ["checkin", "--non-interactive", "--symptom", "cramps=1", "--hours", "3",
                "--sleep", "6", "--stress", "5", "--no-break", "--note", "bench"],
    "med due": ["med", "due"],
    "burnout": ["burnout"],
    "history": ["history", "--limit", "20"],
}
WEEKLY = {"report": ["report", "--week", WEEK, "--format", "json"]}
# After a clinic visit: the ratings, stages, charts and decision prompts (a rating every month).
CLINIC = {"progress": ["progress"]}
UNDONE = {"log", "checkin"}  # undone after each timed run so every run does the same work


def make_home(folder: Path, years: float, caregivers: int) -> None:
    cmd = [PY, str(BENCH / "make_household.py"), "--years", str(years), "--caregivers",
           str(caregivers), "--out", str(folder)]
    subprocess.run(cmd, check=True, env={**os.environ, "CARETOOL_NOW": NOW})


def make_empty_home(folder: Path, caregivers: int) -> None:
    cmd = [PY, str(BENCH / "make_household.py"), "--years", "0", "--caregivers", str(caregivers),
           "--out", str(folder)]
    subprocess.run(cmd, check=True, env={**os.environ, "CARETOOL_NOW": NOW})


def a_note(home: Path, before: str) -> str:
    """The id of the newest note on or before a day (what `edit ID` and `delete ID` are timed on)."""
    out = subprocess.run([*CARETOOL, "--json", "history", "--kind", "note", "--to", before, "--limit", "1"],
                         capture_output=True, text=True, check=True,
                         env={**os.environ, "CARETOOL_HOME": str(home), "CARETOOL_NOW": NOW}).stdout
    return str(json.loads(out)["data"][0]["id"])[:8]


def cases_for(label: str, home: Path, caregiver: str, note: str | None = None) -> dict[str, Case]:
    env = {"CARETOOL_HOME": str(home), "CARETOOL_NOW": NOW}
    found = {}
    if note:  # each timed run is undone, so every run edits (or deletes) the same entry
        found[f"edit ID [{label}]"] = Case([*CARETOOL, "edit", note, "--text", "bench"], env,
                                           [*CARETOOL, "undo"])
        found[f"delete ID [{label}]"] = Case([*CARETOOL, "delete", note], env, [*CARETOOL, "undo"])
    for name, args in {**DAILY, **WEEKLY, **CLINIC}.items():
        args = [*args, "--caregiver", caregiver] if name in ("log", "checkin") else args
        after = [*CARETOOL, "undo"] if name in UNDONE else None
        found[f"{name} [{label}]"] = Case([*CARETOOL, *args], env, after)
    found[f"export [{label}]"] = Case([*CARETOOL, "export", "--format", "json", "--output",
                                       str(home.parent / f"{label}-export.json")], env)
    found[f"json.load [{label}]"] = Case([PY, "-c", (
        "import json,glob,sys;[json.load(open(f,encoding='utf-8')) for f in "
        "sorted(glob.glob(sys.argv[1]+'/entries/*.json'))+[sys.argv[1]+'/household.json']]"),
        str(home)])
    return found


def language_cases(home: Path, caregiver: str) -> dict[str, Case]:
    """The same commands in English and in Korean (issue 13: Korean at most 1.05x English)."""
    env = {"CARETOOL_HOME": str(home), "CARETOOL_NOW": NOW}
    found = {}
    for lang in ("en", "ko"):
        found[f"--lang {lang} --help"] = Case([*CARETOOL, "--lang", lang, "--help"], env)
        found[f"--lang {lang} log hours 2"] = Case(
            [*CARETOOL, "--lang", lang, "log", "hours", "2", "--caregiver", caregiver], env,
            [*CARETOOL, "undo"])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--years", type=float, default=5)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--quick", action="store_true", help="tiny household, 2 runs")
    parser.add_argument("--out", default=str(BENCH / "results.json"))
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="compile every module in every process (as with PYTHONDONTWRITEBYTECODE)")
    args = parser.parse_args()
    warmup = 1
    if args.quick:  # keeps the scripts working in the test suite; the figures mean nothing
        args.years, args.runs, warmup = 0.05, 1, 0

    work = Path(tempfile.mkdtemp(prefix="caretool-bench-"))
    # An installed caretool has its bytecode compiled once; a machine that sets
    # PYTHONDONTWRITEBYTECODE would make every timed process compile typer, rich and caretool.
    if args.no_bytecode_cache:
        os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    try:
        empty, full = work / "empty", work / "full"
        make_empty_home(empty, 3)
        make_home(full, args.years, 3)
        caregiver = json.loads(subprocess.run(
            [*CARETOOL, "--json", "caregiver", "list"], capture_output=True, text=True, check=True,
            env={**os.environ, "CARETOOL_HOME": str(full)}).stdout)["data"][0]["name"]
        subprocess.run([*CARETOOL, "log", "note", "the entry to edit"], check=True, capture_output=True,
                       env={**os.environ, "CARETOOL_HOME": str(empty), "CARETOOL_NOW": NOW})
        two_years_ago = "2024-11-20" if args.years >= 2 else "today"  # NOW is 2026-11-20
        notes = {"empty": a_note(empty, "today"), "5y": a_note(full, two_years_ago)}
        cases = {
            "python -c pass": Case([PY, "-c", "pass"]),
            "floor app": Case([PY, str(BENCH / "floor_app.py")]),
            "floor app --help": Case([PY, str(BENCH / "floor_app.py"), "--help"]),
            "caretool --help": Case([*CARETOOL, "--help"], {"CARETOOL_HOME": str(empty)}),
            **language_cases(empty, caregiver),
            **cases_for("empty", empty, caregiver, notes["empty"]),
            **cases_for("5y", full, caregiver, notes["5y"]),
        }
        times = medians(cases, args.runs, warmup)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    checks = []

    def ratio(name: str, num: str, den: str, target: float) -> None:
        value = times[num] / times[den]
        checks.append({"check": name, "ratio": round(value, 2), "target": target,
                       "ok": value <= target})

    for name in DAILY:
        ratio(f"{name}: 5-year home / empty home", f"{name} [5y]", f"{name} [empty]", 1.2)
    ratio("report (one week): 5-year / empty", "report [5y]", "report [empty]", 1.3)
    ratio("progress: 5-year home / empty home", "progress [5y]", "progress [empty]", 1.2)
    ratio("edit ID: 5-year home / empty home", "edit ID [5y]", "edit ID [empty]", 1.2)
    ratio("delete ID: 5-year home / empty home", "delete ID [5y]", "delete ID [empty]", 1.2)
    ratio("caretool --help / floor app --help", "caretool --help", "floor app --help", 1.3)
    ratio("log on empty home / floor app command", "log [empty]", "floor app", 1.4)
    ratio("export 5-year home / json.load of its files", "export [5y]", "json.load [5y]", 3.0)
    ratio("--lang ko --help / --lang en --help", "--lang ko --help", "--lang en --help", 1.05)
    ratio("--lang ko log hours 2 / --lang en", "--lang ko log hours 2", "--lang en log hours 2", 1.05)

    width = max(len(k) for k in times)
    print(f"{'command':<{width}}  median ms")
    for name, value in times.items():
        print(f"{name:<{width}}  {value * 1000:9.1f}")
    print()
    print(f"{'check':<48} {'ratio':>6} {'target':>7}  ok")
    for c in checks:
        print(f"{c['check']:<48} {c['ratio']:>6.2f} {c['target']:>7.2f}  {'yes' if c['ok'] else 'NO'}")
    Path(args.out).write_text(json.dumps({
        "years": args.years, "runs": args.runs, "python": sys.version.split()[0],
        "medians_ms": {k: round(v * 1000, 1) for k, v in times.items()}, "checks": checks,
    }, indent=2) + "\n")
    print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
