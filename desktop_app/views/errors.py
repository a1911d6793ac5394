"""Unexpected errors: logged in full to the rotating log file, shown as a short Arabic message with
a "copy details" button — never as a traceback on screen."""

from __future__ import annotations

import logging
import sqlite3
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from sqlalchemy.exc import SQLAlchemyError

from desktop_app.errors import TashbeekError, database_problem, file_problem
from desktop_app.logs import exception_outline, setup_logging
from desktop_app.text.isolate import ltr

log = logging.getLogger("desktop_app.views")


def user_error(error: BaseException) -> TashbeekError | None:
    """The error as a sentence the user can act on (their own mistake, a file or a database file
    they can fix), or None for a bug."""
    if isinstance(error, TashbeekError):
        return error
    if isinstance(error, OSError):
        return file_problem(error)
    if isinstance(error, SQLAlchemyError | sqlite3.Error):
        return database_problem(error)
    return None


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """Show any exception: a user's mistake as its own message, a bug as a short apology + details."""
    known = user_error(error)
    if known is not None:
        QMessageBox.warning(parent, QCoreApplication.translate("Errors", "Tashbeek"), known.message)
        return
    details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    log_path = setup_logging()
    log.error("unexpected error: %s", exception_outline(error))
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Errors", "Something went wrong"))
    box.setText(
        QCoreApplication.translate("Errors", "Something unexpected went wrong. Your saved data is safe.")
        + "\n"
        + QCoreApplication.translate("Errors", "The details were written to the log file: {path}").format(
            path=ltr(str(log_path))  # a path reads left to right inside the Arabic sentence
        )
    )
    copy = QPushButton(QCoreApplication.translate("Errors", "Copy details"))
    box.addButton(copy, QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Ok)
    copy.clicked.disconnect()
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    box.exec()


def install_exception_hook() -> None:
    """Route uncaught exceptions in Qt slots to show_error (instead of a console traceback)."""
    setup_logging()

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        value.__traceback__ = tb
        show_error(QApplication.activeWindow(), value)

    sys.excepthook = hook
