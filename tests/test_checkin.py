"""`caretool checkin`: the guided interview, amending, cancelling, flags, undo and warnings."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest

TODAY = "2026-11-20"
YESTERDAY = "2026-11-19"


@pytest.fixture(autouse=True)
def pinned(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A fixed evening in a fixed zone, and no optional steps from packages still being built.

    The weekly self-check (caretool.burnout) adds questions to the interview when it is installed;
    these tests feed a fixed sequence of answers, so they run the interview without it.
    """
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    monkeypatch.setenv("CARETOOL_NOW", f"{TODAY}T21:00:00+00:00")
    for name in ("selfcheck",):
        monkeypatch.setitem(sys.modules, f"caretool.domain.burnout.{name}", None)
        if "caretool.domain.burnout" in sys.modules:
            monkeypatch.delattr(sys.modules["caretool.domain.burnout"], name, raising=False)
    yield
    monkeypatch.undo()
    time.tzset()


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
    # cramps, choking, other symptoms?, hours, sleep, note, save
    result = run("checkin", input=lines("", "", "", "", "", "", ""))
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
        "3", "feeding", "n",  # hours, task, at night?
        "6.5", "7", "y",  # sleep, stress, break
        "Long day",  # note
        "y",  # save
    ))
    assert "Summary:" in result.stderr
    assert "Care: 3 h (feeding)" in result.stderr
    assert "slept 6.5 h, stress 7/10, had a break" in result.stderr
    records = by_kind(entries(run))
    assert severities(records["symptom"]) == {"cramps": 1, "falls": 2}
    (hours,) = records["hours"]
    assert (hours["hours"], hours["task"], hours["night"]) == (3, "feeding", False)
    (wellbeing,) = records["wellbeing"]
    assert (wellbeing["sleep_hours"], wellbeing["stress"], wellbeing["took_break"]) == (6.5, 7, True)
    assert records["note"][0]["text"] == "Long day"
    assert all(r["source"] == "checkin" and r["day"] == TODAY for r in entries(run))
    falls = next(r for r in records["symptom"] if r["name"] == "falls")
    assert [w["rule"] for w in falls["warnings"]] == ["fall"]
    assert "Needs the care team: A fall" in result.stderr


def test_night_care_task_means_night_without_asking(run: Any, household: Any) -> None:
    household()
    result = run("checkin", input=lines("", "8", "night-care", "", "", ""))
    assert "Any of it at night?" not in result.stderr
    (hours,) = entries(run, "--kind", "hours")
    assert (hours["task"], hours["night"]) == ("night-care", True)


def test_other_symptom_is_described(run: Any, household: Any) -> None:
    household()
    run("checkin", input=lines("y", "other", "a rash on the arm", "1", "", "", "", ""))
    (record,) = entries(run)
    assert (record["name"], record["describe"], record["severity"]) == ("other", "a rash on the arm", 1)


def test_unknown_symptom_in_the_list_is_skipped(run: Any, household: Any) -> None:
    household()
    result = run("checkin", input=lines("y", "cramps, nosuch", "1", "", "", "", "", ""))
    assert "skipped 'nosuch'" in result.stderr
    assert severities(entries(run)) == {"cramps": 1}


def test_a_mistyped_symptom_can_be_typed_again(run: Any, household: Any) -> None:
    household()
    result = run("checkin", input=lines("y", "chokng", "choking", "2", "", "", "", ""))
    assert "did you mean choking" in result.stderr
    assert severities(entries(run)) == {"choking": 2}


def test_bad_answers_are_asked_again_not_lost(run: Any, household: Any) -> None:
    household()
    answers = lines("n", "30", "3", "99", "2", "", "y", "6", "", "n", "", "")
    result = run("checkin", input=answers)
    assert "Please try again" in result.stderr
    stored = {r["kind"]: r for r in entries(run)}
    assert stored["hours"]["hours"] == 3 and stored["hours"]["task"] == "feeding"
    assert stored["wellbeing"]["sleep_hours"] == 6


def test_symptom_picked_by_number(run: Any, household: Any) -> None:
    household()
    result = run("checkin", input=lines("y", "4", "1", "", "", "", ""))
    assert " 4. Muscle cramps (cramps)" in result.stderr
    assert severities(entries(run)) == {"cramps": 1}


def test_typos_ask_again(run: Any, household: Any) -> None:
    household()
    run("log", "symptom", "cramps", "-s", "1", "--at", "yesterday")
    result = run("checkin", input=lines("5", "²", "two", "2", "", "", "6", "11", "8", "", "", ""))
    assert result.stderr.count("Muscle cramps (0-3) [1]:") == 4  # asked again after each typo
    assert "Please type a whole number from 0 to 3" in result.stderr
    assert "Please type a whole number from 0 to 10" in result.stderr
    today = entries(run, "--from", "today")
    assert severities(today) == {"cramps": 2}
    assert by_kind(today)["wellbeing"][0]["stress"] == 8


def test_answer_zero_records_none_today(run: Any, household: Any) -> None:
    household()
    run("log", "symptom", "cramps", "-s", "2", "--at", "yesterday")
    run("checkin", input=lines("0", "", "", "", "", ""))
    assert severities(entries(run, "--from", "today")) == {"cramps": 0}


