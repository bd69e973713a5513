"""Presets: the usual labelled schedules of ALS medicines, with short administration notes.

Facts from ../shared/reference/domain-facts.md section 4 (Medications), paraphrased; each
preset names its source. A preset describes the labelled schedule only: the prescriber's
instructions always win, and every preset says so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import time

from caretool.core.errors import BadInput
from caretool.core.text import name_key
from caretool.domain.meds.schedule import Rule, timed

FOLLOW = "This is the usual labelled schedule; follow the prescriber's instructions."
RILUZOLE_SOURCE = "Riluzole prescribing information (Rilutek FDA label; Tiglutik/Teglutik labels)"
EDARAVONE_SOURCE = "Edaravone prescribing information (Radicava IV and Radicava ORS)"
TOFERSEN_SOURCE = "Tofersen (Qalsody) FDA prescribing information, section 2.1; EMA SmPC"
NUEDEXTA_SOURCE = "Dextromethorphan/quinidine (Nuedexta) prescribing information"
# Later edaravone cycles give 10 doses within 14 days; caretool schedules the first 10 days.
EDARAVONE_LATER_DAYS = range(29, 39)


def _twice_daily(times: Sequence[time]) -> list[Rule]:
    return timed("FREQ=DAILY", times)


def _edaravone(times: Sequence[time]) -> list[Rule]:
    """Cycle 1: days 1-14 of 28; later cycles: days 1-10 of each 28 days, from day 29."""
    rules = timed("FREQ=DAILY", times, days=14)
    for day in EDARAVONE_LATER_DAYS:
        rules += timed("FREQ=DAILY;INTERVAL=28", times, from_day=day)
    return rules


def _tofersen(times: Sequence[time]) -> list[Rule]:
    """Three loading doses 14 days apart (days 1, 15, 29), then every 28 days (57, 85, ...)."""
    return timed("FREQ=DAILY;INTERVAL=14", times, days=3) + \
        timed("FREQ=DAILY;INTERVAL=28", times, from_day=57)


def _nuedexta(times: Sequence[time]) -> list[Rule]:
    """One capsule a day on days 1-7, then one every 12 hours."""
    return timed("FREQ=DAILY", times[:1], days=7) + timed("FREQ=DAILY", times, from_day=8)


@dataclass(frozen=True)
class Preset:
    key: str
    name: str
    dose: str
    times: tuple[time, ...]
    plan: Callable[[Sequence[time]], list[Rule]]
    notes: tuple[str, ...]
    source: str
    aliases: tuple[str, ...] = ()

    def rules(self, times: Sequence[time] = ()) -> list[Rule]:
        return self.plan(list(times) or list(self.times))


_RILUZOLE_NOTES = (
    "Give at least 1 hour before or 2 hours after a meal.",
    "Liver blood tests: usually monthly for the first 3 months, then from time to time.",
    "Report any fever or feverish illness to the care team: rarely, riluzole lowers the white "
    "blood cells, mostly in the first 2 months.",
)
_EDARAVONE_NOTES = (
    "Later cycles: 10 doses within the first 14 days; caretool schedules days 1-10. If your team "
    "uses other days, change them with `caretool med edit`.",
    "It contains a sulfite: tell the team about any sulfite allergy, and watch for allergic "
    "reactions (rash, swelling, breathing trouble).",
)

PRESETS: dict[str, Preset] = {p.key: p for p in (
    Preset(
        "riluzole", "Riluzole", "50 mg tablet", (time(8), time(20)), _twice_daily,
        ("Usual label dose: 50 mg every 12 hours. " + FOLLOW, *_RILUZOLE_NOTES),
        RILUZOLE_SOURCE, ("riluzole", "rilutek"),
    ),
    Preset(
        "riluzole-suspension", "Riluzole suspension", "10 mL (50 mg)", (time(8), time(20)),
        _twice_daily,
        ("Usual label dose: 10 mL (50 mg) every 12 hours, by mouth or through a feeding tube. "
         + FOLLOW,
         "Shake for at least 30 seconds; use within 15 days of opening.", *_RILUZOLE_NOTES),
        RILUZOLE_SOURCE, ("riluzole suspension", "tiglutik", "teglutik"),
    ),
    Preset(
        "edaravone-iv", "Edaravone IV", "60 mg infusion", (time(9),), _edaravone,
        ("Usual label schedule: 60 mg by infusion daily for 14 days, then 14 days off; later "
         "cycles 10 of 14 days, then 14 days off. " + FOLLOW, *_EDARAVONE_NOTES),
        EDARAVONE_SOURCE, ("edaravone iv", "radicava"),
    ),
    Preset(
        "edaravone-oral", "Edaravone oral", "105 mg (5 mL)", (time(8),), _edaravone,
        ("Usual label schedule: 105 mg (5 mL) by mouth or feeding tube, in the same 28-day "
         "cycles as the infusion. " + FOLLOW,
         "Give in the morning on an empty stomach: at least 8 hours after a high-fat meal, "
         "4 hours after a low-fat meal, or 2 hours after a small (about 250 kcal) supplement.",
         "After the dose: nothing but water for at least 1 hour.",
         "Shake for at least 30 seconds and use the syringe supplied.", *_EDARAVONE_NOTES),
        EDARAVONE_SOURCE, ("edaravone oral", "radicava ors"),
    ),
    Preset(
        "tofersen", "Tofersen", "100 mg (15 mL) intrathecal", (time(10),), _tofersen,
        ("For ALS with a SOD1 change only. Usual label schedule: 100 mg by lumbar puncture; three "
         "loading doses 14 days apart, then one every 28 days. " + FOLLOW,
         "A missed dose is usually given as soon as possible and the later dates move (the 3rd "
         "loading dose 14 days after a late 2nd; the next dose 28 days after a late 3rd or "
         "maintenance dose). Ask the team, then update the dates with `caretool med edit`.",
         "After a dose, report headache, neck stiffness, changes in vision, back or leg pain, "
         "or new weakness."),
        TOFERSEN_SOURCE, ("tofersen", "qalsody"),
    ),
    Preset(
        "nuedexta", "Nuedexta", "1 capsule (20 mg/10 mg)", (time(8), time(20)), _nuedexta,
        ("Usual label schedule: 1 capsule a day for 7 days, then 1 every 12 hours; never more "
         "than 2 capsules in 24 hours. " + FOLLOW,
         "With or without food.",
         "Needs an ECG and potassium/magnesium checks. It does not mix with MAOIs (within 14 "
         "days), quinidine, quinine or mefloquine: the pharmacist must see the full list."),
        NUEDEXTA_SOURCE, ("nuedexta", "dextromethorphan/quinidine"),
    ),
)}


def get(key: str) -> Preset:
    preset = PRESETS.get(key.strip().lower())
    if preset is None:
        raise BadInput(f"there is no preset {key.strip()!r}", f"presets: {', '.join(PRESETS)}")
    return preset


def matching(name: str) -> Preset | None:
    """The preset a medication name clearly refers to (e.g. 'Rilutek' -> riluzole)."""
    key = name_key(name)
    for preset in PRESETS.values():
        if key == preset.key or key in preset.aliases:
            return preset
    return None


# --- notes shown when a dose is recorded (at most once a day per medicine) ------------------
@dataclass(frozen=True)
class DoseNote:
    title: str
    text: str
    source: str
    within_days: int | None = None  # only this many days after the medicine's start


DOSE_NOTES: dict[str, DoseNote] = {
    "riluzole": DoseNote(
        "Riluzole, first months",
        "Watch for fever: report any fever or feverish illness to the care team today "
        "(riluzole can rarely lower white blood cells, mostly in the first 2 months).",
        RILUZOLE_SOURCE, within_days=90),
    "edaravone-oral": DoseNote(
        "Oral edaravone", "Nothing but water for at least 1 hour after the dose.", EDARAVONE_SOURCE),
    "tofersen": DoseNote(
        "After tofersen",
        "Report headache, neck stiffness, changes in vision, back or leg pain, or new weakness.",
        TOFERSEN_SOURCE),
}
DOSE_NOTES["riluzole-suspension"] = DOSE_NOTES["riluzole"]
