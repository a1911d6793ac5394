"""Dialogs of the Trainings section: the training editor, a session, and adding people.

Each dialog validates through the services and shows their message beside the field, so a
mistake is fixed in place and nothing is half-written.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app import clock
from desktop_app.enums import EnrollmentRole
from desktop_app.errors import TashbeekError, ValidationError
from desktop_app.services import listing, trainings
from desktop_app.services.changes import Change, Kind
from desktop_app.services.search import search_people
from desktop_app.text.arabic import MAX_QUERY_LENGTH
from desktop_app.views import labels
from desktop_app.views.context import AppContext
from desktop_app.views.dialogs.help import add_help
from desktop_app.views.errors import show_error
from desktop_app.views.style import icon, label
from desktop_app.views.widgets.fields import DateEdit, ErrorForm, TimeEdit, accept_cancel, number_box
from desktop_app.views.widgets.roles import PERSON_ROLE
from desktop_app.views.widgets.scrolling import scrolled
from desktop_app.views.widgets.search_combo import SearchableComboBox


class _FormDialog(QDialog):
    """A dialog around an ErrorForm with Save/Cancel; subclasses implement `store()`."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.form = ErrorForm()
        self.result_id: int | None = None
        layout = QVBoxLayout(self)
        # The form scrolls and Save/Cancel stay below it, so a long form fits a 1024×600 screen.
        body = QWidget()
        body.setLayout(self.form)
        self.form_scroll = scrolled(body)
        layout.addWidget(self.form_scroll, 1)
        self.buttons = accept_cancel(self, self.tr("Save"), self.tr("Cancel"), self._save)
        layout.addWidget(self.buttons)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """The whole form when the screen has room for it, else what the screen holds."""
        body = self.form_scroll.widget()
        assert body is not None
        wanted = QSize(max(640, body.sizeHint().width() + 40), body.sizeHint().height() + 90)
        screen = self.screen()
        if screen is not None:
            room = screen.availableGeometry().size() - QSize(40, 60)
            wanted = wanted.boundedTo(room)
        return wanted

    def store(self) -> int:
        raise NotImplementedError

    def _save(self) -> None:
        self.form.clear_errors()
        try:
            self.result_id = self.store()
        except ValidationError as exc:
            elsewhere = self.form.show_errors(exc)
            focused = self.focusWidget()
            if focused is not None:
                self.form_scroll.ensureWidgetVisible(focused)
            if elsewhere:
                show_error(self, ValidationError.of(elsewhere))
            return
        except TashbeekError as exc:
            show_error(self, exc)
            return
        self.accept()


