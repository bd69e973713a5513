"""Every red-flag rule speaks Korean (issue 13): its title, why, action and what else to know, with its
sources, on every trigger of the rules table; and the panel a Korean family sees after logging."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from caretool.core import messages
from caretool.core.messages import render
from caretool.domain.care import redflags
from caretool.domain.care.rules import ALL
from tests.test_redflags import TRIGGERS, flags

HANGUL = re.compile(r"[가-힣]")


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    messages.set_language("en")


def words(flag: Any, lang: str) -> dict[str, Any]:
    messages.set_language(lang)
    text = redflags.text_of(flag)
    return {"title": render(text.title), "why": render(text.why), "action": render(text.action),
            "more": [render(m) for m in text.more], "sources": [render(s) for s in text.sources]}


def test_the_triggers_cover_every_rule() -> None:
    """Every rule about an entry has a trigger here; rules about a whole day are below."""
    assert {t[4] for t in TRIGGERS} == {rule.id for rule in ALL if not rule.judges_days}


@pytest.mark.parametrize("rule", sorted(rule.id for rule in ALL if rule.judges_days))
def test_rules_about_a_whole_day_speak_korean_too(rule: str) -> None:
    flag = redflags.Flag(rule, redflags.TODAY, "2026-11-20", "", {}, ())
    korean = words(flag, "ko")
    assert HANGUL.search(korean["title"]) and HANGUL.search(korean["action"])
    assert korean["title"] != words(flag, "en")["title"]


@pytest.mark.parametrize(("record", "before", "home", "rule"), [t[1:5] for t in TRIGGERS],
                         ids=[t[0] for t in TRIGGERS])
def test_every_rule_in_korean_with_its_source(record: dict[str, Any], before: tuple[dict[str, Any], ...],
                                               home: Any, rule: str) -> None:
    flag = next(f for f in flags(record, *before, home=home) if f.rule == rule)
    english, korean = words(flag, "en"), words(flag, "ko")
    for part in ("title", "action"):
        assert korean[part] and HANGUL.search(korean[part]) and korean[part] != english[part], (rule, part)
    assert bool(korean["why"]) == bool(english["why"])
    assert not korean["why"] or HANGUL.search(korean["why"])
    assert len(korean["more"]) == len(english["more"]) and all(HANGUL.search(m) for m in korean["more"])
    assert flag.sources and len(korean["sources"]) == len(flag.sources)
    assert all(HANGUL.search(s) for s in korean["sources"]), korean["sources"]
    assert "{" not in " ".join([korean["title"], korean["why"], korean["action"], *korean["more"]])


def test_emergencies_name_119_first_in_korean() -> None:
    for record, before, home, rule, urgency in (t[1:] for t in TRIGGERS):
        if urgency != redflags.EMERGENCY:
            continue
        flag = next(f for f in flags(record, *before, home=home) if f.rule == rule)
        said = " ".join([words(flag, "ko")["action"], *words(flag, "ko")["more"]])
        assert "119" in said, rule


def test_the_warning_panel_after_logging_is_korean(run: Any, household: Any) -> None:
    household()
    err = run("--lang", "ko", "log", "symptom", "사레들림", "--severity", "1").stderr
    assert "의료진에게 알릴 것: 사레들림" in err  # the panel's title
    assert "오늘 담당 의료진에게 연락해 삼킴 평가를 요청하세요." in err
    assert "출처: NICE 지침 NG42 (운동신경원질환)" in err
    assert "Choking" not in err and "Sources" not in err


def test_an_emergency_panel_is_korean(run: Any, household: Any) -> None:
    household()
    err = run("--lang", "ko", "log", "symptom", "호흡곤란", "--severity", "3").stderr
    assert "응급:" in err and "119" in err and "산소" in err  # the oxygen caution, in Korean
