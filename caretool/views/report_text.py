"""The report in the terminal (Rich), and the dispatch to the other formats."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from caretool.core.text import safe
from caretool.domain.report.build import SECTION_TITLES
from caretool.views import report_md as fmt
from caretool.views.output import emit_json, tell

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

FORMATS = ("text", "md", "html", "json")
TREND_STYLE = {"new": "bold red", "worse": "red", "better": "green", "gone": "green", "unchanged": ""}
SPARK_STYLE = {None: "dim", 0: "green", 1: "yellow", 2: "dark_orange", 3: "bold red"}
TEXT_WIDTH = 110  # when the text report goes to a file


def _t(value: Any, style: str = "") -> Text:
    from rich.text import Text

    return Text(safe(value), style=style)


def _table(*columns: str, **kwargs: Any) -> Any:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style="bold", **kwargs)
    for column in columns:  # as Text: a caregiver's name in a header must not be read as markup
        table.add_column(_t(column), overflow="fold")
    return table


def _heading(out: Console, title: str) -> None:
    out.print()
    out.rule(_t(title, "bold"), align="left", style="cyan")


def _overview(out: Console, data: dict[str, Any]) -> None:
    o = data["overview"]
    out.print(_t(f"Person cared for: {o['person']}"))
    out.print(_t(f"Phase: {fmt.phase_line(o)}", "bold" if o["phase_changes"] else ""))
    out.print(_t(f"Days checked in: {fmt.checkin_line(o)}"))
    out.print(_t(f"Entries logged: {o['entries']}"))
    if o["caregivers"]:
        out.print(_t(f"Caregivers: {', '.join(o['caregivers'])}"))


def _warnings(out: Console, data: dict[str, Any]) -> None:
    if not data["warnings"]:
        out.print(_t("No red-flag warnings this period.", "green"))
        return
    table = _table("Date", "Warning", "What to do")
    for w in data["warnings"]:
        emergency = w["urgency"] == "emergency"
        what = _t(("EMERGENCY: " if emergency else "") + w["title"],
                  "bold red" if emergency else "bold yellow")
        what.append(safe(f"\n{w['entry']} ({w['caregiver']})"), style="dim")
        action = _t(w["action"])
        action.append(safe(f"\nSource: {w['source']}"), style="dim")
        table.add_row(_t(w["day"]), what, action)
    out.print(table)


def _symptoms(out: Console, data: dict[str, Any]) -> None:
    s = data["symptoms"]
    if not s["items"]:
        out.print(_t("No symptoms logged this period or the one before."))
        return
    from rich.text import Text

    table = _table("Symptom", fmt.day_initials(s["days"]), "Worst", "Before", "Trend")
    for item in s["items"]:
        chart = Text()
        for value in item["daily"]:
            chart.append(fmt.SPARK.get(value, "?"), style=SPARK_STYLE.get(value, ""))
        table.add_row(_t(item["label"]), chart, fmt.severity(item["peak"]),
                      fmt.severity(item["previous_peak"]), _t(item["trend"], TREND_STYLE[item["trend"]]))
    out.print(table)
    out.print(_t(f"Chart: {fmt.SPARK_KEY}. Trend compares with {fmt.previous_title(data['period'])}.",
                 "dim"))


def _weight(out: Console, data: dict[str, Any]) -> None:
    w = data["weight"]
    if w["latest"] is None:
        out.print(_t("No weight logged in the last month."))
        return
    latest = w["latest"]
    out.print(_t(f"Latest: {latest['kg']:g} kg on {latest['day']}"
                 + ("" if w["latest_in_period"] else " (none logged this period)")))
    if w["values"]:
        out.print(_t("This period: " + ", ".join(f"{v['kg']:g} kg ({v['day']})" for v in w["values"])))
    for label, key in (("Change over the period", "period_change"),
                       ("Change over the last month", "month_change"),
                       ("Change since the first weight", "since_first")):
        change = w[key]
        style = "red" if change and change["percent"] is not None and change["percent"] <= -5 else ""
        out.print(_t(f"{label}: {fmt.change_text(change)}", style))


def _medications(out: Console, data: dict[str, Any]) -> None:
    m = data["medications"]
    if not m["available"]:
        out.print(_t("Medication adherence is not available in this version of caretool.", "dim"))
        return
    if not m["items"]:
        out.print(_t("No medications are set up. Add them with `caretool med add`."))
        return
    table = _table("Medication", "Scheduled", "Taken", "Skipped", "Missed", "Taken %")
    for i in m["items"]:
        table.add_row(_t(i["name"]), str(i["scheduled"]), str(i["taken"]), str(i["skipped"]),
                      _t(i["missed"], "bold red" if i["missed"] else ""), fmt.percent_text(i["percent"]))
    out.print(table)
    for i in m["items"]:
        if i["missed_doses"]:
            out.print(_t(f"Missed {i['name']}: " + ", ".join(fmt.dose_time(d) for d in i["missed_doses"]),
                         "red"))


def _care_hours(out: Console, data: dict[str, Any]) -> None:
    h = data["care_hours"]
    people = h["caregivers"]
    if not h["total"]:
        out.print(_t("No hours of care logged this period."))
        return
    table = _table("Day", *[p["name"] for p in people], "All")
    for i, day in enumerate(h["days"]):
        night_all = sum(p["night_daily"][i] for p in people)
        table.add_row(fmt.short_day(day),
                      *[fmt.hours_cell(p["daily"][i], p["night_daily"][i]) for p in people],
                      fmt.hours_cell(h["daily_totals"][i], night_all))
    table.add_section()
    table.add_row(_t("Total", "bold"), *[_t(fmt.hours(p["total"]), "bold") for p in people],
                  _t(fmt.hours(h["total"]), "bold"))
    table.add_row("of which night", *[fmt.hours(p["night"]) for p in people], fmt.hours(h["night_total"]))
    table.add_row("Share", *[f"{p['share']:g}%" for p in people], "100%")
    out.print(table)
    largest = max(p["total"] for p in people)
    bars = _table("Caregiver", "", "Hours", "Share", show_header=False)
    for p in people:
        bars.add_row(_t(p["name"]), _t(fmt.bar(p["total"], largest), "cyan"),
                     f"{fmt.hours(p['total'])} h"
                     + (f" ({fmt.hours(p['night'])} h night)" if p["night"] else ""),
                     f"{p['share']:g}%")
    out.print(bars)


def _caregivers(out: Console, data: dict[str, Any]) -> None:
    c = data["caregivers"]
    if not c["items"]:
        out.print(_t("No caregivers are set up."))
        return
    table = _table("Caregiver", "Sleep a night", "Stress (0-10)", "Breaks", "Burnout risk")
    why = []
    for item in c["items"]:
        level, reasons = fmt.burnout_text(item, c["burnout_available"])
        style = {"high": "bold red", "elevated": "yellow"}.get(level.split(" ")[0], "")
        table.add_row(_t(item["name"]), fmt.sleep_text(item), fmt.stress_text(item), fmt.breaks_text(item),
                      _t(level, style))
        if item["burnout"] and item["burnout"]["reasons"]:
            why.append((item["name"], item["burnout"]["reasons"]))
    out.print(table)
    from rich.table import Table

    for name, reasons in why:
        out.print(_t(f"Main reasons for {name}:", "bold"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=3, justify="right")
        grid.add_column()
        for r in reasons:
            grid.add_row("-", _t(r["reason"] or r["factor"]))
        out.print(grid)


def _notes(out: Console, data: dict[str, Any]) -> None:
    if not data["notes"]:
        out.print(_t("No notes this period."))
    for n in data["notes"]:
        line = _t(f"{n['day']} ", "bold")
        line.append(safe(f"({n['caregiver']}) "), style="dim")
        line.append(safe(n["text"]))
        out.print(line)


def _questions(out: Console, data: dict[str, Any]) -> None:
    if not data["questions"]:
        out.print(_t("No questions this time."))
    for q in data["questions"]:
        line = _t(f"☐ {q['text']} ")
        line.append(safe(f"({q['why']})"), style="dim")
        out.print(line)


# The titles and their order live in caretool.report.build, shared by every format.
SECTIONS = tuple(zip(SECTION_TITLES, (
    _overview, _warnings, _symptoms, _weight, _medications, _care_hours, _caregivers, _notes,
    _questions), strict=True))


def render_text(data: dict[str, Any], out: Console) -> None:
    period = data["period"]
    out.print(_t(f"Care report for {data['overview']['person']}", "bold"))
    out.print(_t(f"{fmt.period_title(period)}. Compared with the {period['days']} days before "
                 f"({fmt.previous_title(period)})."))
    for title, section in SECTIONS:
        _heading(out, title)
        section(out, data)
    out.print()
    out.print(_t("General information, not medical advice. Follow the advice of your care team.", "dim"))


def as_string(data: dict[str, Any], form: str) -> str:
    """The report in one format, as the text that goes into a file."""
    if form == "md":
        return safe(fmt.render(data))
    if form == "html":
        from caretool.views import report_html

        return report_html.render(data)
    if form == "json":
        from caretool.views.output import json_text

        return json_text(data) + "\n"
    import io

    from rich.console import Console

    buffer = io.StringIO()
    render_text(data, Console(file=buffer, width=TEXT_WIDTH, no_color=True, color_system=None,
                              highlight=False, emoji=False, soft_wrap=False))
    return buffer.getvalue()


def show(data: dict[str, Any], form: str) -> None:
    """The report on stdout (`--format json` is the report document itself, as in a file)."""
    if form == "text":
        from caretool.views.output import console

        render_text(data, console())
    else:
        sys.stdout.write(as_string(data, form))


def written(path: Path, what: str, *, as_json: bool) -> None:
    if as_json:
        emit_json({"path": str(path)})
    else:
        tell(f"Wrote the {what} to {path}")














