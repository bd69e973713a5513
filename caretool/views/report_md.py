"""The report as Markdown: for the family's notes, and the source of the HTML page's detail.

Also holds the small formatting helpers the text and HTML views share (days, hours, charts,
signs), so every format says the same thing in the same words, all through the catalogue.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from caretool.core.messages import N_, Message, _, n_, render
from caretool.domain.care.symptoms import SEVERITY_WORDS
from caretool.domain.report.build import SECTIONS
from caretool.views.burnout import level_word

SPARK = {None: "·", 0: "▁", 1: "▃", 2: "▅", 3: "█"}
SPARK_KEY = N_("· not logged, ▁ none, ▃ mild, ▅ moderate, █ severe")
BAR_WIDTH = 24
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&!#])")
WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
MONTHS = (N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"), N_("Jul"), N_("Aug"),
          N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"))
TRENDS = {"new": N_("new"), "worse": N_("worse"), "unchanged": N_("unchanged"), "better": N_("better"),
          "gone": N_("gone")}
WHY = {"warning": N_("warning"), "new-symptom": N_("new symptom"), "worse-symptom": N_("worse symptom"),
       "missed-doses": N_("missed doses"), "weight": N_("weight"), "phase-guide": N_("phase guide"),
       "progression": N_("progression")}
URGENCY = {"emergency": N_("EMERGENCY"), "urgent": N_("URGENT")}
WEIGHT_CHANGES = (("period_change", N_("Change over the period: {change}")),
                  ("month_change", N_("Change over the last month: {change}")),
                  ("since_diagnosis", N_("Change since the weight at diagnosis: {change}")),
                  ("since_first", N_("Change since the first weight: {change}")))


# --- shared helpers -----------------------------------------------------------------------
def text(value: Any) -> str:
    """A Message rendered, or the family's own text as it is."""
    return render(value) if isinstance(value, Message) else str(value)


def hours(value: float) -> str:
    return f"{value:g}"


def _month(d: date) -> str:
    return _(MONTHS[d.month - 1])


def short_day(iso: str) -> str:
    """'2026-11-09' -> 'Mon 9 Nov'."""
    d = date.fromisoformat(iso)
    return _("{weekday} {day} {month}").format(weekday=_(WEEKDAYS[d.weekday()]), day=d.day, month=_month(d))


def period_title(period: dict[str, Any]) -> str:
    start, end = date.fromisoformat(period["start"]), date.fromisoformat(period["end"])
    if start.year == end.year and start.month == end.month:
        span = _("{first_day} to {last_day} {month} {year}").format(
            first_day=start.day, last_day=end.day, month=_month(end), year=end.year)
    elif start.year == end.year:
        span = _("{first_day} {first_month} to {last_day} {last_month} {year}").format(
            first_day=start.day, first_month=_month(start), last_day=end.day, last_month=_month(end),
            year=end.year)
    else:
        span = _("{first_day} {first_month} {first_year} to {last_day} {last_month} {last_year}").format(
            first_day=start.day, first_month=_month(start), first_year=start.year, last_day=end.day,
            last_month=_month(end), last_year=end.year)
    if "W" in period["label"]:
        title = _("Week {label}, {span}").format(label=period["label"], span=span)
    else:
        title = _("Period, {span}").format(span=span)
    return _("{title} (so far)").format(title=title) if period["partial"] else title


def previous_title(period: dict[str, Any]) -> str:
    prev = period["previous"]
    return _("{start} to {end}").format(start=prev["start"], end=prev["end"])


def compared_line(period: dict[str, Any]) -> str:
    return n_("{title}. Compared with the {count} day before ({previous}).",
              "{title}. Compared with the {count} days before ({previous}).", period["days"]).format(
        title=period_title(period), count=period["days"], previous=previous_title(period))


def spark(daily: list[int | None]) -> str:
    return "".join(SPARK.get(v, "?") for v in daily)


