"""A made-up household with realistic entries: for `caretool demo` and the benchmark generator.

Deterministic: the same (start, end, caregivers, seed, per_day, now) and time zone give the same
household and entries, ids included: every random choice comes from one seeded random.Random.

The story, whatever the length: Min-jun, in phase 2 and moving into phase 3, is cared for by
a tired spouse (long days, broken nights, poor sleep, high stress, almost no breaks), a son who
helps in the evenings and at weekends, and a paid helper three mornings a week (more caregivers
help now and then). Symptoms slowly worsen, a few new ones appear, twitching fades, weight drifts
down. Riluzole (preset) and baclofen are given with a few missed and skipped doses. In the last
complete week there is a choking episode and a fall (red-flag warnings) and the phase changes.

Entries are built in memory and stored in one insert per month (no per-entry store reads), so
years of data take seconds. They pass the entry kinds' validation. Warnings are not stored: like
every other entry's, they are worked out when a command reads the entries.

The family's own words (notes, skip reasons) are written in the language caretool speaks when the
sample is built, as a family would type them.
"""

from __future__ import annotations

import math
import random
import tempfile
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from caretool.core import dates
from caretool.core.errors import BadInput
from caretool.core.messages import N_, _, language, msg
from caretool.domain.burnout import selfcheck
from caretool.domain.entries import service as entries
from caretool.domain.entries.model import Entry, Record, validate
from caretool.domain.household.model import Caregiver, Household

PERSON = "Min-jun"
CAREGIVERS = (
    ("Ji-woo", N_("spouse")),
    ("Daniel", N_("son")),
    ("Maria", N_("paid helper")),
    ("Sung-min", N_("brother")),
    ("Ana", N_("friend")),
)
BACLOFEN = "Baclofen"
# The family's names as a Korean family would write them, for a sample built in Korean (the
# notes say 민준 씨 and 도윤이 where the English ones say Min-jun and Daniel).
NAMES_IN = {
    "ko": {"Min-jun": "민준", "Ji-woo": "지우", "Daniel": "도윤", "Maria": "순자", "Sung-min": "성민",
           "Ana": "하나", "Baclofen": "바클로펜"},
}


def named(name: str) -> str:
    """A sample name in the language the sample is built in (English: as written above)."""
    return NAMES_IN.get(language(), {}).get(name, name)

DEMO_DAYS = 42
DEMO_SPAN = timedelta(days=DEMO_DAYS - 1)  # the first demo day, counted back from today
DEFAULT_PER_DAY = 12

CAREGIVERS_OUT_OF_RANGE = msg("demo.caregivers-out-of-range",
                              "the sample has 1 to {most} caregivers, not {count}")
CAREGIVERS_HINT = msg("demo.caregivers-out-of-range.hint", "use --caregivers 1-{most}")
HAS_HOUSEHOLD = msg("demo.has-household", "{home} already has a household")
HAS_HOUSEHOLD_HINT = msg("demo.has-household.hint", "build the sample in an empty folder")
NOT_EMPTY = msg("demo.not-empty", "{folder} is not an empty folder")
NOT_EMPTY_HINT = msg("demo.not-empty.hint",
                     "give a new or empty folder to --home, or leave it out for a temporary one")


@dataclass(frozen=True)
class Course:
    """How one symptom goes over the sample: from `onset` (a fraction of the range) its severity
    moves from `first` to `last`, give or take `jitter`; from `fades` on it is gone."""

    name: str
    onset: float
    first: float
    last: float
    jitter: float = 0.35
    fades: float | None = None


