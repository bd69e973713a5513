"""Showing entries: one stored entry, a history table, the symptom catalogue, an undone change."""

from __future__ import annotations

from collections.abc import Mapping

from caretool.core import dates
from caretool.core.messages import Message, _, msg, render
from caretool.core.text import pad, safe, width
from caretool.domain.entries.model import Record, describe
from caretool.domain.household.model import Household
from caretool.views.output import emit_json, say, tell
from caretool.views.warnings import show as show_warnings

# The history's kind column: the id `--kind` takes, as one word in the reader's language (English:
# the id itself). A kind not listed here shows its id.
KIND_WORDS = {
    "symptom": msg("history.kind.symptom", "symptom"), "dose": msg("history.kind.dose", "dose"),
    "hours": msg("history.kind.hours", "hours"), "weight": msg("history.kind.weight", "weight"),
    "wellbeing": msg("history.kind.wellbeing", "wellbeing"), "note": msg("history.kind.note", "note"),
    "selfcheck": msg("history.kind.selfcheck", "selfcheck"),
    "assessment": msg("history.kind.assessment", "assessment"),
}


def _when(record: Record) -> str:
    return str(record["at"])[:16].replace("T", " ")


def _twice(record: Record) -> None:
    """Say which of the two times it is when the entry's wall-clock time happened twice."""
    found = dates.ambiguity(record["at"])
    if found:
        line, hint = found
        tell(_("Note: {line} ({hint})").format(line=render(line), hint=render(hint)))


def stored(record: Record, *, as_json: bool) -> None:
    if as_json:
        emit_json(record)
        return
    say(_("Logged {what} at {when}  [id {id}]").format(what=render(describe(record)), when=_when(record),
                                                      id=record["id"][:7]))
    _twice(record)
    show_warnings(record.get("warnings", []))


def changed(before: Record, after: Record, *, as_json: bool) -> None:
    if as_json:
        emit_json({"before": before, "after": after})
        return
    say(_("Changed [id {id}]: {before} -> {after} at {when}").format(
        id=after["id"][:7], before=render(describe(before)), after=render(describe(after)),
        when=_when(after)))
    if before["at"] != after["at"]:
        _twice(after)
    tell(_("Made a mistake? `caretool undo` reverts this."))
    show_warnings(after.get("warnings", []))


def deleted(record: Record, *, as_json: bool) -> None:
    if as_json:
        emit_json({"deleted": record})
        return
    say(_("Deleted {what} at {when}  [id {id}]").format(what=render(describe(record)), when=_when(record),
                                                       id=record["id"][:7]))
    tell(_("`caretool undo` brings it back."))


def undone(action: Record | None, label: Message | str, *, as_json: bool) -> None:
    """The change `undo` reverted (`label` names it), or that there was nothing to undo."""
    text = render(label) if action else None
    if as_json:
        emit_json({"undone": text, "at": action.get("at") if action else None})
    elif action is None:
        tell(_("Nothing to undo."))
    else:
        tell(_("Undid: {change} (from {when})").format(change=text, when=_when(action)))


MARK = "(!)"


def table(rows: list[Record], household: Household, *, flagged: Mapping[str, str] | None = None,
          as_json: bool) -> None:
    """`flagged`: the ids of the rows that raise a warning (derived when shown, never stored)."""
    if as_json:
        emit_json(rows)
        return
    if not rows:
        tell(_("No entries match. Log one with `caretool log ...` or `caretool checkin`."))
        return
    flagged = flagged or {}
    # Plain aligned columns: a history list is read every day, and Rich costs start-up time.
    cells = [(_("id"), _("when"), _("kind"), _("who"), _("what"))]
    for r in rows:
        who = safe(household.caregiver_name(r.get("caregiver")))
        kind = render(KIND_WORDS[r["kind"]]) if r["kind"] in KIND_WORDS else r["kind"]
        what = safe(render(describe(r)))
        if r["id"] in flagged:
            what = f"{MARK} {what}"
        cells.append((r["id"][:7], _when(r), safe(kind), who, what))
    widths = [max(width(row[i]) for row in cells) for i in range(4)]
    for row in cells:
        say("  ".join(cell + " " * (w - width(cell)) for cell, w in zip(row[:4], widths, strict=True))
            + "  " + row[4])
    if any(r["id"] in flagged for r in rows):
        tell(_("{mark} raises a warning: `caretool today` (this week) or `caretool report` says what to "
               "do.").format(mark=MARK))


def catalogue(*, as_json: bool) -> None:
    from caretool.domain.care import symptoms
    if as_json:
        emit_json([{"slug": s.slug, "label": render(s.label), "area": s.area} for s in symptoms.CATALOGUE])
        return
    for area, title in symptoms.AREAS.items():
        say(title)
        for s in symptoms.CATALOGUE:
            if s.area == area:
                say(f"  {pad(render(symptoms.name(s.slug)), 24)} {render(s.label)}")  # the name to type
