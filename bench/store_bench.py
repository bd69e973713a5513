"""The store's costs against the code before the store rewrite, measured in one run.

    python bench/store_bench.py                    # baseline: commit 72d1fb7, from this repository
    python bench/store_bench.py --baseline DIR     # or a checkout of any older caretool
    python bench/store_bench.py --quick            # tiny homes, one round (the test suite's check)

Checks (targets from issues 12 and 19):
  import of the 5-year export (about 55,000 entries), new / baseline      <= 1.5
  `log hours 2` on the 5-year home, new / baseline                        <= 1.05
  `edit ID` and `delete ID` on the 5-year home / on an almost empty home  <= 1.2
Every case is a whole process, timed round-robin in a shuffled order each round (medians of the
wall time, which the targets are about, and of the CPU time, which a busy shared machine disturbs
far less), so the machine's noise hits every case alike; each write is undone (untimed) so every round does
the same work. Python's bytecode is cached in a temporary folder (as an installed caretool has it),
unless --no-bytecode-cache: then every process compiles every module it imports, which favours the
smaller, older code.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import Case, once

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
PY = sys.executable
NOW = "2026-11-20T21:00:00+00:00"
BASELINE_COMMIT = "72d1fb7"


def baseline_tree(commit: str, into: Path) -> Path:
    into.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(REPO), "archive", commit], check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


# Other daily commands on the 5-year home, new against baseline (the store is under all of them).
DAILY = [
    ("checkin", ["checkin", "--non-interactive", "--symptom", "cramps=1", "--hours", "3", "--sleep", "6",
                 "--stress", "5", "--no-break", "--note", "bench"], True),
    ("history", ["history", "--limit", "20"], False),
    ("med due", ["med", "due"], False),
    ("report", ["report", "--week", "2026-W46", "--format", "json"], False),
    ("export", ["export", "--format", "json", "--output", "{work}/{label}-export.json"], False),
]
BYTECODE: dict[str, str] = {}  # filled in main(): where compiled modules are cached


def env_for(code: Path, home: Path) -> dict[str, str]:
    return {"PYTHONPATH": str(code), "CARETOOL_HOME": str(home), "CARETOOL_NOW": NOW,
            "CARETOOL_LOCK_TIMEOUT": "60", **BYTECODE}


def timed(case: Case) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of the case's process."""
    env = {**os.environ, **case.env}
    start = time.perf_counter()
    proc = subprocess.Popen(case.cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read() if proc.stderr else b""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(case.cmd)} failed: {err.decode()[-800:]}")
    if case.after:
        subprocess.run(case.after, env=env, check=True, capture_output=True)
    return wall, usage.ru_utime + usage.ru_stime


def medians(cases: dict[str, Case], runs: int, warmup: int, seed: int = 7
            ) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """Median wall time, median CPU time and fastest wall time of each case."""
    walls: dict[str, list[float]] = {name: [] for name in cases}
    cpus: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(warmup):
        for case in cases.values():
            once(case)
    rng = random.Random(seed)
    for _ in range(runs):
        order = list(cases)
        rng.shuffle(order)
        for name in order:
            wall, cpu = timed(cases[name])
            walls[name].append(wall)
            cpus[name].append(cpu)
    return ({n: statistics.median(v) for n, v in walls.items()},
            {n: statistics.median(v) for n, v in cpus.items()},
            {n: min(v) for n, v in walls.items()})


def caretool(code: Path, home: Path, *args: str) -> str:
    done = subprocess.run([PY, "-m", "caretool", *args], check=True, capture_output=True, text=True,
                          env={**os.environ, **env_for(code, home)})
    return done.stdout


def make_home(code: Path, folder: Path, years: float) -> None:
    subprocess.run([PY, str(code / "bench" / "make_household.py"), "--years", str(years), "--out",
                    str(folder)], check=True, capture_output=True,
                   env={**os.environ, "PYTHONPATH": str(code), "CARETOOL_NOW": NOW})


