"""Files caretool writes for the user (exports, reports): readable only by them, never half-written."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from caretool.core.errors import BadInput, DataError
from caretool.core.messages import msg

IS_A_FOLDER = msg("output.is-a-folder", "{path} is a folder")
IS_A_FOLDER_HINT = msg("output.is-a-folder.hint", "give a file name, e.g. --output week.html")
NO_FOLDER = msg("output.no-folder", "the folder {folder} does not exist")
NO_FOLDER_HINT = msg("output.no-folder.hint", "create it first, or choose another place")
CANNOT_WRITE = msg("output.cannot-write", "cannot write {path}: {reason}")
CANNOT_CREATE_HINT = msg("output.cannot-create.hint", "check the folder's permissions")
CANNOT_WRITE_HINT = msg("output.cannot-write.hint", "check the disk space and permissions")


@contextmanager
def private_file(path: Path) -> Iterator[IO[str]]:
    """A text file only the user can read (0600), replaced atomically when the block succeeds."""
    path = path.expanduser()
    if path.is_dir():
        raise BadInput(IS_A_FOLDER(path=str(path)), IS_A_FOLDER_HINT)
    if not path.parent.is_dir():
        raise BadInput(NO_FOLDER(folder=str(path.parent)), NO_FOLDER_HINT)
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.tmp")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise DataError(CANNOT_WRITE(path=str(path), reason=exc.strerror), CANNOT_CREATE_HINT) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except OSError as exc:
        raise DataError(CANNOT_WRITE(path=str(path), reason=exc.strerror), CANNOT_WRITE_HINT) from None
    finally:
        temp.unlink(missing_ok=True)


def write_private(path: Path, text: str) -> Path:
    with private_file(path) as handle:
        handle.write(text)
    return path.expanduser().resolve()
