"""The burnout model (pure): known logs give known levels and reasons; every threshold's edges."""

from __future__ import annotations

import itertools
import re
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from caretool.core.errors import BadInput, NotFound
from caretool.core.messages import Message, render
from caretool.domain.burnout import model, selfcheck, service
from caretool.domain.burnout.model import THRESHOLDS, assess, level_for, points_for

AS_OF = date(2026, 11, 20)
ME, OTHER = "me", "other"
SOURCES = Path(__file__).resolve().parents[1] / "docs" / "clinical-sources.md"
# The question(s) whose answer shows the crisis lines, found through the self-check's own API
# (so these tests hold however the questions are split or renamed).
CRISIS_IDS = [selfcheck.CRISIS_QUESTION]  # the self-harm question (hopelessness alone shows no crisis lines)
OTHER_IDS = [q.id for q in selfcheck.QUESTIONS if q.id not in CRISIS_IDS]
ORDINARY_IDS = [q for q in OTHER_IDS if q != model.KEEP_GOING]


def rec(kind: str, days_ago: int, caregiver: str | None = ME, hour: int = 12,
        **fields: Any) -> dict[str, Any]:
    day = AS_OF - timedelta(days=days_ago)
    return {"id": uuid.uuid4().hex, "kind": kind, "at": f"{day.isoformat()}T{hour:02d}:00:00+00:00",
            "day": day.isoformat(), "caregiver": caregiver, "source": "log", **fields}


def hours(days_ago: int, h: float, caregiver: str | None = ME, night: bool = False) -> dict[str, Any]:
    return rec("hours", days_ago, caregiver, hours=h, task="other", night=night)


def wellbeing(days_ago: int, sleep: float = 8, stress: int = 2, took_break: bool = False,
              caregiver: str | None = ME, hour: int = 12) -> dict[str, Any]:
    return rec("wellbeing", days_ago, caregiver, hour=hour, sleep_hours=sleep, stress=stress,
               took_break=took_break)


def check(days_ago: int, answers: dict[str, int], caregiver: str | None = ME) -> dict[str, Any]:
    return rec("selfcheck", days_ago, caregiver, answers=answers, score=sum(answers.values()))


def symptom(days_ago: int, name: str, severity: int) -> dict[str, Any]:
    return rec("symptom", days_ago, OTHER, name=name, severity=severity, describe="", note="")


def answers(total: int = 0, crisis: int = 0, keep_going: int = 0) -> dict[str, int]:
    """Self-check answers adding up to `total`: the crisis and keep-going answers as given, the
    rest filled from the ordinary questions."""
    out = dict.fromkeys((q.id for q in selfcheck.QUESTIONS), 0)
    out.update(dict.fromkeys(CRISIS_IDS, crisis))
    out[model.KEEP_GOING] = keep_going
    left = total - sum(out.values())
    for qid in ORDINARY_IDS:
        out[qid] = min(3, left)
        left -= out[qid]
    assert left == 0, f"{total} cannot be reached"
    return out


def points(records: list[dict[str, Any]], factor: str, phase: int | None = 2) -> int:
    return assess(records, ME, AS_OF, phase).factor(factor).points


def reasons(result: model.Assessment) -> str:
    return " | ".join(render(f.reason) for f in result.factors)


def ordinary_week() -> list[dict[str, Any]]:
    """Logs that score nothing: 2 h a day, 8 h sleep, stress 2, a break every few days."""
    return [r for d in range(14)
            for r in (hours(d, 2), wellbeing(d, sleep=8, stress=2, took_break=d % 3 == 0))]


# --- whole caregivers with known logs --------------------------------------------------------------
def heavy() -> list[dict[str, Any]]:
    """12 h a day for 14 days, 4 h sleep, stress 9, no breaks."""
    return [r for d in range(14) for r in (hours(d, 12), wellbeing(d, sleep=4, stress=9))]


