"""Import and export of people and organizations: encodings, delimiters, header mapping, spelling
variants of one person, problems by row and column with nothing written, formula-like text kept
as data, duplicates merged, and merging two registry records without losing history."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from desktop_app.db import Database
from desktop_app.errors import Cancelled, NotFoundError, ValidationError
from desktop_app.models import (
    Attendance,
    AttendanceStatus,
    AuditEntry,
    Certificate,
    Enrollment,
    Organization,
    Person,
    PersonAlias,
)
from desktop_app.services import exporting
from desktop_app.services.attendance import attendance_grid, set_status
from desktop_app.services.certificates import issue_certificates
from desktop_app.services.importing import auto_mapping, import_file, parse_governorate
from desktop_app.services.merging import duplicate_pairs, merge_people
from desktop_app.services.registry import PersonData, create_person
from desktop_app.services.search import search_people
from desktop_app.services.tabular import read_table
from desktop_app.services.trainings import TrainingData, add_session, create_training, enroll

FORM_HEADERS = ["الاسم الثلاثي", "رقم الموبايل (واتساب)", "اسم الجهة / المؤسسة", "المحافظة", "البريد الإلكتروني",
                "هل توافق على مشاركة بيانات التواصل؟", "سؤال لا نعرفه"]  # fmt: skip
ROWS = [
    ["فاطمة أحمد علي", "01012345678", "جمعية النور", "بور سعيد", "fatma@example.org", "نعم", "x"],
    ["هاني إبراهيم", "+20 11 2345 6789", "اتحاد الشباب", "محافظة الجيزة", "", "لا", ""],
]


def _csv(path: Path, rows: list[list[str]], encoding: str, delimiter: str = ",") -> Path:
    text = "\r\n".join(delimiter.join(row) for row in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


def _count(db: Database, model: type) -> int:
    with db.session_scope() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8", ","), ("utf-8-sig", ","), ("utf-16", "\t"), ("cp1256", ";"), ("utf-8", "\t")],
)
def test_csv_in_every_encoding_and_delimiter(
    db: Database, tmp_path: Path, encoding: str, delimiter: str
) -> None:
    path = _csv(tmp_path / "people.csv", [FORM_HEADERS, *ROWS], encoding, delimiter)
    table = read_table(path)
    assert table.headers == FORM_HEADERS and table.rows[0][0] == "فاطمة أحمد علي"
    report = import_file(db, path)
    assert (report.created, report.problems) == (2, [])
    assert report.mapping == {
        "الاسم الثلاثي": "full_name", "رقم الموبايل (واتساب)": "phone", "اسم الجهة / المؤسسة": "organization",
        "المحافظة": "governorate", "البريد الإلكتروني": "email", "هل توافق على مشاركة بيانات التواصل؟": "consent",
    }  # fmt: skip
    assert report.ignored_columns == ["سؤال لا نعرفه"]
    with db.session_scope() as session:
        fatma = session.scalars(select(Person).where(Person.full_name == "فاطمة أحمد علي")).one()
        assert (fatma.phone, fatma.governorate, fatma.consent_share_contact) == ("+201012345678", "03", True)
        assert (
            session.scalar(select(Organization.name_ar).where(Organization.id == fatma.organization_id))
            == "جمعية النور"
        )
    assert search_people(db, "فاطمه احمد")[0].name == "فاطمة أحمد علي"


def test_xlsx_with_english_headers_and_split_names(db: Database, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["First name", "Last name", "Mobile", "Organization", "Gender", "National ID", "Job title"])
    sheet.append(["Mona", "Said", 1098765432, "Youth Network", "F", "29001011234567", "Coordinator"])
    path = tmp_path / "people.xlsx"
    book.save(path)
    report = import_file(db, path)
    assert report.created == 1, report.problems
    with db.session_scope() as session:
        mona = session.scalars(select(Person)).one()
        # Excel had stored the phone as a number and dropped its leading zero.
        assert (mona.full_name, mona.phone, mona.gender.value, mona.job_title) == (
            "Mona Said",
            "+201098765432",
            "female",
            "Coordinator",
        )


def test_form_headers_are_mapped() -> None:
    assert auto_mapping(["الاسم الثلاثي", "رقم الموبايل (واتساب)", "اسم الجهة / المؤسسة"]) == {
        0: "full_name", 1: "phone", 2: "organization"}  # fmt: skip
    assert auto_mapping(["Name", "Phone", "Mobile", "E-mail"]) == {
        0: "full_name",
        1: "phone2",
        2: "phone",
        3: "email",
    }


def test_governorates_match_tolerantly() -> None:
    assert (
        parse_governorate("بورسعيد") == parse_governorate("بور سعيد") == parse_governorate("محافظة بورسعيد")
    )
    assert (
        parse_governorate("الاسكندريه") == parse_governorate("الإسكندرية") == parse_governorate("Alexandria")
    )
    with pytest.raises(ValidationError):
        parse_governorate("المريخ")


def test_spelling_variants_of_one_person_become_one(db: Database, tmp_path: Path) -> None:
    rows = [
        ["الاسم", "الموبايل", "الجهة"],
        ["أحمد مصطفى علي", "01012345678", "جمعية النور"],
        ["احمد  مصطفـى على", "+20 10 1234 5678", "جمعيه النور"],  # hamza, tatweel, ى/ي, spaces, ة/ه
        ["احمد مصطفي علي", "٠١٠١٢٣٤٥٦٧٨", "جمعية النور"],  # Arabic-Indic digits
        ["فاطمة حسن", "", "جمعية النور"],
        ["فاطمه حسن", "", "جمعية النور"],  # name-only likeness: listed, not merged (auto)
    ]
    report = import_file(db, _csv(tmp_path / "v.csv", rows, "utf-8"))
    assert (report.created, report.merged) == (3, 2), report.as_json()
    assert [(d.row, d.existing_row, d.rule) for d in report.possible_duplicates] == [
        (6, 5, "name_organization")
    ]
    assert _count(db, Organization) == 1
    again = import_file(db, _csv(tmp_path / "v.csv", rows, "utf-8"))  # the same file again
    assert again.merged == 3  # strong matches merge into the registry
    assert again.created == 2 and len(again.possible_duplicates) == 2  # likenesses: created and listed (auto)
    merged = import_file(db, _csv(tmp_path / "v.csv", rows, "utf-8"), on_duplicate="merge")
    assert merged.created == 0 and merged.merged == 5
    skipped = import_file(db, _csv(tmp_path / "v.csv", rows, "utf-8"), on_duplicate="skip")
    assert skipped.created == 0 and skipped.merged == 0 and skipped.skipped == 5
    assert _count(db, Person) == 5


def test_problems_by_row_and_column_and_nothing_written(db: Database, tmp_path: Path) -> None:
    rows = [
        ["الاسم", "الموبايل", "البريد"],
        ["سعاد محمد", "01012345678", "suad@example.org"],
        ["", "01112345678", ""],  # no name
        ["كريم علي", "0101", "karim@"],  # bad phone and bad email
    ]
    path = _csv(tmp_path / "bad.csv", rows, "utf-8")
    report = import_file(db, path)
    assert not report.written and _count(db, Person) == 0
    assert [(p.row, p.column) for p in report.problems] == [(3, "الاسم"), (4, "الموبايل"), (4, "البريد")]
    partial = import_file(db, path, skip_invalid=True)
    assert partial.written and partial.created == 1 and _count(db, Person) == 1


def test_not_a_spreadsheet(db: Database, tmp_path: Path) -> None:
    fake = tmp_path / "photo.xlsx"
    fake.write_bytes(b"\x89PNG\r\n\x1a\n not a workbook")
    with pytest.raises(ValidationError, match="not a spreadsheet"):
        import_file(db, fake)
    notes = tmp_path / "notes.docx"
    notes.write_bytes(b"PK\x03\x04 a word document")
    with pytest.raises(ValidationError, match="not a spreadsheet"):
        import_file(db, notes)
    with pytest.raises(NotFoundError, match="does not exist"):  # a missing file is missing, whatever its name
        import_file(db, tmp_path / "gone.xlsx")


def test_formula_like_text_round_trips_as_data(db: Database, tmp_path: Path) -> None:
    rows = [["الاسم", "الجهة", "الصفة"], ["منى سعيد", "-جمعية الأمل", '=HYPERLINK("http://x")']]
    import_file(db, _csv(tmp_path / "f.csv", rows, "utf-8"))
    out_csv, out_xlsx = tmp_path / "out.csv", tmp_path / "out.xlsx"
    exporting.export_people(db, out_csv)
    exporting.export_people(db, out_xlsx)
    raw = out_csv.read_text("utf-8-sig")
    assert "'=HYPERLINK" in raw and "'-جمعية الأمل" in raw
    sheet = openpyxl.load_workbook(out_xlsx).active
    assert sheet.sheet_view.rightToLeft and sheet.freeze_panes == "A2" and sheet["A1"].font.bold
    job = next(c for c in sheet[2] if str(c.value).startswith("=HYPERLINK"))
    assert job.data_type == "s"  # text, not a formula
    table = read_table(out_csv)  # our own import strips the apostrophe again
    assert '=HYPERLINK("http://x")' in table.rows[0] and "-جمعية الأمل" in table.rows[0]


def test_strong_match_fills_empty_fields_and_enrols(db: Database, tmp_path: Path) -> None:
    pid = create_person(db, PersonData("سامح عادل", phone="01012345678", job_title="منسق"))
    training = create_training(db, TrainingData("ورشة", dt.date(2026, 1, 1), dt.date(2026, 1, 1)))
    rows = [
        ["الاسم", "الموبايل", "البريد", "الصفة"],
        ["سامح عادل محمد", "01012345678", "sameh@example.org", "مدير"],
    ]
    report = import_file(db, _csv(tmp_path / "s.csv", rows, "utf-8"), training_id=training)
    assert (report.created, report.merged, report.enrolled) == (0, 1, 1)
    with db.session_scope() as session:
        sameh = session.get(Person, pid)
        assert (sameh.full_name, sameh.email, sameh.job_title) == ("سامح عادل", "sameh@example.org", "منسق")
        assert session.scalar(select(Enrollment.person_id).where(Enrollment.training_id == training)) == pid


def test_cancel_writes_nothing(db: Database, tmp_path: Path) -> None:
    rows = [["الاسم", "الموبايل"]] + [[f"شخص رقم {n}", f"0101234{n:04d}"] for n in range(120)]
    with pytest.raises(Cancelled):
        import_file(db, _csv(tmp_path / "many.csv", rows, "utf-8"), progress=lambda done, total: done < 60)
    assert _count(db, Person) == 0


def test_merge_keeps_every_enrolment_attendance_and_certificate(db: Database) -> None:
    a = create_person(db, PersonData("محمود حسن", phone="01011111111"))
    b = create_person(db, PersonData("محمود حسن", email="mahmoud@example.org", national_id="29001011234567"))
    t1 = create_training(db, TrainingData("الأولى", dt.date(2026, 1, 1), dt.date(2026, 1, 2)))
    t2 = create_training(db, TrainingData("الثانية", dt.date(2026, 2, 1), dt.date(2026, 2, 1)))
    enroll(db, t1, [a, b])
    enroll(db, t2, [b])
    grid = attendance_grid(db, t1)
    rows = {r.person_id: r for r in grid.rows}
    (s1, _d1), (s2, _d2) = grid.sessions
    set_status(db, rows[a].enrollment_id, s1, AttendanceStatus.LATE)
    set_status(db, rows[b].enrollment_id, s1, AttendanceStatus.PRESENT)
    set_status(db, rows[b].enrollment_id, s2, AttendanceStatus.PRESENT)
    issue_certificates(db, t1, [b])
    pairs = duplicate_pairs(db)
    assert any({p.first.id, p.second.id} == {a, b} and "name_organization" in p.rules for p in pairs)
    with db.session_scope() as session:
        b_uid = session.get(Person, b).uid  # type: ignore[union-attr]
    merge_people(db, a, b, {"email", "national_id"})
    with db.session_scope() as session:
        survivor = session.get(Person, a)
        assert survivor is not None and session.get(Person, b) is None
        assert (survivor.phone, survivor.email, survivor.national_id) == (
            "+201011111111",
            "mahmoud@example.org",
            "29001011234567",
        )
        enrollments = session.scalars(select(Enrollment).where(Enrollment.person_id == a)).all()
        assert sorted(e.training_id for e in enrollments) == sorted([t1, t2])
        kept = next(e for e in enrollments if e.training_id == t1)
        marks = {
            m.session_id: m.status
            for m in session.scalars(select(Attendance).where(Attendance.enrollment_id == kept.id))
        }
        assert marks == {s1: AttendanceStatus.PRESENT, s2: AttendanceStatus.PRESENT}  # the better mark won
        assert session.scalar(select(Certificate.enrollment_id)) == kept.id
        assert session.scalar(select(PersonAlias.person_id).where(PersonAlias.alias_uid == b_uid)) == a
        actions = set(
            session.scalars(select(AuditEntry.action).where(AuditEntry.action.in_(["merge", "merged_into"])))
        )
        assert actions == {"merge", "merged_into"}
    assert attendance_grid(db, t1).rows[0].eligible
    assert [p for p in duplicate_pairs(db) if {p.first.id, p.second.id} == {a, b}] == []


def test_exports(db: Database, tmp_path: Path) -> None:
    import_file(db, _csv(tmp_path / "p.csv", [FORM_HEADERS, *ROWS], "utf-8"))
    training = create_training(db, TrainingData("ورشة", dt.date(2026, 1, 1), dt.date(2026, 1, 1)))
    add_session(
        db,
        training,
        __import__("desktop_app.services.trainings", fromlist=["SessionData"]).SessionData(
            dt.date(2026, 1, 2)
        ),
    )
    with db.session_scope() as session:
        ids = session.scalars(select(Person.id)).all()
    enroll(db, training, ids)
    assert exporting.export_people(db, tmp_path / "people.xlsx") == 2
    assert exporting.export_organizations(db, tmp_path / "orgs.csv") == 2
    assert exporting.export_attendance(db, training, tmp_path / "att.xlsx") == 2
    sheet = openpyxl.load_workbook(tmp_path / "att.xlsx").active
    headers = [c.value for c in sheet[1]]
    assert headers[:2] == ["الاسم", "الجهة"] and "نسبة الحضور" in headers
    people = read_table(tmp_path / "people.xlsx")
    assert people.headers[0] == "الاسم" and people.rows[0][0] in ("فاطمة أحمد علي", "هاني إبراهيم")


def test_organizations_import(db: Database, tmp_path: Path) -> None:
    rows = [
        ["اسم الجهة", "الاسم بالإنجليزية", "المحافظة", "الموقع", "البريد"],
        ["+ جمعية الأمل", "Hope", "الاسكندريه", "www.hope.org", "info@hope.org"],
        ["جمعيه الامل", "", "", "", ""],  # the same organization written differently
        ["اتحاد الشباب", "Youth Union", "محافظة الجيزة", "", ""],
    ]
    report = import_file(db, _csv(tmp_path / "orgs.csv", rows, "utf-8"), kind="organizations")
    assert (report.created, report.skipped, report.problems) == (2, 1, [])
    with db.session_scope() as session:
        names = sorted(session.scalars(select(Organization.name_ar)))
        hope = session.scalars(select(Organization).where(Organization.name_en == "Hope")).one()
        assert (hope.governorate, hope.website) == ("02", "www.hope.org")
    assert names == ["+ جمعية الأمل", "اتحاد الشباب"]  # text starting with "+" is data, not refused
