"""The report as one self-contained, printable HTML page, made from the Markdown.

markdown-it-py (installed with Rich) renders the Markdown with raw HTML switched off, so text a
caregiver typed can never become markup. The page carries its own CSS and loads nothing.
"""

from __future__ import annotations

import html
from typing import Any

from caretool.core.text import safe
from caretool.views import report_md

CSS = """
:root { --ink: #1b1b1b; --muted: #555; --line: #c8c8c8; --accent: #1d4f91; --warn: #9b1c1c; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
       color: var(--ink); background: #fff; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 .4rem; color: var(--accent); }
h2 { font-size: 1.2rem; margin: 1.8rem 0 .6rem; padding-bottom: .2rem;
     border-bottom: 2px solid var(--accent); break-after: avoid; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 .8rem; font-size: .92rem;
        break-inside: auto; }
th, td { border: 1px solid var(--line); padding: .3rem .45rem; text-align: left; vertical-align: top; }
th { background: #eef2f8; }
tr { break-inside: avoid; page-break-inside: avoid; }
tbody tr:nth-child(even) td { background: #fafafa; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 1rem;
       letter-spacing: .08em; background: none; color: var(--accent); }
ul { padding-left: 1.3rem; }
li { margin: .2rem 0; }
li.todo { list-style: none; margin-left: -1.3rem; }
.box { display: inline-block; width: 1.3rem; font-size: 1.05rem; }
hr { border: 0; border-top: 1px solid var(--line); margin: 2rem 0 1rem; }
em { color: var(--muted); }
strong { font-weight: 650; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h1 { color: #000; }
  h2 { border-bottom-color: #000; }
  th { background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
@page { margin: 1.6cm; }
"""


def render(data: dict[str, Any]) -> str:
    from markdown_it import MarkdownIt

    source = report_md.render(data)
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table")
    body = md.render(source)
    body = body.replace("<li>[ ] ", '<li class="todo"><span class="box" aria-hidden="true">☐</span> ')
    title = html.escape(f"Care report for {data['overview']['person']}: "
                        f"{report_md.period_title(data['period'])}")
    return safe(
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{CSS}</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )
