"""Table models fed by the services a page at a time, so lists of 100,000 rows open at once.

The view asks for more rows as it scrolls (canFetchMore/fetchMore); sorting by a header reloads
from the first page with the service's ORDER BY. Views get plain rows, never ORM objects.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.services.listing import PAGE_SIZE

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    title: str
    value: Callable[[Any], str]
    sort_key: str | None = None  # the service's sort name; None: not sortable
    numeric: bool = False


Fetch = Callable[[int, int, str | None, bool], Sequence[Any]]


class LazyTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], fetch: Fetch, count: Callable[[], int]) -> None:
        super().__init__()
        self.columns = list(columns)
        self._fetch = fetch
        self._count = count
        self.rows: list[Any] = []
        self.total = 0
        self.sort_key: str | None = None
        self.descending = False

    # -- loading
    def reload(self) -> None:
        self.beginResetModel()
        self.total = self._count()
        self.rows = list(self._fetch(0, PAGE_SIZE, self.sort_key, self.descending))
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = list(self._fetch(len(self.rows), PAGE_SIZE, self.sort_key, self.descending))
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column].sort_key if 0 <= column < len(self.columns) else None
        if key is None:
            return
        self.sort_key = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    # -- reading
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.value(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignCenter if column.numeric else Qt.AlignmentFlag.AlignLeading
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def row_id(self, row: int) -> int | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    def row_of(self, row_id: int) -> int | None:
        """The row showing `row_id` among those loaded so far."""
        for n, row in enumerate(self.rows):
            if row.id == row_id:
                return n
        return None
