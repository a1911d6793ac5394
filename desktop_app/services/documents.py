"""The printed documents of a training besides certificates: sign-in sheet, attendance report,
badges and the participants' directory. Gathers the data, then hands plain rows to `desktop_app.pdf`.

Every writer goes to a temporary file first and renames it at the end, so a cancelled or failed run
never leaves half a PDF where the user expects the document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.db import Database
from desktop_app.errors import ValidationError
from desktop_app.files import atomic_output
from desktop_app.i18n import _
from desktop_app.models import Enrollment, Organization, Person
from desktop_app.models.enums import EnrollmentRole, EnrollmentStatus, Gender
from desktop_app.pdf.badges import Badge, BadgeLayout, write_badges
from desktop_app.pdf.layout import clean_text, isolate, ltr
from desktop_app.pdf.table import Column, Section, TableDocument, write_table_document
from desktop_app.services.attendance import attendance_grid, resolve_session
from desktop_app.services.settings import document_logos, get_setting
from desktop_app.services.trainings import get_training
from desktop_app.text.arabic import sort_key
from desktop_app.text.dates import format_date, format_range, to_arabic_digits
from desktop_app.text.governorates import governorate_name
from desktop_app.text.phone import format_phone

Progress = Callable[[int, int], bool]
# Role words as printed, masculine and feminine (a woman trainer is مدربة, never مدرب).
ROLE_LABELS = {
    "participant": ("مشارك", "مشاركة"),
    "trainer": ("مدرب", "مدربة"),
    "organizer": ("منظم", "منظمة"),
    "guest": ("ضيف", "ضيفة"),
}


def role_label(role: str, gender: Gender | str | None) -> str:
    """The role word in the person's gender (masculine when the gender is not recorded)."""
    female = gender in (Gender.FEMALE, Gender.FEMALE.value)
    masculine, feminine = ROLE_LABELS.get(role, ("", ""))
    return feminine if female else masculine


def _value(text: str | None) -> str:
    """A user's value for a cell: cleaned of controls (the table isolates every cell's text)."""
    return clean_text(text or "")


MARKS = {"present": "ح", "late": "م", "excused": "ع", "absent": "غ"}


@dataclass(frozen=True)
class _Context:
    title: str
    venue: str
    dates: str
    logos: tuple[bytes, ...]
    arabic_digits: bool
    group_names: tuple[str, ...]

    def digits(self, text: str) -> str:
        """Numbers in the digits chosen in Settings (with the Arabic percent sign for Arabic-Indic)."""
        return to_arabic_digits(text).replace("%", "٪") if self.arabic_digits else text

    def group(self, number: int | None) -> str:
        if not number:
            return ""
        if number <= len(self.group_names) and self.group_names[number - 1]:
            return self.group_names[number - 1]
        return self.digits(f"المجموعة {number}")


def _context(session: Session, training_id: int) -> _Context:
    training = get_training(session, training_id)
    arabic = get_setting(session, "document_digits") == "arabic"
    own, partners = document_logos(session, training_id)
    logos = tuple(b for b in (own, *partners) if b)
    return _Context(
        training.title_ar,
        training.venue or "",
        format_range(training.start_date, training.end_date, arabic_digits=arabic),
        logos,
        arabic,
        tuple(training.working_group_names or ()),
    )


def _atomic(out: Path, write: Callable[[Path], int], replace: bool) -> int:
    with atomic_output(out, replace=replace) as tmp:
        return write(tmp)


def _printed_on(ctx: _Context) -> str:
    return "طُبع في " + format_date(clock.today(), arabic_digits=ctx.arabic_digits)


def _enrolled(session: Session, training_id: int) -> list[Any]:
    rows = session.execute(
        select(Person, Organization.name_ar, Enrollment)
        .join(Enrollment, Enrollment.person_id == Person.id)
        .outerjoin(Organization, Organization.id == Enrollment.organization_id)
        .where(Enrollment.training_id == training_id, Enrollment.status != EnrollmentStatus.WITHDRAWN)
    ).all()
    return sorted(rows, key=lambda r: (sort_key(r[0].full_name), r[0].id))


