"""People: the registry list with Arabic search and filters, and the person editor with the
duplicate warning, national-ID autofill, and the person's trainings and certificates.

The filters are services.listing.PersonFilter (the CLI's `export people` takes the same): governorate,
organization, gender, age band, organization kind, consent, "took part in training X" and "show
archived", in a "More filters" panel that opens over the page (the list keeps its height at 1024×600). The
count under the list follows them, and "Export list…" writes exactly that list (.xlsx, .csv, or a
phone's contact list, .vcf)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop_app.errors import ValidationError
from desktop_app.pdf.report_text import category_label
from desktop_app.services import listing
from desktop_app.services.changes import Change, Kind
from desktop_app.services.listing import PersonFilter, PersonRow
from desktop_app.text.dates import format_date, format_range
from desktop_app.text.isolate import ltr
from desktop_app.text.national_id import parse_national_id
from desktop_app.text.phone import format_phone
from desktop_app.views import labels
from desktop_app.views.context import AppContext
from desktop_app.views.dialogs.duplicate import DuplicateDialog
from desktop_app.views.operations import Report
from desktop_app.views.pages.registry_base import RecordEditor, RegistryPage
from desktop_app.views.paths import suggested_file, with_suffix_confirmed
from desktop_app.views.style import icon
from desktop_app.views.table_models import Column, LazyTableModel
from desktop_app.views.widgets.elided_button import ElidedButton
from desktop_app.views.widgets.fields import OptionalDateEdit
from desktop_app.views.widgets.roles import SAVE_ANYWAY
from desktop_app.views.widgets.search_combo import SearchableComboBox
from desktop_app.views.widgets.tables import fill_table, read_only_table

if TYPE_CHECKING:
    from desktop_app.services import exporting, registry
    from desktop_app.services.workspace import Database

# The services that edit, compare and export people are imported when first used, not with the page:
# they declare the ORM model classes, and the list shown at start is read without them (services/listing).

IDENTIFYING = ("full_name", "phone", "phone2", "email", "national_id", "organization_id")


def _set_person_archived(db: Database, person_id: int, archived: bool) -> None:
    from desktop_app.services import registry

    registry.set_person_archived(db, person_id, archived)


class PersonEditor(RecordEditor):
    entity = "person"
    editor: PersonEditor

    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self.open_existing: Any = None  # set by the page: opens another record
        self._organization_names: dict[int, str] = {}
        lang = context.language
        self.full_name = QLineEdit()
        self.latin_name = QLineEdit()
        self.national_id = QLineEdit()
        self.national_id.setMaxLength(20)
        self.national_id.setPlaceholderText(self.tr("14 digits"))
        self.gender = QComboBox()
        self.gender.addItem("—", None)
        for value, text in labels.genders():
            self.gender.addItem(text, value)
        self.birth_date = OptionalDateEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText("01012345678")
        self.phone2 = QLineEdit()
        self.email = QLineEdit()
        self.governorate = SearchableComboBox("—")
        self.governorate.set_items(labels.governorate_items(lang))
        self.organization = SearchableComboBox("—")
        self.job_title = QLineEdit()
        self.consent = QCheckBox(self.tr("Agrees to share them with other participants"))
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(70)
        for widget in (self.phone, self.phone2, self.email, self.national_id):
            widget.setLayoutDirection(self.layoutDirection().LeftToRight)
        f = self.form
        f.add("full_name", self.tr("Full name (Arabic)"), self.full_name)
        f.add("latin_name", self.tr("Name in Latin letters"), self.latin_name)
        f.add("national_id", self.tr("National ID"), self.national_id)
        f.add("gender", self.tr("Gender"), self.gender)
        f.add("birth_date", self.tr("Birth date"), self.birth_date)
        f.add("phone", self.tr("Mobile"), self.phone)
        f.add("phone2", self.tr("Other phone"), self.phone2)
        f.add("email", self.tr("Email"), self.email)
        f.add("governorate", self.tr("Governorate"), self.governorate)
        f.add("organization_id", self.tr("Organization"), self.organization)
        f.add("job_title", self.tr("Job title"), self.job_title)
        f.add("consent_share_contact", self.tr("Contact details"), self.consent)
        f.add("notes", self.tr("Notes"), self.notes)
        self.national_id.textEdited.connect(self._national_id_typed)

        self.trainings = read_only_table(
            [self.tr("Training"), self.tr("Dates"), self.tr("Role"), self.tr("Attendance")]
        )
        self.certificates = read_only_table(
            [self.tr("Training"), self.tr("Serial"), self.tr("Issued"), self.tr("State")]
        )
        self.build_layout(
            [
                (self.trainings, self.tr("Trainings and attendance")),
                (self.certificates, self.tr("Certificates")),
            ]
        )

    def refresh_choices(self) -> None:
        choices = [(oid, name) for oid, name in listing.organization_choices(self.context.db)]
        self._organization_names = dict(choices)
        self.organization.set_items(choices)

    def _national_id_typed(self, text: str) -> None:
        """A complete, valid national ID fills birth date, gender and governorate (still editable)."""
        try:
            info = parse_national_id(text)
        except ValidationError:
            return
        self.birth_date.set_date_value(info.birth_date)
        self.gender.setCurrentIndex(max(0, self.gender.findData(info.gender)))
        if info.governorate:
            self.governorate.set_value(info.governorate)

    def values(self) -> dict[str, Any]:
        return {
            "full_name": self.full_name.text(),
            "latin_name": self.latin_name.text(),
            "national_id": self.national_id.text(),
            "gender": self.gender.currentData(),
            "birth_date": self.birth_date.date_value(),
            "phone": self.phone.text(),
            "phone2": self.phone2.text(),
            "email": self.email.text(),
            "governorate": self.governorate.value(),
            "organization_id": self.organization.value(),
            "job_title": self.job_title.text(),
            "consent_share_contact": self.consent.isChecked(),
            "notes": self.notes.toPlainText(),
        }

    def show_values(self, v: dict[str, Any]) -> None:
        """Put form values (as `values()` gives them) back into the fields."""
        self.full_name.setText(v["full_name"])
        self.latin_name.setText(v["latin_name"])
        self.national_id.setText(v["national_id"])
        self.gender.setCurrentIndex(max(0, self.gender.findData(v["gender"])))
        self.birth_date.set_date_value(v["birth_date"])
        self.phone.setText(v["phone"])
        self.phone2.setText(v["phone2"])
        self.email.setText(v["email"])
        self.governorate.set_value(v["governorate"])
        self.organization.set_value(v["organization_id"])
        self.job_title.setText(v["job_title"])
        self.consent.setChecked(bool(v["consent_share_contact"]))
        self.notes.setPlainText(v["notes"])

    def shown(self, name: str, value: Any) -> str:
        if value is None or value == "":
            return ""
        if name == "organization_id":
            return str(self._organization_names.get(value, value))
        if name == "gender":
            return dict(labels.genders()).get(value, str(value))
        if name == "governorate":
            return dict(labels.governorate_items(self.context.language)).get(value, str(value))
        if name == "birth_date":
            return format_date(value, self.context.language)
        if name in ("phone", "phone2", "email", "national_id"):
            return ltr(str(value))  # digits and addresses read left to right inside Arabic text
        return super().shown(name, value)

    def fill(self, record_id: int | None) -> None:
        from desktop_app.services import registry
        from desktop_app.services.profiles import person_history

        self.refresh_choices()
        person = registry.get_person(self.context.db, record_id) if record_id is not None else None
        self.archived = bool(person and person.archived)
        # The version the form opened: a save over a newer one shows the conflict instead.
        self.version = person.version if person else None
        self.full_name.setText(person.full_name if person else "")
        self.latin_name.setText(person.latin_name or "" if person else "")
        self.national_id.setText(person.national_id or "" if person else "")
        self.gender.setCurrentIndex(max(0, self.gender.findData(person.gender if person else None)))
        self.birth_date.set_date_value(person.birth_date if person else None)
        self.phone.setText(format_phone(person.phone) if person else "")
        self.phone2.setText(format_phone(person.phone2) if person else "")
        self.email.setText(person.email or "" if person else "")
        self.governorate.set_value(person.governorate if person else None)
        self.organization.set_value(person.organization_id if person else None)
        self.job_title.setText(person.job_title or "" if person else "")
        self.consent.setChecked(bool(person and person.consent_share_contact))
        self.notes.setPlainText(person.notes or "" if person else "")
        if person is None:
            self.title.setText(self.tr("New person"))
            self.subtitle.setText(self.tr("Fill in at least the full name, then save (Ctrl+S)."))
            fill_table(self.trainings, [])
            fill_table(self.certificates, [])
            return
        self.title.setText(person.full_name)
        parts = [person.organization_name or "", ltr(format_phone(person.phone))]
        if person.archived:
            parts.append(self.tr("archived"))
        self.subtitle.setText(" · ".join(p for p in parts if p))
        history = person_history(self.context.db, person.id)
        role_names, status_names = labels.roles(), labels.statuses()
        fill_table(
            self.trainings,
            [
                [t.title, format_range(t.start, t.end, self.context.language),
                 f"{role_names.get(t.role, t.role)} · {status_names.get(t.status, t.status)}",
                 self.tr("{attended} of {sessions} sessions").format(attended=t.attended, sessions=t.sessions)]
                for t in history.trainings
            ],
        )  # fmt: skip
        fill_table(
            self.certificates,
            [
                [c.training, ltr(c.serial), format_date(c.issued_at.astimezone().date(), self.context.language),
                 self.tr("Revoked") if c.revoked else self.tr("Valid")]
                for c in history.certificates
            ],
        )  # fmt: skip

    def data(self) -> registry.PersonData:
        from desktop_app.services import registry

        v = self.values()
        return registry.PersonData(**self.blank_as_none(v))

    def write(self) -> int:
        from desktop_app.services import registry
        from desktop_app.services.duplicates import find_similar_people

        data = self.data()
        v = self.values()
        identifying_changed = self.record_id is None or any(
            v[k] != self._snapshot.get(k) for k in IDENTIFYING
        )
        if identifying_changed:
            matches = find_similar_people(self.context.db, data, exclude_id=self.record_id)
            if matches:
                dialog = DuplicateDialog(matches, self)
                result = dialog.exec()
                if result == QDialog.DialogCode.Accepted and dialog.chosen is not None:
                    if self.open_existing is not None:
                        self._snapshot = self.values()  # leaving on purpose: nothing to ask
                        self.open_existing(dialog.chosen)
                    return -1
                if result != SAVE_ANYWAY:
                    return -1
        if self.record_id is None:
            return self.context.call(
                self, lambda db: registry.create_person(db, data), changes=lambda pid: [Change(Kind.PERSON, pid)]
            )
        record_id = self.record_id
        fields = {k: getattr(data, k) for k in v}
        seen = self.version
        try:
            self.context.call(
                self, lambda db: registry.update_person(db, record_id, if_version=seen, **fields),
                changes=[Change(Kind.PERSON, record_id)],
            )  # fmt: skip
        except registry.StaleRecord as stale:
            return self.settle(record_id, stale)
        return record_id

    change_kind = Kind.PERSON
    archive_record = staticmethod(_set_person_archived)


class PeoplePage(RegistryPage):
    # What this screen shows: it refreshes when one of these changes (MainWindow dispatches).
    # SETTINGS: the age bands are the organization's.
    WATCHES = frozenset({Kind.PERSON, Kind.ORGANIZATION, Kind.TRAINING, Kind.CERTIFICATE, Kind.SETTINGS})

    entity = "person"
    editor: PersonEditor

    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self.governorate_filter.set_items(labels.governorate_items(context.language))
        self.governorate_filter.setItemText(0, self.tr("All governorates"))
        self.governorate_filter.valueChanged.connect(lambda _: self.reload())
        self.organization_filter.valueChanged.connect(lambda _: self.reload())
        self._build_more_filters()
        self.editor.open_existing = self.open_record
        self.stretch_columns({0, 1} if self.entity == "person" else {0})
        self.refresh_filters()
        self.reload()

    def _build_more_filters(self) -> None:
        """The "More filters" button beside the search box opens a panel of labelled filters over the
        page; "clear filters" and "export list" sit beside the count under the list."""
        lang = self.context.language
        self.more_button = QPushButton()
        self.more_button.setToolTip(self.tr("Gender, age, kind of organization, consent, took part in a training"))
        self.more_button.clicked.connect(self.open_more_filters)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear_filters)
        self.export_button = QPushButton(icon("fa5s.file-export", "#5a6475"), self.tr("Export list…"))
        self.export_button.setToolTip(self.tr("Save the people listed here as .xlsx, .csv or phone contacts (.vcf)"))
        self.export_button.clicked.connect(self.export_list)
        # No row of buttons of their own: at 1024×600 the list keeps its height.
        search_row = QHBoxLayout()
        place = self.list_column.indexOf(self.search)
        self.list_column.removeWidget(self.search)
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.more_button)
        self.list_column.insertLayout(place, search_row)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label, 1)
        footer.addWidget(self.clear_button)
        footer.addWidget(self.export_button)
        self.list_column.addLayout(footer)

        self.gender_filter = QComboBox()
        self.gender_filter.addItem(self.tr("Any gender"), None)
        for value, text in labels.genders():
            self.gender_filter.addItem(text, value)
        # A menu of checkable bands (several may be chosen: "under 25" is two bands by default); the
        # button's text names the chosen ones.
        self.age_button = ElidedButton(QIcon(), "")
        self.age_menu = QMenu(self.age_button)
        self.age_button.setMenu(self.age_menu)
        self.age_actions: dict[str, QAction] = {}
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("Any kind of organization"), None)
        for value, text in labels.organization_kinds():
            self.kind_filter.addItem(text, value)
        self.consent_filter = QComboBox()
        self.consent_filter.addItem(self.tr("Consent: any"), None)
        self.consent_filter.addItem(self.tr("Agreed to share contacts"), True)
        self.consent_filter.addItem(self.tr("Did not agree to share contacts"), False)
        self.training_filter = SearchableComboBox()
        self.training_filter.setToolTip(self.tr("Took part: present or late at one session or more"))

        # A panel over the page rather than rows in it: at 1024×600 the list column is a third of the
        # screen, too narrow for five choices side by side (they read "Age: u…"); here each has its
        # label and room for its words, and the list keeps its height. It closes like a menu (Esc, a
        # click elsewhere); every change filters the list at once, behind it.
        self.more = QFrame(self, Qt.WindowType.Popup)
        self.more.setObjectName("filtersPanel")
        self.more.setFrameShape(QFrame.Shape.StyledPanel)
        form = QFormLayout(self.more)
        form.setContentsMargins(16, 14, 16, 14)
        form.setVerticalSpacing(10)
        form.addRow(self.tr("Governorate"), self.governorate_filter)
        form.addRow(self.tr("Organization"), self.organization_filter)
        form.addRow(self.tr("Gender"), self.gender_filter)
        form.addRow(self.tr("Age"), self.age_button)
        form.addRow(self.tr("Kind of organization"), self.kind_filter)
        form.addRow(self.tr("Contacts"), self.consent_filter)
        form.addRow(self.tr("Took part in"), self.training_filter)
        self.archived.setParent(None)  # off the list's filter row, which then stays empty
        form.addRow("", self.archived)
        for choice in (self.governorate_filter, self.organization_filter, self.training_filter):
            choice.setMinimumWidth(320)
        panel_clear = QPushButton(self.tr("Clear filters"))
        panel_clear.clicked.connect(self.clear_filters)
        done = QPushButton(self.tr("Done"))
        done.setDefault(True)
        done.clicked.connect(self.more.hide)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel_clear)
        row.addWidget(done)
        form.addRow(row)
        for combo in (self.gender_filter, self.kind_filter, self.consent_filter):
            combo.currentIndexChanged.connect(lambda _: self.reload())
        self.training_filter.valueChanged.connect(lambda _: self.reload())
        self._language = lang
        self._comma = "، " if lang == "ar" else ", "

    def open_more_filters(self) -> None:
        """The panel under the button, opening towards the page (leftwards in English, rightwards in
        Arabic, where the button sits on the left), kept on the screen."""
        self.more.adjustSize()
        size = self.more.sizeHint()
        button = self.more_button
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            corner = button.mapToGlobal(QPoint(0, button.height()))
        else:
            corner = button.mapToGlobal(QPoint(button.width() - size.width(), button.height()))
        screen = button.screen().availableGeometry()
        x = max(screen.left(), min(corner.x(), screen.right() - size.width()))
        y = max(screen.top(), min(corner.y(), screen.bottom() - size.height()))
        self.more.move(x, y)
        self.more.show()
        self.governorate_filter.setFocus()

    def _label_filters(self) -> None:
        """The button says how many filters are set; "clear" shows only with one set."""
        f = self.current_filter()
        folded = sum(
            v is not None
            for v in (f.governorate, f.organization_id, f.gender, f.organization_kind, f.training_id, f.consented)
        ) + bool(f.age_bands)
        text = self.tr("More filters") if not folded else self.tr("More filters (%n)", "", folded)
        self.more_button.setText("▾ " + text)
        self.clear_button.setEnabled(f.narrows)
        chosen = [category_label("age_band", key, self._language) for key in f.age_bands]
        age_text = self.tr("Any age") if not chosen else self.tr("Age: {bands}").format(bands=self._comma.join(chosen))
        self.age_button.set_full_text(age_text)

    def _fill_age_bands(self) -> None:
        chosen = {key for key, action in self.age_actions.items() if action.isChecked()}
        self.age_menu.clear()
        self.age_actions = {}
        for key in listing.age_bands(self.context.db).keys:
            action = self.age_menu.addAction(category_label("age_band", key, self.context.language))
            action.setCheckable(True)
            action.setChecked(key in chosen)
            action.toggled.connect(lambda _checked: self.reload())
            self.age_actions[key] = action

    def reload(self, keep_id: int | None = None) -> None:
        if hasattr(self, "more"):  # the base class's __init__ reloads before the folded row exists
            self._label_filters()
        super().reload(keep_id)

    def clear_filters(self) -> None:
        """Every filter back to "all" (the search text stays: it is not a filter), then one reload."""
        widgets = (self.governorate_filter, self.organization_filter, self.gender_filter, self.kind_filter,
                   self.consent_filter, self.training_filter, *self.age_actions.values())  # fmt: skip
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.governorate_filter.set_value(None)
            self.organization_filter.set_value(None)
            self.training_filter.set_value(None)
            for combo in (self.gender_filter, self.kind_filter, self.consent_filter):
                combo.setCurrentIndex(0)
            for action in self.age_actions.values():
                action.setChecked(False)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.reload()

    def texts(self) -> tuple[str, str, str, str]:
        return (
            self.tr("People"),
            self.tr("Search by name, mobile, national ID or email…  (Ctrl+F)"),
            self.tr("New person"),
            self.tr("Choose a person from the list, or add a new one (Ctrl+N)."),
        )

    def make_model(self) -> LazyTableModel:
        lang = self.context.language
        columns = [
            Column(self.tr("Name"), lambda r: r.full_name, "name"),
            Column(self.tr("Organization"), lambda r: r.organization or "", "organization"),
            Column(self.tr("Mobile"), lambda r: ltr(format_phone(r.phone)), "phone"),
            Column(
                self.tr("Governorate"), lambda r: labels.governorate_label(r.governorate, lang), "governorate"
            ),
        ]
        return LazyTableModel(columns, self._page, self._count)

    def _count(self) -> int:
        # A reload asks for the count first: search once here, then page through the same matches.
        self._query = listing.PeopleQuery(self.context.db, self.current_filter())
        return self._query.count()

    def _page(self, offset: int, limit: int, sort: str | None, descending: bool) -> list[PersonRow]:
        return self._query.page(sort=sort, descending=descending, offset=offset, limit=limit)

    def make_editor(self) -> PersonEditor:
        return PersonEditor(self.context)

    def filter_widgets(self) -> list[QWidget]:
        # Made here, shown in the filters' panel (see _build_more_filters), not on a row of the list.
        self.governorate_filter = SearchableComboBox()
        self.organization_filter = SearchableComboBox()
        return []

    def current_filter(self) -> PersonFilter:
        org = self.organization_filter.value()
        gov = self.governorate_filter.value()
        more: dict[str, Any] = {}
        if hasattr(self, "more"):
            training = self.training_filter.value()
            more = {
                "gender": self.gender_filter.currentData(),
                "age_bands": tuple(key for key, action in self.age_actions.items() if action.isChecked()),
                "organization_kind": self.kind_filter.currentData(),
                "training_id": int(training) if isinstance(training, int) else None,
                "consented": self.consent_filter.currentData(),
            }
        return PersonFilter(
            query=self.search.text(),
            governorate=str(gov) if gov else None,
            organization_id=int(org) if isinstance(org, int) else None,
            archived=self.archived.isChecked(),
            **more,
        )

    def refresh_filters(self) -> None:
        self.organization_filter.blockSignals(True)
        self.organization_filter.set_items(listing.organization_choices(self.context.db, archived=True))
        self.organization_filter.setItemText(0, self.tr("All organizations"))
        self.organization_filter.blockSignals(False)
        lang = self.context.language
        self.training_filter.blockSignals(True)
        self.training_filter.set_items(
            [(tid, labels.training_choice(title, start, lang)) for tid, title, start in listing.training_choices(self.context.db)]
        )
        self.training_filter.setItemText(0, self.tr("Any training (took part in…)"))
        self.training_filter.blockSignals(False)
        self._fill_age_bands()

    def count_text(self, count: int) -> str:
        return self.tr("%n people", "", count)

    def refresh(self) -> None:
        self.refresh_filters()
        super().refresh()

    def export_list(self) -> None:
        """The list as it is filtered now, to .xlsx, .csv or a phone's contact list (.vcf)."""
        if not self.context.may("people.export", self):
            return
        kinds = {"xlsx": "Excel (*.xlsx)", "csv": "CSV (*.csv)", "vcf": self.tr("Phone contacts, vCard (*.vcf)")}
        target, chosen_type = QFileDialog.getSaveFileName(
            self, self.tr("Export the list to"), suggested_file(self.tr("People"), ".xlsx"), ";;".join(kinds.values())
        )
        if not target:
            return
        path: Path | None = Path(target)
        if path is not None and path.suffix.lower() not in (".xlsx", ".csv", ".vcf"):
            suffix = next((f".{k}" for k, text in kinds.items() if text == chosen_type), ".xlsx")
            path = with_suffix_confirmed(self, target, suffix)
        if path is None:
            return
        from desktop_app.services import exporting

        db, out, flt = self.context.db, path, self.current_filter()

        def work(_progress: Report) -> int | exporting.ContactsExport:
            if out.suffix.lower() == ".vcf":
                return exporting.export_contacts(db, out, flt, replace=True)
            return exporting.export_people(db, out, flt, replace=True)

        def written(result: int | exporting.ContactsExport) -> None:
            if isinstance(result, exporting.ContactsExport):
                text = self.tr("%n contact(s) written to {file}.", "", result.written)
                if result.no_consent:
                    text += "\n" + self.tr("%n left out: no consent to share contacts.", "", result.no_consent)
                if result.no_contact:
                    text += "\n" + self.tr("%n left out: no phone or email.", "", result.no_contact)
            else:
                text = self.tr("%n row(s) written to {file}.", "", result)
            self.last_export = text.format(file=ltr(str(out)))
            QMessageBox.information(self, self.tr("Export"), self.last_export)

        # A full disk or a file open elsewhere is said by the runner's error path.
        self.context.runner.run(self, self.tr("Exporting…"), work, written)
