"""Copies of a whole data home: taken, checked, pruned and restored without ever half-doing it.

A backup is a folder backups/<YYYYmmdd-HHMMSS-ffffff>-<reason>/ with household.json, the month
files and manifest.json (the size and SHA-256 of every file, and the identity the original had).
It is built as a hidden ".<name>.partial" folder and renamed into place only when complete, and
an old backup is pruned by renaming it to ".<name>.deleting" before removing it, so a backup
that is listed is always whole. Hidden leftovers are removed by the next command that writes.

Copy on change: caretool only ever replaces a data file (a new inode), never rewrites one, so a
file whose inode, size, mtime and ctime are what the previous backup recorded is the very
content that backup holds, and the new backup hard-links that copy instead of copying again.
Backups never share an inode with the live files, so damage done to a live file (an editor
writing in place, a truncation) never reaches a backup. The id index is derived data and is not
backed up; a restore rebuilds it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from caretool.core.errors import BadInput, CaretoolError, DataError, NotFound
from caretool.core.messages import Message, from_dict, msg
from caretool.store import faults, files, schema, validate
from caretool.store.paths import BACKUP_LEFTOVER, BACKUP_NAME, BACKUPS, ENTRIES, HOUSEHOLD, is_month_name

KEEP = 20
MANIFEST = "manifest.json"
MANIFEST_VERSION = 1
NAME = BACKUP_NAME
LEFTOVER = BACKUP_LEFTOVER

NO_BACKUP = msg("store.backup.none-called", "no backup called {name!r}")
NO_BACKUP_HINT = msg("store.backup.none-called.hint", "list them with `caretool backup --list`")
AMBIGUOUS = msg("store.backup.ambiguous", "{name!r} matches {count} backups")
AMBIGUOUS_HINT = msg("store.backup.ambiguous.hint", "type more of the name")
DAMAGED = msg("store.backup.damaged", "backup {name} cannot be restored: {problem}")
USE_GOOD_HINT = msg("store.backup.use-good.hint",
                    "restore the newest good backup instead: `caretool backup --restore {name}`")
NO_GOOD_HINT = msg("store.backup.no-good.hint",
                   "no backup passes the checks; leave the data folder as it is and get help "
                   "(`caretool doctor` lists what is wrong)")
MISSING = msg("store.backup.file-missing", "{file} is missing from it")
CHANGED = msg("store.backup.file-changed", "{file} is not what was backed up (its size or checksum differs)")
NO_HOUSEHOLD = msg("store.backup.no-household", "it has no household file")
BAD_MANIFEST = msg("store.backup.bad-manifest", "its list of files ({file}) is damaged")
COPY_BAD = msg("store.backup.copy-bad", "the copy in {path} does not read back the same: {problem}")
COPY_BAD_HINT = msg("store.backup.copy-bad.hint",
                    "the drive may be failing or full; try another one (the copy was removed)")
NOT_A_FOLDER = msg("store.backup.not-a-folder", "{path} is not a folder caretool can copy into")
NOT_A_FOLDER_HINT = msg("store.backup.not-a-folder.hint", "give the path of a folder, e.g. a USB stick")


@dataclass
class Made:
    path: Path
    files: int = 0
    linked: int = 0
    skipped: list[Message] = field(default_factory=list)


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def _listing(root: Path) -> list[os.DirEntry[str]]:
    try:
        return list(os.scandir(root))
    except (FileNotFoundError, NotADirectoryError):
        return []


def list_backups(home: Path) -> list[Path]:
    """Complete backups, oldest first (hidden folders are being made or removed)."""
    return sorted(Path(item.path) for item in _listing(home / BACKUPS)
                  if NAME.match(item.name) and item.is_dir(follow_symlinks=False))


def leftovers(home: Path) -> list[Path]:
    return sorted(Path(item.path) for item in _listing(home / BACKUPS)
                  if LEFTOVER.match(item.name) and item.is_dir(follow_symlinks=False))


def clean_leftovers(home: Path) -> None:
    """Remove half-made and half-removed backups. Call under the write lock."""
    for path in leftovers(home):
        shutil.rmtree(path, ignore_errors=True)


def data_files(home: Path) -> Iterator[str]:
    """The names (relative to the home) of the files a backup holds: household.json and months."""
    yield HOUSEHOLD
    for item in sorted(_listing(home / ENTRIES), key=lambda i: i.name):
        if is_month_name(item.name):
            yield f"{ENTRIES}/{item.name}"


def read_manifest(folder: Path) -> dict[str, Any] | None:
    try:
        raw = files.read_json(folder / MANIFEST, files.MAX_SMALL_BYTES)
    except DataError:
        return None
    if not isinstance(raw, dict) or raw.get("caretool_backup") != MANIFEST_VERSION:
        return None
    listed = raw.get("files")
    if not isinstance(listed, dict) or not all(
            isinstance(v, dict) and type(v.get("size")) is int and isinstance(v.get("sha256"), str)
            for v in listed.values()):
        return None
    return raw


def _identity(info: os.stat_result) -> list[int]:
    return [info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]


def _build(home: Path, temp: Path, reason: str, previous: Path | None, *, link: bool) -> Made:
    """Fill temp with a backup of home (temp's parent exists); returns what was done."""
    made = Made(temp)
    files.make_private_dir(temp / ENTRIES, strict=link)
    before = read_manifest(previous) if previous is not None and link else None
    earlier = (before or {}).get("files", {})
    manifest: dict[str, Any] = {"caretool_backup": MANIFEST_VERSION, "reason": reason,
                                "made": datetime.now().astimezone().isoformat(timespec="seconds"),
                                "schema": schema.SCHEMA_VERSION, "files": {}, "skipped": []}
    for relative in data_files(home):
        source = home / relative
        info = files.lstat_or_none(source)
        if info is None:
            continue
        problem = files.not_regular(source, info.st_mode)
        if problem is not None:
            made.skipped.append(problem)
            manifest["skipped"].append({"file": relative, "problem": problem.to_dict()})
            continue
        target = temp / relative
        old = earlier.get(relative)
        if previous is not None and old is not None and old.get("source") == _identity(info):
            copy = previous / relative
            copy_info = files.lstat_or_none(copy)
            if copy_info is not None and stat.S_ISREG(copy_info.st_mode) and copy_info.st_size == old["size"]:
                try:
                    faults.step("link", target)
                    os.link(copy, target, follow_symlinks=False)
                    manifest["files"][relative] = dict(old)
                    made.files += 1
                    made.linked += 1
                    continue
                except OSError as exc:
                    if exc.errno not in (errno.EMLINK, errno.EXDEV, errno.EPERM, errno.ENOTSUP):
                        raise
        data = files.read_bytes(source)
        if data is None:
            continue
        files.write_file(target, data)
        ok = not _content_problems(source, relative, data, None)[0]  # cheap: only what changed
        manifest["files"][relative] = {"size": len(data), "sha256": files.sha256(data),
                                       "source": _identity(info), "ok": ok}
        made.files += 1
    files.write_file(temp / MANIFEST, files.dumps(manifest))
    files.fsync_dir(temp / ENTRIES)
    files.fsync_dir(temp)
    return made


def make_backup(home: Path, reason: str = "manual") -> Path:
    """Copy the whole home into backups/<timestamp>-<reason>/ and keep the newest KEEP."""
    return make_backup_report(home, reason).path


def make_backup_report(home: Path, reason: str = "manual") -> Made:
    root = home / BACKUPS
    files.real_folder(root)
    files.make_private_dir(root)
    final = root / f"{_stamp()}-{reason}"
    temp = root / f".{final.name}.partial"
    existing = list_backups(home)
    try:
        made = _build(home, temp, reason, existing[-1] if existing else None, link=True)
        files.rename(temp, final)
        files.fsync_dir(root)
    except OSError as exc:
        shutil.rmtree(temp, ignore_errors=True)
        raise files.write_error(temp, exc) from None
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    made.path = final
    _prune(home)
    return made


def sound_when_taken(folder: Path) -> bool:
    """What the backup's manifest says: every file passed the checks when it was taken."""
    manifest = read_manifest(folder)
    return manifest is not None and HOUSEHOLD in manifest["files"] and all(
        entry.get("ok") is True for entry in manifest["files"].values())


def _prune(home: Path) -> None:
    """Keep the newest KEEP backups, and never the newest sound one: after days of writing to a
    home with a damaged file, the last good copy is still there."""
    root = home / BACKUPS
    listed = list_backups(home)
    doomed = listed[:-KEEP]
    if doomed:
        keep = next((folder for folder in reversed(listed) if sound_when_taken(folder)), None)
        doomed = [folder for folder in doomed if folder != keep]
    for old in doomed:
        going = root / f".{old.name}.deleting"
        try:
            files.rename(old, going)  # no longer listed from here on, however far removal gets
            files.fsync_dir(root)
            faults.step("remove-tree", going)
        except OSError:
            return  # pruning is tidying: a failure leaves one backup too many, nothing worse
        shutil.rmtree(going, ignore_errors=True)


# --- checking ---------------------------------------------------------------------------------
@dataclass
class Loaded:
    problems: list[Message]
    skipped: list[Message] = field(default_factory=list)  # what was not a regular file when taken
    household: bytes = b""
    months: dict[str, bytes] = field(default_factory=dict)
    ids: dict[str, list[str]] = field(default_factory=dict)


def _content_problems(path: Path, relative: str, data: bytes, check_record: validate.CheckRecord | None
                      ) -> tuple[list[Message], list[str] | None]:
    """The doctor's checks of one file's content; for a month also the ids it holds."""
    try:
        parsed = files.parse(path, data)
        if relative != HOUSEHOLD:
            month = validate.check_month(path, parsed, check_record)
            return [], [r["id"] for r in month[validate.ENTRY_TABLE].values()]
        tables = validate.check_tables(path, parsed)
        version = validate.schema_version(path, tables)
        if version > schema.SCHEMA_VERSION:
            return [validate.NEWER(path=str(path), version=version, supported=schema.SCHEMA_VERSION)], None
        return (validate.household_problems(path, tables) if version == schema.SCHEMA_VERSION else []), None
    except CaretoolError as exc:
        return [exc.message], None


def load_backup(folder: Path, check_record: validate.CheckRecord | None = None) -> Loaded:
    """Read a backup and run the doctor's checks on every file in it."""
    problems: list[Message] = []
    loaded = Loaded(problems)
    manifest = read_manifest(folder)
    if manifest is None and files.lstat_or_none(folder / MANIFEST) is not None:
        problems.append(BAD_MANIFEST(file=str(folder / MANIFEST)))
        return loaded
    listed: dict[str, Any] = manifest["files"] if manifest else {}
    known = {m.id: m for m in (files.IS_SYMLINK, files.IS_FOLDER, files.IS_FIFO, files.IS_DEVICE,
                               files.IS_SOCKET, files.IS_ODD)}
    for item in (manifest or {}).get("skipped") or []:
        problem = from_dict(item.get("problem") or {}, known) if isinstance(item, dict) else None
        if problem is not None:
            loaded.skipped.append(problem)
    names = list(listed) if manifest else list(data_files(folder))
    if HOUSEHOLD not in names:
        problems.append(NO_HOUSEHOLD())
        return loaded
    for relative in names:
        path = folder / relative
        if relative != HOUSEHOLD and not (relative.startswith(f"{ENTRIES}/")
                                          and is_month_name(relative.split("/", 1)[1])):
            continue
        try:
            data = files.read_bytes(path)
        except DataError as exc:
            problems.append(exc.message)
            continue
        if data is None:
            problems.append(MISSING(file=relative))
            continue
        if manifest and (len(data) != listed[relative]["size"]
                         or files.sha256(data) != listed[relative]["sha256"]):
            problems.append(CHANGED(file=relative))
            continue
        problems_here, ids = _content_problems(path, relative, data, check_record)
        problems.extend(problems_here)
        if relative == HOUSEHOLD:
            loaded.household = data
        elif ids is not None:
            loaded.months[path.stem] = data
            loaded.ids[path.stem] = ids
    return loaded


def check_backup(folder: Path, check_record: validate.CheckRecord | None = None) -> list[Message]:
    return load_backup(folder, check_record).problems


def newest_good(home: Path, skip: tuple[Path, ...] = (),
                check_record: validate.CheckRecord | None = None) -> Path | None:
    for folder in reversed(list_backups(home)):
        if folder not in skip and not check_backup(folder, check_record):
            return folder
    return None


def find_backup(home: Path, name: str) -> Path:
    """A listed backup by its name (or the start of it), or a backup folder given by its path."""
    given = Path(name).expanduser()
    if not name.strip():
        raise NotFound(NO_BACKUP(name=name), NO_BACKUP_HINT)
    if os.sep in name or name.startswith(("~", ".")):
        if not given.is_dir():
            raise NotFound(NO_BACKUP(name=name), NO_BACKUP_HINT)
        return given
    matches = [p for p in list_backups(home) if p.name == name or p.name.startswith(name)]
    if not matches:
        raise NotFound(NO_BACKUP(name=name), NO_BACKUP_HINT)
    if len(matches) > 1:
        raise BadInput(AMBIGUOUS(name=name, count=len(matches)), AMBIGUOUS_HINT)
    return matches[0]


def restore_backup(store: Any, name: str) -> tuple[Path, Path | None, list[Message]]:
    """Make the home hold the backup's files, after checking them; the current files are first
    kept as a backup of their own. The switch is one transaction: a kill leaves the old home or
    the restored one. Call with a Store opened for writing in repair mode.

    Returns the restored backup, the safety copy of what was there (None if there was nothing)
    and what the backup could not hold (files that were not regular files when it was taken).
    """
    home: Path = store.home
    chosen = find_backup(home, name)
    loaded = load_backup(chosen, store.check_record)
    if loaded.problems:
        good = newest_good(home, skip=(chosen,), check_record=store.check_record)
        shown = chosen.name if chosen.parent == home / BACKUPS else str(chosen)
        raise DataError(DAMAGED(name=shown, problem=loaded.problems[0]),
                        USE_GOOD_HINT(name=good.name) if good else NO_GOOD_HINT)
    safety = None
    if any(files.lstat_or_none(home / relative) is not None for relative in data_files(home)):
        safety = make_backup(home, reason="before-restore")
    store.replace_home(loaded.household, loaded.months, loaded.ids)
    return chosen, safety, loaded.skipped


# --- a copy elsewhere (a USB stick) -----------------------------------------------------------
def _folder_for_copy(folder: Path) -> None:
    """Like make_private_dir, but a drive that cannot hold permissions (FAT) is fine."""
    missing = []
    probe = folder
    while files.lstat_or_none(probe) is None and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    try:
        for item in reversed(missing):
            faults.step("mkdir", item)
            os.mkdir(item, 0o700)
            with contextlib.suppress(OSError):  # FAT keeps no permissions
                os.chmod(item, 0o700)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise DataError(files.DISK_FULL(), files.DISK_FULL_HINT) from None
        raise DataError(files.CANNOT_CREATE_FOLDER(path=str(folder), reason=exc.strerror or str(exc)),
                        NOT_A_FOLDER_HINT) from None
    if not folder.is_dir():
        raise BadInput(NOT_A_FOLDER(path=str(folder)), NOT_A_FOLDER_HINT)


def _drop_cache(path: Path) -> None:
    """Ask the kernel to forget its cached copy, so reading it back reads the drive."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError:
        return
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    except (OSError, AttributeError):
        pass
    finally:
        os.close(fd)


def copy_to(home: Path, destination: Path) -> Made:
    """A full, checked copy of the home in a new folder inside destination."""
    destination = destination.expanduser()
    _folder_for_copy(destination)
    final = destination / f"caretool-backup-{_stamp()}"
    temp = destination / f".{final.name}.partial"
    try:
        faults.step("mkdir", temp)
        os.mkdir(temp, 0o700)
        made = _build(home, temp, "copy", None, link=False)
    except OSError as exc:
        shutil.rmtree(temp, ignore_errors=True)
        raise files.write_error(temp, exc) from None
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    for path in temp.rglob("*.json"):
        _drop_cache(path)
    problems = check_backup(temp)
    if problems:
        shutil.rmtree(temp, ignore_errors=True)
        raise DataError(COPY_BAD(path=str(final), problem=problems[0]), COPY_BAD_HINT)
    try:
        files.rename(temp, final)
        files.fsync_dir(destination)
    except OSError as exc:
        shutil.rmtree(temp, ignore_errors=True)
        raise files.write_error(final, exc) from None
    made.path = final
    return made
