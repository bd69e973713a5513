"""Doses: which were scheduled, what happened to each, which one a recording is for, adherence.

A dose entry (kind "dose") matches a scheduled dose by medication name and `scheduled_for`
(compared as local wall-clock time). A scheduled dose is "upcoming" before its time, "due" from
its time until GRACE after it (inclusive), and "missed" once more than GRACE has passed, unless
a dose entry says it was taken or skipped. Doses scheduled before the moment a medicine was put
on the list (`due_from`, set when it starts on the day it is added) are not due: they are left
out of the day and of adherence unless someone records them.

Which scheduled dose a recording is for (issue 18):
- the one the caller names (`for_slot`, the exact scheduled time a check-in prompt showed), or
  `--for` (HH:MM: the last dose at that time that has come or is within GRACE; or a date and time);
- else the nearest open dose of today, or of the past night (a dose due before midnight, given
  just after it): one within GRACE either side, else the latest one still open (given late),
  else the next one if it is nearer than the last one (given early);
- never a dose of a later day, and never a dose already taken or skipped: with no open dose a
  'taken' is recorded as an extra dose, and says why. A skip is changed to taken only on
  request (`replace`), so a skip never vanishes unseen.

Medicine notes (e.g. the 1-hour fast after oral edaravone, a medicine given again and again)
are NOT red-flag warnings: they come from `dose_notes`, never from entry.warnings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from caretool.core import dates
from caretool.core.errors import BadInput
from caretool.core.messages import Message, msg, msgn
from caretool.core.text import name_key
from caretool.domain.entries import service as entries
from caretool.domain.entries.model import Entry, Record
from caretool.domain.household.model import Household
from caretool.domain.meds import presets, schedule
from caretool.domain.meds.names import find, keys
from caretool.domain.meds.schedule import Schedule
from caretool.domain.meds.wording import and_list

StoreLike = entries.StoreLike

GRACE = timedelta(hours=2)
MATCH_DAYS = 14  # a dose entry is matched to a scheduled dose at most this many days away
PAST_NIGHT = timedelta(hours=6)  # yesterday's dose given after midnight: at most this late
# "Given N times" notes (a word, not a limit; the family's own limits per medicine are in limits.py):
REPEAT_HOUR = 2  # doses of one medicine within an hour
REPEAT_DAY = 4  # doses of an as-needed medicine within 24 hours

UNKNOWN_STATUS = msg("dose.unknown-status", "dose status {status!r} is unknown")
UNKNOWN_STATUS_HINT = msg("dose.unknown-status.hint", "use taken or skipped")
WAS_STOPPED = msg("dose.med-stopped", "{name} was stopped on {when}")
WAS_STOPPED_HINT = msg("dose.med-stopped.hint", "to give it again, add it with `caretool med add`")
AS_NEEDED_NO_SKIP = msg("dose.as-needed-no-skip", "{name} is taken as needed, so there is no dose to skip")
AS_NEEDED_NO_SKIP_HINT = msg("dose.as-needed-no-skip.hint",
                             "record only the doses given, with `caretool med take`")
AS_NEEDED_NO_FOR = msg("dose.as-needed-no-for", "{name} is taken as needed, so it has no scheduled times")
AS_NEEDED_NO_FOR_HINT = msg("dose.as-needed-no-for.hint", "leave out --for")
EXTRA_MISUSED = msg("dose.extra-misused", "--extra records a dose given outside the schedule")
EXTRA_MISUSED_HINT = msg("dose.extra-misused.hint",
                         "leave out --for (or --extra), and only use it with `med take`")
SLOT_UNREADABLE = msg("dose.slot-unreadable", "cannot read {slot!r} as the time of a scheduled dose")
SLOT_UNREADABLE_HINT = msg("dose.slot-unreadable.hint",
                           "give the dose's scheduled time, e.g. 2026-12-02T08:00:00+00:00")
NOT_SCHEDULED_AT = msg("dose.not-scheduled-at", "no {name} dose is scheduled at {when}")
SCHEDULED_TIMES_HINT = msg("dose.scheduled-times.hint", "its scheduled times: {times}")
EXTRA_HINT = msg("dose.extra.hint", "add --extra to record a dose outside the schedule")
LATER_DAY = msg("dose.later-day", "the {when} {name} dose is on a later day, so it cannot be recorded yet")
LATER_DAY_HINT = msg("dose.later-day.hint",
                     "record a dose given now with --extra; to move the schedule, `caretool med edit NAME`")
ALREADY_GIVEN = msg("dose.already-given", "the {when} {name} dose was already given at {at}")
ALREADY_GIVEN_HINT = msg("dose.already-given.hint",
                         "for an extra dose add --extra; for another scheduled dose give --for HH:MM; "
                         "to correct the earlier entry, `caretool delete {entry}`")
ALREADY_SKIPPED = msg("dose.already-skipped", "the {when} {name} dose is already marked as skipped")
ALREADY_SKIPPED_WHY = msg("dose.already-skipped-why",
                          "the {when} {name} dose is already marked as skipped ({reason})")
CORRECT_SKIP_HINT = msg("dose.correct-skip.hint", "to correct it, `caretool delete {entry}`")
TAKE_OVER_SKIP_HINT = msg("dose.take-over-skip.hint", "if it was given after all, change the skip with "
                          "`caretool med take {name} --for {time} --replace`")
GIVEN_TWICE = msg("dose.given-twice", "the {when} {name} dose was already given in these answers")
GIVEN_TWICE_HINT = msg("dose.given-twice.hint",
                       "name it once; for an extra dose, `caretool med take {name} --extra`")
NOTHING_TO_SKIP = msg("dose.nothing-to-skip", "no {name} dose is open today or last night to mark as skipped")
NOTHING_TO_SKIP_HINT = msg("dose.nothing-to-skip.hint", "name the dose with --for HH:MM (or a date and time)")
NO_DOSE_NEAR = msg("dose.no-dose-near", "no {name} dose is scheduled within {days} days of {when}")
NO_SKIPPED_TO_REPLACE = msg("dose.no-skip-to-replace", "the {when} {name} dose is not marked as skipped")
NO_SKIPPED_TO_REPLACE_HINT = msg("dose.no-skip-to-replace.hint",
                                 "--replace changes a skipped dose to taken; leave it out here")
REPLACE_NEEDS_FOR = msg("dose.replace-needs-for", "--replace needs the dose it changes")
REPLACE_NEEDS_FOR_HINT = msg("dose.replace-needs-for.hint",
                             "name it with --for HH:MM, e.g. --for 20:00 --replace")
# Why a dose given became an extra dose (said when it is recorded):
EXTRA_WAS_GIVEN = msg("dose.extra-because-given", "the {time} dose was already given at {at}")
EXTRA_WAS_SKIPPED = msg("dose.extra-because-skipped",
                        "the {time} dose is marked as skipped; to change that, use --for {time} --replace")
EXTRA_NONE_TODAY = msg("dose.extra-because-none", "no {name} dose is scheduled today")
# Notes on a dose (not warnings):
REPEAT_TITLE = msg("dose-note.repeat.title", "Given again")
REPEAT_HOUR_TEXT = msgn(
    "dose-note.repeat-hour",
    "{medication} was given {count} time in the last hour. If that was not meant, check with the other "
    "caregivers, and ask the pharmacist or care team how much is safe.",
    "{medication} was given {count} times in the last hour. If that was not meant, check with the other "
    "caregivers, and ask the pharmacist or care team how much is safe.")
REPEAT_DAY_TEXT = msgn(
    "dose-note.repeat-day",
    "{medication} was given {count} time in the last 24 hours. Ask the pharmacist or care team how much is "
    "safe in a day.",
    "{medication} was given {count} times in the last 24 hours. Ask the pharmacist or care team how much is "
    "safe in a day.")
PERIOD_BACKWARDS = msg("adherence.period-backwards", "the period starts ({start}) after it ends ({end})")
PERIOD_BACKWARDS_HINT = msg("adherence.period-backwards.hint", "swap the two dates")


# --- what was scheduled -------------------------------------------------------------------------
def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def stopped_at(med: Record) -> datetime | None:
    return datetime.fromisoformat(med["stopped"]) if med.get("stopped") else None


def due_from(med: Record) -> datetime | None:
    """The moment from which the medicine's doses are due (None: from its start date)."""
    return datetime.fromisoformat(med["due_from"]) if med.get("due_from") else None


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


