"""history, edit, delete and undo.

`history` and `edit` are built from the entry-kind registry when the command is loaded (the
module's __getattr__): `history --kind` names every kind, and `edit` has an option for every
editable field of every kind, so a new kind needs no change here. (No `from __future__ import
annotations` in this module: typer reads the built commands' annotations as objects.)
"""


from typing import Annotated, Any

import typer

from caretool.cli.common import JsonOpt, json_wanted, state
from caretool.core.messages import N_, _, formatted

CaregiverOpt = Annotated[str | None, typer.Option(
    "--caregiver", "-c", help=_("Only this caregiver's entries."))]


def _history_command() -> Any:
    from caretool.domain.entries import kinds

    kind_help = formatted(N_("Only entries of one kind: {kinds}."), kinds=", ".join(kinds.names()))

    def history(
        ctx: typer.Context,
        start: Annotated[str | None, typer.Option("--from", help=_("First day to show."))] = None,
        end: Annotated[str | None, typer.Option("--to", help=_("Last day to show."))] = None,
        kind: Annotated[str | None, typer.Option(help=kind_help)] = None,
        caregiver: CaregiverOpt = None,
        limit: Annotated[int | None, typer.Option("--limit", "-n", help=_("Show at most N entries."))] = 50,
        as_json: JsonOpt = False,
    ) -> None:
        """List entries, newest first.

        Examples: caretool history --limit 20 | caretool history --from "7 days ago" --kind symptom
        """
        from caretool.core import dates
        from caretool.domain.care import redflags
        from caretool.domain.entries import service as entries
        from caretool.views import entries as view

        wants_json = json_wanted(ctx, as_json)
        with state(ctx).store() as store:
            household = entries.load(store)
            rows = entries.history(
                store, household,
                start=dates.parse_day(start) if start else None,
                end=dates.parse_day(end) if end else None,
                kind=kind.strip().lower() if kind else None, caregiver=caregiver, limit=limit,
            )
            flagged = {} if wants_json else redflags.flagged_entries(store, household, rows)
        view.table(rows, household, flagged=flagged, as_json=wants_json)

    return history


def _edit_command() -> Any:
    """`edit ID` with one option per editable field (field options are named field_<name>)."""
    import inspect

    from caretool.domain.entries import kinds

    fields = {f"field_{f.name}": f for f, _owners in kinds.editable_fields()}

    def edit(ctx: typer.Context, entry_id: str, at: str | None = None, caregiver: str | None = None,
             as_json: bool = False, **given: Any) -> None:
        from caretool.domain.entries import service as entries
        from caretool.views import entries as view

        changes = {fields[param].name: value for param, value in given.items() if value is not None}
        with state(ctx).store(write=True) as store:
            before, after = entries.edit(store, entry_id, changes, at=at, caregiver=caregiver)
        view.changed(before, after, as_json=json_wanted(ctx, as_json))

    def option(f: kinds.Field, owners: tuple[kinds.Kind, ...]) -> Any:
        help_text = formatted(N_("Set the {field} ({kinds})."), field=f.label,
                              kinds=[k.label for k in owners])
        if f.is_bool:
            off = f"--{f.off_flag}" if f.off_flag else f"--no-{f.option}"
            return Annotated[bool | None, typer.Option(f"--{f.option}/{off}", help=help_text)]
        return Annotated[str | None, typer.Option(f"--{f.option}", help=help_text)]

    plain = inspect.Parameter.POSITIONAL_OR_KEYWORD
    params = [
        inspect.Parameter("ctx", plain, annotation=typer.Context),
        inspect.Parameter("entry_id", plain, annotation=Annotated[str, typer.Argument(
            metavar="ID", help=_("Entry id from `caretool history`."))]),
        *(inspect.Parameter(name, plain, default=None, annotation=option(f, owners))
          for name, (f, owners) in zip(fields, kinds.editable_fields(), strict=True)),
        inspect.Parameter("at", plain, default=None, annotation=Annotated[str | None, typer.Option(
            help=_("Move the entry to another date or time."))]),
        inspect.Parameter("caregiver", plain, default=None, annotation=Annotated[str | None, typer.Option(
            "--caregiver", "-c", help=_("Who the entry is from."))]),
        inspect.Parameter("as_json", plain, default=False, annotation=JsonOpt),
    ]
    edit.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    edit.__doc__ = _("Correct an entry: each field has its option (below); --at moves it.\n\n"
                     "Example: caretool edit 3f9a2c1 --severity 2")
    return edit


def __getattr__(name: str) -> Any:
    """`history` and `edit`, built from the kinds registered when the command is loaded."""
    if name == "history":
        return _history_command()
    if name == "edit":
        return _edit_command()
    raise AttributeError(name)


def delete(
    ctx: typer.Context,
    entry_id: Annotated[str, typer.Argument(metavar="ID", help=_("Entry id from `caretool history`."))],
    as_json: JsonOpt = False,
) -> None:
    """Delete an entry. `caretool undo` brings it back. Example: caretool delete 3f9a2c1"""
    from caretool.domain.entries import service as entries
    from caretool.views import entries as view

    with state(ctx).store(write=True) as store:
        record = entries.delete(store, entry_id)
    view.deleted(record, as_json=json_wanted(ctx, as_json))


def undo(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Revert the last change caretool made (a log, check-in, edit, delete or setting).

    Example: caretool undo
    """
    from caretool.domain.entries import service as entries
    from caretool.views import entries as view

    with state(ctx).store(write=True) as store:
        store.require_household()
        action = entries.undo(store)
    view.undone(action, entries.change_label(action) if action else "", as_json=json_wanted(ctx, as_json))
