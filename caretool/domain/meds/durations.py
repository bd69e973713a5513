"""Lengths of time as a caregiver types them: 30m, 2h, 1h30m, 90 min, 4 hours, 30분, 2시간.

Used by `med due --soon`, `med calendar --alarm` and `med add --min-gap`. A bare number has no
unit and is refused (is "4" four hours or four minutes?), except 0, which means no time at all
and is then checked against the option's range like any other length.
"""

from __future__ import annotations

import re
from datetime import timedelta

from caretool.core.errors import BadInput
from caretool.core.messages import Message, msg

UNREADABLE = msg("duration.unreadable", "cannot read {text!r} as a length of time")
UNREADABLE_HINT = msg("duration.unreadable.hint", "use minutes or hours, e.g. 30m, 2h or 1h30m")
NO_UNIT = msg("duration.no-unit", "{text!r} has no unit")
NO_UNIT_HINT = msg("duration.no-unit.hint", "add one: {text}m for minutes or {text}h for hours")
NEGATIVE = msg("duration.negative", "{option} {text} is a negative length of time")
OUT_OF_RANGE = msg("duration.out-of-range", "{option} {text} is out of range")
RANGE_HINT = msg("duration.range.hint", "use {low} to {high}")
MINUTES = msg("duration.minutes", "{count} min")
HOURS = msg("duration.hours", "{count} h")
HOURS_MINUTES = msg("duration.hours-minutes", "{hours} h {minutes} min")

_UNITS = {
    "m": 1, "min": 1, "mins": 1, "minute": 1, "minutes": 1, "분": 1,
    "h": 60, "hr": 60, "hrs": 60, "hour": 60, "hours": 60, "시간": 60,
    "d": 1440, "day": 1440, "days": 1440, "일": 1440,
}
_PART = re.compile(r"(\d{1,5}(?:\.\d{1,3})?)\s*([a-z]+|분|시간|일)")


def _minutes(text: str) -> float:
    raw = text.strip().lower()
    if raw in ("0", "0.0"):
        return 0.0
    if re.fullmatch(r"\d{1,5}(\.\d+)?", raw):
        raise BadInput(NO_UNIT(text=raw), NO_UNIT_HINT(text=raw))
    compact = raw.replace(" ", "")
    total, position = 0.0, 0
    for match in _PART.finditer(compact):
        if match.start() != position or match.group(2) not in _UNITS:
            raise BadInput(UNREADABLE(text=text.strip()), UNREADABLE_HINT)
        total += float(match.group(1)) * _UNITS[match.group(2)]
        position = match.end()
    if position != len(compact) or not compact:
        raise BadInput(UNREADABLE(text=text.strip()), UNREADABLE_HINT)
    return total


def parse(text: str, *, option: str, low: timedelta, high: timedelta) -> timedelta:
    """A length of time within [low, high], to the minute; BadInput (exit 2) otherwise."""
    raw = text.strip()
    if raw.startswith("-"):
        raise BadInput(NEGATIVE(option=option, text=raw), RANGE_HINT(low=spoken(low), high=spoken(high)))
    length = timedelta(minutes=round(_minutes(raw)))
    if not low <= length <= high:
        raise BadInput(OUT_OF_RANGE(option=option, text=raw), RANGE_HINT(low=spoken(low), high=spoken(high)))
    return length


def spoken(length: timedelta) -> Message:
    """'30 min', '4 h', '1 h 30 min'."""
    minutes = int(length.total_seconds() // 60)
    hours, rest = divmod(minutes, 60)
    if not hours:
        return MINUTES(count=minutes)
    return HOURS(count=hours) if not rest else HOURS_MINUTES(hours=hours, minutes=rest)
