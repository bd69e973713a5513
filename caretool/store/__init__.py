"""The only package that touches TinyDB: a data home of one household file and monthly files.

Use a Store as a context manager for the whole of one command: it takes the lock before the
first read, finishes any commit an earlier command was interrupted in (see txn.py), and, for a
writing command, commits every changed file in one transaction before releasing the lock:
the month files, household.json (with the undo record) and the id index change together or not
at all. Everything read is checked against the file's schema (validate.py); a caller may add a
check of each entry kind's own fields with `check_record`.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

from tinydb import Query, TinyDB

from caretool.core.dates import months_between
from caretool.core.errors import BadInput, DataError, NotFound, NotSetUp
from caretool.core.messages import msg
from caretool.store import files, schema, validate
from caretool.store.lock import HomeLock
from caretool.store.paths import (
    BACKUP_LEFTOVER,
    BACKUP_NAME,
    BACKUPS,
    ENTRIES,
    HOUSEHOLD,
    IDS,
    INTENT,
    ids_folder,
    is_month_name,
    month_file,
    resolve_home,
)
from caretool.store.tinystorage import DeferredAtomicStorage
from caretool.store.validate import ENTRY_TABLE, HOUSEHOLD_TABLES, CheckRecord, CheckRecords

if TYPE_CHECKING:
    from caretool.store.index import IdIndex

__all__ = ["Store", "resolve_home"]

UNDO_DEPTH = 20
Record = dict[str, Any]
T = TypeVar("T")

NEWER, NEWER_HINT = validate.NEWER, validate.NEWER_HINT
HOUSEHOLD_MISSING = msg("store.household-missing", "{path} is missing but entries exist")
READ_ONLY_STORE = "store opened read-only"
NOT_AN_ID = msg("store.not-an-id", "{text!r} is not an entry id")
NOT_AN_ID_HINT = msg("store.not-an-id.hint", "use the id shown by `caretool history` (at least 4 characters)")
NO_SUCH_ENTRY = msg("store.no-such-entry", "no entry with id {id}")
NO_SUCH_ENTRY_HINT = msg("store.no-such-entry.hint", "see ids with `caretool history`")
AMBIGUOUS = msg("store.ambiguous-id", "id {prefix} matches {count} entries")
AMBIGUOUS_HINT = msg("store.ambiguous-id.hint", "type more of the id")
NOT_ENTRIES = msg("store.bad-record", "refusing to store an entry that is not a record: {value}")


class Store:
    def __init__(self, home: Path, *, write: bool = False, check_record: CheckRecord | None = None,
                 check_records: CheckRecords | None = None, repair: bool = False, tidy: bool = True) -> None:
        """repair=True opens without reading anything (restore and doctor work on a damaged
        home); tidy=False leaves leftovers and modes alone so that doctor can report them.
        check_records: a quick whole-month form of check_record (see validate.check_month)."""
        self.home = home
        self.write = write
        self.check_record = check_record
        self.check_records = check_records
        self.repair = repair
        self.tidy = tidy
        self.recovered = False  # an interrupted commit was finished when this store opened
        self._lock = HomeLock(home, exclusive=write)
        self._dbs: dict[Path, TinyDB] = {}
        self._raw: dict[Path, list[Record]] = {}
        self._index: IdIndex | None = None
        self._months_replaced = False
        self._replace: dict[Path, bytes | None] = {}
        self._replace_ids: dict[str, list[str]] | None = None

    # --- lifetime -------------------------------------------------------------------------
    def __enter__(self) -> Store:
        if self.write and not (self.repair and self.home.is_dir()):
            files.make_private_dir(self.home)
        self._lock.acquire()
        try:
            self._prepare()
            if not self.repair:
                self._check_version()
        except BaseException:
            self._lock.release()
            raise
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if kind is None and self.write:
                self.commit()
        finally:
            self._dbs.clear()
            self._raw.clear()
            self._lock.release()

    def _prepare(self) -> None:
        """Before anything is read: finish an interrupted commit, then (writing) tidy up."""
        if not self.write:
            if files.lstat_or_none(self.home / INTENT) is not None:  # finishing it needs the write lock
                from caretool.store import txn

                self._lock.release()
                self._lock = HomeLock(self.home, exclusive=True)
                self._lock.acquire()
                self.recovered = txn.recover(self.home)
            return
        from caretool.store import txn  # here, not at the top: a reading command never needs it

        self.recovered = txn.recover(self.home)
        if self.tidy:
            txn.clean_leftovers(self.home)
            self._clean_backup_leftovers()
            self._fix_modes()

    def _clean_backup_leftovers(self) -> None:
        try:
            names = os.listdir(self.home / BACKUPS)
        except (FileNotFoundError, NotADirectoryError):
            return
        if any(BACKUP_LEFTOVER.match(name) for name in names):
            from caretool.store import backup

            backup.clean_leftovers(self.home)

    def _fix_modes(self) -> None:
        """Folders 0700 and files 0600: take away what group and others were given.

        Runs before every write, so it stays cheap: one scandir per folder, plain strings.
        """
        from caretool.store.paths import INDEX_ROOT, SHARD_NAME

        def tighten(path: str, mode: int, keep: int) -> None:
            if mode & 0o077:
                with contextlib.suppress(OSError):  # not ours to change: doctor reports it
                    os.chmod(path, stat.S_IMODE(mode) & keep)

        home = os.fspath(self.home)
        entries = os.path.join(home, ENTRIES)
        ids = os.path.join(entries, IDS)
        ours = {home: lambda name: name == HOUSEHOLD, entries: is_month_name,
                ids: lambda name: name == INDEX_ROOT or SHARD_NAME.match(name) is not None,
                os.path.join(home, BACKUPS): None}
        for folder, wanted in ours.items():
            try:
                info = os.lstat(folder)
            except OSError:
                continue
            if not stat.S_ISDIR(info.st_mode):
                continue
            tighten(folder, info.st_mode, 0o700)
            if wanted is None:
                continue
            with os.scandir(folder) as items:
                for item in items:
                    if wanted(item.name):
                        mode = item.stat(follow_symlinks=False).st_mode
                        if stat.S_ISREG(mode):
                            tighten(item.path, mode, 0o600)

    def commit(self) -> None:
        """Write every changed file in one transaction (see txn.py); nothing if nothing changed."""
        if not self.write:
            return
        changes: dict[Path, bytes | None] = {}
        household = self.household_path
        for path, db in self._dbs.items():
            storage = _storage(db)
            if storage.dirty and storage.data is not None:
                if path == household:
                    validate.check_household(path, storage.data)
                changes[path] = files.dumps(storage.data)
        changes.update(self._replace)
        index = self._index_to_save()
        if not changes and (index is None or not index.dirty):
            return
        self._lock.check()
        if changes:  # the index alone is derived data: nothing to back up for it
            self._daily_backup()
        if any(p.parent == self.home / ENTRIES for p in changes):
            files.real_folder(self.home / ENTRIES)
            files.make_private_dir(self.home / ENTRIES)
        if index is not None:
            files.real_folder(ids_folder(self.home))
            files.make_private_dir(ids_folder(self.home))
        from caretool.store import txn

        tx = txn.Transaction(self.home)
        try:
            months = dict(index.months_on_disk) if index is not None else {}
            for path in sorted(changes, key=lambda p: p == household):
                payload = changes[path]
                if payload is None:
                    tx.remove(path)
                    months.pop(path.stem, None)
                else:
                    identity = tx.put(path, payload)
                    if path.parent == self.home / ENTRIES:
                        months[path.stem] = identity
            if index is not None:
                index.save(tx, lambda: months)
            tx.commit()
        except BaseException:
            tx.abort()
            raise
        for db in self._dbs.values():
            _storage(db).dirty = False
        self._replace.clear()
        self._replace_ids = None
        self._months_replaced = False
        self._index = None  # the next use re-reads what was just written

    def _daily_backup(self) -> None:
        """A copy of the home before the first change of each day (cheap: unchanged files are linked)."""
        info = files.lstat_or_none(self.household_path)
        if info is None or not stat.S_ISREG(info.st_mode):
            return  # nothing to keep yet
        today = datetime.now().strftime("%Y%m%d")
        root = self.home / BACKUPS
        try:
            names = os.listdir(root)
        except (FileNotFoundError, NotADirectoryError):
            names = []
        if not any(name.startswith(today) and BACKUP_NAME.match(name) and _is_folder(root / name)
                   for name in names):
            from caretool.store import backup  # only now: the module costs every write a little

            backup.make_backup(self.home, reason="daily")

    def _db(self, path: Path) -> TinyDB:
        db = self._dbs.get(path)
        if db is None:
            check = self._check_household_file if path == self.household_path else self._check_month_file
            if not self.write and files.lstat_or_none(path) is None:
                db = TinyDB(storage=_ReadOnlyEmpty)
            else:
                db = TinyDB(path, storage=DeferredAtomicStorage, check=check)
            self._dbs[path] = db
        return db

    def _require_write(self) -> None:
        if not self.write:
            raise RuntimeError(READ_ONLY_STORE)

    # --- schema ---------------------------------------------------------------------------
    def _check_household_file(self, path: Path, data: Any) -> dict[str, Any]:
        data = validate.check_tables(path, data)
        version = validate.schema_version(path, data)
        if version > schema.SCHEMA_VERSION:
            raise DataError(NEWER(path=str(path), version=version, supported=schema.SCHEMA_VERSION),
                            NEWER_HINT)
        if version == schema.SCHEMA_VERSION:
            validate.check_household(path, data)
        return data

    def _check_month_file(self, path: Path, data: Any) -> dict[str, Any]:
        return validate.check_month(path, data, self.check_record, self.check_records)

    @property
    def household_path(self) -> Path:
        return self.home / HOUSEHOLD

    def has_household(self) -> bool:
        db = self._dbs.get(self.household_path)
        return files.lstat_or_none(self.household_path) is not None or (
            db is not None and _storage(db).dirty)

    def schema_version(self) -> int:
        self._db(self.household_path).tables()  # reads (and checks) the file
        data = _storage(self._db(self.household_path)).data or {}
        return validate.schema_version(self.household_path, data)

    def _check_version(self) -> None:
        if not self.has_household():
            if self.month_keys():
                raise DataError(HOUSEHOLD_MISSING(path=str(self.household_path)), files.RECOVER_HINT)
            return
        version = self.schema_version()
        if version < schema.SCHEMA_VERSION:
            self._migrate(version)

    def _migrate(self, version: int) -> None:
        if not self.write:  # a migration rewrites files, so it needs the exclusive lock
            self._lock.release()
            self._dbs.clear()
            self._lock = HomeLock(self.home, exclusive=True)
            self._lock.acquire()
            self.write = True
            from caretool.store import txn

            txn.recover(self.home)
            version = self.schema_version()
            if version == schema.SCHEMA_VERSION:
                return
        from caretool.store.backup import make_backup

        make_backup(self.home, reason=f"before-migration-{version}-to-{schema.SCHEMA_VERSION}")
        tables = self._all_tables()
        months = {key: self.month_records(key) for key in self.month_keys()}
        for step in range(version + 1, schema.SCHEMA_VERSION + 1):
            schema.MIGRATIONS[step](tables, months)
        for name, rows in tables.items():
            self._replace_table(self.household_path, name, rows)
        for key, records in months.items():
            self._replace_table(month_file(self.home, key), ENTRY_TABLE, records)
        self._set_meta(schema.SCHEMA_VERSION)
        self.commit()

    def _set_meta(self, version: int) -> None:
        self._replace_table(self.household_path, "meta", [{"schema_version": version}])

    def _all_tables(self) -> dict[str, list[Record]]:
        db = self._db(self.household_path)
        return {name: [dict(d) for d in db.table(name).all()]
                for name in db.tables() if name != "meta"}

    def _replace_table(self, path: Path, name: str, rows: list[Record]) -> None:
        if path != self.household_path:
            for row in rows:
                validate.check_entry(path, path.stem, row, self.check_record)
            self._months_replaced = True
        table = self._db(path).table(name)
        table.truncate()
        if rows:
            table.insert_multiple(rows)

    # --- household ------------------------------------------------------------------------
    def require_household(self) -> None:
        if not self.has_household():
            raise NotSetUp(str(self.home))

    def household_tables(self) -> dict[str, list[Record]]:
        self.require_household()
        db = self._db(self.household_path)
        return {name: [dict(d) for d in db.table(name).all()] for name in HOUSEHOLD_TABLES}

    def save_household(self, tables: dict[str, list[Record]]) -> None:
        """Replace the household tables given (checked against the schema when committed)."""
        self._require_write()
        if not self.has_household():
            self._set_meta(schema.SCHEMA_VERSION)
        for name in HOUSEHOLD_TABLES:
            if name in tables:
                self._replace_table(self.household_path, name, tables[name])

    def push_undo(self, action: Record) -> None:
        self._require_write()
        table = self._db(self.household_path).table("undo")
        rows = [*[dict(d) for d in table.all()][-(UNDO_DEPTH - 1):], action]
        self._replace_table(self.household_path, "undo", rows)

    def pop_undo(self) -> Record | None:
        self._require_write()
        rows = [dict(d) for d in self._db(self.household_path).table("undo").all()]
        if not rows:
            return None
        self._replace_table(self.household_path, "undo", rows[:-1])
        return rows[-1]

    # --- entries --------------------------------------------------------------------------
    def month_keys(self) -> list[str]:
        """Months with entries: files on disk, plus months first written in this command."""
        folder = self.home / ENTRIES
        keys = set()
        if files.real_folder(folder):
            keys = {name[:-5] for name in os.listdir(folder) if is_month_name(name)}
        keys.update(path.stem for path, db in self._dbs.items()
                    if path.parent == folder and _storage(db).dirty)
        keys.update(path.stem for path, payload in self._replace.items()
                    if path.parent == folder and payload is not None)
        return sorted(keys)

    def month_records(self, key: str) -> list[Record]:
        path = month_file(self.home, key)
        if not self.write and path not in self._dbs:
            return [dict(r) for r in self._read_month(path)]
        return [dict(d) for d in self._db(path).table(ENTRY_TABLE).all()]

    def _read_month(self, path: Path) -> list[Record]:
        """A month read straight from its file when only reading: TinyDB's per-record Document
        copies cost more than parsing the file, and a command such as export reads every month."""
        raw = self._raw.get(path)
        if raw is None:
            data = files.read_json(path)
            raw = [] if data is None else list(self._check_month_file(path, data)[ENTRY_TABLE].values())
            if not self.write:
                self._raw[path] = raw
        return raw

    def backup(self, reason: str) -> Path:
        """A copy of the whole home in backups/, taken before a risky change."""
        from caretool.store.backup import make_backup

        return make_backup(self.home, reason=reason)

    def records_between(self, start: date, end: date) -> list[Record]:
        """Entries whose local day is within [start, end], reading only those months."""
        lo, hi = start.isoformat(), end.isoformat()
        present = set(self.month_keys())
        out: list[Record] = []
        for key in months_between(start, end):
            if key in present:
                out.extend(r for r in self.month_records(key) if lo <= r["day"] <= hi)
        out.sort(key=lambda r: r["at"])
        return out

    def newest_records(self) -> Iterator[Record]:
        """Entries newest first, reading one month at a time, so `--limit 20` reads one or two."""
        for key in reversed(self.month_keys()):
            yield from sorted(self.month_records(key), key=lambda r: r["at"], reverse=True)

    def insert(self, records: list[Record]) -> None:
        """Add entries, one bulk insert per month (TinyDB copies a table on every insert)."""
        self._require_write()
        by_month: dict[str, list[Record]] = {}
        for record in records:
            if not isinstance(record, dict):
                raise DataError(NOT_ENTRIES(value=repr(record)[:60]), files.BUG_HINT)
            day = record.get("day")
            by_month.setdefault(day[:7] if type(day) is str else "", []).append(record)
        for key, batch in by_month.items():
            good_key = validate.is_day(f"{key}-01")
            path = month_file(self.home, key) if good_key else self.home / ENTRIES
            for record in batch:  # the store never writes what it would refuse to read
                validate.check_entry(path, key if good_key else None, record, self.check_record)
        index = self._index_for_write()
        for key, batch in by_month.items():
            self._db(month_file(self.home, key)).table(ENTRY_TABLE).insert_multiple(batch)
            for record in batch:
                index.added(record["id"], key)

    def delete(self, entry_id: str) -> Record:
        self._require_write()
        record = self.get(entry_id)
        self._db(month_file(self.home, record["day"][:7])).table(ENTRY_TABLE).remove(
            Query().id == entry_id)
        self._index_for_write().removed(entry_id)
        return record

    def update(self, record: Record) -> Record:
        """Replace the stored entry with the same id; moves it if its month changed."""
        before = self.delete(record["id"])
        self.insert([record])
        return before

    def get(self, entry_id: str) -> Record:
        for _ in range(2 if validate.is_id(entry_id) else 0):
            month = self._look_up(lambda index: index.month_of(entry_id))
            if month is None:
                break
            for record in self.month_records(month):
                if record["id"] == entry_id:
                    return record
            self.rebuild_index()  # the index named a month that does not hold it: start again
        raise NotFound(NO_SUCH_ENTRY(id=entry_id), NO_SUCH_ENTRY_HINT)

    def find(self, prefix: str) -> Record:
        """The entry whose id starts with prefix (at least 4 characters)."""
        prefix = prefix.strip().lower()
        if len(prefix) < 4 or len(prefix) > 32 or not all(c in "0123456789abcdef" for c in prefix):
            raise BadInput(NOT_AN_ID(text=prefix), NOT_AN_ID_HINT)
        found = self._look_up(lambda index: index.matching(prefix))
        if not found:
            raise NotFound(NO_SUCH_ENTRY(id=prefix), NO_SUCH_ENTRY_HINT)
        if len(found) > 1:
            raise BadInput(AMBIGUOUS(prefix=prefix, count=len(found)), AMBIGUOUS_HINT)
        return self.get(found[0][0])

    def has_id(self, entry_id: str, month_key: str) -> bool:
        return any(r["id"] == entry_id for r in self.month_records(month_key))

    # --- the id index ---------------------------------------------------------------------
    def _index_for_write(self) -> IdIndex:
        if self._index is None:
            from caretool.store.index import IdIndex

            self._index = IdIndex(self.home)
        return self._index

    def _look_up(self, question: Callable[[IdIndex], T]) -> T:
        """Ask the index; if reading it showed it stale, rebuild it and ask again."""
        index = self._ready_index()
        answer = question(index)
        if not index.trusted:
            self.rebuild_index()
            answer = question(self._ready_index())
        return answer

    def _ready_index(self) -> IdIndex:
        index = self._index_for_write()
        if not index.trusted:
            self.rebuild_index()
            assert self._index is not None
            index = self._index
        return index

    def rebuild_index(self, months: dict[str, list[str]] | None = None) -> None:
        """Index every month again (the month files are the truth), or the ids given per month
        by a caller that has just read them all; saved with the next commit."""
        index = self._index_for_write()
        if months is not None:
            index.rebuild(months.items())
        else:
            index.rebuild((key, [r["id"] for r in self._month_for_index(key)]) for key in self.month_keys())

    def _month_for_index(self, key: str) -> list[Record]:
        path = month_file(self.home, key)
        if path in self._replace:
            return []  # restore gives the ids itself
        if path in self._dbs or not self.write:
            return self.month_records(key)
        return self._read_month(path)

    def _index_to_save(self) -> IdIndex | None:
        """The index to write with this commit, rebuilt first when it cannot be trusted but every
        month is at hand anyway (an import or a migration has read them all)."""
        index = self._index
        if self._replace_ids is not None:
            index = self._index_for_write()
            index.rebuild(self._replace_ids.items())
        elif self._months_replaced or (index is not None and not index.trusted and all(
                month_file(self.home, key) in self._dbs for key in self.month_keys())):
            self.rebuild_index()
            index = self._index
        return index if index is not None and index.trusted else None

    # --- whole files (restore) ------------------------------------------------------------
    def replace_home(self, household: bytes, months: dict[str, bytes], ids: dict[str, list[str]]) -> None:
        """Make the home hold exactly these files (and an index of these ids) at the next commit.

        Month files of caretool's that are not given are removed; nothing else is touched.
        """
        self._require_write()
        self._dbs.clear()
        self._replace = {self.household_path: household}
        folder = self.home / ENTRIES
        existing = set(os.listdir(folder)) if files.real_folder(folder) else set()
        for name in sorted(existing):
            if is_month_name(name) and name[:-5] not in months:
                self._replace[folder / name] = None
        for key, payload in months.items():
            self._replace[month_file(self.home, key)] = payload
        self._replace_ids = {k: list(v) for k, v in ids.items()}
        self._index = None


def _is_folder(path: Path) -> bool:
    info = files.lstat_or_none(path)
    return info is not None and stat.S_ISDIR(info.st_mode)


def _storage(db: TinyDB) -> DeferredAtomicStorage:
    storage = db.storage
    assert isinstance(storage, DeferredAtomicStorage)
    return storage


class _ReadOnlyEmpty(DeferredAtomicStorage):
    """Stands in for a month file that does not exist when only reading."""

    def __init__(self) -> None:
        super().__init__(os.devnull)
        self._loaded = True

    def write(self, data: dict[str, Any]) -> None:
        raise RuntimeError(READ_ONLY_STORE)