class TrainingDialog(_FormDialog):
    def __init__(
        self, context: AppContext, row: trainings.TrainingRow | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Edit training") if row else self.tr("New training"), parent)
        add_help(self, self.buttons, "training")
        self.context = context
        self.row = row
        orgs = listing.organization_choices(context.db)
        self.title_ar = QLineEdit(row.title if row else "")
        self.title_en = QLineEdit(row.title_en or "" if row else "")
        self.organizer = SearchableComboBox("—")
        self.organizer.set_items(orgs)
        self.co_organizers = QListWidget()
        self.co_organizers.setMinimumHeight(110)
        self.co_organizers.setMaximumHeight(200)
        for org_id, name in orgs:
            item = QListWidgetItem(name)
            item.setData(PERSON_ROLE, org_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.co_organizers.addItem(item)
        self.venue = QLineEdit(row.venue or "" if row else "")
        self.governorate = SearchableComboBox("—")
        self.governorate.set_items(labels.governorate_items(context.language))
        today = clock.today()
        self.start = DateEdit(row.start if row else today)
        self.end = DateEdit(row.end if row else today)
        self.status = QComboBox()
        for key in ("planned", "running", "completed", "cancelled", "archived"):
            self.status.addItem(labels.statuses()[key], key)
        self.share = number_box(QDoubleSpinBox())
        self.share.setRange(0, 100)
        self.share.setDecimals(0)
        self.share.setSuffix(" %")
        self.share.setValue(100)
        self.late = TimeEdit(dt.time(10, 0))
        self.use_late = QCheckBox(self.tr("Mark arrivals after this time as late"))
        self.use_late.setChecked(True)
        self.groups = number_box(QSpinBox())
        self.groups.setRange(0, 100)
        self.group_names = QPlainTextEdit()
        self.group_names.setFixedHeight(60)
        self.group_names.setPlaceholderText(self.tr("Optional: one name per line, in group order"))
        self.description = QPlainTextEdit()
        self.description.setFixedHeight(60)
        f = self.form
        f.add("title_ar", self.tr("Title (Arabic)"), self.title_ar)
        f.add("title_en", self.tr("Title (English)"), self.title_en)
        f.add("organizer_id", self.tr("Organizer"), self.organizer)
        f.add("co_organizer_ids", self.tr("Co-organizers"), self.co_organizers)
        f.add("venue", self.tr("Venue"), self.venue)
        f.add("governorate", self.tr("Governorate"), self.governorate)
        f.add("start_date", self.tr("First day"), self.start)
        f.add("end_date", self.tr("Last day"), self.end)
        f.add("status", self.tr("Status"), self.status)
        f.add("certificate_min_share", self.tr("Sessions needed for a certificate"), self.share)
        f.add("late_after", self.tr("Late after"), self.late)
        f.add("use_late", "", self.use_late)
        f.add("working_group_count", self.tr("Working groups"), self.groups)
        f.add("working_group_names", self.tr("Group names"), self.group_names)
        f.add("description", self.tr("Description"), self.description)
        for edit in (self.title_ar, self.title_en, self.venue):
            edit.setCursorPosition(0)  # a long title shows its start, not its end
        if row is not None:
            self._load(row.id)

    def _load(self, training_id: int) -> None:
        details = trainings.training_details(self.context.db, training_id)
        self.organizer.set_value(details.organizer_id)
        self.governorate.set_value(details.governorate)
        self.status.setCurrentIndex(max(0, self.status.findData(details.status)))
        self.share.setValue(round(details.certificate_min_share * 100))
        self.use_late.setChecked(details.late_after is not None)
        if details.late_after:
            self.late.set_value(details.late_after)
        self.groups.setValue(details.working_group_count)
        self.group_names.setPlainText("\n".join(details.working_group_names))
        self.description.setPlainText(details.description or "")
        for n in range(self.co_organizers.count()):
            item = self.co_organizers.item(n)
            if item.data(PERSON_ROLE) in details.co_organizer_ids:
                item.setCheckState(Qt.CheckState.Checked)

    def data(self) -> trainings.TrainingData:
        organizer = self.organizer.value()
        return trainings.TrainingData(
            title_ar=self.title_ar.text(),
            title_en=self.title_en.text() or None,
            description=self.description.toPlainText() or None,
            organizer_id=organizer if isinstance(organizer, int) else None,
            co_organizer_ids=[
                int(self.co_organizers.item(n).data(PERSON_ROLE))
                for n in range(self.co_organizers.count())
                if self.co_organizers.item(n).checkState() == Qt.CheckState.Checked
            ],
            venue=self.venue.text() or None,
            governorate=str(self.governorate.value()) if self.governorate.value() else None,
            start_date=self.start.value(),
            end_date=self.end.value(),
            status=str(self.status.currentData()),
            certificate_min_share=self.share.value() / 100,
            late_after=self.late.value() if self.use_late.isChecked() else None,
            working_group_count=self.groups.value(),
            working_group_names=[
                line for line in self.group_names.toPlainText().splitlines() if line.strip()
            ],
        )

    def store(self) -> int:
        data = self.data()
        if self.row is None:
            return self.context.call(
                self, lambda db: trainings.create_training(db, data), changes=lambda tid: [Change(Kind.TRAINING, tid)]
            )
        training_id = self.row.id
        self.context.call(
            self, lambda db: trainings.update_training(db, training_id, data), changes=[Change(Kind.TRAINING, training_id)]
        )
        return training_id


class SessionDialog(_FormDialog):
    def __init__(
        self,
        context: AppContext,
        training_id: int,
        training_session: trainings.SessionRef | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Edit session") if training_session else self.tr("New session"), parent)
        self.context = context
        self.training_id = training_id
        self.training_session = training_session
        self.date = DateEdit(training_session.date if training_session else clock.today())
        self.start = TimeEdit((training_session and training_session.start_time) or dt.time(9, 30))
        self.end = TimeEdit((training_session and training_session.end_time) or dt.time(16, 0))
        self.title = QLineEdit(training_session.title or "" if training_session else "")
        self.form.add("date", self.tr("Date"), self.date)
        self.form.add("start_time", self.tr("Starts"), self.start)
        self.form.add("end_time", self.tr("Ends"), self.end)
        self.form.add("title", self.tr("Title"), self.title)

    def data(self) -> trainings.SessionData:
        return trainings.SessionData(
            self.date.value(), self.start.value(), self.end.value(), self.title.text() or None
        )

    def store(self) -> int:
        data, training_id, changes = self.data(), self.training_id, [Change(Kind.TRAINING, self.training_id)]
        if self.training_session is None:
            return self.context.call(self, lambda db: trainings.add_session(db, training_id, data), changes=changes)
        session_id = self.training_session.id
        self.context.call(self, lambda db: trainings.update_session(db, session_id, data), changes=changes)
        return session_id


class AddPeopleDialog(QDialog):
    """Search the registry, tick several people, choose their role, enrol them in one go."""

    def __init__(self, context: AppContext, training_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add people to the training"))
        self.setMinimumSize(620, 520)
        self.context = context
        self.training_id = training_id
        self.enrolled: list[trainings.EnrollResult] = []
        self.search = QLineEdit()
        self.search.setMaxLength(MAX_QUERY_LENGTH)
        self.search.setPlaceholderText(self.tr("Search by name, mobile or organization…"))
        self.search.textChanged.connect(self.update_results)
        self.results = QListWidget()
        self.role = QComboBox()
        for key, text in labels.roles().items():
            self.role.addItem(text, key)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(label(self.tr("Tick the people to enrol:"), "muted"))
        layout.addWidget(self.results, 1)
        layout.addWidget(label(self.tr("Role"), "muted"))
        layout.addWidget(self.role)
        new_person = QPushButton(icon("fa5s.user-plus"), self.tr("New person…"))
        new_person.clicked.connect(self.quick_add)
        layout.addWidget(new_person, 0, Qt.AlignmentFlag.AlignLeading)
        layout.addWidget(
            accept_cancel(self, self.tr("Enrol the ticked people"), self.tr("Cancel"), self._enrol)
        )
        self.checked: set[int] = set()
        self.results.itemChanged.connect(self._ticked)

    def quick_add(self) -> None:
        """Add someone who is not in the registry yet (after the duplicate check) and tick them."""
        if not self.context.may("person.new", self):
            return
        from desktop_app.views.dialogs.walk_in import WalkInDialog, confirm_new_person

        dialog = WalkInDialog(
            self.context, self.search.text().strip(), self, accept_text=self.tr("Add and tick")
        )
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                person_id = confirm_new_person(self.context, dialog.data(), self)
            except ValidationError as exc:
                dialog.error.setText(exc.message)
                dialog.error.show()
                continue
            if person_id is None:
                return
            self.checked.add(person_id)
            self.search.setText(dialog.full_name.text())
            self.update_results()
            return

    def update_results(self) -> None:
        self.results.blockSignals(True)
        self.results.clear()
        for hit in search_people(self.context.db, self.search.text(), limit=100):
            item = QListWidgetItem(f"{hit.name} — {hit.organization or '—'}")
            item.setData(PERSON_ROLE, hit.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if hit.id in self.checked else Qt.CheckState.Unchecked)
            self.results.addItem(item)
        self.results.blockSignals(False)

    def _ticked(self, item: QListWidgetItem) -> None:
        person_id = int(item.data(PERSON_ROLE))
        if item.checkState() == Qt.CheckState.Checked:
            self.checked.add(person_id)
        else:
            self.checked.discard(person_id)

    def _enrol(self) -> None:
        if not self.checked:
            self.reject()
            return
        training_id, people, role = self.training_id, sorted(self.checked), EnrollmentRole(self.role.currentData())
        try:
            self.enrolled = self.context.call(
                self, lambda db: trainings.enroll(db, training_id, people, role=role),
                changes=[Change(Kind.TRAINING, training_id), Change(Kind.PERSON)],
            )  # fmt: skip
        except TashbeekError as exc:
            show_error(self, exc)
            return
        self.accept()
