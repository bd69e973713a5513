"""`caretool` alone, or `caretool today`: where things stand and the one next thing to do."""


from typing import Annotated

import typer

from caretool.cli.common import JsonOpt, json_wanted, state


def show_today(ctx: typer.Context, as_json: JsonOpt = False, warn_days: str | None = None) -> None:
    from caretool.domain.meds import stock
    from caretool.domain.status import service as status
    from caretool.views import today as view

    st = state(ctx)
    warn = stock.warn_days(warn_days)
    with st.store() as store:
        if not store.has_household():
            view.welcome(st.home)
            return
        info = status.today(store, warn_days=warn)
    view.show(info, as_json=json_wanted(ctx, as_json))


def today(
    ctx: typer.Context,
    as_json: JsonOpt = False,
    warn_days: Annotated[str | None, typer.Option(
        "--warn-days",
        help="Warn when a medicine's stock lasts this many days or fewer (default 7).")] = None,
) -> None:
    """Today's status: missed and due doses, refills, the check-in, this week's warnings, what next.

    Example: caretool today
    """
    show_today(ctx, as_json, warn_days)
