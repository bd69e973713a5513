"""Setting up a household: init, paths and caregivers."""


from typing import Annotated

import typer

from caretool.cli.common import JsonOpt, json_wanted, state
from caretool.core.messages import _


def init(
    ctx: typer.Context,
    person: Annotated[str | None, typer.Option(help=_("Name of the person you care for."))] = None,
    born: Annotated[str | None, typer.Option(help=_("Their date of birth (optional)."))] = None,
    onset: Annotated[str | None, typer.Option(help=_("When the first symptoms began."))] = None,
    diagnosed: Annotated[str | None, typer.Option(help=_("Date of the ALS diagnosis."))] = None,
    weight_at_diagnosis: Annotated[str | None, typer.Option(
        "--weight-at-diagnosis", metavar="KG",
        help=_("Their weight at diagnosis in kg: weight loss is measured from it."))] = None,
    caregiver: Annotated[list[str] | None, typer.Option(
        help=_("A caregiver's name; repeat for each caregiver."))] = None,
    height: Annotated[str | None, typer.Option(
        "--height", metavar="CM", help=_("Their height in cm, for BMI (optional)."))] = None,
    birth_year: Annotated[str | None, typer.Option(
        "--birth-year", metavar="YYYY",
        help=_("Their year of birth, if not the full date (optional)."))] = None,
    default: Annotated[str | None, typer.Option(
        "--default", metavar="NAME",
        help=_("The caregiver who uses this computer (default: the first caregiver named)."))] = None,
    phase: Annotated[int | None, typer.Option(min=1, max=5, help=_("Current phase, 1-5."))] = None,
    allergies: Annotated[str | None, typer.Option(
        help="Allergies, for the emergency sheet (type 'none known' if there are none).")] = None,
    communication: Annotated[str | None, typer.Option(
        help="How the person communicates when speech is gone, e.g. 'eye-gaze board; blink once for yes'.")]
    = None,
    contact: Annotated[list[str] | None, typer.Option(
        help="A care-team contact as ROLE=NAME=PHONE; repeat for each (see `caretool contact add --help`).")]
    = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help=_("Do not ask; use the flags."))] = False,
    as_json: JsonOpt = False,
) -> None:
    """Set up the household: the person, dates, weight at diagnosis, caregivers, the current phase,
    allergies and the care team's contacts (for the emergency sheet).

    Running it again never wipes anything: it adds caregivers and updates what you give.

    Examples:

      caretool init                       (asks each question)

      caretool init --person "Min-jun" --onset 2025-03-01 --diagnosed 2025-09-15 \\
          --weight-at-diagnosis 72.5 --caregiver "Ji-woo" --caregiver "Sam" --default "Ji-woo" --phase 2 \\
          --allergies "penicillin" --contact "mnd-nurse=ALS clinic nurse=02-2072-2114" --yes
    """
    from caretool.domain.household import service as setup_service
    from caretool.views import setup as view

    st = state(ctx)
    answers = setup_service.InitAnswers(person, born, onset, diagnosed, list(caregiver or []), phase,
                                        weight_at_diagnosis, default, height, birth_year, allergies,
                                        communication,
                                        [setup_service.contact_flag(text) for text in contact or []])
    if not yes:  # read what the questions need, then ask with no lock held
        from caretool.cli import prompts
        from caretool.domain.household import interview

        with st.store() as store:
            existing = setup_service.existing(store)
        answers = prompts.walk(interview.interview(existing, answers))
    with st.store(write=True) as store:
        household, created = setup_service.init(store, answers)
    view.initialised(household, created, st.home, as_json=json_wanted(ctx, as_json))



def paths(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Show where caretool keeps the data, backups and guides.

    Example: caretool paths
    """
    from caretool.domain.guidance import guides
    from caretool.store.paths import BACKUPS, ENTRIES, HOUSEHOLD
    from caretool.views import setup as view

    home = state(ctx).home
    info = {
        "home": str(home),
        "household": str(home / HOUSEHOLD),
        "entries": str(home / ENTRIES),
        "backups": str(home / BACKUPS),
        "guides": str(guides.guides_root()),
    }
    view.paths(info, as_json=json_wanted(ctx, as_json))


caregiver_app = typer.Typer(help=_("Add, list, remove caregivers, or choose the default one."),
                            no_args_is_help=True)


@caregiver_app.command("add")
def caregiver_add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=_("The caregiver's name."))],
    relation: Annotated[str, typer.Option(help=_("e.g. spouse, daughter, paid helper."))] = "",
    as_json: JsonOpt = False,
) -> None:
    """Add a caregiver. Example: caretool caregiver add "Ji-woo" --relation daughter"""
    from caretool.domain.household import service as setup_service
    from caretool.views import setup as view

    with state(ctx).store(write=True) as store:
        added = setup_service.add_caregiver(store, name, relation)
    view.caregiver(added, added=True, as_json=json_wanted(ctx, as_json))


@caregiver_app.command("list")
def caregiver_list(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """List the caregivers (removed ones are shown as such).

    Example: caretool caregiver list
    """
    from caretool.domain.entries import service as entries
    from caretool.views import setup as view

    with state(ctx).store() as store:
        household = entries.load(store)
    view.caregivers(household, as_json=json_wanted(ctx, as_json))


@caregiver_app.command("remove")
def caregiver_remove(
    ctx: typer.Context, name: Annotated[str, typer.Argument(help=_("The caregiver's name."))],
    as_json: JsonOpt = False,
) -> None:
    """Remove a caregiver. Their past entries are kept. Undo with `caretool undo`.

    Example: caretool caregiver remove Maria
    """
    from caretool.domain.household import service as setup_service
    from caretool.views import setup as view

    with state(ctx).store(write=True) as store:
        removed = setup_service.remove_caregiver(store, name)
    view.caregiver(removed, removed=True, as_json=json_wanted(ctx, as_json))


@caregiver_app.command("default")
def caregiver_default(
    ctx: typer.Context, name: Annotated[str, typer.Argument(help=_("The caregiver's name."))],
    as_json: JsonOpt = False,
) -> None:
    """Choose who entries belong to when --caregiver is not given.

    Example: caretool caregiver default "Ji-woo"
    """
    from caretool.domain.household import service as setup_service
    from caretool.views import setup as view

    with state(ctx).store(write=True) as store:
        chosen = setup_service.set_default_caregiver(store, name)
    view.caregiver(chosen, as_json=json_wanted(ctx, as_json))
