"""The report as Markdown: for the family's notes, and the single source of the HTML page.

Also holds the small formatting helpers the text view shares (days, hours, charts, signs), so
the two formats say the same thing in the same words.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from caretool.domain.care.symptoms import SEVERITY_WORDS
from caretool.domain.report.build import SECTION_TITLES

SPARK = {None: "·", 0: "▁", 1: "▃", 2: "▅", 3: "█"}
SPARK_KEY = "· not logged, ▁ none, ▃ mild, ▅ moderate, █ severe"
BAR_WIDTH = 24
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&!#])")


# --- shared helpers -----------------------------------------------------------------------
def hours(value: float) -> str:
    return f"{value:g}"


def short_day(iso: str) -> str:
    """'2026-11-09' -> 'Mon 9 Nov'."""
    d = date.fromisoformat(iso)
    return f"{d:%a} {d.day} {d:%b}"


def period_title(period: dict[str, Any]) -> str:
    start, end = date.fromisoformat(period["start"]), date.fromisoformat(period["end"])
    span = f"{start.day} {start:%b %Y} to {end.day} {end:%b %Y}"
    if start.year == end.year:
        span = (f"{start.day} to {end.day} {end:%b %Y}" if start.month == end.month
                else f"{start.day} {start:%b} to {end.day} {end:%b %Y}")
    head = f"Week {period['label']}" if "W" in period["label"] else "Period"
    return f"{head}, {span}" + (" (so far)" if period["partial"] else "")


def previous_title(period: dict[str, Any]) -> str:
    prev = period["previous"]
    return f"{prev['start']} to {prev['end']}"


def spark(daily: list[int | None]) -> str:
    return "".join(SPARK.get(v, "?") for v in daily)


def day_initials(days: list[str]) -> str:
    return "".join(f"{date.fromisoformat(d):%a}"[0] for d in days)


def severity(value: int | None) -> str:
    return "-" if value is None else str(SEVERITY_WORDS[value])


def bar(value: float, largest: float, width: int = BAR_WIDTH) -> str:
    if largest <= 0 or value <= 0:
        return ""
    return "█" * max(1, round(value / largest * width))


def change_text(change: dict[str, Any] | None) -> str:
    if not change:
        return "-"
    kg = "no change, ±0 kg" if change["kg"] == 0 else f"{change['kg']:+.2f} kg"
    pct = f", {change['percent']:+.1f}%" if change["percent"] and change["kg"] else ""
    return f"{kg}{pct} (from {change['from']['kg']:g} kg on {change['from']['day']})"


def phase_line(overview: dict[str, Any]) -> str:
    if not overview["phase"]:
        return "no phase set"
    line = f"phase {overview['phase']}: {overview['phase_title']}"
    for c in overview["phase_changes"]:
        was = f"phase {c['from']}" if c["from"] else "no phase"
        line += f" (changed from {was} to phase {c['to']} on {c['day']})"
    return line


def checkin_line(overview: dict[str, Any]) -> str:
    return f"{overview['checkin_days']} of {overview['days']} days"


def breaks_text(item: dict[str, Any]) -> str:
    if not item["entries"]:
        return "-"
    return f"{item['breaks']} of {item['entries']} days"


def sleep_text(item: dict[str, Any]) -> str:
    if item["sleep_mean"] is None:
        return "-"
    return f"avg {item['sleep_mean']:g} h, min {item['sleep_min']:g} h"


def stress_text(item: dict[str, Any]) -> str:
    if item["stress_mean"] is None:
        return "-"
    return f"avg {item['stress_mean']:g}, max {item['stress_max']}"


def burnout_text(item: dict[str, Any], available: bool) -> tuple[str, str]:
    """(level, top reasons) for a caregiver."""
    found = item["burnout"]
    if found is None:
        return ("not available" if not available else "-"), ""
    level = str(found["level"] or "-")
    if found.get("previous_level") and found["previous_level"] != found["level"]:
        level += f" (was {found['previous_level']})"
    reasons = "; ".join(r["reason"] or r["factor"] for r in found["reasons"])
    return level, reasons


def percent_text(value: Any) -> str:
    return "-" if value is None else f"{float(value):g}%"


def dose_time(iso: str) -> str:
    return iso[:16].replace("T", " ")


# --- Markdown -----------------------------------------------------------------------------
def esc(value: Any) -> str:
    """User text made inert in Markdown: one line, special characters escaped."""
    text = " ".join(str(value).split())
    return _MD_SPECIAL.sub(r"\\\1", text)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return lines


def _overview(data: dict[str, Any]) -> list[str]:
    o = data["overview"]
    lines = [
        f"- Person cared for: {esc(o['person'])}",
        f"- Phase: {esc(phase_line(o))}",
        f"- Days checked in: {checkin_line(o)}",
        f"- Entries logged: {o['entries']}",
    ]
    if o["caregivers"]:
        lines.append(f"- Caregivers: {esc(', '.join(o['caregivers']))}")
    return lines


def _warnings(data: dict[str, Any]) -> list[str]:
    found = data["warnings"]
    if not found:
        return ["No red-flag warnings this period."]
    rows = []
    for w in found:
        level = "**EMERGENCY** " if w["urgency"] == "emergency" else ""
        rows.append([esc(w["day"]), f"{level}**{esc(w['title'])}**: {esc(w['entry'])} "
                     f"({esc(w['caregiver'])}). {esc(w['why'])}",
                     f"{esc(w['action'])} *Source: {esc(w['source'])}*"])
    return _table(["Date", "Warning", "What to do"], rows)


def _symptoms(data: dict[str, Any]) -> list[str]:
    s = data["symptoms"]
    if not s["items"]:
        return ["No symptoms logged this period or the one before."]
    rows = [[esc(item["label"]), f"`{spark(item['daily'])}`", severity(item["peak"]),
             severity(item["previous_peak"]), f"**{item['trend']}**"] for item in s["items"]]
    lines = _table(["Symptom", f"Each day (`{day_initials(s['days'])}`)", "Worst", "Worst before",
                    "Trend"], rows)
    lines += ["", f"Chart: {SPARK_KEY}. Trend compares with {previous_title(data['period'])}: "
              "the worst severity first, then the average."]
    return lines


def _weight(data: dict[str, Any]) -> list[str]:
    w = data["weight"]
    if w["latest"] is None:
        return ["No weight logged in the last month."]
    latest = w["latest"]
    lines = [f"- Latest: {latest['kg']:g} kg on {latest['day']}"
             + ("" if w["latest_in_period"] else " (none logged this period)")]
    if w["values"]:
        lines.append("- This period: " + ", ".join(f"{v['kg']:g} kg ({v['day']})" for v in w["values"]))
    lines += [
        f"- Change over the period: {change_text(w['period_change'])}",
        f"- Change over the last month: {change_text(w['month_change'])}",
        f"- Change since the first weight: {change_text(w['since_first'])}",
    ]
    return lines


def _medications(data: dict[str, Any]) -> list[str]:
    m = data["medications"]
    if not m["available"]:
        return ["Medication adherence is not available in this version of caretool."]
    if not m["items"]:
        return ["No medications are set up. Add them with `caretool med add`."]
    rows = [[esc(i["name"]), str(i["scheduled"]), str(i["taken"]), str(i["skipped"]),
             str(i["missed"]), percent_text(i["percent"])] for i in m["items"]]
    lines = _table(["Medication", "Scheduled", "Taken", "Skipped", "Missed", "Taken %"], rows)
    missed = [i for i in m["items"] if i["missed_doses"]]
    if missed:
        lines += ["", "Missed doses:", ""]
        lines += [f"- {esc(i['name'])}: " + ", ".join(dose_time(d) for d in i["missed_doses"])
                  for i in missed]
    return lines


def hours_cell(total: float, night: float) -> str:
    if not total:
        return "-"
    return hours(total) + (f" ({hours(night)} night)" if night else "")


def _care_hours(data: dict[str, Any]) -> list[str]:
    h = data["care_hours"]
    people = h["caregivers"]
    if not h["total"]:
        return ["No hours of care logged this period."]
    header = ["Day", *[esc(p["name"]) for p in people], "All"]
    rows = []
    for i, day in enumerate(h["days"]):
        night_all = sum(p["night_daily"][i] for p in people)
        rows.append([short_day(day), *[hours_cell(p["daily"][i], p["night_daily"][i]) for p in people],
                     hours_cell(h["daily_totals"][i], night_all)])
    rows.append(["**Total**", *[f"**{hours(p['total'])}**" for p in people], f"**{hours(h['total'])}**"])
    rows.append(["of which night", *[hours(p["night"]) for p in people], hours(h["night_total"])])
    rows.append(["Share", *[f"{p['share']:g}%" for p in people], "100%"])
    lines = _table(header, rows)
    largest = max(p["total"] for p in people)
    lines += ["", *_table(["Caregiver", "Hours", "Night", "Share", ""],
                          [[esc(p["name"]), hours(p["total"]), hours(p["night"]), f"{p['share']:g}%",
                            f"`{bar(p['total'], largest)}`" if p["total"] else ""] for p in people])]
    return lines


def _caregivers(data: dict[str, Any]) -> list[str]:
    c = data["caregivers"]
    if not c["items"]:
        return ["No caregivers are set up."]
    rows = []
    for item in c["items"]:
        level, reasons = burnout_text(item, c["burnout_available"])
        rows.append([esc(item["name"]), sleep_text(item), stress_text(item), breaks_text(item),
                     esc(level), esc(reasons) or "-"])
    return _table(["Caregiver", "Sleep a night", "Stress (0-10)", "Breaks", "Burnout risk", "Main reasons"],
                  rows)


def _notes(data: dict[str, Any]) -> list[str]:
    if not data["notes"]:
        return ["No notes this period."]
    return [f"- **{n['day']}** ({esc(n['caregiver'])}): {esc(n['text'])}" for n in data["notes"]]


def _questions(data: dict[str, Any]) -> list[str]:
    if not data["questions"]:
        return ["No questions this time."]
    return [f"- [ ] {esc(q['text'])} *({esc(q['why'])})*" for q in data["questions"]]


# The titles and their order live in caretool.report.build, shared by every format.
SECTIONS = tuple(zip(SECTION_TITLES, (
    _overview, _warnings, _symptoms, _weight, _medications, _care_hours, _caregivers, _notes,
    _questions), strict=True))


def render(data: dict[str, Any]) -> str:
    period = data["period"]
    lines = [
        f"# Care report for {esc(data['overview']['person'])}",
        "",
        f"**{period_title(period)}**. Compared with the {period['days']} days before "
        f"({previous_title(period)}). Made by caretool on {data['generated'][:16].replace('T', ' ')}.",
    ]
    for title, section in SECTIONS:
        lines += ["", f"## {title}", "", *section(data)]
    lines += ["", "---", "",
              "*General information, not medical advice. Follow the advice of your care team; "
              "in an emergency call emergency services.*", ""]
    return "\n".join(lines)
