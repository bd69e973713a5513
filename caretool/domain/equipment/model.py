"""A piece of equipment: {id, type, model, settings, since, supplier, retired, added}, one dict in
household.equipment. `supplier` is a contact's id (or None); `retired` the day it went out of use
(None while in use). The settings are the family's own words (IPAP 14, EPAP 5, full face mask):
caretool shows them as written and never reads a number out of them.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from caretool.core import dates
from caretool.core.errors import BadInput, NotFound
from caretool.core.messages import Message, msg, render
from caretool.core.text import clean_text, shown

TYPES: dict[str, Message] = {
    "niv": msg("equipment.type.niv", "non-invasive ventilator (NIV)"),
    "ventilator": msg("equipment.type.ventilator", "ventilator (tracheostomy)"),
    "cough-assist": msg("equipment.type.cough-assist", "cough assist machine"),
    "suction": msg("equipment.type.suction", "suction machine"),
    "peg": msg("equipment.type.peg", "feeding tube (gastrostomy)"),
    "communication-aid": msg("equipment.type.communication-aid", "communication aid"),
    "wheelchair": msg("equipment.type.wheelchair", "wheelchair"),
    "hoist": msg("equipment.type.hoist", "hoist"),
    "other": msg("equipment.type.other", "other equipment"),
}
BREATHING = ("niv", "ventilator")  # machines an ambulance crew must take along
MODEL = msg("field.equipment-model", "model")
SETTINGS = msg("field.equipment-settings", "settings")
SINCE = msg("field.equipment-since", "in use since")
MODEL_MAX = 120
SETTINGS_MAX = 300

UNKNOWN_TYPE = msg("equipment.type.unknown", "{type!r} is not a kind of equipment caretool knows")
UNKNOWN_TYPE_HINT = msg("equipment.type.unknown.hint", "use one of: {types} (other for anything else, with "
                        "--model to say what it is)")
NO_SUCH_ITEM = msg("equipment.unknown", "no equipment matches {key!r}")
NO_SUCH_ITEM_HINT = msg("equipment.unknown.hint", "use the id or the type shown by `caretool equipment list`")
SEVERAL = msg("equipment.several", "{key!r} matches several pieces of equipment")
SEVERAL_HINT = msg("equipment.several.hint", "use the id shown by `caretool equipment list`")
IN_FUTURE = msg("equipment.in-future", "{day} is in the future")
IN_FUTURE_HINT = msg("equipment.in-future.hint", "give the day it started to be used")
ONE_LINE = msg("equipment.one-line", "the {what} contains control characters or line breaks")
ONE_LINE_HINT = msg("equipment.one-line.hint", "type it on one line; separate settings with commas")


def type_slug(text: str) -> str:
    word = "-".join(str(text).strip().lower().replace("_", "-").split())
    if word in TYPES:
        return word
    for slug, label in TYPES.items():
        if " ".join(str(text).lower().split()) in (render(label).lower(), label.text.lower()):
            return slug
    raise BadInput(UNKNOWN_TYPE(type=shown(text)), UNKNOWN_TYPE_HINT(types=", ".join(TYPES)))


def _line(value: Any, what: Message, limit: int) -> str:
    if value in (None, ""):
        return ""
    text = clean_text(value, what=what, limit=limit)
    if any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F or c in "\u2028\u2029\u202a\u202b\u202c\u202d\u202e"
           "\u2066\u2067\u2068\u2069" for c in text):
        raise BadInput(ONE_LINE(what=what), ONE_LINE_HINT)
    return " ".join(text.split())


def since(text: str | None, check_day: Any = None) -> str | None:
    """A past day (None when not given); `check_day` is the household's date check."""
    if not text:
        return None
    day = dates.parse_day(text)
    if day > dates.today():
        raise BadInput(IN_FUTURE(day=day.isoformat()), IN_FUTURE_HINT)
    if check_day is not None:
        check_day(day)
    return day.isoformat()


def validate(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The text fields of an item (type, model, settings); `since` and `supplier` are resolved
    by the service, which knows the household."""
    return {"type": type_slug(fields.get("type") or ""),
            "model": _line(fields.get("model"), MODEL, MODEL_MAX),
            "settings": _line(fields.get("settings"), SETTINGS, SETTINGS_MAX)}


def new(fields: Mapping[str, Any]) -> dict[str, Any]:
    return {"id": uuid.uuid4().hex, **validate(fields), "since": None, "supplier": None, "retired": None,
            "added": dates.today().isoformat()}


def in_use(items: Iterable[Mapping[str, Any]], day: date | None = None) -> list[dict[str, Any]]:
    """The items in use on `day` (default today): started by then (or undated) and not retired."""
    on = (day or dates.today()).isoformat()
    return [dict(i) for i in items if not (i.get("retired") and str(i["retired"]) <= on)
            and not (i.get("since") and str(i["since"]) > on)]


def types_in_use(items: Iterable[Mapping[str, Any]], day: date | None = None) -> frozenset[str]:
    return frozenset(str(i["type"]) for i in in_use(items, day))


def find(items: list[dict[str, Any]], key: str, *, active_only: bool = True) -> dict[str, Any]:
    """The item an id (4+ characters) or a type names; a type must name one item in use."""
    word = key.strip().lower()
    pool = [i for i in items if not i.get("retired")] if active_only else items
    by_id = [i for i in items if len(word) >= 4 and str(i.get("id", "")).startswith(word)]
    found = by_id
    if not found:
        try:
            slug = type_slug(word)
        except BadInput:
            slug = None
        found = [i for i in pool if i.get("type") == slug]
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise BadInput(SEVERAL(key=shown(key.strip())), SEVERAL_HINT)
    raise NotFound(NO_SUCH_ITEM(key=shown(key.strip())), NO_SUCH_ITEM_HINT)


def label(kind: str) -> Message | str:
    return TYPES.get(kind, kind)
