"""Today's status: what has been done, what is due, and the one next thing to do."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from caretool.core import dates
from caretool.domain.care import redflags
from caretool.domain.entries import service as journal
from caretool.domain.household.model import PHASES


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
    household = journal.load(store)
    now = dates.now()
    day = now.date()
    recent = store.records_between(day - timedelta(days=60), day)
    done = checkin_days(recent)
    # Bridge (care branch) until status renders redflags.flags_between itself: derived, not stored.
    warnings = [{"day": f.day, "id": f.entry_id, **redflags.as_prose(f).to_dict()}
                for f in redflags.flags_between(store, household, day - timedelta(days=6), day)]
    doses: list[dict[str, Any]] = []
    if household.medications:
        from caretool.domain.meds import service as meds

        doses = meds.due_today(store, household, now)
    phase = household.phase
    open_doses = [d for d in doses if d["state"] in ("missed", "due")]
    if day.isoformat() not in done:
        next_step = "Run `caretool checkin` for today (about two minutes)."
    elif open_doses:
        next_step = f"Record the {open_doses[0]['name']} dose: `caretool med take " \
                    f"{open_doses[0]['name']}` or `caretool med skip ...`."
    elif warnings:
        next_step = "Check that the care team has heard about this week's warnings."
    else:
        next_step = "Nothing more today. Read your phase guide with `caretool phase`."
    return {
        "date": day.isoformat(),
        "person": household.name,
        "phase": phase,
        "phase_title": PHASES.get(phase or 0, ""),
        "checked_in": day.isoformat() in done,
        "streak": streak(done, day),
        "doses": doses,
        "warnings": warnings,
        "next": next_step,
    }
