"""The one place that asks questions in the terminal: it walks the domain's interviews
(caretool/domain/interview.py), asks again after a typo, and cancels the same way everywhere.

Prompts and what they show go to stderr, so stdout stays data.
"""

from __future__ import annotations

import sys
from typing import Any, TypeVar

from caretool.core.errors import EXIT_FAILURE, EXIT_INTERRUPTED, CaretoolError
from caretool.core.messages import _, msg, render
from caretool.domain.interview import Interview, Question, Say, answer

T = TypeVar("T")

CANCELLED = msg("interview.cancelled", "cancelled; nothing was saved")
TRY_AGAIN = msg("interview.try-again", "{problem} ({hint}). Please try again.")
TRY_AGAIN_NO_HINT = msg("interview.try-again-no-hint", "{problem}. Please try again.")
# What Enter chooses on a yes/no question, in the words the reader types.
DEFAULT_WORDS = {"y": msg("interview.default-yes", "y"), "n": msg("interview.default-no", "n")}


class Cancelled(CaretoolError):
    """Ctrl-C or the end of input during an interview: nothing is saved."""

    def __init__(self, *, interrupted: bool) -> None:
        super().__init__(CANCELLED)
        self.exit_code = EXIT_INTERRUPTED if interrupted else EXIT_FAILURE


def _show(text: Any) -> None:
    from caretool.views.output import tell

    tell(text)


def _read(prompt: str) -> str:
    sys.stderr.write(prompt)
    sys.stderr.flush()
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    return line.rstrip("\r\n")


def ask(question: Question) -> Any:
    """One question, asked until its answer parses."""
    for line in question.intro:
        _show(line)
    for number, choice in enumerate(question.choices, 1):
        _show(f"  {number}. {render(choice.label)}")
    prompt = render(question.prompt)
    if question.yes_no:
        prompt += " " + _("(y/n)")
    if question.default:
        shown = DEFAULT_WORDS.get(question.default) if question.yes_no else None
        prompt += f" [{render(shown) if shown else question.default}]"
    while True:
        text = _read(prompt + ": ").strip()
        if not text and question.default:
            text = question.default
        if not text and question.required:
            _show("  " + render(_("Please type an answer.")))
            continue
        try:
            return answer(question, text)
        except CaretoolError as exc:
            again = (TRY_AGAIN(problem=exc.message, hint=exc.hint) if exc.hint
                     else TRY_AGAIN_NO_HINT(problem=exc.message))
            _show("  " + render(again))


def say(item: Say) -> None:
    if item.tone == "crisis":
        from caretool.views.warnings import crisis_panel

        crisis_panel(item.text, item.details)
        return
    _show(item.text)
    for line in item.details:
        _show(line)


def walk(interview: Interview[T]) -> T:
    """Ask everything the interview yields; Ctrl-C or end of input cancels with one line."""
    try:
        item = next(interview)
        while True:
            if isinstance(item, Say):
                say(item)
                item = interview.send(None)
            else:
                item = interview.send(ask(item))
    except StopIteration as done:
        return done.value
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        raise Cancelled(interrupted=True) from None
    except EOFError:
        sys.stderr.write("\n")
        raise Cancelled(interrupted=False) from None
