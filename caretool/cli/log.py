"""`caretool log ...`: record one thing that happened."""


from typing import Annotated, Any

import typer

from caretool.cli.common import JsonOpt, json_wanted, state
from caretool.core.messages import _, msg

WHICH_SYMPTOM = msg("log.which-symptom", "which symptom?")
WHICH_SYMPTOM_HINT = msg("log.which-symptom.hint",
                         "give a name, e.g. `caretool log symptom cramps -s 1`; see them all with --list")
NO_SEVERITY = msg("log.no-severity", "the severity is missing")
NO_SEVERITY_HINT = msg("log.no-severity.hint", "add --severity 0-3 (0 none, 3 severe)")

log_app = typer.Typer(
    help=_("Record one thing: a symptom, hours of care, a weight, how you are, or a note.\n\n"
           "Every log takes --at (e.g. yesterday, '2 days ago 20:00', 2026-11-20T08:30) and "
           "--caregiver NAME."),
    no_args_is_help=True,
)

At = Annotated[str | None, typer.Option(
    "--at", help=_("When it happened: a date, a date and time, or a time today (default: now)."))]
Caregiver = Annotated[str | None, typer.Option(
    "--caregiver", "-c", help=_("Who is logging (default: the only or the default caregiver)."))]


def _store_and_show(ctx: typer.Context, kind: str, fields: dict[str, Any], at: str | None,
                    caregiver: str | None, as_json: bool) -> None:
    from caretool.domain.entries import service as entries
    from caretool.views import entries as view

    with state(ctx).store(write=True) as store:
        record = entries.log(store, kind, fields, at=at, caregiver=caregiver)
    view.stored(record, as_json=json_wanted(ctx, as_json))


@log_app.command("symptom")
def log_symptom(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(
        help=_("Symptom name from the catalogue, e.g. choking, leg-weakness."))] = None,
    severity: Annotated[str | None, typer.Option(
        "--severity", "-s", help=_("0 none, 1 mild, 2 moderate, 3 severe."))] = None,
    describe: Annotated[str | None, typer.Option(help=_("What you saw (needed for 'other')."))] = None,
    note: Annotated[str | None, typer.Option(help=_("An optional note."))] = None,
    list_all: Annotated[bool, typer.Option("--list", help=_("Show the symptom catalogue."))] = False,
    at: At = None,
    caregiver: Caregiver = None,
    as_json: JsonOpt = False,
) -> None:
    """Log a symptom and how bad it is today.

    Example: caretool log symptom choking --severity 1 --note "at dinner"
    """
    if list_all:
        from caretool.views import entries as view

        view.catalogue(as_json=json_wanted(ctx, as_json))
        return
    from caretool.core.errors import BadInput

    if not name:
        raise BadInput(WHICH_SYMPTOM, WHICH_SYMPTOM_HINT)
    if severity is None:
        raise BadInput(NO_SEVERITY, NO_SEVERITY_HINT)
    fields = {"name": name, "severity": severity, "describe": describe, "note": note}
    _store_and_show(ctx, "symptom", fields, at, caregiver, as_json)


@log_app.command("hours")
def log_hours(
    ctx: typer.Context,
    hours: Annotated[str, typer.Argument(help=_("Hours of care, e.g. 2.5."))],
    task: Annotated[str, typer.Option(
        help=_("personal-care, feeding, medical, mobility, night-care, household, transport, "
               "supervision, admin or other."))] = "other",
    night: Annotated[bool, typer.Option("--night", help=_("The care was at night."))] = False,
    night_hours: Annotated[str | None, typer.Option(
        "--night-hours", help=_("How many of the hours of care were at night."), metavar="H")] = None,
    at: At = None,
    caregiver: Caregiver = None,
    as_json: JsonOpt = False,
) -> None:
    """Log hours of care.

    Examples: caretool log hours 3 --task feeding | caretool log hours 8 --night-hours 2
    """
    fields = {"hours": hours, "task": task, "night": night, "night_hours": night_hours}
    _store_and_show(ctx, "hours", fields, at, caregiver, as_json)


@log_app.command("weight")
def log_weight(
    ctx: typer.Context,
    kg: Annotated[str, typer.Argument(help=_("Weight in kilograms, e.g. 68.4."))],
    at: At = None,
    caregiver: Caregiver = None,
    as_json: JsonOpt = False,
) -> None:
    """Log the weight of the person you care for. Example: caretool log weight 68.4"""
    _store_and_show(ctx, "weight", {"kg": kg}, at, caregiver, as_json)


