"""Household settings a family may change with `caretool config set KEY VALUE`.

Each setting has a parser (user text to stored value, BadInput otherwise) and a label; the store
keeps only the value. Settings other features add (country, height, ...) register here too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from caretool.core import dates, language
from caretool.core.errors import BadInput
from caretool.core.messages import Message, msg
from caretool.core.text import parse_number, parse_whole

CHANGED = msg("change.config", "change the setting {name}")
UNKNOWN = msg("settings.unknown", "there is no setting called {key!r}")
UNKNOWN_HINT = msg("settings.unknown.hint", "settings: {keys}")
HEIGHT = msg("settings.height", "height of the person cared for, in cm (for BMI)")
HEIGHT_FIELD = msg("field.height", "height")
HEIGHT_HINT = msg("settings.height.hint", "type the height in centimetres, between {low:g} and {high:g}")
BIRTH_YEAR = msg("settings.birth-year", "year of birth of the person cared for")
BIRTH_YEAR_FIELD = msg("field.birth-year", "year of birth")
BIRTH_YEAR_HINT = msg("settings.birth-year.hint", "type a year from {low} to {high}, e.g. 1961")
HEIGHT_RANGE = (100.0, 250.0)  # cm: outside this a number is a typo (or metres, or inches)
FIRST_BIRTH_YEAR = 1900
# How the person is fed (the emergency sheet says it; a day without feeds warns for tube-only).
FEEDING = ("mouth", "tube-and-mouth", "tube-only")
NOT_A_FEEDING = msg("settings.feeding.unknown", "{value!r} is not a way of feeding")
NOT_A_FEEDING_HINT = msg("settings.feeding.unknown.hint", "use one of: {values}")


@dataclass(frozen=True)
class Setting:
    key: str
    label: Message
    parse: Callable[[str], Any]


def height_cm(text: str) -> float:
    low, high = HEIGHT_RANGE
    return round(parse_number(text, what=HEIGHT_FIELD, low=low, high=high,
                              hint=HEIGHT_HINT(low=low, high=high)), 1)


def birth_year(text: str) -> int:
    high = dates.today().year
    return parse_whole(text, what=BIRTH_YEAR_FIELD, low=FIRST_BIRTH_YEAR, high=high,
                       hint=BIRTH_YEAR_HINT(low=FIRST_BIRTH_YEAR, high=high))
def feeding(text: str) -> str:
    word = "-".join(text.strip().lower().split())
    if word not in FEEDING:
        raise BadInput(NOT_A_FEEDING(value=text.strip()), NOT_A_FEEDING_HINT(values=", ".join(FEEDING)))
    return word


SETTINGS: dict[str, Setting] = {
    "lang": Setting("lang", msg("settings.lang", "language of the screens, guides and reports (en or ko)"),
                    language.check),
    "height_cm": Setting("height_cm", HEIGHT, height_cm),
    "birth_year": Setting("birth_year", BIRTH_YEAR, birth_year),
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
