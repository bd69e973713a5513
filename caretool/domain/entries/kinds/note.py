"""note {text}: a free note about the day."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from caretool.core.messages import msg
from caretool.core.text import clean_text
from caretool.domain.entries.kinds import Field, Kind, register

TEXT = msg("field.text", "note")


def validate(f: Mapping[str, Any]) -> dict[str, Any]:
    return {"text": clean_text(f.get("text", ""), what=TEXT)}


def describe(r: Mapping[str, Any]) -> str:
    return str(r["text"])  # the family's own words, never translated


KIND = register(Kind(
    name="note",
    label=msg("kind.note", "note"),
    fields=(Field("text", (str,), TEXT),),
    validate=validate,
    describe=describe,
    report_section="notes",
))
