"""Looking after the data: backup, restore and doctor."""


from typing import Annotated

import typer

from caretool.cli.common import JsonOpt, json_wanted, state
from caretool.core.messages import N_, _


def backup(
    ctx: typer.Context,
    list_them: Annotated[bool, typer.Option("--list", help="List the backups.")] = False,
    restore: Annotated[str | None, typer.Option(
        help="Put back the backup with this name (what is there now is backed up first).",
        metavar="NAME")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Copy the whole data folder into backups/ (the newest 20 are kept), list or restore them.

    Examples: caretool backup | caretool backup --list | caretool backup --restore 20261121
    """
    from caretool.store import backup as backups
    from caretool.views.output import emit_json, say, tell

    st = state(ctx)
    if list_them:
        found = [p.name for p in backups.list_backups(st.home)]
        if json_wanted(ctx, as_json):
            emit_json(found)
        elif not found:
            tell(_("No backups yet. Make one with `caretool backup`."))
        for name in found if not json_wanted(ctx, as_json) else []:
            say(name)
        return
    with st.store(write=True) as store:
        if restore:
            chosen, safety = backups.restore_backup(st.home, restore)
            tell(_("Restored {name}. What was there before is kept in {kept}.").format(
                name=chosen.name, kept=safety.name))
            return
        store.require_household()
        made = backups.make_backup(st.home)
    if json_wanted(ctx, as_json):
        emit_json({"backup": str(made)})
    else:
        say(_("Backed up to {path}").format(path=made))


LEVELS = {"error": N_("error"), "warning": N_("warning")}


def doctor(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Check every data file and say what is wrong and how to fix it (exit 3 on errors).

    Example: caretool doctor
    """
    from caretool.store.doctor import check_home
    from caretool.views.output import emit_json, say

    st = state(ctx)
    findings = check_home(st.home)
    errors = [f for f in findings if f.level == "error"]
    if json_wanted(ctx, as_json):
        emit_json({"home": str(st.home), "findings": [vars(f) for f in findings]})
    elif not findings:
        say(_("All data files in {home} are readable and private.").format(home=st.home))
    else:
        for f in findings:
            say(_("{level}: {path}: {problem}\n  fix: {fix}").format(
                level=_(LEVELS.get(f.level, f.level)), path=f.path, problem=f.problem, fix=f.fix))
    if errors:
        raise typer.Exit(3)
