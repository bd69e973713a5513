"""Kill caretool at every filesystem step of a command and check what a family would find.

    python bench/crash_harness.py                 # every step of every scenario, then the storm
    python bench/crash_harness.py --storm 400     # ...with a 400-run random-kill storm
    python bench/crash_harness.py --only log,edit --no-storm

The store counts its filesystem steps (caretool/store/faults.py); CARETOOL_FAULT_AT=N makes a
real caretool process SIGKILL itself just before step N. For each scenario the harness builds a
home in the "before" state, runs the command once untouched (that run counts the steps and gives
the "after" state), then for each N runs it on a fresh copy of the before-home and kills it there.
After every kill it checks the invariant:
  - doctor finds no error and no stale index (every file loads; an interrupted commit is finished);
  - the home's content equals the before state or the after state, never a mix;
  - `undo` then reverts exactly the last acknowledged change (the state undo gives from "before",
    or from "after", computed on untouched copies);
  - every listed backup passes the backup checks.
The storm does the same with kills at random steps and at random moments (a timer).

The tests (tests/test_crash_harness.py) run a sample of steps per scenario; the full sweep and
the storm run as a slow test and from here.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
NOW = "2026-11-20T21:00:00+00:00"
PY = sys.executable
ID = re.compile(r"\b[0-9a-f]{32}\b")
# A new home names its computer with a random origin: it is an id like the others.
ORIGIN = re.compile(r'(?<="origin": ")[0-9a-f]{12}(?=")')


def base_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARETOOL_")}
    pythonpath = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    return {**env, "PYTHONPATH": pythonpath, "CARETOOL_HOME": str(home), "CARETOOL_NOW": NOW,
            "CARETOOL_LOCK_TIMEOUT": "60", "TZ": "UTC", "NO_COLOR": "1"}


class InProcess:
    """caretool run inside this process: fast, for building homes and checking them."""

    def __init__(self) -> None:
        from typer.testing import CliRunner

        from caretool.cli.root import build_app

        self.app = build_app()
        self.runner = CliRunner()

    def __call__(self, home: Path, *args: str, code: int | None = 0) -> Any:
        env = {"CARETOOL_HOME": str(home), "CARETOOL_NOW": NOW, "TZ": "UTC", "CARETOOL_LOCK_TIMEOUT": "60"}
        for key in [k for k in os.environ if k.startswith("CARETOOL_FAULT")]:
            env[key] = ""
        result = self.runner.invoke(self.app, list(args), env=env, catch_exceptions=False)
        if code is not None and result.exit_code != code:
            raise AssertionError(f"caretool {' '.join(args)}: exit {result.exit_code}\n{result.stdout}\n"
                                 f"{result.stderr}")
        return result

    def json(self, home: Path, *args: str) -> Any:
        return json.loads(self(home, "--json", *args).stdout)["data"]


# --- homes and their content --------------------------------------------------------------------
def clone(source: Path, target: Path) -> None:
    """A copy that shares every file's inode: caretool only ever replaces files, never rewrites
    them, so the copy behaves exactly like the original (its id index stays trusted)."""
    shutil.copytree(source, target, copy_function=os.link, symlinks=True)


def content(home: Path) -> dict[str, Any]:
    """What a family has: the household and every entry (the undo stack is checked by running undo)."""
    from caretool.store import Store

    with Store(home) as store:
        tables = store.household_tables() if store.has_household() else None
        records = [r for key in store.month_keys() for r in store.month_records(key)]
    return {"household": tables, "records": records}


def canonical(state: dict[str, Any], known: set[str]) -> str:
    """The content with every id the before-state did not have written as NEW (new entries get
    random ids), records in a fixed order."""
    def plain(value: Any) -> str:
        text = json.dumps(value, sort_keys=True, ensure_ascii=False)
        for pattern in (ID, ORIGIN):
            text = pattern.sub(lambda m: m.group() if m.group() in known else "NEW", text)
        return text

    return plain(state["household"]) + "\n" + "\n".join(sorted(plain(r) for r in state["records"]))


def ids_in(state: dict[str, Any]) -> set[str]:
    text = json.dumps(state)
    return set(ID.findall(text)) | set(ORIGIN.findall(text))


# --- scenarios ------------------------------------------------------------------------------------
@dataclass
class Scenario:
    name: str
    args: list[str]  # "{name}" parts are filled from what setup returns
    setup: Callable[[InProcess, Path, Path], dict[str, str]]

    def command(self, values: dict[str, str]) -> list[str]:
        return [a.format(**values) for a in self.args]


def _household(run: InProcess, home: Path) -> None:
    run(home, "init", "--person", "Min-jun", "--caregiver", "Ji-woo", "--onset", "2025-03-01",
        "--phase", "2", "--yes")
    run(home, "med", "add", "--preset", "riluzole", "--start", "2026-10-01")
    run(home, "log", "note", "October visit", "--at", "2026-10-15 10:00")
    run(home, "log", "hours", "2", "--at", "2026-11-19 09:00")
    run(home, "log", "symptom", "cramps", "--severity", "1", "--at", "2026-11-20 08:00")


def _note_ids(run: InProcess, home: Path) -> dict[str, str]:
    rows = run.json(home, "history", "--limit", "100")
    note = next(r for r in rows if r["kind"] == "note")
    hours = next(r for r in rows if r["kind"] == "hours")
    return {"note": note["id"][:8], "hours": hours["id"][:8]}


def _plain(run: InProcess, home: Path, work: Path) -> dict[str, str]:
    _household(run, home)
    return _note_ids(run, home)


def _first_write_of_day(run: InProcess, home: Path, work: Path) -> dict[str, str]:
    values = _plain(run, home, work)
    yesterday = (datetime.now() - timedelta(days=1)).strftime("%Y%m%d")
    for folder in (home / "backups").iterdir():  # the day's backup is still to be taken
        folder.rename(folder.with_name(yesterday + folder.name[8:]))
    return values


def _many_backups(run: InProcess, home: Path, work: Path) -> dict[str, str]:
    from caretool.store.backup import KEEP

    values = _plain(run, home, work)
    while len(list((home / "backups").iterdir())) < KEEP:
        run(home, "backup")
    return values


def _restorable(run: InProcess, home: Path, work: Path) -> dict[str, str]:
    values = _plain(run, home, work)
    run(home, "log", "note", "after the backup", "--at", "2026-09-10 10:00")
    made = run.json(home, "backup")["backup"]
    run(home, "log", "note", "written after the backup was taken")
    run(home, "delete", values["note"])
    return {**values, "backup": Path(made).name}


def _laptop_export(run: InProcess, work: Path) -> str:
    other = work / "laptop"
    run(other, "init", "--person", "Min-jun", "--caregiver", "Ji-woo", "--caregiver", "Daniel", "--yes")
    for at in ("2026-09-03 10:00", "2026-10-20 11:00", "2026-11-18 12:00"):
        run(other, "log", "note", f"from the laptop at {at}", "--at", at, "--caregiver", "Daniel")
    run(other, "export", "--output", str(work / "laptop.json"))
    return str(work / "laptop.json")


def _importable(run: InProcess, home: Path, work: Path) -> dict[str, str]:
    values = _plain(run, home, work)
    return {**values, "file": _laptop_export(run, work)}


def _empty_for_import(run: InProcess, home: Path, work: Path) -> dict[str, str]:
    home.mkdir(mode=0o700)
    return {"file": _laptop_export(run, work)}


SCENARIOS = [
    Scenario("log", ["log", "note", "harness"], _plain),
    Scenario("log (first write of the day)", ["log", "hours", "1.5"], _first_write_of_day),
    Scenario("checkin", ["checkin", "--non-interactive", "--hours", "3", "--symptom", "cramps=2",
                         "--sleep", "6", "--stress", "4", "--no-break", "--note", "harness day"], _plain),
    Scenario("med take", ["med", "take", "riluzole"], _plain),
    Scenario("edit", ["edit", "{note}", "--text", "edited by the harness"], _plain),
    Scenario("edit --at (to a later month)", ["edit", "{note}", "--at", "2026-11-18 10:00"], _plain),
    Scenario("edit --at (to an earlier month)", ["edit", "{hours}", "--at", "2026-10-20 10:00"], _plain),
    Scenario("delete", ["delete", "{note}"], _plain),
    Scenario("undo", ["undo"], _plain),
    Scenario("import", ["import", "{file}"], _importable),
    Scenario("import (into an empty home)", ["import", "{file}"], _empty_for_import),
    Scenario("backup (with pruning)", ["backup"], _many_backups),
    Scenario("backup --restore", ["backup", "--restore", "{backup}"], _restorable),
]


# --- one scenario -------------------------------------------------------------------------------
@dataclass
class Prepared:
    scenario: Scenario
    template: Path
    command: list[str]
    steps: list[tuple[str, str]]  # (action, path relative to the home)
    before: str
    after: str
    undo_from_before: str
    undo_from_after: str
    known: set[str]


@dataclass
class Outcome:
    scenario: str
    point: str  # "step N (action path)" or "timer 0.23 s"
    exit_code: int
    acknowledged: bool
    state: str  # "before", "after" or "mixed" ("before" when the command changes no content)
    problems: list[str] = field(default_factory=list)
    matches_after: bool = False

    @property
    def survived(self) -> bool:
        return not self.problems


def _undo_state(run: InProcess, home: Path, known: set[str]) -> str:
    run(home, "undo", code=None)
    return canonical(content(home), known)


Built = dict[Any, tuple[Path, dict[str, str]]]


def prepare(scenario: Scenario, work: Path, run: InProcess, built: Built | None = None) -> Prepared:
    """Build the before-home (once per setup, shared through `built`), run the command untouched."""
    folder = work / re.sub(r"[^a-z0-9]+", "-", scenario.name)
    folder.mkdir(parents=True, exist_ok=True)
    template = folder / "template"
    if built is not None and scenario.setup in built:
        shared, values = built[scenario.setup]
        clone(shared, template)
    else:
        values = scenario.setup(run, template, folder)
        if built is not None:
            built[scenario.setup] = (template, values)
    command = scenario.command(values)
    before_state = content(template)
    known = ids_in(before_state)
    clean = folder / "clean"
    clone(template, clean)
    log = folder / "steps.log"
    env = {**base_env(clean), "CARETOOL_FAULT_LOG": str(log)}
    done = subprocess.run([PY, "-m", "caretool", *command], env=env, capture_output=True, text=True,
                          timeout=300, cwd=REPO)
    if done.returncode != 0:
        raise AssertionError(f"{scenario.name}: {command} failed untouched: {done.stderr}")
    steps = []
    for line in log.read_text(encoding="utf-8").splitlines():
        _, action, path = line.split("\t")
        steps.append((action, os.path.relpath(path, clean)))
    after = canonical(content(clean), known)
    for_undo = folder / "undo-before"
    clone(template, for_undo)
    undo_before = _undo_state(run, for_undo, known)
    undo_after = _undo_state(run, clean, known)
    return Prepared(scenario, template, command, steps, canonical(before_state, known), after,
                    undo_before, undo_after, known)


def sample_points(steps: list[tuple[str, str]]) -> list[int]:
    """A few kill points that stand for the rest: the first step, the last temporary write, the
    intent's rename (the commit point) and the step after it, the intent's removal, the last step."""
    picks = {1, len(steps)}
    commit = next((i for i, (action, path) in enumerate(steps, 1)
                   if action == "rename" and path == ".intent.json"), None)
    if commit is not None:
        picks.update({commit, commit + 1, commit - 2})
    removal = next((i for i, (action, path) in enumerate(steps, 1)
                    if action == "unlink" and path == ".intent.json"), None)
    if removal is not None:
        picks.add(removal)
    prune = next((i for i, (action, _) in enumerate(steps, 1) if action == "remove-tree"), None)
    if prune is not None:
        picks.add(prune)
    return sorted(p for p in picks if 1 <= p <= len(steps))


def _kill_run(prepared: Prepared, home: Path, *, step: int | None = None, timer: float | None = None,
              enospc: bool = False) -> subprocess.CompletedProcess[str]:
    clone(prepared.template, home)
    env = base_env(home)
    if step is not None:
        env["CARETOOL_FAULT_ENOSPC" if enospc else "CARETOOL_FAULT_AT"] = str(step)
    proc = subprocess.Popen([PY, "-m", "caretool", *prepared.command], env=env, text=True, cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if timer is not None:
        try:
            proc.wait(timeout=timer)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=300)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def check(prepared: Prepared, home: Path, done: subprocess.CompletedProcess[str], point: str,
          run: InProcess) -> Outcome:
    from caretool.store import backup, doctor

    problems = []
    acknowledged = done.returncode == 0
    if done.returncode not in (0, -signal.SIGKILL, 3):
        problems.append(f"exit {done.returncode}: {done.stderr.strip()[-300:]}")
    if "Traceback" in done.stderr:
        problems.append("traceback: " + done.stderr.strip()[-300:])
    findings = doctor.check_home(home)
    never_set_up = prepared.before.startswith("null\n")  # "no household" is then the state before
    for f in findings:
        if never_set_up and f.code == "doctor.no-household":
            continue
        if f.level == "error" or f.code == "doctor.index-rebuilt":
            problems.append(f"doctor: {f.level} {f.path}: {f.problem}")
    try:
        state = canonical(content(home), prepared.known)
    except Exception as exc:  # any failure to read is what this harness exists to find
        problems.append(f"cannot read the home: {exc}")
        return Outcome(prepared.scenario.name, point, done.returncode, acknowledged, "unreadable", problems)
    is_before, is_after = state == prepared.before, state == prepared.after
    which = "before" if is_before else "after" if is_after else "mixed"  # a backup changes no content
    if which == "mixed":
        problems.append("the home is neither the state before nor the state after")
    if acknowledged and not is_after:
        problems.append("an acknowledged change is missing")
    for folder in backup.list_backups(home):
        if (bad := backup.check_backup(folder)):
            problems.append(f"listed backup {folder.name} is damaged: {bad[0]}")
    if which in ("before", "after"):
        undone = _undo_state(run, home, prepared.known)
        wanted = prepared.undo_from_before if is_before else prepared.undo_from_after
        if undone != wanted:
            problems.append(f"undo did not revert exactly the last change (from the {which} state)")
    return Outcome(prepared.scenario.name, point, done.returncode, acknowledged, which, problems, is_after)


def sweep(prepared: Prepared, work: Path, run: InProcess, points: list[int], *, enospc: bool = False,
          workers: int = 2) -> list[Outcome]:
    """Kill (or fail with a full disk) at each point; processes run in parallel, checks one by one."""
    folder = work / ("enospc" if enospc else "kills") / re.sub(r"[^a-z0-9]+", "-", prepared.scenario.name)
    folder.mkdir(parents=True, exist_ok=True)

    def one(n: int) -> tuple[int, subprocess.CompletedProcess[str]]:
        return n, _kill_run(prepared, folder / f"n{n}", step=n, enospc=enospc)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        runs = list(pool.map(one, points))
    outcomes = []
    for n, done in runs:
        action, path = prepared.steps[n - 1]
        outcome = check(prepared, folder / f"n{n}", done, f"step {n} ({action} {path})", run)
        if enospc:
            outcome.problems.extend(_enospc_problems(done, outcome))
        outcomes.append(outcome)
        shutil.rmtree(folder / f"n{n}", ignore_errors=True)
    return outcomes


def _enospc_problems(done: subprocess.CompletedProcess[str], outcome: Outcome) -> list[str]:
    """A full disk part-way through: the old state whole and a message saying so, or (past the
    commit point) a message that the next command finishes the change."""
    if done.returncode == 0:
        return [] if outcome.matches_after else ["succeeded without its change"]
    if done.returncode != 3:
        return [f"exit {done.returncode} on a full disk"]
    if "disk is full; nothing was changed" in done.stderr:
        return [] if outcome.state == "before" else ["said nothing was changed, but something was"]
    if "next caretool command finishes it" in done.stderr:
        return [] if outcome.matches_after else ["said the change would be finished, but it was not"]
    return [f"unclear message on a full disk: {done.stderr.strip()}"]


def storm(prepared_all: list[Prepared], work: Path, run: InProcess, runs: int, seed: int,
          workers: int = 2) -> list[Outcome]:
    """Kills at random steps (half) and at random moments (half) across every scenario."""
    rng = random.Random(seed)
    plan = []
    for i in range(runs):
        prepared = rng.choice(prepared_all)
        if i % 2:
            plan.append((i, prepared, rng.randint(1, len(prepared.steps)), None))
        else:
            plan.append((i, prepared, None, rng.uniform(0.05, 0.8)))
    folder = work / "storm"
    folder.mkdir(parents=True, exist_ok=True)

    def one(item: tuple[int, Prepared, int | None, float | None]) -> subprocess.CompletedProcess[str]:
        i, prepared, step, timer = item
        return _kill_run(prepared, folder / f"r{i}", step=step, timer=timer)

    outcomes = []
    for start in range(0, len(plan), 8):
        batch = plan[start:start + 8]
        with ThreadPoolExecutor(max_workers=workers) as pool:
            done = list(pool.map(one, batch))
        for (i, prepared, step, timer), result in zip(batch, done, strict=True):
            point = f"step {step}" if step is not None else f"timer {timer:.2f} s"
            outcomes.append(check(prepared, folder / f"r{i}", result, point, run))
            shutil.rmtree(folder / f"r{i}", ignore_errors=True)
    return outcomes


# --- figures --------------------------------------------------------------------------------------
def figures(outcomes: list[Outcome]) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = {}
    for o in outcomes:
        row = table.setdefault(o.scenario, {"tried": 0, "survived": 0, "acknowledged": 0,
                                            "acknowledged_lost": 0, "before": 0, "after": 0, "mixed": 0})
        row["tried"] += 1
        row["survived"] += o.survived
        row["acknowledged"] += o.acknowledged
        row["acknowledged_lost"] += o.acknowledged and not o.matches_after
        row[o.state if o.state in ("before", "after") else "mixed"] += 1
    return table


def print_table(title: str, table: dict[str, dict[str, int]]) -> None:
    print(f"\n{title}")
    print(f"{'command':<34} {'tried':>6} {'survived':>9} {'acked':>6} {'acked lost':>11} "
          f"{'before':>7} {'after':>6} {'mixed':>6}")
    total: dict[str, int] = {}
    for name, row in table.items():
        print(f"{name:<34} {row['tried']:>6} {row['survived']:>9} {row['acknowledged']:>6} "
              f"{row['acknowledged_lost']:>11} {row['before']:>7} {row['after']:>6} {row['mixed']:>6}")
        for k, v in row.items():
            total[k] = total.get(k, 0) + v
    print(f"{'all':<34} {total.get('tried', 0):>6} {total.get('survived', 0):>9} "
          f"{total.get('acknowledged', 0):>6} {total.get('acknowledged_lost', 0):>11} "
          f"{total.get('before', 0):>7} {total.get('after', 0):>6} {total.get('mixed', 0):>6}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", help="comma-separated scenario names (default: all)")
    parser.add_argument("--storm", type=int, default=320, help="random-kill runs (default 320)")
    parser.add_argument("--no-storm", action="store_true")
    parser.add_argument("--no-enospc", action="store_true")
    parser.add_argument("--seed", type=int, default=20261120)
    parser.add_argument("--out", help="also write the figures to this JSON file")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    os.environ["CARETOOL_NOW"] = NOW
    os.environ["TZ"] = "UTC"
    time.tzset()
    wanted = set(args.only.split(",")) if args.only else None
    chosen = [s for s in SCENARIOS if wanted is None or s.name in wanted]
    run = InProcess()
    work = Path(tempfile.mkdtemp(prefix="caretool-crash-"))
    results: dict[str, Any] = {}
    try:
        built: Built = {}
        prepared = [prepare(s, work, run, built) for s in chosen]
        kills = [o for p in prepared for o in sweep(p, work, run, list(range(1, len(p.steps) + 1)))]
        print_table("Every step (SIGKILL just before step N)", figures(kills))
        results["every_step"] = figures(kills)
        failed = [o for o in kills if not o.survived]
        if not args.no_enospc:
            full = [o for p in prepared for o in sweep(p, work, run, list(range(1, len(p.steps) + 1)),
                                                       enospc=True)]
            print_table("Every step with a full disk (ENOSPC at step N)", figures(full))
            results["full_disk"] = figures(full)
            failed += [o for o in full if not o.survived]
        if not args.no_storm:
            storm_runs = storm(prepared, work, run, args.storm, args.seed)
            print_table(f"Random-kill storm ({args.storm} runs, seed {args.seed})", figures(storm_runs))
            results["storm"] = figures(storm_runs)
            failed += [o for o in storm_runs if not o.survived]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for o in failed[:20]:
        print(f"FAILED {o.scenario} at {o.point}: {'; '.join(o.problems)}")
    if args.out:
        Path(args.out).write_text(json.dumps(results, indent=2) + "\n")
        print(f"\nwrote {args.out}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
