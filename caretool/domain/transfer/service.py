"""Export and import: the whole household as one JSON document (or CSV rows), and merging it back.

Export streams month by month, writing each record exactly as stored, so a five-year home costs
about what reading its files costs. Import checks every record before anything is written, then
merges by id: entries already here are skipped, so importing the same file twice changes nothing.
"""

from __future__ import annotations

import csv
import json
import os
import re
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import IO, Any

from caretool.core import dates
from caretool.core.errors import BadInput, CaretoolError, DataError, NotFound
from caretool.core.text import name_key
from caretool.domain.entries import kinds
from caretool.domain.entries import model as records
from caretool.domain.entries import service as journal
from caretool.domain.household.model import Caregiver, Household

Record = dict[str, Any]
Advance = Callable[[int], None]

FORMAT = "caretool-export"
VERSION = 1
HOUSEHOLD_TABLES = ("person", "caregivers", "settings", "phases", "medications", "stats")
ID_PATTERN = re.compile(r"[0-9a-f]{32}", re.ASCII)
FUTURE_SLACK = timedelta(days=1)  # another computer's clock may be a little ahead
HOURS_PER_DAY_MAX = 25.0
CSV_COMMON = ("id", "kind", "at", "day", "caregiver", "caregiver_name", "created", "source", "warnings")
CSV_FIELDS = (
    "name", "severity", "describe", "note", "hours", "task", "night", "kg", "sleep_hours", "stress",
    "took_break", "text", "medication", "status", "scheduled_for", "reason", "extra", "dose",
    "answers", "score", "suggested",
)
CSV_COLUMNS = (*CSV_COMMON, *CSV_FIELDS, "other")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FIX_HINT = "correct or remove that record in the file; nothing was imported"


def _noop(_: int = 1) -> None:
    return None


# --- writing files --------------------------------------------------------------------------
@contextmanager
def private_file(path: Path) -> Iterator[IO[str]]:
    """A text file only the user can read (0600), replaced atomically when the block succeeds."""
    path = path.expanduser()
    if path.is_dir():
        raise BadInput(f"{path} is a folder", "give a file name, e.g. --output week.html")
    if not path.parent.is_dir():
        raise BadInput(f"the folder {path.parent} does not exist", "create it first, or choose another place")
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.tmp")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise DataError(f"cannot write {path}: {exc.strerror}", "check the folder's permissions") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except OSError as exc:
        raise DataError(f"cannot write {path}: {exc.strerror}",
                        "check the disk space and permissions") from None
    finally:
        temp.unlink(missing_ok=True)


def write_private(path: Path, text: str) -> Path:
    with private_file(path) as handle:
        handle.write(text)
    return path.expanduser().resolve()


# --- export -------------------------------------------------------------------------------
def _months(store: journal.StoreLike, start: date | None, end: date | None) -> list[str]:
    keys = store.month_keys()
    if start is None and end is None:
        return keys
    lo = (start or date(1900, 1, 1)).isoformat()[:7]
    hi = (end or dates.today()).isoformat()[:7]
    return [k for k in keys if lo <= k <= hi]


def iter_months(store: journal.StoreLike, start: date | None = None,
                end: date | None = None) -> Iterator[list[Record]]:
    """The stored records month by month, oldest first, each month sorted by time."""
    lo = start.isoformat() if start else ""
    hi = end.isoformat() if end else "9999"
    for key in _months(store, start, end):
        month = store.month_records(key)
        if start or end:
            month = [r for r in month if lo <= r["day"] <= hi]
        month.sort(key=lambda r: r["at"])
        if month:
            yield month


def iter_records(store: journal.StoreLike, start: date | None = None,
                 end: date | None = None) -> Iterator[Record]:
    for month in iter_months(store, start, end):
        yield from month


def check_range(start: date | None, end: date | None) -> None:
    if start and end and start > end:
        raise BadInput(f"--from {start} is after --to {end}", "swap the two dates")


