"""Schema versions of a data home and the numbered migrations between them.

MIGRATIONS[n] upgrades a home from version n-1 to n. It receives the household tables and
every month's entry records, changes them in place, and the store writes them back after a
backup. Version 1 is the first released layout, so there are no migrations yet.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 1

Tables = dict[str, list[dict[str, Any]]]
Months = dict[str, list[dict[str, Any]]]
MIGRATIONS: dict[int, Callable[[Tables, Months], None]] = {}
