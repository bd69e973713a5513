"""breathing {fvc, snip, position}: a breathing test from the clinic.

FVC is the forced vital capacity as a percentage of the predicted value (the clinic's figure);
SNIP the sniff nasal inspiratory pressure in cmH2O (optional); position whether the FVC was
blown sitting or lying (optional: lying down gives lower figures when the diaphragm is weak).
The ranges only catch typos: no person's result lies outside them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from caretool.core.errors import BadInput
from caretool.core.messages import Message, msg
from caretool.core.text import parse_number, shown
from caretool.domain.entries.kinds import Field, Kind, register

FVC_RANGE = (5.0, 150.0)  # % of predicted
SNIP_RANGE = (5.0, 200.0)  # cmH2O
POSITIONS = ("sitting", "lying")
FVC = msg("field.fvc", "FVC")
SNIP = msg("field.snip", "SNIP")
POSITION = msg("field.position", "position")
FVC_HINT = msg("field.fvc.hint", "type FVC as % of predicted, between {low:g} and {high:g} (e.g. --fvc 72)")
SNIP_HINT = msg("field.snip.hint", "type SNIP in cmH2O, between {low:g} and {high:g} (e.g. --snip 45)")
BAD_POSITION = msg("field.position.bad", "position {value!r} is not sitting or lying")
POSITION_HINT = msg("field.position.hint", "use --position sitting or --position lying")
LINE = msg("kind.breathing.line", "breathing test: FVC {fvc:g}%")
LINE_POSITION = msg("kind.breathing.line-position", "breathing test: FVC {fvc:g}% ({position})")
LINE_SNIP = msg("kind.breathing.line-snip", "breathing test: FVC {fvc:g}%, SNIP {snip:g} cmH2O")
LINE_SNIP_POSITION = msg("kind.breathing.line-snip-position",
                         "breathing test: FVC {fvc:g}% ({position}), SNIP {snip:g} cmH2O")
POSITION_WORDS = {"sitting": msg("breathing.position.sitting", "sitting"),
                  "lying": msg("breathing.position.lying", "lying")}
# Words a clinic letter may use for the two positions.
POSITION_ALIASES = {"sitting": "sitting", "sit": "sitting", "seated": "sitting", "upright": "sitting",
                    "lying": "lying", "lie": "lying", "supine": "lying", "앉아서": "sitting",
                    "누워서": "lying"}


def _position(value: Any) -> str | None:
    if value in (None, ""):
        return None
    word = str(value).strip().lower()
    if word not in POSITION_ALIASES:
        raise BadInput(BAD_POSITION(value=shown(value)), POSITION_HINT)
    return POSITION_ALIASES[word]


def validate(f: Mapping[str, Any]) -> dict[str, Any]:
    low, high = FVC_RANGE
    fvc = parse_number(f.get("fvc", ""), what=FVC, low=low, high=high, hint=FVC_HINT(low=low, high=high))
    snip = f.get("snip")
    if snip not in (None, ""):
        low, high = SNIP_RANGE
        snip = round(parse_number(snip, what=SNIP, low=low, high=high, hint=SNIP_HINT(low=low, high=high)), 1)
    else:
        snip = None
    return {"fvc": round(fvc, 1), "snip": snip, "position": _position(f.get("position"))}


def describe(r: Mapping[str, Any]) -> Message:
    fvc, snip, position = float(r["fvc"]), r.get("snip"), r.get("position")
    where = POSITION_WORDS.get(str(position)) if position else None
    if snip is not None:
        return (LINE_SNIP_POSITION(fvc=fvc, snip=float(snip), position=where) if where
                else LINE_SNIP(fvc=fvc, snip=float(snip)))
    return LINE_POSITION(fvc=fvc, position=where) if where else LINE(fvc=fvc)


KIND = register(Kind(
    name="breathing",
    label=msg("kind.breathing", "breathing test"),
    fields=(
        Field("fvc", (float, int), FVC),
        Field("snip", (float, int), SNIP, nullable=True),
        Field("position", (str,), POSITION, nullable=True),
    ),
    validate=validate,
    describe=describe,
    report_section="progression",
))
