"""All or nothing: the files one command changes become visible together, or not at all.

A commit
  1. writes every changed file as a temporary file beside it (".<name>.<txid>.tmp"), fsyncs each,
     and fsyncs their folders so the temporary names are durable too;
  2. writes the intent record (.intent.json: the transaction id and every rename and removal) as a
     temporary file, fsyncs it and renames it into place. From that rename on, the change is
     committed: nothing can take it back;
  3. applies the renames and removals, fsyncs the folders, and removes the intent.

The next caretool to take the lock looks for a leftover intent before it reads anything and
applies it again (every step can be repeated): roll forward. Temporary files without an intent
belong to a commit that never reached step 2, so they are removed: roll back. Either way the home
holds the state before the command or the state after it, never a mix.

Derived files (the id index) ride in the same intent but are not fsynced: after a power cut one
of them may be stale, which the index notices (it records what it was built from) and rebuilds.
"""

from __future__ import annotations

import os
import stat
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from caretool.core.errors import DataError
from caretool.core.messages import msg
from caretool.store import files, paths
from caretool.store.paths import INTENT

INTENT_VERSION = 1
Identity = tuple[int, int, int]  # (inode, size, mtime in ns): changes whenever a file is rewritten

UNFINISHED = msg("store.txn.unfinished",
                 "the change was saved but could not be finished ({reason}); the next caretool "
                 "command finishes it")
UNFINISHED_HINT = msg("store.txn.unfinished.hint", "run `caretool doctor` to finish it now")
INTENT_DAMAGED = msg("store.txn.intent-damaged",
                     "{path} records an unfinished change but is damaged ({problem})")
INTENT_DAMAGED_HINT = msg("store.txn.intent-damaged.hint",
                          "run `caretool doctor`; if it cannot finish the change, move the file "
                          "aside and restore a backup")
INTENT_NEWER = msg("store.txn.intent-newer",
                   "{path} records an unfinished change made by a newer caretool")
INTENT_NEWER_HINT = msg("store.txn.intent-newer.hint",
                        "finish it with that newer caretool (pip install -U caretool)")
INTENT_TEMP_BAD = msg("store.txn.temp-bad",
                      "the unfinished change recorded in {path} cannot be finished: {file} is "
                      "not what was written")
CANNOT_FINISH = msg("store.txn.cannot-finish",
                    "an interrupted change in {home} must be finished before anything is read, "
                    "but it cannot be written ({reason})")
CANNOT_FINISH_HINT = msg("store.txn.cannot-finish.hint",
                         "make the data folder writable and run any caretool command again")


@dataclass
class Op:
    target: str  # relative to the home, e.g. "entries/2026-11.json"
    put: bool  # True: rename the temporary file over the target; False: remove the target
    durable: bool = True
    size: int = 0
    crc32: int = 0

    def temp_path(self, home: Path, txid: str) -> Path:
        target = home / self.target
        return target.with_name(f".{target.name}.{txid}.tmp")


