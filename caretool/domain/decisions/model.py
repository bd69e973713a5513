"""The advance decisions, one row in household.decisions:
{resuscitation, ventilation, feeding_tube, decided, document, lst_registered, note, updated}.

caretool records what the person decided and where the signed paper is; it does not make the
decision, and the sheet says to follow the signed document. Korea: an advance statement on
life-sustaining treatment (사전연명의료의향서) can be registered by anyone aged 19 or over at a
designated office (docs/clinical-sources.md#korea-lst); `lst_registered` says whether it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from caretool.core import dates
from caretool.core.errors import BadInput
from caretool.core.messages import Message, msg
from caretool.core.text import clean_text, shown
from caretool.domain.entries.fields import yes_no

RESUSCITATION: dict[str, Message] = {
    "attempt": msg("decision.resuscitation.attempt", "attempt resuscitation (CPR)"),
    "do-not-attempt": msg("decision.resuscitation.do-not-attempt", "do not attempt resuscitation (DNACPR)"),
    "undecided": msg("decision.undecided", "not decided yet"),
}
VENTILATION: dict[str, Message] = {
    "full": msg("decision.ventilation.full", "all ventilation, including a tracheostomy"),
    "niv-only": msg("decision.ventilation.niv-only", "mask ventilation (NIV) only, no tracheostomy"),
    "none": msg("decision.ventilation.none", "no assisted ventilation"),
    "undecided": msg("decision.undecided", "not decided yet"),
}
FEEDING_TUBE: dict[str, Message] = {
    "yes": msg("decision.feeding-tube.yes", "accepts a feeding tube"),
    "no": msg("decision.feeding-tube.no", "does not want a feeding tube"),
    "undecided": msg("decision.undecided", "not decided yet"),
}
CHOICES = {"resuscitation": RESUSCITATION, "ventilation": VENTILATION, "feeding_tube": FEEDING_TUBE}
OPTIONS = {"resuscitation": "--resuscitation", "ventilation": "--ventilation",
           "feeding_tube": "--feeding-tube"}
FIELDS = ("resuscitation", "ventilation", "feeding_tube", "decided", "document", "lst_registered", "note")

DOCUMENT = msg("field.decision-document", "where the signed document is kept")
NOTE = msg("field.decision-note", "note")
LST = msg("field.decision-lst", "advance statement registered")
NOT_A_CHOICE = msg("decision.not-a-choice", "{option} {value!r} is not one of the choices")
NOT_A_CHOICE_HINT = msg("decision.not-a-choice.hint", "use one of: {choices}")
IN_FUTURE = msg("decision.in-future", "{day} is in the future")
IN_FUTURE_HINT = msg("decision.in-future.hint", "give the day the decisions were made or signed")
NOTHING = msg("decision.nothing", "nothing to record")
NOTHING_HINT = msg("decision.nothing.hint", "add at least one option, e.g. --resuscitation do-not-attempt "
                   "--document 'red folder by the bed'")
ONE_LINE = msg("decision.one-line", "the {what} contains control characters or line breaks")
ONE_LINE_HINT = msg("decision.one-line.hint", "type it on one line")


def _choice(field: str, value: str) -> str:
    word = "-".join(str(value).strip().lower().replace("_", "-").split())
    choices = CHOICES[field]
    if word not in choices:
        raise BadInput(NOT_A_CHOICE(option=OPTIONS[field], value=shown(value)),
                       NOT_A_CHOICE_HINT(choices=", ".join(choices)))
    return word


def _line(value: str, what: Message, limit: int) -> str:
    text = clean_text(value, what=what, limit=limit)
    if any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F or c in "\u2028\u2029\u202a\u202b\u202c\u202d\u202e"
           "\u2066\u2067\u2068\u2069" for c in text):
        raise BadInput(ONE_LINE(what=what), ONE_LINE_HINT)
    return " ".join(text.split())


def changes(given: Mapping[str, Any], check_day: Any = None) -> dict[str, Any]:
    """The options given (None: not given), checked; "" clears a text field."""
    out: dict[str, Any] = {}
    for field in CHOICES:
        if given.get(field) is not None:
            out[field] = _choice(field, given[field])
    if given.get("decided") is not None:
        day = dates.parse_day(given["decided"])
        if day > dates.today():
            raise BadInput(IN_FUTURE(day=day.isoformat()), IN_FUTURE_HINT)
        if check_day is not None:
            check_day(day)
        out["decided"] = day.isoformat()
    for field, what, limit in (("document", DOCUMENT, 200), ("note", NOTE, 300)):
        if given.get(field) is not None:
            out[field] = _line(given[field], what, limit) if str(given[field]).strip() else ""
    if given.get("lst_registered") is not None:
        out["lst_registered"] = yes_no(given["lst_registered"], what=LST)
    if not out:
        raise BadInput(NOTHING, NOTHING_HINT)
    return out
