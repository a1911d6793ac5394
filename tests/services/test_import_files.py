"""Imports of the files offices really get, shaped like the tools' own exports (an event-ticketing
attendee export, a CRM participant export, Google Forms responses, a KoboToolbox export with
group/field headers and a label row, hand-typed Arabic sheets with an English-name column): the
right mapping or a clear refusal. Also: organization names that break the rules are row problems,
our own CSV and .xlsx exports re-import exactly, merges fill every empty field, and an English list
finds the Arabic registry."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from desktop_app.db import Database
from desktop_app.models import Organization, Person, PersonAlias
from desktop_app.services import exporting
from desktop_app.services.importing import import_file
from desktop_app.services.registry import OrganizationData, PersonData, create_organization, create_person
from desktop_app.services.search import search_people

FIRST = ["Mohamed", "Sara", "Ahmed", "Mona", "Karim", "Heba", "Omar", "Dina", "Youssef", "Nour", "Tarek",
         "Yasmin", "Hossam", "Aya", "Mahmoud", "Salma", "Amr", "Rania", "Khaled", "Mariam"]  # fmt: skip
LAST = ["Hassan", "Ali", "Ibrahim", "Mostafa", "Adel", "Fathy", "Samir", "Nabil", "Gamal", "Saad", "Magdy",
        "Hosny", "Fouad", "Helmy", "Kamal", "Shawky", "Lotfy", "Ramzy", "Zaki", "Sabry"]  # fmt: skip
ARABIC = ["محمد حسن علي", "سارة علي محمود", "أحمد إبراهيم سعد", "منى مصطفى كامل", "كريم عادل فهمي",
          "هبة فتحي أحمد", "عمر سمير حسين", "دينا نبيل سالم", "يوسف جمال عبد الله", "نور سعد خليل",
          "طارق مجدي حسن", "ياسمين حسني علي", "حسام فؤاد محمود", "آية حلمي سيد", "محمود كمال عثمان",
          "سلمى شوقي حسن", "عمرو لطفي إبراهيم", "رانيا رمزي عادل", "خالد زكي منصور", "مريم صبري أحمد"]  # fmt: skip


def _phone(n: int) -> str:
    return f"010{n:08d}"


def _csv(path: Path, rows: list[list[object]], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows(rows)
    return path


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _people(db: Database) -> list[Person]:
    with db.session_scope() as session:
        people = list(session.scalars(select(Person).order_by(Person.id)))
        session.expunge_all()
        return people


def _fields(report: object) -> dict[str, str | None]:
    return {c.header: c.field for c in report.columns}  # type: ignore[attr-defined]


# ---------------------------------------------------------------- the shapes


def test_event_ticketing_attendee_export(db: Database, tmp_path: Path) -> None:
    headers = ["Order #", "Order Date", "First Name", "Last Name", "Email", "Quantity", "Ticket Type",
               "Attendee #", "Group", "Order Type", "Currency", "Total Paid", "Attendee Status", "Event Name",
               "Event ID", "Venue Name", "Company", "Job Title", "Cell Phone"]  # fmt: skip
    rows = [
        [1000 + n, f"2026-11-{n % 20 + 1:02d} 10:1{n % 10}", FIRST[n], LAST[n], f"{FIRST[n].lower()}{n}@example.org", 1,
         "General Admission" if n % 3 else "Speaker", 5000 + n, "", "Free Order", "EGP", 0,
         "Attending" if n % 4 else "Checked In", "Civic Space Forum 2026", 88213, "Cairo Conference Hall",
         f"Association {n % 7}", f"Officer {n}", _phone(n)]
        for n in range(20)
    ]  # fmt: skip
    report = import_file(db, _xlsx(tmp_path / "attendees.xlsx", [headers, *rows]))
    assert report.written and report.created == 20, report.as_json()
    names = {p.full_name for p in _people(db)}
    assert names == {
        f"{first} {last}" for first, last in zip(FIRST, LAST, strict=True)
    }  # not "Civic Space Forum 2026"
    assert "Event Name" not in report.mapping and "Attendee Status" not in report.mapping
    fields = _fields(report)
    assert {h: fields[h] for h in ("First Name", "Last Name", "Email", "Company", "Job Title", "Cell Phone")} == {
        "First Name": "first_name", "Last Name": "last_name", "Email": "email", "Company": "organization",
        "Job Title": "job_title", "Cell Phone": "phone",
    }  # fmt: skip
    for ignored in ("Event Name", "Attendee Status", "Order Date", "Ticket Type", "Venue Name"):
        assert fields[ignored] is None, ignored
    event = next(c for c in report.columns if c.header == "Event Name")
    assert event.guess == "full_name" and "Civic Space Forum 2026" in event.reason
    assert not any("Only one name" in w.message for w in report.warnings)


def test_crm_participant_export_status_and_event_columns_are_not_people(db: Database, tmp_path: Path) -> None:
    """The case that created 20 people named "Attended" or "Registered" with exit 0."""
    headers = ["Contact ID", "Participant Status", "Event Title", "Participant Role", "Fee Level", "Register Date",
               "First Name", "Last Name", "Email", "Phone", "Current Employer", "Job Title"]  # fmt: skip
    rows = [
        [300 + n, ("Registered", "Attended", "No-show")[n % 3], "Youth Leadership Workshop", "Attendee", "Free",
         f"2026-10-{n + 1:02d}", FIRST[n], LAST[n], f"p{n}@example.org", _phone(100 + n), f"NGO {n % 5}",
         ("Coordinator", "Trainer", "Volunteer", "Director", "Accountant")[n % 5] + f" {n}"]
        for n in range(20)
    ]  # fmt: skip
    report = import_file(db, _csv(tmp_path / "participants.csv", [headers, *rows]))
    assert report.written and report.created == 20
    people = _people(db)
    assert not {p.full_name for p in people} & {"Registered", "Attended", "No-show"}
    assert "Youth Leadership Workshop" not in {p.job_title for p in people}
    fields = _fields(report)
    assert fields["Participant Status"] is None and fields["Event Title"] is None
    assert fields["Participant Role"] is None
    assert (fields["First Name"], fields["Last Name"], fields["Job Title"]) == (
        "first_name",
        "last_name",
        "job_title",
    )
    assert fields["Current Employer"] == "organization"
    status = next(c for c in report.columns if c.header == "Participant Status")
    assert status.guess == "full_name" and "3" in status.reason and "Registered" in status.reason


def test_a_doubtful_name_column_is_refused_until_the_user_chooses(db: Database, tmp_path: Path) -> None:
    headers = ["Participant", "Contact", "Email"]
    rows = [
        [("Registered", "Attended")[n % 2], f"{FIRST[n]} {LAST[n]}", f"q{n}@example.org"] for n in range(12)
    ]
    path = _csv(tmp_path / "statuses.csv", [headers, *rows])
    report = import_file(db, path)
    assert not report.written and _people(db) == []
    assert report.refused()
    assert report.refusal is not None and report.refusal.header == "Participant"
    assert "Participant" in report.refusal_message() and "Registered" in report.refusal_message()
    assert report.as_json()["refusal"]["column"] == "Participant"
    settled = import_file(db, path, overrides=["Contact=full_name"])
    assert settled.written and settled.created == 12
    assert {p.full_name for p in _people(db)} == {f"{FIRST[n]} {LAST[n]}" for n in range(12)}


def test_google_forms_responses(db: Database, tmp_path: Path) -> None:
    headers = ["Timestamp", "Email Address", "الاسم بالكامل", "Full name in English", "رقم الموبايل (واتساب)",
               "الجهة التي تعمل بها", "المحافظة", "Gender / النوع",
               "هل توافق على مشاركة بيانات التواصل مع باقي المشاركين؟"]  # fmt: skip
    rows = [
        [f"11/{n + 1}/2026 10:15:{n:02d}", f"r{n}@example.org", ARABIC[n], f"{FIRST[n]} {LAST[n]}", _phone(200 + n),
         f"جمعية رقم {n % 4}", ("القاهرة", "الجيزة", "الإسكندرية")[n % 3], ("ذكر", "أنثى")[n % 2], ("نعم", "لا")[n % 2]]
        for n in range(15)
    ]  # fmt: skip
    report = import_file(db, _xlsx(tmp_path / "form.xlsx", [headers, *rows]))
    assert report.written and report.created == 15, report.as_json()
    first = _people(db)[0]
    assert (first.full_name, first.latin_name, first.birth_date) == (ARABIC[0], "Mohamed Hassan", None)
    assert _fields(report) == {
        "Timestamp": None, "Email Address": "email", "الاسم بالكامل": "full_name", "Full name in English": "latin_name",
        "رقم الموبايل (واتساب)": "phone", "الجهة التي تعمل بها": "organization", "المحافظة": "governorate",
        "Gender / النوع": "gender", "هل توافق على مشاركة بيانات التواصل مع باقي المشاركين؟": "consent",
    }  # fmt: skip


def test_kobotoolbox_export_with_group_headers_and_a_label_row(db: Database, tmp_path: Path) -> None:
    headers = ["start", "end", "today", "deviceid", "participant/full_name", "participant/name_en",
               "participant/phone_number", "participant/gender", "work/organisation", "work/gov",
               "consent/share_contact", "_id", "_uuid", "_submission_time", "_validation_status", "_index"]  # fmt: skip
    labels = ["start", "end", "today", "deviceid", "الاسم الثلاثي", "الاسم بالإنجليزية", "رقم الموبايل", "النوع",
              "اسم الجهة", "المحافظة", "هل توافق على مشاركة بيانات التواصل؟", "_id", "_uuid", "_submission_time",
              "_validation_status", "_index"]  # fmt: skip
    rows = [
        ["2026-11-20T09:00:00.000+02:00", "2026-11-20T09:05:00.000+02:00", "2026-11-20", "ee:12:ab", ARABIC[n],
         f"{FIRST[n]} {LAST[n]}", _phone(300 + n), ("male", "female")[n % 2], f"Youth Union {n % 6}",
         ("cairo", "giza", "alexandria")[n % 3], ("yes", "no")[n % 2], 9000 + n, f"uuid-{n}",
         "2026-11-20T07:06:00", "", n + 1]
        for n in range(12)
    ]  # fmt: skip
    rows[4][6] = "0101"  # a bad phone: its problem names spreadsheet row 7 (header, labels, then data)
    path = _csv(tmp_path / "kobo.csv", [headers, labels, *rows], delimiter=";")
    report = import_file(db, path)
    assert [(p.row, p.column) for p in report.problems] == [(7, "participant/phone_number")]
    fields = _fields(report)
    assert {h: fields[h] for h in headers[4:11]} == {
        "participant/full_name": "full_name", "participant/name_en": "latin_name",
        "participant/phone_number": "phone", "participant/gender": "gender", "work/organisation": "organization",
        "work/gov": "governorate", "consent/share_contact": "consent",
    }  # fmt: skip
    assert all(fields[h] is None for h in headers[:4] + headers[11:])
    done = import_file(db, path, skip_invalid=True)
    assert done.written and done.created == 11
    assert ARABIC[0] in {p.full_name for p in _people(db)}
    assert "الاسم الثلاثي" not in {p.full_name for p in _people(db)}  # the label row is not a person


@pytest.mark.parametrize("english_header", ["Name", "الاسم كما في جواز السفر", "ملاحظات"])
def test_hand_typed_sheet_with_an_english_name_column(
    db: Database, tmp_path: Path, english_header: str
) -> None:
    """Whatever its header says, Latin-letter names beside the Arabic names are the Latin name."""
    headers = ["م", "الاسم", english_header, "الوظيفة", "التليفون"]
    rows = [[n + 1, ARABIC[n], f"{FIRST[n]} {LAST[n]}", f"منسق {n}", _phone(400 + n)] for n in range(12)]
    report = import_file(db, _xlsx(tmp_path / "sheet.xlsx", [headers, *rows]))
    assert report.written and report.created == 12
    by_name = {p.full_name: p.latin_name for p in _people(db)}
    assert by_name[ARABIC[1]] == "Sara Ali"
    fields = _fields(report)
    assert (fields["الاسم"], fields[english_header], fields["م"]) == ("full_name", "latin_name", None)
    chosen = next(c for c in report.columns if c.header == english_header)
    assert chosen.source == "content" and chosen.reason


def test_latin_names_in_the_name_column_and_arabic_beside_them(db: Database, tmp_path: Path) -> None:
    headers = ["Name", "الاسم بالعربي", "Mobile"]
    rows = [[f"{FIRST[n]} {LAST[n]}", ARABIC[n], _phone(500 + n)] for n in range(12)]
    report = import_file(db, _csv(tmp_path / "swap.csv", [headers, *rows]))
    assert {(p.full_name, p.latin_name) for p in _people(db)} >= {(ARABIC[2], "Ahmed Ibrahim")}
    assert (report.mapping["Name"], report.mapping["الاسم بالعربي"]) == ("latin_name", "full_name")


# ---------------------------------------------------------------- organizations that break the rules


@pytest.mark.parametrize("bad", ["=1+1", "123", "ج" * 100_000])
def test_an_organization_name_that_breaks_the_rules_is_a_row_problem(
    db: Database, tmp_path: Path, bad: str
) -> None:
    rows = [
        ["الاسم", "الجهة", "الموبايل"],
        ["سعاد محمد", "جمعية الأمل", _phone(1)],
        ["كريم علي", bad, _phone(2)],
    ]
    path = _csv(tmp_path / "orgs.csv", rows)
    report = import_file(db, path)
    assert not report.written and [(p.row, p.column) for p in report.problems] == [(3, "الجهة")]
    assert report.as_json()["problems"][0]["row"] == 3
    done = import_file(db, path, skip_invalid=True)
    assert done.written and done.created == 1
    with db.session_scope() as session:
        assert list(session.scalars(select(Organization.name_ar))) == ["جمعية الأمل"]


# ---------------------------------------------------------------- our own exports round-trip


def _full_registry(db: Database) -> None:
    org = create_organization(db, OrganizationData("-جمعية الأمل", name_en="Hope"))
    create_person(db, PersonData(
        "=HYPERLINK(\"http://x\") منى", latin_name="Mona Said", gender="female", birth_date=dt.date(1990, 5, 4),
        national_id="29001011234567", phone="01012345678", phone2="+33 6 12 34 56 78", email="mona@example.org",
        governorate="21", organization_id=org, job_title="@منسقة", consent_share_contact=True,
    ))  # fmt: skip
    create_person(db, PersonData("هاني إبراهيم", job_title="'مدير", phone="+44 20 7946 0958"))
    create_person(db, PersonData("+سامي علي", latin_name="-Sami Ali", gender="male", governorate="01"))


_COMPARED = ("full_name", "latin_name", "gender", "birth_date", "national_id", "phone", "phone2", "email",
             "governorate", "job_title", "consent_share_contact")  # fmt: skip


def _snapshot(db: Database) -> list[tuple[object, ...]]:
    with db.session_scope() as session:
        rows = session.execute(
            select(Person, Organization.name_ar).outerjoin(
                Organization, Organization.id == Person.organization_id
            )
        ).all()
        return sorted(tuple(getattr(p, f) for f in _COMPARED) + (org,) for p, org in rows)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_our_exports_import_back_exactly(db: Database, tmp_path: Path, suffix: str) -> None:
    from desktop_app.db import open_database

    _full_registry(db)
    path = tmp_path / f"people{suffix}"
    assert exporting.export_people(db, path) == 3
    empty = open_database(tmp_path / "empty.sqlite", create=True)
    try:
        report = import_file(empty, path)
        assert report.written and report.created == 3 and report.problems == [], report.as_json()
        assert _snapshot(empty) == _snapshot(db)
    finally:
        empty.dispose()


# ---------------------------------------------------------------- merging and likenesses


def test_merge_fills_every_empty_field_the_row_has(db: Database, tmp_path: Path) -> None:
    pid = create_person(db, PersonData("سامح عادل", phone="01012345678", email="sameh@example.org"))
    rows = [["الاسم", "البريد", "الموبايل", "الوظيفة", "Name"],
            ["سامح عادل", "sameh@example.org", "01199998888", "منسق", "Sameh Adel"]]  # fmt: skip
    report = import_file(db, _csv(tmp_path / "m.csv", rows), on_duplicate="merge")
    assert report.merged == 1
    with db.session_scope() as session:
        sameh = session.get(Person, pid)
        assert sameh is not None
        assert (sameh.phone, sameh.phone2, sameh.job_title) == ("+201012345678", "+201199998888", "منسق")
        assert sameh.latin_name == "Sameh Adel"
    assert [h.id for h in search_people(db, "Sameh Adel")] == [pid]  # the Latin name it brought is searchable
    assert [h.id for h in search_people(db, "8888")] == [pid]  # and so is the new number


def test_create_still_lists_the_likenesses_it_created(db: Database, tmp_path: Path) -> None:
    pid = create_person(db, PersonData("سامح عادل", phone="01012345678"))
    rows = [["الاسم", "الموبايل"], ["سامح عادل محمد", "01012345678"], ["فاطمة علي", ""]]
    report = import_file(db, _csv(tmp_path / "c.csv", rows), on_duplicate="create")
    assert report.created == 2
    assert [(d.row, d.existing_id, d.rule) for d in report.possible_duplicates] == [(2, pid, "phone")]


def test_an_english_list_finds_the_arabic_registry(db: Database, tmp_path: Path) -> None:
    org = create_organization(db, OrganizationData("شبكة الشباب", name_en="Youth Network"))
    ahmed = create_person(db, PersonData("أحمد محمد علي", phone="01011112222", organization_id=org))
    hany = create_person(db, PersonData("هاني إبراهيم سعد", organization_id=org))
    create_person(db, PersonData("حامد محمد علي", organization_id=org))  # a near miss, not Ahmed
    rows = [["Name", "Mobile", "Organization"],
            ["Ahmed Mohamed Ali", "+20 10 1111 2222", "Youth Network"],  # strong: the phone agrees too
            ["Hany Ibrahim", "", "Youth Network"],  # a name-only likeness across scripts
            ["Hamed Mostafa", "", "Youth Network"]]  # fmt: skip
    report = import_file(db, _csv(tmp_path / "donors.csv", rows))
    assert (report.merged, report.created) == (1, 2)
    assert [(d.row, d.existing_id, d.rule) for d in report.possible_duplicates] == [
        (3, hany, "transliteration")
    ]
    with db.session_scope() as session:
        assert session.get(Person, ahmed).latin_name == "Ahmed Mohamed Ali"  # type: ignore[union-attr]
        assert session.scalar(select(func.count()).select_from(PersonAlias)) == 0


def test_a_new_spelling_merged_in_stays_searchable_but_another_name_on_a_shared_phone_does_not(
    db: Database, tmp_path: Path
) -> None:
    hany = create_person(db, PersonData("هاني إبراهيم", phone="01012345678"))
    rows = [["الاسم", "الموبايل"], ["هانى ابراهيم عبد الحليم", "01012345678"], ["منى علي", "01012345678"]]
    report = import_file(db, _csv(tmp_path / "a.csv", rows))
    assert report.merged == 2
    assert [h.id for h in search_people(db, "ابراهيم عبد الحليم")] == [hany]
    assert search_people(db, "منى علي") == []  # his family's phone does not make her name his
    with db.session_scope() as session:
        assert list(session.scalars(select(PersonAlias.full_name))) == ["هانى ابراهيم عبد الحليم"]
