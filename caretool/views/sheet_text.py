"""The emergency sheet as plain text (what `caretool sheet` prints), and the pieces every format
shares: the labels, "not recorded" for a missing field, and the footnote numbers of the sources.

The family's own words (names, phones, settings) are shown as typed, made safe for the terminal.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from caretool.core.messages import N_, Message, _, render
from caretool.core.text import safe
from caretool.views import decisions as decision_words
from caretool.views.output import emit_json, tell

NOT_RECORDED = N_("not recorded")
FORMATS = ("text", "md", "html")
FORMAT_NAMES = {"text": N_("emergency sheet (text)"), "md": N_("emergency sheet (Markdown)"),
                "html": N_("emergency sheet (HTML, print it on one A4 page)")}
TITLE = N_("Emergency sheet: {name}")
SECTIONS = {
    "person": N_("Person"),
    "risks": N_("Key risks"),
    "medications": N_("Current medications"),
    "equipment": N_("Equipment and settings"),
    "decisions": N_("Advance decisions"),
    "contacts": N_("Who to call, in this order"),
    "sources": N_("Sources"),
}
DECISIONS_NOTE = N_("Follow the signed document: this sheet only says what was recorded and where it is.")
FOOTER = N_("Made by the family with caretool, printed {day}. It does not replace the care team's records; "
            "print a new one when something changes (caretool sheet).")
Data = Mapping[str, Any]


def text(value: Any) -> str:
    """A Message rendered, the family's text as it is, or 'not recorded' for nothing."""
    if value is None or value == "":
        return _(NOT_RECORDED)
    return render(value) if isinstance(value, Message) else str(value)


def person_rows(data: Data) -> list[tuple[str, str]]:
    p = data["person"]
    phase = (_("phase {phase}: {title}").format(phase=p["phase"], title=text(p["phase_title"]))
             if p.get("phase") else None)
    return [
        (_("Name"), text(p["name"])),
        (_("Date of birth"), text(p["born"])),
        (_("Diagnosis"), text(p["diagnosis"])),
        (_("Diagnosed"), text(p["diagnosed"])),
        (_("First symptoms (onset)"), text(p["onset"])),
        (_("Phase now"), text(phase)),
        (_("Allergies"), text(p["allergies"])),
    ]


def footnotes(data: Data) -> dict[str, int]:
    return {s["anchor"]: i for i, s in enumerate(data["sources"], 1)}


def risk_lines(data: Data) -> list[tuple[str, list[int]]]:
    """Each key risk in words with the numbers of its sources."""
    numbers = footnotes(data)
    out = []
    for risk in data["risks"]:
        line = render(risk["text"])
        if risk["id"] == "aspiration":  # how the person is fed, recorded or not
            line += " " + (text(risk["detail"]) if risk["detail"] is not None
                           else _("How the person is fed: {how}").format(how=_(NOT_RECORDED)))
        out.append((line, [numbers[a] for a in risk["sources"] if a in numbers]))
    return out


def medication_lines(data: Data) -> list[str]:
    out = []
    for m in data["medications"]:
        dose = m["dose"] or _(NOT_RECORDED)
        out.append(_("{name} {dose}: {schedule}").format(name=m["name"], dose=dose,
                                                         schedule=text(m["schedule"])))
    return out


def _plain(value: str) -> str:
    return value


def equipment_lines(data: Data, esc: Callable[[str], str] = _plain,
                    tel: Callable[[str], str] = _plain) -> list[str]:
    """Each item in use with its settings. `esc` makes text safe for the format (HTML escapes it) and
    `tel` marks a phone number (HTML keeps it on one line); both leave plain text as it is."""
    out = []
    for item in data["equipment"]:
        parts = [esc(p) for p in (item["model"], item["settings"]) if p]
        what = esc(text(item["label"]))
        line = esc(_("{what}: {details}")).format(what=what, details="; ".join(parts)) if parts else what
        extra = []
        if item["since"]:
            extra.append(esc(_("since {day}")).format(day=item["since"]))
        if item["supplier"]:
            extra.append(esc(_("supplier {name}, {phone}")).format(
                name=esc(item["supplier"]["name"]), phone=tel(esc(item["supplier"]["phone"]))))
        out.append(line + (f" ({'; '.join(extra)})" if extra else ""))
    return out


