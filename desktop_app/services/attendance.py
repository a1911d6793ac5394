"""Attendance at the venue: check-in by code, phone or name; undo; the grid and eligibility.

Each check-in is committed before it is reported. A repeat is reported with the time of the first
check-in and never adds a row; undo records "absent" with a new time instead of deleting, so a
later merge cannot bring an undone check-in back. Arrivals after the training's late-after time
on the session's own day are marked late; entries for past sessions (paper sheets) are present.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, ClassVar, TypeVar

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session, aliased

from desktop_app import clock
from desktop_app.db import Database, retrying
from desktop_app.errors import NotFoundError, ValidationError
from desktop_app.i18n import _
from desktop_app.models import (
    Attendance,
    AttendanceMethod,
    AttendanceStatus,
    Enrollment,
    EnrollmentRole,
    EnrollmentStatus,
    Organization,
    Person,
    PersonNameToken,
    Training,
    TrainingSession,
    new_uid,
    utcnow,
)
from desktop_app.services import audit
from desktop_app.services.search import word_condition
from desktop_app.services.trainings import get_training
from desktop_app.text.arabic import check_query, normalize_name, query_words
from desktop_app.text.checkin_code import normalize_checkin_code
from desktop_app.text.phone import looks_like_phone, normalize_phone

ATTENDED = (AttendanceStatus.PRESENT, AttendanceStatus.LATE)


@dataclass(frozen=True)
class EnrolledPerson:
    enrollment_id: int
    person_id: int
    name: str
    latin_name: str | None
    organization: str | None
    working_group: int | None
    code: str
    phone: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "enrollment_id": self.enrollment_id, "person_id": self.person_id, "name": self.name,
            "latin_name": self.latin_name, "organization": self.organization, "working_group": self.working_group,
            "code": self.code, "phone": self.phone,
        }  # fmt: skip


@dataclass(frozen=True)
class CheckinResult:
    """What a check-in decided. The faces present it: the window as a card or a list, the command
    line as text, JSON and an exit code. Each outcome is its own class below (`result` names it in
    JSON); `present`/`expected` are the session's live counter after the decision."""

    result: ClassVar[str] = ""
    session_id: int
    session_date: dt.date
    person: EnrolledPerson | None = None
    status: str | None = None
    at: dt.datetime | None = None  # when the (first) check-in was recorded, UTC
    matches: tuple[EnrolledPerson, ...] = field(default_factory=tuple)
    present: int = 0  # participants present or late at this session
    expected: int = 0  # participants enrolled (not withdrawn)

    def as_json(self) -> dict[str, Any]:
        return {
            "result": self.result,
            "person": self.person.as_json() if self.person else None,
            "session": {"id": self.session_id, "date": self.session_date.isoformat()},
            "status": self.status,
            "at": self.at.isoformat() if self.at else None,
            "matches": [m.as_json() for m in self.matches],
            "present": self.present,
            "expected": self.expected,
        }


@dataclass(frozen=True)
class CheckedIn(CheckinResult):
    """Recorded now: `status` is present or late."""

    result: ClassVar[str] = "checked_in"


@dataclass(frozen=True)
class AlreadyIn(CheckinResult):
    """Recorded before, at `at`: nothing written."""

    result: ClassVar[str] = "already"


@dataclass(frozen=True)
class Choose(CheckinResult):
    """Several people match, or one does but not certainly (part of a name): someone must choose
    among `matches` (pick = the enrollment id, or run again with their check-in code). Nothing written."""

    result: ClassVar[str] = "ambiguous"


@dataclass(frozen=True)
class NotFound(CheckinResult):
    """No one enrolled matches: a walk-in, or a misspelling. Nothing written."""

    result: ClassVar[str] = "not_found"


@dataclass(frozen=True)
class NotYet(CheckinResult):
    """The session's day has not come: no one is checked in ahead of it. Nothing written."""

    result: ClassVar[str] = "not_yet"


CheckinDecision = CheckedIn | AlreadyIn | Choose | NotFound | NotYet
_Decided = TypeVar("_Decided", bound=CheckinResult)


