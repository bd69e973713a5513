"""`caretool med ...`: medications, their schedules, the doses given and adherence."""


from typing import TYPE_CHECKING, Annotated

import typer

from caretool.cli.common import JsonOpt, json_wanted, state
from caretool.core.messages import _

if TYPE_CHECKING:
    from caretool.domain.meds.service import ScheduleFlags

med_app = typer.Typer(
    help=_("Medications: schedules (every 12 hours, 28-day cycles, loading doses), the doses given "
           "or skipped, and how many were missed.\n\n"
           "Presets: riluzole, riluzole-suspension, edaravone-iv, edaravone-oral, tofersen, nuedexta. "
           "A preset fills in the usual labelled schedule; always follow the prescriber.\n\n"
           "A medicine is named by its name, the start of it (edaravone for Edaravone oral) or its preset."),
    no_args_is_help=True,
)

Times = Annotated[str | None, typer.Option(
    "--times", help=_("Times of day, e.g. 08:00,20:00 (daily unless --days or --every)."))]
Days = Annotated[str | None, typer.Option(
    "--days", help=_("Days of the week, e.g. mon,wed,fri (or weekdays)."))]
Every = Annotated[str | None, typer.Option(
    "--every", help=_("Interval: 28d, 2w, or 12h (with one first time in --times)."))]
AsNeeded = Annotated[bool, typer.Option("--as-needed", help=_("No schedule: record doses when given."))]
RRule = Annotated[list[str] | None, typer.Option(
    "--rrule", help=_("RFC 5545 lines, e.g. 'RRULE:FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0' "
    "(repeat, or separate lines with spaces; RRULE, EXRULE, RDATE, EXDATE)."))]
Preset = Annotated[str | None, typer.Option(
    "--preset", help=_("riluzole, riluzole-suspension, edaravone-iv, edaravone-oral, tofersen or nuedexta."))]
Start = Annotated[str | None, typer.Option("--start", help=_("Day 1 of the schedule (default today)."))]
End = Annotated[str | None, typer.Option("--end", help=_("Last day of the schedule ('none' clears it)."))]
Note = Annotated[str | None, typer.Option("--note", help=_("A note, e.g. 'crush into yoghurt'."))]
Name = Annotated[str, typer.Argument(help=_("The medication's name, or the start of it (any case)."))]
Caregiver = Annotated[str | None, typer.Option(
    "--caregiver", "-c", help=_("Who gave or skipped it (default: the only or the default caregiver)."))]
For = Annotated[str | None, typer.Option(
    "--for", help=_("Which scheduled dose: a time such as 20:00 (the last 20:00 dose that has come), "
                     "'today 20:00' or 'yesterday 20:00' (default: the nearest open dose)."))]


def _flags(times: str | None, days: str | None, every: str | None, as_needed: bool,
           rrule: list[str] | None, preset: str | None) -> "ScheduleFlags":
    from caretool.domain.meds.service import ScheduleFlags

    return ScheduleFlags(times=times, days=days, every=every, as_needed=as_needed,
                         rrule=list(rrule or []), preset=preset)


@med_app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(
        help=_("The medication's name (default: the preset's)."))] = None,
    dose: Annotated[str | None, typer.Option("--dose", help=_("How much, e.g. '50 mg' or '10 mL'."))] = None,
    times: Times = None,
    days: Days = None,
    every: Every = None,
    as_needed: AsNeeded = False,
    rrule: RRule = None,
    preset: Preset = None,
    start: Start = None,
    end: End = None,
    note: Note = None,
    as_json: JsonOpt = False,
) -> None:
    """Add a medication and its schedule.

    Examples: caretool med add --preset riluzole | caretool med add baclofen --dose "5 mg"
    --times 08:00,14:00,20:00 | caretool med add vitamin-d --dose "1 tablet" --days mon
    """
    from caretool.domain.meds import service
    from caretool.views import meds as view

    flags = _flags(times, days, every, as_needed, rrule, preset)
    with state(ctx).store(write=True) as store:
        row = service.add(store, name=name, dose=dose, flags=flags, start=start, end=end, note=note)
    view.added(row, as_json=json_wanted(ctx, as_json))


@med_app.command("list")
def list_meds(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(help=_("Show one medication in full."))] = None,
    as_json: JsonOpt = False,
) -> None:
    """List medications, active and stopped, with their schedules in plain words.

    Examples: caretool med list | caretool med list riluzole
    """
    from caretool.domain.meds import service
    from caretool.views import meds as view

    with state(ctx).store() as store:
        rows = service.listing(store, name)
    view.listing(rows, as_json=json_wanted(ctx, as_json), one=bool(name))


