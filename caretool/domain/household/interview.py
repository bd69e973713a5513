"""The `init` interview: each answer is checked at its own question (a date in the future, a
diagnosis before the first symptoms, a date before birth, a weight out of range are asked again),
so the save at the end never fails on something a question could have caught.

Flags given with `init` (and what an earlier `init` stored) are the defaults Enter accepts.
"""

from __future__ import annotations

from datetime import date

from caretool.core import language as choosing
from caretool.core.errors import BadInput
from caretool.core.messages import LANGUAGES, in_every_language, language, msg, set_language
from caretool.core.text import name_key
from caretool.domain.entries.fields import whole_number
from caretool.domain.household import service, settings
from caretool.domain.household.model import PHASE_TITLES, Household, check_phase
from caretool.domain.household.service import InitAnswers
from caretool.domain.interview import Choice, Interview, Question, yes_no

PERSON = msg("init.ask.person", "Name of the person you care for")
BORN = msg("init.ask.born-or-year",
           "Their date of birth, or only the year (YYYY-MM-DD or YYYY, Enter to skip)")
ONSET = msg("init.ask.onset", "When did the first symptoms begin (YYYY-MM-DD, Enter to skip)")
DIAGNOSED = msg("init.ask.diagnosed", "Date of the diagnosis (YYYY-MM-DD, Enter to skip)")
WEIGHT = msg("init.ask.weight", "Their weight at diagnosis, in kg (Enter to skip)")
HEIGHT = msg("init.ask.height", "Their height in cm, for BMI (Enter to skip)")
WEIGHT_WHY = msg("init.ask.weight.why", "Weight loss is measured from the weight at diagnosis; if you "
                 "skip it, caretool uses the first weight you log and says so.")
CAREGIVERS = msg("init.ask.caregivers", "Caregivers, separated by commas (Enter for none yet)")
CAREGIVERS_NOW = msg("init.ask.caregivers-now", "More caregivers, separated by commas (now: {names}; "
                     "Enter for no more)")
WHO_HERE = msg("init.ask.who-here", "Who uses this computer? (number or name)")
WHO_HERE_WHY = msg("init.ask.who-here.why", "Several people care for {person}. Entries made on this "
                   "computer are theirs unless a command names someone else with --caregiver.")
PHASE = msg("init.ask.phase", "Which phase fits best now (1-5)")
PHASE_FIELD = msg("field.phase", "phase")
ALLERGIES = msg("init.ask.allergies", "Allergies, for the emergency sheet (type 'none known' if there are "
                "none; Enter to skip)")
ADD_CONTACT = msg("init.ask.add-contact", "Add a care-team phone number for the emergency sheet now?")
ADD_ANOTHER = msg("init.ask.add-another", "Add another care-team number?")
CONTACT_WHY = msg("init.ask.add-contact.why", "The emergency sheet (caretool sheet) lists whom to call, and "
                  "warnings show the right number; you can add them later with `caretool contact add`.")
CONTACT_ROLE = msg("init.ask.contact-role", "Their role (number or name)")
CONTACT_NAME = msg("init.ask.contact-name", "Name (a person or a team)")
CONTACT_PHONE = msg("init.ask.contact-phone", "Phone number, as you would dial it")
LANGUAGE = msg("init.ask.language", "Language for the screens, guides and reports (en or ko)")


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _language(household: Household | None) -> Interview[str]:
    """The household's language, asked first (default: the one caretool speaks now, from --lang,
    CARETOOL_LANG, an earlier setting or the computer's locale). The questions after it are asked
    in the language chosen."""
    saved = household.settings.get("lang") if household else None
    choices = tuple(Choice(code, f"{choosing.AUTONYMS[code]} ({code})") for code in LANGUAGES)
    # Asked in every language at once: the reader may not read the one caretool speaks yet.
    said = in_every_language(LANGUAGE)
    prompt = " / ".join(dict.fromkeys([said[language()], *said.values()]))
    lang = yield Question("init.language", prompt, parse=choosing.typed, required=True,
                          default=saved if saved in LANGUAGES else language(), choices=choices)
    set_language(lang)
    return str(lang)


