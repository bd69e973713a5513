"""The bundled guides: their content rules, search, `caretool guide ...`, and shipping in the wheel."""

from __future__ import annotations

import importlib.util
import io
import os
import re
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from caretool.core.errors import BadInput, NotFound
from caretool.core.messages import render
from caretool.domain.care.rules import BY_ID
from caretool.domain.guidance import guides
from tests.conftest import data_of

ROOT = Path(__file__).resolve().parents[1]
ALL = guides.all_guides()
PHASE_SLUGS = {1: "phases/1-onset", 2: "phases/2-work", 3: "phases/3-daily-living",
               4: "phases/4-swallowing", 5: "phases/5-breathing"}
DISCLAIMER = "General information, not medical advice"
BURNOUT_SECTIONS = (
    "Too many hours", "No breaks", "Poor sleep", "Rising stress", "Isolation",
    "Behaviour change in the person you care for", "When to get help now",
)


def ids(items: Any) -> list[str]:
    return [g.slug for g in items]


# --- every guide --------------------------------------------------------------------------------
def test_the_bundle_has_phase_and_topic_guides() -> None:
    slugs = {g.slug for g in ALL}
    assert set(PHASE_SLUGS.values()) <= slugs
    assert {"topics/burnout", "topics/nutrition", "topics/breathing", "topics/crisis"} <= slugs
    assert len(slugs) == len(ALL)  # no two files with one slug


def test_every_guide_file_is_loaded() -> None:
    files = sorted((guides.guides_root() / "en").glob("*/*.md"))
    assert len(files) == len(ALL)


@pytest.mark.parametrize("guide", ALL, ids=ids(ALL))
def test_guide_front_matter(guide: guides.Guide) -> None:
    assert guide.meta.get("title") and guide.title == guide.meta["title"]
    assert isinstance(guide.meta.get("summary"), str) and len(guide.meta["summary"]) > 20
    assert guide.sources and all(s.strip() for s in guide.sources)
    assert isinstance(guide.meta.get("reviewed"), date)
    assert (guide.phase is not None) or guide.topics, "a guide belongs to a phase or to topics"


@pytest.mark.parametrize("guide", ALL, ids=ids(ALL))
def test_guide_carries_the_disclaimer_first(guide: guides.Guide) -> None:
    first = guide.body.strip().splitlines()[0]
    assert first.startswith("> ") and DISCLAIMER in first


@pytest.mark.parametrize("guide", ALL, ids=ids(ALL))
def test_guide_has_one_title_and_a_sources_section(guide: guides.Guide) -> None:
    assert [line for line in guide.body.splitlines() if line.startswith("# ")] == [f"# {guide.title}"]
    assert list(guide.sections)[-1] == "Sources"
    assert all(text.strip() for text in guide.sections.values()), "no empty sections"


@pytest.mark.parametrize("guide", ALL, ids=ids(ALL))
def test_guide_links_point_to_guides_that_exist(guide: guides.Guide) -> None:
    slugs = {g.slug for g in ALL}
    for link in guide.links():
        assert link in slugs, f"{guide.slug} links to missing guide:{link}"
        assert link != guide.slug
    # every guide: link is written in the one form the loader recognises
    assert len(re.findall(r"\(guide:", guide.body)) == len(guide.links())


# --- phase guides -------------------------------------------------------------------------------
@pytest.mark.parametrize("phase", range(1, 6))
def test_phase_guide_exists_with_exactly_the_phase_sections(phase: int) -> None:
    guide = guides.phase_guide(phase)
    assert guide.slug == PHASE_SLUGS[phase]
    assert guide.phase == phase
    assert list(guide.sections) == [*guides.PHASE_SECTIONS, "Sources"]
    assert guides.PHASE_SECTIONS == (
        "What changes", "What to do now", "Equipment and decisions ahead", "Warning signs",
        "Questions for the care team", "Looking after yourself",
    )


@pytest.mark.parametrize("phase", range(1, 6))
def test_what_to_do_now_is_a_checklist(phase: int) -> None:
    text = guides.section(PHASE_SLUGS[phase], "What to do now")
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) >= 4
    assert all(line.startswith("- [ ] ") for line in lines), lines
    assert guides.checklist(phase) == [line.removeprefix("- [ ] ").strip() for line in lines]


