"""Rendering today's status."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from caretool.core.messages import N_, _, n_, render
from caretool.views.output import emit_json, say

DOSE_STATES = {
    "taken": N_("taken"),
    "skipped": N_("skipped"),
    "missed": N_("missed"),
    "due": N_("due now"),
    "upcoming": N_("upcoming"),
}
URGENCY = {"emergency": N_("EMERGENCY"), "urgent": N_("URGENT")}


def welcome(home: Path) -> None:
    say(_("Welcome to caretool. No household is set up here yet:"))
    say("  " + _("data folder: {home}").format(home=home))
    say("  " + _("set one up:  caretool init"))
    say("  " + _("or look around a sample household first:  caretool demo"))


def as_data(info: dict[str, Any]) -> dict[str, Any]:
    """Today's status as plain JSON data (messages as text)."""
    return {**info, "next": render(info["next"]),
            "warnings": [{**w, **{k: render(w[k]) for k in ("title", "why", "action", "source")}}
                         for w in info["warnings"]]}


def warning_line(w: dict[str, Any]) -> str:
    """One warning of the week: how urgent, what, how often, and what to do."""
    level = _(URGENCY[w["urgency"]]) + ": " if w["urgency"] in URGENCY else ""
    when = (w["last"] if w["count"] == 1 else
            n_("{count} time, last on {last}", "{count} times, last on {last}", w["count"]).format(
                count=w["count"], last=w["last"]))
    return _("{level}{title} ({when}) - {action}").format(
        level=level, title=render(w["title"]), when=when, action=render(w["action"]))


def show(info: dict[str, Any], *, as_json: bool) -> None:
    if as_json:
        emit_json(as_data(info))
        return
    say(_("Today, {date} - caring for {person}").format(date=info["date"], person=info["person"]))
    if info["phase"]:
        say("  " + _("Phase {phase}: {title}").format(phase=info["phase"], title=render(info["phase_title"])))
    count = info["streak"]
    if info["checked_in"]:
        say("  " + n_("Checked in today. Streak: {count} day.", "Checked in today. Streak: {count} days.",
                      count).format(count=count))
    elif count:
        say("  " + n_("Not checked in yet today (streak so far: {count} day).",
                      "Not checked in yet today (streak so far: {count} days).", count).format(count=count))
    else:
        say("  " + _("Not checked in yet today."))
    for dose in info["doses"]:
        state = _(DOSE_STATES[dose["state"]]) if dose["state"] in DOSE_STATES else dose["state"]
        say("  " + _("Dose {time} {name}: {state}").format(time=dose["time"], name=dose["name"], state=state))
    if info["warnings"]:
        total = sum(w["count"] for w in info["warnings"])
        say("  " + n_("Warnings in the last 7 days: {count}", "Warnings in the last 7 days: {count}",
                      total).format(count=total))
        for w in info["warnings"]:
            say("    " + warning_line(w))
    for prompt in info.get("prompts") or []:  # a decision prompt that is new this week
        say("  " + _("New to discuss at the next visit: {title} (see `caretool progress`)").format(
            title=render(prompt["title"])))
    say(_("Next: {step}").format(step=render(info["next"])))