def day_initials(days: list[str]) -> str:
    return "".join(_(WEEKDAYS[date.fromisoformat(d).weekday()])[:1] for d in days)


def severity(value: int | None) -> str:
    return "-" if value is None else render(SEVERITY_WORDS[value])


def trend_word(trend: str) -> str:
    return _(TRENDS[trend]) if trend in TRENDS else trend


def why_word(why: str) -> str:
    return _(WHY[why]) if why in WHY else why


def bar(value: float, largest: float, width: int = BAR_WIDTH) -> str:
    if largest <= 0 or value <= 0:
        return ""
    return "█" * max(1, round(value / largest * width))


def change_text(change: dict[str, Any] | None) -> str:
    if not change:
        return "-"
    start = {"start": change["from"]["kg"], "day": change["from"]["day"]}
    if change["kg"] == 0:
        return _("no change, ±0 kg (from {start:g} kg on {day})").format(**start)
    if change["percent"]:
        return _("{kg:+.2f} kg, {percent:+.1f}% (from {start:g} kg on {day})").format(
            kg=change["kg"], percent=change["percent"], **start)
    return _("{kg:+.2f} kg (from {start:g} kg on {day})").format(kg=change["kg"], **start)


def phase_line(overview: dict[str, Any]) -> str:
    if not overview["phase"]:
        return _("no phase set")
    line = _("phase {phase}: {title}").format(phase=overview["phase"], title=text(overview["phase_title"]))
    for c in overview["phase_changes"]:
        if c["from"]:
            line = _("{line} (changed from phase {before} to phase {after} on {day})").format(
                line=line, before=c["from"], after=c["to"], day=c["day"])
        else:
            line = _("{line} (set to phase {after} on {day})").format(line=line, after=c["to"], day=c["day"])
    return line


def checkin_line(overview: dict[str, Any]) -> str:
    return n_("{count} of {days} day", "{count} of {days} days", overview["days"]).format(
        count=overview["checkin_days"], days=overview["days"])


def breaks_text(item: dict[str, Any]) -> str:
    if not item["entries"]:
        return "-"
    return n_("{breaks} of {days} day", "{breaks} of {days} days", item["entries"]).format(
        breaks=item["breaks"], days=item["entries"])


def sleep_text(item: dict[str, Any]) -> str:
    if item["sleep_mean"] is None:
        return "-"
    return _("avg {mean:g} h, min {min:g} h").format(mean=item["sleep_mean"], min=item["sleep_min"])


def stress_text(item: dict[str, Any]) -> str:
    if item["stress_mean"] is None:
        return "-"
    return _("avg {mean:g}, max {max}").format(mean=item["stress_mean"], max=item["stress_max"])


def selfcheck_text(item: dict[str, Any]) -> str:
    found = item.get("selfcheck")
    if not found:
        return "-"
    return _("{score} of {max_score} ({day})").format(**found)


def burnout_text(item: dict[str, Any]) -> tuple[str, str]:
    """(level, top reasons) for a caregiver."""
    found = item["burnout"]
    if found is None:
        return "-", ""
    level = level_word(found["level"])
    if found.get("previous_level") and found["previous_level"] != found["level"]:
        level = _("{level} (was {before})").format(level=level, before=level_word(found["previous_level"]))
    reasons = "; ".join(text(r["reason"]) or r["factor"] for r in found["reasons"])
    return level, reasons


def percent_text(value: Any) -> str:
    return "-" if value is None else f"{float(value):g}%"


def dose_time(iso: str) -> str:
    return iso[:16].replace("T", " ")


def dose_text(item: dict[str, Any]) -> str:
    """A medicine's dose and schedule, e.g. '50 mg, every day at 08:00 and 20:00'."""
    parts = [p for p in (item.get("dose"), text(item.get("schedule") or "")) if p]
    return ", ".join(parts) or "-"


