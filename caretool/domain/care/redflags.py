"""Red flags: logged signs that need the care team today, or emergency services.

Every rule cites ../shared/reference/domain-facts.md section 3.4 and the guideline behind it.
The rules only ever add caution; they never tell a family that something is fine.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

TODAY = "today"
EMERGENCY = "emergency"
CARE_TEAM = "Contact your care team today."
CALL_EMERGENCY = "Call emergency services now if it does not clear or breathing is very hard."
# Weight-loss thresholds: >5-10% in guidance summaries, >10% in EFNS/PROGAS (domain-facts 3.3, 3.4).
MONTH_LOSS_PCT = 5.0
TOTAL_LOSS_PCT = 10.0
MONTH_DAYS = 31
KINDS_CHECKED = ("symptom", "weight")  # the only entry kinds any rule looks at


@dataclass
class Context:
    """What the rules may look at besides the new entry."""

    day: date
    recent: list[dict[str, Any]] = field(default_factory=list)  # entries of the last ~5 weeks
    first_weight: float | None = None
    medications: list[str] = field(default_factory=list)  # active medication names, lower case


@dataclass(frozen=True)
class Warning:
    rule: str
    title: str
    why: str
    action: str
    urgency: str
    source: str

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


def _sev(record: dict[str, Any], name: str) -> int:
    if record.get("kind") == "symptom" and record.get("name") == name:
        return int(record.get("severity", 0))
    return 0


def _seen_within(ctx: Context, name: str, days: int, *, min_sev: int = 1) -> bool:
    start = (ctx.day - timedelta(days=days)).isoformat()
    return any(_sev(r, name) >= min_sev and start <= r["day"] <= ctx.day.isoformat()
               for r in ctx.recent)


def _in_order(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Oldest first, whatever order the caller gave them in."""
    return sorted(records, key=lambda r: (r["day"], str(r.get("at", ""))))


def _last_severity(ctx: Context, name: str) -> int | None:
    before = [r for r in ctx.recent if r.get("kind") == "symptom" and r.get("name") == name
              and r["day"] < ctx.day.isoformat()]
    return int(_in_order(before)[-1]["severity"]) if before else None


def _choking(record: dict[str, Any], ctx: Context) -> Warning | None:
    sev = _sev(record, "choking")
    if not sev:
        return None
    return Warning(
        "choking", "Choking",
        "Choking at meals can mean swallowing is getting less safe and raises the risk of "
        "food or drink going into the lungs.",
        (CALL_EMERGENCY + " " if sev >= 3 else "") + CARE_TEAM + " Ask for a swallowing review.",
        EMERGENCY if sev >= 3 else TODAY,
        "NICE NG42; EFNS guideline (Andersen et al. 2012)",
    )


def _breathing(record: dict[str, Any], ctx: Context) -> Warning | None:
    flat = _sev(record, "breathless-lying-flat")
    breathless = _sev(record, "breathless")
    if flat:
        return Warning(
            "breathless-lying-flat", "Short of breath lying flat",
            "Breathlessness when lying down can be an early sign that the breathing muscles "
            "are weakening.",
            (CALL_EMERGENCY + " " if flat >= 3 else "") + CARE_TEAM,
            EMERGENCY if flat >= 3 else TODAY, "NICE NG42 (respiratory symptoms to monitor)",
        )
    if not breathless:
        return None
    last = _last_severity(ctx, "breathless")
    if breathless >= 2 or last is None or breathless > last:
        return Warning(
            "breathless", "New or worse breathlessness",
            "New or worsening breathlessness can mean the breathing muscles are weakening and "
            "should be assessed.",
            (CALL_EMERGENCY + " " if breathless >= 3 else "") + CARE_TEAM,
            EMERGENCY if breathless >= 3 else TODAY, "NICE NG42 (respiratory symptoms to monitor)",
        )
    return None


