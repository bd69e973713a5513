"""The root command: global options, the one error boundary, and every sub-command."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from caretool.cli import common
from caretool.core.errors import CaretoolError
from caretool.core.messages import Message, msg

if TYPE_CHECKING:
    from collections.abc import Iterator

UNEXPECTED = msg("error.unexpected", "unexpected problem: {kind}: {detail}")
UNEXPECTED_HINT = msg("error.unexpected.hint", "run again with --debug for details, and please report it")
CANCELLED = msg("error.cancelled", "cancelled; nothing was saved")
USAGE_HINT = msg("error.usage.hint", "see `{command} --help`")
ERROR_LINE = msg("error.line", "error: {message}")
ERROR_LINE_HINT = msg("error.line-with-hint", "error: {message} (fix: {hint})")
ROOT_OPTIONS_WITH_VALUE = ("--home", "--lang")
# Usage errors: Typer's own words are fixed English, so the common ones are said again here.
MISSING_ARGUMENT = msg("usage.missing-argument", "missing argument {name}")
MISSING_OPTION = msg("usage.missing-option", "missing option {name}")
NO_SUCH_OPTION = msg("usage.no-such-option", "there is no option {option}")
DID_YOU_MEAN = msg("usage.did-you-mean", "{problem}; did you mean {names}?")
NO_SUCH_OPTION_CLOSE = msg("usage.no-such-option-close", "there is no option {option}; did you mean {names}?")
NEEDS_VALUE = msg("usage.needs-value", "option {option} needs a value")
TAKES_NO_VALUE = msg("usage.takes-no-value", "option {option} takes no value")
EXTRA_WORDS = msg("usage.extra-words", "unexpected extra words: {words}")
AT_MOST = msg("usage.at-most", "{name} can be at most {limit}")
AT_LEAST = msg("usage.at-least", "{name} must be at least {limit}")
NOT_WHOLE = msg("usage.not-whole", "{name} needs a whole number, not {value}")
BAD_VALUE = msg("usage.bad-value", "{name} has a value caretool cannot use: {detail}")


class CaretoolGroup(TyperGroup):
    """The one error boundary: every CaretoolError becomes one line (or, under --json, one JSON
    document on stdout) and its exit code; tracebacks only with --debug."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except CaretoolError as exc:
            _report(exc.code, exc.message, exc.hint)
            raise typer.Exit(exc.exit_code) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt, EOFError):
            raise
        except BrokenPipeError:  # `caretool history | head`: the reader left; that is fine
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(0) from None
        except Exception as exc:
            if _is_click_exception(exc) or common.state(ctx).debug:
                raise
            _report("unexpected", UNEXPECTED(kind=type(exc).__name__, detail=str(exc)), UNEXPECTED_HINT)
            raise typer.Exit(1) from None

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        """Usage errors become one line too; help, exits and aborts behave as usual."""
        argv = list(kwargs.get("args") or (args[0] if args else None) or sys.argv[1:])
        _ARGV[:] = argv
        from caretool.views.output import set_command

        set_command(command_path(self, argv))
        try:
            _choose_language(argv)
        except CaretoolError as exc:
            _report(exc.code, exc.message, exc.hint)
            sys.exit(exc.exit_code)
        translate_help(self)
        wide_text_fix()
        plain_metavars(self)
        kwargs["standalone_mode"] = False
        if not standalone_mode:
            return super().main(*args, **kwargs)
        try:
            code = super().main(*args, **kwargs)
        except Exception as exc:
            name = type(exc).__name__
            if name == "NoArgsIsHelpError":  # its help is already printed
                sys.exit(0)
            if name == "Abort":  # a prompt was cut off by Ctrl-C or the end of input
                sys.stderr.write("\n")
                _report("cancelled", CANCELLED, "")
                sys.exit(1)
            if not _is_click_exception(exc) or not hasattr(exc, "format_message"):
                raise
            ctx = getattr(exc, "ctx", None)
            where = ctx.command_path if ctx is not None else "caretool"
            _report("usage", usage_message(exc), USAGE_HINT(command=where))
            sys.exit(getattr(exc, "exit_code", 2))
        sys.exit(code if isinstance(code, int) else 0)