def light() -> list[dict[str, Any]]:
    """2 h a day, 8 h sleep, stress 2, a break every week."""
    return [r for d in range(28)
            for r in (hours(d, 2), wellbeing(d, sleep=8, stress=2, took_break=d % 7 == 0))]


CASES = [
    ("heavy", heavy, "high",
     {"hours": 3, "share": 1, "break": 2, "sleep": 2, "short-nights": 1, "stress": 2, "stress-trend": 0},
     ["84 h of care in the last 7 days", "no real break logged in the last 14 days",
      "slept 4 h a night on average", "7 of 7 logged nights under 6 h", "stress 9/10 on average"]),
    ("light", light, "low",
     {"hours": 0, "share": 0, "nights": 0, "break": 0, "sleep": 0, "short-nights": 0, "stress": 0},
     ["14 h of care in the last 7 days", "a real break today", "slept 8 h a night", "stress 2/10"]),
]


@pytest.mark.parametrize(("name", "build", "level", "expected", "said"), CASES, ids=[c[0] for c in CASES])
def test_known_caregivers(name: str, build: Any, level: str, expected: dict[str, int],
                          said: list[str]) -> None:
    result = assess(build(), ME, AS_OF, phase=2)
    assert result.level == level
    for factor, pts in expected.items():
        assert result.factor(factor).points == pts, factor
    text = reasons(result)
    for reason in said:
        assert reason in text
    assert "no self-check in the last 7 days" in [render(m) for m in result.missing]
    if level == "low":
        assert result.points == 0


def test_reasons_are_ids_with_parameters() -> None:
    result = assess(heavy(), ME, AS_OF, phase=2)
    hours_factor = result.factor("hours")
    assert isinstance(hours_factor.reason, Message)
    assert hours_factor.reason.id == "burnout.reason.hours-and-month"
    assert hours_factor.params == {"hours": 84.0, "weekly": 42.0}
    data = hours_factor.to_dict()
    assert data["factor"] == "hours" and data["reason_id"] == hours_factor.reason.id
    assert all(r.id in model.REASONS for r in (f.reason for f in result.factors))


def test_heavy_reasons_point_to_guide_causes() -> None:
    result = assess(heavy(), ME, AS_OF, phase=2)
    assert model.strongest_causes(result.factors) == [model.TOO_MANY_HOURS, model.NO_BREAKS, model.POOR_SLEEP]


def test_every_factor_is_always_reported() -> None:
    names = [f.factor for f in assess([], ME, AS_OF, None).factors]
    assert names == ["hours", "share", "nights", "break", "sleep", "short-nights", "stress", "stress-trend",
                     "selfcheck", "phase", "behaviour"]


# --- the caregiver's own report counts on its own (issue 11, item 5) ---------------------------------
@pytest.mark.parametrize("keep_going", [2, 3])
def test_could_not_keep_going_makes_ordinary_logs_elevated(keep_going: int) -> None:
    logs = ordinary_week()
    assert assess(logs, ME, AS_OF, 2).level == "low"
    result = assess([*logs, check(1, answers(keep_going, keep_going=keep_going))], ME, AS_OF, 2)
    assert result.points == 0  # nothing scored, yet the caregiver's answer raises the level
    assert result.level == "elevated" and result.floor == "elevated" and result.raised
    assert "could not keep going like this" in render(result.factor("selfcheck").reason)
    assert model.strongest_causes(result.factors) == [model.RISING_STRESS]


def test_keep_going_sometimes_does_not_raise_the_level() -> None:
    result = assess([*ordinary_week(), check(1, answers(1, keep_going=1))], ME, AS_OF, 2)
    assert result.level == "low" and result.floor == ""


def test_a_self_check_near_the_top_makes_ordinary_logs_elevated() -> None:
    top = 3 * len(ORDINARY_IDS)
    result = assess([*ordinary_week(), check(0, answers(top))], ME, AS_OF, 2)
    assert result.level == "elevated"
    assert "high enough on its own" in render(result.factor("selfcheck").reason)


