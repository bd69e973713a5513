"""Median wall time of whole processes, measured round-robin so machine noise hits all alike."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class Case:
    cmd: Sequence[str]
    env: dict[str, str] = field(default_factory=dict)
    after: Sequence[str] | None = None  # untimed clean-up, e.g. `caretool undo` after a log


def _run(cmd: Sequence[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode()[-800:]}")
    return elapsed


def once(case: Case) -> float:
    env = {**os.environ, **case.env}
    elapsed = _run(case.cmd, env)
    if case.after:
        _run(case.after, env)
    return elapsed


def medians(cases: dict[str, Case], runs: int, warmup: int = 1) -> dict[str, float]:
    """Warm-up rounds, then `runs` rounds of every case in turn; the median of each."""
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(warmup):
        for case in cases.values():
            once(case)
    for _ in range(runs):
        for name, case in cases.items():
            samples[name].append(once(case))
    return {name: statistics.median(values) for name, values in samples.items()}
