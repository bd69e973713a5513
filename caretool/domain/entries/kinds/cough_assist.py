"""cough-assist {sessions}: sessions on the cough assist machine (mechanical insufflation-exsufflation)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from caretool.core.messages import Message, msg, msgn
from caretool.domain.entries.fields import whole_number
from caretool.domain.entries.kinds import Field, Kind, register

SESSIONS = msg("field.sessions", "sessions")
SESSIONS_HINT = msg("field.sessions.hint", "type the number of sessions, a whole number from 0 to {most}")
LINE = msgn("kind.cough-assist.line", "{count} cough assist session", "{count} cough assist sessions")
MOST = 50  # more in one entry is a typo


def validate(f: Mapping[str, Any]) -> dict[str, Any]:
    value = f.get("sessions")
    sessions = whole_number("1" if value in (None, "") else value, what=SESSIONS, low=0, high=MOST,
                            hint=SESSIONS_HINT(most=MOST))
    return {"sessions": sessions}


def describe(r: Mapping[str, Any]) -> Message:
    return LINE(count=int(r["sessions"]))


KIND = register(Kind(
    name="cough-assist",
    label=msg("kind.cough-assist", "cough assist"),
    fields=(Field("sessions", (int,), SESSIONS),),
    validate=validate,
    describe=describe,
    report_section="breathing_feeding",
))
