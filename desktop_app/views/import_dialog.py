"""The import wizard: the columns of the chosen file with the field each one fills (guessed from
header and values, with the reason when the values decided, and correctable), a check that lists
every problem by row and column and every possible duplicate side by side (merge, skip or create,
one by one), then the import itself, all or nothing, with progress and Cancel. Rejected rows can be
saved as .xlsx to fix and import again.

A column whose values contradict its header (every row says "Attended") starts as "Ignore" with the
doubt written beside it; choosing its field anyway is asked once more, and when the name could only
come from such a column the first step says so before anything is checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import importing
from desktop_app.services.changes import Change, Kind
from desktop_app.services.columns import ColumnChoice, propose_mapping
from desktop_app.services.importing import ImportReport
from desktop_app.services.tabular import Table
from desktop_app.services.trainings import list_trainings
from desktop_app.text.isolate import isolate
from desktop_app.views.context import AppContext
from desktop_app.views.dialogs.help import add_help
from desktop_app.views.operations import Report
from desktop_app.views.style import label


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


def _centered(widget: QWidget) -> QWidget:
    """A cell widget kept at its own height in a row made taller by wrapped text."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(2, 0, 2, 0)
    layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)
    return holder


def _short(value: object, width: int = 24) -> str:
    text = str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def _item(text: object) -> QTableWidgetItem:
    return QTableWidgetItem("" if text is None else str(text))


