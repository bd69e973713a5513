"""Showing medications, the doses of a day, recorded doses and adherence.

Rows come from caretool.domain.meds with codes (status, state) and Messages (schedule, advice,
notes); every sentence here is a whole catalogue sentence with named placeholders.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from caretool.core.messages import _, n_, render
from caretool.core.text import safe
from caretool.domain.entries.model import Record as Row
from caretool.domain.meds import durations
from caretool.domain.meds.wording import and_list
from caretool.views import stock as stock_view
from caretool.views.output import emit_json, say, tell
from caretool.views.warnings import show as show_warnings


def _clock(iso: str | None, *, day: str | None = None) -> str:
    """Local HH:MM, with the date in front when it is not `day`."""
    if not iso:
        return "-"
    moment = datetime.fromisoformat(iso).astimezone()
    return f"{moment:%H:%M}" if moment.date().isoformat() == day else f"{moment:%Y-%m-%d %H:%M}"


def _status(code: str) -> str:
    labels = {"active": _("active"), "not started": _("not started"), "ended": _("ended"),
              "stopped": _("stopped")}
    return labels.get(code, code)


def _state(code: str) -> str:
    labels = {"taken": _("taken"), "skipped": _("skipped"), "missed": _("missed"), "due": _("due"),
              "upcoming": _("upcoming")}
    return labels.get(code, code)


def _since(row: Row) -> str:
    if row.get("stopped"):
        return _("from {start}, stopped {stopped}").format(start=row["start"], stopped=_clock(row["stopped"]))
    return _("from {start}").format(start=row["start"])


def _advice(row: Row) -> None:
    if row.get("advice"):
        tell(_("Notes ({source}):").format(source=render(row["source"])))
        for line in row["advice"]:
            tell(_("  - {note}").format(note=render(line)))


def added(row: Row, *, as_json: bool) -> None:
    if as_json:
        emit_json(row)
        return
    say(_("Added {name} {dose}: {schedule}, {since}  [id {id}]").format(
        name=row["name"], dose=row["dose"], schedule=_schedule(row), since=_since(row),
        id=row["id"][:7]))
    if row.get("next"):
        say(_("Next dose: {when}").format(when=_clock(row["next"])))
    earlier = row.get("not_due_today") or []
    if earlier:
        tell(n_("Today's dose at {times} came before {name} was added, so it is not counted as due. "
                "If it was given, record it with `caretool med take {name} --for {first} --at HH:MM`.",
                "Today's doses at {times} came before {name} was added, so they are not counted as due. "
                "If one was given, record it with `caretool med take {name} --for {first} --at HH:MM`.",
                len(earlier)).format(times=render(and_list(earlier)), name=row["name"], first=earlier[0]))
    _advice(row)
    tell(_("See today's doses with `caretool med due`; `caretool undo` reverts this."))


def _no_medications() -> None:
    tell(_("No medications yet. Add one with `caretool med add NAME --dose TEXT --times 08:00,20:00` "
           "or `caretool med add --preset riluzole`."))


def listing(rows: list[Row], *, as_json: bool, one: bool = False) -> None:
    if as_json:
        emit_json(rows[0] if one else rows)
        return
    if not rows:
        _no_medications()
        return
    if one:
        _detail(rows[0])
        return
    from rich.table import Table
    from rich.text import Text

    from caretool.views.output import console

    counted = any(r.get("stock") for r in rows)
    grid = Table(box=None, pad_edge=False, header_style="bold")
    columns = [_("name"), _("dose"), _("schedule"), _("status"), _("next dose")]
    if counted:
        columns.append(_("stock"))
    for column in columns:
        grid.add_column(column, overflow="fold")
    for r in rows:
        state = _status(r["status"]) + (f" {r['stopped'][:10]}" if r.get("stopped") else "")
        cells: list[Text | str] = [Text(safe(r["name"])), Text(safe(r["dose"])), Text(safe(_schedule(r))),
                 state, _clock(r.get("next")) if r["status"] in ("active", "not started") else "-"]
        if counted:
            found = r.get("stock")
            cells.append(Text(stock_view.short(found), style="bold red" if found["low"] else "")
                         if found else "-")
        grid.add_row(*cells)
    console().print(grid)
    stock_view.warnings([r["stock"] for r in rows if r.get("stock")])


def _schedule(row: Row) -> str:
    """The schedule in words, with an as-needed medicine's limits."""
    words = render(row["schedule"])
    per_day, gap = row.get("max_per_day"), row.get("min_gap")
    if per_day and gap:
        return n_("{schedule}, at most {count} dose in 24 hours, {gap} apart",
                  "{schedule}, at most {count} doses in 24 hours, {gap} apart", per_day).format(
            schedule=words, count=per_day, gap=render(durations.spoken(timedelta(minutes=gap))))
    if per_day:
        return n_("{schedule}, at most {count} dose in 24 hours",
                  "{schedule}, at most {count} doses in 24 hours", per_day).format(
            schedule=words, count=per_day)
    if gap:
        return _("{schedule}, at least {gap} apart").format(
            schedule=words, gap=render(durations.spoken(timedelta(minutes=gap))))
    return words


