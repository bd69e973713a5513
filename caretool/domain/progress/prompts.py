"""Decision prompts: "talk to the care team about X at the next visit".

These are not red flags (those say what to do today: caretool.domain.care). A prompt says that a
decision families must make in time is due for a conversation: a feeding tube before weight and
breathing fall too far, breathing support when lying flat gets hard, a communication aid while
speech is still clear. Each rests on a source anchor in docs/clinical-sources.md.

A trigger is one reason for a prompt. After every entry that can change it (a rating, a breathing
test, a weight, a symptom), in time order, each trigger is either met or not. A *crossing* is the
entry at which a trigger becomes met after not being met (or at the first entry read): that is
when the prompt is shown, once. While the trigger stays met nothing new is said; when it stops
being met and is met again later, that is a new crossing. A trigger that is still met at the end is
*open*; `caretool progress` lists the open ones, the report asks about the crossings of its period,
and `caretool today` mentions a crossing whose entry was made in the last 7 days.

The triggers and their sources (thresholds as the sources give them; where they differ, the
choice is said here and in docs/clinical-sources.md):

Feeding tube (gastrostomy) discussion
  weight-loss-10     10% or more below the baseline weight (the weight at diagnosis, else the first
                     weight logged): survival was longer with a tube placed before 10% was lost
                     (progas-2015; the EFNS good-practice text says "> 10%": caretool takes the
                     ProGas reading, so exactly 10% counts).
  bmi-under-18-5     BMI below 18.5, the WHO adult cut-off for underweight (who-bmi). The French ALS
                     consensus (french-als-nutrition-2006) advises proposing a tube while BMI is still
                     above 18; caretool uses 18.5, which comes first.
  swallowing-item    item 3 (swallowing) 2 or less: food has had to change consistency (cedarbaum-
                     1999), and the current guideline asks for the tube to be discussed early
                     (ean-2024). No guideline gives an item cut-off: this one is the issue's.
  fvc-falling        FVC falling towards 50%: a tube is safest placed before FVC is below 50%
                     (jnnp-management-table; french-als-nutrition-2006). No source gives a margin
                     above 50%, so caretool does not invent one: it prompts once FVC is 80% or less
                     (the ENMC level for breathing-muscle weakness, enmc-niv-2003) AND its trend over
                     the last 6 months falls (2 or more upright results), while it is still 50% or
                     more.
  fvc-under-50-tube  FVC below 50%: the discussion is now urgent, and the way a tube is placed
                     depends on it (jnnp-management-table: a RIG is tolerated below 50%).
Breathing assessment and non-invasive ventilation (NIV)
  orthopnoea-item    item 11 (orthopnoea) 3 or less: any trouble breathing lying flat; ONE symptom is
                     enough to ask for an early breathing assessment (enmc-niv-2003, mnda-respiratory).
  symptom-...        breathless-lying-flat, morning-headache or daytime-sleepiness logged (severity 1
                     or more) in the last 30 days (the same sources; nice-ng42 lists them).
  weak-with-symptoms FVC 80% or less, or SNIP 40 cmH2O or less, together with a breathing symptom
                     (an item-10 or item-11 score below 4, or one of the ENMC symptoms logged in the
                     last 30 days). The ENMC criteria say "<= 80%" and "<= 40": caretool follows them
                     rather than the "< 80%" of the issue.
  fvc-under-50       FVC below 50% (niv-fvc50-review; nice-cg105 asks for a discussion then).
  snip-under-40      SNIP below 40 cmH2O on its own (nice-cg105; the ENMC's "<= 40" needs a symptom
                     too and is covered by weak-with-symptoms).
FVC figures are those blown sitting (or with no position given): the thresholds are set for them,
and a lying result (lower when the diaphragm is weak) is shown but does not move a trigger.
Communication aid and voice banking
  speech-item        item 1 (speech) 3 or less: speech has begun to change; communication often
                     changes so fast that referral must come early (mnda-dysarthria), and voice
                     banking needs a voice that is still clear (mnda-dysarthria; nice-ng42).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from caretool.core.messages import Message, msg
from caretool.domain.care import sources, symptoms
from caretool.domain.care.flags import Baseline
from caretool.domain.progress import body, items, lungs

Record = Mapping[str, Any]

FEEDING, BREATHING, COMMUNICATION = "feeding-tube", "breathing", "communication"
PROMPT_IDS = (FEEDING, BREATHING, COMMUNICATION)
NEW_DAYS = 7  # `caretool today` mentions a crossing whose entry was made this recently
SYMPTOM_DAYS = 30  # a logged symptom counts this long (a daily check-in need not log it every day)
WEIGHT_LOSS_PCT = 10.0  # progas-2015
FVC_WEAK = 80.0  # enmc-niv-2003: FVC <= 80%
FVC_TUBE = 50.0  # jnnp-management-table, niv-fvc50-review, nice-cg105
SNIP_WEAK = 40.0  # enmc-niv-2003 (<= 40 with a symptom); nice-cg105 (< 40 alone)
SWALLOWING_MAX = 2
ORTHOPNOEA_MAX = 3
SPEECH_MAX = 3
DYSPNOEA_MAX = 3
# Logged symptoms that are prompts of their own (the list) and, wider, the ENMC symptoms
# that make a weak FVC or SNIP a reason to ask (dyspnoea, orthopnoea, disturbed sleep, morning
# headache, poor concentration, anorexia, daytime sleepiness).
PROMPT_SYMPTOMS = ("breathless-lying-flat", "morning-headache", "daytime-sleepiness")
ENMC_SYMPTOMS = ("breathless", "breathless-lying-flat", "poor-sleep", "morning-headache", "confusion",
                 "poor-appetite", "daytime-sleepiness")
SYMPTOM_NAMES = tuple(dict.fromkeys((*PROMPT_SYMPTOMS, *ENMC_SYMPTOMS)))
KINDS = ("rating", "breathing", "weight", "symptom")

TITLES = {
    FEEDING: msg("prompt.feeding-tube.title", "Feeding tube (gastrostomy)"),
    BREATHING: msg("prompt.breathing.title", "Breathing assessment and breathing support (NIV)"),
    COMMUNICATION: msg("prompt.communication.title", "Communication aid and voice banking"),
}
ACTIONS = {
    FEEDING: msg("prompt.feeding-tube.action",
                 "At the next visit, ask the care team whether and when to plan a feeding tube. Deciding "
                 "early, while weight and breathing are still good, makes it safer."),
    BREATHING: msg("prompt.breathing.action",
                   "At the next visit, ask the care team for a breathing assessment and whether breathing "
                   "support (non-invasive ventilation, NIV) would help, for example at night."),
    COMMUNICATION: msg("prompt.communication.action",
                       "At the next visit, ask for a speech and language therapy assessment, about "
                       "communication aids, and about voice banking (recording the voice while it is "
                       "still clear)."),
}
# When the machine or tube a prompt asks about is already in use, the question is whether it needs
# to change (equipment types of domain/equipment).
IN_USE = {BREATHING: ("niv", "ventilator"), FEEDING: ("peg",)}
ACTIONS_IN_USE = {
    BREATHING: msg("prompt.breathing.action-in-use",
                   "Breathing support is already in use: at the next visit, ask the breathing team whether "
                   "its settings, its mask or the hours on it need to change."),
    FEEDING: msg("prompt.feeding-tube.action-in-use",
                 "A feeding tube is already in place: at the next visit, ask the dietitian whether the feeds "
                 "need to change to keep weight steady."),
}


def for_machines_in_use(found: list[dict[str, Any]], in_use: frozenset[str]) -> list[dict[str, Any]]:
    """The prompts with the advice for a machine or tube already in use, where one is."""
    return [{**p, "action": ACTIONS_IN_USE[p["id"]]} if set(IN_USE.get(p["id"], ())) & in_use else p
            for p in found]


NOT_A_WARNING = msg("prompt.not-a-warning",
                    "These are topics for the next visit, not warnings for today. The scores are the care "
                    "team's own rating.")

REASONS = {
    "weight-loss-10": msg("prompt.reason.weight-loss-diagnosis",
                          "Weight is {kg:g} kg, {pct:.1f}% below the weight at diagnosis "
                          "({baseline_kg:g} kg)."),
    "weight-loss-10-first": msg("prompt.reason.weight-loss-first",
                                "Weight is {kg:g} kg, {pct:.1f}% below the first weight logged "
                                "({baseline_kg:g} kg on {baseline_day})."),
    "bmi-under-18-5": msg("prompt.reason.bmi",
                          "BMI is {bmi:.1f} ({kg:g} kg at {height_cm:g} cm), below 18.5."),
    "swallowing-item": msg("prompt.reason.swallowing-item",
                           "Item 3 (swallowing) was scored {score} of 4 on {day} (2 or less)."),
    "fvc-falling": msg("prompt.reason.fvc-falling",
                       "FVC is {fvc:g}% and falling ({per_month:+.1f} points a month); a tube is safest "
                       "placed before FVC is below 50%."),
    "fvc-under-50-tube": msg("prompt.reason.fvc-under-50-tube",
                             "FVC is {fvc:g}%, below 50%: ask which way of placing a tube is still safe."),
    "orthopnoea-item": msg("prompt.reason.orthopnoea-item",
                           "Item 11 (orthopnoea) was scored {score} of 4 on {day} (3 or less)."),
    "symptom": msg("prompt.reason.symptom", "{symptom} was logged on {day}."),
    "weak-with-symptoms-fvc": msg("prompt.reason.weak-fvc",
                                  "FVC is {value:g}% (80% or less) and there is a breathing symptom: "
                                  "{symptom}."),
    "weak-with-symptoms-snip": msg("prompt.reason.weak-snip",
                                   "SNIP is {value:g} cmH2O (40 or less) and there is a breathing symptom: "
                                   "{symptom}."),
    "fvc-under-50": msg("prompt.reason.fvc-under-50", "FVC is {fvc:g}%, below 50%."),
    "snip-under-40": msg("prompt.reason.snip-under-40", "SNIP is {snip:g} cmH2O, below 40."),
    "speech-item": msg("prompt.reason.speech-item",
                       "Item 1 (speech) was scored {score} of 4 on {day} (3 or less)."),
}
ITEM_SYMPTOM = msg("prompt.item-symptom", "item {number} ({name}) scored {score}")

# Short titles of the sources the prompts cite (anchors of docs/clinical-sources.md); the red-flag
# rules' titles where they cite the same anchor.
SOURCES: dict[str, Message | str] = {
    **{anchor: sources.title(anchor) for anchor in ("progas-2015", "enmc-niv-2003", "mnda-respiratory",
                                                    "nice-ng42")},
    "who-bmi": msg("source.who-bmi", "WHO: body mass index classification"),
    "french-als-nutrition-2006": msg("source.french-als-nutrition-2006",
                                     "French ALS consensus conference: nutrition (2006)"),
    "cedarbaum-1999": msg("source.cedarbaum-1999", "ALSFRS-R (Cedarbaum et al. 1999)"),
    "ean-2024": msg("source.ean-2024", "EAN guideline on the management of ALS (2024)"),
    "jnnp-management-table": msg("source.jnnp-management-table",
                                 "JNNP ALS management table (tubes and vital capacity)"),
    "nice-cg105": msg("source.nice-cg105", "NICE CG105: non-invasive ventilation in MND (2010)"),
    "niv-fvc50-review": msg("source.niv-fvc50-review", "Review of NIV thresholds in ALS"),
    "mnda-dysarthria": msg("source.mnda-dysarthria",
                           "MND Association: speech (dysarthria) and voice banking"),
}


@dataclass
class State:
    """What the entries read so far say, in time order."""

    baseline: Baseline | None
    height_cm: float | None
    scores: dict[int, int] | None = None
    rating_day: str = ""
    weight: Record | None = None
    fvc_tests: list[Record] = field(default_factory=list)
    snip: Record | None = None
    symptom_days: dict[str, str] = field(default_factory=dict)  # name -> last day logged at 1 or more

    def see(self, record: Record) -> None:
        kind = record.get("kind")
        if kind == "rating":
            self.scores, self.rating_day = items.scores_of(record), str(record["day"])
        elif kind == "weight":
            self.weight = record
        elif kind == "breathing":
            if lungs.upright(record):  # the thresholds are for FVC blown sitting (see lungs.py)
                self.fvc_tests.append(record)
            if record.get("snip") is not None:
                self.snip = record
        elif kind == "symptom" and int(record.get("severity") or 0) >= 1:
            self.symptom_days[str(record["name"])] = str(record["day"])

    @property
    def fvc(self) -> Record | None:
        return self.fvc_tests[-1] if self.fvc_tests else None

    def recent_symptoms(self, names: Iterable[str], day: date) -> list[tuple[str, str]]:
        since = (day - timedelta(days=SYMPTOM_DAYS - 1)).isoformat()
        return [(name, self.symptom_days[name]) for name in names
                if self.symptom_days.get(name, "") >= since]


Check = Callable[[State, date], dict[str, Any] | None]


@dataclass(frozen=True)
class Trigger:
    id: str
    prompt: str
    sources: tuple[str, ...]
    check: Check


def _item(number: int, highest: int) -> Check:
    def check(state: State, day: date) -> dict[str, Any] | None:
        if state.scores is None or state.scores[number] > highest:
            return None
        return {"score": state.scores[number], "day": state.rating_day}
    return check


def _weight_loss(state: State, day: date) -> dict[str, Any] | None:
    found = body.from_baseline(state.baseline, state.weight)
    if found is None or -found["percent"] < WEIGHT_LOSS_PCT:
        return None
    return {"kg": found["to"]["kg"], "pct": -found["percent"], "baseline_kg": found["from"]["kg"],
            "baseline_day": found["from"]["day"], "basis": found["basis"], "day": found["to"]["day"]}


def _bmi(state: State, day: date) -> dict[str, Any] | None:
    if state.weight is None:
        return None
    kg = float(state.weight["kg"])
    value = body.bmi(kg, state.height_cm)
    if value is None or value >= body.UNDERWEIGHT_BMI:
        return None
    return {"bmi": value, "kg": kg, "height_cm": state.height_cm, "day": state.weight["day"]}


def _fvc_falling(state: State, day: date) -> dict[str, Any] | None:
    latest = state.fvc
    if latest is None or not FVC_TUBE <= float(latest["fvc"]) <= FVC_WEAK:
        return None
    found = lungs.trend(state.fvc_tests)
    if found is None or found["per_month"] >= 0:
        return None
    return {"fvc": float(latest["fvc"]), "per_month": found["per_month"], "day": latest["day"]}


def _fvc_under_50(state: State, day: date) -> dict[str, Any] | None:
    latest = state.fvc
    if latest is None or float(latest["fvc"]) >= FVC_TUBE:
        return None
    return {"fvc": float(latest["fvc"]), "day": latest["day"]}


def _snip_under_40(state: State, day: date) -> dict[str, Any] | None:
    if state.snip is None or float(state.snip["snip"]) >= SNIP_WEAK:
        return None
    return {"snip": float(state.snip["snip"]), "day": state.snip["day"]}


def _symptom(name: str) -> Check:
    def check(state: State, day: date) -> dict[str, Any] | None:
        found = state.recent_symptoms((name,), day)
        return {"symptom": symptoms.label(name), "name": name, "day": found[0][1]} if found else None
    return check


def _breathing_symptom(state: State, day: date) -> Message | str | None:
    """The first breathing symptom in force: an item-10 or item-11 score below 4, or a logged one."""
    if state.scores is not None:
        for number, highest in ((11, ORTHOPNOEA_MAX), (10, DYSPNOEA_MAX)):
            if state.scores[number] <= highest:
                return ITEM_SYMPTOM(number=number, name=items.BY_NUMBER[number].name,
                                    score=state.scores[number])
    found = state.recent_symptoms(ENMC_SYMPTOMS, day)
    return symptoms.label(found[0][0]) if found else None


def _weak_with_symptoms(state: State, day: date) -> dict[str, Any] | None:
    weak: tuple[str, float, str] | None = None
    if state.fvc is not None and float(state.fvc["fvc"]) <= FVC_WEAK:
        weak = ("fvc", float(state.fvc["fvc"]), str(state.fvc["day"]))
    elif state.snip is not None and float(state.snip["snip"]) <= SNIP_WEAK:
        weak = ("snip", float(state.snip["snip"]), str(state.snip["day"]))
    if weak is None:
        return None
    symptom = _breathing_symptom(state, day)
    if symptom is None:
        return None
    return {"measure": weak[0], "value": weak[1], "day": weak[2], "symptom": symptom}


TRIGGERS: tuple[Trigger, ...] = (
    Trigger("weight-loss-10", FEEDING, ("progas-2015",), _weight_loss),
    Trigger("bmi-under-18-5", FEEDING, ("who-bmi", "french-als-nutrition-2006"), _bmi),
    Trigger("swallowing-item", FEEDING, ("cedarbaum-1999", "ean-2024"), _item(3, SWALLOWING_MAX)),
    Trigger("fvc-falling", FEEDING, ("jnnp-management-table", "french-als-nutrition-2006", "enmc-niv-2003"),
            _fvc_falling),
    Trigger("fvc-under-50-tube", FEEDING, ("jnnp-management-table",), _fvc_under_50),
    Trigger("orthopnoea-item", BREATHING, ("enmc-niv-2003", "mnda-respiratory"), _item(11, ORTHOPNOEA_MAX)),
    *(Trigger(f"symptom-{name}", BREATHING, ("enmc-niv-2003", "mnda-respiratory", "nice-ng42"),
              _symptom(name)) for name in PROMPT_SYMPTOMS),
    Trigger("weak-with-symptoms", BREATHING, ("enmc-niv-2003",), _weak_with_symptoms),
    Trigger("fvc-under-50", BREATHING, ("niv-fvc50-review", "nice-cg105"), _fvc_under_50),
    Trigger("snip-under-40", BREATHING, ("nice-cg105",), _snip_under_40),
    Trigger("speech-item", COMMUNICATION, ("mnda-dysarthria", "nice-ng42"), _item(1, SPEECH_MAX)),
)
BY_ID = {t.id: t for t in TRIGGERS}


@dataclass(frozen=True)
class Crossing:
    """A trigger that became met at an entry."""

    trigger: str
    prompt: str
    day: str  # the entry's day
    entry_id: str
    created: str  # when the entry was made (for "new")
    params: dict[str, Any]
    sources: tuple[str, ...]
    open: bool = False  # still met at the end
    now: dict[str, Any] | None = None  # the latest figures while it stays met
    # At the first entry of its kind that was read: it may have been met before the months read
    # (the view says "since ... or before").
    earliest: bool = False

    @property
    def text(self) -> Message:
        return reason_text(self.trigger, self.now or self.params)

    def is_new(self, moment: datetime) -> bool:
        try:
            made = datetime.fromisoformat(self.created)
        except ValueError:
            return False
        if made.tzinfo is None:
            made = made.replace(tzinfo=moment.tzinfo)
        return moment - made <= timedelta(days=NEW_DAYS)

    def to_dict(self) -> dict[str, Any]:
        return {"trigger": self.trigger, "prompt": self.prompt, "day": self.day, "entry_id": self.entry_id,
                "created": self.created, "open": self.open, "earliest": self.earliest,
                "params": _plain(self.params),
                "now": _plain(self.now) if self.now is not None else None, "text": self.text,
                "text_id": self.text.id, "sources": list(self.sources)}


def _plain(params: Mapping[str, Any]) -> dict[str, Any]:
    return {k: (v.to_dict() if isinstance(v, Message) else v) for k, v in params.items()}


def reason_text(trigger: str, params: Mapping[str, Any]) -> Message:
    """The words of one reason, e.g. 'Item 3 (swallowing) was scored 2 of 4 on 2026-11-02 (2 or less).'"""
    if trigger == "weight-loss-10" and params.get("basis") != "diagnosis":
        return REASONS["weight-loss-10-first"](**params)
    if trigger.startswith("symptom-"):
        return REASONS["symptom"](**params)
    if trigger == "weak-with-symptoms":
        return REASONS[f"weak-with-symptoms-{params.get('measure')}"](**params)
    return REASONS[trigger](**params)


def ordered(records: Iterable[Record]) -> list[Record]:
    """The entries that can move a trigger, in time order."""
    wanted = [r for r in records if r.get("kind") in KINDS
              and (r.get("kind") != "symptom" or r.get("name") in SYMPTOM_NAMES)]
    return sorted(wanted, key=lambda r: (str(r["day"]), str(r.get("at", ""))))


def crossings(records: Iterable[Record], *, baseline: Baseline | None, height_cm: float | None,
              end: date, partial: bool = True) -> list[Crossing]:
    """Every crossing in the entries (read in time order), each marked open if still met at `end`.
    `partial`: older entries exist than those given, so a trigger met at the first entry of its
    kind may have been met before (marked `earliest`)."""
    state = State(baseline, height_cm)
    met: dict[str, int] = {}  # trigger -> index of its open crossing in `found`
    found: list[Crossing] = []
    seen: set[str] = set()
    for record in ordered(records):
        first_of_kind = record["kind"] not in seen
        seen.add(str(record["kind"]))
        state.see(record)
        day = date.fromisoformat(str(record["day"]))
        for trigger in TRIGGERS:
            params = trigger.check(state, day)
            if params is None:
                met.pop(trigger.id, None)
            elif trigger.id in met:
                found[met[trigger.id]] = replace(found[met[trigger.id]], now=params)
            else:
                met[trigger.id] = len(found)
                found.append(Crossing(trigger.id, trigger.prompt, str(record["day"]), str(record["id"]),
                                      str(record.get("created") or record.get("at") or ""), params,
                                      trigger.sources, earliest=first_of_kind and partial))
    for trigger in TRIGGERS:  # a symptom may have gone quiet since the last entry
        if trigger.id in met and trigger.check(state, end) is None:
            met.pop(trigger.id)
    for index in met.values():
        found[index] = replace(found[index], open=True)
    return found


def grouped(found: Sequence[Crossing], moment: datetime | None = None) -> list[dict[str, Any]]:
    """The crossings by prompt, in the order of PROMPT_IDS: {id, title, action, reasons, sources, new}."""
    out = []
    for prompt in PROMPT_IDS:
        mine = [c for c in found if c.prompt == prompt]
        if not mine:
            continue
        anchors = list(dict.fromkeys(a for c in mine for a in c.sources))
        out.append({
            "id": prompt,
            "title": TITLES[prompt],
            "action": ACTIONS[prompt],
            "reasons": [c.to_dict() for c in mine],
            "sources": anchors,
            "source_titles": [SOURCES.get(a, a) for a in anchors],
            "new": moment is not None and any(c.is_new(moment) for c in mine),
            "first_day": min(c.day for c in mine),
        })
    return out


def open_prompts(found: Sequence[Crossing], moment: datetime | None = None) -> list[dict[str, Any]]:
    return grouped([c for c in found if c.open], moment)


def new_prompts(found: Sequence[Crossing], moment: datetime) -> list[dict[str, Any]]:
    """Prompts with a crossing whose entry was made in the last NEW_DAYS days and is still open."""
    return grouped([c for c in found if c.open and c.is_new(moment)], moment)


def caused_by(found: Sequence[Crossing], entry_ids: Iterable[str]) -> list[dict[str, Any]]:
    """The prompts these entries have just crossed into (what `rating add` shows once)."""
    ids = set(entry_ids)
    return grouped([c for c in found if c.entry_id in ids and c.open])
