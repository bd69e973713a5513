"""Phases: `caretool phase` show/set/history/next/assess, undo, the questionnaire's mapping and its
advice, and the phase at a date."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest

from caretool.core.errors import BadInput
from caretool.core.messages import render
from caretool.domain.care import phase_questions as phase_assess
from caretool.domain.care import phase_service, phases
from caretool.domain.guidance import guides
from caretool.domain.household.model import PHASES
from caretool.domain.interview import answers as walk
from tests.conftest import data_of

ALL_ZERO = {q.id: 0 for q in phase_assess.QUESTIONS}
TUBE = "walking=1,hands=0,speech=0,work=1,swallowing=0,breathing=0,tube=1,ventilation=0"
NOTHING = "walking=0,hands=0,speech=0,work=0,swallowing=0,breathing=0,tube=0,ventilation=0"


def answers(**given: int) -> dict[str, int]:
    return {**ALL_ZERO, **given}


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Pin the clock (and a fixed time zone) so dates in the assertions are known."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()

    def set_to(day: str) -> None:
        monkeypatch.setenv("CARETOOL_NOW", f"{day}T10:00:00+00:00")

    yield set_to
    monkeypatch.undo()
    time.tzset()


def current(run: Any) -> dict[str, Any]:
    info: dict[str, Any] = run.json("phase")
    return info


# --- show ---------------------------------------------------------------------------------------
def test_phase_shows_the_current_phase_and_its_checklist(run: Any, household: Any) -> None:
    household(phase=2)
    out = run("phase").stdout
    assert out.startswith("# Current phase: 2. Work affected (since ")
    assert guides.get("2").meta["summary"] in out
    assert "## What to do now" in out
    for item in guides.checklist(2):
        assert f"- [ ] {item}" in out
    assert "caretool guide show 2-work" in out
    assert run("phase", "show").stdout == out


def test_phase_json(run: Any, household: Any, clock: Callable[[str], None]) -> None:
    clock("2026-11-20")
    household(phase=3)
    info = current(run)
    assert info == {"phase": 3, "title": PHASES[3], "summary": guides.get("3").meta["summary"],
                    "guide": "phases/3-daily-living", "checklist": guides.checklist(3),
                    "since": "2026-11-20"}
    assert run.json("phase", "show") == info
    assert current(run) == info
    assert data_of(run("phase", "--json").stdout) == info
    assert data_of(run("phase", "show", "--json").stdout) == info


def test_json_flag_on_the_phase_group_reaches_its_commands(run: Any, household: Any) -> None:
    household(phase=2)
    rows = data_of(run("phase", "--json", "history").stdout)
    assert [r["phase"] for r in rows] == [2]
    assert data_of(run("phase", "--json", "next").stdout)["phase"] == 3


def test_phase_without_a_household(run: Any) -> None:
    result = run("phase", code=3)
    assert result.stderr.startswith("error: no household is set up")


def test_current_without_any_phase_is_a_clear_error() -> None:
    class NoPhase:
        def household_tables(self) -> dict[str, list[dict[str, Any]]]:
            return {"person": [{"name": "Min-jun"}], "phases": []}

    with pytest.raises(BadInput, match="no phase is set yet"):
        phase_service.current(NoPhase())  # type: ignore[arg-type]


# --- set, history, undo -------------------------------------------------------------------------
def test_phase_set_changes_the_phase(run: Any, household: Any) -> None:
    household(phase=2)
    result = run("phase", "set", "3")
    assert result.stdout.startswith("# Phase set: 3. Daily functioning affected")
    for item in guides.checklist(3):
        assert item in result.stdout
    assert current(run)["phase"] == 3


def test_phase_set_at_a_date_and_history(run: Any, household: Any, clock: Callable[[str], None]) -> None:
    clock("2026-11-01")
    household(phase=2)
    clock("2026-11-20")
    info = run.json("phase", "set", "3", "--at", "2026-11-10")
    assert (info["phase"], info["since"]) == (3, "2026-11-10")
    run("phase", "set", "4", "--at", "yesterday")
    assert current(run)["since"] == "2026-11-19"
    rows = run.json("phase", "history")
    assert [(r["phase"], r["at"], r["title"]) for r in rows] == [
        (2, "2026-11-01", PHASES[2]), (3, "2026-11-10", PHASES[3]), (4, "2026-11-19", PHASES[4])]
    out = run("phase", "history").stdout.splitlines()
    assert out == ["2026-11-01  phase 2: Work affected",
                   "2026-11-10  phase 3: Daily functioning affected",
                   "2026-11-19  phase 4: Swallowing difficulty"]


def test_phase_set_twice_in_one_day_keeps_the_last(run: Any, household: Any) -> None:
    household(phase=2)
    run("phase", "set", "4")
    run("phase", "set", "3")
    assert current(run)["phase"] == 3
    assert [r["phase"] for r in run.json("phase", "history")] == [2, 4, 3]


def test_phase_can_go_back_and_since_is_the_latest_change(
    run: Any, household: Any, clock: Callable[[str], None]
) -> None:
    clock("2026-10-01")
    household(phase=2)
    clock("2026-11-20")
    run("phase", "set", "3", "--at", "2026-10-15")
    run("phase", "set", "2", "--at", "2026-11-01")
    assert (current(run)["phase"], current(run)["since"]) == (2, "2026-11-01")


def test_phase_set_before_the_last_change_is_refused(
    run: Any, household: Any, clock: Callable[[str], None]
) -> None:
    clock("2026-11-10")
    household(phase=2)
    clock("2026-11-20")
    result = run("phase", "set", "3", "--at", "2026-11-05", code=2)
    assert result.stderr.startswith("error: the phase history already has a change after 2026-11-05")
    assert current(run)["phase"] == 2


@pytest.mark.parametrize("when", ["2026-11-21", "2027-01-01"])
def test_phase_set_in_the_future_is_refused(
    run: Any, household: Any, clock: Callable[[str], None], when: str
) -> None:
    clock("2026-11-20")
    household(phase=2)
    result = run("phase", "set", "3", "--at", when, code=2)
    assert "in the future" in result.stderr
    assert current(run)["phase"] == 2


@pytest.mark.parametrize("when", ["tomorrow", "2026-02-30", ""])
def test_phase_set_with_an_unreadable_date(run: Any, household: Any, when: str) -> None:
    household(phase=2)
    result = run("phase", "set", "3", "--at", when, code=2)
    assert result.stderr.startswith("error:")
    assert current(run)["phase"] == 2


@pytest.mark.parametrize("phase", ["0", "6", "x", "2.5", "1e3", "²", "nan", " "])
def test_phase_set_refuses_what_is_not_a_phase(run: Any, household: Any, phase: str) -> None:
    household(phase=2)
    result = run("phase", "set", phase, code=2)
    assert result.stderr.startswith("error: phase ")
    assert "(fix: phases are numbered 1 to 5)" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert current(run)["phase"] == 2


def test_phase_set_negative_is_a_usage_error(run: Any, household: Any) -> None:
    household(phase=2)
    run("phase", "set", "-1", code=2)
    assert current(run)["phase"] == 2


def test_undo_after_phase_set_restores_the_previous_phase(run: Any, household: Any) -> None:
    household(phase=2)
    run("phase", "set", "4")
    run("phase", "set", "5")
    assert "Undid: phase set 5" in run("undo").stderr
    assert current(run)["phase"] == 4
    assert "Undid: phase set 4" in run("undo").stderr
    assert current(run)["phase"] == 2
    assert [r["phase"] for r in run.json("phase", "history")] == [2]


# --- next ---------------------------------------------------------------------------------------
def test_phase_next_previews_without_changing(run: Any, household: Any) -> None:
    household(phase=2)
    out = run("phase", "next").stdout
    assert out.startswith("# Next phase: 3. Daily functioning affected\n")
    for item in guides.checklist(3):
        assert item in out
    assert "caretool guide show 3-daily-living" in out
    assert current(run)["phase"] == 2
    info = run.json("phase", "next")
    assert (info["phase"], info["guide"]) == (3, "phases/3-daily-living")
    assert "note" not in info


def test_phase_next_at_the_last_phase(run: Any, household: Any) -> None:
    household(phase=5)
    out = run("phase", "next").stdout
    assert out.startswith("# Next phase: 5. Breathing difficulty")
    assert "This is the last phase" in out
    info = run.json("phase", "next")
    assert info["phase"] == 5 and "last phase" in info["note"]
    assert current(run)["phase"] == 5


# --- assess -------------------------------------------------------------------------------------
def test_assess_no_apply_stores_an_assessment_only(run: Any, household: Any) -> None:
    household(phase=2)
    out = run("phase", "assess", "--answers", TUBE, "--no-apply").stdout
    assert "Suggested phase: 4. Swallowing difficulty" in out
    assert "Is a feeding tube in place?: yes" in out
    assert "The stored phase stays 2" in out and "caretool phase set 4" in out
    assert current(run)["phase"] == 2
    (entry,) = run.json("history")
    assert entry["kind"] == "assessment"
    assert entry["suggested"] == 4
    assert entry["answers"] == answers(walking=1, work=1, tube=1)


def test_assess_apply_changes_the_phase(run: Any, household: Any) -> None:
    household(phase=2)
    result = run.json("phase", "assess", "--answers", TUBE, "--apply")
    assert result["applied"] is True
    assert (result["current"], result["suggested"], result["title"]) == (4, 4, PHASES[4])
    assert result["reasons"]
    assert current(run)["phase"] == 4
    assert run.json("phase", "history")[-1]["note"] == "from phase assess"
    (entry,) = run.json("history", "--kind", "assessment")
    assert entry["id"] == result["entry"]


def test_assess_apply_text(run: Any, household: Any) -> None:
    household(phase=2)
    out = run("phase", "assess", "--answers", TUBE, "--apply").stdout
    assert "The household is now in phase 4." in out
    assert "your care team knows best" in out


def test_assess_apply_when_the_suggestion_is_the_current_phase(run: Any, household: Any) -> None:
    household(phase=4)
    result = run.json("phase", "assess", "--answers", TUBE, "--apply")
    assert (result["applied"], result["current"]) == (False, 4)
    assert len(run.json("phase", "history")) == 1
    assert len(run.json("history", "--kind", "assessment")) == 1


def test_assess_with_answers_and_no_flag_does_not_apply(run: Any, household: Any) -> None:
    household(phase=2)
    result = run.json("phase", "assess", "--answers", TUBE)
    assert result["applied"] is False
    assert current(run)["phase"] == 2


def test_undo_after_assess_apply(run: Any, household: Any) -> None:
    household(phase=2)
    run("phase", "assess", "--answers", TUBE, "--apply")
    assert "Undid: phase assess" in run("undo").stderr
    assert current(run)["phase"] == 2
    assert run.json("history") == []


def test_assess_for_a_named_caregiver(run: Any, household: Any) -> None:
    household("Ji-woo", "Sam", phase=2)
    run("phase", "assess", "--answers", NOTHING, "--no-apply", "--caregiver", "sam")
    (entry,) = run.json("history", "--caregiver", "Sam")
    assert entry["kind"] == "assessment" and entry["suggested"] == 1


def test_assess_interactively(run: Any, household: Any) -> None:
    household(phase=2)
    # walking, hands, speech, work, swallowing, breathing, tube, ventilation; then "store it?"
    result = run("phase", "assess", input="1\n0\n0\n1\n\n\n\n1\ny\n")
    assert "Walking and stairs" in result.stderr
    assert "Suggested phase 5. Store it as the current phase?" in result.stderr
    assert "Suggested phase: 5. Breathing difficulty" in result.stdout
    assert current(run)["phase"] == 5
    entry = run.json("history")[0]
    assert entry["answers"] == answers(walking=1, work=1, ventilation=1)


def test_assess_interactively_asks_again_after_a_typo(run: Any, household: Any) -> None:
    household(phase=2)
    result = run("phase", "assess", input="7\n²\n2\n\n\n\n\n\n\n\nn\n")
    assert "choose a number from 0 to 2" in result.stderr
    assert "Suggested phase: 3. Daily functioning affected" in result.stdout
    assert current(run)["phase"] == 2  # declined
    assert run.json("history")[0]["answers"]["walking"] == 2


def test_assess_interactively_cut_short_saves_nothing(run: Any, household: Any) -> None:
    household(phase=2)
    result = run("phase", "assess", input="1\n0\n", code=1)
    assert "cancelled; nothing was saved" in result.stderr
    assert "Traceback" not in result.stderr
    assert run.json("history") == []
    assert current(run)["phase"] == 2


def test_assess_interactively_checks_the_caregiver_before_asking(run: Any, household: Any) -> None:
    household("Ji-woo", "Sam", "Ana", phase=2)
    run("caregiver", "remove", "Ji-woo")  # init made the first caregiver named the default
    result = run("phase", "assess", input="1\n" * 9, code=2)
    assert "several caregivers" in result.stderr
    assert "Walking and stairs" not in result.stderr
    result = run("phase", "assess", "--caregiver", "Nobody", input="1\n" * 9, code=2)
    assert "no caregiver called 'Nobody'" in result.stderr
    assert "Walking and stairs" not in result.stderr


def test_assess_interactively_without_a_household_asks_nothing(run: Any) -> None:
    result = run("phase", "assess", input="1\n" * 9, code=3)
    assert "Walking and stairs" not in result.stderr


@pytest.mark.parametrize("text", [
    "walking=1,hands=0,speech=0,work=1,swallowing=0,breathing=0,tube=0",  # ventilation missing
    "",  # nothing answered
    TUBE + ",mood=1",  # unknown question
    TUBE.replace("walking=1", "walking=3"),  # out of range
    TUBE.replace("tube=1", "tube=2"),  # yes/no question
    TUBE.replace("work=1", "work=2"),
    TUBE.replace("walking=1", "walking=-1"),
    TUBE.replace("walking=1", "walking=1.0"),
    TUBE.replace("walking=1", "walking=x"),
    TUBE.replace("walking=1", "walking=²"),
    TUBE.replace("walking=1", "walking="),
    TUBE.replace("walking=1", "walking"),
])
def test_invalid_answers_exit_2(run: Any, household: Any, text: str) -> None:
    household(phase=2)
    result = run("phase", "assess", "--answers", text, "--apply", code=2)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert "(fix: " in lines[0]
    assert run.json("history") == []
    assert current(run)["phase"] == 2


# --- the questionnaire's mapping ----------------------------------------------------------------
@pytest.mark.parametrize(("given", "phase"), [
    ({}, 1),
    ({"work": 1}, 2),
    ({"walking": 1}, 2),
    ({"hands": 1}, 2),
    ({"speech": 1}, 2),
    ({"breathing": 1}, 2),
    ({"walking": 2}, 3),
    ({"hands": 2}, 3),
    ({"speech": 2, "work": 1}, 3),
    ({"walking": 2, "hands": 2, "speech": 2}, 3),
    ({"swallowing": 1}, 4),
    ({"swallowing": 2}, 4),
    ({"tube": 1}, 4),
    ({"tube": 1, "walking": 2, "speech": 2}, 4),
    ({"swallowing": 1, "breathing": 1}, 4),
    ({"breathing": 2}, 5),
    ({"ventilation": 1}, 5),
    ({"ventilation": 2}, 5),
    ({"ventilation": 1, "tube": 1, "walking": 2}, 5),
    ({"breathing": 2, "swallowing": 2}, 5),
    ({"breathing": 3}, 5),
])
def test_suggest(given: dict[str, int], phase: int) -> None:
    found = phase_assess.suggest(answers(**given))
    assert found.phase == phase
    assert found.reasons and all(render(r) for r in found.reasons)


def said(*given: Any) -> list[str]:
    return [render(r) for r in given]


def test_suggest_explains_with_the_answers_given() -> None:
    assert said(*phase_assess.suggest(answers(tube=1)).reasons) == ["Is a feeding tube in place?: yes"]
    assert said(*phase_assess.suggest(answers(ventilation=1)).reasons) == [
        "Is a breathing machine used?: at night or part of the day (NIV)"]
    assert said(*phase_assess.suggest(ALL_ZERO).reasons) == ["no changes in daily life reported yet"]
    assert len(phase_assess.suggest(answers(work=1, walking=1)).reasons) == 2


BREATHING_ADVICE = "Ask the care team for a breathing assessment soon"
SWALLOWING_ADVICE = "Ask the care team for a swallowing and nutrition review"
# Issue 11 item 4: a breathing answer that describes night-time under-breathing suggests phase 5
# whatever the other answers; every breathing answer carries the breathing-assessment advice.
CASES = [
    # (case, answers, suggested phase, advice that must be given, guides linked)
    ("nothing changed", {}, 1, [], []),
    ("breathing only, on effort", {"breathing": 1}, 2, [BREATHING_ADVICE], ["topics/breathing"]),
    ("breathing only, at night", {"breathing": 2}, 5, [BREATHING_ADVICE], ["topics/breathing"]),
    ("breathing at rest", {"breathing": 3}, 5, [BREATHING_ADVICE], ["topics/breathing"]),
    ("orthopnoea and morning headaches with mild other changes",
     {"breathing": 2, "walking": 1, "hands": 1, "speech": 1, "work": 1}, 5, [BREATHING_ADVICE],
     ["topics/breathing"]),
    ("breathing on effort plus walking", {"breathing": 1, "walking": 2}, 3, [BREATHING_ADVICE],
     ["topics/breathing"]),
    ("breathing at night plus walking", {"breathing": 2, "walking": 2}, 5, [BREATHING_ADVICE],
     ["topics/breathing"]),
    ("walking only", {"walking": 2}, 3, [], []),
    ("swallowing only", {"swallowing": 1}, 4, [SWALLOWING_ADVICE], ["topics/nutrition"]),
    ("swallowing with a tube in place", {"swallowing": 2, "tube": 1}, 4, [], []),
    ("swallowing and breathing on effort", {"swallowing": 1, "breathing": 1}, 4,
     [BREATHING_ADVICE, SWALLOWING_ADVICE], ["topics/breathing", "topics/nutrition"]),
    ("breathing machine only", {"ventilation": 1}, 5, [], []),
]


@pytest.mark.parametrize(("given", "phase", "advice", "linked"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_questionnaire_cases(given: dict[str, int], phase: int, advice: list[str], linked: list[str]) -> None:
    found = phase_assess.suggest(answers(**given))
    assert found.phase == phase
    shown = said(*found.advice)
    assert len(shown) == len(advice) and all(a in s for a, s in zip(advice, shown, strict=True)), shown
    assert list(found.guides) == linked
    assert all(guides.get(slug) for slug in found.guides)  # the linked guides exist


def test_the_night_time_breathing_answer_names_the_signs() -> None:
    night = render(phase_assess.BY_ID["breathing"].choices[phase_assess.NIGHT_TIME])
    for words in ("lying flat", "pillows", "morning headaches", "broken sleep", "sleepy"):
        assert words in night


def test_every_question_has_a_none_answer_first() -> None:
    for q in phase_assess.QUESTIONS:
        assert len(q.choices) >= 2
        assert render(q.choices[0]) in ("no change", "not affected", "no")
    assert phase_assess.suggest(ALL_ZERO).phase == 1


def test_the_interview_walks_every_question_then_asks_to_store() -> None:
    given, apply = walk(phase_assess.interview(None), ["1", "", "", "1", "", "2", "", "", "y"])
    assert given == answers(walking=1, work=1, breathing=2)
    assert apply is True
    given, apply = walk(phase_assess.interview(False), ["", "", "", "", "1", "", "", ""])
    assert (given, apply) == (answers(swallowing=1), False)


def test_assess_interactively_shows_the_breathing_advice(run: Any, household: Any) -> None:
    household(phase=2)
    # walking, hands, speech, work, swallowing, breathing (at night), tube, ventilation; then "store it?"
    result = run("phase", "assess", input="1\n0\n0\n1\n0\n2\n0\n0\nn\n")
    assert "3. breathless at rest, or uses breathing support" in result.stderr
    out = result.stdout
    assert "Suggested phase: 5. Breathing difficulty" in out
    assert BREATHING_ADVICE in out and "caretool guide show breathing" in out
    assert current(run)["phase"] == 2


def test_assess_json_carries_the_advice(run: Any, household: Any) -> None:
    household(phase=2)
    result = run.json("phase", "assess", "--answers", NOTHING.replace("breathing=0", "breathing=1"))
    assert result["suggested"] == 2 and result["guides"] == ["topics/breathing"]
    assert BREATHING_ADVICE in result["advice"][0]


# --- the phase at a date ------------------------------------------------------------------------
HISTORY = [{"phase": 3, "at": "2026-10-15"}, {"phase": 2, "at": "2026-10-01"},
           {"phase": 4, "at": "2026-10-15"}]


@pytest.mark.parametrize(("day", "first_if_earlier", "phase"), [
    ("2026-09-30", False, None),
    ("2026-09-30", True, 2),
    ("2026-10-01", False, 2),
    ("2026-10-14", False, 2),
    ("2026-10-15", False, 4),  # two changes on one day: the later one (as written) counts
    ("2027-01-01", False, 4),
])
def test_phase_on_a_day(day: str, first_if_earlier: bool, phase: int | None) -> None:
    assert phases.phase_on(HISTORY, date.fromisoformat(day), first_if_earlier=first_if_earlier) == phase
    assert phases.phase_on([], date.fromisoformat(day), first_if_earlier=True) is None


def test_the_household_asks_the_one_rule() -> None:
    from caretool.domain.household.model import Household

    household = Household(phases=sorted(HISTORY, key=lambda p: p["at"]))
    assert household.phase_on(date(2026, 10, 20)) == 4
    assert household.phase_on(date(2026, 9, 1)) is None


def test_parse_answers_tolerates_spaces_case_and_a_trailing_comma() -> None:
    text = " WALKING = 2 , hands=0,speech=0,work=1,swallowing=0,breathing=0,tube=0,ventilation=0, "
    assert phase_assess.parse_answers(text) == answers(walking=2, work=1)


def test_parse_answers_names_what_is_missing() -> None:
    with pytest.raises(BadInput) as caught:
        phase_assess.parse_answers("walking=0,hands=0,speech=0,work=0,swallowing=0,breathing=0")
    assert render(caught.value.message) == "no answer for tube, ventilation"


@pytest.mark.parametrize("value", ["²", "١", "-0", "+1", " 1x", "01a"])
def test_check_answer_refuses_non_ascii_digits_and_signs(value: str) -> None:
    with pytest.raises(BadInput) as caught:
        phase_assess.check_answer("walking", value)
    assert "is not one of 0-2" in render(caught.value.message)


def test_parse_phase() -> None:
    assert phases.parse_phase(" 3 ") == 3
    assert phases.parse_phase(5) == 5
    for bad in ("0", "6", "x", "", "3.0"):
        with pytest.raises(BadInput):
            phases.parse_phase(bad)
