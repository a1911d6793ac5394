"""Tools: importing and exporting spreadsheets, finding and merging duplicate people, backups,
venue packages and the audit log."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import exporting, importing
from desktop_app.services.changes import Change, Kind
from desktop_app.services.merging import MERGE_FIELDS, DuplicatePair, duplicate_pairs, merge_people
from desktop_app.services.registry import get_person
from desktop_app.services.tabular import Table
from desktop_app.services.trainings import list_trainings
from desktop_app.text.governorates import governorate_name
from desktop_app.text.isolate import isolate, ltr
from desktop_app.text.phone import format_phone
from desktop_app.views import labels
from desktop_app.views.context import AppContext
from desktop_app.views.errors import show_error
from desktop_app.views.operations import Report
from desktop_app.views.paths import documents_folder, suggested_file, with_suffix_confirmed
from desktop_app.views.safety_tabs import AuditTab, BackupsTab, ConflictsTab, PackagesTab
from desktop_app.views.style import card, icon, label
from desktop_app.views.widgets.fields import accept_cancel
from desktop_app.views.widgets.scrolling import scroll_contents


class ToolsPage(QWidget):
    # What this screen shows: it refreshes when one of these changes (MainWindow dispatches).
    WATCHES = frozenset({Kind.PERSON, Kind.ORGANIZATION, Kind.TRAINING, Kind.CERTIFICATE})

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.setObjectName("page")
        self.context = context
        self.tabs = QTabWidget()
        # Every tab stays in sight at 1024×600 (text only: six tabs with icons did not fit in English);
        # if one still does not fit it ends in "…" instead of hiding behind arrows.
        self.tabs.setUsesScrollButtons(False)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        # Tabs of cards scroll on a small screen rather than squeezing their text (scroll_contents).
        self.tabs.addTab(scroll_contents(self._data_tab()), self.tr("Import and export"))
        self.duplicates_tab = DuplicatesTab(context)
        self.tabs.addTab(self.duplicates_tab, self.tr("Duplicates"))
        self.backups_tab = BackupsTab(context)
        self.packages_tab = PackagesTab(context)
        self.audit_tab = AuditTab(context)
        self.tabs.addTab(scroll_contents(self.backups_tab), self.tr("Backups"))
        self.tabs.addTab(scroll_contents(self.packages_tab), self.tr("Venue packages"))
        self.conflicts_tab = ConflictsTab(context)
        self.tabs.addTab(self.conflicts_tab, self.tr("Conflicts"))
        self.conflicts_tab.count_changed.connect(self._conflicts_counted)
        self.tabs.addTab(self.audit_tab, self.tr("Audit log"))
        self.tabs.currentChanged.connect(lambda _i: self._refresh_current())
        self.account_changed()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(12)
        layout.addWidget(label(self.tr("Tools"), "pageTitle"))
        layout.addWidget(self.tabs, 1)

    def account_changed(self) -> None:
        """Restores and merges are for administrators: disabled for other roles, saying who may."""
        controls = [(b, "backup.restore") for b in self.backups_tab.restore_buttons]
        controls.append((self.duplicates_tab.merge_button, "duplicates.merge"))
        for button, action in controls:
            refusal = self.context.refusal(action)
            button.setEnabled(not refusal)
            button.setToolTip(refusal)

    def on_show(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.training.clear()
        for t in list_trainings(self.context.db, kinds=None):
            self.training.addItem(t.title, t.id)
        self._refresh_current()

    def _conflicts_counted(self, waiting: int) -> None:
        text = self.tr("Conflicts ({n})").format(n=waiting) if waiting else self.tr("Conflicts")
        self.tabs.setTabText(self.tabs.indexOf(self.conflicts_tab), text)

    def _refresh_current(self) -> None:
        current = self.tabs.currentWidget()
        if current is not None and current is not self.tabs.widget(0):
            current.refresh()  # type: ignore[attr-defined]

    # -- import and export
    def _data_tab(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setSpacing(14)
        import_card, import_layout = card("fa5s.file-import", self.tr("Import from Excel or CSV"))
        import_layout.addWidget(label(self.tr(
            "Registration-form downloads and partners' lists: columns are recognised from their Arabic or "
            "English headers, every row is checked like the forms check it, and nothing is written while "
            "any row has a problem."), "muted", wrap=True))  # fmt: skip
        row = QHBoxLayout()
        for kind, text in (
            ("people", self.tr("Import people…")),
            ("organizations", self.tr("Import organizations…")),
        ):
            button = QPushButton(icon("fa5s.file-import"), text)
            button.clicked.connect(lambda _=False, kind=kind: self.import_file(kind))
            row.addWidget(button)
        row.addStretch(1)
        import_layout.addLayout(row)
        export_card, export_layout = card("fa5s.file-export", self.tr("Export"))
        export_layout.addWidget(label(self.tr(
            "Excel (.xlsx) or CSV, as you name the file: right-to-left sheets, one row per person."), "muted", wrap=True))  # fmt: skip
        row = QHBoxLayout()
        for kind, text in (("people", self.tr("People…")), ("organizations", self.tr("Organizations…"))):
            button = QPushButton(icon("fa5s.file-export"), text)
            button.clicked.connect(lambda _=False, kind=kind: self.export(kind))
            row.addWidget(button)
        row.addStretch(1)
        export_layout.addLayout(row)
        self.training = QComboBox()
        attendance = QPushButton(icon("fa5s.file-export"), self.tr("Attendance of the training…"))
        attendance.clicked.connect(lambda: self.export("attendance"))
        row = QHBoxLayout()
        row.addWidget(self.training, 1)
        row.addWidget(attendance)
        export_layout.addLayout(row)
        grid.addWidget(import_card, 0, 0)
        grid.addWidget(export_card, 0, 1)
        grid.setRowStretch(1, 1)
        return page

    def import_file(self, kind: str) -> None:
        if not self.context.may("import.file", self):
            return
        from desktop_app.views.import_dialog import ImportDialog

        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the file to import"), str(documents_folder()),
            self.tr("Spreadsheets (*.xlsx *.csv *.txt)"),
        )  # fmt: skip
        if not path:
            return
        chosen = Path(path)

        def read(_progress: Report) -> Table:
            return importing.read_for_import(chosen, kind)

        def opened(source: Table) -> None:
            ImportDialog(self.context, chosen, kind, self, source=source).exec()

        # A clear error (not a spreadsheet, unreadable) comes through the runner's error path.
        self.context.runner.run(self, self.tr("Reading {file}…").format(file=chosen.name), read, opened)

    def export(self, kind: str) -> None:
        if not self.context.may("export.file", self):
            return
        names = {"people": self.tr("People"), "organizations": self.tr("Organizations"),
                 "attendance": self.tr("Attendance") + " - " + self.training.currentText()}  # fmt: skip
        if kind == "attendance" and self.training.currentData() is None:
            return
        target, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), suggested_file(names[kind], ".xlsx"), "Excel (*.xlsx);;CSV (*.csv)"
        )
        if not target:
            return
        path: Path | None = Path(target)
        if path is not None and path.suffix.lower() not in (".xlsx", ".csv"):
            path = with_suffix_confirmed(self, target, ".csv" if "csv" in _filter.lower() else ".xlsx")
        if path is None:
            return
        db, out, training_id = self.context.db, path, self.training.currentData()

        def work(_progress: Report) -> int:
            if kind == "people":
                return exporting.export_people(db, out, replace=True)
            if kind == "organizations":
                return exporting.export_organizations(db, out, replace=True)
            return exporting.export_attendance(db, int(training_id), out, replace=True)

        def written(count: int) -> None:
            QMessageBox.information(self, self.tr("Export"), self.tr("%n row(s) written to {file}.", "", count).format(
                file=ltr(str(out))))  # fmt: skip

        # A full disk or a file open elsewhere is said by the runner's error path.
        self.context.runner.run(self, self.tr("Exporting…"), work, written)


class DuplicatesTab(QWidget):
    """Likely duplicate people, strongest first; merging asks field by field."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.pairs: list[DuplicatePair] = []
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("First record"), self.tr("Second record"), self.tr("Why")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _: self.merge_selected())
        self.empty = label(
            self.tr("No likely duplicates: every person looks unique."), "emptyState", wrap=True
        )
        merge = QPushButton(icon("fa5s.compress-arrows-alt"), self.tr("Merge…"))
        merge.clicked.connect(self.merge_selected)
        self.merge_button = merge
        refresh = QPushButton(icon("fa5s.sync"), self.tr("Look again"))
        refresh.clicked.connect(self.refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr(
            "Same phone, national ID or email; or the same name (or a near spelling) in the same organization. "
            "Merging keeps every enrolment, attendance mark and certificate of both."), "muted", wrap=True))  # fmt: skip
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(refresh)
        row.addWidget(merge)
        layout.addLayout(row)

    def refresh(self) -> None:
        rules = {"phone": self.tr("same phone"), "email": self.tr("same email"), "national_id": self.tr("same national ID"),
                 "name_organization": self.tr("same name and organization"), "near_miss": self.tr("near spelling, same organization"),
                 "transliteration": self.tr("same name in Latin letters")}  # fmt: skip
        self.pairs = self.context.call(self, duplicate_pairs)  # a scan of the whole registry: off the GUI thread
        self.table.setRowCount(len(self.pairs))
        for n, pair in enumerate(self.pairs):
            for col, person in enumerate((pair.first, pair.second)):
                text = person.name + (f" — {person.organization}" if person.organization else "")
                self.table.setItem(n, col, QTableWidgetItem(text))
            self.table.setItem(n, 2, QTableWidgetItem(labels.joined([rules.get(r, r) for r in pair.rules])))
        self.empty.setVisible(not self.pairs)
        self.table.setVisible(bool(self.pairs))

    def merge_selected(self) -> None:
        if not self.context.may("duplicates.merge", self):
            return
        row = self.table.currentRow()
        if row < 0 or row >= len(self.pairs):
            QMessageBox.information(self, self.tr("Merge"), self.tr("Choose a pair in the list first."))
            return
        pair = self.pairs[row]
        dialog = MergeDialog(self.context, pair.first.id, pair.second.id, self)
        if dialog.exec():  # the dialog's merge announced the change
            self.refresh()


