"""A stored schedule in plain words, as a Message: 'every day at 08:00 and 20:00'.

Each shape caretool builds (daily, weekly, every N days, the edaravone cycles, the tofersen
loading doses, a week of one dose then two) is one whole-sentence template with named
placeholders, so a translation can put the words in its own order. Rules of other shapes still
say something: each rule's own sentence, or the rule itself. The words are made when shown,
never stored: the schedule stays RFC 5545 text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time

from caretool.core.messages import Message, msg, msgn
from caretool.domain.meds.schedule import Rule, parse
from caretool.domain.meds.wording import and_list, clock, weekdays

AS_NEEDED = msg("schedule.as-needed", "as needed")
DAILY_AT = msg("schedule.daily-at", "every day at {times}")
EVERY_DAYS_AT = msg("schedule.every-days-at", "every {interval} days at {times}")
DAY_AT = msg("schedule.day-at", "day {day} at {times}")
DAYS_RANGE_AT = msg("schedule.days-range-at", "days {first}-{last} at {times}")
DAYS_LIST_AT = msg("schedule.days-list-at", "days {days} at {times}")
DOSES_APART_AT = msg("schedule.doses-apart-at", "{count} doses {interval} days apart at {times}")
CYCLE_AT = msg("schedule.cycle-at", "days 1-{days} of each {cycle}-day cycle at {times}")
WEEKLY_AT = msg("schedule.weekly-at", "every {weekdays} at {times}")
EVERY_WEEK_AT = msg("schedule.every-week-at", "every week at {times}")
EVERY_WEEKS_ON_AT = msg("schedule.every-weeks-on-at", "every {interval} weeks on {weekdays} at {times}")
EVERY_WEEKS_AT = msg("schedule.every-weeks-at", "every {interval} weeks at {times}")
MONTHLY_ON_AT = msg("schedule.monthly-on-at", "every month on day {day} at {times}")
MONTHLY_AT = msg("schedule.monthly-at", "every month at {times}")
EVERY_MONTHS_ON_AT = msg("schedule.every-months-on-at", "every {interval} months on day {day} at {times}")
EVERY_MONTHS_AT = msg("schedule.every-months-at", "every {interval} months at {times}")
HOURLY = msg("schedule.hourly", "every hour")
EVERY_HOURS = msg("schedule.every-hours", "every {interval} hours")
RAW_RULE = msg("schedule.raw-rule", "by the rule {rule}")
# The shapes of the presets, each one sentence:
CYCLES_AFTER_FIRST = msg(
    "schedule.cycles-after-first",
    "days 1-{first_days}, then days 1-{cycle_days} of each {cycle}-day cycle from day {from_day}, at {times}")
LOADING_THEN_EVERY = msg(
    "schedule.loading-then-every",
    "days {loading_days}, then every {interval} days from day {from_day}, at {times}")
DAYS_THEN_DAILY = msg(
    "schedule.days-then-daily",
    "days 1-{last} at {first_times}, then every day from day {from_day} at {times}")
# What a rule adds to the sentence of its own shape:
FROM_DAY = msg("schedule.from-day", "{schedule}, from day {day}")
UNTIL = msg("schedule.until", "{schedule}, until {date}")
COUNT_TIMES = msgn("schedule.count-times", "{schedule}, {count} time", "{schedule}, {count} times")
# Several rules together, and the lines that add or take away dates:
THEN = msg("schedule.then", "{first}, then {then}")
AND_ALSO = msg("schedule.and-also", "{first}; and {second}")
EXCEPT_RULE = msg("schedule.except-rule", "{schedule}; except {rule}")
PLUS_DOSES = msgn("schedule.plus-doses",
                  "{schedule}; plus {count} extra dose", "{schedule}; plus {count} extra doses")
EXCEPT_DOSES = msgn("schedule.except-doses",
                    "{schedule}; except {count} dose", "{schedule}; except {count} doses")
ONLY_DATES = msgn("schedule.only-dates", "{count} dose on set dates", "{count} doses on set dates")
NONE_LEFT = msg("schedule.none-left", "no dose left")

_TIME_PARTS = ("BYHOUR", "BYMINUTE", "BYSECOND")
# The parts a shape's sentence can say; a rule with any other part is shown as the rule itself.
_DESCRIBED = {
    "DAILY": {"WKST"},
    "WEEKLY": {"WKST", "BYDAY"},
    "MONTHLY": {"WKST", "BYMONTHDAY"},
    "HOURLY": {"WKST"},
}
_SIMPLE_VALUE = re.compile(r"[A-Z]{2}(,[A-Z]{2})*|\d{1,2}")


@dataclass
class _Clause:
    """One rule (or several rules that differ only in their times) in describable parts."""

    from_day: int
    freq: str
    interval: int
    days: int | None  # dosing days of a COUNT rule
    byday: tuple[str, ...]
    monthday: str | None
    until: date | None
    times: tuple[time, ...]
    cycle: int = 1  # consecutive days per interval, for grouped cycle rules
    raw: str = ""

    def key(self) -> tuple[object, ...]:
        return (self.from_day, self.freq, self.interval, self.days, self.byday, self.monthday,
                self.until, self.raw)


def _per_day(parts: dict[str, str]) -> int:
    count = 1
    for key in _TIME_PARTS:
        if key in parts:
            count *= len(parts[key].split(","))
    return count


def _until(value: str | None) -> date | None:
    if not value or len(value) < 8 or not value[:8].isdigit():
        return None
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        return None


def _clause(rule: Rule) -> _Clause:
    parts = rule.parts()
    freq = parts.get("FREQ", "")
    rest = {k: v for k, v in parts.items() if k not in ("FREQ", "INTERVAL", "COUNT", "UNTIL", *_TIME_PARTS)}
    hours = [int(h) for h in parts.get("BYHOUR", "").split(",") if h]
    readable = (freq in _DESCRIBED and set(rest) <= _DESCRIBED[freq]
                and all(_SIMPLE_VALUE.fullmatch(v) for k, v in rest.items() if k != "WKST")
                and parts.get("BYSECOND", "0") == "0"
                and (bool(hours) if freq != "HOURLY" else not set(parts) & set(_TIME_PARTS))
                and (not parts.get("UNTIL") or _until(parts["UNTIL"]) is not None))
    if not readable:
        return _Clause(rule.from_day, freq, 1, None, (), None, None, (), raw=rule.value)
    minutes = [int(m) for m in parts.get("BYMINUTE", "0").split(",")]
    times = tuple(sorted(time(h, m) for h in hours for m in minutes))
    days = int(parts["COUNT"]) // _per_day(parts) if "COUNT" in parts else None
    return _Clause(rule.from_day, freq, int(parts.get("INTERVAL", "1")), days,
                   tuple(c for c in rest.get("BYDAY", "").split(",") if c), rest.get("BYMONTHDAY"),
                   _until(parts.get("UNTIL")), times)


def _merged(rules: Sequence[Rule]) -> list[_Clause]:
    clauses: list[_Clause] = []
    for rule in rules:
        clause = _clause(rule)
        same = next((c for c in clauses if c.key() == clause.key() and not c.raw), None)
        if same:  # the same days at more times (one rule per minute group)
            same.times = tuple(sorted(set(same.times) | set(clause.times)))
        else:
            clauses.append(clause)
    clauses.sort(key=lambda c: c.from_day)
    grouped: list[_Clause] = []
    for clause in clauses:  # consecutive every-N-days rules make an N-day cycle
        last = grouped[-1] if grouped else None
        if (last and not clause.raw and not last.raw and clause.freq == last.freq == "DAILY"
                and clause.interval == last.interval > last.cycle and clause.days is last.days is None
                and clause.until is last.until is None and clause.times == last.times
                and clause.from_day == last.from_day + last.cycle):
            last.cycle += 1
        else:
            grouped.append(clause)
    return grouped


def _core(c: _Clause) -> Message:
    """The sentence of one clause's own shape, with its times."""
    times = clock(c.times)
    if c.freq == "DAILY":
        if c.days is not None:
            if c.interval == 1:
                if c.days == 1:
                    return DAY_AT(day=c.from_day, times=times)
                return DAYS_RANGE_AT(first=c.from_day, last=c.from_day + c.days - 1, times=times)
            if c.days <= 5:
                return DAYS_LIST_AT(days=_day_list(c), times=times)
            return DOSES_APART_AT(count=c.days, interval=c.interval, times=times)
        if c.cycle > 1:
            return CYCLE_AT(days=c.cycle, cycle=c.interval, times=times)
        return DAILY_AT(times=times) if c.interval == 1 else EVERY_DAYS_AT(interval=c.interval, times=times)
    if c.freq == "WEEKLY":
        if c.interval == 1:
            text = (WEEKLY_AT(weekdays=weekdays(c.byday), times=times) if c.byday
                    else EVERY_WEEK_AT(times=times))
        elif c.byday:
            text = EVERY_WEEKS_ON_AT(interval=c.interval, weekdays=weekdays(c.byday), times=times)
        else:
            text = EVERY_WEEKS_AT(interval=c.interval, times=times)
        return COUNT_TIMES(schedule=text, count=c.days) if c.days is not None else text
    if c.freq == "MONTHLY":
        if c.interval == 1:
            return MONTHLY_ON_AT(day=c.monthday, times=times) if c.monthday else MONTHLY_AT(times=times)
        if c.monthday:
            return EVERY_MONTHS_ON_AT(interval=c.interval, day=c.monthday, times=times)
        return EVERY_MONTHS_AT(interval=c.interval, times=times)
    return EVERY_HOURS(interval=c.interval) if c.interval > 1 else HOURLY


