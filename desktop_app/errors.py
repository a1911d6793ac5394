"""Typed errors shared by every layer (text, services, CLI, views).

Each error carries a message already translated into the user's language, and maps to
one CLI exit code, so the CLI and the window treat them the same way.
"""

from __future__ import annotations


class TashbeekError(Exception):
    """Base of every error a user can cause; never shown as a traceback."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(TashbeekError):
    """A field's value is refused; `field` names it so a form can show the message beside it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class DataError(TashbeekError):
    """The data or a file is refused as a whole (damaged file, newer schema, refused import)."""


class NotFoundError(TashbeekError):
    """The one thing a command needs does not exist (person, training, code, file)."""

    exit_code = 3


class AmbiguousError(TashbeekError):
    """Several records match where exactly one was needed."""

    exit_code = 4

    def __init__(self, message: str, matches: list[object] | None = None) -> None:
        super().__init__(message)
        self.matches = matches or []


class Cancelled(TashbeekError):
    """Long work stopped because the user pressed Cancel; nothing it started is kept."""

    def __init__(self, message: str = "Cancelled") -> None:
        super().__init__(message)
