"""What a red-flag rule is, what it sees and what it returns.

A rule looks at one logged entry together with what was logged around it (`Facts`) and returns an
urgency and parameters, never sentences: `Flag(rule, urgency, day, entry_id, params, sources)`.
Its title, why and action are catalogue Messages, chosen by `Rule.text` from the flag's id and
parameters, so a warning reads in the reader's language and is never stored.

Urgencies: EMERGENCY "call the emergency number now"; URGENT "phone now, within hours" (the care
team or the out-of-hours line); TODAY "contact the care team today".

A rule names the care-team roles it wants to be called (`contacts`, in order of preference); a
flag carries the first stored contact of those roles, so a panel can show the number to call next
to the emergency number. A rule may also judge a whole day (`day_check`), for what was NOT logged
(a day without feeds for someone fed only by tube).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from caretool.core.messages import Message, msg, render
from caretool.domain.entries.model import Record

EMERGENCY = "emergency"
URGENT = "urgent"
TODAY = "today"
URGENCIES = (EMERGENCY, URGENT, TODAY)  # most urgent first

# How far back a rule may look from the day of the entry it judges.
CONTEXT_DAYS = 35
# A sign logged within this many days before is not new: only a worse one warns again. Without it
# a family in the swallowing phase would see the same choking warning every day (alarm fatigue).
# A judgement, not a clinical threshold; a severe episode always warns.
QUIET_DAYS = 28

EMERGENCY_NUMBER = msg("flag.emergency-number",
                       "Call the emergency number now (119 in Korea, 911 in the US, 999 or 112 in the UK "
                       "and Ireland).")
# docs/clinical-sources.md#mnda-oxygen: on every breathing warning and wherever caretool says to
# call an ambulance.
OXYGEN = msg("flag.oxygen-caution",
             "Oxygen given without monitoring can be dangerous for someone with ALS: it can slow breathing "
             "and let carbon dioxide build up. Tell any doctor or ambulance crew, and show the oxygen alert "
             "card (the MND Association provides one).")
# docs/clinical-sources.md#mnd-scotland-choking
CALL_HANDLER = msg("flag.call-handler",
                   "When you call, say \"ALS, also called MND\" and whether the person uses NIV; take the "
                   "NIV machine and its mask, and have any advance decisions to hand.")
OXYGEN_SOURCE = "mnda-oxygen"
CALL_HANDLER_SOURCE = "mnd-scotland-choking"
# The kinds a History keeps besides symptoms and weights: what the care-log rules read.
CARE_LOG_KINDS = ("niv", "feed", "tube-change")
# Who to call (contact roles, domain/contacts), most wanted first. When a rule names none of its
# own: the specialist nurse who coordinates care, then the family doctor.
DEFAULT_CONTACTS = ("mnd-nurse", "gp")
BREATHING_TEAM = ("respiratory", "mnd-nurse", "neurologist", "gp")
SWALLOWING_TEAM = ("speech-therapist", "mnd-nurse", "gp")
FEEDING_TEAM = ("dietitian", "mnd-nurse", "gp")
MEDICINE_TEAM = ("neurologist", "gp", "mnd-nurse")
INFECTION_TEAM = ("gp", "respiratory", "mnd-nurse")
NEUROLOGY_TEAM = ("neurologist", "mnd-nurse", "gp")
PALLIATIVE_TEAM = ("palliative", "mnd-nurse", "gp")


def rank(urgency: str) -> int:
    """0 for the most urgent; unknown urgencies last."""
    return URGENCIES.index(urgency) if urgency in URGENCIES else len(URGENCIES)


@dataclass(frozen=True)
class Flag:
    rule: str
    urgency: str  # EMERGENCY, URGENT or TODAY
    day: str
    entry_id: str  # "" for a flag about a whole day (a rule's day_check)
    params: dict[str, Any] = field(default_factory=dict)
    sources: tuple[str, ...] = ()  # anchors in docs/clinical-sources.md
    # The care-team contact to call (a stored contact of a role the rule names), or None.
    contact: Mapping[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        found = {"rule": self.rule, "urgency": self.urgency, "day": self.day, "entry_id": self.entry_id,
                 "params": dict(self.params), "sources": list(self.sources)}
        if self.contact is not None:
            found["contact"] = dict(self.contact)
        return found

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Flag:
        contact = data.get("contact")
        return cls(str(data.get("rule", "")), str(data.get("urgency", TODAY)), str(data.get("day", "")),
                   str(data.get("entry_id", "")), dict(data.get("params") or {}),
                   tuple(str(s) for s in data.get("sources") or ()),
                   dict(contact) if isinstance(contact, Mapping) else None)


@dataclass(frozen=True)
class FlagText:
    title: Message | str
    why: Message | str
    action: Message | str
    more: tuple[Message | str, ...] = ()  # what to do during an episode, cautions, crisis lines
    sources: tuple[Message | str, ...] = ()  # the titles of the flag's sources

    @property
    def source(self) -> str:
        """The sources' titles on one line (for a report table)."""
        return "; ".join(render(s) for s in self.sources)


