"""history, edit, delete and undo."""


from typing import Annotated, Any

import typer

from caretool.cli.common import JsonOpt, json_wanted, state


def history(
    ctx: typer.Context,
    start: Annotated[str | None, typer.Option("--from", help="First day to show.")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Last day to show.")] = None,
    kind: Annotated[str | None, typer.Option(
        help="symptom, dose, hours, weight, wellbeing, note, selfcheck or assessment.")] = None,
    caregiver: Annotated[str | None, typer.Option("--caregiver", "-c")] = None,
    limit: Annotated[int | None, typer.Option("--limit", "-n", help="Show at most N entries.")] = 50,
    as_json: JsonOpt = False,
) -> None:
    """List entries, newest first.

    Examples: caretool history --limit 20 | caretool history --from "7 days ago" --kind symptom
    """
    from caretool.core import dates
    from caretool.domain.entries import service as journal
    from caretool.views import entries as view

    with state(ctx).store() as store:
        household = journal.load(store)
        rows = journal.history(
            store, household,
            start=dates.parse_day(start) if start else None,
            end=dates.parse_day(end) if end else None,
            kind=kind, caregiver=caregiver, limit=limit,
        )
    view.table(rows, household, as_json=json_wanted(ctx, as_json))


def edit(
    ctx: typer.Context,
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="Entry id from `caretool history`.")],
    severity: Annotated[str | None, typer.Option(help="Symptom severity 0-3.")] = None,
    hours: Annotated[str | None, typer.Option(help="Hours of care.")] = None,
    task: Annotated[str | None, typer.Option(help="Task for hours of care.")] = None,
    night: Annotated[bool | None, typer.Option("--night/--day", help="Night care or not.")] = None,
    kg: Annotated[str | None, typer.Option(help="Weight in kg.")] = None,
    sleep: Annotated[str | None, typer.Option(help="Hours slept.")] = None,
    stress: Annotated[str | None, typer.Option(help="Stress 0-10.")] = None,
    took_break: Annotated[bool | None, typer.Option("--break/--no-break")] = None,
    text: Annotated[str | None, typer.Option(help="Text of a note.")] = None,
    note: Annotated[str | None, typer.Option(help="Note on a symptom.")] = None,
    describe: Annotated[str | None, typer.Option(help="Description of an 'other' symptom.")] = None,
    at: Annotated[str | None, typer.Option(help="Move the entry to another date or time.")] = None,
    caregiver: Annotated[str | None, typer.Option("--caregiver", "-c")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Correct an entry. Example: caretool edit 3f9a2c1 --severity 2"""
    from caretool.domain.entries import service as journal
    from caretool.views import entries as view

    given: dict[str, Any] = {
        "severity": severity, "hours": hours, "task": task, "night": night, "kg": kg,
        "sleep_hours": sleep, "stress": stress, "took_break": took_break, "text": text,
        "note": note, "describe": describe,
    }
    changes = {k: v for k, v in given.items() if v is not None}
    with state(ctx).store(write=True) as store:
        before, after = journal.edit(store, entry_id, changes, at=at, caregiver=caregiver)
    view.changed(before, after, as_json=json_wanted(ctx, as_json))


def delete(
    ctx: typer.Context,
    entry_id: Annotated[str, typer.Argument(metavar="ID", help="Entry id from `caretool history`.")],
    as_json: JsonOpt = False,
) -> None:
    """Delete an entry. `caretool undo` brings it back. Example: caretool delete 3f9a2c1"""
    from caretool.domain.entries import service as journal
    from caretool.views import entries as view

    with state(ctx).store(write=True) as store:
        record = journal.delete(store, entry_id)
    view.deleted(record, as_json=json_wanted(ctx, as_json))


def undo(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Revert the last change caretool made (a log, check-in, edit, delete or setting)."""
    from caretool.domain.entries import service as journal
    from caretool.views.output import emit_json, tell

    with state(ctx).store(write=True) as store:
        store.require_household()
        action = journal.undo(store)
    if json_wanted(ctx, as_json):
        emit_json({"undone": action["label"] if action else None})
    elif action is None:
        tell("Nothing to undo.")
    else:
        tell(f"Undid: {action['label']} (from {action['at'][:16].replace('T', ' ')})")
