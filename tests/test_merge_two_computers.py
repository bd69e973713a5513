"""Two computers kept in step by exporting and importing both ways (issue 18 item 6).

After changes on each side, merging both ways must keep everything: deletions travel (a
tombstone with the entry's id), edits travel (last change wins), a conflict where both sides
changed the same entry is reported with both versions kept, and household changes (phase
history, medications and their stops, caregivers, settings, the person's details) merge too.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

DAY1 = "2026-11-20T09:00:00+00:00"


class Computer:
    """One computer: its own data home, every command run against it."""

    def __init__(self, run: Any, home: Path, folder: Path) -> None:
        self.run, self.home, self.folder = run, home, folder

    def __call__(self, *args: str, code: int | None = 0, input: str | None = None) -> Any:
        return self.run("--home", str(self.home), *args, code=code, input=input)

    def json(self, *args: str) -> Any:
        return self.run.json("--home", str(self.home), *args)

    def export(self, name: str) -> Path:
        path = self.folder / f"{name}.json"
        self("export", "--output", str(path))
        return path

    def merge(self, path: Path) -> Any:
        return self.json("import", str(path))

    def history(self) -> list[dict[str, Any]]:
        return sorted(self.json("history", "--limit", "100000"), key=lambda r: r["id"])

    def texts(self) -> set[str]:
        return {r["text"] for r in self.history() if r["kind"] == "note"}

    def note(self, text: str, *more: str) -> str:
        return str(self.json("log", "note", text, *more)["id"])


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """A household set to Korean leaves the process-wide language in Korean: later tests expect English."""
    yield
    from caretool.core import messages

    messages.set_language("en")


@pytest.fixture
def at(clock: Callable[..., None]) -> Callable[[str], None]:
    def pin(moment: str) -> None:
        clock(moment)
    pin(DAY1)
    return pin


@pytest.fixture
def desktop(run: Any, tmp_path: Path, at: Any) -> Computer:
    computer = Computer(run, tmp_path / "desktop", tmp_path)
    computer("init", "--person", "Min-jun", "--onset", "2024-03-01", "--diagnosed", "2024-09-15",
             "--phase", "3", "--caregiver", "Ji-woo", "--caregiver", "Daniel", "--default", "Ji-woo", "--yes")
    computer("med", "add", "baclofen", "--dose", "5 mg", "--times", "08:00,14:00,20:00")
    computer("med", "add", "riluzole", "--dose", "50 mg", "--times", "08:00,20:00")
    return computer


@pytest.fixture
def laptop(run: Any, tmp_path: Path, desktop: Computer) -> Computer:
    """Set up from the desktop's export, as the README tells a family to do."""
    for text in ("slept badly", "ate half of lunch", "tired after physio", "good afternoon"):
        desktop.note(text)
    computer = Computer(run, tmp_path / "laptop", tmp_path)
    assert computer.merge(desktop.export("first"))["household_created"]
    computer("caregiver", "default", "Daniel")  # Daniel uses the laptop
    return computer


def _note_id(computer: Computer, text: str) -> str:
    return next(r["id"] for r in computer.history() if r["kind"] == "note" and r["text"] == text)


