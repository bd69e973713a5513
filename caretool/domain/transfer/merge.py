"""What merging a checked export into this home changes: a plan, made before anything is written.

Entries merge by id and revision (entries/model.py, transfer/sync.py):
- an entry this home lacks is added, unless this home deleted it (its tombstone has seen it);
- an edit made on top of this home's copy replaces it (edits travel);
- a copy changed on both computers is a conflict: the later change wins, the other version goes to
  the conflict history, and the winner names the loser as beaten (lost()): the computer that had
  the losing version reports the conflict too when it merges the winner, and the same files merged
  again agree without another report;
- a tombstone in the file deletes this home's copy when that copy is one the deletion saw; a copy
  changed since is a conflict (the later of the change and the deletion wins);
- a check-in is one record per kind per caregiver per day (and a scheduled dose one record): two
  from two computers are combined, the later kept, the other deleted with a tombstone that names
  the one kept, and kept in the conflict history.
The household merges part by part in the same way: see merge_household.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from caretool.core import dates
from caretool.core.errors import CaretoolError
from caretool.core.messages import Message, msg
from caretool.core.text import name_key
from caretool.domain.entries import kinds
from caretool.domain.entries.model import SYNC_FIELDS, Record, lineage, revision
from caretool.domain.household.service import BORN, DIAGNOSED, ONSET, PERSON_NAME
from caretool.domain.transfer import sync

Advance = Callable[[int], None]
LOST = "lost "

# Why two versions met, and which one was kept ("here": this computer's, "file": the file's).
CHANGED_ON_BOTH = "changed-on-both"
DELETED_HERE = "deleted-here-changed-there"
DELETED_THERE = "changed-here-deleted-there"
SAME_CHECKIN = "same-check-in"
SAME_DOSE = "same-dose"

WHAT_ENTRY = msg("merge.what-entry", "entry {id} ({kind})")
WHAT_MEDICATION = msg("merge.what-medication", "medication {name}")
WHAT_CAREGIVER = msg("merge.what-caregiver", "caregiver {name}")
WHAT_PERSON = msg("merge.what-person", "the person's {field}")
WHAT_SETTING = msg("merge.what-setting", "the setting {key}")
WHAT_PHASE = msg("merge.what-phase", "phase {phase} from {day}")
NOTHING = msg("merge.nothing", "not set")
DELETION = msg("merge.deletion", "deleted")
MEDICATION_VERSION = msg("merge.medication-version", "{name} {dose}")
MEDICATION_VERSION_STOPPED = msg("merge.medication-version-stopped", "{name} {dose}, stopped")
CAREGIVER_VERSION = msg("merge.caregiver-version", "{name}")
CAREGIVER_VERSION_REMOVED = msg("merge.caregiver-version-removed", "{name}, removed")
CONFLICT_BOTH_KEPT_FILE = msg(
    "merge.changed-on-both.file",
    "{what} was changed on both computers: kept the later change from the other computer ({kept}); "
    "this computer's version ({lost}) is in the conflict history")
CONFLICT_BOTH_KEPT_HERE = msg(
    "merge.changed-on-both.here",
    "{what} was changed on both computers: kept the later change made on this computer ({kept}); "
    "the other computer's version ({lost}) is in the conflict history")
DELETED_HERE_KEPT_FILE = msg(
    "merge.deleted-here.file",
    "{what} was deleted on this computer and changed later on the other: kept the change ({kept})")
DELETED_HERE_KEPT_HERE = msg(
    "merge.deleted-here.here",
    "{what} was changed on the other computer and deleted later on this one: it stays deleted; the "
    "change ({lost}) is in the conflict history")
DELETED_THERE_KEPT_HERE = msg(
    "merge.deleted-there.here",
    "{what} was deleted on the other computer and changed later on this one: kept the change ({kept})")
DELETED_THERE_KEPT_FILE = msg(
    "merge.deleted-there.file",
    "{what} was changed on this computer and deleted later on the other: deleted it; this computer's "
    "version ({lost}) is in the conflict history")
COMBINED_CHECKIN = msg(
    "merge.same-check-in",
    "{who}'s check-in on {day} was recorded on both computers: kept {kept}; the other ({lost}) is in the "
    "conflict history")
COMBINED_DOSE = msg(
    "merge.same-dose",
    "the {time} {medication} dose on {day} was recorded on both computers: kept {kept}; the other "
    "({lost}) is in the conflict history")
WEIGHT_AT_DIAGNOSIS = msg("merge.field-weight-at-diagnosis", "weight at diagnosis")

CONFLICT_MESSAGES = {
    (CHANGED_ON_BOTH, "file"): CONFLICT_BOTH_KEPT_FILE, (CHANGED_ON_BOTH, "here"): CONFLICT_BOTH_KEPT_HERE,
    (DELETED_HERE, "file"): DELETED_HERE_KEPT_FILE, (DELETED_HERE, "here"): DELETED_HERE_KEPT_HERE,
    (DELETED_THERE, "here"): DELETED_THERE_KEPT_HERE, (DELETED_THERE, "file"): DELETED_THERE_KEPT_FILE,
}
PERSON_FIELDS: dict[str, Message] = {"name": PERSON_NAME, "born": BORN, "onset": ONSET,
                                     "diagnosed": DIAGNOSED, "weight_at_diagnosis": WEIGHT_AT_DIAGNOSIS}


def content(record: Record | None) -> Record | None:
    """What a record says, without its revision bookkeeping (nor the warnings once stored)."""
    if record is None:
        return None
    return {k: v for k, v in record.items() if k not in SYNC_FIELDS and k != "warnings"}


def when(record: Record) -> datetime:
    return sync.moment(record.get("changed") or record.get("created") or record.get("at"))


def later(a: Record, b: Record) -> Record:
    """The later change of two versions (ties: a fixed order, so both computers choose alike)."""
    def order(r: Record) -> tuple[datetime, str, str, str]:
        return when(r), str(r.get("origin") or ""), revision(r), str(r.get("id"))
    return a if order(a) >= order(b) else b


def knowing(record: Record, *also: str) -> Record:
    """`record` with more revisions it supersedes (its own revision unchanged)."""
    known = [r for r in also if r not in (record.get("revisions") or [])]
    if not known:
        return record
    return {**record, "revisions": [*(record.get("revisions") or []), *known][-sync.REVISIONS_KEPT:]}


def lost(rev: str) -> str:
    """How a winner names the version it beat in a conflict: the computer that had that version
    sees, when it merges the winner, that its version lost (and says so) rather than an edit."""
    return f"{LOST}{rev}"


def against(record: Record, stone: dict[str, Any]) -> str:
    """A copy of an entry against a tombstone of it: "kept" (restored after the deletion),
    "deleted" (the deletion saw this copy), "lost" (the deletion won a conflict with this copy
    elsewhere), or "conflict" (changed where the deletion was not seen)."""
    if sync.tombstone_revision(stone) in (record.get("revisions") or []):
        return "kept"
    seen = stone.get("seen") or []
    if revision(record) in seen:
        return "deleted"
    return "lost" if lost(revision(record)) in seen else "conflict"


def describe(record: Record) -> Message | str:
    try:
        return kinds.get(record["kind"]).describe(record)
    except (CaretoolError, KeyError, TypeError, ValueError):  # a kind this caretool does not know
        return str(record.get("kind"))


def _kind_label(record: Record) -> Message | str:
    try:
        return kinds.get(record["kind"]).label
    except (CaretoolError, KeyError):
        return str(record.get("kind"))


# --- the plan ---------------------------------------------------------------------------------
@dataclass
class Plan:
    inserts: dict[str, Record] = field(default_factory=dict)
    updates: dict[str, Record] = field(default_factory=dict)
    deletes: dict[str, Record] = field(default_factory=dict)  # id -> the copy deleted
    tombstones: dict[str, dict[str, Any]] = field(default_factory=dict)  # to add here
    untombstone: set[str] = field(default_factory=set)  # tombstones here to drop
    added: int = 0
    updated: int = 0
    deleted: int = 0
    conflicts: list[Record] = field(default_factory=list)
    combined: list[Record] = field(default_factory=list)
    history: list[Record] = field(default_factory=list)  # for the conflict history
    touched: set[str] = field(default_factory=set)  # days whose entries change here
    names: dict[str, str] = field(default_factory=dict)  # caregiver names by id, for the words
    by_day: dict[str, list[str]] = field(default_factory=dict)  # ids put, by their new day
    dropped: int = 0  # records of the file combined into one already here

    @property
    def writes(self) -> bool:
        return bool(self.inserts or self.updates or self.deletes or self.tombstones or self.untombstone)

    def current(self, entry_id: str, ours: dict[str, Record]) -> Record | None:
        if entry_id in self.deletes:
            return None
        return self.updates.get(entry_id) or self.inserts.get(entry_id) or ours.get(entry_id)

    def put(self, record: Record, ours: dict[str, Record]) -> None:
        """Store this version (a new entry or one replacing this home's copy)."""
        rid = record["id"]
        if rid in ours:
            self.updates[rid] = record
            self.touched.add(ours[rid]["day"])
        else:
            self.inserts[rid] = record
        self.touched.add(record["day"])
        self.by_day.setdefault(record["day"], []).append(rid)

    def remove(self, rid: str, ours: dict[str, Record]) -> None:
        if rid in self.inserts:
            self.touched.add(self.inserts.pop(rid)["day"])
        elif rid in ours:
            self.updates.pop(rid, None)
            self.deletes[rid] = ours[rid]
            self.touched.add(ours[rid]["day"])


def _entry_conflict(plan: Plan, record: Record, *, reason: str, kept: str, kept_version: Record | None,
                    lost: Record | None, at: str) -> None:
    item = {"at": at, "table": "entries", "id": record["id"], "reason": reason, "kept": kept,
            "kept_version": kept_version, "lost": lost}
    plan.conflicts.append(item)
    plan.history.append(item)


def _what(table: str, rid: str, version: Any) -> Message:
    row = version if isinstance(version, dict) else {}
    if table == "entries":
        return WHAT_ENTRY(id=rid[:7], kind=_kind_label(row) if row else "-")
    if table == "medications":
        return WHAT_MEDICATION(name=row.get("name", rid))
    if table == "caregivers":
        return WHAT_CAREGIVER(name=row.get("name", rid))
    if table == "person":
        return WHAT_PERSON(field=PERSON_FIELDS.get(rid, rid))
    if table == "phases":
        phase, _, day = rid.partition("@")
        return WHAT_PHASE(phase=phase, day=day)
    return WHAT_SETTING(key=rid)


def _words(table: str, version: Any) -> Message | str:
    if table == "entries":
        return describe(version) if isinstance(version, dict) else DELETION
    if table == "medications":
        return medication_words(version)
    if table == "caregivers":
        return caregiver_words(version)
    return value_words(version)


def history_message(item: Record, names: dict[str, str]) -> Message:
    """The words for a conflict or a combined record, from what is stored about it."""
    reason, kept = item.get("reason"), item.get("kept")
    winner, loser = item.get("kept_version"), item.get("lost")
    if reason in (SAME_CHECKIN, SAME_DOSE) and isinstance(winner, dict) and isinstance(loser, dict):
        message: Message = _combined_item(winner, loser, names)["message"]
        return message
    table, rid = str(item.get("table")), str(item.get("id"))
    template = CONFLICT_MESSAGES.get((str(reason), str(kept)), CONFLICT_BOTH_KEPT_HERE)
    return template(what=_what(table, rid, winner if winner is not None else loser),
                    kept=_words(table, winner), lost=_words(table, loser))


def plan_entries(ours: dict[str, Record], deleted_here: dict[str, dict[str, Any]], theirs: list[Record],
                 deleted_there: dict[str, dict[str, Any]], *, at: str, names: dict[str, str],
                 advance: Advance = lambda n: None) -> Plan:
    """What the file's records and tombstones change here (`theirs` already uses this home's
    caregiver ids)."""
    plan = Plan(names=names)
    in_file: set[str] = set()
    for number, record in enumerate(theirs, 1):
        in_file.add(record["id"])
        _merge_record(plan, ours, deleted_here, record, at)
        if number % 500 == 0:
            advance(500)
    advance(len(theirs) % 500)
    for key, stone in deleted_there.items():
        table, _, rid = key.partition("/")
        if table == "entries" and rid not in in_file:
            _merge_tombstone(plan, ours, deleted_here, rid, stone, at)
    return plan


def _merge_record(plan: Plan, ours: dict[str, Record], deleted_here: dict[str, dict[str, Any]],
                  record: Record, at: str) -> None:
    rid = record["id"]
    mine = ours.get(rid)
    key = sync.entry_key(rid)
    stone = deleted_here.get(key)
    if mine is None and stone is None:
        plan.put(record, ours)
        plan.added += 1
    elif mine is None:
        assert stone is not None
        _record_deleted_here(plan, ours, record, key, stone, at)
    elif mine == record:  # the usual case, settled without copying either
        pass
    elif content(mine) == content(record):
        if revision(mine) != revision(record) and revision(mine) in (record.get("revisions") or []):
            plan.put(record, ours)  # the same words, a newer revision: take it, so both agree
    elif revision(mine) in (record.get("revisions") or []):  # an edit made on top of this copy
        plan.put(record, ours)
        plan.updated += 1
    elif revision(record) in lineage(mine) or lost(revision(record)) in (mine.get("revisions") or []):
        pass  # this copy is the newer one, or beat that one in a conflict already
    elif later(mine, record) is record:  # changed on both: the later change wins
        plan.put(knowing(record, lost(revision(mine))), ours)
        plan.updated += 1
        _entry_conflict(plan, record, reason=CHANGED_ON_BOTH, kept="file", kept_version=record, lost=mine,
                        at=at)
    else:
        plan.put(knowing(mine, lost(revision(record))), ours)
        _entry_conflict(plan, mine, reason=CHANGED_ON_BOTH, kept="here", kept_version=mine, lost=record,
                        at=at)


def _record_deleted_here(plan: Plan, ours: dict[str, Record], record: Record, key: str,
                         stone: dict[str, Any], at: str) -> None:
    """A record of the file that this home deleted."""
    verdict = against(record, stone)
    if verdict in ("deleted", "lost"):
        return
    if verdict == "kept":  # put back on the other computer after this deletion reached it
        plan.put(record, ours)
        plan.untombstone.add(key)
        plan.added += 1
    elif when(record) > sync.moment(stone.get("at")):  # changed there after it was deleted here
        plan.put(knowing(record, sync.tombstone_revision(stone)), ours)
        plan.untombstone.add(key)
        plan.added += 1
        _entry_conflict(plan, record, reason=DELETED_HERE, kept="file", kept_version=record, lost=None,
                        at=at)
    else:  # deleted here after the change there: it stays deleted, and this copy is known now
        plan.tombstones[key] = {**stone, "seen": [*(stone.get("seen") or []), lost(revision(record))]}
        _entry_conflict(plan, record, reason=DELETED_HERE, kept="here", kept_version=None, lost=record,
                        at=at)


def _merge_tombstone(plan: Plan, ours: dict[str, Record], deleted_here: dict[str, dict[str, Any]], rid: str,
                     stone: dict[str, Any], at: str) -> None:
    """A tombstone of the file."""
    key = sync.entry_key(rid)
    mine = ours.get(rid)
    if mine is None:
        known = deleted_here.get(key)
        if known is None:
            plan.tombstones[key] = stone  # kept, so a copy still on a third computer is deleted too
        else:
            seen = list(known.get("seen") or [])
            seen += [s for s in stone.get("seen") or [] if s not in seen]
            if seen != known.get("seen"):
                plan.tombstones[key] = {**known, "seen": seen[-sync.REVISIONS_KEPT:]}
        return
    verdict = against(mine, stone)
    if verdict == "kept":
        return
    if verdict == "deleted":
        plan.remove(rid, ours)
        plan.tombstones[key] = stone
        plan.deleted += 1
        if stone.get("combined_into"):
            winner = plan.current(stone["combined_into"], ours)
            if winner is not None:
                plan.combined.append(_combined_item(winner, mine, plan.names))
    elif verdict == "conflict" and when(mine) > sync.moment(stone.get("at")):  # changed here, later
        plan.put(knowing(mine, sync.tombstone_revision(stone)), ours)
        _entry_conflict(plan, mine, reason=DELETED_THERE, kept="here", kept_version=mine, lost=None, at=at)
    else:  # deleted there after this copy changed (or the deletion won that conflict there already)
        plan.remove(rid, ours)
        seen = list(stone.get("seen") or [])
        plan.tombstones[key] = {**stone, "seen": seen if lost(revision(mine)) in seen
                                else [*seen, lost(revision(mine))]}
        plan.deleted += 1
        _entry_conflict(plan, mine, reason=DELETED_THERE, kept="file", kept_version=None, lost=mine, at=at)


# --- one check-in per kind per caregiver per day ------------------------------------------------
CHECKIN_KINDS = ("hours", "wellbeing", "note")


def combine_key(record: Record) -> tuple[Any, ...] | None:
    """Records that say the same thing once: a check-in's answer, a scheduled dose."""
    kind = record.get("kind")
    if record.get("source") == "checkin" and kind in CHECKIN_KINDS:
        return ("checkin", record.get("caregiver"), record["day"], kind)
    if record.get("source") == "checkin" and kind == "symptom":
        return ("checkin", record.get("caregiver"), record["day"], kind, record.get("name"))
    if kind == "dose" and record.get("scheduled_for") and not record.get("extra"):
        try:
            slot = datetime.fromisoformat(str(record["scheduled_for"])).astimezone(UTC).isoformat()
        except ValueError:
            return None
        return ("dose", name_key(str(record.get("medication", ""))), slot)
    return None


def _combined_item(kept: Record, dropped: Record, names: dict[str, str] | None = None) -> Record:
    who = (names or {}).get(str(kept.get("caregiver")), "-")
    if kept.get("kind") == "dose":
        slot = datetime.fromisoformat(str(kept["scheduled_for"]))
        message = COMBINED_DOSE(time=f"{slot:%H:%M}", medication=kept.get("medication", ""), day=kept["day"],
                                kept=describe(kept), lost=describe(dropped))
    else:
        message = COMBINED_CHECKIN(who=who, day=kept["day"], kept=describe(kept), lost=describe(dropped))
    return {"kind": kept.get("kind"), "caregiver": who, "day": kept["day"], "kept": kept["id"],
            "lost": dropped["id"], "kept_version": kept, "lost_version": dropped, "message": message}


def combine(plan: Plan, ours: dict[str, Record], by_day: dict[str, list[str]], *, at: str, here: str) -> None:
    """Keep one record per check-in answer (and per scheduled dose) on the days the merge touched."""
    if not plan.touched:
        return
    for day in sorted(plan.touched):
        groups: dict[tuple[Any, ...], list[Record]] = {}
        for record in final_day(plan, ours, by_day, day):
            key = combine_key(record)
            if key is not None:
                groups.setdefault(key, []).append(record)
        for records in groups.values():
            if len(records) < 2:
                continue
            winner = records[0]
            for other in records[1:]:
                winner = later(winner, other)
            for loser in records:
                if loser is winner:
                    continue
                if loser["id"] in plan.inserts:  # the file's record: said once, by the one kept
                    plan.added -= 1
                    plan.dropped += 1
                plan.remove(loser["id"], ours)
                plan.tombstones[sync.entry_key(loser["id"])] = sync.tombstone(
                    loser, at=at, here=here, combined_into=winner["id"])
                item = _combined_item(winner, loser, plan.names)
                plan.combined.append(item)
                reason = SAME_DOSE if winner.get("kind") == "dose" else SAME_CHECKIN
                kept = "here" if winner["id"] in ours and winner["id"] not in plan.updates else "file"
                plan.history.append({"at": at, "table": "entries", "id": loser["id"], "reason": reason,
                                     "kept": kept, "kept_version": winner, "lost": loser})


def final_day(plan: Plan, ours: dict[str, Record], by_day: dict[str, list[str]], day: str) -> list[Record]:
    """The entries of `day` as they will be once the plan is applied."""
    ids = {*by_day.get(day, ()), *plan.by_day.get(day, ())}
    found = []
    for rid in sorted(ids):
        record = plan.current(rid, ours)
        if record is not None and record["day"] == day:
            found.append(record)
    return found


def hours_over(plan: Plan, ours: dict[str, Record], by_day: dict[str, list[str]]
               ) -> Iterable[tuple[Record, float, float]]:
    """Where a caregiver's hours of care on a day the merge touched pass the day's length: a record
    from the file, the total, and the hours already here."""
    for day in sorted(plan.touched):
        totals: dict[Any, list[Any]] = {}
        for record in final_day(plan, ours, by_day, day):
            if record.get("kind") == "hours":
                found = totals.setdefault(record.get("caregiver"), [0.0, 0.0, None])
                found[0] += float(record["hours"])
                if record["id"] in plan.inserts or record["id"] in plan.updates:
                    found[2] = record
                else:
                    found[1] += float(record["hours"])
        limit = dates.day_length_hours(date.fromisoformat(day))
        for total, already, record in totals.values():
            if total > limit and record is not None:
                yield record, total, already


def value_words(value: Any) -> Message | str:
    return NOTHING if value in (None, "") else str(value)


def medication_words(row: Any) -> Message | str:
    if not isinstance(row, dict):
        return DELETION
    template = MEDICATION_VERSION_STOPPED if row.get("stopped") else MEDICATION_VERSION
    return template(name=row.get("name", ""), dose=row.get("dose", ""))


def caregiver_words(row: Any) -> Message | str:
    if not isinstance(row, dict):
        return DELETION
    template = CAREGIVER_VERSION if row.get("active", True) else CAREGIVER_VERSION_REMOVED
    return template(name=row.get("name", ""))
