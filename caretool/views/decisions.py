"""What `caretool decisions ...` prints."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from caretool.core.messages import N_, _, render
from caretool.core.text import safe
from caretool.domain.decisions.model import CHOICES
from caretool.views.output import emit_json, say, tell

NOT_RECORDED = N_("not recorded")
LABELS = (
    ("resuscitation", N_("Resuscitation (CPR)")),
    ("ventilation", N_("Ventilation")),
    ("feeding_tube", N_("Feeding tube")),
    ("decided", N_("Decided or signed on")),
    ("document", N_("Signed document kept")),
    ("lst_registered", N_("Korea: 사전연명의료의향서 (advance statement) registered")),
    ("note", N_("Other wishes")),
)


def value(field: str, found: Any) -> str:
    """A recorded decision in words, or 'not recorded'."""
    if found is None or found == "":
        return _(NOT_RECORDED)
    if field in CHOICES:
        choice = CHOICES[field].get(str(found))
        return render(choice) if choice else safe(str(found))
    if field == "lst_registered":
        return _("yes") if found else _("no")
    return safe(str(found))


def rows(decisions: Mapping[str, Any]) -> list[tuple[str, str]]:
    return [(_(name), value(field, decisions.get(field))) for field, name in LABELS]


def show(decisions: Mapping[str, Any], *, as_json: bool) -> None:
    if as_json:
        emit_json(dict(decisions))
        return
    for name, text in rows(decisions):
        say(_("{label}: {value}").format(label=name, value=text))
    if decisions.get("updated"):
        say(_("Last changed in caretool on {day}. The signed document is what counts.").format(
            day=decisions["updated"]))


def changed(decisions: Mapping[str, Any], *, as_json: bool) -> None:
    if as_json:
        emit_json(dict(decisions))
        return
    show(decisions, as_json=False)
    tell(_("Recorded. They are on the emergency sheet (`caretool sheet`). `caretool undo` reverts this."))
