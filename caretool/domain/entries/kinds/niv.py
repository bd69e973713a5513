"""niv {hours, night}: hours on non-invasive ventilation (the mask machine).

`night` says the hours were overnight; hours without it were during the day, which the red-flag
rules read (needing NIV in the daytime is a change the breathing team should hear about).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from caretool.core.messages import Message, msg
from caretool.core.text import parse_number
from caretool.domain.entries.fields import yes_no
from caretool.domain.entries.kinds import Field, Kind, register

HOURS = msg("field.niv-hours", "hours on NIV")
NIGHT = msg("field.night", "night")
HOURS_HINT = msg("field.niv-hours.hint", "type the hours on NIV, from 0 to 24, e.g. 7.5")
LINE_NIGHT = msg("kind.niv.line-night", "{hours:g} h on NIV overnight")
LINE_DAY = msg("kind.niv.line-day", "{hours:g} h on NIV in the daytime")
MOST = 24.0  # one entry is one night or one day's use


def validate(f: Mapping[str, Any]) -> dict[str, Any]:
    hours = parse_number(f.get("hours", ""), what=HOURS, low=0, high=MOST, hint=HOURS_HINT)
    return {"hours": round(hours, 2), "night": yes_no(f.get("night", False), what=NIGHT)}


def describe(r: Mapping[str, Any]) -> Message:
    return (LINE_NIGHT if r.get("night") else LINE_DAY)(hours=float(r["hours"]))


KIND = register(Kind(
    name="niv",
    label=msg("kind.niv", "NIV use"),
    fields=(
        Field("hours", (float, int), HOURS),
        Field("night", (bool,), NIGHT, off_flag="day"),
    ),
    validate=validate,
    describe=describe,
    red_flags=True,
    report_section="breathing_feeding",
))
