"""assessment {answers, suggested}: the phase questionnaire's answers and the phase it suggested."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from caretool.core.errors import BadInput
from caretool.core.messages import Message, msg
from caretool.domain.entries.fields import ANSWERS, whole_number
from caretool.domain.entries.kinds import Field, Kind, register

MISSING = msg("assessment.missing", "assessment answers are missing")
MISSING_HINT = msg("assessment.missing.hint", "run `caretool phase assess` again")
BAD_ANSWERS = msg("assessment.bad-answers", "assessment answers must each be a whole number from 0 to {high}")
SUGGESTED = msg("field.suggested-phase", "suggested phase")
SUGGESTED_HINT = msg("assessment.suggested.hint", "phases are numbered 1 to 5")
ANSWER_MAX = 9  # a question's choices are numbered from 0; none has ten
LINE = msg("kind.assessment.line", "phase assessment, suggested phase {phase}")


def validate(f: Mapping[str, Any]) -> dict[str, Any]:
    answers = f.get("answers")
    if not isinstance(answers, dict):
        raise BadInput(MISSING, MISSING_HINT)
    if not all(isinstance(k, str) and len(k) <= 40 and isinstance(v, int) and not isinstance(v, bool)
               and 0 <= v <= ANSWER_MAX for k, v in answers.items()):
        raise BadInput(BAD_ANSWERS(high=ANSWER_MAX), MISSING_HINT)
    suggested = whole_number(f.get("suggested", ""), what=SUGGESTED, low=1, high=5, hint=SUGGESTED_HINT)
    return {"answers": dict(answers), "suggested": suggested}


def describe(r: Mapping[str, Any]) -> Message:
    return LINE(phase=r.get("suggested"))


KIND = register(Kind(
    name="assessment",
    label=msg("kind.assessment", "phase assessment"),
    fields=(
        Field("answers", (dict,), ANSWERS, editable=False, csv=False),
        Field("suggested", (int,), SUGGESTED, editable=False),
    ),
    validate=validate,
    describe=describe,
))
