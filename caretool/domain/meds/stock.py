"""Stock: what is at hand of a medicine, and how long it lasts at the current schedule.

Nothing here is a counter updated by hand. A medication record holds its last count,
    stock = {"count": 60, "unit": "tablets", "at": ISO moment of the count, "per_dose": N or None}
and what is left is derived whenever it is shown: the count minus the amount of every dose
entry marked taken after the moment of the count (a dose given at that very moment was already
out of the box when it was counted; a refill's count includes every dose given until then). So
undoing, deleting or editing a dose, or importing the same doses twice (merged by id), can never
count a dose twice or forget one.

The amount of one dose is `per_dose` when the family gave it (`--per-dose`), else it is read from
the dose text of that dose ("2 tablets", "10 mL (50 mg)", "50 mg tablet" = 1 tablet); a dose whose
text says nothing countable in the stock's unit is counted as `uncounted`, never guessed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from caretool.core import dates
from caretool.core.errors import BadInput
from caretool.core.messages import msg
from caretool.core.text import name_key, parse_number, parse_whole
from caretool.domain.entries.model import Record

# The units a dose can be counted in, each with the words that name it in a dose text.
UNITS: dict[str, tuple[str, ...]] = {
    "tablets": ("tablet", "tablets", "tab", "tabs", "pill", "pills", "정", "알"),
    "capsules": ("capsule", "capsules", "cap", "caps", "캡슐"),
    "mL": ("ml", "millilitre", "millilitres", "milliliter", "milliliters", "cc", "밀리리터"),
    "vials": ("vial", "vials", "ampoule", "ampoules", "ampule", "ampules", "바이알", "앰플"),
    "sachets": ("sachet", "sachets", "packet", "packets", "포"),
    "patches": ("patch", "patches", "패치"),
    "puffs": ("puff", "puffs"),
    "drops": ("drop", "drops", "방울"),
    "syringes": ("syringe", "syringes", "주사기"),
    "doses": ("dose", "doses", "회분"),  # one dose is one dose: for infusions, injections, kits
}
UNIT_NAMES = {
    "tablets": msg("unit.tablets", "tablets"),
    "capsules": msg("unit.capsules", "capsules"),
    "mL": msg("unit.ml", "mL"),
    "vials": msg("unit.vials", "vials"),
    "sachets": msg("unit.sachets", "sachets"),
    "patches": msg("unit.patches", "patches"),
    "puffs": msg("unit.puffs", "puffs"),
    "drops": msg("unit.drops", "drops"),
    "syringes": msg("unit.syringes", "syringes"),
    "doses": msg("unit.doses", "doses"),
}
WARN_DAYS = 7  # say "order more" when the stock lasts this many days or fewer
MAX_COUNT = 100_000
MAX_PER_DOSE = 1_000
PROJECTION_DAYS = 400  # how far ahead the schedule is walked to see when the stock runs out
RECENT_DAYS = 14  # an as-needed medicine's use is averaged over this many days
_WORD_NUMBERS = {"a": 1.0, "an": 1.0, "one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "half": 0.5,
                 "한": 1.0, "두": 2.0, "세": 3.0, "네": 4.0, "반": 0.5}
_TOKEN = re.compile(r"(\d+(?:[.,]\d+)?(?:/\d+)?|½)?\s*([a-z]+|[가-힣]+)")

COUNT = msg("field.stock-count", "stock count")
PER_DOSE = msg("field.per-dose", "amount per dose")
WARN = msg("field.warn-days", "--warn-days")
COUNT_HINT = msg("stock.count.hint", "give how many are at hand, e.g. `caretool med stock {name} 60`")
PER_DOSE_HINT = msg("stock.per-dose.hint", "give a number from 0.01 to 1000, e.g. --per-dose 1")
WARN_HINT = msg("stock.warn-days.hint", "give a whole number of days from 0 to 365, e.g. --warn-days 10")
UNKNOWN_UNIT = msg("stock.unknown-unit", "caretool cannot count in {unit!r}")
UNKNOWN_UNIT_HINT = msg("stock.unknown-unit.hint", "use one of: {units}")
WHAT_TO_COUNT = msg("stock.what-to-count", "cannot tell what to count for {name} from its dose {dose!r}")
WHAT_TO_COUNT_HINT = msg("stock.what-to-count.hint",
                         "add the unit and the amount of one dose, e.g. --unit vials --per-dose 1")
HOW_MANY = msg("stock.how-many", "cannot tell how many {unit} one dose of {name} is from its dose {dose!r}")
HOW_MANY_HINT = msg("stock.how-many.hint", "add --per-dose N, e.g. --per-dose 1")
ADD_WITHOUT_STOCK = msg("stock.add-without-stock", "{name} has no stock count to add to")
ADD_WITHOUT_STOCK_HINT = msg("stock.add-without-stock.hint",
                             "count what is at hand first: `caretool med stock {name} 60`")
OTHER_UNIT = msg("stock.other-unit", "the stock of {name} is counted in {unit}, not {other}")
OTHER_UNIT_HINT = msg("stock.other-unit.hint", "leave out --unit, or count it again without --add")


def unit_of(text: str) -> str:
    """The canonical unit a user typed (tablets, tablet, TABS, mL, ml, 정 ...)."""
    word = text.strip().lower()
    for unit, words in UNITS.items():
        if word == unit.lower() or word in words:
            return unit
    raise BadInput(UNKNOWN_UNIT(unit=text.strip()), UNKNOWN_UNIT_HINT(units=", ".join(UNITS)))


def _number(text: str) -> float:
    if text == "½":
        return 0.5
    if "/" in text:
        top, bottom = text.split("/")
        return float(top) / float(bottom) if float(bottom) else 0.0
    return float(text.replace(",", "."))


def _names(word: str, words: Sequence[str], counted: bool) -> bool:
    """Whether `word` names the unit; a Korean counter may carry a particle after a number (1정씩)."""
    if word in words:
        return True
    return counted and "\uac00" <= word[:1] <= "\ud7a3" and any(
        word.startswith(w) for w in words if "\uac00" <= w[:1] <= "\ud7a3")


def amount_in(dose: str, unit: str) -> float | None:
    """How many `unit` one dose is, read from its dose text; None when it does not say.

    "2 tablets" -> 2, "50 mg tablet" -> 1, "half a tablet" -> 0.5, "1정씩" -> 1, "10 mL (50 mg)"
    -> 10 (in mL); any dose is 1 in "doses".
    """
    if unit == "doses":
        return 1.0
    words = UNITS[unit]
    spoken = 1.0  # number words since the last figure: "half a" = 0.5, "two" = 2
    for match in _TOKEN.finditer(dose.lower()):
        number, word = match.group(1), match.group(2)
        if _names(word, words, bool(number)):
            return _number(number) if number else spoken
        spoken = spoken * _WORD_NUMBERS[word] if word in _WORD_NUMBERS and not number else 1.0
    return None


def unit_in(dose: str) -> str | None:
    """The first countable unit a dose text names ("50 mg tablet" -> tablets), if any."""
    for match in _TOKEN.finditer(dose.lower()):
        for unit, words in UNITS.items():
            if unit != "doses" and _names(match.group(2), words, bool(match.group(1))):
                return unit
    return None


def record(med: Record, count: str, *, unit: str | None, per_dose: str | None, add: bool,
           moment: datetime, left_now: float | None) -> Record:
    """The new stock record for `med stock NAME COUNT` (checked; not stored)."""
    name = med["name"]
    number = parse_number(count, what=COUNT, low=0, high=MAX_COUNT, hint=COUNT_HINT(name=name))
    old = med.get("stock") if isinstance(med.get("stock"), dict) else None
    chosen = unit_of(unit) if unit else None
    if add:
        if old is None or left_now is None:
            raise BadInput(ADD_WITHOUT_STOCK(name=name), ADD_WITHOUT_STOCK_HINT(name=name))
        if chosen and chosen != old["unit"]:
            raise BadInput(OTHER_UNIT(name=name, unit=UNIT_NAMES[old["unit"]], other=UNIT_NAMES[chosen]),
                           OTHER_UNIT_HINT)
        chosen = old["unit"]
        number = max(left_now, 0.0) + number
    amount = parse_number(per_dose, what=PER_DOSE, low=0.01, high=MAX_PER_DOSE, hint=PER_DOSE_HINT) \
        if per_dose is not None else (old.get("per_dose") if add and old else None)
    if chosen is None:
        chosen = unit_in(med.get("dose", ""))
        if chosen is None and amount is None:
            raise BadInput(WHAT_TO_COUNT(name=name, dose=med.get("dose", "")), WHAT_TO_COUNT_HINT)
        chosen = chosen or "doses"
    if amount is None and amount_in(med.get("dose", ""), chosen) is None:
        raise BadInput(HOW_MANY(unit=UNIT_NAMES[chosen], name=name, dose=med.get("dose", "")), HOW_MANY_HINT)
    return {"count": number, "unit": chosen, "at": dates.iso(moment), "per_dose": amount}


def warn_days(text: str | None) -> int:
    """--warn-days: a whole number of days, 0 to 365 (default WARN_DAYS)."""
    return WARN_DAYS if text is None else parse_whole(text, what=WARN, low=0, high=365, hint=WARN_HINT)


def stock_of(med: Record) -> Record | None:
    """The medication's stock record when it is readable (an imported file may hold anything)."""
    stock = med.get("stock")
    if not isinstance(stock, dict):
        return None
    try:
        at = datetime.fromisoformat(stock["at"])
        count = float(stock["count"])
        per_dose = None if stock.get("per_dose") is None else float(stock["per_dose"])
    except (KeyError, TypeError, ValueError):
        return None
    if stock.get("unit") not in UNITS or at.tzinfo is None or not math.isfinite(count):
        return None
    return {"count": count, "unit": stock["unit"], "at": at, "per_dose": per_dose}


