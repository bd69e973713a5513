"""The burnout-risk model: simple, explainable points from what a caregiver has logged.

No machine learning: every factor turns one measured value into points through THRESHOLDS, and
gives its reason as a message id with parameters that a tired person can check against their own
week. The points add up to a level (low, elevated, high). Missing data is said, never guessed, and
scores 0; a caregiver with nothing of their own logged is "not enough data", never "low".

The caregiver's own report outweighs the logs: a self-check near the top, or saying they could
not keep going like this, makes the level at least "elevated" whatever the logs say, and a
self-check that asks for crisis help makes it "high".

Every row of THRESHOLDS names the sources its measure rests on (anchors in
docs/clinical-sources.md) and says what its cut-off is. Most cut-offs have no validated value
for ALS caregivers: those rows say "judgement, not a validated cut-off" and are caretool's own
rules of thumb, easy to tune here and never shown to users as clinical facts. On the patient's
side only what the sources support scores: behaviour change (the strongest predictor of burden,
lillo-2012, de-wit-2018) and the heavier phases (physical functioning: moderate evidence in
de-wit-2018; care time rises with disability, chio-2006). Breathing problems alone do not score:
the evidence for respiratory function is low or very low (de-wit-2018), and the one study of home
ventilation (evans-2012) covers tracheostomy ventilation only, not mask NIV.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from caretool.core.messages import Message, msg, msgn
from caretool.domain.burnout import selfcheck
from caretool.domain.entries.model import Record
from caretool.domain.household.model import PHASE_TITLES

# Guide sections (## headings of guides/en/topics/burnout.md) that hold the tips for each cause.
TOO_MANY_HOURS = "Too many hours"
NO_BREAKS = "No breaks"
POOR_SLEEP = "Poor sleep"
RISING_STRESS = "Rising stress"
ISOLATION = "Isolation"
BEHAVIOUR = "Behaviour change in the person you care for"
GET_HELP_NOW = "When to get help now"

NOT_ENOUGH_DATA = "not-enough-data"
LEVELS = (NOT_ENOUGH_DATA, "low", "elevated", "high")  # in rising order
WEEK = 7     # days in "the last 7 days" (today and the 6 days before)
MONTH = 28   # days in "the last 28 days"
# A trend compares two weeks; with fewer logged days per week one odd day would decide it.
MIN_DAYS_FOR_TREND = 2
BEHAVIOUR_SYMPTOM = "behaviour-change"
# The self-check question "could not keep going like this" (its id, from the self-check itself).
KEEP_GOING: str = getattr(selfcheck, "KEEP_GOING", "keep-going")
# The caregiver's own factors: when none of them has data, there is not enough data for a level.
OWN_FACTORS = ("hours", "break", "sleep", "stress", "selfcheck")

# --- what each cut-off rests on --------------------------------------------------------------
JUDGEMENT = msg("burnout.basis.judgement", "judgement, not a validated cut-off")
HOURS_21 = msg("burnout.basis.hours-21",
               "judgement, not a validated cut-off: it echoes the 21-40 hours a week band of the NAC/AARP "
               "Level of Care Index, which could not be verified")
HOURS_41 = msg("burnout.basis.hours-41",
               "judgement, not a validated cut-off: it echoes the 41 or more hours a week band of the "
               "NAC/AARP Level of Care Index, which could not be verified")
HOURS_70 = msg("burnout.basis.hours-70",
               "judgement, not a validated cut-off: about 10 hours a day (ALS caregivers are reported to "
               "average about 11 hours a day)")
STRESS_6 = msg("burnout.basis.stress-6",
               "judgement, not a validated cut-off: the AMA caregiver self-assessment reads a stress rating "
               "of 6 or more (on its own 1-10 scale) as a sign of high distress")
OWN_QUESTIONS = msg("burnout.basis.own-questions",
                    "judgement, not a validated cut-off: caretool's own self-check questions, not a "
                    "validated questionnaire")
PHASE_BASIS = msg("burnout.basis.phase",
                  "care time rises with disability; the point value is judgement, not a validated cut-off")
BEHAVIOUR_BASIS = msg("burnout.basis.behaviour",
                      "behaviour change is the strongest known predictor of caregiver burden, hence two "
                      "points; the point value is judgement, not a validated cut-off")
LEVEL_BASIS = msg("burnout.basis.level",
                  "judgement, not a validated cut-off: no validated cut-off exists for this model")

HOURS_SOURCES = ("galvin-2016", "chio-2006", "oh-2015", "caregiving-us-2015")
SLEEP_SOURCES = ("ama-caregiver-self-assessment",)
STRESS_SOURCES = ("ama-caregiver-self-assessment", "lillo-2012")
SELFCHECK_SOURCES = ("galvin-2016", "de-wit-2018")
PHASE_SOURCES = ("de-wit-2018", "chio-2006")
BEHAVIOUR_SOURCES = ("lillo-2012", "de-wit-2018")


@dataclass(frozen=True)
class Threshold:
    """One row: when `measure` is at least `at` (under `at` if `below`), it scores `points`.

    Within a measure the highest matching row wins (rows do not add up). Rows of the measure
    "level" map the total of points to a level; rows with a `level` of another measure raise the
    level to at least that, whatever the points ("selfcheck-floor", "keep-going"). Rows with 0
    points and no level define a cut-off another measure counts with (a short night).
    `sources` are anchors in docs/clinical-sources.md for what the measure rests on.
    """

    measure: str
    at: float
    points: int = 0
    level: str = ""
    below: bool = False
    basis: Message = JUDGEMENT
    sources: tuple[str, ...] = ()

    def applies(self, value: float) -> bool:
        return value < self.at if self.below else value >= self.at


THRESHOLDS: tuple[Threshold, ...] = (
    # Hours of care in the last 7 days: hours of care predict burden (galvin-2016, oh-2015) and
    # rise with disability (chio-2006).
    Threshold("hours", 21, 1, basis=HOURS_21, sources=HOURS_SOURCES),
    Threshold("hours", 41, 2, basis=HOURS_41, sources=HOURS_SOURCES),
    Threshold("hours", 70, 3, basis=HOURS_70, sources=HOURS_SOURCES),
    # Share of the household's logged hours this caregiver carried in the last 7 days. Counts only
    # when the hours themselves scored (carrying most of a light week is not a load).
    Threshold("share", 0.75, 1, sources=("galvin-2016",)),
    # Nights with night care (hours entries with night=true) in the last 7 days.
    Threshold("nights", 2, 1, sources=("galvin-2016",)),
    Threshold("nights", 4, 2, sources=("galvin-2016",)),
    # Days since the last logged real break (wellbeing took_break); support for carers: NICE NG150.
    Threshold("break", 7, 1, sources=("nice-ng150",)),
    Threshold("break", 14, 2, sources=("nice-ng150",)),
    # Average hours slept per logged night in the last 7 days (scores when UNDER the value).
    Threshold("sleep", 6, 1, below=True, sources=SLEEP_SOURCES),
    Threshold("sleep", 5, 2, below=True, sources=SLEEP_SOURCES),
    # A "short night" is one under 6 hours; it scores nothing by itself.
    Threshold("short-night-hours", 6, 0, below=True, sources=SLEEP_SOURCES),
    # Short nights among the last 7 days.
    Threshold("short-nights", 3, 1, sources=SLEEP_SOURCES),
    # Average stress (0-10) over the last 7 days.
    Threshold("stress", 6, 1, basis=STRESS_6, sources=STRESS_SOURCES),
    Threshold("stress", 8, 2, sources=STRESS_SOURCES),
    # Rise of the mean stress, this week versus the week before (points on the 0-10 scale).
    Threshold("stress-trend", 2, 1, sources=("lillo-2012",)),
    # The latest self-check in the last 7 days, as a percentage of its highest possible score
    # (so the rows hold whatever the number of questions): 33% is 8 of 24, 58% is 14 of 24.
    Threshold("selfcheck", 33, 1, basis=OWN_QUESTIONS, sources=SELFCHECK_SOURCES),
    Threshold("selfcheck", 58, 2, basis=OWN_QUESTIONS, sources=SELFCHECK_SOURCES),
    # The caregiver's own report counts on its own: a self-check this high, or "could not keep
    # going like this" often or nearly always (2 or 3), makes the level at least elevated.
    Threshold("selfcheck-floor", 58, level="elevated", basis=OWN_QUESTIONS, sources=SELFCHECK_SOURCES),
    Threshold("keep-going", 2, level="elevated", basis=OWN_QUESTIONS, sources=SELFCHECK_SOURCES),
    # Phase of the person cared for: phases 4 and 5 are the heavier ones.
    Threshold("phase", 4, 1, basis=PHASE_BASIS, sources=PHASE_SOURCES),
    # Behaviour change logged in the last 28 days (any logged change, mild or worse).
    Threshold("behaviour", 1, 2, basis=BEHAVIOUR_BASIS, sources=BEHAVIOUR_SOURCES),
    Threshold("behaviour-severity", 1, 0, sources=BEHAVIOUR_SOURCES),
    # Total points -> level. The model itself is caretool's own, so no source sets these.
    Threshold("level", 3, level="elevated", basis=LEVEL_BASIS),
    Threshold("level", 6, level="high", basis=LEVEL_BASIS),
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


def floor_for(measure: str, value: float | None) -> str:
    """The lowest level a measured value allows ("" when it sets none)."""
    if value is None:
        return ""
    found = [t.level for t in rows(measure) if t.level and t.applies(value)]
    return max(found, key=LEVELS.index, default="")


def level_for(points: int, *, crisis: bool = False, floor: str = "") -> str:
    """low, elevated or high; a self-check asking for crisis help always makes it high."""
    if crisis:
        return "high"
    level = "low"
    for t in sorted(rows("level"), key=lambda t: t.at):
        if points >= t.at:
            level = t.level
    return max(level, floor, key=lambda name: LEVELS.index(name) if name else -1)


# --- the reasons (message ids with parameters; the views render them) ---------------------------
NO_HOURS = msg("burnout.reason.no-hours", "no hours of care logged in the last 7 days")
HOURS = msg("burnout.reason.hours", "{hours:g} h of care in the last 7 days")
HOURS_AND_MONTH = msg("burnout.reason.hours-and-month",
                      "{hours:g} h of care in the last 7 days "
                      "(about {weekly:g} h a week over the last 4 weeks)")
SHARE_ALL = msg("burnout.reason.share-all",
                "you carried all of the {household:g} h of care the household logged in the last 7 days")
SHARE = msg("burnout.reason.share",
            "you carried {percent}% of the {household:g} h of care the household logged in the last 7 days")
NIGHTS = msg("burnout.reason.nights", "night care on {count} of the last 7 nights")
NO_NIGHTS = msg("burnout.reason.no-nights", "no night care logged in the last 7 days")
NO_WELLBEING = msg("burnout.reason.no-wellbeing",
                   "no wellbeing logged in the last 28 days, so breaks are unknown")
BREAK_TODAY = msg("burnout.reason.break-today", "a real break today")
BREAK_YESTERDAY = msg("burnout.reason.break-yesterday", "last real break yesterday")
BREAK_DAYS = msg("burnout.reason.break-days", "last real break {days} days ago ({day})")
NO_BREAK = msgn("burnout.reason.no-break", "no real break logged in the last {count} day",
                "no real break logged in the last {count} days")
NO_SLEEP = msg("burnout.reason.no-sleep", "no sleep logged in the last 7 days")
SLEEP = msgn("burnout.reason.sleep",
             "slept {average:g} h a night on average ({count} night logged in the last 7 days)",
             "slept {average:g} h a night on average ({count} nights logged in the last 7 days)")
SHORT_NIGHTS = msgn("burnout.reason.short-nights", "{short} of {count} logged night under {cutoff:g} h",
                    "{short} of {count} logged nights under {cutoff:g} h")
NO_STRESS = msg("burnout.reason.no-stress", "no stress logged in the last 7 days")
STRESS = msgn("burnout.reason.stress",
              "stress {average:g}/10 on average over the last 7 days ({count} day logged)",
              "stress {average:g}/10 on average over the last 7 days ({count} days logged)")
NO_TREND = msg("burnout.reason.stress-trend-unknown",
               "not enough stress logged to see a trend (needs {days} days in each of the last two weeks)")
STRESS_ROSE = msg("burnout.reason.stress-rose",
                  "stress rose from {before:g} to {now:g} on average since the week before")
STRESS_FELL = msg("burnout.reason.stress-fell",
                  "stress fell from {before:g} to {now:g} on average since the week before")
STRESS_SAME = msg("burnout.reason.stress-same", "stress about the same as the week before ({now:g})")
NO_SELFCHECK = msg("burnout.reason.no-selfcheck", "no self-check in the last 7 days")
SELFCHECK = msg("burnout.reason.selfcheck", "self-check on {day}: {score} of {max_score}")
SELFCHECK_HIGH = msg("burnout.reason.selfcheck-high",
                     "self-check on {day}: {score} of {max_score}, high enough on its own to make the risk "
                     "at least elevated")
SELFCHECK_KEEP_GOING = msg("burnout.reason.selfcheck-keep-going",
                           "self-check on {day}: {score} of {max_score}; you said you often or nearly always "
                           "felt you could not keep going like this")
SELFCHECK_CRISIS = msg("burnout.reason.selfcheck-crisis",
                       "self-check on {day}: {score} of {max_score}; you said you have felt hopeless or had "
                       "thoughts of harming yourself")
NO_PHASE = msg("burnout.reason.no-phase", "the phase of the person you care for is not set")
PHASE = msg("burnout.reason.phase", "phase {phase} ({title})")
PHASE_HEAVY = msg("burnout.reason.phase-heavy", "phase {phase} ({title}): care is usually heavier now")
NO_BEHAVIOUR = msg("burnout.reason.no-behaviour", "no behaviour change logged in the last 28 days")
BEHAVIOUR_SEEN = msgn("burnout.reason.behaviour",
                      "behaviour change in the person you care for logged on {count} day in the last 28 "
                      "(latest {latest})",
                      "behaviour change in the person you care for logged on {count} days in the last 28 "
                      "(latest {latest})")

REASONS: dict[str, Message] = {m.id: m for m in (
    NO_HOURS, HOURS, HOURS_AND_MONTH, SHARE_ALL, SHARE, NIGHTS, NO_NIGHTS, NO_WELLBEING, BREAK_TODAY,
    BREAK_YESTERDAY, BREAK_DAYS, NO_BREAK, NO_SLEEP, SLEEP, SHORT_NIGHTS, NO_STRESS, STRESS, NO_TREND,
    STRESS_ROSE, STRESS_FELL, STRESS_SAME, NO_SELFCHECK, SELFCHECK, SELFCHECK_HIGH, SELFCHECK_KEEP_GOING,
    SELFCHECK_CRISIS, NO_PHASE, PHASE, PHASE_HEAVY, NO_BEHAVIOUR, BEHAVIOUR_SEEN)}


def _plain(value: Any) -> Any:
    return value.to_dict() if isinstance(value, Message) else value


@dataclass(frozen=True)
class Factor:
    factor: str
    points: int
    reason: Message  # an id with parameters, rendered by the views
    cause: str  # the burnout guide section with tips for it
    value: float | None = None  # the measured value; None when nothing was logged
    missing: bool = False  # nothing was logged for it: the reason says what is missing
    floor: str = ""  # the lowest level this factor allows on its own ("" for none)

    @property
    def params(self) -> dict[str, Any]:
        return {k: _plain(v) for k, v in self.reason.params.items()}

    def to_dict(self) -> dict[str, Any]:
        return {"factor": self.factor, "points": self.points, "reason": self.reason,
                "reason_id": self.reason.id, "params": self.params, "cause": self.cause,
                "value": self.value, "missing": self.missing, "floor": self.floor or None}


@dataclass
class Assessment:
    caregiver_id: str | None
    as_of: date
    factors: list[Factor] = field(default_factory=list)
    crisis: bool = False

    @property
    def points(self) -> int:
        return sum(f.points for f in self.factors)

    @property
    def enough_data(self) -> bool:
        """Whether the caregiver logged anything of their own (hours, wellbeing or a self-check)."""
        return any(f.value is not None for f in self.factors if f.factor in OWN_FACTORS)

    @property
    def floor(self) -> str:
        return max((f.floor for f in self.factors if f.floor), key=LEVELS.index, default="")

    @property
    def level(self) -> str:
        level = level_for(self.points, crisis=self.crisis, floor=self.floor)
        return level if level != "low" or self.enough_data else NOT_ENOUGH_DATA

    @property
    def raised(self) -> bool:
        """Whether the caregiver's own answers, not the points, set the level."""
        return not self.crisis and LEVELS.index(self.level) > LEVELS.index(level_for(self.points))

    @property
    def missing(self) -> list[Message]:
        """What was not logged, each said once (one gap can leave several factors without data)."""
        out: list[Message] = []
        for f in self.factors:
            if f.missing and f.reason not in out:
                out.append(f.reason)
        return out

    def factor(self, name: str) -> Factor:
        return next(f for f in self.factors if f.factor == name)


