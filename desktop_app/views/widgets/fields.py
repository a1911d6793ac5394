"""Form building blocks: an optional date, and a form whose fields show service errors inline."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

_EMPTY = QDate(1900, 1, 1)


class OptionalDateEdit(QDateEdit):
    """A date that may be left empty (shown as "—"); `date_value()` is a datetime.date or None."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(_EMPTY)
        self.setSpecialValueText("—")
        self.setDate(_EMPTY)
        # Dates read left to right even in Arabic forms (2014-08-20).
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)

    def date_value(self) -> dt.date | None:
        value = self.date()
        if value == _EMPTY:
            return None
        return dt.date(value.year(), value.month(), value.day())

    def set_date_value(self, value: dt.date | None) -> None:
        self.setDate(_EMPTY if value is None else QDate(value.year, value.month, value.day))


class ErrorForm(QFormLayout):
    """A form layout where each field has a message line under it for its validation error."""

    def __init__(self) -> None:
        super().__init__()
        self.setLabelAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.setVerticalSpacing(6)
        self.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels go above fields when narrow
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}

    def add(self, name: str, label: str, widget: QWidget) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        self.addRow(label, box)
        self.fields[name] = widget
        self.errors[name] = error
        return widget

    def show_error(self, name: str, message: str) -> bool:
        """Show `message` beside field `name`; False when the form has no such field."""
        error = self.errors.get(name)
        if error is None:
            return False
        error.setText(message)
        error.show()
        widget = self.fields[name]
        widget.setProperty("invalid", True)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        widget.setFocus()
        return True

    def clear_errors(self) -> None:
        for name, error in self.errors.items():
            error.hide()
            widget = self.fields[name]
            if widget.property("invalid"):
                widget.setProperty("invalid", False)
                widget.style().unpolish(widget)
                widget.style().polish(widget)


def accept_cancel(
    dialog: QDialog, accept_text: str, cancel_text: str, on_accept: object = None
) -> QDialogButtonBox:
    """The usual pair at the bottom of a dialog: a primary action and Cancel."""
    buttons = QDialogButtonBox()
    accept = buttons.addButton(accept_text, QDialogButtonBox.ButtonRole.AcceptRole)
    accept.setObjectName("primary")
    buttons.addButton(cancel_text, QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(on_accept if callable(on_accept) else dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
