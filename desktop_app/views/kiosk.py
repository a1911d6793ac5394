"""Kiosk mode: the check-in screen alone, full screen, for a laptop or a tablet at the venue door.

Nothing else is on screen (no sections, menus or toolbars): the training, the live count, one box
that always has the focus, and a confirmation large enough to read from two metres, in colour and
in words. It decides nothing itself: every entry goes to `attendance.check_in` through the window's
runner, exactly as on the Check-in screen, and the kiosk only shows the decision. Walk-ins are not
registered here (someone not enrolled is sent to the registration desk).

It leaves only by Ctrl+Shift+Q and a confirmation; Esc, closing the window (Alt+F4, the window
manager) and stray keys do not leave. What an application cannot block (Ctrl+Alt+Del, the system's
own task switcher, switching users) is said in the README ("Kiosk mode").
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QFontMetrics, QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import TashbeekError
from desktop_app.services import attendance
from desktop_app.services.attendance import (
    AlreadyIn,
    CheckedIn,
    CheckinResult,
    Choose,
    EnrolledPerson,
    KioskTarget,
    NotFound,
    NotYet,
)
from desktop_app.services.changes import Change, Kind
from desktop_app.text.arabic import MAX_QUERY_LENGTH
from desktop_app.text.dates import format_date
from desktop_app.views.context import AppContext
from desktop_app.views.errors import show_error

LEAVE_KEYS = "Ctrl+Shift+Q"
MAX_CHOICES = 4  # more than fit as big buttons at 1024×600: the person types more of the name
BACK_TO_READY_MS = 12_000  # a confirmation stays this long, then the screen waits for the next person
# The design size: type is set for 1024×600 and scaled with the screen (never smaller).
BASE_WIDTH, BASE_HEIGHT = 1024, 600
POINTS = {"title": 15, "count": 22, "box": 24, "headline": 44, "name": 56, "details": 22, "hint": 12,
          "choice": 22}  # fmt: skip
# The smallest a long text may shrink to (at 1024×600) so that it stays on one line.
FLOOR = {"headline": 34, "name": 40, "details": 18, "choice": 18, "title": 12, "count": 18}

STYLE = """
QWidget#kiosk { background: #0f2a44; }
QLabel { color: #ffffff; }
QLabel#kioskHint { color: #c9d6e3; }
QLineEdit#kioskBox { background: #ffffff; color: #14213d; border: 3px solid #5dade2; border-radius: 14px;
    padding: 2px 18px; }
QFrame#kioskCard { background: #1c3d5e; border-radius: 22px; }
QFrame#kioskCard[state="ok"] { background: #1e7b3c; }
QFrame#kioskCard[state="already"] { background: #b06a00; }
QFrame#kioskCard[state="refused"] { background: #a61e22; }
QPushButton#kioskChoice { background: #ffffff; color: #14213d; border: 3px solid #ffffff; border-radius: 12px;
    padding: 6px 18px; text-align: left; }
