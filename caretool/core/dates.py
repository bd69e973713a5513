"""Dates and times as caregivers type them, turned into timezone-aware values.

A "day" is a local calendar day: "yesterday" is computed with calendar arithmetic, never by
subtracting 24 hours, because days around a daylight-saving change last 23 or 25 hours.
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime, time, timedelta

from caretool.core.errors import BadInput
from caretool.core.messages import msg

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
    """Attach the local offset valid at that wall-clock time (DST-correct)."""
    if value.tzinfo is None:
        return value.astimezone()
    return value


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
        return ref - timedelta(days=int(match.group(1)))
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
            return date.fromisoformat(word)
        except ValueError:
            raise BadInput(NOT_REAL(text=text.strip()), DATE_HINT) from None
    raise BadInput(UNREADABLE(text=text.strip()), DATE_HINT)


def parse_time(text: str) -> time:
    match = _TIME.fullmatch(text.strip())
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise BadInput(TIME_UNREADABLE(text=text.strip()), TIME_HINT)
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
        raise BadInput(WEEK_UNREADABLE(text=text.strip()), WEEK_HINT)
    year, week = int(match.group(1)), int(match.group(2))
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        raise BadInput(NO_SUCH_WEEK(year=year, week=week), WEEK_HINT) from None
    return monday, monday + timedelta(days=6)


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
