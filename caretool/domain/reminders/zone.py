"""The household's time zone by name: caretool keeps dose times in the computer's local zone,
and a calendar file needs that zone's IANA name (Europe/Berlin) to say so.

The name comes from TZ, else /etc/localtime (a link into the zone database), else
/etc/timezone. It is used only when it agrees with the local clock (the same UTC offsets now
and half a year from now); otherwise None, and the calendar is written in floating local times,
which keep 08:00 at 08:00 wherever the calendar is read.
"""

from __future__ import annotations

import contextlib
import os
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_MARKER = "zoneinfo/"


def _from_path(text: str) -> str:
    return text.split(_MARKER, 1)[1] if _MARKER in text else text


def _candidates() -> list[str]:
    found: list[str] = []
    tz = os.environ.get("TZ")
    if tz is not None:
        return [_from_path(tz.lstrip(":"))] if tz.strip() else []
    localtime = Path("/etc/localtime")
    with contextlib.suppress(OSError):
        if localtime.is_symlink():
            found.append(_from_path(os.readlink(localtime)))
    with contextlib.suppress(OSError):
        found.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    return found


def _agrees(zone: ZoneInfo, now: datetime) -> bool:
    for moment in (now, now + timedelta(days=182)):
        if moment.astimezone().utcoffset() != moment.astimezone(zone).utcoffset():
            return False
    return True


def local_zone(now: datetime | None = None) -> str | None:
    """The IANA name of the local time zone, or None when it cannot be known for sure."""
    moment = now or datetime.now().astimezone()
    for name in _candidates():
        if not name or name.startswith("/") or ".." in name:
            continue
        try:
            zone = ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            continue
        if _agrees(zone, moment):
            return name
    return None
