"""A table of bad inputs: each gets exit 2, one line naming the problem and the fix, nothing written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.test_store import snapshot

BAD = [
    ("log", "symptom", "choking", "--severity", "4"),
    ("log", "symptom", "choking", "--severity", "-1"),
    ("log", "symptom", "choking", "--severity", "1.5"),
    ("log", "symptom", "choking", "--severity", "nan"),
    ("log", "symptom", "chokking", "--severity", "1"),
    ("log", "symptom", "other", "--severity", "1"),
    ("log", "symptom", "choking"),
    ("log", "hours", "0"),
    ("log", "hours", "-2"),
    ("log", "hours", "nan"),
    ("log", "hours", "inf"),
    ("log", "hours", "1e309"),
    ("log", "hours", "1_000"),
    ("log", "hours", "2,5"),
    ("log", "hours", "５"),
    ("log", "hours", "25"),
    ("log", "hours", "2", "--task", "juggling"),
    ("log", "weight", "5"),
    ("log", "weight", "400"),
    ("log", "weight", "0x10"),
    ("log", "wellbeing", "--sleep", "25", "--stress", "3"),
    ("log", "wellbeing", "--sleep", "6", "--stress", "11"),
    ("log", "wellbeing", "--sleep", "6", "--stress", "-0.5"),
    ("log", "note", ""),
    ("log", "note", "   \n  "),
    ("log", "note", "x" * 2001),
    ("log", "note", "hi", "--at", "2026-02-30"),
    ("log", "note", "hi", "--at", "2099-01-01"),
    ("log", "note", "hi", "--at", "tomorrow"),
    ("log", "note", "hi", "--at", "1900-01-01"),
    ("log", "note", "hi", "--at", "2026-2-3"),
    ("log", "note", "hi", "--caregiver", "Nobody"),
    ("history", "--kind", "dreams"),
    ("history", "--from", "2026-13-01"),
    ("history", "--limit", "0"),
    ("edit", "zz"),
    ("edit", "abcdef12", "--severity", "2"),
    ("delete", "not-an-id"),
    ("caregiver", "add", "Ji-woo"),
    ("caregiver", "add", "  "),
    ("caregiver", "remove", "Nobody"),
    ("checkin", "--non-interactive", "--symptom", "cramps=5"),
    ("checkin", "--non-interactive", "--symptom", "cramps"),
    ("checkin", "--non-interactive"),
    ("checkin", "--non-interactive", "--date", "tomorrow", "--hours", "1"),
    ("init", "--person", "X", "--onset", "2030-01-01", "--yes"),
    ("init", "--person", "X", "--onset", "2024-05-01", "--diagnosed", "2024-01-01", "--yes"),
]


@pytest.mark.parametrize("args", BAD, ids=[" ".join(a)[:40] for a in BAD])
def test_bad_input_is_refused_cleanly(run: Any, household: Any, home: Path, args: tuple[str, ...]) -> None:
    household()
    run("log", "hours", "20", "--at", "yesterday 10:00")
    before = snapshot(home)
    result = run(*args, code=2)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ") and "(fix: " in lines[0]
    assert "Traceback" not in result.stderr + result.stdout
    assert snapshot(home) == before


def test_more_hours_than_a_day_says_how_many_are_logged(run: Any, household: Any) -> None:
    household()
    run("log", "hours", "20", "--at", "yesterday 10:00")
    result = run("log", "hours", "5", "--at", "yesterday 18:00", code=2)
    assert "already has 20 h logged" in result.stderr


def test_invalid_utf8_is_refused_before_it_is_stored(run: Any, household: Any, home: Path) -> None:
    household()
    before = snapshot(home)
    result = run("log", "note", "caf\udce9", code=2)
    assert "UTF-8" in result.stderr
    assert snapshot(home) == before


def test_usage_errors_exit_2_without_traceback(run: Any, household: Any) -> None:
    household()
    for args in (("log", "hours"), ("nosuchcommand",), ("log", "hours", "2", "--bogus")):
        result = run(*args, code=2)
        assert "Traceback" not in result.stderr
