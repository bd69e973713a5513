"""Medication schedules as RFC 5545 recurrence rules: parse, expand, check and re-time them
(plain_words.py says them in words).

A schedule is stored as text: RRULE, EXRULE, RDATE and EXDATE lines without a DTSTART, one per
line. The start date (day 1) and the end date are stored next to the text. Rules are expanded
with dateutil in local wall-clock time (naive datetimes), so a dose at 08:00 stays at 08:00 on
both sides of a daylight-saving change; the UTC offset is attached only when a dose time is shown
or stored (`aware`).

One extension, written as an RFC 5545 x-param so the lines stay valid: `RRULE;X-FROM-DAY=29:...`
anchors that rule on day 29 of the schedule instead of day 1. Plain RRULE cannot shift a rule
inside an interval, and 28-day cycles need that ("days 1-10 of each 28-day cycle from day 29").
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

from dateutil.parser import isoparse
from dateutil.rrule import rrule, rruleset, rrulestr

from caretool.core import dates
from caretool.core.errors import BadInput
from caretool.core.messages import msg

RULE_HINT = msg("schedule.rule.hint", "write RFC 5545 lines such as RRULE:FREQ=DAILY;BYHOUR=8,20;BYMINUTE=0")
PART_UNREADABLE = msg("schedule.part-unreadable", "cannot read {part!r} in the rule {rule}")
NO_RULE = msg("schedule.no-rule", "the --rrule text has no rule in it")
DTSTART_UNREADABLE = msg("schedule.dtstart-unreadable", "cannot read {line!r}")
DTSTART_HINT = msg("schedule.dtstart.hint", "write DTSTART:20261120T080000 (local time), or use --start")
LINE_UNREADABLE = msg("schedule.line-unreadable", "cannot read {line!r} as a schedule rule")
KIND_UNSUPPORTED = msg("schedule.kind-unsupported", "{kind} lines are not supported in a schedule")
KIND_HINT = msg("schedule.kind.hint",
                "use RRULE, EXRULE, RDATE or EXDATE lines; give the first day with --start")
PARAM_UNSUPPORTED = msg("schedule.param-unsupported", "the parameter {param!r} in {line!r} is not supported")
PARAM_HINT = msg("schedule.param.hint",
                 "caretool understands {param}=N on RRULE and EXRULE lines (N = day of the schedule, "
                 "1 = the start date); give times in local time")
TOO_OFTEN = msg("schedule.too-often", "{rule} repeats every few seconds or minutes")
TOO_OFTEN_HINT = msg("schedule.too-often.hint", "use FREQ=HOURLY, DAILY, WEEKLY, MONTHLY or YEARLY")
COUNT_AND_UNTIL = msg("schedule.count-and-until", "{rule} has both COUNT and UNTIL")
COUNT_AND_UNTIL_HINT = msg("schedule.count-and-until.hint", "keep one of them (RFC 5545)")
UNTIL_NOT_LOCAL = msg("schedule.until-not-local",
                      "UNTIL in {rule} must be a local date and time such as 20271231T235959")
UNTIL_HINT = msg("schedule.until.hint", "or leave UNTIL out and give the last day with --end")
RULE_UNREADABLE = msg("schedule.rule-unreadable", "cannot read the rule {rule}")
RULE_UNREADABLE_WHY = msg("schedule.rule-unreadable-why", "cannot read the rule {rule}: {detail}")
NO_TIME_OF_DAY = msg("schedule.no-time-of-day", "{value} has no time of day")
NO_TIME_OF_DAY_HINT = msg("schedule.no-time-of-day.hint", "add one, e.g. 20261203T090000 (local time)")
MOMENT_UNREADABLE = msg("schedule.moment-unreadable", "cannot read {value!r} as a date and time")
MOMENT_HINT = msg("schedule.moment.hint", "write e.g. 20261203T090000")
NEVER_DUE = msg("schedule.never-due", "the schedule has no RRULE or RDATE line, so no dose would ever be due")
NEVER_DUE_HINT = msg("schedule.never-due.hint", "add an RRULE line, or use --as-needed")
NO_DOSE_SOON = msg("schedule.no-dose-soon", "this schedule gives no dose in the {years} years after {start}")
NO_DOSE_SOON_HINT = msg("schedule.no-dose-soon.hint",
                        "check the rule (e.g. BYMONTHDAY=30 with BYMONTH=2 never happens)")
TOO_MANY = msg("schedule.too-many", "this schedule gives {count} doses in one day")
TOO_MANY_HINT = msg("schedule.too-many.hint", "check the rule; caretool allows at most {limit} a day")
NO_TIME = msg("schedule.no-time", "no time given")
NO_TIME_HINT = msg("schedule.no-time.hint", "use HH:MM, several separated by commas: --times 08:00,20:00")
WEEKDAY_UNREADABLE = msg("schedule.weekday-unreadable", "cannot read {word!r} as a day of the week")
WEEKDAY_HINT = msg("schedule.weekday.hint", "use names such as mon,wed,fri (or weekdays)")
NO_DAY = msg("schedule.no-day", "no day given")
EVERY_UNREADABLE = msg("schedule.every-unreadable", "cannot read {text!r} as an interval")
EVERY_HINT = msg("schedule.every.hint", "use a number of days, weeks or hours: 28d, 2w, 12h")
EVERY_OUT_OF_RANGE = msg("schedule.every-out-of-range", "--every {text} is out of range")
EVERY_RANGE_HINTS = {
    "h": msg("schedule.every-hours.hint", "use 1 to {limit} hours"),
    "d": msg("schedule.every-days.hint", "use 1 to {limit} days"),
    "w": msg("schedule.every-weeks.hint", "use 1 to {limit} weeks"),
}
HOURS_DO_NOT_FIT = msg("schedule.hours-do-not-fit", "every {count} hours does not fit into a day")
HOURS_DO_NOT_FIT_HINT = msg("schedule.hours-do-not-fit.hint",
                            "use 1, 2, 3, 4, 6, 8, 12 or 24 hours, or give the times with --times")
HOURS_WITH_DAYS = msg("schedule.hours-with-days", "--every in hours cannot be combined with --days")
HOURS_WITH_DAYS_HINT = msg("schedule.hours-with-days.hint", "use --every 12h alone, or --days with --times")
HOURS_ONE_TIME = msg("schedule.hours-one-time", "--every in hours takes one first time")
HOURS_ONE_TIME_HINT = msg("schedule.hours-one-time.hint",
                          "e.g. --every 12h --times 08:00 gives 08:00 and 20:00")
DAYS_WHOLE_WEEKS = msg("schedule.days-whole-weeks", "--days needs --every in whole weeks")
DAYS_WHOLE_WEEKS_HINT = msg("schedule.days-whole-weeks.hint", "e.g. --days mon --every 2w")
TIED_TO_TIMES = msg("schedule.tied-to-times", "this schedule has exceptions or extra dates tied to times")
WHOLE_AGAIN_HINT = msg("schedule.whole-again.hint", "give the whole schedule again with --rrule")
NO_FIXED_TIMES = msg("schedule.no-fixed-times", "{rule} repeats every few hours, so it has no fixed times")
NO_FIXED_TIMES_HINT = msg("schedule.no-fixed-times.hint",
                          "give the whole schedule again with --rrule or --every")
KINDS = ("RRULE", "EXRULE", "RDATE", "EXDATE")
FROM_DAY = "X-FROM-DAY"
MAX_FROM_DAY = 3660
MAX_PER_DAY = 24  # more doses than this in one day is a typo, not a schedule
CHECK_YEARS = 3  # a schedule must give at least one dose this soon after its start
DEFAULT_TIME = time(8, 0)
TIMED_FREQS = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_LINE = re.compile(r"([A-Z-]+)((?:;[^:;]+)*):(.+)", re.ASCII)
_EVERY = re.compile(r"(\d{1,4})\s*(h|hours?|d|days?|w|weeks?)?", re.ASCII)
_TIME_PARTS = ("BYHOUR", "BYMINUTE", "BYSECOND")


@dataclass(frozen=True)
class Rule:
    """One line of a schedule: RRULE, EXRULE, RDATE or EXDATE, anchored on `from_day`."""

    kind: str
    value: str
    from_day: int = 1

    @property
    def text(self) -> str:
        param = f";{FROM_DAY}={self.from_day}" if self.from_day != 1 else ""
        return f"{self.kind}{param}:{self.value}"

    def parts(self) -> dict[str, str]:
        return _parts(self.value)


def _parts(value: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in value.split(";"):
        key, sep, val = item.partition("=")
        if not sep or not key or not val:
            raise BadInput(PART_UNREADABLE(part=item, rule=value), RULE_HINT)
        out[key] = val
    return out


def _join(parts: dict[str, str]) -> str:
    return ";".join(f"{k}={v}" for k, v in parts.items())


# --- reading rules ---------------------------------------------------------------------
def parse(text: str) -> list[Rule]:
    """The rules of stored schedule text ("" when the medicine is taken as needed)."""
    return [_parse_line(line) for line in text.split()]


def dump(rules: Iterable[Rule]) -> str:
    return "\n".join(rule.text for rule in rules)


def parse_input(items: Sequence[str]) -> tuple[list[Rule], datetime | None]:
    """Rules typed by a user (lines separated by spaces or newlines) and an optional DTSTART.

    `FREQ=...` alone is read as an RRULE. A DTSTART line is returned, not stored: its date can
    become the start date and its time the default dose time.
    """
    rules: list[Rule] = []
    start: datetime | None = None
    for line in (word for item in items for word in item.split()):
        if line.upper().startswith("DTSTART"):
            start = _dtstart(line)
        else:
            rules.append(_parse_line(line))
    if not rules:
        raise BadInput(NO_RULE, RULE_HINT)
    return rules, start


def _dtstart(line: str) -> datetime:
    _, sep, value = line.partition(":")
    if not sep or ";" in line.split(":", 1)[0]:
        raise BadInput(DTSTART_UNREADABLE(line=line), DTSTART_HINT)
    return _moment(value)


def _parse_line(raw: str) -> Rule:
    line = raw.strip().upper().rstrip(";")
    if line.startswith("FREQ="):
        line = "RRULE:" + line
    match = _LINE.fullmatch(line)
    if not match:
        raise BadInput(LINE_UNREADABLE(line=raw), RULE_HINT)
    kind, params, value = match.groups()
    if kind not in KINDS:
        raise BadInput(KIND_UNSUPPORTED(kind=kind), KIND_HINT)
    from_day = 1
    for param in filter(None, params.split(";")):
        key, _, val = param.partition("=")
        if key == FROM_DAY and kind in ("RRULE", "EXRULE") and val.isdigit() \
                and 1 <= int(val) <= MAX_FROM_DAY:
            from_day = int(val)
        elif not (key == "VALUE" and val == "DATE-TIME" and kind in ("RDATE", "EXDATE")):
            raise BadInput(PARAM_UNSUPPORTED(param=param, line=raw.strip()), PARAM_HINT(param=FROM_DAY))
    rule = Rule(kind, value, from_day)
    if kind in ("RRULE", "EXRULE"):
        _check_rule(rule)
    else:
        _moments(value)
    return rule


def _check_rule(rule: Rule) -> None:
    parts = rule.parts()
    if parts.get("FREQ") in ("SECONDLY", "MINUTELY"):
        raise BadInput(TOO_OFTEN(rule=rule.text), TOO_OFTEN_HINT)
    if "COUNT" in parts and "UNTIL" in parts:
        raise BadInput(COUNT_AND_UNTIL(rule=rule.text), COUNT_AND_UNTIL_HINT)
    if "UNTIL" in parts and ("Z" in parts["UNTIL"] or "T" not in parts["UNTIL"]):
        raise BadInput(UNTIL_NOT_LOCAL(rule=rule.text), UNTIL_HINT)
    _rrule(rule.value, datetime(2000, 1, 1))


def _rrule(value: str, anchor: datetime) -> rrule:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = rrulestr(value, dtstart=anchor)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError) as exc:
        raise BadInput(RULE_UNREADABLE_WHY(rule=value, detail=str(exc)), RULE_HINT) from None
    if not isinstance(result, rrule):
        raise BadInput(RULE_UNREADABLE(rule=value), RULE_HINT)
    return result


def _moment(value: str) -> datetime:
    if "T" not in value:
        raise BadInput(NO_TIME_OF_DAY(value=value), NO_TIME_OF_DAY_HINT)
    try:
        moment = isoparse(value)
    except ValueError:
        raise BadInput(MOMENT_UNREADABLE(value=value), MOMENT_HINT) from None
    if moment.tzinfo is not None:  # given in UTC or with an offset: the local wall-clock time
        moment = moment.astimezone().replace(tzinfo=None)
    return moment


def _moments(value: str) -> list[datetime]:
    return [_moment(item) for item in value.split(",")]


# --- expanding -----------------------------------------------------------------------------
def _anchor(start: date, from_day: int) -> datetime:
    return datetime.combine(start + timedelta(days=from_day - 1), time())


def _skip_ahead(rule: Rule, anchor: datetime, near: date | None) -> datetime:
    """A later anchor in phase with the rule, so expanding years of a daily rule is quick.

    dateutil walks from DTSTART on every query; a DAILY or WEEKLY rule without COUNT repeats
    every INTERVAL days (or weeks), so moving DTSTART by whole periods keeps every dose.
    """
    if near is None:
        return anchor
    parts = rule.parts()
    step = {"DAILY": 1, "WEEKLY": 7}.get(parts.get("FREQ", ""), 0)
    if not step or "COUNT" in parts or "BYSETPOS" in parts:
        return anchor
    period = step * int(parts.get("INTERVAL", "1") or 1)
    periods = (near - anchor.date()).days // period - 1
    return anchor + timedelta(days=periods * period) if periods > 0 else anchor


def expand(rule: Rule, start: date) -> rrule:
    """One RRULE or EXRULE line as a dateutil rule on its own, anchored on its day of the schedule
    (naive local times; the calendar export writes each rule as an event series)."""
    return _rrule(rule.value, _anchor(start, rule.from_day))


def moments(rule: Rule) -> list[datetime]:
    """The local times of an RDATE or EXDATE line."""
    return _moments(rule.value)


def join(parts: dict[str, str]) -> str:
    """Rule parts back into RFC 5545 text (FREQ=DAILY;BYHOUR=8)."""
    return _join(parts)


@lru_cache(maxsize=256)
def _ruleset(text: str, start: date, near: date | None = None) -> rruleset:
    out = rruleset()
    for rule in parse(text):
        if rule.kind in ("RRULE", "EXRULE"):
            anchor = _skip_ahead(rule, _anchor(start, rule.from_day), near)
            (out.rrule if rule.kind == "RRULE" else out.exrule)(_rrule(rule.value, anchor))
        else:
            for moment in _moments(rule.value):
                (out.rdate if rule.kind == "RDATE" else out.exdate)(moment)
    return out


@dataclass(frozen=True)
class Schedule:
    """Stored rule text anchored on `start` (day 1), giving doses from `first` to `end`.

    `first` is later than `start` when an earlier schedule applied before it: the rules stay
    anchored on the start date, so a 28-day cycle keeps its days when its times change.
    """

    rules: str
    start: date
    end: date | None = None
    first: date | None = None

    def occurrences(self, lo: date, hi: date) -> list[datetime]:
        """Dose times (local, naive) on the days lo..hi inside this schedule's window."""
        lo = max(lo, self.first or self.start, self.start)
        if self.end is not None:
            hi = min(hi, self.end)
        if not self.rules or lo > hi:
            return []
        found = _ruleset(self.rules, self.start, lo).between(
            datetime.combine(lo, time()), datetime.combine(hi, time.max), inc=True)
        return list(found)

    def dose_days(self, lo: date, hi: date) -> list[date]:
        return sorted({moment.date() for moment in self.occurrences(lo, hi)})


