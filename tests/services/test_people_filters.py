"""People filters (services/listing.PersonFilter) and the exports of a filtered list: the question
the issue asks — "women under 25 from Giza who took part in training X" — answered, counted and
exported to .xlsx, .csv and a vCard contact list, each file read back."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select, update

from desktop_app.db import Database
from desktop_app.errors import ValidationError
from desktop_app.models import AttendanceStatus, Person, TrainingSession
from desktop_app.services import exporting, listing
from desktop_app.services.attendance import set_status
from desktop_app.services.listing import PersonFilter
from desktop_app.services.registry import (
    OrganizationData,
    PersonData,
    create_organization,
    create_person,
    set_person_archived,
)
from desktop_app.services.settings import save_age_band_bounds
from desktop_app.services.trainings import TrainingData, create_training, enroll, remove_session
from desktop_app.text.age_bands import AgeBands, age_on, birth_date_of
from tests.clocks import TEST_DAY

GIZA, CAIRO = "21", "01"
P, L, A = AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.ABSENT
UNDER_25 = ("under_18", "18_24")  # the default bands (18, 25, 35, 50) below 25
QUESTION = PersonFilter(gender="female", age_bands=UNDER_25, governorate=GIZA)

# key: (name, gender, birth date, governorate, archived, consent, marks at training X's two sessions
# (None: not enrolled), marks at training Y). Today is TEST_DAY, 29 November 2026.
PEOPLE: dict[
    str,
    tuple[
        str,
        str | None,
        str | None,
        str,
        bool,
        bool,
        list[AttendanceStatus] | None,
        list[AttendanceStatus] | None,
    ],
] = {
    "yes_23": ("منى، عادل; السيد", "female", "2003-05-01", GIZA, False, True, [P, A], None),
    "yes_nid": ("هدى سمير", "female", None, GIZA, False, False, [A, L], None),  # 22, from her national ID
    "yes_24": ("ريم فاروق", "female", "2001-11-30", GIZA, False, True, [P, P], [P]),  # 25 tomorrow
    "yes_17": ("سلمى نبيل", "female", "2009-06-01", GIZA, False, True, [P, P], None),  # under 18
    "is_25": ("نادية كمال", "female", "2001-11-29", GIZA, False, True, [P, P], None),  # 25 today
    "man": ("أحمد حسين", "male", "2003-05-01", GIZA, False, True, [P, P], None),
    "cairo": ("دعاء رشاد", "female", "2003-05-01", CAIRO, False, True, [P, P], None),
    "absent": ("إيمان طه", "female", "2003-05-01", GIZA, False, True, [A, A], None),
    "other": ("شيماء لطفي", "female", "2003-05-01", GIZA, False, True, None, [P]),
    "archived": ("هالة زكي", "female", "2003-05-01", GIZA, True, True, [P, P], None),
    "no_age": ("رحاب منصور", "female", None, GIZA, False, True, [P, P], None),
}
NID_22 = "30401012101246"  # born 1 January 2004 in Giza, a woman


@pytest.fixture
def scenario(db: Database) -> dict[str, int]:
    org = create_organization(
        db, OrganizationData("جمعية الجيزة, للتنمية", kind="association", governorate=GIZA)
    )
    union = create_organization(db, OrganizationData("نقابة", kind="union", governorate=CAIRO))
    ids: dict[str, int] = {}
    for n, (key, (name, gender, birth, gov, _archived, consent, _x, _y)) in enumerate(PEOPLE.items()):
        ids[key] = create_person(db, PersonData(
            name, gender=gender, birth_date=birth, governorate=gov, consent_share_contact=consent,
            organization_id=union if key == "man" else org, phone=f"0101234{n:04d}",
            email=f"p{n}@example.org" if key != "yes_24" else None,
            national_id=NID_22 if key == "yes_nid" else None,
            job_title="منسقة; مشروعات\\ الشباب" if key == "yes_23" else None,
        ))  # fmt: skip
    with db.session_scope() as tx:  # registered before national IDs filled in birth dates
        tx.execute(update(Person).where(Person.id == ids["yes_nid"]).values(birth_date=None))
    x = create_training(db, TrainingData("تدريب القيادة", dt.date(2026, 11, 1), dt.date(2026, 11, 2)))
    y = create_training(db, TrainingData("تدريب آخر", dt.date(2026, 10, 1), dt.date(2026, 10, 1)))
    with db.session_scope() as tx:
        sessions = {
            t: list(
                tx.scalars(
                    select(TrainingSession.id)
                    .where(TrainingSession.training_id == t)
                    .order_by(TrainingSession.date)
                )
            )
            for t in (x, y)
        }
    for key, (*_rest, x_marks, y_marks) in PEOPLE.items():
        for training, marks in ((x, x_marks), (y, y_marks)):
            if marks is None:
                continue
            [result] = enroll(db, training, [ids[key]])
            for sid, mark in zip(sessions[training], marks, strict=True):
                set_status(db, result.enrollment_id, sid, mark)
        if PEOPLE[key][4]:
            set_person_archived(db, ids[key])
    ids["X"], ids["Y"], ids["org"], ids["union"] = x, y, org, union
    ids["X_day1"] = sessions[x][0]
    return ids


def _names(db: Database, f: PersonFilter) -> set[str]:
    return {row.full_name for row in listing.list_people(db, f, limit=1000)}


def _expected(*keys: str) -> set[str]:
    return {PEOPLE[k][0] for k in keys}


def test_women_under_25_from_giza_who_took_part_in_training_x(db: Database, scenario: dict[str, int]) -> None:
    question = PersonFilter(gender="female", age_bands=UNDER_25, governorate=GIZA, training_id=scenario["X"])
    expected = _expected("yes_23", "yes_nid", "yes_24", "yes_17")
    assert _names(db, question) == expected
    assert listing.count_people(db, question) == 4
    query = listing.PeopleQuery(db, question)
    assert query.count() == 4
    assert [r.full_name for r in query.page(limit=2)] + [r.full_name for r in query.page(offset=2)] == sorted(
        expected, key=lambda n: [r.full_name for r in listing.list_people(db, question)].index(n)
    )
    # Archived people join only when asked for.
    assert _names(db, PersonFilter(**{**question.__dict__, "archived": True})) == expected | _expected(
        "archived"
    )


def test_each_filter_alone(db: Database, scenario: dict[str, int]) -> None:
    everyone = set(_expected(*PEOPLE)) - _expected("archived")
    assert _names(db, PersonFilter()) == everyone
    assert _names(db, PersonFilter(gender="male")) == _expected("man")
    assert _names(db, PersonFilter(governorate=CAIRO)) == _expected("cairo")
    assert _names(db, PersonFilter(organization_kind="union")) == _expected("man")
    assert _names(db, PersonFilter(organization_kind="youth")) == set()
    assert _names(db, PersonFilter(consented=False)) == _expected("yes_nid")
    assert _names(db, PersonFilter(consented=True)) == everyone - _expected("yes_nid")
    # Took part = present or late at a held session (statistics' "reached"); absent twice is not.
    took_part_x = everyone - _expected("absent", "other")
    assert _names(db, PersonFilter(training_id=scenario["X"])) == took_part_x
    assert _names(db, PersonFilter(training_id=scenario["Y"])) == _expected("yes_24", "other")
    assert _names(db, PersonFilter(age_bands=("unknown",))) == _expected("no_age")
    assert _names(db, PersonFilter(age_bands=("25_34",))) == _expected("is_25")
    assert _names(db, PersonFilter(age_bands=("under_18",))) == _expected("yes_17")
    assert _names(db, PersonFilter(age_bands=("18_24",), gender="female", governorate=GIZA)) == _expected(
        "yes_23", "yes_nid", "yes_24", "absent", "other"
    )


def test_a_cancelled_session_is_not_taking_part(db: Database, scenario: dict[str, int]) -> None:
    # "yes_23" was present only on day one; cancelling it leaves her absent at the only held one.
    assert remove_session(db, scenario["X_day1"]) == "cancelled"
    names = _names(db, PersonFilter(training_id=scenario["X"]))
    assert PEOPLE["yes_23"][0] not in names
    assert PEOPLE["yes_nid"][0] in names  # late on day two


def test_age_bands_follow_the_organization_setting(db: Database, scenario: dict[str, int]) -> None:
    save_age_band_bounds(db, (25, 35))
    assert listing.age_bands(db).keys == ("under_25", "25_34", "35_plus", "unknown")
    question = PersonFilter(
        gender="female", age_bands=("under_25",), governorate=GIZA, training_id=scenario["X"]
    )
    assert _names(db, question) == _expected("yes_23", "yes_nid", "yes_24", "yes_17")
    with pytest.raises(ValidationError) as error:
        listing.count_people(db, PersonFilter(age_bands=("18_24",)))
    assert "under_25" in str(error.value)


BIRTHS = ["2001-11-29", "2001-11-30", "2001-11-28", "2008-11-29", "2008-11-30", "1976-11-29", "1976-11-30",
          "2004-02-29", "1996-02-29", "1926-11-30", "1896-11-29", "1895-11-30", "2026-11-29", "2026-11-30",
          "1991-12-31", "2000-01-01"]  # fmt: skip


@pytest.mark.parametrize(
    ("birth", "source"),
    [(b, "birth_date") for b in BIRTHS]
    + [(b, "national_id") for b in BIRTHS if b >= "1900"],  # IDs hold 1900–2099
)
def test_the_age_band_filter_agrees_with_the_statistics_definition(
    db: Database, birth: str, source: str
) -> None:
    """The SQL age test and text.age_bands (age_on of birth_date_of) put a person in the same band,
    on the edges of every band, on 29 February, and from a national ID as well as a birth date."""
    day = dt.date.fromisoformat(birth)
    nid = None
    if source == "national_id":
        nid = f"{2 if day.year < 2000 else 3}{day:%y%m%d}2101234"
    person = create_person(db, PersonData("سعاد"))
    with db.session_scope() as tx:  # past the form's checks: old records hold such dates too
        tx.execute(
            update(Person).where(Person.id == person).values(birth_date=None if nid else day, national_id=nid)
        )
    bands = AgeBands()
    expected = bands.band(age_on(birth_date_of(None if nid else day, nid), TEST_DAY))
    found = [key for key in bands.keys if listing.count_people(db, PersonFilter(age_bands=(key,))) == 1]
    assert found == [expected]


def test_export_the_filtered_list(db: Database, scenario: dict[str, int], tmp_path: Path) -> None:
    question = PersonFilter(gender="female", age_bands=UNDER_25, governorate=GIZA, training_id=scenario["X"])
    expected = _expected("yes_23", "yes_nid", "yes_24", "yes_17")
    assert exporting.export_people(db, tmp_path / "w.xlsx", question) == 4
    sheet = openpyxl.load_workbook(tmp_path / "w.xlsx").active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "الاسم" and {r[0] for r in rows[1:]} == expected
    assert exporting.export_people(db, tmp_path / "w.csv", question) == 4
    with open(tmp_path / "w.csv", encoding="utf-8-sig", newline="") as f:
        assert {r[0] for r in list(csv.reader(f))[1:]} == expected
    # Without a filter, as before: everyone, archived too.
    assert exporting.export_people(db, tmp_path / "all.csv") == len(PEOPLE)


def _parse_vcards(data: bytes) -> list[dict[str, list[tuple[str, str]]]]:
    """A strict reading of RFC 2426 / 6350 text: CRLF only, every physical line at most 75 octets
    and valid UTF-8 on its own, folds unfolded, properties split at the first unescaped colon."""
    assert b"\n" not in data.replace(b"\r\n", b"") and b"\r" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")
    assert lines[-1] == b""
    logical: list[bytes] = []
    for line in lines[:-1]:
        assert len(line) <= 75, line
        line.decode("utf-8")  # a fold never cuts a character in two
        if line.startswith(b" "):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    cards: list[dict[str, list[tuple[str, str]]]] = []
    for raw in logical:
        text = raw.decode("utf-8")
        name, _sep, value = text.partition(":")
        prop, *params = name.split(";")
        if prop == "BEGIN":
            assert value == "VCARD"
            cards.append({})
            continue
        if prop == "END":
            continue
        cards[-1].setdefault(prop, []).append((";".join(params), value))
    return cards


def _components(value: str) -> list[str]:
    """A structured value (N, ORG) split at its unescaped semicolons."""
    parts, current, escaped = [], "", False
    for char in value:
        if char == ";" and not escaped:
            parts.append(current)
            current = ""
            continue
        current += char
        escaped = char == "\\" and not escaped
    return [*parts, current]


def _unescape(value: str) -> str:
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            nxt = next(chars)
            out.append("\n" if nxt in "nN" else nxt)
        else:
            assert char not in ",;", value  # unescaped separators only where the structure has them
            out.append(char)
    return "".join(out)


def test_contact_list_of_the_filtered_people(db: Database, scenario: dict[str, int], tmp_path: Path) -> None:
    question = PersonFilter(gender="female", age_bands=UNDER_25, governorate=GIZA, training_id=scenario["X"])
    result = exporting.export_contacts(db, tmp_path / "w.vcf", question)
    assert (result.written, result.no_consent, result.no_contact) == (3, 1, 0)
    assert "1 left out: no consent to share contacts." in result.summary()
    cards = _parse_vcards((tmp_path / "w.vcf").read_bytes())
    assert len(cards) == 3
    by_name = {_unescape(c["FN"][0][1]): c for c in cards}
    assert set(by_name) == _expected("yes_23", "yes_24", "yes_17")
    mona = by_name[PEOPLE["yes_23"][0]]
    assert mona["VERSION"] == [("", "3.0")]
    assert [_unescape(part) for part in _components(mona["N"][0][1])] == ["", "منى، عادل; السيد", "", "", ""]
    assert mona["TEL"] == [("TYPE=CELL", "+201012340000")]
    assert mona["EMAIL"] == [("TYPE=INTERNET", "p0@example.org")]
    assert _unescape(mona["ORG"][0][1]) == "جمعية الجيزة, للتنمية"
    assert _unescape(mona["TITLE"][0][1]) == "منسقة; مشروعات\\ الشباب"
    assert "EMAIL" not in by_name[PEOPLE["yes_24"][0]]
    # Replacing needs asking; a file of another type is refused before anything is written.
    with pytest.raises(ValidationError):
        exporting.export_contacts(db, tmp_path / "w.txt", question)
    assert not (tmp_path / "w.txt").exists()


def test_pages_read_by_walking_the_name_index_are_the_same(
    db: Database, scenario: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many matches are read in name order through the name index (NAME_ORDER_WALK): the same rows."""
    for f in (
        PersonFilter(),
        PersonFilter(gender="female", age_bands=UNDER_25),
        PersonFilter(consented=True),
    ):
        planned = listing.PeopleQuery(db, f)
        planned.count()
        expected = [r.id for r in planned.page(limit=3)] + [r.id for r in planned.page(offset=3)]
        monkeypatch.setattr(listing, "NAME_ORDER_WALK", 1)
        walked = listing.PeopleQuery(db, f)
        walked.count()
        assert [r.id for r in walked.page(limit=3)] + [r.id for r in walked.page(offset=3)] == expected
        monkeypatch.setattr(listing, "NAME_ORDER_WALK", 2000)


def test_the_lists_core_tables_match_the_models() -> None:
    """listing reads people, the pick lists and the age bands through table() stand-ins (so the
    window's start does without the ORM classes): each named column exists in the model's table
    with the same kind of type (an enum column is compared with its stored value)."""
    from sqlalchemy import JSON, Boolean, Date, Enum, Integer, String

    from desktop_app.models import Base

    for light in listing.STAND_INS:
        model_table = Base.metadata.tables[light.name]
        for col in light.c:
            assert col.name in model_table.c, f"{light.name}.{col.name}"
            model_type = model_table.c[col.name].type
            kind = next(k for k in (Boolean, Integer, Date, JSON, String) if isinstance(col.type, k))
            assert isinstance(model_type, kind), f"{light.name}.{col.name}"
            if isinstance(model_type, Enum):  # read as a string: the model must store the values
                assert model_type.enums == [m.value for m in model_type.enum_class], f"{light.name}.{col.name}"
