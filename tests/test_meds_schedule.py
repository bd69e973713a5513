"""Schedule expansion: presets, friendly flags, RFC 5545 rules, daylight saving, plain words."""

from __future__ import annotations

import gettext
import os
import time as clock
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta

import pytest

from caretool.core import messages
from caretool.core.errors import BadInput
from caretool.core.messages import render
from caretool.domain.meds import plain_words, schedule
from caretool.domain.meds.presets import PRESETS
from caretool.domain.meds.schedule import Schedule

START = date(2026, 1, 5)


@pytest.fixture
def tz() -> Iterator[Callable[[str], None]]:
    """Switch the process time zone; put the old one back afterwards."""
    old = os.environ.get("TZ")

    def use(name: str) -> None:
        os.environ["TZ"] = name
        clock.tzset()

    yield use
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    clock.tzset()


def preset_schedule(key: str, start: date = START) -> Schedule:
    return Schedule(schedule.dump(PRESETS[key].rules()), start)


def dose_days(sched: Schedule, last_day: int) -> list[int]:
    """Schedule days (day 1 = start) that have a dose, up to last_day."""
    days = sched.dose_days(sched.start, sched.start + timedelta(days=last_day - 1))
    return [(d - sched.start).days + 1 for d in days]


# --- riluzole and daylight saving ------------------------------------------------------------
@pytest.mark.parametrize("zone, change, before, after", [
    ("Europe/London", date(2026, 3, 29), "+00:00", "+01:00"),
    ("Europe/London", date(2026, 10, 25), "+01:00", "+00:00"),
    ("America/New_York", date(2026, 3, 8), "-05:00", "-04:00"),
    ("America/New_York", date(2026, 11, 1), "-04:00", "-05:00"),
])
def test_riluzole_stays_at_0800_and_2000_across_daylight_saving(
    tz: Callable[[str], None], zone: str, change: date, before: str, after: str
) -> None:
    tz(zone)
    sched = preset_schedule("riluzole", date(2026, 1, 1))
    doses = [schedule.aware(m) for m in sched.occurrences(change - timedelta(days=1),
                                                          change + timedelta(days=1))]
    assert [f"{d:%d %H:%M}" for d in doses] == [
        f"{(change + timedelta(days=k)):%d} {hhmm}" for k in (-1, 0, 1) for hhmm in ("08:00", "20:00")
    ]
    offsets = [d.isoformat()[-6:] for d in doses]
    assert offsets[:2] == [before, before]
    assert offsets[-2:] == [after, after]
    # the night of the change is 11 (spring) or 13 (autumn) real hours long, 12 on the clock
    night = (doses[2] - doses[1]).total_seconds() / 3600
    assert night == (11 if change.month == 3 else 13)


def test_riluzole_is_twice_a_day_every_day() -> None:
    sched = preset_schedule("riluzole")
    doses = sched.occurrences(START, START + timedelta(days=59))
    assert len(doses) == 120
    assert {(d.hour, d.minute) for d in doses} == {(8, 0), (20, 0)}


# --- edaravone cycles -------------------------------------------------------------------------
@pytest.mark.parametrize("key", ["edaravone-iv", "edaravone-oral"])
@pytest.mark.parametrize("first, last, due", [
    (1, 14, True),     # cycle 1: 14 days on
    (15, 28, False),   # ... then 14 off
    (29, 38, True),    # cycle 2: days 1-10 on
    (39, 56, False),   # the rest of cycle 2 off
    (57, 66, True),    # cycle 3
    (67, 84, False),
    (85, 94, True),    # cycle 4
    (95, 112, False),
    (365, 374, True),   # cycle 14 starts on day 365 = 1 + 28 * 13
    (375, 392, False),
    (393, 402, True),
])
def test_edaravone_cycle_days(key: str, first: int, last: int, due: bool) -> None:
    days = set(dose_days(preset_schedule(key), 420))
    assert all((d in days) is due for d in range(first, last + 1))


def test_edaravone_one_dose_a_day_in_the_morning() -> None:
    iv = preset_schedule("edaravone-iv").occurrences(START, START + timedelta(days=99))
    oral = preset_schedule("edaravone-oral").occurrences(START, START + timedelta(days=99))
    assert len(iv) == len({d.date() for d in iv}) == 14 + 10 + 10 + 10  # days 1-14, 29-38, 57-66, 85-94
    assert {d.time() for d in iv} == {time(9)}
    assert {d.time() for d in oral} == {time(8)}


