"""Dates and times typed in Korean, always accepted alongside the English words (issue 13 item 3)."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from caretool.core import dates
from caretool.core.errors import BadInput

REF = date(2026, 12, 2)  # a Wednesday
KOREAN_WEEKDAYS = ("월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일")
ENGLISH_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
days = st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))


@pytest.mark.parametrize(("typed", "meant"), [
    ("오늘", REF), ("어제", REF - timedelta(days=1)), ("그저께", REF - timedelta(days=2)),
    ("그제", REF - timedelta(days=2)), ("3일 전", date(2026, 11, 29)), ("3일전", date(2026, 11, 29)),
    ("수요일", REF), ("월요일", date(2026, 11, 30)), ("일요일", date(2026, 11, 29)),
    ("지난주 월요일", date(2026, 11, 23)), ("지난 주 일요일", date(2026, 11, 29)),
    ("이번 주 월요일", date(2026, 11, 30)), ("2026년 11월 20일", date(2026, 11, 20)),
    ("2026년11월20일", date(2026, 11, 20)), ("11월 20일", date(2026, 11, 20)),
])
def test_korean_day_words(typed: str, meant: date) -> None:
    assert dates.parse_day(typed, ref=REF) == meant


@given(days, st.integers(min_value=0, max_value=400))
def test_n_days_ago_means_the_same_in_both_languages(ref: date, n: int) -> None:
    assert dates.parse_day(f"{n}일 전", ref=ref) == dates.parse_day(f"{n} days ago", ref=ref)


@given(days, st.integers(min_value=0, max_value=6))
def test_a_weekday_name_is_the_most_recent_one_in_both_languages(ref: date, index: int) -> None:
    korean = dates.parse_day(KOREAN_WEEKDAYS[index], ref=ref)
    assert korean == dates.parse_day(ENGLISH_WEEKDAYS[index], ref=ref)
    assert korean.weekday() == index and 0 <= (ref - korean).days < 7


@given(days, st.integers(min_value=0, max_value=6))
def test_last_week_is_the_calendar_week_before(ref: date, index: int) -> None:
    """지난주 월요일 is Monday of last week (as Korean means it), not the most recent Monday."""
    found = dates.parse_day(f"지난주 {KOREAN_WEEKDAYS[index]}", ref=ref)
    assert found.weekday() == index
    assert found.isocalendar()[:2] == (ref - timedelta(days=7)).isocalendar()[:2]


@given(days)
def test_a_korean_written_date_is_that_date(day: date) -> None:
    assert dates.parse_day(f"{day.year}년 {day.month}월 {day.day}일", ref=REF) == day
    assert dates.parse_day(day.isoformat(), ref=REF) == day  # English forms still work


@given(st.integers(min_value=0, max_value=23), st.integers(min_value=0, max_value=59))
def test_korean_times(hour: int, minute: int) -> None:
    assert dates.parse_time(f"{hour}시 {minute}분") == time(hour, minute)
    assert dates.parse_time(f"{hour:02d}:{minute:02d}") == time(hour, minute)
    if 1 <= hour <= 11:
        assert dates.parse_time(f"오후 {hour}시 {minute}분") == time(hour + 12, minute)
        assert dates.parse_time(f"오전 {hour}시 {minute}분") == time(hour, minute)


@pytest.mark.parametrize(("typed", "meant"), [
    ("저녁 8시 반", time(20, 30)), ("오후 12시", time(12, 0)), ("밤 12시", time(0, 0)),
    ("오전 12시", time(0, 0)), ("새벽 3시", time(3, 0)), ("20시", time(20, 0)), ("8시", time(8, 0)),
])
def test_korean_time_words(typed: str, meant: time) -> None:
    assert dates.parse_time(typed) == meant


def test_a_date_and_a_time_together() -> None:
    ref = datetime(2026, 12, 2, 21, 0).astimezone()
    def wall(text: str) -> datetime:
        return dates.parse_when(text, ref=ref).replace(tzinfo=None)

    assert wall("어제 오후 8시 30분") == datetime(2026, 12, 1, 20, 30)
    assert wall("2026년 11월 20일 20:30") == datetime(2026, 11, 20, 20, 30)
    assert wall("3일 전 오후 2시") == datetime(2026, 11, 29, 14, 0)
    assert wall("오후 8시") == datetime(2026, 12, 2, 20, 0)
    assert dates.parse_when("지금", ref=ref) == ref


def test_decomposed_hangul_is_read_like_composed() -> None:
    """A keyboard (or a Mac's file name) may send 어제 as separate jamo: NFD. It means the same."""
    assert dates.parse_day(unicodedata.normalize("NFD", "어제"), ref=REF) == REF - timedelta(days=1)
    assert dates.parse_day(unicodedata.normalize("NFD", "지난주 월요일"), ref=REF) == date(2026, 11, 23)


@pytest.mark.parametrize("typed", ["2026년 2월 30일", "오후 13시", "25시", "8시 61분", "지난달"])
def test_impossible_korean_dates_and_times_are_refused(typed: str) -> None:
    with pytest.raises(BadInput):
        dates.parse_when(typed, ref=datetime(2026, 12, 2, 21, 0).astimezone())
