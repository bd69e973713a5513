"""The shape of each kind of data file, checked on every read and before every write.

A value that breaks it is a DataError naming the file, the record and the field, so a damaged
file stops the command with a clear message instead of an unexpected error later, and is never
silently hidden or overwritten. The fields particular to each entry kind belong to the domain's
entry-kind registry, which the caller hands over as `check_record`.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from caretool.core.errors import CaretoolError, DataError
from caretool.core.messages import Message, msg
from caretool.store.files import RECOVER_HINT

Record = dict[str, Any]
CheckRecord = Callable[[Record], None]
CheckRecords = Callable[[list[Record]], bool]  # a month's records all pass CheckRecord (a quick yes/no)

ENTRY_TABLE = "entries"
HOUSEHOLD_TABLES = ("person", "caregivers", "settings", "phases", "medications", "stats", "contacts",
                    "equipment", "decisions")

NOT_TABLES = msg("store.shape.not-tables", "{path} has the wrong shape (expected tables)")
BAD_TABLE = msg("store.shape.table", "{path} has the wrong shape (table {table!r})")
BAD_DOCUMENT = msg("store.shape.document", "{path} has the wrong shape (document {document!r})")
NOT_A_MONTH = msg("store.shape.not-a-month",
                  "{path} does not hold a month of entries: it should have one table, 'entries', "
                  "but its tables are {tables}")
NOT_A_MONTH_EMPTY = msg("store.shape.month-without-tables",
                        "{path} does not hold a month of entries: it has no tables at all")
ENTRY_MISSING = msg("store.entry.missing", "{path}: entry {entry} has no {field}")
ENTRY_WRONG = msg("store.entry.wrong", "{path}: entry {entry} has an invalid {field}: {value}")
ENTRY_MONTH = msg("store.entry.month",
                  "{path}: entry {entry} is dated {day}, which belongs in another month's file")
ENTRY_KIND = msg("store.entry.kind-check", "{path}: entry {entry} is damaged: {problem}")
UNKNOWN_TABLE = msg("store.household.unknown-table", "{path} has a table caretool does not know: {table!r}")
NO_VERSION = msg("store.household.no-version", "{path} has no schema version")
NEWER = msg("store.newer-schema",
            "{path} was written by a newer caretool (schema {version}, this one reads up to {supported})")
NEWER_HINT = msg("store.newer-schema.hint",
                 "upgrade caretool (pip install -U caretool); the file was not changed")
NO_PERSON = msg("store.household.no-person", "{path} has no person: its person table is empty")
ROWS = msg("store.household.rows", "{path}: the {table} table should hold at most one row, not {count}")
ROW_MISSING = msg("store.household.missing", "{path}: row {row} of the {table} table has no {field}")
ROW_WRONG = msg("store.household.wrong",
                "{path}: row {row} of the {table} table has an invalid {field}: {value}")

_ID = re.compile(r"[0-9a-f]{32}", re.ASCII)


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def is_id(value: Any) -> bool:
    return type(value) is str and _ID.fullmatch(value) is not None


def is_day(value: Any) -> bool:
    if type(value) is not str or len(value) != 10 or value[4] != "-" or value[7] != "-":
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def is_moment(value: Any) -> bool:
    """An ISO date and time with its UTC offset."""
    if type(value) is not str or len(value) < 16 or value[4] != "-" or value[10] != "T":
        return False
    try:
        return datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def _text(value: Any) -> bool:
    return type(value) is str and value.strip() != ""


# --- TinyDB's layout ---------------------------------------------------------------------------
def check_tables(path: Path, data: Any) -> dict[str, dict[str, Record]]:
    """TinyDB's layout: {table: {"<int id>": {document}}}."""
    if not isinstance(data, dict):
        raise DataError(NOT_TABLES(path=str(path)), RECOVER_HINT)
    for table, docs in data.items():
        if not isinstance(docs, dict):
            raise DataError(BAD_TABLE(path=str(path), table=table), RECOVER_HINT)
        for doc_id, doc in docs.items():
            if not (doc_id.isascii() and doc_id.isdigit()) or not isinstance(doc, dict):
                raise DataError(BAD_DOCUMENT(path=str(path), document=doc_id), RECOVER_HINT)
    return data


