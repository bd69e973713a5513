"""assessment {answers, suggested}: the phase questionnaire's answers and the phase it suggested."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from caretool.core.errors import BadInput
from caretool.core.messages import Message, msg
from caretool.domain.entries.fields import ANSWERS
from caretool.domain.entries.kinds import Field, Kind, register

MISSING = msg("assessment.missing", "assessment answers are missing")
MISSING_HINT = msg("assessment.missing.hint", "run `caretool phase assess` again")
LINE = msg("kind.assessment.line", "phase assessment, suggested phase {phase}")


def validate(f: Mapping[str, Any]) -> dict[str, Any]:
    answers = f.get("answers")
    if not isinstance(answers, dict):
        raise BadInput(MISSING, MISSING_HINT)
    return {"answers": dict(answers), "suggested": int(f.get("suggested", 0))}


def describe(r: Mapping[str, Any]) -> Message:
    return LINE(phase=r.get("suggested"))


KIND = register(Kind(
    name="assessment",
    label=msg("kind.assessment", "phase assessment"),
    fields=(
        Field("answers", (dict,), ANSWERS, editable=False, csv=False),
        Field("suggested", (int,), msg("field.suggested-phase", "suggested phase"), editable=False),
    ),
    validate=validate,
    describe=describe,
))