def decision_rows(data: Data) -> list[tuple[str, str]]:
    """The decisions; the Korean advance statement's row names its source's number."""
    number = footnotes(data).get("korea-lst")
    rows = decision_words.rows(data["decisions"])
    return [(f"{name} [{number}]" if number and field == "lst_registered" else name, value)
            for (field, _label), (name, value) in zip(decision_words.LABELS, rows, strict=True)]


def contact_lines(data: Data, esc: Callable[[str], str] = _plain,
                  tel: Callable[[str], str] = _plain) -> list[str]:
    """The emergency number, then the contacts in the order to call them (`esc`, `tel`: as in
    equipment_lines)."""
    out = [esc(render(data["emergency"]))]
    for c in data["contacts"]:
        line = esc(_("{role}: {name}, {phone}")).format(role=esc(text(c["role_label"])), name=esc(c["name"]),
                                                        phone=tel(esc(c["phone"])))
        if c["hours"]:
            line = esc(_("{line} ({hours})")).format(line=line, hours=esc(c["hours"]))
        if c["note"]:
            line = esc(_("{line}. {note}")).format(line=line, note=esc(c["note"]))
        out.append(line)
    return out


def source_lines(data: Data) -> list[str]:
    return [(_("[{number}] {title}: {where}") if s["where"] else _("[{number}] {title}")).format(
        number=i, title=text(s["title"]), where=s["where"]) for i, s in enumerate(data["sources"], 1)]


def render_text(data: Data) -> str:
    refs = lambda numbers: "".join(f" [{n}]" for n in numbers)  # noqa: E731
    lines = [_(TITLE).format(name=text(data["person"]["name"])).upper(), ""]
    lines += [_(SECTIONS["person"]).upper()]
    lines += [f"  {name}: {value}" for name, value in person_rows(data)]
    lines += ["", _(SECTIONS["risks"]).upper()]
    lines += [f"  ! {line}{refs(numbers)}" for line, numbers in risk_lines(data)]
    lines += ["", _(SECTIONS["medications"]).upper()]
    lines += [f"  - {line}" for line in medication_lines(data)] or [f"  {_(NOT_RECORDED)}"]
    lines += ["", _(SECTIONS["equipment"]).upper()]
    lines += [f"  - {line}" for line in equipment_lines(data)] or [f"  {_(NOT_RECORDED)}"]
    lines += ["", _(SECTIONS["decisions"]).upper()]
    lines += [f"  {name}: {value}" for name, value in decision_rows(data)]
    lines += [f"  {_(DECISIONS_NOTE)}", "", _(SECTIONS["contacts"]).upper()]
    lines += [f"  {i}. {line}" for i, line in enumerate(contact_lines(data), 1)]
    if len(data["contacts"]) == 0:
        lines += [f"  {_('Care team')}: {_(NOT_RECORDED)}"]
    lines += ["", _(SECTIONS["sources"]).upper()]
    lines += [f"  {line}" for line in source_lines(data)]
    lines += ["", _(FOOTER).format(day=data["printed"]), ""]
    return safe("\n".join(lines))


def as_string(data: Data, form: str) -> str:
    if form == "md":
        from caretool.views import sheet_md

        return sheet_md.render(data)
    if form == "html":
        from caretool.views import sheet_html

        return sheet_html.render(data)
    return render_text(data)


def show(data: Data, form: str, *, as_json: bool) -> None:
    if as_json:
        emit_json(dict(data))
        return
    sys.stdout.write(as_string(data, form))


def written(path: Path, form: str, *, as_json: bool) -> None:
    if as_json:
        emit_json({"path": str(path)})
        return
    tell(_("Wrote the {what} to {path}").format(what=_(FORMAT_NAMES[form]), path=path))
    if form == "html":
        tell(_("Open it in a browser and print it; keep it where an ambulance crew will see it, with the "
               "signed advance decisions."))
