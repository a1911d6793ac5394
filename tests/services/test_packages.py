"""Venue packages: the office sends a training to two laptops, both check people in and register
walk-ins, and merging both back gives the union; repeat imports change nothing; bad packages are
refused whole; conflicts are counted; colliding check-in codes are re-issued."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from desktop_app.db import Database, open_database
from desktop_app.errors import DataError
from desktop_app.models import AttendanceStatus, Enrollment, Person, Training, TrainingStatus
from desktop_app.services.attendance import attendance_grid, check_in, check_in_walk_in, set_status
from desktop_app.services.certificates import issue_certificates, qr_payload, verify
from desktop_app.services.demo import load_demo
from desktop_app.services.packages import export_package, read_package
from desktop_app.services.registry import PersonData
from desktop_app.services.sync import import_package
from desktop_app.services.trainings import list_trainings
from tests.clocks import TEST_DAY

# Time-sensitive: every test here runs in the morning, the afternoon and late in the evening.
pytestmark = pytest.mark.usefixtures("clock_hour")

DAY = TEST_DAY


@pytest.fixture
def office(tmp_path: Path) -> Database:
    db = open_database(tmp_path / "office.sqlite", create=True)
    load_demo(db, DAY)
    return db


def _laptop(tmp_path: Path, name: str, package: Path) -> Database:
    db = open_database(tmp_path / f"{name}.sqlite", create=True)
    import_package(db, read_package(package))
    return db


def _today(db: Database) -> int:
    return next(sid for sid, day in attendance_grid(db, 1).sessions if day == DAY)


def test_two_laptops_merge_into_the_union(office: Database, tmp_path: Path) -> None:
    package = tmp_path / "venue.zip"
    export_package(office, 1, package)
    with zipfile.ZipFile(package) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["format_version"] == 2
    assert manifest["members"]["people.jsonl"]["records"] == len(attendance_grid(office, 1).rows)
    assert all(len(m["sha256"]) == 64 for m in manifest["members"].values())
    a, b = _laptop(tmp_path, "a", package), _laptop(tmp_path, "b", package)
    # the venue gets the training of the package (the demo's earlier programme stays at the office)
    assert [t.title for t in list_trainings(a)] == [t.title for t in list_trainings(office) if t.id == 1]
    day = DAY.isoformat()
    assert check_in(a, 1, "هاني إبراهيم", session_ref=day).result == "checked_in"
    assert check_in(b, 1, "أحمد جاد هلال", session_ref=day).result == "checked_in"
    walk_in = check_in_walk_in(b, 1, _today(b), PersonData("زائرة من المكان", phone="01099999999"))
    assert walk_in.result == "checked_in"
    # The same walk-in registers at laptop A too (same phone): one person at the office.
    check_in_walk_in(a, 1, _today(a), PersonData("زائرة من المكان", phone="01099999999"))
    serial = issue_certificates(a, 1, [attendance_grid(a, 1).rows[0].person_id], before_end=True).issued[0]
    for laptop, name in ((a, "a"), (b, "b")):
        back = tmp_path / f"back-{name}.zip"
        export_package(laptop, 1, back)
        result = import_package(office, read_package(back))
        assert result.added > 0 and result.conflicts == 0
    with office.session_scope() as session:
        visitors = session.scalars(select(Person).where(Person.phone == "+201099999999")).all()
        assert len(visitors) == 1
        enrolled = session.scalar(
            select(func.count()).select_from(Enrollment).where(Enrollment.person_id == visitors[0].id)
        )
        assert enrolled == 1
    grid = attendance_grid(office, 1)
    # Present or late, as the hour of the check-in decides (late after 10:00 on the session day).
    present = {r.name for r in grid.rows if any(v in ("present", "late") for v in r.statuses.values())}
    assert {"هاني إبراهيم", "أحمد جاد هلال", "زائرة من المكان"} <= present
    # The laptop's certificate came with its verification code (its serial carries the laptop's tag).
    assert verify(office, qr_payload(a, serial)).status == "genuine"
    # Importing the same package again changes nothing.
    again = import_package(office, read_package(tmp_path / "back-a.zip"))
    assert (again.added, again.updated, again.conflicts) == (0, 0, 0) and again.unchanged > 0


def test_conflicts_and_later_time_wins(office: Database, tmp_path: Path) -> None:
    package = tmp_path / "venue.zip"
    export_package(office, 1, package)
    laptop = _laptop(tmp_path, "l", package)
    grid = attendance_grid(office, 1)
    row, (sid, _d) = grid.rows[0], grid.sessions[0]
    laptop_enrollment = next(r for r in attendance_grid(laptop, 1).rows if r.person_id and r.name == row.name)
    laptop_session = attendance_grid(laptop, 1).sessions[0][0]
    set_status(office, row.enrollment_id, sid, AttendanceStatus.EXCUSED)  # the office, after the package
    set_status(laptop, laptop_enrollment.enrollment_id, laptop_session, AttendanceStatus.PRESENT)  # later
    back = tmp_path / "back.zip"
    export_package(laptop, 1, back)
    result = import_package(office, read_package(back))
    assert result.conflicts == 1 and row.name in result.conflict_list[0]
    assert attendance_grid(office, 1).rows[0].statuses[sid] == "present"


def test_colliding_check_in_codes_are_reissued(office: Database, tmp_path: Path) -> None:
    package = tmp_path / "venue.zip"
    export_package(office, 1, package)
    laptop = _laptop(tmp_path, "l", package)
    walk_in = check_in_walk_in(laptop, 1, _today(laptop), PersonData("ضيف جديد", phone="01088888888"))
    assert walk_in.person is not None
    # Meanwhile the office enrols someone new, whose random code happens to be the walk-in's.
    from desktop_app.services.registry import create_person
    from desktop_app.services.trainings import enroll

    late = create_person(office, PersonData("مسجل متأخر", phone="01077777770"))
    taken = enroll(office, 1, [late])[0].code
    with laptop.session_scope() as session:
        session.execute(
            update(Enrollment)
            .where(Enrollment.checkin_code == walk_in.person.code)
            .values(checkin_code=taken)
        )
    back = tmp_path / "back.zip"
    export_package(laptop, 1, back)
    result = import_package(office, read_package(back))
    assert len(result.reissued_codes) == 1 and "ضيف جديد" in result.reissued_codes[0]
    with office.session_scope() as session:
        codes = session.scalars(select(Enrollment.checkin_code)).all()
    assert len(codes) == len(set(codes))


def test_bad_packages_are_refused_whole(office: Database, tmp_path: Path) -> None:
    package = tmp_path / "venue.zip"
    export_package(office, 1, package, passphrase="كلمة السر")
    with pytest.raises(DataError, match="passphrase"):
        read_package(package)
    with pytest.raises(DataError, match="Wrong passphrase"):
        read_package(package, "خطأ")
    assert read_package(package, "كلمة السر").manifest["training_uid"]
    plain = tmp_path / "plain.zip"
    export_package(office, 1, plain)
    truncated = tmp_path / "cut.zip"
    truncated.write_bytes(plain.read_bytes()[: len(plain.read_bytes()) // 2])
    with pytest.raises(DataError, match="not a Tashbeek package, or it is incomplete"):
        read_package(truncated)
    newer = tmp_path / "newer.zip"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(newer, "w") as target:
        manifest = json.loads(source.read("manifest.json"))
        manifest["format_version"] = 99
        target.writestr("manifest.json", json.dumps(manifest))
        for name in source.namelist():
            if name != "manifest.json":
                target.writestr(name, source.read(name))
    with pytest.raises(DataError, match="made by a newer Tashbeek"):
        read_package(newer)
    changed = tmp_path / "changed.zip"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(changed, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, data.replace("هاني".encode(), "هانى".encode()) if name == "people.jsonl" else data)
    with pytest.raises(DataError, match="checksum"):
        read_package(changed)


def test_a_package_for_an_archived_training_still_merges(office: Database, tmp_path: Path) -> None:
    package = tmp_path / "venue.zip"
    export_package(office, 1, package)
    laptop = _laptop(tmp_path, "l", package)
    assert check_in(laptop, 1, "هاني إبراهيم", session_ref=DAY.isoformat()).result == "checked_in"
    with office.session_scope() as session:
        session.execute(update(Training).values(status=TrainingStatus.ARCHIVED))
    back = tmp_path / "back.zip"
    export_package(laptop, 1, back)
    result = import_package(office, read_package(back))
    assert result.added == 1 and any("archived" in w for w in result.warnings)


def test_names_merged_in_travel_with_the_package(office: Database, tmp_path: Path) -> None:
    from desktop_app.services.merging import merge_people
    from desktop_app.services.registry import create_person
    from desktop_app.services.search import search_people
    from desktop_app.services.trainings import enroll

    enrolled = attendance_grid(office, 1).rows[0].person_id
    latin = create_person(office, PersonData("Hany Ibrahim Saad"))
    enroll(office, 1, [latin])
    merge_people(office, enrolled, latin)  # the survivor keeps the merged record's name as an alias
    with office.session_scope() as session:
        uid = session.scalar(select(Person.uid).where(Person.id == enrolled))
    package = tmp_path / "venue.tshk"
    export_package(office, 1, package)
    laptop = _laptop(tmp_path, "laptop", package)
    with laptop.session_scope() as session:
        there = session.scalar(select(Person.id).where(Person.uid == uid))
    assert [h.id for h in search_people(laptop, "Hany Ibrahim Saad")] == [there]


def test_a_meeting_travels_like_a_training_and_checks_in_offline(office: Database, tmp_path: Path) -> None:
    import datetime as dt

    from desktop_app.services.meetings import list_meetings, meeting_details

    series = next(m for m in list_meetings(office) if m.series_id is not None and m.date > TEST_DAY)
    package = tmp_path / "meeting.zip"
    export_package(office, series.id, package)
    venue = _laptop(tmp_path, "venue", package)
    (there,) = list_meetings(venue)  # a meeting there too, not a training
    assert there.uid == series.uid and there.series_id is None and there.invited == series.invited
    assert list_trainings(venue) == []
    name = meeting_details(venue, there.id).people[0].name
    on_the_day = dt.datetime.combine(series.date, dt.time(18, 5))
    assert check_in(venue, there.id, name, now=on_the_day).result == "checked_in"
    back = tmp_path / "back.zip"
    export_package(venue, there.id, back)
    import_package(office, read_package(back))
    assert meeting_details(office, series.id).row.attended == 1
