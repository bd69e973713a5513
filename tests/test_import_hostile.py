"""Hostile import files: each is refused whole (exit 2, one line naming the record or item and the
field, nothing written), fast, without hanging or exhausting memory.

The checks are the commands' own: a record as `log` checks it, a medication as `med add`, a phase
change as `phase set`, a name as `caregiver add`, the hours per caregiver per day over the home
and the file together.
"""

from __future__ import annotations

import copy
import json
import os
import stat
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from caretool.core import dates
from caretool.demo import sample
from caretool.domain.transfer import reading
from caretool.store import Store
from tests.test_store import snapshot

Data = dict[str, Any]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Data:
    """An export of two weeks of the sample household, ending today (read once, copied per test)."""
    home = tmp_path_factory.mktemp("base") / "home"
    end = dates.today()
    with Store(home, write=True) as store:
        sample.build(store, start=end - timedelta(days=13), end=end, per_day=8)
    from caretool.domain.transfer import export

    out = tmp_path_factory.mktemp("export") / "base.json"
    with Store(home) as store, out.open("w", encoding="utf-8") as handle:
        export.export(store, handle, form="json")
    data: Data = json.loads(out.read_text(encoding="utf-8"))
    return data


def first(data: Data, kind: str) -> Data:
    record: Data = next(r for r in data["records"] if r["kind"] == kind)
    return record


def caregiver(data: Data, number: int = 0) -> Data:
    row: Data = data["household"]["caregivers"][number]
    return row


def medication(data: Data) -> Data:
    row: Data = data["household"]["medications"][0]
    return row


def set_field(get: Callable[[Data], Data], key: str, value: Any) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        get(data)[key] = value
    return change


def ahead(days: int) -> str:
    return (dates.today() + timedelta(days=days)).isoformat()


