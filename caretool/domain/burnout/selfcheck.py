"""The weekly self-check: nine short questions in our own words, answered 0-3.

These questions are caretool's own, written for caregivers; they are not the Zarit interview, the
BSFC, the Caregiver Strain Index or any other licensed questionnaire (reference section 5.1), and
their score is not a validated measure: it helps a caregiver notice change from week to week.

Hopelessness and thoughts of self-harm are two questions (issue 11 item 5): a caregiver who feels
hopeless but has no thoughts of self-harm can say so. Any answer above 0 to the self-harm question
shows the crisis lines at once, whatever the rest of the answers (docs/clinical-sources.md
#crisis-lines). Self-checks stored before the split hold one combined "hopeless" answer; for them
that answer stands for both.

The answers are private to the caregiver: the weekly report leaves them out unless asked.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Protocol

from caretool.core.errors import BadInput
from caretool.core.messages import Message, msg, msgn, render
from caretool.domain.care import crisis
from caretool.domain.interview import Interview, Say
from caretool.domain.interview import Question as Ask

ANSWER_WORDS = (
    msg("selfcheck.answer.0", "never"), msg("selfcheck.answer.1", "sometimes"),
    msg("selfcheck.answer.2", "often"), msg("selfcheck.answer.3", "nearly always"),
)
ANSWER_HINT = msg("selfcheck.answer.hint",
                  "answer 0 (never), 1 (sometimes), 2 (often) or 3 (nearly always)")
NOT_AN_ANSWER = msg("selfcheck.not-an-answer", "{text!r} is not an answer from 0 to 3")
WRONG_COUNT = msgn("selfcheck.wrong-count",
                   "--answers has {count} answer; the self-check has {questions} questions",
                   "--answers has {count} answers; the self-check has {questions} questions")
WRONG_COUNT_HINT = msg("selfcheck.wrong-count.hint",
                       "give {questions} numbers 0-3 separated by commas, in the order of "
                       "`caretool selfcheck --questions`")
INTRO = msg("selfcheck.intro",
            "In the last 7 days, how often ... ? Answer 0 never, 1 sometimes, 2 often, 3 nearly always.")
PROMPT = msg("selfcheck.prompt", "{number}. {question} (0-3)")
DUE_AFTER_DAYS = 7


@dataclass(frozen=True)
class Question:
    id: str
    message: Message

    @property
    def text(self) -> str:
        """The question in the reader's language."""
        return render(self.message)


QUESTIONS: tuple[Question, ...] = (
    Question("worn-out", msg("selfcheck.q.worn-out", "How often did you feel worn out, even after resting?")),
    Question("own-time", msg("selfcheck.q.own-time",
                             "How often did a whole day pass with nothing done just for you?")),
    Question("sleep", msg("selfcheck.q.sleep", "How often was your sleep broken or too short?")),
    Question("alone", msg("selfcheck.q.alone",
                          "How often did you feel you were carrying the caring on your own?")),
    Question("on-edge", msg("selfcheck.q.on-edge", "How often were you short-tempered or on edge?")),
    Question("own-health", msg("selfcheck.q.own-health",
                               "How often did you put off something for your own health "
                               "(a meal, a check-up, your own medicine)?")),
    Question("keep-going", msg("selfcheck.q.keep-going",
                               "How often did you feel you could not keep going like this?")),
    Question("hopeless", msg("selfcheck.q.hopeless", "How often did you feel hopeless?")),
    Question("self-harm", msg("selfcheck.q.self-harm",
                              "How often did you have thoughts of harming yourself?")),
)
BY_ID = {q.id: q for q in QUESTIONS}
KEEP_GOING = "keep-going"  # "could not keep going like this": the burnout model keys a factor on it
HOPELESS = "hopeless"
CRISIS_QUESTION = "self-harm"  # any answer above 0 shows the crisis lines at once
MAX_SCORE = 3 * len(QUESTIONS)


def crisis_say() -> Say:
    """The crisis lines, as an interview shows them (at once, in a panel of their own)."""
    return Say(crisis.TITLE, tone="crisis", details=(crisis.CAREGIVER, *crisis.LINES, crisis.CHECK_LOCALLY))


def crisis_lines() -> tuple[Message, ...]:
    """The crisis text for a panel: who it is for, the lines, and to check them locally."""
    return (crisis.CAREGIVER, *crisis.LINES, crisis.CHECK_LOCALLY)


def __getattr__(name: str) -> str:
    # CRISIS_TEXT: the crisis lines as one text in the reader's language, for callers that still
    # print a string; new code shows crisis_say() / crisis_lines() instead.
    if name == "CRISIS_TEXT":
        return "\n".join(render(line) for line in crisis_lines())
    raise AttributeError(name)


def answer_value(value: Any) -> int:
    """One answer, 0-3, from what was typed; BadInput otherwise."""
    text = str(value).strip()
    if not re.fullmatch(r"[0-3]", text, re.ASCII):
        raise BadInput(NOT_AN_ANSWER(text=text), ANSWER_HINT)
    return int(text)


def parse_answers(text: str) -> dict[str, int]:
    """`--answers 0,1,2,...`: one answer per question, in the order of QUESTIONS."""
    parts = [p for p in re.split(r"[,\s]+", text.strip()) if p]
    if len(parts) != len(QUESTIONS):
        raise BadInput(WRONG_COUNT(count=len(parts), questions=len(QUESTIONS)),
                       WRONG_COUNT_HINT(questions=len(QUESTIONS)))
    return {q.id: answer_value(p) for q, p in zip(QUESTIONS, parts, strict=True)}


def interview(*, intro: bool = True) -> Interview[dict[str, int]]:
    """Ask every question; none has a default (Enter never records "never"), and the crisis
    lines show right after a self-harm answer above 0, before the next question."""
    if intro:
        yield Say(INTRO)
    answers: dict[str, int] = {}
    for number, q in enumerate(QUESTIONS, start=1):
        value = yield Ask(f"selfcheck.{q.id}", PROMPT(number=number, question=q.message),
                          parse=answer_value, required=True)
        answers[q.id] = int(value)
        if q.id == CRISIS_QUESTION and needs_crisis_help({q.id: value}):
            yield crisis_say()
    return answers


def score(answers: Mapping[str, int]) -> int:
    return sum(int(v) for v in answers.values())


def needs_crisis_help(answers: Mapping[str, Any]) -> bool:
    """True when the self-harm question was answered above 0 (for a self-check stored before the
    split, when its combined hopelessness / self-harm question was).

    An answer that cannot be read as a number counts as yes: showing help by mistake is the
    safer error.
    """
    # Stored before the split: the one "hopeless" answer also asked about self-harm.
    value = answers[CRISIS_QUESTION] if CRISIS_QUESTION in answers else answers.get(HOPELESS)
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
    return latest_of(records, caregiver_id)


def latest_of(records: list[dict[str, Any]], caregiver_id: str | None) -> dict[str, Any] | None:
    """The newest self-check of the caregiver among `records`."""
    checks = [r for r in records if r["kind"] == "selfcheck" and r.get("caregiver") == caregiver_id]
    return max(checks, key=lambda r: r["at"]) if checks else None


def selfcheck_due(store: _Store, household: Any, caregiver_id: str | None, today: date) -> bool:
    """True when the caregiver's last self-check is more than 7 days old, or there is none."""
    del household  # part of the shared signature; the caregiver id is all that is needed
    return last_selfcheck(store, caregiver_id, today) is None
