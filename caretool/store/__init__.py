"""The only package that touches TinyDB: a data home of one household file and monthly files.

Use a Store as a context manager for the whole of one command: it takes the lock before the
first read and, for a writing command, commits every changed file atomically before releasing it.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

from tinydb import Query, TinyDB

from caretool.core.dates import months_between
from caretool.core.errors import BadInput, DataError, NotFound, NotSetUp
from caretool.store import files, schema
from caretool.store.lock import HomeLock
from caretool.store.paths import ENTRIES, HOUSEHOLD, LOCK, month_file, resolve_home
from caretool.store.tinystorage import DeferredAtomicStorage

__all__ = ["Store", "resolve_home"]

ENTRY_TABLE = "entries"
HOUSEHOLD_TABLES = ("person", "caregivers", "settings", "phases", "medications", "stats", "contacts",
                    "equipment", "decisions")
UNDO_DEPTH = 20
Record = dict[str, Any]


class Store:
    def __init__(self, home: Path, *, write: bool = False) -> None:
        self.home = home
        self.write = write
        self._lock = HomeLock(home / LOCK, exclusive=write)
        self._dbs: dict[Path, TinyDB] = {}
        self._raw: dict[Path, list[Record]] = {}

    # --- lifetime -------------------------------------------------------------------------
    def __enter__(self) -> Store:
        if self.write:
            files.make_private_dir(self.home)
        self._lock.acquire()
        try:
            if self.write:
                files.clean_leftovers(self.home)
                files.clean_leftovers(self.home / ENTRIES)
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

    def commit(self) -> None:
        """Write every changed file; entries before the household so undo never points nowhere."""
        storages = [_storage(db) for db in self._dbs.values()]
        household = self.home / HOUSEHOLD
        storages.sort(key=lambda s: s.path == household)
        if any(s.dirty for s in storages):
            files.make_private_dir(self.home / ENTRIES)
        for storage in storages:
            storage.commit()

    def _db(self, path: Path) -> TinyDB:
        db = self._dbs.get(path)
        if db is None:
            if not self.write and not path.exists():
                db = TinyDB(storage=_ReadOnlyEmpty)
            else:
                db = TinyDB(path, storage=DeferredAtomicStorage)
            self._dbs[path] = db
        return db

    def _require_write(self) -> None:
        if not self.write:
            raise RuntimeError("store opened read-only")

    # --- schema ---------------------------------------------------------------------------
    @property
    def household_path(self) -> Path:
        return self.home / HOUSEHOLD

    def has_household(self) -> bool:
        db = self._dbs.get(self.household_path)
        return self.household_path.exists() or (db is not None and _storage(db).dirty)

    def schema_version(self) -> int:
        meta = self._db(self.household_path).table("meta").all()
        try:
            return int(meta[0]["schema_version"])
        except (IndexError, KeyError, TypeError, ValueError):
            raise DataError(f"{self.household_path} has no schema version",
                            files.RECOVER_HINT) from None

    def _check_version(self) -> None:
        if not self.has_household():
            if (self.home / ENTRIES).is_dir() and any((self.home / ENTRIES).glob("*.json")):
                raise DataError(f"{self.household_path} is missing but entries exist",
                                files.RECOVER_HINT)
            return
        version = self.schema_version()
        if version > schema.SCHEMA_VERSION:
            raise DataError(
                f"{self.household_path} was written by a newer caretool (schema {version}, "
                f"this one reads up to {schema.SCHEMA_VERSION})",
                "upgrade caretool (pip install -U caretool); the file was not changed",
            )
        if version < schema.SCHEMA_VERSION:
            self._migrate(version)

    def _migrate(self, version: int) -> None:
        if not self.write:  # a migration rewrites files, so it needs the exclusive lock
            self._lock.release()
            self._dbs.clear()
            self._lock = HomeLock(self.home / LOCK, exclusive=True)
            self._lock.acquire()
            self.write = True
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
        pattern = "[0-9][0-9][0-9][0-9]-[0-9][0-9].json"
        keys = {p.stem for p in folder.glob(pattern)} if folder.is_dir() else set()
        keys.update(path.stem for path, db in self._dbs.items()
                    if path.parent == folder and _storage(db).dirty)
        return sorted(keys)

    def month_records(self, key: str) -> list[Record]:
        path = month_file(self.home, key)
        if not self.write and path not in self._dbs:
            records = self._read_month(path)
        else:
            records = [dict(d) for d in self._db(path).table(ENTRY_TABLE).all()]
        for record in records:
            if not isinstance(record.get("id"), str) or not isinstance(record.get("at"), str):
                raise DataError(f"{path} has an entry without an id or time", files.RECOVER_HINT)
        return records

    def _read_month(self, path: Path) -> list[Record]:
        """A month read straight from its file when only reading: TinyDB's per-record Document
        copies cost more than parsing the file, and a command such as export reads every month."""
        raw = self._raw.get(path)
        if raw is None:
            data = files.check_tinydb_shape(path, files.read_json(path) or {})
            raw = self._raw[path] = list(data.get(ENTRY_TABLE, {}).values())
        return [dict(r) for r in raw]

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

    def newest_records(self) -> Any:
        """Entries newest first, reading one month at a time, so `--limit 20` reads one or two."""
        for key in reversed(self.month_keys()):
            yield from sorted(self.month_records(key), key=lambda r: r["at"], reverse=True)

    def insert(self, records: list[Record]) -> None:
        """Add entries, one bulk insert per month (TinyDB copies a table on every insert)."""
        self._require_write()
        by_month: dict[str, list[Record]] = {}
        for record in records:
            by_month.setdefault(record["day"][:7], []).append(record)
        for key, batch in by_month.items():
            self._db(month_file(self.home, key)).table(ENTRY_TABLE).insert_multiple(batch)

    def delete(self, entry_id: str) -> Record:
        self._require_write()
        record = self.get(entry_id)
        self._db(month_file(self.home, record["day"][:7])).table(ENTRY_TABLE).remove(
            Query().id == entry_id)
        return record

    def update(self, record: Record) -> Record:
        """Replace the stored entry with the same id; moves it if its month changed."""
        before = self.delete(record["id"])
        self.insert([record])
        return before

    def get(self, entry_id: str) -> Record:
        for key in reversed(self.month_keys()):
            for record in self.month_records(key):
                if record["id"] == entry_id:
                    return record
        raise NotFound(f"no entry with id {entry_id}", "see ids with `caretool history`")

    def find(self, prefix: str) -> Record:
        """The entry whose id starts with prefix (at least 4 characters)."""
        prefix = prefix.strip().lower()
        if len(prefix) < 4 or not all(c in "0123456789abcdef" for c in prefix):
            raise BadInput(f"{prefix!r} is not an entry id",
                           "use the id shown by `caretool history` (at least 4 characters)")
        found = [r for key in self.month_keys() for r in self.month_records(key)
                 if r["id"].startswith(prefix)]
        if not found:
            raise NotFound(f"no entry with id {prefix}", "see ids with `caretool history`")
        if len(found) > 1:
            raise BadInput(f"id {prefix} matches {len(found)} entries", "type more of the id")
        return found[0]

    def has_id(self, entry_id: str, month_key: str) -> bool:
        return any(r["id"] == entry_id for r in self.month_records(month_key))


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
        raise RuntimeError("store opened read-only")
