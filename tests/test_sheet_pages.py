"""The emergency sheet printed to PDF by Chromium: one A4 page, for the demo, for a family in the
breathing phase, in Korean, and for a household with as much on it as a sheet can hold.

Skipped where Chromium is not installed (it is not a caretool dependency; Debian: apt-get install
chromium). The browser runs headless with no network and an empty profile; the page loads nothing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from caretool.demo import sample
from caretool.store import Store

NOW = "2026-11-20T21:00:00+00:00"
CHROMIUM = next((found for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
                 if (found := shutil.which(name))), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed: the printed page "
                                "count of the emergency sheet is checked only where it is "
                                "(apt-get install chromium)")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-pdf-header-footer")
A4 = (595, 842)  # points


@pytest.fixture(autouse=True)
def pinned(clock: Callable[..., None]) -> None:
    clock(NOW)


def printed(html: str, folder: Path) -> tuple[int, list[tuple[float, float]]]:
    """(pages, their sizes in points) when Chromium prints the page to PDF."""
    source, pdf, profile = folder / "sheet.html", folder / "sheet.pdf", folder / "profile"
    source.write_text(html, encoding="utf-8")
    profile.mkdir(exist_ok=True)
    assert CHROMIUM is not None
    subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", source.as_uri()],
                   capture_output=True, timeout=120, check=True)
    data = pdf.read_bytes()
    count = len(re.findall(rb"/Type\s*/Page\b", data))
    sizes = [(float(w), float(h)) for w, h in
             re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)]
    return count, sizes


def one_a4_page(html: str, folder: Path) -> None:
    count, sizes = printed(html, folder)
    assert count == 1, f"{count} pages"
    assert all(abs(w - A4[0]) < 2 and abs(h - A4[1]) < 2 for w, h in sizes), sizes


def sample_home(folder: Path, days: int) -> Path:
    now = datetime.fromisoformat(NOW)
    with Store(folder, write=True) as store:
        sample.build(store, start=now.date() - timedelta(days=days - 1), end=now.date(), per_day=4, now=now)
    return folder


@pytest.mark.parametrize("days", [sample.DEMO_DAYS, 400], ids=["demo", "breathing-phase"])
def test_the_sample_sheets_print_on_one_a4_page(run: Any, tmp_path: Path, days: int) -> None:
    home = sample_home(tmp_path / "home", days)
    one_a4_page(run("--home", str(home), "sheet", "--format", "html").stdout, tmp_path)


def test_the_korean_sheet_prints_on_one_a4_page(run: Any, tmp_path: Path) -> None:
    home = sample_home(tmp_path / "home", 400)
    one_a4_page(run("--home", str(home), "sheet", "--lang", "ko", "--format", "html").stdout, tmp_path)


def test_a_crowded_sheet_still_prints_on_one_a4_page(run: Any, tmp_path: Path) -> None:
    """Ten medicines, eight contacts with their hours, six machines with their settings, long allergies
    and decisions with a note: smaller type, still one page, nothing left out."""
    run("init", "--person", "Kim Min-jun " + "Verylongfamilyname", "--born", "1958-04-03", "--onset",
        "2024-03-01", "--diagnosed", "2024-09-15", "--phase", "5", "--caregiver", "Ji-woo",
        "--allergies", "penicillin (rash), latex, sulfites, shellfish and sticking plasters",
        "--communication", "eye-gaze tablet; one blink yes, two blinks no", "--yes")
    for number in range(10):
        run("med", "add", f"medicine number {number}", "--dose", "2 tablets of 25 mg", "--times",
            "08:00,14:00,20:00", "--start", "2026-11-16")
    roles = ("respiratory", "mnd-nurse", "palliative", "neurologist", "gp", "health-centre", "dietitian",
             "supplier")
    for number, role in enumerate(roles):
        run("contact", "add", f"Contact person number {number}", "--role", role, "--phone",
            f"+82 2 555 01{number:02d}", "--hours", "Mon-Fri 9-17")
    for kind in ("niv", "cough-assist", "suction", "peg", "communication-aid", "wheelchair"):
        run("equipment", "add", kind, "--model", "Manufacturer model 150", "--settings",
            "IPAP 14, EPAP 5, backup rate 12, full face mask, humidifier 3", "--since", "2026-09-01",
            "--supplier", "Contact person number 7")
    run("decisions", "set", "--resuscitation", "do-not-attempt", "--ventilation", "niv-only",
        "--feeding-tube", "yes", "--date", "2026-10-02", "--document",
        "red folder by the bed, copy with the GP", "--lst", "yes",
        "--note", "wants to stay at home; no hospital admission unless for comfort")
    run("config", "set", "feeding", "tube-only")
    page = run("sheet", "--format", "html").stdout
    assert re.search(r'<body class="dense(r|st)?">', page)
    for words in ("medicine number 9", "Contact person number 7", "communication aid",
                  "wants to stay at home"):
        assert words in page  # nothing left out
    one_a4_page(page, tmp_path)
