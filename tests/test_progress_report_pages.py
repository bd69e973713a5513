"""The HTML report with the Progression section printed by Chromium: the clinic summary (now with the
latest rating, ΔFS and stages) is still one A4 page in a crowded week, and the three charts print
in the detail. Skipped where Chromium is not installed, like tests/test_report_pages.py."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from caretool.views import report_html
from tests.test_report_pages import CHROMIUM, NOW, crowded_week, pages, report_data

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")


@pytest.fixture(autouse=True)
def pinned(clock: Callable[..., None]) -> None:
    clock(NOW)


def test_a_crowded_week_with_ratings_keeps_a_one_page_summary(run: Any, home: Path, tmp_path: Path) -> None:
    crowded_week(run)
    run("config", "set", "height_cm", "168")
    for day, scores in (("2026-06-01", "3,3,3,3,3,3,3,3,3,4,4,4"), ("2026-08-01", "2,3,2,3,3,3,3,2,2,3,3,4"),
                        ("2026-10-01", "2,2,2,2,2,2,2,2,1,3,3,3"), ("2026-11-18", "1,2,1,1,2,1,2,1,0,2,2,2")):
        run("rating", "add", "--at", day, "--items", scores, "--gastrostomy")
    for day, fvc in (("2026-06-01", "82"), ("2026-09-01", "70"), ("2026-11-18", "58")):
        run("log", "breathing", "--fvc", fvc, "--snip", "38", "--at", day)
    data = report_data(home)
    assert data["progression"]["latest"]["kings"]["stage"] == "4A+4B"
    summary_only = report_html.render(data, summary_only=True)
    assert "17 of 48 on 2026-11-18; ΔFS" in summary_only
    assert pages(summary_only, tmp_path) == 1
    full = report_html.render(data)
    assert full.count("<svg ") == 3
    assert pages(full, tmp_path) >= 3
