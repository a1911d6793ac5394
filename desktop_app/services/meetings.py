"""Meetings of the partner network: follow-up and coordination meetings, their invitations, minutes
and decisions, and recurring series created ahead.

A meeting is a row of the training table with kind "meeting" and one session (its date and time),
so the people invited are enrolments with check-in codes and their attendance is recorded by the
same check-in, grid, badges, sheets and venue packages as a training's: every command that takes a
training's number takes a meeting's. Lists of trainings leave meetings out (`list_trainings`).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.db import Database
from desktop_app.errors import NotFoundError, ValidationError
from desktop_app.i18n import _
from desktop_app.models import (
    ActionItem,
    ActionStatus,
    Agreement,
    AgreementTraining,
    Attendance,
    AttendanceStatus,
    Enrollment,
    EnrollmentRole,
    EnrollmentStatus,
    EventInvitation,
    EventKind,
    Initiative,
    InitiativeTraining,
    MeetingSeries,
    Organization,
    Person,
    Training,
    TrainingSession,
    TrainingStatus,
)
from desktop_app.services import audit, validation
from desktop_app.services.trainings import SessionData, add_enrollment, clean_session
from desktop_app.text.dates import format_date

ATTENDED = (AttendanceStatus.PRESENT, AttendanceStatus.LATE)
# Arriving this long after a meeting's start is late (what the check-in marks), unless said otherwise.
LATE_GRACE = dt.timedelta(minutes=15)
MAX_SERIES = 24
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS_AR = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")


@dataclass
class MeetingData:
    """What the meeting form (or `tashbeek meetings add`) gives; checked on save."""

    title: str
    date: dt.date | str
    start_time: dt.time | str | None = None
    end_time: dt.time | str | None = None
    venue: str | None = None
    online: bool = False
    organizer_id: int | None = None
    governorate: str | None = None
    invited_organization_ids: list[int] = field(default_factory=list)
    agenda: str | None = None
    minutes: str | None = None
    decisions: str | None = None
    description: str | None = None
    status: str = "planned"
    initiative_ids: list[int] = field(default_factory=list)
    late_after: dt.time | str | None = None  # None: LATE_GRACE after the start, when it has one


def get_meeting(tx: Session, meeting_id: int) -> Training:
    training = tx.get(Training, meeting_id)
    if training is None or training.kind is not EventKind.MEETING:
        raise NotFoundError(_("No meeting with number {id}.").format(id=meeting_id))
    return training


def _late_after(data: MeetingData, start: dt.time | None) -> dt.time | None:
    if data.late_after not in (None, ""):
        if isinstance(data.late_after, dt.time):
            return data.late_after
        try:
            return dt.time.fromisoformat(str(data.late_after).strip())
        except ValueError:
            raise ValidationError("late_after", _("The time is not valid: write it as HH:MM.")) from None
    if start is None:
        return None
    moment = dt.datetime.combine(dt.date(2000, 1, 1), start) + LATE_GRACE
    return moment.time() if moment.date() == dt.date(2000, 1, 1) else dt.time(23, 59)


def clean_meeting(data: MeetingData, tx: Session | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the training row's values, the session's values) of a meeting, checked like the forms."""
    title = validation.required_name(data.title, "title")
    when = clean_session(SessionData(data.date, data.start_time, data.end_time))
    if tx is not None:
        for field_name, ids in (("organizer_id", [data.organizer_id]), ("invited_organization_ids", data.invited_organization_ids)):
            for org_id in ids:
                if org_id is not None and tx.get(Organization, org_id) is None:
                    raise ValidationError(field_name, _("The chosen organization does not exist."))
        for initiative_id in data.initiative_ids:
            if tx.get(Initiative, initiative_id) is None:
                raise ValidationError("initiative_ids", _("The chosen initiative does not exist."))
    values: dict[str, Any] = {
        "kind": EventKind.MEETING,
        "title_ar": title,
        "start_date": when["date"],
        "end_date": when["date"],
        "venue": validation.optional_text(data.venue, "venue", validation.MAX_NAME),
        "online": bool(data.online),
        "organizer_id": data.organizer_id,
        "governorate": validation.governorate(data.governorate),
        "agenda": validation.optional_text(data.agenda, "agenda", 20_000),
        "minutes": validation.optional_text(data.minutes, "minutes", 50_000),
        "decisions": validation.optional_text(data.decisions, "decisions", 20_000),
        "description": validation.optional_text(data.description, "description", 10_000),
        "status": validation.choice(data.status, "status", TrainingStatus, TrainingStatus.PLANNED),
        "late_after": _late_after(data, cast(dt.time | None, when["start_time"])),
    }
    return values, {k: when[k] for k in ("date", "start_time", "end_time")}


