"""Trainings and enrolments: the pieces the demo data and later screens share.

Enrolling gives each enrolment a unique check-in code (8 digits with a Luhn check digit) and
remembers the person's organization at that moment, so certificates reprinted later stay right.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.db import Database, retrying
from desktop_app.errors import NotFoundError, ValidationError
from desktop_app.i18n import _, ngettext
from desktop_app.models import (
    Attendance,
    Enrollment,
    EnrollmentRole,
    EnrollmentStatus,
    EventKind,
    Organization,
    Person,
    Training,
    TrainingCoOrganizer,
    TrainingSession,
    TrainingStatus,
)
from desktop_app.services import audit, validation
from desktop_app.text.checkin_code import new_checkin_code


def get_training(tx: Session, training_id: int) -> Training:
    """The training, or a NotFoundError that says which number was not found."""
    training = tx.get(Training, training_id)
    if training is None:
        raise NotFoundError(_("No training with number {id}.").format(id=training_id))
    return training


def unused_checkin_code(tx: Session, preferred: str | None = None) -> str:
    """`preferred` if no enrolment uses it yet, else a fresh random code that is free."""
    code = preferred or new_checkin_code()
    while tx.scalar(select(Enrollment.id).where(Enrollment.checkin_code == code)) is not None:
        code = new_checkin_code()
    return code


def add_enrollment(
    tx: Session,
    db: Database,
    training_id: int,
    person_id: int,
    *,
    role: EnrollmentRole = EnrollmentRole.PARTICIPANT,
    status: EnrollmentStatus = EnrollmentStatus.REGISTERED,
    working_group: int | None = None,
    code: str | None = None,
    uid: str | None = None,
    walk_in: bool = False,
) -> Enrollment:
    """Enrol a person inside the caller's transaction (the caller checks they are not enrolled yet)."""
    person = tx.get(Person, person_id)
    enrollment = Enrollment(
        training_id=training_id,
        person_id=person_id,
        role=role,
        status=status,
        organization_id=person.organization_id if person else None,
        working_group=working_group,
        checkin_code=unused_checkin_code(tx, code),
        walk_in=walk_in,
    )
    if uid:
        enrollment.uid = uid
    tx.add(enrollment)
    tx.flush()
    audit.record(
        tx, db, "enrollment", enrollment.uid, "create",
        {"training_id": [None, training_id], "person_id": [None, person_id], "role": [None, role.value],
         "checkin_code": [None, enrollment.checkin_code], **({"walk_in": [None, True]} if walk_in else {})},
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
    kind: str = EventKind.TRAINING.value  # training | meeting


def list_trainings(
    db: Database, *, include_archived: bool = True, kinds: tuple[EventKind, ...] | None = (EventKind.TRAINING,)
) -> list[TrainingRow]:
    """Every training, newest first, with its sessions (cancelled ones included) and enrolment count.

    Meetings of the partner network are rows of the same table; they are left out unless `kinds`
    asks for them (`kinds=None`: trainings and meetings, as check-in, documents and packages want)."""
    with db.session_scope() as tx:
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
        if kinds is not None:
            stmt = stmt.where(Training.kind.in_(kinds))
        rows = tx.execute(stmt).all()
        sessions: dict[int, list[SessionRef]] = {}
        for s in tx.scalars(
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
                t.kind.value,
            )  # fmt: skip
            for t, organizer, count in rows
        ]


@dataclass(frozen=True)
class EnrollResult:
    person_id: int
    enrollment_id: int
    code: str
    already: bool  # the person was enrolled before: reported, never duplicated


@retrying
def enroll(
    db: Database,
    training_id: int,
    person_ids: list[int],
    *,
    role: EnrollmentRole = EnrollmentRole.PARTICIPANT,
) -> list[EnrollResult]:
    """Enrol people in a training in one transaction; someone already enrolled is reported as such."""

    with db.session_scope() as tx:
        get_training(tx, training_id)
        results = []
        for person_id in dict.fromkeys(person_ids):
            if tx.get(Person, person_id) is None:
                raise NotFoundError(_("No person with number {id}.").format(id=person_id))
            existing = tx.scalar(
                select(Enrollment).where(
                    Enrollment.training_id == training_id, Enrollment.person_id == person_id
                )
            )
            if existing is not None:
                results.append(EnrollResult(person_id, existing.id, existing.checkin_code, True))
                continue
            enrollment = add_enrollment(tx, db, training_id, person_id, role=role)
            results.append(EnrollResult(person_id, enrollment.id, enrollment.checkin_code, False))
        return results


@dataclass
class TrainingData:
    """What the training editor (or the CLI) gives; every field is validated on save."""

    title_ar: str
    start_date: dt.date | str
    end_date: dt.date | str | None = None
    title_en: str | None = None
    description: str | None = None
    organizer_id: int | None = None
    co_organizer_ids: list[int] | None = None
    venue: str | None = None
    governorate: str | None = None
    status: str = "planned"
    certificate_min_share: float = 1.0
    late_after: dt.time | str | None = None
    working_group_count: int = 0
    working_group_names: list[str] | None = None


MAX_DAYS = 60


def clean_training(data: TrainingData, tx: Session | None = None) -> dict[str, object]:
    """Validated column values of a training; with no session the organizations are not looked up.
    Every bad field is named at once."""
    check = validation.Checks()
    start = check(lambda: validation.date_value(data.start_date, "start_date"))
    if start is None:
        check.refuse("start_date", _("The start date is required."))
    end = check(lambda: validation.date_value(data.end_date, "end_date")) or start
    if start is not None and end is not None:
        if end < start:
            check.refuse("end_date", _("The training cannot end before it starts."))
        elif (end - start).days >= MAX_DAYS:
            check.refuse("end_date", ngettext("A training lasts at most {n} day.", "A training lasts at most {n} days.", MAX_DAYS).format(n=MAX_DAYS))
    share = float(data.certificate_min_share)
    if not 0 <= share <= 1:
        check.refuse("certificate_min_share", _("The share of sessions must be between 0 and 100%."))
    late = data.late_after
    if isinstance(late, str) and late.strip():
        try:
            late = dt.time.fromisoformat(late.strip())
        except ValueError:
            check.refuse("late_after", _("The time is not valid: write it as HH:MM."))
    groups = int(data.working_group_count or 0)
    if not 0 <= groups <= 100:
        check.refuse("working_group_count", _("The number of working groups must be between 0 and 100."))
    for field_name, org_id in [
        ("organizer_id", data.organizer_id),
        *[("co_organizer_ids", o) for o in data.co_organizer_ids or []],
    ]:
        if org_id is not None and tx is not None and tx.get(Organization, org_id) is None:
            check.refuse(field_name, _("The chosen organization does not exist."))
    names = [n.strip() for n in (data.working_group_names or []) if n and n.strip()] or None
    values = {
        "title_ar": check(lambda: validation.required_name(data.title_ar, "title_ar")),
        "title_en": check(lambda: validation.optional_text(data.title_en, "title_en", validation.MAX_NAME)),
        "description": check(lambda: validation.optional_text(data.description, "description", 10_000)),
        "organizer_id": data.organizer_id,
        "venue": check(lambda: validation.optional_text(data.venue, "venue", validation.MAX_NAME)),
        "governorate": check(lambda: validation.governorate(data.governorate)),
        "start_date": start,
        "end_date": end,
        "status": check(lambda: validation.choice(data.status, "status", TrainingStatus, TrainingStatus.PLANNED)),
        "certificate_min_share": share,
        "late_after": late or None,
        "working_group_count": groups,
        "working_group_names": names,
    }
    check.done()
    return values


@retrying
def create_training(db: Database, data: TrainingData) -> int:
    """A new training with one session per day from its start to its end date."""
    with db.session_scope() as tx:
        values = clean_training(data, tx)
        training = Training(**values)
        tx.add(training)
        tx.flush()
        for n, org_id in enumerate(dict.fromkeys(data.co_organizer_ids or [])):
            tx.add(TrainingCoOrganizer(training_id=training.id, organization_id=org_id, position=n))
        day = training.start_date
        while day <= training.end_date:
            tx.add(TrainingSession(training_id=training.id, date=day))
            day += dt.timedelta(days=1)
        tx.flush()
        audit.record(tx, db, "training", training.uid, "create", audit.diff({}, values))
        return training.id


@retrying
def update_training(db: Database, training_id: int, data: TrainingData) -> None:
    """Change a training's fields (co-organizers replaced); sessions are edited on their own."""

    with db.session_scope() as tx:
        training = get_training(tx, training_id)
        values = clean_training(data, tx)
        before = {key: getattr(training, key) for key in values}
        for key, value in values.items():
            setattr(training, key, value)
        existing = list(
            tx.scalars(select(TrainingCoOrganizer).where(TrainingCoOrganizer.training_id == training_id))
        )
        wanted = list(dict.fromkeys(data.co_organizer_ids or []))
        kept = {c.organization_id: c for c in existing}
        for row in existing:
            if row.organization_id not in wanted:
                tx.delete(row)  # a link, not history: the audit entry below keeps what it was
        for n, org_id in enumerate(wanted):
            row = kept.get(org_id) or TrainingCoOrganizer(training_id=training_id, organization_id=org_id)
            row.position = n
            tx.add(row)
        changes = audit.diff(before, values)
        old_co = sorted(kept)
        if old_co != sorted(wanted):
            changes["co_organizers"] = [old_co, sorted(wanted)]
        if changes:
            audit.record(tx, db, "training", training.uid, "update", changes)


@dataclass
class SessionData:
    date: dt.date | str
    start_time: dt.time | str | None = None
    end_time: dt.time | str | None = None
    title: str | None = None


