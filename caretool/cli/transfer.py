"""`caretool export` and `caretool import`: move a household between computers."""


from typing import Annotated

import typer

from caretool.cli.common import From, JsonOpt, Output, To, json_wanted, state


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

    from caretool.core import dates
    from caretool.domain.transfer import service as transfer
    from caretool.views import transfer as view

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

    from caretool.domain.transfer import service as transfer
    from caretool.views import transfer as view

    st = state(ctx)
    raw = transfer.read_export(Path(file))
    with view.progress(2 * len(raw["records"]), "Importing") as advance:
        checked = transfer.check_export(raw, advance)
        with st.store(write=True) as store:
            result = transfer.merge(store, checked, advance)
    view.imported(result, as_json=json_wanted(ctx, as_json))
