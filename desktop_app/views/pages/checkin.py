"""Check-in at the venue: one large box that takes a name, a phone number or a scanned code.

The box always has the focus and clears itself after each check-in. A code, an exact phone or a
query equal to someone's whole name checks in at once; other names show their matches (first one
highlighted, arrows move, Enter confirms), so a partial name never checks in the wrong person.
Nobody found: Enter registers a walk-in (name, organization, phone) and checks them in. Every
check-in is committed before the big confirmation shows; Ctrl+Z undoes the last one.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app import clock
from desktop_app.errors import TashbeekError, ValidationError
from desktop_app.services import attendance
from desktop_app.services.attendance import (
    AlreadyIn,
    CheckedIn,
    CheckinResult,
    Choose,
    EnrolledPerson,
    NotFound,
    NotYet,
)
from desktop_app.services.changes import Change, Kind
from desktop_app.services.trainings import TrainingRow, list_trainings
from desktop_app.text.arabic import MAX_QUERY_LENGTH
from desktop_app.text.dates import format_date
from desktop_app.text.isolate import ltr
from desktop_app.views.context import AppContext
from desktop_app.views.dialogs.walk_in import WalkInDialog, choose_existing_person
from desktop_app.views.errors import show_error
from desktop_app.views.style import icon, label
from desktop_app.views.widgets.roles import MATCH_ROLE


class CheckinBox(QLineEdit):
    """The big box; Up/Down move through the matches list while the focus stays here."""

    moved = Signal(int)

    def event(self, event: QEvent) -> bool:
        # The focus never leaves this box, so its own undo (putting the last code back) would take
        # Ctrl+Z from the screen's "undo the last check-in": leave the key to the screen's shortcut.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo):
                event.ignore()
                return False
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.moved.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)


class CheckinPage(QWidget):
    # What this screen shows: it refreshes when one of these changes (MainWindow dispatches).
    WATCHES = frozenset({Kind.TRAINING, Kind.PERSON, Kind.ATTENDANCE})
    # Kiosk mode asked for this training and session (the main window opens it: views/kiosk.py).
    kiosk_requested = Signal(int, int)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("page")
        self.context = context
        self.trainings: list[TrainingRow] = []
        self.last: CheckinResult | None = None
        # The last check-in made on this screen: Ctrl+Z undoes it even after a later "already in"
        # or "not found" result, until it is undone or another check-in replaces it.
        self.undoable: CheckedIn | None = None
        self.matches: list[EnrolledPerson] = []

        self.training = QComboBox()
        # A long title ends in "…" (whole in the tooltip) instead of widening the screen past 1024 px.
        self.training.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.training.setMinimumContentsLength(20)
        self.session = QComboBox()
        self.training.currentIndexChanged.connect(self._training_changed)
        self.session.currentIndexChanged.connect(self._session_changed)
        self.counter = label("", "sectionTitle")
        self.counter.setToolTip(self.tr(
            "Only participants are counted here: trainers, organizers and guests are checked in too, "
            "and appear in the attendance grid."))  # fmt: skip
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(10)
        self.progress.setMinimumWidth(180)
        self.progress.setMaximumWidth(320)
        self.percent = label("", "muted")
        self.box = CheckinBox()
        self.box.setMaxLength(MAX_QUERY_LENGTH)
        self.box.setObjectName("checkinBox")
        self.box.setPlaceholderText(self.tr("Type the name or mobile number, or scan the badge…"))
        self.box.setStyleSheet("font-size: 20pt; padding: 6px 14px; border-radius: 10px; min-height: 54px;")
        self.box.returnPressed.connect(self.submit)
        self.box.textEdited.connect(lambda _: self._clear_matches())
        self.box.moved.connect(self._move)

        self.result = QFrame()
        self.result.setObjectName("checkinCard")
        self.result.setMinimumHeight(200)
        result_layout = QVBoxLayout(self.result)
        result_layout.setContentsMargins(28, 12, 28, 12)
        self.headline = QLabel()
        self.headline.setObjectName("checkinHeadline")
        self.name = QLabel()
        self.name.setObjectName("checkinName")
        self.name.setWordWrap(True)
        self.details = QLabel()
        self.details.setStyleSheet("font-size: 14pt;")
        self.details.setWordWrap(True)
        self.match_list = QListWidget()
        self.match_list.setStyleSheet("font-size: 15pt;")
        self.match_list.itemActivated.connect(lambda _: self.submit())
        self.match_list.itemClicked.connect(lambda _: self.box.setFocus())
        self.undo_button = QPushButton(icon("fa5s.undo"), self.tr("Undo  Ctrl+Z"))
        self.undo_button.clicked.connect(self.undo)
        self.walk_in_button = QPushButton(icon("fa5s.user-plus"), self.tr("Register as walk-in  (Enter)"))
        self.walk_in_button.clicked.connect(self.register_walk_in)
        for widget in (self.headline, self.name, self.details, self.match_list):
            result_layout.addWidget(widget)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.walk_in_button)
        actions.addWidget(self.undo_button)
        result_layout.addLayout(actions)
        self.recent = QListWidget()
        self.recent.setMinimumHeight(48)
        self.recent.setMaximumHeight(150)
        self.recent.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # One line each: without this the list measures every line it holds (shaping the Arabic of
        # each) whenever one is added, which grew to most of a check-in's painting by the hundredth.
        self.recent.setUniformItemSizes(True)
        self.empty = label(
            self.tr("No trainings yet: create one, or load the demo data from Home."), "emptyState"
        )

        top = QHBoxLayout()
        top.addWidget(label(self.tr("Training"), "muted"))
        top.addWidget(self.training, 3)
        top.addWidget(label(self.tr("Session"), "muted"))
        top.addWidget(self.session, 1)
        self.kiosk_button = QPushButton(icon("fa5s.expand"), self.tr("Kiosk mode  F11"))
        self.kiosk_button.setToolTip(self.tr(
            "Full screen check-in for the venue door: only this training, in big type. Ctrl+Shift+Q leaves it."))  # fmt: skip
        self.kiosk_button.clicked.connect(self.start_kiosk)
        counter_row = QHBoxLayout()
        counter_row.addWidget(self.kiosk_button)  # on the counter's row: the training row is full at 1024 px
        counter_row.addStretch(1)
        counter_row.addWidget(self.counter)
        counter_row.addWidget(self.progress)
        counter_row.addWidget(self.percent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 14, 28, 10)
        layout.setSpacing(8)
        layout.addLayout(top)  # the training's title is in its combo box: no second, larger copy
        layout.addLayout(counter_row)
        layout.addWidget(self.box)
        layout.addWidget(self.result, 3)
        layout.addWidget(label(self.tr("Last checked in"), "muted"))
        layout.addWidget(self.recent, 1)
        layout.addWidget(self.empty)
        undo = QShortcut(QKeySequence("Ctrl+Z"), self)
        undo.setContext(Qt.ShortcutContext.WindowShortcut)
        undo.activated.connect(self.undo)
        kiosk = QShortcut(QKeySequence("F11"), self)
        kiosk.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # only while this screen shows
        kiosk.activated.connect(self.start_kiosk)
        self.refresh()

    # -- choosing the training and session
    def refresh(self) -> None:
        current = self.training.currentData()
        self.trainings = [
            t for t in list_trainings(self.context.db, kinds=None) if t.status not in ("cancelled", "archived")
        ]
        self.training.blockSignals(True)
        self.training.clear()
        for t in self.trainings:
            self.training.addItem(t.title, t.id)
        self.training.blockSignals(False)
        has = bool(self.trainings)
        for widget in (self.training, self.session, self.box, self.result, self.recent, self.kiosk_button):
            widget.setEnabled(has)
        self.empty.setVisible(not has)
        if not has:
            self._show_idle()
            return
        index = self.training.findData(current) if current is not None else -1
        if index < 0:  # prefer a training running today, then the next one, then the latest
            today = clock.today()
            running = [i for i, t in enumerate(self.trainings) if t.start <= today <= t.end]
            upcoming = sorted((t.start, i) for i, t in enumerate(self.trainings) if t.start > today)
            index = running[0] if running else (upcoming[0][1] if upcoming else 0)
        self.training.setCurrentIndex(index)
        self._training_changed()

    def _session_changed(self) -> None:
        self.undoable = None  # Ctrl+Z never undoes a check-in of a session no longer on screen
        self.undo_button.hide()
        self._refresh_counter()

    def _training_changed(self) -> None:
        self.undoable = None
        training = self.current_training()
        self.session.blockSignals(True)
        self.session.clear()
        if training:
            today = clock.today()
            chosen = 0
            for n, s in enumerate(x for x in training.sessions if not x.cancelled):
                self.session.addItem(format_date(s.date, self.context.language, weekday=True), s.id)
                if s.date == today:
                    chosen = n
            self.session.setCurrentIndex(chosen)
            self.training.setToolTip(training.title)
        self.session.blockSignals(False)
        self.recent.clear()
        self._show_idle()
        self._refresh_counter()

    def current_training(self) -> TrainingRow | None:
        index = self.training.currentIndex()
        return self.trainings[index] if 0 <= index < len(self.trainings) else None

    def current_session_id(self) -> int | None:
        data = self.session.currentData()
        return int(data) if data is not None else None

    def _refresh_counter(self) -> None:
        training, session_id = self.current_training(), self.current_session_id()
        if training is None or session_id is None:
            self.counter.setText("")
            return
        self._show_counter(*attendance.present_count(self.context.db, training.id, session_id))

    def refresh_live(self) -> None:
        """Another station changed the database: the counter follows their arrivals (the chosen
        session, the box and the recent list stay as they are)."""
        self._refresh_counter()

    def _show_counter(self, present: int, total: int) -> None:
        self.counter.setText(self.tr("Participants present: {present} of {total}").format(
            present=present, total=total))  # fmt: skip
        self.progress.setMaximum(max(1, total))
        self.progress.setValue(present)
        self.percent.setText(ltr(f"{round(100 * present / total)}%") if total else "")

    # -- the box
    def on_show(self) -> None:
        self.refresh()
        self.box.setFocus()

    def submit(self) -> None:
        """Enter in the box: one service call decides, this page only shows the decision."""
        if not self.context.may("checkin.check_in", self):
            return
        training, session_id = self.current_training(), self.current_session_id()
        if training is None or session_id is None:
            return
        query = self.box.text().strip()
        pick = None
        if self.matches and query == self._matches_query:  # confirming the highlighted match
            item = self.match_list.currentItem()
            if item is None:
                return
            pick = int(item.data(MATCH_ROLE))
        elif not query:
            return
        elif isinstance(self.last, NotFound) and query == self._last_query:
            self.register_walk_in()
            return
        try:
            result = self.context.call(
                self,
                lambda db: attendance.check_in(db, training.id, query, session_id=session_id, pick=pick),
                changes=lambda r: [Change(Kind.ATTENDANCE, training.id)] if isinstance(r, CheckedIn) else [],
            )
        except TashbeekError as exc:
            show_error(self, exc)
            return
        self._last_query = query
        if isinstance(result, Choose):
            self._show_matches(list(result.matches))
            return
        self.show_result(result)

    _last_query = ""
    _matches_query = ""

    def _move(self, step: int) -> None:
        if self.matches:
            row = min(max(0, self.match_list.currentRow() + step), self.match_list.count() - 1)
            self.match_list.setCurrentRow(row)

    def _clear_matches(self) -> None:
        if self.matches:
            self.matches = []
            self._show_idle()

    # -- showing results
    def _set_state(self, state: str) -> None:
        """idle, ok or warn: the card's colours come from the style sheet's rules for each state, so
        a result re-polishes three widgets instead of parsing three new style sheets."""
        for widget in (self.result, self.headline, self.name):
            if widget.property("state") != state:
                widget.setProperty("state", state)
                widget.style().unpolish(widget)
                widget.style().polish(widget)

    def _show_idle(self) -> None:
        self.matches = []
        self.name.show()
        self.details.show()
        self.match_list.clear()
        self.match_list.hide()
        self.walk_in_button.hide()
        self.undo_button.setVisible(self.undoable is not None)
        self._set_state("idle")
        self.headline.setText(self.tr("Ready for the next person"))
        self.name.setText("")
        self.details.setText(
            self.tr("Type part of a name, a mobile number, or scan the QR code on the badge.")
        )

    def _show_matches(self, matches: list[EnrolledPerson]) -> None:
        self.matches = matches
        self._matches_query = self.box.text().strip()
        self.match_list.clear()
        for m in matches:
            group = self.tr("group {n}").format(n=m.working_group) if m.working_group else ""
            item = QListWidgetItem(" — ".join(p for p in (m.name, m.organization or "", group) if p))
            item.setData(MATCH_ROLE, m.enrollment_id)
            self.match_list.addItem(item)
        self.match_list.setCurrentRow(0)
        self.match_list.show()
        self.walk_in_button.hide()
        self.undo_button.hide()
        self._set_state("idle")
        self.headline.setText(self.tr("Choose the person (arrows), then Enter to confirm"))
        self.name.hide()
        self.details.hide()

    def show_result(self, result: CheckinResult) -> None:
        self.last = result
        self.matches = []
        self.match_list.hide()
        self.name.show()
        self.details.show()
        self._show_counter(result.present, result.expected)
        person = result.person
        if isinstance(result, NotFound):
            self._set_state("warn")
            self.headline.setText(self.tr("Not registered in this training"))
            self.name.setText(self.box.text().strip())
            self.details.setText(self.tr("Press Enter to register a walk-in, or correct the spelling."))
            self.walk_in_button.show()
            self.undo_button.setVisible(self.undoable is not None)
            return
        if isinstance(result, NotYet):
            self._set_state("warn")
            self.headline.setText(self.tr("This session's day has not come yet"))
            self.name.setText(format_date(result.session_date, self.context.language, weekday=True))
            self.details.setText(self.tr("Check people in on the day, or choose today's session above."))
            self.walk_in_button.hide()
            self.undo_button.setVisible(self.undoable is not None)
            return
        assert person is not None
        group = self.tr("Group {n}").format(n=person.working_group) if person.working_group else ""
        self.name.setText(person.name)
        self.details.setText(" — ".join(p for p in (person.organization or "", group) if p))
        self.walk_in_button.hide()
        when = result.at.astimezone().strftime("%H:%M") if result.at else ""
        if isinstance(result, AlreadyIn):
            self._set_state("warn")
            self.headline.setText(self.tr("Already checked in at {time}").format(time=when))
            self.undo_button.setVisible(self.undoable is not None)
        else:
            assert isinstance(result, CheckedIn)  # NotFound and NotYet returned above
            self._set_state("ok")
            late = result.status == "late"
            self.headline.setText(self.tr("✓ Checked in (late)") if late else self.tr("✓ Checked in"))
            self.undoable = result
            self.undo_button.show()
            who = " — ".join(part for part in (person.name, person.organization) if part)  # no lone "—"
            self.recent.insertItem(0, f"{ltr(when)}   {who}")
        self.box.clear()
        self.box.setFocus()

    def start_kiosk(self) -> None:
        """F11 or the button: this training's chosen session, full screen (the window opens it)."""
        if not self.context.may("checkin.kiosk", self):
            return
        training, session_id = self.current_training(), self.current_session_id()
        if training is None or session_id is None:
            return
        self.kiosk_requested.emit(training.id, session_id)

    # -- undo and walk-ins
    def undo(self) -> None:
        if not self.context.may("checkin.undo", self):
            return
        last = self.undoable
        if last is None or last.person is None:
            return
        enrollment_id, session_id = last.person.enrollment_id, last.session_id
        training = self.current_training()
        try:
            self.context.call(
                self, lambda db: attendance.undo_check_in(db, enrollment_id, session_id),
                changes=[Change(Kind.ATTENDANCE, training.id if training else None)],
            )  # fmt: skip
        except TashbeekError as exc:
            show_error(self, exc)
            return
        if self.recent.count():
            self.recent.takeItem(0)
        self.last = None
        self.undoable = None
        self._show_idle()
        self.headline.setText(self.tr("Check-in of {name} undone").format(name=last.person.name))
        self._refresh_counter()
        self.box.setFocus()

    def register_walk_in(self) -> None:
        if not self.context.may("checkin.walk_in", self):
            return
        training, session_id = self.current_training(), self.current_session_id()
        if training is None or session_id is None:
            return
        dialog = WalkInDialog(self.context, self.box.text().strip(), self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                data = dialog.data()
                # Maybe registered under another spelling: offer the existing record first.
                answer = choose_existing_person(self.context, data, self)
                if answer is None:
                    continue
                person_id = answer if isinstance(answer, int) else None
                result = self.context.call(
                    self,
                    partial(attendance.check_in_walk_in, training_id=training.id, session_id=session_id,
                            data=data, person_id=person_id),
                    changes=[Change(Kind.PERSON, person_id), Change(Kind.TRAINING, training.id),
                             Change(Kind.ATTENDANCE, training.id)],
                )  # fmt: skip
            except ValidationError as exc:
                dialog.error.setText(exc.message)
                dialog.error.show()
                continue
            except TashbeekError as exc:
                show_error(self, exc)
                return
            self.show_result(result)
            return
        self.box.setFocus()
