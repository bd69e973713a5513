"""The entries service: logging, listing, correcting, deleting and undoing entries.

Commands call it as `from caretool.domain.entries import service as entries`. Everything per kind
(validation, editable fields) comes from the kind registry in kinds/.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol

from caretool.core import dates
from caretool.core.errors import BadInput
from caretool.core.messages import Message, from_dict, msg
from caretool.core.text import shown
from caretool.domain.care import redflags
from caretool.domain.entries import kinds
from caretool.domain.entries.model import Entry, Record, validate
from caretool.domain.household.model import Household
from caretool.domain.transfer import sync

HOURS_OVER = msg("hours.over-a-day", "{who} already has {already:g} h logged on {day}; adding {hours:g} h "
                 "would exceed {limit:g} h in one day")
HOURS_OVER_HINT = msg("hours.over-a-day.hint",
                      "check the number, or correct the earlier entry with `caretool edit ID --hours H`")
LIMIT_TOO_SMALL = msg("history.limit-too-small", "--limit must be at least 1")
LIMIT_HINT = msg("history.limit.hint", "for example --limit 20")
FROM_AFTER_TO = msg("dates.from-after-to", "--from {start} is after --to {end}")
FROM_AFTER_TO_HINT = msg("dates.from-after-to.hint", "swap the two dates")
NO_SUCH_FIELD = msg("edit.no-such-field", "a {kind} entry has no {option}")
NO_SUCH_FIELD_HINT = msg("edit.no-such-field.hint", "on a {kind} entry you can change: {options}")
NOTHING_EDITABLE_HINT = msg("edit.nothing-editable.hint",
                            "a {kind} entry keeps its answers as given; delete it and record it again, or "
                            "change only --at or --caregiver")
NOTHING_TO_CHANGE = msg("edit.nothing-to-change", "nothing to change")
NOTHING_TO_CHANGE_HINT = msg("edit.nothing-to-change.hint",
                             "add an option such as --severity 2 or --at yesterday")
# What `undo` names a change by (stored as an id and parameters, shown in the reader's language).
LOGGED = msg("change.log", "log {kind}")
EDITED = msg("change.edit", "edit {kind}")
DELETED = msg("change.delete", "delete {kind}")
NOT_AN_ID = msg("entry.not-an-id", "{id!r} is not an entry id")
NOT_AN_ID_HINT = msg("entry.not-an-id.hint", "use the id shown by `caretool history` (at least 4 characters)")
ID_LENGTH = 32


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
    household = Household.from_tables(store.household_tables())
    household.stats.pop("first_weight", None)  # an old cache, now derived: see first_weight()
    return household


# --- undoable changes --------------------------------------------------------------------
@dataclass
class Change:
    """A unit of work that `undo` can revert: entry steps plus, optionally, the old household."""

    label: Message | str
    steps: list[Record] = field(default_factory=list)
    household_before: dict[str, list[Record]] | None = None

    def inserted(self, record: Record) -> None:
        self.steps.append({"op": "insert", "record": record})

    def deleted(self, record: Record) -> None:
        self.steps.append({"op": "delete", "record": record})

    def updated(self, before: Record, after: Record) -> None:
        self.steps.append({"op": "update", "before": before, "after": after})

    def save(self, store: StoreLike) -> None:
        # A Message label is kept as its id and parameters, with its English template so any
        # module's label can be shown again (translated by id) without a list of them here.
        label = ({**self.label.to_dict(), "text": self.label.text} if isinstance(self.label, Message)
                 else self.label)
        store.push_undo({"label": label, "at": dates.iso(dates.now()), "steps": self.steps,
                         "household_before": self.household_before})


def change_label(action: Record) -> Message | str:
    """What an undo record is called: from its message id, or the text older versions stored."""
    label = action.get("label")
    if isinstance(label, dict):
        known = {m.id: m for m in (LOGGED, EDITED, DELETED, *(k.label for k in kinds.all_kinds()))}
        found = from_dict(label, known)
        if found is None and isinstance(label.get("text"), str):
            found = Message(str(label.get("id")), label["text"])(**dict(label.get("params") or {}))
        return found or str(label.get("id", ""))
    return str(label or "")


def _kind_label(kind: str) -> Message | str:
    try:
        return kinds.get(kind).label
    except BadInput:  # a kind from a newer caretool, read from an old undo record
        return kind


def save_household(store: StoreLike, household: Household, label: Message | str) -> None:
    """Store household changes so that `undo` can put the previous state back; every changed part
    gets a revision so it merges into the household's copy on another computer (transfer/sync.py)."""
    if not store.has_household():  # the first save: nothing to go back to, nothing to stamp
        sync.origin(sync.block(household.stats))
        store.save_household(household.to_tables())
        return
    before = store.household_tables()
    after = household.to_tables()
    sync.stamp_changes(before, after)
    store.save_household(after)
    # Not the stats row: undo keeps the revisions and tombstones as they are now (see undo).
    Change(label, household_before={k: v for k, v in before.items() if k != "stats"}).save(store)


