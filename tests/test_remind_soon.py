"""`caretool med due --soon 30m [--notify]`: what the computer's scheduler asks every 15 minutes.

Exit 0 when a dose is due within the window or overdue today, 1 when nothing is, 2 for bad input;
around midnight and across daylight-saving changes the window is real time.
"""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def meds(run: Any, household: Any, clock: Callable[..., None]) -> Callable[[str], None]:
    """baclofen at 08:00, 20:00 and 23:50 from 2026-10-01, riluzole at 00:10 from 2026-11-21; then the clock
    at `now`."""

    def make(now: str) -> None:
        clock("2026-11-01T09:00:00+00:00")
        household()
        run("med", "add", "baclofen", "--dose", "5 mg", "--times", "08:00,20:00,23:50",
            "--start", "2026-10-01")
        run("med", "add", "riluzole", "--dose", "50 mg", "--times", "00:10", "--start", "2026-11-21")
        clock(now)

    return make


def soon(run: Any, window: str, code: int, *more: str) -> dict[str, Any]:
    result = run("--json", "med", "due", "--soon", window, *more, code=code)
    document = json.loads(result.stdout)
    assert document["ok"] is True and document["command"] == "med due"
    data: dict[str, Any] = document["data"]
    return data


def shown(data: dict[str, Any]) -> list[tuple[str, str, bool]]:
    return [(d["time"], d["name"], d["overdue"]) for d in data["doses"]]


def test_a_dose_in_the_window_exits_0_and_nothing_exits_1(run: Any, meds: Any) -> None:
    meds("2026-11-20T07:40:00+00:00")
    assert shown(soon(run, "30m", 0)) == [("08:00", "baclofen", False)]
    assert shown(soon(run, "15m", 1)) == []
    out = run("med", "due", "--soon", "30m")
    assert "1 dose to give by 08:10:" in out.stdout and "08:00  baclofen 5 mg" in out.stdout
    nothing = run("med", "due", "--soon", "15m", code=1)
    assert "Nothing is due in the next 15 min, and nothing is overdue today." in nothing.stdout


def test_overdue_doses_of_today_are_marked_until_recorded(run: Any, meds: Any, clock: Any) -> None:
    meds("2026-11-20T10:30:00+00:00")  # the 08:00 dose is past its 2-hour grace
    assert shown(soon(run, "15m", 0)) == [("08:00", "baclofen", True)]
    assert "08:00  baclofen 5 mg  OVERDUE" in run("med", "due", "--soon", "15m").stdout
    run("med", "take", "baclofen", "--for", "08:00")
    assert shown(soon(run, "15m", 1)) == []


def test_just_before_midnight_the_window_reaches_into_tomorrow(run: Any, meds: Any) -> None:
    meds("2026-11-20T23:45:00+00:00")
    run("med", "take", "baclofen", "--for", "08:00")
    run("med", "take", "baclofen", "--for", "20:00")
    assert shown(soon(run, "30m", 0)) == [("23:50", "baclofen", False), ("00:10", "riluzole", False)]
    assert shown(soon(run, "10m", 0)) == [("23:50", "baclofen", False)]


def test_just_after_midnight_last_nights_dose_is_still_overdue_but_not_the_day_before(
        run: Any, meds: Any, clock: Any) -> None:
    meds("2026-11-20T08:05:00+00:00")
    run("med", "take", "baclofen", "--for", "08:00")
    clock("2026-11-21T00:05:00+00:00")
    # 20:00 yesterday is missed (not today's), 23:50 yesterday is within its grace: overdue.
    assert shown(soon(run, "15m", 0)) == [("23:50", "baclofen", True), ("00:10", "riluzole", False)]
    clock("2026-11-21T02:30:00+00:00")  # past the grace of 23:50; 00:10 today is now overdue
    assert shown(soon(run, "15m", 0)) == [("00:10", "riluzole", True)]


@pytest.mark.parametrize(("now", "window", "code"), [
    ("2027-03-28T01:50:00+01:00", "30m", 0),  # 30 real minutes later it is 03:20 new time
    ("2027-03-28T01:50:00+01:00", "20m", 1),  # 03:10: the 03:15 dose is not yet due
])
def test_the_window_is_real_time_when_the_clocks_jump_forward(
        run: Any, household: Any, clock: Callable[..., None], now: str, window: str, code: int) -> None:
    clock("2027-03-01T09:00:00+01:00", tz="Europe/Berlin")
    household()
    run("med", "add", "nightly", "--dose", "1 tablet", "--times", "03:15", "--start", "2027-03-01")
    clock("2027-03-28T01:00:00+01:00", tz="Europe/Berlin")
    run("med", "take", "nightly", "--for", "yesterday 03:15", "--at", "2027-03-28 00:30")
    clock(now, tz="Europe/Berlin")
    assert len(soon(run, window, code)["doses"]) == (1 if code == 0 else 0)


