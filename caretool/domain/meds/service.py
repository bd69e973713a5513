"""Medications: the records in the household, and the `caretool med ...` commands' domain calls.

A medication record (one dict in household.medications):
  id, name, dose, rrule (schedule text, "" when taken as needed; see schedule.py), start (day 1,
  ISO date), end (last day or None), stopped (ISO moment or None), as_needed, notes (the user's
  note), preset (key in presets.PRESETS or None), added, due_from (ISO moment or None: a medicine
  that starts on the day it is added is due from that moment, so doses earlier that day are not
  missed), former_names (names before a rename, so older dose entries still match) and earlier
  (schedules replaced by `med edit --from`, oldest first: [{"rrule", "until"}]; the rules stay
  anchored on the start date).

Doses (what was scheduled, which one a recording fills, notes, adherence) live in doses.py; the
names other packages call are re-exported here: doses_on, due_today, adherence, record_dose,
plan_dose, dose_notes, slots, GRACE.
"""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from caretool.core import dates
from caretool.core.errors import BadInput
from caretool.core.messages import Message, msg, render
from caretool.core.text import clean_name, clean_text, name_key, parse_number
from caretool.domain.entries import service as entries
from caretool.domain.entries.model import Record
from caretool.domain.household.model import Household
from caretool.domain.meds import doses, limits, presets, schedule
from caretool.domain.meds import stock as stocks
from caretool.domain.meds.doses import (
    GRACE,
    Dose,
    adherence,
    dose_notes,
    doses_between,
    doses_on,
    due_today,
    plan_dose,
    record_dose,
    slots,
)
from caretool.domain.meds.names import find

__all__ = ["GRACE", "Dose", "ScheduleFlags", "add", "adherence", "adherence_report", "describe", "dose_notes",
           "doses_between", "doses_on", "due", "due_today", "edit", "find", "listing", "log_dose",
           "low_stock", "plan_dose", "record_dose", "set_stock", "slots", "stock_left", "stock_report",
           "stocks", "stop"]

StoreLike = entries.StoreLike

TOGETHER = msg("med.flags-together", "{first} and {second} cannot be used together")
TOGETHER_HINT = msg("med.flags-together.hint",
                    "give the schedule one way (--times may go with any except --as-needed)")
AS_NEEDED_TIMES = msg("med.as-needed-times", "a medicine taken as needed has no --times")
AS_NEEDED_TIMES_HINT = msg("med.as-needed-times.hint", "leave out --times or --as-needed")
RULE_HAS_TIMES = msg("med.rule-has-times", "the rule already gives the times (BYHOUR)")
RULE_HAS_TIMES_HINT = msg("med.rule-has-times.hint", "leave out --times, or take BYHOUR out of the rule")
HOW_OFTEN = msg("med.how-often", "how often is it given?")
HOW_OFTEN_HINT = msg("med.how-often.hint",
                     "add --times 08:00,20:00, --days mon,wed,fri, --every 28d, --as-needed, "
                     "--rrule 'RRULE:...' or --preset NAME")
HOW_OFTEN_PRESET_HINT = msg("med.how-often-preset.hint",
                            "for {name} the usual schedule is --preset {preset}; or add --times 08:00,20:00, "
                            "--days mon,wed,fri, --every 28d, --as-needed or --rrule 'RRULE:...'")
END_BEFORE_START = msg("med.end-before-start", "the end date {end} is before the start date {start}")
END_BEFORE_START_HINT = msg("med.end-before-start.hint", "check the two dates")
ON_THE_LIST = msg("med.on-the-list", "{name} is already on the list")
ON_THE_LIST_HINT = msg("med.on-the-list.hint", "change it with `caretool med edit {name} ...`, or stop it "
                       "first with `caretool med stop NAME`")
WHICH_MEDICINE = msg("med.which", "which medicine?")
WHICH_MEDICINE_HINT = msg("med.which.hint", "give its name, e.g. "
                          "`caretool med add baclofen --dose '5 mg' --times 08:00,14:00,20:00`")
