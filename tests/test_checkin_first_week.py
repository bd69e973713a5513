"""Issue 18, the check-in as a family meets it in its first week: one test per defect, each written
to fail on the code before the fix (items 4, 10, 11, 12 and the check-in parts of 15), plus the
0-hours and daylight-saving bugs of issue 12's `_interview`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from caretool.domain import interview as iv

TODAY = "2026-11-20"


@pytest.fixture(autouse=True)
def evening(clock: Any) -> Iterator[None]:
    clock(f"{TODAY}T20:30:00+00:00")
    yield


def lines(*answers: str) -> str:
    return "".join(f"{a}\n" for a in answers)


def entries(run: Any, *args: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = run.json("history", *args)
    return found


def doses(run: Any) -> list[tuple[str, str, str]]:
    return sorted((r["scheduled_for"][11:16], r["status"], r.get("reason", ""))
                  for r in entries(run, "--kind", "dose"))


# --- item 4: amending the same day never fails at the end --------------------------------------------
@pytest.fixture
def baclofen(run: Any, household: Any) -> None:
    household()
    run("med", "add", "baclofen", "--dose", "5 mg", "--times", "08:00,14:00,20:00", "--start", "2026-11-19")


def test_amending_records_the_doses_the_questions_name(run: Any, baclofen: None) -> None:
    """The amend asked "08:00 baclofen: given?" and then failed at "Save this check-in?" with
    "the 20:00 baclofen dose was already given ... add --extra": every answer lost."""
    run("checkin", "--non-interactive", "--took", "baclofen")  # at 20:30: the 20:00 dose
    # other symptoms?, 08:00 given, 14:00 skipped + why, hours, sleep, self-check, note, save
    result = run("checkin", input=lines("", "y", "s", "asleep", "", "", "", "", ""))
    assert "08:00 baclofen: given?" in result.stderr and "14:00 baclofen: given?" in result.stderr
    assert "20:00 baclofen: given?" not in result.stderr  # already recorded: not asked again
    assert "Amended the check-in" in result.stdout
    assert doses(run) == [("08:00", "taken", ""), ("14:00", "skipped", "asleep"), ("20:00", "taken", "")]


def test_a_skipped_dose_is_not_overwritten_by_a_later_given(run: Any, baclofen: None) -> None:
    """Item 3 as the check-in meets it: "08:00 given" recorded the 20:00 dose over its skip."""
    run("med", "skip", "baclofen", "--for", "20:00", "--reason", "vomiting")
    run("checkin", input=lines("", "y", "", "", "", "", "", ""))  # 08:00 given, 14:00 not yet
    assert doses(run) == [("08:00", "taken", ""), ("20:00", "skipped", "vomiting")]


def test_a_save_that_still_fails_says_what_to_do_in_the_check_in(run: Any, baclofen: None,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Only a change by another caretool between the questions and the save can fail it now; the
    hint says what to do in the interactive flow, not "add --extra"."""
    from caretool.core import dates
    from caretool.domain.checkin import service
    from caretool.domain.meds import service as meds

    def as_read_before(store: Any, household: Any, day: Any) -> list[dict[str, Any]]:
        return [d for d in meds.doses_on(store, household, day, dates.now()) if d["state"] != "skipped"]

    monkeypatch.setattr(service, "due_doses", as_read_before)  # the 14:00 dose still looks open
    run("med", "take", "baclofen", "--for", "14:00")  # given "on the other computer"
    result = run("checkin", input=lines("", "", "y", "", "", "", "", "", ""), code=2)
    assert "14:00 baclofen dose was already given" in result.stderr
    assert "--extra" not in result.stderr
    assert "nothing was saved; run `caretool checkin` again" in result.stderr
    assert doses(run) == [("14:00", "taken", "")]


# --- item 10: symptom names ----------------------------------------------------------------------------
@pytest.mark.parametrize("retry", ["y", "1", "weight-loss", "Losing weight"])
def test_a_mistyped_symptom_is_kept_by_yes_number_or_name(run: Any, household: Any, retry: str) -> None:
    """ "wieght loss" -> "did you mean weight-loss? Type it again, or Enter to leave it out": `y` or
    the number left it out, silently."""
    household()
    result = run("checkin", input=lines("y", "wieght loss", retry, "2", "", "", "", "", ""))
    assert "'wieght loss' is not a symptom caretool knows. Did you mean:" in result.stderr
    assert "1. Losing weight (weight-loss)" in result.stderr
    assert "Kept: Losing weight (weight-loss)." in result.stderr
    assert [(r["name"], r["severity"]) for r in entries(run, "--kind", "symptom")] == [("weight-loss", 2)]


