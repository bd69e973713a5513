"""`caretool guide ...`: read and search the offline guides, in English or Korean."""


from typing import Annotated

import typer

from caretool.cli.common import JsonOpt, json_wanted
from caretool.core.messages import _

guide_app = typer.Typer(help=_("Read and search the offline guides."), no_args_is_help=True)

Lang = Annotated[str | None, typer.Option(
    "--lang", help=_("The guides' language: en or ko (a guide not yet in Korean is shown in English)."))]


@guide_app.command("list")
def guide_list(
    ctx: typer.Context,
    phase: Annotated[int | None, typer.Option(min=1, max=5, help=_("Only the guide of this phase."))] = None,
    topic: Annotated[str | None, typer.Option(help=_("Only guides about this topic."))] = None,
    lang: Lang = None,
    as_json: JsonOpt = False,
) -> None:
    """List the guides. Example: caretool guide list --topic burnout"""
    from caretool.domain.guidance import guides
    from caretool.views import guides as view

    lang = guides.check_lang(lang)
    want = topic.strip().lower() if topic else None
    found = [g for g in guides.in_language(lang)
             if (phase is None or g.phase == phase)
             and (want is None or want in [t.lower() for t in g.topics] or want == g.short)]
    view.guide_list(found, as_json=json_wanted(ctx, as_json), lang=lang)


@guide_app.command("show")
def guide_show(
    ctx: typer.Context,
    slug: Annotated[str, typer.Argument(help=_("Guide name, e.g. burnout, 4-swallowing or 4."))],
    section: Annotated[str | None, typer.Option(
        help=_("Only this section, by heading or id, e.g. 'Warning signs' or warning-signs."))] = None,
    plain: Annotated[bool, typer.Option("--plain", help=_("Plain Markdown, no formatting."))] = False,
    lang: Lang = None,
    as_json: JsonOpt = False,
) -> None:
    """Read a guide. Example: caretool guide show 4 --section "Warning signs" """
    from caretool.domain.guidance import guides
    from caretool.views import guides as view

    lang = guides.check_lang(lang)
    found = guides.get(slug, lang)
    if json_wanted(ctx, as_json):
        view.guide_json(found, lang)
        return
    part = guides.find_section(found.slug, section, found.lang) if section else None
    view.guide(found, view.guide_text(found, part), plain=plain,
               notice_text=guides.fallback_notice(found, lang))


@guide_app.command("search")
def guide_search(
    ctx: typer.Context,
    words: Annotated[list[str], typer.Argument(help=_("What to look for, in your own words."))],
    lang: Lang = None,
    as_json: JsonOpt = False,
) -> None:
    """Search every guide offline. Example: caretool guide search feeding tube"""
    from caretool.domain.guidance import guides
    from caretool.views import guides as view

    lang = guides.check_lang(lang)
    query = " ".join(words)
    view.hits(guides.search(query, lang=lang), query, as_json=json_wanted(ctx, as_json))
