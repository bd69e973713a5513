"""What the check-in shows: its questions' context, the summary, the closing screen."""

from __future__ import annotations

import sys
from datetime import date
from typing import TYPE_CHECKING, Any

from caretool.core.text import safe
from caretool.domain.care import symptoms
from caretool.domain.entries.model import describe
from caretool.views.output import emit_json, say, tell
from caretool.views.warnings import show as show_warnings

if TYPE_CHECKING:
    from caretool.domain.checkin.model import Existing, Plan


def say_err(text: str) -> None:
    tell(text)


def numbered(title: str, items: list[str]) -> None:
    tell(title)
    for i, item in enumerate(items, 1):
        tell(f"  {i}. {item}")


def intro(day: date, caregiver: str | None, before: Existing) -> None:
    who = f" - {caregiver}" if caregiver else ""
    tell(f"Check-in for {day:%A %d %B %Y}{who}. Ctrl-C at any time cancels; nothing is saved until "
         "you confirm.")
    if not before.empty:
        tell("Already recorded for this day (answers below amend it):")
        for record in before.records():
            tell(f"  - {describe(record)}")


def catalogue(listed: list[Any]) -> None:
    area = None
    for i, s in enumerate(listed, 1):
        if s.area != area:
            area = s.area
            tell(f" {area.capitalize()}:")
        tell(f"   {i:>2}. {s.label} ({s.slug})")


def summary(plan: Plan) -> None:
    tell("\nSummary:")
    for slug, sev in plan.symptoms.items():
        tell(f"  {symptoms.label(slug)}: {symptoms.SEVERITY_WORDS[sev]}")
    for med in plan.took:
        tell(f"  {med}: given")
    for med, why in plan.skipped:
        tell(f"  {med}: skipped ({why})")
    if plan.hours:
        tell(f"  Care: {plan.hours} h ({plan.task}{', night' if plan.night else ''})")
    if plan.sleep:
        tell(f"  You: slept {plan.sleep} h, stress {plan.stress}/10, "
             f"{'had a break' if plan.took_break else 'no break'}")
    if plan.selfcheck:
        tell(f"  Self-check: score {sum(plan.selfcheck.values())}")
    if plan.note:
        tell(f"  Note: {plan.note}")


def cancelled() -> None:
    sys.stderr.write("\n")
    tell("Check-in cancelled. Nothing was saved.")


def crisis(text: str) -> None:
    from rich.panel import Panel
    from rich.text import Text

    from caretool.views.output import console

    console(stderr=True).print(Panel(Text(text), title="You do not have to face this alone",
                                     border_style="red", width=76))


def finished(result: dict[str, Any], extra: dict[str, Any], *, as_json: bool) -> None:
    if as_json:
        emit_json({**result, **extra})
        return
    verb = "Amended" if result["amended"] else "Saved"
    who = f" for {result['caregiver']}" if result["caregiver"] else ""
    say(f"{verb} the check-in of {result['day']}{who}:")
    for record in result["records"]:
        flag = "  (!)" if record.get("warnings") else ""
        say(f"  - {safe(describe(record))}{flag}  [id {record['id'][:7]}]")
    if result.get("unchanged"):
        say(f"  ({len(result['unchanged'])} answer(s) unchanged)")
    if not result["records"]:
        say("  Nothing changed.")
    # One panel per sign (two answers can raise the same warning), the most urgent first.
    panels: dict[str, dict[str, Any]] = {}
    for w in result["warnings"]:
        panels.setdefault(w["rule"], w)
    show_warnings(sorted(panels.values(), key=lambda w: w.get("urgency") != "emergency"))
    burnout = extra.get("burnout")
    if burnout:
        from caretool.views.burnout import checkin_line

        say(checkin_line(burnout))
        say("See `caretool burnout` for what might help.")
    tell("Made a mistake? `caretool undo` reverts this check-in.")
