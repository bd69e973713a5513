"""Presets: the usual labelled schedules of ALS medicines, with short administration notes.

Facts from the labels in docs/clinical-sources.md ("Medicines (labels)"), paraphrased; each preset
cites its anchor. A preset describes the labelled schedule only: the prescriber's instructions
always win, and every preset says so. Names, doses and notes are Messages; the name and dose are
rendered once, when a medicine is added from a preset, and are the family's own words from then on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import time

from caretool.core.errors import BadInput
from caretool.core.messages import Message, msg
from caretool.core.text import name_key
from caretool.domain.meds.schedule import Rule, timed

FOLLOW = msg("preset.follow", "This is the usual labelled schedule; follow the prescriber's instructions.")
RILUZOLE_SOURCE = msg("preset.source.riluzole",
                      "Riluzole prescribing information (Rilutek FDA label; Tiglutik/Teglutik labels)")
EDARAVONE_SOURCE = msg("preset.source.edaravone",
                       "Edaravone prescribing information (Radicava IV and Radicava ORS)")
TOFERSEN_SOURCE = msg("preset.source.tofersen",
                      "Tofersen (Qalsody) FDA prescribing information, section 2.1; EMA SmPC")
NUEDEXTA_SOURCE = msg("preset.source.nuedexta",
                      "Dextromethorphan/quinidine (Nuedexta) prescribing information")
NO_PRESET = msg("preset.unknown", "there is no preset {name!r}")
NO_PRESET_HINT = msg("preset.unknown.hint", "presets: {presets}")
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
    name: Message
    dose: Message
    times: tuple[time, ...]
    plan: Callable[[Sequence[time]], list[Rule]]
    notes: tuple[Message, ...]
    source: Message
    source_id: str  # the anchor in docs/clinical-sources.md
    aliases: tuple[str, ...] = ()

    def rules(self, times: Sequence[time] = ()) -> list[Rule]:
        return self.plan(list(times) or list(self.times))


_RILUZOLE_NOTES = (
    msg("preset.riluzole.meals", "Give at least 1 hour before or 2 hours after a meal."),
    msg("preset.riluzole.liver",
        "Liver blood tests: usually monthly for the first 3 months, then from time to time."),
    msg("preset.riluzole.fever",
        "Report any fever or feverish illness to the care team: rarely, riluzole lowers "
        "the white blood cells, mostly in the first 2 months."),
)
_EDARAVONE_NOTES = (
    msg("preset.edaravone.later-cycles",
        "Later cycles: 10 doses within the first 14 days; caretool schedules days "
        "1-10. If your team uses other days, change them with `caretool med edit`."),
    msg("preset.edaravone.sulfite",
        "It contains a sulfite: tell the team about any sulfite allergy, and watch for "
        "allergic reactions (rash, swelling, breathing trouble)."),
)

PRESETS: dict[str, Preset] = {p.key: p for p in (
    Preset(
        "riluzole", msg("preset.riluzole", "Riluzole"), msg("preset.riluzole.dose", "50 mg tablet"),
        (time(8), time(20)), _twice_daily,
        (msg("preset.riluzole.usual", "Usual label dose: 50 mg every 12 hours."), FOLLOW, *_RILUZOLE_NOTES),
        RILUZOLE_SOURCE, "riluzole-label", ("riluzole", "rilutek"),
    ),
    Preset(
        "riluzole-suspension", msg("preset.riluzole-suspension", "Riluzole suspension"),
        msg("preset.riluzole-suspension.dose", "10 mL (50 mg)"), (time(8), time(20)), _twice_daily,
        (msg("preset.riluzole-suspension.usual",
             "Usual label dose: 10 mL (50 mg) every 12 hours, by mouth or "
             "through a feeding tube."), FOLLOW,
         msg("preset.riluzole-suspension.shake",
             "Shake for at least 30 seconds; use within 15 days of opening."),
         *_RILUZOLE_NOTES),
        RILUZOLE_SOURCE, "tiglutik-label", ("riluzole suspension", "tiglutik", "teglutik"),
    ),
    Preset(
        "edaravone-iv", msg("preset.edaravone-iv", "Edaravone IV"),
        msg("preset.edaravone-iv.dose", "60 mg infusion"), (time(9),), _edaravone,
        (msg("preset.edaravone-iv.usual",
             "Usual label schedule: 60 mg by infusion daily for 14 days, then 14 days "
             "off; later cycles 10 of 14 days, then 14 days off."), FOLLOW, *_EDARAVONE_NOTES),
        EDARAVONE_SOURCE, "radicava-label", ("edaravone iv", "radicava"),
    ),
    Preset(
        "edaravone-oral", msg("preset.edaravone-oral", "Edaravone oral"),
        msg("preset.edaravone-oral.dose", "105 mg (5 mL)"), (time(8),), _edaravone,
        (msg("preset.edaravone-oral.usual",
             "Usual label schedule: 105 mg (5 mL) by mouth or feeding tube, in the "
             "same 28-day cycles as the infusion."), FOLLOW,
         msg("preset.edaravone-oral.fasting",
             "Give in the morning on an empty stomach: at least 8 hours after a high-fat meal, "
             "4 hours after a low-fat meal, or 2 hours after a small (about 250 kcal) supplement."),
         msg("preset.edaravone-oral.after", "After the dose: nothing but water for at least 1 hour."),
         msg("preset.edaravone-oral.shake", "Shake for at least 30 seconds and use the syringe supplied."),
         *_EDARAVONE_NOTES),
        EDARAVONE_SOURCE, "radicava-label", ("edaravone oral", "radicava ors"),
    ),
    Preset(
        "tofersen", msg("preset.tofersen", "Tofersen"),
        msg("preset.tofersen.dose", "100 mg (15 mL) intrathecal"), (time(10),), _tofersen,
        (msg("preset.tofersen.usual",
             "For ALS with a SOD1 change only. Usual label schedule: 100 mg by lumbar "
             "puncture; three loading doses 14 days apart, then one every 28 days."), FOLLOW,
         msg("preset.tofersen.missed",
             "A missed dose is usually given as soon as possible and the later dates "
             "move (the 3rd loading dose 14 days after a late 2nd; the next dose 28 days after a late 3rd or "
             "maintenance dose). Ask the team, then update the dates with `caretool med edit`."),
         msg("preset.tofersen.report",
             "After a dose, report headache, neck stiffness, changes in vision, back or "
             "leg pain, or new weakness.")),
        TOFERSEN_SOURCE, "qalsody-label", ("tofersen", "qalsody"),
    ),
    Preset(
        "nuedexta", msg("preset.nuedexta", "Nuedexta"),
        msg("preset.nuedexta.dose", "1 capsule (20 mg/10 mg)"), (time(8), time(20)), _nuedexta,
        (msg("preset.nuedexta.usual",
             "Usual label schedule: 1 capsule a day for 7 days, then 1 every 12 hours; "
             "never more than 2 capsules in 24 hours."), FOLLOW,
         msg("preset.nuedexta.food", "With or without food."),
         msg("preset.nuedexta.checks",
             "Needs an ECG and potassium/magnesium checks. It does not mix with MAOIs "
             "(within 14 days), quinidine, quinine or mefloquine: the pharmacist must see the full list.")),
        NUEDEXTA_SOURCE, "nuedexta-label", ("nuedexta", "dextromethorphan/quinidine"),
    ),
)}


def get(key: str) -> Preset:
    preset = PRESETS.get(key.strip().lower())
    if preset is None:
        raise BadInput(NO_PRESET(name=key.strip()), NO_PRESET_HINT(presets=", ".join(PRESETS)))
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
    title: Message
    text: Message
    source: Message
    source_id: str  # the anchor in docs/clinical-sources.md
    within_days: int | None = None  # only this many days after the medicine's start


DOSE_NOTES: dict[str, DoseNote] = {
    "riluzole": DoseNote(
        msg("dose-note.riluzole.title", "Riluzole, first months"),
        msg("dose-note.riluzole.fever",
            "Watch for fever: report any fever or feverish illness to the care team "
            "today (riluzole can rarely lower white blood cells, mostly in the first 2 months)."),
        RILUZOLE_SOURCE, "riluzole-label", within_days=90),
    "edaravone-oral": DoseNote(
        msg("dose-note.edaravone-oral.title", "Oral edaravone"),
        msg("dose-note.edaravone-oral.fasting", "Nothing but water for at least 1 hour after the dose."),
        EDARAVONE_SOURCE, "radicava-label"),
    "tofersen": DoseNote(
        msg("dose-note.tofersen.title", "After tofersen"),
        msg("dose-note.tofersen.report",
            "Report headache, neck stiffness, changes in vision, back or leg pain, "
            "or new weakness."),
        TOFERSEN_SOURCE, "qalsody-label"),
}
DOSE_NOTES["riluzole-suspension"] = DOSE_NOTES["riluzole"]