# --- amending -----------------------------------------------------------------------------------
def test_second_checkin_the_same_day_amends(run: Any, household: Any) -> None:
    household()
    run("checkin", "--non-interactive", "--symptom", "cramps=1", "--hours", "3", "--sleep", "6",
        "--stress", "5", "--note", "first")
    first = {r["kind"]: r for r in entries(run)}
    assert len(first) == 4
    # cramps 1 -> 2; other?; hours 3 -> 4, task, night; sleep, stress, break; note; save
    result = run("checkin", input=lines("2", "", "4", "", "", "", "", "", "", ""))
    assert "Already recorded for this day" in result.stderr
    assert f"Amended the check-in of {TODAY}" in result.stdout
    assert "(2 answer(s) unchanged)" in result.stdout
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
    assert "(2 answer(s) unchanged)" in result.stdout
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
    result = run("checkin", input=lines("2", "", "3", "", "", "", "", "n"), code=1)
    assert "Save this check-in?" in result.stderr
    assert "Nothing was saved" in result.stderr
    assert entries(run) == before


def test_end_of_input_in_the_middle_saves_nothing(run: Any, household: Any) -> None:
    household()
    run("checkin", "--non-interactive", "--hours", "2", "--note", "morning")
    before = entries(run)
    result = run("checkin", input=lines("y", "cramps", "2", "5"), code=1)
    assert "Nothing was saved" in result.stderr
    assert "Traceback" not in result.stderr
    assert entries(run) == before


def test_cancelled_amend_keeps_the_first_checkin(run: Any, household: Any) -> None:
    household()
    run("checkin", "--non-interactive", "--symptom", "cramps=1")
    run("checkin", input=lines("3", "", "", "", "", "n"), code=1)
    assert severities(entries(run)) == {"cramps": 1}


# --- another day --------------------------------------------------------------------------------
def test_checkin_for_yesterday(run: Any, household: Any) -> None:
    household()
    result = run("checkin", "--date", "yesterday", input=lines("y", "cramps", "1", "2", "", "",
                                                                "", "", ""))
    assert "Check-in for Thursday 19 November 2026" in result.stderr
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
def test_warnings_are_stored_on_the_checkin_entry(run: Any, household: Any) -> None:
    household()
    result = run("checkin", "--non-interactive", "--symptom", "choking=3", "--symptom", "cramps=2")
    assert "EMERGENCY: Choking" in result.stderr
    assert "(!)" in result.stdout
    records = {r["name"]: r for r in entries(run)}
    assert [(w["rule"], w["urgency"]) for w in records["choking"]["warnings"]] == [("choking", "emergency")]
    assert records["cramps"]["warnings"] == []


def test_warning_from_two_answers_of_one_checkin(run: Any, household: Any) -> None:
    """Morning headaches with daytime sleepiness, both answered in the same check-in."""
    household()
    result = run("checkin", "--non-interactive", "--symptom", "morning-headache=1",
                 "--symptom", "daytime-sleepiness=1")
    assert result.stderr.count("Morning headaches with daytime sleepiness") == 1  # one panel
    for record in entries(run):
        assert [w["rule"] for w in record["warnings"]] == ["night-breathing"]


def test_interactive_warning_on_a_kept_severity(run: Any, household: Any) -> None:
    household()
    run("log", "symptom", "breathless-lying-flat", "-s", "1", "--at", "yesterday")
    result = run("checkin", input=lines("", "", "", "", "", ""))
    assert "Short of breath lying flat" in result.stderr
    (record,) = entries(run, "--from", "today")
    assert record["warnings"][0]["rule"] == "breathless-lying-flat"


def test_emergency_panels_come_first(run: Any, household: Any) -> None:
    household()
    result = run("checkin", "--non-interactive", "--symptom", "confusion=1", "--symptom", "choking=3")
    assert result.stderr.index("EMERGENCY: Choking") < result.stderr.index("New confusion")


# --- several caregivers -------------------------------------------------------------------------
def test_first_question_picks_the_caregiver_by_number(run: Any, household: Any) -> None:
    household("Ji-woo", "Sam")
    result = run("checkin", input=lines("2", "", "2", "", "", "", "", ""))
    assert "Who is checking in?" in result.stderr
    assert "  2. Sam" in result.stderr
    assert f"Saved the check-in of {TODAY} for Sam" in result.stdout
    (record,) = entries(run)
    assert record["caregiver"] == caregiver_id(run, "Sam")


def test_first_question_picks_the_caregiver_by_name(run: Any, household: Any) -> None:
    household("Ji-woo", "Sam")
    run("checkin", input=lines("ji-woo", "", "2", "", "", "", "", ""))
    (record,) = entries(run)
    assert record["caregiver"] == caregiver_id(run, "Ji-woo")


@pytest.mark.parametrize("answer", ["Nobody", "3", "²"])
def test_unknown_caregiver_is_refused(run: Any, household: Any, answer: str) -> None:
    household("Ji-woo", "Sam")
    result = run("checkin", input=lines(answer, "", "2", "", "", "", "", ""), code=2)
    assert "no caregiver called" in result.stderr
    assert entries(run) == []


def test_caregiver_flag_skips_the_question(run: Any, household: Any) -> None:
    household("Ji-woo", "Sam")
    result = run("checkin", "--caregiver", "Sam", input=lines("", "2", "", "", "", "", ""))
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
    household("Ji-woo", "Sam")
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
