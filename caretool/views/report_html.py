"""The report as one self-contained HTML page: a one-page clinic summary first, then the detail.

The first printed page is the summary a clinician reads in a minute: who the person is (date of
birth, diagnosis, phase), what changed, the warnings grouped with their counts (an EMERGENCY row
stands out), the medicines with their doses and adherence, the weight, and the family's questions.
Long lists are cut on that page ("and 3 more below"), so it stays one page; the whole detail
follows from the second page on (tests/test_report_pages.py prints it with Chromium to check).

Every piece of text is escaped: the summary with html.escape, the detail rendered from the
Markdown by markdown-it-py with raw HTML switched off, so text a caregiver typed can never become
markup. The page carries its own CSS and loads nothing.
"""

from __future__ import annotations

import html
from typing import Any

from caretool.core.messages import N_, _, language, n_
from caretool.core.text import safe
from caretool.domain.report.build import SECTIONS, SUMMARY_TITLE
from caretool.views import report_md as fmt

# How much of each list fits on the one-page summary; the rest is in the detail.
MAX_WARNINGS = 5
MAX_CHANGES = 4
MAX_MEDICINES = 6
MAX_QUESTIONS = 4
SHOWN_TRENDS = ("new", "worse")
TITLES = dict(SECTIONS)
KEY_CHANGES = N_("Key changes")

CSS = """
:root { --ink: #1b1b1b; --muted: #555; --line: #c8c8c8; --accent: #1d4f91; --warn: #9b1c1c;
        --emergency-bg: #fde8e8; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK KR",
       sans-serif; color: var(--ink); background: #fff; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; color: var(--accent); }
h2 { font-size: 1.2rem; margin: 1.6rem 0 .5rem; padding-bottom: .2rem;
     border-bottom: 2px solid var(--accent); break-after: avoid; page-break-after: avoid; }
h3 { font-size: 1rem; margin: .8rem 0 .3rem; break-after: avoid; page-break-after: avoid; }
p.period { margin: 0 0 .6rem; color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .3rem 0 .6rem; font-size: .92rem;
        break-inside: auto; }
th, td { border: 1px solid var(--line); padding: .25rem .4rem; text-align: left; vertical-align: top; }
th { background: #eef2f8; }
tr { break-inside: avoid; page-break-inside: avoid; }
tbody tr:nth-child(even) td { background: #fafafa; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 1rem;
       letter-spacing: .08em; background: none; color: var(--accent); }
ul, ol { padding-left: 1.3rem; margin: .2rem 0 .4rem; }
li { margin: .1rem 0; }
li.todo { list-style: none; margin-left: -1.3rem; }
.box { display: inline-block; width: 1.3rem; font-size: 1.05rem; }
hr { border: 0; border-top: 1px solid var(--line); margin: 2rem 0 1rem; }
em { color: var(--muted); }
strong { font-weight: 650; }
.summary h2 { margin-top: .4rem; }
.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr) max-content minmax(0, 1fr);
         gap: .1rem .8rem; margin: .2rem 0 .4rem; }
h1, .facts dd, td { overflow-wrap: anywhere; }
.facts dt { font-weight: 650; }
.facts dd { margin: 0; }
.facts dd.wide { grid-column: 2 / -1; }
tr.emergency td { background: var(--emergency-bg) !important; color: var(--warn); font-weight: 650; }
tr.emergency td:first-child { border-left: 4px solid var(--warn); }
.badge { display: inline-block; padding: 0 .35rem; margin-right: .3rem; border-radius: .2rem;
         background: var(--warn); color: #fff; font-size: .8em; font-weight: 700; letter-spacing: .03em; }
.badge.urgent { background: #b45309; }
.more { color: var(--muted); font-style: italic; margin: 0 0 .4rem; }
.pair { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 0 1.2rem; }
.summary table.warnings { table-layout: fixed; }
.warnings col.what { width: 30%; } .warnings col.when { width: 24%; } .warnings col.action { width: 46%; }
.summary table.medicines { table-layout: fixed; }
.medicines col.name { width: 34%; } .medicines col.dose { width: 46%; }
.medicines col.taken, .medicines col.missed { width: 10%; }
.detail { break-before: page; page-break-before: always; }
.charts svg { display: block; max-width: 42rem; margin: .4rem 0 .8rem; break-inside: avoid;
              page-break-inside: avoid; }
@media print {
  body { font-size: 9pt; line-height: 1.25; }
  main { max-width: none; padding: 0; }
  h1 { color: #000; font-size: 15pt; }
  h2 { border-bottom-color: #000; font-size: 12pt; }
  h3 { font-size: 10pt; margin: .45rem 0 .15rem; }
  th { background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr.emergency td, .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .summary table { font-size: 8pt; margin: .15rem 0 .25rem; }
  .summary th, .summary td { padding: .08rem .3rem; }
  .summary ul, .summary ol { margin: .1rem 0 .2rem; }
  .summary p { margin: .1rem 0 .2rem; }
  .more { margin: 0 0 .2rem; }
  a { color: inherit; text-decoration: none; }
}
@page { size: A4; margin: 1.2cm; }
"""


