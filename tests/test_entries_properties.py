"""Properties of the validators, tried on generated input (hypothesis): dates, numbers, names and
each kind's validate refuse with BadInput or give a value that is clean, idempotent and storable;
every kind survives a store round trip unchanged."""

from __future__ import annotations

import tempfile
import time
import unicodedata
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from caretool.core import dates
from caretool.core.errors import BadInput, DataError
from caretool.core.text import clean_name, is_valid_unicode, name_key, parse_number, parse_whole, safe
from caretool.domain.care import symptoms
from caretool.domain.entries import kinds
from caretool.domain.entries.kinds.hours import TASKS
from caretool.domain.entries.model import Entry
from caretool.domain.progress import items as alsfrs
from caretool.store import Store

REF = date(2026, 11, 18)
# Any character at all, lone surrogates and controls included.
ANY_CHAR = st.characters(blacklist_categories=())
ANY_TEXT = st.text(ANY_CHAR, max_size=60)
WORDS = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture
def new_york() -> Iterator[None]:
    import os

    old = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()


# --- dates ---------------------------------------------------------------------------------------
@FAST
@given(ANY_TEXT)
def test_any_text_is_a_day_in_range_or_bad_input(text: str) -> None:
    try:
        day = dates.parse_day(text, ref=REF)
    except BadInput:
        return
    assert dates.FIRST_DAY <= day <= dates.LAST_DAY + timedelta(days=1)


@FAST
@given(st.one_of(ANY_TEXT, st.from_regex(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}", fullmatch=True)))
def test_any_text_is_an_aware_moment_or_bad_input(text: str) -> None:
    try:
        moment = dates.parse_when(text, ref=datetime(2026, 11, 18, 21, 0).astimezone())
    except BadInput:
        return
    assert moment.tzinfo is not None and dates.FIRST_DAY <= moment.date() <= dates.LAST_DAY


@FAST
@given(st.one_of(ANY_TEXT, st.from_regex(r"\d{4}-?W\d{2}", fullmatch=True)))
def test_any_text_is_an_iso_week_or_bad_input(text: str) -> None:
    try:
        monday, sunday = dates.parse_week(text)
    except BadInput:
        return
    assert monday.weekday() == 0 and sunday - monday == timedelta(days=6)
    assert dates.week_label(monday).upper() == text.strip().upper().replace("W", "-W").replace("--", "-")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2037, 12, 31)))
@example(datetime(2026, 3, 8, 2, 30))  # skipped: the clocks jump from 02:00 to 03:00
@example(datetime(2026, 11, 1, 1, 30))  # happens twice: the clocks go back from 02:00 to 01:00
def test_a_local_time_is_stored_as_typed_or_refused_as_skipped(new_york: None, wall: datetime) -> None:
    wall = wall.replace(second=0, microsecond=0)
    try:
        moment = dates.parse_when(f"{wall:%Y-%m-%d %H:%M}", ref=datetime(2038, 1, 1).astimezone())
    except BadInput as exc:
        assert exc.code == "date.no-such-time"
        return
    assert moment.replace(tzinfo=None) == wall  # never silently an hour off
    note = dates.ambiguity(moment)
    assert note is None or note[0].id == "date.twice-first"


# --- numbers -------------------------------------------------------------------------------------
@FAST
@given(st.one_of(ANY_TEXT, st.from_regex(r"[+-]?\d{1,6000}(\.\d{0,50})?", fullmatch=True)),
       st.floats(min_value=-1000, max_value=1000, allow_nan=False))
def test_any_text_is_a_finite_number_in_range_or_bad_input(text: str, low: float) -> None:
    try:
        value = parse_number(text, what="n", low=low, high=low + 50)
    except BadInput as exc:
        assert len(str(exc.message)) < 200  # the text is never echoed whole
        return
    assert low <= value <= low + 50


@FAST
@given(st.integers(min_value=-10**6, max_value=10**6))
def test_whole_numbers_round_trip(n: int) -> None:
    assert parse_whole(str(n), what="n", low=-10**6, high=10**6) == n
    assert parse_whole(f"{n}.0", what="n", low=-10**6, high=10**6) == n
    with pytest.raises(BadInput):
        parse_whole(f"{n}.5", what="n", low=-10**6, high=10**6)


# --- names ---------------------------------------------------------------------------------------
@FAST
@given(st.one_of(ANY_TEXT, WORDS))
def test_a_name_is_clean_and_stable_or_bad_input(text: str) -> None:
    try:
        name = clean_name(text)
    except BadInput:
        return
    assert name and len(name) <= 80 and name == name.strip() and "  " not in name
    assert is_valid_unicode(name) and safe(name) == name
    assert not any(unicodedata.category(c) in ("Cc", "Cf") for c in name)
    assert clean_name(name) == name  # what is stored is accepted again, unchanged
    assert name_key(name) == name_key(unicodedata.normalize("NFD", name))


@pytest.mark.parametrize("name", ["Ji-woo", "김민수", "Zoë O'Brien", "Анна", "Σοφία", "田中 太郎", "ㅋㅋ",
                                  "J.R."])
def test_real_names_are_kept(name: str) -> None:
    assert clean_name(name) == unicodedata.normalize("NFC", name)


# --- each kind's validate ------------------------------------------------------------------------
VALUES = st.one_of(st.none(), st.booleans(), st.integers(-10**40, 10**40), st.floats(allow_nan=True),
                   ANY_TEXT, st.sampled_from(["1", "2.5", "0", "yes", "no", "cramps", "feeding", "taken"]),
                   st.dictionaries(st.text(max_size=5), st.integers(-2, 5), max_size=4))