def _key(r: Record) -> tuple[str, str]:
    return (r["day"], str(r.get("at", "")))


entry_key = _key  # (day, time): the order entries happened in


class History:
    """The entries around the ones being judged, indexed so each rule reads only what it asks for
    (a report judges hundreds of entries against thousands)."""

    def __init__(self, records: Iterable[Record]) -> None:
        self._symptoms: dict[str, list[Record]] = {}
        self._weights: list[Record] = []
        self._others: dict[str, list[Record]] = {}  # the care logs (niv, feed, ...) by kind
        for r in records:
            kind = r.get("kind")
            if kind == "symptom":
                self._symptoms.setdefault(str(r.get("name")), []).append(r)
            elif kind == "weight":
                self._weights.append(r)
            elif kind in CARE_LOG_KINDS:
                self._others.setdefault(str(kind), []).append(r)
        for rows in (*self._symptoms.values(), self._weights, *self._others.values()):
            rows.sort(key=_key)
        self._symptom_days = {name: [r["day"] for r in rows] for name, rows in self._symptoms.items()}
        self._weight_days = [r["day"] for r in self._weights]
        self._other_days = {kind: [r["day"] for r in rows] for kind, rows in self._others.items()}

    @staticmethod
    def _between(rows: list[Record], days: list[str], lo: str, hi: str) -> list[Record]:
        return rows[bisect_left(days, lo):bisect_right(days, hi)]

    def symptoms(self, names: Iterable[str], lo: str, hi: str) -> list[Record]:
        """Symptom entries with these names whose day is within lo..hi, oldest first."""
        found = [r for name in set(names) if name in self._symptoms
                 for r in self._between(self._symptoms[name], self._symptom_days[name], lo, hi)]
        return sorted(found, key=_key)

    def weights(self, lo: str, hi: str) -> list[Record]:
        return self._between(self._weights, self._weight_days, lo, hi)

    def logs(self, kind: str, lo: str, hi: str) -> list[Record]:
        """Care-log entries (niv, feed, ...) whose day is within lo..hi, oldest first."""
        if kind not in self._others:
            return []
        return self._between(self._others[kind], self._other_days[kind], lo, hi)


