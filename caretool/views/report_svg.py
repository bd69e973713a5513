"""The Progression charts of the HTML report as inline SVG: no script, nothing loaded.

Drawn to be read on paper in black and white: black lines and marks, a second series told apart by
its mark (a hollow square for FVC lying down) and not by colour, reference lines dashed and
labelled, every axis labelled in text. The SVG scales to the page width (viewBox), so an A4 print
keeps it within the margins. Every piece of text is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date
from typing import Any

from caretool.core.messages import _
from caretool.core.text import safe
from caretool.views import charts
from caretool.views import progress as fig

W, H = 640, 190  # viewBox units; about 17 by 5 cm on A4
LEFT, RIGHT, TOP, BOTTOM = 44, 46, 26, 28
FONT = 11


def _e(value: Any) -> str:
    return html.escape(safe(str(value)), quote=True)


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def chart(title: str, series: Sequence[tuple[str, Sequence[tuple[date, float]]]], *, low: float, high: float,
          lines: Sequence[tuple[float, str]] = ()) -> str:
    """One chart: `series` are (mark, points) with mark "dot" or "square"."""
    days = [d for _m, points in series for d, _v in points]
    if not days or high <= low:
        return ""
    first, last = min(days), max(days)
    span = max(1, (last - first).days)
    inner_w, inner_h = W - LEFT - RIGHT, H - TOP - BOTTOM

    def x(day: date) -> float:
        return LEFT + (inner_w / 2 if first == last else (day - first).days / span * inner_w)

    def y(value: float) -> float:
        return TOP + (high - value) / (high - low) * inner_h

    parts = [f'<text x="{LEFT}" y="{FONT + 4}" font-size="{FONT + 1}" font-weight="bold">{_e(title)}</text>']
    parts.append(f'<rect x="{LEFT}" y="{TOP}" width="{inner_w}" height="{inner_h}" fill="none" '
                 'stroke="#000" stroke-width="0.6"/>')
    for value in (low, float(round((low + high) / 2)), high):
        parts.append(f'<text x="{LEFT - 4}" y="{y(value) + 4:.1f}" font-size="{FONT}" text-anchor="end">'
                     f'{_e(_num(value))}</text>')
        parts.append(f'<line x1="{LEFT - 3}" y1="{y(value):.1f}" x2="{LEFT}" y2="{y(value):.1f}" '
                     'stroke="#000" stroke-width="0.6"/>')
    for value, label in lines:
        if low <= value <= high:
            parts.append(f'<line x1="{LEFT}" y1="{y(value):.1f}" x2="{LEFT + inner_w}" y2="{y(value):.1f}" '
                         'stroke="#000" stroke-width="0.8" stroke-dasharray="5 3"/>')
            parts.append(f'<text x="{LEFT + inner_w + 4}" y="{y(value) + 4:.1f}" font-size="{FONT}">'
                         f'{_e(label)}</text>')
    labels = [(first, "start")] if first == last else [(first, "start"), (last, "end")]
    for day, anchor in labels:
        parts.append(f'<text x="{x(day):.1f}" y="{H - 8}" font-size="{FONT}" text-anchor="{anchor}">'
                     f'{_e(day.isoformat())}</text>')
    for mark, points in series:
        ordered = sorted(points)
        if len(ordered) > 1:
            path = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in ordered)
            dash = ' stroke-dasharray="2 2"' if mark == "square" else ""
            parts.append(f'<polyline points="{path}" fill="none" stroke="#000" stroke-width="1.4"{dash}/>')
        for d, v in ordered:
            if mark == "square":
                parts.append(f'<rect x="{x(d) - 3.5:.1f}" y="{y(v) - 3.5:.1f}" width="7" height="7" '
                             'fill="#fff" stroke="#000" stroke-width="1.2"/>')
            else:
                parts.append(f'<circle cx="{x(d):.1f}" cy="{y(v):.1f}" r="3" fill="#000"/>')
    return (f'<svg class="chart" viewBox="0 0 {W} {H}" width="100%" role="img" aria-label="{_e(title)}" '
            f'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif">'
            f'<title>{_e(title)}</title>{"".join(parts)}</svg>\n')


def progression_charts(progression: dict[str, Any] | None) -> str:
    """The functional total, weight and FVC charts (those with data)."""
    if not progression:
        return ""
    out = []
    totals = fig.total_points(progression)
    if totals:
        low, high = charts.value_range([v for _d, v in totals], pad=2, floor=0, ceiling=48)
        out.append(chart(_("Functional rating (ALSFRS-R total, 0-48)"), [("dot", totals)], low=low,
                         high=high))
    weights = fig.weight_points(progression)
    if weights:
        refs = fig.weight_lines_drawn(progression)
        low, high = charts.value_range([v for _d, v in weights], pad=1, floor=0, ceiling=400,
                                       include=[v for v, _t in refs])
        out.append(chart(_("Weight (kg)"), [("dot", weights)], low=low, high=high, lines=refs))
    sitting, lying = fig.fvc_points(progression, lying=False), fig.fvc_points(progression, lying=True)
    if sitting or lying:
        low, high = charts.value_range([v for _d, v in sitting + lying], pad=5, floor=0, ceiling=150,
                                       include=[50, 80])
        out.append(chart(_("FVC (% of predicted): filled dots sitting or not given, hollow squares lying"),
                         [("dot", sitting), ("square", lying)], low=low, high=high, lines=fig.FVC_LINES))
    return "".join(c for c in out if c)
