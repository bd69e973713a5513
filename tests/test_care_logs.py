"""The machines' logs (niv, cough-assist, suction, feed, tube-change): refused input, records like
every other kind, the red flags they raise (each with its source, and not otherwise), and the
report's "Breathing and feeding care" section."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from caretool.domain.care import redflags
from caretool.domain.care.flags import TODAY, URGENT

NOW = "2026-11-23T10:00:00+00:00"  # a Monday: the last complete week is 2026-W47 (16-22 Nov)
TODAY_DAY = date(2026, 11, 23)


@pytest.fixture(autouse=True)
def pinned(clock: Callable[..., None]) -> None:
    clock(NOW)


# --- bad input --------------------------------------------------------------------------------------
@pytest.mark.parametrize(("args", "problem"), [
    (["niv", "25"], "hours on NIV 25 is out of range"),
    (["niv", "--night", "--", "-1"], "hours on NIV -1 is out of range"),
    (["niv", "lots"], "hours on NIV 'lots' is not a number"),
    (["suction", "--times", "-1"], "times -1 is out of range"),
    (["suction", "--times", "1.5"], "is not a whole number"),
    (["cough-assist", "--sessions", "51"], "sessions 51 is out of range"),
    (["feed", "0"], "feed (mL) 0 is out of range"),
    (["feed", "10000"], "feed (mL) 10000 is out of range"),
    (["feed", "250", "--via", "nose"], "'nose' is not a feeding route"),
])
def test_bad_input_exits_2_and_nothing_is_written(run: Any, household: Any, home: Path, args: list[str],
                                                 problem: str) -> None:
    household()
    result = run("log", *args, code=2)
    assert problem in result.stderr and "fix:" in result.stderr
    assert run.json("history") == []
    entries = home / "entries"
    assert not entries.exists() or not list(entries.glob("*.json"))


def test_each_kind_is_an_entry_like_any_other(run: Any, household: Any, tmp_path: Path) -> None:
    household()
    niv = run.json("log", "niv", "7.5", "--night", "--at", "2026-11-22 07:00")
    run("log", "cough-assist", "--sessions", "3", "--at", "2026-11-22 19:00")
    run("log", "suction", "--at", "2026-11-22 20:00")
    run("log", "feed", "250", "--at", "2026-11-22 12:00")
    run("log", "feed", "100", "--via", "mouth", "--at", "2026-11-22 13:00")
    run("log", "tube-change", "--note", "size 16", "--at", "2026-11-22 10:00")
    lines = run("history").stdout
    for words in ("7.5 h on NIV overnight", "3 cough assist sessions", "suction 1 time",
                  "feed 250 mL by tube",
                  "feed 100 mL by mouth", "feeding tube changed: size 16"):
        assert words in lines
    assert [r["kind"] for r in run.json("history", "--kind", "cough-assist")] == ["cough-assist"]
    edited = run.json("edit", niv["id"], "--hours", "9", "--day")
    assert (edited["after"]["hours"], edited["after"]["night"]) == (9, False)
    run("edit", niv["id"], "--hours", "25", code=2)
    run("undo")
    assert run.json("history", "--kind", "niv")[0]["hours"] == 7.5
    exported = tmp_path / "export.json"
    run("export", "--output", str(exported))
    kinds = sorted(r["kind"] for r in json.loads(exported.read_text())["records"])
    assert kinds == ["cough-assist", "feed", "feed", "niv", "suction", "tube-change"]
    other = tmp_path / "other-computer"
    run("--home", str(other), "import", str(exported))
    assert len(run.json("--home", str(other), "history")) == 6
    csv = run("export", "--format", "csv").stdout
    assert "sessions" in csv.splitlines()[0] and "ml" in csv.splitlines()[0]


# --- red flags, rule by rule ------------------------------------------------------------------------
_ids = iter(range(10**6))


def entry(kind: str, days_ago: int, hour: int, **fields: Any) -> dict[str, Any]:
    day = TODAY_DAY - timedelta(days=days_ago)
    return {"id": f"c{next(_ids):05d}", "kind": kind, "day": day.isoformat(),
            "at": f"{day.isoformat()}T{hour:02d}:00:00+00:00", **fields}


def niv(hours: float, days_ago: int = 0, *, night: bool = True, hour: int = 7) -> dict[str, Any]:
    return entry("niv", days_ago, hour, hours=hours, night=night)


def feed(days_ago: int, ml: int = 250) -> dict[str, Any]:
    return entry("feed", days_ago, 12, ml=ml, via="peg")


@dataclass
class Home:
    settings: dict[str, Any] = field(default_factory=dict)
    contacts: list[dict[str, Any]] = field(default_factory=list)
    equipment: list[dict[str, Any]] = field(default_factory=list)
    person: dict[str, Any] = field(default_factory=dict)
    medications: list[dict[str, Any]] = field(default_factory=list)


class FakeStore:
    def __init__(self, records: list[dict[str, Any]]) -> None:
        self.records = records

    def records_between(self, start: date, end: date) -> list[dict[str, Any]]:
        return sorted((r for r in self.records if start.isoformat() <= r["day"] <= end.isoformat()),
                      key=lambda r: r["at"])

    def month_keys(self) -> list[str]:
        return sorted({r["day"][:7] for r in self.records})

    def month_records(self, key: str) -> list[dict[str, Any]]:
        return [r for r in self.records if r["day"][:7] == key]


def raised(new: dict[str, Any], *before: dict[str, Any], home: Home | None = None) -> dict[str, Any]:
    return {f.rule: f for f in redflags.flags_for([new], FakeStore(list(before)), home or Home())}


def test_niv_in_the_daytime_warns_the_first_time_with_its_sources() -> None:
    found = raised(niv(2, night=False, hour=15), niv(7, 1), niv(7, 2))
    flag = found["niv-daytime"]
    assert flag.urgency == TODAY and {"mnda-niv-more", "niv4mnd", "mnda-oxygen"} <= set(flag.sources)
    text = redflags.text_of(flag)
    assert "2 h on NIV in the daytime" in str(text.why) and "care team today" in str(text.action)
    assert any("Oxygen given without monitoring" in str(m) for m in text.more)  # a breathing warning


@pytest.mark.parametrize(("new", "before"), [
    (niv(2, night=False, hour=15), (niv(1, 5, night=False, hour=14),)),  # reported this month already
    (niv(8), ()),  # at night
    (niv(0, night=False, hour=15), ()),  # logged as none
])
def test_niv_in_the_daytime_near_misses(new: dict[str, Any], before: tuple[dict[str, Any], ...]) -> None:
    assert "niv-daytime" not in raised(new, *before)


def test_niv_over_8_hours_a_day_warns_when_the_day_crosses_the_line() -> None:
    flag = raised(niv(3, night=False, hour=15), niv(6, 0, hour=7))["niv-dependent"]  # 6 + 3 = 9 h that day
    assert flag.urgency == TODAY and flag.params["hours"] == 9 and flag.sources[0] == "niv4mnd"
    assert "More than 8 hours a day" in str(redflags.text_of(flag).why)
    assert "niv-dependent" in raised(niv(8.5), niv(7, 1))


@pytest.mark.parametrize(("new", "before"), [
    (niv(8), ()),  # 8 hours is not more than 8
    (niv(2, night=False, hour=15), (niv(7.5, 0, hour=7), niv(9, 10))),  # over 8 ten days ago already
    (niv(1, night=False, hour=18), (niv(7, 0, hour=7), niv(2, 0, night=False, hour=15))),  # crossed earlier
])
def test_niv_over_8_hours_near_misses(new: dict[str, Any], before: tuple[dict[str, Any], ...]) -> None:
    assert "niv-dependent" not in raised(new, *before)


def test_a_tube_that_came_out_raises_the_same_hours_tube_out_warning() -> None:
    flag = raised(entry("tube-change", 0, 10, came_out=True, note=""))["tube-out"]
    assert flag.urgency == URGENT and flag.sources == ("nhs-gastrostomy-tube-out",)
    assert "within hours" in str(redflags.text_of(flag).action)
    assert raised(entry("tube-change", 0, 10, came_out=False, note="planned")) == {}


def no_feeds(records: list[dict[str, Any]], home: Home, start: date, end: date) -> list[str]:
    found = redflags.flags_between(FakeStore(records), home, start, end)
    return [f.day for f in found if f.rule == "no-feeds"]


TUBE_ONLY = Home(settings={"feeding": "tube-only"})


def test_a_day_without_feeds_when_fed_only_by_tube_warns_with_its_sources() -> None:
    records = [feed(d) for d in (7, 6, 5, 4, 3)] + [feed(1)]  # none on 2 days ago
    assert no_feeds(records, TUBE_ONLY, TODAY_DAY - timedelta(days=6), TODAY_DAY) == ["2026-11-21"]
    (flag,) = [f for f in redflags.flags_between(FakeStore(records), TUBE_ONLY, TODAY_DAY - timedelta(days=2),
                                                 TODAY_DAY) if f.rule == "no-feeds"]
    assert flag.urgency == TODAY and flag.entry_id == ""
    assert set(flag.sources) == {"leeds-gastrostomy", "mnd-australia-dysphagia"}
    assert "no feed was logged on 2026-11-21" in str(redflags.text_of(flag).why)


def test_a_day_without_feeds_near_misses() -> None:
    records = [feed(d) for d in (7, 6, 5, 4, 3)]
    week = (TODAY_DAY - timedelta(days=6), TODAY_DAY)
    assert no_feeds(records, Home(settings={"feeding": "tube-and-mouth"}), *week) == []  # not tube only
    assert no_feeds(records, Home(), *week) == []  # feeding not recorded
    assert no_feeds([], TUBE_ONLY, *week) == []  # this family does not log feeds
    everyday = [feed(d) for d in range(0, 8)]
    assert no_feeds(everyday, TUBE_ONLY, *week) == []
    today_only = [feed(d) for d in range(1, 8)]  # nothing yet today: the day is not over
    assert no_feeds(today_only, TUBE_ONLY, *week) == []


def test_the_care_log_warnings_name_the_contact_to_call() -> None:
    home = Home(settings={"feeding": "tube-only"}, contacts=[
        {"id": "a" * 32, "name": "Breathing team", "role": "respiratory", "phone": "02-555-0142"},
        {"id": "b" * 32, "name": "Dietitian Park", "role": "dietitian", "phone": "02-555-0150"}])
    assert raised(niv(9), home=home)["niv-dependent"].contact["name"] == "Breathing team"
    assert raised(entry("tube-change", 0, 10, came_out=True, note=""), home=home)["tube-out"].contact[
        "name"] == "Dietitian Park"
    records = [feed(d) for d in (5, 4, 3)]
    (flag,) = redflags.flags_between(FakeStore(records), home, TODAY_DAY - timedelta(days=2),
                                     TODAY_DAY - timedelta(days=2))
    assert flag.rule == "no-feeds" and flag.contact is not None and flag.contact["phone"] == "02-555-0150"


def test_today_shows_yesterdays_missing_feeds(run: Any, household: Any) -> None:
    household(phase=4)
    run("config", "set", "feeding", "tube-only")
    run("config", "set", "feeding", "by magic", code=2)
    for days_ago in (5, 4, 3, 2):
        run("log", "feed", "300", "--at", f"{days_ago} days ago 12:00")
    status = run.json("today")
    assert [w["rule"] for w in status["warnings"]] == ["no-feeds"]
    assert "No feed logged for a whole day" in run("today").stdout
    run("log", "feed", "300", "--at", "yesterday 12:00")
    assert run.json("today")["warnings"] == []


# --- the weekly report ------------------------------------------------------------------------------
def test_the_report_has_nightly_niv_sessions_and_feeds_with_the_change(run: Any, household: Any) -> None:
    household(phase=5)
    for day in range(9, 16):  # the week before: 6 h a night, 2 sessions a day, 1000 mL a day
        run("log", "niv", "6", "--night", "--at", f"2026-11-{day:02d} 07:00")
        run("log", "cough-assist", "--sessions", "2", "--at", f"2026-11-{day:02d} 19:00")
        run("log", "feed", "1000", "--at", f"2026-11-{day:02d} 12:00")
    for day in range(16, 23):  # the report week: 7.5 h, 3 sessions, 1200 mL
        run("log", "niv", "7.5", "--night", "--at", f"2026-11-{day} 07:00")
        run("log", "cough-assist", "--sessions", "3", "--at", f"2026-11-{day} 19:00")
        run("log", "feed", "600", "--at", f"2026-11-{day} 08:00")
        run("log", "feed", "600", "--at", f"2026-11-{day} 18:00")
    run("log", "tube-change", "--came-out", "--at", "2026-11-20 10:00")
    data = run.json("report", "--week", "2026-W47")["breathing_feeding"]
    assert data["niv_night"]["daily"] == [7.5] * 7
    night = data["niv_night"]
    assert (night["value"], night["previous"], night["change"]) == (7.5, 6, 1.5)
    assert (data["cough_assist"]["value"], data["cough_assist"]["previous"]) == (21, 14)
    assert (data["feeds"]["value"], data["feeds"]["previous"], data["feeds"]["change"]) == (1200, 1000, 200)
    assert data["feeds"]["count"] == 14 and data["tube_changes"] == [
        {"day": "2026-11-20", "came_out": True, "note": ""}]
    text = run("report", "--week", "2026-W47").stdout
    section = text[text.index("Breathing and feeding care"):text.index("Care hours")]
    assert "NIV at night, hours a night (mean)" in section and "+1.5" in section and "+200" in section
    assert "2026-11-20: the feeding tube came out" in section
    md = run("report", "--week", "2026-W47", "--format", "md").stdout
    assert "## Breathing and feeding care" in md and "| Feeds, mL a day (mean) | 1200 | 1000 | +200 |" in md
    page = run("report", "--week", "2026-W47", "--format", "html").stdout
    assert "<h2>Breathing and feeding care</h2>" in page


def test_a_week_without_care_logs_says_so(run: Any, household: Any) -> None:
    household()
    text = run("report", "--week", "2026-W47").stdout
    assert "No NIV, cough assist, suction, feeds or tube changes logged" in text
