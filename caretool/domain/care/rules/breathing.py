"""Breathing: breathlessness, orthopnoea, the one-sign respiratory referral, a weak cough, chest
infections and new confusion.

Sources (docs/clinical-sources.md): nice-ng42 (symptoms and signs of breathing weakness),
enmc-niv-2003 and mnda-respiratory (ONE symptom is enough for an early referral).
"""

from __future__ import annotations

from caretool.core.messages import Message, msg, render
from caretool.domain.care import symptoms
from caretool.domain.care.flags import (
    BREATHING_TEAM,
    CONTEXT_DAYS,
    EMERGENCY,
    INFECTION_TEAM,
    TODAY,
    Facts,
    Finding,
    Flag,
    FlagText,
    Rule,
)

ASK_BREATHING = msg("flag.ask-breathing-assessment",
                    "Contact the care team today and ask for a breathing assessment.")
BREATHING_EMERGENCY = msg("flag.breathing-emergency",
                          "Breathing is very hard: call the emergency number now (119 in Korea, 911 in the "
                          "US, 999 or 112 in the UK and Ireland). Then tell the care team.")

# --- breathless ------------------------------------------------------------------------------------
BREATHLESS_TITLE = msg("flag.breathless.title", "New or worse breathlessness")
BREATHLESS_WHY = msg("flag.breathless.why",
                     "New or worsening breathlessness can mean the breathing muscles are weakening; one "
                     "breathing sign is enough to ask for an early breathing assessment.")


def _last_day_before(f: Facts, name: str) -> int | None:
    """The severity logged on the latest earlier day (an entry of the same day is not 'before')."""
    before = [r for r in f.before((name,), CONTEXT_DAYS) if r["day"] < f.day.isoformat()]
    return int(before[-1]["severity"]) if before else None


def _breathless(f: Facts) -> Finding | None:
    if f.name != "breathless" or not f.severity:
        return None
    last = _last_day_before(f, "breathless")
    if f.severity >= 3:
        return EMERGENCY, {"severity": f.severity, "previous": last}
    # Moderate breathlessness always warns; mild only when it is new or worse than last time.
    if f.severity >= 2 or last is None or f.severity > last:
        return TODAY, {"severity": f.severity, "previous": last}
    return None


def _breathless_text(flag: Flag) -> FlagText:
    action = BREATHING_EMERGENCY if flag.urgency == EMERGENCY else ASK_BREATHING
    return FlagText(BREATHLESS_TITLE, BREATHLESS_WHY, action)


BREATHLESS = Rule("breathless", ("nice-ng42", "mnda-respiratory", "enmc-niv-2003"), _breathless,
                  _breathless_text, breathing=True, contacts=BREATHING_TEAM)

# --- breathless lying flat --------------------------------------------------------------------------
FLAT_TITLE = msg("flag.breathless-lying-flat.title", "Short of breath lying flat")
FLAT_WHY = msg("flag.breathless-lying-flat.why",
               "Breathlessness when lying down (needing more pillows, or sleeping sitting up) can be an "
               "early sign that the breathing muscles are weakening, especially at night.")


def _flat(f: Facts) -> Finding | None:
    if f.name != "breathless-lying-flat" or not f.severity:
        return None
    return (EMERGENCY if f.severity >= 3 else TODAY), {"severity": f.severity}


def _flat_text(flag: Flag) -> FlagText:
    action = BREATHING_EMERGENCY if flag.urgency == EMERGENCY else ASK_BREATHING
    return FlagText(FLAT_TITLE, FLAT_WHY, action)


BREATHLESS_LYING_FLAT = Rule("breathless-lying-flat", ("nice-ng42", "enmc-niv-2003"), _flat, _flat_text,
                             breathing=True, contacts=BREATHING_TEAM)

# --- confusion ------------------------------------------------------------------------------------
CONFUSION_TITLE = msg("flag.confusion.title", "New confusion")
CONFUSION_WHY = msg("flag.confusion.why",
                    "New confusion or poor concentration can be a sign of weak breathing at night or of an "
                    "infection.")
CONFUSION_ACTION = msg("flag.confusion.action",
                       "Contact the care team today and ask whether a breathing check is needed.")


def _confusion(f: Facts) -> Finding | None:
    return (TODAY, {"severity": f.severity}) if f.name == "confusion" and f.severity else None


CONFUSION = Rule("confusion", ("nice-ng42", "mnda-respiratory"), _confusion,
                 lambda flag: FlagText(CONFUSION_TITLE, CONFUSION_WHY, CONFUSION_ACTION),
                 contacts=BREATHING_TEAM)

# --- respiratory referral: any ONE sign is enough ----------------------------------------------------
REFERRAL_SIGNS = ("breathless", "breathless-lying-flat", "poor-sleep", "morning-headache", "confusion",
                  "poor-appetite", "daytime-sleepiness")
TOGETHER_DAYS = 7  # other signs logged this close are named in the warning
REFERRAL_TITLE = msg("flag.respiratory-referral.title", "A sign to ask for a breathing check")
REFERRAL_WHY = msg("flag.respiratory-referral.why",
                   "{sign} can be an early sign of weak breathing at night. Broken sleep, morning headaches, "
                   "daytime sleepiness, poor concentration, a poor appetite or breathlessness: any one of "
                   "these is enough to ask for an early breathing assessment.")
