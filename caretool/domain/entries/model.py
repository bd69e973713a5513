"""Entries: the dated things a family logs, and the rules every entry must follow."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeAlias

from caretool.core import dates
from caretool.core.messages import Message
from caretool.domain.entries import kinds

# A stored entry as plain JSON data: the common fields below plus its kind's own fields (the kind's
# `fields` in kinds/ say which, with their types). The one definition; import it from here.
Record: TypeAlias = dict[str, Any]
COMMON = kinds.COMMON_FIELDS


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
    # The local day it was logged on, kept when the entry is read back: a text-only correction
    # must not move an entry made in another time zone to the day this computer would give it.
    kept_day: date | None = None

    @property
    def day(self) -> date:
        return self.kept_day or dates.local_day(self.at)

    def move_to(self, moment: datetime) -> None:
        """A new time: the day becomes the local day of that time."""
        self.at, self.kept_day = moment, None

    @property
    def short_id(self) -> str:
        return self.id[:7]

    def to_record(self) -> Record:
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
    def from_record(cls, record: Record) -> Entry:
        return cls(
            kind=record["kind"],
            at=datetime.fromisoformat(record["at"]),
            fields={k: v for k, v in record.items() if k not in COMMON},
            caregiver=record.get("caregiver"),
            id=record["id"],
            created=str(record.get("created") or record["at"]),
            source=str(record.get("source") or "log"),
            warnings=list(record.get("warnings") or []),
            kept_day=date.fromisoformat(record["day"]) if record.get("day") else None,
        )


def validate(kind: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The kind's fields, checked and normalised; raises BadInput naming the field."""
    return kinds.get(kind).validate(fields)


def describe(record: Record) -> Message | str:
    """One line a person can read, e.g. '2.5 h of care (feeding, night)'."""
    return kinds.get(record["kind"]).describe(record)