def _local_now() -> dt.datetime:
    return clock.now()


def resolve_training_session(tx: Session, training_id: int, which: str | None, today: dt.date) -> TrainingSession:
    """A session of the training by id or ISO date; by default today's, or the only one."""
    get_training(tx, training_id)
    sessions = list(
        tx.scalars(
            select(TrainingSession)
            .where(TrainingSession.training_id == training_id, TrainingSession.cancelled.is_(False))
            .order_by(TrainingSession.date, TrainingSession.start_time, TrainingSession.id)
        )
    )
    if which:
        for s in sessions:
            if str(s.id) == which.strip() or s.date.isoformat() == which.strip():
                return s
        raise NotFoundError(_("This training has no session {which}.").format(which=which))
    for s in sessions:
        if s.date == today:
            return s
    if len(sessions) == 1:
        return sessions[0]
    dates = ", ".join(s.date.isoformat() for s in sessions) or "—"
    raise NotFoundError(
        _("No session of this training is today; choose one of: {dates}.").format(dates=dates)
    )


def _enrolled(tx: Session, training_id: int, *conditions: Any) -> list[EnrolledPerson]:
    rows = tx.execute(
        select(Enrollment.id, Person.id, Person.full_name, Person.latin_name, Organization.name_ar,
               Enrollment.working_group, Enrollment.checkin_code, Person.phone)
        .join(Person, Person.id == Enrollment.person_id)
        .outerjoin(Organization, Organization.id == Enrollment.organization_id)
        .where(Enrollment.training_id == training_id, Enrollment.status != EnrollmentStatus.WITHDRAWN, *conditions)
        .order_by(Person.name_key)
        .limit(50)
    ).all()  # fmt: skip
    return [EnrolledPerson(*row) for row in rows]


def find_enrolled(tx: Session, training_id: int, query: str) -> tuple[list[EnrolledPerson], bool]:
    """Enrolled (not withdrawn) people matching a code, phone or name; and whether the match is
    certain enough to check in at once (a code, an exact phone, or a query equal to a whole name)."""
    query = check_query(query)
    code = normalize_checkin_code(query)
    if code is not None:
        return _enrolled(tx, training_id, Enrollment.checkin_code == code), True
    if looks_like_phone(query):
        try:
            phone = normalize_phone(query)
        except ValidationError:  # not a whole number: fall through to names
            phone = None
        if phone:
            found = _enrolled(tx, training_id, (Person.phone == phone) | (Person.phone2 == phone))
            return found, True
    key = normalize_name(query)
    if key:
        whole = _enrolled(tx, training_id, Person.name_key == key)
        if len(whole) == 1:
            return whole, True
    conditions = []
    for alternatives in query_words(query):
        token = aliased(PersonNameToken)
        conditions.append(
            exists().where(
                token.person_id == Enrollment.person_id, word_condition(token.token, alternatives, False)
            )
        )
    if not conditions:
        return [], False
    return _enrolled(tx, training_id, *conditions), False


def _arrival_status(training: Training, training_session: TrainingSession, now: dt.datetime) -> AttendanceStatus:
    """Late when arriving after the late-after time on the session's own day; otherwise present (an
    entry for a past day, from a paper sheet, is never late)."""
    late_after = training.late_after
    if late_after and training_session.date == now.date() and now.time().replace(tzinfo=None) > late_after:
        return AttendanceStatus.LATE
    return AttendanceStatus.PRESENT


_UNREAD: Any = object()  # `_record` was not handed the row: it reads it


def _mark_of(tx: Session, enrollment_id: int, session_id: int, *, fresh: bool = False) -> Attendance | None:
    """The enrolment's mark at the session, locked for this transaction on a server (FOR UPDATE:
    another station's check-in of the same person waits for ours). `fresh`: read it again from the
    database even if this session holds it (another station wrote it since)."""
    query = (
        select(Attendance)
        .where(Attendance.enrollment_id == enrollment_id, Attendance.session_id == session_id)
        .with_for_update()
    )
    if fresh:
        query = query.execution_options(populate_existing=True)
    return tx.scalar(query)


