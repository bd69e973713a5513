"""Text typed by users: normalised before it is stored, made harmless before it is shown."""

from __future__ import annotations

import math
import re
import unicodedata

from caretool.core.errors import BadInput

NOTE_MAX = 2000
NAME_MAX = 80
# C0/C1 controls (ESC starts terminal escape sequences) and bidi overrides that reverse text.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_INVISIBLE = re.compile("[\u200b-\u200d\ufeff]")


def clean_text(value: str, *, what: str = "note", limit: int = NOTE_MAX) -> str:
    """NFC-normalised text, refused when empty, too long or not valid Unicode."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise BadInput(
            f"the {what} contains bytes that are not valid UTF-8",
            "set your terminal to UTF-8 and type it again",
        ) from None
    value = unicodedata.normalize("NFC", value).strip()
    if not value:
        raise BadInput(f"the {what} is empty", f"type some text for the {what}")
    if len(value) > limit:
        raise BadInput(
            f"the {what} is {len(value)} characters long; the limit is {limit}",
            "shorten it or split it into several notes",
        )
    return value


def clean_name(value: str, *, what: str = "name") -> str:
    value = _INVISIBLE.sub("", clean_text(value, what=what, limit=NAME_MAX))
    value = " ".join(value.split())
    if _UNSAFE.search(value):
        raise BadInput(f"the {what} contains control characters", "type a plain name")
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
    text: str | float, *, what: str, low: float, high: float, hint: str = ""
) -> float:
    """A finite ASCII number within [low, high]; refuses nan, inf, 1_000, full-width digits."""
    raw = str(text).strip()
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", raw, re.ASCII):
        raise BadInput(f"{what} {raw!r} is not a number", hint or f"type a number from {low:g} to {high:g}")
    value = float(raw)
    if not math.isfinite(value) or not low <= value <= high:
        raise BadInput(
            f"{what} {raw} is out of range", hint or f"type a number from {low:g} to {high:g}"
        )
    return value + 0.0  # turns -0.0 into 0.0


def width(text: str) -> int:
    """Columns a string takes in a terminal: Korean, CJK and most emoji take two."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in text)
