"""Weight loss, measured from the weight at diagnosis (else the first weight logged), and over the
last months.

Thresholds (docs/clinical-sources.md):
- progas-2015: survival was longer when a feeding tube was placed before 10% weight loss from the
  weight at diagnosis, so 10% below the baseline warns.
- bapen-must: the general malnutrition screening tool scores unplanned loss over the past 3 to 6
  months of 5 to 10% as medium risk and more than 10% as high risk. caretool compares with the
  heaviest weight logged in the last 3 months (the tool's shorter period: a longer one would make
  every status and report read three more month files); slower loss is caught by the baseline rule.
The unsourced "5% in a month" rule is gone. A warning fires once per new crossing: the weight
after one that was already past a threshold says nothing new and stays quiet.
"""

from __future__ import annotations

from typing import Any

from caretool.core.messages import Message, msg
from caretool.domain.care.flags import FEEDING_TEAM, TODAY, Facts, Finding, Flag, FlagText, Record, Rule

FROM_BASELINE_PCT = 10.0  # progas-2015
MUST_MEDIUM_PCT = 5.0  # bapen-must: 5-10% in 3-6 months
MUST_HIGH_PCT = 10.0  # bapen-must: more than 10%
MUST_DAYS = 92  # three months
LEVELS = (None, "medium", "high")

TITLE_DIAGNOSIS = msg("flag.weight-loss.title-diagnosis",
                      "Weight down {pct:.1f}% from the weight at diagnosis")
TITLE_FIRST = msg("flag.weight-loss.title-first", "Weight down {pct:.1f}% since the first weight logged")
TITLE_RECENT = msg("flag.weight-loss.title-recent", "Weight down {pct:.1f}% since {day}")
WHY_DIAGNOSIS = msg("flag.weight-loss.why-diagnosis",
                    "Losing 10% or more of the weight at diagnosis matters for nutrition and for the timing "
                    "of a feeding tube.")
WHY_FIRST = msg("flag.weight-loss.why-first",
                "Losing 10% or more of body weight matters for nutrition and for the timing of a feeding "
                "tube. No weight at diagnosis is recorded, so this is measured from the first weight logged "
                "({day}, {kg:g} kg).")
WHY_MEDIUM = msg("flag.weight-loss.why-medium",
                 "Unplanned loss of 5 to 10% within 3 to 6 months is a medium risk of malnutrition on a "
                 "general screening tool (MUST).")
WHY_HIGH = msg("flag.weight-loss.why-high",
               "Unplanned loss of more than 10% within 3 to 6 months is a high risk of malnutrition on a "
               "general screening tool (MUST).")
ACTION = msg("flag.weight-loss.action",
             "Contact the care team today and ask for a dietitian review and about planning for a feeding "
             "tube.")


def loss_pct(reference: float, now: float) -> float:
    return round((reference - now) / reference * 100, 1) if reference else 0.0


def measure(f: Facts, record: Record) -> dict[str, Any]:
    """How far one weight (this entry, or one before it) is below the baseline and below the
    heaviest weight of the MUST_DAYS before it."""
    kg = float(record["kg"])
    out: dict[str, Any] = {"kg": kg, "baseline": None, "loss_pct": None, "must": None}
    if f.baseline is not None and f.baseline.entry_id != record.get("id"):
        out.update(baseline=f.baseline.basis, baseline_kg=f.baseline.kg, baseline_day=f.baseline.day,
                   loss_pct=loss_pct(f.baseline.kg, kg))
    before = f.weights_before(record, MUST_DAYS)
    if before:
        heaviest = max(before, key=lambda r: float(r["kg"]))
        pct = loss_pct(float(heaviest["kg"]), kg)
        level = "high" if pct > MUST_HIGH_PCT else "medium" if pct >= MUST_MEDIUM_PCT else None
        out.update(recent_kg=float(heaviest["kg"]), recent_day=heaviest["day"], recent_loss_pct=pct,
                   must=level)
    return out


def _past_baseline(m: dict[str, Any]) -> bool:
    return m["loss_pct"] is not None and m["loss_pct"] >= FROM_BASELINE_PCT


def _weight(f: Facts) -> Finding | None:
    if f.record.get("kind") != "weight":
        return None
    now = measure(f, f.record)
    before = f.weights_before(f.record, MUST_DAYS)
    # The previous weight, judged the same way (with the weights loaded: MUST_DAYS back from this one).
    prev = measure(f, before[-1]) if before else None
    crossed = []
    if _past_baseline(now) and not (prev and _past_baseline(prev)):
        crossed.append("baseline")
    if LEVELS.index(now["must"]) > LEVELS.index(prev["must"] if prev else None):
        crossed.append(f"must-{now['must']}")
    return (TODAY, {**now, "crossed": crossed}) if crossed else None


def _text(flag: Flag) -> FlagText:
    p = flag.params
    whys: list[Message] = []
    titles: list[Message] = []
    for crossing in p.get("crossed") or ():
        if crossing == "baseline" and p.get("baseline") == "diagnosis":
            titles.append(TITLE_DIAGNOSIS(pct=p["loss_pct"]))
            whys.append(WHY_DIAGNOSIS)
        elif crossing == "baseline":
            titles.append(TITLE_FIRST(pct=p["loss_pct"]))
            whys.append(WHY_FIRST(day=p.get("baseline_day") or "", kg=p.get("baseline_kg") or 0))
        else:
            titles.append(TITLE_RECENT(pct=p.get("recent_loss_pct", 0), day=p.get("recent_day", "")))
            whys.append(WHY_HIGH if crossing == "must-high" else WHY_MEDIUM)
    if not titles:  # a flag from a newer version with a crossing this one does not know
        titles = [TITLE_RECENT(pct=p.get("recent_loss_pct", 0), day=p.get("recent_day", ""))]
        whys = [WHY_MEDIUM]
    return FlagText(titles[0], whys[0], ACTION, tuple(whys[1:]))


WEIGHT_LOSS = Rule("weight-loss", ("progas-2015", "bapen-must"), _weight, _text, contacts=FEEDING_TEAM)
RULES = (WEIGHT_LOSS,)