def _percent_score(percent: float) -> int:
    """The lowest score at or above `percent` of the self-check's maximum."""
    score = 0
    while score / selfcheck.MAX_SCORE * 100 < percent:
        score += 1
    return score


def test_the_self_check_floor_edge() -> None:
    at = model.cutoff("selfcheck-floor")
    score = _percent_score(at)
    below = assess([*ordinary_week(), check(0, answers(score - 1))], ME, AS_OF, 2)
    on = assess([*ordinary_week(), check(0, answers(score))], ME, AS_OF, 2)
    assert below.floor == "" and on.floor == "elevated" and on.level == "elevated"


def test_the_floor_never_lowers_a_level() -> None:
    result = assess([*heavy(), check(0, answers(3, keep_going=3))], ME, AS_OF, 2)
    assert result.level == "high" and not result.raised
    assert level_for(7, floor="elevated") == "high" and level_for(0, floor="elevated") == "elevated"


def test_a_report_without_the_self_check_leaves_it_out() -> None:
    records = [*ordinary_week(), check(1, answers(3, crisis=1, keep_going=2))]
    with_it = assess(records, ME, AS_OF, 2)
    without = assess(records, ME, AS_OF, 2, with_selfcheck=False)
    assert with_it.crisis and with_it.level == "high"
    assert not without.crisis and without.level == "low"
    assert "selfcheck" not in [f.factor for f in without.factors]
    assert not any("self-check" in render(m) for m in without.missing)


# --- missing data -----------------------------------------------------------------------------------
def test_the_empty_household_is_not_enough_data_not_low() -> None:
    result = assess([], ME, AS_OF, None)
    assert result.points == 0 and not result.crisis
    assert result.level == model.NOT_ENOUGH_DATA and not result.enough_data
    assert [render(m) for m in result.missing] == [
        "no hours of care logged in the last 7 days",
        "no wellbeing logged in the last 28 days, so breaks are unknown",
        "no sleep logged in the last 7 days",
        "no stress logged in the last 7 days",
        "no self-check in the last 7 days",
        "the phase of the person you care for is not set",
    ]
    assert all(f.value is None for f in result.factors if f.factor != "behaviour")


def test_a_phase_alone_is_still_not_enough_data() -> None:
    assert assess([], ME, AS_OF, 5).level == model.NOT_ENOUGH_DATA


def test_one_log_of_my_own_is_enough_for_a_level() -> None:
    assert assess([hours(0, 1)], ME, AS_OF, 2).level == "low"
    assert assess([check(0, answers(0))], ME, AS_OF, 2).level == "low"


def test_what_the_person_cared_for_shows_still_counts_without_my_logs() -> None:
    result = assess([symptom(2, "behaviour-change", 2)], ME, AS_OF, 4)
    assert not result.enough_data and result.points == 3 and result.level == "elevated"


def test_old_logs_do_not_fill_in_this_week() -> None:
    old = [r for d in range(8, 20) for r in (hours(d, 12), wellbeing(d, sleep=3, stress=10))]
    result = assess(old, ME, AS_OF, 2)
    missing = [render(m) for m in result.missing]
    assert "no sleep logged in the last 7 days" in missing
    assert "no hours of care logged in the last 7 days" in missing
    assert result.factor("sleep").points == 0 and result.factor("stress").points == 0
    # the breaks are known from the 28 days: none logged since the oldest entry
    assert render(result.factor("break").reason) == "no real break logged in the last 20 days"


def test_other_caregivers_and_future_entries_are_ignored() -> None:
    records = [wellbeing(d, sleep=3, stress=10, caregiver=OTHER) for d in range(7)]
    records += [wellbeing(-1, sleep=3, stress=10)]  # the day after as_of
    result = assess(records, ME, AS_OF, 2)
    assert result.factor("sleep").value is None and result.points == 0
    assert result.level == model.NOT_ENOUGH_DATA


