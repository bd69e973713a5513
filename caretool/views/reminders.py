"""Showing reminders: `med due --soon`, what `med calendar` wrote, and `remind setup|remove`."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from caretool.core.messages import _, n_, render
from caretool.core.text import safe
from caretool.domain.meds import durations
from caretool.views import notify
from caretool.views.output import emit_json, say, tell

Row = dict[str, Any]


# --- med due --soon -----------------------------------------------------------------------------
def _missing_notify() -> None:
    tell(_("No desktop notification was sent: notify-send is not installed on this computer. Install "
           "it (on Debian or Ubuntu: `sudo apt install libnotify-bin`; on Fedora: "
           "`sudo dnf install libnotify`), or keep reading the list above."))


def soon(info: Row, *, as_json: bool, notify_wanted: bool) -> None:
    """The doses due soon (and overdue today); with notify_wanted, also on the desktop."""
    status, problem = (None, "")
    if notify_wanted and info["doses"]:
        status, problem = notify.send(info["doses"])
    if as_json:
        emit_json({**info, "notification": status, "notification_problem": problem})
    else:
        _soon_text(info, hint=not notify_wanted)  # from cron, anything on stderr becomes a mail
    if status == notify.MISSING:
        _missing_notify()
    elif status == notify.FAILED:
        tell(_("notify-send could not show the notification: {problem}. It needs a desktop session; from "
               "cron, DBUS_SESSION_BUS_ADDRESS must be set (`caretool remind setup` prints a line that sets "
               "it).").format(problem=problem))


def _soon_text(info: Row, *, hint: bool) -> None:
    window = render(durations.spoken(timedelta(minutes=info["minutes"])))
    if not info["doses"]:
        say(_("Nothing is due in the next {window}, and nothing is overdue today.").format(window=window))
        return
    until = datetime.fromisoformat(info["until"]).astimezone()
    count = len(info["doses"])
    say(n_("{count} dose to give by {until}:", "{count} doses to give by {until}:", count).format(
        count=count, until=f"{until:%H:%M}"))
    for d in info["doses"]:
        text = (_("  {time}  {name} {dose}  OVERDUE") if d["overdue"] else _("  {time}  {name} {dose}"))
        say(safe(text.format(time=d["time"], name=d["name"], dose=d["dose"])))
    if hint:
        tell(_("Record a dose with `caretool med take {name}`, or `caretool med skip {name} --reason TEXT`.")
             .format(name=info["doses"][0]["name"]))


# --- med calendar ------------------------------------------------------------------------------
def calendar(plan: Row, *, path: str | None, text: str, alarm: timedelta | None, as_json: bool) -> None:
    """What `med calendar` wrote: the .ics on stdout (no --output) or a summary of the file."""
    if as_json:
        emit_json({"file": path, "zone": plan["zone"], "series": [s.as_dict() for s in plan["series"]],
                   "skipped": plan["skipped"], "horizon": plan["horizon"], "bounded": plan["bounded"],
                   "alarm_minutes": int(alarm.total_seconds() // 60) if alarm is not None else None,
                   "ics": None if path else text})
        _calendar_notes(plan, path, alarm)
        return
    if path is None:
        import sys

        sys.stdout.write(text)
    _calendar_notes(plan, path, alarm)


def _calendar_notes(plan: Row, path: str | None, alarm: timedelta | None) -> None:
    meds = sorted({s.name for s in plan["series"]})
    if path and meds:
        tell(n_("Wrote the calendar of {count} medicine to {path}.",
                "Wrote the calendar of {count} medicines to {path}.", len(meds)).format(
            count=len(meds), path=path))
    elif path:
        tell(_("Wrote {path}, but no medicine has doses to put in it.").format(path=path))
    for item in plan["skipped"]:
        if item["reason"] == "as-needed":
            tell(_("{name} is taken as needed, so it has no calendar events.").format(name=item["name"]))
        else:
            tell(_("{name} has no doses left to put in a calendar.").format(name=item["name"]))
    if plan["series"] and plan["zone"]:
        tell(_("Dose times are in the time zone {zone}.").format(zone=plan["zone"]))
    elif plan["series"]:
        tell(_("This computer's time zone has no name caretool could find, so the times are local: they "
               "show at the same clock time in any time zone."))
    if plan["bounded"]:
        tell(_("{names}: an EXRULE, or two rules giving the same time, cannot be said as a calendar "
               "series, so those doses are written out until {day}. Export again before then.").format(
            names=", ".join(plan["bounded"]), day=plan["horizon"]))
    if alarm is not None and plan["series"]:
        tell(_("Each dose has an alarm {alarm} before it.").format(alarm=render(durations.spoken(alarm)))
             if alarm else _("Each dose has an alarm at its time."))
        tell(_("Some calendar services, Google Calendar among them, ignore alarms in imported files: set the "
               "notifications of the calendar there."))
    if path:
        tell(_("Import it into Google Calendar, Apple Calendar or Outlook: `caretool med calendar --help` "
               "says how. Importing a newer file updates the same events."))


# --- remind setup | remove ----------------------------------------------------------------------
def setup(info: Row, *, as_json: bool, has_notify: bool) -> None:
    if as_json:
        emit_json({**info, "notify_send": has_notify})
        return
    say(_("caretool can be asked every 15 minutes for doses due soon, and show them as a desktop "
          "notification. Use ONE of these two ways (both would notify twice)."))
    say("")
    say(_("1. cron: run `crontab -e` and add this line:"))
    say(info["crontab"])
    say("")
    if info["systemd"]:
        say(_("2. a systemd user timer (it also runs after the computer was off, Persistent=true). "
              "`caretool remind setup --install` writes these two files after asking you:"))
        for key, path in (("service", info["service_file"]), ("timer", info["timer_file"])):
            say("")
            say(f"# {path}")
            for line in info[key].splitlines():
                say(line)
        say("")
        say(_("Then turn it on:"))
        for command in info["enable"]:
            say("  " + command)
    else:
        say(_("2. systemd timers are for Linux; on this computer use the cron line."))
    if info["installed"]:
        tell(_("The systemd timer files are already installed; `caretool remind remove` takes them out."))
    if not has_notify:
        tell(_("notify-send is not installed on this computer, so a reminder would find the doses but could "
               "not show them. Install it (on Debian or Ubuntu: `sudo apt install libnotify-bin`; on Fedora: "
               "`sudo dnf install libnotify`)."))


def installed(info: Row, paths: list[str], *, as_json: bool) -> None:
    if as_json:
        emit_json({**info, "written": paths})
        return
    for path in paths:
        say(_("Wrote {path}").format(path=path))
    tell(_("Now turn the timer on: {commands}").format(commands=" && ".join(info["enable"])))
    tell(_("Check it with `{command}`; `caretool remind remove` takes it out again.").format(
        command=info["check"][0]))


def not_installed(*, as_json: bool) -> None:
    if as_json:
        emit_json({"written": []})
    tell(_("Nothing was written."))


def removed(info: Row, paths: list[str], *, as_json: bool) -> None:
    if as_json:
        emit_json({"removed": paths, "unit_dir": info["timer_file"].rsplit("/", 1)[0]})
        return
    if not paths:
        say(_("Nothing to remove: there are no caretool timer files in {folder}.").format(
            folder=info["timer_file"].rsplit("/", 1)[0]))
        return
    for path in paths:
        say(_("Removed {path}").format(path=path))
    tell(_("If the timer was running, stop it and let systemd forget it: "
           "systemctl --user stop caretool-reminders.timer && systemctl --user daemon-reload"))
    tell(_("A line added with `crontab -e` stays until you delete it there."))
