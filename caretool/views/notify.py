"""A desktop notification through `notify-send` (libnotify), where the computer has it.

A notification is one more way to show the doses due, so it lives with the views. Nothing here
fails the command: when notify-send is missing or cannot reach a desktop, the caller is told in
plain words (and the exit code still says whether a dose is due).
"""

from __future__ import annotations

import shutil
import subprocess
from typing import Any

from caretool.core.messages import _, n_
from caretool.core.text import safe

TIMEOUT = 10  # seconds; a desktop that does not answer must not hold up a cron job
SENT, MISSING, FAILED = "sent", "not-found", "failed"


def _body(doses: list[dict[str, Any]]) -> str:
    lines = []
    for d in doses:
        text = (_("{time} {name} {dose} - overdue") if d["overdue"] else _("{time} {name} {dose}"))
        lines.append(text.format(time=d["time"], name=d["name"], dose=d["dose"]))
    return safe("\n".join(lines))


def send(doses: list[dict[str, Any]]) -> tuple[str, str]:
    """Show the doses on the desktop: (SENT | MISSING | FAILED, what went wrong)."""
    program = shutil.which("notify-send")
    if program is None:
        return MISSING, ""
    title = n_("caretool: {count} dose due", "caretool: {count} doses due",
               len(doses)).format(count=len(doses))
    urgency = "critical" if any(d["overdue"] for d in doses) else "normal"
    try:
        done = subprocess.run([program, "--app-name=caretool", f"--urgency={urgency}", title, _body(doses)],
                              capture_output=True, text=True, timeout=TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return FAILED, str(exc)
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip().splitlines()
        return FAILED, said[0] if said else str(done.returncode)
    return SENT, ""