def _day_list(c: _Clause) -> Message | str:
    return and_list([str(c.from_day + k * c.interval) for k in range(c.days or 0)])


def _sentence(c: _Clause) -> Message:
    """One clause in full: its shape, from which day, until when."""
    text = RAW_RULE(rule=c.raw) if c.raw else _core(c)
    # A daily COUNT rule's sentence names its days already ("days 29-38"); others say where they begin.
    names_days = not c.raw and c.freq == "DAILY" and c.days is not None and (c.interval == 1 or c.days <= 5)
    if c.from_day > 1 and not names_days:
        text = FROM_DAY(schedule=text, day=c.from_day)
    if c.until is not None:
        text = UNTIL(schedule=text, date=c.until.isoformat())
    return text


def _preset_shape(clauses: Sequence[_Clause]) -> Message | None:
    """The two-rule shapes of the presets, each said as one sentence."""
    if len(clauses) != 2 or any(c.raw or c.freq != "DAILY" or c.until for c in clauses):
        return None
    first, then = clauses
    if first.from_day != 1 or first.days is None or then.days is not None:
        return None
    if first.times == then.times and first.interval == 1 and then.cycle > 1:
        return CYCLES_AFTER_FIRST(first_days=first.days, cycle_days=then.cycle, cycle=then.interval,
                                  from_day=then.from_day, times=clock(then.times))
    if first.times == then.times and first.interval > 1 and first.days <= 5 and then.cycle == 1:
        return LOADING_THEN_EVERY(loading_days=_day_list(first), interval=then.interval,
                                  from_day=then.from_day, times=clock(then.times))
    if (first.interval == 1 and then.interval == 1 and then.cycle == 1
            and then.from_day == first.days + 1 and first.times != then.times):
        return DAYS_THEN_DAILY(last=first.days, first_times=clock(first.times), from_day=then.from_day,
                               times=clock(then.times))
    return None


