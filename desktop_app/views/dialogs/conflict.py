"""Shown when a form is saved over a record another station changed since the form opened it: the
fields either side changed, what each holds and who changed it; keep theirs, keep mine, or merge
field by field. Nothing is saved until the user chooses."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.views import labels
from desktop_app.views.style import label

THEIRS, MINE = "theirs", "mine"


class ConflictDialog(QDialog):
    """exec() answers Accepted (then `chosen()` holds the values to save) or Rejected (cancel:
    nothing saved, the form keeps the user's edits)."""

    def __init__(
        self,
        names: dict[str, str],
        base: dict[str, Any],
        theirs: dict[str, Any],
        mine: dict[str, Any],
        shown: Callable[[str, Any], str],
        by: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changed at another station"))
        self.setMinimumWidth(640)
        self.theirs, self.mine = theirs, mine
        # Every field either side changed since the form opened (a field only one side changed is
        # merged to that side's value; a field both changed is the user's to decide, mine by default).
        self.fields = [
            name for name in names if theirs.get(name) != base.get(name) or mine.get(name) != base.get(name)
        ]
        who = labels.joined(by) or "?"
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(
                self.tr("{who} changed this record after you opened it. Choose, field by field, what to keep:")
                .format(who=who),
                "sectionTitle",
                wrap=True,
            )
        )  # fmt: skip
        self.table = QTableWidget(len(self.fields), 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Theirs ({who})").format(who=who), self.tr("Yours"), self.tr("Keep")]
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.choices: dict[str, QComboBox] = {}
        for row, name in enumerate(self.fields):
            for column, text in enumerate((names[name], shown(name, theirs.get(name)), shown(name, mine.get(name)))):
                item = QTableWidgetItem(text or "—")
                item.setToolTip(text)
                self.table.setItem(row, column, item)
            choice = QComboBox()
            choice.addItem(self.tr("Theirs"), THEIRS)
            choice.addItem(self.tr("Mine"), MINE)
            choice.setCurrentIndex(1 if mine.get(name) != base.get(name) else 0)
            self.table.setCellWidget(row, 3, choice)
            self.choices[name] = choice
        self.table.resizeRowsToContents()
        # Every changed field in view without scrolling (a person has thirteen at most).
        rows = sum(self.table.rowHeight(row) for row in range(self.table.rowCount()))
        self.table.setMinimumHeight(min(rows + self.table.horizontalHeader().sizeHint().height() + 4, 560))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox()
        self.theirs_button = buttons.addButton(self.tr("Keep theirs"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.mine_button = buttons.addButton(self.tr("Keep mine"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button = buttons.addButton(self.tr("Save as chosen"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.theirs_button.clicked.connect(lambda: self._all(THEIRS))
        self.mine_button.clicked.connect(lambda: self._all(MINE))
        self.merge_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _all(self, side: str) -> None:
        for choice in self.choices.values():
            choice.setCurrentIndex(choice.findData(side))
        self.accept()

    def chosen(self) -> dict[str, Any]:
        """The values to save: theirs everywhere, except the fields where mine was chosen."""
        values = dict(self.theirs)
        for name, choice in self.choices.items():
            if choice.currentData() == MINE:
                values[name] = self.mine.get(name)
        return values
