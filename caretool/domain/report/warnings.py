"""Warnings for a period, grouped by rule: one row per sign with how often it came up.

The warnings are derived (caretool.domain.care.redflags.flags_between): evaluated over the window
shown, never read from stored prose, so an edited or deleted entry changes them at once. A sign
logged every day of a week is one row "5 times", not five rows with the same words. The row
carries the words of its most urgent, then latest, occurrence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from caretool.domain.care import redflags
from caretool.domain.entries.model import Record

URGENCY_ORDER = (redflags.EMERGENCY, redflags.URGENT, redflags.TODAY)


def rank(urgency: str) -> int:
    """0 for an emergency, then urgent, then today; anything unknown last."""
    return URGENCY_ORDER.index(urgency) if urgency in URGENCY_ORDER else len(URGENCY_ORDER)


def group(flags: Iterable[redflags.Flag],
          records: Mapping[str, Record] | None = None) -> list[dict[str, Any]]:
    """One row per rule: {rule, urgency, count, days, first, last, title, why, action, source,
    sources, entry_ids, symptoms}, most urgent first, then the most recent first.

    `records` (by id) names the symptoms behind each row, so a report does not ask about a
    symptom twice. title/why/action/source are Messages (or text from rules not yet moved to
    the catalogue).
    """
    by_rule: dict[str, list[redflags.Flag]] = {}
    for flag in flags:
        by_rule.setdefault(flag.rule, []).append(flag)
    rows = []
    for rule, found in by_rule.items():
        # the words of the most urgent occurrence, the latest of those
        shown = min(found, key=lambda f: (rank(f.urgency), -date.fromisoformat(f.day).toordinal()))
        text = redflags.text_of(shown)
        days = sorted({f.day for f in found})
        symptoms = sorted({str(r["name"]) for f in found
                           if (r := (records or {}).get(f.entry_id)) and r.get("kind") == "symptom"})
        rows.append({
            "rule": rule,
            "urgency": shown.urgency,
            "count": len(found),
            "days": days,
            "first": days[0],
            "last": days[-1],
            "title": text.title,
            "why": text.why,
            "action": text.action,
            "source": text.source,
            "sources": sorted({s for f in found for s in f.sources}),
            "entry_ids": [f.entry_id for f in found],
            "symptoms": symptoms,
        })
    rows.sort(key=lambda r: (rank(str(r["urgency"])), -date.fromisoformat(str(r["last"])).toordinal(),
                             str(r["rule"])))
    return rows


def between(store: Any, household: Any, start: date, end: date,
            records: Iterable[Record] = ()) -> list[dict[str, Any]]:
    """The grouped warnings of the days start..end."""
    return group(redflags.flags_between(store, household, start, end), {r["id"]: r for r in records})
