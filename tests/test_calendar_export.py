"""`caretool med calendar`: the file a family imports, and how it behaves when imported again."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

icalendar = pytest.importorskip("icalendar")
recurring_ical_events = pytest.importorskip("recurring_ical_events")


@pytest.fixture
def meds(run: Any, household: Any, clock: Callable[..., None]) -> None:
    clock("2026-11-01T09:00:00+01:00", tz="Europe/Berlin")
    household()
    run("med", "add", "--preset", "riluzole", "--start", "2026-11-01", "--note", "crush into yoghurt")
    run("med", "add", "paracetamol", "--dose", "1 tablet", "--as-needed")
    clock("2026-11-20T12:00:00+01:00", tz="Europe/Berlin")


def events(text: str | bytes) -> dict[str, Any]:
    return {str(e["UID"]): e for e in icalendar.Calendar.from_ical(text).walk("VEVENT")}


def test_the_calendar_goes_to_stdout_or_to_a_private_file(run: Any, meds: None, tmp_path: Path) -> None:
    out = run("med", "calendar")
    assert out.stdout.startswith("BEGIN:VCALENDAR") and out.stdout.rstrip().endswith("END:VCALENDAR")
    assert "paracetamol is taken as needed, so it has no calendar events." in out.stderr
    path = tmp_path / "medicines.ics"
    written = run("med", "calendar", "--output", str(path))
    assert written.stdout == ""
    assert f"Wrote the calendar of 1 medicine to {path}." in written.stderr
    assert "Dose times are in the time zone Europe/Berlin." in written.stderr
    assert path.stat().st_mode & 0o777 == 0o600
    [event] = events(path.read_bytes()).values()
    assert event["SUMMARY"] == "Riluzole: 50 mg tablet"
    description = str(event["DESCRIPTION"])
    assert "Dose: 50 mg tablet" in description and "Note: crush into yoghurt" in description
    assert "Schedule: every day at 08:00 and 20:00" in description
    assert str(event["DTSTART"].params["TZID"]) == "Europe/Berlin"
    assert "BEGIN:VTIMEZONE" in path.read_text()


def test_json_carries_the_series_and_the_file_text(run: Any, meds: None) -> None:
    data = run.json("med", "calendar")
    [series] = data["series"]
    assert series["medication"] == "Riluzole" and series["rule"] == "FREQ=DAILY;BYHOUR=8,20;BYMINUTE=0"
    assert data["skipped"] == [{"name": "paracetamol", "reason": "as-needed"}]
    assert data["ics"].startswith("BEGIN:VCALENDAR") and data["zone"] == "Europe/Berlin"


def test_names_choose_the_medicines(run: Any, meds: None) -> None:
    run("med", "add", "baclofen", "--dose", "5 mg", "--times", "08:00,14:00")
    chosen = run.json("med", "calendar", "--name", "bacl", "--name", "baclofen")["series"]
    assert {s["medication"] for s in chosen} == {"baclofen"}
    assert "did you mean" in run("med", "calendar", "--name", "baclofn", code=2).stderr


def test_an_alarm_is_added_only_when_asked(run: Any, meds: None) -> None:
    [plain] = events(run("med", "calendar").stdout).values()
    assert not plain.walk("VALARM")
    result = run("med", "calendar", "--alarm", "10m")
    [alarm] = next(iter(events(result.stdout).values())).walk("VALARM")
    assert alarm["ACTION"] == "DISPLAY" and alarm["TRIGGER"].dt == timedelta(minutes=-10)
    assert "ignore alarms in imported files" in result.stderr
    [at_time] = next(iter(events(run("med", "calendar", "--alarm", "0").stdout).values())).walk("VALARM")
    assert at_time["TRIGGER"].dt == timedelta(0)


@pytest.mark.parametrize("alarm", ["-5m", "2 days", "ten", "5"])
def test_a_bad_alarm_exits_2(run: Any, meds: None, alarm: str, tmp_path: Path) -> None:
    result = run("med", "calendar", "--alarm", alarm, "--output", str(tmp_path / "x.ics"), code=2)
    assert result.stderr.startswith("error: ") and not (tmp_path / "x.ics").exists()


def test_importing_again_updates_the_same_events(run: Any, meds: None, clock: Callable[..., None]) -> None:
    first = events(run("med", "calendar").stdout)
    again = events(run("med", "calendar").stdout)
    assert list(first) == list(again)  # the same UIDs: a calendar updates instead of adding
    run("med", "edit", "riluzole", "--dose", "100 mg")
    [event] = events(run("med", "calendar").stdout).values()
    assert str(event["UID"]) in first and event["SUMMARY"] == "Riluzole: 100 mg"
    run("med", "edit", "riluzole", "--times", "09:00,21:00", "--from", "2026-11-25")
    changed = events(run("med", "calendar").stdout)
    old = changed[next(iter(first))]
    assert old["RRULE"]["UNTIL"][0].date() == date(2026, 11, 24)  # the old times end the day before
    [new] = [e for uid, e in changed.items() if uid not in first]
    assert new["DTSTART"].dt.replace(tzinfo=None) == datetime(2026, 11, 25, 9, 0)


def test_a_stopped_medicine_s_series_ends_when_it_was_stopped(run: Any, meds: None,
                                                              clock: Callable[..., None]) -> None:
    before = events(run("med", "calendar").stdout)
    clock("2026-11-20T15:00:00+01:00", tz="Europe/Berlin")
    run("med", "stop", "riluzole")
    after = events(run("med", "calendar").stdout)
    assert list(after) == list(before)
    [event] = after.values()
    assert "UNTIL" not in next(iter(before.values()))["RRULE"]
    until = event["RRULE"]["UNTIL"][0]
    assert until.isoformat() == "2026-11-20T13:59:59+00:00"
    found = recurring_ical_events.of(icalendar.Calendar.from_ical(run("med", "calendar").stdout)).between(
        datetime(2026, 11, 20), datetime(2026, 11, 23))
    assert [e["DTSTART"].dt.strftime("%d %H:%M") for e in found] == ["20 08:00"]


def test_without_a_named_time_zone_the_times_are_floating(run: Any, household: Any,
                                                          clock: Callable[..., None]) -> None:
    posix = "CET-1CEST,M3.5.0,M10.5.0/3"  # a rule, not a zone name
    clock("2027-03-20T09:00:00+01:00", tz=posix)
    household()
    run("med", "add", "baclofen", "--dose", "5 mg", "--times", "02:30,08:00", "--start", "2027-03-20")
    result = run("med", "calendar")
    assert "TZID" not in result.stdout and "VTIMEZONE" not in result.stdout
    assert "the times are local" in result.stderr
    found = recurring_ical_events.of(icalendar.Calendar.from_ical(result.stdout)).between(
        datetime(2027, 3, 26), datetime(2027, 3, 31))
    floating = sorted(e["DTSTART"].dt.strftime("%Y-%m-%d %H:%M") for e in found)
    due = sorted(f"{day} {d['time']}" for day in ("2027-03-26", "2027-03-27", "2027-03-29", "2027-03-30")
                 for d in run.json("med", "due", "--date", day)["doses"])
    assert [t for t in floating if not t.startswith("2027-03-28")] == due


def test_the_help_says_how_to_import_and_that_alarms_may_be_ignored(run: Any) -> None:
    text = " ".join(run("med", "calendar", "--help").stdout.split())
    for words in ("Google Calendar", "Apple Calendar", "Outlook", "Import & export", "File > Import",
                  "ignores the alarms in imported files"):
        assert words in text, words


def test_the_calendar_is_written_in_the_readers_language(run: Any, meds: None) -> None:
    ko = run("--lang", "ko", "med", "calendar")
    [event] = events(ko.stdout).values()
    english = next(iter(events(run("med", "calendar").stdout).values()))
    assert str(event["DESCRIPTION"]) != str(english["DESCRIPTION"])
    assert json.loads(run("--json", "--lang", "ko", "med", "calendar").stdout)["ok"] is True
