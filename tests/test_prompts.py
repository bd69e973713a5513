"""The terminal walker of interviews: asks again after a typo, one cancel behaviour."""

from __future__ import annotations

import io
from typing import Any

import pytest

from caretool.cli import prompts
from caretool.core.errors import BadInput
from caretool.core.messages import msg
from caretool.domain import interview as iv


def _number(text: str) -> int:
    if not (text.isascii() and text.isdigit()):
        raise BadInput(msg("t.nan", "{text!r} is not a number")(text=text), msg("t.hint", "type digits"))
    return int(text)


def sample() -> iv.Interview[dict[str, Any]]:
    yield iv.Say("hello")
    hours = yield iv.Question("hours", "Hours", parse=_number, default="")
    tired = yield iv.yes_no("tired", "Tired?", default=None)
    choices = (iv.Choice("feeding", "feeding"), iv.Choice("other", "other"))
    task = yield iv.Question("task", "Task", choices=choices, default="other")
    return {"hours": hours, "tired": tired, "task": task}


def walk(monkeypatch: pytest.MonkeyPatch, typed: str) -> tuple[Any, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(typed))
    err = io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    return prompts.walk(sample()), err.getvalue()


def test_a_typo_is_asked_again_and_nothing_is_lost(monkeypatch: pytest.MonkeyPatch) -> None:
    result, err = walk(monkeypatch, "two\n2\nmaybe\n예\n1\n")
    assert result == {"hours": 2, "tired": True, "task": "feeding"}
    assert "'two' is not a number (type digits). Please try again." in err
    assert "'maybe' is not yes or no" in err


def test_enter_takes_the_default_or_skips(monkeypatch: pytest.MonkeyPatch) -> None:
    result, _ = walk(monkeypatch, "\n\nn\n\n")
    assert result == {"hours": None, "tired": False, "task": "other"}


def test_a_question_without_default_needs_an_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    result, err = walk(monkeypatch, "\n\n아니오\n\n")
    assert result["tired"] is False and "Please type an answer." in err


def test_end_of_input_cancels_with_exit_1(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(prompts.Cancelled) as caught:
        walk(monkeypatch, "3\n")
    assert caught.value.exit_code == 1 and "nothing was saved" in str(caught.value.message)


def test_ctrl_c_cancels_with_exit_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(*_: Any) -> str:
        raise KeyboardInterrupt
    monkeypatch.setattr(prompts, "_read", interrupt)
    with pytest.raises(prompts.Cancelled) as caught:
        prompts.walk(sample())
    assert caught.value.exit_code == 130


def test_scripted_answers_walk_the_same_interview() -> None:
    assert iv.answers(sample(), ["4", "n", "2"]) == {"hours": 4, "tired": False, "task": "other"}


@pytest.mark.parametrize(("lang", "shown"), [("en", "(y/n) [y]: "), ("ko", "(예/아니오, y/n) [예]: ")])
def test_a_yes_no_default_is_shown_in_the_readers_words(monkeypatch: pytest.MonkeyPatch, lang: str,
                                                        shown: str) -> None:
    from caretool.core import messages

    def one() -> iv.Interview[bool]:
        return (yield iv.yes_no("save", "Save?", default=True))

    monkeypatch.setattr("sys.stdin", io.StringIO("\n"))
    err = io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    messages.set_language(lang)
    try:
        assert prompts.walk(one()) is True  # Enter still takes the default
    finally:
        messages.set_language("en")
    assert shown in err.getvalue()