def wall(moment: datetime | str) -> str:
    """Local wall-clock minute, the form scheduled doses are matched in."""
    return moment[:16] if isinstance(moment, str) else moment.strftime("%Y-%m-%dT%H:%M")


def _clock(iso: str) -> str:
    return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")


# --- what happened ----------------------------------------------------------------------------
def dose_records(store: StoreLike, lo: date, hi: date) -> list[Record]:
    return [r for r in store.records_between(lo, hi) if r["kind"] == "dose"]


def window(lo: date, hi: date, now: datetime) -> tuple[date, date]:
    """The days whose entries can hold the doses scheduled on lo..hi (early or late ones)."""
    span = timedelta(days=MATCH_DAYS)
    return lo - span, max(hi, min(hi + span, dates.local_day(now)))


def _index(records: Sequence[Record]) -> dict[tuple[str, str], list[Record]]:
    index: dict[tuple[str, str], list[Record]] = {}
    for r in records:
        if r.get("scheduled_for") and not r.get("extra"):
            index.setdefault((name_key(r["medication"]), wall(r["scheduled_for"])), []).append(r)
    return index


def _state(slot: datetime, found: Sequence[Record], now: datetime, grace: timedelta) -> Record:
    taken = [r for r in found if r["status"] == "taken"]
    skipped = [r for r in found if r["status"] == "skipped"]
    if taken:
        # Both taken and skipped (two computers merged, or older data): shown, not hidden.
        also = {"entry": skipped[-1]["id"], "reason": skipped[-1].get("reason", "")} if skipped else None
        return {"state": "taken", "taken_at": taken[0]["at"], "reason": "", "entry": taken[0]["id"],
                "also_skipped": also}
    if skipped:
        return {"state": "skipped", "taken_at": None, "reason": skipped[-1].get("reason", ""),
                "entry": skipped[-1]["id"], "also_skipped": None}
    state = "upcoming" if now < slot else "due" if now - slot <= grace else "missed"
    return {"state": state, "taken_at": None, "reason": "", "entry": None, "also_skipped": None}