def clean_session(data: SessionData) -> dict[str, object]:
    """Validated column values of a session (every bad field named at once)."""
    check = validation.Checks()
    date = check(lambda: validation.date_value(data.date, "date"))
    if date is None:
        check.refuse("date", _("The date is required."))
    times: dict[str, dt.time | None] = {}
    for name in ("start_time", "end_time"):
        value = getattr(data, name)
        if isinstance(value, str):
            try:
                value = dt.time.fromisoformat(value.strip()) if value.strip() else None
            except ValueError:
                check.refuse(name, _("The time is not valid: write it as HH:MM."))
                value = None
        times[name] = value
    if times["start_time"] and times["end_time"] and times["end_time"] <= times["start_time"]:
        check.refuse("end_time", _("A session must end after it starts."))
    title = check(lambda: validation.optional_text(data.title, "title", 300))
    check.done()
    return {"date": date, **times, "title": title}


@retrying
def add_session(db: Database, training_id: int, data: SessionData) -> int:

    values = clean_session(data)
    with db.session_scope() as tx:
        get_training(tx, training_id)
        row = TrainingSession(training_id=training_id, **values)
        tx.add(row)
        tx.flush()
        audit.record(tx, db, "training_session", row.uid, "create", audit.diff({}, values))
        return row.id


@retrying
def update_session(db: Database, session_id: int, data: SessionData) -> None:
    values = clean_session(data)
    with db.session_scope() as tx:
        row = _get_training_session(tx, session_id)
        audit.apply(tx, db, row, "training_session", values)


def remove_session(db: Database, session_id: int) -> str:
    """Delete a session nobody attended; one with attendance is cancelled instead (kept, hidden).

    Returns "deleted" or "cancelled"; the window asks before calling it for a session with attendance.
    """

    with db.session_scope() as tx:
        row = _get_training_session(tx, session_id)
        used = tx.scalar(select(Attendance.id).where(Attendance.session_id == session_id).limit(1))
        if used is None:
            audit.record(
                tx, db, "training_session", row.uid, "delete", {"date": [row.date.isoformat(), None]}
            )
            tx.delete(row)
            return "deleted"
        if not row.cancelled:
            audit.record(tx, db, "training_session", row.uid, "cancel", {"cancelled": [False, True]})
            row.cancelled = True
        return "cancelled"


def session_has_attendance(db: Database, session_id: int) -> bool:

    with db.session_scope() as tx:
        return (
            tx.scalar(select(Attendance.id).where(Attendance.session_id == session_id).limit(1))
            is not None
        )


def _get_training_session(tx: Session, session_id: int) -> TrainingSession:

    row = tx.get(TrainingSession, session_id)
    if row is None:
        raise NotFoundError(_("This training has no session {which}.").format(which=session_id))
    return row


@retrying
def update_enrollment(
    db: Database, enrollment_id: int, *, role: str | None = None, status: str | None = None,
    working_group: int | None | str = "keep",
) -> None:  # fmt: skip
    """Change an enrolment's role, status or working group (None clears the group)."""

    with db.session_scope() as tx:
        enrollment = tx.get(Enrollment, enrollment_id)
        if enrollment is None:
            raise NotFoundError(_("No such enrollment in this session."))
        training = tx.get(Training, enrollment.training_id)
        assert training is not None
        values: dict[str, object] = {}
        if role is not None:
            values["role"] = validation.choice(role, "role", EnrollmentRole)
        if status is not None:
            values["status"] = validation.choice(status, "status", EnrollmentStatus)
        if working_group != "keep":
            if working_group is not None and not 1 <= int(working_group) <= max(
                training.working_group_count, 0
            ):
                raise ValidationError("working_group", _("There is no such working group in this training."))
            values["working_group"] = None if working_group is None else int(working_group)
        audit.apply(tx, db, enrollment, "enrollment", values)


@dataclass(frozen=True)
class TrainingDetails:
    id: int
    organizer_id: int | None
    co_organizer_ids: tuple[int, ...]
    governorate: str | None
    status: str
    certificate_min_share: float
    late_after: dt.time | None
    working_group_count: int
    description: str | None
    working_group_names: tuple[str, ...] = ()


def training_details(db: Database, training_id: int) -> TrainingDetails:
    """The editable fields of a training that the list rows do not carry."""

    with db.session_scope() as tx:
        t = get_training(tx, training_id)
        co = tuple(
            tx.scalars(
                select(TrainingCoOrganizer.organization_id)
                .where(TrainingCoOrganizer.training_id == training_id)
                .order_by(TrainingCoOrganizer.position)
            )
        )
        return TrainingDetails(
            t.id, t.organizer_id, co, t.governorate, t.status.value, t.certificate_min_share, t.late_after,
            t.working_group_count, t.description, tuple(t.working_group_names or ()),
        )  # fmt: skip
