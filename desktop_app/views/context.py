"""What every screen shares: the open database, this machine's settings, a change bus, and the
gate every window action passes (`may`), which refuses a writer while the window is read-only.

Screens never hold a session or ORM objects; after a change they announce it on the bus
(`changed.emit("person")`) so every other screen refreshes itself (as Anki's operations do).
Which actions write is said once, in `desktop_app.access.WINDOW_ACTIONS`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.access import WINDOW_ACTIONS, Access
from desktop_app.config import MachineSettings
from desktop_app.db import Database


class DataBus(QObject):
    changed = Signal(str)  # entity name: "person", "organization", "training", "settings", "all"


class AppContext:
    def __init__(self, db: Database, settings: MachineSettings, language: str) -> None:
        self.db = db
        self.settings = settings
        self.language = language
        self.bus = DataBus()
        self.asked: set[str] = set()  # the actions that went through the gate (tests read it)

    def allows(self, action: str) -> bool:
        """Whether the action may run here: a reader always; a writer unless the window is read-only."""
        return WINDOW_ACTIONS[action] is Access.READER or not self.db.read_only

    def may(self, action: str, parent: QWidget | None = None) -> bool:
        """The gate at the start of every window action: False (after saying why) for a writer in a
        read-only window, before anything is asked or written."""
        self.asked.add(action)
        if self.allows(action):
            return True
        QMessageBox.information(
            parent,
            QCoreApplication.translate("AppContext", "Read-only"),
            QCoreApplication.translate(
                "AppContext",
                "This database is open read-only because another program is writing to it. Close that "
                "program, then open the database again to make changes.",
            ),
        )
        return False
