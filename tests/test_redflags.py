"""Red flags: every rule, the inputs that must trigger it and the ones that must not."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from caretool.domain.care import redflags, symptoms
from caretool.domain.care.redflags import EMERGENCY, TODAY, Context

DAY = date(2026, 11, 20)


def sym(name: str, severity: int, days_ago: int = 0) -> dict[str, Any]:
    day = DAY - timedelta(days=days_ago)
    return {"kind": "symptom", "name": name, "severity": severity, "day": day.isoformat(),
            "at": f"{day.isoformat()}T12:00:00+00:00"}


def weight(kg: float, days_ago: int = 0) -> dict[str, Any]:
    day = DAY - timedelta(days=days_ago)
    return {"kind": "weight", "kg": kg, "day": day.isoformat(), "at": f"{day.isoformat()}T08:00:00+00:00"}


def ctx(*recent: dict[str, Any], first_weight: float | None = None,
        medications: tuple[str, ...] = ()) -> Context:
    return Context(day=DAY, recent=list(recent), first_weight=first_weight, medications=list(medications))


def rules(record: dict[str, Any], context: Context | None = None) -> list[str]:
    return [w.rule for w in redflags.evaluate(record, context or ctx())]


def only(record: dict[str, Any], context: Context | None = None) -> redflags.Warning:
    found = redflags.evaluate(record, context or ctx())
    assert len(found) == 1, found
    return found[0]


# --- one table of every rule --------------------------------------------------------------------
TRIGGERS = [
    # (what the family logged, what else is known, rule, urgency)
    (sym("choking", 1), ctx(), "choking", TODAY),
    (sym("choking", 2), ctx(), "choking", TODAY),
    (sym("choking", 3), ctx(), "choking", EMERGENCY),
    (sym("breathless-lying-flat", 1), ctx(), "breathless-lying-flat", TODAY),
    (sym("breathless-lying-flat", 3), ctx(), "breathless-lying-flat", EMERGENCY),
    (sym("breathless", 1), ctx(), "breathless", TODAY),  # new
    (sym("breathless", 2), ctx(sym("breathless", 1, 3)), "breathless", TODAY),  # worse
    (sym("breathless", 1), ctx(sym("breathless", 0, 1)), "breathless", TODAY),  # back after none
    (sym("breathless", 2), ctx(sym("breathless", 2, 1)), "breathless", TODAY),  # moderate always
    (sym("breathless", 3), ctx(sym("breathless", 3, 1)), "breathless", EMERGENCY),
    (sym("morning-headache", 1), ctx(sym("daytime-sleepiness", 1, 7)), "night-breathing", TODAY),
    (sym("daytime-sleepiness", 2), ctx(sym("morning-headache", 1, 2)), "night-breathing", TODAY),
    (sym("morning-headache", 1), ctx(sym("daytime-sleepiness", 1, 0)), "night-breathing", TODAY),
    (sym("fever", 1), ctx(medications=("riluzole",)), "fever-riluzole", TODAY),
    (sym("fever", 1), ctx(medications=("rilutek 50 mg",)), "fever-riluzole", TODAY),
    (sym("fever", 1), ctx(medications=("tiglutik",)), "fever-riluzole", TODAY),
    (sym("fever", 1), ctx(), "infection", TODAY),
    (sym("fever", 1), ctx(medications=("baclofen",)), "infection", TODAY),
    (sym("chest-infection", 1), ctx(), "infection", TODAY),
    (sym("chest-infection", 2), ctx(medications=("riluzole",)), "infection", TODAY),
    (sym("behaviour-change", 1), ctx(), "behaviour-change", TODAY),
    (sym("behaviour-change", 1), ctx(sym("behaviour-change", 1, 29)), "behaviour-change", TODAY),
    (sym("behaviour-change", 1), ctx(sym("behaviour-change", 0, 3)), "behaviour-change", TODAY),
    (sym("behaviour-change", 2), ctx(sym("behaviour-change", 2, 3)), "behaviour-change", TODAY),
    (sym("behaviour-change", 3), ctx(sym("behaviour-change", 1, 1)), "behaviour-change", TODAY),
    (sym("falls", 1), ctx(), "fall", TODAY),
    (sym("falls", 3), ctx(sym("falls", 3, 1)), "fall", TODAY),
    (sym("jaundice", 1), ctx(), "jaundice", TODAY),
    (sym("confusion", 1), ctx(), "confusion", TODAY),
    (weight(72), ctx(first_weight=80), "weight-loss-total", TODAY),
    (weight(66.5), ctx(weight(70, 31)), "weight-loss-month", TODAY),
]


@pytest.mark.parametrize(("record", "context", "rule", "urgency"), TRIGGERS)
def test_rule_triggers(record: dict[str, Any], context: Context, rule: str, urgency: str) -> None:
    warning = only(record, context)
    assert (warning.rule, warning.urgency) == (rule, urgency)
    assert warning.title and warning.why and warning.source
    assert "care team" in warning.action
    if urgency == EMERGENCY:
        assert "emergency services" in warning.action.lower()


QUIET = [
    (sym("choking", 0), ctx(), "choking, none today"),
    (sym("breathless", 1), ctx(sym("breathless", 1, 1)), "breathless, unchanged since yesterday"),
    (sym("breathless", 1), ctx(sym("breathless", 2, 1)), "breathless, better than before"),
    (sym("breathless", 1), ctx(sym("breathless", 2, 5), sym("breathless", 1, 1)),
     "breathless, same as the latest of several"),
    (sym("morning-headache", 1), ctx(), "morning headache alone"),
    (sym("daytime-sleepiness", 1), ctx(), "daytime sleepiness alone"),
    (sym("morning-headache", 1), ctx(sym("daytime-sleepiness", 1, 8)), "sleepiness 8 days ago"),
    (sym("morning-headache", 1), ctx(sym("daytime-sleepiness", 0, 1)), "sleepiness logged as none"),
    (sym("morning-headache", 1), ctx(sym("morning-headache", 2, 1)), "headache twice, no sleepiness"),
    (sym("behaviour-change", 1), ctx(sym("behaviour-change", 1, 20)), "mild again within 28 days"),
    (sym("behaviour-change", 1), ctx(sym("behaviour-change", 2, 28)), "mild after moderate on day 28"),
    (weight(72.1), ctx(first_weight=80), "9.9% since the first weight"),
    (weight(66.6), ctx(weight(70, 31)), "4.9% in 31 days"),
    (weight(66.5), ctx(weight(70, 32)), "reference weight 32 days old"),
    (weight(60), ctx(weight(70, 40), weight(61, 20)), "old heavy weight ignored, recent one close"),
    (weight(81), ctx(weight(80, 10), first_weight=80), "weight gained"),
    (weight(70), ctx(), "the very first weight"),
    (sym("cramps", 3), ctx(sym("cramps", 1, 1)), "a symptom with no rule"),
    (sym("swallowing", 3), ctx(), "difficulty swallowing has no rule of its own"),
    ({"kind": "hours", "hours": 20, "task": "other", "night": True, "day": DAY.isoformat()}, ctx(),
     "hours of care"),
    ({"kind": "note", "text": "choking at lunch", "day": DAY.isoformat()}, ctx(), "a note"),
]


@pytest.mark.parametrize(("record", "context", "why"), QUIET, ids=[q[2] for q in QUIET])
def test_rule_stays_quiet(record: dict[str, Any], context: Context, why: str) -> None:
    assert rules(record, context) == []


@pytest.mark.parametrize("slug", sorted(symptoms.BY_SLUG))
def test_severity_zero_never_triggers(slug: str) -> None:
    """0 means 'not today', however worrying the recent history or medicines are."""
    history = ctx(*(sym(s, 3, 1) for s in symptoms.BY_SLUG), first_weight=90,
                  medications=("riluzole",))
    assert rules(sym(slug, 0), history) == []


# --- the arithmetic of the weight rules -----------------------------------------------------
def test_weight_loss_total_is_exactly_ten_percent() -> None:
    warning = only(weight(72), ctx(first_weight=80))
    assert warning.rule == "weight-loss-total"
    assert "10.0%" in warning.title
    assert redflags.loss_pct(80, 72) == 10.0
    assert redflags.loss_pct(80, 72.1) < 10.0


def test_weight_loss_month_is_exactly_five_percent_31_days_back() -> None:
    warning = only(weight(66.5), ctx(weight(70, 31)))
    assert warning.rule == "weight-loss-month"
    assert "5.0%" in warning.title
    assert redflags.loss_pct(70, 66.6) < 5.0


def test_total_loss_wins_over_monthly_loss() -> None:
    assert rules(weight(70), ctx(weight(75, 20), first_weight=80)) == ["weight-loss-total"]


def test_month_reference_is_the_oldest_weight_in_the_window_in_any_order() -> None:
    newest_first = ctx(weight(68, 5), weight(70, 30))
    assert rules(weight(66.5), newest_first) == ["weight-loss-month"]


def test_same_day_weight_is_not_a_reference() -> None:
    assert rules(weight(66.5), ctx(weight(70, 0))) == []


def test_loss_pct_without_reference() -> None:
    assert redflags.loss_pct(0, 60) == 0.0


def test_breathless_compares_with_the_latest_earlier_day_in_any_order() -> None:
    newest_first = ctx(sym("breathless", 0, 1), sym("breathless", 1, 6))
    assert rules(sym("breathless", 1), newest_first) == ["breathless"]  # none yesterday, back today
    newest_first = ctx(sym("breathless", 1, 1), sym("breathless", 0, 6))
    assert rules(sym("breathless", 1), newest_first) == []


def test_breathless_ignores_an_earlier_entry_of_the_same_day() -> None:
    """Editing today's entry must not compare it with itself."""
    assert rules(sym("breathless", 1), ctx(sym("breathless", 1, 0))) == ["breathless"]


