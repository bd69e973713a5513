"""`caretool progress`: the clinic's numbers over time, the stages, and what to discuss next."""


from typing import Annotated

import typer

from caretool.cli.common import JsonOpt, json_wanted, state


def progress(
    ctx: typer.Context,
    months: Annotated[int | None, typer.Option(
        "--months", metavar="N", help="Show the last N months (default 6).")] = None,
    everything: Annotated[bool, typer.Option(
        "--all", help="Show everything since the first entry (reads every month: slower).")] = False,
    as_json: JsonOpt = False,
) -> None:
    """The latest functional rating with its total, ΔFS and stages; charts of the total, weight and
    FVC; and the topics to discuss at the next visit.

    Example: caretool progress --months 12
    """
    from caretool.domain.progress import service
    from caretool.views import progress as view

    with state(ctx).store() as store:
        store.require_household()
        shown = service.WINDOW_MONTHS if months is None else months
        data = service.progress(store, months=None if everything else shown)
    view.show(data, as_json=json_wanted(ctx, as_json))
