"""Documents: certificates, sign-in sheets, the attendance report, badges and the participants'
directory for a chosen training, each made in the background with progress and Cancel, then shown in
the preview beside the buttons (or opened in the system's PDF viewer). Certificates can be verified
and revoked here too."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app import clock
from desktop_app.services import certificates as certs
from desktop_app.services import documents
from desktop_app.services.attendance import attendance_grid
from desktop_app.services.changes import Change, Kind
from desktop_app.services.trainings import TrainingRow, list_trainings
from desktop_app.text.arabic import MAX_QUERY_LENGTH, fold_text
from desktop_app.text.dates import format_date
from desktop_app.text.isolate import isolate, ltr
from desktop_app.views import labels
from desktop_app.views.context import AppContext
from desktop_app.views.errors import show_error
from desktop_app.views.operations import Report
from desktop_app.views.paths import suggested_file, with_suffix_confirmed
from desktop_app.views.style import card, icon, label
from desktop_app.views.widgets import printing
from desktop_app.views.widgets.fields import accept_cancel, number_box
from desktop_app.views.widgets.roles import FOLDED_ROLE, RECORD_ID_ROLE


class DocumentsPage(QWidget):
    # What this screen shows: it refreshes when one of these changes (MainWindow dispatches).
    WATCHES = frozenset({Kind.TRAINING, Kind.PERSON, Kind.ATTENDANCE, Kind.CERTIFICATE, Kind.SETTINGS})

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("page")
        self.context = context
        self.trainings: list[TrainingRow] = []
        self.last_file: Path | None = None

        self.training = QComboBox()
        # A long title is cut with "…" (its whole text is the tooltip) rather than widening the page.
        self.training.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.training.setMinimumContentsLength(24)
        self.training.currentIndexChanged.connect(lambda _i: self._training_changed())
        self.empty = label(
            self.tr("No trainings yet: documents are made for a training."), "emptyState", wrap=True
        )

        # Certificates
        self.cert_status = label("", "muted", wrap=True)
        self.issue_button = QPushButton(icon("fa5s.award"), self.tr("Issue to eligible participants"))
        self.issue_button.clicked.connect(self.issue)
        self.choose_button = QPushButton(icon("fa5s.user-check"), self.tr("Issue to chosen people…"))
        self.choose_button.clicked.connect(self.issue_to_chosen)
        self.print_button = QPushButton(icon("fa5s.print"), self.tr("Print certificates…"))
        self.print_button.clicked.connect(self.print_certificates)
        self.design_button = QPushButton(icon("fa5s.pen-fancy"), self.tr("Wording and signatories…"))
        self.design_button.clicked.connect(self.edit_design)
        self.templates_button = QPushButton(icon("fa5s.drafting-compass"), self.tr("Templates…"))
        self.templates_button.setToolTip(
            self.tr("Design certificate and badge templates and choose this training's")
        )
        self.templates_button.clicked.connect(self.edit_templates)
        self.split = QCheckBox(self.tr("Also one file per person, named after them"))
        self.issued = QTableWidget(0, 4)
        self.issued.setHorizontalHeaderLabels(
            [self.tr("Serial"), self.tr("Name"), self.tr("Issued"), self.tr("State")]
        )
        self.issued.verticalHeader().hide()
        self.issued.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.issued.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.issued.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.issued.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.issued.setWordWrap(False)
        self.issued.setMinimumHeight(150)
        self.revoke_button = QPushButton(icon("fa5s.ban"), self.tr("Revoke…"))
        self.revoke_button.clicked.connect(self.revoke)
        self.reissue_button = QPushButton(icon("fa5s.redo"), self.tr("Issue a replacement…"))
        self.reissue_button.setToolTip(
            self.tr("A revoked certificate is never issued again by itself: issue its replacement here.")
        )
        self.reissue_button.clicked.connect(self.reissue)
        self.issued.itemSelectionChanged.connect(self._selection_changed)

        cert_card, cert_layout = card("fa5s.award", self.tr("Participation certificates"))
        cert_layout.addWidget(self.cert_status)
        row = QHBoxLayout()
        for button in (self.issue_button, self.print_button):
            row.addWidget(button)
        row.addStretch(1)
        cert_layout.addLayout(row)
        row = QHBoxLayout()
        row.addWidget(self.choose_button)
        row.addWidget(self.design_button)
        row.addWidget(self.templates_button)
        row.addStretch(1)
        cert_layout.addLayout(row)
        cert_layout.addWidget(self.split)
        cert_layout.addWidget(self.issued)
        revoke_row = QHBoxLayout()
        revoke_row.addStretch(1)
        revoke_row.addWidget(self.reissue_button)
        revoke_row.addWidget(self.revoke_button)
        cert_layout.addLayout(revoke_row)

        # Sign-in sheet
        self.session = QComboBox()
        self.blank_rows = number_box(QSpinBox())
        self.blank_rows.setRange(0, 500)
        self.blank_rows.setValue(10)
        self.with_phone = QCheckBox(self.tr("Phone number column"))
        sheet_button = QPushButton(icon("fa5s.file-signature"), self.tr("Make sign-in sheet…"))
        sheet_button.clicked.connect(lambda: self.make("sheet"))
        sheet_card, sheet_layout = card("fa5s.file-signature", self.tr("Sign-in sheet"))
        form = QFormLayout()
        form.addRow(self.tr("Session"), self.session)
        form.addRow(self.tr("Blank rows for walk-ins"), self.blank_rows)
        form.addRow("", self.with_phone)
        sheet_layout.addLayout(form)
        sheet_layout.addWidget(sheet_button, 0, Qt.AlignmentFlag.AlignLeading)

        # The other documents
        other_card, other_layout = card("fa5s.copy", self.tr("Report, badges and directory"))
        other_layout.addWidget(label(self.tr(
            "The attendance report lists people by sessions with totals and eligibility. Badges carry a QR "
            "code that checks the person in when scanned. The directory lists only people who agreed to "
            "share their contact details."), "muted", wrap=True))  # fmt: skip
        other_row = QHBoxLayout()
        for kind, icon_name, text in (
            ("report", "fa5s.chart-bar", self.tr("Attendance report…")),
            ("badges", "fa5s.id-badge", self.tr("Badges…")),
            ("directory", "fa5s.address-book", self.tr("Directory…")),
        ):
            button = QPushButton(icon(icon_name), text)
            button.clicked.connect(lambda _=False, kind=kind: self.make(kind))
            other_row.addWidget(button)
        other_row.addStretch(1)
        other_layout.addLayout(other_row)

        # Verification
        self.verify_box = QLineEdit()
        self.verify_box.setMaxLength(MAX_QUERY_LENGTH)
        self.verify_box.setPlaceholderText(
            self.tr("Scan the QR code, or type the verification code or serial")
        )
        self.verify_box.returnPressed.connect(self.verify)
        verify_button = QPushButton(icon("fa5s.qrcode"), self.tr("Verify"))
        verify_button.clicked.connect(self.verify)
        self.verdict = label("", "", wrap=True)
        verify_card, verify_layout = card("fa5s.shield-alt", self.tr("Verify a certificate"))
        verify_row = QHBoxLayout()
        verify_row.addWidget(self.verify_box, 1)
        verify_row.addWidget(verify_button)
        verify_layout.addLayout(verify_row)
        verify_layout.addWidget(self.verdict)

        actions = QWidget()
        actions_column = QVBoxLayout(actions)
        actions_column.setContentsMargins(0, 0, 8, 0)
        actions_column.setSpacing(14)
        for widget in (cert_card, sheet_card, other_card, verify_card):
            actions_column.addWidget(widget)
        actions_column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(actions)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setMinimumWidth(440)

        # Preview
        self.pdf = QPdfDocument(self)
        self.preview = QPdfView()
        self.preview.setDocument(self.pdf)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.preview_title = label(self.tr("Made documents appear here."), "muted", wrap=True)
        self.open_button = QPushButton(icon("fa5s.external-link-alt"), self.tr("Open in PDF viewer"))
        self.open_button.clicked.connect(self.open_external)
        self.open_button.setEnabled(False)
        self.print_file_button = QPushButton(icon("fa5s.print"), self.tr("Print…"))
        self.print_file_button.setToolTip(self.tr("Print this document (Ctrl+P)"))
        self.print_file_button.clicked.connect(self.print_shown)
        self.print_file_button.setEnabled(False)
        preview_panel = QWidget()
        preview_column = QVBoxLayout(preview_panel)
        preview_column.setContentsMargins(8, 0, 0, 0)
        # The file's name above its button: on a small screen the panel is narrow, and neither is cut.
        preview_column.addWidget(self.preview_title)
        preview_top = QHBoxLayout()
        preview_top.addWidget(self.print_file_button)
        preview_top.addWidget(self.open_button)
        preview_top.addStretch(1)
        preview_column.addLayout(preview_top)
        # Before anything is made: what will appear here, instead of a large grey rectangle.
        self.preview_empty = label(
            self.tr("Make a document with the buttons beside: it opens here to check before printing."),
            "emptyState",
            wrap=True,
        )
        self.preview_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_stack = QStackedWidget()
        self.preview_stack.addWidget(self.preview_empty)
        self.preview_stack.addWidget(self.preview)
        preview_column.addWidget(self.preview_stack, 1)

        splitter = QSplitter()
        splitter.addWidget(scroll)
        splitter.addWidget(preview_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([600, 400])
        splitter.setChildrenCollapsible(False)
        preview_panel.setMinimumWidth(220)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        layout.addWidget(label(self.tr("Documents"), "pageTitle"))
        top = QHBoxLayout()
        top.addWidget(label(self.tr("Training"), "sectionTitle"))
        top.addWidget(self.training, 1)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)
        self.body = splitter
        # Ctrl+P prints the document in the preview; before one is made, it makes the certificates.
        QShortcut(QKeySequence("Ctrl+P"), self, self.print_shown)
        self.refresh()

    # -- the training
    def on_show(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        current = self.training.currentData()
        self.trainings = [t for t in list_trainings(self.context.db, kinds=None) if t.status != "archived"]
        self.training.blockSignals(True)
        self.training.clear()
        for t in self.trainings:
            self.training.addItem(labels.training_choice(t.title, t.start, self.context.language), t.id)
            self.training.setItemData(self.training.count() - 1, t.title, Qt.ItemDataRole.ToolTipRole)
        index = self.training.findData(current) if current is not None else -1
        if index < 0 and self.trainings:
            # The training running today, else the latest that has begun, else the next one (the
            # list is newest first and holds meetings too).
            today = clock.today()
            running = [i for i, t in enumerate(self.trainings) if t.start <= today <= t.end]
            begun = [i for i, t in enumerate(self.trainings) if t.start <= today]
            index = running[0] if running else begun[0] if begun else len(self.trainings) - 1
        self.training.setCurrentIndex(max(0, index))
        self.training.blockSignals(False)
        self.empty.setVisible(not self.trainings)
        self.body.setVisible(bool(self.trainings))
        self._training_changed()

    def select_training(self, training_id: int) -> None:
        index = self.training.findData(training_id)
        if index >= 0:
            self.training.setCurrentIndex(index)

    def training_id(self) -> int | None:
        value = self.training.currentData()
        return int(value) if value is not None else None

    def _training_changed(self) -> None:
        training = next((t for t in self.trainings if t.id == self.training_id()), None)
        self.session.clear()
        if training is not None:
            for s in training.sessions:
                if not s.cancelled:
                    self.session.addItem(format_date(s.date, self.context.language, weekday=True), s.id)
        self._load_certificates()

    def _load_certificates(self) -> None:
        training_id = self.training_id()
        self.issued.setRowCount(0)
        if training_id is None:
            self.cert_status.setText("")
            return
        rows = certs.issued_certificates(self.context.db, training_id)
        grid = attendance_grid(self.context.db, training_id)
        eligible = sum(1 for r in grid.rows if r.eligible)
        valid = sum(1 for r in rows if not r.revoked)
        self.cert_status.setText(
            self.tr("{qualify} (at least {share}% of the sessions); certificates issued: {issued}, revoked: {revoked}.")
            .format(qualify=self.tr("%n participant(s) qualify", "", eligible), share=round(grid.min_share * 100),
                    issued=valid, revoked=len(rows) - valid)
        )  # fmt: skip
        self._rows = rows
        self.issued.setRowCount(len(rows))
        for n, row in enumerate(rows):
            state = (
                self.tr("Revoked: {reason}").format(reason=row.revoked_reason)
                if row.revoked
                else self.tr("Valid")
            )
            if row.replaces:
                state += " — " + self.tr("replaces {serial}").format(serial=ltr(row.replaces))
            issued_on = format_date(_date(row.issued_on), self.context.language)
            for col, text in enumerate((row.serial, row.name, issued_on, state)):
                item = QTableWidgetItem(text)
                if col == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                self.issued.setItem(n, col, item)
        for col in (0, 2, 3):
            self.issued.resizeColumnToContents(col)
        self.print_button.setEnabled(valid > 0)
        self.revoke_button.setEnabled(valid > 0)
        self._selection_changed()

    def _selected(self) -> certs.IssuedCertificate | None:
        row = self.issued.currentRow()
        rows = getattr(self, "_rows", [])
        return rows[row] if 0 <= row < len(rows) else None

    def _selection_changed(self) -> None:
        chosen = self._selected()
        # Only a revoked certificate that has no replacement yet (and whose holder has no valid one).
        holders = {r.person_id for r in getattr(self, "_rows", []) if not r.revoked}
        self.reissue_button.setEnabled(
            chosen is not None and chosen.revoked and not chosen.replaced and chosen.person_id not in holders
        )

    def _before_end_confirmed(self, training_id: int) -> bool | None:
        """None: the user said no. Otherwise whether issuing needs `before_end` (they said yes)."""
        ended, end = certs.training_has_ended(self.context.db, training_id)
        if ended:
            return False
        answer = QMessageBox.question(
            self, self.tr("Certificates"),
            self.tr("The training's last session ends on {date} at {time}. Certificates are normally issued "
                    "after it. Issue them now anyway?").format(
                date=format_date(end.date(), self.context.language), time=ltr(end.strftime("%H:%M"))),
        )  # fmt: skip
        return True if answer == QMessageBox.StandardButton.Yes else None

    def _issue_message(self, result: certs.IssueResult) -> str:
        message = self.tr("%n new certificate(s) issued.", "", len(result.issued))
        if result.already:
            message += " " + self.tr("%n participant(s) already had theirs.", "", len(result.already))
        for name, reason in result.refused:
            message += "\n" + self.tr("Not issued: {name} ({reason})").format(name=name, reason=reason)
        for name, serial in result.revoked:
            message += "\n" + self.tr(
                "Not issued: {name} (certificate {serial} was revoked; choose it in the list and issue a replacement)"
            ).format(name=name, serial=ltr(serial))
        return message

    def reissue(self) -> None:
        if not self.context.may("certificates.issue", self):
            return
        training_id = self.training_id()
        chosen = self._selected()
        if training_id is None or chosen is None or not chosen.revoked:
            return
        before_end = self._before_end_confirmed(training_id)
        if before_end is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Issue a replacement"),
            self.tr("Issue a new certificate to {name} replacing the revoked {serial}? Verification will show "
                    "the link.").format(name=chosen.name, serial=ltr(chosen.serial)),
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return
        person_id = chosen.person_id
        try:
            serial = self.context.call(
                self, lambda db: certs.reissue_certificate(db, training_id, person_id, before_end=before_end),
                changes=[Change(Kind.CERTIFICATE, training_id)],
            )  # fmt: skip
        except Exception as error:  # noqa: BLE001 - shown to the user, nothing was written
            show_error(self, error)
            return
        self._load_certificates()
        QMessageBox.information(
            self, self.tr("Certificates"),
            self.tr("Issued {serial} to replace {old}.").format(serial=ltr(serial), old=ltr(chosen.serial)),
        )  # fmt: skip

    # -- certificates
    def issue(self) -> None:
        if not self.context.may("certificates.issue", self):
            return
        training_id = self.training_id()
        if training_id is None:
            return
        before_end = self._before_end_confirmed(training_id)
        if before_end is None:
            return
        self._issue(training_id, None, before_end)

    def issue_to_chosen(self) -> None:
        if not self.context.may("certificates.issue", self):
            return
        training_id = self.training_id()
        if training_id is None:
            return
        dialog = ChoosePeopleDialog(self.context, training_id, self)
        if not dialog.exec():
            return
        chosen = dialog.chosen()
        if not chosen:
            return
        before_end = self._before_end_confirmed(training_id)
        if before_end is None:
            return
        self._issue(training_id, chosen, before_end)

    def _issue(self, training_id: int, chosen: list[int] | None, before_end: bool) -> None:
        """Issue on the runner (one transaction; Cancel rolls it back), then say what happened."""
        db = self.context.db

        def done(result: certs.IssueResult) -> None:
            self._load_certificates()
            QMessageBox.information(self, self.tr("Certificates"), self._issue_message(result))

        self.context.runner.run(
            self, self.tr("Issuing certificates…"),
            lambda report: certs.issue_certificates(db, training_id, chosen, before_end=before_end, progress=report),
            done, changes=[Change(Kind.CERTIFICATE, training_id)],
        )  # fmt: skip

    def print_certificates(self) -> None:
        if not self.context.may("certificates.print", self):
            return
        training_id = self.training_id()
        if training_id is None or not self.print_button.isEnabled():
            return
        out = self._ask_file(self.tr("Certificates"))
        if out is None:
            return
        split_dir = None
        if self.split.isChecked():
            split_dir = out.with_name(out.stem + " - " + self.tr("one file per person"))
        db = self.context.db

        def work(report: Report) -> list[Path]:
            # The save dialog asked about the one file; the folder of single files is ours to refresh.
            return certs.print_certificates(db, training_id, out, split_dir, report, replace=True)

        # Printing keeps what each certificate printed (reprints are identical).
        self.context.runner.run(self, self.tr("Writing certificates…"), work, lambda _files: self.show_file(out),
                                changes=[Change(Kind.CERTIFICATE, training_id)])  # fmt: skip

    def edit_design(self) -> None:
        if not self.context.may("certificates.design", self):
            return
        from desktop_app.views.certificate_dialog import CertificateDesignDialog

        training_id = self.training_id()
        if training_id is None:
            return
        dialog = CertificateDesignDialog(self.context, training_id, self)
        dialog.exec()  # the dialog saves through the runner, which announces the change

    def edit_templates(self) -> None:
        if not self.context.may("templates.design", self):
            return
        from desktop_app.views.template_designer import TemplateDesigner

        dialog = TemplateDesigner(self.context, self.training_id(), "certificate", self)
        dialog.exec()

    def revoke(self) -> None:
        if not self.context.may("certificates.revoke", self):
            return
        row = self.issued.currentRow()
        if row < 0:
            QMessageBox.information(
                self, self.tr("Revoke"), self.tr("Choose a certificate in the list first.")
            )
            return
        serial, name = (cell.text() if (cell := self.issued.item(row, col)) else "" for col in (0, 1))
        reason, ok = QInputDialog.getText(
            self, self.tr("Revoke certificate"),
            self.tr("Why is the certificate {serial} of {name} revoked? It will verify as revoked, with this reason.")
            .format(serial=ltr(serial), name=name),
        )  # fmt: skip
        if not ok:
            return
        training_id = self.training_id()
        try:
            self.context.call(
                self, lambda db: certs.revoke(db, serial, reason), changes=[Change(Kind.CERTIFICATE, training_id)]
            )
        except Exception as error:  # noqa: BLE001
            show_error(self, error)
            return
        self._load_certificates()

    def verify(self) -> None:
        if not self.context.may("certificates.verify", self):
            return
        text = self.verify_box.text().strip()
        if not text:
            return
        result = certs.verify(self.context.db, text)
        if result.status == "unknown":
            self.verdict.setText(self.tr("Unknown: no certificate issued here matches this text."))
            self.verdict.setObjectName("verdictBad")
        else:
            issued = format_date(_date(result.issued_on or ""), self.context.language)
            details = self.tr("Issued to {name} for “{training}” on {date} (serial {serial}).").format(
                name=result.name, training=result.training, date=issued, serial=ltr(result.serial))  # fmt: skip
            if result.replaces:
                details += " " + self.tr("Replaces the revoked certificate {serial}.").format(
                    serial=ltr(result.replaces))  # fmt: skip
            if result.replaced_by:
                details += " " + self.tr("Replaced by {serial}.").format(serial=ltr(result.replaced_by))
            if result.status == "genuine":
                self.verdict.setText(self.tr("Genuine.") + " " + details)
                self.verdict.setObjectName("verdictGood")
            elif result.status == "on_record":
                # The serial is printed in plain text: it proves nothing by itself.
                self.verdict.setText(
                    self.tr("On record, not verified: a serial alone is no proof. Scan the QR code or type "
                            "the verification code.") + " " + details
                )  # fmt: skip
                self.verdict.setObjectName("verdictWarn")
            else:
                self.verdict.setText(
                    self.tr("Revoked: {reason}.").format(reason=result.reason) + " " + details
                )
                self.verdict.setObjectName("verdictBad")
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
        self.verify_box.selectAll()

    # -- other documents
    def make(self, kind: str) -> None:
        if not self.context.may("documents.print", self):
            return
        training_id = self.training_id()
        if training_id is None:
            return
        titles = {
            "sheet": self.tr("Sign-in sheet"), "report": self.tr("Attendance report"),
            "badges": self.tr("Badges"), "directory": self.tr("Participants' directory"),
        }  # fmt: skip
        out = self._ask_file(titles[kind] + (" " + self.session.currentText() if kind == "sheet" else ""))
        if out is None:
            return
        db = self.context.db
        session_id = self.session.currentData()
        blank_rows, with_phone = self.blank_rows.value(), self.with_phone.isChecked()
        writers: dict[str, Callable[[Report], int]] = {
            "sheet": lambda report: documents.write_sign_in_sheet(
                db, training_id, out, session_ref=str(session_id) if session_id else None,
                blank_rows=blank_rows, with_phone=with_phone, progress=report, replace=True),
            "report": lambda report: documents.write_attendance_report(db, training_id, out, report, replace=True),
            "badges": lambda report: documents.write_badge_sheets(db, training_id, out, report, replace=True),
            "directory": lambda report: documents.write_directory(db, training_id, out, report, replace=True),
        }  # fmt: skip
        self.context.runner.run(self, self.tr("Writing {document}…").format(document=titles[kind]), writers[kind],
                      lambda _pages: self.show_file(out))  # fmt: skip

    # -- files and preview
    def _ask_file(self, what: str) -> Path | None:
        training = next((t for t in self.trainings if t.id == self.training_id()), None)
        name = f"{what} - {training.title if training else ''}"
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the PDF as"), suggested_file(name, ".pdf"), "PDF (*.pdf)"
        )
        if not path:
            return None
        return with_suffix_confirmed(self, path, ".pdf")

    def show_file(self, path: Path) -> None:
        self.last_file = path
        self.pdf.load(str(path))
        self.preview_stack.setCurrentWidget(self.preview)
        self.preview_title.setText(
            self.tr("{file} — {pages}").format(
                file=isolate(path.name), pages=self.tr("%n page(s)", "", self.pdf.pageCount())
            )
        )
        self.open_button.setEnabled(True)
        self.print_file_button.setEnabled(True)
        self._load_certificates()

    def print_shown(self) -> None:
        """The previewed document to a printer (Qt's print dialog), from the page it is on."""
        if not self.context.may(printing.ACTION, self):
            return
        if self.last_file is None:
            self.print_certificates()
            return
        printing.print_pdf(self.context, self, self.last_file, self.last_file.stem,
                           self.preview.pageNavigator().currentPage())  # fmt: skip

    def open_external(self) -> None:
        if self.last_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_file)))


