"""Only regular files are data, caretool touches only its own files, folders are private, and the
lock cannot be taken away from a running writer."""

from __future__ import annotations

import fcntl
import os
import socket
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from caretool.store import Store


def snapshot(home: Path) -> dict[str, bytes]:
    return {str(p.relative_to(home)): p.read_bytes() for p in sorted(home.rglob("*"))
            if p.is_file() and not p.is_symlink() and "backups" not in p.parts}


@pytest.fixture
def logged(run: Any, household: Any, home: Path) -> Path:
    household()
    run("log", "hours", "2", "--at", "2026-10-03 10:00")
    run("log", "note", "a note", "--at", "2026-11-05 10:00")
    return home


def caretool(home: Path, *args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CARETOOL_HOME": str(home), "CARETOOL_LOCK_TIMEOUT": "2"}
    return subprocess.run([sys.executable, "-m", "caretool", *args], env=env, capture_output=True,
                          text=True, timeout=timeout)


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _folder(path: Path) -> None:
    path.mkdir()


def _symlink(path: Path) -> None:
    outside = path.parent.parent.parent / f"outside-{path.name}"
    outside.write_text('{"entries": {}}')
    path.symlink_to(outside)


def _socket(path: Path) -> None:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    sock.close()


KINDS = {"fifo": (_fifo, "named pipe"), "folder": (_folder, "folder"),
         "symlink": (_symlink, "symbolic link"), "socket": (_socket, "socket")}


@pytest.mark.parametrize("which", ["household", "month"])
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_what_is_not_a_regular_file_is_refused_at_once_and_reported(run: Any, logged: Path, which: str,
                                                                     kind: str) -> None:
    target = logged / "household.json" if which == "household" else logged / "entries" / "2026-11.json"
    target.unlink()
    make, words = KINDS[kind]
    make(target)
    before = snapshot(logged)
    if kind == "fifo":  # opening a FIFO to read it blocks: in a real process a timeout fails this
        done = caretool(logged, "history")
        assert done.returncode == 3 and str(target) in done.stderr, done.stderr
    for args in (("history",), ("log", "note", "x", "--at", "2026-11-06 10:00"), ("export",)):
        result = run(*args, code=3)
        assert str(target) in result.stderr and words in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    doctor = run("doctor", code=3)
    assert str(target) in doctor.stdout and words in doctor.stdout
    assert snapshot(logged) == before
    assert (target.is_symlink() if kind == "symlink" else not target.is_file())


def test_a_device_where_a_month_belongs_is_refused(logged: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    target = logged / "entries" / "2026-11.json"
    target.unlink()
    os.mknod(target, stat.S_IFCHR | 0o600, os.makedev(1, 3))  # /dev/null's numbers
    done = caretool(logged, "history")
    assert done.returncode == 3 and "device" in done.stderr


def test_a_symlinked_entries_folder_is_refused(run: Any, logged: Path, tmp_path: Path) -> None:
    real = tmp_path / "elsewhere"
    (logged / "entries").rename(real)
    (logged / "entries").symlink_to(real)
    assert "symbolic link or a file" in run("history", code=3).stderr


def test_a_backup_copies_regular_files_only_and_says_what_it_skipped(run: Any, logged: Path) -> None:
    month = logged / "entries" / "2026-10.json"
    month.unlink()
    _symlink(month)
    result = run("backup")
    assert "Not backed up" in result.stderr and str(month) in result.stderr
    newest = sorted((logged / "backups").iterdir())[-1]
    assert not (newest / "entries" / "2026-10.json").exists()
    assert (newest / "entries" / "2026-11.json").is_file()


def test_files_caretool_did_not_write_are_left_alone_and_reported(run: Any, logged: Path) -> None:
    strays = {
        logged / "entries" / "2026-11.JSON": b'{"entries": {}}',
        logged / "entries" / "notes.txt": b"mine",
        logged / "entries" / "2026-13.json": b"{}",
        logged / "my-notes.md": b"# mine",
    }
    for path, data in strays.items():
        path.write_bytes(data)
    run("log", "note", "in November", "--at", "2026-11-07 10:00")
    run("delete", run.json("history", "--limit", "1")[0]["id"][:8])
    run("backup", "--restore", run.json("backup")["backup"].rsplit("/", 1)[-1])
    for path, data in strays.items():
        assert path.read_bytes() == data
    doctor = run("doctor")  # warnings only: exit 0
    for path in strays:
        assert str(path) in doctor.stdout
    assert "YYYY-MM.json" in doctor.stdout  # the look-alike month file is named as one


def test_folders_are_private_whatever_the_umask(run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                ) -> None:
    home = tmp_path / "a" / "b" / "home"
    monkeypatch.setenv("CARETOOL_HOME", str(home))
    old = os.umask(0)
    try:
        run("init", "--person", "P", "--caregiver", "A", "--yes")
        run("log", "note", "one")
        run("backup")
    finally:
        os.umask(old)
    folders = [tmp_path / "a", tmp_path / "a" / "b", home, home / "entries", home / "entries" / "ids",
               home / "backups", *[p for p in (home / "backups").rglob("*") if p.is_dir()]]
    for folder in folders:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    for path in home.rglob("*"):
        if path.is_file():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_too_open_modes_are_reported_and_fixed_by_the_next_write(run: Any, logged: Path) -> None:
    october = logged / "entries" / "2026-10.json"
    logged.chmod(0o755)
    (logged / "entries").chmod(0o755)
    october.chmod(0o644)
    doctor = run("doctor").stdout
    assert "permissions are 755" in doctor and "permissions are 644" in doctor and str(october) in doctor
    run("log", "note", "in November", "--at", "2026-11-08 10:00")  # October itself is not rewritten
    assert stat.S_IMODE(october.stat().st_mode) == 0o600
    assert stat.S_IMODE(logged.stat().st_mode) == 0o700
    assert "permissions" not in run("doctor").stdout


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "0", "-1", "soon", "1e999"])
def test_the_lock_timeout_must_be_finite_and_positive(run: Any, logged: Path, value: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CARETOOL_LOCK_TIMEOUT", value)
    result = run("log", "note", "x", code=2)
    assert "CARETOOL_LOCK_TIMEOUT" in result.stderr


def test_the_lock_is_the_folder_itself_not_a_file_that_can_be_swapped(
        run: Any, logged: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CARETOOL_LOCK_TIMEOUT", "0.2")
    (logged / ".lock").unlink(missing_ok=True)
    (logged / ".lock").symlink_to("/etc/passwd")  # an old lock file made a link: never followed
    fd = os.open(logged, os.O_RDONLY | os.O_DIRECTORY)  # another writer holds the lock
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        assert "another caretool is writing" in run("log", "note", "x", code=3).stderr
        os.unlink(logged / ".lock")  # nothing to delete that would let a second writer in
        assert "another caretool is writing" in run("log", "note", "x", code=3).stderr
    finally:
        os.close(fd)
    run("log", "note", "x")


def test_a_home_moved_away_under_a_writer_is_noticed_before_anything_is_written(logged: Path,
                                                                                tmp_path: Path) -> None:
    with pytest.raises(Exception, match="moved or replaced"), Store(logged, write=True) as store:
        store.insert([{"id": "ab" * 16, "kind": "note", "at": "2026-11-09T10:00:00+00:00",
                       "day": "2026-11-09", "created": "2026-11-09T10:00:00+00:00", "text": "x"}])
        logged.rename(tmp_path / "moved")
        logged.mkdir()
    assert list(logged.iterdir()) == []
