"""Home: registry counts, the next trainings, quick actions; on an empty database, an offer to
load the demo programme."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.services.dashboard import dashboard
from desktop_app.services.demo import load_demo
from desktop_app.text.dates import format_range
from desktop_app.views.context import AppContext
from desktop_app.views.operations import Report, run_operation
from desktop_app.views.style import card, icon, label


class HomePage(QWidget):
    new_person = Signal()
    new_organization = Signal()
    start_checkin = Signal()
    open_training = Signal(int)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("page")
        self.context = context
        layout = QVBoxLayout(self)
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
            number = label("0", "cardNumber")
            inner.addWidget(number)
            self.numbers[key] = number
            cards.addWidget(frame, 0, column)
        layout.addLayout(cards)

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
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        data = dashboard(self.context.db)
        self.numbers["organizations"].setText(str(data.organizations))
        self.numbers["people"].setText(str(data.people))
        self.numbers["trainings"].setText(str(data.trainings))
        self.numbers["sessions"].setText(str(data.upcoming_sessions))
        self.banner_box.setVisible(data.empty)
        while self.trainings_box.count():
            item = self.trainings_box.takeAt(0)
            widget = item.widget()
            if widget:
                widget.setParent(None)  # gone at once, not at the next event loop turn
                widget.deleteLater()
        if not data.next_trainings:
            self.trainings_box.addWidget(label(self.tr("No upcoming trainings yet."), "muted"))
        for training in data.next_trainings:
            row = QPushButton(
                icon("fa5s.chalkboard-teacher"),
                f"{training.title}   ·   {format_range(training.start, training.end, self.context.language)}"
                + (f"   ·   {training.venue}" if training.venue else ""),
            )
            row.setStyleSheet(
                "text-align: right; padding: 10px;" if self.isRightToLeft() else "text-align: left;"
            )
            row.clicked.connect(lambda _=False, tid=training.id: self.open_training.emit(tid))
            self.trainings_box.addWidget(row)

    def on_show(self) -> None:
        self.refresh()

    def load_demo(self, _checked: bool = False, done: Callable[[], None] | None = None) -> None:
        if not self.context.may("demo.load", self):
            return

        def work(report: Report) -> object:
            report(0, 0)
            return load_demo(self.context.db)

        def finished(_result: object) -> None:
            self.context.bus.changed.emit("all")
            if done:
                done()

        run_operation(self, self.tr("Loading the demo data…"), work, finished)
