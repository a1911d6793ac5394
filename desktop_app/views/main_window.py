"""The main window. For now a start page that shows the open database and its contents; the
navigation, lists and forms arrive with the "Main window" issue."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from desktop_app.db import Database


class MainWindow(QMainWindow):
    def __init__(self, db: Database, counts: dict[str, int]) -> None:
        super().__init__()
        self.db = db
        self.setWindowTitle(self.tr("Tashbeek"))
        self.resize(1280, 800)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.setSpacing(16)
        title = QLabel(self.tr("Tashbeek"))
        font = title.font()
        font.setPointSize(28)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        summary = QLabel(
            self.tr("Organizations: {orgs} · People: {people} · Trainings: {trainings}").format(
                orgs=counts.get("organizations", 0),
                people=counts.get("people", 0),
                trainings=counts.get("trainings", 0),
            )  # fmt: skip
        )
        layout.addWidget(summary)
        layout.addStretch(1)
        self.statusBar().showMessage(self.tr("Database: {path}").format(path=db.display_name()))
        self.setCentralWidget(page)
        page.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if self.isRightToLeft() else Qt.LayoutDirection.LeftToRight
        )
