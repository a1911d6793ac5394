"""Settings: this computer's (language, operator, backup folder), the organization's (identity,
logo, certificate signatories, digits in documents, serial prefix) and the accounts (administrators
only, once there are accounts)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app import config
from desktop_app.errors import ValidationError
from desktop_app.services import settings as org_settings
from desktop_app.services.changes import Change, Kind
from desktop_app.services.settings import OrganizationSettings, SignatoryData
from desktop_app.views.context import AppContext
from desktop_app.views.errors import show_error
from desktop_app.views.style import icon, label

IMAGE_FILTER = "PNG / JPEG (*.png *.jpg *.jpeg)"


class SettingsPage(QWidget):
    # What this screen shows: it refreshes when one of these changes (MainWindow dispatches).
    WATCHES = frozenset({Kind.SETTINGS})

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("page")
        self.context = context
        self.logo: bytes | None = None
        self.signature_images: list[bytes | None] = []

        # -- this computer
        self.language = QComboBox()
        self.language.addItem("العربية", "ar")
        self.language.addItem("English", "en")
        self.operator = QLineEdit()
        self.operator.setPlaceholderText(self.tr("Your name, written into every change you make"))
        self.backup_dir = QLineEdit()
        browse = QPushButton(icon("fa5s.folder-open"), self.tr("Choose…"))
        browse.clicked.connect(self.choose_backup_dir)
        backup_row = QHBoxLayout()
        backup_row.addWidget(self.backup_dir, 1)
        backup_row.addWidget(browse)
        machine_form = QFormLayout()
        machine_form.addRow(self.tr("Language"), self.language)
        machine_form.addRow(self.tr("Operator name"), self.operator)
        machine_form.addRow(self.tr("Backup folder"), backup_row)
        save_machine = QPushButton(self.tr("Save this computer's settings"))
        save_machine.setObjectName("primary")
        save_machine.clicked.connect(self.save_machine)
        machine_box = QGroupBox(self.tr("This computer"))
        machine_layout = QVBoxLayout(machine_box)
        machine_layout.addLayout(machine_form)
        machine_layout.addWidget(
            label(self.tr("A new language applies the next time Tashbeek starts."), "caption")
        )
        machine_layout.addWidget(save_machine, 0, Qt.AlignmentFlag.AlignLeading)

        # -- the organization
        self.name_ar = QLineEdit()
        self.name_en = QLineEdit()
        self.logo_preview = QLabel()
        self.logo_preview.setFixedSize(120, 70)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("border: 1px dashed #d5dbe3; border-radius: 6px;")
        choose_logo = QPushButton(self.tr("Choose logo…"))
        choose_logo.clicked.connect(self.choose_logo)
        clear_logo = QPushButton(self.tr("Remove logo"))
        clear_logo.clicked.connect(lambda: self.set_logo(None))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(choose_logo)
        logo_row.addWidget(clear_logo)
        logo_row.addStretch(1)
        self.western = QRadioButton(self.tr("Western digits (0123)"))
        self.arabic = QRadioButton(self.tr("Arabic-Indic digits (٠١٢٣)"))
        digits = QButtonGroup(self)
        digits.addButton(self.western)
        digits.addButton(self.arabic)
        digits_row = QHBoxLayout()
        digits_row.addWidget(self.western)
        digits_row.addWidget(self.arabic)
        digits_row.addStretch(1)
        self.prefix = QLineEdit()
        self.prefix.setMaxLength(10)
        self.prefix.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.signatories = QTableWidget(0, 3)
        self.signatories.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Title"), self.tr("Signature")])
        self.signatories.verticalHeader().hide()
        self.signatories.setMinimumHeight(130)
        self.signatories.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        add_signatory = QPushButton(icon("fa5s.plus"), self.tr("Add signatory"))
        add_signatory.clicked.connect(lambda: self.add_signatory_row(SignatoryData("")))
        signature = QPushButton(self.tr("Signature image…"))
        signature.clicked.connect(self.choose_signature)
        remove = QPushButton(self.tr("Remove signatory"))
        remove.clicked.connect(self.remove_signatory)
        sign_row = QHBoxLayout()
        for button in (add_signatory, signature, remove):
            sign_row.addWidget(button)
        sign_row.addStretch(1)
        org_form = QFormLayout()
        org_form.addRow(self.tr("Name (Arabic)"), self.name_ar)
        org_form.addRow(self.tr("Name (English)"), self.name_en)
        org_form.addRow(self.tr("Logo"), logo_row)
        org_form.addRow(self.tr("Digits in documents"), digits_row)
        org_form.addRow(self.tr("Certificate serial prefix"), self.prefix)
        save_org = self.save_org = QPushButton(self.tr("Save the organization's settings"))
        save_org.setObjectName("primary")
        save_org.clicked.connect(self.save_organization)
        org_box = QGroupBox(self.tr("The organization (shared by everyone using this database)"))
        org_layout = QVBoxLayout(org_box)
        org_layout.addLayout(org_form)
        org_layout.addWidget(label(self.tr("Certificate signatories (at most three)"), "sectionTitle"))
        org_layout.addWidget(self.signatories)
        org_layout.addLayout(sign_row)
        org_layout.addWidget(save_org, 0, Qt.AlignmentFlag.AlignLeading)

        content = QWidget()
        content.setObjectName("page")
        column = QVBoxLayout(content)
        column.setContentsMargins(32, 24, 32, 24)
        column.setSpacing(16)
        column.addWidget(label(self.tr("Settings"), "pageTitle"))
        column.addWidget(machine_box)
        column.addWidget(org_box)
        from desktop_app.views.dialogs.accounts import AccountsBox

        self.accounts = AccountsBox(context, self._signed_in)
        column.addWidget(self.accounts)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.refresh()

    # -- loading
    def refresh(self) -> None:
        machine = self.context.settings
        self.language.setCurrentIndex(max(0, self.language.findData(machine.language or "ar")))
        self.operator.setText(machine.operator)
        self.backup_dir.setText(str(machine.backup_path()))
        values = org_settings.load_organization_settings(self.context.db)
        self.name_ar.setText(values.identity_name_ar)
        self.name_en.setText(values.identity_name_en)
        self.set_logo(values.logo)
        (self.arabic if values.document_digits == "arabic" else self.western).setChecked(True)
        self.prefix.setText(values.certificate_serial_prefix)
        self.signatories.setRowCount(0)
        self.signature_images = []
        for signatory in values.signatories:
            self.add_signatory_row(signatory)
        self.account_changed()

    def account_changed(self) -> None:
        """What the signed-in account's role may change here: the rest is disabled, saying who may."""
        refusal = self.context.refusal("settings.organization")
        self.save_org.setEnabled(not refusal)
        self.save_org.setToolTip(refusal)
        self.accounts.refresh()

    def _signed_in(self, account: Any) -> None:
        sign_in_as = getattr(self.window(), "sign_in_as", None)  # the main window (absent in a lone page)
        if sign_in_as is not None:
            sign_in_as(account)
        else:
            self.context.account = account
            self.context.db.operator = account.name

    def on_show(self) -> None:
        self.refresh()

    # -- this computer
    def choose_backup_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"), self.backup_dir.text())
        if folder:
            self.backup_dir.setText(folder)

    def save_machine(self) -> None:
        if not self.context.may("settings.machine", self):
            return
        machine = self.context.settings
        machine.language = str(self.language.currentData())
        machine.operator = self.operator.text().strip()
        folder = self.backup_dir.text().strip()
        machine.backup_dir = "" if folder == str(config.default_backup_dir()) else folder
        try:
            self.context.runner.call(self, lambda: config.save_settings(machine), changes=[Change(Kind.SETTINGS)])
        except OSError as exc:
            show_error(self, exc)
            return
        if self.context.account is None:  # signed in, the audit names the account, not this name
            self.context.db.operator = machine.operator
        QMessageBox.information(self, self.tr("Settings"), self.tr("This computer's settings were saved."))

    # -- the organization
    def set_logo(self, data: bytes | None) -> None:
        self.logo = data
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.logo_preview.setPixmap(pixmap.scaled(116, 66, Qt.AspectRatioMode.KeepAspectRatio,
                                                      Qt.TransformationMode.SmoothTransformation))  # fmt: skip
        else:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(self.tr("No logo"))

    def _read_image(self) -> bytes | None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose an image"), str(Path.home()), IMAGE_FILTER
        )
        if not path:
            return None
        try:
            return Path(path).read_bytes()
        except OSError as exc:
            show_error(self, exc)
            return None

    def choose_logo(self) -> None:
        data = self._read_image()
        if data is not None:
            self.set_logo(data)

    def add_signatory_row(self, signatory: SignatoryData) -> None:
        row = self.signatories.rowCount()
        self.signatories.insertRow(row)
        self.signatories.setItem(row, 0, QTableWidgetItem(signatory.name))
        self.signatories.setItem(row, 1, QTableWidgetItem(signatory.title or ""))
        status = QTableWidgetItem(self.tr("Added") if signatory.signature_image else self.tr("None"))
        status.setFlags(status.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.signatories.setItem(row, 2, status)
        self.signature_images.append(signatory.signature_image)

    def choose_signature(self) -> None:
        row = self.signatories.currentRow()
        if row < 0:
            QMessageBox.information(
                self, self.tr("Signature"), self.tr("Choose a signatory in the table first.")
            )
            return
        data = self._read_image()
        if data is not None:
            self.signature_images[row] = data
            cell = self.signatories.item(row, 2)
            if cell is not None:
                cell.setText(self.tr("Added"))

    def remove_signatory(self) -> None:
        row = self.signatories.currentRow()
        if row >= 0:
            self.signatories.removeRow(row)
            del self.signature_images[row]

    def save_organization(self) -> None:
        if not self.context.may("settings.organization", self):
            return
        def text(row: int, col: int) -> str:
            cell = self.signatories.item(row, col)
            return cell.text() if cell is not None else ""

        signatories = [
            SignatoryData(text(r, 0), text(r, 1) or None, self.signature_images[r])
            for r in range(self.signatories.rowCount())
        ]
        data = OrganizationSettings(
            identity_name_ar=self.name_ar.text(),
            identity_name_en=self.name_en.text(),
            document_digits="arabic" if self.arabic.isChecked() else "western",
            certificate_serial_prefix=self.prefix.text().strip(),
            logo=self.logo,
            signatories=signatories,
        )
        try:
            self.context.call(
                self, lambda db: org_settings.save_organization_settings(db, data), changes=[Change(Kind.SETTINGS)]
            )
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("Cannot save"), exc.message)
            return
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        self.refresh()
        QMessageBox.information(self, self.tr("Settings"), self.tr("The organization's settings were saved."))
