"""The report's "Breathing and feeding care" section, in the terminal and in Markdown (the HTML
page's detail is rendered from the Markdown)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from caretool.core.messages import N_, _
from caretool.core.text import safe

if TYPE_CHECKING:
    from rich.console import Console

Section = dict[str, Any]


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def _change(value: float | None) -> str:
    return "-" if value is None else f"{value:+g}"


def rows(s: Section) -> list[tuple[str, str, str, str]]:
    """(what, this period, the period before, change) for each measure logged in either period."""
    found = []
    for key, label in (("niv_night", _("NIV at night, hours a night (mean)")),
                       ("niv_day", _("NIV in the day, hours a day (mean)")),
                       ("cough_assist", _("Cough assist sessions (total)")),
                       ("suction", _("Suction (times, total)")),
                       ("feeds", _("Feeds, mL a day (mean)"))):
        m = s[key]
        if m["value"] is None and m["previous"] is None:
            continue
        found.append((label, _number(m["value"]), _number(m["previous"]), _change(m["change"])))
    return found


def daily_row(values: list[float | None]) -> str:
    return " ".join("·" if v is None else f"{v:g}" for v in values)


def tube_lines(s: Section) -> list[tuple[str, bool]]:
    """(line, the tube came out) for each tube change of the period."""
    out = []
    for t in s["tube_changes"]:
        line = (_("{day}: the feeding tube came out") if t["came_out"] else
                _("{day}: the feeding tube was changed")).format(day=t["day"])
        out.append((safe(f"{line} ({t['note']})" if t["note"] else line), bool(t["came_out"])))
    return out


def feeds_line(s: Section) -> str:
    f = s["feeds"]
    return _("{count} feeds logged, {mouth} of them by mouth.").format(count=f["count"], mouth=f["by_mouth"])


NOTHING = N_("No NIV, cough assist, suction, feeds or tube changes logged this period or the one before.")


def render_text(out: Console, data: dict[str, Any]) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    s = data["breathing_feeding"]
    if not s["any"]:
        out.print(Text(_(NOTHING)))
        return
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style="bold")
    for column in (_("Care"), _("This period"), _("Before"), _("Change")):
        table.add_column(Text(column))
    for row in rows(s):
        table.add_row(*(Text(cell) for cell in row))
    out.print(table)
    if s["niv_night"]["days_logged"]:
        nights = daily_row(s["niv_night"]["daily"])
        out.print(Text(_("NIV each night: {hours}").format(hours=nights), style="dim"))
    if s["feeds"]["count"]:
        out.print(Text(feeds_line(s)))
    for line, came_out in tube_lines(s):
        out.print(Text(line, style="bold" if came_out else ""))


def render_md(data: dict[str, Any]) -> list[str]:
    from caretool.views.report_md import _table, esc

    s = data["breathing_feeding"]
    if not s["any"]:
        return [esc(_(NOTHING))]
    lines = _table([_("Care"), _("This period"), _("Before"), _("Change")],
                   [[esc(cell) for cell in row] for row in rows(s)])
    if s["niv_night"]["days_logged"]:
        lines += ["", esc(_("NIV each night: {hours}").format(hours=daily_row(s["niv_night"]["daily"])))]
    if s["feeds"]["count"]:
        lines += ["", esc(feeds_line(s))]
    tubes = tube_lines(s)
    if tubes:
        lines += ["", *[f"- **{esc(line)}**" if came_out else f"- {esc(line)}" for line, came_out in tubes]]
    return lines