def test_edaravone_retimed_keeps_the_cycle_days() -> None:
    rules = schedule.retime(PRESETS["edaravone-oral"].rules(), [time(7), time(19, 30)])
    sched = Schedule(schedule.dump(rules), START)
    assert dose_days(sched, 120) == dose_days(preset_schedule("edaravone-oral"), 120)
    assert len(sched.occurrences(START, START + timedelta(days=13))) == 28


# --- tofersen ----------------------------------------------------------------------------------
def test_tofersen_loading_then_every_28_days() -> None:
    sched = preset_schedule("tofersen")
    assert dose_days(sched, 200) == [1, 15, 29, 57, 85, 113, 141, 169, 197]
    assert {d.time() for d in sched.occurrences(START, START + timedelta(days=200))} == {time(10)}


def test_nuedexta_once_a_day_for_a_week_then_twice() -> None:
    doses = preset_schedule("nuedexta").occurrences(START, START + timedelta(days=9))
    per_day = [sum(d.date() == START + timedelta(days=k) for d in doses) for k in range(10)]
    assert per_day == [1] * 7 + [2] * 3


# --- friendly flags --------------------------------------------------------------------------------
def flags(times: str = "", days: str = "", every: str = "") -> Schedule:
    rules = schedule.from_flags(schedule.parse_times(times) if times else [],
                                schedule.parse_weekdays(days) if days else [],
                                schedule.parse_every(every) if every else None)
    return Schedule(schedule.dump(rules), START)  # 2026-01-05 is a Monday


@pytest.mark.parametrize("kw, first_days, times", [
    ({"times": "08:00,20:00"}, [1, 2, 3, 4, 5], {"08:00", "20:00"}),
    ({"days": "mon,wed,fri"}, [1, 3, 5, 8, 10], {"08:00"}),
    ({"days": "weekdays", "times": "07:30"}, [1, 2, 3, 4, 5, 8], {"07:30"}),
    ({"every": "28d"}, [1, 29, 57, 85, 113], {"08:00"}),
    ({"every": "28"}, [1, 29, 57, 85, 113], {"08:00"}),
    ({"every": "2w"}, [1, 15, 29, 43, 57], {"08:00"}),
    ({"every": "2w", "days": "tue,thu"}, [2, 4, 16, 18, 30], {"08:00"}),
    ({"every": "14d", "days": "mon"}, [1, 15, 29, 43, 57], {"08:00"}),
    ({"every": "12h", "times": "09:00"}, [1, 2, 3, 4, 5], {"09:00", "21:00"}),
    ({"every": "8h"}, [1, 2, 3, 4, 5], {"08:00", "16:00", "00:00"}),
    ({"times": "08:00,20:30"}, [1, 2, 3, 4, 5], {"08:00", "20:30"}),
])
def test_friendly_flags(kw: dict[str, str], first_days: list[int], times: set[str]) -> None:
    sched = flags(**kw)
    assert dose_days(sched, 200)[:len(first_days)] == first_days
    assert {f"{d:%H:%M}" for d in sched.occurrences(START, START + timedelta(days=60))} == times


@pytest.mark.parametrize("kw", [
    {"every": "5h"}, {"every": "0d"}, {"every": "1e3"}, {"every": "nan"}, {"every": "-1d"},
    {"every": "3d", "days": "mon"}, {"every": "12h", "days": "mon"},
    {"every": "12h", "times": "08:00,09:00"}, {"days": "funday"}, {"days": "t"},
    {"times": "25:00"}, {"times": "8"},
])
def test_friendly_flags_refuse_nonsense(kw: dict[str, str]) -> None:
    with pytest.raises(BadInput):
        flags(**kw)


# --- RFC 5545 text ------------------------------------------------------------------------------------
def test_rules_round_trip_exactly() -> None:
    for preset in PRESETS.values():
        text = schedule.dump(preset.rules())
        assert schedule.dump(schedule.parse(text)) == text
    text = ("RRULE:FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=9;BYMINUTE=30\n"
            "RRULE;X-FROM-DAY=3:FREQ=DAILY;INTERVAL=7;BYHOUR=12;BYMINUTE=0\n"
            "EXDATE:20260112T093000\nRDATE:20260110T180000")
    assert schedule.dump(schedule.parse(text)) == text


def test_user_rules_expand_with_exceptions_and_extra_dates() -> None:
    rules, start = schedule.parse_input(
        ["rrule:freq=weekly;byday=mo,th;byhour=9;byminute=30",
         "EXDATE:20260112T093000 RDATE:20260110T180000"])
    assert start is None
    sched = Schedule(schedule.dump(rules), START)
    got = [f"{d:%m-%d %H:%M}" for d in sched.occurrences(START, START + timedelta(days=10))]
    assert got == ["01-05 09:30", "01-08 09:30", "01-10 18:00", "01-15 09:30"]