@pytest.mark.parametrize("phase", range(1, 6))
def test_questions_for_the_care_team_are_questions(phase: int) -> None:
    questions = guides.questions_for(phase)
    assert len(questions) >= 3
    assert all(q.endswith("?") for q in questions), questions


@pytest.mark.parametrize("phase", range(1, 6))
def test_warning_signs_are_listed_and_say_when_to_call(phase: int) -> None:
    assert guides.warning_signs(phase)
    text = guides.section(str(phase), "Warning signs").lower()
    assert "care team" in text or "emergency" in text


def test_phases_are_numbered_one_to_five_only() -> None:
    assert sorted(g.phase for g in ALL if g.phase is not None) == [1, 2, 3, 4, 5]
    with pytest.raises(NotFound):
        guides.phase_guide(6)


# --- clinical safety content (issue 11) ---------------------------------------------------------
# Every warning sign in a guide names the red-flag rules that detect it (<!-- rule: id, ... -->), or is
# information only, on purpose (<!-- info -->). The rule ids must be rules caretool implements.
RULE_IDS = set(BY_ID)
TAG = re.compile(r"<!--\s*(?:rule:\s*(?P<ids>[a-z\-]+(?:\s*,\s*[a-z\-]+)*)|(?P<info>info))\s*-->$")
WITH_WARNINGS = [g for g in ALL if "Warning signs" in g.sections]
EVERY_LANGUAGE = [g for lang in guides.LANGUAGES for g in guides.all_guides(lang) if g.signs()]
CLINICAL_SOURCES = ROOT / "docs" / "clinical-sources.md"


def tags(sign: str) -> set[str] | None:
    """The rule ids a warning-sign bullet (as written) names; empty for <!-- info -->; None if none."""
    match = TAG.search(sign.strip())
    if not match:
        return None
    return set() if match["info"] else {i.strip() for i in match["ids"].split(",")}


def raw_signs(guide: guides.Guide) -> list[str]:
    return guides.raw_bullets(guide.by_id["warning-signs"].raw)


@pytest.mark.parametrize("guide", EVERY_LANGUAGE, ids=[f"{g.lang}:{g.slug}" for g in EVERY_LANGUAGE])
def test_every_warning_sign_names_implemented_rules_or_is_info(guide: guides.Guide) -> None:
    """Both guides/en and (when present) guides/ko: each bullet has one marker, a rule list or info."""
    signs = guide.signs()
    assert signs, f"{guide.slug}: the warning signs are a list"
    for sign in signs:
        where = f"{guide.lang}:{guide.slug}: {sign.text}"
        assert len(sign.markers) == 1, f"one <!-- rule: ... --> or <!-- info --> on each sign: {where}"
        assert tags(sign.markers[0]) is not None, f"<!-- info --> is the only other marker: {where}"
        assert bool(sign.rules) != sign.info, where
        missing = set(sign.rules) - RULE_IDS
        assert not missing, f"rule(s) {missing} are not implemented: {where}"
        assert "<!--" not in sign.text


def test_every_rule_id_is_used_by_some_guide() -> None:
    used = {rule for g in WITH_WARNINGS for sign in g.signs() for rule in sign.rules}
    assert used == RULE_IDS


@pytest.mark.parametrize("guide", WITH_WARNINGS, ids=ids(WITH_WARNINGS))
def test_warning_sign_markers_agree_with_the_raw_text(guide: guides.Guide) -> None:
    assert [tags(s) for s in raw_signs(guide)] == [set(s.rules) for s in guide.signs()]


@pytest.mark.parametrize("guide", ALL, ids=ids(ALL))
def test_no_text_the_loader_returns_shows_a_marker(guide: guides.Guide) -> None:
    assert "<!--" not in guide.body
    for heading, text in guide.sections.items():
        assert "<!--" not in text and "{#" not in heading
        assert all("<!--" not in item for item in guides.bullets(text))
    assert all("<!--" not in tip for cause in BURNOUT_SECTIONS for tip in guides.tips_for(cause))


