"""`caretool equipment add|list|edit|retire`: household data, each change undoable with `caretool undo`."""

from __future__ import annotations

from typing import Any

from caretool.core import dates
from caretool.core.errors import BadInput
from caretool.core.messages import msg
from caretool.domain.contacts import model as contacts
from caretool.domain.entries import service as entries
from caretool.domain.equipment import model
from caretool.domain.household.model import Household

ADDED = msg("change.equipment-add", "add equipment {type}")
EDITED = msg("change.equipment-edit", "edit equipment {type}")
RETIRED = msg("change.equipment-retire", "retire equipment {type}")
NOTHING_TO_CHANGE = msg("equipment.nothing-to-change", "nothing to change")
NOTHING_TO_CHANGE_HINT = msg("equipment.nothing-to-change.hint",
                             "add an option such as --settings 'IPAP 14, EPAP 5' or --model NAME")
ALREADY_RETIRED = msg("equipment.already-retired", "this {type} was already retired on {day}")
ALREADY_RETIRED_HINT = msg("equipment.already-retired.hint", "`caretool undo` brings back a retirement "
                           "made by mistake")
RETIRED_BEFORE_SINCE = msg("equipment.retired-before-since", "{day} is before it came into use ({since})")
RETIRED_BEFORE_SINCE_HINT = msg("equipment.retired-before-since.hint", "check the date")


def _supplier(household: Household, key: str | None) -> str | None:
    if key is None:
        return None
    if not key.strip():
        return None  # --supplier "" takes the supplier away
    return str(contacts.find(household.contacts, key)["id"])


def add(store: entries.StoreLike, fields: dict[str, Any]) -> dict[str, Any]:
    household = entries.load(store)
    item = model.new(fields)
    item["since"] = model.since(fields.get("since"), household.check_day)
    item["supplier"] = _supplier(household, fields.get("supplier"))
    household.equipment.append(item)
    entries.save_household(store, household, ADDED(type=model.label(item["type"])))
    return item


def listing(store: entries.StoreLike) -> dict[str, Any]:
    """The items (in use first, then retired) and the contacts they name as suppliers."""
    household = entries.load(store)
    items = sorted(household.equipment, key=lambda i: (bool(i.get("retired")), list(model.TYPES).index(
        i["type"]) if i.get("type") in model.TYPES else len(model.TYPES)))
    return {"items": items, "suppliers": {c["id"]: c for c in household.contacts}}


TEXT_FIELDS = ("type", "model", "settings")


def edit(store: entries.StoreLike, key: str,
         changes: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    household = entries.load(store)
    item = model.find(household.equipment, key, active_only=False)
    given = {k: v for k, v in changes.items() if v is not None}
    if not given:
        raise BadInput(NOTHING_TO_CHANGE, NOTHING_TO_CHANGE_HINT)
    before = dict(item)
    item.update(model.validate({**item, **{k: v for k, v in given.items() if k in TEXT_FIELDS}}))
    if "since" in given:
        item["since"] = model.since(given["since"], household.check_day)
    if "supplier" in given:
        item["supplier"] = _supplier(household, given["supplier"])
    entries.save_household(store, household, EDITED(type=model.label(item["type"])))
    return before, dict(item)


def retire(store: entries.StoreLike, key: str, on: str | None = None) -> dict[str, Any]:
    """Mark an item as no longer in use (from `on`, default today); it stays in the list."""
    household = entries.load(store)
    item = model.find(household.equipment, key, active_only=True)
    if item.get("retired"):
        raise BadInput(ALREADY_RETIRED(type=model.label(item["type"]), day=item["retired"]),
                       ALREADY_RETIRED_HINT)
    day = model.since(on, household.check_day) or dates.today().isoformat()
    if item.get("since") and day < str(item["since"]):
        raise BadInput(RETIRED_BEFORE_SINCE(day=day, since=item["since"]), RETIRED_BEFORE_SINCE_HINT)
    item["retired"] = day
    entries.save_household(store, household, RETIRED(type=model.label(item["type"])))
    return dict(item)
