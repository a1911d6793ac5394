"""Form building blocks: dates, times and numbers that read left to right in any window, an optional
date, and a form whose fields show every service error inline at once."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from PySide6.QtCore import QDate, QEvent, Qt, QTime
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import ValidationError

_EMPTY = QDate(1900, 1, 1)
DATE_FORMAT = "yyyy-MM-dd"
TIME_FORMAT = "HH:mm"


def leading_alignment() -> Qt.AlignmentFlag:
    """The start of a line in the interface's direction (right in Arabic), for digits too: a field of
    digits decides its own direction from its text, so "leading" alone would put it on the left."""
    rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    return (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignAbsolute


SpinBox = TypeVar("SpinBox", bound=QAbstractSpinBox)


def number_box(box: SpinBox) -> SpinBox:
    """A spin box laid out like every other field of the form (arrows where a combo box has its
    arrow, the number at the start of the line); the number itself reads left to right."""
    box.setAlignment(leading_alignment() | Qt.AlignmentFlag.AlignVCenter)
    return box


def _apply_format(edit: QDateTimeEdit, display_format: str) -> None:
    """Qt reverses the sections of a date or time edit laid out right to left ("09:30" shows as
    "30:09"), although digits and their separators read left to right in Arabic text too. The format is
    set while the edit is left to right, then the edit goes back to the window's direction, so its
    arrow sits where a combo box's does and "09:30" stays "09:30"."""
    direction = QGuiApplication.layoutDirection()
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    QDateTimeEdit.setDisplayFormat(edit, display_format)
    edit.setLayoutDirection(direction)
    edit.setAlignment(leading_alignment() | Qt.AlignmentFlag.AlignVCenter)


class _Formatted:
    """The display format kept as given (Qt reports a reversed or empty one in right-to-left)."""

    _format = ""

    def setDisplayFormat(self, display_format: str) -> None:  # noqa: N802 (Qt's name)
        assert isinstance(self, QDateTimeEdit)
        self._format = display_format
        _apply_format(self, display_format)

    def displayFormat(self) -> str:  # noqa: N802 (Qt's name)
        return self._format

    def event(self, event: QEvent) -> bool:
        assert isinstance(self, QDateTimeEdit)
        handled = QDateTimeEdit.event(self, event)
        if event.type() == QEvent.Type.ApplicationLayoutDirectionChange:
            _apply_format(self, self._format)  # Qt has just set (and reversed) it again
        return bool(handled)


class DateEdit(_Formatted, QDateEdit):
    """A date such as 2026-11-28, with a calendar that names the months in the interface's language."""

    def __init__(self, value: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(DATE_FORMAT)
        self.setCalendarPopup(True)
        if value is not None:
            self.setDate(QDate(value.year, value.month, value.day))

    def value(self) -> dt.date:
        date = self.date()
        return dt.date(date.year(), date.month(), date.day())

    def set_value(self, value: dt.date) -> None:
        self.setDate(QDate(value.year, value.month, value.day))


class TimeEdit(_Formatted, QTimeEdit):
    """A time such as 09:30."""

    def __init__(self, value: dt.time | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(TIME_FORMAT)
        if value is not None:
            self.setTime(QTime(value.hour, value.minute))

    def value(self) -> dt.time:
        time = self.time()
        return dt.time(time.hour(), time.minute())

    def set_value(self, value: dt.time) -> None:
        self.setTime(QTime(value.hour, value.minute))


class OptionalDateEdit(DateEdit):
    """A date that may be left empty (shown as "—"); `date_value()` is a datetime.date or None."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(None, parent)
        self.setMinimumDate(_EMPTY)
        self.setSpecialValueText("—")
        self.setDate(_EMPTY)

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
        self.labels: dict[str, str] = {}  # each field's label, by name (a save conflict names them)
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
        self.labels[name] = label
        self.errors[name] = error
        return widget

    def show_error(self, name: str, message: str, focus: bool = True) -> bool:
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
        if focus:
            widget.setFocus()
        return True

    def show_errors(self, refused: ValidationError) -> list[ValidationError]:
        """Show every refused field's message beside it at once (the first one takes the focus);
        returns the problems the form has no field for, for the caller to show another way."""
        elsewhere: list[ValidationError] = []
        focused = False
        for problem in refused.problems:
            if self.show_error(problem.field, problem.message, focus=not focused):
                focused = True
            else:
                elsewhere.append(problem)
        return elsewhere

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
