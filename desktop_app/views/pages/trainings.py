"""Trainings: every training with its dates, venue, status, sessions and enrolment count.

Creating and editing trainings, enrolment and working groups arrive with the trainings update;
this screen already lists what the database holds (the demo programme, packages from venues).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import TashbeekError
from desktop_app.services.groups import assign_groups
from desktop_app.services.trainings import TrainingRow, list_trainings
from desktop_app.text.dates import format_date, format_range
from desktop_app.views import labels
from desktop_app.views.attendance_grid import AttendanceGridView, AttendanceModel
from desktop_app.views.context import AppContext
from desktop_app.views.errors import show_error
from desktop_app.views.pages.registry_base import ltr
from desktop_app.views.style import icon, label


class TrainingsPage(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("page")
        self.context = context
        self.rows: list[TrainingRow] = []
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Title"), self.tr("Dates"), self.tr("Venue"), self.tr("Status"), self.tr("Enrolled")]
        )
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(34)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.currentCellChanged.connect(lambda row, *_: self.show_training(row))
        self.title = label("", "sectionTitle", wrap=True)
        self.details = label("", "", wrap=True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        self.sessions = QTableWidget(0, 3)
        self.sessions.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Session"), self.tr("Time")])
        self.sessions.verticalHeader().hide()
        self.sessions.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.sessions.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty = label(self.tr("No trainings yet. Load the demo data from Home, or import a venue package."),
                           "emptyState", wrap=True)  # fmt: skip

        overview = QWidget()
        column = QVBoxLayout(overview)
        column.addWidget(self.title)
        column.addWidget(self.details)
        groups_row = QHBoxLayout()
        self.groups_button = QPushButton(icon("fa5s.users-cog"), self.tr("Assign working groups…"))
        self.groups_button.clicked.connect(self.assign_groups)
        groups_row.addWidget(self.groups_button)
        groups_row.addStretch(1)
        column.addLayout(groups_row)
        column.addWidget(label(self.tr("Sessions"), "sectionTitle"))
        column.addWidget(self.sessions, 1)
        column.addWidget(
            label(self.tr("Creating and editing trainings, and enrolment, come with the next update."),
                  "caption", wrap=True)
        )  # fmt: skip
        self.grid_model = AttendanceModel(context.db, context.language)
        self.grid = AttendanceGridView(self.grid_model)
        grid_page = QWidget()
        grid_column = QVBoxLayout(grid_page)
        grid_column.addWidget(
            label(self.tr("Space or double-click changes a cell; 1 present, 2 late, 3 excused, 0 absent."),
                  "caption", wrap=True)
        )  # fmt: skip
        grid_column.addWidget(self.grid, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(overview, self.tr("Overview and sessions"))
        self.tabs.addTab(grid_page, self.tr("Attendance"))
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.table.setMinimumHeight(120)  # header and at least two trainings stay visible
        splitter.addWidget(self.table)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        heading = QHBoxLayout()
        heading.addWidget(label(self.tr("Trainings"), "pageTitle"))
        heading.addStretch(1)
        layout.addLayout(heading)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)
        self.splitter = splitter
        self.refresh()

    def refresh(self) -> None:
        self.rows = list_trainings(self.context.db)
        statuses = labels.statuses()
        self.table.setRowCount(len(self.rows))
        for r, t in enumerate(self.rows):
            values = [t.title, format_range(t.start, t.end, self.context.language), t.venue or "",
                      statuses.get(t.status, t.status), str(t.enrolled)]  # fmt: skip
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        for c in range(5):
            stretch = c in (0, 2)  # title and venue share the width; the rest fit their contents
            header.setSectionResizeMode(
                c, QHeaderView.ResizeMode.Stretch if stretch else QHeaderView.ResizeMode.ResizeToContents
            )
        self.empty.setVisible(not self.rows)
        self.splitter.setVisible(bool(self.rows))
        if self.rows:
            self.table.selectRow(0)
            self.show_training(0)

    def show_training(self, row: int) -> None:
        if not 0 <= row < len(self.rows):
            return
        t = self.rows[row]
        self.grid_model.load(t.id)
        self.title.setText(t.title)
        lines = [
            self.tr("Organizer: {name}").format(name=t.organizer or "—"),
            self.tr("Venue: {venue}").format(venue=t.venue or "—"),
            self.tr("Enrolled: {count}").format(count=t.enrolled),
        ]
        self.details.setText("\n".join(lines))
        self.sessions.setRowCount(len(t.sessions))
        for r, s in enumerate(t.sessions):
            cancelled = f" ({self.tr('cancelled')})" if s.cancelled else ""
            self.sessions.setItem(
                r, 0, QTableWidgetItem(format_date(s.date, self.context.language, weekday=True))
            )
            self.sessions.setItem(r, 1, QTableWidgetItem((s.title or "") + cancelled))
            hours = ltr("–".join(x.strftime("%H:%M") for x in (s.start_time, s.end_time) if x))
            self.sessions.setItem(r, 2, QTableWidgetItem(hours))
        self.sessions.resizeColumnsToContents()
        self.sessions.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def current(self) -> TrainingRow | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else (self.rows[0] if self.rows else None)

    def assign_groups(self) -> None:
        training = self.current()
        if training is None:
            return
        count, ok = QInputDialog.getInt(
            self, self.tr("Working groups"), self.tr("How many working groups?"), 12, 1, 100
        )
        if not ok:
            return
        try:
            plan = assign_groups(self.context.db, training.id, count)
        except TashbeekError as exc:
            show_error(self, exc)
            return
        self.context.bus.changed.emit("training")
        QMessageBox.information(
            self, self.tr("Working groups"),
            self.tr("{people} participants were dealt into {groups} groups.").format(people=len(plan), groups=count),
        )  # fmt: skip

    def select_training(self, training_id: int) -> None:
        for r, t in enumerate(self.rows):
            if t.id == training_id:
                self.table.selectRow(r)
                self.show_training(r)

    def on_show(self) -> None:
        self.refresh()