def export_json(store: journal.StoreLike, out: IO[str], *, start: date | None = None,
                end: date | None = None) -> int:
    """Write the export document to `out`; returns the number of records."""
    check_range(start, end)
    tables = store.household_tables()
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    head = {
        "format": FORMAT,
        "version": VERSION,
        "exported": dates.iso(dates.now()),
        "range": {"from": start.isoformat() if start else None, "to": end.isoformat() if end else None},
        "household": tables,
    }
    out.write(json.dumps(head, ensure_ascii=False, indent=1)[:-2] + ',\n "records": [')
    count = 0
    for month in iter_months(store, start, end):  # one line per month: one call of the C encoder
        out.write(("\n  " if count == 0 else ",\n  ") + encode(month)[1:-1])
        count += len(month)
    out.write("\n ]\n}\n")
    return count


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value  # a spreadsheet must not run typed text as a formula
    return value


def export_csv(store: journal.StoreLike, out: IO[str], *, start: date | None = None,
               end: date | None = None) -> int:
    """One row per entry: the common columns, every kind's fields, and any other keys as JSON."""
    check_range(start, end)
    household = Household.from_tables(store.household_tables())
    names = {c.id: c.name for c in household.caregivers}
    known = set(CSV_COMMON) | set(CSV_FIELDS)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for r in iter_records(store, start, end):
        warnings = "; ".join(str(w.get("title", "")) for w in r.get("warnings") or [])
        other = {k: v for k, v in r.items() if k not in known}
        row = [_cell(r.get(c)) for c in CSV_COMMON]
        row[CSV_COMMON.index("caregiver_name")] = _cell(names.get(r.get("caregiver") or "", ""))
        row[CSV_COMMON.index("warnings")] = _cell(warnings)
        row += [_cell(r.get(c)) for c in CSV_FIELDS]
        row.append(_cell(other) if other else "")
        writer.writerow(row)
        count += 1
    return count


def export(store: journal.StoreLike, out: IO[str], *, form: str, start: date | None = None,
           end: date | None = None) -> int:
    if form == "json":
        return export_json(store, out, start=start, end=end)
    if form == "csv":
        return export_csv(store, out, start=start, end=end)
    raise BadInput(f"unknown export format {form!r}", "use --format json or --format csv")


# --- import: reading and checking -----------------------------------------------------------
@dataclass
class Checked:
    """An export whose every part has been checked; nothing has been written yet."""

    path: Path
    household: Household
    records: list[Record] = field(default_factory=list)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def read_export(path: Path) -> dict[str, Any]:
    """The parsed file, with its envelope (format, version, household, records) checked."""
    path = path.expanduser()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise NotFound(f"no file {path}",
                       "check the name; make one with `caretool export --output FILE`") from None
    except IsADirectoryError:
        raise BadInput(f"{path} is a folder", "give the export file") from None
    except OSError as exc:
        raise DataError(f"cannot read {path}: {exc.strerror}", "check the file's permissions") from None
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadInput(f"{path} is not a caretool export (not valid JSON: {exc})",
                       "import a file made by `caretool export --format json`") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BadInput(f"{path} is not a caretool export", "import a file made by `caretool export`")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BadInput(f"{path} has no valid export version", "export it again with `caretool export`")
    if version > VERSION:
        raise BadInput(f"{path} was made by a newer caretool (export version {version})",
                       "upgrade caretool (pip install -U caretool) and import again")
    if not isinstance(data.get("household"), dict):
        raise BadInput(f"{path} has no household", "export it again with `caretool export`")
    if not isinstance(data.get("records"), list):
        raise BadInput(f"{path} has no list of records", "export it again with `caretool export`")
    data["_path"] = str(path)
    return data


