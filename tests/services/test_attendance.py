"""Trainings, enrolment and attendance at the venue: check-in by code, phone and name, repeats,
undo, late marking, sessions, and eligibility edge cases."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from desktop_app.db import Database
from desktop_app.errors import NotFoundError, ValidationError
from desktop_app.models import (
    Attendance,
    AttendanceStatus,
    Enrollment,
    EnrollmentRole,
    EnrollmentStatus,
    TrainingSession,
)
from desktop_app.services.attendance import (
    CheckedIn,
    Choose,
    NotYet,
    attendance_grid,
    check_in,
    set_session_status,
    set_status,
    undo_check_in,
)
from desktop_app.services.registry import PersonData, create_person
from desktop_app.services.trainings import TrainingData, create_training, enroll

DAY1 = dt.date(2014, 8, 20)
TZ = dt.timezone(dt.timedelta(hours=2))  # Cairo


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)


@pytest.fixture
def setup(db: Database) -> dict[str, int]:
    training = create_training(
        db,
        TrainingData(
            "برنامج التشبيك", DAY1, DAY1 + dt.timedelta(days=1), late_after="10:00", working_group_count=2
        ),  # fmt: skip
    )
    people = {
        "hany": create_person(db, PersonData("هاني إبراهيم", phone="01001234567")),
        "mohamed1": create_person(db, PersonData("محمد علي حسن", phone="01112345678")),
        "mohamed2": create_person(db, PersonData("محمد علي حسن الشافعي")),
        "sara": create_person(db, PersonData("سارة محمود")),
        "trainer": create_person(db, PersonData("منى الشافعي")),
    }
    enroll(db, training, [people[k] for k in ("hany", "mohamed1", "mohamed2", "sara")])
    enroll(db, training, [people["trainer"]], role=EnrollmentRole.TRAINER)
    return {"training": training, **people}


def code_of(db: Database, person_id: int) -> str:
    with db.session_scope() as session:
        return session.scalar(select(Enrollment.checkin_code).where(Enrollment.person_id == person_id)) or ""


def test_training_gets_one_session_per_day(db: Database, setup: dict[str, int]) -> None:
    with db.session_scope() as session:
        dates = list(session.scalars(select(TrainingSession.date).order_by(TrainingSession.date)))
    assert dates == [DAY1, DAY1 + dt.timedelta(days=1)]


def test_training_validation(db: Database) -> None:
    with pytest.raises(ValidationError) as info:
        create_training(db, TrainingData("تدريب", DAY1, DAY1 - dt.timedelta(days=1)))
    assert info.value.field == "end_date"
    with pytest.raises(ValidationError):
        create_training(db, TrainingData("تدريب", DAY1, certificate_min_share=1.5))
    with pytest.raises(ValidationError):
        create_training(db, TrainingData("تدريب", DAY1, late_after="25:99"))


def test_enrolling_twice_is_reported_not_duplicated(db: Database, setup: dict[str, int]) -> None:
    again = enroll(db, setup["training"], [setup["hany"]])
    assert again[0].already
    with db.session_scope() as session:
        assert session.scalar(select(func.count()).select_from(Enrollment)) == 5
    with pytest.raises(NotFoundError):
        enroll(db, setup["training"], [99999])


def test_check_in_by_code_phone_and_exact_name(db: Database, setup: dict[str, int]) -> None:
    t = setup["training"]
    by_code = check_in(db, t, code_of(db, setup["hany"]), now=at(DAY1, 9, 30))
    assert (by_code.result, by_code.status, by_code.person.name) == ("checked_in", "present", "هاني إبراهيم")
    by_phone = check_in(db, t, "+20 111 234 5678", now=at(DAY1, 9, 40))
    assert by_phone.result == "checked_in" and by_phone.person.person_id == setup["mohamed1"]
    arabic_code = "".join(chr(0x0660 + int(d)) for d in code_of(db, setup["sara"]))
    assert check_in(db, t, arabic_code, now=at(DAY1, 9, 45)).result == "checked_in"


def test_a_whole_name_picks_that_person_even_when_longer_names_start_with_it(
    db: Database, setup: dict[str, int]
) -> None:
    result = check_in(db, setup["training"], "محمد على حسن", now=at(DAY1, 9, 0))
    assert result.result == "checked_in" and result.person.person_id == setup["mohamed1"]


def test_a_partial_name_matching_several_is_ambiguous_and_writes_nothing(
    db: Database, setup: dict[str, int]
) -> None:
    result = check_in(db, setup["training"], "محمد", now=at(DAY1, 9, 0))
    assert result.result == "ambiguous" and len(result.matches) == 2
    with db.session_scope() as session:
        assert session.scalar(select(func.count()).select_from(Attendance)) == 0


def test_not_found_and_other_trainings(db: Database, setup: dict[str, int]) -> None:
    assert check_in(db, setup["training"], "شخص غير موجود", now=at(DAY1, 9)).result == "not_found"
    assert check_in(db, setup["training"], "12345670", now=at(DAY1, 9)).result == "not_found"


def test_repeat_is_reported_with_the_first_time_and_never_a_second_row(
    db: Database, setup: dict[str, int]
) -> None:
    t, code = setup["training"], code_of(db, setup["hany"])
    first = check_in(db, t, code, now=at(DAY1, 9, 12))
    again = check_in(db, t, code, now=at(DAY1, 11, 0))
    assert again.result == "already" and again.at == first.at
    with db.session_scope() as session:
        assert session.scalar(select(func.count()).select_from(Attendance)) == 1


def test_late_marking(db: Database, setup: dict[str, int]) -> None:
    t = setup["training"]
    assert check_in(db, t, code_of(db, setup["hany"]), now=at(DAY1, 10, 1)).status == "late"
    # Entering a past session from a paper sheet is not "late".
    day2 = (DAY1 + dt.timedelta(days=1)).isoformat()
    late_entry = check_in(
        db, t, code_of(db, setup["sara"]), session_ref=day2, now=at(DAY1 + dt.timedelta(days=5), 15)
    )
    assert late_entry.status == "present"


def test_undo_records_absent_and_a_new_check_in_is_ordinary(db: Database, setup: dict[str, int]) -> None:
    t, code = setup["training"], code_of(db, setup["hany"])
    first = check_in(db, t, code, now=at(DAY1, 9, 0))
    assert first.person is not None
    undo_check_in(db, first.person.enrollment_id, first.session_id)
    with db.session_scope() as session:
        row = session.scalars(select(Attendance)).one()
        assert row.status == AttendanceStatus.ABSENT and row.recorded_at > first.at
    again = check_in(db, t, code, now=at(DAY1, 9, 30))
    assert again.result == "checked_in"


def test_withdrawn_people_are_not_offered_at_check_in(db: Database, setup: dict[str, int]) -> None:
    with db.session_scope() as session:
        enrollment = session.scalars(select(Enrollment).where(Enrollment.person_id == setup["sara"])).one()
        enrollment.status = EnrollmentStatus.WITHDRAWN
    assert check_in(db, setup["training"], "سارة محمود", now=at(DAY1, 9)).result == "not_found"


def test_session_choice(db: Database, setup: dict[str, int]) -> None:
    t = setup["training"]
    with pytest.raises(NotFoundError):
        check_in(db, t, "هاني", now=at(DAY1 + dt.timedelta(days=10), 9))  # no session that day
    assert (
        check_in(db, t, "هاني إبراهيم", session_ref=DAY1.isoformat(), now=at(DAY1 + dt.timedelta(days=10), 9)).result
        == "checked_in"
    )
    with pytest.raises(NotFoundError):
        check_in(db, t, "هاني", session_ref="1999-01-01", now=at(DAY1, 9))


def test_grid_share_and_eligibility(db: Database, setup: dict[str, int]) -> None:
    t = setup["training"]
    day2 = (DAY1 + dt.timedelta(days=1)).isoformat()
    for person, sessions in (("hany", [None, day2]), ("mohamed1", [None]), ("trainer", [None, day2])):
        for ref in sessions:  # each day's check-in on its own day (no one is checked in ahead)
            day = DAY1 + dt.timedelta(days=1 if ref == day2 else 0)
            check_in(db, t, code_of(db, setup[person]), session_ref=ref, now=at(day, 10, 30))
    grid = attendance_grid(db, t)
    rows = {r.person_id: r for r in grid.rows}
    assert rows[setup["hany"]].share == 1.0 and rows[setup["hany"]].eligible  # late counts as attended
    assert rows[setup["mohamed1"]].share == 0.5 and not rows[setup["mohamed1"]].eligible
    assert (
        rows[setup["trainer"]].share == 1.0 and rows[setup["trainer"]].eligible is False
    )  # not a participant
    assert rows[setup["sara"]].statuses == {sid: "absent" for sid, _ in grid.sessions}
    # Excused does not count as attended.
    first_session = grid.sessions[0][0]
    set_status(db, rows[setup["sara"]].enrollment_id, first_session, AttendanceStatus.EXCUSED)
    assert attendance_grid(db, t).rows[[r.person_id for r in grid.rows].index(setup["sara"])].share == 0.0
    assert grid.present_count(first_session) == 3
    assert grid.as_json()["rows"][0]["code"].isdigit()


def test_update_training_and_co_organizers(db: Database) -> None:
    from desktop_app.services.registry import OrganizationData, create_organization
    from desktop_app.services.trainings import list_trainings, update_training

    a = create_organization(db, OrganizationData("الشبكة الإقليمية"))
    b = create_organization(db, OrganizationData("نقابة العاملين بالجامعة"))
    tid = create_training(db, TrainingData("تدريب", DAY1, co_organizer_ids=[a]))
    update_training(db, tid, TrainingData("تدريب معدّل", DAY1, DAY1, co_organizer_ids=[b, a], venue="القاهرة"))
    row = next(t for t in list_trainings(db) if t.id == tid)
    assert row.title == "تدريب معدّل" and row.venue == "القاهرة"
    with pytest.raises(ValidationError):
        update_training(db, tid, TrainingData("", DAY1))


def test_sessions_are_added_edited_and_removed_or_cancelled(db: Database, setup: dict[str, int]) -> None:
    from desktop_app.services.trainings import SessionData, add_session, remove_session, update_session

    t = setup["training"]
    extra = add_session(db, t, SessionData(DAY1 + dt.timedelta(days=2), "09:30", "16:00", "اليوم الثالث"))
    update_session(db, extra, SessionData(DAY1 + dt.timedelta(days=3), "10:00", "15:00", "الختام"))
    with pytest.raises(ValidationError):
        update_session(db, extra, SessionData(DAY1, "16:00", "09:00"))
    assert remove_session(db, extra) == "deleted"
    first = check_in(db, t, code_of(db, setup["hany"]), now=at(DAY1, 9))
    assert remove_session(db, first.session_id) == "cancelled"  # attended: kept, hidden
    with db.session_scope() as session:
        kept = session.get(TrainingSession, first.session_id)
        assert kept is not None and kept.cancelled
    assert len(attendance_grid(db, t).sessions) == 1


def test_update_enrollment(db: Database, setup: dict[str, int]) -> None:
    from desktop_app.services.trainings import update_enrollment

    with db.session_scope() as session:
        enrollment_id = session.scalars(
            select(Enrollment.id).where(Enrollment.person_id == setup["sara"])
        ).one()
    update_enrollment(db, enrollment_id, role="guest", status="confirmed", working_group=2)
    with pytest.raises(ValidationError):
        update_enrollment(db, enrollment_id, working_group=7)  # the training has 2 groups
    with pytest.raises(ValidationError):
        update_enrollment(db, enrollment_id, role="boss")
    with db.session_scope() as session:
        row = session.get(Enrollment, enrollment_id)
        assert row is not None and (row.role.value, row.status.value, row.working_group) == (
            "guest",
            "confirmed",
            2,
        )


def test_part_of_a_name_asks_even_for_a_single_match(db: Database, setup: dict[str, int]) -> None:
    """The window asked, the command line checked in the only هاني: one rule now, in the service."""
    t = setup["training"]
    result = check_in(db, t, "هاني", now=at(DAY1, 9))
    assert isinstance(result, Choose) and [m.name for m in result.matches] == ["هاني إبراهيم"]
    assert attendance_grid(db, t).rows[0].statuses == {sid: "absent" for sid, _d in attendance_grid(db, t).sessions}
    picked = check_in(db, t, "هاني", pick=result.matches[0].enrollment_id, now=at(DAY1, 9))
    assert isinstance(picked, CheckedIn) and picked.present == 1 and picked.expected == 4


def test_a_session_whose_day_has_not_come_refuses(db: Database, setup: dict[str, int]) -> None:
    t = setup["training"]
    day2 = (DAY1 + dt.timedelta(days=1)).isoformat()
    early = check_in(db, t, code_of(db, setup["hany"]), session_ref=day2, now=at(DAY1, 17))
    assert isinstance(early, NotYet) and early.result == "not_yet" and early.present == 0
    assert check_in(db, t, code_of(db, setup["hany"]), session_ref=day2, now=at(DAY1 + dt.timedelta(days=1), 9)).result == "checked_in"
    # Past days stay open for entering the paper sheet, and are never "late".
    paper = check_in(db, t, code_of(db, setup["sara"]), session_ref=DAY1.isoformat(), now=at(DAY1 + dt.timedelta(days=3), 15))
    assert isinstance(paper, CheckedIn) and paper.status == "present"


def test_the_method_follows_the_code_rule(db: Database, setup: dict[str, int]) -> None:
    from desktop_app.models import Attendance, AttendanceMethod

    t = setup["training"]
    check_in(db, t, code_of(db, setup["hany"]), now=at(DAY1, 9))  # what a badge's QR code types
    check_in(db, t, "+20 111 234 5678", now=at(DAY1, 9))  # typed phone
    with db.session_scope() as session:
        methods = dict(session.execute(
            select(Enrollment.person_id, Attendance.method).join(Attendance, Attendance.enrollment_id == Enrollment.id)
        ).all())  # fmt: skip
    assert methods == {setup["hany"]: AttendanceMethod.SCAN, setup["mohamed1"]: AttendanceMethod.MANUAL}


def test_a_whole_column_in_one_call_leaves_withdrawn_and_other_trainings_alone(
    db: Database, setup: dict[str, int]
) -> None:
    grid = attendance_grid(db, setup["training"])
    session_id = grid.sessions[0][0]
    ids = {r.person_id: r.enrollment_id for r in grid.rows}
    with db.session_scope() as tx:
        tx.get(Enrollment, ids[setup["sara"]]).status = EnrollmentStatus.WITHDRAWN
    set_status(db, ids[setup["hany"]], session_id, AttendanceStatus.PRESENT)
    other = create_training(db, TrainingData("تدريب آخر", DAY1))
    stranger = create_person(db, PersonData("شخص من تدريب آخر"))
    enroll(db, other, [stranger])
    stranger_enrollment = attendance_grid(db, other).rows[0].enrollment_id
    changed = set_session_status(db, session_id, [*ids.values(), stranger_enrollment], AttendanceStatus.PRESENT)
    assert changed == 3  # mohamed1, mohamed2, the trainer; hany was present, sara withdrawn
    after = {r.person_id: r.statuses[session_id] for r in attendance_grid(db, setup["training"]).rows}
    assert after[setup["sara"]] == "absent" and all(
        after[p] == "present" for p in (setup["hany"], setup["mohamed1"], setup["mohamed2"], setup["trainer"])
    )
    assert attendance_grid(db, other).rows[0].statuses[attendance_grid(db, other).sessions[0][0]] == "absent"


def test_the_kiosk_takes_todays_session_else_the_next_else_the_last(
    db: Database, setup: dict[str, int]
) -> None:
    from desktop_app import clock
    from desktop_app.services.attendance import kiosk_target

    with db.session_scope() as tx:
        day1, day2 = tx.scalars(
            select(TrainingSession.id).where(TrainingSession.training_id == setup["training"])
            .order_by(TrainingSession.date)
        ).all()  # fmt: skip
    for today, expected in ((DAY1, day1), (DAY1 + dt.timedelta(days=1), day2),
                            (DAY1 - dt.timedelta(days=5), day1), (DAY1 + dt.timedelta(days=9), day2)):  # fmt: skip
        clock.set_clock(dt.datetime.combine(today, dt.time(12)).astimezone())  # reset after the test (conftest)
        target = kiosk_target(db, setup["training"])
        assert (target.session_id, target.title) == (expected, "برنامج التشبيك")
    assert kiosk_target(db, setup["training"], day1).session_id == day1  # the one chosen on screen
    with pytest.raises(NotFoundError):
        kiosk_target(db, 999)
    with pytest.raises(NotFoundError):
        kiosk_target(db, setup["training"], 999)
