"""Dates and times as caregivers type them, turned into timezone-aware values.

A "day" is a local calendar day: "yesterday" is computed with calendar arithmetic, never by
subtracting 24 hours, because days around a daylight-saving change last 23 or 25 hours.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime, time, timedelta

from caretool.core.errors import BadInput
from caretool.core.messages import Message, msg
from caretool.core.text import shown

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_ABBR = {name[:3]: i for i, name in enumerate(WEEKDAYS)}
# Time zone offsets are allowed so exported entries can be typed back in.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_ISO_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?", re.ASCII
)
_TIME = re.compile(r"(\d{1,2}):(\d{2})", re.ASCII)
_DAYS_AGO = re.compile(r"(\d{1,4}) days? ago", re.ASCII)
_ISO_WEEK = re.compile(r"(\d{4})-?W(\d{2})", re.ASCII | re.IGNORECASE)
# Clock skew between a phone and a laptop should not make "now" look like the future.
FUTURE_TOLERANCE = timedelta(minutes=5)
# The years caretool reads: far enough either way for any life, and far from the calendar's edges
# (year 1 and 9999), where a week before or a day after does not exist.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2999, 12, 31)

DATE_HINT = msg("date.hint",
                "use YYYY-MM-DD, today, yesterday, 'N days ago', a weekday name or 'last monday'")
WHEN_HINT = msg("date.when-hint", "use YYYY-MM-DD, today, yesterday, 'N days ago', a weekday name or "
                "'last monday', optionally followed by a time such as 20:30")
EMPTY = msg("date.empty", "the date is empty")
NOT_REAL = msg("date.not-real", "{text!r} is not a real date")
UNREADABLE = msg("date.unreadable", "cannot read {text!r} as a date")
TIME_UNREADABLE = msg("date.time-unreadable", "cannot read {text!r} as a time")
TIME_HINT = msg("date.time-hint", "use HH:MM, for example 08:00")
NOT_REAL_MOMENT = msg("date.not-real-moment", "{text!r} is not a real date and time")
IN_THE_FUTURE = msg("date.future", "{when} is in the future")
FUTURE_HINT = msg("date.future.hint", "log what has happened; check the date and your computer's clock")
DAY_IN_THE_FUTURE_HINT = msg("date.future-day.hint", "choose today or an earlier day")
WEEK_UNREADABLE = msg("date.week-unreadable", "cannot read {text!r} as a week")
WEEK_HINT = msg("date.week-hint", "use an ISO week such as 2026-W47")
NO_SUCH_WEEK = msg("date.no-such-week", "{year} has no week {week}")
OUT_OF_YEARS = msg("date.out-of-years", "{text} is outside the years caretool handles ({first} to {last})")
OUT_OF_YEARS_HINT = msg("date.out-of-years.hint", "check the year")
NO_SUCH_TIME = msg("date.no-such-time", "{when} does not exist in this time zone: the clocks jumped "
                   "forward that night (daylight saving time began)")
NO_SUCH_TIME_HINT = msg("date.no-such-time.hint",
                        "give a time before or after the jump, e.g. {before} or {after}")
TWICE_FIRST = msg("date.twice-first", "{when} happened twice that night (the clocks went back); this is "
                  "the first time, at UTC{offset}")
TWICE_SECOND = msg("date.twice-second", "{when} happened twice that night (the clocks went back); this is "
                   "the second time, at UTC{offset}")
TWICE_HINT = msg("date.twice.hint", "to mean the other one, give the offset, e.g. --at {other}")


def now() -> datetime:
    """The current local time, timezone-aware.

    CARETOOL_NOW (an ISO date-time) pins the clock, for reproducible demos and benchmarks.
    """
    pinned = os.environ.get("CARETOOL_NOW")
    if pinned:
        return _aware(datetime.fromisoformat(pinned))
    return datetime.now().astimezone()


def today() -> date:
    return now().date()


def _aware(value: datetime) -> datetime:
    """Attach the local offset valid at that wall-clock time (DST-correct).

    A wall-clock time skipped when the clocks jump forward is refused; one that happens twice
    when they go back is the first of the two (`ambiguity` says so).
    """
    _check_years(value.date(), value.isoformat(sep=" ", timespec="minutes"))
    if value.tzinfo is not None:
        return value
    value = value.replace(fold=0)
    moment = value.astimezone()
    if moment.replace(tzinfo=None) != value:
        before = (value - timedelta(hours=1)).strftime("%H:%M")
        after = (value + timedelta(hours=1)).strftime("%H:%M")
        raise BadInput(NO_SUCH_TIME(when=f"{value:%Y-%m-%d %H:%M}"),
                       NO_SUCH_TIME_HINT(before=before, after=after))
    return moment


def _check_years(day: date, text: str) -> date:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise BadInput(OUT_OF_YEARS(text=text, first=FIRST_DAY.year, last=LAST_DAY.year), OUT_OF_YEARS_HINT)
    return day


def _offset(moment: datetime) -> str:
    text = moment.strftime("%z")
    return f"{text[:3]}:{text[3:5]}"


def ambiguity(moment: datetime | str) -> tuple[Message, Message] | None:
    """When the local wall-clock time of `moment` happened twice (the night the clocks go back):
    a sentence saying which of the two it is, and a hint naming the other; else None."""
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    wall = moment.astimezone().replace(tzinfo=None)
    first, second = wall.replace(fold=0).astimezone(), wall.replace(fold=1).astimezone()
    if first.utcoffset() == second.utcoffset():
        return None
    this, other = (first, second) if moment == first else (second, first)
    line = TWICE_FIRST if this is first else TWICE_SECOND
    when = f"{wall:%Y-%m-%d %H:%M}"
    return (line(when=when, offset=_offset(this)),
            TWICE_HINT(other=f"{wall:%Y-%m-%dT%H:%M}{_offset(other)}"))


def local_day(moment: datetime) -> date:
    """The local calendar day an instant belongs to."""
    return moment.astimezone().date()


def day_length_hours(day: date) -> float:
    """23, 24 or 25: the length of a local day, which matters on daylight-saving days."""
    start = datetime.combine(day, time()).astimezone()
    end = datetime.combine(day + timedelta(days=1), time()).astimezone()
    return (end - start).total_seconds() / 3600


def _normalise(text: str) -> str:
    return " ".join(text.strip().lower().split())


def parse_day(text: str, *, ref: date | None = None) -> date:
    """A date from words such as 2026-11-20, today, yesterday, 3 days ago, tuesday, last monday."""
    ref = ref or today()
    word = _normalise(text)
    if not word:
        raise BadInput(EMPTY, DATE_HINT)
    if word == "today":
        return ref
    if word == "yesterday":
        return ref - timedelta(days=1)
    if word == "tomorrow":  # for looking ahead (doses due); logging refuses future times
        return ref + timedelta(days=1)
    if match := _DAYS_AGO.fullmatch(word):
        return _check_years(ref - timedelta(days=int(match.group(1))), word)
    strict_past = word.startswith("last ")
    name = word.removeprefix("last ").strip()
    if name in WEEKDAYS or name in _WEEKDAY_ABBR:
        target = WEEKDAYS.index(name) if name in WEEKDAYS else _WEEKDAY_ABBR[name]
        back = (ref.weekday() - target) % 7
        if strict_past and back == 0:
            back = 7
        return ref - timedelta(days=back)
    if _ISO_DATE.fullmatch(word):
        try:
            day = date.fromisoformat(word)
        except ValueError:
            raise BadInput(NOT_REAL(text=text.strip()), DATE_HINT) from None
        return _check_years(day, word)
    raise BadInput(UNREADABLE(text=shown(text.strip())), DATE_HINT)


def parse_time(text: str) -> time:
    match = _TIME.fullmatch(text.strip())
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise BadInput(TIME_UNREADABLE(text=shown(text.strip())), TIME_HINT)
    return time(int(match.group(1)), int(match.group(2)))


def parse_when(text: str, *, ref: datetime | None = None, default_time: time | None = None) -> datetime:
    """A moment from a date, a date and a time, or a time alone (meaning today).

    A date without a time means now when it is today, else `default_time` (noon) so the
    entry stays on the day that was meant whatever the offset.
    """
    ref = ref or now()
    raw = text.strip()
    word = _normalise(raw)
    if word == "now":
        return ref
    if _ISO_DATETIME.fullmatch(raw):
        try:
            value = datetime.fromisoformat(raw.replace("Z", "+00:00"))
        except ValueError:
            raise BadInput(NOT_REAL_MOMENT(text=raw), WHEN_HINT) from None
        return _aware(value)
    if _TIME.fullmatch(word):
        return _aware(datetime.combine(ref.date(), parse_time(word)))
    parts = word.rsplit(" ", 1)
    if len(parts) == 2 and _TIME.fullmatch(parts[1]):
        day = parse_day(parts[0], ref=ref.date())
        return _aware(datetime.combine(day, parse_time(parts[1])))
    day = parse_day(word, ref=ref.date())
    if day == ref.date():
        return ref
    return _aware(datetime.combine(day, default_time or time(12, 0)))


def check_not_future(moment: datetime, *, ref: datetime | None = None) -> None:
    """Refuse a moment later than now (a few minutes of clock skew allowed)."""
    ref = ref or now()
    if moment - ref > FUTURE_TOLERANCE:
        raise BadInput(IN_THE_FUTURE(when=f"{moment:%Y-%m-%d %H:%M}"), FUTURE_HINT)


def check_day_not_future(day: date, *, ref: date | None = None) -> date:
    """Refuse a day after today; returns the day."""
    if day > (ref or today()):
        raise BadInput(IN_THE_FUTURE(when=day.isoformat()), DAY_IN_THE_FUTURE_HINT)
    return day


def parse_week(text: str) -> tuple[date, date]:
    """Monday and Sunday of an ISO week such as 2026-W47."""
    match = _ISO_WEEK.fullmatch(text.strip())
    if not match:
        raise BadInput(WEEK_UNREADABLE(text=shown(text.strip())), WEEK_HINT)
    year, week = int(match.group(1)), int(match.group(2))
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        raise BadInput(NO_SUCH_WEEK(year=year, week=week), WEEK_HINT) from None
    _check_years(monday, text.strip())
    return monday, _check_years(monday + timedelta(days=6), text.strip())


def week_label(day: date) -> str:
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def months_between(start: date, end: date) -> list[str]:
    """The YYYY-MM keys of every month from start to end, inclusive."""
    keys = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")