# (what is wrong, how to make it wrong, words the one-line error must hold)
HOSTILE: list[tuple[str, Callable[[Data], None], str]] = [
    # text a terminal or the store cannot take
    ("lone surrogate in a note", set_field(lambda d: first(d, "symptom"), "note", "ok \ud800"),
     "holds a broken character"),
    ("lone surrogate in an unknown field", set_field(lambda d: first(d, "hours"), "x_extra", "\udfff"),
     "'x_extra' holds a broken character"),
    ("lone surrogate in a dose's dose", set_field(lambda d: first(d, "dose"), "dose", "5\udc80 mg"),
     "'dose' holds a broken character"),
    ("lone surrogate in a caregiver name", set_field(caregiver, "name", "Ji\ud83dwoo"),
     "caregivers[0].name"),
    # names, as `caregiver add` checks them
    ("escape sequence in a name", set_field(caregiver, "name", "Ji\x1b]52;c;aGk=\x07woo"),
     "control characters or line breaks"),
    ("newline in a name", set_field(caregiver, "name", "Ji-woo\nSam"), "control characters or line breaks"),
    ("tab in a name", set_field(caregiver, "name", "Ji\twoo"), "control characters or line breaks"),
    ("bidi override in a name", set_field(caregiver, "name", "Ji\u202eoow"), "control characters"),
    ("soft hyphen in a name", set_field(caregiver, "name", "Ji\u00adwoo"), "invisible characters"),
    ("zero-width space only", set_field(caregiver, "name", "\u200b"), "invisible characters"),
    ("Hangul filler only", set_field(caregiver, "name", "\u3164"), "invisible characters"),
    ("Cyrillic letter in a Latin name", set_field(caregiver, "name", "D\u0430niel"),
     "mixes letters of different alphabets"),
    ("full-width letters", set_field(caregiver, "name", "\uff2a\uff49-woo"), "look-alike characters"),
    ("punctuation only", set_field(caregiver, "name", "..."), "has no letters"),
    ("name too long", set_field(caregiver, "name", "A" * 81), "81 characters long"),
    ("name not text", set_field(caregiver, "name", 42), "'name' is not text"),
    ("two caregivers with one name", lambda d: caregiver(d, 1).update(name=" ji-WOO "),
     "caregiver 1 has the same name"),
    ("two caregivers with one id", lambda d: caregiver(d, 1).update(id=caregiver(d, 0)["id"]),
     "its id is also caregiver 1's"),
    ("unknown caregiver field", set_field(caregiver, "is_admin", True),
     "'is_admin' that caretool does not know"),
    ("person's name with a newline", set_field(lambda d: d["household"]["person"][0], "name", "Min\njun"),
     "the person cared for"),
    ("born after the diagnosis", set_field(lambda d: d["household"]["person"][0], "born", ahead(-30)),
     "before the date of birth"),
    ("born in the future", set_field(lambda d: d["household"]["person"][0], "born", ahead(30)),
     "is in the future"),
    # medications, as `med add` checks them (meds.schedule's parser and checks)
    ("garbage RRULE", set_field(medication, "rrule", "RRULE:FREQ=SOMETIMES;BYHOUR=8"), "medication 1"),
    ("RRULE every second", set_field(medication, "rrule", "RRULE:FREQ=SECONDLY"), "seconds or minutes"),
    ("48 doses a day", set_field(medication, "rrule", "RRULE:FREQ=DAILY;BYHOUR="
                                 + ",".join(map(str, range(24))) + ";BYMINUTE=0,30"), "48 doses in one day"),
    ("schedule never due", set_field(medication, "rrule", "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"),
     "gives no dose"),
    ("DTSTART line in a stored schedule", set_field(medication, "rrule", "DTSTART:20260101T080000"),
     "medication 1"),
    ("schedule not text", set_field(medication, "rrule", ["RRULE:FREQ=DAILY"]), "'rrule' is not text"),
    ("start not a date", set_field(medication, "start", "soon"), "'start' ('soon') is not a date"),
    ("end before start", set_field(medication, "end", "2001-01-01"), "before it starts"),
    ("stopped without an offset", set_field(medication, "stopped", "2026-01-01T10:00:00"), "UTC offset"),
    ("medication name with an escape", set_field(medication, "name", "Rilu\x1b[2Jzole"),
     "control characters"),
    ("two active medications with one name",
     lambda d: d["household"]["medications"][1].update(name="RILUZOLE"), "medication 1 has the same name"),
    ("earlier schedule garbage",
     set_field(medication, "earlier", [{"rrule": "FREQ=", "until": "2026-01-01"}]), "medication 1"),
    # phase changes, as `phase set` checks them
    ("phase 7", lambda d: d["household"]["phases"][0].update(phase=7), "phase 7 does not exist"),
    ("phase true", lambda d: d["household"]["phases"][0].update(phase=True), "phase True does not exist"),
    ("phase in the future", lambda d: d["household"]["phases"][0].update(at=ahead(10)), "is in the future"),
    ("phase date not a date", lambda d: d["household"]["phases"][0].update(at="spring"), "is not a date"),
    ("phase note too long", lambda d: d["household"]["phases"][0].update(note="x" * 2001), "2001 characters"),
    ("default caregiver unknown", lambda d: d["household"]["settings"][0].update(default_caregiver="f" * 32),
     "is not one of the caregivers"),
    ("table not a list", lambda d: d["household"].update(phases={"phase": 2}), "'phases' is not a list"),
    # records, as `log` checks them (through the kind registry)
    ("severity as a word", set_field(lambda d: first(d, "symptom"), "severity", "high"), "is not a number"),
    ("severity 5000 digits", set_field(lambda d: first(d, "symptom"), "severity", int("9" * 3000)),
     "is out of range"),
    ("hours as a string number out of range", set_field(lambda d: first(d, "hours"), "hours", "30"),
     "out of range"),
    ("weight as a bool", set_field(lambda d: first(d, "weight"), "kg", True), "weight"),
    ("unknown task", set_field(lambda d: first(d, "hours"), "task", "juggling"), "unknown task"),
    ("stress as an object", set_field(lambda d: first(d, "wellbeing"), "stress", {"level": 3}), "stress"),
    ("dose status unknown", set_field(lambda d: first(d, "dose"), "status", "maybe"), "dose status 'maybe'"),
    ("dose scheduled for garbage", set_field(lambda d: first(d, "dose"), "scheduled_for", "at eight"),
     "is not a date and time"),
    ("year 1", lambda d: first(d, "symptom").update(at="0001-01-01T00:00:00+00:00", day="0001-01-01"),
     "no valid time"),
    ("before the person was born", lambda d: first(d, "symptom").update(at="1950-01-01T10:00:00+00:00",
                                                                       day="1950-01-01"), "was born"),
    ("in the future", lambda d: first(d, "note").update(at=ahead(5) + "T10:00:00+00:00", day=ahead(5)),
     "dated in the future"),
    ("a day that is not a day", set_field(lambda d: first(d, "symptom"), "day", "yesterday"),
     "does not match its time"),
    ("no kind", lambda d: first(d, "note").pop("kind"), "unknown kind 'None'"),
    ("created not text", set_field(lambda d: first(d, "note"), "created", 7), "'created' is not text"),
    ("warnings not objects", set_field(lambda d: first(d, "symptom"), "warnings", ["choke!"]),
     "warnings are not a list of objects"),
    ("13 + 13 hours on one day", lambda d: _two_long_shifts(d), "more than the 24 h that day has"),
    ("a record that is a list", lambda d: d["records"].insert(3, ["not", "a", "record"]), "record 3:"),
]