def usage_message(exc: Any) -> Message | str:
    """A usage error from Typer in the reader's language (Typer's English when it is none of these)."""
    import re

    kind = type(exc).__name__
    text = exc.format_message().rstrip(".")
    param = getattr(exc, "param", None)
    name = param.get_error_hint() if param is not None else ""
    if kind == "MissingParameter" and param is not None:
        return (MISSING_ARGUMENT if param.param_type_name == "argument" else MISSING_OPTION)(name=name)
    if kind == "NoSuchOption":
        close = sorted(getattr(exc, "possibilities", None) or [])
        option = exc.option_name
        return NO_SUCH_OPTION_CLOSE(option=option, names=", ".join(close)) if close else NO_SUCH_OPTION(
            option=option)
    if kind == "BadOptionUsage" and "requires an argument" in text:
        return NEEDS_VALUE(option=exc.option_name)
    if kind == "BadOptionUsage" and "does not take a value" in text:
        return TAKES_NO_VALUE(option=exc.option_name)
    if (close_to := re.fullmatch(r"(.*)\. Did you mean (.+)\?", text, re.S)) is not None:  # a command typo
        return DID_YOU_MEAN(problem=close_to.group(1), names=close_to.group(2))
    if (extra := re.fullmatch(r"Got unexpected extra arguments?\(s\)? \((.*)\)", text)) is not None:
        return EXTRA_WORDS(words=extra.group(1))
    if kind == "BadParameter" and param is not None:
        detail = str(exc.message)
        if (limit := re.search(r"less than or equal to (\S+)", detail)) is not None:
            return AT_MOST(name=name, limit=limit.group(1))
        if (limit := re.search(r"greater than or equal to (\S+)", detail)) is not None:
            return AT_LEAST(name=name, limit=limit.group(1))
        if "valid integer" in detail:
            return NOT_WHOLE(name=name, value=_given(param))
        return BAD_VALUE(name=name, detail=detail)
    return text


def _given(param: Any) -> str:
    """The text typed for `param`, as a quoted value (or '?' when it cannot be found)."""
    for opt in getattr(param, "opts", []):
        for i, arg in enumerate(_ARGV):
            if arg == opt and i + 1 < len(_ARGV):
                return repr(_ARGV[i + 1])
            if arg.startswith(opt + "="):
                return repr(arg.split("=", 1)[1])
    return "?"


_ARGV: list[str] = []
LANGUAGE: list[tuple[str, str, str]] = [("en", "default", "")]


def _option_value(argv: list[str], name: str) -> str | None:
    """The value of a root option (`--lang ko` or `--lang=ko`) given before the command words
    (after them, `--lang` belongs to the command, e.g. `guide show --lang ko`)."""
    skip = False
    for i, arg in enumerate(argv):
        if skip:
            skip = False
            continue
        if arg == "--" or not arg.startswith("-"):
            break
        if arg == name and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith(name + "="):
            return arg.split("=", 1)[1]
        skip = arg in ROOT_OPTIONS_WITH_VALUE
    return None


def _choose_language(argv: list[str]) -> None:
    """Set the language before any help text or prompt is shown (see caretool.core.language)."""
    import contextlib
    import os

    from caretool.core import language, messages

    def saved() -> str | None:
        from caretool.store.paths import resolve_home
        from caretool.store.peek import household_setting

        found = household_setting(resolve_home(_option_value(argv, "--home")), "lang")
        return found if isinstance(found, str) else None

    option = _option_value(argv, "--lang")
    try:
        LANGUAGE[0] = language.resolve(option, os.environ, None if option or os.environ.get("CARETOOL_LANG")
                                       else saved())
    except CaretoolError:  # an unknown --lang or CARETOOL_LANG: say so in the language otherwise in use
        environment = {k: v for k, v in os.environ.items() if k != "CARETOOL_LANG"}
        with contextlib.suppress(CaretoolError):
            messages.set_language(language.resolve(None, environment, saved())[0])
        raise
    messages.set_language(LANGUAGE[0][0])


