"""Red flags: every rule fires on its trigger with the right urgency and sources, and stays quiet on
the near miss; warnings are derived from the entries (never stored), so an edit or a delete changes
them at once."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from caretool.core.messages import render
from caretool.domain.care import crisis, redflags, symptoms
from caretool.domain.care.flags import CALL_HANDLER, EMERGENCY, OXYGEN, TODAY, URGENT, Flag
from caretool.domain.care.rules import BY_ID

DAY = date(2026, 11, 20)
CLINICAL_SOURCES = Path(__file__).resolve().parents[1] / "docs" / "clinical-sources.md"
_ids = itertools.count()


def _common(kind: str, days_ago: int, hour: int) -> dict[str, Any]:
    day = DAY - timedelta(days=days_ago)
    return {"id": f"e{next(_ids):05d}", "kind": kind, "day": day.isoformat(),
            "at": f"{day.isoformat()}T{hour:02d}:00:00+00:00"}


def sym(name: str, severity: int, days_ago: int = 0, hour: int = 12) -> dict[str, Any]:
    return {**_common("symptom", days_ago, hour), "name": name, "severity": severity}


def weight(kg: float, days_ago: int = 0) -> dict[str, Any]:
    return {**_common("weight", days_ago, 8), "kg": kg}


def dose(medication: str, days_ago: int = 0, status: str = "taken") -> dict[str, Any]:
    return {**_common("dose", days_ago, 9), "medication": medication, "status": status}


def hours(days_ago: int = 0) -> dict[str, Any]:
    return {**_common("hours", days_ago, 20), "hours": 3, "task": "other", "night": False}


def niv(h: float, *, night: bool = True, days_ago: int = 0, hour: int = 7) -> dict[str, Any]:
    return {**_common("niv", days_ago, hour), "hours": h, "night": night}


def tube_change(came_out: bool, days_ago: int = 0) -> dict[str, Any]:
    return {**_common("tube-change", days_ago, 10), "came_out": came_out, "note": ""}


@dataclass
class Home:
    """A household as the rules see it: the person and the medication list."""

    person: dict[str, Any] = field(default_factory=dict)
    medications: list[dict[str, Any]] = field(default_factory=list)


def on(*names: str, start: str = "2026-01-01", stopped: str | None = None) -> Home:
    return Home(medications=[{"name": n, "start": start, "end": None, "stopped": stopped} for n in names])


class FakeStore:
    """The three store reads the rules use, over a list of records."""

    def __init__(self, records: list[dict[str, Any]]) -> None:
        self.records = list(records)
        self.reads = 0

    def records_between(self, start: date, end: date) -> list[dict[str, Any]]:
        self.reads += 1
        return sorted((r for r in self.records if start.isoformat() <= r["day"] <= end.isoformat()),
                      key=lambda r: r["at"])

    def month_keys(self) -> list[str]:
        return sorted({r["day"][:7] for r in self.records})

    def month_records(self, key: str) -> list[dict[str, Any]]:
        self.reads += 1
        return [r for r in self.records if r["day"][:7] == key]


def flags(record: dict[str, Any], *around: dict[str, Any], home: Home | None = None) -> list[Flag]:
    """The flags a new entry raises, with `around` already stored."""
    return redflags.flags_for([record], FakeStore(list(around)), home or Home())


def rules(record: dict[str, Any], *around: dict[str, Any], home: Home | None = None) -> list[str]:
    return [f.rule for f in flags(record, *around, home=home)]


def table_sources() -> dict[str, set[str]]:
    """The rules table at the end of docs/clinical-sources.md: rule id -> cited anchors."""
    text = CLINICAL_SOURCES.read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z\-]+)` \| [^|]+ \| ([^|]+) \|$", text, flags=re.M)
    return {rule: set(re.findall(r"\(#([a-z0-9\-]+)\)", cited)) for rule, cited in rows}


def anchors() -> set[str]:
    return set(re.findall(r'<a id="([a-z0-9\-]+)"></a>', CLINICAL_SOURCES.read_text(encoding="utf-8")))


# --- one table: every rule, its trigger, urgency ------------------------------------------------------
WEEKS_HEAVIER = (weight(80, 60),)
AT_DIAGNOSIS_80 = Home(person={"weight_at_diagnosis": 80})
TRIGGERS = [
    # (id, what was logged, what was stored before, household, rule, urgency)
    ("choking-new", sym("choking", 1), (), None, "choking", TODAY),
    ("choking-worse", sym("choking", 2), (sym("choking", 1, 3),), None, "choking", TODAY),
    ("choking-severe", sym("choking", 3), (sym("choking", 3, 1),), None, "choking", EMERGENCY),
    ("choking-back-after-quiet-month", sym("choking", 1), (sym("choking", 2, 29),), None, "choking", TODAY),
    ("breathless-new", sym("breathless", 1), (), None, "breathless", TODAY),
    ("breathless-worse", sym("breathless", 2), (sym("breathless", 1, 3),), None, "breathless", TODAY),
    ("breathless-back", sym("breathless", 1), (sym("breathless", 0, 1),), None, "breathless", TODAY),
    ("breathless-severe", sym("breathless", 3), (sym("breathless", 3, 1),), None, "breathless", EMERGENCY),
    ("flat", sym("breathless-lying-flat", 1), (), None, "breathless-lying-flat", TODAY),
    ("flat-severe", sym("breathless-lying-flat", 3), (), None, "breathless-lying-flat", EMERGENCY),
    ("referral-headache", sym("morning-headache", 1), (), None, "respiratory-referral", TODAY),
    ("referral-sleepiness", sym("daytime-sleepiness", 1), (), None, "respiratory-referral", TODAY),
    ("referral-sleep", sym("poor-sleep", 1), (), None, "respiratory-referral", TODAY),
    ("referral-appetite", sym("poor-appetite", 1), (), None, "respiratory-referral", TODAY),
    ("referral-worse", sym("poor-sleep", 2), (sym("poor-sleep", 1, 2),), None, "respiratory-referral", TODAY),
    ("referral-breathless-unchanged-but-new-sign", sym("morning-headache", 1),
     (sym("breathless", 1, 1),), None, "respiratory-referral", TODAY),
    ("weak-cough", sym("weak-cough", 1), (), None, "weak-cough", TODAY),
    ("weak-cough-worse", sym("weak-cough", 2), (sym("weak-cough", 1, 5),), None, "weak-cough", TODAY),
    ("fever", sym("fever", 1), (), None, "infection", TODAY),
    ("chest-infection", sym("chest-infection", 1), (), on("riluzole"), "infection", TODAY),
    ("fever-riluzole", sym("fever", 1), (), on("Rilutek 50 mg"), "fever-riluzole", TODAY),
    ("fever-riluzole-dose", sym("fever", 1), (dose("Riluzole", 2),), None, "fever-riluzole", TODAY),
    ("swallowing", sym("swallowing", 1), (), None, "swallowing-review", TODAY),
    ("long-meals", sym("long-meals", 2), (sym("long-meals", 1, 7),), None, "swallowing-review", TODAY),
    ("tube-out", sym("tube-out", 1), (), None, "tube-out", URGENT),
    ("tube-out-again", sym("tube-out", 1), (sym("tube-out", 1, 2),), None, "tube-out", URGENT),
    ("tube-problem", sym("tube-problem", 1), (), None, "tube-problem", URGENT),
    ("tube-came-out-logged", tube_change(True), (), None, "tube-out", URGENT),
    ("niv-in-the-day", niv(2, night=False, hour=15), (niv(7, days_ago=1),), None, "niv-daytime", TODAY),
    ("niv-over-8-hours", niv(9), (niv(7, days_ago=1),), None, "niv-dependent", TODAY),
    ("tofersen-headache", sym("headache", 1), (dose("Tofersen", 3),), None, "tofersen-reaction", TODAY),
    ("tofersen-neck", sym("neck-stiffness", 1), (), on("Qalsody"), "tofersen-reaction", TODAY),
    ("tofersen-vision", sym("vision-change", 2), (dose("tofersen", 1),), None, "tofersen-reaction", TODAY),
    ("tofersen-numbness", sym("numbness", 1), (), on("tofersen"), "tofersen-reaction", TODAY),
    ("edaravone-wheezing", sym("wheezing", 1), (), on("Radicava"), "edaravone-allergy", EMERGENCY),
    ("edaravone-swelling", sym("swelling", 1), (dose("Edaravone oral", 0),), None, "edaravone-allergy",
     EMERGENCY),
    ("edaravone-rash", sym("rash", 1), (), on("edaravone"), "edaravone-allergy", TODAY),
    ("riluzole-pain", sym("abdominal-pain", 1), (), on("riluzole"), "riluzole-pancreatitis", TODAY),
    ("riluzole-vomiting", sym("vomiting", 2), (), on("Tiglutik"), "riluzole-pancreatitis", TODAY),
    ("jaundice", sym("jaundice", 1), (), None, "jaundice", TODAY),
    ("behaviour", sym("behaviour-change", 1), (), None, "behaviour-change", TODAY),
    ("behaviour-after-a-month", sym("behaviour-change", 1), (sym("behaviour-change", 1, 29),), None,
     "behaviour-change", TODAY),
    ("behaviour-moderate-again", sym("behaviour-change", 2), (sym("behaviour-change", 2, 3),), None,
     "behaviour-change", TODAY),
    ("fall", sym("falls", 1), (), None, "fall", TODAY),
    ("fall-again", sym("falls", 3), (sym("falls", 3, 1),), None, "fall", TODAY),
    ("confusion", sym("confusion", 1), (), None, "confusion", TODAY),
    ("wish-to-die", sym("wish-to-die", 1), (), None, "wish-to-die", TODAY),
    ("weight-10pct-diagnosis", weight(72), (), AT_DIAGNOSIS_80, "weight-loss", TODAY),
    ("weight-10pct-first-logged", weight(72), (weight(80, 300),), None, "weight-loss", TODAY),
    ("weight-must-medium", weight(76), WEEKS_HEAVIER, None, "weight-loss", TODAY),
    ("weight-must-high", weight(71.9), (weight(80, 60), weight(79, 400)), None, "weight-loss", TODAY),
]


@pytest.mark.parametrize(("record", "before", "home", "rule", "urgency"),
                         [t[1:] for t in TRIGGERS], ids=[t[0] for t in TRIGGERS])
def test_rule_fires_with_its_urgency_and_sources(record: dict[str, Any], before: tuple[dict[str, Any], ...],
                                                 home: Home | None, rule: str, urgency: str) -> None:
    found = [f for f in flags(record, *before, home=home) if f.rule == rule]
    assert len(found) == 1, flags(record, *before, home=home)
    flag = found[0]
    assert flag.urgency == urgency
    assert (flag.day, flag.entry_id) == (record["day"], record["id"])
    assert table_sources()[rule] <= set(flag.sources), "cites what the rules table says"
    assert set(flag.sources) <= anchors()
    text = redflags.text_of(flag)
    action = render(text.action)
    assert render(text.title) and render(text.why) and action
    assert "{" not in render(text.title) + render(text.why) + action  # every placeholder filled
    if urgency == EMERGENCY:
        assert "call the emergency number now" in action.lower()
    elif urgency == URGENT:
        assert "within hours" in action
    else:
        assert "care team today" in action.lower()


NEAR_MISSES = [
    # (id, what was logged, what was stored before, household, the rule that must stay quiet)
    ("choking-none-today", sym("choking", 0), (), None, "choking"),
    ("choking-daily-not-worse", sym("choking", 1), (sym("choking", 1, 1), sym("choking", 1, 2)), None,
     "choking"),
    ("choking-milder-than-this-month", sym("choking", 1), (sym("choking", 2, 20),), None, "choking"),
    ("choking-same-day-again", sym("choking", 2, hour=19), (sym("choking", 2, hour=8),), None, "choking"),
    ("breathless-unchanged", sym("breathless", 1), (sym("breathless", 1, 1),), None, "breathless"),
    ("breathless-better", sym("breathless", 1), (sym("breathless", 2, 1),), None, "breathless"),
    ("breathless-as-the-latest", sym("breathless", 1), (sym("breathless", 2, 5), sym("breathless", 1, 1)),
     None, "breathless"),
    ("flat-none", sym("breathless-lying-flat", 0), (), None, "breathless-lying-flat"),
    ("referral-sign-not-new", sym("morning-headache", 1), (sym("morning-headache", 1, 3),), None,
     "respiratory-referral"),
    ("referral-breathless-unchanged", sym("breathless", 1), (sym("breathless", 1, 1),), None,
     "respiratory-referral"),
    ("referral-cramps", sym("cramps", 3), (), None, "respiratory-referral"),
    ("weak-cough-not-new", sym("weak-cough", 1), (sym("weak-cough", 1, 10),), None, "weak-cough"),
    ("infection-none", sym("fever", 0), (), None, "infection"),
    ("fever-without-riluzole", sym("fever", 1), (), on("baclofen"), "fever-riluzole"),
    ("fever-riluzole-stopped", sym("fever", 1), (), on("riluzole", stopped="2026-11-01T10:00:00+00:00"),
     "fever-riluzole"),
    ("swallowing-not-worse", sym("swallowing", 1), (sym("swallowing", 2, 10),), None, "swallowing-review"),
    ("tube-out-none", sym("tube-out", 0), (), None, "tube-out"),
    ("tube-problem-none", sym("tube-problem", 0), (), None, "tube-problem"),
    ("tube-changed-as-planned", tube_change(False), (), None, "tube-out"),
    ("niv-at-night", niv(8), (), None, "niv-daytime"),
    ("niv-in-the-day-again", niv(2, night=False, hour=15), (niv(3, night=False, days_ago=3, hour=15),), None,
     "niv-daytime"),
    ("niv-8-hours-exactly", niv(8), (), None, "niv-dependent"),
    ("niv-over-8-again", niv(10), (niv(9, days_ago=5),), None, "niv-dependent"),
    ("headache-not-on-tofersen", sym("headache", 2), (dose("riluzole", 1),), on("riluzole"),
     "tofersen-reaction"),
    ("headache-tofersen-long-ago", sym("headache", 2), (dose("tofersen", 40),), None, "tofersen-reaction"),
    ("tofersen-skipped-dose", sym("headache", 2), (dose("tofersen", 2, status="skipped"),), None,
     "tofersen-reaction"),
    ("wheezing-not-on-edaravone", sym("wheezing", 1), (), on("riluzole"), "edaravone-allergy"),
    ("rash-edaravone-not-started", sym("rash", 1), (), on("edaravone", start="2026-12-01"),
     "edaravone-allergy"),
    ("pain-not-on-riluzole", sym("abdominal-pain", 2), (), on("edaravone"), "riluzole-pancreatitis"),
    ("nausea-on-riluzole-not-new", sym("nausea", 1), (sym("vomiting", 1, 4),), on("riluzole"),
     "riluzole-pancreatitis"),
    ("jaundice-none", sym("jaundice", 0), (), None, "jaundice"),
    ("behaviour-mild-again", sym("behaviour-change", 1), (sym("behaviour-change", 1, 20),), None,
     "behaviour-change"),
    ("behaviour-mild-after-moderate", sym("behaviour-change", 1), (sym("behaviour-change", 2, 28),), None,
     "behaviour-change"),
    ("fall-none", sym("falls", 0), (), None, "fall"),
    ("confusion-none", sym("confusion", 0), (), None, "confusion"),
    ("wish-to-die-none", sym("wish-to-die", 0), (), None, "wish-to-die"),
    ("wish-to-die-in-a-note", {**_common("note", 0, 12), "text": "he said he does not want to live"}, (),
     None, "wish-to-die"),
    ("weight-9.9pct", weight(72.1), (), AT_DIAGNOSIS_80, "weight-loss"),
    ("weight-4.9pct-recent", weight(76.1), WEEKS_HEAVIER, None, "weight-loss"),
    ("weight-heavier-more-than-3-months-ago", weight(70), (weight(80, 93), weight(71, 30)), None,
     "weight-loss"),
    ("weight-gained", weight(81), (weight(80, 10),), Home(person={"weight_at_diagnosis": 80}), "weight-loss"),
    ("weight-the-very-first", weight(70), (), None, "weight-loss"),
    ("weight-already-past-10pct", weight(71), (weight(80, 300), weight(71.5, 7)), None, "weight-loss"),
]


@pytest.mark.parametrize(("record", "before", "home", "rule"), [t[1:] for t in NEAR_MISSES],
                         ids=[t[0] for t in NEAR_MISSES])
def test_near_miss_does_not_fire(record: dict[str, Any], before: tuple[dict[str, Any], ...],
                                 home: Home | None, rule: str) -> None:
    assert rule not in rules(record, *before, home=home)


def test_every_rule_has_a_trigger_and_a_near_miss() -> None:
    # Rules about a whole day (what was not logged) are tested day by day in test_care_logs.py.
    per_entry = {rule for rule in BY_ID if not BY_ID[rule].judges_days}
    assert {t[4] for t in TRIGGERS} == per_entry
    assert {t[4] for t in NEAR_MISSES} == per_entry


# --- sources ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("rule", sorted(BY_ID))
def test_every_rule_cites_sources_that_exist(rule: str) -> None:
    cited = BY_ID[rule].sources
    table = table_sources()
    assert rule in table, f"docs/clinical-sources.md has no row for {rule}"
    assert set(cited) <= anchors(), f"{rule} cites a missing anchor: {set(cited) - anchors()}"
    assert table[rule] <= set(cited), f"{rule} does not cite what the rules table says"
    if rule in redflags.UNSOURCED:  # on purpose, and the table says so
        text = CLINICAL_SOURCES.read_text(encoding="utf-8")
        row = next(line for line in text.splitlines() if line.startswith(f"| `{rule}` |"))
        assert not cited and "no specific guideline recommendation was verified" in row
    else:
        assert cited, f"{rule} has no source"


def test_every_source_has_a_title_and_exists() -> None:
    from caretool.domain.care import sources

    assert set(sources.TITLES) <= anchors()
    for rule in BY_ID.values():
        assert all(anchor in sources.TITLES for anchor in rule.sources), rule.id


# --- what the panels carry ----------------------------------------------------------------------------
BREATHING = {"breathless", "breathless-lying-flat", "respiratory-referral", "weak-cough", "infection"}


@pytest.mark.parametrize(("record", "before", "home", "rule", "urgency"),
                         [t[1:] for t in TRIGGERS if t[4] in BREATHING or t[5] == EMERGENCY],
                         ids=[t[0] for t in TRIGGERS if t[4] in BREATHING or t[5] == EMERGENCY])
def test_breathing_and_emergency_panels_carry_the_oxygen_caution(
        record: dict[str, Any], before: tuple[dict[str, Any], ...], home: Home | None, rule: str,
        urgency: str) -> None:
    flag = next(f for f in flags(record, *before, home=home) if f.rule == rule)
    text = redflags.text_of(flag)
    assert OXYGEN in text.more and "mnda-oxygen" in flag.sources
    assert "oxygen alert card" in render(OXYGEN)
    if urgency == EMERGENCY:
        assert CALL_HANDLER in text.more and "mnd-scotland-choking" in flag.sources
        assert "ALS, also called MND" in render(CALL_HANDLER)


def test_a_today_panel_that_names_no_emergency_carries_no_call_advice() -> None:
    (flag,) = flags(sym("jaundice", 1))
    assert redflags.text_of(flag).more == ()


def test_choking_says_what_to_do_during_an_episode() -> None:
    (flag,) = flags(sym("choking", 1))
    steps = " ".join(render(m) for m in redflags.text_of(flag).more).lower()
    for words in ("calm", "upright", "breathe slowly", "cough and swallow", "suction only if",
                  "emergency number", "rarely a direct cause of death"):
        assert words in steps, words
    assert OXYGEN in redflags.text_of(flag).more  # the episode steps say when to call an ambulance


def test_choking_every_day_in_the_swallowing_phase_warns_once() -> None:
    logged: list[dict[str, Any]] = []
    warned = []
    for days_ago in range(10, -1, -1):
        entry = sym("choking", 1, days_ago)
        warned.append(rules(entry, *logged) == ["choking"])
        logged.append(entry)
    assert warned == [True] + [False] * 10
    assert rules(sym("choking", 3, 0, hour=20), *logged) == ["choking"]  # a severe episode: at once


def test_wish_to_die_shows_the_crisis_path() -> None:
    (flag,) = flags(sym("wish-to-die", 2))
    text = redflags.text_of(flag)
    assert text.action == crisis.PERSON
    assert all(line in text.more for line in crisis.LINES)
    assert "109" in " ".join(render(m) for m in text.more)
    assert {"crisis-lines", "mnda-end-of-life"} <= set(flag.sources)


def test_tube_out_says_the_opening_can_close_within_hours() -> None:
    (flag,) = flags(sym("tube-out", 1))
    text = redflags.text_of(flag)
    assert "within a few hours" in render(text.why)
    assert "do not wait until tomorrow" in render(text.action)


def test_tube_problem_says_stop_the_feed() -> None:
    (flag,) = flags(sym("tube-problem", 2))
    assert render(redflags.text_of(flag).action).startswith("Stop the feed now")


def test_tofersen_names_the_last_dose() -> None:
    (flag,) = flags(sym("neck-stiffness", 1), dose("Qalsody", 3))
    assert flag.params["last_dose"] == (DAY - timedelta(days=3)).isoformat()
    assert flag.params["last_dose"] in " ".join(render(m) for m in redflags.text_of(flag).more)


def test_one_breathing_sign_with_others_in_the_week_names_them() -> None:
    (flag,) = flags(sym("daytime-sleepiness", 1), sym("morning-headache", 1, 1))
    assert flag.params["together"] == ["morning-headache"]
    assert "headache on waking" in render(redflags.text_of(flag).why)


def test_breathless_says_it_once_not_twice() -> None:
    """Breathlessness has its own warning, which asks for the breathing assessment itself."""
    assert rules(sym("breathless", 1)) == ["breathless"]
    assert rules(sym("confusion", 1)) == ["confusion"]


def test_severity_zero_never_triggers_anything() -> None:
    history = [sym(s, 3, 1) for s in symptoms.BY_SLUG]
    home = on("riluzole", "edaravone", "tofersen")
    for slug in symptoms.BY_SLUG:
        assert rules(sym(slug, 0), *history, home=home) == [], slug


def test_emergencies_come_first() -> None:
    new = [sym("confusion", 1), sym("choking", 3), sym("tube-out", 1)]
    found = redflags.flags_for(new, FakeStore([]), Home())
    assert [f.urgency for f in found] == [EMERGENCY, URGENT, TODAY]


# --- weight: the baseline, the thresholds, once per crossing ------------------------------------------
def test_weight_from_the_weight_at_diagnosis() -> None:
    (flag,) = flags(weight(72), weight(75, 300), home=Home(person={"weight_at_diagnosis": 80}))
    assert flag.params["baseline"] == "diagnosis" and flag.params["baseline_kg"] == 80
    assert flag.params["loss_pct"] == 10.0 and "baseline" in flag.params["crossed"]
    assert render(redflags.text_of(flag).title) == "Weight down 10.0% from the weight at diagnosis"


def test_weight_falls_back_to_the_first_weight_logged_and_says_so() -> None:
    first = weight(80, 400)
    (flag,) = flags(weight(72), first, weight(75, 300))
    assert (flag.params["baseline"], flag.params["baseline_day"]) == ("first-logged", first["day"])
    text = redflags.text_of(flag)
    assert "first weight logged" in render(text.title)
    assert "No weight at diagnosis is recorded" in render(text.why) and first["day"] in render(text.why)


def test_weight_loss_exactly_at_the_thresholds() -> None:
    assert redflags.loss_pct(80, 72) == 10.0 and redflags.loss_pct(80, 72.1) < 10.0
    (medium,) = flags(weight(76), weight(80, 60))
    assert medium.params["must"] == "medium" and medium.params["crossed"] == ["must-medium"]
    (high,) = flags(weight(71.9), weight(80, 60))
    assert high.params["must"] == "high" and "must-high" in high.params["crossed"]
    assert flags(weight(72), weight(80, 60))[0].params["must"] == "medium"  # 10% is not "more than 10%"


def test_weight_warns_once_per_crossing() -> None:
    logged = [weight(80, 90)]
    seen = []
    for days_ago, kg in ((60, 79), (50, 75.9), (40, 75.5), (30, 75.0), (20, 78), (10, 75.8)):
        entry = weight(kg, days_ago)
        seen.append([f.params["crossed"] for f in flags(entry, *logged)])
        logged.append(entry)
    # 79: nothing; 75.9: crosses 5%; 75.5 and 75.0: still past it; 78: back above; 75.8: crosses again
    assert seen == [[], [["must-medium"]], [], [], [], [["must-medium"]]]


def test_a_deeper_crossing_warns_again() -> None:
    at_diagnosis = Home(person={"weight_at_diagnosis": 90})
    deeper = flags(weight(71.5), weight(80, 60), weight(76, 30), home=at_diagnosis)
    assert [f.params["crossed"] for f in deeper] == [["must-high"]]


# --- derived, never stored ----------------------------------------------------------------------------
def test_flags_for_an_entry_no_rule_reads_reads_nothing() -> None:
    store = FakeStore([sym("choking", 3, 1)])
    assert redflags.flags_for([hours()], store, Home()) == []
    assert store.reads == 0


def test_flags_for_an_edit_replaces_the_stored_entry() -> None:
    stored = sym("choking", 1, 1)
    edited = {**stored, "severity": 3}
    found = redflags.flags_for([edited], FakeStore([stored]), Home())
    assert [(f.rule, f.urgency) for f in found] == [("choking", EMERGENCY)]


def test_flags_between_reads_the_window_and_its_context() -> None:
    store = FakeStore([sym("choking", 1, 20), sym("choking", 1, 5), sym("falls", 1, 1)])
    found = redflags.flags_between(store, Home(), DAY - timedelta(days=7), DAY)
    assert [f.rule for f in found] == ["fall"]  # the choking of day 5 was not new
    assert [f.rule for f in redflags.flags_between(store, Home(), DAY - timedelta(days=30), DAY)] == [
        "choking", "fall"]


def test_flag_round_trips_through_its_dict() -> None:
    (flag,) = flags(sym("choking", 3))
    data = flag.to_dict()
    assert set(data) == {"rule", "urgency", "day", "entry_id", "params", "sources"}
    assert Flag.from_dict(data) == flag
    assert render(redflags.text_of(data).title) == "Choking"


def test_text_of_old_stored_prose_and_unknown_rules() -> None:
    old = {"rule": "night-breathing", "title": "Morning headaches with daytime sleepiness", "why": "w",
           "action": "a", "urgency": "today", "source": "NICE NG42"}
    text = redflags.text_of(old)
    assert (text.title, text.action, text.source) == (old["title"], "a", "NICE NG42")
    newer = redflags.text_of({"rule": "from-the-future", "urgency": "today", "params": {}, "sources": []})
    assert newer.title == "from-the-future"


def test_a_brand_name_counts_as_the_medicine() -> None:
    assert rules(sym("fever", 1), home=on("Rilutek")) == ["fever-riluzole"]
    assert "fever-riluzole" not in rules(sym("fever", 1), home=on("Rilutek", stopped="2026-02-01"))


# --- through the CLI and the real store ---------------------------------------------------------------
def flat(screen: str) -> str:
    """A panel's text on one line, without its borders."""
    return " ".join(re.sub("[│┃║╭╮╰╯┏┓┗┛╔╗╚╝─━═]", " ", screen).split())


