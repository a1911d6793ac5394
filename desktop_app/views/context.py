"""What every screen shares: the open database, this machine's settings, and a change bus.

Screens never hold a session or ORM objects; after a change they announce it on the bus
(`changed.emit("person")`) so every other screen refreshes itself (as Anki's operations do).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

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
