"""Starting the window: settings and language, the database opened through the workspace (created
only after asking, read-only when another program writes, recovered when damaged), then the main
window that `views/application.py` builds.

The integrity check runs after the first paint so start-up stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from desktop_app import collector, config, i18n
from desktop_app.views.application import build_window, create_application

# The window's construction lives with the views (views/application.py); this module starts the
# process around it and hands the two on to the tests and benchmarks that build windows.
__all__ = ["build_window", "create_application", "needs_first_run", "run_window"]


def run_window(target: str | None, language: str | None, *, kiosk: int | None = None) -> int:
    """Open the main window on `target` (default: the user's database); returns the exit code.

    On a computer with no settings file (and no database named), the first-run guide comes first
    (views/first_run.py); cancelling it quits with nothing written. With `kiosk` (a training's
    number) the window opens straight into kiosk mode for that training's current session; an
    unknown training is said and exits 3 (as the CLI's "not found").

    The workspace opens it: a missing file is created after asking, a file another program writes to
    is offered read-only, a damaged one offers the recovery dialog (restore the latest good backup,
    open another file, or quit) while this program still holds its lock."""
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.errors import TashbeekError
    from desktop_app.i18n import _
    from desktop_app.services.workspace import Locked, Workspace, claimed, locate
    from desktop_app.views.errors import install_exception_hook
    from desktop_app.views.startup import ask_read_only, warn_network_share

    settings = config.load_settings()
    language = language or settings.language or i18n.DEFAULT_LANGUAGE
    i18n.set_language(language)
    app = create_application(language)
    install_exception_hook()
    if needs_first_run(target, kiosk):
        from desktop_app.views.first_run import finish_first_run, run_first_run

        choices = run_first_run(language)
        if choices is None:
            return 0  # cancelled: nothing written, so the next start offers the guide again
        try:
            workspace = finish_first_run(choices)
        except Locked as busy:
            QMessageBox.critical(None, _("Tashbeek"), busy.message)
            return busy.exit_code
        except TashbeekError as exc:
            QMessageBox.critical(None, _("Tashbeek"), exc.message)
            return exc.exit_code
        except OSError as exc:
            from desktop_app.errors import file_problem

            problem = file_problem(exc)
            QMessageBox.critical(None, _("Tashbeek"), problem.message)
            return problem.exit_code
        return _show_window(app, workspace, choices.machine_settings(), choices.language, None)
    target = target or str(config.default_database_path())
    while True:
        location = locate(target)
        create = False
        if not location.exists():
            answer = QMessageBox.question(
                None,
                _("New database"),
                _("There is no database at {path} yet. Create a new, empty one there?").format(
                    path=location.display_name
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return 0
            create = True
        if location.path is not None and location.on_network_share():
            warn_network_share(location.path)
        try:
            try:
                workspace = Workspace.open(location, write=True, create=create, operator=settings.operator,
                                           backup_dir=settings.backup_path())  # fmt: skip
            except Locked as busy:
                if not ask_read_only(busy.holder):
                    return 0
                workspace = Workspace.open(location, write=False, read_only=True, operator=settings.operator,
                                           backup_dir=settings.backup_path())  # fmt: skip
            break
        except Locked as busy:
            QMessageBox.critical(None, _("Tashbeek"), busy.message)
            return busy.exit_code
        except TashbeekError as exc:
            if location.path is None or not location.path.exists():
                QMessageBox.critical(None, _("Tashbeek"), exc.message)
                return exc.exit_code
            try:
                with claimed(location):  # a restore is ours alone: never over a file another program writes
                    choice = _recover(None, location, exc.message, settings)
            except Locked:
                # Read-only: another program writes to this file, so replacing it is not ours to offer.
                QMessageBox.critical(None, _("Tashbeek"), exc.message)
                return exc.exit_code
            if choice is None:
                return exc.exit_code
            target = str(choice) if isinstance(choice, Path) else target
    settings.last_database = target
    try:
        config.save_settings(settings)
    except OSError:
        pass  # a read-only config folder must not stop the work
    return _show_window(app, workspace, settings, language, kiosk, location)


def needs_first_run(target: str | None, kiosk: int | None) -> bool:
    """The first-run guide comes on a computer with no settings file, unless a database was named
    (--db, TASHBEEK_DB) or kiosk mode asked for (those starts already know what to open), or the
    default database exists already (made by `tashbeek demo` or `db init`: the computer is in use)."""
    return (target is None and kiosk is None and not config.settings_exist()
            and not config.default_database_path().exists())  # fmt: skip


def _show_window(app: Any, workspace: Any, settings: config.MachineSettings, language: str, kiosk: int | None,
                 location: Any = None) -> int:  # fmt: skip
    """The main window over the open workspace (or, with `kiosk`, kiosk mode over it) until it closes."""
    from PySide6.QtCore import QProcess, QTimer
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.errors import TashbeekError
    from desktop_app.i18n import _
    from desktop_app.services.changes import Change

    location = location or workspace.location
    window = build_window(workspace, settings, language)
    if not _sign_in(window, location.display_name):
        workspace.close()
        return 0
    if kiosk is None:
        window.show()
    else:
        try:
            window.open_kiosk(kiosk)
        except TashbeekError as exc:
            print(exc.message, file=sys.stderr)
            QMessageBox.critical(None, _("Tashbeek"), exc.message)
            window.deleteLater()
            workspace.close()
            return exc.exit_code

    def check_integrity() -> None:
        if workspace.intact() or location.path is None:
            window.automatic_backup("daily")
            return
        message = _("The database {db} is damaged (integrity check failed).").format(db=location.display_name)
        if workspace.read_only:  # the writer's file: say so, never restore over it from here
            QMessageBox.warning(window, _("Tashbeek"), message)
            return
        workspace.db.dispose()
        choice = _recover(window, location, message, settings)
        if choice == "restored":
            window.context.announce(Change.everything())
        elif isinstance(choice, Path):
            QProcess.startDetached(sys.executable, ["-m", "desktop_app", "--db", str(choice)])
            window.close()

    QTimer.singleShot(0, check_integrity)
    QTimer.singleShot(0, collector.started)
    app.aboutToQuit.connect(workspace.close)
    return int(app.exec())


def _sign_in(window: Any, database: str) -> bool:
    """When the database has accounts, who is working: the sign-in dialog before the window shows
    (closing it quits). A database without accounts opens as before."""
    from desktop_app.services import sign_in
    from desktop_app.views.dialogs.sign_in import SignInDialog

    if not sign_in.sign_in_required(window.context.db):
        return True
    dialog = SignInDialog(window._check_password, database)
    if not dialog.exec() or dialog.account is None:
        return False
    window.sign_in_as(dialog.account)
    return True


def _recover(parent: Any, location: Any, message: str, settings: config.MachineSettings) -> str | Path | None:
    """The recovery dialog: "restored" after restoring the latest good backup, another database's
    path to open, or None to quit. The caller holds the database's lock."""
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.errors import TashbeekError
    from desktop_app.i18n import _
    from desktop_app.services.workspace import latest_good_backup_of, restore_into
    from desktop_app.views.startup import ask_recovery

    folder = settings.backup_path()
    latest = latest_good_backup_of(location, folder)
    choice = ask_recovery(parent, location.path, message, latest)
    if choice != "restore":
        return choice
    assert latest is not None
    try:
        kept = restore_into(location, latest, folder)
    except TashbeekError as exc:
        QMessageBox.critical(parent, _("Tashbeek"), exc.message)
        return None
    QMessageBox.information(parent, _("Tashbeek"), _("The backup {file} was restored; the damaged file was kept as {kept}.")
                            .format(file=latest.name, kept=kept))  # fmt: skip
    return "restored"
