"""wellbeing {sleep_hours, stress 0-10, took_break}: how the caregiver is doing."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from caretool.core.messages import Message, msg
from caretool.core.text import parse_number
from caretool.domain.entries.fields import whole_number, yes_no
from caretool.domain.entries.kinds import Field, Kind, register

SLEEP_RANGE = (0.0, 24.0)
SLEEP = msg("field.sleep", "sleep")
STRESS = msg("field.stress", "stress")
BREAK = msg("field.break", "break")
SLEEP_HINT = msg("field.sleep.hint", "type the hours slept last night, from 0 to 24")
STRESS_HINT = msg("field.stress.hint", "use a whole number from 0 (calm) to 10 (worst)")
LINE_BREAK = msg("kind.wellbeing.line-break", "slept {sleep:g} h, stress {stress}/10, had a break")
LINE_NO_BREAK = msg("kind.wellbeing.line-no-break", "slept {sleep:g} h, stress {stress}/10, no break")


def validate(f: Mapping[str, Any]) -> dict[str, Any]:
    low, high = SLEEP_RANGE
    sleep = parse_number(f.get("sleep_hours", ""), what=SLEEP, low=low, high=high, hint=SLEEP_HINT)
    return {
        "sleep_hours": round(sleep, 2),
        "stress": whole_number(f.get("stress", ""), what=STRESS, low=0, high=10, hint=STRESS_HINT),
        "took_break": yes_no(f.get("took_break", False), what=BREAK),
    }


def describe(r: Mapping[str, Any]) -> Message:
    line = LINE_BREAK if r.get("took_break") else LINE_NO_BREAK
    return line(sleep=float(r["sleep_hours"]), stress=int(r["stress"]))


KIND = register(Kind(
    name="wellbeing",
    label=msg("kind.wellbeing", "how the caregiver is doing"),
    fields=(
        Field("sleep_hours", (float, int), SLEEP, flag="sleep"),
        Field("stress", (int,), STRESS),
        Field("took_break", (bool,), BREAK, flag="break"),
    ),
    validate=validate,
    describe=describe,
    report_section="caregivers",
))
