"""`caretool today`: the doses first - missed since the last check-in, and still due today."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

CHECKIN = ["checkin", "--non-interactive", "--hours", "2", "--sleep", "7", "--stress", "3"]


@pytest.fixture
def riluzole(run: Any, household: Any, clock: Callable[..., None]) -> None:
    clock("2026-11-01T09:00:00+00:00")
    household()
    run("med", "add", "riluzole", "--dose", "50 mg", "--times", "08:00,20:00", "--start", "2026-11-10")


def test_missed_since_the_last_check_in_come_first(run: Any, riluzole: None, clock: Any) -> None:
    clock("2026-11-19T21:00:00+00:00")
    run(*CHECKIN, "--took", "riluzole")  # yesterday's evening check-in: the 20:00 dose, given late
    clock("2026-11-20T21:30:00+00:00")  # today nothing was recorded yet: 08:00 missed, 20:00 due
    info = run.json("today")
    assert info["last_checkin"].startswith("2026-11-19T21:00")
    assert [d["scheduled_for"][:16] for d in info["missed"]] == ["2026-11-20T08:00"]
    assert [d["time"] for d in info["still_due"]] == ["20:00"]
    lines = run("today").stdout.splitlines()
    assert lines[1] == "  Missed since the last check-in (2026-11-19 21:00): 1 dose"
    assert lines[2] == "    08:00 riluzole 50 mg"
    assert lines[3] == "  Dose 20:00 riluzole: due now"


def test_doses_missed_before_the_check_in_are_not_repeated(run: Any, riluzole: None, clock: Any) -> None:
    clock("2026-11-20T07:00:00+00:00")
    run(*CHECKIN)  # the 2026-11-19 doses were never recorded, but the check-in came after them
    clock("2026-11-20T09:00:00+00:00")
    run("med", "take", "riluzole")
    info = run.json("today")
    assert info["missed"] == []
    assert [d["state"] for d in info["still_due"]] == ["upcoming"]
    assert "Recorded today: 1 of 2 doses." in run("today").stdout


def test_without_a_check_in_the_last_7_days_are_shown_one_line_per_medicine(
        run: Any, riluzole: None, clock: Any) -> None:
    clock("2026-11-20T09:00:00+00:00")
    info = run.json("today")
    assert info["last_checkin"] is None
    assert len(info["missed"]) == 12  # 7 days back, today included: 14 - 19 November twice
    assert [d["time"] for d in info["still_due"]] == ["08:00", "20:00"]  # 08:00 is within its grace
    out = run("today").stdout
    assert "  Missed in the last 7 days: 12 doses" in out
    assert "    riluzole: 12 doses, the last at 2026-11-19 20:00" in out


def test_a_household_without_medicines_shows_no_dose_lines(run: Any, household: Any, clock: Any) -> None:
    clock("2026-11-20T09:00:00+00:00")
    household()
    info = run.json("today")
    assert (info["missed"], info["still_due"], info["low_stock"]) == ([], [], [])
    assert "Dose" not in run("today").stdout


def test_today_warn_days_is_checked(run: Any, riluzole: None, clock: Any) -> None:
    clock("2026-11-20T09:00:00+00:00")
    assert run("today", "--warn-days", "-2", code=2).stderr.startswith("error: ")