def test_other_symptoms_do_not_count_as_history() -> None:
    assert rules(sym("breathless", 1), ctx(sym("breathless-lying-flat", 1, 1))) == ["breathless"]
    assert rules(sym("behaviour-change", 1), ctx(sym("low-mood", 2, 3))) == ["behaviour-change"]


def test_warnings_serialise_with_every_field() -> None:
    data = only(sym("choking", 3)).to_dict()
    assert set(data) == {"rule", "title", "why", "action", "urgency", "source"}
    assert all(isinstance(v, str) and v for v in data.values())


def test_emergencies_come_first(monkeypatch: pytest.MonkeyPatch) -> None:
    def mild(record: dict[str, Any], context: Context) -> redflags.Warning:
        return redflags.Warning("mild", "Mild", "why", "act", TODAY, "src")

    monkeypatch.setattr(redflags, "RULES", (mild, *redflags.RULES))
    found = redflags.evaluate(sym("choking", 3), ctx())
    assert [w.urgency for w in found] == [EMERGENCY, TODAY]


# --- through the CLI ----------------------------------------------------------------------------
def test_logged_emergency_shows_a_panel_and_is_stored(run: Any, household: Any) -> None:
    household()
    result = run("log", "symptom", "choking", "--severity", "3")
    assert "EMERGENCY" in result.stderr
    assert "emergency services" in result.stderr
    assert "Choking" in result.stderr
    assert "EMERGENCY" not in result.stdout  # stdout carries the data line only
    (record,) = run.json("history")
    assert [(w["rule"], w["urgency"]) for w in record["warnings"]] == [("choking", "emergency")]


