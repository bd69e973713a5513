"""Where output goes: data to stdout, messages to stderr; colour only when wanted."""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING, Any

from caretool.core.text import safe

if TYPE_CHECKING:
    from rich.console import Console

_settings = {"no_color": False}


def configure(*, no_color: bool) -> None:
    _settings["no_color"] = no_color or bool(os.environ.get("NO_COLOR"))


def colour_wanted() -> bool:
    return not _settings["no_color"]


def console(*, stderr: bool = False) -> Console:
    """A Rich console; imported late because Rich costs start-up time."""
    from rich.console import Console

    return Console(stderr=stderr, no_color=not colour_wanted(), highlight=False,
                   soft_wrap=False, emoji=False)


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def say(text: str) -> None:
    """A plain line of data for people (stdout), with unsafe characters neutralised."""
    sys.stdout.write(safe(text) + "\n")


def tell(text: str) -> None:
    """A message, warning or confirmation (stderr)."""
    sys.stderr.write(safe(text) + "\n")