def write_sign_in_sheet(
    db: Database,
    training_id: int,
    out: Path,
    *,
    session_ref: str | None = None,
    blank_rows: int = 10,
    with_phone: bool = False,
    progress: Progress | None = None,
    replace: bool = False,
) -> int:
    """The sign-in sheet of one session: enrolled people in Arabic alphabetical order, then blank
    rows for walk-ins. Returns the number of pages."""
    if not 0 <= blank_rows <= 500:
        raise ValidationError("blank_rows", _("Blank rows must be between 0 and 500."))
    with db.session_scope() as session:
        ctx = _context(session, training_id)
        ts = resolve_session(session, training_id, session_ref, clock.today())
        day = format_date(ts.date, arabic_digits=ctx.arabic_digits, weekday=True)
        people = _enrolled(session, training_id)
        rows: list[list[str]] = []
        for n, (person, org_name, enrollment) in enumerate(people, start=1):
            row = [ctx.digits(str(n)), _value(person.full_name), _value(org_name),
                   ctx.group(enrollment.working_group)]  # fmt: skip
            if with_phone:
                row.append(format_phone(person.phone))
            rows.append([*row, ""])
    start = len(rows)
    for n in range(blank_rows):
        rows.append([ctx.digits(str(start + n + 1)), "", "", "", *([""] if with_phone else []), ""])
    columns = [
        Column("#", 0.5, "center"),
        Column("الاسم", 3.2),
        Column("الجهة", 3.0),
        Column("المجموعة", 1.4),
    ]
    if with_phone:
        columns.append(Column("الهاتف", 1.9, "left", ltr=True, wrap="never"))
    columns.append(Column("التوقيع", 2.2))
    lines = [isolate(ctx.title), " — ".join(x for x in (isolate(ctx.venue), day) if x)]
    document = TableDocument(
        "كشف حضور", tuple(lines), tuple(columns), tuple(rows), ctx.logos,
        min_row_height=24, footer_note=_printed_on(ctx), arabic_digits=ctx.arabic_digits,
    )  # fmt: skip
    return _atomic(out, lambda path: write_table_document(path, document, progress), replace)


def write_attendance_report(
    db: Database, training_id: int, out: Path, progress: Progress | None = None, *, replace: bool = False
) -> int:
    """People × sessions with marks, attended count, share and eligibility, and a signature block."""
    grid = attendance_grid(db, training_id)
    with db.session_scope() as session:
        ctx = _context(session, training_id)
        orgs = dict(
            session.execute(
                select(Enrollment.id, Organization.name_ar)
                .outerjoin(Organization, Organization.id == Enrollment.organization_id)
                .where(Enrollment.training_id == training_id)
            ).all()
        )
        genders = dict(session.execute(select(Person.id, Person.gender)).all())
    share_text = ctx.digits(f"{round(grid.min_share * 100)}%")
    columns = [Column("#", 0.45, "center"), Column("الاسم", 2.6), Column("الجهة", 2.2)]
    for _sid, date in grid.sessions:
        columns.append(Column(ctx.digits(f"{date.day}/{date.month}"), 0.65, "center"))
    columns += [
        Column("الحضور", 0.8, "center"),
        Column("النسبة", 0.8, "center"),
        Column("مستحق", 0.8, "center"),
    ]
    rows = []
    for n, row in enumerate(grid.rows, start=1):
        attended = sum(1 for v in row.statuses.values() if v in ("present", "late"))
        eligible = ("نعم" if row.eligible else "لا") if row.role == EnrollmentRole.PARTICIPANT.value else "—"
        role = role_label(row.role, genders.get(row.person_id)) if row.role != "participant" else ""
        # The name isolated inside the cell: the cell then reads in the role's direction.
        name = isolate(_value(row.name)) + f" ({role})" if role else _value(row.name)
        rows.append(
            [ctx.digits(str(n)), name, _value(orgs.get(row.enrollment_id))]
            + [MARKS[row.statuses[sid]] for sid, _date in grid.sessions]
            + [
                ctx.digits(f"{attended}/{len(grid.sessions)}"),
                ctx.digits(f"{round(row.share * 100)}%"),
                eligible,
            ]
        )
    totals = ["", "المجموع", ""] + [ctx.digits(str(grid.present_count(sid))) for sid, _d in grid.sessions]
    rows.append(totals + ["", "", ctx.digits(str(sum(1 for r in grid.rows if r.eligible)))])
    lines = (
        isolate(ctx.title),
        " — ".join(x for x in (isolate(ctx.venue), ctx.dates) if x),
        f"ح حاضر، م متأخر، ع غياب بعذر، غ غائب — الحد الأدنى للشهادة {share_text} من الجلسات",
    )
    document = TableDocument(
        "تقرير الحضور", lines, tuple(columns), tuple(rows), ctx.logos, landscape=True, size=9,
        footer_note=_printed_on(ctx), arabic_digits=ctx.arabic_digits,
        closing=("اسم المسؤول: ____________________", "التوقيع: ____________________      التاريخ: ______________"),
    )  # fmt: skip
    return _atomic(out, lambda path: write_table_document(path, document, progress), replace)


