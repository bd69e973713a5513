"""Swallowing and the feeding tube: choking, a swallowing review, a tube that came out or is leaking.

Sources (docs/clinical-sources.md): nice-ng42, mnda-choking and mnd-scotland-choking (what to do
during a choking episode; choking is virtually never a direct cause of death),
nhs-gastrostomy-tube-out (the opening can close within hours), leeds-gastrostomy (leak, pain on
feeding or new bleeding: stop feeding, urgent advice).
"""

from __future__ import annotations

from caretool.core.messages import msg
from caretool.domain.care import symptoms
from caretool.domain.care.flags import (
    EMERGENCY,
    FEEDING_TEAM,
    SWALLOWING_TEAM,
    TODAY,
    URGENT,
    Facts,
    Finding,
    Flag,
    FlagText,
    Rule,
)

# --- choking --------------------------------------------------------------------------------------
CHOKING_TITLE = msg("flag.choking.title", "Choking")
CHOKING_WHY = msg("flag.choking.why",
                  "Choking that is new, worse or severe can mean swallowing is getting less safe, with a "
                  "risk of food or drink going into the lungs.")
CHOKING_ACTION = msg("flag.choking.action", "Contact the care team today and ask for a swallowing review.")
CHOKING_ACTION_SEVERE = msg("flag.choking.action-severe",
                            "If the person is still choking or struggling to breathe, call the emergency "
                            "number now (119 in Korea, 911 in the US, 999 or 112 in the UK and Ireland). "
                            "Then tell the care team today and ask for a swallowing review.")
CHOKING_STEPS = msg("flag.choking.steps",
                    "During an episode: stay calm, sit the person upright and slightly forward, help them "
                    "breathe slowly, then cough and swallow; give the prescribed medicine if there is one, "
                    "and use suction only if you have been trained. Call the emergency number if it lasts "
                    "longer than usual, the medicine does not help and the person is very distressed. "
                    "Choking is frightening, but it is rarely a direct cause of death.")


def _choking(f: Facts) -> Finding | None:
    if f.name != "choking" or not f.severity:
        return None
    if f.severity >= 3:  # a severe episode always warns, however often choking was logged before
        return EMERGENCY, {"severity": f.severity, "change": "severe"}
    change = f.change()
    return (TODAY, {"severity": f.severity, "change": change}) if change else None


def _choking_text(flag: Flag) -> FlagText:
    action = CHOKING_ACTION_SEVERE if flag.urgency == EMERGENCY else CHOKING_ACTION
    return FlagText(CHOKING_TITLE, CHOKING_WHY, action, (CHOKING_STEPS,))


CHOKING = Rule("choking", ("nice-ng42", "mnda-choking", "mnd-scotland-choking"), _choking, _choking_text,
               ambulance=True, contacts=SWALLOWING_TEAM)

# --- swallowing review ----------------------------------------------------------------------------
SWALLOWING_SIGNS = ("swallowing", "long-meals")
REVIEW_TITLE = msg("flag.swallowing-review.title", "Swallowing or meals getting harder")
REVIEW_WHY = msg("flag.swallowing-review.why",
                 "New or worse: {sign}. Swallowing that is newly difficult, or meals that are very long or "
                 "exhausting, mean eating and drinking need a review to keep them safe and to keep weight "
                 "up.")
REVIEW_ACTION = msg("flag.swallowing-review.action",
                    "Contact the care team today and ask for a swallowing and nutrition review.")


def _review(f: Facts) -> Finding | None:
    if f.name not in SWALLOWING_SIGNS or not f.severity:
        return None
    change = f.change()
    return (TODAY, {"sign": f.name, "severity": f.severity, "change": change}) if change else None


def _review_text(flag: Flag) -> FlagText:
    return FlagText(REVIEW_TITLE, REVIEW_WHY(sign=symptoms.label(str(flag.params.get("sign", "")))),
                    REVIEW_ACTION)


SWALLOWING_REVIEW = Rule("swallowing-review", ("nice-ng42", "mnda-choking"), _review, _review_text,
                         contacts=SWALLOWING_TEAM)

# --- the feeding tube -----------------------------------------------------------------------------
OUT_TITLE = msg("flag.tube-out.title", "Feeding tube has come out")
OUT_WHY = msg("flag.tube-out.why",
              "The opening (stoma) can start to close within a few hours, and then a new tube is much harder "
              "to put in.")
OUT_ACTION = msg("flag.tube-out.action",
                 "Phone now, within hours, do not wait until tomorrow: the care team, the nutrition nurse, "
                 "the hospital or the out-of-hours line, as you were told. Note the time, cover the opening "
                 "with a clean dressing, and take the spare tube and the tube details with you. Put a tube "
                 "back yourself only if you have been trained to.")
PROBLEM_TITLE = msg("flag.tube-problem.title", "Feeding tube problem: stop the feed")
PROBLEM_WHY = msg("flag.tube-problem.why",
                  "Feed leaking around the tube, pain on feeding or new bleeding can mean the tube has moved "
                  "or the site is damaged, most of all in the first days after it was placed.")
PROBLEM_ACTION = msg("flag.tube-problem.action",
                     "Stop the feed now and phone for urgent advice within hours (the care team, the "
                     "nutrition nurse or the out-of-hours line). Do not start feeding again until you are "
                     "told it is safe.")


def _tube_out(f: Facts) -> Finding | None:
    if f.record.get("kind") == "tube-change":  # `log tube-change --came-out` says the same
        return (URGENT, {"severity": 0, "logged": "tube-change"}) if f.record.get("came_out") else None
    return (URGENT, {"severity": f.severity}) if f.name == "tube-out" and f.severity else None


def _tube_problem(f: Facts) -> Finding | None:
    return (URGENT, {"severity": f.severity}) if f.name == "tube-problem" and f.severity else None


TUBE_OUT = Rule("tube-out", ("nhs-gastrostomy-tube-out",), _tube_out,
                lambda flag: FlagText(OUT_TITLE, OUT_WHY, OUT_ACTION), contacts=FEEDING_TEAM)
TUBE_PROBLEM = Rule("tube-problem", ("leeds-gastrostomy",), _tube_problem,
                    lambda flag: FlagText(PROBLEM_TITLE, PROBLEM_WHY, PROBLEM_ACTION), contacts=FEEDING_TEAM)

RULES = (CHOKING, SWALLOWING_REVIEW, TUBE_OUT, TUBE_PROBLEM)