def _invite_people(tx: Session, db: Database, meeting_id: int, person_ids: list[int]) -> int:
    taken = set(tx.scalars(select(Enrollment.person_id).where(Enrollment.training_id == meeting_id)))
    added = 0
    for person_id in dict.fromkeys(person_ids):
        if person_id in taken:
            continue
        if tx.get(Person, person_id) is None:
            raise NotFoundError(_("No person with number {id}.").format(id=person_id))
        add_enrollment(tx, db, meeting_id, person_id, role=EnrollmentRole.PARTICIPANT)
        taken.add(person_id)
        added += 1
    return added


def participants_of(tx: Session, training_id: int) -> list[int]:
    """The people of a training or meeting to invite to its follow-up (participants and guests who
    have not withdrawn), in enrolment order."""
    return list(
        tx.scalars(
            select(Enrollment.person_id)
            .where(
                Enrollment.training_id == training_id,
                Enrollment.status != EnrollmentStatus.WITHDRAWN,
                Enrollment.role.in_((EnrollmentRole.PARTICIPANT, EnrollmentRole.GUEST)),
            )
            .order_by(Enrollment.id)
        )
    )


def add_meeting(
    tx: Session, db: Database, data: MeetingData, *, invite_people: list[int] | None = None,
    invite_training_id: int | None = None, series_id: int | None = None, uid: str | None = None,
) -> int:  # fmt: skip
    """A new meeting inside the caller's transaction: its one session, the organizations invited,
    the people invited (enrolled with check-in codes), and its initiatives."""
    values, when = clean_meeting(data, tx)
    people = list(invite_people or [])
    organizations = list(data.invited_organization_ids)
    if invite_training_id is not None:
        if tx.get(Training, invite_training_id) is None:
            raise NotFoundError(_("No training or meeting with number {id}.").format(id=invite_training_id))
        people += participants_of(tx, invite_training_id)
    for org_id in tx.scalars(select(Person.organization_id).where(Person.id.in_(people))):
        if org_id is not None:
            organizations.append(org_id)  # a person invited invites their organization
    meeting = Training(**values, series_id=series_id, certificate_min_share=1.0, working_group_count=0)
    if uid:
        meeting.uid = uid
    tx.add(meeting)
    tx.flush()
    tx.add(TrainingSession(training_id=meeting.id, **when))
    for org_id in dict.fromkeys(organizations):
        tx.add(EventInvitation(training_id=meeting.id, organization_id=org_id))
    for initiative_id in dict.fromkeys(data.initiative_ids):
        tx.add(InitiativeTraining(initiative_id=initiative_id, training_id=meeting.id))
    tx.flush()
    audit.record(tx, db, "training", meeting.uid, "create", audit.diff({}, {**values, **when}))
    _invite_people(tx, db, meeting.id, people)
    return meeting.id


def create_meeting(
    db: Database, data: MeetingData, *, invite_people: list[int] | None = None, invite_training_id: int | None = None
) -> int:  # fmt: skip
    with db.session_scope() as tx:
        return add_meeting(tx, db, data, invite_people=invite_people, invite_training_id=invite_training_id)


