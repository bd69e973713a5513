"""Backups are whole, checked before they are trusted, cheap enough to take every day, and can go
to a USB stick."""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from caretool.store import backup


@pytest.fixture
def logged(run: Any, household: Any, home: Path) -> Path:
    household()
    run("log", "hours", "2", "--at", "2026-10-03 10:00")
    run("log", "note", "a note", "--at", "2026-11-05 10:00")
    return home


def names(home: Path) -> list[str]:
    return [p.name for p in backup.list_backups(home)]


def to_yesterday(home: Path) -> None:
    yesterday = (datetime.now() - timedelta(days=1)).strftime("%Y%m%d")
    for folder in backup.list_backups(home):
        folder.rename(folder.with_name(yesterday + folder.name[8:]))


def test_a_backup_is_taken_before_the_first_change_of_each_day_and_only_then(run: Any, logged: Path) -> None:
    daily = [n for n in names(logged) if n.endswith("-daily")]
    assert len(daily) == 1  # the first log after init took it; the second did not
    taken = logged / "backups" / daily[0]
    assert (taken / "household.json").is_file() and not list((taken / "entries").iterdir())  # as before
    run("history")
    run("log", "note", "later today")
    assert len(names(logged)) == 1
    to_yesterday(logged)
    run("history")  # reading is not a change
    assert not any(n.startswith(datetime.now().strftime("%Y%m%d")) for n in names(logged))
    run("log", "note", "the next day")
    assert sum(n.endswith("-daily") for n in names(logged)) == 2


def test_unchanged_files_are_linked_between_backups_never_shared_with_the_live_files(run: Any,
                                                                                     logged: Path) -> None:
    first = Path(run.json("backup")["backup"])
    run("log", "note", "in November", "--at", "2026-11-06 10:00")
    second = Path(run.json("backup")["backup"])
    october = "entries/2026-10.json"
    assert (first / october).stat().st_ino == (second / october).stat().st_ino
    assert (first / "entries/2026-11.json").stat().st_ino != (second / "entries/2026-11.json").stat().st_ino
    live = {p.stat().st_ino for p in [logged / "household.json", *(logged / "entries").glob("*.json")]}
    kept = {p.stat().st_ino for p in (logged / "backups").rglob("*.json")}
    assert not live & kept
    (logged / "entries" / "2026-10.json").write_text("damaged in place by an editor")
    assert backup.check_backup(first) == [] and backup.check_backup(second) == []


def test_doctor_and_restore_name_the_newest_good_backup_and_never_loop(run: Any, logged: Path) -> None:
    good = Path(run.json("backup")["backup"]).name
    month = logged / "entries" / "2026-11.json"
    month.write_text("{")  # damaged in place
    doctor = run("doctor", code=3).stdout
    assert f"caretool backup --restore {good}" in doctor
    run("backup", "--restore", good)
    safety = [n for n in names(logged) if n.endswith("before-restore")][-1]
    assert json.loads(month.read_text())["entries"]
    result = run("backup", "--restore", safety, code=3)  # it holds the damaged month
    assert "cannot be restored" in result.stderr and f"--restore {good}" in result.stderr
    assert json.loads(month.read_text())["entries"]
    doctor = run("doctor").stdout
    assert safety in doctor and "damaged" in doctor  # reported, and never suggested


def test_a_damaged_backup_is_refused_before_anything_changes(run: Any, logged: Path) -> None:
    older = Path(run.json("backup")["backup"])
    run("log", "note", "in November", "--at", "2026-11-06 10:00")
    newer = Path(run.json("backup")["backup"])
    (newer / "entries" / "2026-11.json").write_text('{"entries": {}}')  # parses, but not what was kept
    run("log", "note", "after both", "--at", "2026-11-07 10:00")
    before = {p: p.read_bytes() for p in (logged / "entries").glob("*.json")}
    result = run("backup", "--restore", newer.name, code=3)
    assert "is not what was backed up" in result.stderr and f"--restore {older.name}" in result.stderr
    assert {p: p.read_bytes() for p in (logged / "entries").glob("*.json")} == before


def test_restore_works_on_a_home_whose_household_file_is_damaged(run: Any, logged: Path) -> None:
    made = Path(run.json("backup")["backup"]).name
    history = run.json("history")
    (logged / "household.json").write_text("not json")
    assert run("history", code=3)
    run("backup", "--restore", made)
    assert run.json("history") == history


def test_half_made_and_half_removed_backups_are_never_listed_and_are_cleaned_up(run: Any,
                                                                                logged: Path) -> None:
    made = Path(run.json("backup")["backup"])
    partial = logged / "backups" / f".{made.name[:-6]}manual.partial"
    going = logged / "backups" / f".{made.name}.deleting"
    partial.mkdir()
    (partial / "household.json").write_text("{")
    going.mkdir()
    (going / "entries").mkdir()
    assert names(logged) == [n for n in names(logged) if not n.startswith(".")]
    doctor = run("doctor").stdout
    assert str(partial) in doctor and str(going) in doctor and "interrupted backup" in doctor
    run("log", "note", "any change")
    assert not partial.exists() and not going.exists()


def test_pruning_keeps_the_newest_and_says_nothing_truncated(run: Any, logged: Path) -> None:
    for _ in range(backup.KEEP + 2):
        run("backup")
    listed = backup.list_backups(logged)
    assert len(listed) == backup.KEEP
    assert all(backup.check_backup(folder) == [] for folder in listed)
    assert not backup.leftovers(logged)


def test_backup_to_a_folder_is_private_checked_and_can_be_restored(run: Any, logged: Path,
                                                                   tmp_path: Path) -> None:
    stick = tmp_path / "usb" / "stick"
    symlinked = logged / "entries" / "2026-12.json"
    symlinked.symlink_to(tmp_path / "elsewhere.json")
    old = os.umask(0)
    try:
        result = run("backup", "--to", str(stick))
    finally:
        os.umask(old)
    symlinked.unlink()
    assert "read back and checked" in result.stdout
    assert "Not backed up" in result.stderr and str(symlinked) in result.stderr
    [copy] = list(stick.iterdir())
    assert copy.name.startswith("caretool-backup-")
    for folder in (tmp_path / "usb", stick, copy, copy / "entries"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert sorted(p.name for p in (copy / "entries").iterdir()) == ["2026-10.json", "2026-11.json"]
    assert backup.check_backup(copy) == []
    history = run.json("history")
    run("log", "note", "after the copy")
    run("backup", "--restore", str(copy))
    assert run.json("history") == history


def test_restoring_a_backup_that_skipped_a_file_says_so(run: Any, logged: Path, tmp_path: Path) -> None:
    month = logged / "entries" / "2026-10.json"
    real = tmp_path / "synced-2026-10.json"
    month.replace(real)
    month.symlink_to(real)
    made = Path(run.json("backup")["backup"]).name
    month.unlink()
    real.replace(month)
    result = run("backup", "--restore", made)
    assert "Not in this backup" in result.stderr and str(month) in result.stderr


def test_pruning_never_removes_the_newest_good_backup(run: Any, logged: Path) -> None:
    good = Path(run.json("backup")["backup"]).name
    (logged / "entries" / "2026-10.json").write_text('{"entries": {"1": {"kind": "broken"}}}')
    for _ in range(backup.KEEP + 2):  # every later backup holds the damaged October
        run("backup")
    listed = names(logged)
    assert len(listed) == backup.KEEP + 1 and listed[0] == good
    assert f"--restore {good}" in run("doctor", code=3).stdout
