"""Every medication schedule as iCalendar (RFC 5545) event series, as data for the view that
writes the .ics file (views/calendar_ics.py, with the `icalendar` package).

One stored RRULE line becomes one recurring series, straight from the rule: RFC 5545 counts
DTSTART as the first occurrence, so each series starts at the rule's first dose (not at
midnight of its anchor day), and COUNT becomes the UNTIL of the last dose. The X-FROM-DAY
extension (edaravone's later cycles, tofersen's maintenance doses) needs nothing special: each
anchored rule is a series of its own starting on its first dose. Each series ends where the
doses end: the schedule period's last day (an edit with --from starts a new series), the
medicine's end date, or the moment it was stopped. RDATE moments become single events (Outlook
ignores RDATE), EXDATE lines become EXDATEs of the series they fall in.

Two things a calendar series cannot say are written out for HORIZON_DAYS only, with the series
cut there (`bounded`): an EXRULE (dropped from RFC 5545; Google and Outlook ignore it), and two
rules of one medicine giving the same dose time (`med due` shows it once; two series would show
it twice). Every other series runs as long as the schedule does.

UIDs are stable: the medication's id, the schedule period and the rule's place in it, so
importing a newer file updates the events instead of adding them again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from caretool.core import dates
from caretool.core.messages import Message, msg
from caretool.domain.entries import service as entries
from caretool.domain.entries.model import Record
from caretool.domain.meds import doses, schedule
from caretool.domain.meds.names import find
from caretool.domain.meds.schedule import Rule
from caretool.domain.reminders.zone import local_zone

HORIZON_DAYS = 730
ALARM_LOWEST = timedelta(0)
ALARM_HIGHEST = timedelta(days=1)
UID_DOMAIN = "caretool"
AS_NEEDED = "as-needed"
NO_DOSES = "no-doses"
DOSE_LINE = msg("calendar.dose", "Dose: {dose}")
NOTE_LINE = msg("calendar.note", "Note: {note}")
SCHEDULE_LINE = msg("calendar.schedule", "Schedule: {schedule}")
RECORD_LINE = msg("calendar.record", "When it is given, record it: caretool med take {name}")
FOLLOW_LINE = msg("calendar.follow", "Always follow the prescriber's instructions.")
SUMMARY = msg("calendar.summary", "{name}: {dose}")


@dataclass
class Series:
    """One event series (or, with `rule` None, one single event) of a medication."""

    uid: str
    med_id: str
    name: str
    summary: Message
    description: list[Message]
    start: datetime  # the first dose, local wall-clock time (naive)
    rule: str | None = None  # RRULE parts without COUNT or UNTIL
    until: datetime | None = None  # the last possible dose, local (naive), inclusive
    exdates: list[datetime] = field(default_factory=list)
    bounded: bool = False  # cut at the horizon (see the module docstring)

    def as_dict(self) -> dict[str, Any]:
        return {"uid": self.uid, "medication": self.name, "start": self.start.isoformat(), "rule": self.rule,
                "until": self.until.isoformat() if self.until else None,
                "exdates": [m.isoformat() for m in self.exdates], "bounded": self.bounded}


def _naive(moment: datetime) -> datetime:
    return moment.astimezone().replace(tzinfo=None)


def _description(med: Record) -> list[Message]:
    from caretool.domain.meds import service  # describe() needs the plain words, loaded late

    lines = [DOSE_LINE(dose=med["dose"])]
    if med.get("notes"):
        lines.append(NOTE_LINE(note=med["notes"]))
    lines.append(SCHEDULE_LINE(schedule=service.describe(med)))
    if doses.preset_of(med) is not None:
        lines.append(FOLLOW_LINE)
    lines.append(RECORD_LINE(name=med["name"]))
    return lines


@dataclass
class _Period:
    """One schedule period of a medication: its rules and the local window its doses fall in."""

    index: int
    rules: list[Rule]
    start: date  # the anchor (day 1)
    lo: datetime
    hi: datetime | None


def _periods(med: Record) -> list[_Period]:
    stop, begin = doses.stopped_at(med), doses.due_from(med)
    out = []
    for index, sched in enumerate(doses.schedules(med)):
        if not sched.rules:
            continue
        lo = datetime.combine(max(sched.first or sched.start, sched.start), time())
        if begin is not None:
            lo = max(lo, _naive(begin))
        hi = datetime.combine(sched.end, time(23, 59, 59)) if sched.end else None
        if stop is not None:  # a dose is due only before the moment it was stopped
            last = _naive(stop) - timedelta(seconds=1)
            hi = min(hi, last) if hi else last
        if hi is None or hi >= lo:
            out.append(_Period(index, schedule.parse(sched.rules), sched.start, lo, hi))
    return out


def _last(rule: Rule, start: date) -> datetime | None:
    """The last dose a rule with COUNT or UNTIL gives (None when it repeats for ever)."""
    parts = rule.parts()
    expanded = schedule.expand(rule, start)
    if "COUNT" in parts:
        found = list(expanded)
        return found[-1] if found else None
    if "UNTIL" in parts:
        return expanded.before(datetime.strptime(parts["UNTIL"][:15], "%Y%m%dT%H%M%S") + timedelta(seconds=1))
    return None


def _period_series(med: Record, period: _Period, horizon: datetime,
                   description: list[Message]) -> list[Series]:
    rules = period.rules
    rrules = [(i, r) for i, r in enumerate(rules) if r.kind == "RRULE"]
    exrules = [schedule.expand(r, period.start) for r in rules if r.kind == "EXRULE"]
    exdates = {m for r in rules if r.kind == "EXDATE" for m in schedule.moments(r)}
    rdates = sorted({m for r in rules if r.kind == "RDATE" for m in schedule.moments(r)})
    overlap_possible = len(rrules) > 1 or bool(exrules)
    summary = SUMMARY(name=med["name"], dose=med["dose"])
    out: list[Series] = []
    seen: set[datetime] = set()
    expanded = []

    def excluded(moment: datetime) -> bool:
        return moment in exdates or any(moment in ex for ex in exrules)

    for i, rule in rrules:
        rr = schedule.expand(rule, period.start)
        last = _last(rule, period.start)
        until = min((m for m in (last, period.hi) if m is not None), default=None)
        first = rr.after(period.lo, inc=True)
        while first is not None and (until is None or first <= until) and (excluded(first) or first in seen):
            first = rr.after(first)
        if first is None or (until is not None and first > until):
            continue
        expanded.append((rr, first, until))
        parts = {k: v for k, v in rule.parts().items() if k not in ("COUNT", "UNTIL")}
        skip: list[datetime] = []
        bounded = False
        if overlap_possible:
            cut = min(until, horizon) if until is not None else horizon
            moments = rr.between(first, cut, inc=True)
            skip = [m for m in moments if m in seen or excluded(m)]
            seen.update(moments)
            if skip and (until is None or until > horizon):
                until, bounded = horizon, True
        skip += [m for m in exdates
                 if m >= first and (until is None or m <= until) and m in rr and m not in skip]
        out.append(Series(f"{med['id']}-{period.index}-{i}@{UID_DOMAIN}", med["id"], med["name"], summary,
                          description, first, schedule.join(parts), until, sorted(skip), bounded))
    for moment in rdates:
        inside = moment >= period.lo and (period.hi is None or moment <= period.hi)
        given = any(first <= moment and (until is None or moment <= until) and moment in rr
                    for rr, first, until in expanded)
        if inside and not given and not excluded(moment):
            out.append(Series(f"{med['id']}-{period.index}-{moment:%Y%m%dT%H%M%S}@{UID_DOMAIN}", med["id"],
                              med["name"], summary, description, moment))
    return out


def series_of(med: Record, horizon: datetime) -> list[Series]:
    """The event series of one medication (empty for a medicine taken as needed)."""
    description = _description(med)
    return [s for period in _periods(med) for s in _period_series(med, period, horizon, description)]


def _chosen(household: Any, names: Sequence[str]) -> list[Record]:
    if not names:
        return list(household.medications)
    chosen: dict[str, Record] = {}
    for name in names:
        med = find(household, name)
        chosen.setdefault(med["id"], med)
    return list(chosen.values())


def plan(store: entries.StoreLike, names: Sequence[str] = (), now: datetime | None = None) -> dict[str, Any]:
    """The calendar of every medication (or of the ones named): keys zone (IANA name or None:
    floating local times), series ([Series]), skipped ([{name, reason}]: as-needed, no-doses),
    horizon (ISO day where bounded series end), bounded (names), first (earliest dose, ISO)."""
    now = now or dates.now()
    household = entries.load(store)
    horizon = datetime.combine(dates.local_day(now) + timedelta(days=HORIZON_DAYS), time(23, 59, 59))
    series: list[Series] = []
    skipped: list[dict[str, str]] = []
    for med in _chosen(household, names):
        found = [] if med.get("as_needed") and not med.get("earlier") else series_of(med, horizon)
        if not found:
            skipped.append({"name": med["name"], "reason": AS_NEEDED if med.get("as_needed") else NO_DOSES})
        series += found
    bounded = sorted({s.name for s in series if s.bounded})
    return {"zone": local_zone(now), "series": series, "skipped": skipped, "now": dates.iso(now),
            "horizon": horizon.date().isoformat(), "bounded": bounded,
            "first": min((s.start for s in series), default=None)}
