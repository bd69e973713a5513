"""Import: check the whole file first (nothing written), then merge what this home lacks.

Merging is by id: entries already here are skipped, so importing the same file twice changes
nothing. Caregivers are matched by id, then by name; medications by name. The hours of care per
caregiver per day are counted over this home and the file together, as `log hours` counts them.
"""

from __future__ import annotations

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
from caretool.domain.household.model import Caregiver, Household
from caretool.domain.transfer import household as incoming
from caretool.domain.transfer import records
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


def check(export: ExportFile, advance: Advance = _noop) -> Checked:
    """Check every part of a parsed export. Raises BadInput for the first problem found."""
    path = export.path
    if export.may_hold_surrogates and (where := records.broken_text(export.data["household"])):
        raise BadInput(BROKEN_TEXT(path=str(path), field=where), incoming.FIX_HINT)
    household = incoming.check(path, export.data["household"])
    ctx = records.Context(household=household, caregiver_ids={c.id for c in household.caregivers},
                          latest=dates.now() + records.FUTURE_SLACK, check_text=export.may_hold_surrogates)
    out: list[Record] = []
    for index, raw in enumerate(export.records):
        out.append(records.check_record(index, raw, ctx))
        if index % PROGRESS_STEP == PROGRESS_STEP - 1:
            advance(PROGRESS_STEP)
    advance(len(out) % PROGRESS_STEP)
    return Checked(path, household, out)


# --- merging ------------------------------------------------------------------------------
def _merge_caregivers(local: Household, theirs: Household) -> tuple[dict[str, str], list[str]]:
    """Map the file's caregiver ids to local ones (by id, then by name); add the missing ones."""
    mapping: dict[str, str] = {}
    added: list[str] = []
    for c in theirs.caregivers:
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


def _merge_medications(local: Household, theirs: Household) -> list[str]:
    have = {name_key(str(m.get("name", ""))) for m in local.medications}
    added = []
    for m in theirs.medications:
        key = name_key(str(m.get("name", "")))
        if key and key not in have:
            local.medications.append(dict(m))
            have.add(key)
            added.append(str(m.get("name")))
    return added


def _new_records(store: entries.StoreLike, checked: Checked, mapping: dict[str, str],
                 household: Household) -> list[Record]:
    """The file's records this home lacks (caregivers mapped to this home's ids), refused whole
    when one would bring a caregiver's hours on a day past that day's length, counting the home."""
    hour_days = {r["day"] for r in checked.records if r["kind"] == "hours"}
    existing: set[str] = set()
    here: dict[tuple[Any, str], float] = {}
    for key in store.month_keys():  # one pass over the home: its ids, and its hours on those days
        for r in store.month_records(key):
            existing.add(r["id"])
            if r["kind"] == "hours" and r["day"] in hour_days:
                who = (r.get("caregiver"), r["day"])
                here[who] = here.get(who, 0.0) + float(r["hours"])
    new: list[Record] = []
    adding: dict[tuple[Any, str], float] = {}
    for index, record in enumerate(checked.records):
        if record["id"] in existing:
            continue
        existing.add(record["id"])
        theirs = record.get("caregiver")
        if theirs is not None and mapping[theirs] != theirs:
            record = {**record, "caregiver": mapping[theirs]}
        if record["kind"] == "hours" and here:
            who = (record.get("caregiver"), record["day"])
            adding[who] = adding.get(who, 0.0) + float(record["hours"])
            already, limit = here.get(who, 0.0), dates.day_length_hours(date.fromisoformat(record["day"]))
            if already and already + adding[who] > limit:
                raise records.problem(index, record, TOO_MANY_HOURS(
                    already=already, who=household.caregiver_name(record.get("caregiver")), day=record["day"],
                    total=already + adding[who], limit=limit))
        new.append(record)
    return new


def merge(store: Any, checked: Checked, advance: Advance = _noop) -> dict[str, Any]:
    """Add what the home lacks. A backup is taken before the first write; returns the counts."""
    created = not store.has_household()
    papers_added: list[str] = []
    if created:
        if not checked.household.person.get("name"):
            raise BadInput(NO_PERSON(path=str(checked.path)), NO_PERSON_HINT)
        household = checked.household
        mapping = {c.id: c.id for c in household.caregivers}
        carers_added = [c.name for c in household.caregivers]
        meds_added = [str(m.get("name")) for m in household.medications]
    else:
        household = entries.load(store)
        theirs, ours = checked.household.person.get("name"), household.person.get("name")
        if theirs and ours and name_key(str(theirs)) != name_key(str(ours)):
            raise BadInput(OTHER_PERSON(path=str(checked.path), theirs=theirs, ours=ours), OTHER_PERSON_HINT)
        mapping, carers_added = _merge_caregivers(household, checked.household)
        meds_added = _merge_medications(household, checked.household)
        from caretool.domain.sheet import papers

        papers_added = papers.merge(household, checked.household)  # contacts, equipment, decisions
    new = _new_records(store, checked, mapping, household)
    skipped = len(checked.records) - len(new)
    advance(skipped)
    backup = None
    if new or carers_added or meds_added or papers_added or created:
        if not created:
            backup = store.backup("before-import")
        by_month: dict[str, list[Record]] = {}
        for record in new:
            by_month.setdefault(record["day"][:7], []).append(record)
        for key in sorted(by_month):
            store.insert(by_month[key])
            advance(len(by_month[key]))
        store.save_household(household.to_tables())
    return {
        "file": str(checked.path),
        "added": len(new),
        "skipped": skipped,
        "caregivers_added": carers_added,
        "medications_added": meds_added,
        "care_papers_added": papers_added,
        "household_created": created,
        "person": household.name,
        "backup": str(backup) if backup else None,
    }
