"""The duplicate rule: strong (phone, national ID, email) and name-only likeness (name + organization)."""

from __future__ import annotations

from desktop_app.db import Database
from desktop_app.services.duplicates import find_similar_people
from desktop_app.services.registry import OrganizationData, PersonData, create_organization, create_person


def test_rules(db: Database) -> None:
    org = create_organization(db, OrganizationData("جمعية الأمل"))
    hany = create_person(db, PersonData("هاني إبراهيم", phone="01001234567", organization_id=org))
    sara = create_person(db, PersonData("سارة علي", national_id="29001011234567", email="sara@example.org"))

    by_phone = find_similar_people(db, PersonData("Hany I.", phone="+20 100 123 4567"))
    assert [(s.id, s.rules, s.strong) for s in by_phone] == [(hany, ("phone",), True)]

    by_second_phone = find_similar_people(db, PersonData("شخص", phone="01111111111", phone2="01001234567"))
    assert [s.id for s in by_second_phone] == [hany]

    by_name = find_similar_people(db, PersonData("هانى ابراهيم", organization_id=org))
    assert [(s.id, s.rules, s.strong) for s in by_name] == [(hany, ("name_organization",), False)]

    assert find_similar_people(db, PersonData("هانى ابراهيم")) == []  # other organization: not alike

    by_id = find_similar_people(db, PersonData("اسم آخر", national_id="29001011234567"))
    assert [(s.id, s.rules) for s in by_id] == [(sara, ("national_id",))]
    by_email = find_similar_people(db, PersonData("اسم آخر", email="SARA@example.org"))
    assert [s.id for s in by_email] == [sara]

    assert find_similar_people(db, PersonData("هاني إبراهيم", phone="01001234567"), exclude_id=hany) == []


def test_strong_matches_listed_first(db: Database) -> None:
    name_alike = create_person(db, PersonData("محمد علي"))
    phone_alike = create_person(db, PersonData("محمود سامي", phone="01012345678"))
    found = find_similar_people(db, PersonData("محمد على", phone="01012345678"))
    assert [s.id for s in found] == [phone_alike, name_alike]


def test_foreign_numbers_typed_differently_are_one_person(db: Database) -> None:
    claire = create_person(db, PersonData("Claire Martin", phone="+33 0612345678"))
    found = find_similar_people(db, PersonData("كلير مارتن", phone="+33 6 12 34 56 78"))
    assert [(s.id, s.rules) for s in found] == [(claire, ("phone", "transliteration"))]


def test_a_name_in_the_other_script_is_a_name_only_likeness(db: Database) -> None:
    org = create_organization(db, OrganizationData("شبكة الشباب"))
    other = create_organization(db, OrganizationData("اتحاد العمال"))
    ahmed = create_person(db, PersonData("أحمد محمد علي", organization_id=org))
    create_person(db, PersonData("حامد محمد علي", organization_id=org))
    found = find_similar_people(db, PersonData("Ahmed Mohamed", organization_id=org))
    assert [(s.id, s.rules, s.strong) for s in found] == [(ahmed, ("transliteration",), False)]
    assert find_similar_people(db, PersonData("Mohamed Ahmed", organization_id=org)) == []  # not in order
    assert find_similar_people(db, PersonData("Ahmed Mohamed", organization_id=other)) == []
    strong = find_similar_people(db, PersonData("Ahmed Mohamed Ali", phone="01011112222"))
    assert [s.id for s in strong] == [ahmed]  # no organization given: the name alone


def test_duplicate_pairs_across_scripts(db: Database) -> None:
    from desktop_app.services.merging import duplicate_pairs

    org = create_organization(db, OrganizationData("شبكة الشباب"))
    ahmed = create_person(db, PersonData("أحمد محمد علي", organization_id=org))
    latin = create_person(db, PersonData("Ahmed Mohamed Ali"))
    create_person(db, PersonData("Hamed Mohamed Ali"))  # a near miss: no pair
    pairs = [({p.first.id, p.second.id}, p.rules) for p in duplicate_pairs(db)]
    assert pairs == [({ahmed, latin}, ("transliteration",))]
