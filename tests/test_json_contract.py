"""One JSON contract for every command: `--json` prints exactly one document on stdout.

    {"caretool": 1, "command": "...", "ok": true, "data": ...}
    {"caretool": 1, "command": "...", "ok": false, "error": {"code", "message", "hint"}}
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import typer

from caretool.cli.root import app

# Every command that prints data, with arguments that make it succeed on the household below.
# A command added to caretool without a line here fails test_every_command_is_in_the_contract.
INVOCATIONS: dict[str, list[str]] = {
    "today": ["today"],
    "paths": ["paths"],
    "init": ["init", "--person", "Min-jun", "--caregiver", "Ji-woo", "--yes"],
    "caregiver add": ["caregiver", "add", "Sam"],
    "caregiver list": ["caregiver", "list"],
    "caregiver remove": ["caregiver", "remove", "Sam"],
    "caregiver default": ["caregiver", "default", "Ji-woo"],
    "checkin": ["checkin", "--non-interactive", "--hours", "2", "--sleep", "6", "--stress", "4"],
    "log symptom": ["log", "symptom", "cramps", "--severity", "1"],
    "log hours": ["log", "hours", "1"],
    "log weight": ["log", "weight", "70"],
    "log wellbeing": ["log", "wellbeing", "--sleep", "6", "--stress", "3"],
    "log note": ["log", "note", "a quiet day"],
    "history": ["history"],
    "edit": ["edit", "{last}", "--text", "a calm day"],
    "delete": ["delete", "{last}"],
    "undo": ["undo"],
    "med add": ["med", "add", "baclofen", "--dose", "5 mg", "--times", "08:00,20:00"],
    "med list": ["med", "list"],
    "med edit": ["med", "edit", "baclofen", "--dose", "10 mg"],
    "med due": ["med", "due"],
    "med take": ["med", "take", "baclofen"],
    "med skip": ["med", "skip", "baclofen", "--reason", "asleep"],
    "med adherence": ["med", "adherence"],
    "med stop": ["med", "stop", "baclofen"],
    "med stock": ["med", "stock"],
    "med calendar": ["med", "calendar"],
    "remind setup": ["remind", "setup"],
    "remind remove": ["remind", "remove"],
    "phase": ["phase"],
    "phase show": ["phase", "show"],
    "phase set": ["phase", "set", "2"],
    "phase history": ["phase", "history"],
    "phase next": ["phase", "next"],
    "phase assess": ["phase", "assess", "--answers", "walking=1,hands=0,speech=0,work=1,swallowing=0,"
                     "breathing=0,tube=0,ventilation=0", "--no-apply"],
    "guide list": ["guide", "list"],
    "guide show": ["guide", "show", "burnout"],
    "guide search": ["guide", "search", "feeding", "tube"],
    "burnout": ["burnout"],
    "selfcheck": ["selfcheck", "--answers", "1,0,1,0,0,1,0,0,0"],
    "report": ["report"],
    "import": ["import", "{export}"],
    "backup": ["backup"],
    "doctor": ["doctor"],
    "demo": ["demo", "--home", "{demo}"],
    "config show": ["config", "show"],
    "config set": ["config", "set", "lang", "en"],
    "rating add": ["rating", "add", "--items", "4,4,3,3,3,4,3,3,4,4,4,4"],
    "log breathing": ["log", "breathing", "--fvc", "72", "--snip", "45"],
    "progress": ["progress"],
    "contact add": ["contact", "add", "Dr Park", "--role", "gp", "--phone", "02-555-0101"],
    "contact list": ["contact", "list"],
    "contact edit": ["contact", "edit", "Dr Park", "--hours", "24 hours"],
    "contact remove": ["contact", "remove", "Dr Park"],
    "equipment add": ["equipment", "add", "niv", "--settings", "IPAP 14, EPAP 5"],
    "equipment list": ["equipment", "list"],
    "equipment edit": ["equipment", "edit", "niv", "--model", "ResMed Lumis 150"],
    "equipment retire": ["equipment", "retire", "niv"],
    "decisions set": ["decisions", "set", "--resuscitation", "attempt"],
    "decisions show": ["decisions", "show"],
    "log niv": ["log", "niv", "7", "--night"],
    "log cough-assist": ["log", "cough-assist", "--sessions", "2"],
    "log suction": ["log", "suction", "--times", "3"],
    "log feed": ["log", "feed", "250"],
    "log tube-change": ["log", "tube-change"],
    "sheet": ["sheet"],
}
# Commands whose stdout is a file format of its own (`export` writes the export document).
NOT_ENVELOPED = {"export"}


def walk(command: Any, path: tuple[str, ...] = ()) -> Iterator[str]:
    subs = getattr(command, "commands", {})
    if path and (not subs or getattr(command, "invoke_without_command", False)):
        yield " ".join(path)
    for name, sub in sorted(subs.items()):
        yield from walk(sub, (*path, name))


LEAVES = sorted(set(walk(typer.main.get_command(app))))


def test_every_command_is_in_the_contract() -> None:
    missing = [name for name in LEAVES if name not in INVOCATIONS and name not in NOT_ENVELOPED]
    assert not missing, f"add these commands to INVOCATIONS: {missing}"


@pytest.fixture
def prepared(run: Any, household: Callable[..., Any], tmp_path: Any) -> dict[str, str]:
    household()
    run("log", "note", "first")
    export = tmp_path / "export.json"
    run("export", "--output", str(export))
    return {"export": str(export), "demo": str(tmp_path / "demo")}


def _document(stdout: str) -> dict[str, Any]:
    assert stdout.count("\n") >= 1 and stdout.strip(), "nothing on stdout"
    document = json.loads(stdout)  # exactly one document: json.loads refuses trailing data
    assert isinstance(document, dict)
    return document


@pytest.mark.parametrize("name", sorted(INVOCATIONS))
def test_json_output_is_one_enveloped_document(run: Any, prepared: dict[str, str], name: str) -> None:
    args = list(INVOCATIONS[name])
    if "{last}" in args:
        last = run.json("history", "--limit", "1")[0]["id"]
        args = [last if a == "{last}" else a for a in args]
    args = [a.format(**prepared) if a.startswith("{") and a != "{last}" else a for a in args]
    if name == "undo":
        run("log", "note", "to undo")
    if name in ("med edit", "med take", "med skip", "med stop"):
        run(*INVOCATIONS["med add"])
    if name == "caregiver remove":
        run(*INVOCATIONS["caregiver add"])
    if name in ("contact edit", "contact remove"):
        run(*INVOCATIONS["contact add"])
    if name in ("equipment edit", "equipment retire"):
        run(*INVOCATIONS["equipment add"])
    result = run("--json", *args)
    document = _document(result.stdout)
    assert set(document) == {"caretool", "command", "ok", "data"}, document
    assert document["caretool"] == 1 and document["ok"] is True
    assert document["command"] == name


@pytest.mark.parametrize("args", [
    ["log", "symptom", "cramps", "--severity", "9"],
    ["edit", "zzzz"],
    ["med", "take", "nothing-like-this"],
    ["guide", "show", "no-such-guide"],
    ["report", "--week", "2026-W99"],
    ["log", "hours", "--no-such-option"],
])
def test_an_error_under_json_is_a_document_on_stdout_with_the_exit_code(
    run: Any, prepared: dict[str, str], args: list[str]
) -> None:
    result = run("--json", *args, code=2)
    document = _document(result.stdout)
    assert set(document) == {"caretool", "command", "ok", "error"}
    assert document["ok"] is False
    assert set(document["error"]) == {"code", "message", "hint"}
    assert document["error"]["code"] and document["error"]["message"]


def test_a_data_error_under_json_keeps_exit_code_3(run: Any, home: Any) -> None:
    home.mkdir(parents=True)
    (home / "household.json").write_text("{broken")
    document = _document(run("--json", "history", code=3).stdout)
    assert document["ok"] is False and "household.json" in document["error"]["message"]


def test_control_and_bidi_characters_stay_escaped_in_json(run: Any, household: Callable[..., Any]) -> None:
    household()
    run("log", "note", "a\u009b2Jb\u202ec")
    raw = run("--json", "history").stdout
    assert "\u009b" not in raw and "\u202e" not in raw
    assert "\\u009b" in raw and "\\u202e" in raw
    assert json.loads(raw)["data"][0]["text"] == "a\u009b2Jb\u202ec"