def test_stress_trend_needs_two_days_in_each_week() -> None:
    records = [wellbeing(1, stress=9), wellbeing(2, stress=9), wellbeing(8, stress=1)]
    factor = assess(records, ME, AS_OF, 2).factor("stress-trend")
    assert factor.points == 0 and factor.value is None and not factor.missing
    assert "not enough stress logged to see a trend" in render(factor.reason)


def test_one_day_counts_once_with_its_latest_entry() -> None:
    records = [wellbeing(0, sleep=3, stress=9, hour=8), wellbeing(0, sleep=7, stress=3, hour=20)]
    result = assess(records, ME, AS_OF, 2)
    assert result.factor("sleep").value == 7 and result.factor("short-nights").value == 0
    assert result.factor("stress").value == 3


def test_singular_and_plural_reasons() -> None:
    result = assess([wellbeing(0, sleep=5)], ME, AS_OF, 2)
    assert "(1 night logged in the last 7 days)" in render(result.factor("sleep").reason)
    assert "1 of 1 logged night under 6 h" in render(result.factor("short-nights").reason)
    assert render(result.factor("break").reason) == "no real break logged in the last 1 day"


# --- the thresholds table -----------------------------------------------------------------------------
SCORING = [t for t in THRESHOLDS if t.points and t.measure != "level"]


@pytest.mark.parametrize("row", SCORING, ids=[f"{t.measure}-{t.at:g}" for t in SCORING])
def test_threshold_rows_edges(row: model.Threshold) -> None:
    step = 0.01
    inside = row.at - step if row.below else row.at
    outside = row.at if row.below else row.at - step
    further = row.at - 1 if row.below else row.at + step
    assert points_for(row.measure, inside) >= row.points
    assert points_for(row.measure, further) >= row.points
    assert points_for(row.measure, outside) < row.points


def test_threshold_table_says_what_each_cut_off_rests_on() -> None:
    anchors = set(re.findall(r'<a id="([a-z0-9\-]+)"></a>', SOURCES.read_text(encoding="utf-8")))
    for t in THRESHOLDS:
        assert isinstance(t.basis, Message) and render(t.basis), t
        assert "judgement" in render(t.basis) and "not a validated cut-off" in render(t.basis), t
        assert set(t.sources) <= anchors, (t, set(t.sources) - anchors)
        if t.measure != "level":  # the level rows belong to the model itself
            assert t.sources, f"{t.measure} cites no source"
    assert points_for("hours", None) == 0


def test_every_factor_rests_on_a_cited_source() -> None:
    cited = {t.measure for t in THRESHOLDS if t.sources}
    for f in assess(heavy(), ME, AS_OF, 2).factors:
        assert f.factor in cited, f.factor


def test_no_factor_rests_on_the_invasive_ventilation_study() -> None:
    """evans-2012 studied tracheostomy ventilation only; breathing alone does not score."""
    assert not any("evans-2012" in t.sources for t in THRESHOLDS)
    assert {"lillo-2012", "de-wit-2018"} <= set(model.rows("behaviour")[0].sources)
    niv = [symptom(2, "breathless", 3), symptom(3, "breathless-lying-flat", 2)]
    result = assess([*niv, *ordinary_week()], ME, AS_OF, 5)
    assert result.points == 1 and result.factor("phase").points == 1  # the phase, nothing for breathing


def test_behaviour_change_weighs_most_on_the_patient_side() -> None:
    assert model.rows("behaviour")[0].points > model.rows("phase")[0].points


@pytest.mark.parametrize(("total", "level"), [(0, "low"), (2, "low"), (3, "elevated"), (4, "elevated"),
                                              (5, "elevated"), (6, "high"), (7, "high")])
def test_level_edges(total: int, level: str) -> None:
    assert level_for(total) == level
    assert level_for(total, crisis=True) == "high"


def week_of_hours(total: float) -> list[dict[str, Any]]:
    """`total` hours spread over the last 7 days, as a family would log them."""
    base = round(total / 7, 2)
    return [hours(0, total - 6 * base)] + [hours(d, base) for d in range(1, 7)]


