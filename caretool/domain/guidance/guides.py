"""The bundled guides: Markdown files with TOML front matter, readable and searchable offline."""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from caretool.core.errors import BadInput, DataError, NotFound

PHASE_SECTIONS = (
    "What changes",
    "What to do now",
    "Equipment and decisions ahead",
    "Warning signs",
    "Questions for the care team",
    "Looking after yourself",
)
_WORD = re.compile(r"[\w가-힣]+", re.UNICODE)
_LINK = re.compile(r"\]\(guide:([\w/\-]+)\)")


def guides_root() -> Path:
    """guides/ inside the installed package (wheel), else at the top of a source checkout."""
    package = Path(__file__).resolve().parents[2]  # caretool/
    for candidate in (package / "guides", package.parent / "guides"):
        if candidate.is_dir():
            return candidate
    return package / "guides"


@dataclass
class Guide:
    slug: str  # e.g. "phases/4-swallowing", "topics/burnout"
    path: Path
    meta: dict[str, Any]
    body: str
    sections: dict[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return str(self.meta.get("title", self.slug))

    @property
    def phase(self) -> int | None:
        value = self.meta.get("phase")
        return int(value) if value is not None else None

    @property
    def topics(self) -> list[str]:
        return [str(t) for t in self.meta.get("topics", [])]

    @property
    def keywords(self) -> list[str]:
        return [str(k) for k in self.meta.get("keywords", [])]

    @property
    def sources(self) -> list[str]:
        return [str(s) for s in self.meta.get("sources", [])]

    @property
    def short(self) -> str:
        return self.slug.split("/", 1)[1]

    def links(self) -> list[str]:
        return _LINK.findall(self.body)


def parse(path: Path, slug: str) -> Guide:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("+++\n") or "\n+++\n" not in text[3:]:
        raise DataError(f"guide {path} has no +++ front matter", "reinstall caretool")
    front, body = text[4:].split("\n+++\n", 1)
    try:
        meta = tomllib.loads(front)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"guide {path} has broken front matter ({exc})", "reinstall caretool") from None
    sections: dict[str, str] = {}
    current = None
    for line in body.splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
            sections[current] = ""
        elif current is not None:
            sections[current] += line + "\n"
    return Guide(slug, path, meta, body, {k: v.strip() for k, v in sections.items()})


@cache
def all_guides(lang: str = "en") -> tuple[Guide, ...]:
    root = guides_root() / lang
    found = []
    for path in sorted(root.glob("*/*.md")):
        found.append(parse(path, f"{path.parent.name}/{path.stem}"))
    return tuple(found)


def get(slug: str) -> Guide:
    """A guide by slug, short name or phase number: topics/burnout, burnout, 4, 4-swallowing."""
    want = slug.strip().lower().removesuffix(".md")
    guides = all_guides()
    for guide in guides:
        if want in (guide.slug, guide.short) or (want.isascii() and want.isdigit()
                                                  and guide.phase == int(want)):
            return guide
    for guide in guides:
        if guide.short.split("-", 1)[-1] == want or want in guide.topics:
            return guide
    names = ", ".join(g.short for g in guides)
    aliases = [(g.short, g.short) for g in guides] + [(g.short.split("-", 1)[-1], g.short) for g in guides]
    close = difflib.get_close_matches(want, dict.fromkeys(a for a, _ in aliases), n=3, cutoff=0.6)
    nearest = list(dict.fromkeys(short for c in close for a, short in aliases if a == c))[:3]
    maybe = f"did you mean {' or '.join(nearest)}? " if nearest else ""
    raise NotFound(f"no guide called {slug.strip()!r}", f"{maybe}guides: {names}")


def phase_guide(phase: int) -> Guide:
    return get(str(phase))


def find_section(slug: str, name: str) -> tuple[str, str]:
    """(heading, text) of a section by name, case-insensitive; a prefix such as 'warning' works."""
    guide = get(slug)
    want = name.strip().lower()
    for heading, text in guide.sections.items():
        if heading.lower() == want:
            return heading, text
    for heading, text in guide.sections.items():
        if want and heading.lower().startswith(want):
            return heading, text
    raise BadInput(f"{guide.short} has no section {name!r}",
                   f"sections: {', '.join(guide.sections)}")


def section(slug: str, name: str) -> str:
    return find_section(slug, name)[1]


def bullets(text: str) -> list[str]:
    """The items of a Markdown list, without their '- ' or '- [ ] ' markers."""
    items = []
    for line in text.splitlines():
        match = re.match(r"\s*[-*] (\[[ xX]\] )?(.*)", line)
        if match and match.group(2).strip():
            items.append(match.group(2).strip())
        elif items and line.startswith("  ") and line.strip():
            items[-1] += " " + line.strip()
    return items


def section_bullets(slug: str, name: str) -> list[str]:
    return bullets(section(slug, name))


def tips_for(cause: str) -> list[str]:
    """Burnout tips for a cause, e.g. 'Too many hours' (a heading of the burnout guide)."""
    return section_bullets("topics/burnout", cause)


def warning_signs(phase: int) -> list[str]:
    return section_bullets(str(phase), "Warning signs")


def questions_for(phase: int) -> list[str]:
    return section_bullets(str(phase), "Questions for the care team")


def checklist(phase: int) -> list[str]:
    return section_bullets(str(phase), "What to do now")


# --- search -------------------------------------------------------------------------------
def _stem(word: str) -> str:
    """A crude stem, the same for a word and its plural: tube/tubes, match/matches, stress.

    (Cutting every "es" made "tubes" -> "tub" but left "tube", so plural queries missed.)
    """
    word = word.lower()
    if len(word) <= 4:
        return word
    if word.endswith("ing"):
        return word[:-3]
    if word.endswith(("sses", "ches", "shes", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _words(text: str) -> list[str]:
    return [_stem(w) for w in _WORD.findall(text)]


@dataclass
class Hit:
    slug: str
    title: str
    score: float
    line: str


def search(query: str, *, limit: int = 10) -> list[Hit]:
    """Guides ranked for the words typed: title and keywords weigh most, then headings, then text."""
    terms = [w for w in _words(query) if len(w) > 1]
    if not terms:
        raise BadInput("nothing to search for", "type some words, e.g. caretool guide search feeding tube")
    phrase = " ".join(terms)
    hits = []
    for guide in all_guides():
        title = _words(guide.title)
        keys = [" ".join(_words(k)) for k in guide.keywords]
        heads = _words(" ".join(guide.sections))
        body = _words(guide.body)
        score = 0.0
        matched = 0
        for term in terms:
            here = (10 * title.count(term) + 6 * sum(k.split().count(term) for k in keys)
                    + 3 * heads.count(term) + min(body.count(term), 8))
            matched += bool(here)
            score += here
        if not score:
            continue
        if len(terms) > 1 and (phrase in keys or phrase in " ".join(body)):
            score += 15
        score *= matched / len(terms)  # guides that match every word rank first
        hits.append(Hit(guide.slug, guide.title, round(score, 2), _best_line(guide.body, terms)))
    hits.sort(key=lambda h: (-h.score, h.slug))
    best = hits[0].score if hits else 0
    return [h for h in hits if h.score >= best * 0.2][:limit]  # drop passing mentions


def _best_line(body: str, terms: list[str]) -> str:
    best, best_score = "", 0
    for line in body.splitlines():
        if line.startswith(("#", ">")):
            continue
        words = _words(line)
        score = sum(words.count(t) for t in terms) + sum(t in words for t in terms) * 2
        if score > best_score:
            best, best_score = line.strip(), score
    return best
