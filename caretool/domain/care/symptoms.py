"""The symptom catalogue: the seed's common signs, NICE NG42's respiratory warning signs, the
feeding-tube problems and the medicine side effects that families are told to report (issue 11).

Slugs are stored in entries: never rename one. A label may change; an area may change.
"""

from __future__ import annotations

import difflib
import functools
import unicodedata
from dataclasses import dataclass

from caretool.core.errors import NotFound
from caretool.core.messages import Message, in_every_language, msg, render

AREAS = {
    "limbs": msg("symptom-area.limbs", "Limbs"),
    "speech and swallowing": msg("symptom-area.speech-swallowing", "Speech and swallowing"),
    "feeding tube": msg("symptom-area.feeding-tube", "Feeding tube"),
    "breathing and sleep": msg("symptom-area.breathing-sleep", "Breathing and sleep"),
    "emotions and behaviour": msg("symptom-area.emotions-behaviour", "Emotions and behaviour"),
    "head and nerves": msg("symptom-area.head-nerves", "Head, eyes and nerves"),
    "stomach": msg("symptom-area.stomach", "Appetite and stomach"),
    "skin and allergy": msg("symptom-area.skin-allergy", "Skin and allergy"),
    "other": msg("symptom-area.other", "Other"),
}
SEVERITY_WORDS = (
    msg("severity.0", "none"), msg("severity.1", "mild"), msg("severity.2", "moderate"),
    msg("severity.3", "severe"),
)
UNKNOWN = msg("symptom.unknown", "unknown symptom {name!r}")
UNKNOWN_HINT = msg("symptom.unknown.hint",
                   "`caretool log symptom --list` shows them all; use `other --describe TEXT` for the rest")
UNKNOWN_HINT_CLOSE = msg("symptom.unknown.hint-close",
                         "did you mean {names}? `caretool log symptom --list` shows them all; use "
                         "`other --describe TEXT` for the rest")


@dataclass(frozen=True)
class Symptom:
    slug: str
    label: Message
    area: str  # a key of AREAS