COURSES = (
    Course("leg-weakness", 0.0, 1.0, 2.4),
    Course("grip", 0.0, 1.0, 1.8),
    Course("cramps", 0.0, 0.6, 1.2, jitter=0.6),
    Course("fatigue", 0.0, 1.0, 1.6, jitter=0.5),
    Course("twitching", 0.0, 1.0, 1.0, fades=0.72),
    Course("stiffness", 0.3, 1.0, 1.4),
    Course("slurred-speech", 0.6, 1.0, 1.3),
)
NOTES = (
    N_("The physiotherapist came; new stretches for the legs, twice a day."),
    N_("Long wait at the clinic. Min-jun was exhausted afterwards."),
    N_("Ordered a shower chair and a raised toilet seat."),
    N_("Soups and yoghurt go down more easily than bread now."),
    N_("Daniel took him to the park in the wheelchair for an hour."),
    N_("Cousins visited on Sunday; a good, tiring afternoon."),
    N_("He found buttons hard this morning; we tried the new shirt with magnets."),
    N_("Slept badly, woke three times to be turned."),
    N_("Talked about whether to stop driving altogether."),
    N_("The occupational therapist will visit next week about the bathroom."),
    N_("Laughed a lot at an old film tonight."),
    N_("Forgot to order baclofen; pharmacy delivered it the next day."),
)
SKIP_REASONS = (N_("nausea"), N_("asleep"), N_("refused"), N_("vomited"))
PHASE_NOTE = N_("needs help with washing and dressing now")
# The care team and the household's care papers (the emergency sheet shows them). Names and numbers
# are made up (555 numbers are not in use); the team names are the family's words, translated.
CARE_TEAM = (
    ("respiratory", N_("Hanbit Hospital breathing team"), "02-555-0142", N_("24 hours")),
    ("mnd-nurse", N_("ALS clinic nurse, Hanbit Hospital"), "02-555-0117", N_("Mon-Fri 9-17")),
    ("neurologist", N_("Dr Lee, ALS clinic"), "02-555-0107", N_("Mon-Fri 9-17")),
    ("gp", N_("Dr Choi, family clinic"), "031-555-0188", ""),
    ("health-centre", N_("Local public health centre"), "031-555-0160", N_("weekdays")),
)
SUPPLIER = ("supplier", N_("Breathing equipment supplier"), "080-555-0199", N_("24 hours"))
ALLERGIES = N_("none known")
DECISIONS_DOCUMENT = N_("blue folder in the kitchen drawer, with a copy at the clinic")
COMMUNICATION = N_("letter board and eye-gaze tablet; one blink means yes, two mean no")
COMMUNICATION_EARLY = N_("still speaks, slowly; types on a phone when tired")
NIV_SETTINGS = N_("IPAP 14, EPAP 5, backup rate 12, full face mask")
PEG_SETTINGS = N_("balloon gastrostomy, size 16 Fr, 5 mL water in the balloon")
COUGH_SETTINGS = N_("+40 / -40 cmH2O, 5 cycles, 3 times a day")
EXTRA_LOG_NOTE = N_("noticed during the day")
BACLOFEN_NOTE = N_("for cramps and stiffness")


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass
class _Builder:
    rng: random.Random
    household: Household
    start: date
    end: date
    now: datetime
    per_day: int
    doses_by_day: dict[date, list[tuple[Record, datetime]]]
    records: list[Record] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.days = (self.end - self.start).days + 1
        self.report_monday = _monday(self.end) - timedelta(days=7)
        self.carers = self.household.caregivers

    # --- helpers --------------------------------------------------------------------------
    def uid(self) -> str:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4).hex

    def moment(self, day: date, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(day, time(hour, minute)).astimezone()

    def add(self, kind: str, fields: dict[str, Any], at: datetime, who: Caregiver | None,
            source: str = "checkin") -> Record | None:
        if at > self.now:
            return None
        entry = Entry(kind=kind, at=at, fields=validate(kind, fields), caregiver=who.id if who else None,
                      id=self.uid(), created=dates.iso(at), source=source)
        record = entry.to_record()
        self.records.append(record)
        return record

    def fraction(self, day: date) -> float:
        return (day - self.start).days / max(1, self.days - 1)

    # --- the story ------------------------------------------------------------------------
    def severity(self, course: Course, day: date) -> int | None:
        t = self.fraction(day)
        if t < course.onset:
            return None
        if course.fades is not None and t >= course.fades:
            return 0 if t < course.fades + 0.05 else None
        progress = (t - course.onset) / max(1e-9, 1 - course.onset)
        value = course.first + (course.last - course.first) * progress
        value += self.rng.uniform(-course.jitter, course.jitter)
        return max(0, min(3, round(value)))

    def symptoms_today(self, day: date) -> dict[str, int]:
        found = {}
        for course in COURSES:
            value = self.severity(course, day)
            if value is not None:
                found[course.name] = value
        week = self.report_monday
        if self.days <= 120:  # the demo's story around the report week (the last complete one)
            found.pop("twitching", None)
            found.pop("slurred-speech", None)
            if day < week - timedelta(days=1):
                found["twitching"] = 1
            elif day <= week + timedelta(days=1):
                found["twitching"] = 0
            if day >= week - timedelta(days=4):
                found["slurred-speech"] = 1
            if day >= week + timedelta(days=1):
                found["swallowing"] = 1 if day < week + timedelta(days=10) else 2
            if day >= week and "leg-weakness" in found:
                found["leg-weakness"] = max(found["leg-weakness"], 2)
            if week - timedelta(days=7) <= day < week and "leg-weakness" in found:
                found["leg-weakness"] = 1
        elif self.fraction(day) > 0.5:
            found["swallowing"] = min(3, 1 + round(2 * (self.fraction(day) - 0.5)))
        if day == week + timedelta(days=2) or (self.days > 120 and self.rng.random() < 0.01):
            found["choking"] = 1
        if day == week + timedelta(days=4) or (self.days > 120 and self.rng.random() < 0.008):
            found["falls"] = 1
        return found

    def weight(self, day: date) -> float:
        elapsed = (day - self.start).days
        return round(74.0 - 6.0 * (1 - math.exp(-elapsed / 60)) + self.rng.uniform(-0.25, 0.25), 1)

    def day(self, day: date) -> None:
        rng = self.rng
        spouse = self.carers[0]
        checked_in = rng.random() < 0.88 or day == self.end
        if self.days <= 120 and self.report_monday <= day < self.report_monday + timedelta(days=7):
            checked_in = day != self.report_monday + timedelta(days=5)  # 6 of 7 days in the report week
        before = len(self.records)
        evening = self.moment(day, 21, rng.randrange(0, 50))
        if checked_in:
            for name, value in self.symptoms_today(day).items():
                self.add("symptom", {"name": name, "severity": value}, evening, spouse)
        if day.weekday() == 5 or day == self.start:
            self.add("weight", {"kg": self.weight(day)}, self.moment(day, 8, 10), spouse, source="log")
        self.hours_and_wellbeing(day, evening, checked_in)
        self.doses(day, checked_in)
        if rng.random() < 0.3:
            who = rng.choice(self.carers[:2])
            self.add("note", {"text": _(rng.choice(NOTES))}, self.moment(day, 21, 55), who,
                     source="checkin" if checked_in else "log")
        if day.weekday() == 6:
            self.selfchecks(day)
        if self.household.equipment:
            self.care_logs(day)
        self.pad(day, len(self.records) - before)

    def hours_and_wellbeing(self, day: date, evening: datetime, checked_in: bool) -> None:
        rng = self.rng
        weekend = day.weekday() >= 5
        plan: list[tuple[int, float, str]] = []  # (caregiver index, hours, task)
        plan.append((0, rng.choice((8, 9, 9.5, 10, 11)), "personal-care"))
        if len(self.carers) > 1:
            plan.append((1, rng.choice((5, 6)) if weekend else rng.choice((1.5, 2, 2.5, 3)), "supervision"))
        if len(self.carers) > 2 and day.weekday() in (0, 2, 4):
            plan.append((2, 4, "personal-care"))
        for index in range(3, len(self.carers)):
            if rng.random() < 0.3:
                plan.append((index, rng.choice((1, 2, 3)), rng.choice(("transport", "household"))))
        for index, hours, task in plan:
            who = self.carers[index]
            source = "log" if index == 2 or not checked_in else "checkin"
            self.add("hours", {"hours": hours, "task": task}, evening, who, source=source)
            if index == 0:
                stress = rng.choice((7, 8, 8, 9))
                sleep = rng.choice((4, 4.5, 5, 5.5, 6))
                took_break = rng.random() < 0.05
            else:
                stress = rng.choice((2, 3, 4, 5))
                sleep = rng.choice((6.5, 7, 7.5, 8))
                took_break = rng.random() < 0.6
            if index != 2 and (checked_in or index != 0):
                self.add("wellbeing", {"sleep_hours": sleep, "stress": stress, "took_break": took_break},
                         evening, who, source=source)
        if rng.random() < 0.6:  # broken nights: the spouse turns and settles him
            self.add("hours", {"hours": rng.choice((1.5, 2, 2.5, 3)), "task": "night-care", "night": True},
                     self.moment(day, 6, 45), self.carers[0], source="log")

    def doses(self, day: date, checked_in: bool) -> None:
        rng = self.rng
        # by the medicine's place in the list (0 riluzole, 1 baclofen): its name depends on the language
        story = {(1, 1, 8): 0.04, (3, 0, 20): 0.0, (5, 1, 14): 0.0}
        order = {m["id"]: i for i, m in enumerate(self.household.medications)}
        offset = (day - self.report_monday).days
        for med, slot in self.doses_by_day.get(day, []):
            roll = rng.random()
            if self.days <= 120 and 0 <= offset < 7:  # the report week: a skipped and two missed doses
                roll = story.get((offset, order.get(med["id"], -1), slot.hour), 0.5)
            if roll < 0.03:
                continue  # missed: nothing recorded
            helper = len(self.carers) > 2 and day.weekday() in (0, 2, 4) and 9 <= slot.hour <= 14
            who = self.carers[2] if helper else self.carers[0]
            status = "skipped" if roll < 0.045 else "taken"
            fields = {"medication": med["name"], "status": status, "scheduled_for": dates.iso(slot),
                      "reason": _(rng.choice(SKIP_REASONS)) if status == "skipped" else "",
                      "extra": False, "dose": med["dose"]}
            at = slot + timedelta(minutes=rng.randrange(0, 40))
            source = "checkin" if checked_in and who is self.carers[0] else "log"
            self.add("dose", fields, at, who, source=source)

    def selfchecks(self, day: date) -> None:
        for index, who in enumerate(self.carers[:2]):
            high = index == 0
            # never the answer that asks for crisis help: the sample's caregivers are tired, not in danger
            answers = {q.id: (0 if selfcheck.needs_crisis_help({q.id: 1})
                              else self.rng.choice((2, 3) if high else (0, 1)))
                       for q in selfcheck.QUESTIONS}
            self.add("selfcheck", {"answers": answers}, self.moment(day, 22, 15), who, source="selfcheck")

    def pad(self, day: date, made: int) -> None:
        """Extra symptom logs during the day, so the average reaches per_day entries."""
        extra = self.per_day - made
        if extra <= 0:
            return
        names = [c.name for c in COURSES[:4]]
        for i in range(extra):
            name = names[i % len(names)]
            value = self.severity(COURSES[i % 4], day)
            if value is None:
                continue
            self.add("symptom", {"name": name, "severity": value, "note": _(EXTRA_LOG_NOTE)},
                     self.moment(day, 10 + (i % 9), (7 * i) % 60), self.carers[0], source="log")

    def care_logs(self, day: date) -> None:
        """The machines' use once they are in use (the phase-4/5 sample): feeds by tube, NIV at night,
        cough assist. A random of its own, so the rest of the sample stays as it was."""
        rng, spouse = self.care_rng, self.carers[0]
        in_use = {i["type"] for i in self.household.equipment
                  if not i.get("since") or i["since"] <= day.isoformat()}
        if "peg" in in_use:
            for hour in (8, 12, 17, 21):
                self.add("feed", {"ml": rng.choice((200, 250, 250, 300)), "via": "peg"},
                         self.moment(day, hour, 30), spouse, source="log")
        if "niv" in in_use:
            self.add("niv", {"hours": rng.choice((6, 6.5, 7, 7.5, 7.5, 8)), "night": True},
                     self.moment(day, 7, 5), spouse)
        if "cough-assist" in in_use:
            self.add("cough-assist", {"sessions": rng.choice((2, 3, 3))}, self.moment(day, 20, 30), spouse)

    def run(self) -> list[Record]:
        self.care_rng = random.Random(f"care-{self.start.isoformat()}")
        for i in range(self.days):
            self.day(self.start + timedelta(days=i))
        return self.records


def _household(rng: random.Random, start: date, end: date, caregivers: int) -> Household:
    if not 1 <= caregivers <= len(CAREGIVERS):
        raise BadInput(CAREGIVERS_OUT_OF_RANGE(most=len(CAREGIVERS), count=caregivers),
                       CAREGIVERS_HINT(most=len(CAREGIVERS)))
    joined = (start - timedelta(days=200)).isoformat()
    carers = [Caregiver(name=named(name), relation=_(relation), added=joined,
                        id=uuid.UUID(int=rng.getrandbits(128), version=4).hex)
              for name, relation in CAREGIVERS[:caregivers]]
    household = Household(
        person={"name": named(PERSON), "born": "1961-05-14",
                "onset": (start - timedelta(days=420)).isoformat(),
                "diagnosed": (start - timedelta(days=240)).isoformat()},
        caregivers=carers,
        settings={"default_caregiver": carers[0].id},
    )
    household.phases.append({"phase": 2, "at": (start - timedelta(days=200)).isoformat(), "note": ""})
    days = (end - start).days + 1
    if days > 120:
        for phase, share in ((3, 0.3), (4, 0.6), (5, 0.85)):
            household.phases.append({"phase": phase, "note": "",
                                     "at": (start + timedelta(days=int(days * share))).isoformat()})
    else:
        change = _monday(end) - timedelta(days=7) + timedelta(days=3)
        if start < change <= end:
            household.phases.append({"phase": 3, "at": change.isoformat(), "note": _(PHASE_NOTE)})
    return household


def _care_papers(household: Household, start: date, end: date) -> None:
    """The care team's contacts, and for a sample that reaches the swallowing and breathing phases
    the machines in use and the advance decisions, so `caretool sheet` shows a complete sheet. Ids
    are derived from the sample's dates, not drawn from its random, so the entries stay as they were."""
    def uid(what: str) -> str:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"caretool-sample:{start}:{what}").hex

    joined = (start - timedelta(days=200)).isoformat()
    phase_from = {int(p["phase"]): str(p["at"])[:10] for p in household.phases}
    late = phase_from.get(4) is not None
    team = [*CARE_TEAM, SUPPLIER] if late else list(CARE_TEAM)
    household.contacts = [{"id": uid(f"contact-{role}"), "name": _(name), "role": role, "phone": phone,
                           "email": "", "hours": _(hours) if hours else "", "note": "", "added": joined}
                          for role, name, phone, hours in team]
    household.person["allergies"] = _(ALLERGIES)
    household.person["communication"] = _(COMMUNICATION_EARLY)
    household.settings["feeding"] = "mouth"

    def item(kind: str, since: str, model: str = "", settings: str = "",
             supplier: str | None = None) -> Record:
        return {"id": uid(f"equipment-{kind}"), "type": kind, "model": model, "settings": settings,
                "since": since, "supplier": supplier, "retired": None, "added": since}

    household.equipment = [item("wheelchair", joined, "Manual folding wheelchair")]
    decided = (start - timedelta(days=60)).isoformat()
    household.decisions = {"resuscitation": "attempt", "ventilation": "niv-only", "feeding_tube": "yes",
                           "decided": decided, "document": _(DECISIONS_DOCUMENT), "lst_registered": False,
                           "note": "", "updated": decided}
    if not late:
        return
    supplier = uid("contact-supplier")
    four = date.fromisoformat(phase_from[4])
    five = date.fromisoformat(phase_from.get(5) or end.isoformat())
    household.equipment += [
        item("peg", (four + timedelta(days=20)).isoformat(), settings=_(PEG_SETTINGS)),
        item("communication-aid", (four + timedelta(days=30)).isoformat(), "Eye-gaze tablet"),
        item("niv", five.isoformat(), "ResMed Lumis 150", _(NIV_SETTINGS), supplier),
        item("cough-assist", (five + timedelta(days=10)).isoformat(), "Philips E70", _(COUGH_SETTINGS),
             supplier),
        item("suction", (five + timedelta(days=20)).isoformat(), "Portable suction unit", "", supplier),
    ]
    household.equipment = [i for i in household.equipment if i["since"] <= end.isoformat()]
    household.person["communication"] = _(COMMUNICATION)
    household.settings["feeding"] = "tube-and-mouth"
    household.decisions.update(resuscitation="do-not-attempt", lst_registered=True,
                               decided=(five - timedelta(days=14)).isoformat())


