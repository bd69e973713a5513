"""The household: the person cared for, the caregivers, the phase history and settings."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from caretool.core import dates
from caretool.core.errors import BadInput, NotFound
from caretool.core.text import clean_name, clean_text, name_key
from caretool.domain.care import phases

PHASES = {
    1: "Onset and diagnosis",
    2: "Work affected",
    3: "Daily functioning affected",
    4: "Swallowing difficulty",
    5: "Breathing difficulty",
}
# Entries dated this long before the first symptoms are almost certainly typos.
BEFORE_ONSET_LIMIT_DAYS = 365 * 2


@dataclass
class Caregiver:
    name: str
    relation: str = ""
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    active: bool = True
    added: str = field(default_factory=lambda: dates.today().isoformat())


@dataclass
class Household:
    person: dict[str, Any] = field(default_factory=dict)
    caregivers: list[Caregiver] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    phases: list[dict[str, Any]] = field(default_factory=list)
    medications: list[dict[str, Any]] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)

    # --- persistence shape -------------------------------------------------------------
    @classmethod
    def from_tables(cls, tables: dict[str, list[dict[str, Any]]]) -> Household:
        def one(name: str) -> dict[str, Any]:
            rows = tables.get(name) or []
            return dict(rows[0]) if rows else {}

        return cls(
            person=one("person"),
            caregivers=[Caregiver(**row) for row in tables.get("caregivers", [])],
            settings=one("settings"),
            phases=sorted(tables.get("phases", []), key=lambda p: p["at"]),
            medications=list(tables.get("medications", [])),
            stats=one("stats"),
        )

    def to_tables(self) -> dict[str, list[dict[str, Any]]]:
        return {
            "person": [self.person] if self.person else [],
            "caregivers": [vars(c).copy() for c in self.caregivers],
            "settings": [self.settings],
            "phases": list(self.phases),
            "medications": list(self.medications),
            "stats": [self.stats],
        }

    # --- person and phase ----------------------------------------------------------------
    @property
    def name(self) -> str:
        return str(self.person.get("name", "the person you care for"))

    def _date(self, key: str) -> date | None:
        value = self.person.get(key)
        return date.fromisoformat(value) if value else None

    @property
    def onset(self) -> date | None:
        return self._date("onset")

    @property
    def diagnosed(self) -> date | None:
        return self._date("diagnosed")

    @property
    def born(self) -> date | None:
        return self._date("born")

    def phase_on(self, day: date | None = None) -> int | None:
        return phases.phase_on(self.phases, day or dates.today())  # the one home of the rule

    @property
    def phase(self) -> int | None:
        return self.phase_on(None) or (int(self.phases[-1]["phase"]) if self.phases else None)

    def set_phase(self, phase: int, at: date, note: str = "") -> None:
        check_phase(phase)
        if self.phases and date.fromisoformat(self.phases[-1]["at"][:10]) > at:
            raise BadInput(
                f"the phase history already has a change after {at}",
                "give a date on or after the last change (see `caretool phase history`)",
            )
        self.phases.append({"phase": phase, "at": at.isoformat(), "note": note})

    def check_day(self, day: date) -> None:
        """Refuse dates before birth or long before the first symptoms."""
        if self.born and day < self.born:
            raise BadInput(f"{day} is before {self.name} was born", "check the date")
        first = min((d for d in (self.onset, self.diagnosed) if d), default=None)
        if first and (first - day).days > BEFORE_ONSET_LIMIT_DAYS:
            raise BadInput(
                f"{day} is more than two years before symptoms began ({first})",
                "check the year of the date",
            )

    # --- caregivers ------------------------------------------------------------------------
    @property
    def active_caregivers(self) -> list[Caregiver]:
        return [c for c in self.caregivers if c.active]

    def find_caregiver(self, name: str, *, include_removed: bool = False) -> Caregiver:
        key = name_key(name)
        pool = self.caregivers if include_removed else self.active_caregivers
        for c in pool:
            if name_key(c.name) == key or c.id == name:
                return c
        names = ", ".join(c.name for c in self.active_caregivers) or "none yet"
        raise NotFound(
            f"no caregiver called {name.strip()!r}",
            f"caregivers: {names}; add one with `caretool caregiver add NAME`",
        )

    def caregiver_name(self, caregiver_id: str | None) -> str:
        for c in self.caregivers:
            if c.id == caregiver_id:
                return c.name
        return "-"

    def add_caregiver(self, name: str, relation: str = "") -> Caregiver:
        name = clean_name(name, what="caregiver name")
        for c in self.caregivers:
            if name_key(c.name) == name_key(name):
                if c.active:
                    raise BadInput(f"{c.name} is already a caregiver", "use another name")
                c.active = True  # someone who comes back keeps their history
                return c
        caregiver = Caregiver(name=name, relation=clean_text(relation, what="relation", limit=80)
                              if relation else "")
        self.caregivers.append(caregiver)
        return caregiver

    def remove_caregiver(self, name: str) -> Caregiver:
        caregiver = self.find_caregiver(name)
        caregiver.active = False
        if self.settings.get("default_caregiver") == caregiver.id:
            self.settings["default_caregiver"] = None
        return caregiver

    def resolve_caregiver(self, name: str | None) -> Caregiver | None:
        """The caregiver named, else the default one, else the only one; None if unclear."""
        if name:
            return self.find_caregiver(name)
        default = self.settings.get("default_caregiver")
        for c in self.active_caregivers:
            if c.id == default:
                return c
        if len(self.active_caregivers) == 1:
            return self.active_caregivers[0]
        if not self.active_caregivers:
            return None
        names = ", ".join(c.name for c in self.active_caregivers)
        raise BadInput(
            "several caregivers are set up and none was named",
            f"add --caregiver NAME ({names}) or set one with `caretool caregiver default NAME`",
        )


def check_phase(phase: int) -> int:
    if phase not in PHASES:
        raise BadInput(f"phase {phase} does not exist", "phases are numbered 1 to 5")
    return phase
