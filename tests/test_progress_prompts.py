"""Decision prompts ("talk to the care team about X at the next visit"): for each one, crossing
its threshold shows it once, staying past it says nothing new, not crossing shows nothing, and the
source is shown with it."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

NOW = "2026-11-20T21:00:00+00:00"
NORMAL = "4,4,4,4,4,4,4,4,4,4,4,4"


@pytest.fixture(autouse=True)
def pinned(clock: Callable[..., None]) -> None:
    clock(NOW)


@pytest.fixture
def family(run: Any, household: Callable[..., Any]) -> Any:
    household()  # onset 2024-03-01, diagnosed 2024-09-15
    return run


def items(**changed: int) -> str:
    """The 12 scores as --items, all 4 but those named by item number: items(i3=2)."""
    found = [4] * 12
    for key, value in changed.items():
        found[int(key[1:]) - 1] = value
    return ",".join(str(v) for v in found)


def open_prompts(run: Any) -> dict[str, list[str]]:
    """{prompt: [trigger of each open reason]} from `caretool progress --json`."""
    data = run.json("progress")
    return {p["id"]: [r["trigger"] for r in p["reasons"]] for p in data["prompts"]}


def crossings(run: Any, trigger: str) -> list[dict[str, Any]]:
    return [c for c in run.json("progress")["crossings"] if c["trigger"] == trigger]


def rate(run: Any, at: str, scores: str, *extra: str) -> Any:
    return run("rating", "add", "--at", at, "--items", scores, *extra)


# --- item prompts, shown when the rating is added ------------------------------------------------------
ITEM_CASES = [
    # (item, crossing score, not crossing score, prompt, its title, a source title)
    ("i3", 2, 3, "feeding-tube", "Feeding tube (gastrostomy)", "ALSFRS-R (Cedarbaum et al. 1999)"),
    ("i11", 3, 4, "breathing", "Breathing assessment and breathing support (NIV)",
     "European consensus on breathing support (ENMC)"),
    ("i1", 3, 4, "communication", "Communication aid and voice banking",
     "MND Association: speech (dysarthria) and voice banking"),
]


@pytest.mark.parametrize(("item", "crossing", "staying", "prompt", "title", "source"), ITEM_CASES,
                         ids=[c[3] for c in ITEM_CASES])
def test_an_item_prompt_shows_once_per_crossing(family: Any, item: str, crossing: int, staying: int,
                                                prompt: str, title: str, source: str) -> None:
    quiet = rate(family, "2026-06-01", items(**{item: staying}))
    assert "To discuss at the next visit" not in quiet.stderr
    assert prompt not in open_prompts(family)

    first = rate(family, "2026-08-01", items(**{item: crossing}))
    assert f"To discuss at the next visit: {title}" in first.stderr
    assert f"Sources: {source}" in first.stderr or source in first.stderr
    again = rate(family, "2026-10-01", items(**{item: crossing}))  # still past it: nothing new
    assert "To discuss at the next visit" not in again.stderr
    assert prompt in open_prompts(family)
    trigger = {"feeding-tube": "swallowing-item", "breathing": "orthopnoea-item",
               "communication": "speech-item"}[prompt]
    assert [c["day"] for c in crossings(family, trigger)] == ["2026-08-01"]

    rate(family, "2026-10-15", items(**{item: staying}))  # back over the line: closed
    assert prompt not in open_prompts(family)
    rate(family, "2026-11-15", items(**{item: crossing}))  # past it again: a new crossing
    assert [c["day"] for c in crossings(family, trigger)] == ["2026-08-01", "2026-11-15"]


def test_the_progress_view_lists_the_prompt_with_its_reason_and_source(family: Any) -> None:
    rate(family, "2026-11-02", items(i3=2))
    out = family("progress").stdout
    assert "To discuss at the next visit" in out
    assert "Feeding tube (gastrostomy) (new)" in out
    assert "Item 3 (swallowing) was scored 2 of 4 on 2026-11-02 (2 or less)." in out
    assert "Sources: ALSFRS-R (Cedarbaum et al. 1999); EAN guideline on the management of ALS (2024)" in out
    assert "not warnings for today" in out


# --- weight ------------------------------------------------------------------------------------------------
def test_weight_loss_of_10_percent_from_the_diagnosis_weight(family: Any) -> None:
    family("init", "--weight-at-diagnosis", "70", "--yes")
    family("log", "weight", "63.1", "--at", "2026-10-01")  # 9.9%: not yet
    assert "feeding-tube" not in open_prompts(family)
    family("log", "weight", "63", "--at", "2026-10-15")  # exactly 10% (ProGas: before 10% is lost)
    family("log", "weight", "62.5", "--at", "2026-11-01")
    assert open_prompts(family)["feeding-tube"] == ["weight-loss-10"]
    found = crossings(family, "weight-loss-10")
    assert [c["day"] for c in found] == ["2026-10-15"]  # once, however many weights follow
    assert "progas-2015" in found[0]["sources"]
    out = family("progress").stdout
    assert "Weight is 62.5 kg, 10.7% below the weight at diagnosis (70 kg). (since 2026-10-15)" in out
    assert "ProGas study of gastrostomy in ALS (2015)" in out


def test_bmi_under_18_5_needs_the_height(family: Any) -> None:
    family("log", "weight", "53", "--at", "2026-11-01")
    assert "feeding-tube" not in open_prompts(family)  # no height: no BMI
    family("config", "set", "height_cm", "170")
    assert open_prompts(family)["feeding-tube"] == ["bmi-under-18-5"]
    family("log", "weight", "52.5", "--at", "2026-11-05")  # still under: the same crossing
    assert len(crossings(family, "bmi-under-18-5")) == 1
    out = family("progress").stdout
    assert "BMI is 18.2 (52.5 kg at 170 cm), below 18.5. (since 2026-11-01)" in out
    assert "WHO: body mass index classification" in out
    family("log", "weight", "54", "--at", "2026-11-10")  # 18.7: over the line again
    assert "feeding-tube" not in open_prompts(family)


# --- breathing tests ----------------------------------------------------------------------------------
def breathe(run: Any, at: str, fvc: str, *extra: str) -> Any:
    return run("log", "breathing", "--fvc", fvc, "--at", at, *extra)


def test_fvc_falling_towards_50_prompts_the_tube_before_50(family: Any) -> None:
    breathe(family, "2026-06-01", "85")
    quiet = breathe(family, "2026-08-01", "82")  # falling, but above 80%
    assert "To discuss" not in quiet.stderr
    first = breathe(family, "2026-10-01", "74")  # 80% or less and falling: discuss before 50%
    assert "To discuss at the next visit: Feeding tube (gastrostomy)" in first.stderr
    assert "FVC is 74% and falling" in first.stderr and "before FVC is below 50%" in first.stderr
    assert "JNNP ALS management table" in first.stderr
    again = breathe(family, "2026-11-01", "70")
    assert "Feeding tube" not in again.stderr
    assert [c["day"] for c in crossings(family, "fvc-falling")] == ["2026-10-01"]


def test_a_steady_fvc_under_80_without_symptoms_prompts_nothing(family: Any) -> None:
    breathe(family, "2026-08-01", "75")
    breathe(family, "2026-10-01", "76")
    assert open_prompts(family) == {}


def test_fvc_under_50_prompts_both_the_tube_and_breathing_support(family: Any) -> None:
    shown = breathe(family, "2026-11-01", "48")
    assert "To discuss at the next visit: Feeding tube (gastrostomy)" in shown.stderr
    assert "To discuss at the next visit: Breathing assessment and breathing support (NIV)" in shown.stderr
    assert "Review of NIV thresholds in ALS" in shown.stderr
    assert open_prompts(family) == {"feeding-tube": ["fvc-under-50-tube"], "breathing": ["fvc-under-50"]}
    assert "To discuss" not in breathe(family, "2026-11-10", "46").stderr  # still under 50: shown once


def test_fvc_of_exactly_50_is_not_under_50(family: Any) -> None:
    breathe(family, "2026-11-01", "50")
    assert "fvc-under-50" not in open_prompts(family).get("breathing", [])


def test_snip_under_40(family: Any) -> None:
    breathe(family, "2026-10-01", "90", "--snip", "40")  # 40 alone: not under 40, and no symptom
    assert open_prompts(family) == {}
    shown = breathe(family, "2026-11-01", "90", "--snip", "38")
    assert "SNIP is 38 cmH2O, below 40." in shown.stderr
    assert "NICE CG105" in shown.stderr
    assert open_prompts(family) == {"breathing": ["snip-under-40"]}
    assert "To discuss" not in breathe(family, "2026-11-10", "90", "--snip", "36").stderr
    assert len(crossings(family, "snip-under-40")) == 1


def test_fvc_80_or_less_prompts_breathing_support_only_with_a_symptom(family: Any) -> None:
    breathe(family, "2026-11-01", "78")
    assert "breathing" not in open_prompts(family)
    family("log", "symptom", "poor-sleep", "--severity", "1", "--at", "2026-11-10")
    assert open_prompts(family)["breathing"] == ["weak-with-symptoms"]
    family("log", "symptom", "poor-sleep", "--severity", "2", "--at", "2026-11-12")
    assert len(crossings(family, "weak-with-symptoms")) == 1
    out = family("progress").stdout
    assert "FVC is 78% (80% or less) and there is a breathing symptom: Poor or unrefreshing sleep" in out
    assert "Sources: European consensus on breathing support (ENMC)" in out


@pytest.mark.parametrize("symptom", ["breathless-lying-flat", "morning-headache", "daytime-sleepiness"])
def test_a_logged_breathing_symptom_prompts_an_assessment_once(family: Any, symptom: str) -> None:
    family("log", "symptom", "cramps", "--severity", "2")
    assert "breathing" not in open_prompts(family)
    family("log", "symptom", symptom, "--severity", "1", "--at", "2026-11-10")
    family("log", "symptom", symptom, "--severity", "2", "--at", "2026-11-12")
    assert open_prompts(family)["breathing"] == [f"symptom-{symptom}"]
    assert len(crossings(family, f"symptom-{symptom}")) == 1
    out = family("progress").stdout
    assert "European consensus on breathing support (ENMC)" in out


def test_a_logged_symptom_stops_counting_after_30_quiet_days(family: Any) -> None:
    family("log", "symptom", "morning-headache", "--severity", "1", "--at", "2026-09-01")
    assert "breathing" not in open_prompts(family)


# --- today mentions a prompt that is new -------------------------------------------------------------------
def test_today_mentions_a_new_prompt_for_a_week(family: Any, clock: Callable[..., None]) -> None:
    assert "New to discuss" not in family("today").stdout
    rate(family, "2026-11-18", items(i1=3))
    assert ("New to discuss at the next visit: Communication aid and voice banking (see `caretool progress`)"
            in family("today").stdout)
    assert [p["id"] for p in family.json("today")["prompts"]] == ["communication"]
    clock("2026-11-28T21:00:00+00:00")  # eight days later: not new any more
    assert "New to discuss" not in family("today").stdout
    assert "communication" in open_prompts(family)  # still listed by `caretool progress`


def test_today_does_not_call_an_old_crossing_new(family: Any, clock: Callable[..., None]) -> None:
    """A new rating that stays past a line crossed months ago is not a new prompt (the rating that
    crossed it is older than the weeks `today` reads: the months before are read for it)."""
    clock("2026-05-02T09:00:00+00:00")
    rate(family, "2026-05-01", items(i1=3))
    clock(NOW)
    rate(family, "2026-11-18", items(i1=2))
    assert "New to discuss" not in family("today").stdout
    assert "communication" in open_prompts(family)


# --- the report asks about the prompts crossed in its period ------------------------------------------------
def test_the_report_asks_about_a_prompt_crossed_in_its_week(family: Any) -> None:
    rate(family, "2026-11-10", items(i3=2))  # in 2026-W46 (9-15 Nov)
    report = json.loads(family("report", "--week", "2026-W46", "--format", "json").stdout)
    asked = [q for q in report["questions"] if q["why"] == "progression"]
    assert [q["text"] for q in asked] == [
        "Feeding tube (gastrostomy): Item 3 (swallowing) was scored 2 of 4 on 2026-11-10 (2 or less). Is it "
        "time to plan for this, and what are the options?"]
    assert asked[0]["sources"] == ["cedarbaum-1999", "ean-2024"]
    later = json.loads(family("report", "--week", "2026-W47", "--format", "json").stdout)
    assert not [q for q in later["questions"] if q["why"] == "progression"]  # asked once, in its week
    assert later["progression"]["prompts"][0]["id"] == "feeding-tube"  # still open in the section


# --- every source a prompt cites is in docs/clinical-sources.md -------------------------------------------
def test_every_prompt_source_is_an_anchor_with_a_title() -> None:
    import re
    from pathlib import Path

    from caretool.domain.progress import prompts

    text = (Path(__file__).resolve().parents[1] / "docs" / "clinical-sources.md").read_text(encoding="utf-8")
    anchors = set(re.findall(r'<a id="([a-z0-9\-]+)"></a>\n### ', text))
    cited = {a for t in prompts.TRIGGERS for a in t.sources}
    assert cited <= anchors, cited - anchors
    assert cited <= set(prompts.SOURCES), cited - set(prompts.SOURCES)
    table = re.findall(r"^\| [a-z ]+ \| (`[a-z0-9\-]+`(?:, `[a-z0-9\-]+`)*) \|", text, flags=re.M)
    in_table = {t for row in table for t in re.findall(r"`([a-z0-9\-]+)`", row)}
    assert in_table == {t.id for t in prompts.TRIGGERS}  # the table in the docs lists every trigger


def test_a_crossing_at_the_first_entry_read_says_or_before_only_when_older_months_exist(family: Any) -> None:
    rate(family, "2026-08-01", items(i1=3))
    rate(family, "2026-11-01", items(i1=3))
    out = family("progress").stdout
    assert "Item 1 (speech) was scored 3 of 4 on 2026-11-01 (3 or less). (since 2026-08-01)" in out
    family("log", "note", "an old note", "--at", "2025-01-10")  # months older than the 6 shown
    out = family("progress").stdout
    assert "(3 or less). (since 2026-08-01 or before)" in out


def test_a_machine_or_tube_already_in_use_changes_the_question(run: Any, household: Any) -> None:
    """FVC below 50% asks about NIV and a tube; with both registered, whether they need to change."""
    household()
    run("log", "breathing", "--fvc", "45")

    def actions() -> dict[str, str]:
        return {p["id"]: p["action"] for p in run.json("progress")["prompts"]}

    before = actions()
    assert "would help" in before["breathing"] and "plan a feeding tube" in before["feeding-tube"]
    run("equipment", "add", "niv")
    run("equipment", "add", "peg")
    after = actions()
    assert after["breathing"].startswith("Breathing support is already in use")
    assert after["feeding-tube"].startswith("A feeding tube is already in place")
