"""Showing entries: one stored entry, a history table, the symptom catalogue."""

from __future__ import annotations

from typing import Any

from caretool.household import Household
from caretool.records import describe
from caretool.views.output import emit_json, say, tell
from caretool.views.warnings import show as show_warnings


def _when(record: dict[str, Any]) -> str:
    return record["at"][:16].replace("T", " ")


def stored(record: dict[str, Any], *, as_json: bool) -> None:
    if as_json:
        emit_json(record)
        return
    say(f"Logged {describe(record)} at {_when(record)}  [id {record['id'][:7]}]")
    show_warnings(record.get("warnings", []))


def changed(before: dict[str, Any], after: dict[str, Any], *, as_json: bool) -> None:
    if as_json:
        emit_json({"before": before, "after": after})
        return
    say(f"Changed [id {after['id'][:7]}]: {describe(before)} -> {describe(after)} at {_when(after)}")
    tell("Made a mistake? `caretool undo` reverts this.")
    show_warnings(after.get("warnings", []))


def deleted(record: dict[str, Any], *, as_json: bool) -> None:
    if as_json:
        emit_json({"deleted": record})
        return
    say(f"Deleted {describe(record)} at {_when(record)}  [id {record['id'][:7]}]")
    tell("`caretool undo` brings it back.")


def table(rows: list[dict[str, Any]], household: Household, *, as_json: bool) -> None:
    if as_json:
        emit_json(rows)
        return
    if not rows:
        tell("No entries match. Log one with `caretool log ...` or `caretool checkin`.")
        return
    from rich.table import Table
    from rich.text import Text

    from caretool.text import safe
    from caretool.views.output import console

    grid = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("id", "when", "kind", "who", "what"):
        grid.add_column(column, overflow="fold")
    for r in rows:
        flag = " (!)" if r.get("warnings") else ""
        grid.add_row(r["id"][:7], _when(r), r["kind"],
                     Text(safe(household.caregiver_name(r.get("caregiver")))),
                     Text(safe(describe(r)) + flag))
    console().print(grid)


def catalogue(*, as_json: bool) -> None:
    from caretool import symptoms

    if as_json:
        emit_json([vars(s) for s in symptoms.CATALOGUE])
        return
    for area in symptoms.AREAS:
        say(area.capitalize())
        for s in symptoms.CATALOGUE:
            if s.area == area:
                say(f"  {s.slug:<24} {s.label}")
