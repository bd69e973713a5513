"""Side effects that the medicine labels tell families to report.

Sources (docs/clinical-sources.md): riluzole-label (fever: neutropenia; yellow skin or eyes: liver),
tiglutik-label (abdominal pain, nausea, vomiting or loss of appetite: pancreatitis, 09/2025),
radicava-label (hypersensitivity and sulfite reactions), qalsody-label (myelitis, radiculitis,
raised intracranial pressure, aseptic meningitis after a tofersen dose).
"""

from __future__ import annotations

from caretool.core.messages import msg
from caretool.domain.care import symptoms
from caretool.domain.care.flags import EMERGENCY, MEDICINE_TEAM, TODAY, Facts, Finding, Flag, FlagText, Rule

# --- riluzole: fever ------------------------------------------------------------------------------
FEVER_TITLE = msg("flag.fever-riluzole.title", "Fever while taking riluzole")
FEVER_WHY = msg("flag.fever-riluzole.why",
                "Riluzole can rarely lower the white blood cells, so any fever must be reported.")
FEVER_ACTION = msg("flag.fever-riluzole.action",
                   "Contact the care team today and tell them riluzole is being taken.")


def _fever(f: Facts) -> Finding | None:
    if f.name == "fever" and f.severity and "riluzole" in f.medicines:
        return TODAY, {"severity": f.severity}
    return None


FEVER_RILUZOLE = Rule("fever-riluzole", ("riluzole-label",), _fever,
                      lambda flag: FlagText(FEVER_TITLE, FEVER_WHY, FEVER_ACTION), contacts=MEDICINE_TEAM)

# --- riluzole: pancreatitis -----------------------------------------------------------------------
PANCREATITIS_SIGNS = ("abdominal-pain", "nausea", "vomiting", "poor-appetite")
PANCREATITIS_TITLE = msg("flag.riluzole-pancreatitis.title", "{sign} while taking riluzole")
PANCREATITIS_WHY = msg("flag.riluzole-pancreatitis.why",
                       "Riluzole can rarely inflame the pancreas: tummy pain, feeling sick, vomiting or a "
                       "loss of appetite need a prompt medical check.")
PANCREATITIS_ACTION = msg("flag.riluzole-pancreatitis.action",
                          "Contact the care team today and tell them riluzole is being taken.")


def _pancreatitis(f: Facts) -> Finding | None:
    if f.name not in PANCREATITIS_SIGNS or not f.severity or "riluzole" not in f.medicines:
        return None
    change = f.change(PANCREATITIS_SIGNS)  # the same signs again and no worse: told already
    return (TODAY, {"sign": f.name, "severity": f.severity, "change": change}) if change else None


def _pancreatitis_text(flag: Flag) -> FlagText:
    title = PANCREATITIS_TITLE(sign=symptoms.label(str(flag.params.get("sign", ""))))
    return FlagText(title, PANCREATITIS_WHY, PANCREATITIS_ACTION)


RILUZOLE_PANCREATITIS = Rule("riluzole-pancreatitis", ("tiglutik-label",), _pancreatitis, _pancreatitis_text,
                             contacts=MEDICINE_TEAM)

# --- jaundice -------------------------------------------------------------------------------------
JAUNDICE_TITLE = msg("flag.jaundice.title", "Yellow skin or eyes")
JAUNDICE_WHY = msg("flag.jaundice.why", "This can be a sign of a liver problem, a known risk of riluzole.")
JAUNDICE_ACTION = msg("flag.jaundice.action", "Contact the care team today.")


def _jaundice(f: Facts) -> Finding | None:
    return (TODAY, {"severity": f.severity}) if f.name == "jaundice" and f.severity else None


JAUNDICE = Rule("jaundice", ("riluzole-label",), _jaundice,
                lambda flag: FlagText(JAUNDICE_TITLE, JAUNDICE_WHY, JAUNDICE_ACTION), contacts=MEDICINE_TEAM)

# --- edaravone: allergy ---------------------------------------------------------------------------
ALLERGY_SEVERE = ("wheezing", "swelling")
ALLERGY_SIGNS = (*ALLERGY_SEVERE, "rash")
ALLERGY_TITLE = msg("flag.edaravone-allergy.title", "Possible allergic reaction to edaravone")
ALLERGY_WHY = msg("flag.edaravone-allergy.why",
                  "Edaravone can cause allergic reactions, including to the sulfite it contains: a rash or "
                  "hives, swelling, or wheezing.")
ALLERGY_ACTION = msg("flag.edaravone-allergy.action",
                     "Contact the care team today, before the next edaravone dose.")
ALLERGY_ACTION_SEVERE = msg("flag.edaravone-allergy.action-severe",
                            "Swelling or wheezing can be a serious allergic reaction: call the emergency "
                            "number now (119 in Korea, 911 in the US, 999 or 112 in the UK and Ireland) and "
                            "say that the person takes edaravone. Give no more edaravone until the care team "
                            "says so.")


def _allergy(f: Facts) -> Finding | None:
    if f.name not in ALLERGY_SIGNS or not f.severity or "edaravone" not in f.medicines:
        return None
    return (EMERGENCY if f.name in ALLERGY_SEVERE else TODAY), {"sign": f.name, "severity": f.severity}


def _allergy_text(flag: Flag) -> FlagText:
    action = ALLERGY_ACTION_SEVERE if flag.urgency == EMERGENCY else ALLERGY_ACTION
    return FlagText(ALLERGY_TITLE, ALLERGY_WHY, action)


EDARAVONE_ALLERGY = Rule("edaravone-allergy", ("radicava-label",), _allergy, _allergy_text,
                         contacts=MEDICINE_TEAM)

# --- tofersen: after a dose -----------------------------------------------------------------------
TOFERSEN_SIGNS = ("headache", "morning-headache", "neck-stiffness", "vision-change", "numbness", "back-pain")
TOFERSEN_TITLE = msg("flag.tofersen-reaction.title", "Possible reaction to tofersen")
TOFERSEN_WHY = msg("flag.tofersen-reaction.why",
                   "Logged while on tofersen: {sign}. Tofersen can rarely inflame the spinal cord, the nerve "
                   "roots or the lining of the brain, "
                   "or raise the pressure around the brain. A headache, a stiff neck, changes in vision, "
                   "numbness, back or leg pain or new weakness after a dose must be reported.")
TOFERSEN_ACTION = msg("flag.tofersen-reaction.action",
                      "Contact the care team today and tell them when the last tofersen dose was given.")
TOFERSEN_LAST_DOSE = msg("flag.tofersen-reaction.last-dose", "The last tofersen dose logged was on {day}.")


def _tofersen(f: Facts) -> Finding | None:
    if f.name not in TOFERSEN_SIGNS or not f.severity:
        return None
    last = f.last_doses.get("tofersen")
    if "tofersen" not in f.medicines and last is None:
        return None
    return TODAY, {"sign": f.name, "severity": f.severity, "last_dose": last}


def _tofersen_text(flag: Flag) -> FlagText:
    why = TOFERSEN_WHY(sign=symptoms.label(str(flag.params.get("sign", ""))))
    last = flag.params.get("last_dose")
    return FlagText(TOFERSEN_TITLE, why, TOFERSEN_ACTION, (TOFERSEN_LAST_DOSE(day=last),) if last else ())


TOFERSEN_REACTION = Rule("tofersen-reaction", ("qalsody-label",), _tofersen, _tofersen_text,
                         contacts=MEDICINE_TEAM)

RULES = (EDARAVONE_ALLERGY, FEVER_RILUZOLE, RILUZOLE_PANCREATITIS, JAUNDICE, TOFERSEN_REACTION)
