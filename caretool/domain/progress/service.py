"""Progression for a command: read the months it needs, then work out every figure (pure: build).

What is read. Daily entries fill every month file, so reading years of them is what makes a
command slow; the figures need far less. The default view covers the calendar months from
WINDOW_MONTHS before the end (6: the slope and the longest weight span), read whole. Ratings and
breathing tests are sparse (a clinic may rate every three months), so when the window holds none,
`caretool progress` and a new rating read the months before it one at a time, newest first, until
the latest one is found (at most LOOKBACK_MONTHS back), with the 6 months before it for the slope;
the weekly report and `caretool today` do not (they stay at the 6 months). The weight baseline is the
weight at diagnosis (no read) or the first weight ever logged (the oldest month with a weight).
`caretool progress --months N` or `--all` shows more, and reads more.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta

from caretool.core import dates
from caretool.core.errors import BadInput
from caretool.core.messages import msg
from caretool.domain.care import redflags
from caretool.domain.care.flags import Baseline
from caretool.domain.entries import kinds
from caretool.domain.entries import service as entries
from caretool.domain.entries.model import Record
from caretool.domain.household.model import Household
from caretool.domain.progress import body, items, lungs, prompts, rate, staging

WINDOW_MONTHS = 6
# How far back `progress` and a new rating look for the latest rating or breathing test when the
# window has none (a household that has never recorded one would otherwise read every month).
LOOKBACK_MONTHS = 12
MAX_MONTHS = 240
SPARSE = ("rating", "breathing")
FIGURE_KINDS = ("rating", "breathing", "weight")

BEFORE_ONSET = msg("rating.before-onset", "the rating is dated {day}, before the first symptoms ({onset})")
BEFORE_ONSET_HINT = msg("rating.before-onset.hint",
                        "check the date given with --at, or the onset date (`caretool init --onset DATE`)")
BAD_MONTHS = msg("progress.bad-months", "--months must be a whole number from 1 to {most}")
BAD_MONTHS_HINT = msg("progress.bad-months.hint", "for example --months 12, or --all for everything")


def check_months(months: int | None) -> int | None:
    if months is not None and not 1 <= months <= MAX_MONTHS:
        raise BadInput(BAD_MONTHS(most=MAX_MONTHS), BAD_MONTHS_HINT)
    return months


def first_of_month(day: date) -> date:
    return day.replace(day=1)


def window_start(end: date, months: int) -> date:
    """The first day of the calendar month `months` before `end` (whole months are read anyway)."""
    return first_of_month(end - relativedelta(months=months))


def check_after_onset(household: Household, day: date) -> None:
    """A rating dated before the first symptoms is a typo (ΔFS would mean nothing)."""
    onset = household.onset
    if onset and day < onset:
        raise BadInput(BEFORE_ONSET(day=day.isoformat(), onset=onset.isoformat()), BEFORE_ONSET_HINT)


def baseline(store: entries.StoreLike, household: Household) -> Baseline | None:
    """The weight loss is measured from (caretool.domain.care.redflags.baseline)."""
    first = None if household.weight_at_diagnosis else redflags.first_weight(store)
    return redflags.baseline(household, first)


def height(household: Household) -> float | None:
    value = household.settings.get("height_cm")
    return float(value) if value else None


# --- reading ---------------------------------------------------------------------------------
def wanted(record: Record) -> bool:
    """An entry the figures or the prompts read (most of a month's entries are not)."""
    kind = record["kind"]
    return kind in FIGURE_KINDS or (kind == "symptom" and record.get("name") in prompts.SYMPTOM_NAMES)


def between(store: entries.StoreLike, start: date, end: date) -> list[Record]:
    """The wanted entries of the days start..end, month by month (unsorted: build sorts what it uses)."""
    lo, hi = start.isoformat(), end.isoformat()
    present = set(store.month_keys())
    return [r for key in dates.months_between(start, end) if key in present
            for r in store.month_records(key) if lo <= r["day"] <= hi and wanted(r)]


def _older_sparse(store: entries.StoreLike, before: date, limit: date,
                  missing: set[str]) -> tuple[list[Record], date | None]:
    """Month by month back from `before`, the months up to the one holding the latest rating and
    breathing test still missing; returns their entries and the earliest such latest day."""
    found: list[Record] = []
    latest: dict[str, str] = {}
    for key in reversed(store.month_keys()):
        if key >= f"{before:%Y-%m}":
            continue
        if key < f"{limit:%Y-%m}" or not missing - set(latest):
            break
        month = [r for r in store.month_records(key) if wanted(r)]
        found += month
        for r in month:
            if r["kind"] in missing and r["day"] > latest.get(r["kind"], ""):
                latest[r["kind"]] = r["day"]
    earliest = min(latest.values(), default=None)
    return found, date.fromisoformat(earliest) if earliest else None


def partial(store: entries.StoreLike, records: list[Record], start: date) -> bool:
    """Whether months older than those read exist (a crossing at the first entry read may then
    be older than it looks)."""
    first = min([f"{start:%Y-%m}", *(str(r["day"])[:7] for r in records)])
    keys = store.month_keys()
    return bool(keys) and keys[0] < first


def read(store: entries.StoreLike, end: date, months: int | None, *,
         lookback: int = LOOKBACK_MONTHS) -> tuple[list[Record], date]:
    """The entries the figures need, and the first day of the period shown; `lookback` months
    before the window are searched for a rating or breathing test when it holds none (0: no)."""
    keys = store.month_keys()
    if months is None:  # everything
        start = date.fromisoformat(f"{keys[0]}-01") if keys else end
        return between(store, start, end), start
    start = window_start(end, months)
    records = between(store, start, end)
    missing = {kind for kind in SPARSE if not any(r["kind"] == kind for r in records)}
    if missing and lookback:
        older, latest = _older_sparse(store, start, start - relativedelta(months=lookback), missing)
        if latest is not None:
            slope_from = first_of_month(latest - relativedelta(months=rate.SLOPE_MONTHS))
            if slope_from < first_of_month(latest):
                older += between(store, slope_from, first_of_month(latest) - timedelta(days=1))
            records = older + records
    return records, start


# --- the figures -----------------------------------------------------------------------------
def rating_row(record: Mapping[str, Any], onset: date | None) -> dict[str, Any]:
    scores = items.scores_of(record)
    day = date.fromisoformat(str(record["day"]))
    dfs = rate.delta_fs(int(record["total"]), onset, day)
    return {
        "id": record["id"],
        "day": str(record["day"]),
        "total": int(record["total"]),
        "gastrostomy": bool(record.get("gastrostomy")),
        "scores": {str(n): s for n, s in scores.items()},
        "kings": staging.kings(scores, gastrostomy=bool(record.get("gastrostomy"))).to_dict(),
        "mitos": staging.mitos(scores).to_dict(),
        "delta_fs": round(dfs, 2) if dfs is not None else None,
        "months_from_onset": round(rate.months_between(onset, day), 1) if onset and day >= onset else None,
    }


def timeline(rows: list[dict[str, Any]], system: str) -> list[dict[str, Any]]:
    """The days a stage changed (the first rating read starts it)."""
    out: list[dict[str, Any]] = []
    for row in rows:
        stage = row[system]["stage"]
        if not out or out[-1]["stage"] != stage:
            out.append({"day": row["day"], "stage": stage, "level": row[system]["level"],
                        "rating_id": row["id"]})
    return out


def _slope(rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    found = rate.slope([(date.fromisoformat(r["day"]), r["total"]) for r in rows])
    if found is None:
        return None
    value, used = found
    return {"per_month": round(value, 2), "ratings": len(used), "from": used[0][0].isoformat(),
            "to": used[-1][0].isoformat(), "months": rate.SLOPE_MONTHS}


def build(household: Household, records: Iterable[Record], *, start: date, end: date,
          baseline_weight: Baseline | None, now: datetime, months: int | None,
          older: bool = True) -> dict[str, Any]:
    """Every figure, as plain data (Messages where there are words)."""
    records = list(records)
    onset = household.onset
    sparse_from = min((r["day"] for r in records), default=start.isoformat())
    hi = end.isoformat()
    ratings = sorted((r for r in records if r["kind"] == "rating" and r["day"] <= hi),
                     key=lambda r: (r["day"], r["at"]))
    rows = [rating_row(r, onset) for r in ratings]
    lo = start.isoformat()
    shown_rows = [r for r in rows if r["day"] >= lo] or rows[-1:]
    latest = dict(rows[-1]) if rows else None
    if latest is not None:
        latest["delta_fs_band"] = rate.band(latest["delta_fs"])
    weights = [r for r in records if r["kind"] == "weight" and r["day"] <= hi]
    tests = [r for r in records if r["kind"] == "breathing" and r["day"] <= hi]
    found = prompts.crossings(records, baseline=baseline_weight, height_cm=height(household), end=end,
                              partial=older)
    weight = body.summary(weights, baseline_weight, height(household))
    weight["points"] = [p for p in weight["points"] if p["day"] >= lo]
    lung = lungs.summary(tests)
    lung["points"] = [p for p in lung["points"] if p["day"] >= lo] or lung["points"][-1:]
    return {
        "person": household.name,
        "window": {"start": lo, "end": hi, "months": months, "read_from": min(sparse_from, lo)},
        "onset": onset.isoformat() if onset else None,
        "ratings": shown_rows,
        "latest": latest,
        "slope": _slope(rows),
        "timeline": {"kings": timeline(shown_rows, "kings"), "mitos": timeline(shown_rows, "mitos")},
        "weight": weight,
        "breathing": lung,
        "prompts": prompts.for_machines_in_use(prompts.open_prompts(found, now), _in_use(household, end)),
        "crossings": [c.to_dict() for c in found],
        "note": prompts.NOT_A_WARNING,
        "labra": {"slower_below": rate.LABRA_SLOWER, "faster_above": rate.LABRA_FASTER},
    }


def progress(store: entries.StoreLike, *, months: int | None = WINDOW_MONTHS,
             end: date | None = None, now: datetime | None = None) -> dict[str, Any]:
    """What `caretool progress` shows."""
    household = entries.load(store)
    now = now or dates.now()
    end = end or now.date()
    records, start = read(store, end, check_months(months))
    return build(household, records, start=start, end=end, baseline_weight=baseline(store, household),
                 now=now, months=months, older=partial(store, records, start))


# --- logging ---------------------------------------------------------------------------------
def log(store: entries.StoreLike, kind: str, fields: dict[str, Any], *, at: str | None = None,
        caregiver: str | None = None) -> Record:
    """Store a rating or a breathing test; the record comes back with the decision prompts it has
    just crossed into (shown once, now) under "prompts"."""
    household = entries.load(store)
    entry = entries.make_entry(store, household, kind, fields, at=at, caregiver=caregiver)
    if kind == "rating":
        check_after_onset(household, entry.day)
    record = entry.to_record()
    today = dates.today()
    records, start = read(store, today, WINDOW_MONTHS)
    found = prompts.crossings([*records, record], baseline=baseline(store, household),
                              height_cm=height(household), end=today, partial=partial(store, records, start))
    entries.add_entries(store, household, [entry], entries.LOGGED(kind=kinds.get(kind).label))
    return {**record, "warnings": [],
            "prompts": prompts.for_machines_in_use(prompts.caused_by(found, [record["id"]]),
                                                   _in_use(household, today))}


# --- for other commands ----------------------------------------------------------------------
def new_prompts(store: entries.StoreLike, household: Household, recent: list[Record],
                now: datetime) -> list[dict[str, Any]]:
    """The open prompts crossed by an entry made in the last 7 days (for `caretool today`).

    `recent` are the entries the command has read already (the last weeks). When a new crossing
    is the first entry of its kind in them, the months before are read too: the entry before it
    (months back, ratings are sparse) decides whether it is a crossing at all.
    """
    if not prompts.ordered(r for r in recent if _made_since(r, now)):
        return []
    weight_from = baseline(store, household)
    found = prompts.crossings(recent, baseline=weight_from, height_cm=height(household), end=now.date())
    fresh = [c for c in found if c.open and c.is_new(now)]
    kinds_first = {r["kind"]: r["id"] for r in prompts.ordered(recent)[::-1]}  # the earliest of each
    if any(kinds_first.get(_kind_of(recent, c.entry_id)) == c.entry_id for c in fresh):
        records, _start = read(store, now.date(), WINDOW_MONTHS, lookback=0)
        found = prompts.crossings(records, baseline=weight_from, height_cm=height(household), end=now.date())
    return prompts.for_machines_in_use(prompts.new_prompts(found, now), _in_use(household, now.date()))


def _in_use(household: Household, day: date) -> frozenset[str]:
    from caretool.domain.equipment.model import types_in_use

    return types_in_use(household.equipment, day)


def _kind_of(records: list[Record], entry_id: str) -> str:
    return next((str(r["kind"]) for r in records if r["id"] == entry_id), "")


def _made_since(record: Mapping[str, Any], now: datetime) -> bool:
    made = str(record.get("created") or record.get("at") or "")
    return made >= (now - timedelta(days=prompts.NEW_DAYS)).isoformat()[:10]


def period_section(store: entries.StoreLike, household: Household, *, start: date, end: date,
                   now: datetime) -> dict[str, Any]:
    """The report's Progression section: the same figures up to the period's end (from the 6
    months before it: a weekly report does not search older months), and the prompts crossed
    during the period (the report asks about those)."""
    records, window = read(store, end, WINDOW_MONTHS, lookback=0)
    data = build(household, records, start=window, end=end, baseline_weight=baseline(store, household),
                 now=now, months=WINDOW_MONTHS, older=partial(store, records, window))
    lo, hi = start.isoformat(), end.isoformat()
    crossed = [c for c in data["crossings"] if lo <= c["day"] <= hi]
    by_prompt = {p: [c for c in crossed if c["prompt"] == p] for p in prompts.PROMPT_IDS}
    data["period_prompts"] = prompts.for_machines_in_use(
        [{"id": p, "title": prompts.TITLES[p], "action": prompts.ACTIONS[p], "reasons": found,
          "sources": list(dict.fromkeys(a for c in found for a in c["sources"]))}
         for p, found in by_prompt.items() if found], _in_use(household, end))
    return data
