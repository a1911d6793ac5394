"""QApplication set-up: language and layout direction set once before any widget, bundled fonts
loaded, the database opened (created only after asking), then the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from desktop_app import config, i18n
from desktop_app.assets import resource_path

FONT_FILES = (
    "NotoSansArabic-Regular.ttf",
    "NotoSansArabic-Bold.ttf",
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "Amiri-Regular.ttf",
    "Amiri-Bold.ttf",
)
UI_FONT_FAMILIES = ["Noto Sans Arabic", "Noto Sans"]


def create_application(language: str) -> object:
    """The QApplication, configured for `language` (reused if one exists, as under pytest-qt)."""
    from PySide6.QtCore import QLocale, Qt
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Tashbeek")
    app.setOrganizationName("Tashbeek")
    rtl = language == "ar"
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    QLocale.setDefault(
        QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt) if rtl else QLocale(QLocale.Language.English)
    )
    for name in FONT_FILES:
        QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
    font = QFont()
    font.setFamilies(UI_FONT_FAMILIES)
    font.setPointSize(11)
    app.setFont(font)
    return app


def _counts(db: object) -> dict[str, int]:
    from sqlalchemy import func, select

    from desktop_app.models import Organization, Person, Training

    with db.session_scope() as session:  # type: ignore[attr-defined]
        return {
            "organizations": session.scalar(select(func.count()).select_from(Organization)) or 0,
            "people": session.scalar(select(func.count()).select_from(Person)) or 0,
            "trainings": session.scalar(select(func.count()).select_from(Training)) or 0,
        }


def run_window(target: str | None, language: str | None) -> int:
    """Open the main window on `target` (default: the user's database); returns the exit code."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop_app.db import database_url, open_database, sqlite_path
    from desktop_app.errors import TashbeekError
    from desktop_app.i18n import _
    from desktop_app.views.main_window import MainWindow

    settings = config.load_settings()
    language = language or settings.language or i18n.DEFAULT_LANGUAGE
    i18n.set_language(language)
    app = create_application(language)
    assert isinstance(app, QApplication)
    target = target or str(config.default_database_path())
    path = sqlite_path(database_url(target))
    create = False
    if path is not None and not Path(path).exists():
        answer = QMessageBox.question(
            None,
            _("New database"),
            _("There is no database at {path} yet. Create a new, empty one there?").format(path=path),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return 0
        create = True
    try:
        db = open_database(
            target, create=create, operator=settings.operator, backup_dir=settings.backup_path()
        )
    except TashbeekError as exc:
        QMessageBox.critical(None, _("Tashbeek"), exc.message)
        return exc.exit_code
    settings.last_database = target
    config.save_settings(settings)
    window = MainWindow(db, _counts(db))
    window.show()
    return int(app.exec())
