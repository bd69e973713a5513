"""Import: check the whole file first (nothing written), then merge it into this home.

Merging is by id and revision (transfer/merge.py makes the plan): new entries are added, edits and
deletions made on the other computer travel, a change made on both is a conflict the later change
wins (the other version is kept in the conflict history, `caretool import --conflicts`), and a
check-in recorded on both computers is combined into one. Importing the same file twice changes
nothing. Caregivers are matched by id, then by name; medications by id, then by name. The hours of
care per caregiver per day are counted over the merged result, as `log hours` counts them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from caretool.core import dates
from caretool.core.errors import BadInput
from caretool.core.messages import msg
from caretool.core.text import name_key
from caretool.domain.entries import service as entries
from caretool.domain.entries.model import Record
from caretool.domain.household.model import Household
from caretool.domain.transfer import household as incoming
from caretool.domain.transfer import merge as merging
from caretool.domain.transfer import merge_household as household_merge
from caretool.domain.transfer import records, revisions, sync
from caretool.domain.transfer.reading import ExportFile

Advance = Callable[[int], None]
PROGRESS_STEP = 500  # records checked between two moves of the progress bar (each move costs)

NO_PERSON = msg("import.no-person", "{path} has no person's name and this home has no household")
NO_PERSON_HINT = msg("import.no-person.hint", "run `caretool init` first, then import")
BROKEN_TEXT = msg("import.household-broken-text",
                  "the household in {path} holds a broken character (a lone surrogate) in {field!r}")
OTHER_PERSON = msg("import.other-person", "{path} is about {theirs}, but this home is about {ours}")
OTHER_PERSON_HINT = msg("import.other-person.hint",
                        "check that this is the right file; if it is the same person spelt another way, "
                        "change the name here first with `caretool init --person NAME`")
TOO_MANY_HOURS = msg("import.record-too-many-hours-here",
                     "with the {already:g} h already logged here, it brings {who}'s hours of care on {day} "
                     "to {total:g}, more than the {limit:g} h that day has")


def _noop(_: int = 1) -> None:
    return None


@dataclass
class Checked:
    """An export whose every part has been checked; nothing has been written yet."""

    path: Path
    household: Household
    records: list[Record] = field(default_factory=list)
    origin: str = ""  # the exporting home's (version 2)
    changes: dict[str, dict[str, Any]] = field(default_factory=dict)  # household stamps
    deleted: dict[str, dict[str, Any]] = field(default_factory=dict)  # tombstones


def check(export: ExportFile, advance: Advance = _noop) -> Checked:
    """Check every part of a parsed export. Raises BadInput for the first problem found."""
    path = export.path
    if export.may_hold_surrogates and (where := records.broken_text(export.data["household"])):
        raise BadInput(BROKEN_TEXT(path=str(path), field=where), incoming.FIX_HINT)
    household = incoming.check(path, export.data["household"])
    origin = revisions.origin(path, export.data.get("origin"))
    changes = revisions.changes(path, export.data.get("changes"))
    deleted = revisions.deleted(path, export.data.get("deleted"))
    ctx = records.Context(household=household, caregiver_ids={c.id for c in household.caregivers},
                          latest=dates.now() + records.FUTURE_SLACK, check_text=export.may_hold_surrogates)
    out: list[Record] = []
    for index, raw in enumerate(export.records):
        out.append(records.check_record(index, raw, ctx))
        if index % PROGRESS_STEP == PROGRESS_STEP - 1:
            advance(PROGRESS_STEP)
    advance(len(out) % PROGRESS_STEP)
    return Checked(path, household, out, origin=origin, changes=changes, deleted=deleted)


# --- merging ------------------------------------------------------------------------------
def _read_home(store: entries.StoreLike) -> dict[str, Record]:
    """Every entry here by id (one pass over the home)."""
    return {r["id"]: r for key in store.month_keys() for r in store.month_records(key)}


def _days(ours: dict[str, Record], days: set[str]) -> dict[str, list[str]]:
    """The ids here of each of `days`."""
    found: dict[str, list[str]] = {}
    if days:
        for rid, record in ours.items():
            if record["day"] in days:
                found.setdefault(record["day"], []).append(rid)
    return found


def _state(household: Household, block: dict[str, Any]) -> str:
    """The household and the sync block's merged parts, to tell whether a merge changed them (not
    the origin: a home without one yet gets it the next time it writes anyway)."""
    parts = {"cells": sync.cells(household.to_tables()),
             **{k: block.get(k) for k in ("stamps", "deleted", "conflicts")}}
    return json.dumps(parts, sort_keys=True, default=str)


def _clear_undo(store: Any) -> None:
    """An undo recorded before the merge would put back a household or entries from before it
    (caregivers that entries now name could vanish): the backup taken is the way back."""
    while store.pop_undo() is not None:
        pass


def merge(store: Any, checked: Checked, advance: Advance = _noop) -> dict[str, Any]:
    """Merge the file into the home. A backup is taken before the first write; returns what changed."""
    created = not store.has_household()
    papers_added: list[str] = []
    at = sync.now_stamp()
    if created:
        if not checked.household.person.get("name"):
            raise BadInput(NO_PERSON(path=str(checked.path)), NO_PERSON_HINT)
        household = checked.household
        mine_sync = sync.block(household.stats)
        mine_sync["origin"] = sync.new_origin()  # this home is not the one that exported the file
        mine_sync["stamps"] = dict(checked.changes)
        mine_sync["deleted"] = {k: v for k, v in checked.deleted.items() if not k.startswith("entries/")}
        before = ""
        merged = household_merge.HouseholdMerge(
            household=household, mapping={c.id: c.id for c in household.caregivers},
            caregivers_added=[c.name for c in household.caregivers],
            medications_added=[str(m.get("name")) for m in household.medications])
    else:
        household = entries.load(store)
        theirs, ours_name = checked.household.person.get("name"), household.person.get("name")
        if theirs and ours_name and name_key(str(theirs)) != name_key(str(ours_name)):
            raise BadInput(OTHER_PERSON(path=str(checked.path), theirs=theirs, ours=ours_name),
                           OTHER_PERSON_HINT)
        mine_sync = sync.block(household.stats)
        before = _state(household, mine_sync)
        merged = household_merge.merge_household(household, checked.household, mine_sync, checked.changes,
                                         checked.deleted, at=at)
        from caretool.domain.sheet import papers

        papers_added = papers.merge(household, checked.household)  # contacts, equipment, decisions
    here = sync.origin(mine_sync)
    ours = {} if created else _read_home(store)
    theirs_records = [r if r.get("caregiver") is None or merged.mapping[r["caregiver"]] == r["caregiver"]
                      else {**r, "caregiver": merged.mapping[r["caregiver"]]} for r in checked.records]
    names = {c.id: c.name for c in household.caregivers}
    plan = merging.plan_entries(ours, mine_sync["deleted"], theirs_records, checked.deleted, at=at,
                                names=names, advance=advance)
    by_day = _days(ours, plan.touched)
    merging.combine(plan, ours, by_day, at=at, here=here)
    for record, total, already in merging.hours_over(plan, ours, by_day):
        index = next(i for i, r in enumerate(checked.records) if r["id"] == record["id"])
        limit = dates.day_length_hours(date.fromisoformat(record["day"]))
        who = household.caregiver_name(record.get("caregiver"))
        raise records.problem(index, record, TOO_MANY_HOURS(already=already, who=who, day=record["day"],
                                                            total=total, limit=limit))
    deleted = mine_sync["deleted"]
    for key in plan.untombstone:
        deleted.pop(key, None)
    deleted.update(plan.tombstones)
    sync.add_conflicts(mine_sync, plan.history + merged.history)
    household_changed = created or bool(papers_added) or before != _state(household, mine_sync)
    backup = None
    if plan.writes or household_changed:
        if not created:
            backup = store.backup("before-import")
            _clear_undo(store)
        for rid in plan.deletes:
            store.delete(rid)
        for record in plan.updates.values():
            store.update(record)
        by_month: dict[str, list[Record]] = {}
        for record in plan.inserts.values():
            by_month.setdefault(record["day"][:7], []).append(record)
        for key in sorted(by_month):
            store.insert(by_month[key])
            advance(len(by_month[key]))
        store.save_household(household.to_tables())
    return {
        "file": str(checked.path),
        "added": plan.added,
        "updated": plan.updated,
        "deleted": plan.deleted,
        "skipped": max(len(checked.records) - plan.added - plan.updated - plan.dropped, 0),
        "caregivers_added": merged.caregivers_added,
        "medications_added": merged.medications_added,
        "care_papers_added": papers_added,
        "household": merged.changes,
        "combined": plan.combined,
        "conflicts": [{**c, "message": merging.history_message(c, names)}
                      for c in plan.conflicts + merged.conflicts],
        "household_created": created,
        "person": household.name,
        "backup": str(backup) if backup else None,
    }


def conflict_history(store: Any) -> list[dict[str, Any]]:
    """The conflicts earlier imports found, newest first, each with both versions and its words."""
    household = entries.load(store)
    names = {c.id: c.name for c in household.caregivers}
    found = sync.block(household.stats)["conflicts"]
    return [{**item, "message": merging.history_message(item, names)} for item in reversed(found)]