def _night_breathing(record: dict[str, Any], ctx: Context) -> Warning | None:
    names = ("morning-headache", "daytime-sleepiness")
    if not any(_sev(record, n) for n in names):
        return None
    other = names[1] if _sev(record, names[0]) else names[0]
    if not (_sev(record, other) or _seen_within(ctx, other, 7)):
        return None
    return Warning(
        "night-breathing", "Morning headaches with daytime sleepiness",
        "Together these can mean breathing is weak at night; a breathing assessment may be "
        "needed.",
        CARE_TEAM + " Ask whether a breathing test or night-time breathing support is needed.",
        TODAY, "NICE NG42 1.1.2; European NIV consensus (Leigh et al. 2003)",
    )


def _infection(record: dict[str, Any], ctx: Context) -> Warning | None:
    fever, chest = _sev(record, "fever"), _sev(record, "chest-infection")
    if not (fever or chest):
        return None
    on_riluzole = any("riluzole" in m or "rilutek" in m or "tiglutik" in m or "teglutik" in m
                      for m in ctx.medications)
    if fever and on_riluzole:
        return Warning(
            "fever-riluzole", "Fever while taking riluzole",
            "Riluzole can rarely lower white blood cells, so any fever must be reported.",
            CARE_TEAM + " Tell them riluzole is being taken.", TODAY,
            "Riluzole prescribing information (neutropenia warning)",
        )
    return Warning(
        "infection", "Fever or chest infection",
        "Chest infections are harder to clear when breathing and coughing are weak.",
        CARE_TEAM, TODAY, "NICE NG42 (recurrent chest infections)",
    )


def _weight(record: dict[str, Any], ctx: Context) -> Warning | None:
    if record.get("kind") != "weight":
        return None
    kg = float(record["kg"])
    start = (ctx.day - timedelta(days=MONTH_DAYS)).isoformat()
    earlier = _in_order([r for r in ctx.recent if r.get("kind") == "weight"
                         and start <= r["day"] < ctx.day.isoformat()])
    month_ref = float(earlier[0]["kg"]) if earlier else None
    if ctx.first_weight and loss_pct(ctx.first_weight, kg) >= TOTAL_LOSS_PCT:
        pct = loss_pct(ctx.first_weight, kg)
        return Warning(
            "weight-loss-total", f"Weight down {pct:.1f}% since the first weight",
            "Losing 10% or more of body weight matters for nutrition and for the timing of a "
            "feeding tube.",
            CARE_TEAM + " Ask about a dietitian review and feeding-tube planning.", TODAY,
            "EFNS guideline (Andersen et al. 2012); ProGas study",
        )
    if month_ref and loss_pct(month_ref, kg) >= MONTH_LOSS_PCT:
        pct = loss_pct(month_ref, kg)
        return Warning(
            "weight-loss-month", f"Weight down {pct:.1f}% in the last month",
            "Unplanned weight loss of 5% or more is a sign that eating and drinking need review.",
            CARE_TEAM + " Ask about a dietitian review.", TODAY,
            "NICE NG42; EFNS guideline (Andersen et al. 2012)",
        )
    return None


def loss_pct(reference: float, now: float) -> float:
    return round((reference - now) / reference * 100, 1) if reference else 0.0


def _behaviour(record: dict[str, Any], ctx: Context) -> Warning | None:
    sev = _sev(record, "behaviour-change")
    if not sev or (sev < 2 and _seen_within(ctx, "behaviour-change", 28)):
        return None
    return Warning(
        "behaviour-change", "Change in behaviour",
        "New changes in behaviour or personality can be part of ALS and deserve an assessment; "
        "they are also hard on caregivers.",
        CARE_TEAM + " Ask about a cognitive and behavioural assessment.", TODAY,
        "NICE NG42 1.1.3; de Wit et al. 2018",
    )


def _fall(record: dict[str, Any], ctx: Context) -> Warning | None:
    if not _sev(record, "falls"):
        return None
    return Warning(
        "fall", "A fall",
        "Falls can cause injuries that are easy to miss and often mean walking aids or home "
        "changes are needed.",
        CARE_TEAM + " Call emergency services for a head injury or if they cannot get up.", TODAY,
        "NICE NG42 (mobility and equipment)",
    )


def _jaundice(record: dict[str, Any], ctx: Context) -> Warning | None:
    if not _sev(record, "jaundice"):
        return None
    return Warning(
        "jaundice", "Yellow skin or eyes",
        "This can be a sign of a liver problem, a known risk of riluzole.",
        CARE_TEAM, TODAY, "Riluzole prescribing information (liver warning)",
    )


