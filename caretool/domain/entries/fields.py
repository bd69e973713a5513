"""Parsers shared by the entry kinds: user input (flag or prompt text) to stored values."""

from __future__ import annotations

from typing import Any

from caretool.core.errors import BadInput
from caretool.core.messages import Message, msg
from caretool.core.text import clean_text, parse_whole, shown

NOT_YES_NO = msg("field.not-yes-no", "{what} {value!r} is not yes or no")
YES_NO_HINT = msg("field.yes-no.hint", "use yes or no for {what}")
ANSWERS = msg("field.answers", "answers")
RANGE_HINT = msg("field.whole-range.hint", "use a whole number from {low} to {high}")
YES_WORDS = ("yes", "y", "true", "1")
NO_WORDS = ("no", "n", "false", "0")
# Yes and no as a caregiver may type them in another language (the prompts also accept these).
YES_WORDS_ANY = (*YES_WORDS, "예", "네", "응")
NO_WORDS_ANY = (*NO_WORDS, "아니오", "아니요", "아니")


def whole_number(value: Any, *, what: Message, low: int, high: int, hint: Message | None = None) -> int:
    return parse_whole(value, what=what, low=low, high=high, hint=hint or RANGE_HINT(low=low, high=high))


def yes_no(value: Any, *, what: Message) -> bool:
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in YES_WORDS_ANY:
        return True
    if word in NO_WORDS_ANY:
        return False
    raise BadInput(NOT_YES_NO(what=what, value=shown(value)), YES_NO_HINT(what=what))


def optional_text(value: Any, *, what: Message, limit: int = 2000) -> str:
    return clean_text(value, what=what, limit=limit) if value not in (None, "") else ""