class Transaction:
    """The changed files of one commit; call commit() once, or abort() to drop them."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.txid = uuid.uuid4().hex[:12]
        self.ops: list[Op] = []
        self._temps: list[Path] = []

    def _relative(self, target: Path) -> str:
        relative = target.relative_to(self.home).as_posix()
        assert paths.is_our_data_name(relative), relative
        return relative

    def put(self, target: Path, payload: bytes, *, durable: bool = True) -> Identity:
        """Write the new content of target beside it; returns the identity it will have."""
        files.check_writable(target)
        crc = files.checksum(payload) if durable else 0
        op = Op(self._relative(target), True, durable, len(payload), crc)
        temp = op.temp_path(self.home, self.txid)
        self._temps.append(temp)
        try:
            files.write_file(temp, payload, durable=durable)
            info = os.lstat(temp)
        except OSError as exc:
            self.abort()
            raise files.write_error(target, exc) from None
        self.ops.append(op)
        return (info.st_ino, info.st_size, info.st_mtime_ns)

    def remove(self, target: Path) -> None:
        self.ops.append(Op(self._relative(target), False))

    def abort(self) -> None:
        for temp in self._temps:
            files.remove_quietly(temp)
        self._temps.clear()
        self.ops.clear()

    def commit(self) -> None:
        if not self.ops:
            return
        intent_temp = self.home / f".{INTENT}.{self.txid}.tmp"
        try:
            for folder in sorted({(self.home / op.target).parent for op in self.ops
                                  if op.put and op.durable}):
                files.fsync_dir(folder)
            files.write_file(intent_temp, files.dumps(_intent(self.txid, self.ops)))
            files.rename(intent_temp, self.home / INTENT)
        except OSError as exc:
            files.remove_quietly(intent_temp)
            self.abort()
            raise files.write_error(self.home / INTENT, exc) from None
        self._temps.clear()  # committed: the temporary files now belong to the intent
        try:
            files.fsync_dir(self.home)
            _apply(self.home, self.txid, self.ops)
        except OSError as exc:
            raise DataError(UNFINISHED(reason=exc.strerror or str(exc)), UNFINISHED_HINT) from None


def _intent(txid: str, ops: list[Op]) -> dict[str, Any]:
    return {"caretool_intent": INTENT_VERSION, "id": txid,
            "ops": [{"target": op.target, "op": "put" if op.put else "remove", "durable": op.durable,
                     "size": op.size, "crc32": op.crc32} for op in ops]}


def _apply(home: Path, txid: str, ops: list[Op]) -> None:
    """Make every op true on disk; safe to repeat after a crash at any point."""
    folders: set[Path] = set()
    for op in ops:
        target = home / op.target
        folders.add(target.parent)
        if not op.put:
            info = files.lstat_or_none(target)
            if info is not None and stat.S_ISREG(info.st_mode):
                files.unlink(target)
            continue
        temp = op.temp_path(home, txid)
        if files.lstat_or_none(temp) is not None:
            files.rename(temp, target)
        # else: renamed before the crash (a temporary file of a live intent is never cleaned up)
    for folder in sorted(folders):
        files.fsync_dir(folder)
    files.unlink(home / INTENT)
    files.fsync_dir(home)


def _parse_intent(path: Path, raw: Any) -> tuple[str, list[Op]]:
    def damaged(problem: str) -> DataError:
        return DataError(INTENT_DAMAGED(path=str(path), problem=problem), INTENT_DAMAGED_HINT)

    if not isinstance(raw, dict) or type(raw.get("caretool_intent")) is not int:
        raise damaged("not an intent record")
    if raw["caretool_intent"] > INTENT_VERSION:
        raise DataError(INTENT_NEWER(path=str(path)), INTENT_NEWER_HINT)
    txid, items = raw.get("id"), raw.get("ops")
    if not (isinstance(txid, str) and paths.TEMP_NAME.match(f".x.{txid}.tmp")) or not isinstance(items, list):
        raise damaged("no transaction id or operations")
    ops = []
    for item in items:
        if not isinstance(item, dict) or item.get("op") not in ("put", "remove"):
            raise damaged("an operation is unreadable")
        target = item.get("target")
        if not isinstance(target, str) or not paths.is_our_data_name(target):
            raise damaged(f"it names a file that is not caretool's: {target!r}")
        size, crc = item.get("size", 0), item.get("crc32", 0)
        if type(size) is not int or type(crc) is not int:
            raise damaged("an operation is unreadable")
        ops.append(Op(target, item["op"] == "put", item.get("durable") is not False, size, crc))
    return txid, ops


def pending(home: Path) -> bool:
    """True if an intent is waiting to be applied (cheap: one lstat)."""
    return files.lstat_or_none(home / INTENT) is not None


def recover(home: Path) -> bool:
    """Finish a commit that was interrupted after its intent was written. Call under the write lock.

    Returns True if there was one. A durable temporary file that does not hold what was written
    (possible only if the disk lied about fsync) rolls the whole change back when nothing of it
    was applied yet, and otherwise stops with an error for `doctor`.
    """
    path = home / INTENT
    raw = files.read_json(path, files.MAX_SMALL_BYTES)
    if raw is None:
        return False
    txid, ops = _parse_intent(path, raw)
    temps = {op.target: op.temp_path(home, txid) for op in ops if op.put}
    present = {target for target, temp in temps.items() if files.lstat_or_none(temp) is not None}
    bad = []
    for op in ops:
        if op.put and op.durable and op.target in present:
            data = files.read_bytes(temps[op.target], files.MAX_DATA_BYTES * 4)
            if data is None or len(data) != op.size or files.checksum(data) != op.crc32:
                bad.append(op.target)
    try:
        if bad and len(present) == len(temps) and not any(
                not op.put and files.lstat_or_none(home / op.target) is None for op in ops):
            for temp in temps.values():
                files.remove_quietly(temp)
            files.unlink(path)
            files.fsync_dir(home)
            return True
        if bad:
            raise DataError(INTENT_TEMP_BAD(path=str(path), file=bad[0]), INTENT_DAMAGED_HINT)
        _apply(home, txid, ops)
    except OSError as exc:
        raise DataError(CANNOT_FINISH(home=str(home), reason=exc.strerror or str(exc)),
                        CANNOT_FINISH_HINT) from None
    return True


def clean_leftovers(home: Path) -> list[Path]:
    """Remove the temporary files of commits that never reached their intent (roll back).

    Only names caretool itself makes are touched. Call under the write lock, after recover().
    """
    removed = []
    for relative in ("", paths.ENTRIES, f"{paths.ENTRIES}/{paths.IDS}"):
        folder = home / relative if relative else home
        try:
            items = list(os.scandir(folder))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for item in items:
            if paths.is_our_temp(relative, item.name) and item.is_file(follow_symlinks=False):
                files.remove_quietly(Path(item.path))
                removed.append(Path(item.path))
    return removed
