"""Edits made at the venue reach the office: people and organizations merge field by field against
the last exchange's values (a field changed on one side takes that side's value; changed on both is
a conflict, listed with both values, the office's kept until someone chooses); a uid that matches
a stranger is never mapped onto them; several laptops and several rounds agree."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app.db import Database, open_database
from desktop_app.errors import DataError, NotFoundError
from desktop_app.models import AuditEntry, Enrollment, Person
from desktop_app.services.demo import load_demo
from desktop_app.services.packages import export_package, read_package
from desktop_app.services.registry import get_person, update_organization, update_person
from desktop_app.services.search import search_people
from desktop_app.services.sync import (
    import_into_new_database,
    import_package,
    list_conflicts,
    resolve_conflict,
)
from tests.clocks import TEST_DAY
from tests.services.package_files import read_data, write_v2

HANY = "هاني إبراهيم"


@pytest.fixture
def office(db: Database) -> Database:
    """The office on the suite's database (PostgreSQL in CI); venue laptops are SQLite files."""
    load_demo(db, TEST_DAY)
    return db


def _send(source: Database, target: Database, path: Path) -> dict:
    export_package(source, 1, path)
    return import_package(target, read_package(path)).as_json()


def _laptop(office: Database, tmp_path: Path, name: str = "laptop") -> Database:
    package = tmp_path / f"to-{name}.zip"
    export_package(office, 1, package)
    import_into_new_database(tmp_path / f"{name}.sqlite", read_package(package), operator=name)
    return open_database(tmp_path / f"{name}.sqlite", operator=name)


def _id(db: Database, name: str = HANY) -> int:
    return search_people(db, name)[0].id


def test_a_phone_corrected_at_the_venue_reaches_the_office(office: Database, tmp_path: Path) -> None:
    from desktop_app.services.attendance import attendance_grid, check_in_walk_in
    from desktop_app.services.registry import PersonData

    laptop = _laptop(office, tmp_path)
    update_person(laptop, _id(laptop), phone="01011112222")
    day = attendance_grid(laptop, 1).sessions[0][0]
    check_in_walk_in(laptop, 1, day, PersonData("زائر من المكان", phone="01099990000"))
    result = _send(laptop, office, tmp_path / "back.zip")
    assert get_person(office, _id(office)).phone == "+201011112222"
    assert (result["people_updated"], result["fields_updated"], result["conflicts"]) == (1, 1, 0)
    assert result["updated"] >= 1 and result["added"] == 3  # the walk-in, their enrolment and mark
    assert search_people(office, "زائر من المكان")
    with office.session_scope() as session:  # the change is in the office's audit log, as a form's would be
        changes = [
            e.changes for e in session.scalars(select(AuditEntry).where(AuditEntry.action == "update"))
        ]
    assert {"phone": ["+201001234567", "+201011112222"]} in changes


def test_an_edit_on_both_sides_is_a_conflict_until_someone_chooses(office: Database, tmp_path: Path) -> None:
    laptop = _laptop(office, tmp_path)
    update_person(office, _id(office), email="hany@office.example.org", job_title="مدير برامج")
    update_person(laptop, _id(laptop), email="hany@venue.example.org", phone="01011112222")
    result = _send(laptop, office, tmp_path / "back.zip")
    hany = get_person(office, _id(office))
    assert hany.email == "hany@office.example.org"  # the office's value stays
    assert hany.phone == "+201011112222"  # changed at the venue only: taken
    assert hany.job_title == "مدير برامج"  # changed at the office only: kept
    assert result["conflicts"] == 1 and result["field_conflicts"][0]["field"] == "email"
    [conflict] = list_conflicts(office)
    assert (conflict.name, conflict.field) == (HANY, "email")
    assert (conflict.office_value, conflict.venue_value) == (
        "hany@office.example.org",
        "hany@venue.example.org",
    )
    # The same package again changes nothing and adds no second conflict.
    again = import_package(office, read_package(tmp_path / "back.zip"))
    assert again.conflicts == 0 and len(list_conflicts(office)) == 1
    resolve_conflict(office, conflict.id, "venue")
    assert get_person(office, _id(office)).email == "hany@venue.example.org"
    assert (
        list_conflicts(office) == []
        and list_conflicts(office, include_resolved=True)[0].resolution == "venue"
    )
    with pytest.raises(DataError, match="settled already"):
        resolve_conflict(office, conflict.id, "office")
    with pytest.raises(NotFoundError):
        resolve_conflict(office, 999, "office")


def test_keeping_the_office_value_is_not_asked_again(office: Database, tmp_path: Path) -> None:
    laptop = _laptop(office, tmp_path)
    update_person(office, _id(office), email="a@office.example.org")
    update_person(laptop, _id(laptop), email="b@venue.example.org")
    _send(laptop, office, tmp_path / "back1.zip")
    [conflict] = list_conflicts(office)
    resolve_conflict(office, conflict.id, "office")
    update_person(laptop, _id(laptop), job_title="متطوع")  # another edit, the email as it was
    result = _send(laptop, office, tmp_path / "back2.zip")
    assert result["conflicts"] == 0 and list_conflicts(office) == []
    hany = get_person(office, _id(office))
    assert (hany.email, hany.job_title) == ("a@office.example.org", "متطوع")


