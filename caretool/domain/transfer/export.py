"""Export: the whole household as one JSON document (it can be imported), or CSV rows for a spreadsheet.

Export streams month by month, writing each record exactly as stored, so a five-year home costs
about what reading its files costs. The JSON keeps C1 and bidi control characters as \\u escapes
(the same data, harmless on a screen); the CSV keeps the data exact, and the command escapes it
only when it goes to a terminal.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date
from typing import IO, Any

from caretool.core import dates
from caretool.core.errors import BadInput
from caretool.core.messages import msg
from caretool.core.text import json_safe, shown
from caretool.domain.entries import kinds
from caretool.domain.entries.model import SYNC_FIELDS, Record
from caretool.domain.entries.service import StoreLike, check_range
from caretool.domain.household.model import Household
from caretool.domain.transfer import sync

FORMAT = "caretool-export"
# 2: the household's revisions and tombstones travel (origin, changes, deleted; entries' own
# changed/origin/revisions), so edits, deletions and household changes merge. 1 still imports.
VERSION = 2
FORMATS = ("json", "csv")
CSV_COMMON = ("id", "kind", "at", "day", "caregiver", "caregiver_name", "created", "source")
# Warnings are derived from the entries (see the weekly report), so a spreadsheet of entries has none;
# the `warnings` prose older caretools stored is left out rather than put into `other`, and so is
# the revision bookkeeping (SYNC_FIELDS) a spreadsheet has no use for.
NOT_EXPORTED = ("warnings",)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
UNKNOWN_FORMAT = msg("export.unknown-format", "unknown export format {form!r}")
UNKNOWN_FORMAT_HINT = msg("export.unknown-format.hint", "use --format json or --format csv")


def check_format(form: str) -> str:
    form = form.strip().lower()
    if form not in FORMATS:
        raise BadInput(UNKNOWN_FORMAT(form=shown(form)), UNKNOWN_FORMAT_HINT)
    return form


def csv_columns() -> tuple[str, ...]:
    """The common columns, every registered kind's own columns, and `other` for any other key."""
    return (*CSV_COMMON, *(c for c in kinds.csv_columns() if c not in CSV_COMMON), "other")


def _months(store: StoreLike, start: date | None, end: date | None) -> list[str]:
    keys = store.month_keys()
    if start is None and end is None:
        return keys
    lo = (start or dates.FIRST_DAY).isoformat()[:7]
    hi = (end or dates.today()).isoformat()[:7]
    return [k for k in keys if lo <= k <= hi]


def iter_months(store: StoreLike, start: date | None = None,
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


def iter_records(store: StoreLike, start: date | None = None, end: date | None = None) -> Iterator[Record]:
    for month in iter_months(store, start, end):
        yield from month


def export_json(store: StoreLike, out: IO[str], *, start: date | None = None,
                end: date | None = None) -> int:
    """Write the export document to `out`; returns the number of records."""
    check_range(start, end)
    tables = store.household_tables()
    bookkeeping = sync.block({sync.KEY: sync.stats_row(tables).pop(sync.KEY, None)})
    encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    head = {
        "format": FORMAT,
        "version": VERSION,
        "exported": dates.iso(dates.now()),
        "origin": bookkeeping.get("origin") or "",
        "range": {"from": start.isoformat() if start else None, "to": end.isoformat() if end else None},
        "household": tables,
        # What merges the household and deletions (transfer/sync.py); the conflict history stays here.
        "changes": bookkeeping["stamps"],
        "deleted": [{"table": key.split("/", 1)[0], "id": key.split("/", 1)[1], **stone}
                    for key, stone in sorted(bookkeeping["deleted"].items())],
    }
    out.write(json_safe(json.dumps(head, ensure_ascii=False, indent=1))[:-2] + ',\n "records": [')
    count = 0
    for month in iter_months(store, start, end):  # one line per month: one call of the C encoder
        out.write(("\n  " if count == 0 else ",\n  ") + json_safe(encode(month)[1:-1]))
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


def export_csv(store: StoreLike, out: IO[str], *, start: date | None = None,
               end: date | None = None) -> int:
    """One row per entry: the common columns, every kind's CSV fields, and any keys no kind
    declares (from a newer caretool) as JSON in `other`."""
    check_range(start, end)
    household = Household.from_tables(store.household_tables())
    names = {c.id: c.name for c in household.caregivers}
    columns = csv_columns()
    fields = columns[len(CSV_COMMON):-1]
    # A field its kind keeps out of the CSV (the self-check's answers) is not in `other` either.
    known = {*CSV_COMMON, *NOT_EXPORTED, *SYNC_FIELDS,
             *(f.name for kind in kinds.all_kinds() for f in kind.fields)}
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    count = 0
    for r in iter_records(store, start, end):
        other = {k: v for k, v in r.items() if k not in known}
        row = [_cell(r.get(c)) for c in CSV_COMMON]
        row[CSV_COMMON.index("caregiver_name")] = _cell(names.get(r.get("caregiver") or "", ""))
        row += [_cell(r.get(c)) for c in fields]
        row.append(_cell(other) if other else "")
        writer.writerow(row)
        count += 1
    return count


def export(store: StoreLike, out: IO[str], *, form: str, start: date | None = None,
           end: date | None = None) -> int:
    writer = {"json": export_json, "csv": export_csv}[check_format(form)]
    return writer(store, out, start=start, end=end)
