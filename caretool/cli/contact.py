"""`caretool contact add|list|edit|remove`: the care team's numbers (they go on the emergency sheet
and next to the warnings that need them)."""


from typing import Annotated

import typer

from caretool.cli.common import JsonOpt, json_wanted, state
from caretool.core.messages import N_

ROLE_HELP = N_("respiratory, mnd-nurse, palliative, neurologist, gp, health-centre, speech-therapist, "
             "dietitian, social-worker, supplier or other.")

contact_app = typer.Typer(
    help="The care team's contacts: who to call, their numbers and hours. They are listed on the "
         "emergency sheet (`caretool sheet`) and shown next to the warnings they can help with.\n\n"
         "Example: caretool contact add \"ALS clinic nurse\" --role mnd-nurse --phone 02-2072-2114",
    no_args_is_help=True,
)

Role = Annotated[str | None, typer.Option("--role", help=ROLE_HELP)]
Phone = Annotated[str | None, typer.Option(
    "--phone", help="The number as you would dial it, e.g. 02-2072-2114.")]
Email = Annotated[str | None, typer.Option("--email", help="An email address (optional).")]
Hours = Annotated[str | None, typer.Option(
    "--hours", help="When they answer, e.g. 'Mon-Fri 9-17' or '24 hours'.")]
Note = Annotated[str | None, typer.Option("--note", help="A note, e.g. 'ask for the ALS clinic nurse'.")]
Key = Annotated[str, typer.Argument(help="The contact's name or the id shown by `caretool contact list`.")]


@contact_app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Who: a person or a team, e.g. 'Dr Park' or 'Breathing team'.")],
    role: Role = None,
    phone: Phone = None,
    email: Email = None,
    hours: Hours = None,
    note: Note = None,
    as_json: JsonOpt = False,
) -> None:
    """Add a contact. `caretool undo` takes it away again.

    Example: caretool contact add "Breathing team" --role respiratory --phone 02-2072-2114 --hours "24 hours"
    """
    from caretool.domain.contacts import service
    from caretool.views import contacts as view

    fields = {"name": name, "role": role, "phone": phone, "email": email, "hours": hours, "note": note}
    with state(ctx).store(write=True) as store:
        added = service.add(store, fields)
    view.added(added, as_json=json_wanted(ctx, as_json))


@contact_app.command("list")
def listing(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """List the contacts, in the order to call them.

    Example: caretool contact list
    """
    from caretool.domain.contacts import service
    from caretool.views import contacts as view

    with state(ctx).store() as store:
        rows = service.listing(store)
    view.listing(rows, as_json=json_wanted(ctx, as_json))


@contact_app.command("edit")
def edit(
    ctx: typer.Context,
    key: Key,
    name: Annotated[str | None, typer.Option("--name", help="A new name.")] = None,
    role: Role = None,
    phone: Phone = None,
    email: Email = None,
    hours: Hours = None,
    note: Note = None,
    as_json: JsonOpt = False,
) -> None:
    """Change a contact (only what you give changes; '' clears --email, --hours or --note).

    Example: caretool contact edit "Dr Park" --phone 02-2072-0000
    """
    from caretool.domain.contacts import service
    from caretool.views import contacts as view

    changes = {"name": name, "role": role, "phone": phone, "email": email, "hours": hours, "note": note}
    with state(ctx).store(write=True) as store:
        before, after = service.edit(store, key, changes)
    view.edited(before, after, as_json=json_wanted(ctx, as_json))


@contact_app.command("remove")
def remove(ctx: typer.Context, key: Key, as_json: JsonOpt = False) -> None:
    """Remove a contact. `caretool undo` brings it back.

    Example: caretool contact remove "Dr Park"
    """
    from caretool.domain.contacts import service
    from caretool.views import contacts as view

    with state(ctx).store(write=True) as store:
        removed = service.remove(store, key)
    view.removed(removed, as_json=json_wanted(ctx, as_json))
