"""What lets two computers' copies of one household merge without losing a change.

Entries carry their own revision (entries/model.py: `changed`, `origin`, `revisions`). The household
rows cannot (a caregiver row is exactly a caregiver), so their revisions are kept beside them, with
the tombstones of what was deleted and the conflicts merges found, in the household's stats row:

    stats["sync"] = {
        "origin": "3f9a2c1b7d4e",                     # this home, chosen once
        "stamps": {"medications/<id>": {"changed", "origin", "revisions"}, "person/born": {...},
                   "settings/lang": {...}, "caregivers/<id>": {...}, "phases/4@2026-11-21": {...}},
        "deleted": {"entries/<id>": {"at", "origin", "seen"}, "phases/4@2026-11-21": {...}},
        "conflicts": [{"at", "table", "id", "reason", "kept", "kept_version", "lost"}, ...],
    }

A household "cell" is what merges as one: a caregiver, a medication or a phase change (by id; a
phase change by its phase and date), one field of the person, one setting. `stamp_changes` gives
every cell a save changes a new stamp, and every row it removes a tombstone, so `caretool undo`
and every household command travel to the other computer like an edit.

A tombstone's `seen` lists the revisions the deleted thing had: a copy still at one of them is
deleted by the merge, a copy changed since (where the deletion was not seen) is a conflict, which
the later change wins. An entry restored by `undo` names the deletion it takes back
(tombstone_revision) among its revisions, so it wins without a conflict.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from caretool.core import dates
from caretool.domain.entries.model import REVISIONS_KEPT, Record, lineage, stamp_time

KEY = "sync"
TABLES = ("person", "settings", "caregivers", "medications", "phases")
ROW_TABLES = ("caregivers", "medications", "phases")
# Settings that belong to one computer, not to the household: who uses it.
LOCAL_SETTINGS = ("default_caregiver",)
CONFLICTS_KEPT = 200  # each holds both versions; the newest are kept
Tables = dict[str, list[Record]]


def new_origin() -> str:
    return uuid.uuid4().hex[:12]


def block(stats: dict[str, Any]) -> dict[str, Any]:
    """The sync block of a stats row, made (empty) when missing."""
    found = stats.get(KEY)
    if not isinstance(found, dict):
        found = stats[KEY] = {}
    for name in ("stamps", "deleted"):
        if not isinstance(found.get(name), dict):
            found[name] = {}
    if not isinstance(found.get("conflicts"), list):
        found["conflicts"] = []
    return found


def stats_row(tables: Tables) -> dict[str, Any]:
    rows = tables.get("stats") or []
    if not rows:
        rows = tables["stats"] = [{}]
    return rows[0]


def origin(sync: dict[str, Any]) -> str:
    """This home's origin, chosen the first time it is needed."""
    if not isinstance(sync.get("origin"), str) or not sync["origin"]:
        sync["origin"] = new_origin()
    return str(sync["origin"])


def now_stamp() -> str:
    return stamp_time(dates.now())


def moment(text: Any) -> datetime:
    """A stamp's time for "the later change wins" (an unreadable one counts as the earliest)."""
    try:
        found = datetime.fromisoformat(str(text))
    except ValueError:
        return datetime.min.replace(tzinfo=UTC)
    return found if found.tzinfo else found.replace(tzinfo=UTC)


# --- household cells ----------------------------------------------------------------------------
def phase_key(row: Record) -> str:
    return f"{row.get('phase')}@{str(row.get('at'))[:10]}"


def cells(tables: Tables) -> dict[str, Any]:
    """Every household cell by its key ("medications/<id>", "person/born", ...)."""
    out: dict[str, Any] = {}
    for row in (tables.get("person") or [{}])[:1]:
        for field, value in row.items():
            out[f"person/{field}"] = value
    for row in (tables.get("settings") or [{}])[:1]:
        for key, value in row.items():
            if key not in LOCAL_SETTINGS:
                out[f"settings/{key}"] = value
    for row in tables.get("caregivers") or []:
        out[f"caregivers/{row.get('id')}"] = row
    for row in tables.get("medications") or []:
        out[f"medications/{row.get('id')}"] = row
    for row in tables.get("phases") or []:
        out[f"phases/{phase_key(row)}"] = row
    return out


def stamp_revision(stamp: dict[str, Any] | None) -> str:
    """A cell's revision; "" for a cell never changed since revisions were kept."""
    return f"{stamp.get('changed')}@{stamp.get('origin') or ''}" if stamp else ""


def stamp_lineage(stamp: dict[str, Any] | None) -> list[str]:
    earlier = stamp.get("revisions") if stamp else None
    return [*(earlier if isinstance(earlier, list) else []), stamp_revision(stamp)][-REVISIONS_KEPT:]


def stamp_changes(before: Tables, after: Tables, *, at: str | None = None) -> None:
    """Stamp, in `after`'s sync block, every cell that differs from `before`; a row that is gone
    gets a tombstone, a row that comes back loses its tombstone."""
    sync = block(stats_row(after))
    old, new = cells(before), cells(after)
    if old == new:
        return
    when, here = at or now_stamp(), origin(sync)
    stamps, deleted = sync["stamps"], sync["deleted"]
    for key in sorted(set(old) | set(new)):
        single = key.startswith(("person/", "settings/"))
        if key in new and (key not in old or old[key] != new[key]):
            earlier = stamp_lineage(stamps.get(key)) if key in old or single else []
            stamps[key] = {"changed": when, "origin": here, "revisions": earlier}
            deleted.pop(key, None)
        elif key in old and key not in new and not single:
            deleted[key] = {"at": when, "origin": here, "seen": stamp_lineage(stamps.pop(key, None))}
        elif key in old and key not in new:  # a person's field or a setting taken away
            stamps[key] = {"changed": when, "origin": here, "revisions": stamp_lineage(stamps.get(key))}


# --- entry tombstones ---------------------------------------------------------------------------
def entry_key(entry_id: str) -> str:
    return f"entries/{entry_id}"


def tombstone(record: Record, *, at: str | None = None, here: str = "", combined_into: str | None = None
              ) -> dict[str, Any]:
    stone: dict[str, Any] = {"at": at or now_stamp(), "origin": here, "seen": lineage(record)}
    if combined_into:
        stone["combined_into"] = combined_into
    return stone


def tombstone_revision(stone: dict[str, Any]) -> str:
    """How an entry restored after the deletion names the deletion it takes back."""
    return f"deleted {stone.get('at')}@{stone.get('origin') or ''}"


def add_conflicts(sync: dict[str, Any], found: list[Record]) -> None:
    sync["conflicts"] = [*sync["conflicts"], *found][-CONFLICTS_KEPT:]
