"""One exclusive lock for a whole writing command, on a sidecar file.

The data files are swapped with os.replace, which changes their inode, so locking a data file
itself would not exclude a second writer; a sidecar .lock file does.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

from caretool.core.errors import DataError, LockedError

POLL_SECONDS = 0.05


def lock_timeout() -> float:
    try:
        return float(os.environ.get("CARETOOL_LOCK_TIMEOUT", "10"))
    except ValueError:
        return 10.0


class HomeLock:
    def __init__(self, path: Path, *, exclusive: bool) -> None:
        self.path = path
        self.exclusive = exclusive
        self.fd: int | None = None

    def acquire(self) -> None:
        try:
            flags = os.O_RDWR | os.O_CREAT if self.exclusive else os.O_RDONLY
            if not self.exclusive and not self.path.exists():
                return  # nothing has ever written here, so there is nothing to be consistent with
            self.fd = os.open(self.path, flags, 0o600)
        except OSError as exc:
            raise DataError(
                f"cannot open the lock file {self.path}: {exc.strerror}",
                "check that the data folder exists and is writable by you",
            ) from None
        mode = fcntl.LOCK_EX if self.exclusive else fcntl.LOCK_SH
        deadline = time.monotonic() + lock_timeout()
        while True:
            try:
                fcntl.flock(self.fd, mode | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    self.release()
                    raise LockedError(
                        "another caretool is writing to this household",
                        "wait a moment and try again; if nothing else is running, "
                        f"check for a stuck caretool process (lock: {self.path})",
                    ) from None
                time.sleep(POLL_SECONDS)

    def release(self) -> None:
        if self.fd is not None:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_UN)
            finally:
                os.close(self.fd)
                self.fd = None
