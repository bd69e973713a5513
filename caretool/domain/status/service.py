"""Today's status: what has been done, what is due, the week's warnings, and the one next thing to do."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from caretool.core import dates
from caretool.core.messages import msg
from caretool.domain.care import redflags
from caretool.domain.entries import service as entries
from caretool.domain.household.model import PHASE_TITLES
from caretool.domain.report import warnings as grouped

WARNING_DAYS = 7  # "this week": today and the 6 days before
STREAK_DAYS = 60
MISSED_DAYS = 7  # without a check-in, missed doses are looked for this many days back

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


def last_checkin(records: list[dict[str, Any]]) -> str | None:
    """When the last check-in was saved (ISO moment), or None."""
    found = [r.get("created") or r["at"] for r in records if r.get("source") == "checkin"]
    return max(found, key=lambda m: datetime.fromisoformat(m)) if found else None


def _doses(store: entries.StoreLike, household: Any, now: datetime, since: str | None,
           warn_days: int | None) -> dict[str, Any]:
    """Today's doses; those still due today; those missed since the last check-in (or in the last
    MISSED_DAYS without one), oldest first; and the medicines running low."""
    if not household.medications:
        return {"doses": [], "still_due": [], "missed": [], "low_stock": []}
    from caretool.domain.meds import service as meds

    today = dates.local_day(now)
    doses = meds.due_today(store, household, now)
    start = datetime.fromisoformat(since) if since else None
    first = max(dates.local_day(start) if start else today - timedelta(days=MISSED_DAYS - 1),
                today - timedelta(days=MISSED_DAYS - 1))
    earlier = (meds.doses_between(store, household, first, today - timedelta(days=1), now)
               if first < today else [])
    missed = [d for d in [*earlier, *doses] if d["state"] == "missed"
              and (start is None or datetime.fromisoformat(d["scheduled_for"]) > start)]
    warn = meds.stocks.WARN_DAYS if warn_days is None else warn_days
    return {"doses": doses, "still_due": [d for d in doses if d["state"] in ("due", "upcoming")],
            "missed": missed, "low_stock": meds.low_stock(store, household, now, warn)}


def today(store: entries.StoreLike, warn_days: int | None = None) -> dict[str, Any]:
    """Keys: date, person, phase, phase_title, checked_in, streak, last_checkin (ISO or None),
    doses (today's), still_due (today's doses due now or later), missed (doses missed since the
    last check-in, at most MISSED_DAYS back), low_stock (medicines that run out within
    `warn_days`, see meds.stock), warnings (grouped by rule, the last 7 days, see
    caretool.domain.report.warnings), prompts (decision prompts crossed by an entry made in the last
    7 days: caretool.domain.progress), next (a Message), next_id."""
    household = entries.load(store)
    now = dates.now()
    day = now.date()
    recent = store.records_between(day - timedelta(days=STREAK_DAYS), day)
    done = checkin_days(recent)
    week = grouped.between(store, household, day - timedelta(days=WARNING_DAYS - 1), day, recent)
    since = last_checkin(recent)
    dose_info = _doses(store, household, now, since, warn_days)
    doses = dose_info["doses"]
    phase = household.phase
    from caretool.domain.progress import service as progress

    prompts = progress.new_prompts(store, household, recent, now)  # decision prompts crossed this week
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
        "last_checkin": since,
        **dose_info,
        "warnings": week,
        "prompts": prompts,
        "next": next_step,
        "next_id": next_step.id,
    }
