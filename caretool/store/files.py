"""Reading data files strictly and writing them without ever leaving half a file.

Strict: only a regular file is data. A symbolic link, folder, FIFO, device or socket where a data
file belongs is refused at once, never followed and never opened in a way that could block
(lstat first, then O_NOFOLLOW | O_NONBLOCK, then fstat again). An empty, truncated, oversized,
too deeply nested or non-JSON file is an error naming the file, never a new empty database.

Writing goes through temporary files in the same folder (see txn.py for how several of them
become visible together); every step is counted by faults.step() for the crash tests.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import zlib
from pathlib import Path
from typing import Any

from caretool.core.errors import DataError
from caretool.core.messages import Message, msg
from caretool.store import faults

MAX_DATA_BYTES = 64 * 1024 * 1024  # a month of entries is well under 1 MB; a note is capped
MAX_SMALL_BYTES = 4 * 1024 * 1024  # the intent record, index shards, backup manifests
MAX_DEPTH = 32  # caretool's own files nest about 12 levels at most

RECOVER_HINT = msg("store.recover.hint",
                   "run `caretool doctor`, or restore a copy with `caretool backup --restore`")
IS_SYMLINK = msg("store.is-symlink",
                 "{path} is a symbolic link; caretool reads only regular files in its data folder")
IS_FOLDER = msg("store.is-folder", "{path} is a folder where a data file belongs")
IS_FIFO = msg("store.is-fifo", "{path} is a named pipe (FIFO) where a data file belongs")
IS_DEVICE = msg("store.is-device", "{path} is a device where a data file belongs")
IS_SOCKET = msg("store.is-socket", "{path} is a socket where a data file belongs")
IS_ODD = msg("store.is-odd", "{path} is not a regular file")
NOT_REGULAR_HINT = msg("store.not-regular.hint",
                       "move it out of the data folder and put the real file in its place, or "
                       "restore a backup (`caretool doctor` names a good one)")
CANNOT_READ = msg("store.cannot-read", "{path} cannot be read ({reason})")
CANNOT_READ_HINT = msg("store.cannot-read.hint", "check the file's owner and permissions")
TOO_BIG = msg("store.too-big",
              "{path} is {size} bytes, more than the {limit} bytes a caretool data file may hold")
EMPTY_FILE = msg("store.empty-file", "{path} is empty (a failed copy or an interrupted write?)")
NOT_JSON = msg("store.not-json", "{path} is damaged: it is not valid JSON ({detail})")
NULL_FILE = msg("store.null-file", "{path} is damaged: it holds nothing but null")
TOO_DEEP = msg("store.too-deep", "{path} is damaged: its data is nested more than {limit} levels deep")
DISK_FULL = msg("store.disk-full", "the disk is full; nothing was changed")
DISK_FULL_HINT = msg("store.disk-full.hint", "free some space and try again")
CANNOT_WRITE = msg("store.cannot-write", "cannot write {path}: {reason}; nothing was changed")
CANNOT_WRITE_HINT = msg("store.cannot-write.hint", "check the folder's permissions")
FOLDER_READ_ONLY = msg("store.folder-read-only", "{path} is read-only")
FOLDER_READ_ONLY_HINT = msg("store.folder-read-only.hint", "make the folder writable, or use --home")
FILE_READ_ONLY = msg("store.file-read-only", "{path} is read-only; caretool will not overwrite it")
FILE_READ_ONLY_HINT = msg("store.file-read-only.hint",
                          "make it writable (chmod u+w) if you meant to change it")
SYMLINK_KEPT = msg("store.symlink-not-replaced", "{path} is a symbolic link; caretool will not replace it")
SYMLINK_KEPT_HINT = msg("store.symlink-not-replaced.hint",
                        "move the real file into the data folder, or point --home at its folder")
INVALID_DATA = msg("store.invalid-data", "refusing to write invalid data ({detail})")
BUG_HINT = msg("store.bug.hint", "this is a bug; please report it")
CANNOT_CREATE_FOLDER = msg("store.cannot-create-folder", "cannot create the folder {path}: {reason}")
NOT_A_FOLDER = msg("store.not-a-folder",
                   "{path} should be a plain folder, but it is a symbolic link or a file")
CANNOT_CREATE_FOLDER_HINT = msg("store.cannot-create-folder.hint",
                                "choose another folder with --home or CARETOOL_HOME")

_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_DISK_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}


def not_regular(path: Path, mode: int) -> Message | None:
    """Why the thing at path (lstat mode) is not a data file, or None if it is a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, message in ((stat.S_ISLNK, IS_SYMLINK), (stat.S_ISDIR, IS_FOLDER), (stat.S_ISFIFO, IS_FIFO),
                          (stat.S_ISCHR, IS_DEVICE), (stat.S_ISBLK, IS_DEVICE), (stat.S_ISSOCK, IS_SOCKET)):
        if test(mode):
            return message(path=str(path))
    return IS_ODD(path=str(path))


