"""symptom {name, severity 0-3, describe, note}: how the person cared for is today."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from caretool.core.errors import BadInput
from caretool.core.messages import Message, msg
from caretool.core.text import NOTE, clean_text
from caretool.domain.care import symptoms
from caretool.domain.entries.fields import optional_text, whole_number
from caretool.domain.entries.kinds import Field, Kind, register

SEVERITY = msg("field.severity", "severity")
NAME = msg("field.symptom", "symptom")
DESCRIPTION = msg("field.description", "description")
SEVERITY_HINT = msg("field.severity.hint", "use 0 (none), 1 (mild), 2 (moderate) or 3 (severe)")
OTHER_NEEDS_TEXT = msg("symptom.other-needs-text", "symptom 'other' needs a description")
OTHER_NEEDS_TEXT_HINT = msg("symptom.other-needs-text.hint", "add --describe 'what you saw'")
LINE = msg("kind.symptom.line", "{label} - {word} ({severity}/3)")
LINE_DESCRIBED = msg("kind.symptom.line-described", "{label}: {described} - {word} ({severity}/3)")


def validate(f: Mapping[str, Any]) -> dict[str, Any]:
    name = symptoms.find(clean_text(f.get("name", ""), what=NAME, limit=80)).slug
    severity = whole_number(f.get("severity", ""), what=SEVERITY, low=0, high=3, hint=SEVERITY_HINT)
    described = f.get("describe") or ""
    if name == "other" and not str(described).strip():
        raise BadInput(OTHER_NEEDS_TEXT, OTHER_NEEDS_TEXT_HINT)
    return {
        "name": name,
        "severity": severity,
        "describe": optional_text(described, what=DESCRIPTION, limit=200),
        "note": optional_text(f.get("note"), what=NOTE),
    }


def describe(r: Mapping[str, Any]) -> Message:
    severity = int(r["severity"])
    word = symptoms.SEVERITY_WORDS[severity]
    if r.get("describe"):
        return LINE_DESCRIBED(label=symptoms.label(r["name"]), described=r["describe"], word=word,
                              severity=severity)
    return LINE(label=symptoms.label(r["name"]), word=word, severity=severity)


KIND = register(Kind(
    name="symptom",
    label=msg("kind.symptom", "symptom"),
    fields=(
        Field("name", (str,), NAME),
        Field("severity", (int,), SEVERITY),
        Field("describe", (str,), DESCRIPTION, required=False),
        Field("note", (str,), NOTE, required=False),
    ),
    validate=validate,
    describe=describe,
    red_flags=True,
    report_section="symptoms",
))
