"""Weight and BMI over time.

Weight loss is measured from the weight at diagnosis when `caretool init` was given it, else from
the first weight logged (ProGas and EFNS measure from the diagnosis weight:
docs/clinical-sources.md#progas-2015; caretool.domain.care.redflags.baseline is the one rule).
The change over 1, 3 and 6 months runs from the weight nearest to the day that many months before
the latest weight, to the latest. The nearest must lie within a quarter of the span of that day
(about a week for one month, three weeks for three months, six for six), or the change is
unknown: a weight from far off would stretch "over 3 months" to five. The change names both days.

BMI = kg / (height in m)^2, with the height from the household settings (`caretool config set
height_cm 172`), rounded to 0.1. The WHO adult cut-off for underweight is below 18.5
(docs/clinical-sources.md#who-bmi).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from dateutil.relativedelta import relativedelta

from caretool.domain.care.flags import Baseline

SPANS = (1, 3, 6)  # months
SLACK_SHARE = 0.25  # how far from the span's start a reference weight may be, as a share of the span
UNDERWEIGHT_BMI = 18.5  # who-bmi

Record = Mapping[str, Any]


def percent(start: float, end: float) -> float:
    """The change from start to end in % of start, to 0.1 (negative: a loss)."""
    return round((end - start) / start * 100, 1) if start else 0.0


def bmi(kg: float, height_cm: float | None) -> float | None:
    if not height_cm:
        return None
    metres = height_cm / 100
    return round(kg / (metres * metres), 1)


def point(record: Record) -> dict[str, Any]:
    return {"day": str(record["day"]), "kg": float(record["kg"]), "id": record.get("id")}


def change(start: Mapping[str, Any], end: Mapping[str, Any]) -> dict[str, Any]:
    return {"from": dict(start), "to": dict(end), "kg": round(end["kg"] - start["kg"], 2),
            "percent": percent(start["kg"], end["kg"])}


def over(weights: Sequence[Record], months: int) -> dict[str, Any] | None:
    """The change over the last `months` months up to the latest weight (weights sorted by time)."""
    if len(weights) < 2:
        return None
    latest = weights[-1]
    end = date.fromisoformat(latest["day"])
    target = end - relativedelta(months=months)
    slack = (end - target).days * SLACK_SHARE
    near = [w for w in weights[:-1] if abs((date.fromisoformat(w["day"]) - target).days) <= slack]
    if not near:
        return None
    best = min(near, key=lambda w: abs((date.fromisoformat(w["day"]) - target).days))
    return {"months": months, **change(point(best), point(latest))}


def from_baseline(baseline: Baseline | None, latest: Record | None) -> dict[str, Any] | None:
    if baseline is None or latest is None or baseline.entry_id == latest.get("id"):
        return None
    start = {"day": baseline.day, "kg": baseline.kg, "id": baseline.entry_id}
    return {"basis": baseline.basis, **change(start, point(latest))}


def summary(weights: Sequence[Record], baseline: Baseline | None, height_cm: float | None) -> dict[str, Any]:
    """Every weight figure: the points, latest, change from baseline and over each span, BMI."""
    ordered = sorted(weights, key=lambda r: (r["day"], str(r.get("at", ""))))
    latest = ordered[-1] if ordered else None
    return {
        "points": [point(w) for w in ordered],
        "latest": point(latest) if latest else None,
        "baseline": ({"basis": baseline.basis, "kg": baseline.kg, "day": baseline.day}
                     if baseline else None),
        "from_baseline": from_baseline(baseline, latest),
        "over": {str(months): over(ordered, months) for months in SPANS},
        "height_cm": height_cm,
        "bmi": bmi(float(latest["kg"]), height_cm) if latest else None,
    }
