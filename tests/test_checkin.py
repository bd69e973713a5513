"""`caretool checkin`: the guided interview, amending, cancelling, flags, undo and warnings."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

TODAY = "2026-11-20"
YESTERDAY = "2026-11-19"


@pytest.fixture(autouse=True)
def pinned(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A fixed evening in a fixed zone.

    A caregiver with no self-check this week is offered the weekly self-check before the note;
    the answers below decline it with Enter (SKIP_SELFCHECK) or take it.
    """
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    monkeypatch.setenv("CARETOOL_NOW", f"{TODAY}T21:00:00+00:00")
    yield
    monkeypatch.undo()
    time.tzset()


SKIP_SELFCHECK = ""  # Enter at "A short weekly self-check ... Take it now? (y/n) [n]"


def lines(*answers: str) -> str:
    return "".join(f"{a}\n" for a in answers)


def entries(run: Any, *args: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = run.json("history", *args)
    return found


def by_kind(records: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        out.setdefault(r["kind"], []).append(r)
    return out


def severities(records: list[dict[str, Any]]) -> dict[str, int]:
    return {r["name"]: r["severity"] for r in records if r["kind"] == "symptom"}


def caregiver_id(run: Any, name: str) -> str:
    return next(str(c["id"]) for c in run.json("caregiver", "list") if c["name"] == name)


# --- the interview ------------------------------------------------------------------------------
def test_enter_everywhere_keeps_last_severities(run: Any, household: Any) -> None:
    household()
    run("log", "symptom", "cramps", "-s", "2", "--at", "yesterday")
    run("log", "symptom", "choking", "-s", "1", "--at", "2 days ago")
    # cramps, choking, other symptoms?, hours, sleep, self-check, note, save
    result = run("checkin", input=lines("", "", "", "", "", SKIP_SELFCHECK, "", ""))
    assert "Symptoms seen this week" in result.stderr
    assert "Muscle cramps (0-3) [2]" in result.stderr
    assert f"Saved the check-in of {TODAY} for Ji-woo" in result.stdout
    today = entries(run, "--from", "today")
    assert severities(today) == {"cramps": 2, "choking": 1}
    assert {r["source"] for r in today} == {"checkin"}
    assert {r["day"] for r in today} == {TODAY}
    assert len(entries(run)) == 4  # two logs, two check-in answers; nothing else


def test_a_full_interview(run: Any, household: Any) -> None:
    household()
    result = run("checkin", input=lines(
        "y", "cramps, falls", "1", "2",  # other symptoms: which, and how bad
        "3", "feeding", "0",  # hours, task, how many at night
        "6.5", "7", "y",  # sleep, stress, break
        SKIP_SELFCHECK,
        "Long day",  # note
        "y",  # save
    ))
    assert "Summary:" in result.stderr
    assert "Care: 3 h (feeding)" in result.stderr
    assert "slept 6.5 h, stress 7/10, had a break" in result.stderr
    records = by_kind(entries(run))
    assert severities(records["symptom"]) == {"cramps": 1, "falls": 2}
    (hours,) = records["hours"]
    assert (hours["hours"], hours["task"], hours["night"], hours["night_hours"]) == (3, "feeding", False, 0)
    (wellbeing,) = records["wellbeing"]
    assert (wellbeing["sleep_hours"], wellbeing["stress"], wellbeing["took_break"]) == (6.5, 7, True)
    assert records["note"][0]["text"] == "Long day"
    assert all(r["source"] == "checkin" and r["day"] == TODAY for r in entries(run))
    falls = next(r for r in records["symptom"] if r["name"] == "falls")
    assert not falls.get("warnings")  # derived when shown, never stored
    assert "Needs the care team: A fall" in result.stderr


def test_night_care_task_counts_every_hour_at_night_unless_told(run: Any, household: Any) -> None:
    household()
    result = run("checkin", input=lines("", "8", "night-care", "", "", SKIP_SELFCHECK, "", ""))
    assert "How many of the 8 hours were at night? (0 if none) [8]" in result.stderr
    (hours,) = entries(run, "--kind", "hours")
    assert (hours["task"], hours["night"], hours["night_hours"]) == ("night-care", True, 8)


def test_other_symptom_is_described(run: Any, household: Any) -> None:
    household()
    run("checkin", input=lines("y", "other", "a rash on the arm", "1", "", "", SKIP_SELFCHECK, "", ""))
    (record,) = entries(run)
    assert (record["name"], record["describe"], record["severity"]) == ("other", "a rash on the arm", 1)


def test_unknown_symptom_in_the_list_is_left_out_only_when_told(run: Any, household: Any) -> None:
    household()
    # cramps' severity, then 'nosuch': Enter asks again, n leaves it out
    result = run("checkin", input=lines("y", "cramps, nosuch", "1", "", "n", "", "", SKIP_SELFCHECK, "", ""))
    assert "'nosuch' is not a symptom caretool knows." in result.stderr
    assert "Please type an answer." in result.stderr
    assert "Left out 'nosuch': nothing is recorded for it." in result.stderr
    assert severities(entries(run)) == {"cramps": 1}


def test_a_mistyped_symptom_can_be_typed_again(run: Any, household: Any) -> None:
    household()
    result = run("checkin", input=lines("y", "chokng", "choking", "2", "", "", SKIP_SELFCHECK, "", ""))
    assert "'chokng' is not a symptom caretool knows. Did you mean:" in result.stderr
    assert "1. Choking or coughing at meals (choking)" in result.stderr
    assert "Kept: Choking or coughing at meals (choking)." in result.stderr
    assert severities(entries(run)) == {"choking": 2}


def test_bad_answers_are_asked_again_not_lost(run: Any, household: Any) -> None:
    household()
    answers = lines("n", "30", "3", "99", "2", "", "y", "6", "", "n", SKIP_SELFCHECK, "", "")
    result = run("checkin", input=answers)
    assert "hours 30 is out of range" in result.stderr and "unknown task '99'" in result.stderr
    assert result.stderr.count("Please try again") == 3
    stored = {r["kind"]: r for r in entries(run)}
    assert stored["hours"]["hours"] == 3 and stored["hours"]["task"] == "feeding"
    assert stored["wellbeing"]["sleep_hours"] == 6


def test_symptom_picked_by_number(run: Any, household: Any) -> None:
    household()
    result = run("checkin", input=lines("y", "4", "1", "", "", SKIP_SELFCHECK, "", ""))
    assert " 4. Muscle cramps (cramps)" in result.stderr
    assert severities(entries(run)) == {"cramps": 1}


def test_typos_ask_again(run: Any, household: Any) -> None:
    household()
    run("log", "symptom", "cramps", "-s", "1", "--at", "yesterday")
    result = run("checkin", input=lines("5", "²", "two", "2", "", "", "6", "11", "8", "", SKIP_SELFCHECK,
                                        "", ""))
    assert result.stderr.count("Muscle cramps (0-3) [1]:") == 4  # asked again after each typo
    assert "severity 5 is out of range (use 0 (none), 1 (mild), 2 (moderate) or 3 (severe))" in result.stderr
    assert "severity '²' is not a number" in result.stderr
    assert "stress 11 is out of range (use a whole number from 0 (calm) to 10 (worst))" in result.stderr
    today = entries(run, "--from", "today")
    assert severities(today) == {"cramps": 2}
    assert by_kind(today)["wellbeing"][0]["stress"] == 8


def test_answer_zero_records_none_today(run: Any, household: Any) -> None:
    household()
    run("log", "symptom", "cramps", "-s", "2", "--at", "yesterday")
    run("checkin", input=lines("0", "", "", "", SKIP_SELFCHECK, "", ""))
    assert severities(entries(run, "--from", "today")) == {"cramps": 0}


# --- amending -----------------------------------------------------------------------------------
def test_second_checkin_the_same_day_amends(run: Any, household: Any) -> None:
    household()
    run("checkin", "--non-interactive", "--symptom", "cramps=1", "--hours", "3", "--sleep", "6",
        "--stress", "5", "--note", "first")
    first = {r["kind"]: r for r in entries(run)}
    assert len(first) == 4
    # cramps 1 -> 2; other?; hours 3 -> 4, task, night hours; sleep, stress, break; self-check; note; save
    result = run("checkin", input=lines("2", "", "4", "", "", "", "", "", SKIP_SELFCHECK, "", ""))
    assert "Already recorded for this day" in result.stderr
    assert f"Amended the check-in of {TODAY}" in result.stdout
    assert "(2 answers unchanged)" in result.stdout
    second = entries(run)
    assert len(second) == 4  # updated, not duplicated
    now = {r["kind"]: r for r in second}
    assert {k: r["id"] for k, r in now.items()} == {k: r["id"] for k, r in first.items()}
    assert now["symptom"]["severity"] == 2
    assert now["hours"]["hours"] == 4
    assert (now["wellbeing"]["sleep_hours"], now["wellbeing"]["stress"]) == (6, 5)
    assert now["note"]["text"] == "first"


def test_amend_non_interactively(run: Any, household: Any) -> None:
    household()
    run("checkin", "--non-interactive", "--symptom", "cramps=1", "--hours", "3")
    data = run.json("checkin", "--non-interactive", "--symptom", "cramps=2", "--symptom", "pain=1",
                    "--stress", "4", "--sleep", "7")
    assert data["amended"] is True
    assert severities(entries(run)) == {"cramps": 2, "pain": 1}
    assert len(entries(run)) == 4
    assert len(entries(run, "--kind", "hours")) == 1


def test_same_answers_again_change_nothing(run: Any, household: Any) -> None:
    household()
    flags = ["checkin", "--non-interactive", "--symptom", "cramps=1", "--hours", "3"]
    run(*flags)
    result = run(*flags)
    assert "Nothing changed." in result.stdout
    assert "(2 answers unchanged)" in result.stdout
    assert len(entries(run)) == 2
    run("undo")  # the unchanged second check-in left nothing to undo: this removes the first
    assert entries(run) == []


def test_hours_in_a_checkin_count_with_logged_hours(run: Any, household: Any) -> None:
    household()
    run("log", "hours", "20")
    result = run("checkin", "--non-interactive", "--hours", "5", code=2)
    assert "would exceed 24 h" in result.stderr
    run("checkin", "--non-interactive", "--hours", "4")
    # amending the check-in's own hours does not count them twice
    run("checkin", "--non-interactive", "--hours", "3.5")
    assert sorted(r["hours"] for r in entries(run, "--kind", "hours")) == [3.5, 20]


def test_symptom_logged_earlier_today_is_not_duplicated(run: Any, household: Any) -> None:
    household()
    run("log", "symptom", "cramps", "-s", "1")
    run("checkin", "--non-interactive", "--symptom", "cramps=1", "--hours", "2")
    assert len(entries(run, "--kind", "symptom")) == 1
    run("checkin", "--non-interactive", "--symptom", "cramps=2")  # amends the adopted entry
    assert [r["severity"] for r in entries(run, "--kind", "symptom")] == [2]


# --- cancelling ---------------------------------------------------------------------------------
def test_answering_no_to_save_saves_nothing(run: Any, household: Any) -> None:
    household()
    run("log", "symptom", "cramps", "-s", "1", "--at", "yesterday")
    before = entries(run)
    result = run("checkin", input=lines("2", "", "3", "", "", "", SKIP_SELFCHECK, "", "n"), code=1)
    assert "Save this check-in?" in result.stderr
    assert "cancelled; nothing was saved" in result.stderr
    assert entries(run) == before


def test_end_of_input_in_the_middle_saves_nothing(run: Any, household: Any) -> None:
    household()
    run("checkin", "--non-interactive", "--hours", "2", "--note", "morning")
    before = entries(run)
    result = run("checkin", input=lines("y", "cramps", "2", "5"), code=1)
    assert "cancelled; nothing was saved" in result.stderr
    assert "Traceback" not in result.stderr
    assert entries(run) == before


def test_cancelled_amend_keeps_the_first_checkin(run: Any, household: Any) -> None:
    household()
    run("checkin", "--non-interactive", "--symptom", "cramps=1")
    run("checkin", input=lines("3", "", "", "", SKIP_SELFCHECK, "", "n"), code=1)
    assert severities(entries(run)) == {"cramps": 1}


# --- another day --------------------------------------------------------------------------------
def test_checkin_for_yesterday(run: Any, household: Any) -> None:
    household()
    result = run("checkin", "--date", "yesterday", input=lines("y", "cramps", "1", "2", "", "",
                                                                "", SKIP_SELFCHECK, "", ""))
    assert "Check-in for Thursday 19 November 2026" in result.stderr
    # backdated, it asks about that day, never "today" (issue 18 item 15)
    assert "Any other symptoms on Thu 19 Nov?" in result.stderr
    assert "Hours of care you gave on Thu 19 Nov" in result.stderr
    assert "the night before Thu 19 Nov" in result.stderr
    assert "today" not in result.stderr
    assert f"Saved the check-in of {YESTERDAY}" in result.stdout
    stored = entries(run)
    assert {r["day"] for r in stored} == {YESTERDAY}
    assert all(r["at"].startswith(f"{YESTERDAY}T20:00") for r in stored)
    assert entries(run, "--from", "today") == []


def test_yesterday_and_today_are_separate_checkins(run: Any, household: Any) -> None:
    household()
    run("checkin", "--non-interactive", "--date", "yesterday", "--hours", "3")
    run("checkin", "--non-interactive", "--hours", "5")
    assert sorted((r["day"], r["hours"]) for r in entries(run)) == [(YESTERDAY, 3), (TODAY, 5)]


def test_checkin_for_an_iso_date(run: Any, household: Any) -> None:
    household()
    run("checkin", "--non-interactive", "--date", "2026-11-02", "--symptom", "pain=1")
    (record,) = entries(run)
    assert record["day"] == "2026-11-02"


# --- flags --------------------------------------------------------------------------------------
def test_non_interactive_flags(run: Any, household: Any) -> None:
    household()
    result = run("checkin", "--non-interactive", "--symptom", "cramps=1", "--symptom", "Choking=0",
                 "--hours", "6", "--task", "feeding", "--night", "--sleep", "5.5", "--stress", "7",
                 "--break", "--note", "Tired day")
    assert f"Saved the check-in of {TODAY} for Ji-woo:" in result.stdout
    assert result.stdout.count("[id ") == 5
    assert "caretool undo" in result.stderr
    records = by_kind(entries(run))
    assert severities(records["symptom"]) == {"cramps": 1, "choking": 0}
    assert (records["hours"][0]["hours"], records["hours"][0]["task"], records["hours"][0]["night"]) == (
        6, "feeding", True)
    assert records["wellbeing"][0] == {**records["wellbeing"][0], "sleep_hours": 5.5, "stress": 7,
                                       "took_break": True}
    assert records["note"][0]["text"] == "Tired day"


def test_no_break_flag(run: Any, household: Any) -> None:
    household()
    run("checkin", "--non-interactive", "--sleep", "7", "--stress", "2", "--no-break")
    assert entries(run)[0]["took_break"] is False


def test_json_prints_what_was_stored(run: Any, household: Any) -> None:
    household()
    data = run.json("checkin", "--non-interactive", "--symptom", "choking=3", "--hours", "2")
    assert set(data) >= {"day", "caregiver", "caregiver_id", "amended", "records", "unchanged",
                         "warnings"}
    assert (data["day"], data["caregiver"], data["amended"]) == (TODAY, "Ji-woo", False)
    assert sorted(r["id"] for r in data["records"]) == sorted(r["id"] for r in entries(run))
    assert [(w["rule"], w["urgency"], w["day"]) for w in data["warnings"]] == [
        ("choking", "emergency", TODAY)]
    local = run("checkin", "--non-interactive", "--hours", "3", "--json").stdout
    assert '"amended": true' in local


@pytest.mark.parametrize("flags", [
    ["--symptom", "cramps=5"],
    ["--symptom", "cramps=-1"],
    ["--symptom", "cramps=1.5"],
    ["--symptom", "cramps"],
    ["--symptom", "nosuch=1"],
    ["--symptom", "other=1"],  # needs --describe
    ["--sleep", "6", "--stress", "11"],
    ["--sleep", "6", "--stress", "nan"],
    ["--sleep", "25", "--stress", "3"],
    ["--hours", "30"],
    ["--hours", "0"],
    ["--hours", "1e309"],
    ["--hours", "2", "--task", "gardening"],
    ["--date", "tomorrow", "--hours", "2"],
    ["--date", "2026-11-21", "--hours", "2"],  # the future
    ["--date", "", "--hours", "2"],
    ["--date", "2020-01-01", "--hours", "2"],  # years before the first symptoms
    ["--caregiver", "Nobody", "--hours", "2"],
    [],  # nothing to record
])
def test_bad_flags_exit_2_and_store_nothing(run: Any, household: Any, flags: list[str]) -> None:
    household()
    result = run("checkin", "--non-interactive", *flags, code=2)
    assert result.stderr.startswith("error: ")
    assert "Traceback" not in result.stderr
    assert entries(run) == []


@pytest.mark.parametrize(("flags", "missing"), [
    (["--stress", "4"], "--sleep is missing"),
    (["--sleep", "6"], "--stress is missing"),
    (["--break"], "--sleep and --stress are missing"),
])
def test_how_you_are_needs_sleep_and_stress(run: Any, household: Any, flags: list[str], missing: str) -> None:
    household()
    result = run("checkin", "--non-interactive", *flags, code=2)
    assert f"needs both sleep and stress; {missing}" in result.stderr
    assert entries(run) == []


def test_stress_alone_amends_an_earlier_answer(run: Any, household: Any) -> None:
    household()
    run("checkin", "--non-interactive", "--sleep", "6", "--stress", "3", "--break")
    run("checkin", "--non-interactive", "--stress", "8")
    (record,) = entries(run)
    assert (record["sleep_hours"], record["stress"], record["took_break"]) == (6, 8, True)


def test_one_bad_answer_stores_none_of_the_others(run: Any, household: Any) -> None:
    household()
    run("checkin", "--non-interactive", "--symptom", "cramps=1", "--note", "ok", "--hours", "30", code=2)
    assert entries(run) == []


def test_bad_date_is_refused_before_any_question(run: Any, household: Any) -> None:
    household()
    result = run("checkin", "--date", "tomorrow", input=lines("y"), code=2)
    assert "Any other symptoms" not in result.stderr


def test_checkin_without_a_household(run: Any) -> None:
    result = run("checkin", "--non-interactive", "--hours", "2", code=3)
    assert result.stderr.startswith("error: no household is set up")


# --- undo ---------------------------------------------------------------------------------------
def test_undo_removes_the_whole_checkin(run: Any, household: Any) -> None:
    household()
    run("log", "weight", "70")
    run("checkin", "--non-interactive", "--symptom", "cramps=1", "--symptom", "pain=2", "--hours", "3",
        "--sleep", "6", "--stress", "5", "--note", "x")
    assert len(entries(run)) == 6
    result = run("undo")
    assert f"Undid: check-in {TODAY}" in result.stderr
    assert [r["kind"] for r in entries(run)] == ["weight"]


def test_undo_after_an_amend_restores_the_first_answers(run: Any, household: Any) -> None:
    household()
    run("checkin", "--non-interactive", "--symptom", "cramps=1", "--hours", "3")
    run("checkin", "--non-interactive", "--symptom", "cramps=3", "--symptom", "pain=1", "--hours", "3")
    run("undo")
    assert severities(entries(run)) == {"cramps": 1}
    assert len(entries(run)) == 2
    run("undo")
    assert entries(run) == []


# --- warnings -----------------------------------------------------------------------------------
def test_warnings_are_shown_and_not_stored(run: Any, household: Any) -> None:
    household()
    result = run("checkin", "--non-interactive", "--symptom", "choking=3", "--symptom", "cramps=2")
    assert "EMERGENCY: Choking" in result.stderr
    flagged = [line for line in result.stdout.splitlines() if "(!)" in line]
    assert len(flagged) == 1 and "Choking" in flagged[0]
    assert all(not r.get("warnings") for r in entries(run))  # derived when read, never stored


def test_warning_from_two_answers_of_one_checkin(run: Any, household: Any) -> None:
    """Morning headaches and daytime sleepiness answered in the same check-in: one is enough for a
    breathing referral (issue 11), and the warning is derived, shown once per sign."""
    household()
    result = run("checkin", "--non-interactive", "--symptom", "morning-headache=1",
                 "--symptom", "daytime-sleepiness=1")
    assert result.stderr.count("A sign to ask for a breathing check") == 1  # one panel
    assert result.stdout.count("(!)") == 2  # both answers raise it
    data = run.json("checkin", "--non-interactive", "--symptom", "morning-headache=1",
                    "--symptom", "daytime-sleepiness=1")  # the same answers again: unchanged
    assert sorted(w["entry_id"] for w in data["warnings"]) == sorted(r["id"] for r in entries(run))
    assert {w["rule"] for w in data["warnings"]} == {"respiratory-referral"}
    assert all(not r.get("warnings") for r in entries(run))  # never stored


def test_interactive_warning_on_a_kept_severity(run: Any, household: Any) -> None:
    household()
    run("log", "symptom", "breathless-lying-flat", "-s", "1", "--at", "yesterday")
    result = run("checkin", input=lines("", "", "", "", SKIP_SELFCHECK, "", ""))
    assert "Needs the care team: Short of breath lying flat" in result.stderr
    (record,) = entries(run, "--from", "today")
    assert "(!)" in next(line for line in result.stdout.splitlines() if record["id"][:7] in line)


def test_emergency_panels_come_first(run: Any, household: Any) -> None:
    household()
    result = run("checkin", "--non-interactive", "--symptom", "confusion=1", "--symptom", "choking=3")
    assert result.stderr.index("EMERGENCY: Choking") < result.stderr.index("New confusion")


# --- several caregivers -------------------------------------------------------------------------
def test_first_question_picks_the_caregiver_by_number(run: Any, household: Any) -> None:
    household("Ji-woo", "Sam")
    result = run("checkin", input=lines("2", "", "2", "", "", "", SKIP_SELFCHECK, "", ""))
    assert "Who is checking in?" in result.stderr
    assert "  2. Sam" in result.stderr
    assert f"Saved the check-in of {TODAY} for Sam" in result.stdout
    (record,) = entries(run)
    assert record["caregiver"] == caregiver_id(run, "Sam")


def test_first_question_picks_the_caregiver_by_name(run: Any, household: Any) -> None:
    household("Ji-woo", "Sam")
    run("checkin", input=lines("ji-woo", "", "2", "", "", "", SKIP_SELFCHECK, "", ""))
    (record,) = entries(run)
    assert record["caregiver"] == caregiver_id(run, "Ji-woo")


@pytest.mark.parametrize("answer", ["Nobody", "3", "²"])
def test_a_mistyped_caregiver_is_asked_again(run: Any, household: Any, answer: str) -> None:
    """Issue 18 item 15: it used to end the check-in (exit 2) with every answer lost."""
    household("Ji-woo", "Sam")
    result = run("checkin", input=lines(answer, "Sam", "", "2", "", "", "", SKIP_SELFCHECK, "", ""))
    assert f"no caregiver called {answer!r}" in result.stderr and "Please try again" in result.stderr
    (record,) = entries(run)
    assert record["caregiver"] == caregiver_id(run, "Sam")


def test_caregiver_flag_skips_the_question(run: Any, household: Any) -> None:
    household("Ji-woo", "Sam")
    result = run("checkin", "--caregiver", "Sam", input=lines("", "2", "", "", "", SKIP_SELFCHECK, "", ""))
    assert "Who is checking in?" not in result.stderr
    assert entries(run)[0]["caregiver"] == caregiver_id(run, "Sam")


def test_each_caregiver_has_their_own_checkin(run: Any, household: Any) -> None:
    household("Ji-woo", "Sam")
    run("checkin", "--non-interactive", "--caregiver", "Ji-woo", "--hours", "8", "--sleep", "5",
        "--stress", "8")
    data = run.json("checkin", "--non-interactive", "--caregiver", "Sam", "--hours", "2", "--sleep", "8",
                    "--stress", "2")
    assert data["amended"] is False
    assert len(entries(run, "--caregiver", "Ji-woo")) == 2
    assert len(entries(run, "--caregiver", "Sam")) == 2


def test_non_interactive_needs_a_caregiver_when_there_are_several(run: Any, household: Any) -> None:
    household("Ji-woo", "Sam", "Ana")
    run("caregiver", "remove", "Ji-woo")  # init made the first caregiver named the default
    result = run("checkin", "--non-interactive", "--hours", "2", code=2)
    assert "several caregivers" in result.stderr
    assert entries(run) == []


def test_one_dose_cannot_be_given_twice_in_one_check_in(run: Any, household: Any, clock: Any) -> None:
    clock("2026-11-20T21:00:00+00:00")
    household()
    run("med", "add", "riluzole", "--preset", "riluzole", "--start", "2026-11-20")  # due from 21:00
    err = run("checkin", "--non-interactive", "--took", "riluzole", "--took", "riluzole", code=2).stderr
    assert "already given" in err
    assert entries(run, "--kind", "dose") == []
    run("checkin", "--non-interactive", "--took", "riluzole")
    assert [r["status"] for r in entries(run, "--kind", "dose")] == ["taken"]


def test_the_days_warnings_include_what_was_logged_before_the_check_in(run: Any, household: Any) -> None:
    household("Ji-woo", "Sam")
    run("log", "symptom", "falls", "--severity", "1", "--caregiver", "Sam")
    result = run("checkin", "--non-interactive", "--caregiver", "Ji-woo", "--hours", "2")
    assert "Needs the care team: A fall" in result.stderr
    assert "(!)" not in result.stdout  # the hours entry itself raises nothing
    run("delete", entries(run, "--kind", "symptom")[0]["id"])
    again = run("checkin", "--non-interactive", "--caregiver", "Ji-woo", "--hours", "2")
    assert "A fall" not in again.stderr  # derived when shown: gone with the entry
