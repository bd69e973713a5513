"""Where caretool keeps its data."""

from __future__ import annotations

import os
from pathlib import Path

HOUSEHOLD = "household.json"
ENTRIES = "entries"
BACKUPS = "backups"
LOCK = ".lock"


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
