"""What a check-in holds: the answers given, what that day already recorded, and what the
interview reads before it asks (so no lock is held while the caregiver answers)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from caretool.domain.entries.model import Record
from caretool.domain.household.model import Household


@dataclass
class DoseAnswer:
    medication: str
    status: str  # taken | skipped
    reason: str = ""
    # The scheduled dose the question named (ISO time); None for --took/--skipped, which match
    # the nearest open dose.
    scheduled_for: str | None = None
    time: str = ""  # HH:MM, as the question showed it


@dataclass
class Plan:
    """What the caregiver answered; None means "not asked / leave as it is"."""

    day: date
    caregiver: str | None = None
    symptoms: dict[str, int] = field(default_factory=dict)
    describe_other: str = ""
    hours: str | float | None = None
    task: str | None = None
    night: bool = False
    night_hours: str | float | None = None  # how many of the hours were at night
    sleep: str | float | None = None
    stress: str | int | None = None
    took_break: bool | None = None
    note: str | None = None
    doses: list[DoseAnswer] = field(default_factory=list)
    selfcheck: dict[str, int] | None = None
    # The registered machines' use: care_log_key() -> the entry's fields (niv, cough-assist, ...).
    care_logs: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def answered(self) -> bool:
        return bool(self.symptoms or self.doses or self.note or self.selfcheck is not None or self.care_logs
                    or any(v is not None for v in (self.hours, self.sleep, self.stress, self.took_break)))


@dataclass
class Existing:
    """The check-in already recorded for that day and caregiver, by what it holds."""

    symptoms: dict[str, Record] = field(default_factory=dict)
    hours: Record | None = None
    wellbeing: Record | None = None
    note: Record | None = None
    doses: list[Record] = field(default_factory=list)
    logged_symptoms: dict[str, Record] = field(default_factory=dict)
    care_logs: dict[str, Record] = field(default_factory=dict)  # by care_log_key()
    # Care logs made that day with `caretool log` (the check-in does not ask about them again, so
    # nothing is counted twice): care_log_key() -> the entries.
    logged_care_logs: dict[str, list[Record]] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.symptoms or self.hours or self.wellbeing or self.note or self.doses
                    or self.care_logs)

    def records(self) -> list[Record]:
        found = [*self.symptoms.values(), self.hours, self.wellbeing, self.note, *self.doses,
                 *self.care_logs.values()]
        return [r for r in found if r]


CARE_LOG_KINDS = ("niv", "cough-assist", "suction", "feed")


def care_log_key(record: Record) -> str:
    """Which check-in answer a care-log entry is: niv-night, niv-day, cough-assist, suction, feed."""
    if record["kind"] == "niv":
        return "niv-night" if record.get("night") else "niv-day"
    return str(record["kind"])


def care_log_kind(key: str) -> str:
    return "niv" if key.startswith("niv-") else key


def existing_in(records: list[Record], day: date, caregiver_id: str | None) -> Existing:
    """That day's check-in among `records`; symptoms also count when logged earlier that day with `log`."""
    found = Existing()
    for r in records:
        if r["day"] != day.isoformat() or r.get("caregiver") != caregiver_id:
            continue
        if r["kind"] == "symptom" and r.get("source") != "checkin":
            found.logged_symptoms[r["name"]] = r
            continue
        if r["kind"] in CARE_LOG_KINDS and r.get("source") != "checkin":
            found.logged_care_logs.setdefault(care_log_key(r), []).append(r)
            continue
        if r.get("source") != "checkin":
            continue
        if r["kind"] == "symptom":
            found.symptoms[r["name"]] = r
        elif r["kind"] in ("hours", "wellbeing", "note"):
            setattr(found, r["kind"], r)
        elif r["kind"] == "dose":
            found.doses.append(r)
        elif r["kind"] in CARE_LOG_KINDS:
            found.care_logs[care_log_key(r)] = r
    return found


@dataclass
class Context:
    """What the check-in interview needs, read before the first question."""

    day: date
    today: date
    household: Household
    records: list[Record]  # the entries of the week up to `day`, every caregiver
    doses: list[Record]  # the scheduled doses of `day` not yet given or skipped
    day_hours: float  # the length of `day` (23 to 25 hours on a daylight-saving day)
    selfcheck_due: frozenset[str | None] = frozenset()  # caregivers whose weekly self-check is due

    def existing(self, caregiver_id: str | None) -> Existing:
        return existing_in(self.records, self.day, caregiver_id)

    def hours_logged(self, caregiver_id: str | None, *, besides: str = "") -> float:
        """Hours of care the caregiver already has on `day`, not counting the entry `besides`."""
        return sum(float(r["hours"]) for r in self.records
                   if r["kind"] == "hours" and r["day"] == self.day.isoformat()
                   and r.get("caregiver") == caregiver_id and r["id"] != besides)

    def recent_symptoms(self) -> dict[str, int]:
        """The symptoms logged in the week, with their latest severity, newest first."""
        latest: dict[str, int] = {}
        for r in sorted(self.records, key=lambda r: r["at"], reverse=True):
            if r["kind"] == "symptom" and r["name"] not in latest and r["name"] != "other":
                latest[r["name"]] = int(r["severity"])
        return latest