def e(value: Any) -> str:
    """Any text (a Message or the family's own words) made safe to put in HTML."""
    return html.escape(safe(fmt.text(value)), quote=True)


def _more(left: int) -> str:
    if left <= 0:
        return ""
    more = n_("and {count} more in the detail below", "and {count} more in the detail below", left)
    return f'<p class="more">{e(more.format(count=left))}</p>\n'


def _facts(data: dict[str, Any]) -> str:
    o = data["overview"]
    pairs = [(_("Person"), o["person"]), (_("Date of birth"), o.get("born") or "-"),
             (_("Diagnosed"), o.get("diagnosed") or "-"), (_("First symptoms"), o.get("onset") or "-"),
             (_("Phase"), fmt.phase_line(o)), (_("Days checked in"), fmt.checkin_line(o))]
    cells = "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in pairs)
    from caretool.views import progress as fig

    rating = fig.compact_line(data.get("progression"))
    lungs = _lungs(data)
    fvc = _fvc_line(lungs) if lungs.get("latest") else ""  # the number breathing decisions rest on
    if rating:  # the latest rating, ΔFS, stages (and FVC) on one full-width line: the detail has the rest
        line = f"{rating}. {fvc}" if fvc else rating
        cells += f'<dt>{e(_("ALSFRS-R"))}</dt><dd class="wide">{e(line)}</dd>'
    elif fvc:
        cells += f'<dt>{e(_("FVC"))}</dt><dd class="wide">{e(fvc)}</dd>'

    return f'<dl class="facts">{cells}</dl>\n'


def _lungs(data: dict[str, Any]) -> dict[str, Any]:
    """The Progression section's breathing tests (empty when the report has none)."""
    return dict((data.get("progression") or {}).get("breathing") or {})


def _fvc_line(lungs: dict[str, Any]) -> str:
    line = _("Latest FVC: {fvc:g}% of predicted on {day}").format(**lungs["latest"])
    if lungs.get("latest_snip"):
        line += "; " + _("Latest SNIP: {snip:g} cmH2O on {day}").format(**lungs["latest_snip"])
    return line


def _key_changes(data: dict[str, Any]) -> str:
    items = []
    for c in data["overview"]["phase_changes"]:
        items.append(_("Phase {after} from {day}").format(after=c["to"], day=c["day"]))
    for s in data["symptoms"]["items"]:
        if s["trend"] in SHOWN_TRENDS:
            items.append(_("{symptom}: {trend} (at worst {severity})").format(
                symptom=fmt.text(s["label"]), trend=fmt.trend_word(s["trend"]),
                severity=fmt.severity(s["peak"])))
    month = data["weight"]["month_change"]
    if month:
        items.append(_("Weight over the last month: {change}").format(change=fmt.change_text(month)))
    if not items:
        return f"<p>{e(_('No new or worse symptoms, and no phase change, this period.'))}</p>\n"
    shown = "".join(f"<li>{e(item)}</li>" for item in items[:MAX_CHANGES])
    return f"<ul>{shown}</ul>\n" + _more(len(items) - MAX_CHANGES)


def _badge(urgency: str) -> str:
    word = fmt.urgency_word(urgency)
    return f'<span class="badge {e(urgency)}">{e(word)}</span>' if word else ""


def _how_often(w: dict[str, Any]) -> str:
    """'Fri 20 Nov', or '7 times, Mon 16 Nov to Sun 22 Nov' (the detail lists every day)."""
    if w["count"] == 1:
        return fmt.short_day(w["first"])
    return n_("{count} time, {first} to {last}", "{count} times, {first} to {last}", w["count"]).format(
        count=w["count"], first=fmt.short_day(w["first"]), last=fmt.short_day(w["last"]))


def _summary_warnings(data: dict[str, Any]) -> str:
    found = data["warnings"]
    if not found:
        return f"<p>{e(_('No red-flag warnings this period.'))}</p>\n"
    rows = []
    for w in found[:MAX_WARNINGS]:
        css = ' class="emergency"' if w["urgency"] == "emergency" else ""
        rows.append(f"<tr{css}><td>{_badge(w['urgency'])}{e(w['title'])}</td><td>{e(_how_often(w))}</td>"
                    f"<td>{e(w['action'])}</td></tr>")
    head = f"<tr><th>{e(_('Warning'))}</th><th>{e(_('How often'))}</th><th>{e(_('What to do'))}</th></tr>"
    cols = '<colgroup><col class="what"><col class="when"><col class="action"></colgroup>'
    return (f'<table class="warnings">{cols}<thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>\n'
            + _more(len(found) - MAX_WARNINGS))


