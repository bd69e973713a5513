"""Creating and updating the household, and the checks each `init` answer must pass.

The checks are separate functions so the `init` interview (household/interview.py) runs each one
at its own question and asks again, and `init` with flags runs the same ones before saving.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from caretool.core import dates
from caretool.core.errors import BadInput, NotFound
from caretool.core.messages import Message, msg
from caretool.core.text import clean_name, name_key
from caretool.domain.entries import kinds
from caretool.domain.entries import service as entries
from caretool.domain.household import settings
from caretool.domain.household.model import CAREGIVER_NAME, Caregiver, Household, check_phase

INIT_LABEL = msg("change.init", "set up the household")
INIT_UPDATE_LABEL = msg("change.init-update", "update the household (init)")
CAREGIVER_ADDED = msg("change.caregiver-add", "add caregiver {name}")
CAREGIVER_REMOVED = msg("change.caregiver-remove", "remove caregiver {name}")
CAREGIVER_DEFAULT = msg("change.caregiver-default", "make {name} the default caregiver")

PERSON_NAME = msg("field.person-name", "person's name")
BORN = msg("field.born", "date of birth")
ONSET = msg("field.onset", "onset date")
DIAGNOSED = msg("field.diagnosed", "diagnosis date")
NAME_MISSING = msg("init.name-missing", "the name of the person you care for is missing")
NAME_MISSING_HINT = msg("init.name-missing.hint", "add --person NAME")
DAY_IN_FUTURE = msg("init.day-in-future", "the {what} {day} is in the future")
CHECK_DATE = msg("init.check-date", "check the date")
BEFORE_BORN = msg("init.before-born", "the {what} ({day}) is before the date of birth ({born})")
DIAGNOSED_BEFORE_ONSET = msg("init.diagnosed-before-onset",
                             "the diagnosis ({diagnosed}) is before the first symptoms ({onset})")
CHECK_BOTH = msg("init.check-both", "check the two dates")
NOT_A_CAREGIVER = msg("init.default-not-a-caregiver", "{name!r} is not one of the caregivers")
NOT_A_CAREGIVER_HINT = msg("init.default-not-a-caregiver.hint", "choose one of: {names}")
ALLERGIES = msg("field.allergies", "allergies")
COMMUNICATION = msg("field.communication", "communication")
CONTACT_FORMAT = msg("init.contact-format", "--contact {text!r} is not ROLE=NAME=PHONE")
CONTACT_FORMAT_HINT = msg("init.contact-format.hint",
                          "write it as --contact 'respiratory=SNUH breathing team=02-2072-2114'")


@dataclass
class InitAnswers:
    person: str | None = None
    born: str | None = None
    onset: str | None = None
    diagnosed: str | None = None
    caregivers: list[str] = field(default_factory=list)
    phase: int | None = None
    weight_at_diagnosis: str | None = None  # kg
    default: str | None = None  # the caregiver who uses this computer
    height_cm: str | None = None  # household setting (for BMI): caretool.domain.household.settings
    birth_year: str | None = None  # household setting, when the date of birth is not given
    allergies: str | None = None  # as typed ("none known" is an answer)
    communication: str | None = None  # how the person communicates when speech is gone
    contacts: list[dict[str, str]] = field(default_factory=list)  # the care team (contact fields)
    lang: str | None = None  # the household's language setting (asked by the interview)


def existing(store: entries.StoreLike) -> Household | None:
    return entries.load(store) if store.has_household() else None


# --- the checks, one per answer ---------------------------------------------------------------
def person_name(text: str) -> str:
    return clean_name(text, what=PERSON_NAME)


def past_day(text: str, what: Message) -> date:
    """A date that is not in the future."""
    day = dates.parse_day(text)
    if day > dates.today():
        raise BadInput(DAY_IN_FUTURE(what=what, day=day.isoformat()), CHECK_DATE)
    return day


def check_dates(born: date | None, onset: date | None, diagnosed: date | None) -> None:
    """The person's dates in their order: born, then first symptoms, then the diagnosis."""
    for what, day in ((ONSET, onset), (DIAGNOSED, diagnosed)):
        if born and day and day < born:
            raise BadInput(BEFORE_BORN(what=what, day=day.isoformat(), born=born.isoformat()), CHECK_DATE)
    if onset and diagnosed and diagnosed < onset:
        raise BadInput(DIAGNOSED_BEFORE_ONSET(diagnosed=diagnosed.isoformat(), onset=onset.isoformat()),
                       CHECK_BOTH)


def weight_kg(text: str) -> float:
    """A weight in kilograms, checked as `log weight` checks it."""
    return float(kinds.get("weight").validate({"kg": text})["kg"])


def caregiver_names(text: str) -> list[str]:
    """'Ji-woo, Sam' -> ['Ji-woo', 'Sam'] (each a valid name, a name typed twice once)."""
    names: list[str] = []
    for part in text.split(","):
        if part.strip():
            name = clean_name(part, what=CAREGIVER_NAME)
            if name_key(name) not in {name_key(n) for n in names}:
                names.append(name)
    return names


