"""What a check-in holds: the answers given, and what that day already recorded."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

Record = dict[str, Any]


@dataclass
class Plan:
    """What the caregiver answered; None means "not asked / leave as it is"."""

    day: date
    caregiver: str | None = None
    symptoms: dict[str, int] = field(default_factory=dict)
    describe_other: str = ""
    hours: str | None = None
    task: str | None = None
    night: bool = False
    sleep: str | None = None
    stress: str | None = None
    took_break: bool | None = None
    note: str | None = None
    took: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    selfcheck: dict[str, int] | None = None


@dataclass
class Existing:
    """The check-in already recorded for that day and caregiver, by what it holds."""

    symptoms: dict[str, Record] = field(default_factory=dict)
    hours: Record | None = None
    wellbeing: Record | None = None
    note: Record | None = None
    doses: list[Record] = field(default_factory=list)
    logged_symptoms: dict[str, Record] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.symptoms or self.hours or self.wellbeing or self.note or self.doses)

    def records(self) -> list[Record]:
        found = [*self.symptoms.values(), self.hours, self.wellbeing, self.note, *self.doses]
        return [r for r in found if r]
