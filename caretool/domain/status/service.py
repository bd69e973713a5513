"""Today's status: what has been done, what is due, the week's warnings, and the one next thing to do."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from caretool.core import dates
from caretool.core.messages import msg
from caretool.domain.care import redflags
from caretool.domain.entries import service as journal
from caretool.domain.household.model import PHASE_TITLES
from caretool.domain.report import warnings as grouped

WARNING_DAYS = 7  # "this week": today and the 6 days before
STREAK_DAYS = 60

NEXT_URGENT = msg("status.next.urgent",
                  "Act on today's warning first: {title}. {action}")
NEXT_CHECKIN = msg("status.next.checkin", "Run `caretool checkin` for today (about two minutes).")
NEXT_DOSE = msg("status.next.dose",
                "Record the {name} dose: `caretool med take {name}` or "
                "`caretool med skip {name} --reason ...`.")
NEXT_WARNINGS = msg("status.next.warnings", "Check that the care team has heard about this week's warnings.")
NEXT_NOTHING = msg("status.next.nothing", "Nothing more today. Read your phase guide with `caretool phase`.")


def checkin_days(records: list[dict[str, Any]]) -> set[str]:
    return {r["day"] for r in records if r.get("source") == "checkin"}


def streak(days: set[str], today: date) -> int:
    """Days in a row with a check-in, counting back from today (or yesterday if not yet today)."""
    day = today if today.isoformat() in days else today - timedelta(days=1)
    count = 0
    while day.isoformat() in days:
        count += 1
        day -= timedelta(days=1)
    return count


def today(store: journal.StoreLike) -> dict[str, Any]:
    """Keys: date, person, phase, phase_title, checked_in, streak, doses, warnings (grouped by rule,
    the last 7 days, see caretool.domain.report.warnings), next (a Message), next_id."""
    household = journal.load(store)
    now = dates.now()
    day = now.date()
    recent = store.records_between(day - timedelta(days=STREAK_DAYS), day)
    done = checkin_days(recent)
    week = grouped.between(store, household, day - timedelta(days=WARNING_DAYS - 1), day, recent)
    doses: list[dict[str, Any]] = []
    if household.medications:
        from caretool.domain.meds import service as meds

        doses = meds.due_today(store, household, now)
    phase = household.phase
    open_doses = [d for d in doses if d["state"] in ("missed", "due")]
    pressing = [w for w in week if w["last"] == day.isoformat()
                and w["urgency"] in (redflags.EMERGENCY, redflags.URGENT)]
    if pressing:
        next_step = NEXT_URGENT(title=pressing[0]["title"], action=pressing[0]["action"])
    elif day.isoformat() not in done:
        next_step = NEXT_CHECKIN
    elif open_doses:
        next_step = NEXT_DOSE(name=open_doses[0]["name"])
    elif week:
        next_step = NEXT_WARNINGS
    else:
        next_step = NEXT_NOTHING
    return {
        "date": day.isoformat(),
        "person": household.name,
        "phase": phase,
        "phase_title": PHASE_TITLES.get(phase or 0, ""),
        "checked_in": day.isoformat() in done,
        "streak": streak(done, day),
        "doses": doses,
        "warnings": week,
        "next": next_step,
        "next_id": next_step.id,
    }
