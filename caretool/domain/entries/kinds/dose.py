"""dose {medication, status taken|skipped, scheduled_for, reason, extra, dose}: a medicine given
or not given."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from caretool.core.errors import BadInput
from caretool.core.messages import Message, msg
from caretool.core.text import clean_text
from caretool.domain.entries.fields import optional_text
from caretool.domain.entries.kinds import Field, Kind, register

STATUSES = ("taken", "skipped")
MEDICATION = msg("field.medication", "medication")
STATUS = msg("field.status", "status")
REASON = msg("field.reason", "reason")
UNKNOWN_STATUS = msg("dose.unknown-status", "dose status {status!r} is unknown")
UNKNOWN_STATUS_HINT = msg("dose.unknown-status.hint", "use taken or skipped")
LINE_TAKEN = msg("kind.dose.line-taken", "{medication} taken")
LINE_SKIPPED = msg("kind.dose.line-skipped", "{medication} skipped")
LINE_SKIPPED_WHY = msg("kind.dose.line-skipped-why", "{medication} skipped ({reason})")


def validate(f: Mapping[str, Any]) -> dict[str, Any]:
    status = str(f.get("status", "taken"))
    if status not in STATUSES:
        raise BadInput(UNKNOWN_STATUS(status=status), UNKNOWN_STATUS_HINT)
    return {
        "medication": clean_text(str(f.get("medication", "")), what=MEDICATION, limit=80),
        "status": status,
        "scheduled_for": f.get("scheduled_for"),
        "reason": optional_text(f.get("reason"), what=REASON),
        "extra": bool(f.get("extra", False)),
        "dose": str(f.get("dose") or ""),
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
        Field("scheduled_for", (str,), msg("field.scheduled-for", "scheduled for"), editable=False,
              nullable=True),
        Field("reason", (str,), REASON, required=False),
        Field("extra", (bool,), msg("field.extra", "extra dose"), editable=False, required=False),
        Field("dose", (str,), msg("field.dose", "dose"), editable=False, required=False),
    ),
    validate=validate,
    describe=describe,
    report_section="medications",
))