def rows(meds: Sequence[Record], records: Sequence[Record], lo: date, hi: date, now: datetime,
         grace: timedelta) -> list[Record]:
    """The scheduled doses of lo..hi with their states, sorted by time."""
    index = _index(records)
    out = []
    for med in meds:
        names, begin = keys(med), due_from(med)
        for slot in slots(med, lo, hi):
            found = [r for k in names for r in index.get((k, wall(slot)), [])]
            if not found and begin is not None and slot < begin:
                continue  # scheduled before the medicine was on the list, and not recorded
            out.append({"name": med["name"], "dose": med["dose"], "time": f"{slot:%H:%M}",
                        "scheduled_for": dates.iso(slot), **_state(slot, found, now, grace)})
    out.sort(key=lambda r: (wall(r["scheduled_for"]), name_key(r["name"])))
    return out


def doses_on(store: StoreLike, household: Household, day: date, now: datetime, *,
             grace: timedelta = GRACE) -> list[Record]:
    """The doses scheduled on a local day over all medications, sorted by time, each with its
    state: taken (taken_at; also_skipped when a skip was recorded too), skipped (reason), missed,
    due or upcoming."""
    records = dose_records(store, *window(day, day, now))
    return rows(household.medications, records, day, day, now, grace)


def doses_between(store: StoreLike, household: Household, lo: date, hi: date, now: datetime, *,
                  grace: timedelta = GRACE) -> list[Record]:
    """The doses scheduled on the local days lo..hi, as doses_on gives them for one day."""
    records = dose_records(store, *window(lo, hi, now))
    return rows(household.medications, records, lo, hi, now, grace)


def due_today(store: StoreLike, household: Household, now: datetime, *,
              grace: timedelta = GRACE) -> list[Record]:
    return doses_on(store, household, dates.local_day(now), now, grace=grace)


def unscheduled(records: Sequence[Record], lo: date, hi: date) -> list[Record]:
    """Doses given outside the schedule (extra doses, as-needed medicines) on lo..hi."""
    return [r for r in records if lo.isoformat() <= r["day"] <= hi.isoformat()
            and r["status"] == "taken" and (r.get("extra") or not r.get("scheduled_for"))]


# --- which scheduled dose a recording is for ------------------------------------------------------
@dataclass
class _Match:
    slot: datetime | None  # None: an extra dose
    recorded: list[Record]  # entries already recorded for that slot
    extra_because: Message | None = None