def translate_help(command: Any) -> None:
    """Help texts in the current language. Their English originals are kept on each object, so
    the same command tree can be shown again in another language (tests reuse one tree).

    Also: flags show no type placeholder (Typer would print `<bool>`), options that take a value
    show their name as the placeholder (`--date DATE`, not `<str>`), and the help option, which
    Click makes and caches itself, gets the same treatment."""
    from caretool.core.messages import _

    for item in _help_holders(command):
        for attribute in ("help", "short_help", "epilog"):
            original = item.__dict__.setdefault(f"_en_{attribute}", getattr(item, attribute, None))
            if isinstance(original, str) and original:
                setattr(item, attribute, _unwrap(_(original)))
        if hasattr(item, "invoke") and item.__dict__["_en_short_help"] is None and item.help:
            # The command list shows the first paragraph; Rich markup keeps a docstring's line breaks.
            item.short_help = item.help.split("\n\n")[0].replace("\n", " ")
        kind = getattr(item, "param_type_name", "")
        if kind in ("option", "argument"):
            _plain_metavar(item)
        elif hasattr(item, "get_help_option") and "get_help_option" not in item.__dict__:
            item.get_help_option = _help_option_of(item)
    _typer_panel_words()
    _usage_word()


def _unwrap(text: str) -> str:
    """Typer's Rich help keeps a docstring's line breaks, so a sentence wrapped at the source's
    line length shows ragged in any other width. Join them; keep paragraphs, indented lines, lines
    after a colon or a trailing backslash, and lines that go on with a command (`|`, `--`, caretool)."""
    import re

    return re.sub(r"(?<![\\:\n])\n(?!\s|\||--|caretool\b)", " ", text)


def _plain_metavar(param: Any) -> None:
    if param.param_type_name == "argument":
        if param.metavar is None:
            param.metavar = param.name.upper()
        param.display_type_rich = _no_type  # the name says it: NAME, not NAME <str>
    elif param.metavar is None:
        long = max((o for o in param.opts if o.startswith("--")), key=len, default=param.name)
        param.metavar = "" if param.is_flag else long.lstrip("-").replace("-", "_").upper()


def _no_type(ctx: Any = None) -> None:
    return None


def _usage_word() -> None:
    """Typer's "Usage:" is fixed English (its copy of Click has no gettext): give it the catalogue's."""
    formatting = sys.modules.get("typer._click.formatting")
    if formatting is None or getattr(formatting.HelpFormatter.write_usage, "_translated", False):
        return
    english = formatting.HelpFormatter.write_usage

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        from caretool.core.messages import _

        english(self, prog, args, _("Usage:") + " " if prefix is None else prefix)

    write_usage._translated = True  # type: ignore[attr-defined]
    formatting.HelpFormatter.write_usage = write_usage


def _help_option_of(command: Any) -> Any:
    """The command's help option, translated and without a `<bool>` placeholder."""
    made = type(command).get_help_option

    def get_help_option(ctx: Any) -> Any:
        from caretool.core.messages import _

        option = made(command, ctx)
        if option is not None:
            option.metavar = ""
            option.help = _("Show this message and exit.")
        return option

    return get_help_option


def _typer_panel_words() -> None:
    """Typer reads its panel titles ("Options", "Commands") through gettext once, when its help
    module is first imported; a process that shows help again in another language (the tests)
    needs them read again. Not imported here when not yet loaded: loading it translates them."""
    rich_utils = sys.modules.get("typer.rich_utils")
    if rich_utils is None:
        return
    from caretool.core.messages import _

    for name, english in (("DEPRECATED_STRING", "(deprecated) "), ("DEFAULT_STRING", "[default: {}]"),
                          ("ENVVAR_STRING", "[env var: {}]"), ("REQUIRED_LONG_STRING", "[required]"),
                          ("ARGUMENTS_PANEL_TITLE", "Arguments"), ("OPTIONS_PANEL_TITLE", "Options"),
                          ("COMMANDS_PANEL_TITLE", "Commands"), ("ERRORS_PANEL_TITLE", "Error"),
                          ("ABORTED_TEXT", "Aborted."),
                          ("RICH_HELP", "Try [blue]'{command_path} {help_option}'[/] for help.")):
        setattr(rich_utils, name, _(english))