def update_meeting(db: Database, meeting_id: int, data: MeetingData, *, invite_people: list[int] | None = None) -> None:
    """Change a meeting: its fields, its session's date and time, the organizations invited (replaced),
    its initiatives (replaced), and more people invited (nobody is un-invited here: withdraw them)."""
    with db.session_scope() as tx:
        meeting = get_meeting(tx, meeting_id)
        values, when = clean_meeting(data, tx)
        audit.apply(tx, db, meeting, "training", values)
        sessions = list(tx.scalars(
            select(TrainingSession).where(TrainingSession.training_id == meeting_id, TrainingSession.cancelled.is_(False))
        ))  # fmt: skip
        if len(sessions) == 1:
            audit.apply(tx, db, sessions[0], "training_session", when)
        elif not sessions:
            tx.add(TrainingSession(training_id=meeting_id, **when))
        _replace_links(tx, db, meeting, EventInvitation, "organization_id", data.invited_organization_ids,
                       "invited_organizations")  # fmt: skip
        _replace_links(tx, db, meeting, InitiativeTraining, "initiative_id", data.initiative_ids, "initiatives")
        _invite_people(tx, db, meeting_id, list(invite_people or []))


def set_archived(db: Database, meeting_id: int, archived: bool) -> None:
    """Archive a meeting (it leaves the lists, Home and check-in; its attendance and minutes stay), or
    bring it back: planned while its day is ahead, completed once it has passed."""
    with db.session_scope() as tx:
        meeting = get_meeting(tx, meeting_id)
        if archived:
            status = TrainingStatus.ARCHIVED
        elif meeting.start_date >= clock.today():
            status = TrainingStatus.PLANNED
        else:
            status = TrainingStatus.COMPLETED
        audit.apply(tx, db, meeting, "training", {"status": status})


def _replace_links(
    tx: Session, db: Database, meeting: Training, model: Any, column: str, wanted: list[int], name: str
) -> None:
    existing = list(tx.scalars(select(model).where(model.training_id == meeting.id)))
    have = {getattr(row, column) for row in existing}
    keep = list(dict.fromkeys(wanted))
    for row in existing:
        if getattr(row, column) not in keep:
            tx.delete(row)  # a link, not history: the audit entry keeps what it was
    for value in keep:
        if value not in have:
            tx.add(model(training_id=meeting.id, **{column: value}))
    if sorted(have) != sorted(keep):
        audit.record(tx, db, "training", meeting.uid, "update", {name: [sorted(have), sorted(keep)]})


def record_minutes(
    db: Database, meeting_id: int, *, agenda: str | None | bool = False, minutes: str | None | bool = False,
    decisions: str | None | bool = False,
) -> None:  # fmt: skip
    """Write a meeting's agenda, minutes or decisions (False leaves a field as it is)."""
    given = {"agenda": agenda, "minutes": minutes, "decisions": decisions}
    record_minutes_and_actions(db, meeting_id, {k: v for k, v in given.items() if isinstance(v, str) or v is None})


_LIMITS = {"agenda": 20_000, "minutes": 50_000, "decisions": 20_000}


def decision_lines(text: str | None) -> list[str]:
    """Decisions (or recommendations) one a line, without list marks or empty lines."""
    return [line.strip(" -•*\t") for line in (text or "").splitlines() if line.strip(" -•*\t")]


def record_minutes_and_actions(
    db: Database, meeting_id: int, given: dict[str, str | None], *, make_actions: bool = False
) -> tuple[int, ...]:
    """Write a meeting's agenda, minutes and decisions (the keys given), and with `make_actions`
    turn every decision that is not an action item of the meeting yet into an open one owned by the
    organizer: one transaction. Returns the new action items' numbers."""
    from desktop_app.services.actions import ActionData, add_action

    values = {k: validation.optional_text(v, k, _LIMITS[k]) for k, v in given.items() if k in _LIMITS}
    with db.session_scope() as tx:
        meeting = tx.get(Training, meeting_id)  # a training's recommendations are recorded the same way
        if meeting is None:
            raise NotFoundError(_("No training or meeting with number {id}.").format(id=meeting_id))
        audit.apply(tx, db, meeting, "training", values)
        if not make_actions:
            return ()
        have = set(tx.scalars(select(ActionItem.title).where(ActionItem.training_id == meeting_id)))
        created = []
        for line in decision_lines(meeting.decisions):
            if line[:500] not in have:
                created.append(add_action(tx, db, ActionData(
                    line[:500], owner_organization_id=meeting.organizer_id, training_id=meeting_id)))  # fmt: skip
                have.add(line[:500])
        return tuple(created)