# --- measuring ---------------------------------------------------------------------------------
def _since(as_of: date, days: int) -> str:
    """The first day (ISO) of the `days`-long window ending on as_of."""
    return (as_of - timedelta(days=days - 1)).isoformat()


def _in(record: Record, start: str, end: str) -> bool:
    return start <= record["day"] <= end


def _num(value: float) -> float:
    """A measured value as a reason shows it (one decimal)."""
    return round(value, 1)


def _per_day(records: Iterable[Record]) -> dict[str, Record]:
    """The latest wellbeing entry of each day (a check-in and a later log must not count twice)."""
    latest: dict[str, Record] = {}
    for r in sorted(records, key=lambda r: r["at"]):
        latest[r["day"]] = r
    return latest


def _hours_factors(mine: list[Record], everyone: list[Record], as_of: date) -> list[Factor]:
    end = as_of.isoformat()
    week, month = _since(as_of, WEEK), _since(as_of, MONTH)
    hours7 = [r for r in mine if r["kind"] == "hours" and _in(r, week, end)]
    if not hours7:
        return [Factor("hours", 0, NO_HOURS, TOO_MANY_HOURS, missing=True),
                Factor("share", 0, NO_HOURS, TOO_MANY_HOURS, missing=True),
                Factor("nights", 0, NO_HOURS, POOR_SLEEP, missing=True)]
    total = round(sum(float(r["hours"]) for r in hours7), 2)
    total28 = round(sum(float(r["hours"]) for r in mine if r["kind"] == "hours" and _in(r, month, end)), 2)
    reason = (HOURS_AND_MONTH(hours=_num(total), weekly=_num(total28 / 4)) if total28 > total
              else HOURS(hours=_num(total)))
    hours_points = points_for("hours", total)
    factors = [Factor("hours", hours_points, reason, TOO_MANY_HOURS, total)]

    household = round(sum(float(r["hours"]) for r in everyone
                          if r["kind"] == "hours" and _in(r, week, end)), 2)
    share = round(total / household, 4) if household else 1.0
    text = (SHARE_ALL(household=_num(household)) if share >= 0.995
            else SHARE(percent=round(share * 100), household=_num(household)))
    factors.append(Factor("share", points_for("share", share) if hours_points else 0, text,
                          TOO_MANY_HOURS, share))

    nights = len({r["day"] for r in hours7 if r.get("night")})
    text = NIGHTS(count=nights) if nights else NO_NIGHTS
    factors.append(Factor("nights", points_for("nights", nights), text, POOR_SLEEP, nights))
    return factors