def _summary_medicines(data: dict[str, Any]) -> str:
    items = data["medications"]["items"]
    if not items:
        none = (_("No medicine doses were due or given in this period.") if data["medications"].get("set_up")
                else _("No medications are set up."))
        return f"<p>{e(none)}</p>\n"
    rows = []
    for i in items[:MAX_MEDICINES]:
        rows.append(f"<tr><td>{e(i['name'])}</td><td>{e(fmt.dose_text(i))}</td>"
                    f"<td>{e(fmt.percent_text(i['percent']))}</td><td>{e(i['missed'])}</td></tr>")
    head = (f"<tr><th>{e(_('Medication'))}</th><th>{e(_('Dose'))}</th><th>{e(_('Taken %'))}</th>"
            f"<th>{e(_('Missed'))}</th></tr>")
    cols = '<colgroup><col class="name"><col class="dose"><col class="taken"><col class="missed"></colgroup>'
    return (f'<table class="medicines">{cols}<thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>\n'
            + _more(len(items) - MAX_MEDICINES))


def _summary_weight(data: dict[str, Any]) -> str:
    w = data["weight"]
    if w["latest"] is None:
        return f"<p>{e(_('No weight logged in the last month.'))}</p>\n"
    lines = [fmt.latest_weight_line(w)]
    # Since diagnosis when the weight then is known (the baseline clinics use), else since the first.
    skip = "since_first" if w.get("since_diagnosis") else "since_diagnosis"
    lines += [_(label).format(change=fmt.change_text(w[key])) for key, label in fmt.WEIGHT_CHANGES[1:]
              if key != skip and w.get(key)]
    return "<p>" + "<br>".join(e(line) for line in lines) + "</p>\n"


def _summary_questions(data: dict[str, Any]) -> str:
    found = data["questions"]
    if not found:
        return f"<p>{e(_('No questions this time.'))}</p>\n"
    # The FVC shares the facts' full-width line, which may then take two lines: one question fewer.
    limit = MAX_QUESTIONS - 1 if _lungs(data).get("latest") else MAX_QUESTIONS
    shown = "".join(f"<li>{e(q['text'])}</li>" for q in found[:limit])
    return f"<ol>{shown}</ol>\n" + _more(len(found) - limit)


def summary(data: dict[str, Any]) -> str:
    """The one-page clinic summary, as HTML."""
    parts = [
        f"<h2>{e(SUMMARY_TITLE)}</h2>\n", _facts(data),
        '<div class="pair">\n<div>\n', f"<h3>{e(_(KEY_CHANGES))}</h3>\n", _key_changes(data), "</div>\n",
        "<div>\n", f"<h3>{e(TITLES['weight'])}</h3>\n", _summary_weight(data), "</div>\n</div>\n",
        f"<h3>{e(TITLES['warnings'])}</h3>\n", _summary_warnings(data),
        f"<h3>{e(TITLES['medications'])}</h3>\n", _summary_medicines(data),
        f"<h3>{e(TITLES['questions'])}</h3>\n", _summary_questions(data),
    ]
    return '<section class="summary">\n' + "".join(parts) + "</section>\n"


def detail(data: dict[str, Any]) -> str:
    """Every section of the report, rendered from its Markdown."""
    from markdown_it import MarkdownIt

    from caretool.views import report_svg

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table")
    parts = []
    for key, _title in SECTIONS:  # section by section: the charts go in after the Progression text
        parts.append(md.render("\n".join(fmt.section(data, key))))
        if key == "progression":
            drawn = report_svg.progression_charts(data.get("progression"))
            parts.append(f'<div class="charts">\n{drawn}</div>\n' if drawn else "")
    body = "".join(parts)
    body = body.replace("<li>[ ] ", '<li class="todo"><span class="box" aria-hidden="true">☐</span> ')
    return f'<section class="detail">\n{body}</section>\n'


def render(data: dict[str, Any], *, summary_only: bool = False) -> str:
    person = data["overview"]["person"]
    title = e(_("Care report for {name}: {period}").format(
        name=person, period=fmt.period_title(data["period"])))
    heading = e(_("Care report for {name}").format(name=person))
    period = e(fmt.compared_line(data["period"]) + " " + fmt.made_line(data))
    footer = f"<hr>\n<p><em>{e(_(fmt.DISCLAIMER))}</em></p>\n"
    body = summary(data) + ("" if summary_only else detail(data) + footer)
    return safe(
        "<!DOCTYPE html>\n"
        f'<html lang="{e(language())}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{CSS}</style>\n</head>\n"
        f'<body>\n<main>\n<h1>{heading}</h1>\n<p class="period">{period}</p>\n'
        f"{body}</main>\n</body>\n</html>\n"
    )
