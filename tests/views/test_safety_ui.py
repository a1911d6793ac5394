"""Backups, venue packages and the audit log in the Tools screen; the automatic backup on closing;
read-only viewing; the recovery dialog's restore."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from desktop_app.app import _recover, build_window
from desktop_app.config import MachineSettings
from desktop_app.db import Database, open_database
from desktop_app.errors import DataError
from desktop_app.models import Person
from desktop_app.services import backups
from desktop_app.services.demo import load_demo
from desktop_app.services.registry import PersonData, create_person
from desktop_app.services.workspace import locate
from desktop_app.views import startup
from desktop_app.views.main_window import MainWindow
from desktop_app.views.pages.tools import ToolsPage
from tests.views.conftest import settle

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(os.environ.get("TASHBEEK_TEST_DB_URL") is not None, reason="SQLite"),
]


@pytest.fixture
def tools(window: MainWindow, tmp_path: Path) -> ToolsPage:
    window.context.settings.backup_dir = str(tmp_path / "backups")
    page = window.show_section("tools")
    assert isinstance(page, ToolsPage)
    return page


def _names(db: Database) -> set[str]:
    with db.session_scope() as session:
        return set(session.scalars(select(Person.full_name)))


def test_backup_now_and_restore(qtbot, tools: ToolsPage, answers) -> None:  # type: ignore[no-untyped-def]
    tools.tabs.setCurrentWidget(tools.backups_tab)
    tab = tools.backups_tab
    tab.backup_now()
    settle()  # the work went to the runner
    assert tab.table.rowCount() == 1 and "test-manual-" in answers.seen[-1]
    create_person(tools.context.db, PersonData("شخص بعد النسخة"))
    assert "شخص بعد النسخة" in _names(tools.context.db)
    tab.table.setCurrentCell(0, 0)
    tab.restore_selected()  # the question is answered Yes
    settle()  # the work went to the runner
    assert "شخص بعد النسخة" not in _names(tools.context.db)
    assert any(b.kind == "before-restore" for b in backups.list_backups(tools.context.settings.backup_path()))


def test_packages_tab_round_trip(qtbot, tools: ToolsPage, answers, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tools.tabs.setCurrentWidget(tools.packages_tab)
    tab = tools.packages_tab
    tab.protect.setChecked(False)
    target = tmp_path / "venue.tashbeek.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    tab.export()
    settle()  # the work went to the runner
    assert target.exists() and "57" in answers.seen[-1]
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(target), "")))
    tab.import_()
    qtbot.waitUntil(lambda: len(answers.seen) >= 2, timeout=10_000)
    assert "0" in answers.seen[-1]  # the same data again: nothing added


def test_audit_tab_filters_by_person(tools: ToolsPage) -> None:
    pid = create_person(tools.context.db, PersonData("منى للتجربة", phone="01022223333"))
    tools.tabs.setCurrentWidget(tools.audit_tab)
    tab = tools.audit_tab
    assert tab.table.rowCount() > 0
    tab.kind.setCurrentIndex(tab.kind.findData("person"))
    tab.subject.addItem("منى للتجربة", pid)
    tab.subject.setCurrentIndex(tab.subject.findData(pid))
    tab.reload()
    assert tab.table.rowCount() == 1 and "منى للتجربة" in tab.table.item(0, 2).text()
    assert "01022223333" in tab.table.item(0, 4).text().replace("+20", "0")


def test_closing_the_window_backs_up(qtbot, arabic_app, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    load_demo(db)
    settings = MachineSettings(language="ar", operator="مريم", backup_dir=str(tmp_path / "auto"))
    window = build_window(db, settings, "ar")
    window.show()
    window.close()
    made = backups.list_backups(tmp_path / "auto")
    assert [b.kind for b in made] == ["closing"]


def test_read_only_viewing_refuses_changes(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite"
    open_database(path, create=True).dispose()
    viewer = open_database(path, read_only=True)
    assert viewer.read_only
    with pytest.raises(DataError, match="read-only"):
        create_person(viewer, PersonData("لن يُحفظ"))


def test_recovery_restores_the_latest_good_backup(arabic_app, tmp_path: Path, monkeypatch, answers) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "office.sqlite"
    db = open_database(path, create=True)
    load_demo(db)
    folder = tmp_path / "backups"
    backups.make_backup(db, folder, kind="daily")
    db.dispose()
    path.write_bytes(b"\x00" * 4096)  # the disk ate it
    monkeypatch.setattr(startup, "ask_recovery", lambda *a: "restore")
    choice = _recover(None, locate(path), "damaged", MachineSettings(backup_dir=str(folder)))
    assert choice == "restored"
    assert "هاني إبراهيم" in _names(open_database(path))


def test_open_a_package_as_a_new_database(tools: ToolsPage, answers, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QProcess

    from desktop_app.services.packages import export_package

    package = tmp_path / "venue.zip"
    export_package(tools.context.db, 1, package)
    new_db = tmp_path / "laptop.sqlite"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(package), "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(new_db), "")))
    started: list[list[str]] = []
    monkeypatch.setattr(
        QProcess, "startDetached", staticmethod(lambda program, args: started.append(args) or True)
    )
    tools.packages_tab.open_as_new_database()
    settle()  # the work went to the runner
    assert new_db.exists() and started == [["-m", "desktop_app", "--db", str(new_db)]]
    laptop = open_database(new_db)
    assert "هاني إبراهيم" in _names(laptop)
    laptop.dispose()


def test_a_read_only_window_never_restores_over_the_writer(arabic_app, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Another program writes to the file: a read-only window that cannot open it says why and quits;
    it never offers to replace the file under the writer (restoring is a writer's action)."""
    from PySide6.QtWidgets import QMessageBox

    from desktop_app import app as app_module
    from desktop_app.lock import WriterLock

    path = tmp_path / "office.sqlite"
    open_database(path, create=True).dispose()
    with sqlite3.connect(path) as conn:  # a file this version cannot open read-only
        conn.execute("UPDATE alembic_version SET version_num = '0001'")
    recoveries: list[object] = []
    shown: list[str] = []
    monkeypatch.setattr(app_module, "_recover", lambda *a: recoveries.append(a))
    monkeypatch.setattr(startup, "ask_read_only", lambda holder: True)
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *a: shown.append(str(a[2]))))
    with WriterLock(path):
        assert app_module.run_window(str(path), "ar") == 1
    assert recoveries == [] and shown and "tashbeek db upgrade" in shown[0]