def aware(moment: datetime) -> datetime:
    """A local wall-clock time with the UTC offset valid at that time (DST-correct).

    As RFC 5545 reads a time that happens twice (the clocks go back) as the first of the two, and
    a time the clocks skip (they jump forward) with the UTC offset from before the jump: a 02:30
    dose on that night is due at 03:30 new time, 24 real hours after the 02:30 dose the day
    before, and a calendar shows it at the same moment as `med due`.
    """
    local = moment.astimezone()
    if local.replace(tzinfo=None) == moment:
        return local
    before = (moment - timedelta(hours=6)).astimezone().utcoffset() or timedelta()
    return (moment - before).replace(tzinfo=UTC).astimezone()


def check(rules: Sequence[Rule], start: date) -> None:
    """Refuse schedules that never give a dose, or give an impossible number in a day."""
    if not any(rule.kind in ("RRULE", "RDATE") for rule in rules):
        raise BadInput(NEVER_DUE, NEVER_DUE_HINT)
    horizon = datetime.combine(start + timedelta(days=365 * CHECK_YEARS), time())
    bounded = Schedule(dump(_bounded(rule, horizon) for rule in rules), start)
    first = _ruleset(bounded.rules, start).after(datetime.combine(start, time()), inc=True)
    if first is None or first > horizon:
        raise BadInput(NO_DOSE_SOON(years=CHECK_YEARS, start=start.isoformat()), NO_DOSE_SOON_HINT)
    per_day: dict[date, int] = {}
    for moment in bounded.occurrences(start, start + timedelta(days=62)):
        per_day[moment.date()] = per_day.get(moment.date(), 0) + 1
    if per_day and max(per_day.values()) > MAX_PER_DAY:
        raise BadInput(TOO_MANY(count=max(per_day.values())), TOO_MANY_HINT(limit=MAX_PER_DAY))


