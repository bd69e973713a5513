"""The report's warnings (derived, grouped by rule with counts) and the HTML page's clinic summary:
what a clinician sees first, what stands out, and that nothing typed becomes markup."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from caretool.core import messages

NOW = "2026-11-23T10:00:00+00:00"  # a Monday: the report is 2026-W47 (16-22 Nov)
PERSON = '<img src=x onerror=alert(1)> Kim'
NOTE = 'Saw <script>alert("x")</script> & [a link](http://example.com)'


@pytest.fixture(autouse=True)
def pinned(clock: Callable[..., None]) -> None:
    clock(NOW)


@pytest.fixture
def week(run: Any) -> None:
    run("init", "--person", PERSON, "--born", "1958-04-03", "--onset", "2024-03-01", "--diagnosed",
        "2024-09-15", "--phase", "4", "--caregiver", "Ji-woo", "--yes")
    run("med", "add", "baclofen", "--dose", "10 mg", "--times", "08:00,20:00", "--start", "2026-11-16")
    for day in (16, 18, 20):
        run("log", "symptom", "falls", "--severity", "1", "--at", f"2026-11-{day} 19:00")
    run("log", "symptom", "choking", "--severity", "3", "--at", "2026-11-21 12:00")
    run("log", "weight", "70", "--at", "2026-11-01 08:00")
    run("log", "weight", "68.5", "--at", "2026-11-21 08:00")
    run("log", "note", NOTE, "--at", "2026-11-19 21:00")


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text += data


def parsed(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def summary_of(html: str) -> str:
    return html[html.index('<section class="summary">'):html.index('<section class="detail">')]


# --- warnings, derived and grouped ----------------------------------------------------------------
def test_a_sign_logged_on_three_days_is_one_row_with_its_count(run: Any, week: None) -> None:
    data = run.json("report")
    rows = {w["rule"]: w for w in data["warnings"]}
    assert set(rows) == {"fall", "choking"}
    assert rows["fall"]["count"] == 3 and rows["fall"]["days"] == ["2026-11-16", "2026-11-18", "2026-11-20"]
    assert rows["choking"]["urgency"] == "emergency" and rows["choking"]["count"] == 1
    assert data["warnings"][0]["rule"] == "choking"  # the emergency first
    assert [q["why"] for q in data["questions"]].count("warning") == 2  # one question per sign
    text = run("report").stdout
    section = text[text.index("Warnings ─"):text.index("Symptoms ─")]
    assert section.count("A fall") == 1  # one row, not one per day
    assert "3 times:" in section
    md = run("report", "--format", "md").stdout
    assert "**EMERGENCY** **Choking**" in md and "3 times: Mon 16 Nov, Wed 18 Nov, Fri 20 Nov" in md


def test_warnings_follow_the_entries(run: Any, week: None) -> None:
    """Derived when read: deleting the entry removes its warning from the report."""
    choking = next(e for e in run.json("history", "--kind", "symptom") if e["name"] == "choking")
    run("delete", choking["id"])
    assert [w["rule"] for w in run.json("report")["warnings"]] == ["fall"]


def test_old_prose_stored_in_an_entry_is_not_shown_as_a_warning(run: Any, week: None, home: Path) -> None:
    from caretool.store import Store

    with Store(home, write=True) as store:
        [note] = [r for r in store.records_between(*_days("2026-11-19")) if r["kind"] == "note"]
        stored = {"rule": "made-up", "title": "Stored prose", "why": "", "action": "", "urgency": "today",
                  "source": ""}
        store.update({**note, "warnings": [stored]})
    assert "made-up" not in [w["rule"] for w in run.json("report")["warnings"]]


def _days(day: str) -> tuple[Any, Any]:
    from datetime import date

    return date.fromisoformat(day), date.fromisoformat(day)


# --- the HTML page --------------------------------------------------------------------------------
def test_the_clinic_summary_comes_first_with_what_a_clinician_needs(run: Any, week: None) -> None:
    html = run("report", "--format", "html").stdout
    summary = parsed(summary_of(html)).text
    for wanted in ("Date of birth", "1958-04-03", "Diagnosed", "2024-09-15", "phase 4", "Key changes",
                   "Warnings", "Choking", "3 times", "Medications", "baclofen",
                   "10 mg, every day at 08:00 and 20:00",
                   "Weight", "68.5 kg", "Questions for the care team"):
        assert wanted in summary, wanted
    assert html.index('<section class="summary">') < html.index('<section class="detail">')
    assert re.search(r"\.detail \{[^}]*break-before: page", html)  # the detail starts on page 2
    assert "one printable page" not in html


def test_emergency_rows_look_different(run: Any, week: None) -> None:
    summary = summary_of(run("report", "--format", "html").stdout)
    html = summary[summary.index("<h3>Warnings</h3>"):summary.index("<h3>Medications</h3>")]
    rows = re.findall(r"<tr( class=\"emergency\")?><td>(.*?)</td>", html)
    emergency = [cell for css, cell in rows if css]
    others = [cell for css, cell in rows if not css and "<th>" not in cell]
    assert len(emergency) == 1 and "Choking" in emergency[0] and 'class="badge emergency"' in emergency[0]
    assert others and all("A fall" in cell and "badge" not in cell for cell in others)


def test_nothing_typed_becomes_markup(run: Any, week: None) -> None:
    html = run("report", "--format", "html").stdout
    page = parsed(html)
    tags = {tag for tag, _ in page.tags}
    assert not tags & {"script", "img", "a", "iframe", "link"}
    assert not any(attrs.get("onerror") for _, attrs in page.tags)
    assert PERSON in page.text and 'Saw <script>alert("x")</script>' in page.text  # shown as typed


def test_the_page_language_is_the_current_language(run: Any, week: None,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from caretool.views import report_html

    assert '<html lang="en">' in run("report", "--format", "html").stdout
    data = run.json("report")
    monkeypatch.setitem(messages._state, "lang", "ko")  # as set_language("ko") leaves it
    assert '<html lang="ko">' in report_html.render(data)
