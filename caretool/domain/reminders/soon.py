"""`med due --soon 30m`: the doses due within the next minutes, and those overdue today.

Made for the computer's scheduler (cron, a systemd timer): the answer is the exit code, 0 when a
dose is due or overdue, 1 when none is. "Soon" is measured in real time, so across a daylight-
saving change 30 minutes stay 30 minutes. Overdue are the doses whose time has come and that
nobody recorded: today's, and last night's while they are still within the grace period (a dose
due at 23:30 is still worth a reminder at 00:05).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from caretool.core import dates
from caretool.core.messages import msg
from caretool.domain.entries import service as entries
from caretool.domain.meds import doses, durations

LOWEST = timedelta(minutes=1)
HIGHEST = timedelta(hours=24)
NOTIFY_NEEDS_SOON = msg("soon.notify-needs-soon", "--notify goes with --soon")
NOTIFY_NEEDS_SOON_HINT = msg("soon.notify-needs-soon.hint", "e.g. `caretool med due --soon 30m --notify`")
SOON_WITH_DATE = msg("soon.with-date", "--soon looks ahead from now, so it cannot go with --date")
SOON_WITH_DATE_HINT = msg("soon.with-date.hint", "leave out --date, or --soon to see a whole day")


def window(text: str) -> timedelta:
    """--soon: 1 minute to 24 hours ("0", "-5m" and "2 weeks" are refused, exit 2)."""
    return durations.parse(text, option="--soon", low=LOWEST, high=HIGHEST)


def due_soon(store: entries.StoreLike, length: timedelta, now: datetime | None = None) -> dict[str, Any]:
    """Keys: now, until (now + length), minutes, doses (the rows of `med due`, each with
    `overdue`: True for a dose whose time has passed), due (True when there is any)."""
    now = now or dates.now()
    until = now + length
    household = entries.load(store)
    today = dates.local_day(now)
    lo, hi = today - timedelta(days=1), dates.local_day(until)
    records = doses.dose_records(store, *doses.window(lo, hi, now))
    found = []
    for row in doses.rows(household.medications, records, lo, hi, now, doses.GRACE):
        slot = datetime.fromisoformat(row["scheduled_for"])
        if row["state"] == "upcoming" and slot <= until:
            found.append({**row, "overdue": False})
        elif row["state"] == "due" or (row["state"] == "missed" and dates.local_day(slot) == today):
            found.append({**row, "overdue": True})
    return {"now": dates.iso(now), "until": dates.iso(until), "minutes": int(length.total_seconds() // 60),
            "doses": found, "due": bool(found)}
