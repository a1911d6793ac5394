"""What can go wrong before the window opens, asked in plain words: another writer has the file
(look at it read-only, or quit), the file is on a network share (a warning), the file is damaged or
unreadable (restore the latest good backup, open another file, or quit)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop_app.lock import Holder
from desktop_app.text.isolate import ltr


def ask_read_only(holder: Holder | None) -> bool:
    """Another instance writes to the database: True to open it read-only, False to quit."""
    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("Startup", "Database in use"))
    who = QCoreApplication.translate("Startup", "on {machine} since {since}").format(
        machine=holder.machine, since=holder.since) if holder else ""  # fmt: skip
    box.setText(QCoreApplication.translate(
        "Startup", "This database is already open for writing {who}. Two programs writing to one file can lose data.").format(who=who))  # fmt: skip
    box.setInformativeText(
        QCoreApplication.translate("Startup", "You can open it to look (read-only), or quit.")
    )
    read_only = box.addButton(
        QCoreApplication.translate("Startup", "Open read-only"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QCoreApplication.translate("Startup", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is read_only


def warn_network_share(path: Path) -> None:
    QMessageBox.warning(
        None,
        QCoreApplication.translate("Startup", "Database on a network share"),
        QCoreApplication.translate(
            "Startup",
            "{path} is on a network share. SQLite's locking is not safe there and data can be lost when two "
            "computers use it. Keep the file on this computer, or move the office to a PostgreSQL server.",
        ).format(path=ltr(str(path))),
    )


def ask_recovery(parent: QWidget | None, path: Path, message: str, latest: Path | None) -> str | Path | None:
    """The database cannot be used. Returns "restore" (the latest good backup), the path of another
    database to open, or None to quit."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Startup", "The database cannot be used"))
    box.setText(message)
    restore = None
    if latest is not None:
        box.setInformativeText(QCoreApplication.translate(
            "Startup", "The latest good backup is {file}. Restoring it keeps a copy of the damaged file.").format(
                file=ltr(latest.name)))  # fmt: skip
        restore = box.addButton(
            QCoreApplication.translate("Startup", "Restore the latest backup"),
            QMessageBox.ButtonRole.AcceptRole,
        )
    else:
        box.setInformativeText(
            QCoreApplication.translate("Startup", "No good backup was found in the backup folder.")
        )
    other = box.addButton(
        QCoreApplication.translate("Startup", "Open another file…"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QCoreApplication.translate("Startup", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    if restore is not None and clicked is restore:
        return "restore"
    if clicked is other:
        chosen, _filter = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("Startup", "Open a database"), str(path.parent),
            QCoreApplication.translate("Startup", "Tashbeek databases (*.sqlite);;All files (*)"),
        )  # fmt: skip
        return Path(chosen) if chosen else None
    return None
