"""The symptom catalogue: stable slugs, the signs issue 11 made loggable, and the "did you mean" hint."""

from __future__ import annotations

import re
from typing import Any

import pytest

from caretool.core.errors import NotFound
from caretool.core.messages import render
from caretool.domain.care import symptoms

# Slugs stored in entries before issue 11: they never change.
STABLE = {"leg-weakness", "grip", "twitching", "cramps", "stiffness", "thin-limbs", "falls",
          "slurred-speech", "swallowing", "choking", "drooling", "long-meals", "breathless",
          "breathless-lying-flat", "weak-cough", "morning-headache", "daytime-sleepiness", "poor-sleep",
          "chest-infection", "confusion", "emotional-lability", "behaviour-change", "low-mood",
          "weight-loss", "fever", "fatigue", "pain", "constipation", "jaundice", "other"}
# Issue 11: feeding-tube problems, the crisis sign, a respiratory sign and medicine side effects.
NEW = {"tube-out": "feeding tube", "tube-problem": "feeding tube", "wish-to-die": "emotions and behaviour",
       "poor-appetite": "stomach", "headache": "head and nerves", "neck-stiffness": "head and nerves",
       "vision-change": "head and nerves", "numbness": "head and nerves", "back-pain": "limbs",
       "rash": "skin and allergy", "swelling": "skin and allergy", "wheezing": "breathing and sleep",
       "abdominal-pain": "stomach", "nausea": "stomach", "vomiting": "stomach"}


def test_old_slugs_are_kept_and_new_ones_added_with_their_areas() -> None:
    assert set(symptoms.BY_SLUG) >= STABLE
    for slug, area in NEW.items():
        assert symptoms.BY_SLUG[slug].area == area, slug
    assert set(symptoms.BY_SLUG) == STABLE | set(NEW)


def test_every_symptom_has_a_catalogue_label_and_a_known_area() -> None:
    for s in symptoms.CATALOGUE:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", s.slug)
        assert s.label.id == f"symptom.{s.slug}" and render(s.label)
        assert s.area in symptoms.AREAS
    labels = [render(s.label) for s in symptoms.CATALOGUE]
    assert len(labels) == len(set(labels))
    assert symptoms.CATALOGUE[-1].slug == "other"


def test_find_is_forgiving_about_case_and_spaces() -> None:
    assert symptoms.find(" Tube Out ").slug == "tube-out"
    assert symptoms.find("wish_to_die").slug == "wish-to-die"


@pytest.mark.parametrize(("typed", "suggested"), [("chokng", "choking"), ("tube", "tube-out"),
                                                  ("wheeze", "wheezing")])
def test_an_unknown_symptom_suggests_the_nearest(typed: str, suggested: str) -> None:
    with pytest.raises(NotFound) as caught:
        symptoms.find(typed)
    error = caught.value
    assert render(error.message) == f"unknown symptom {typed!r}"
    assert error.hint.id == "symptom.unknown.hint-close"
    assert render(error.hint).startswith("did you mean ") and suggested in render(error.hint)
    assert "caretool log symptom --list" in render(error.hint)


def test_nothing_close_gives_the_plain_hint() -> None:
    with pytest.raises(NotFound) as caught:
        symptoms.find("xyzzy")
    assert caught.value.hint.id == "symptom.unknown.hint"


def test_new_symptoms_can_be_logged(run: Any, household: Any) -> None:
    household()
    for slug in NEW:
        run("log", "symptom", slug, "--severity", "1")
    assert {r["name"] for r in run.json("history")} == set(NEW)


def test_the_catalogue_lists_the_new_areas(run: Any) -> None:
    out = run("log", "symptom", "--list").stdout
    assert "tube-out" in out and "Feeding tube has come out" in out
