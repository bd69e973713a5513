"""hours {hours, task, night, night_hours}: time a caregiver spent caring.

`night` says whether any of it was at night; `night_hours` how many of the hours were (entries
logged before it existed, or with only --night, have no `night_hours`).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Mapping
from typing import Any

from caretool.core.errors import BadInput
from caretool.core.messages import Message, in_every_language, msg, render
from caretool.core.text import parse_number, shown
from caretool.domain.entries.fields import optional_text, yes_no
from caretool.domain.entries.kinds import Field, Kind, register

TASKS: dict[str, Message] = {
    "personal-care": msg("task.personal-care", "personal care"),
    "feeding": msg("task.feeding", "feeding"),
    "medical": msg("task.medical", "medical care"),
    "mobility": msg("task.mobility", "moving and transfers"),
    "night-care": msg("task.night-care", "night care"),
    "household": msg("task.household", "household"),
    "transport": msg("task.transport", "transport"),
    "supervision": msg("task.supervision", "supervision"),
    "admin": msg("task.admin", "paperwork and calls"),
    "other": msg("task.other", "other"),
}
HOURS = msg("field.hours", "hours")
TASK = msg("field.task", "task")
NIGHT = msg("field.night", "night")
NIGHT_HOURS = msg("field.night-hours", "night hours")
NIGHT_HOURS_HINT = msg("field.night-hours.hint", "type how many of the {hours:g} hours were at night, "
                       "from 0 to {hours:g}")
HOURS_HINT = msg("field.hours.hint", "type hours of care between 0.25 and 24, e.g. 2.5")
NOT_POSITIVE = msg("hours.not-positive", "hours must be more than 0")
NOT_POSITIVE_HINT = msg("hours.not-positive.hint", "type hours of care such as 2.5")
UNKNOWN_TASK = msg("task.unknown", "unknown task {task!r}")
UNKNOWN_TASK_HINT = msg("task.unknown.hint", "use one of: {tasks}")
LINE = msg("kind.hours.line", "{hours:g} h of care ({task})")
LINE_NIGHT = msg("kind.hours.line-night", "{hours:g} h of care ({task}, night)")
LINE_NIGHT_HOURS = msg("kind.hours.line-night-hours", "{hours:g} h of care ({task}, {night:g} h at night)")
MOST_IN_A_DAY = 25.0  # a daylight-saving day has 25 hours; the per-day check uses the day's real length


def _key(text: str) -> str:
    """What two spellings of a task share: NFC, no case, no spaces or hyphens (밤 돌봄 = 밤돌봄)."""
    folded = unicodedata.normalize("NFC", str(text)).casefold()
    return "".join(ch for ch in folded if not ch.isspace() and ch not in "-_")


@functools.cache
def _by_name() -> dict[str, str]:
    """Every way to name a task -> its slug: slugs, then labels in every language caretool speaks
    (a Korean caregiver can type 식사 or 밤 돌봄 whatever language the screens are in)."""
    names = {_key(slug): slug for slug in TASKS}
    for slug, label in TASKS.items():
        for text in in_every_language(label).values():
            names.setdefault(_key(text), slug)
    return names


def task_slug(text: str) -> str:
    """A task by its slug, its number in the list (1-based) or its name in any language."""
    word = " ".join(str(text).strip().lower().split())
    if word in TASKS:  # the usual case, without reading the other languages' catalogues
        return word
    slugs = list(TASKS)
    if word.isascii() and word.isdigit() and len(word) <= 3 and 0 < int(word) <= len(slugs):
        return slugs[int(word) - 1]
    found = _by_name().get(_key(word))
    if found is not None:
        return found
    raise BadInput(UNKNOWN_TASK(task=shown(text)),
                   UNKNOWN_TASK_HINT(tasks=", ".join(render(label) for label in TASKS.values())))


def validate(f: Mapping[str, Any]) -> dict[str, Any]:
    hours = parse_number(f.get("hours", ""), what=HOURS, low=0, high=MOST_IN_A_DAY, hint=HOURS_HINT)
    if hours <= 0:
        raise BadInput(NOT_POSITIVE, NOT_POSITIVE_HINT)
    task = task_slug(optional_text(f.get("task"), what=TASK, limit=80) or "other")
    fields: dict[str, Any] = {"hours": round(hours, 2), "task": task}
    if f.get("night_hours") not in (None, ""):
        night_hours = parse_number(f["night_hours"], what=NIGHT_HOURS, low=0, high=hours,
                                   hint=NIGHT_HOURS_HINT(hours=hours))
        fields.update(night=night_hours > 0, night_hours=round(night_hours, 2))
    else:
        fields["night"] = yes_no(f.get("night", False), what=NIGHT) or task == "night-care"
    return fields


def night_part(r: Mapping[str, Any]) -> float:
    """How many of an hours entry's hours were at night: its night_hours, or all of them for an
    entry logged with only --night (or before night_hours existed)."""
    if r.get("night_hours") is not None:
        return float(r["night_hours"])
    return float(r["hours"]) if r.get("night") else 0.0


def describe(r: Mapping[str, Any]) -> Message:
    task = TASKS.get(str(r.get("task")), str(r.get("task")))
    if r.get("night_hours"):
        return LINE_NIGHT_HOURS(hours=float(r["hours"]), task=task, night=float(r["night_hours"]))
    return (LINE_NIGHT if r.get("night") else LINE)(hours=float(r["hours"]), task=task)


KIND = register(Kind(
    name="hours",
    label=msg("kind.hours", "hours of care"),
    fields=(
        Field("hours", (float, int), HOURS),
        Field("task", (str,), TASK),
        Field("night", (bool,), NIGHT, off_flag="day"),
        Field("night_hours", (float, int), NIGHT_HOURS, required=False),
    ),
    validate=validate,
    describe=describe,
    report_section="care_hours",
))