def _insert_mark(
    tx: Session, db: Database, enrollment_id: int, training_session: TrainingSession, status: AttendanceStatus,
    method: AttendanceMethod, at: dt.datetime,
) -> str | None:  # fmt: skip
    """Insert a new mark unless another station's is already there (INSERT … ON CONFLICT DO
    NOTHING on the enrolment-and-session key): its uid, or None when the other one won."""
    from sqlalchemy.dialects import postgresql, sqlite

    uid = new_uid()
    values = {"uid": uid, "enrollment_id": enrollment_id, "session_id": training_session.id, "status": status,
              "recorded_at": at, "method": method, "operator": db.operator or None, "machine": db.machine}  # fmt: skip
    insert = postgresql.insert if tx.get_bind().dialect.name == "postgresql" else sqlite.insert
    statement = (
        insert(Attendance)
        .values(**values)
        .on_conflict_do_nothing(index_elements=["enrollment_id", "session_id"])
        .returning(Attendance.id)
    )
    if tx.scalar(statement) is None:
        return None
    audit.record(tx, db, "attendance", uid, "create", {"status": [None, status.value], "session_id": [None, training_session.id]})  # fmt: skip
    return uid


def _record(
    tx: Session, db: Database, enrollment_id: int, training_session: TrainingSession, status: AttendanceStatus,
    method: AttendanceMethod, at: dt.datetime, row: Attendance | None = _UNREAD,
) -> None:  # fmt: skip
    """Write one mark and its audit entry. `row`: the mark the caller already read (None: there is
    none), so a check-in does not read it twice. A mark another station inserted in the meantime is
    read and changed like one that was there."""
    if row is _UNREAD:
        row = _mark_of(tx, enrollment_id, training_session.id)
    if row is None:
        if _insert_mark(tx, db, enrollment_id, training_session, status, method, at) is not None:
            return
        row = _mark_of(tx, enrollment_id, training_session.id, fresh=True)
        assert row is not None  # the insert met it
    before = row.status.value
    row.status, row.recorded_at, row.method = status, at, method
    row.operator, row.machine = db.operator or None, db.machine
    audit.record(tx, db, "attendance", row.uid, "update",
                 {"status": [before, status.value], "session_id": [None, training_session.id]})  # fmt: skip


def _arrive(
    tx: Session, db: Database, enrollment_id: int, training_session: TrainingSession, status: AttendanceStatus,
    method: AttendanceMethod, at: dt.datetime, existing: Attendance | None,
) -> Attendance | None:  # fmt: skip
    """Check one person in: None when this check-in recorded the arrival, else the mark of the
    station that checked them in first (between our read and our write): "already checked in"."""
    if existing is None:
        if _insert_mark(tx, db, enrollment_id, training_session, status, method, at) is not None:
            return None
        existing = _mark_of(tx, enrollment_id, training_session.id, fresh=True)
        assert existing is not None  # the insert met it
        if existing.status in ATTENDED:
            return existing
    _record(tx, db, enrollment_id, training_session, status, method, at, existing)
    return None


def _counts(tx: Session, training_id: int, session_id: int) -> tuple[int, int]:
    """(participants present or late at the session, participants not withdrawn), in one query.

    Two counts side by side rather than every enrolment outer-joined to its mark: the marks are read
    from the session's own index, so a check-in at a training of 1,000 costs a quarter as much."""
    counted = and_(
        Enrollment.training_id == training_id,
        Enrollment.role == EnrollmentRole.PARTICIPANT,
        Enrollment.status != EnrollmentStatus.WITHDRAWN,
    )
    expected = select(func.count(Enrollment.id)).where(counted).scalar_subquery()
    present = (
        select(func.count(Attendance.id))
        .join(Enrollment, Enrollment.id == Attendance.enrollment_id)
        .where(Attendance.session_id == session_id, Attendance.status.in_(ATTENDED), counted)
        .scalar_subquery()
    )
    total, attended = tx.execute(select(expected, present)).one()
    return int(attended), int(total)


