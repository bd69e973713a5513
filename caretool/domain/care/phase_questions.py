"""The plain-language phase questionnaire and how its answers suggest one of the five phases.

The five phases come from the seed outline (onset, work, daily functioning, swallowing,
breathing). The mapping is a transparent judgement, not a validated staging system: it says
which answers led to the suggestion, and the family decides.
"""

from __future__ import annotations

from dataclasses import dataclass

from caretool.core.errors import BadInput


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    choices: tuple[str, ...]


QUESTIONS: tuple[Question, ...] = (
    Question("walking", "Walking and stairs",
             ("no change", "harder than before (stairs, long walks, tripping)",
              "needs a walking aid or a wheelchair most of the time")),
    Question("hands", "Hands and dressing",
             ("no change", "slower or clumsier (buttons, writing)", "needs help with most of it")),
    Question("speech", "Speech",
             ("no change", "changed but understood", "hard to understand, or uses a speech aid")),
    Question("work", "Work and usual activities",
             ("not affected", "work or usual activities are affected or have stopped")),
    Question("swallowing", "Swallowing and eating",
             ("no change", "coughing at meals, softer food, or meals take much longer",
              "most food or drink goes through a feeding tube")),
    Question("breathing", "Breathing and sleep",
             ("no change", "breathless on effort or lying flat, morning headaches, sleepy by day",
              "breathless at rest, or uses breathing support")),
    Question("tube", "Is a feeding tube in place?", ("no", "yes")),
    Question("ventilation", "Is a breathing machine used?",
             ("no", "at night or part of the day (NIV)", "most of the day, or a tracheostomy")),
)
BY_ID = {q.id: q for q in QUESTIONS}


def parse_answers(text: str) -> dict[str, int]:
    """'walking=1,speech=0,...' into answers; every question must be answered."""
    answers: dict[str, int] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        key, _, value = part.partition("=")
        key = key.strip().lower()
        if key not in BY_ID:
            raise BadInput(f"unknown question {key!r}", f"questions: {', '.join(BY_ID)}")
        answers[key] = check_answer(key, value.strip())
    missing = [q.id for q in QUESTIONS if q.id not in answers]
    if missing:
        raise BadInput(f"no answer for {', '.join(missing)}",
                       "answer every question, e.g. walking=1,hands=0,speech=0,work=1,"
                       "swallowing=0,breathing=0,tube=0,ventilation=0")
    return answers


def check_answer(qid: str, value: str) -> int:
    choices = len(BY_ID[qid].choices)
    # isascii: str.isdigit() also accepts '²' or '١', which int() then refuses or misreads.
    if not (value.isascii() and value.isdigit()) or not 0 <= int(value) < choices:
        raise BadInput(f"answer {value!r} for {qid} is not one of 0-{choices - 1}",
                       f"choose a number from 0 to {choices - 1}")
    return int(value)


def suggest(answers: dict[str, int]) -> tuple[int, list[str]]:
    """The suggested phase and the answers that led there."""
    def said(qid: str) -> str:
        return f"{BY_ID[qid].text}: {BY_ID[qid].choices[answers.get(qid, 0)]}"

    thresholds = {"ventilation": 1, "breathing": 2}
    breathing = [q for q, low in thresholds.items() if answers.get(q, 0) >= low]
    if breathing:
        return 5, [said(q) for q in breathing]
    swallowing = [q for q in ("tube", "swallowing") if answers.get(q, 0) >= 1]
    if swallowing:
        reasons = [said(q) for q in swallowing]
        if answers.get("breathing", 0) == 1:
            reasons.append(said("breathing") + " (ask the care team about a breathing assessment)")
        return 4, reasons
    daily = [q for q in ("walking", "hands", "speech") if answers.get(q, 0) >= 2]
    if daily:
        return 3, [said(q) for q in daily]
    work = [q for q in ("work", "walking", "hands", "speech", "breathing") if answers.get(q, 0) >= 1]
    if work:
        return 2, [said(q) for q in work]
    return 1, ["no changes in daily life reported yet"]