def _bounded(rule: Rule, horizon: datetime) -> Rule:
    """The rule cut off at the horizon, so checking an impossible rule cannot run for ever."""
    if rule.kind not in ("RRULE", "EXRULE"):
        return rule
    parts = rule.parts()
    limit = f"{horizon:%Y%m%dT%H%M%S}"
    if "COUNT" in parts:
        return rule  # already finite; COUNT and UNTIL together are not allowed
    parts["UNTIL"] = min(parts.get("UNTIL", limit), limit)
    return Rule(rule.kind, _join(parts), rule.from_day)


# --- building rules from friendly flags ----------------------------------------------------
def parse_times(text: str) -> list[time]:
    """`08:00,20:00` -> sorted distinct times."""
    words = [w for w in re.split(r"[,\s]+", text.strip()) if w]
    if not words:
        raise BadInput(NO_TIME, NO_TIME_HINT)
    return sorted({dates.parse_time(word) for word in words})


DAY_GROUPS = {"weekdays": WEEKDAY_CODES[:5], "weekend": WEEKDAY_CODES[5:],
              "평일": WEEKDAY_CODES[:5], "주중": WEEKDAY_CODES[:5], "주말": WEEKDAY_CODES[5:]}


def parse_weekdays(text: str) -> list[str]:
    """`mon,wed,fri` (or full names, `weekdays`, `weekend`; in Korean 월,수,금, 월요일, 평일,
    주말) -> RFC 5545 codes in week order."""
    codes: set[str] = set()
    for word in (w for w in re.split(r"[,\s、·]+", text.strip().lower()) if w):
        if word in DAY_GROUPS:
            codes.update(DAY_GROUPS[word])
            continue
        korean = [code for code, name in zip(WEEKDAY_CODES, dates.KO_WEEKDAYS, strict=True)
                  if word in (name, name[0], name[:2])]  # 월요일, 월, 월요
        matches = korean or [code for code, name in zip(WEEKDAY_CODES, dates.WEEKDAYS, strict=True)
                             if len(word) >= 2 and name.startswith(word)]
        if len(matches) != 1:
            raise BadInput(WEEKDAY_UNREADABLE(word=word), WEEKDAY_HINT)
        codes.add(matches[0])
    if not codes:
        raise BadInput(NO_DAY, WEEKDAY_HINT)
    return [code for code in WEEKDAY_CODES if code in codes]


