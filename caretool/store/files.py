"""Reading data files strictly and replacing them atomically.

Strict: an empty, truncated, non-JSON or wrong-shaped file is an error naming the file, never
a new empty database. Atomic: a write goes to a temporary file in the same folder, is flushed
and fsynced, then os.replace()d over the old file, and the folder is fsynced.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import uuid
from pathlib import Path
from typing import Any

from caretool.core.errors import DataError

TEMP_PATTERN = re.compile(r"^\..+\.[0-9a-f]{12}\.tmp$")
RECOVER_HINT = "run `caretool doctor`, or restore a copy with `caretool backup --restore`"


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def read_json(path: Path) -> Any:
    """The parsed content of a data file, or None if it does not exist."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise DataError(f"{path} is a folder, not a data file", RECOVER_HINT) from None
    except PermissionError:
        raise DataError(f"{path} cannot be read (permission denied)",
                        "check the file's owner and permissions") from None
    if not data.strip():
        raise DataError(f"{path} is empty (a failed copy or an interrupted write?)", RECOVER_HINT)
    try:
        return json.loads(data.decode("utf-8"), parse_constant=_refuse_constant)
    except (UnicodeDecodeError, ValueError) as exc:
        raise DataError(f"{path} is damaged: not valid JSON ({exc})", RECOVER_HINT) from None


def check_tinydb_shape(path: Path, data: Any) -> dict[str, dict[str, dict[str, Any]]]:
    """TinyDB's layout: {table: {"<int id>": {document}}}."""
    if not isinstance(data, dict):
        raise DataError(f"{path} has the wrong shape (expected tables)", RECOVER_HINT)
    for table, docs in data.items():
        if not isinstance(docs, dict):
            raise DataError(f"{path} has the wrong shape (table {table!r})", RECOVER_HINT)
        for doc_id, doc in docs.items():
            if not (doc_id.isascii() and doc_id.isdigit()) or not isinstance(doc, dict):
                raise DataError(f"{path} has the wrong shape (document {doc_id!r})", RECOVER_HINT)
    return data


def check_writable(path: Path) -> None:
    """Refuse to replace what the user protected: read-only files and symlinks.

    Checked on mode bits, not os.access, so it also holds for root.
    """
    try:
        info = path.lstat()
    except FileNotFoundError:
        folder = path.parent
        if folder.exists() and not folder.stat().st_mode & stat.S_IWUSR:
            raise DataError(f"{folder} is read-only", "make the folder writable, or use --home") from None
        return
    if stat.S_ISLNK(info.st_mode):
        raise DataError(
            f"{path} is a symbolic link; caretool will not replace it",
            "move the real file into the data folder, or point --home at its folder",
        )
    if not info.st_mode & stat.S_IWUSR:
        raise DataError(f"{path} is read-only; caretool will not overwrite it",
                        "make it writable (chmod u+w) if you meant to change it")
    if not path.parent.stat().st_mode & stat.S_IWUSR:
        raise DataError(f"{path.parent} is read-only", "make the folder writable, or use --home")


def dumps(data: Any) -> bytes:
    try:
        return json.dumps(data, ensure_ascii=False, allow_nan=False,
                          separators=(",", ":")).encode("utf-8")
    except (ValueError, UnicodeEncodeError) as exc:  # NaN or a lone surrogate got through
        raise DataError(f"refusing to write invalid data ({exc})",
                        "this is a bug; please report it") from None


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, payload: bytes) -> None:
    check_writable(path)
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.tmp")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        if exc.errno == errno.ENOSPC:
            raise DataError(f"the disk is full; {path.name} was left as it was",
                            "free some space and try again") from None
        raise DataError(f"cannot write {path}: {exc.strerror}", "check the folder's permissions") from None
    fsync_dir(path.parent)


def clean_leftovers(folder: Path) -> list[Path]:
    """Remove temporary files an interrupted write left behind. Call only under the write lock."""
    removed = []
    if folder.is_dir():
        for item in folder.iterdir():
            if TEMP_PATTERN.match(item.name) and item.is_file():
                item.unlink(missing_ok=True)
                removed.append(item)
    return removed


def make_private_dir(folder: Path) -> None:
    """Create the folder 0700; an existing one loses group/other access but keeps read-only."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        mode = stat.S_IMODE(folder.stat().st_mode)
        if mode & 0o077:
            folder.chmod(mode & 0o700)
    except OSError as exc:
        raise DataError(f"cannot create the data folder {folder}: {exc.strerror}",
                        "choose another folder with --home or CARETOOL_HOME") from None
    if not stat.S_IMODE(folder.stat().st_mode) & stat.S_IWUSR:
        raise DataError(f"{folder} is read-only", "make the folder writable, or use --home")