def test_rule_tags_do_not_show_in_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    shown = render_in_terminal(monkeypatch, guides.get("5").by_id["warning-signs"].raw)
    assert "<!--" not in shown and "rule:" not in shown
    assert "breathing assessment" in shown


@pytest.mark.parametrize("guide", WITH_WARNINGS, ids=ids(WITH_WARNINGS))
def test_calling_for_breathing_carries_the_oxygen_caution(guide: guides.Guide) -> None:
    text = guide.sections["Warning signs"].lower()
    if "emergency number" in text and "breath" in text[text.index("emergency number"):]:
        assert "oxygen" in text and "monitoring" in text, guide.slug
        assert "als (mnd)" in text or "also called mnd" in text, guide.slug


@pytest.mark.parametrize("slug", ["phases/5-breathing", "topics/breathing", "topics/crisis",
                                  "topics/planning-ahead"])
def test_ambulance_plan(slug: str) -> None:
    body = guides.get(slug).body.lower()
    for words in ("niv", "oxygen", "alert card", "mask", "advance decisions"):
        assert words in body, (slug, words)


def test_breathing_phase_has_just_in_case_medicines_and_one_sign_is_enough() -> None:
    body = guides.get("5").body
    assert "Just in Case" in body
    assert "choking, breathlessness" in body
    assert "Any one of these signs is enough" in body
    assert "any one of these is new" in guides.section("5", "Warning signs")


@pytest.mark.parametrize("slug", ["phases/4-swallowing", "topics/nutrition"])
def test_feeding_tube_out_is_same_hours_urgent(slug: str) -> None:
    warnings = guides.section(slug, "Warning signs")
    signs = guides.get(slug).signs()
    out = next(s for s in signs if "come out" in s.text)
    assert out.rules == ("tube-out",)
    assert "same day" in warnings and "do not wait until tomorrow" in warnings
    problem = next(s for s in signs if "leaks" in s.text)
    assert problem.rules == ("tube-problem",) and "stop the feed" in problem.text
    assert "within a few hours" in guides.get(slug).body


@pytest.mark.parametrize("slug", ["phases/4-swallowing", "topics/nutrition", "topics/breathing",
                                  "topics/crisis"])
def test_choking_episode_steps(slug: str) -> None:
    body = guides.get(slug).body.lower()
    for words in ("calm", "upright", "slow", "cough", "swallow", "suction only if", "rarely a direct cause"):
        assert words in body, (slug, words)


def test_weight_is_measured_from_the_weight_at_diagnosis() -> None:
    nutrition = guides.get("topics/nutrition").body
    assert "weight at diagnosis" in nutrition and "not from the first weight" in nutrition
    assert "3 to 6 months" in nutrition and "MUST" in nutrition and "not specific to ALS" in nutrition
    for guide in ALL:  # the unsourced "5% in a month" rule is gone everywhere
        assert not re.search(r"5 ?%[^.]*month", guide.body), guide.slug


def test_crisis_guide_covers_the_person_with_als() -> None:
    section = guides.section("topics/crisis", "If the person with ALS talks of not wanting to live")
    for number in ("109", "988", "116 123", "119", "911", "999", "112"):
        assert number in section, number
    assert "same lines" in section


def test_medicine_side_effects_to_report() -> None:
    meds = guides.get("topics/medications")
    signs = {frozenset(s.rules): s.text for s in meds.signs()}
    assert "neck stiffness" in signs[frozenset({"tofersen-reaction"})]
    assert "wheezing" in signs[frozenset({"edaravone-allergy"})]
    assert "vomiting" in signs[frozenset({"riluzole-pancreatitis"})]
    assert "Exservan" in meds.body and "2019" in meds.body
    quinine = meds.sections["Medicines for symptoms"]
    assert "NICE" in quinine and "FDA" in quinine  # both pieces of advice, by country


def test_burnout_guide_rests_on_behaviour_change_not_invasive_ventilation() -> None:
    guide = guides.get("topics/burnout")
    assert "strongest predictor" in guide.body
    assert not any("Evans" in s for s in guide.sources)