@log_app.command("wellbeing")
def log_wellbeing(
    ctx: typer.Context,
    sleep: Annotated[str, typer.Option(help=_("Hours you slept last night."))],
    stress: Annotated[str, typer.Option(help=_("Your stress today, 0 (calm) to 10 (worst)."))],
    took_break: Annotated[bool, typer.Option(
        "--break/--no-break", help=_("Did you have a real break today?"))] = False,
    at: At = None,
    caregiver: Caregiver = None,
    as_json: JsonOpt = False,
) -> None:
    """Log how you, the caregiver, are doing.

    Example: caretool log wellbeing --sleep 6 --stress 7 --no-break
    """
    fields = {"sleep_hours": sleep, "stress": stress, "took_break": took_break}
    _store_and_show(ctx, "wellbeing", fields, at, caregiver, as_json)


@log_app.command("note")
def log_note(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help=_("The note (quote it)."))],
    at: At = None,
    caregiver: Caregiver = None,
    as_json: JsonOpt = False,
) -> None:
    """Log a free note. Example: caretool log note "Good day, walked to the park" """
    _store_and_show(ctx, "note", {"text": text}, at, caregiver, as_json)


@log_app.command("breathing")
def log_breathing(
    ctx: typer.Context,
    fvc: Annotated[str, typer.Option(
        "--fvc", metavar="PERCENT", help="FVC as % of predicted, from the clinic (5-150), e.g. 72.")],
    snip: Annotated[str | None, typer.Option(
        "--snip", metavar="CMH2O", help="SNIP in cmH2O, if it was measured (5-200).")] = None,
    position: Annotated[str | None, typer.Option(
        "--position", metavar="sitting|lying",
        help="Whether the FVC was blown sitting or lying down.")] = None,
    at: At = None,
    caregiver: Caregiver = None,
    as_json: JsonOpt = False,
) -> None:
    """Log a breathing test from the clinic (FVC, optionally SNIP).

    Example: caretool log breathing --fvc 72 --snip 45 --position sitting --at 2026-11-02
    """
    from caretool.domain.progress import service
    from caretool.views import progress as view

    with state(ctx).store(write=True) as store:
        record = service.log(store, "breathing", {"fvc": fvc, "snip": snip, "position": position},
                             at=at, caregiver=caregiver)
    view.stored(record, as_json=json_wanted(ctx, as_json))


@log_app.command("niv")
def log_niv(
    ctx: typer.Context,
    hours: Annotated[str, typer.Argument(help="Hours on NIV (the breathing machine with a mask), 0 to 24.")],
    night: Annotated[bool, typer.Option(
        "--night", help="The hours were overnight (without it: during the day).")] = False,
    at: At = None,
    caregiver: Caregiver = None,
    as_json: JsonOpt = False,
) -> None:
    """Log hours on NIV: overnight with --night, otherwise during the day.

    Example: caretool log niv 7.5 --night
    """
    _store_and_show(ctx, "niv", {"hours": hours, "night": night}, at, caregiver, as_json)


@log_app.command("cough-assist")
def log_cough_assist(
    ctx: typer.Context,
    sessions: Annotated[str, typer.Option("--sessions", help="How many sessions (default 1).")] = "1",
    at: At = None,
    caregiver: Caregiver = None,
    as_json: JsonOpt = False,
) -> None:
    """Log sessions on the cough assist machine. Example: caretool log cough-assist --sessions 2"""
    _store_and_show(ctx, "cough-assist", {"sessions": sessions}, at, caregiver, as_json)


@log_app.command("suction")
def log_suction(
    ctx: typer.Context,
    times: Annotated[str, typer.Option("--times", help="How many times (default 1).")] = "1",
    at: At = None,
    caregiver: Caregiver = None,
    as_json: JsonOpt = False,
) -> None:
    """Log suction of saliva or phlegm. Example: caretool log suction --times 3"""
    _store_and_show(ctx, "suction", {"times": times}, at, caregiver, as_json)


@log_app.command("feed")
def log_feed(
    ctx: typer.Context,
    ml: Annotated[str, typer.Argument(metavar="ML", help="How much, in millilitres (1 to 5000).")],
    via: Annotated[str, typer.Option("--via", help="peg (the feeding tube, the default) or mouth.")] = "peg",
    at: At = None,
    caregiver: Caregiver = None,
    as_json: JsonOpt = False,
) -> None:
    """Log a feed. Example: caretool log feed 250 --via peg"""
    _store_and_show(ctx, "feed", {"ml": ml, "via": via}, at, caregiver, as_json)


@log_app.command("tube-change")
def log_tube_change(
    ctx: typer.Context,
    came_out: Annotated[bool, typer.Option(
        "--came-out", help="The tube came out by accident (this warns: the opening can close within hours).")
    ] = False,
    note: Annotated[str | None, typer.Option(help="A note, e.g. 'balloon 5 mL, size 16'.")] = None,
    at: At = None,
    caregiver: Caregiver = None,
    as_json: JsonOpt = False,
) -> None:
    """Log a change of the feeding tube, or with --came-out that it came out.

    Example: caretool log tube-change --note "balloon gastrostomy, size 16"
    """
    _store_and_show(ctx, "tube-change", {"came_out": came_out, "note": note}, at, caregiver, as_json)
