"""Logging, listing, correcting and undoing entries: the service the commands call."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from caretool.core import dates
from caretool.core.errors import BadInput
from caretool.domain.care import redflags
from caretool.domain.entries import kinds
from caretool.domain.entries.model import Entry, validate
from caretool.domain.household.model import Household

Record = dict[str, Any]


class StoreLike(Protocol):  # what the service needs of caretool.store.Store
    def has_household(self) -> bool: ...
    def household_tables(self) -> dict[str, list[Record]]: ...
    def save_household(self, tables: dict[str, list[Record]]) -> None: ...
    def push_undo(self, action: Record) -> None: ...
    def pop_undo(self) -> Record | None: ...
    def records_between(self, start: date, end: date) -> list[Record]: ...
    def newest_records(self) -> Any: ...
    def month_keys(self) -> list[str]: ...
    def month_records(self, key: str) -> list[Record]: ...
    def insert(self, records: list[Record]) -> None: ...
    def delete(self, entry_id: str) -> Record: ...
    def update(self, record: Record) -> Record: ...
    def get(self, entry_id: str) -> Record: ...
    def find(self, prefix: str) -> Record: ...


def load(store: StoreLike) -> Household:
    return Household.from_tables(store.household_tables())


@dataclass
class Change:
    """A unit of work that `undo` can revert: entry steps plus, optionally, the old household."""

    label: str
    steps: list[Record] = field(default_factory=list)
    household_before: dict[str, list[Record]] | None = None

    def inserted(self, record: Record) -> None:
        self.steps.append({"op": "insert", "record": record})

    def deleted(self, record: Record) -> None:
        self.steps.append({"op": "delete", "record": record})

    def updated(self, before: Record, after: Record) -> None:
        self.steps.append({"op": "update", "before": before, "after": after})

    def save(self, store: StoreLike) -> None:
        store.push_undo({"label": self.label, "at": dates.iso(dates.now()), "steps": self.steps,
                         "household_before": self.household_before})


def save_household(store: StoreLike, household: Household, label: str) -> None:
    """Store household changes so that `undo` can put the previous state back."""
    if not store.has_household():  # the first save: nothing to go back to
        store.save_household(household.to_tables())
        return
    before = store.household_tables()
    store.save_household(household.to_tables())
    Change(label, household_before=before).save(store)


# --- building entries ------------------------------------------------------------------
def resolve_moment(household: Household, at: str | None, *, ref: datetime | None = None) -> datetime:
    moment = dates.parse_when(at, ref=ref) if at else (ref or dates.now())
    dates.check_not_future(moment)
    household.check_day(dates.local_day(moment))
    return moment


def hours_logged(store: StoreLike, caregiver: str | None, day: date, *, skip: str = "") -> float:
    return sum(float(r["hours"]) for r in store.records_between(day, day)
               if r["kind"] == "hours" and r.get("caregiver") == caregiver and r["id"] != skip)


def check_hours(store: StoreLike, household: Household, record: Record, extra: float = 0.0) -> None:
    """At most a day's length of care per caregiver per local day (23-25 h on DST days)."""
    day = date.fromisoformat(record["day"])
    already = hours_logged(store, record.get("caregiver"), day, skip=record["id"]) + extra
    limit = dates.day_length_hours(day)
    if already + float(record["hours"]) > limit:
        who = household.caregiver_name(record.get("caregiver"))
        raise BadInput(
            f"{who} already has {already:g} h logged on {day}; adding {record['hours']:g} h "
            f"would exceed {limit:g} h in one day",
            "check the number, or correct the earlier entry with `caretool edit ID --hours H`",
        )


def red_flag_context(store: StoreLike, household: Household, day: date) -> redflags.Context:
    first = household.stats.get("first_weight") or {}
    return redflags.Context(
        day=day,
        recent=store.records_between(day - timedelta(days=35), day),
        first_weight=first.get("kg"),
        medications=[str(m.get("name", "")).lower() for m in household.medications
                     if not m.get("stopped")],
    )


def make_entry(
    store: StoreLike, household: Household, kind: str, fields: dict[str, Any], *,
    at: str | None = None, caregiver: str | None = None, source: str = "log",
    moment: datetime | None = None, replaces: Record | None = None,
) -> Entry:
    """A validated entry, not yet stored (its red-flag warnings are derived when read: redflags).

    `replaces` is the stored entry this one will take the place of (same id and creation
    time), so the checks do not count the old one twice (e.g. a day's hours).
    """
    who = household.resolve_caregiver(caregiver)
    when = moment or resolve_moment(household, at)
    entry = Entry(kind=kind, at=when, fields=validate(kind, fields),
                  caregiver=who.id if who else None, source=source)
    if replaces is not None:
        entry.id, entry.created = replaces["id"], replaces.get("created", entry.created)
    record = entry.to_record()
    if kind == "hours":
        check_hours(store, household, record)
    return entry


def note_weight(household: Household, record: Record) -> bool:
    """Keep the first weight ever logged at hand; True if the household changed."""
    if record["kind"] != "weight":
        return False
    first = household.stats.get("first_weight")
    if first and first["day"] <= record["day"]:
        return False
    household.stats["first_weight"] = {"kg": record["kg"], "day": record["day"], "id": record["id"]}
    return True


