"""`caretool med stock`: what is at hand, lowered by every dose taken, and how long it lasts.

The count is derived (the last count minus the doses taken after it), so these tests walk the
ways a dose changes: take, skip, undo, edit, delete, import (twice), and check the number a family
would read in `med stock`, `med list` and `today`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

DAY1 = "2026-11-20"


@pytest.fixture
def home_with(run: Any, household: Any, clock: Callable[..., None]) -> Callable[..., None]:
    """A household with riluzole (08:00 and 20:00, 1 tablet a dose) counted at 07:00 on DAY1."""

    def make(count: str = "60") -> None:
        clock("2026-11-01T09:00:00+00:00")
        household()
        clock(f"{DAY1}T07:00:00+00:00")
        run("med", "add", "--preset", "riluzole", "--start", "2026-11-14")
        run("med", "stock", "riluzole", count)

    return make


def left(run: Any, name: str = "Riluzole") -> float:
    [row] = [r for r in run.json("med", "stock") if r["name"] == name]
    return float(row["left"])


def at(clock: Callable[..., None], moment: str) -> None:
    clock(f"{DAY1}T{moment}:00+00:00")


def test_each_dose_taken_lowers_the_count_and_undo_gives_it_back(
        run: Any, home_with: Any, clock: Callable[..., None]) -> None:
    home_with()
    assert left(run) == 60
    at(clock, "08:05")
    run("med", "take", "riluzole")
    assert left(run) == 59
    at(clock, "20:10")
    run("med", "skip", "riluzole", "--reason", "asleep")
    assert left(run) == 59  # a skipped dose was not given
    run("med", "take", "riluzole", "--for", "20:00", "--replace")
    assert left(run) == 58
    run("undo")
    run("undo")
    assert left(run) == 59
    run("undo")
    assert left(run) == 60
    out = run("med", "stock").stdout
    assert "Riluzole: 60 tablets left" in out


def test_editing_or_deleting_a_dose_changes_the_count_with_it(
        run: Any, home_with: Any, clock: Callable[..., None]) -> None:
    home_with()
    at(clock, "08:05")
    entry = run.json("med", "take", "riluzole")["id"]
    assert left(run) == 59
    run("edit", entry, "--status", "skipped", "--reason", "spat it out")
    assert left(run) == 60
    run("edit", entry, "--status", "taken")
    assert left(run) == 59
    run("edit", entry, "--at", f"{DAY1} 06:30")  # given before the count: it was not in the 60
    assert left(run) == 60
    run("edit", entry, "--at", f"{DAY1} 08:00")
    run("delete", entry)
    assert left(run) == 60


def test_importing_the_same_doses_twice_counts_them_once(
        run: Any, home_with: Any, clock: Callable[..., None], tmp_path: Path) -> None:
    home_with()
    at(clock, "08:05")
    run("med", "take", "riluzole")
    at(clock, "20:05")
    run("med", "take", "riluzole")
    assert left(run) == 58
    export = tmp_path / "export.json"
    run("export", "--output", str(export))
    run("import", str(export))  # into the same home: nothing new
    assert left(run) == 58
    other = tmp_path / "laptop"
    for _ in range(2):  # a second computer, importing the same file twice
        run("--home", str(other), "import", str(export))
        rows = run.json("--home", str(other), "med", "stock")
        assert [r["left"] for r in rows] == [58]


def test_a_dose_imported_from_another_computer_lowers_the_count_here(
        run: Any, home_with: Any, clock: Callable[..., None], tmp_path: Path) -> None:
    home_with()
    export = tmp_path / "export.json"
    run("export", "--output", str(export))
    laptop = tmp_path / "laptop"
    run("--home", str(laptop), "import", str(export))
    at(clock, "08:05")
    run("--home", str(laptop), "med", "take", "riluzole")  # given and logged on the laptop
    run("--home", str(laptop), "export", "--output", str(export))
    run("import", str(export))
    run("import", str(export))
    assert left(run) == 59


def test_days_left_at_the_current_schedule_and_the_warning_at_7_days(
        run: Any, home_with: Any, clock: Callable[..., None]) -> None:
    home_with("10")  # 08:00 and 20:00 on DAY1..DAY1+4, then none for DAY1+5 08:00
    [row] = run.json("med", "stock")
    assert (row["days_left"], row["runs_out"], row["low"]) == (5, "2026-11-25", True)
    listed = run("med", "list")
    assert "10 tablets, 5 days" in listed.stdout
    assert "Refill soon - Riluzole: 10 tablets left, enough for 5 days (runs out on 2026-11-25)." \
        in listed.stderr
    assert "Refill soon" not in run("med", "list", "--warn-days", "4").stderr
    today = run.json("today")
    assert [r["name"] for r in today["low_stock"]] == ["Riluzole"]
    assert "Refill soon: Riluzole: 10 tablets left" in run("today").stdout
    assert run.json("today", "--warn-days", "3")["low_stock"] == []
    [detail] = [run.json("med", "list", "riluzole")]
    assert detail["stock"]["left"] == 10


def test_a_cycle_with_days_off_lasts_through_the_days_off(run: Any, household: Any,
                                                           clock: Callable[..., None]) -> None:
    clock("2026-11-01T09:00:00+00:00")
    household()
    run("med", "add", "--preset", "edaravone-oral", "--start", "2026-11-01")  # 5 mL on days 1-14
    clock("2026-11-12T06:00:00+00:00")
    run("med", "stock", "edaravone", "20")  # 4 doses: days 12, 13, 14, then day 29 (cycle 2)
    [row] = run.json("med", "stock")
    assert row["unit"] == "mL" and row["runs_out"] == "2026-11-30" and row["days_left"] == 18


def test_the_amount_comes_from_the_dose_text_or_per_dose(run: Any, household: Any,
                                                        clock: Callable[..., None]) -> None:
    clock("2026-11-20T07:00:00+00:00")
    household()
    run("med", "add", "baclofen", "--dose", "2 tablets", "--times", "08:00")
    run("med", "add", "--preset", "riluzole-suspension")
    run("med", "add", "vitamin", "--dose", "5 mg", "--times", "09:00")
    run("med", "stock", "baclofen", "30")
    run("med", "stock", "riluzole suspension", "300")
    refused = run("med", "stock", "vitamin", "30", code=2)
    assert "cannot tell what to count for vitamin" in refused.stderr and "--per-dose" in refused.stderr
    run("med", "stock", "vitamin", "30", "--unit", "tablets", "--per-dose", "1")
    clock("2026-11-20T20:30:00+00:00")
    for name in ("baclofen", "riluzole suspension", "vitamin"):
        run("med", "take", name)
    rows = {r["name"]: r for r in run.json("med", "stock")}
    assert rows["baclofen"]["left"] == 28
    assert (rows["Riluzole suspension"]["left"], rows["Riluzole suspension"]["unit"]) == (290, "mL")
    assert rows["vitamin"]["left"] == 29
    # A new dose text counts from then on; the doses already given keep their own amount.
    run("med", "edit", "baclofen", "--dose", "1 tablet")
    assert {r["name"]: r for r in run.json("med", "stock")}["baclofen"]["left"] == 28


def test_a_refill_is_added_to_what_is_left(run: Any, home_with: Any, clock: Callable[..., None]) -> None:
    home_with("10")
    at(clock, "08:05")
    run("med", "take", "riluzole")
    result = run.json("med", "stock", "riluzole", "56", "--add")
    assert result["before"]["left"] == 9 and result["stock"]["left"] == 65
    out = run("med", "stock", "riluzole", "28", "--add").stdout
    assert "Added to the stock of Riluzole: 65 tablets + 28 tablets." in out
    run("undo")
    assert left(run) == 65


def test_an_as_needed_medicine_lasts_at_its_recent_use(run: Any, household: Any,
                                                       clock: Callable[..., None]) -> None:
    clock("2026-11-01T07:00:00+00:00")
    household()
    run("med", "add", "paracetamol", "--dose", "1 tablet", "--as-needed")
    run("med", "stock", "paracetamol", "30")
    for day in range(1, 15):  # two a day for 14 days
        for hour in ("09", "18"):
            clock(f"2026-11-{day:02d}T{hour}:00:00+00:00")
            run("med", "take", "paracetamol")
    [row] = run.json("med", "stock")
    assert row["left"] == 2 and row["basis"] == "recent use" and row["days_left"] == 1 and row["low"]


def test_more_given_than_counted_says_to_count_again(run: Any, home_with: Any,
                                                     clock: Callable[..., None]) -> None:
    home_with("1")
    at(clock, "08:05")
    run("med", "take", "riluzole")
    at(clock, "20:05")
    run("med", "take", "riluzole")
    result = run("med", "stock")
    assert "Riluzole: none left." in result.stdout
    assert "The count of Riluzole is below zero" in result.stderr


@pytest.mark.parametrize("args", [
    ["riluzole", "-1"], ["riluzole", "abc"], ["riluzole", "1e9"], ["riluzole", "60", "--per-dose", "0"],
    ["riluzole", "60", "--unit", "spoons"], ["riluzole", "60", "--warn-days", "-1"],
    ["riluzole", "60", "--warn-days", "2.5"], ["nothing-like-this", "60"],
])
def test_bad_input_exits_2_and_writes_nothing(run: Any, home: Path, home_with: Any, args: list[str]) -> None:
    home_with()
    before = (home / "household.json").read_bytes()
    result = run("med", "stock", *args, code=2)
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr
    assert (home / "household.json").read_bytes() == before
    assert json.loads(run("--json", "med", "stock", *args, code=2).stdout)["ok"] is False


def test_a_stopped_medicine_takes_no_count_and_warns_no_more(run: Any, home_with: Any,
                                                            clock: Callable[..., None]) -> None:
    home_with("3")
    assert run.json("today")["low_stock"]
    run("med", "stop", "riluzole")
    assert run.json("today")["low_stock"] == []
    assert "already stopped" in run("med", "stock", "riluzole", "60", code=2).stderr


def test_stock_of_one_medicine_not_counted_says_how_to_count(run: Any, household: Any) -> None:
    household()
    run("med", "add", "baclofen", "--dose", "1 tablet", "--times", "08:00")
    assert "count what is at hand" in run("med", "stock", "baclofen", code=2).stderr
    assert "No medicine's stock is counted yet" in run("med", "stock").stderr