MED_NAME = msg("field.medication-name", "medication name")
DOSE = msg("field.dose", "dose")
NO_DOSE = msg("med.no-dose", "the dose is missing")
NO_DOSE_HINT = msg("med.no-dose.hint", "add --dose, e.g. --dose '50 mg'")
STOP_IN_FUTURE = msg("med.stop-in-future", "{when} is in the future")
STOP_IN_FUTURE_HINT = msg("med.stop-in-future.hint",
                          "to plan the last day, use `caretool med edit {name} --end DATE`")
STOP_BEFORE_START = msg("med.stop-before-start", "{name} started on {start}, after {day}")
STOP_BEFORE_START_HINT = msg("med.stop-before-start.hint", "give a date on or after the start")
FROM_NEEDS_SCHEDULE = msg("med.from-needs-schedule", "--from says when a new schedule begins")
FROM_NEEDS_SCHEDULE_HINT = msg("med.from-needs-schedule.hint", "add the new schedule, e.g. --times 09:00")
NOTHING_TO_CHANGE = msg("med.nothing-to-change", "nothing to change")
NOTHING_TO_CHANGE_HINT = msg("med.nothing-to-change.hint",
                             "add what changes, e.g. --dose '100 mg' or --times 09:00,21:00")
WHY_SKIPPED = msg("dose.why-skipped", "why was the dose skipped?")
WHY_SKIPPED_HINT = msg("dose.why-skipped.hint", "add --reason, e.g. --reason 'asleep'")
DAYS = msg("field.days", "days")
STOCK_LABEL = msg("change.med-stock", "stock count of {name}")
MED_ADDED = msg("change.med-add", "add medication {name}")
MED_STOPPED = msg("change.med-stop", "stop medication {name}")
MED_EDITED = msg("change.med-edit", "edit medication {name}")
DOSE_TAKEN = msg("change.dose-take", "dose of {name} given")
DOSE_SKIPPED = msg("change.dose-skip", "dose of {name} skipped")
NOT_COUNTED = msg("stock.not-counted", "the stock of {name} is not counted yet")
NOT_COUNTED_HINT = msg("stock.not-counted.hint", "count what is at hand: `caretool med stock {name} 60`")
DAYS_HINT = msg("adherence.days.hint", "give a whole number of days, 1 to 366")
DAYS_NOT_WHOLE = msg("adherence.days-not-whole", "days {days} is not a whole number")


# --- medication records ---------------------------------------------------------------------
def status(med: Record, today: date) -> str:
    end = date.fromisoformat(med["end"]) if med.get("end") else None
    if med.get("stopped"):
        return "stopped"
    if end and end < today:
        return "ended"
    if date.fromisoformat(med["start"]) > today:
        return "not started"
    return "active"


def describe(med: Record) -> Message:
    """The medication's schedule in plain words, with its last day."""
    from caretool.domain.meds import plain_words  # only the commands that show a schedule need it

    words = plain_words.describe(med["rrule"])
    return plain_words.UNTIL(schedule=words, date=med["end"]) if med.get("end") else words


def _next_dose(med: Record, now: datetime) -> datetime | None:
    today = dates.local_day(now)
    for ahead in (31, 400):
        upcoming = [s for s in slots(med, today, today + timedelta(days=ahead)) if s >= now]
        if upcoming:
            return upcoming[0]
    return None


def med_row(med: Record, now: datetime, *, upcoming: int = 0) -> Record:
    """A medication as shown by `med list`: the stored record plus plain words (Messages) and status."""
    preset = doses.preset_of(med)
    nxt = _next_dose(med, now)
    row = {**med, "schedule": describe(med), "status": status(med, dates.local_day(now)),
           "next": dates.iso(nxt) if nxt else None,
           "advice": list(preset.notes) if preset else [],
           "source": preset.source if preset else "", "source_id": preset.source_id if preset else ""}
    if upcoming:
        today = dates.local_day(now)
        row["upcoming"] = [dates.iso(s) for s in slots(med, today, today + timedelta(days=400))
                           if s >= now][:upcoming]
    return row


