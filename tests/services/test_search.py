"""Person search: names typed any way, any word order, phones in any form, IDs, email, organization."""

from __future__ import annotations

import pytest

from desktop_app.db import Database
from desktop_app.services.registry import (
    OrganizationData,
    PersonData,
    create_organization,
    create_person,
    set_person_archived,
)
from desktop_app.services.search import search_people


@pytest.fixture
def people(db: Database) -> dict[str, int]:
    org = create_organization(db, OrganizationData("مركز المحروسة للتنمية", name_en="Mahrousa Center"))
    other = create_organization(db, OrganizationData("النقابة المستقلة للمعلمين"))
    data = {
        "hany": PersonData(
            "هاني إبراهيم", latin_name="Hany Ibrahim", phone="01001234567", organization_id=org
        ),
        "mohamed": PersonData("محمد أحمد إبراهيم", phone="01112345678", email="m.ahmed@example.org"),
        "mahmoud": PersonData("محمود عبد الفتاح السيد", national_id="29001011234567", organization_id=other),
        "fatma": PersonData("فاطمة الزهراء الشافعي", organization_id=org),
        "abdallah": PersonData("عبدالله مصطفى", phone="0223456789"),
        "mohamed2": PersonData("محمد", phone="01234567890"),
        "mohamed3": PersonData("محمدي سامح"),
    }
    return {key: create_person(db, value) for key, value in data.items()}


def ids(db: Database, query: str, limit: int = 50) -> list[int]:
    return [hit.id for hit in search_people(db, query, limit)]


@pytest.mark.parametrize(
    ("query", "who"),
    [
        ("هانى ابراهيم", "hany"),
        ("هاني إبراهيم", "hany"),
        ("ابراهيم هاني", "hany"),
        ("hany", "hany"),
        ("IBRAHIM han", "hany"),
        ("فاطمه", "fatma"),
        ("شافعي", "fatma"),
        ("الشافعي فاط", "fatma"),
        ("زهراء", "fatma"),
        ("عبد الف", "mahmoud"),
        ("عبدالف", "mahmoud"),
        ("فتاح", "mahmoud"),
        ("عبد الله", "abdallah"),
        ("عبدالله", "abdallah"),
        ("عبد ال مصط", "abdallah"),
    ],
)
def test_name_variants(db: Database, people: dict[str, int], query: str, who: str) -> None:
    assert people[who] in ids(db, query)


def test_words_in_any_order_as_prefixes(db: Database, people: dict[str, int]) -> None:
    assert ids(db, "ابراهيم محم") == [people["mohamed"]]


@pytest.mark.parametrize("phone", ["01001234567", "+20 100 123 4567", "00201001234567", "٠١٠٠١٢٣٤٥٦٧"])
def test_phone_in_any_form(db: Database, people: dict[str, int], phone: str) -> None:
    hits = search_people(db, phone)
    assert [h.id for h in hits] == [people["hany"]]
    assert hits[0].match == "phone"
    assert hits[0].phone == "+201001234567"


def test_partial_phone_and_landline(db: Database, people: dict[str, int]) -> None:
    assert ids(db, "0100 123") == [people["hany"]]
    assert ids(db, "02 2345 6789") == [people["abdallah"]]


def test_national_id_and_email(db: Database, people: dict[str, int]) -> None:
    assert ids(db, "29001011234567") == [people["mahmoud"]]
    assert ids(db, "M.Ahmed@example.org") == [people["mohamed"]]


def test_organization_hits_come_after_name_hits(db: Database, people: dict[str, int]) -> None:
    hits = search_people(db, "المحروسة")
    assert {h.id for h in hits} == {people["hany"], people["fatma"]}
    assert all(h.match == "organization" for h in hits)
    assert hits[0].organization == "مركز المحروسة للتنمية"


def test_exact_before_prefix(db: Database, people: dict[str, int]) -> None:
    hits = search_people(db, "محمد")
    order = [h.id for h in hits]
    assert order[0] == people["mohamed2"]  # the whole name equals the query
    assert hits[0].match == "name_exact"
    assert order.index(people["mohamed"]) < order.index(people["mohamed3"])  # محمد before محمدي
    assert people["mahmoud"] not in order


def test_limit_and_empty_queries(db: Database, people: dict[str, int]) -> None:
    assert len(ids(db, "م", limit=2)) == 2
    assert ids(db, "") == []
    assert ids(db, "   ") == []
    assert ids(db, "لا أحد بهذا الاسم") == []
    assert ids(db, "%") == []
    assert ids(db, "_") == []


def test_archived_people_are_hidden_by_default(db: Database, people: dict[str, int]) -> None:
    set_person_archived(db, people["hany"])
    assert people["hany"] not in ids(db, "هاني")
    assert people["hany"] in [h.id for h in search_people(db, "هاني", archived=True)]


def test_hostile_query_text(db: Database, people: dict[str, int]) -> None:
    assert ids(db, "هاني'; DROP TABLE person; --") == []
    assert people["hany"] in ids(db, "\u202eهاني\u202c")