@pytest.mark.parametrize("guide", ALL, ids=ids(ALL))
def test_sources_are_current(guide: guides.Guide) -> None:
    text = guide.body + "\n".join(guide.sources)
    assert not any("EFNS" in s for s in guide.sources), "EAN 2024 replaces EFNS 2012"
    assert "2020 surveys" not in text and "(2015 and 2020" not in text
    for source in guide.sources:
        if "Rare Disease Wiki" in source:
            assert "outline only" in source, "the company page is only the phase outline"
            assert guide.phase is not None, "only phase guides follow the outline"
    for sentence in re.split(r"(?<=[.;])\s|\n", text):  # no FVC < 50% finding attributed to ProGas
        if "progas" in sentence.lower() and "50%" in sentence:
            assert " not " in sentence, sentence


def test_korea_facts_are_current() -> None:
    support = guides.get("topics/support").body
    assert "31 March 2025" in support and "planned to open" not in support
    assert "change from year to year" in support and "보건소" in support
    assert "register again" in support
    meds = guides.get("topics/medications").body
    assert "칼소디주" in meds and "20 August 2025" in meds and "not reimbursed" in meds


def test_clinical_sources_file_has_every_anchor_the_code_cites() -> None:
    text = CLINICAL_SOURCES.read_text(encoding="utf-8")
    anchors = re.findall(r'<a id="([a-z0-9\-]+)"></a>\n### ', text)
    assert len(anchors) == len(set(anchors)), "anchors are unique"
    wanted = {
        "nice-ng42", "nice-ng150", "ean-2024", "enmc-niv-2003", "mnda-oxygen", "mnda-choking",
        "mnda-just-in-case", "mnd-scotland-choking", "nhs-gastrostomy-tube-out", "leeds-gastrostomy",
        "progas-2015", "bapen-must", "riluzole-label", "tiglutik-label", "exservan-label", "radicava-label",
        "qalsody-label", "nuedexta-label", "lillo-2012", "de-wit-2018", "galvin-2016", "chio-2006",
        "evans-2012", "caregiving-us-2025", "cedarbaum-1999", "roche-2012", "balendra-2014",
        "chio-2015-mitos", "korea-109", "kdca-rare-disease", "nhis-sanjeong", "crisis-lines",
        "rare-disease-wiki-outline",
    }
    assert wanted <= set(anchors), wanted - set(anchors)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", a) for a in anchors)
    for rule in RULE_IDS:  # every rule id has a row in the rules table
        assert f"| `{rule}` |" in text, rule


# --- burnout guide ------------------------------------------------------------------------------
def test_burnout_guide_has_a_section_per_cause() -> None:
    guide = guides.get("topics/burnout")
    assert list(guide.sections) == [*BURNOUT_SECTIONS, "Sources"]


@pytest.mark.parametrize("cause", BURNOUT_SECTIONS)
def test_tips_for_each_burnout_cause(cause: str) -> None:
    tips = guides.tips_for(cause)
    assert len(tips) >= 2
    assert all(len(tip) > 10 and not tip.startswith(("-", "[")) for tip in tips)


def test_tips_for_unknown_cause_is_a_clear_error() -> None:
    with pytest.raises(BadInput, match="no section"):
        guides.tips_for("Too much money")


# --- the loader ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "slug"), [
    ("4", "phases/4-swallowing"),
    ("4-swallowing", "phases/4-swallowing"),
    ("phases/4-swallowing", "phases/4-swallowing"),
    ("4-swallowing.md", "phases/4-swallowing"),
    ("swallowing", "phases/4-swallowing"),
    ("  Burnout ", "topics/burnout"),
    ("respite", "topics/burnout"),  # a topic of the burnout guide
    ("breathing", "topics/breathing"),  # the topic guide wins over 5-breathing
    ("5", "phases/5-breathing"),
])
def test_get_by_any_name(name: str, slug: str) -> None:
    assert guides.get(name).slug == slug


@pytest.mark.parametrize("name", ["", "6", "0", "²", "١", "topics", "phases/4", "../etc/passwd"])
def test_get_unknown_guide_is_not_found(name: str) -> None:
    with pytest.raises(NotFound) as caught:
        guides.get(name)
    assert "burnout" in str(caught.value.hint)  # the hint lists the guides


