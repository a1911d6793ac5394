"""Spreadsheet files in and out: .xlsx (read with calamine, written with openpyxl) and .csv,
whatever Excel on an Arabic Windows wrote.

Reading detects the CSV encoding (UTF-8 with or without BOM, UTF-16, Windows-1256) and delimiter
(comma, semicolon, tab). Writing makes right-to-left sheets with a bold frozen header, fitted
columns, real dates, and every text cell stored as text, never as a formula; CSV is UTF-8 with a BOM
(so Excel opens Arabic correctly) and a cell that a spreadsheet would run as a formula gets a leading
apostrophe, as OWASP advises — which reading strips again.
"""

from __future__ import annotations

import csv
import datetime as dt
import errno
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from desktop_app.errors import ValidationError, file_problem
from desktop_app.files import atomic_output
from desktop_app.i18n import _

Cell = str | int | float | dt.date | dt.datetime | None
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d[\d\s]*)([.,]\d+)?$")
MAX_ROWS = 200_000


@dataclass
class Table:
    headers: list[str]
    rows: list[list[Cell]]  # spreadsheet row n is rows[n - first_row]
    first_row: int = 2  # the spreadsheet row of rows[0] (3 when a label row follows the header)
    labels: list[str] | None = None  # a second header row of question labels (KoboToolbox), if any


def _not_a_spreadsheet(path: Path) -> ValidationError:
    return ValidationError(
        "file",
        _("{name} is not a spreadsheet Tashbeek can read: use an .xlsx or .csv file.").format(name=path.name),
    )


def read_table(path: Path) -> Table:
    """The first sheet of an .xlsx file, or a .csv file, as a header row and data rows."""
    if not path.is_file():  # missing, or a folder: say that, not "not a spreadsheet"
        raise file_problem(
            IsADirectoryError(errno.EISDIR, "is a folder", str(path)) if path.is_dir()
            else FileNotFoundError(errno.ENOENT, "no such file", str(path))
        )  # fmt: skip
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_csv(path)
    raise _not_a_spreadsheet(path)


def _read_xlsx(path: Path) -> Table:
    """The first worksheet, read with calamine (a Rust reader, several times faster than openpyxl)
    and given exactly the values openpyxl gives: openpyxl writes our files and defined what imports
    have always read. A file holding error cells (#N/A, #DIV/0!: calamine reads them as empty,
    openpyxl as their text) is read with openpyxl; they are rare."""
    from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum

    try:
        data = path.read_bytes()
    except OSError as error:
        raise file_problem(error, path) from None
    try:
        if _holds_error_cells(data):
            return read_xlsx_with_openpyxl(path)
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheet = next(s.name for s in book.sheets_metadata if s.typ == SheetTypeEnum.WorkSheet)
        rows = book.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    except (CalamineError, zipfile.BadZipFile, StopIteration):
        raise _not_a_spreadsheet(path) from None
    return _table([[_as_openpyxl_reads(cell) for cell in row] for row in rows], path)


