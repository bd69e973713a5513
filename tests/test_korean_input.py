"""Korean input (issue 13 item 3): symptom and task names by their Korean names whatever language the
screens are in, NFC-normalised, with the closest names suggested in Korean; guide search in Korean."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

import pytest

from caretool.core import messages
from caretool.domain.care import symptoms
from caretool.domain.entries.kinds.hours import TASKS, task_slug
from caretool.domain.guidance import guides


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """A test that renders in Korean leaves the next one in English, as every command starts."""
    yield
    messages.set_language("en")


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize(("typed", "slug"), [
    ("삼킴곤란", "swallowing"), ("사레들림", "choking"), ("식사 중 사레들림이나 기침", "choking"),
    ("근육 경련", "cramps"), ("위루관빠짐", "tube-out"), ("기타", "other"), ("swallowing", "swallowing"),
    ("Difficulty swallowing", "swallowing"),
])
def test_a_symptom_is_logged_by_its_korean_name_in_either_language(
    run: Any, household: Any, lang: str, typed: str, slug: str
) -> None:
    household()
    extra = ["--describe", "손이 차가움"] if slug == "other" else []
    run("--lang", lang, "log", "symptom", typed, "--severity", "2", *extra)
    assert [(r["name"], r["severity"]) for r in run.json("history")] == [(slug, 2)]


def test_decomposed_hangul_is_the_same_name(run: Any, household: Any) -> None:
    household()
    decomposed = unicodedata.normalize("NFD", "삼킴곤란")
    assert decomposed != "삼킴곤란"
    run("log", "symptom", decomposed, "--severity", "1")
    assert run.json("history")[0]["name"] == "swallowing"


def test_an_unknown_korean_name_suggests_the_nearest_in_korean(run: Any, household: Any) -> None:
    household()
    err = run("--lang", "ko", "log", "symptom", "삼킴곤", "--severity", "1", code=2).stderr
    assert "모르는 증상입니다: '삼킴곤'" in err and "혹시 삼킴곤란" in err
    err = run("--lang", "en", "log", "symptom", "삼킴곤", "--severity", "1", code=2).stderr
    assert "did you mean swallowing" in err  # the same guess, named as an English reader types it


def test_no_two_symptoms_share_a_name_in_any_language() -> None:
    seen: dict[str, str] = {}
    for s in symptoms.CATALOGUE:
        forms = {symptoms.key(s.slug)}
        for message in (symptoms.NAMES.get(s.slug, s.label), s.label):
            forms |= {symptoms.key(text) for text in messages.in_every_language(message).values()}
        for form in forms:
            assert seen.setdefault(form, s.slug) == s.slug, f"{form!r} names {seen[form]} and {s.slug}"


def test_every_symptom_has_a_korean_name_without_spaces() -> None:
    for s in symptoms.CATALOGUE:
        assert s.slug in symptoms.NAMES, f"give {s.slug} a short name in symptoms.NAMES (and its Korean)"
        korean = messages.in_every_language(symptoms.NAMES[s.slug])["ko"]
        assert korean != s.slug and " " not in korean and any("가" <= ch <= "힣" for ch in korean), s.slug


@pytest.mark.parametrize(("typed", "slug"), [("식사", "feeding"), ("밤 돌봄", "night-care"),
                                             ("밤돌봄", "night-care"), ("서류와 전화", "admin"),
                                             ("feeding", "feeding"), ("3", "medical")])
def test_a_task_by_its_korean_name(typed: str, slug: str) -> None:
    assert task_slug(typed) == slug


def test_task_names_are_distinct_in_every_language() -> None:
    for lang in messages.LANGUAGES:
        names = [messages.in_every_language(label)[lang] for label in TASKS.values()]
        assert len(set(names)) == len(names), lang


def test_hours_with_a_korean_task_and_a_korean_time(run: Any, household: Any, clock: Any) -> None:
    clock("2026-12-02T21:00:00+00:00")
    household()
    run("log", "hours", "2", "--task", "식사", "--at", "어제 오후 8시 30분")
    record = run.json("history")[0]
    assert (record["task"], record["day"], record["at"][11:16]) == ("feeding", "2026-12-01", "20:30")


def test_a_checkin_with_korean_flags_stores_what_the_english_one_does(run: Any, household: Any) -> None:
    household()
    run("--lang", "ko", "checkin", "--non-interactive", "--symptom", "근육경련=1", "--symptom", "사레들림=0",
        "--hours", "3", "--task", "밤 돌봄", "--date", "어제")
    korean = sorted((r["kind"], r.get("name"), r.get("severity"), r.get("task"), r["day"])
                    for r in run.json("history"))
    run("undo")
    run("checkin", "--non-interactive", "--symptom", "cramps=1", "--symptom", "choking=0", "--hours", "3",
        "--task", "night-care", "--date", "yesterday")
    english = sorted((r["kind"], r.get("name"), r.get("severity"), r.get("task"), r["day"])
                     for r in run.json("history"))
    assert korean == english and len(korean) == 3


# --- guide search in Korean ---------------------------------------------------------------------
@pytest.mark.parametrize(("words", "first"), [
    ("산정특례", "topics/korea-benefits"), ("위루관", "phases/4-swallowing"), ("호흡", "topics/breathing"),
    ("소진", "topics/burnout"), ("돌봄 소진", "topics/burnout"), ("위루관이 빠졌어요", "phases/4-swallowing"),
])
def test_korean_words_find_the_right_guide_first(words: str, first: str) -> None:
    assert guides.search(words, lang="ko")[0].slug == first


def test_a_caregiving_search_finds_the_carers_guides() -> None:
    found = [h.slug for h in guides.search("간병", lang="ko")[:4]]
    assert {"topics/burnout", "topics/support"} & set(found)


def test_a_korean_word_is_found_inside_a_compound_word() -> None:
    assert guides._count("위루관", ["위루관삽입", "경관영양"]) == 1  # 위루관 inside 위루관삽입
    assert guides._count("tube", ["tubes", "tube"]) == 1  # English words match whole


def test_korean_words_search_the_korean_guides_from_an_english_screen(run: Any) -> None:
    hits = run.json("guide", "search", "위루관")
    assert hits[0]["slug"] == "phases/4-swallowing"


@pytest.mark.parametrize(("days", "english"), [
    ("월,수,금", "mon,wed,fri"), ("월요일 목요일", "mon,thu"), ("평일", "weekdays"), ("주말", "sat,sun"),
    ("화·토", "tue,sat"),
])
def test_medicine_days_in_korean_give_the_english_schedule(run: Any, household: Any, days: str,
                                                          english: str) -> None:
    household()
    run("med", "add", "vitamin-d", "--dose", "1 tablet", "--times", "09:00", "--days", days)
    run("med", "add", "vitamin-e", "--dose", "1 tablet", "--times", "09:00", "--days", english)
    d, e = (m for m in run.json("med", "list") if m["name"] in ("vitamin-d", "vitamin-e"))
    assert d["rrule"] == e["rrule"] and "BYDAY" in d["rrule"]


def test_an_unreadable_korean_day_names_the_korean_forms(run: Any, household: Any) -> None:
    household()
    done = run("--lang", "ko", "med", "add", "vitamin-d", "--dose", "1", "--times", "09:00", "--days", "월화",
               code=2)
    assert "월,수,금" in done.stderr and "평일" in done.stderr


@pytest.mark.parametrize(("typed", "slug"), [
    ("사레", "choking"), ("사래", "choking"), ("사레걸림", "choking"),
    ("숨참", "breathless"), ("쥐", "cramps"),
])
def test_the_everyday_korean_word_logs_the_symptom_and_warns(run: Any, household: Any, typed: str,
                                                             slug: str) -> None:
    household()
    done = run("--lang", "ko", "log", "symptom", typed, "--severity", "3")
    (entry,) = [r for r in run.json("history") if r["kind"] == "symptom"]
    assert entry["name"] == slug
    if slug == "choking":
        assert "119" in done.stderr  # the emergency panel, in Korean


def test_undo_names_every_change_in_korean(run: Any, household: Any) -> None:
    """Changes of the household, doses and check-ins are named from the catalogue, so undo says
    what it reverted in the reader's language (not "add medication ..." or "check-in ...")."""
    household()
    run("med", "add", "--preset", "riluzole")
    run("med", "take", "riluzole")
    run("checkin", "--non-interactive", "--hours", "2", "--sleep", "7", "--stress", "3", "--no-break")
    run("caregiver", "add", "Sam")
    said = [run("--lang", "ko", "undo").stderr for _ in range(4)]
    assert "보호자 추가 Sam" in said[0] and "체크인" in said[1]
    assert "리루졸 드림 기록" in said[2] or "Riluzole 드림 기록" in said[2]
    assert "약 추가" in said[3]
    for line in said:
        assert not re.search(r"\b(add|take|check-in|medication|caregiver)\b", line), line
