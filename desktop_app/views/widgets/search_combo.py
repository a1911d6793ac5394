"""A pick list that can be searched by typing, with the Arabic matching rules (احمد finds أحمد).

An editable QComboBox whose completer filters through a proxy model on folded text, so hamza,
ta marbuta and alef maqsura variants all match, and any word of an item may be typed first.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from desktop_app.text.arabic import fold_text
from desktop_app.views.widgets.roles import FOLDED_ROLE, RECORD_ID_ROLE


class _FoldedFilter(QSortFilterProxyModel):
    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []

    def set_query(self, text: str) -> None:
        self.words = fold_text(text).split()
        self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.words:
            return True
        folded = self.sourceModel().index(source_row, 0, source_parent).data(FOLDED_ROLE) or ""
        return all(word in folded for word in self.words)


class SearchableComboBox(QComboBox):
    """Items are (value, text); `value()` is the chosen value or None for the empty entry."""

    valueChanged = Signal(object)

    def __init__(self, empty_text: str = "—", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Long organization names must not force the form wider than its panel.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self._empty_text = empty_text
        self._items = QStandardItemModel(self)
        self.setModel(self._items)
        self._filter = _FoldedFilter()
        self._filter.setSourceModel(self._items)
        completer = QCompleter(self._filter, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self._edit().textEdited.connect(self._filter.set_query)
        completer.activated[QModelIndex].connect(self._picked)  # type: ignore[index]
        self.currentIndexChanged.connect(lambda _: self.valueChanged.emit(self.value()))
        self._edit().editingFinished.connect(self._settle)

    def _edit(self) -> QLineEdit:
        edit = self.lineEdit()  # an editable combo box always has one
        assert edit is not None
        return edit

    def set_items(self, items: Sequence[tuple[object, str]]) -> None:
        current = self.value()
        self.blockSignals(True)
        self._items.clear()
        for value, text in [(None, self._empty_text), *items]:
            item = QStandardItem(text)
            item.setData(value, RECORD_ID_ROLE)
            item.setData(fold_text(text), FOLDED_ROLE)
            self._items.appendRow(item)
        self.blockSignals(False)
        self.set_value(current)

    def value(self) -> object:
        index = self.currentIndex()
        return self.itemData(index, RECORD_ID_ROLE) if index >= 0 else None

    def set_value(self, value: object) -> None:
        for row in range(self._items.rowCount()):
            item = self._items.item(row)
            if item is not None and item.data(RECORD_ID_ROLE) == value:
                self.setCurrentIndex(row)
                break
        else:
            self.setCurrentIndex(0)
        self._edit().setCursorPosition(0)  # show the start of a long name, not its end

    def _picked(self, proxy_index: QModelIndex) -> None:
        source = self._filter.mapToSource(proxy_index)
        self.setCurrentIndex(source.row())
        self._filter.set_query("")

    def _settle(self) -> None:
        """Leaving the field with text that names no item puts back the current choice."""
        text = self._edit().text()
        match = self.findText(text)
        if match >= 0:
            self.setCurrentIndex(match)
        else:
            self._edit().setText(self.itemText(self.currentIndex()))
        self._filter.set_query("")
