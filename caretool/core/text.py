"""Text typed by users: normalised before it is stored, made harmless before it is shown."""

from __future__ import annotations

import math
import re
import unicodedata

from caretool.core.errors import BadInput
from caretool.core.messages import Message, msg

# `what` names the field in a message: a Message such as NOTE, so it is translated with the rest.
NOTE = msg("field.note", "note")
NAME = msg("field.name", "name")
NOT_UTF8 = msg("text.not-utf8", "the {what} contains bytes that are not valid UTF-8")
NOT_UTF8_HINT = msg("text.not-utf8.hint", "set your terminal to UTF-8 and type it again")
EMPTY = msg("text.empty", "the {what} is empty")
EMPTY_HINT = msg("text.empty.hint", "type some text for the {what}")
TOO_LONG = msg("text.too-long", "the {what} is {length} characters long; the limit is {limit}")
TOO_LONG_HINT = msg("text.too-long.hint", "shorten it or split it into several notes")
CONTROL = msg("text.control", "the {what} contains control characters")
CONTROL_HINT = msg("text.control.hint", "type a plain name")
NOT_A_NUMBER = msg("number.not-a-number", "{what} {text!r} is not a number")
OUT_OF_RANGE = msg("number.out-of-range", "{what} {text} is out of range")
NUMBER_HINT = msg("number.hint", "type a number from {low:g} to {high:g}")

NOTE_MAX = 2000
NAME_MAX = 80
# C0/C1 controls (ESC starts terminal escape sequences) and bidi overrides that reverse text.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_INVISIBLE = re.compile("[\u200b-\u200d\ufeff]")


def clean_text(value: str, *, what: Message | str = NOTE, limit: int = NOTE_MAX) -> str:
    """NFC-normalised text, refused when empty, too long or not valid Unicode."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise BadInput(NOT_UTF8(what=what), NOT_UTF8_HINT) from None
    value = unicodedata.normalize("NFC", value).strip()
    if not value:
        raise BadInput(EMPTY(what=what), EMPTY_HINT(what=what))
    if len(value) > limit:
        raise BadInput(TOO_LONG(what=what, length=len(value), limit=limit), TOO_LONG_HINT)
    return value


def clean_name(value: str, *, what: Message | str = NAME) -> str:
    value = _INVISIBLE.sub("", clean_text(value, what=what, limit=NAME_MAX))
    value = " ".join(value.split())
    if _UNSAFE.search(value):
        raise BadInput(CONTROL(what=what), CONTROL_HINT)
    return value


def name_key(value: str) -> str:
    """The form names are compared in: NFC, no invisible characters, case-folded."""
    value = _INVISIBLE.sub("", unicodedata.normalize("NFC", value))
    return " ".join(value.split()).casefold()


def safe(value: object) -> str:
    """Text made harmless for a terminal: control characters shown as visible escapes."""
    text = str(value)
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def parse_number(
    text: str | float, *, what: Message | str, low: float, high: float, hint: Message | str = ""
) -> float:
    """A finite ASCII number within [low, high]; refuses nan, inf, 1_000, full-width digits."""
    raw = str(text).strip()
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", raw, re.ASCII):
        raise BadInput(NOT_A_NUMBER(what=what, text=raw), hint or NUMBER_HINT(low=low, high=high))
    value = float(raw)
    if not math.isfinite(value) or not low <= value <= high:
        raise BadInput(OUT_OF_RANGE(what=what, text=raw), hint or NUMBER_HINT(low=low, high=high))
    return value + 0.0  # turns -0.0 into 0.0


def width(text: str) -> int:
    """Columns a string takes in a terminal: Korean, CJK and most emoji take two."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in text)
