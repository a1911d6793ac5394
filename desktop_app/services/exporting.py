"""Lists out to .xlsx or .csv (the extension decides): people, organizations, and a training's
enrolment and attendance. One row per person or organization, header first; see `tabular` for how
cells are kept safe from spreadsheet formulas. People go out as the People screen's filter lists
them, and as a phone's contact list (vCard, only those who agreed to share their contacts)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.errors import ValidationError
from desktop_app.files import atomic_output
from desktop_app.i18n import _, ngettext
from desktop_app.models import Enrollment, Organization, Person, Training
from desktop_app.services.attendance import attendance_grid
from desktop_app.services.listing import PersonFilter, people_ids
from desktop_app.services.tabular import Cell, write_table
from desktop_app.text.arabic import sort_key
from desktop_app.text.governorates import governorate_name
from desktop_app.text.vcard import Contact, cards

PEOPLE_HEADERS = [
    "الاسم", "الاسم بالإنجليزية", "الجهة", "المحافظة", "النوع", "الصفة", "الموبايل", "هاتف آخر",
    "البريد الإلكتروني", "الرقم القومي", "تاريخ الميلاد", "موافق على مشاركة بيانات التواصل", "مؤرشف", "المعرّف",
]  # fmt: skip
ORGANIZATION_HEADERS = [
    "اسم الجهة", "الاسم بالإنجليزية", "النوع", "المحافظة", "العنوان", "الهاتف", "البريد الإلكتروني",
    "الموقع", "ملاحظات", "مؤرشف", "المعرّف",
]  # fmt: skip
_GENDER = {"male": "ذكر", "female": "أنثى"}
_ROLES = {"participant": "مشارك", "trainer": "مدرب", "organizer": "منظم", "guest": "ضيف"}
_STATUSES = {"registered": "مسجل", "confirmed": "مؤكد", "withdrawn": "منسحب"}
_MARKS = {"present": "حاضر", "late": "متأخر", "excused": "غياب بعذر", "absent": "غائب"}


def _yes(value: bool) -> str:
    return "نعم" if value else "لا"


def _people(tx: Session, f: PersonFilter | None) -> list[tuple[Person, str | None]]:
    """The people a filter lists (everyone, archived too, without one), by name."""
    stmt = select(Person, Organization.name_ar)
    stmt = stmt.outerjoin(Organization, Organization.id == Person.organization_id)
    if f is not None:
        stmt = stmt.where(Person.id.in_(people_ids(tx, f)))
    rows = [(p, org) for p, org in tx.execute(stmt).all()]
    return sorted(rows, key=lambda r: (sort_key(r[0].full_name), r[0].id))


def export_people(db: Database, path: Path, f: PersonFilter | None = None, *, replace: bool = False) -> int:
    """People to .xlsx or .csv: those `f` lists, or everyone (archived too) without a filter."""
    with db.session_scope() as tx:
        rows = _people(tx, f)
        table: list[list[Cell]] = [
            [p.full_name, p.latin_name, org, governorate_name(p.governorate), _GENDER.get(p.gender.value, "") if p.gender else None,
             p.job_title, p.phone, p.phone2, p.email, p.national_id, p.birth_date, _yes(p.consent_share_contact),
             _yes(p.archived), p.uid]
            for p, org in rows
        ]  # fmt: skip
    write_table(path, PEOPLE_HEADERS, table, sheet_title="الأشخاص", replace=replace)
    return len(table)


@dataclass(frozen=True)
class ContactsExport:
    written: int  # cards in the file
    no_consent: int  # people the filter lists who did not agree to share their contacts
    no_contact: int  # people who agreed but have neither a phone nor an email

    def summary(self) -> str:
        n = self.written
        parts = [ngettext("{count} contact written.", "{count} contacts written.", n).format(count=n)]
        if self.no_consent:
            n = self.no_consent
            parts.append(ngettext("{count} left out: no consent to share contacts.",
                                  "{count} left out: no consent to share contacts.", n).format(count=n))  # fmt: skip
        if self.no_contact:
            n = self.no_contact
            parts.append(ngettext("{count} left out: no phone or email.",
                                  "{count} left out: no phone or email.", n).format(count=n))  # fmt: skip
        return " ".join(parts)


def export_contacts(
    db: Database, path: Path, f: PersonFilter | None = None, *, replace: bool = False
) -> ContactsExport:
    """The listed people as a vCard 3.0 contact list (.vcf) a phone imports: one card each, only
    for those who agreed to share their contact details and have a phone or an email."""
    if path.suffix.lower() != ".vcf":
        raise ValidationError("file", _("A contact list is a file ending in .vcf."))
    contacts: list[Contact] = []
    no_consent = no_contact = 0
    with db.session_scope() as tx:
        for p, org in _people(tx, f):
            if not p.consent_share_contact:
                no_consent += 1
                continue
            phones = tuple(phone for phone in (p.phone, p.phone2) if phone)
            if not phones and not p.email:
                no_contact += 1
                continue
            contacts.append(Contact(p.full_name, phones, p.email, org, p.job_title))
    with atomic_output(path, replace=replace) as tmp:
        # newline="" keeps the cards' CRLF line endings as they are on every system.
        with open(tmp, "w", encoding="utf-8", newline="") as out:
            out.write(cards(contacts))
    return ContactsExport(len(contacts), no_consent, no_contact)


def export_organizations(db: Database, path: Path, *, replace: bool = False) -> int:
    with db.session_scope() as tx:
        orgs = sorted(tx.scalars(select(Organization)), key=lambda o: (sort_key(o.name_ar), o.id))
        table: list[list[Cell]] = [
            [o.name_ar, o.name_en, o.kind.value, governorate_name(o.governorate), o.address, o.phone, o.email,
             o.website, o.notes, _yes(o.archived), o.uid]
            for o in orgs
        ]  # fmt: skip
    write_table(path, ORGANIZATION_HEADERS, table, sheet_title="الجهات", replace=replace)
    return len(table)


def export_attendance(db: Database, training_id: int, path: Path, *, replace: bool = False) -> int:
    """The training's enrolment with one column per session, the share attended and eligibility."""
    grid = attendance_grid(db, training_id)
    with db.session_scope() as tx:
        training = tx.get(Training, training_id)
        title = training.title_ar if training else ""
        details = {
            eid: (phone, org)
            for eid, phone, org in tx.execute(
                select(Enrollment.id, Person.phone, Organization.name_ar)
                .join(Person, Person.id == Enrollment.person_id)
                .outerjoin(Organization, Organization.id == Enrollment.organization_id)
                .where(Enrollment.training_id == training_id)
            )
        }
    headers = ["الاسم", "الجهة", "الموبايل", "الدور", "الحالة", "رمز التسجيل", "المجموعة"]
    headers += [date for _sid, date in grid.sessions]  # type: ignore[misc]
    headers += ["نسبة الحضور", "مستحق للشهادة"]
    table: list[list[Cell]] = []
    for row in grid.rows:
        phone, org = details.get(row.enrollment_id, (None, None))
        role, status = _ROLES.get(row.role, row.role), _STATUSES.get(row.status, row.status)
        cells: list[Cell] = [row.name, org, phone, role, status, row.code, row.working_group]
        cells += [_MARKS[row.statuses[sid]] for sid, _d in grid.sessions]
        cells += [row.share, _yes(row.eligible)]
        table.append(cells)
    write_table(path, [str(h) for h in headers], table, sheet_title=title[:31] or "الحضور", replace=replace)
    return len(table)
