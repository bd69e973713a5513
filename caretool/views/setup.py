"""What `init`, `paths` and `caregiver ...` show."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from caretool.core.messages import _, msg
from caretool.views.output import emit_json, say, tell

if TYPE_CHECKING:
    from caretool.domain.household.model import Caregiver, Household

SET_UP = msg("init.done.created", "Set up the household in {home}")
UPDATED = msg("init.done.updated", "Updated the household in {home}")
NEXT = msg("init.done.next",
           "Next: run `caretool checkin` each day, or `caretool guide list` to read the guides.")
ADDED = msg("caregiver.added", "Added caregiver {name}")
ADDED_AS = msg("caregiver.added-as", "Added caregiver {name} ({relation})")
REMOVED = msg("caregiver.removed", "Removed {name}; their past entries are kept.")
NOW_DEFAULT = msg("caregiver.now-default", "{name} is now the default caregiver.")
NONE_YET = msg("caregiver.list.none", "No caregivers yet. Add one with `caretool caregiver add NAME`.")


def initialised(household: Household, created: bool, home: Path, *, as_json: bool) -> None:
    from caretool.domain.household.summary import household_summary, summary_lines

    if as_json:
        emit_json(household_summary(household))
        return
    tell((SET_UP if created else UPDATED)(home=str(home)))
    for line in summary_lines(household):
        tell("  " + str(line))
    tell(NEXT)


def paths(info: dict[str, str], *, as_json: bool) -> None:
    if as_json:
        emit_json(info)
        return
    for key, value in info.items():
        say(f"{key:<10} {value}")


def caregiver(person: Caregiver, *, as_json: bool, added: bool = False, removed: bool = False) -> None:
    if as_json:
        emit_json(vars(person))
    elif added:
        tell(ADDED_AS(name=person.name, relation=person.relation) if person.relation
             else ADDED(name=person.name))
    elif removed:
        tell(REMOVED(name=person.name))
    else:
        tell(NOW_DEFAULT(name=person.name))


def caregivers(household: Household, *, as_json: bool) -> None:
    default = household.settings.get("default_caregiver")
    if as_json:
        rows: list[dict[str, Any]] = [{**vars(c), "default": c.id == default} for c in household.caregivers]
        emit_json(rows)
        return
    if not household.caregivers:
        say(NONE_YET)
    for c in household.caregivers:
        flags = [c.relation] if c.relation else []
        flags += [_("default")] if c.id == default else []
        flags += [_("removed")] if not c.active else []
        say(c.name + (f"  ({', '.join(flags)})" if flags else ""))
