"""The root command: global options, the one error boundary, and every sub-command."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from caretool.cli import common
from caretool.errors import CaretoolError


class CaretoolGroup(TyperGroup):
    """Turns every CaretoolError into one line on stderr and its exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except CaretoolError as exc:
            _report(exc.message, exc.hint)
            raise typer.Exit(exc.exit_code) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt, EOFError):
            raise
        except Exception as exc:
            if _is_click_exception(exc) or common.state(ctx).debug:
                raise
            _report(f"unexpected problem: {type(exc).__name__}: {exc}",
                    "run again with --debug for details, and please report it")
            raise typer.Exit(1) from None


    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        """Usage errors become one line too; help, exits and aborts behave as usual."""
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except Exception as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":  # its help is already printed
                sys.exit(0)
            if not _is_click_exception(exc) or not hasattr(exc, "format_message"):
                raise
            if type(exc).__name__ == "Abort":
                _report("cancelled", "")
                sys.exit(1)
            ctx = getattr(exc, "ctx", None)
            where = f"`{ctx.command_path} --help`" if ctx is not None else "`caretool --help`"
            _report(exc.format_message().rstrip("."), f"see {where}")
            sys.exit(getattr(exc, "exit_code", 2))
        sys.exit(code if isinstance(code, int) else 0)


def _is_click_exception(exc: Exception) -> bool:
    return any(cls.__name__ in ("ClickException", "Exit", "Abort") for cls in type(exc).__mro__)


def _report(message: str, hint: str) -> None:
    from caretool.text import safe

    line = f"error: {message}" + (f" (fix: {hint})" if hint else "")
    sys.stderr.write(safe(line) + "\n")


app = typer.Typer(
    cls=CaretoolGroup,
    name="caretool",
    help="An offline companion for families caring for someone with ALS.\n\n"
    "Start with `caretool init`, then run `caretool checkin` once a day.",
    epilog="Examples:  caretool checkin  |  caretool log symptom choking --severity 1  |  "
    "caretool report --format html --output week.html",
    no_args_is_help=False,
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from caretool import version

        sys.stdout.write(f"caretool {version()}\n")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    home: Annotated[str | None, typer.Option(
        "--home", help="Data folder to use (default: $CARETOOL_HOME or your user data folder).",
        metavar="PATH")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print data as one JSON document.")] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="Plain output without colour.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for unexpected errors.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    from caretool.views.output import configure

    ctx.obj = common.State(home_option=home, json=json_out, debug=debug)
    configure(no_color=no_color)
    if ctx.invoked_subcommand is None:
        from caretool.cli.today import show_today

        show_today(ctx)


def _register() -> None:
    from caretool.cli import entries, log, setup, upkeep

    app.command("init")(setup.init)
    app.command("paths")(setup.paths)
    app.add_typer(setup.caregiver_app, name="caregiver")
    app.add_typer(log.log_app, name="log")
    app.command("history")(entries.history)
    app.command("edit")(entries.edit)
    app.command("delete")(entries.delete)
    app.command("undo")(entries.undo)
    app.command("backup")(upkeep.backup)
    app.command("doctor")(upkeep.doctor)
    from caretool.cli import checkin, guide, today

    app.command("checkin")(checkin.checkin)
    app.command("today")(today.today)
    app.add_typer(guide.guide_app, name="guide")
    app.add_typer(guide.phase_app, name="phase")
    from caretool.cli import burnout

    app.command("burnout")(burnout.burnout)
    app.command("selfcheck")(burnout.selfcheck)


_register()


def main() -> None:
    app(prog_name="caretool")
