"""`caretool sheet`: the one-page emergency sheet. In every format it holds every field; a field
with nothing recorded says "not recorded" instead of disappearing; the family's text is shown
safely; the facts cite their sources in the footer."""

from __future__ import annotations

import html
import re
import stat
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from caretool.demo import sample
from caretool.store import Store

NOW = "2026-11-20T21:00:00+00:00"
FORMATS = ("text", "md", "html")


@pytest.fixture(autouse=True)
def pinned(clock: Callable[..., None]) -> None:
    clock(NOW)


def demo_home(folder: Path, days: int = sample.DEMO_DAYS) -> Path:
    now = datetime.fromisoformat(NOW)
    with Store(folder, write=True) as store:
        sample.build(store, start=now.date() - timedelta(days=days - 1), end=now.date(), per_day=4, now=now)
    return folder


def plain(text: str, form: str) -> str:
    """What a reader sees: tags and Markdown escapes gone, one space between words, in lower case (the
    text format prints its headings in capitals)."""
    if form == "html":
        text = html.unescape(re.sub(r"<[^>]+>", " ", text.split("<body", 1)[1]))
    if form == "md":
        text = re.sub(r"\\(.)", r"\1", text).replace("**", "")
    return " ".join(text.split()).casefold()


def has(text: str, field: str) -> bool:
    return field.casefold() in text


def sheet(run: Any, home: Path, form: str, *more: str) -> str:
    return plain(run("--home", str(home), "sheet", "--format", form, *more).stdout, form)


EVERY_FIELD = ("Emergency sheet: Min-jun", "Name", "Date of birth", "1961-05-14", "Diagnosis",
               "ALS (amyotrophic lateral sclerosis), also called MND (motor neurone disease)", "Diagnosed",
               "First symptoms (onset)", "Allergies", "none known", "Key risks",
               "Oxygen only with caution and close monitoring (blood gases)", "CO2 retention", "Aspiration",
               "Eats and drinks by mouth.", "When speech is gone: still speaks, slowly",
               "Current medications", "Riluzole 50 mg tablet: every day at 08:00 and 20:00",
               "Baclofen 10 mg: every day at 08:00, 14:00 and 20:00", "Equipment and settings",
               "wheelchair: Manual folding wheelchair", "Advance decisions",
               "Resuscitation (CPR)", "attempt resuscitation (CPR)", "Ventilation",
               "mask ventilation (NIV) only, no tracheostomy", "Feeding tube", "accepts a feeding tube",
               "Decided or signed on", "Signed document kept", "blue folder in the kitchen drawer",
               "사전연명의료의향서", "Who to call, in this order",
               "Emergency number: 119 in Korea, 911 in the US, 999 or 112 in the UK and Ireland.",
               "respiratory team: Hanbit Hospital breathing team, 02-555-0142 (24 hours)",
               "family doctor (GP): Dr Choi, family clinic, 031-555-0188", "Sources",
               "MND Association: oxygen therapy and the oxygen alert card", "printed 2026-11-20")


@pytest.mark.parametrize("form", FORMATS)
def test_the_demo_sheet_holds_every_field_in_every_format(run: Any, tmp_path: Path, form: str) -> None:
    text = sheet(run, demo_home(tmp_path / "demo"), form)
    missing = [field for field in EVERY_FIELD if not has(text, field)]
    assert not missing, missing
    diagnosed = (date(2026, 11, 20) - timedelta(days=sample.DEMO_DAYS - 1 + 240)).isoformat()
    assert diagnosed in text
    assert has(text, "Other wishes") and has(text, "not recorded")  # left empty in the sample


LATE = ("Phase now", "phase 5", "do not attempt resuscitation (DNACPR)",
        "Uses a breathing machine (NIV or ventilator)",
        "non-invasive ventilator (NIV): ResMed Lumis 150; IPAP 14, EPAP 5, backup rate 12, full face mask",
        "cough assist machine: Philips E70", "suction machine",
        "feeding tube (gastrostomy): balloon gastrostomy",
        "Feeding tube: if it comes out, the opening can close within hours",
        "When speech is gone: letter board and eye-gaze tablet", "Eats by mouth and is also fed by tube.",
        "supplier Breathing equipment supplier, 080-555-0199", "NIV4MND",
        "NHS: what to do if a gastrostomy tube comes out")


@pytest.mark.parametrize("form", FORMATS)
def test_the_breathing_phase_sample_shows_its_machines_and_decisions(run: Any, tmp_path: Path,
                                                                     form: str) -> None:
    text = sheet(run, demo_home(tmp_path / "late", days=400), form)
    missing = [field for field in LATE if not has(text, field)]
    assert not missing, missing
    assert text.index("non-invasive ventilator") < text.index("wheelchair")  # breathing machines first


NOT_RECORDED_FIELDS = ("Date of birth: not recorded", "Diagnosed: not recorded",
                       "First symptoms (onset): not recorded", "Allergies: not recorded",
                       "How the person is fed: not recorded", "When speech is gone: not recorded",
                       "Resuscitation (CPR): not recorded", "Ventilation: not recorded",
                       "Feeding tube: not recorded", "Decided or signed on: not recorded",
                       "Signed document kept: not recorded", "Other wishes: not recorded",
                       "Care team: not recorded")


