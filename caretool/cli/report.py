"""`caretool report`, `export`, `import` and `demo`."""


from typing import Annotated

import typer

from caretool.cli.common import JsonOpt, json_wanted, state

Output = Annotated[str | None, typer.Option(
    "--output", "-o", help="Write to this file (readable only by you) instead of the screen.",
    metavar="FILE")]
From = Annotated[str | None, typer.Option("--from", help="First day (e.g. 2026-11-01, '14 days ago').")]
To = Annotated[str | None, typer.Option("--to", help="Last day (default: today).")]


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

    from caretool import transfer
    from caretool.errors import BadInput
    from caretool.report import service
    from caretool.views import report_text as view

    form = "json" if json_wanted(ctx, as_json) else form.strip().lower()
    if form not in view.FORMATS:
        raise BadInput(f"unknown format {form!r}", "use --format text, md, html or json")
    period = service.resolve_period(week=week, start=start, end=end, this_week=this_week)
    with state(ctx).store() as store:
        store.require_household()
        data = service.report(store, period)
    if output:
        path = transfer.write_private(Path(output), view.as_string(data, form))
        view.written(path, f"{form} report")
        return
    view.show(data, form)


def export(
    ctx: typer.Context,
    form: Annotated[str, typer.Option(
        "--format", "-f", help="json (default; can be imported) or csv.")] = "json",
    output: Output = None,
    start: From = None,
    end: To = None,
    as_json: JsonOpt = False,
) -> None:
    """Export the household and its entries, for a copy, another computer or a spreadsheet.

    Examples: caretool export --output caretool.json | caretool export --format csv -o entries.csv
    """
    import sys
    from pathlib import Path

    from caretool import dates, transfer
    from caretool.views import report_text as view

    form = form.strip().lower()
    first = dates.parse_day(start) if start else None
    last = dates.parse_day(end) if end else None
    transfer.check_range(first, last)
    with state(ctx).store() as store:
        store.require_household()
        if output:
            with transfer.private_file(Path(output)) as handle:
                count = transfer.export(store, handle, form=form, start=first, end=last)
            info = {"path": str(Path(output).expanduser().resolve()), "records": count, "format": form}
        else:
            count = transfer.export(store, sys.stdout, form=form, start=first, end=last)
            info = {"path": None, "records": count, "format": form}
    view.exported(info, as_json=json_wanted(ctx, as_json))


def import_(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(help="A file made by `caretool export` (JSON).", metavar="FILE")],
    as_json: JsonOpt = False,
) -> None:
    """Import an export: adds the entries this home lacks and skips the ones it has.

    Every record is checked first: if one is wrong, nothing is written.

    A backup is taken before anything changes. Example: caretool import caretool-laptop.json
    """
    from pathlib import Path

    from caretool import transfer
    from caretool.views import report_text as view

    st = state(ctx)
    raw = transfer.read_export(Path(file))
    with view.progress(2 * len(raw["records"]), "Importing") as advance:
        checked = transfer.check_export(raw, advance)
        with st.store(write=True) as store:
            result = transfer.merge(store, st.home, checked, advance)
    view.imported(result, as_json=json_wanted(ctx, as_json))


def demo(
    ctx: typer.Context,
    home: Annotated[str | None, typer.Option(
        "--home", help="Build the sample here (an empty or new folder) instead of a new temporary one.",
        metavar="DIR")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Try caretool on a made-up household: six weeks of entries, today's status and last week's report.

    Your own data is never touched. Example: caretool demo
    """
    from caretool import sample
    from caretool.views import report_text as view

    view.demo(sample.demo(home), as_json=json_wanted(ctx, as_json))
