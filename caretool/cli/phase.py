"""`caretool phase ...`: the current phase, its history, and the phase questionnaire."""


from typing import Annotated

import typer

from caretool.cli.common import JsonOpt, json_wanted, state

phase_app = typer.Typer(
    help="The five phases of ALS care: show the current one, change it, or assess it.",
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
    from caretool.domain.care import phases
    from caretool.views import guides as view

    with state(ctx).store() as store:
        info = phases.current(store)
    view.phase(info, as_json=json_wanted(ctx, as_json))


@phase_app.command("set")
def phase_set(
    ctx: typer.Context,
    phase: Annotated[str, typer.Argument(help="The phase, 1-5.")],
    at: Annotated[str | None, typer.Option(help="When it began (default today).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Record that the household is now in phase N. Example: caretool phase set 3"""
    from caretool.domain.care import phases
    from caretool.views import guides as view

    with state(ctx).store(write=True) as store:
        info = phases.set_phase(store, phase, at)
    view.phase(info, as_json=json_wanted(ctx, as_json), heading="Phase set")


@phase_app.command("history")
def phase_history(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """List every phase change with its date. Example: caretool phase history"""
    from caretool.domain.care import phases
    from caretool.views import guides as view

    with state(ctx).store() as store:
        rows = phases.history(store)
    view.phase_history(rows, as_json=json_wanted(ctx, as_json))


@phase_app.command("next")
def phase_next(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Preview the next phase: what it brings and what to prepare. Example: caretool phase next"""
    from caretool.domain.care import phases
    from caretool.views import guides as view

    with state(ctx).store() as store:
        info = phases.preview_next(store)
    view.phase(info, as_json=json_wanted(ctx, as_json), heading="Next phase")


@phase_app.command("assess")
def phase_assess(
    ctx: typer.Context,
    answers: Annotated[str | None, typer.Option(
        help="Answer without questions: walking=1,hands=0,speech=0,work=1,swallowing=0,"
        "breathing=0,tube=0,ventilation=0")] = None,
    apply: Annotated[bool | None, typer.Option(
        "--apply/--no-apply", help="Change the stored phase to the suggestion (default: ask).")] = None,
    caregiver: Annotated[str | None, typer.Option(
        "--caregiver", "-c", help="Who is answering (default: the only or the default caregiver).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """A short questionnaire that suggests a phase and explains why.

    Example: caretool phase assess   (asks eight questions)
    """
    from caretool.domain.care import phase_questions as qa
    from caretool.domain.care import phases
    from caretool.views import guides as view

    if answers is not None:
        given = qa.parse_answers(answers)
    else:
        with state(ctx).store() as store:
            phases.check_can_assess(store, caregiver)
        try:
            given, apply = _interview(apply)
        except (KeyboardInterrupt, EOFError, typer.Abort):
            typer.echo("\nAssessment cancelled. Nothing was saved.", err=True)
            raise typer.Exit(1) from None
    with state(ctx).store(write=True) as store:
        result = phases.assess(store, given, apply=bool(apply), caregiver=caregiver)
    view.assessment(result, as_json=json_wanted(ctx, as_json))


def _interview(apply: bool | None) -> tuple[dict[str, int], bool | None]:
    """Ask the eight questions; then, unless --apply/--no-apply said, whether to store the phase."""
    from caretool.domain.care import phase_questions as qa
    given = {}
    for q in qa.QUESTIONS:
        typer.echo(f"\n{q.text}", err=True)
        for i, choice in enumerate(q.choices):
            typer.echo(f"  {i}. {choice}", err=True)
        given[q.id] = _answer(q.id)
    if apply is None:
        suggested = qa.suggest(given)[0]
        apply = typer.confirm(f"Suggested phase {suggested}. Store it as the current phase?",
                              default=False, err=True)
    return given, apply


def _answer(qid: str) -> int:
    """One answer; a typo asks again instead of throwing away the answers so far."""
    from caretool.core.errors import BadInput
    from caretool.domain.care import phase_questions as qa

    while True:
        raw = typer.prompt("Answer", default="0", err=True)
        try:
            return qa.check_answer(qid, raw.strip())
        except BadInput as exc:
            typer.echo(f"  {exc.hint}", err=True)
