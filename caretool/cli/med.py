"""`caretool med ...`: medications, their schedules, the doses given and adherence."""


from typing import TYPE_CHECKING, Annotated

import typer

from caretool.cli.common import JsonOpt, Output, json_wanted, state
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
MaxPerDay = Annotated[str | None, typer.Option(
    "--max-per-day",
    help=_("As needed: at most this many doses in any 24 hours, e.g. 4 ('none' clears it)."))]
MinGap = Annotated[str | None, typer.Option(
    "--min-gap",
    help=_("As needed: at least this long between two doses, e.g. 4h or 90m ('none' clears it)."))]
WarnDays = Annotated[str | None, typer.Option(
    "--warn-days", help=_("Warn when a medicine's stock lasts this many days or fewer (default 7)."))]
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
    max_per_day: MaxPerDay = None,
    min_gap: MinGap = None,
    as_json: JsonOpt = False,
) -> None:
    """Add a medication and its schedule.

    A medicine taken as needed may have limits (--max-per-day, --min-gap): `med take` then
    refuses a dose over them unless --override with a note.

    Examples: caretool med add --preset riluzole | caretool med add baclofen --dose "5 mg"
    --times 08:00,14:00,20:00 | caretool med add vitamin-d --dose "1 tablet" --days mon
    | caretool med add paracetamol --dose "1 tablet" --as-needed --max-per-day 4 --min-gap 4h
    """
    from caretool.domain.meds import service
    from caretool.views import meds as view

    flags = _flags(times, days, every, as_needed, rrule, preset)
    with state(ctx).store(write=True) as store:
        row = service.add(store, name=name, dose=dose, flags=flags, start=start, end=end, note=note,
                          max_per_day=max_per_day, min_gap=min_gap)
    view.added(row, as_json=json_wanted(ctx, as_json))


@med_app.command("list")
def list_meds(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(help=_("Show one medication in full."))] = None,
    warn_days: WarnDays = None,
    as_json: JsonOpt = False,
) -> None:
    """List medications, active and stopped, with their schedules in plain words.

    For the ones whose stock is counted (`caretool med stock`): how long it lasts at the current
    schedule, with a warning when it runs out within 7 days (--warn-days).

    Examples: caretool med list | caretool med list riluzole | caretool med list --warn-days 10
    """
    from caretool.domain.meds import service
    from caretool.views import meds as view

    with state(ctx).store() as store:
        rows = service.listing(store, name, warn_days=warn_days)
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
    max_per_day: MaxPerDay = None,
    min_gap: MinGap = None,
    as_json: JsonOpt = False,
) -> None:
    """Change a medication: name, dose, schedule, dates, note, or an as-needed medicine's limits.

    Examples: caretool med edit riluzole --times 09:00,21:00 | caretool med edit baclofen --dose "10 mg"
    | caretool med edit paracetamol --max-per-day 3
    """
    from caretool.domain.meds import service
    from caretool.views import meds as view

    flags = _flags(times, days, every, as_needed, rrule, preset)
    with state(ctx).store(write=True) as store:
        before, after = service.edit(store, name, new_name=rename, dose=dose, flags=flags, start=start,
                                     end=end, note=note, from_day=from_day, max_per_day=max_per_day,
                                     min_gap=min_gap)
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
    soon: Annotated[str | None, typer.Option(
        "--soon", help=_("Only the doses due within this time from now, e.g. 30m or 2h (1 minute to 24 "
                         "hours), and those overdue today."))] = None,
    notify: Annotated[bool, typer.Option(
        "--notify",
        help=_("With --soon: also show them as a desktop notification (needs notify-send)."))] = False,
    as_json: JsonOpt = False,
) -> None:
    """The doses scheduled on a day: taken, skipped, missed, due (within 2 hours) or upcoming.

    With --soon, for the computer's scheduler (see `caretool remind setup`): only the doses due in
    that time and those overdue today (marked). Exit codes with --soon: 0 a dose is due or overdue,
    1 nothing is, 2 bad input. --notify sends a desktop notification through notify-send when one is
    due, and says so plainly when this computer has no notify-send.

    Examples: caretool med due | caretool med due --date yesterday | caretool med due --soon 30m --notify
    """
    if soon is None:
        if notify:
            from caretool.core.errors import BadInput
            from caretool.domain.reminders.soon import NOTIFY_NEEDS_SOON, NOTIFY_NEEDS_SOON_HINT

            raise BadInput(NOTIFY_NEEDS_SOON, NOTIFY_NEEDS_SOON_HINT)
        from caretool.domain.meds import service
        from caretool.views import meds as view

        with state(ctx).store() as store:
            info = service.due(store, day)
        view.due(info, as_json=json_wanted(ctx, as_json))
        return
    from caretool.domain.reminders import soon as due_soon
    from caretool.views import reminders as reminders_view

    if day is not None:
        from caretool.core.errors import BadInput

        raise BadInput(due_soon.SOON_WITH_DATE, due_soon.SOON_WITH_DATE_HINT)
    length = due_soon.window(soon)
    with state(ctx).store() as store:
        found = due_soon.due_soon(store, length)
    reminders_view.soon(found, as_json=json_wanted(ctx, as_json), notify_wanted=notify)
    if not found["due"]:
        raise typer.Exit(1)


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
    override: Annotated[bool, typer.Option(
        "--override", help=_("Record an as-needed dose over its limits (needs --note saying why)."))] = False,
    note: Annotated[str | None, typer.Option(
        "--note", help=_("Why the dose was given over the limits, e.g. 'the nurse said so'."))] = None,
    caregiver: Caregiver = None,
    as_json: JsonOpt = False,
) -> None:
    """Record a dose given: the nearest open dose of today (or last night); with no open dose, an
    extra dose. A skipped dose changes to taken only with --for TIME --replace.

    A dose of an as-needed medicine over its limits (--max-per-day, --min-gap) is refused (exit 2,
    naming the last dose and when the next is allowed) unless --override with a --note.

    Examples: caretool med take riluzole | caretool med take riluzole --at 08:10 --for 08:00
    | caretool med take baclofen --for 20:00 --replace
    | caretool med take paracetamol --override --note "the GP said one more tonight"
    """
    from caretool.domain.meds import service
    from caretool.views import meds as view

    with state(ctx).store(write=True) as store:
        result = service.log_dose(store, name, "taken", at=at, for_time=for_time, extra=extra,
                                  replace=replace, caregiver=caregiver, override=override, note=note)
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


