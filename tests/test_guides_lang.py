"""Guides in a chosen language: Korean headings with {#id}, sections by id in either language, the
English fallback with a notice, Korean search inside compound words, and the pager for long guides.

The Korean guides are being written; these tests use a small Korean guide of their own.
"""

from __future__ import annotations

import io
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from caretool.domain.guidance import guides
from tests.conftest import data_of

ROOT = Path(__file__).resolve().parents[1]
KO_NUTRITION = """+++
title = "영양과 체중"
topics = ["영양", "nutrition"]
summary = "체중을 지키는 방법, 위루관과 경관식, 삼킴곤란이 있을 때 안전하게 먹는 방법을 설명합니다."
sources = ["NICE NG42"]
keywords = ["위루관삽입", "경관식"]
reviewed = 2026-12-02
+++

> 일반 정보이며 의학적 조언이 아닙니다.

# 영양과 체중 {#nutrition}

체중은 진단 당시의 체중과 비교합니다. 위루관삽입 전에 의료진과 상의하세요.

## 경고 신호 {#warning-signs}

오늘 의료진에게 연락하세요:

- 계획하지 않은 체중 감소; <!-- rule: weight-loss -->
- 물을 평소보다 훨씬 적게 마십니다. <!-- info -->

## 출처 {#sources}

- NICE NG42
"""


@pytest.fixture
def with_korean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    root = tmp_path / "guides"
    shutil.copytree(ROOT / "guides" / "en", root / "en")
    (root / "ko" / "topics").mkdir(parents=True)
    (root / "ko" / "topics" / "nutrition.md").write_text(KO_NUTRITION, encoding="utf-8")
    monkeypatch.setattr(guides, "guides_root", lambda: root)
    guides.all_guides.cache_clear()
    yield root
    guides.all_guides.cache_clear()


# --- the loader ------------------------------------------------------------------------------------
def test_a_korean_heading_shows_without_its_id_and_is_found_by_it(with_korean: Path) -> None:
    guide = guides.get("nutrition", "ko")
    assert (guide.lang, guide.title) == ("ko", "영양과 체중")
    assert list(guide.sections) == ["경고 신호", "출처"]
    assert "{#" not in guide.body and "# 영양과 체중\n" in guide.body
    heading, text = guides.find_section("nutrition", "warning-signs", "ko")
    assert heading == "경고 신호"
    assert "<!--" not in text
    assert guides.section_bullets("nutrition", "warning-signs", "ko") == [
        "계획하지 않은 체중 감소;", "물을 평소보다 훨씬 적게 마십니다."]
    assert [(s.rules, s.info) for s in guide.signs()] == [(("weight-loss",), False), ((), True)]


def test_the_same_id_finds_the_section_in_english(with_korean: Path) -> None:
    assert guides.find_section("nutrition", "warning-signs", "en")[0] == "Warning signs"


def test_a_guide_not_yet_in_korean_falls_back_to_english(with_korean: Path) -> None:
    guide = guides.get("burnout", "ko")
    assert guide.lang == "en"
    notice = guides.fallback_notice(guide, "ko")
    assert notice is not None and "Korean" in str(notice)
    assert guides.fallback_notice(guides.get("nutrition", "ko"), "ko") is None
    assert guides.fallback_notice(guides.get("burnout"), "en") is None


def test_a_korean_topic_finds_the_korean_guide(with_korean: Path) -> None:
    assert guides.get("영양", "ko").slug == "topics/nutrition"


def test_in_language_lists_every_guide_once(with_korean: Path) -> None:
    listed = guides.in_language("ko")
    assert len(listed) == len(guides.all_guides("en"))
    assert {g.lang for g in listed if g.slug == "topics/nutrition"} == {"ko"}


# --- Korean search ---------------------------------------------------------------------------------
@pytest.mark.parametrize("query", ["위루관", "위루관이", "경관식", "체중"])
def test_korean_search_finds_words_inside_compounds_and_keywords(with_korean: Path, query: str) -> None:
    hits = guides.search(query, lang="ko")
    assert hits and hits[0].slug == "topics/nutrition" and hits[0].lang == "ko"


