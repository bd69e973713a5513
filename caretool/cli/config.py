"""`caretool config show|set`: the household's settings, and which language is in use and why."""

from typing import Annotated

import typer

from caretool.cli.common import JsonOpt, json_wanted, state

config_app = typer.Typer(help="Show or change the household's settings (such as the language).\n\n"
                         "Example: caretool config set lang ko",
                         no_args_is_help=True)


@config_app.command("show")
def config_show(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Show the settings, and the language in use with where it came from.

    Example: caretool config show
    """
    from caretool.domain.entries import service as entries
    from caretool.domain.household import settings
    from caretool.views import config as view

    with state(ctx).store() as store:
        saved = entries.load(store).settings if store.has_household() else {}
    view.show(settings.shown(saved), state(ctx).language, as_json=json_wanted(ctx, as_json))


@config_app.command("set")
def config_set(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help="The setting, e.g. lang.")],
    value: Annotated[str, typer.Argument(help="Its new value, e.g. ko.")],
    as_json: JsonOpt = False,
) -> None:
    """Change a setting. `caretool undo` puts the old value back.

    Examples: caretool config set lang ko | caretool config set lang en
    """
    from caretool.domain.entries import service as entries
    from caretool.domain.household import settings
    from caretool.views import config as view

    name, parsed = settings.parse(key, value)
    with state(ctx).store(write=True) as store:
        store.require_household()
        household = entries.load(store)
        household.settings[name] = parsed
        entries.save_household(store, household, settings.CHANGED(name=name))
    if name == "lang" and state(ctx).language[1] not in ("option", "env"):
        from caretool.core.messages import set_language

        set_language(parsed)  # say it in the language just chosen, as every later command will
    view.changed(name, parsed, as_json=json_wanted(ctx, as_json))
