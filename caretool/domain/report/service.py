"""The report for a period: choose the period, read only the months it needs, build it.

A one-week report reads the entries from a month before the period's end (the weight
window, which also covers the previous week for trends) to the period's end: two months at
most. The first weight ever logged is found from the oldest month with a weight (entries.first_weight).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from caretool.core import dates
from caretool.core.errors import BadInput
from caretool.core.messages import msg
from caretool.domain.burnout import service as burnout_service
from caretool.domain.entries import service as entries
from caretool.domain.guidance import guides
from caretool.domain.meds import service as meds
from caretool.domain.progress import service as progress
from caretool.domain.report import warnings
from caretool.domain.report.build import Period, build, phase_at

MAX_DAYS = 366
FORMATS = ("text", "md", "html", "json")

WEEK_AND_DATES = msg("report.period.week-and-dates", "--week cannot be combined with --from/--to")
WEEK_AND_DATES_HINT = msg("report.period.week-and-dates.hint", "give either --week or --from/--to")
THIS_WEEK_AND_OTHERS = msg("report.period.this-week-and-others",
                           "--this-week cannot be combined with --week or --from/--to")
ONLY_ONE_HINT = msg("report.period.only-one.hint", "give only one")
FROM_AFTER_TO = msg("report.period.from-after-to", "--from {start} is after --to {end}")
FROM_AFTER_TO_HINT = msg("report.period.from-after-to.hint", "swap the two dates")
IN_THE_FUTURE = msg("report.period.future", "the period starts on {start}, in the future")
IN_THE_FUTURE_HINT = msg("report.period.future.hint", "choose a period that has begun, e.g. --this-week")
TOO_LONG = msg("report.period.too-long", "the period is {days} days long; the limit is {limit}")
TOO_LONG_HINT = msg("report.period.too-long.hint", "report on a year or less at a time")
UNKNOWN_FORMAT = msg("report.format.unknown", "unknown format {format!r}")
UNKNOWN_FORMAT_HINT = msg("report.format.unknown.hint", "use --format text, md, html or json")


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _label(start: date, end: date) -> str:
    """An ISO week (2026-W47) or an ISO 8601 interval (2026-11-01/2026-11-14): no words to translate."""
    if start.weekday() == 0 and (end - start).days == 6:
        return dates.week_label(start)
    return f"{start.isoformat()}/{end.isoformat()}"


def check_format(form: str) -> str:
    """A --format value: text, md, html or json (any case)."""
    form = form.strip().lower()
    if form not in FORMATS:
        raise BadInput(UNKNOWN_FORMAT(format=form), UNKNOWN_FORMAT_HINT)
    return form


def resolve_period(*, week: str | None = None, start: str | None = None, end: str | None = None,
                   this_week: bool = False, today: date | None = None) -> Period:
    """The period a report covers; by default the last complete ISO week (Monday to Sunday)."""
    today = today or dates.today()
    if week and (start or end):
        raise BadInput(WEEK_AND_DATES, WEEK_AND_DATES_HINT)
    if this_week and (week or start or end):
        raise BadInput(THIS_WEEK_AND_OTHERS, ONLY_ONE_HINT)
    if this_week:
        monday = _monday(today)
        return Period(monday, today, dates.week_label(monday), partial=today.weekday() != 6)
    if week:
        first, last = dates.parse_week(week)
        label = dates.week_label(first)
    elif start or end:
        last = dates.parse_day(end) if end else today
        first = dates.parse_day(start) if start else last - timedelta(days=6)
        if first > last:
            raise BadInput(FROM_AFTER_TO(start=first.isoformat(), end=last.isoformat()), FROM_AFTER_TO_HINT)
        label = _label(first, last)
    else:
        first = _monday(today) - timedelta(days=7)
        last = first + timedelta(days=6)
        label = dates.week_label(first)
    if first > today:
        raise BadInput(IN_THE_FUTURE(start=first.isoformat()), IN_THE_FUTURE_HINT)
    if (last - first).days + 1 > MAX_DAYS:
        raise BadInput(TOO_LONG(days=(last - first).days + 1, limit=MAX_DAYS), TOO_LONG_HINT)
    partial = last > today
    return Period(first, min(last, today), label, partial=partial)


def adherence(store: entries.StoreLike, household: Any, period: Period,
              now: datetime) -> list[dict[str, Any]]:
    """Per medicine: the medication service's adherence over the period, with its schedule in words."""
    if not household.medications:
        return []
    by_name = {str(m["name"]).lower(): m for m in household.medications}
    rows: list[dict[str, Any]] = meds.adherence(store, household, period.start, period.end, now)
    out = []
    for row in rows:
        med = by_name.get(str(row["name"]).lower())
        out.append({**row, "schedule": meds.describe(med) if med and med.get("rrule") else ""})
    return out


def burnout(store: entries.StoreLike, household: Any, period: Period, *,
            include_caregiver_health: bool) -> list[dict[str, Any]]:
    if not household.active_caregivers:
        return []
    return burnout_service.assess_all(store, household, period.end, with_selfcheck=include_caregiver_health)


def report(store: entries.StoreLike, period: Period, *,
           include_caregiver_health: bool = False) -> dict[str, Any]:
    """The whole report for `period` as plain data (see caretool.domain.report.build).

    The caregivers' self-checks, and anything about self-harm, are left out unless
    `include_caregiver_health` (the family asked for them with --include-caregiver-health).
    """
    household = entries.load(store)
    now = dates.now()
    records = store.records_between(period.first_needed(), period.end)
    phase = phase_at(household, period.end)
    return build(
        household=household,
        records=records,
        period=period,
        generated=dates.iso(now),
        warnings=warnings.between(store, household, period.start, period.end, records),
        adherence=adherence(store, household, period, now),
        burnout=burnout(store, household, period, include_caregiver_health=include_caregiver_health),
        phase_questions=guides.questions_for(phase) if phase else [],
        include_caregiver_health=include_caregiver_health,
        first_weight=entries.first_weight(store),
        progression=progress.period_section(store, household, start=period.start, end=period.end, now=now),
    )