def training_badges(db: Database, training_id: int) -> tuple[BadgeLayout, list[Badge]]:
    with db.session_scope() as session:
        ctx = _context(session, training_id)
        badges = [
            Badge(
                _value(person.full_name),
                _value(org_name),
                ctx.group(enrollment.working_group),
                enrollment.checkin_code,
                role_label(enrollment.role.value, person.gender)
                if enrollment.role != EnrollmentRole.PARTICIPANT
                else "",
            )
            for person, org_name, enrollment in _enrolled(session, training_id)
        ]
        own, partners = document_logos(session, training_id)
        return BadgeLayout(ctx.title, own, tuple(p for p in partners if p)), badges


def write_badge_sheets(
    db: Database,
    training_id: int,
    out: Path,
    progress: Progress | None = None,
    *,
    replace: bool = False,
    template: str | int | None = None,
) -> int:
    """The training's badges, from its badge template (or `template` for this run)."""
    from desktop_app.services import templates as tpl

    layout, badges = training_badges(db, training_id)
    if not badges:
        raise ValidationError("badges", _("No one is enrolled in this training yet."))
    with db.session_scope() as session:
        training = get_training(session, training_id)
        chosen = (
            tpl.find_template(session, template, "badge")
            if template is not None
            else tpl.training_template(session, training, "badge")
        )
        drawable = tpl.drawable(session, chosen)
        extra = tpl.training_values(session, training, get_setting(session, "document_digits") == "arabic")
    return _atomic(out, lambda path: write_badges(path, layout, badges, progress, drawable, extra), replace)


def write_directory(
    db: Database, training_id: int, out: Path, progress: Progress | None = None, *, replace: bool = False
) -> int:
    """The participants who agreed to share their contact details, grouped by organization."""
    with db.session_scope() as session:
        ctx = _context(session, training_id)
        people = [r for r in _enrolled(session, training_id) if r[0].consent_share_contact]
    if not people:
        raise ValidationError(
            "directory", _("No one enrolled in this training agreed to share contact details.")
        )
    by_org: dict[str, list[Person]] = {}
    for person, org_name, _enrollment in people:
        by_org.setdefault(clean_text(org_name or "") or "بدون جهة", []).append(person)
    rows: list[list[str] | Section] = []
    for org_name in sorted(by_org, key=sort_key):
        rows.append(Section(org_name))
        for person in by_org[org_name]:
            rows.append([
                _value(person.full_name), _value(person.job_title),
                governorate_name(person.governorate), ltr(format_phone(person.phone)), clean_text(person.email or ""),
            ])  # fmt: skip
    columns = (
        Column("الاسم", 2.6), Column("الصفة", 2.0), Column("المحافظة", 1.3),
        Column("الهاتف", 1.7, "left", ltr=True, wrap="never"),
        Column("البريد الإلكتروني", 2.6, "left", ltr=True, wrap="address"),
    )  # fmt: skip
    document = TableDocument(
        "دليل المشاركين", (isolate(ctx.title), "بيانات من وافقوا على مشاركتها فقط"), columns, tuple(rows), ctx.logos,
        footer_note=_printed_on(ctx), arabic_digits=ctx.arabic_digits,
    )  # fmt: skip
    return _atomic(out, lambda path: write_table_document(path, document, progress), replace)
