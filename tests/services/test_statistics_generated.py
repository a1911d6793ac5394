"""The statistics service on a generated registry, figure for figure against a straightforward count.

The service reads a large registry through grouped queries, covering indexes and shortcuts (trainings
whose session ids follow their dates, tallies of people grouped by their values); this test counts the
same registry the slow and obvious way — every enrolment, every mark, every person, in plain Python over
the rows — and asks for the same document. The generated registry has what the shortcuts must not get
wrong: ties (two trainings on the same days, so a person's first organization is decided by the
enrolment), walk-ins, withdrawn participants, excused and absent marks, a cancelled session, a session
not held yet, sessions added out of date order, people in several trainings, people with nothing known,
and ages from a national ID only.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter, defaultdict
from typing import Any

import pytest
from sqlalchemy import select

from desktop_app.db import Database
from desktop_app.models import (
    Attendance,
    AttendanceMethod,
    AttendanceStatus,
    Enrollment,
    EnrollmentRole,
    EnrollmentStatus,
    Organization,
    OrganizationKind,
    Person,
    Training,
    TrainingSession,
)
from desktop_app.services.statistics import Figure, StatsFilter, figure_people, statistics
from desktop_app.text.age_bands import AgeBands, age_on, birth_date_of
from tests.clocks import TEST_DAY

KINDS = [
    OrganizationKind.ASSOCIATION,
    OrganizationKind.UNION,
    OrganizationKind.YOUTH,
    OrganizationKind.NETWORK,
]
GOVERNORATES = ["01", "02", "21", "24", None]
ROLE_ORDER = ("participant", "guest", "trainer", "organizer")
NATIONAL_ID = "29002142101234"  # born 1990-02-14


def _generate(db: Database, seed: int) -> None:
    rng = random.Random(seed)
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    with db.session_scope() as tx:
        orgs = [
            Organization(name_ar=f"جمعية {n}", name_key=f"جمعيه {n}", kind=KINDS[n % len(KINDS)],
                         governorate=GOVERNORATES[n % len(GOVERNORATES)])
            for n in range(6)
        ]  # fmt: skip
        tx.add_all(orgs)
        people = []
        for n in range(60):
            person = Person(
                full_name=f"شخص {n}", name_key=f"شخص {n}",
                gender=rng.choice(["male", "female", None]),
                birth_date=dt.date(1960, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 50))
                if rng.random() < 0.7 else None,
                governorate=rng.choice(GOVERNORATES),
            )  # fmt: skip
            people.append(person)
        people[0].birth_date, people[0].national_id = None, NATIONAL_ID  # the age from the national ID
        # Birthdays on session days, 25 years on: the age band turns on the day they first came.
        for n, day in enumerate(
            [
                dt.date(2026, 10, 5),
                dt.date(2026, 10, 6),
                dt.date(2026, 6, 1),
                dt.date(2026, 2, 2),
                dt.date(2025, 3, 11),
                TEST_DAY - dt.timedelta(days=1),
            ]
            * 2
        ):
            people[n + 1].birth_date = day.replace(year=day.year - 25)
        # Someone only in the training whose sessions were added out of date order, there every day:
        # their first day (and so their age band, 24 on 1 February) is the earliest date, not the
        # earliest session id.
        february = Person(full_name="شخص فبراير", name_key="شخص فبراير", gender="female",
                          birth_date=dt.date(2001, 2, 2), governorate="01")  # fmt: skip
        tx.add_all([*people, february])
        tx.flush()
        # (first day, days, share, cancelled day, times?) — T2 and T6 share their days: ties.
        plans = [
            (dt.date(2025, 3, 10), 3, 1.0, None, True),
            (dt.date(2026, 10, 5), 3, 2 / 3, 2, True),
            (TEST_DAY - dt.timedelta(days=1), 3, 2 / 3, None, True),  # its last day is still to come
            (dt.date(2026, 6, 1), 3, 0.5, None, False),  # no times: no person-hours
            (dt.date(2026, 2, 1), 3, 2 / 3, None, True),  # sessions added out of date order
            (dt.date(2026, 10, 5), 3, 1.0, None, True),
            (TEST_DAY + dt.timedelta(days=10), 2, 1.0, None, True),  # not held yet
        ]
        sessions: dict[int, list[TrainingSession]] = {}
        for n, (first, days, share, cancelled, timed) in enumerate(plans):
            training = Training(title_ar=f"تدريب {n}", start_date=first,
                                end_date=first + dt.timedelta(days=days - 1), certificate_min_share=share)  # fmt: skip
            tx.add(training)
            tx.flush()
            order = list(range(days))
            if n == 4:
                order.reverse()
            rows = []
            for day in order:
                row = TrainingSession(
                    training_id=training.id, date=first + dt.timedelta(days=day), cancelled=day == cancelled,
                    start_time=dt.time(9, 0) if timed else None, end_time=dt.time(14, 30) if timed else None,
                )  # fmt: skip
                tx.add(row)
                tx.flush()  # one at a time: ids in the order above
                rows.append(row)
            sessions[training.id] = sorted(rows, key=lambda s: s.date)
        code = 1
        out_of_order = list(sessions)[4]
        tx.add(
            only := Enrollment(training_id=out_of_order, person_id=february.id, checkin_code=f"{code:08d}")
        )
        tx.flush()
        for session in sessions[out_of_order]:
            tx.add(Attendance(enrollment_id=only.id, session_id=session.id, status=AttendanceStatus.PRESENT,
                              recorded_at=now, method=AttendanceMethod.MANUAL))  # fmt: skip
        marks = [AttendanceStatus.PRESENT] * 5 + [AttendanceStatus.LATE] * 2 + [
            AttendanceStatus.ABSENT, AttendanceStatus.EXCUSED]  # fmt: skip
        for training_id, held in sessions.items():
            for person in rng.sample(people, 24):
                code += 1
                enrollment = Enrollment(
                    training_id=training_id, person_id=person.id, checkin_code=f"{code:08d}",
                    role=rng.choice([EnrollmentRole.PARTICIPANT] * 6 + [EnrollmentRole.GUEST, EnrollmentRole.TRAINER,
                                                                        EnrollmentRole.ORGANIZER]),
                    status=EnrollmentStatus.WITHDRAWN if rng.random() < 0.1 else EnrollmentStatus.CONFIRMED,
                    organization_id=rng.choice([*(o.id for o in orgs), None]), walk_in=rng.random() < 0.1,
                )  # fmt: skip
                tx.add(enrollment)
                tx.flush()
                for session in held:
                    if rng.random() < 0.85:
                        tx.add(Attendance(enrollment_id=enrollment.id, session_id=session.id,
                                          status=rng.choice(marks), recorded_at=now,
                                          method=AttendanceMethod.MANUAL))  # fmt: skip


def _count_by_hand(db: Database, first: dt.date | None, last: dt.date | None) -> dict[str, Any]:
    """The figures of the document, counted the obvious way from every row."""
    today = TEST_DAY
    last_day = min(last, today) if last else today
    with db.session_scope() as tx:
        trainings = {t.id: t for t in tx.scalars(select(Training))}
        sessions = {s.id: s for s in tx.scalars(select(TrainingSession))}
        enrollments = list(tx.scalars(select(Enrollment)))
        marks = list(tx.scalars(select(Attendance)))
        people = {p.id: p for p in tx.scalars(select(Person))}
        organizations = {o.id: o for o in tx.scalars(select(Organization))}

    def held(s: TrainingSession) -> bool:
        return not s.cancelled and s.date <= last_day

    def in_period(s: TrainingSession) -> bool:
        return held(s) and (first is None or s.date >= first)

    kept = defaultdict(list)
    for s in sessions.values():
        if not s.cancelled:
            kept[s.training_id].append(s)
    completing = {t for t, rows in kept.items()
                  if last_day >= max(s.date for s in rows) and (first is None or max(s.date for s in rows) >= first)}  # fmt: skip
    attended_days: dict[int, list[dt.date]] = defaultdict(list)  # enrolment -> days attended, held
    period_days: dict[int, list[dt.date]] = defaultdict(list)
    before: set[int] = set()  # enrolments with an attended mark before the period
    for mark in marks:
        session = sessions[mark.session_id]
        if mark.status not in ("present", "late"):
            continue
        if held(session):
            attended_days[mark.enrollment_id].append(session.date)
        if in_period(session):
            period_days[mark.enrollment_id].append(session.date)
        if first is not None and not session.cancelled and session.date < first:
            before.add(mark.enrollment_id)

    reached: set[int] = set()
    completed: set[int] = set()
    role: dict[int, int] = {}
    first_of: dict[int, tuple[str, int]] = {}
    first_day: dict[int, str] = {}
    organization_of: dict[int, int | None] = {}
    trainings_of: Counter[int] = Counter()
    returning_people: set[int] = set()
    organization_people: dict[int, set[int]] = defaultdict(set)
    returning_organizations: set[int] = set()
    walk_ins = 0
    for e in enrollments:
        participant = e.role == "participant" and e.status != "withdrawn"
        days = period_days[e.id]
        done = (participant and e.training_id in completing
                and len(attended_days[e.id]) >= (trainings[e.training_id].certificate_min_share - 1e-9)
                * len(kept[e.training_id]))  # fmt: skip
        if e.id in before and e.organization_id is not None:
            returning_organizations.add(e.organization_id)
        if e.id in before:
            returning_people.add(e.person_id)
        if not days and not done:
            continue
        pid = e.person_id
        role[pid] = min(role.get(pid, 9), ROLE_ORDER.index(e.role))
        if done:
            completed.add(pid)
        if days:
            reached.add(pid)
            trainings_of[pid] += 1
            walk_ins += e.walk_in
            if e.organization_id is not None:
                organization_people[e.organization_id].add(pid)
            key = (min(days).isoformat(), e.id)
        else:
            key = ("9999-12-31", e.id)
        if pid not in first_of or key < first_of[pid]:
            first_of[pid] = key
            first_day[pid] = min(days or attended_days[e.id]).isoformat()
            organization_of[pid] = e.organization_id

    bands = AgeBands()

    def values(pid: int) -> dict[str, str]:
        person = people[pid]
        born = birth_date_of(person.birth_date, person.national_id)
        org = organization_of[pid]
        return {
            "gender": person.gender or "unknown",
            "age_band": bands.band(age_on(born, dt.date.fromisoformat(first_day[pid])) if born else None),
            "governorate": person.governorate or "unknown",
            "organization_kind": organizations[org].kind if org is not None else "none",
            "role": ROLE_ORDER[role[pid]],
        }

    def tally(group: set[int], name: str) -> dict[str, int]:
        counts = Counter(values(pid)[name] for pid in group)
        return {k: v for k, v in counts.items() if v}

    pyramid = Counter((values(pid)["age_band"], values(pid)["gender"]) for pid in reached)
    returning = reached & returning_people
    month_of = Counter(first_day[pid][:7] for pid in reached)
    dimensions = ("gender", "age_band", "governorate", "organization_kind", "role")
    return {
        "people": {
            "reached": len(reached),
            "completed": len(completed),
            "returning": len(returning),
            "first_time": len(reached - returning),
            "repeat": sum(1 for n in trainings_of.values() if n >= 2),
            **{f"by_{name}": tally(reached, name) for name in dimensions},
            "completed_by": {name: tally(completed, name) for name in dimensions},
            "by_age_band_and_gender": {k: v for k, v in pyramid.items() if v},
        },
        "organizations": {
            "reached": len(organization_people),
            "returning": len(set(organization_people) & returning_organizations),
            "people": {oid: len(members) for oid, members in organization_people.items()},
        },
        "sessions": sum(1 for s in sessions.values() if in_period(s)),
        "walk_ins": walk_ins,
        "new_people": {m: n for m, n in month_of.items() if n},
    }


def _nonzero(counts: dict[str, int]) -> dict[str, int]:
    return {k: v for k, v in counts.items() if v}


def _service_figures(document: dict[str, Any]) -> dict[str, Any]:
    """The same figures, picked out of the service's document."""
    p, o = document["people"], document["organizations"]
    dimensions = ("gender", "age_band", "governorate", "organization_kind", "role")
    return {
        "people": {
            "reached": p["reached"],
            "completed": p["completed"],
            "returning": p["returning"],
            "first_time": p["first_time"],
            "repeat": p["repeat"],
            **{f"by_{name}": _nonzero(p[f"by_{name}"]) for name in dimensions},
            "completed_by": {name: _nonzero(p["completed_by"][name]) for name in dimensions},
            "by_age_band_and_gender": {
                (band, gender): n
                for band, row in p["by_age_band_and_gender"].items()
                for gender, n in row.items()
                if n
            },  # fmt: skip
        },
        "organizations": {
            "reached": o["reached"],
            "returning": o["returning"],
            "people": {row["id"]: row["people"] for row in o["people_per_organization"]},
        },
        "sessions": document["sessions"],
        "walk_ins": document["walk_ins"],
        "new_people": {m["month"]: m["new_people"] for m in document["by_month"] if m["new_people"]},
    }


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize(
    ("first", "last"),
    [
        (None, None),
        (dt.date(2026, 1, 1), None),
        (dt.date(2026, 6, 1), dt.date(2026, 10, 31)),
        (None, dt.date(2026, 10, 6)),
    ],  # fmt: skip
)
def test_every_figure_matches_a_straightforward_count(
    db: Database, seed: int, first: dt.date | None, last: dt.date | None
) -> None:
    _generate(db, seed)
    document = statistics(db, StatsFilter(first, last)).as_json()
    hand = _count_by_hand(db, first, last)
    assert hand["people"]["reached"] > 20 and hand["people"]["completed"] > 5  # the data exercise it
    assert _service_figures(document) == hand
    # The people behind the figure (counted one by one) are as many as the figure says.
    listed = figure_people(db, StatsFilter(first, last), Figure.of("reached"))
    assert len(listed) == document["people"]["reached"]
    women = figure_people(db, StatsFilter(first, last), Figure.of("completed", gender="female"))
    assert len(women) == document["people"]["completed_by"]["gender"]["female"]
