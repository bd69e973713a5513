"""Clinical stage from one ALSFRS-R rating: King's (estimated, Balendra et al. 2014) and MiToS
(Chiò et al. 2015). Each result carries the item rule that produced it, so a family (and the
clinic) can see why.

King's stage estimated from the items (docs/clinical-sources.md#balendra-2014; the stages are
Roche et al. 2012, #roche-2012), as the project reference and public implementations give it:
  4A  a gastrostomy: item 5 was scored on its gastrostomy form;
  4B  need for breathing support: item 10 (dyspnoea) is 0, or item 12 (respiratory insufficiency)
      is below 4 (any use of NIV);
  otherwise the number of regions involved (1 to 3):
      bulbar      any of items 1, 2, 3 below 4
      upper limb  item 4 or item 5 below 4
      lower limb  item 8 below 4
  A rating with no region involved (only stairs, turning, dressing or breathing items below 4)
  counts as stage 1: stage 1 is symptom onset, and someone with a rating has symptoms (the same
  choice as yoonhohong/proact, which recodes 0 to 1). Stage 4 overrides the region count; when
  both 4A and 4B hold caretool says "4A+4B" rather than choosing one.

MiToS (docs/clinical-sources.md#chio-2015-mitos, Table 1): a domain is lost when
  movement       item 8 (walking) <= 1 OR item 6 (dressing and hygiene) <= 1
  swallowing     item 3 <= 1
  communicating  item 1 (speech) <= 1 AND item 4 (handwriting) <= 1   (the table says AND; some
                 public code wrongly uses OR)
  breathing      item 10 (dyspnoea) <= 1 OR item 12 (respiratory insufficiency) <= 2
The stage is the number of domains lost, 0 to 4 (5, death, is never assigned here).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from caretool.core.messages import Message, msg, msgn

NORMAL = 4
MITOS_LOST = 1  # a domain item at or below this is lost
MITOS_BREATHING_SUPPORT = 2  # item 12 at or below this: NIV continuously at night or more

REGIONS: dict[str, tuple[int, ...]] = {"bulbar": (1, 2, 3), "upper-limb": (4, 5), "lower-limb": (8,)}
REGION_NAMES = {
    "bulbar": msg("staging.region.bulbar", "bulbar (speech, saliva, swallowing)"),
    "upper-limb": msg("staging.region.upper-limb", "arms and hands"),
    "lower-limb": msg("staging.region.lower-limb", "legs"),
}
KINGS_REGION = msgn("staging.kings.region", "{region}: item {items} is below 4",
                    "{region}: items {items} are below 4")
KINGS_NO_REGION = msg("staging.kings.no-region",
                      "no speech, swallowing, arm or leg item is below 4: stage 1, the stage from the "
                      "first symptoms")
KINGS_GASTROSTOMY = msg("staging.kings.gastrostomy",
                        "item 5 was scored on its gastrostomy form (a feeding tube is in place): 4A")
KINGS_DYSPNOEA = msg("staging.kings.dyspnoea", "item 10 (dyspnoea) is 0: 4B")
KINGS_SUPPORT = msg("staging.kings.support",
                    "item 12 (respiratory insufficiency) is {score}, below 4 (breathing support in use): 4B")
MITOS_DOMAINS = {
    "movement": msg("staging.mitos.movement",
                    "walking and self-care lost: item 8 (walking) is {walking}, item 6 (dressing and "
                    "hygiene) is {dressing}; either at 1 or less"),
    "swallowing": msg("staging.mitos.swallowing", "swallowing lost: item 3 (swallowing) is {swallowing}, "
                      "1 or less"),
    "communicating": msg("staging.mitos.communicating",
                         "communicating lost: item 1 (speech) is {speech} and item 4 (handwriting) is "
                         "{handwriting}, both 1 or less"),
    "breathing": msg("staging.mitos.breathing",
                     "breathing lost: item 10 (dyspnoea) is {dyspnoea} (lost at 1 or less), item 12 "
                     "(respiratory insufficiency) is {respiratory} (lost at 2 or less)"),
}
MITOS_NONE = msg("staging.mitos.none", "no domain is lost yet (each needs a score of 1 or less, "
                 "breathing support 2 or less)")


@dataclass(frozen=True)
class Stage:
    system: str  # "kings" or "mitos"
    stage: str  # King's: "1", "2", "3", "4A", "4B", "4A+4B"; MiToS: "0" to "4"
    level: int  # for charts and comparisons: King's 1-4, MiToS 0-4
    reasons: tuple[Message, ...]  # the item rules that produced it
    detail: dict[str, Any] = field(default_factory=dict)  # which regions or domains, by id

    def to_dict(self) -> dict[str, Any]:
        return {"system": self.system, "stage": self.stage, "level": self.level,
                "reasons": list(self.reasons), **self.detail}


def _below(scores: Mapping[int, int], numbers: tuple[int, ...]) -> list[int]:
    return [n for n in numbers if scores[n] < NORMAL]


def kings(scores: Mapping[int, int], *, gastrostomy: bool) -> Stage:
    """King's stage from the 12 scores (by item number) and the item-5 form."""
    four: list[str] = []
    reasons: list[Message] = []
    if gastrostomy:
        four.append("A")
        reasons.append(KINGS_GASTROSTOMY)
    if scores[10] == 0 or scores[12] < NORMAL:
        four.append("B")
        reasons.append(KINGS_DYSPNOEA if scores[10] == 0 else KINGS_SUPPORT(score=scores[12]))
        if scores[10] == 0 and scores[12] < NORMAL:
            reasons.append(KINGS_SUPPORT(score=scores[12]))
    involved = {region: found for region, numbers in REGIONS.items() if (found := _below(scores, numbers))}
    detail: dict[str, Any] = {"regions": sorted(involved), "gastrostomy": "A" in four, "niv": "B" in four}
    if four:
        stage = "+".join(f"4{letter}" for letter in four)
        return Stage("kings", stage, 4, tuple(reasons), detail)
    if not involved:
        return Stage("kings", "1", 1, (KINGS_NO_REGION,), detail)
    reasons = [KINGS_REGION(region=REGION_NAMES[region], items=", ".join(str(n) for n in found),
                            count=len(found))
               for region, found in involved.items()]
    return Stage("kings", str(len(involved)), len(involved), tuple(reasons), detail)


def mitos(scores: Mapping[int, int]) -> Stage:
    """MiToS stage: the number of functional domains lost."""
    lost: dict[str, Message] = {}
    if scores[8] <= MITOS_LOST or scores[6] <= MITOS_LOST:
        lost["movement"] = MITOS_DOMAINS["movement"](walking=scores[8], dressing=scores[6])
    if scores[3] <= MITOS_LOST:
        lost["swallowing"] = MITOS_DOMAINS["swallowing"](swallowing=scores[3])
    if scores[1] <= MITOS_LOST and scores[4] <= MITOS_LOST:  # AND, as in the published table
        lost["communicating"] = MITOS_DOMAINS["communicating"](speech=scores[1], handwriting=scores[4])
    if scores[10] <= MITOS_LOST or scores[12] <= MITOS_BREATHING_SUPPORT:
        lost["breathing"] = MITOS_DOMAINS["breathing"](dyspnoea=scores[10], respiratory=scores[12])
    reasons = tuple(lost.values()) or (MITOS_NONE,)
    return Stage("mitos", str(len(lost)), len(lost), reasons, {"domains_lost": list(lost)})
