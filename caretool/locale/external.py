"""Words Typer's help screens translate through gettext's global domain (typer/rich_utils.py),
listed so the catalogue carries them. Never imported: the extractor reads this file."""

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
)
