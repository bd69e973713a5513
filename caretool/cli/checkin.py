"""`caretool checkin`: the guided daily check-in (about two minutes)."""


from typing import TYPE_CHECKING, Annotated, Any

import typer

from caretool.cli.common import JsonOpt, json_wanted, state

if TYPE_CHECKING:
    from caretool.domain.checkin.model import Plan

EXAMPLES = """
Examples:

  caretool checkin                      (asks; press Enter to keep a suggested answer)

  caretool checkin --date yesterday

  caretool checkin --non-interactive --symptom cramps=1 --symptom choking=0 --hours 6 \\
      --task feeding --sleep 5.5 --stress 7 --no-break --took riluzole --note "Tired day"
"""


def checkin(
    ctx: typer.Context,
    date: Annotated[str | None, typer.Option(
        "--date", help="The day to check in for (default today).")] = None,
    caregiver: Annotated[str | None, typer.Option(
        "--caregiver", "-c", help="Who is checking in.")] = None,
    non_interactive: Annotated[bool, typer.Option(
        "--non-interactive", help="Do not ask; record only what the flags say.")] = False,
    symptom: Annotated[list[str] | None, typer.Option(
        "--symptom", help="NAME=SEVERITY (0-3); repeat for each symptom.")] = None,
    describe: Annotated[str | None, typer.Option(help="What the 'other' symptom is.")] = None,
    hours: Annotated[str | None, typer.Option(help="Hours of care today.")] = None,
    task: Annotated[str | None, typer.Option(
        help="Main task for those hours (see `log hours --help`).")] = None,
    night: Annotated[bool, typer.Option("--night", help="Some of the care was at night.")] = False,
    sleep: Annotated[str | None, typer.Option(help="Hours you slept last night.")] = None,
    stress: Annotated[str | None, typer.Option(help="Your stress today, 0-10.")] = None,
    took_break: Annotated[bool | None, typer.Option(
        "--break/--no-break", help="Did you have a real break today?")] = None,
    took: Annotated[list[str] | None, typer.Option("--took", help="A medicine given; repeatable.")] = None,
    skipped: Annotated[list[str] | None, typer.Option(
        "--skipped", help="A medicine not given, as NAME or NAME=REASON; repeatable.")] = None,
    note: Annotated[str | None, typer.Option(help="A free note about the day.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Check in for the day: symptoms, medicines, hours of care, and how you are.

    Checking in again on the same day amends that day's check-in.
    """
    from caretool.domain.checkin import service
    from caretool.views import checkin as view

    st = state(ctx)
    plan = service.Plan(
        day=service.resolve_day(date), caregiver=caregiver, describe_other=describe or "",
        hours=hours, task=task, night=night, sleep=sleep, stress=stress, took_break=took_break,
        note=note, took=list(took or []),
        skipped=[(s.partition("=")[0], s.partition("=")[2]) for s in skipped or []],
    )
    for item in symptom or []:
        slug, severity = service.parse_symptom_flag(item)
        plan.symptoms[slug] = severity
    if not non_interactive:
        try:
            with st.store() as store:
                answered = _interview(store, plan)
        except (KeyboardInterrupt, EOFError, typer.Abort):
            view.cancelled()
            raise typer.Exit(1) from None
        if answered is None:
            view.cancelled()
            raise typer.Exit(1)
        plan = answered
    with st.store(write=True) as store:
        result = service.save(store, plan)
        extra = service.burnout_after(store, result)
    view.finished(result, extra, as_json=json_wanted(ctx, as_json))


checkin.__doc__ = (checkin.__doc__ or "") + EXAMPLES


def _ask(text: str, default: Any = "", **kw: Any) -> str:
    return str(typer.prompt(text, default=default, show_default=default != "", err=True, **kw))


def _checked(text: str, default: Any, check: Any) -> str:
    """Ask until `check(answer)` accepts it (Enter on an empty default skips), so a typo never
    throws away the answers already given."""
    from caretool.core.errors import CaretoolError
    from caretool.views.checkin import say_err

    while True:
        answer = _ask(text, default).strip()
        if not answer:
            return answer
        try:
            result = check(answer)
            return result if isinstance(result, str) else answer  # a task number becomes its name
        except CaretoolError as exc:
            say_err(f"  {exc.message} ({exc.hint}). Please try again.")


def _task(answer: str) -> str:
    from caretool.domain.entries.kinds.hours import task_slug

    return task_slug(answer)


def _yes(text: str, default: bool) -> bool:
    return typer.confirm(text, default=default, err=True)


def _interview(store: Any, plan: "Plan") -> "Plan | None":
    """Ask everything in order, each with a default that Enter accepts."""
    from caretool.core.errors import CaretoolError
    from caretool.domain.care import symptoms
    from caretool.domain.checkin import service
    from caretool.domain.entries import service as journal
    from caretool.views import checkin as view

    household = journal.load(store)
    carers = household.active_caregivers
    if plan.caregiver is None and len(carers) > 1:
        default = household.settings.get("default_caregiver")
        names = [c.name for c in carers]
        first = next((c.name for c in carers if c.id == default), names[0])
        view.numbered("Who is checking in?", names)
        plan.caregiver = _pick(names, _ask("Caregiver (number or name)", first))
    who = household.resolve_caregiver(plan.caregiver)
    before = service.existing(store, plan.day, who.id if who else None)
    view.intro(plan.day, who.name if who else None, before)

    # Symptoms: last week's first, so "same as before" is one keystroke.
    recent = service.recent_symptoms(store, plan.day)
    if recent and not plan.symptoms:
        view.say_err("Symptoms seen this week (Enter keeps the last severity; 0 means none today):")
        for slug, last in recent.items():
            current = before.symptoms.get(slug, {}).get("severity", last)
            plan.symptoms[slug] = _severity(f"  {symptoms.label(slug)}", current)
    if _yes("Any other symptoms today?", default=False):
        listed = [s for s in symptoms.CATALOGUE if s.slug not in recent]
        view.catalogue(listed)
        picked = _ask("Numbers or names, separated by commas (Enter for none)", "")
        for part in filter(None, (p.strip() for p in picked.split(","))):
            try:
                slug = (listed[int(part) - 1].slug if _whole(part) and 0 < int(part) <= len(listed)
                        else symptoms.find(part).slug)
            except CaretoolError as exc:
                view.say_err(f"  skipped {part!r}: {exc.message} ({exc.hint})")
                again = _ask(f"  Type it again, or Enter to leave {part!r} out", "").strip()
                if not again:
                    continue
                try:
                    slug = symptoms.find(again).slug
                except CaretoolError:
                    view.say_err(f"  left out {again!r}")
                    continue
            if slug == "other":
                plan.describe_other = _ask("  Describe it")
            plan.symptoms[slug] = _severity(f"  {symptoms.label(slug)}", 1)

    # Medicines due today.
    for dose in service.due_doses(store, household, plan.day):
        answer = _ask(f"{dose['time']} {dose['name']}: given? (y = yes, s = skipped, Enter = not yet)",
                      "", ).strip().lower()
        if answer in ("y", "yes"):
            plan.took.append(dose["name"])
        elif answer in ("s", "skip", "skipped", "n", "no"):
            plan.skipped.append((dose["name"], _ask("  Why was it skipped?", "not given")))

    old_hours = before.hours or {}
    from caretool.core.text import parse_number
    from caretool.domain.entries.kinds.hours import TASKS

    def hours_ok(text: str) -> float:
        value = parse_number(text, what="hours", low=0, high=24, hint="type hours such as 2.5")
        return value if value > 0 else parse_number("-1", what="hours", low=0, high=24,
                                                     hint="type more than 0, or Enter to skip")

    hours = _checked("Hours of care you gave today (Enter to skip)", old_hours.get("hours", ""), hours_ok)
    if hours:
        plan.hours = hours
        listing = ", ".join(f"{i}. {t}" for i, t in enumerate(TASKS, 1))
        plan.task = _checked(f"Main task ({listing})", old_hours.get("task", "other"), _task) or "other"
        plan.night = plan.task == "night-care" or _yes("Any of it at night?", bool(old_hours.get("night")))

    old = before.wellbeing or {}
    sleep = _checked("How many hours did you sleep last night? (Enter to skip)", old.get("sleep_hours", ""),
                     lambda t: parse_number(t, what="sleep", low=0, high=24, hint="type hours such as 6.5"))
    if sleep.strip():
        plan.sleep = sleep
        plan.stress = str(_number("Your stress today, 0 (calm) to 10 (worst)", 0, 10, old.get("stress", 5)))
        plan.took_break = _yes("Did you have a real break today?", bool(old.get("took_break", False)))

    plan.selfcheck = _maybe_selfcheck(store, household, who.id if who else None, plan)
    note = _ask("A note about today (Enter to skip)", (before.note or {}).get("text", ""))
    plan.note = note.strip() or None
    view.summary(plan)
    return plan if _yes("Save this check-in?", default=True) else None


def _maybe_selfcheck(
    store: Any, household: Any, caregiver_id: str | None, plan: "Plan"
) -> dict[str, int] | None:
    try:
        from caretool.domain.burnout import selfcheck
    except ImportError:
        return None
    if not selfcheck.selfcheck_due(store, household, caregiver_id, plan.day):
        return None
    if not _yes("A short weekly self-check about how you are doing (8 questions). Take it now?", False):
        return None
    from caretool.views import checkin as view

    answers: dict[str, int] = {}
    for q in selfcheck.QUESTIONS:
        answers[q.id] = _number(f"  {q.text} (0 never - 3 nearly always)", 0, 3, 0)
        if selfcheck.needs_crisis_help({q.id: answers[q.id]}):
            view.crisis(selfcheck.CRISIS_TEXT)
    return answers


def _number(label: str, low: int, high: int, default: Any) -> int:
    """A whole number in [low, high]; asks again instead of failing on a typo."""
    from caretool.views.checkin import say_err

    while True:
        answer = _ask(label, default).strip()
        if _whole(answer) and low <= int(answer) <= high:
            return int(answer)
        say_err(f"  Please type a whole number from {low} to {high}.")


def _whole(text: str) -> bool:
    """ASCII digits only: str.isdigit() also accepts '²', which int() refuses."""
    return text.isascii() and text.isdigit()


def _severity(label: str, default: int) -> int:
    return _number(f"{label} (0-3)", 0, 3, default)


def _pick(names: list[str], answer: str) -> str:
    answer = answer.strip()
    if _whole(answer) and 0 < int(answer) <= len(names):
        return names[int(answer) - 1]
    return answer
