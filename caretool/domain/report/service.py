"""The report for a period: choose the period, read only the months it needs, build it.

A one-week report reads the entries from a month before the period's end (the weight
window, which also covers the previous week for trends) to the period's end: two months at
most. The first weight ever logged comes from household.stats, never from old months.
"""

from __future__ import annotations

import importlib
from datetime import date, datetime, timedelta
from types import ModuleType
from typing import Any

from caretool.core import dates
from caretool.core.errors import BadInput
from caretool.domain.care import redflags
from caretool.domain.entries import service as journal
from caretool.domain.guidance import guides
from caretool.domain.report.build import Period, build, phase_at

MAX_DAYS = 366


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _label(start: date, end: date) -> str:
    if start.weekday() == 0 and (end - start).days == 6:
        return dates.week_label(start)
    return f"{start.isoformat()} to {end.isoformat()}"


def resolve_period(*, week: str | None = None, start: str | None = None, end: str | None = None,
                   this_week: bool = False, today: date | None = None) -> Period:
    """The period a report covers; by default the last complete ISO week (Monday to Sunday)."""
    today = today or dates.today()
    if week and (start or end):
        raise BadInput("--week cannot be combined with --from/--to", "give either --week or --from/--to")
    if this_week and (week or start or end):
        raise BadInput("--this-week cannot be combined with --week or --from/--to", "give only one")
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
            raise BadInput(f"--from {first} is after --to {last}", "swap the two dates")
        label = _label(first, last)
    else:
        first = _monday(today) - timedelta(days=7)
        last = first + timedelta(days=6)
        label = dates.week_label(first)
    if first > today:
        raise BadInput(f"the period starts on {first}, in the future",
                       "choose a period that has begun, e.g. --this-week")
    if (last - first).days + 1 > MAX_DAYS:
        raise BadInput(f"the period is {(last - first).days + 1} days long; the limit is {MAX_DAYS}",
                       "report on a year or less at a time")
    partial = last > today
    return Period(first, min(last, today), label, partial=partial)


def _optional(name: str) -> ModuleType | None:
    """A service another part of caretool provides, or None if this install lacks it."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name and name.startswith(exc.name):
            return None
        raise


def adherence(store: journal.StoreLike, household: Any, period: Period,
              now: datetime) -> list[dict[str, Any]] | None:
    if not household.medications:
        return []
    meds = _optional("caretool.domain.meds.service")
    if meds is None:
        return None
    result: list[dict[str, Any]] = meds.adherence(store, household, period.start, period.end, now)
    return result


def burnout(store: journal.StoreLike, household: Any, period: Period) -> list[dict[str, Any]] | None:
    if not household.active_caregivers:
        return []
    service = _optional("caretool.domain.burnout.service")
    if service is None:
        return None
    result: list[dict[str, Any]] = service.assess_all(store, household, period.end)
    return result


def report(store: journal.StoreLike, period: Period) -> dict[str, Any]:
    """The whole report for `period` as plain data (see caretool.report.build)."""
    household = journal.load(store)
    now = dates.now()
    records = store.records_between(period.first_needed(), period.end)
    # Bridge (care branch) until the report reads redflags.flags_between itself: warnings are
    # derived, not stored, so give each entry of the period the ones it raises now.
    raised: dict[str, list[dict[str, str]]] = {}
    for flag in redflags.flags_between(store, household, period.start, period.end):
        raised.setdefault(flag.entry_id, []).append(redflags.as_prose(flag).to_dict())
    records = [{**r, "warnings": raised.get(r["id"], [])} for r in records]
    phase = phase_at(household, period.end)
    return build(
        household=household,
        records=records,
        period=period,
        generated=dates.iso(now),
        adherence=adherence(store, household, period, now),
        burnout=burnout(store, household, period),
        phase_questions=guides.questions_for(phase) if phase else [],
    )