# --- building schedules from what the user typed ----------------------------------------------
@dataclass
class ScheduleFlags:
    times: str | None = None
    days: str | None = None
    every: str | None = None
    as_needed: bool = False
    rrule: list[str] = field(default_factory=list)
    preset: str | None = None

    def given(self) -> bool:
        return bool(self.times or self.days or self.every or self.as_needed or self.rrule or self.preset)


@dataclass
class Built:
    rules: str
    as_needed: bool = False
    preset: presets.Preset | None = None
    dtstart: datetime | None = None


def build_schedule(flags: ScheduleFlags, name: str | None = None) -> Built:
    ways = [label for label, on in (
        ("--preset", flags.preset), ("--rrule", flags.rrule), ("--as-needed", flags.as_needed),
        ("--days/--every", flags.days or flags.every)) if on]
    if len(ways) > 1:
        raise BadInput(TOGETHER(first=ways[0], second=ways[1]), TOGETHER_HINT)
    times = schedule.parse_times(flags.times) if flags.times else []
    if flags.as_needed:
        if times:
            raise BadInput(AS_NEEDED_TIMES, AS_NEEDED_TIMES_HINT)
        return Built("", as_needed=True)
    if flags.preset:
        preset = presets.get(flags.preset)
        return Built(schedule.dump(preset.rules(times)), preset=preset)
    if flags.rrule:
        rules, dtstart = schedule.parse_input(flags.rrule)
        if times and not schedule.untimed(rules):
            raise BadInput(RULE_HAS_TIMES, RULE_HAS_TIMES_HINT)
        if not times:
            times = [dtstart.time()] if dtstart and dtstart.time() != time() else [schedule.DEFAULT_TIME]
        return Built(schedule.dump(schedule.retime(rules, times, only_untimed=True)), dtstart=dtstart)
    if times or flags.days or flags.every:
        weekdays = schedule.parse_weekdays(flags.days) if flags.days else []
        every = schedule.parse_every(flags.every) if flags.every else None
        return Built(schedule.dump(schedule.from_flags(times, weekdays, every)))
    match = presets.matching(name) if name else None
    raise BadInput(HOW_OFTEN, HOW_OFTEN_PRESET_HINT(name=name, preset=match.key) if match else HOW_OFTEN_HINT)


def _end(text: str | None, start: date) -> date | None:
    if text is None or text.strip().lower() in ("", "none"):
        return None
    end = dates.parse_day(text)
    if end < start:
        raise BadInput(END_BEFORE_START(end=end.isoformat(), start=start.isoformat()), END_BEFORE_START_HINT)
    return end


def _clash(household: Household, name: str, keep: Record | None = None) -> None:
    for med in household.medications:
        if med is not keep and not med.get("stopped") and name_key(med["name"]) == name_key(name):
            raise BadInput(ON_THE_LIST(name=med["name"]), ON_THE_LIST_HINT(name=med["name"]))


def _limits(med: Record, max_per_day: str | None, min_gap: str | None) -> None:
    """Set --max-per-day / --min-gap on an as-needed medicine (a scheduled one has none)."""
    if max_per_day is not None:
        med["max_per_day"] = limits.parse_per_day(max_per_day)
    if min_gap is not None:
        med["min_gap"] = limits.parse_gap(min_gap)
    if not med.get("as_needed"):
        if (max_per_day or min_gap) and (med.get("max_per_day") or med.get("min_gap")):
            raise BadInput(limits.NEEDS_AS_NEEDED, limits.NEEDS_AS_NEEDED_HINT)
        med.pop("max_per_day", None)
        med.pop("min_gap", None)


