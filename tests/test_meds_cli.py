"""`caretool med ...` as a caregiver uses it: add, list, due, take, skip, stop, edit, adherence."""

from __future__ import annotations

import os
import time as clock
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from caretool.core.messages import render
from caretool.domain.meds import plain_words, schedule, service
from caretool.domain.meds.presets import PRESETS
from caretool.domain.meds.schedule import Schedule
from caretool.store import Store


@pytest.fixture(autouse=True)
def london() -> Iterator[None]:
    """Dose times are local wall-clock times: pin the zone (UTC+0 in November)."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/London"
    clock.tzset()
    yield
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    clock.tzset()


@pytest.fixture
def at(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """Pin the clock: at("2026-11-20 14:05")."""

    def pin(moment: str) -> None:
        monkeypatch.setenv("CARETOOL_NOW", datetime.fromisoformat(moment).astimezone().isoformat())

    return pin


@pytest.fixture
def home_with(run: Any, household: Any, at: Callable[[str], None]) -> Callable[..., None]:
    """A household whose medications are added at a pinned time."""

    def make(*adds: list[str], now: str = "2026-11-20 14:05") -> None:
        at("2026-11-01 09:00")
        household()
        at(now)
        for args in adds:
            run("med", "add", *args)

    return make


RILUZOLE = ["riluzole", "--preset", "riluzole", "--start", "2026-11-14"]


def due(run: Any, *args: str) -> list[dict[str, Any]]:
    return run.json("med", "due", *args)["doses"]


def states(run: Any, *args: str) -> list[tuple[str, str, str]]:
    return [(d["time"], d["name"], d["state"]) for d in due(run, *args)]


# --- add and list, and every preset round-tripping through the store ------------------------------
@pytest.mark.parametrize("key", sorted(PRESETS))
def test_every_preset_round_trips_through_the_store(run: Any, home_with: Any, key: str) -> None:
    home_with(now="2026-01-05 12:00")
    added = run.json("med", "add", "--preset", key, "--start", "2026-01-05")
    [listed] = run.json("med", "list")
    expected = schedule.dump(PRESETS[key].rules())
    assert listed["rrule"] == added["rrule"] == expected
    assert schedule.dump(schedule.parse(listed["rrule"])) == listed["rrule"]
    assert listed["name"] == render(PRESETS[key].name) and listed["preset"] == key
    stored = Schedule(listed["rrule"], date.fromisoformat(listed["start"]),
                      date.fromisoformat(listed["end"]) if listed["end"] else None)
    direct = Schedule(expected, date(2026, 1, 5))
    span = (date(2025, 12, 1), date(2027, 6, 30))
    assert stored.occurrences(*span) == direct.occurrences(*span)
    assert stored.occurrences(*span)  # not trivially equal
    assert listed["schedule"] == render(plain_words.describe(expected))
    assert listed["source_id"] == PRESETS[key].source_id
    assert listed["advice"] and "prescriber" in " ".join(listed["advice"])


def test_custom_rrule_round_trips(run: Any, home_with: Any) -> None:
    home_with()
    text = "RRULE:FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=9;BYMINUTE=30 EXDATE:20261123T093000"
    run("med", "add", "vitamin-d", "--dose", "1 tablet", "--rrule", text, "--start", "2026-11-16")
    [med] = run.json("med", "list")
    assert med["rrule"] == text.replace(" ", "\n")
    got = Schedule(med["rrule"], date(2026, 11, 16)).occurrences(date(2026, 11, 16), date(2026, 11, 30))
    assert [f"{d:%m-%d %H:%M}" for d in got] == ["11-16 09:30", "11-19 09:30", "11-26 09:30", "11-30 09:30"]


def test_rrule_without_times_gets_the_times_given(run: Any, home_with: Any) -> None:
    home_with()
    med = run.json("med", "add", "mexiletine", "--dose", "150 mg", "--rrule", "FREQ=DAILY",
                   "--times", "09:00,21:00")
    assert med["rrule"] == "RRULE:FREQ=DAILY;BYHOUR=9,21;BYMINUTE=0"
    assert med["schedule"] == "every day at 09:00 and 21:00"


def test_add_shows_plain_words_and_preset_notes(run: Any, home_with: Any) -> None:
    home_with()
    result = run("med", "add", "--preset", "edaravone-oral")
    assert "Edaravone oral 105 mg (5 mL): days 1-14, then days 1-10 of each 28-day cycle" in result.stdout
    assert "nothing but water for at least 1 hour" in result.stderr
    assert "follow the prescriber" in result.stderr


@pytest.mark.parametrize("args, message", [
    (["baclofen", "--dose", "5 mg"], "how often is it given?"),
    (["riluzole", "--dose", "50 mg"], "--preset riluzole"),
    (["baclofen", "--times", "08:00"], "the dose is missing"),
    (["x", "--dose", "1", "--preset", "aspirin"], "there is no preset 'aspirin'"),
    (["x", "--dose", "1", "--preset", "riluzole", "--days", "mon"], "cannot be used together"),
    (["x", "--dose", "1", "--as-needed", "--times", "08:00"], "has no --times"),
    (["x", "--dose", "1", "--rrule", "FREQ=SOMETIMES"], "cannot read the rule"),
    (["x", "--dose", "1", "--rrule", "FREQ=DAILY;BYHOUR=8", "--times", "09:00"], "already gives the times"),
    (["x", "--dose", "1", "--every", "5h"], "does not fit into a day"),
    (["x", "--dose", "1", "--times", "08:00", "--start", "2026-11-20", "--end", "2026-11-01"],
     "before the start date"),
    (["x", "--dose", "1", "--times", "8 o'clock"], "cannot read"),
])
def test_add_refuses_with_one_line(run: Any, home_with: Any, args: list[str], message: str) -> None:
    home_with()
    result = run("med", "add", *args, code=2)
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_the_same_name_twice_is_refused(run: Any, home_with: Any) -> None:
    home_with(RILUZOLE)
    assert "already on the list" in run("med", "add", "RILUZOLE", "--preset", "riluzole", code=2).stderr


def test_list_shows_active_and_stopped(run: Any, home_with: Any) -> None:
    home_with(RILUZOLE, ["baclofen", "--dose", "5 mg", "--times", "08:00,20:00"],
              ["paracetamol", "--dose", "1 g", "--as-needed"])
    run("med", "stop", "baclofen")
    rows = run.json("med", "list")
    assert [(r["name"], r["status"]) for r in rows] == [
        ("paracetamol", "active"), ("riluzole", "active"), ("baclofen", "stopped")]
    table = run("med", "list").stdout
    assert "every day at 08:00 and 20:00" in table and "as needed" in table and "stopped" in table
    one = run("med", "list", "Riluzole").stdout
    assert "RRULE:FREQ=DAILY;BYHOUR=8,20;BYMINUTE=0" in one and "next doses: 20:00" in one.replace(
        "2026-11-20 ", "")


# --- due: states at the boundaries ----------------------------------------------------------------
@pytest.mark.parametrize("now, state", [
    ("2026-11-20 07:59:59", "upcoming"),
    ("2026-11-20 08:00:00", "due"),
    ("2026-11-20 09:59:59", "due"),
    ("2026-11-20 10:00:00", "due"),      # exactly at the end of the 2-hour grace
    ("2026-11-20 10:00:01", "missed"),   # more than 2 hours late
    ("2026-11-20 23:59:00", "missed"),
])
def test_due_states_at_boundaries(run: Any, home_with: Any, at: Any, now: str, state: str) -> None:
    home_with(RILUZOLE)
    at(now)
    doses = due(run)
    assert (doses[0]["time"], doses[0]["state"]) == ("08:00", state)
    assert doses[0]["scheduled_for"] == "2026-11-20T08:00:00+00:00"


def test_due_lists_all_medicines_by_time(run: Any, home_with: Any) -> None:
    home_with(RILUZOLE,
              ["baclofen", "--dose", "5 mg", "--times", "08:00,14:00,20:00", "--start", "2026-11-19"],
              ["--preset", "edaravone-oral", "--start", "2026-11-10"])
    assert states(run) == [
        ("08:00", "baclofen", "missed"), ("08:00", "Edaravone oral", "missed"),
        ("08:00", "riluzole", "missed"), ("14:00", "baclofen", "due"),
        ("20:00", "baclofen", "upcoming"), ("20:00", "riluzole", "upcoming")]
    # edaravone's 14 days on end on 2026-11-23; the 24th is a day off
    assert "Edaravone oral" in [d["name"] for d in due(run, "--date", "2026-11-23")]
    assert "Edaravone oral" not in [d["name"] for d in due(run, "--date", "2026-11-24")]


def test_due_with_nothing_set_up(run: Any, home_with: Any) -> None:
    home_with()
    assert "No medications yet" in run("med", "due").stderr


def test_due_daylight_saving_day_keeps_local_times(run: Any, home_with: Any, at: Any) -> None:
    home_with(["riluzole", "--preset", "riluzole", "--start", "2026-10-20"], now="2026-10-24 12:00")
    at("2026-10-25 21:00")  # clocks went back at 02:00 that morning
    doses = due(run)
    assert [(d["time"], d["scheduled_for"][-6:]) for d in doses] == [("08:00", "+00:00"), ("20:00", "+00:00")]
    before = due(run, "--date", "2026-10-24")
    assert [d["scheduled_for"] for d in before] == ["2026-10-24T08:00:00+01:00", "2026-10-24T20:00:00+01:00"]


# --- take and skip --------------------------------------------------------------------------------
def test_take_matches_the_open_dose_then_records_an_extra_one(run: Any, home_with: Any) -> None:
    home_with(RILUZOLE)  # now 14:05: the 08:00 dose is missed, 20:00 upcoming
    record = run.json("med", "take", "riluzole")
    assert record["scheduled_for"] == "2026-11-20T08:00:00+00:00" and record["kind"] == "dose"
    again = run("med", "take", "riluzole", "--at", "14:00")  # no open dose near: an extra one, said so
    assert "an extra dose: the 08:00 dose was already given at 14:05" in again.stdout
    named = run("med", "take", "riluzole", "--for", "08:00", code=2)  # the dose named twice: refused
    assert "already given at 2026-11-20 14:05" in named.stderr and "--extra" in named.stderr
    extra = run.json("med", "take", "riluzole", "--extra")
    assert extra["extra"] is True and extra["scheduled_for"] is None
    assert states(run) == [("08:00", "riluzole", "taken"), ("20:00", "riluzole", "upcoming")]
    assert [u["extra"] for u in run.json("med", "due")["unscheduled"]] == [True, True]


def test_take_early_matches_the_next_dose(run: Any, home_with: Any, at: Any) -> None:
    home_with(RILUZOLE)
    run("med", "take", "riluzole", "--at", "08:05")
    at("2026-11-20 18:00")  # 20:00 is within the 2 hours ahead
    assert run.json("med", "take", "riluzole")["scheduled_for"].startswith("2026-11-20T20:00")
    at("2026-11-20 20:30")
    assert "the 20:00 dose was already given at 18:00" in run("med", "take", "riluzole").stdout
    named = run("med", "take", "riluzole", "--for", "20:00", code=2)
    assert "already given at 2026-11-20 18:00" in named.stderr


def test_take_late_and_early_pick_the_dose_meant(run: Any, home_with: Any, at: Any) -> None:
    home_with(RILUZOLE, ["--preset", "tofersen", "--start", "2026-11-07"], now="2026-11-20 00:30")
    # 4.5 hours after yesterday's 20:00 dose, which is still open: that one
    assert run.json("med", "take", "riluzole")["scheduled_for"].startswith("2026-11-19T20:00")
    at("2026-11-20 17:00")  # the 08:00 dose is open: a late dose today
    assert run.json("med", "take", "riluzole")["scheduled_for"].startswith("2026-11-20T08:00")
    at("2026-11-20 17:30")  # 08:00 done: 20:00 is nearer than 08:00, so given early
    assert run.json("med", "take", "riluzole")["scheduled_for"].startswith("2026-11-20T20:00")
    # tofersen: day 1 (11-07) was never recorded; on 11-19 no dose is due that day or night:
    # not day 15 (11-21), which is a later day, but an extra dose, said so
    at("2026-11-19 10:00")
    early = run("med", "take", "tofersen")
    assert "an extra dose: no Tofersen dose is scheduled today" in early.stdout
    assert [(u["name"], u["extra"]) for u in run.json("med", "due")["unscheduled"]] == [("Tofersen", True)]


def test_take_for_a_named_dose(run: Any, home_with: Any) -> None:
    home_with(RILUZOLE)
    rec = run.json("med", "take", "riluzole", "--at", "yesterday 23:30", "--for", "20:00")
    assert rec["scheduled_for"] == "2026-11-19T20:00:00+00:00" and rec["day"] == "2026-11-19"
    rec = run.json("med", "take", "riluzole", "--for", "2026-11-18 08:00")
    assert rec["scheduled_for"] == "2026-11-18T08:00:00+00:00"
    bad = run("med", "take", "riluzole", "--for", "13:00", code=2)
    assert "no riluzole dose is scheduled at 13:00" in bad.stderr and "08:00 and 20:00" in bad.stderr


def test_take_in_the_future_is_refused(run: Any, home_with: Any) -> None:
    home_with(RILUZOLE)
    assert "in the future" in run("med", "take", "riluzole", "--at", "20:00", code=2).stderr


def test_skip_needs_a_reason_and_take_changes_it_only_when_asked(run: Any, home_with: Any) -> None:
    home_with(RILUZOLE)
    assert "why was the dose skipped?" in run("med", "skip", "riluzole", code=2).stderr
    rec = run.json("med", "skip", "riluzole", "--reason", "asleep")
    assert rec["status"] == "skipped" and rec["reason"] == "asleep"
    assert due(run)[0]["state"] == "skipped" and due(run)[0]["reason"] == "asleep"
    again = run("med", "skip", "riluzole", "--for", "08:00", "--reason", "x", code=2)
    assert "already marked as skipped" in again.stderr
    refused = run("med", "take", "riluzole", "--for", "08:00", code=2)  # a skip never vanishes unseen
    assert "--replace" in refused.stderr and due(run)[0]["state"] == "skipped"
    run("med", "take", "riluzole", "--for", "08:00", "--replace")  # given after all
    assert due(run)[0]["state"] == "taken"
    assert "cannot" not in run("med", "due").stderr
    skip_taken = run("med", "skip", "riluzole", "--for", "08:00", "--reason", "x", code=2)
    assert "already given" in skip_taken.stderr


def test_as_needed_just_records(run: Any, home_with: Any) -> None:
    home_with(["paracetamol", "--dose", "1 g", "--as-needed"])
    first = run.json("med", "take", "Paracetamol", "--at", "09:00")
    second = run.json("med", "take", "paracetamol")
    assert first["scheduled_for"] is None and second["scheduled_for"] is None
    assert not first["extra"]
    info = run.json("med", "due")
    assert info["doses"] == [] and len(info["unscheduled"]) == 2
    assert "as needed" in run("med", "due").stdout
    assert "no dose to skip" in run("med", "skip", "paracetamol", "--reason", "x", code=2).stderr


def test_undo_removes_the_dose(run: Any, home_with: Any) -> None:
    home_with(RILUZOLE)
    run("med", "take", "riluzole")
    assert due(run)[0]["state"] == "taken"
    run("undo")
    assert due(run)[0]["state"] == "missed"
    assert run.json("history", "--kind", "dose") == []


def test_unknown_medicine(run: Any, home_with: Any) -> None:
    home_with(RILUZOLE)
    result = run("med", "take", "aspirin", code=2)
    assert "no medication called 'aspirin'" in result.stderr and "riluzole" in result.stderr


def test_preset_key_finds_the_medicine(run: Any, home_with: Any) -> None:
    home_with(["--preset", "edaravone-oral", "--start", "2026-11-10"])
    assert run.json("med", "take", "edaravone-oral")["medication"] == "Edaravone oral"


# --- notes shown when a dose is recorded ----------------------------------------------------------
def test_oral_edaravone_fasting_note_once_a_day(run: Any, home_with: Any, at: Any) -> None:
    home_with(["--preset", "edaravone-oral", "--start", "2026-11-10"])
    first = run("med", "take", "edaravone-oral", "--at", "08:05")
    assert "nothing but water for at least 1 hour" in first.stderr.lower()
    second = run("med", "take", "edaravone-oral", "--extra")
    assert "water" not in second.stderr
    notes = run.json("med", "take", "edaravone-oral", "--extra")["notes"]
    assert [n["id"] for n in notes] == ["repeat"]  # given 3 times in an hour; the label note once a day
    at("2026-11-21 08:30")
    assert "water" in run("med", "take", "edaravone-oral").stderr
    # notes are not red flags: they are not stored as warnings
    assert all(r["warnings"] == [] for r in run.json("history", "--kind", "dose"))


def test_riluzole_fever_note_only_in_the_first_months(run: Any, home_with: Any, at: Any) -> None:
    home_with(RILUZOLE, ["old-riluzole", "--preset", "riluzole", "--start", "2026-01-01"])
    assert "fever" in run("med", "take", "riluzole", "--at", "08:10").stderr
    assert "fever" not in run("med", "take", "riluzole", "--at", "14:00", "--extra").stderr
    assert "fever" not in run("med", "take", "old-riluzole", "--at", "08:10").stderr


def test_skipped_dose_has_no_note(run: Any, home_with: Any) -> None:
    home_with(["--preset", "tofersen", "--start", "2026-11-20"])
    assert "Note" not in run("med", "skip", "tofersen", "--for", "10:00", "--reason", "clinic moved").stderr


# --- stop and edit --------------------------------------------------------------------------------
def test_stop_ends_later_doses(run: Any, home_with: Any) -> None:
    home_with(RILUZOLE)
    run("med", "take", "riluzole", "--at", "08:00")
    assert "in the future" in run("med", "stop", "riluzole", "--at", "2026-12-01", code=2).stderr
    run("med", "stop", "riluzole")
    assert states(run) == [("08:00", "riluzole", "taken")]
    assert "was stopped on" in run("med", "take", "riluzole", "--extra", code=2).stderr
    assert "already stopped" in run("med", "stop", "riluzole", code=2).stderr
    run("undo")
    assert [d["state"] for d in due(run)] == ["taken", "upcoming"]


def test_stop_at_a_past_date_means_from_that_day(run: Any, home_with: Any) -> None:
    home_with(RILUZOLE)
    row = run.json("med", "stop", "riluzole", "--at", "2026-11-18")
    assert row["stopped"] == "2026-11-18T00:00:00+00:00"
    assert due(run, "--date", "2026-11-17") and not due(run, "--date", "2026-11-18")
    # restarting is adding it again; the old record keeps its history
    run("med", "add", *RILUZOLE[:3], "--start", "2026-11-20")  # at 14:05: due from then
    assert len(run.json("med", "list")) == 2 and [d["time"] for d in due(run)] == ["20:00"]


def test_edit_times_keeps_earlier_days_on_the_old_schedule(run: Any, home_with: Any) -> None:
    home_with(RILUZOLE)
    run("med", "take", "riluzole", "--at", "yesterday 08:02")
    result = run.json("med", "edit", "riluzole", "--times", "09:00,21:00")
    assert result["after"]["schedule"] == "every day at 09:00 and 21:00"
    assert result["after"]["earlier"] == [{"rrule": "RRULE:FREQ=DAILY;BYHOUR=8,20;BYMINUTE=0",
                                           "until": "2026-11-19"}]
    assert states(run, "--date", "yesterday") == [("08:00", "riluzole", "taken"),
                                                  ("20:00", "riluzole", "missed")]
    assert [d["time"] for d in due(run)] == ["09:00", "21:00"]
    run("undo")
    assert [d["time"] for d in due(run)] == ["08:00", "20:00"]


def test_edit_from_the_start_replaces_the_schedule(run: Any, home_with: Any) -> None:
    home_with(RILUZOLE)
    after = run.json("med", "edit", "riluzole", "--times", "07:00", "--from", "2026-11-14")["after"]
    assert after["earlier"] == [] and after["rrule"] == "RRULE:FREQ=DAILY;BYHOUR=7;BYMINUTE=0"


def test_edit_cycle_times_keeps_cycle_days(run: Any, home_with: Any) -> None:
    home_with(["--preset", "edaravone-iv", "--start", "2026-11-01"])
    run("med", "edit", "edaravone iv", "--times", "10:30")
    [med] = run.json("med", "list")
    new = Schedule(med["rrule"], date(2026, 11, 1)).dose_days(date(2026, 11, 1), date(2027, 3, 1))
    old = Schedule(schedule.dump(PRESETS["edaravone-iv"].rules()), date(2026, 11, 1))
    assert new == old.dose_days(date(2026, 11, 1), date(2027, 3, 1))
    assert med["preset"] == "edaravone-iv"


def test_edit_rename_dose_note_end(run: Any, home_with: Any) -> None:
    home_with(RILUZOLE)
    run("med", "take", "riluzole", "--at", "08:01")
    after = run.json("med", "edit", "riluzole", "--name", "Rilutek", "--dose", "50 mg",
                     "--note", "crushed in yoghurt", "--end", "2027-01-31")["after"]
    assert (after["name"], after["dose"], after["notes"], after["end"]) == (
        "Rilutek", "50 mg", "crushed in yoghurt", "2027-01-31")
    assert after["schedule"].endswith("until 2027-01-31")
    assert due(run)[0]["state"] == "taken"  # the dose logged under the old name still counts
    assert run.json("med", "take", "riluzole", "--for", "20:00")["medication"] == "Rilutek"
    assert "nothing to change" in run("med", "edit", "rilutek", code=2).stderr
    assert "--from says" in run("med", "edit", "rilutek", "--from", "today", code=2).stderr


def test_edit_to_as_needed_and_back(run: Any, home_with: Any) -> None:
    home_with(["baclofen", "--dose", "5 mg", "--times", "08:00", "--start", "2026-11-18"])
    run("med", "edit", "baclofen", "--as-needed")
    assert due(run) == []
    assert [d["state"] for d in due(run, "--date", "2026-11-19")] == ["missed"]
    run("med", "edit", "baclofen", "--times", "12:00")
    assert states(run) == [("12:00", "baclofen", "missed")]


# --- adherence ------------------------------------------------------------------------------------
def test_adherence_arithmetic(run: Any, home_with: Any) -> None:
    home_with(["riluzole", "--preset", "riluzole", "--start", "2026-11-17"], now="2026-11-20 22:30")
    run("med", "take", "riluzole", "--at", "2026-11-17 08:05")
    run("med", "skip", "riluzole", "--for", "2026-11-17 20:00", "--reason", "asleep")
    run("med", "skip", "riluzole", "--for", "2026-11-18 08:00", "--reason", "vomiting")
    run("med", "take", "riluzole", "--extra", "--at", "2026-11-18 12:00")
    report = run.json("med", "adherence", "--days", "4")
    assert (report["from"], report["to"]) == ("2026-11-17", "2026-11-20")
    [row] = report["medications"]
    # 4 days x 2 doses = 8 (the 20:00 dose of the 20th is more than 2 h late at 22:30)
    assert (row["scheduled"], row["taken"], row["skipped"], row["missed"], row["extra"]) == (8, 1, 2, 5, 1)
    assert row["percent"] == 13  # 12.5 rounded half up
    assert row["missed_doses"] == ["2026-11-18T20:00:00+00:00", "2026-11-19T08:00:00+00:00",
                                   "2026-11-19T20:00:00+00:00", "2026-11-20T08:00:00+00:00",
                                   "2026-11-20T20:00:00+00:00"]
    text = run("med", "adherence", "--days", "4").stdout
    assert "13%" in text and "riluzole missed: 2026-11-18 20:00" in text


def test_adherence_leaves_out_doses_not_yet_decided(run: Any, home_with: Any, at: Any) -> None:
    home_with(["riluzole", "--preset", "riluzole", "--start", "2026-11-20"])
    at("2026-11-20 09:00")  # 08:00 is due (within grace), 20:00 upcoming
    [row] = run.json("med", "adherence", "--days", "1")["medications"]
    assert (row["scheduled"], row["percent"], row["missed_doses"]) == (0, None, [])
    run("med", "take", "riluzole")
    [row] = run.json("med", "adherence", "--days", "1")["medications"]
    assert (row["scheduled"], row["taken"], row["percent"]) == (1, 1, 100)


def test_adherence_as_needed_and_stopped(run: Any, home_with: Any) -> None:
    home_with(["paracetamol", "--dose", "1 g", "--as-needed"],
              ["baclofen", "--dose", "5 mg", "--times", "08:00", "--start", "2026-11-10"])
    run("med", "take", "paracetamol", "--at", "09:00")
    run("med", "stop", "baclofen", "--at", "2026-11-19")
    rows = {r["name"]: r for r in run.json("med", "adherence", "--days", "7")["medications"]}
    assert (rows["paracetamol"]["taken"], rows["paracetamol"]["percent"]) == (1, None)
    assert (rows["baclofen"]["scheduled"], rows["baclofen"]["missed"]) == (5, 5)  # 14th-18th


@pytest.mark.parametrize("days", ["0", "nan", "1e309", "2.5", "-3", "400", "seven"])
def test_adherence_days_must_be_sensible(run: Any, home_with: Any, days: str) -> None:
    home_with(RILUZOLE)
    assert "error:" in run("med", "adherence", "--days", days, code=2).stderr


def test_service_adherence_for_the_weekly_report(home: Path, run: Any, home_with: Any) -> None:
    home_with(RILUZOLE)
    run("med", "take", "riluzole", "--at", "2026-11-16 08:00")
    now = datetime.fromisoformat("2026-11-22T12:00:00+00:00")
    with Store(home) as store:
        from caretool.domain.entries import service as entries
        rows = service.adherence(store, entries.load(store), date(2026, 11, 16), date(2026, 11, 22), now)
    [row] = rows
    assert set(row) >= {"name", "scheduled", "taken", "skipped", "missed", "percent", "missed_doses"}
    assert (row["scheduled"], row["taken"], row["missed"]) == (13, 1, 12)


# --- the service as the check-in will use it ------------------------------------------------------
def test_record_dose_builds_entries_for_one_change(home: Path, run: Any, home_with: Any) -> None:
    from caretool.domain.entries import service as entries
    home_with(RILUZOLE, ["--preset", "edaravone-oral", "--start", "2026-11-10"])
    with Store(home, write=True) as store:
        hh = entries.load(store)
        now = datetime.fromisoformat("2026-11-20T14:05:00+00:00")
        first = service.record_dose(store, hh, "riluzole", "taken", at=now, for_time="08:00")
        with pytest.raises(Exception, match="already given"):
            service.record_dose(store, hh, "riluzole", "taken", at=now, for_time="08:00", pending=[first])
        second = service.record_dose(store, hh, "Edaravone oral", "taken", at=now, source="checkin",
                                     pending=[first])
        notes = service.dose_notes(store, hh, second, pending=[first])
        assert [n["urgency"] for n in notes] == ["note"] and second.warnings == []
        entries.add_entries(store, hh, [first, second], "check-in")
    with Store(home) as store:
        today = service.due_today(store, entries.load(store), now)
    assert [(d["name"], d["state"]) for d in today if d["time"] == "08:00"] == [
        ("Edaravone oral", "taken"), ("riluzole", "taken")]
    assert set(today[0]) >= {"name", "time", "scheduled_for", "state", "taken_at", "reason"}
    run("undo")
    assert [d["state"] for d in due(run)][:2] == ["missed", "missed"]


def test_due_and_adherence_read_only_the_months_they_need(
    home: Path, run: Any, home_with: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    home_with(["riluzole", "--preset", "riluzole", "--start", "2025-06-01"])
    with Store(home, write=True) as store:  # a dose entry in every month since June 2025
        store.insert([{"id": f"{k:032x}", "kind": "dose", "at": f"{day}T08:00:00+00:00", "day": day,
                       "caregiver": None, "created": "x", "source": "log", "warnings": [],
                       "medication": "riluzole", "status": "taken", "extra": False, "dose": "",
                       "scheduled_for": f"{day}T08:00:00+00:00", "reason": ""}
                      for k, day in enumerate(f"{m}-03" for m in schedule_months())])
    read: list[str] = []
    original = Store.month_records

    def spy(self: Store, key: str) -> list[dict[str, Any]]:
        read.append(key)
        return original(self, key)

    monkeypatch.setattr(Store, "month_records", spy)
    run("med", "due")
    assert set(read) == {"2026-11"}
    read.clear()
    run("med", "adherence", "--days", "28")
    assert set(read) == {"2026-10", "2026-11"}
    read.clear()
    run("med", "list")
    assert read == []


def schedule_months() -> list[str]:
    from caretool.core.dates import months_between

    return months_between(date(2025, 6, 1), date(2026, 11, 1))


def test_med_help_lists_the_commands(run: Any) -> None:
    text = run("med", "--help").stdout
    for command in ("add", "list", "due", "take", "skip", "stop", "edit", "adherence"):
        assert command in text
    for command in ("add", "list", "due", "take", "skip", "stop", "edit", "adherence"):
        assert "Example" in run("med", command, "--help").stdout
