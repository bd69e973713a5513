"""Medicines taken as needed, with limits: at most N doses in any 24 hours, at least a gap apart.

`med take` refuses a dose over the limits (exit 2, naming the last dose and when the next is
allowed) unless --override with a note; the weekly report counts the doses of each day.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def paracetamol(run: Any, household: Any, clock: Callable[..., None]) -> Callable[[str], None]:
    """Paracetamol, at most 4 doses in 24 hours and 4 hours apart; returns a clock setter."""
    clock("2026-11-01T09:00:00+00:00")
    household()
    clock("2026-11-16T06:00:00+00:00")
    run("med", "add", "paracetamol", "--dose", "1 tablet", "--as-needed", "--max-per-day", "4",
        "--min-gap", "4h")

    def at(moment: str) -> None:
        clock(f"2026-11-{moment}:00+00:00")

    return at


def test_the_limits_are_stored_and_shown(run: Any, paracetamol: Any) -> None:
    [med] = run.json("med", "list")
    assert (med["max_per_day"], med["min_gap"]) == (4, 240)
    assert "as needed, at most 4 doses in 24 hours, 4 h apart" in run("med", "list", "paracetamol").stdout


def test_a_dose_too_soon_is_refused_with_the_last_dose_and_the_next_allowed(run: Any,
                                                                           paracetamol: Any) -> None:
    paracetamol("16T08:00")
    run("med", "take", "paracetamol")
    paracetamol("16T10:30")
    refused = run("med", "take", "paracetamol", code=2)
    assert ("paracetamol was last given at 08:00, less than 4 h before; the next dose is allowed from 12:00"
            in refused.stderr)
    assert "--override --note" in refused.stderr
    assert len(run.json("history", "--kind", "dose")) == 1  # nothing written
    paracetamol("16T12:00")
    run("med", "take", "paracetamol")


def test_a_fifth_dose_in_24_hours_is_refused_until_the_first_is_24_hours_old(run: Any,
                                                                            paracetamol: Any) -> None:
    for moment in ("16T06:00", "16T10:00", "16T14:00", "16T18:00"):
        paracetamol(moment)
        run("med", "take", "paracetamol")
    paracetamol("17T02:00")  # 8 hours after the last one, but the fifth in 24 hours
    refused = run("--json", "med", "take", "paracetamol", code=2)
    error = json.loads(refused.stdout)["error"]
    assert error["message"] == ("paracetamol was already given 4 times in the 24 hours before (at most 4), "
                                "last at 2026-11-16 18:00; the next dose is allowed from 06:00")
    paracetamol("17T06:00")
    run("med", "take", "paracetamol")


def test_an_override_needs_a_note_and_keeps_it(run: Any, paracetamol: Any) -> None:
    paracetamol("16T08:00")
    run("med", "take", "paracetamol")
    paracetamol("16T09:00")
    assert "--override needs a note" in run("med", "take", "paracetamol", "--override", code=2).stderr
    assert "--note goes with --override" in run("med", "take", "paracetamol", "--note", "x", code=2).stderr
    result = run("med", "take", "paracetamol", "--override", "--note", "the GP said one more tonight")
    assert "over its limits: the GP said one more tonight" in result.stdout
    newest = run.json("history", "--kind", "dose", "--limit", "1")[0]
    assert newest["reason"] == "the GP said one more tonight"


def test_a_dose_recorded_late_between_two_others_is_checked_both_ways(run: Any, paracetamol: Any) -> None:
    paracetamol("16T12:00")
    run("med", "take", "paracetamol")
    run("med", "take", "paracetamol", "--at", "2026-11-16 10:00", code=2)  # 2 h before the one at 12:00
    run("med", "take", "paracetamol", "--at", "2026-11-16 07:30")


@pytest.mark.parametrize("args", [
    ["--max-per-day", "0"], ["--max-per-day", "-1"], ["--max-per-day", "2.5"], ["--max-per-day", "25"],
    ["--min-gap", "0"], ["--min-gap", "4"], ["--min-gap", "3 days"], ["--min-gap", "-4h"],
])
def test_bad_limits_exit_2_and_add_nothing(run: Any, household: Any, home: Path, args: list[str]) -> None:
    household()
    before = (home / "household.json").read_bytes()
    result = run("med", "add", "ibuprofen", "--dose", "200 mg", "--as-needed", *args, code=2)
    assert result.stderr.startswith("error: ")
    assert (home / "household.json").read_bytes() == before


def test_limits_belong_to_an_as_needed_medicine(run: Any, household: Any) -> None:
    household()
    refused = run("med", "add", "baclofen", "--dose", "5 mg", "--times", "08:00", "--max-per-day", "3",
                  code=2)
    assert "for medicines taken as needed" in refused.stderr
    run("med", "add", "baclofen", "--dose", "5 mg", "--times", "08:00")
    overridden = run("med", "take", "baclofen", "--override", "--note", "x", code=2)
    assert "no limits to override" in overridden.stderr


def test_limits_change_and_clear_with_med_edit(run: Any, paracetamol: Any) -> None:
    run("med", "edit", "paracetamol", "--max-per-day", "3", "--min-gap", "none")
    [med] = run.json("med", "list")
    assert (med["max_per_day"], med.get("min_gap")) == (3, None)
    paracetamol("16T08:00")
    run("med", "take", "paracetamol")
    paracetamol("16T08:30")
    run("med", "take", "paracetamol")  # no gap any more
    run("med", "edit", "paracetamol", "--times", "08:00")  # now on a schedule: the limits go
    [med] = run.json("med", "list")
    assert "max_per_day" not in med and "min_gap" not in med


def test_the_check_in_records_what_was_given_without_refusing(run: Any, paracetamol: Any) -> None:
    paracetamol("16T08:00")
    run("med", "take", "paracetamol")
    paracetamol("16T09:00")
    run("checkin", "--non-interactive", "--hours", "1", "--sleep", "7", "--stress", "3",
        "--took", "paracetamol")
    assert len(run.json("history", "--kind", "dose")) == 2


def test_the_weekly_report_counts_as_needed_doses_per_day(run: Any, paracetamol: Any) -> None:
    for moment in ("16T08:00", "16T14:00", "18T09:00"):
        paracetamol(moment)
        run("med", "take", "paracetamol")
    paracetamol("22T20:00")
    data = json.loads(run("report", "--week", "2026-W47", "--format", "json").stdout)
    [item] = data["medications"]["items"]
    assert [d["count"] for d in item["per_day"]] == [2, 0, 1, 0, 0, 0, 0]
    assert item["per_day"][0]["day"] == "2026-11-16"
    text = run("report", "--week", "2026-W47").stdout
    assert "paracetamol (as needed), doses each day: Mon 16 Nov 2, Tue 17 Nov 0, Wed 18 Nov 1" in text
    markdown = run("report", "--week", "2026-W47", "--format", "md").stdout
    assert "- paracetamol (as needed), doses each day: Mon 16 Nov 2" in markdown