def test_two_laptops_and_a_second_round(office: Database, tmp_path: Path) -> None:
    """Laptop A corrects a phone, laptop B (same copy) does not: B's older phone never undoes A's.
    Then the office edits, sends a fresh copy to A, and A's next package neither reverts the office's
    edit nor calls it a conflict."""
    a, b = _laptop(office, tmp_path, "a"), _laptop(office, tmp_path, "b")
    update_person(a, _id(a), phone="01011112222")
    update_person(b, _id(b), job_title="منسق")
    _send(a, office, tmp_path / "a1.zip")
    result = _send(b, office, tmp_path / "b1.zip")
    hany = get_person(office, _id(office))
    assert (hany.phone, hany.job_title, result["conflicts"]) == ("+201011112222", "منسق", 0)
    update_person(office, _id(office), email="hany@office.example.org")
    refresh = _send(office, a, tmp_path / "refresh.zip")
    assert refresh["conflicts"] == 0
    assert get_person(a, _id(a)).email == "hany@office.example.org"
    update_person(office, _id(office), email="hany@new.example.org")  # after the refresh, at the office
    update_person(a, _id(a), latin_name="Hany M. Ibrahim")
    result = _send(a, office, tmp_path / "a2.zip")
    hany = get_person(office, _id(office))
    assert result["conflicts"] == 0, result["conflict_list"]
    assert (hany.email, hany.latin_name, hany.phone) == (
        "hany@new.example.org",
        "Hany M. Ibrahim",
        "+201011112222",
    )


def test_an_organization_edited_at_the_venue(office: Database, tmp_path: Path) -> None:
    laptop = _laptop(office, tmp_path)
    org_id = get_person(laptop, _id(laptop)).organization_id
    assert org_id is not None
    update_organization(laptop, org_id, phone="0223456789", website="www.example.org")
    result = _send(laptop, office, tmp_path / "back.zip")
    office_org = get_person(office, _id(office)).organization_id
    from desktop_app.services.registry import get_organization

    org = get_organization(office, office_org)  # type: ignore[arg-type]
    assert (org.phone, org.website) == ("+20223456789", "www.example.org")
    assert result["organizations_updated"] == 1


def test_a_uid_that_matches_a_stranger_is_kept_apart_as_a_conflict(office: Database, tmp_path: Path) -> None:
    package = tmp_path / "venue.zip"
    export_package(office, 1, package)
    manifest, data = read_data(package)
    row = next(r for r in data["people"] if r["full_name"] == HANY)
    row.update(full_name="سارة محمود الشريف", phone="+201099990000", phone2=None, national_id=None, email=None,
               latin_name=None)  # fmt: skip
    forged = write_v2(tmp_path / "forged.zip", manifest, data)
    result = import_package(office, read_package(forged))
    assert get_person(office, _id(office)).phone == "+201001234567"  # the office's person is untouched
    sara = search_people(office, "سارة محمود الشريف")
    assert len(sara) == 1 and sara[0].id != _id(office)
    [conflict] = list_conflicts(office)
    assert conflict.field == "identity" and conflict.name == HANY and conflict.held_id == sara[0].id
    assert "سارة محمود الشريف" in conflict.venue_text and HANY in conflict.office_text
    assert result.conflicts >= 1
    with office.session_scope() as session:  # the package's enrolment went to the record kept apart
        enrolled = set(session.scalars(select(Enrollment.person_id).where(Enrollment.training_id == 1)))
    assert sara[0].id in enrolled
    # The same uid in a later package goes to the same record kept apart, not to a third one.
    data["people"][data["people"].index(row)]["job_title"] = "باحثة"
    import_package(office, read_package(write_v2(tmp_path / "forged2.zip", manifest, data)))
    assert len(search_people(office, "سارة محمود الشريف")) == 1
    # Settled for the venue: the record kept apart is merged into the office's person.
    resolve_conflict(office, conflict.id, "venue")
    with office.session_scope() as session:
        assert session.get(Person, sara[0].id) is None
    assert get_person(office, _id(office, "سارة محمود الشريف")).phone == "+201099990000"


def test_a_refused_import_into_a_new_database_leaves_nothing(
    office: Database, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    package = tmp_path / "venue.zip"
    export_package(office, 1, package)
    checked = read_package(package)
    from desktop_app.services import sync

    def broken(*_args: object) -> None:
        raise DataError("disk full")

    monkeypatch.setattr(sync, "_merge_signatories", broken)
    target = tmp_path / "laptop.sqlite"
    with pytest.raises(DataError, match="disk full"):
        import_into_new_database(target, checked)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("laptop")) == []

