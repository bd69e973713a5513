"""Creating and updating the household."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from caretool.core import dates
from caretool.core.errors import BadInput
from caretool.core.text import clean_name, name_key
from caretool.domain.entries import service as journal
from caretool.domain.household.model import PHASES, Caregiver, Household, check_phase


@dataclass
class InitAnswers:
    person: str | None = None
    born: str | None = None
    onset: str | None = None
    diagnosed: str | None = None
    caregivers: list[str] = field(default_factory=list)
    phase: int | None = None


def existing(store: journal.StoreLike) -> Household | None:
    return journal.load(store) if store.has_household() else None


def _past_date(text: str | None, what: str) -> str | None:
    if not text:
        return None
    day = dates.parse_day(text)
    if day > dates.today():
        raise BadInput(f"the {what} {day} is in the future", "check the date")
    return day.isoformat()


def init(store: journal.StoreLike, answers: InitAnswers) -> tuple[Household, bool]:
    """Create the household, or update the existing one without losing anything."""
    household = existing(store)
    created = household is None
    household = household or Household()
    if answers.person:
        household.person["name"] = clean_name(answers.person, what="person's name")
    if not household.person.get("name"):
        raise BadInput("the name of the person you care for is missing", "add --person NAME")
    for key in ("born", "onset", "diagnosed"):
        value = _past_date(getattr(answers, key), {"born": "date of birth", "onset": "onset date",
                                                   "diagnosed": "diagnosis date"}[key])
        if value:
            household.person[key] = value
    born, onset, diagnosed = household.born, household.onset, household.diagnosed
    if born and any(d and d < born for d in (onset, diagnosed)):
        raise BadInput("onset or diagnosis is before the date of birth", "check the dates")
    if onset and diagnosed and diagnosed < onset:
        raise BadInput(f"diagnosis ({diagnosed}) is before the first symptoms ({onset})",
                       "check the two dates")
    for name in answers.caregivers:
        if name_key(name) not in {name_key(c.name) for c in household.active_caregivers}:
            household.add_caregiver(name)
    if answers.phase is not None and answers.phase != household.phase:
        check_phase(answers.phase)
        household.set_phase(answers.phase, dates.today())
    elif not household.phases:
        household.set_phase(1, dates.today())
    household.settings.setdefault("default_caregiver", None)
    journal.save_household(store, household, "init" if created else "init (update)")
    return household, created


def summary_lines(household: Household) -> list[str]:
    p = household.person
    lines = [f"Person cared for: {household.name}"]
    for key, label in (("born", "Born"), ("onset", "First symptoms"), ("diagnosed", "Diagnosed")):
        if p.get(key):
            lines.append(f"{label}: {p[key]}")
    names = ", ".join(c.name for c in household.active_caregivers) or "none yet"
    lines.append(f"Caregivers: {names}")
    if household.phase:
        lines.append(f"Phase {household.phase}: {PHASES[household.phase]}")
    return lines


def household_summary(household: Household) -> dict[str, Any]:
    return {
        "person": household.person,
        "caregivers": [vars(c) for c in household.caregivers],
        "phase": household.phase,
        "phases": household.phases,
    }


def add_caregiver(store: journal.StoreLike, name: str, relation: str) -> Caregiver:
    household = journal.load(store)
    added = household.add_caregiver(name, relation)
    journal.save_household(store, household, f"add caregiver {added.name}")
    return added


def remove_caregiver(store: journal.StoreLike, name: str) -> Caregiver:
    household = journal.load(store)
    removed = household.remove_caregiver(name)
    journal.save_household(store, household, f"remove caregiver {removed.name}")
    return removed


def set_default_caregiver(store: journal.StoreLike, name: str) -> Caregiver:
    household = journal.load(store)
    chosen = household.find_caregiver(name)
    household.settings["default_caregiver"] = chosen.id
    journal.save_household(store, household, f"default caregiver {chosen.name}")
    return chosen