def refresh_first_weight(store: StoreLike, household: Household) -> None:
    household.stats.pop("first_weight", None)
    for key in store.month_keys():
        weights = sorted((r for r in store.month_records(key) if r["kind"] == "weight"),
                         key=lambda r: r["at"])
        if weights:
            note_weight(household, weights[0])
            return


def add_entries(store: StoreLike, household: Household, entries: list[Entry], label: str,
                change: Change | None = None) -> list[Record]:
    """Store new entries as one undoable change."""
    change = change or Change(label)
    records = [e.to_record() for e in entries]
    store.insert(records)
    for record in records:
        change.inserted(record)
    if any([note_weight(household, r) for r in records]):
        store.save_household(household.to_tables())
    change.save(store)
    return records


def log(store: StoreLike, kind: str, fields: dict[str, Any], *, at: str | None = None,
        caregiver: str | None = None) -> Record:
    household = load(store)
    entry = make_entry(store, household, kind, fields, at=at, caregiver=caregiver)
    # Bridge until `log` shows redflags.flags_for itself (entries branch): derived, not stored.
    shown = [f.to_dict() for f in redflags.flags_for([entry.to_record()], store, household)]
    return {**add_entries(store, household, [entry], f"log {kind}")[0], "warnings": shown}


# --- listing ---------------------------------------------------------------------------
def history(
    store: StoreLike, household: Household, *, start: date | None = None, end: date | None = None,
    kind: str | None = None, caregiver: str | None = None, limit: int | None = None,
) -> list[Record]:
    """Entries newest first, reading only the months the filters need."""
    if kind:
        kinds.get(kind)
    if limit is not None and limit < 1:
        raise BadInput("--limit must be at least 1", "for example --limit 20")
    if start and end and start > end:
        raise BadInput(f"--from {start} is after --to {end}", "swap the two dates")
    who = household.find_caregiver(caregiver, include_removed=True).id if caregiver else None

    def wanted(r: Record) -> bool:
        return (not kind or r["kind"] == kind) and (not who or r.get("caregiver") == who)

    if start or end:
        lo = start or date(1900, 1, 1)
        hi = end or dates.today()
        if not start:  # open start: walk back month by month instead of reading everything
            source = (r for r in store.newest_records() if r["day"] <= hi.isoformat())
            rows = []
            for r in source:
                if wanted(r):
                    rows.append(r)
                    if limit and len(rows) >= limit:
                        break
            return rows
        rows = [r for r in reversed(store.records_between(lo, hi)) if wanted(r)]
        return rows[:limit] if limit else rows
    rows = []
    for r in store.newest_records():
        if wanted(r):
            rows.append(r)
            if limit and len(rows) >= limit:
                break
    return rows


# --- correcting ------------------------------------------------------------------------
EDITABLE = {
    "symptom": {"severity", "note", "describe", "name"},
    "hours": {"hours", "task", "night"},
    "weight": {"kg"},
    "wellbeing": {"sleep_hours", "stress", "took_break"},
    "note": {"text"},
    "dose": {"status", "reason"},
}


def edit(store: StoreLike, entry_id: str, changes: dict[str, Any], *, at: str | None = None,
         caregiver: str | None = None) -> tuple[Record, Record]:
    household = load(store)
    before = store.find(entry_id)
    kind = before["kind"]
    allowed = EDITABLE.get(kind, set())
    wrong = sorted(set(changes) - allowed)
    if wrong:
        raise BadInput(f"a {kind} entry has no field {wrong[0]!r}",
                       f"fields you can edit on a {kind}: {', '.join(sorted(allowed)) or 'none'}")
    if not changes and not at and not caregiver:
        raise BadInput("nothing to change", "add an option such as --severity 2 or --at yesterday")
    entry = Entry.from_record(before)
    entry.fields = validate(kind, {**entry.fields, **changes})
    if at:
        entry.at = resolve_moment(household, at)
    if caregiver:
        entry.caregiver = household.find_caregiver(caregiver).id
    after = entry.to_record()
    if kind == "hours":
        check_hours(store, household, after)
    ctx = red_flag_context(store, household, entry.day)
    after["warnings"] = [w.to_dict() for w in redflags.evaluate(after, ctx)]
    store.update(after)
    if kind == "weight":
        refresh_first_weight(store, household)
        store.save_household(household.to_tables())
    change = Change(f"edit {kind}")
    change.updated(before, after)
    change.save(store)
    return before, after


def delete(store: StoreLike, entry_id: str) -> Record:
    household = load(store)
    record = store.delete(store.find(entry_id)["id"])
    if record["kind"] == "weight":
        refresh_first_weight(store, household)
        store.save_household(household.to_tables())
    change = Change(f"delete {record['kind']}")
    change.deleted(record)
    change.save(store)
    return record


def undo(store: StoreLike) -> Record | None:
    """Revert the last change; returns it (None when there is nothing to undo)."""
    action = store.pop_undo()
    if action is None:
        return None
    for step in reversed(action["steps"]):
        if step["op"] == "insert":
            store.delete(step["record"]["id"])
        elif step["op"] == "delete":
            store.insert([step["record"]])
        else:
            store.update(step["before"])
    if action.get("household_before") is not None:
        store.save_household(action["household_before"])
    elif any(s.get("record", s.get("before", {})).get("kind") == "weight" for s in action["steps"]):
        household = load(store)
        refresh_first_weight(store, household)
        store.save_household(household.to_tables())
    return action
