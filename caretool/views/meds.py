"""Showing medications, the doses of a day, recorded doses and adherence."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from caretool.core.text import safe
from caretool.views.output import emit_json, say, tell
from caretool.views.warnings import show as show_warnings

Row = dict[str, Any]


def _clock(iso: str | None, *, day: str | None = None) -> str:
    """Local HH:MM, with the date in front when it is not `day`."""
    if not iso:
        return "-"
    moment = datetime.fromisoformat(iso).astimezone()
    return f"{moment:%H:%M}" if moment.date().isoformat() == day else f"{moment:%Y-%m-%d %H:%M}"


def _since(row: Row) -> str:
    text = f"from {row['start']}"
    if row.get("stopped"):
        text += f", stopped {_clock(row['stopped'])}"
    return text


def _advice(row: Row) -> None:
    if row.get("advice"):
        tell(f"Notes ({row['source']}):")
        for line in row["advice"]:
            tell(f"  - {line}")


def added(row: Row, *, as_json: bool) -> None:
    if as_json:
        emit_json(row)
        return
    say(f"Added {row['name']} {row['dose']}: {row['schedule']}, {_since(row)}  [id {row['id'][:7]}]")
    if row.get("next"):
        say(f"Next dose: {_clock(row['next'])}")
    _advice(row)
    tell("See today's doses with `caretool med due`; `caretool undo` reverts this.")


def listing(rows: list[Row], *, as_json: bool, one: bool = False) -> None:
    if as_json:
        emit_json(rows[0] if one else rows)
        return
    if not rows:
        tell("No medications yet. Add one with `caretool med add NAME --dose TEXT --times 08:00,20:00` "
             "or `caretool med add --preset riluzole`.")
        return
    if one:
        _detail(rows[0])
        return
    from rich.table import Table
    from rich.text import Text

    from caretool.views.output import console

    grid = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("name", "dose", "schedule", "status", "next dose"):
        grid.add_column(column, overflow="fold")
    for r in rows:
        state = r["status"] + (f" {r['stopped'][:10]}" if r.get("stopped") else "")
        grid.add_row(Text(safe(r["name"])), Text(safe(r["dose"])), Text(safe(r["schedule"])),
                     state, _clock(r.get("next")) if r["status"] in ("active", "not started") else "-")
    console().print(grid)


def _detail(row: Row) -> None:
    say(f"{row['name']} {row['dose']}  [id {row['id'][:7]}]")
    say(f"  schedule: {row['schedule']}")
    say(f"  status:   {row['status']}, {_since(row)}" + (f", until {row['end']}" if row.get("end") else ""))
    if row.get("notes"):
        say(f"  note:     {row['notes']}")
    if row.get("rrule"):
        say("  rules:")
        for line in row["rrule"].split("\n"):
            say(f"    {line}")
    for old in row.get("earlier", []):
        say(f"  until {old['until']} the schedule was: {old['rrule'].replace(chr(10), ' ') or 'as needed'}")
    if row.get("upcoming"):
        say("  next doses: " + ", ".join(_clock(s) for s in row["upcoming"]))
    _advice(row)


def stopped(row: Row, *, as_json: bool) -> None:
    if as_json:
        emit_json(row)
        return
    say(f"Stopped {row['name']} at {_clock(row['stopped'])}. Later doses are no longer due.")
    tell("`caretool undo` reverts this.")


def edited(before: Row, after: Row, *, as_json: bool) -> None:
    if as_json:
        emit_json({"before": before, "after": after})
        return
    say(f"Changed {before['name']}: {after['name']} {after['dose']}, {after['schedule']}, {_since(after)}")
    if before["schedule"] != after["schedule"] and after.get("earlier"):
        say(f"  The new schedule applies from {_first_new_day(after)}; earlier days keep the old one.")
    if after.get("next"):
        say(f"  Next dose: {_clock(after['next'])}")
    tell("`caretool undo` reverts this.")


def _first_new_day(row: Row) -> str:
    from datetime import date, timedelta

    return (date.fromisoformat(row["earlier"][-1]["until"]) + timedelta(days=1)).isoformat()


_STATE_STYLE = {"taken": "green", "skipped": "yellow", "missed": "bold red", "due": "bold", "upcoming": ""}


def due(info: Row, *, as_json: bool) -> None:
    if as_json:
        emit_json(info)
        return
    day = info["date"]
    if not info["medications"]:
        tell("No medications yet. Add one with `caretool med add NAME --dose TEXT --times 08:00` "
             "or `caretool med add --preset riluzole`.")
        return
    if not info["doses"] and not info["unscheduled"]:
        say(f"No doses scheduled on {day}.")
        return
    from rich.table import Table
    from rich.text import Text

    from caretool.views.output import console

    say(f"Doses on {day} (now {_clock(info['now'], day=day)}):")
    grid = Table(box=None, pad_edge=False, show_header=False)
    for _ in range(4):
        grid.add_column(overflow="fold")
    for d in info["doses"]:
        if d["state"] == "taken":
            state = f"taken {_clock(d['taken_at'], day=day)}"
        elif d["state"] == "skipped":
            state = "skipped" + (f" ({safe(d['reason'])})" if d["reason"] else "")
        else:
            state = d["state"]
        grid.add_row("  " + d["time"], Text(safe(d["name"])), Text(safe(d["dose"])),
                     Text(state, style=_STATE_STYLE.get(d["state"], "")))
    if info["doses"]:
        console().print(grid)
    for u in info["unscheduled"]:
        kind = "extra dose" if u["extra"] else "as needed"
        say(f"  also given: {u['name']} at {_clock(u['at'], day=day)} ({kind})")
    open_doses = [d for d in info["doses"] if d["state"] in ("due", "missed")]
    if open_doses:
        first = open_doses[0]["name"]
        tell(f"Record a dose with `caretool med take {first}`, or `caretool med skip {first} "
             "--reason TEXT`.")


def recorded(record: Row, notes: list[dict[str, str]], *, as_json: bool) -> None:
    if as_json:
        emit_json({**record, "notes": notes})
        return
    what = f"{record['medication']} {record['status']} at {_clock(record['at'])}"
    if record.get("scheduled_for"):
        what += f" (the {_clock(record['scheduled_for'], day=record['day'])} dose)"
    elif record.get("extra"):
        what += " (an extra dose)"
    if record.get("reason"):
        what += f": {record['reason']}"
    say(f"Logged {what}  [id {record['id'][:7]}]")
    for note in notes:
        tell(f"Note - {note['title']}: {note['text']} ({note['source']})")
    show_warnings(record.get("warnings", []))


def adherence(report: Row, *, as_json: bool) -> None:
    if as_json:
        emit_json(report)
        return
    rows = report["medications"]
    if not rows:
        tell(f"No medications were given between {report['from']} and {report['to']}.")
        return
    from rich.table import Table
    from rich.text import Text

    from caretool.views.output import console

    say(f"Doses from {report['from']} to {report['to']} ({report['days']} days):")
    grid = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("medication", "scheduled", "taken", "skipped", "missed", "taken %"):
        grid.add_column(column, justify="left" if column == "medication" else "right")
    for r in rows:
        percent = f"{r['percent']}%" if r["percent"] is not None else "-"
        name = r["name"] + (" (as needed)" if r["as_needed"] else "")
        grid.add_row(Text(safe(name)), str(r["scheduled"]), str(r["taken"]), str(r["skipped"]),
                     str(r["missed"]), percent)
    console().print(grid)
    for r in rows:
        if r["extra"]:
            say(f"{r['name']}: {r['extra']} extra dose(s) outside the schedule.")
        if r["missed_doses"]:
            say(f"{r['name']} missed: " + ", ".join(_clock(m) for m in r["missed_doses"]))
    tell("Doses still due or upcoming are not counted yet.")
