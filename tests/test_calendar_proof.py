"""The proof that the calendar file says what `caretool med due` says.

One household holds every preset and every kind of schedule (daily, weekly, every N days or weeks,
every N hours, raw RRULEs with EXDATE, RDATE, X-FROM-DAY, EXRULE and rules that give the same
time, an end date, a schedule changed with --from, a medicine added today, two stopped medicines).
`med calendar` exports it; an independent expander (recurring-ical-events, which reads the file
with the icalendar package) expands the file over 120 days, and every dose it finds is compared,
day by day and dose by dose, with `med due --date DAY` for that day. Two time zones, each across a
daylight-saving change in each direction (a 02:30 dose falls in the skipped hour in spring and in
the repeated hour in autumn).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

icalendar = pytest.importorskip("icalendar")
recurring_ical_events = pytest.importorskip("recurring_ical_events")

from caretool.domain.meds.presets import PRESETS  # noqa: E402

DAYS = 120
CASES = [  # (zone, first day): each window holds that zone's daylight-saving change
    ("Europe/Berlin", date(2026, 10, 1)),  # clocks go back on 2026-10-25
    ("America/New_York", date(2026, 10, 1)),  # back on 2026-11-01
    ("Europe/Berlin", date(2027, 1, 20)),  # forward on 2027-03-28
    ("America/New_York", date(2027, 1, 20)),  # forward on 2027-03-14
]


def _day(first: date, offset: int) -> str:
    return (first + timedelta(days=offset)).isoformat()


def _moment(first: date, offset: int, clock: str) -> str:
    return (first + timedelta(days=offset)).strftime("%Y%m%d") + "T" + clock.replace(":", "") + "00"


def _weekday_after(first: date, offset: int, weekday: int) -> int:
    day = first + timedelta(days=offset)
    return offset + (weekday - day.weekday()) % 7


def build(run: Any, clock: Callable[..., None], zone: str, first: date) -> dict[str, Any]:
    """The household, built at a pinned moment 40 days into the window; returns that moment."""
    now = datetime.combine(first + timedelta(days=40), datetime.min.time()).replace(
        hour=12, tzinfo=ZoneInfo(zone))
    clock(now.isoformat(), tz=zone)
    run("init", "--person", "Min-jun", "--onset", "2024-03-01", "--diagnosed", "2024-09-15", "--phase", "3",
        "--caregiver", "Ji-woo", "--yes")
    starts = {"riluzole": -10, "riluzole-suspension": 5, "edaravone-iv": -20, "edaravone-oral": 3,
              "tofersen": -2, "nuedexta": 10}
    assert set(starts) == set(PRESETS), "every preset is in the proof"
    for key, offset in starts.items():
        run("med", "add", "--preset", key, "--start", _day(first, offset))
    wednesday, sunday = _weekday_after(first, 20, 2), _weekday_after(first, 22, 6)
    schedules = [
        ["baclofen", "--dose", "5 mg", "--times", "08:00,14:00,21:45", "--start", _day(first, -5)],
        ["vitamin-d", "--dose", "1 capsule", "--days", "mon,thu", "--times", "09:30",
         "--start", _day(first, 0)],
        ["b12", "--dose", "1 mg", "--every", "2w", "--days", "tue", "--times", "10:00",
         "--start", _day(first, 1)],
        ["iron", "--dose", "1 tablet", "--every", "3d", "--times", "07:15", "--start", _day(first, 2)],
        ["saliva", "--dose", "1 patch", "--every", "8h", "--times", "06:00", "--start", _day(first, -1)],
        ["melatonin", "--dose", "2 mg", "--times", "02:30", "--start", _day(first, -3)],
        ["mouthwash", "--dose", "10 mL", "--rrule", "RRULE:FREQ=MONTHLY;BYMONTHDAY=1,15;BYHOUR=7;BYMINUTE=45",
         "--start", _day(first, 0)],
        ["infusion", "--dose", "1 vial", "--rrule",
         f"RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;BYHOUR=21;BYMINUTE=0 EXDATE:{_moment(first, wednesday, '21:00')} "
         f"RDATE:{_moment(first, sunday, '11:00')}", "--start", _day(first, 0)],
        ["cycle", "--dose", "1 vial", "--rrule",
         "RRULE;X-FROM-DAY=5:FREQ=DAILY;INTERVAL=10;COUNT=6;BYHOUR=9;BYMINUTE=0",
         "--start", _day(first, 0)],
        ["combo", "--dose", "1 tablet", "--rrule",
         "RRULE:FREQ=DAILY;BYHOUR=8;BYMINUTE=0 RRULE:FREQ=WEEKLY;BYDAY=SA;BYHOUR=8,18;BYMINUTE=0",
         "--start", _day(first, 4)],
        ["eyedrops", "--dose", "1 drop", "--rrule",
         "RRULE:FREQ=DAILY;BYHOUR=9;BYMINUTE=0 EXRULE:FREQ=WEEKLY;BYDAY=SU;BYHOUR=9;BYMINUTE=0",
         "--start", _day(first, 6)],
        ["antibiotic", "--dose", "1 capsule", "--times", "08:00,20:00", "--start", _day(first, 2),
         "--end", _day(first, 12)],
        ["amitriptyline", "--dose", "10 mg", "--times", "22:00", "--start", _day(first, -3)],
        ["gabapentin", "--dose", "300 mg", "--times", "08:00,13:00,20:00"],  # added now: due from 12:00
        ["paracetamol", "--dose", "1 tablet", "--as-needed", "--max-per-day", "4"],
    ]
    for args in schedules:
        run("med", "add", *args)
    run("med", "edit", "baclofen", "--times", "09:00,21:00", "--from", _day(first, 50))
    run("med", "stop", "amitriptyline")
    run("med", "stop", "riluzole suspension")
    meds = run.json("med", "list")
    return {"now": now, "names": {m["id"]: m["name"] for m in meds}, "count": len(meds)}


def expanded(path: Path, zone: str, first: date, names: dict[str, str]) -> dict[str, list[tuple[str, str]]]:
    """The file's doses by local day, each (medication, UTC time), from the independent expander."""
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    tz = ZoneInfo(zone)
    lo = datetime.combine(first, datetime.min.time(), tz)
    hi = datetime.combine(first + timedelta(days=DAYS), datetime.min.time(), tz)
    by_day: dict[str, list[tuple[str, str]]] = {}
    for event in recurring_ical_events.of(calendar).between(lo, hi):
        start = event["DTSTART"].dt
        if not lo <= start < hi:
            continue  # an event overlapping the window's edge
        name = names[str(event["UID"]).split("-", 1)[0]]
        by_day.setdefault(start.astimezone(tz).date().isoformat(), []).append(
            (name, start.astimezone(UTC).isoformat()))
    return by_day


