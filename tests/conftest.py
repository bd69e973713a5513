"""Shared fixtures: every test gets its own data home, never the real one."""

from __future__ import annotations

import functools
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.testing
from typer.testing import CliRunner

from caretool.cli.root import app


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "home"
    monkeypatch.setenv("CARETOOL_HOME", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # `remind setup --install` writes here
    monkeypatch.setenv("CARETOOL_LOCK_TIMEOUT", "2")
    monkeypatch.delenv("CARETOOL_NOW", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    # English unless a test asks for Korean: a developer's ko_KR locale must not change what tests see
    for variable in ("CARETOOL_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    yield folder
    # An in-process `--lang ko` leaves the process in Korean; the next module's fixtures, which
    # build households without the CLI, must start in English whatever ran before them.
    from caretool.core import messages

    messages.set_language("en")


# Typer rebuilds the whole command tree on every invoke (~60 ms); the tree never changes here.
typer.testing._get_command = functools.cache(typer.testing._get_command)  # type: ignore[attr-defined]


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., None]]:
    """Pin caretool's clock and the time zone: clock("2026-11-20T21:00:00+00:00", tz="UTC")."""

    def pin(now: str, tz: str = "UTC") -> None:
        monkeypatch.setenv("TZ", tz)
        time.tzset()
        monkeypatch.setenv("CARETOOL_NOW", now)

    yield pin
    monkeypatch.undo()
    time.tzset()


def data_of(stdout: str) -> Any:
    """The `data` of the one JSON document a command printed (see views/output.py)."""
    document = json.loads(stdout)
    assert set(document) == {"caretool", "command", "ok", "data"} and document["ok"] is True, document
    assert document["caretool"] == 1
    return document["data"]


class Run:
    """Runs caretool in-process and keeps stdout, stderr and the exit code apart."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None, code: int | None = 0) -> Any:
        result = self.runner.invoke(app, list(args), input=input, catch_exceptions=False)
        if code is not None:
            assert result.exit_code == code, (
                f"exit {result.exit_code}, wanted {code}\nstdout: {result.stdout}\n"
                f"stderr: {result.stderr}"
            )
        return result

    def json(self, *args: str) -> Any:
        """The command's data under --json, after checking the document's envelope."""
        return data_of(self("--json", *args).stdout)


@pytest.fixture
def run() -> Run:
    return Run()


@pytest.fixture
def household(run: Run) -> Callable[..., Any]:
    """A set-up household: Min-jun cared for by Ji-woo (and optionally more caregivers)."""

    def make(*caregivers: str, phase: int = 2) -> Any:
        carers = caregivers or ("Ji-woo",)
        args = ["init", "--person", "Min-jun", "--onset", "2024-03-01", "--diagnosed",
                "2024-09-15", "--phase", str(phase), "--yes"]
        for name in carers:
            args += ["--caregiver", name]
        return run(*args)

    return make
