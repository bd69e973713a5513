"""`caretool burnout` and `caretool selfcheck`: how the caregivers are holding up."""


from typing import Annotated, Any

import typer

from caretool.cli.common import JsonOpt, json_wanted, state
from caretool.core.messages import _

Caregiver = Annotated[str | None, typer.Option(
    "--caregiver", "-c", help=_("Whose risk to show (default: every active caregiver)."))]


def burnout(ctx: typer.Context, caregiver: Caregiver = None, as_json: JsonOpt = False) -> None:
    """Burnout risk for each caregiver, with the reasons and tips.

    Shows the level, every reason behind it, the change since last week, and a few tips from the
    burnout guide. It adds up simple signs in what you log (hours of care, night care, breaks,
    sleep, stress, the weekly self-check, and how the person you care for is doing). The cut-offs
    are caretool's own rules of thumb, not a clinical test.

    Example: caretool burnout --caregiver Ji-woo
    """
    from caretool.domain.burnout import service
    from caretool.views import burnout as view

    with state(ctx).store() as store:
        results = service.assess_named(store, caregiver)
    view.show(results, as_json=json_wanted(ctx, as_json))


def selfcheck(
    ctx: typer.Context,
    caregiver: Annotated[str | None, typer.Option(
        "--caregiver", "-c",
        help=_("Who is taking it (default: the only or the default caregiver)."))] = None,
    answers: Annotated[str | None, typer.Option(
        "--answers", help=_("Answer without questions: one number 0-3 per question, in order, "
                            "e.g. 1,0,2,1,0,1,0,0."), metavar="A,B,...")] = None,
    questions: Annotated[bool, typer.Option(
        "--questions", help=_("List the questions (in the order --answers expects) and stop."))] = False,
    as_json: JsonOpt = False,
) -> None:
    """The weekly self-check: short questions about how you are.

    Each is about your last 7 days and is answered 0 (never) to 3 (nearly always). It takes about
    two minutes, stays on this computer, is left out of the weekly report unless you ask for it,
    and `caretool burnout` uses it.

    Example: caretool selfcheck --caregiver Ji-woo
    """
    from caretool.cli import prompts
    from caretool.domain.burnout import selfcheck as questionnaire
    from caretool.domain.burnout import service
    from caretool.views import burnout as view

    if questions:
        view.questions(as_json=json_wanted(ctx, as_json))
        return
    given = questionnaire.parse_answers(answers) if answers is not None else None
    crisis_shown = False
    if given is not None and questionnaire.needs_crisis_help(given):
        view.crisis()  # at once, before anything is read or stored that could fail
        crisis_shown = True
    st = state(ctx)
    with st.store() as store:  # check who it is before asking; no lock is held while they answer
        who = service.selfcheck_caregiver(store, caregiver)
    if given is None:
        view.selfcheck_intro(who.name, len(questionnaire.QUESTIONS))
        given = prompts.walk(questionnaire.interview(intro=False))  # shows the crisis lines at once
        crisis_shown = questionnaire.needs_crisis_help(given)
    with st.store(write=True) as store:
        result: dict[str, Any] = service.record_selfcheck(store, who.id, given)
    view.selfcheck_saved(result, crisis_shown=crisis_shown, as_json=json_wanted(ctx, as_json))