def _detail(row: Row) -> None:
    say(_("{name} {dose}  [id {id}]").format(name=row["name"], dose=row["dose"], id=row["id"][:7]))
    say(_("  schedule: {schedule}").format(schedule=_schedule(row)))
    if row.get("end"):
        say(_("  status:   {status}, {since}, until {end}").format(
            status=_status(row["status"]), since=_since(row), end=row["end"]))
    else:
        say(_("  status:   {status}, {since}").format(status=_status(row["status"]), since=_since(row)))
    if row.get("notes"):
        say(_("  note:     {note}").format(note=row["notes"]))
    if row.get("rrule"):
        say(_("  rules:"))
        for line in row["rrule"].split("\n"):
            say(f"    {line}")
    for old in row.get("earlier", []):
        rules = old["rrule"].replace("\n", " ") or _("as needed")
        say(_("  until {until} the schedule was: {rules}").format(until=old["until"], rules=rules))
    if row.get("upcoming"):
        say(_("  next doses: {times}").format(times=", ".join(_clock(s) for s in row["upcoming"])))
    if row.get("stock"):
        say(_("  stock:    {line}").format(line=stock_view.line(row["stock"])))
    _advice(row)
    if row.get("stock"):
        stock_view.warnings([row["stock"]])


def stopped(row: Row, *, as_json: bool) -> None:
    if as_json:
        emit_json(row)
        return
    say(_("Stopped {name} at {when}. Later doses are no longer due.").format(
        name=row["name"], when=_clock(row["stopped"])))
    tell(_("`caretool undo` reverts this."))


def edited(before: Row, after: Row, *, as_json: bool) -> None:
    if as_json:
        emit_json({"before": before, "after": after})
        return
    say(_("Changed {old}: {name} {dose}, {schedule}, {since}").format(
        old=before["name"], name=after["name"], dose=after["dose"], schedule=_schedule(after),
        since=_since(after)))
    if before["rrule"] != after["rrule"] and after.get("earlier"):
        say(_("  The new schedule applies from {day}; earlier days keep the old one.").format(
            day=_first_new_day(after)))
    if after.get("next"):
        say(_("  Next dose: {when}").format(when=_clock(after["next"])))
    tell(_("`caretool undo` reverts this."))


def _first_new_day(row: Row) -> str:
    return (date.fromisoformat(row["earlier"][-1]["until"]) + timedelta(days=1)).isoformat()


_STATE_STYLE = {"taken": "green", "skipped": "yellow", "missed": "bold red", "due": "bold", "upcoming": ""}


def _dose_state(d: Row, day: str) -> str:
    when = _clock(d.get("taken_at"), day=day)
    also = d.get("also_skipped")
    if d["state"] == "taken" and also and also.get("reason"):
        return _("taken {when}, also marked skipped ({reason}): see `caretool history`").format(
            when=when, reason=also["reason"])
    if d["state"] == "taken" and also:
        return _("taken {when}, also marked skipped: see `caretool history`").format(when=when)
    if d["state"] == "taken":
        return _("taken {when}").format(when=when)
    if d["state"] == "skipped" and d["reason"]:
        return _("skipped ({reason})").format(reason=d["reason"])
    return _state(d["state"])


