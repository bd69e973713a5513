"""A TinyDB storage that reads strictly once and writes only when the command commits.

TinyDB re-reads its storage on every operation; holding the command-wide lock makes one read
enough. Writes stay in memory until Store.commit() hands every changed file to one transaction,
so a command that fails or is killed half-way leaves every file as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from caretool.store import files

Check = Callable[[Path, Any], dict[str, Any]]


class DeferredAtomicStorage(Storage):
    def __init__(self, path: str | Path, check: Check | None = None) -> None:
        self.path = Path(path)
        self._check = check
        self._data: dict[str, Any] | None = None
        self._loaded = False
        self.dirty = False

    def read(self) -> dict[str, Any] | None:
        if not self._loaded:
            raw = files.read_json(self.path)
            if raw is not None and self._check is not None:
                raw = self._check(self.path, raw)
            self._data = raw
            self._loaded = True
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        self._data = data
        self._loaded = True
        self.dirty = True

    @property
    def data(self) -> dict[str, Any] | None:
        return self._data

    def close(self) -> None:
        pass
