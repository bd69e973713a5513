"""The emergency sheet as one self-contained HTML page that prints on one A4 page.

The key risks come first in a box that stands out in black and white; then the person, the
medicines and the equipment beside the advance decisions and whom to call; the sources in the
footer. A sheet with more on it is set in smaller type (the body's class, from how much text
it holds) so it still prints on one page (tests/test_sheet_pages.py prints it with Chromium). Every
piece of text is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from caretool.core.messages import _, language
from caretool.core.text import safe
from caretool.views import sheet_text as words

# How much text the page holds (characters of the lists and fields, a line counting as LINE more),
# and the type size that still fits it on one A4 page (measured with Chromium on households of growing
# size: the usual size held 3,100, dense 4,300, denser 5,100, densest about 7,000). Beyond that the
# sheet runs onto a second page rather than leave anything out.
LINE = 40
DENSITY = ((3000, ""), (4200, "dense"), (5000, "denser"))
DENSEST = "densest"

CSS = """
* { box-sizing: border-box; }
body { font: 10.5pt/1.35 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK KR",
       "Apple SD Gothic Neo", "Malgun Gothic", "NanumGothic", sans-serif;
       color: #000; background: #fff; margin: 0; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem; }
header { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem;
         border-bottom: 3px solid #000; padding-bottom: .2rem; }
h1 { font-size: 17pt; margin: 0; overflow-wrap: anywhere; }
.printed { white-space: nowrap; font-size: 9pt; }
h2 { font-size: 11pt; margin: .5rem 0 .2rem; text-transform: uppercase; letter-spacing: .04em;
     border-bottom: 1px solid #000; break-after: avoid; }
.risks { border: 3px solid #000; padding: .2rem .5rem .3rem; margin: .3rem 0 .4rem; }
.risks h2 { border: 0; margin-top: .1rem; }
.risks ul { margin: 0; padding-left: 1.1rem; }
.risks li { margin: .12rem 0; font-weight: 600; }
.cols { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0 1.2rem; }
dl { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: .05rem .6rem; margin: 0; }
dt { font-weight: 650; }
dd { margin: 0; overflow-wrap: anywhere; }
ul, ol { margin: .1rem 0 .2rem; padding-left: 1.2rem; }
li { margin: .05rem 0; overflow-wrap: anywhere; }
.missing { font-style: italic; }
.note { font-size: 9pt; margin: .15rem 0 0; }
sup { font-size: 7pt; }
footer { margin-top: .5rem; border-top: 1px solid #000; font-size: 7.5pt; line-height: 1.25; }
footer ol { padding-left: 1rem; margin: .1rem 0; }
footer p { margin: .15rem 0; }
.contacts li { font-size: 10.5pt; }
.tel { white-space: nowrap; font-weight: 650; }
.contacts li:first-child { font-weight: 700; }
@media print {
  main { max-width: none; padding: 0; }
  .risks { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
body.dense { font-size: 9pt; line-height: 1.25; }
body.dense h1 { font-size: 14pt; }
body.dense h2 { font-size: 9.5pt; margin: .35rem 0 .15rem; }
body.dense .contacts li { font-size: 9pt; }
body.denser { font-size: 8pt; line-height: 1.2; }
body.denser h1 { font-size: 13pt; }
body.denser h2 { font-size: 8.5pt; margin: .3rem 0 .1rem; }
body.denser .contacts li { font-size: 8pt; }
body.densest { font-size: 7pt; line-height: 1.15; }
body.densest h1 { font-size: 12pt; }
body.densest h2 { font-size: 7.5pt; margin: .25rem 0 .1rem; }
body.densest .contacts li { font-size: 7pt; }
body.densest footer { font-size: 6.5pt; }
@page { size: A4; margin: 1.1cm; }
"""


def e(value: Any) -> str:
    return html.escape(safe(str(value)), quote=True)


def _value(value: str) -> str:
    missing = value == _(words.NOT_RECORDED)
    return f'<span class="missing">{e(value)}</span>' if missing else e(value)


def _rows(rows: list[tuple[str, str]]) -> str:
    return "<dl>" + "".join(f"<dt>{e(k)}</dt><dd>{_value(v)}</dd>" for k, v in rows) + "</dl>\n"


def _tel(escaped: str) -> str:
    return f'<span class="tel">{escaped}</span>'


def _list(lines: list[str], tag: str = "ul", css: str = "", *, escaped: bool = False) -> str:
    """A list of lines (`escaped`: already made safe, with their own markup)."""
    if not lines:
        return f'<p class="missing">{e(_(words.NOT_RECORDED))}</p>\n'
    cls = f' class="{css}"' if css else ""
    items = "".join(f"<li>{line if escaped else e(line)}</li>" for line in lines)
    return f"<{tag}{cls}>{items}</{tag}>\n"


def _section(key: str) -> str:
    return f"<h2>{e(_(words.SECTIONS[key]))}</h2>\n"


def _risks(data: Mapping[str, Any]) -> str:
    items = []
    for line, numbers in words.risk_lines(data):
        refs = f"<sup>{','.join(str(n) for n in numbers)}</sup>" if numbers else ""
        items.append(f"<li>{e(line)}{refs}</li>")
    return f'<section class="risks">{_section("risks")}<ul>{"".join(items)}</ul></section>\n'


def _contacts(data: Mapping[str, Any]) -> str:
    lines = words.contact_lines(data, esc=e, tel=_tel)
    body = _list(lines, "ol", "contacts", escaped=True)
    if not data["contacts"]:
        body += f'<p class="missing">{e(_("Care team"))}: {e(_(words.NOT_RECORDED))}</p>\n'
    return body


def _footer(data: Mapping[str, Any]) -> str:
    sources = "".join(f"<li>{e(line.split('] ', 1)[-1])}</li>" for line in words.source_lines(data))
    return (f"<footer><p><strong>{e(_(words.SECTIONS['sources']))}</strong></p><ol>{sources}</ol>"
            f"<p>{e(_(words.FOOTER).format(day=data['printed']))}</p></footer>\n")


def weight(data: Mapping[str, Any]) -> int:
    """How much text the sheet's lists and fields hold (each line counts LINE characters more)."""
    lines = [*words.medication_lines(data), *words.equipment_lines(data), *words.contact_lines(data),
             *(f"{k} {v}" for k, v in words.decision_rows(data)),
             *(f"{k} {v}" for k, v in words.person_rows(data)),
             *(line for line, _numbers in words.risk_lines(data))]
    return sum(len(line) + LINE for line in lines)


def density(data: Mapping[str, Any]) -> str:
    """The body's class: "" (the usual size) for a short sheet, smaller type for a longer one."""
    found = weight(data)
    return next((css for most, css in DENSITY if found <= most), DENSEST)


def render(data: Mapping[str, Any]) -> str:
    name = words.text(data["person"]["name"])
    title = e(_(words.TITLE).format(name=name))
    css = density(data)
    dense = f' class="{css}"' if css else ""
    decisions = _rows(words.decision_rows(data)) + f'<p class="note">{e(_(words.DECISIONS_NOTE))}</p>\n'
    body = (
        f"<header><h1>{title}</h1><span class=\"printed\">{e(_('Printed {day}').format(day=data['printed']))}"
        "</span></header>\n"
        + _risks(data)
        + '<div class="cols">\n<div>\n' + _section("person") + _rows(words.person_rows(data))
        + _section("medications") + _list(words.medication_lines(data))
        + _section("equipment") + _list(words.equipment_lines(data, esc=e, tel=_tel), escaped=True)
        + "</div>\n<div>\n" + _section("decisions") + decisions
        + _section("contacts") + _contacts(data) + "</div>\n</div>\n"
        + _footer(data)
    )
    return safe(
        "<!DOCTYPE html>\n"
        f'<html lang="{e(language())}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{CSS}</style>\n</head>\n"
        f"<body{dense}>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )
