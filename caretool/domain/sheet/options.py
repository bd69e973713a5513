"""The sheet command's choices, checked where every front end can use them."""

from __future__ import annotations

from caretool.core.errors import BadInput
from caretool.core.messages import msg
from caretool.core.text import shown

FORMATS = ("text", "md", "html")
UNKNOWN_FORMAT = msg("sheet.format.unknown", "unknown format {format!r}")
UNKNOWN_FORMAT_HINT = msg("sheet.format.unknown.hint", "use --format text, md or html")


def check_format(form: str) -> str:
    word = form.strip().lower()
    if word not in FORMATS:
        raise BadInput(UNKNOWN_FORMAT(format=shown(form.strip())), UNKNOWN_FORMAT_HINT)
    return word
