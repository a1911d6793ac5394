"""What a user can get wrong in the window, action by action: a file that is gone, a folder where a
file should be, a folder that does not exist, a full disk, a read-only disk, a damaged file, an
impossible code or a pasted page. Each shows one sentence (never "something unexpected went
wrong") and writes nothing."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from desktop_app.views.main_window import MainWindow
from desktop_app.views.pages.checkin import CheckinPage
from desktop_app.views.pages.documents import DocumentsPage
from desktop_app.views.pages.settings import SettingsPage
from desktop_app.views.pages.tools import ToolsPage

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(os.environ.get("TASHBEEK_TEST_DB_URL") is not None, reason="SQLite files"),
]
UNEXPECTED = "بياناتك المحفوظة سليمة"  # the bug dialog's "your saved data is safe"


def choose(monkeypatch: pytest.MonkeyPatch, path: Path | str, *, save: bool = False) -> None:
    name = "getSaveFileName" if save else "getOpenFileName"
    monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *a, **k: (str(path), "")))


def fail_writes(monkeypatch: pytest.MonkeyPatch, error_number: int) -> None:
    def fail(*_args: object) -> None:
        raise OSError(error_number, os.strerror(error_number))

    monkeypatch.setattr("desktop_app.files.os.fsync", fail)


def said(answers, qtbot, *words: str) -> str:  # type: ignore[no-untyped-def]
    """Wait for the next message (work may run on a worker thread) and check it."""
    qtbot.waitUntil(lambda: bool(answers.seen), timeout=15_000)
    message = answers.seen[-1]
    assert UNEXPECTED not in message, message
    for word in words:
        assert word in message, (word, message)
    return message


@pytest.fixture
def tools(window: MainWindow, tmp_path: Path) -> ToolsPage:
    window.context.settings.backup_dir = str(tmp_path / "backups")
    page = window.show_section("tools")
    assert isinstance(page, ToolsPage)
    return page


@pytest.mark.parametrize("what", ["missing", "folder"])
def test_importing_a_file_that_is_gone_or_a_folder(
    qtbot, tools: ToolsPage, answers, monkeypatch, tmp_path: Path, what: str  # type: ignore[no-untyped-def]
) -> None:
    target = tmp_path / "people.csv"
    if what == "folder":
        target.mkdir()
    choose(monkeypatch, target)
    tools.import_file("people")
    said(answers, qtbot, str(target))


@pytest.mark.parametrize(("trouble", "words"), [("missing folder", "غير موجود"), ("full disk", "القرص ممتلئ"),
                                                ("read-only disk", "لا تمكن الكتابة")])  # fmt: skip
def test_exporting_where_it_cannot_be_written(
    qtbot, tools: ToolsPage, answers, monkeypatch, tmp_path: Path, trouble: str, words: str  # type: ignore[no-untyped-def]
) -> None:
    folder = tmp_path / ("gone" if trouble == "missing folder" else "out")
    if trouble != "missing folder":
        folder.mkdir()
        fail_writes(monkeypatch, errno.ENOSPC if trouble == "full disk" else errno.EROFS)
    choose(monkeypatch, folder / "people.xlsx", save=True)
    tools.export("people")
    said(answers, qtbot, words)
    assert not folder.exists() or list(folder.iterdir()) == []


def test_backing_up_onto_a_full_disk(qtbot, tools: ToolsPage, answers, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    fail_writes(monkeypatch, errno.ENOSPC)
    tools.backups_tab.protect.setChecked(False)
    tools.backups_tab.backup_now()
    said(answers, qtbot, "القرص ممتلئ")
    assert list(tools.context.settings.backup_path().glob("*")) == []


@pytest.mark.parametrize("what", ["missing", "folder", "damaged"])
def test_restoring_a_backup_that_is_gone_a_folder_or_damaged(
    qtbot, tools: ToolsPage, answers, monkeypatch, tmp_path: Path, what: str  # type: ignore[no-untyped-def]
) -> None:
    from desktop_app.services.search import search_people

    backup = tmp_path / "old.sqlite"
    if what == "folder":
        backup.mkdir()
    elif what == "damaged":
        backup.write_bytes(b"SQLite format 3\x00" + b"\xa5" * 8000)
    choose(monkeypatch, backup)
    tools.backups_tab.restore_file()
    said(answers, qtbot)
    assert search_people(tools.context.db, "هاني إبراهيم")  # the database is as it was


@pytest.mark.parametrize("what", ["missing", "folder", "not a package"])
def test_importing_a_package_that_is_gone_a_folder_or_something_else(
    qtbot, tools: ToolsPage, answers, monkeypatch, tmp_path: Path, what: str  # type: ignore[no-untyped-def]
) -> None:
    package = tmp_path / "venue.zip"
    if what == "folder":
        package.mkdir()
    elif what == "not a package":
        package.write_bytes(b"PK\x03\x04 truncated")
    choose(monkeypatch, package)
    tools.packages_tab.import_()
    said(answers, qtbot)


def test_writing_a_package_into_a_missing_folder(qtbot, tools: ToolsPage, answers, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tools.tabs.setCurrentWidget(tools.packages_tab)
    tools.packages_tab.protect.setChecked(False)
    choose(monkeypatch, tmp_path / "stick" / "venue.zip", save=True)
    tools.packages_tab.export()
    said(answers, qtbot, "غير موجود")
    assert not (tmp_path / "stick").exists()


def test_a_logo_that_is_a_folder(qtbot, window: MainWindow, answers, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = window.show_section("settings")
    assert isinstance(page, SettingsPage)
    choose(monkeypatch, tmp_path)
    page.choose_logo()
    said(answers, qtbot, "مجلد")


@pytest.mark.parametrize("kind", ["report", "badges"])
@pytest.mark.parametrize("trouble", ["missing folder", "full disk"])
def test_documents_that_cannot_be_written(
    qtbot, window: MainWindow, answers, monkeypatch, tmp_path: Path, kind: str, trouble: str  # type: ignore[no-untyped-def]
) -> None:
    page = window.show_section("documents")
    assert isinstance(page, DocumentsPage)
    page.refresh()
    folder = tmp_path / ("gone" if trouble == "missing folder" else "out")
    if trouble == "full disk":
        folder.mkdir()
        fail_writes(monkeypatch, errno.ENOSPC)
    choose(monkeypatch, folder / f"{kind}.pdf", save=True)
    page.make(kind)
    said(answers, qtbot)
    assert not folder.exists() or list(folder.iterdir()) == []


@pytest.mark.parametrize("typed", ["12345678901234567890123", "-1", "محمد " * 20_000])
def test_check_in_with_impossible_codes_or_a_pasted_page(
    qtbot, window: MainWindow, answers, typed: str  # type: ignore[no-untyped-def]
) -> None:
    page = window.show_section("checkin")
    assert isinstance(page, CheckinPage)
    page.box.setText(typed)  # the box keeps at most 200 characters of a paste
    assert len(page.box.text()) <= 200
    page.box.returnPressed.emit()
    assert not [m for m in answers.seen if UNEXPECTED in m]


def test_verifying_garbage(qtbot, window: MainWindow, answers) -> None:  # type: ignore[no-untyped-def]
    page = window.show_section("documents")
    assert isinstance(page, DocumentsPage)
    page.verify_box.setText("x" * 5000)
    page.verify_box.returnPressed.emit()
    assert not [m for m in answers.seen if UNEXPECTED in m]

