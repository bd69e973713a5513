"""Medications and doses: records in the household, dose entries in the journal.

A medication record (one dict in household.medications):
  id, name, dose, rrule (schedule text, "" when taken as needed; see schedule.py), start (day 1,
  ISO date), end (last day or None), stopped (ISO moment or None), as_needed, notes (the user's
  note), preset (key in presets.PRESETS or None), added, former_names (names before a rename, so
  older dose entries still match) and earlier (schedules replaced by `med edit --from`, oldest
  first: [{"rrule", "until"}]; the rules stay anchored on the start date).

A dose entry (kind "dose") matches a scheduled dose by medication name and `scheduled_for`
(compared as local wall-clock time). A scheduled dose is "upcoming" before its time, "due" from
its time until GRACE after it (inclusive), and "missed" once more than GRACE has passed, unless
a dose entry says it was taken or skipped.

Medicine notes (e.g. the 1-hour fast after oral edaravone) are NOT red-flag warnings: they come
from `dose_notes`, never from entry.warnings, so they do not count as warnings in today's status.
"""

from __future__ import annotations

import copy
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from caretool.core import dates
from caretool.core.errors import BadInput, NotFound
from caretool.core.text import clean_name, clean_text, name_key, parse_number
from caretool.domain.entries import service as journal
from caretool.domain.entries.model import Entry
from caretool.domain.household.model import Household
from caretool.domain.meds import presets, schedule
from caretool.domain.meds.schedule import Schedule

Record = dict[str, Any]
StoreLike = journal.StoreLike

GRACE = timedelta(hours=2)
MATCH_DAYS = 14  # a dose entry is matched to a scheduled dose at most this many days away
ADD_HINT = "add one with `caretool med add NAME --dose TEXT --times 08:00,20:00`"


# --- medication records ---------------------------------------------------------------------
def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def stopped_at(med: Record) -> datetime | None:
    return datetime.fromisoformat(med["stopped"]) if med.get("stopped") else None


def status(med: Record, today: date) -> str:
    end = _day(med.get("end"))
    if med.get("stopped"):
        return "stopped"
    if end and end < today:
        return "ended"
    if date.fromisoformat(med["start"]) > today:
        return "not started"
    return "active"


def _keys(med: Record) -> set[str]:
    return {name_key(n) for n in [med["name"], *med.get("former_names", [])]}


def find(household: Household, name: str, *, include_stopped: bool = True) -> Record:
    """The medication called `name` (case-insensitive): the active one first, else the last
    stopped one. A former name (before a rename) or the preset key (edaravone-oral) matches too."""
    key = name_key(name)
    preset_key = "-".join(key.split())
    for pool in ([m for m in household.medications if name_key(m["name"]) == key],
                 [m for m in household.medications if key in _keys(m)],
                 [m for m in household.medications if m.get("preset") == preset_key]):
        active = [m for m in pool if not m.get("stopped")]
        if active:
            return active[-1]
        if pool and include_stopped:
            return pool[-1]
        if pool:
            raise BadInput(f"{pool[-1]['name']} is already stopped", "add it again with `caretool med add`")
    active_names = [m["name"] for m in household.medications if not m.get("stopped")]
    raise NotFound(f"no medication called {name.strip()!r}",
                   f"medications: {', '.join(active_names)}" if active_names else ADD_HINT)


def schedules(med: Record) -> list[Schedule]:
    """The schedules in force over time: earlier ones (replaced by edits), then the current one."""
    start, end = date.fromisoformat(med["start"]), _day(med.get("end"))
    out, first = [], start
    for old in med.get("earlier", []):
        until = date.fromisoformat(old["until"])
        out.append(Schedule(old["rrule"], start, min(until, end) if end else until, first))
        first = until + timedelta(days=1)
    out.append(Schedule(med["rrule"], start, end, first))
    return out


def slots(med: Record, lo: date, hi: date) -> list[datetime]:
    """Scheduled dose times (local, aware) on days lo..hi, before any stop."""
    stop = stopped_at(med)
    found = [schedule.aware(m) for s in schedules(med) for m in s.occurrences(lo, hi)]
    return [m for m in found if stop is None or m < stop]


def _wall(moment: datetime | str) -> str:
    """Local wall-clock minute, the form scheduled doses are matched in."""
    return moment[:16] if isinstance(moment, str) else moment.strftime("%Y-%m-%dT%H:%M")


