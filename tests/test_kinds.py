"""The entry-kind registry: everything per kind derives from it, so a new kind is one module and
its registration. A throwaway kind registered here is logged, listed, edited, exported and imported
with no other change to caretool."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from caretool.cli.root import build_app
from caretool.core.messages import msg
from caretool.domain.entries import kinds
from caretool.domain.entries import service as entries
from caretool.domain.entries.fields import optional_text, whole_number
from caretool.domain.entries.kinds import Field, Kind
from caretool.domain.transfer import export as exporting
from caretool.store import Store
from tests.conftest import data_of

LEVEL = msg("test.field.level", "level")
WHY = msg("test.field.why", "reason")
LINE = msg("test.kind.mood.line", "mood {level}/5")


def _validate(f: Mapping[str, Any]) -> dict[str, Any]:
    return {"level": whole_number(f.get("level", ""), what=LEVEL, low=1, high=5),
            "why": optional_text(f.get("why"), what=WHY, limit=200)}


MOOD = Kind(
    name="mood",
    label=msg("test.kind.mood", "mood"),
    fields=(Field("level", (int,), LEVEL), Field("why", (str,), WHY, flag="mood-why", required=False)),
    validate=_validate,
    describe=lambda r: LINE(level=r["level"]),
)


@pytest.fixture
def mood() -> Iterator[Kind]:
    kinds.register(MOOD)
    yield MOOD
    kinds.unregister("mood")


def invoke(app: typer.Typer, *args: str, code: int = 0) -> Any:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == code, result.stderr
    return result


def test_a_kind_registered_from_outside_works_everywhere(
        run: Any, household: Any, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        mood: Kind) -> None:
    household()
    app = build_app()  # the commands as they are loaded with the new kind registered
    with Store(home, write=True) as store:
        logged = entries.log(store, "mood", {"level": "2", "why": "a sunny walk"})
    assert (logged["kind"], logged["level"], logged["why"]) == ("mood", 2, "a sunny walk")

    listed = data_of(invoke(app, "--json", "history", "--kind", "mood").stdout)
    assert [r["id"] for r in listed] == [logged["id"]]
    assert "mood 2/5" in invoke(app, "history").stdout
    assert "mood" in invoke(app, "history", "--help").stdout

    changed = data_of(invoke(app, "--json", "edit", logged["id"][:8], "--level", "4",
                             "--mood-why", "visitors").stdout)
    assert (changed["after"]["level"], changed["after"]["why"]) == (4, "visitors")
    assert changed["after"]["day"] == logged["day"]
    assert "level 9 is out of range" in invoke(app, "edit", logged["id"][:8], "--level", "9", code=2).stderr
    assert "Undid: edit mood" in invoke(app, "undo").stderr

    rows = list(csv.DictReader(io.StringIO(invoke(app, "export", "--format", "csv").stdout)))
    row = rows[0]
    assert (row["kind"], row["level"], row["why"], row["other"]) == ("mood", "2", "a sunny walk", "")

    target = tmp_path / "mood.json"
    invoke(app, "export", "--output", str(target))
    monkeypatch.setenv("CARETOOL_HOME", str(tmp_path / "other"))
    assert data_of(invoke(app, "--json", "import", str(target)).stdout)["added"] == 1
    again = data_of(invoke(app, "--json", "history", "--kind", "mood").stdout)
    revision = ("changed", "origin", "revisions")  # the undo is itself a change, stamped to travel
    assert [{k: v for k, v in r.items() if k not in revision} for r in again] == listed

    data = json.loads(target.read_text(encoding="utf-8"))
    data["records"][0]["level"] = 7  # the kind's own validator checks imported records too
    target.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setenv("CARETOOL_HOME", str(tmp_path / "third"))
    err = invoke(app, "import", str(target), code=2).stderr
    assert f"record 0 (id {logged['id']}): level 7 is out of range" in err
    assert not (tmp_path / "third").exists()


def test_without_its_registration_the_kind_is_unknown(run: Any, household: Any) -> None:
    household()
    assert "mood" not in kinds.names()
    assert "unknown entry kind 'mood'" in run("history", "--kind", "mood", code=2).stderr


def test_every_editable_field_of_every_kind_has_an_edit_option() -> None:
    command = typer.main.get_command(build_app("edit")).commands["edit"]
    options = {opt for p in command.params for opt in p.opts}
    for kind in kinds.all_kinds():
        for f in kind.fields:
            assert (f"--{f.option}" in options) == f.editable, (kind.name, f.name)
    assert {"--at", "--caregiver"} <= options


def test_the_csv_columns_are_the_kinds_fields() -> None:
    columns = exporting.csv_columns()
    for kind in kinds.all_kinds():
        for f in kind.fields:
            assert (f.name in columns) == f.csv, (kind.name, f.name)
    assert len(columns) == len(set(columns)) and columns[-1] == "other"


def test_two_kinds_cannot_share_an_option_for_different_fields() -> None:
    clash = Kind(name="clash", label=msg("test.kind.clash", "clash"),
                 fields=(Field("mood_level", (int,), LEVEL, flag="severity"),),
                 validate=_validate, describe=lambda r: "")
    with pytest.raises(ValueError, match="--severity"):
        kinds.register(clash)
    assert "clash" not in kinds.names()
    for name, flag in (("at", ""), ("when", "caregiver"), ("json_", "json")):
        reserved = Kind(name="reserved", label=msg("test.kind.reserved", "reserved"),
                        fields=(Field(name, (str,), LEVEL, flag=flag),), validate=_validate,
                        describe=lambda r: "")
        with pytest.raises(ValueError, match="cannot have a field"):
            kinds.register(reserved)
    with pytest.raises(ValueError):
        kinds.unregister("symptom")  # the kinds caretool ships stay


def test_a_stored_record_is_checked_against_its_kinds_field_types() -> None:
    from caretool.core.errors import DataError

    with pytest.raises(DataError) as wrong:
        kinds.check_stored({"id": "a" * 32, "kind": "symptom", "name": "cramps", "severity": "3"})
    assert str(wrong.value.message) == "entry aaaaaaa (symptom) has a 'severity' that is not a whole number"
    with pytest.raises(DataError) as missing:
        kinds.check_stored({"id": "a" * 32, "kind": "weight"})
    assert str(missing.value.message) == "entry aaaaaaa (weight) has no 'kg'"
    kinds.check_stored({"id": "a" * 32, "kind": "from-a-newer-caretool", "anything": 1})
