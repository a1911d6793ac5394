"""Statistics counted right: every figure checked against a count made by hand in the test, straight
from the attendance grid the test itself wrote (never by the service's own queries).

The scenario: an early training in June (so people can be "returning" later), a three-day training in
October (two thirds of the sessions needed), a two-day training in November (every session needed; its
second day has no times), a cancelled session, and a training in December that has not happened yet.
People cover every edge the funders' guides ask about: unknown gender and birth date, age from the
national ID only, an archived person, a withdrawn participant with full attendance, a trainer, a
walk-in, someone in two trainings, and a duplicate merged into its twin.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import select, update

from desktop_app.db import Database
from desktop_app.errors import NotFoundError, ValidationError
from desktop_app.models import AttendanceStatus, Enrollment, EnrollmentRole, Person, TrainingSession
from desktop_app.services.attendance import attendance_grid, set_status
from desktop_app.services.merging import merge_people
from desktop_app.services.registry import (
    OrganizationData,
    PersonData,
    create_organization,
    create_person,
    set_person_archived,
)
from desktop_app.services.statistics import (
    Figure,
    StatsFilter,
    counting_rules,
    figure_organizations,
    figure_people,
    parse_period,
    statistics,
)
from desktop_app.services.trainings import (
    SessionData,
    TrainingData,
    create_training,
    enroll,
    update_enrollment,
    update_session,
)

JUNE = dt.date(2026, 6, 1)
OCT = dt.date(2026, 10, 5)  # 5, 6, 7 October
NOV = dt.date(2026, 11, 10)  # 10, 11 November
DEC = dt.date(2026, 12, 5)  # after the test day (29 November): not held yet
Q4 = (dt.date(2026, 10, 1), dt.date(2026, 12, 31))

# key: (name, gender, birth date, governorate, organization key, expected age band at the first
# attended session of Q4 — worked out by hand)
PEOPLE = {
    "amal": ("أمل حسن", "female", "2004-03-02", "01", "assoc", "18_24"),  # 22 in October
    "basma": (
        "بسمة علي",
        "female",
        "2001-10-06",
        "02",
        "union",
        "25_34",
    ),  # turns 25 on 6 Oct; first came 6 Oct
    "karim": ("كريم سامي", "male", "1970-01-15", "24", "youth", "50_plus"),
    "dina": ("دينا فؤاد", None, None, None, None, "unknown"),  # nothing known, no organization
    "nid": ("هشام منير", None, None, "21", "assoc", "35_49"),  # national ID only: born 14 Feb 1990
    "archived": ("سلوى عادل", "female", "1995-07-01", "01", "union", "25_34"),
    "withdrawn": ("رامي فتحي", "male", "1999-12-31", "12", "youth", "25_34"),
    "trainer": ("منى الشافعي", "female", "1980-05-05", "01", None, "35_49"),
    "walkin": ("سارة يوسف", "female", "2010-01-01", "26", "assoc", "under_18"),
    "twin_a": ("محمود رزق", "male", "1988-08-08", "13", "union", "35_49"),
    "twin_b": ("محمود رزق", "male", "1988-08-08", "13", "union", "35_49"),  # merged into twin_a
    "absent": ("وليد حنا", "male", "1992-02-02", "16", "assoc", "unknown"),  # enrolled, never came
}
NATIONAL_ID = "29002142101234"  # born 1990-02-14, registered in Giza; the man in "nid"

# training key -> (first day, days, min share); sessions are one per day.
TRAININGS = {"june": (JUNE, 1, 1.0), "oct": (OCT, 3, 2 / 3), "nov": (NOV, 2, 1.0), "dec": (DEC, 1, 1.0)}
P, L, A, E = "present", "late", "absent", "excused"
# The attendance grid: (person, training) -> marks by session day index. Everyone listed is enrolled.
GRID: dict[tuple[str, str], list[str]] = {
    ("amal", "june"): [P],
    ("karim", "june"): [P],
    ("amal", "oct"): [P, L, A],  # 2 of 3: completes (two thirds)
    ("basma", "oct"): [A, P, P],  # completes; first attended day 6 October
    ("karim", "oct"): [P, A, E],  # 1 of 3: reached, not completed
    ("dina", "oct"): [L, L, L],  # completes
    ("archived", "oct"): [P, P, P],  # archived after the training: still counts
    ("withdrawn", "oct"): [P, P, P],  # withdrawn: reached, never completed
    ("trainer", "oct"): [P, P, P],  # trainer: reached, never "completed"
    ("twin_a", "oct"): [P, A, P],  # merged with twin_b below
    ("twin_b", "oct"): [A, P, A],  # the merge keeps the better mark per session: P P P
    ("amal", "nov"): [P, P],  # completes; in two trainings in Q4
    ("nid", "nov"): [P, A],  # not completed (every session needed)
    ("walkin", "nov"): [A, P],  # registered at the desk on day two
    ("absent", "nov"): [A, A],
    ("karim", "dec"): [],  # enrolled for December: nothing yet
}
ROLES = {"trainer": EnrollmentRole.TRAINER}
ATTENDED = (P, L)


@pytest.fixture
def scenario(db: Database) -> dict[str, dict[str, int]]:
    orgs = {
        "assoc": create_organization(
            db, OrganizationData("جمعية النور", kind="association", governorate="01")
        ),
        "union": create_organization(db, OrganizationData("نقابة العاملين", kind="union", governorate="02")),
        "youth": create_organization(db, OrganizationData("مبادرة شباب", kind="youth")),
    }
    people = {}
    for key, (name, gender, birth, governorate, org, _band) in PEOPLE.items():
        people[key] = create_person(db, PersonData(
            name, gender=gender, birth_date=birth, governorate=governorate,
            organization_id=orgs[org] if org else None,
            national_id=NATIONAL_ID if key == "nid" else None,
            phone=f"0100000{len(people):04d}" if key != "twin_b" else None,
        ))  # fmt: skip
    with db.session_scope() as tx:  # registered before national IDs filled birth dates
        tx.execute(update(Person).where(Person.id == people["nid"]).values(birth_date=None, gender=None))
    trainings, sessions = {}, {}
    for key, (first, days, share) in TRAININGS.items():
        trainings[key] = create_training(db, TrainingData(
            f"تدريب {key}", first, first + dt.timedelta(days=days - 1), certificate_min_share=share,
        ))  # fmt: skip
        with db.session_scope() as tx:
            ids = tx.scalars(
                select(TrainingSession.id)
                .where(TrainingSession.training_id == trainings[key])
                .order_by(TrainingSession.date)
            ).all()
        sessions[key] = list(ids)
    for n, sid in enumerate(sessions["oct"]):
        update_session(db, sid, SessionData(OCT + dt.timedelta(days=n), "09:00", "15:00"))  # 6 hours
    update_session(db, sessions["nov"][0], SessionData(NOV, "10:00", "12:30"))  # 2.5 hours; day 2 has none
    enrollments: dict[tuple[str, str], int] = {}
    for (person, training), marks in GRID.items():
        [result] = enroll(
            db, trainings[training], [people[person]], role=ROLES.get(person, EnrollmentRole.PARTICIPANT)
        )
        enrollments[(person, training)] = result.enrollment_id
        for sid, mark in zip(sessions[training], marks, strict=False):
            set_status(db, result.enrollment_id, sid, AttendanceStatus(mark))
    with db.session_scope() as tx:
        tx.execute(
            update(Enrollment).where(Enrollment.id == enrollments[("walkin", "nov")]).values(walk_in=True)
        )
    update_enrollment(db, enrollments[("withdrawn", "oct")], status="withdrawn")
    set_person_archived(db, people["archived"])
    merge_people(db, people["twin_a"], people["twin_b"])
    return {"people": people, "trainings": trainings, "orgs": orgs}


# ---------------------------------------------------------------- the count by hand


def _merged_grid() -> dict[tuple[str, str], list[str]]:
    """The grid after the merge, as the merge rule states it (each session keeps the better mark)."""
    rank = {P: 3, L: 2, E: 1, A: 0}
    grid = {k: list(v) for k, v in GRID.items() if k[0] != "twin_b"}
    other = GRID[("twin_b", "oct")]
    grid[("twin_a", "oct")] = [
        max(a, b, key=rank.__getitem__) for a, b in zip(grid[("twin_a", "oct")], other, strict=True)
    ]
    return grid


def _days(training: str) -> list[dt.date]:
    first, days, _share = TRAININGS[training]
    return [first + dt.timedelta(days=n) for n in range(days)]


def _hand_count(
    first: dt.date | None, last: dt.date | None, today: dt.date = dt.date(2026, 11, 29)
) -> dict[str, object]:
    grid = _merged_grid()
    last = min(last or today, today)

    def in_period(day: dt.date) -> bool:
        return day <= last and (first is None or day >= first)

    reached: set[str] = set()
    completed: set[str] = set()
    trainings_of: Counter[str] = Counter()
    for (person, training), marks in grid.items():
        days = _days(training)
        if any(m in ATTENDED and in_period(d) for m, d in zip(marks, days, strict=False)):
            reached.add(person)
            trainings_of[person] += 1
        share = TRAININGS[training][2]
        if (
            in_period(days[-1]) and person not in ("withdrawn", "trainer")
            and sum(m in ATTENDED for m in marks) / len(days) >= share - 1e-9
        ):  # fmt: skip
            completed.add(person)
    before = {p for (p, t), marks in grid.items() for m, d in zip(marks, _days(t), strict=False)
              if m in ATTENDED and first is not None and d < first}  # fmt: skip
    return {"reached": reached, "completed": completed, "returning": reached & before,
            "repeat": {p for p, n in trainings_of.items() if n >= 2}}  # fmt: skip


# ---------------------------------------------------------------- the tests


def test_quarter_figures_match_the_count_by_hand(db: Database, scenario: dict[str, dict[str, int]]) -> None:
    stats = statistics(db, StatsFilter(*Q4))
    hand = _hand_count(*Q4)
    reached, completed = hand["reached"], hand["completed"]
    assert isinstance(reached, set) and isinstance(completed, set)
    # Written out once, so a mistake shared by the hand count and the service cannot hide.
    assert reached == {
        "amal",
        "basma",
        "karim",
        "dina",
        "archived",
        "withdrawn",
        "trainer",
        "twin_a",
        "nid",
        "walkin",
    }
    assert completed == {"amal", "basma", "dina", "archived", "twin_a"}
    p = stats.people
    assert (p.reached, p.completed) == (len(reached), len(completed)) == (10, 5)
    assert p.returning == len(hand["returning"]) == 2  # amal and karim came in June
    assert p.first_time == 8
    assert p.repeat == len(hand["repeat"]) == 1  # amal: October and November

    expected_gender = {"male": 0, "female": 0, "unknown": 0}
    for key in reached:
        expected_gender[PEOPLE[key][1] or "unknown"] += 1
    assert p.by_gender == expected_gender == {"male": 3, "female": 5, "unknown": 2}
    expected_bands = Counter(PEOPLE[k][5] for k in reached)
    assert {k: v for k, v in p.by_age_band.items() if v} == dict(expected_bands)
    assert set(p.by_age_band) == {"under_18", "18_24", "25_34", "35_49", "50_plus", "unknown"}
    expected_gov = Counter(PEOPLE[k][3] or "unknown" for k in reached)
    assert {k: v for k, v in p.by_governorate.items() if v} == dict(expected_gov)
    assert p.by_organization_kind["none"] == 2  # dina and the trainer
    assert p.by_organization_kind["association"] == 3  # amal, nid, walkin
    assert p.by_role == {"participant": 9, "guest": 0, "trainer": 1, "organizer": 0}
    assert sum(p.completed_by["gender"].values()) == p.completed
    assert p.completed_by["gender"] == {"male": 1, "female": 3, "unknown": 1}

    # Organizations named on the enrolments of people who attended in Q4.
    o = stats.organizations
    assert (o.reached, o.returning, o.new) == (3, 2, 1)  # amal and karim came in June for them
    by_org = {r.name: r.people for r in o.people}
    assert by_org == {"جمعية النور": 3, "نقابة العاملين": 3, "مبادرة شباب": 2}

    # Trainings: October and November held sessions; December has not happened.
    assert stats.trainings == 2 and stats.sessions == 5
    assert stats.sessions_without_times == 1
    # Participants (not withdrawn) only: October 6 enrolled (amal basma karim dina archived twin_a),
    # November 4 (amal nid walkin absent).
    oct_marks = sum(m in ATTENDED for (per, t), ms in _merged_grid().items() if t == "oct"
                    and per not in ("withdrawn", "trainer") for m in ms)  # fmt: skip
    nov_marks = sum(m in ATTENDED for (per, t), ms in _merged_grid().items() if t == "nov" for m in ms)
    assert (oct_marks, nov_marks) == (14, 4)
    assert stats.attended == oct_marks + nov_marks
    assert stats.attendance_rate == pytest.approx((14 + 4) / (6 * 3 + 4 * 2))
    assert stats.late_share == pytest.approx(4 / 18)  # amal once, dina three times
    assert stats.completion_rate == pytest.approx((5 + 1) / (6 + 4))  # completed enrolments / enrolled
    nov_day1 = sum(ms[0] in ATTENDED for (per, t), ms in _merged_grid().items() if t == "nov")
    assert stats.person_hours == pytest.approx(oct_marks * 6 + nov_day1 * 2.5)
    assert stats.walk_ins == 1
    per_training = {t.title: t for t in stats.per_training}
    assert per_training["تدريب oct"].completed == 5 and per_training["تدريب nov"].completed == 1


def test_everything_agrees_with_the_attendance_grid(
    db: Database, scenario: dict[str, dict[str, int]]
) -> None:
    """The grid (attendance_grid, the screen staff use) and the statistics tell the same story."""
    stats = statistics(db, StatsFilter(training_ids=(scenario["trainings"]["oct"],)))
    grid = attendance_grid(db, scenario["trainings"]["oct"])
    reached = {r.person_id for r in grid.rows if any(v in ATTENDED for v in r.statuses.values())}
    eligible = {r.person_id for r in grid.rows if r.eligible}
    assert stats.people.reached == len(reached) == 8
    assert stats.people.completed == len(eligible) == 5
    for sid, _date in grid.sessions:
        figure = next(s for s in stats.per_session if s.session_id == sid)
        participants = [r for r in grid.rows if r.role == "participant" and r.status != "withdrawn"]
        assert figure.attended == sum(r.statuses[sid] in ATTENDED for r in participants)
        assert figure.enrolled == len(participants)


def test_all_time_and_the_training_that_has_not_happened(
    db: Database, scenario: dict[str, dict[str, int]]
) -> None:
    stats = statistics(db)
    hand = _hand_count(None, None)
    assert stats.people.reached == len(hand["reached"])  # type: ignore[arg-type]
    assert stats.people.completed == len(hand["completed"])  # type: ignore[arg-type]
    assert stats.people.returning == 0 and stats.people.first_time == stats.people.reached
    assert stats.trainings == 3  # June, October, November; December is still to come
    assert all(t.training_id != scenario["trainings"]["dec"] for t in stats.per_training)


def test_a_training_counts_for_completion_in_the_period_of_its_last_session(
    db: Database, scenario: dict[str, dict[str, int]]
) -> None:
    # 6 October alone: October's training has not ended yet, so nobody completed it in that period.
    day = dt.date(2026, 10, 6)
    stats = statistics(db, StatsFilter(day, day))
    assert stats.people.completed == 0
    # 7 October: it ends then, and every earlier day counts for completion.
    day = dt.date(2026, 10, 7)
    stats = statistics(db, StatsFilter(day, day))
    assert stats.people.completed == 5  # amal (P L A), basma, dina, archived, twin_a (merged: P P P)
    hand = _hand_count(day, day)
    assert stats.people.completed == len(hand["completed"])  # type: ignore[arg-type]
    assert stats.people.reached == len(hand["reached"])  # type: ignore[arg-type]


def test_merged_duplicates_count_once_and_before_the_merge_twice(db: Database) -> None:
    training = create_training(db, TrainingData("تدريب", OCT, OCT))
    a = create_person(db, PersonData("محمود رزق", gender="male", phone="01011111111"))
    b = create_person(db, PersonData("محمود رزق", gender="male"))
    results = enroll(db, training, [a, b])
    with db.session_scope() as tx:
        sid = tx.scalar(select(TrainingSession.id).where(TrainingSession.training_id == training))
    for r in results:
        set_status(db, r.enrollment_id, sid, AttendanceStatus.PRESENT)
    assert statistics(db).people.reached == 2
    merge_people(db, a, b)
    assert statistics(db).people.reached == 1


def test_unknown_is_counted_never_dropped(db: Database) -> None:
    training = create_training(db, TrainingData("تدريب", OCT, OCT))
    nobody = create_person(db, PersonData("شخص بلا بيانات"))
    [r] = enroll(db, training, [nobody])
    with db.session_scope() as tx:
        sid = tx.scalar(select(TrainingSession.id).where(TrainingSession.training_id == training))
    set_status(db, r.enrollment_id, sid, AttendanceStatus.LATE)
    p = statistics(db).people
    assert p.reached == 1
    assert p.by_gender["unknown"] == p.by_age_band["unknown"] == p.by_governorate["unknown"] == 1
    assert p.by_organization_kind["none"] == 1
    for counts in (p.by_gender, p.by_age_band, p.by_governorate, p.by_organization_kind, p.by_role):
        assert sum(counts.values()) == p.reached


def test_a_figure_opens_to_its_people(db: Database, scenario: dict[str, dict[str, int]]) -> None:
    flt = StatsFilter(*Q4)
    stats = statistics(db, flt)
    people = scenario["people"]
    women_under_25 = figure_people(db, flt, Figure.of("reached", gender="female", age_band="18_24"))
    assert [p.id for p in women_under_25] == [people["amal"]]
    assert stats.people.age_gender["18_24"]["female"] == len(women_under_25)
    for dimension, counts in (("gender", stats.people.by_gender), ("age_band", stats.people.by_age_band)):
        for key, n in counts.items():
            assert len(figure_people(db, flt, Figure.of("reached", **{dimension: key}))) == n
    done = figure_people(db, flt, Figure.of("completed"))
    assert {p.id for p in done} == {people[k] for k in ("amal", "basma", "dina", "archived", "twin_a")}
    archived = next(p for p in done if p.id == people["archived"])
    assert archived.archived
    returning = figure_people(db, flt, Figure.of("returning"))
    assert {p.id for p in returning} == {people["amal"], people["karim"]}
    orgs = figure_organizations(db, flt, Figure.of("organizations_new"))
    assert {o.name for o in orgs} == {"نقابة العاملين"}
    with pytest.raises(ValidationError):
        figure_people(db, flt, Figure.of("organizations"))


def test_filters_narrow_people_and_trainings(db: Database, scenario: dict[str, dict[str, int]]) -> None:
    cairo = statistics(db, StatsFilter(*Q4, governorates=("01",)))
    assert cairo.people.reached == sum(1 for k in _hand_count(*Q4)["reached"] if PEOPLE[k][3] == "01")  # type: ignore[union-attr]
    unknown = statistics(db, StatsFilter(*Q4, governorates=("unknown",)))
    assert unknown.people.reached == 1  # dina
    unions = statistics(db, StatsFilter(*Q4, organization_kinds=("union",)))
    assert unions.people.reached == 3  # basma, archived, twin_a
    assert unions.attendance_rate == pytest.approx((2 + 3 + 3) / (3 * 3))
    nov = statistics(db, StatsFilter(training_ids=(scenario["trainings"]["nov"],)))
    assert (nov.people.reached, nov.trainings, nov.sessions) == (3, 1, 2)
    with pytest.raises(ValidationError):
        statistics(db, StatsFilter(dt.date(2026, 12, 1), dt.date(2026, 11, 1)))
    with pytest.raises(ValidationError):
        statistics(db, StatsFilter(governorates=("99",)))
    with pytest.raises(NotFoundError):
        statistics(db, StatsFilter(project_id=4242))


def test_periods_are_read_as_written() -> None:
    assert parse_period("2026") == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert parse_period("2026-Q4") == Q4
    assert parse_period("٢٠٢٦-٠٢") == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert parse_period("2026-01-01..2026-06-30") == (dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    for bad in ("2026-Q5", "next year", "2026-13", "2026-06-30..2026-01-01"):
        with pytest.raises(ValidationError):
            parse_period(bad)


def test_the_rules_are_stated(db: Database) -> None:
    stats = statistics(db)
    assert stats.rules == counting_rules()
    assert "once" in stats.rules and "unknown" in stats.rules and "18, 25, 35, 50" in stats.rules
    arabic = stats.rules_in("ar")
    assert "مرة واحدة" in arabic and "18، 25، 35، 50" in arabic
    assert stats.as_json()["rules"] == stats.rules


def test_age_bands_are_configurable(db: Database, scenario: dict[str, dict[str, int]]) -> None:
    from desktop_app.services.settings import save_age_band_bounds

    once = statistics(db, StatsFilter(*Q4, age_bounds=(15, 30)))
    assert list(once.people.by_age_band) == ["under_15", "15_29", "30_plus", "unknown"]
    # amal 22, basma 25, withdrawn 26, archived 31, twin_a 38, nid 36, trainer 46, karim 56, walkin 16
    assert once.people.by_age_band == {"under_15": 0, "15_29": 4, "30_plus": 5, "unknown": 1}
    assert "15, 30" in once.rules
    assert list(statistics(db, StatsFilter(*Q4)).people.by_age_band)[0] == "under_18"  # the setting is untouched
    save_age_band_bounds(db, (25,))
    assert list(statistics(db).people.by_age_band) == ["under_25", "25_plus", "unknown"]
    with pytest.raises(ValidationError):
        save_age_band_bounds(db, (30, 20))
    with pytest.raises(ValidationError):
        statistics(db, StatsFilter(age_bounds=(0,)))


def test_meetings_are_counted_as_meetings_and_their_people_as_reached(db: Database) -> None:
    from desktop_app.services.meetings import MeetingData, create_meeting
    from desktop_app.services.trainings import TrainingData, create_training, enroll

    day = dt.date(2026, 10, 5)
    training = create_training(db, TrainingData("تدريب", day, day))
    ahmed = create_person(db, PersonData("أحمد علي", gender="male"))
    sara = create_person(db, PersonData("سارة محمود", gender="female"))
    (trained,) = enroll(db, training, [ahmed])
    meeting = create_meeting(db, MeetingData("اجتماع متابعة", day + dt.timedelta(days=30), "10:00"),
                             invite_people=[ahmed, sara])  # fmt: skip
    with db.session_scope() as tx:
        sids = {t: tx.scalar(select(TrainingSession.id).where(TrainingSession.training_id == t)) for t in (training, meeting)}
        came = {e.person_id: e.id for e in tx.scalars(select(Enrollment).where(Enrollment.training_id == meeting))}
    set_status(db, trained.enrollment_id, sids[training], AttendanceStatus.PRESENT)
    set_status(db, came[sara], sids[meeting], AttendanceStatus.PRESENT)
    stats = statistics(db, StatsFilter())
    assert stats.trainings == 1 and stats.meetings == 1 and stats.sessions == 2
    assert stats.people.reached == 2  # Sara was reached by the meeting
    assert {t["kind"] for t in stats.as_json()["per_training"]} == {"training", "meeting"}
    assert stats.as_json()["meetings"] == 1