def describe(med: Record) -> str:
    words = schedule.describe(med["rrule"])
    return words + (f", until {med['end']}" if med.get("end") else "")


def _next_dose(med: Record, now: datetime) -> datetime | None:
    today = dates.local_day(now)
    for ahead in (31, 400):
        upcoming = [s for s in slots(med, today, today + timedelta(days=ahead)) if s >= now]
        if upcoming:
            return upcoming[0]
    return None


def _preset_of(med: Record) -> presets.Preset | None:
    if med.get("preset") in presets.PRESETS:
        return presets.PRESETS[med["preset"]]
    return presets.matching(med["name"])


def med_row(med: Record, now: datetime, *, upcoming: int = 0) -> Record:
    """A medication as shown by `med list`: the stored record plus plain words and status."""
    preset = _preset_of(med)
    nxt = _next_dose(med, now)
    row = {**med, "schedule": describe(med), "status": status(med, dates.local_day(now)),
           "next": dates.iso(nxt) if nxt else None,
           "advice": list(preset.notes) if preset else [],
           "source": preset.source if preset else ""}
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
        raise BadInput(f"{ways[0]} and {ways[1]} cannot be used together",
                       "give the schedule one way (--times may go with any except --as-needed)")
    times = schedule.parse_times(flags.times) if flags.times else []
    if flags.as_needed:
        if times:
            raise BadInput("a medicine taken as needed has no --times", "leave out --times or --as-needed")
        return Built("", as_needed=True)
    if flags.preset:
        preset = presets.get(flags.preset)
        return Built(schedule.dump(preset.rules(times)), preset=preset)
    if flags.rrule:
        rules, dtstart = schedule.parse_input(flags.rrule)
        if times and not schedule.untimed(rules):
            raise BadInput("the rule already gives the times (BYHOUR)",
                           "leave out --times, or take BYHOUR out of the rule")
        if not times:
            times = [dtstart.time()] if dtstart and dtstart.time() != time() else [schedule.DEFAULT_TIME]
        return Built(schedule.dump(schedule.retime(rules, times, only_untimed=True)), dtstart=dtstart)
    if times or flags.days or flags.every:
        weekdays = schedule.parse_weekdays(flags.days) if flags.days else []
        every = schedule.parse_every(flags.every) if flags.every else None
        return Built(schedule.dump(schedule.from_flags(times, weekdays, every)))
    match = presets.matching(name) if name else None
    suggestion = f"; for {name} the usual schedule is --preset {match.key}" if match and name else ""
    raise BadInput("how often is it given?", "add --times 08:00,20:00, --days mon,wed,fri, --every 28d, "
                   f"--as-needed, --rrule 'RRULE:...' or --preset NAME{suggestion}")


def _end(text: str | None, start: date) -> date | None:
    if text is None or text.strip().lower() in ("", "none"):
        return None
    end = dates.parse_day(text)
    if end < start:
        raise BadInput(f"the end date {end} is before the start date {start}", "check the two dates")
    return end


def _clash(household: Household, name: str, keep: Record | None = None) -> None:
    for med in household.medications:
        if med is not keep and not med.get("stopped") and name_key(med["name"]) == name_key(name):
            raise BadInput(f"{med['name']} is already on the list",
                           f"change it with `caretool med edit {med['name']} ...`, or stop it first "
                           "with `caretool med stop NAME`")


def add(store: StoreLike, *, name: str | None, dose: str | None, flags: ScheduleFlags,
        start: str | None = None, end: str | None = None, note: str | None = None,
        now: datetime | None = None) -> Record:
    """Add a medication; returns its row (with the preset's notes as `advice`)."""
    now = now or dates.now()
    household = journal.load(store)
    built = build_schedule(flags, name)
    preset = built.preset
    if not name and not preset:
        raise BadInput("which medicine?", "give its name, e.g. `caretool med add baclofen --dose '5 mg' "
                       "--times 08:00,14:00,20:00`")
    name = clean_name(name or (preset.name if preset else ""), what="medication name")
    _clash(household, name)
    if not (dose or preset):
        raise BadInput("the dose is missing", "add --dose, e.g. --dose '50 mg'")
    dose_text = clean_text(dose, what="dose", limit=80) if dose else (preset.dose if preset else "")
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
        "added": dates.iso(now), "former_names": [], "earlier": [],
    }
    household.medications.append(med)
    journal.save_household(store, household, f"add medication {name}")
    return med_row(med, now)


