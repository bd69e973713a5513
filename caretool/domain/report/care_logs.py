"""The report's "Breathing and feeding care" section: the machines' use, day by day, against the
period before (of the same length).

Rules (repeated in the report's data under rules["breathing_feeding"]):
NIV at night: the hours logged with --night on a day (the night before it); the mean is over the
days with a night logged. NIV in the day: likewise without --night. Cough assist sessions and
suction: totals for the period. Feeds: mL per day (every feed of the day added up) and the mean
over the days with a feed. Change: this period's mean (or total) minus the previous period's, when
both have one.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from caretool.core.messages import msg
from caretool.domain.entries.model import Record

KINDS = ("niv", "cough-assist", "suction", "feed", "tube-change")
RULES = msg("report.rules.breathing-feeding",
            "NIV at night = hours logged with --night that day; NIV in the day = hours without it; means "
            "over the days logged. Cough assist and suction: totals. Feeds: mL per day, mean over the days "
            "with a feed. Change = this period minus the period before.")


def _daily(records: list[Record], kind: str, field: str, keep: Any = None) -> dict[str, float]:
    found: dict[str, float] = defaultdict(float)
    for r in records:
        if r["kind"] == kind and (keep is None or keep(r)):
            found[r["day"]] += float(r.get(field) or 0)
    return dict(found)


def _mean(values: dict[str, float]) -> float | None:
    return round(sum(values.values()) / len(values), 1) if values else None


def _change(now: float | None, before: float | None) -> float | None:
    return None if now is None or before is None else round(now - before, 1)


def _measure(now: dict[str, float], before: dict[str, float], days: list[str], *,
             total: bool) -> dict[str, Any]:
    summary = (lambda v: round(sum(v.values()), 1) if v else None) if total else _mean
    value, previous = summary(now), summary(before)
    return {"daily": [now.get(d) for d in days], "value": value, "previous": previous,
            "change": _change(value, previous), "days_logged": len(now)}


def section(current: list[Record], previous: list[Record], days: list[str]) -> dict[str, Any]:
    """The section's numbers for the period (`current`, whose days are `days`) against `previous`."""
    def both(kind: str, field: str, keep: Any = None, *, total: bool = False) -> dict[str, Any]:
        return _measure(_daily(current, kind, field, keep), _daily(previous, kind, field, keep), days,
                        total=total)

    night = both("niv", "hours", lambda r: bool(r.get("night")))
    day = both("niv", "hours", lambda r: not r.get("night"))
    cough = both("cough-assist", "sessions", total=True)
    suction = both("suction", "times", total=True)
    feeds = both("feed", "ml")
    feeds["count"] = sum(1 for r in current if r["kind"] == "feed")
    feeds["by_mouth"] = sum(1 for r in current if r["kind"] == "feed" and r.get("via") == "mouth")
    tubes = [{"day": r["day"], "came_out": bool(r.get("came_out")), "note": str(r.get("note") or "")}
             for r in sorted(current, key=lambda r: r["at"]) if r["kind"] == "tube-change"]
    logged = any(r["kind"] in KINDS for r in current) or any(r["kind"] in KINDS for r in previous)
    return {"days": days, "any": logged, "niv_night": night, "niv_day": day, "cough_assist": cough,
            "suction": suction, "feeds": feeds, "tube_changes": tubes}