def test_korean_search_shows_the_line_with_the_word(with_korean: Path) -> None:
    (hit, *_) = guides.search("위루관", lang="ko")
    assert "위루관삽입" in hit.line


def test_search_in_korean_still_finds_english_only_guides(with_korean: Path) -> None:
    assert guides.search("respite", lang="ko")[0].slug == "topics/burnout"


# --- the commands ----------------------------------------------------------------------------------
def test_guide_show_in_korean(run: Any, with_korean: Path) -> None:
    result = run("guide", "show", "nutrition", "--lang", "ko")
    assert "# 영양과 체중" in result.stdout and "{#" not in result.stdout and "<!--" not in result.stdout
    assert result.stderr == ""


def test_guide_show_falls_back_with_a_one_line_notice(run: Any, with_korean: Path) -> None:
    result = run("guide", "show", "burnout", "--lang", "ko")
    assert "# Caregiver burnout and respite" in result.stdout
    assert len(result.stderr.strip().splitlines()) == 1 and "Korean" in result.stderr


def test_guide_show_a_korean_section_by_id(run: Any, with_korean: Path) -> None:
    out = run("guide", "show", "nutrition", "--lang", "ko", "--section", "warning-signs").stdout
    assert out.startswith("## 경고 신호\n")


def test_guide_show_json_names_the_language(run: Any, with_korean: Path) -> None:
    data = data_of(run("guide", "show", "burnout", "--lang", "ko", "--json").stdout)
    assert (data["lang"], data["requested_lang"]) == ("en", "ko")
    data = data_of(run("guide", "show", "nutrition", "--lang", "ko", "--json").stdout)
    assert data["lang"] == "ko" and data["section_ids"]["warning-signs"] == "경고 신호"


def test_guide_list_and_search_in_korean(run: Any, with_korean: Path) -> None:
    out = run("guide", "list", "--lang", "ko").stdout
    assert "영양과 체중" in out and "(English)" in out
    assert "영양과 체중 (English)" not in out
    assert run("guide", "search", "위루관", "--lang", "ko").stdout.startswith("nutrition")


def test_guide_list_korean_topic(run: Any, with_korean: Path) -> None:
    listed = run.json("guide", "list", "--lang", "ko", "--topic", "영양")
    assert [g["slug"] for g in listed] == ["topics/nutrition"]


UNKNOWN_LANGUAGE = [["guide", "show", "burnout", "--lang", "fr"], ["guide", "list", "--lang", "xx"],
                    ["guide", "search", "tube", "--lang", "de"]]


@pytest.mark.parametrize("args", UNKNOWN_LANGUAGE)
def test_an_unknown_language_is_bad_input(run: Any, args: list[str]) -> None:
    result = run(*args, code=2)
    assert result.stderr.startswith("error: no guides in language")
    assert "en, ko" in result.stderr


# --- the pager ---------------------------------------------------------------------------------------
class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_long_guide_opens_in_the_pager_in_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from caretool.views import guides as view
    from caretool.views import output

    paged: list[Any] = []
    monkeypatch.setattr(sys, "stdout", FakeTerminal())
    monkeypatch.setattr(view, "page", lambda out, rendered: paged.append(rendered))
    monkeypatch.setenv("LINES", "40")
    output.configure(no_color=True)
    view.guide(guides.get("5"), guides.get("5").body, plain=False)
    assert len(paged) == 1
    view.guide(guides.get("5"), "## Short\n\nOne line.", plain=False)  # fits the screen: no pager
    assert len(paged) == 1 and "Short" in sys.stdout.getvalue()


def test_no_pager_when_piped_or_plain(monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    from caretool.views import guides as view

    monkeypatch.setattr(view, "page", lambda out, rendered: pytest.fail("paged"))
    view.guide(guides.get("5"), guides.get("5").body, plain=False)  # capsys: not a terminal
    assert capsys.readouterr().out.startswith("> ")
    monkeypatch.setattr(sys, "stdout", FakeTerminal())
    view.guide(guides.get("5"), guides.get("5").body, plain=True)
    assert sys.stdout.getvalue().startswith("> ")
