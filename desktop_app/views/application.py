"""The QApplication and the main window: language, translators and layout direction set once before
any widget, bundled fonts loaded, the style applied; then the window over an open workspace.

Qt is imported inside the functions, so importing this module (as `desktop_app.app` does for the CLI)
costs nothing until a window is made.
"""

from __future__ import annotations

import sys
from typing import Any

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
_translators: list[Any] = []  # kept alive for the application's lifetime


def _install_translators(app: Any, language: str) -> None:
    from PySide6.QtCore import QLibraryInfo, QTranslator

    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    if language == "en":
        return
    ours = QTranslator(app)
    if ours.load(str(resource_path("translations", f"tashbeek_{language}.qm"))):
        app.installTranslator(ours)
        _translators.append(ours)
    qt_own = QTranslator(app)
    # Qt's own dialogs (file chooser, message box buttons) in the same language.
    if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _translators.append(qt_own)


def create_application(language: str) -> Any:
    """The QApplication, configured for `language` (reused if one exists, as under pytest-qt)."""
    from PySide6.QtCore import QLocale, Qt
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    from desktop_app.views.style import apply_style

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Tashbeek")
    app.setOrganizationName("Tashbeek")
    rtl = language == "ar"
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    # The interface writes numbers in Western digits (phones, IDs, dates, counts all alike), so it
    # uses Arabic as written in Tunisia: the same month names as Egypt (نوفمبر), Latin digits.
    # Printed documents follow the organization's own digits setting.
    arabic = QLocale(QLocale.Language.Arabic, QLocale.Country.Tunisia)
    locale = arabic if rtl else QLocale(QLocale.Language.English)
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    QLocale.setDefault(locale)
    _install_translators(app, language)
    for name in FONT_FILES:
        QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
    font = QFont()
    font.setFamilies(UI_FONT_FAMILIES)
    font.setPointSize(11)
    app.setFont(font)
    apply_style(app)
    return app


def build_window(workspace: Any, settings: config.MachineSettings, language: str) -> Any:
    """The main window over an open workspace (or a database a caller holds: tests, screenshots)."""
    from desktop_app.views.context import AppContext
    from desktop_app.views.main_window import MainWindow

    i18n.set_language(language)  # messages from the services in the window's language
    context = AppContext(workspace, settings, language)
    context.db.operator = settings.operator or context.db.operator
    return MainWindow(context)