def test_a_week_of_changes_on_both_computers_merges_both_ways(desktop: Computer, laptop: Computer,
                                                               at: Any) -> None:
    lunch, physio = _note_id(desktop, "ate half of lunch"), _note_id(desktop, "tired after physio")
    afternoon = _note_id(desktop, "good afternoon")
    at("2026-11-21T10:00:00+00:00")  # the desktop: an edit, a delete, a phase change, a stopped medicine
    desktop("edit", lunch, "--text", "ate all of lunch")
    desktop("delete", physio)
    desktop("phase", "set", "4")
    desktop("med", "stop", "baclofen")
    desktop.note("desktop, day two")
    at("2026-11-21T11:00:00+00:00")  # the laptop: a new caregiver, an edit, a delete undone, a weight
    laptop("caregiver", "add", "Maria", "--relation", "paid helper")
    laptop.note("laptop, day two", "--caregiver", "Maria")
    laptop("edit", afternoon, "--text", "a calm afternoon")
    laptop("delete", _note_id(laptop, "slept badly"))
    laptop("undo")
    laptop("log", "weight", "61.5")
    at("2026-11-21T12:00:00+00:00")
    from_desktop, from_laptop = desktop.export("desktop"), laptop.export("laptop")

    on_laptop = laptop.merge(from_desktop)
    assert (on_laptop["added"], on_laptop["updated"], on_laptop["deleted"]) == (1, 1, 1)
    assert on_laptop["conflicts"] == [] and on_laptop["combined"] == []
    on_desktop = desktop.merge(from_laptop)
    assert (on_desktop["added"], on_desktop["updated"], on_desktop["deleted"]) == (2, 1, 0)
    assert on_desktop["conflicts"] == [] and on_desktop["combined"] == []

    for computer in (desktop, laptop):
        assert computer.texts() == {"slept badly", "ate all of lunch", "a calm afternoon", "desktop, day two",
                                    "laptop, day two"}, computer.home.name  # the deleted note stayed deleted
        assert computer.json("phase")["phase"] == 4
        meds = {m["name"]: m["status"] for m in computer.json("med", "list")}
        assert meds == {"baclofen": "stopped", "riluzole": "active"}
        assert [c["name"] for c in computer.json("caregiver", "list")] == ["Ji-woo", "Daniel", "Maria"]
    assert desktop.history() == laptop.history()
    defaults = [next(c["name"] for c in computer.json("caregiver", "list") if c["default"])
                for computer in (desktop, laptop)]
    assert defaults == ["Ji-woo", "Daniel"]  # who uses each computer stays that computer's own


def test_the_summary_names_what_changed_instead_of_skipped(desktop: Computer, laptop: Computer,
                                                           at: Any) -> None:
    at("2026-11-21T10:00:00+00:00")
    desktop("edit", _note_id(desktop, "ate half of lunch"), "--text", "ate all of lunch")
    desktop("delete", _note_id(desktop, "slept badly"))
    desktop.note("new on the desktop")
    desktop("phase", "set", "4")
    desktop("med", "stop", "baclofen")
    shown = laptop("import", str(desktop.export("desktop"))).stdout
    assert "Imported 1 entry" in shown
    assert "Updated 1 entry changed on the other computer" in shown
    assert "Removed 1 entry deleted on the other computer" in shown
    assert "phase 4 from 2026-11-21" in shown
    assert "baclofen: stopped" in shown


def test_importing_the_same_files_again_changes_nothing(desktop: Computer, laptop: Computer, at: Any) -> None:
    at("2026-11-21T10:00:00+00:00")
    desktop("edit", _note_id(desktop, "ate half of lunch"), "--text", "ate all of lunch")
    desktop("delete", _note_id(desktop, "slept badly"))
    path = desktop.export("desktop")
    laptop.merge(path)
    again = laptop.merge(path)
    assert (again["added"], again["updated"], again["deleted"], again["backup"]) == (0, 0, 0, None)
    before = laptop.history()
    desktop.merge(laptop.export("laptop"))
    assert desktop.history() == before


