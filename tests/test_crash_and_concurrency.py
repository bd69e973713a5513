"""Real processes: killed mid-write or writing at once, the store loses nothing acknowledged.

(The deterministic kill at every filesystem step of every command is tests/test_crash_harness.py.)"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest


def caretool(home: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "CARETOOL_HOME": str(home), "CARETOOL_LOCK_TIMEOUT": "60"}
    return subprocess.Popen([sys.executable, "-m", "caretool", *args], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finish(proc: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=120)
    return proc.returncode, out, err


@pytest.fixture
def real_home(home: Path) -> Path:
    code, _, err = finish(caretool(home, "init", "--person", "P", "--caregiver", "A", "--yes"))
    assert code == 0, err
    return home


def notes_in(home: Path) -> list[str]:
    code, out, err = finish(caretool(home, "--json", "history", "--limit", "100000"))
    assert code == 0, err
    return [r["text"] for r in json.loads(out)["data"] if r["kind"] == "note"]


def test_sigkill_at_random_moments_loses_no_acknowledged_entry(real_home: Path) -> None:
    rng = random.Random(20261121)
    acknowledged: list[str] = []
    killed = 0
    for batch in range(8):
        procs = []
        for i in range(4):
            text = f"crash-{batch}-{i}"
            args = ("log", "note", text) if i % 2 else ("log", "hours", "0.1", "--at", "yesterday")
            procs.append((text, caretool(real_home, *args)))
        for text, proc in procs:
            try:
                proc.wait(timeout=rng.uniform(0.05, 0.6))
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGKILL)
                killed += 1
            code, _, _ = finish(proc)
            if code == 0 and text.endswith(("1", "3")):
                acknowledged.append(text)
    # Every file still loads, and doctor finds no damage.
    code, out, err = finish(caretool(real_home, "doctor"))
    assert code == 0, out + err
    stored = notes_in(real_home)
    assert set(acknowledged) <= set(stored)
    assert killed + len(acknowledged) > 0


def test_concurrent_writers_lose_nothing(real_home: Path) -> None:
    results: list[tuple[str, int, str]] = []

    def worker(name: str) -> None:
        for i in range(6):
            text = f"{name}-{i}"
            code, _, err = finish(caretool(real_home, "log", "note", text))
            results.append((text, code, err))

    threads = [threading.Thread(target=worker, args=(f"w{n}",)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    failed = [(t, e) for t, c, e in results if c != 0]
    assert not failed
    stored = notes_in(real_home)
    assert sorted(stored) == sorted(t for t, _, _ in results)
    for path in (real_home / "entries").glob("*.json"):
        json.loads(path.read_text())


def test_python_dash_m_and_version(real_home: Path) -> None:
    code, out, _ = finish(caretool(real_home, "--version"))
    assert code == 0 and out.startswith("caretool ")
    assert any(ch.isdigit() for ch in out)


def _steps(home: Path, tmp: Path, *args: str) -> list[tuple[str, str]]:
    """The filesystem steps a command takes, from a run on a copy of the home."""
    import shutil

    copy = tmp / "count"
    shutil.copytree(home, copy, copy_function=os.link)  # shared inodes: caretool only replaces files
    log = tmp / "steps.log"
    env = {**os.environ, "CARETOOL_HOME": str(copy), "CARETOOL_FAULT_LOG": str(log)}
    subprocess.run([sys.executable, "-m", "caretool", *args], env=env, check=True, capture_output=True)
    return [tuple(line.split("\t")[1:]) for line in log.read_text().splitlines()]  # type: ignore[misc]


def test_a_reader_finishes_a_change_its_writer_was_killed_in(real_home: Path, tmp_path: Path) -> None:
    steps = _steps(real_home, tmp_path, "log", "note", "half way")
    committed = next(i for i, (action, path) in enumerate(steps, 1)
                     if action == "rename" and path.endswith(".intent.json"))
    env = {**os.environ, "CARETOOL_HOME": str(real_home), "CARETOOL_FAULT_AT": str(committed + 1)}
    killed = subprocess.run([sys.executable, "-m", "caretool", "log", "note", "half way"], env=env,
                            capture_output=True, text=True)
    assert killed.returncode == -signal.SIGKILL
    assert (real_home / ".intent.json").exists()  # committed, not yet applied
    assert "half way" in notes_in(real_home)  # a reading command applied it first
    assert not (real_home / ".intent.json").exists()
    code, _, _ = finish(caretool(real_home, "undo"))
    assert code == 0 and "half way" not in notes_in(real_home)


def test_a_writer_killed_before_its_commit_point_leaves_nothing(real_home: Path, tmp_path: Path) -> None:
    steps = _steps(real_home, tmp_path, "log", "note", "never")
    committed = next(i for i, (action, path) in enumerate(steps, 1)
                     if action == "rename" and path.endswith(".intent.json"))
    env = {**os.environ, "CARETOOL_HOME": str(real_home), "CARETOOL_FAULT_AT": str(committed)}
    killed = subprocess.run([sys.executable, "-m", "caretool", "log", "note", "never"], env=env,
                            capture_output=True, text=True)
    assert killed.returncode == -signal.SIGKILL
    assert "never" not in notes_in(real_home)
    code, out, _ = finish(caretool(real_home, "doctor"))
    assert code == 0 and "left over from an interrupted write" in out
    finish(caretool(real_home, "log", "note", "next"))
    assert not [p for p in real_home.rglob("*.tmp")]

