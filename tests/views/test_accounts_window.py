"""Accounts in the window: the sign-in form (Enter signs in, a wrong name or password is refused
without saying which, a wait after a few tries), the sections and actions a role may not use
(hidden, disabled with the role needed, refused at the gate), the idle lock (an opaque cover that
survives a minimize and opens with the password), and the accounts in Settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop_app.access import Role
from desktop_app.services import accounts
from desktop_app.services.accounts import AccountRow
from desktop_app.views.dialogs import sign_in
from desktop_app.views.dialogs.accounts import PasswordDialog
from desktop_app.views.dialogs.sign_in import SignInDialog
from desktop_app.views.main_window import SECTIONS, MainWindow
from tests.conftest import type_text
from tests.views.conftest import Answers

pytestmark = pytest.mark.gui

ADMIN, VOLUNTEER = "admin password 1", "volunteer pass 2"


def _role(role: Role) -> str:
    return accounts.role_name(role)  # in the window's language


def _accounts(window: MainWindow) -> tuple[AccountRow, AccountRow]:
    db = window.context.db
    admin = accounts.add_account(db, None, "mona", ADMIN, display_name="منى")
    volunteer = accounts.add_account(db, admin, "sami", VOLUNTEER, Role.CHECKIN, "سامي")
    return admin, volunteer


def test_a_check_in_account_sees_check_in_only_and_cannot_open_settings_or_restore(
    window: MainWindow, answers: Answers
) -> None:
    _admin, volunteer = _accounts(window)
    window.sign_in_as(volunteer)
    visible = [key for row, key in enumerate(SECTIONS) if not window.navigation.item(row).isHidden()]
    assert visible == ["checkin"]
    assert window.stack.currentWidget() is window.page("checkin")
    window.show_section("settings")  # Ctrl+8 too: nothing happens
    assert window.stack.currentWidget() is window.page("checkin")
    assert "سامي" in window.signed_in.text() and window.switch_user.isVisible()
    assert window.quick_search.isHidden()  # it would list everyone's names and phones
    assert "سامي" in window.status_operator.text()
    # The gate refuses what the role may not do, saying which role is needed, before anything is asked.
    for action, trigger in (
        ("backup.restore", lambda: window.page("tools").backups_tab.restore_selected()),  # type: ignore[attr-defined]
        ("settings.organization", lambda: window.page("settings").save_organization()),  # type: ignore[attr-defined]
        ("settings.accounts", lambda: window.page("settings").accounts.add_account()),  # type: ignore[attr-defined]
        ("duplicates.merge", lambda: window.page("tools").duplicates_tab.merge_selected()),  # type: ignore[attr-defined]
    ):
        seen = len(answers.seen)
        trigger()
        assert len(answers.seen) == seen + 1 and _role(Role.ADMINISTRATOR) in answers.seen[-1], (action, answers.seen[seen:])
        assert not window.context.allows(action)
    seen = len(answers.seen)
    window.page("tools").import_file("people")  # type: ignore[attr-defined]
    assert _role(Role.STAFF) in answers.seen[seen]
    assert window.context.allows("checkin.check_in") and window.context.allows("checkin.walk_in")


def test_a_staff_account_sees_the_organization_settings_disabled_with_the_role_needed(window: MainWindow) -> None:
    admin, _volunteer = _accounts(window)
    staff = accounts.add_account(window.context.db, admin, "hala", ADMIN, Role.STAFF)
    window.sign_in_as(staff)
    settings = window.show_section("settings")
    assert window.stack.currentWidget() is settings
    assert not settings.save_org.isEnabled() and _role(Role.ADMINISTRATOR) in settings.save_org.toolTip()  # type: ignore[attr-defined]
    assert not settings.accounts.add.isEnabled()  # type: ignore[attr-defined]
    tools = window.show_section("tools")
    for button in (*tools.backups_tab.restore_buttons, tools.duplicates_tab.merge_button):  # type: ignore[attr-defined]
        assert not button.isEnabled() and _role(Role.ADMINISTRATOR) in button.toolTip()
    window.sign_in_as(admin)
    assert settings.save_org.isEnabled() and settings.accounts.add.isEnabled()  # type: ignore[attr-defined]
    assert tools.duplicates_tab.merge_button.isEnabled()  # type: ignore[attr-defined]
    assert settings.accounts.table.rowCount() == 3  # type: ignore[attr-defined]


def test_every_audit_entry_from_the_window_names_the_account(window: MainWindow) -> None:
    from sqlalchemy import select

    from desktop_app.models import AuditEntry

    admin, _volunteer = _accounts(window)
    window.sign_in_as(admin)
    people = window.show_section("people")
    people.new_record()  # type: ignore[attr-defined]
    editor = people.editor  # type: ignore[attr-defined]
    type_text(editor.full_name, "نادية كمال")
    type_text(editor.phone, "01099887766")
    assert editor.save() is not False
    with window.context.db.session_scope() as tx:
        entry = tx.scalars(select(AuditEntry).where(AuditEntry.entity == "person").order_by(AuditEntry.id.desc())).first()
    assert entry is not None and entry.operator == "mona"


def test_the_window_locks_when_idle_and_the_lock_survives_a_minimize(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    admin, _volunteer = _accounts(window)
    window.sign_in_as(admin)
    assert window.idle_timer.interval() == 15 * 60 * 1000  # the default
    window.idle_timer.start(300)  # a short idle time for the test
    qtbot.waitUntil(lambda: window.locked, timeout=5000)
    cover = window.lock_screen
    assert cover.geometry() == window.rect() and cover.autoFillBackground()
    assert not window._central.isEnabled() and not window.statusBar().isVisible()
    assert cover.form.name.text() == "mona"
    window.showMinimized()
    qtbot.wait(50)
    window.showNormal()
    qtbot.waitUntil(lambda: window.isVisible() and not window.isMinimized(), timeout=5000)
    assert window.locked and cover.geometry() == window.rect()
    cover.form.password.setText("not the password")
    qtbot.keyClick(cover.form.password, Qt.Key.Key_Return)
    assert window.locked and cover.form.message.text()
    cover.form.password.setText(ADMIN)
    qtbot.keyClick(cover.form.password, Qt.Key.Key_Return)
    assert not window.locked and window._central.isEnabled() and window.idle_timer.isActive()


def test_a_dialog_open_when_the_window_locks_hides_until_it_opens_again(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    admin, _volunteer = _accounts(window)
    window.sign_in_as(admin)
    box = QMessageBox(QMessageBox.Icon.Information, "x", "هاني إبراهيم 01012345678", parent=window)
    box.setModal(True)
    box.show()
    window.lock(switching=False)
    assert window.locked and not box.isVisible()
    cover = window.lock_screen
    cover.form.password.setText(ADMIN)
    qtbot.keyClick(cover.form.password, Qt.Key.Key_Return)
    assert not window.locked and box.isVisible()
    box.close()


def test_switch_user_signs_in_another_account(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    admin, _volunteer = _accounts(window)
    window.sign_in_as(admin)
    window.switch_user.click()
    cover = window.lock_screen
    assert window.locked and cover.form.name.text() == ""
    cover.form.name.setText("sami")
    cover.form.password.setText(VOLUNTEER)
    qtbot.keyClick(cover.form.password, Qt.Key.Key_Return)
    assert not window.locked and window.context.account is not None and window.context.account.name == "sami"
    assert window.navigation.item(SECTIONS.index("settings")).isHidden()


def test_the_sign_in_dialog_refuses_alike_and_waits_after_three_tries(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _accounts(window)
    dialog = SignInDialog(window._check_password, "office.sqlite")
    qtbot.addWidget(dialog)
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    form = dialog.form
    messages = []
    for name, password in (("mona", "wrong one here"), ("nobody", ADMIN)):
        form.name.setText(name)
        form.password.setText(password)
        qtbot.keyClick(form.password, Qt.Key.Key_Return)
        messages.append(form.message.text())
        assert form.password.text() == ""  # never kept
    assert messages[0] == messages[1] and messages[0]
    form.name.setText("mona")
    form.password.setText("third wrong one")
    qtbot.keyClick(form.password, Qt.Key.Key_Return)
    assert not form.password.isEnabled() and form.wait.isActive()
    assert str(sign_in.WAIT_SECONDS) in form.message.text()
    form.wait.stop()
    form._waited()
    form.password.setText(ADMIN)
    qtbot.keyClick(form.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.account is not None
    assert dialog.account.name == "mona"


def test_the_first_account_made_in_settings_is_the_administrator_and_signs_in(
    window: MainWindow, answers: Answers, monkeypatch: pytest.MonkeyPatch
) -> None:
    def filled(dialog: PasswordDialog) -> int:
        dialog.name.setText("mona")
        dialog.display_name.setText("منى")
        dialog.role.setCurrentIndex(0)  # check-in asked: the first account is the administrator all the same
        dialog.password.setText(ADMIN)
        dialog.again.setText(ADMIN)
        return 1

    monkeypatch.setattr(PasswordDialog, "exec", filled)
    settings = window.show_section("settings")
    assert settings.accounts.table.rowCount() == 0  # type: ignore[attr-defined]
    settings.accounts.add_account()  # type: ignore[attr-defined]
    assert window.context.account is not None and window.context.account.role is Role.ADMINISTRATOR
    assert settings.accounts.table.rowCount() == 1 and window.switch_user.isVisible()  # type: ignore[attr-defined]
    assert accounts.sign_in_required(window.context.db)



def test_the_window_asks_who_is_working_only_when_the_database_has_accounts(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.app import _sign_in

    shown: list[SignInDialog] = []

    def closed(dialog: SignInDialog) -> int:
        shown.append(dialog)
        return 0

    monkeypatch.setattr(SignInDialog, "exec", closed)
    assert _sign_in(window, "office.sqlite") is True and shown == []  # no accounts: as before
    _admin, volunteer = _accounts(window)
    assert _sign_in(window, "office.sqlite") is False and len(shown) == 1  # closed: the window does not open

    def signed(dialog: SignInDialog) -> int:
        dialog.account = volunteer
        return 1

    monkeypatch.setattr(SignInDialog, "exec", signed)
    assert _sign_in(window, "office.sqlite") is True
    assert window.context.account == volunteer and window.context.db.operator == "sami"
