"""The signs the check-in asks about first in each phase, before "any other symptoms?".

Taken from the "Warning signs" section of each phase guide (guides/en/phases/), which cites
docs/clinical-sources.md#nice-ng42, #mnda-choking, #progas-2015 and #enmc-niv-2003: in phase 3 falls
and the first signs of swallowing or breathing trouble; in phase 4 choking, swallowing, weight and
breathlessness lying flat (issue 18 item 10); in phase 5 the signs of under-breathing, any one of
which is enough to ask for a breathing assessment (#mnda-respiratory). Phases 1 and 2 start with
the symptoms seen this week.
"""

from __future__ import annotations

from caretool.domain.care import symptoms

KEY_SYMPTOMS: dict[int, tuple[str, ...]] = {
    3: ("falls", "choking", "swallowing", "weight-loss", "breathless-lying-flat"),
    4: ("choking", "swallowing", "weight-loss", "breathless-lying-flat"),
    5: ("breathless", "breathless-lying-flat", "poor-sleep", "morning-headache", "daytime-sleepiness",
        "weak-cough"),
}
SOURCES = ("nice-ng42", "mnda-choking", "progas-2015", "enmc-niv-2003", "mnda-respiratory")


def for_phase(phase: int | None) -> tuple[str, ...]:
    """The phase's key symptoms, in the order they are asked (only symptoms caretool knows)."""
    return tuple(slug for slug in KEY_SYMPTOMS.get(phase or 0, ()) if slug in symptoms.BY_SLUG)
