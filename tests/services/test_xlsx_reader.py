""".xlsx files are read with calamine for speed, and must give exactly the values openpyxl gave
(openpyxl writes our files and defined what every import has read): dates, whole numbers, phones
with their leading zeros, formula-like text, formulas' computed values, Arabic text, empty cells
and rows, error cells.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.cell import TYPE_STRING

from desktop_app.db import Database
from desktop_app.errors import ValidationError
from desktop_app.services import exporting
from desktop_app.services.registry import OrganizationData, PersonData, create_organization, create_person
from desktop_app.services.tabular import Table, read_table, read_xlsx_with_openpyxl, write_table


def _same_as_openpyxl(path: Path) -> Table:
    table = read_table(path)
    assert table == read_xlsx_with_openpyxl(path)
    # The values, types included (1 == 1.0 == True in Python, and a date equals no datetime).
    assert [[type(c) for c in row] for row in table.rows] == [
        [type(c) for c in row] for row in read_xlsx_with_openpyxl(path).rows
    ]
    return table


def _with_computed_values(path: Path, values: dict[str, str]) -> None:
    """Give formula cells the values Excel would have stored beside them (openpyxl writes none)."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    sheet = members["xl/worksheets/sheet1.xml"].decode()
    for cell, value in values.items():
        kind = "" if re.fullmatch(r"[\d.]+", value) else ' t="str"'  # a formula's text result
        sheet, count = re.subn(
            f'<c r="{cell}"([^>]*)>(<f>[^<]*</f>)<v ?/>',
            rf'<c r="{cell}"\g<1>{kind}>\g<2><v>{value}</v>',
            sheet,
        )
        assert count == 1, cell
    members["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_a_hand_typed_sheet_reads_as_openpyxl_read_it(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(
        [None, "الاسم", "الموبايل", "رقم قومي", "تاريخ الميلاد", "وقت", "المبلغ", "موافق", "ملاحظات", "حساب"]
    )
    sheet.append([None, "أحمد محمد إبراهيم", "01012345678", 29901011234567, dt.date(1990, 3, 12),
                  dt.time(7, 30), 2.5, True, "  بمسافات  ", "=1+1"])  # fmt: skip
    sheet.append([])  # an empty row in the middle
    sheet.append([None, "Mona Said", 1012345678, "29901011234567", dt.datetime(2024, 5, 1, 9, 15),
                  None, 150, False, "=HYPERLINK(\"x\")", "=B2&\"!\""])  # fmt: skip
    sheet.append(
        [None, "هاني", "+20 10 1234 5678", None, "12/03/1990", None, 1e20, None, "٠١٠١٢٣٤٥٦٧٨", None]
    )
    sheet["I4"].data_type = TYPE_STRING  # formula-like text kept as text, as our export writes it
    sheet.append([])
    sheet.append([])
    path = tmp_path / "hand.xlsx"
    book.save(path)
    _with_computed_values(path, {"J2": "2", "J4": "Mona Said!"})  # J2 is a number, J4 ("str") text
    sheet_xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    assert '<c r="J4" t="str"><f>' in sheet_xml

    table = _same_as_openpyxl(path)
    assert table.headers[1:3] == ["الاسم", "الموبايل"]
    first, second, third = table.rows
    assert first[1:8] == ["أحمد محمد إبراهيم", "01012345678", 29901011234567, dt.datetime(1990, 3, 12),
                          dt.time(7, 30), 2.5, True]  # fmt: skip
    assert first[8] == "بمسافات" and first[9] == 2
    assert (
        second[2] == 1012345678
        and second[3] == "29901011234567"
        and second[4] == dt.datetime(2024, 5, 1, 9, 15)
    )
    assert second[8] == '=HYPERLINK("x")'
    assert third[4] == "12/03/1990" and third[6] == 1e20 and third[8] == "٠١٠١٢٣٤٥٦٧٨" and third[9] is None


def test_a_formula_without_a_computed_value_is_empty(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["الاسم", "حساب"])
    book.active.append(["سارة", "=1+1"])
    path = tmp_path / "formula.xlsx"
    book.save(path)
    assert _same_as_openpyxl(path).rows == [["سارة", None]]


def test_our_own_people_export_reads_as_openpyxl_read_it(db: Database, tmp_path: Path) -> None:
    org = create_organization(db, OrganizationData("-جمعية الأمل", name_en="Hope"))
    create_person(db, PersonData(
        "=HYPERLINK(\"http://x\") منى", latin_name="Mona Said", gender="female", birth_date=dt.date(1990, 5, 4),
        national_id="29001011234567", phone="01012345678", phone2="+33 6 12 34 56 78", email="mona@example.org",
        governorate="21", organization_id=org, job_title="@منسقة", consent_share_contact=True,
    ))  # fmt: skip
    create_person(db, PersonData("هاني إبراهيم", job_title="'مدير", phone="+44 20 7946 0958"))
    path = tmp_path / "people.xlsx"
    assert exporting.export_people(db, path) == 2
    table = _same_as_openpyxl(path)
    cells = [c for row in table.rows for c in row]
    assert '=HYPERLINK("http://x") منى' in cells and "'مدير" in cells and "@منسقة" in cells
    assert dt.datetime(1990, 5, 4) in cells and "29001011234567" in cells


def test_a_kobo_export_with_a_label_row_and_wide_rows(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["start", "group_a/name", "group_a/phone", "group_b/consent", "_submission_time"],
        ["Start", "Full name", "Phone", "Consent", "Submitted"],
    ]
    rows += [[dt.datetime(2024, 1, n, 8), f"مشارك {n}", f"010{n:08d}", "yes", dt.datetime(2024, 1, n, 9)]
             for n in range(1, 12)]  # fmt: skip
    path = tmp_path / "kobo.xlsx"
    write_table(path, [str(h) for h in rows[0]], rows[1:])  # our writer: dates formatted, text as text
    table = _same_as_openpyxl(path)
    assert table.rows[1][2] == "01000000001" and table.rows[1][0] == dt.datetime(2024, 1, 1, 8)


def test_error_cells_read_as_their_text(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["الاسم", "حساب"])
    book.active.append(["سارة", "#N/A"])  # openpyxl stores it as an error cell
    book.active.append(["منى", "#DIV/0!"])
    path = tmp_path / "errors.xlsx"
    book.save(path)
    assert 't="e"' in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    assert _same_as_openpyxl(path).rows == [["سارة", "#N/A"], ["منى", "#DIV/0!"]]


def test_the_first_sheet_is_read_with_empty_leading_rows_and_columns(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active["C3"] = "الاسم"
    book.active["D3"] = "الموبايل"
    book.active["C5"] = "سارة"
    book.active["E5"] = "01012345678"  # a column without a header
    book.create_sheet("other").append(["not", "this"])
    path = tmp_path / "offset.xlsx"
    book.save(path)
    table = _same_as_openpyxl(path)
    assert table.headers == ["", "", "الاسم", "الموبايل", ""]
    assert table.rows == [[None, None, "سارة", None, "01012345678"]]


@pytest.mark.parametrize("content", [b"not a spreadsheet", b"PK\x03\x04broken", b""])
def test_a_file_that_is_not_a_workbook_is_refused_the_same_way(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_bytes(content)
    with pytest.raises(ValidationError) as new:
        read_table(path)
    with pytest.raises(ValidationError) as old:
        read_xlsx_with_openpyxl(path)
    assert new.value.field == old.value.field == "file" and new.value.message == old.value.message
