"""Trainings and enrolments: the pieces the demo data and later screens share.

Enrolling gives each enrolment a unique check-in code (8 digits with a Luhn check digit) and
remembers the person's organization at that moment, so certificates reprinted later stay right.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.models import (
    Enrollment,
    EnrollmentRole,
    EnrollmentStatus,
    Organization,
    Person,
    Training,
    TrainingSession,
    TrainingStatus,
)
from desktop_app.services import audit
from desktop_app.text.checkin_code import new_checkin_code


def unused_checkin_code(session: Session, preferred: str | None = None) -> str:
    """`preferred` if no enrolment uses it yet, else a fresh random code that is free."""
    code = preferred or new_checkin_code()
    while session.scalar(select(Enrollment.id).where(Enrollment.checkin_code == code)) is not None:
        code = new_checkin_code()
    return code


def add_enrollment(
    session: Session,
    db: Database,
    training_id: int,
    person_id: int,
    *,
    role: EnrollmentRole = EnrollmentRole.PARTICIPANT,
    status: EnrollmentStatus = EnrollmentStatus.REGISTERED,
    working_group: int | None = None,
    code: str | None = None,
    uid: str | None = None,
) -> Enrollment:
    """Enrol a person inside the caller's transaction (the caller checks they are not enrolled yet)."""
    person = session.get(Person, person_id)
    enrollment = Enrollment(
        training_id=training_id,
        person_id=person_id,
        role=role,
        status=status,
        organization_id=person.organization_id if person else None,
        working_group=working_group,
        checkin_code=unused_checkin_code(session, code),
    )
    if uid:
        enrollment.uid = uid
    session.add(enrollment)
    session.flush()
    audit.record(
        session, db, "enrollment", enrollment.uid, "create",
        {"training_id": [None, training_id], "person_id": [None, person_id], "role": [None, role.value],
         "checkin_code": [None, enrollment.checkin_code]},
    )  # fmt: skip
    return enrollment


@dataclass(frozen=True)
class SessionRef:
    id: int
    date: dt.date
    title: str | None
    cancelled: bool
    start_time: dt.time | None = None
    end_time: dt.time | None = None


@dataclass(frozen=True)
class TrainingRow:
    id: int
    uid: str
    title: str
    title_en: str | None
    start: dt.date
    end: dt.date
    venue: str | None
    status: str
    organizer: str | None
    sessions: tuple[SessionRef, ...]
    enrolled: int


def list_trainings(db: Database, *, include_archived: bool = True) -> list[TrainingRow]:
    """Every training, newest first, with its sessions (cancelled ones included) and enrolment count."""
    with db.session_scope() as session:
        enrolled = (
            select(func.count(Enrollment.id)).where(Enrollment.training_id == Training.id).scalar_subquery()
        )
        stmt = (
            select(Training, Organization.name_ar, enrolled)
            .outerjoin(Organization, Organization.id == Training.organizer_id)
            .order_by(Training.start_date.desc(), Training.id.desc())
        )
        if not include_archived:
            stmt = stmt.where(Training.status != TrainingStatus.ARCHIVED)
        rows = session.execute(stmt).all()
        sessions: dict[int, list[SessionRef]] = {}
        for s in session.scalars(
            select(TrainingSession).order_by(TrainingSession.date, TrainingSession.start_time)
        ):
            sessions.setdefault(s.training_id, []).append(
                SessionRef(s.id, s.date, s.title, s.cancelled, s.start_time, s.end_time)
            )
        return [
            TrainingRow(
                t.id,
                t.uid,
                t.title_ar,
                t.title_en,
                t.start_date,
                t.end_date,
                t.venue,
                t.status.value,
                organizer,
                tuple(sessions.get(t.id, ())),
                count,
            )  # fmt: skip
            for t, organizer, count in rows
        ]
