"""The red-flag panel: what was seen, why it matters, what to do."""

from __future__ import annotations

from typing import Any

from caretool.core.messages import Message, render
from caretool.core.text import safe


def show(warnings: list[dict[str, Any]]) -> None:
    if not warnings:
        return
    from rich.panel import Panel
    from rich.text import Text

    from caretool.views.output import console

    out = console(stderr=True)
    for w in warnings:
        emergency = w.get("urgency") == "emergency"
        body = Text()
        body.append(safe(w["why"]) + "\n\n")
        body.append(safe(w["action"]), style="bold")
        body.append(f"\n\nSource: {safe(w.get('source', ''))}", style="dim")
        title = ("EMERGENCY: " if emergency else "Needs the care team: ") + safe(w["title"])
        out.print(Panel(body, title=Text(title, style="bold"), title_align="left",
                        border_style="red" if emergency else "yellow", expand=False, width=76))


def crisis_panel(title: Message | str, lines: tuple[Message | str, ...] = ()) -> None:
    """The crisis message: shown at once, in a red panel on stderr."""
    from rich.panel import Panel
    from rich.text import Text

    from caretool.views.output import console

    body = Text("\n".join(safe(render(line)) for line in lines))
    console(stderr=True).print(Panel(body, title=Text(safe(render(title)), style="bold"),
                                     title_align="left", border_style="red", width=76))
