"""`tashbeek screenshots`: every main screen and dialog saved as a PNG, the main screens at 1280×800."""

from __future__ import annotations

from pathlib import Path

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
