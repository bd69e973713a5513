"""Medications: schedules as RFC 5545 rules, presets from the reference, doses and adherence.

- schedule.py: pure rule parsing, expansion (dateutil.rrule) and plain-words descriptions.
- presets.py: the usual labelled schedules and short administration notes for ALS medicines.
- service.py: medication records in the household and dose entries in the journal.
"""
