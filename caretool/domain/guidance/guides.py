"""The bundled guides: Markdown files with TOML front matter, readable and searchable offline, in
English (guides/en) and Korean (guides/ko, where a guide has been translated).

Sections have stable ids: an English heading's id is its slug ("Warning signs" -> warning-signs);
a Korean heading carries its id, `## 경고 신호 {#warning-signs}`. Commands find a section by id in
either language. Warning-sign bullets end with `<!-- rule: id, ... -->` or `<!-- info -->`, which
tie each sign to a red-flag rule (tests read them); every text this module returns has those
markers and the `{#id}` tags taken out.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from caretool.core.errors import BadInput, DataError, NotFound
from caretool.core.messages import Message, msg

LANGUAGES = ("en", "ko")
DEFAULT_LANG = "en"
LANGUAGE_NAMES = {"en": msg("language.en", "English"), "ko": msg("language.ko", "Korean")}
PHASE_SECTIONS = (
    "What changes",
    "What to do now",
    "Equipment and decisions ahead",
    "Warning signs",
    "Questions for the care team",
    "Looking after yourself",
)
WARNING_SIGNS = "warning-signs"
BURNOUT_GUIDE = "topics/burnout"

# [planning ahead](guide:topics/planning-ahead): a link between guides. The one home of the pattern.
LINK = re.compile(r"\[([^\]]+)\]\(guide:([\w/\-]+)\)")
MARKER = re.compile(r"[ \t]*<!--.*?-->", re.S)
_RULE_MARKER = re.compile(r"<!--\s*rule:\s*([a-z0-9\-]+(?:\s*,\s*[a-z0-9\-]+)*)\s*-->")
_INFO_MARKER = re.compile(r"<!--\s*info\s*-->")
_HEADING_ID = re.compile(r"\s*\{#([a-z0-9][a-z0-9\-]*)\}\s*$")
_HEADING = re.compile(r"^(#{1,6}) (.*)$")
_WORD = re.compile(r"[\w가-힣]+", re.UNICODE)
_HANGUL = re.compile(r"[가-힣]")
# Particles that follow a Korean noun; a query word loses one so 위루관이 finds 위루관.
_KO_PARTICLES = ("에서", "으로", "에게", "이", "가", "을", "를", "은", "는", "의", "에", "로", "와", "과",
                 "도")

NO_FRONT_MATTER = msg("guide.no-front-matter", "guide {path} has no +++ front matter")
BROKEN_FRONT_MATTER = msg("guide.broken-front-matter", "guide {path} has broken front matter ({problem})")
REINSTALL = msg("guide.reinstall.hint", "reinstall caretool")
NO_GUIDE = msg("guide.unknown", "no guide called {name!r}")
NO_GUIDE_HINT = msg("guide.unknown.hint", "guides: {names}")
NO_GUIDE_HINT_CLOSE = msg("guide.unknown.hint-close", "did you mean {nearest}? guides: {names}")
NO_SECTION = msg("guide.no-section", "{guide} has no section {name!r}")
NO_SECTION_HINT = msg("guide.no-section.hint", "sections: {names}")
NOTHING_TO_SEARCH = msg("guide.search-empty", "nothing to search for")
NOTHING_TO_SEARCH_HINT = msg("guide.search-empty.hint",
                             "type some words, e.g. caretool guide search feeding tube")
UNKNOWN_LANG = msg("guide.unknown-language", "no guides in language {lang!r}")
UNKNOWN_LANG_HINT = msg("guide.unknown-language.hint", "use one of: {langs}")
FALLBACK = msg("guide.fallback-english", "This guide has no {language} version yet; showing it in English.")


def guides_root() -> Path:
    """guides/ inside the installed package (wheel), else at the top of a source checkout."""
    package = Path(__file__).resolve().parents[2]  # caretool/
    for candidate in (package / "guides", package.parent / "guides"):
        if candidate.is_dir():
            return candidate
    return package / "guides"


def check_lang(lang: str | None) -> str:
    """A guide language asked for (`guide show --lang ko`), or the screens' language when none was."""
    if lang is None:
        return guide_lang(None)
    want = lang.strip().lower()
    if want not in LANGUAGES:
        raise BadInput(UNKNOWN_LANG(lang=lang), UNKNOWN_LANG_HINT(langs=", ".join(LANGUAGES)))
    return want


