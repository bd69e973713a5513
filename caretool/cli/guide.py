"""`caretool guide ...`: read and search the offline guides."""


from typing import Annotated

import typer

from caretool.cli.common import JsonOpt, json_wanted

guide_app = typer.Typer(help="Read and search the offline guides.", no_args_is_help=True)


@guide_app.command("list")
def guide_list(
    ctx: typer.Context,
    phase: Annotated[int | None, typer.Option(min=1, max=5, help="Only the guide of this phase.")] = None,
    topic: Annotated[str | None, typer.Option(help="Only guides about this topic.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """List the guides. Example: caretool guide list --topic burnout"""
    from caretool.domain.guidance import guides
    from caretool.views import guides as view

    found = [g for g in guides.all_guides()
             if (phase is None or g.phase == phase)
             and (topic is None or topic.lower() in g.topics or topic.lower() == g.short)]
    view.guide_list(found, as_json=json_wanted(ctx, as_json))


@guide_app.command("show")
def guide_show(
    ctx: typer.Context,
    slug: Annotated[str, typer.Argument(help="Guide name, e.g. burnout, 4-swallowing or 4.")],
    section: Annotated[str | None, typer.Option(help="Only this section, e.g. 'Warning signs'.")] = None,
    plain: Annotated[bool, typer.Option("--plain", help="Plain Markdown, no formatting.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Read a guide. Example: caretool guide show 4 --section "Warning signs" """
    from caretool.domain.guidance import guides
    from caretool.views import guides as view
    from caretool.views.output import emit_json

    guide = guides.get(slug)
    if json_wanted(ctx, as_json):
        emit_json({"slug": guide.slug, "meta": guide.meta, "sections": guide.sections,
                   "body": guide.body})
        return
    if section:
        heading, body = guides.find_section(guide.slug, section)
        text = f"## {heading}\n\n{body}"
    else:
        text = guide.body + "\n\n**Sources:** " + "; ".join(guide.sources)
    view.markdown(text, plain=plain)


@guide_app.command("search")
def guide_search(
    ctx: typer.Context,
    words: Annotated[list[str], typer.Argument(help="What to look for, in your own words.")],
    as_json: JsonOpt = False,
) -> None:
    """Search every guide offline. Example: caretool guide search feeding tube"""
    from caretool.domain.guidance import guides
    from caretool.views import guides as view

    query = " ".join(words)
    view.hits(guides.search(query), query, as_json=json_wanted(ctx, as_json))
















