"""The first-run guide: on a computer with no settings file, the window starts with five short pages
(language; the demo or an empty database, and where it lives; the organization's name and logo; the
operator's name; where backups go) and then opens on Home.

Nothing is written while the guide is open: the database is created, the demo loaded and the
organization's identity saved (through `services.settings`, as the Settings screen does) only after
Finish, and this computer's settings file is written last, atomically. Cancelling writes nothing,
so the next start offers the guide again; once the settings file exists it is never shown.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop_app import config, i18n
from desktop_app.errors import TashbeekError, ValidationError
from desktop_app.services.settings import LOGO, check_image
from desktop_app.services.workspace import Workspace, locate

IMAGE_FILTER = "PNG / JPEG (*.png *.jpg *.jpeg)"
LANGUAGE_NAMES = {"ar": "العربية", "en": "English"}


@dataclass(frozen=True)
class FirstRunChoices:
    """What the guide asked, applied only after Finish (`finish_first_run`)."""

    language: str
    database: Path
    demo: bool = True
    name_ar: str = ""
    name_en: str = ""
    logo: bytes | None = None
    operator: str = ""
    backup_dir: Path | None = None

    def machine_settings(self) -> config.MachineSettings:
        backups = self.backup_dir or config.default_backup_dir()
        return config.MachineSettings(
            language=self.language,
            operator=self.operator.strip(),
            # The default folder is kept as "" so it follows TASHBEEK_DATA_DIR (as the Settings screen does).
            backup_dir="" if backups == config.default_backup_dir() else str(backups),
            last_database=str(self.database),
        )


def _page(title: str, intro: str) -> tuple[QWizardPage, QVBoxLayout]:
    page = QWizardPage()
    page.setTitle(title)
    page.setSubTitle(intro)
    layout = QVBoxLayout(page)
    return page, layout


def _browse_row(edit: QLineEdit, button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a path reads left to right in Arabic too
    row.addWidget(edit, 1)
    row.addWidget(button)
    return row


class FirstRunGuide(QWizard):
    """The guide's pages; `choices()` reads them. Choosing another language on the first page ends
    the guide with `restart_language` set, and `run_first_run` opens it again in that language."""

    LANGUAGE, DATABASE, ORGANIZATION, OPERATOR, BACKUPS = range(5)

    def __init__(self, choices: FirstRunChoices, start: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Tashbeek"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(760, 520)
        # Our own words (Qt's Arabic "&التالي >" came out elided in these buttons).
        for which, text in (
            (QWizard.WizardButton.BackButton, self.tr("Back")), (QWizard.WizardButton.NextButton, self.tr("Next")),
            (QWizard.WizardButton.FinishButton, self.tr("Finish")), (QWizard.WizardButton.CancelButton, self.tr("Cancel")),
        ):  # fmt: skip
            self.setButtonText(which, text)
        self.restart_language: str | None = None
        self.language = choices.language  # the language its pages are written in
        self.logo = choices.logo

        page, layout = _page(self.tr("Language"), self.tr("The language of the program's windows and messages."))
        self.languages = QButtonGroup(self)
        for code in i18n.LANGUAGES:
            button = QRadioButton(LANGUAGE_NAMES.get(code, code))
            button.setProperty("language", code)
            button.setChecked(code == choices.language)
            self.languages.addButton(button)
            layout.addWidget(button)
        layout.addStretch(1)
        self.setPage(self.LANGUAGE, page)

        page, layout = _page(self.tr("Your database"), self.tr(
            "Everything the program records lives in one database file on this computer."))  # fmt: skip
        self.demo = QRadioButton(self.tr("Start with the demo programme (to try everything out first)"))
        self.empty = QRadioButton(self.tr("Start with an empty database (for real work)"))
        (self.demo if choices.demo else self.empty).setChecked(True)
        self.database = QLineEdit(str(choices.database))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.choose_database)
        self.database_error = QLabel()
        self.database_error.setObjectName("error")
        self.database_error.setWordWrap(True)
        self.database_error.hide()
        layout.addWidget(self.demo)
        layout.addWidget(self.empty)
        layout.addSpacing(12)
        layout.addWidget(QLabel(self.tr("Where the database file is kept:")))
        layout.addLayout(_browse_row(self.database, browse))
        layout.addWidget(self.database_error)
        self.database_note = QLabel(self.tr("A database exists there already: it will be opened as it is."))
        self.database_note.setWordWrap(True)
        layout.addWidget(self.database_note)
        self.database.textChanged.connect(self._database_changed)
        self._database_changed()
        layout.addStretch(1)
        self.setPage(self.DATABASE, page)

        page, layout = _page(self.tr("Your organization"), self.tr(
            "Printed on certificates, badges and reports. You can change it later under Settings."))  # fmt: skip
        form = QFormLayout()
        self.name_ar = QLineEdit(choices.name_ar)
        self.name_ar.setPlaceholderText(self.tr("Leave empty to fill it in later"))
        self.name_en = QLineEdit(choices.name_en)
        self.name_en.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.logo_preview = QLabel()
        self.logo_preview.setFixedSize(140, 80)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("border: 1px dashed #d5dbe3; border-radius: 6px;")
        choose_logo = QPushButton(self.tr("Choose logo…"))
        choose_logo.clicked.connect(self.choose_logo)
        self.logo_error = QLabel()
        self.logo_error.setObjectName("error")
        self.logo_error.setWordWrap(True)
        self.logo_error.hide()
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(choose_logo)
        logo_row.addStretch(1)
        form.addRow(self.tr("Name in Arabic"), self.name_ar)
        form.addRow(self.tr("Name in English"), self.name_en)
        form.addRow(self.tr("Logo"), logo_row)
        layout.addLayout(form)
        layout.addWidget(self.logo_error)
        layout.addStretch(1)
        self.setPage(self.ORGANIZATION, page)
        self._show_logo()

        page, layout = _page(self.tr("You"), self.tr(
            "Your name is written with every change you make and every check-in on this computer."))  # fmt: skip
        self.operator = QLineEdit(choices.operator)
        self.operator.setPlaceholderText(self.tr("Your name"))
        layout.addWidget(self.operator)
        layout.addStretch(1)
        self.setPage(self.OPERATOR, page)

        page, layout = _page(self.tr("Backups"), self.tr(
            "A checked copy of the database is made every day and when the program closes. A folder on "
            "a USB stick or another disk keeps it safe if this computer fails."))  # fmt: skip
        self.backup_dir = QLineEdit(str(choices.backup_dir or config.default_backup_dir()))
        browse_backups = QPushButton(self.tr("Choose…"))
        browse_backups.clicked.connect(self.choose_backup_dir)
        layout.addWidget(QLabel(self.tr("Backup folder:")))
        layout.addLayout(_browse_row(self.backup_dir, browse_backups))
        layout.addStretch(1)
        self.setPage(self.BACKUPS, page)
        if start != self.LANGUAGE:
            # Opened again after a change of language: on the next page, with Back still leading to
            # the language (so it can be changed again).
            self.restart()
            for _step in range(start):  # page ids are their order
                self.next()

    def _database_changed(self) -> None:
        """An existing file is opened as it is: neither the demo nor "empty" applies to it."""
        text = self.database.text().strip()
        exists = bool(text) and Path(text).expanduser().is_file()
        self.database_note.setVisible(exists)
        self.demo.setEnabled(not exists)
        self.empty.setEnabled(not exists)

    # -- choosing files
    def choose_database(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Where the database file is kept"), self.database.text(),
            self.tr("Tashbeek databases (*.sqlite)"), options=QFileDialog.Option.DontConfirmOverwrite,
        )  # fmt: skip
        if path:
            self.database.setText(path)

    def choose_backup_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), self.backup_dir.text())
        if folder:
            self.backup_dir.setText(folder)

    def choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose an image"), str(Path.home()), IMAGE_FILTER)
        if path:
            self.set_logo_file(Path(path))

    def set_logo_file(self, path: Path) -> None:
        """A logo is checked when it is chosen (as on the Settings screen): a bad file is said at once."""
        try:
            data = path.read_bytes()
            check_image(LOGO, data)
        except OSError as exc:
            self.logo_error.setText(str(exc.strerror or exc))
            self.logo_error.show()
            return
        except ValidationError as exc:
            self.logo_error.setText(exc.message)
            self.logo_error.show()
            return
        self.logo_error.hide()
        self.logo = data
        self._show_logo()

    def _show_logo(self) -> None:
        if self.logo:
            pixmap = QPixmap()
            pixmap.loadFromData(self.logo)
            self.logo_preview.setPixmap(pixmap.scaled(136, 76, Qt.AspectRatioMode.KeepAspectRatio,
                                                      Qt.TransformationMode.SmoothTransformation))  # fmt: skip
        else:
            self.logo_preview.setText(self.tr("No logo"))

    # -- moving on
    def chosen_language(self) -> str:
        button = self.languages.checkedButton()
        return str(button.property("language")) if button is not None else i18n.DEFAULT_LANGUAGE

    def validateCurrentPage(self) -> bool:
        if self.restart_language is not None:
            return True  # done() below asks again before it accepts
        if self.currentId() == self.LANGUAGE and self.chosen_language() != self.language:
            # The pages are built in one language: the guide starts again in the other one.
            self.restart_language = self.chosen_language()
            self.done(QDialog.DialogCode.Accepted)
            return False
        if self.currentId() == self.DATABASE:
            path = Path(self.database.text().strip()).expanduser()
            problem = None
            if not self.database.text().strip():
                problem = self.tr("Say where the database file is kept.")
            elif path.is_dir():
                problem = self.tr("This is a folder: give a file name, such as tashbeek.sqlite.")
            self.database_error.setText(problem or "")
            self.database_error.setVisible(problem is not None)
            return problem is None
        page = self.currentPage()
        return page is None or page.validatePage()

    def choices(self) -> FirstRunChoices:
        backups = self.backup_dir.text().strip()
        return FirstRunChoices(
            language=self.chosen_language(),
            database=Path(self.database.text().strip()).expanduser(),
            demo=self.demo.isChecked(),
            name_ar=self.name_ar.text().strip(),
            name_en=self.name_en.text().strip(),
            logo=self.logo,
            operator=self.operator.text().strip(),
            backup_dir=Path(backups).expanduser() if backups else None,
        )


def default_choices(language: str) -> FirstRunChoices:
    return FirstRunChoices(language=language, database=config.default_database_path())


def run_first_run(language: str) -> FirstRunChoices | None:
    """Show the guide until it is finished (the choices) or cancelled (None: nothing was written)."""
    from desktop_app.views.application import create_application

    choices = default_choices(language)
    start = FirstRunGuide.LANGUAGE
    while True:
        guide = FirstRunGuide(choices, start)
        accepted = guide.exec() == QDialog.DialogCode.Accepted
        if not accepted:
            return None
        if guide.restart_language is None:
            return guide.choices()
        # The other language: its translators and direction, then the guide again from page two.
        choices = replace(guide.choices(), language=guide.restart_language)
        i18n.set_language(choices.language)
        create_application(choices.language)
        start = FirstRunGuide.DATABASE


def finish_first_run(choices: FirstRunChoices) -> Workspace:
    """After Finish: create (or open) the database, load the demo when asked, save the organization's
    name and logo, then write this computer's settings file last. Returns the open Workspace; a
    failure raises (a TashbeekError) before the settings file is written, so the guide comes again."""
    from desktop_app.services.demo import load_demo
    from desktop_app.services.settings import save_identity

    settings = choices.machine_settings()
    location = locate(str(choices.database))
    existed = location.exists()
    workspace = Workspace.open(location, write=True, create=not existed, operator=settings.operator,
                               backup_dir=settings.backup_path())  # fmt: skip
    try:
        if choices.demo and not existed:  # a database chosen that exists already is opened as it is
            load_demo(workspace.db)
        if choices.name_ar or choices.name_en or choices.logo is not None:
            save_identity(workspace.db, name_ar=choices.name_ar, name_en=choices.name_en, logo=choices.logo)
        config.save_settings(settings)
    except (TashbeekError, OSError):
        workspace.close()
        raise
    return workspace

