"""`caretool progress` and the report's Progression section as a family sees them: the latest rating
with its total, ΔFS and stages; charts that fit 80 columns without colour; every number under --json;
the same figures in the text, Markdown, HTML (with inline SVG charts) and JSON reports."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from caretool.core.text import width

NOW = "2026-11-20T21:00:00+00:00"
# onset 2025-11-20 for the worked example: a rating of 36 twelve months later is ΔFS 1.0
RATINGS = [("2026-06-20", "4,4,4,3,4,4,4,3,4,4,4,4"),  # 46
           ("2026-08-20", "4,3,4,3,3,4,4,3,3,4,4,4"),  # 43
           ("2026-10-20", "3,3,3,3,3,3,3,3,3,4,4,4"),  # 39
           ("2026-11-20", "3,3,2,3,3,3,3,2,2,4,4,4")]  # 36


@pytest.fixture(autouse=True)
def pinned(clock: Callable[..., None]) -> None:
    clock(NOW)


@pytest.fixture
def family(run: Any) -> Any:
    run("init", "--person", "Min-jun", "--onset", "2025-11-20", "--diagnosed", "2026-03-01",
        "--weight-at-diagnosis", "72", "--height", "170", "--caregiver", "Ji-woo", "--yes")
    for day, scores in RATINGS:
        run("rating", "add", "--at", day, "--items", scores)
    for day, kg in (("2026-06-01", 71.0), ("2026-08-20", 69.5), ("2026-10-20", 68.0), ("2026-11-18", 67.0)):
        run("log", "weight", str(kg), "--at", day)
    for day, fvc in (("2026-06-20", "92"), ("2026-09-20", "84"), ("2026-11-20", "77")):
        run("log", "breathing", "--fvc", fvc, "--at", day)
    run("log", "breathing", "--fvc", "66", "--position", "lying", "--at", "2026-11-20")
    return run


def test_json_has_every_number(family: Any) -> None:
    data = family.json("progress")
    latest = data["latest"]
    assert (latest["day"], latest["total"], latest["delta_fs"]) == ("2026-11-20", 36, 1.0)
    assert latest["delta_fs_band"] == "intermediate"
    assert latest["kings"]["stage"] == "3" and latest["mitos"]["stage"] == "0"
    assert latest["kings"]["regions"] == ["bulbar", "lower-limb", "upper-limb"]
    assert data["slope"]["ratings"] == 4 and data["slope"]["per_month"] == pytest.approx(-1.99, abs=0.05)
    assert [t["stage"] for t in data["timeline"]["kings"]] == ["2", "3"]
    w = data["weight"]
    assert w["baseline"] == {"basis": "diagnosis", "kg": 72.0, "day": "2026-03-01"}
    assert w["from_baseline"]["percent"] == -6.9 and w["bmi"] == 23.2
    assert w["over"]["1"]["from"]["kg"] == 68.0 and w["over"]["3"]["from"]["kg"] == 69.5
    assert w["over"]["6"]["from"] == {"day": "2026-06-01", "kg": 71.0, "id": w["points"][0]["id"]}
    b = data["breathing"]
    assert b["latest"]["fvc"] == 66.0 and b["latest"]["position"] == "lying"
    assert b["trend"]["results"] == 3 and b["trend"]["per_month"] < 0
    assert [p["id"] for p in data["prompts"]] == ["feeding-tube", "communication"]
    assert data["onset"] == "2025-11-20"


def test_the_terminal_view(family: Any) -> None:
    out = family("progress").stdout
    assert "The scores are the care team's ALSFRS-R rating; caretool does not rate." in out
    assert "Latest rating, 2026-11-20: 36 of 48" in out
    assert "ΔFS since the first symptoms: 1.00 points a month over 12 months. An estimate" in out
    assert "Labra et al. 2016" in out and "this figure is in between" in out
    slope = family.json("progress")["slope"]["per_month"]
    assert (f"Trend over the last 6 months: {slope:+.2f} points a month (4 ratings, 2026-06-20 to "
            "2026-11-20).") in out
    assert "King's stage (estimated from the items): 3" in out
    assert "    - legs: item 8 is below 4" in out
    assert "MiToS stage: 0" in out
    assert "Since the weight at diagnosis (72 kg): -5.0 kg (-6.9%)" in out
    assert "BMI: 23.2 (height 170 cm)" in out
    assert "Over 1 month: -1.0 kg (-1.5%) since 2026-10-20" in out
    assert "Latest FVC: 66% of predicted (lying) on 2026-11-20" in out
    assert "Functional rating (ALSFRS-R total, 0-48)" in out and "Weight (kg)" in out
    assert "FVC (% of predicted): * sitting or not given, o lying" in out


def test_the_charts_fit_80_columns_in_plain_ascii_without_colour(family: Any) -> None:
    out = family("progress").stdout
    assert "\x1b" not in out  # NO_COLOR (set for every test): no escape codes at all
    chart_lines = [line for line in out.splitlines() if re.match(r"^\s*[\d.]*\|", line) or "+---" in line]
    assert len(chart_lines) >= 3 * 9
    assert all(width(line) <= 80 and line.isascii() for line in chart_lines)
    assert any("80%" in line and "- - -" in line for line in chart_lines)  # the reference lines
    assert any("50%" in line for line in chart_lines)
    assert any("-10%" in line for line in chart_lines)  # weight 10% below the baseline
    assert "2026-06-20" in out and "o" in "".join(chart_lines)


def test_an_empty_household_says_what_to_record(run: Any, household: Callable[..., Any]) -> None:
    household()
    out = run("progress").stdout
    assert "No functional rating yet. After a clinic visit, record the care team's rating: caretool rating " \
           "add" in out
    assert "No breathing test yet" in out
    assert "Nothing from these numbers needs a decision yet." in out
    assert run.json("progress")["latest"] is None


def test_without_an_onset_there_is_no_delta_fs(run: Any) -> None:
    run("init", "--person", "Min-jun", "--caregiver", "Ji-woo", "--yes")
    run("rating", "add", "--items", "4,4,4,4,4,4,4,4,4,4,4,3")
    assert "ΔFS needs the date the first symptoms began" in run("progress").stdout
    assert run.json("progress")["latest"]["delta_fs"] is None


def test_months_and_all(family: Any) -> None:
    assert family.json("progress", "--months", "1")["window"]["start"] == "2026-10-01"
    assert len(family.json("progress", "--months", "1")["ratings"]) == 2
    assert len(family.json("progress", "--all")["ratings"]) == 4
    refused = family("progress", "--months", "0", code=2).stderr
    assert "--months must be a whole number from 1 to 240" in refused


def test_a_rating_older_than_the_window_is_still_found(run: Any, household: Callable[..., Any]) -> None:
    """Ratings are sparse: the months before the window are read until the latest one turns up."""
    household()
    run("rating", "add", "--at", "2025-12-01", "--items", "4,4,3,4,4,4,4,4,4,4,4,4")
    data = run.json("progress")
    assert data["latest"]["day"] == "2025-12-01" and data["ratings"][0]["total"] == 47


def test_not_set_up(run: Any) -> None:
    assert "caretool init" in run("progress", code=3).stderr


# --- the report ------------------------------------------------------------------------------------
def test_every_report_format_has_the_progression_section(family: Any, tmp_path: Path) -> None:
    text = family("report", "--this-week").stdout
    assert "Progression" in text and "Latest rating, 2026-11-20: 36 of 48" in text
    assert "King's stage (estimated from the items): 3" in text
    md = family("report", "--this-week", "--format", "md").stdout
    assert "\n## Progression\n" in md
    assert "| 2026-11-20 | 36 | 3 | 0 | 1.00 |" in md
    data = json.loads(family("report", "--this-week", "--format", "json").stdout)
    assert data["progression"]["latest"]["delta_fs"] == 1.0
    asked = [q for q in data["questions"] if q["why"] == "progression"]
    assert [q["prompt"] for q in asked] == ["feeding-tube"]  # crossed this week; speech crossed in October
    target = tmp_path / "week.html"
    family("report", "--this-week", "--format", "html", "--output", str(target))
    page = target.read_text()
    assert page.count("<svg ") == 3 and "<script" not in page.lower()
    assert "Functional rating (ALSFRS-R total, 0-48)" in page
    assert 'stroke-dasharray="5 3"' in page  # the 80% and 50% lines, dashed for black and white
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_the_report_does_not_ask_about_the_tube_twice(run: Any, household: Callable[..., Any]) -> None:
    household()
    run("log", "weight", "70", "--at", "2026-11-01")
    run("log", "weight", "62", "--at", "2026-11-18")  # 11% below the first weight
    data = json.loads(run("report", "--this-week", "--format", "json").stdout)
    ids = [q["id"] for q in data["questions"]]
    assert "report.question.decision" in ids and "report.question.feeding-tube" not in ids
