"""The weekly self-check as an interview: hopelessness and self-harm asked apart (issue 11 item 5),
the crisis lines at once after a self-harm answer, no default answers (issue 18 item 12)."""

from __future__ import annotations

from typing import Any

import pytest

from caretool.core.errors import BadInput
from caretool.core.messages import render
from caretool.domain import interview as iv
from caretool.domain.burnout import selfcheck
from caretool.domain.care import crisis


def walk(answers: list[str]) -> tuple[dict[str, int], list[Any]]:
    """Walk the interview, answering in order; return the answers and everything it yielded."""
    shown: list[Any] = []
    given = list(answers)
    gen = selfcheck.interview()
    try:
        item = next(gen)
        while True:
            shown.append(item)
            item = gen.send(None if isinstance(item, iv.Say) else iv.answer(item, given.pop(0)))
    except StopIteration as done:
        return done.value, shown


def test_hopelessness_and_self_harm_are_two_questions() -> None:
    ids = [q.id for q in selfcheck.QUESTIONS]
    assert ids[-2:] == ["hopeless", "self-harm"] and selfcheck.CRISIS_QUESTION == "self-harm"
    assert selfcheck.KEEP_GOING == "keep-going" and selfcheck.KEEP_GOING in ids
    assert 3 * len(ids) == selfcheck.MAX_SCORE


@pytest.mark.parametrize(("hopeless", "self_harm", "crisis_shown"),
                         [(3, 0, False), (0, 1, True), (2, 3, True)])
def test_crisis_lines_follow_the_self_harm_answer_only(hopeless: int, self_harm: int,
                                                       crisis_shown: bool) -> None:
    answers, shown = walk(["0"] * 7 + [str(hopeless), str(self_harm)])
    assert answers["hopeless"] == hopeless and answers["self-harm"] == self_harm
    crises = [s for s in shown if isinstance(s, iv.Say) and s.tone == "crisis"]
    assert bool(crises) == crisis_shown
    if crisis_shown:  # at once: right after the self-harm question, with every line of crisis.py
        assert shown[-1] is crises[0]
        assert crises[0].text == crisis.TITLE
        assert crises[0].details == (crisis.CAREGIVER, *crisis.LINES, crisis.CHECK_LOCALLY)


def test_no_question_has_a_default() -> None:
    questions = [q for q in walk(["1"] * 9)[1] if isinstance(q, iv.Question)]
    assert len(questions) == 9 and all(q.required and not q.default for q in questions)
    with pytest.raises(BadInput):
        iv.answer(questions[-1], "")  # Enter is not "never"


@pytest.mark.parametrize("typed", ["4", "-1", "1.0", "x", "３", "never"])
def test_an_answer_outside_0_to_3_is_refused(typed: str) -> None:
    with pytest.raises(BadInput) as caught:
        selfcheck.answer_value(typed)
    assert "answer 0 (never)" in render(caught.value.hint)


def test_a_self_check_stored_before_the_split_still_shows_help() -> None:
    """Old entries hold one 'hopeless' answer that also asked about self-harm."""
    old = {q: 0 for q in ("worn-out", "own-time", "sleep", "alone", "on-edge", "own-health", "keep-going")}
    assert selfcheck.needs_crisis_help({**old, "hopeless": 1})
    assert not selfcheck.needs_crisis_help({**old, "hopeless": 0})
    assert not selfcheck.needs_crisis_help({**old, "hopeless": 3, "self-harm": 0})  # a new one


def test_the_crisis_text_is_rendered_from_the_catalogue() -> None:
    text = selfcheck.CRISIS_TEXT
    assert text.splitlines()[0] == render(crisis.CAREGIVER)
    assert all(render(line) in text for line in crisis.LINES)


def test_interactive_selfcheck_asks_again_on_enter(run: Any, household: Any) -> None:
    household()
    result = run("selfcheck", input="".join(f"{a}\n" for a in ["0"] * 8 + ["", "2"]))
    assert "Please type an answer." in result.stderr
    err = result.stderr
    assert err.index("9. How often did you have thoughts of harming yourself") < err.index("116 123")
    [stored] = run.json("history", "--kind", "selfcheck")
    assert stored["answers"]["self-harm"] == 2 and stored["answers"]["hopeless"] == 0


def test_questions_list_shows_nine(run: Any) -> None:
    listed = run.json("selfcheck", "--questions")
    assert [q["id"] for q in listed["questions"]][-2:] == ["hopeless", "self-harm"]
    assert listed["questions"][-1]["text"] == "How often did you have thoughts of harming yourself?"