def _recorded(med: Record, records: Sequence[Record]) -> dict[str, list[Record]]:
    names = keys(med)
    by_slot: dict[str, list[Record]] = {}
    for r in records:
        if (r.get("kind") == "dose" and name_key(r["medication"]) in names and not r.get("extra")
                and r.get("scheduled_for")):
            by_slot.setdefault(wall(r["scheduled_for"]), []).append(r)
    return by_slot


def _nearest(candidates: Sequence[datetime], moment: datetime) -> datetime:
    return min(candidates, key=lambda s: (abs(s - moment), s))


def _scheduled_times_hint(med: Record, near: Sequence[datetime]) -> Message:
    times = sorted({f"{s:%H:%M}" for s in near})
    return SCHEDULED_TIMES_HINT(times=and_list(times)) if times else EXTRA_HINT


def _target(value: datetime | str) -> datetime:
    """The scheduled time a caller named (an aware datetime or an ISO string), in local time."""
    try:
        return (value if isinstance(value, datetime) else datetime.fromisoformat(value)).astimezone()
    except (TypeError, ValueError):
        raise BadInput(SLOT_UNREADABLE(slot=str(value)), SLOT_UNREADABLE_HINT) from None


def _named(med: Record, moment: datetime, when: datetime, by_slot: dict[str, list[Record]]) -> _Match:
    """The scheduled dose at exactly `when` (a check-in's named dose, or --for DATE TIME)."""
    if dates.local_day(when) > dates.local_day(moment):
        raise BadInput(LATER_DAY(when=f"{when:%Y-%m-%d %H:%M}", name=med["name"]), LATER_DAY_HINT)
    day = dates.local_day(when)
    found = [s for s in slots(med, day, day) if wall(s) == wall(when)]
    if not found:
        raise BadInput(NOT_SCHEDULED_AT(name=med["name"], when=f"{when:%Y-%m-%d %H:%M}"),
                       _scheduled_times_hint(med, slots(med, day - timedelta(days=1), day)))
    return _Match(found[0], by_slot.get(wall(found[0]), []))


def _at_time(med: Record, moment: datetime, text: str, by_slot: dict[str, list[Record]],
             near: Sequence[datetime]) -> _Match:
    """--for HH:MM: the last dose at that time that has come (or comes within GRACE), else
    today's (given early); never one of a later day."""
    wanted = dates.parse_time(text)
    same = sorted(s for s in near if (s.hour, s.minute) == (wanted.hour, wanted.minute)
                  and dates.local_day(s) <= dates.local_day(moment))
    if not same:
        raise BadInput(NOT_SCHEDULED_AT(name=med["name"], when=text), _scheduled_times_hint(med, near))
    come = [s for s in same if s <= moment + GRACE]
    slot = come[-1] if come else same[0]
    return _Match(slot, by_slot.get(wall(slot), []))


def _open_dose(med: Record, moment: datetime, status: str, by_slot: dict[str, list[Record]],
               pending: set[str]) -> _Match:
    """No dose named: the nearest open dose of today or the past night, else an extra dose.

    A dose scheduled before the medicine was added is filled only when it is the one being given
    now (within GRACE), or when no other dose of today or the past night is left to fill;
    `pending` are the ids of entries built for this same change, where naming one dose twice
    is a mistake rather than an extra dose."""
    day = dates.local_day(moment)
    begin = due_from(med)
    near = [s for s in slots(med, day - timedelta(days=1), day)
            if dates.local_day(s) == day or timedelta() <= moment - s <= PAST_NIGHT]
    candidates = [s for s in near if begin is None or s >= begin or abs(s - moment) <= GRACE] or near
    open_ = [s for s in candidates if not by_slot.get(wall(s))]
    now_window = [s for s in open_ if abs(s - moment) <= GRACE]
    late = [s for s in open_ if s < moment]
    nearest = _nearest(candidates, moment) if candidates else None
    if now_window:
        return _Match(_nearest(now_window, moment), [])
    if late:
        return _Match(late[-1], [])
    if nearest is not None and nearest in open_:
        return _Match(nearest, [])  # given early: nearer to this dose than to the last one
    if status == "skipped":
        raise BadInput(NOTHING_TO_SKIP(name=med["name"]), NOTHING_TO_SKIP_HINT)
    if nearest is None:
        return _Match(None, [], EXTRA_NONE_TODAY(name=med["name"]))
    done = by_slot[wall(nearest)]
    taken = [r for r in done if r["status"] == "taken"]
    if taken and all(r["id"] in pending for r in done):
        raise BadInput(GIVEN_TWICE(when=f"{nearest:%H:%M}", name=med["name"]),
                       GIVEN_TWICE_HINT(name=med["name"]))
    given_at = f"{datetime.fromisoformat(taken[0]['at']).astimezone():%H:%M}" if taken else ""
    because = (EXTRA_WAS_GIVEN(time=f"{nearest:%H:%M}", at=given_at) if taken
               else EXTRA_WAS_SKIPPED(time=f"{nearest:%H:%M}"))
    return _Match(None, [], because)


