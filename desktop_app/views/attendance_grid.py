"""The attendance grid: enrolled people × sessions, edited by keyboard or mouse.

Each cell is present / late / absent / excused (empty means absent); totals per session in the
last row and per person in the share column; "eligible" shows — for roles other than participant.
A change is written at once as a new status with its time (never a deletion).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from desktop_app.enums import AttendanceStatus
from desktop_app.services.attendance import Grid, GridRow, attendance_grid, set_session_status, set_status
from desktop_app.services.changes import Change, Kind
from desktop_app.services.workspace import Database
from desktop_app.text.dates import format_date
from desktop_app.views import labels
from desktop_app.views.context import AppContext
from desktop_app.views.style import AMBER, GREEN, MUTED

Index = QModelIndex | QPersistentModelIndex
CYCLE = ["present", "late", "excused", "absent"]
# Digits are the same on Arabic and Latin keyboard layouts (letters are not).
KEYS = {Qt.Key.Key_1: "present", Qt.Key.Key_2: "late", Qt.Key.Key_3: "excused", Qt.Key.Key_0: "absent",
        Qt.Key.Key_Delete: "absent", Qt.Key.Key_Backspace: "absent"}  # fmt: skip


def status_names() -> dict[str, str]:
    """A mark's word in a cell (the words of `labels.statuses`); an absent cell stays empty."""
    words = labels.statuses()
    return {"present": words["present"], "late": words["late"], "absent": "", "excused": words["excused"]}


