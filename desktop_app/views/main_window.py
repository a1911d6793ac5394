"""The main window: navigation on the right (in Arabic), a quick search on top, one section at a
time in the middle, and a status bar with the database, the operator (or the signed-in account) and
the last backup. When the database has accounts, the sections the account's role may not use are
hidden, and the window locks (an opaque cover asking for the password) after an idle time or when
someone chooses "Sign out / switch user"."""

from __future__ import annotations

import datetime as dt
import importlib
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app import clock
from desktop_app.access import section_role
from desktop_app.logs import exception_outline
from desktop_app.services.changes import Change, Kind
from desktop_app.services.live import ChangeWatch
from desktop_app.services.sign_in import AccountRow, role_name
from desktop_app.services.workspace import Database
from desktop_app.text.dates import format_date
from desktop_app.text.isolate import ltr
from desktop_app.views.context import AppContext
from desktop_app.views.dialogs.help import help_button, help_shortcut, open_help
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
        self._shortcuts: list[QShortcut] = []  # switched off while the window is locked
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
            self._shortcuts.append(shortcut)
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
        search_shortcut = QShortcut(QKeySequence("Ctrl+K"), self)
        search_shortcut.activated.connect(self._focus_quick_search)
        self._shortcuts.append(search_shortcut)
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
        self.signed_in = QLabel()
        self.signed_in.setObjectName("signedIn")
        self.switch_user = QPushButton(icon("fa5s.user"), self.tr("Switch user"))
        self.switch_user.setToolTip(self.tr("Sign out / switch user"))
        self.switch_user.setObjectName("switchUser")
        self.switch_user.clicked.connect(lambda: self.lock(switching=True))
        top_row.addWidget(self.signed_in)
        top_row.addWidget(self.switch_user)
        self.signed_in.hide()
        self.switch_user.hide()
        # The "?" of the section on screen (F1 too): one button that follows the sections.
        self.help_button = help_button(self, None)
        self.help_button.clicked.connect(self.show_help)
        help_shortcut(self, self.show_help)
        top_row.addWidget(self.help_button)

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
        self._central = central

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

        # Signing in (only when the database has accounts: sign_in_as starts all of it).
        self.lock_screen: Any = None
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(lambda: self.lock(switching=False))
        self._hidden_dialogs: list[QDialog] = []
        self._idle_watch = _IdleWatch(self.idle_timer, self)  # a child: it goes (and stops watching) with the window

    # -- accounts
    def sign_in_as(self, account: AccountRow, lock_minutes: int | None = None) -> None:
        """Work as `account` from now on: its name in the audit and on screen, only the sections its
        role may use, and the idle lock armed (`lock_minutes`; default: the database's setting)."""
        from desktop_app.services import accounts
        from desktop_app.views.dialogs.sign_in import LockScreen

        self.context.account = account
        self.context.db.operator = account.name
        if self.lock_screen is None:
            self.lock_screen = LockScreen(self._check_password, self)
            self.lock_screen.unlocked.connect(self._unlocked)
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self._idle_watch)
        if lock_minutes is None:
            lock_minutes = self.context.call(self, accounts.lock_minutes)
        self.idle_timer.setInterval(lock_minutes * 60 * 1000)
        self.signed_in.setText(self.tr("{name} ({role})").format(name=account.shown_name, role=role_name(account.role)))
        self.signed_in.show()
        self.switch_user.show()
        for row, key in enumerate(SECTIONS):
            item = self.navigation.item(row)
            item.setHidden(not account.role.allows(section_role(key)))
        # The quick search finds people and trainings: for the roles that see those sections.
        self.quick_search.setVisible(account.role.allows(section_role("people")))
        if self.navigation.item(self.navigation.currentRow()).isHidden():
            self.navigation.setCurrentRow(next(r for r in range(len(SECTIONS)) if not self.navigation.item(r).isHidden()))
        for page in self.pages.values():
            signed = getattr(page, "account_changed", None)
            if signed is not None:
                signed()
        self.update_status()
        self.idle_timer.start()

    def _check_password(self, name: str, password: str) -> AccountRow:
        from desktop_app.services import accounts

        record = not self.context.db.read_only
        return self.context.call(self, lambda db: accounts.authenticate(db, name, password, record=record))

    @property
    def locked(self) -> bool:
        return self.lock_screen is not None and self.lock_screen.isVisible()

    def lock(self, *, switching: bool) -> None:
        """Cover the window until someone signs in (the same account, or another after "switch user")."""
        if self.lock_screen is None or self.context.account is None:
            return
        self.idle_timer.stop()
        self._idle_watch.active = False
        self._central.setEnabled(False)  # no key reaches a field under the cover
        self.statusBar().hide()
        # A dialog open over the window would show above the cover (and, modal, keep the password
        # field from taking keys): hidden until someone signs in again, then shown as it was.
        self._hidden_dialogs = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
        ]
        for dialog in self._hidden_dialogs:
            dialog.hide()
        for shortcut in self._shortcuts:
            shortcut.setEnabled(False)
        self.lock_screen.lock("" if switching else self.context.account.name, switching=switching)

    def _unlocked(self, account: AccountRow) -> None:
        self.lock_screen.hide()
        self._central.setEnabled(True)
        self.statusBar().show()
        for shortcut in self._shortcuts:
            shortcut.setEnabled(True)
        self._idle_watch.active = True
        self.sign_in_as(account, self.idle_timer.interval() // 60000 or None)
        for dialog in self._hidden_dialogs:
            dialog.show()
        self._hidden_dialogs = []

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.lock_screen is not None:
            self.lock_screen.cover()

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
            if key == "checkin":
                page.kiosk_requested.connect(self.open_kiosk)
            if key == "network":
                page.open_organization.connect(self._open_organization)
                page.check_in_meeting.connect(self._check_in)
        return self.pages[key]

    def show_section(self, key: str) -> QWidget:
        if self.navigation.item(SECTIONS.index(key)).isHidden():  # not for this account's role
            current = self.stack.currentWidget()
            assert current is not None
            return current
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

    def open_kiosk(self, training_id: int, session_id: int | None = None) -> Any:
        """Kiosk mode for the training's session (its current one when None): full screen, this
        window hidden until the kiosk is left (then the Check-in screen shows that training)."""
        from desktop_app.services.attendance import kiosk_target
        from desktop_app.views.kiosk import KioskWindow

        target = kiosk_target(self.context.db, training_id, session_id)
        kiosk = KioskWindow(self.context, target)
        self.kiosk = kiosk

        def left() -> None:
            self.kiosk = None
            self.show()
            self._check_in(training_id)
            page = self.page("checkin")
            combo = getattr(page, "session", None)
            if combo is not None and combo.findData(target.session_id) >= 0:
                combo.setCurrentIndex(combo.findData(target.session_id))
            kiosk.deleteLater()

        kiosk.left.connect(left)
        self.hide()
        kiosk.start()
        return kiosk

    kiosk: Any = None  # the open kiosk (views/kiosk.py), if any

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

    def help_screen(self) -> str:
        """The help page for what is on screen: the section, or the person form when it has the focus."""
        section = SECTIONS[max(0, self.navigation.currentRow())]
        page = self.pages.get(section)
        focus = QApplication.focusWidget()
        if section == "people" and isinstance(page, RegistryPage) and focus is not None \
                and page.editor.isAncestorOf(focus):  # fmt: skip
            return "person"
        return section

    def show_help(self) -> None:
        open_help(self, self.help_screen(), self.context.language)

    def _focus_quick_search(self) -> None:
        if self.quick_search.isHidden():  # not for this account's role
            return
        self.quick_search.setFocus()
        self.quick_search.selectAll()

    def _look_for_changes_elsewhere(self) -> None:
        db = self.context.db
        if self._watched is not db:  # first look, or a restore put another database in place
            if self._watch is not None:
                self._watch.close()
            self._watch, self._watched = ChangeWatch(db), db
        if self._read_watch():
            self.context.announce(Change(Kind.ELSEWHERE))

    def _seen_own_change(self) -> None:
        """This window's own write was just announced by what it changed: take the watch's reading
        now, so the next look does not report the same commit as another station's (which would
        mark every page stale and reload each one when next shown). A commit from elsewhere in the
        same instant waits for the next change to be noticed: freshness, never data, is what it costs."""
        if self._watch is not None and self._watched is self.context.db:
            self._read_watch()

    def _read_watch(self) -> bool:
        """Whether the database moved since the watch last looked (False when it could not tell)."""
        assert self._watch is not None
        try:
            return self._watch.changed()
        except Exception as exc:  # noqa: BLE001 - a missed refresh must never disturb the work
            logging.getLogger(__name__).warning("looking for other stations' changes: %s", exception_outline(exc))
            self._watch.close()
            self._watched = None  # opened again at the next look
            return False

    def _data_changed(self, change: Change, origin: QWidget | None) -> None:
        """Each built page that shows what changed refreshes: the one on screen now (unless its own
        work made the change: it has updated itself), the others when they are next shown."""
        if change.kind is not Kind.ELSEWHERE:
            self._seen_own_change()
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
        account = self.context.account
        if account is not None:
            self.status_operator.setText("   ·   " + self.tr("Signed in: {name}").format(name=account.shown_name))
        else:
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


class _IdleWatch(QObject):
    """Restarts the idle timer on every key press, click or mouse move anywhere in the application."""

    INPUT = frozenset({
        QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    })  # fmt: skip

    def __init__(self, timer: QTimer, parent: QObject) -> None:
        super().__init__(parent)
        self.timer = timer
        self.active = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.active and event.type() in self.INPUT and self.timer.isActive():
            self.timer.start()
        return False
