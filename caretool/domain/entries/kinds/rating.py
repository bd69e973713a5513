"""rating {12 item scores, gastrostomy, total}: the care team's ALSFRS-R rating, as typed in.

The item scores (0-4) are stored by item name (speech ... respiratory_insufficiency, see
caretool.domain.progress.items); `gastrostomy` says item 5 was scored on its gastrostomy form;
`total` (0-48) is worked out from the scores on every change, never typed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from caretool.core.errors import BadInput
from caretool.core.messages import Message, msg
from caretool.domain.entries.fields import whole_number, yes_no
from caretool.domain.entries.kinds import Field, Kind, register
from caretool.domain.progress import items

GASTROSTOMY = msg("field.gastrostomy", "gastrostomy form of item 5")
TOTAL = msg("field.alsfrs-total", "ALSFRS-R total")
LINE = msg("kind.rating.line", "ALSFRS-R {total} of 48 (the care team's rating)")
LINE_GASTROSTOMY = msg("kind.rating.line-gastrostomy",
                       "ALSFRS-R {total} of 48 (the care team's rating; item 5 on its gastrostomy form)")


def validate(f: Mapping[str, Any]) -> dict[str, Any]:
    absent = items.missing(f)
    if absent:
        raise BadInput(items.MISSING(item=items.label(absent[0]), count=len(absent)), items.MISSING_HINT)
    scores = {item.key: whole_number(f[item.key], what=items.label(item), low=items.LOW, high=items.HIGH,
                                     hint=items.SCORE_HINT)
              for item in items.ITEMS}
    gastrostomy = yes_no(f.get("gastrostomy", False), what=GASTROSTOMY)
    return {**scores, "gastrostomy": gastrostomy, "total": sum(scores.values())}


def describe(r: Mapping[str, Any]) -> Message:
    return (LINE_GASTROSTOMY if r.get("gastrostomy") else LINE)(total=int(r["total"]))


KIND = register(Kind(
    name="rating",
    label=msg("kind.rating", "functional rating (ALSFRS-R)"),
    fields=(
        *(Field(item.key, (int,), items.label(item)) for item in items.ITEMS),
        Field("gastrostomy", (bool,), GASTROSTOMY),
        Field("total", (int,), TOTAL, editable=False),
    ),
    validate=validate,
    describe=describe,
    report_section="progression",
))
