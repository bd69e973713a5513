"""Check every file of a data home and say what is wrong and how to fix it.

Doctor takes the write lock, finishes a change an earlier command was interrupted in, and
rebuilds the id index when it is missing or out of date (derived data: nothing is lost). It
changes nothing else: damaged files, foreign files, leftovers and modes are reported with a fix.
Every suggestion to restore names the newest backup that passes the same checks.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from caretool.core.errors import CaretoolError, DataError, LockedError
from caretool.core.messages import Message, msg, render
from caretool.store import backup, files, paths, schema, validate
from caretool.store.index import IdIndex, shard_of
from caretool.store.paths import BACKUPS, ENTRIES, HOUSEHOLD, IDS, INTENT, LEGACY_LOCK

HOME_MISSING = msg("doctor.home-missing", "the data folder does not exist")
INIT_FIX = msg("doctor.fix.init", "run `caretool init` to set up a household")
NO_HOUSEHOLD = msg("doctor.no-household", "there is no household file")
RESTORE_FIX = msg("doctor.fix.restore",
                  "restore the newest good backup: `caretool backup --restore {name}`")
RESTORE_OR_INIT_FIX = msg("doctor.fix.restore-or-init",
                          "restore the newest good backup (`caretool backup --restore {name}`), or run "
                          "`caretool init`")
NO_GOOD_FIX = msg("doctor.fix.no-good-backup",
                  "no backup passes the checks: move the file aside and re-enter what it held, or "
                  "restore it from your own copy")
UPGRADE_FIX = msg("doctor.fix.upgrade", "upgrade caretool; do not edit the file")
MODE_OPEN = msg("doctor.mode-open", "its permissions are {mode}, so others can read it")
MODE_FIX = msg("doctor.fix.mode",
               "the next caretool command that writes fixes it (or run: chmod {wanted} '{path}')")
LEFTOVER_TEMP = msg("doctor.leftover-temp", "a temporary file left over from an interrupted write")
LEFTOVER_TEMP_FIX = msg("doctor.fix.leftover-temp",
                        "harmless: the change it belonged to never happened; the next command that "
                        "writes removes it")
FOREIGN = msg("doctor.foreign", "this was not written by caretool, so caretool leaves it alone")
FOREIGN_MONTH = msg("doctor.foreign-month",
                    "this looks like a month file but is not named the way caretool names them "
                    "(YYYY-MM.json), so caretool neither reads nor changes it")
FOREIGN_FIX = msg("doctor.fix.foreign", "move it out of the data folder if it does not belong there")
DUPLICATE = msg("doctor.duplicate", "entry {id} is also in {other}")
DUPLICATE_FIX = msg("doctor.fix.duplicate", "delete one copy: `caretool delete {id}`")
RECOVERED = msg("doctor.recovered",
                "a change that was interrupted has been finished, so the data holds it whole")
NOTHING_FIX = msg("doctor.fix.nothing", "nothing to do")
INDEX_REBUILT = msg("doctor.index-rebuilt",
                    "the id index was missing or out of date and has been rebuilt from the month "
                    "files (it is derived data: nothing was lost)")
INDEX_STALE = msg("doctor.index-stale",
                  "the id index is missing or out of date (it is derived data, rebuilt from the month files)")
INDEX_STALE_FIX = msg("doctor.fix.index-stale",
                      "run `caretool doctor` again when the folder is writable; until then edit and "
                      "delete read every month")
BACKUP_DAMAGED = msg("doctor.backup-damaged", "this backup is damaged and will not be suggested: {problem}")
BACKUP_DAMAGED_FIX = msg("doctor.fix.backup-damaged", "remove it when you no longer need it: rm -r '{path}'")
BACKUP_LEFTOVER = msg("doctor.backup-leftover",
                      "left over from an interrupted backup; it is not listed and is never restored")
BACKUP_LEFTOVER_FIX = msg("doctor.fix.backup-leftover", "harmless: the next command that writes removes it")
NO_GOOD_BACKUP = msg("doctor.no-good-backup", "none of the {count} backups passes the checks")
NO_GOOD_BACKUP_FIX = msg("doctor.fix.no-good-backup-made",
                         "make a fresh one once the data is sound: `caretool backup`")
MORE_PROBLEMS = msg("doctor.more-problems", "{count} more problems of the same file are not listed")
REPORT_LIMIT = 5  # problems listed per file


@dataclass
class Finding:
    level: str  # "error" (data cannot be used), "warning" (works, but should be fixed), "info" (done)
    path: str
    problem: Message
    fix: Message

    @property
    def code(self) -> str:
        return self.problem.id

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "path": self.path, "code": self.code,
                "problem": render(self.problem), "fix": render(self.fix)}


class _Doctor:
    def __init__(self, home: Path, check_record: validate.CheckRecord | None) -> None:
        self.home = home
        self.check_record = check_record
        self.found: list[Finding] = []
        self._good: Path | None = None
        self._good_known = False
        self.expected_ids: dict[str, str] | None = {}

    def add(self, level: str, path: Path | str, problem: Message, fix: Message) -> None:
        self.found.append(Finding(level, str(path), problem, fix))

    # --- the newest good backup, found once --------------------------------------------------
    def newest_good(self) -> Path | None:
        if not self._good_known:
            self._good_known = True
            listed = backup.list_backups(self.home)
            for folder in reversed(listed):
                problems = backup.check_backup(folder, self.check_record)
                if not problems:
                    self._good = folder
                    break
                self.add("warning", folder, BACKUP_DAMAGED(problem=problems[0]),
                         BACKUP_DAMAGED_FIX(path=str(folder)))
            if listed and self._good is None:
                self.add("warning", self.home / BACKUPS, NO_GOOD_BACKUP(count=len(listed)),
                         NO_GOOD_BACKUP_FIX)
        return self._good

    def restore_fix(self) -> Message:
        good = self.newest_good()
        return RESTORE_FIX(name=good.name) if good else NO_GOOD_FIX

    def damaged(self, path: Path, problem: Message) -> None:
        self.add("error", path, problem, self.restore_fix())

    # --- modes ------------------------------------------------------------------------------
    def mode(self, path: Path, info: os.stat_result, wanted: int) -> None:
        mode = stat.S_IMODE(info.st_mode)
        if mode & 0o077:
            self.add("warning", path, MODE_OPEN(mode=f"{mode:o}"),
                     MODE_FIX(wanted=f"{wanted:o}", path=str(path)))

    # --- the files ----------------------------------------------------------------------------
    def household(self) -> None:
        path = self.home / HOUSEHOLD
        info = files.lstat_or_none(path)
        if info is None:
            good = self.newest_good()
            self.add("error", path, NO_HOUSEHOLD,
                     RESTORE_OR_INIT_FIX(name=good.name) if good else INIT_FIX)
            return
        try:
            data = validate.check_tables(path, files.read_json(path))
            version = validate.schema_version(path, data)
        except DataError as exc:
            self.damaged(path, exc.message)
            return
        if version > schema.SCHEMA_VERSION:
            self.add("error", path, validate.NEWER(path=str(path), version=version,
                                                   supported=schema.SCHEMA_VERSION), UPGRADE_FIX)
            return
        if version == schema.SCHEMA_VERSION:
            for problem in validate.household_problems(path, data):
                self.damaged(path, problem)
        self.mode(path, info, 0o600)

    def folder(self, relative: str) -> Path | None:
        """A folder of caretool's that is a real folder (a link or file there is an error)."""
        path = self.home / relative
        try:
            if not files.real_folder(path):
                return None
        except DataError as exc:
            self.damaged(path, exc.message)
            return None
        self.mode(path, os.lstat(path), 0o700)
        return path

    def months(self) -> None:
        folder = self.folder(ENTRIES)
        if folder is None:
            return
        seen: dict[str, str] = {}
        for item in sorted(os.scandir(folder), key=lambda i: i.name):
            path = Path(item.path)
            if item.name == IDS and item.is_dir(follow_symlinks=False):
                continue
            if paths.is_our_temp(ENTRIES, item.name):
                self.add("warning", path, LEFTOVER_TEMP, LEFTOVER_TEMP_FIX)
                continue
            if not paths.is_month_name(item.name):
                looks = item.name.lower().endswith(".json") and paths.is_month_name(item.name.lower())
                self.add("warning", path, FOREIGN_MONTH if looks else FOREIGN, FOREIGN_FIX)
                continue
            try:
                data = files.read_json(path)
            except DataError as exc:
                self.damaged(path, exc.message)
                self.expected_ids = None
                continue
            problems, records = validate.month_problems(path, data, self.check_record)
            for problem in problems[:REPORT_LIMIT]:
                self.damaged(path, problem)
            if len(problems) > REPORT_LIMIT:
                self.add("error", path, MORE_PROBLEMS(count=len(problems) - REPORT_LIMIT), self.restore_fix())
            if problems:
                self.expected_ids = None
            self.mode(path, item.stat(follow_symlinks=False), 0o600)
            for record in records:
                entry_id = record["id"]
                if entry_id in seen:
                    self.add("warning", path, DUPLICATE(id=entry_id[:7], other=seen[entry_id]),
                             DUPLICATE_FIX(id=entry_id))
                    self.expected_ids = None
                seen[entry_id] = item.name
                if self.expected_ids is not None:
                    self.expected_ids[entry_id] = item.name[:-5]

    def index_folder(self) -> None:
        folder = self.folder(f"{ENTRIES}/{IDS}")
        if folder is None:
            return
        for item in sorted(os.scandir(folder), key=lambda i: i.name):
            relative = f"{ENTRIES}/{IDS}/{item.name}"
            if paths.is_our_temp(f"{ENTRIES}/{IDS}", item.name):
                self.add("warning", item.path, LEFTOVER_TEMP, LEFTOVER_TEMP_FIX)
            elif not paths.is_our_data_name(relative):
                self.add("warning", item.path, FOREIGN, FOREIGN_FIX)
            else:
                self.mode(Path(item.path), item.stat(follow_symlinks=False), 0o600)

    def home_items(self) -> None:
        known = {HOUSEHOLD, ENTRIES, BACKUPS, LEGACY_LOCK, INTENT}
        for item in sorted(os.scandir(self.home), key=lambda i: i.name):
            if item.name in known:
                continue
            if paths.is_our_temp("", item.name):
                self.add("warning", item.path, LEFTOVER_TEMP, LEFTOVER_TEMP_FIX)
            else:
                self.add("warning", item.path, FOREIGN, FOREIGN_FIX)

    def backups(self) -> None:
        folder = self.folder(BACKUPS)
        if folder is None:
            return
        listed = set(backup.list_backups(self.home))
        gone = set(backup.leftovers(self.home))
        for item in sorted(os.scandir(folder), key=lambda i: i.name):
            path = Path(item.path)
            if path in gone:
                self.add("warning", path, BACKUP_LEFTOVER, BACKUP_LEFTOVER_FIX)
            elif path not in listed:
                self.add("warning", path, FOREIGN, FOREIGN_FIX)
            else:
                self.mode(path, item.stat(follow_symlinks=False), 0o700)
        self.newest_good()

    def index(self, store: Any) -> None:
        """Rebuild the id index when it does not describe the month files exactly."""
        expected = self.expected_ids
        if expected is None:  # the months need fixing first; the index follows them
            return
        index = IdIndex(self.home)
        by_shard: dict[str, dict[str, str]] = {}
        for entry_id, month in expected.items():
            by_shard.setdefault(shard_of(entry_id), {})[entry_id] = month
        keys = set(by_shard) | set(index.shard_keys())
        same = index.trusted and all(index.shard(key) == by_shard.get(key, {}) for key in keys)
        if same and index.trusted:  # reading a shard may have found it stale
            return
        if store is None:
            self.add("warning", self.home / ENTRIES / IDS, INDEX_STALE, INDEX_STALE_FIX)
            return
        months: dict[str, list[str]] = {}
        for entry_id, month in expected.items():
            months.setdefault(month, []).append(entry_id)
        try:
            store.rebuild_index(months)
            store.commit()
        except CaretoolError:
            self.add("warning", self.home / ENTRIES / IDS, INDEX_STALE, INDEX_STALE_FIX)
            return
        self.add("info", self.home / ENTRIES / IDS, INDEX_REBUILT, NOTHING_FIX)