def test_both_computers_changed_the_same_entry_the_later_change_wins_and_the_other_is_kept(
        desktop: Computer, laptop: Computer, at: Any) -> None:
    lunch = _note_id(desktop, "ate half of lunch")
    at("2026-11-21T10:00:00+00:00")
    desktop("edit", lunch, "--text", "lunch: soup (desktop)")
    at("2026-11-21T11:00:00+00:00")
    laptop("edit", lunch, "--text", "lunch: soup and bread (laptop)")
    at("2026-11-21T12:00:00+00:00")
    from_desktop, from_laptop = desktop.export("desktop"), laptop.export("laptop")
    on_desktop, on_laptop = desktop.merge(from_laptop), laptop.merge(from_desktop)
    for result, kept in ((on_desktop, "file"), (on_laptop, "here")):
        assert len(result["conflicts"]) == 1
        conflict = result["conflicts"][0]
        assert (conflict["id"], conflict["kept"], conflict["reason"]) == (lunch, kept, "changed-on-both")
    for computer in (desktop, laptop):
        assert "lunch: soup and bread (laptop)" in computer.texts()
        assert "lunch: soup (desktop)" not in computer.texts()
    kept = desktop.json("import", "--conflicts")
    assert [c["id"] for c in kept] == [lunch]
    assert kept[0]["lost"]["text"] == "lunch: soup (desktop)"
    assert kept[0]["kept_version"]["text"] == "lunch: soup and bread (laptop)"
    shown = desktop("import", str(from_laptop)).stdout  # reported again? no: both now agree
    assert "changed on both computers" not in shown
    assert "changed on both computers" in desktop("import", "--conflicts").stdout


def test_an_undone_delete_travels_and_an_undone_edit_travels(desktop: Computer, laptop: Computer,
                                                            at: Any) -> None:
    lunch, slept = _note_id(desktop, "ate half of lunch"), _note_id(desktop, "slept badly")
    at("2026-11-21T10:00:00+00:00")
    desktop("delete", slept)
    desktop("edit", lunch, "--text", "ate all of lunch")
    laptop.merge(desktop.export("one"))
    assert laptop.texts() == {"ate all of lunch", "tired after physio", "good afternoon"}
    at("2026-11-21T11:00:00+00:00")
    desktop("undo")  # the edit
    desktop("undo")  # the delete: the note is back, and its tombstone is gone
    result = laptop.merge(desktop.export("two"))
    assert (result["added"], result["updated"], result["conflicts"]) == (1, 1, [])
    assert laptop.texts() == {"slept badly", "ate half of lunch", "tired after physio", "good afternoon"}
    assert laptop.history() == desktop.history()
    desktop.merge(laptop.export("back"))  # and the laptop's older copy does not undo the undo
    assert desktop.texts() == laptop.texts()


def test_deleted_on_one_computer_and_changed_later_on_the_other(desktop: Computer, laptop: Computer,
                                                                at: Any) -> None:
    physio = _note_id(desktop, "tired after physio")
    at("2026-11-21T10:00:00+00:00")
    desktop("delete", physio)
    at("2026-11-21T11:00:00+00:00")
    laptop("edit", physio, "--text", "tired after physio, better by evening")
    at("2026-11-21T12:00:00+00:00")
    from_desktop, from_laptop = desktop.export("desktop"), laptop.export("laptop")
    on_desktop, on_laptop = desktop.merge(from_laptop), laptop.merge(from_desktop)
    assert [c["reason"] for c in on_desktop["conflicts"]] == ["deleted-here-changed-there"]
    assert [c["reason"] for c in on_laptop["conflicts"]] == ["changed-here-deleted-there"]
    for computer in (desktop, laptop):  # the later change (the edit) wins over the earlier delete
        assert "tired after physio, better by evening" in computer.texts()


def test_household_details_and_settings_travel_but_not_who_uses_the_computer(
        desktop: Computer, laptop: Computer, at: Any) -> None:
    at("2026-11-21T10:00:00+00:00")
    desktop("init", "--born", "1961-05-02", "--yes")
    desktop("config", "set", "lang", "ko")
    laptop("caregiver", "remove", "Ji-woo")
    laptop("med", "edit", "riluzole", "--dose", "50 mg tablet")
    desktop.merge(laptop.export("laptop"))
    laptop.merge(desktop.export("desktop"))
    for computer in (desktop, laptop):
        assert computer.json("config", "show")["settings"]["lang"] == "ko"
        assert {c["name"]: c["active"] for c in computer.json("caregiver", "list")} == {
            "Ji-woo": False, "Daniel": True}
        assert {m["name"]: m["dose"] for m in computer.json("med", "list")}["riluzole"] == "50 mg tablet"
    data = json.loads(laptop("export").stdout)
    assert data["household"]["person"][0]["born"] == "1961-05-02"
    assert next(c["name"] for c in laptop.json("caregiver", "list") if c["default"]) == "Daniel"


