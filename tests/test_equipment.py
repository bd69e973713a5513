"""`caretool equipment ...` and the check-in: the machines in use, their settings and supplier,
undoable; the check-in asks about the registered ones and nothing about the others."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from caretool.domain.checkin import interview, service
from caretool.domain.equipment.model import in_use, types_in_use
from caretool.domain.interview import Question, Say, answer
from caretool.store import Store

NOW = "2026-11-20T21:00:00+00:00"


@pytest.fixture(autouse=True)
def pinned(clock: Callable[..., None]) -> None:
    clock(NOW)


def items(run: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = run.json("equipment", "list")
    return found


def test_add_list_edit_retire_and_undo(run: Any, household: Any) -> None:
    household()
    run("contact", "add", "Breathing supplies", "--role", "supplier", "--phone", "080-555-0199")
    added = run.json("equipment", "add", "niv", "--model", "ResMed Lumis 150", "--settings",
                     "IPAP 14, EPAP 5, backup rate 12", "--since", "2026-09-01", "--supplier",
                     "breathing supplies")
    assert (added["type"], added["since"], added["retired"]) == ("niv", "2026-09-01", None)
    out = run("equipment", "list").stdout
    assert "non-invasive ventilator (NIV): ResMed Lumis 150; IPAP 14, EPAP 5, backup rate 12" in out
    assert "in use since 2026-09-01" in out and "supplier: Breathing supplies, 080-555-0199" in out
    run("equipment", "edit", "niv", "--settings", "IPAP 16, EPAP 6")
    assert items(run)[0]["settings"] == "IPAP 16, EPAP 6"
    run("equipment", "add", "suction")
    run("equipment", "retire", "suction", "--on", "2026-11-19")
    listed = items(run)
    assert [(i["type"], i["retired"]) for i in listed] == [("niv", None), ("suction", "2026-11-19")]
    assert "retired on 2026-11-19" in run("equipment", "list").stdout
    run("undo")
    assert all(i["retired"] is None for i in items(run))
    run("undo")  # the suction is gone, the NIV settings stay edited
    run("undo")
    assert [(i["type"], i["settings"]) for i in items(run)] == [("niv", "IPAP 14, EPAP 5, backup rate 12")]


@pytest.mark.parametrize(("args", "problem"), [
    (["ventilator-x"], "is not a kind of equipment caretool knows"),
    (["niv", "--since", "2027-01-01"], "is in the future"),
    (["niv", "--supplier", "Nobody"], "no contact called 'Nobody'"),
    (["niv", "--settings", "IPAP 14\nEPAP 5"], "control characters or line breaks"),
    (["niv", "--settings", "x" * 301], "the limit is 300"),
])
def test_bad_input_exits_2_and_writes_nothing(run: Any, household: Any, home: Path, args: list[str],
                                              problem: str) -> None:
    household()
    before = (home / "household.json").read_bytes()
    result = run("equipment", "add", *args, code=2)
    assert problem in result.stderr
    assert (home / "household.json").read_bytes() == before


def test_two_of_a_kind_are_named_by_id_and_retired_twice_is_refused(run: Any, household: Any) -> None:
    household()
    first = run.json("equipment", "add", "wheelchair", "--model", "manual")
    run("equipment", "add", "wheelchair", "--model", "powered")
    assert "matches several" in run("equipment", "retire", "wheelchair", code=2).stderr
    run("equipment", "retire", first["id"][:6])
    assert "already retired" in run("equipment", "retire", first["id"][:6], code=2).stderr
    run("equipment", "retire", "wheelchair")  # now only one is in use
    run("equipment", "edit", "niv", "--model", "x", code=2)  # none registered


def test_removing_a_supplier_keeps_the_machine(run: Any, household: Any) -> None:
    household()
    run("contact", "add", "Supplies", "--role", "supplier", "--phone", "080-555-0199")
    run("equipment", "add", "cough-assist", "--supplier", "Supplies")
    run("contact", "remove", "Supplies")
    assert items(run)[0]["supplier"] is None and items(run)[0]["type"] == "cough-assist"


def test_in_use_on_a_day() -> None:
    stored = [{"type": "niv", "since": "2026-10-01", "retired": None},
              {"type": "suction", "since": None, "retired": "2026-11-01"},
              {"type": "peg", "since": "2026-12-01", "retired": None}]
    assert types_in_use(stored, date(2026, 11, 20)) == {"niv"}
    assert types_in_use(stored, date(2026, 10, 15)) == {"niv", "suction"}
    assert [i["type"] for i in in_use(stored, date(2026, 12, 2))] == ["niv", "peg"]


# --- the check-in asks about what is registered ---------------------------------------------------
def walk(home: Path, given: dict[str, str]) -> tuple[list[str], Any]:
    """The check-in interview answered by question id (Enter for the rest); the prompts it asked."""
    with Store(home) as store:
        ctx = service.read(store, date(2026, 11, 20))
    gen = interview.interview(ctx, service.Plan(day=date(2026, 11, 20)))
    asked: list[str] = []
    item = next(gen)
    try:
        while True:
            if isinstance(item, Say):
                item = gen.send(None)
                continue
            assert isinstance(item, Question)
            asked.append(item.id)
            text = given.get(item.id, "") or item.default
            item = gen.send(answer(item, text) if text or not item.required else answer(item, "y"))
    except StopIteration as done:
        return asked, done.value


def save(home: Path, plan: Any) -> dict[str, Any]:
    with Store(home, write=True) as store:
        return service.save(store, plan)


CARE_QUESTIONS = {"checkin.niv-night", "checkin.niv-day", "checkin.cough-assist", "checkin.suction",
                  "checkin.feed"}


def test_without_equipment_the_check_in_asks_nothing_about_machines(run: Any, household: Any,
                                                                    home: Path) -> None:
    household()
    run("equipment", "add", "wheelchair")
    asked, _plan = walk(home, {"checkin.note": "quiet day"})
    assert not CARE_QUESTIONS & set(asked)


def test_the_check_in_asks_about_each_registered_machine_and_saves_it(run: Any, household: Any,
                                                                      home: Path) -> None:
    household(phase=5)
    run("equipment", "add", "niv")
    run("equipment", "add", "peg")
    run("equipment", "add", "suction", "--since", "2026-11-25", code=2)  # not yet: a future day
    asked, plan = walk(home, {"checkin.niv-night": "7.5", "checkin.feed": "1200", "checkin.save": "y"})
    assert CARE_QUESTIONS & set(asked) == {"checkin.niv-night", "checkin.niv-day", "checkin.feed"}
    assert asked.index("checkin.niv-night") < asked.index("checkin.feed") < asked.index("checkin.sleep")
    result = save(home, plan)
    stored = {r["kind"]: r for r in result["records"]}
    assert (stored["niv"]["hours"], stored["niv"]["night"]) == (7.5, True)
    assert (stored["feed"]["ml"], stored["feed"]["via"]) == (1200, "peg")
    # checking in again shows the answers as defaults, and a change amends the same entries
    asked, plan = walk(home, {"checkin.niv-night": "8", "checkin.save": "y"})
    again = save(home, plan)
    assert again["amended"] and [r["id"] for r in again["records"]] == [stored["niv"]["id"]]
    history = run.json("history", "--kind", "niv")
    assert [(r["hours"], r["source"]) for r in history] == [(8, "checkin")]


def test_a_refused_answer_is_asked_again(run: Any, household: Any, home: Path) -> None:
    household()
    run("equipment", "add", "cough-assist")
    # other symptoms?, hours of care, cough assist (wrong, then right), sleep, self-check?, note, save
    result = run("checkin", input="\n\n-1\n2\n\n\n\ny\n")
    assert "Cough assist sessions today" in result.stderr and "Please try again" in result.stderr
    assert [r["sessions"] for r in run.json("history", "--kind", "cough-assist")] == [2]


def test_what_was_logged_with_log_that_day_is_not_asked_again(run: Any, household: Any, home: Path) -> None:
    household()
    run("equipment", "add", "peg")
    run("log", "feed", "400", "--at", "2026-11-20 09:00")
    asked, plan = walk(home, {"checkin.note": "ok", "checkin.save": "y"})
    assert "checkin.feed" not in asked
    save(home, plan)
    assert [r["ml"] for r in run.json("history", "--kind", "feed")] == [400]  # not counted twice