def an_old_note(code: Path, home: Path, before: str) -> str:
    rows = json.loads(caretool(code, home, "--json", "history", "--kind", "note", "--to", before,
                               "--limit", "1"))["data"]
    return str(rows[0]["id"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", help="a checkout of the older caretool (default: git archive "
                        f"{BASELINE_COMMIT})")
    parser.add_argument("--years", type=float, default=5)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--quick", action="store_true", help="tiny homes, one round")
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="compile every module in every process (as with PYTHONDONTWRITEBYTECODE)")
    parser.add_argument("--out", help="also write the figures to this JSON file")
    args = parser.parse_args()
    warmup = 1
    if args.quick:
        args.years, args.runs, warmup = 0.1, 1, 0
    work = Path(tempfile.mkdtemp(prefix="caretool-store-bench-"))
    os.chdir(work)  # `python -m caretool` looks in the current folder first: it must find neither tree
    if args.no_bytecode_cache:
        BYTECODE.update(PYTHONDONTWRITEBYTECODE="1")
    else:
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        BYTECODE.update(PYTHONPYCACHEPREFIX=str(work / "pycache"))
    try:
        base = Path(args.baseline) if args.baseline else baseline_tree(BASELINE_COMMIT, work / "base")
        new = REPO
        homes = {}
        for label, code in (("new", new), ("base", base)):
            full = work / f"{label}-5y"
            make_home(code, full, args.years)
            caretool(code, full, "log", "note", "warm-up")  # the day's automatic backup, untimed
            empty = work / f"{label}-empty"
            make_home(code, empty, 0)
            caretool(code, empty, "log", "note", "the one entry to edit")
            homes[label] = (code, full, empty)
        cases: dict[str, Case] = {}
        for label, (code, full, empty) in homes.items():
            # Each tree imports its own export of the same household (the export format moved on:
            # an older caretool refuses a newer file).
            export = work / f"5y-export-{label}.json"
            caretool(code, full, "export", "--output", str(export))
            target = work / f"{label}-import"
            cases[f"import 5y [{label}]"] = Case([PY, "-m", "caretool", "import", str(export)],
                                                 env_for(code, target), ["rm", "-rf", str(target)])
            cases[f"log hours 2 [5y {label}]"] = Case(
                [PY, "-m", "caretool", "log", "hours", "2"], env_for(code, full),
                [PY, "-m", "caretool", "undo"])
            for name, words, undone in DAILY:
                filled = [w.format(work=work, label=label) for w in words]
                cases[f"{name} [5y {label}]"] = Case([PY, "-m", "caretool", *filled], env_for(code, full),
                                                     [PY, "-m", "caretool", "undo"] if undone else None)
            for where, home in (("5y", full), ("empty", empty)):
                entry = an_old_note(code, home, "2024-11-20" if where == "5y" and not args.quick else "today")
                cases[f"edit ID [{where} {label}]"] = Case(
                    [PY, "-m", "caretool", "edit", entry[:8], "--text", "edited by the bench"],
                    env_for(code, home), [PY, "-m", "caretool", "undo"])
                cases[f"delete ID [{where} {label}]"] = Case(
                    [PY, "-m", "caretool", "delete", entry[:8]], env_for(code, home),
                    [PY, "-m", "caretool", "undo"])
        times, cpu, fastest = medians(cases, args.runs, warmup)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    checks = []

    def ratio(name: str, num: str, den: str, target: float) -> None:
        value = times[num] / times[den]
        checks.append({"check": name, "ratio": round(value, 3), "cpu_ratio": round(cpu[num] / cpu[den], 3),
                       "fastest_ratio": round(fastest[num] / fastest[den], 3), "target": target,
                       "ok": value <= target})

    ratio("import 55,000 entries: new / baseline", "import 5y [new]", "import 5y [base]", 1.5)
    ratio("log hours 2 on the 5-year home: new / baseline", "log hours 2 [5y new]",
          "log hours 2 [5y base]", 1.05)
    for name, _, _ in DAILY:
        ratio(f"{name} on the 5-year home: new / baseline", f"{name} [5y new]", f"{name} [5y base]", 1.05)
    ratio("edit ID: 5-year home / empty home", "edit ID [5y new]", "edit ID [empty new]", 1.2)
    ratio("delete ID: 5-year home / empty home", "delete ID [5y new]", "delete ID [empty new]", 1.2)
    ratio("edit ID on the 5-year home: new / baseline", "edit ID [5y new]", "edit ID [5y base]", 1.05)
    ratio("delete ID on the 5-year home: new / baseline", "delete ID [5y new]", "delete ID [5y base]", 1.05)

    width = max(len(k) for k in times)
    print(f"{'case':<{width}}  median ms  median CPU ms  fastest ms")
    for name, value in times.items():
        print(f"{name:<{width}}  {value * 1000:9.1f}  {cpu[name] * 1000:13.1f}  {fastest[name] * 1000:10.1f}")
    print()
    print(f"{'check (medians; CPU medians; fastest runs)':<50} {'ratio':>6} {'CPU':>6} {'min':>6} "
          f"{'target':>7}  ok")
    for c in checks:
        print(f"{c['check']:<50} {c['ratio']:>6.2f} {c['cpu_ratio']:>6.2f} {c['fastest_ratio']:>6.2f} "
              f"{c['target']:>7.2f}  {'yes' if c['ok'] else 'NO'}")
    if args.out:
        Path(args.out).write_text(json.dumps({
            "years": args.years, "runs": args.runs, "python": sys.version.split()[0],
            "bytecode_cache": not args.no_bytecode_cache,
            "medians_ms": {k: round(v * 1000, 1) for k, v in times.items()},
            "cpu_medians_ms": {k: round(v * 1000, 1) for k, v in cpu.items()},
            "fastest_ms": {k: round(v * 1000, 1) for k, v in fastest.items()}, "checks": checks,
        }, indent=2) + "\n")
        print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