def describe(text: str) -> Message:
    """The stored schedule text in plain words, e.g. 'every day at 08:00 and 20:00'."""
    rules = parse(text)
    if not rules:
        return AS_NEEDED
    clauses = _merged([r for r in rules if r.kind == "RRULE"])
    words: Message | None = _preset_shape(clauses)
    if words is None:
        for i, clause in enumerate(clauses):
            sentence = _sentence(clause)
            if words is None:
                words = sentence
            elif clauses[i - 1].days is not None:  # a block of days, then what follows it
                words = THEN(first=words, then=sentence)
            else:
                words = AND_ALSO(first=words, second=sentence)
    dates = [r for r in rules if r.kind == "RDATE"]
    if words is None:  # no RRULE: only set dates
        words = ONLY_DATES(count=sum(len(r.value.split(",")) for r in dates)) if dates else NONE_LEFT
        dates = []
    for rule in rules:
        if rule.kind == "EXRULE":
            [clause] = _merged([Rule("RRULE", rule.value, rule.from_day)])
            words = EXCEPT_RULE(schedule=words, rule=_sentence(clause))
        elif rule in dates:
            words = PLUS_DOSES(schedule=words, count=len(rule.value.split(",")))
        elif rule.kind == "EXDATE":
            words = EXCEPT_DOSES(schedule=words, count=len(rule.value.split(",")))
    return words
