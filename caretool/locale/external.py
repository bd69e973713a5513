"""Words Typer shows that caretool does not write itself: help screens and the help option. Typer
translates its panel titles through gettext's global functions (typer/rich_utils.py, typer/core.py),
which caretool/core/messages.py points at caretool's catalogue; they are listed here so the catalogue
carries them. Never imported: the extractor reads this file."""

from caretool.core.messages import N_

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
    N_("Install completion for the current shell."),
    N_("Show completion for the current shell, to copy it or customize the installation."),
    N_("Install completion for the specified shell."),
    N_("Show completion for the specified shell, to copy it or customize the installation."),
)

# Typer's copy of Click writes these in fixed English; cli/root.py puts the catalogue's in their place
# (the usage line's prefix, the help option's help). Its usage errors are messages in cli/root.py.
CLICK = (
    N_("Usage:"),
    N_("Show this message and exit."),
)