def lstat_or_none(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise DataError(CANNOT_READ(path=str(path), reason=exc.strerror or str(exc)),
                        CANNOT_READ_HINT) from None


def open_regular(path: Path) -> int | None:
    """A read-only descriptor of the regular file at path, or None if nothing is there."""
    info = lstat_or_none(path)
    if info is None:
        return None
    if (problem := not_regular(path, info.st_mode)) is not None:
        raise DataError(problem, NOT_REGULAR_HINT)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # swapped for a link between the lstat and the open
            raise DataError(IS_SYMLINK(path=str(path)), NOT_REGULAR_HINT) from None
        raise DataError(CANNOT_READ(path=str(path), reason=exc.strerror or str(exc)),
                        CANNOT_READ_HINT) from None
    problem = not_regular(path, os.fstat(fd).st_mode)
    if problem is not None:
        os.close(fd)
        raise DataError(problem, NOT_REGULAR_HINT)
    return fd


def read_bytes(path: Path, limit: int = MAX_DATA_BYTES) -> bytes | None:
    """The whole content of a regular file (at most limit bytes), or None if it does not exist."""
    fd = open_regular(path)
    if fd is None:
        return None
    try:
        size = os.fstat(fd).st_size
        if size > limit:
            raise DataError(TOO_BIG(path=str(path), size=size, limit=limit), RECOVER_HINT)
        chunks = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise DataError(CANNOT_READ(path=str(path), reason=exc.strerror or str(exc)),
                        CANNOT_READ_HINT) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:  # it grew while being read
        raise DataError(TOO_BIG(path=str(path), size=len(data), limit=limit), RECOVER_HINT)
    return data


def _nested_deeper_than(data: bytes, limit: int) -> bool:
    """A cheap bound on nesting before the parser recurses: strip each innermost pair per round.

    Brackets inside strings can unbalance the picture; then the parser's own recursion limit,
    caught in parse(), is the backstop.
    """
    shape = data.translate(None, _NOT_BRACKETS)
    for _ in range(limit):
        if not shape:
            return False
        shorter = shape.replace(b"[]", b"").replace(b"{}", b"")
        if len(shorter) == len(shape):
            return False
        shape = shorter
    return bool(shape)


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def parse(path: Path, data: bytes) -> Any:
    if not data.strip():
        raise DataError(EMPTY_FILE(path=str(path)), RECOVER_HINT)
    if _nested_deeper_than(data, MAX_DEPTH):
        raise DataError(TOO_DEEP(path=str(path), limit=MAX_DEPTH), RECOVER_HINT)
    try:
        parsed = json.loads(data.decode("utf-8"), parse_constant=_refuse_constant)
    except RecursionError:
        raise DataError(TOO_DEEP(path=str(path), limit=MAX_DEPTH), RECOVER_HINT) from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise DataError(NOT_JSON(path=str(path), detail=str(exc)), RECOVER_HINT) from None
    if parsed is None:  # no caretool file is `null`; None means "no file" to every caller
        raise DataError(NULL_FILE(path=str(path)), RECOVER_HINT)
    return parsed


def read_json(path: Path, limit: int = MAX_DATA_BYTES) -> Any:
    """The parsed content of a data file, or None if it does not exist."""
    data = read_bytes(path, limit)
    return None if data is None else parse(path, data)


def dumps(data: Any) -> bytes:
    try:
        return json.dumps(data, ensure_ascii=False, allow_nan=False,
                          separators=(",", ":")).encode("utf-8")
    except (TypeError, ValueError, UnicodeEncodeError) as exc:  # NaN or a lone surrogate got through
        raise DataError(INVALID_DATA(detail=str(exc)), BUG_HINT) from None


def sha256(data: bytes) -> str:
    import hashlib  # late: loading OpenSSL costs a daily command more than the rest of the store

    return hashlib.sha256(data).hexdigest()


def checksum(data: bytes) -> int:
    """A cheap check that a temporary file holds what was written (not a defence against tampering)."""
    return zlib.crc32(data)


# --- writing ------------------------------------------------------------------------------------
def write_error(path: Path, exc: OSError) -> DataError:
    if exc.errno in _DISK_FULL_ERRNOS:
        return DataError(DISK_FULL(), DISK_FULL_HINT)
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return DataError(FOLDER_READ_ONLY(path=str(path.parent)), FOLDER_READ_ONLY_HINT)
    return DataError(CANNOT_WRITE(path=str(path), reason=exc.strerror or str(exc)), CANNOT_WRITE_HINT)


def check_writable(path: Path) -> None:
    """Refuse to replace what the user protected or what is not a plain file of ours.

    Checked on mode bits, not os.access, so it also holds for root.
    """
    info = lstat_or_none(path)
    folder = path.parent
    if info is None:
        folder_info = lstat_or_none(folder)
        if folder_info is not None and not folder_info.st_mode & stat.S_IWUSR:
            raise DataError(FOLDER_READ_ONLY(path=str(folder)), FOLDER_READ_ONLY_HINT)
        return
    if stat.S_ISLNK(info.st_mode):
        raise DataError(SYMLINK_KEPT(path=str(path)), SYMLINK_KEPT_HINT)
    if (problem := not_regular(path, info.st_mode)) is not None:
        raise DataError(problem, NOT_REGULAR_HINT)
    if not info.st_mode & stat.S_IWUSR:
        raise DataError(FILE_READ_ONLY(path=str(path)), FILE_READ_ONLY_HINT)
    if not folder.stat().st_mode & stat.S_IWUSR:
        raise DataError(FOLDER_READ_ONLY(path=str(folder)), FOLDER_READ_ONLY_HINT)


def write_file(path: Path, payload: bytes, *, durable: bool = True) -> None:
    """Create path (which must not exist) holding payload, 0600 whatever the umask."""
    faults.step("write", path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    try:
        os.fchmod(fd, 0o600)
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view):]
        if durable:
            faults.step("fsync", path)
            os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: Path) -> None:
    faults.step("fsync", folder)
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def rename(source: Path, target: Path) -> None:
    faults.step("rename", target)
    os.replace(source, target)


