"""Behaviour change, falls, and the person cared for speaking of not wanting to live.

Sources (docs/clinical-sources.md): nice-ng42 1.1.3, lillo-2012 and de-wit-2018 (behaviour change,
also the strongest predictor of caregiver burden); crisis-lines, korea-109 and mnda-end-of-life
(the crisis path). A fall has no verified guideline basis: its advice is practical safety advice
(see the rules table in docs/clinical-sources.md).
"""

from __future__ import annotations

from caretool.core.messages import msg
from caretool.domain.care import crisis
from caretool.domain.care.flags import NEUROLOGY_TEAM, PALLIATIVE_TEAM, TODAY, Facts, Finding, FlagText, Rule

# --- behaviour change -----------------------------------------------------------------------------
BEHAVIOUR_TITLE = msg("flag.behaviour-change.title", "Change in behaviour")
BEHAVIOUR_WHY = msg("flag.behaviour-change.why",
                    "New changes in behaviour or personality can be part of ALS and deserve an assessment; "
                    "they are also hard on caregivers.")
BEHAVIOUR_ACTION = msg("flag.behaviour-change.action",
                       "Contact the care team today and ask about a cognitive and behavioural assessment.")
BEHAVIOUR_QUIET_DAYS = 28


def _behaviour(f: Facts) -> Finding | None:
    if f.name != "behaviour-change" or not f.severity:
        return None
    # Mild change seen again within four weeks has been reported; moderate or severe always warns.
    if f.severity < 2 and (f.worst_before(("behaviour-change",), BEHAVIOUR_QUIET_DAYS) or 0) >= 1:
        return None
    return TODAY, {"severity": f.severity}


BEHAVIOUR_CHANGE = Rule("behaviour-change", ("nice-ng42", "lillo-2012", "de-wit-2018"), _behaviour,
                        lambda flag: FlagText(BEHAVIOUR_TITLE, BEHAVIOUR_WHY, BEHAVIOUR_ACTION),
                        contacts=NEUROLOGY_TEAM)

# --- fall -----------------------------------------------------------------------------------------
FALL_TITLE = msg("flag.fall.title", "A fall")
FALL_WHY = msg("flag.fall.why",
               "Falls can cause injuries that are easy to miss and often mean walking aids or changes at "
               "home are needed.")
FALL_ACTION = msg("flag.fall.action",
                  "Contact the care team today. Call the emergency number (119 in Korea, 911 in the US, 999 "
                  "or 112 in the UK and Ireland) for a head injury, severe pain or a suspected broken bone, "
                  "or if the person cannot be moved safely.")


def _fall(f: Facts) -> Finding | None:
    return (TODAY, {"severity": f.severity}) if f.name == "falls" and f.severity else None


FALL = Rule("fall", (), _fall, lambda flag: FlagText(FALL_TITLE, FALL_WHY, FALL_ACTION), ambulance=True,
            contacts=("gp", "mnd-nurse"))

# --- the person speaks of not wanting to live ------------------------------------------------------
WISH_TITLE = msg("flag.wish-to-die.title", "Talk of not wanting to live")
WISH_WHY = msg("flag.wish-to-die.why",
               "People with ALS may think about ending their life, often from fear of becoming a burden or "
               "of losing independence. Talking about it matters, and such thoughts can ease when those "
               "fears are addressed.")


def _wish(f: Facts) -> Finding | None:
    return (TODAY, {"severity": f.severity}) if f.name == "wish-to-die" and f.severity else None


WISH_TO_DIE = Rule("wish-to-die", (*crisis.SOURCES, "mnda-end-of-life"), _wish,
                   lambda flag: FlagText(WISH_TITLE, WISH_WHY, crisis.PERSON,
                                         (*crisis.LINES, crisis.CHECK_LOCALLY)),
                   contacts=PALLIATIVE_TEAM)

RULES = (BEHAVIOUR_CHANGE, FALL, WISH_TO_DIE)
