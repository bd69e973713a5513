"""Issue 18, medication records: what a family hit in its first week (items 1, 2, 3, 5 and the
medicine-name part of 15). Each test reproduced its defect on the old code."""

from __future__ import annotations

import os
import time as clock
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from caretool.core.errors import BadInput
from caretool.core.messages import render
from caretool.domain.entries import service as entries
from caretool.domain.meds import service
from caretool.store import Store


@pytest.fixture(autouse=True)
def london() -> Iterator[None]:
    old = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/London"  # UTC+0 in November and December
    clock.tzset()
    yield
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    clock.tzset()


@pytest.fixture
def at(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    def pin(moment: str) -> None:
        monkeypatch.setenv("CARETOOL_NOW", datetime.fromisoformat(moment).astimezone().isoformat())

    return pin


@pytest.fixture
def setup(run: Any, household: Any, at: Callable[[str], None]) -> Callable[..., None]:
    def make(*adds: list[str], now: str = "2026-12-02 08:30") -> None:
        at("2026-11-01 09:00")
        household()
        at(now)
        for args in adds:
            run("med", "add", *args)

    return make


def doses(run: Any, *args: str) -> list[tuple[str, str, str]]:
    return [(d["time"], d["name"], d["state"]) for d in run.json("med", "due", *args)["doses"]]


RILUZOLE = ["riluzole", "--preset", "riluzole", "--start", "2026-11-20"]
BACLOFEN = ["baclofen", "--dose", "5 mg", "--times", "08:00,14:00,20:00", "--start", "2026-11-20"]
EDARAVONE = ["--preset", "edaravone-oral", "--start", "2026-12-01"]


# --- item 1: a medicine added late in the day -------------------------------------------------------
def test_a_medicine_added_late_in_the_day_has_no_missed_doses_today(run: Any, setup: Any, at: Any) -> None:
    setup(now="2026-12-02 22:44")
    run("med", "add", "riluzole", "--preset", "riluzole")  # starts today, added at 22:44
    assert doses(run) == []  # 08:00 and 20:00 came before it was on the list: not due, not missed
    [row] = run.json("med", "adherence", "--days", "1")["medications"]
    assert (row["scheduled"], row["missed"], row["percent"]) == (0, 0, None)  # not "0%"
    at("2026-12-03 21:00")  # the next day counts in full
    assert doses(run) == [("08:00", "riluzole", "missed"), ("20:00", "riluzole", "due")]
    [row] = run.json("med", "adherence", "--days", "2")["medications"]
    assert (row["scheduled"], row["missed"]) == (1, 1)


def test_a_dose_given_before_the_medicine_was_added_can_still_be_recorded(run: Any, setup: Any) -> None:
    setup(now="2026-12-02 22:44")
    added = run("med", "add", "riluzole", "--preset", "riluzole")
    assert "--for 08:00" in added.stderr  # says how to record the earlier doses that were given
    run("med", "take", "riluzole", "--for", "20:00", "--at", "20:05")
    assert doses(run) == [("20:00", "riluzole", "taken")]
    [row] = run.json("med", "adherence", "--days", "1")["medications"]
    assert (row["scheduled"], row["taken"], row["percent"]) == (1, 1, 100)


def test_moving_the_start_back_counts_the_earlier_doses_again(run: Any, setup: Any) -> None:
    setup(now="2026-12-02 22:44")
    run("med", "add", "riluzole", "--preset", "riluzole")
    run("med", "edit", "riluzole", "--start", "2026-12-01")  # it was started yesterday after all
    assert doses(run) == [("08:00", "riluzole", "missed"), ("20:00", "riluzole", "missed")]


def test_a_start_date_in_the_past_still_counts_every_dose_from_then(run: Any, setup: Any) -> None:
    setup(["riluzole", "--preset", "riluzole", "--start", "2026-12-01"], now="2026-12-02 22:44")
    assert doses(run) == [("08:00", "riluzole", "missed"), ("20:00", "riluzole", "missed")]


# --- item 2: never a dose of a later day -------------------------------------------------------------
def test_take_after_a_skipped_morning_never_books_tomorrows_dose(run: Any, setup: Any, at: Any) -> None:
    setup(EDARAVONE)  # once a day at 08:00
    run("med", "skip", "edaravone", "--reason", "vomiting")
    at("2026-12-02 21:00")
    result = run("med", "take", "edaravone")
    assert "extra dose" in result.stdout and "2026-12-03" not in result.stdout
    record = run.json("history", "--kind", "dose", "--limit", "1")[0]
    assert (record["extra"], record["scheduled_for"]) == (True, None)
    at("2026-12-03 08:05")
    assert doses(run) == [("08:00", "Edaravone oral", "due")]  # tomorrow's dose is still open


def test_take_matches_the_nearest_open_dose_of_today(run: Any, setup: Any, at: Any) -> None:
    setup(RILUZOLE)
    run("med", "skip", "riluzole", "--reason", "vomiting")  # 08:30: the 08:00 dose
    at("2026-12-02 21:00")
    assert run.json("med", "take", "riluzole")["scheduled_for"] == "2026-12-02T20:00:00+00:00"


def test_for_a_time_late_at_night_means_todays_dose(run: Any, setup: Any, at: Any) -> None:
    setup(RILUZOLE, now="2026-12-02 23:01")
    record = run.json("med", "take", "riluzole", "--for", "08:00")
    assert record["scheduled_for"] == "2026-12-02T08:00:00+00:00"


def test_for_a_dose_due_before_midnight_just_after_it(run: Any, setup: Any) -> None:
    setup(["late", "--dose", "1", "--times", "23:00", "--start", "2026-11-20"], now="2026-12-03 00:30")
    assert run.json("med", "take", "late", "--for", "23:00")["scheduled_for"] == "2026-12-02T23:00:00+00:00"
    assert run.json("med", "take", "late", "--extra")["extra"] is True


def test_for_a_later_day_is_refused(run: Any, setup: Any) -> None:
    setup(RILUZOLE)
    result = run("med", "take", "riluzole", "--for", "2026-12-03 08:00", code=2)
    assert "later day" in result.stderr and "--extra" in result.stderr


def test_take_when_every_dose_of_today_is_done_records_an_extra_dose(run: Any, setup: Any, at: Any) -> None:
    setup(RILUZOLE)
    run("med", "take", "riluzole")  # 08:30: the 08:00 dose
    at("2026-12-02 09:00")
    result = run("med", "take", "riluzole")
    assert "extra dose" in result.stdout and "already given at 08:30" in result.stdout
    info = run.json("med", "due")
    assert [d["state"] for d in info["doses"]] == ["taken", "upcoming"]
    assert [u["extra"] for u in info["unscheduled"]] == [True]


# --- item 3: a skip is never silently overridden -------------------------------------------------------
def test_a_later_take_does_not_override_a_skip(run: Any, setup: Any, at: Any) -> None:
    setup(BACLOFEN, now="2026-12-02 14:10")
    run("med", "take", "baclofen")  # the 14:00 dose
    at("2026-12-02 22:40")
    skipped = run.json("med", "skip", "baclofen", "--reason", "asleep")
    assert skipped["scheduled_for"].endswith("T20:00:00+00:00")
    at("2026-12-02 22:45")
    assert run.json("med", "take", "baclofen")["scheduled_for"].endswith("T08:00:00+00:00")  # the open one
    assert [(t, s) for t, _, s in doses(run)] == [
        ("08:00", "taken"), ("14:00", "taken"), ("20:00", "skipped")]


def test_taking_a_skipped_dose_needs_replace_and_then_changes_the_skip(run: Any, setup: Any, at: Any) -> None:
    setup(BACLOFEN, now="2026-12-02 22:40")
    skip = run.json("med", "skip", "baclofen", "--for", "20:00", "--reason", "asleep")
    at("2026-12-02 22:45")
    refused = run("med", "take", "baclofen", "--for", "20:00", code=2)
    assert "marked as skipped" in refused.stderr and "--replace" in refused.stderr
    assert doses(run)[2] == ("20:00", "baclofen", "skipped")
    changed = run.json("med", "take", "baclofen", "--for", "20:00", "--replace")
    assert changed["id"] == skip["id"] and changed["status"] == "taken" and changed["reason"] == ""
    assert doses(run)[2] == ("20:00", "baclofen", "taken")
    history = run.json("history", "--kind", "dose")
    assert len(history) == 1  # the skip became the dose given: history and `med due` agree
    run("undo")
    assert doses(run)[2] == ("20:00", "baclofen", "skipped")


def test_due_shows_a_dose_marked_both_taken_and_skipped(home: Path, run: Any, setup: Any) -> None:
    setup(RILUZOLE)
    base = {"kind": "dose", "day": "2026-12-02", "caregiver": None, "created": "x", "source": "log",
            "warnings": [], "medication": "riluzole", "extra": False, "dose": "",
            "scheduled_for": "2026-12-02T08:00:00+00:00"}
    with Store(home, write=True) as store:  # as two computers merged could leave it
        store.insert([{**base, "id": "a" * 32, "at": "2026-12-02T08:05:00+00:00", "status": "skipped",
                       "reason": "asleep"},
                      {**base, "id": "b" * 32, "at": "2026-12-02T08:20:00+00:00", "status": "taken",
                       "reason": ""}])
    [first, _] = run.json("med", "due")["doses"]
    assert first["state"] == "taken" and first["also_skipped"] == {"entry": "a" * 32, "reason": "asleep"}
    assert "also marked skipped (asleep)" in run("med", "due").stdout


def test_the_check_in_records_the_dose_its_prompt_named(home: Path, setup: Any) -> None:
    setup(BACLOFEN, now="2026-12-02 22:45")
    with Store(home, write=True) as store:
        hh = entries.load(store)
        now = datetime.fromisoformat("2026-12-02T22:45:00+00:00")
        named = service.record_dose(store, hh, "baclofen", "taken", at=now,
                                    for_slot="2026-12-02T08:00:00+00:00", source="checkin")
        assert named.fields["scheduled_for"] == "2026-12-02T08:00:00+00:00"
        skipped = service.record_dose(store, hh, "baclofen", "skipped", at=now, reason="asleep",
                                      for_slot=datetime.fromisoformat("2026-12-02T20:00:00+00:00"),
                                      pending=[named])
        with pytest.raises(BadInput) as over_skip:
            service.record_dose(store, hh, "baclofen", "taken", at=now, pending=[named, skipped],
                                for_slot="2026-12-02T20:00:00+00:00")
        assert render(over_skip.value.message) == \
            "the 2026-12-02 20:00 baclofen dose is already marked as skipped (asleep)"
        with pytest.raises(BadInput) as unscheduled:
            service.record_dose(store, hh, "baclofen", "taken", at=now, for_slot="2026-12-02T09:00:00+00:00")
        assert render(unscheduled.value.message) == "no baclofen dose is scheduled at 2026-12-02 09:00"
        with pytest.raises(BadInput):
            service.record_dose(store, hh, "baclofen", "taken", at=now, for_slot="08:00 sharp")


# --- item 5: an as-needed medicine given again and again ------------------------------------------------
def test_as_needed_given_many_times_in_an_hour_says_so(run: Any, setup: Any, at: Any) -> None:
    setup(["paracetamol", "--dose", "1 g", "--as-needed"], now="2026-12-02 10:00")
    assert "times in the last" not in run("med", "take", "paracetamol").stderr
    for minute in range(1, 7):
        at(f"2026-12-02 10:0{minute}")
        result = run("med", "take", "paracetamol")
    assert "given 7 times in the last hour" in result.stderr
    assert "Logged" in result.stdout  # a note, not a refusal
    notes = run.json("med", "take", "paracetamol")["notes"]
    assert any(n["id"] == "repeat" and n["count"] == 8 for n in notes)


def test_as_needed_given_often_in_a_day_says_so(run: Any, setup: Any, at: Any) -> None:
    setup(["paracetamol", "--dose", "1 g", "--as-needed"], now="2026-12-02 06:00")
    for hour in ("06", "10", "14", "18"):
        at(f"2026-12-02 {hour}:00")
        result = run("med", "take", "paracetamol")
    assert "given 4 times in the last 24 hours" in result.stderr


# --- item 15: medicine names by prefix and closest spelling ---------------------------------------------
def test_a_prefix_finds_the_medicine(run: Any, setup: Any) -> None:
    setup(RILUZOLE, EDARAVONE)
    assert run.json("med", "take", "edaravone")["medication"] == "Edaravone oral"
    assert run.json("med", "list", "EDAR")["name"] == "Edaravone oral"
    assert run.json("med", "edit", "rilu", "--dose", "100 mg")["after"]["dose"] == "100 mg"
    run("med", "stop", "edaravone")
    assert [r["status"] for r in run.json("med", "list")] == ["active", "stopped"]


def test_a_misspelt_name_suggests_the_medicine(run: Any, setup: Any) -> None:
    setup(RILUZOLE)
    result = run("med", "take", "rilzole", code=2)
    assert "no medication called 'rilzole'" in result.stderr and "did you mean riluzole?" in result.stderr
    assert run.json("history", "--kind", "dose") == []


def test_an_ambiguous_prefix_asks_for_more(run: Any, setup: Any) -> None:
    setup(EDARAVONE, ["--preset", "edaravone-iv", "--start", "2026-12-01"])
    result = run("med", "skip", "edaravone", "--reason", "x", code=2)
    assert "could be Edaravone IV or Edaravone oral" in result.stderr and "more of the name" in result.stderr


def test_one_dose_named_twice_in_one_change_is_refused_not_made_extra(home: Path, setup: Any) -> None:
    setup(RILUZOLE, now="2026-12-02 20:10")
    with Store(home, write=True) as store:
        hh = entries.load(store)
        now = datetime.fromisoformat("2026-12-02T20:10:00+00:00")
        evening = service.record_dose(store, hh, "riluzole", "taken", at=now, for_time="20:00")
        morning = service.record_dose(store, hh, "riluzole", "taken", at=now, pending=[evening])
        assert morning.fields["scheduled_for"] == "2026-12-02T08:00:00+00:00"  # the open one, given late
        with pytest.raises(BadInput) as twice:
            service.record_dose(store, hh, "riluzole", "taken", at=now, pending=[evening, morning])
        assert render(twice.value.message) == "the 20:00 riluzole dose was already given in these answers"


def test_a_dose_before_the_medicine_was_added_is_filled_only_when_no_other_is_left(
    run: Any, setup: Any, at: Any
) -> None:
    setup(now="2026-12-02 21:00")
    run("med", "add", "riluzole", "--preset", "riluzole")  # 20:00 is within the 2 hours: being given now
    assert run.json("med", "take", "riluzole")["scheduled_for"] == "2026-12-02T20:00:00+00:00"
    at("2026-12-02 21:10")
    again = run.json("med", "take", "riluzole")  # not the 08:00 dose from before it was added
    assert (again["extra"], again["extra_because"]) == (True, "the 20:00 dose was already given at 21:00")
    at("2026-12-03 23:30")
    run("med", "add", "baclofen", "--dose", "5 mg", "--times", "08:00,20:00")
    late = run.json("med", "skip", "baclofen", "--reason", "asleep")  # nothing else left: the evening one
    assert late["scheduled_for"] == "2026-12-03T20:00:00+00:00"


def test_catching_up_on_scheduled_doses_is_not_called_given_again(run: Any, setup: Any, at: Any) -> None:
    setup(BACLOFEN, now="2026-12-02 22:45")
    run("med", "take", "baclofen")  # the 20:00 dose, late
    assert "times in the last" not in run("med", "take", "baclofen").stderr  # the 14:00 one, logged late
    assert "given 3 times in the last hour" in run("med", "take", "baclofen", "--extra").stderr


def test_a_named_dose_weeks_ago_is_checked_against_what_was_recorded(run: Any, setup: Any, at: Any) -> None:
    setup(RILUZOLE, now="2026-11-21 08:10")
    run("med", "take", "riluzole")
    at("2026-12-12 09:00")  # three weeks later, a second caregiver catches up on the log
    refused = run("med", "take", "riluzole", "--for", "2026-11-21 08:00", code=2)
    assert "already given at 2026-11-21 08:10" in refused.stderr
