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


# ---------------------------------------------------------------- across scripts, phones' last digits


@pytest.fixture
def registry(db: Database) -> dict[str, int]:
    """An Arabic registry, one Latin-only person, and near misses of each other."""
    post = create_organization(db, OrganizationData("نقابة العاملين بالبريد"))
    beheira = create_organization(db, OrganizationData("جمعية تنمية المجتمع بالبحيرة"))
    data = {
        "ahmed": PersonData("أحمد محمد", phone="01001112233"),
        "hamed": PersonData("حامد محمد سعيد"),
        "hany": PersonData("هاني إبراهيم", organization_id=post),
        "abdallah": PersonData("عبد الله مصطفى علي"),
        "abdelrahman": PersonData("عبدالرحمن سعيد"),
        "mahmoud": PersonData("محمود خالد", organization_id=beheira),
        "mohamed": PersonData("محمد خالد عثمان"),
        "claire": PersonData("Mahmoud Khaled Hassan", phone="+33 6 12 34 56 78"),
    }
    return {key: create_person(db, value) for key, value in data.items()}


@pytest.mark.parametrize(
    ("query", "who"),
    [
        ("Ahmed Mohamed", "ahmed"),
        ("Mohamed Ahmed", "ahmed"),
        ("Ahmad Mohammed", "ahmed"),
        ("Hany Ibrahim", "hany"),
        ("Hani Ebrahim", "hany"),
        ("Abdallah", "abdallah"),
        ("Abdullah Mostafa", "abdallah"),
        ("Abd El-Rahman", "abdelrahman"),
        ("Abdelrahman Said", "abdelrahman"),
        ("Abdul Rahman", "abdelrahman"),
        ("Mahmoud Khaled", "mahmoud"),
        ("El-Sayed", None),
    ],
)
def test_a_latin_query_finds_arabic_names(
    db: Database, registry: dict[str, int], query: str, who: str | None
) -> None:
    found = search_people(db, query)
    if who is None:
        assert found == []
        return
    assert registry[who] in [h.id for h in found]
    assert next(h for h in found if h.id == registry[who]).match == "transliteration"


def test_near_misses_across_scripts_are_not_found(db: Database, registry: dict[str, int]) -> None:
    assert registry["ahmed"] not in ids(db, "Hamed Mohamed")  # أحمد is Ahmed, not Hamed
    assert registry["hamed"] not in ids(db, "Ahmed Mohamed")
    assert registry["mahmoud"] not in ids(db, "Mohamed Khaled")  # محمود is Mahmoud, not Mohamed
    assert registry["mohamed"] not in ids(db, "Mahmoud Khaled")


def test_an_arabic_query_finds_latin_only_names(db: Database, registry: dict[str, int]) -> None:
    assert ids(db, "محمود خالد") == [registry["mahmoud"], registry["claire"]]
    assert ids(db, "خالد حسن") == [registry["claire"]]


def test_the_last_digits_of_a_phone_find_it(db: Database, registry: dict[str, int]) -> None:
    assert ids(db, "2233") == [registry["ahmed"]]
    assert ids(db, "112233") == [registry["ahmed"]]
    assert ids(db, "56 78") == [registry["claire"]]  # a foreign number, by its last digits
    assert ids(db, "123") == []  # three digits are too few to mean a phone


def test_organization_words_match_without_attached_prepositions(db: Database, registry: dict[str, int]) -> None:
    assert ids(db, "البريد") == [registry["hany"]]
    assert ids(db, "البحيرة") == [registry["mahmoud"]]
    assert ids(db, "بحيره") == [registry["mahmoud"]]


def test_a_latin_name_added_by_a_merge_is_searchable(db: Database) -> None:
    from desktop_app.services.merging import merge_people

    arabic = create_person(db, PersonData("سلمى فؤاد", phone="01077777777"))
    latin = create_person(db, PersonData("Salma Fouad", latin_name="Selma Fuad", email="salma@example.org"))
    merge_people(db, arabic, latin, {"email"})  # her Latin names are not taken as fields
    assert ids(db, "Salma Fouad") == [arabic]
    assert ids(db, "Selma Fuad") == [arabic]
    assert ids(db, "Selm") == [arabic]  # every name she carries, by prefix as well


def test_the_organization_list_matches_words_the_same_way(db: Database, registry: dict[str, int]) -> None:
    from desktop_app.services.listing import OrganizationFilter, list_organizations

    assert [o.name_ar for o in list_organizations(db, OrganizationFilter(query="البريد"))] == ["نقابة العاملين بالبريد"]
    assert [o.name_ar for o in list_organizations(db, OrganizationFilter(query="المجتمع البحيرة"))] == [
        "جمعية تنمية المجتمع بالبحيرة"
    ]


def test_the_tables_the_search_reads_are_the_models_tables() -> None:
    """The search names the columns it reads without the ORM (so `tashbeek search` loads no model):
    each must be a column of the model's table, of the same kind."""
    from sqlalchemy import Boolean, Date, Integer, String

    from desktop_app.models import Base
    from desktop_app.services import search

    for light in (search._PERSON, search._TOKEN):
        model_table = Base.metadata.tables[light.name]
        for col in light.c:
            assert col.name in model_table.c, f"{light.name}.{col.name}"
            kind = next(k for k in (Boolean, Date, Integer, String) if isinstance(col.type, k))
            assert isinstance(model_table.c[col.name].type, kind), f"{light.name}.{col.name}"