def wide_text_fix() -> None:
    """Rich wraps Korean text one cell too wide: a wrapped line keeps the space after its last word
    when it has fewer characters than cells (rich.text.Text.rstrip_end compares characters with
    cells), so a table cell shows "아니 …" for "아니면" at some widths. The fix counts cells. It is
    applied when rich.text is first imported (commands that print no table never load rich)."""
    text = sys.modules.get("rich.text")
    if text is not None:
        _fix_rstrip_end(text.Text)
    elif not any(isinstance(f, _WhenRichTextLoads) for f in sys.meta_path):
        sys.meta_path.insert(0, _WhenRichTextLoads())


def _fix_rstrip_end(cls: Any) -> None:
    if getattr(cls.rstrip_end, "_counts_cells", False):
        return
    import re

    trailing = re.compile(r"\s+$")

    def rstrip_end(self: Any, size: int) -> None:
        excess = self.cell_len - size
        if excess > 0:
            found = trailing.search(self.plain)
            if found is not None:
                self.right_crop(min(len(found.group(0)), excess))  # spaces are one cell each

    rstrip_end._counts_cells = True  # type: ignore[attr-defined]
    cls.rstrip_end = rstrip_end


class _WhenRichTextLoads:
    """An import hook that applies the fix above right after rich.text is loaded, then leaves."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        if name != "rich.text":
            return None
        sys.meta_path.remove(self)
        from importlib.util import find_spec

        spec = find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        loader_exec = spec.loader.exec_module

        def exec_module(module: Any) -> None:
            loader_exec(module)
            _fix_rstrip_end(module.Text)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def _help_holders(command: Any) -> Iterator[Any]:
    yield command
    yield from getattr(command, "params", [])
    for sub in getattr(command, "commands", {}).values():
        yield from _help_holders(sub)


def command_path(group: Any, argv: list[str]) -> str:
    """The command words in argv ("med due"), skipping options and the root options' values."""
    words: list[str] = []
    command, skip = group, False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--":
            break
        elif arg.startswith("-"):
            skip = not words and arg in ROOT_OPTIONS_WITH_VALUE
        elif arg in getattr(command, "commands", {}):
            words.append(arg)
            command = command.commands[arg]
        else:
            break
    return " ".join(words) or "today"


def plain_metavars(command: Any) -> None:
    """What an option's help says to type: its metavar, else its name in capitals (`--limit
    LIMIT`), nothing for a flag or an argument (whose name is shown already), never Typer's type
    placeholders such as <bool>, <str> or <list[str]> (issue 18 item 15)."""
    from types import SimpleNamespace

    names = SimpleNamespace(help_option_names=["-h", "--help"])
    for item in list(_help_holders(command)):
        if hasattr(item, "get_help_option"):  # made on first use and kept: make it now to fix it too
            item.get_help_option(names)
            item = getattr(item, "_help_option", None)
        kind = getattr(item, "param_type_name", None)  # Typer ships its own click: no isinstance
        if kind not in ("argument", "option") or item.__dict__.get("_plain_metavar"):
            continue
        item.__dict__["_plain_metavar"] = True
        if kind == "argument":
            item.display_type_rich = lambda ctx: None
        elif item.metavar is None:
            takes_value = not item.is_flag and not item.count
            item.metavar = (item.name or "value").upper() if takes_value else ""


def _json_wanted() -> bool:
    return "--json" in _ARGV[: _ARGV.index("--")] if "--" in _ARGV else "--json" in _ARGV


def _is_click_exception(exc: Exception) -> bool:
    return any(cls.__name__ in ("ClickException", "Exit", "Abort") for cls in type(exc).__mro__)


def _report(code: str, message: Message | str, hint: Message | str) -> None:
    from caretool.core.messages import render
    from caretool.core.text import safe

    if _json_wanted():
        from caretool.views.output import emit_json_error

        emit_json_error(code, message, hint)
        return
    line = (ERROR_LINE_HINT(message=message, hint=hint) if hint else ERROR_LINE(message=message))
    sys.stderr.write(safe(render(line)) + "\n")


