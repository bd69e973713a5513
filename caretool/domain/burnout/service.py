"""Burnout risk per caregiver, read from the store: the level, the reasons, the change, the tips."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from caretool.core import dates
from caretool.core.errors import BadInput, CaretoolError
from caretool.domain.burnout import model, selfcheck
from caretool.domain.burnout.selfcheck import selfcheck_due
from caretool.domain.entries import service as journal
from caretool.domain.household.model import Caregiver, Household

__all__ = ["assess", "assess_all", "assess_named", "record_selfcheck", "selfcheck_due", "tips"]

Record = dict[str, Any]
# The 28-day windows as of today and as of a week earlier: 35 days, so two months at most.
READ_DAYS = model.MONTH + model.WEEK
MAX_TIPS = 3
GUIDE = "topics/burnout"
# Own factors: when none of these had data a week ago there is nothing to compare with.
_OWN = ("hours", "break", "sleep", "stress", "selfcheck")
_GUIDE_LINK = re.compile(r"\[([^\]]+)\]\(guide:([\w/\-]+)\)")


def _recent(store: journal.StoreLike, today: date) -> list[Record]:
    return store.records_between(today - timedelta(days=READ_DAYS - 1), today)


def _bullets(cause: str) -> list[str]:
    from caretool.domain.guidance import guides
    try:
        items = guides.section_bullets(GUIDE, cause)
    except CaretoolError:  # a guide or section that is missing must not stop the assessment
        return []
    return [_GUIDE_LINK.sub(lambda m: f"{m.group(1)} (caretool guide show {m.group(2).split('/')[-1]})",
                            item) for item in items]


def tips(factors: list[model.Factor], *, crisis: bool = False, limit: int = MAX_TIPS) -> list[str]:
    """Up to `limit` tips: the first tip of each of the strongest causes, then the next ones."""
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


def _has_data(assessment: model.Assessment) -> bool:
    return any(assessment.factor(name).value is not None for name in _OWN)


def _assess(records: list[Record], household: Household, caregiver_id: str, today: date) -> dict[str, Any]:
    now = model.assess(records, caregiver_id, today, _phase(household, today))
    week_ago = today - timedelta(days=model.WEEK)
    before = model.assess(records, caregiver_id, week_ago, _phase(household, week_ago))
    comparable = _has_data(before)
    earlier = model.previous_points(before)
    return {
        "caregiver": household.caregiver_name(caregiver_id),
        "caregiver_id": caregiver_id,
        "as_of": today.isoformat(),
        "level": now.level,
        "points": now.points,
        "factors": [{**f.to_dict(), "previous_points": earlier.get(f.factor) if comparable else None}
                    for f in now.factors],
        "missing": list(now.missing),
        "previous_level": before.level if comparable else None,
        "previous_points": before.points if comparable else None,
        "crisis": now.crisis,
        "tips": tips(now.factors, crisis=now.crisis),
    }


def assess(store: journal.StoreLike, household: Household, caregiver_id: str, today: date) -> dict[str, Any]:
    """One caregiver's burnout risk as of `today`, compared with the same model a week earlier.

    Keys: caregiver, caregiver_id, as_of, level (low|elevated|high), points, factors
    [{factor, points, reason, cause, value, previous_points}], missing [str], previous_level
    (None when nothing was logged a week earlier), previous_points, crisis (bool), tips [str].
    """
    return _assess(_recent(store, today), household, caregiver_id, today)


def assess_all(store: journal.StoreLike, household: Household, today: date) -> list[dict[str, Any]]:
    """Every active caregiver's assessment (one read of the entries for all of them)."""
    records = _recent(store, today)
    return [_assess(records, household, c.id, today) for c in household.active_caregivers]


def assess_named(store: journal.StoreLike, name: str | None,
                 today: date | None = None) -> list[dict[str, Any]]:
    """For `caretool burnout [--caregiver NAME]`: the named caregiver, or every active one."""
    household = journal.load(store)
    today = today or dates.today()
    if name:
        caregiver = household.find_caregiver(name, include_removed=True)
        return [assess(store, household, caregiver.id, today)]
    return assess_all(store, household, today)


# --- the self-check ------------------------------------------------------------------------------
def selfcheck_caregiver(store: journal.StoreLike, name: str | None) -> Caregiver:
    """Who is taking the self-check: the named, default or only caregiver."""
    household = journal.load(store)
    who = household.resolve_caregiver(name)
    if who is None:
        raise BadInput("no caregiver is set up yet, so the self-check has no one to belong to",
                       "add yourself with `caretool caregiver add NAME`")
    return who


def record_selfcheck(store: journal.StoreLike, caregiver_id: str, answers: dict[str, int]) -> dict[str, Any]:
    """Store a self-check as one undoable entry; returns what the view shows."""
    household = journal.load(store)
    wanted = {q.id for q in selfcheck.QUESTIONS}
    if set(answers) != wanted:
        raise BadInput("the self-check answers do not match its questions",
                       f"answer all {len(wanted)} questions")
    answers = {q.id: selfcheck.answer_value(answers[q.id]) for q in selfcheck.QUESTIONS}
    before = selfcheck.last_selfcheck(store, caregiver_id, dates.today(), days=READ_DAYS)
    entry = journal.make_entry(store, household, "selfcheck", {"answers": answers},
                               caregiver=caregiver_id, source="selfcheck")
    record = journal.add_entries(store, household, [entry], "selfcheck")[0]
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