def listing(store: StoreLike, name: str | None = None, now: datetime | None = None) -> list[Record]:
    """Every medication (active first, then stopped/ended), or the one named with its next doses."""
    now = now or dates.now()
    household = journal.load(store)
    if name:
        return [med_row(find(household, name), now, upcoming=6)]
    rows = [med_row(m, now) for m in household.medications]
    order = {"active": 0, "not started": 1, "ended": 2, "stopped": 3}
    return sorted(rows, key=lambda r: (order[r["status"]], name_key(r["name"])))


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
    household = journal.load(store)
    med = find(household, name, include_stopped=False)
    moment = _moment_or_day(at, now) if at else now
    if moment - now > dates.FUTURE_TOLERANCE:
        raise BadInput(f"{moment:%Y-%m-%d %H:%M} is in the future",
                       f"to plan the last day, use `caretool med edit {med['name']} --end DATE`")
    if dates.local_day(moment) < date.fromisoformat(med["start"]):
        raise BadInput(f"{med['name']} started on {med['start']}, after {moment:%Y-%m-%d}",
                       "give a date on or after the start")
    med["stopped"] = dates.iso(moment)
    journal.save_household(store, household, f"stop medication {med['name']}")
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
            until = _day(period["until"])
            last = from_day - timedelta(days=1) if until is None or until >= from_day else until
            kept.append({"rrule": period["rrule"], "until": last.isoformat()})
            first = last + timedelta(days=1)
    med["earlier"] = kept
    med["rrule"], med["as_needed"] = built.rules, built.as_needed


def edit(store: StoreLike, name: str, *, new_name: str | None = None, dose: str | None = None,
         flags: ScheduleFlags | None = None, start: str | None = None, end: str | None = None,
         note: str | None = None, from_day: str | None = None,
         now: datetime | None = None) -> tuple[Record, Record]:
    """Change a medication. A new schedule applies from --from (default today); the days before
    keep the schedule they had, so past doses stay matched."""
    now = now or dates.now()
    flags = flags or ScheduleFlags()
    household = journal.load(store)
    med = find(household, name)
    before = copy.deepcopy(med)
    if new_name is not None:
        cleaned = clean_name(new_name, what="medication name")
        _clash(household, cleaned, keep=med)
        if name_key(cleaned) != name_key(med["name"]):
            med["former_names"] = [*med.get("former_names", []), med["name"]]
        med["name"] = cleaned
    if dose is not None:
        med["dose"] = clean_text(dose, what="dose", limit=80)
    if note is not None:
        med["notes"] = clean_text(note) if note.strip() else ""
    if start is not None:
        first = dates.parse_day(start)
        household.check_day(first)
        med["start"] = first.isoformat()
    if end is not None or start is not None:
        last = _end(end if end is not None else med.get("end"), date.fromisoformat(med["start"]))
        med["end"] = last.isoformat() if last else None
    if from_day is not None and not flags.given():
        raise BadInput("--from says when a new schedule begins", "add the new schedule, e.g. --times 09:00")
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
    if med == before:
        raise BadInput("nothing to change", "add what changes, e.g. --dose '100 mg' or --times 09:00,21:00")
    journal.save_household(store, household, f"edit medication {med['name']}")
    return med_row(before, now), med_row(med, now)


# --- doses: what was scheduled and what happened ------------------------------------------------
def _dose_records(store: StoreLike, lo: date, hi: date) -> list[Record]:
    return [r for r in store.records_between(lo, hi) if r["kind"] == "dose"]


def _window(lo: date, hi: date, now: datetime) -> tuple[date, date]:
    """The days whose entries can hold the doses scheduled on lo..hi (early or late ones)."""
    span = timedelta(days=MATCH_DAYS)
    return lo - span, max(hi, min(hi + span, dates.local_day(now)))


def _index(records: Sequence[Record]) -> dict[tuple[str, str], list[Record]]:
    index: dict[tuple[str, str], list[Record]] = {}
    for r in records:
        if r.get("scheduled_for") and not r.get("extra"):
            index.setdefault((name_key(r["medication"]), _wall(r["scheduled_for"])), []).append(r)
    return index


