"""The first-run guide: from an empty config folder through its pages (keyboard only) to Home, with
an empty database and with the demo; cancelling writes nothing; a second start does not show it."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from sqlalchemy import func, select

from desktop_app import config
from desktop_app.app import build_window, needs_first_run
from desktop_app.models import Person
from desktop_app.services.settings import load_organization_settings
from desktop_app.views.first_run import FirstRunChoices, FirstRunGuide, finish_first_run, run_first_run
from desktop_app.views.main_window import MainWindow
from tests.conftest import type_text

Script = Callable[[FirstRunGuide], bool]


@pytest.fixture
def machine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A computer never set up: empty config and data folders of this test's own (never the user's)."""
    monkeypatch.setenv("TASHBEEK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("TASHBEEK_DATA_DIR", str(tmp_path / "data"))
    return tmp_path


@pytest.fixture
def drive(monkeypatch: pytest.MonkeyPatch, qtbot, arabic_app: QApplication) -> Iterator[Callable[[Script], None]]:  # type: ignore[no-untyped-def]
    """Answer the guide with a script of keys instead of a person (its exec is modal)."""
    guides: list[FirstRunGuide] = []

    def use(script: Script) -> None:
        def fake_exec(guide: FirstRunGuide) -> int:
            guides.append(guide)
            guide.show()
            guide.activateWindow()
            qtbot.waitUntil(guide.isActiveWindow, timeout=10_000)
            finished = script(guide)
            if guide.result() == QDialog.DialogCode.Accepted and not guide.isVisible():
                return QDialog.DialogCode.Accepted.value  # the language page restarted the guide
            if finished:
                press(guide, Qt.Key.Key_Return)  # Finish
            else:
                press(guide, Qt.Key.Key_Escape)  # Cancel
            return guide.result()

        monkeypatch.setattr(FirstRunGuide, "exec", fake_exec)

    yield use
    for guide in guides:
        guide.close()
        guide.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def press(guide: FirstRunGuide, key: Qt.Key) -> None:
    target = QApplication.focusWidget() or guide
    QTest.keyClick(target, key)


def type_into(guide: FirstRunGuide, field: QWidget, text: str) -> None:
    assert guide.currentPage().isAncestorOf(field)
    field.setFocus()
    field.selectAll()  # type: ignore[attr-defined]
    type_text(field, text)


def next_page(guide: FirstRunGuide, expected: int) -> None:
    press(guide, Qt.Key.Key_Return)
    assert guide.currentId() == expected


def walk(guide: FirstRunGuide, *, demo: bool, backups: Path) -> bool:
    assert guide.currentId() == FirstRunGuide.LANGUAGE and guide.chosen_language() == "ar"
    assert guide.layoutDirection() == Qt.LayoutDirection.RightToLeft
    next_page(guide, FirstRunGuide.DATABASE)
    assert guide.database.text() == str(config.default_database_path())  # a sensible default
    if not demo:
        guide.empty.setFocus()
        QTest.keyClick(guide.empty, Qt.Key.Key_Space)
        assert guide.empty.isChecked()
    next_page(guide, FirstRunGuide.ORGANIZATION)
    type_into(guide, guide.name_ar, "جمعية الأمل")
    bad = backups.parent / "logo.png"
    bad.parent.mkdir(parents=True, exist_ok=True)
    bad.write_bytes(b"\x89PNG\r\n\x1a\n cut short")
    guide.set_logo_file(bad)  # refused at once, as on the Settings screen
    assert guide.logo is None and not guide.logo_error.isHidden()
    good = backups.parent / "good.png"
    Image.new("RGB", (40, 20), "navy").save(good)
    guide.set_logo_file(good)
    assert guide.logo == good.read_bytes() and guide.logo_error.isHidden()
    next_page(guide, FirstRunGuide.OPERATOR)
    type_into(guide, guide.operator, "سلمى")
    next_page(guide, FirstRunGuide.BACKUPS)
    type_into(guide, guide.backup_dir, str(backups))
    return True


def open_home(qtbot, choices) -> MainWindow:  # type: ignore[no-untyped-def]
    workspace = finish_first_run(choices)
    window = build_window(workspace, choices.machine_settings(), choices.language)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.mark.parametrize("demo", [False, True], ids=["empty", "demo"])
def test_the_guide_ends_on_home(machine: Path, drive, qtbot, demo: bool) -> None:  # type: ignore[no-untyped-def]
    assert needs_first_run(None, None)
    drive(lambda guide: walk(guide, demo=demo, backups=machine / "usb" / "backups"))
    choices = run_first_run("ar")
    assert choices is not None
    assert not config.settings_exist() and not config.default_database_path().exists()  # nothing yet
    window = open_home(qtbot, choices)
    try:
        assert window.stack.currentWidget() is window.pages["home"]
        db = window.context.db
        with db.session_scope() as tx:
            people = tx.scalar(select(func.count(Person.id)))
        assert (people > 0) == demo
        organization = load_organization_settings(db)
        assert organization.identity_name_ar == "جمعية الأمل"
        assert organization.logo == (machine / "usb" / "good.png").read_bytes()
        saved = json.loads((config.config_dir() / config.SETTINGS_FILE).read_text(encoding="utf-8"))
        assert saved["operator"] == "سلمى" and saved["language"] == "ar"
        assert saved["backup_dir"] == str(machine / "usb" / "backups")
        assert saved["last_database"] == str(config.default_database_path())
        assert config.default_database_path().exists()
    finally:
        window.context.runner.wait()
        window.close()
        window.context.workspace.close()
    # The second start: settings exist, so no guide.
    assert not needs_first_run(None, None)


def test_cancelling_writes_nothing_and_the_guide_comes_again(machine: Path, drive) -> None:  # type: ignore[no-untyped-def]
    def cancel_at_the_end(guide: FirstRunGuide) -> bool:
        walk(guide, demo=True, backups=machine / "backups")
        return False

    drive(cancel_at_the_end)
    assert run_first_run("ar") is None
    assert not config.settings_exist()
    assert not (machine / "config").exists() or not any((machine / "config").iterdir())
    assert not (machine / "data").exists() or not any((machine / "data").rglob("*"))
    assert needs_first_run(None, None)


def test_a_named_database_kiosk_or_an_existing_default_database_skips_the_guide(machine: Path) -> None:
    assert needs_first_run(None, None)
    assert not needs_first_run(str(machine / "other.sqlite"), None)
    assert not needs_first_run(None, 3)
    config.default_database_path().parent.mkdir(parents=True)
    config.default_database_path().write_bytes(b"")  # `tashbeek demo` was run before the window
    assert not needs_first_run(None, None)


def test_an_existing_file_chosen_in_the_guide_is_opened_as_it_is(machine: Path, db, qtbot, arabic_app) -> None:  # type: ignore[no-untyped-def]
    assert db.path is not None
    guide = FirstRunGuide(FirstRunChoices(language="ar", database=machine / "new.sqlite"))
    qtbot.addWidget(guide)
    assert guide.database_note.isHidden() and guide.demo.isEnabled()
    guide.database.setText(str(db.path))
    assert not guide.database_note.isHidden() and not guide.demo.isEnabled()
    workspace = finish_first_run(guide.choices())  # "demo" is still ticked: not loaded into it
    try:
        with workspace.db.session_scope() as tx:
            assert tx.scalar(select(func.count(Person.id))) == 0
    finally:
        workspace.close()
    assert config.settings_exist()


def test_choosing_english_starts_the_guide_again_in_english(machine: Path, drive, qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[str, Qt.LayoutDirection, int]] = []

    def script(guide: FirstRunGuide) -> bool:
        seen.append((guide.windowTitle(), guide.layoutDirection(), guide.currentId()))
        if guide.chosen_language() == "ar":
            english = next(b for b in guide.languages.buttons() if b.property("language") == "en")
            english.setFocus()
            QTest.keyClick(english, Qt.Key.Key_Space)
            press(guide, Qt.Key.Key_Return)
            return True
        guide.back()  # Back leads to the language page again, to change it again
        seen.append((guide.windowTitle(), guide.layoutDirection(), guide.currentId()))
        return False  # in English now: cancel

    drive(script)  # the Arabic application comes back when the fixtures end (arabic_app)
    assert run_first_run("ar") is None
    assert [where for _title, _direction, where in seen] == [
        FirstRunGuide.LANGUAGE, FirstRunGuide.DATABASE, FirstRunGuide.LANGUAGE]  # fmt: skip
    assert seen[1][0] == "Welcome to Tashbeek" and seen[1][1] == Qt.LayoutDirection.LeftToRight
    assert not config.settings_exist()