def _flags_now(home: Path, days: int = 7) -> list[Flag]:
    from caretool.domain.entries import service as entries
    from caretool.store import Store

    with Store(home) as store:
        from caretool.core import dates

        today = dates.today()
        return redflags.flags_between(store, entries.load(store), today - timedelta(days=days), today)


def test_deleting_an_entry_takes_its_warning_away(run: Any, household: Any, home: Path) -> None:
    """Issue 12's example: a morning headache yesterday, daytime sleepiness today, then the headache
    is deleted: nothing about it is left in the warnings."""
    household()
    run("log", "symptom", "morning-headache", "-s", "1", "--at", "yesterday")
    run("log", "symptom", "daytime-sleepiness", "-s", "1")
    before = _flags_now(home)
    assert sorted(f.params["sign"] for f in before) == ["daytime-sleepiness", "morning-headache"]
    sleepy = next(f for f in before if f.params["sign"] == "daytime-sleepiness")
    assert sleepy.params["together"] == ["morning-headache"]
    headache = next(r for r in run.json("history") if r["name"] == "morning-headache")
    run("delete", headache["id"][:8])
    (after,) = _flags_now(home)
    assert (after.params["sign"], after.params["together"]) == ("daytime-sleepiness", [])
    assert "headache on waking" not in render(redflags.text_of(after).why).lower()