def as_needed_line(item: dict[str, Any]) -> str:
    """'Paracetamol (as needed), doses each day: Mon 9 Nov 2, Tue 10 Nov 0, ...' ('' if none)."""
    if not item.get("as_needed") or not item.get("per_day"):
        return ""
    days = ", ".join(_("{day} {count}").format(day=short_day(d["day"]), count=d["count"])
                     for d in item["per_day"])
    return _("{name} (as needed), doses each day: {days}").format(name=item["name"], days=days)


def urgency_word(urgency: str) -> str:
    return _(URGENCY[urgency]) if urgency in URGENCY else ""


def times_text(warning: dict[str, Any]) -> str:
    """How often a warning came up: '18 Nov' or '3 times: Tue 17 Nov, Wed 18 Nov, Sat 21 Nov'."""
    days = ", ".join(short_day(d) for d in warning["days"])
    if warning["count"] == 1:
        return days
    return n_("{count} time: {days}", "{count} times: {days}", warning["count"]).format(
        count=warning["count"], days=days)


# --- Markdown -----------------------------------------------------------------------------
def esc(value: Any) -> str:
    """User text made inert in Markdown: one line, special characters escaped."""
    plain = " ".join(text(value).split())
    return _MD_SPECIAL.sub(r"\\\1", plain)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _column in header) + "|"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return lines


def _overview(data: dict[str, Any]) -> list[str]:
    o = data["overview"]
    lines = [f"- {esc(_('Person cared for: {name}').format(name=o['person']))}"]
    if o.get("born"):
        lines.append(f"- {esc(_('Date of birth: {day}').format(day=o['born']))}")
    if o.get("diagnosed"):
        lines.append(f"- {esc(_('Diagnosed: {day}').format(day=o['diagnosed']))}")
    lines += [
        f"- {esc(_('Phase: {phase}').format(phase=phase_line(o)))}",
        f"- {esc(_('Days checked in: {days}').format(days=checkin_line(o)))}",
        f"- {esc(_('Entries logged: {count}').format(count=o['entries']))}",
    ]
    if o["caregivers"]:
        lines.append(f"- {esc(_('Caregivers: {names}').format(names=', '.join(o['caregivers'])))}")
    return lines


def _warnings(data: dict[str, Any]) -> list[str]:
    found = data["warnings"]
    if not found:
        return [esc(_("No red-flag warnings this period."))]
    rows = []
    for w in found:
        level = f"**{esc(urgency_word(w['urgency']))}** " if urgency_word(w["urgency"]) else ""
        rows.append([f"{level}**{esc(w['title'])}**. {esc(w['why'])}", esc(times_text(w)),
                     f"{esc(w['action'])} *{esc(_('Source: {source}').format(source=text(w['source'])))}*"])
    return _table([_("Warning"), _("How often"), _("What to do")], rows)


def _symptoms(data: dict[str, Any]) -> list[str]:
    s = data["symptoms"]
    if not s["items"]:
        return [esc(_("No symptoms logged this period or the one before."))]
    rows = [[esc(item["label"]), f"`{spark(item['daily'])}`", severity(item["peak"]),
             severity(item["previous_peak"]), f"**{esc(trend_word(item['trend']))}**"] for item in s["items"]]
    lines = _table([_("Symptom"), _("Each day ({days})").format(days=f"`{day_initials(s['days'])}`"),
                    _("Worst"), _("Worst before"), _("Trend")], rows)
    lines += ["", esc(_("Chart: {key}. Trend compares with {previous}: the worst severity first, then the "
                        "average.").format(key=_(SPARK_KEY), previous=previous_title(data["period"])))]
    return lines


def latest_weight_line(w: dict[str, Any]) -> str:
    latest = w["latest"]
    if w["latest_in_period"]:
        return _("Latest: {kg:g} kg on {day}").format(**latest)
    return _("Latest: {kg:g} kg on {day} (none logged this period)").format(**latest)


def weights_line(w: dict[str, Any]) -> str:
    return _("This period: {values}").format(values=", ".join(
        _("{kg:g} kg ({day})").format(**v) for v in w["values"]))


