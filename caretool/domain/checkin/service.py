"""The daily check-in: one undoable change that records or amends a caregiver's day."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from caretool.core import dates
from caretool.core.errors import BadInput
from caretool.domain.care import redflags, symptoms
from caretool.domain.checkin.model import Existing, Plan
from caretool.domain.entries import service as journal
from caretool.domain.entries.model import Entry
from caretool.domain.household.model import Household

Record = dict[str, Any]
# A past day's check-in is filed in the evening, when check-ins usually happen.
PAST_DAY_TIME = time(20, 0)






def parse_symptom_flag(text: str) -> tuple[str, int]:
    """'choking=1' -> ('choking', 1)."""
    name, sep, value = text.partition("=")
    if not sep:
        raise BadInput(f"--symptom {text!r} has no severity", "write it as NAME=SEVERITY, e.g. cramps=1")
    slug = symptoms.find(name).slug
    if value.strip() not in ("0", "1", "2", "3"):
        raise BadInput(f"severity {value.strip()!r} for {slug} is not 0-3",
                       "use 0 (none), 1 (mild), 2 (moderate) or 3 (severe)")
    return slug, int(value)


def resolve_day(text: str | None) -> date:
    day = dates.parse_day(text) if text is not None else dates.today()  # --date '' is an error
    if day > dates.today():
        raise BadInput(f"{day} is in the future", "check in for today or an earlier day")
    return day


def moment_for(day: date) -> datetime:
    now = dates.now()
    if day == now.date():
        return now
    return datetime.combine(day, PAST_DAY_TIME).astimezone()


def existing(store: journal.StoreLike, day: date, caregiver_id: str | None) -> Existing:
    """That day's check-in; symptoms also count when logged earlier that day with `log`."""
    found = Existing()
    for r in store.records_between(day, day):
        if r.get("caregiver") != caregiver_id:
            continue
        if r["kind"] == "symptom" and r.get("source") != "checkin":
            found.logged_symptoms[r["name"]] = r
            continue
        if r.get("source") != "checkin":
            continue
        if r["kind"] == "symptom":
            found.symptoms[r["name"]] = r
        elif r["kind"] in ("hours", "wellbeing", "note"):
            setattr(found, r["kind"], r)
        elif r["kind"] == "dose":
            found.doses.append(r)
    return found


def recent_symptoms(store: journal.StoreLike, day: date, days: int = 7) -> dict[str, int]:
    """The symptoms logged in the last week, with their latest severity, newest first."""
    latest: dict[str, int] = {}
    for r in reversed(store.records_between(day - timedelta(days=days), day)):
        if r["kind"] == "symptom" and r["name"] not in latest and r["name"] != "other":
            latest[r["name"]] = int(r["severity"])
    return latest


def due_doses(store: journal.StoreLike, household: Household, day: date) -> list[Record]:
    if not household.medications:
        return []
    from caretool.domain.meds import service as meds

    return [d for d in meds.doses_on(store, household, day, dates.now())
            if d["state"] not in ("taken", "skipped")]


def _same(old: Record | None, new: Entry) -> bool:
    return old is not None and all(old.get(k) == v for k, v in new.fields.items())


def _replace(store: journal.StoreLike, change: journal.Change, old: Record | None,
             new: Entry) -> Record:
    """Store `new`, taking the place of `old` (same id) when this amends an earlier check-in."""
    record = new.to_record()
    if old is None:
        store.insert([record])
        change.inserted(record)
        return record
    store.update(record)
    change.updated(old, record)
    return record


def _cross_check(store: journal.StoreLike, household: Household, day: date, entries: list[Entry]) -> None:
    """Red flags that need two answers of one check-in together.

    Each entry's warnings were worked out before any of them was stored, so a rule that looks
    for a second sign (morning headaches with daytime sleepiness) never saw the other answer.
    Evaluate every symptom again as if the rest of this check-in were already stored.
    """
    found = [e for e in entries if e.kind == "symptom"]
    if not found:  # make_entry no longer stores warnings: every symptom is evaluated here (bridge)
        return
    ctx = journal.red_flag_context(store, household, day)
    stored = ctx.recent
    for entry in found:
        ctx.recent = stored + [e.to_record() for e in found if e is not entry]
        entry.warnings = [w.to_dict() for w in redflags.evaluate(entry.to_record(), ctx)]


