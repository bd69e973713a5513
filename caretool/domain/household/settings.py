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
# How the person is fed (the emergency sheet says it; a day without feeds warns for tube-only).
FEEDING = ("mouth", "tube-and-mouth", "tube-only")
NOT_A_FEEDING = msg("settings.feeding.unknown", "{value!r} is not a way of feeding")
NOT_A_FEEDING_HINT = msg("settings.feeding.unknown.hint", "use one of: {values}")


@dataclass(frozen=True)
class Setting:
    key: str
    label: Message
    parse: Callable[[str], Any]


def feeding(text: str) -> str:
    word = "-".join(text.strip().lower().split())
    if word not in FEEDING:
        raise BadInput(NOT_A_FEEDING(value=text.strip()), NOT_A_FEEDING_HINT(values=", ".join(FEEDING)))
    return word


SETTINGS: dict[str, Setting] = {
    "lang": Setting("lang", msg("settings.lang", "language of the screens, guides and reports (en or ko)"),
                    language.check),
    "feeding": Setting("feeding", msg("settings.feeding", "how the person is fed: mouth, tube-and-mouth or "
                                      "tube-only"), feeding),
}


def parse(key: str, value: str) -> tuple[str, Any]:
    setting = SETTINGS.get(key.strip().lower())
    if setting is None:
        raise BadInput(UNKNOWN(key=key), UNKNOWN_HINT(keys=", ".join(SETTINGS)))
    return setting.key, setting.parse(value)


def shown(settings: Mapping[str, Any]) -> dict[str, Any]:
    """Every known setting with its stored value (None when not set)."""
    return {key: settings.get(key) for key in SETTINGS}
