"""Trainings: every training with its dates, venue, status, sessions and enrolment count.

Creating and editing trainings, enrolment and working groups arrive with the trainings update;
this screen already lists what the database holds (the demo programme, packages from venues).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import clock
from desktop_app.errors import TashbeekError
from desktop_app.services.changes import Change, Kind
from desktop_app.services.groups import assign_groups
from desktop_app.services.network import new_links_of
from desktop_app.services.trainings import (
    SessionRef,
    TrainingRow,
    list_trainings,
    remove_session,
    session_has_attendance,
    update_enrollment,
)
from desktop_app.text.dates import format_date, format_range
from desktop_app.text.isolate import ltr
from desktop_app.views import labels
from desktop_app.views.attendance_grid import AttendanceGridView, AttendanceModel
from desktop_app.views.context import AppContext
from desktop_app.views.errors import show_error
from desktop_app.views.style import icon, label
from desktop_app.views.training_dialogs import AddPeopleDialog, SessionDialog, TrainingDialog
from desktop_app.views.widgets.fields import number_box
from desktop_app.views.widgets.scrolling import scrolled


class TrainingsPage(QWidget):
    # What this screen shows: it refreshes when one of these changes (MainWindow dispatches).
    WATCHES = frozenset({Kind.TRAINING, Kind.PERSON, Kind.ORGANIZATION, Kind.ATTENDANCE, Kind.CERTIFICATE})

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
        # Cut at the end of the text in its reading direction; the whole text is in the tooltip.
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
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
        sessions_row = QHBoxLayout()
        sessions_row.addWidget(label(self.tr("Sessions"), "sectionTitle"))
        sessions_row.addStretch(1)
        for text, slot in (
            (self.tr("Add session"), self.add_session),
            (self.tr("Edit session"), self.edit_session),
            (self.tr("Remove session"), self.remove_session),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            sessions_row.addWidget(button)
        column.addLayout(sessions_row)
        self.sessions.setMinimumHeight(150)  # a header and three sessions, whatever the window's height
        column.addWidget(self.sessions, 1)
        self.sessions.doubleClicked.connect(lambda _: self.edit_session())
        self.sessions.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        column.addWidget(
            label(self.tr("Removing a session that has attendance cancels it instead: it is kept, hidden."),
                  "caption", wrap=True)
        )  # fmt: skip
        self.grid_model = AttendanceModel(context, self)
        self.grid_model.may = lambda action: context.may(action, self)
        self.grid = AttendanceGridView(self.grid_model)
        grid_page = QWidget()
        grid_column = QVBoxLayout(grid_page)
        tools_row = QHBoxLayout()
        # The keys on the same line as the tools (a line more for the grid at 1024×600); cut with "…"
        # when narrow, whole in the tooltip.
        keys = label(self.tr("Space or double-click changes a cell; 1 present, 2 late, 3 excused, 0 absent; "
                             "right-click a session's heading to mark everyone shown."), "caption", elide=True)  # fmt: skip
        tools_row.addWidget(label(self.tr("Working group"), "muted"))
        self.group_filter = QComboBox()
        self.group_filter.currentIndexChanged.connect(
            lambda _i: self.grid_model.show_group(self.group_filter.currentData())
        )
        tools_row.addWidget(self.group_filter)
        tools_row.addWidget(keys, 1)
        self.mark_column_button = QPushButton(
            icon("fa5s.check-double"), self.tr("Everyone shown present in this session")
        )
        self.mark_column_button.setToolTip(self.tr("Marks the session of the selected cell for everyone listed."))
        self.mark_column_button.clicked.connect(self.mark_column_present)
        tools_row.addWidget(self.mark_column_button)
        grid_column.addLayout(tools_row)
        grid_column.addWidget(self.grid, 1)
        self.tabs = QTabWidget()
        # On a small screen the overview scrolls rather than squeezing its sessions table to a line.
        self.tabs.addTab(scrolled(overview), self.tr("Overview and sessions"))
        self.tabs.addTab(grid_page, self.tr("Attendance"))
        self.tabs.addTab(self._enrolment_page(), self.tr("Enrolled people"))
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
        self.when = QComboBox()
        for key, text in (
            ("all", self.tr("All trainings")),
            ("upcoming", self.tr("Upcoming")),
            ("running", self.tr("Running now")),
            ("past", self.tr("Past")),
        ):
            self.when.addItem(text, key)  # fmt: skip
        self.when.currentIndexChanged.connect(lambda _: self.refresh())
        heading.addWidget(self.when)
        heading.addStretch(1)
        self.edit_button = QPushButton(icon("fa5s.edit"), self.tr("Edit training"))
        self.edit_button.clicked.connect(self.edit_training)
        self.new_button = QPushButton(icon("fa5s.plus", "white"), self.tr("New training"))
        self.new_button.setObjectName("primary")
        self.new_button.setToolTip(self.tr("New training") + " (Ctrl+N)")
        self.new_button.clicked.connect(self.new_training)
        heading.addWidget(self.edit_button)
        heading.addWidget(self.new_button)
        layout.addLayout(heading)
        shortcut = QShortcut(QKeySequence("Ctrl+N"), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(self.new_training)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)
        self.splitter = splitter
        self.refresh()

    def refresh(self) -> None:
        today = clock.today()
        when = self.when.currentData()
        keep: Callable[[TrainingRow], bool] = {
            "upcoming": lambda t: t.start > today,
            "running": lambda t: t.start <= today <= t.end,
            "past": lambda t: t.end < today,
        }.get(when, lambda t: True)
        self.rows = [t for t in list_trainings(self.context.db) if keep(t)]
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
            self.table.setCurrentCell(0, 0)
            self.show_training(0)

    def show_training(self, row: int) -> None:
        if not 0 <= row < len(self.rows):
            return
        t = self.rows[row]
        self.shown = row
        self.grid_model.load(t.id)
        self._fill_groups()
        self._fill_enrolments()
        self.title.setText(t.title)
        lines = [
            self.tr("Organizer: {name}").format(name=t.organizer or "—"),
            self.tr("Venue: {venue}").format(venue=t.venue or "—"),
            self.tr("Enrolled: {count}").format(count=t.enrolled),
        ]
        # What a networking programme is measured by: the pairs of organizations it connected first.
        links = new_links_of(self.context.db, t.id)
        if links.took_part:
            lines.append(self.tr("This programme created {n} new links between {m} organizations.").format(
                n=links.links, m=links.organizations))  # fmt: skip
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

    # -- trainings and sessions
    def new_training(self) -> None:
        if not self.context.may("training.new", self):
            return
        dialog = TrainingDialog(self.context, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_id is not None:
            self._changed(dialog.result_id)

    def edit_training(self) -> None:
        if not self.context.may("training.edit", self):
            return
        training = self.current()
        if training is None:
            return
        dialog = TrainingDialog(self.context, training, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._changed(training.id)

    def _changed(self, training_id: int) -> None:
        # The work that changed it has announced the change to the other screens.
        self.refresh()
        self.select_training(training_id)

    def _selected_session(self) -> SessionRef | None:
        training, row = self.current(), self.sessions.currentRow()
        return training.sessions[row] if training and 0 <= row < len(training.sessions) else None

    def add_session(self) -> None:
        if not self.context.may("session.edit", self):
            return
        training = self.current()
        if training is None:
            return
        dialog = SessionDialog(self.context, training.id, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._changed(training.id)

    def edit_session(self) -> None:
        if not self.context.may("session.edit", self):
            return
        training, chosen = self.current(), self._selected_session()
        if training is None or chosen is None:
            return
        dialog = SessionDialog(self.context, training.id, chosen, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._changed(training.id)

    def remove_session(self) -> None:
        if not self.context.may("session.edit", self):
            return
        training, chosen = self.current(), self._selected_session()
        if training is None or chosen is None:
            return
        if session_has_attendance(self.context.db, chosen.id):
            answer = QMessageBox.question(
                self, self.tr("Remove session"),
                self.tr("This session has attendance. It will be cancelled instead: kept with its attendance, "
                        "hidden from lists and certificates, and recorded in the audit log. Continue?"),
            )  # fmt: skip
        else:
            answer = QMessageBox.question(self, self.tr("Remove session"), self.tr("Remove this session?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            session_id = chosen.id
            self.context.call(
                self, lambda db: remove_session(db, session_id), changes=[Change(Kind.TRAINING, training.id)]
            )
        except TashbeekError as exc:
            show_error(self, exc)
            return
        self._changed(training.id)

    # -- enrolment
    def _enrolment_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        row = QHBoxLayout()
        add = QPushButton(icon("fa5s.user-plus"), self.tr("Add people…"))
        add.clicked.connect(self.add_people)
        row.addWidget(add)
        row.addStretch(1)
        column.addLayout(row)
        # The selected person's enrolment on a line of its own: one line was too narrow at 1024×600.
        row = QHBoxLayout()
        self.role_edit = QComboBox()
        for key, text in labels.roles().items():
            self.role_edit.addItem(text, key)
        self.status_edit = QComboBox()
        for key in ("registered", "confirmed", "withdrawn"):
            self.status_edit.addItem(labels.statuses()[key], key)
        self.group_edit = number_box(QSpinBox())
        self.group_edit.setRange(0, 100)
        self.group_edit.setSpecialValueText("—")
        apply_button = QPushButton(self.tr("Apply to the selected person"))
        apply_button.clicked.connect(self.apply_enrolment)
        for widget in (
            label(self.tr("Role"), "muted"),
            self.role_edit,
            label(self.tr("Status"), "muted"),
            self.status_edit,
            label(self.tr("Group"), "muted"),
            self.group_edit,
            apply_button,
        ):
            row.addWidget(widget)  # fmt: skip
        row.addStretch(1)
        column.addLayout(row)
        self.enrolments = QTableWidget(0, 5)
        self.enrolments.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Role"), self.tr("Status"), self.tr("Group"), self.tr("Check-in code")]
        )
        self.enrolments.verticalHeader().hide()
        self.enrolments.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.enrolments.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.enrolments.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.enrolments.currentCellChanged.connect(lambda *_: self._enrolment_selected())
        column.addWidget(self.enrolments, 1)
        return page

    def _fill_enrolments(self) -> None:
        grid = self.grid_model.grid
        rows = list(grid.rows) if grid else []
        self.enrolment_ids = [r.enrollment_id for r in rows]
        self.enrolment_rows = rows
        roles, statuses = labels.roles(), labels.statuses()
        self.enrolments.setRowCount(len(rows))
        for n, r in enumerate(rows):
            values = [r.name, roles.get(r.role, r.role), statuses.get(r.status, r.status),
                      str(r.working_group or "—"), ltr(r.code)]  # fmt: skip
            for c, text in enumerate(values):
                self.enrolments.setItem(n, c, QTableWidgetItem(text))
        self.enrolments.resizeColumnsToContents()
        self.enrolments.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def _enrolment_selected(self) -> None:
        n = self.enrolments.currentRow()
        if not 0 <= n < len(self.enrolment_rows):
            return
        r = self.enrolment_rows[n]
        self.role_edit.setCurrentIndex(max(0, self.role_edit.findData(r.role)))
        self.status_edit.setCurrentIndex(max(0, self.status_edit.findData(r.status)))
        self.group_edit.setValue(r.working_group or 0)

    def apply_enrolment(self) -> None:
        if not self.context.may("enrollment.edit", self):
            return
        n = self.enrolments.currentRow()
        training = self.current()
        if training is None or not 0 <= n < len(self.enrolment_rows):
            return
        group = self.group_edit.value() or None
        try:
            enrollment_id = self.enrolment_rows[n].enrollment_id
            role, status = str(self.role_edit.currentData()), str(self.status_edit.currentData())
            self.context.call(
                self, lambda db: update_enrollment(db, enrollment_id, role=role, status=status, working_group=group),
                changes=[Change(Kind.TRAINING, training.id), Change(Kind.ATTENDANCE, training.id)],
            )  # fmt: skip
        except TashbeekError as exc:
            show_error(self, exc)
            return
        self.grid_model.load(training.id)
        self._fill_groups()
        self._fill_enrolments()
        self.enrolments.selectRow(n)

    def _fill_groups(self) -> None:
        """The working-group choice above the grid: everyone, or one of the training's groups."""
        chosen = self.group_filter.currentData()
        groups = self.grid_model.groups()
        self.group_filter.blockSignals(True)
        self.group_filter.clear()
        self.group_filter.addItem(self.tr("Everyone"), None)
        for group in groups:
            self.group_filter.addItem(self.tr("Group {n}").format(n=group), group)
        self.group_filter.setCurrentIndex(max(0, self.group_filter.findData(chosen)) if chosen in groups else 0)
        self.group_filter.blockSignals(False)
        self.group_filter.setEnabled(bool(groups))
        self.grid_model.show_group(self.group_filter.currentData())

    def mark_column_present(self) -> None:
        """Everyone listed (the group shown, or everyone) present in the selected cell's session."""
        if not self.context.may("attendance.edit", self):
            return
        column = self.grid.currentIndex().column()
        if self.grid_model.session_column(column) is None:
            QMessageBox.information(self, self.tr("Attendance"), self.tr("First select a cell of the session."))
            return
        try:
            self.grid_model.set_column(column, "present")
        except TashbeekError as exc:
            show_error(self, exc)

    def add_people(self) -> None:
        if not self.context.may("training.enroll", self):
            return
        training = self.current()
        if training is None:
            return
        dialog = AddPeopleDialog(self.context, training.id, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._changed(training.id)

    shown = -1

    def current(self) -> TrainingRow | None:
        """The training whose details are shown."""
        return self.rows[self.shown] if 0 <= self.shown < len(self.rows) else None

    def assign_groups(self) -> None:
        if not self.context.may("training.groups", self):
            return
        training = self.current()
        if training is None:
            return
        count, ok = QInputDialog.getInt(
            self, self.tr("Working groups"), self.tr("How many working groups?"), 12, 1, 100
        )
        if not ok:
            return
        try:
            training_id = training.id
            plan = self.context.call(
                self, lambda db: assign_groups(db, training_id, count), changes=[Change(Kind.TRAINING, training_id)]
            )
        except TashbeekError as exc:
            show_error(self, exc)
            return
        QMessageBox.information(
            self, self.tr("Working groups"),
            self.tr("{dealt} {into}").format(
                dealt=self.tr("%n participant(s) were dealt", "", len(plan)), into=self.tr("into %n group(s).", "", count)
            ),
        )  # fmt: skip

    def select_training(self, training_id: int) -> None:
        for r, t in enumerate(self.rows):
            if t.id == training_id:
                self.table.setCurrentCell(r, 0)
                self.show_training(r)

    def on_show(self) -> None:
        self.refresh()