def _confusion(record: dict[str, Any], ctx: Context) -> Warning | None:
    if not _sev(record, "confusion"):
        return None
    return Warning(
        "confusion", "New confusion",
        "New confusion or poor concentration can be a sign of weak breathing at night or of "
        "an infection.",
        CARE_TEAM, TODAY, "NICE NG42 (respiratory symptoms to monitor)",
    )


RULES: tuple[Callable[[dict[str, Any], Context], Warning | None], ...] = (
    _choking, _breathing, _night_breathing, _infection, _weight, _behaviour, _fall,
    _jaundice, _confusion,
)


def evaluate(record: dict[str, Any], ctx: Context) -> list[Warning]:
    """Every rule the new entry triggers, most urgent first."""
    found = [w for rule in RULES if (w := rule(record, ctx)) is not None]
    return sorted(found, key=lambda w: w.urgency != EMERGENCY)


# --- derived warnings: the API the status, check-in, log and report use ---------------------------
# Warnings are never stored: they are evaluated when read, over the window a command shows, so
# deleting or editing an entry changes them at once. (Being rewritten for issue 12/11: rules will
# carry ids and parameters only, their text coming from the catalogue through text_of().)
URGENT = "urgent"  # phone now, within hours (e.g. a feeding tube that came out)
CONTEXT_DAYS = 35  # how far back a rule may look from the day it is evaluated on


@dataclass(frozen=True)
class Flag:
    rule: str
    urgency: str  # EMERGENCY, URGENT or TODAY
    day: str
    entry_id: str
    params: dict[str, Any] = field(default_factory=dict)
    sources: tuple[str, ...] = ()  # anchors in docs/clinical-sources.md

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "urgency": self.urgency, "day": self.day, "entry_id": self.entry_id,
                "params": dict(self.params), "sources": list(self.sources)}


@dataclass(frozen=True)
class FlagText:
    title: Any  # Message (or text, for rules still being moved to the catalogue)
    why: Any
    action: Any
    source: Any


def _flags(records: list[dict[str, Any]], recent: list[dict[str, Any]], household: Any) -> list[Flag]:
    first = (household.stats.get("first_weight") or {}).get("kg")
    medications = [str(m.get("name", "")).lower() for m in household.medications if not m.get("stopped")]
    found: list[Flag] = []
    for record in records:
        if record.get("kind") not in KINDS_CHECKED:
            continue
        day = date.fromisoformat(record["day"])
        start = (day - timedelta(days=CONTEXT_DAYS)).isoformat()
        ctx = Context(day=day, recent=[r for r in recent if start <= r["day"] <= record["day"]
                                       and r["id"] != record["id"]],
                      first_weight=first, medications=medications)
        for w in evaluate(record, ctx):
            found.append(Flag(w.rule, w.urgency, record["day"], record["id"],
                              {"_title": w.title, "_why": w.why, "_action": w.action, "_source": w.source}))
    return found


def flags_between(store: Any, household: Any, start: date, end: date) -> list[Flag]:
    """The warnings raised by the entries of days start..end, most urgent first."""
    recent = store.records_between(start - timedelta(days=CONTEXT_DAYS), end)
    window = [r for r in recent if start.isoformat() <= r["day"] <= end.isoformat()]
    return sorted(_flags(window, recent, household), key=lambda f: f.urgency != EMERGENCY)


def flags_for(new: list[dict[str, Any]], store: Any, household: Any) -> list[Flag]:
    """The warnings entries not yet stored would raise, as if they (all together) were stored."""
    if not new:
        return []
    days = sorted(r["day"] for r in new)
    lo, hi = date.fromisoformat(days[0]), date.fromisoformat(days[-1])
    ids = {r["id"] for r in new}
    recent = [r for r in store.records_between(lo - timedelta(days=CONTEXT_DAYS), hi) if r["id"] not in ids]
    return sorted(_flags(new, recent + new, household), key=lambda f: f.urgency != EMERGENCY)


def text_of(flag: Flag) -> FlagText:
    p = flag.params
    return FlagText(p.get("_title", flag.rule), p.get("_why", ""), p.get("_action", ""), p.get("_source", ""))