def unlink(path: Path) -> None:
    faults.step("unlink", path)
    os.unlink(path)


def remove_quietly(path: Path) -> None:
    """Remove a temporary file of ours during clean-up (no fault step: nothing depends on it)."""
    with contextlib.suppress(OSError):
        os.unlink(path)


def make_private_dir(folder: Path, *, strict: bool = True) -> None:
    """Create the folder and any missing parents 0700 whatever the umask; tighten an existing one.

    An existing folder keeps its owner's bits (a read-only folder stays read-only, and says so).
    strict=False is for drives that cannot hold permissions (a FAT USB stick): modes are tried only.
    """
    missing: list[Path] = []
    probe = folder
    while lstat_or_none(probe) is None and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    try:
        for item in reversed(missing):
            faults.step("mkdir", item)
            with contextlib.suppress(FileExistsError):  # another caretool made it first: fine
                os.mkdir(item, 0o700)
            _chmod(item, 0o700, strict)
        info = os.stat(folder)
        if not stat.S_ISDIR(info.st_mode):
            raise DataError(CANNOT_CREATE_FOLDER(path=str(folder), reason=os.strerror(errno.ENOTDIR)),
                            CANNOT_CREATE_FOLDER_HINT)
        mode = stat.S_IMODE(info.st_mode)
        if mode & 0o077:
            _chmod(folder, mode & 0o700, strict)
    except OSError as exc:
        if exc.errno in _DISK_FULL_ERRNOS:
            raise DataError(DISK_FULL(), DISK_FULL_HINT) from None
        raise DataError(CANNOT_CREATE_FOLDER(path=str(folder), reason=exc.strerror or str(exc)),
                        CANNOT_CREATE_FOLDER_HINT) from None
    if strict and not stat.S_IMODE(os.stat(folder).st_mode) & stat.S_IWUSR:
        raise DataError(FOLDER_READ_ONLY(path=str(folder)), FOLDER_READ_ONLY_HINT)


def _chmod(path: Path, mode: int, strict: bool) -> None:
    try:
        os.chmod(path, mode)
    except OSError:
        if strict:
            raise


def real_folder(folder: Path) -> bool:
    """True if folder is a directory that is not a symbolic link; False if it does not exist."""
    info = lstat_or_none(folder)
    if info is None:
        return False
    if not stat.S_ISDIR(info.st_mode):
        raise DataError(NOT_A_FOLDER(path=str(folder)), NOT_REGULAR_HINT)
    return True