def test_a_medicine_changed_on_both_computers_is_a_reported_conflict(desktop: Computer, laptop: Computer,
                                                                     at: Any) -> None:
    at("2026-11-21T10:00:00+00:00")
    desktop("med", "edit", "riluzole", "--dose", "50 mg (desktop)")
    at("2026-11-21T11:00:00+00:00")
    laptop("med", "edit", "riluzole", "--dose", "50 mg (laptop)")
    result = desktop.merge(laptop.export("laptop"))
    assert [(c["table"], c["kept"]) for c in result["conflicts"]] == [("medications", "file")]
    assert {m["name"]: m["dose"] for m in desktop.json("med", "list")}["riluzole"] == "50 mg (laptop)"
    assert "riluzole" in desktop("import", "--conflicts").stdout


def test_a_version_1_export_still_imports(desktop: Computer, laptop: Computer, run: Any, tmp_path: Path,
                                          at: Any) -> None:
    at("2026-11-21T10:00:00+00:00")
    desktop.note("made by an older caretool")
    data = json.loads(desktop("export").stdout)
    assert data["version"] == 2 and {"origin", "deleted", "changes"} <= set(data)
    old = {k: v for k, v in data.items() if k not in ("origin", "deleted", "changes")}
    old["version"] = 1
    for record in old["records"]:
        for key in ("changed", "origin", "revisions"):
            record.pop(key, None)
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    result = laptop.merge(path)
    assert (result["added"], result["deleted"], result["conflicts"]) == (1, 0, [])
    fresh = Computer(run, tmp_path / "fresh", tmp_path)
    assert fresh.merge(path)["household_created"]
    assert fresh.texts() == desktop.texts()


