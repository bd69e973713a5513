"""The weekly self-check: eight short questions in our own words, answered 0-3.

These questions are caretool's own, written for caregivers; they are not the Zarit interview, the
BSFC, the Caregiver Strain Index or any other licensed questionnaire (reference section 5.1), and
their score is not a validated measure: it helps a caregiver notice change from week to week.

One question asks about hopelessness and thoughts of self-harm. Any answer above 0 shows the crisis
lines at once, whatever the rest of the answers (reference section 8).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Protocol

from caretool.core.errors import BadInput

ANSWER_WORDS = ("never", "sometimes", "often", "nearly always")
ANSWER_HINT = "answer 0 (never), 1 (sometimes), 2 (often) or 3 (nearly always)"
DUE_AFTER_DAYS = 7
INTRO = "In the last 7 days, how often ... ? Answer 0 never, 1 sometimes, 2 often, 3 nearly always."


@dataclass(frozen=True)
class Question:
    id: str
    text: str


QUESTIONS: tuple[Question, ...] = (
    Question("worn-out", "How often did you feel worn out, even after resting?"),
    Question("own-time", "How often did a whole day pass with nothing done just for you?"),
    Question("sleep", "How often was your sleep broken or too short?"),
    Question("alone", "How often did you feel you were carrying the caring on your own?"),
    Question("on-edge", "How often were you short-tempered or on edge?"),
    Question("own-health", "How often did you put off something for your own health "
                           "(a meal, a check-up, your own medicine)?"),
    Question("keep-going", "How often did you feel you could not keep going like this?"),
    Question("hopeless", "How often did you feel hopeless, or have thoughts of harming yourself?"),
)
CRISIS_QUESTION = "hopeless"
MAX_SCORE = 3 * len(QUESTIONS)

CRISIS_TEXT = """\
You said you have felt hopeless or had thoughts of harming yourself.
You do not have to face this alone, and you do not have to be sure it is
serious enough. Please reach out now:

  South Korea: 109 suicide-prevention line (24 hours).
               Emergencies 119 (ambulance), 112 (police).
  United States: call or text 988, Suicide & Crisis Lifeline (24 hours).
               Emergencies 911.
  UK and Ireland: Samaritans 116 123 (24 hours).
               Emergencies 999 or 112.
  Elsewhere: your local emergency number.

Numbers can change: check the number where you live. If you are in
danger now, call emergency services. Tell someone you trust today, and
tell your own doctor. More help: caretool guide show crisis"""


def answer_value(value: Any) -> int:
    """One answer, 0-3, from what was typed; BadInput otherwise."""
    text = str(value).strip()
    if not re.fullmatch(r"[0-3]", text, re.ASCII):
        raise BadInput(f"{text!r} is not an answer from 0 to 3", ANSWER_HINT)
    return int(text)


def parse_answers(text: str) -> dict[str, int]:
    """`--answers 0,1,2,...`: one answer per question, in the order of QUESTIONS."""
    parts = [p for p in re.split(r"[,\s]+", text.strip()) if p]
    if len(parts) != len(QUESTIONS):
        raise BadInput(
            f"--answers has {len(parts)} answer{'s' if len(parts) != 1 else ''}; "
            f"the self-check has {len(QUESTIONS)} questions",
            f"give {len(QUESTIONS)} numbers 0-3 separated by commas, in the order of "
            "`caretool selfcheck --questions`",
        )
    return {q.id: answer_value(p) for q, p in zip(QUESTIONS, parts, strict=True)}


def score(answers: Mapping[str, int]) -> int:
    return sum(int(v) for v in answers.values())


def needs_crisis_help(answers: Mapping[str, Any]) -> bool:
    """True when the hopelessness / self-harm question was answered above 0.

    An answer that cannot be read as a number counts as yes: showing help by mistake is the
    safer error.
    """
    value = answers.get(CRISIS_QUESTION)
    if value is None:
        return False
    try:
        return int(value) > 0
    except (TypeError, ValueError):
        return True


class _Store(Protocol):
    def records_between(self, start: date, end: date) -> list[dict[str, Any]]: ...


def last_selfcheck(store: _Store, caregiver_id: str | None, today: date,
                   days: int = DUE_AFTER_DAYS) -> dict[str, Any] | None:
    """The caregiver's latest self-check within `days` days before today (reads those months only)."""
    records = store.records_between(today - timedelta(days=days), today)
    checks = [r for r in records if r["kind"] == "selfcheck" and r.get("caregiver") == caregiver_id]
    return max(checks, key=lambda r: r["at"]) if checks else None


def selfcheck_due(store: _Store, household: Any, caregiver_id: str | None, today: date) -> bool:
    """True when the caregiver's last self-check is more than 7 days old, or there is none."""
    del household  # part of the shared signature; the caregiver id is all that is needed
    return last_selfcheck(store, caregiver_id, today) is None
