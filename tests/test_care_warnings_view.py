"""The red-flag panel: emergency and urgent panels look different from "today" ones, even without
colour; each shows the title, why, action, what else to know and the sources' titles."""

from __future__ import annotations

import re
from typing import Any

import pytest

from caretool.domain.care.flags import EMERGENCY, TODAY, URGENT, Flag
from caretool.views import warnings as view


def panel(capsys: pytest.CaptureFixture[str], *flags: Any) -> str:
    view.show(list(flags))
    out = capsys.readouterr()
    assert out.out == ""  # panels are messages: stderr
    return out.err


def flat(screen: str) -> str:
    return " ".join(re.sub("[│┃║╭╮╰╯┏┓┗┛╔╗╚╝─━═]", " ", screen).split())


def test_an_emergency_panel_has_a_heavy_border_and_says_emergency(capsys: pytest.CaptureFixture[str]) -> None:
    flag = Flag("choking", EMERGENCY, "2026-11-20", "abc", {"severity": 3, "change": "severe"},
                ("nice-ng42", "mnda-choking", "mnd-scotland-choking", "mnda-oxygen"))
    shown = panel(capsys, flag)
    assert shown.startswith("┏━ EMERGENCY: Choking")
    text = flat(shown)
    assert "call the emergency number now" in text
    assert "During an episode" in text and "oxygen alert card" in text
    assert "Sources: NICE guideline NG42 (motor neurone disease); MND Association: swallowing" in text


def test_an_urgent_panel_has_a_double_border(capsys: pytest.CaptureFixture[str]) -> None:
    shown = panel(capsys, Flag("tube-out", URGENT, "2026-11-20", "abc", {"severity": 1},
                               ("nhs-gastrostomy-tube-out",)))
    assert shown.startswith("╔═ URGENT, phone within hours: Feeding tube has come out")
    assert "do not wait until tomorrow" in flat(shown)


def test_a_today_panel_has_a_rounded_border(capsys: pytest.CaptureFixture[str]) -> None:
    shown = panel(capsys, Flag("jaundice", TODAY, "2026-11-20", "abc", {"severity": 1}, ("riluzole-label",)))
    assert shown.startswith("╭─ Needs the care team: Yellow skin or eyes")
    assert "Sources: Riluzole (Rilutek) prescribing information" in flat(shown)


def test_flag_dicts_and_old_stored_prose_render_too(capsys: pytest.CaptureFixture[str]) -> None:
    as_dict = Flag("fall", TODAY, "2026-11-20", "abc", {"severity": 1}).to_dict()
    old = {"rule": "night-breathing", "title": "Morning headaches with daytime sleepiness", "why": "Why.",
           "action": "Contact your care team today.", "urgency": "today", "source": "NICE NG42"}
    shown = flat(panel(capsys, as_dict, old))
    assert "Needs the care team: A fall" in shown
    assert "Needs the care team: Morning headaches with daytime sleepiness" in shown
    assert "Sources: NICE NG42" in shown


def test_panels_come_most_urgent_first_and_nothing_prints_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    shown = panel(capsys, Flag("fall", TODAY, "d", "a"), Flag("tube-problem", URGENT, "d", "b"),
                  Flag("breathless", EMERGENCY, "d", "c", {"severity": 3}))
    assert shown.index("EMERGENCY") < shown.index("URGENT") < shown.index("Needs the care team")
    assert panel(capsys) == ""


def test_unsafe_characters_in_old_prose_are_neutralised(capsys: pytest.CaptureFixture[str]) -> None:
    shown = panel(capsys, {"title": "x\x1b[31m", "why": "", "action": "act", "urgency": "today"})
    assert "\x1b[31m" not in shown
