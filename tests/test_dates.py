"""Dates as caregivers type them."""

from __future__ import annotations

import os
import time
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from caretool.core import dates
from caretool.core.errors import BadInput

REF = date(2026, 11, 18)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", REF),
        ("Yesterday", REF - timedelta(days=1)),
        ("3 days ago", REF - timedelta(days=3)),
        ("1 day ago", REF - timedelta(days=1)),
        ("monday", date(2026, 11, 16)),
        ("wednesday", REF),
        ("last wednesday", date(2026, 11, 11)),
        ("last monday", date(2026, 11, 16)),
        ("sun", date(2026, 11, 15)),
        ("2024-02-29", date(2024, 2, 29)),
        ("  2026-11-01 ", date(2026, 11, 1)),
    ],
)
def test_parse_day_accepts_the_words_people_use(text: str, expected: date) -> None:
    assert dates.parse_day(text, ref=REF) == expected


@pytest.mark.parametrize(
    "text",
    ["2026-02-30", "2026-02-29", "2026-2-3", "20260203", "2026-W05-2", "２０２６-０１-０１",
     "0000-01-01", "", "someday", "-1 days ago"],
)
def test_parse_day_refuses_what_is_not_a_real_date(text: str) -> None:
    with pytest.raises(BadInput):
        dates.parse_day(text, ref=REF)


def test_times_and_date_times() -> None:
    ref = datetime(2026, 11, 18, 21, 0).astimezone()
    assert dates.parse_when("08:30", ref=ref).replace(tzinfo=None) == datetime(2026, 11, 18, 8, 30)
    assert dates.parse_when("yesterday 20:15", ref=ref).replace(tzinfo=None) == datetime(2026, 11, 17, 20, 15)
    assert dates.parse_when("today", ref=ref) == ref
    assert dates.parse_when("2 days ago", ref=ref).hour == 12  # a past day without a time is noon
    aware = dates.parse_when("2026-11-10T08:00:00+09:00", ref=ref)
    assert aware.utcoffset() == timedelta(hours=9)
    for bad in ("25:00", "2026-11-10T25:00", "yesterday 9pm"):
        with pytest.raises(BadInput):
            dates.parse_when(bad, ref=ref)


def test_future_is_refused_but_small_clock_skew_is_not() -> None:
    now = dates.now()
    dates.check_not_future(now + timedelta(minutes=2), ref=now)
    with pytest.raises(BadInput, match="future"):
        dates.check_not_future(now + timedelta(hours=1), ref=now)


@pytest.fixture
def new_york(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_daylight_saving_days_have_23_and_25_hours(new_york: None) -> None:
    assert dates.day_length_hours(date(2026, 3, 8)) == 23
    assert dates.day_length_hours(date(2026, 11, 1)) == 25
    assert dates.day_length_hours(date(2026, 11, 2)) == 24


def test_yesterday_is_calendar_arithmetic_across_dst(new_york: None) -> None:
    ref = datetime(2026, 3, 9, 0, 30).astimezone()
    assert dates.parse_when("yesterday 10:00", ref=ref).date() == date(2026, 3, 8)
    assert dates.parse_day("yesterday", ref=ref.date()) == date(2026, 3, 8)


def test_iso_weeks() -> None:
    assert dates.parse_week("2026-W47") == (date(2026, 11, 16), date(2026, 11, 22))
    assert dates.week_label(date(2026, 11, 22)) == "2026-W47"
    for bad in ("2026-W54", "W47", "2026-47"):
        with pytest.raises(BadInput):
            dates.parse_week(bad)


def test_months_between_spans_years() -> None:
    assert dates.months_between(date(2025, 11, 30), date(2026, 2, 1)) == [
        "2025-11", "2025-12", "2026-01", "2026-02"]


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_iso_date_round_trip(day: date) -> None:
    assert dates.parse_day(day.isoformat(), ref=REF) == day


@given(st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2037, 12, 31)))
def test_date_time_round_trip_keeps_the_instant(moment: datetime) -> None:
    aware = moment.replace(microsecond=0).astimezone()
    assert dates.parse_when(dates.iso(aware)) == aware


@given(st.integers(min_value=0, max_value=3000))
def test_days_ago_round_trip(n: int) -> None:
    assert dates.parse_day(f"{n} days ago", ref=REF) == REF - timedelta(days=n)


def test_pinned_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CARETOOL_NOW", "2026-01-05T09:00:00+00:00")
    assert dates.now() == datetime.fromisoformat("2026-01-05T09:00:00+00:00")
    assert os.environ["CARETOOL_NOW"]
