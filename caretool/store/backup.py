"""Timestamped copies of a whole data home, and restoring one of them."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from caretool.core.errors import BadInput, DataError, NotFound
from caretool.store import files
from caretool.store.paths import BACKUPS, ENTRIES, HOUSEHOLD

KEEP = 20


def _copy_data(source: Path, target: Path) -> int:
    """Copy household.json and entries/ from source to target; returns the number of files."""
    files.make_private_dir(target / ENTRIES)
    count = 0
    candidates = [source / HOUSEHOLD, *sorted((source / ENTRIES).glob("*.json"))]
    for item in candidates:
        if item.is_file() and not item.is_symlink():
            dest = target / item.relative_to(source)
            shutil.copyfile(item, dest)
            dest.chmod(0o600)
            count += 1
    return count


def make_backup(home: Path, reason: str = "manual") -> Path:
    """Copy the whole home into backups/<timestamp>-<reason>/ and keep the newest KEEP."""
    root = home / BACKUPS
    files.make_private_dir(root)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    final = root / f"{stamp}-{reason}"
    temp = root / f".{final.name}.partial"
    try:
        _copy_data(home, temp)
        temp.rename(final)
    except OSError as exc:
        shutil.rmtree(temp, ignore_errors=True)
        raise DataError(f"cannot write a backup in {root}: {exc.strerror}",
                        "free some disk space or check permissions") from None
    files.fsync_dir(root)
    for old in list_backups(home)[:-KEEP]:
        shutil.rmtree(old, ignore_errors=True)
    return final


def list_backups(home: Path) -> list[Path]:
    root = home / BACKUPS
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))


def restore_backup(home: Path, name: str) -> tuple[Path, Path]:
    """Put a backup's files back; the current files are first kept as a backup of their own.

    Call with the write lock held. Returns (restored backup, safety copy of what was there).
    """
    matches = [p for p in list_backups(home) if p.name == name or p.name.startswith(name)]
    if not matches:
        raise NotFound(f"no backup called {name!r}", "list them with `caretool backup --list`")
    if len(matches) > 1:
        raise BadInput(f"{name!r} matches {len(matches)} backups", "type more of the name")
    chosen = matches[0]
    if not (chosen / HOUSEHOLD).is_file():
        raise DataError(f"backup {chosen.name} has no household file", "choose another backup")
    # Read it first: the safety backup below may prune the oldest backups, this one included.
    contents = {item.relative_to(chosen): item.read_bytes()
                for item in [chosen / HOUSEHOLD, *sorted((chosen / ENTRIES).glob("*.json"))]}
    safety = make_backup(home, reason="before-restore")
    files.make_private_dir(home / ENTRIES)
    for item in (home / ENTRIES).glob("*.json"):
        item.unlink()
    for relative, data in contents.items():
        files.write_atomic(home / relative, data)
    return chosen, safety
