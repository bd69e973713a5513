"""Showing what is left of a medicine: "24 tablets left, enough for 12 days (runs out on ...)".

Rows come from caretool.domain.meds.stock.left (codes and numbers); every sentence is a whole
catalogue sentence. Shared by `med stock`, `med list` and `today`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from caretool.core.messages import _, n_, render
from caretool.domain.meds.stock import UNIT_NAMES
from caretool.views.output import emit_json, say, tell

Row = dict[str, Any]


def _n(count: float) -> int:
    """The number that picks a plural form (a fraction such as 1.5 takes the plural)."""
    return int(count) if float(count).is_integer() else 2


_UNIT_WORDS: dict[str, Callable[[int], str]] = {
    "tablets": lambda n: n_("{count} tablet", "{count} tablets", n),
    "capsules": lambda n: n_("{count} capsule", "{count} capsules", n),
    "mL": lambda n: n_("{count} mL", "{count} mL", n),
    "vials": lambda n: n_("{count} vial", "{count} vials", n),
    "sachets": lambda n: n_("{count} sachet", "{count} sachets", n),
    "patches": lambda n: n_("{count} patch", "{count} patches", n),
    "puffs": lambda n: n_("{count} puff", "{count} puffs", n),
    "drops": lambda n: n_("{count} drop", "{count} drops", n),
    "syringes": lambda n: n_("{count} syringe", "{count} syringes", n),
    "doses": lambda n: n_("{count} dose", "{count} doses", n),
}


def _unit(unit: str) -> str:
    return render(UNIT_NAMES[unit]) if unit in UNIT_NAMES else unit


def amount(count: float, unit: str) -> str:
    """'24 tablets', '7.5 mL'."""
    words = _UNIT_WORDS.get(unit)
    shown = f"{count:g}"
    return words(_n(count)).format(count=shown) if words else f"{shown} {unit}"


def lasts(row: Row) -> str:
    """How long it lasts, or '' when that cannot be told."""
    days, day = row.get("days_left"), row.get("runs_out")
    if row["left"] <= 0:
        return _("none left")
    if days is None:
        return _("enough for more than a year") if row.get("basis") == "schedule" else ""
    if days == 0:
        return _("runs out today")
    if row.get("basis") == "recent use":
        return n_("enough for about {count} day at the recent use (runs out around {day})",
                  "enough for about {count} days at the recent use (runs out around {day})",
                  days).format(count=days, day=day)
    return n_("enough for {count} day (runs out on {day})", "enough for {count} days (runs out on {day})",
              days).format(count=days, day=day)


def short(row: Row) -> str:
    """For a table cell: '24 tablets, 12 days'."""
    left = amount(max(row["left"], 0), row["unit"])
    if row["left"] <= 0:
        return _("{amount} (none left)").format(amount=left)
    if row.get("days_left") is None:
        return left
    return n_("{amount}, {count} day", "{amount}, {count} days", row["days_left"]).format(
        amount=left, count=row["days_left"])


def line(row: Row) -> str:
    """'Riluzole: 24 tablets left, enough for 12 days (runs out on 2026-12-14).'"""
    left, how_long = amount(max(row["left"], 0), row["unit"]), lasts(row)
    if how_long and row["left"] > 0:
        return _("{name}: {amount} left, {lasts}.").format(name=row["name"], amount=left, lasts=how_long)
    if row["left"] <= 0:
        return _("{name}: none left.").format(name=row["name"])
    return _("{name}: {amount} left.").format(name=row["name"], amount=left)


def warnings(rows: list[Row]) -> None:
    """The refill warnings (stderr), one per medicine running low, and what to do about counts
    that need another look."""
    for row in rows:
        if row["low"]:
            tell(_("Refill soon - {line} Order more in time; record the new count with "
                   "`caretool med stock {name} N`.").format(line=line(row), name=row["name"]))
        if row["left"] < 0:
            tell(_("The count of {name} is below zero: more was given than was counted. Count what is at "
                   "hand and record it with `caretool med stock {name} N`.").format(name=row["name"]))
        if row.get("uncounted"):
            tell(n_("{count} dose of {name} was not counted: its dose text names no {unit}. Give the amount "
                    "with `caretool med stock {name} N --per-dose N`.",
                    "{count} doses of {name} were not counted: their dose text names no {unit}. Give the "
                    "amount with `caretool med stock {name} N --per-dose N`.", row["uncounted"]).format(
                count=row["uncounted"], name=row["name"], unit=_unit(row["unit"])))


def _counted(row: Row) -> str:
    moment = datetime.fromisoformat(row["counted_at"]).astimezone()
    return _("counted {amount} on {when}").format(amount=amount(row["count"], row["unit"]),
                                                   when=f"{moment:%Y-%m-%d %H:%M}")


def recorded(result: Row, *, as_json: bool) -> None:
    """`med stock NAME COUNT`."""
    if as_json:
        emit_json(result)
        return
    row = result["stock"]
    if result.get("added") and result.get("before"):
        say(_("Added to the stock of {name}: {before} + {added}.").format(
            name=row["name"], before=amount(max(result["before"]["left"], 0), row["unit"]),
            added=amount(row["count"] - max(result["before"]["left"], 0), row["unit"])))
    say(line(row))
    if row.get("per_dose") is not None:
        say("  " + _("Each dose given takes {amount}.").format(amount=amount(row["per_dose"], row["unit"])))
    else:
        say("  " + _("Each dose given takes what its dose text says, in {unit}.").format(
            unit=_unit(row["unit"])))
    warnings([row])
    tell(_("Every dose marked taken lowers it; `caretool undo` reverts this count."))


def listing(rows: list[Row], *, as_json: bool) -> None:
    """`med stock` with no count: what is left of each counted medicine."""
    if as_json:
        emit_json(rows)
        return
    if not rows:
        tell(_("No medicine's stock is counted yet. Count one with `caretool med stock NAME 60`."))
        return
    for row in rows:
        say(line(row) + "  " + _("({counted})").format(counted=_counted(row)))
    warnings(rows)
