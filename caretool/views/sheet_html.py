"""The emergency sheet as one self-contained HTML page that prints on one A4 page.

The key risks come first in a box that stands out in black and white; then the person, the
decisions, the medicines, the equipment and whom to call; the sources in the footer. A sheet with
many medicines or contacts is set a little smaller (the `dense` class) so it still prints on one
page (tests/test_sheet_pages.py prints it with Chromium). Every piece of text is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from caretool.core.messages import _, language
from caretool.core.text import safe
from caretool.views import sheet_text as words

# More rows than this (medicines + equipment + contacts + decisions) and the page is set smaller.
DENSE_ROWS = 22

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


def rows_count(data: Mapping[str, Any]) -> int:
    return (len(data["medications"]) + len(data["equipment"]) + len(data["contacts"])
            + len(data["decisions"]) + len(data["risks"]))


def render(data: Mapping[str, Any]) -> str:
    name = words.text(data["person"]["name"])
    title = e(_(words.TITLE).format(name=name))
    dense = ' class="dense"' if rows_count(data) > DENSE_ROWS else ""
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
