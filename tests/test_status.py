"""`caretool today`: the week's warnings (derived, grouped), doses, the streak and the next step."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

NOW = "2026-11-20T21:00:00+00:00"


@pytest.fixture(autouse=True)
def pinned(clock: Callable[..., None]) -> None:
    clock(NOW)


def test_a_new_household_is_told_to_check_in(run: Any, household: Any) -> None:
    household("Ji-woo")
    info = run.json("today")
    assert info["checked_in"] is False and info["streak"] == 0 and info["warnings"] == []
    assert info["next_id"] == "status.next.checkin"
    assert info["next"] == "Run `caretool checkin` for today (about two minutes)."  # text under --json
    out = run("today").stdout
    assert "Today, 2026-11-20 - caring for Min-jun" in out
    assert "Not checked in yet today." in out
    assert "Next: Run `caretool checkin` for today" in out


def test_the_weeks_warnings_are_grouped_by_rule_with_counts(run: Any, household: Any) -> None:
    household("Ji-woo")
    for when in ("6 days ago", "3 days ago", "yesterday"):
        run("log", "symptom", "falls", "--severity", "1", "--at", when)
    run("log", "symptom", "falls", "--severity", "1", "--at", "8 days ago")  # before the week
    [falls] = run.json("today")["warnings"]
    assert falls["rule"] == "fall" and falls["count"] == 3
    assert falls["days"] == ["2026-11-14", "2026-11-17", "2026-11-19"]
    assert falls["title"] and falls["action"]  # rendered text under --json
    out = run("today").stdout
    assert "Warnings in the last 7 days: 3" in out
    assert "3 times, last on 2026-11-19" in out
    assert out.count("A fall") == 1


def test_warnings_are_derived_so_a_deleted_entry_takes_its_warning_away(run: Any, household: Any) -> None:
    household("Ji-woo")
    run("log", "symptom", "jaundice", "--severity", "1", "--at", "2 days ago")
    assert [w["rule"] for w in run.json("today")["warnings"]] == ["jaundice"]
    last = run.json("history", "--limit", "1")[0]["id"]
    run("delete", last)
    assert run.json("today")["warnings"] == []


def test_an_emergency_today_comes_before_everything_else(run: Any, household: Any) -> None:
    household("Ji-woo")
    run("log", "symptom", "choking", "--severity", "3")
    info = run.json("today")
    assert info["warnings"][0]["urgency"] == "emergency"
    assert info["next_id"] == "status.next.urgent"
    assert info["next"].startswith("Act on today's warning first:")
    assert "EMERGENCY: " in run("today").stdout


def test_after_the_check_in_the_next_step_is_the_weeks_warnings(run: Any, household: Any) -> None:
    household("Ji-woo")
    run("log", "symptom", "falls", "--severity", "1", "--at", "2 days ago")
    run("checkin", "--non-interactive", "--hours", "2", "--sleep", "7", "--stress", "3")
    info = run.json("today")
    assert info["checked_in"] is True and info["streak"] == 1
    assert info["next_id"] == "status.next.warnings"
    assert "Checked in today. Streak: 1 day." in run("today").stdout


def test_nothing_more_today(run: Any, household: Any) -> None:
    household("Ji-woo")
    run("checkin", "--non-interactive", "--hours", "2", "--sleep", "7", "--stress", "3")
    assert run.json("today")["next_id"] == "status.next.nothing"
    assert "Next: Nothing more today." in run("today").stdout


def test_an_open_dose_is_the_next_step(run: Any, household: Any, clock: Callable[..., None]) -> None:
    clock("2026-11-20T07:00:00+00:00")
    household("Ji-woo")
    run("med", "add", "baclofen", "--dose", "5 mg", "--times", "08:00,20:00")
    run("checkin", "--non-interactive", "--hours", "2", "--sleep", "7", "--stress", "3")
    clock("2026-11-20T09:00:00+00:00")
    info = run.json("today")
    assert info["next_id"] == "status.next.dose"
    assert "caretool med take baclofen" in info["next"]
    assert "Dose 08:00 baclofen: due now" in run("today").stdout