def guide_lang(lang: str | None) -> str:
    """The language to read guides in: the one given, else the language the screens are in (so
    `phase`, burnout tips and the report quote the Korean guide under --lang ko), else English."""
    if lang is None:
        from caretool.core.messages import language

        lang = language()
    return lang if lang in LANGUAGES else DEFAULT_LANG


# --- text helpers -----------------------------------------------------------------------------------
def section_id(heading: str) -> str:
    """An English heading's id: lowercase, spaces to hyphens ("Warning signs" -> warning-signs)."""
    words = re.sub(r"[^\w\s\-]", "", heading.strip().lower())
    return re.sub(r"-{2,}", "-", "-".join(words.split())).strip("-")


def strip_markers(text: str) -> str:
    """Text without its <!-- ... --> markers."""
    return MARKER.sub("", text)


def link_targets(text: str) -> list[str]:
    return [target for _, target in LINK.findall(text)]


def links_as_commands(text: str, *, code: bool = False) -> str:
    """[text](guide:topics/x) -> 'text (caretool guide show x)', for where links cannot be followed."""
    def command(m: re.Match[str]) -> str:
        shown = f"caretool guide show {m.group(2).split('/')[-1]}"
        return f"{m.group(1)} (`{shown}`)" if code else f"{m.group(1)} ({shown})"

    return LINK.sub(command, text)


@dataclass(frozen=True)
class Section:
    id: str
    heading: str  # as shown, without its {#id}
    raw: str  # the text as written, markers included

    @property
    def text(self) -> str:
        return strip_markers(self.raw).strip()


@dataclass(frozen=True)
class Sign:
    """A warning-sign bullet and the rules its marker names."""

    text: str
    rules: tuple[str, ...] = ()
    info: bool = False
    markers: tuple[str, ...] = ()  # every <!-- ... --> on the bullet, as written


@dataclass
class Guide:
    slug: str  # e.g. "phases/4-swallowing", "topics/burnout"
    path: Path
    meta: dict[str, Any]
    raw: str  # the body as written
    lang: str = DEFAULT_LANG
    by_id: dict[str, Section] = field(default_factory=dict)

    @property
    def body(self) -> str:
        """The body as shown: no markers, headings without their {#id}."""
        lines = []
        for line in strip_markers(self.raw).splitlines():
            heading = _HEADING.match(line)
            lines.append(f"{heading.group(1)} {_HEADING_ID.sub('', heading.group(2))}" if heading else line)
        return "\n".join(lines)

    @property
    def sections(self) -> dict[str, str]:
        """Heading -> text, in order."""
        return {s.heading: s.text for s in self.by_id.values()}

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
        return link_targets(self.raw)

    def signs(self) -> list[Sign]:
        """The Warning signs bullets with their markers (empty when the guide has no such section)."""
        found = self.by_id.get(WARNING_SIGNS)
        if found is None:
            return []
        signs = []
        for item in raw_bullets(found.raw):
            rules = [r.strip() for m in _RULE_MARKER.findall(item) for r in m.split(",")]
            signs.append(Sign(strip_markers(item).strip(), tuple(rules), bool(_INFO_MARKER.search(item)),
                              tuple(re.findall(r"<!--.*?-->", item, re.S))))
        return signs


def parse(path: Path, slug: str, lang: str = DEFAULT_LANG) -> Guide:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("+++\n") or "\n+++\n" not in text[3:]:
        raise DataError(NO_FRONT_MATTER(path=str(path)), REINSTALL)
    front, body = text[4:].split("\n+++\n", 1)
    try:
        meta = tomllib.loads(front)
    except tomllib.TOMLDecodeError as exc:
        raise DataError(BROKEN_FRONT_MATTER(path=str(path), problem=str(exc)), REINSTALL) from None
    sections: dict[str, tuple[str, list[str]]] = {}
    current: str | None = None
    for line in body.splitlines():
        if line.startswith("## "):
            heading = line[3:].strip()
            tagged = _HEADING_ID.search(heading)
            current = tagged.group(1) if tagged else section_id(heading)
            sections[current] = (_HEADING_ID.sub("", heading).strip(), [])
        elif current is not None:
            sections[current][1].append(line)
    by_id = {sid: Section(sid, heading, "\n".join(lines).strip())
             for sid, (heading, lines) in sections.items()}
    return Guide(slug, path, meta, body, lang, by_id)