@pytest.mark.parametrize(("total", "expected"), [
    (20.75, 0), (21, 1), (21.25, 1), (40.75, 1), (41, 2), (41.25, 2), (69.75, 2), (70, 3), (70.25, 3),
])
def test_hours_edges_from_logs(total: float, expected: int) -> None:
    assert points(week_of_hours(total), "hours") == expected


def test_hours_over_seven_days_only() -> None:
    records = [hours(7, 24), hours(6, 20.75)]
    assert points(records, "hours") == 0
    assert points([*records, hours(0, 0.25)], "hours") == 1


@pytest.mark.parametrize(("mine", "others", "expected"), [
    (21, 7.1, 0),      # 74.7% of the hours
    (21, 7, 1),        # exactly 75%
    (21, 6.9, 1),
    (20.75, 0, 0),     # all the care, but a light week: the share does not score
])
def test_share_edges(mine: float, others: float, expected: int) -> None:
    records = [hours(d, mine / 7) for d in range(7)]
    if others:
        records.append(hours(1, others, caregiver=OTHER))
    assert points(records, "share") == expected


@pytest.mark.parametrize(("nights", "expected"), [(0, 0), (1, 0), (2, 1), (3, 1), (4, 2), (5, 2)])
def test_night_edges(nights: int, expected: int) -> None:
    records = [hours(d, 3, night=d < nights) for d in range(7)]
    assert points(records, "nights") == expected


def test_nights_count_days_not_entries() -> None:
    records = [hours(0, 2, night=True), hours(0, 2, night=True), hours(1, 1)]
    assert assess(records, ME, AS_OF, 2).factor("nights").value == 1


@pytest.mark.parametrize(("days_ago", "expected"),
                         [(0, 0), (6, 0), (7, 1), (8, 1), (13, 1), (14, 2), (15, 2)])
def test_break_edges(days_ago: int, expected: int) -> None:
    records = [wellbeing(d, took_break=d == days_ago) for d in range(28)]
    assert points(records, "break") == expected


@pytest.mark.parametrize(("first_logged", "expected"), [(5, 0), (6, 1), (12, 1), (13, 2)])
def test_no_break_counts_from_the_first_logged_day(first_logged: int, expected: int) -> None:
    records = [wellbeing(d) for d in range(first_logged + 1)]
    factor = assess(records, ME, AS_OF, 2).factor("break")
    assert factor.value == first_logged + 1 and factor.points == expected


@pytest.mark.parametrize(("average", "expected"), [
    (6.25, 0), (6, 0), (5.75, 1), (5.25, 1), (5, 1), (4.75, 2),
])
def test_sleep_average_edges(average: float, expected: int) -> None:
    records = [wellbeing(d, sleep=average) for d in range(7)]
    assert points(records, "sleep") == expected


@pytest.mark.parametrize(("short", "expected"), [(2, 0), (3, 1), (4, 1)])
def test_short_night_count_edges(short: int, expected: int) -> None:
    records = [wellbeing(d, sleep=5.9 if d < short else 9) for d in range(7)]
    assert points(records, "short-nights") == expected


def test_a_short_night_is_under_six_hours() -> None:
    records = [wellbeing(d, sleep=6) for d in range(7)]
    assert assess(records, ME, AS_OF, 2).factor("short-nights").value == 0
    records = [wellbeing(d, sleep=5.99) for d in range(7)]
    assert assess(records, ME, AS_OF, 2).factor("short-nights").value == 7


@pytest.mark.parametrize(("stresses", "expected"), [
    ([5, 6], 0), ([6, 6], 1), ([6, 7], 1), ([7, 8], 1), ([8, 8], 2), ([8, 9], 2),
])
def test_stress_average_edges(stresses: list[int], expected: int) -> None:
    records = [wellbeing(d, stress=s) for d, s in enumerate(stresses)]
    assert points(records, "stress") == expected