@pytest.mark.parametrize("form", FORMATS)
def test_a_field_with_nothing_recorded_says_so(run: Any, home: Path, form: str) -> None:
    run("init", "--person", "Min-jun", "--caregiver", "Ji-woo", "--yes")
    text = sheet(run, home, form)
    squeezed = text.replace(" :", ":")  # the HTML puts a label and its value in two cells
    for field in NOT_RECORDED_FIELDS:
        label, _value = field.casefold().split(": ", 1)
        assert has(text, field) or re.search(re.escape(label) + r":? not recorded", squeezed), field
    for section in ("current medications", "equipment and settings"):
        after = text[text.index(section) + len(section):]
        assert after.lstrip(" -").startswith("not recorded"), section
    assert has(text, "Oxygen only with caution")  # the key risks never depend on what was recorded


def test_the_sheet_data_has_every_field_even_when_empty(run: Any, household: Any) -> None:
    household()
    data = run.json("sheet")
    assert set(data) >= {"printed", "person", "risks", "medications", "equipment", "decisions", "contacts",
                         "sources", "emergency"}
    assert data["person"]["allergies"] is None and data["decisions"]["resuscitation"] is None
    assert {r["id"] for r in data["risks"]} == {"oxygen", "aspiration", "communication", "call-handler"}
    assert all(s["title"] for s in data["sources"])
    assert "mnda-oxygen" in {s["anchor"] for s in data["sources"]}


def test_every_risk_that_rests_on_a_source_cites_it_in_the_footer(run: Any, tmp_path: Path) -> None:
    home = demo_home(tmp_path / "late", days=400)
    text = run("--home", str(home), "sheet").stdout
    sources = text[text.index("SOURCES"):]
    cited = set(re.findall(r"\[(\d+)\]", text[:text.index("SOURCES")]))
    listed = set(re.findall(r"^\s+\[(\d+)\]", sources, flags=re.M))
    assert cited and cited <= listed
    anchors = {s["anchor"] for s in run.json("--home", str(home), "sheet")["sources"]}
    assert anchors == {"mnda-oxygen", "niv4mnd", "mnd-australia-dysphagia", "nhs-gastrostomy-tube-out",
                       "mnd-scotland-choking", "korea-lst"}
    clinical = Path(__file__).resolve().parents[1] / "docs" / "clinical-sources.md"
    assert all(f'<a id="{a}"></a>' in clinical.read_text(encoding="utf-8") for a in anchors)


def test_what_the_family_typed_cannot_become_markup(run: Any, household: Any) -> None:
    household()
    run("init", "--allergies", "penicillin <img src=x onerror=alert(1)> & *latex*", "--yes")
    run("equipment", "add", "other", "--model", "<script>alert(1)</script>", "--settings", "| a | b |")
    page = run("sheet", "--format", "html").stdout
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; *latex*" in page
    md = run("sheet", "--format", "md").stdout
    assert r"\<img src=x onerror=alert(1)\> \& \*latex\*" in md and r"\| a \| b \|" in md


def test_korean_sheet(run: Any, tmp_path: Path) -> None:
    home = demo_home(tmp_path / "late", days=400)
    text = run("--home", str(home), "sheet", "--lang", "ko").stdout
    for words in ("응급 카드", "꼭 알아야 할 위험", "산소는 조심해서", "사전 의사결정",
                  "연락할 곳, 이 순서대로",
                  "비침습적 인공호흡기 (NIV)", "출처"):
        assert words in text, words
    page = run("--home", str(home), "sheet", "--lang", "ko", "--format", "html").stdout
    assert '<html lang="ko">' in page


def test_output_file_is_private_and_bad_options_exit_2(run: Any, household: Any, tmp_path: Path) -> None:
    household()
    target = tmp_path / "sheet.html"
    result = run("sheet", "--format", "html", "--output", str(target))
    assert "Wrote the emergency sheet (HTML, print it on one A4 page)" in result.stderr
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "unknown format 'pdf'" in run("sheet", "--format", "pdf", code=2).stderr
    run("sheet", "--lang", "xx", code=2)


def test_no_household_is_a_data_problem(run: Any) -> None:
    assert "no household is set up" in run("sheet", code=3).stderr


def test_stopped_medicines_and_retired_equipment_are_not_on_the_sheet(run: Any, household: Any) -> None:
    household()
    run("med", "add", "baclofen", "--dose", "10 mg", "--times", "08:00", "--start", "2026-11-01")
    run("med", "add", "riluzole", "--dose", "50 mg", "--times", "08:00,20:00", "--start", "2026-11-01")
    run("med", "stop", "baclofen")
    run("equipment", "add", "suction")
    run("equipment", "add", "niv", "--settings", "IPAP 12")
    run("equipment", "retire", "suction")
    text = run("sheet").stdout
    assert "riluzole 50 mg" in text and "baclofen" not in text
    assert "IPAP 12" in text and "suction machine" not in text