def _training_session_of(tx: Session, training_id: int, session_id: int | None, session_ref: str | None,
                today: dt.date) -> TrainingSession:  # fmt: skip
    if session_id is None:
        return resolve_training_session(tx, training_id, session_ref, today)
    training_session = tx.get(TrainingSession, session_id)
    if training_session is None or training_session.training_id != training_id:
        raise NotFoundError(_("This training has no session {which}.").format(which=session_id))
    return training_session


@retrying
def check_in(
    db: Database, training_id: int, query: str, *, session_ref: str | None = None, session_id: int | None = None,
    method: AttendanceMethod | None = None, now: dt.datetime | None = None, pick: int | None = None,
) -> CheckinDecision:  # fmt: skip
    """Find the person and check them in: one transaction, one decision.

    Checked in at once only when the match is certain: a check-in code, an exact phone number, or a
    query equal to one enrolled person's whole name. Part of a name, even with a single match, asks
    for a choice (`pick` = the enrollment id chosen, or run again with their code). A session whose
    day has not come refuses; past days stay open for entering paper sheets. The method is the
    scanner's when the query is a check-in code (what a badge's QR code types), else manual.
    """
    now = now or _local_now()
    if now.tzinfo is None:  # the venue's wall clock decides lateness
        now = now.astimezone()
    with db.session_scope() as tx:
        training = get_training(tx, training_id)
        training_session = _training_session_of(tx, training_id, session_id, session_ref, now.date())

        def counted(
            kind: type[_Decided], person: EnrolledPerson | None = None, status: str | None = None,
            at: dt.datetime | None = None, matches: tuple[EnrolledPerson, ...] = (),
        ) -> _Decided:  # fmt: skip
            present, expected = _counts(tx, training_id, training_session.id)
            return kind(training_session.id, training_session.date, person, status, at, matches, present, expected)

        if training_session.date > now.date():
            return counted(NotYet)
        if pick is not None:
            matches, certain = _enrolled(tx, training_id, Enrollment.id == pick), True
        else:
            matches, certain = find_enrolled(tx, training_id, query)
        if not matches:
            return counted(NotFound)
        if len(matches) > 1 or not certain:
            return counted(Choose, matches=tuple(matches))
        person = matches[0]
        existing = _mark_of(tx, person.enrollment_id, training_session.id)
        if existing is not None and existing.status in ATTENDED:
            return counted(AlreadyIn, person, existing.status.value, existing.recorded_at)
        if method is None:
            scanned = pick is None and normalize_checkin_code(query) is not None
            method = AttendanceMethod.SCAN if scanned else AttendanceMethod.MANUAL
        status = _arrival_status(training, training_session, now)
        at = now.astimezone(dt.UTC)
        first = _arrive(tx, db, person.enrollment_id, training_session, status, method, at, existing)
        if first is not None:
            return counted(AlreadyIn, person, first.status.value, first.recorded_at)
        return counted(CheckedIn, person, status.value, at)


@retrying
def set_status(db: Database, enrollment_id: int, session_id: int, status: AttendanceStatus) -> None:
    """Set one cell of the grid (undo is set_status(…, ABSENT)): a new status with a new time."""
    with db.session_scope() as tx:
        enrollment = tx.get(Enrollment, enrollment_id)
        training_session = tx.get(TrainingSession, session_id)
        if enrollment is None or training_session is None or training_session.training_id != enrollment.training_id:
            raise NotFoundError(_("No such enrollment in this session."))
        _record(tx, db, enrollment.id, training_session, status, AttendanceMethod.MANUAL, utcnow())


@retrying
def set_session_status(
    db: Database, session_id: int, enrollment_ids: list[int], status: AttendanceStatus
) -> int:
    """One column of the grid at once ("everyone present"), in one transaction: each of these
    enrolments in the session's training gets `status` (withdrawn people and cells already so are
    left alone). Returns how many cells changed."""
    with db.session_scope() as tx:
        training_session = tx.get(TrainingSession, session_id)
        if training_session is None:
            raise NotFoundError(_("No such enrollment in this session."))
        enrollments = tx.scalars(
            select(Enrollment).where(
                Enrollment.id.in_(enrollment_ids),
                Enrollment.training_id == training_session.training_id,
                Enrollment.status != EnrollmentStatus.WITHDRAWN,
            )
        ).all()
        marks = {
            mark.enrollment_id: mark
            for mark in tx.scalars(
                select(Attendance).where(
                    Attendance.session_id == session_id, Attendance.enrollment_id.in_([e.id for e in enrollments])
                )
            )
        }
        at, changed = utcnow(), 0
        for enrollment in enrollments:
            mark = marks.get(enrollment.id)
            if (mark.status if mark else AttendanceStatus.ABSENT) != status:
                _record(tx, db, enrollment.id, training_session, status, AttendanceMethod.MANUAL, at, mark)
                changed += 1
        return changed


