"""The household in an import file merged into this one's, part by part (transfer/sync.py: cells).

A caregiver, a medication or a phase change merges by id (a phase change by its phase and date),
one field of the person and one setting on their own (not who uses this computer). A part changed
on one computer since the two last agreed travels; changed on both, it is a conflict the later
change wins, reported like an entry's (merge.py). A merge never takes a caregiver away: entries may
name them (`caregiver remove` travels as a change).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from caretool.core.messages import msg
from caretool.core.text import name_key
from caretool.domain.entries.model import Record
from caretool.domain.household.model import Caregiver, Household
from caretool.domain.transfer import sync
from caretool.domain.transfer.merge import CHANGED_ON_BOTH, PERSON_FIELDS, lost, value_words

MEDICATION_STOPPED = msg("merge.medication-stopped", "{name}: stopped")

MEDICATION_RESUMED = msg("merge.medication-resumed", "{name}: no longer stopped")

MEDICATION_DOSE = msg("merge.medication-dose", "{name}: the dose is now {dose}")

MEDICATION_CHANGED = msg("merge.medication-changed", "{name}: changed")

MEDICATION_REMOVED = msg("merge.medication-removed", "{name}: taken off the list")

CAREGIVER_REMOVED = msg("merge.caregiver-removed", "{name}: no longer a caregiver")

CAREGIVER_BACK = msg("merge.caregiver-back", "{name}: a caregiver again")

CAREGIVER_CHANGED = msg("merge.caregiver-changed", "{name}: changed")

PERSON_CHANGED = msg("merge.person-changed", "the person's {field}: {value}")

SETTING_CHANGED = msg("merge.setting-changed", "the setting {key}: {value}")

PHASE_ADDED = msg("merge.phase-added", "phase {phase} from {day}")

PHASE_REMOVED = msg("merge.phase-removed", "phase {phase} from {day} was taken back")


# --- the household ----------------------------------------------------------------------------
@dataclass
class HouseholdMerge:
    household: Household
    mapping: dict[str, str]
    caregivers_added: list[str] = field(default_factory=list)
    medications_added: list[str] = field(default_factory=list)
    changes: list[Record] = field(default_factory=list)
    conflicts: list[Record] = field(default_factory=list)
    history: list[Record] = field(default_factory=list)


def decide(mine: Any, my_stamp: dict[str, Any] | None, theirs: Any, their_stamp: dict[str, Any] | None
           ) -> str:
    """One household cell: "same", "ours", "theirs", or a conflict won by "conflict-ours" or
    "conflict-theirs": the side that has a value when the other is blank (allergies typed on one
    computer, Enter pressed at that question on the other), else the later change (with no revision
    on either side, this home's)."""
    if mine == theirs:
        return "same"
    # A question left blank on one computer never erases the answer given on the other.
    blank_against_value = _blank(mine) != _blank(theirs)
    if my_stamp is None and their_stamp is None:
        return "conflict-theirs" if blank_against_value and _blank(mine) else "conflict-ours"
    if sync.stamp_revision(my_stamp) in ((their_stamp or {}).get("revisions") or []):
        return "theirs"
    if (sync.stamp_revision(their_stamp) in sync.stamp_lineage(my_stamp)
            or lost(sync.stamp_revision(their_stamp)) in ((my_stamp or {}).get("revisions") or [])):
        return "ours"
    if blank_against_value:
        return "conflict-ours" if _blank(theirs) else "conflict-theirs"
    mine_at = sync.moment(my_stamp.get("changed")) if my_stamp else datetime.min.replace(tzinfo=UTC)
    theirs_at = sync.moment(their_stamp.get("changed")) if their_stamp else datetime.min.replace(tzinfo=UTC)
    if (theirs_at, str((their_stamp or {}).get("origin"))) > (mine_at, str((my_stamp or {}).get("origin"))):
        return "conflict-theirs"
    return "conflict-ours"


def _blank(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _knowing_stamp(stamp: dict[str, Any] | None, other: dict[str, Any] | None) -> dict[str, Any] | None:
    """The winner's stamp, naming the loser's revision as beaten (see lost())."""
    if stamp is None:
        return None
    known = lost(sync.stamp_revision(other))
    earlier = list(stamp.get("revisions") or [])
    return {**stamp, "revisions": [*earlier, known][-sync.REVISIONS_KEPT:]} if known not in earlier else stamp


class _Cells:
    """Deciding household cells, with the stamps of both sides and what each decision reports."""

    def __init__(self, merged: HouseholdMerge, mine: dict[str, Any], theirs: dict[str, Any], at: str) -> None:
        self.merged, self.mine, self.theirs, self.at = merged, mine, theirs, at

    def take(self, key: str, my_value: Any, their_value: Any) -> bool:
        """Whether the file's value wins (its stamp is then this home's)."""
        stamps = self.mine
        verdict = decide(my_value, stamps.get(key), their_value, self.theirs.get(key))
        if verdict == "same":
            if sync.stamp_revision(stamps.get(key)) in ((self.theirs.get(key) or {}).get("revisions") or []):
                stamps[key] = self.theirs[key]
            return False
        if verdict == "ours":
            return False
        if verdict == "theirs":
            stamps[key] = self.theirs[key]
            return True
        kept = "file" if verdict == "conflict-theirs" else "here"
        winner, loser = (their_value, my_value) if kept == "file" else (my_value, their_value)
        if kept == "file":
            stamp = _knowing_stamp(self.theirs.get(key), stamps.get(key))
        else:
            stamp = _knowing_stamp(stamps.get(key), self.theirs.get(key)) or {
                "changed": self.at, "origin": "",
                "revisions": [lost(sync.stamp_revision(self.theirs.get(key)))]}
        if stamp is not None:
            stamps[key] = stamp
        table, _, rid = key.partition("/")
        item = {"at": self.at, "table": table, "id": rid, "reason": CHANGED_ON_BOTH, "kept": kept,
                "kept_version": winner, "lost": loser}
        self.merged.conflicts.append(item)
        self.merged.history.append(item)
        return kept == "file"


def merge_household(local: Household, theirs: Household, mine_sync: dict[str, Any],
                    their_stamps: dict[str, dict[str, Any]], their_deleted: dict[str, dict[str, Any]], *,
                    at: str) -> HouseholdMerge:
    """Merge the file's household into `local` (changed in place), cell by cell."""
    merged = HouseholdMerge(household=local, mapping={})
    stamps, deleted = mine_sync["stamps"], mine_sync["deleted"]
    cells = _Cells(merged, stamps, their_stamps, at)
    _merge_person(cells, local, theirs)
    _merge_settings(cells, local, theirs)
    _merge_caregivers(cells, local, theirs)
    _merge_medications(cells, local, theirs, deleted, their_deleted)
    _merge_phases(cells, local, theirs, deleted, their_deleted)
    return merged


def _merge_person(cells: _Cells, local: Household, theirs: Household) -> None:
    for name in sorted(set(local.person) | set(theirs.person)):
        mine, other = local.person.get(name), theirs.person.get(name)
        if other is None and f"person/{name}" not in cells.theirs:
            continue  # the file does not know this field (an older caretool): nothing to merge
        if cells.take(f"person/{name}", mine, other):
            local.person[name] = other
            cells.merged.changes.append({"table": "person", "field": name, "value": other,
                                         "message": PERSON_CHANGED(field=PERSON_FIELDS.get(name, name),
                                                                   value=value_words(other))})


def _merge_settings(cells: _Cells, local: Household, theirs: Household) -> None:
    for key in sorted(set(local.settings) | set(theirs.settings)):
        if key in sync.LOCAL_SETTINGS:
            continue
        mine, other = local.settings.get(key), theirs.settings.get(key)
        if other is None and f"settings/{key}" not in cells.theirs:
            continue
        if cells.take(f"settings/{key}", mine, other):
            local.settings[key] = other
            cells.merged.changes.append({"table": "settings", "key": key, "value": other,
                                         "message": SETTING_CHANGED(key=key, value=value_words(other))})


def _merge_caregivers(cells: _Cells, local: Household, theirs: Household) -> None:
    """Matched by id (then the fields merge), then by name (the same person on a computer set up on
    its own); a caregiver the home lacks is added. A merge never takes a caregiver away: entries
    may name them (`caregiver remove` travels as a change)."""
    merged = cells.merged
    for c in theirs.caregivers:
        by_id = next((x for x in local.caregivers if x.id == c.id), None)
        if by_id is not None:
            merged.mapping[c.id] = c.id
            mine, other = vars(by_id).copy(), vars(c).copy()
            if cells.take(f"caregivers/{c.id}", mine, other):
                template = (CAREGIVER_REMOVED if by_id.active and not c.active else
                            CAREGIVER_BACK if c.active and not by_id.active else CAREGIVER_CHANGED)
                message = template(name=c.name)
                by_id.name, by_id.relation, by_id.active, by_id.added = c.name, c.relation, c.active, c.added
                merged.changes.append({"table": "caregivers", "id": c.id, "name": c.name, "message": message})
            continue
        by_name = next((x for x in local.caregivers if name_key(x.name) == name_key(c.name)), None)
        if by_name is not None:
            merged.mapping[c.id] = by_name.id
            continue
        local.caregivers.append(Caregiver(name=c.name, relation=c.relation, id=c.id, active=c.active,
                                          added=c.added))
        if f"caregivers/{c.id}" in cells.theirs:
            cells.mine[f"caregivers/{c.id}"] = cells.theirs[f"caregivers/{c.id}"]
        merged.mapping[c.id] = c.id
        merged.caregivers_added.append(c.name)


def _gone(stamp: dict[str, Any] | None, stone: dict[str, Any] | None) -> bool:
    """Whether a tombstone saw this revision of a household row."""
    return stone is not None and sync.stamp_revision(stamp) in (stone.get("seen") or [])


def _merge_medications(cells: _Cells, local: Household, theirs: Household, deleted: dict[str, Any],
                       their_deleted: dict[str, Any]) -> None:
    merged = cells.merged
    active = {name_key(str(m.get("name", ""))) for m in local.medications if not m.get("stopped")}
    for m in theirs.medications:
        key = f"medications/{m.get('id')}"
        index = next((i for i, x in enumerate(local.medications) if x.get("id") == m.get("id")), None)
        if index is not None:
            mine = local.medications[index]
            name = str(m.get("name"))
            if cells.take(key, mine, m):
                if m.get("stopped") and not mine.get("stopped"):
                    message = MEDICATION_STOPPED(name=name)
                elif mine.get("stopped") and not m.get("stopped"):
                    message = MEDICATION_RESUMED(name=name)
                elif m.get("dose") != mine.get("dose"):
                    message = MEDICATION_DOSE(name=name, dose=m.get("dose", ""))
                else:
                    message = MEDICATION_CHANGED(name=name)
                local.medications[index] = dict(m)
                merged.changes.append({"table": "medications", "id": m.get("id"), "name": name,
                                       "message": message})
            continue
        if _gone(cells.theirs.get(key), deleted.get(key)):
            continue  # taken off the list here (undo of `med add`), and the file has the same one
        if name_key(str(m.get("name", ""))) in active and not m.get("stopped"):
            continue  # the same medicine added on each computer: kept once, under this home's id
        local.medications.append(dict(m))
        deleted.pop(key, None)
        if key in cells.theirs:
            cells.mine[key] = cells.theirs[key]
        if not m.get("stopped"):
            active.add(name_key(str(m.get("name", ""))))
        merged.medications_added.append(str(m.get("name")))
    for key, stone in their_deleted.items():
        table, _, rid = key.partition("/")
        if table != "medications":
            continue
        index = next((i for i, x in enumerate(local.medications) if x.get("id") == rid), None)
        if index is not None and _gone(cells.mine.get(key), stone):
            gone = local.medications.pop(index)
            cells.mine.pop(key, None)
            deleted[key] = stone
            merged.changes.append({"table": "medications", "id": rid, "name": gone.get("name"),
                                   "message": MEDICATION_REMOVED(name=str(gone.get("name")))})


def _merge_phases(cells: _Cells, local: Household, theirs: Household, deleted: dict[str, Any],
                  their_deleted: dict[str, Any]) -> None:
    """Phase changes by their phase and date: a change is a fact, so the union is kept (a change
    taken back with `undo` is a tombstone)."""
    merged = cells.merged
    have = {sync.phase_key(p) for p in local.phases}
    for row in theirs.phases:
        key = f"phases/{sync.phase_key(row)}"
        if sync.phase_key(row) in have or _gone(cells.theirs.get(key), deleted.get(key)):
            continue
        local.phases.append(dict(row))
        have.add(sync.phase_key(row))
        deleted.pop(key, None)
        if key in cells.theirs:
            cells.mine[key] = cells.theirs[key]
        day = str(row.get("at"))[:10]
        merged.changes.append({"table": "phases", "phase": row.get("phase"), "at": day,
                               "message": PHASE_ADDED(phase=row.get("phase"), day=day)})
    for key, stone in their_deleted.items():
        table, _, rid = key.partition("/")
        if table != "phases":
            continue
        gone = next((p for p in local.phases if sync.phase_key(p) == rid), None)
        if gone is not None and _gone(cells.mine.get(key), stone):
            local.phases.remove(gone)
            cells.mine.pop(key, None)
            deleted[key] = stone
            day = str(gone.get("at"))[:10]
            merged.changes.append({"table": "phases", "phase": gone.get("phase"), "at": day,
                                   "message": PHASE_REMOVED(phase=gone.get("phase"), day=day)})
    local.phases.sort(key=lambda p: str(p["at"]))
