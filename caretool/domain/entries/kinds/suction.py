"""suction {times}: how often saliva or phlegm was cleared with the suction machine."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from caretool.core.messages import Message, msg, msgn
from caretool.domain.entries.fields import whole_number
from caretool.domain.entries.kinds import Field, Kind, register

TIMES = msg("field.suction-times", "times")
TIMES_HINT = msg("field.suction-times.hint", "type how many times, a whole number from 0 to {most}")
LINE = msgn("kind.suction.line", "suction {count} time", "suction {count} times")
MOST = 100


def validate(f: Mapping[str, Any]) -> dict[str, Any]:
    value = f.get("times")
    times = whole_number("1" if value in (None, "") else value, what=TIMES, low=0, high=MOST,
                         hint=TIMES_HINT(most=MOST))
    return {"times": times}


def describe(r: Mapping[str, Any]) -> Message:
    return LINE(count=int(r["times"]))


KIND = register(Kind(
    name="suction",
    label=msg("kind.suction", "suction"),
    fields=(Field("times", (int,), TIMES),),
    validate=validate,
    describe=describe,
    report_section="breathing_feeding",
))
