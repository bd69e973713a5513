"""The medication calendar as an iCalendar (RFC 5545) file, written with the `icalendar` package.

The series come from caretool.domain.reminders.calendar; this module only turns them into
VEVENTs (DTSTART in the household's zone with its VTIMEZONE, or floating local times when the
zone has no name), RRULE with UNTIL in UTC as RFC 5545 requires beside a TZID, EXDATEs and an
optional VALARM. Every sentence in it (summary, description, alarm) is rendered here, in the
reader's language.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from caretool.core.messages import _, render
from caretool.domain.reminders.calendar import Series

PRODID = "-//caretool//medication calendar//EN"
DURATION = timedelta(minutes=15)  # a dose is a moment; 15 minutes shows up in every calendar view
VTIMEZONE_YEARS = 30  # transitions written after the first dose, so far-off doses keep their offset


def _local(moment: datetime, zone: ZoneInfo | None) -> datetime:
    return moment.replace(tzinfo=zone) if zone is not None else moment


def _until(moment: datetime, zone: ZoneInfo | None) -> str:
    if zone is None:  # floating: UNTIL in local time too (RFC 5545 3.3.10)
        return f"{moment:%Y%m%dT%H%M%S}"
    return f"{moment.replace(tzinfo=zone).astimezone(UTC):%Y%m%dT%H%M%SZ}"


def _event(series: Series, zone: ZoneInfo | None, stamp: datetime, alarm: timedelta | None) -> Any:
    from icalendar import Alarm, Event, vRecur

    event = Event()
    event.add("uid", series.uid)
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("dtstart", _local(series.start, zone))
    event.add("duration", DURATION)
    event.add("summary", render(series.summary))
    event.add("description", "\n".join(render(line) for line in series.description))
    event.add("transp", "TRANSPARENT")  # a dose does not make anyone look busy
    if series.rule is not None:
        rule = series.rule + (f";UNTIL={_until(series.until, zone)}" if series.until else "")
        event.add("rrule", vRecur.from_ical(rule))
        if series.exdates:
            event.add("exdate", [_local(m, zone) for m in series.exdates])
    if alarm is not None:
        reminder = Alarm()
        reminder.add("action", "DISPLAY")
        reminder.add("description", render(series.summary))
        reminder.add("trigger", -alarm)
        event.add_component(reminder)
    return event


def ics(plan: dict[str, Any], alarm: timedelta | None = None) -> str:
    """The .ics text of a calendar plan (caretool.domain.reminders.calendar.plan)."""
    from icalendar import Calendar

    zone = ZoneInfo(plan["zone"]) if plan["zone"] else None
    stamp = datetime.fromisoformat(plan["now"]).astimezone(UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _("Medicines (caretool)"))
    for series in plan["series"]:
        calendar.add_component(_event(series, zone, stamp, alarm))
    if zone is not None and plan["series"]:
        first: date = min(s.start for s in plan["series"]).date()
        calendar.add_missing_timezones(first_date=date(first.year - 1, 1, 1),
                                       last_date=date(max(first.year, stamp.year) + VTIMEZONE_YEARS, 1, 1))
    return str(calendar.to_ical().decode("utf-8"))