def add(store: StoreLike, *, name: str | None, dose: str | None, flags: ScheduleFlags,
        start: str | None = None, end: str | None = None, note: str | None = None,
        max_per_day: str | None = None, min_gap: str | None = None,
        now: datetime | None = None) -> Record:
    """Add a medication; returns its row (with the preset's notes as `advice`, and as
    `not_due_today` the times of today's doses that came before it was added). An as-needed
    medicine may have limits (`max_per_day`, `min_gap`: see limits.py)."""
    now = now or dates.now()
    household = entries.load(store)
    built = build_schedule(flags, name)
    preset = built.preset
    if not name and not preset:
        raise BadInput(WHICH_MEDICINE, WHICH_MEDICINE_HINT)
    name = clean_name(name or (render(preset.name) if preset else ""), what=MED_NAME)
    _clash(household, name)
    if not (dose or preset):
        raise BadInput(NO_DOSE, NO_DOSE_HINT)
    dose_text = clean_text(dose, what=DOSE, limit=80) if dose else (render(preset.dose) if preset else "")
    first = dates.parse_day(start) if start else (built.dtstart.date() if built.dtstart
                                                    else dates.local_day(now))
    household.check_day(first)
    last = _end(end, first)
    if built.rules:
        schedule.check(schedule.parse(built.rules), first)
    med: Record = {
        "id": uuid.uuid4().hex, "name": name, "dose": dose_text, "rrule": built.rules,
        "start": first.isoformat(), "end": last.isoformat() if last else None, "stopped": None,
        "as_needed": built.as_needed, "notes": clean_text(note) if note else "",
        "preset": preset.key if preset else (m.key if (m := presets.matching(name)) else None),
        "added": dates.iso(now),
        # Starting today: due from now, so the doses before it was added are not missed.
        "due_from": dates.iso(now) if first == dates.local_day(now) else None,
        "former_names": [], "earlier": [],
    }
    _limits(med, max_per_day, min_gap)
    household.medications.append(med)
    entries.save_household(store, household, MED_ADDED(name=name))
    row = med_row(med, now)
    row["not_due_today"] = doses.earlier_today(med, now) if med["due_from"] else []
    return row


def listing(store: StoreLike, name: str | None = None, now: datetime | None = None,
            warn_days: str | None = None) -> list[Record]:
    """Every medication (active first, then stopped/ended), or the one named with its next doses;
    each row's `stock` is what is left (stock.left) or None when it is not counted."""
    now = now or dates.now()
    warn = stocks.warn_days(warn_days)
    household = entries.load(store)
    meds = [find(household, name)] if name else household.medications
    left = stock_left(store, meds, now, warn)
    if name:
        return [{**med_row(meds[0], now, upcoming=6), "stock": left.get(meds[0]["id"])}]
    rows = [{**med_row(m, now), "stock": left.get(m["id"])} for m in meds]
    order = {"active": 0, "not started": 1, "ended": 2, "stopped": 3}
    return sorted(rows, key=lambda r: (order[r["status"]], name_key(r["name"])))


# --- stock ------------------------------------------------------------------------------------------
def _upcoming(med: Record, now: datetime) -> list[datetime]:
    today = dates.local_day(now)
    begin = doses.due_from(med)
    return [s for s in slots(med, today, today + timedelta(days=stocks.PROJECTION_DAYS))
            if s >= now and (begin is None or s >= begin)]


def stock_left(store: StoreLike, meds: list[Record], now: datetime, warn: int = stocks.WARN_DAYS,
               ) -> dict[str, Record]:
    """What is left of each counted medicine that is still given, by medication id (stock.left)."""
    counted = stocks.stocked(meds)
    first = stocks.since(counted)
    if first is None:
        return {}
    records = doses.dose_records(store, first, max(first, dates.local_day(now)))
    out = {}
    for med in counted:
        found = stocks.left(med, records, now, _upcoming(med, now), warn)
        if found is not None:
            out[med["id"]] = {**found, "name": med["name"], "as_needed": bool(med.get("as_needed"))}
    return out


