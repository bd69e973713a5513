"""Damage every kind of data file in every way we know, then run the daily commands and doctor.

    python bench/damage_report.py

For each kind of damage: does any command overwrite the damaged file (it must not), does every
command stop with exit 3 and one line naming the file (not an unexpected error), and does doctor
find it? The same table drives tests/test_store_damage.py.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from crash_harness import NOW, InProcess

Doc = dict[str, Any]


def _entry(data: Doc) -> Doc:
    return next(iter(data["entries"].values()))


def _month(change: Callable[[Doc], Any]) -> Callable[[bytes], bytes]:
    def damage(raw: bytes) -> bytes:
        data = json.loads(raw)
        result = change(data)
        return json.dumps(data if result is None else result).encode()
    return damage


def _field(name: str, value: Any) -> Callable[[bytes], bytes]:
    def change(data: Doc) -> None:
        _entry(data)[name] = value
    return _month(change)


def _kind_field(kind: str, name: str, value: Any) -> Callable[[bytes], bytes]:
    """A field of the first entry of one kind: the entry-kind registry's own checks."""
    def change(data: Doc) -> None:
        next(e for e in data["entries"].values() if e["kind"] == kind)[name] = value
    return _month(change)


def _drop(name: str) -> Callable[[bytes], bytes]:
    return _month(lambda data: _entry(data).pop(name))


def _household(change: Callable[[Doc], Any]) -> Callable[[bytes], bytes]:
    return _month(change)


def _first(table: str) -> Callable[[Doc], Doc]:
    return lambda data: next(iter(data[table].values()))


def _nested(depth: int) -> Callable[[bytes], bytes]:
    return lambda raw: b'{"entries": {"1": ' + b"[" * depth + b"]" * depth + b"}}"


MONTH_DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "empty": lambda raw: b"",
    "truncated": lambda raw: raw[: len(raw) // 2],
    "not json": lambda raw: b"hello",
    "nul bytes": lambda raw: b"\x00" * 64,
    "bom": lambda raw: b"\xef\xbb\xbf" + raw,
    "trailing data": lambda raw: raw + b'{"x": 1}',
    "null": lambda raw: b"null",
    "empty object": lambda raw: b"{}",
    "top-level list": lambda raw: b"[1, 2]",
    "renamed table": _month(lambda data: {"entires": data["entries"]}),
    "extra table": _month(lambda data: {**data, "other": {}}),
    "table is a list": lambda raw: b'{"entries": [1, 2]}',
    "string document": lambda raw: b'{"entries": {"1": "oops"}}',
    "non-integer document id": _month(lambda data: {"entries": {"x": _entry(data)}}),
    "NaN": lambda raw: raw.replace(b'"kind"', b'"kg": NaN, "kind"', 1),
    "nested 100,000 deep": _nested(100_000),
    "bad id": _field("id", "not-an-id"),
    "id a number": _field("id", 12345),
    "no id": _drop("id"),
    "no kind": _drop("kind"),
    "empty kind": _field("kind", ""),
    "no at": _drop("at"),
    "at without offset": _field("at", "2026-11-05T10:00:00"),
    "at not a time": _field("at", "soon"),
    "no day": _drop("day"),
    "day not real": _field("day", "2026-11-31"),
    "day of another month": _field("day", "2026-10-05"),
    "caregiver a number": _field("caregiver", 7),
    "no created": _drop("created"),
    "warnings not a list": _field("warnings", "none"),
    "source a number": _field("source", 1),
    "severity 'high'": _kind_field("symptom", "severity", "high"),
    "hours as text": _kind_field("hours", "hours", "3"),
    "symptom name a number": _kind_field("symptom", "name", 7),
    "note text missing": _month(lambda data: next(e for e in data["entries"].values()
                                                  if e["kind"] == "note").pop("text")),
}

