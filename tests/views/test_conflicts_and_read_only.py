"""The Conflicts list in Tools (both values side by side, settled with a click), and the window's side
of the readers-and-writers table: in a read-only window every writing action is refused before it
asks or writes anything, every reading action works, and every action the table names goes
through the gate."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from desktop_app.access import WINDOW_ACTIONS, Access
from desktop_app.app import build_window
from desktop_app.config import MachineSettings
from desktop_app.db import Database, open_database
from desktop_app.services.demo import load_demo
from desktop_app.services.packages import export_package, read_package
from desktop_app.services.registry import get_person, update_person
from desktop_app.services.search import search_people
from desktop_app.services.sync import import_into_new_database, import_package, list_conflicts
from desktop_app.views.main_window import MainWindow
from desktop_app.views.pages.tools import ToolsPage

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(os.environ.get("TASHBEEK_TEST_DB_URL") is not None, reason="SQLite files"),
]


def _conflict(office: Database, tmp_path: Path) -> None:
    """An email changed at the office and, differently, at a venue laptop; the laptop's package merged."""
    export_package(office, 1, tmp_path / "out.zip")
    import_into_new_database(tmp_path / "laptop.sqlite", read_package(tmp_path / "out.zip"))
    laptop = open_database(tmp_path / "laptop.sqlite")
    update_person(office, search_people(office, "هاني إبراهيم")[0].id, email="hany@office.example.org")
    update_person(laptop, search_people(laptop, "هاني إبراهيم")[0].id, email="hany@venue.example.org")
    export_package(laptop, 1, tmp_path / "back.zip")
    laptop.dispose()
    import_package(office, read_package(tmp_path / "back.zip"))


def test_the_conflicts_list_shows_both_values_and_settles_them(window: MainWindow, tmp_path: Path) -> None:
    _conflict(window.context.db, tmp_path)
    tools = window.show_section("tools")
    assert isinstance(tools, ToolsPage)
    tools.tabs.setCurrentWidget(tools.conflicts_tab)
    tab = tools.conflicts_tab
    assert tab.table.rowCount() == 1
    cells = [tab.table.item(0, c).text() for c in range(5)]
    assert "هاني إبراهيم" in cells[0] and cells[1] == "البريد الإلكتروني"
    assert "hany@office.example.org" in cells[2] and "hany@venue.example.org" in cells[3]
    assert tools.tabs.tabText(tools.tabs.indexOf(tab)) == "تعارضات (1)"
    tab.table.setCurrentCell(0, 0)
    tab.take_venue.click()
    hany = get_person(window.context.db, search_people(window.context.db, "هاني إبراهيم")[0].id)
    assert hany.email == "hany@venue.example.org"
    assert tab.table.rowCount() == 0 and tab.empty.isVisibleTo(tab)
    assert tools.tabs.tabText(tools.tabs.indexOf(tab)) == "تعارضات"
    tab.show_settled.setChecked(True)
    assert tab.table.rowCount() == 1 and "من المكان" in tab.table.item(0, 4).text()


