"""The records of an import file, each checked the way `caretool log` checks a new entry.

Every kind's fields go through the kind registry's validator (the same one `log` and `edit` use);
the time must carry a UTC offset and not lie in the future or before the person's birth; the
caregiver must be in the file's household; no text may hold a broken character.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from caretool.core import dates
from caretool.core.errors import BadInput, CaretoolError
from caretool.core.messages import Message, msg
from caretool.core.text import is_valid_unicode, shown
from caretool.domain.entries import kinds
from caretool.domain.entries.model import COMMON, Record, validate
from caretool.domain.household.model import BEFORE_ONSET_LIMIT_DAYS, Household
from caretool.domain.transfer import revisions

ID_PATTERN = re.compile(r"[0-9a-f]{32}", re.ASCII)
FUTURE_SLACK = timedelta(days=1)  # another computer's clock may be a little ahead

RECORD = msg("import.record", "record {index} (id {id}): {problem}")
RECORD_NO_ID = msg("import.record-no-id", "record {index}: {problem}")
FIX_HINT = msg("import.record.hint", "correct or remove that record in the file; nothing was imported")
NOT_AN_OBJECT = msg("import.record-not-an-object", "it is not an object")
NO_ID = msg("import.record-no-id-field", "it has no valid id (32 hexadecimal characters)")
UNKNOWN_KIND = msg("import.record-unknown-kind", "it has an unknown kind {kind!r}")
NO_TIME = msg("import.record-no-time", "it has no valid time with a UTC offset ('at': {at!r})")
FUTURE = msg("import.record-future", "it is dated in the future ({at})")
DAY_MISMATCH = msg("import.record-day-mismatch", "it has a day {day!r} that does not match its time {at}")
UNKNOWN_CAREGIVER = msg("import.record-unknown-caregiver",
                        "it belongs to caregiver {caregiver!r}, who is not in the file's household")
NOT_TEXT = msg("import.record-not-text", "its {field!r} is not text")
BAD_WARNINGS = msg("import.record-bad-warnings", "its warnings are not a list of objects")
BROKEN_TEXT = msg("import.record-broken-text",
                  "its {field!r} holds a broken character (a lone surrogate), not valid text")
SAME_ID = msg("import.record-same-id", "it has the same id as record {other}")
TOO_MANY_HOURS = msg("import.record-too-many-hours",
                     "it brings {who}'s hours of care on {day} to {total:g}, more than the {limit:g} h "
                     "that day has")


@dataclass
class Context:
    """What checking one record needs to know about the file."""

    household: Household
    caregiver_ids: set[str]
    latest: datetime
    check_text: bool  # the file may hold broken characters (it has \\ud800-style escapes)
    seen: dict[str, int] = field(default_factory=dict)
    hours: dict[tuple[Any, str], float] = field(default_factory=dict)
    known_kinds: frozenset[str] = field(default_factory=lambda: frozenset(kinds.names()))
    # Days from this one on pass the household's date checks (birth, two years before onset).
    earliest: date = field(init=False)

    def __post_init__(self) -> None:
        first = min((d for d in (self.household.onset, self.household.diagnosed) if d), default=None)
        limits = [d for d in (self.household.born,
                              first and first - timedelta(days=BEFORE_ONSET_LIMIT_DAYS)) if d]
        self.earliest = max(limits, default=dates.FIRST_DAY)


def problem(index: int, record: Any, message: Message) -> BadInput:
    rid = record.get("id") if isinstance(record, dict) else None
    if isinstance(rid, str) and rid:
        return BadInput(RECORD(index=index, id=shown(rid), problem=message), FIX_HINT)
    return BadInput(RECORD_NO_ID(index=index, problem=message), FIX_HINT)


def broken_text(value: Any, path: str = "") -> str | None:
    """The field (dotted path) of the first string, key or value, holding a lone surrogate."""
    for where, text in _strings(value, path):
        if not is_valid_unicode(text):
            return where or "?"
    return None


def _strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            inner = f"{path}.{key}" if path else str(key)
            yield inner, str(key)
            yield from _strings(item, inner)
    elif isinstance(value, list):
        for number, item in enumerate(value):
            yield from _strings(item, f"{path}[{number}]")


def _moment(text: Any) -> datetime | None:
    try:
        moment = datetime.fromisoformat(text) if isinstance(text, str) and len(text) <= 40 else None
    except ValueError:
        return None
    if moment is None or moment.tzinfo is None or not dates.FIRST_DAY <= moment.date() <= dates.LAST_DAY:
        return None
    return moment


def check_record(index: int, record: Any, ctx: Context) -> Record:
    """The record as it will be stored, or BadInput naming the record and the problem."""
    def bad(message: Message) -> BadInput:
        return problem(index, record, message)

    if not isinstance(record, dict):
        raise bad(NOT_AN_OBJECT)
    if ctx.check_text and (where := broken_text(record)):
        raise bad(BROKEN_TEXT(field=shown(where)))
    rid = record.get("id")
    if not isinstance(rid, str) or not ID_PATTERN.fullmatch(rid):
        raise bad(NO_ID)
    if rid in ctx.seen:
        raise bad(SAME_ID(other=ctx.seen[rid]))
    kind = record.get("kind")
    if not isinstance(kind, str) or kind not in ctx.known_kinds:
        raise bad(UNKNOWN_KIND(kind=shown(kind)))
    at_text = record.get("at")
    at = _moment(at_text)
    if at is None:
        raise bad(NO_TIME(at=shown(at_text)))
    if at > ctx.latest:
        raise bad(FUTURE(at=at_text))
    day_text = record.get("day")
    try:
        day = date.fromisoformat(day_text) if isinstance(day_text, str) and len(day_text) == 10 else None
    except ValueError:
        day = None
    if day is None or abs((day - at.date()).days) > 1:
        raise bad(DAY_MISMATCH(day=shown(day_text), at=at_text))
    caregiver = record.get("caregiver")
    if caregiver is not None and caregiver not in ctx.caregiver_ids:
        raise bad(UNKNOWN_CAREGIVER(caregiver=shown(caregiver)))
    for key in ("created", "source"):
        if key in record and not isinstance(record[key], str):
            raise bad(NOT_TEXT(field=key))
    try:
        revisions.record_fields(record)
    except revisions.Problem as wrong:
        raise bad(wrong.problem) from None
    warnings = record.get("warnings", [])
    if not isinstance(warnings, list) or (warnings and not all(isinstance(w, dict) for w in warnings)):
        raise bad(BAD_WARNINGS)
    fields = {k: v for k, v in record.items() if k not in COMMON}
    try:
        if day < ctx.earliest:
            ctx.household.check_day(day)
        checked = validate(kind, fields)
    except CaretoolError as exc:
        raise bad(exc.message) from None
    ctx.seen[rid] = index
    stored = {"created": at_text, "source": "log", **record, "warnings": warnings, **checked}
    if kind == "hours":
        _count_hours(index, stored, ctx)
    return stored


def _count_hours(index: int, record: Record, ctx: Context) -> None:
    """At most a day's length of care per caregiver per day, within the file (the home is added
    when the file is merged, see importer.py)."""
    key = (record.get("caregiver"), record["day"])
    total = ctx.hours[key] = ctx.hours.get(key, 0.0) + float(record["hours"])
    limit = dates.day_length_hours(date.fromisoformat(record["day"]))
    if total > limit:
        who = ctx.household.caregiver_name(record.get("caregiver"))
        raise problem(index, record, TOO_MANY_HOURS(who=who, day=record["day"], total=total, limit=limit))