def undo_check_in(db: Database, enrollment_id: int, session_id: int) -> None:
    set_status(db, enrollment_id, session_id, AttendanceStatus.ABSENT)


@dataclass(frozen=True)
class GridRow:
    enrollment_id: int
    person_id: int
    name: str
    role: str
    status: str
    code: str
    working_group: int | None
    statuses: dict[int, str]  # session id -> status ("absent" where nothing was recorded)
    share: float
    eligible: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "enrollment_id": self.enrollment_id, "person_id": self.person_id, "name": self.name, "role": self.role,
            "status": self.status, "code": self.code, "statuses": {str(k): v for k, v in self.statuses.items()},
            "share": self.share, "eligible": self.eligible,
        }  # fmt: skip


@dataclass(frozen=True)
class Grid:
    sessions: tuple[tuple[int, dt.date], ...]
    rows: tuple[GridRow, ...]
    min_share: float

    def present_count(self, session_id: int) -> int:
        return sum(1 for r in self.rows if r.statuses.get(session_id) in ("present", "late"))

    def as_json(self) -> dict[str, Any]:
        return {
            "sessions": [{"id": sid, "date": date.isoformat()} for sid, date in self.sessions],
            "rows": [r.as_json() for r in self.rows],
        }


def attendance_grid(db: Database, training_id: int) -> Grid:
    """Enrolled people × sessions (cancelled ones left out), share attended and eligibility.

    Attended = present or late; share = attended / sessions; only participants can be eligible,
    withdrawn enrolments never are.
    """
    with db.session_scope() as tx:
        training = get_training(tx, training_id)
        sessions = tx.execute(
            select(TrainingSession.id, TrainingSession.date)
            .where(TrainingSession.training_id == training_id, TrainingSession.cancelled.is_(False))
            .order_by(TrainingSession.date, TrainingSession.start_time, TrainingSession.id)
        ).all()
        session_ids = [sid for sid, _ in sessions]
        marks: dict[int, dict[int, str]] = {}
        for enrollment_id, session_id, mark in tx.execute(
            select(Attendance.enrollment_id, Attendance.session_id, Attendance.status)
            .join(Enrollment, Enrollment.id == Attendance.enrollment_id)
            .where(Enrollment.training_id == training_id)
        ):
            marks.setdefault(enrollment_id, {})[session_id] = mark.value
        people = tx.execute(
            select(Enrollment.id, Person.id, Person.full_name, Enrollment.role, Enrollment.status,
                   Enrollment.checkin_code, Enrollment.working_group)
            .join(Person, Person.id == Enrollment.person_id)
            .where(Enrollment.training_id == training_id)
            .order_by(Person.name_key, Person.id)
        ).all()  # fmt: skip
        rows = []
        for enrollment_id, person_id, name, role, status, code, group in people:
            cells = {sid: marks.get(enrollment_id, {}).get(sid, "absent") for sid in session_ids}
            attended = sum(1 for v in cells.values() if v in ("present", "late"))
            share = attended / len(session_ids) if session_ids else 0.0
            eligible = (
                role == EnrollmentRole.PARTICIPANT
                and status != EnrollmentStatus.WITHDRAWN
                and bool(session_ids)
                and share >= training.certificate_min_share - 1e-9
            )
            rows.append(GridRow(enrollment_id, person_id, name, role.value, status.value, code, group, cells,
                                round(share, 4), eligible))  # fmt: skip
        return Grid(tuple((sid, date) for sid, date in sessions), tuple(rows), training.certificate_min_share)


