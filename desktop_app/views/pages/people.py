"""People: the registry list with Arabic search and filters, and the person editor with the
duplicate warning, national-ID autofill, and the person's trainings and certificates."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop_app.errors import ValidationError
from desktop_app.services import listing, registry
from desktop_app.services.changes import Change, Kind
from desktop_app.services.duplicates import find_similar_people
from desktop_app.services.listing import PersonFilter, PersonRow
from desktop_app.services.profiles import person_history
from desktop_app.text.dates import format_date, format_range
from desktop_app.text.isolate import ltr
from desktop_app.text.national_id import parse_national_id
from desktop_app.text.phone import format_phone
from desktop_app.views import labels
from desktop_app.views.context import AppContext
from desktop_app.views.dialogs.duplicate import DuplicateDialog
from desktop_app.views.pages.registry_base import RecordEditor, RegistryPage
from desktop_app.views.table_models import Column, LazyTableModel
from desktop_app.views.widgets.fields import OptionalDateEdit
from desktop_app.views.widgets.roles import SAVE_ANYWAY
from desktop_app.views.widgets.search_combo import SearchableComboBox
from desktop_app.views.widgets.tables import fill_table, read_only_table

IDENTIFYING = ("full_name", "phone", "phone2", "email", "national_id", "organization_id")


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
        v = self.values()
        return registry.PersonData(**self.blank_as_none(v))

    def write(self) -> int:
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
    archive_record = staticmethod(registry.set_person_archived)


class PeoplePage(RegistryPage):
    # What this screen shows: it refreshes when one of these changes (MainWindow dispatches).
    WATCHES = frozenset({Kind.PERSON, Kind.ORGANIZATION, Kind.TRAINING, Kind.CERTIFICATE})

    entity = "person"
    editor: PersonEditor

    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self.governorate_filter.set_items(labels.governorate_items(context.language))
        self.governorate_filter.setItemText(0, self.tr("All governorates"))
        self.governorate_filter.valueChanged.connect(lambda _: self.reload())
        self.organization_filter.valueChanged.connect(lambda _: self.reload())
        self.editor.open_existing = self.open_record
        self.stretch_columns({0, 1} if self.entity == "person" else {0})
        self.refresh_filters()
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
        self.governorate_filter = SearchableComboBox()
        self.organization_filter = SearchableComboBox()
        return [self.governorate_filter, self.organization_filter]

    def current_filter(self) -> PersonFilter:
        org = self.organization_filter.value()
        gov = self.governorate_filter.value()
        return PersonFilter(
            query=self.search.text(),
            governorate=str(gov) if gov else None,
            organization_id=int(org) if isinstance(org, int) else None,
            archived=self.archived.isChecked(),
        )

    def refresh_filters(self) -> None:
        self.organization_filter.blockSignals(True)
        self.organization_filter.set_items(listing.organization_choices(self.context.db, archived=True))
        self.organization_filter.setItemText(0, self.tr("All organizations"))
        self.organization_filter.blockSignals(False)

    def count_text(self, count: int) -> str:
        return self.tr("%n people", "", count)

    def refresh(self) -> None:
        self.refresh_filters()
        super().refresh()
