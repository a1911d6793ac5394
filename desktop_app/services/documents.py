"""The printed documents of a training besides certificates: sign-in sheet, attendance report,
badges and the participants' directory. Gathers the facts from the database and hands them, plain,
to `desktop_app.pdf` (`pdf/training_documents.py` decides the wording and layout).

Every writer goes to a temporary file first and renames it at the end, so a cancelled or failed run
never leaves half a PDF where the user expects the document.
"""

from __future__ import annotations

from collections.abc import Callable
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
from desktop_app.models.enums import EnrollmentRole, EnrollmentStatus
from desktop_app.pdf.badges import Badge, BadgeLayout, write_badges
from desktop_app.pdf.table import write_table_document
from desktop_app.pdf.training_documents import (
    DirectoryPerson,
    ReportPerson,
    SheetPerson,
    TrainingHeading,
    attendance_report,
    cell,
    directory,
    role_label,
    sign_in_sheet,
)
from desktop_app.progress import Progress
from desktop_app.services.attendance import attendance_grid, resolve_training_session
from desktop_app.services.settings import document_logos, get_setting
from desktop_app.services.trainings import get_training
from desktop_app.text.arabic import sort_key


def _heading(tx: Session, training_id: int) -> TrainingHeading:
    training = get_training(tx, training_id)
    own, partners = document_logos(tx, training_id)
    return TrainingHeading(
        training.title_ar,
        training.venue or "",
        training.start_date,
        training.end_date,
        tuple(b for b in (own, *partners) if b),
        get_setting(tx, "document_digits") == "arabic",
        tuple(training.working_group_names or ()),
        clock.today(),
    )


def _atomic(out: Path, write: Callable[[Path], int], replace: bool) -> int:
    with atomic_output(out, replace=replace) as tmp:
        return write(tmp)


def _enrolled(tx: Session, training_id: int) -> list[Any]:
    rows = tx.execute(
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
    with db.session_scope() as tx:
        heading = _heading(tx, training_id)
        day = resolve_training_session(tx, training_id, session_ref, clock.today()).date
        people = [
            SheetPerson(person.full_name, org_name, enrollment.working_group, person.phone)
            for person, org_name, enrollment in _enrolled(tx, training_id)
        ]
    document = sign_in_sheet(heading, day, people, blank_rows=blank_rows, with_phone=with_phone)
    return _atomic(out, lambda path: write_table_document(path, document, progress), replace)


def write_attendance_report(
    db: Database, training_id: int, out: Path, progress: Progress | None = None, *, replace: bool = False
) -> int:
    """People × sessions with marks, attended count, share and eligibility, and a signature block."""
    grid = attendance_grid(db, training_id)
    with db.session_scope() as tx:
        heading = _heading(tx, training_id)
        orgs = dict(
            tx.execute(
                select(Enrollment.id, Organization.name_ar)
                .outerjoin(Organization, Organization.id == Enrollment.organization_id)
                .where(Enrollment.training_id == training_id)
            ).all()
        )
        genders = dict(tx.execute(select(Person.id, Person.gender)).all())
    people = [
        ReportPerson(
            row.name, orgs.get(row.enrollment_id), row.role, genders.get(row.person_id),
            tuple(row.statuses[sid] for sid, _day in grid.sessions), row.share, row.eligible,
        )  # fmt: skip
        for row in grid.rows
    ]
    document = attendance_report(heading, [day for _sid, day in grid.sessions], people, grid.min_share)
    return _atomic(out, lambda path: write_table_document(path, document, progress), replace)


def training_badges(db: Database, training_id: int) -> tuple[BadgeLayout, list[Badge]]:
    with db.session_scope() as tx:
        heading = _heading(tx, training_id)
        badges = [
            Badge(
                cell(person.full_name),
                cell(org_name),
                heading.group(enrollment.working_group),
                enrollment.checkin_code,
                role_label(enrollment.role.value, person.gender)
                if enrollment.role != EnrollmentRole.PARTICIPANT
                else "",
            )
            for person, org_name, enrollment in _enrolled(tx, training_id)
        ]
        own, partners = document_logos(tx, training_id)
        return BadgeLayout(heading.title, own, tuple(p for p in partners if p)), badges


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
    with db.session_scope() as tx:
        training = get_training(tx, training_id)
        chosen = (
            tpl.find_template(tx, template, "badge")
            if template is not None
            else tpl.training_template(tx, training, "badge")
        )
        drawable = tpl.drawable(tx, chosen)
        extra = tpl.training_values(tx, training, get_setting(tx, "document_digits") == "arabic")
    return _atomic(out, lambda path: write_badges(path, layout, badges, progress, drawable, extra), replace)


def write_directory(
    db: Database, training_id: int, out: Path, progress: Progress | None = None, *, replace: bool = False
) -> int:
    """The participants who agreed to share their contact details, grouped by organization."""
    with db.session_scope() as tx:
        heading = _heading(tx, training_id)
        people = [
            DirectoryPerson(person.full_name, org_name, person.job_title, person.governorate, person.phone, person.email)
            for person, org_name, _enrollment in _enrolled(tx, training_id)
            if person.consent_share_contact
        ]
    if not people:
        raise ValidationError(
            "directory", _("No one enrolled in this training agreed to share contact details.")
        )
    document = directory(heading, people)
    return _atomic(out, lambda path: write_table_document(path, document, progress), replace)


def copy_pages(source: Path | bytes, pages: list[int], out: Path, *, replace: bool = False) -> int:
    """The chosen pages (0-based, in the order given) of a PDF, copied as they are into `out`: what
    "print to a PDF file" makes, so the copy keeps its text and vectors instead of pictures of pages.
    Returns the number of pages written."""
    import io

    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(source) if isinstance(source, bytes) else source)
        count = len(reader.pages)
    except (PyPdfError, OSError, ValueError) as error:
        raise ValidationError("document", _("The document could not be read: {error}").format(error=error)) from None
    if not pages or any(not 0 <= n < count for n in pages):
        raise ValidationError("pages", _("The document has no such pages (it has {count}).").format(count=count))

    def write(tmp: Path) -> int:
        writer = PdfWriter()
        for n in pages:
            writer.add_page(reader.pages[n])
        with tmp.open("wb") as stream:
            writer.write(stream)
        return len(pages)

    return _atomic(out, write, replace)
