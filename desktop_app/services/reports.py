"""The donor report written to a file: PDF (for the funder), .xlsx (a sheet per table, right to left
in Arabic, frozen headers, the counting rules first) or .csv (one long table for other tools), and
the people or organizations behind a figure as a list. One statistics document feeds them all.

Every file is written beside its place and renamed when complete (`files.atomic_output`), so a
cancelled or failed export never leaves half a report; an existing file is replaced only when asked.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop_app import clock, i18n
from desktop_app.db import Database
from desktop_app.errors import ValidationError
from desktop_app.files import atomic_output
from desktop_app.i18n import _
from desktop_app.models import Setting
from desktop_app.pdf.donor_report import ReportIdentity, write_donor_report
from desktop_app.pdf.report_tables import ReportTable, period_text, tables_from
from desktop_app.pdf.report_text import category_label, word
from desktop_app.progress import Progress
from desktop_app.services.settings import LOGO, get_setting
from desktop_app.services.statistics import (
    Figure,
    FigureOrganization,
    FigurePerson,
    Statistics,
    StatsFilter,
    figure_organizations,
    figure_people,
    statistics_in,
)
from desktop_app.services.tabular import Cell, guard_csv_cell, write_table

REPORT_SUFFIXES = (".pdf", ".xlsx", ".csv")


@dataclass(frozen=True)
class ReportWritten:
    path: Path
    kind: str  # pdf, xlsx, csv
    pages: int  # PDF pages, spreadsheet sheets, CSV rows
    statistics: Statistics


def report_kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in REPORT_SUFFIXES:
        raise ValidationError("file", _("The report is written to a file ending in .pdf, .xlsx or .csv."))
    return suffix[1:]


def write_report(
    db: Database, flt: StatsFilter, path: Path, *, language: str | None = None, replace: bool = False,
    progress: Progress | None = None, stats: Statistics | None = None,
) -> ReportWritten:  # fmt: skip
    """Count (unless `stats` is given) and write the donor report; the extension decides the format.
    The figures, the identity, the logo and the digits setting are read in one transaction."""
    kind = report_kind(path)
    language = language or i18n.language()
    with db.session_scope() as tx:
        stats = stats or statistics_in(tx, flt, clock.today())
        digits = get_setting(tx, "document_digits")
        name = get_setting(tx, "identity_name_en") if language == "en" else None
        name = name or get_setting(tx, "identity_name_ar")
        logo = tx.scalar(select(Setting.blob).where(Setting.key == LOGO))
    document = {**stats.as_json(), "rules": stats.rules_in(language)}
    arabic_digits = digits == "arabic"
    with atomic_output(path, replace=replace) as tmp:
        if kind == "pdf":
            identity = ReportIdentity(str(name or ""), logo)
            count = write_donor_report(tmp, document, identity, language, arabic_digits=arabic_digits,
                                       printed_on=clock.today(), progress=progress)  # fmt: skip
        elif kind == "xlsx":
            count = write_report_workbook(tmp, document, language)
        else:
            count = write_report_csv(tmp, document, language)
    return ReportWritten(path, kind, count, stats)


def _sheet_name(text: str, taken: set[str]) -> str:
    name = re.sub(r"[\[\]:*?/\\]", " ", text).strip()[:31] or "Sheet"
    base, n = name, 2
    while name in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name)
    return name


def write_report_workbook(path: Path, document: Mapping[str, Any], language: str) -> int:
    """One sheet per table; the first holds the period, the project, the filters and the counting
    rules above the key figures. Right to left in Arabic, header rows bold and frozen, rates as
    percentages, text always stored as text (never a formula). Returns the number of sheets."""
    import openpyxl
    from openpyxl.cell.cell import TYPE_STRING
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = openpyxl.Workbook()
    rtl = language == "ar"
    taken: set[str] = set()
    tables = tables_from(document, language)
    for n, table in enumerate(tables):
        sheet = book.active if n == 0 else book.create_sheet()
        sheet.title = _sheet_name(word("key_figures", language) if n == 0 else table.title, taken)
        sheet.sheet_view.rightToLeft = rtl
        row = 1
        if n == 0:
            for label, text in _preamble(document, language):
                sheet.cell(row=row, column=1, value=label).font = Font(bold=True)
                cell = sheet.cell(row=row, column=2, value=text)
                cell.data_type = TYPE_STRING
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                row += 1
            row += 1
        header_row = row
        for c, column in enumerate(table.columns, start=1):
            cell = sheet.cell(row=row, column=c, value=column.title)
            cell.data_type = TYPE_STRING
            cell.font = Font(bold=True)
        for r, values in enumerate(table.rows):
            row += 1
            for c, value in enumerate(values):
                kind = table.kind(r, c)
                cell = sheet.cell(row=row, column=c + 1)
                if kind == "date" and value:
                    cell.value = dt.date.fromisoformat(str(value))
                    cell.number_format = "yyyy-mm-dd"
                elif kind in ("text", "date"):
                    cell.value = "" if value is None else str(value)
                    cell.data_type = TYPE_STRING  # "=1+1" typed as a name stays text
                else:
                    cell.value = value
                    if kind == "rate":
                        cell.number_format = "0.0%"
                    elif kind == "hours":
                        cell.number_format = "0.0"
        for c, column in enumerate(table.columns, start=1):
            longest = max([len(column.title)] + [len(str(v[c - 1] or "")) for v in table.rows])
            sheet.column_dimensions[get_column_letter(c)].width = min(60, max(10, longest + 3))
        if n == 0:
            sheet.column_dimensions["B"].width = 90
        sheet.freeze_panes = f"A{header_row + 1}"
    book.save(path)
    return len(tables)


def _preamble(document: Mapping[str, Any], language: str) -> list[tuple[str, str]]:
    lines = [
        (word("report_title", language), ""),
        (word("period", language), period_text(document, language)),
    ]
    project = document.get("project")
    if project:
        parts = [str(project["name"])] + [str(project[k]) for k in ("donor", "code") if project.get(k)]
        lines.append((word("project", language), " — ".join(parts)))
    flt = document.get("filter", {})
    names = [str(t["title"]) for t in flt.get("training_names", [])]
    names += [str(o["name"]) for o in flt.get("co_organizer_names", [])]
    names += [category_label("governorate", g, language) for g in flt.get("governorates", [])]
    names += [category_label("organization_kind", k, language) for k in flt.get("organization_kinds", [])]
    if names:
        lines.append((word("filters", language), "، ".join(names) if language == "ar" else ", ".join(names)))
    lines.append((word("rules", language), str(document["rules"])))
    return lines


def write_report_csv(path: Path, document: Mapping[str, Any], language: str) -> int:
    """One long table (UTF-8 with a BOM, as Excel wants): table, category key, category, measure,
    value — every cell of every table, numbers as numbers (rates as shares from 0 to 1). The first
    rows state the period and the counting rules. Returns the number of data rows."""
    tables: list[ReportTable] = tables_from(document, language)
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(["table", "category_key", "category", "measure", "value"])
        period = document["period"]
        out.writerow(["period", "from", word("period", language), "from", period["from"] or ""])
        out.writerow(["period", "to", word("period", language), "to", period["to"] or ""])
        out.writerow(["rules", "", word("rules", language), "text", guard_csv_cell(str(document["rules"]))])
        for table in tables:
            for r, (key, values) in enumerate(zip(table.row_keys, table.rows, strict=True)):
                label = guard_csv_cell(str(values[0] or ""))
                for c, column in enumerate(table.columns[1:], start=1):
                    value = values[c]
                    kind = table.kind(r, c)
                    text = (
                        ""
                        if value is None
                        else (guard_csv_cell(str(value)) if kind in ("text", "date") else value)
                    )
                    out.writerow([table.key, key, label, column.key, text])
                    count += 1
    return count


# ---------------------------------------------------------------- the people behind a figure


def figure_rows(
    db: Database, flt: StatsFilter, figure: Figure, language: str | None = None
) -> tuple[list[str], list[list[Cell]], list[FigurePerson] | list[FigureOrganization]]:
    """The people (or organizations) behind a figure as headers and rows for a list or a file."""
    language = language or i18n.language()
    lang = language

    def w(key: str) -> str:
        return word(key, lang)

    if figure.population.startswith("organizations"):
        orgs = figure_organizations(db, flt, figure)
        headers = [w("name"), w("kind"), w("governorate"), w("people"), w("returning")]
        rows: list[list[Cell]] = [
            [o.name_en or o.name if language == "en" else o.name, category_label("organization_kind", o.kind, language),
             category_label("governorate", o.governorate, language), o.people, w("yes") if o.returning else w("no")]
            for o in orgs
        ]  # fmt: skip
        return headers, rows, orgs
    people = figure_people(db, flt, figure)
    headers = [w("name"), w("organization"), w("gender"), w("age_band"), w("governorate"), w("role"),
               w("trainings"), w("completed"), w("returning")]  # fmt: skip
    rows = [
        [p.name, p.organization, category_label("gender", p.gender, language),
         category_label("age_band", p.age_band, language), category_label("governorate", p.governorate, language),
         category_label("role", p.role, language), p.trainings, w("yes") if p.completed else w("no"),
         w("yes") if p.returning else w("no")]
        for p in people
    ]  # fmt: skip
    return headers, rows, people


def export_figure(
    db: Database,
    flt: StatsFilter,
    figure: Figure,
    path: Path,
    *,
    language: str | None = None,
    replace: bool = False,
) -> int:
    """Write the people or organizations behind a figure to .xlsx or .csv; returns the number of rows."""
    headers, rows, _items = figure_rows(db, flt, figure, language)
    write_table(path, headers, rows, sheet_title=word("people", language or i18n.language()), replace=replace)
    return len(rows)
