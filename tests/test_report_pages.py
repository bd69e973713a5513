"""The HTML report printed to PDF by Chromium: the clinic summary is one A4 page, the detail follows.

Skipped where Chromium is not installed (it is not a caretool dependency); on a machine with
`chromium` (Debian: apt-get install chromium) these run headless, with no network and an empty
profile.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from caretool.domain.report import service
from caretool.store import Store
from caretool.views import report_html

NOW = "2026-11-23T10:00:00+00:00"  # a Monday: the report is 2026-W47 (16-22 Nov)
CHROMIUM = next((found for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
                 if (found := shutil.which(name))), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed: the printed page count "
                                "is checked only where it is (apt-get install chromium)")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-pdf-header-footer")


@pytest.fixture(autouse=True)
def pinned(clock: Callable[..., None]) -> None:
    clock(NOW)


def pages(html: str, folder: Path) -> int:
    """How many pages Chromium prints the page on (A4, the page's own @page rules)."""
    source, pdf, profile = folder / "page.html", folder / "page.pdf", folder / "profile"
    source.write_text(html, encoding="utf-8")
    profile.mkdir(exist_ok=True)
    assert CHROMIUM is not None
    subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", source.as_uri()],
                   capture_output=True, timeout=120, check=True)
    data = pdf.read_bytes()
    count = len(re.findall(rb"/Type\s*/Page\b", data))
    declared = [int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data, re.S)]
    assert count and (not declared or max(declared) == count), (count, declared)  # the root holds them all
    return count


def report_data(home: Path) -> dict[str, Any]:
    with Store(home) as store:
        return service.report(store, service.resolve_period(week="2026-W47"))


def crowded_week(run: Any) -> None:
    """As much as a hard week can hold: every warning the rules know, ten medicines, long names."""
    run("init", "--person", "Kim Min-jun " + "Verylongfamilyname" * 3, "--born", "1958-04-03", "--onset",
        "2024-03-01", "--diagnosed", "2024-09-15", "--phase", "5", "--caregiver", "Ji-woo",
        "--caregiver", "Sam", "--caregiver", "Maria", "--yes")
    run("caregiver", "default", "Ji-woo")
    for number in range(10):
        run("med", "add", f"medicine number {number} with a long brand name", "--dose",
            "2 tablets of 25 mg with food and water", "--times", "08:00,14:00,20:00", "--start", "2026-11-16")
    signs = ("choking", "breathless", "breathless-lying-flat", "morning-headache", "daytime-sleepiness",
             "fever", "chest-infection", "behaviour-change", "falls", "jaundice", "confusion", "swallowing",
             "weak-cough", "poor-sleep", "long-meals", "pain", "drooling", "low-mood")
    for day in range(16, 23):
        for number, sign in enumerate(signs):
            severity = 3 if (day + number) % 4 == 0 else 2
            run("log", "symptom", sign, "--severity", str(severity), "--at", f"2026-11-{day} 19:{number:02d}")
        run("log", "note", "A long day. " * 30, "--at", f"2026-11-{day} 21:00")
        run("log", "hours", "14", "--at", f"2026-11-{day} 20:00")
    for day, kg in (("2026-10-25", 78), ("2026-11-16", 71.2), ("2026-11-22", 69.5)):
        run("log", "weight", str(kg), "--at", f"{day} 08:00")


def test_the_clinic_summary_of_an_ordinary_week_is_one_page(run: Any, household: Any, home: Path,
                                                             tmp_path: Path) -> None:
    household("Ji-woo", phase=3)
    run("med", "add", "riluzole", "--dose", "50 mg", "--times", "08:00,20:00", "--start", "2026-11-16")
    for day in range(16, 23):
        run("log", "symptom", "cramps", "--severity", "1", "--at", f"2026-11-{day} 19:00")
        run("log", "hours", "6", "--at", f"2026-11-{day} 20:00")
    run("log", "symptom", "falls", "--severity", "1", "--at", "2026-11-20 10:00")
    data = report_data(home)
    assert pages(report_html.render(data, summary_only=True), tmp_path) == 1
    assert pages(report_html.render(data), tmp_path) >= 2  # the detail starts on a new page


def test_the_clinic_summary_of_a_crowded_week_is_still_one_page(run: Any, home: Path, tmp_path: Path) -> None:
    crowded_week(run)
    data = report_data(home)
    assert len(data["warnings"]) > report_html.MAX_WARNINGS
    assert len(data["questions"]) > report_html.MAX_QUESTIONS
    summary_only = report_html.render(data, summary_only=True)
    assert "more in the detail below" in summary_only
    assert pages(summary_only, tmp_path) == 1
    full = pages(report_html.render(data), tmp_path)
    assert full >= 3