class AttendanceModel(QAbstractTableModel):
    FIXED = 2  # name, role

    def __init__(self, context: AppContext, owner: QWidget | None = None) -> None:
        super().__init__()
        # The context, not its database: a restore swaps the database under the window.
        self.context = context
        self.owner = owner  # the screen whose work the grid's edits are (it updates itself)
        self.language = context.language
        self.training_id: int | None = None
        self.grid: Grid | None = None
        self.group: int | None = None  # show one working group only (None: everyone)
        self.rows: list[GridRow] = []  # the grid's rows shown
        self.names = status_names()
        # The window's gate for "attendance.edit" (AppContext.may), set by the page that shows the grid.
        self.may: Callable[[str], bool] = lambda _action: True

    def load(self, training_id: int | None) -> None:
        self.beginResetModel()
        self.training_id = training_id
        self.grid = attendance_grid(self.context.db, training_id) if training_id is not None else None
        self._filter()
        self.endResetModel()

    def _filter(self) -> None:
        rows = self.grid.rows if self.grid else ()
        self.rows = [r for r in rows if self.group is None or r.working_group == self.group]

    def show_group(self, group: int | None) -> None:
        """Only the people of one working group (None: everyone), e.g. to tick a group's table."""
        self.beginResetModel()
        self.group = group
        self._filter()
        self.endResetModel()

    def groups(self) -> list[int]:
        return sorted({r.working_group for r in self.grid.rows if r.working_group}) if self.grid else []

    def _sessions(self) -> int:
        return len(self.grid.sessions) if self.grid else 0

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.grid else len(self.rows) + 1  # + totals

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.grid else self.FIXED + self._sessions() + 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole or not self.grid:
            return None
        if section == 0:
            return QCoreApplication.translate("AttendanceGrid", "Name")
        if section == 1:
            return QCoreApplication.translate("AttendanceGrid", "Role")
        if section < self.FIXED + self._sessions():
            return format_date(self.grid.sessions[section - self.FIXED][1], self.language)
        return (
            QCoreApplication.translate("AttendanceGrid", "Attended")
            if section == self.FIXED + self._sessions()
            else QCoreApplication.translate("AttendanceGrid", "Eligible")
        )

    def session_column(self, column: int) -> int | None:
        n = column - self.FIXED
        return n if self.grid and 0 <= n < len(self.grid.sessions) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not self.grid:
            return None
        grid, r, c = self.grid, index.row(), index.column()
        s = self.session_column(c)
        if r == len(self.rows):  # totals (of the rows shown)
            if role == Qt.ItemDataRole.DisplayRole:
                if c == 0:
                    return QCoreApplication.translate("AttendanceGrid", "Present per session")
                if s is not None:
                    session_id = grid.sessions[s][0]
                    return str(sum(1 for row in self.rows if row.statuses.get(session_id) in ("present", "late")))
            if role == Qt.ItemDataRole.FontRole:
                from PySide6.QtGui import QFont

                font = QFont()
                font.setBold(True)
                return font
            return None
        row = self.rows[r]
        if role == Qt.ItemDataRole.DisplayRole:
            if c == 0:
                return row.name
            if c == 1:
                return labels.roles().get(row.role, row.role) + (
                    f" · {labels.statuses()['withdrawn']}" if row.status == "withdrawn" else ""
                )
            if s is not None:
                return self.names[row.statuses[grid.sessions[s][0]]]
            if c == self.FIXED + len(grid.sessions):
                return f"{round(row.share * 100)}%"
            return "—" if row.role != "participant" else ("✓" if row.eligible else "✗")
        if role == Qt.ItemDataRole.ForegroundRole and s is not None:
            status = row.statuses[grid.sessions[s][0]]
            return QBrush(QColor({"present": GREEN, "late": AMBER}.get(status, MUTED)))
        if role == Qt.ItemDataRole.TextAlignmentRole and c >= self.FIXED:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and s is not None:
            return QCoreApplication.translate("AttendanceGrid", "1 present · 2 late · 3 excused · 0 absent")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def set_cell(self, index: Index, status: str) -> None:
        if not self.grid or index.row() >= len(self.rows):
            return
        if not self.may("attendance.edit"):
            return
        s = self.session_column(index.column())
        if s is None:
            return
        row = self.rows[index.row()]
        session_id = self.grid.sessions[s][0]
        if row.statuses[session_id] == status:
            return
        training_id, enrollment_id = self.training_id, row.enrollment_id

        def work(db: Database) -> Grid | None:
            set_status(db, enrollment_id, session_id, AttendanceStatus(status))
            return attendance_grid(db, training_id) if training_id is not None else None

        self.grid = self.context.call(self.owner, work, changes=[Change(Kind.ATTENDANCE, training_id)])
        self._filter()  # the same people: only their marks changed
        self.dataChanged.emit(
            self.index(index.row(), 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
        )

    def set_column(self, column: int, status: str) -> int:
        """Every person shown (a working group, or everyone) gets `status` in this session's column."""
        s = self.session_column(column)
        if not self.grid or s is None or not self.may("attendance.edit"):
            return 0
        session_id, training_id = self.grid.sessions[s][0], self.training_id
        enrollment_ids = [r.enrollment_id for r in self.rows]

        def work(db: Database) -> tuple[int, Grid | None]:
            changed = set_session_status(db, session_id, enrollment_ids, AttendanceStatus(status))
            return changed, attendance_grid(db, training_id) if training_id is not None else None

        changed, self.grid = self.context.call(self.owner, work, changes=[Change(Kind.ATTENDANCE, training_id)])
        self._filter()
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
        return changed

    def cycle(self, index: Index) -> None:
        if not self.grid or index.row() >= len(self.rows):
            return
        s = self.session_column(index.column())
        if s is None:
            return
        current = self.rows[index.row()].statuses[self.grid.sessions[s][0]]
        self.set_cell(index, CYCLE[(CYCLE.index(current) + 1) % len(CYCLE)])


class AttendanceGridView(QTableView):
    """Space or a double-click cycles a cell; 1, 2, 3 and 0 (or Delete) set it directly."""

    def __init__(self, model: AttendanceModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.grid_model = model
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(32)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setResizeContentsPrecision(50)
        # The names take the spare width: no dead grey area beside the columns on a wide screen (set
        # again whenever the grid is reloaded: a model reset forgets a section's mode).
        model.modelReset.connect(self._stretch_names)
        self._stretch_names()
        self.doubleClicked.connect(model.cycle)
        # A session's header: right-click to mark the whole column for everyone shown.
        header = self.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)

    def _stretch_names(self) -> None:
        if self.grid_model.columnCount() > 0:
            self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _column_menu(self, at: QPoint) -> None:
        column = self.horizontalHeader().logicalIndexAt(at)
        if self.grid_model.session_column(column) is None:
            return
        menu = QMenu(self)
        for status, text in (
            ("present", QCoreApplication.translate("AttendanceGrid", "Everyone shown: present")),
            ("absent", QCoreApplication.translate("AttendanceGrid", "Everyone shown: absent")),
        ):
            action = menu.addAction(text)
            action.triggered.connect(partial(self.grid_model.set_column, column, status))
        menu.exec(self.horizontalHeader().mapToGlobal(at))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if index.isValid() and event.key() == Qt.Key.Key_Space:
            self.grid_model.cycle(index)
            return
        status = KEYS.get(Qt.Key(event.key()))
        if index.isValid() and status is not None:
            self.grid_model.set_cell(index, status)
            # Like ticking a paper list: the next person's cell in the same session is next.
            below = self.grid_model.index(index.row() + 1, index.column())
            if below.isValid() and event.key() not in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.setCurrentIndex(below)
            return
        super().keyPressEvent(event)
