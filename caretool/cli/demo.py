"""`caretool demo`: try caretool on a made-up household."""


from typing import Annotated

import typer

from caretool.cli.common import JsonOpt, json_wanted
from caretool.core.messages import _


def demo(
    ctx: typer.Context,
    home: Annotated[str | None, typer.Option(
        "--home", help=_("Build the sample here (an empty or new folder) instead of a new temporary one."),
        metavar="DIR")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Try caretool on a made-up household: six weeks of entries, today's status and last week's report.

    Your own data is never touched. Example: caretool demo
    """
    from caretool.core import dates
    from caretool.demo import sample
    from caretool.domain.report import service as report
    from caretool.domain.status import service as status
    from caretool.store import Store
    from caretool.views import demo as view

    folder = sample.empty_folder(home)
    now = dates.now()
    with Store(folder, write=True) as store:
        summary = sample.build(store, start=now.date() - sample.DEMO_SPAN, end=now.date(), now=now)
    with Store(folder) as store:
        today = status.today(store)
        week = report.report(store, report.resolve_period(today=now.date()))
    view.demo(sample.Demo(folder, today, week, summary), as_json=json_wanted(ctx, as_json))