@dataclass(frozen=True)
class Facts:
    """One entry and what a rule may know around it."""

    record: Record
    history: History = field(default_factory=lambda: History(()))  # entries around it (not itself)
    medicines: frozenset[str] = frozenset()  # medicine families in use that day (care.medicines)
    last_doses: Mapping[str, str] = field(default_factory=dict)  # family -> day of the latest dose
    baseline: Baseline | None = None  # the weight loss is measured from
    equipment: frozenset[str] = frozenset()  # types of equipment in use that day

    @property
    def day(self) -> date:
        return date.fromisoformat(self.record["day"])

    @property
    def name(self) -> str:
        return str(self.record.get("name", "")) if self.record.get("kind") == "symptom" else ""

    @property
    def severity(self) -> int:
        return int(self.record.get("severity", 0)) if self.name else 0

    def _since(self, days: int) -> str:
        return (self.day - timedelta(days=days)).isoformat()

    def before(self, names: Iterable[str], days: int) -> list[Record]:
        """These signs logged before this entry (an earlier time, or an earlier day) within `days`."""
        me = _key(self.record)
        return [r for r in self.history.symptoms(names, self._since(days), self.record["day"])
                if _key(r) < me and r.get("id") != self.record.get("id")]

    def worst_before(self, names: Iterable[str], days: int = QUIET_DAYS) -> int | None:
        """The highest severity of these signs logged before this entry within `days` (None: not logged)."""
        return max((int(r.get("severity", 0)) for r in self.before(names, days)), default=None)

    def change(self, names: Iterable[str] = ()) -> str | None:
        """'new' (not seen, at any severity above none, within QUIET_DAYS), 'worse', or None."""
        before = self.worst_before(tuple(names) or (self.name,))
        if not before:
            return "new"
        return "worse" if self.severity > before else None

    def seen_with(self, names: Iterable[str], days: int) -> list[str]:
        """Which of these signs (other than this entry's own) were logged above none within `days`,
        before or after this entry on the same day."""
        rows = self.history.symptoms(names, self._since(days), self.record["day"])
        return sorted({r["name"] for r in rows if int(r.get("severity", 0)) >= 1 and r["name"] != self.name
                       and r.get("id") != self.record.get("id")})

    def weights_before(self, record: Record, days: int) -> list[Record]:
        """Weights logged before `record` (this entry or an earlier weight) within `days` of it."""
        lo = (date.fromisoformat(record["day"]) - timedelta(days=days)).isoformat()
        me = _key(record)
        return [r for r in self.history.weights(lo, record["day"])
                if _key(r) < me and r.get("id") != self.record.get("id")]


@dataclass(frozen=True)
class Baseline:
    kg: float
    basis: str  # "diagnosis" (the person's weight at diagnosis) or "first-logged"
    day: str | None = None
    entry_id: str | None = None


Finding = tuple[str, dict[str, Any]]  # (urgency, params)


@dataclass(frozen=True)
class DayFacts:
    """A whole day, for a rule about what was not logged: what was logged around it and how the
    household cares (its settings, the equipment in use)."""

    day: date
    history: History
    settings: Mapping[str, Any] = field(default_factory=dict)
    equipment: frozenset[str] = frozenset()


def _no_day_check(facts: DayFacts) -> Finding | None:
    return None


@dataclass(frozen=True)
class Rule:
    id: str
    sources: tuple[str, ...]  # its clinical basis: anchors in docs/clinical-sources.md
    check: Callable[[Facts], Finding | None]
    text: Callable[[Flag], FlagText]  # title, why, action (and what to do) for a flag it raised
    breathing: bool = False  # carries the oxygen caution
    ambulance: bool = False  # its action can tell the family to call the emergency number
    superseded_by: frozenset[str] = frozenset()  # rules that, raised by the same entry, say it already
    contacts: tuple[str, ...] = DEFAULT_CONTACTS  # the care-team roles to call, most wanted first
    day_check: Callable[[DayFacts], Finding | None] = _no_day_check  # a rule about a whole day
    judges_days: bool = False  # day_check is used (flags_between runs it for each complete day)

    def cautions(self, urgency: str) -> tuple[tuple[Message, str], ...]:
        """The cautions (with their source) this rule's panel carries at this urgency."""
        calls = self.ambulance or urgency == EMERGENCY
        found: list[tuple[Message, str]] = []
        if calls:
            found.append((CALL_HANDLER, CALL_HANDLER_SOURCE))
        if calls or self.breathing:
            found.append((OXYGEN, OXYGEN_SOURCE))
        return tuple(found)
