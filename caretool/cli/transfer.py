"""`caretool export` and `caretool import`: move a household between computers."""


from typing import Annotated

import typer

from caretool.cli.common import From, JsonOpt, Output, To, json_wanted, state
from caretool.core.messages import _, msg


def export(
    ctx: typer.Context,
    form: Annotated[str, typer.Option(
        "--format", "-f", help=_("json (default; can be imported) or csv."))] = "json",
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
    from caretool.domain.entries.service import check_range
    from caretool.domain.transfer import export as exporting
    from caretool.domain.transfer import files
    from caretool.views import transfer as view

    form = exporting.check_format(form)
    first = dates.parse_day(start) if start else None
    last = dates.parse_day(end) if end else None
    check_range(first, last)
    with state(ctx).store() as store:
        store.require_household()
        if output:
            with files.private_file(Path(output)) as handle:
                count = exporting.export(store, handle, form=form, start=first, end=last)
            info = {"path": str(Path(output).expanduser().resolve()), "records": count, "format": form}
        else:
            with view.screen(sys.stdout) as out:
                count = exporting.export(store, out, form=form, start=first, end=last)
            info = {"path": None, "records": count, "format": form}
    view.exported(info, as_json=json_wanted(ctx, as_json))


NO_FILE_GIVEN = msg("import.no-file-given", "no file to import was given")
NO_FILE_GIVEN_HINT = msg("import.no-file-given.hint",
                         "for example `caretool import caretool-laptop.json`, or "
                         "`caretool import --conflicts` to see what earlier imports found")


def import_(
    ctx: typer.Context,
    file: Annotated[str | None, typer.Argument(
        help=_("A file made by `caretool export` (JSON)."), metavar="FILE")] = None,
    conflicts: Annotated[bool, typer.Option(
        "--conflicts", help=_("Show the conflicts earlier imports found, with both versions, instead of "
                              "importing."))] = False,
    as_json: JsonOpt = False,
) -> None:
    """Merge an export from another computer into this one.

    New entries are added; edits, deletions and household changes made there are applied.

    An entry changed on both is a conflict: the later change is kept, the other is saved (--conflicts).

    A check-in made on both computers becomes one. Importing the same file again changes nothing.

    Everything is checked first, as `log`, `med add` and `phase set` check it: one error, no change.

    A backup is taken before anything changes. Example: caretool import caretool-laptop.json
    """
    from pathlib import Path

    from caretool.core.errors import BadInput
    from caretool.domain.transfer import importer, reading
    from caretool.views import transfer as view

    st = state(ctx)
    if conflicts:
        with st.store() as store:
            store.require_household()
            found = importer.conflict_history(store)
        view.conflicts(found, as_json=json_wanted(ctx, as_json))
        return
    if file is None:
        raise BadInput(NO_FILE_GIVEN, NO_FILE_GIVEN_HINT)
    document = reading.read_export(Path(file))
    with view.progress(2 * len(document.records), _("Importing")) as advance:
        checked = importer.check(document, advance)
        del document  # the checked records are copies: let the parsed file go
        with st.store(write=True) as store:
            result = importer.merge(store, checked, advance)
    view.imported(result, as_json=json_wanted(ctx, as_json))
