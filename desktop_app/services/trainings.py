"""Trainings and enrolments: the pieces the demo data and later screens share.

Enrolling gives each enrolment a unique check-in code (8 digits with a Luhn check digit) and
remembers the person's organization at that moment, so certificates reprinted later stay right.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.models import Enrollment, EnrollmentRole, EnrollmentStatus, Person
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