def low_stock(store: StoreLike, household: Household, now: datetime, warn: int = stocks.WARN_DAYS,
              ) -> list[Record]:
    """The counted medicines that run out within `warn` days (or have nothing left), soonest first."""
    found = [r for r in stock_left(store, household.medications, now, warn).values() if r["low"]]
    return sorted(found, key=lambda r: (r["days_left"] if r["days_left"] is not None else -1,
                                        name_key(r["name"])))


def set_stock(store: StoreLike, name: str, count: str, *, unit: str | None = None,
              per_dose: str | None = None, add: bool = False, at: str | None = None,
              warn_days: str | None = None, now: datetime | None = None) -> Record:
    """`med stock NAME COUNT`: what is at hand now (or `at`), or with `add` what arrived on top of
    what is left. Returns {"name", "stock" (stock.left), "before" (what was left, or None)}."""
    now = now or dates.now()
    warn = stocks.warn_days(warn_days)
    household = entries.load(store)
    med = find(household, name, include_stopped=False)
    moment = entries.resolve_moment(household, at, ref=now) if at else now
    before = stock_left(store, [med], now, warn).get(med["id"])
    med["stock"] = stocks.record(med, count, unit=unit, per_dose=per_dose, add=add, moment=moment,
                                 left_now=before["left"] if before else None)
    entries.save_household(store, household, STOCK_LABEL(name=med["name"]))
    return {"name": med["name"], "stock": stock_left(store, [med], now, warn).get(med["id"]),
            "before": before, "added": add}


def stock_report(store: StoreLike, name: str | None = None, warn_days: str | None = None,
                 now: datetime | None = None) -> list[Record]:
    """`med stock [NAME]`: what is left of the counted medicines (or of the one named)."""
    now = now or dates.now()
    warn = stocks.warn_days(warn_days)
    household = entries.load(store)
    meds = [find(household, name)] if name else household.medications
    left = stock_left(store, meds, now, warn)
    if name and meds[0]["id"] not in left:
        raise BadInput(NOT_COUNTED(name=meds[0]["name"]), NOT_COUNTED_HINT(name=meds[0]["name"]))
    return sorted(left.values(), key=lambda r: name_key(r["name"]))


def _moment_or_day(text: str, now: datetime) -> datetime:
    """A date alone means the start of that day (today means now); otherwise a date and time."""
    try:
        day = dates.parse_day(text, ref=dates.local_day(now))
    except BadInput:
        return dates.parse_when(text, ref=now)
    return now if day == dates.local_day(now) else datetime.combine(day, time()).astimezone()


def stop(store: StoreLike, name: str, at: str | None = None, now: datetime | None = None) -> Record:
    """Stop a medication from a moment on: later doses are no longer due."""
    now = now or dates.now()
    household = entries.load(store)
    med = find(household, name, include_stopped=False)
    moment = _moment_or_day(at, now) if at else now
    if moment - now > dates.FUTURE_TOLERANCE:
        raise BadInput(STOP_IN_FUTURE(when=f"{moment:%Y-%m-%d %H:%M}"), STOP_IN_FUTURE_HINT(name=med["name"]))
    if dates.local_day(moment) < date.fromisoformat(med["start"]):
        raise BadInput(STOP_BEFORE_START(name=med["name"], start=med["start"], day=f"{moment:%Y-%m-%d}"),
                       STOP_BEFORE_START_HINT)
    med["stopped"] = dates.iso(moment)
    entries.save_household(store, household, MED_STOPPED(name=med["name"]))
    return med_row(med, now)