def _weight(data: dict[str, Any]) -> list[str]:
    w = data["weight"]
    if w["latest"] is None:
        return [esc(_("No weight logged in the last month."))]
    lines = [f"- {esc(latest_weight_line(w))}"]
    if w["values"]:
        lines.append(f"- {esc(weights_line(w))}")
    lines += [f"- {esc(_(label).format(change=change_text(w.get(key))))}" for key, label in WEIGHT_CHANGES
              if key != "since_diagnosis" or w.get(key)]
    return lines


def progression_groups(data: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """The Progression section as (heading, lines), shared by the text and Markdown reports; the
    sentences are those of `caretool progress` (caretool.views.progress)."""
    from caretool.views import progress as fig

    p = data.get("progression")
    if not p:
        return []
    groups = [(_("Functional rating (the care team's ALSFRS-R)"), fig.rating_lines(p))]
    for headline, reasons in fig.stage_lines(p):
        groups.append((headline, reasons))
    changes = fig.timeline_lines(p)
    if len(changes) > 1:
        groups.append((_("Stages over time"), changes))
    groups.append((_("Weight and BMI"), fig.weight_lines(p)))
    groups.append((_("Breathing tests"), fig.breathing_lines(p)))
    open_prompts = [_("{title}: {action}").format(title=text(found["title"]), action=text(found["action"]))
                    for found in p["prompts"]]
    groups.append((_("Open topics for the next visit"),
                   open_prompts or [_("Nothing from these numbers needs a decision yet.")]))
    return groups


def _progression(data: dict[str, Any]) -> list[str]:
    groups = progression_groups(data)
    if not groups:
        return [esc(_("Not worked out for this report."))]
    lines: list[str] = []
    for heading, items in groups:
        lines += [f"**{esc(heading)}**", "", *[f"- {esc(item)}" for item in items], ""]
    p = data["progression"]
    rows = [[r["day"], str(r["total"]), esc(r["kings"]["stage"]), esc(r["mitos"]["stage"]),
             "-" if r["delta_fs"] is None else f"{r['delta_fs']:.2f}"] for r in p["ratings"][-8:]]
    if rows:
        lines += _table([_("Rating date"), _("Total (0-48)"), _("King's"), _("MiToS"), _("ΔFS")], rows)
    lines += ["", f"*{esc(p['note'])}*"]
    return lines


def _medications(data: dict[str, Any]) -> list[str]:
    m = data["medications"]
    if not m["items"]:
        return [esc(_("No medicine doses were due or given in this period.") if m.get("set_up")
                    else _("No medications are set up. Add them with `caretool med add`."))]
    rows = [[esc(i["name"]), esc(dose_text(i)), str(i["scheduled"]), str(i["taken"]), str(i["skipped"]),
             str(i["missed"]), percent_text(i["percent"])] for i in m["items"]]
    lines = _table([_("Medication"), _("Dose"), _("Scheduled"), _("Taken"), _("Skipped"), _("Missed"),
                    _("Taken %")], rows)
    as_needed = [f"- {esc(line)}" for i in m["items"] if (line := as_needed_line(i))]
    if as_needed:
        lines += ["", *as_needed]
    missed = [i for i in m["items"] if i["missed_doses"]]
    if missed:
        lines += ["", esc(_("Missed doses:")), ""]
        lines += [f"- {esc(i['name'])}: " + ", ".join(dose_time(d) for d in i["missed_doses"])
                  for i in missed]
    return lines


def hours_cell(total: float, night: float) -> str:
    if not total:
        return "-"
    if night:
        return _("{hours} ({night} night)").format(hours=hours(total), night=hours(night))
    return hours(total)


def _care_hours(data: dict[str, Any]) -> list[str]:
    h = data["care_hours"]
    people = h["caregivers"]
    if not h["total"]:
        return [esc(_("No hours of care logged this period."))]
    header = [_("Day"), *[esc(p["name"]) for p in people], _("All")]
    rows = []
    for i, day in enumerate(h["days"]):
        night_all = sum(p["night_daily"][i] for p in people)
        rows.append([short_day(day), *[hours_cell(p["daily"][i], p["night_daily"][i]) for p in people],
                     hours_cell(h["daily_totals"][i], night_all)])
    rows.append([f"**{_('Total')}**", *[f"**{hours(p['total'])}**" for p in people],
                 f"**{hours(h['total'])}**"])
    rows.append([_("of which night"), *[hours(p["night"]) for p in people], hours(h["night_total"])])
    rows.append([_("Share"), *[f"{p['share']:g}%" for p in people], "100%"])
    lines = _table(header, rows)
    largest = max(p["total"] for p in people)
    lines += ["", *_table([_("Caregiver"), _("Hours"), _("Night"), _("Share"), ""],
                          [[esc(p["name"]), hours(p["total"]), hours(p["night"]), f"{p['share']:g}%",
                            f"`{bar(p['total'], largest)}`" if p["total"] else ""] for p in people])]
    return lines


def _caregivers(data: dict[str, Any]) -> list[str]:
    c = data["caregivers"]
    lines = [f"*{esc(c['privacy'])}*", ""]
    if not c["items"]:
        return [*lines, esc(_("No caregivers are set up."))]
    health = c["caregiver_health_included"]
    rows = []
    for item in c["items"]:
        level, reasons = burnout_text(item)
        row = [esc(item["name"]), sleep_text(item), stress_text(item), breaks_text(item)]
        if health:
            row.append(selfcheck_text(item))
        rows.append([*row, esc(level), esc(reasons) or "-"])
    header = [_("Caregiver"), _("Sleep a night"), _("Stress (0-10)"), _("Breaks")]
    if health:
        header.append(_("Self-check"))
    return [*lines, *_table([*header, _("Burnout risk"), _("Main reasons")], rows)]


def _notes(data: dict[str, Any]) -> list[str]:
    if not data["notes"]:
        return [esc(_("No notes this period."))]
    return [f"- **{n['day']}** ({esc(n['caregiver'])}): {esc(n['text'])}" for n in data["notes"]]


def _questions(data: dict[str, Any]) -> list[str]:
    if not data["questions"]:
        return [esc(_("No questions this time."))]
    return [f"- [ ] {esc(q['text'])} *({esc(why_word(q['why']))})*" for q in data["questions"]]


def _breathing_feeding(data: dict[str, Any]) -> list[str]:
    from caretool.views import report_care

    return report_care.render_md(data)


RENDERERS = {"overview": _overview, "warnings": _warnings, "symptoms": _symptoms, "weight": _weight,
             "progression": _progression, "medications": _medications,
             "breathing_feeding": _breathing_feeding, "care_hours": _care_hours,
             "caregivers": _caregivers, "notes": _notes, "questions": _questions}


def section(data: dict[str, Any], key: str) -> list[str]:
    """One section with its heading."""
    return ["", f"## {esc(dict(SECTIONS)[key])}", "", *RENDERERS[key](data)]


def sections(data: dict[str, Any]) -> list[str]:
    """Every section in the shared order (caretool.domain.report.build.SECTIONS)."""
    lines: list[str] = []
    for key, _title in SECTIONS:
        lines += section(data, key)
    return lines


def made_line(data: dict[str, Any]) -> str:
    return _("Made by caretool on {when}.").format(when=data["generated"][:16].replace("T", " "))


DISCLAIMER = N_("General information, not medical advice. Follow the advice of your care team; in an "
                "emergency call emergency services.")


def render_md(data: dict[str, Any]) -> str:
    period = data["period"]
    lines = [
        f"# {esc(_('Care report for {name}').format(name=data['overview']['person']))}",
        "",
        f"**{esc(compared_line(period))}** {esc(made_line(data))}",
        *sections(data),
        "", "---", "", f"*{esc(_(DISCLAIMER))}*", "",
    ]
    return "\n".join(lines)