def _state(slot: datetime, found: Sequence[Record], now: datetime, grace: timedelta) -> Record:
    taken = [r for r in found if r["status"] == "taken"]
    skipped = [r for r in found if r["status"] == "skipped"]
    if taken:
        return {"state": "taken", "taken_at": taken[0]["at"], "reason": "", "entry": taken[0]["id"]}
    if skipped:
        return {"state": "skipped", "taken_at": None, "reason": skipped[-1].get("reason", ""),
                "entry": skipped[-1]["id"]}
    state = "upcoming" if now < slot else "due" if now - slot <= grace else "missed"
    return {"state": state, "taken_at": None, "reason": "", "entry": None}


def _rows(meds: Sequence[Record], records: Sequence[Record], lo: date, hi: date, now: datetime,
          grace: timedelta) -> list[Record]:
    index = _index(records)
    rows = []
    for med in meds:
        keys = _keys(med)
        for slot in slots(med, lo, hi):
            found = [r for k in keys for r in index.get((k, _wall(slot)), [])]
            rows.append({"name": med["name"], "dose": med["dose"], "time": f"{slot:%H:%M}",
                         "scheduled_for": dates.iso(slot), **_state(slot, found, now, grace)})
    rows.sort(key=lambda r: (_wall(r["scheduled_for"]), name_key(r["name"])))
    return rows


def doses_on(store: StoreLike, household: Household, day: date, now: datetime, *,
             grace: timedelta = GRACE) -> list[Record]:
    """The doses scheduled on a local day over all medications, sorted by time, each with its
    state: taken (taken_at), skipped (reason), missed, due or upcoming."""
    records = _dose_records(store, *_window(day, day, now))
    return _rows(household.medications, records, day, day, now, grace)


def due_today(store: StoreLike, household: Household, now: datetime, *,
              grace: timedelta = GRACE) -> list[Record]:
    return doses_on(store, household, dates.local_day(now), now, grace=grace)


def _unscheduled(records: Sequence[Record], lo: date, hi: date) -> list[Record]:
    return [r for r in records if lo.isoformat() <= r["day"] <= hi.isoformat()
            and r["status"] == "taken" and (r.get("extra") or not r.get("scheduled_for"))]