def test_history_marks_the_entries_that_raise_a_warning_and_forgets_them_when_deleted(
        run: Any, household: Any) -> None:
    household()
    run("log", "symptom", "choking", "--severity", "3", "--at", "2 days ago")
    run("log", "symptom", "cramps", "--severity", "1")
    run("log", "note", "a quiet day")
    shown = run("history")
    lines = {line.split("  ")[0]: line for line in shown.stdout.splitlines()[1:]}
    choking = next(r for r in run.json("history") if r.get("name") == "choking")
    marked = [line for line in lines.values() if "(!)" in line]
    assert len(marked) == 1 and marked[0].startswith(choking["id"][:7]), shown.stdout
    assert "`caretool today`" in shown.stderr
    assert "(!)" not in run("--json", "history").stdout
    run("delete", choking["id"][:8])
    again = run("history")
    assert "(!)" not in again.stdout and again.stderr == ""


def test_new_entries_store_no_warnings(run: Any, household: Any) -> None:
    household()
    run("log", "symptom", "choking", "--severity", "3")
    (record,) = run.json("history")
    assert not record.get("warnings")


def test_logged_emergency_shows_a_panel(run: Any, household: Any) -> None:
    household()
    result = run("log", "symptom", "choking", "--severity", "3")
    assert "EMERGENCY: Choking" in result.stderr
    assert "call the emergency number now" in flat(result.stderr).lower()
    assert "EMERGENCY" not in result.stdout  # stdout carries the data line only