def pick_caregiver(text: str, names: list[str]) -> str:
    """One of `names`, by its name (any case) or its number in the list."""
    word = text.strip()
    if word.isascii() and word.isdigit() and 0 < int(word) <= len(names):
        return names[int(word) - 1]
    for name in names:
        if name_key(name) == name_key(word):
            return name
    raise NotFound(NOT_A_CAREGIVER(name=word), NOT_A_CAREGIVER_HINT(names=", ".join(names)))


def person_text(text: str, what: Message) -> str:
    """Allergies or the way of communicating: one line of the family's words."""
    from caretool.domain.contacts.model import one_line

    return one_line(text, what, 200)


def contact_flag(text: str) -> dict[str, str]:
    """'respiratory=SNUH breathing team=02-2072-2114' -> a contact's fields, checked."""
    from caretool.domain.contacts.model import validate

    role, sep, rest = text.partition("=")
    name, sep2, phone = rest.rpartition("=")
    if not (sep and sep2 and name.strip()):
        raise BadInput(CONTACT_FORMAT(text=text), CONTACT_FORMAT_HINT)
    fields = {"role": role, "name": name, "phone": phone}
    validate(fields)
    return fields


def _day(value: str | None, what: Message) -> date | None:
    return past_day(value, what) if value else None


# --- init -------------------------------------------------------------------------------------
def init(store: entries.StoreLike, answers: InitAnswers) -> tuple[Household, bool]:
    """Create the household, or update the existing one without losing anything."""
    household = existing(store)
    created = household is None
    household = household or Household()
    if answers.person:
        household.person["name"] = person_name(answers.person)
    if not household.person.get("name"):
        raise BadInput(NAME_MISSING, NAME_MISSING_HINT)
    given = {"born": _day(answers.born, BORN), "onset": _day(answers.onset, ONSET),
             "diagnosed": _day(answers.diagnosed, DIAGNOSED)}
    check_dates(given["born"] or household.born, given["onset"] or household.onset,
                given["diagnosed"] or household.diagnosed)
    for key, day in given.items():
        if day:
            household.person[key] = day.isoformat()
    if answers.weight_at_diagnosis not in (None, ""):
        household.person["weight_at_diagnosis"] = weight_kg(str(answers.weight_at_diagnosis))
    for key in ("height_cm", "birth_year"):
        value = getattr(answers, key)
        if value not in (None, ""):
            household.settings[key] = settings.SETTINGS[key].parse(str(value))
    for key, text, what in (("allergies", answers.allergies, ALLERGIES),
                            ("communication", answers.communication, COMMUNICATION)):
        if text not in (None, ""):
            household.person[key] = person_text(str(text), what)
    _add_contacts(household, answers.contacts)
    for name in answers.caregivers:
        if name_key(name) not in {name_key(c.name) for c in household.active_caregivers}:
            household.add_caregiver(name)
    _choose_default(household, answers)
    if answers.lang:
        household.settings["lang"] = answers.lang
    if answers.phase is not None and answers.phase != household.phase:
        check_phase(answers.phase)
        household.set_phase(answers.phase, dates.today())
    elif not household.phases:
        household.set_phase(1, dates.today())
    entries.save_household(store, household, INIT_LABEL if created else INIT_UPDATE_LABEL)
    return household, created


def _add_contacts(household: Household, given: list[dict[str, str]]) -> None:
    """The care team's contacts given to init; one already stored (same name and role) is kept."""
    from caretool.domain.contacts import model as contacts

    for fields in given:
        contact = contacts.new(fields)
        if not any(name_key(str(c.get("name"))) == name_key(contact["name"])
                   and c.get("role") == contact["role"] for c in household.contacts):
            household.contacts.append(contact)


def _choose_default(household: Household, answers: InitAnswers) -> None:
    """Who uses this computer: the one named, else (when none is set yet) the first caregiver named,
    so that commands without --caregiver work right after `init` in a household of several."""
    active = household.active_caregivers
    if answers.default:
        name = pick_caregiver(answers.default, [c.name for c in active])
        household.settings["default_caregiver"] = household.find_caregiver(name).id
        return
    household.settings.setdefault("default_caregiver", None)
    if household.default_caregiver is None and active:
        first = answers.caregivers[0] if answers.caregivers else active[0].name
        household.settings["default_caregiver"] = household.find_caregiver(first).id


def add_caregiver(store: entries.StoreLike, name: str, relation: str) -> Caregiver:
    household = entries.load(store)
    added = household.add_caregiver(name, relation)
    entries.save_household(store, household, CAREGIVER_ADDED(name=added.name))
    return added


def remove_caregiver(store: entries.StoreLike, name: str) -> Caregiver:
    household = entries.load(store)
    removed = household.remove_caregiver(name)
    entries.save_household(store, household, CAREGIVER_REMOVED(name=removed.name))
    return removed


def set_default_caregiver(store: entries.StoreLike, name: str) -> Caregiver:
    household = entries.load(store)
    chosen = household.find_caregiver(name)
    household.settings["default_caregiver"] = chosen.id
    entries.save_household(store, household, CAREGIVER_DEFAULT(name=chosen.name))
    return chosen
