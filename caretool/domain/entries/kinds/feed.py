"""feed {ml, via}: a feed, in millilitres, through the feeding tube (peg) or by mouth."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from caretool.core.errors import BadInput
from caretool.core.messages import Message, msg
from caretool.core.text import shown
from caretool.domain.entries.fields import whole_number
from caretool.domain.entries.kinds import Field, Kind, register

ML = msg("field.feed-ml", "feed (mL)")
VIA = msg("field.feed-via", "route")
ML_HINT = msg("field.feed-ml.hint", "type the amount in millilitres, a whole number from {low} to {high}")
ROUTES: dict[str, Message] = {
    "peg": msg("feed.via.peg", "by tube"),
    "mouth": msg("feed.via.mouth", "by mouth"),
}
UNKNOWN_ROUTE = msg("feed.via.unknown", "{via!r} is not a feeding route")
UNKNOWN_ROUTE_HINT = msg("feed.via.unknown.hint", "use --via peg (the feeding tube) or --via mouth")
LINE = msg("kind.feed.line", "feed {ml} mL {via}")
RANGE = (1, 5000)  # one feed; 0 is no feed, and 10 litres is a typo


def validate(f: Mapping[str, Any]) -> dict[str, Any]:
    low, high = RANGE
    ml = whole_number(f.get("ml", ""), what=ML, low=low, high=high, hint=ML_HINT(low=low, high=high))
    via = str(f.get("via") or "peg").strip().lower()
    if via not in ROUTES:
        raise BadInput(UNKNOWN_ROUTE(via=shown(f.get("via"))), UNKNOWN_ROUTE_HINT)
    return {"ml": ml, "via": via}


def describe(r: Mapping[str, Any]) -> Message:
    return LINE(ml=int(r["ml"]), via=ROUTES.get(str(r.get("via")), str(r.get("via"))))


KIND = register(Kind(
    name="feed",
    label=msg("kind.feed", "feed"),
    fields=(Field("ml", (int,), ML), Field("via", (str,), VIA)),
    validate=validate,
    describe=describe,
    red_flags=True,  # the rule for a day without feeds reads them
    report_section="breathing_feeding",
))