def _holds_error_cells(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return any(
            b't="e"' in archive.read(name)
            for name in archive.namelist()
            if name.startswith("xl/worksheets/") and name.endswith(".xml")
        )


# openpyxl reads a number written without a fraction or exponent as an int; Excel writes integers
# that way up to 15 digits, and larger ones in exponent form.
_LARGEST_PLAIN_INTEGER = 10**15


def _as_openpyxl_reads(cell: object) -> Any:
    """A calamine cell value as openpyxl reads the same cell: an empty cell (or a formula without a
    computed value) None, a whole number an int, a date a datetime at midnight."""
    kind = type(cell)
    if kind is str:
        return cell if cell != "" else None
    if kind is float:
        number = cast(float, cell)
        return int(number) if number.is_integer() and abs(number) < _LARGEST_PLAIN_INTEGER else number
    if kind is dt.date:
        return dt.datetime.combine(cast(dt.date, cell), dt.time())
    return cell


def read_xlsx_with_openpyxl(path: Path) -> Table:
    """The first worksheet as openpyxl reads it (the values every .xlsx import is held to)."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except OSError as error:
        raise file_problem(error, path) from None
    except (zipfile.BadZipFile, KeyError, ValueError):
        raise _not_a_spreadsheet(path) from None
    try:
        sheet = book.worksheets[0]
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    return _table(rows, path)


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data and data.count(b"\x00") > len(data) // 4:  # UTF-16 without a BOM
        return data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1256")  # what Excel on an Arabic Windows saves as "CSV"


def _read_csv(path: Path) -> Table:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise file_problem(error, path) from None
    try:
        text = _decode(data)
    except UnicodeDecodeError:
        raise _not_a_spreadsheet(path) from None
    if "\x00" in text:
        raise _not_a_spreadsheet(path)
    rows = [[_unguard(cell) for cell in row] for row in csv.reader(io.StringIO(text), _dialect(text))]
    return _table(rows, path)


def _dialect(text: str) -> type[csv.Dialect]:
    """Excel's CSV dialect with the delimiter that splits the first lines most consistently.

    csv.Sniffer is not used: it also guesses the quote character, and the apostrophe our own
    export puts before formula-like text made it pick ' and merge rows into each other."""
    sample = text[:20_000].splitlines()[:20]

    def fit(delimiter: str) -> tuple[int, int]:
        widths = [len(row) for row in csv.reader(sample, delimiter=delimiter) if row]
        if not widths or widths[0] < 2:
            return (0, 0)
        return (sum(w == widths[0] for w in widths), widths[0])

    best = max(",;\t", key=fit)

    class Dialect(csv.excel):
        delimiter = best

    return Dialect


def _unguard(cell: str) -> str:
    """Strip the apostrophe our own export puts before formula-like text (and before text that
    itself starts with an apostrophe, so that one survives the round trip)."""
    if len(cell) > 1 and cell[0] == "'" and (cell[1] in _FORMULA_START or cell[1] == "'"):
        return cell[1:]
    return cell


def _table(rows: list[list[Any]], path: Path) -> Table:
    rows = [row for row in rows if any(_blank(cell) is not None for cell in row)]
    if not rows:
        raise ValidationError("file", _("{name} is empty.").format(name=path.name))
    if len(rows) > MAX_ROWS:
        raise ValidationError("file", _("{name} has more than {n} rows.").format(name=path.name, n=MAX_ROWS))
    headers = [str(_blank(h) or "").strip() for h in rows[0]]
    width = len(headers)
    data = [[_blank(cell) for cell in row[:width]] + [None] * (width - len(row)) for row in rows[1:]]
    return Table(headers, data)


def _blank(cell: Any) -> Cell:
    if cell is None:
        return None
    if isinstance(cell, str):
        cell = cell.strip()
        return cell or None
    return cell  # type: ignore[no-any-return]


# ---------------------------------------------------------------- writing


def guard_csv_cell(value: str) -> str:
    """A leading apostrophe for text a spreadsheet would run as a formula (not for numbers or
    phone numbers such as +20 10 …, which are plain data), and for text that starts with one."""
    if (value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.match(value)) or value.startswith("'"):
        return "'" + value
    return value


def write_table(
    path: Path, headers: Sequence[str], rows: Sequence[Sequence[Cell]], *, sheet_title: str = "",
    replace: bool = False,
) -> None:
    """Write .xlsx or .csv, chosen by the file's extension; written to a temporary file first."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ValidationError("file", _("Export to a file ending in .xlsx or .csv."))
    with atomic_output(path, replace=replace) as tmp:
        if suffix == ".xlsx":
            _write_xlsx(tmp, headers, rows, sheet_title)
        else:
            _write_csv(tmp, headers, rows)


def _csv_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return guard_csv_cell(value)
    return str(value)


def _write_csv(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow([guard_csv_cell(h) for h in headers])
        for row in rows:
            writer.writerow([_csv_text(v) for v in row])


def _write_xlsx(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Cell]], title: str) -> None:
    import openpyxl
    from openpyxl.cell.cell import TYPE_STRING
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = (re.sub(r"[\[\]:*?/\\]", " ", title) or "Tashbeek")[:31]
    sheet.sheet_view.rightToLeft = True
    widths = [len(h) for h in headers]
    for c, header in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=c, value=header)
        cell.data_type = TYPE_STRING
        cell.font = Font(bold=True)
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c)
            if isinstance(value, str):
                cell.value = value
                cell.data_type = TYPE_STRING  # "=1+1" stays text: never a formula
            else:
                cell.value = value
                if isinstance(value, dt.datetime):
                    cell.number_format = "yyyy-mm-dd hh:mm"
                elif isinstance(value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
            widths[c - 1] = max(widths[c - 1], len(_csv_text(value)))
    for c, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(c)].width = min(60, max(8, width + 2))
    sheet.freeze_panes = "A2"
    book.save(path)
