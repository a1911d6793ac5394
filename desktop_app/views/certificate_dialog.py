"""The certificate of one training: its wording (with placeholders) and up to three signatories,
beside a live preview of a sample page drawn by the same code that prints the real ones.

Certificates already issued keep what they printed; the dialog says so.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import TashbeekError, ValidationError
from desktop_app.services import certificates as certs
from desktop_app.services.changes import Change, Kind
from desktop_app.services.settings import SignatoryData
from desktop_app.views.context import AppContext
from desktop_app.views.dialogs.help import add_help
from desktop_app.views.errors import show_error
from desktop_app.views.style import icon, label
from desktop_app.views.widgets import printing
from desktop_app.views.widgets.fields import accept_cancel
from desktop_app.views.widgets.scrolling import scrolled
from desktop_app.views.widgets.wording_edit import WordingEdit


class _SignatoryRow:
    def __init__(self, dialog: CertificateDesignDialog, data: SignatoryData | None) -> None:
        self.dialog = dialog
        self.name = QLineEdit(data.name if data else "")
        self.title = QLineEdit((data.title or "") if data else "")
        self.image: bytes | None = data.signature_image if data else None
        self.image_button = QPushButton()
        self.image_button.clicked.connect(self.choose_image)
        self.clear_button = QPushButton(QCoreApplication.translate("CertificateDesignDialog", "Remove image"))
        self.clear_button.clicked.connect(self.clear_image)
        for edit in (self.name, self.title):
            edit.textChanged.connect(dialog.schedule_preview)
        self._update_button()

    def _update_button(self) -> None:
        self.image_button.setText(
            QCoreApplication.translate("CertificateDesignDialog", "Signature image…")
            if not self.image
            else QCoreApplication.translate("CertificateDesignDialog", "Change image…")
        )
        self.clear_button.setEnabled(bool(self.image))

    def choose_image(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self.dialog,
            QCoreApplication.translate("CertificateDesignDialog", "Signature image"),
            str(Path.home()),
            QCoreApplication.translate("CertificateDesignDialog", "Images (*.png *.jpg *.jpeg)"),
        )
        if path:
            self.image = Path(path).read_bytes()
            self._update_button()
            self.dialog.schedule_preview()

    def clear_image(self) -> None:
        self.image = None
        self._update_button()
        self.dialog.schedule_preview()

    def data(self) -> SignatoryData | None:
        if not self.name.text().strip() and not self.title.text().strip() and not self.image:
            return None
        return SignatoryData(self.name.text().strip(), self.title.text().strip() or None, self.image)


class CertificateDesignDialog(QDialog):
    def __init__(self, context: AppContext, training_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.training_id = training_id
        self.setWindowTitle(self.tr("Certificate wording and signatories"))
        self.resize(1180, 680)
        design = certs.certificate_design(context.db, training_id)

        self.wording = WordingEdit(design.wording, list(certs.PLACEHOLDERS))
        self.wording.setMinimumHeight(130)
        self.wording.textChanged.connect(self.schedule_preview)
        help_text = self.tr(
            "Insert the participant's name, the training and the other details from the list: each is "
            "filled in for every person, and the name is printed large on its own line. «شارك / شاركت» "
            "picks the masculine or feminine form for each person."
        )
        self.problem = label("", "fieldError", wrap=True)

        grid = QGridLayout()
        grid.addWidget(label(self.tr("Name"), "caption"), 0, 0)
        grid.addWidget(label(self.tr("Title"), "caption"), 0, 1)
        self.rows = []
        for n in range(3):
            row = _SignatoryRow(self, design.signatories[n] if n < len(design.signatories) else None)
            self.rows.append(row)
            grid.addWidget(row.name, n + 1, 0)
            grid.addWidget(row.title, n + 1, 1)
            grid.addWidget(row.image_button, n + 1, 2)
            grid.addWidget(row.clear_button, n + 1, 3)

        form = QWidget()
        column = QVBoxLayout(form)
        heading = QHBoxLayout()
        heading.addWidget(label(self.tr("Wording"), "sectionTitle"))
        heading.addStretch(1)
        heading.addWidget(self.wording.insert_button)
        column.addLayout(heading)
        column.addWidget(self.wording)
        column.addWidget(label(help_text, "caption", wrap=True))
        column.addWidget(label(self.tr("Signatories"), "sectionTitle"))
        column.addWidget(label(self.tr("Leave them empty to use the organization's signatories from Settings."),
                               "caption", wrap=True))  # fmt: skip
        column.addLayout(grid)
        column.addWidget(self.problem)
        column.addWidget(label(self.tr("Certificates already issued keep exactly what they printed."),
                               "muted", wrap=True))  # fmt: skip
        column.addStretch(1)

        self.pdf = QPdfDocument(self)
        self.preview = QPdfView()
        self.preview.setDocument(self.pdf)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._buffer: QBuffer | None = None
        self.preview_pdf: bytes | None = None  # the page on screen, as the print button prints it
        print_button = QPushButton(icon("fa5s.print"), self.tr("Print the preview…"))
        print_button.setToolTip(self.tr("Print the preview (Ctrl+P)"))
        print_button.clicked.connect(self.print_preview)
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_preview)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(350)
        self._timer.timeout.connect(self.update_preview)

        # The wording and signatories scroll on a small screen rather than squeezing the wording box.
        body = QHBoxLayout()
        body.addWidget(scrolled(form), 5)
        preview_column = QVBoxLayout()
        preview_column.addWidget(self.preview, 1)
        preview_column.addWidget(print_button, 0, Qt.AlignmentFlag.AlignLeading)
        body.addLayout(preview_column, 6)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        buttons = accept_cancel(self, self.tr("Save"), self.tr("Cancel"), self.save)
        add_help(self, buttons, "certificate")
        layout.addWidget(buttons)
        self.update_preview()

    def signatories(self) -> list[SignatoryData]:
        return [data for row in self.rows if (data := row.data()) is not None]

    def schedule_preview(self) -> None:
        self._timer.start()

    def update_preview(self) -> None:
        training_id, wording, signatories = self.training_id, self.wording.wording(), self.signatories()
        try:
            data = self.context.call(
                self, lambda db: certs.preview_certificate(db, training_id, wording, signatories)
            )
        except TashbeekError as error:
            self.problem.setText(error.message)
            return
        self.problem.setText("")
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer  # QPdfDocument reads from it while it shows the page
        self.preview_pdf = data

    def print_preview(self) -> None:
        if self.preview_pdf is not None:
            printing.print_pdf(self.context, self, self.preview_pdf, self.windowTitle())

    def save(self) -> None:
        training_id, wording, signatories = self.training_id, self.wording.wording(), self.signatories()
        try:
            self.context.call(
                self, lambda db: certs.save_certificate_design(db, training_id, wording, signatories),
                changes=[Change(Kind.TRAINING, training_id)],
            )  # fmt: skip
        except ValidationError as error:
            self.problem.setText(error.message)
            return
        except Exception as error:  # noqa: BLE001 - shown to the user, nothing was written
            show_error(self, error)
            return
        self.accept()
