"""Finding a medicine by what a caregiver types: its name, a former name, its preset key, the start
of its name ("edaravone" for "Edaravone oral"), or, as a suggestion only, the closest spelling.

A misspelt name is never taken as a match: a dose is a record the clinic acts on, so the user is
asked to type it again ("did you mean riluzole?").
"""

from __future__ import annotations

from collections.abc import Sequence

from caretool.core.errors import BadInput, NotFound
from caretool.core.messages import msg
from caretool.core.text import name_key
from caretool.domain.entries.model import Record
from caretool.domain.household.model import Household
from caretool.domain.meds.wording import and_list, or_list

NOT_FOUND = msg("med.not-found", "no medication called {name!r}")
NOT_FOUND_HINT = msg("med.not-found.hint", "medications: {names}")
DID_YOU_MEAN = msg("med.did-you-mean", "did you mean {names}?")
ADD_HINT = msg("med.add.hint", "add one with `caretool med add NAME --dose TEXT --times 08:00,20:00`")
ALREADY_STOPPED = msg("med.already-stopped", "{name} is already stopped")
ALREADY_STOPPED_HINT = msg("med.already-stopped.hint", "add it again with `caretool med add`")
AMBIGUOUS = msg("med.ambiguous", "{name!r} could be {names}")
AMBIGUOUS_HINT = msg("med.ambiguous.hint", "type more of the name")
MIN_PREFIX = 3  # "ri" would match too much to be meant
SPELLING = 0.75  # difflib ratio: "rilzole" and "riluzole" score 0.93, "aspirin" and "riluzole" 0.27


def keys(med: Record) -> set[str]:
    """The names a medicine answers to: its name and its names before a rename."""
    return {name_key(n) for n in [med["name"], *med.get("former_names", [])]}


def _pick(pool: Sequence[Record], include_stopped: bool) -> Record | None:
    """The active one, else the last stopped one; None when the pool is empty."""
    active = [m for m in pool if not m.get("stopped")]
    if active:
        return active[-1]
    if pool and include_stopped:
        return pool[-1]
    if pool:
        raise BadInput(ALREADY_STOPPED(name=pool[-1]["name"]), ALREADY_STOPPED_HINT)
    return None


def find(household: Household, name: str, *, include_stopped: bool = True) -> Record:
    """The medication `name` means (case-insensitive): the exact name first, then a former name or
    the preset key (edaravone-oral), then a unique start of a name. Several medicines starting
    the same way ask for more of the name; an unknown name suggests the closest spellings."""
    meds = household.medications
    key = name_key(name)
    preset_key = "-".join(key.split())
    for pool in ([m for m in meds if name_key(m["name"]) == key],
                 [m for m in meds if key in keys(m)],
                 [m for m in meds if m.get("preset") == preset_key]):
        if (found := _pick(pool, include_stopped)) is not None:
            return found
    if len(key) >= MIN_PREFIX:
        pool = [m for m in meds if any(k.startswith(key) for k in keys(m))]
        active = [m for m in pool if not m.get("stopped")]
        names = sorted({m["name"] for m in (active or pool)}, key=name_key)
        if len(names) > 1:
            raise BadInput(AMBIGUOUS(name=name.strip(), names=or_list(names)), AMBIGUOUS_HINT)
        if (found := _pick(pool, include_stopped)) is not None:
            return found
    import difflib  # only when nothing matched: it costs start-up time

    by_key = {name_key(m["name"]): m["name"] for m in meds}
    close = difflib.get_close_matches(key, list(by_key), n=3, cutoff=SPELLING)
    active_names = [m["name"] for m in meds if not m.get("stopped")]
    if close:
        hint = DID_YOU_MEAN(names=or_list([by_key[k] for k in close]))
    elif active_names:
        hint = NOT_FOUND_HINT(names=and_list(active_names))
    else:
        hint = ADD_HINT
    raise NotFound(NOT_FOUND(name=name.strip()), hint)
