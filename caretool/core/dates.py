"""Dates and times as caregivers type them, turned into timezone-aware values.

A "day" is a local calendar day: "yesterday" is computed with calendar arithmetic, never by
subtracting 24 hours, because days around a daylight-saving change last 23 or 25 hours.
"""

from __future__ import annotations

import os
import re
import unicodedata
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

# Korean, always accepted alongside the English words (whatever language the screens are in):
# 오늘, 어제, 그저께, 3일 전, 월요일 (the most recent), 지난주 월요일 (Monday of last week, as
# Korean means it), 이번 주 월요일, 2026년 11월 20일, 11월 20일 (this year), and times such as
# 오후 8시 30분, 저녁 8시 반, 20시.
KO_DAY_WORDS = {"오늘": 0, "어제": 1, "그저께": 2, "그제": 2, "그끄저께": 3, "내일": -1}
KO_WEEKDAYS = ("월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일")
_KO_DAYS_AGO = re.compile(r"(\d{1,4})\s*일\s*전")
_KO_WEEK = re.compile(r"(지난|이번|저번)\s*주\s*([월화수목금토일])요일")
_KO_WEEKDAY = re.compile(r"([월화수목금토일])요일(?:날)?")
_KO_DATE = re.compile(r"(?:(\d{4})\s*년\s*)?(\d{1,2})\s*월\s*(\d{1,2})\s*일")
_KO_TIME = re.compile(r"(?:(오전|오후|아침|낮|저녁|밤|새벽)\s*)?(\d{1,2})\s*시(?:\s*(\d{1,2})\s*분|\s*(반))?")
_KO_AFTERNOON = ("오후", "낮", "저녁", "밤")
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
    return " ".join(unicodedata.normalize("NFC", text).strip().lower().split())


def _korean_day(word: str, ref: date) -> date | None:
    """A day named in Korean (see KO_DAY_WORDS and the patterns above), or None."""
    if word in KO_DAY_WORDS:
        return ref - timedelta(days=KO_DAY_WORDS[word])
    if match := _KO_DAYS_AGO.fullmatch(word):
        return _check_years(ref - timedelta(days=int(match.group(1))), word)
    if match := _KO_WEEK.fullmatch(word):
        target = "월화수목금토일".index(match.group(2))
        monday = ref - timedelta(days=ref.weekday())
        if match.group(1) != "이번":
            monday -= timedelta(days=7)
        return monday + timedelta(days=target)
    if match := _KO_WEEKDAY.fullmatch(word):
        return ref - timedelta(days=(ref.weekday() - "월화수목금토일".index(match.group(1))) % 7)
    if match := _KO_DATE.fullmatch(word):
        year = int(match.group(1)) if match.group(1) else ref.year
        try:
            day = date(year, int(match.group(2)), int(match.group(3)))
        except ValueError:
            raise BadInput(NOT_REAL(text=word), DATE_HINT) from None
        return _check_years(day, word)
    return None


def parse_day(text: str, *, ref: date | None = None) -> date:
    """A date from words such as 2026-11-20, today, yesterday, 3 days ago, tuesday, last monday,
    or their Korean forms (오늘, 어제, 그저께, 3일 전, 화요일, 지난주 월요일, 2026년 11월 20일)."""
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
    korean = _korean_day(word, ref)
    if korean is not None:
        return korean
    raise BadInput(UNREADABLE(text=shown(text.strip())), DATE_HINT)


def parse_time(text: str) -> time:
    """HH:MM, or a Korean time: 20시, 오후 8시 30분, 저녁 8시 반, 오전 9시."""
    word = _normalise(text)
    korean = _KO_TIME.fullmatch(word)
    if korean:
        return _korean_time(korean, text)
    match = _TIME.fullmatch(word)
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise BadInput(TIME_UNREADABLE(text=shown(text.strip())), TIME_HINT)
    return time(int(match.group(1)), int(match.group(2)))


def _korean_time(match: re.Match[str], text: str) -> time:
    part, hour = match.group(1), int(match.group(2))
    minute = 30 if match.group(4) else int(match.group(3) or 0)
    if part is not None:  # 오후 8시 is 20:00; 오후 12시 is noon, 밤 12시 and 오전 12시 midnight
        if hour > 12 or hour == 0:
            raise BadInput(TIME_UNREADABLE(text=shown(text.strip())), TIME_HINT)
        if part in _KO_AFTERNOON:
            hour = 0 if (part == "밤" and hour == 12) else (hour if hour == 12 else hour + 12)
        elif hour == 12:
            hour = 0
    if hour > 23 or minute > 59:
        raise BadInput(TIME_UNREADABLE(text=shown(text.strip())), TIME_HINT)
    return time(hour, minute)


def _split_time(word: str) -> tuple[str, str] | None:
    """('어제', '오후 8시 30분') from '어제 오후 8시 30분'; (day, 'HH:MM') from 'day HH:MM'."""
    parts = word.rsplit(" ", 1)
    if len(parts) == 2 and _TIME.fullmatch(parts[1]):
        return parts[0], parts[1]
    for match in _KO_TIME.finditer(word):
        if match.end() == len(word) and match.start() > 0 and word[match.start() - 1] == " ":
            return word[: match.start()].strip(), match.group(0)
    return None


def parse_when(text: str, *, ref: datetime | None = None, default_time: time | None = None) -> datetime:
    """A moment from a date, a date and a time, or a time alone (meaning today).

    A date without a time means now when it is today, else `default_time` (noon) so the
    entry stays on the day that was meant whatever the offset.
    """
    ref = ref or now()
    raw = unicodedata.normalize("NFC", text).strip()
    word = _normalise(raw)
    if word in ("now", "지금"):
        return ref
    if _ISO_DATETIME.fullmatch(raw):
        try:
            value = datetime.fromisoformat(raw.replace("Z", "+00:00"))
        except ValueError:
            raise BadInput(NOT_REAL_MOMENT(text=raw), WHEN_HINT) from None
        return _aware(value)
    if _TIME.fullmatch(word) or _KO_TIME.fullmatch(word):
        return _aware(datetime.combine(ref.date(), parse_time(word)))
    split = _split_time(word)
    if split is not None:
        day = parse_day(split[0], ref=ref.date())
        return _aware(datetime.combine(day, parse_time(split[1])))
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