def test_enter_never_drops_a_mistyped_symptom(run: Any, household: Any) -> None:
    household()
    result = run("checkin", input=lines("y", "chokng", "", "", "y", "3", "", "", "", "", ""))
    assert result.stderr.count("Please type an answer.") == 2
    assert "Kept: Choking or coughing at meals (choking)." in result.stderr
    assert [(r["name"], r["severity"]) for r in entries(run, "--kind", "symptom")] == [("choking", 3)]


def test_leaving_a_symptom_out_is_said_plainly(run: Any, household: Any) -> None:
    household()
    result = run("checkin", input=lines("y", "wieght loss", "n", "", "", "", "", ""), code=1)
    assert "Left out 'wieght loss': nothing is recorded for it." in result.stderr
    assert entries(run) == []


def test_phase_4_asks_its_key_symptoms_first(run: Any, household: Any) -> None:
    """The check-in started with "any other symptoms?" whatever the phase."""
    household(phase=4)
    # choking, swallowing, weight, breathless lying flat; other?; hours; sleep; self-check; note; save
    result = run("checkin", input=lines("1", "", "2", "", "", "", "", "", "", ""))
    err = result.stderr
    assert "Signs to watch in phase 4 (Swallowing difficulty)" in err
    order = [err.index(text) for text in ("Choking or coughing at meals (0-3, Enter if not seen)",
                                          "Difficulty swallowing (0-3", "Losing weight (0-3",
                                          "Short of breath lying flat (0-3", "Any other symptoms today?")]
    assert order == sorted(order)
    assert sorted((r["name"], r["severity"]) for r in entries(run)) == [("choking", 1), ("weight-loss", 2)]
    assert "Needs the care team: Choking" in err


def test_a_check_in_caught_up_for_a_day_before_init_asks_the_phases_signs(run: Any, household: Any) -> None:
    """init records the phase from the day it runs; a check-in for three days before asked none of
    the phase's key signs (the household was "in no phase" then)."""
    household(phase=4)
    result = run("checkin", "--date", "3 days ago", input=lines("", "", "", "", "", "", "", "", "", "", ""),
                 code=None)
    assert "Signs to watch in phase 4 (Swallowing difficulty)" in result.stderr


@pytest.mark.parametrize("phase", [1, 2, 3, 4, 5])
def test_key_symptoms_are_known_symptoms(phase: int) -> None:
    from caretool.domain.care import symptoms
    from caretool.domain.checkin import key_symptoms

    assert set(key_symptoms.KEY_SYMPTOMS.get(phase, ())) <= set(symptoms.BY_SLUG)
    assert key_symptoms.for_phase(phase) == key_symptoms.KEY_SYMPTOMS.get(phase, ())
    assert bool(key_symptoms.for_phase(phase)) == (phase >= 3)


def test_phase_4_key_symptoms_are_the_issues() -> None:
    from caretool.domain.checkin import key_symptoms

    assert key_symptoms.for_phase(4) == ("choking", "swallowing", "weight-loss", "breathless-lying-flat")


# --- item 11: night hours ------------------------------------------------------------------------------
def test_how_many_of_the_hours_were_at_night(run: Any, household: Any) -> None:
    """ "Any of it at night? y" after 12 hours stored 12 hours of night care."""
    household()
    result = run("checkin", input=lines("", "12", "personal-care", "4", "", "", "", ""))
    assert "How many of the 12 hours were at night? (0 if none) [0]" in result.stderr
    (hours,) = entries(run, "--kind", "hours")
    assert (hours["hours"], hours["night"], hours["night_hours"]) == (12, True, 4)
    assert "Care: 12 h (personal care, 4 h at night)" in result.stderr


def test_night_hours_cannot_exceed_the_hours(run: Any, household: Any) -> None:
    household()
    result = run("checkin", input=lines("", "3", "", "5", "3", "", "", "", ""))
    assert "night hours 5 is out of range" in result.stderr
    assert "type how many of the 3 hours were at night, from 0 to 3" in result.stderr
    (hours,) = entries(run, "--kind", "hours")
    assert hours["night_hours"] == 3
    run("checkin", "--non-interactive", "--hours", "2", "--night-hours", "3", code=2)


def test_old_hours_entries_without_night_hours_still_read(run: Any, household: Any) -> None:
    household()
    logged = run.json("log", "hours", "2", "--night")
    assert logged["night"] is True and "night_hours" not in logged
    assert "2 h of care (other, night)" in run("history").stdout


