"""A TinyDB storage that reads strictly once and writes only when the command commits.

TinyDB re-reads its storage on every operation; holding the command-wide lock makes one read
enough. Writes stay in memory until Store.commit() replaces the file atomically, so a command
that fails or is killed half-way leaves every file as it was (nothing was acknowledged yet).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from caretool.store import files


class DeferredAtomicStorage(Storage):
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._data: dict[str, Any] | None = None
        self._loaded = False
        self.dirty = False

    def read(self) -> dict[str, Any] | None:
        if not self._loaded:
            raw = files.read_json(self.path)
            self._data = None if raw is None else files.check_tinydb_shape(self.path, raw)
            self._loaded = True
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        self._data = data
        self._loaded = True
        self.dirty = True

    def commit(self) -> None:
        if self.dirty and self._data is not None:
            files.write_atomic(self.path, files.dumps(self._data))
            self.dirty = False

    def close(self) -> None:
        pass
