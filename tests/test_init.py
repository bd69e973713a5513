"""`caretool init` as a new family runs it: each date checked at its own question (issue 18 item 9),
who uses this computer (item 8), the weight at diagnosis (issue 11 item 9), and safe to run again."""

from __future__ import annotations

from typing import Any

import pytest


def lines(*answers: str) -> str:
    """The answers typed, after Enter for the first question (the language: keep the one in use)."""
    return "".join(f"{a}\n" for a in ("", *answers))


def person(run: Any) -> dict[str, Any]:
    found: dict[str, Any] = run.json("init", "--yes")["person"]  # a re-run that changes nothing
    return found


def caregivers(run: Any) -> list[tuple[str, bool]]:
    return [(c["name"], c["default"]) for c in run.json("caregiver", "list")]


# --- item 9: each date at its own question ---------------------------------------------------------
def test_a_diagnosis_before_the_onset_is_asked_again(run: Any) -> None:
    """It was refused after the last question ("diagnosis before onset": error, nothing saved)."""
    # name, born, onset, diagnosed (wrong, then right), weight, height, caregivers, phase
    result = run("init", input=lines("Min-jun", "", "2025-03-01", "2025-01-10", "2025-04-01", "", "",
                                     "Ji-woo", "4", "", ""))
    err = result.stderr
    assert "the diagnosis (2025-01-10) is before the first symptoms (2025-03-01) (check the two dates). " \
           "Please try again." in err
    assert err.index("Please try again") < err.index("Their weight at diagnosis")  # asked at once
    assert (person(run)["onset"], person(run)["diagnosed"]) == ("2025-03-01", "2025-04-01")


@pytest.mark.parametrize(("typed", "problem"), [
    (["2031-01-01", "1950-02-03"], "the date of birth 2031-01-01 is in the future"),
    (["not a date", "1950-02-03"], "cannot read 'not a date' as a date"),
])
def test_a_bad_birth_date_is_asked_again(run: Any, typed: list[str], problem: str) -> None:
    result = run("init", input=lines("Min-jun", *typed, "", "", "", "", "", "2", "", ""))
    assert problem in result.stderr and "Please try again" in result.stderr
    assert person(run)["born"] == "1950-02-03"


def test_onset_before_birth_is_asked_again(run: Any) -> None:
    result = run("init", input=lines("Min-jun", "1960-05-05", "1959-01-01", "2024-03-01", "", "", "", "",
                                     "2", "", ""))
    assert "the onset date (1959-01-01) is before the date of birth (1960-05-05)" in result.stderr
    assert person(run)["onset"] == "2024-03-01"


def test_a_future_diagnosis_is_asked_again(run: Any) -> None:
    result = run("init", input=lines("Min-jun", "", "", "2099-01-01", "2025-01-01", "", "", "", "2", "", ""))
    assert "the diagnosis date 2099-01-01 is in the future" in result.stderr
    assert person(run)["diagnosed"] == "2025-01-01"


def test_flags_are_checked_before_anything_is_saved(run: Any) -> None:
    result = run("init", "--person", "Min-jun", "--onset", "2025-03-01", "--diagnosed", "2025-01-01",
                 "--yes", code=2)
    assert "is before the first symptoms" in result.stderr
    run("init", "--person", "Min-jun", "--born", "1960-01-01", "--onset", "1959-01-01", "--yes", code=2)
    run("caregiver", "list", code=3)  # nothing was saved


def test_a_re_run_checks_new_dates_against_the_stored_ones(run: Any, household: Any) -> None:
    household()  # onset 2024-03-01, diagnosed 2024-09-15
    result = run("init", "--diagnosed", "2024-01-01", "--yes", code=2)
    assert "the diagnosis (2024-01-01) is before the first symptoms (2024-03-01)" in result.stderr
    # interactively, the stored onset is the default: a birth date after it is caught at the onset
    result = run("init", input=lines("", "2024-06-01", "", "2024-06-01", "", "", "", "", "", "", ""))
    assert "the onset date (2024-03-01) is before the date of birth (2024-06-01)" in result.stderr
    stored = person(run)
    assert (stored["born"], stored["onset"], stored["diagnosed"]) == (
        "2024-06-01", "2024-06-01", "2024-09-15")


# --- item 8: who uses this computer -----------------------------------------------------------------
def test_several_caregivers_choose_who_uses_this_computer(run: Any) -> None:
    """Every quick command failed on day one ("several caregivers are set up and none was named")."""
    result = run("init", input=lines("Min-jun", "", "2024-03-01", "", "", "", "Ji-woo, Sam, Ana", "2", "4",
                                     "", ""))
    assert "Who uses this computer? (number or name) [Ji-woo]" in result.stderr
    assert "  3. Ana" in result.stderr
    assert caregivers(run) == [("Ji-woo", False), ("Sam", True), ("Ana", False)]
    assert "Who uses this computer: Sam" in result.stderr


