"""The main window: navigation on the right (in Arabic), a quick search on top, one section at a
time in the middle, and a status bar with the database, the operator and the last backup."""

from __future__ import annotations

import datetime as dt
import importlib
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import clock
from desktop_app.logs import exception_outline
from desktop_app.services.changes import Change, Kind
from desktop_app.services.live import ChangeWatch
from desktop_app.services.workspace import Database
from desktop_app.text.dates import format_date
from desktop_app.text.isolate import ltr
from desktop_app.views.context import AppContext
from desktop_app.views.pages.home import HomePage
from desktop_app.views.pages.registry_base import RegistryPage
from desktop_app.views.quick_search import QuickSearch, Target
from desktop_app.views.style import icon

LIVE_INTERVAL_MS = 1000  # how often the window looks for other stations' changes

SECTIONS = (
    "home", "organizations", "people", "trainings", "checkin", "documents", "statistics", "network", "tools",
    "settings",
)  # fmt: skip
# A section keeps its shortcut for good (habits and printed cheat sheets stay right); a new section
# takes the next free one: Ctrl+9 for Statistics, Ctrl+0 for the next (the partner network), then
# Alt+1, Alt+2, … (README: "Keyboard").
SHORTCUTS = {
    "home": "Ctrl+1", "organizations": "Ctrl+2", "people": "Ctrl+3", "trainings": "Ctrl+4", "checkin": "Ctrl+5",
    "documents": "Ctrl+6", "tools": "Ctrl+7", "settings": "Ctrl+8", "statistics": "Ctrl+9",
    "network": "Ctrl+0",
}  # fmt: skip
PAGE_CLASSES = {
    "home": ("desktop_app.views.pages.home", "HomePage"),
    "organizations": ("desktop_app.views.pages.organizations", "OrganizationsPage"),
    "people": ("desktop_app.views.pages.people", "PeoplePage"),
    "trainings": ("desktop_app.views.pages.trainings", "TrainingsPage"),
    "checkin": ("desktop_app.views.pages.checkin", "CheckinPage"),
    "documents": ("desktop_app.views.pages.documents", "DocumentsPage"),
    "statistics": ("desktop_app.views.pages.statistics", "StatisticsPage"),
    "network": ("desktop_app.views.pages.network", "NetworkPage"),
    "tools": ("desktop_app.views.pages.tools", "ToolsPage"),
    "settings": ("desktop_app.views.pages.settings", "SettingsPage"),
}


