"""`caretool report`: the weekly summary."""


from typing import Annotated

import typer

from caretool.cli.common import From, JsonOpt, Output, To, json_wanted, state
from caretool.core.messages import _


def report(
    ctx: typer.Context,
    week: Annotated[str | None, typer.Option(
        help=_("An ISO week such as 2026-W47 (default: the last complete week)."))] = None,
    start: From = None,
    end: To = None,
    this_week: Annotated[bool, typer.Option("--this-week", help=_("This week so far."))] = False,
    form: Annotated[str, typer.Option(
        "--format", "-f", help=_("text (default), md, html (a one-page clinic summary first, then the "
                                 "detail) or json."))] = "text",
    include_caregiver_health: Annotated[bool, typer.Option(
        "--include-caregiver-health",
        help=_("Add the caregivers' self-check answers (left out by default: they are private)."))] = False,
    output: Output = None,
    as_json: JsonOpt = False,
) -> None:
    """The weekly summary, for the family and for the clinic visit.

    Warnings, symptoms and their trend, weight, medications and hours of care.

    How each caregiver is doing, the notes, and questions to take to the care team. The
    caregivers' self-check answers stay out unless you add --include-caregiver-health.

    Examples: caretool report | caretool report --week 2026-W47 --format html --output week.html
    """
    from pathlib import Path

    from caretool.domain.report import service
    from caretool.domain.transfer import files as transfer
    from caretool.views import report_text as view

    form = service.check_format(form)
    period = service.resolve_period(week=week, start=start, end=end, this_week=this_week)
    with state(ctx).store() as store:
        store.require_household()
        data = service.report(store, period, include_caregiver_health=include_caregiver_health)
    if output:
        path = transfer.write_private(Path(output), view.as_string(data, form))
        view.written(path, form, as_json=json_wanted(ctx, as_json))
    elif json_wanted(ctx, as_json):
        view.emit_json(data)
    else:
        view.show(data, form)
