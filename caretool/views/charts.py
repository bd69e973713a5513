"""Small charts of values over time, drawn with plain characters.

ASCII only: box-drawing and block characters are "ambiguous width" and take two columns in many
Korean and other CJK terminals, which would skew every row. No colour is needed to read them
(NO_COLOR), and they fit 80 columns. Points are `*` (or `o` for a second series), the line between
two points is `.`, a reference line (such as FVC 50%) is `- - -` with its label at the right.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

WIDTH = 78
ROWS = 8
RIGHT = 6  # room for a reference line's label


@dataclass(frozen=True)
class Series:
    mark: str
    points: Sequence[tuple[date, float]]


def _label(value: float) -> str:
    return f"{value:.0f}" if abs(value - round(value)) < 0.05 or abs(value) >= 100 else f"{value:.1f}"


def text_chart(series: Sequence[Series], *, low: float, high: float, rows: int = ROWS, width: int = WIDTH,
               lines: Sequence[tuple[float, str]] = (),
               label: Callable[[float], str] = _label) -> list[str]:
    """The chart as lines of text; [] when there is nothing to draw."""
    days = [d for s in series for d, _v in s.points]
    if not days or high <= low:
        return []
    first, last = min(days), max(days)
    span = (last - first).days

    def row(value: float) -> int:
        return max(0, min(rows - 1, round((high - value) / (high - low) * (rows - 1))))

    middle = float(round((high + low) / 2))
    ticks = {0: high, rows - 1: low, row(middle): middle}
    left = max(len(label(v)) for v in ticks.values()) + 1
    plot = max(10, width - left - 1 - RIGHT)

    def col(day: date) -> int:
        return (plot - 1) // 2 if span == 0 else round((day - first).days / span * (plot - 1))

    grid = [[" "] * plot for _ in range(rows)]
    right = [""] * rows
    for value, text in lines:
        if low <= value <= high:
            r = row(value)
            for c in range(0, plot, 2):
                grid[r][c] = "-"
            right[r] = text
    for s in series:
        cells = [(col(d), row(v)) for d, v in sorted(s.points)]
        for (c1, r1), (c2, r2) in itertools.pairwise(cells):
            for c in range(c1 + 1, c2):
                r = round(r1 + (r2 - r1) * (c - c1) / (c2 - c1))
                if grid[r][c] in " -":
                    grid[r][c] = "."
        for c, r in cells:
            grid[r][c] = s.mark
    out = []
    for r in range(rows):
        tick = label(ticks[r]) if r in ticks else ""
        body = "".join(grid[r]).rstrip().ljust(plot)
        out.append(f"{tick:>{left}}|" + body + (" " + right[r] if right[r] else ""))
    out.append(" " * left + "+" + "-" * plot)
    start, end = first.isoformat(), last.isoformat()
    axis = start if span == 0 else start + end.rjust(plot - len(start))
    out.append(" " * (left + 1) + axis)
    return [line.rstrip() for line in out]


def value_range(values: Sequence[float], *, pad: float, floor: float, ceiling: float,
                include: Sequence[float] = ()) -> tuple[float, float]:
    """A y range around the values (and the reference lines to show), within floor..ceiling."""
    everything = [*values, *include]
    low = max(floor, min(everything) - pad)
    high = min(ceiling, max(everything) + pad)
    if high - low < 2 * pad:
        low, high = max(floor, low - pad), min(ceiling, high + pad)
    return float(int(low)), float(-int(-high))
