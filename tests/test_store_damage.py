"""Damage that still parses is damage: every command stops with exit 3 and one line naming the
file (and the entry and field), nothing is overwritten, and doctor finds it."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caretool.core.errors import DataError
from caretool.store import Store
from caretool.store.doctor import check_home

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from crash_harness import InProcess
from damage_report import HOUSEHOLD_DAMAGE, MONTH_DAMAGE, build, try_damage

# The daily commands the test suite runs against every damage (the report runs more).
QUICK = [("history",), ("log", "note", "damage test", "--at", "2026-11-06 10:00")]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("damage") / "template"
    mp = pytest.MonkeyPatch()
    mp.setenv("TZ", "UTC")
    try:
        build(InProcess(), folder)
    finally:
        mp.undo()
    return folder


@pytest.mark.parametrize(("target", "name"), [("entries/2026-11.json", n) for n in MONTH_DAMAGE]
                         + [("household.json", n) for n in HOUSEHOLD_DAMAGE])
def test_damage_stops_every_command_and_doctor_finds_it(template: Path, tmp_path: Path, target: str,
                                                        name: str) -> None:
    table = MONTH_DAMAGE if target.startswith("entries") else HOUSEHOLD_DAMAGE
    result = try_damage(InProcess(), template, tmp_path / "home", target, table[name], QUICK)
    assert result["codes"] == [3] * len(QUICK)
    assert result["named"] and result["one_line"]
    assert not result["overwritten"]
    assert result["detected"]


def test_a_bad_entry_is_named_by_file_entry_and_field(run: Any, household: Any, home: Path) -> None:
    household()
    run("log", "note", "one", "--at", "2026-11-05 10:00")
    path = home / "entries" / "2026-11.json"
    data = json.loads(path.read_text())
    entry = next(iter(data["entries"].values()))
    entry["at"] = "2026-11-05T10:00:00"
    path.write_text(json.dumps(data))
    message = run("history", code=3).stderr
    assert str(path) in message and entry["id"] in message and "invalid at" in message


def test_oversized_files_are_refused_before_they_are_read(run: Any, household: Any, home: Path) -> None:
    household()
    run("log", "note", "one", "--at", "2026-11-05 10:00")
    path = home / "entries" / "2026-11.json"
    os.truncate(path, 65 * 1024 * 1024)  # sparse: costs no disk and no time
    message = run("history", code=3).stderr
    assert str(path) in message and "more than" in message


def _severity_check(record: dict[str, Any]) -> None:
    """Stands in for the entry-kind registry's check, which the CLI will hand to the store."""
    from caretool.core.messages import msg

    if record["kind"] == "symptom" and record.get("severity") not in (0, 1, 2, 3):
        raise DataError(msg("test.severity", "severity {value!r} is not 0-3")(value=record.get("severity")))


def test_kind_specific_fields_are_checked_by_the_callable_the_store_is_given(run: Any, household: Any,
                                                                           home: Path) -> None:
    household()
    run("log", "symptom", "cramps", "--severity", "1", "--at", "2026-11-05 10:00")
    path = home / "entries" / "2026-11.json"
    data = json.loads(path.read_text())
    entry = next(iter(data["entries"].values()))
    entry["severity"] = "high"
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    with Store(home) as store:
        assert store.month_records("2026-11")[0]["severity"] == "high"  # no check given: the default
    with pytest.raises(DataError) as caught, Store(home, check_record=_severity_check) as store:
        store.month_records("2026-11")
    text = str(caught.value.message)
    assert str(path) in text and entry["id"] in text and "severity 'high' is not 0-3" in text
    with pytest.raises(DataError), Store(home, write=True, check_record=_severity_check) as store:
        store.insert([{**entry, "id": "cd" * 16, "severity": 9}])
    findings = check_home(home, check_record=_severity_check)
    assert any(f.level == "error" and "severity" in str(f.problem) for f in findings)
    assert path.read_bytes() == before


