"""The household: the person cared for, the caregivers, the phase history and settings."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from caretool.core import dates
from caretool.core.errors import BadInput, NotFound
from caretool.core.messages import Message, msg, render
from caretool.core.text import clean_name, clean_text, name_key
from caretool.domain.care import phases

PHASE_TITLES: dict[int, Message] = {
    1: msg("phase.1", "Onset and diagnosis"),
    2: msg("phase.2", "Work affected"),
    3: msg("phase.3", "Daily functioning affected"),
    4: msg("phase.4", "Swallowing difficulty"),
    5: msg("phase.5", "Breathing difficulty"),
}
# The English titles, for code that still wants text (render PHASE_TITLES[n] for the reader's language).
PHASES = {number: title.text for number, title in PHASE_TITLES.items()}
THE_PERSON = msg("household.the-person", "the person you care for")
PHASE_CHANGE_LATER = msg("phase.change-later", "the phase history already has a change after {day}")
PHASE_CHANGE_LATER_HINT = msg("phase.change-later.hint",
                              "give a date on or after the last change (see `caretool phase history`)")
BEFORE_BIRTH = msg("household.before-birth", "{day} is before {name} was born")
CHECK_THE_DATE = msg("household.check-the-date", "check the date")
LONG_BEFORE_ONSET = msg("household.long-before-onset",
                        "{day} is more than two years before symptoms began ({first})")
CHECK_THE_YEAR = msg("household.check-the-year", "check the year of the date")
NO_SUCH_CAREGIVER = msg("caregiver.unknown", "no caregiver called {name!r}")
NO_SUCH_CAREGIVER_HINT = msg("caregiver.unknown.hint",
                             "caregivers: {names}; add one with `caretool caregiver add NAME`")
NO_CAREGIVERS_YET = msg("caregiver.none-yet", "none yet")
CAREGIVER_NAME = msg("field.caregiver-name", "caregiver name")
RELATION = msg("field.relation", "relation")
ALREADY_A_CAREGIVER = msg("caregiver.already", "{name} is already a caregiver")
ALREADY_A_CAREGIVER_HINT = msg("caregiver.already.hint", "use another name")
SEVERAL_CAREGIVERS = msg("caregiver.several", "several caregivers are set up and none was named")
SEVERAL_CAREGIVERS_HINT = msg("caregiver.several.hint", "add --caregiver NAME ({names}) or set one with "
                              "`caretool caregiver default NAME`")
NO_SUCH_PHASE = msg("phase.unknown", "phase {phase} does not exist")
NO_SUCH_PHASE_HINT = msg("phase.unknown.hint", "phases are numbered 1 to 5")
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
    # The care team's numbers, the machines and aids in use, and the advance decisions
    # (domain/contacts, domain/equipment, domain/decisions hold their rules).
    contacts: list[dict[str, Any]] = field(default_factory=list)
    equipment: list[dict[str, Any]] = field(default_factory=list)
    decisions: dict[str, Any] = field(default_factory=dict)

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
            contacts=list(tables.get("contacts", [])),
            equipment=list(tables.get("equipment", [])),
            decisions=one("decisions"),
        )

    def to_tables(self) -> dict[str, list[dict[str, Any]]]:
        return {
            "person": [self.person] if self.person else [],
            "caregivers": [vars(c).copy() for c in self.caregivers],
            "settings": [self.settings],
            "phases": list(self.phases),
            "medications": list(self.medications),
            "stats": [self.stats],
            "contacts": list(self.contacts),
            "equipment": list(self.equipment),
            "decisions": [self.decisions] if self.decisions else [],
        }

    # --- person and phase ----------------------------------------------------------------
    @property
    def name(self) -> str:
        return str(self.person.get("name") or render(THE_PERSON))

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

    @property
    def allergies(self) -> str | None:
        """As `init --allergies` stored it ("none known" is an answer; None: never recorded)."""
        value = self.person.get("allergies")
        return str(value) if value else None

    @property
    def weight_at_diagnosis(self) -> float | None:
        """kg, as given to `init` (the baseline weight loss is measured from)."""
        value = self.person.get("weight_at_diagnosis")
        return float(value) if value is not None else None

    @property
    def default_caregiver(self) -> Caregiver | None:
        default = self.settings.get("default_caregiver")
        return next((c for c in self.active_caregivers if c.id == default), None)

    def phase_on(self, day: date | None = None) -> int | None:
        return phases.phase_on(self.phases, day or dates.today())  # the one home of the rule

    @property
    def phase(self) -> int | None:
        return self.phase_on(None) or (int(self.phases[-1]["phase"]) if self.phases else None)

    def set_phase(self, phase: int, at: date, note: str = "") -> None:
        check_phase(phase)
        if self.phases and date.fromisoformat(self.phases[-1]["at"][:10]) > at:
            raise BadInput(PHASE_CHANGE_LATER(day=at.isoformat()), PHASE_CHANGE_LATER_HINT)
        self.phases.append({"phase": phase, "at": at.isoformat(), "note": note})

    def check_day(self, day: date) -> None:
        """Refuse dates before birth or long before the first symptoms."""
        if self.born and day < self.born:
            raise BadInput(BEFORE_BIRTH(day=day.isoformat(), name=self.name), CHECK_THE_DATE)
        first = min((d for d in (self.onset, self.diagnosed) if d), default=None)
        if first and (first - day).days > BEFORE_ONSET_LIMIT_DAYS:
            raise BadInput(LONG_BEFORE_ONSET(day=day.isoformat(), first=first.isoformat()), CHECK_THE_YEAR)

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
        names = ", ".join(c.name for c in self.active_caregivers) or render(NO_CAREGIVERS_YET)
        raise NotFound(NO_SUCH_CAREGIVER(name=name.strip()), NO_SUCH_CAREGIVER_HINT(names=names))

    def caregiver_name(self, caregiver_id: str | None) -> str:
        for c in self.caregivers:
            if c.id == caregiver_id:
                return c.name
        return "-"

    def add_caregiver(self, name: str, relation: str = "") -> Caregiver:
        name = clean_name(name, what=CAREGIVER_NAME)
        for c in self.caregivers:
            if name_key(c.name) == name_key(name):
                if c.active:
                    raise BadInput(ALREADY_A_CAREGIVER(name=c.name), ALREADY_A_CAREGIVER_HINT)
                c.active = True  # someone who comes back keeps their history
                return c
        caregiver = Caregiver(name=name, relation=clean_text(relation, what=RELATION, limit=80)
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
        raise BadInput(SEVERAL_CAREGIVERS, SEVERAL_CAREGIVERS_HINT(names=names))


def check_phase(phase: int) -> int:
    if phase not in PHASES:
        raise BadInput(NO_SUCH_PHASE(phase=phase), NO_SUCH_PHASE_HINT)
    return phase
