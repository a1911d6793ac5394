"""Organizations: the partner list with search and filters, and the organization editor with its
people and the trainings it organized, co-organized or sent people to."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop_app.services import listing, registry
from desktop_app.services.changes import Change, Kind
from desktop_app.services.listing import OrganizationFilter
from desktop_app.services.network import organization_timeline
from desktop_app.services.profiles import organization_profile
from desktop_app.text.dates import format_date
from desktop_app.text.isolate import ltr
from desktop_app.text.phone import format_phone
from desktop_app.views import labels
from desktop_app.views.context import AppContext
from desktop_app.views.pages.registry_base import RecordEditor, RegistryPage
from desktop_app.views.table_models import Column, LazyTableModel
from desktop_app.views.widgets.search_combo import SearchableComboBox
from desktop_app.views.widgets.tables import fill_table, read_only_table


class OrganizationEditor(RecordEditor):
    entity = "organization"

    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self.name_ar = QLineEdit()
        self.name_en = QLineEdit()
        self.kind = QComboBox()
        for value, text in labels.organization_kinds():
            self.kind.addItem(text, value)
        self.governorate = SearchableComboBox("—")
        self.governorate.set_items(labels.governorate_items(context.language))
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.website = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(70)
        f = self.form
        f.add("name_ar", self.tr("Name (Arabic)"), self.name_ar)
        f.add("name_en", self.tr("Name (English)"), self.name_en)
        f.add("kind", self.tr("Kind"), self.kind)
        f.add("governorate", self.tr("Governorate"), self.governorate)
        f.add("address", self.tr("Address"), self.address)
        f.add("phone", self.tr("Phone"), self.phone)
        f.add("email", self.tr("Email"), self.email)
        f.add("website", self.tr("Website"), self.website)
        f.add("notes", self.tr("Notes"), self.notes)
        self.people = read_only_table([self.tr("Name"), self.tr("Mobile"), self.tr("Job title")])
        self.trainings = read_only_table([self.tr("Training"), self.tr("Start"), self.tr("Part")])
        self.timeline = read_only_table([self.tr("Date"), self.tr("What"), self.tr("Title"), self.tr("Part")])
        self.build_layout([(self.people, self.tr("People")), (self.trainings, self.tr("Trainings")),
                           (self.timeline, self.tr("Timeline"))])  # fmt: skip

    def values(self) -> dict[str, Any]:
        return {
            "name_ar": self.name_ar.text(),
            "name_en": self.name_en.text(),
            "kind": self.kind.currentData(),
            "governorate": self.governorate.value(),
            "address": self.address.text(),
            "phone": self.phone.text(),
            "email": self.email.text(),
            "website": self.website.text(),
            "notes": self.notes.toPlainText(),
        }

    def show_values(self, v: dict[str, Any]) -> None:
        self.name_ar.setText(v["name_ar"])
        self.name_en.setText(v["name_en"])
        self.kind.setCurrentIndex(max(0, self.kind.findData(v["kind"])))
        self.governorate.set_value(v["governorate"])
        self.address.setText(v["address"])
        self.phone.setText(v["phone"])
        self.email.setText(v["email"])
        self.website.setText(v["website"])
        self.notes.setPlainText(v["notes"])

    def shown(self, name: str, value: Any) -> str:
        if value and name == "kind":
            return labels.kind_name(value)
        if value and name == "governorate":
            return labels.governorate_label(value, self.context.language)
        if value and name in ("phone", "email", "website"):
            return ltr(str(value))  # read left to right inside Arabic text
        return super().shown(name, value)

    def fill(self, record_id: int | None) -> None:
        org = registry.get_organization(self.context.db, record_id) if record_id is not None else None
        self.archived = bool(org and org.archived)
        # The version the form opened: a save over a newer one shows the conflict instead.
        self.version = org.version if org else None
        self.name_ar.setText(org.name_ar if org else "")
        self.name_en.setText(org.name_en or "" if org else "")
        self.kind.setCurrentIndex(max(0, self.kind.findData(org.kind if org else "association")))
        self.governorate.set_value(org.governorate if org else None)
        self.address.setText(org.address or "" if org else "")
        self.phone.setText(format_phone(org.phone) if org else "")
        self.email.setText(org.email or "" if org else "")
        self.website.setText(org.website or "" if org else "")
        self.notes.setPlainText(org.notes or "" if org else "")
        if org is None:
            self.title.setText(self.tr("New organization"))
            self.subtitle.setText(self.tr("Fill in at least the Arabic name, then save (Ctrl+S)."))
            fill_table(self.people, [])
            fill_table(self.trainings, [])
            fill_table(self.timeline, [])
            return
        self.title.setText(org.name_ar)
        parts = [labels.kind_name(org.kind), labels.governorate_label(org.governorate, self.context.language)]
        if org.archived:
            parts.append(self.tr("archived"))
        self.subtitle.setText(" · ".join(p for p in parts if p))
        profile = organization_profile(self.context.db, org.id)
        fill_table(
            self.people, [[p.name, ltr(format_phone(p.phone)), p.job_title or ""] for p in profile.people]
        )
        relation = {
            "organizer": self.tr("Organizer"),
            "co_organizer": self.tr("Co-organizer"),
            "participants": self.tr("Sent participants"),
        }
        fill_table(
            self.trainings,
            [[t.title, format_date(t.start, self.context.language), relation[t.relation] + (f" ({t.people})" if t.people else "")]
             for t in profile.trainings],
        )  # fmt: skip
        self.fill_timeline(org.id)

    def fill_timeline(self, org_id: int) -> None:
        """Trainings and meetings, agreements, initiatives and open action items, newest first."""
        kinds = {"training": self.tr("Training"), "meeting": self.tr("Meeting"), "agreement": self.tr("Agreement"),
                 "initiative": self.tr("Initiative"), "action": self.tr("Action item")}  # fmt: skip
        parts = {"organized": self.tr("Organizer"), "co_organized": self.tr("Co-organizer"),
                 "took_part": self.tr("Took part"), "invited": self.tr("Invited"), "party": self.tr("Signed it"),
                 "lead": self.tr("Leads it"), "partner": self.tr("Partner"), "owner": self.tr("Responsible")}  # fmt: skip
        rows = []
        for e in organization_timeline(self.context.db, org_id):
            part = parts.get(e.part, e.part)
            if e.kind == "action":
                part = self.tr("Overdue") if e.overdue else self.tr("Open")
            elif e.detail and e.kind == "initiative":
                part += f" ({e.detail})"
            day = format_date(e.date, self.context.language) if e.date else "—"
            rows.append([day, kinds.get(e.kind, e.kind), e.title, part])
        fill_table(self.timeline, rows)

    def write(self) -> int:
        v = self.values()
        data = registry.OrganizationData(**self.blank_as_none(v))
        if self.record_id is None:
            return self.context.call(
                self, lambda db: registry.create_organization(db, data),
                changes=lambda oid: [Change(Kind.ORGANIZATION, oid)],
            )  # fmt: skip
        record_id = self.record_id
        fields = {k: getattr(data, k) for k in v}
        seen = self.version
        try:
            self.context.call(
                self, lambda db: registry.update_organization(db, record_id, if_version=seen, **fields),
                changes=[Change(Kind.ORGANIZATION, record_id)],
            )  # fmt: skip
        except registry.StaleRecord as stale:
            return self.settle(record_id, stale)
        return record_id

    change_kind = Kind.ORGANIZATION
    archive_record = staticmethod(registry.set_organization_archived)


class OrganizationsPage(RegistryPage):
    # What this screen shows: it refreshes when one of these changes (MainWindow dispatches).
    WATCHES = frozenset({Kind.ORGANIZATION, Kind.PERSON, Kind.TRAINING})

    entity = "organization"

    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self.kind_filter.set_items(labels.organization_kinds())
        self.kind_filter.setItemText(0, self.tr("All kinds"))
        self.governorate_filter.set_items(labels.governorate_items(context.language))
        self.governorate_filter.setItemText(0, self.tr("All governorates"))
        self.kind_filter.valueChanged.connect(lambda _: self.reload())
        self.governorate_filter.valueChanged.connect(lambda _: self.reload())
        self.stretch_columns({0, 1} if self.entity == "person" else {0})
        self.reload()

    def texts(self) -> tuple[str, str, str, str]:
        return (
            self.tr("Organizations"),
            self.tr("Search organizations by name…  (Ctrl+F)"),
            self.tr("New organization"),
            self.tr("Choose an organization from the list, or add a new one (Ctrl+N)."),
        )

    def make_model(self) -> LazyTableModel:
        lang = self.context.language
        columns = [
            Column(self.tr("Name"), lambda r: r.name_ar, "name"),
            Column(self.tr("Kind"), lambda r: labels.kind_name(r.kind), "kind"),
            Column(
                self.tr("Governorate"), lambda r: labels.governorate_label(r.governorate, lang), "governorate"
            ),
            Column(self.tr("People"), lambda r: str(r.people), "people", numeric=True),
        ]
        return LazyTableModel(
            columns,
            lambda offset, limit, sort, desc: listing.list_organizations(
                self.context.db, self.current_filter(), sort=sort, descending=desc, offset=offset, limit=limit
            ),
            lambda: listing.count_organizations(self.context.db, self.current_filter()),
        )

    def make_editor(self) -> OrganizationEditor:
        return OrganizationEditor(self.context)

    def filter_widgets(self) -> list[QWidget]:
        self.kind_filter = SearchableComboBox()
        self.governorate_filter = SearchableComboBox()
        return [self.kind_filter, self.governorate_filter]

    def current_filter(self) -> OrganizationFilter:
        kind = self.kind_filter.value()
        gov = self.governorate_filter.value()
        return OrganizationFilter(
            query=self.search.text(),
            kind=str(kind) if kind else None,
            governorate=str(gov) if gov else None,
            archived=self.archived.isChecked(),
        )

    def count_text(self, count: int) -> str:
        return self.tr("%n organizations", "", count)
