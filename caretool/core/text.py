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
NOT_TEXT = msg("text.not-text", "the {what} is not text")
NOT_TEXT_HINT = msg("text.not-text.hint", "give the {what} as text")
EMPTY = msg("text.empty", "the {what} is empty")
EMPTY_HINT = msg("text.empty.hint", "type some text for the {what}")
TOO_LONG = msg("text.too-long", "the {what} is {length} characters long; the limit is {limit}")
TOO_LONG_HINT = msg("text.too-long.hint", "shorten it or split it into several notes")
CONTROL = msg("text.control", "the {what} contains control characters or line breaks")
CONTROL_HINT = msg("text.control.hint", "type a plain name on one line")
INVISIBLE = msg("text.invisible", "the {what} contains invisible characters")
INVISIBLE_HINT = msg("text.invisible.hint", "type the name again with visible letters only")
LOOK_ALIKE = msg("text.look-alike", "the {what} {name!r} uses look-alike characters (such as full-width "
                 "letters)")
LOOK_ALIKE_HINT = msg("text.look-alike.hint", "type the name with ordinary letters")
MIXED_SCRIPTS = msg("text.mixed-scripts", "the {what} {name!r} mixes letters of different alphabets in one "
                    "word")
MIXED_SCRIPTS_HINT = msg("text.mixed-scripts.hint",
                         "type the name in one alphabet (a Cyrillic А looks like a Latin A but is not)")
NO_LETTERS = msg("text.no-letters", "the {what} has no letters or digits")
NO_LETTERS_HINT = msg("text.no-letters.hint", "type a name people will recognise")
NOT_A_NUMBER = msg("number.not-a-number", "{what} {text!r} is not a number")
OUT_OF_RANGE = msg("number.out-of-range", "{what} {text} is out of range")
NUMBER_HINT = msg("number.hint", "type a number from {low:g} to {high:g}")
NOT_WHOLE = msg("number.not-whole", "{what} {text} is not a whole number")
WHOLE_HINT = msg("number.whole-hint", "type a whole number from {low} to {high}")

NOTE_MAX = 2000
NAME_MAX = 80
NUMBER_MAX_CHARACTERS = 40  # longer than any real quantity: refused before it is converted
SHOWN_MAX = 40  # how much of a user's text an error message repeats
# C0/C1 controls (ESC starts terminal escape sequences) and bidi overrides that reverse text.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# The same, plus tab and line breaks: none belongs in a name.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# Kept as \\u escapes inside JSON text so a terminal never acts on them (JSON escapes C0 itself).
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Letters that draw nothing: Hangul fillers and the braille blank, used to fake a blank name.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
# Hangul compatibility jamo change under NFKC but are what Korean keyboards type.
_NFKC_KEPT = range(0x3131, 0x318F)
# Alphabets whose letters look alike (Latin A, Cyrillic А, Greek Α): one word uses one of them.
_CONFUSABLE_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)", re.ASCII)