def _break_factor(wellbeing: list[Record], as_of: date) -> Factor:
    end, month = as_of.isoformat(), _since(as_of, MONTH)
    logged = [r for r in wellbeing if _in(r, month, end)]
    if not logged:
        return Factor("break", 0, NO_WELLBEING, NO_BREAKS, missing=True)
    breaks = [r["day"] for r in logged if r.get("took_break")]
    if breaks:
        last = date.fromisoformat(max(breaks))
        days = (as_of - last).days
        text = (BREAK_TODAY if days == 0 else BREAK_YESTERDAY if days == 1
                else BREAK_DAYS(days=days, day=last.isoformat()))
    else:  # at least this long: the first logged day without a break, counted in
        days = (as_of - date.fromisoformat(min(r["day"] for r in logged))).days + 1
        text = NO_BREAK(count=days)
    return Factor("break", points_for("break", days), text, NO_BREAKS, days)


def _sleep_factors(days7: dict[str, Record]) -> list[Factor]:
    if not days7:
        return [Factor("sleep", 0, NO_SLEEP, POOR_SLEEP, missing=True),
                Factor("short-nights", 0, NO_SLEEP, POOR_SLEEP, missing=True)]
    sleeps = [float(r["sleep_hours"]) for r in days7.values()]
    average = round(sum(sleeps) / len(sleeps), 2)
    short_at = cutoff("short-night-hours")
    short = sum(1 for s in sleeps if s < short_at)
    return [
        Factor("sleep", points_for("sleep", average), SLEEP(average=_num(average), count=len(sleeps)),
               POOR_SLEEP, average),
        Factor("short-nights", points_for("short-nights", short),
               SHORT_NIGHTS(short=short, count=len(sleeps), cutoff=short_at), POOR_SLEEP, short),
    ]


