"""Logging to a rotating file in the user's log folder: details of unexpected errors go there, never
to the user's screen as a traceback.

The log holds events, ids and exception types, never personal data: no names, phones, national IDs,
emails, search terms or SQL parameters. Exceptions are logged by type and the code they passed
through, without their message (which can quote a value); commands without their arguments' values.
The folder is the user's alone (0700) and so are the files (0600).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import traceback
from collections.abc import Iterable, Sequence
from pathlib import Path

from desktop_app import config

LOG_NAME = "tashbeek.log"
_configured: Path | None = None


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Every file it opens (the first one and each after a rotation) is readable by the owner only."""

    def _open(self):  # type: ignore[no-untyped-def]  # the base class leaves it untyped
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.chmod(self.baseFilename, 0o600)  # a file left by an older version was 0644
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)


def setup_logging() -> Path:
    """Attach the rotating file handler once; returns the log file's path."""
    global _configured
    if _configured is not None:
        return _configured
    path = config.log_dir() / LOG_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(path.parent, 0o700)
        handler: logging.Handler = _PrivateRotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("desktop_app")
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _configured = path
    return path


def exception_outline(error: BaseException) -> str:
    """An exception as the log keeps it: its type and the lines of code it went through, without
    its message or any value (a database error's message can quote a person's name)."""
    lines = [f"{type(error).__module__}.{type(error).__qualname__}"]
    for frame in traceback.extract_tb(error.__traceback__):
        lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
    cause = error.__cause__ or error.__context__
    if cause is not None and cause is not error:
        lines.append("caused by " + exception_outline(cause))
    return "\n".join(lines)


def command_outline(argv: Sequence[str], words: Iterable[str] = ()) -> str:
    """A command line as the log keeps it: command words and option names, every value replaced by
    "…" (a value can be a name, a phone number or a national ID)."""
    known = set(words)
    kept = []
    for arg in argv:
        if arg.startswith("-"):
            kept.append(arg.split("=", 1)[0] + ("=…" if "=" in arg else ""))
        elif arg in known:
            kept.append(arg)
        else:
            kept.append("…")
    return " ".join(kept)