def _match(store: StoreLike, med: Record, moment: datetime, status: str, *, for_time: str | None,
           for_slot: datetime | str | None, pending: Sequence[Entry]) -> _Match:
    day = dates.local_day(moment)
    text = (for_time or "").strip()
    named = _target(for_slot) if for_slot is not None else (
        dates.parse_when(text, ref=moment) if text and not (len(text) <= 5 and ":" in text) else None)
    # The entries that can hold the doses in question: a dose given early or late is stored on
    # its own day, up to MATCH_DAYS from the day it was scheduled.
    lo, hi = window(dates.local_day(named), dates.local_day(named), moment) if named else (
        day - timedelta(days=MATCH_DAYS), day)
    records = dose_records(store, lo, hi) + [e.to_record() for e in pending if e.kind == "dose"]
    by_slot = _recorded(med, records)
    if named is not None:
        return _named(med, moment, named, by_slot)
    if text:
        return _at_time(med, moment, text, by_slot, slots(med, day - timedelta(days=MATCH_DAYS), day))
    if not slots(med, day - timedelta(days=MATCH_DAYS), day + timedelta(days=MATCH_DAYS)):
        raise BadInput(NO_DOSE_NEAR(name=med["name"], days=MATCH_DAYS, when=f"{moment:%Y-%m-%d %H:%M}"),
                       EXTRA_HINT)
    return _open_dose(med, moment, status, by_slot, {e.id for e in pending})


# --- recording a dose ---------------------------------------------------------------------------
@dataclass
class Dose:
    """A dose entry ready to store, the stored skip it takes the place of (when `replace` was
    asked), and why a dose given became an extra dose that was not asked for as one."""

    entry: Entry
    replaces: Record | None = None
    extra_because: Message | None = None


def plan_dose(store: StoreLike, household: Household, name: str, status: str, *,
              at: datetime | None = None, for_time: str | None = None,
              for_slot: datetime | str | None = None, reason: str = "", extra: bool = False,
              replace: bool = False, caregiver: str | None = None, source: str = "log",
              pending: Sequence[Entry] = ()) -> Dose:
    """A validated dose, not stored; see the module docstring for which dose it fills.

    Refuses a second dose for a scheduled dose already taken, a skip of a dose already
    recorded, and 'taken' over a skip unless `replace` (then `replaces` is the skip to update).
    """
    if status not in ("taken", "skipped"):
        raise BadInput(UNKNOWN_STATUS(status=status), UNKNOWN_STATUS_HINT)
    moment = at or dates.now()
    dates.check_not_future(moment)
    household.check_day(dates.local_day(moment))
    med = find(household, name)
    stop = stopped_at(med)
    if stop and moment >= stop:
        raise BadInput(WAS_STOPPED(name=med["name"], when=_clock(med["stopped"])), WAS_STOPPED_HINT)
    if replace and not (for_time or for_slot):
        raise BadInput(REPLACE_NEEDS_FOR, REPLACE_NEEDS_FOR_HINT)
    scheduled_for, old, because = None, None, None
    if med.get("as_needed"):
        if status == "skipped":
            raise BadInput(AS_NEEDED_NO_SKIP(name=med["name"]), AS_NEEDED_NO_SKIP_HINT)
        if for_time or for_slot:
            raise BadInput(AS_NEEDED_NO_FOR(name=med["name"]), AS_NEEDED_NO_FOR_HINT)
        extra = False
    elif extra:
        if status == "skipped" or for_time or for_slot:
            raise BadInput(EXTRA_MISUSED, EXTRA_MISUSED_HINT)
    else:
        found = _match(store, med, moment, status, for_time=for_time, for_slot=for_slot, pending=pending)
        if found.slot is None:
            extra, because = True, found.extra_because
        else:
            old = _check_slot(med, found, status, replace)
            scheduled_for = dates.iso(found.slot)
    fields = {"medication": med["name"], "status": status, "scheduled_for": scheduled_for,
              "reason": reason if status == "skipped" else "", "extra": extra, "dose": med["dose"]}
    entry = entries.make_entry(store, household, "dose", fields, caregiver=caregiver, source=source,
                               moment=moment, replaces=old)
    return Dose(entry, old, because)