def since(stocked: Sequence[Record]) -> date | None:
    """The first day whose dose entries can lower any of these medicines' stock."""
    days = [dates.local_day(s["at"]) for m in stocked if (s := stock_of(m))]
    return min(days) if days else None


def _given_after(med: Record, stock: Record, records: Sequence[Record]) -> list[Record]:
    names = {name_key(n) for n in [med["name"], *med.get("former_names", [])]}
    return [r for r in records if r.get("kind") == "dose" and r.get("status") == "taken"
            and name_key(str(r.get("medication", ""))) in names
            and datetime.fromisoformat(r["at"]) > stock["at"]]


def _projection(med: Record, left: float, per: float | None, now: datetime,
                upcoming: Sequence[datetime], recent: int) -> tuple[int | None, str | None, str]:
    """(days left, the day it runs out, basis "schedule" | "recent use" | "") from now on."""
    today = dates.local_day(now)
    if med.get("as_needed"):
        if not recent or left <= 0:
            return (0, today.isoformat(), "recent use") if left <= 0 else (None, None, "")
        per_day = recent * (per or 1.0) / RECENT_DAYS
        days = int(left // per_day)
        return days, (today + timedelta(days=days)).isoformat(), "recent use"
    if not per:
        return None, None, ""
    covered = int(left // per + 1e-9) if left > 0 else 0
    if covered >= len(upcoming):
        return None, None, "schedule"  # lasts past the projection
    runs_out = dates.local_day(upcoming[covered])
    return (runs_out - today).days, runs_out.isoformat(), "schedule"


def left(med: Record, records: Sequence[Record], now: datetime, upcoming: Sequence[datetime],
         warn: int = WARN_DAYS) -> Record | None:
    """What is left of a medicine now, derived (see the module docstring); None without a count.

    `records` must hold the dose entries from the day of the count to today; `upcoming` are the
    scheduled dose times from now on (PROJECTION_DAYS of them). Keys: count (as counted), unit,
    counted_at, per_dose (None when read from each dose), left, used, uncounted (doses whose text
    gives no amount), days_left (None: lasts past the projection or cannot tell), runs_out (ISO
    day), basis, low (days_left <= warn, or nothing left)."""
    stock = stock_of(med)
    if stock is None:
        return None
    unit, per = stock["unit"], stock["per_dose"]
    used, uncounted = 0.0, 0
    given = _given_after(med, stock, records)
    for r in given:
        amount = per if per is not None else amount_in(str(r.get("dose") or med.get("dose", "")), unit)
        if amount is None:
            uncounted += 1
        else:
            used += amount
    remaining = round(stock["count"] - used, 3) + 0.0
    current = per if per is not None else amount_in(med.get("dose", ""), unit)
    recent_from = now - timedelta(days=RECENT_DAYS)
    recent = sum(datetime.fromisoformat(r["at"]) > recent_from for r in given)
    days, runs_out, basis = _projection(med, remaining, current, now, upcoming, recent)
    low = remaining <= 0 or (days is not None and days <= warn)
    return {"count": stock["count"], "unit": unit, "counted_at": dates.iso(stock["at"]), "per_dose": per,
            "left": remaining, "used": round(used, 3) + 0.0, "uncounted": uncounted, "days_left": days,
            "runs_out": runs_out, "basis": basis, "low": low}


def stocked(meds: Sequence[Record]) -> list[Record]:
    """The medicines with a readable stock count that are still given (not stopped, not ended)."""
    return [m for m in meds if stock_of(m) is not None and not m.get("stopped")]
