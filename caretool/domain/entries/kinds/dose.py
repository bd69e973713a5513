"""dose {medication, status taken|skipped, scheduled_for, reason, extra, dose}: a medicine given
or not given."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from caretool.core.errors import BadInput
from caretool.core.messages import Message, msg
from caretool.core.text import clean_text, shown
from caretool.domain.entries.fields import optional_text, yes_no
from caretool.domain.entries.kinds import Field, Kind, register

STATUSES = ("taken", "skipped")
MEDICATION = msg("field.medication", "medication")
STATUS = msg("field.status", "status")
REASON = msg("field.reason", "reason")
UNKNOWN_STATUS = msg("dose.unknown-status", "dose status {status!r} is unknown")
UNKNOWN_STATUS_HINT = msg("dose.unknown-status.hint", "use taken or skipped")
DOSE = msg("field.dose", "dose")
EXTRA = msg("field.extra", "extra dose")
SCHEDULED_FOR = msg("field.scheduled-for", "scheduled for")
NOT_A_MOMENT = msg("dose.scheduled-not-a-moment", "the scheduled time {value!r} is not a date and time")
NOT_A_MOMENT_HINT = msg("dose.scheduled-not-a-moment.hint",
                        "give it as an ISO date and time such as 2026-11-20T08:00:00+09:00")
LINE_TAKEN = msg("kind.dose.line-taken", "{medication} taken")
LINE_SKIPPED = msg("kind.dose.line-skipped", "{medication} skipped")
LINE_SKIPPED_WHY = msg("kind.dose.line-skipped-why", "{medication} skipped ({reason})")


def _scheduled(value: Any) -> str | None:
    """The dose time this entry answers (None for an unscheduled dose), as an ISO date and time."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            return value
    raise BadInput(NOT_A_MOMENT(value=shown(value)), NOT_A_MOMENT_HINT)


def validate(f: Mapping[str, Any]) -> dict[str, Any]:
    status = str(f.get("status", "taken"))
    if status not in STATUSES:
        raise BadInput(UNKNOWN_STATUS(status=shown(status)), UNKNOWN_STATUS_HINT)
    return {
        "medication": clean_text(f.get("medication", ""), what=MEDICATION, limit=80),
        "status": status,
        "scheduled_for": _scheduled(f.get("scheduled_for")),
        "reason": optional_text(f.get("reason"), what=REASON),
        "extra": yes_no(f.get("extra", False), what=EXTRA),
        "dose": optional_text(f.get("dose"), what=DOSE, limit=80),
    }


def describe(r: Mapping[str, Any]) -> Message:
    if r.get("status") == "taken":
        return LINE_TAKEN(medication=r["medication"])
    if r.get("reason"):
        return LINE_SKIPPED_WHY(medication=r["medication"], reason=r["reason"])
    return LINE_SKIPPED(medication=r["medication"])


KIND = register(Kind(
    name="dose",
    label=msg("kind.dose", "medicine dose"),
    fields=(
        Field("medication", (str,), MEDICATION, editable=False),
        Field("status", (str,), STATUS),
        Field("scheduled_for", (str,), SCHEDULED_FOR, editable=False, nullable=True),
        Field("reason", (str,), REASON, required=False),
        Field("extra", (bool,), EXTRA, editable=False, required=False),
        Field("dose", (str,), DOSE, editable=False, required=False),
    ),
    validate=validate,
    describe=describe,
    report_section="medications",
))
