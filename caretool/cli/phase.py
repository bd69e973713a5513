"""`caretool phase ...`: the current phase, its history, and the phase questionnaire."""


from typing import Annotated

import typer

from caretool.cli.common import JsonOpt, json_wanted, state
from caretool.core.messages import _

phase_app = typer.Typer(
    help=_("The five phases of ALS care: show the current one, change it, or assess it."),
    invoke_without_command=True,
)


@phase_app.callback()
def phase_main(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Show the current phase with its checklist (same as `caretool phase show`)."""
    if as_json:  # `caretool phase --json history` means JSON too
        state(ctx).json = True
    if ctx.invoked_subcommand is None:
        phase_show(ctx, as_json)


@phase_app.command("show")
def phase_show(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Show the current phase, a summary and its What to do now checklist. Example: caretool phase"""
    from caretool.domain.care import phase_service
    from caretool.views import guides as view

    with state(ctx).store() as store:
        info = phase_service.current(store)
    view.phase(info, as_json=json_wanted(ctx, as_json), heading="current")


@phase_app.command("set")
def phase_set(
    ctx: typer.Context,
    phase: Annotated[str, typer.Argument(help=_("The phase, 1-5."))],
    at: Annotated[str | None, typer.Option(help=_("When it began (default today)."))] = None,
    as_json: JsonOpt = False,
) -> None:
    """Record that the household is now in phase N. Example: caretool phase set 3"""
    from caretool.domain.care import phase_service
    from caretool.views import guides as view

    with state(ctx).store(write=True) as store:
        info = phase_service.set_phase(store, phase, at)
    view.phase(info, as_json=json_wanted(ctx, as_json), heading="set")


@phase_app.command("history")
def phase_history(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """List every phase change with its date. Example: caretool phase history"""
    from caretool.domain.care import phase_service
    from caretool.views import guides as view

    with state(ctx).store() as store:
        rows = phase_service.history(store)
    view.phase_history(rows, as_json=json_wanted(ctx, as_json))


@phase_app.command("next")
def phase_next(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Preview the next phase: what it brings and what to prepare. Example: caretool phase next"""
    from caretool.domain.care import phase_service
    from caretool.views import guides as view

    with state(ctx).store() as store:
        info = phase_service.preview_next(store)
    view.phase(info, as_json=json_wanted(ctx, as_json), heading="next")


@phase_app.command("assess")
def phase_assess(
    ctx: typer.Context,
    answers: Annotated[str | None, typer.Option(
        help=_("Answer without questions: walking=1,hands=0,speech=0,work=1,swallowing=0,"
               "breathing=0,tube=0,ventilation=0"))] = None,
    apply: Annotated[bool | None, typer.Option(
        "--apply/--no-apply", help=_("Change the stored phase to the suggestion (default: ask)."))] = None,
    caregiver: Annotated[str | None, typer.Option(
        "--caregiver", "-c",
        help=_("Who is answering (default: the only or the default caregiver)."))] = None,
    as_json: JsonOpt = False,
) -> None:
    """A short questionnaire that suggests a phase and explains why.

    Example: caretool phase assess   (asks eight questions)
    """
    from caretool.domain.care import phase_questions, phase_service
    from caretool.views import guides as view

    if answers is not None:
        given = phase_questions.parse_answers(answers)
    else:
        from caretool.cli import prompts

        with state(ctx).store() as store:
            phase_service.check_can_assess(store, caregiver)
        given, apply = prompts.walk(phase_questions.interview(apply))
    with state(ctx).store(write=True) as store:
        result = phase_service.assess(store, given, apply=bool(apply), caregiver=caregiver)
    view.assessment(result, as_json=json_wanted(ctx, as_json))