@pytest.mark.parametrize(("before", "now", "expected"), [
    ([3, 4], [5, 5], 0),   # +1.5
    ([3, 3], [5, 5], 1),   # +2
    ([3, 3], [5, 6], 1),   # +2.5
    ([6, 6], [3, 3], 0),   # falling
])
def test_stress_trend_edges(before: list[int], now: list[int], expected: int) -> None:
    records = [wellbeing(d, stress=s) for d, s in enumerate(now)]
    records += [wellbeing(7 + d, stress=s) for d, s in enumerate(before)]
    factor = assess(records, ME, AS_OF, 2).factor("stress-trend")
    assert factor.points == expected
    assert ("rose" in render(factor.reason)) == (sum(now) > sum(before))


@pytest.mark.parametrize(("percent", "expected"), [(33, 1), (58, 2)])
def test_selfcheck_score_edges(percent: float, expected: int) -> None:
    score = _percent_score(percent)
    assert points([check(2, answers(score - 1))], "selfcheck") == expected - 1
    assert points([check(2, answers(score))], "selfcheck") == expected
    assert points([check(2, answers(score + 1))], "selfcheck") == expected


def test_selfcheck_score_edges_on_eight_questions() -> None:
    """The 0-24 self-check of caretool 1: 8 and 14 of 24 were the cut-offs; they still are."""
    old = {f"q{i}": 0 for i in range(8)}
    for score, expected in ((7, 0), (8, 1), (13, 1), (14, 2)):
        given = dict(old)
        for i in range(8):
            given[f"q{i}"] = min(3, score - sum(given.values()))
        assert points([check(1, given)], "selfcheck") == expected, score
        assert f"{score} of 24" in render(assess([check(1, given)], ME, AS_OF, 2).factor("selfcheck").reason)


@pytest.mark.parametrize(("days_ago", "counted"), [(0, True), (7, True), (8, False)])
def test_selfcheck_counts_for_seven_days(days_ago: int, counted: bool) -> None:
    result = assess([check(days_ago, answers(3 * len(ORDINARY_IDS)))], ME, AS_OF, 2)
    assert (result.factor("selfcheck").points == 2) == counted
    assert ("no self-check in the last 7 days" in [render(m) for m in result.missing]) == (not counted)


@pytest.mark.parametrize(("phase", "expected"), [(None, 0), (1, 0), (3, 0), (4, 1), (5, 1)])
def test_phase_edges(phase: int | None, expected: int) -> None:
    assert points([], "phase", phase=phase) == expected


@pytest.mark.parametrize(("severity", "days_ago", "expected"), [(0, 1, 0), (1, 1, 2), (3, 27, 2), (2, 28, 0)])
def test_behaviour_change(severity: int, days_ago: int, expected: int) -> None:
    factor = assess([symptom(days_ago, "behaviour-change", severity)], ME, AS_OF, 2).factor("behaviour")
    assert factor.points == expected
    assert factor.cause == model.BEHAVIOUR


# --- the self-check and crisis help -----------------------------------------------------------------
@pytest.mark.parametrize("others", [0, 1, 2, 3])
@pytest.mark.parametrize("crisis", [0, 1, 2, 3])
def test_crisis_help_depends_only_on_the_crisis_answer(others: int, crisis: int) -> None:
    given = dict.fromkeys(OTHER_IDS, others) | dict.fromkeys(CRISIS_IDS, crisis)
    assert selfcheck.needs_crisis_help(given) == (crisis > 0)


def test_crisis_help_for_every_other_answer_pattern() -> None:
    for pattern in itertools.product(range(4), repeat=3):
        given = dict.fromkeys(OTHER_IDS, 0) | dict(zip(OTHER_IDS[:3], pattern, strict=True))
        assert selfcheck.needs_crisis_help(given | dict.fromkeys(CRISIS_IDS, 1))
        assert not selfcheck.needs_crisis_help(given | dict.fromkeys(CRISIS_IDS, 0))


