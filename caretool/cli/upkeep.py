"""Looking after the data: backup, restore and doctor."""


from typing import Annotated, Any

import typer

from caretool.cli.common import JsonOpt, check_record, json_wanted, state


def _texts() -> Any:
    """This module's sentences, declared here but built only when a command runs (start-up cost)."""
    from types import SimpleNamespace

    from caretool.core.messages import msg

    return SimpleNamespace(
        no_backups=msg("backup.none-yet", "No backups yet. Make one with `caretool backup`."),
        backed_up=msg("backup.done", "Backed up to {path}"),
        copied=msg("backup.copied",
                   "Copied the data folder to {path} ({count} files, read back and checked)."),
        skipped=msg("backup.skipped", "Not backed up: {problem}"),
        lacking=msg("backup.lacking", "Not in this backup, so not restored: {problem}"),
        restored=msg("backup.restored", "Restored {name}. What was there before is kept in {safety}."),
        restored_empty=msg("backup.restored-into-empty", "Restored {name}."),
        too_many=msg("backup.one-action", "--list, --restore and --to cannot be used together"),
        too_many_hint=msg("backup.one-action.hint", "choose one of them"),
        all_good=msg("doctor.all-good", "All data files in {home} are readable and private."),
        line=msg("doctor.line", "{level}: {path}: {problem}"),
        line_named=msg("doctor.line-named", "{level}: {problem}"),
        fix_line=msg("doctor.fix-line", "  fix: {fix}"),
        levels={"error": msg("doctor.level.error", "error"),
                "warning": msg("doctor.level.warning", "warning"),
                "info": msg("doctor.level.info", "done")},
    )

def backup(
    ctx: typer.Context,
    list_them: Annotated[bool, typer.Option("--list", help="List the backups.")] = False,
    restore: Annotated[str | None, typer.Option(
        help="Put back the backup with this name, or the backup folder at this path, after checking "
        "it (what is there now is backed up first).", metavar="NAME")] = None,
    to: Annotated[str | None, typer.Option(
        "--to", help="Copy the data folder into a new folder inside PATH (e.g. a USB stick), and "
        "check the copy.", metavar="PATH")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Copy the whole data folder into backups/ (the newest 20 are kept, and always the newest
    good one), list or restore them.

    A backup is also taken by itself before the first change of each day.

    Examples: caretool backup | caretool backup --list | caretool backup --restore 20261121 |
    caretool backup --to /media/usb
    """
    from pathlib import Path

    from caretool.core.errors import BadInput
    from caretool.store import backup as backups
    from caretool.views.output import emit_json, say, tell

    t = _texts()
    st = state(ctx)
    wants_json = json_wanted(ctx, as_json)
    if sum((list_them, restore is not None, to is not None)) > 1:
        raise BadInput(t.too_many(), t.too_many_hint)
    if list_them:
        found = [p.name for p in backups.list_backups(st.home)]
        if wants_json:
            emit_json(found)
        elif not found:
            tell(t.no_backups)
        for name in found if not wants_json else []:
            say(name)
        return
    if restore is not None:
        with st.store(write=True, repair=True) as store:
            chosen, safety, lacking = backups.restore_backup(store, restore)
        if wants_json:
            emit_json({"restored": chosen.name, "safety_backup": safety.name if safety else None,
                       "not_in_backup": [str(m) for m in lacking]})
        else:
            for problem in lacking:
                tell(t.lacking(problem=problem))
            tell(t.restored(name=chosen.name, safety=safety.name) if safety
                 else t.restored_empty(name=chosen.name))
        return
    if to is not None:
        with st.store() as store:
            store.require_household()
            made = backups.copy_to(st.home, Path(to))
    else:
        with st.store(write=True) as store:
            store.require_household()
            made = backups.make_backup_report(st.home)
    if wants_json:
        emit_json({"backup": str(made.path), "files": made.files, "skipped": [str(m) for m in made.skipped]})
        return
    for problem in made.skipped:
        tell(t.skipped(problem=problem))
    say(t.copied(path=str(made.path), count=made.files) if to is not None
        else t.backed_up(path=str(made.path)))


def doctor(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Check every data file and say what is wrong and how to fix it (exit 3 on errors).

    It also finishes a change that was interrupted and rebuilds the id index if needed; it
    changes nothing else. Example: caretool doctor
    """
    from caretool.core.messages import render
    from caretool.store.doctor import check_home
    from caretool.views.output import emit_json, say

    t = _texts()
    st = state(ctx)
    findings = check_home(st.home, check_record())
    errors = [f for f in findings if f.level == "error"]
    if json_wanted(ctx, as_json):
        emit_json({"home": str(st.home), "findings": [f.to_dict() for f in findings]})
    else:
        for f in findings:
            named = f.path in render(f.problem)
            line = (t.line_named(level=t.levels[f.level], problem=f.problem) if named
                    else t.line(level=t.levels[f.level], path=f.path, problem=f.problem))
            say(line)
            if f.level != "info":
                say(t.fix_line(fix=f.fix))
        if all(f.level == "info" for f in findings):
            say(t.all_good(home=str(st.home)))
    if errors:
        raise typer.Exit(3)
