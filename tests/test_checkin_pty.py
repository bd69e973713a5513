"""The real `caretool checkin` in a pseudo-terminal: answered by a person-like script, and Ctrl-C."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pexpect = pytest.importorskip("pexpect")

SCRIPT = Path(sys.executable).parent / "caretool"
TIMEOUT = 20  # generous: a slow machine, never a sleep

pytestmark = pytest.mark.skipif(not SCRIPT.exists(), reason=f"no console script at {SCRIPT}")


def environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARETOOL_")}
    env.update(CARETOOL_HOME=str(home), NO_COLOR="1", TERM="dumb", COLUMNS="100", LC_ALL="C.UTF-8")
    return env


def caretool(home: Path, *args: str) -> Any:
    done = subprocess.run([str(SCRIPT), *args], env=environment(home), capture_output=True, text=True,
                          timeout=60, check=True)
    return done


def history(home: Path) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads(caretool(home, "--json", "history").stdout)["data"]
    return found


@pytest.fixture
def data_home(home: Path) -> Path:
    caretool(home, "init", "--person", "Min-jun", "--onset", "2024-03-01", "--caregiver", "Ji-woo",
             "--phase", "2", "--yes")
    return home


def spawn(home: Path, *args: str) -> Any:
    child = pexpect.spawn(str(SCRIPT), ["checkin", *args], env=environment(home), encoding="utf-8",
                          timeout=TIMEOUT, dimensions=(40, 100))
    child.logfile_read = io.StringIO()  # the whole screen, for the assertions at the end
    return child


def answer(child: Any, prompt: str, reply: str) -> None:
    child.expect(prompt)
    child.sendline(reply)


def test_checkin_in_a_terminal(data_home: Path) -> None:
    child = spawn(data_home)
    try:
        child.expect("Ctrl-C at any time cancels")
        answer(child, r"Any other symptoms today\? \(y/n\) \[n\]", "y")
        answer(child, "Numbers or names, separated by commas", "cramps, choking")
        answer(child, r"Muscle cramps \(0-3\)", "2")
        answer(child, r"Choking or coughing at meals \(0-3\)", "1")
        answer(child, r"Hours of care you gave today", "3")
        answer(child, "Main task", "nosuch")  # a typo is asked again in the terminal too
        answer(child, r"unknown task 'nosuch'.*Please try again.*Main task", "feeding")
        answer(child, r"How many of the 3 hours were at night\? \(0 if none\) \[0\]", "1")
        answer(child, "How many hours did you sleep", "6")
        answer(child, r"Your stress today, 0 \(calm\) to 10 \(worst\)", "7")
        answer(child, r"Did you have a real break today\?", "n")
        answer(child, r"weekly self-check.*Take it now\? \(y/n\) \[n\]", "n")
        answer(child, "A note about today", "From a real terminal")
        child.expect("Summary:")
        answer(child, r"Save this check-in\? \(y/n\) \[y\]", "y")
        child.expect("Saved the check-in of")
        child.expect("Needs the care team: Choking")  # the red-flag panel
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0, child.logfile_read.getvalue()
    assert "Traceback" not in child.logfile_read.getvalue()

    records = history(data_home)
    kinds = sorted(r["kind"] for r in records)
    assert kinds == ["hours", "note", "symptom", "symptom", "wellbeing"]
    assert all(r["source"] == "checkin" for r in records)
    by = {(r["kind"], r.get("name")): r for r in records}
    assert by[("symptom", "cramps")]["severity"] == 2
    choking = by[("symptom", "choking")]
    assert choking["severity"] == 1 and not choking.get("warnings")  # shown above, not stored
    hours = by[("hours", None)]
    assert (hours["hours"], hours["task"], hours["night"], hours["night_hours"]) == (3, "feeding", True, 1)
    wellbeing = by[("wellbeing", None)]
    assert (wellbeing["sleep_hours"], wellbeing["stress"], wellbeing["took_break"]) == (6, 7, False)
    assert by[("note", None)]["text"] == "From a real terminal"


def test_ctrl_c_saves_nothing(data_home: Path) -> None:
    caretool(data_home, "log", "symptom", "cramps", "--severity", "1")
    before = history(data_home)
    child = spawn(data_home)
    try:
        answer(child, r"Muscle cramps \(0-3\)", "3")
        answer(child, r"Any other symptoms today\? \(y/n\) \[n\]", "n")
        child.expect(r"Hours of care you gave today")
        child.sendintr()
        child.expect("cancelled; nothing was saved")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 130
    screen = child.logfile_read.getvalue()
    assert "Traceback" not in screen
    assert "Save this check-in" not in screen
    assert history(data_home) == before
