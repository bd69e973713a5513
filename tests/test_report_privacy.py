"""The caregivers' self-check answers, and anything about self-harm, stay out of the weekly report
unless the family asks for them (issue 18, item 12)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from caretool.domain.burnout import model, selfcheck

NOW = "2026-11-23T10:00:00+00:00"  # a Monday: the report is 2026-W47 (16-22 Nov)
CRISIS_IDS = [q.id for q in selfcheck.QUESTIONS if selfcheck.needs_crisis_help({q.id: 1})]
PRIVATE_WORDS = ("harming yourself", "self-check on", "could not keep going")


@pytest.fixture(autouse=True)
def pinned(clock: Callable[..., None]) -> None:
    clock(NOW)


def hard_answers() -> str:
    """A self-check at the top, with the answer that shows the crisis lines."""
    return ",".join("1" if q.id in CRISIS_IDS else "3" for q in selfcheck.QUESTIONS)


@pytest.fixture
def troubled(run: Any, household: Any, clock: Callable[..., None]) -> None:
    household("Ji-woo", "Sam")
    for day in range(16, 23):
        run("log", "hours", "2", "--at", f"2026-11-{day} 20:00", "-c", "Ji-woo")
        took = ["--break"] if day % 3 == 0 else []
        run("log", "wellbeing", "--sleep", "7", "--stress", "3", *took, "--at", f"2026-11-{day} 20:00",
            "-c", "Ji-woo")
    clock("2026-11-21T21:00:00+00:00")  # the self-check is taken during the report week
    run("selfcheck", "--answers", hard_answers(), "-c", "Ji-woo")
    clock(NOW)


def everything(run: Any, *extra: str) -> str:
    return "\n".join([run("report", *extra).stdout, run("report", "--format", "md", *extra).stdout,
                      run("report", "--format", "html", *extra).stdout,
                      run("report", "--format", "json", *extra).stdout])


def test_by_default_the_self_check_is_left_out_and_the_report_says_so(run: Any, troubled: None) -> None:
    data = run.json("report")
    caregivers = data["caregivers"]
    assert caregivers["caregiver_health_included"] is False
    assert "left out of this report" in caregivers["privacy"]
    ji = next(c for c in caregivers["items"] if c["name"] == "Ji-woo")
    assert "selfcheck" not in ji
    assert ji["burnout"]["level"] == "low"  # from the logs alone: the crisis answer is not used
    shown = everything(run)
    for words in PRIVATE_WORDS:
        assert words not in shown.lower()
    assert "--include-caregiver-health" in run("report").stdout
    assert "left out of this report" in run("report", "--format", "md").stdout


def test_the_burnout_command_itself_still_uses_the_self_check(run: Any, troubled: None) -> None:
    [ji] = run.json("burnout", "-c", "Ji-woo")
    assert ji["crisis"] is True and ji["level"] == "high"


def test_asked_for_the_report_includes_the_self_check(run: Any, troubled: None) -> None:
    data = run.json("report", "--include-caregiver-health")
    caregivers = data["caregivers"]
    assert caregivers["caregiver_health_included"] is True
    assert "includes the caregivers' self-check answers" in caregivers["privacy"]
    ji = next(c for c in caregivers["items"] if c["name"] == "Ji-woo")
    top = 3 * (len(selfcheck.QUESTIONS) - len(CRISIS_IDS)) + len(CRISIS_IDS)
    assert ji["selfcheck"]["score"] == top and ji["selfcheck"]["day"] == "2026-11-21"
    assert ji["burnout"]["level"] == "high"
    assert any(r["factor"] == "selfcheck" for r in ji["burnout"]["reasons"])
    sam = next(c for c in caregivers["items"] if c["name"] == "Sam")
    assert sam["selfcheck"] is None
    out = run("report", "--include-caregiver-health").stdout
    assert "Self-check" in out and f"{top} of {selfcheck.MAX_SCORE} (2026-11-21)" in out
    assert "harming yourself" in everything(run, "--include-caregiver-health")


def test_a_report_file_is_private_by_default_too(run: Any, troubled: None, tmp_path: Path) -> None:
    target = tmp_path / "week.json"
    run("report", "--format", "json", "--output", str(target))
    text = target.read_text(encoding="utf-8")
    assert "harming yourself" not in text
    assert json.loads(text)["caregivers"]["caregiver_health_included"] is False


def test_the_keep_going_item_is_in_the_model_not_in_the_report(run: Any, troubled: None) -> None:
    assert model.KEEP_GOING in {q.id for q in selfcheck.QUESTIONS}
    data = run.json("report")
    reasons = [r for c in data["caregivers"]["items"] if c["burnout"] for r in c["burnout"]["reasons"]]
    assert all(r["factor"] != "selfcheck" for r in reasons)
