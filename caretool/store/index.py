"""The id index: which month file holds each entry, so edit and delete read one month, not all.

entries/ids/3f.json maps every id that starts with "3f" to its month ("2026-11"); a write touches
the one small shard of each id it adds or removes, in the same transaction as the month files.
entries/ids/index.json records what the index was built from: the identity (inode, size, mtime)
of every month file and every shard. If any month or shard is not exactly what the index last
saw (a file restored or edited by hand, a power cut that lost a shard), the index is not trusted
and is rebuilt from the month files, which are the truth. The index is derived data: losing it
loses nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from caretool.core.errors import DataError
from caretool.store import files, paths
from caretool.store.paths import INDEX_ROOT, ids_folder
from caretool.store.txn import Identity, Transaction

INDEX_VERSION = 1


def shard_of(entry_id: str) -> str:
    return entry_id[:2]


def month_identities(home: Path) -> dict[str, Identity]:
    """Every month file caretool would read, by key, with its current identity (no link followed)."""
    found: dict[str, Identity] = {}
    try:
        items = list(os.scandir(home / paths.ENTRIES))
    except (FileNotFoundError, NotADirectoryError):
        return found
    for item in items:
        if paths.is_month_name(item.name):
            info = item.stat(follow_symlinks=False)
            found[item.name[:-5]] = (info.st_ino, info.st_size, info.st_mtime_ns)
    return found


class IdIndex:
    def __init__(self, home: Path) -> None:
        self.home = home
        self.folder = ids_folder(home)
        self.trusted = False
        self.months_on_disk: dict[str, Identity] = {}
        self._shard_ids: dict[str, Identity] = {}
        self._shards: dict[str, dict[str, str]] = {}
        self._dirty: set[str] = set()
        self._rebuilt = False
        self._load()

    # --- reading --------------------------------------------------------------------------
    def _load(self) -> None:
        on_disk = self.months_on_disk = month_identities(self.home)
        try:
            root = files.read_json(self.folder / INDEX_ROOT, files.MAX_SMALL_BYTES)
        except DataError:
            root = None  # derived data: a damaged index is rebuilt, never an error
        if root is None:
            # No index yet: an empty one is right only when there is nothing to index (a shard
            # file without an index.json naming it is never read).
            self.trusted = not on_disk
            return
        if not (isinstance(root, dict) and root.get("caretool_ids") == INDEX_VERSION
                and isinstance(root.get("months"), dict) and isinstance(root.get("shards"), dict)):
            return
        months = _identities(root["months"])
        shards = _identities(root["shards"])
        self._shard_ids = shards
        self.trusted = months == on_disk

    def _shard(self, key: str) -> dict[str, str]:
        shard = self._shards.get(key)
        if shard is not None:
            return shard
        shard = {}
        if self.trusted and key in self._shard_ids:
            path = self.folder / f"{key}.json"
            try:
                fd = files.open_regular(path)
            except DataError:
                fd = None
            if fd is None:
                self.trusted = False
                return shard
            try:
                info = os.fstat(fd)
                small = info.st_size <= files.MAX_SMALL_BYTES
                data = os.read(fd, files.MAX_SMALL_BYTES + 1) if small else b""
            finally:
                os.close(fd)
            try:
                raw = files.parse(path, data)
            except DataError:
                raw = None
            ids = raw.get("ids") if isinstance(raw, dict) else None
            if ((info.st_ino, info.st_size, info.st_mtime_ns) != self._shard_ids[key]
                    or not isinstance(ids, dict)
                    or not all(isinstance(k, str) and k.startswith(key) and isinstance(v, str)
                               for k, v in ids.items())):
                self.trusted = False
                return {}
            shard = ids
        self._shards[key] = shard
        return shard

    def shard_keys(self) -> list[str]:
        return sorted(self._shard_ids)

    def shard(self, key: str) -> dict[str, str]:
        return dict(self._shard(key))

    def month_of(self, entry_id: str) -> str | None:
        return self._shard(shard_of(entry_id)).get(entry_id)

    def matching(self, prefix: str) -> list[tuple[str, str]]:
        shard = self._shard(shard_of(prefix))
        return sorted((i, m) for i, m in shard.items() if i.startswith(prefix))

    # --- changing -------------------------------------------------------------------------
    def added(self, entry_id: str, month: str) -> None:
        key = shard_of(entry_id)
        self._shard(key)[entry_id] = month
        self._dirty.add(key)

    def removed(self, entry_id: str) -> None:
        key = shard_of(entry_id)
        if self._shard(key).pop(entry_id, None) is not None:
            self._dirty.add(key)

    def rebuild(self, months: Iterable[tuple[str, Iterable[str]]]) -> None:
        """Start again from (month, ids) pairs: the month files are the truth."""
        self._shards = {}
        for month, ids in months:
            for entry_id in ids:
                self._shards.setdefault(shard_of(entry_id), {})[entry_id] = month
        self._dirty = set(self._shards) | set(self._shard_ids)
        self._rebuilt = self.trusted = True

    @property
    def dirty(self) -> bool:
        return bool(self._dirty) or self._rebuilt

    def save(self, tx: Transaction, months_now: Callable[[], dict[str, Identity]]) -> None:
        """Add the changed shards and a new index.json to the transaction.

        months_now gives the identity every month file will have once the transaction applies,
        so call it after the month files were added to the transaction.
        """
        if not self.trusted:
            return
        shard_ids = dict(self._shard_ids)
        for key in sorted(self._dirty):
            ids = self._shards.get(key) or {}
            path = self.folder / f"{key}.json"
            if ids:
                shard_ids[key] = tx.put(path, _dump({"caretool_ids": INDEX_VERSION, "ids": ids}),
                                        durable=False)
            else:
                shard_ids.pop(key, None)
                if files.lstat_or_none(path) is not None:
                    tx.remove(path)
        if self._rebuilt:  # shard files the index no longer describes
            try:
                names = os.listdir(self.folder)
            except FileNotFoundError:
                names = []
            for name in names:
                if paths.SHARD_NAME.match(name) and name[:2] not in shard_ids and name[:2] not in self._dirty:
                    tx.remove(self.folder / name)
        root = {"caretool_ids": INDEX_VERSION,
                "months": {k: list(v) for k, v in sorted(months_now().items())},
                "shards": {k: list(v) for k, v in sorted(shard_ids.items())}}
        tx.put(self.folder / INDEX_ROOT, _dump(root), durable=False)


def _identities(raw: dict[str, Any]) -> dict[str, Identity]:
    return {k: (v[0], v[1], v[2]) for k, v in raw.items()
            if isinstance(v, list) and len(v) == 3 and all(type(n) is int for n in v)}


def _dump(data: Any) -> bytes:
    return files.dumps(data)
