"""Tools tabs for keeping data safe: backups (make, list, restore), venue packages (take a training to
a laptop, bring it back), the conflicts those packages left for someone to settle, and the audit log
(read-only, filterable by person, organization or training)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import TashbeekError
from desktop_app.services import backups, packages, sync
from desktop_app.services.audit_log import audit_entries
from desktop_app.services.changes import Change, Kind
from desktop_app.services.listing import organization_choices
from desktop_app.services.search import search_people
from desktop_app.services.trainings import list_trainings
from desktop_app.services.workspace import Locked, claimed, locate
from desktop_app.text.dates import format_date
from desktop_app.text.governorates import governorate_name
from desktop_app.text.isolate import isolate, ltr
from desktop_app.text.phone import format_phone
from desktop_app.views import labels
from desktop_app.views.context import AppContext
from desktop_app.views.errors import show_error
from desktop_app.views.operations import Report
from desktop_app.views.paths import suggested_file
from desktop_app.views.style import card, icon, label


def _passphrase(parent: QWidget, title: str, confirm: bool) -> str | None:
    """Ask for a passphrase (twice when setting one); None when the user cancels."""
    text, ok = QInputDialog.getText(
        parent, title, QCoreApplication.translate("Safety", "Passphrase:"), QLineEdit.EchoMode.Password
    )
    if not ok or not text:
        return None
    if confirm:
        again, ok = QInputDialog.getText(
            parent, title, parent.tr("The passphrase again:"), QLineEdit.EchoMode.Password
        )
        if not ok:
            return None
        if again != text:
            QMessageBox.warning(
                parent, title, QCoreApplication.translate("Safety", "The two passphrases differ.")
            )
            return None
    return text


class BackupsTab(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.folder_label = label("", "muted", wrap=True)
        self.protect = QCheckBox(self.tr("Protect with a passphrase (for backups carried on USB sticks)"))
        backup_button = QPushButton(icon("fa5s.save"), self.tr("Back up now"))
        backup_button.clicked.connect(self.backup_now)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Kind"), self.tr("File")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        restore_button = QPushButton(icon("fa5s.undo"), self.tr("Restore the chosen backup…"))
        restore_button.clicked.connect(self.restore_selected)
        restore_file = QPushButton(icon("fa5s.folder-open"), self.tr("Restore from a file…"))
        restore_file.clicked.connect(self.restore_file)
        self.restore_buttons = (restore_button, restore_file)  # for administrators (access.ROLES)
        self.server_note = label(self.tr(
            "This database is on a PostgreSQL server: back it up with the server's own tools (pg_dump) "
            "and restore with pg_restore."), "banner", wrap=True)  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addWidget(self.server_note)
        layout.addWidget(self.folder_label)
        row = QHBoxLayout()
        row.addWidget(backup_button)
        row.addWidget(self.protect)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(restore_file)
        row.addWidget(restore_button)
        layout.addLayout(row)
        self.buttons = [(backup_button, "backup.make"), (restore_button, "backup.restore"),
                        (restore_file, "backup.restore"), (self.protect, "backup.make")]  # fmt: skip

    def refresh(self) -> None:
        db = self.context.db
        sqlite = db.is_sqlite and db.path is not None
        self.server_note.setVisible(not sqlite)
        for widget, action in self.buttons:
            widget.setEnabled(sqlite and self.context.allows(action))
        folder = self.context.settings.backup_path()
        self.folder_label.setText(self.tr(
            "Backups are written to {folder} when the window closes and at least once a day while it is open; "
            "the newest of each of the last 7 days and 4 weeks are kept. Each is checked after writing.").format(
                folder=ltr(str(folder))))  # fmt: skip
        found = backups.list_backups(folder, db.path.stem) if sqlite and db.path else []
        kinds = {"manual": self.tr("by hand"), "daily": self.tr("daily"), "closing": self.tr("on closing"),
                 "before-restore": self.tr("before a restore")}  # fmt: skip
        self.table.setRowCount(len(found))
        for n, b in enumerate(found):
            made = f"{format_date(b.made.date(), self.context.language)} {b.made:%H:%M}"
            kind = kinds.get(b.kind, b.kind) + (" 🔒" if b.encrypted else "")
            for col, text in enumerate((made, kind, b.path.name)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, str(b.path))
                self.table.setItem(n, col, item)
        for col in (0, 1):
            self.table.resizeColumnToContents(col)

    def backup_now(self) -> None:
        if not self.context.may("backup.make", self):
            return
        passphrase = None
        if self.protect.isChecked():
            passphrase = _passphrase(self, self.tr("Protect the backup"), confirm=True)
            if passphrase is None:
                return
        db, folder = self.context.db, self.context.settings.backup_path()

        def written(path: Path) -> None:
            self.refresh()
            QMessageBox.information(
                self, self.tr("Backup"), self.tr("Backup written and checked: {file}").format(file=ltr(path.name))
            )

        # A full disk or a damaged file is said by the runner's error path.
        self.context.runner.run(
            self, self.tr("Writing the backup…"),
            lambda _progress: backups.make_backup(db, folder, passphrase=passphrase),
            written, changes=[Change(Kind.BACKUP)],
        )  # fmt: skip

    def restore_selected(self) -> None:
        if not self.context.may("backup.restore", self):
            return
        row = self.table.currentRow()
        if row < 0:
            QMessageBox.information(self, self.tr("Restore"), self.tr("Choose a backup in the list first."))
            return
        cell = self.table.item(row, 0)
        if cell is not None:
            self.restore(Path(cell.data(Qt.ItemDataRole.UserRole)))

    def restore_file(self) -> None:
        if not self.context.may("backup.restore", self):
            return
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a backup"), str(self.context.settings.backup_path()),
            self.tr("Tashbeek backups (*.sqlite *.tshbak);;All files (*)"),
        )  # fmt: skip
        if chosen:
            self.restore(Path(chosen))

    def restore(self, backup: Path) -> None:
        db = self.context.db
        assert db.path is not None
        answer = QMessageBox.question(self, self.tr("Restore"), self.tr(
            "Replace the whole database with the backup {file}? A copy of the database as it is now is kept "
            "in the backup folder first.").format(file=ltr(backup.name)))  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return
        passphrase = None
        if backup.suffix == ".tshbak":
            passphrase = _passphrase(self, self.tr("Restore"), confirm=False)
            if passphrase is None:
                return
        workspace, folder = self.context.workspace, self.context.settings.backup_path()

        def restored(kept: Path | None) -> None:
            self.refresh()
            QMessageBox.information(self, self.tr("Restore"), self.tr("Restored. The database as it was is kept as {file}.").format(
                file=ltr(kept.name if kept else "—")))  # fmt: skip

        self.context.runner.run(
            self, self.tr("Restoring…"),
            lambda _progress: workspace.restore(backup, folder, passphrase=passphrase),
            restored, changes=[Change.everything()],
        )  # fmt: skip


class PackagesTab(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.training = QComboBox()
        self.protect = QCheckBox(self.tr("Protect with a passphrase"))
        self.protect.setChecked(True)
        export_button = QPushButton(icon("fa5s.suitcase"), self.tr("Take to the venue…"))
        export_button.clicked.connect(self.export)
        import_button = QPushButton(icon("fa5s.file-import"), self.tr("Import a package…"))
        import_button.clicked.connect(self.import_)
        new_db_button = QPushButton(icon("fa5s.laptop"), self.tr("Open a package as a new database…"))
        new_db_button.clicked.connect(self.open_as_new_database)
        out_card, out_layout = card("fa5s.suitcase", self.tr("Take a training to a venue laptop"))
        out_layout.addWidget(label(self.tr(
            "Writes one file with the training, its sessions, enrolled people, their organizations, attendance "
            "so far and what is needed to print badges and certificates. On the laptop, import it (into a new "
            "or the laptop's own database); afterwards the laptop writes a package the same way to bring back."),
            "muted", wrap=True))  # fmt: skip
        row = QHBoxLayout()
        row.addWidget(self.training, 1)
        row.addWidget(self.protect)
        row.addWidget(export_button)
        out_layout.addLayout(row)
        in_card, in_layout = card("fa5s.file-import", self.tr("Import a package"))
        in_layout.addWidget(label(self.tr(
            "Check-ins are merged cell by cell (the later one wins), walk-ins go through the duplicate rules, "
            "nothing is deleted, and importing the same package twice changes nothing."), "muted", wrap=True))  # fmt: skip
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(new_db_button)
        row.addWidget(import_button)
        in_layout.addLayout(row)
        layout = QVBoxLayout(self)
        layout.addWidget(out_card)
        layout.addWidget(in_card)
        layout.addStretch(1)
        self.buttons = [(export_button, "package.export"), (import_button, "package.import")]

    def refresh(self) -> None:
        self.training.clear()
        for t in list_trainings(self.context.db, include_archived=False):
            self.training.addItem(labels.training_choice(t.title, t.start, self.context.language), t.id)
            self.training.setItemData(self.training.count() - 1, t.title, Qt.ItemDataRole.ToolTipRole)
        for button, action in self.buttons:
            button.setEnabled(self.context.allows(action))

    def export(self) -> None:
        if not self.context.may("package.export", self):
            return
        training_id = self.training.currentData()
        if training_id is None:
            return
        name = self.training.currentText().split(" — ")[0]
        target, _filter = QFileDialog.getSaveFileName(self, self.tr("Write the package"), suggested_file(name, ".tashbeek.zip"),
                                                      self.tr("Tashbeek packages (*.zip)"))  # fmt: skip
        if not target:
            return
        passphrase = (
            _passphrase(self, self.tr("Protect the package"), confirm=True)
            if self.protect.isChecked()
            else None
        )
        if self.protect.isChecked() and passphrase is None:
            return
        db, out = self.context.db, Path(target)

        def written(summary: dict[str, int]) -> None:
            QMessageBox.information(
                self, self.tr("Package"),
                self.tr("Written: {people} people, {attendance} attendance marks.").format(**summary),
            )  # fmt: skip

        self.context.runner.run(
            self, self.tr("Writing the package…"),
            lambda _progress: packages.export_package(db, int(training_id), out, passphrase=passphrase, replace=True),
            written,
        )  # fmt: skip

    def import_(self) -> None:
        if not self.context.may("package.import", self):
            return
        chosen = self._choose_package()
        if chosen is None:
            return
        path, passphrase = chosen
        db = self.context.db

        def work(report: Report) -> sync.MergeResult | packages.PackageRefused:
            try:
                package = packages.read_package(path, passphrase)
            except packages.PackageRefused as refused:  # shown with its problems, not as an error
                return refused
            report(1, 2)
            return sync.import_package(db, package)

        def changes(result: sync.MergeResult | packages.PackageRefused) -> list[Change]:
            return [] if isinstance(result, packages.PackageRefused) else [Change.everything()]

        self.context.runner.run(self, self.tr("Merging the package…"), work, self._merged, changes=changes)

    def _choose_package(self) -> tuple[Path, str | None] | None:
        chosen, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose a package"), str(Path.home()),
                                                      self.tr("Tashbeek packages (*.zip);;All files (*)"))  # fmt: skip
        if not chosen:
            return None
        path = Path(chosen)
        from desktop_app.services.crypto import MAGIC

        try:
            with path.open("rb") as f:
                encrypted = f.read(len(MAGIC)) == MAGIC
        except OSError as error:
            show_error(self, error)
            return None
        passphrase = None
        if encrypted:
            passphrase = _passphrase(self, self.tr("Import a package"), confirm=False)
            if passphrase is None:
                return None
        return path, passphrase

    def open_as_new_database(self) -> None:
        """On a venue laptop: a database of its own made from the package, then opened in a new window."""
        if not self.context.may("package.new_database", self):
            return
        chosen = self._choose_package()
        if chosen is None:
            return
        path, passphrase = chosen
        target, _filter = QFileDialog.getSaveFileName(self, self.tr("Where to keep the new database"),
                                                      str(path.with_suffix("").with_suffix(".sqlite")),
                                                      self.tr("Tashbeek databases (*.sqlite)"))  # fmt: skip
        if not target:
            return
        database = Path(target)
        if database.exists():
            QMessageBox.warning(
                self, self.tr("Package"), self.tr("Choose a new file name: this file exists already.")
            )
            return
        operator = self.context.db.operator

        def work(_progress: Report) -> sync.MergeResult | packages.PackageRefused | None:
            try:
                # The new database has one writer too, from its first byte.
                with claimed(locate(database), make_folder=True):
                    package = packages.read_package(path, passphrase)  # checked whole before the file is made
                    return sync.import_into_new_database(database, package, operator=operator)
            except Locked:
                return None
            except packages.PackageRefused as refused:  # shown with its problems, not as an error
                return refused

        self.context.runner.run(
            self, self.tr("Making the new database…"), work, lambda result: self._made(database, result)
        )

    def _made(self, database: Path, result: sync.MergeResult | packages.PackageRefused | None) -> None:
        from PySide6.QtCore import QProcess

        if result is None:
            QMessageBox.warning(self, self.tr("Package"), self.tr("Another program is writing to this file."))
            return
        if isinstance(result, packages.PackageRefused):
            self._refused(result)
            return
        QMessageBox.information(self, self.tr("Package"), self.tr(
            "The new database {file} holds the training ({added} records). It opens in a new window.").format(
                file=ltr(database.name), added=result.added))  # fmt: skip
        import sys

        QProcess.startDetached(sys.executable, ["-m", "desktop_app", "--db", str(database)])

    def _refused(self, refused: packages.PackageRefused) -> None:
        """A package with bad records: the first problems in the box, every one in its details, each
        field by its label."""
        labels = field_labels()
        lines = [
            self.tr("{record} — {field}: {message}").format(
                record=p.record(), field=labels.get(p.field, p.field), message=p.message)
            for p in refused.problems
        ]  # fmt: skip
        head = refused.message.splitlines()[0]
        shown = lines[:3]
        if len(lines) > len(shown):
            shown.append(self.tr("… and {n} more: see the details.").format(n=len(lines) - len(shown)))
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Package refused"))
        box.setText("\n".join([head, *("• " + line for line in shown)]))
        box.setDetailedText("\n".join(lines))
        text = box.findChild(QLabel, "qt_msgbox_label")
        if text is not None:
            text.setMinimumWidth(560)  # wide rather than tall: it must fit a 1024×600 screen
        box.exec()

    def _merged(self, result: sync.MergeResult | packages.PackageRefused) -> None:
        if isinstance(result, packages.PackageRefused):
            self._refused(result)
            return
        lines = [
            self.tr("{added} added, {updated} updated, {unchanged} unchanged, {conflicts} conflicts.").format(
                **result.as_json()
            )
        ]
        if result.fields_updated:
            lines.append(self.tr("Taken from the package — fields: {fields}, people: {people}, organizations: {orgs}.")
                         .format(fields=result.fields_updated, people=result.people_updated,
                                 orgs=result.organizations_updated))  # fmt: skip
        lines += [self.tr("Conflict: {what}").format(what=c) for c in result.conflict_list[:20]]
        lines += [self.tr("Check-in code re-issued: {what}").format(what=c) for c in result.reissued_codes]
        lines += result.warnings
        if result.field_conflicts:
            lines.append(self.tr("The values here are kept until you choose, in the Conflicts tab."))
        QMessageBox.information(self, self.tr("Package merged"), "\n".join(lines))


def field_labels() -> dict[str, str]:
    """The fields of people and organizations by their labels, as the forms show them."""
    return {
        "full_name": QCoreApplication.translate("Fields", "Name"),
        "latin_name": QCoreApplication.translate("Fields", "Name in Latin letters"),
        "gender": QCoreApplication.translate("Fields", "Gender"),
        "birth_date": QCoreApplication.translate("Fields", "Birth date"),
        "national_id": QCoreApplication.translate("Fields", "National ID"),
        "phone": QCoreApplication.translate("Fields", "Mobile"),
        "phone2": QCoreApplication.translate("Fields", "Other phone"),
        "email": QCoreApplication.translate("Fields", "Email"),
        "governorate": QCoreApplication.translate("Fields", "Governorate"),
        "organization_uid": QCoreApplication.translate("Fields", "Organization"),
        "job_title": QCoreApplication.translate("Fields", "Job title"),
        "consent_share_contact": QCoreApplication.translate("Fields", "Agrees to share contact details"),
        "consent_date": QCoreApplication.translate("Fields", "Consent date"),
        "notes": QCoreApplication.translate("Fields", "Notes"),
        "name_ar": QCoreApplication.translate("Fields", "Name"),
        "name_en": QCoreApplication.translate("Fields", "Name (English)"),
        "kind": QCoreApplication.translate("Fields", "Kind"),
        "address": QCoreApplication.translate("Fields", "Address"),
        "website": QCoreApplication.translate("Fields", "Website"),
    }


class ConflictsTab(QWidget):
    """Fields changed both here and at a venue since they last exchanged packages: both values side
    by side, the one here kept until someone chooses."""

    count_changed = Signal(int)

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.rows: list[sync.ConflictRow] = []
        self.fields = {**field_labels(), "identity": self.tr("Who it is (same uid, nothing else in common)")}
        self.show_settled = QCheckBox(self.tr("Show the settled ones too"))
        self.show_settled.toggled.connect(lambda _on: self.refresh())
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Record"), self.tr("Field"), self.tr("Here"),
                                              self.tr("At the venue"), self.tr("Found")])  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.empty = label(self.tr("No conflicts are waiting for a decision."), "emptyState", wrap=True)
        self.keep_here = QPushButton(icon("fa5s.check"), self.tr("Keep the value here"))
        self.keep_here.clicked.connect(lambda: self.resolve("office"))
        self.take_venue = QPushButton(icon("fa5s.file-import"), self.tr("Take the venue's value"))
        self.take_venue.clicked.connect(lambda: self.resolve("venue"))
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr(
            "A field changed both here and at a venue since they last exchanged packages. The value here is "
            "kept until you choose; the venue's value waits beside it."), "muted", wrap=True))  # fmt: skip
        layout.addWidget(self.show_settled)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.keep_here)
        row.addWidget(self.take_venue)
        layout.addLayout(row)

    def refresh(self) -> None:
        self.rows = sync.list_conflicts(self.context.db, include_resolved=self.show_settled.isChecked())
        states = {"office": self.tr("kept here"), "venue": self.tr("taken from the venue"),
                  "agreed": self.tr("now the same")}  # fmt: skip
        entities = {"person": self.tr("Person"), "organization": self.tr("Organization")}
        self.table.setRowCount(len(self.rows))
        for n, row in enumerate(self.rows):
            found = f"{format_date(row.detected_at.astimezone().date(), self.context.language)}"
            if row.resolution:
                found += " — " + states.get(row.resolution, row.resolution)
            cells = (
                f"{entities.get(row.entity, row.entity)}: {row.name}",
                self.fields.get(row.field, row.field),
                self._shown(row.field, row.office_value, row.office_text),
                self._shown(row.field, row.venue_value, row.venue_text),
                found,
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(n, col, item)
        for col in (0, 1, 4):
            self.table.resizeColumnToContents(col)
        self.table.resizeRowsToContents()
        waiting = sum(1 for row in self.rows if row.resolved_at is None)
        self.empty.setVisible(not self.rows)
        self.table.setVisible(bool(self.rows))
        for button in (self.keep_here, self.take_venue):
            button.setEnabled(waiting > 0 and self.context.allows("conflicts.resolve"))
        self.count_changed.emit(waiting)

    def _shown(self, field_name: str, value: object, text: str) -> str:
        if value in (None, ""):
            return "—"
        if field_name in ("phone", "phone2") and isinstance(value, str):
            return isolate(format_phone(value) or value)
        if field_name == "governorate" and isinstance(value, str):
            return governorate_name(value, self.context.language) or value
        if field_name == "gender":
            return {"male": self.tr("Male"), "female": self.tr("Female")}.get(str(value), text)
        if isinstance(value, bool):
            return self.tr("Yes") if value else self.tr("No")
        if field_name == "identity" and isinstance(value, dict):
            parts = [str(value.get("full_name") or "—"), format_phone(value.get("phone")) or "—",
                     str(value.get("national_id") or "—")]  # fmt: skip
            return " · ".join(isolate(part) for part in parts)
        return isolate(text)

    def resolve(self, keep: str) -> None:
        if not self.context.may("conflicts.resolve", self):
            return
        index = self.table.currentRow()
        if index < 0 or index >= len(self.rows) or self.rows[index].resolved_at is not None:
            QMessageBox.information(self, self.tr("Conflicts"), self.tr("Choose a waiting conflict in the list first."))
            return
        row = self.rows[index]
        if row.field == "identity" and keep == "venue":
            answer = QMessageBox.question(self, self.tr("Conflicts"), self.tr(
                "Merge the record that came from the venue into {name}, taking the venue's details? Enrolments, "
                "attendance and certificates of both are kept.").format(name=isolate(row.name)))  # fmt: skip
            if answer != QMessageBox.StandardButton.Yes:
                return
        conflict_id = row.id
        # Taking a venue's identity merges two people: their enrolments, marks and certificates move too.
        merged = [Change(Kind.TRAINING), Change(Kind.ATTENDANCE), Change(Kind.CERTIFICATE)] if row.field == "identity" else []
        try:
            self.context.call(
                self, lambda db: sync.resolve_conflict(db, conflict_id, keep),
                changes=[Change(Kind(row.entity)), *merged],
            )  # fmt: skip
        except TashbeekError as error:
            show_error(self, error)
            return
        self.refresh()


class AuditTab(QWidget):
    """Every change, newest first; filter by a person, an organization or a training."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.kind = QComboBox()
        for value, text in (("all", self.tr("Every change")), ("person", self.tr("A person")),
                            ("organization", self.tr("An organization")), ("training", self.tr("A training"))):  # fmt: skip
            self.kind.addItem(text, value)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.subject = QComboBox()
        self.subject.setEditable(True)
        self.subject.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        typed = self.subject.lineEdit()
        assert typed is not None  # an editable combo box has its line edit
        typed.setPlaceholderText(self.tr("Type a name, then choose"))
        typed.returnPressed.connect(self._find_people)
        self.subject.activated.connect(lambda _i: self.reload())
        self.entities = {
            "person": self.tr("Person"), "organization": self.tr("Organization"), "training": self.tr("Training"),
            "session": self.tr("Session"), "enrollment": self.tr("Enrolment"), "attendance": self.tr("Attendance"),
            "certificate": self.tr("Certificate"), "setting": self.tr("Setting"), "signatory": self.tr("Signatories"),
            "agreement": self.tr("Agreement"), "initiative": self.tr("Initiative"), "action_item": self.tr("Action item"),
            "meeting_series": self.tr("Meeting series"),
        }  # fmt: skip
        self.fields = {
            "full_name": self.tr("Name"), "latin_name": self.tr("Name in Latin letters"), "phone": self.tr("Mobile"),
            "phone2": self.tr("Other phone"), "email": self.tr("Email"), "national_id": self.tr("National ID"),
            "governorate": self.tr("Governorate"), "gender": self.tr("Gender"), "birth_date": self.tr("Birth date"),
            "job_title": self.tr("Job title"), "organization_id": self.tr("Organization"), "notes": self.tr("Notes"),
            "consent_share_contact": self.tr("Agrees to share contact details"), "consent_date": self.tr("Consent date"),
            "archived": self.tr("Archived"), "name_ar": self.tr("Name"), "name_en": self.tr("Name (English)"),
            "serial": self.tr("Serial"), "revoked_reason": self.tr("Reason"), "status": self.tr("State"),
            "role": self.tr("Role"), "title_ar": self.tr("Title"), "checkin_code": self.tr("Check-in code"),
            "training_id": self.tr("Training"), "person_id": self.tr("Person"), "organizer_id": self.tr("Organizer"),
            "co_organizer_ids": self.tr("Co-organizers"), "title_en": self.tr("Title (English)"),
            "description": self.tr("Description"), "venue": self.tr("Venue"), "start_date": self.tr("First day"),
            "end_date": self.tr("Last day"), "late_after": self.tr("Late after"),
            "certificate_min_share": self.tr("Sessions needed for a certificate"),
            "working_group_count": self.tr("Working groups"), "working_group_names": self.tr("Group names"),
            "working_group": self.tr("Group"), "date": self.tr("Date"), "start_time": self.tr("Starts"),
            "end_time": self.tr("Ends"), "title": self.tr("Title"), "cancelled": self.tr("Cancelled"),
            "kind": self.tr("Kind"), "address": self.tr("Address"), "website": self.tr("Website"),
            "identity_logo": self.tr("Logo"), "signatories": self.tr("Signatories"), "method": self.tr("How"),
            "checked_in_at": self.tr("Checked in at"),
            "source": self.tr("From"), "summary": self.tr("Result"), "added": self.tr("Added"),
            "updated": self.tr("Updated"), "unchanged": self.tr("Unchanged"), "conflicts": self.tr("Conflicts"),
            "people_updated": self.tr("People updated"), "organizations_updated": self.tr("Organizations updated"),
            "fields_updated": self.tr("Fields updated"), "field_conflicts": self.tr("Fields in conflict"),
            "reissued_codes": self.tr("Check-in codes reissued"), "session_id": self.tr("Session"),
        }  # fmt: skip
        # Parts of a summary that only matter inside the program.
        self.hidden = {"training_id", "conflict_list", "warnings"}
        # Stored words shown in the interface's language ("participant" → "مشارك").
        self.values: dict[str, dict[str, str]] = {
            "role": labels.roles(), "status": labels.statuses(),
            "gender": dict(labels.genders()), "kind": dict(labels.organization_kinds()),
        }
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("Record"), self.tr("What"),
                                              self.tr("Old → new")])  # fmt: skip
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # entries are never edited
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(self.subject, 1)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.subject.setVisible(False)

    def refresh(self) -> None:
        self.reload()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.subject.clear()
        self.subject.setVisible(kind != "all")
        if kind == "organization":
            for choice in organization_choices(self.context.db):
                self.subject.addItem(choice[1], choice[0])
        elif kind == "training":
            for t in list_trainings(self.context.db):
                self.subject.addItem(t.title, t.id)
        self.reload()

    def _find_people(self) -> None:
        if self.kind.currentData() != "person":
            return
        text = self.subject.currentText()
        self.subject.clear()
        for person in search_people(self.context.db, text)[:30]:
            self.subject.addItem(
                person.name + (f" — {person.organization}" if person.organization else ""), person.id
            )
        self.subject.setEditText(text)
        self.subject.showPopup()

    def reload(self) -> None:
        kind, chosen = self.kind.currentData(), self.subject.currentData()
        filters = {}
        if kind != "all":
            if chosen is None:
                self.table.setRowCount(0)
                return
            filters = {f"{kind}_id": int(chosen)}
        rows = audit_entries(self.context.db, **filters)
        actions = {"create": self.tr("created"), "update": self.tr("changed"), "archive": self.tr("archived"),
                   "restore": self.tr("restored"), "merge": self.tr("merged"), "merged_into": self.tr("merged into another"),
                   "issue": self.tr("issued"), "revoke": self.tr("revoked"), "check_in": self.tr("checked in"),
                   "package_import": self.tr("package imported")}  # fmt: skip
        self.table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            local = row.at.astimezone()
            when = f"{format_date(local.date(), self.context.language)} {local:%H:%M}"
            who = row.operator or row.machine or ""  # the person; the machine is in the tooltip
            what = actions.get(row.action, row.action)
            entity = self.entities.get(row.entity, row.entity)
            record = f"{entity}: {row.subject}" if row.subject else entity
            for col, text in enumerate((when, who, record, what, self._changes(row.changes))):
                item = QTableWidgetItem(text)
                if col == 1 and row.machine:
                    item.setToolTip(self.tr("On the computer {machine}").format(machine=ltr(row.machine)))
                self.table.setItem(n, col, item)
        self.table.resizeRowsToContents()

    def _changes(self, changes: dict[str, object]) -> str:
        """ "field: old ← new", each value isolated so a phone or a Latin name keeps its own direction."""
        arrow = " ← " if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else " → "

        def shown(value: object, field: str = "") -> str:
            if value is None or value == "" or value == []:
                return "—"
            if isinstance(value, bool):
                return self.tr("Yes") if value else self.tr("No")
            if isinstance(value, list):
                return labels.joined([shown(v, field) for v in value])
            if isinstance(value, dict):  # a summary (a package's merge): each part named, in words
                return labels.joined(
                    [f"{self.fields.get(k, k)}: {shown(v, k)}" for k, v in value.items() if k not in self.hidden]
                )
            words = self.values.get(field)
            if words is not None and isinstance(value, str) and value in words:
                return words[value]
            if field == "governorate" and isinstance(value, str):
                return labels.governorate_label(value, self.context.language)
            # A phone number or Latin text reads left to right; Arabic text takes its own direction.
            return isolate(str(value))

        lines = []
        for name, value in changes.items():
            title = self.fields.get(name, name)
            if isinstance(value, list) and len(value) == 2:
                lines.append(f"{title}: {shown(value[0], name)}{arrow}{shown(value[1], name)}")
            else:
                lines.append(f"{title}: {shown(value, name)}")
        return "\n".join(lines)
