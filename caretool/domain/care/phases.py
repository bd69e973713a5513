"""The household's phase: what it is, its history, changing it, and the guide that goes with it."""

from __future__ import annotations

from datetime import date
from typing import Any

from caretool.core import dates
from caretool.core.errors import BadInput
from caretool.domain.care import phase_questions as phase_assess
from caretool.domain.entries import service as journal
from caretool.domain.guidance import guides
from caretool.domain.household.model import PHASES, check_phase


def describe(phase: int) -> dict[str, Any]:
    guide = guides.phase_guide(phase)
    return {
        "phase": phase,
        "title": PHASES[phase],
        "summary": guide.meta.get("summary", ""),
        "guide": guide.slug,
        "checklist": guides.checklist(phase),
    }


def current(store: journal.StoreLike) -> dict[str, Any]:
    household = journal.load(store)
    phase = household.phase
    if phase is None:
        raise BadInput("no phase is set yet", "set one with `caretool phase set N` (1-5)")
    since = next((p["at"] for p in reversed(household.phases) if p["phase"] == phase), None)
    return {**describe(phase), "since": since}


def preview_next(store: journal.StoreLike) -> dict[str, Any]:
    phase = journal.load(store).phase or 1
    if phase >= 5:
        return {**describe(5), "note": "This is the last phase; the guide covers what lies ahead."}
    return describe(phase + 1)


def parse_phase(value: int | str) -> int:
    """A phase number as typed: '3' -> 3; anything but 1-5 is one clear error."""
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()):
        raise BadInput(f"phase {text!r} is not a number", "phases are numbered 1 to 5")
    return check_phase(int(text))


def set_phase(store: journal.StoreLike, phase: int | str, at: str | None) -> dict[str, Any]:
    household = journal.load(store)
    phase = parse_phase(phase)
    day = dates.parse_day(at) if at is not None else dates.today()  # --at '' is an error
    if day > dates.today():
        raise BadInput(f"{day} is in the future", "give today or an earlier date")
    household.set_phase(phase, day)
    journal.save_household(store, household, f"phase set {phase}")
    return {**describe(phase), "since": day.isoformat()}


def history(store: journal.StoreLike) -> list[dict[str, Any]]:
    household = journal.load(store)
    return [{**p, "title": PHASES[int(p["phase"])]} for p in household.phases]


def check_can_assess(store: journal.StoreLike, caregiver: str | None) -> None:
    """Fail before the eight questions rather than after them: no household, unknown caregiver."""
    journal.load(store).resolve_caregiver(caregiver)


def assess(store: journal.StoreLike, answers: dict[str, int], *, apply: bool,
           caregiver: str | None = None, day: date | None = None) -> dict[str, Any]:
    """Store the answers as an entry; change the phase only when `apply` is true."""
    household = journal.load(store)
    suggested, reasons = phase_assess.suggest(answers)
    entry = journal.make_entry(store, household, "assessment",
                               {"answers": answers, "suggested": suggested}, caregiver=caregiver)
    change = journal.Change("phase assess")
    applied = bool(apply and suggested != household.phase)
    if applied:
        change.household_before = store.household_tables()
        household.set_phase(suggested, day or dates.today(), note="from phase assess")
        store.save_household(household.to_tables())
    journal.add_entries(store, household, [entry], "phase assess", change=change)
    return {"current": household.phase if applied else journal.load(store).phase,
            "suggested": suggested, "reasons": reasons, "applied": applied,
            "title": PHASES[suggested], "entry": entry.id}