REFERRAL_WHY_TOGETHER = msg("flag.respiratory-referral.why-together",
                            "{sign}, in the same week as other signs ({others}). Each can be an early sign "
                            "of weak breathing at night, and any one of them is enough to ask for an early "
                            "breathing assessment.")
REFERRAL_ACTION = msg("flag.respiratory-referral.action",
                      "Contact the care team today and ask for an early breathing assessment: a breathing "
                      "test, and whether breathing support at night is needed.")
REFERRAL_ACTION_ON_NIV = msg("flag.respiratory-referral.action-on-niv",
                             "Contact the care team today: NIV is already in use, so ask the breathing team "
                             "whether its settings, its mask or the hours on it need to change.")


def _referral(f: Facts) -> Finding | None:
    if f.name not in REFERRAL_SIGNS or not f.severity:
        return None
    change = f.change()
    if change is None:  # logged before and not worse: the family has been told already
        return None
    return TODAY, {"sign": f.name, "severity": f.severity, "change": change,
                   "together": f.seen_with(REFERRAL_SIGNS, TOGETHER_DAYS), "in_use": _in_use(f)}


def _referral_text(flag: Flag) -> FlagText:
    sign = symptoms.label(str(flag.params.get("sign", "")))
    together = [symptoms.label(s) for s in flag.params.get("together") or ()]
    why = (REFERRAL_WHY_TOGETHER(sign=sign, others=_names(together)) if together
           else REFERRAL_WHY(sign=sign))
    on_niv = "niv" in (flag.params.get("in_use") or ())
    return FlagText(REFERRAL_TITLE, why, REFERRAL_ACTION_ON_NIV if on_niv else REFERRAL_ACTION)


def _in_use(f: Facts) -> list[str]:
    """The breathing machines in use that day: the advice is then to review them (a ventilator
    counts as NIV here: the question is the same)."""
    machines = f.equipment & {"niv", "ventilator", "cough-assist"}
    return sorted({"niv" if t == "ventilator" else t for t in machines})


def _names(labels: list[Message | str]) -> str:
    """A list of symptom names for inside a sentence ("headache on waking, sleepy during the day")."""
    return ", ".join(render(label) for label in labels).lower()


RESPIRATORY_REFERRAL = Rule(
    "respiratory-referral", ("enmc-niv-2003", "mnda-respiratory", "nice-ng42"), _referral, _referral_text,
    breathing=True,
    contacts=BREATHING_TEAM,
    # These say "ask for a breathing assessment" themselves: one panel for one entry is enough.
    superseded_by=frozenset({"breathless", "breathless-lying-flat", "confusion"}),
)

# --- weak cough -----------------------------------------------------------------------------------
COUGH_TITLE = msg("flag.weak-cough.title", "Weak cough")
COUGH_WHY = msg("flag.weak-cough.why",
                "A cough too weak to clear phlegm or saliva makes chest infections more likely and is a sign "
                "that the breathing muscles are weaker.")
COUGH_ACTION = msg("flag.weak-cough.action",
                   "Contact the care team today and ask for a breathing assessment and for help with "
                   "clearing phlegm (for example a cough-assist machine).")
COUGH_ACTION_ON_MACHINE = msg("flag.weak-cough.action-on-machine",
                              "Contact the care team today: the cough assist machine is already in use, so "
                              "ask whether its settings or how often it is used need to change, and for a "
                              "breathing assessment.")


def _cough(f: Facts) -> Finding | None:
    if f.name != "weak-cough" or not f.severity:
        return None
    change = f.change()
    return (TODAY, {"severity": f.severity, "change": change, "in_use": _in_use(f)}) if change else None


def _cough_text(flag: Flag) -> FlagText:
    on_machine = "cough-assist" in (flag.params.get("in_use") or ())
    return FlagText(COUGH_TITLE, COUGH_WHY, COUGH_ACTION_ON_MACHINE if on_machine else COUGH_ACTION)


WEAK_COUGH = Rule("weak-cough", ("nice-ng42", "mnda-respiratory"), _cough, _cough_text, breathing=True,
                  contacts=BREATHING_TEAM)

# --- infection ------------------------------------------------------------------------------------
INFECTION_TITLE = msg("flag.infection.title", "Fever or chest infection")
INFECTION_WHY = msg("flag.infection.why",
                    "Chest infections are harder to clear when breathing and coughing are weak.")
INFECTION_ACTION = msg("flag.infection.action", "Contact the care team today.")


def _infection(f: Facts) -> Finding | None:
    if not f.severity:
        return None
    if f.name == "chest-infection" or (f.name == "fever" and "riluzole" not in f.medicines):
        return TODAY, {"sign": f.name, "severity": f.severity}
    return None


INFECTION = Rule("infection", ("nice-ng42",), _infection,
                 lambda flag: FlagText(INFECTION_TITLE, INFECTION_WHY, INFECTION_ACTION), breathing=True,
                 contacts=INFECTION_TEAM)

RULES = (BREATHLESS, BREATHLESS_LYING_FLAT, RESPIRATORY_REFERRAL, WEAK_COUGH, INFECTION, CONFUSION)
