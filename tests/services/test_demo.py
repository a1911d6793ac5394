"""Demo data: the programme our users run, loaded once, re-run safely."""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import func, select

from desktop_app.db import Database
from desktop_app.models import (
    Attendance,
    Enrollment,
    EnrollmentRole,
    Organization,
    Person,
    Training,
    TrainingCoOrganizer,
    TrainingSession,
)
from desktop_app.services.demo import load_demo
from desktop_app.services.search import search_people
from desktop_app.text.checkin_code import normalize_checkin_code

# Time-sensitive: every test here runs in the morning, the afternoon and late in the evening.
pytestmark = pytest.mark.usefixtures("clock_hour")


def test_demo_programme_shape(db: Database) -> None:
    summary = load_demo(db)
    assert summary.organizations == 30 and summary.trainings == 1 and summary.sessions == 2
    with db.session_scope() as session:
        training = session.scalars(select(Training)).one()
        assert training.working_group_count == 12
        assert (training.end_date - training.start_date).days == 1
        assert session.scalar(select(func.count()).select_from(TrainingCoOrganizer)) == 2
        assert session.scalar(select(func.count()).select_from(TrainingSession)) == 2
        assert session.scalar(select(func.count()).select_from(Attendance)) == 0
        roles = Counter(session.scalars(select(Enrollment.role)))
        assert roles[EnrollmentRole.PARTICIPANT] == 52
        assert roles[EnrollmentRole.TRAINER] >= 3
        govs = {g for g in session.scalars(select(Organization.governorate)) if g}
        assert len(govs) == 15
        codes = list(session.scalars(select(Enrollment.checkin_code)))
        assert len(set(codes)) == len(codes)
        assert all(normalize_checkin_code(c) == c for c in codes)
        groups = Counter(
            session.scalars(
                select(Enrollment.working_group).where(Enrollment.role == EnrollmentRole.PARTICIPANT)
            )
        )
        assert set(groups) == set(range(1, 13)) and max(groups.values()) - min(groups.values()) <= 1
        assert (
            session.scalar(select(func.count()).select_from(Person).where(Person.latin_name.is_not(None)))
            > 10
        )


def test_demo_is_idempotent(db: Database) -> None:
    load_demo(db)
    again = load_demo(db)
    assert again.total() == 0
    with db.session_scope() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 57


def test_demo_recreates_only_what_is_missing(db: Database) -> None:
    load_demo(db)
    with db.session_scope() as session:
        session.execute(Enrollment.__table__.delete().where(Enrollment.role == EnrollmentRole.GUEST))
        enrollment = session.scalars(
            select(Enrollment).where(Enrollment.role == EnrollmentRole.PARTICIPANT)
        ).first()
        assert enrollment is not None
        session.delete(enrollment)
    summary = load_demo(db)
    assert summary.enrollments == 1 and summary.people == 0


def test_chair_is_found_by_name_and_phone(db: Database) -> None:
    load_demo(db)
    assert [h.name for h in search_people(db, "هانى ابراهيم")][:1] == ["هاني إبراهيم"]
    assert [h.name for h in search_people(db, "+20 100 123 4567")] == ["هاني إبراهيم"]