def interview(household: Household | None, given: InitAnswers) -> Interview[InitAnswers]:
    lang = yield from _language(household)
    person = household.person if household else {}
    name = yield Question("init.person", PERSON, parse=service.person_name, required=True,
                          default=given.person or person.get("name") or "")

    saved = household.settings if household else {}

    def born_ok(text: str) -> date | int:
        """A full date of birth, or a year alone (kept as the birth_year setting)."""
        if text.strip().isascii() and text.strip().isdigit() and len(text.strip()) == 4:
            return settings.birth_year(text)
        return service.past_day(text, service.BORN)

    old_year = saved.get("birth_year")
    answer: date | int | None = yield Question(
        "init.born", BORN, parse=born_ok, default=given.born or person.get("born") or given.birth_year
        or (str(old_year) if old_year else ""))
    born = answer if isinstance(answer, date) else None
    year = answer if isinstance(answer, int) else None

    def onset_ok(text: str) -> date:
        day = service.past_day(text, service.ONSET)
        service.check_dates(born, day, None)
        if year and day.year < year:
            raise BadInput(service.BEFORE_BORN(what=service.ONSET, day=day.isoformat(), born=str(year)),
                           service.CHECK_DATE)
        return day

    onset: date | None = yield Question("init.onset", ONSET, parse=onset_ok,
                                        default=given.onset or person.get("onset") or "")

    def diagnosed_ok(text: str) -> date:
        day = service.past_day(text, service.DIAGNOSED)
        service.check_dates(born, onset, day)
        return day

    diagnosed: date | None = yield Question("init.diagnosed", DIAGNOSED, parse=diagnosed_ok,
                                            default=given.diagnosed or person.get("diagnosed") or "")
    old_weight = person.get("weight_at_diagnosis")
    weight: float | None = yield Question(
        "init.weight", WEIGHT, parse=service.weight_kg, intro=(WEIGHT_WHY,),
        default=given.weight_at_diagnosis or (f"{old_weight:g}" if old_weight is not None else ""))

    old_height = saved.get("height_cm")
    height: float | None = yield Question(
        "init.height", HEIGHT, parse=settings.height_cm,
        default=given.height_cm or (f"{old_height:g}" if old_height else ""))

    known = [c.name for c in household.active_caregivers] if household else []
    carers = list(given.caregivers)
    if not carers:
        prompt = CAREGIVERS_NOW(names=", ".join(known)) if known else CAREGIVERS
        carers = yield Question("init.caregivers", prompt, parse=service.caregiver_names, empty=[])
    everyone = known + [n for n in carers if name_key(n) not in {name_key(k) for k in known}]

    default = given.default
    if len(everyone) > 1:
        current = household.default_caregiver if household else None
        first = default or (current.name if current else None) or (carers[0] if carers else everyone[0])
        default = yield Question(
            "init.default", WHO_HERE, parse=lambda text: service.pick_caregiver(text, everyone),
            choices=tuple(Choice(n, n) for n in everyone), default=first, required=True,
            intro=(WHO_HERE_WHY(person=name),))

    def phase_ok(text: str) -> int:
        return check_phase(whole_number(text, what=PHASE_FIELD, low=1, high=5))

    current_phase = given.phase or (household.phase if household else None) or 1
    phase = yield Question("init.phase", PHASE, parse=phase_ok, default=str(current_phase), required=True,
                           choices=tuple(Choice(n, title) for n, title in PHASE_TITLES.items()))
    allergies = yield Question("init.allergies", ALLERGIES,
                               parse=lambda text: service.person_text(text, service.ALLERGIES),
                               default=given.allergies or person.get("allergies") or "")
    contacts = list(given.contacts)
    if not contacts and not (household and household.contacts):
        contacts = yield from _contacts()
    return InitAnswers(person=name, born=_iso(born), onset=_iso(onset), diagnosed=_iso(diagnosed),
                       caregivers=carers, phase=int(phase),
                       weight_at_diagnosis=None if weight is None else f"{weight:g}", default=default,
                       height_cm=None if height is None else f"{height:g}",
                       birth_year=None if year is None else str(year),
                       allergies=allergies, communication=given.communication, contacts=contacts, lang=lang)


def _contacts() -> Interview[list[dict[str, str]]]:
    """The care team's numbers, one after the other, until the answer is no (Enter)."""
    from caretool.core.text import clean_name
    from caretool.domain.contacts import model as contacts

    found: list[dict[str, str]] = []
    while (yield yes_no("init.add-contact", ADD_ANOTHER if found else ADD_CONTACT, default=False)):
        role = yield Question("init.contact-role", CONTACT_ROLE, parse=contacts.role_slug, required=True,
                              intro=() if found else (CONTACT_WHY,),
                              choices=tuple(Choice(slug, label) for slug, label in contacts.ROLES.items()))
        who = yield Question("init.contact-name", CONTACT_NAME, required=True,
                             parse=lambda text: clean_name(text, what=contacts.NAME))
        phone = yield Question("init.contact-phone", CONTACT_PHONE, parse=contacts.phone, required=True)
        found.append({"role": role, "name": who, "phone": phone})
    return found