def _medications(store: Any, start: date, now: datetime) -> None:
    """Riluzole (its preset) and baclofen, added the way `caretool med add` adds them."""
    from caretool.domain.meds import service as meds

    first = start.isoformat()
    meds.add(store, name=None, dose=None, flags=meds.ScheduleFlags(preset="riluzole"), start=first, now=now)
    meds.add(store, name=named(BACLOFEN), dose="10 mg", flags=meds.ScheduleFlags(times="08:00,14:00,20:00"),
             start=first, note=_(BACLOFEN_NOTE), now=now)
    for _added in range(2):  # setting up the sample is not something to undo
        store.pop_undo()


def _doses_by_day(household: Household, start: date, end: date) -> dict[date, list[tuple[Record, datetime]]]:
    from caretool.domain.meds import service as meds

    found: dict[date, list[tuple[Record, datetime]]] = {}
    for med in household.medications:
        for slot in meds.slots(med, start, end):
            found.setdefault(slot.date(), []).append((med, slot))
    for items in found.values():
        items.sort(key=lambda item: item[1])
    return found


def build(store: Any, *, start: date, end: date, caregivers: int = 3, seed: int = 7,
          per_day: int = DEFAULT_PER_DAY, now: datetime | None = None) -> dict[str, Any]:
    """Fill an empty data home with the sample household from `start` to `end` (not past now).

    `store` is a caretool.store.Store opened for writing. `per_day` is the average number of
    entries a day: the daily core (symptoms, care hours, wellbeing, doses) is always written, and
    extra symptom logs are added on days with fewer. An empty period (start after end) sets up
    the household and its medications without entries. Returns a short summary.
    """
    if store.has_household():
        raise BadInput(HAS_HOUSEHOLD(home=str(store.home)), HAS_HOUSEHOLD_HINT)
    now = now or dates.now()
    end = min(end, now.date())
    rng = random.Random(seed)
    made = _household(rng, start, end, caregivers)
    _care_papers(made, start, end)
    if language() != "en":  # exploring the sample afterwards stays in the language it was made in
        made.settings["lang"] = language()
    store.save_household(made.to_tables())
    _medications(store, min(start, end), now)
    household = entries.load(store)
    for med in household.medications:  # meds.add gives random ids; the sample's are seeded
        med["id"] = uuid.UUID(int=rng.getrandbits(128), version=4).hex
        med["added"] = dates.iso(now)
    doses = _doses_by_day(household, start, end)
    records = _Builder(rng, household, start, end, now, per_day, doses).run()
    by_month: dict[str, list[Record]] = {}
    for record in records:
        by_month.setdefault(record["day"][:7], []).append(record)
    for key in sorted(by_month):
        store.insert(by_month[key])
    store.save_household(household.to_tables())
    return {"start": start.isoformat(), "end": end.isoformat(), "records": len(records),
            "caregivers": [c.name for c in household.caregivers],
            "medications": [m["name"] for m in household.medications]}


# --- the demo -----------------------------------------------------------------------------
@dataclass
class Demo:
    home: Path
    today: dict[str, Any]
    report: dict[str, Any]
    summary: dict[str, Any]


def empty_folder(home: str | None) -> Path:
    """`home` if it is new or empty, else a new temporary folder when no home was given."""
    if not home:
        return Path(tempfile.mkdtemp(prefix="caretool-demo-"))
    folder = Path(home).expanduser()
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise BadInput(NOT_EMPTY(folder=str(folder)), NOT_EMPTY_HINT)
    return folder