def test_get_unknown_guide_suggests_the_nearest() -> None:
    with pytest.raises(NotFound) as caught:
        guides.get("swalowing")
    assert "did you mean 4-swallowing?" in str(caught.value.hint)


def test_section_ids_are_the_headings_slugs() -> None:
    guide = guides.get("4")
    assert [s.id for s in guide.by_id.values()] == [guides.section_id(h) for h in guide.sections]
    assert guides.section_id("Equipment and decisions ahead") == "equipment-and-decisions-ahead"
    assert guides.section_id("If the person with ALS talks of not wanting to live") == (
        "if-the-person-with-als-talks-of-not-wanting-to-live")
    assert guides.find_section("4", "warning-signs")[0] == "Warning signs"
    assert guides.find_section("4", "questions-for")[0] == "Questions for the care team"


def test_find_section_by_prefix_and_case() -> None:
    assert guides.find_section("4", "warning")[0] == "Warning signs"
    assert guides.find_section("4", "QUESTIONS FOR THE CARE TEAM")[0] == "Questions for the care team"
    with pytest.raises(BadInput):
        guides.find_section("4", "")


def test_bullets_strip_markers_and_join_continuation_lines() -> None:
    text = "Intro\n\n- [ ] first\n- [x] done\n* star\n- long item\n  that goes on\n\nAfter."
    assert guides.bullets(text) == ["first", "done", "star", "long item that goes on"]


@pytest.mark.parametrize("text", ["no front matter\n", "+++\ntitle = \n+++\nbody\n", "+++\ntitle = 'x'\n"])
def test_broken_guide_file_is_a_data_error(tmp_path: Path, text: str) -> None:
    from caretool.core.errors import DataError

    path = tmp_path / "broken.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        guides.parse(path, "topics/broken")
    assert "broken.md" in render(caught.value.message)


# --- search -------------------------------------------------------------------------------------
def top(query: str, n: int) -> list[str]:
    return [h.slug for h in guides.search(query)[:n]]


@pytest.mark.parametrize(("query", "wanted", "within"), [
    ("feeding tube", {"phases/4-swallowing", "topics/nutrition"}, 2),
    ("Feeding Tubes", {"phases/4-swallowing", "topics/nutrition"}, 2),
    ("PEG", {"phases/4-swallowing", "topics/nutrition"}, 2),
    ("breathing machine", {"phases/5-breathing", "topics/breathing"}, 2),
    ("breathing machines", {"phases/5-breathing", "topics/breathing"}, 2),
    ("tracheostomy", {"phases/5-breathing", "topics/breathing"}, 2),
])
def test_search_ranks_the_right_guides_together_on_top(query: str, wanted: set[str], within: int) -> None:
    assert set(top(query, within)) == wanted


@pytest.mark.parametrize(("query", "first"), [
    ("burnout", "topics/burnout"),
    ("respite", "topics/burnout"),
    ("choking", "phases/4-swallowing"),
    ("falls", "topics/mobility"),
    ("crisis", "topics/crisis"),
    ("young carers", "topics/young-caregivers"),
])
def test_search_puts_the_obvious_guide_first(query: str, first: str) -> None:
    assert top(query, 1) == [first]


def test_search_drooling_finds_a_guide_about_saliva() -> None:
    found = [guides.get(slug) for slug in top("drooling", 3)]
    assert any("saliva" in g.body.lower() for g in found)
    assert "topics/nutrition" in [g.slug for g in found]  # it has a "Saliva and drooling" section


def test_search_hits_carry_a_line_with_the_words() -> None:
    hit = guides.search("feeding tube")[0]
    assert "tube" in hit.line.lower()
    assert hit.title == guides.get(hit.slug).title
    assert hit.score > 0


def test_search_limit_and_order() -> None:
    hits = guides.search("the care team", limit=3)
    assert len(hits) <= 3
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_search_for_nothing_found_is_empty() -> None:
    assert guides.search("xylophone") == []


