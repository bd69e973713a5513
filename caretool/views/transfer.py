"""What export and import print, the import progress bar (on stderr), and a terminal-safe screen."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from caretool.core.messages import _, n_, render
from caretool.core.text import safe
from caretool.views.output import emit_json, say, tell


class _TerminalSafe:
    """A text stream that shows control and bidi characters as visible escapes (\\x1b, \\u202e),
    so an export printed on a terminal cannot clear the screen, write the clipboard (ESC ] 52)
    or hide a link (ESC ] 8). Each character is escaped alone, so a sequence split across two
    writes is escaped too."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(safe(text))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def screen(stream: IO[str]) -> Iterator[IO[str]]:
    """`stream` for an export printed there: escaped on a terminal, exact when piped or redirected."""
    try:
        terminal = stream.isatty()
    except (AttributeError, ValueError):
        terminal = False
    yield _TerminalSafe(stream) if terminal else stream  # type: ignore[misc]


def exported(info: dict[str, Any], *, as_json: bool) -> None:
    if info.get("path") is None:
        return  # the export itself went to stdout
    if as_json:
        emit_json(info)
    else:
        count = info["records"]
        tell(n_("Exported {count} entry ({format}) to {path}",
                "Exported {count} entries ({format}) to {path}", count).format(
                    count=count, format=info["format"], path=info["path"]))


def imported(result: dict[str, Any], *, as_json: bool) -> None:
    if as_json:
        emit_json(result)
        return
    say(n_("Imported {count} entry; skipped {skipped} already here.",
           "Imported {count} entries; skipped {skipped} already here.",
           result["added"]).format(count=result["added"], skipped=result["skipped"]))
    if result.get("updated"):
        say(n_("Updated {count} entry changed on the other computer.",
               "Updated {count} entries changed on the other computer.", result["updated"]).format(
                   count=result["updated"]))
    if result.get("deleted"):
        say(n_("Removed {count} entry deleted on the other computer.",
               "Removed {count} entries deleted on the other computer.", result["deleted"]).format(
                   count=result["deleted"]))
    if result["caregivers_added"]:
        say(_("Added caregivers: {names}").format(names=", ".join(result["caregivers_added"])))
    if result["medications_added"]:
        say(_("Added medications: {names}").format(names=", ".join(result["medications_added"])))
    if result.get("household"):
        say(_("Changed in the household, as on the other computer:"))
        for change in result["household"]:
            say("  " + render(change["message"]))
    for item in result.get("combined") or []:
        say(render(item["message"]))
    if result.get("conflicts"):
        say(n_("{count} conflict (`caretool import --conflicts` shows both versions again):",
               "{count} conflicts (`caretool import --conflicts` shows both versions again):",
               len(result["conflicts"])).format(count=len(result["conflicts"])))
        for item in result["conflicts"]:
            say("  " + render(item["message"]))
    if result["household_created"]:
        say(_("Set up the household for {person} from the file.").format(person=result["person"]))
    if result["backup"]:
        tell(_("A backup from before the import is in {path}").format(path=result["backup"]))
        name = Path(result["backup"]).name
        tell(_("To undo the import: caretool backup --restore {name}").format(name=name))


def conflicts(found: list[dict[str, Any]], *, as_json: bool) -> None:
    """The conflict history, newest first: when each was found and what was kept and lost."""
    if as_json:
        emit_json(found)
        return
    if not found:
        say(_("No conflicts: every import so far merged without one."))
        return
    for item in found:
        say(_("{when}  {what}").format(when=str(item.get("at", ""))[:16].replace("T", " "),
                                       what=render(item["message"])))


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
