"""The household's care papers in an import file: the contacts, the equipment and the advance
decisions, checked the way `contact add`, `equipment add` and `decisions set` check them, and
merged into a home that has its own (nothing of this home's is replaced).

transfer/household.py calls `check` for each table; transfer/importer.py calls `merge`.
"""

from __future__ import annotations

import re
from typing import Any

from caretool.core.errors import BadInput
from caretool.core.messages import Message, msg
from caretool.core.text import name_key, shown
from caretool.domain.contacts import model as contacts
from caretool.domain.decisions import model as decisions
from caretool.domain.entries.model import Record
from caretool.domain.equipment import model as equipment

TABLES = ("contacts", "equipment", "decisions")
ID = re.compile(r"[0-9a-f]{32}", re.ASCII)
CONTACT_N = msg("import.item-contact", "contact {number}")
EQUIPMENT_N = msg("import.item-equipment", "equipment {number}")
DECISIONS = msg("import.item-decisions", "the advance decisions")
NO_ID = msg("import.papers.no-id", "it has no valid id (32 hexadecimal characters)")
UNKNOWN_SUPPLIER = msg("import.papers.unknown-supplier", "its supplier {id!r} is not one of the contacts")
NOT_A_DAY = msg("import.papers.not-a-day", "its {field!r} ({value!r}) is not a date")
ITEM = msg("import.papers.item", "{item}: {problem}")


def _day(row: Record, key: str) -> None:
    value = row.get(key)
    if value is None:
        return
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise BadInput(NOT_A_DAY(field=key, value=shown(value)))


def _id(row: Record) -> None:
    if not isinstance(row.get("id"), str) or not ID.fullmatch(row["id"]):
        raise BadInput(NO_ID)


def check(tables: dict[str, list[Record]]) -> None:
    """Every contact, piece of equipment and the decisions of a file, checked (BadInput naming the
    item and the problem); the rows are cleaned in place as the commands would store them."""
    item: Message = CONTACT_N(number=1)
    try:
        for number, row in enumerate(tables.get("contacts") or [], 1):
            item = CONTACT_N(number=number)
            _id(row)
            row.update(contacts.validate(row))
            _day(row, "added")
        ids = {row["id"] for row in tables.get("contacts") or []}
        for number, row in enumerate(tables.get("equipment") or [], 1):
            item = EQUIPMENT_N(number=number)
            _id(row)
            row.update(equipment.validate(row))
            for key in ("since", "retired", "added"):
                _day(row, key)
            if row.get("supplier") not in (None, *ids):
                raise BadInput(UNKNOWN_SUPPLIER(id=shown(row.get("supplier"))))
        for row in tables.get("decisions") or []:
            item = DECISIONS
            given = {k: row[k] for k in decisions.FIELDS if row.get(k) is not None}
            if given:
                row.update(decisions.changes(given))
            _day(row, "updated")
    except BadInput as exc:
        raise BadInput(ITEM(item=item, problem=exc.message), exc.hint) from None


def merge(local: Any, theirs: Any) -> list[str]:
    """Add the file's contacts and equipment this home lacks (by id, and a contact also by name and
    role), and its decisions when this home has none; returns what was added, by name or type."""
    added: list[str] = []
    have = {c["id"] for c in local.contacts} | {(name_key(str(c.get("name"))), c.get("role"))
                                                 for c in local.contacts}
    for c in theirs.contacts:
        if c["id"] not in have and (name_key(str(c.get("name"))), c.get("role")) not in have:
            local.contacts.append(dict(c))
            added.append(str(c.get("name")))
    known = {c["id"] for c in local.contacts}
    mine = {i["id"] for i in local.equipment}
    for i in theirs.equipment:
        if i["id"] not in mine:
            supplier = i.get("supplier") if i.get("supplier") in known else None
            local.equipment.append({**i, "supplier": supplier})
            added.append(str(i.get("type")))
    if theirs.decisions and not local.decisions:
        local.decisions = dict(theirs.decisions)
        added.append("decisions")
    return added
