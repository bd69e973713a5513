"""Where output goes: data to stdout, messages to stderr; colour only when wanted.

Under --json, stdout is always one document, the same shape for every command:
    {"caretool": 1, "command": "med due", "ok": true, "data": ...}
    {"caretool": 1, "command": "med due", "ok": false, "error": {"code", "message", "hint"}}
"""

from __future__ import annotations

import json
import os
import re
import sys
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from caretool.core.messages import Message, render
from caretool.core.text import safe

if TYPE_CHECKING:
    from rich.console import Console

JSON_VERSION = 1
_settings: dict[str, Any] = {"no_color": False, "command": ""}
# Kept as \u escapes inside JSON strings so a terminal never acts on them: C1 controls (U+009B
# starts an escape sequence) and the bidi controls that reorder text. C0 controls json escapes itself.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def configure(*, no_color: bool) -> None:
    _settings["no_color"] = no_color or bool(os.environ.get("NO_COLOR"))


def set_command(path: str) -> None:
    """The command being run ("med due"), named in every JSON document."""
    _settings["command"] = path


def colour_wanted() -> bool:
    return not _settings["no_color"]


def console(*, stderr: bool = False) -> Console:
    """A Rich console; imported late because Rich costs start-up time.

    --no-color (or NO_COLOR) means no escape codes at all, bold included: no colour system.
    A closed pipe (`caretool report | head -3`) raises BrokenPipeError for the root boundary,
    which exits 0, instead of Rich's own exit 1.
    """
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError

    plain = not colour_wanted()
    return _Console(stderr=stderr, no_color=plain, color_system=None if plain else "auto", highlight=False,
                    soft_wrap=False, emoji=False)


def _plain(value: Any) -> Any:
    """The JSON form of the few non-JSON types views hand over; anything else is a bug."""
    if isinstance(value, Message):
        return render(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not part of the JSON contract")


def _dumps(document: dict[str, Any]) -> str:
    text = json.dumps(document, ensure_ascii=False, indent=2, default=_plain)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def json_text(data: Any) -> str:
    """A JSON document for a file (a report, an export): messages rendered, unsafe characters escaped."""
    return _dumps(data)


def emit_json(data: Any) -> None:
    """The command's result as the one JSON document on stdout."""
    document = {"caretool": JSON_VERSION, "command": _settings["command"], "ok": True, "data": data}
    sys.stdout.write(_dumps(document) + "\n")


def emit_json_error(code: str, message: Message | str, hint: Message | str = "") -> None:
    error = {"code": code, "message": render(message), "hint": render(hint) if hint else ""}
    document = {"caretool": JSON_VERSION, "command": _settings["command"], "ok": False, "error": error}
    sys.stdout.write(_dumps(document) + "\n")


def say(text: str | Message) -> None:
    """A plain line of data for people (stdout), with unsafe characters neutralised."""
    sys.stdout.write(safe(render(text)) + "\n")


def tell(text: str | Message) -> None:
    """A message, warning or confirmation (stderr)."""
    sys.stderr.write(safe(render(text)) + "\n")