def shown(value: object, limit: int = SHOWN_MAX) -> str:
    """A user's text as an error message repeats it: at most `limit` characters."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def is_valid_unicode(value: str) -> bool:
    """False for text holding a lone surrogate (from a broken terminal or a JSON '\\ud800')."""
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def clean_text(value: str, *, what: Message | str = NOTE, limit: int = NOTE_MAX) -> str:
    """NFC-normalised text, refused when empty, too long or not valid Unicode."""
    if not isinstance(value, str):
        raise BadInput(NOT_TEXT(what=what), NOT_TEXT_HINT(what=what))
    if not is_valid_unicode(value):
        raise BadInput(NOT_UTF8(what=what), NOT_UTF8_HINT)
    value = unicodedata.normalize("NFC", value).strip()
    if not value:
        raise BadInput(EMPTY(what=what), EMPTY_HINT(what=what))
    if len(value) > limit:
        raise BadInput(TOO_LONG(what=what, length=len(value), limit=limit), TOO_LONG_HINT)
    return value


def clean_name(value: str, *, what: Message | str = NAME) -> str:
    """A name as `caregiver add` stores it: one line of visible, ordinary letters.

    Refused: control characters and line breaks, invisible characters (zero-width spaces, soft
    hyphens, Hangul fillers), look-alikes (full-width letters, a Cyrillic letter inside a Latin
    word) and names with no letter or digit. These would otherwise become a second person who
    looks like the first, or a blank name.
    """
    value = clean_text(value, what=what, limit=NAME_MAX)
    if _CONTROL.search(value):
        raise BadInput(CONTROL(what=what), CONTROL_HINT)
    value = " ".join(value.split())
    if any(unicodedata.category(c) == "Cf" or c in _BLANK_LETTERS for c in value):
        raise BadInput(INVISIBLE(what=what), INVISIBLE_HINT)
    if any(ord(c) not in _NFKC_KEPT and unicodedata.normalize("NFKC", c) != c for c in value):
        raise BadInput(LOOK_ALIKE(what=what, name=value), LOOK_ALIKE_HINT)
    if any(len(_scripts(word)) > 1 for word in value.split()):
        raise BadInput(MIXED_SCRIPTS(what=what, name=value), MIXED_SCRIPTS_HINT)
    if not any(c.isalnum() for c in value):
        raise BadInput(NO_LETTERS(what=what), NO_LETTERS_HINT)
    return value


def _scripts(word: str) -> set[str]:
    found = set()
    for c in word:
        if c.isalpha():
            script = unicodedata.name(c, "").split(" ", 1)[0]
            if script in _CONFUSABLE_SCRIPTS:
                found.add(script)
    return found


def name_key(value: str) -> str:
    """The form names are compared in: NFKC, no invisible characters, case-folded."""
    value = "".join(c for c in unicodedata.normalize("NFKC", value) if unicodedata.category(c) != "Cf")
    return " ".join(value.split()).casefold()


def safe(value: object) -> str:
    """Text made harmless for a terminal: control characters shown as visible escapes."""
    text = str(value)
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def json_safe(text: str) -> str:
    """JSON text with C1 controls, DEL and bidi controls written as \\u escapes (the same data)."""
    if not _JSON_UNSAFE.search(text):
        return text
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def parse_number(
    text: str | float, *, what: Message | str, low: float, high: float, hint: Message | str = ""
) -> float:
    """A finite ASCII number within [low, high]; refuses nan, inf, 1_000, full-width digits.

    A number thousands of digits long is refused before it is converted (exit 2, never a crash).
    """
    raw = str(text).strip()
    hint = hint or NUMBER_HINT(low=low, high=high)
    if len(raw) > NUMBER_MAX_CHARACTERS:
        raise BadInput(OUT_OF_RANGE(what=what, text=shown(raw)), hint)
    if not _NUMBER.fullmatch(raw):
        raise BadInput(NOT_A_NUMBER(what=what, text=shown(raw)), hint)
    value = float(raw)
    if not math.isfinite(value) or not low <= value <= high:
        raise BadInput(OUT_OF_RANGE(what=what, text=raw), hint)
    return value + 0.0  # turns -0.0 into 0.0


def parse_whole(text: str | int, *, what: Message | str, low: int, high: int,
                hint: Message | str = "") -> int:
    """A whole number within [low, high] ('2', '2.0'); refuses 1.5, nan and 5000-digit numbers."""
    hint = hint or WHOLE_HINT(low=low, high=high)
    if isinstance(text, bool):
        raise BadInput(NOT_A_NUMBER(what=what, text=str(text)), hint)
    number = parse_number(text, what=what, low=low, high=high, hint=hint)
    if number != int(number):
        raise BadInput(NOT_WHOLE(what=what, text=shown(str(text).strip())), hint)
    return int(number)


def width(text: str) -> int:
    """Columns a string takes in a terminal: Korean, CJK and most emoji take two."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in text)


def pad(text: str, cells: int) -> str:
    """`text` padded with spaces to `cells` terminal columns (str.ljust counts characters, so a
    Korean label would come out twice as wide as an English one)."""
    return text + " " * max(cells - width(text), 0)
