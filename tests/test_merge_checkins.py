"""The same caregiver checking in the same day on two computers (issue 18 item 7).

Before: 6 h + 6 h = 12 h after a merge, and amending then changed only one of them. After a merge a
check-in is one record per kind per caregiver per day; the merge says what it combined, and the
other record is kept in the conflict history, so nothing is silently lost.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests import test_merge_two_computers as two
from tests.test_merge_two_computers import Computer

# The two computers of test_merge_two_computers: a desktop, and a laptop set up from its export.
at, desktop, laptop, english_afterwards = two.at, two.desktop, two.laptop, two.english_afterwards

CHECKIN = ("checkin", "--non-interactive", "--date", "2026-11-21")


def _hours(computer: Computer, caregiver: str) -> list[float]:
    rows = computer.json("history", "--kind", "hours", "--caregiver", caregiver, "--from", "2026-11-21",
                         "--to", "2026-11-21")
    return [r["hours"] for r in rows]


def test_the_same_check_in_on_both_computers_is_one_check_in_after_the_merge(
        desktop: Computer, laptop: Computer, at: Any) -> None:
    at("2026-11-21T20:00:00+00:00")
    desktop(*CHECKIN, "--caregiver", "Ji-woo", "--hours", "6", "--sleep", "6", "--stress", "4")
    at("2026-11-21T20:30:00+00:00")
    laptop(*CHECKIN, "--caregiver", "Ji-woo", "--hours", "6", "--sleep", "5", "--stress", "5",
           "--note", "long day")
    at("2026-11-21T21:00:00+00:00")
    from_desktop, from_laptop = desktop.export("desktop"), laptop.export("laptop")
    on_desktop, on_laptop = desktop.merge(from_laptop), laptop.merge(from_desktop)
    for computer in (desktop, laptop):
        assert _hours(computer, "Ji-woo") == [6.0], computer.home.name  # not 6 h + 6 h = 12 h
        wellbeing = computer.json("history", "--kind", "wellbeing", "--from", "2026-11-21")
        assert [(w["sleep_hours"], w["stress"]) for w in wellbeing] == [(5.0, 5)]  # the later answers
        assert [n["text"] for n in computer.json("history", "--kind", "note", "--from", "2026-11-21")] == [
            "long day"]
    combined = sorted((c["kind"], c["caregiver"], c["day"]) for c in on_desktop["combined"])
    assert combined == [("hours", "Ji-woo", "2026-11-21"), ("wellbeing", "Ji-woo", "2026-11-21")]
    assert sorted(c["kind"] for c in on_laptop["combined"]) == ["hours", "wellbeing"]
    assert desktop.history() == laptop.history()
    lost = [c for c in desktop.json("import", "--conflicts") if c["reason"] == "same-check-in"]
    assert sorted(c["lost"]["kind"] for c in lost) == ["hours", "wellbeing"]  # kept, not silently lost
    shown = desktop("import", str(from_laptop)).stdout
    assert "combined" not in shown  # merged once: the same file again finds nothing to combine


def test_the_summary_says_what_was_combined(desktop: Computer, laptop: Computer, at: Any) -> None:
    at("2026-11-21T20:00:00+00:00")
    desktop(*CHECKIN, "--caregiver", "Ji-woo", "--hours", "6")
    at("2026-11-21T20:30:00+00:00")
    laptop(*CHECKIN, "--caregiver", "Ji-woo", "--hours", "5")
    shown = desktop("import", str(laptop.export("laptop"))).stdout
    assert "Ji-woo's check-in on 2026-11-21 was recorded on both computers" in shown
    assert "kept 5 h" in shown


def test_amending_after_the_merge_changes_the_one_check_in_on_both(desktop: Computer, laptop: Computer,
                                                                  at: Any) -> None:
    at("2026-11-21T20:00:00+00:00")
    desktop(*CHECKIN, "--caregiver", "Ji-woo", "--hours", "6", "--sleep", "6", "--stress", "4")
    laptop(*CHECKIN, "--caregiver", "Ji-woo", "--hours", "6", "--sleep", "6", "--stress", "4")
    desktop.merge(laptop.export("laptop"))
    laptop.merge(desktop.export("desktop"))
    at("2026-11-21T22:00:00+00:00")
    laptop(*CHECKIN, "--caregiver", "Ji-woo", "--hours", "7")  # amend: an hour more
    assert _hours(laptop, "Ji-woo") == [7.0]
    desktop.merge(laptop.export("amended"))
    assert _hours(desktop, "Ji-woo") == [7.0]


def test_a_laptop_set_up_on_its_own_with_the_same_names_combines_too(
        run: Any, desktop: Computer, tmp_path: Path, at: Any) -> None:
    laptop = Computer(run, tmp_path / "own-laptop", tmp_path)
    laptop("init", "--person", "Min-jun", "--onset", "2024-03-01", "--diagnosed", "2024-09-15",
           "--phase", "3", "--caregiver", "ji-woo", "--yes")  # the same caregiver, typed differently
    at("2026-11-21T20:00:00+00:00")
    desktop(*CHECKIN, "--caregiver", "Ji-woo", "--hours", "6")
    at("2026-11-21T20:30:00+00:00")
    laptop(*CHECKIN, "--hours", "4")
    result = desktop.merge(laptop.export("laptop"))
    assert [c["kind"] for c in result["combined"]] == ["hours"]
    assert _hours(desktop, "Ji-woo") == [4.0]


def test_the_same_dose_recorded_on_both_computers_counts_once(desktop: Computer, laptop: Computer,
                                                              at: Any) -> None:
    at("2026-11-21T08:10:00+00:00")
    desktop("med", "take", "riluzole", "--caregiver", "Ji-woo")
    at("2026-11-21T08:20:00+00:00")
    laptop("med", "take", "riluzole", "--caregiver", "Daniel")
    result = desktop.merge(laptop.export("laptop"))
    assert [c["kind"] for c in result["combined"]] == ["dose"]
    doses = [r for r in desktop.json("history", "--kind", "dose", "--from", "2026-11-21")
             if r["medication"] == "riluzole"]
    assert len(doses) == 1
    adherence = desktop.json("med", "adherence", "--days", "1")["medications"]
    riluzole = next(m for m in adherence if m["name"] == "riluzole")
    assert (riluzole["taken"], riluzole["extra"]) == (1, 0)
