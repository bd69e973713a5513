"""Every number of the weekly report, computed from plain records (no store, no output).

The rules, stated once here and repeated in the report's data under "rules":

Symptoms. A symptom's value on a day is the highest severity logged that day (0-3); a day
without an entry has no value. For a period, its *peak* is the highest daily value and its *mean*
the average of the daily values on the days it was logged. It is *present* when the peak is 1 or
more. The trend compares the period with the previous period of the same length:
  new        present now, not present before;
  gone       present before, not now (logged as 0, or not logged at all);
  worse      a higher peak, or the same peak and a mean at least 0.5 higher;
  better     a lower peak, or the same peak and a mean at least 0.5 lower;
  unchanged  anything else.
Symptoms present in neither period are left out. "Something else" symptoms are kept apart by
their description.

Weight. The latest weight is the last one on or before the period's end. The change over the
period runs from the last weight before the period (looking back up to a month) - or, without
one, the first weight of the period - to the latest. The change over the last month runs from
the earliest weight in the 31 days up to the period's end; the change since the first weight from
the first weight ever logged (found by the caller). Each as kg and as a percentage of the starting
weight, rounded to 0.01 kg and 0.1%.

Care hours. Hours per caregiver per day include night care; night hours are also counted on
their own. A caregiver's share is their hours divided by everyone's hours in the period.

Warnings are derived from the entries (caretool.domain.report.warnings), one row per rule with
its count. Caregivers' self-checks, and anything about self-harm, are private: they are in the
report only when the family asks for them (`include_caregiver_health`).

Everything a person reads is a Message (an id with parameters) or the family's own text; the
views render it. Questions carry their id and parameters as well, for other programs.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from caretool.core.messages import Message, msg, msgn
from caretool.domain.care import phases, symptoms
from caretool.domain.entries.kinds.hours import night_part
from caretool.domain.entries.model import Record
from caretool.domain.household.model import PHASE_TITLES, Household
from caretool.domain.report import care_logs

# The sections, in order, with their titles; every format shows them the same way.
SECTIONS: tuple[tuple[str, Message], ...] = (
    ("overview", msg("report.section.overview", "Overview")),
    ("warnings", msg("report.section.warnings", "Warnings")),
    ("symptoms", msg("report.section.symptoms", "Symptoms")),
    ("weight", msg("report.section.weight", "Weight")),
    ("progression", msg("report.section.progression", "Progression")),
    ("medications", msg("report.section.medications", "Medications")),
    ("breathing_feeding", msg("report.section.breathing-feeding", "Breathing and feeding care")),
    ("care_hours", msg("report.section.care-hours", "Care hours")),
    ("caregivers", msg("report.section.caregivers", "Caregivers")),
    ("notes", msg("report.section.notes", "Notes")),
    ("questions", msg("report.section.questions", "Questions for the care team")),
)
SECTION_TITLES = tuple(title for _, title in SECTIONS)
SUMMARY_TITLE = msg("report.section.clinic-summary", "Clinic summary")

FORMAT = "caretool-report"
VERSION = 2  # 2: warnings grouped by rule, questions and texts as message ids, caregiver privacy
MEAN_STEP = 0.5
TRENDS = ("new", "worse", "unchanged", "better", "gone")
# Month window for weight changes (the weight red-flag rules look back a month too).
MONTH_DAYS = 31
# A loss this large over the month (or the period) prompts a question for the care team.
WEIGHT_QUESTION_PCT = 2.0
WEIGHT_QUESTION_TOTAL_PCT = 5.0
# 10% from the diagnosis weight: survival was longer with a tube placed before it (progas-2015).
FEEDING_TUBE_TOTAL_PCT = 10.0
TOP_REASONS = 3

NO_CAREGIVER = msg("report.no-caregiver", "(no caregiver)")
UNKNOWN_CAREGIVER = msg("report.unknown-caregiver", "caregiver {id}")
OTHER_SYMPTOM = msg("report.symptom-other", "Something else: {text}")

RULES = {
    "symptoms": msg("report.rules.symptoms",
                    "Daily value = highest severity logged that day. Peak = highest daily value, mean = "
                    "average of the logged days. Present = peak of 1 or more. Against the previous period "
                    "of the same length: new (present now, not before), gone (present before, not now), "
                    "worse (higher peak, or same peak and mean 0.5 or more higher), better (the reverse), "
                    "else unchanged."),
    "weight": msg("report.rules.weight",
                  "Period: from the last weight before the period (up to a month back; else the first of "
                  "the period) to the latest. Last month: from the earliest weight in the 31 days up to the "
                  "end. Since first: from the first weight ever logged."),
    "care_hours": msg("report.rules.care-hours",
                      "Hours per caregiver per day include night care; night hours are also shown on their "
                      "own. Share = a caregiver's hours / everyone's hours."),
    "checkins": msg("report.rules.checkins",
                    "Days checked in = days with at least one entry made by `caretool checkin`."),
    "breathing_feeding": care_logs.RULES,
    "warnings": msg("report.rules.warnings",
                    "Warnings are worked out from the entries of the period, one row per sign with the "
                    "number of times it came up; the words are those of its most urgent occurrence."),
}

# Questions for the care team: why each is asked (an id) and its words.
Q_WARNING = msg("report.question.warning",
                "{title} ({days}): what does it mean, and what should we do if it happens again?")
Q_WARNING_OFTEN = msg("report.question.warning-often",
                      "{title} ({count} times, {first} to {last}): what does it mean, and what should we do "
                      "if it happens again?")
Q_NEW_SYMPTOM = msg("report.question.new-symptom",
                    "{symptom} is new this period (at worst {severity}). What could be causing it, and what "
                    "should we do?")
Q_WORSE_PEAK = msg("report.question.worse-peak",
                   "{symptom} got worse (at worst {before} before, {now} now). Does anything need to change?")
Q_WORSE_MEAN = msg("report.question.worse-mean",
                   "{symptom} got worse (on average {before:g} out of 3 before, {now:g} now). Does anything "
                   "need to change?")
Q_MISSED = msgn("report.question.missed-doses",
                "{name}: {count} missed dose this period. What should we do when a dose is missed, and does "
                "the timing still suit us?",
                "{name}: {count} missed doses this period. What should we do when a dose is missed, and does "
                "the timing still suit us?")
Q_WEIGHT_MONTH = msg("report.question.weight-month",
                     "Weight went from {start:g} kg to {end:g} kg in the last month ({percent:+.1f}%). "
                     "Should we see a dietitian?")
Q_WEIGHT_PERIOD = msg("report.question.weight-period",
                      "Weight went from {start:g} kg to {end:g} kg over this period ({percent:+.1f}%). "
                      "Should we see a dietitian?")
Q_WEIGHT_FIRST = msg("report.question.weight-first",
                     "Weight went from {start:g} kg to {end:g} kg since the first weight ({percent:+.1f}%). "
                     "Should we see a dietitian?")
Q_FEEDING_TUBE = msg("report.question.feeding-tube",
                     "Weight is down {loss:.1f}% since the first weight ({start:g} kg on {day}). "
                     "Is it time to plan for a feeding tube?")
# A decision prompt (caretool.domain.progress.prompts) crossed during the period: asked once, then.
Q_DECISION = msg("report.question.decision",
                 "{title}: {reason} Is it time to plan for this, and what are the options?")
QUESTIONS: dict[str, Message] = {m.id: m for m in (
    Q_WARNING, Q_WARNING_OFTEN, Q_NEW_SYMPTOM, Q_WORSE_PEAK, Q_WORSE_MEAN, Q_MISSED, Q_WEIGHT_MONTH,
    Q_WEIGHT_PERIOD, Q_WEIGHT_FIRST, Q_FEEDING_TUBE, Q_DECISION)}

PRIVATE = msg("report.caregiver-health-left-out",
              "The caregivers' self-check answers, and anything about self-harm, are private and left out "
              "of this report (the burnout levels here do not use them). To include them: caretool report "
              "--include-caregiver-health")
INCLUDED = msg("report.caregiver-health-included",
               "This report includes the caregivers' self-check answers, because it was asked for with "
               "--include-caregiver-health. Share it only with people the caregivers trust.")


@dataclass(frozen=True)
class Period:
    start: date
    end: date
    label: str
    partial: bool = False  # the period is not over yet; it is reported up to today

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def previous(self) -> tuple[date, date]:
        """The period of the same length just before this one."""
        return self.start - timedelta(days=self.days), self.start - timedelta(days=1)

    def day_list(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(self.days)]

    def first_needed(self) -> date:
        """The earliest day the report looks at: the previous period, or a month back for weight."""
        return min(self.previous[0], self.end - timedelta(days=MONTH_DAYS))

    def as_dict(self) -> dict[str, Any]:
        prev_start, prev_end = self.previous
        return {
            "start": self.start.isoformat(), "end": self.end.isoformat(), "label": self.label,
            "days": self.days, "partial": self.partial,
            "previous": {"start": prev_start.isoformat(), "end": prev_end.isoformat()},
        }


def _within(records: list[Record], start: date, end: date) -> list[Record]:
    lo, hi = start.isoformat(), end.isoformat()
    return [r for r in records if lo <= r["day"] <= hi]


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _round(value: float | None, places: int = 1) -> float | None:
    return None if value is None else round(value, places)


def _plain(value: Any) -> Any:
    return value.to_dict() if isinstance(value, Message) else value


# --- overview -----------------------------------------------------------------------------
def phase_at(household: Household, day: date) -> int | None:
    """The phase on that day; before the recorded history starts, the first phase recorded (it
    was set up as the phase the person was already in)."""
    return phases.phase_on(household.phases, day, first_if_earlier=True)


def overview(household: Household, current: list[Record], period: Period) -> dict[str, Any]:
    lo, hi = period.start.isoformat(), period.end.isoformat()
    changes = []
    before: int | None = None
    for item in household.phases:
        day = str(item["at"])[:10]
        phase = int(item["phase"])
        if lo <= day <= hi and phase != before:
            changes.append({"day": day, "from": before, "to": phase, "title": PHASE_TITLES.get(phase, "")})
        before = phase
    phase_now = phase_at(household, period.end)
    checked = sorted({r["day"] for r in current if r.get("source") == "checkin"})
    person = household.person
    return {
        "person": household.name,
        "born": person.get("born") or None,
        "onset": person.get("onset") or None,
        "diagnosed": person.get("diagnosed") or None,
        "phase": phase_now,
        "phase_title": PHASE_TITLES.get(phase_now or 0, ""),
        "phase_changes": changes,
        "checkin_days": len(checked),
        "days": period.days,
        "checked_in": checked,
        "entries": len(current),
        "caregivers": [c.name for c in household.active_caregivers],
    }


def _who(household: Household, caregiver_id: str | None) -> Message | str:
    if caregiver_id is None:
        return NO_CAREGIVER
    name = household.caregiver_name(caregiver_id)
    return name if name != "-" else UNKNOWN_CAREGIVER(id=caregiver_id[:7])


# --- symptoms -----------------------------------------------------------------------------
def _symptom_key(record: Record) -> tuple[str, Message | str]:
    """(key, label): 'other' symptoms are told apart by what was described."""
    name = str(record["name"])
    if name == "other" and record.get("describe"):
        text = str(record["describe"])
        return f"other: {text}", OTHER_SYMPTOM(text=text)
    return name, symptoms.label(name)


def _daily_peaks(records: list[Record]) -> tuple[dict[str, dict[str, int]],
                                                 dict[str, tuple[str, Message | str]]]:
    by_key: dict[str, dict[str, int]] = defaultdict(dict)
    names: dict[str, tuple[str, Message | str]] = {}
    for r in records:
        if r["kind"] != "symptom":
            continue
        key, label = _symptom_key(r)
        names[key] = (str(r["name"]), label)
        days = by_key[key]
        days[r["day"]] = max(int(r["severity"]), days.get(r["day"], 0))
    return by_key, names


def trend(peak: int | None, mean: float | None, prev_peak: int | None,
          prev_mean: float | None) -> str:
    now, before = (peak or 0) >= 1, (prev_peak or 0) >= 1
    if now and not before:
        return "new"
    if before and not now:
        return "gone"
    assert peak is not None and prev_peak is not None and mean is not None and prev_mean is not None
    if peak != prev_peak:
        return "worse" if peak > prev_peak else "better"
    step = round(mean - prev_mean, 6)
    if step >= MEAN_STEP:
        return "worse"
    if step <= -MEAN_STEP:
        return "better"
    return "unchanged"


def _sort_label(label: Message | str) -> str:
    return label.text if isinstance(label, Message) else label


def symptom_section(current: list[Record], previous: list[Record], period: Period) -> dict[str, Any]:
    days = [d.isoformat() for d in period.day_list()]
    now, names = _daily_peaks(current)
    before, prev_names = _daily_peaks(previous)
    names = {**prev_names, **names}
    items: list[dict[str, Any]] = []
    for key in set(now) | set(before):
        values = list(now.get(key, {}).values())
        prev_values = list(before.get(key, {}).values())
        peak, prev_peak = max(values, default=None), max(prev_values, default=None)
        if not (peak or prev_peak):
            continue
        mean, prev_mean = _mean([float(v) for v in values]), _mean([float(v) for v in prev_values])
        name, label = names[key]
        items.append({
            "name": name,
            "label": label,
            "daily": [now.get(key, {}).get(day) for day in days],
            "days_logged": len(values),
            "peak": peak,
            "mean": _round(mean, 2),
            "previous_peak": prev_peak,
            "previous_mean": _round(prev_mean, 2),
            "trend": trend(peak, mean, prev_peak, prev_mean),
        })
    items.sort(key=lambda s: (TRENDS.index(s["trend"]), -(s["peak"] or 0), _sort_label(s["label"])))
    return {"days": days, "items": items}


# --- weight -------------------------------------------------------------------------------
def _point(record: Record) -> dict[str, Any]:
    return {"day": record["day"], "kg": float(record["kg"])}


def _change(start: dict[str, Any], end: dict[str, Any]) -> dict[str, Any]:
    kg = end["kg"] - start["kg"]
    return {"from": start, "to": end, "kg": round(kg, 2),
            "percent": round(kg / start["kg"] * 100, 1) if start["kg"] else None}


def weight_section(loaded: list[Record], period: Period, first: Record | None,
                   at_diagnosis: float | None = None, diagnosed: str | None = None) -> dict[str, Any]:
    """`first` is the first weight ever logged (derived by the caller: entries.first_weight);
    `at_diagnosis` the weight given to init, the baseline weight loss is measured from."""
    hi = period.end.isoformat()
    weights = sorted((r for r in loaded if r["kind"] == "weight" and r["day"] <= hi),
                     key=lambda r: r["at"])
    start = period.start.isoformat()
    inside = [r for r in weights if r["day"] >= start]
    before = [r for r in weights if r["day"] < start]
    latest = weights[-1] if weights else None
    out: dict[str, Any] = {
        "values": [_point(r) for r in inside],
        "latest": _point(latest) if latest else None,
        "latest_in_period": bool(inside),
        "period_change": None,
        "month_change": None,
        "since_first": None,
        "since_diagnosis": None,
    }
    if latest is None:
        return out
    if at_diagnosis and diagnosed:
        out["since_diagnosis"] = _change({"day": diagnosed, "kg": at_diagnosis}, _point(latest))
    if inside:
        ref = before[-1] if before else inside[0]
        if ref is not latest:
            out["period_change"] = _change(_point(ref), _point(latest))
    month_from = (period.end - timedelta(days=MONTH_DAYS)).isoformat()
    month = [r for r in weights if r["day"] >= month_from]
    if month and month[0] is not latest:
        out["month_change"] = _change(_point(month[0]), _point(latest))
    if (first and first.get("kg") and first.get("id") != latest["id"]
            and str(first.get("day", "")) <= latest["day"]):
        out["since_first"] = _change({"day": first["day"], "kg": float(first["kg"])}, _point(latest))
    return out


# --- medications --------------------------------------------------------------------------
def medication_section(adherence: list[dict[str, Any]], household: Household) -> dict[str, Any]:
    """Adherence per medicine (from the medication service), with the dose and schedule the
    household has on record for it."""
    known = {str(m.get("name", "")).lower(): m for m in household.medications}
    items = []
    for m in adherence:
        med = known.get(str(m.get("name", "")).lower(), {})
        items.append({
            "name": str(m.get("name", "")),
            "dose": str(med.get("dose") or ""),
            "schedule": m.get("schedule") or "",
            "as_needed": bool(m.get("as_needed")),
            "stopped": med.get("stopped") or None,
            "scheduled": int(m.get("scheduled") or 0),
            "taken": int(m.get("taken") or 0),
            "skipped": int(m.get("skipped") or 0),
            "missed": int(m.get("missed") or 0),
            "percent": m.get("percent"),
            "missed_doses": [str(d) for d in m.get("missed_doses") or []],
            "per_day": [dict(d) for d in m.get("per_day") or []],  # as needed: doses given each day
        })
    return {"items": items, "set_up": len(household.medications)}


# --- care hours ---------------------------------------------------------------------------
def _caregiver_order(household: Household, *used: set[str | None]) -> list[str | None]:
    seen: set[str | None] = set().union(*used)
    order: list[str | None] = [c.id for c in household.active_caregivers]
    order += [c.id for c in household.caregivers if not c.active and c.id in seen]
    order += sorted(x for x in seen if x is not None and x not in order)
    if None in seen:
        order.append(None)
    return order


def hours_section(household: Household, current: list[Record], period: Period) -> dict[str, Any]:
    days = [d.isoformat() for d in period.day_list()]
    total: dict[str | None, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    night: dict[str | None, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for r in current:
        if r["kind"] != "hours":
            continue
        who = r.get("caregiver")
        total[who][r["day"]] += float(r["hours"])
        night[who][r["day"]] += night_part(r)
    grand = round(sum(sum(d.values()) for d in total.values()), 2)
    rows: list[dict[str, Any]] = []
    for who in _caregiver_order(household, set(total)):
        daily = [round(total[who][d], 2) for d in days]
        night_daily = [round(night[who][d], 2) for d in days]
        hours = round(sum(daily), 2)
        night_hours = round(sum(night_daily), 2)
        rows.append({
            "id": who, "name": _who(household, who), "daily": daily, "night_daily": night_daily,
            "total": hours, "night": night_hours, "day": round(hours - night_hours, 2),
            "share": round(hours / grand * 100, 1) if grand else 0.0,
        })
    return {
        "days": days,
        "caregivers": rows,
        "daily_totals": [round(sum(row["daily"][i] for row in rows), 2) for i in range(len(days))],
        "night_total": round(sum(row["night"] for row in rows), 2),
        "total": grand,
    }


# --- caregivers ---------------------------------------------------------------------------
def _burnout_item(found: dict[str, Any] | None) -> dict[str, Any] | None:
    if found is None:
        return None
    factors = sorted(found.get("factors") or [], key=lambda f: -float(f.get("points") or 0))
    return {
        "level": found.get("level"),
        "points": found.get("points"),
        "previous_level": found.get("previous_level"),
        "reasons": [{"factor": str(f.get("factor", "")), "points": f.get("points"),
                     "reason": f.get("reason", ""), "reason_id": f.get("reason_id"),
                     "params": f.get("params") or {}}
                    for f in factors[:TOP_REASONS] if (f.get("points") or 0) > 0],
        "missing": list(found.get("missing") or []),
    }


def _selfcheck_item(checks: list[Record]) -> dict[str, Any] | None:
    if not checks:
        return None
    latest = max(checks, key=lambda r: r["at"])
    answers = latest.get("answers") or {}
    return {"day": latest["day"], "score": latest.get("score"), "max_score": 3 * len(answers),
            "answers": dict(answers)}


def caregiver_section(household: Household, current: list[Record], hours: dict[str, Any],
                      burnout: list[dict[str, Any]], *, include_health: bool = False) -> dict[str, Any]:
    wellbeing: dict[str | None, list[Record]] = defaultdict(list)
    checks: dict[str | None, list[Record]] = defaultdict(list)
    for r in current:
        if r["kind"] == "wellbeing":
            wellbeing[r.get("caregiver")].append(r)
        elif r["kind"] == "selfcheck":
            checks[r.get("caregiver")].append(r)
    by_hours = {row["id"]: row for row in hours["caregivers"]}
    by_burnout = {b.get("caregiver_id"): b for b in burnout}
    items = []
    for who in _caregiver_order(household, set(wellbeing), set(by_hours)):
        entries = wellbeing.get(who, [])
        sleep = [float(r["sleep_hours"]) for r in entries]
        stress = [int(r["stress"]) for r in entries]
        row = by_hours.get(who, {})
        item = {
            "id": who,
            "name": _who(household, who),
            "entries": len(entries),
            "sleep_mean": _round(_mean(sleep)),
            "sleep_min": min(sleep, default=None),
            "stress_mean": _round(_mean([float(s) for s in stress])),
            "stress_max": max(stress, default=None),
            "breaks": sum(1 for r in entries if r.get("took_break")),
            "hours": row.get("total", 0.0),
            "night_hours": row.get("night", 0.0),
            "burnout": _burnout_item(by_burnout.get(who)),
        }
        if include_health:
            item["selfcheck"] = _selfcheck_item(checks.get(who, []))
        items.append(item)
    return {"caregiver_health_included": include_health, "privacy": INCLUDED if include_health else PRIVATE,
            "items": items}


# --- notes --------------------------------------------------------------------------------
def notes(household: Household, current: list[Record]) -> list[dict[str, Any]]:
    return [{"day": r["day"], "at": r["at"], "caregiver": _who(household, r.get("caregiver")),
             "text": str(r.get("text", ""))}
            for r in current if r["kind"] == "note"]


# --- questions ----------------------------------------------------------------------------
def _question(why: str, text: Message | str) -> dict[str, Any]:
    """A question for the care team: why it is asked, its words, and (for programs) its id and
    parameters; a question taken from a guide is the guide's own text (id None)."""
    if isinstance(text, Message):
        return {"why": why, "id": text.id, "params": {k: _plain(v) for k, v in text.params.items()},
                "text": text}
    return {"why": why, "id": None, "params": {}, "text": text}


