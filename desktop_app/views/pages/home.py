"""Home: registry counts, the next trainings, quick actions; on an empty database, an offer to
load the demo programme."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app import clock
from desktop_app.services.changes import Change, Kind
from desktop_app.services.dashboard import Dashboard, dashboard
from desktop_app.text.dates import ARABIC_MONTHS, ENGLISH_MONTHS, format_date, format_range
from desktop_app.text.isolate import isolate
from desktop_app.views.context import AppContext
from desktop_app.views.operations import Report
from desktop_app.views.style import card, icon, label
from desktop_app.views.widgets.elided_button import ElidedButton

if TYPE_CHECKING:
    from desktop_app.services.statistics import Statistics

# The statistics service, the demo and the report wording are imported when first used, not when
# the window starts: Home is the first screen, and they would add a quarter of a second to it.
# This month's figures are counted a moment after Home appears (skipped if the user has moved on),
# so the window is usable first.
MONTH_DELAY_MS = 400


class HomePage(QWidget):
    # What this screen shows: it refreshes when one of these changes (MainWindow dispatches).
    WATCHES = frozenset({Kind.PERSON, Kind.ORGANIZATION, Kind.TRAINING, Kind.ATTENDANCE, Kind.CERTIFICATE, Kind.SETTINGS, Kind.PROJECT,
                          Kind.AGREEMENT, Kind.MEETING, Kind.ACTION})  # fmt: skip

    new_person = Signal()
    new_organization = Signal()
    start_checkin = Signal()
    new_training = Signal()
    open_training = Signal(int)
    open_statistics = Signal()
    open_network = Signal(str)  # the network section's tab: agreements, meetings, actions

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("page")
        self.context = context
        # The page scrolls on a small screen (1024×600) instead of squeezing its cards.
        body = QWidget()
        body.setObjectName("page")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(18)
        layout.addWidget(label(self.tr("Welcome to Tashbeek"), "pageTitle"))
        self.banner = QLabel(self.tr("The database is empty. Load the demo programme to explore Tashbeek, "
                                     "or start by adding organizations and people."))  # fmt: skip
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.demo_button = QPushButton(icon("fa5s.magic", "white"), self.tr("Load the demo data"))
        self.demo_button.setObjectName("primary")
        self.demo_button.clicked.connect(self.load_demo)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.demo_button)
        self.banner_box = QWidget()
        self.banner_box.setLayout(banner_row)
        layout.addWidget(self.banner_box)
        self.banner_box.setVisible(False)  # until the counts say the database is empty

        cards = QGridLayout()
        cards.setSpacing(14)
        self.numbers: dict[str, QLabel] = {}
        for column, (key, title, icon_name) in enumerate(
            [
                ("organizations", self.tr("Organizations"), "fa5s.building"),
                ("people", self.tr("People"), "fa5s.users"),
                ("trainings", self.tr("Trainings"), "fa5s.chalkboard-teacher"),
                ("sessions", self.tr("Upcoming sessions"), "fa5s.calendar-alt"),
            ]
        ):
            frame, inner = card(icon_name, title, "muted", 28)
            number = label("…", "cardNumber")  # until counted (after the first paint)
            inner.addWidget(number)
            self.numbers[key] = number
            cards.addWidget(frame, 0, column)
        layout.addLayout(cards)

        # This month's key figures: counted after the window is on screen, off the GUI thread.
        month_row = QHBoxLayout()
        self.month_title = label("", "sectionTitle")
        month_row.addWidget(self.month_title)
        month_row.addStretch(1)
        more = QPushButton(icon("fa5s.chart-bar"), self.tr("All statistics"))
        more.clicked.connect(self.open_statistics.emit)
        month_row.addWidget(more)
        layout.addLayout(month_row)
        month_card = QFrame()
        month_card.setObjectName("card")
        month_row_figures = QHBoxLayout(month_card)
        self.month_numbers: dict[str, QLabel] = {}
        for key, title in (
            ("reached", self.tr("People who attended")),
            ("completed", self.tr("Completed a training")),
            ("sessions", self.tr("Sessions held")),
            ("attendance_rate", self.tr("Attendance rate")),
        ):
            figure = QVBoxLayout()
            number = label("…", "cardNumber")
            figure.addWidget(number)
            figure.addWidget(label(title, "muted"))
            month_row_figures.addLayout(figure, 1)
            self.month_numbers[key] = number
        layout.addWidget(month_card)
        self.month_dirty = True

        actions = QHBoxLayout()
        for text, icon_name, signal in (
            (self.tr("New person"), "fa5s.user-plus", self.new_person),
            (self.tr("New organization"), "fa5s.building", self.new_organization),
            (self.tr("Start check-in"), "fa5s.clipboard-check", self.start_checkin),
        ):
            button = QPushButton(icon(icon_name), text)
            button.setMinimumHeight(40)
            button.clicked.connect(signal.emit)
            actions.addWidget(button)
        actions.addStretch(1)
        layout.addWidget(label(self.tr("Quick actions"), "sectionTitle"))
        layout.addLayout(actions)

        layout.addWidget(label(self.tr("Next trainings"), "sectionTitle"))
        self.trainings_box = QVBoxLayout()
        layout.addLayout(self.trainings_box)
        # What the partner network asks of us: meetings ahead, agreements ending soon, overdue items.
        self.follow_up_title = label(self.tr("Follow-up"), "sectionTitle")
        layout.addWidget(self.follow_up_title)
        self.follow_up_box = QVBoxLayout()
        layout.addLayout(self.follow_up_box)
        layout.addStretch(1)
        # Filled by on_show: Home is the first screen shown, and counting twice at start costs time.

    def refresh(self) -> None:
        self.month_dirty = True
        if self.isVisible():
            QTimer.singleShot(MONTH_DELAY_MS, self, self.count_this_month)
        self._show_dashboard(dashboard(self.context.db))

    def _show_dashboard(self, data: Dashboard) -> None:
        self.numbers["organizations"].setText(str(data.organizations))
        self.numbers["people"].setText(str(data.people))
        self.numbers["trainings"].setText(str(data.trainings))
        self.numbers["sessions"].setText(str(data.upcoming_sessions))
        self.banner_box.setVisible(data.empty)
        while self.trainings_box.count():
            item = self.trainings_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget:
                widget.setParent(None)  # gone at once, not at the next event loop turn
                widget.deleteLater()
        if not data.next_trainings:
            # Say what will be here and offer the next step, rather than an empty half page.
            empty = QFrame()
            empty.setObjectName("emptyCard")
            column = QVBoxLayout(empty)
            column.addWidget(label(self.tr(
                "No upcoming trainings yet. A training planned here appears with its dates and venue, "
                "one click from its sessions, enrolment and check-in."), "muted", wrap=True))  # fmt: skip
            plan = QPushButton(icon("fa5s.plus"), self.tr("Plan a training"))
            plan.clicked.connect(self.new_training.emit)
            column.addWidget(plan, 0, Qt.AlignmentFlag.AlignLeading)
            self.trainings_box.addWidget(empty)
        for training in data.next_trainings:
            # Title and venue isolated: in English an Arabic title must not pull the dates into its order.
            row = ElidedButton(
                icon("fa5s.chalkboard-teacher"),
                f"{isolate(training.title)}   ·   {format_range(training.start, training.end, self.context.language)}"
                + (f"   ·   {isolate(training.venue)}" if training.venue else ""),
            )
            # Qt mirrors text-align in a right-to-left widget: "left" is the start, on the right.
            row.setStyleSheet("text-align: left; padding: 10px;" if self.isRightToLeft() else "text-align: left;")
            row.clicked.connect(lambda _=False, tid=training.id: self.open_training.emit(tid))
            self.trainings_box.addWidget(row)

        self._show_follow_up(data)

    def _row(self, icon_name: str, text: str, tab: str, warn: bool = False) -> QPushButton:
        # Ends in "…" when narrow (the whole text is its tooltip): never wider than a small screen.
        row = ElidedButton(icon(icon_name, "#b03a2e" if warn else "#1d3557"), text)
        row.setStyleSheet(
            # Qt mirrors text-align in a right-to-left widget: "left" is the start, on the right.
            "text-align: left; padding: 8px;"
            + (" color: #b03a2e;" if warn else "")
        )
        row.clicked.connect(lambda _=False: self.open_network.emit(tab))
        return row

    def _show_follow_up(self, data: Dashboard) -> None:
        while self.follow_up_box.count():
            item = self.follow_up_box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget:
                widget.setParent(None)
                widget.deleteLater()
        language = self.context.language
        for meeting in data.next_meetings:
            day = format_date(meeting.start, language, weekday=True)
            text = (self.tr("Meeting: {title}").format(title=isolate(meeting.title)) if format_date(meeting.start, language) in meeting.title
                    else self.tr("Meeting: {title} · {day}").format(title=isolate(meeting.title), day=day))  # fmt: skip
            self.follow_up_box.addWidget(self._row("fa5s.calendar-check", text, "meetings"))
        for agreement in data.expiring_agreements:
            self.follow_up_box.addWidget(self._row(
                "fa5s.handshake", self.tr("Agreement ending on {day}: {title}").format(
                    day=format_date(agreement.end_date, language), title=isolate(agreement.title)), "agreements", True))  # fmt: skip
        for action in data.overdue_actions:
            self.follow_up_box.addWidget(self._row(
                "fa5s.tasks", self.tr("Overdue since {day}: {title} ({owner})").format(
                    day=format_date(action.due_date, language), title=isolate(action.title), owner=isolate(action.owner) or "—"),
                "actions", True))  # fmt: skip
        empty = not (data.next_meetings or data.expiring_agreements or data.overdue_actions)
        self.follow_up_title.setVisible(not empty)

    def on_show(self) -> None:
        """Counted on a worker and shown when it arrives: Home is the first screen at start, and the
        People list the window also builds then must not wait for these counts (nor for the ORM
        model classes they need, which load on that worker)."""
        self.month_dirty = True
        if self.isVisible():
            QTimer.singleShot(MONTH_DELAY_MS, self, self.count_this_month)
        # Started when the event loop turns (after the first paint at start), not while the window is
        # still being built: the worker would take turns with the GUI thread building the People list.
        QTimer.singleShot(0, self, self._count_dashboard)

    def _count_dashboard(self) -> None:
        db = self.context.db
        self.context.runner.background(lambda: dashboard(db), self._show_dashboard, receiver=self)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.month_dirty:
            QTimer.singleShot(MONTH_DELAY_MS, self, self.count_this_month)  # after the first paint

    def count_this_month(self) -> None:
        """This month's figures, counted off the GUI thread (only while Home is on screen)."""
        if not self.isVisible() or not self.month_dirty:
            return
        self.month_dirty = False
        today = clock.today()
        months = ARABIC_MONTHS if self.context.language == "ar" else ENGLISH_MONTHS
        self.month_title.setText(
            self.tr("This month: {month}").format(month=f"{months[today.month - 1]} {today.year}")
        )
        db = self.context.db

        def work(report: Report) -> Statistics:
            # Imported on the worker: the statistics service is a large module the GUI thread never needs.
            from desktop_app.services.statistics import StatsFilter, period_containing, statistics

            report(0, 0)
            return statistics(db, StatsFilter(*period_containing("month", today)))

        self.context.runner.run(self, self.tr("Counting…"), work, self._show_month)

    def _show_month(self, stats: Statistics) -> None:
        from desktop_app.pdf.report_text import number_text

        self.month_numbers["reached"].setText(str(stats.people.reached))
        self.month_numbers["completed"].setText(str(stats.people.completed))
        self.month_numbers["sessions"].setText(str(stats.sessions))
        self.month_numbers["attendance_rate"].setText(number_text(stats.attendance_rate, percent=True))

    def load_demo(self, _checked: bool = False, done: Callable[[], None] | None = None) -> None:
        if not self.context.may("demo.load", self):
            return

        db = self.context.db

        def work(report: Report) -> object:
            report(0, 0)
            from desktop_app.services.demo import load_demo

            return load_demo(db)

        def finished(_result: object) -> None:
            if done:
                done()

        self.context.runner.run(
            self, self.tr("Loading the demo data…"), work, finished, changes=[Change.everything()]
        )