def invite(db: Database, meeting_id: int, person_ids: list[int]) -> int:
    """Invite more people (enrolled with check-in codes); returns how many were new."""
    with db.session_scope() as tx:
        get_meeting(tx, meeting_id)
        return _invite_people(tx, db, meeting_id, person_ids)


# ---------------------------------------------------------------- reading


@dataclass(frozen=True)
class MeetingRow:
    id: int
    uid: str
    title: str
    date: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    venue: str | None
    online: bool
    organizer_id: int | None
    organizer: str | None
    status: str
    invited: int  # people invited (enrolled, not withdrawn)
    attended: int  # of them, present or late
    organizations: int  # organizations invited
    series_id: int | None
    decisions: int  # decision lines recorded
    open_actions: int

    def state(self, today: dt.date) -> str:
        """held | upcoming | cancelled | past (its day went by with nobody checked in)."""
        if self.status == "cancelled":
            return "cancelled"
        if self.date > today:
            return "upcoming"
        return "held" if self.attended else ("upcoming" if self.date == today else "past")

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "uid": self.uid, "title": self.title, "date": self.date.isoformat(),
            "start_time": self.start_time.strftime("%H:%M") if self.start_time else None,
            "end_time": self.end_time.strftime("%H:%M") if self.end_time else None,
            "venue": self.venue, "online": self.online,
            "organizer": {"id": self.organizer_id, "name": self.organizer} if self.organizer_id else None,
            "status": self.status, "state": self.state(clock.today()), "invited": self.invited,
            "attended": self.attended, "organizations": self.organizations, "series_id": self.series_id,
            "decisions": self.decisions, "open_actions": self.open_actions,
        }  # fmt: skip


def _meeting_rows(tx: Session, conditions: list[Any]) -> list[MeetingRow]:
    invited = (
        select(func.count(Enrollment.id))
        .where(Enrollment.training_id == Training.id, Enrollment.status != EnrollmentStatus.WITHDRAWN)
        .scalar_subquery()
    )
    attended = (
        select(func.count(func.distinct(Enrollment.person_id)))
        .select_from(Attendance)
        .join(Enrollment, Enrollment.id == Attendance.enrollment_id)
        .where(Enrollment.training_id == Training.id, Attendance.status.in_(ATTENDED))
        .scalar_subquery()
    )
    organizations = (
        select(func.count(EventInvitation.id)).where(EventInvitation.training_id == Training.id).scalar_subquery()
    )
    actions = (
        select(func.count(ActionItem.id))
        .where(ActionItem.training_id == Training.id, ActionItem.status == ActionStatus.OPEN)
        .scalar_subquery()
    )
    rows = tx.execute(
        select(Training, Organization.name_ar, invited, attended, organizations, actions)
        .outerjoin(Organization, Organization.id == Training.organizer_id)
        .where(Training.kind == EventKind.MEETING, *conditions)
        .order_by(Training.start_date.desc(), Training.id.desc())
    ).all()
    times = {
        tid: (start, end)
        for tid, start, end in tx.execute(
            select(TrainingSession.training_id, TrainingSession.start_time, TrainingSession.end_time)
            .join(Training, Training.id == TrainingSession.training_id)
            .where(Training.kind == EventKind.MEETING, TrainingSession.cancelled.is_(False))
            .order_by(TrainingSession.date.desc())
        )
    }
    result = []
    for t, organizer, n_invited, n_attended, n_orgs, n_actions in rows:
        start, end = times.get(t.id, (None, None))
        decisions = len([x for x in (t.decisions or "").splitlines() if x.strip(" -•\t")])
        result.append(MeetingRow(
            t.id, t.uid, t.title_ar, t.start_date, start, end, t.venue, t.online, t.organizer_id, organizer,
            t.status.value, n_invited or 0, n_attended or 0, n_orgs or 0, t.series_id, decisions, n_actions or 0,
        ))  # fmt: skip
    return result


def list_meetings(db: Database, *, include_archived: bool = False) -> list[MeetingRow]:
    """Every meeting, newest first."""
    with db.session_scope() as tx:
        conditions = [] if include_archived else [Training.status != TrainingStatus.ARCHIVED]
        return _meeting_rows(tx, conditions)


