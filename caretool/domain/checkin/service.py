"""The daily check-in: one undoable change that records or amends a caregiver's day.

`read` gathers what the interview needs (before any question, so no lock is held while the
caregiver answers); `save` validates every answer again and stores them all as one change;
`warnings` derives the red flags the check-in's entries raise (they are not stored).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from caretool.core import dates
from caretool.core.errors import BadInput
from caretool.core.messages import msg, msgn
from caretool.domain.burnout import selfcheck
from caretool.domain.care import redflags, symptoms
from caretool.domain.checkin.model import Context, Existing, Plan, care_log_kind, existing_in
from caretool.domain.entries import service as entries
from caretool.domain.entries.kinds.symptom import SEVERITY_HINT
from caretool.domain.entries.model import Entry, Record
from caretool.domain.household.model import Household

CHECKIN_LABEL = msg("change.checkin", "check-in {day}")

# A past day's check-in is filed in the evening, when check-ins usually happen.
PAST_DAY_TIME = time(20, 0)
RECENT_DAYS = 7

NO_SEVERITY = msg("checkin.flag.no-severity", "--symptom {text!r} has no severity")
NO_SEVERITY_HINT = msg("checkin.flag.no-severity.hint", "write it as NAME=SEVERITY, e.g. cramps=1")
BAD_SEVERITY = msg("checkin.flag.bad-severity", "severity {value!r} for {slug} is not 0-3")
DAY_IN_FUTURE = msg("checkin.day-in-future", "{day} is in the future")
DAY_IN_FUTURE_HINT = msg("checkin.day-in-future.hint", "check in for today or an earlier day")
NEEDS_SLEEP_AND_STRESS = msgn("checkin.needs-sleep-and-stress",
                              "how you are doing needs both sleep and stress; {missing} is missing",
                              "how you are doing needs both sleep and stress; {missing} are missing")
BOTH_MISSING = msg("checkin.sleep-and-stress-missing", "--sleep and --stress")
NEEDS_SLEEP_AND_STRESS_HINT = msg("checkin.needs-sleep-and-stress.hint", "add --sleep HOURS --stress 0-10")
NOTHING_TO_RECORD = msg("checkin.nothing-to-record", "nothing to record")
NOTHING_TO_RECORD_HINT = msg("checkin.nothing-to-record.hint",
                             "answer at least one question, or add flags such as --symptom cramps=1 "
                             "--hours 3 --sleep 6 --stress 5")


def parse_symptom_flag(text: str) -> tuple[str, int]:
    """'choking=1' -> ('choking', 1)."""
    name, sep, value = text.partition("=")
    if not sep:
        raise BadInput(NO_SEVERITY(text=text), NO_SEVERITY_HINT)
    slug = symptoms.find(name).slug
    if value.strip() not in ("0", "1", "2", "3"):
        raise BadInput(BAD_SEVERITY(value=value.strip(), slug=slug), SEVERITY_HINT)
    return slug, int(value)


def resolve_day(text: str | None) -> date:
    day = dates.parse_day(text) if text is not None else dates.today()  # --date '' is an error
    if day > dates.today():
        raise BadInput(DAY_IN_FUTURE(day=day.isoformat()), DAY_IN_FUTURE_HINT)
    return day


def moment_for(day: date) -> datetime:
    now = dates.now()
    if day == now.date():
        return now
    return datetime.combine(day, PAST_DAY_TIME).astimezone()


def existing(store: entries.StoreLike, day: date, caregiver_id: str | None) -> Existing:
    """That day's check-in; symptoms also count when logged earlier that day with `log`."""
    return existing_in(store.records_between(day, day), day, caregiver_id)


def due_doses(store: entries.StoreLike, household: Household, day: date) -> list[Record]:
    """The scheduled doses of the day that are neither given nor skipped yet, and whose time has
    come (or nearly: a dose given a little early); a later dose is not asked about yet."""
    if not household.medications:
        return []
    from caretool.domain.meds import service as meds

    now = dates.now()
    return [d for d in meds.doses_on(store, household, day, now)
            if d["state"] not in ("taken", "skipped")
            and datetime.fromisoformat(d["scheduled_for"]) <= now + meds.GRACE]


def read(store: entries.StoreLike, day: date, caregiver: str | None = None) -> Context:
    """Everything the interview asks from, read at once (a wrong --caregiver stops here)."""
    household = entries.load(store)
    household.check_day(day)
    if caregiver:
        household.find_caregiver(caregiver)
    records = store.records_between(day - timedelta(days=RECENT_DAYS), day)
    ids: list[str | None] = [c.id for c in household.active_caregivers] or [None]
    due = frozenset(cid for cid in ids if selfcheck.latest_of(records, cid) is None)
    return Context(day=day, today=dates.today(), household=household, records=records,
                   doses=due_doses(store, household, day), day_hours=dates.day_length_hours(day),
                   selfcheck_due=due)


# --- saving ---------------------------------------------------------------------------------------
def _same(old: Record | None, new: Entry) -> bool:
    return old is not None and all(old.get(k) == v for k, v in new.fields.items())


def _replace(store: entries.StoreLike, change: entries.Change, old: Record | None, new: Entry) -> Record:
    """Store `new`, taking the place of `old` (same id) when this amends an earlier check-in."""
    record = new.to_record()
    if old is None:
        store.insert([record])
        change.inserted(record)
        return record
    store.update(record)
    change.updated(old, record)
    return record