class ChoosePeopleDialog(QDialog):
    """Everyone enrolled (withdrawn people aside), with their attendance, to tick who gets a
    certificate: trainers, or a participant who missed a session for a good reason."""

    def __init__(self, context: AppContext, training_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Issue certificates to chosen people"))
        self.resize(620, 560)
        grid = attendance_grid(context.db, training_id)
        self.filter = QLineEdit()
        self.filter.setMaxLength(MAX_QUERY_LENGTH)
        self.filter.setPlaceholderText(self.tr("Filter by name"))
        self.filter.textChanged.connect(self._filter)
        self.list = QListWidget()
        roles = {"participant": self.tr("participant"), "trainer": self.tr("trainer"),
                 "organizer": self.tr("organizer"), "guest": self.tr("guest")}  # fmt: skip
        for row in grid.rows:
            if row.status == "withdrawn":
                continue
            text = self.tr("{name} — {role} — attended {share}%").format(
                name=row.name, role=roles.get(row.role, row.role), share=round(row.share * 100))  # fmt: skip
            item = QListWidgetItem(text)
            item.setData(RECORD_ID_ROLE, row.person_id)
            item.setData(FOLDED_ROLE, fold_text(row.name))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Tick the people who should get a certificate even if the attendance "
                                       "rule does not give them one."), "muted", wrap=True))  # fmt: skip
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(accept_cancel(self, self.tr("Issue"), self.tr("Cancel")))

    def _filter(self, text: str) -> None:
        words = fold_text(text).split()
        for n in range(self.list.count()):
            item = self.list.item(n)
            name = str(item.data(FOLDED_ROLE))
            item.setHidden(not all(word in name for word in words))

    def chosen(self) -> list[int]:
        return [
            int(self.list.item(n).data(RECORD_ID_ROLE))
            for n in range(self.list.count())
            if self.list.item(n).checkState() == Qt.CheckState.Checked
        ]


def _date(iso: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso)
    except ValueError:
        return None
