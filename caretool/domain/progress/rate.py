"""How fast the functional rating changes.

ΔFS ("delta FS", the progression rate since onset; Kimura et al. 2006, Labra et al. 2016,
docs/clinical-sources.md#labra-2016) = (48 - total) / months from symptom onset to the rating. It
assumes a full score of 48 at onset and a straight decline since, which is rarely exact (decline is
not linear: #precision-als), so caretool always calls it an estimate. It needs the onset date.

The slope between ratings is the least-squares line through the ratings of the 6 months up to the
latest one, with 3 ratings or more (two points make a line through any noise): points a month,
negative when the total falls.

Bands: the often quoted ΔFS cut-offs "< 0.5 slow, > 1.0 fast" were not found in a primary source
and are not used. The one primary source found, Labra et al. 2016 (164 people, ΔFS at the first
visit), formed three groups at 0.47 and 1.11 points a month; caretool names the group with that
study's cut-offs and says where they come from, and shows the figure first.

Months are calendar months (a rating twelve months to the day after onset is 12.0 months), the
days left over counted at the average month length.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from dateutil.relativedelta import relativedelta

FULL_SCORE = 48
DAYS_PER_MONTH = 365.25 / 12
SLOPE_MONTHS = 6
SLOPE_MIN_RATINGS = 3
LABRA_SLOWER = 0.47  # labra-2016: below this, the slower group
LABRA_FASTER = 1.11  # labra-2016: above this, the faster group


def months_between(start: date, end: date) -> float:
    """Calendar months from start to end, with the days left over as a fraction of a month."""
    gap = relativedelta(end, start)
    whole = gap.years * 12 + gap.months
    anchor = start + relativedelta(months=whole)
    return whole + (end - anchor).days / DAYS_PER_MONTH


def delta_fs(total: int, onset: date | None, day: date) -> float | None:
    """(48 - total) / months since onset, or None without an onset date or before a month has
    passed (the figure means nothing over a few days)."""
    if onset is None:
        return None
    months = months_between(onset, day)
    if months < 1:
        return None
    return (FULL_SCORE - total) / months


def band(value: float | None) -> str | None:
    """Labra 2016's group for a ΔFS: slower, intermediate or faster."""
    if value is None:
        return None
    if value < LABRA_SLOWER:
        return "slower"
    if value > LABRA_FASTER:
        return "faster"
    return "intermediate"


def least_squares(points: Sequence[tuple[float, float]]) -> float | None:
    """The slope of the least-squares line through (x, y) points; None if x does not vary."""
    n = len(points)
    if n < 2:
        return None
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    if spread == 0:
        return None
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / spread


def in_last_months(days: Sequence[date], months: int = SLOPE_MONTHS) -> int:
    """How many of the (sorted) days fall in the `months` up to the last one: the index to slice
    from."""
    if not days:
        return 0
    start = days[-1] - relativedelta(months=months)
    return next(i for i, day in enumerate(days) if day >= start)


def slope(ratings: Sequence[tuple[date, int]], *, months: int = SLOPE_MONTHS,
          minimum: int = SLOPE_MIN_RATINGS) -> tuple[float, list[tuple[date, int]]] | None:
    """Points a month over the last `months` of (day, total) ratings, sorted by day, and the
    ratings used; None with fewer than `minimum` of them. Two ratings on one day count as two."""
    ordered = sorted(ratings)
    used = ordered[in_last_months([d for d, _ in ordered], months):]
    if len(used) < minimum:
        return None
    first = used[0][0]
    value = least_squares([((day - first).days / DAYS_PER_MONTH, float(total)) for day, total in used])
    return (value, used) if value is not None else None
