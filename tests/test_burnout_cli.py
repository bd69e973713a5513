"""`caretool burnout` and `caretool selfcheck` as a caregiver uses them."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from caretool.domain.burnout import selfcheck
from caretool.domain.entries import service as journal
from caretool.store import Store

NOW = "2026-11-20T21:00:00+00:00"
TODAY = date(2026, 11, 20)
CRISIS_NUMBERS = ("109", "988", "116 123", "local emergency number")
ZEROS = ",".join("0" for _ in selfcheck.QUESTIONS)


def answers_text(hopeless: int, others: int = 0) -> str:
    return ",".join(str(hopeless if q.id == selfcheck.CRISIS_QUESTION else others)
                    for q in selfcheck.QUESTIONS)


@pytest.fixture(autouse=True)
def pinned(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("CARETOOL_NOW", NOW)
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def add(home: Path, items: list[tuple[str, dict[str, Any], str, str]]) -> None:
    """Log many entries at once: (kind, fields, at, caregiver)."""
    with Store(home, write=True) as store:
        household = journal.load(store)
        entries = [journal.make_entry(store, household, kind, fields, at=at, caregiver=who)
                   for kind, fields, at, who in items]
        journal.add_entries(store, household, entries, "test")


def heavy_fortnight(home: Path, who: str = "Ji-woo") -> None:
    """12 h of care a day for 14 days, 4 h sleep, stress 9, no breaks."""
    items: list[tuple[str, dict[str, Any], str, str]] = []
    for d in range(14):
        at = f"{d} days ago 12:00"
        items.append(("hours", {"hours": "12", "task": "personal-care"}, at, who))
        items.append(("wellbeing", {"sleep_hours": "4", "stress": "9", "took_break": False}, at, who))
    add(home, items)


def light_fortnight(home: Path, who: str = "Sam") -> None:
    items: list[tuple[str, dict[str, Any], str, str]] = []
    for d in range(14):
        at = f"{d} days ago 12:00"
        items.append(("hours", {"hours": "2", "task": "household"}, at, who))
        items.append(("wellbeing", {"sleep_hours": "8", "stress": "2", "took_break": d % 7 == 0}, at, who))
    add(home, items)


def test_heavy_and_light_caregivers(run: Any, household: Any, home: Path) -> None:
    household("Ji-woo", "Sam")
    heavy_fortnight(home)
    light_fortnight(home)
    results = run.json("burnout")
    by_name = {r["caregiver"]: r for r in results}
    ji, sam = by_name["Ji-woo"], by_name["Sam"]
    assert ji["level"] == "high" and sam["level"] == "low"
    reasons = " | ".join(f["reason"] for f in ji["factors"] if f["points"])
    for part in ("84 h of care", "no real break logged in the last 14 days", "slept 4 h", "stress 9/10"):
        assert part in reasons
    assert 2 <= len(ji["tips"]) <= 3
    assert ji["previous_level"] == "high"
    assert sam["points"] == 0 and sam["tips"] == []
    assert "no self-check in the last 7 days" in ji["missing"]


def test_text_report_gives_reasons_change_tips_and_says_it_is_not_a_test(
        run: Any, household: Any, home: Path) -> None:
    household("Ji-woo")
    heavy_fortnight(home)
    out = run("burnout").stdout
    assert "Ji-woo: burnout risk HIGH" in out
    assert "84 h of care in the last 7 days" in out
    assert "a week ago" in out
    assert "What might help:" in out
    assert "not a\nclinical test" in out
    assert "](guide:" not in out


def test_change_since_last_week(run: Any, household: Any, home: Path) -> None:
    household("Ji-woo")
    add(home, [("wellbeing", {"sleep_hours": "8", "stress": "2", "took_break": True}, f"{d} days ago",
                "Ji-woo") for d in range(8, 14)])
    add(home, [("wellbeing", {"sleep_hours": "4", "stress": "9", "took_break": False}, f"{d} days ago",
                "Ji-woo") for d in range(0, 7)])
    [result] = run.json("burnout")
    assert result["previous_level"] == "low" and result["level"] == "high"
    trend = next(f for f in result["factors"] if f["factor"] == "stress-trend")
    assert trend["points"] == 1 and "rose from 2 to 9" in trend["reason"]
    assert "up from 0 points (low) a week ago" in run("burnout").stdout


def test_one_caregiver_by_name_and_unknown_name(run: Any, household: Any) -> None:
    household("Ji-woo", "Sam")
    [result] = run.json("burnout", "--caregiver", "sam")
    assert result["caregiver"] == "Sam"
    bad = run("burnout", "--caregiver", "Nobody", code=2)
    assert "no caregiver called 'Nobody'" in bad.stderr


def test_new_user_sees_what_is_missing(run: Any, household: Any) -> None:
    household("Ji-woo")
    result = run("burnout")
    assert "burnout risk low" in result.stdout
    assert "no sleep logged in the last 7 days" in result.stdout
    assert "nothing logged a week earlier" in result.stdout
    assert "caretool selfcheck" in result.stderr


def test_burnout_without_a_household(run: Any) -> None:
    assert "caretool init" in run("burnout", code=3).stderr


def test_behaviour_change_and_phase_count_for_every_caregiver(run: Any, household: Any) -> None:
    household("Ji-woo", "Sam", phase=5)
    run("log", "symptom", "behaviour-change", "--severity", "2", "--at", "3 days ago", "-c", "Sam")
    for result in run.json("burnout"):
        scored = {f["factor"]: f["points"] for f in result["factors"]}
        assert scored["behaviour"] == 2 and scored["phase"] == 1 and scored["breathing"] == 1
        assert result["level"] == "elevated"
        assert result["tips"][0].startswith("Tell the care team what you are seeing")


# --- the self-check -------------------------------------------------------------------------------
@pytest.mark.parametrize("others", [0, 3])
def test_self_harm_answer_always_shows_crisis_lines(run: Any, household: Any, others: int) -> None:
    household("Ji-woo")
    result = run("selfcheck", "--answers", answers_text(1, others))
    for number in CRISIS_NUMBERS:
        assert number in result.stderr
    stored = run.json("history", "--kind", "selfcheck")
    assert len(stored) == 1 and stored[0]["answers"][selfcheck.CRISIS_QUESTION] == 1
    # and the burnout report shows them again, first, with the level high
    report = run("burnout")
    assert "988" in report.stderr and "burnout risk HIGH" in report.stdout


def test_no_crisis_lines_when_the_answer_is_never(run: Any, household: Any) -> None:
    household("Ji-woo")
    result = run("selfcheck", "--answers", answers_text(0, 3))
    assert "988" not in result.stderr and "109" not in result.stderr
    assert "Self-check saved for Ji-woo: 24 of 27" in result.stdout


def test_crisis_lines_in_json_mode_too(run: Any, household: Any) -> None:
    household("Ji-woo")
    result = run("--json", "selfcheck", "--answers", answers_text(2))
    assert "988" in result.stderr
    assert '"crisis": true' in result.stdout


def test_interactive_selfcheck_shows_help_right_after_the_answer(run: Any, household: Any) -> None:
    household("Ji-woo")
    typed = ["1", "9", "2", "x", "0", "1", "0", "1", "0", "0", "2"]  # two bad answers are asked again
    result = run("selfcheck", input="\n".join(typed) + "\n")
    err = result.stderr
    hint = "(answer 0 (never), 1 (sometimes), 2 (often) or 3 (nearly always)). Please try again"
    assert err.count(hint) == 2
    self_harm_prompt = err.index("9. How often did you have thoughts of harming yourself")
    assert err.index("116 123") > self_harm_prompt  # the hopelessness answer alone (0 here) shows nothing
    assert "Self-check saved for Ji-woo: 7 of 27" in result.stdout
    [stored] = run.json("history", "--kind", "selfcheck")
    assert stored["source"] == "selfcheck" and stored["score"] == 7


def test_selfcheck_compares_with_last_time_and_undo_removes_it(run: Any, household: Any) -> None:
    household("Ji-woo")
    run("selfcheck", "--answers", ZEROS)
    again = run("selfcheck", "--answers", answers_text(0, 1))
    assert "Last time (2026-11-20): 0 of 27" in again.stdout
    run("undo")
    assert len(run.json("history", "--kind", "selfcheck")) == 1


@pytest.mark.parametrize("bad", ["0,1,2", "0,1,2,3,0,1,2,9", "a,b,c,d,e,f,g,h"])
def test_selfcheck_bad_answers(run: Any, household: Any, bad: str) -> None:
    household("Ji-woo")
    result = run("selfcheck", "--answers", bad, code=2)
    assert result.stderr.startswith("error: ")
    assert run.json("history") == []


def test_selfcheck_needs_a_caregiver_when_several(run: Any, household: Any) -> None:
    household("Ji-woo", "Sam", "Ana")
    run("caregiver", "remove", "Ji-woo")  # init made the first caregiver named the default
    assert "--caregiver" in run("selfcheck", "--answers", ZEROS, code=2).stderr
    # even when the self-check cannot be saved, the crisis lines come first
    failed = run("selfcheck", "--answers", answers_text(3), code=2)
    assert "988" in failed.stderr and "--caregiver" in failed.stderr
    assert "for Sam" in run("selfcheck", "--answers", ZEROS, "--caregiver", "Sam").stdout


def test_selfcheck_questions_list(run: Any) -> None:
    out = run("selfcheck", "--questions").stdout
    assert "8. [hopeless]" in out
    listed = run.json("selfcheck", "--questions")
    assert [q["id"] for q in listed["questions"]] == [q.id for q in selfcheck.QUESTIONS]


def test_selfcheck_due_through_the_store(run: Any, household: Any, home: Path) -> None:
    household("Ji-woo")
    with Store(home) as store:
        who = journal.load(store).active_caregivers[0].id
        assert selfcheck.selfcheck_due(store, journal.load(store), who, TODAY)
    run("selfcheck", "--answers", ZEROS)
    with Store(home) as store:
        hh = journal.load(store)
        assert not selfcheck.selfcheck_due(store, hh, who, TODAY)
        assert not selfcheck.selfcheck_due(store, hh, who, date(2026, 11, 27))
        assert selfcheck.selfcheck_due(store, hh, who, date(2026, 11, 28))


def test_help_has_examples(run: Any) -> None:
    assert "Example: caretool burnout" in run("burnout", "--help").stdout
    assert "Example: caretool selfcheck" in run("selfcheck", "--help").stdout
