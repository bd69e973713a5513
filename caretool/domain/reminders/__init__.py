"""Reminders that reach the family: the schedule in their own calendar, a "due soon" the
computer's scheduler can ask, and the scheduler set-up.

- zone.py: the household's time zone by its IANA name (for the calendar's VTIMEZONE).
- calendar.py: every medication schedule as iCalendar event series (data; views write the file).
- soon.py: the doses due in the next minutes, and those overdue today (`med due --soon`).
- scheduler.py: a crontab line and a systemd user timer that run `med due --soon`; installing
  and removing the timer files.
"""