def _weight_questions(weight: dict[str, Any]) -> list[dict[str, Any]]:
    month, period, first = weight["month_change"], weight["period_change"], weight["since_first"]
    out = []
    for change, message, limit in ((month, Q_WEIGHT_MONTH, WEIGHT_QUESTION_PCT),
                                   (period, Q_WEIGHT_PERIOD, WEIGHT_QUESTION_PCT),
                                   (first, Q_WEIGHT_FIRST, WEIGHT_QUESTION_TOTAL_PCT)):
        pct = change["percent"] if change else None
        if pct is not None and pct <= -limit:
            out.append(_question("weight", message(start=change["from"]["kg"], end=change["to"]["kg"],
                                                   percent=pct)))
            break
    if out and first and first["percent"] is not None and first["percent"] <= -FEEDING_TUBE_TOTAL_PCT:
        out.append(_question("weight", Q_FEEDING_TUBE(loss=-first["percent"], start=first["from"]["kg"],
                                                      day=first["from"]["day"])))
    return out


def decision_questions(progression: dict[str, Any] | None) -> list[dict[str, Any]]:
    """One question per decision prompt crossed in the period, with its first reason."""
    out = []
    for prompt in (progression or {}).get("period_prompts") or []:
        first = prompt["reasons"][0]
        asked = _question("progression", Q_DECISION(title=prompt["title"], reason=first["text"]))
        out.append({**asked, "prompt": prompt["id"], "sources": list(prompt["sources"])})
    return out


