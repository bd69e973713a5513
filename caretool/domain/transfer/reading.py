"""Reading an import file with bounds, before anything in it is trusted.

Only a regular file is read (a FIFO, a device such as /dev/zero or a folder is refused at once:
it is opened without blocking and looked at before any byte is read), at most MAX_BYTES of it,
and its nesting is measured on the raw bytes before the JSON parser builds anything, so a hostile
file can neither hang the command nor exhaust memory or the stack.
"""

from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import dataclass
from itertools import accumulate, count
from operator import sub
from pathlib import Path
from typing import Any

from caretool.core.errors import BadInput, DataError, NotFound
from caretool.core.messages import msg
from caretool.domain.transfer.export import FORMAT, VERSION

MAX_BYTES = 200 * 1024 * 1024  # a 5-year household exports to about 20 MB
MAX_DEPTH = 32  # an export nests 5 deep; JSON nested thousands deep is an attack, not data
_CHUNK = 1 << 16

NO_FILE = msg("import.no-file", "no file {path}")
NO_FILE_HINT = msg("import.no-file.hint", "check the name; make one with `caretool export --output FILE`")
IS_A_FOLDER = msg("import.is-a-folder", "{path} is a folder")
NOT_A_FILE = msg("import.not-a-file", "{path} is not a regular file (a device, a pipe or a socket)")
GIVE_THE_FILE_HINT = msg("import.give-the-file.hint", "give the export file")
CANNOT_READ = msg("import.cannot-read", "cannot read {path}: {reason}")
CANNOT_READ_HINT = msg("import.cannot-read.hint", "check the file's permissions")
TOO_BIG = msg("import.too-big", "{path} is larger than {limit} MB, more than any caretool export")
TOO_BIG_HINT = msg("import.too-big.hint",
                   "check that this is an export; export fewer months with --from/--to")
TOO_DEEP = msg("import.too-deep",
               "{path} is not a caretool export (its JSON is nested more than {limit} deep)")
NOT_JSON = msg("import.not-json", "{path} is not a caretool export (not valid JSON: {problem})")
NOT_JSON_HINT = msg("import.not-json.hint", "import a file made by `caretool export --format json`")
NOT_AN_EXPORT = msg("import.not-an-export", "{path} is not a caretool export")
NOT_AN_EXPORT_HINT = msg("import.not-an-export.hint", "import a file made by `caretool export`")
NO_VERSION = msg("import.no-version", "{path} has no valid export version")
EXPORT_AGAIN_HINT = msg("import.export-again.hint", "export it again with `caretool export`")
NEWER = msg("import.newer", "{path} was made by a newer caretool (export version {version})")
NEWER_HINT = msg("import.newer.hint", "upgrade caretool (pip install -U caretool) and import again")
NO_HOUSEHOLD = msg("import.no-household", "{path} has no household")
NO_RECORDS = msg("import.no-records", "{path} has no list of records")

# What nesting is measured on: brackets and quotes, once escaped backslashes and quotes are gone,
# so every quote left opens or closes a string and a string is simply "...".
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'[]{}"')
_STRING = re.compile(rb'"[^"]*"')
_WEIGHTS = bytes.maketrans(b"[{]}", b"\x02\x02\x00\x00")  # an opener adds 1, a closer takes 1
# "\ud800".."\udfff" written as escapes: the only way JSON text can hold a surrogate.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


@dataclass
class ExportFile:
    """A parsed export whose envelope is checked; its household and records are not yet."""

    path: Path
    data: dict[str, Any]
    may_hold_surrogates: bool  # written with \\ud800-style escapes: every string must be checked

    @property
    def records(self) -> list[Any]:
        records: list[Any] = self.data["records"]
        return records


def _read_bounded(path: Path) -> bytes:
    shown = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise NotFound(NO_FILE(path=shown), NO_FILE_HINT) from None
    except IsADirectoryError:
        raise BadInput(IS_A_FOLDER(path=shown), GIVE_THE_FILE_HINT) from None
    except OSError as exc:
        raise DataError(CANNOT_READ(path=shown, reason=exc.strerror), CANNOT_READ_HINT) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise BadInput(IS_A_FOLDER(path=shown), GIVE_THE_FILE_HINT)
        if not stat.S_ISREG(info.st_mode):
            raise BadInput(NOT_A_FILE(path=shown), GIVE_THE_FILE_HINT)
        if info.st_size > MAX_BYTES:
            raise BadInput(TOO_BIG(path=shown, limit=MAX_BYTES // (1024 * 1024)), TOO_BIG_HINT)
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            raw = handle.read(MAX_BYTES + 1)  # a file that grows while it is read stops here
    except OSError as exc:
        raise DataError(CANNOT_READ(path=shown, reason=exc.strerror), CANNOT_READ_HINT) from None
    finally:
        os.close(fd)
    if len(raw) > MAX_BYTES:
        raise BadInput(TOO_BIG(path=shown, limit=MAX_BYTES // (1024 * 1024)), TOO_BIG_HINT)
    return raw


def nesting(raw: bytes, limit: int = MAX_DEPTH) -> int:
    """How deep the JSON text nests (strings ignored), stopping soon after it passes `limit`.

    Done in C-speed steps (replace, translate, a regex, accumulate) on 64 KB pieces that each
    start outside a string, so a large file costs a fraction of parsing it and little memory.
    """
    plain = raw.replace(b"\\\\", b"").replace(b'\\"', b"").translate(None, _NOT_STRUCTURE)
    depth = deepest = start = 0
    while start < len(plain) and deepest <= limit:
        end = min(start + _CHUNK, len(plain))
        if plain.count(b'"', start, end) % 2:  # the piece would end inside a string: end after it
            after = plain.find(b'"', end)
            end = len(plain) if after < 0 else after + 1
        brackets = _STRING.sub(b"", plain[start:end]).translate(_WEIGHTS)
        if brackets:  # depth after the i-th bracket = depth + (sum of weights so far) - i
            deepest = max(deepest, depth + max(map(sub, accumulate(brackets), count(1))))
            depth += sum(brackets) - len(brackets)
        start = end
    return deepest


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def read_export(path: Path) -> ExportFile:
    """The parsed file, with its envelope (format, version, household, records) checked."""
    path = path.expanduser()
    shown = str(path)
    raw = _read_bounded(path)
    surrogates = bool(_SURROGATE_ESCAPE.search(raw))
    if nesting(raw) > MAX_DEPTH:
        raise BadInput(TOO_DEEP(path=shown, limit=MAX_DEPTH), NOT_JSON_HINT)
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        problem = str(exc)[:120]
        raise BadInput(NOT_JSON(path=shown, problem=problem), NOT_JSON_HINT) from None
    del raw
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BadInput(NOT_AN_EXPORT(path=shown), NOT_AN_EXPORT_HINT)
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BadInput(NO_VERSION(path=shown), EXPORT_AGAIN_HINT)
    if version > VERSION:
        raise BadInput(NEWER(path=shown, version=version), NEWER_HINT)
    if not isinstance(data.get("household"), dict):
        raise BadInput(NO_HOUSEHOLD(path=shown), EXPORT_AGAIN_HINT)
    if not isinstance(data.get("records"), list):
        raise BadInput(NO_RECORDS(path=shown), EXPORT_AGAIN_HINT)
    return ExportFile(path, data, may_hold_surrogates=surrogates)