QPushButton#kioskChoice[current="true"] { background: #fff3b0; border-color: #f5b700; }
"""


class KioskBox(QLineEdit):
    """The entry box: Up/Down move through the choices while the focus stays here."""

    moved = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.moved.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)


class KioskWindow(QWidget):
    """Full-screen check-in for one training's session; `left` is emitted once it has been left."""

    left = Signal()

    def __init__(self, context: AppContext, target: KioskTarget) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.context = context
        self.target = target
        self.leaving = False  # set only after Ctrl+Shift+Q was confirmed: the close is then allowed
        self.choices: list[EnrolledPerson] = []
        self.choice_query = ""
        self.current_choice = 0
        self.last: CheckinResult | None = None
        title = target.title_en if context.language == "en" and target.title_en else target.title
        self.setWindowTitle(self.tr("Check-in: {training}").format(training=title))

        # The day first: a long title ends in "…", the day of the session must stay readable.
        self.title_text = f"{format_date(target.session_date, context.language, weekday=True)} — {title}"
        self.title = QLabel(self.title_text)
        self.title.setObjectName("kioskTitle")
        self.title.setToolTip(self.title_text)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.count = QLabel()
        self.count.setObjectName("kioskCount")
        self.box = KioskBox()
        self.box.setObjectName("kioskBox")
        self.box.setMaxLength(MAX_QUERY_LENGTH)
        self.box.setPlaceholderText(self.tr("Your name, mobile number or badge code"))
        self.box.returnPressed.connect(self.submit)
        self.box.textEdited.connect(self._typed)
        self.box.moved.connect(self._move)

        self.card = QFrame()
        self.card.setObjectName("kioskCard")
        card_layout = QVBoxLayout(self.card)
        card_layout.setContentsMargins(32, 6, 32, 6)
        card_layout.setSpacing(0)
        self.headline = QLabel()
        self.headline.setObjectName("kioskHeadline")
        self.name = QLabel()
        self.name.setObjectName("kioskName")
        self.details = QLabel()
        self.details.setObjectName("kioskDetails")
        for widget in (self.headline, self.name, self.details):
            # Never wider than the screen: the headline and name shrink to fit one line (_scale_type),
            # the explanation below them may take two.
            widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.details.setWordWrap(True)
        for widget in (self.headline, self.name, self.details):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            card_layout.addWidget(widget)
        self.choice_area = QWidget()
        self.choice_layout = QVBoxLayout(self.choice_area)
        self.choice_layout.setContentsMargins(0, 0, 0, 0)
        self.choice_buttons: list[QPushButton] = []
        card_layout.addWidget(self.choice_area)
        card_layout.addStretch(1)
        self.hint = QLabel(self.tr("Staff: Ctrl+Shift+Q leaves the kiosk"))
        self.hint.setObjectName("kioskHint")

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 8, 32, 6)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.box)
        layout.addWidget(self.card, 1)
        layout.addWidget(self.hint)

        leave = QShortcut(QKeySequence(LEAVE_KEYS), self)
        leave.setContext(Qt.ShortcutContext.WindowShortcut)
        leave.activated.connect(self.ask_to_leave)
        self.back_to_ready = QTimer(self)
        self.back_to_ready.setSingleShot(True)
        self.back_to_ready.setInterval(BACK_TO_READY_MS)
        self.back_to_ready.timeout.connect(self._show_ready)
        self._scale_type()
        self._show_ready()
        self._show_count(*attendance.present_count(context.db, target.training_id, target.session_id))
        # Other desks' arrivals (the main window's look for changes elsewhere, hidden behind the kiosk,
        # goes on announcing them): the count at the door follows within a second or two.
        context.bus.change.connect(self._data_changed)

    def _data_changed(self, change: Change, origin: object = None) -> None:
        if origin is self:
            return  # its own check-in: the result it shows already carries the count
        if change.kind in (Kind.ELSEWHERE, Kind.ATTENDANCE, Kind.EVERYTHING):
            target = self.target
            self._show_count(*attendance.present_count(self.context.db, target.training_id, target.session_id))

    # -- showing and leaving
    def start(self) -> None:
        """Take the whole screen and the keyboard."""
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self.box.setFocus()

    def ask_to_leave(self) -> bool:
        """Ctrl+Shift+Q: leave after a confirmation (staff only; a participant's stray key is refused)."""
        answer = QMessageBox.question(
            self,
            self.tr("Leave kiosk mode"),
            self.tr("Leave kiosk mode and return to the Check-in screen?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.box.setFocus()
            return False
        self.leaving = True
        self.back_to_ready.stop()
        self.close()
        self.left.emit()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        # Alt+F4, the window manager's close button, a stray "close": refused. Only a confirmed
        # Ctrl+Shift+Q leaves.
        if not self.leaving:
            event.ignore()
            self.box.setFocus()
            return
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            if self.choices:  # Esc only withdraws the "which one?" question
                self._show_ready()
            self.box.setFocus()
            event.accept()
            return
        self.box.setFocus()
        event.accept()  # nothing reaches a parent or the system from here

    def event(self, event: QEvent) -> bool:
        # The box keeps the focus even when a click or a stray key went elsewhere in the window.
        if event.type() == QEvent.Type.WindowActivate:
            QTimer.singleShot(0, self, self.box.setFocus)
        return super().event(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale_type()

    def _scale_type(self) -> None:
        """Type sized for 1024×600 and grown with the screen, so it stays readable from two metres.
        A long name or line shrinks to fit on one line (never below its floor) rather than wrap off
        the card; a choice too long even then ends in "…" (the whole text in its tooltip)."""
        scale = max(0.6, min(self.width() / BASE_WIDTH, self.height() / BASE_HEIGHT))
        room = max(200, self.width() - 2 * 32 - 2 * 40)  # the window's and the card's margins
        sized: list[tuple[str, QWidget, str]] = [
            ("count", self.count, self.count.text()), ("title", self.title, self.title_text),
            ("box", self.box, ""), ("headline", self.headline, self.headline.text()),
            ("name", self.name, self.name.text()), ("details", self.details, self.details.text()),
            ("hint", self.hint, ""),
        ]  # fmt: skip
        sized += [("choice", button, str(button.toolTip())) for button in self.choice_buttons]
        for role, widget, text in sized:
            font = QFont(widget.font())
            font.setBold(role in ("count", "headline", "name", "choice"))
            size = POINTS[role] * scale
            font.setPointSizeF(size)
            wide = QFontMetrics(font).horizontalAdvance(text) if text else 0
            width = room - (self.count.sizeHint().width() + 40 if role == "title" else 0) - (40 if role == "choice" else 0)
            if wide > width:
                font.setPointSizeF(max(FLOOR.get(role, POINTS[role]) * scale, size * width / wide))
            widget.setFont(font)
            if role in ("title", "choice"):
                shown = QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, width)
                if isinstance(widget, QLabel):
                    widget.setText(shown)
                elif isinstance(widget, QPushButton):
                    widget.setText(shown)
                    widget.setMinimumHeight(QFontMetrics(font).height() + 16)
        self.box.setMinimumHeight(QFontMetrics(self.box.font()).height() + 16)

    # -- entries
    def _typed(self, text: str) -> None:
        if self.choices and text.strip() != self.choice_query:
            self._show_ready()

    def submit(self) -> None:
        """Enter: the service decides (code, phone, whole name: at once; part of a name: a choice)."""
        if not self.context.may("checkin.check_in", self):
            return
        query = self.box.text().strip()
        pick = None
        if self.choices and query == self.choice_query:
            pick = self.choices[self.current_choice].enrollment_id
        elif not query:
            return
        self._check_in(query, pick)

    def choose(self, index: int) -> None:
        """A choice's button (touch or click): check that person in."""
        if not self.context.may("checkin.check_in", self) or not 0 <= index < len(self.choices):
            return
        self._check_in(self.choice_query, self.choices[index].enrollment_id)

    def _check_in(self, query: str, pick: int | None) -> None:
        target = self.target
        try:
            result = self.context.call(
                self,
                lambda db: attendance.check_in(db, target.training_id, query, session_id=target.session_id, pick=pick),
                changes=lambda r: [Change(Kind.ATTENDANCE, target.training_id)] if isinstance(r, CheckedIn) else [],
            )  # fmt: skip
        except TashbeekError as exc:
            show_error(self, exc)
            self.box.setFocus()
            return
        if isinstance(result, Choose):
            self._show_choices(list(result.matches), query)
        else:
            self.show_result(result)
        self.box.setFocus()

    def _move(self, step: int) -> None:
        if self.choices:
            self.current_choice = min(max(0, self.current_choice + step), len(self.choices) - 1)
            self._mark_current()

    # -- what the screen shows
    def _set_state(self, state: str) -> None:
        """ready, ok, already or refused: the card's colour (the words say the same)."""
        self.card.setProperty("state", state)
        self.card.style().unpolish(self.card)
        self.card.style().polish(self.card)

    def _show_count(self, present: int, total: int) -> None:
        self.count.setText(self.tr("Present: {present} of {total}").format(present=present, total=total))

    def _clear_choices(self) -> None:
        self.choices = []
        for button in self.choice_buttons:
            button.deleteLater()
        self.choice_buttons = []
        self.choice_area.hide()

    def _show_ready(self) -> None:
        self._clear_choices()
        self._set_state("ready")
        self.headline.setText(self.tr("Welcome! Please check in"))
        self.name.setText("")
        self.name.hide()
        self.details.setText(self.tr("Type your name or mobile number and press Enter, or scan the code on your badge."))
        self.details.show()
        self._scale_type()

    def _show_choices(self, matches: list[EnrolledPerson], query: str) -> None:
        self._clear_choices()
        self.back_to_ready.stop()
        self.choices = matches[:MAX_CHOICES]
        self.choice_query = query
        self.current_choice = 0
        self._set_state("ready")
        self.headline.setText(self.tr("Which one of these are you?"))
        self.name.hide()
        if len(matches) > MAX_CHOICES:
            self.details.setText(self.tr("More people match: type more of your name."))
        else:
            self.details.setText(self.tr("Arrows choose, Enter confirms (or touch your name)."))
        for index, person in enumerate(self.choices):
            text = " — ".join(part for part in (person.name, person.organization or "") if part)
            button = QPushButton(text)
            button.setToolTip(text)
            button.setObjectName("kioskChoice")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the box keeps the keyboard
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _checked=False, index=index: self.choose(index))
            self.choice_layout.addWidget(button)
            self.choice_buttons.append(button)
        self.choice_area.show()
        self._scale_type()
        self._mark_current()

    def _mark_current(self) -> None:
        for index, button in enumerate(self.choice_buttons):
            button.setProperty("current", "true" if index == self.current_choice else "false")
            button.style().unpolish(button)
            button.style().polish(button)

    def show_result(self, result: CheckinResult) -> None:
        """The decision in colour and words: checked in (green), already (amber), refused (red)."""
        self._clear_choices()
        self.last = result
        self._show_count(result.present, result.expected)
        self.name.show()
        self.details.show()
        person = result.person
        if isinstance(result, NotFound):
            self._set_state("refused")
            self.headline.setText(self.tr("✗ Not enrolled in this training"))
            self.name.setText(self.box.text().strip())
            self.details.setText(self.tr("Please see the registration desk."))
        elif isinstance(result, NotYet):
            self._set_state("refused")
            self.headline.setText(self.tr("✗ This session is not today"))
            self.name.setText(format_date(result.session_date, self.context.language, weekday=True))
            self.details.setText(self.tr("Please see the registration desk."))
        else:
            assert person is not None  # CheckedIn and AlreadyIn always name the person
            when = result.at.astimezone().strftime("%H:%M") if result.at else ""
            self.name.setText(person.name)
            self.details.setText(person.organization or "")
            if isinstance(result, AlreadyIn):
                self._set_state("already")
                self.headline.setText(self.tr("Already checked in at {time}").format(time=when))
            else:
                self._set_state("ok")
                self.headline.setText(self.tr("✓ Checked in at {time}").format(time=when))
        self._scale_type()
        self.box.clear()
        self.box.setFocus()
        self.back_to_ready.start()
