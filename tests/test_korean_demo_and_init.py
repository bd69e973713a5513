"""`caretool --lang ko demo` is a Korean household with Korean names and notes, the same story as the
English one (issue 13 item 7); `init` asks for the language first and stores it (item 8)."""

from __future__ import annotations

import re
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from caretool.core import messages

NOW = "2026-11-20T21:00:00+00:00"


@pytest.fixture(autouse=True)
def pinned(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    monkeypatch.setenv("CARETOOL_NOW", NOW)
    (tmp_path / "temp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))
    yield
    monkeypatch.undo()
    time.tzset()
    messages.set_language("en")


def demo(run: Any, lang: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str, Path]:
    out = run("--lang", lang, "demo").stdout
    folder = Path(re.search(r"CARETOOL_HOME=(\S+) caretool history", out).group(1))  # type: ignore[union-attr]
    monkeypatch.setenv("CARETOOL_HOME", str(folder))
    return out, folder


def test_the_korean_demo_is_a_korean_family(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    out, _ = demo(run, "ko", monkeypatch)
    assert "오늘, 2026-11-20 - 민준 님 돌봄" in out and "민준 님 돌봄 보고서" in out
    for heading in ("개요", "경고", "증상", "약", "돌봄 시간", "보호자", "의료진에게 물어볼 것"):
        assert heading in out
    assert "Min-jun" not in out and "Ji-woo" not in out
    assert "빠뜨린 리루졸" in out  # the medicines have their Korean names too
    carers = [c["name"] for c in run.json("caregiver", "list")]
    assert carers == ["지우", "도윤", "순자"]
    notes = [r["text"] for r in run.json("history", "--kind", "note", "--limit", "50")]
    assert notes and all(re.search(r"[가-힣]", n) for n in notes)
    doses = run.json("history", "--kind", "dose", "--limit", "400")
    assert {r["medication"] for r in doses} == {"리루졸", "바클로펜"}


def test_the_english_demo_keeps_its_english_names(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    out, _ = demo(run, "en", monkeypatch)
    assert "caring for Min-jun" in out
    assert [c["name"] for c in run.json("caregiver", "list")] == ["Ji-woo", "Daniel", "Maria"]


def test_both_demos_tell_the_same_story(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same entries, counts and warnings: only the words differ."""
    demo(run, "en", monkeypatch)
    english = run.json("report")
    demo(run, "ko", monkeypatch)
    korean = run.json("report")
    assert [w["rule"] for w in english["warnings"]] == [w["rule"] for w in korean["warnings"]]
    assert english["overview"]["entries"] == korean["overview"]["entries"]

    def doses(report: dict[str, Any]) -> list[tuple[int, ...]]:
        items = report["medications"]["items"]
        return [(m["scheduled"], m["taken"], m["skipped"], m["missed"]) for m in items]

    assert doses(english) == doses(korean)
    assert english["care_hours"]["total"] == korean["care_hours"]["total"]


# --- init asks for the language --------------------------------------------------------------------
def test_init_asks_the_language_first_and_stores_it(run: Any) -> None:
    # language, name, born, onset, diagnosed, weight, caregivers, phase
    answers = "\n".join(["2", "민준", "", "2024-03-01", "", "", "", "지우", "2", "", ""]) + "\n"
    result = run("init", input=answers)
    assert "1. English (en)" in result.stderr and "2. 한국어 (ko)" in result.stderr
    after = result.stderr.split("2. 한국어 (ko)", 1)[1]
    assert "돌보는 환자의 이름" in after and "Name of the person" not in after  # asked in Korean from then on
    info = run.json("config", "show")
    assert info["settings"]["lang"] == "ko" and info["language"]["source"] == "household"
    assert "지금 단계" in run("phase").stdout  # every later command speaks Korean


def test_the_language_question_defaults_to_the_one_in_use(run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CARETOOL_LANG", "ko")
    answers = "\n".join(["", "민준", "", "", "", "", "", "", "1", "", ""]) + "\n"
    result = run("init", input=answers)
    assert "[ko]" in result.stderr
    monkeypatch.delenv("CARETOOL_LANG")
    assert run.json("config", "show")["settings"]["lang"] == "ko"


def test_the_language_can_be_typed_by_its_name(run: Any) -> None:
    answers = "\n".join(["한국어", "민준", "", "", "", "", "", "", "1", "", ""]) + "\n"
    run("init", input=answers)
    assert run.json("config", "show")["settings"]["lang"] == "ko"


def test_init_with_yes_leaves_the_language_setting_alone(run: Any) -> None:
    run("--lang", "ko", "init", "--person", "민준", "--yes")
    assert run.json("config", "show")["settings"]["lang"] is None


def test_setting_korean_answers_in_korean(run: Any, household: Any) -> None:
    household()
    result = run("config", "set", "lang", "ko")
    assert "설정을 바꿨습니다: lang = ko" in result.stdout + result.stderr
    result = run("--lang", "en", "config", "set", "lang", "en")  # --lang still decides this command
    assert "Set lang to en." in result.stdout + result.stderr


def test_exploring_the_korean_demo_stays_in_korean(run: Any, tmp_path: Path) -> None:
    """The commands the demo suggests carry no --lang: the sample remembers its language."""
    folder = tmp_path / "sample"
    run("--lang", "ko", "demo", "--home", str(folder))
    shown = run("--home", str(folder), "history", "--limit", "3").stdout
    assert "언제" in shown and "when" not in shown
    english = tmp_path / "english"
    run("--lang", "en", "demo", "--home", str(english))
    assert "when" in run("--home", str(english), "history", "--limit", "3").stdout
