"""tube-change {came_out, note}: the feeding tube was changed; `came_out` when it came out by accident.

A tube that came out raises the `tube-out` red flag, as the symptom of that name does: the opening
can start to close within hours (docs/clinical-sources.md#nhs-gastrostomy-tube-out).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from caretool.core.messages import Message, msg
from caretool.core.text import NOTE
from caretool.domain.entries.fields import optional_text, yes_no
from caretool.domain.entries.kinds import Field, Kind, register

CAME_OUT = msg("field.came-out", "came out")
LINE = msg("kind.tube-change.line", "feeding tube changed")
LINE_OUT = msg("kind.tube-change.line-out", "feeding tube came out")
LINE_NOTE = msg("kind.tube-change.line-note", "feeding tube changed: {note}")
LINE_OUT_NOTE = msg("kind.tube-change.line-out-note", "feeding tube came out: {note}")


def validate(f: Mapping[str, Any]) -> dict[str, Any]:
    return {"came_out": yes_no(f.get("came_out", False), what=CAME_OUT),
            "note": optional_text(f.get("note"), what=NOTE, limit=500)}


def describe(r: Mapping[str, Any]) -> Message:
    if r.get("note"):
        return (LINE_OUT_NOTE if r.get("came_out") else LINE_NOTE)(note=str(r["note"]))
    return LINE_OUT if r.get("came_out") else LINE


KIND = register(Kind(
    name="tube-change",
    label=msg("kind.tube-change", "feeding tube change"),
    fields=(
        Field("came_out", (bool,), CAME_OUT, flag="came-out"),
        Field("note", (str,), NOTE, required=False),
    ),
    validate=validate,
    describe=describe,
    red_flags=True,
    report_section="breathing_feeding",
))