def test_bare_freq_and_dtstart_are_accepted() -> None:
    rules, start = schedule.parse_input(["DTSTART:20260105T073000", "FREQ=DAILY;INTERVAL=2"])
    assert start == datetime(2026, 1, 5, 7, 30)
    assert [r.text for r in rules] == ["RRULE:FREQ=DAILY;INTERVAL=2"]
    assert schedule.untimed(rules)
    timed = schedule.retime(rules, [start.time()], only_untimed=True)
    assert schedule.dump(timed) == "RRULE:FREQ=DAILY;INTERVAL=2;BYHOUR=7;BYMINUTE=30"


def test_x_from_day_anchors_a_rule_later() -> None:
    rules, _ = schedule.parse_input(["RRULE;X-FROM-DAY=10:FREQ=DAILY;INTERVAL=5;BYHOUR=8;BYMINUTE=0"])
    assert dose_days(Schedule(schedule.dump(rules), START), 30) == [10, 15, 20, 25, 30]


@pytest.mark.parametrize("text", [
    "", "hello", "RRULE:FREQ=DAILY;BYHOUR=25", "RRULE:FREQ=FORTNIGHTLY", "RRULE:FREQ=MINUTELY",
    "RRULE:FREQ=DAILY;COUNT=3;UNTIL=20270101T000000", "RRULE:FREQ=DAILY;UNTIL=20270101T000000Z",
    "RRULE;TZID=Europe/London:FREQ=DAILY", "RDATE:20260101", "EXDATE:notadate",
    "VEVENT:FREQ=DAILY", "RRULE;X-FROM-DAY=0:FREQ=DAILY", "RRULE:FREQ=DAILY;BYHOUR",
])
def test_bad_rules_are_refused_with_a_message(text: str) -> None:
    with pytest.raises(BadInput) as info:
        schedule.parse_input([text])
    assert info.value.hint


@pytest.mark.parametrize("text", [
    "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",  # never happens
    "RRULE:FREQ=HOURLY;BYMINUTE=0,30",  # 48 a day
    "EXDATE:20260112T093000",  # nothing but exceptions
])
def test_check_refuses_schedules_that_never_or_too_often_give_a_dose(text: str) -> None:
    rules, _ = schedule.parse_input([text])
    with pytest.raises(BadInput):
        schedule.check(rules, START)


def test_check_accepts_the_presets() -> None:
    for preset in PRESETS.values():
        schedule.check(preset.rules(), START)


def test_schedule_window_start_end_and_first() -> None:
    sched = Schedule(schedule.dump(PRESETS["riluzole"].rules()), START, end=START + timedelta(days=2),
                     first=START + timedelta(days=1))
    got = sched.occurrences(START - timedelta(days=5), START + timedelta(days=30))
    assert [d.day for d in got] == [6, 6, 7, 7]
    assert Schedule("", START).occurrences(START, START + timedelta(days=3)) == []


# --- plain words --------------------------------------------------------------------------------------
@pytest.mark.parametrize("rules, words", [
    (PRESETS["riluzole"].rules(), "every day at 08:00 and 20:00"),
    (PRESETS["edaravone-iv"].rules(),
     "days 1-14, then days 1-10 of each 28-day cycle from day 29, at 09:00"),
    (PRESETS["tofersen"].rules(), "days 1, 15 and 29, then every 28 days from day 57, at 10:00"),
    (PRESETS["nuedexta"].rules(), "days 1-7 at 08:00, then every day from day 8 at 08:00 and 20:00"),
    (schedule.from_flags([], ["MO", "WE", "FR"], None), "every Monday, Wednesday and Friday at 08:00"),
    (schedule.from_flags([time(9)], [], (28, "d")), "every 28 days at 09:00"),
    (schedule.from_flags([], ["MO"], (2, "w")), "every 2 weeks on Monday at 08:00"),
    (schedule.from_flags([time(8), time(20, 30)], [], None), "every day at 08:00 and 20:30"),
    (schedule.retime(PRESETS["edaravone-oral"].rules(), [time(7), time(19)]),
     "days 1-14, then days 1-10 of each 28-day cycle from day 29, at 07:00 and 19:00"),
    ([], "as needed"),
])
def test_describe_in_plain_words(rules: list[schedule.Rule], words: str) -> None:
    assert render(plain_words.describe(schedule.dump(rules))) == words