def _check_slot(med: Record, found: _Match, status: str, replace: bool) -> Record | None:
    """Refuse what would hide an earlier record of this dose; the skip to replace, if asked."""
    assert found.slot is not None
    when = f"{found.slot:%Y-%m-%d %H:%M}"
    taken = [r for r in found.recorded if r["status"] == "taken"]
    skipped = [r for r in found.recorded if r["status"] == "skipped"]
    if taken:
        raise BadInput(ALREADY_GIVEN(when=when, name=med["name"], at=_clock(taken[0]["at"])),
                       ALREADY_GIVEN_HINT(entry=taken[0]["id"][:7]))
    if skipped:
        skip = skipped[-1]
        if status == "taken" and replace:
            return skip
        refused = (ALREADY_SKIPPED_WHY(when=when, name=med["name"], reason=skip["reason"])
                   if skip.get("reason") else ALREADY_SKIPPED(when=when, name=med["name"]))
        hint = (TAKE_OVER_SKIP_HINT(name=med["name"], time=f"{found.slot:%H:%M}") if status == "taken"
                else CORRECT_SKIP_HINT(entry=skip["id"][:7]))
        raise BadInput(refused, hint)
    if replace:
        raise BadInput(NO_SKIPPED_TO_REPLACE(when=when, name=med["name"]), NO_SKIPPED_TO_REPLACE_HINT)
    return None


def record_dose(store: StoreLike, household: Household, name: str, status: str, *,
                at: datetime | None = None, for_time: str | None = None,
                for_slot: datetime | str | None = None, reason: str = "", extra: bool = False,
                caregiver: str | None = None, source: str = "log", pending: Sequence[Entry] = ()) -> Entry:
    """A validated dose entry (not stored), for the check-in and other callers.

    `for_slot` is the scheduled time a prompt named (the `scheduled_for` of a `doses_on` row, an
    ISO string or an aware datetime): that exact dose is recorded, or BadInput says why not
    (not scheduled then, already given, already skipped). Without it, the nearest open dose is
    filled, and a 'taken' with no open dose becomes an extra dose (entry.fields["extra"]).
    Save it with entries.add_entries (one undoable change, several entries allowed; pass the
    entries already built for that change as `pending` so duplicates among them are refused).
    Check an answer when it is given by calling this then: it stores nothing.
    """
    return plan_dose(store, household, name, status, at=at, for_time=for_time, for_slot=for_slot,
                     reason=reason, extra=extra, caregiver=caregiver, source=source, pending=pending).entry


# --- notes on a dose (not warnings, not stored) -----------------------------------------------------
def preset_of(med: Record) -> presets.Preset | None:
    if med.get("preset") in presets.PRESETS:
        return presets.PRESETS[med["preset"]]
    return presets.matching(med["name"])


def dose_notes(store: StoreLike, household: Household, entry: Entry,
               pending: Sequence[Entry] = ()) -> list[dict[str, Any]]:
    """Notes for a dose given: the medicine's label note, at most once a day per medicine (only for
    the first dose of that medicine on that local day, stored or `pending`), and, for an as-needed
    or extra dose, a note when the medicine was given several times in the last hour (as-needed:
    or in the last 24 hours).
    Each note: id ("label" or "repeat"), medication, title, text, source, source_id, urgency
    "note" (and count for "repeat"); title, text and source are Messages."""
    if entry.kind != "dose" or entry.fields.get("status") != "taken":
        return []
    try:
        med = find(household, entry.fields["medication"])
    except BadInput:
        return []
    names = keys(med)
    # Only an as-needed or extra dose looks back 24 hours; a scheduled dose needs its own day.
    back = 1 if med.get("as_needed") or entry.fields.get("extra") else 0
    others = [r for r in [*store.records_between(entry.day - timedelta(days=back), entry.day),
                          *(e.to_record() for e in pending)]
              if r["kind"] == "dose" and r["id"] != entry.id and r["status"] == "taken"
              and name_key(r["medication"]) in names]
    return [*_label_note(med, entry, others), *_repeat_note(med, entry, others)]


