"""Showing guides and phases: Markdown in a terminal, plain Markdown otherwise."""

from __future__ import annotations

import re
import sys
from typing import Any

from caretool.views.output import console, emit_json, say

# [planning ahead](guide:topics/planning-ahead): a link between guides.
_GUIDE_LINK = re.compile(r"\[([^\]]+)\]\(guide:(?:[\w\-]+/)?([\w\-]+)\)")


def markdown(text: str, *, plain: bool) -> None:
    if plain or not sys.stdout.isatty():
        sys.stdout.write(text.lstrip("\n").rstrip() + "\n")
        return
    from rich.markdown import Markdown

    # A terminal cannot follow guide: links; show the command that opens the guide instead.
    # (Rewriting only the target left "[text](caretool guide show ...)" as raw text, because
    # a link target with spaces is not a Markdown link.)
    console().print(Markdown(_GUIDE_LINK.sub(r"\1 (`caretool guide show \2`)", text)))


def guide_list(guides: list[Any], *, as_json: bool) -> None:
    if as_json:
        emit_json([{"slug": g.slug, "title": g.title, "phase": g.phase, "topics": g.topics,
                    "summary": g.meta.get("summary", "")} for g in guides])
        return
    for g in guides:
        label = f"phase {g.phase}" if g.phase else "topic"
        say(f"{g.short:<22} {label:<8} {g.title}")
    say("Read one with `caretool guide show NAME`, e.g. caretool guide show burnout")


def hits(found: list[Any], query: str, *, as_json: bool) -> None:
    if as_json:
        emit_json([vars(h) for h in found])
        return
    if not found:
        say(f"No guide mentions {query!r}. Try other words, or `caretool guide list`.")
        return
    for h in found:
        say(f"{h.slug.split('/', 1)[1]:<22} {h.title}")
        if h.line:
            say(f"    {h.line[:110]}")


def phase(info: dict[str, Any], *, as_json: bool, heading: str = "Current phase") -> None:
    if as_json:
        emit_json(info)
        return
    since = f" (since {info['since']})" if info.get("since") else ""
    text = f"# {heading}: {info['phase']}. {info['title']}{since}\n\n{info['summary']}\n\n"
    if info.get("note"):
        text += f"{info['note']}\n\n"
    text += "## What to do now\n\n" + "\n".join(f"- [ ] {item}" for item in info["checklist"])
    text += f"\n\nThe whole guide: `caretool guide show {info['guide'].split('/', 1)[1]}`\n"
    markdown(text, plain=False)


def phase_history(rows: list[dict[str, Any]], *, as_json: bool) -> None:
    if as_json:
        emit_json(rows)
        return
    for row in rows:
        note = f"  ({row['note']})" if row.get("note") else ""
        say(f"{row['at']}  phase {row['phase']}: {row['title']}{note}")


def assessment(result: dict[str, Any], *, as_json: bool) -> None:
    if as_json:
        emit_json(result)
        return
    say(f"Suggested phase: {result['suggested']}. {result['title']}")
    say("Because:")
    for reason in result["reasons"]:
        say(f"  - {reason}")
    if result["applied"]:
        say(f"The household is now in phase {result['suggested']}.")
    elif result["current"] != result["suggested"]:
        say(f"The stored phase stays {result['current']}. Change it with "
            f"`caretool phase set {result['suggested']}`.")
    say("This is a suggestion from your answers; your care team knows best.")
