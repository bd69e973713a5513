"""Household settings a family may change with `caretool config set KEY VALUE`.

Each setting has a parser (user text to stored value, BadInput otherwise) and a label; the store
keeps only the value. Settings other features add (country, height, ...) register here too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from caretool.core import language
from caretool.core.errors import BadInput
from caretool.core.messages import Message, msg

UNKNOWN = msg("settings.unknown", "there is no setting called {key!r}")
UNKNOWN_HINT = msg("settings.unknown.hint", "settings: {keys}")


@dataclass(frozen=True)
class Setting:
    key: str
    label: Message
    parse: Callable[[str], Any]


SETTINGS: dict[str, Setting] = {
    "lang": Setting("lang", msg("settings.lang", "language of the screens, guides and reports (en or ko)"),
                    language.check),
}


def parse(key: str, value: str) -> tuple[str, Any]:
    setting = SETTINGS.get(key.strip().lower())
    if setting is None:
        raise BadInput(UNKNOWN(key=key), UNKNOWN_HINT(keys=", ".join(SETTINGS)))
    return setting.key, setting.parse(value)


def shown(settings: Mapping[str, Any]) -> dict[str, Any]:
    """Every known setting with its stored value (None when not set)."""
    return {key: settings.get(key) for key in SETTINGS}
