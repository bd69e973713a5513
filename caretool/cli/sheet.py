"""`caretool sheet`: the one-page emergency sheet for an ambulance crew or an emergency department."""


from typing import Annotated

import typer

from caretool.cli.common import JsonOpt, Output, json_wanted, state


def sheet(
    ctx: typer.Context,
    form: Annotated[str, typer.Option(
        "--format", "-f", help="text (default), md, or html (prints on one A4 page).")] = "text",
    output: Output = None,
    lang: Annotated[str | None, typer.Option(
        "--lang", help="The sheet's language, en or ko (default: the language in use).", metavar="LANG")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """The emergency sheet: diagnosis, the oxygen caution and other key risks, medicines with doses,
    equipment and settings, allergies, advance decisions and whom to call, on one page.

    Print it and keep it where an ambulance crew will see it. A field with nothing recorded says
    so. Example: caretool sheet --format html --output sheet.html
    """
    from pathlib import Path

    from caretool.domain.sheet import build, options
    from caretool.views import sheet_text as view

    form = options.check_format(form)
    if lang:
        from caretool.core import language, messages

        messages.set_language(language.check(lang))
    with state(ctx).store() as store:
        data = build.for_store(store)
    if output:
        from caretool.domain.transfer import files as transfer

        path = transfer.write_private(Path(output), view.as_string(data, form))
        view.written(path, form, as_json=json_wanted(ctx, as_json))
    else:
        view.show(data, form, as_json=json_wanted(ctx, as_json))
