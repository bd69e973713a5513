"""Entries: the dated things a family logs, and the rules every entry must follow."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from caretool.core import dates
from caretool.core.messages import Message
from caretool.domain.entries import kinds

# A stored entry: the common fields below plus its kind's own fields (see kinds/).
Record = dict[str, Any]
COMMON = ("id", "kind", "at", "day", "caregiver", "created", "source", "warnings")


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


def validate(kind: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The kind's fields, checked and normalised; raises BadInput naming the field."""
    return kinds.get(kind).validate(fields)


def describe(record: Record) -> Message | str:
    """One line a person can read, e.g. '2.5 h of care (feeding, night)'."""
    return kinds.get(record["kind"]).describe(record)