class ImportDialog(QDialog):
    def __init__(
        self, context: AppContext, path: Path, kind: str = "people", parent: QWidget | None = None,
        source: Table | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.context, self.path, self.kind = context, path, kind
        self.report: ImportReport | None = None
        self.done_report: ImportReport | None = None
        self.setWindowTitle(self.tr("Import {file}").format(file=path.name))
        self.resize(980, 640)
        # The file as read on the runner by the caller (or read here: the caller shows a clear error).
        self.source: Table = source if source is not None else importing.read_for_import(path, kind)
        self.proposal = propose_mapping(self.source, kind)

        # Step 1: columns
        names = self._field_names()
        self.columns = _table(
            [self.tr("Column in the file"), self.tr("First values"), self.tr("Field"), self.tr("Why")]
        )
        self.columns.setRowCount(len(self.source.headers))
        self.field_boxes: list[QComboBox] = []
        for n, header in enumerate(self.source.headers):
            choice = self.proposal.columns[n]
            self.columns.setItem(n, 0, _item(header or f"#{n + 1}"))
            samples = [_short(row[n]) for row in self.source.rows[:2] if row[n] is not None]
            # Each value isolated: "bad@" beside an email must not be reordered into its neighbour.
            self.columns.setItem(n, 1, _item(" · ".join(isolate(s) for s in samples)))
            box = QComboBox()
            for field, title in names.items():
                box.addItem(title, field)
            box.setCurrentIndex(box.findData(choice.field or "ignore"))
            self.columns.setCellWidget(n, 2, _centered(box))
            self.field_boxes.append(box)
            note = _item(self._why(choice))
            if choice.guess is not None:
                note.setForeground(Qt.GlobalColor.darkRed)
            note.setToolTip(note.text())
            self.columns.setItem(n, 3, note)
        columns_header = self.columns.horizontalHeader()
        columns_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        columns_header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        # The reasons are sentences: wrapped in full rather than cut off.
        self.columns.setWordWrap(True)
        self.columns.setTextElideMode(Qt.TextElideMode.ElideNone)
        columns_header.sectionResized.connect(lambda *_: self.columns.resizeRowsToContents())
        self.training = QComboBox()
        self.training.addItem(self.tr("— do not enrol —"), None)
        for t in list_trainings(context.db, include_archived=False):
            self.training.addItem(t.title, t.id)
        self.mode = QComboBox()
        for mode, title in (
            ("auto", self.tr("Automatic: merge strong matches, create and list name-only likenesses")),
            ("merge", self.tr("Merge every likely duplicate")),
            ("skip", self.tr("Skip every likely duplicate")),
            ("create", self.tr("Create new records anyway")),
        ):
            self.mode.addItem(title, mode)
        self.skip_invalid = QCheckBox(self.tr("Import the valid rows even if other rows have problems"))
        first = QWidget()
        first_column = QVBoxLayout(first)
        first_column.addWidget(label(self.tr("{rows} rows. Check the field each column fills; columns set to “Ignore” are left out.")
                                     .format(rows=len(self.source.rows)), "muted", wrap=True))  # fmt: skip
        refusal = self.proposal.refusal
        self.refusal_note = label(
            self.tr("No column is surely the name: “{column}” looks like it, but {reason}. Choose the column that holds the names.")
            .format(column=refusal.header, reason=refusal.reason) if refusal else "", "banner", wrap=True,
        )  # fmt: skip
        self.refusal_note.setVisible(refusal is not None)
        first_column.addWidget(self.refusal_note)
        first_column.addWidget(self.columns, 1)
        options = QFormLayout()
        if kind == "people":
            options.addRow(self.tr("Enrol in training"), self.training)
            options.addRow(self.tr("Likely duplicates"), self.mode)
        options.addRow("", self.skip_invalid)
        first_column.addLayout(options)

        # Step 2: the check
        self.summary = label("", "sectionTitle", wrap=True)
        self.problems = _table([self.tr("Row"), self.tr("Column"), self.tr("Problem")])
        self.duplicates = _table(
            [self.tr("Row"), self.tr("In the file"), self.tr("Already there"), self.tr("Decision")]
        )
        for table in (self.problems, self.duplicates):
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.problems.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.decision_boxes: dict[int, QComboBox] = {}
        self.save_rejected = QPushButton(self.tr("Save rejected rows…"))
        self.save_rejected.clicked.connect(self.save_rejected_rows)
        second = QWidget()
        second_column = QVBoxLayout(second)
        second_column.addWidget(self.summary)
        second_column.addWidget(label(self.tr("Problems and warnings"), "sectionTitle"))
        second_column.addWidget(self.problems, 2)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_rejected)
        second_column.addLayout(row)
        second_column.addWidget(
            label(
                self.tr("Possible duplicates (same name and organization, or a near spelling)"),
                "sectionTitle",
            )
        )
        second_column.addWidget(self.duplicates, 2)

        self.steps = QStackedWidget()
        self.steps.addWidget(first)
        self.steps.addWidget(second)
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.clicked.connect(lambda: self.steps.setCurrentIndex(0))
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("primary")
        self.import_button.clicked.connect(self.run_import)
        cancel = QPushButton(self.tr("Close"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(cancel)
        add_help(self, buttons, "import")
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps, 1)
        layout.addLayout(buttons)
        self.steps.currentChanged.connect(self._step_changed)
        self._step_changed(0)

    def _field_names(self) -> dict[str, str]:
        if self.kind == "people":
            return {
                "ignore": self.tr("Ignore"), "full_name": self.tr("Full name"), "first_name": self.tr("First name"),
                "last_name": self.tr("Last name"), "latin_name": self.tr("Name in Latin letters"),
                "organization": self.tr("Organization"), "governorate": self.tr("Governorate"),
                "gender": self.tr("Gender"), "job_title": self.tr("Job title"), "phone": self.tr("Mobile"),
                "phone2": self.tr("Other phone"), "email": self.tr("Email"), "national_id": self.tr("National ID"),
                "birth_date": self.tr("Birth date"), "consent": self.tr("Agrees to share contact details"),
            }  # fmt: skip
        return {
            "ignore": self.tr("Ignore"), "name_ar": self.tr("Name (Arabic)"), "name_en": self.tr("Name (English)"),
            "kind": self.tr("Kind"), "governorate": self.tr("Governorate"), "address": self.tr("Address"),
            "phone": self.tr("Phone"), "email": self.tr("Email"), "website": self.tr("Website"), "notes": self.tr("Notes"),
        }  # fmt: skip

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        # Rows fit their wrapped reasons once the columns have their real widths.
        QTimer.singleShot(0, self.columns.resizeRowsToContents)

    def _why(self, choice: ColumnChoice) -> str:
        names = self._field_names()
        if choice.guess is not None and choice.field != choice.guess:
            return self.tr("Looks like “{field}” by its header, but {reason}").format(
                field=names.get(choice.guess, choice.guess), reason=choice.reason
            )
        if choice.source == "content":
            return self.tr("Chosen by its values: {reason}").format(reason=choice.reason)
        return choice.reason

    def _confirm_doubts(self) -> bool:
        """Ask before using a column for the field its values contradict (the user may know better)."""
        names = self._field_names()
        for choice in self.proposal.doubts:
            if self.field_boxes[choice.index].currentData() != choice.guess:
                continue
            answer = QMessageBox.question(
                self, self.tr("Import"),
                self.tr("Column “{column}” as “{field}”? {reason}.").format(
                    column=choice.header, field=names.get(choice.guess or "", choice.guess), reason=choice.reason),
            )  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return False
        return True

    def _step_changed(self, index: int) -> None:
        self.back_button.setVisible(index == 1)
        self.check_button.setVisible(index == 0)

    def mapping(self) -> dict[int, str]:
        return {
            n: str(box.currentData())
            for n, box in enumerate(self.field_boxes)
            if box.currentData() != "ignore"
        }

    def _options(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "training_id": self.training.currentData() if self.kind == "people" else None,
            "on_duplicate": self.mode.currentData() if self.kind == "people" else "auto",
            "skip_invalid": self.skip_invalid.isChecked(),
            "mapping": self.mapping(),
            "decisions": {row: str(box.currentData()) for row, box in self.decision_boxes.items()},
        }

    # -- check
    def check(self) -> None:
        if not self._confirm_doubts():
            return
        db, path, options = self.context.db, self.path, self._options()

        def work(report: Report) -> ImportReport:
            return importing.import_file(db, path, dry_run=True, progress=report, **options)

        def checked(report: ImportReport) -> None:
            self.show_report(report)
            self.steps.setCurrentIndex(1)

        self.context.runner.run(self, self.tr("Checking the file…"), work, checked)

    def show_report(self, report: ImportReport) -> None:
        self.report = report
        if report.problems and not self.skip_invalid.isChecked():
            self.summary.setText(self.tr("{n} problems: nothing will be imported until they are fixed, or choose to import only the valid rows.")
                                 .format(n=len(report.problems)))  # fmt: skip
        else:
            self.summary.setText(self.tr("Ready: {created} new, {merged} merged into existing records, {skipped} skipped.")
                                 .format(created=report.created, merged=report.merged, skipped=report.skipped))  # fmt: skip
        lines = [(p, True) for p in report.problems] + [(w, False) for w in report.warnings]
        self.problems.setRowCount(len(lines))
        for n, (problem, blocking) in enumerate(lines):
            message = (
                problem.message if blocking else self.tr("Warning: {message}").format(message=problem.message)
            )
            for col, value in enumerate((problem.row, problem.column, message)):
                item = _item(value)
                if blocking:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.problems.setItem(n, col, item)
        self.save_rejected.setEnabled(bool(report.rejected_rows))
        previous = {row: str(box.currentData()) for row, box in self.decision_boxes.items()}
        self.decision_boxes = {}
        self.duplicates.setRowCount(len(report.possible_duplicates))
        default = {"merge": "merge", "skip": "skip"}.get(str(self.mode.currentData()), "create")
        for n, dup in enumerate(report.possible_duplicates):
            self.duplicates.setItem(n, 0, _item(dup.row))
            self.duplicates.setItem(n, 1, _item(dup.name))
            where = (
                dup.existing_name
                if dup.existing_id
                else self.tr("{name} (row {row} of the file)").format(
                    name=dup.existing_name, row=dup.existing_row
                )
            )
            self.duplicates.setItem(n, 2, _item(where))
            box = QComboBox()
            for value, title in (
                ("create", self.tr("Create a new record")),
                ("merge", self.tr("Merge")),
                ("skip", self.tr("Skip")),
            ):
                box.addItem(title, value)
            box.setCurrentIndex(box.findData(previous.get(dup.row, default)))
            self.duplicates.setCellWidget(n, 3, box)
            self.decision_boxes[dup.row] = box

    def save_rejected_rows(self) -> None:
        if self.report is None:
            return
        target, _filter = QFileDialog.getSaveFileName(self, self.tr("Save rejected rows"),
                                                      str(self.path.with_name(self.path.stem + " - rejected.xlsx")), "Excel (*.xlsx)")  # fmt: skip
        if target:
            headers, report = self.source.headers, self.report
            self.context.runner.run(
                self, self.tr("Saving the rejected rows…"),
                lambda _progress: importing.write_rejected_rows(Path(target), headers, report, replace=True),
                lambda _result: None,
            )  # fmt: skip

    # -- import
    def run_import(self) -> None:
        db, path, options = self.context.db, self.path, self._options()

        def work(report: Report) -> ImportReport:
            return importing.import_file(db, path, progress=report, **options)

        entity = Kind.PERSON if self.kind == "people" else Kind.ORGANIZATION
        training_id = int(options["training_id"]) if options["training_id"] is not None else None

        def changes(report: ImportReport) -> list[Change]:
            if not report.written:
                return []
            made = [Change(entity), Change(Kind.ORGANIZATION)]  # people's new organizations too
            return made + ([Change(Kind.TRAINING, training_id)] if training_id is not None else [])

        self.context.runner.run(self, self.tr("Importing…"), work, self._imported, changes=changes)

    def _imported(self, report: ImportReport) -> None:
        if not report.written:
            self.show_report(report)
            self.steps.setCurrentIndex(1)
            QMessageBox.warning(
                self, self.tr("Import"), self.tr("Nothing was imported: the rows listed have problems.")
            )
            return
        self.done_report = report
        QMessageBox.information(
            self, self.tr("Import"),
            self.tr("Imported: {created} new, {merged} merged, {skipped} skipped, {enrolled} enrolled.").format(
                created=report.created, merged=report.merged, skipped=report.skipped, enrolled=report.enrolled),
        )  # fmt: skip
        self.accept()
