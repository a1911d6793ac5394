"""Shown before saving a person who looks like someone already in the registry: open the existing
record, save anyway, or cancel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop_app.views import labels
from desktop_app.views.style import label
from desktop_app.views.widgets.roles import RECORD_ID_ROLE, SAVE_ANYWAY

if TYPE_CHECKING:  # only named: the duplicates service declares the ORM classes, kept off the start path
    from desktop_app.services.duplicates import SimilarPerson


class DuplicateDialog(QDialog):
    """exec() answers Accepted with `chosen` (open that record), SAVE_ANYWAY, or Rejected."""

    def __init__(self, matches: list[SimilarPerson], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Possible duplicate"))
        self.setMinimumWidth(520)
        self.chosen: int | None = None
        rules = {
            "phone": self.tr("same phone number"),
            "national_id": self.tr("same national ID"),
            "email": self.tr("same email"),
            "name_organization": self.tr("same name and organization"),
            "transliteration": self.tr("same name in Latin letters"),
        }
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(self.tr("This person may already be in the registry:"), "sectionTitle", wrap=True)
        )
        self.list = QListWidget()
        for match in matches:
            why = labels.joined([rules.get(rule, rule) for rule in match.rules])
            text = f"{match.name} — {match.organization or '—'} ({why})"
            item = QListWidgetItem(text)
            item.setData(RECORD_ID_ROLE, match.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox()
        self.open_button = buttons.addButton(
            self.tr("Open the existing record"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button = buttons.addButton(self.tr("Save anyway"), QDialogButtonBox.ButtonRole.ApplyRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button.clicked.connect(self._open)
        self.save_button.clicked.connect(lambda: self.done(SAVE_ANYWAY))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _open(self) -> None:
        item = self.list.currentItem()
        self.chosen = item.data(RECORD_ID_ROLE) if item else None
        self.accept()
