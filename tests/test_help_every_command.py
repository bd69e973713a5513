"""Every command's --help as a new user reads it: an example to copy, and no type placeholders
such as <bool>, <str> or <list[str]> (issue 18 item 15)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import typer

from caretool.cli.root import app

# What Typer prints in the type column when an option has no metavar: <bool>, <str>, <int>,
# <float>, <list[str]>, <int range>, <float range>, <path> ...
PLACEHOLDER = re.compile(r"<(?:bool|str|int|float|path|list\[[^\]]*\]|[a-z]+ range)>")
EXAMPLE = re.compile(r"\bExamples?:\s+caretool\b")


def _commands(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    yield path
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        yield from _commands(sub, (*path, name))


COMMANDS = list(_commands(typer.main.get_command(app)))


def test_the_tree_is_walked() -> None:
    assert ("med", "take") in COMMANDS and ("import",) in COMMANDS and () in COMMANDS
    assert len(COMMANDS) > 40


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "caretool")
def test_help_has_an_example_and_no_type_placeholders(run: Any, path: tuple[str, ...]) -> None:
    shown = run(*path, "--help").stdout
    found = sorted(set(PLACEHOLDER.findall(shown)))
    assert not found, f"`caretool {' '.join(path)} --help` shows {found}"
    flat = " ".join(shown.replace("│", " ").split())  # a long example may wrap in the box
    assert EXAMPLE.search(flat), f"`caretool {' '.join(path)} --help` has no 'Example: caretool ...' line"


def test_options_with_values_still_say_what_to_type(run: Any) -> None:
    shown = run("history", "--help").stdout
    assert re.search(r"--limit\s+(?:-n\s+)?LIMIT\b", shown)
    assert re.search(r"--weight-at-diagnosis\s+KG\b", run("init", "--help").stdout)  # its own metavar
    delete = run("delete", "--help").stdout
    assert "ID" in delete and "<str>" not in delete


def test_help_in_korean_has_no_placeholders_either(run: Any) -> None:
    from caretool.core import messages

    try:
        shown = run("--lang", "ko", "history", "--help").stdout
    finally:
        messages.set_language("en")  # the language is process-wide: later tests build data in English
    assert not PLACEHOLDER.findall(shown)



@pytest.mark.parametrize(("lang", "sentence"), [
    ("en", "A field with nothing recorded says so."),
    ("ko", "기록이 없는 항목은 '기록 없음'이라고 나옵니다."),
])
def test_help_sentences_wrap_to_the_terminal_not_to_the_source(run: Any, lang: str, sentence: str) -> None:
    """The source wraps this sentence of `sheet --help` over two lines; at 120 columns it must show
    on one line, as the terminal wraps it, not as the docstring was wrapped."""
    shown = run("--lang", lang, "sheet", "--help").stdout
    assert any(sentence in line for line in shown.splitlines()), shown


def test_unwrapping_keeps_paragraphs_examples_and_continued_commands() -> None:
    from caretool.cli.root import _unwrap

    text = ("One sentence\nwrapped.\n\nExamples:\n  caretool a \\\n    --b 1\n"
            "caretool c --d\n--e | caretool f\n| caretool g")
    assert _unwrap(text) == ("One sentence wrapped.\n\nExamples:\n  caretool a \\\n    --b 1\n"
                             "caretool c --d\n--e | caretool f\n| caretool g")
