"""Which ALS medicines a household gives on a day, for the rules about their side effects.

A medicine counts when the household's medication list has it in use that day, or when a dose of it
was logged as taken in the days the rules look back over (a family may log a clinic's tofersen
injection without keeping it on the list). Names are matched loosely, in English and Korean.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

FAMILIES: dict[str, tuple[str, ...]] = {
    "riluzole": ("riluzole", "rilutek", "tiglutik", "teglutik", "exservan", "리루텍", "유리텍", "리루졸"),
    "edaravone": ("edaravone", "radicava", "라디컷", "에다라봉"),
    "tofersen": ("tofersen", "qalsody", "칼소디", "토퍼센"),
}


def family(name: str) -> str | None:
    """'Rilutek 50 mg' -> 'riluzole'; None for other medicines."""
    text = name.lower()
    for key, aliases in FAMILIES.items():
        if any(alias in text for alias in aliases):
            return key
    return None


def _day(value: Any) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def in_use(med: Mapping[str, Any], day: date) -> bool:
    start, end, stopped = _day(med.get("start")), _day(med.get("end")), _day(med.get("stopped"))
    return not ((start and day < start) or (end and day > end) or (stopped and day > stopped))


def of_list(medications: Iterable[Mapping[str, Any]], day: date) -> set[str]:
    """The families the medication list has in use on `day`."""
    found = set()
    for med in medications:
        names = [str(med.get("name", "")), str(med.get("preset") or ""),
                 *map(str, med.get("former_names") or ())]
        key = next((f for f in map(family, names) if f), None)
        if key and in_use(med, day):
            found.add(key)
    return found


class Doses:
    """The days doses of each family were logged as taken, for "the latest dose before this day"."""

    def __init__(self, records: Iterable[Mapping[str, Any]]) -> None:
        days: dict[str, set[str]] = {}
        for r in records:
            if r.get("kind") == "dose" and r.get("status") == "taken":
                key = family(str(r.get("medication", "")))
                if key:
                    days.setdefault(key, set()).add(str(r["day"]))
        self._days = {key: sorted(found) for key, found in days.items()}

    def last(self, day: date, within: int) -> dict[str, str]:
        """family -> the latest day on or before `day`, and at most `within` days before it."""
        since = (day - timedelta(days=within)).isoformat()
        found = {}
        for key, days in self._days.items():
            i = bisect_right(days, day.isoformat())
            if i and days[i - 1] >= since:
                found[key] = days[i - 1]
        return found
