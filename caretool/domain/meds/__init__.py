"""Medications: schedules as RFC 5545 rules, presets from the labels, doses and adherence.

- schedule.py: pure rule parsing, expansion (dateutil.rrule), checks and re-timing.
- plain_words.py: a schedule in plain words, as whole-sentence Messages.
- wording.py: lists ("08:00, 14:00 and 20:00"), weekday names and times as Messages.
- presets.py: the usual labelled schedules and short administration notes for ALS medicines.
- names.py: finding a medicine by name, former name, preset, prefix; spelling suggestions.
- doses.py: scheduled doses and their states, which dose a recording fills, notes, adherence.
- stock.py: what is at hand, derived from the last count and the doses taken after it.
- limits.py: an as-needed medicine's limits (at most N in 24 hours, a minimum gap).
- durations.py: lengths of time as typed (30m, 4h, 1h30m, 30분).
- service.py: medication records in the household, and what the `med` commands call.
"""