@dataclass(frozen=True)
class Invitee:
    enrollment_id: int
    person_id: int
    name: str
    organization: str | None
    status: str  # present | late | absent | excused (of the meeting's session)
    role: str


@dataclass(frozen=True)
class MeetingDetails:
    row: MeetingRow
    agenda: str | None
    minutes: str | None
    decisions: tuple[str, ...]
    description: str | None
    governorate: str | None
    late_after: dt.time | None
    session_id: int | None
    invited_organizations: tuple[tuple[int, str], ...]
    people: tuple[Invitee, ...]
    initiative_ids: tuple[int, ...]
    initiatives: tuple[str, ...]
    agreements: tuple[str, ...]


def meeting_details(db: Database, meeting_id: int) -> MeetingDetails:
    with db.session_scope() as tx:
        meeting = get_meeting(tx, meeting_id)
        row = _meeting_rows(tx, [Training.id == meeting_id])[0]
        session_id = tx.scalar(
            select(TrainingSession.id)
            .where(TrainingSession.training_id == meeting_id, TrainingSession.cancelled.is_(False))
            .order_by(TrainingSession.date, TrainingSession.id)
            .limit(1)
        )
        orgs = tuple(
            (oid, name)
            for oid, name in tx.execute(
                select(Organization.id, Organization.name_ar)
                .join(EventInvitation, EventInvitation.organization_id == Organization.id)
                .where(EventInvitation.training_id == meeting_id)
                .order_by(EventInvitation.id)
            )
        )
        marks = dict(
            tx.execute(
                select(Attendance.enrollment_id, Attendance.status).where(Attendance.session_id == session_id)
            ).all()
        ) if session_id else {}  # fmt: skip
        people = tuple(
            Invitee(eid, pid, name, org, marks[eid].value if eid in marks else "absent", role.value)
            for eid, pid, name, org, role in tx.execute(
                select(Enrollment.id, Person.id, Person.full_name, Organization.name_ar, Enrollment.role)
                .join(Person, Person.id == Enrollment.person_id)
                .outerjoin(Organization, Organization.id == Enrollment.organization_id)
                .where(Enrollment.training_id == meeting_id, Enrollment.status != EnrollmentStatus.WITHDRAWN)
                .order_by(Person.name_key, Person.id)
            )
        )
        initiatives = tx.execute(
            select(Initiative.id, Initiative.name)
            .join(InitiativeTraining, InitiativeTraining.initiative_id == Initiative.id)
            .where(InitiativeTraining.training_id == meeting_id)
            .order_by(Initiative.id)
        ).all()
        agreements = tuple(tx.scalars(
            select(Agreement.title).join(AgreementTraining, AgreementTraining.agreement_id == Agreement.id)
            .where(AgreementTraining.training_id == meeting_id).order_by(Agreement.id)
        ))  # fmt: skip
        decisions = tuple(x.strip(" -•\t") for x in (meeting.decisions or "").splitlines() if x.strip(" -•\t"))
        return MeetingDetails(
            row, meeting.agenda, meeting.minutes, decisions, meeting.description, meeting.governorate,
            meeting.late_after, session_id, orgs, people, tuple(i for i, _n in initiatives),
            tuple(n for _i, n in initiatives), agreements,
        )  # fmt: skip


# ---------------------------------------------------------------- recurring series


def occurrences(frequency: str, weekday: int, week: int | None, start: dt.date, count: int) -> list[dt.date]:
    """The first `count` dates of a rule on or after `start`: "monthly" takes the `week`-th
    `weekday` of each month (week -1: the last one of the month), "weekly" every `weekday`."""
    dates: list[dt.date] = []
    if frequency == "weekly":
        day = start + dt.timedelta(days=(weekday - start.weekday()) % 7)
        while len(dates) < count:
            dates.append(day)
            day += dt.timedelta(days=7)
        return dates
    year, month = start.year, start.month
    while len(dates) < count:
        days = [d for d in calendar.Calendar().itermonthdates(year, month) if d.month == month and d.weekday() == weekday]
        day = days[-1] if week == -1 else days[(week or 1) - 1]
        if day >= start:
            dates.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return dates


