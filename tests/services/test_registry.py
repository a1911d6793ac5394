"""Registry service: validation, derived fields, audit entries, archive, and nothing half-written."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from desktop_app import clock
from desktop_app.db import Database
from desktop_app.errors import NotFoundError, ValidationError
from desktop_app.models import AuditEntry, Person, PersonNameToken
from desktop_app.services.registry import (
    OrganizationData,
    PersonData,
    create_organization,
    create_person,
    find_organization_by_name,
    get_organization,
    get_person,
    set_organization_archived,
    set_person_archived,
    update_organization,
    update_person,
)


def _count(db: Database, model: type) -> int:
    with db.session_scope() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_create_person_cleans_and_normalises(db: Database) -> None:
    org = create_organization(
        db, OrganizationData("جمعية المرأة الجديدة", kind="association", governorate="1")
    )
    pid = create_person(
        db,
        PersonData(
            full_name="  فاطمة\u200b   الزهراء  ",
            phone="0101 234 5678",
            email=" Fatma@Example.ORG ",
            organization_id=org,
            consent_share_contact=True,
        ),
    )
    person = get_person(db, pid)
    assert person.full_name == "فاطمة الزهراء"
    assert person.phone == "+201012345678"
    assert person.email == "fatma@example.org"
    assert person.organization_name == "جمعية المرأة الجديدة"
    assert person.consent_date == clock.today()
    assert get_organization(db, org).governorate == "01"
    with db.session_scope() as session:
        tokens = set(session.scalars(select(PersonNameToken.token).where(PersonNameToken.person_id == pid)))
    assert {"فاطمه", "الزهراء", "زهراء"} <= tokens


def test_national_id_fills_birth_date_gender_and_governorate(db: Database) -> None:
    pid = create_person(db, PersonData(full_name="سارة علي", national_id="29001011234567"))
    person = get_person(db, pid)
    assert (person.birth_date, person.gender, person.governorate) == (dt.date(1990, 1, 1), "female", "12")


def test_user_values_win_over_national_id(db: Database) -> None:
    pid = create_person(db, PersonData(full_name="سارة علي", national_id="29001011234567", governorate="01"))
    assert get_person(db, pid).governorate == "01"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (PersonData(full_name="   "), "full_name"),
        (PersonData(full_name="123"), "full_name"),
        (PersonData(full_name="أحمد", phone="12345"), "phone"),
        (PersonData(full_name="أحمد", phone2="abc"), "phone2"),
        (PersonData(full_name="أحمد", email="not-an-email"), "email"),
        (PersonData(full_name="أحمد", national_id="123"), "national_id"),
        (PersonData(full_name="أحمد", governorate="77"), "governorate"),
        (PersonData(full_name="أحمد", gender="x"), "gender"),
        (PersonData(full_name="أحمد", birth_date="2999-01-01"), "birth_date"),
        (PersonData(full_name="أحمد", birth_date="20/08/2014"), "birth_date"),
        (PersonData(full_name="أحمد", organization_id=999), "organization_id"),
        (PersonData(full_name="أ" * 301), "full_name"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(db: Database, data: PersonData, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        create_person(db, data)
    assert info.value.field == field
    assert info.value.message
    assert _count(db, Person) == 0
    assert _count(db, AuditEntry) == 0


def test_national_id_is_unique(db: Database) -> None:
    create_person(db, PersonData(full_name="سارة علي", national_id="29001011234567"))
    with pytest.raises(ValidationError) as info:
        create_person(db, PersonData(full_name="سارة محمد", national_id="29001011234567"))
    assert info.value.field == "national_id"
    assert _count(db, Person) == 1


def test_every_change_is_audited_with_old_and_new(db: Database) -> None:
    db.operator = "مريم"
    pid = create_person(db, PersonData(full_name="أحمد محمد", phone="01012345678"))
    update_person(db, pid, phone="01112345678", full_name="أحمد محمود")
    set_person_archived(db, pid)
    with db.session_scope() as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        summary = [(e.action, e.operator, e.changes) for e in entries]
    assert [s[0] for s in summary] == ["create", "update", "archive"]
    assert all(s[1] == "مريم" for s in summary)
    assert summary[1][2] == {
        "phone": ["+201012345678", "+201112345678"],
        "full_name": ["أحمد محمد", "أحمد محمود"],
    }
    assert summary[2][2] == {"archived": [False, True]}
    assert get_person(db, pid).archived


def test_update_with_bad_value_changes_nothing(db: Database) -> None:
    pid = create_person(db, PersonData(full_name="أحمد محمد", phone="01012345678"))
    with pytest.raises(ValidationError):
        update_person(db, pid, full_name="أحمد علي", phone="bad")
    person = get_person(db, pid)
    assert (person.full_name, person.phone) == ("أحمد محمد", "+201012345678")
    assert _count(db, AuditEntry) == 1


def test_update_renames_search_tokens(db: Database) -> None:
    pid = create_person(db, PersonData(full_name="أحمد محمد"))
    update_person(db, pid, full_name="كريم سامح", latin_name="Karim Sameh")
    with db.session_scope() as session:
        tokens = set(session.scalars(select(PersonNameToken.token).where(PersonNameToken.person_id == pid)))
    assert "احمد" not in tokens
    assert {"كريم", "سامح", "karim", "sameh"} <= tokens


def test_unchanged_update_writes_no_audit(db: Database) -> None:
    pid = create_person(db, PersonData(full_name="أحمد محمد"))
    update_person(db, pid, full_name="أحمد محمد")
    assert _count(db, AuditEntry) == 1


def test_unknown_records(db: Database) -> None:
    with pytest.raises(NotFoundError):
        get_person(db, 12345)
    with pytest.raises(NotFoundError):
        update_organization(db, 12345, name_ar="x")


def test_organization_update_archive_and_lookup(db: Database) -> None:
    org = create_organization(db, OrganizationData("مؤسسة حابي للحقوق البيئية", name_en="Habi Center"))
    update_organization(db, org, website="www.habi.example.org", phone="03 456 7890")
    with pytest.raises(ValidationError) as info:
        update_organization(db, org, website="not a site")
    assert info.value.field == "website"
    set_organization_archived(db, org)
    record = get_organization(db, org)
    assert record.archived and record.phone == "+2034567890"
    found = find_organization_by_name(db, "مؤسسه حابى للحقوق البيئيه")
    assert found is not None and found.id == org
    found_en = find_organization_by_name(db, "habi center")
    assert found_en is not None and found_en.id == org
    assert find_organization_by_name(db, "غير موجودة") is None