@pytest.mark.parametrize("kind", kinds.names())
@FAST
@given(data=st.data())
def test_a_kinds_validate_refuses_or_gives_a_storable_stable_record(kind: str, data: Any) -> None:
    spec = kinds.get(kind)
    fields = {f.name: data.draw(VALUES) for f in spec.fields
              if data.draw(st.booleans()) or f.required}
    try:
        checked = spec.validate(fields)
    except BadInput:
        return
    record = {"id": "a" * 32, "kind": kind, **checked}
    spec.check_stored(record)  # the types it declares
    assert spec.validate(checked) == checked  # re-validating stored values (what edit does) changes nothing
    assert set(checked) <= {f.name for f in spec.fields}
    assert all(is_valid_unicode(v) for v in checked.values() if isinstance(v, str))


# --- store round trips ---------------------------------------------------------------------------
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80).filter(str.strip)
INPUT = {
    "symptom": st.fixed_dictionaries({"name": st.sampled_from([s.slug for s in symptoms.CATALOGUE
                                                              if s.slug != "other"]),
                                      "severity": st.integers(0, 3).map(str), "note": st.none() | TEXT}),
    "dose": st.fixed_dictionaries({"medication": TEXT, "status": st.sampled_from(["taken", "skipped"]),
                                   "scheduled_for": st.none() | st.just("2026-11-20T08:00:00+09:00"),
                                   "reason": st.none() | TEXT, "extra": st.booleans()}),
    "hours": st.fixed_dictionaries({"hours": st.integers(1, 96).map(lambda q: str(q / 4)),
                                    "task": st.sampled_from(list(TASKS)), "night": st.booleans()}),
    "weight": st.fixed_dictionaries({"kg": st.integers(2000, 30000).map(lambda c: str(c / 100))}),
    "wellbeing": st.fixed_dictionaries({"sleep_hours": st.integers(0, 48).map(lambda h: str(h / 2)),
                                        "stress": st.integers(0, 10), "took_break": st.booleans()}),
    "note": st.fixed_dictionaries({"text": TEXT}),
    "selfcheck": st.fixed_dictionaries({"answers": st.dictionaries(st.sampled_from("abcdefgh"),
                                                                   st.integers(0, 3), min_size=1)}),
    "assessment": st.fixed_dictionaries({"answers": st.dictionaries(st.sampled_from(["walking", "speech"]),
                                                                    st.integers(0, 3), min_size=1),
                                         "suggested": st.integers(1, 5)}),
    "rating": st.fixed_dictionaries({**{item.key: st.integers(0, 4).map(str) for item in alsfrs.ITEMS},
                                     "gastrostomy": st.booleans()}),
    "breathing": st.fixed_dictionaries({"fvc": st.integers(50, 1500).map(lambda t: str(t / 10)),
                                        "snip": st.none() | st.integers(5, 200).map(str),
                                        "position": st.sampled_from([None, "sitting", "lying"])}),
    "niv": st.fixed_dictionaries({"hours": st.integers(0, 96).map(lambda q: str(q / 4)),
                                  "night": st.booleans()}),
    "cough-assist": st.fixed_dictionaries({"sessions": st.integers(0, 50).map(str)}),
    "suction": st.fixed_dictionaries({"times": st.integers(0, 100).map(str)}),
    "feed": st.fixed_dictionaries({"ml": st.integers(1, 5000).map(str),
                                   "via": st.sampled_from(["peg", "mouth"])}),
    "tube-change": st.fixed_dictionaries({"came_out": st.booleans(), "note": st.none() | TEXT}),
}


def test_every_kind_has_a_round_trip_strategy() -> None:
    assert set(INPUT) == set(kinds.names())


@pytest.mark.parametrize("kind", sorted(INPUT))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_kind_survives_a_store_round_trip(kind: str, data: Any) -> None:
    fields = data.draw(INPUT[kind])
    at = data.draw(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2026, 11, 1)))
    entry = Entry(kind=kind, at=at.replace(microsecond=0).astimezone(),
                  fields=kinds.get(kind).validate(fields))
    record = entry.to_record()
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "home"
        with Store(home, write=True) as store:
            store.save_household({"person": [{"name": "Min-jun"}], "caregivers": [], "settings": [{}],
                                  "phases": [], "medications": [], "stats": [{}]})
            store.insert([record])
        with Store(home) as store:
            stored = store.get(record["id"])
    assert stored == record
    again = Entry.from_record(stored)
    assert again.to_record() == record and again.day.isoformat() == record["day"]


# --- the whole-month form of check_stored --------------------------------------------------------
@pytest.mark.parametrize("kind", kinds.names())
@FAST
@given(data=st.data())
def test_the_quick_month_check_agrees_with_the_entry_by_entry_one(kind: str, data: Any) -> None:
    """all_stored_sound (what every command's store uses) says yes exactly when check_stored
    accepts every record: odd values, missing and extra fields, a mix of kinds."""
    spec = kinds.get(kind)
    records = []
    for i in range(data.draw(st.integers(1, 3))):
        fields = {f.name: data.draw(VALUES) for f in spec.fields if data.draw(st.booleans()) or f.required}
        if data.draw(st.booleans()):
            fields.pop(data.draw(st.sampled_from([f.name for f in spec.fields])), None)
        records.append({"id": f"{i:032x}", "kind": data.draw(st.sampled_from([kind, kind, "note", "future"])),
                        **fields})

    def accepted(record: dict[str, Any]) -> bool:
        try:
            kinds.check_stored(record)
        except DataError:
            return False
        return True

    assert kinds.all_stored_sound(records) == all(accepted(r) for r in records)
