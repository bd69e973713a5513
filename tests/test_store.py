"""The store never loses an entry and never overwrites what it cannot read."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caretool.core.errors import DataError
from caretool.store import Store, schema, txn
from caretool.store.backup import KEEP, list_backups


def snapshot(home: Path) -> dict[str, bytes]:
    return {str(p.relative_to(home)): p.read_bytes() for p in sorted(home.rglob("*"))
            if p.is_file() and p.name != ".lock"}


@pytest.fixture
def logged(run: Any, household: Any, home: Path) -> Path:
    household()
    run("log", "hours", "2", "--task", "feeding")
    run("log", "symptom", "cramps", "--severity", "1")
    return home


def month_files(home: Path) -> list[Path]:
    return sorted((home / "entries").glob("*.json"))


def test_home_is_private(logged: Path) -> None:
    assert stat.S_IMODE(logged.stat().st_mode) == 0o700
    assert stat.S_IMODE((logged / "entries").stat().st_mode) == 0o700
    for path in [logged / "household.json", *month_files(logged)]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_files_are_strict_json_with_a_schema_version(logged: Path) -> None:
    meta = json.loads((logged / "household.json").read_text())["meta"]
    assert next(iter(meta.values()))["schema_version"] == schema.SCHEMA_VERSION
    for path in month_files(logged):
        json.loads(path.read_text(), parse_constant=lambda c: pytest.fail(f"{c} in file"))


BAD_CONTENT = {
    "empty": b"",
    "whitespace": b"  \n\t ",
    "truncated": None,  # filled from the real file
    "not json": b"hello, this is not json",
    "nul bytes": b"\x00" * 64,
    "bom": b"\xef\xbb\xbf{}",
    "top-level list": b"[1, 2, 3]",
    "table is a list": b'{"entries": [1, 2]}',
    "string document": b'{"entries": {"1": "oops"}}',
    "non-integer id": b'{"entries": {"x": {"id": "a"}}}',
    "entry without id": b'{"entries": {"1": {"kind": "note"}}}',
    "nan": b'{"entries": {"1": {"id": "a", "at": "x", "kg": NaN}}}',
}


@pytest.mark.parametrize("which", ["household", "month"])
@pytest.mark.parametrize("problem", sorted(BAD_CONTENT))
def test_a_damaged_file_stops_commands_and_is_never_overwritten(
    run: Any, logged: Path, which: str, problem: str
) -> None:
    target = logged / "household.json" if which == "household" else month_files(logged)[0]
    content = BAD_CONTENT[problem]
    if content is None:
        content = target.read_bytes()[: len(target.read_bytes()) // 2]
    if which == "household" and problem == "entry without id":
        content = b'{"meta": {"1": {"nothing": 1}}}'
    target.write_bytes(content)
    before = snapshot(logged)
    for args in (("log", "hours", "1"), ("history",), ("checkin", "--non-interactive", "--hours", "1")):
        result = run(*args, code=3)
        assert str(target) in result.stderr or target.name in result.stderr
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert snapshot(logged) == before
    doctor = run("doctor", code=3)
    assert target.name in doctor.stdout


def test_newer_schema_is_refused_and_left_alone(run: Any, logged: Path) -> None:
    path = logged / "household.json"
    data = json.loads(path.read_text())
    data["meta"] = {"1": {"schema_version": schema.SCHEMA_VERSION + 1}}
    path.write_text(json.dumps(data))
    before = snapshot(logged)
    result = run("log", "note", "hello", code=3)
    assert "newer caretool" in result.stderr
    run("history", code=3)
    assert snapshot(logged) == before


def test_read_only_file_and_symlink_are_not_replaced(run: Any, logged: Path, tmp_path: Path) -> None:
    month = month_files(logged)[0]
    month.chmod(0o400)
    before = snapshot(logged)
    result = run("log", "hours", "1", code=3)
    assert "read-only" in result.stderr
    assert snapshot(logged) == before
    month.chmod(0o600)
    real = tmp_path / "elsewhere.json"
    real.write_bytes(month.read_bytes())
    month.unlink()
    month.symlink_to(real)
    result = run("log", "hours", "1", code=3)
    assert "symbolic link" in result.stderr
    assert month.is_symlink()


def test_read_only_home_is_a_clear_error(run: Any, logged: Path) -> None:
    logged.chmod(0o500)
    try:
        before = snapshot(logged)
        result = run("log", "hours", "1", code=3)
        assert "read-only" in result.stderr
        assert snapshot(logged) == before
        run("history")  # reading still works
    finally:
        logged.chmod(0o700)


def test_missing_household_with_entries_is_an_error(run: Any, logged: Path) -> None:
    (logged / "household.json").unlink()
    result = run("log", "hours", "1", code=3)
    assert "missing" in result.stderr


def test_not_set_up_says_how_to_start(run: Any) -> None:
    result = run("log", "hours", "1", code=3)
    assert "caretool init" in result.stderr


def test_leftover_temp_files_are_cleaned_by_the_next_write(run: Any, logged: Path) -> None:
    leftover = logged / "entries" / ".2026-11.json.0123456789ab.tmp"
    leftover.write_text("partial")
    unrelated = logged / "entries" / "notes.txt"
    unrelated.write_text("mine")
    assert "left over" in run("doctor").stdout
    run("log", "hours", "1")
    assert not leftover.exists()
    assert unrelated.exists()


def test_lock_held_by_another_process_gives_a_clear_error(run: Any, logged: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import fcntl

    monkeypatch.setenv("CARETOOL_LOCK_TIMEOUT", "0.2")
    fd = os.open(logged, os.O_RDONLY | os.O_DIRECTORY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        result = run("log", "hours", "1", code=3)
        assert "another caretool is writing" in result.stderr
    finally:
        os.close(fd)
    run("log", "hours", "1")


def test_backup_keeps_the_newest_twenty_and_restore_brings_data_back(run: Any, logged: Path) -> None:
    first = run("backup").stdout
    assert "Backed up to" in first
    for _ in range(KEEP + 2):
        run("backup")
    assert len(list_backups(logged)) == KEEP
    oldest = list_backups(logged)[0].name
    history_then = run.json("history")
    run("log", "note", "added after the backup")
    assert len(run.json("history")) == len(history_then) + 1
    run("backup", "--restore", oldest)
    assert run.json("history") == history_then
    assert any("before-restore" in p.name for p in list_backups(logged))
    for path in list_backups(logged)[0].rglob("*.json"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_migrations_run_in_order_after_a_backup(run: Any, logged: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def to_two(tables: dict[str, Any], months: dict[str, list[dict[str, Any]]]) -> None:
        calls.append(2)
        for records in months.values():
            for record in records:
                record["migrated"] = True

    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(schema.MIGRATIONS, 2, to_two)
    rows = run.json("history")  # a reading command migrates too
    assert calls == [2]
    assert all(r.get("migrated") for r in rows)
    assert any("before-migration-1-to-2" in p.name for p in list_backups(logged))
    meta = json.loads((logged / "household.json").read_text())["meta"]
    assert next(iter(meta.values()))["schema_version"] == 2
    run("history")
    assert calls == [2]  # only once


def test_failed_write_leaves_the_old_files(logged: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    months = month_files(logged)
    before = snapshot(logged)
    written: list[int] = []

    def full_disk(fd: int, data: Any) -> int:
        if written:  # the first file fits, the second does not
            raise OSError(28, "No space left on device")
        written.append(fd)
        return original(fd, data)

    original = os.write
    monkeypatch.setattr(os, "write", full_disk)
    tx = txn.Transaction(logged)
    tx.put(months[0], b'{"entries": {}}')
    with pytest.raises(DataError) as caught:
        tx.put(logged / "household.json", b"{}")
    assert "disk is full; nothing was changed" in str(caught.value.message)
    assert snapshot(logged) == before
    assert not [p for p in logged.rglob("*") if p.name.endswith(".tmp")]


record_fields = st.fixed_dictionaries({
    "text": st.text(st.characters(blacklist_categories=("Cs",)), max_size=50),
    "n": st.integers(-10**9, 10**9) | st.floats(allow_nan=False, allow_infinity=False),
})


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.lists(record_fields, min_size=1, max_size=5))
def test_store_round_trip(tmp_path: Path, payloads: list[dict[str, Any]]) -> None:
    home = tmp_path / f"rt{abs(hash(str(payloads)))}"
    records = [{"id": f"{i:032x}", "kind": "note", "at": "2026-11-20T10:00:00+00:00",
                "day": "2026-11-20", "created": "2026-11-20T10:00:00+00:00", **p}
               for i, p in enumerate(payloads)]
    with Store(home, write=True) as store:
        store.save_household({"person": [{"name": "x"}]})
        store.insert(records)
    with Store(home) as store:
        assert store.month_records("2026-11") == records