@med_app.command("stock", context_settings={"ignore_unknown_options": True})
def stock(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(
        help=_("The medication (leave out to see every counted one)."))] = None,
    count: Annotated[str | None, typer.Argument(
        help=_("How many are at hand now (leave out to see what is left)."))] = None,
    unit: Annotated[str | None, typer.Option(
        "--unit", help=_("What is counted: tablets, capsules, mL, vials, sachets, patches, puffs, drops, "
                         "syringes or doses (default: read from the dose, e.g. '50 mg tablet')."))] = None,
    per_dose: Annotated[str | None, typer.Option(
        "--per-dose", help=_("How many one dose takes, when the dose text does not say (e.g. 1)."))] = None,
    add: Annotated[bool, typer.Option(
        "--add", help=_("A refill: add COUNT to what is left instead of replacing the count."))] = False,
    at: Annotated[str | None, typer.Option(
        "--at", help=_("When it was counted (default now); doses given after it lower it."))] = None,
    warn_days: WarnDays = None,
    as_json: JsonOpt = False,
) -> None:
    """Record what is at hand of a medicine, or see what is left.

    Every dose marked taken after the count lowers it by its amount (read from the dose, e.g.
    '2 tablets', or --per-dose); `med list` and `caretool today` say how many days it lasts at the
    current schedule and warn at 7 days. `caretool undo` reverts a count, and undoing a dose gives
    it back.

    Examples: caretool med stock riluzole 60 | caretool med stock riluzole 56 --add
    | caretool med stock "edaravone iv" 14 --unit vials --per-dose 1 | caretool med stock
    """
    from caretool.domain.meds import service
    from caretool.views import stock as view

    if count is None:
        with state(ctx).store() as store:
            rows = service.stock_report(store, name, warn_days=warn_days)
        view.listing(rows, as_json=json_wanted(ctx, as_json))
        return
    assert name is not None  # a count comes after the name
    with state(ctx).store(write=True) as store:
        result = service.set_stock(store, name, count, unit=unit, per_dose=per_dose, add=add, at=at,
                                   warn_days=warn_days)
    view.recorded(result, as_json=json_wanted(ctx, as_json))


@med_app.command("calendar")
def calendar(
    ctx: typer.Context,
    output: Output = None,
    names: Annotated[list[str] | None, typer.Option(
        "--name", help=_("Only this medication (repeat for more; default: all)."))] = None,
    alarm: Annotated[str | None, typer.Option(
        "--alarm", help=_("An alarm this long before each dose, e.g. 10m (0 for at the time; some calendar "
                          "services ignore alarms in imported files)."))] = None,
    as_json: JsonOpt = False,
) -> None:
    """Write the medication schedules as an iCalendar (.ics) file for the family's calendar.

    One repeating event series per schedule (28-day cycles and loading doses included), in this
    computer's time zone. Importing a newer file updates the same events; a stopped medicine's
    series ends. Medicines taken as needed have no events.

    Google Calendar (on a computer, not the phone app): Settings > Import & export > Import, choose the
    file and a calendar (make one called Medicines first, so it can be deleted and imported again after
    a change). Google Calendar ignores the alarms in imported files: set notifications for that calendar.
    Apple Calendar: File > Import, choose the file; on an iPhone, open the file from Mail or Files and tap
    Add All. Outlook: File > Open & Export > Import/Export > Import an iCalendar (.ics) file; on
    Outlook.com: Calendar > Add calendar > Upload from file.

    Examples: caretool med calendar --output medicines.ics | caretool med calendar --name riluzole
    --alarm 10m --output riluzole.ics
    """
    from pathlib import Path

    from caretool.domain.meds import durations
    from caretool.domain.reminders import calendar as plan
    from caretool.domain.transfer.files import write_private
    from caretool.views import calendar_ics
    from caretool.views import reminders as view

    lead = durations.parse(alarm, option="--alarm", low=plan.ALARM_LOWEST, high=plan.ALARM_HIGHEST) \
        if alarm is not None else None
    with state(ctx).store() as store:
        found = plan.plan(store, names or [])
    text = calendar_ics.ics(found, alarm=lead)
    path = str(write_private(Path(output), text)) if output else None
    view.calendar(found, path=path, text=text, alarm=lead, as_json=json_wanted(ctx, as_json))
