"""weight {kg}: the weight of the person cared for."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from caretool.core.messages import Message, msg
from caretool.core.text import parse_number
from caretool.domain.entries.kinds import Field, Kind, register

RANGE = (20.0, 300.0)  # kilograms: outside this a number is a typo, not a person's weight
KG = msg("field.weight", "weight")
KG_HINT = msg("field.weight.hint", "type the weight in kilograms, between {low:g} and {high:g}")
LINE = msg("kind.weight.line", "weight {kg:g} kg")


def validate(f: Mapping[str, Any]) -> dict[str, Any]:
    low, high = RANGE
    kg = parse_number(f.get("kg", ""), what=KG, low=low, high=high, hint=KG_HINT(low=low, high=high))
    return {"kg": round(kg, 2)}


def describe(r: Mapping[str, Any]) -> Message:
    return LINE(kg=float(r["kg"]))


KIND = register(Kind(
    name="weight",
    label=msg("kind.weight", "weight"),
    fields=(Field("kg", (float, int), KG),),
    validate=validate,
    describe=describe,
    red_flags=True,
    report_section="weight",
))
