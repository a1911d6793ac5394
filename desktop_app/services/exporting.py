"""Lists out to .xlsx or .csv (the extension decides): people, organizations, and a training's
enrolment and attendance. One row per person or organization, header first; see `tabular` for how
cells are kept safe from spreadsheet formulas."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from desktop_app.db import Database
from desktop_app.models import Enrollment, Organization, Person, Training
from desktop_app.services.attendance import attendance_grid
from desktop_app.services.tabular import Cell, write_table
from desktop_app.text.arabic import sort_key
from desktop_app.text.governorates import governorate_name

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


def export_people(db: Database, path: Path, *, replace: bool = False) -> int:
    with db.session_scope() as tx:
        rows = tx.execute(
            select(Person, Organization.name_ar).outerjoin(
                Organization, Organization.id == Person.organization_id
            )
        ).all()
        table: list[list[Cell]] = [
            [p.full_name, p.latin_name, org, governorate_name(p.governorate), _GENDER.get(p.gender.value, "") if p.gender else None,
             p.job_title, p.phone, p.phone2, p.email, p.national_id, p.birth_date, _yes(p.consent_share_contact),
             _yes(p.archived), p.uid]
            for p, org in sorted(rows, key=lambda r: (sort_key(r[0].full_name), r[0].id))
        ]  # fmt: skip
    write_table(path, PEOPLE_HEADERS, table, sheet_title="الأشخاص", replace=replace)
    return len(table)


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
