"""Progression figures, pure functions, against worked examples.

ΔFS (Kimura 2006, Labra 2016): (48 - total) / months since onset. King's stage from the items
(Balendra 2014) and MiToS (Chiò 2015, Table 1): each with the item rule that produced it. The
least-squares slope between ratings (3 or more in 6 months). Weight from the baseline and over
spans, BMI; the FVC trend.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from caretool.core.messages import render
from caretool.domain.care.flags import Baseline
from caretool.domain.progress import body, items, lungs, rate, staging


def scores(**changed: int) -> dict[int, int]:
    """A full rating (all 4) with some items changed, by item key: scores(speech=3)."""
    out = {item.number: 4 for item in items.ITEMS}
    for key, value in changed.items():
        out[items.BY_KEY[key].number] = value
    return out


# --- ΔFS ---------------------------------------------------------------------------------------------
def test_a_rating_of_36_twelve_months_after_onset_gives_delta_fs_1() -> None:
    assert rate.delta_fs(36, date(2025, 11, 20), date(2026, 11, 20)) == pytest.approx(1.0)


@pytest.mark.parametrize(("total", "onset", "day", "expected"), [
    (48, date(2025, 1, 1), date(2026, 1, 1), 0.0),  # nothing lost yet
    (42, date(2025, 5, 1), date(2025, 11, 1), 1.0),  # 6 points in 6 months
    (30, date(2024, 3, 1), date(2026, 3, 1), 0.75),  # 18 points in 24 months
    (40, date(2026, 1, 1), date(2026, 3, 16), 8 / (2 + 15 / rate.DAYS_PER_MONTH)),  # part of a month
])
def test_delta_fs_worked_examples(total: int, onset: date, day: date, expected: float) -> None:
    assert rate.delta_fs(total, onset, day) == pytest.approx(expected)


def test_delta_fs_needs_the_onset_and_a_month() -> None:
    assert rate.delta_fs(40, None, date(2026, 1, 1)) is None
    assert rate.delta_fs(40, date(2026, 1, 1), date(2026, 1, 20)) is None  # a few days say nothing


@pytest.mark.parametrize(("value", "band"), [(0.3, "slower"), (0.47, "intermediate"), (1.0, "intermediate"),
                                             (1.11, "intermediate"), (1.2, "faster"), (None, None)])
def test_the_only_bands_are_labra_2016s(value: float | None, band: str | None) -> None:
    assert rate.band(value) == band


# --- the slope between ratings --------------------------------------------------------------------
def test_the_slope_of_three_ratings_is_their_least_squares_line() -> None:
    found = rate.slope([(date(2026, 1, 2), 42), (date(2026, 4, 2), 39), (date(2026, 7, 1), 36)])
    assert found is not None
    value, used = found
    # 3 points lost every 90 days: -3 / (90 / 30.44) = -1.01 a month
    assert value == pytest.approx(-3 / (90 / rate.DAYS_PER_MONTH))
    assert round(value, 2) == -1.01 and len(used) == 3


def test_the_slope_is_the_best_line_not_the_two_ends() -> None:
    # ends alone would say -2.0 a month; the middle rating pulls the line: least squares
    points = [(0.0, 40.0), (1.0, 40.0), (2.0, 36.0)]
    assert rate.least_squares(points) == pytest.approx(-2.0)
    points = [(0.0, 40.0), (1.0, 39.0), (2.0, 39.0), (3.0, 36.0)]
    assert rate.least_squares(points) == pytest.approx(-1.2)


def test_no_slope_from_fewer_than_three_ratings_in_six_months() -> None:
    assert rate.slope([(date(2026, 1, 1), 42), (date(2026, 6, 1), 39)]) is None
    # the oldest is more than 6 months before the latest: only two are left
    assert rate.slope([(date(2025, 6, 1), 45), (date(2026, 1, 1), 42), (date(2026, 6, 1), 39)]) is None
    found = rate.slope([(date(2025, 12, 15), 45), (date(2026, 1, 1), 42), (date(2026, 6, 1), 39)])
    assert found is not None and len(found[1]) == 3


def test_months_are_calendar_months() -> None:
    assert rate.months_between(date(2025, 1, 31), date(2026, 1, 31)) == 12.0
    assert rate.months_between(date(2026, 1, 1), date(2026, 2, 1)) == 1.0


# --- King's (Balendra 2014) and MiToS (Chiò 2015) ---------------------------------------------------
PATTERNS: list[tuple[str, dict[str, int], bool, str, str]] = [
    # (what, scores, gastrostomy, King's, MiToS)
    ("all normal", {}, False, "1", "0"),
    ("bulbar only", {"speech": 3}, False, "1", "0"),
    ("bulbar and legs", {"speech": 3, "walking": 3}, False, "2", "0"),
    ("three regions", {"swallowing": 2, "handwriting": 3, "walking": 2}, False, "3", "0"),
    ("gastrostomy: 4A", {"swallowing": 1, "walking": 3}, True, "4A", "1"),
    ("breathing support: 4B", {"respiratory_insufficiency": 3, "speech": 3}, False, "4B", "0"),
    ("dyspnoea 0: 4B, breathing lost", {"dyspnoea": 0}, False, "4B", "1"),
    ("both 4A and 4B", {"swallowing": 0, "respiratory_insufficiency": 2}, True, "4A+4B", "2"),
    ("speech 1 but handwriting 2: communicating kept (AND)", {"speech": 1, "handwriting": 2}, False, "2",
     "0"),
    ("speech 1 and handwriting 1: communicating lost", {"speech": 1, "handwriting": 1}, False, "2", "1"),
    ("walking 1: movement lost", {"walking": 1}, False, "1", "1"),
    ("dressing 1 alone: movement lost, no King's region", {"dressing_hygiene": 1}, False, "1", "1"),
    ("only stairs: no region, stage 1", {"climbing_stairs": 1}, False, "1", "0"),
    ("four domains lost", {"walking": 0, "swallowing": 1, "speech": 0, "handwriting": 0, "dyspnoea": 1},
     False, "3", "4"),
]


@pytest.mark.parametrize(("what", "changed", "gastrostomy", "kings", "mitos"), PATTERNS,
                         ids=[p[0] for p in PATTERNS])
def test_stages_for_item_patterns(what: str, changed: dict[str, int], gastrostomy: bool, kings: str,
                                  mitos: str) -> None:
    found = scores(**changed)
    assert staging.kings(found, gastrostomy=gastrostomy).stage == kings
    assert staging.mitos(found).stage == mitos


def test_each_stage_says_the_item_rule_that_produced_it() -> None:
    three = staging.kings(scores(swallowing=2, handwriting=3, walking=2), gastrostomy=False)
    assert [render(r) for r in three.reasons] == [
        "bulbar (speech, saliva, swallowing): item 3 is below 4",
        "arms and hands: item 4 is below 4",
        "legs: item 8 is below 4",
    ]
    assert three.detail["regions"] == ["bulbar", "lower-limb", "upper-limb"]
    niv = staging.kings(scores(respiratory_insufficiency=3), gastrostomy=False)
    assert [render(r) for r in niv.reasons] == [
        "item 12 (respiratory insufficiency) is 3, below 4 (breathing support in use): 4B"]
    tube = staging.kings(scores(), gastrostomy=True)
    assert "gastrostomy form" in render(tube.reasons[0]) and tube.stage == "4A"
    none = staging.kings(scores(climbing_stairs=2), gastrostomy=False)
    assert "stage 1" in render(none.reasons[0])
    lost = staging.mitos(scores(speech=1, handwriting=0, dyspnoea=3, respiratory_insufficiency=2))
    assert lost.detail["domains_lost"] == ["communicating", "breathing"]
    assert [render(r) for r in lost.reasons] == [
        "communicating lost: item 1 (speech) is 1 and item 4 (handwriting) is 0, both 1 or less",
        "breathing lost: item 10 (dyspnoea) is 3 (lost at 1 or less), item 12 (respiratory insufficiency) "
        "is 2 (lost at 2 or less)",
    ]
    assert "no domain is lost" in render(staging.mitos(scores()).reasons[0])


# --- the item list -----------------------------------------------------------------------------------
def test_items_from_a_list_need_exactly_twelve() -> None:
    assert items.from_list("4,4,3,3,3,4,3,3,4,4,4,4")["swallowing"] == "3"
    from caretool.core.errors import BadInput
    for text in ("4,4,3,3,3,4,3,3,4,4,4", "4,4,3,3,3,4,3,3,4,4,4,4,4", ""):
        with pytest.raises(BadInput) as found:
            items.from_list(text)
        assert "exactly 12" in render(found.value.message)


def test_no_item_wording_is_bundled() -> None:
    """Item numbers and short neutral names only: no answer text of the scale."""
    names = [render(item.name) for item in items.ITEMS]
    assert len(names) == 12 and all(len(name) <= 30 for name in names)
    for anchor_text in ("Normal speech processes", "Intelligible with repeating", "Dietary consistency",
                        "Needs supplemental tube feeding", "Early ambulation"):
        assert not any(anchor_text.lower() in n.lower() for n in names)


# --- weight and BMI -----------------------------------------------------------------------------------
def weight(day: str, kg: float, entry_id: str = "") -> dict[str, Any]:
    return {"kind": "weight", "day": day, "at": f"{day}T08:00:00+00:00", "kg": kg, "id": entry_id or day}


def test_weight_change_from_the_diagnosis_weight_and_over_spans() -> None:
    weights = [weight("2026-05-20", 70.0), weight("2026-08-20", 68.0), weight("2026-10-20", 66.0),
               weight("2026-11-20", 65.0)]
    found = body.summary(weights, Baseline(72.0, "diagnosis", "2025-01-10"), 170.0)
    assert found["from_baseline"]["percent"] == pytest.approx(-9.7)
    assert found["from_baseline"]["kg"] == -7.0
    assert found["over"]["1"]["percent"] == pytest.approx(-1.5)  # from 66 kg on 2026-10-20
    assert found["over"]["3"]["from"]["kg"] == 68.0
    assert found["over"]["6"]["from"]["kg"] == 70.0
    assert found["bmi"] == 22.5  # 65 / 1.70^2
    assert body.bmi(53.0, 170.0) == 18.3 and body.bmi(60.0, None) is None


def test_a_span_is_unknown_without_a_weight_near_its_start() -> None:
    weights = [weight("2026-01-01", 70.0), weight("2026-11-20", 65.0)]
    found = body.summary(weights, None, None)
    assert found["over"] == {"1": None, "3": None, "6": None}  # 70 kg is far older than 6 months
    assert found["from_baseline"] is None and found["bmi"] is None


# --- the FVC trend ---------------------------------------------------------------------------------------
def test_the_fvc_trend_leaves_lying_results_out() -> None:
    tests = [{"kind": "breathing", "day": d, "fvc": v, "snip": None, "position": p, "id": d}
             for d, v, p in (("2026-06-01", 80.0, "sitting"), ("2026-08-01", 70.0, "lying"),
                             ("2026-09-01", 74.0, None), ("2026-11-01", 70.0, "sitting"))]
    found = lungs.summary(tests)
    assert found["trend"] is not None and found["trend"]["results"] == 3
    assert found["trend"]["per_month"] < 0
    assert found["change"] == -4.0  # 74 -> 70, the lying 70 is not "the test before"
