"""Showing entries: one stored entry, a history table, the symptom catalogue."""

from __future__ import annotations

from typing import Any

from caretool.domain.entries.model import describe
from caretool.domain.household.model import Household
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
    # Plain aligned columns: a history list is read every day, and Rich costs start-up time.
    from caretool.core.text import safe, width

    cells = [("id", "when", "kind", "who", "what")]
    for r in rows:
        flag = " (!)" if r.get("warnings") else ""
        cells.append((r["id"][:7], _when(r), r["kind"], safe(household.caregiver_name(r.get("caregiver"))),
                      safe(describe(r)) + flag))
    widths = [max(width(row[i]) for row in cells) for i in range(4)]
    for row in cells:
        say("  ".join(cell + " " * (w - width(cell)) for cell, w in zip(row[:4], widths, strict=True))
            + "  " + row[4])


def catalogue(*, as_json: bool) -> None:
    from caretool.domain.care import symptoms
    if as_json:
        emit_json([vars(s) for s in symptoms.CATALOGUE])
        return
    for area in symptoms.AREAS:
        say(area.capitalize())
        for s in symptoms.CATALOGUE:
            if s.area == area:
                say(f"  {s.slug:<24} {s.label}")
