"""The one family of errors the CLI turns into a message and an exit code."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
EXIT_DATA = 3


class CaretoolError(Exception):
    """An expected problem: a message, a hint saying how to fix it, an exit code."""

    exit_code = EXIT_FAILURE

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


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


class NotSetUp(DataError):
    """The data home has no household yet."""

    def __init__(self, home: str) -> None:
        super().__init__(
            f"no household is set up in {home}",
            "run `caretool init` first (or `caretool demo` to try a sample household)",
        )
