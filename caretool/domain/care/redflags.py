"""Red flags: logged signs that need the care team today, within hours, or the emergency number now.

Warnings are derived, never stored: they are evaluated when read, over the window a command shows,
so deleting or editing an entry changes them at once. Each rule (care/rules/) returns an id and
parameters; its sentences are catalogue Messages found by `text_of`, and every rule cites anchors of
docs/clinical-sources.md. The rules only ever add caution; they never tell a family that something
is fine.

A few rules judge whole days instead of one entry (what was NOT logged: a day without feeds for
someone fed only by tube); flags_between runs them for the days of its window that are over. Every
flag carries the care-team contact its rule names, when the household has stored one (with_contacts).

The API the status, report, check-in and log use is at the bottom: flags_between, flags_for, text_of.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from caretool.core import dates
from caretool.domain.care import medicines, sources
from caretool.domain.care.flags import (
    CONTEXT_DAYS,
    EMERGENCY,
    TODAY,
    URGENT,
    Baseline,
    DayFacts,
    Facts,
    Flag,
    FlagText,
    History,
    Record,
    rank,
)
from caretool.domain.care.rules import ALL as RULES
from caretool.domain.care.rules import BY_ID
from caretool.domain.care.rules.weight import MUST_DAYS as WEIGHT_DAYS
from caretool.domain.care.rules.weight import loss_pct

__all__ = ["CONTEXT_DAYS", "EMERGENCY", "RULES", "TODAY", "URGENT", "Flag", "FlagText", "flagged_entries",
           "flags_between", "flags_for", "loss_pct", "text_of"]

DAY_RULES = tuple(rule for rule in RULES if rule.judges_days)
# Rules with no verified clinical source, on purpose (docs/clinical-sources.md, the rules table).
UNSOURCED = {"fall": "practical safety advice; no specific guideline recommendation was verified"}
MONTH_DAYS = 31  # not a red-flag window any more; report.build still imports it for its weight table


def trigger_kinds() -> frozenset[str]:
    """The kinds whose entries can raise a flag: those the entry-kind registry marks red_flags
    (symptom, weight, niv, feed, tube-change); doses are context only."""
    from caretool.domain.entries import kinds

    return kinds.red_flag_kinds()


def _in_order(records: Iterable[Record]) -> list[Record]:
    return sorted(records, key=lambda r: (r["day"], str(r.get("at", ""))))


def first_weight(store: Any, skip: Iterable[str] = ()) -> Record | None:
    """The earliest weight stored, reading months from the oldest until one holds a weight."""
    skipped = set(skip)
    for key in store.month_keys():
        weights = [r for r in store.month_records(key)
                   if r.get("kind") == "weight" and r["id"] not in skipped]
        if weights:
            return _in_order(weights)[0]
    return None


def baseline(household: Any, first: Record | None) -> Baseline | None:
    """What weight loss is measured from: the weight at diagnosis (set by `caretool init`), else the
    first weight logged."""
    person = getattr(household, "person", None) or {}
    at_diagnosis = person.get("weight_at_diagnosis")
    if at_diagnosis:
        return Baseline(float(at_diagnosis), "diagnosis", person.get("diagnosed"))
    if first is not None:
        return Baseline(float(first["kg"]), "first-logged", first["day"], first["id"])
    return None


def flags_of(record: Record, history: History | None = None, *, medicines_in_use: Iterable[str] = (),
             last_doses: Mapping[str, str] | None = None, weight_from: Baseline | None = None,
             equipment: Iterable[str] = ()) -> list[Flag]:
    """Every flag one entry raises, given what was logged around it (most urgent first)."""
    if record.get("kind") not in trigger_kinds():
        return []
    facts = Facts(record, history or History(()), frozenset(medicines_in_use), dict(last_doses or {}),
                  weight_from, frozenset(equipment))
    found = [(rule, *result) for rule in RULES if (result := rule.check(facts)) is not None]
    raised = {rule.id for rule, _, _ in found}
    flags = []
    for rule, urgency, params in found:
        if rule.superseded_by & raised:
            continue
        extra = tuple(src for _, src in rule.cautions(urgency) if src not in rule.sources)
        flags.append(Flag(rule.id, urgency, record["day"], str(record.get("id", "")), params,
                          rule.sources + extra))
    return sorted(flags, key=lambda f: rank(f.urgency))


def _judge(records: list[Record], context: list[Record], household: Any,
           first: Record | None) -> list[Flag]:
    """The flags of `records`, each judged against `context` (which may hold them too)."""
    weight_from = baseline(household, first)
    meds = list(getattr(household, "medications", None) or [])
    history = History(context)
    doses = medicines.Doses(context)
    on_list: dict[str, set[str]] = {}
    found: list[Flag] = []
    triggers = trigger_kinds()
    for record in _in_order(records):
        if record.get("kind") not in triggers:
            continue
        day = date.fromisoformat(record["day"])
        if record["day"] not in on_list:
            on_list[record["day"]] = medicines.of_list(meds, day)
        last = doses.last(day, CONTEXT_DAYS)
        found += flags_of(record, history, medicines_in_use=on_list[record["day"]] | set(last),
                          last_doses=last, weight_from=weight_from, equipment=_equipment(household, day))
    return with_contacts(sorted(found, key=lambda f: rank(f.urgency)), household)


def _equipment(household: Any, day: date) -> frozenset[str]:
    from caretool.domain.equipment.model import types_in_use

    return types_in_use(getattr(household, "equipment", None) or [], day)


def with_contacts(flags: list[Flag], household: Any) -> list[Flag]:
    """Each flag with the stored contact its rule wants called (the first of its roles that has one)."""
    stored = list(getattr(household, "contacts", None) or [])
    if not stored:
        return flags
    from caretool.domain.contacts.model import first_for

    out = []
    for flag in flags:
        rule = BY_ID.get(flag.rule)
        contact = first_for(stored, rule.contacts) if rule is not None else None
        out.append(replace(flag, contact=contact) if contact else flag)
    return out


def day_flags(context: list[Record], household: Any, start: date, end: date) -> list[Flag]:
    """The flags of rules that judge whole days (what was not logged), for the days start..end that
    are over (today is not judged until it has ended)."""
    settings = dict(getattr(household, "settings", None) or {})
    last = min(end, dates.today() - timedelta(days=1))
    if not DAY_RULES or last < start:
        return []
    history = History(context)
    found: list[Flag] = []
    day = start
    while day <= last:
        facts = DayFacts(day, history, settings, _equipment(household, day))
        for rule in DAY_RULES:
            result = rule.day_check(facts)
            if result is not None:
                urgency, params = result
                extra = tuple(src for _, src in rule.cautions(urgency) if src not in rule.sources)
                found.append(Flag(rule.id, urgency, day.isoformat(), "", params, rule.sources + extra))
        day += timedelta(days=1)
    return with_contacts(found, household)


def _needs_first_weight(household: Any, records: Iterable[Record]) -> bool:
    person = getattr(household, "person", None) or {}
    return not person.get("weight_at_diagnosis") and any(r.get("kind") == "weight" for r in records)


# --- derived warnings: the API the status, check-in, log and report use ---------------------------
def flags_between(store: Any, household: Any, start: date, end: date) -> list[Flag]:
    """The warnings raised by the entries of days start..end, most urgent first."""
    recent = store.records_between(start - timedelta(days=CONTEXT_DAYS), end)
    triggers = trigger_kinds()
    window = [r for r in recent if start.isoformat() <= r["day"] <= end.isoformat()
              and r.get("kind") in triggers]
    by_day = day_flags(recent, household, start, end)
    if not window:
        return by_day
    first = None
    if any(r["kind"] == "weight" for r in window):  # weight rules look back MUST_DAYS
        older = store.records_between(start - timedelta(days=WEIGHT_DAYS),
                                      start - timedelta(days=CONTEXT_DAYS + 1))
        recent = [r for r in older if r.get("kind") == "weight"] + recent
        if _needs_first_weight(household, window):
            first = first_weight(store)
    return sorted(_judge(window, recent, household, first) + by_day, key=lambda f: rank(f.urgency))


def flagged_entries(store: Any, household: Any, rows: list[Record]) -> dict[str, str]:
    """For a list of entries (history): the id of each that raises a warning, with its most urgent
    level. Nothing is read when no row is of a kind a rule judges."""
    triggers = trigger_kinds()
    days = [r["day"] for r in rows if r.get("kind") in triggers]
    if not days:
        return {}
    found: dict[str, str] = {}
    for flag in flags_between(store, household, date.fromisoformat(min(days)), date.fromisoformat(max(days))):
        if flag.entry_id and (flag.entry_id not in found or rank(flag.urgency) < rank(found[flag.entry_id])):
            found[flag.entry_id] = flag.urgency
    return found


def flags_for(new: list[Record], store: Any, household: Any) -> list[Flag]:
    """The warnings entries not yet stored would raise, as if they (all together) were stored.

    A new entry with the id of a stored one takes its place (an edit, an amended check-in).
    """
    kinds_judged = trigger_kinds()
    triggers = [r for r in new if r.get("kind") in kinds_judged]
    if not triggers:  # nothing that any rule judges: read nothing
        return []
    days = sorted(r["day"] for r in new)
    lo, hi = date.fromisoformat(days[0]), date.fromisoformat(days[-1])
    ids = {r["id"] for r in new}
    weights = [r for r in new if r.get("kind") == "weight"]
    back = WEIGHT_DAYS if weights else CONTEXT_DAYS
    stored = [r for r in store.records_between(lo - timedelta(days=back), hi) if r["id"] not in ids]
    first = None
    if _needs_first_weight(household, triggers):
        candidates = [w for w in [first_weight(store, skip=ids), *weights] if w is not None]
        first = _in_order(candidates)[0] if candidates else None
    return _judge(triggers, stored + list(new), household, first)


def text_of(flag: Flag | Mapping[str, Any]) -> FlagText:
    """What a flag says, as catalogue Messages: title, why, action, what else to know, and the titles of
    its sources. Takes a Flag or its dict (and, from old files, the stored prose of a warning)."""
    if isinstance(flag, Mapping):
        if "params" not in flag and "title" in flag:  # a warning stored as prose by an older caretool
            source = str(flag.get("source") or "")
            return FlagText(str(flag["title"]), str(flag.get("why", "")), str(flag.get("action", "")),
                            sources=(source,) if source else ())
        flag = Flag.from_dict(flag)
    titles = tuple(sources.title(anchor) for anchor in flag.sources)
    rule = BY_ID.get(flag.rule)
    if rule is None:  # a rule this version does not know (a newer caretool wrote it)
        return FlagText(flag.rule, "", "", sources=titles)
    base = rule.text(flag)
    cautions = tuple(message for message, _ in rule.cautions(flag.urgency))
    return FlagText(base.title, base.why, base.action, base.more + cautions, titles)
