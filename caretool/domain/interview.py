"""Interviews as data: the check-in, the self-check, the phase questionnaire and `init` are
generators that yield what to ask and receive the answers, so any front end can walk them.

    def interview(...) -> Interview[Plan]:
        yield Say(INTRO)
        hours = yield Question("hours", HOURS_PROMPT, parse=parse_hours, default="")
        ...
        return plan

A front end sends back, for each Question, the value its `parse` returned (never raw text): the
terminal walker (caretool/cli/prompts.py) shows the error of a failed parse and asks again, so a
typo never throws away the answers already given. `Say` items are shown and answered with None.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from caretool.core.errors import BadInput
from caretool.core.messages import Message, msg
from caretool.domain.entries.fields import NO_WORDS_ANY, YES_WORDS_ANY

T = TypeVar("T")

YES_NO = msg("answer.yes-no", "yes or no")
NOT_YES_NO = msg("answer.not-yes-no", "{text!r} is not yes or no")
NOT_YES_NO_HINT = msg("answer.not-yes-no.hint", "type y or n")
NEEDS_ANSWER = msg("answer.needed", "this question needs an answer")
NEEDS_ANSWER_HINT = msg("answer.needed.hint", "type one of the answers shown")


def _text(value: str) -> str:
    return value


@dataclass(frozen=True)
class Choice:
    value: Any
    label: Message | str


@dataclass(frozen=True)
class Question:
    id: str
    prompt: Message | str
    # Text to value; raises a CaretoolError (shown, then asked again) for an answer it refuses.
    parse: Callable[[str], Any] = _text
    default: str = ""  # what Enter means, shown in brackets; "" shows nothing
    required: bool = False  # Enter on an empty default asks again instead of answering `empty`
    empty: Any = None  # the answer when Enter is pressed on an empty default
    choices: tuple[Choice, ...] = ()  # shown numbered before the prompt; a number picks one
    intro: tuple[Message | str, ...] = ()  # lines shown before the question
    yes_no: bool = False  # shown with the yes/no words of the reader's language


@dataclass(frozen=True)
class Say:
    """A line to show, not a question. `tone` lets a front end style it (warning, crisis)."""

    text: Message | str
    tone: str = "info"
    details: tuple[Message | str, ...] = field(default_factory=tuple)


Interview = Generator[Question | Say, Any, T]


def parse_yes_no(text: str) -> bool:
    word = text.strip().lower()
    if word in YES_WORDS_ANY:
        return True
    if word in NO_WORDS_ANY:
        return False
    raise BadInput(NOT_YES_NO(text=text.strip()), NOT_YES_NO_HINT)


def yes_no(id: str, prompt: Message | str, default: bool | None) -> Question:
    """A yes/no question; Enter takes the default, and with no default an answer is needed."""
    return Question(id, prompt, parse=parse_yes_no, yes_no=True,
                    default="" if default is None else ("y" if default else "n"),
                    required=default is None)


def answers(interview: Interview[T], given: list[Any]) -> T:
    """Walk an interview with answers given in order (for tests and scripted front ends)."""
    queue = list(given)
    try:
        item = next(interview)
        while True:
            if isinstance(item, Say):
                item = interview.send(None)
                continue
            text = str(queue.pop(0) if queue else "") or item.default
            item = interview.send(answer(item, text))
    except StopIteration as done:
        return done.value


def answer(question: Question, text: str) -> Any:
    """The value of a typed answer: Enter (empty), a choice's number, or what `parse` makes of it."""
    if not text:
        if question.required:
            raise BadInput(NEEDS_ANSWER, NEEDS_ANSWER_HINT)
        return question.empty
    if question.choices and text.isascii() and text.isdigit() and 0 < int(text) <= len(question.choices):
        return question.choices[int(text) - 1].value
    return question.parse(text)
