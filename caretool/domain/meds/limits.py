"""Limits on a medicine taken as needed: at most N doses in any 24 hours, at least a gap apart.

The limits are the family's (from the prescriber or the pharmacist), stored on the medication as
`max_per_day` (1-24) and `min_gap` (minutes). `med take` refuses a dose that would break them,
naming the last dose and when the next is allowed, unless it is given with --override and a note
saying why; the check-in, which records what already happened, never refuses one.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from caretool.core import dates
from caretool.core.messages import Message, msg, msgn
from caretool.core.text import name_key, parse_whole
from caretool.domain.entries.model import Record
from caretool.domain.meds import durations

DAY = timedelta(hours=24)
MAX_PER_DAY = 24
MIN_GAP = timedelta(minutes=1)
MAX_GAP = timedelta(hours=48)

PER_DAY = msg("field.max-per-day", "--max-per-day")
PER_DAY_HINT = msg("limits.max-per-day.hint",
                   "give a whole number of doses from 1 to {limit}, e.g. --max-per-day 4")
NEEDS_AS_NEEDED = msg("limits.needs-as-needed",
                      "--max-per-day and --min-gap are for medicines taken as needed")
NEEDS_AS_NEEDED_HINT = msg("limits.needs-as-needed.hint",
                           "add --as-needed, or leave the limits out for a medicine on a schedule")
OVER_GAP = msg("limits.over-gap",
               "{name} was last given at {last}, less than {gap} before; "
               "the next dose is allowed from {next}")
OVER_COUNT = msgn(
    "limits.over-count",
    "{name} was already given {count} time in the 24 hours before (at most {limit}), last at {last}; "
    "the next dose is allowed from {next}",
    "{name} was already given {count} times in the 24 hours before (at most {limit}), last at {last}; "
    "the next dose is allowed from {next}")
OVERRIDE_HINT = msg("limits.override.hint",
                    "if the care team said to give it now, record it with --override --note 'who said so'")
OVERRIDE_NEEDS_NOTE = msg("limits.override-needs-note", "--override needs a note saying why")
OVERRIDE_NEEDS_NOTE_HINT = msg("limits.override-needs-note.hint",
                               "e.g. --override --note 'the nurse said one more is fine tonight'")
NOTE_NEEDS_OVERRIDE = msg("limits.note-needs-override", "--note goes with --override")
NOTE_NEEDS_OVERRIDE_HINT = msg("limits.note-needs-override.hint",
                               "add --override to give a dose over the limits, or leave out --note")
OVERRIDE_NO_LIMITS = msg("limits.override-no-limits", "{name} has no limits to override")
OVERRIDE_NO_LIMITS_HINT = msg("limits.override-no-limits.hint",
                              "leave out --override; limits are set with `caretool med edit {name} "
                              "--max-per-day N --min-gap 4h`")


def parse_per_day(text: str) -> int | None:
    """--max-per-day: 1 to 24 ("none" clears it)."""
    if text.strip().lower() == "none":
        return None
    return parse_whole(text, what=PER_DAY, low=1, high=MAX_PER_DAY, hint=PER_DAY_HINT(limit=MAX_PER_DAY))


def parse_gap(text: str) -> int | None:
    """--min-gap in minutes: 1 minute to 48 hours ("none" clears it)."""
    if text.strip().lower() == "none":
        return None
    return int(durations.parse(text, option="--min-gap", low=MIN_GAP, high=MAX_GAP).total_seconds() // 60)


def limits_of(med: Record) -> tuple[int | None, int | None]:
    """(max_per_day, min_gap minutes) when readable and the medicine is taken as needed."""
    if not med.get("as_needed"):
        return None, None

    def whole(value: Any, high: int) -> int | None:
        fine = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= high
        return value if fine else None

    return (whole(med.get("max_per_day"), MAX_PER_DAY),
            whole(med.get("min_gap"), int(MAX_GAP.total_seconds() // 60)))


def _clock(moment: datetime, now: datetime) -> str:
    local = moment.astimezone()
    return f"{local:%H:%M}" if dates.local_day(local) == dates.local_day(now) else f"{local:%Y-%m-%d %H:%M}"


def check(med: Record, moment: datetime, given: Sequence[Record]) -> Message | None:
    """Why a dose of `med` at `moment` breaks its limits (a Message), or None when it does not.

    `given` are the entries of the days around `moment` (any kinds, any medicines)."""
    per_day, gap_minutes = limits_of(med)
    if per_day is None and gap_minutes is None:
        return None
    names = {name_key(n) for n in [med["name"], *med.get("former_names", [])]}
    times = sorted(datetime.fromisoformat(r["at"]) for r in given
                   if r.get("kind") == "dose" and r.get("status") == "taken"
                   and name_key(str(r.get("medication", ""))) in names)
    if gap_minutes is not None:
        gap = timedelta(minutes=gap_minutes)
        close = [t for t in times if abs(t - moment) < gap]
        if close:
            last = max(close)
            return OVER_GAP(name=med["name"], last=_clock(last, moment), gap=durations.spoken(gap),
                            next=_clock(last + gap, moment))
    if per_day is not None:
        before = [t for t in times if moment - DAY < t <= moment]
        after = [t for t in times if moment <= t < moment + DAY]
        if len(before) + 1 > per_day or len(after) + 1 > per_day:
            window = before if len(before) + 1 > per_day else after
            allowed = before[len(before) - per_day] + DAY if len(before) + 1 > per_day else max(after) + DAY
            return OVER_COUNT(name=med["name"], count=len(window), limit=per_day,
                              last=_clock(max(window), moment), next=_clock(allowed, moment))
    return None