def test_crisis_help_errs_on_the_safe_side() -> None:
    assert selfcheck.needs_crisis_help({CRISIS_IDS[0]: "2"})
    assert selfcheck.needs_crisis_help({CRISIS_IDS[0]: "yes"})
    assert not selfcheck.needs_crisis_help({})


def test_crisis_makes_the_level_high_whatever_the_score() -> None:
    result = assess([check(1, answers(1, crisis=1))], ME, AS_OF, 1)
    assert result.crisis and result.level == "high" and result.points == 0
    assert "harming yourself" in render(result.factor("selfcheck").reason)


def test_the_crisis_lines_shown_name_every_number() -> None:
    from caretool.domain.care import crisis

    text = " ".join(render(m) for m in (crisis.CAREGIVER, *crisis.LINES, crisis.CHECK_LOCALLY))
    for number in ("109", "119", "112", "988", "911", "116 123", "999", "local emergency number"):
        assert number in text
    assert "check the number" in text


def test_questions_are_our_own_short_set() -> None:
    assert 6 <= len(selfcheck.QUESTIONS) <= 10
    ids = [q.id for q in selfcheck.QUESTIONS]
    assert len(set(ids)) == len(ids) and CRISIS_IDS and model.KEEP_GOING in ids
    assert any("harming yourself" in render(q.text) for q in selfcheck.QUESTIONS if q.id in CRISIS_IDS)
    assert len(ids) * 3 == selfcheck.MAX_SCORE
    words = " ".join(render(q.text) for q in selfcheck.QUESTIONS).lower()
    assert "your relative" not in words  # the Zarit interview's wording


N = len(selfcheck.QUESTIONS)


@pytest.mark.parametrize(("text", "ok"), [
    (",".join("0123"[i % 4] for i in range(N)), True), (" ".join("0123"[i % 4] for i in range(N)), True),
    (" " + ", ".join("0" * N) + " ", True),
    ("0,1,2", False), (",".join("0" * (N + 1)), False), (",".join("0" * (N - 1) + "4"), False),
    (",".join("0" * (N - 1)) + ",-1", False), (",".join("0" * (N - 1)) + ",1.5", False),
    (",".join("0" * (N - 1)) + ",x", False), ("", False), (",".join("0" * (N - 1)) + ",３", False),
])
def test_parse_answers(text: str, ok: bool) -> None:
    if ok:
        parsed = selfcheck.parse_answers(text)
        assert list(parsed) == [q.id for q in selfcheck.QUESTIONS]
    else:
        with pytest.raises(BadInput):
            selfcheck.parse_answers(text)


class FakeStore:
    def __init__(self, records: list[dict[str, Any]]) -> None:
        self.records = records
        self.asked: list[tuple[date, date]] = []

    def records_between(self, start: date, end: date) -> list[dict[str, Any]]:
        self.asked.append((start, end))
        return [r for r in self.records if start.isoformat() <= r["day"] <= end.isoformat()]


@pytest.mark.parametrize(("days_ago", "due"), [(None, True), (0, False), (7, False), (8, True), (30, True)])
def test_selfcheck_due(days_ago: int | None, due: bool) -> None:
    records = [] if days_ago is None else [check(days_ago, answers(3))]
    records.append(check(1, answers(3), caregiver=OTHER))
    store = FakeStore(records)
    assert selfcheck.selfcheck_due(store, None, ME, AS_OF) == due
    assert store.asked == [(AS_OF - timedelta(days=7), AS_OF)]


