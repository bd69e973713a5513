"""The plain-language phase questionnaire, as an interview, and how its answers suggest a phase.

The mapping is a transparent judgement, not a validated staging system: it says which answers led
to the suggestion, and the family decides. One rule is not a judgement: a breathing answer that
describes night-time under-breathing (breathless lying flat, more pillows, morning headaches,
broken sleep, sleepy by day) suggests the breathing phase whatever the other answers are, and any
breathing answer carries "ask for a breathing assessment" with the breathing guide
(docs/clinical-sources.md#enmc-niv-2003, #mnda-respiratory: one sign is enough for an early referral).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial

from caretool.core.errors import BadInput
from caretool.core.messages import Message, msg
from caretool.domain.interview import Interview, Question, yes_no


@dataclass(frozen=True)
class Item:
    id: str
    text: Message
    choices: tuple[Message, ...]  # answered by number, 0 = no change


NO_CHANGE = msg("phase-assess.no-change", "no change")
QUESTIONS: tuple[Item, ...] = (
    Item("walking", msg("phase-assess.walking", "Walking and stairs"), (
        NO_CHANGE,
        msg("phase-assess.walking.1", "harder than before (stairs, long walks, tripping)"),
        msg("phase-assess.walking.2", "needs a walking aid or a wheelchair most of the time"))),
    Item("hands", msg("phase-assess.hands", "Hands and dressing"), (
        NO_CHANGE,
        msg("phase-assess.hands.1", "slower or clumsier (buttons, writing)"),
        msg("phase-assess.hands.2", "needs help with most of it"))),
    Item("speech", msg("phase-assess.speech", "Speech"), (
        NO_CHANGE,
        msg("phase-assess.speech.1", "changed but understood"),
        msg("phase-assess.speech.2", "hard to understand, or uses a speech aid"))),
    Item("work", msg("phase-assess.work", "Work and usual activities"), (
        msg("phase-assess.work.0", "not affected"),
        msg("phase-assess.work.1", "work or usual activities are affected or have stopped"))),
    Item("swallowing", msg("phase-assess.swallowing", "Swallowing and eating"), (
        NO_CHANGE,
        msg("phase-assess.swallowing.1", "coughing at meals, softer food, or meals take much longer"),
        msg("phase-assess.swallowing.2", "most food or drink goes through a feeding tube"))),
    Item("breathing", msg("phase-assess.breathing", "Breathing and sleep"), (
        NO_CHANGE,
        msg("phase-assess.breathing.1", "breathless only on effort (stairs, hurrying)"),
        msg("phase-assess.breathing.2", "at night or on waking: breathless lying flat, more pillows, morning "
            "headaches, broken sleep, or sleepy during the day"),
        msg("phase-assess.breathing.3", "breathless at rest, or uses breathing support"))),
    Item("tube", msg("phase-assess.tube", "Is a feeding tube in place?"), (
        msg("phase-assess.no", "no"), msg("phase-assess.yes", "yes"))),
    Item("ventilation", msg("phase-assess.ventilation", "Is a breathing machine used?"), (
        msg("phase-assess.no", "no"),
        msg("phase-assess.ventilation.1", "at night or part of the day (NIV)"),
        msg("phase-assess.ventilation.2", "most of the day, or a tracheostomy"))),
)
BY_ID = {q.id: q for q in QUESTIONS}
NIGHT_TIME = 2  # the breathing answer that describes night-time under-breathing
EXAMPLE = "walking=1,hands=0,speech=0,work=1,swallowing=0,breathing=0,tube=0,ventilation=0"

REASON = msg("phase-assess.reason", "{question}: {answer}")
NOTHING_YET = msg("phase-assess.nothing-yet", "no changes in daily life reported yet")
BREATHING_ADVICE = msg("phase-assess.advice.breathing",
                       "Ask the care team for a breathing assessment soon: any one breathing sign is enough "
                       "to ask, whatever else has changed.")
SWALLOWING_ADVICE = msg("phase-assess.advice.swallowing",
                        "Ask the care team for a swallowing and nutrition review, and about planning for a "
                        "feeding tube.")
BREATHING_GUIDE = "topics/breathing"
NUTRITION_GUIDE = "topics/nutrition"

UNKNOWN_QUESTION = msg("phase-assess.unknown-question", "unknown question {name!r}")
UNKNOWN_QUESTION_HINT = msg("phase-assess.unknown-question.hint", "questions: {names}")
MISSING = msg("phase-assess.missing", "no answer for {names}")
MISSING_HINT = msg("phase-assess.missing.hint", "answer every question, e.g. {example}")
BAD_ANSWER = msg("phase-assess.bad-answer", "answer {value!r} for {question} is not one of 0-{top}")
BAD_ANSWER_HINT = msg("phase-assess.bad-answer.hint", "choose a number from 0 to {top}")
CHOICE = msg("phase-assess.choice", "  {number}. {label}")
ANSWER = msg("phase-assess.answer", "Answer")
STORE_IT = msg("phase-assess.store-it", "Suggested phase {phase}. Store it as the current phase?")


@dataclass(frozen=True)
class Suggestion:
    phase: int
    reasons: tuple[Message, ...]  # the answers that led there
    advice: tuple[Message, ...] = ()  # what to ask the care team now, whatever the phase
    guides: tuple[str, ...] = ()  # the guides that go with the advice


def check_answer(qid: str, value: str) -> int:
    top = len(BY_ID[qid].choices) - 1
    # isascii: str.isdigit() also accepts '²' or '١', which int() then refuses or misreads.
    if not (value.isascii() and value.isdigit()) or not 0 <= int(value) <= top:
        raise BadInput(BAD_ANSWER(value=value, question=qid, top=top), BAD_ANSWER_HINT(top=top))
    return int(value)


def parse_answers(text: str) -> dict[str, int]:
    """'walking=1,speech=0,...' into answers; every question must be answered."""
    answers: dict[str, int] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        key, _, value = part.partition("=")
        key = key.strip().lower()
        if key not in BY_ID:
            raise BadInput(UNKNOWN_QUESTION(name=key), UNKNOWN_QUESTION_HINT(names=", ".join(BY_ID)))
        answers[key] = check_answer(key, value.strip())
    missing = [q.id for q in QUESTIONS if q.id not in answers]
    if missing:
        raise BadInput(MISSING(names=", ".join(missing)), MISSING_HINT(example=EXAMPLE))
    return answers


def suggest(answers: Mapping[str, int]) -> Suggestion:
    """The suggested phase, the answers that led there, and the advice that goes with them."""
    def said(qid: str) -> Message:
        return REASON(question=BY_ID[qid].text, answer=BY_ID[qid].choices[answers.get(qid, 0)])

    def given(*qids: str, low: int = 1) -> list[str]:
        return [q for q in qids if answers.get(q, 0) >= low]

    advice: list[Message] = []
    guides: list[str] = []
    if answers.get("breathing", 0) >= 1:
        advice.append(BREATHING_ADVICE)
        guides.append(BREATHING_GUIDE)
    if answers.get("swallowing", 0) >= 1 and not answers.get("tube", 0):
        advice.append(SWALLOWING_ADVICE)
        guides.append(NUTRITION_GUIDE)

    def done(phase: int, reasons: list[str]) -> Suggestion:
        return Suggestion(phase, tuple(said(q) for q in reasons), tuple(advice), tuple(guides))

    breathing = given("ventilation") + given("breathing", low=NIGHT_TIME)
    if breathing:
        return done(5, breathing)
    if swallowing := given("tube", "swallowing"):
        return done(4, swallowing)
    if daily := given("walking", "hands", "speech", low=2):
        return done(3, daily)
    if work := given("work", "walking", "hands", "speech", "breathing"):
        return done(2, work)
    return Suggestion(1, (NOTHING_YET,), tuple(advice), tuple(guides))


def interview(apply: bool | None) -> Interview[tuple[dict[str, int], bool]]:
    """Ask every question (Enter means 0, no change); then, unless `apply` was given, whether to
    store the suggested phase. Returns the answers and whether to store the suggestion."""
    answers: dict[str, int] = {}
    for item in QUESTIONS:
        lines: tuple[Message | str, ...] = (
            "", item.text, *(CHOICE(number=i, label=label) for i, label in enumerate(item.choices)))
        answers[item.id] = yield Question(item.id, ANSWER, parse=partial(check_answer, item.id), default="0",
                                          intro=lines)
    if apply is None:
        apply = yield yes_no("apply", STORE_IT(phase=suggest(answers).phase), default=False)
    return answers, bool(apply)
