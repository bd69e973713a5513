"""Real caretool processes killed at chosen filesystem steps (CARETOOL_FAULT_AT=N) leave the home
as it was before the command or as it is after it, never a mix; undo then reverts exactly the
last acknowledged change. The normal run kills each command at the steps that stand for the
rest (around the commit point); the full sweep and a random-kill storm are marked slow (and are
bench/crash_harness.py, which prints the figures)."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import crash_harness as harness


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    mp = pytest.MonkeyPatch()
    mp.setenv("TZ", "UTC")
    mp.setenv("CARETOOL_NOW", harness.NOW)
    time.tzset()
    work = tmp_path_factory.mktemp("crash")
    run = harness.InProcess()
    built: harness.Built = {}
    try:
        yield {"work": work, "run": run,
               "by_name": {s.name: harness.prepare(s, work, run, built) for s in harness.SCENARIOS}}
    finally:
        mp.undo()
        time.tzset()


def _failures(outcomes: list[harness.Outcome]) -> list[str]:
    return [f"{o.scenario} at {o.point}: {'; '.join(o.problems)}" for o in outcomes if not o.survived]


@pytest.mark.parametrize("name", [s.name for s in harness.SCENARIOS])
def test_a_kill_at_the_steps_around_the_commit_leaves_before_or_after(prepared: dict[str, Any],
                                                                      name: str) -> None:
    scenario = prepared["by_name"][name]
    points = harness.sample_points(scenario.steps)
    outcomes = harness.sweep(scenario, prepared["work"], prepared["run"], points)
    assert not _failures(outcomes)
    if scenario.before != scenario.after:  # the sample straddles the commit point
        assert {o.state for o in outcomes} == {"before", "after"}


@pytest.mark.parametrize("name", ["log", "edit --at (to a later month)", "import", "backup --restore"])
def test_a_full_disk_part_way_through_leaves_the_old_state_and_says_so(prepared: dict[str, Any],
                                                                       name: str) -> None:
    scenario = prepared["by_name"][name]
    points = harness.sample_points(scenario.steps)
    outcomes = harness.sweep(scenario, prepared["work"], prepared["run"], points, enospc=True)
    assert not _failures(outcomes)
    assert any(o.state == "before" and o.exit_code == 3 for o in outcomes)


def test_the_harness_sees_a_half_applied_change(prepared: dict[str, Any], tmp_path: Path) -> None:
    """The checks themselves can fail: a month file put back by hand is a mix of before and after."""
    scenario = prepared["by_name"]["edit --at (to a later month)"]
    home = tmp_path / "mixed"
    harness.clone(scenario.template, home)
    done = harness._kill_run(scenario, tmp_path / "after", step=None)
    assert done.returncode == 0
    (tmp_path / "after" / "entries" / "2026-11.json").replace(home / "entries" / "2026-11.json")
    outcome = harness.check(scenario, home, done, "by hand", prepared["run"])
    assert outcome.state == "mixed" and not outcome.survived


def every_step(scenario: harness.Prepared) -> list[int]:
    return list(range(1, len(scenario.steps) + 1))


@pytest.mark.slow
def test_every_step_of_every_command(prepared: dict[str, Any]) -> None:
    outcomes = [o for s in prepared["by_name"].values()
                for o in harness.sweep(s, prepared["work"], prepared["run"], every_step(s))]
    harness.print_table("Every step (SIGKILL just before step N)", harness.figures(outcomes))
    assert not _failures(outcomes)


@pytest.mark.slow
def test_every_step_with_a_full_disk(prepared: dict[str, Any]) -> None:
    outcomes = [o for s in prepared["by_name"].values()
                for o in harness.sweep(s, prepared["work"], prepared["run"], every_step(s), enospc=True)]
    harness.print_table("Every step with a full disk", harness.figures(outcomes))
    assert not _failures(outcomes)


@pytest.mark.slow
def test_random_kill_storm(prepared: dict[str, Any]) -> None:
    outcomes = harness.storm(list(prepared["by_name"].values()), prepared["work"], prepared["run"],
                             runs=320, seed=20261120)
    harness.print_table("Random-kill storm (320 runs)", harness.figures(outcomes))
    assert len(outcomes) >= 300
    assert not _failures(outcomes)
