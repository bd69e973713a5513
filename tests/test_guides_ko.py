"""The Korean guides keep step with the English ones.

These tests read guides/en and guides/ko straight from disk (tomllib + regex) every run, without caretool's
guide loader, so that an English guide that gains a section, a checklist item or a warning rule the Korean
guide lacks makes them fail.

Section ids: an English `##` heading's id is its slug (lowercase ASCII, spaces to hyphens,
punctuation dropped), unless it carries an explicit `{#id}`; a Korean `##` heading must carry an
explicit `{#id}` equal to the id of
the English section it corresponds to, e.g. `## 지금 할 일 {#what-to-do-now}`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
GUIDES = ROOT / "guides"
LANGS = ("en", "ko")
DISCLAIMER = {
    "en": "> General information, not medical advice.",
    "ko": "> 일반적인 정보이며 의학적 조언이 아닙니다. 담당 의료진의 안내를 따르세요.",
}
RULES = frozenset({
    "choking", "breathless", "breathless-lying-flat", "respiratory-referral", "weak-cough", "infection",
    "fever-riluzole", "swallowing-review", "weight-loss", "tube-out", "tube-problem", "tofersen-reaction",
    "edaravone-allergy", "riluzole-pancreatitis", "jaundice", "behaviour-change", "fall", "confusion",
    "wish-to-die", "niv-daytime", "niv-dependent", "no-feeds",
})
HANGUL = re.compile(r"[가-힣]")
HEADING = re.compile(r"^## (?!#)(.+?)\s*$")
EXPLICIT_ID = re.compile(r"^(.*?)\s*\{#([^}]*)\}$")
LINK = re.compile(r"\]\(guide:([^)\s]*)\)")
MARKER = re.compile(r"<!--\s*(.*?)\s*-->")
RULE_MARKER = re.compile(r"^rule:\s*([a-z0-9 ,\-]+)$")
CHECK_ITEM = re.compile(r"^- \[ \] \S")


def slugify(heading: str) -> str:
    """'Living with NIV (BiPAP)' -> 'living-with-niv-bipap'; "When the person's" -> 'when-the-persons'."""
    text = re.sub(r"[^a-z0-9\s-]", "", heading.lower())
    return re.sub(r"-{2,}", "-", re.sub(r"\s+", "-", text.strip())).strip("-")


@dataclass
class Section:
    heading: str
    id: str
    explicit: bool
    text: str


@dataclass
class Guide:
    lang: str
    slug: str
    meta: dict[str, Any]
    body: str
    sections: list[Section]

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)


def parse(path: Path, lang: str) -> Guide:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("+++\n") and "\n+++\n" in text[3:], f"{path}: no +++ front matter"
    front, body = text[4:].split("\n+++\n", 1)
    meta = tomllib.loads(front)
    sections: list[Section] = []
    for line in body.splitlines():
        match = HEADING.match(line)
        if match:
            heading = match.group(1)
            explicit = EXPLICIT_ID.match(heading)
            if explicit:
                sections.append(Section(explicit.group(1).strip(), explicit.group(2), True, ""))
            else:
                sections.append(Section(heading, slugify(heading), False, ""))
        elif sections:
            sections[-1].text += line + "\n"
    slug = f"{path.parent.name}/{path.stem}"
    return Guide(lang, slug, meta, body, sections)


def load(lang: str) -> dict[str, Guide]:
    """Read the guides of one language from disk (not cached: each test sees the files as they are now)."""
    root = GUIDES / lang
    return {g.slug: g for g in (parse(p, lang) for p in sorted(root.glob("*/*.md")))}


@cache
def slugs(lang: str) -> tuple[str, ...]:
    return tuple(load(lang))


def pair(slug: str) -> tuple[Guide, Guide]:
    en, ko = load("en"), load("ko")
    assert slug in en, f"guides/en/{slug}.md is missing"
    assert slug in ko, f"guides/ko/{slug}.md is missing: every English guide needs a Korean counterpart"
    return en[slug], ko[slug]


def bullets(text: str) -> list[str]:
    items: list[str] = []
    for line in text.splitlines():
        if line.startswith("- "):
            items.append(line[2:].strip())
        elif items and line.startswith("  ") and line.strip():
            items[-1] += " " + line.strip()
    return items


def checklist(guide: Guide) -> list[str]:
    section = guide.section("what-to-do-now")
    if section is None:
        return []
    return [line for line in section.text.splitlines() if CHECK_ITEM.match(line)]


def markers(text: str) -> list[str]:
    """Every marker comment in a text: rule ids, or 'info'. Unknown comments are returned as 'bad:<text>'."""
    found: list[str] = []
    for comment in MARKER.findall(text):
        if comment == "info":
            found.append("info")
            continue
        rule = RULE_MARKER.match(comment)
        if not rule:
            found.append(f"bad:{comment}")
            continue
        found.extend(part for part in re.split(r"[\s,]+", rule.group(1)) if part)
    return found


def warning_rules(guide: Guide) -> set[str]:
    section = guide.section("warning-signs")
    return {m for m in markers(section.text)} - {"info"} if section else set()


EN_SLUGS = slugs("en")
ALL = [(lang, slug) for lang in LANGS for slug in slugs(lang)]


# --- the two sets match ----------------------------------------------------------------------------
def test_both_languages_have_guides() -> None:
    en, ko = load("en"), load("ko")
    assert len(en) >= 17 and "topics/korea-benefits" in en
    assert "phases/1-onset" in ko and "topics/korea-benefits" in ko


def test_every_english_guide_has_a_korean_guide_with_the_same_slug() -> None:
    en, ko = set(load("en")), set(load("ko"))
    assert sorted(en - ko) == [], "English guides without a Korean counterpart"
    assert sorted(ko - en) == [], "Korean guides without an English counterpart"


@pytest.mark.parametrize("slug", EN_SLUGS)
def test_same_front_matter_keys(slug: str) -> None:
    en, ko = pair(slug)
    assert set(ko.meta) == set(en.meta)
    assert ko.meta.get("phase") == en.meta.get("phase")


@pytest.mark.parametrize("slug", EN_SLUGS)
def test_same_section_ids_in_the_same_order(slug: str) -> None:
    en, ko = pair(slug)
    assert [s.id for s in ko.sections] == [s.id for s in en.sections]


@pytest.mark.parametrize("slug", EN_SLUGS)
def test_korean_headings_are_korean_with_an_explicit_ascii_id(slug: str) -> None:
    _, ko = pair(slug)
    assert ko.sections, "no ## sections"
    for section in ko.sections:
        assert section.explicit, f"## {section.heading}: needs {{#id}}"
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", section.id), section.id
        assert HANGUL.search(section.heading), f"heading not in Korean: {section.heading!r}"
    assert len({s.id for s in ko.sections}) == len(ko.sections), "duplicate section id"


@pytest.mark.parametrize("slug", EN_SLUGS)
def test_english_ids_are_the_slugs_of_their_headings(slug: str) -> None:
    en = load("en")[slug]
    for section in en.sections:
        if not section.explicit:
            assert section.id == slugify(section.heading)
        assert section.id, f"## {section.heading}: empty id"


# --- content rules for every guide, both languages -------------------------------------------------
@pytest.mark.parametrize(("lang", "slug"), ALL)
def test_sources_and_reviewed_date(lang: str, slug: str) -> None:
    guide = load(lang)[slug]
    sources = guide.meta.get("sources")
    assert isinstance(sources, list) and len(sources) >= 3, "at least three sources"
    assert all(isinstance(s, str) and s.strip() for s in sources)
    assert isinstance(guide.meta.get("reviewed"), date)
    assert guide.sections and guide.sections[-1].id == "sources" and guide.sections[-1].text.strip()


@pytest.mark.parametrize(("lang", "slug"), ALL)
def test_links_point_to_guides_that_exist_in_the_same_language(lang: str, slug: str) -> None:
    guide = load(lang)[slug]
    known = set(load(lang))
    for link in LINK.findall(guide.body):
        assert link in known, f"{lang}/{slug} links to missing guide:{link}"
        assert link != slug, f"{lang}/{slug} links to itself"


@pytest.mark.parametrize(("lang", "slug"), ALL)
def test_disclaimer_first_and_one_title(lang: str, slug: str) -> None:
    guide = load(lang)[slug]
    lines = [line for line in guide.body.splitlines() if line.strip()]
    assert lines[0].startswith(DISCLAIMER[lang])
    assert [line for line in guide.body.splitlines() if line.startswith("# ")] == [f"# {guide.meta['title']}"]


@pytest.mark.parametrize(("lang", "slug"), ALL)
def test_warning_markers_use_known_rule_ids(lang: str, slug: str) -> None:
    guide = load(lang)[slug]
    found = markers(guide.body)
    assert not [m for m in found if m.startswith("bad:")], f"unreadable marker comments: {found}"
    assert set(found) - {"info"} <= RULES, f"unknown rule ids: {sorted(set(found) - {'info'} - RULES)}"


# --- the Korean guides are at least as complete ----------------------------------------------------
@pytest.mark.parametrize("slug", EN_SLUGS)
def test_korean_checklist_has_at_least_as_many_items(slug: str) -> None:
    en, ko = pair(slug)
    section = ko.section("what-to-do-now")
    if section is not None:
        lines = [line for line in section.text.splitlines() if line.strip()]
        assert all(CHECK_ITEM.match(line) for line in lines), "What to do now is a '- [ ] ' checklist"
    assert len(checklist(ko)) >= len(checklist(en))


@pytest.mark.parametrize("slug", EN_SLUGS)
def test_korean_warning_signs_are_marked_bullets_covering_the_english_rules(slug: str) -> None:
    en, ko = pair(slug)
    section = ko.section("warning-signs")
    if section is None:
        assert en.section("warning-signs") is None
        return
    items = bullets(section.text)
    assert items, "warning signs are a bullet list"
    for item in items:
        assert re.search(r"(<!--[^>]*-->\s*)+$", item), f"bullet without a rule marker: {item!r}"
    missing = sorted(warning_rules(en) - warning_rules(ko))
    assert not missing, f"the Korean guide lacks rules the English one warns for: {missing}"


@pytest.mark.parametrize("slug", EN_SLUGS)
def test_korean_questions_are_questions(slug: str) -> None:
    _, ko = pair(slug)
    for section in ko.sections:
        if section.id.startswith("questions-for"):
            items = bullets(section.text)
            assert len(items) >= 3
            assert all(q.endswith("?") for q in items), items


@pytest.mark.parametrize("slug", EN_SLUGS)
def test_korean_front_matter_is_in_korean(slug: str) -> None:
    _, ko = pair(slug)
    assert HANGUL.search(ko.meta["title"]) and HANGUL.search(ko.meta["summary"])
    keywords = ko.meta.get("keywords", [])
    assert sum(bool(HANGUL.search(k)) for k in keywords) >= 8, "Korean search words in keywords"


def test_the_korean_set_is_at_least_as_complete_as_the_english_set() -> None:
    en, ko = load("en"), load("ko")
    assert sum(len(g.sections) for g in ko.values()) >= sum(len(g.sections) for g in en.values())
    assert sum(len(checklist(g)) for g in ko.values()) >= sum(len(checklist(g)) for g in en.values())


# --- the Korea benefits guide ------------------------------------------------------------------------
def test_korea_benefits_front_matter() -> None:
    en, ko = pair("topics/korea-benefits")
    assert en.meta["title"] == "Support schemes in Korea"
    assert ko.meta["title"] == "한국의 지원 제도"
    for guide in (en, ko):
        assert guide.meta["topics"] == ["korea", "benefits", "support"]
        keywords = guide.meta["keywords"]
        assert any(HANGUL.search(k) for k in keywords) and any(k.isascii() for k in keywords)


@pytest.mark.parametrize("needle", [
    "산정특례", "10%", "5년", "보건소", "helpline.kdca.go.kr", "인공호흡기", "기침유발기",
    "활동지원", "장기요양", "65세", "가족돌봄휴가", "사전연명의료의향서", "lst.go.kr",
    "한국ALS협회", "승일희망요양병원", "2025년 3월 31일", "76병상", "라디컷", "칼소디주", "109", "119",
])
def test_korea_benefits_names_each_scheme(needle: str) -> None:
    _, ko = pair("topics/korea-benefits")
    assert needle in ko.body


def test_korea_benefits_items_say_what_who_where_and_source() -> None:
    en, ko = pair("topics/korea-benefits")
    schemes = [s for s in ko.sections if s.id not in {
        "where-to-start", "medicine-costs-in-korea", "emergency-and-helpline-numbers",
        "questions-for-the-hospital-social-worker", "sources"}]
    assert len(schemes) >= 9
    for section in schemes:
        for label in ("**무엇을:**", "**누가:**", "**어디서:**", "**출처:**"):
            assert label in section.text, f"{section.id}: missing {label}"
    for section in en.sections:
        if section.id in {s.id for s in schemes}:
            for label in ("**What it gives:**", "**Who qualifies:**", "**Where to apply:**", "**Sources:**"):
                assert label in section.text, f"{section.id}: missing {label}"


def test_korea_benefits_does_not_pin_the_kdca_income_figure() -> None:
    _, ko = pair("topics/korea-benefits")
    text = ko.section("rare-disease-medical-cost-support").text  # type: ignore[union-attr]
    assert "해마다 바뀌" in text
    pinned = re.search(r"\d+\s*%\s*(미만|이하)", text)
    assert not pinned, "say the income test changes yearly; do not pin a figure"


# --- Korean search words lead to the right guide (a rough stand-in for the ranking) -------------------
def rough_score(guide: Guide, term: str) -> int:
    """Title, keywords and headings weigh most; body mentions are capped (substring match, as for Hangul)."""
    title = guide.meta["title"].count(term)
    keys = sum(k.count(term) for k in guide.meta.get("keywords", []))
    heads = sum(s.heading.count(term) for s in guide.sections)
    return 10 * title + 6 * keys + 3 * heads + min(guide.body.count(term), 8)


@pytest.mark.parametrize(("term", "wanted"), [
    ("산정특례", {"topics/korea-benefits"}),
    ("위루관", {"phases/4-swallowing", "topics/nutrition"}),
    ("사레들림", {"phases/4-swallowing"}),
    ("인공호흡기", {"phases/5-breathing", "topics/breathing"}),
    ("기침유발기", {"phases/5-breathing", "topics/breathing", "topics/korea-benefits"}),
    ("소진", {"topics/burnout"}),
    ("활동지원", {"topics/korea-benefits"}),
    ("109", {"topics/crisis"}),
])
def test_korean_search_words_point_to_the_right_guide_first(term: str, wanted: set[str]) -> None:
    ko = load("ko")
    best = max(ko.values(), key=lambda g: (rough_score(g, term), g.slug))
    assert best.slug in wanted, {g.slug: rough_score(g, term) for g in ko.values() if rough_score(g, term)}
