"""`caretool decisions set|show`: household data; a change is undone with `caretool undo`."""

from __future__ import annotations

from typing import Any

from caretool.core import dates
from caretool.core.messages import msg
from caretool.domain.decisions import model
from caretool.domain.entries import service as entries

CHANGED = msg("change.decisions-set", "set advance decisions")


def set_decisions(store: entries.StoreLike, given: dict[str, Any]) -> dict[str, Any]:
    """Record the options given; what was recorded before and is not given stays."""
    household = entries.load(store)
    found = model.changes(given, household.check_day)
    household.decisions = {**household.decisions, **found, "updated": dates.today().isoformat()}
    entries.save_household(store, household, CHANGED)
    return dict(household.decisions)


def show(store: entries.StoreLike) -> dict[str, Any]:
    """Every field, None where nothing is recorded."""
    decisions = entries.load(store).decisions
    return {field: decisions.get(field) for field in (*model.FIELDS, "updated")}
