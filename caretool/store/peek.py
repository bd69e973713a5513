"""A quick look at one household setting before a command starts, without the lock.

Used only to choose the language for help text and prompts; the command itself reads the
household properly (and reports a damaged file). Any problem here means "no setting".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from caretool.store.paths import HOUSEHOLD

PEEK_LIMIT = 8 * 1024 * 1024  # bytes; a household file larger than this is not peeked at


def household_setting(home: Path, key: str) -> Any:
    path = home / HOUSEHOLD
    try:
        if not path.is_file() or path.is_symlink() or path.stat().st_size > PEEK_LIMIT:
            return None
        tables = json.loads(path.read_bytes())
        rows = list((tables.get("settings") or {}).values())
        return rows[0].get(key) if rows and isinstance(rows[0], dict) else None
    except (OSError, ValueError, AttributeError, RecursionError):
        return None
