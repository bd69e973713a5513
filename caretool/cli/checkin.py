"""`caretool checkin`: the guided daily check-in (about two minutes)."""


from typing import Annotated

import typer

from caretool.cli.common import JsonOpt, json_wanted, state
from caretool.core.messages import _, msg

SAVE_AGAIN_HINT = msg("checkin.save-again.hint", "nothing was saved; run `caretool checkin` again: it shows "
                      "what is recorded now and asks only about the rest")


def checkin(
    ctx: typer.Context,
    date: Annotated[str | None, typer.Option(
        "--date", help=_("The day to check in for (default today)."))] = None,
    caregiver: Annotated[str | None, typer.Option(
        "--caregiver", "-c", help=_("Who is checking in."))] = None,
    non_interactive: Annotated[bool, typer.Option(
        "--non-interactive", help=_("Do not ask; record only what the flags say."))] = False,
    symptom: Annotated[list[str] | None, typer.Option(
        "--symptom", help=_("NAME=SEVERITY (0-3); repeat for each symptom."))] = None,
    describe: Annotated[str | None, typer.Option(help=_("What the 'other' symptom is."))] = None,
    hours: Annotated[str | None, typer.Option(help=_("Hours of care today."))] = None,
    task: Annotated[str | None, typer.Option(
        help=_("Main task for those hours (see `log hours --help`)."))] = None,
    night: Annotated[bool, typer.Option("--night", help=_("Some of the care was at night."))] = False,
    night_hours: Annotated[str | None, typer.Option(
        "--night-hours", metavar="H", help=_("How many of the hours of care were at night."))] = None,
    sleep: Annotated[str | None, typer.Option(help=_("Hours you slept last night."))] = None,
    stress: Annotated[str | None, typer.Option(help=_("Your stress today, 0-10."))] = None,
    took_break: Annotated[bool | None, typer.Option(
        "--break/--no-break", help=_("Did you have a real break today?"))] = None,
    took: Annotated[list[str] | None, typer.Option(
        "--took", help=_("A dose given: each --took is one dose, so give it twice for both of "
                                   "today's doses (--took riluzole --took riluzole)."))] = None,
    skipped: Annotated[list[str] | None, typer.Option(
        "--skipped", help=_("A medicine not given, as NAME or NAME=REASON; repeatable."))] = None,
    note: Annotated[str | None, typer.Option(help=_("A free note about the day."))] = None,
    as_json: JsonOpt = False,
) -> None:
    """Check in for the day: symptoms, medicines, hours of care, and how you are.

    Checking in again on the same day amends that day's check-in.

    Examples:

      caretool checkin                      (asks; press Enter to keep a suggested answer)

      caretool checkin --date yesterday

      caretool checkin --non-interactive --symptom cramps=1 --symptom choking=0 --hours 6 \\
          --night-hours 2 --task feeding --sleep 5.5 --stress 7 --no-break --took riluzole --note "Tired day"
    """
    from caretool.core.errors import CaretoolError
    from caretool.domain.checkin import service
    from caretool.domain.checkin.model import DoseAnswer
    from caretool.views import checkin as view

    st = state(ctx)
    plan = service.Plan(
        day=service.resolve_day(date), caregiver=caregiver, describe_other=describe or "",
        hours=hours, task=task, night=night, night_hours=night_hours, sleep=sleep, stress=stress,
        took_break=took_break, note=note,
        doses=[DoseAnswer(name, "taken") for name in took or []]
        + [DoseAnswer(s.partition("=")[0], "skipped", s.partition("=")[2]) for s in skipped or []],
    )
    for item in symptom or []:
        slug, severity = service.parse_symptom_flag(item)
        plan.symptoms[slug] = severity
    if not non_interactive:
        from caretool.cli import prompts
        from caretool.domain.checkin import interview

        with st.store() as store:  # read what the questions need; no lock while they are answered
            context = service.read(store, plan.day, caregiver)
        answered = prompts.walk(interview.interview(context, plan))
        if answered is None:
            raise prompts.Cancelled(interrupted=False)
        plan = answered
    with st.store(write=True) as store:
        try:
            result = service.save(store, plan)
        except CaretoolError as exc:
            if non_interactive:
                raise
            # Only a change made meanwhile by another caretool gets here: every answer was checked.
            exc.hint = SAVE_AGAIN_HINT
            raise
        # Derived from what is now stored (the same open files, read once): warnings, burnout level.
        flags = service.warnings(store, result)
        extra = service.burnout_after(store, result)
    view.finished(result, flags, extra, as_json=json_wanted(ctx, as_json))

