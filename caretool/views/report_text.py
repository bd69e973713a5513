"""The report in the terminal (Rich), and the dispatch to the other formats."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from caretool.core.messages import N_, _
from caretool.core.text import safe
from caretool.domain.report.build import SECTIONS
from caretool.views import report_md as fmt
from caretool.views.output import emit_json, tell

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

FORMATS = ("text", "md", "html", "json")
FORMAT_NAMES = {"text": N_("text report"), "md": N_("Markdown report"), "html": N_("HTML report"),
                "json": N_("JSON report")}
TREND_STYLE = {"new": "bold red", "worse": "red", "better": "green", "gone": "green", "unchanged": ""}
SPARK_STYLE = {None: "dim", 0: "green", 1: "yellow", 2: "dark_orange", 3: "bold red"}
URGENCY_STYLE = {"emergency": "bold red", "urgent": "bold red"}
TEXT_WIDTH = 110  # when the text report goes to a file


def _t(value: Any, style: str = "") -> Text:
    from rich.text import Text

    return Text(safe(fmt.text(value)), style=style)


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
    out.print(_t(_("Person cared for: {name}").format(name=o["person"])))
    if o.get("born"):
        out.print(_t(_("Date of birth: {day}").format(day=o["born"])))
    if o.get("diagnosed"):
        out.print(_t(_("Diagnosed: {day}").format(day=o["diagnosed"])))
    out.print(_t(_("Phase: {phase}").format(phase=fmt.phase_line(o)), "bold" if o["phase_changes"] else ""))
    out.print(_t(_("Days checked in: {days}").format(days=fmt.checkin_line(o))))
    out.print(_t(_("Entries logged: {count}").format(count=o["entries"])))
    if o["caregivers"]:
        out.print(_t(_("Caregivers: {names}").format(names=", ".join(o["caregivers"]))))


def _warnings(out: Console, data: dict[str, Any]) -> None:
    if not data["warnings"]:
        out.print(_t(_("No red-flag warnings this period."), "green"))
        return
    table = _table(_("Warning"), _("How often"), _("What to do"))
    for w in data["warnings"]:
        level = fmt.urgency_word(w["urgency"])
        what = _t(_("{level}: {title}").format(level=level, title=fmt.text(w["title"])) if level
                  else fmt.text(w["title"]), URGENCY_STYLE.get(w["urgency"], "bold yellow"))
        what.append(safe("\n" + fmt.text(w["why"])), style="dim")
        action = _t(w["action"])
        action.append(safe("\n" + _("Source: {source}").format(source=fmt.text(w["source"]))), style="dim")
        table.add_row(what, _t(fmt.times_text(w)), action)
    out.print(table)


def _symptoms(out: Console, data: dict[str, Any]) -> None:
    s = data["symptoms"]
    if not s["items"]:
        out.print(_t(_("No symptoms logged this period or the one before.")))
        return
    from rich.text import Text

    table = _table(_("Symptom"), fmt.day_initials(s["days"]), _("Worst"), _("Before"), _("Trend"))
    for item in s["items"]:
        chart = Text()
        for value in item["daily"]:
            chart.append(fmt.SPARK.get(value, "?"), style=SPARK_STYLE.get(value, ""))
        table.add_row(_t(item["label"]), chart, fmt.severity(item["peak"]),
                      fmt.severity(item["previous_peak"]),
                      _t(fmt.trend_word(item["trend"]), TREND_STYLE.get(item["trend"], "")))
    out.print(table)
    out.print(_t(_("Chart: {key}. Trend compares with {previous}.").format(
        key=_(fmt.SPARK_KEY), previous=fmt.previous_title(data["period"])), "dim"))


def _weight(out: Console, data: dict[str, Any]) -> None:
    w = data["weight"]
    if w["latest"] is None:
        out.print(_t(_("No weight logged in the last month.")))
        return
    out.print(_t(fmt.latest_weight_line(w)))
    if w["values"]:
        out.print(_t(fmt.weights_line(w)))
    for key, label in fmt.WEIGHT_CHANGES:
        change = w.get(key)
        if key == "since_diagnosis" and not change:
            continue
        style = "red" if change and change["percent"] is not None and change["percent"] <= -5 else ""
        out.print(_t(_(label).format(change=fmt.change_text(change)), style))


def _progression(out: Console, data: dict[str, Any]) -> None:
    groups = fmt.progression_groups(data)
    if not groups:
        out.print(_t(_("Not worked out for this report.")))
        return
    for heading, items in groups:
        out.print(_t(heading, "bold"))
        for item in items:
            out.print(_t("  " + item))
    from caretool.views import progress as fig

    for line in fig.text_charts(data["progression"]):
        out.print(_t(line))
    out.print(_t(data["progression"]["note"], "dim"))


def _medications(out: Console, data: dict[str, Any]) -> None:
    m = data["medications"]
    if not m["items"]:
        out.print(_t(_("No medicine doses were due or given in this period.") if m.get("set_up")
                     else _("No medications are set up. Add them with `caretool med add`.")))
        return
    table = _table(_("Medication"), _("Dose"), _("Scheduled"), _("Taken"), _("Skipped"), _("Missed"),
                   _("Taken %"))
    for i in m["items"]:
        table.add_row(_t(i["name"]), _t(fmt.dose_text(i)), str(i["scheduled"]), str(i["taken"]),
                      str(i["skipped"]), _t(i["missed"], "bold red" if i["missed"] else ""),
                      fmt.percent_text(i["percent"]))
    out.print(table)
    for i in m["items"]:
        if line := fmt.as_needed_line(i):
            out.print(_t(line))
        if i["missed_doses"]:
            out.print(_t(_("Missed {name}: {doses}").format(
                name=i["name"], doses=", ".join(fmt.dose_time(d) for d in i["missed_doses"])), "red"))


def _care_hours(out: Console, data: dict[str, Any]) -> None:
    h = data["care_hours"]
    people = h["caregivers"]
    if not h["total"]:
        out.print(_t(_("No hours of care logged this period.")))
        return
    table = _table(_("Day"), *[fmt.text(p["name"]) for p in people], _("All"))
    for i, day in enumerate(h["days"]):
        night_all = sum(p["night_daily"][i] for p in people)
        table.add_row(fmt.short_day(day),
                      *[fmt.hours_cell(p["daily"][i], p["night_daily"][i]) for p in people],
                      fmt.hours_cell(h["daily_totals"][i], night_all))
    table.add_section()
    table.add_row(_t(_("Total"), "bold"), *[_t(fmt.hours(p["total"]), "bold") for p in people],
                  _t(fmt.hours(h["total"]), "bold"))
    table.add_row(_("of which night"), *[fmt.hours(p["night"]) for p in people], fmt.hours(h["night_total"]))
    table.add_row(_("Share"), *[f"{p['share']:g}%" for p in people], "100%")
    out.print(table)
    largest = max(p["total"] for p in people)
    bars = _table(_("Caregiver"), "", _("Hours"), _("Share"), show_header=False)
    for p in people:
        total, night = fmt.hours(p["total"]), fmt.hours(p["night"])
        amount = (_("{hours} h ({night} h night)").format(hours=total, night=night) if p["night"]
                  else _("{hours} h").format(hours=total))
        bars.add_row(_t(p["name"]), _t(fmt.bar(p["total"], largest), "cyan"), amount, f"{p['share']:g}%")
    out.print(bars)


def _caregivers(out: Console, data: dict[str, Any]) -> None:
    c = data["caregivers"]
    out.print(_t(c["privacy"], "dim"))
    if not c["items"]:
        out.print(_t(_("No caregivers are set up.")))
        return
    health = c["caregiver_health_included"]
    columns = [_("Caregiver"), _("Sleep a night"), _("Stress (0-10)"), _("Breaks")]
    if health:
        columns.append(_("Self-check"))
    table = _table(*columns, _("Burnout risk"))
    why = []
    for item in c["items"]:
        level, _reasons = fmt.burnout_text(item)
        found = item["burnout"] or {}
        style = {"high": "bold red", "elevated": "yellow"}.get(str(found.get("level")), "")
        cells = [_t(item["name"]), fmt.sleep_text(item), fmt.stress_text(item), fmt.breaks_text(item)]
        if health:
            cells.append(fmt.selfcheck_text(item))
        table.add_row(*cells, _t(level, style))
        if found.get("reasons"):
            why.append((item["name"], found["reasons"]))
    out.print(table)
    from rich.table import Table

    for name, reasons in why:
        out.print(_t(_("Main reasons for {name}:").format(name=fmt.text(name)), "bold"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=3, justify="right")
        grid.add_column()
        for r in reasons:
            grid.add_row("-", _t(fmt.text(r["reason"]) or r["factor"]))
        out.print(grid)


def _notes(out: Console, data: dict[str, Any]) -> None:
    if not data["notes"]:
        out.print(_t(_("No notes this period.")))
    for n in data["notes"]:
        line = _t(f"{n['day']} ", "bold")
        line.append(safe(f"({fmt.text(n['caregiver'])}) "), style="dim")
        line.append(safe(n["text"]))
        out.print(line)


def _questions(out: Console, data: dict[str, Any]) -> None:
    if not data["questions"]:
        out.print(_t(_("No questions this time.")))
    for q in data["questions"]:
        line = _t(f"☐ {fmt.text(q['text'])} ")
        line.append(safe(f"({fmt.why_word(q['why'])})"), style="dim")
        out.print(line)


def _breathing_feeding(out: Console, data: dict[str, Any]) -> None:
    from caretool.views import report_care

    report_care.render_text(out, data)


RENDERERS = {"overview": _overview, "warnings": _warnings, "symptoms": _symptoms, "weight": _weight,
             "progression": _progression, "medications": _medications,
             "breathing_feeding": _breathing_feeding, "care_hours": _care_hours,
             "caregivers": _caregivers, "notes": _notes, "questions": _questions}


def render_text(data: dict[str, Any], out: Console) -> None:
    out.print(_t(_("Care report for {name}").format(name=data["overview"]["person"]), "bold"))
    out.print(_t(fmt.compared_line(data["period"])))
    for key, title in SECTIONS:  # the titles and their order live in caretool.domain.report.build
        _heading(out, fmt.text(title))
        RENDERERS[key](out, data)
    out.print()
    out.print(_t(_("General information, not medical advice. Follow the advice of your care team."), "dim"))


def as_string(data: dict[str, Any], form: str) -> str:
    """The report in one format, as the text that goes into a file."""
    if form == "md":
        return safe(fmt.render_md(data))
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


def written(path: Path, form: str, *, as_json: bool) -> None:
    if as_json:
        emit_json({"path": str(path)})
    else:
        what = _(FORMAT_NAMES[form]) if form in FORMAT_NAMES else form
        tell(_("Wrote the {what} to {path}").format(what=what, path=path))
