"""`caretool phase ...` as a service: the current phase, its history, changing it, and storing a
phase questionnaire."""

from __future__ import annotations

from datetime import date
from typing import Any

from caretool.core import dates
from caretool.core.errors import BadInput
from caretool.core.messages import msg
from caretool.domain.care import phase_questions, phases
from caretool.domain.entries import service as entries

PHASE_SET = msg("change.phase-set", "phase set {number}")
PHASE_ASSESSED = msg("change.phase-assess", "phase assess")

NO_PHASE = msg("phase.none-set", "no phase is set yet")
NO_PHASE_HINT = msg("phase.none-set.hint", "set one with `caretool phase set N` (1-5)")
FROM_ASSESS = "from phase assess"  # a note in the phase history (data, not shown as a sentence)


def current(store: entries.StoreLike, lang: str | None = None) -> dict[str, Any]:
    household = entries.load(store)
    phase = household.phase
    if phase is None:
        raise BadInput(NO_PHASE, NO_PHASE_HINT)
    since = next((p["at"] for p in reversed(household.phases) if p["phase"] == phase), None)
    return {**phases.describe(phase, lang), "since": since}


def preview_next(store: entries.StoreLike, lang: str | None = None) -> dict[str, Any]:
    phase = entries.load(store).phase or 1
    if phase >= phases.LAST:
        return {**phases.describe(phases.LAST, lang), "note": phases.LAST_PHASE_NOTE}
    return phases.describe(phase + 1, lang)


def set_phase(store: entries.StoreLike, phase: int | str, at: str | None) -> dict[str, Any]:
    household = entries.load(store)
    number = phases.parse_phase(phase)
    day = dates.parse_day(at) if at is not None else dates.today()  # --at '' is an error
    dates.check_day_not_future(day)
    household.set_phase(number, day)
    entries.save_household(store, household, PHASE_SET(number=number))
    return {**phases.describe(number), "since": day.isoformat()}


def history(store: entries.StoreLike) -> list[dict[str, Any]]:
    household = entries.load(store)
    return [{**p, "title": phases.TITLES[int(p["phase"])]} for p in household.phases]


def check_can_assess(store: entries.StoreLike, caregiver: str | None) -> None:
    """Fail before the questions rather than after them: no household, unknown caregiver."""
    entries.load(store).resolve_caregiver(caregiver)


def assess(store: entries.StoreLike, answers: dict[str, int], *, apply: bool,
           caregiver: str | None = None, day: date | None = None) -> dict[str, Any]:
    """Store the answers as an entry; change the phase only when `apply` is true."""
    household = entries.load(store)
    found = phase_questions.suggest(answers)
    entry = entries.make_entry(store, household, "assessment",
                               {"answers": answers, "suggested": found.phase}, caregiver=caregiver)
    change = entries.Change(PHASE_ASSESSED)
    applied = bool(apply and found.phase != household.phase)
    if applied:
        change.household_before = store.household_tables()
        household.set_phase(found.phase, day or dates.today(), note=FROM_ASSESS)
        store.save_household(household.to_tables())
    entries.add_entries(store, household, [entry], PHASE_ASSESSED, change=change)
    return {"current": household.phase if applied else entries.load(store).phase,
            "suggested": found.phase, "title": phases.TITLES[found.phase], "reasons": list(found.reasons),
            "advice": list(found.advice), "guides": list(found.guides), "applied": applied,
            "entry": entry.id}
