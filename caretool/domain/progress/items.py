"""The 12 items of the ALSFRS-R (Cedarbaum et al. 1999; docs/clinical-sources.md#cedarbaum-1999).

No open licence for the scale's wording was found, so caretool bundles none of it: only each
item's number and a short neutral name. The scores are the care team's rating, typed in from the
clinic's form; caretool never rates anyone itself. Each item is scored 4 (normal) to 0, the total
runs 0 to 48. Item 5 has two forms, one for people without and one for people with a gastrostomy
(only one is scored): `gastrostomy` says which form the score belongs to.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from caretool.core.errors import BadInput
from caretool.core.messages import Message, msg, msgn

LOW, HIGH = 0, 4  # every item is scored 0 (no function) to 4 (normal)
COUNT = 12
MAX_TOTAL = COUNT * HIGH


@dataclass(frozen=True)
class Item:
    number: int
    key: str  # the stored field and, with - for _, the option (`--cutting-food`)
    name: Message

    @property
    def option(self) -> str:
        return self.key.replace("_", "-")


ITEMS: tuple[Item, ...] = (
    Item(1, "speech", msg("alsfrs.item.speech", "speech")),
    Item(2, "salivation", msg("alsfrs.item.salivation", "salivation")),
    Item(3, "swallowing", msg("alsfrs.item.swallowing", "swallowing")),
    Item(4, "handwriting", msg("alsfrs.item.handwriting", "handwriting")),
    Item(5, "cutting_food", msg("alsfrs.item.cutting-food", "cutting food")),
    Item(6, "dressing_hygiene", msg("alsfrs.item.dressing-hygiene", "dressing and hygiene")),
    Item(7, "turning_in_bed", msg("alsfrs.item.turning-in-bed", "turning in bed")),
    Item(8, "walking", msg("alsfrs.item.walking", "walking")),
    Item(9, "climbing_stairs", msg("alsfrs.item.climbing-stairs", "climbing stairs")),
    Item(10, "dyspnoea", msg("alsfrs.item.dyspnoea", "dyspnoea")),
    Item(11, "orthopnoea", msg("alsfrs.item.orthopnoea", "orthopnoea")),
    Item(12, "respiratory_insufficiency", msg("alsfrs.item.respiratory-insufficiency",
                                              "respiratory insufficiency")),
)
KEYS = tuple(item.key for item in ITEMS)
BY_KEY = {item.key: item for item in ITEMS}
BY_NUMBER = {item.number: item for item in ITEMS}

ITEM_LABEL = msg("alsfrs.item-label", "item {number} ({name})")
SCORE_HINT = msg("alsfrs.score.hint", "each item is scored 0 to 4 (4 = normal), as on the care team's form")
WRONG_COUNT = msg("alsfrs.wrong-count", "--items has {count} scores; the ALSFRS-R has exactly 12")
WRONG_COUNT_HINT = msg("alsfrs.wrong-count.hint",
                       "give 12 scores from 0 to 4 separated by commas, in item order (1 speech ... 12 "
                       "respiratory insufficiency), e.g. --items 4,4,3,3,3,4,3,3,4,4,4,4")
MISSING = msgn("alsfrs.missing", "the score of {item} is missing",
               "{count} item scores are missing, the first is {item}")
MISSING_HINT = msg("alsfrs.missing.hint",
                   "give all 12 items: --items 4,4,3,... or each by name (--speech 4 --salivation 4 ...)")
BOTH = msg("alsfrs.both", "the scores were given both with --items and by item name")
BOTH_HINT = msg("alsfrs.both.hint", "use one way: --items 4,4,3,... or --speech 4 --salivation 4 ...")


def label(item: Item) -> Message:
    """'item 3 (swallowing)'."""
    return ITEM_LABEL(number=item.number, name=item.name)


def from_list(text: str) -> dict[str, str]:
    """'4,4,3,...' (12 scores in item order) -> {key: text}; the scores are checked by validate."""
    parts = [part.strip() for part in str(text).replace(";", ",").split(",")]
    if parts == [""]:
        parts = []
    if len(parts) != COUNT:
        raise BadInput(WRONG_COUNT(count=len(parts)), WRONG_COUNT_HINT)
    return dict(zip(KEYS, parts, strict=True))


def gather(items: str | None, named: Mapping[str, Any]) -> dict[str, Any]:
    """The scores from --items or from the named options (exactly one way; None = not given)."""
    given = {key: value for key, value in named.items() if value is not None}
    if items is not None and given:
        raise BadInput(BOTH, BOTH_HINT)
    if items is not None:
        return from_list(items)
    return dict(given)


def missing(scores: Mapping[str, Any]) -> list[Item]:
    return [item for item in ITEMS if scores.get(item.key) in (None, "")]


def scores_of(record: Mapping[str, Any]) -> dict[int, int]:
    """A stored rating's scores by item number."""
    return {item.number: int(record[item.key]) for item in ITEMS}
