"""selfcheck {answers, score}: the caregiver's weekly self-check (private by default)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from caretool.core.errors import BadInput
from caretool.core.messages import Message, msg
from caretool.domain.entries.fields import ANSWERS
from caretool.domain.entries.kinds import Field, Kind, register

BAD_ANSWERS = msg("selfcheck.bad-answers", "self-check answers must each be 0-3")
BAD_ANSWERS_HINT = msg("selfcheck.bad-answers.hint", "answer every question with 0-3")
LINE = msg("kind.selfcheck.line", "weekly self-check, score {score}")


def validate(f: Mapping[str, Any]) -> dict[str, Any]:
    answers = f.get("answers")
    if not isinstance(answers, dict) or not all(
        isinstance(k, str) and len(k) <= 40 and isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 3
        for k, v in answers.items()
    ):
        raise BadInput(BAD_ANSWERS, BAD_ANSWERS_HINT)
    return {"answers": dict(answers), "score": sum(answers.values())}


def describe(r: Mapping[str, Any]) -> Message:
    return LINE(score=r["score"])


KIND = register(Kind(
    name="selfcheck",
    label=msg("kind.selfcheck", "weekly self-check"),
    fields=(
        Field("answers", (dict,), ANSWERS, editable=False, csv=False),
        Field("score", (int,), msg("field.score", "score"), editable=False),
    ),
    validate=validate,
    describe=describe,
    report_section="caregivers",
))
