"""`caretool demo`: a sample household in a throwaway folder, never in the user's data home."""

from __future__ import annotations

import json
import re
import tempfile
import time
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from caretool.demo import sample
from caretool.store import Store

NOW = "2026-11-20T21:00:00+00:00"  # a Friday: the demo's report is 2026-W46


@pytest.fixture(autouse=True)
def pinned(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    monkeypatch.setenv("CARETOOL_NOW", NOW)
    (tmp_path / "temp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))  # where mkdtemp puts the demo
    yield
    monkeypatch.undo()
    time.tzset()


def demo_home(stdout: str) -> Path:
    match = re.search(r"CARETOOL_HOME=(\S+) caretool history", stdout)
    assert match, stdout
    return Path(match.group(1))


def test_demo_runs_end_to_end_and_leaves_the_data_home_alone(run: Any, home: Path, tmp_path: Path) -> None:
    result = run("demo")
    assert not home.exists()  # CARETOOL_HOME names it; the demo must not create or touch it
    out = result.stdout
    folder = demo_home(out)
    assert folder.parent == tmp_path / "temp"
    assert "Today, 2026-11-20 - caring for Min-jun" in out
    assert "Care report for Min-jun" in out and "Week 2026-W46" in out
    for title in ("Warnings", "Symptoms", "Medications", "Care hours", "Caregivers",
                  "Questions for the care team"):
        assert title in out
    assert "Choking" in out and "Missed Riluzole" in out
    assert str(folder) in result.stderr


def test_the_suggested_commands_work_on_the_sample(run: Any, home: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    folder = demo_home(run("demo").stdout)
    monkeypatch.setenv("CARETOOL_HOME", str(folder))
    assert len(run.json("history", "--limit", "20")) == 20
    data = run.json("report")
    assert len(data["overview"]["caregivers"]) == 3
    assert data["overview"]["phase_changes"] and data["warnings"]
    assert {m["name"] for m in data["medications"]["items"]} == {"Riluzole", "Baclofen"}
    assert sum(m["missed"] for m in data["medications"]["items"]) >= 2
    hours = {c["name"]: c for c in data["care_hours"]["caregivers"]}
    assert hours["Ji-woo"]["share"] > 50 and hours["Ji-woo"]["night"] > 0
    tired = {c["name"]: c for c in data["caregivers"]["items"]}["Ji-woo"]
    assert tired["sleep_mean"] < 6 and tired["stress_mean"] >= 7 and tired["breaks"] <= 1
    assert tired["burnout"]["level"] == "high"
    trends = {s["trend"] for s in data["symptoms"]["items"]}
    assert {"new", "worse", "gone"} <= trends
    run("report", "--format", "html", "--output", str(folder / "week.html"))
    assert not home.exists()


def test_root_home_option_is_not_used_by_demo(run: Any, tmp_path: Path) -> None:
    mine = tmp_path / "my-real-data"
    run("--home", str(mine), "demo")
    assert not mine.exists()


def test_demo_home_option_builds_there_and_refuses_a_folder_in_use(run: Any, tmp_path: Path) -> None:
    target = tmp_path / "try"
    run("demo", "--home", str(target))
    assert (target / "household.json").is_file()
    assert demo_home(run("demo", "--home", str(tmp_path / "again")).stdout) == tmp_path / "again"
    result = run("demo", "--home", str(target), code=2)
    assert "not an empty folder" in result.stderr


def built(folder: Path, seed: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    with Store(folder, write=True) as store:
        sample.build(store, start=date(2026, 10, 1), end=date(2026, 11, 20), seed=seed,
                     now=datetime.fromisoformat(NOW))
    with Store(folder) as store:
        found = sorted((r for key in store.month_keys() for r in store.month_records(key)),
                       key=lambda r: r["id"])
        tables = store.household_tables()
        return found, tables["caregivers"] + tables["medications"]


def test_the_sample_is_deterministic(tmp_path: Path) -> None:
    first = built(tmp_path / "a", 3)
    assert first == built(tmp_path / "b", 3)
    assert json.dumps(first) != json.dumps(built(tmp_path / "c", 4))


def test_sample_entries_are_valid_and_never_in_the_future(tmp_path: Path) -> None:
    from caretool.domain.entries import model as records
    with Store(tmp_path / "s", write=True) as store:
        summary = sample.build(store, start=date(2026, 9, 1), end=date(2026, 12, 31), caregivers=5,
                               per_day=20, now=datetime.fromisoformat(NOW))
    assert summary["end"] == "2026-11-20" and len(summary["caregivers"]) == 5
    with Store(tmp_path / "s") as store:
        found = [r for key in store.month_keys() for r in store.month_records(key)]
    assert len(found) >= 20 * 80
    for r in found:
        fields = {k: v for k, v in r.items() if k not in records.COMMON}
        assert records.validate(r["kind"], fields) == fields
        assert datetime.fromisoformat(r["at"]) <= datetime.fromisoformat(NOW)


def test_the_sample_refuses_a_home_with_a_household(run: Any, household: Any, home: Path) -> None:
    household()
    from caretool.core.errors import BadInput

    with Store(home, write=True) as store, pytest.raises(BadInput):
        sample.build(store, start=date(2026, 11, 1), end=date(2026, 11, 20))


def test_an_empty_period_sets_up_the_household_only(tmp_path: Path) -> None:
    with Store(tmp_path / "e", write=True) as store:
        summary = sample.build(store, start=date(2026, 11, 21), end=date(2026, 11, 20),
                               now=datetime.fromisoformat(NOW))
    assert summary["records"] == 0 and summary["medications"] == ["Riluzole", "Baclofen"]
    with Store(tmp_path / "e") as store:
        assert store.month_keys() == [] and store.household_tables()["caregivers"]


def test_demo_as_json(run: Any, home: Path) -> None:
    data = run.json("demo")
    assert Path(data["home"]).is_dir() and not home.exists()
    assert data["today"]["person"] == "Min-jun" and data["report"]["period"]["label"] == "2026-W46"
    assert data["sample"]["records"] > 500


def test_the_sample_stores_ids_not_warning_prose(tmp_path: Path) -> None:
    """Warnings are worked out when read; the sample stores none, yet its report has them."""
    found, _ = built(tmp_path / "w", 7)
    assert found and all(not r.get("warnings") for r in found)
    from caretool.domain.report import service

    with Store(tmp_path / "w") as store:
        data = service.report(store, service.resolve_period(today=date(2026, 11, 20)))
    assert {w["rule"] for w in data["warnings"]} >= {"choking", "fall"}


def test_the_sample_never_answers_the_crisis_question(tmp_path: Path) -> None:
    from caretool.domain.burnout import selfcheck

    found, _ = built(tmp_path / "c", 7)
    checks = [r for r in found if r["kind"] == "selfcheck"]
    assert checks and not any(selfcheck.needs_crisis_help(r["answers"]) for r in checks)
    assert {r["caregiver"] for r in checks} and max(r["score"] for r in checks) > selfcheck.MAX_SCORE // 2
