"""Where caretool keeps its data, and which names in a data home are caretool's own.

Anything in the home that does not have one of these names was not written by caretool: it is
left alone and only reported by `doctor`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

HOUSEHOLD = "household.json"
ENTRIES = "entries"
IDS = "ids"  # entries/ids/: the id index, derived from the month files
INDEX_ROOT = "index.json"  # entries/ids/index.json: what the index was built from
BACKUPS = "backups"
INTENT = ".intent.json"  # the manifest of a commit that has not finished applying yet
LEGACY_LOCK = ".lock"  # the lock file of earlier versions: harmless, never written now

BACKUP_NAME = re.compile(r"^[0-9]{8}-[0-9]{6}-[0-9]{6}-[a-z0-9][a-z0-9-]*$")  # stamp, then reason
# A backup being made or removed: hidden, never listed, removed by the next command that writes.
BACKUP_LEFTOVER = re.compile(r"^\.(?:[0-9]{8}-[0-9]{6}-[0-9]{6}-[a-z0-9-]+|caretool-backup-[0-9-]+)"
                             r"\.(?:partial|deleting)$")
MONTH_NAME = re.compile(r"^[0-9]{4}-(?:0[1-9]|1[0-2])\.json$")
SHARD_NAME = re.compile(r"^[0-9a-f]{2}\.json$")
# A temporary file: "." + the name it will get + "." + a transaction id + ".tmp".
TEMP_NAME = re.compile(r"^\.(?P<target>.+)\.(?P<txid>[0-9a-f]{12})\.tmp$")


def resolve_home(option: str | os.PathLike[str] | None = None) -> Path:
    """--home, else CARETOOL_HOME, else the platform's user data folder."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get("CARETOOL_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path  # imported late: only needed without a set home

    return user_data_path("caretool", appauthor=False)


def month_file(home: Path, key: str) -> Path:
    return home / ENTRIES / f"{key}.json"


def ids_folder(home: Path) -> Path:
    return home / ENTRIES / IDS


def is_month_name(name: str) -> bool:
    return MONTH_NAME.match(name) is not None


def is_our_data_name(relative: str) -> bool:
    """A path relative to the home that caretool writes: household.json, a month or the index."""
    parts = relative.split("/")
    if parts == [HOUSEHOLD]:
        return True
    if len(parts) == 2 and parts[0] == ENTRIES:
        return is_month_name(parts[1])
    if len(parts) == 3 and parts[:2] == [ENTRIES, IDS]:
        return parts[2] == INDEX_ROOT or SHARD_NAME.match(parts[2]) is not None
    return False


def is_our_temp(folder_relative: str, name: str) -> bool:
    """A temporary file caretool left in this folder (relative to the home, "" for the home)."""
    found = TEMP_NAME.match(name)
    if not found:
        return False
    target = found.group("target")
    if target == INTENT:
        return folder_relative == ""
    return is_our_data_name(f"{folder_relative}/{target}" if folder_relative else target)
