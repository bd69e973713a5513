"""`caretool` alone, or `caretool today`: where things stand and the one next thing to do."""


import typer

from caretool.cli.common import JsonOpt, json_wanted, state


def show_today(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    from caretool.domain.status import service as status
    from caretool.views import today as view

    st = state(ctx)
    with st.store() as store:
        if not store.has_household():
            view.welcome(st.home)
            return
        info = status.today(store)
    view.show(info, as_json=json_wanted(ctx, as_json))


def today(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Today's status: checked in or not, doses due, warnings this week, the phase, what next.

    Example: caretool today
    """
    show_today(ctx, as_json)
