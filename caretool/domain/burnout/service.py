"""Burnout risk per caregiver, read from the store: the level, the reasons, the change, the tips."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from caretool.core import dates
from caretool.core.errors import BadInput, CaretoolError
from caretool.core.messages import msg
from caretool.domain.burnout import model, selfcheck
from caretool.domain.burnout.selfcheck import selfcheck_due
from caretool.domain.entries import service as entries
from caretool.domain.entries.model import Record
from caretool.domain.household.model import Caregiver, Household

SELFCHECK_LABEL = msg("change.selfcheck", "weekly self-check")

__all__ = ["assess", "assess_all", "assess_named", "record_selfcheck", "selfcheck_due",
           "tips"]

# The 28-day windows as of today and as of a week earlier: 35 days, so two months at most.
READ_DAYS = model.MONTH + model.WEEK
MAX_TIPS = 3
GUIDE = "topics/burnout"

NO_CAREGIVER = msg("burnout.selfcheck.no-caregiver",
                   "no caregiver is set up yet, so the self-check has no one to belong to")
NO_CAREGIVER_HINT = msg("burnout.selfcheck.no-caregiver.hint",
                        "add yourself with `caretool caregiver add NAME`")
WRONG_ANSWERS = msg("burnout.selfcheck.wrong-answers", "the self-check answers do not match its questions")
WRONG_ANSWERS_HINT = msg("burnout.selfcheck.wrong-answers.hint", "answer all {count} questions")
PROMPT = msg("burnout.selfcheck.prompt", "{number}. {question} (0-3)")


def _recent(store: entries.StoreLike, today: date) -> list[Record]:
    return store.records_between(today - timedelta(days=READ_DAYS - 1), today)


def _bullets(cause: str) -> list[str]:
    from caretool.domain.guidance import guides
    try:
        return list(guides.section_bullets(GUIDE, cause))
    except CaretoolError:  # a guide or section that is missing must not stop the assessment
        return []


def tips(factors: list[model.Factor], *, crisis: bool = False, limit: int = MAX_TIPS) -> list[str]:
    """Up to `limit` tips: the first tip of each of the strongest causes, then the next ones.

    Tips are the burnout guide's own bullets (in the guide's language), links to other guides
    included as written ([text](guide:slug)); the views show a link as the command that opens it.
    """
    causes = model.strongest_causes(factors)
    if crisis:
        causes = [model.GET_HELP_NOW, *causes]
    lists = [_bullets(cause) for cause in causes]
    out: list[str] = []
    for depth in range(limit):
        for items in lists:
            if depth < len(items) and items[depth] not in out and len(out) < limit:
                out.append(items[depth])
    return out


def _phase(household: Household, day: date) -> int | None:
    """The phase on that day; before the recorded history starts, the first phase recorded (it was
    set up as the phase the person was already in)."""
    phase = household.phase_on(day)
    if phase is None and household.phases:
        phase = int(household.phases[0]["phase"])
    return phase


def _assess(records: list[Record], household: Household, caregiver_id: str, today: date, *,
            with_selfcheck: bool = True) -> dict[str, Any]:
    now = model.assess(records, caregiver_id, today, _phase(household, today), with_selfcheck=with_selfcheck)
    week_ago = today - timedelta(days=model.WEEK)
    before = model.assess(records, caregiver_id, week_ago, _phase(household, week_ago),
                          with_selfcheck=with_selfcheck)
    comparable = before.enough_data
    earlier = model.previous_points(before)
    return {
        "caregiver": household.caregiver_name(caregiver_id),
        "caregiver_id": caregiver_id,
        "as_of": today.isoformat(),
        "level": now.level,
        "points": now.points,
        "floor": now.floor or None,
        "raised_by_selfcheck": now.raised,
        "enough_data": now.enough_data,
        "factors": [{**f.to_dict(), "previous_points": earlier.get(f.factor) if comparable else None}
                    for f in now.factors],
        "missing": now.missing,
        "previous_level": before.level if comparable else None,
        "previous_points": before.points if comparable else None,
        "crisis": now.crisis,
        "selfcheck_included": with_selfcheck,
        "tips": tips(now.factors, crisis=now.crisis),
    }


def assess(store: entries.StoreLike, household: Household, caregiver_id: str, today: date) -> dict[str, Any]:
    """One caregiver's burnout risk as of `today`, compared with the same model a week earlier.

    Keys: caregiver, caregiver_id, as_of, level (not-enough-data|low|elevated|high), points, floor
    (the level the self-check alone asks for, or None), raised_by_selfcheck (the floor, not the
    points, set the level), enough_data, factors [{factor, points,
    reason (Message), reason_id, params, cause, value, missing, floor, previous_points}], missing
    [Message], previous_level (None when nothing was logged a week earlier), previous_points,
    crisis (bool), selfcheck_included, tips [str: the burnout guide's bullets].
    """
    return _assess(_recent(store, today), household, caregiver_id, today)


def assess_all(store: entries.StoreLike, household: Household, today: date, *,
               with_selfcheck: bool = True) -> list[dict[str, Any]]:
    """Every active caregiver's assessment (one read of the entries for all of them).

    Without `with_selfcheck` the self-checks are left out (the weekly report, read by others).
    """
    records = _recent(store, today)
    return [_assess(records, household, c.id, today, with_selfcheck=with_selfcheck)
            for c in household.active_caregivers]


def assess_named(store: entries.StoreLike, name: str | None,
                 today: date | None = None) -> list[dict[str, Any]]:
    """For `caretool burnout [--caregiver NAME]`: the named caregiver, or every active one."""
    household = entries.load(store)
    today = today or dates.today()
    if name:
        caregiver = household.find_caregiver(name, include_removed=True)
        return [assess(store, household, caregiver.id, today)]
    return assess_all(store, household, today)


# --- the self-check ------------------------------------------------------------------------------
def selfcheck_caregiver(store: entries.StoreLike, name: str | None) -> Caregiver:
    """Who is taking the self-check: the named, default or only caregiver."""
    household = entries.load(store)
    who = household.resolve_caregiver(name)
    if who is None:
        raise BadInput(NO_CAREGIVER, NO_CAREGIVER_HINT)
    return who




def record_selfcheck(store: entries.StoreLike, caregiver_id: str, answers: dict[str, int]) -> dict[str, Any]:
    """Store a self-check as one undoable entry; returns what the view shows."""
    household = entries.load(store)
    wanted = {q.id for q in selfcheck.QUESTIONS}
    if set(answers) != wanted:
        raise BadInput(WRONG_ANSWERS, WRONG_ANSWERS_HINT(count=len(wanted)))
    answers = {q.id: selfcheck.answer_value(answers[q.id]) for q in selfcheck.QUESTIONS}
    before = selfcheck.last_selfcheck(store, caregiver_id, dates.today(), days=READ_DAYS)
    entry = entries.make_entry(store, household, "selfcheck", {"answers": answers},
                               caregiver=caregiver_id, source="selfcheck")
    record = entries.add_entries(store, household, [entry], SELFCHECK_LABEL)[0]
    return {
        "id": record["id"],
        "caregiver": household.caregiver_name(caregiver_id),
        "caregiver_id": caregiver_id,
        "day": record["day"],
        "answers": record["answers"],
        "score": record["score"],
        "max_score": selfcheck.MAX_SCORE,
        "crisis": selfcheck.needs_crisis_help(record["answers"]),
        "previous_score": before["score"] if before else None,
        "previous_day": before["day"] if before else None,
    }