def _wellbeing_fields(plan: Plan, before: Existing) -> dict[str, Any]:
    old = before.wellbeing or {}
    fields = {
        "sleep_hours": plan.sleep if plan.sleep is not None else old.get("sleep_hours", ""),
        "stress": plan.stress if plan.stress is not None else old.get("stress", ""),
        "took_break": plan.took_break if plan.took_break is not None else old.get("took_break", False),
    }
    missing = [flag for flag, key in (("--sleep", "sleep_hours"), ("--stress", "stress"))
               if fields[key] == ""]
    if missing:  # not "sleep '' is not a number" for a flag that was left out
        raise BadInput(NEEDS_SLEEP_AND_STRESS(count=len(missing),
                                              missing=missing[0] if len(missing) == 1 else BOTH_MISSING),
                       NEEDS_SLEEP_AND_STRESS_HINT)
    return fields


def _doses(store: entries.StoreLike, household: Household, plan: Plan, name: str | None,
           when: datetime) -> list[Entry]:
    from caretool.domain.meds import service as meds

    pending: list[Entry] = []  # so two answers about one medicine fill two scheduled doses
    for dose in plan.doses:
        # A dose the question named is recorded as that dose (issue 18 items 3 and 4).
        pending.append(meds.record_dose(
            store, household, dose.medication, dose.status, reason=dose.reason, caregiver=name,
            source="checkin", pending=pending, for_time=dose.scheduled_for, at=when))
    return pending


def save(store: entries.StoreLike, plan: Plan) -> dict[str, Any]:
    """Validate every answer first, then store them all as one change `caretool undo` reverts."""
    household = entries.load(store)
    who = household.resolve_caregiver(plan.caregiver)
    cid = who.id if who else None
    household.check_day(plan.day)
    when = moment_for(plan.day)
    before = existing(store, plan.day, cid)
    name = who.name if who else None

    def entry(kind: str, fields: dict[str, Any], old: Record | None = None) -> Entry:
        made = entries.make_entry(store, household, kind, fields, caregiver=name, source="checkin",
                                  moment=when, replaces=old)
        made.warnings = []  # derived when read (redflags.flags_for), never stored
        return made

    planned: list[tuple[Record | None, Entry]] = []
    adopted: list[Record] = []
    for slug, severity in plan.symptoms.items():
        logged = before.logged_symptoms.get(slug)
        if slug not in before.symptoms and logged and logged["severity"] == severity:
            adopted.append(logged)  # logged earlier today with `caretool log`: now part of the check-in
            continue
        fields = {"name": slug, "severity": severity,
                  "describe": plan.describe_other if slug == "other" else ""}
        planned.append((before.symptoms.get(slug), entry("symptom", fields, before.symptoms.get(slug))))
    if plan.hours is not None:
        task = plan.task or (before.hours or {}).get("task") or "other"
        fields = {"hours": plan.hours, "task": task, "night": plan.night, "night_hours": plan.night_hours}
        planned.append((before.hours, entry("hours", fields, before.hours)))
    if plan.sleep is not None or plan.stress is not None or plan.took_break is not None:
        fields = _wellbeing_fields(plan, before)
        planned.append((before.wellbeing, entry("wellbeing", fields, before.wellbeing)))
    if plan.note:
        planned.append((before.note, entry("note", {"text": plan.note}, before.note)))
    if plan.selfcheck is not None:
        planned.append((None, entry("selfcheck", {"answers": plan.selfcheck})))
    for key, fields in plan.care_logs.items():  # the registered machines' use
        old = before.care_logs.get(key)
        planned.append((old, entry(care_log_kind(key), fields, old)))
    for dose in _doses(store, household, plan, name, when):
        dose.warnings = []
        planned.append((None, dose))
    if not planned and not adopted and before.empty:
        raise BadInput(NOTHING_TO_RECORD, NOTHING_TO_RECORD_HINT)
    change = entries.Change(CHECKIN_LABEL(day=plan.day.isoformat()))
    for record in adopted:
        store.update({**record, "source": "checkin"})
        change.updated(record, {**record, "source": "checkin"})
    unchanged = [*adopted, *(old for old, new in planned if old is not None and _same(old, new))]
    stored = [_replace(store, change, old, new) for old, new in planned if not _same(old, new)]
    if change.steps:
        change.save(store)
    return {
        "day": plan.day.isoformat(),
        "caregiver": name,
        "caregiver_id": cid,
        "amended": not before.empty,
        "records": stored,
        "unchanged": unchanged,
    }


def warnings(store: entries.StoreLike, result: dict[str, Any]) -> list[redflags.Flag]:
    """The red flags the day's entries raise now the check-in is stored (whoever logged them: they
    are about the person cared for), most urgent first. Derived, never stored."""
    household = entries.load(store)
    day = date.fromisoformat(result["day"])
    return redflags.flags_between(store, household, day, day)


def burnout_after(store: entries.StoreLike, result: dict[str, Any]) -> dict[str, Any]:
    """The caregiver's burnout level after a check-in, when it is elevated or high."""
    if not result.get("caregiver_id"):
        return {}
    from caretool.domain.burnout import service as burnout

    household = entries.load(store)
    assessed = burnout.assess(store, household, result["caregiver_id"], date.fromisoformat(result["day"]))
    return {"burnout": assessed} if assessed.get("level") in ("elevated", "high") else {}
