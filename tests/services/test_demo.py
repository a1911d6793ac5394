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
    # the programme (training 1) and the smaller one a year before; meetings are counted apart
    assert summary.organizations == 30 and summary.trainings == 2 and summary.sessions == 3
    with db.session_scope() as session:
        training = session.get(Training, 1)
        assert training is not None and training.kind == "training"
        assert training.working_group_count == 12
        assert (training.end_date - training.start_date).days == 1
        assert session.scalar(select(func.count()).select_from(TrainingCoOrganizer)) == 2
        assert session.scalar(
            select(func.count()).select_from(TrainingSession).where(TrainingSession.training_id == 1)) == 2  # fmt: skip
        # the programme's attendance starts empty: the demo begins at the check-in desk
        assert session.scalar(
            select(func.count()).select_from(Attendance).join(Enrollment).where(Enrollment.training_id == 1)) == 0  # fmt: skip
        roles = Counter(session.scalars(select(Enrollment.role).where(Enrollment.training_id == 1)))
        assert roles[EnrollmentRole.PARTICIPANT] == 52
        assert roles[EnrollmentRole.TRAINER] >= 3
        govs = {g for g in session.scalars(select(Organization.governorate)) if g}
        assert len(govs) == 15
        codes = list(session.scalars(select(Enrollment.checkin_code)))
        assert len(set(codes)) == len(codes)
        assert all(normalize_checkin_code(c) == c for c in codes)
        groups = Counter(
            session.scalars(
                select(Enrollment.working_group).where(
                    Enrollment.role == EnrollmentRole.PARTICIPANT, Enrollment.training_id == 1
                )
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


def test_demo_tells_the_network_story(db: Database) -> None:
    import datetime as dt

    from desktop_app import clock
    from desktop_app.services import actions, agreements, initiatives, meetings, network

    load_demo(db)
    today = clock.today()
    protocol = next(a for a in agreements.list_agreements(db) if a.kind == "protocol")
    assert len(protocol.parties) == 3 and all(p.signatory for p in protocol.parties)
    assert protocol.signed_on == today and protocol.training_ids == (1,)  # signed at the closing
    assert [a.kind for a in agreements.expiring_agreements(db)] == ["memorandum"]
    (lamma,) = initiatives.list_initiatives(db)
    assert lamma.name == "لمة إنسانية" and len(lamma.partners) >= 3
    rows = meetings.list_meetings(db)
    ahead = sorted(m.date for m in rows if m.state(today) == "upcoming")
    assert len(ahead) == 6 and ahead[0].month != today.month and ahead[0].weekday() == 6 and ahead[0].day <= 7
    (held,) = [m for m in rows if m.state(today) == "held"]
    assert 0 < held.attended < held.invited and held.decisions == 3
    overdue = actions.overdue_actions(db)
    assert len(overdue) == 1 and overdue[0].training_id == held.id
    assert {a.status for a in actions.list_actions(db, actions.ActionFilter(training_id=held.id))} == {"done", "open"}
    # Some organizations met a year before: the programme's new links are not every pair.
    programme = network.network(db, network.NetworkFilter(training_id=1), with_layout=False)
    assert programme.new_links == ()  # nobody has checked in yet: nobody took part
    earlier = network.network(db, network.NetworkFilter(end=today - dt.timedelta(days=2)), with_layout=False)
    assert len(earlier.nodes) >= 7 and earlier.new_links
    assert load_demo(db).total() == 0


def test_the_programme_creates_new_links_only_between_organizations_that_had_not_met(db: Database) -> None:
    from desktop_app.services import network
    from desktop_app.services.attendance import CheckedIn, check_in
    from desktop_app.services.demo import EARLIER_ORGS, participants

    load_demo(db)
    came = participants()[:14]  # the earlier programme's people, from up to eight organizations
    met_before = [p for p in came if p.org_key in EARLIER_ORGS]
    first, second = met_before[0], next(p for p in met_before if p.org_key != met_before[0].org_key)
    newcomer = next(p for p in participants() if p.org_key not in EARLIER_ORGS)
    for p in (first, second, newcomer):
        assert isinstance(check_in(db, 1, p.phone), CheckedIn)
    result = network.network(db, network.NetworkFilter(training_id=1), with_layout=False)
    names = {n.id: n.name for n in result.nodes}
    pairs = {frozenset((names[n.source], names[n.target])) for n in result.new_links}
    orgs = {p.key: p.org_key for p in (first, second, newcomer)}
    assert len(pairs) == 2 and all(len(pair) == 2 for pair in pairs)  # the newcomer's two; not the old pair
    assert network.new_links_of(db, 1).links == 2 and orgs[first.key] != orgs[second.key]