class MergeDialog(QDialog):
    """The two records side by side; for each field, the value to keep."""

    def __init__(
        self, context: AppContext, first_id: int, second_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Merge two records"))
        self.resize(820, 620)
        self.first, self.second = get_person(context.db, first_id), get_person(context.db, second_id)
        titles = {
            "full_name": self.tr("Name"), "latin_name": self.tr("Name in Latin letters"), "gender": self.tr("Gender"),
            "birth_date": self.tr("Birth date"), "national_id": self.tr("National ID"), "phone": self.tr("Mobile"),
            "phone2": self.tr("Other phone"), "email": self.tr("Email"), "governorate": self.tr("Governorate"),
            "organization_id": self.tr("Organization"), "job_title": self.tr("Job title"),
            "consent_share_contact": self.tr("Agrees to share contact details"), "consent_date": self.tr("Consent date"),
            "notes": self.tr("Notes"),
        }  # fmt: skip
        grid = QGridLayout()
        grid.addWidget(label(self.tr("Keep"), "sectionTitle"), 0, 0)
        # The two records by what a person recognises (who, and which stays), never by database id.
        grid.addWidget(label(self.tr("Stays: {name}").format(name=isolate(self.first.full_name)), "sectionTitle"), 0, 1)
        grid.addWidget(
            label(self.tr("Joins it: {name}").format(name=isolate(self.second.full_name)), "sectionTitle"), 0, 2
        )
        self.groups: dict[str, QButtonGroup] = {}
        for n, name in enumerate(MERGE_FIELDS, start=1):
            a, b = self._shown(self.first, name), self._shown(self.second, name)
            grid.addWidget(label(titles[name], "caption"), n, 0)
            group = QButtonGroup(self)
            for col, (text, value) in enumerate(((a, 1), (b, 2)), start=1):
                button = QRadioButton(text or "—")
                group.addButton(button, value)
                grid.addWidget(button, n, col)
            # By default: the first record's value, or the second's where the first has none.
            group.button(2 if not a and b else 1).setChecked(True)
            if a == b:
                for choice in group.buttons():
                    choice.setEnabled(False)
            self.groups[name] = group
        holder = QWidget()
        holder.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr(
            "The first record stays; the second becomes part of it. Enrolments, attendance and certificates of "
            "both are kept; where both attended the same session, the better mark is kept."), "muted", wrap=True))  # fmt: skip
        layout.addWidget(scroll, 1)
        layout.addWidget(accept_cancel(self, self.tr("Merge"), self.tr("Cancel"), self.merge))

    def _shown(self, record: Any, name: str) -> str:
        value = getattr(record, name)
        if name == "organization_id":
            return str(record.organization_name or "")
        if name in ("phone", "phone2"):
            return ltr(format_phone(value))
        if name == "governorate":
            return governorate_name(value)
        if name == "consent_share_contact":
            return self.tr("Yes") if value else self.tr("No")
        if name == "gender":
            return {"male": self.tr("Male"), "female": self.tr("Female")}.get(value or "", "")
        return "" if value is None else str(value)

    def take_from_second(self) -> set[str]:
        return {name for name, group in self.groups.items() if group.checkedId() == 2}

    def merge(self) -> None:
        first, second, fields = self.first.id, self.second.id, self.take_from_second()
        try:
            # The merged person's enrolments, marks and certificates move too.
            self.context.call(
                self, lambda db: merge_people(db, first, second, fields),
                changes=[Change(Kind.PERSON, first), Change(Kind.PERSON, second), Change(Kind.TRAINING),
                         Change(Kind.ATTENDANCE), Change(Kind.CERTIFICATE)],
            )  # fmt: skip
        except Exception as error:  # noqa: BLE001 - shown to the user, nothing was written
            show_error(self, error)
            return
        self.accept()