def _two_long_shifts(data: Data) -> None:
    shift = first(data, "hours")
    shift.update(hours=13)
    twin = copy.deepcopy(shift)
    twin.update(id="0" * 31 + "1", at=shift["at"])
    data["records"].append(twin)


@pytest.fixture
def existing(run: Any, home: Path) -> dict[str, bytes]:
    """A home with one entry already in it; its files before the import."""
    run("init", "--person", sample.PERSON, "--caregiver", "Ji-woo", "--yes")
    run("log", "note", "already here")
    return snapshot(home)


@pytest.mark.parametrize(("what", "change", "words"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_a_hostile_file_is_refused_whole(run: Any, base: Data, home: Path, tmp_path: Path,
                                         existing: dict[str, bytes], what: str,
                                         change: Callable[[Data], None], words: str) -> None:
    data = copy.deepcopy(base)
    change(data)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
    result = run("import", str(bad), code=2)
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: "), result.stderr
    assert words in result.stderr, result.stderr
    assert "nothing was imported" in result.stderr
    assert snapshot(home) == existing


def test_the_hostile_list_is_long_enough() -> None:
    assert len(HOSTILE) >= 55


def test_hours_count_the_home_and_the_file_together(run: Any, base: Data, home: Path, tmp_path: Path) -> None:
    """20 h already logged by Ji-woo yesterday + 10 h in the file for the same day: refused."""
    run("init", "--person", sample.PERSON, "--caregiver", "Ji-woo", "--yes")
    run("log", "hours", "20", "--at", "yesterday 10:00")
    before = snapshot(home)
    data = copy.deepcopy(base)
    jiwoo = next(c["id"] for c in data["household"]["caregivers"] if c["name"] == "Ji-woo")
    day = (dates.today() - timedelta(days=1)).isoformat()
    data["records"] = [r for r in data["records"] if not (r["kind"] == "hours" and r["day"] == day)]
    shift = {**first(base, "hours"), "id": "ab" * 16, "caregiver": jiwoo, "hours": 10, "task": "other",
             "night": False, "day": day, "at": f"{day}T12:00:00{dates.now().strftime('%z')[:3]}:00"}
    data["records"].append(shift)
    bad = tmp_path / "ten-more.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    err = run("import", str(bad), code=2).stderr
    assert f"with the 20 h already logged here, it brings Ji-woo's hours of care on {day} to 30" in err
    assert snapshot(home) == before
    shift["hours"] = 4  # 24 h in all: allowed
    bad.write_text(json.dumps(data), encoding="utf-8")
    run("import", str(bad))


def test_a_lone_surrogate_is_refused_before_any_month_is_written(
        run: Any, base: Data, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = copy.deepcopy(base)
    data["records"][-1]["note"] = "\udcff"  # the last record, in the last month
    bad = tmp_path / "late.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    empty = tmp_path / "empty"
    monkeypatch.setenv("CARETOOL_HOME", str(empty))
    err = run("import", str(bad), code=2).stderr
    assert f"record {len(data['records']) - 1} (id " in err and "broken character" in err
    assert not empty.exists()


# --- files that are not files, too big or too deep ----------------------------------------------
def test_dev_zero_is_refused_at_once(run: Any, household: Any) -> None:
    household()
    assert "not a regular file" in run("import", "/dev/zero", code=2).stderr


def test_a_fifo_is_refused_without_waiting_for_a_writer(run: Any, household: Any, tmp_path: Path) -> None:
    household()
    fifo = tmp_path / "export.json"
    os.mkfifo(fifo)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert "not a regular file" in run("import", str(fifo), code=2).stderr


def test_a_folder_is_refused(run: Any, household: Any, tmp_path: Path) -> None:
    household()
    assert "is a folder" in run("import", str(tmp_path), code=2).stderr


def test_a_file_over_the_size_limit_is_refused_unread(run: Any, household: Any, tmp_path: Path) -> None:
    household()
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:  # sparse: 201 MB on paper, nothing on disk
        handle.truncate(reading.MAX_BYTES + 1024 * 1024)
    assert "larger than 200 MB" in run("import", str(huge), code=2).stderr


@pytest.mark.parametrize("text", [
    "[" * 100_000 + "]" * 100_000,
    '{"format": "caretool-export", "version": 1, "household": {}, "records": [' + '{"a":' * 40 + "1"
    + "}" * 40 + "]}",
    "[" * 33 + "]" * 33,
])
def test_deep_nesting_is_refused_before_parsing(run: Any, household: Any, tmp_path: Path, text: str) -> None:
    household()
    deep = tmp_path / "deep.json"
    deep.write_text(text, encoding="utf-8")
    assert "nested more than 32 deep" in run("import", str(deep), code=2).stderr


def test_nesting_is_measured_outside_strings() -> None:
    assert reading.nesting(b'{"a": "[[[[{{{{", "b": [1, [2, "]]]"]]}') == 3
    assert reading.nesting(b'["\\\\", ["\\"[[["]]') == 2
    assert reading.nesting(b"") == 0
    assert reading.nesting(b"[" * 10_000, limit=32) > 32


@pytest.mark.parametrize(("content", "words"), [
    (b"\xff\xfe{}", "not valid JSON"),
    (b'{"format": "caretool-export", "version": NaN}', "not valid JSON"),
    (b'{"format": "caretool-export", "version": ' + b"9" * 5000 + b"}", "not valid JSON"),
    (b'{"format": "caretool-export", "version": 1, "household": {}, "records": {}}', "no list of records"),
    (b'{"format": "caretool-export", "version": true, "household": {}, "records": []}',
     "no valid export version"),
    (b"", "not valid JSON"),
])
def test_broken_envelopes(run: Any, household: Any, tmp_path: Path, content: bytes, words: str) -> None:
    household()
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    err = run("import", str(bad), code=2).stderr
    assert words in err and err.count("\n") == 1


def test_an_old_export_with_a_cached_first_weight_imports_without_it(
        run: Any, base: Data, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = copy.deepcopy(base)
    data["household"]["stats"] = [{"first_weight": {"kg": 99, "day": "2020-01-01", "id": "x"}}]
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setenv("CARETOOL_HOME", str(tmp_path / "new"))
    run("import", str(old))
    assert "first_weight" not in (tmp_path / "new" / "household.json").read_text(encoding="utf-8")
    assert date.fromisoformat(base["records"][0]["day"])  # the base itself is untouched
