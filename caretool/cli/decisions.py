"""`caretool decisions set|show`: the advance decisions the person has made, for the emergency sheet."""


from typing import Annotated

import typer

from caretool.cli.common import JsonOpt, json_wanted, state

decisions_app = typer.Typer(
    help="Advance decisions: what the person has decided about resuscitation, ventilation and a "
         "feeding tube, when, and where the signed document is kept. They go on the emergency sheet. "
         "caretool only records them: the signed document is what counts.\n\n"
         "Example: caretool decisions set --resuscitation attempt --ventilation niv-only",
    no_args_is_help=True,
)


@decisions_app.command("set")
def set_(
    ctx: typer.Context,
    resuscitation: Annotated[str | None, typer.Option(
        "--resuscitation", help="attempt, do-not-attempt or undecided.")] = None,
    ventilation: Annotated[str | None, typer.Option(
        "--ventilation", help="full (including a tracheostomy), niv-only, none or undecided.")] = None,
    feeding_tube: Annotated[str | None, typer.Option(
        "--feeding-tube", help="yes, no or undecided.")] = None,
    decided: Annotated[str | None, typer.Option(
        "--date", help="The day the decisions were made or signed.")] = None,
    document: Annotated[str | None, typer.Option(
        "--document", help="Where the signed document is kept, e.g. 'red folder by the bed'.")] = None,
    lst: Annotated[str | None, typer.Option(
        "--lst", help="Korea: is a 사전연명의료의향서 (advance statement) registered? yes or no.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="Other wishes, in the person's words.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Record the advance decisions (only what you give changes). `caretool undo` reverts this.

    Example: caretool decisions set --resuscitation do-not-attempt --ventilation niv-only --date 2026-10-02
    """
    from caretool.domain.decisions import service
    from caretool.views import decisions as view

    given = {"resuscitation": resuscitation, "ventilation": ventilation, "feeding_tube": feeding_tube,
             "decided": decided, "document": document, "lst_registered": lst, "note": note}
    with state(ctx).store(write=True) as store:
        found = service.set_decisions(store, given)
    view.changed(found, as_json=json_wanted(ctx, as_json))


@decisions_app.command("show")
def show(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Show the advance decisions recorded.

    Example: caretool decisions show
    """
    from caretool.domain.decisions import service
    from caretool.views import decisions as view

    with state(ctx).store() as store:
        found = service.show(store)
    view.show(found, as_json=json_wanted(ctx, as_json))