def parse_every(text: str) -> tuple[int, str]:
    """`28d`, `2w`, `12h` (a bare number means days) -> (count, unit h|d|w)."""
    match = _EVERY.fullmatch(text.strip().lower())
    if not match:
        raise BadInput(EVERY_UNREADABLE(text=text.strip()), EVERY_HINT)
    count, unit = int(match.group(1)), (match.group(2) or "d")[0]
    limits = {"h": 24, "d": 366, "w": 52}
    if not 1 <= count <= limits[unit]:
        raise BadInput(EVERY_OUT_OF_RANGE(text=text.strip()), EVERY_RANGE_HINTS[unit](limit=limits[unit]))
    if unit == "h" and 24 % count:
        raise BadInput(HOURS_DO_NOT_FIT(count=count), HOURS_DO_NOT_FIT_HINT)
    return count, unit


def _time_groups(times: Sequence[time]) -> list[tuple[list[int], int]]:
    """Times grouped by minute: one RRULE per group keeps BYHOUR x BYMINUTE exact."""
    groups: dict[int, list[int]] = {}
    for moment in sorted(set(times)):
        groups.setdefault(moment.minute, []).append(moment.hour)
    return sorted(((hours, minute) for minute, hours in groups.items()), key=lambda g: (g[0][0], g[1]))


