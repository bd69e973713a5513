"""`caretool rating add` without scores: the care team's rating typed in item by item.

Only item numbers and short names are shown (no item wording is bundled: see items.py); the family
copies each score from the clinic's form. Each answer is checked at its own question, so a typo is
asked again and the save at the end cannot fail on a score.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from caretool.core.messages import msg
from caretool.domain.entries import service as entries
from caretool.domain.entries.fields import whole_number
from caretool.domain.household.model import Household
from caretool.domain.interview import Interview, Question, Say, yes_no
from caretool.domain.progress import items, service

INTRO = msg("rating.ask.intro",
            "Type the scores of the care team's ALSFRS-R rating, as they are on the clinic's form: each item "
            "0 to 4 (4 = normal). caretool shows only each item's number and name.")
WHEN = msg("rating.ask.when", "Date of the rating (Enter for today)")
GASTROSTOMY = msg("rating.ask.gastrostomy",
                  "Was item 5 scored on its gastrostomy form (the person has a feeding tube)?")
ITEM = msg("rating.ask.item", "Item {number} ({name}), 0-4")


@dataclass
class RatingAnswers:
    at: str | None = None
    scores: dict[str, int] = field(default_factory=dict)
    gastrostomy: bool = False

    def fields(self) -> dict[str, Any]:
        return {**self.scores, "gastrostomy": self.gastrostomy}


def interview(household: Household, *, at: str | None = None,
              gastrostomy: bool | None = None) -> Interview[RatingAnswers]:
    yield Say(INTRO)
    if at is None:
        def when_ok(text: str) -> str:
            moment = entries.resolve_moment(household, text)
            service.check_after_onset(household, moment.date())
            return text

        at = yield Question("rating.when", WHEN, parse=when_ok, empty=None)
    if gastrostomy is None:
        gastrostomy = yield yes_no("rating.gastrostomy", GASTROSTOMY, default=False)
    scores: dict[str, int] = {}
    for item in items.ITEMS:
        def score(text: str, item: items.Item = item) -> int:
            return whole_number(text, what=items.label(item), low=items.LOW, high=items.HIGH,
                                hint=items.SCORE_HINT)

        scores[item.key] = yield Question(f"rating.{item.key}", ITEM(number=item.number, name=item.name),
                                          parse=score, required=True)
    return RatingAnswers(at=at, scores=scores, gastrostomy=bool(gastrostomy))