class MainWindow(QMainWindow):

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setWindowTitle(self.tr("Tashbeek"))
        self.setMinimumSize(1024, 600)
        self.resize(1280, 800)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(210)
        self.navigation.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget()
        titles = {
            "home": (self.tr("Home"), "fa5s.home"),
            "organizations": (self.tr("Organizations"), "fa5s.building"),
            "people": (self.tr("People"), "fa5s.users"),
            "trainings": (self.tr("Trainings"), "fa5s.chalkboard-teacher"),
            "checkin": (self.tr("Check-in"), "fa5s.clipboard-check"),
            "documents": (self.tr("Documents"), "fa5s.print"),
            "statistics": (self.tr("Statistics"), "fa5s.chart-bar"),
            "network": (self.tr("Partner network"), "fa5s.project-diagram"),
            "tools": (self.tr("Tools"), "fa5s.tools"),
            "settings": (self.tr("Settings"), "fa5s.cog"),
        }
        self.pages: dict[str, QWidget] = {}  # built (and their modules imported) on first visit
        for key in SECTIONS:
            title, icon_name = titles[key]
            item = QListWidgetItem(icon(icon_name, "white"), title)
            item.setSizeHint(QSize(190, 44))
            item.setToolTip(f"{title} ({SHORTCUTS[key]})")
            self.navigation.addItem(item)
            placeholder = QWidget()
            placeholder.setObjectName("page")
            self.stack.addWidget(placeholder)
            shortcut = QShortcut(QKeySequence(SHORTCUTS[key]), self)
            shortcut.activated.connect(lambda key=key: self.show_section(key))
        self.page("home")
        self.page("people")  # the list staff use all day is ready the moment the window shows

        home = self.pages["home"]
        assert isinstance(home, HomePage)
        home.new_person.connect(lambda: self._new_record("people"))
        home.new_organization.connect(lambda: self._new_record("organizations"))
        home.start_checkin.connect(lambda: self.show_section("checkin"))
        home.new_training.connect(self._new_training)
        home.open_training.connect(self._open_training)
        home.open_statistics.connect(lambda: self.show_section("statistics"))
        home.open_network.connect(self._open_network)

        self.quick_search = QuickSearch(context)
        self.quick_search.opened.connect(self.open_target)
        QShortcut(QKeySequence("Ctrl+K"), self).activated.connect(self._focus_quick_search)
        brand = QLabel(self.tr("Tashbeek"))
        brand.setObjectName("brand")
        top = QWidget()
        top.setObjectName("topBar")
        top_row = QHBoxLayout(top)
        top_row.setContentsMargins(20, 10, 20, 10)
        logo = QLabel()
        logo.setPixmap(icon("fa5s.project-diagram").pixmap(26, 26))
        top_row.addWidget(logo)
        top_row.addWidget(brand)
        top_row.addStretch(1)
        top_row.addWidget(self.quick_search)

        body = QWidget()
        body_row = QHBoxLayout(body)
        body_row.setContentsMargins(0, 0, 0, 0)
        body_row.setSpacing(0)
        body_row.addWidget(self.navigation)
        body_row.addWidget(self.stack, 1)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(top)
        column.addWidget(body, 1)
        self.setCentralWidget(central)

        self.status_database = QLabel()
        self.status_operator = QLabel()
        self.status_backup = QLabel()
        self._last_backup: dt.datetime | None = None
        self._daily_running = False  # a daily backup is being written on the runner
        self._read_last_backup()
        for widget in (self.status_database, self.status_operator, self.status_backup):
            self.statusBar().addWidget(widget)
        self.update_status()

        self.navigation.currentRowChanged.connect(self._section_changed)
        self._stale: set[QWidget] = set()  # pages to refresh before they are next shown
        context.bus.change.connect(self._data_changed)
        self.navigation.setCurrentRow(0)
        if context.db.read_only:
            self.setWindowTitle(self.tr("Tashbeek (read-only)"))
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(60 * 60 * 1000)  # hourly look; a backup when the last is a day old
        self.backup_timer.timeout.connect(lambda: self.automatic_backup("daily"))
        self.backup_timer.start()
        # Other stations' changes: a cheap look every second (services.live), announced as ELSEWHERE.
        self._watch: ChangeWatch | None = None
        self._watched: Database | None = None
        self.live_timer = QTimer(self)
        self.live_timer.setInterval(LIVE_INTERVAL_MS)
        self.live_timer.timeout.connect(self._look_for_changes_elsewhere)
        self.live_timer.start()
        self._look_for_changes_elsewhere()  # the first look takes the measure: what comes after counts

    # -- navigation
    def page(self, key: str) -> QWidget:
        """The section's page, built the first time it is needed: its module is imported then too, so
        start-up does not pay for screens nobody opened (Documents alone brings in ReportLab)."""
        if key not in self.pages:
            index = SECTIONS.index(key)
            placeholder = self.stack.widget(index)
            module_name, class_name = PAGE_CLASSES[key]
            page = getattr(importlib.import_module(module_name), class_name)(self.context)
            self.stack.insertWidget(index, page)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self.pages[key] = page
            if key == "network":
                page.open_organization.connect(self._open_organization)
                page.check_in_meeting.connect(self._check_in)
        return self.pages[key]

    def show_section(self, key: str) -> QWidget:
        self.navigation.setCurrentRow(SECTIONS.index(key))
        return self.page(key)

    def _section_changed(self, row: int) -> None:
        if row < 0:
            return
        current = self.stack.currentWidget()
        target = self.page(SECTIONS[row])
        if (
            current is not target
            and isinstance(current, RegistryPage)
            and current.detail.currentWidget() is current.editor
        ):
            if not current.editor.confirm_leave():
                self.navigation.blockSignals(True)
                self.navigation.setCurrentRow(self.stack.currentIndex())
                self.navigation.blockSignals(False)
                return
        self.stack.setCurrentWidget(target)
        if target in self._stale:
            self._stale.discard(target)
            refresh = getattr(target, "refresh", None)
            if refresh:
                refresh()
        on_show = getattr(target, "on_show", None)
        if on_show:
            on_show()

    def _new_record(self, section: str) -> None:
        page = self.show_section(section)
        if isinstance(page, RegistryPage):
            page.new_record()

    def _new_training(self) -> None:
        page = self.show_section("trainings")
        new = getattr(page, "new_training", None)  # pages are imported when first shown
        if new is not None:
            new()

    def _open_training(self, training_id: int) -> None:
        page = self.show_section("trainings")
        select = getattr(page, "select_training", None)
        if select is not None:
            select(training_id)

    def _open_network(self, tab: str) -> None:
        page = self.show_section("network")
        page.show_tab(tab)  # type: ignore[attr-defined]

    def _open_organization(self, org_id: int) -> None:
        page = self.show_section("organizations")
        if isinstance(page, RegistryPage) and (
            page.detail.currentWidget() is not page.editor or page.editor.confirm_leave()
        ):
            page.open_record(org_id)

    def _check_in(self, training_id: int) -> None:
        page = self.show_section("checkin")
        combo = getattr(page, "training", None)
        if combo is not None and combo.findData(training_id) >= 0:
            combo.setCurrentIndex(combo.findData(training_id))

    def open_target(self, target: Target) -> None:
        if target.kind == "training":
            self._open_training(target.id)
            return
        if target.kind in ("agreement", "initiative", "meeting", "action"):
            page = self.show_section("network")
            page.select(target.kind, target.id)  # type: ignore[attr-defined]
            return
        page = self.show_section("people" if target.kind == "person" else "organizations")
        if isinstance(page, RegistryPage) and (
            page.detail.currentWidget() is not page.editor or page.editor.confirm_leave()
        ):
            page.open_record(target.id)

    def _focus_quick_search(self) -> None:
        self.quick_search.setFocus()
        self.quick_search.selectAll()

    def _look_for_changes_elsewhere(self) -> None:
        db = self.context.db
        if self._watched is not db:  # first look, or a restore put another database in place
            if self._watch is not None:
                self._watch.close()
            self._watch, self._watched = ChangeWatch(db), db
        assert self._watch is not None
        try:
            moved = self._watch.changed()
        except Exception as exc:  # noqa: BLE001 - a missed refresh must never disturb the work
            logging.getLogger(__name__).warning("looking for other stations' changes: %s", exception_outline(exc))
            self._watch.close()
            self._watched = None
            return
        if moved:
            self.context.announce(Change(Kind.ELSEWHERE))

    def _data_changed(self, change: Change, origin: QWidget | None) -> None:
        """Each built page that shows what changed refreshes: the one on screen now (unless its own
        work made the change: it has updated itself), the others when they are next shown."""
        if change.kind in (Kind.BACKUP, Kind.EVERYTHING):
            self._read_last_backup()  # the status bar's "last backup" (and the Tools page's list)
        current = self.stack.currentWidget()
        for page in self.pages.values():
            if not change.concerns(getattr(page, "WATCHES", ())):
                continue
            made_here = origin is not None and (origin is page or page.isAncestorOf(origin))
            if change.kind is Kind.ELSEWHERE:
                # Not known what changed: live figures on screen now (never a reload under the
                # user's hands: a form being edited, a list being read), the rest when next shown.
                live = getattr(page, "refresh_live", None)
                if page is current and live is not None:
                    QTimer.singleShot(0, page, live)
                else:
                    self._stale.add(page)
            elif page is current and (not made_here or change.kind is Kind.EVERYTHING):
                refresh = getattr(page, "refresh", None)
                if refresh:
                    QTimer.singleShot(0, page, refresh)  # the page as context: dropped if it is gone
            elif page is not current:
                self._stale.add(page)
        self.update_status()

    # -- status bar
    def update_status(self) -> None:
        db = self.context.db
        operator = self.context.settings.operator or self.tr("not set")
        self.status_database.setText(self.tr("Database: {path}").format(path=ltr(db.display_name())))
        self.status_operator.setText("   ·   " + self.tr("Operator: {name}").format(name=operator))
        self.status_backup.setText(
            "   ·   " + self.tr("Last backup: {when}").format(when=self.last_backup_text())
        )

    def last_backup_text(self) -> str:
        when = self._last_backup
        if when is None:
            return self.tr("none yet")
        if when.date() == clock.today():
            return self.tr("today {time}").format(time=when.strftime("%H:%M"))
        return f"{format_date(when.date(), self.context.language)} {when.strftime('%H:%M')}"

    def _read_last_backup(self) -> None:
        """Look in the backup folder once (at start and after a backup), not on every change."""
        from desktop_app.services.backups import list_backups

        path = self.context.db.path
        found = list_backups(self.context.settings.backup_path(), path.stem if path else None)
        self._last_backup = found[0].made if found else None

    def closeEvent(self, event: QCloseEvent) -> None:
        current = self.stack.currentWidget()
        if isinstance(current, RegistryPage) and current.detail.currentWidget() is current.editor:
            if not current.editor.confirm_leave():
                event.ignore()
                return
        # A daily backup, counting or a report still being written finishes before the window (and its
        # database) goes.
        self.context.runner.wait()
        self.live_timer.stop()
        if self._watch is not None:
            self._watch.close()
        self.automatic_backup("closing")
        event.accept()

    # -- automatic backups (on closing, and at most daily while the window is open)
    def automatic_backup(self, kind: str) -> Path | None:
        """A checked backup into the backup folder; never stops the work if it fails (it is logged
        and the status bar keeps showing the last good one). The daily one runs on a worker thread
        so the window never waits for it; the one on closing is written before the window goes."""
        from desktop_app.services.backups import daily_backup_due, make_backup

        db = self.context.db
        if db.read_only or not db.is_sqlite or db.path is None or not self.context.settings.auto_backup:
            return None
        folder = self.context.settings.backup_path()
        if kind == "daily":
            if daily_backup_due(folder, db.path.stem) and not self._daily_running:
                self._daily_running = True

                def written(_path: Path | None) -> None:
                    self._daily_running = False

                self.context.runner.background(
                    lambda: self._write_backup(make_backup, db, folder, kind), written,
                    changes=lambda path: [Change(Kind.BACKUP)] if path else [],
                )  # fmt: skip
            return None
        path = self._write_backup(make_backup, db, folder, kind)
        if path is not None:
            self.context.announce(Change(Kind.BACKUP))
        return path

    @staticmethod
    def _write_backup(make_backup: Any, db: Database, folder: Path, kind: str) -> Path | None:
        try:
            path: Path = make_backup(db, folder, kind=kind)
        except Exception as error:  # noqa: BLE001 - a full disk must not lose the user's work or block closing
            logging.getLogger(__name__).error("automatic %s backup failed: %s", kind, exception_outline(error))
            return None
        return path