def _household(path: Path, tables: dict[str, Any]) -> Household:
    problem = f"the household in {path} is damaged"
    for name in HOUSEHOLD_TABLES:
        rows = tables.get(name, [])
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise BadInput(f"{problem}: {name!r} is not a list of objects", "export it again")
    try:
        household = Household.from_tables({k: tables.get(k, []) for k in HOUSEHOLD_TABLES})
    except (TypeError, KeyError, ValueError, AttributeError) as exc:
        raise BadInput(f"{problem} ({type(exc).__name__}: {exc})", "export it again") from None
    seen: set[str] = set()
    for c in household.caregivers:
        if not isinstance(c.id, str) or not c.id or not isinstance(c.name, str) or not c.name.strip():
            raise BadInput(f"{problem}: a caregiver has no id or name", "export it again")
        if c.id in seen:
            raise BadInput(f"{problem}: caregiver id {c.id[:7]} appears twice", "export it again")
        seen.add(c.id)
    for item in household.phases:
        if not isinstance(item.get("at"), str) or item.get("phase") not in (1, 2, 3, 4, 5):
            raise BadInput(f"{problem}: a phase change is malformed", "export it again")
    for key in ("born", "onset", "diagnosed"):
        value = household.person.get(key)
        if value is not None:
            try:
                date.fromisoformat(str(value))
            except ValueError:
                raise BadInput(f"{problem}: the {key} date {value!r} is not a date",
                               "export it again") from None
    return household


def _record_problem(index: int, record: Any, message: str) -> BadInput:
    rid = record.get("id") if isinstance(record, dict) else None
    label = f"record {index}" + (f" (id {rid})" if isinstance(rid, str) and rid else "")
    return BadInput(f"{label}: {message}", FIX_HINT)


def check_record(index: int, record: Any, caregiver_ids: set[str], latest: datetime) -> Record:
    """The record as it will be stored, or BadInput naming the record and the problem."""
    def bad(message: str) -> BadInput:
        return _record_problem(index, record, message)

    if not isinstance(record, dict):
        raise bad("is not an object")
    rid = record.get("id")
    if not isinstance(rid, str) or not ID_PATTERN.fullmatch(rid):
        raise bad("has no valid id (32 hexadecimal characters)")
    kind = record.get("kind")
    if kind not in kinds.names():
        raise bad(f"has an unknown kind {kind!r}")
    at_text = record.get("at")
    try:
        at = datetime.fromisoformat(at_text) if isinstance(at_text, str) else None
    except ValueError:
        at = None
    if at is None or at.tzinfo is None:
        raise bad(f"has no valid time with a UTC offset ('at': {at_text!r})")
    if at > latest:
        raise bad(f"is dated in the future ({at_text})")
    day_text = record.get("day")
    try:
        day = date.fromisoformat(day_text) if isinstance(day_text, str) else None
    except ValueError:
        day = None
    if day is None or abs((day - at.date()).days) > 1:
        raise bad(f"has a day {record.get('day')!r} that does not match its time {at_text}")
    caregiver = record.get("caregiver")
    if caregiver is not None and caregiver not in caregiver_ids:
        raise bad(f"belongs to caregiver {caregiver!r}, who is not in the file's household")
    for key in ("created", "source"):
        if key in record and not isinstance(record[key], str):
            raise bad(f"has a {key!r} that is not text")
    warnings = record.get("warnings", [])
    if not isinstance(warnings, list) or not all(isinstance(w, dict) for w in warnings):
        raise bad("has warnings that are not a list of objects")
    fields = {k: v for k, v in record.items() if k not in records.COMMON}
    try:
        checked = records.validate(str(kind), fields)
    except CaretoolError as exc:
        raise bad(str(exc.message)) from None
    return {"created": at_text, "source": "log", **record, "warnings": warnings, **checked}


def check_export(data: dict[str, Any], advance: Advance = _noop) -> Checked:
    """Check every part of a parsed export. Raises BadInput for the first problem found."""
    path = Path(str(data.get("_path", "the file")))
    household = _household(path, data["household"])
    caregiver_ids = {c.id for c in household.caregivers}
    latest = dates.now() + FUTURE_SLACK
    out: list[Record] = []
    seen: dict[str, int] = {}
    hours: dict[tuple[Any, str], float] = {}
    for index, raw in enumerate(data["records"]):
        record = check_record(index, raw, caregiver_ids, latest)
        if record["id"] in seen:
            raise _record_problem(index, record, f"has the same id as record {seen[record['id']]}")
        seen[record["id"]] = index
        if record["kind"] == "hours":
            key = (record.get("caregiver"), record["day"])
            hours[key] = hours.get(key, 0.0) + float(record["hours"])
            if hours[key] > HOURS_PER_DAY_MAX:
                raise _record_problem(index, record, f"brings the hours of care on {record['day']} "
                                      f"above {HOURS_PER_DAY_MAX:g} for one caregiver")
        out.append(record)
        advance(1)
    return Checked(path, household, out)


