"""Words the medication messages share: lists joined the reader's way, weekday names, clock times.

A list is a Message too ("08:00, 14:00 and 20:00"), so a translation chooses its own "and" and
its own order; it is rendered with the sentence it stands in.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import time

from caretool.core.messages import Message, msg

AND_TWO = msg("list.and-two", "{first} and {second}")
AND_MORE = msg("list.and-more", "{items} and {last}")
OR_TWO = msg("list.or-two", "{first} or {second}")
OR_MORE = msg("list.or-more", "{items} or {last}")
COMMA = msg("list.comma", "{items}, {next}")

WEEKDAY_NAMES: dict[str, Message] = {
    "MO": msg("weekday.monday", "Monday"),
    "TU": msg("weekday.tuesday", "Tuesday"),
    "WE": msg("weekday.wednesday", "Wednesday"),
    "TH": msg("weekday.thursday", "Thursday"),
    "FR": msg("weekday.friday", "Friday"),
    "SA": msg("weekday.saturday", "Saturday"),
    "SU": msg("weekday.sunday", "Sunday"),
}


def _commas(items: Sequence[Message | str]) -> Message | str:
    out = items[0]
    for item in items[1:]:
        out = COMMA(items=out, next=item)
    return out


def _joined(items: Iterable[Message | str], two: Message, more: Message) -> Message | str:
    items = list(items)
    if len(items) <= 1:
        return items[0] if items else ""
    if len(items) == 2:
        return two(first=items[0], second=items[1])
    return more(items=_commas(items[:-1]), last=items[-1])


def and_list(items: Iterable[Message | str]) -> Message | str:
    """'a', 'a and b', 'a, b and c'."""
    return _joined(items, AND_TWO, AND_MORE)


def or_list(items: Iterable[Message | str]) -> Message | str:
    """'a', 'a or b', 'a, b or c'."""
    return _joined(items, OR_TWO, OR_MORE)


def clock(times: Iterable[time]) -> Message | str:
    """'08:00 and 20:00'."""
    return and_list(f"{t:%H:%M}" for t in times)


def weekdays(codes: Iterable[str]) -> Message | str:
    """RFC 5545 day codes as names: 'Monday, Wednesday and Friday'."""
    return and_list(WEEKDAY_NAMES[code] for code in codes)
