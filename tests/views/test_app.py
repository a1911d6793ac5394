"""The window opens offscreen in Arabic, right to left, with the bundled fonts and no Qt warnings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from desktop_app import app as app_module
from desktop_app.db import Database
from desktop_app.services.demo import load_demo
from desktop_app.views.main_window import MainWindow


def test_application_is_right_to_left_with_bundled_fonts(qapp: QApplication) -> None:
    app_module.create_application("ar")
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    families = set(QFontDatabase.families())
    assert {"Noto Sans Arabic", "Noto Sans", "Amiri"} <= families
    app_module.create_application("en")
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    app_module.create_application("ar")


def test_main_window_shows_the_database(qtbot, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app_module.create_application("ar")
    load_demo(db)
    window = MainWindow(db, app_module._counts(db))
    qtbot.addWidget(window)
    window.show()
    assert window.isRightToLeft()
    texts = " ".join(label.text() for label in window.findChildren(QLabel))
    assert "57" in texts and "30" in texts
    assert str(db.display_name()) in window.statusBar().currentMessage()
    window.grab().save(str(tmp_path / "window.png"))
    assert (tmp_path / "window.png").stat().st_size > 1000


def test_missing_database_asks_before_creating(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []

    def refuse(*args: object, **kwargs: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", refuse)
    target = tmp_path / "new.sqlite"
    assert app_module.run_window(str(target), "ar") == 0
    assert asked and str(target) in asked[0]
    assert not target.exists()
