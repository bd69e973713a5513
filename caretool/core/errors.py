"""The one family of errors the CLI turns into a message and an exit code."""

from __future__ import annotations

from caretool.core.messages import Message, msg

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
EXIT_DATA = 3
EXIT_INTERRUPTED = 130


class CaretoolError(Exception):
    """An expected problem: a message, a hint saying how to fix it, an exit code.

    Both are Messages (an id and parameters), rendered in the user's language by the error
    boundary; the id is the error's `code` under --json.
    """

    exit_code = EXIT_FAILURE

    def __init__(self, message: Message | str, hint: Message | str = "") -> None:
        self.message = message if isinstance(message, Message) else _legacy(message)
        self.hint = hint if isinstance(hint, Message) or not hint else _legacy(hint)
        super().__init__(self.message.text)

    @property
    def code(self) -> str:
        return self.message.id


def _legacy(text: str) -> Message:
    """Plain text from code not yet moved to the catalogue (kept only while that move lasts)."""
    return Message("untranslated", text.replace("{", "{{").replace("}", "}}"))


class BadInput(CaretoolError):
    """The user typed something caretool cannot accept."""

    exit_code = EXIT_BAD_INPUT


class NotFound(BadInput):
    """A name or id the user gave does not match anything stored."""


class DataError(CaretoolError):
    """A data file is unreadable, from a newer version, locked or not writable."""

    exit_code = EXIT_DATA


class LockedError(DataError):
    """Another caretool process holds the write lock."""


NOT_SET_UP = msg("household.not-set-up", "no household is set up in {home}")
NOT_SET_UP_HINT = msg("household.not-set-up.hint",
                      "run `caretool init` first (or `caretool demo` to try a sample household)")


class NotSetUp(DataError):
    """The data home has no household yet."""

    def __init__(self, home: str) -> None:
        super().__init__(NOT_SET_UP(home=home), NOT_SET_UP_HINT)