@pytest.mark.parametrize(("window", "code"), [("30m", 1), ("90m", 0)])
def test_the_window_is_real_time_when_the_clocks_go_back(
        run: Any, household: Any, clock: Callable[..., None], window: str, code: int) -> None:
    clock("2026-10-01T09:00:00+02:00", tz="Europe/Berlin")
    household()
    run("med", "add", "nightly", "--dose", "1 tablet", "--times", "03:10", "--start", "2026-10-01")
    clock("2026-10-25T01:00:00+02:00", tz="Europe/Berlin")
    run("med", "take", "nightly", "--for", "yesterday 03:10", "--at", "2026-10-25 00:30")
    clock("2026-10-25T02:50:00+02:00", tz="Europe/Berlin")  # the first 02:50: 03:10 is 80 minutes away
    found = soon(run, window, code)["doses"]
    assert [d["time"] for d in found] == (["03:10"] if code == 0 else [])


@pytest.mark.parametrize("window", ["0", "0m", "-5m", "2 weeks", "2", "soon", "25h", ""])
def test_bad_windows_exit_2(run: Any, meds: Any, window: str) -> None:
    meds("2026-11-20T07:40:00+00:00")
    result = run("med", "due", "--soon", window, code=2)
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr
    document = json.loads(run("--json", "med", "due", "--soon", window, code=2).stdout)
    assert document["ok"] is False and document["error"]["hint"]


def test_notify_and_date_need_the_right_company(run: Any, meds: Any) -> None:
    meds("2026-11-20T07:40:00+00:00")
    assert "--notify goes with --soon" in run("med", "due", "--notify", code=2).stderr
    assert "cannot go with --date" in run("med", "due", "--soon", "30m", "--date", "today", code=2).stderr


def _fake_notify_send(folder: Path, *, fails: bool = False) -> Path:
    """A notify-send that writes what it was asked to show (or fails as one without a desktop)."""
    folder.mkdir(exist_ok=True)
    said = folder / "said.txt"
    script = folder / "notify-send"
    body = ("echo 'Cannot connect to the notification server' >&2\nexit 1\n" if fails
            else f'printf "%s\\n" "$@" > "{said}"\n')
    script.write_text("#!/bin/sh\n" + body)
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return said


def test_notify_sends_the_doses_to_the_desktop(run: Any, meds: Any, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    said = _fake_notify_send(tmp_path / "bin")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    meds("2026-11-20T10:30:00+00:00")
    data = soon(run, "15m", 0, "--notify")
    assert data["notification"] == "sent"
    lines = said.read_text().splitlines()
    assert lines[:3] == ["--app-name=caretool", "--urgency=critical", "caretool: 1 dose due"]
    assert lines[3] == "08:00 baclofen 5 mg - overdue"
    quiet = run("med", "due", "--soon", "15m", "--notify")
    assert quiet.stderr == ""  # from cron, anything on stderr would be mailed every 15 minutes
    said.unlink()
    run("med", "take", "baclofen", "--for", "08:00")
    assert soon(run, "15m", 1, "--notify")["notification"] is None
    assert not said.exists()  # nothing due: nothing shown


def test_without_notify_send_it_says_so_and_keeps_the_exit_code(run: Any, meds: Any, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "empty").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    meds("2026-11-20T07:40:00+00:00")
    result = run("med", "due", "--soon", "30m", "--notify", code=0)
    assert "08:00  baclofen 5 mg" in result.stdout
    assert "No desktop notification was sent: notify-send is not installed on this computer" in result.stderr
    assert "sudo apt install libnotify-bin" in result.stderr
    assert soon(run, "30m", 0, "--notify")["notification"] == "not-found"


def test_a_notify_send_without_a_desktop_is_reported(run: Any, meds: Any, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_notify_send(tmp_path / "bin", fails=True)
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    meds("2026-11-20T07:40:00+00:00")
    result = run("med", "due", "--soon", "30m", "--notify", code=0)
    assert "could not show the notification: Cannot connect to the notification server" in result.stderr
    data = soon(run, "30m", 0, "--notify")
    assert data["notification"] == "failed" and "Cannot connect" in data["notification_problem"]


def test_the_help_documents_the_exit_codes(run: Any) -> None:
    out = run("med", "due", "--help").stdout
    assert "0 a dose is due or overdue" in " ".join(out.split())
    assert "1 nothing is" in " ".join(out.split())
