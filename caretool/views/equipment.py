"""What `caretool equipment ...` prints. Models and settings are the family's own text (safe())."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from caretool.core.messages import _, render
from caretool.core.text import safe
from caretool.domain.equipment.model import label
from caretool.views.output import emit_json, say, tell

Row = Mapping[str, Any]


def line(item: Row) -> str:
    """'non-invasive ventilator (NIV): ResMed Lumis 150; IPAP 14, EPAP 5'."""
    what = render(label(str(item.get("type", ""))))
    parts = [p for p in (item.get("model"), item.get("settings")) if p]
    return safe(_("{what}: {details}").format(what=what, details="; ".join(parts)) if parts else what)


def _extra(item: Row, suppliers: Mapping[str, Row]) -> list[str]:
    out = []
    if item.get("since"):
        out.append(_("in use since {day}").format(day=item["since"]))
    supplier = suppliers.get(str(item.get("supplier")))
    if supplier:
        out.append(safe(_("supplier: {name}, {phone}").format(name=supplier["name"],
                                                              phone=supplier["phone"])))
    if item.get("retired"):
        out.append(_("retired on {day}").format(day=item["retired"]))
    return out


def added(item: Row, suppliers: Mapping[str, Row], *, as_json: bool) -> None:
    if as_json:
        emit_json(dict(item))
        return
    say(_("Added {line}  [id {id}]").format(line=line(item), id=str(item["id"])[:7]))
    for extra in _extra(item, suppliers):
        say("     " + extra)
    tell(_("The check-in asks about it, and it is on the emergency sheet. `caretool undo` takes it away "
           "again."))


def listing(found: Mapping[str, Any], *, as_json: bool) -> None:
    if as_json:
        emit_json(found["items"])
        return
    if not found["items"]:
        tell(_("No equipment yet. Register a machine with `caretool equipment add TYPE`, e.g. "
               "`caretool equipment add niv --settings 'IPAP 14, EPAP 5'`."))
        return
    for item in found["items"]:
        say(_("{line}  [id {id}]").format(line=line(item), id=str(item["id"])[:7]))
        for extra in _extra(item, found["suppliers"]):
            say("     " + extra)


def edited(before: Row, after: Row, *, as_json: bool) -> None:
    if as_json:
        emit_json({"before": dict(before), "after": dict(after)})
        return
    say(_("Changed [id {id}]: {before} -> {after}").format(id=str(after["id"])[:7], before=line(before),
                                                          after=line(after)))
    tell(_("Made a mistake? `caretool undo` reverts this."))


def retired(item: Row, *, as_json: bool) -> None:
    if as_json:
        emit_json(dict(item))
        return
    say(_("Retired {line} on {day}").format(line=line(item), day=item["retired"]))
    tell(_("`caretool undo` puts it back in use."))