@pytest.mark.parametrize(("how", "words"), [
    ("tombstone id", "deleted entry 1"), ("tombstone time", "deleted entry 1"),
    ("revision", "revisions"), ("changes", "household changes"),
])
def test_a_damaged_sync_part_refuses_the_whole_file(desktop: Computer, laptop: Computer, tmp_path: Path,
                                                    at: Any, how: str, words: str) -> None:
    at("2026-11-21T10:00:00+00:00")
    desktop("delete", _note_id(desktop, "slept badly"))
    desktop("edit", _note_id(desktop, "good afternoon"), "--text", "a calm afternoon")
    data = json.loads(desktop("export").stdout)
    if how == "tombstone id":
        data["deleted"][0]["id"] = "not an id"
    elif how == "tombstone time":
        data["deleted"][0]["at"] = "yesterday"
    elif how == "revision":
        edited = next(r for r in data["records"] if r.get("revisions"))
        edited["revisions"] = "all of them"
    else:
        data["changes"] = ["not", "a", "table"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    before = laptop.history()
    result = laptop("import", str(path), code=2)
    assert words in result.stderr and "nothing was imported" in result.stderr
    assert laptop.history() == before


def test_an_undone_household_change_travels(desktop: Computer, laptop: Computer, at: Any) -> None:
    at("2026-11-21T10:00:00+00:00")
    desktop("phase", "set", "4")
    desktop("med", "stop", "baclofen")
    desktop("med", "add", "edaravone", "--dose", "105 mg", "--times", "09:00")
    laptop.merge(desktop.export("one"))
    assert laptop.json("phase")["phase"] == 4
    at("2026-11-21T11:00:00+00:00")
    desktop("undo")  # the new medicine
    desktop("undo")  # the stop
    desktop("undo")  # the phase change
    result = laptop.merge(desktop.export("two"))
    assert result["conflicts"] == []
    assert laptop.json("phase")["phase"] == 3
    assert {m["name"]: m["status"] for m in laptop.json("med", "list")} == {
        "baclofen": "active", "riluzole": "active"}
    desktop.merge(laptop.export("back"))  # the laptop's copy does not bring them back either
    assert desktop.json("phase")["phase"] == 3
    assert sorted(m["name"] for m in desktop.json("med", "list")) == ["baclofen", "riluzole"]


def test_a_check_in_amended_for_an_earlier_day_still_wins_as_the_later_change(
        desktop: Computer, laptop: Computer, at: Any) -> None:
    at("2026-11-22T09:00:00+00:00")
    earlier = ("checkin", "--non-interactive", "--date", "2026-11-21", "--caregiver", "Ji-woo")
    desktop(*earlier, "--note", "first")
    laptop.merge(desktop.export("one"))
    at("2026-11-22T10:00:00+00:00")
    laptop(*earlier, "--note", "amended")
    note = laptop.json("history", "--kind", "note", "--from", "2026-11-21", "--to", "2026-11-21")[0]
    assert note["changed"].startswith("2026-11-22T10:00")  # when it was changed, not the check-in's evening
    result = desktop.merge(laptop.export("two"))
    assert (result["updated"], result["conflicts"]) == (1, [])
    assert "amended" in desktop.texts()


def test_undo_after_an_import_does_not_put_back_the_household_from_before_it(
        desktop: Computer, laptop: Computer, at: Any) -> None:
    at("2026-11-21T10:00:00+00:00")
    desktop("phase", "set", "4")
    laptop("caregiver", "add", "Sam")  # an undoable household change, then the merge
    result = laptop("import", str(desktop.export("desktop")))
    assert "caretool backup --restore" in result.stderr  # the way back from an import
    assert "Nothing to undo" in laptop("undo").stderr
    assert laptop.json("phase")["phase"] == 4
    assert "Sam" in [c["name"] for c in laptop.json("caregiver", "list")]


def test_import_without_a_file_says_what_to_give(laptop: Computer) -> None:
    result = laptop("import", code=2)
    assert "no file to import was given" in result.stderr and "caretool import --conflicts" in result.stderr
    assert "No conflicts" in laptop("import", "--conflicts").stdout
    assert laptop.json("import", "--conflicts") == []


def test_a_delete_leaves_a_tombstone_in_the_export_and_its_undo_takes_it_away(desktop: Computer,
                                                                              at: Any) -> None:
    slept = desktop.note("slept badly")
    desktop("delete", slept)
    deleted = json.loads(desktop("export").stdout)["deleted"]
    assert [(d["table"], d["id"]) for d in deleted] == [("entries", slept)]
    assert deleted[0]["seen"] and deleted[0]["at"].startswith("2026-11-20T09:00")
    desktop("undo")
    assert json.loads(desktop("export").stdout)["deleted"] == []
    assert "slept badly" in desktop.texts()


def test_a_question_left_blank_on_one_computer_never_erases_the_answer_from_the_other(
        run: Any, tmp_path: Path, at: Any) -> None:
    """Allergies typed at init on the desktop, Enter pressed at that question on the laptop's own
    init a day later: after merging both ways the allergies are on both (the sheet shows them)."""
    desktop, laptop = Computer(run, tmp_path / "d", tmp_path), Computer(run, tmp_path / "l", tmp_path)
    desktop("init", "--person", "Min-jun", "--caregiver", "Ji-woo", "--allergies", "penicillin (rash)",
            "--yes")
    at("2026-11-21T10:00:00+00:00")
    laptop("init", "--person", "Min-jun", "--caregiver", "Ji-woo", "--allergies", "", "--yes")
    laptop.merge(desktop.export("desktop"))
    desktop.merge(laptop.export("laptop"))
    for computer in (desktop, laptop):
        person = json.loads(computer("export").stdout)["household"]["person"][0]
        assert person.get("allergies") == "penicillin (rash)"
        assert "penicillin (rash)" in computer("sheet").stdout
