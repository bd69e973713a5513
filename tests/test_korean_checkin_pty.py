"""The check-in in Korean in a real pseudo-terminal (issue 13): answers typed in Korean (예, 아니오,
Korean symptom and task names, a misspelt name) are understood and stored as the English ones are."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from tests.test_checkin_pty import SCRIPT, TIMEOUT, caretool, environment, history

pexpect = pytest.importorskip("pexpect")
pytestmark = pytest.mark.skipif(not SCRIPT.exists(), reason=f"no console script at {SCRIPT}")


def set_up(home: Path) -> Path:
    caretool(home, "init", "--person", "민준", "--onset", "2024-03-01", "--caregiver", "지우", "--phase", "2",
             "--yes")
    return home


def check_in(home: Path, lang: str, answers: list[tuple[str, str]], code: int = 0) -> str:
    child = pexpect.spawn(str(SCRIPT), ["--lang", lang, "checkin"], env=environment(home), encoding="utf-8",
                          timeout=TIMEOUT, dimensions=(40, 100))
    child.logfile_read = io.StringIO()
    try:
        for prompt, reply in answers:
            child.expect(prompt)
            child.sendline(reply)
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == code, child.logfile_read.getvalue()
    return str(child.logfile_read.getvalue())


KOREAN = [
    (r"오늘 다른 증상도 있었나요\? \(예/아니오, y/n\) \[아니오\]", "예"),
    (r"번호나 이름을 쉼표로 나누어 쓰세요", "근육경련, 사레들림, 삼킴곤"),
    (r"근육 경련 \(쥐\) \(0~3\)", "2"),
    (r"식사 중 사레들림이나 기침 \(0~3\)", "1"),
    (r"삼킴곤란이면 예\(y\)", "예"),  # the misspelt name: yes to the suggestion, in Korean
    (r"  삼킴곤란 \(0~3\)", "1"),
    (r"오늘 돌본 시간", "3"),
    (r"주로 한 일 \(번호나 이름\) \[기타\]", "식사"),
    (r"3시간 중 밤에 돌본 시간은 몇 시간인가요\? \(없으면 0\) \[0\]", "1"),
    (r"지난밤에 몇 시간 잤나요", "6"),
    (r"오늘 나의 스트레스", "7"),
    (r"오늘 제대로 쉬었나요\?", "아니오"),
    (r"지금 해 볼까요\? \(예/아니오, y/n\) \[아니오\]", "아니요"),
    (r"오늘에 관한 메모", "진짜 터미널에서"),
    (r"이 체크인을 저장할까요\? \(예/아니오, y/n\) \[예\]", "네"),
]
ENGLISH = [
    (r"Any other symptoms today\? \(y/n\) \[n\]", "y"),
    (r"Numbers or names, separated by commas", "cramps, choking, swalowing"),
    (r"Muscle cramps \(0-3\)", "2"),
    (r"Choking or coughing at meals \(0-3\)", "1"),
    (r"y for swallowing", "y"),
    (r"  Difficulty swallowing \(0-3\)", "1"),
    (r"Hours of care you gave today", "3"),
    (r"Main task \(number or name\) \[other\]", "feeding"),
    (r"How many of the 3 hours were at night\? \(0 if none\) \[0\]", "1"),
    (r"How many hours did you sleep", "6"),
    (r"Your stress today", "7"),
    (r"Did you have a real break today\?", "n"),
    (r"Take it now\? \(y/n\) \[n\]", "n"),
    (r"A note about today", "From a real terminal"),
    (r"Save this check-in\? \(y/n\) \[y\]", "y"),
]


def stored(home: Path) -> list[tuple[Any, ...]]:
    fields = ("kind", "name", "severity", "hours", "task", "night", "night_hours", "sleep_hours", "stress",
              "took_break", "source")
    return sorted(tuple(r.get(f) for f in fields) for r in history(home))


def test_a_korean_checkin_is_stored_as_the_english_one(tmp_path: Path) -> None:
    korean_home, english_home = set_up(tmp_path / "ko"), set_up(tmp_path / "en")
    screen = check_in(korean_home, "ko", KOREAN)
    check_in(english_home, "en", ENGLISH)
    assert stored(korean_home) == stored(english_home)
    assert {r["name"] for r in history(korean_home) if r["kind"] == "symptom"} == {"cramps", "choking",
                                                                                  "swallowing"}
    assert [r["text"] for r in history(korean_home) if r["kind"] == "note"] == ["진짜 터미널에서"]
    # what the Korean family saw: the summary, the saved entries, the warning panel, all in Korean
    assert "요약:" in screen and "지우 님의" in screen and "체크인을 저장했습니다" in screen
    assert "의료진에게 알릴 것: 사레들림" in screen and "출처:" in screen
    assert "Saved" not in screen and "Needs the care team" not in screen


def test_a_korean_no_cancels_the_save(tmp_path: Path) -> None:
    home = set_up(tmp_path / "ko")
    answers = [(r"오늘 다른 증상도 있었나요\?", "아니오"), (r"오늘 돌본 시간", "2"),
               (r"주로 한 일", "밤 돌봄"), (r"밤에 돌본 시간은", ""), (r"지난밤에 몇 시간 잤나요", ""),
               (r"지금 해 볼까요\?", "아니"), (r"오늘에 관한 메모", ""),
               (r"이 체크인을 저장할까요\?", "아니오")]
    screen = check_in(home, "ko", answers, code=1)
    assert "취소했습니다. 아무것도 저장하지 않았습니다" in screen and history(home) == []
