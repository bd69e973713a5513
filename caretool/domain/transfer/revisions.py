"""The revisions in an import file, checked before anything is written: the household's stamps
(`changes`), the tombstones (`deleted`), the exporting home's `origin`, and each record's own
`changed`, `origin` and `revisions` (see transfer/sync.py for what they mean).

A version 1 export has none of them: it merges as before, by id, with nothing deleted.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any

from caretool.core.errors import BadInput
from caretool.core.messages import Message, msg
from caretool.core.text import shown
from caretool.domain.entries.model import REVISIONS_KEPT
from caretool.domain.transfer import sync

ORIGIN_PATTERN = re.compile(r"[0-9a-f]{0,32}", re.ASCII)
ID_PATTERN = re.compile(r"[0-9a-f]{32}", re.ASCII)
DELETED_TABLES = ("entries", "caregivers", "medications", "phases")
MOST_REVISIONS = 2 * REVISIONS_KEPT  # a file from a caretool that keeps more is still read
LONGEST = 200

FIX_HINT = msg("import.sync.hint", "export the file again with `caretool export`; nothing was imported")
BAD_ORIGIN = msg("import.origin-bad", "{path} names its computer with {value!r}, which is not a caretool "
                 "home id")
CHANGES_DAMAGED = msg("import.changes-damaged", "the household changes in {path} are damaged: {problem}")
CHANGES_NOT_A_TABLE = msg("import.changes-not-a-table", "they are not a table of revisions")
CHANGES_ITEM = msg("import.changes-item", "{key!r}: {problem}")
CHANGES_BAD_KEY = msg("import.changes-bad-key", "{key!r} does not name a part of the household")
DELETED_NOT_A_LIST = msg("import.deleted-not-a-list", "the deleted entries in {path} are not a list")
DELETED_ITEM = msg("import.deleted-item", "{path}: deleted entry {number}: {problem}")
NOT_AN_OBJECT = msg("import.sync-not-an-object", "it is not an object")
BAD_TABLE = msg("import.sync-bad-table", "its table {table!r} is not one that can be deleted from")
BAD_ID = msg("import.sync-bad-id", "its id {id!r} is not valid")
BAD_MOMENT = msg("import.sync-bad-moment",
                 "its {field!r} ({value!r}) is not a date and time with a UTC offset")
BAD_HOME = msg("import.sync-bad-origin", "its 'origin' ({value!r}) is not a caretool home id")
BAD_REVISIONS = msg("import.sync-bad-revisions", "its {field!r} is not a list of revisions")


class Problem(Exception):
    def __init__(self, problem: Message) -> None:
        self.problem = problem


def _moment(value: Any, field: str) -> str:
    try:
        found = datetime.fromisoformat(value) if isinstance(value, str) and len(value) <= 40 else None
    except ValueError:
        found = None
    if found is None or found.tzinfo is None:
        raise Problem(BAD_MOMENT(field=field, value=shown(value)))
    return str(value)


def _origin(value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str) or not ORIGIN_PATTERN.fullmatch(value):
        raise Problem(BAD_HOME(value=shown(value)))
    return value


def _revisions(value: Any, field: str) -> list[str]:
    if value is None:
        return []
    if (not isinstance(value, list) or len(value) > MOST_REVISIONS
            or not all(isinstance(r, str) and len(r) <= LONGEST for r in value)):
        raise Problem(BAD_REVISIONS(field=field))
    return list(value)


def record_fields(record: dict[str, Any]) -> None:
    """A record's own revision (Problem naming the field); records without one are never changed."""
    if "changed" in record and record["changed"] is not None:
        _moment(record["changed"], "changed")
    _origin(record.get("origin"))
    _revisions(record.get("revisions"), "revisions")


def stamp(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Problem(NOT_AN_OBJECT)
    return {"changed": _moment(value.get("changed"), "changed"), "origin": _origin(value.get("origin")),
            "revisions": _revisions(value.get("revisions"), "revisions")}


def origin(path: Path, value: Any) -> str:
    try:
        return _origin(value)
    except Problem:
        raise BadInput(BAD_ORIGIN(path=str(path), value=shown(value)), FIX_HINT) from None


def changes(path: Path, value: Any) -> dict[str, dict[str, Any]]:
    """The file's household stamps, by cell key ("medications/<id>", "person/born", ...)."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise BadInput(CHANGES_DAMAGED(path=str(path), problem=CHANGES_NOT_A_TABLE), FIX_HINT)
    out: dict[str, dict[str, Any]] = {}
    for key, item in value.items():
        table, _, rest = str(key).partition("/")
        try:
            if table not in sync.TABLES or not rest or len(key) > LONGEST:
                raise Problem(CHANGES_BAD_KEY(key=shown(key)))
            out[key] = stamp(item)
        except Problem as bad:
            problem = CHANGES_ITEM(key=shown(key), problem=bad.problem)
            raise BadInput(CHANGES_DAMAGED(path=str(path), problem=problem), FIX_HINT) from None
    return out


def deleted(path: Path, value: Any) -> dict[str, dict[str, Any]]:
    """The file's tombstones, by key ("entries/<id>", "phases/4@2026-11-21", ...)."""
    if value is None:
        return {}
    if not isinstance(value, list):
        raise BadInput(DELETED_NOT_A_LIST(path=str(path)), FIX_HINT)
    out: dict[str, dict[str, Any]] = {}
    for number, item in enumerate(value, 1):
        try:
            if not isinstance(item, dict):
                raise Problem(NOT_AN_OBJECT)
            table, rid = item.get("table"), item.get("id")
            if table not in DELETED_TABLES:
                raise Problem(BAD_TABLE(table=shown(table)))
            if not isinstance(rid, str) or not rid or len(rid) > LONGEST or (
                    table == "entries" and not ID_PATTERN.fullmatch(rid)):
                raise Problem(BAD_ID(id=shown(rid)))
            stone: dict[str, Any] = {"at": _moment(item.get("at"), "at"),
                                     "origin": _origin(item.get("origin")),
                                     "seen": _revisions(item.get("seen"), "seen")}
            into = item.get("combined_into")
            if into is not None:
                if not isinstance(into, str) or not ID_PATTERN.fullmatch(into):
                    raise Problem(BAD_ID(id=shown(into)))
                stone["combined_into"] = into
        except Problem as bad:
            problem = DELETED_ITEM(path=str(path), number=number, problem=bad.problem)
            raise BadInput(problem, FIX_HINT) from None
        out[f"{table}/{rid}"] = stone
    return out
