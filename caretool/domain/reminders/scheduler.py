"""Asking caretool every 15 minutes: a crontab line and a systemd user timer that run
`caretool med due --soon 15m --notify`, for the caretool being run and its data home.

Nothing is installed silently: `remind setup` only prints these, `--install` writes the two
systemd user unit files after the user confirms, and `remind remove` takes out only files that
carry caretool's marker line. caretool never edits a crontab and never runs systemctl; it says
which commands to run.
"""

from __future__ import annotations

import os
import re
import shlex
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from caretool.core.errors import DataError
from caretool.core.messages import msg
from caretool.domain.interview import Interview, Say, yes_no

EVERY_MINUTES = 15
SOON = "15m"
UNIT = "caretool-reminders"
MARKER = "# Written by caretool (`caretool remind setup --install`); `caretool remind remove` takes it out."
DBUS = "unix:path=/run/user/{uid}/bus"
# What the command needs to run the same way later: the import path (for python -m caretool),
# the language, and the time zone when it is not the system's (cron and systemd do not read ~/.profile).
PASSED_ON = ("PYTHONPATH", "CARETOOL_LANG", "TZ")
CANNOT_WRITE = msg("remind.cannot-write", "cannot write {path}: {reason}")
CANNOT_WRITE_HINT = msg("remind.cannot-write.hint", "check that the folder {folder} is yours and writable")
NOT_OURS = msg("remind.not-ours", "{path} exists and was not written by caretool")
NOT_OURS_HINT = msg("remind.not-ours.hint", "move it away or rename it, then install again")
CANNOT_REMOVE = msg("remind.cannot-remove", "cannot remove {path}: {reason}")
CANNOT_REMOVE_HINT = msg("remind.cannot-remove.hint", "remove it by hand")
NOT_LINUX = msg("remind.not-linux", "systemd user timers are for Linux")
NOT_LINUX_HINT = msg("remind.not-linux.hint", "use the crontab line that `caretool remind setup` prints")
WILL_WRITE = msg("remind.will-write", "This writes {service} and {timer}.")
WRITE_PROMPT = msg("remind.write-prompt", "Write the reminder timer files?")
_PLAIN = re.compile(r"[A-Za-z0-9_@%+=:,./-]+", re.ASCII)


@dataclass(frozen=True)
class Setup:
    command: tuple[str, ...]  # the caretool being run, then `med due --soon 15m --notify`
    environment: tuple[tuple[str, str], ...]  # CARETOOL_HOME first
    unit_dir: Path
    linux: bool
    uid: int

    @property
    def service_path(self) -> Path:
        return self.unit_dir / f"{UNIT}.service"

    @property
    def timer_path(self) -> Path:
        return self.unit_dir / f"{UNIT}.timer"

    @property
    def wants_link(self) -> Path:
        return self.unit_dir / "timers.target.wants" / f"{UNIT}.timer"


def caretool_command(argv0: str, executable: str) -> tuple[str, ...]:
    """The full path of the caretool being run: its script, or `python -m caretool`."""
    # abspath, not resolve: a virtual environment's python is a link, and following it would
    # leave the environment (and caretool) behind.
    script = Path(argv0)
    if script.name.startswith("caretool") and script.suffix != ".py" and script.is_file():
        return (os.path.abspath(script),)
    return (os.path.abspath(executable) if executable else "python3", "-m", "caretool")


def plan(*, argv0: str, executable: str, home: Path, environ: Mapping[str, str], platform: str,
         uid: int) -> Setup:
    command = caretool_command(argv0, executable)
    env = [("CARETOOL_HOME", str(home.expanduser().resolve()))]
    wanted = PASSED_ON if len(command) > 1 else PASSED_ON[1:]  # a script finds its own caretool
    env += [(k, environ[k]) for k in wanted if environ.get(k)]
    config = Path(environ.get("XDG_CONFIG_HOME") or Path(environ.get("HOME", "~")) / ".config").expanduser()
    return Setup((*command, "med", "due", "--soon", SOON, "--notify"), tuple(env),
                 config / "systemd" / "user", platform.startswith("linux"), uid)


# --- the texts ---------------------------------------------------------------------------------
def _systemd_word(word: str, *, command: bool = True) -> str:
    """A word of ExecStart= (command) or Environment=, quoted for systemd: % starts a specifier
    in both, $ a variable in ExecStart= only."""
    word = word.replace("%", "%%")
    if command:
        word = word.replace("$", "$$")
    if _PLAIN.fullmatch(word):
        return word
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


