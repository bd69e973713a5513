"""Moving a household between computers: export (JSON or CSV) and import (checked, then merged).

- files.py: private output files (0600, replaced atomically), for exports and reports.
- export.py: the export document and the CSV rows, streamed month by month.
- reading.py: reading an import file with bounds (size, nesting, only regular files) and its envelope.
- household.py: the file's household, checked as init, caregiver add, med add and phase set check.
- records.py: the file's records, checked as log checks them (through the kind registry).
- revisions.py: the file's revisions and tombstones (export version 2), checked.
- importer.py: the whole check (nothing written), then the merge into this home.
- merge.py: the merge's plan for the entries (edits, deletions, conflicts, one check-in per day);
  merge_household.py: the household's parts; sync.py: the revisions, tombstones and conflict
  history a home keeps (in its stats row), which entries/service.py also writes.
"""
