"""What `caretool contact ...` prints. Every field is the family's own text: shown through safe()."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from caretool.core.messages import _, render
from caretool.core.text import safe
from caretool.domain.contacts.model import label
from caretool.views.output import emit_json, say, tell

Row = Mapping[str, Any]


def line(contact: Row) -> str:
    """'Breathing team (respiratory (breathing) team): 02-2072-2114, 24 hours'."""
    role = render(label(str(contact.get("role", ""))))
    if contact.get("hours"):
        text = _("{name} ({role}): {phone}, {hours}").format(
            name=contact["name"], role=role, phone=contact["phone"], hours=contact["hours"])
    else:
        text = _("{name} ({role}): {phone}").format(name=contact["name"], role=role, phone=contact["phone"])
    return safe(text)


def _details(contact: Row) -> list[str]:
    out = []
    if contact.get("email"):
        out.append(safe(_("email: {email}").format(email=contact["email"])))
    if contact.get("note"):
        out.append(safe(_("note: {note}").format(note=contact["note"])))
    return out


def added(contact: Row, *, as_json: bool) -> None:
    if as_json:
        emit_json(dict(contact))
        return
    say(_("Added {line}  [id {id}]").format(line=line(contact), id=str(contact["id"])[:7]))
    tell(_("It is on the emergency sheet now (`caretool sheet`). `caretool undo` takes it away again."))


def listing(rows: list[dict[str, Any]], *, as_json: bool) -> None:
    if as_json:
        emit_json(rows)
        return
    if not rows:
        tell(_("No contacts yet. Add the care team's numbers with "
               "`caretool contact add NAME --role ROLE --phone NUMBER`."))
        return
    for number, contact in enumerate(rows, 1):
        say(_("{number}. {line}  [id {id}]").format(number=number, line=line(contact),
                                                     id=str(contact["id"])[:7]))
        for detail in _details(contact):
            say("     " + detail)


def edited(before: Row, after: Row, *, as_json: bool) -> None:
    if as_json:
        emit_json({"before": dict(before), "after": dict(after)})
        return
    say(_("Changed [id {id}]: {before} -> {after}").format(id=str(after["id"])[:7], before=line(before),
                                                          after=line(after)))
    tell(_("Made a mistake? `caretool undo` reverts this."))


def removed(contact: Row, *, as_json: bool) -> None:
    if as_json:
        emit_json({"removed": dict(contact)})
        return
    say(_("Removed {line}").format(line=line(contact)))
    tell(_("`caretool undo` brings it back."))