def crontab_line(setup: Setup) -> str:
    """A ready crontab line (for `crontab -e`); % is escaped, which cron would read as a newline."""
    env = [*setup.environment]
    if setup.linux:  # cron has no session bus; notify-send needs it to reach the desktop
        env.append(("DBUS_SESSION_BUS_ADDRESS", DBUS.format(uid=setup.uid)))
    words = [f"{k}={shlex.quote(v)}" for k, v in env] + [shlex.quote(w) for w in setup.command]
    return f"*/{EVERY_MINUTES} * * * * " + " ".join(words).replace("%", "\\%") + " >/dev/null"


def service_text(setup: Setup) -> str:
    lines = [MARKER, "[Unit]", "Description=caretool: medicine doses due in the next 15 minutes", "",
             "[Service]", "Type=oneshot"]
    lines += [f"Environment={_systemd_word(f'{k}={v}', command=False)}" for k, v in setup.environment]
    lines += ["ExecStart=" + " ".join(_systemd_word(w) for w in setup.command),
              "# exit 1 means no dose is due: not a failure", "SuccessExitStatus=1", ""]
    return "\n".join(lines)


def timer_text(setup: Setup) -> str:
    return "\n".join([
        MARKER, "[Unit]", "Description=caretool: look for medicine doses every 15 minutes", "",
        "[Timer]", f"OnCalendar=*:0/{EVERY_MINUTES}",
        "# run at start-up when the computer was off at a check",
        "Persistent=true", "AccuracySec=1min", "", "[Install]", "WantedBy=timers.target", ""])


def describe(setup: Setup) -> dict[str, Any]:
    """What `remind setup` prints (and --json returns)."""
    return {"command": list(setup.command), "environment": dict(setup.environment),
            "crontab": crontab_line(setup), "systemd": setup.linux,
            "service_file": str(setup.service_path), "timer_file": str(setup.timer_path),
            "service": service_text(setup), "timer": timer_text(setup),
            "installed": _ours(setup.service_path) and _ours(setup.timer_path),
            "enable": ["systemctl --user daemon-reload", f"systemctl --user enable --now {UNIT}.timer"],
            "check": [f"systemctl --user list-timers {UNIT}.timer", f"journalctl --user -u {UNIT}.service"]}


# --- writing and removing the files --------------------------------------------------------------
def _ours(path: Path) -> bool:
    try:
        return path.is_file() and path.read_text(encoding="utf-8").startswith(MARKER)
    except (OSError, UnicodeDecodeError):
        return False


def _write(path: Path, text: str) -> None:
    if path.exists() and not _ours(path):
        raise DataError(NOT_OURS(path=str(path)), NOT_OURS_HINT)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{path.name}.tmp")
        temp.write_text(text, encoding="utf-8")
        os.replace(temp, path)
    except OSError as exc:
        raise DataError(CANNOT_WRITE(path=str(path), reason=exc.strerror or str(exc)),
                        CANNOT_WRITE_HINT(folder=str(path.parent))) from None


def confirm_install(setup: Setup) -> Interview[bool]:
    """Ask before writing anything (no default: Enter asks again)."""
    yield Say(WILL_WRITE(service=str(setup.service_path), timer=str(setup.timer_path)))
    return bool((yield yes_no("remind.install", WRITE_PROMPT, None)))


def install(setup: Setup) -> list[str]:
    """Write the service and the timer (only after the user confirmed); returns their paths."""
    for path in (setup.service_path, setup.timer_path):  # refuse before writing anything
        if path.exists() and not _ours(path):
            raise DataError(NOT_OURS(path=str(path)), NOT_OURS_HINT)
    _write(setup.service_path, service_text(setup))
    _write(setup.timer_path, timer_text(setup))
    return [str(setup.service_path), str(setup.timer_path)]


def remove(setup: Setup) -> list[str]:
    """Take out caretool's unit files (and the link `systemctl enable` made); returns what went."""
    gone: list[str] = []
    link = setup.wants_link
    targets: Sequence[Path] = [p for p in (setup.service_path, setup.timer_path) if _ours(p)]
    try:
        if link.is_symlink() and Path(os.readlink(link)).name == f"{UNIT}.timer":
            link.unlink()
            gone.append(str(link))
        for path in targets:
            path.unlink()
            gone.append(str(path))
    except OSError as exc:
        raise DataError(CANNOT_REMOVE(path=str(exc.filename or link), reason=exc.strerror or str(exc)),
                        CANNOT_REMOVE_HINT) from None
    return gone
