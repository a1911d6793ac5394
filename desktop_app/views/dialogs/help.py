"""The help viewer: a short page for each screen, in the window's language, shipped with the app in
resources/help/{ar,en}/<screen>.html and shown by QTextBrowser, which reads local files only. Links
between the pages work; a link that leaves the help folder (a web address) is never followed: the
app works offline.

Every screen offers it the same way (`help_button`, `help_shortcut`): a "?" tool button with a
tooltip, and F1.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app import i18n
from desktop_app.assets import resource_path
from desktop_app.views.style import icon

# Every screen with a page of its own: the window's sections (main_window.SECTIONS), then the main
# dialogs; "index" lists them all.
SCREENS = (
    "home", "organizations", "people", "trainings", "checkin", "documents", "statistics", "network", "tools",
    "settings", "import", "certificate", "training", "person", "designer",
)  # fmt: skip
INDEX = "index"


def help_file(screen: str, language: str | None = None) -> Path:
    """The page of `screen` in `language` (the messages' language by default; English if unknown)."""
    language = language or i18n.language()
    if language not in i18n.LANGUAGES:
        language = "en"
    return resource_path("help", language, f"{screen}.html")


class HelpDialog(QDialog):
    """One window for help: it stays open beside the screen (not modal) and follows the links."""

    def __init__(self, parent: QWidget | None, language: str | None = None) -> None:
        super().__init__(parent)
        self.language = language or i18n.language()
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("Help"))
        self.setSizeGripEnabled(True)
        self.setMinimumSize(360, 280)
        self.resize(640, 520)  # fits a 1024×600 screen with the window's title bar and a taskbar
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft if self.language == "ar" else Qt.LayoutDirection.LeftToRight)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)  # every link is looked at first (anchor_clicked)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self.anchor_clicked)
        self.browser.setSearchPaths([str(help_file(INDEX, self.language).parent)])
        self.back_button = QPushButton(icon("fa5s.arrow-right" if self.language == "ar" else "fa5s.arrow-left"),
                                       self.tr("Back"))  # fmt: skip
        self.back_button.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.back_button.setEnabled(False)
        contents = QPushButton(icon("fa5s.home"), self.tr("All help pages"))
        contents.clicked.connect(lambda: self.show_screen(INDEX))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(contents)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addLayout(buttons)
        self.screen_name = ""

    def show_screen(self, screen: str) -> None:
        path = help_file(screen, self.language)
        if not path.is_file():  # a screen without a page: the list of pages, never an empty window
            path = help_file(INDEX, self.language)
        self.screen_name = path.stem
        self.browser.setSource(QUrl.fromLocalFile(str(path)))
        self.setWindowTitle(self.tr("Help") + " — " + self.browser.documentTitle())

    def anchor_clicked(self, url: QUrl) -> None:
        """Another help page opens here; a web address does not (no network: say where it leads)."""
        target = self.browser.source().resolved(url)
        if target.isLocalFile() and Path(target.toLocalFile()).is_file():
            if target.fragment() and Path(target.toLocalFile()) == Path(self.browser.source().toLocalFile()):
                self.browser.scrollToAnchor(target.fragment())
                return
            self.browser.setSource(target)
            self.screen_name = Path(target.toLocalFile()).stem
            self.setWindowTitle(self.tr("Help") + " — " + self.browser.documentTitle())
            return
        self.browser.setToolTip(url.toString())


def open_help(parent: QWidget, screen: str, language: str | None = None) -> HelpDialog:
    """Show `screen`'s page in the window's help viewer (one per window, made on first use)."""
    window = parent.window()
    dialog = window.findChild(HelpDialog, "helpDialog", Qt.FindChildOption.FindDirectChildrenOnly)
    if dialog is None or (language and dialog.language != language):
        dialog = HelpDialog(window, language)
    dialog.show_screen(screen)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def help_button(parent: QWidget, screen: str | None, language: str | None = None) -> QToolButton:
    """The "?" of a screen (with F1 on the same screen). `screen` None: the caller sets
    `button.clicked` itself (the main window's button follows the section on screen)."""
    button = QToolButton()
    button.setObjectName("helpButton")
    button.setText("?")  # no icon: the question mark is what people look for
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    font = button.font()
    font.setBold(True)
    button.setFont(font)
    button.setToolTip(QCoreApplication.translate("Help", "Help for this screen (F1)"))
    button.setAccessibleName(QCoreApplication.translate("Help", "Help"))
    if screen is not None:
        button.clicked.connect(lambda: open_help(parent, screen, language))
        help_shortcut(parent, lambda: open_help(parent, screen, language))
    return button


def help_shortcut(parent: QWidget, slot: object) -> QShortcut:
    """F1 anywhere in `parent`'s window (its own dialog's F1 wins while a dialog is open)."""
    shortcut = QShortcut(QKeySequence("F1"), parent)
    shortcut.activated.connect(slot)
    return shortcut


def add_help(dialog: QDialog, buttons: QDialogButtonBox | QHBoxLayout, screen: str) -> QToolButton:
    """A dialog's "?" at the start of its button row, and F1 in the dialog."""
    button = help_button(dialog, screen)
    if isinstance(buttons, QDialogButtonBox):
        buttons.addButton(button, QDialogButtonBox.ButtonRole.HelpRole)
    else:
        buttons.insertWidget(0, button)
    return button