def save(store: journal.StoreLike, plan: Plan) -> dict[str, Any]:
    """Validate every answer first, then store them all as one change `caretool undo` reverts."""
    household = journal.load(store)
    who = household.resolve_caregiver(plan.caregiver)
    cid = who.id if who else None
    household.check_day(plan.day)
    when = moment_for(plan.day)
    before = existing(store, plan.day, cid)
    name = who.name if who else None

    def entry(kind: str, fields: dict[str, Any], old: Record | None = None) -> Entry:
        return journal.make_entry(store, household, kind, fields, caregiver=name,
                                  source="checkin", moment=when, replaces=old)

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
        fields = {"hours": plan.hours, "task": task, "night": plan.night}
        planned.append((before.hours, entry("hours", fields, before.hours)))
    if plan.sleep is not None or plan.stress is not None or plan.took_break is not None:
        old = before.wellbeing or {}
        fields = {
            "sleep_hours": plan.sleep if plan.sleep is not None else old.get("sleep_hours", ""),
            "stress": plan.stress if plan.stress is not None else old.get("stress", ""),
            "took_break": plan.took_break if plan.took_break is not None else old.get("took_break", False),
        }
        missing = [flag for flag, key in (("--sleep", "sleep_hours"), ("--stress", "stress"))
                   if fields[key] == ""]
        if missing:  # not "sleep '' is not a number" for a flag that was left out
            verb = "is" if len(missing) == 1 else "are"
            raise BadInput(f"how you are doing needs both sleep and stress; {' and '.join(missing)} "
                           f"{verb} missing", "add --sleep HOURS --stress 0-10")
        planned.append((before.wellbeing, entry("wellbeing", fields, before.wellbeing)))
    if plan.note:
        planned.append((before.note, entry("note", {"text": plan.note}, before.note)))
    if plan.selfcheck is not None:
        planned.append((None, entry("selfcheck", {"answers": plan.selfcheck})))
    if plan.took or plan.skipped:
        from caretool.domain.meds import service as meds

        doses = [(med, "taken", "") for med in plan.took] + [(m, "skipped", r) for m, r in plan.skipped]
        pending: list[Entry] = []  # so two answers about one medicine fill two scheduled doses
        for med, status, reason in doses:
            pending.append(meds.record_dose(store, household, med, status, reason=reason,
                                            caregiver=name, source="checkin", pending=pending))
        planned += [(None, dose) for dose in pending]
    _cross_check(store, household, plan.day, [new for _, new in planned])
    if not planned and not adopted and before.empty:
        raise BadInput("nothing to record", "answer at least one question, or add flags such as "
                       "--symptom cramps=1 --hours 3 --sleep 6 --stress 5")
    change = journal.Change(f"check-in {plan.day}")
    for record in adopted:
        store.update({**record, "source": "checkin"})
        change.updated(record, {**record, "source": "checkin"})
    unchanged = [*adopted, *(old for old, new in planned if old is not None and _same(old, new))]
    stored = [_replace(store, change, old, new) for old, new in planned if not _same(old, new)]
    if change.steps:
        change.save(store)
    warnings = [{"day": r["day"], **w} for r in stored for w in r.get("warnings", [])]
    return {
        "day": plan.day.isoformat(),
        "caregiver": name,
        "caregiver_id": cid,
        "amended": not before.empty,
        "records": stored,
        "unchanged": unchanged,
        "warnings": warnings,
    }


def burnout_after(store: journal.StoreLike, result: dict[str, Any]) -> dict[str, Any]:
    """The caregiver's burnout level after a check-in, when it is elevated or high."""
    if not result.get("caregiver_id"):
        return {}
    from caretool.domain.burnout import service as burnout

    household = journal.load(store)
    assessed = burnout.assess(store, household, result["caregiver_id"], date.fromisoformat(result["day"]))
    return {"burnout": assessed} if assessed.get("level") in ("elevated", "high") else {}
