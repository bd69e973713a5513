"""`caretool contact add|list|edit|remove`: household data, each change undoable with `caretool undo`."""

from __future__ import annotations

from typing import Any

from caretool.core.errors import BadInput
from caretool.core.messages import msg
from caretool.core.text import name_key
from caretool.domain.contacts import model
from caretool.domain.entries import service as entries

ADDED = msg("change.contact-add", "add contact {name}")
EDITED = msg("change.contact-edit", "edit contact {name}")
REMOVED = msg("change.contact-remove", "remove contact {name}")
NOTHING_TO_CHANGE = msg("contact.nothing-to-change", "nothing to change")
NOTHING_TO_CHANGE_HINT = msg("contact.nothing-to-change.hint",
                             "add an option such as --phone NUMBER or --hours '24 hours'")
EDITABLE = ("name", "role", "phone", "email", "hours", "note")


def add(store: entries.StoreLike, fields: dict[str, Any]) -> dict[str, Any]:
    household = entries.load(store)
    contact = model.new(fields)
    for other in household.contacts:
        same_name = name_key(str(other.get("name"))) == name_key(contact["name"])
        if same_name and other.get("role") == contact["role"]:
            raise BadInput(model.SAME_CONTACT(name=contact["name"], role=model.label(contact["role"])),
                           model.SAME_CONTACT_HINT(id=str(other["id"])[:7]))
    household.contacts.append(contact)
    entries.save_household(store, household, ADDED(name=contact["name"]))
    return contact


def listing(store: entries.StoreLike) -> list[dict[str, Any]]:
    """Every contact, in the order to call them."""
    return model.in_call_order(entries.load(store).contacts)


def edit(store: entries.StoreLike, key: str,
         changes: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(before, after) of the contact `key` names; only the fields given change."""
    household = entries.load(store)
    contact = model.find(household.contacts, key)
    given = {k: v for k, v in changes.items() if k in EDITABLE and v is not None}
    if not given:
        raise BadInput(NOTHING_TO_CHANGE, NOTHING_TO_CHANGE_HINT)
    before = dict(contact)
    contact.update(model.validate({**contact, **given}))
    entries.save_household(store, household, EDITED(name=contact["name"]))
    return before, dict(contact)


def remove(store: entries.StoreLike, key: str) -> dict[str, Any]:
    household = entries.load(store)
    contact = model.find(household.contacts, key)
    household.contacts.remove(contact)
    for item in household.equipment:  # a supplier removed: the machine stays, without a supplier
        if item.get("supplier") == contact["id"]:
            item["supplier"] = None
    entries.save_household(store, household, REMOVED(name=contact["name"]))
    return contact
