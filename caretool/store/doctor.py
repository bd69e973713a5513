"""Check every file of a data home and say what is wrong and how to fix it."""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path

from caretool.core.errors import DataError
from caretool.store import files, schema
from caretool.store.backup import list_backups
from caretool.store.paths import ENTRIES, HOUSEHOLD


@dataclass
class Finding:
    level: str  # "error" (data cannot be used) or "warning" (works, but should be fixed)
    path: str
    problem: str
    fix: str


def _mode_finding(path: Path, wanted: int) -> Finding | None:
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        return Finding("warning", str(path), f"permissions are {mode:o}; others can read it",
                       f"chmod {wanted:o} '{path}'")
    return None


def _check_file(path: Path) -> tuple[Finding | None, dict | None]:
    try:
        data = files.check_tinydb_shape(path, files.read_json(path))
    except DataError as exc:
        newest = list_backups(path.parent if path.name == HOUSEHOLD else path.parent.parent)
        fix = (f"restore a copy: `caretool backup --restore {newest[-1].name}`" if newest
               else "move the file aside and re-enter its entries, or restore it from your own copy")
        return Finding("error", str(path), str(exc.message), fix), None
    return None, data


def check_home(home: Path) -> list[Finding]:
    found: list[Finding] = []
    if not home.exists():
        return [Finding("error", str(home), "the data folder does not exist",
                        "run `caretool init` to set up a household")]
    if (f := _mode_finding(home, 0o700)) is not None:
        found.append(f)
    household = home / HOUSEHOLD
    if not household.exists():
        found.append(Finding("error", str(household), "no household file",
                             "run `caretool init`, or restore a backup"))
    else:
        problem, data = _check_file(household)
        if problem:
            found.append(problem)
        elif data is not None:
            meta = list((data.get("meta") or {}).values())
            version = meta[0].get("schema_version") if meta else None
            if not isinstance(version, int):
                found.append(Finding("error", str(household), "no schema version",
                                     "restore a backup"))
            elif version > schema.SCHEMA_VERSION:
                found.append(Finding("error", str(household),
                                     f"written by a newer caretool (schema {version})",
                                     "upgrade caretool; do not edit the file"))
        if (f := _mode_finding(household, 0o600)) is not None:
            found.append(f)
    seen: dict[str, str] = {}
    for path in sorted((home / ENTRIES).glob("*")) if (home / ENTRIES).is_dir() else []:
        if files.TEMP_PATTERN.match(path.name):
            found.append(Finding("warning", str(path), "left over from an interrupted write",
                                 "harmless; the next command that writes removes it"))
            continue
        if path.suffix != ".json":
            continue
        problem, data = _check_file(path)
        if problem:
            found.append(problem)
            continue
        if (f := _mode_finding(path, 0o600)) is not None:
            found.append(f)
        for doc in (data or {}).get("entries", {}).values():
            entry_id, day = doc.get("id"), str(doc.get("day", ""))
            if not isinstance(entry_id, str) or not day.startswith(path.stem):
                found.append(Finding("error", str(path), f"entry {entry_id!r} is malformed "
                                     "or in the wrong month", "restore a backup"))
                continue
            if entry_id in seen:
                found.append(Finding("warning", str(path), f"entry {entry_id[:7]} is also in "
                                     f"{seen[entry_id]}", f"delete one copy: caretool delete {entry_id}"))
            seen[entry_id] = path.name
    return found