def lookup(db: Database, training_id: int, query: str) -> tuple[list[EnrolledPerson], bool]:
    """What the check-in box found: matches, and whether one of them is certain (code, phone, whole name)."""
    with db.session_scope() as tx:
        return find_enrolled(tx, training_id, query)


@retrying
def check_in_walk_in(
    db: Database, training_id: int, session_id: int, data: Any = None, *, person_id: int | None = None,
    now: dt.datetime | None = None,
) -> CheckedIn | AlreadyIn:  # fmt: skip
    """Check in someone who came without being on the list, in one transaction: a new person (`data`,
    created) or one already in the registry (`person_id`, chosen in the duplicate check), enrolled as
    a walk-in unless already enrolled, then checked in like anyone else."""
    from desktop_app.services.registry import add_person
    from desktop_app.services.trainings import add_enrollment

    now = now or _local_now()
    with db.session_scope() as tx:
        training = get_training(tx, training_id)
        training_session = _training_session_of(tx, training_id, session_id, None, now.date())
        if training_session.date > now.date():
            raise ValidationError("session", _("This session's day has not come yet: check people in on the day."))
        enrollment = None
        if person_id is None:
            person_id = add_person(tx, db, data)
        else:
            enrollment = tx.scalar(
                select(Enrollment).where(Enrollment.training_id == training_id, Enrollment.person_id == person_id)
            )
        if enrollment is None:
            enrollment = add_enrollment(
                tx, db, training_id, person_id, status=EnrollmentStatus.CONFIRMED, walk_in=True
            )
        person = _enrolled(tx, training_id, Enrollment.id == enrollment.id)[0]
        existing = _mark_of(tx, enrollment.id, training_session.id)
        if existing is not None and existing.status in ATTENDED:
            return AlreadyIn(training_session.id, training_session.date, person, existing.status.value, existing.recorded_at, (),
                             *_counts(tx, training_id, training_session.id))  # fmt: skip
        status = _arrival_status(training, training_session, now)
        at = now.astimezone(dt.UTC)
        first = _arrive(tx, db, enrollment.id, training_session, status, AttendanceMethod.MANUAL, at, existing)
        if first is not None:
            return AlreadyIn(training_session.id, training_session.date, person, first.status.value, first.recorded_at, (),
                             *_counts(tx, training_id, training_session.id))  # fmt: skip
        return CheckedIn(training_session.id, training_session.date, person, status.value, at, (), *_counts(tx, training_id, training_session.id))


def present_count(db: Database, training_id: int, session_id: int) -> tuple[int, int]:
    """(participants present or late at the session, participants not withdrawn): the live counter."""
    with db.session_scope() as tx:
        return _counts(tx, training_id, session_id)


@dataclass(frozen=True)
class KioskTarget:
    """The training and session a check-in kiosk serves (`tashbeek --kiosk TRAINING_ID`)."""

    training_id: int
    title: str
    title_en: str | None
    session_id: int
    session_date: dt.date


def kiosk_target(db: Database, training_id: int, session_id: int | None = None) -> KioskTarget:
    """The training's session to check people in at: the one given, else today's; on another day the
    next one to come (or the last one), as the Check-in screen chooses. An unknown training, or one
    with no session left, is a NotFoundError."""
    today = clock.today()
    with db.session_scope() as tx:
        training = get_training(tx, training_id)
        if session_id is not None:
            chosen = _training_session_of(tx, training_id, session_id, None, today)
        else:
            sessions = list(tx.scalars(
                select(TrainingSession)
                .where(TrainingSession.training_id == training_id, TrainingSession.cancelled.is_(False))
                .order_by(TrainingSession.date, TrainingSession.start_time, TrainingSession.id)
            ))  # fmt: skip
            if not sessions:
                raise NotFoundError(_("The training {id} has no sessions to check people in at.").format(id=training_id))
            upcoming = [s for s in sessions if s.date >= today]
            chosen = upcoming[0] if upcoming else sessions[-1]
        return KioskTarget(training.id, training.title_ar, training.title_en, chosen.id, chosen.date)
