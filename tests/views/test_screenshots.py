"""`tashbeek screenshots`: every main screen and dialog saved as a PNG, the main screens at 1280×800."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from desktop_app.views.main_window import SECTIONS
from desktop_app.views.screenshots import take_screenshots


def test_screenshots_of_every_screen(qapp: QApplication, tmp_path: Path) -> None:
    saved = take_screenshots(tmp_path, None, "ar")
    names = {p.stem for p in saved}
    assert set(SECTIONS) <= names
    assert {
        "people_detail",
        "people_validation",
        "dialog_duplicate",
        "dialog_unsaved",
        "quick_search_popup",
        "statistics_charts",
        "statistics_projects",
        "dialog_statistics_people",
    } <= names
    for key in SECTIONS:
        image = QImage(str(tmp_path / f"{key}.png"))
        assert (image.width(), image.height()) == (1280, 800)


@pytest.mark.parametrize("size", [(1024, 600), (1920, 1080)], ids=["1024x600", "1920x1080"])
@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_screen_fits_without_cutting_text(
    qapp: QApplication, tmp_path: Path, language: str, size: tuple[int, int]
) -> None:
    """At a small laptop's and a large screen's size, in both languages: no text cut without "…", no
    tab hidden or cut, no dialog or window larger than the screen, no time or date shown reversed."""
    from desktop_app.app import create_application

    problems: list[str] = []
    try:
        saved = take_screenshots(tmp_path, None, language, size=size, problems=problems)
    finally:
        create_application("ar")
    assert problems == []
    for key in SECTIONS:
        image = QImage(str(tmp_path / f"{key}.png"))
        assert (image.width(), image.height()) == size
    dialogs = [p for p in saved if p.stem.startswith("dialog_")]
    assert dialogs
    for path in dialogs:
        image = QImage(str(path))
        assert image.width() <= size[0] and image.height() <= size[1], path.stem


def test_the_checks_find_what_they_look_for(qapp: QApplication) -> None:
    """Each check fails on the defect it is for (the test above passing means something)."""
    from PySide6.QtCore import QSize, Qt, QTime
    from PySide6.QtWidgets import QDialog, QLabel, QTabWidget, QTimeEdit, QVBoxLayout, QWidget

    from desktop_app.views.layout_check import layout_problems

    window = QWidget()
    column = QVBoxLayout(window)
    cut = QLabel("اسم طويل جدًا لا يتسع له المكان المخصص له في هذا الصف")
    cut.setFixedWidth(60)
    column.addWidget(cut)
    reversed_time = QTimeEdit(QTime(9, 30))
    reversed_time.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    reversed_time.setDisplayFormat("HH:mm")
    column.addWidget(reversed_time)
    tabs = QTabWidget()
    tabs.setFixedWidth(150)
    for text in ("Import and export", "Duplicates", "Venue packages"):
        tabs.addTab(QWidget(), text)
    column.addWidget(tabs)
    window.resize(400, 300)
    window.show()
    qapp.processEvents()
    found = "\n".join(layout_problems(window, QSize(1024, 600)))
    assert "text cut off" in found
    assert "'30:09' for '09:30'" in found
    assert "tabs cut short" in found
    big = QDialog()
    big.setMinimumSize(1100, 500)
    assert any("more than the screen" in p for p in layout_problems(big, QSize(1024, 600)))
    window.close()
