"""Every command's --help in Korean (issue 13): no English sentence is left, Typer's own words and the
usage line are translated, no `<bool>`/`<str>` placeholders, and nothing is cut at 60, 80 or 120
columns."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import typer

from caretool.cli.root import app
from caretool.core import messages


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    messages.set_language("en")


def command_paths() -> list[list[str]]:
    def walk(command: Any, path: list[str]) -> Iterator[list[str]]:
        yield path
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, [*path, name])

    return list(walk(typer.main.get_command(app), []))


PATHS = command_paths()
# What may stay in Latin letters: command lines and their words, option names, placeholders and
# acronyms in capitals (NAME, ALS, NIV, FVC), and the ids a user types (symptom, feeding, riluzole).
# What must not: three or more English words in a row, which is a sentence nobody translated.
_ALLOWED = (
    re.compile(r"[│╭╮╰╯─]"),
    re.compile(r"`[^`]*`"),
    re.compile(r"caretool [^,|)]*"),  # example command lines
    re.compile(r"--?[\w\-]+(/--?[\w\-]+)?"),  # option names
    re.compile(r"\b[A-Z][A-Z0-9_\-]*\b"),  # placeholders and acronyms
)
_SENTENCE = re.compile(r"[A-Za-z']+(?: [A-Za-z']+){2,}")


def untranslated(text: str) -> list[str]:
    found = []
    for line in text.splitlines():
        for allowed in _ALLOWED:
            line = allowed.sub(" ", line)
        found += _SENTENCE.findall(line)
    return found


def help_of(run: Any, lang: str, path: list[str]) -> str:
    return str(run("--lang", lang, *path, "--help").stdout)


def test_the_detector_finds_english_sentences(run: Any) -> None:
    """Without this the walk below could pass on a screen that is still all English."""
    assert untranslated(help_of(run, "en", ["log", "hours"]))
    assert not untranslated("사용법: caretool log hours [OPTIONS] HOURS\n  --task TASK  식사, 밤 돌봄, admin")


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "caretool")
def test_every_help_screen_is_korean(run: Any, path: list[str]) -> None:
    text = help_of(run, "ko", path)
    assert not untranslated(text), untranslated(text)
    assert "사용법:" in text and "Usage:" not in text
    assert "<bool>" not in text and "<str>" not in text and "<int>" not in text
    assert "Show this message and exit" not in text and "이 도움말을 보여 주고 끝냅니다." in text


def test_typer_words_are_translated(run: Any) -> None:
    text = help_of(run, "ko", ["log", "symptom"])
    assert "╭─ 옵션 " in text and "╭─ 인자 " in text
    assert "╭─ 명령 " in help_of(run, "ko", ["med"])
    assert "[필수]" in help_of(run, "ko", ["log", "hours"])


def test_the_same_tree_shows_english_again(run: Any) -> None:
    """Help is translated on a tree that is reused: English after Korean is English again."""
    help_of(run, "ko", ["log", "hours"])
    text = help_of(run, "en", ["log", "hours"])
    assert "Usage:" in text and "Log hours of care" in text and "Show this message and exit." in text


@pytest.mark.parametrize("columns", ["60", "80", "120"])
@pytest.mark.parametrize("path", [[], ["log", "symptom"], ["checkin"], ["med", "add"], ["report"]],
                         ids=lambda p: " ".join(p) if isinstance(p, list) else p)
def test_korean_help_is_not_cut(run: Any, monkeypatch: pytest.MonkeyPatch, columns: str,
                                path: list[str]) -> None:
    from rich.cells import cell_len

    monkeypatch.setenv("COLUMNS", columns)
    text = help_of(run, "ko", path)
    # Rich marks a word it had to cut with "…": never a Korean one (an over-long option name or rule
    # is cut at 60 columns in English too; that is Typer's layout, not the language)
    assert not re.search(r"[가-힣] ?…", text), text
    assert all(cell_len(line) <= int(columns) for line in text.splitlines())


def test_usage_errors_are_korean(run: Any, household: Any) -> None:
    household()
    cases = {("log", "hours"): "'HOURS' 값이 빠졌습니다",
             ("log", "hours", "2", "--nigt"): "--nigt 옵션은 없습니다. 혹시",
             ("log", "hours", "2", "3"): "필요 없는 말이 더 있습니다: 3",
             ("log", "hours", "2", "--task"): "--task 옵션에는 값이 필요합니다",
             ("init", "--phase", "7", "--yes"): "'--phase' 값은 5 이하여야 합니다",
             ("history", "--limit", "x"): "소수점 없는 숫자를 써야 합니다",
             ("frob",): "'frob' 명령은 없습니다"}
    for args, wanted in cases.items():
        err = run("--lang", "ko", *args, code=2).stderr
        assert err.startswith("오류: ") and wanted in err and err.count("\n") == 1, err
