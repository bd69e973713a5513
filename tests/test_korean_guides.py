"""Guides follow the screens' language (issue 14 item 4): guide list/show/search, phase, phase next,
burnout tips and the report's questions use the Korean guide under --lang ko; `--lang` on `guide`
overrides; a guide with no Korean version is shown in English with a one-line notice."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from caretool.core import messages
from caretool.domain.guidance import guides

HANGUL = re.compile(r"[가-힣]")


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    messages.set_language("en")


def test_the_korean_guide_list_has_all_seventeen_in_korean(run: Any) -> None:
    listed = run.json("--lang", "ko", "guide", "list")
    assert len(listed) == 17 and {g["lang"] for g in listed} == {"ko"}
    text = run("--lang", "ko", "guide", "list").stdout
    assert "(영어)" not in text and "한국의 지원 제도" in text and "1단계" in text


def test_the_english_list_stays_english(run: Any) -> None:
    assert {g["lang"] for g in run.json("guide", "list")} == {"en"}


def test_the_current_phase_in_korean(run: Any, household: Any) -> None:
    household(phase=4)
    text = run("--lang", "ko", "phase").stdout
    assert text.startswith("# 지금 단계: 4. 삼킴곤란") and "## 지금 할 일" in text
    assert "위루관" in text and "What to do now" not in text
    assert "(guide:" not in text  # links between guides read as the command that opens them
    nxt = run("--lang", "ko", "phase", "next").stdout
    assert nxt.startswith("# 다음 단계: 5. 호흡곤란") and HANGUL.search(nxt.split("\n", 2)[2])


def test_the_phase_in_json_carries_the_korean_guide(run: Any, household: Any) -> None:
    household(phase=2)
    info = run.json("--lang", "ko", "phase")
    assert info["guide"] == "phases/2-work" and HANGUL.search(info["summary"])
    assert all(HANGUL.search(item) for item in info["checklist"])


@pytest.mark.parametrize(("words", "first"), [("산정특례", "korea-benefits"), ("위루관", "4-swallowing")])
def test_korean_search_finds_the_right_guide_first(run: Any, words: str, first: str) -> None:
    out = run("--lang", "ko", "guide", "search", words).stdout
    assert out.split()[0] == first


def test_guide_lang_overrides_the_screens_language(run: Any) -> None:
    english = run("--lang", "ko", "guide", "show", "burnout", "--lang", "en").stdout
    assert "Burnout" in english and "돌봄 소진과 휴식" not in english
    korean = run("guide", "show", "burnout", "--lang", "ko").stdout
    assert "돌봄 소진과 휴식" in korean
    assert run.json("--lang", "ko", "guide", "show", "4")["lang"] == "ko"


def test_a_section_by_its_korean_heading_or_its_id(run: Any) -> None:
    by_heading = run("--lang", "ko", "guide", "show", "4", "--section", "경고 신호").stdout
    by_id = run("--lang", "ko", "guide", "show", "4", "--section", "warning-signs").stdout
    assert by_heading == by_id and "사레들림" in by_heading


def test_a_guide_without_a_korean_version_falls_back_with_a_notice(
    run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    every = guides.all_guides

    def without_mobility(lang: str = "en") -> tuple[guides.Guide, ...]:
        found = every(lang)
        return tuple(g for g in found if lang != "ko" or g.slug != "topics/mobility")

    monkeypatch.setattr(guides, "all_guides", without_mobility)
    result = run("--lang", "ko", "guide", "show", "mobility")
    assert "이 안내서는 아직 한국어판이 없어서 영어로 보여 드립니다." in result.stderr + result.stdout
    assert "Mobility" in result.stdout
    listed = run("--lang", "ko", "guide", "list").stdout
    assert "mobility" in listed and "(영어)" in listed
    assert run("--lang", "ko", "guide", "show", "burnout").stderr == ""  # no notice when there is one


def test_burnout_tips_come_from_the_korean_guide(run: Any, household: Any) -> None:
    household()
    for day in range(5):
        run("log", "hours", "14", "--at", f"{day} days ago", "--night")
        run("log", "wellbeing", "--sleep", "4", "--stress", "9", "--no-break", "--at", f"{day} days ago")
    out = run("--lang", "ko", "burnout").stdout
    tips = out.split("도움이 될 만한 것:")[1].split("\n\n")[0]
    assert tips.strip() and all(HANGUL.search(line) for line in tips.strip().splitlines())