CATALOGUE: tuple[Symptom, ...] = (
    Symptom("leg-weakness", msg("symptom.leg-weakness", "Weak legs or ankles, trouble with stairs"), "limbs"),
    Symptom("grip", msg("symptom.grip", "Weak grip or clumsy hands"), "limbs"),
    Symptom("twitching", msg("symptom.twitching", "Muscle twitching"), "limbs"),
    Symptom("cramps", msg("symptom.cramps", "Muscle cramps"), "limbs"),
    Symptom("stiffness", msg("symptom.stiffness", "Stiff or tight muscles"), "limbs"),
    Symptom("thin-limbs", msg("symptom.thin-limbs", "Thinning arms or legs"), "limbs"),
    Symptom("falls", msg("symptom.falls", "A fall or near fall"), "limbs"),
    Symptom("back-pain", msg("symptom.back-pain", "Back or leg pain"), "limbs"),
    Symptom("slurred-speech", msg("symptom.slurred-speech", "Slurred or slow speech"),
            "speech and swallowing"),
    Symptom("swallowing", msg("symptom.swallowing", "Difficulty swallowing"), "speech and swallowing"),
    Symptom("choking", msg("symptom.choking", "Choking or coughing at meals"), "speech and swallowing"),
    Symptom("drooling", msg("symptom.drooling", "Drooling or too much saliva"), "speech and swallowing"),
    Symptom("long-meals", msg("symptom.long-meals", "Meals taking very long or exhausting"),
            "speech and swallowing"),
    Symptom("tube-out", msg("symptom.tube-out", "Feeding tube has come out"), "feeding tube"),
    Symptom("tube-problem",
            msg("symptom.tube-problem", "Feeding tube problem: leaking, pain on feeding or new bleeding"),
            "feeding tube"),
    Symptom("breathless", msg("symptom.breathless", "Short of breath"), "breathing and sleep"),
    Symptom("breathless-lying-flat", msg("symptom.breathless-lying-flat", "Short of breath lying flat"),
            "breathing and sleep"),
    Symptom("wheezing", msg("symptom.wheezing", "Wheezing"), "breathing and sleep"),
    Symptom("weak-cough", msg("symptom.weak-cough", "Weak cough"), "breathing and sleep"),
    Symptom("morning-headache", msg("symptom.morning-headache", "Headache on waking"), "breathing and sleep"),
    Symptom("daytime-sleepiness", msg("symptom.daytime-sleepiness", "Sleepy during the day"),
            "breathing and sleep"),
    Symptom("poor-sleep", msg("symptom.poor-sleep", "Poor or unrefreshing sleep, nightmares"),
            "breathing and sleep"),
    Symptom("chest-infection", msg("symptom.chest-infection", "Chest infection"), "breathing and sleep"),
    Symptom("confusion", msg("symptom.confusion", "New confusion or poor concentration"),
            "breathing and sleep"),
    Symptom("emotional-lability",
            msg("symptom.emotional-lability", "Crying, laughing or yawning out of place"),
            "emotions and behaviour"),
    Symptom("behaviour-change", msg("symptom.behaviour-change", "Change in behaviour or personality"),
            "emotions and behaviour"),
    Symptom("low-mood", msg("symptom.low-mood", "Low mood or anxiety"), "emotions and behaviour"),
    Symptom("wish-to-die", msg("symptom.wish-to-die", "Says they do not want to live"),
            "emotions and behaviour"),
    Symptom("headache", msg("symptom.headache", "Headache"), "head and nerves"),
    Symptom("neck-stiffness", msg("symptom.neck-stiffness", "Stiff neck"), "head and nerves"),
    Symptom("vision-change", msg("symptom.vision-change", "Change in vision (blurred or double)"),
            "head and nerves"),
    Symptom("numbness", msg("symptom.numbness", "Numbness or tingling"), "head and nerves"),
    Symptom("poor-appetite", msg("symptom.poor-appetite", "Poor appetite"), "stomach"),
    Symptom("nausea", msg("symptom.nausea", "Feeling sick (nausea)"), "stomach"),
    Symptom("vomiting", msg("symptom.vomiting", "Vomiting"), "stomach"),
    Symptom("abdominal-pain", msg("symptom.abdominal-pain", "Tummy (abdominal) pain"), "stomach"),
    Symptom("rash", msg("symptom.rash", "Rash or hives"), "skin and allergy"),
    Symptom("swelling", msg("symptom.swelling", "Swelling of the face, lips, tongue or throat"),
            "skin and allergy"),
    Symptom("weight-loss", msg("symptom.weight-loss", "Losing weight"), "other"),
    Symptom("fever", msg("symptom.fever", "Fever"), "other"),
    Symptom("fatigue", msg("symptom.fatigue", "Tiredness"), "other"),
    Symptom("pain", msg("symptom.pain", "Pain"), "other"),
    Symptom("constipation", msg("symptom.constipation", "Constipation"), "other"),
    Symptom("jaundice", msg("symptom.jaundice", "Yellow skin or eyes"), "other"),
    Symptom("other", msg("symptom.other", "Something else (describe it)"), "other"),
)
BY_SLUG = {s.slug: s for s in CATALOGUE}
# The short name a caregiver types (English: the slug itself; Korean: 삼킴곤란, 사레들림, ...). A
# symptom is found by its slug, its name or its label in any language caretool speaks, whatever
# language the screens are in, so a Korean name works under --lang en and a slug under --lang ko.
NAMES: dict[str, Message] = {
    "leg-weakness": msg("symptom-name.leg-weakness", "leg-weakness"),
    "grip": msg("symptom-name.grip", "grip"),
    "twitching": msg("symptom-name.twitching", "twitching"),
    "cramps": msg("symptom-name.cramps", "cramps"),
    "stiffness": msg("symptom-name.stiffness", "stiffness"),
    "thin-limbs": msg("symptom-name.thin-limbs", "thin-limbs"),
    "falls": msg("symptom-name.falls", "falls"),
    "back-pain": msg("symptom-name.back-pain", "back-pain"),
    "slurred-speech": msg("symptom-name.slurred-speech", "slurred-speech"),
    "swallowing": msg("symptom-name.swallowing", "swallowing"),
    "choking": msg("symptom-name.choking", "choking"),
    "drooling": msg("symptom-name.drooling", "drooling"),
    "long-meals": msg("symptom-name.long-meals", "long-meals"),
    "tube-out": msg("symptom-name.tube-out", "tube-out"),
    "tube-problem": msg("symptom-name.tube-problem", "tube-problem"),
    "breathless": msg("symptom-name.breathless", "breathless"),
    "breathless-lying-flat": msg("symptom-name.breathless-lying-flat", "breathless-lying-flat"),
    "wheezing": msg("symptom-name.wheezing", "wheezing"),
    "weak-cough": msg("symptom-name.weak-cough", "weak-cough"),
    "morning-headache": msg("symptom-name.morning-headache", "morning-headache"),
    "daytime-sleepiness": msg("symptom-name.daytime-sleepiness", "daytime-sleepiness"),
    "poor-sleep": msg("symptom-name.poor-sleep", "poor-sleep"),
    "chest-infection": msg("symptom-name.chest-infection", "chest-infection"),
    "confusion": msg("symptom-name.confusion", "confusion"),
    "emotional-lability": msg("symptom-name.emotional-lability", "emotional-lability"),
    "behaviour-change": msg("symptom-name.behaviour-change", "behaviour-change"),
    "low-mood": msg("symptom-name.low-mood", "low-mood"),
    "wish-to-die": msg("symptom-name.wish-to-die", "wish-to-die"),
    "headache": msg("symptom-name.headache", "headache"),
    "neck-stiffness": msg("symptom-name.neck-stiffness", "neck-stiffness"),
    "vision-change": msg("symptom-name.vision-change", "vision-change"),
    "numbness": msg("symptom-name.numbness", "numbness"),
    "poor-appetite": msg("symptom-name.poor-appetite", "poor-appetite"),
    "nausea": msg("symptom-name.nausea", "nausea"),
    "vomiting": msg("symptom-name.vomiting", "vomiting"),
    "abdominal-pain": msg("symptom-name.abdominal-pain", "abdominal-pain"),
    "rash": msg("symptom-name.rash", "rash"),
    "swelling": msg("symptom-name.swelling", "swelling"),
    "weight-loss": msg("symptom-name.weight-loss", "weight-loss"),
    "fever": msg("symptom-name.fever", "fever"),
    "fatigue": msg("symptom-name.fatigue", "fatigue"),
    "pain": msg("symptom-name.pain", "pain"),
    "constipation": msg("symptom-name.constipation", "constipation"),
    "jaundice": msg("symptom-name.jaundice", "jaundice"),
    "other": msg("symptom-name.other", "other"),
}