# --- month files -------------------------------------------------------------------------------
def _month_docs(path: Path, data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise DataError(NOT_TABLES(path=str(path)), RECOVER_HINT)
    if not data:
        raise DataError(NOT_A_MONTH_EMPTY(path=str(path)), RECOVER_HINT)
    if list(data) != [ENTRY_TABLE]:
        raise DataError(NOT_A_MONTH(path=str(path), tables=", ".join(repr(t) for t in data)),
                        RECOVER_HINT)
    docs = data[ENTRY_TABLE]
    if not isinstance(docs, dict):
        raise DataError(BAD_TABLE(path=str(path), table=ENTRY_TABLE), RECOVER_HINT)
    return docs


def check_month(path: Path, data: Any, check_record: CheckRecord | None = None,
                check_records: CheckRecords | None = None) -> dict[str, Any]:
    """A month file: exactly one table of entries, each with sound common fields (and sound
    fields of its kind, with check_record; check_records answers that for a whole month faster)."""
    key = path.stem
    docs = _month_docs(path, data)
    if _all_sound(docs, key):  # the usual case, checked field by field across the month
        quick = check_records is not None and check_records(list(docs.values()))
        if check_record is not None and not quick:
            for doc in docs.values():
                if (problem := kind_problem(path, doc, check_record)) is not None:
                    raise DataError(problem, RECOVER_HINT)
        return data
    for doc_id, doc in docs.items():  # something is wrong: find it and name it
        if not (doc_id.isascii() and doc_id.isdigit()) or not isinstance(doc, dict):
            raise DataError(BAD_DOCUMENT(path=str(path), document=doc_id), RECOVER_HINT)
        check_entry(path, key, doc, check_record, doc_id)
    return data


_HEX_IDS = re.compile(r"(?:[0-9a-f]{32})*", re.ASCII).fullmatch
_MOMENTS = re.compile(
    r"(?:[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])T(?:[01][0-9]|2[0-3]):[0-5][0-9]"
    r"(?::[0-5][0-9](?:\.[0-9]{1,6})?)?(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])\n)*", re.ASCII).fullmatch
_TEXTS = re.compile(r"(?:[^\n]*\S[^\n]*\n)*").fullmatch  # each line has something besides spaces


def _lines(values: list[Any]) -> str | None:
    """The values one per line, or None if one is not text or holds a line break itself."""
    try:
        text = "\n".join(values)
    except TypeError:
        return None
    return text + "\n" if text.count("\n") == len(values) - 1 else None


@functools.lru_cache(maxsize=256)
def _days_of(month: str) -> re.Pattern[str] | None:
    try:
        first = date.fromisoformat(f"{month}-01")
    except ValueError:
        return None
    last = calendar.monthrange(first.year, first.month)[1]
    tens = {28: "0[1-9]|1[0-9]|2[0-8]", 29: "0[1-9]|[12][0-9]", 30: "0[1-9]|[12][0-9]|30",
            31: "0[1-9]|[12][0-9]|3[01]"}[last]
    return re.compile(rf"(?:{re.escape(month)}-(?:{tens})\n)*", re.ASCII)


def _all_sound(docs: dict[str, Any], month: str) -> bool:
    """_sound() for a whole month at once. A month of a busy household holds about a thousand
    entries and every command reads one or two (export reads them all), so the common fields are
    checked a column at a time by one regular expression each, not entry by entry."""
    if not docs:
        return True
    keys = "".join(docs)
    if not (keys.isascii() and keys.isdigit() and all(docs)):  # every key a TinyDB doc id
        return False
    records = list(docs.values())
    if not all(type(r) is dict for r in records):
        return False
    try:
        ids = [r["id"] for r in records]
        ats = _lines([r["at"] for r in records])
        days = _lines([r["day"] for r in records])
        kinds = _lines([r["kind"] for r in records])
        created = _lines([r["created"] for r in records])
    except KeyError:
        return False
    day_pattern = _days_of(month)
    if (ats is None or days is None or kinds is None or created is None or day_pattern is None
            or not all(type(i) is str and len(i) == 32 for i in ids) or not _HEX_IDS("".join(ids))
            or not _MOMENTS(ats) or not day_pattern.fullmatch(days) or not _TEXTS(kinds)
            or not _TEXTS(created)):
        return False
    try:
        [_fromisomoment(at) for at in ats[:-1].split("\n")]  # a 31st of a short month slips past the regex
    except ValueError:
        return False
    if not all(c is None or type(c) is str for c in [r.get("caregiver") for r in records]):
        return False
    if _lines([r.get("source", "") for r in records]) is None:
        return False
    warnings = [r.get("warnings", []) for r in records]
    return all(type(w) is list for w in warnings) and all(type(x) is dict for w in warnings if w for x in w)


def month_problems(path: Path, data: Any, check_record: CheckRecord | None = None
                   ) -> tuple[list[Message], list[Record]]:
    """Every problem of a month file (for doctor), and its sound entries."""
    try:
        docs = _month_docs(path, data)
    except DataError as exc:
        return [exc.message], []
    problems: list[Message] = []
    good: list[Record] = []
    for doc_id, doc in docs.items():
        if not (doc_id.isascii() and doc_id.isdigit()) or not isinstance(doc, dict):
            problems.append(BAD_DOCUMENT(path=str(path), document=doc_id))
            continue
        problem = record_problem(path, path.stem, doc, check_record, doc_id)
        if problem is None:
            good.append(doc)
        else:
            problems.append(problem)
    return problems, good


_fromisoday = date.fromisoformat
_fromisomoment = datetime.fromisoformat
_id_match = _ID.fullmatch


def _sound(record: Record, month: str | None) -> bool:
    """The common case, checked in one go: every entry of every month read passes through here.
    (Slower, exact checks name the problem when this says no.)"""
    get = record.get
    entry_id, kind, at, day, created = get("id"), get("kind"), get("at"), get("day"), get("created")
    caregiver, source, warnings = get("caregiver"), get("source", ""), get("warnings", [])
    if not (type(entry_id) is str and _id_match(entry_id) and type(kind) is str and kind.strip()
            and type(at) is str and len(at) >= 16 and at[4] == "-" and at[10] == "T"
            and type(day) is str and len(day) == 10 and day[4] == "-" and day[7] == "-"
            and type(created) is str and created.strip()
            and (caregiver is None or type(caregiver) is str) and type(source) is str
            and type(warnings) is list and (month is None or day.startswith(month))):
        return False
    try:
        _fromisoday(day)
        if _fromisomoment(at).tzinfo is None:
            return False
    except ValueError:
        return False
    return all(type(w) is dict for w in warnings) if warnings else True


def entry_problem(path: Path, month: str | None, record: Record, doc_id: str = "?") -> Message | None:
    """What is wrong with an entry's common fields, or None."""
    if _sound(record, month):
        return None
    entry_id = record.get("id")
    name = entry_id if type(entry_id) is str and entry_id else f"#{doc_id}"
    where = {"path": str(path), "entry": name}
    if not is_id(entry_id):
        return (ENTRY_MISSING(**where, field="id") if entry_id is None
                else ENTRY_WRONG(**where, field="id", value=_shown(entry_id)))
    for field, ok in (("kind", _text), ("at", is_moment), ("day", is_day), ("created", _text)):
        if field not in record:
            return ENTRY_MISSING(**where, field=field)
        if not ok(record[field]):
            return ENTRY_WRONG(**where, field=field, value=_shown(record[field]))
    caregiver = record.get("caregiver")
    if caregiver is not None and type(caregiver) is not str:
        return ENTRY_WRONG(**where, field="caregiver", value=_shown(caregiver))
    source = record.get("source", "")
    if type(source) is not str:
        return ENTRY_WRONG(**where, field="source", value=_shown(source))
    warnings = record.get("warnings", [])
    if type(warnings) is not list or not all(isinstance(w, dict) for w in warnings):
        return ENTRY_WRONG(**where, field="warnings", value=_shown(warnings))
    if month is not None and not record["day"].startswith(month):
        return ENTRY_MONTH(**where, day=record["day"])
    return None


def record_problem(path: Path, month: str | None, record: Record, check_record: CheckRecord | None,
                   doc_id: str = "?") -> Message | None:
    problem = entry_problem(path, month, record, doc_id)
    if problem is not None or check_record is None:
        return problem
    return kind_problem(path, record, check_record)


def kind_problem(path: Path, record: Record, check_record: CheckRecord) -> Message | None:
    """The entry kind's own check, for an entry whose common fields are known to be sound."""
    try:
        check_record(record)
    except CaretoolError as exc:
        return ENTRY_KIND(path=str(path), entry=record["id"], problem=exc.message)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        return ENTRY_KIND(path=str(path), entry=record["id"], problem=_shown(exc))
    return None


def check_entry(path: Path, month: str | None, record: Record, check_record: CheckRecord | None,
                doc_id: str = "?") -> None:
    problem = record_problem(path, month, record, check_record, doc_id)
    if problem is not None:
        raise DataError(problem, RECOVER_HINT)


# --- household.json ----------------------------------------------------------------------------
def _nullable(check: Callable[[Any], bool]) -> Callable[[Any], bool]:
    return lambda v: v is None or check(v)


def _is(kind: type) -> Callable[[Any], bool]:
    return lambda v: type(v) is kind


def _day_or_moment(value: Any) -> bool:
    return is_day(value) or is_moment(value)


def _str_list(value: Any) -> bool:
    return type(value) is list and all(type(v) is str for v in value)


def _periods(value: Any) -> bool:
    return type(value) is list and all(
        isinstance(p, dict) and type(p.get("rrule")) is str
        and (p.get("until") is None or is_day(p.get("until"))) for p in value)


def _number(value: Any) -> bool:
    return type(value) in (int, float)


def _phase(value: Any) -> bool:
    return type(value) is int and 1 <= value <= 5


def _first_weight(value: Any) -> bool:
    return value is None or (isinstance(value, dict) and _number(value.get("kg"))
                             and is_day(value.get("day")))


def _steps(value: Any) -> bool:
    if type(value) is not list:
        return False
    for step in value:
        if not isinstance(step, dict):
            return False
        op = step.get("op")
        wanted = {"insert": ("record",), "delete": ("record",), "update": ("before", "after")}.get(str(op))
        if wanted is None or not all(isinstance(step.get(k), dict) and is_id(step[k].get("id"))
                                     for k in wanted):
            return False
    return True


# Each table: (most rows or None, {field: (required, check)}).
_TABLES: dict[str, tuple[int | None, dict[str, tuple[bool, Callable[[Any], bool]]]]] = {
    "person": (1, {"name": (True, _text), "born": (False, _nullable(is_day)),
                   "onset": (False, _nullable(is_day)), "diagnosed": (False, _nullable(is_day))}),
    "caregivers": (None, {"name": (True, _text), "id": (True, is_id), "active": (False, _is(bool)),
                          "relation": (False, _is(str)), "added": (False, _nullable(_day_or_moment))}),
    "settings": (1, {"default_caregiver": (False, _nullable(_is(str)))}),
    "phases": (None, {"phase": (True, _phase), "at": (True, _day_or_moment), "note": (False, _is(str))}),
    "medications": (None, {
        "id": (True, _text), "name": (True, _text), "rrule": (True, _is(str)), "start": (True, is_day),
        "dose": (False, _is(str)), "end": (False, _nullable(is_day)),
        "stopped": (False, _nullable(_day_or_moment)), "as_needed": (False, _is(bool)),
        "notes": (False, _is(str)), "preset": (False, _nullable(_is(str))),
        "added": (False, _nullable(_day_or_moment)), "former_names": (False, _str_list),
        "earlier": (False, _periods)}),
    "stats": (1, {"first_weight": (False, _first_weight)}),
    # The emergency sheet's papers (domain/contacts, equipment, decisions check their values).
    "contacts": (None, {"id": (True, is_id), "name": (True, _text), "role": (True, _text),
                        "phone": (True, _text), "email": (False, _is(str)), "hours": (False, _is(str)),
                        "note": (False, _is(str)), "added": (False, _nullable(_day_or_moment))}),
    "equipment": (None, {"id": (True, is_id), "type": (True, _text), "model": (False, _is(str)),
                         "settings": (False, _is(str)), "since": (False, _nullable(is_day)),
                         "supplier": (False, _nullable(_is(str))), "retired": (False, _nullable(is_day)),
                         "added": (False, _nullable(_day_or_moment))}),
    "decisions": (1, {}),
    # An undo label is a message as stored (id, params, English template) or, from older files, text.
    "undo": (None, {"label": (True, lambda v: isinstance(v, str) or (isinstance(v, dict) and "id" in v)),
                    "at": (True, _is(str)), "steps": (True, _steps),
                    "household_before": (False, lambda v: v is None or isinstance(v, dict))}),
    "meta": (1, {"schema_version": (True, lambda v: type(v) is int and v >= 1)}),
}


def schema_version(path: Path, data: dict[str, Any]) -> int:
    rows = list((data.get("meta") or {}).values())
    version = rows[0].get("schema_version") if len(rows) == 1 else None
    if type(version) is not int or version < 1:
        raise DataError(NO_VERSION(path=str(path)), RECOVER_HINT)
    return version


def household_problems(path: Path, data: dict[str, Any]) -> list[Message]:
    """Every way household.json (already in TinyDB's layout) breaks the current schema."""
    found: list[Message] = []
    for table in data:
        if table not in _TABLES:
            found.append(UNKNOWN_TABLE(path=str(path), table=table))
    for table, (most, fields) in _TABLES.items():
        rows = list((data.get(table) or {}).values())
        if table == "person" and not rows:
            found.append(NO_PERSON(path=str(path)))
        if most is not None and len(rows) > most:
            found.append(ROWS(path=str(path), table=table, count=len(rows)))
        for number, row in enumerate(rows, start=1):
            for field, (required, ok) in fields.items():
                if field not in row:
                    if required:
                        found.append(ROW_MISSING(path=str(path), table=table, row=number, field=field))
                elif not ok(row[field]):
                    found.append(ROW_WRONG(path=str(path), table=table, row=number, field=field,
                                           value=_shown(row[field])))
    return found


def check_household(path: Path, data: dict[str, Any]) -> dict[str, Any]:
    problems = household_problems(path, data)
    if problems:
        raise DataError(problems[0], RECOVER_HINT)
    return data
