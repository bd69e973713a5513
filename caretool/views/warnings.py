"""The red-flag panel: what was seen, why it matters, what to do, and the sources.

Emergency and urgent panels look different from "today" ones even without colour: a heavy or a
double border, and the urgency spelled out in the title.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from caretool.core.messages import Message, _, render
from caretool.core.text import safe
from caretool.domain.care.flags import EMERGENCY, URGENT, Flag, FlagText, rank
from caretool.domain.care.redflags import text_of


def _title(urgency: str, title: str) -> str:
    if urgency == EMERGENCY:
        return _("EMERGENCY: {title}").format(title=title)
    if urgency == URGENT:
        return _("URGENT, phone within hours: {title}").format(title=title)
    return _("Needs the care team: {title}").format(title=title)


def _urgency(flag: Flag | Mapping[str, Any]) -> str:
    return flag.urgency if isinstance(flag, Flag) else str(flag.get("urgency", ""))


def _contact(flag: Flag | Mapping[str, Any]) -> Mapping[str, Any] | None:
    found = flag.contact if isinstance(flag, Flag) else flag.get("contact")
    return found if isinstance(found, Mapping) and found.get("phone") else None


def contact_line(contact: Mapping[str, Any], urgency: str) -> str:
    """The care-team contact a panel names: after the emergency number when it is an emergency."""
    from caretool.domain.contacts.model import label

    role = render(label(str(contact.get("role", ""))))
    who = _("{name} ({role}), {phone}").format(name=contact.get("name", ""), role=role,
                                               phone=contact["phone"])
    if contact.get("hours"):
        who = _("{contact}, {hours}").format(contact=who, hours=contact["hours"])
    if urgency == EMERGENCY:
        return safe(_("After the emergency number, call: {contact}").format(contact=who))
    return safe(_("Who to call: {contact}").format(contact=who))


def body_lines(text: FlagText, contact: Mapping[str, Any] | None = None,
               urgency: str = "") -> list[tuple[str, str]]:
    """(text, style) paragraphs of a panel, for any front end that draws its own."""
    lines = [(safe(render(text.why)), "")] if render(text.why) else []
    lines.append((safe(render(text.action)), "bold"))
    if contact is not None:
        lines.append((contact_line(contact, urgency), "bold"))
    lines += [(safe(render(more)), "") for more in text.more]
    if text.sources:
        lines.append((_("Sources: {titles}").format(titles=safe(text.source)), "dim"))
    return lines


def show(flags: Iterable[Flag] | Iterable[Mapping[str, Any]]) -> None:
    """Panels on stderr for flags (or their dicts), the most urgent first."""
    found: list[Flag | Mapping[str, Any]] = sorted(flags, key=lambda f: rank(_urgency(f)))
    if not found:
        return
    from rich import box
    from rich.panel import Panel
    from rich.text import Text

    from caretool.views.output import console

    out = console(stderr=True)
    for flag in found:
        urgency = _urgency(flag)
        text = text_of(flag)
        body = Text()
        for i, (line, style) in enumerate(body_lines(text, _contact(flag), urgency)):
            body.append(("\n\n" if i else "") + line, style=style)
        border, frame = {EMERGENCY: ("red", box.HEAVY), URGENT: ("magenta", box.DOUBLE)}.get(
            urgency, ("yellow", box.ROUNDED))
        out.print(Panel(body, title=Text(_title(urgency, safe(render(text.title))), style="bold"),
                        title_align="left", border_style=border, box=frame, expand=False, width=76))


def crisis_panel(title: Message | str, lines: tuple[Message | str, ...] = ()) -> None:
    """The crisis message: shown at once, in a red panel on stderr."""
    from rich.panel import Panel
    from rich.text import Text

    from caretool.views.output import console

    body = Text("\n".join(safe(render(line)) for line in lines))
    console(stderr=True).print(Panel(body, title=Text(safe(render(title)), style="bold"),
                                     title_align="left", border_style="red", width=76))
