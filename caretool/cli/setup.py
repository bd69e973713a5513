"""Setting up a household: init, paths and caregivers."""


from typing import TYPE_CHECKING, Annotated

import typer

from caretool.cli.common import JsonOpt, json_wanted, state

if TYPE_CHECKING:
    from caretool.domain.household.model import Household
    from caretool.domain.household.service import InitAnswers

INIT_EXAMPLES = """
Examples:

  caretool init                       (asks each question)

  caretool init --person "Min-jun" --onset 2025-03-01 --diagnosed 2025-09-15 \\
      --caregiver "Ji-woo" --caregiver "Sam" --phase 2 --yes
"""


def init(
    ctx: typer.Context,
    person: Annotated[str | None, typer.Option(help="Name of the person you care for.")] = None,
    born: Annotated[str | None, typer.Option(help="Their date of birth (optional).")] = None,
    onset: Annotated[str | None, typer.Option(help="When the first symptoms began.")] = None,
    diagnosed: Annotated[str | None, typer.Option(help="Date of the ALS diagnosis.")] = None,
    caregiver: Annotated[list[str] | None, typer.Option(
        help="A caregiver's name; repeat for each caregiver.")] = None,
    phase: Annotated[int | None, typer.Option(min=1, max=5, help="Current phase, 1-5.")] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask; use the flags.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Set up the household: the person, dates, caregivers and the current phase.

    Running it again never wipes anything: it adds caregivers and updates what you give.
    """
    from caretool.domain.household import service as setup_service
    from caretool.views.output import emit_json, tell

    st = state(ctx)
    answers = setup_service.InitAnswers(person, born, onset, diagnosed, list(caregiver or []), phase)
    with st.store(write=True) as store:
        existing = setup_service.existing(store)
        if not yes:
            answers = _ask(answers, existing)
        household, created = setup_service.init(store, answers)
    if json_wanted(ctx, as_json):
        emit_json(setup_service.household_summary(household))
        return
    tell(("Set up" if created else "Updated") + f" the household in {st.home}")
    for line in setup_service.summary_lines(household):
        tell("  " + line)
    tell("Next: run `caretool checkin` each day, or `caretool guide list` to read the guides.")


init.__doc__ = (init.__doc__ or "") + INIT_EXAMPLES


def _ask(answers: "InitAnswers", existing: "Household | None") -> "InitAnswers":
    from caretool.domain.household.model import PHASES

    person = existing.person if existing else {}

    def ask(text: str, current: str | None, *, is_date: bool = False) -> str | None:
        from caretool.core import dates
        from caretool.core.errors import CaretoolError

        while True:  # a typo is asked again rather than failing after the last question
            value = typer.prompt(text, default=current or "", show_default=bool(current), err=True)
            value = value.strip()
            if not value or not is_date:
                return value or None
            try:
                day = dates.parse_day(value)
                if day <= dates.today():
                    return day.isoformat()
                typer.echo(f"  {day} is in the future. Please try again.", err=True)
            except CaretoolError as exc:
                typer.echo(f"  {exc.message} ({exc.hint}). Please try again.", err=True)

    name = ask("Name of the person you care for", answers.person or person.get("name"))
    born = ask("Their date of birth (YYYY-MM-DD, Enter to skip)", answers.born or person.get("born"),
               is_date=True)
    onset = ask("When did the first symptoms begin (YYYY-MM-DD)", answers.onset or person.get("onset"),
                is_date=True)
    diagnosed = ask("Date of the diagnosis (YYYY-MM-DD, Enter to skip)",
                    answers.diagnosed or person.get("diagnosed"), is_date=True)
    carers = list(answers.caregivers)
    known = [c.name for c in existing.active_caregivers] if existing else []
    if not carers:
        prompt = "Caregivers, separated by commas" + (f" (now: {', '.join(known)})" if known else "")
        typed = typer.prompt(prompt, default="", show_default=False, err=True)
        carers = [c.strip() for c in typed.split(",") if c.strip()]
    for number, title in PHASES.items():
        typer.echo(f"  {number}. {title}", err=True)
    current = answers.phase or (existing.phase if existing else None) or 1
    phase = typer.prompt("Which phase fits best now (1-5)", default=current, type=int, err=True)
    return type(answers)(name, born, onset, diagnosed, carers, phase)


def paths(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Show where caretool keeps the data, backups and guides."""
    from caretool.domain.guidance import guides
    from caretool.store.paths import BACKUPS, ENTRIES, HOUSEHOLD
    from caretool.views.output import emit_json, say

    home = state(ctx).home
    info = {
        "home": str(home),
        "household": str(home / HOUSEHOLD),
        "entries": str(home / ENTRIES),
        "backups": str(home / BACKUPS),
        "guides": str(guides.guides_root()),
    }
    if json_wanted(ctx, as_json):
        emit_json(info)
        return
    for key, value in info.items():
        say(f"{key:<10} {value}")


caregiver_app = typer.Typer(help="Add, list, remove caregivers, or choose the default one.",
                            no_args_is_help=True)


@caregiver_app.command("add")
def caregiver_add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The caregiver's name.")],
    relation: Annotated[str, typer.Option(help="e.g. spouse, daughter, paid helper.")] = "",
    as_json: JsonOpt = False,
) -> None:
    """Add a caregiver. Example: caretool caregiver add "Ji-woo" --relation daughter"""
    from caretool.domain.household import service as setup_service
    from caretool.views.output import emit_json, tell

    with state(ctx).store(write=True) as store:
        added = setup_service.add_caregiver(store, name, relation)
    if json_wanted(ctx, as_json):
        emit_json(vars(added))
    else:
        tell(f"Added caregiver {added.name}" + (f" ({added.relation})" if added.relation else ""))


