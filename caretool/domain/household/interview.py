"""The `init` interview: each answer is checked at its own question (a date in the future, a
diagnosis before the first symptoms, a date before birth, a weight out of range are asked again),
so the save at the end never fails on something a question could have caught.

Flags given with `init` (and what an earlier `init` stored) are the defaults Enter accepts.
"""

from __future__ import annotations

from datetime import date

from caretool.core import language as choosing
from caretool.core.messages import LANGUAGES, in_every_language, language, msg, set_language
from caretool.core.text import name_key
from caretool.domain.entries.fields import whole_number
from caretool.domain.household import service
from caretool.domain.household.model import PHASE_TITLES, Household, check_phase
from caretool.domain.household.service import InitAnswers
from caretool.domain.interview import Choice, Interview, Question

PERSON = msg("init.ask.person", "Name of the person you care for")
BORN = msg("init.ask.born", "Their date of birth (YYYY-MM-DD, Enter to skip)")
ONSET = msg("init.ask.onset", "When did the first symptoms begin (YYYY-MM-DD, Enter to skip)")
DIAGNOSED = msg("init.ask.diagnosed", "Date of the diagnosis (YYYY-MM-DD, Enter to skip)")
WEIGHT = msg("init.ask.weight", "Their weight at diagnosis, in kg (Enter to skip)")
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

    born: date | None = yield Question(
        "init.born", BORN, parse=lambda text: service.past_day(text, service.BORN),
        default=given.born or person.get("born") or "")

    def onset_ok(text: str) -> date:
        day = service.past_day(text, service.ONSET)
        service.check_dates(born, day, None)
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
    return InitAnswers(person=name, born=_iso(born), onset=_iso(onset), diagnosed=_iso(diagnosed),
                       caregivers=carers, phase=int(phase),
                       weight_at_diagnosis=None if weight is None else f"{weight:g}", default=default,
                       lang=lang)
