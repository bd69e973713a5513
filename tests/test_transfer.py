"""`caretool export` and `caretool import`: round trips, merging, and refusing bad files whole."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from caretool.demo import sample
from caretool.store import Store

NOW = "2026-11-20T21:00:00+00:00"


@pytest.fixture(autouse=True)
def pinned(clock: Callable[..., None]) -> None:
    clock(NOW)


def make_sample(home: Path, days: int = 14, per_day: int = 12) -> None:
    end = date(2026, 11, 20)
    with Store(home, write=True) as store:
        sample.build(store, start=date.fromordinal(end.toordinal() - days + 1), end=end, per_day=per_day,
                     now=datetime.fromisoformat(NOW))


def snapshot(home: Path) -> dict[str, bytes]:
    """Every file under the home (backups included), by relative path."""
    return {str(p.relative_to(home)): p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file()}


@pytest.fixture
def exported(run: Any, home: Path, tmp_path: Path) -> Path:
    make_sample(home)
    target = tmp_path / "export.json"
    run("export", "--output", str(target))
    return target


def use_home(monkeypatch: pytest.MonkeyPatch, folder: Path) -> Path:
    monkeypatch.setenv("CARETOOL_HOME", str(folder))
    return folder


def test_export_document_holds_every_record_as_stored(run: Any, home: Path, exported: Path) -> None:
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert (data["format"], data["version"]) == ("caretool-export", 2)
    assert data["exported"].startswith("2026-11-20T21:00")
    assert [c["name"] for c in data["household"]["caregivers"]] == ["Ji-woo", "Daniel", "Maria"]
    with Store(home) as store:
        stored = [r for key in store.month_keys() for r in store.month_records(key)]
    assert sorted(data["records"], key=lambda r: r["id"]) == sorted(stored, key=lambda r: r["id"])
    assert stat.S_IMODE(exported.stat().st_mode) == 0o600


def test_export_to_stdout_and_by_dates(run: Any, home: Path) -> None:
    make_sample(home)
    everything = json.loads(run("export").stdout)
    part = json.loads(run("export", "--from", "2026-11-16", "--to", "2026-11-18").stdout)
    assert part["range"] == {"from": "2026-11-16", "to": "2026-11-18"}
    assert part["records"] and all("2026-11-16" <= r["day"] <= "2026-11-18" for r in part["records"])
    wanted = [r for r in everything["records"] if "2026-11-16" <= r["day"] <= "2026-11-18"]
    assert part["records"] == wanted
    assert run("export", "--from", "2026-11-18", "--to", "2026-11-16", code=2).stderr.startswith("error:")


def test_round_trip_into_an_empty_home_gives_the_same_history(
        run: Any, exported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = run.json("history", "--limit", "100000")
    report_before = run.json("report", "--week", "2026-W46")
    original = json.loads(exported.read_text(encoding="utf-8"))
    use_home(monkeypatch, tmp_path / "other")
    result = run.json("import", str(exported))
    assert (result["added"], result["skipped"], result["household_created"]) == (len(before), 0, True)
    assert run.json("history", "--limit", "100000") == before
    again = json.loads(run("export").stdout)
    assert again["records"] == original["records"]
    for table in ("person", "caregivers", "phases", "medications", "stats", "settings"):
        assert again["household"][table] == original["household"][table], table
    report_after = run.json("report", "--week", "2026-W46")
    assert {k: v for k, v in report_after.items() if k != "generated"} == {
        k: v for k, v in report_before.items() if k != "generated"}


def test_importing_twice_adds_nothing(run: Any, exported: Path, home: Path) -> None:
    first = run.json("import", str(exported))
    assert (first["added"], first["backup"]) == (0, None)  # everything was already here
    files = snapshot(home)
    second = run("import", str(exported))
    assert "Imported 0 entries; skipped" in second.stdout
    assert snapshot(home) == files


def test_merge_adds_new_entries_and_missing_caregivers_matched_by_name(
        run: Any, household: Any, exported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_home(monkeypatch, tmp_path / "laptop")
    household("ji-woo", "Ana")  # the same spouse, typed differently, with another id
    run("log", "note", "written on the laptop", "--caregiver", "Ana")
    mine = {c["name"]: c["id"] for c in run.json("caregiver", "list")}
    result = run.json("import", str(exported))
    count = len(json.loads(exported.read_text(encoding="utf-8"))["records"])
    assert (result["added"], result["skipped"]) == (count, 0)
    assert result["caregivers_added"] == ["Daniel", "Maria"]
    assert result["medications_added"] == ["Riluzole", "Baclofen"]
    assert "before-import" in (result["backup"] or "")
    names = [c["name"] for c in run.json("caregiver", "list")]
    assert names == ["ji-woo", "Ana", "Daniel", "Maria"]
    spouse = run.json("history", "--caregiver", "ji-woo", "--kind", "wellbeing", "--limit", "1")
    assert spouse[0]["caregiver"] == mine["ji-woo"]
    assert run.json("import", str(exported))["added"] == 0
    assert len(run.json("history", "--limit", "100000")) == count + 1


def test_an_invalid_record_writes_nothing(run: Any, exported: Path, home: Path, tmp_path: Path) -> None:
    data = json.loads(exported.read_text(encoding="utf-8"))
    index = next(i for i, r in enumerate(data["records"]) if r["kind"] == "symptom" and i > 5)
    data["records"][index]["severity"] = 7
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    run("log", "note", "something new", "--caregiver", "Daniel")
    files = snapshot(home)
    result = run("import", str(bad), code=2)
    rid = data["records"][index]["id"]
    assert result.stderr.startswith(f"error: record {index} (id {rid}): severity 7 is out of range")
    assert "nothing was imported" in result.stderr
    assert snapshot(home) == files


def _broken(data: dict[str, Any], how: str) -> dict[str, Any]:
    records = data["records"]
    if how == "future":
        records[3]["at"] = "2027-01-01T10:00:00+00:00"
        records[3]["day"] = "2027-01-01"
    elif how == "duplicate":
        records[4] = dict(records[2])
    elif how == "caregiver":
        records[2]["caregiver"] = "f" * 32
    elif how == "kind":
        records[2]["kind"] = "mood"
    elif how == "no offset":
        records[2]["at"] = records[2]["at"][:19]
    elif how == "id":
        records[2]["id"] = "not-an-id"
    elif how == "day":
        records[2]["day"] = "2020-01-01"
    elif how == "version":
        data["version"] = 3
    elif how == "format":
        data["format"] = "something-else"
    elif how == "household":
        data["household"]["caregivers"] = "nobody"
    return data


@pytest.mark.parametrize(("how", "words"), [
    ("future", "record 3 (id "), ("duplicate", "record 4 (id "), ("caregiver", "not in the file's household"),
    ("kind", "unknown kind 'mood'"), ("no offset", "UTC offset"), ("id", "no valid id"),
    ("day", "does not match its time"), ("version", "newer caretool"), ("format", "not a caretool export"),
    ("household", "household in"),
])
def test_broken_files_are_refused_before_any_write(
        run: Any, exported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str,
        words: str) -> None:
    data = _broken(json.loads(exported.read_text(encoding="utf-8")), how)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    empty = use_home(monkeypatch, tmp_path / "empty")
    result = run("import", str(bad), code=2)
    assert words in result.stderr and result.stderr.count("\n") == 1
    assert not empty.exists() or not any(empty.rglob("*.json"))


def test_files_that_are_not_exports(run: Any, tmp_path: Path) -> None:
    assert "no file" in run("import", str(tmp_path / "missing.json"), code=2).stderr
    junk = tmp_path / "junk.json"
    junk.write_text("{not json", encoding="utf-8")
    assert "not valid JSON" in run("import", str(junk), code=2).stderr
    nan = tmp_path / "nan.json"
    nan.write_text('{"format": "caretool-export", "version": NaN}', encoding="utf-8")
    assert "not valid JSON" in run("import", str(nan), code=2).stderr


def test_csv_has_one_row_per_entry_with_the_kinds_fields(run: Any, home: Path) -> None:
    make_sample(home)
    run("log", "note", "=HYPERLINK(\"x\")", "--caregiver", "Daniel")
    rows = list(csv.DictReader(io.StringIO(run("export", "--format", "csv").stdout)))
    everything = json.loads(run("export").stdout)["records"]
    assert len(rows) == len(everything)
    first = rows[0]
    assert list(first)[:8] == ["id", "kind", "at", "day", "caregiver", "caregiver_name", "created",
                               "source"]
    assert "warnings" not in first  # derived from the entries, never stored or exported
    hours = next(r for r in rows if r["kind"] == "hours")
    assert hours["hours"] and hours["task"] and hours["night"] in ("true", "false") and not hours["kg"]
    note = next(r for r in rows if r["text"].startswith("'="))
    assert note["text"] == "'=HYPERLINK(\"x\")"  # never run as a spreadsheet formula
    assert note["caregiver_name"] == "Daniel"


def test_large_import_with_progress(run: Any, home: Path, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    make_sample(home, days=62, per_day=40)
    target = tmp_path / "big.json"
    run("export", "-o", str(target))
    count = len(json.loads(target.read_text(encoding="utf-8"))["records"])
    assert count > 2000
    use_home(monkeypatch, tmp_path / "copy")
    assert run.json("import", str(target))["added"] == count


def test_export_needs_a_household(run: Any) -> None:
    assert "caretool init" in run("export", code=3).stderr


def test_a_file_about_another_person_is_refused(run: Any, exported: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    other = use_home(monkeypatch, tmp_path / "other-family")
    run("init", "--person", "Alex", "--caregiver", "Sam", "--yes")
    files = snapshot(other)
    result = run("import", str(exported), code=2)
    assert "is about Min-jun, but this home is about Alex" in result.stderr
    assert snapshot(other) == files


def test_the_backup_named_after_an_import_undoes_it(run: Any, household: Any, exported: Path,
                                                     tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_home(monkeypatch, tmp_path / "laptop")
    household("Ji-woo")
    run("log", "note", "only this", "--caregiver", "Ji-woo")
    before = run.json("history")
    result = run("import", str(exported))
    command = result.stderr.split("To undo the import: ")[1].strip()
    assert command.startswith("caretool backup --restore ") and "before-import" in command
    run(*command.split()[1:])
    assert run.json("history") == before


# --- terminal safety ---------------------------------------------------------------------------
EVIL = "clip \x1b]52;c;aGVsbG8=\x07 clear \x1b[2J link \x1b]8;;http://x\x1b\\here\x1b]8;;\x1b\\ " \
       "csi \u009b2J bidi \u202etxet\u202c iso \u2066x\u2069"
RAW = ("\x1b", "\x07", "\u009b", "\u202e", "\u2066")


def _on_a_terminal(home: Path, *args: str) -> str:
    """What `caretool ARGS` prints when its stdout is a terminal (a real process in a pty)."""
    pexpect = pytest.importorskip("pexpect")
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("CARETOOL_")}
    env.update(CARETOOL_HOME=str(home), NO_COLOR="1", TERM="dumb", LC_ALL="C.UTF-8",
               PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    child = pexpect.spawn(sys.executable, ["-m", "caretool", *args], env=env, encoding="utf-8", timeout=60)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return str(child.before)


def test_export_to_a_terminal_escapes_control_and_bidi_characters(run: Any, household: Any,
                                                                  home: Path) -> None:
    household()
    run("log", "note", EVIL)
    for form in ("csv", "json"):
        shown = _on_a_terminal(home, "export", "--format", form)
        assert not any(c in shown for c in RAW), (form, shown)
        assert "clip" in shown and "here" in shown
    assert "\\x1b]52;c;aGVsbG8=\\x07" in _on_a_terminal(home, "export", "--format", "csv")


def test_export_to_a_file_or_a_pipe_keeps_the_data_exact(run: Any, household: Any, home: Path,
                                                        tmp_path: Path) -> None:
    household()
    run("log", "note", EVIL)
    piped = run("export", "--format", "csv").stdout
    assert EVIL in piped  # a spreadsheet or a script reads exactly what was typed
    target = tmp_path / "notes.csv"
    run("export", "--format", "csv", "--output", str(target))
    assert EVIL in target.read_text(encoding="utf-8")
    document = run("export").stdout
    assert "\u009b" not in document and "\u202e" not in document and "\\u009b" in document
    assert json.loads(document)["records"][0]["text"] == EVIL  # the same data, escaped as JSON


def test_the_terminal_stream_escapes_a_sequence_split_across_writes() -> None:
    from caretool.views.transfer import screen

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = Terminal()
    with screen(out) as stream:
        stream.write("a\x1b")
        stream.write("[2Jb")
    assert out.getvalue() == "a\\x1b[2Jb"
    plain = io.StringIO()
    with screen(plain) as stream:
        stream.write("a\x1b[2Jb")
    assert plain.getvalue() == "a\x1b[2Jb"


def test_csv_columns_follow_the_kind_registry(run: Any, home: Path) -> None:
    from caretool.domain.entries import kinds

    make_sample(home)
    with Store(home, write=True) as store:
        store.insert([{"id": "e" * 32, "kind": "note", "at": "2026-11-19T10:00:00+00:00", "day": "2026-11-19",
                       "caregiver": None, "created": "2026-11-19T10:00:00+00:00", "source": "log",
                       "warnings": [], "text": "from a newer caretool", "mood": 3}])
    rows = list(csv.DictReader(io.StringIO(run("export", "--format", "csv").stdout)))
    assert list(rows[0])[8:-1] == list(kinds.csv_columns())
    assert any(r["kind"] == "selfcheck" for r in rows) and "answers" not in rows[0]  # private
    assert all("answers" not in r["other"] for r in rows)
    newer = next(r for r in rows if r["id"] == "e" * 32)
    assert json.loads(newer["other"]) == {"mood": 3}