def due(info: Row, *, as_json: bool) -> None:
    if as_json:
        emit_json(info)
        return
    day = info["date"]
    if not info["medications"]:
        _no_medications()
        return
    if not info["doses"] and not info["unscheduled"]:
        say(_("No doses scheduled on {day}.").format(day=day))
        return
    from rich.table import Table
    from rich.text import Text

    from caretool.views.output import console

    say(_("Doses on {day} (now {now}):").format(day=day, now=_clock(info["now"], day=day)))
    grid = Table(box=None, pad_edge=False, show_header=False)
    for _column in range(4):
        grid.add_column(overflow="fold")
    for d in info["doses"]:
        grid.add_row("  " + d["time"], Text(safe(d["name"])), Text(safe(d["dose"])),
                     Text(safe(_dose_state(d, day)), style=_STATE_STYLE.get(d["state"], "")))
    if info["doses"]:
        console().print(grid)
    for u in info["unscheduled"]:
        text = (_("  also given: {name} at {when} (extra dose)") if u["extra"]
                else _("  also given: {name} at {when} (as needed)"))
        say(text.format(name=u["name"], when=_clock(u["at"], day=day)))
    open_doses = [d for d in info["doses"] if d["state"] in ("due", "missed")]
    if open_doses:
        tell(_("Record a dose with `caretool med take {name}`, or `caretool med skip {name} --reason TEXT`.")
             .format(name=open_doses[0]["name"]))


def recorded(result: Row, *, as_json: bool) -> None:
    record, notes = result["record"], result["notes"]
    if as_json:
        replaced = result.get("replaced")
        emit_json({**record, "notes": notes, "extra_because": result.get("extra_because"),
                   "replaced": replaced["id"] if replaced else None})
        return
    values = {"medication": record["medication"], "at": _clock(record["at"]), "id": record["id"][:7],
              "slot": _clock(record.get("scheduled_for"), day=record["day"]),
              "reason": record.get("reason", "")}
    if result.get("replaced"):
        line = _("Changed the skipped {slot} {medication} dose to taken at {at}  [id {id}]")
    elif record["status"] == "skipped":
        line = _("Logged {medication} skipped at {at} (the {slot} dose): {reason}  [id {id}]")
    elif record.get("scheduled_for"):
        line = _("Logged {medication} taken at {at} (the {slot} dose)  [id {id}]")
    elif record.get("reason"):
        line = _("Logged {medication} taken at {at}, over its limits: {reason}  [id {id}]")
    elif record.get("extra") and result.get("extra_because"):
        line = _("Logged {medication} taken at {at}, an extra dose: {why}  [id {id}]")
        values["why"] = render(result["extra_because"])
    elif record.get("extra"):
        line = _("Logged {medication} taken at {at} (an extra dose)  [id {id}]")
    else:
        line = _("Logged {medication} taken at {at}  [id {id}]")
    say(line.format(**values))
    for note in notes:
        if note.get("source"):
            tell(_("Note - {title}: {text} ({source})").format(
                title=render(note["title"]), text=render(note["text"]), source=render(note["source"])))
        else:
            tell(_("Note - {title}: {text}").format(title=render(note["title"]), text=render(note["text"])))
    show_warnings(record.get("warnings", []))


def adherence(report: Row, *, as_json: bool) -> None:
    if as_json:
        emit_json(report)
        return
    rows = report["medications"]
    if not rows:
        tell(_("No medications were given between {start} and {end}.").format(start=report["from"],
                                                                             end=report["to"]))
        return
    from rich.table import Table
    from rich.text import Text

    from caretool.views.output import console

    say(n_("Doses from {start} to {end} ({count} day):", "Doses from {start} to {end} ({count} days):",
           report["days"]).format(start=report["from"], end=report["to"], count=report["days"]))
    grid = Table(box=None, pad_edge=False, header_style="bold")
    columns = ((_("medication"), "left"), (_("scheduled"), "right"), (_("taken"), "right"),
               (_("skipped"), "right"), (_("missed"), "right"), (_("taken %"), "right"))
    for column, justify in columns:
        grid.add_column(column, justify=justify)  # type: ignore[arg-type]
    for r in rows:
        percent = f"{r['percent']}%" if r["percent"] is not None else "-"
        name = _("{name} (as needed)").format(name=r["name"]) if r["as_needed"] else r["name"]
        grid.add_row(Text(safe(name)), str(r["scheduled"]), str(r["taken"]), str(r["skipped"]),
                     str(r["missed"]), percent)
    console().print(grid)
    for r in rows:
        if r["extra"]:
            say(n_("{name}: {count} extra dose outside the schedule.",
                   "{name}: {count} extra doses outside the schedule.", r["extra"]).format(
                name=r["name"], count=r["extra"]))
        if r["missed_doses"]:
            say(_("{name} missed: {times}").format(name=r["name"],
                                                 times=", ".join(_clock(m) for m in r["missed_doses"])))
    tell(_("Doses still due or upcoming are not counted yet."))
