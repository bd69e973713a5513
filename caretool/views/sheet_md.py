"""The emergency sheet as Markdown (for the family's notes, or to paste into a message)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from caretool.core.messages import _
from caretool.core.text import safe
from caretool.views import sheet_text as words
from caretool.views.report_md import esc


def render(data: Mapping[str, Any]) -> str:
    sup = lambda numbers: "".join(f" [{n}]" for n in numbers)  # noqa: E731
    lines = [f"# {esc(_(words.TITLE).format(name=words.text(data['person']['name'])))}", ""]
    lines += [f"## {esc(_(words.SECTIONS['person']))}", ""]
    lines += [f"- **{esc(name)}:** {esc(value)}" for name, value in words.person_rows(data)]
    lines += ["", f"## {esc(_(words.SECTIONS['risks']))}", ""]
    lines += [f"- **{esc(line)}**{sup(numbers)}" for line, numbers in words.risk_lines(data)]
    lines += ["", f"## {esc(_(words.SECTIONS['medications']))}", ""]
    lines += [f"- {esc(line)}" for line in words.medication_lines(data)] or [esc(_(words.NOT_RECORDED))]
    lines += ["", f"## {esc(_(words.SECTIONS['equipment']))}", ""]
    lines += [f"- {esc(line)}" for line in words.equipment_lines(data)] or [esc(_(words.NOT_RECORDED))]
    lines += ["", f"## {esc(_(words.SECTIONS['decisions']))}", ""]
    lines += [f"- **{esc(name)}:** {esc(value)}" for name, value in words.decision_rows(data)]
    lines += ["", f"*{esc(_(words.DECISIONS_NOTE))}*", "", f"## {esc(_(words.SECTIONS['contacts']))}", ""]
    lines += [f"{i}. {esc(line)}" for i, line in enumerate(words.contact_lines(data), 1)]
    if not data["contacts"]:
        lines += ["", f"{esc(_('Care team'))}: {esc(_(words.NOT_RECORDED))}"]
    lines += ["", f"## {esc(_(words.SECTIONS['sources']))}", ""]
    lines += [f"- {esc(line)}" for line in words.source_lines(data)]
    lines += ["", "---", "", f"*{esc(_(words.FOOTER).format(day=data['printed']))}*", ""]
    return safe("\n".join(lines))
