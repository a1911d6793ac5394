"""Registering someone on the spot: the walk-in form (name, organization, phone), and creating a
person only after the duplicate check."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from desktop_app.services import listing
from desktop_app.services.changes import Change, Kind
from desktop_app.services.duplicates import find_similar_people
from desktop_app.services.registry import PersonData, create_person
from desktop_app.views.context import AppContext
from desktop_app.views.dialogs.duplicate import DuplicateDialog
from desktop_app.views.dialogs.help import add_help
from desktop_app.views.widgets.fields import accept_cancel
from desktop_app.views.widgets.roles import SAVE_ANYWAY
from desktop_app.views.widgets.search_combo import SearchableComboBox


class WalkInDialog(QDialog):
    """Name, organization and phone of someone who came without registering."""

    def __init__(
        self, context: AppContext, name: str, parent: QWidget | None = None, *, accept_text: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Register a walk-in") if accept_text is None else self.tr("New person"))
        self.setMinimumWidth(460)
        self.full_name = QLineEdit(name)
        self.organization = SearchableComboBox("—")
        self.organization.set_items(listing.organization_choices(context.db))
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("01012345678")
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout(self)
        form.addRow(self.tr("Full name"), self.full_name)
        form.addRow(self.tr("Organization"), self.organization)
        form.addRow(self.tr("Mobile"), self.phone)
        form.addRow(self.error)
        buttons = accept_cancel(self, accept_text or self.tr("Register and check in"), self.tr("Cancel"))
        add_help(self, buttons, "person")
        form.addRow(buttons)

    def data(self) -> PersonData:
        org = self.organization.value()
        return PersonData(
            full_name=self.full_name.text(),
            phone=self.phone.text() or None,
            organization_id=org if isinstance(org, int) else None,
        )


NEW_PERSON = "new"  # the answer of choose_existing_person: none of the likenesses, register a new person


def choose_existing_person(context: AppContext, data: PersonData, parent: QWidget) -> int | str | None:
    """The duplicate check before registering someone: the id of an existing person the user chose
    instead, NEW_PERSON to register the new one, or None when the user cancelled."""
    matches = find_similar_people(context.db, data)
    if not matches:
        return NEW_PERSON
    dialog = DuplicateDialog(matches, parent)
    answer = dialog.exec()
    if answer == QDialog.DialogCode.Accepted and dialog.chosen is not None:
        return int(dialog.chosen)
    return NEW_PERSON if answer == SAVE_ANYWAY else None


def confirm_new_person(context: AppContext, data: PersonData, parent: QWidget) -> int | None:
    """Create a person after the duplicate check: the id of the new person, of an existing one the
    user chose instead, or None when the user cancelled. ValidationError goes to the caller."""
    answer = choose_existing_person(context, data, parent)
    if answer != NEW_PERSON:
        return answer if isinstance(answer, int) else None
    return context.call(
        parent, lambda db: create_person(db, data), changes=lambda pid: [Change(Kind.PERSON, pid)]
    )