def home_origin(store: StoreLike, household: Household, *, keep: bool = True) -> str:
    """This home's origin (transfer/sync.py), chosen and (with `keep`) stored the first time."""
    block = sync.block(household.stats)
    if not block.get("origin"):
        sync.origin(block)
        if keep:
            store.save_household({"stats": [household.stats]})
    return str(block["origin"])


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
        raise BadInput(HOURS_OVER(who=who, already=already, day=day.isoformat(), hours=float(record["hours"]),
                                  limit=limit), HOURS_OVER_HINT)


def first_weight(store: StoreLike) -> Record | None:
    """The earliest weight entry: months are read oldest first, stopping at the first with a weight."""
    for key in store.month_keys():
        weights = [r for r in store.month_records(key) if r["kind"] == "weight"]
        if weights:
            return min(weights, key=lambda r: (r["day"], r["at"]))
    return None






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
        entry.revise(replaces, home_origin(store, household, keep=False))  # changed now, whatever its time
    record = entry.to_record()
    if kind == "hours":
        check_hours(store, household, record)
    return entry


def add_entries(store: StoreLike, household: Household, entries: list[Entry], label: Message | str,
                change: Change | None = None) -> list[Record]:
    """Store new entries as one undoable change."""
    change = change or Change(label)
    records = [e.to_record() for e in entries]
    store.insert(records)
    for record in records:
        change.inserted(record)
    change.save(store)
    return records


def log(store: StoreLike, kind: str, fields: dict[str, Any], *, at: str | None = None,
        caregiver: str | None = None) -> Record:
    household = load(store)
    entry = make_entry(store, household, kind, fields, at=at, caregiver=caregiver)
    # The warnings are shown with the logged entry, never stored: they are derived from the entries.
    shown = [f.to_dict() for f in redflags.flags_for([entry.to_record()], store, household)]
    record = add_entries(store, household, [entry], LOGGED(kind=kinds.get(kind).label))[0]
    return {**record, "warnings": shown}


# --- listing ---------------------------------------------------------------------------
def check_range(start: date | None, end: date | None) -> None:
    if start and end and start > end:
        raise BadInput(FROM_AFTER_TO(start=start.isoformat(), end=end.isoformat()), FROM_AFTER_TO_HINT)


def history(
    store: StoreLike, household: Household, *, start: date | None = None, end: date | None = None,
    kind: str | None = None, caregiver: str | None = None, limit: int | None = None,
) -> list[Record]:
    """Entries newest first, reading only the months the filters need."""
    if kind:
        kinds.get(kind)
    if limit is not None and limit < 1:
        raise BadInput(LIMIT_TOO_SMALL, LIMIT_HINT)
    check_range(start, end)
    who = household.find_caregiver(caregiver, include_removed=True).id if caregiver else None

    def wanted(r: Record) -> bool:
        return (not kind or r["kind"] == kind) and (not who or r.get("caregiver") == who)

    source: Iterator[Record]
    if start:
        hi = end or dates.today()
        source = reversed(store.records_between(start, hi))
    elif end:  # open start: walk back month by month instead of reading everything
        source = (r for r in store.newest_records() if r["day"] <= end.isoformat())
    else:
        source = iter(store.newest_records())
    rows: list[Record] = []
    for r in source:
        if wanted(r):
            rows.append(r)
            if limit and len(rows) >= limit:
                break
    return rows


