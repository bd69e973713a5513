"""The burnout-risk model: simple, explainable points from what a caregiver has logged.

No machine learning: every factor turns one measured value into points through THRESHOLDS, with a
short reason a tired person can check against their own week. The points add up to a level (low,
elevated, high). Missing data is said, never guessed, and scores 0.

The sources named below are sections of /work/shared/reference/domain-facts.md ("ref 5.2" etc.).
Most cut-offs have no validated value for ALS caregivers: those rows say "judgement" and are
caretool's own rules of thumb, easy to tune here and never shown to users as clinical facts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from caretool.domain.burnout.selfcheck import MAX_SCORE, needs_crisis_help
from caretool.domain.care.symptoms import SEVERITY_WORDS, label
from caretool.domain.household.model import PHASES

Record = dict[str, Any]

# Guide sections (## headings of guides/en/topics/burnout.md) that hold the tips for each cause.
TOO_MANY_HOURS = "Too many hours"
NO_BREAKS = "No breaks"
POOR_SLEEP = "Poor sleep"
RISING_STRESS = "Rising stress"
ISOLATION = "Isolation"
BEHAVIOUR = "Behaviour change in the person you care for"
GET_HELP_NOW = "When to get help now"

LEVELS = ("low", "elevated", "high")
WEEK = 7     # days in "the last 7 days" (today and the 6 days before)
MONTH = 28   # days in "the last 28 days"
# A trend compares two weeks; with fewer logged days per week one odd day would decide it.
MIN_DAYS_FOR_TREND = 2
BREATHING_SYMPTOMS = ("breathless", "breathless-lying-flat")
BEHAVIOUR_SYMPTOM = "behaviour-change"


@dataclass(frozen=True)
class Threshold:
    """One row: when `measure` is at least `at` (under `at` if `below`), it scores `points`.

    Within a measure the highest matching row wins (rows do not add up). Rows of the measure
    "level" map the total of points to a level instead. Rows with 0 points define a cut-off
    another measure counts with (a short night, a bad enough symptom).
    """

    measure: str
    at: float
    points: int = 0
    level: str = ""
    below: bool = False
    basis: str = "judgement"

    def applies(self, value: float) -> bool:
        return value < self.at if self.below else value >= self.at


THRESHOLDS: tuple[Threshold, ...] = (
    # Hours of care in the last 7 days. Ref 5.2: hours of care predict burden (Galvin 2016) and
    # rise with disability (Chiò 2006); ref 5.3: NAC/AARP 2020 average 24 h/week. The 21 and 41 h
    # bands echo NAC/AARP's Level of Care Index bands, which are UNVERIFIED (ref 5.3): judgement.
    Threshold("hours", 21, 1, basis="judgement (echoes UNVERIFIED NAC/AARP 21-40 h band, ref 5.3)"),
    Threshold("hours", 41, 2, basis="judgement (echoes UNVERIFIED NAC/AARP 41+ h band, ref 5.3)"),
    # About 10 h a day; ref 5.2 cites ALS caregivers averaging 11 h/day. The cut-off is judgement.
    Threshold("hours", 70, 3, basis="judgement (ref 5.2: ALS caregivers average about 11 h/day)"),
    # Share of the household's logged hours this caregiver carried in the last 7 days. Counts only
    # when the hours themselves scored (carrying most of a light week is not a load). Judgement.
    Threshold("share", 0.75, 1, basis="judgement"),
    # Nights with night care (hours entries with night=true) in the last 7 days. Judgement.
    Threshold("nights", 2, 1, basis="judgement"),
    Threshold("nights", 4, 2, basis="judgement"),
    # Days since the last logged real break (wellbeing took_break). Judgement.
    Threshold("break", 7, 1, basis="judgement"),
    Threshold("break", 14, 2, basis="judgement"),
    # Average hours slept per logged night in the last 7 days (scores when UNDER the value). Judgement.
    Threshold("sleep", 6, 1, below=True, basis="judgement"),
    Threshold("sleep", 5, 2, below=True, basis="judgement"),
    # A "short night" is one under 6 hours (the definition); scores nothing by itself. Judgement.
    Threshold("short-night-hours", 6, 0, below=True, basis="judgement"),
    # Short nights among the last 7 days. Judgement.
    Threshold("short-nights", 3, 1, basis="judgement"),
    # Average stress (0-10) over the last 7 days. Ref 5.1: the AMA self-assessment reads a stress
    # rating >= 6 (its own 1-10 scale) as a sign of high distress; our scale differs, so judgement.
    Threshold("stress", 6, 1, basis="judgement (cf. AMA Caregiver Self-Assessment Q17 >= 6, ref 5.1)"),
    Threshold("stress", 8, 2, basis="judgement"),
    # Rise of the mean stress, this week versus the week before (points on the 0-10 scale). Judgement.
    Threshold("stress-trend", 2, 1, basis="judgement"),
    # Weekly self-check score (0-24). Our own unvalidated questions, not the ZBI/BSFC (licensing,
    # ref 5.1), so no published cut-off applies: judgement.
    Threshold("selfcheck", 8, 1, basis="judgement (own questions, not validated)"),
    Threshold("selfcheck", 14, 2, basis="judgement (own questions, not validated)"),
    # Phase of the person cared for. Ref 5.2: caregiver time rose with disability (Chiò 2006);
    # phases 4 and 5 are the heavier ones. The point value is judgement.
    Threshold("phase", 4, 1, basis="ref 5.2 (Chiò 2006); points: judgement"),
    # Breathing support: phase 5, or breathlessness at severity >= 2 in the last 28 days. Ref 5.2:
    # home ventilation carries a high burden (Evans 2012). The point value is judgement.
    Threshold("breathing", 1, 1, basis="ref 5.2 (Evans 2012); points: judgement"),
    Threshold("breathless-severity", 2, 0, basis="judgement"),
    # Behaviour change logged in the last 28 days. Ref 5.2: the strongest predictor of burden
    # (Lillo 2012, OR 1.4; high-quality evidence in de Wit 2018), hence more points. Value: judgement.
    Threshold("behaviour", 1, 2, basis="ref 5.2 (Lillo 2012; de Wit 2018); points: judgement"),
    Threshold("behaviour-severity", 1, 0, basis="judgement (any logged change, mild or worse)"),
    # Total points -> level. No validated cut-off exists for this model: judgement.
    Threshold("level", 3, level="elevated", basis="judgement"),
    Threshold("level", 6, level="high", basis="judgement"),
)


def rows(measure: str) -> tuple[Threshold, ...]:
    return tuple(t for t in THRESHOLDS if t.measure == measure)


def cutoff(measure: str) -> float:
    """The value of a single-row cut-off such as "short-night-hours"."""
    (row,) = rows(measure)
    return row.at


def points_for(measure: str, value: float | None) -> int:
    """Points for a measured value; None (not logged) scores 0."""
    if value is None:
        return 0
    return max((t.points for t in rows(measure) if t.applies(value)), default=0)


def level_for(points: int, *, crisis: bool = False) -> str:
    """low, elevated or high; a self-check asking for crisis help always makes it high."""
    if crisis:
        return "high"
    level = "low"
    for t in sorted(rows("level"), key=lambda t: t.at):
        if points >= t.at:
            level = t.level
    return level


@dataclass(frozen=True)
class Factor:
    factor: str
    points: int
    reason: str
    cause: str  # the burnout guide section with tips for it
    value: float | None = None  # the measured value; None when nothing was logged

    def to_dict(self) -> dict[str, Any]:
        return {"factor": self.factor, "points": self.points, "reason": self.reason,
                "cause": self.cause, "value": self.value}


@dataclass
class Assessment:
    caregiver_id: str | None
    as_of: date
    factors: list[Factor] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    crisis: bool = False

    @property
    def points(self) -> int:
        return sum(f.points for f in self.factors)

    @property
    def level(self) -> str:
        return level_for(self.points, crisis=self.crisis)

    def factor(self, name: str) -> Factor:
        return next(f for f in self.factors if f.factor == name)


# --- measuring ---------------------------------------------------------------------------------
def _since(as_of: date, days: int) -> str:
    """The first day (ISO) of the `days`-long window ending on as_of."""
    return (as_of - timedelta(days=days - 1)).isoformat()


def _in(record: Record, start: str, end: str) -> bool:
    return start <= record["day"] <= end


def _num(value: float) -> str:
    return f"{round(value, 1):g}"


def _per_day(records: Iterable[Record]) -> dict[str, Record]:
    """The latest wellbeing entry of each day (a check-in and a later log must not count twice)."""
    latest: dict[str, Record] = {}
    for r in sorted(records, key=lambda r: r["at"]):
        latest[r["day"]] = r
    return latest


def _hours_factors(mine: list[Record], everyone: list[Record], as_of: date,
                   missing: list[str]) -> list[Factor]:
    end = as_of.isoformat()
    week, month = _since(as_of, WEEK), _since(as_of, MONTH)
    hours7 = [r for r in mine if r["kind"] == "hours" and _in(r, week, end)]
    if not hours7:
        text = "no hours of care logged in the last 7 days"
        missing.append(text)
        return [Factor("hours", 0, text, TOO_MANY_HOURS),
                Factor("share", 0, text, TOO_MANY_HOURS),
                Factor("nights", 0, text, POOR_SLEEP)]
    total = round(sum(float(r["hours"]) for r in hours7), 2)
    reason = f"{_num(total)} h of care in the last 7 days"
    total28 = round(sum(float(r["hours"]) for r in mine if r["kind"] == "hours" and _in(r, month, end)), 2)
    if total28 > total:
        reason += f" (about {_num(total28 / 4)} h a week over the last 4 weeks)"
    hours_points = points_for("hours", total)
    factors = [Factor("hours", hours_points, reason, TOO_MANY_HOURS, total)]

    household = round(sum(float(r["hours"]) for r in everyone
                          if r["kind"] == "hours" and _in(r, week, end)), 2)
    share = round(total / household, 4) if household else 1.0
    if share >= 0.995:
        text = f"you carried all of the {_num(household)} h of care the household logged in the last 7 days"
    else:
        text = (f"you carried {round(share * 100)}% of the {_num(household)} h of care the household "
                "logged in the last 7 days")
    factors.append(Factor("share", points_for("share", share) if hours_points else 0, text,
                          TOO_MANY_HOURS, share))

    nights = len({r["day"] for r in hours7 if r.get("night")})
    text = (f"night care on {nights} of the last 7 nights" if nights
            else "no night care logged in the last 7 days")
    factors.append(Factor("nights", points_for("nights", nights), text, POOR_SLEEP, nights))
    return factors


def _break_factor(wellbeing: list[Record], as_of: date, missing: list[str]) -> Factor:
    end, month = as_of.isoformat(), _since(as_of, MONTH)
    logged = [r for r in wellbeing if _in(r, month, end)]
    if not logged:
        text = "no wellbeing logged in the last 28 days, so breaks are unknown"
        missing.append(text)
        return Factor("break", 0, text, NO_BREAKS)
    breaks = [r["day"] for r in logged if r.get("took_break")]
    if breaks:
        last = date.fromisoformat(max(breaks))
        days = (as_of - last).days
        if days == 0:
            text = "a real break today"
        elif days == 1:
            text = "last real break yesterday"
        else:
            text = f"last real break {days} days ago ({last.isoformat()})"
    else:  # at least this long: the first logged day without a break, counted in
        days = (as_of - date.fromisoformat(min(r["day"] for r in logged))).days + 1
        text = f"no real break logged in the last {days} day{'s' if days != 1 else ''}"
    return Factor("break", points_for("break", days), text, NO_BREAKS, days)


def _sleep_factors(days7: dict[str, Record], missing: list[str]) -> list[Factor]:
    if not days7:
        text = "no sleep logged in the last 7 days"
        missing.append(text)
        return [Factor("sleep", 0, text, POOR_SLEEP), Factor("short-nights", 0, text, POOR_SLEEP)]
    sleeps = [float(r["sleep_hours"]) for r in days7.values()]
    average = round(sum(sleeps) / len(sleeps), 2)
    logged = f"{len(sleeps)} night{'s' if len(sleeps) != 1 else ''} logged in the last 7 days"
    short_at = cutoff("short-night-hours")
    short = sum(1 for s in sleeps if s < short_at)
    return [
        Factor("sleep", points_for("sleep", average),
               f"slept {_num(average)} h a night on average ({logged})", POOR_SLEEP, average),
        Factor("short-nights", points_for("short-nights", short),
               f"{short} of {len(sleeps)} logged nights under {_num(short_at)} h", POOR_SLEEP, short),
    ]


def _mean_stress(days: dict[str, Record]) -> float:
    values = [int(r["stress"]) for r in days.values()]
    return round(sum(values) / len(values), 2)


def _stress_factors(days7: dict[str, Record], days_before: dict[str, Record],
                    missing: list[str]) -> list[Factor]:
    if not days7:
        text = "no stress logged in the last 7 days"
        missing.append(text)
        return [Factor("stress", 0, text, RISING_STRESS), Factor("stress-trend", 0, text, RISING_STRESS)]
    now = _mean_stress(days7)
    count = f"{len(days7)} day{'s' if len(days7) != 1 else ''} logged"
    factors = [Factor("stress", points_for("stress", now),
                      f"stress {_num(now)}/10 on average over the last 7 days ({count})",
                      RISING_STRESS, now)]
    if len(days7) < MIN_DAYS_FOR_TREND or len(days_before) < MIN_DAYS_FOR_TREND:
        text = (f"not enough stress logged to see a trend (needs {MIN_DAYS_FOR_TREND} days in each "
                "of the last two weeks)")
        factors.append(Factor("stress-trend", 0, text, RISING_STRESS))
        return factors
    before = _mean_stress(days_before)
    rise = round(now - before, 2)
    if rise > 0:
        text = f"stress rose from {_num(before)} to {_num(now)} on average since the week before"
    elif rise < 0:
        text = f"stress fell from {_num(before)} to {_num(now)} on average since the week before"
    else:
        text = f"stress about the same as the week before ({_num(now)})"
    factors.append(Factor("stress-trend", points_for("stress-trend", rise), text, RISING_STRESS, rise))
    return factors


def _selfcheck_factor(checks: list[Record], as_of: date, missing: list[str]) -> tuple[Factor, bool]:
    start, end = (as_of - timedelta(days=WEEK)).isoformat(), as_of.isoformat()  # "due" after 7 days
    recent = [r for r in checks if _in(r, start, end)]
    if not recent:
        text = "no self-check in the last 7 days"
        missing.append(text)
        return Factor("selfcheck", 0, text, RISING_STRESS), False
    latest = max(recent, key=lambda r: r["at"])
    answers = latest.get("answers") or {}
    score = int(latest.get("score", sum(int(v) for v in answers.values())))
    crisis = needs_crisis_help(answers)
    text = f"self-check on {latest['day']}: {score} of {MAX_SCORE}"
    if crisis:
        text += "; you said you have felt hopeless or had thoughts of harming yourself"
    return Factor("selfcheck", points_for("selfcheck", score), text, RISING_STRESS, score), crisis


def _phase_factor(phase: int | None, missing: list[str]) -> Factor:
    if phase is None:
        text = "the phase of the person you care for is not set"
        missing.append(text)
        return Factor("phase", 0, text, TOO_MANY_HOURS)
    text = f"phase {phase} ({PHASES.get(phase, '?')})"
    points = points_for("phase", phase)
    if points:
        text += ": care is usually heavier now"
    return Factor("phase", points, text, TOO_MANY_HOURS, phase)


def _breathing_factor(symptoms28: list[Record], phase: int | None) -> Factor:
    bad = cutoff("breathless-severity")
    hits = [r for r in symptoms28
            if r.get("name") in BREATHING_SYMPTOMS and int(r.get("severity", 0)) >= bad]
    if phase == 5:
        text = "phase 5: breathing support"
    elif hits:
        latest = max(hits, key=lambda r: r["at"])
        text = (f"{str(label(latest['name'])).lower()} ({SEVERITY_WORDS[int(latest['severity'])]}) "
                f"logged on {latest['day']}")
    else:
        return Factor("breathing", 0, "no breathing support or bad breathlessness logged in the last "
                      "28 days", POOR_SLEEP, 0)
    return Factor("breathing", points_for("breathing", 1), text, POOR_SLEEP, 1)


def _behaviour_factor(symptoms28: list[Record]) -> Factor:
    at_least = cutoff("behaviour-severity")
    hits = [r for r in symptoms28
            if r.get("name") == BEHAVIOUR_SYMPTOM and int(r.get("severity", 0)) >= at_least]
    if not hits:
        return Factor("behaviour", 0, "no behaviour change logged in the last 28 days", BEHAVIOUR, 0)
    days = sorted({r["day"] for r in hits})
    text = (f"behaviour change in the person you care for logged on {len(days)} "
            f"day{'s' if len(days) != 1 else ''} in the last 28 (latest {days[-1]})")
    return Factor("behaviour", points_for("behaviour", len(days)), text, BEHAVIOUR, len(days))


def assess(records: Iterable[Record], caregiver_id: str | None, as_of: date,
           phase: int | None) -> Assessment:
    """The model for one caregiver as of one day.

    `records` are the household's entries (any caregiver) covering at least the 28 days up to
    as_of; later entries are ignored, so the same records give last week's assessment too.
    """
    end = as_of.isoformat()
    known = [r for r in records if r["day"] <= end]
    mine = [r for r in known if r.get("caregiver") == caregiver_id]
    missing: list[str] = []
    factors = _hours_factors(mine, known, as_of, missing)

    wellbeing = [r for r in mine if r["kind"] == "wellbeing"]
    factors.append(_break_factor(wellbeing, as_of, missing))
    week = _since(as_of, WEEK)
    days7 = _per_day(r for r in wellbeing if _in(r, week, end))
    before_start = _since(as_of - timedelta(days=WEEK), WEEK)
    before_end = (as_of - timedelta(days=WEEK)).isoformat()
    days_before = _per_day(r for r in wellbeing if _in(r, before_start, before_end))
    factors += _sleep_factors(days7, missing)
    factors += _stress_factors(days7, days_before, missing)

    checks = [r for r in mine if r["kind"] == "selfcheck"]
    selfcheck, crisis = _selfcheck_factor(checks, as_of, missing)
    factors.append(selfcheck)

    month = _since(as_of, MONTH)
    symptoms28 = [r for r in known if r["kind"] == "symptom" and _in(r, month, end)]
    factors.append(_phase_factor(phase, missing))
    factors.append(_breathing_factor(symptoms28, phase))
    factors.append(_behaviour_factor(symptoms28))
    return Assessment(caregiver_id, as_of, factors, missing, crisis)


def strongest_causes(factors: Iterable[Factor], limit: int = 3) -> list[str]:
    """Guide sections of the factors that scored, strongest first (ties keep the table order)."""
    causes: list[str] = []
    for f in sorted((f for f in factors if f.points > 0), key=lambda f: -f.points):
        if f.cause not in causes:
            causes.append(f.cause)
    return causes[:limit]


def previous_points(previous: Assessment) -> Mapping[str, int]:
    return {f.factor: f.points for f in previous.factors}