def check_home(home: Path, check_record: validate.CheckRecord | None = None) -> list[Finding]:
    doctor = _Doctor(home, check_record)
    if not home.exists():
        return [Finding("error", str(home), HOME_MISSING, INIT_FIX)]
    from caretool.store import Store

    opened = Store(home, write=True, repair=True, tidy=False, check_record=check_record)
    store: Store | None = opened
    try:
        opened.__enter__()
    except LockedError:
        raise
    except DataError as exc:  # an unfinished change that cannot be finished: say so, check the rest
        doctor.add("error", home / INTENT, exc.message, exc.hint or NOTHING_FIX)
        store = None
    try:
        if store is not None and store.recovered:
            doctor.add("info", home / INTENT, RECOVERED, NOTHING_FIX)
        info = os.stat(home)
        doctor.mode(home, info, 0o700)
        doctor.home_items()
        doctor.household()
        doctor.months()
        doctor.index_folder()
        doctor.backups()
        writable = bool(os.stat(home).st_mode & stat.S_IWUSR) and os.access(home, os.W_OK)
        doctor.index(store if writable else None)
    finally:
        if store is not None:
            store.write = False  # doctor commits only the index, above; nothing on the way out
            store.__exit__(None, None, None)
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(doctor.found, key=lambda f: order[f.level])