@caregiver_app.command("list")
def caregiver_list(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """List the caregivers (removed ones are shown as such)."""
    from caretool.domain.entries import service as journal
    from caretool.views.output import emit_json, say

    with state(ctx).store() as store:
        household = journal.load(store)
    default = household.settings.get("default_caregiver")
    if json_wanted(ctx, as_json):
        emit_json([{**vars(c), "default": c.id == default} for c in household.caregivers])
        return
    if not household.caregivers:
        say("No caregivers yet. Add one with `caretool caregiver add NAME`.")
    for c in household.caregivers:
        flags = [c.relation] if c.relation else []
        flags += ["default"] if c.id == default else []
        flags += ["removed"] if not c.active else []
        say(c.name + (f"  ({', '.join(flags)})" if flags else ""))


@caregiver_app.command("remove")
def caregiver_remove(
    ctx: typer.Context, name: Annotated[str, typer.Argument(help="The caregiver's name.")],
    as_json: JsonOpt = False,
) -> None:
    """Remove a caregiver. Their past entries are kept. Undo with `caretool undo`."""
    from caretool.domain.household import service as setup_service
    from caretool.views.output import emit_json, tell

    with state(ctx).store(write=True) as store:
        removed = setup_service.remove_caregiver(store, name)
    if json_wanted(ctx, as_json):
        emit_json(vars(removed))
    else:
        tell(f"Removed {removed.name}; their past entries are kept.")


@caregiver_app.command("default")
def caregiver_default(
    ctx: typer.Context, name: Annotated[str, typer.Argument(help="The caregiver's name.")],
    as_json: JsonOpt = False,
) -> None:
    """Choose who entries belong to when --caregiver is not given."""
    from caretool.domain.household import service as setup_service
    from caretool.views.output import emit_json, tell

    with state(ctx).store(write=True) as store:
        chosen = setup_service.set_default_caregiver(store, name)
    if json_wanted(ctx, as_json):
        emit_json(vars(chosen))
    else:
        tell(f"{chosen.name} is now the default caregiver.")
