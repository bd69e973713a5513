"""The real `caretool report` process: a closed pipe exits 0, and --no-color prints no escape codes,
not even bold, in a real terminal (issue 18, item 15)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

TIMEOUT = 60


def environment(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CARETOOL_") and k != "NO_COLOR"}
    env.update(CARETOOL_HOME=str(home), COLUMNS="100", LC_ALL="C.UTF-8", **extra)
    return env


@pytest.fixture
def busy_home(run: Any, household: Any, home: Path) -> Path:
    household("Ji-woo")
    for day in range(1, 8):
        run("log", "symptom", "cramps", "--severity", "2", "--at", f"{day} days ago")
        run("log", "hours", "9", "--at", f"{day} days ago")
    run("log", "note", "a long week")
    return home


@pytest.mark.parametrize("args", [["report"], ["report", "--format", "md"], ["--json", "report"],
                                  ["burnout"], ["today"]])
def test_a_reader_that_goes_away_is_not_an_error(busy_home: Path, args: list[str]) -> None:
    """`caretool report | head -3`: the pipe closes before caretool is done writing."""
    proc = subprocess.Popen([sys.executable, "-m", "caretool", "--no-color", *args],
                            env=environment(busy_home), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader leaves before the first line: every write hits a closed pipe
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=TIMEOUT) == 0, err
    assert "unexpected" not in err and "Traceback" not in err


def test_head_three_reads_three_lines_and_exits_0(busy_home: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "caretool", "report"], env=environment(busy_home),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stderr is not None
    first = [proc.stdout.readline() for _ in range(3)]
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=TIMEOUT) == 0, err
    assert first[0].startswith("Care report for Min-jun")


pexpect = pytest.importorskip("pexpect")


def in_a_terminal(home: Path, *args: str) -> str:
    child = pexpect.spawn(sys.executable, ["-m", "caretool", *args], timeout=TIMEOUT, dimensions=(50, 110),
                          env=environment(home, TERM="xterm-256color"), encoding="utf-8")
    child.logfile_read = io.StringIO()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    return str(child.logfile_read.getvalue())


def test_no_color_means_no_escape_codes_at_all(busy_home: Path) -> None:
    coloured = in_a_terminal(busy_home, "report")
    assert "\x1b[1m" in coloured  # a terminal gets bold headings by default (the control)
    plain = in_a_terminal(busy_home, "--no-color", "report")
    assert "Care report for Min-jun" in plain and "Questions for the care team" in plain
    assert "\x1b[" not in plain


def test_the_no_color_variable_works_like_the_option(busy_home: Path) -> None:
    child = pexpect.spawn(sys.executable, ["-m", "caretool", "burnout"], timeout=TIMEOUT,
                          dimensions=(50, 110), encoding="utf-8",
                          env=environment(busy_home, TERM="xterm-256color", NO_COLOR="1"))
    child.logfile_read = io.StringIO()
    child.expect(pexpect.EOF)
    assert "burnout risk" in child.logfile_read.getvalue()
    assert "\x1b[" not in child.logfile_read.getvalue()
