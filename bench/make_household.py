"""Write a realistic synthetic household of several years through caretool's own store.

    python bench/make_household.py --years 5 --caregivers 3 --out DIR

About 30 entries a day: check-ins with symptoms moving through the phases, medication doses,
hours per caregiver, weights, wellbeing and notes (caretool.sample, which the demo also uses).
"""

from __future__ import annotations

import argparse
import time
from datetime import timedelta
from pathlib import Path

from caretool.core import dates
from caretool.demo import sample
from caretool.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--years", type=float, default=5.0)
    parser.add_argument("--caregivers", type=int, default=3)
    parser.add_argument("--per-day", type=int, default=30)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", required=True, help="a new or empty folder")
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
