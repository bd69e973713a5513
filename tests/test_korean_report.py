"""The weekly report in Korean in every format (issue 13): text, Markdown, HTML with lang="ko", and
JSON with English keys and Korean labels; the same data give the same numbers in both languages."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from caretool.core import messages

HANGUL = re.compile(r"[가-힣]")
KOREAN_SECTIONS = ("개요", "경고", "증상", "체중", "약", "돌봄 시간", "보호자", "메모",
                   "의료진에게 물어볼 것")
ENGLISH_SECTIONS = ("Overview", "Warnings", "Symptoms", "Medications", "Care hours",
                    "Questions for the care team")


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    yield
    messages.set_language("en")


@pytest.fixture
def sample_home(home: Path, clock: Any) -> Path:
    """Six weeks of the sample household (built in English), the clock on a Wednesday evening."""
    from caretool.demo import sample
    from caretool.store import Store

    clock("2026-12-02T18:00:00+09:00", tz="Asia/Seoul")
    with Store(home, write=True) as store:
        sample.build(store, start=date(2026, 10, 22), end=date(2026, 12, 2),
                     now=datetime.fromisoformat("2026-12-02T18:00:00+09:00"))
    return home


def report(run: Any, lang: str, form: str) -> str:
    return str(run("--lang", lang, "report", "--format", form).stdout)


def leaves(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from leaves(item, f"{path}[{i}]")
    else:
        yield path, value


def test_the_json_report_has_english_keys_the_same_numbers_and_korean_labels(
    run: Any, sample_home: Path
) -> None:
    english = json.loads(report(run, "en", "json"))
    korean = json.loads(report(run, "ko", "json"))
    for document in (english, korean):  # each language's guide asks its own questions (issue 14)
        document["questions"] = [q for q in document["questions"] if q.get("why") != "phase-guide"]
    en, ko = dict(leaves(english)), dict(leaves(korean))
    assert en.keys() == ko.keys()  # the same structure, keys in English
    numbers = [p for p, v in en.items() if isinstance(v, int | float) and not isinstance(v, bool)]
    assert len(numbers) > 100 and all(en[p] == ko[p] for p in numbers)
    assert all(en[p] == ko[p] for p, v in en.items() if isinstance(v, bool) or v is None)
    translated = [p for p in en if isinstance(en[p], str) and en[p] != ko[p]]
    assert translated and all(HANGUL.search(ko[p]) for p in translated)
    assert ko[".overview.phase_title"] == "일상생활에 지장이 생김"
    assert ko[".warnings[0].title"] in ("넘어짐", "사레들림", "삼키기나 식사가 더 힘들어짐")
    # the family's own words and the ids stay as they were written
    for path in (".overview.person", ".warnings[0].rule", ".period.label", ".notes[0].text"):
        if path in en:
            assert en[path] == ko[path]


@pytest.mark.parametrize("form", ["text", "md", "html"])
def test_the_report_reads_in_korean(run: Any, sample_home: Path, form: str) -> None:
    text = report(run, "ko", form)
    for heading in KOREAN_SECTIONS:
        assert heading in text, heading
    for heading in ENGLISH_SECTIONS:
        assert heading not in text, heading
    assert "민준" not in text and "Min-jun" in text  # a name is the family's own, not translated
    assert "일반적인 정보이며 의학적 조언이 아닙니다" in text


def test_the_html_report_says_it_is_korean(run: Any, sample_home: Path) -> None:
    assert '<html lang="ko">' in report(run, "ko", "html")
    assert '<html lang="en">' in report(run, "en", "html")


@pytest.mark.parametrize("form", ["text", "md", "html"])
def test_every_format_shows_the_same_figures_in_both_languages(
    run: Any, sample_home: Path, form: str
) -> None:
    """The figures a family compares (doses, hours, shares, weights) appear alike in both."""
    data = json.loads(report(run, "en", "json"))
    figures = [f"{m['taken']}" for m in data["medications"]["items"]]
    figures += [f"{m['percent']}%" for m in data["medications"]["items"]]
    figures += [f"{c['share']}%" for c in data["care_hours"]["caregivers"]]
    figures += [f"{data['care_hours']['total']:g}", f"{data['weight']['latest']['kg']:g} kg"]
    english, korean = report(run, "en", form), report(run, "ko", form)
    for figure in figures:
        assert figure in english and figure in korean, figure


def test_the_korean_report_asks_the_korean_guides_questions(run: Any, sample_home: Path) -> None:
    questions = json.loads(report(run, "ko", "json"))["questions"]
    from_guide = [q for q in questions if q.get("why") == "phase-guide"]
    assert from_guide and all(HANGUL.search(q["text"]) for q in from_guide)


def test_a_report_written_to_a_file_is_korean_too(run: Any, sample_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "week.md"
    said = run("--lang", "ko", "report", "--format", "md", "--output", str(out)).stderr
    assert "마크다운 보고서" in said and "의료진에게 물어볼 것" in out.read_text(encoding="utf-8")
