"""The household in an import file, checked the way the commands that make one check it.

The person and the caregivers as `init` and `caregiver add` check names and dates; each medication
as `med add` checks it (its schedule parsed and checked by caretool.domain.meds.schedule); each
phase change as `phase set` does. The first problem stops the import: nothing has been written.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from caretool.core import dates
from caretool.core.errors import BadInput, CaretoolError
from caretool.core.messages import Message, msg
from caretool.core.text import NOTE, clean_name, name_key, shown
from caretool.domain.entries.fields import optional_text
from caretool.domain.entries.model import Record
from caretool.domain.household.model import PHASES, Household
from caretool.domain.meds import schedule

TABLES = ("person", "caregivers", "settings", "phases", "medications", "stats", "contacts", "equipment",
          "decisions")
SINGLE_ROW = ("person", "settings", "stats", "decisions")
ID_PATTERN = re.compile(r"[0-9a-f]{32}", re.ASCII)
CAREGIVER_KEYS = ("name", "relation", "id", "active", "added")

DAMAGED = msg("import.household-damaged", "the household in {path} is damaged: {problem}")
ITEM_PROBLEM = msg("import.household-item", "the household in {path}: {item}: {problem}")
FIX_HINT = msg("import.household.hint", "correct that item in the file (or export it again); nothing was "
               "imported")
NOT_A_LIST = msg("import.table-not-a-list", "{table!r} is not a list of objects")
NOT_ONE_ROW = msg("import.table-not-one-row", "{table!r} has more than one row")
THE_PERSON = msg("import.item-person", "the person cared for")
CAREGIVER_N = msg("import.item-caregiver", "caregiver {number}")
CAREGIVER_NAMED = msg("import.item-caregiver-named", "caregiver {number} ({name})")
MEDICATION_N = msg("import.item-medication", "medication {number}")
MEDICATION_NAMED = msg("import.item-medication-named", "medication {number} ({name})")
PHASE_N = msg("import.item-phase", "phase change {number}")
SETTINGS = msg("import.item-settings", "the settings")
PERSON_NAME = msg("field.person-name", "person's name")
CAREGIVER_NAME = msg("field.caregiver-name", "caregiver name")
MEDICATION_NAME = msg("field.medication-name", "medication name")
RELATION = msg("field.relation", "relation")
DOSE = msg("field.dose", "dose")
NO_ID = msg("import.no-id", "it has no valid id (32 hexadecimal characters)")
SAME_ID = msg("import.same-id", "its id is also caregiver {other}'s")
SAME_NAME = msg("import.same-name", "caregiver {other} has the same name")
UNKNOWN_FIELD = msg("import.unknown-field", "it has a field {field!r} that caretool does not know")
NOT_YES_NO = msg("import.not-yes-no", "its {field!r} is not true or false")
NOT_TEXT = msg("import.not-text", "its {field!r} is not text")
NOT_A_LIST_FIELD = msg("import.field-not-a-list", "its {field!r} is not a list")
NOT_A_DATE = msg("import.not-a-date", "its {field!r} ({value!r}) is not a date")
NOT_A_MOMENT = msg("import.not-a-moment",
                   "its {field!r} ({value!r}) is not a date and time with a UTC offset")
FUTURE_DATE = msg("import.future-date", "its {field!r} ({value}) is in the future")
BEFORE_BIRTH = msg("import.before-birth", "onset or diagnosis is before the date of birth")
DIAGNOSED_BEFORE_ONSET = msg("import.diagnosed-before-onset",
                             "diagnosis ({diagnosed}) is before the first symptoms ({onset})")
NO_SUCH_PHASE = msg("import.no-such-phase", "phase {phase} does not exist (phases are 1 to 5)")
END_BEFORE_START = msg("import.end-before-start", "it ends ({end}) before it starts ({start})")
ON_THE_LIST_TWICE = msg("import.medication-twice", "medication {other} has the same name and neither is "
                        "stopped")
UNKNOWN_DEFAULT = msg("import.unknown-default", "the default caregiver {id!r} is not one of the caregivers")


class _Problem(Exception):
    def __init__(self, problem: Message) -> None:
        self.problem = problem


def _text(row: Record, key: str, *, what: Message, limit: int = 2000) -> str:
    value = row.get(key)
    if value is not None and not isinstance(value, str):
        raise _Problem(NOT_TEXT(field=key))
    return optional_text(value, what=what, limit=limit)


def _bool(row: Record, key: str, default: bool) -> bool:
    value = row.get(key, default)
    if not isinstance(value, bool):
        raise _Problem(NOT_YES_NO(field=key))
    return value


def _day(row: Record, key: str, *, required: bool = False, past: bool = True) -> date | None:
    value = row.get(key)
    if value is None and not required:
        return None
    day = None
    if isinstance(value, str) and len(value) <= 40:
        try:
            day = date.fromisoformat(value[:10])
            if len(value) > 10:  # a date and time: all of it must be readable
                datetime.fromisoformat(value)
        except ValueError:
            day = None
    if day is None or not dates.FIRST_DAY <= day <= dates.LAST_DAY:
        raise _Problem(NOT_A_DATE(field=key, value=shown(value)))
    if past and day > dates.today():
        raise _Problem(FUTURE_DATE(field=key, value=day.isoformat()))
    return day


def _moment(row: Record, key: str) -> None:
    value = row.get(key)
    if value is None:
        return
    try:
        moment = datetime.fromisoformat(value) if isinstance(value, str) and len(value) <= 40 else None
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise _Problem(NOT_A_MOMENT(field=key, value=shown(value)))


def _name(value: Any, what: Message) -> str:
    if not isinstance(value, str):
        raise _Problem(NOT_TEXT(field="name"))
    try:
        return clean_name(value, what=what)
    except BadInput as exc:
        raise _Problem(exc.message) from None


def _person(person: Record) -> None:
    if "name" in person:
        person["name"] = _name(person["name"], PERSON_NAME)
    born, onset, diagnosed = (_day(person, k) for k in ("born", "onset", "diagnosed"))
    if born and any(d and d < born for d in (onset, diagnosed)):
        raise _Problem(BEFORE_BIRTH)
    if onset and diagnosed and diagnosed < onset:
        raise _Problem(DIAGNOSED_BEFORE_ONSET(diagnosed=diagnosed.isoformat(), onset=onset.isoformat()))


def _caregiver(row: Record, number: int, seen: dict[str, int], names: dict[str, int]) -> Message:
    item = CAREGIVER_N(number=number)
    unknown = [k for k in row if k not in CAREGIVER_KEYS]
    if unknown:
        raise _Problem(UNKNOWN_FIELD(field=shown(unknown[0])))
    row["name"] = _name(row.get("name"), CAREGIVER_NAME)
    item = CAREGIVER_NAMED(number=number, name=row["name"])
    rid = row.get("id")
    if not isinstance(rid, str) or not ID_PATTERN.fullmatch(rid):
        raise _Problem(NO_ID)
    if rid in seen:
        raise _Problem(SAME_ID(other=seen[rid]))
    key = name_key(row["name"])
    if key in names:
        raise _Problem(SAME_NAME(other=names[key]))
    seen[rid], names[key] = number, number
    row["relation"] = _text(row, "relation", what=RELATION, limit=80)
    row["active"] = _bool(row, "active", True)
    added = _day(row, "added", past=False)  # bookkeeping: another computer's clock may be ahead
    row["added"] = (added or dates.today()).isoformat()
    return item


def _schedule(text: Any, start: date, field: str) -> None:
    if not isinstance(text, str):
        raise _Problem(NOT_TEXT(field=field))
    if text.strip():
        try:
            schedule.check(schedule.parse(text), start)
        except BadInput as exc:
            raise _Problem(exc.message) from None


def _medication(row: Record, number: int, active: dict[str, int]) -> None:
    row["name"] = _name(row.get("name"), MEDICATION_NAME)
    if not isinstance(row.get("id"), str) or not ID_PATTERN.fullmatch(row["id"]):
        raise _Problem(NO_ID)
    row["dose"] = _text(row, "dose", what=DOSE, limit=80)
    row["notes"] = _text(row, "notes", what=NOTE)
    start = _day(row, "start", required=True, past=False)
    assert start is not None
    end = _day(row, "end", past=False)
    if end and end < start:
        raise _Problem(END_BEFORE_START(end=end.isoformat(), start=start.isoformat()))
    _moment(row, "stopped")
    row["as_needed"] = _bool(row, "as_needed", False)
    _schedule(row.get("rrule", ""), start, "rrule")
    row.setdefault("rrule", "")
    for key in ("preset", "added"):
        if row.get(key) is not None and not isinstance(row[key], str):
            raise _Problem(NOT_TEXT(field=key))
    former = row.setdefault("former_names", [])
    if not isinstance(former, list):
        raise _Problem(NOT_A_LIST_FIELD(field="former_names"))
    row["former_names"] = [_name(n, MEDICATION_NAME) for n in former]
    earlier = row.setdefault("earlier", [])
    if not isinstance(earlier, list) or not all(isinstance(e, dict) for e in earlier):
        raise _Problem(NOT_A_LIST_FIELD(field="earlier"))
    for old in earlier:
        _schedule(old.get("rrule"), start, "earlier")
        _day(old, "until", required=True, past=False)
    if not row.get("stopped"):
        key = name_key(row["name"])
        if key in active:
            raise _Problem(ON_THE_LIST_TWICE(other=active[key]))
        active[key] = number


def _phase(row: Record) -> None:
    phase = row.get("phase")
    if isinstance(phase, bool) or phase not in PHASES:
        raise _Problem(NO_SUCH_PHASE(phase=shown(phase)))
    _day(row, "at", required=True)
    row["note"] = _text(row, "note", what=NOTE)


def _rows(path: Path, tables: dict[str, Any], name: str) -> list[Record]:
    rows = tables.get(name, [])
    if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
        raise BadInput(DAMAGED(path=str(path), problem=NOT_A_LIST(table=name)), FIX_HINT)
    if name in SINGLE_ROW and len(rows) > 1:
        raise BadInput(DAMAGED(path=str(path), problem=NOT_ONE_ROW(table=name)), FIX_HINT)
    return [dict(row) for row in rows]


def check(path: Path, tables: dict[str, Any]) -> Household:
    """The file's household, every part checked (names cleaned as the commands clean them)."""
    rows = {name: _rows(path, tables, name) for name in TABLES}
    item: Message = THE_PERSON
    try:
        for person in rows["person"]:
            _person(person)
        seen: dict[str, int] = {}
        names: dict[str, int] = {}
        for number, row in enumerate(rows["caregivers"], 1):
            item = CAREGIVER_N(number=number)
            item = _caregiver(row, number, seen, names)
        active: dict[str, int] = {}
        for number, row in enumerate(rows["medications"], 1):
            item = MEDICATION_N(number=number)
            if isinstance(row.get("name"), str):
                item = MEDICATION_NAMED(number=number, name=shown(row["name"]))
            _medication(row, number, active)
        for number, row in enumerate(rows["phases"], 1):
            item = PHASE_N(number=number)
            _phase(row)
        item = SETTINGS
        for settings in rows["settings"]:
            default = settings.get("default_caregiver")
            if default is not None and default not in seen:
                raise _Problem(UNKNOWN_DEFAULT(id=shown(default)))
    except _Problem as problem:
        raise BadInput(ITEM_PROBLEM(path=str(path), item=item, problem=problem.problem), FIX_HINT) from None
    except CaretoolError as exc:  # a validator shared with the commands (a note too long, ...)
        raise BadInput(ITEM_PROBLEM(path=str(path), item=item, problem=exc.message), FIX_HINT) from None
    from caretool.domain.sheet import papers  # the contacts, equipment and decisions

    try:
        papers.check(rows)
    except BadInput as exc:
        raise BadInput(DAMAGED(path=str(path), problem=exc.message), FIX_HINT) from None
    for stats in rows["stats"]:
        stats.pop("first_weight", None)  # derived from the entries now, never stored
        stats.pop("sync", None)  # each home keeps its own; the file's travels beside (revisions.py)
    return Household.from_tables(rows)