def _fingerprint(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        tables = [
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        rows = [conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables]  # noqa: S608
    return hashlib.sha256(repr(rows).encode()).hexdigest()


# How a user sets off each action of the table (the test fails if the table and this list differ).
TRIGGERS: dict[str, Callable[[Any], object]] = {
    "demo.load": lambda w: w.page("home").load_demo(),
    "person.new": lambda w: w.page("people").new_record(),
    "person.save": lambda w: w.page("people").editor.save(),
    "person.archive": lambda w: w.page("people").editor.toggle_archived(),
    "organization.new": lambda w: w.page("organizations").new_record(),
    "organization.save": lambda w: w.page("organizations").editor.save(),
    "organization.archive": lambda w: w.page("organizations").editor.toggle_archived(),
    "training.new": lambda w: w.page("trainings").new_training(),
    "training.edit": lambda w: w.page("trainings").edit_training(),
    "session.edit": lambda w: w.page("trainings").add_session(),
    "training.enroll": lambda w: w.page("trainings").add_people(),
    "training.groups": lambda w: w.page("trainings").assign_groups(),
    "enrollment.edit": lambda w: w.page("trainings").apply_enrolment(),
    "checkin.check_in": lambda w: (w.page("checkin").box.setText("هاني إبراهيم"), w.page("checkin").submit()),
    "checkin.undo": lambda w: w.page("checkin").undo(),
    "checkin.walk_in": lambda w: w.page("checkin").register_walk_in(),
    "checkin.kiosk": lambda w: w.page("checkin").start_kiosk(),
    "attendance.edit": lambda w: w.page("trainings").grid_model.set_cell(w.page("trainings").grid_model.index(0, 2), "late"),
    "certificates.issue": lambda w: w.page("documents").issue(),
    "certificates.design": lambda w: w.page("documents").edit_design(),
    "templates.design": lambda w: w.page("documents").edit_templates(),
    "certificates.revoke": lambda w: w.page("documents").revoke(),
    "certificates.print": lambda w: w.page("documents").print_certificates(),
    "certificates.verify": lambda w: (w.page("documents").verify_box.setText("TSH-2026-XXXXX-0001"),
                                      w.page("documents").verify()),
    "documents.print": lambda w: w.page("documents").make("sheet"),
    "document.print": lambda w: w.page("documents").print_shown(),
    "statistics.report": lambda w: w.page("statistics").save_report(".pdf"),
    "statistics.age_bands": lambda w: w.page("statistics").edit_age_bands(),
    "projects.edit": lambda w: w.page("statistics").projects.save(),
    "settings.organization": lambda w: w.page("settings").save_organization(),
    "settings.machine": lambda w: w.page("settings").save_machine(),
    "settings.accounts": lambda w: w.page("settings").accounts.add_account(),
    "import.file": lambda w: w.page("tools").import_file("people"),
    "export.file": lambda w: w.page("tools").export("people"),
    "people.export": lambda w: w.page("people").export_list(),
    "duplicates.merge": lambda w: w.page("tools").duplicates_tab.merge_selected(),
    "backup.make": lambda w: w.page("tools").backups_tab.backup_now(),
    "backup.restore": lambda w: w.page("tools").backups_tab.restore_selected(),
    "package.export": lambda w: w.page("tools").packages_tab.export(),
    "package.import": lambda w: w.page("tools").packages_tab.import_(),
    "package.new_database": lambda w: w.page("tools").packages_tab.open_as_new_database(),
    "conflicts.resolve": lambda w: w.page("tools").conflicts_tab.resolve("venue"),
    "network.export": lambda w: w.page("network").map.export(".png"),
    "network.print": lambda w: w.page("network").print_minutes(),
    "agreement.edit": lambda w: w.page("network").new_agreement(),
    "agreement.document": lambda w: w.page("network").open_document(),
    "agreement.archive": lambda w: w.page("network").archive_agreement(),
    "initiative.archive": lambda w: w.page("network").archive_initiative(),
    "meeting.archive": lambda w: w.page("network").archive_meeting(),
    "initiative.edit": lambda w: w.page("network").new_initiative(),
    "meeting.edit": lambda w: w.page("network").new_meeting(),
    "meeting.minutes": lambda w: w.page("network").edit_minutes(),
    "action.edit": lambda w: w.page("network").new_action(),
}  # fmt: skip


def test_a_read_only_window_refuses_every_writer_and_runs_every_reader(
    qtbot,
    arabic_app,
    answers,
    monkeypatch,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    assert set(TRIGGERS) == set(WINDOW_ACTIONS)
    path = tmp_path / "office.sqlite"
    writer = open_database(path, create=True)
    load_demo(writer)
    _conflict(writer, tmp_path)
    writer.dispose()
    for name in ("getSaveFileName", "getOpenFileName"):  # readers stop at their file dialog
        monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *a, **k: ("", "")))
    viewer = open_database(path, read_only=True)
    settings = MachineSettings(
        language="ar", operator="مريم", auto_backup=False, backup_dir=str(tmp_path / "b")
    )
    window = build_window(viewer, settings, "ar")
    window.show()
    before = _fingerprint(path)
    try:
        for action, trigger in TRIGGERS.items():
            seen = len(answers.seen)
            trigger(window)
            window.context.runner.wait()  # work the action handed to the runner has finished
            refused = any("للقراءة فقط" in text for text in answers.seen[seen:])
            assert refused is (WINDOW_ACTIONS[action] is Access.WRITER), (action, answers.seen[seen:])
        assert window.context.asked == set(WINDOW_ACTIONS)  # every action went through the gate
        assert _fingerprint(path) == before
        assert list_conflicts(viewer)  # still waiting
        assert len(list((tmp_path / "b").glob("*.sqlite"))) == 1  # the backup, a reader, was made
    finally:
        window.close()
        window.deleteLater()
        viewer.dispose()


def test_a_refused_package_lists_its_first_problems(
    window: MainWindow, answers, monkeypatch, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from tests.services.package_files import read_data, write_v2

    export_package(window.context.db, 1, tmp_path / "out.zip")
    manifest, data = read_data(tmp_path / "out.zip")
    for row in data["people"][:12]:
        row["phone"] = "'; DROP TABLE person; --"
    bad = write_v2(tmp_path / "bad.zip", manifest, data)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bad), "")))
    before = _fingerprint(window.context.db.path)  # type: ignore[arg-type]
    tools = window.show_section("tools")
    assert isinstance(tools, ToolsPage)
    tools.packages_tab.import_()
    qtbot.waitUntil(lambda: bool(answers.seen), timeout=10_000)
    text = answers.seen[-1]
    assert "رُفضت الحزمة" in text and "الشخص 1" in text and "الشخص 12" not in text
    assert text.count("\n") <= 10 and "التفاصيل" in text
    assert _fingerprint(window.context.db.path) == before  # type: ignore[arg-type]
