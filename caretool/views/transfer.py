"""What export and import print, and the import progress bar (on stderr)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from caretool.views.output import emit_json, say, tell


def exported(info: dict[str, Any], *, as_json: bool) -> None:
    if info.get("path") is None:
        return  # the export itself went to stdout
    if as_json:
        emit_json(info)
    else:
        tell(f"Exported {info['records']} entries ({info['format']}) to {info['path']}")


def imported(result: dict[str, Any], *, as_json: bool) -> None:
    if as_json:
        emit_json(result)
        return
    say(f"Imported {result['added']} entries; skipped {result['skipped']} already here.")
    if result["caregivers_added"]:
        say("Added caregivers: " + ", ".join(result["caregivers_added"]))
    if result["medications_added"]:
        say("Added medications: " + ", ".join(result["medications_added"]))
    if result["household_created"]:
        say(f"Set up the household for {result['person']} from the file.")
    if result["backup"]:
        tell(f"A backup from before the import is in {result['backup']}")
        tell(f"To undo the import: caretool backup --restore {Path(result['backup']).name}")


@contextmanager
def progress(total: int, label: str, *, minimum: int = 2000) -> Iterator[Any]:
    """A progress bar on stderr for `total` steps; a no-op callback for small jobs.

    Yields advance(n) to call as work is done.
    """
    if total < minimum:
        yield lambda n=1: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from caretool.views.output import console

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  console=console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n=1: bar.advance(task, n)
