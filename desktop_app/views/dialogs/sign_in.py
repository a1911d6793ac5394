"""Signing in: the dialog at start (when the database has accounts) and the lock screen that covers the
window after an idle time, or when someone signs out to switch user.

Both use one form: name and password, Enter signs in, a wrong name or password is refused without
saying which, and after a few refusals in a row the form waits a little before it takes another try.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import TashbeekError
from desktop_app.services.sign_in import AccountRow
from desktop_app.text.isolate import ltr
from desktop_app.views.style import icon, label

ATTEMPTS = 3  # refusals in a row before the form waits
WAIT_SECONDS = 30

Check = Callable[[str, str], AccountRow]  # name, password → the account, or raises TashbeekError


class SignInForm(QWidget):
    """Name, password and a Sign in button; emits `signed_in` with the account."""

    signed_in = Signal(object)

    def __init__(self, check: Check, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = check
        self.failures = 0
        self.name = QLineEdit(name)
        self.name.setObjectName("signInName")
        self.name.setMaxLength(100)
        self.password = QLineEdit()
        self.password.setObjectName("signInPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.button = QPushButton(icon("fa5s.user-check", "white"), self.tr("Sign in"))
        self.button.setObjectName("primary")
        self.button.setDefault(True)
        self.button.clicked.connect(self.sign_in)
        self.name.returnPressed.connect(self.sign_in)
        self.password.returnPressed.connect(self.sign_in)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Password"), self.password)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.message)
        column.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeading)
        self.wait = QTimer(self)
        self.wait.setSingleShot(True)
        self.wait.setInterval(WAIT_SECONDS * 1000)
        self.wait.timeout.connect(self._waited)

    def focus(self) -> None:
        (self.password if self.name.text() else self.name).setFocus()

    def sign_in(self) -> None:
        if self.wait.isActive():
            return
        name, password = self.name.text().strip(), self.password.text()
        if not name or not password:
            self.message.setText(self.tr("Write your name and your password."))
            return
        try:
            account = self.check(name, password)
        except TashbeekError as error:
            self.password.clear()
            self.failures += 1
            if self.failures >= ATTEMPTS:
                self.message.setText(
                    self.tr("The name or the password is not right. Too many tries: wait {n} seconds.").format(
                        n=WAIT_SECONDS
                    )
                )
                self._enable(False)
                self.wait.start()
            else:
                self.message.setText(error.message)
            return
        self.failures = 0
        self.password.clear()
        self.message.clear()
        self.signed_in.emit(account)

    def _waited(self) -> None:
        self.failures = 0
        self.message.clear()
        self._enable(True)
        self.focus()

    def _enable(self, on: bool) -> None:
        for widget in (self.name, self.password, self.button):
            widget.setEnabled(on)


class SignInDialog(QDialog):
    """At start: who is working. Rejected (closed) means the window does not open."""

    def __init__(self, check: Check, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in to Tashbeek"))
        self.account: AccountRow | None = None
        self.form = SignInForm(check, parent=self)
        self.form.signed_in.connect(self._signed_in)
        column = QVBoxLayout(self)
        column.addWidget(label(self.tr("Sign in"), "sectionTitle"))
        caption = label(self.tr("Database: {path}").format(path=ltr(database)), "caption")
        caption.setWordWrap(True)
        column.addWidget(caption)
        column.addWidget(self.form)
        self.setMinimumWidth(420)
        QTimer.singleShot(0, self.form, self.form.focus)  # the form as context: dropped if the dialog is gone

    def _signed_in(self, account: AccountRow) -> None:
        self.account = account
        self.accept()


class LockScreen(QWidget):
    """Covers the whole window (opaque: nothing behind it can be read) until someone signs in; the
    name is the signed-in account's when the window locked itself, empty after "Switch user"."""

    unlocked = Signal(object)

    def __init__(self, check: Check, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.Base))
        self.setPalette(palette)
        self.title = label(self.tr("Tashbeek is locked"), "pageTitle")
        self.hint = label("", "caption")
        self.hint.setWordWrap(True)
        self.form = SignInForm(check, parent=self)
        self.form.signed_in.connect(self.unlocked.emit)
        box = QWidget(self)
        box.setFixedWidth(460)
        inner = QVBoxLayout(box)
        inner.addWidget(self.title)
        inner.addWidget(self.hint)
        inner.addWidget(self.form)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.hide()

    def lock(self, name: str, *, switching: bool) -> None:
        self.form.name.setText(name)
        self.form.password.clear()
        self.form.message.clear()
        self.title.setText(self.tr("Switch user") if switching else self.tr("Tashbeek is locked"))
        self.hint.setText(
            self.tr("Sign in with your own account.") if switching
            else self.tr("Locked after a while without use. Sign in again to go on.")
        )  # fmt: skip
        self.cover()
        self.show()
        self.raise_()
        self.form.focus()

    def cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