def questions(found: list[dict[str, Any]], symptom_items: list[dict[str, Any]],
              meds: dict[str, Any], weight: dict[str, Any],
              phase_questions: list[str], progression: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for w in found:
        days = w["days"]
        asked = (Q_WARNING(title=w["title"], days=", ".join(days)) if len(days) <= 2
                 else Q_WARNING_OFTEN(title=w["title"], count=w["count"], first=days[0], last=days[-1]))
        out.append(_question("warning", asked))
    warned = {name for w in found for name in w.get("symptoms") or []}
    for s in symptom_items:
        if s["name"] in warned:
            continue  # already asked about with its warning
        if s["trend"] == "new":
            out.append(_question("new-symptom", Q_NEW_SYMPTOM(
                symptom=s["label"], severity=symptoms.SEVERITY_WORDS[s["peak"] or 0])))
        elif s["trend"] == "worse":
            if s["peak"] != s["previous_peak"]:
                worse = Q_WORSE_PEAK(symptom=s["label"], now=symptoms.SEVERITY_WORDS[s["peak"] or 0],
                                     before=symptoms.SEVERITY_WORDS[s["previous_peak"] or 0])
            else:
                worse = Q_WORSE_MEAN(symptom=s["label"], before=s["previous_mean"], now=s["mean"])
            out.append(_question("worse-symptom", worse))
    for m in meds["items"]:
        if m["missed"]:
            out.append(_question("missed-doses", Q_MISSED(name=m["name"], count=m["missed"])))
    decisions = decision_questions(progression)
    weight_asked = _weight_questions(weight)
    if any(q["prompt"] == "feeding-tube" for q in decisions):  # the prompt asks about the tube already
        weight_asked = [q for q in weight_asked if q["id"] != Q_FEEDING_TUBE.id]
    out += weight_asked + decisions
    seen: set[str] = set()
    for text in phase_questions:
        if text not in seen:
            out.append(_question("phase-guide", text))
            seen.add(text)
    return out


# --- the whole report ---------------------------------------------------------------------
def build(
    *, household: Household, records: list[Record], period: Period, generated: str,
    warnings: list[dict[str, Any]], adherence: list[dict[str, Any]], burnout: list[dict[str, Any]],
    phase_questions: list[str], include_caregiver_health: bool = False,
    progression: dict[str, Any] | None = None, first_weight: Record | None = None,
) -> dict[str, Any]:
    """The report as plain data. `records` must cover period.first_needed() .. period.end.

    `warnings` are the period's warnings grouped by rule (caretool.domain.report.warnings);
    `adherence` and `burnout` are what the medication and burnout services returned (the burnout
    assessed without self-checks unless `include_caregiver_health`); `progression` is the
    Progression section (caretool.domain.progress.service.period_section), None when not read.
    """
    current = _within(records, period.start, period.end)
    previous = _within(records, *period.previous)
    symptom_data = symptom_section(current, previous, period)
    weight = weight_section(records, period, first_weight, household.weight_at_diagnosis,
                            household.diagnosed.isoformat() if household.diagnosed else None)
    meds = medication_section(adherence, household)
    hours = hours_section(household, current, period)
    return {
        "format": FORMAT,
        "version": VERSION,
        "generated": generated,
        "period": period.as_dict(),
        "overview": overview(household, current, period),
        "warnings": warnings,
        "symptoms": symptom_data,
        "weight": weight,
        "progression": progression,
        "medications": meds,
        "breathing_feeding": care_logs.section(current, previous, [d.isoformat() for d in period.day_list()]),
        "care_hours": hours,
        "caregivers": caregiver_section(household, current, hours, burnout,
                                        include_health=include_caregiver_health),
        "notes": notes(household, current),
        "questions": questions(warnings, symptom_data["items"], meds, weight, phase_questions, progression),
        "rules": RULES,
    }