def _mean_stress(days: dict[str, Record]) -> float:
    values = [int(r["stress"]) for r in days.values()]
    return round(sum(values) / len(values), 2)


def _stress_factors(days7: dict[str, Record], days_before: dict[str, Record]) -> list[Factor]:
    if not days7:
        return [Factor("stress", 0, NO_STRESS, RISING_STRESS, missing=True),
                Factor("stress-trend", 0, NO_STRESS, RISING_STRESS, missing=True)]
    now = _mean_stress(days7)
    factors = [Factor("stress", points_for("stress", now), STRESS(average=_num(now), count=len(days7)),
                      RISING_STRESS, now)]
    if len(days7) < MIN_DAYS_FOR_TREND or len(days_before) < MIN_DAYS_FOR_TREND:
        factors.append(Factor("stress-trend", 0, NO_TREND(days=MIN_DAYS_FOR_TREND), RISING_STRESS))
        return factors
    before = _mean_stress(days_before)
    rise = round(now - before, 2)
    params = {"before": _num(before), "now": _num(now)}
    text = (STRESS_ROSE(**params) if rise > 0 else STRESS_FELL(**params) if rise < 0
            else STRESS_SAME(now=_num(now)))
    factors.append(Factor("stress-trend", points_for("stress-trend", rise), text, RISING_STRESS, rise))
    return factors