def test_describe_unusual_rules_still_says_something() -> None:
    text = "RRULE:FREQ=MONTHLY;BYDAY=1MO;BYHOUR=8;BYMINUTE=0\nEXDATE:20260202T080000"
    words = render(plain_words.describe(text))
    assert "BYDAY=1MO" in words and "except 1 dose" in words


@pytest.mark.parametrize("key", sorted(PRESETS))
def test_skipping_ahead_years_later_gives_the_same_doses(key: str) -> None:
    """Expanding from a later anchor (for speed) must not add, drop or move a dose."""
    start = date(2021, 3, 1)
    text = schedule.dump(PRESETS[key].rules())
    full = schedule._ruleset(text, start)
    for offset in (0, 13, 27, 28, 29, 56, 400, 1500, 1826):
        lo = start + timedelta(days=offset)
        hi = lo + timedelta(days=30)
        expected = full.between(datetime.combine(lo, time()), datetime.combine(hi, time.max), inc=True)
        assert Schedule(text, start).occurrences(lo, hi) == list(expected), (key, offset)


# --- words from the catalogue --------------------------------------------------------------------------
REORDERED = {"schedule.daily-at": "{times}, every day", "list.and-two": "{first} & {second}",
             "schedule.weekly-at": "at {times} on each of {weekdays}", "weekday.monday": "Mon"}


class Reordering(gettext.NullTranslations):
    """A stand-in catalogue that puts the words in another order, as Korean would."""

    def pgettext(self, context: str, message: str) -> str:
        return REORDERED.get(context, message)


@pytest.fixture
def reordering(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(messages._state, "translations", Reordering())


@pytest.mark.usefixtures("reordering")
def test_schedule_words_are_whole_sentences_a_translation_can_reorder() -> None:
    daily = plain_words.describe(schedule.dump(PRESETS["riluzole"].rules()))
    assert daily.id == "schedule.daily-at" and set(daily.params) == {"times"}
    assert render(daily) == "08:00 & 20:00, every day"
    weekly = plain_words.describe(schedule.dump(schedule.from_flags([], ["MO"], None)))
    assert render(weekly) == "at 08:00 on each of Mon"


def test_each_preset_is_one_sentence() -> None:
    ids = {key: plain_words.describe(schedule.dump(p.rules())).id for key, p in PRESETS.items()}
    assert ids == {"riluzole": "schedule.daily-at", "riluzole-suspension": "schedule.daily-at",
                   "edaravone-iv": "schedule.cycles-after-first",
                   "edaravone-oral": "schedule.cycles-after-first",
                   "tofersen": "schedule.loading-then-every", "nuedexta": "schedule.days-then-daily"}


@pytest.mark.parametrize("text, words", [
    ("RRULE:FREQ=DAILY;INTERVAL=2;BYHOUR=9;BYMINUTE=0;UNTIL=20271231T235959",
     "every 2 days at 09:00, until 2027-12-31"),
    ("RRULE;X-FROM-DAY=3:FREQ=DAILY;INTERVAL=7;BYHOUR=12;BYMINUTE=0", "every 7 days at 12:00, from day 3"),
    ("RRULE:FREQ=MONTHLY;BYMONTHDAY=1;BYHOUR=8;BYMINUTE=0", "every month on day 1 at 08:00"),
    ("RRULE:FREQ=WEEKLY;COUNT=4;BYDAY=TU;BYHOUR=8;BYMINUTE=0", "every Tuesday at 08:00, 4 times"),
    ("RRULE:FREQ=HOURLY;INTERVAL=6", "every 6 hours"),
    ("RDATE:20260110T180000,20260111T180000", "2 doses on set dates"),
    ("RRULE:FREQ=DAILY;BYHOUR=8;BYMINUTE=0\nRDATE:20260110T180000\nEXDATE:20260112T080000",
     "every day at 08:00; plus 1 extra dose; except 1 dose"),
    ("RRULE:FREQ=DAILY;BYHOUR=8;BYMINUTE=0\nEXRULE:FREQ=WEEKLY;BYDAY=SA,SU;BYHOUR=8;BYMINUTE=0",
     "every day at 08:00; except every Saturday and Sunday at 08:00"),
    ("RRULE:FREQ=DAILY;BYHOUR=8,12,16;BYMINUTE=0", "every day at 08:00, 12:00 and 16:00"),
])
def test_other_shapes_in_words(text: str, words: str) -> None:
    assert render(plain_words.describe(text)) == words


def test_schedule_errors_are_catalogue_messages() -> None:
    with pytest.raises(BadInput) as info:
        schedule.parse_every("5h")
    assert info.value.code == "schedule.hours-do-not-fit" and info.value.message.params == {"count": 5}
    assert render(info.value.message) == "every 5 hours does not fit into a day"
