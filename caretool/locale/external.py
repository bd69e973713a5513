"""Words Typer and Click show that caretool does not write itself: help screens, the help option,
usage errors. They translate them through gettext's global functions (typer/rich_utils.py,
typer/core.py, click/*.py), which caretool/core/messages.py points at caretool's catalogue; they are
listed here so the catalogue carries them. Never imported: the extractor reads this file."""

from caretool.core.messages import N_, n_

TYPER = (
    N_("Arguments"),
    N_("Options"),
    N_("Commands"),
    N_("Error"),
    N_("Aborted."),
    N_("Aborted!"),
    N_("[default: {}]"),
    N_("[env var: {}]"),
    N_("[required]"),
    N_("(deprecated) "),
    N_("Try [blue]'{command_path} {help_option}'[/] for help."),
    N_("Missing command."),
    N_("No such command {name!r}."),
)

CLICK = (
    N_("Usage:"),
    N_("Show this message and exit."),
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("No such option {name!r}."),
    N_("Option {name!r} does not take a value."),
    N_("Invalid value: {message}"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    n_("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", 2),
    n_("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})", 2),
    n_("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments.", 2),
    n_("{value!r} is not {choice}.", "{value!r} is not one of {choices}.", 2),
)