def _reschedule(med: Record, built: Built, from_day: date) -> None:
    """Use new rules from `from_day` on; earlier days keep the schedule they had."""
    start = date.fromisoformat(med["start"])
    kept: list[Record] = []
    if from_day > start:
        first = start
        for period in [*med.get("earlier", []), {"rrule": med["rrule"], "until": None}]:
            if first >= from_day:
                break
            until = date.fromisoformat(period["until"]) if period["until"] else None
            last = from_day - timedelta(days=1) if until is None or until >= from_day else until
            kept.append({"rrule": period["rrule"], "until": last.isoformat()})
            first = last + timedelta(days=1)
    med["earlier"] = kept
    med["rrule"], med["as_needed"] = built.rules, built.as_needed


def edit(store: StoreLike, name: str, *, new_name: str | None = None, dose: str | None = None,
         flags: ScheduleFlags | None = None, start: str | None = None, end: str | None = None,
         note: str | None = None, from_day: str | None = None, max_per_day: str | None = None,
         min_gap: str | None = None, now: datetime | None = None) -> tuple[Record, Record]:
    """Change a medication. A new schedule applies from --from (default today); the days before
    keep the schedule they had, so past doses stay matched. Limits ("none" clears one) are kept
    only while the medicine is taken as needed."""
    now = now or dates.now()
    flags = flags or ScheduleFlags()
    household = entries.load(store)
    med = find(household, name)
    before = copy.deepcopy(med)
    if new_name is not None:
        cleaned = clean_name(new_name, what=MED_NAME)
        _clash(household, cleaned, keep=med)
        if name_key(cleaned) != name_key(med["name"]):
            med["former_names"] = [*med.get("former_names", []), med["name"]]
        med["name"] = cleaned
    if dose is not None:
        med["dose"] = clean_text(dose, what=DOSE, limit=80)
    if note is not None:
        med["notes"] = clean_text(note) if note.strip() else ""
    if start is not None:
        first = dates.parse_day(start)
        household.check_day(first)
        med["start"] = first.isoformat()
        begin = doses.due_from(med)
        if begin is not None and dates.local_day(begin) != first:
            med["due_from"] = None  # a new start date: every dose from that day on is due
    if end is not None or start is not None:
        last = _end(end if end is not None else med.get("end"), date.fromisoformat(med["start"]))
        med["end"] = last.isoformat() if last else None
    if from_day is not None and not flags.given():
        raise BadInput(FROM_NEEDS_SCHEDULE, FROM_NEEDS_SCHEDULE_HINT)
    if flags.given():
        only_times = flags.times and not (flags.days or flags.every or flags.as_needed or flags.rrule
                                          or flags.preset)
        if only_times and med["rrule"]:
            built = Built(schedule.dump(schedule.retime(schedule.parse(med["rrule"]),
                                                        schedule.parse_times(flags.times or ""))))
        else:
            built = build_schedule(flags, med["name"])
        if built.preset:
            med["preset"] = built.preset.key
        if built.rules:
            schedule.check(schedule.parse(built.rules), date.fromisoformat(med["start"]))
        if (built.rules, built.as_needed) != (med["rrule"], med["as_needed"]):
            change = dates.parse_day(from_day) if from_day else dates.local_day(now)
            _reschedule(med, built, change)
    _limits(med, max_per_day, min_gap)
    if med == before:
        raise BadInput(NOTHING_TO_CHANGE, NOTHING_TO_CHANGE_HINT)
    entries.save_household(store, household, MED_EDITED(name=med["name"]))
    return med_row(before, now), med_row(med, now)


