"""Accounts in Settings: the administrator adds accounts, changes roles, resets passwords, disables
(never deletes) them, and sets how long the window waits idle before it locks. Before the first
account exists anyone may add it: it becomes the administrator and sign-in starts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.access import Role
from desktop_app.errors import TashbeekError
from desktop_app.services import accounts
from desktop_app.services.accounts import AccountRow, role_name
from desktop_app.services.changes import Change, Kind
from desktop_app.services.workspace import Database
from desktop_app.text.dates import format_date
from desktop_app.views.context import AppContext
from desktop_app.views.errors import show_error
from desktop_app.views.style import icon, label

ROLES = (Role.CHECKIN, Role.STAFF, Role.ADMINISTRATOR)


class PasswordDialog(QDialog):
    """A new password, typed twice (never shown)."""

    def __init__(self, title: str, parent: QWidget | None, *, new_account: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.name = QLineEdit()
        self.name.setMaxLength(accounts.MAX_NAME)
        self.display_name = QLineEdit()
        self.display_name.setMaxLength(200)
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(role_name(role), role.value)
        self.role.setCurrentIndex(1)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        form = QFormLayout()
        if new_account:
            form.addRow(self.tr("Name (to sign in)"), self.name)
            form.addRow(self.tr("Name shown"), self.display_name)
            form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("The same password again"), self.again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(label(self.tr("At least {n} characters.").format(n=accounts.MIN_PASSWORD), "caption"))
        column.addWidget(self.message)
        column.addWidget(buttons)
        self.setMinimumWidth(440)

    def _check(self) -> None:
        if self.password.text() != self.again.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        self.accept()


class AccountsBox(QGroupBox):
    """The accounts table and its buttons, and the idle lock's minutes."""

    def __init__(self, context: AppContext, signed_in: Callable[[AccountRow], None]) -> None:
        super().__init__()
        self.setTitle(self.tr("Accounts and sign-in"))
        self.context = context
        self.signed_in = signed_in  # the window starts working as the first account made here
        self.rows: list[AccountRow] = []
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("accountsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Name shown"), self.tr("Role"), self.tr("State"), self.tr("Last sign-in")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setMinimumHeight(140)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add = QPushButton(icon("fa5s.user-plus"), self.tr("Add account…"))
        self.add.clicked.connect(self.add_account)
        self.role = QPushButton(self.tr("Change role…"))
        self.role.clicked.connect(self.change_role)
        self.reset = QPushButton(self.tr("Reset password…"))
        self.reset.clicked.connect(self.reset_password)
        self.disable = QPushButton(self.tr("Disable / enable"))
        self.disable.clicked.connect(self.toggle_disabled)
        buttons = QHBoxLayout()
        for button in (self.add, self.role, self.reset, self.disable):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 240)
        self.minutes.setSuffix(" " + self.tr("min"))
        save_minutes = QPushButton(self.tr("Save"))
        save_minutes.clicked.connect(self.save_lock_minutes)
        lock_row = QHBoxLayout()
        lock_row.addWidget(QLabel(self.tr("Lock the window after this long without use")))
        lock_row.addWidget(self.minutes)
        lock_row.addWidget(save_minutes)
        lock_row.addStretch(1)
        self.hint = label("", "caption")
        self.hint.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addWidget(self.hint)
        column.addWidget(self.table)
        column.addLayout(buttons)
        column.addLayout(lock_row)

    def refresh(self) -> None:
        self.rows = accounts.list_accounts(self.context.db)
        self.minutes.setValue(accounts.lock_minutes(self.context.db))
        self.hint.setText(
            self.tr("Everyone signs in with their own account; an account is disabled, never deleted.")
            if self.rows else
            self.tr("Nobody signs in while there are no accounts. The first account you add is the "
                    "administrator, and from then on everyone signs in.")
        )  # fmt: skip
        self.table.setRowCount(0)
        for account in self.rows:
            row = self.table.rowCount()
            self.table.insertRow(row)
            when = account.last_sign_in_at
            cells = (
                account.name, account.display_name, role_name(account.role),
                self.tr("disabled") if account.disabled else self.tr("enabled"),
                format_date(when.date(), self.context.language) if when else "—",
            )  # fmt: skip
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 0:
                    item.setData(Qt.ItemDataRole.UserRole, account.name)
                self.table.setItem(row, col, item)
        refusal = self.context.refusal("settings.accounts")
        for button in (self.add, self.role, self.reset, self.disable):
            button.setToolTip(refusal)
            button.setEnabled(not refusal)
        for button in (self.role, self.reset, self.disable):
            button.setEnabled(not refusal and bool(self.rows))

    def _selected(self) -> AccountRow | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            return self.rows[row]
        QMessageBox.information(self, self.tr("Accounts"), self.tr("Choose an account in the table first."))
        return None

    def _run(self, work: Callable[[Database], AccountRow | None]) -> AccountRow | None:
        try:
            return self.context.call(self, work, changes=[Change(Kind.SETTINGS)])
        except TashbeekError as error:
            show_error(self, error)
            return None

    def new_account_dialog(self) -> PasswordDialog:
        return PasswordDialog(self.tr("Add account"), self, new_account=True)

    def add_account(self) -> None:
        if not self.context.may("settings.accounts", self):
            return
        dialog = self.new_account_dialog()
        if not dialog.exec():
            return
        actor = self.context.account
        made = self._run(lambda db: accounts.add_account(
            db, actor, dialog.name.text(), dialog.password.text(), Role(dialog.role.currentData()),
            dialog.display_name.text(),
        ))  # fmt: skip
        if made is None:
            return
        if actor is None:  # the first account: the window works as it from now on
            QMessageBox.information(self, self.tr("Accounts"), self.tr(
                "{name} is the administrator. From now on everyone signs in with their own account.")
                .format(name=made.name))  # fmt: skip
            self.signed_in(made)
        self.refresh()

    def change_role(self) -> None:
        if not self.context.may("settings.accounts", self):
            return
        account = self._selected()
        if account is None:
            return
        names = [role_name(r) for r in ROLES]
        choice, ok = QInputDialog.getItem(self, self.tr("Change role"), self.tr("Role of {name}").format(
            name=account.name), names, ROLES.index(account.role), False)  # fmt: skip
        if ok:
            role = ROLES[names.index(choice)]
            self._run(lambda db: accounts.set_role(db, self.context.account, account.name, role))
            self.refresh()

    def reset_password(self) -> None:
        if not self.context.may("settings.accounts", self):
            return
        account = self._selected()
        if account is None:
            return
        dialog = PasswordDialog(self.tr("New password for {name}").format(name=account.name), self)
        if dialog.exec():
            self._run(lambda db: accounts.set_password(db, self.context.account, account.name, dialog.password.text()))

    def toggle_disabled(self) -> None:
        if not self.context.may("settings.accounts", self):
            return
        account = self._selected()
        if account is None:
            return
        self._run(lambda db: accounts.set_disabled(db, self.context.account, account.name, not account.disabled))
        self.refresh()

    def save_lock_minutes(self) -> None:
        if not self.context.may("settings.accounts", self):
            return
        minutes = self.minutes.value()
        try:
            self.context.call(self, lambda db: accounts.set_lock_minutes(db, self.context.account, minutes))
        except TashbeekError as error:
            show_error(self, error)
