"""Rendering today's status."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from caretool.views.output import emit_json, say


def welcome(home: Path) -> None:
    say("Welcome to caretool. No household is set up here yet:")
    say(f"  data folder: {home}")
    say("  set one up:  caretool init")
    say("  or look around a sample household first:  caretool demo")


def show(info: dict[str, Any], *, as_json: bool) -> None:
    if as_json:
        emit_json(info)
        return
    say(f"Today, {info['date']} - caring for {info['person']}")
    if info["phase"]:
        say(f"  Phase {info['phase']}: {info['phase_title']}")
    if info["checked_in"]:
        say(f"  Checked in today. Streak: {info['streak']} day(s).")
    else:
        streak = f" (streak so far: {info['streak']} day(s))" if info["streak"] else ""
        say(f"  Not checked in yet today{streak}.")
    for dose in info["doses"]:
        say(f"  Dose {dose['time']} {dose['name']}: {dose['state']}")
    if info["warnings"]:
        say(f"  Warnings this week: {len(info['warnings'])}")
        for w in info["warnings"]:
            say(f"    {w['day']}  {w['title']} - {w['action']}")
    say(f"Next: {info['next']}")