@cache
def all_guides(lang: str = DEFAULT_LANG) -> tuple[Guide, ...]:
    """The guides of one language (none for a language not shipped)."""
    root = guides_root() / lang
    return tuple(parse(path, f"{path.parent.name}/{path.stem}", lang) for path in sorted(root.glob("*/*.md")))


def in_language(lang: str | None = None) -> list[Guide]:
    """Every guide, in `lang` where it has been translated and in English where not."""
    lang = guide_lang(lang)
    own = {g.slug: g for g in all_guides(lang)} if lang != DEFAULT_LANG else {}
    return [own.get(g.slug, g) for g in all_guides(DEFAULT_LANG)] + [
        g for slug, g in own.items() if slug not in {e.slug for e in all_guides(DEFAULT_LANG)}]


def _resolve(want: str, pool: list[Guide]) -> Guide | None:
    for guide in pool:
        by_number = want.isascii() and want.isdigit() and guide.phase == int(want)
        if want in (guide.slug, guide.short) or by_number:
            return guide
    for guide in pool:
        if guide.short.split("-", 1)[-1] == want or want in [t.lower() for t in guide.topics]:
            return guide
    return None


def get(slug: str, lang: str | None = None) -> Guide:
    """A guide by slug, short name, phase number or topic: topics/burnout, burnout, 4, 4-swallowing,
    respite. In `lang` when it has a version in that language, else in English (guide.lang says)."""
    want = slug.strip().lower().removesuffix(".md")
    lang = guide_lang(lang)
    english = list(all_guides(DEFAULT_LANG))
    found = _resolve(want, english)
    if found is None and lang != DEFAULT_LANG:
        found = _resolve(want, list(all_guides(lang)))
    if found is not None:
        if lang != DEFAULT_LANG:
            return next((g for g in all_guides(lang) if g.slug == found.slug), found)
        return found
    names = ", ".join(g.short for g in english)
    aliases = [(g.short, g.short) for g in english] + [(g.short.split("-", 1)[-1], g.short) for g in english]
    close = difflib.get_close_matches(want, dict.fromkeys(a for a, _ in aliases), n=3, cutoff=0.6)
    nearest = list(dict.fromkeys(short for c in close for a, short in aliases if a == c))[:3]
    hint = (NO_GUIDE_HINT_CLOSE(nearest=" or ".join(nearest), names=names) if nearest
            else NO_GUIDE_HINT(names=names))
    raise NotFound(NO_GUIDE(name=slug.strip()), hint)


def fallback_notice(guide: Guide, lang: str | None = None) -> Message | None:
    """The one-line notice for a guide shown in English because it has no `lang` version."""
    lang = guide_lang(lang)
    return FALLBACK(language=LANGUAGE_NAMES[lang]) if guide.lang != lang else None


def phase_guide(phase: int, lang: str | None = None) -> Guide:
    return get(str(phase), lang)


def find_section(slug: str, name: str, lang: str | None = None) -> tuple[str, str]:
    """(heading, text) of a section by id or heading, case-insensitive; a prefix such as 'warning' works."""
    guide = get(slug, lang)
    return _find(guide, name)


def _find(guide: Guide, name: str) -> tuple[str, str]:
    want = name.strip().lower()
    wanted_id = section_id(want)
    sections = list(guide.by_id.values())
    for s in sections:
        if s.id == wanted_id or s.heading.lower() == want:
            return s.heading, s.text
    for s in sections:
        if want and (s.heading.lower().startswith(want) or (wanted_id and s.id.startswith(wanted_id))):
            return s.heading, s.text
    raise BadInput(NO_SECTION(guide=guide.short, name=name),
                   NO_SECTION_HINT(names=", ".join(s.heading for s in sections)))


def section(slug: str, name: str, lang: str | None = None) -> str:
    return find_section(slug, name, lang)[1]


def raw_bullets(text: str) -> list[str]:
    """The items of a Markdown list as written, without their '- ' or '- [ ] ' markers."""
    items: list[str] = []
    for line in text.splitlines():
        match = re.match(r"\s*[-*] (\[[ xX]\] )?(.*)", line)
        if match and match.group(2).strip():
            items.append(match.group(2).strip())
        elif items and line.startswith("  ") and line.strip():
            items[-1] += " " + line.strip()
    return items


