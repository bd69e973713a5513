"""`caretool report`: the weekly summary."""


from typing import Annotated

import typer

from caretool.cli.common import From, JsonOpt, Output, To, json_wanted, state


def report(
    ctx: typer.Context,
    week: Annotated[str | None, typer.Option(
        help="An ISO week such as 2026-W47 (default: the last complete week).")] = None,
    start: From = None,
    end: To = None,
    this_week: Annotated[bool, typer.Option("--this-week", help="This week so far.")] = False,
    form: Annotated[str, typer.Option(
        "--format", "-f", help="text (default), md, html (one printable page) or json.")] = "text",
    output: Output = None,
    as_json: JsonOpt = False,
) -> None:
    """The weekly summary, for the family and for the clinic visit.

    Warnings, symptoms and their trend, weight, medications and hours of care.

    How each caregiver is doing, the notes, and questions to take to the care team.

    Examples: caretool report | caretool report --week 2026-W47 --format html --output week.html
    """
    from pathlib import Path

    from caretool.core.errors import BadInput
    from caretool.domain.report import service
    from caretool.domain.transfer import files as transfer
    from caretool.views import report_text as view

    form = form.strip().lower()
    if form not in view.FORMATS:
        raise BadInput(f"unknown format {form!r}", "use --format text, md, html or json")
    period = service.resolve_period(week=week, start=start, end=end, this_week=this_week)
    with state(ctx).store() as store:
        store.require_household()
        data = service.report(store, period)
    if output:
        path = transfer.write_private(Path(output), view.as_string(data, form))
        view.written(path, f"{form} report", as_json=json_wanted(ctx, as_json))
    elif json_wanted(ctx, as_json):
        view.emit_json(data)
    else:
        view.show(data, form)
