"""Edges a caregiver (or a fuzzer) reaches: the calendar's ends, daylight-saving nights, entries
made in another time zone, numbers thousands of digits long, wide characters in the history."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from caretool.core.text import width
from tests.test_store import snapshot

HUGE = "9" * 5000


@pytest.mark.parametrize("args", [
    ("log", "note", "x", "--at", "0001-01-01 00:00"),
    ("log", "note", "x", "--at", "0001-01-01"),
    ("log", "note", "x", "--at", "9999-12-31 23:59"),
    ("log", "note", "x", "--at", "9999-12-31T23:59:59+14:00"),
    ("log", "note", "x", "--at", "1899-12-31 12:00"),
    ("log", "note", "x", "--at", f"{HUGE} days ago"),
    ("log", "note", "x", "--at", HUGE),
    ("history", "--from", "0001-01-01"),
    ("history", "--to", "9999-12-31"),
    ("history", "--limit", HUGE),
    ("export", "--from", "0001-01-01"),
    ("report", "--week", "0001-W01"),
    ("report", "--week", "9999-W52"),
    ("report", "--week", "1899-W52"),
    ("log", "hours", HUGE),
    ("log", "hours", "0." + HUGE),
    ("log", "hours", "1", "--task", HUGE),
    ("log", "weight", HUGE),
    ("log", "weight", "-" + HUGE),
    ("log", "symptom", "cramps", "--severity", HUGE),
    ("log", "wellbeing", "--sleep", HUGE, "--stress", "1"),
    ("log", "wellbeing", "--sleep", "6", "--stress", HUGE),
    ("edit", "{id}", "--hours", HUGE),
    ("edit", "{id}", "--task", HUGE),
    ("edit", "{id}", "--at", "0001-01-01 00:00"),
    ("edit", HUGE),
    ("delete", HUGE),
])
def test_edges_are_bad_input_never_a_crash(run: Any, household: Any, home: Path,
                                           args: tuple[str, ...]) -> None:
    household()
    entry = run.json("log", "hours", "2")
    before = snapshot(home)
    result = run(*(entry["id"][:8] if a == "{id}" else a for a in args), code=2)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "unexpected" not in result.stderr and len(lines[0]) < 400  # a 5000-digit number is not echoed
    assert snapshot(home) == before


# --- daylight saving time ------------------------------------------------------------------------
@pytest.fixture
def new_york(clock: Callable[..., None]) -> None:
    clock("2026-11-20T12:00:00-05:00", tz="America/New_York")


def test_a_time_the_clocks_skipped_is_refused(run: Any, household: Any, home: Path, new_york: None) -> None:
    household()
    before = snapshot(home)
    err = run("log", "note", "x", "--at", "2026-03-08 02:30", code=2).stderr
    assert "2026-03-08 02:30 does not exist in this time zone" in err and "01:30 or 03:30" in err
    assert snapshot(home) == before
    assert run.json("log", "note", "x", "--at", "2026-03-08 03:30")["at"] == "2026-03-08T03:30:00-04:00"


def test_a_time_that_happened_twice_is_the_first_and_says_so(run: Any, household: Any,
                                                             new_york: None) -> None:
    household()
    result = run("log", "note", "night", "--at", "2026-11-01 01:30")
    assert "happened twice that night" in result.stderr and "the first time, at UTC-04:00" in result.stderr
    assert "--at 2026-11-01T01:30-05:00" in result.stderr
    assert run.json("history")[0]["at"] == "2026-11-01T01:30:00-04:00"
    second = run("log", "note", "again", "--at", "2026-11-01T01:30-05:00")
    assert "the second time, at UTC-05:00" in second.stderr
    assert "happened twice" not in run("log", "note", "later", "--at", "2026-11-01 03:00").stderr


def test_a_day_with_25_hours_takes_25_hours_of_care(run: Any, household: Any, new_york: None) -> None:
    household()
    run("log", "hours", "13", "--at", "2026-11-01 09:00")
    run("log", "hours", "12", "--at", "2026-11-01 22:00")
    assert "would exceed 25 h" in run("log", "hours", "1", "--at", "2026-11-01 23:00", code=2).stderr
    run("log", "hours", "12", "--at", "2026-03-08 09:00")
    assert "would exceed 23 h" in run("log", "hours", "12", "--at", "2026-03-08 22:00", code=2).stderr


# --- another time zone ---------------------------------------------------------------------------
def test_a_text_only_edit_keeps_the_day_of_an_entry_made_elsewhere(
        run: Any, household: Any, clock: Callable[..., None]) -> None:
    clock("2026-11-20T12:00:00+09:00", tz="Asia/Seoul")
    household()
    made = run.json("log", "note", "in Seoul", "--at", "2026-11-20 08:00")
    assert (made["day"], made["at"]) == ("2026-11-20", "2026-11-20T08:00:00+09:00")
    clock("2026-11-20T12:00:00-05:00", tz="America/New_York")  # the laptop travels; here it was the 19th
    text = run.json("edit", made["id"][:8], "--text", "in Seoul, corrected")["after"]
    assert (text["day"], text["at"]) == ("2026-11-20", made["at"])
    run("caregiver", "add", "Sam")
    who = run.json("edit", made["id"][:8], "--caregiver", "Sam")["after"]
    assert who["day"] == "2026-11-20"
    moved = run.json("edit", made["id"][:8], "--at", "2026-11-19 20:00")["after"]  # a new time: a new day
    assert (moved["day"], moved["at"]) == ("2026-11-19", "2026-11-19T20:00:00-05:00")


def test_a_text_only_edit_of_hours_keeps_the_day_and_counts_that_day(
        run: Any, household: Any, clock: Callable[..., None]) -> None:
    clock("2026-11-20T12:00:00+09:00", tz="Asia/Seoul")
    household()
    shift = run.json("log", "hours", "20", "--at", "2026-11-20 08:00")
    clock("2026-11-20T12:00:00-05:00", tz="America/New_York")
    after = run.json("edit", shift["id"][:8], "--task", "feeding")["after"]
    assert (after["day"], after["task"], after["hours"]) == ("2026-11-20", "feeding", 20)


# --- the history table ---------------------------------------------------------------------------
def test_history_columns_stay_aligned_with_wide_characters(run: Any, household: Any) -> None:
    household("김민수", "Sam")
    run("log", "note", "한국어 메모 🌞", "--caregiver", "김민수")
    run("log", "note", "plain note", "--caregiver", "Sam")
    run("log", "hours", "2", "--caregiver", "김민수")
    lines = run("history").stdout.splitlines()
    assert len(lines) == 4
    texts = ("what", "2 h of care", "plain note", "한국어 메모")
    starts = {width(line[: line.index(next(t for t in texts if t in line))]) for line in lines}
    assert len(starts) == 1, lines
