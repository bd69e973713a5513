"""`caretool remind setup [--install]` and `remind remove`: the scheduler's side of reminders.

Every test writes into the temporary XDG_CONFIG_HOME that conftest sets, never the real one.
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path
from typing import Any

import pytest

from caretool.domain.reminders import scheduler


@pytest.fixture
def units(tmp_path: Path) -> Path:
    folder = Path(os.environ["XDG_CONFIG_HOME"]) / "systemd" / "user"
    assert str(folder).startswith(str(tmp_path))  # never the real ~/.config
    return folder


def test_setup_prints_a_crontab_line_and_a_persistent_timer_for_this_caretool(
        run: Any, household: Any, home: Path, units: Path) -> None:
    household()
    info = run.json("remind", "setup")
    command = info["command"]
    assert Path(command[0]).is_absolute() and command[-5:] == ["med", "due", "--soon", "15m", "--notify"]
    assert info["environment"]["CARETOOL_HOME"] == str(home.resolve())
    line = info["crontab"]
    assert line.startswith("*/15 * * * * ")
    words = shlex.split(line[len("*/15 * * * * "):].replace(" >/dev/null", ""))
    assert f"CARETOOL_HOME={home.resolve()}" in words
    assert words[-5:] == ["med", "due", "--soon", "15m", "--notify"]
    if sys.platform.startswith("linux"):
        assert f"DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/{os.getuid()}/bus" in words
    assert "Persistent=true" in info["timer"] and "OnCalendar=*:0/15" in info["timer"]
    assert "SuccessExitStatus=1" in info["service"]
    assert f"Environment=CARETOOL_HOME={home.resolve()}" in info["service"]
    assert info["timer_file"] == str(units / "caretool-reminders.timer")
    assert not units.exists()  # printing installs nothing
    text = run("remind", "setup").stdout
    assert line in text and "Persistent=true" in text and "crontab -e" in text


def test_install_writes_the_files_only_after_a_yes(run: Any, household: Any, units: Path) -> None:
    household()
    refused = run("remind", "setup", "--install", input="n\n", code=1)
    assert "This writes" in refused.stderr and "Nothing was written." in refused.stderr
    assert not units.exists()
    run("remind", "setup", "--install", input="", code=1)  # end of input: cancelled
    assert not units.exists()
    done = run("remind", "setup", "--install", input="maybe\ny\n")
    assert "Please try again" in done.stderr
    service, timer = units / "caretool-reminders.service", units / "caretool-reminders.timer"
    assert service.is_file() and timer.is_file()
    assert "Persistent=true" in timer.read_text()
    assert "systemctl --user enable --now caretool-reminders.timer" in done.stderr
    assert run.json("remind", "setup")["installed"] is True


def test_remove_takes_out_only_caretools_files(run: Any, household: Any, units: Path) -> None:
    household()
    assert "Nothing to remove" in run("remind", "remove").stdout
    run("remind", "setup", "--install", "--yes")
    wants = units / "timers.target.wants"
    wants.mkdir()
    (wants / "caretool-reminders.timer").symlink_to(units / "caretool-reminders.timer")
    (units / "other.timer").write_text("[Timer]\n")
    gone = run.json("remind", "remove")["removed"]
    assert sorted(Path(p).name for p in gone) == ["caretool-reminders.service", "caretool-reminders.timer",
                                                    "caretool-reminders.timer"]
    assert sorted(p.name for p in units.rglob("*")) == ["other.timer", "timers.target.wants"]


def test_install_refuses_to_overwrite_a_file_it_did_not_write(run: Any, household: Any, units: Path) -> None:
    household()
    units.mkdir(parents=True)
    mine = units / "caretool-reminders.timer"
    mine.write_text("[Timer]\nOnCalendar=daily\n")
    result = run("remind", "setup", "--install", "--yes", code=3)
    assert "was not written by caretool" in result.stderr
    assert mine.read_text() == "[Timer]\nOnCalendar=daily\n"
    assert not (units / "caretool-reminders.service").exists()
    run("remind", "remove")
    assert mine.exists()


def test_odd_paths_are_quoted_for_cron_and_systemd(tmp_path: Path) -> None:
    home = tmp_path / "care 100% $HOME"
    setup = scheduler.plan(argv0="/opt/my tools/caretool", executable="/usr/bin/python3", home=home,
                           environ={"XDG_CONFIG_HOME": str(tmp_path), "TZ": "Asia/Seoul"}, platform="linux",
                           uid=1000)
    assert setup.command[:3] == ("/usr/bin/python3", "-m", "caretool")  # no such script: python -m
    service = scheduler.service_text(setup)
    assert "Environment=TZ=Asia/Seoul" in service  # cron and systemd do not read the shell's TZ
    assert f'Environment="CARETOOL_HOME={home.resolve()}"'.replace("%", "%%") in service
    line = scheduler.crontab_line(setup)
    assert "\\%" in line and " 100% " not in line
    words = shlex.split(line[len("*/15 * * * * "):].replace("\\%", "%").replace(" >/dev/null", ""))
    assert f"CARETOOL_HOME={home.resolve()}" in words


def test_the_script_itself_is_used_when_caretool_runs_as_a_script(tmp_path: Path) -> None:
    script = tmp_path / "bin" / "caretool"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n")
    setup = scheduler.plan(argv0=str(script), executable="/usr/bin/python3", home=tmp_path / "home",
                           environ={"PYTHONPATH": "/src", "HOME": str(tmp_path)}, platform="darwin", uid=501)
    assert setup.command[0] == str(script)
    assert "PYTHONPATH" not in dict(setup.environment)  # the script finds its own caretool
    assert setup.unit_dir == tmp_path / ".config" / "systemd" / "user"
    assert "DBUS_SESSION_BUS_ADDRESS" not in scheduler.crontab_line(setup)  # not on macOS


def test_install_is_for_linux_only(run: Any, household: Any, monkeypatch: pytest.MonkeyPatch,
                                   units: Path) -> None:
    household()
    monkeypatch.setattr(sys, "platform", "darwin")
    assert "systemd user timers are for Linux" in run("remind", "setup", "--install", "--yes", code=2).stderr
    assert "use the cron line" in run("remind", "setup").stdout
    assert not units.exists()
