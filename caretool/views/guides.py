"""Showing guides and phases: Markdown rendered in a terminal (long guides in a pager), plain
Markdown when piped or with --plain."""

from __future__ import annotations

import os
import sys
from typing import Any

from caretool.core.messages import N_, Message, _, render
from caretool.core.text import pad
from caretool.domain.guidance.guides import links_as_commands, strip_markers
from caretool.views.output import console, emit_json, say, tell


def _terminal() -> bool:
    return sys.stdout.isatty()


def markdown(text: str, *, plain: bool, pager: bool = False) -> None:
    """Markdown for a person: rendered in a terminal, as it is when piped or plain. `pager`: a text
    longer than the screen opens in the pager (only in a terminal)."""
    text = strip_markers(text)
    if plain or not _terminal():
        sys.stdout.write(text.lstrip("\n").rstrip() + "\n")
        return
    from rich.markdown import Markdown

    # A terminal cannot follow guide: links; show the command that opens the guide instead.
    # (Rewriting only the target left "[text](caretool guide show ...)" as raw text, because
    # a link target with spaces is not a Markdown link.)
    out = console()
    rendered = Markdown(links_as_commands(text, code=True))
    if pager and _longer_than_the_screen(out, rendered):
        page(out, rendered)
        return
    out.print(rendered)


def _longer_than_the_screen(out: Any, rendered: Any) -> bool:
    lines = out.render_lines(rendered, out.options, pad=False)
    return len(lines) > out.size.height


def page(out: Any, rendered: Any) -> None:
    """Rich's pager: the system pager ($PAGER, else less). less keeps the formatting with -R, which
    caretool asks for unless the user set LESS themselves; other pagers get plain text."""
    chosen = os.environ.get("MANPAGER") or os.environ.get("PAGER")
    if chosen is None and "LESS" not in os.environ:
        os.environ["LESS"] = "-R"
    styles = chosen is None and "R" in os.environ.get("LESS", "")
    with out.pager(styles=styles):
        out.print(rendered)


def notice(text: Message | None) -> None:
    """A one-line notice on stderr (e.g. that a guide is shown in English)."""
    if text is not None:
        tell(text)


def guide(info: Any, text: str, *, plain: bool, notice_text: Message | None = None) -> None:
    notice(notice_text)
    markdown(text, plain=plain, pager=True)


def guide_json(info: Any, requested: str) -> None:
    emit_json({"slug": info.slug, "lang": info.lang, "requested_lang": requested, "meta": info.meta,
               "sections": info.sections, "section_ids": {s.id: s.heading for s in info.by_id.values()},
               "body": info.body})


def guide_text(info: Any, section: tuple[str, str] | None) -> str:
    """The Markdown of a whole guide (with its sources line) or of one section."""
    if section is not None:
        heading, body = section
        return f"## {heading}\n\n{body}"
    return info.body + "\n\n" + _("**Sources:** {sources}").format(sources="; ".join(info.sources))


def guide_list(guides: list[Any], *, as_json: bool, lang: str = "en") -> None:
    if as_json:
        emit_json([{"slug": g.slug, "title": g.title, "phase": g.phase, "topics": g.topics,
                    "summary": g.meta.get("summary", ""), "lang": g.lang} for g in guides])
        return
    for g in guides:
        label = _("phase {number}").format(number=g.phase) if g.phase else _("topic")
        english = _(" (English)") if g.lang != lang else ""
        say(f"{g.short:<22} {pad(label, 8)} {g.title}{english}")
    say(_("Read one with `caretool guide show NAME`, e.g. caretool guide show burnout"))


def hits(found: list[Any], query: str, *, as_json: bool) -> None:
    if as_json:
        emit_json([vars(h) for h in found])
        return
    if not found:
        say(_("No guide mentions {query!r}. Try other words, or `caretool guide list`.").format(query=query))
        return
    for h in found:
        say(f"{h.slug.split('/', 1)[1]:<22} {h.title}")
        if h.line:
            say(f"    {links_as_commands(h.line)[:110]}")


_HEADINGS = {
    "current": (N_("Current phase: {number}. {title}"),
                N_("Current phase: {number}. {title} (since {since})")),
    "set": (N_("Phase set: {number}. {title}"), N_("Phase set: {number}. {title} (since {since})")),
    "next": (N_("Next phase: {number}. {title}"), N_("Next phase: {number}. {title} (since {since})")),
}
# Notes caretool itself writes into the phase history (stored as data, shown translated).
_NOTES = {"from phase assess": N_("from phase assess")}


def _heading(kind: str, info: dict[str, Any]) -> str:
    plain, dated = _HEADINGS[kind]
    template = _(dated) if info.get("since") else _(plain)
    return template.format(number=info["phase"], title=render(info["title"]), since=info.get("since"))


def phase(info: dict[str, Any], *, as_json: bool, heading: str = "current") -> None:
    """A phase with its checklist: Markdown rendered in a terminal, plain when piped."""
    if as_json:
        emit_json(info)
        return
    text = f"# {_heading(heading, info)}\n\n{info['summary']}\n\n"
    if info.get("note"):
        text += f"{render(info['note'])}\n\n"
    text += "## " + _("What to do now") + "\n\n" + "\n".join(
        f"- [ ] {links_as_commands(item, code=True)}" for item in info["checklist"])
    short = info["guide"].split("/", 1)[1]
    text += "\n\n" + _("The whole guide: `caretool guide show {name}`").format(name=short) + "\n"
    markdown(text, plain=False)


def phase_history(rows: list[dict[str, Any]], *, as_json: bool) -> None:
    if as_json:
        emit_json(rows)
        return
    for row in rows:
        note = str(row.get("note") or "")
        shown = _(_NOTES[note]) if note in _NOTES else note
        line = _("{day}  phase {number}: {title}").format(day=row["at"], number=row["phase"],
                                                          title=render(row["title"]))
        say(line + (f"  ({shown})" if note else ""))


def assessment(result: dict[str, Any], *, as_json: bool) -> None:
    if as_json:
        emit_json(result)
        return
    say(_("Suggested phase: {number}. {title}").format(number=result["suggested"],
                                                       title=render(result["title"])))
    say(_("Because:"))
    for reason in result["reasons"]:
        say(f"  - {render(reason)}")
    if result.get("advice"):
        say(_("Ask now:"))
        for advice in result["advice"]:
            say(f"  - {render(advice)}")
        for slug in result.get("guides", ()):
            say("    " + _("Read: caretool guide show {name}").format(name=slug.split("/", 1)[1]))
    if result["applied"]:
        say(_("The household is now in phase {number}.").format(number=result["suggested"]))
    elif result["current"] != result["suggested"]:
        say(_("The stored phase stays {current}. Change it with `caretool phase set {suggested}`.").format(
            current=result["current"], suggested=result["suggested"]))
    say(_("This is a suggestion from your answers; your care team knows best."))