def bullets(text: str) -> list[str]:
    """The items of a Markdown list, without list markers or <!-- ... --> markers."""
    return [strip_markers(item).strip() for item in raw_bullets(text)]


def section_bullets(slug: str, name: str, lang: str | None = None) -> list[str]:
    return bullets(section(slug, name, lang))


def tips_for(cause: str, lang: str | None = None) -> list[str]:
    """Burnout tips for a cause, e.g. 'Too many hours' (a heading of the burnout guide)."""
    return section_bullets(BURNOUT_GUIDE, cause, lang)


def warning_signs(phase: int, lang: str | None = None) -> list[str]:
    return section_bullets(str(phase), WARNING_SIGNS, lang)


def questions_for(phase: int, lang: str | None = None) -> list[str]:
    return section_bullets(str(phase), "questions-for-the-care-team", lang)


def checklist(phase: int, lang: str | None = None) -> list[str]:
    return section_bullets(str(phase), "what-to-do-now", lang)


# --- search -------------------------------------------------------------------------------------
def _stem(word: str) -> str:
    """A crude English stem, the same for a word and its plural: tube/tubes, match/matches, stress.

    (Cutting every "es" made "tubes" -> "tub" but left "tube", so plural queries missed.)
    """
    word = word.lower()
    if len(word) <= 4 or _HANGUL.search(word):
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


def _query_term(word: str) -> str:
    """A typed word as searched for: English stemmed; Korean without a trailing particle."""
    if _HANGUL.search(word):
        for particle in _KO_PARTICLES:
            if word.endswith(particle) and len(word) - len(particle) >= 2:
                return word[: -len(particle)]
    return word


def _count(term: str, words: list[str]) -> int:
    """How often a term occurs: Korean inside compound words too (위루관 finds 위루관삽입)."""
    if _HANGUL.search(term):
        return sum(term in w for w in words)
    return words.count(term)


@dataclass
class Hit:
    slug: str
    title: str
    score: float
    line: str
    lang: str = DEFAULT_LANG


def search(query: str, *, limit: int = 10, lang: str | None = None) -> list[Hit]:
    """Guides ranked for the words typed: title and keywords weigh most, then headings, then text.

    Searches the guides in `lang` (default: the screens' language) and the English guides that have
    no `lang` version. Korean words search the Korean guides whatever the screens' language."""
    lang = guide_lang(lang)
    if lang == DEFAULT_LANG and _HANGUL.search(query):
        lang = "ko"
    terms = [_query_term(w) for w in _words(query) if len(w) > 1]
    if not terms:
        raise BadInput(NOTHING_TO_SEARCH, NOTHING_TO_SEARCH_HINT)
    phrase = " ".join(terms)
    hits = []
    for guide in in_language(lang):
        title = _words(guide.title)
        keys = [_words(k) for k in guide.keywords]
        heads = _words(" ".join(s.heading for s in guide.by_id.values()))
        body_text = guide.body
        body = _words(body_text)
        score = 0.0
        matched = 0
        for term in terms:
            here = (10 * _count(term, title) + 6 * sum(_count(term, k) for k in keys)
                    + 3 * _count(term, heads) + min(_count(term, body), 8))
            matched += bool(here)
            score += here
        if not score:
            continue
        if len(terms) > 1 and (phrase in [" ".join(k) for k in keys] or phrase in " ".join(body)):
            score += 15
        score *= matched / len(terms)  # guides that match every word rank first
        hits.append(Hit(guide.slug, guide.title, round(score, 2), _best_line(body_text, terms), guide.lang))
    hits.sort(key=lambda h: (-h.score, h.slug))
    best = hits[0].score if hits else 0
    return [h for h in hits if h.score >= best * 0.2][:limit]  # drop passing mentions


def _best_line(body: str, terms: list[str]) -> str:
    best, best_score = "", 0
    for line in body.splitlines():
        if line.startswith(("#", ">")):
            continue
        words = _words(line)
        score = sum(_count(t, words) for t in terms) + sum(bool(_count(t, words)) for t in terms) * 2
        if score > best_score:
            best, best_score = line.strip(), score
    return best