def said_by_due(run: Any, first: date) -> dict[str, list[tuple[str, str]]]:
    by_day = {}
    for offset in range(DAYS):
        day = _day(first, offset)
        doses = run.json("med", "due", "--date", day)["doses"]
        by_day[day] = [(d["name"], datetime.fromisoformat(d["scheduled_for"]).astimezone(UTC).isoformat())
                       for d in doses]
    return by_day


@pytest.mark.parametrize(("zone", "first"), CASES, ids=[f"{z}-{d}" for z, d in CASES])
def test_the_calendar_gives_every_dose_that_med_due_gives_for_120_days(
        run: Any, clock: Callable[..., None], tmp_path: Path, zone: str, first: date) -> None:
    built = build(run, clock, zone, first)
    path = tmp_path / "medicines.ics"
    run("med", "calendar", "--output", str(path), "--alarm", "10m")
    calendar = expanded(path, zone, first, built["names"])
    due = said_by_due(run, first)
    for offset in range(DAYS):
        day = _day(first, offset)
        assert sorted(calendar.get(day, [])) == sorted(due[day]), f"{zone}, {day}"
    total = sum(len(doses) for doses in due.values())
    names = {name for doses in due.values() for name, _ in doses}
    # Every scheduled medicine has doses in the window (paracetamol is as needed: none).
    assert names == set(built["names"].values()) - {"paracetamol"}
    assert total > 1500


def test_the_hard_cases_really_are_in_the_window(run: Any, clock: Callable[..., None],
                                                 tmp_path: Path) -> None:
    """What the comparison above covers: the 02:30 dose in the skipped hour (03:30 new time), the
    stopped medicines' series ending, the EXDATE, the RDATE, the duplicate Saturday dose and EXRULE."""
    zone, first = "Europe/Berlin", date(2027, 1, 20)
    built = build(run, clock, zone, first)
    path = tmp_path / "medicines.ics"
    run("med", "calendar", "--output", str(path))
    doses = {d["name"]: d for d in run.json("med", "due", "--date", "2027-03-28")["doses"]}
    assert doses["melatonin"]["time"] == "03:30"
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    names = built["names"]
    by_name: dict[str, list[Any]] = {}
    for uid, event in events.items():
        by_name.setdefault(names[uid.split("-", 1)[0]], []).append(event)
    stopped = by_name["amitriptyline"][0]["RRULE"]["UNTIL"][0]
    assert stopped == built["now"].astimezone(UTC) - timedelta(seconds=1)
    assert len(by_name["Edaravone oral"]) == 11  # cycle 1, then one series per day of the later cycles
    assert any("RRULE" not in e for e in by_name["infusion"])  # the RDATE, a single event
    assert any(e.get("EXDATE") for e in by_name["infusion"])
    assert any(e.get("EXDATE") for e in by_name["combo"])  # Saturday 08:00 once, not twice
    assert any(e.get("EXDATE") for e in by_name["eyedrops"])  # no Sunday doses
    assert "VTIMEZONE" in path.read_text() and "TZID=Europe/Berlin" in path.read_text()
    assert len(by_name["baclofen"]) == 3  # 08:00+14:00 and 21:45 until the --from day, then 09:00+21:00