def test_nothing_to_warn_about_prints_no_panel(run: Any, household: Any) -> None:
    household()
    assert run("log", "symptom", "cramps", "--severity", "3").stderr == ""


def test_weight_at_diagnosis_from_the_household(run: Any, household: Any, home: Path) -> None:
    from caretool.domain.entries import service as entries
    from caretool.store import Store

    household()
    with Store(home, write=True) as store:
        hh = entries.load(store)
        hh.person["weight_at_diagnosis"] = 80.0
        store.save_household(hh.to_tables())
    run("log", "weight", "75", "--at", "40 days ago")
    run("log", "weight", "72")
    (flag,) = _flags_now(home)
    assert (flag.rule, flag.params["baseline"]) == ("weight-loss", "diagnosis")


@pytest.mark.parametrize(("machine", "symptom", "asks", "reviews"), [
    ("niv", "morning-headache", "whether breathing support at night is needed", "NIV is already in use"),
    ("cough-assist", "weak-cough", "for example a cough-assist machine",
     "cough assist machine is already in use"),
])
def test_advice_about_a_machine_already_in_use_is_to_review_it(
        run: Any, household: Any, machine: str, symptom: str, asks: str, reviews: str) -> None:
    household()
    before = flat(run("log", "symptom", symptom, "--severity", "1", "--at", "3 days ago").stderr)
    assert asks in before and reviews not in before
    run("equipment", "add", machine)
    run("log", "symptom", symptom, "--severity", "2")  # worse: warns again
    after = flat(run("today").stdout + run("today").stderr)
    assert reviews in after, after
