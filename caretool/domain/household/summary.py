"""The household as `init` shows it: one line per fact, and the JSON form."""

from __future__ import annotations

from typing import Any

from caretool.core.messages import Message, msg, msgn
from caretool.domain.household.model import PHASE_TITLES, Household

SUMMARY_PERSON = msg("init.summary.person", "Person cared for: {name}")
SUMMARY_BORN = msg("init.summary.born", "Born: {day}")
SUMMARY_ONSET = msg("init.summary.onset", "First symptoms: {day}")
SUMMARY_DIAGNOSED = msg("init.summary.diagnosed", "Diagnosed: {day}")
SUMMARY_WEIGHT = msg("init.summary.weight", "Weight at diagnosis: {kg:g} kg")
SUMMARY_CAREGIVERS = msg("init.summary.caregivers", "Caregivers: {names}")
SUMMARY_NO_CAREGIVERS = msg("init.summary.no-caregivers", "Caregivers: none yet")
SUMMARY_DEFAULT = msg("init.summary.default", "Who uses this computer: {name} (entries are theirs unless "
                      "--caregiver says otherwise)")
SUMMARY_PHASE = msg("init.summary.phase", "Phase {phase}: {title}")
SUMMARY_ALLERGIES = msg("init.summary.allergies", "Allergies: {text}")
SUMMARY_CONTACTS = msgn("init.summary.contacts", "Care-team contacts: {count} (see `caretool contact list`)",
                        "Care-team contacts: {count} (see `caretool contact list`)")


def summary_lines(household: Household) -> list[Message]:
    p = household.person
    lines = [SUMMARY_PERSON(name=household.name)]
    for key, line in (("born", SUMMARY_BORN), ("onset", SUMMARY_ONSET), ("diagnosed", SUMMARY_DIAGNOSED)):
        if p.get(key):
            lines.append(line(day=p[key]))
    if household.weight_at_diagnosis is not None:
        lines.append(SUMMARY_WEIGHT(kg=household.weight_at_diagnosis))
    names = ", ".join(c.name for c in household.active_caregivers)
    lines.append(SUMMARY_CAREGIVERS(names=names) if names else SUMMARY_NO_CAREGIVERS)
    default = household.default_caregiver
    if default is not None and len(household.active_caregivers) > 1:
        lines.append(SUMMARY_DEFAULT(name=default.name))
    if household.phase:
        lines.append(SUMMARY_PHASE(phase=household.phase, title=PHASE_TITLES[household.phase]))
    if household.allergies:
        lines.append(SUMMARY_ALLERGIES(text=household.allergies))
    if household.contacts:
        lines.append(SUMMARY_CONTACTS(count=len(household.contacts)))
    return lines


def household_summary(household: Household) -> dict[str, Any]:
    default = household.default_caregiver
    return {
        "person": household.person,
        "caregivers": [vars(c) for c in household.caregivers],
        "default_caregiver": default.id if default else None,
        "phase": household.phase,
        "phases": household.phases,
    }
