"""`caretool burnout` and `caretool selfcheck` as a caregiver uses them."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from caretool.domain.burnout import model, selfcheck
from caretool.domain.entries import service as entries
from caretool.store import Store

NOW = "2026-11-20T21:00:00+00:00"
TODAY = date(2026, 11, 20)
CRISIS_NUMBERS = ("109", "988", "116 123", "local emergency number")
ZEROS = ",".join("0" for _ in selfcheck.QUESTIONS)
# The question(s) whose answer shows the crisis lines, found through the self-check's own API.
CRISIS_IDS = [selfcheck.CRISIS_QUESTION]  # the self-harm question (hopelessness alone shows no crisis lines)
MAX = selfcheck.MAX_SCORE


def answers_text(crisis: int, others: int = 0, keep_going: int | None = None) -> str:
    def value(qid: str) -> int:
        if qid in CRISIS_IDS:
            return crisis
        if qid == model.KEEP_GOING and keep_going is not None:
            return keep_going
        return others

    return ",".join(str(value(q.id)) for q in selfcheck.QUESTIONS)


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
        household = entries.load(store)
        made = [entries.make_entry(store, household, kind, fields, at=at, caregiver=who)
                   for kind, fields, at, who in items]
        entries.add_entries(store, household, made, "test")


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
    assert "burnout risk not enough data yet" in result.stdout and "burnout risk low" not in result.stdout
    assert run.json("burnout")[0]["level"] == "not-enough-data"
    assert "no sleep logged in the last 7 days" in result.stdout
    assert "nothing logged a week earlier" in result.stdout
    assert "caretool selfcheck" in result.stderr


def test_burnout_without_a_household(run: Any) -> None:
    assert "caretool init" in run("burnout", code=3).stderr


def test_behaviour_change_and_phase_count_for_every_caregiver(run: Any, household: Any) -> None:
    household("Ji-woo", "Sam", phase=5)
    run("log", "symptom", "behaviour-change", "--severity", "2", "--at", "3 days ago", "-c", "Sam")
    run("log", "symptom", "breathless-lying-flat", "--severity", "2", "--at", "2 days ago", "-c", "Sam")
    for result in run.json("burnout"):
        scored = {f["factor"]: f["points"] for f in result["factors"]}
        assert scored["behaviour"] == 2 and scored["phase"] == 1 and "breathing" not in scored
        assert result["points"] == 3 and result["level"] == "elevated"
        assert result["tips"][0].startswith("Tell the care team what you are seeing")


def test_a_hard_self_check_with_ordinary_logs_is_at_least_elevated(
        run: Any, household: Any, home: Path) -> None:
    household("Sam")
    light_fortnight(home)
    assert run.json("burnout")[0]["level"] == "low"
    run("selfcheck", "--answers", answers_text(0, others=0, keep_going=3))
    [result] = run.json("burnout")
    assert result["level"] == "elevated" and result["floor"] == "elevated"
    selfcheck_factor = next(f for f in result["factors"] if f["factor"] == "selfcheck")
    assert "could not keep going like this" in selfcheck_factor["reason"]
    assert selfcheck_factor["reason_id"] == "burnout.reason.selfcheck-keep-going"
    assert selfcheck_factor["params"]["score"] == 3
    out = run("burnout").stdout
    assert "burnout risk ELEVATED" in out
    assert "Your own self-check answers make the risk at least elevated" in out


# --- the self-check -------------------------------------------------------------------------------
@pytest.mark.parametrize("others", [0, 3])
def test_self_harm_answer_always_shows_crisis_lines(run: Any, household: Any, others: int) -> None:
    household("Ji-woo")
    result = run("selfcheck", "--answers", answers_text(1, others))
    for number in CRISIS_NUMBERS:
        assert number in result.stderr
    stored = run.json("history", "--kind", "selfcheck")
    assert len(stored) == 1 and all(stored[0]["answers"][qid] == 1 for qid in CRISIS_IDS)
    # and the burnout report shows them again, first, with the level high
    report = run("burnout")
    assert "988" in report.stderr and "burnout risk HIGH" in report.stdout


def test_no_crisis_lines_when_the_answer_is_never(run: Any, household: Any) -> None:
    household("Ji-woo")
    result = run("selfcheck", "--answers", answers_text(0, 3))
    assert "988" not in result.stderr and "109" not in result.stderr
    score = 3 * (len(selfcheck.QUESTIONS) - len(CRISIS_IDS))
    assert f"Self-check saved for Ji-woo: {score} of {MAX}" in result.stdout


def test_crisis_lines_in_json_mode_too(run: Any, household: Any) -> None:
    household("Ji-woo")
    result = run("--json", "selfcheck", "--answers", answers_text(2))
    assert "988" in result.stderr
    assert '"crisis": true' in result.stdout


def test_interactive_selfcheck_shows_help_right_after_the_answer(run: Any, household: Any) -> None:
    household("Ji-woo")
    good = ["2" if q.id in CRISIS_IDS else "1" for q in selfcheck.QUESTIONS]
    typed = [good[0], "9", good[1], "x", *good[2:]]  # two bad answers are asked again
    result = run("selfcheck", input="\n".join(typed) + "\n")
    err = result.stderr
    assert err.count("is not an answer from 0 to 3") == 2 and err.count("Please try again") == 2
    number = next(i for i, q in enumerate(selfcheck.QUESTIONS, 1) if q.id in CRISIS_IDS)
    crisis_prompt = err.index(f"{number}. ")
    assert err.index("116 123") > crisis_prompt  # right after the answer, before the next question
    if number < len(selfcheck.QUESTIONS):
        assert err.index("116 123") < err.index(f"{number + 1}. ")
    score = sum(int(a) for a in good)
    assert f"Self-check saved for Ji-woo: {score} of {MAX}" in result.stdout
    [stored] = run.json("history", "--kind", "selfcheck")
    assert stored["source"] == "selfcheck" and stored["score"] == score


def test_interactive_selfcheck_cancelled_saves_nothing(run: Any, household: Any) -> None:
    household("Ji-woo")
    result = run("selfcheck", input="1\n2\n", code=1)
    assert "cancelled; nothing was saved" in result.stderr
    assert run.json("history", "--kind", "selfcheck") == []


def test_selfcheck_compares_with_last_time_and_undo_removes_it(run: Any, household: Any) -> None:
    household("Ji-woo")
    run("selfcheck", "--answers", ZEROS)
    again = run("selfcheck", "--answers", answers_text(0, 1))
    assert f"Last time (2026-11-20): 0 of {MAX}" in again.stdout
    run("undo")
    assert len(run.json("history", "--kind", "selfcheck")) == 1


N = len(selfcheck.QUESTIONS)


@pytest.mark.parametrize("bad", ["0,1,2", ",".join("0" * (N - 1)) + ",9", ",".join("abcdefghijkl"[:N])])
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
    for number, q in enumerate(selfcheck.QUESTIONS, 1):
        assert f"{number}. [{q.id}]" in out
    listed = run.json("selfcheck", "--questions")
    assert [q["id"] for q in listed["questions"]] == [q.id for q in selfcheck.QUESTIONS]


def test_selfcheck_due_through_the_store(run: Any, household: Any, home: Path) -> None:
    household("Ji-woo")
    with Store(home) as store:
        who = entries.load(store).active_caregivers[0].id
        assert selfcheck.selfcheck_due(store, entries.load(store), who, TODAY)
    run("selfcheck", "--answers", ZEROS)
    with Store(home) as store:
        hh = entries.load(store)
        assert not selfcheck.selfcheck_due(store, hh, who, TODAY)
        assert not selfcheck.selfcheck_due(store, hh, who, date(2026, 11, 27))
        assert selfcheck.selfcheck_due(store, hh, who, date(2026, 11, 28))


def test_help_has_examples(run: Any) -> None:
    assert "Example: caretool burnout" in run("burnout", "--help").stdout
    assert "Example: caretool selfcheck" in run("selfcheck", "--help").stdout


def test_the_check_in_line_shows_whole_reasons_never_cut_mid_word() -> None:
    from caretool.views.burnout import checkin_line

    factors = [{"points": p, "reason": f"reason number {p} with a long explanation of what was seen " * 2}
               for p in (1, 3, 2, 2, 1)]
    line = checkin_line({"level": "high", "factors": factors})
    assert line.count("reason number") == 3 * 2 and "(and 2 more reasons)" in line
    assert line.index("reason number 3") < line.index("reason number 2")
    assert "reason number 1" not in line