@pytest.mark.parametrize("query", ["", "   ", "?!", "a"])
def test_empty_search_is_bad_input(query: str) -> None:
    with pytest.raises(BadInput, match="nothing to search for"):
        guides.search(query)


# --- guide commands -----------------------------------------------------------------------------
def test_cli_search(run: Any) -> None:
    out = run("guide", "search", "feeding", "tube").stdout
    lines = [line for line in out.splitlines() if not line.startswith(" ")]
    assert lines[0].startswith("4-swallowing")
    assert lines[1].startswith("nutrition")


def test_cli_search_json(run: Any) -> None:
    hits = run.json("guide", "search", "burnout")
    assert hits[0]["slug"] == "topics/burnout"
    assert set(hits[0]) == {"slug", "title", "score", "line", "lang"}
    assert hits[0]["lang"] == "en"


def test_cli_search_nothing_found_says_so(run: Any) -> None:
    result = run("guide", "search", "xylophone")
    assert "No guide mentions 'xylophone'" in result.stdout


@pytest.mark.parametrize("args", [["guide", "search", ""], ["guide", "search", "--", "?!"]])
def test_cli_empty_search_exits_2_with_one_line(run: Any, args: list[str]) -> None:
    result = run(*args, code=2)
    assert result.stderr.startswith("error: nothing to search for")
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


def test_cli_search_needs_words(run: Any) -> None:
    run("guide", "search", code=2)


def test_cli_show_whole_guide_as_plain_markdown(run: Any) -> None:
    out = run("guide", "show", "4").stdout  # CliRunner is not a terminal: plain Markdown
    assert out.startswith(f"> {DISCLAIMER}")
    assert "# Swallowing difficulty" in out
    for heading in guides.PHASE_SECTIONS:
        assert f"\n## {heading}\n" in out
    assert "- [ ] " in out
    assert out.rstrip().splitlines()[-1].startswith("**Sources:** NICE NG42")


def test_cli_show_plain_flag(run: Any) -> None:
    assert run("guide", "show", "burnout", "--plain").stdout == run("guide", "show", "burnout").stdout


def test_cli_show_one_section(run: Any) -> None:
    out = run("guide", "show", "4-swallowing", "--section", "warning").stdout
    assert out.startswith("## Warning signs\n\n")
    assert "## What changes" not in out
    assert "Sources" not in out
    for sign in guides.warning_signs(4):
        assert sign.split()[0] in out


def test_cli_show_unknown_section(run: Any) -> None:
    result = run("guide", "show", "4", "--section", "Nope", code=2)
    assert result.stderr.startswith("error: 4-swallowing has no section 'Nope'")
    assert "Warning signs" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_show_unknown_guide_suggests(run: Any) -> None:
    result = run("guide", "show", "burnot", code=2)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: no guide called 'burnot'")
    assert "did you mean burnout?" in lines[0]
    assert "Traceback" not in result.stderr


def test_cli_show_unknown_guide_weird_digits(run: Any) -> None:
    result = run("guide", "show", "²", code=2)
    assert result.stderr.startswith("error: no guide called")


def test_cli_show_json(run: Any) -> None:
    data = run.json("guide", "show", "2")
    assert data["slug"] == "phases/2-work"
    assert data["meta"]["title"] == guides.get("2").title
    assert data["meta"]["sources"]
    assert data["meta"]["reviewed"]  # a TOML date, written as text
    assert list(data["sections"]) == [*guides.PHASE_SECTIONS, "Sources"]
    assert data["section_ids"]["warning-signs"] == "Warning signs"
    assert (data["lang"], data["requested_lang"]) == ("en", "en")
    assert DISCLAIMER in data["body"] and "<!--" not in data["body"]
    # the local --json flag gives the same document
    assert data_of(run("guide", "show", "2", "--json").stdout) == data


def test_cli_list(run: Any) -> None:
    out = run("guide", "list").stdout
    for guide in ALL:
        assert guide.short in out
    assert "phase 4" in out
    assert "caretool guide show" in out.splitlines()[-1]


