"""What the check-in shows when it is saved: what was recorded, the warnings it raises, and the
caregiver's burnout level when it is worth acting on. (Its questions are the domain interview,
shown by caretool/cli/prompts.py.)"""

from __future__ import annotations

from typing import Any

from caretool.core.messages import msg, msgn, render
from caretool.core.text import safe
from caretool.domain.care.redflags import EMERGENCY, Flag, text_of
from caretool.domain.entries.model import describe
from caretool.views.output import emit_json, say, tell
from caretool.views.warnings import show as show_warnings

SAVED = msg("checkin.saved", "Saved the check-in of {day}:")
SAVED_FOR = msg("checkin.saved-for", "Saved the check-in of {day} for {name}:")
AMENDED = msg("checkin.amended", "Amended the check-in of {day}:")
AMENDED_FOR = msg("checkin.amended-for", "Amended the check-in of {day} for {name}:")
RECORD = msg("checkin.saved.record", "  - {entry}  [id {id}]")
RECORD_FLAGGED = msg("checkin.saved.record-flagged", "  - {entry}  (!)  [id {id}]")
UNCHANGED = msgn("checkin.saved.unchanged", "  ({count} answer unchanged)", "  ({count} answers unchanged)")
NOTHING_CHANGED = msg("checkin.saved.nothing-changed", "  Nothing changed.")
BURNOUT_MORE = msg("checkin.burnout.more", "See `caretool burnout` for what might help.")
UNDO = msg("checkin.undo", "Made a mistake? `caretool undo` reverts this check-in.")


def _warning(flag: Flag) -> dict[str, Any]:
    text = text_of(flag)
    return {"rule": flag.rule, "urgency": flag.urgency, "day": flag.day, "entry_id": flag.entry_id,
            "sources": list(flag.sources), "title": render(text.title), "why": render(text.why),
            "action": render(text.action), "source": render(text.source),
            **({"contact": dict(flag.contact)} if flag.contact else {})}


def _panels(flags: list[Flag]) -> list[dict[str, Any]]:
    """One panel per sign (two answers can raise the same warning), the most urgent first."""
    panels: dict[str, dict[str, Any]] = {}
    for flag in sorted(flags, key=lambda f: f.urgency != EMERGENCY):
        if flag.rule not in panels:
            panels[flag.rule] = _warning(flag)
    return list(panels.values())


def finished(result: dict[str, Any], flags: list[Flag], extra: dict[str, Any], *, as_json: bool) -> None:
    if as_json:  # every warning, by the entry that raises it
        emit_json({**result, "warnings": [_warning(f) for f in flags], **extra})
        return
    name, day = result["caregiver"], result["day"]
    if result["amended"]:
        say(AMENDED_FOR(day=day, name=name) if name else AMENDED(day=day))
    else:
        say(SAVED_FOR(day=day, name=name) if name else SAVED(day=day))
    flagged = {f.entry_id for f in flags}
    for record in result["records"]:
        line = RECORD_FLAGGED if record["id"] in flagged else RECORD
        say(line(entry=safe(render(describe(record))), id=record["id"][:7]))
    if result.get("unchanged"):
        say(UNCHANGED(count=len(result["unchanged"])))
    if not result["records"]:
        say(NOTHING_CHANGED)
    show_warnings(_panels(flags))
    burnout = extra.get("burnout")
    if burnout:
        from caretool.views.burnout import checkin_line

        say(checkin_line(burnout))
        say(BURNOUT_MORE)
    tell(UNDO)