def _version(value: bool) -> None:
    if value:
        from caretool import version
        sys.stdout.write(f"caretool {version()}\n")
        raise typer.Exit()


def root(
    ctx: typer.Context,
    home: Annotated[str | None, typer.Option(
        "--home", help="Data folder to use (default: $CARETOOL_HOME or your user data folder).",
        metavar="PATH")] = None,
    lang: Annotated[str | None, typer.Option(
        "--lang", help="Language: en or ko (default: CARETOOL_LANG, the household setting, your locale).",
        metavar="LANG")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print data as one JSON document.")] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="Plain output without colour.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for unexpected errors.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    from caretool.views.output import configure

    ctx.obj = common.State(home_option=home, json=json_out, debug=debug, language=LANGUAGE[0])
    configure(no_color=no_color)
    if ctx.invoked_subcommand is None:
        from caretool.cli.today import show_today

        show_today(ctx)


# Every top-level command: name -> (module in caretool.cli, attribute, is a group of commands).
# Only the module of the command being run is imported, which keeps start-up fast.
COMMANDS: dict[str, tuple[str, str, bool]] = {
    "init": ("setup", "init", False),
    "checkin": ("checkin", "checkin", False),
    "today": ("today", "today", False),
    "log": ("log", "log_app", True),
    "history": ("entries", "history", False),
    "edit": ("entries", "edit", False),
    "delete": ("entries", "delete", False),
    "undo": ("entries", "undo", False),
    "med": ("med", "med_app", True),
    "remind": ("remind", "remind_app", True),
    "phase": ("phase", "phase_app", True),
    "guide": ("guide", "guide_app", True),
    "burnout": ("burnout", "burnout", False),
    "selfcheck": ("burnout", "selfcheck", False),
    "report": ("report", "report", False),
    "export": ("transfer", "export", False),
    "import": ("transfer", "import_", False),
    "demo": ("demo", "demo", False),
    "caregiver": ("setup", "caregiver_app", True),
    "paths": ("setup", "paths", False),
    "backup": ("upkeep", "backup", False),
    "doctor": ("upkeep", "doctor", False),
    "config": ("config", "config_app", True),
    "rating": ("rating", "rating_app", True),
    "progress": ("progress", "progress", False),
    "contact": ("contact", "contact_app", True),
    "equipment": ("equipment", "equipment_app", True),
    "decisions": ("decisions", "decisions_app", True),
    "sheet": ("sheet", "sheet", False),
}


def build_app(only: str | None = None) -> typer.Typer:
    """The caretool app with every command, or with just `only` (a name from COMMANDS)."""
    from importlib import import_module

    built = typer.Typer(
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
        add_completion=True,  # --install-completion, --show-completion (issue 18 item 15)
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    built.callback()(root)
    for name, (module, attribute, group) in COMMANDS.items():
        if only and name != only:
            continue
        target = getattr(import_module(f"caretool.cli.{module}"), attribute)
        if group:
            built.add_typer(target, name=name)
        else:
            built.command(name)(target)
    return built


def _command_in(argv: list[str]) -> str | None:
    """The top-level command named in argv, skipping the root options (and their values)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ROOT_OPTIONS_WITH_VALUE:
            skip = True
        elif not arg.startswith("-"):
            return arg if arg in COMMANDS else None
        elif arg in ("-h", "--help", "--version"):
            return None
    return "today"  # `caretool` alone shows today's status


def __getattr__(name: str) -> Any:
    """`app` (every command) is built on first use, so `main` can build a smaller one."""
    if name == "app":
        built = globals()["app"] = build_app()
        return built
    raise AttributeError(name)


def main() -> None:
    import os

    # The shell's completion call names no command in argv (its words are in the environment):
    # it needs every command, while a normal run loads only the one it runs.
    completing = "_CARETOOL_COMPLETE" in os.environ
    only = None if completing else _command_in(sys.argv[1:])
    build_app(only)(prog_name="caretool")