def test_cli_list_filters(run: Any) -> None:
    assert [g["slug"] for g in run.json("guide", "list", "--phase", "4")] == ["phases/4-swallowing"]
    assert "topics/burnout" in [g["slug"] for g in run.json("guide", "list", "--topic", "respite")]
    listed = run.json("guide", "list")
    assert len(listed) == len(ALL)
    assert set(listed[0]) == {"slug", "title", "phase", "topics", "summary", "lang"}


def test_guide_needs_no_household(run: Any, home: Path) -> None:
    run("guide", "show", "1")
    run("guide", "search", "riluzole")
    assert not (home / "household.json").exists()


# --- rendering in a terminal --------------------------------------------------------------------
ANSI = re.compile(r"\x1b\[[0-9;]*m")


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def render_in_terminal(monkeypatch: pytest.MonkeyPatch, text: str, *, plain: bool = False) -> str:
    from caretool.views import guides as view
    from caretool.views import output

    screen = FakeTerminal()
    monkeypatch.setattr(sys, "stdout", screen)
    output.configure(no_color=True)
    view.markdown(text, plain=plain)
    return ANSI.sub("", screen.getvalue())


def test_markdown_in_a_terminal_is_formatted(monkeypatch: pytest.MonkeyPatch) -> None:
    guide = guides.get("5")
    shown = render_in_terminal(monkeypatch, guide.body)
    assert "Breathing difficulty" in shown
    assert "What to do now" in shown
    assert "\n## " not in shown and "- [ ] " not in shown  # rendered, not raw Markdown
    assert "](guide:" not in shown
    assert "caretool guide show planning-ahead" in " ".join(shown.split())


def test_markdown_in_a_terminal_turns_guide_links_into_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    shown = render_in_terminal(monkeypatch, "See [nutrition and weight](guide:topics/nutrition) now.")
    assert "nutrition and weight (caretool guide show nutrition) now" in " ".join(shown.split())


def test_plain_in_a_terminal_stays_markdown(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "## Warning signs\n\n- one [x](guide:topics/crisis)\n"
    assert render_in_terminal(monkeypatch, text, plain=True) == text


def test_markdown_without_a_terminal_is_plain(capsys: pytest.CaptureFixture[str]) -> None:
    from caretool.views import guides as view

    view.markdown("## Title\n\n- [ ] item\n\n\n", plain=False)
    assert capsys.readouterr().out == "## Title\n\n- [ ] item\n"


def test_phase_view_in_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from caretool.domain.care import phases
    from caretool.views import guides as view
    from caretool.views import output

    screen = FakeTerminal()
    monkeypatch.setattr(sys, "stdout", screen)
    output.configure(no_color=True)
    view.phase({**phases.describe(3), "since": "2026-11-01"}, as_json=False)
    shown = " ".join(ANSI.sub("", screen.getvalue()).split())
    assert "Current phase: 3. Daily functioning affected (since 2026-11-01)" in shown
    assert guides.checklist(3)[0][:30] in shown


# --- shipped in the wheel -----------------------------------------------------------------------
def test_wheel_contains_the_guides(tmp_path: Path) -> None:
    if importlib.util.find_spec("hatchling") is None:
        pytest.skip("the build backend (hatchling) is not installed in this environment")
    env = {**os.environ, "PIP_NO_INDEX": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation",
         "-q", "-w", str(tmp_path / "dist")],
        check=True, env=env, capture_output=True, timeout=120,
    )
    (wheel,) = (tmp_path / "dist").glob("caretool-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "site")
    assert "caretool/guides/en/phases/1-onset.md" in names
    for guide in ALL:
        assert f"caretool/guides/en/{guide.slug}.md" in names
    assert not any(n.startswith("guides/") for n in names), "guides must live inside the package"

    # Installed (not from this checkout), the package finds its guides next to itself.
    probe = ("import caretool, caretool.domain.guidance.guides as g; "
             "print(caretool.__file__); print(g.guides_root()); print(len(g.all_guides()))")
    out = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True, timeout=60,
        cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(tmp_path / "site")},
    ).stdout.splitlines()
    site = str(tmp_path / "site")
    assert out[0].startswith(site)
    assert out[1] == str(tmp_path / "site" / "caretool" / "guides")
    assert int(out[2]) == len(ALL)