# --- correcting ------------------------------------------------------------------------
def _find(store: StoreLike, entry_id: str) -> Record:
    """The entry an id (or its first characters) names; no id is longer than 32 characters."""
    if len(entry_id.strip()) > ID_LENGTH:
        raise BadInput(NOT_AN_ID(id=shown(entry_id.strip())), NOT_AN_ID_HINT)
    return store.find(entry_id)


def _check_editable(kind: kinds.Kind, changes: dict[str, Any]) -> None:
    wrong = sorted(set(changes) - kind.editable)
    if not wrong:
        return
    options = {f.name: f"--{f.option}" for k in kinds.all_kinds() for f in k.fields}
    allowed = [f"--{f.option}" for f in kind.fields if f.editable]
    hint = (NO_SUCH_FIELD_HINT(kind=kind.label, options=", ".join(allowed)) if allowed
            else NOTHING_EDITABLE_HINT(kind=kind.label))
    raise BadInput(NO_SUCH_FIELD(kind=kind.label, option=options.get(wrong[0], wrong[0])), hint)


def edit(store: StoreLike, entry_id: str, changes: dict[str, Any], *, at: str | None = None,
         caregiver: str | None = None) -> tuple[Record, Record]:
    """Correct an entry's fields (by field name), time or caregiver; returns (before, after).

    Only a new time changes the entry's day: a correction of the text keeps it where it was.
    """
    household = load(store)
    before = _find(store, entry_id)
    kind = kinds.get(before["kind"])
    _check_editable(kind, changes)
    if not changes and not at and not caregiver:
        raise BadInput(NOTHING_TO_CHANGE, NOTHING_TO_CHANGE_HINT)
    entry = Entry.from_record(before)
    entry.fields = validate(kind.name, {**entry.fields, **changes})
    if at:
        entry.move_to(resolve_moment(household, at))
    if caregiver:
        entry.caregiver = household.find_caregiver(caregiver).id
    entry.revise(before, home_origin(store, household))
    after = entry.to_record()
    if kind.name == "hours":
        check_hours(store, household, after)
    store.update(after)
    change = Change(EDITED(kind=kind.label))
    change.updated(before, after)
    change.save(store)
    shown = [f.to_dict() for f in redflags.flags_for([after], store, household)]
    return before, {**after, "warnings": shown}


def delete(store: StoreLike, entry_id: str) -> Record:
    """Delete an entry, leaving a tombstone so the deletion travels to the other computer."""
    household = load(store)
    record = store.delete(_find(store, entry_id)["id"])
    block = sync.block(household.stats)
    block["deleted"][sync.entry_key(record["id"])] = sync.tombstone(record, here=sync.origin(block))
    store.save_household({"stats": [household.stats]})
    change = Change(DELETED(kind=_kind_label(record["kind"])))
    change.deleted(record)
    change.save(store)
    return record


def undo(store: StoreLike) -> Record | None:
    """Revert the last change; returns it (None when there is nothing to undo).

    Undoing is itself a change that travels to the other computer: an entry put back is stamped
    as changed now (a restored deletion names the tombstone it takes back, which goes), an entry
    taken away leaves a tombstone, and the household parts put back are stamped (transfer/sync.py).
    """
    action = store.pop_undo()
    if action is None:
        return None
    household = load(store) if store.has_household() else None
    tables = household.to_tables() if household else None
    stats = household.stats if household else {}
    deleted = sync.block(stats)["deleted"]
    here = sync.origin(sync.block(stats))
    when = dates.now()
    for step in reversed(action["steps"]):
        if step["op"] == "insert":
            gone = store.delete(step["record"]["id"])
            deleted[sync.entry_key(gone["id"])] = sync.tombstone(gone, here=here)
        elif step["op"] == "delete":
            stone = deleted.pop(sync.entry_key(step["record"]["id"]), None)
            back = Entry.from_record(step["record"])
            back.revise(step["record"], here, when,
                        also_known=(sync.tombstone_revision(stone),) if stone else ())
            store.insert([back.to_record()])
        else:
            now_stored = store.get(step["after"]["id"])
            restored = Entry.from_record(step["before"])
            restored.revise(now_stored, here, when)
            store.update(restored.to_record())
    if action.get("household_before") is not None and tables is not None:
        restored_tables = {**action["household_before"], "stats": [stats]}
        sync.stamp_changes(tables, restored_tables)
        store.save_household(restored_tables)
    elif household is not None:
        store.save_household({"stats": [stats]})
    return action