def max_score(answers: Mapping[str, Any]) -> int:
    """The highest score these answers could add up to (an older self-check may have had other
    questions than today's)."""
    if set(answers) == {q.id for q in selfcheck.QUESTIONS}:
        return selfcheck.MAX_SCORE
    return 3 * len(answers) or selfcheck.MAX_SCORE


def _answer(answers: Mapping[str, Any], qid: str) -> int | None:
    try:
        return int(answers[qid])
    except (KeyError, TypeError, ValueError):
        return None


def _selfcheck_factor(checks: list[Record], as_of: date) -> tuple[Factor, bool]:
    start, end = (as_of - timedelta(days=WEEK)).isoformat(), as_of.isoformat()  # "due" after 7 days
    recent = [r for r in checks if _in(r, start, end)]
    if not recent:
        return Factor("selfcheck", 0, NO_SELFCHECK, RISING_STRESS, missing=True), False
    latest = max(recent, key=lambda r: r["at"])
    answers = latest.get("answers") or {}
    score = int(latest.get("score", selfcheck.score(answers)))
    top = max_score(answers)
    percent = round(score / top * 100, 1) if top else 0.0
    crisis = selfcheck.needs_crisis_help(answers)
    keep_going = _answer(answers, KEEP_GOING)
    floor = max((floor_for("selfcheck-floor", percent), floor_for("keep-going", keep_going)),
                key=lambda name: LEVELS.index(name) if name else -1)
    params = {"day": latest["day"], "score": score, "max_score": top}
    if crisis:
        text = SELFCHECK_CRISIS(**params)
    elif floor_for("keep-going", keep_going):
        text = SELFCHECK_KEEP_GOING(**params)
    elif floor:
        text = SELFCHECK_HIGH(**params)
    else:
        text = SELFCHECK(**params)
    return Factor("selfcheck", points_for("selfcheck", percent), text, RISING_STRESS, percent,
                  floor="high" if crisis else floor), crisis


