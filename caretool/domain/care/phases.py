"""The five phases of ALS care: their names, which phase a household was in on a day, and what each
phase's guide says to do now.

The phases follow the seed outline (onset; work affected; daily functioning affected; swallowing;
breathing: docs/clinical-sources.md#rare-disease-wiki-outline). They are a way to find the right
guide, not a clinical staging system.

This module is the one home of "the phase at a date": the household model and the report call
`phase_on`. It imports nothing from the household, so the household can import it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from caretool.core.errors import BadInput
from caretool.core.messages import Message, msg

TITLES: dict[int, Message] = {
    1: msg("phase.1.title", "Onset and diagnosis"),
    2: msg("phase.2.title", "Work affected"),
    3: msg("phase.3.title", "Daily functioning affected"),
    4: msg("phase.4.title", "Swallowing difficulty"),
    5: msg("phase.5.title", "Breathing difficulty"),
}
LAST = max(TITLES)
NOT_A_NUMBER = msg("phase.not-a-number", "phase {text!r} is not a number")
NO_SUCH_PHASE = msg("phase.no-such-phase", "phase {phase} does not exist")
PHASE_HINT = msg("phase.hint", "phases are numbered 1 to 5")
LAST_PHASE_NOTE = msg("phase.last-phase-note", "This is the last phase; the guide covers what lies ahead.")


def check_phase(phase: int) -> int:
    if phase not in TITLES:
        raise BadInput(NO_SUCH_PHASE(phase=phase), PHASE_HINT)
    return phase


def parse_phase(value: int | str) -> int:
    """A phase number as typed: '3' -> 3; anything but 1-5 is one clear error."""
    text = str(value).strip()
    # isascii: str.isdigit() also accepts '²' or '١', which int() then refuses or misreads.
    if not (text.isascii() and text.isdigit()):
        raise BadInput(NOT_A_NUMBER(text=text), PHASE_HINT)
    return check_phase(int(text))


def phase_on(history: Iterable[Mapping[str, Any]], day: date, *,
             first_if_earlier: bool = False) -> int | None:
    """The phase in effect on `day`, from the phase history ({"phase", "at"} items in any order).

    Before the first recorded change there is no phase (None), unless `first_if_earlier`: a
    household is set up with the phase the person was already in, so a report on an earlier week
    may take that first phase.
    """
    changes = sorted(history, key=lambda item: str(item["at"]))
    current = None
    for item in changes:
        if date.fromisoformat(str(item["at"])[:10]) <= day:
            current = int(item["phase"])
    if current is None and first_if_earlier and changes:
        current = int(changes[0]["phase"])
    return current


def describe(phase: int, lang: str | None = None) -> dict[str, Any]:
    """A phase with its guide's summary and What to do now checklist (in the guide's language)."""
    from caretool.domain.guidance import guides

    guide = guides.phase_guide(phase, lang)
    return {
        "phase": phase,
        "title": TITLES[phase],
        "summary": guide.meta.get("summary", ""),
        "guide": guide.slug,
        "checklist": guides.checklist(phase, lang),
    }
