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
# An entry's revision, so that two computers' copies merge (see caretool/domain/transfer/sync.py):
# `changed` (ISO time with offset) and `origin` (the home that changed it) once it is first changed,
# `revisions` the revisions it was made from, newest last. A new entry has none: its revision is
# its `created` time.
SYNC_FIELDS = ("changed", "origin", "revisions")
COMMON = (*kinds.COMMON_FIELDS, *SYNC_FIELDS)
REVISIONS_KEPT = 32  # enough to recognise any edit made since the two computers last merged


def revision(record: Record) -> str:
    """The record's revision: when and where it was last changed (when it was created, if never)."""
    when = record.get("changed") or record.get("created") or record.get("at")
    return f"{when}@{record.get('origin') or ''}"


def lineage(record: Record) -> list[str]:
    """The revisions a change of `record` is made from: its own and every one it was made from."""
    earlier = record.get("revisions")
    return [*(earlier if isinstance(earlier, list) else []), revision(record)][-REVISIONS_KEPT:]


def stamp_time(moment: datetime) -> str:
    """A change's time, to the microsecond, so two changes within one second stay apart."""
    return moment.isoformat(timespec="microseconds")


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
    # Its revision once changed (see SYNC_FIELDS); set through revise(), never by hand.
    changed: str | None = None
    origin: str = ""
    revisions: list[str] = field(default_factory=list)

    @property
    def day(self) -> date:
        return self.kept_day or dates.local_day(self.at)

    def move_to(self, moment: datetime) -> None:
        """A new time: the day becomes the local day of that time."""
        self.at, self.kept_day = moment, None

    def revise(self, before: Record, origin: str, moment: datetime | None = None,
               also_known: tuple[str, ...] = ()) -> None:
        """This entry is a change, made now on this computer, of the stored `before`.

        `also_known`: further revisions it supersedes (the deletion an undo takes back)."""
        self.changed = stamp_time(moment or dates.now())
        self.origin = origin
        self.revisions = [*lineage(before), *also_known][-REVISIONS_KEPT:]

    @property
    def short_id(self) -> str:
        return self.id[:7]

    def to_record(self) -> Record:
        record = {
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
        if self.changed:
            record.update(changed=self.changed, origin=self.origin, revisions=list(self.revisions))
        return record

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
            changed=record.get("changed") or None,
            origin=str(record.get("origin") or ""),
            revisions=[str(r) for r in record.get("revisions") or []],
        )


def validate(kind: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The kind's fields, checked and normalised; raises BadInput naming the field."""
    return kinds.get(kind).validate(fields)


def describe(record: Record) -> Message | str:
    """One line a person can read, e.g. '2.5 h of care (feeding, night)'."""
    return kinds.get(record["kind"]).describe(record)
