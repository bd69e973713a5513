"""Write a realistic synthetic household of several years through caretool's own store.

    python bench/make_household.py --years 5 --caregivers 3 --out DIR

About 30 entries a day: check-ins with symptoms moving through the phases, medication doses,
hours per caregiver, weights, wellbeing and notes (caretool.sample, which the demo also uses); and
the clinic's numbers: an ALSFRS-R rating every month and a breathing test every three (clinic()
below; --no-clinic leaves them out).
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from typing import Any

from dateutil.relativedelta import relativedelta

from caretool.core import dates
from caretool.demo import sample
from caretool.domain.entries import service as entries
from caretool.domain.entries.model import Entry, validate
from caretool.domain.progress.items import ITEMS
from caretool.store import Store

# When each item starts to fall, as a share of the years shown, and how far it falls by the end:
# limbs first, then speech and swallowing, breathing last (a common course; the figures are made up).
COURSE = {"speech": (0.3, 3), "salivation": (0.4, 2), "swallowing": (0.35, 3), "handwriting": (0.0, 3),
          "cutting_food": (0.05, 3), "dressing_hygiene": (0.1, 3), "turning_in_bed": (0.2, 3),
          "walking": (0.0, 4), "climbing_stairs": (0.0, 4), "dyspnoea": (0.5, 3), "orthopnoea": (0.6, 3),
          "respiratory_insufficiency": (0.75, 2)}


def clinic(store: Store, start: date, end: date, now: datetime, seed: int) -> int:
    """A rating on the first of every month from `start`, a breathing test every third month."""
    rng = random.Random(seed + 1)
    household = entries.load(store)
    who = household.default_caregiver
    months = max(1, (end.year - start.year) * 12 + end.month - start.month)
    records: list[dict[str, Any]] = []
    day = start.replace(day=1) + relativedelta(months=1)
    index = 0
    while day <= end:
        t = index / months
        moment = datetime.combine(day, clock(15, 0)).astimezone()
        if moment > now:
            break
        scores = {}
        for item in ITEMS:
            begins, drop = COURSE[item.key]
            fallen = max(0.0, (t - begins) / (1 - begins)) * drop if t > begins else 0.0
            scores[item.key] = max(0, min(4, round(4 - fallen + rng.uniform(-0.3, 0.3))))
        fields: dict[str, Any] = {**scores, "gastrostomy": t > 0.7}
        records.append(Entry("rating", moment, validate("rating", fields), caregiver=who.id if who else None,
                             created=dates.iso(moment)).to_record())
        if index % 3 == 0:
            test = {"fvc": str(round(96 - 50 * t + rng.uniform(-2, 2), 1)),
                    "snip": str(round(85 - 55 * t + rng.uniform(-3, 3))), "position": "sitting"}
            records.append(Entry("breathing", moment, validate("breathing", test),
                                 caregiver=who.id if who else None, created=dates.iso(moment)).to_record())
        day += relativedelta(months=1)
        index += 1
    by_month: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        by_month.setdefault(record["day"][:7], []).append(record)
    for key in sorted(by_month):
        store.insert(by_month[key])
    return len(records)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--years", type=float, default=5.0)
    parser.add_argument("--caregivers", type=int, default=3)
    parser.add_argument("--per-day", type=int, default=30)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", required=True, help="a new or empty folder")
    parser.add_argument("--no-clinic", action="store_true",
                        help="leave out the monthly ratings and the breathing tests")
    args = parser.parse_args()
    out = Path(args.out)
    if out.exists() and any(out.iterdir()):
        raise SystemExit(f"{out} is not empty")
    started = time.perf_counter()
    now = dates.now()
    end = now.date()
    start = end - timedelta(days=max(0, round(args.years * 365.25) - 1))
    with Store(out, write=True) as store:
        if args.years > 0:
            summary = sample.build(store, start=start, end=end, caregivers=args.caregivers,
                                   seed=args.seed, per_day=args.per_day, now=now)
            if not args.no_clinic:
                summary["records"] += clinic(store, start, end, now, args.seed)
        else:  # an "empty" home: the same household and medicines, no entries yet
            summary = sample.build(store, start=end, end=end, caregivers=args.caregivers,
                                   seed=args.seed, per_day=0, now=now)
    if args.years <= 0:
        for month in (out / "entries").glob("*.json"):
            month.unlink()
        summary["records"] = 0
    print(f"{out}: {summary['records']} entries from {summary['start']} to {summary['end']} "
          f"in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