def _label_note(med: Record, entry: Entry, others: Sequence[Record]) -> list[dict[str, Any]]:
    preset = preset_of(med)
    note = presets.DOSE_NOTES.get(preset.key) if preset else None
    if note is None:
        return []
    since_start = (entry.day - date.fromisoformat(med["start"])).days
    if note.within_days is not None and since_start >= note.within_days:
        return []
    if any(r["day"] == entry.day.isoformat() for r in others):
        return []
    return [{"id": "label", "medication": med["name"], "title": note.title, "text": note.text,
             "source": note.source, "source_id": note.source_id, "urgency": "note"}]


def _repeat_note(med: Record, entry: Entry, others: Sequence[Record]) -> list[dict[str, Any]]:
    if not (med.get("as_needed") or entry.fields.get("extra")):
        return []  # a scheduled dose recorded late (catching up) is not a dose given again

    def within(span: timedelta) -> int:
        return 1 + sum(timedelta() <= entry.at - datetime.fromisoformat(r["at"]) <= span for r in others)

    hour, day = within(timedelta(hours=1)), within(timedelta(hours=24))
    if hour >= REPEAT_HOUR:
        text, count = REPEAT_HOUR_TEXT, hour
    elif med.get("as_needed") and day >= REPEAT_DAY:
        text, count = REPEAT_DAY_TEXT, day
    else:
        return []
    return [{"id": "repeat", "medication": med["name"], "title": REPEAT_TITLE,
             "text": text(medication=med["name"], count=count), "source": "", "source_id": "",
             "urgency": "note", "count": count}]


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
    (taken, skipped or missed; doses still due or upcoming are not counted yet, nor doses
    scheduled before the medicine was added), the percentage taken, and the missed doses.
    `extra` counts doses given outside the schedule; for a medicine taken as needed, `taken`
    counts every dose given, `per_day` lists each day of the period with its count
    ([{"day", "count"}]; empty for a scheduled medicine) and `percent` is None."""
    if start > end:
        raise BadInput(PERIOD_BACKWARDS(start=start.isoformat(), end=end.isoformat()), PERIOD_BACKWARDS_HINT)
    records = dose_records(store, *window(start, end, now))
    out = []
    for med in household.medications:
        if not _overlaps(med, start, end):
            continue
        known = [r for r in rows([med], records, start, end, now, grace)
                 if r["state"] in ("taken", "skipped", "missed")]
        counts = {state: sum(r["state"] == state for r in known) for state in ("taken", "skipped", "missed")}
        names, stop = keys(med), stopped_at(med)
        lo = max(start, date.fromisoformat(med["start"]))
        hi = min(end, dates.local_day(stop)) if stop else end
        given = [r for r in unscheduled(records, lo, hi) if name_key(r["medication"]) in names]
        taken = len(given) if med.get("as_needed") else counts["taken"]
        per_day = {}
        if med.get("as_needed"):  # how many were given on each day of the period
            per_day = {(start + timedelta(days=n)).isoformat(): 0 for n in range((end - start).days + 1)}
            for r in given:
                per_day[r["day"]] = per_day.get(r["day"], 0) + 1
        out.append({
            "name": med["name"], "as_needed": bool(med.get("as_needed")), "scheduled": len(known),
            "taken": taken, "skipped": counts["skipped"], "missed": counts["missed"],
            "extra": 0 if med.get("as_needed") else len(given),
            "percent": _percent(counts["taken"], len(known)),
            "missed_doses": [r["scheduled_for"] for r in known if r["state"] == "missed"],
            "per_day": [{"day": day, "count": count} for day, count in sorted(per_day.items())],
        })
    return out


def earlier_today(med: Record, now: datetime) -> list[str]:
    """HH:MM of today's doses that came before `now`: not due for a medicine added now."""
    today = dates.local_day(now)
    return [f"{s:%H:%M}" for s in slots(med, today, today) if s < now]