@dataclass
class SeriesData:
    """A recurring meeting: its rule, what every meeting shares, and who is invited to each."""

    title: str
    weekday: int | str
    frequency: str = "monthly"
    week: int | None = 1
    start_time: dt.time | str | None = None
    end_time: dt.time | str | None = None
    venue: str | None = None
    online: bool = False
    organizer_id: int | None = None
    starting: dt.date | str | None = None  # the first meeting is on or after this day (default: tomorrow)
    count: int = 6
    invite_training_id: int | None = None
    invite_people: list[int] = field(default_factory=list)
    invited_organization_ids: list[int] = field(default_factory=list)
    initiative_ids: list[int] = field(default_factory=list)
    agenda: str | None = None


@dataclass(frozen=True)
class SeriesResult:
    series_id: int
    meeting_ids: tuple[int, ...]
    dates: tuple[dt.date, ...]


def weekday_number(value: int | str) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        text = str(value).strip().lower()
        number = (
            WEEKDAYS.index(text) if text in WEEKDAYS
            else WEEKDAYS_AR.index(text) if text in WEEKDAYS_AR
            else int(text) if text.isdigit() else -1
        )  # fmt: skip
    if not 0 <= number <= 6:
        raise ValidationError("weekday", _("Choose a day of the week."))
    return number


def create_series(db: Database, data: SeriesData, *, uid_of: Any = None) -> SeriesResult:
    """A recurring series and its next `count` meetings, created now (one transaction)."""
    with db.session_scope() as tx:
        return add_series(tx, db, data, uid_of=uid_of)


def add_series(tx: Session, db: Database, data: SeriesData, *, uid_of: Any = None) -> SeriesResult:
    """`uid_of(n)` names the series (n = 0) and its meetings (1, 2, …) with fixed uids (the demo)."""
    if data.frequency not in ("monthly", "weekly"):
        raise ValidationError("frequency", _("A series repeats monthly or weekly."))
    weekday = weekday_number(data.weekday)
    week = data.week if data.frequency == "monthly" else None
    if data.frequency == "monthly" and week not in (1, 2, 3, 4, -1):
        raise ValidationError("week", _("Choose the first, second, third, fourth or last week of the month."))
    if not 1 <= int(data.count) <= MAX_SERIES:
        raise ValidationError("count", _("A series creates between 1 and {n} meetings ahead.").format(n=MAX_SERIES))
    starting = validation.date_value(data.starting, "starting") or clock.today() + dt.timedelta(days=1)
    title = validation.required_name(data.title, "title")
    when = clean_session(SessionData(starting, data.start_time, data.end_time))
    series = MeetingSeries(
        title=title, frequency=data.frequency, weekday=weekday, week=week, start_time=when["start_time"],
        end_time=when["end_time"], venue=validation.optional_text(data.venue, "venue", validation.MAX_NAME),
        online=bool(data.online), organizer_id=data.organizer_id,
    )  # fmt: skip
    if uid_of is not None:
        series.uid = uid_of(0)
    tx.add(series)
    tx.flush()
    audit.record(tx, db, "meeting_series", series.uid, "create", {
        "title": [None, title], "frequency": [None, data.frequency], "weekday": [None, weekday], "week": [None, week],
    })  # fmt: skip
    dates = occurrences(data.frequency, weekday, week, starting, int(data.count))
    ids = []
    for n, day in enumerate(dates, 1):
        meeting = MeetingData(
            title=f"{title} — {format_date(day, 'ar')}", date=day,
            start_time=cast(dt.time | None, when["start_time"]), end_time=cast(dt.time | None, when["end_time"]), venue=data.venue, online=data.online, organizer_id=data.organizer_id,
            invited_organization_ids=list(data.invited_organization_ids), agenda=data.agenda,
            initiative_ids=list(data.initiative_ids),
        )  # fmt: skip
        ids.append(add_meeting(
            tx, db, meeting, invite_people=list(data.invite_people), invite_training_id=data.invite_training_id,
            series_id=series.id, uid=uid_of(n) if uid_of is not None else None,
        ))  # fmt: skip
    return SeriesResult(series.id, tuple(ids), tuple(dates))