@med_app.command("edit")
def edit(
    ctx: typer.Context,
    name: Name,
    rename: Annotated[str | None, typer.Option("--name", help=_("A new name."))] = None,
    dose: Annotated[str | None, typer.Option("--dose", help=_("A new dose."))] = None,
    times: Times = None,
    days: Days = None,
    every: Every = None,
    as_needed: AsNeeded = False,
    rrule: RRule = None,
    preset: Preset = None,
    start: Start = None,
    end: End = None,
    note: Note = None,
    from_day: Annotated[str | None, typer.Option(
        "--from",
        help=_("First day of a new schedule (default today; earlier days keep the old one)."))] = None,
    as_json: JsonOpt = False,
) -> None:
    """Change a medication: name, dose, schedule, dates or note.

    Examples: caretool med edit riluzole --times 09:00,21:00 | caretool med edit baclofen --dose "10 mg"
    """
    from caretool.domain.meds import service
    from caretool.views import meds as view

    flags = _flags(times, days, every, as_needed, rrule, preset)
    with state(ctx).store(write=True) as store:
        before, after = service.edit(store, name, new_name=rename, dose=dose, flags=flags, start=start,
                                     end=end, note=note, from_day=from_day)
    view.edited(before, after, as_json=json_wanted(ctx, as_json))


@med_app.command("stop")
def stop(
    ctx: typer.Context,
    name: Name,
    at: Annotated[str | None, typer.Option(
        "--at", help=_("When it was stopped (default now; a past date means from the start of that day)."),
    )] = None,
    as_json: JsonOpt = False,
) -> None:
    """Stop a medication: its later doses are no longer due. Example: caretool med stop baclofen"""
    from caretool.domain.meds import service
    from caretool.views import meds as view

    with state(ctx).store(write=True) as store:
        row = service.stop(store, name, at)
    view.stopped(row, as_json=json_wanted(ctx, as_json))


@med_app.command("due")
def due(
    ctx: typer.Context,
    day: Annotated[str | None, typer.Option("--date", help=_("Which day (default today)."))] = None,
    as_json: JsonOpt = False,
) -> None:
    """The doses scheduled on a day: taken, skipped, missed, due (within 2 hours) or upcoming.

    Examples: caretool med due | caretool med due --date yesterday
    """
    from caretool.domain.meds import service
    from caretool.views import meds as view

    with state(ctx).store() as store:
        info = service.due(store, day)
    view.due(info, as_json=json_wanted(ctx, as_json))


@med_app.command("take")
def take(
    ctx: typer.Context,
    name: Name,
    at: Annotated[str | None, typer.Option(
        "--at", help=_("When it was given (default now), e.g. 08:10."))] = None,
    for_time: For = None,
    extra: Annotated[bool, typer.Option("--extra", help=_("A dose outside the schedule."))] = False,
    replace: Annotated[bool, typer.Option(
        "--replace", help=_("Change the skipped dose named with --for to taken."))] = False,
    caregiver: Caregiver = None,
    as_json: JsonOpt = False,
) -> None:
    """Record a dose given: the nearest open dose of today (or last night); with no open dose, an
    extra dose. A skipped dose changes to taken only with --for TIME --replace.

    Examples: caretool med take riluzole | caretool med take riluzole --at 08:10 --for 08:00
    | caretool med take baclofen --for 20:00 --replace
    """
    from caretool.domain.meds import service
    from caretool.views import meds as view

    with state(ctx).store(write=True) as store:
        result = service.log_dose(store, name, "taken", at=at, for_time=for_time, extra=extra,
                                  replace=replace, caregiver=caregiver)
    view.recorded(result, as_json=json_wanted(ctx, as_json))


@med_app.command("skip")
def skip(
    ctx: typer.Context,
    name: Name,
    reason: Annotated[str | None, typer.Option("--reason", help=_("Why it was not given."))] = None,
    at: Annotated[str | None, typer.Option("--at", help=_("When it was decided (default now)."))] = None,
    for_time: For = None,
    caregiver: Caregiver = None,
    as_json: JsonOpt = False,
) -> None:
    """Record a scheduled dose that was not given, and why.

    Example: caretool med skip riluzole --reason "asleep" --for 20:00
    """
    from caretool.domain.meds import service
    from caretool.views import meds as view

    with state(ctx).store(write=True) as store:
        result = service.log_dose(store, name, "skipped", at=at, for_time=for_time, reason=reason,
                                  caregiver=caregiver)
    view.recorded(result, as_json=json_wanted(ctx, as_json))


@med_app.command("adherence")
def adherence(
    ctx: typer.Context,
    days: Annotated[str, typer.Option("--days", help=_("How many days back, today included."))] = "28",
    as_json: JsonOpt = False,
) -> None:
    """Per medication: doses scheduled, taken, skipped and missed, and which were missed.

    Example: caretool med adherence --days 7
    """
    from caretool.domain.meds import service
    from caretool.views import meds as view

    with state(ctx).store() as store:
        report = service.adherence_report(store, days)
    view.adherence(report, as_json=json_wanted(ctx, as_json))
