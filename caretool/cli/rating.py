"""`caretool rating add`: record the care team's ALSFRS-R rating after a clinic visit.

The command's options come from the item list (caretool.domain.progress.items): --items for all 12
scores at once, or one option per item; the group is built when the command is loaded (the
module's __getattr__), like `edit`. (No `from __future__ import annotations` in this module: typer
reads the built command's annotations as objects.)
"""


from typing import Annotated, Any

import typer

from caretool.cli.common import JsonOpt, json_wanted, state


def add(ctx: typer.Context, items: str | None = None, gastrostomy: bool | None = None, at: str | None = None,
        caregiver: str | None = None, as_json: bool = False, **named: Any) -> None:
    """Record the care team's ALSFRS-R rating: 12 scores 0-4, with --items or one option per item
    (asked item by item when neither is given).

    Examples:

      caretool rating add                                   (asks item by item)

      caretool rating add --at 2026-11-02 --items 4,4,3,3,3,4,3,3,4,4,4,4

      caretool rating add --speech 3 --salivation 4 --swallowing 3 ... (all 12 items by name)
    """
    from caretool.domain.progress import items as alsfrs
    from caretool.domain.progress import service
    from caretool.views import progress as view

    scores = alsfrs.gather(items, {key.removeprefix("item_"): value for key, value in named.items()})
    st = state(ctx)
    if not scores:  # neither --items nor any item: ask, with no lock held
        from caretool.cli import prompts
        from caretool.domain.entries import service as entries
        from caretool.domain.progress import interview

        with st.store() as store:
            store.require_household()
            household = entries.load(store)
        answers = prompts.walk(interview.interview(household, at=at, gastrostomy=gastrostomy))
        fields, at = answers.fields(), answers.at
    else:
        fields = {**scores, "gastrostomy": bool(gastrostomy)}
    with st.store(write=True) as store:
        store.require_household()
        record = service.log(store, "rating", fields, at=at, caregiver=caregiver)
    view.stored(record, as_json=json_wanted(ctx, as_json))


def _signature() -> Any:
    import inspect

    from caretool.domain.progress.items import ITEMS

    plain = inspect.Parameter.POSITIONAL_OR_KEYWORD

    def param(name: str, annotation: Any, default: Any = None) -> inspect.Parameter:
        return inspect.Parameter(name, plain, default=default, annotation=annotation)

    return inspect.Signature([
        inspect.Parameter("ctx", plain, annotation=typer.Context),
        param("items", Annotated[str | None, typer.Option(
            "--items", metavar="S1,...,S12",
            help="All 12 scores in item order, separated by commas, e.g. 4,4,3,3,3,4,3,3,4,4,4,4.")]),
        *(param(f"item_{item.key}", Annotated[str | None, typer.Option(
            f"--{item.option}", metavar="0-4", help="This item's score, 0 to 4 (4 = normal).")])
          for item in ITEMS),
        param("gastrostomy", Annotated[bool | None, typer.Option(
            "--gastrostomy/--no-gastrostomy",
            help="Item 5 was scored on its gastrostomy form (the person has a feeding tube).")]),
        param("at", Annotated[str | None, typer.Option(
            "--at", help="The date of the rating (default: now), e.g. 2026-11-02 or '3 days ago'.")]),
        param("caregiver", Annotated[str | None, typer.Option(
            "--caregiver", "-c", help="Who is recording it (default: the only or the default caregiver).")]),
        param("as_json", JsonOpt, False),
    ])



def __getattr__(name: str) -> Any:
    """`rating_app`, with `add`'s options built from the item list."""
    if name != "rating_app":
        raise AttributeError(name)
    add.__signature__ = _signature()  # type: ignore[attr-defined]
    app = typer.Typer(
        help="Record the care team's functional rating (ALSFRS-R): 12 item scores from 0 to 4.\n\n"
        "Type the scores as they are on the clinic's form; caretool shows only item numbers and names.\n\n"
        "Example: caretool rating add --items 4,4,3,3,3,4,3,3,4,4,4,4",
        no_args_is_help=True)
    app.command("add")(add)
    globals()["rating_app"] = app
    return app