def _phase_factor(phase: int | None) -> Factor:
    if phase is None:
        return Factor("phase", 0, NO_PHASE, TOO_MANY_HOURS, missing=True)
    points = points_for("phase", phase)
    title = PHASE_TITLES.get(phase, "?")
    text = (PHASE_HEAVY if points else PHASE)(phase=phase, title=title)
    return Factor("phase", points, text, TOO_MANY_HOURS, phase)


def _behaviour_factor(symptoms28: list[Record]) -> Factor:
    at_least = cutoff("behaviour-severity")
    hits = [r for r in symptoms28
            if r.get("name") == BEHAVIOUR_SYMPTOM and int(r.get("severity", 0)) >= at_least]
    if not hits:
        return Factor("behaviour", 0, NO_BEHAVIOUR, BEHAVIOUR, 0)
    days = sorted({r["day"] for r in hits})
    return Factor("behaviour", points_for("behaviour", len(days)),
                  BEHAVIOUR_SEEN(count=len(days), latest=days[-1]), BEHAVIOUR, len(days))


def assess(records: Iterable[Record], caregiver_id: str | None, as_of: date,
           phase: int | None, *, with_selfcheck: bool = True) -> Assessment:
    """The model for one caregiver as of one day.

    `records` are the household's entries (any caregiver) covering at least the 28 days up to
    as_of; later entries are ignored, so the same records give last week's assessment too.
    Without `with_selfcheck` the self-check is left out altogether (for a report others read).
    """
    end = as_of.isoformat()
    known = [r for r in records if r["day"] <= end]
    mine = [r for r in known if r.get("caregiver") == caregiver_id]
    factors = _hours_factors(mine, known, as_of)

    wellbeing = [r for r in mine if r["kind"] == "wellbeing"]
    factors.append(_break_factor(wellbeing, as_of))
    week = _since(as_of, WEEK)
    days7 = _per_day(r for r in wellbeing if _in(r, week, end))
    before_start = _since(as_of - timedelta(days=WEEK), WEEK)
    before_end = (as_of - timedelta(days=WEEK)).isoformat()
    days_before = _per_day(r for r in wellbeing if _in(r, before_start, before_end))
    factors += _sleep_factors(days7)
    factors += _stress_factors(days7, days_before)

    crisis = False
    if with_selfcheck:
        checks = [r for r in mine if r["kind"] == "selfcheck"]
        found, crisis = _selfcheck_factor(checks, as_of)
        factors.append(found)

    month = _since(as_of, MONTH)
    symptoms28 = [r for r in known if r["kind"] == "symptom" and _in(r, month, end)]
    factors.append(_phase_factor(phase))
    factors.append(_behaviour_factor(symptoms28))
    return Assessment(caregiver_id, as_of, factors, crisis)


def strongest_causes(factors: Iterable[Factor], limit: int = 3) -> list[str]:
    """Guide sections of the factors that scored or raised the level, strongest first (ties keep
    the table order)."""
    causes: list[str] = []
    for f in sorted((f for f in factors if f.points > 0 or f.floor),
                    key=lambda f: (-f.points, not f.floor)):
        if f.cause not in causes:
            causes.append(f.cause)
    return causes[:limit]


def previous_points(previous: Assessment) -> Mapping[str, int]:
    return {f.factor: f.points for f in previous.factors}
