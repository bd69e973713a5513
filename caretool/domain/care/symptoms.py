"""The symptom catalogue: the seed's common signs plus NICE NG42's respiratory warning signs."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from caretool.core.errors import NotFound

AREAS = (
    "limbs",
    "speech and swallowing",
    "breathing and sleep",
    "emotions and behaviour",
    "other",
)
SEVERITY_WORDS = ("none", "mild", "moderate", "severe")


@dataclass(frozen=True)
class Symptom:
    slug: str
    label: str
    area: str


CATALOGUE: tuple[Symptom, ...] = (
    Symptom("leg-weakness", "Weak legs or ankles, trouble with stairs", "limbs"),
    Symptom("grip", "Weak grip or clumsy hands", "limbs"),
    Symptom("twitching", "Muscle twitching", "limbs"),
    Symptom("cramps", "Muscle cramps", "limbs"),
    Symptom("stiffness", "Stiff or tight muscles", "limbs"),
    Symptom("thin-limbs", "Thinning arms or legs", "limbs"),
    Symptom("falls", "A fall or near fall", "limbs"),
    Symptom("slurred-speech", "Slurred or slow speech", "speech and swallowing"),
    Symptom("swallowing", "Difficulty swallowing", "speech and swallowing"),
    Symptom("choking", "Choking or coughing at meals", "speech and swallowing"),
    Symptom("drooling", "Drooling or too much saliva", "speech and swallowing"),
    Symptom("long-meals", "Meals taking very long or exhausting", "speech and swallowing"),
    Symptom("breathless", "Short of breath", "breathing and sleep"),
    Symptom("breathless-lying-flat", "Short of breath lying flat", "breathing and sleep"),
    Symptom("weak-cough", "Weak cough", "breathing and sleep"),
    Symptom("morning-headache", "Headache on waking", "breathing and sleep"),
    Symptom("daytime-sleepiness", "Sleepy during the day", "breathing and sleep"),
    Symptom("poor-sleep", "Poor or unrefreshing sleep, nightmares", "breathing and sleep"),
    Symptom("chest-infection", "Chest infection", "breathing and sleep"),
    Symptom("confusion", "New confusion or poor concentration", "breathing and sleep"),
    Symptom("emotional-lability", "Crying, laughing or yawning out of place", "emotions and behaviour"),
    Symptom("behaviour-change", "Change in behaviour or personality", "emotions and behaviour"),
    Symptom("low-mood", "Low mood or anxiety", "emotions and behaviour"),
    Symptom("weight-loss", "Losing weight", "other"),
    Symptom("fever", "Fever", "other"),
    Symptom("fatigue", "Tiredness", "other"),
    Symptom("pain", "Pain", "other"),
    Symptom("constipation", "Constipation", "other"),
    Symptom("jaundice", "Yellow skin or eyes", "other"),
    Symptom("other", "Something else (describe it)", "other"),
)
BY_SLUG = {s.slug: s for s in CATALOGUE}


def find(name: str) -> Symptom:
    slug = "-".join(name.strip().lower().replace("_", "-").split())
    if slug in BY_SLUG:
        return BY_SLUG[slug]
    close = difflib.get_close_matches(slug, BY_SLUG, n=3, cutoff=0.5)
    close += [s for s in BY_SLUG if slug and slug in s and s not in close][: 3 - len(close)]
    hint = (
        f"did you mean {', '.join(close)}? "
        if close
        else ""
    ) + "`caretool log symptom --list` shows them all; use `other --describe TEXT` for the rest"
    raise NotFound(f"unknown symptom {name.strip()!r}", hint)


def label(slug: str) -> str:
    return BY_SLUG[slug].label if slug in BY_SLUG else slug
