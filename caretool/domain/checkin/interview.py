"""The daily check-in as an interview: what to ask, in order, each answer checked when it is given.

Every parser is the domain's own validator (the entry-kind registry's validate, the per-day hours
limit, task_slug), so an answer the save would refuse is refused at its question and asked again:
the save after the last question never fails on something a question could have caught
(issue 18 item 4). The interview reads nothing: the CLI reads a `Context` first and saves the
returned `Plan` afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from caretool.core.errors import BadInput, NotFound
from caretool.core.messages import Message, msg, render
from caretool.domain.burnout import selfcheck
from caretool.domain.care import symptoms
from caretool.domain.checkin import key_symptoms
from caretool.domain.checkin.model import Context, DoseAnswer, Existing, Plan, care_log_kind
from caretool.domain.entries import kinds
from caretool.domain.entries.kinds.hours import TASKS, task_slug
from caretool.domain.entries.model import describe
from caretool.domain.household.model import PHASE_TITLES, Caregiver
from caretool.domain.interview import Choice, Interview, Question, Say, yes_no

# --- what the check-in says: "today" on the day itself, the date when backdated ----------------
INTRO = msg("checkin.intro", "Check-in for {day:%A %d %B %Y}. Ctrl-C at any time cancels; nothing is "
            "saved until you confirm.")
INTRO_WHO = msg("checkin.intro-who", "Check-in for {day:%A %d %B %Y} - {name}. Ctrl-C at any time "
                "cancels; nothing is saved until you confirm.")
ALREADY = msg("checkin.already", "Already recorded for this day (answers below amend it):")
ALREADY_LINE = msg("checkin.already-line", "  - {entry}")
WHO = msg("checkin.ask.who", "Who is checking in? (number or name)")
KEY_INTRO = msg("checkin.key-intro", "Signs to watch in phase {phase} ({title}): 0 none, 1 mild, "
                "2 moderate, 3 severe.")
RECENT_INTRO = msg("checkin.recent-intro", "Symptoms seen this week (Enter keeps the last severity; "
                   "0 means none today):")
RECENT_INTRO_ON = msg("checkin.recent-intro-on", "Symptoms seen that week (Enter keeps the last "
                      "severity; 0 means none on {day:%a %d %b}):")
SEVERITY = msg("checkin.ask.severity", "  {label} (0-3)")
SEVERITY_OR_SKIP = msg("checkin.ask.severity-or-skip", "  {label} (0-3, Enter if not seen)")
OTHER = msg("checkin.ask.other", "Any other symptoms today?")
OTHER_ON = msg("checkin.ask.other-on", "Any other symptoms on {day:%a %d %b}?")
AREA = msg("checkin.catalogue.area", " {area}:")
LISTED = msg("checkin.catalogue.line", "   {number:>2}. {label} ({slug})")
PICK = msg("checkin.ask.pick", "Numbers or names, separated by commas (Enter for none)")
NOT_LISTED = msg("checkin.symptom.not-listed", "{text!r} is not a symptom caretool knows.")
DID_YOU_MEAN = msg("checkin.symptom.did-you-mean",
                   "{text!r} is not a symptom caretool knows. Did you mean:")
SUGGESTION = msg("checkin.symptom.suggestion", "{label} ({slug})")
RETRY = msg("checkin.ask.retry", "  y for {first}, a number, another name, or n to leave {text!r} out")
RETRY_NO_SUGGESTION = msg("checkin.ask.retry-none",
                          "  The symptom's name again, 'other' to describe it, or n to leave {text!r} out")
NO_SUGGESTION = msg("checkin.symptom.no-suggestion", "there is no suggestion to say yes to")
NOT_A_SYMPTOM = msg("checkin.symptom.unknown", "{text!r} is not a symptom caretool knows")
NOT_A_SYMPTOM_HINT = msg("checkin.symptom.unknown.hint",
                         "type a name from the list, 'other' to describe it, or n to leave it out")
KEPT = msg("checkin.symptom.kept", "  Kept: {label} ({slug}).")
LEFT_OUT = msg("checkin.symptom.left-out", "  Left out {text!r}: nothing is recorded for it.")
DESCRIBE = msg("checkin.ask.describe", "  Describe it")
DOSE = msg("checkin.ask.dose", "{time} {name}: given? (y = yes, s = skipped, Enter = not yet)")
NOT_A_DOSE_ANSWER = msg("checkin.dose.bad-answer", "{text!r} is not y, s or Enter")
NOT_A_DOSE_ANSWER_HINT = msg("checkin.dose.bad-answer.hint",
                             "type y if it was given, s if it was skipped, or press Enter if not yet")
WHY_SKIPPED = msg("checkin.ask.why-skipped", "  Why was it skipped? (Enter to skip)")
HOURS = msg("checkin.ask.hours", "Hours of care you gave today (Enter to skip)")
HOURS_ON = msg("checkin.ask.hours-on", "Hours of care you gave on {day:%a %d %b} (Enter to skip)")
TOO_MANY_HOURS = msg("checkin.hours.too-many", "{name} already has {already:g} h logged on {day}; "
                     "adding {hours:g} h would exceed {limit:g} h in one day")
TOO_MANY_HOURS_HINT = msg("checkin.hours.too-many.hint", "type at most {left:g} h, or press Enter to skip "
                          "and correct the earlier entry with `caretool edit ID --hours H`")
TASK = msg("checkin.ask.task", "Main task (number or name)")
NIGHT_HOURS = msg("checkin.ask.night-hours", "How many of the {hours:g} hours were at night? (0 if none)")
NIV_NIGHT = msg("checkin.ask.niv-night", "Hours on NIV last night (Enter to skip)")
NIV_NIGHT_ON = msg("checkin.ask.niv-night-on", "Hours on NIV the night before {day:%a %d %b} (Enter to skip)")
NIV_DAY = msg("checkin.ask.niv-day", "Hours on NIV during the day today (Enter if none or not yet)")
NIV_DAY_ON = msg("checkin.ask.niv-day-on", "Hours on NIV during the day on {day:%a %d %b} (Enter if none)")
COUGH_ASSIST = msg("checkin.ask.cough-assist", "Cough assist sessions today (Enter to skip)")
COUGH_ASSIST_ON = msg("checkin.ask.cough-assist-on",
                      "Cough assist sessions on {day:%a %d %b} (Enter to skip)")
SUCTION = msg("checkin.ask.suction", "Times suction was used today (Enter to skip)")
SUCTION_ON = msg("checkin.ask.suction-on", "Times suction was used on {day:%a %d %b} (Enter to skip)")
FEEDS = msg("checkin.ask.feeds", "Feed through the tube today, in mL in all (Enter to skip)")
FEEDS_ON = msg("checkin.ask.feeds-on",
               "Feed through the tube on {day:%a %d %b}, in mL in all (Enter to skip)")
SLEEP = msg("checkin.ask.sleep", "How many hours did you sleep last night? (Enter to skip)")
SLEEP_ON = msg("checkin.ask.sleep-on", "How many hours did you sleep the night before {day:%a %d %b}? "
               "(Enter to skip)")
STRESS = msg("checkin.ask.stress", "Your stress today, 0 (calm) to 10 (worst)")
STRESS_ON = msg("checkin.ask.stress-on", "Your stress on {day:%a %d %b}, 0 (calm) to 10 (worst)")
BREAK = msg("checkin.ask.break", "Did you have a real break today?")
BREAK_ON = msg("checkin.ask.break-on", "Did you have a real break on {day:%a %d %b}?")
SELFCHECK = msg("checkin.ask.selfcheck", "A short weekly self-check about how you are doing ({count} "
                "questions; your answers stay private). Take it now?")
NOTE = msg("checkin.ask.note", "A note about today (Enter to skip)")
NOTE_ON = msg("checkin.ask.note-on", "A note about {day:%a %d %b} (Enter to skip)")
SUMMARY = msg("checkin.summary", "Summary:")
SUMMARY_SYMPTOM = msg("checkin.summary.symptom", "  {label}: {word}")
SUMMARY_GIVEN = msg("checkin.summary.given", "  {time} {name}: given")
SUMMARY_SKIPPED = msg("checkin.summary.skipped", "  {time} {name}: skipped")
SUMMARY_SKIPPED_WHY = msg("checkin.summary.skipped-why", "  {time} {name}: skipped ({reason})")
SUMMARY_CARE = msg("checkin.summary.care", "  Care: {hours:g} h ({task})")
SUMMARY_CARE_NIGHT = msg("checkin.summary.care-night", "  Care: {hours:g} h ({task}, {night:g} h at night)")
SUMMARY_YOU_BREAK = msg("checkin.summary.you-break",
                        "  You: slept {sleep:g} h, stress {stress}/10, had a break")
SUMMARY_YOU_NO_BREAK = msg("checkin.summary.you-no-break",
                           "  You: slept {sleep:g} h, stress {stress}/10, no break")
SUMMARY_SELFCHECK = msg("checkin.summary.selfcheck", "  Self-check: score {score} of {max}")
SUMMARY_NOTE = msg("checkin.summary.note", "  Note: {text}")
SUMMARY_CARE_LOG = msg("checkin.summary.care-log", "  {entry}")
CARE_LOG_LOGGED = msg("checkin.care-log-logged", "Already logged with `caretool log`, so not asked: {entry}")
SAVE = msg("checkin.ask.save", "Save this check-in?")
NOTHING = msg("checkin.nothing-answered", "No question was answered, so there is nothing to save.")

YES_WORDS = ("y", "yes", "예", "네", "응")
NO_WORDS = ("n", "no", "아니오", "아니요", "아니")
SKIP_WORDS = ("s", "skip", "skipped", *NO_WORDS)


def _parser(kind: str, key: str, /, **others: Any) -> Callable[[str], Any]:
    """One field's parser: the entry kind's own validator, with the other fields filled in."""
    validate = kinds.get(kind).validate

    def parse(text: str) -> Any:
        return validate({**others, key: text})[key]

    return parse


severity = _parser("symptom", "severity", name="cramps")


def _on(ctx: Context, today: Message, other_day: Message) -> Message:
    return today if ctx.day == ctx.today else other_day(day=ctx.day)


# --- symptom names as caregivers type them ------------------------------------------------------
def symptom_slug(text: str) -> str | None:
    """The symptom named by its slug, or by its name or label in any language; None if none."""
    return symptoms.slug_of(text)


def suggestions(text: str, n: int = 3) -> list[str]:
    """The closest symptoms to a name caretool does not know (slugs, names and labels all count)."""
    return symptoms.closest(text, n)


def pick_symptoms(listed: list[str]) -> Callable[[str], list[str | tuple[str, list[str]]]]:
    """Parse 'cramps, 4, wieght loss': a slug for each known part, (text, suggestions) for the rest."""
    def parse(text: str) -> list[str | tuple[str, list[str]]]:
        out: list[str | tuple[str, list[str]]] = []
        for part in filter(None, (p.strip() for p in text.split(","))):
            if part.isascii() and part.isdigit() and 0 < int(part) <= len(listed):
                out.append(listed[int(part) - 1])
            elif (slug := symptom_slug(part)) is not None:
                out.append(slug)
            else:
                out.append((part, suggestions(part)))
        return out

    return parse


def _retry(text: str, close: list[str]) -> Callable[[str], str | None]:
    """The answer to "did you mean ...?": y (the first suggestion), a number, a name, or n."""
    def parse(answer: str) -> str | None:
        word = answer.strip().lower()
        if word in YES_WORDS:
            if not close:
                raise BadInput(NO_SUGGESTION, NOT_A_SYMPTOM_HINT)
            return close[0]
        if word in NO_WORDS:
            return None
        slug = symptom_slug(answer)
        if slug is None:
            raise NotFound(NOT_A_SYMPTOM(text=answer.strip()), NOT_A_SYMPTOM_HINT)
        return slug

    return parse


def _unknown_symptom(text: str, close: list[str]) -> Interview[str | None]:
    """Ask again about a name caretool did not know; say plainly what was kept (never drop it silently)."""
    choices = tuple(Choice(s, SUGGESTION(label=symptoms.label(s), slug=s)) for s in close)
    intro = (DID_YOU_MEAN if close else NOT_LISTED)(text=text)
    prompt = RETRY(first=symptoms.name(close[0]), text=text) if close else RETRY_NO_SUGGESTION(text=text)
    slug: str | None = yield Question("checkin.symptom-retry", prompt, parse=_retry(text, close),
                                      choices=choices, intro=(intro,), required=True)
    yield Say(KEPT(label=symptoms.label(slug), slug=slug) if slug else LEFT_OUT(text=text))
    return slug


def _describe(text: str) -> str:
    fields = kinds.get("symptom").validate({"name": "other", "severity": "1", "describe": text})
    return str(fields["describe"])


# --- the sections --------------------------------------------------------------------------------
def _who(ctx: Context, plan: Plan) -> Interview[Caregiver | None]:
    household = ctx.household
    carers = household.active_caregivers
    if plan.caregiver is None and len(carers) > 1:
        default = household.default_caregiver or carers[0]
        plan.caregiver = yield Question(
            "checkin.who", WHO, parse=lambda text: household.find_caregiver(text).name,
            choices=tuple(Choice(c.name, c.name) for c in carers), default=default.name, required=True)
    return household.resolve_caregiver(plan.caregiver)


def _symptoms(ctx: Context, plan: Plan, before: Existing) -> Interview[None]:
    recent = ctx.recent_symptoms()

    def current(slug: str) -> int | None:
        for found in (before.symptoms.get(slug), before.logged_symptoms.get(slug)):
            if found:
                return int(found["severity"])
        return recent.get(slug)

    def ask(slug: str, last: int | None) -> Question:
        label = symptoms.label(slug)
        if last is None:
            return Question(f"checkin.symptom.{slug}", SEVERITY_OR_SKIP(label=label), parse=severity)
        return Question(f"checkin.symptom.{slug}", SEVERITY(label=label), parse=severity, default=str(last))

    def ask_each(heading: Message, slugs: list[str]) -> Interview[None]:
        if slugs:
            yield Say(heading)
        for slug in slugs:
            value = yield ask(slug, current(slug))
            if value is not None:
                plan.symptoms[slug] = int(value)

    # The phase's key signs first (issue 18 item 10), then the rest of what was seen this week.
    # A day before the first phase was recorded (a check-in caught up after `init`) takes that first
    # phase: the family set caretool up in it, and its signs are the ones to ask about.
    phase = ctx.household.phase_on(ctx.day) or (
        int(ctx.household.phases[0]["phase"]) if ctx.household.phases else None)
    keys = [s for s in key_symptoms.for_phase(phase) if s not in plan.symptoms]
    if phase is not None:
        yield from ask_each(KEY_INTRO(phase=phase, title=PHASE_TITLES[phase]), keys)
    others = [s for s in recent if s not in plan.symptoms and s not in keys]
    yield from ask_each(_on(ctx, RECENT_INTRO, RECENT_INTRO_ON), others)

    if not (yield yes_no("checkin.other", _on(ctx, OTHER, OTHER_ON), default=False)):
        return
    asked = set(keys) | set(recent)
    listed = [s for s in symptoms.CATALOGUE if s.slug not in asked]
    lines: list[Message | str] = []
    area = None
    for number, s in enumerate(listed, 1):
        if s.area != area:
            area = s.area
            lines.append(AREA(area=symptoms.AREAS.get(s.area, s.area)))
        lines.append(LISTED(number=number, label=s.label, slug=s.slug))
    picked = yield Question("checkin.pick", PICK, parse=pick_symptoms([s.slug for s in listed]),
                            intro=tuple(lines), empty=[])
    for item in picked:
        chosen = item if isinstance(item, str) else (yield from _unknown_symptom(*item))
        if chosen is None or chosen in plan.symptoms:
            continue
        if chosen == "other":
            plan.describe_other = yield Question("checkin.describe", DESCRIBE, parse=_describe,
                                                 required=True, default=plan.describe_other)
        plan.symptoms[chosen] = int((yield ask(chosen, 1)))


def _dose_answer(text: str) -> str | None:
    word = text.strip().lower()
    if word in YES_WORDS:
        return "taken"
    if word in SKIP_WORDS:
        return "skipped"
    raise BadInput(NOT_A_DOSE_ANSWER(text=text.strip()), NOT_A_DOSE_ANSWER_HINT)


def _doses(ctx: Context, plan: Plan) -> Interview[None]:
    """Each open dose of the day by its time: the answer records that dose, not the nearest one."""
    asked = {(d.medication, d.scheduled_for) for d in plan.doses}
    for dose in ctx.doses:
        if (dose["name"], dose["scheduled_for"]) in asked:
            continue
        status = yield Question(f"checkin.dose.{dose['time']}", DOSE(time=dose["time"], name=dose["name"]),
                                parse=_dose_answer)
        if status is None:
            continue
        reason = ""
        if status == "skipped":
            reason = yield Question("checkin.why-skipped", WHY_SKIPPED,
                                    parse=_parser("dose", "reason", medication=dose["name"]), empty="")
        plan.doses.append(DoseAnswer(dose["name"], status, reason, dose["scheduled_for"], dose["time"]))


def _hours(ctx: Context, plan: Plan, before: Existing, who: Caregiver | None) -> Interview[None]:
    old = before.hours or {}
    cid = who.id if who else None
    already = ctx.hours_logged(cid, besides=str(old.get("id", "")))
    parse_hours = _parser("hours", "hours")

    def hours_ok(text: str) -> float:
        hours = float(parse_hours(text))  # more than 0, at most 25
        if already + hours > ctx.day_hours:
            name = who.name if who else ctx.household.name
            raise BadInput(TOO_MANY_HOURS(name=name, already=already, day=ctx.day.isoformat(), hours=hours,
                                          limit=ctx.day_hours),
                           TOO_MANY_HOURS_HINT(left=max(ctx.day_hours - already, 0)))
        return hours

    default = f"{float(old['hours']):g}" if old.get("hours") else ""
    hours = yield Question("checkin.hours", _on(ctx, HOURS, HOURS_ON), parse=hours_ok, default=default)
    if hours is None:
        return
    plan.hours = hours
    plan.task = yield Question("checkin.task", TASK, parse=task_slug,
                               default=render(TASKS.get(str(old.get("task")), TASKS["other"])),
                               choices=tuple(Choice(slug, label) for slug, label in TASKS.items()))
    if old.get("night_hours") is not None and float(old["night_hours"]) <= hours:
        night_default = f"{float(old['night_hours']):g}"
    else:
        night_default = f"{hours:g}" if plan.task == "night-care" else "0"
    plan.night_hours = yield Question(
        "checkin.night-hours", NIGHT_HOURS(hours=hours),
        parse=_parser("hours", "night_hours", hours=hours, task=plan.task), default=night_default)
    plan.night = bool(plan.night_hours)


# The registered machines, each with its question: (answer key, equipment type, prompt today, prompt
# for another day, the entry's field, the other fields of the entry).
CARE_QUESTIONS: tuple[tuple[str, str, Message, Message, str, dict[str, Any]], ...] = (
    ("niv-night", "niv", NIV_NIGHT, NIV_NIGHT_ON, "hours", {"night": True}),
    ("niv-day", "niv", NIV_DAY, NIV_DAY_ON, "hours", {"night": False}),
    ("cough-assist", "cough-assist", COUGH_ASSIST, COUGH_ASSIST_ON, "sessions", {}),
    ("suction", "suction", SUCTION, SUCTION_ON, "times", {}),
    ("feed", "peg", FEEDS, FEEDS_ON, "ml", {"via": "peg"}),
)


def _care_logs(ctx: Context, plan: Plan, before: Existing) -> Interview[None]:
    """Questions about the machines registered with `caretool equipment add`, and none about others."""
    from caretool.domain.equipment.model import types_in_use

    registered = types_in_use(ctx.household.equipment, ctx.day)
    for key, equipment, today, other_day, field, others in CARE_QUESTIONS:
        if equipment not in registered and not (equipment == "niv" and "ventilator" in registered):
            continue
        if key in plan.care_logs:
            continue
        if key in before.logged_care_logs:  # asking again would count it twice
            for record in before.logged_care_logs[key]:
                yield Say(CARE_LOG_LOGGED(entry=describe(record)))
            continue
        kind = care_log_kind(key)
        old = before.care_logs.get(key) or {}
        default = f"{old[field]:g}" if isinstance(old.get(field), int | float) else ""
        value = yield Question(f"checkin.{key}", _on(ctx, today, other_day),
                               parse=_parser(kind, field, **others), default=default)
        if value is not None:
            plan.care_logs[key] = {**others, field: value}


def _wellbeing(ctx: Context, plan: Plan, before: Existing) -> Interview[None]:
    old = before.wellbeing or {}
    sleep = yield Question("checkin.sleep", _on(ctx, SLEEP, SLEEP_ON),
                           parse=_parser("wellbeing", "sleep_hours", stress="0"),
                           default=f"{float(old['sleep_hours']):g}" if "sleep_hours" in old else "")
    if sleep is None:
        return
    plan.sleep = sleep
    plan.stress = yield Question("checkin.stress", _on(ctx, STRESS, STRESS_ON),
                                 parse=_parser("wellbeing", "stress", sleep_hours="0"),
                                 default=str(old.get("stress", 5)))
    plan.took_break = yield yes_no("checkin.break", _on(ctx, BREAK, BREAK_ON),
                                   default=bool(old.get("took_break", False)))


def _summary(plan: Plan) -> list[Message]:
    lines = [SUMMARY]
    for slug, sev in plan.symptoms.items():
        lines.append(SUMMARY_SYMPTOM(label=symptoms.label(slug), word=symptoms.SEVERITY_WORDS[sev]))
    for d in plan.doses:
        if d.status == "taken":
            lines.append(SUMMARY_GIVEN(time=d.time, name=d.medication))
        else:
            lines.append((SUMMARY_SKIPPED_WHY if d.reason else SUMMARY_SKIPPED)(
                time=d.time, name=d.medication, reason=d.reason))
    if plan.hours is not None:
        task = TASKS.get(str(plan.task), str(plan.task))
        hours, night = float(plan.hours), float(plan.night_hours or 0)
        lines.append(SUMMARY_CARE_NIGHT(hours=hours, task=task, night=night) if night
                     else SUMMARY_CARE(hours=hours, task=task))
    if plan.sleep is not None:
        line = SUMMARY_YOU_BREAK if plan.took_break else SUMMARY_YOU_NO_BREAK
        lines.append(line(sleep=float(plan.sleep), stress=plan.stress))
    if plan.selfcheck is not None:
        lines.append(SUMMARY_SELFCHECK(score=selfcheck.score(plan.selfcheck), max=selfcheck.MAX_SCORE))
    for key, fields in plan.care_logs.items():
        lines.append(SUMMARY_CARE_LOG(entry=describe({"kind": care_log_kind(key), **fields})))
    if plan.note:
        lines.append(SUMMARY_NOTE(text=plan.note))
    return lines


def interview(ctx: Context, plan: Plan) -> Interview[Plan | None]:
    """Ask everything in order, each with a default that Enter accepts; None if not to be saved."""
    who = yield from _who(ctx, plan)
    before = ctx.existing(who.id if who else None)
    yield Say(INTRO_WHO(day=ctx.day, name=who.name) if who else INTRO(day=ctx.day))
    if not before.empty:
        yield Say(ALREADY, details=tuple(ALREADY_LINE(entry=describe(r)) for r in before.records()))
    yield from _symptoms(ctx, plan, before)
    yield from _doses(ctx, plan)
    yield from _hours(ctx, plan, before, who)
    yield from _care_logs(ctx, plan, before)
    yield from _wellbeing(ctx, plan, before)
    if (who.id if who else None) in ctx.selfcheck_due and (
            yield yes_no("checkin.selfcheck", SELFCHECK(count=len(selfcheck.QUESTIONS)), default=False)):
        plan.selfcheck = yield from selfcheck.interview()
    old_note = str((before.note or {}).get("text", ""))
    plan.note = yield Question("checkin.note", _on(ctx, NOTE, NOTE_ON), parse=_parser("note", "text"),
                               default=old_note)
    if not plan.answered and before.empty:
        yield Say(NOTHING)
        return None
    summary = _summary(plan)
    yield Say(summary[0], details=tuple(summary[1:]))
    return plan if (yield yes_no("checkin.save", SAVE, default=True)) else None