# --- import: merging ----------------------------------------------------------------------
def _merge_caregivers(local: Household, incoming: Household) -> tuple[dict[str, str], list[str]]:
    """Map the file's caregiver ids to local ones (by id, then by name); add the missing ones."""
    mapping: dict[str, str] = {}
    added: list[str] = []
    for c in incoming.caregivers:
        by_id = next((x for x in local.caregivers if x.id == c.id), None)
        by_name = next((x for x in local.caregivers if name_key(x.name) == name_key(c.name)), None)
        match = by_id or by_name
        if match is not None:
            mapping[c.id] = match.id
            continue
        local.caregivers.append(Caregiver(name=c.name, relation=c.relation, id=c.id, active=c.active,
                                          added=c.added))
        mapping[c.id] = c.id
        added.append(c.name)
    return mapping, added


def _merge_medications(local: Household, incoming: Household) -> list[str]:
    have = {name_key(str(m.get("name", ""))) for m in local.medications}
    added = []
    for m in incoming.medications:
        key = name_key(str(m.get("name", "")))
        if key and key not in have:
            local.medications.append(dict(m))
            have.add(key)
            added.append(str(m.get("name")))
    return added


def merge(store: Any, checked: Checked, advance: Advance = _noop) -> dict[str, Any]:
    """Add what the home lacks. A backup is taken before the first write; returns the counts."""
    created = not store.has_household()
    if created:
        if not checked.household.person.get("name"):
            raise BadInput(f"{checked.path} has no person's name and this home has no household",
                           "run `caretool init` first, then import")
        household = checked.household
        mapping = {c.id: c.id for c in household.caregivers}
        carers_added = [c.name for c in household.caregivers]
        meds_added = [str(m.get("name")) for m in household.medications]
        household.stats.pop("first_weight", None)
    else:
        household = journal.load(store)
        theirs, ours = checked.household.person.get("name"), household.person.get("name")
        if theirs and ours and name_key(str(theirs)) != name_key(str(ours)):
            raise BadInput(f"{checked.path} is about {theirs}, but this home is about {ours}",
                           "check that this is the right file; if it is the same person spelt another "
                           "way, change the name here first with `caretool init --person NAME`")
        mapping, carers_added = _merge_caregivers(household, checked.household)
        meds_added = _merge_medications(household, checked.household)
    existing: set[str] = set()
    for key in store.month_keys():
        existing.update(r["id"] for r in store.month_records(key))
    new: list[Record] = []
    for record in checked.records:
        if record["id"] in existing:
            continue
        existing.add(record["id"])
        if record.get("caregiver") is not None:
            record = {**record, "caregiver": mapping[record["caregiver"]]}
        new.append(record)
    skipped = len(checked.records) - len(new)
    advance(skipped)
    backup = None
    if new or carers_added or meds_added or created:
        if not created:
            backup = store.backup("before-import")
        by_month: dict[str, list[Record]] = {}
        for record in new:
            by_month.setdefault(record["day"][:7], []).append(record)
        for key in sorted(by_month):
            store.insert(by_month[key])
            advance(len(by_month[key]))
        for record in sorted((r for r in new if r["kind"] == "weight"), key=lambda r: r["at"]):
            journal.note_weight(household, record)
        store.save_household(household.to_tables())
    return {
        "file": str(checked.path),
        "added": len(new),
        "skipped": skipped,
        "caregivers_added": carers_added,
        "medications_added": meds_added,
        "household_created": created,
        "person": household.name,
        "backup": str(backup) if backup else None,
    }
