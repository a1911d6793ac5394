"""Sections whose full screens arrive with later updates (Tools): each says
plainly what it will do, so nobody meets an empty page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QVBoxLayout, QWidget

from desktop_app.views.style import card, label


class ComingPage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("page")

    def build(self, title: str, intro: str, items: list[tuple[str, str, str]]) -> None:
        """items: (icon name, title, what it will do)."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(14)
        layout.addWidget(label(title, "pageTitle"))
        layout.addWidget(label(intro, "muted", wrap=True))
        grid = QGridLayout()
        grid.setSpacing(14)
        for n, (icon_name, item_title, text) in enumerate(items):
            frame, inner = card(icon_name, item_title)
            inner.addWidget(label(text, "", wrap=True))
            soon = label(self.tr("Coming in a next update"), "caption")
            inner.addWidget(soon, 0, Qt.AlignmentFlag.AlignTrailing)
            grid.addWidget(frame, n // 2, n % 2)
        layout.addLayout(grid)
        layout.addStretch(1)

    def on_show(self) -> None:
        pass

    def refresh(self) -> None:
        pass


class ToolsPage(ComingPage):
    def __init__(self) -> None:
        super().__init__()
        self.build(
            self.tr("Tools"),
            self.tr("Moving data in and out, keeping it clean and keeping it safe."),
            [
                (
                    "fa5s.file-excel",
                    self.tr("Import and export"),
                    self.tr(
                        "Bring people and organizations in from Excel or CSV, "
                        "and export lists and attendance."
                    ),
                ),
                (
                    "fa5s.clone",
                    self.tr("Duplicates"),
                    self.tr("Find people entered twice and merge them, keeping all their history."),
                ),
                (
                    "fa5s.history",
                    self.tr("Audit log"),
                    self.tr("Every change: who made it, when, and what it was before."),
                ),
                (
                    "fa5s.shield-alt",
                    self.tr("Backup and restore"),
                    self.tr("Automatic and manual backups, and restoring one."),
                ),
            ],
        )
