"""`caretool remind setup|remove`: let the computer's scheduler ask caretool for doses due soon."""


from typing import TYPE_CHECKING, Annotated

import typer

from caretool.cli.common import JsonOpt, json_wanted, state
from caretool.core.messages import _

if TYPE_CHECKING:
    from caretool.domain.reminders.scheduler import Setup

remind_app = typer.Typer(
    help=_("Reminders from the computer's own scheduler: every 15 minutes it runs "
           "`caretool med due --soon 15m --notify`, which shows a desktop notification when a dose is "
           "due.\n\nExample: caretool remind setup"),
    no_args_is_help=True,
)


def _setup(ctx: typer.Context) -> "Setup":
    import os
    import sys

    from caretool.domain.reminders import scheduler

    return scheduler.plan(argv0=sys.argv[0], executable=sys.executable, home=state(ctx).home,
                          environ=os.environ, platform=sys.platform, uid=os.getuid())


@remind_app.command("setup")
def setup(
    ctx: typer.Context,
    install: Annotated[bool, typer.Option(
        "--install", help=_("Write the systemd user timer files (asks first; Linux only)."))] = False,
    yes: Annotated[bool, typer.Option("--yes", help=_("With --install: do not ask, write them."))] = False,
    as_json: JsonOpt = False,
) -> None:
    """Print a ready crontab line and a systemd user timer that look for doses every 15 minutes.

    Both run `caretool med due --soon 15m --notify` with the full path of this caretool and its
    data folder; the timer has Persistent=true. Nothing is installed unless you ask: --install
    writes the two systemd files into your user's systemd folder after you confirm;
    `caretool remind remove` takes them out.

    Examples: caretool remind setup | caretool remind setup --install
    """
    import shutil

    from caretool.domain.reminders import scheduler
    from caretool.views import reminders as view

    plan = _setup(ctx)
    info = scheduler.describe(plan)
    wanted = json_wanted(ctx, as_json)
    if not install:
        view.setup(info, as_json=wanted, has_notify=shutil.which("notify-send") is not None)
        return
    if not plan.linux:
        from caretool.core.errors import BadInput
        from caretool.domain.reminders.scheduler import NOT_LINUX, NOT_LINUX_HINT

        raise BadInput(NOT_LINUX, NOT_LINUX_HINT)
    if not yes:
        from caretool.cli.prompts import walk

        if not walk(scheduler.confirm_install(plan)):
            view.not_installed(as_json=wanted)
            raise typer.Exit(1)
    view.installed(info, scheduler.install(plan), as_json=wanted)


@remind_app.command("remove")
def remove(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Take out the systemd user timer files that `remind setup --install` wrote (only those).

    Example: caretool remind remove
    """
    from caretool.domain.reminders import scheduler
    from caretool.views import reminders as view

    plan = _setup(ctx)
    view.removed(scheduler.describe(plan), scheduler.remove(plan), as_json=json_wanted(ctx, as_json))