def test_mild_sign_needs_the_care_team_today(run: Any, household: Any) -> None:
    household()
    result = run("log", "symptom", "confusion", "--severity", "1")
    assert "Needs the care team" in result.stderr
    assert "EMERGENCY" not in result.stderr
    (record,) = run.json("history")
    assert record["warnings"][0]["urgency"] == "today"


def test_nothing_to_warn_about_prints_no_panel(run: Any, household: Any) -> None:
    household()
    result = run("log", "symptom", "cramps", "--severity", "3")
    assert result.stderr == ""
    assert run.json("history")[0]["warnings"] == []


def test_headache_then_sleepiness_logged_separately(run: Any, household: Any) -> None:
    household()
    run("log", "symptom", "morning-headache", "-s", "1", "--at", "2 days ago")
    assert run.json("history")[0]["warnings"] == []
    result = run("log", "symptom", "daytime-sleepiness", "-s", "1")
    assert "Morning headaches with daytime sleepiness" in result.stderr
    assert run.json("history")[0]["warnings"][0]["rule"] == "night-breathing"


def test_breathless_unchanged_from_yesterday_is_quiet(run: Any, household: Any) -> None:
    household()
    run("log", "symptom", "breathless", "-s", "1", "--at", "yesterday")
    result = run("log", "symptom", "breathless", "-s", "1")
    assert result.stderr == ""
    result = run("log", "symptom", "breathless", "-s", "2", "--at", "now")
    assert "New or worse breathlessness" in result.stderr


def test_weight_loss_since_the_first_weight(run: Any, household: Any) -> None:
    household()
    run("log", "weight", "80", "--at", "80 days ago")
    run("log", "weight", "72.1", "--at", "40 days ago")
    assert run.json("history", "--kind", "weight")[0]["warnings"] == []
    result = run("log", "weight", "72")
    assert "since the first weight" in result.stderr
    assert run.json("history", "--kind", "weight")[0]["warnings"][0]["rule"] == "weight-loss-total"


def test_weight_loss_in_a_month(run: Any, household: Any) -> None:
    household()
    run("log", "weight", "70", "--at", "31 days ago")
    run("log", "weight", "66.5")
    (newest, _) = run.json("history", "--kind", "weight")
    assert [w["rule"] for w in newest["warnings"]] == ["weight-loss-month"]


def test_editing_an_entry_reevaluates_its_warnings(run: Any, household: Any) -> None:
    household()
    run("log", "symptom", "choking", "-s", "1")
    entry = run.json("history")[0]
    assert entry["warnings"][0]["urgency"] == "today"
    result = run("edit", entry["id"][:7], "--severity", "3")
    assert "EMERGENCY" in result.stderr
    assert run.json("history")[0]["warnings"][0]["urgency"] == "emergency"
    run("edit", entry["id"][:7], "--severity", "0")
    assert run.json("history")[0]["warnings"] == []
