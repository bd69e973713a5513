"""Recording the clinic's numbers: `caretool rating add` and `caretool log breathing`, their bad input
(exit 2, nothing written), the interview, and the registry's handling of the two new kinds (history,
edit, delete, undo, export and import)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

NOW = "2026-11-20T21:00:00+00:00"
SCORES = "4,4,3,3,3,4,3,3,4,4,4,4"  # total 43


@pytest.fixture(autouse=True)
def pinned(clock: Callable[..., None]) -> None:
    clock(NOW)


@pytest.fixture
def family(run: Any, household: Callable[..., Any]) -> Any:
    household()  # onset 2024-03-01
    return run


def entries(run: Any) -> list[dict[str, Any]]:
    return list(run.json("history"))


def test_a_rating_is_stored_with_its_scores_and_total(family: Any) -> None:
    record = family.json("rating", "add", "--at", "2026-11-02", "--items", SCORES)
    assert record["kind"] == "rating" and record["day"] == "2026-11-02"
    assert (record["speech"], record["swallowing"], record["walking"],
            record["respiratory_insufficiency"]) == (4, 3, 3, 4)
    assert record["total"] == 43 and record["gastrostomy"] is False
    line = family("history").stdout
    assert "ALSFRS-R 43 of 48 (the care team's rating)" in line


def test_scores_by_item_name_and_the_gastrostomy_form(family: Any) -> None:
    names = ["--speech", "--salivation", "--swallowing", "--handwriting", "--cutting-food",
             "--dressing-hygiene", "--turning-in-bed", "--walking", "--climbing-stairs", "--dyspnoea",
             "--orthopnoea", "--respiratory-insufficiency"]
    args = [part for name, score in zip(names, SCORES.split(","), strict=True) for part in (name, score)]
    record = family.json("rating", "add", *args, "--gastrostomy")
    assert record["total"] == 43 and record["gastrostomy"] is True
    assert "item 5 on its gastrostomy form" in family("history").stdout


BAD = [
    (["--items", "4,4,3,3,3,4,3,3,4,4,4"], "--items has 11 scores; the ALSFRS-R has exactly 12"),
    (["--items", "4,4,3,3,3,4,3,3,4,4,4,4,4"], "--items has 13 scores; the ALSFRS-R has exactly 12"),
    (["--items", "4,4,5,3,3,4,3,3,4,4,4,4"], "item 3 (swallowing) 5 is out of range"),
    (["--items", "4,4,-1,3,3,4,3,3,4,4,4,4"], "item 3 (swallowing) -1 is out of range"),
    (["--items", "4,4,2.5,3,3,4,3,3,4,4,4,4"], "item 3 (swallowing) 2.5 is not a whole number"),
    (["--speech", "4", "--salivation", "4"], "10 item scores are missing, the first is item 3 (swallowing)"),
    (["--items", SCORES, "--speech", "3"], "the scores were given both with --items and by item name"),
    (["--items", SCORES, "--at", "2024-02-01"], "the rating is dated 2024-02-01, before the first symptoms "
                                                "(2024-03-01)"),
    (["--items", SCORES, "--at", "2099-01-01"], "in the future"),
]


@pytest.mark.parametrize(("args", "problem"), BAD, ids=[b[1][:30] for b in BAD])
def test_a_bad_rating_exits_2_and_writes_nothing(family: Any, args: list[str], problem: str) -> None:
    result = family("rating", "add", *args, code=2)
    assert problem in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr  # one line with the fix
    assert entries(family) == []


@pytest.mark.parametrize(("args", "problem"), [
    (["--fvc", "0"], "FVC 0 is out of range (fix: type FVC as % of predicted, between 5 and 150"),
    (["--fvc", "300"], "FVC 300 is out of range"),
    (["--fvc", "seventy"], "FVC 'seventy' is not a number"),
    (["--fvc", "72", "--snip", "500"], "SNIP 500 is out of range"),
    (["--fvc", "72", "--position", "standing"], "position 'standing' is not sitting or lying"),
])
def test_a_bad_breathing_test_exits_2_and_writes_nothing(family: Any, args: list[str], problem: str) -> None:
    result = family("log", "breathing", *args, code=2)
    assert problem in result.stderr
    assert entries(family) == []


def test_a_breathing_test_is_stored(family: Any) -> None:
    record = family.json("log", "breathing", "--fvc", "72.5", "--snip", "45", "--position", "supine")
    assert (record["fvc"], record["snip"], record["position"]) == (72.5, 45.0, "lying")
    plain = family.json("log", "breathing", "--fvc", "80")
    assert plain["snip"] is None and plain["position"] is None
    shown = family("history").stdout
    assert "breathing test: FVC 72.5% (lying), SNIP 45 cmH2O" in shown
    assert "breathing test: FVC 80%" in shown


def test_the_interview_asks_item_by_item_and_again_after_a_typo(family: Any) -> None:
    typed = ["2026-11-02", "n", "4", "4", "5", "3", "3", "3", "4", "3", "3", "4", "4", "4", "4"]
    result = family("rating", "add", input="".join(f"{t}\n" for t in typed))
    assert "caretool shows only each item's number and name" in result.stderr
    assert "Item 3 (swallowing), 0-4" in result.stderr
    assert "item 3 (swallowing) 5 is out of range" in result.stderr and "Please try again" in result.stderr
    record = entries(family)[0]
    assert record["day"] == "2026-11-02" and record["total"] == 43 and record["swallowing"] == 3


def test_the_interview_refuses_a_date_before_onset_at_its_question(family: Any) -> None:
    typed = ["2024-01-01", "2026-11-02", "y", *["4"] * 12]
    result = family("rating", "add", input="".join(f"{t}\n" for t in typed))
    assert "before the first symptoms (2024-03-01)" in result.stderr
    record = entries(family)[0]
    assert record["day"] == "2026-11-02" and record["gastrostomy"] is True and record["total"] == 48


def test_cancelling_the_interview_saves_nothing(family: Any) -> None:
    result = family("rating", "add", input="2026-11-02\nn\n4\n4\n", code=1)
    assert "cancelled; nothing was saved" in result.stderr
    assert entries(family) == []


def test_edit_recomputes_the_total_and_undo_and_delete_work(family: Any) -> None:
    stored = family.json("rating", "add", "--at", "2026-11-02", "--items", SCORES)
    changed = family.json("edit", stored["id"][:7], "--swallowing", "1", "--gastrostomy")["after"]
    assert changed["swallowing"] == 1 and changed["total"] == 41 and changed["gastrostomy"] is True
    family("edit", stored["id"][:7], "--swallowing", "6", code=2)
    family("edit", stored["id"][:7], "--total", "40", code=2)  # the total is worked out, never typed
    family("undo")
    assert entries(family)[0]["total"] == 43
    test = family.json("log", "breathing", "--fvc", "70")
    assert family.json("edit", test["id"][:7], "--snip", "38")["after"]["snip"] == 38.0
    family("delete", test["id"][:7])
    assert [r["kind"] for r in entries(family)] == ["rating"]
    family("undo")
    assert sorted(r["kind"] for r in entries(family)) == ["breathing", "rating"]


def test_export_and_import_keep_ratings_and_breathing_tests(family: Any, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    family("rating", "add", "--at", "2026-11-02", "--items", SCORES, "--gastrostomy")
    family("log", "breathing", "--fvc", "70", "--snip", "41", "--position", "sitting")
    target = tmp_path / "all.json"
    family("export", "--output", str(target))
    kinds = sorted(r["kind"] for r in json.loads(target.read_text())["records"])
    assert kinds == ["breathing", "rating"]
    csv = tmp_path / "all.csv"
    family("export", "--format", "csv", "--output", str(csv))
    header = csv.read_text().splitlines()[0].split(",")
    wanted = {"speech", "respiratory_insufficiency", "gastrostomy", "total", "fvc", "snip", "position"}
    assert wanted <= set(header)
    monkeypatch.setenv("CARETOOL_HOME", str(tmp_path / "other"))
    family("init", "--person", "Min-jun", "--onset", "2024-03-01", "--caregiver", "Ji-woo", "--yes")
    family("import", str(target))
    back = {r["kind"]: r for r in entries(family)}
    assert back["rating"]["total"] == 43 and back["rating"]["gastrostomy"] is True
    assert back["breathing"]["snip"] == 41.0


def test_height_and_birth_year_settings(family: Any) -> None:
    family("config", "set", "height_cm", "172.5")
    family("config", "set", "birth_year", "1961")
    shown = family.json("config", "show")["settings"]
    assert shown["height_cm"] == 172.5 and shown["birth_year"] == 1961
    assert "height 40 is out of range" in family("config", "set", "height_cm", "40", code=2).stderr
    refused = family("config", "set", "birth_year", "2990", code=2).stderr
    assert "year of birth 2990 is out of range" in refused
    family("init", "--height", "168", "--birth-year", "1960", "--yes")
    shown = family.json("config", "show")["settings"]
    assert shown["height_cm"] == 168 and shown["birth_year"] == 1960
    family("init", "--height", "1.68", "--yes", code=2)  # metres, not centimetres


def test_init_asks_the_height_and_takes_a_year_of_birth(run: Any) -> None:
    # language, name, born (a year), onset, diagnosed, weight, height, caregivers, phase, allergies, contact
    typed = ["", "Min-jun", "1961", "2024-03-01", "", "", "172", "Ji-woo", "2", "", ""]
    result = run("init", input="".join(f"{t}\n" for t in typed))
    assert "Their height in cm, for BMI (Enter to skip)" in result.stderr
    settings = run.json("config", "show")["settings"]
    assert settings["height_cm"] == 172 and settings["birth_year"] == 1961
    assert run.json("init", "--yes")["person"].get("born") is None
