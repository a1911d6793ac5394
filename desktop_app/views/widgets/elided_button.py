"""A button whose long text ends in "…" when it is narrower than its text (the whole text is its
tooltip), so one long training title never makes a page wider than a 1024×600 screen."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QResizeEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

# Room beside the text: the icon, its spacing and the button's padding.
_AROUND_TEXT = 56


class ElidedButton(QPushButton):
    def __init__(self, icon: QIcon, text: str, parent: QWidget | None = None) -> None:
        super().__init__(icon, text, parent)
        self.full_text = text
        self.setToolTip(text)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_full_text(self, text: str) -> None:
        """Change the text (and tooltip), cut to the button's present width."""
        self.full_text = text
        self.setToolTip(text)
        room = max(40, self.width() - _AROUND_TEXT)
        self.setText(self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, room))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), 160), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        room = max(40, event.size().width() - _AROUND_TEXT)
        # Cut at the end of the text in its own reading direction (the logical end).
        self.setText(self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, room))
        super().resizeEvent(event)