def test_a_mistyped_name_for_this_computer_is_asked_again(run: Any) -> None:
    result = run("init", input=lines("Min-jun", "", "", "", "", "", "Ji-woo, Sam", "Bob", "sam", "2", "", ""))
    assert ("'Bob' is not one of the caregivers (choose one of: Ji-woo, Sam). Please try again."
            in result.stderr)
    assert caregivers(run) == [("Ji-woo", False), ("Sam", True)]


def test_without_asking_the_first_caregiver_named_uses_this_computer(run: Any) -> None:
    run("init", "--person", "Min-jun", "--caregiver", "Ji-woo", "--caregiver", "Sam", "--yes")
    assert caregivers(run) == [("Ji-woo", True), ("Sam", False)]


def test_default_flag(run: Any) -> None:
    run("init", "--person", "Min-jun", "--caregiver", "Ji-woo", "--caregiver", "Sam", "--default", "sam",
        "--yes")
    assert caregivers(run) == [("Ji-woo", False), ("Sam", True)]
    result = run("init", "--default", "Nobody", "--yes", code=2)
    assert "'Nobody' is not one of the caregivers" in result.stderr


def test_the_quick_commands_work_right_after_init(run: Any) -> None:
    """The README's commands, as written, in a household of three caregivers."""
    run("init", "--person", "Min-jun", "--onset", "2024-03-01", "--caregiver", "Ji-woo", "--caregiver",
        "Sam", "--caregiver", "Ana", "--phase", "4", "--yes")
    ji_woo = next(c["id"] for c in run.json("caregiver", "list") if c["name"] == "Ji-woo")
    for command in (["log", "symptom", "choking", "--severity", "1"], ["log", "hours", "2"],
                    ["log", "wellbeing", "--sleep", "6", "--stress", "4"],
                    ["checkin", "--non-interactive", "--hours", "1"],
                    ["selfcheck", "--answers", "0,0,0,0,0,0,0,0,0"]):
        run(*command)
    assert {r["caregiver"] for r in run.json("history")} == {ji_woo}
    for command in (["history", "--from", "7 days ago"], ["med", "add", "riluzole", "--preset", "riluzole"],
                    ["phase"], ["guide", "search", "feeding", "tube"], ["burnout"], ["report"]):
        run(*command)


# --- issue 11 item 9: the weight at diagnosis ---------------------------------------------------------
def test_the_weight_at_diagnosis_is_asked_and_checked_like_a_weight(run: Any) -> None:
    result = run("init", input=lines("Min-jun", "", "", "", "7250", "72.5", "", "", "2", "", ""))
    assert "Weight loss is measured from the weight at diagnosis" in result.stderr
    assert "weight 7250 is out of range (type the weight in kilograms, between 20 and 300)" in result.stderr
    assert person(run)["weight_at_diagnosis"] == 72.5
    assert "Weight at diagnosis: 72.5 kg" in run("init", "--yes").stderr


def test_the_weight_at_diagnosis_flag(run: Any) -> None:
    data = run.json("init", "--person", "Min-jun", "--weight-at-diagnosis", "68", "--yes")
    assert data["person"]["weight_at_diagnosis"] == 68
    run("init", "--weight-at-diagnosis", "heavy", "--yes", code=2)
    run("init", "--weight-at-diagnosis", "12", "--yes", code=2)
    assert person(run)["weight_at_diagnosis"] == 68


# --- safe to run again ----------------------------------------------------------------------------------
def test_running_init_again_never_wipes_anything(run: Any) -> None:
    run("init", "--person", "Min-jun", "--born", "1960-01-01", "--onset", "2024-03-01", "--diagnosed",
        "2024-09-15", "--weight-at-diagnosis", "70", "--caregiver", "Ji-woo", "--caregiver", "Sam",
        "--default", "Sam", "--phase", "3", "--yes")
    run("log", "note", "a day")
    before = run.json("init", "--yes")
    # interactively, Enter everywhere keeps what is stored (now: the stored answers are the defaults)
    result = run("init", input=lines(*[""] * 11))  # ... phase, allergies, add a contact
    assert "Name of the person you care for [Min-jun]" in result.stderr
    assert "Their weight at diagnosis, in kg (Enter to skip) [70]" in result.stderr
    assert "More caregivers, separated by commas (now: Ji-woo, Sam; Enter for no more)" in result.stderr
    assert "Who uses this computer? (number or name) [Sam]" in result.stderr
    assert run.json("init", "--yes") == before
    run("init", "--caregiver", "Ana", "--yes")  # adds; keeps the default
    assert caregivers(run) == [("Ji-woo", False), ("Sam", True), ("Ana", False)]
    assert [r["kind"] for r in run.json("history")] == ["note"]


def test_ctrl_d_during_init_saves_nothing(run: Any) -> None:
    result = run("init", input=lines("Min-jun", ""), code=1)
    assert "cancelled; nothing was saved" in result.stderr
    run("caregiver", "list", code=3)
