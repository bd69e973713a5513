"""Entries: the dated things a family logs, and the rules every entry must follow."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from caretool.core import dates
from caretool.core.errors import BadInput
from caretool.core.text import clean_text, parse_number
from caretool.domain.care import symptoms

KINDS = (
    "symptom", "dose", "hours", "weight", "wellbeing", "note", "selfcheck", "assessment",
)
TASKS = (
    "personal-care", "feeding", "medical", "mobility", "night-care",
    "household", "transport", "supervision", "admin", "other",
)
COMMON = ("id", "kind", "at", "day", "caregiver", "created", "source", "warnings")
WEIGHT_RANGE = (20.0, 300.0)
SLEEP_RANGE = (0.0, 24.0)


@dataclass
class Entry:
    kind: str
    at: datetime
    fields: dict[str, Any]
    caregiver: str | None = None
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    created: str = field(default_factory=lambda: dates.iso(dates.now()))
    source: str = "log"
    warnings: list[dict[str, str]] = field(default_factory=list)

    @property
    def day(self) -> date:
        return dates.local_day(self.at)

    @property
    def short_id(self) -> str:
        return self.id[:7]

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "at": dates.iso(self.at),
            "day": self.day.isoformat(),
            "caregiver": self.caregiver,
            "created": self.created,
            "source": self.source,
            "warnings": list(self.warnings),
            **self.fields,
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Entry:
        return cls(
            kind=record["kind"],
            at=datetime.fromisoformat(record["at"]),
            fields={k: v for k, v in record.items() if k not in COMMON},
            caregiver=record.get("caregiver"),
            id=record["id"],
            created=record.get("created", record["at"]),
            source=record.get("source", "log"),
            warnings=list(record.get("warnings") or []),
        )


def _severity(value: Any) -> int:
    number = parse_number(value, what="severity", low=0, high=3,
                          hint="use 0 (none), 1 (mild), 2 (moderate) or 3 (severe)")
    if number != int(number):
        raise BadInput(f"severity {value} is not a whole number", "use 0, 1, 2 or 3")
    return int(number)


def _stress(value: Any) -> int:
    number = parse_number(value, what="stress", low=0, high=10,
                          hint="use a whole number from 0 (calm) to 10 (worst)")
    if number != int(number):
        raise BadInput(f"stress {value} is not a whole number", "use a whole number from 0 to 10")
    return int(number)


def _bool(value: Any, what: str) -> bool:
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in ("yes", "y", "true", "1"):
        return True
    if word in ("no", "n", "false", "0"):
        return False
    raise BadInput(f"{what} {value!r} is not yes or no", f"use yes or no for {what}")


def _optional_note(value: Any) -> str:
    return clean_text(value) if value not in (None, "") else ""


def validate(kind: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The kind's fields, checked and normalised; raises BadInput naming the field."""
    if kind not in KINDS:
        raise BadInput(f"unknown entry kind {kind!r}", f"use one of: {', '.join(KINDS)}")
    f = dict(fields)
    if kind == "symptom":
        name = symptoms.find(str(f.get("name", ""))).slug
        out: dict[str, Any] = {"name": name, "severity": _severity(f.get("severity", ""))}
        describe = f.get("describe") or ""
        if name == "other" and not str(describe).strip():
            raise BadInput("symptom 'other' needs a description", "add --describe 'what you saw'")
        out["describe"] = clean_text(describe, what="description", limit=200) if describe else ""
        out["note"] = _optional_note(f.get("note"))
        return out
    if kind == "hours":
        hours = parse_number(f.get("hours", ""), what="hours", low=0, high=25,
                             hint="type hours of care between 0.25 and 24, e.g. 2.5")
        if hours <= 0:
            raise BadInput("hours must be more than 0", "type hours of care such as 2.5")
        task = str(f.get("task") or "other").strip().lower()
        if task not in TASKS:
            raise BadInput(f"unknown task {task!r}", f"use one of: {', '.join(TASKS)}")
        night = _bool(f.get("night", False), "night") or task == "night-care"
        return {"hours": round(hours, 2), "task": task, "night": night}
    if kind == "weight":
        low, high = WEIGHT_RANGE
        kg = parse_number(f.get("kg", ""), what="weight", low=low, high=high,
                          hint=f"type the weight in kilograms, between {low:g} and {high:g}")
        return {"kg": round(kg, 2)}
    if kind == "wellbeing":
        low, high = SLEEP_RANGE
        sleep = parse_number(f.get("sleep_hours", ""), what="sleep", low=low, high=high,
                             hint="type the hours slept last night, from 0 to 24")
        return {
            "sleep_hours": round(sleep, 2),
            "stress": _stress(f.get("stress", "")),
            "took_break": _bool(f.get("took_break", False), "break"),
        }
    if kind == "note":
        return {"text": clean_text(str(f.get("text", "")))}
    if kind == "dose":
        status = str(f.get("status", "taken"))
        if status not in ("taken", "skipped"):
            raise BadInput(f"dose status {status!r} is unknown", "use taken or skipped")
        return {
            "medication": clean_text(str(f.get("medication", "")), what="medication", limit=80),
            "status": status,
            "scheduled_for": f.get("scheduled_for"),
            "reason": _optional_note(f.get("reason")),
            "extra": bool(f.get("extra", False)),
            "dose": str(f.get("dose") or ""),
        }
    if kind == "selfcheck":
        answers = f.get("answers")
        if not isinstance(answers, dict) or not all(
            isinstance(v, int) and 0 <= v <= 3 for v in answers.values()
        ):
            raise BadInput("self-check answers must each be 0-3", "answer every question with 0-3")
        return {"answers": dict(answers), "score": sum(answers.values())}
    # assessment: the phase questionnaire's answers and the phase it suggested
    answers = f.get("answers")
    if not isinstance(answers, dict):
        raise BadInput("assessment answers are missing", "run `caretool phase assess` again")
    return {"answers": dict(answers), "suggested": int(f.get("suggested", 0))}


def describe(record: dict[str, Any]) -> str:
    """One line a person can read, e.g. 'hours 2.5 (feeding, night)'."""
    kind = record["kind"]
    if kind == "symptom":
        words = symptoms.SEVERITY_WORDS[record["severity"]]
        extra = f": {record['describe']}" if record.get("describe") else ""
        return f"{symptoms.label(record['name'])}{extra} - {words} ({record['severity']}/3)"
    if kind == "hours":
        night = ", night" if record.get("night") else ""
        return f"{record['hours']:g} h of care ({record['task']}{night})"
    if kind == "weight":
        return f"weight {record['kg']:g} kg"
    if kind == "wellbeing":
        took = "had a break" if record.get("took_break") else "no break"
        return f"slept {record['sleep_hours']:g} h, stress {record['stress']}/10, {took}"
    if kind == "note":
        return record["text"]
    if kind == "dose":
        why = f" ({record['reason']})" if record.get("reason") else ""
        return f"{record['medication']} {record['status']}{why}"
    if kind == "selfcheck":
        return f"weekly self-check, score {record['score']}"
    if kind == "assessment":
        return f"phase assessment, suggested phase {record.get('suggested')}"
    return kind