# --- the doses of a day -------------------------------------------------------------------------
def due(store: StoreLike, day: str | None = None, now: datetime | None = None) -> Record:
    """`med due`: the day's scheduled doses and any extra or as-needed doses given that day."""
    now = now or dates.now()
    household = entries.load(store)
    when = dates.parse_day(day, ref=dates.local_day(now)) if day else dates.local_day(now)
    records = doses.dose_records(store, *doses.window(when, when, now))
    return {
        "date": when.isoformat(), "now": dates.iso(now), "grace_minutes": int(GRACE.total_seconds() // 60),
        "medications": len(household.medications),
        "doses": doses.rows(household.medications, records, when, when, now, GRACE),
        "unscheduled": [{"name": r["medication"], "at": r["at"], "dose": r.get("dose", ""),
                         "extra": bool(r.get("extra")), "entry": r["id"]}
                        for r in doses.unscheduled(records, when, when)],
    }


def _within_limits(store: StoreLike, household: Household, planned: Dose, override: bool,
                   note: str | None) -> None:
    """Refuse an as-needed dose over its limits unless overridden with a note (stored as the
    entry's reason, so the report and history show why)."""
    med = find(household, planned.entry.fields["medication"])
    if override and not (note and note.strip()):
        raise BadInput(limits.OVERRIDE_NEEDS_NOTE, limits.OVERRIDE_NEEDS_NOTE_HINT)
    if note is not None and not override:
        raise BadInput(limits.NOTE_NEEDS_OVERRIDE, limits.NOTE_NEEDS_OVERRIDE_HINT)
    if override and limits.limits_of(med) == (None, None):
        raise BadInput(limits.OVERRIDE_NO_LIMITS(name=med["name"]),
                       limits.OVERRIDE_NO_LIMITS_HINT(name=med["name"]))
    if override:
        planned.entry.fields["reason"] = clean_text(note or "", limit=200)
        return
    day = planned.entry.day
    problem = limits.check(med, planned.entry.at, store.records_between(day - timedelta(days=2),
                                                                         day + timedelta(days=2)))
    if problem is not None:
        raise BadInput(problem, limits.OVERRIDE_HINT)


def log_dose(store: StoreLike, name: str, status: str, *, at: str | None = None,
             for_time: str | None = None, reason: str | None = None, extra: bool = False,
             replace: bool = False, caregiver: str | None = None, override: bool = False,
             note: str | None = None) -> dict[str, Any]:
    """`med take` / `med skip`: record one dose as an undoable change.

    An as-needed dose over the medicine's limits is refused (BadInput naming the last dose and
    when the next is allowed) unless `override` with a `note`.
    Returns {"record", "notes", "extra_because", "replaced"}: the stored entry, the notes to show,
    why a dose given became an extra dose (a Message, or None), and the skip it changed (or None).
    """
    household = entries.load(store)
    if status == "skipped" and not (reason and reason.strip()):
        raise BadInput(WHY_SKIPPED, WHY_SKIPPED_HINT)
    moment = entries.resolve_moment(household, at) if at else None
    planned = plan_dose(store, household, name, status, at=moment, for_time=for_time, reason=reason or "",
                        extra=extra, replace=replace, caregiver=caregiver)
    if status == "taken" and (override or note is not None or find(household, name).get("as_needed")):
        _within_limits(store, household, planned, override, note)
    notes = dose_notes(store, household, planned.entry)
    label = (DOSE_TAKEN if status == "taken" else DOSE_SKIPPED)(name=planned.entry.fields["medication"])
    if planned.replaces is None:
        record = entries.add_entries(store, household, [planned.entry], label)[0]
    else:
        record = planned.entry.to_record()
        store.update(record)
        change = entries.Change(label)
        change.updated(planned.replaces, record)
        change.save(store)
    return {"record": record, "notes": notes, "extra_because": planned.extra_because,
            "replaced": planned.replaces}


def adherence_report(store: StoreLike, days: str = "28", now: datetime | None = None) -> Record:
    """`med adherence --days N`: the last N local days, today included."""
    now = now or dates.now()
    count = parse_number(days, what=DAYS, low=1, high=366, hint=DAYS_HINT)
    if count != int(count):
        raise BadInput(DAYS_NOT_WHOLE(days=days), DAYS_HINT)
    end = dates.local_day(now)
    start = end - timedelta(days=int(count) - 1)
    household = entries.load(store)
    return {"from": start.isoformat(), "to": end.isoformat(), "days": int(count),
            "medications": adherence(store, household, start, end, now)}
