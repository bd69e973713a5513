"""Setting up, logging every kind, listing, correcting and undoing, as a caregiver would."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

from caretool.domain.entries import service as entries
from caretool.store import Store
from tests.conftest import data_of


def test_version_and_paths(run: Any, home: Path) -> None:
    assert run("--version").stdout.startswith("caretool ")
    info = run.json("paths")
    assert info["home"] == str(home)
    assert Path(info["guides"], "en", "phases", "1-onset.md").is_file()


def test_no_household_yet_shows_a_welcome(run: Any) -> None:
    out = run().stdout
    assert "caretool init" in out and "caretool demo" in out


def test_init_twice_never_wipes(run: Any, household: Any) -> None:
    household("Ji-woo")
    run("log", "note", "first note")
    run("init", "--caregiver", "Sam", "--yes")
    names = [c["name"] for c in run.json("caregiver", "list")]
    assert names == ["Ji-woo", "Sam"]
    assert [r["text"] for r in run.json("history")] == ["first note"]
    person = run.json("init", "--yes")["person"]
    assert person["name"] == "Min-jun" and person["onset"] == "2024-03-01"


def test_interactive_init(run: Any) -> None:
    # language, name, born, onset, diagnosed, weight at diagnosis, height, caregivers, who uses this
    # computer, phase, allergies, a care-team contact (Enter: no)
    answers = "\n".join(["", "Min-jun", "", "2024-03-01", "2024-09-15", "", "", "Ji-woo, Sam", "", "3", "",
                         ""]) + "\n"
    run("init", input=answers)
    assert [(c["name"], c["default"]) for c in run.json("caregiver", "list")] == [("Ji-woo", True),
                                                                                   ("Sam", False)]
    assert run.json("phase")["phase"] == 3


def test_log_every_kind_and_read_it_back(run: Any, household: Any) -> None:
    household()
    stored = [
        run.json("log", "symptom", "leg-weakness", "--severity", "2", "--note", "stairs"),
        run.json("log", "symptom", "other", "--severity", "1", "--describe", "hiccups"),
        run.json("log", "hours", "2.5", "--task", "feeding", "--night"),
        run.json("log", "weight", "68.4"),
        run.json("log", "wellbeing", "--sleep", "6", "--stress", "7", "--break"),
        run.json("log", "note", "Good day 좋은 하루 🌞"),
    ]
    assert [r["kind"] for r in stored] == ["symptom", "symptom", "hours", "weight", "wellbeing", "note"]
    assert stored[2]["night"] is True and stored[2]["hours"] == 2.5
    assert stored[4] == {**stored[4], "sleep_hours": 6.0, "stress": 7, "took_break": True}
    history = run.json("history")
    assert {r["id"] for r in history} == {r["id"] for r in stored}
    assert "좋은 하루 🌞" in run("history").stdout
    text = run("log", "hours", "1").stdout
    assert "Logged 1 h of care" in text and "[id " in text


def test_symptom_catalogue_and_suggestions(run: Any, household: Any) -> None:
    household()
    listing = run("log", "symptom", "--list").stdout
    for slug in ("leg-weakness", "slurred-speech", "breathless-lying-flat", "behaviour-change"):
        assert slug in listing
    err = run("log", "symptom", "drool", "--severity", "1", code=2).stderr
    assert "drooling" in err


def test_history_filters(run: Any, household: Any) -> None:
    household("Ji-woo", "Sam")
    run("log", "hours", "3", "--caregiver", "Ji-woo", "--at", "3 days ago")
    run("log", "hours", "2", "--caregiver", "sam", "--at", "yesterday")
    run("log", "note", "today", "--caregiver", "Sam")
    assert len(run.json("history", "--kind", "hours")) == 2
    assert [r["hours"] for r in run.json("history", "--kind", "hours", "--caregiver", "SAM")] == [2]
    assert len(run.json("history", "--from", "2 days ago")) == 2
    assert len(run.json("history", "--to", "yesterday")) == 2
    assert len(run.json("history", "--limit", "1")) == 1


def test_several_caregivers_need_a_name_or_a_default(run: Any, household: Any) -> None:
    household("Ji-woo", "Sam", "Ana")
    run("caregiver", "remove", "Ji-woo")  # init made the first caregiver named the default
    err = run("log", "hours", "1", code=2).stderr
    assert "--caregiver" in err and "caregiver default" in err
    run("caregiver", "default", "Sam")
    record = run.json("log", "hours", "1")
    sam = next(c for c in run.json("caregiver", "list") if c["name"] == "Sam")
    assert record["caregiver"] == sam["id"] and sam["default"]


def test_names_compare_after_normalisation(run: Any, household: Any) -> None:
    nfc = "김민수"
    household(nfc)
    nfd = unicodedata.normalize("NFD", nfc)
    assert run.json("log", "note", "x", "--caregiver", nfd)["caregiver"]
    run("caregiver", "add", nfd, code=2)


def test_removed_caregiver_keeps_entries(run: Any, household: Any) -> None:
    household("Ji-woo", "Sam")
    run("log", "hours", "2", "--caregiver", "Sam")
    run("caregiver", "remove", "Sam")
    assert [c["active"] for c in run.json("caregiver", "list")] == [True, False]
    rows = run.json("history", "--caregiver", "Sam")
    assert len(rows) == 1
    run("log", "hours", "2", "--caregiver", "Sam", code=2)
    run("undo")
    assert all(c["active"] for c in run.json("caregiver", "list"))


def test_edit_delete_and_undo(run: Any, household: Any) -> None:
    household()
    record = run.json("log", "symptom", "cramps", "--severity", "1")
    short = record["id"][:7]
    changed = run.json("edit", short, "--severity", "3")
    assert changed["before"]["severity"] == 1 and changed["after"]["severity"] == 3
    assert run.json("history")[0]["severity"] == 3
    run("edit", short, "--kg", "70", code=2)
    run("undo")
    assert run.json("history")[0]["severity"] == 1
    run("delete", short)
    assert run.json("history") == []
    assert "Undid: delete symptom" in run("undo").stderr
    assert run.json("history")[0]["id"] == record["id"]
    run("undo")  # the log itself
    assert run.json("history") == []
    assert "Nothing to undo" in run("undo").stderr or run.json("history") == []


def test_edit_can_move_an_entry_to_another_month(run: Any, household: Any, home: Path) -> None:
    household()
    record = run.json("log", "note", "moved")
    run("edit", record["id"][:8], "--at", "2025-01-15 09:00")
    assert (home / "entries" / "2025-01.json").is_file()
    assert run.json("history")[0]["day"] == "2025-01-15"


def test_the_first_weight_is_derived_from_the_entries(run: Any, household: Any, home: Path) -> None:
    household()
    first = run.json("log", "weight", "80", "--at", "60 days ago")
    assert "since the first weight" in run("log", "weight", "71").stderr
    run("delete", first["id"][:8])
    assert "since the first weight" not in run("log", "weight", "70.5").stderr  # 71 is the first now
    with Store(home) as store:
        assert entries.first_weight(store)["kg"] == 71
    run("undo")  # the 70.5
    run("undo")  # the delete: 80 is back, and it is the first again
    with Store(home) as store:
        assert entries.first_weight(store)["kg"] == 80
    assert "first_weight" not in (home / "household.json").read_text()  # nothing cached by hand


def test_terminal_escapes_in_notes_are_not_echoed_raw(run: Any, household: Any) -> None:
    household()
    evil = "look \x1b[2J\x1b[31mred\x07 \u202etxet"
    out = run("log", "note", evil).stdout + run("history").stdout
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert run.json("history")[0]["text"] == evil  # stored as typed


def test_json_flag_works_before_or_after_the_command(run: Any, household: Any) -> None:
    household()
    run("log", "note", "x")
    assert run.json("history") == data_of(run("history", "--json").stdout)


def test_doctor_on_a_healthy_home(run: Any, household: Any) -> None:
    household()
    run("log", "note", "x")
    assert "readable and private" in run("doctor").stdout


def test_undo_names_a_change_by_its_message_in_any_module(run: Any, household: Any, home: Path) -> None:
    from caretool.core.messages import msg

    household()
    with Store(home, write=True) as store:
        entries.Change(msg("test.change", "tidy {what}")(what="the notes")).save(store)
    assert "Undid: tidy the notes (from " in run("undo").stderr
    run("log", "hours", "1")
    stored = json.loads((home / "household.json").read_text())["undo"]
    label = next(iter(stored.values()))["label"]
    assert label["id"] == "change.log" and label["params"]["kind"] == {"id": "kind.hours", "params": {}}
    assert "Undid: log hours of care" in run("undo").stderr
