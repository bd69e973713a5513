"""Rendering today's status."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from caretool.core.messages import N_, _, n_, render
from caretool.views import stock as stock_view
from caretool.views.output import emit_json, say

DOSE_STATES = {
    "taken": N_("taken"),
    "skipped": N_("skipped"),
    "missed": N_("missed"),
    "due": N_("due now"),
    "upcoming": N_("upcoming"),
}
MISSED_LINES = 5  # more missed doses than this are shown one line per medicine
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


def _missed_line(dose: dict[str, Any], today: str) -> str:
    moment = datetime.fromisoformat(dose["scheduled_for"]).astimezone()
    when = f"{moment:%H:%M}" if moment.date().isoformat() == today else f"{moment:%Y-%m-%d %H:%M}"
    return _("{when} {name} {dose}").format(when=when, name=dose["name"], dose=dose["dose"])


def _doses(info: dict[str, Any]) -> None:
    """The doses first: missed since the last check-in, still due today, and refills."""
    missed = info.get("missed", [])
    if missed and info.get("last_checkin"):
        since = datetime.fromisoformat(info["last_checkin"]).astimezone()
        say("  " + n_("Missed since the last check-in ({when}): {count} dose",
                      "Missed since the last check-in ({when}): {count} doses", len(missed)).format(
            when=f"{since:%Y-%m-%d %H:%M}", count=len(missed)))
    elif missed:
        say("  " + n_("Missed in the last 7 days: {count} dose", "Missed in the last 7 days: {count} doses",
                      len(missed)).format(count=len(missed)))
    if len(missed) <= MISSED_LINES:
        for dose in missed:
            say("    " + _missed_line(dose, info["date"]))
    else:  # a long absence: one line per medicine
        by_name: dict[str, list[dict[str, Any]]] = {}
        for dose in missed:
            by_name.setdefault(dose["name"], []).append(dose)
        for name, found in by_name.items():
            last = datetime.fromisoformat(found[-1]["scheduled_for"]).astimezone()
            say("    " + n_("{name}: {count} dose, the last at {last}",
                            "{name}: {count} doses, the last at {last}", len(found)).format(
                name=name, count=len(found), last=f"{last:%Y-%m-%d %H:%M}"))
    for dose in info.get("still_due", info["doses"]):
        state = _(DOSE_STATES[dose["state"]]) if dose["state"] in DOSE_STATES else dose["state"]
        say("  " + _("Dose {time} {name}: {state}").format(time=dose["time"], name=dose["name"], state=state))
    recorded = sum(d["state"] in ("taken", "skipped") for d in info["doses"])
    if recorded:
        say("  " + n_("Recorded today: {recorded} of {count} dose.",
                      "Recorded today: {recorded} of {count} doses.", len(info["doses"])).format(
            recorded=recorded, count=len(info["doses"])))
    for row in info.get("low_stock", []):
        say("  " + _("Refill soon: {line}").format(line=stock_view.line(row)))


def show(info: dict[str, Any], *, as_json: bool) -> None:
    if as_json:
        emit_json(as_data(info))
        return
    say(_("Today, {date} - caring for {person}").format(date=info["date"], person=info["person"]))
    _doses(info)
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
