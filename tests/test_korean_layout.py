"""Layout with Hangul, two columns wide (issue 13 item 5): tables, the history list, the burnout
factors, the guide list, the check-in and the report stay aligned at 60, 80 and 120 columns, and no
Korean word is cut."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from caretool.core import messages
from caretool.core.text import width

WIDTHS = ("60", "80", "120")
CUT = re.compile(r"[가-힣] ?…")  # Rich's mark for a word it had to cut


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    messages.set_language("en")


@pytest.fixture
def sample_home(home: Path, clock: Any) -> Path:
    """The sample household built in Korean (Korean names, notes and medicines)."""
    from caretool.demo import sample
    from caretool.store import Store

    clock("2026-12-02T18:00:00+09:00", tz="Asia/Seoul")
    messages.set_language("ko")
    with Store(home, write=True) as store:
        sample.build(store, start=date(2026, 10, 22), end=date(2026, 12, 2),
                     now=datetime.fromisoformat("2026-12-02T18:00:00+09:00"))
    return home


def shown(run: Any, monkeypatch: pytest.MonkeyPatch, columns: str, *args: str) -> list[str]:
    monkeypatch.setenv("COLUMNS", columns)
    result = run("--lang", "ko", *args)
    return str(result.stdout).splitlines()


def table_runs(lines: list[str]) -> list[list[str]]:
    """The rows of each Rich table: lines padded with spaces on both sides; two blank padded lines
    in a row are where one table ends and the next begins."""
    runs: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        padded = line.startswith(" ") and line.endswith(" ")
        if padded and not (current and not current[-1].strip() and not line.strip() and len(current) > 1):
            current.append(line)
            continue
        if current:
            runs.append(current)
        current = [line] if padded else []
    if current:
        runs.append(current)
    return [r for r in runs if len(r) > 2]


def starts(line: str, marker: str) -> int:
    return width(line[: line.index(marker)])


def field_start(line: str, n: int) -> int:
    """Where the n-th column (0 = the first) of a line of columns begins, in terminal cells; columns
    are set apart by two spaces or more (one space may be inside a column: 보호자 상태)."""
    gaps = list(re.finditer(r"\S(\s{2,})(?=\S)", line))
    return width(line[: gaps[n - 1].end()])


@pytest.mark.parametrize("columns", WIDTHS)
def test_the_korean_report_fits_and_its_tables_line_up(
    run: Any, monkeypatch: pytest.MonkeyPatch, sample_home: Path, columns: str
) -> None:
    lines = shown(run, monkeypatch, columns, "report")
    assert all(width(line) <= int(columns) for line in lines)
    assert not any(CUT.search(line) for line in lines)
    runs = table_runs(lines)
    assert len(runs) >= 5  # warnings, symptoms, medicines, care hours, caregivers
    for rows in runs:  # Rich pads every row of a table to one width: a miscounted Hangul cell would not
        assert len({width(row) for row in rows}) == 1, rows


@pytest.mark.parametrize("columns", WIDTHS)
def test_the_history_columns_line_up(run: Any, monkeypatch: pytest.MonkeyPatch, sample_home: Path,
                                     columns: str) -> None:
    lines = shown(run, monkeypatch, columns, "history", "--limit", "40")
    assert lines[0].split() == ["id", "언제", "종류", "누가", "내용"]
    assert any("보호자 상태" in line for line in lines)  # a kind with a space in it
    for column in (2, 3, 4):
        assert len({field_start(line, column) for line in lines}) == 1, (column, lines)


@pytest.mark.parametrize("columns", WIDTHS)
def test_the_burnout_reasons_line_up(run: Any, monkeypatch: pytest.MonkeyPatch, sample_home: Path,
                                     columns: str) -> None:
    lines = [line for line in shown(run, monkeypatch, columns, "burnout")
             if re.match(r"^\s+[+ ]\d+  \S", line)]
    assert len(lines) > 10
    assert len({field_start(line, 2) for line in lines}) == 1, lines


@pytest.mark.parametrize("columns", WIDTHS)
def test_the_guide_list_lines_up(run: Any, monkeypatch: pytest.MonkeyPatch, columns: str) -> None:
    lines = shown(run, monkeypatch, columns, "guide", "list")[:-1]
    assert len(lines) == 17
    for column in (1, 2):
        assert len({field_start(line, column) for line in lines}) == 1, lines


@pytest.mark.parametrize("columns", WIDTHS)
def test_the_doses_of_a_day_line_up(run: Any, monkeypatch: pytest.MonkeyPatch, sample_home: Path,
                                    columns: str) -> None:
    lines = shown(run, monkeypatch, columns, "med", "due")[1:]
    assert len(lines) >= 5 and all("리루졸" in line or "바클로펜" in line for line in lines)
    for column in (1, 2, 3):
        assert len({field_start(line, column) for line in lines}) == 1, lines


@pytest.mark.parametrize("columns", WIDTHS)
def test_the_checkin_summary_and_saved_lines_are_whole(run: Any, monkeypatch: pytest.MonkeyPatch,
                                                       household: Any, columns: str) -> None:
    household()
    monkeypatch.setenv("COLUMNS", columns)
    answers = "\n".join(["예", "근육경련, 사레들림", "2", "1", "3", "식사", "0", "6", "7", "아니오", "아니오",
                         "", "예"]) + "\n"
    result = run("--lang", "ko", "checkin", input=answers)
    screen = result.stderr + result.stdout
    assert "  근육 경련 (쥐): 중간" in screen and "  돌봄: 3시간 (식사)" in screen
    assert not CUT.search(screen)
    panel = [line for line in screen.splitlines() if line.startswith(("╭", "│", "╰"))]
    assert panel and len({width(line) for line in panel}) == 1  # the warning panel's frame is straight
