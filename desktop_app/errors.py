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
    """A field's value is refused; `field` names it so a form can show the message beside it.

    `problems` lists every field refused by the same check (itself alone when there was one), so a
    form shows them all at once; `field` and the first line of `message` are the first one's."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.problems: list[ValidationError] = [self]

    @classmethod
    def of(cls, problems: list[ValidationError]) -> ValidationError:
        """One error for several refused fields (at least one)."""
        if len(problems) == 1:
            return problems[0]
        error = cls(problems[0].field, "\n".join(p.message for p in problems))
        error.problems = list(problems)
        return error


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


class OutputExistsError(TashbeekError):
    """An output file is already there: nothing replaces a file unless the user said so."""

    def __init__(self, message: str, path: object) -> None:
        super().__init__(message)
        self.path = path


def file_problem(error: OSError, path: object = None) -> TashbeekError:
    """A file system failure (missing file, folder given for a file, no permission, full disk…) as one
    sentence saying what is wrong and what to do, with the exit code the command line documents.

    The sentence names the file; `path` stands in when the error itself carries no file name."""
    import errno

    from desktop_app.i18n import _

    name = str(error.filename if error.filename is not None else (path if path is not None else ""))
    code = error.errno
    if isinstance(error, FileNotFoundError) or code == errno.ENOENT:
        return NotFoundError(
            _("{path} does not exist (or its folder does not): check the name and the folder.").format(path=name)
        )
    if isinstance(error, IsADirectoryError) or code == errno.EISDIR:
        return DataError(_("{path} is a folder, not a file: give the name of a file.").format(path=name))
    if isinstance(error, NotADirectoryError) or code == errno.ENOTDIR:
        return DataError(_("{path}: part of this path is a file, not a folder: check the path.").format(path=name))
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return DataError(
            _("The disk is full: {path} could not be written. Free some space or choose another disk; nothing was changed.")
            .format(path=name)
        )  # fmt: skip
    if code == errno.EROFS:
        return DataError(_("{path} is on a disk that cannot be written to: choose another place.").format(path=name))
    if isinstance(error, PermissionError) or code in (errno.EACCES, errno.EPERM):
        return DataError(
            _("You are not allowed to use {path}: choose another file or folder, or ask whoever manages this computer.")
            .format(path=name)
        )  # fmt: skip
    if code == errno.ENAMETOOLONG:
        return DataError(_("The name {path} is too long: choose a shorter one.").format(path=name))
    return DataError(
        _("{path} could not be used ({reason}): check the file and try again.").format(
            path=name, reason=error.strerror or type(error).__name__
        )
    )


def database_problem(error: BaseException) -> TashbeekError | None:
    """SQLite's own failures that a user can cause (a read-only, damaged or full database file) as a
    sentence saying what to do; None for anything else (a bug, to be logged)."""
    from desktop_app.i18n import _

    text = str(getattr(error, "orig", None) or error).lower()
    if "readonly" in text.replace(" ", "").replace("-", "") or "read-only" in text:
        return DataError(
            _("The database file cannot be written to (it is read-only, or on a read-only disk): nothing was changed. "
              "Copy it somewhere you can write, or check its permissions.")
        )  # fmt: skip
    if "malformed" in text or "not a database" in text or "file is encrypted" in text:
        return DataError(
            _("The database is damaged: nothing was changed. Restore the latest good backup (`tashbeek restore`).")
        )
    if "disk is full" in text or "disk full" in text:
        return DataError(_("The disk is full: the change was not saved. Free some space and try again."))
    if "unable to open database" in text:
        return DataError(
            _("The database file cannot be opened: check that it exists and that you may read and write it.")
        )
    return None
