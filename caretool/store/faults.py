"""Deterministic fault injection for the crash tests. Off unless the environment asks for it.

Every filesystem step the store takes (a temporary write, an fsync, a rename, an unlink, a mkdir,
a link or a copy of a file) goes through step(), so a test can stop a real caretool process at
exactly its Nth step and then check what a family would find on disk:

    CARETOOL_FAULT_AT=N      the process kills itself with SIGKILL just before its Nth step
    CARETOOL_FAULT_ENOSPC=N  the Nth step fails with "no space left on device" instead
    CARETOOL_FAULT_LOG=FILE  one line per step is appended to FILE: "N<TAB>action<TAB>path"

Only the store reads these variables.
"""

from __future__ import annotations

import errno
import os
import signal
from pathlib import Path


def _number(name: str) -> int:
    try:
        return int(os.environ.get(name, "0"))
    except ValueError:
        return 0


_KILL_AT = _number("CARETOOL_FAULT_AT")
_ENOSPC_AT = _number("CARETOOL_FAULT_ENOSPC")
_LOG = os.environ.get("CARETOOL_FAULT_LOG", "")
_ACTIVE = bool(_KILL_AT or _ENOSPC_AT or _LOG)
_count = 0


def step(action: str, path: Path | str) -> None:
    """Count one filesystem step; die or fail here if the environment says so."""
    if not _ACTIVE:
        return
    global _count
    _count += 1
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(f"{_count}\t{action}\t{path}\n")
    if _count == _KILL_AT:
        os.kill(os.getpid(), signal.SIGKILL)
    if _count == _ENOSPC_AT:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
