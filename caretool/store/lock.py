"""One lock for a whole command, on the data folder itself.

The lock is an flock on the home folder, opened with O_DIRECTORY. Unlike a lock file it cannot
be deleted or swapped for a symbolic link under a running writer (a folder with files in it cannot
be removed), and there is no file to follow. A folder moved or replaced while a command ran is
noticed: the path must still name the locked folder when the lock is taken and before each commit.
Readers take it shared, a writer exclusive, for the whole read-modify-write of one command.
"""

from __future__ import annotations

import fcntl
import math
import os
import time
from pathlib import Path

from caretool.core.errors import BadInput, DataError, LockedError
from caretool.core.messages import msg

POLL_SECONDS = 0.05
DEFAULT_TIMEOUT = 10.0

BAD_TIMEOUT = msg("store.lock.bad-timeout",
                  "CARETOOL_LOCK_TIMEOUT is {value!r}, which is not a number of seconds above 0")
BAD_TIMEOUT_HINT = msg("store.lock.bad-timeout.hint",
                       "set it to a number of seconds such as 10, or unset it")
CANNOT_OPEN = msg("store.lock.cannot-open", "cannot lock the data folder {path}: {reason}")
CANNOT_OPEN_HINT = msg("store.lock.cannot-open.hint",
                       "check that the data folder exists and belongs to you")
LOCKED = msg("store.lock.busy", "another caretool is writing to this household")
LOCKED_HINT = msg("store.lock.busy.hint",
                  "wait a moment and try again; if nothing else is running, check for a stuck "
                  "caretool process (the lock is on the folder {path})")
MOVED = msg("store.lock.moved", "the data folder {path} was moved or replaced while caretool was using it")
MOVED_HINT = msg("store.lock.moved.hint", "nothing was changed; run the command again")


def lock_timeout() -> float:
    raw = os.environ.get("CARETOOL_LOCK_TIMEOUT")
    if raw is None or not raw.strip():
        return DEFAULT_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        raise BadInput(BAD_TIMEOUT(value=raw), BAD_TIMEOUT_HINT) from None
    if not math.isfinite(value) or value <= 0:
        raise BadInput(BAD_TIMEOUT(value=raw), BAD_TIMEOUT_HINT)
    return value


class HomeLock:
    def __init__(self, home: Path, *, exclusive: bool) -> None:
        self.home = home
        self.exclusive = exclusive
        self.fd: int | None = None

    def acquire(self) -> None:
        timeout = lock_timeout()
        if not self.exclusive and not self.home.exists():
            return  # nothing has ever been written here, so there is nothing to be consistent with
        for _ in range(3):
            self._take(timeout)
            if self.still_held():
                return
            self.release()  # the path now names another folder: lock that one instead
        raise DataError(MOVED(path=str(self.home)), MOVED_HINT)

    def _take(self, timeout: float) -> None:
        try:
            self.fd = os.open(self.home, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except OSError as exc:
            raise DataError(CANNOT_OPEN(path=str(self.home), reason=exc.strerror or str(exc)),
                            CANNOT_OPEN_HINT) from None
        mode = fcntl.LOCK_EX if self.exclusive else fcntl.LOCK_SH
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(self.fd, mode | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    self.release()
                    raise LockedError(LOCKED(), LOCKED_HINT(path=str(self.home))) from None
                time.sleep(POLL_SECONDS)

    def still_held(self) -> bool:
        """True if the home path still names the folder this lock is on (or no lock is needed)."""
        if self.fd is None:
            return True
        try:
            now = os.stat(self.home)
        except OSError:
            return False
        held = os.fstat(self.fd)
        return (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino)

    def check(self) -> None:
        if not self.still_held():
            raise DataError(MOVED(path=str(self.home)), MOVED_HINT)

    def release(self) -> None:
        if self.fd is not None:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_UN)
            finally:
                os.close(self.fd)
                self.fd = None
