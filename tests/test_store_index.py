"""Finding an entry by id reads one month, not every month: the id index, kept in the same
transaction as the month files, rebuilt from them whenever it does not describe them exactly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from caretool.store import Store, files


def record(entry_id: str, day: str, text: str = "x") -> dict[str, Any]:
    return {"id": entry_id, "kind": "note", "at": f"{day}T10:00:00+00:00", "day": day, "caregiver": None,
            "created": f"{day}T10:00:00+00:00", "source": "log", "warnings": [], "text": text}


@pytest.fixture
def years(run: Any, household: Any, home: Path) -> Path:
    """Two years of months, one note in each, written through the store."""
    household()
    with Store(home, write=True) as store:
        store.insert([record(f"{m:02x}{y:x}" + "0" * 29, f"{2024 + y}-{m:02d}-05")
                      for y in range(2) for m in range(1, 13)])
    return home


def reads_of_months(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The month files read from now on (by any path through the store)."""
    seen: list[str] = []
    original = files.read_json

    def spy(path: Path, limit: int = files.MAX_DATA_BYTES) -> Any:
        if path.parent.name == "entries":
            seen.append(path.stem)
        return original(path, limit)

    monkeypatch.setattr(files, "read_json", spy)
    return seen


def test_edit_and_delete_read_only_the_month_of_the_entry(run: Any, years: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    seen = reads_of_months(monkeypatch)
    run("edit", "030000000", "--text", "changed")  # the March 2024 note
    assert "2024-03" in seen and len(set(seen)) <= 3  # its month and the red-flag window around it
    seen.clear()
    run("delete", "0b0000000")
    assert set(seen) == {"2024-11"}
    seen.clear()
    run("undo")
    assert set(seen) == {"2024-11"}


def test_a_prefix_matching_two_entries_asks_for_more_of_the_id(run: Any, years: Path) -> None:
    with Store(years, write=True) as store:
        store.insert([record("abcd" + "1" * 28, "2025-06-10"), record("abcd" + "2" * 28, "2024-02-10")])
    result = run("delete", "abcd", code=2)
    assert "matches 2 entries" in result.stderr and "type more of the id" in result.stderr
    run("delete", "abcd1")
    assert "no entry with id abcd1" in run("delete", "abcd1", code=2).stderr


def test_the_index_moves_with_an_entry_edited_into_another_month(run: Any, years: Path) -> None:
    run("edit", "050000000", "--at", "2025-08-01 09:00")
    with Store(years) as store:
        assert store.find("050000000")["day"] == "2025-08-01"
    run("undo")
    with Store(years) as store:
        assert store.get("05" + "0" * 29 + "0")["day"] == "2024-05-05"


def _index_files(home: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (home / "entries" / "ids").iterdir()}


@pytest.mark.parametrize("damage", ["missing", "garbage shard", "stale shard", "month replaced by hand",
                                    "month added by hand", "garbage root"])
def test_an_index_that_does_not_match_the_months_is_rebuilt(run: Any, years: Path, tmp_path: Path,
                                                            damage: str) -> None:
    ids = years / "entries" / "ids"
    shard = ids / "03.json"
    if damage == "missing":
        shutil.rmtree(ids)
    elif damage == "garbage shard":
        shard.write_bytes(b"\x00garbage")
    elif damage == "stale shard":
        shard.write_text(json.dumps({"caretool_ids": 1, "ids": {"030" + "0" * 29: "2025-01"}}))
    elif damage == "month replaced by hand":  # the March 2024 note now sits in a hand-made month
        month = years / "entries" / "2024-03.json"
        data = json.loads(month.read_text())
        data["entries"]["2"] = record("0300" + "f" * 28, "2024-03-06")
        (tmp_path / "m.json").write_text(json.dumps(data))
        (tmp_path / "m.json").replace(month)
    elif damage == "month added by hand":
        (years / "entries" / "2023-03.json").write_text(
            json.dumps({"entries": {"1": record("0300" + "e" * 28, "2023-03-06")}}))
    else:
        (ids / "index.json").write_bytes(b"[")
    found = run("delete", "0300", code=None)
    if damage in ("month replaced by hand", "month added by hand"):
        assert "matches 2 entries" in found.stderr  # the hand-made entry is found as well
    else:
        assert found.exit_code == 0
        assert "rebuilt" not in run("doctor").stdout  # the rebuilt index was saved with the change


def test_doctor_rebuilds_a_missing_index_and_says_it_is_derived(run: Any, years: Path) -> None:
    shutil.rmtree(years / "entries" / "ids")
    out = run("doctor").stdout
    assert "id index" in out and "derived data" in out and "nothing was lost" in out
    assert (years / "entries" / "ids" / "index.json").is_file()
    assert "id index" not in run("doctor").stdout


def test_a_reading_command_with_a_stale_index_is_still_right(run: Any, years: Path) -> None:
    shutil.rmtree(years / "entries" / "ids")
    with Store(years) as store:
        assert store.find("0700")["day"] == "2024-07-05"
    assert not (years / "entries" / "ids").exists()  # reading never writes


def test_a_log_touches_one_small_shard(run: Any, years: Path) -> None:
    before = _index_files(years)
    run("log", "note", "one more")
    after = _index_files(years)
    changed = {name for name in after if before.get(name) != after[name]}
    assert changed - {"index.json"} and len(changed - {"index.json"}) == 1
