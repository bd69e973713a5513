"""Breathing tests over time: the latest FVC and SNIP, the change since the one before, and the
FVC trend (least squares over the last 6 months, in % points a month, with 2 results or more).

The trend uses results blown sitting or with no position given: a lying result is lower when the
diaphragm is weak, and mixing the two would make a trend out of the change of position. Lying
results are shown as their own series.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from caretool.domain.progress import rate

TREND_MONTHS = 6
TREND_MIN_RESULTS = 2

Record = Mapping[str, Any]


def point(record: Record) -> dict[str, Any]:
    snip = record.get("snip")
    return {"day": str(record["day"]), "fvc": float(record["fvc"]),
            "snip": float(snip) if snip is not None else None,
            "position": record.get("position"), "id": record.get("id")}


def upright(record: Record) -> bool:
    return record.get("position") != "lying"


def trend(tests: Sequence[Record]) -> dict[str, Any] | None:
    """The FVC slope over the last months of upright results (sorted by time)."""
    ups = [t for t in tests if upright(t)]
    days = [date.fromisoformat(t["day"]) for t in ups]
    used = ups[rate.in_last_months(days, TREND_MONTHS):] if ups else []
    if len(used) < TREND_MIN_RESULTS:
        return None
    first = date.fromisoformat(used[0]["day"])
    value = rate.least_squares([((date.fromisoformat(t["day"]) - first).days / rate.DAYS_PER_MONTH,
                                 float(t["fvc"])) for t in used])
    if value is None:
        return None
    return {"per_month": round(value, 2), "results": len(used), "from": used[0]["day"], "to": used[-1]["day"]}


def summary(tests: Sequence[Record]) -> dict[str, Any]:
    ordered = sorted(tests, key=lambda r: (r["day"], str(r.get("at", ""))))
    latest = ordered[-1] if ordered else None
    ups = [t for t in ordered if upright(t)]
    previous = ups[-2] if latest is not None and upright(latest) and len(ups) >= 2 else None
    snips = [t for t in ordered if t.get("snip") is not None]
    return {
        "points": [point(t) for t in ordered],
        "latest": point(latest) if latest else None,
        "previous": point(previous) if previous else None,
        "change": round(float(latest["fvc"]) - float(previous["fvc"]), 1) if latest and previous else None,
        "latest_snip": point(snips[-1]) if snips else None,
        "trend": trend(ordered),
    }
