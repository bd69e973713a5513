"""`caretool equipment add|list|edit|retire`: the machines and aids in use (NIV, cough assist,
suction, the feeding tube, ...): the check-in asks about the ones registered, and the emergency
sheet lists them with their settings."""


from typing import Annotated

import typer

from caretool.cli.common import JsonOpt, json_wanted, state
from caretool.core.messages import N_

TYPE_HELP = N_("niv, cough-assist, suction, peg, ventilator, wheelchair, hoist, communication-aid or other.")

equipment_app = typer.Typer(
    help="The machines and aids in use, their settings and who supplies them. The check-in asks "
         "about the ones registered; the emergency sheet lists them.\n\n"
         "Example: caretool equipment add niv --settings \"IPAP 14, EPAP 5\"",
    no_args_is_help=True,
)

Model = Annotated[str | None, typer.Option("--model", help="Make and model, e.g. 'ResMed Lumis 150'.")]
Settings = Annotated[str | None, typer.Option(
    "--settings", help="The settings as the team wrote them, e.g. 'IPAP 14, EPAP 5, full face mask'.")]
Since = Annotated[str | None, typer.Option("--since", help="The day it came into use.")]
Supplier = Annotated[str | None, typer.Option(
    "--supplier", help="Who supplies or services it: a contact's name or id (see `caretool contact list`).")]
Key = Annotated[str, typer.Argument(
    help="The type (niv, peg, ...) or the id shown by `caretool equipment list`.")]


@equipment_app.command("add")
def add(
    ctx: typer.Context,
    kind: Annotated[str, typer.Argument(metavar="TYPE", help=TYPE_HELP)],
    model: Model = None,
    settings: Settings = None,
    since: Since = None,
    supplier: Supplier = None,
    as_json: JsonOpt = False,
) -> None:
    """Register a machine or aid. `caretool undo` takes it away again.

    Example: caretool equipment add niv --model "ResMed Lumis 150" --settings "IPAP 14, EPAP 5"
    """
    from caretool.domain.equipment import service
    from caretool.views import equipment as view

    fields = {"type": kind, "model": model, "settings": settings, "since": since, "supplier": supplier}
    with state(ctx).store(write=True) as store:
        item = service.add(store, fields)
        suppliers = service.listing(store)["suppliers"]
    view.added(item, suppliers, as_json=json_wanted(ctx, as_json))


@equipment_app.command("list")
def listing(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """List the equipment: in use first, then retired.

    Example: caretool equipment list
    """
    from caretool.domain.equipment import service
    from caretool.views import equipment as view

    with state(ctx).store() as store:
        found = service.listing(store)
    view.listing(found, as_json=json_wanted(ctx, as_json))


@equipment_app.command("edit")
def edit(
    ctx: typer.Context,
    key: Key,
    model: Model = None,
    settings: Settings = None,
    since: Since = None,
    supplier: Supplier = None,
    as_json: JsonOpt = False,
) -> None:
    """Change an item (only what you give changes; '' clears --model, --settings or --supplier).

    Example: caretool equipment edit niv --settings "IPAP 16, EPAP 6, rate 14"
    """
    from caretool.domain.equipment import service
    from caretool.views import equipment as view

    changes = {"model": model, "settings": settings, "since": since, "supplier": supplier}
    with state(ctx).store(write=True) as store:
        before, after = service.edit(store, key, changes)
    view.edited(before, after, as_json=json_wanted(ctx, as_json))


@equipment_app.command("retire")
def retire(
    ctx: typer.Context,
    key: Key,
    on: Annotated[str | None, typer.Option("--on", help="The last day it was used (default today).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Mark an item as no longer in use; it stays in the list. `caretool undo` reverts this.

    Example: caretool equipment retire suction
    """
    from caretool.domain.equipment import service
    from caretool.views import equipment as view

    with state(ctx).store(write=True) as store:
        item = service.retire(store, key, on)
    view.retired(item, as_json=json_wanted(ctx, as_json))