def due(store: StoreLike, day: str | None = None, now: datetime | None = None) -> Record:
    """`med due`: the day's scheduled doses and any extra or as-needed doses given that day."""
    now = now or dates.now()
    household = journal.load(store)
    when = dates.parse_day(day, ref=dates.local_day(now)) if day else dates.local_day(now)
    records = _dose_records(store, *_window(when, when, now))
    return {
        "date": when.isoformat(), "now": dates.iso(now), "grace_minutes": int(GRACE.total_seconds() // 60),
        "medications": len(household.medications),
        "doses": _rows(household.medications, records, when, when, now, GRACE),
        "unscheduled": [{"name": r["medication"], "at": r["at"], "dose": r.get("dose", ""),
                         "extra": bool(r.get("extra")), "entry": r["id"]}
                        for r in _unscheduled(records, when, when)],
    }


# --- recording a dose ---------------------------------------------------------------------------
def _pick_slot(store: StoreLike, med: Record, moment: datetime, for_time: str | None,
               pending: Sequence[Entry]) -> datetime:
    """The scheduled dose a recording is for: the one --for names; else the nearest dose within
    GRACE either side (the one being given now); else the last dose of the same day if it is
    still open (a late dose); else the nearest scheduled dose. A dose already recorded is
    matched all the same, so that giving it twice is refused."""
    day = dates.local_day(moment)
    window = slots(med, day - timedelta(days=MATCH_DAYS), day + timedelta(days=MATCH_DAYS))
    if for_time:
        text = for_time.strip()
        if re.fullmatch(r"\d{1,2}:\d{2}", text):
            wanted = dates.parse_time(text)
            candidates = [s for s in window if (s.hour, s.minute) == (wanted.hour, wanted.minute)]
        else:
            target = _wall(dates.parse_when(text, ref=moment))
            candidates = [s for s in window if _wall(s) == target]
        if not candidates:
            times = sorted({f"{s:%H:%M}" for s in window})
            raise BadInput(f"no {med['name']} dose is scheduled at {text}",
                           f"its scheduled times: {', '.join(times)}" if times else
                           "add --extra to record a dose outside the schedule")
        return min(candidates, key=lambda s: (abs(s - moment), s))
    if not window:
        raise BadInput(f"no {med['name']} dose is scheduled within {MATCH_DAYS} days of "
                       f"{moment:%Y-%m-%d %H:%M}", "add --extra to record a dose outside the schedule")
    now_window = [s for s in window if abs(s - moment) <= GRACE]
    if now_window:
        return min(now_window, key=lambda s: (abs(s - moment), s))
    before = [s for s in window if s < moment]
    if before and dates.local_day(before[-1]) == day and not _for_slot(store, med, before[-1], pending):
        return before[-1]
    return min(window, key=lambda s: (abs(s - moment), s))


def _for_slot(store: StoreLike, med: Record, slot: datetime, pending: Sequence[Entry]) -> list[Record]:
    lo, hi = _window(slot.date(), slot.date(), dates.now())
    records = _dose_records(store, lo, hi) + [e.to_record() for e in pending if e.kind == "dose"]
    keys = _keys(med)
    return [r for r in records if name_key(r["medication"]) in keys and not r.get("extra")
            and r.get("scheduled_for") and _wall(r["scheduled_for"]) == _wall(slot)]


def _clock(iso: str) -> str:
    return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")


def record_dose(store: StoreLike, household: Household, name: str, status: str, *,
                at: datetime | None = None, for_time: str | None = None, reason: str = "",
                extra: bool = False, caregiver: str | None = None, source: str = "log",
                pending: Sequence[Entry] = ()) -> Entry:
    """A validated dose entry (not stored), matched to the nearest scheduled dose.

    Save it with journal.add_entries (one undoable change, several entries allowed; pass the
    entries already built for that change as `pending` so duplicates among them are refused).
    Refuses a second 'taken' for the same scheduled dose unless extra=True. As-needed medicines
    just record. The once-a-day medicine notes come from `dose_notes(...)`, not from warnings.
    """
    if status not in ("taken", "skipped"):
        raise BadInput(f"dose status {status!r} is unknown", "use taken or skipped")
    moment = at or dates.now()
    dates.check_not_future(moment)
    household.check_day(dates.local_day(moment))
    med = find(household, name)
    stop = stopped_at(med)
    if stop and moment >= stop:
        raise BadInput(f"{med['name']} was stopped on {_clock(med['stopped'])}",
                       "to give it again, add it with `caretool med add`")
    scheduled_for = None
    if med.get("as_needed"):
        if status == "skipped":
            raise BadInput(f"{med['name']} is taken as needed, so there is no dose to skip",
                           "record only the doses given, with `caretool med take`")
        if for_time:
            raise BadInput(f"{med['name']} is taken as needed, so it has no scheduled times",
                           "leave out --for")
        extra = False
    elif extra:
        if status == "skipped" or for_time:
            raise BadInput("--extra records a dose given outside the schedule",
                           "leave out --for (or --extra), and only use it with `med take`")
    else:
        slot = _pick_slot(store, med, moment, for_time, pending)
        found = _for_slot(store, med, slot, pending)
        taken = [r for r in found if r["status"] == "taken"]
        what = f"the {slot:%Y-%m-%d %H:%M} {med['name']} dose"
        if taken:
            raise BadInput(
                f"{what} was already given at {_clock(taken[0]['at'])}",
                "for an extra dose add --extra; for another scheduled dose give --for HH:MM; "
                f"to correct the earlier entry, `caretool delete {taken[0]['id'][:7]}`")
        if status == "skipped" and found:
            raise BadInput(f"{what} is already marked as skipped",
                           f"to correct it, `caretool delete {found[0]['id'][:7]}`")
        scheduled_for = dates.iso(slot)
    fields = {"medication": med["name"], "status": status, "scheduled_for": scheduled_for,
              "reason": reason, "extra": extra, "dose": med["dose"]}
    return journal.make_entry(store, household, "dose", fields, caregiver=caregiver, source=source,
                              moment=moment)


def dose_notes(store: StoreLike, household: Household, entry: Entry,
               pending: Sequence[Entry] = ()) -> list[dict[str, str]]:
    """Medicine notes for a dose entry, at most once a day per medicine: only when it is the
    first dose of that medicine given on that local day (stored entries and `pending` ones,
    i.e. others saved in the same change). Each note: medication, title, text, source, urgency
    "note". Notes are not red flags and are not stored."""
    if entry.kind != "dose" or entry.fields.get("status") != "taken":
        return []
    try:
        med = find(household, entry.fields["medication"])
    except BadInput:
        return []
    preset = _preset_of(med)
    note = presets.DOSE_NOTES.get(preset.key) if preset else None
    if note is None:
        return []
    since_start = (entry.day - date.fromisoformat(med["start"])).days
    if note.within_days is not None and since_start >= note.within_days:
        return []
    keys = _keys(med)
    others = [*store.records_between(entry.day, entry.day), *(e.to_record() for e in pending)]
    if any(r["kind"] == "dose" and r["id"] != entry.id and r["day"] == entry.day.isoformat()
           and r["status"] == "taken" and name_key(r["medication"]) in keys for r in others):
        return []
    return [{"medication": med["name"], "title": note.title, "text": note.text,
             "source": note.source, "urgency": "note"}]


def log_dose(store: StoreLike, name: str, status: str, *, at: str | None = None,
             for_time: str | None = None, reason: str | None = None, extra: bool = False,
             caregiver: str | None = None) -> tuple[Record, list[dict[str, str]]]:
    """`med take` / `med skip`: record one dose as an undoable change; returns it and its notes."""
    household = journal.load(store)
    if status == "skipped" and not (reason and reason.strip()):
        raise BadInput("why was the dose skipped?", "add --reason, e.g. --reason 'asleep'")
    moment = journal.resolve_moment(household, at) if at else None
    entry = record_dose(store, household, name, status, at=moment, for_time=for_time,
                        reason=reason or "", extra=extra, caregiver=caregiver)
    notes = dose_notes(store, household, entry)
    label = f"{'take' if status == 'taken' else 'skip'} {entry.fields['medication']}"
    return journal.add_entries(store, household, [entry], label)[0], notes


# --- adherence ------------------------------------------------------------------------------------
def _overlaps(med: Record, lo: date, hi: date) -> bool:
    stop, end = stopped_at(med), _day(med.get("end"))
    return (date.fromisoformat(med["start"]) <= hi and (end is None or end >= lo)
            and (stop is None or dates.local_day(stop) >= lo))


def _percent(part: int, whole: int) -> int | None:
    return (200 * part + whole) // (2 * whole) if whole else None  # rounded half up


def adherence(store: StoreLike, household: Household, start: date, end: date, now: datetime, *,
              grace: timedelta = GRACE) -> list[Record]:
    """Per medication over the local days start..end: scheduled doses whose outcome is known
    (taken, skipped or missed; doses still due or upcoming are not counted yet), the percentage
    taken, and the missed doses. `extra` counts doses given outside the schedule; for a medicine
    taken as needed, `taken` counts every dose given and `percent` is None."""
    if start > end:
        raise BadInput(f"the period starts ({start}) after it ends ({end})", "swap the two dates")
    records = _dose_records(store, *_window(start, end, now))
    out = []
    for med in household.medications:
        if not _overlaps(med, start, end):
            continue
        rows = [r for r in _rows([med], records, start, end, now, grace)
                if r["state"] in ("taken", "skipped", "missed")]
        counts = {state: sum(r["state"] == state for r in rows) for state in ("taken", "skipped", "missed")}
        keys, stop = _keys(med), stopped_at(med)
        lo = max(start, date.fromisoformat(med["start"]))
        hi = min(end, dates.local_day(stop)) if stop else end
        given = [r for r in _unscheduled(records, lo, hi) if name_key(r["medication"]) in keys]
        taken = len(given) if med.get("as_needed") else counts["taken"]
        out.append({
            "name": med["name"], "as_needed": bool(med.get("as_needed")), "scheduled": len(rows),
            "taken": taken, "skipped": counts["skipped"], "missed": counts["missed"],
            "extra": 0 if med.get("as_needed") else len(given),
            "percent": _percent(counts["taken"], len(rows)),
            "missed_doses": [r["scheduled_for"] for r in rows if r["state"] == "missed"],
        })
    return out


def adherence_report(store: StoreLike, days: str = "28", now: datetime | None = None) -> Record:
    """`med adherence --days N`: the last N local days, today included."""
    now = now or dates.now()
    count = parse_number(days, what="days", low=1, high=366, hint="give a whole number of days, 1 to 366")
    if count != int(count):
        raise BadInput(f"days {days} is not a whole number", "give a whole number of days, 1 to 366")
    end = dates.local_day(now)
    start = end - timedelta(days=int(count) - 1)
    household = journal.load(store)
    return {"from": start.isoformat(), "to": end.isoformat(), "days": int(count),
            "medications": adherence(store, household, start, end, now)}
