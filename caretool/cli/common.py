"""State shared by every command, built once by the root callback."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from caretool.store import Store


@dataclass
class State:
    home_option: str | None = None
    json: bool = False
    debug: bool = False
    language: tuple[str, str, str] = ("en", "default", "")  # (code, where it came from, detail)
    _home: Path | None = field(default=None, repr=False)

    @property
    def home(self) -> Path:
        if self._home is None:
            from caretool.store.paths import resolve_home

            self._home = resolve_home(self.home_option)
        return self._home

    def store(self, *, write: bool = False, repair: bool = False) -> Store:
        from caretool.domain.entries import kinds
        from caretool.store import Store

        return Store(self.home, write=write, repair=repair, check_record=kinds.check_stored,
                     check_records=kinds.all_stored_sound)


def check_record() -> Callable[[Mapping[str, Any]], None]:
    """The store checks each entry it reads against its kind's declared fields (severity "high"
    is then a data error naming the file, entry and field, not an unexpected problem later)."""
    from caretool.domain.entries import kinds

    return kinds.check_stored


def state(ctx: typer.Context) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj


def json_wanted(ctx: typer.Context, local: bool = False) -> bool:
    return local or state(ctx).json


JsonOpt = Annotated[bool, typer.Option("--json", help="Print data as one JSON document.")]
Output = Annotated[str | None, typer.Option(
    "--output", "-o", help="Write to this file (readable only by you) instead of the screen.",
    metavar="FILE")]
From = Annotated[str | None, typer.Option("--from", help="First day (e.g. 2026-11-01, '14 days ago').")]
To = Annotated[str | None, typer.Option("--to", help="Last day (default: today).")]
