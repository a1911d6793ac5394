"""What a person's and an organization's pages show beyond their own fields: trainings,
attendance, certificates, people, and the trainings an organization organized or sent people to."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, or_, select

from desktop_app.db import Database
from desktop_app.models import (
    Attendance,
    AttendanceStatus,
    Certificate,
    Enrollment,
    Person,
    Training,
    TrainingCoOrganizer,
    TrainingSession,
)

ATTENDED = (AttendanceStatus.PRESENT, AttendanceStatus.LATE)


@dataclass(frozen=True)
class PersonTraining:
    training_id: int
    title: str
    start: dt.date
    end: dt.date
    role: str
    status: str
    attended: int
    sessions: int


@dataclass(frozen=True)
class PersonCertificate:
    serial: str
    training: str
    issued_at: dt.datetime
    revoked: bool


@dataclass(frozen=True)
class PersonHistory:
    trainings: tuple[PersonTraining, ...]
    certificates: tuple[PersonCertificate, ...]


@dataclass(frozen=True)
class OrganizationPerson:
    id: int
    name: str
    phone: str | None
    job_title: str | None


@dataclass(frozen=True)
class OrganizationTraining:
    id: int
    title: str
    start: dt.date
    relation: str  # organizer | co_organizer | participants
    people: int  # how many of its people enrolled


@dataclass(frozen=True)
class OrganizationProfile:
    people: tuple[OrganizationPerson, ...]
    trainings: tuple[OrganizationTraining, ...]


def person_history(db: Database, person_id: int) -> PersonHistory:
    with db.session_scope() as tx:
        sessions = (
            select(func.count(TrainingSession.id))
            .where(TrainingSession.training_id == Training.id, TrainingSession.cancelled.is_(False))
            .scalar_subquery()
        )
        attended = (
            select(func.count(Attendance.id))
            .join(TrainingSession, TrainingSession.id == Attendance.session_id)
            .where(
                Attendance.enrollment_id == Enrollment.id,
                Attendance.status.in_(ATTENDED),
                TrainingSession.cancelled.is_(False),
            )
            .scalar_subquery()
        )
        rows = tx.execute(
            select(Training.id, Training.title_ar, Training.start_date, Training.end_date, Enrollment.role,
                   Enrollment.status, attended, sessions)
            .join(Enrollment, Enrollment.training_id == Training.id)
            .where(Enrollment.person_id == person_id)
            .order_by(Training.start_date.desc())
        ).all()  # fmt: skip
        trainings = tuple(
            PersonTraining(tid, title, start, end, role.value, status.value, att or 0, total or 0)
            for tid, title, start, end, role, status, att, total in rows
        )
        certs = tx.execute(
            select(Certificate.serial, Certificate.printed_training_title, Certificate.issued_at,
                   Certificate.revoked_at)
            .join(Enrollment, Enrollment.id == Certificate.enrollment_id)
            .where(Enrollment.person_id == person_id)
            .order_by(Certificate.issued_at.desc())
        ).all()  # fmt: skip
        certificates = tuple(PersonCertificate(s, t, at, revoked is not None) for s, t, at, revoked in certs)
    return PersonHistory(trainings, certificates)


def organization_profile(db: Database, org_id: int) -> OrganizationProfile:
    with db.session_scope() as tx:
        people = tuple(
            OrganizationPerson(*row)
            for row in tx.execute(
                select(Person.id, Person.full_name, Person.phone, Person.job_title)
                .where(Person.organization_id == org_id, Person.archived.is_(False))
                .order_by(Person.name_key)
            )
        )
        sent = (
            select(func.count(Enrollment.id))
            .where(Enrollment.training_id == Training.id, Enrollment.organization_id == org_id)
            .scalar_subquery()
        )
        co = select(TrainingCoOrganizer.training_id).where(TrainingCoOrganizer.organization_id == org_id)
        rows = tx.execute(
            select(Training.id, Training.title_ar, Training.start_date, Training.organizer_id,
                   Training.id.in_(co), sent)
            .where(or_(Training.organizer_id == org_id, Training.id.in_(co), sent > 0))
            .order_by(Training.start_date.desc())
        ).all()  # fmt: skip
        trainings = tuple(
            OrganizationTraining(
                tid,
                title,
                start,
                "organizer" if organizer == org_id else "co_organizer" if is_co else "participants",
                count or 0,
            )  # fmt: skip
            for tid, title, start, organizer, is_co, count in rows
        )
    return OrganizationProfile(people, trainings)