# --- tips and the service -----------------------------------------------------------------------------
@pytest.fixture
def fake_guide(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    asked: list[tuple[str, str]] = []

    def section_bullets(slug: str, name: str) -> list[str]:
        asked.append((slug, name))
        if name == model.ISOLATION:
            raise NotFound("no such section", "")
        return [f"{name} tip {i}" for i in (1, 2, 3, 4)]

    monkeypatch.setattr("caretool.domain.guidance.guides.section_bullets", section_bullets)
    return asked


def test_tips_come_from_the_strongest_causes(fake_guide: list[tuple[str, str]]) -> None:
    result = assess(heavy(), ME, AS_OF, 2)
    assert service.tips(result.factors) == ["Too many hours tip 1", "No breaks tip 1", "Poor sleep tip 1"]
    assert all(slug == "topics/burnout" for slug, _ in fake_guide)


def test_one_cause_gives_three_tips_and_none_without_points(fake_guide: list[tuple[str, str]]) -> None:
    result = assess([symptom(1, "behaviour-change", 2)], ME, AS_OF, 2)
    assert service.tips(result.factors) == [f"{model.BEHAVIOUR} tip {i}" for i in (1, 2, 3)]
    assert service.tips(assess(light(), ME, AS_OF, 2).factors) == []


def test_a_raised_level_brings_stress_tips(fake_guide: list[tuple[str, str]]) -> None:
    result = assess([*ordinary_week(), check(0, answers(3, keep_going=3))], ME, AS_OF, 2)
    assert service.tips(result.factors)[0] == f"{model.RISING_STRESS} tip 1"


def test_crisis_tips_start_with_getting_help_now(fake_guide: list[tuple[str, str]]) -> None:
    result = assess([*heavy(), check(0, answers(5, crisis=2))], ME, AS_OF, 2)
    tips = service.tips(result.factors, crisis=result.crisis)
    assert tips[0] == f"{model.GET_HELP_NOW} tip 1" and len(tips) == 3


def test_a_missing_guide_section_gives_fewer_tips(monkeypatch: pytest.MonkeyPatch) -> None:
    def section_bullets(slug: str, name: str) -> list[str]:
        raise NotFound("no guide", "")

    monkeypatch.setattr("caretool.domain.guidance.guides.section_bullets", section_bullets)
    assert service.tips(assess(heavy(), ME, AS_OF, 2).factors) == []


def test_every_cause_is_a_section_of_the_bundled_guide() -> None:
    from caretool.domain.guidance import guides
    for cause in (model.TOO_MANY_HOURS, model.NO_BREAKS, model.POOR_SLEEP, model.RISING_STRESS,
                  model.BEHAVIOUR, model.GET_HELP_NOW):
        assert guides.section_bullets("topics/burnout", cause), cause


def test_guide_links_become_commands_when_shown() -> None:
    from caretool.views.burnout import tip_text

    result = assess([check(0, answers(1, crisis=1))], ME, AS_OF, 2)
    tips = service.tips(result.factors, crisis=True)
    assert any("](guide:" in tip for tip in tips)  # the guide's own text, as written
    shown = [tip_text(tip) for tip in tips]
    assert not any("](guide:" in tip for tip in shown)
    assert any("(caretool guide show crisis)" in tip for tip in shown)


def test_service_reads_only_the_last_35_days(fake_guide: list[tuple[str, str]]) -> None:
    from caretool.domain.household.model import Caregiver, Household

    household = Household(caregivers=[Caregiver("Ji-woo", id=ME), Caregiver("Sam", id=OTHER)],
                          phases=[{"phase": 4, "at": "2026-11-01", "note": ""}])
    store = FakeStore([*heavy(), hours(1, 2, caregiver=OTHER)])
    results = service.assess_all(store, household, AS_OF)
    assert store.asked == [(AS_OF - timedelta(days=34), AS_OF)]
    first = results[0]
    assert [r["caregiver"] for r in results] == ["Ji-woo", "Sam"]
    assert set(first) >= {"caregiver", "caregiver_id", "level", "points", "factors", "missing",
                          "previous_level", "tips", "enough_data", "floor"}
    assert first["level"] == "high" and first["previous_level"] == "high"
    assert {"factor", "points", "reason", "reason_id", "params", "cause"} <= set(first["factors"][0])
    # the phase was set on 1 November; a week earlier it was already 4
    phase = next(f for f in first["factors"] if f["factor"] == "phase")
    assert phase["points"] == 1 and phase["previous_points"] == 1
    assert results[1]["previous_level"] is None  # nothing logged by Sam a week earlier