HOUSEHOLD_DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "empty": lambda raw: b"",
    "truncated": lambda raw: raw[: len(raw) // 2],
    "null": lambda raw: b"null",
    "empty object": lambda raw: b"{}",
    "nested 100,000 deep": lambda raw: b'{"meta": {"1": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}",
    "no schema version": _household(lambda data: data.pop("meta")),
    "schema version 0": _household(lambda data: _first("meta")(data).update(schema_version=0)),
    "schema version as text": _household(lambda data: _first("meta")(data).update(schema_version="1")),
    "empty person table": _household(lambda data: data.update(person={})),
    "two people": _household(lambda data: data["person"].update({"2": {"name": "X"}})),
    "person without a name": _household(lambda data: _first("person")(data).pop("name")),
    "birth date not a date": _household(lambda data: _first("person")(data).update(born="soon")),
    "caregiver without a name": _household(lambda data: _first("caregivers")(data).pop("name")),
    "caregiver name a number": _household(lambda data: _first("caregivers")(data).update(name=5)),
    "caregiver id missing": _household(lambda data: _first("caregivers")(data).pop("id")),
    "phase without a date": _household(lambda data: _first("phases")(data).pop("at")),
    "phase 'high'": _household(lambda data: _first("phases")(data).update(phase="high")),
    "phase 9": _household(lambda data: _first("phases")(data).update(phase=9)),
    "medication without a name": _household(lambda data: _first("medications")(data).pop("name")),
    "medication rrule a number": _household(lambda data: _first("medications")(data).update(rrule=5)),
    "medication start not a date": _household(lambda data: _first("medications")(data).update(start="x")),
    "settings a list": _household(lambda data: data.update(settings={"1": []})),
    "unknown table": _household(lambda data: data.update(mystery={})),
    "undo steps garbage": _household(lambda data: data.update(
        undo={"1": {"label": "x", "at": "2026-11-20", "steps": [{"op": "explode"}]}})),
}

COMMANDS = [("history",), ("log", "note", "damage test", "--at", "2026-11-06 10:00"),
            ("checkin", "--non-interactive", "--hours", "1", "--sleep", "7", "--stress", "3"),
            ("export",)]


def build(run: InProcess, home: Path) -> None:
    run(home, "init", "--person", "Min-jun", "--caregiver", "Ji-woo", "--onset", "2025-03-01", "--yes")
    run(home, "med", "add", "--preset", "riluzole", "--start", "2026-10-01")
    run(home, "log", "hours", "2", "--at", "2026-11-05 09:00")
    run(home, "log", "note", "one", "--at", "2026-11-05 10:00")
    run(home, "log", "symptom", "cramps", "--severity", "1", "--at", "2026-11-05 11:00")


def try_damage(run: InProcess, template: Path, home: Path, target: str, damage: Callable[[bytes], bytes],
               commands: list[tuple[str, ...]] = COMMANDS) -> dict[str, Any]:
    """Damage one file of a copy of the template home, run the commands and doctor."""
    shutil.copytree(template, home)
    path = home / target
    path.write_bytes(damage(path.read_bytes()))
    before = path.read_bytes()
    codes, lines, named = [], [], True
    for args in commands:
        result = run(home, *args, code=None)
        codes.append(result.exit_code)
        lines.append(len(result.stderr.strip().splitlines()))
        named = named and str(path) in result.stderr
    doctor = run(home, "doctor", code=None)
    return {"codes": codes, "one_line": all(n == 1 for n in lines), "named": named,
            "overwritten": path.read_bytes() != before,
            "detected": doctor.exit_code == 3 and str(path) in doctor.stdout}


def main() -> None:
    os.environ["CARETOOL_NOW"] = NOW
    os.environ["TZ"] = "UTC"
    time.tzset()
    run = InProcess()
    rows = []
    with tempfile.TemporaryDirectory(prefix="caretool-damage-") as work:
        template = Path(work) / "template"
        build(run, template)
        for target, table in (("entries/2026-11.json", MONTH_DAMAGE), ("household.json", HOUSEHOLD_DAMAGE)):
            for name, damage in table.items():
                home = Path(work) / f"{len(rows)}"
                rows.append((target, name, try_damage(run, template, home, target, damage)))
    print(f"{'file':<22} {'damage':<28} {'exits':<14} {'overwritten':>11} {'doctor':>7}")
    for target, name, r in rows:
        print(f"{target:<22} {name:<28} {','.join(map(str, r['codes'])):<14} "
              f"{'YES' if r['overwritten'] else 'no':>11} {'found' if r['detected'] else 'MISSED':>7}")
    tried = len(rows)
    overwritten = sum(r["overwritten"] for _, _, r in rows)
    detected = sum(r["detected"] for _, _, r in rows)
    clean = sum(all(c == 3 for c in r["codes"]) and r["named"] and r["one_line"] for _, _, r in rows)
    print(f"\ndamaged-file kinds tried {tried}, overwritten {overwritten}, detected by doctor {detected}, "
          f"every command exit 3 with one line naming the file: {clean}")
    sys.exit(0 if overwritten == 0 and detected == tried == clean else 1)


if __name__ == "__main__":
    main()