def timed(base: str, times: Sequence[time], *, days: int | None = None, from_day: int = 1,
          kind: str = "RRULE") -> list[Rule]:
    """Rules for `base` (e.g. FREQ=DAILY) at the given times; `days` limits it to that many
    dosing days (a COUNT of days x doses per day)."""
    out = []
    for hours, minute in _time_groups(times):
        value = base + (f";COUNT={days * len(hours)}" if days is not None else "")
        value += f";BYHOUR={','.join(str(h) for h in hours)};BYMINUTE={minute}"
        out.append(Rule(kind, value, from_day))
    return out


def from_flags(times: Sequence[time], weekdays: Sequence[str], every: tuple[int, str] | None) -> list[Rule]:
    """The rules for --times / --days / --every (any of them may be empty)."""
    times = list(times) or [DEFAULT_TIME]
    if every and every[1] == "h":
        if weekdays:
            raise BadInput(HOURS_WITH_DAYS, HOURS_WITH_DAYS_HINT)
        if len(times) > 1:
            raise BadInput(HOURS_ONE_TIME, HOURS_ONE_TIME_HINT)
        step, first = every[0], times[0]
        return timed("FREQ=DAILY", [time((first.hour + k * step) % 24, first.minute)
                                    for k in range(24 // step)])
    if every and every[1] == "d" and weekdays:
        if every[0] % 7:
            raise BadInput(DAYS_WHOLE_WEEKS, DAYS_WHOLE_WEEKS_HINT)
        every = (every[0] // 7, "w")
    if weekdays or (every and every[1] == "w"):
        base = "FREQ=WEEKLY"
        if every and every[0] > 1:
            base += f";INTERVAL={every[0]}"
        if weekdays:
            base += f";BYDAY={','.join(weekdays)}"
    else:
        base = "FREQ=DAILY" + (f";INTERVAL={every[0]}" if every and every[0] > 1 else "")
    return timed(base, times)


def _per_day(parts: dict[str, str]) -> int:
    count = 1
    for key in _TIME_PARTS:
        if key in parts:
            count *= len(parts[key].split(","))
    return count


def retime(rules: Sequence[Rule], times: Sequence[time], *, only_untimed: bool = False) -> list[Rule]:
    """The same days at new times. COUNTs keep meaning the same number of dosing days.

    With only_untimed, rules that already say their times (BYHOUR) are kept as they are.
    """
    out: list[Rule] = []
    for rule in rules:
        parts = rule.parts() if rule.kind in ("RRULE", "EXRULE") else {}
        if only_untimed and (rule.kind != "RRULE" or "BYHOUR" in parts
                             or parts.get("FREQ") not in TIMED_FREQS):
            out.append(rule)
            continue
        if rule.kind != "RRULE":
            raise BadInput(TIED_TO_TIMES, WHOLE_AGAIN_HINT)
        if parts.get("FREQ") not in TIMED_FREQS:
            raise BadInput(NO_FIXED_TIMES(rule=rule.text), NO_FIXED_TIMES_HINT)
        days = None
        if "COUNT" in parts:
            days = max(1, int(parts.pop("COUNT")) // _per_day(parts))
        for key in _TIME_PARTS:
            parts.pop(key, None)
        for new in timed(_join(parts), times, days=days, from_day=rule.from_day):
            if new not in out:
                out.append(new)
    return out


def untimed(rules: Sequence[Rule]) -> bool:
    """True when some rule would fall at midnight for want of BYHOUR."""
    return any(r.kind == "RRULE" and r.parts().get("FREQ") in TIMED_FREQS and "BYHOUR" not in r.parts()
               for r in rules)