@pytest.mark.parametrize(("field", "value", "words"), [("severity", "high", "not a whole number"),
                                                    ("name", 7, "not text")])
def test_every_command_checks_each_entry_against_its_kind(run: Any, household: Any, home: Path,
                                                          field: str, value: Any, words: str) -> None:
    """The commands hand the store the entry-kind registry's check: a symptom whose severity is
    "high" stops history, report and doctor with exit 3 naming the file, entry and field."""
    household()
    run("log", "symptom", "cramps", "--severity", "1", "--at", "2026-11-05 10:00")
    path = home / "entries" / "2026-11.json"
    data = json.loads(path.read_text())
    entry = next(iter(data["entries"].values()))
    entry[field] = value
    path.write_text(json.dumps(data))
    before = path.read_bytes()
    commands = [("history",), ("report", "--week", "2026-W45"),
                ("log", "note", "x", "--at", "2026-11-06 10:00"), ("doctor",)]
    for command in commands:
        done = run(*command, code=3)
        message = done.stderr + done.stdout
        assert str(path) in message and entry["id"] in message and repr(field) in message, command
        assert words in message and "Traceback" not in message
    assert path.read_bytes() == before


def test_the_store_refuses_to_write_what_breaks_the_schema(run: Any, household: Any, home: Path) -> None:
    household()
    before = (home / "household.json").read_bytes()
    with pytest.raises(DataError) as caught, Store(home, write=True) as store:
        tables = store.household_tables()
        store.save_household({**tables, "person": []})
    assert "person table is empty" in str(caught.value.message)
    with pytest.raises(DataError) as caught, Store(home, write=True) as store:
        store.insert([{"id": "ab" * 16, "kind": "note", "at": "2026-11-05T10:00:00+00:00",
                       "created": "2026-11-05T10:00:00+00:00", "text": "no day"}])
    assert "has no day" in str(caught.value.message)
    assert (home / "household.json").read_bytes() == before
    assert not list((home / "entries").glob("*.json"))


_GOOD = {"id": "ab" * 16, "kind": "note", "at": "2026-11-05T10:00:00+00:00", "day": "2026-11-05",
         "created": "2026-11-05T10:00:00+00:00", "caregiver": None, "source": "log", "warnings": []}
_ODD_VALUES = st.one_of(
    st.none(), st.integers(), st.text(max_size=12),
    st.sampled_from([
        "", "  ", "note\n", "2026-11-31", "2026-10-05", "2026-11-05T10:00", "2026-11-05T10:00:00",
        "AB" * 16, "ab" * 15, "ab" * 15 + " a", "2026-11-06T01:00:00+09:00", "2026-11-05T10:00Z",
        "2026-02-30T10:00:00+00:00", "2026-11-05T10:00:00+00:00\n2026-11-05T10:00:00+00:00",
        "2026-11-05\n2026-11-06"]),
    st.sampled_from([[], {}, [{"rule": "x"}], ["x"]]))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(sorted(_GOOD)), _ODD_VALUES, max_size=2),
                min_size=1, max_size=4),
       st.lists(st.sampled_from(sorted(_GOOD)), max_size=2))
def test_the_quick_check_of_a_month_agrees_with_the_entry_by_entry_one(changes: list[dict[str, Any]],
                                                                       dropped: list[str]) -> None:
    from caretool.store import validate

    path = Path("/nowhere/entries/2026-11.json")
    records = [{**_GOOD, "id": f"{i:032x}", **change} for i, change in enumerate(changes)]
    for field in dropped:
        records[0].pop(field, None)
    data = {"entries": {str(i + 1): r for i, r in enumerate(records)}}
    expected = any(validate.entry_problem(path, "2026-11", r) is not None for r in records)
    try:
        validate.check_month(path, data)
        refused = False
    except DataError:
        refused = True
    assert refused == expected