# --- item 12: the self-check inside the check-in -------------------------------------------------------
def test_enter_on_the_self_harm_question_records_nothing(run: Any, household: Any) -> None:
    """Every self-check answer defaulted to 0, the self-harm one too: Enter recorded "never"."""
    household()
    selfcheck = ["0"] * 8 + ["", "1"]  # Enter on the ninth (self-harm) question asks again
    result = run("checkin", input=lines("", "", "", "y", *selfcheck, "", ""))
    err = result.stderr
    assert "9. How often did you have thoughts of harming yourself? (0-3):" in err
    assert err.count("Please type an answer.") == 1
    # the crisis lines come at once, before the next question
    assert err.index("116 123") < err.index("A note about today")
    assert "Self-check: score 1 of 27" in err
    (check,) = entries(run, "--kind", "selfcheck")
    assert check["answers"]["self-harm"] == 1 and check["source"] == "checkin"


def test_no_question_of_the_self_check_has_a_default(run: Any, household: Any) -> None:
    household()
    result = run("checkin", input=lines("", "", "", "y", *[""] * 9), code=1)  # Enter only: asked again
    assert "[0]" not in result.stderr.split("Take it now?")[1]
    assert entries(run) == []


def test_the_self_check_is_offered_once_a_week(run: Any, household: Any) -> None:
    household()
    run("selfcheck", "--answers", "0,0,0,0,0,0,0,0,0")
    result = run("checkin", input=lines("", "2", "", "", "", "", ""))
    assert "weekly self-check" not in result.stderr


# --- issue 12's `_interview` bugs: 0 hours, and a daylight-saving day -------------------------------
def test_zero_hours_says_what_is_wrong(run: Any, household: Any) -> None:
    """Typing 0 printed "hours -1 is out of range"."""
    household()
    result = run("checkin", input=lines("", "0", "", "", "", "", ""), code=1)
    assert "hours must be more than 0" in result.stderr
    assert "-1" not in result.stderr


def test_hours_on_a_25_hour_day(run: Any, household: Any, clock: Any) -> None:
    """The prompt allowed 24 h while the domain allows the real length of the day (25 h when the
    clocks go back)."""
    clock("2026-10-26T09:00:00+00:00", tz="Europe/London")
    household()
    result = run("checkin", "--date", "2026-10-25", input=lines("", "25.5", "24.5", "", "", "", "", "", ""))
    assert "hours 25.5 is out of range" in result.stderr
    (hours,) = entries(run, "--kind", "hours")
    assert (hours["day"], hours["hours"]) == ("2026-10-25", 24.5)


def test_hours_on_a_23_hour_day_count_what_is_logged(run: Any, household: Any, clock: Any) -> None:
    clock("2026-03-30T09:00:00+01:00", tz="Europe/London")
    household()
    run("log", "hours", "20", "--at", "2026-03-29 12:00")
    result = run("checkin", "--date", "2026-03-29", input=lines("", "4", "3", "", "", "", "", "", ""))
    assert "already has 20 h logged on 2026-03-29; adding 4 h would exceed 23 h" in result.stderr
    assert "type at most 3 h" in result.stderr
    assert sorted(r["hours"] for r in entries(run, "--kind", "hours")) == [3, 20]


# --- the interview is data: a script (or another front end) walks the same questions -----------------
def test_the_check_in_interview_walks_without_a_terminal(run: Any, household: Any, home: Any) -> None:
    household("Ji-woo", "Sam")
    from caretool.domain.checkin import interview, service
    from caretool.store import Store

    with Store(home) as store:
        ctx = service.read(store, service.resolve_day(None))
    plan = iv.answers(interview.interview(ctx, service.Plan(day=ctx.day)),
                      ["Sam", "y", "crmps", "y", "2", "3", "feeding", "1", "6", "4", "n", "n", "ok", "y"])
    assert plan is not None
    assert (plan.caregiver, plan.symptoms, plan.hours, plan.task, plan.night_hours) == (
        "Sam", {"cramps": 2}, 3, "feeding", 1)
    assert (plan.sleep, plan.stress, plan.took_break, plan.note, plan.selfcheck) == (6, 4, False, "ok", None)


def test_only_doses_whose_time_has_come_are_asked(run: Any, baclofen: None, clock: Any) -> None:
    clock(f"{TODAY}T10:00:00+00:00")
    result = run("checkin", input=lines("", "y", "", "", "", "", ""))
    assert "08:00 baclofen: given?" in result.stderr
    assert "14:00 baclofen" not in result.stderr and "20:00 baclofen" not in result.stderr
    assert doses(run) == [("08:00", "taken", "")]