# Other words families use for a symptom, found like its name (never shown). Korean first: 사레 is
# how most people say choking at meals, 사래 its common misspelling.
ALIASES = {
    "사레": "choking", "사래": "choking", "사래들림": "choking", "사레걸림": "choking", "choke": "choking",
    "숨참": "breathless", "숨가쁨": "breathless", "쥐": "cramps",
}


def key(text: str) -> str:
    """What two spellings of one name share: NFC, no case, no spaces, hyphens or underscores
    ("Tube Out", "tube_out" and "tube-out"; "삼킴 곤란" and "삼킴곤란")."""
    folded = unicodedata.normalize("NFC", text).casefold()
    return "".join(ch for ch in folded if not ch.isspace() and ch not in "-_")


_SLUG_KEYS = {key(s.slug): s.slug for s in CATALOGUE}


@functools.cache
def _index() -> dict[str, str]:
    """Every typed form -> its slug: slugs first, then names, then labels, in every language."""
    index: dict[str, str] = {}
    for s in CATALOGUE:
        index.setdefault(key(s.slug), s.slug)
    for source in (lambda s: NAMES.get(s.slug, s.label), lambda s: s.label):
        for s in CATALOGUE:  # a symptom with no short name yet is found by its label
            for text in in_every_language(source(s)).values():
                index.setdefault(key(text), s.slug)
    for alias, slug in ALIASES.items():
        index.setdefault(key(alias), slug)
    return index


def slug_of(text: str) -> str | None:
    """The symptom a caregiver named (slug, name or label, any language), or None."""
    typed = key(text)
    return _SLUG_KEYS.get(typed) or _index().get(typed)  # a slug needs no catalogue read


def closest(text: str, n: int = 3) -> list[str]:
    """The slugs of the symptoms nearest to a name caretool does not know, nearest first."""
    typed, index = key(text), _index()
    close = [index[k] for k in difflib.get_close_matches(typed, index, n=n * 3, cutoff=0.5)]
    close += [slug for k, slug in index.items() if typed and typed in k]
    return list(dict.fromkeys(close))[:n]


def name(slug: str) -> Message | str:
    """What to type for a symptom, in the reader's language (the slug in English)."""
    return NAMES.get(slug, slug)


def find(text: str) -> Symptom:
    slug = slug_of(text)
    if slug is not None:
        return BY_SLUG[slug]
    close = closest(text)
    hint = (UNKNOWN_HINT_CLOSE(names=", ".join(render(name(s)) for s in close)) if close
            else UNKNOWN_HINT)
    raise NotFound(UNKNOWN(name=text.strip()), hint)


def label(slug: str) -> Message | str:
    """The symptom's name in the reader's language (an unknown slug from an old file as it is)."""
    return BY_SLUG[slug].label if slug in BY_SLUG else slug
