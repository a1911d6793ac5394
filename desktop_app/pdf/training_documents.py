"""The printed pages of a training besides certificates and badges: sign-in sheet, attendance report
and participants' directory, as table documents.

Everything a reader sees on paper is decided here (titles, column headers and widths, marks, role
words, the "printed on" line, the digits chosen in Settings); `services/documents.py` gathers the
plain facts from the database and hands them over.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.pdf.table import Column, Section, TableDocument
from desktop_app.text.arabic import sort_key
from desktop_app.text.dates import format_date, format_range, to_arabic_digits
from desktop_app.text.governorates import governorate_name
from desktop_app.text.isolate import clean_text, isolate, ltr
from desktop_app.text.phone import format_phone

# Role words as printed, masculine and feminine (a woman trainer is مدربة, never مدرب).
ROLE_LABELS = {
    "participant": ("مشارك", "مشاركة"),
    "trainer": ("مدرب", "مدربة"),
    "organizer": ("منظم", "منظمة"),
    "guest": ("ضيف", "ضيفة"),
}
MARKS = {"present": "ح", "late": "م", "excused": "ع", "absent": "غ"}
ATTENDED = ("present", "late")
SIGNATURE_BLOCK = ("اسم المسؤول: ____________________", "التوقيع: ____________________      التاريخ: ______________")


def role_label(role: str, gender: str | None) -> str:
    """The role word in the person's gender (masculine when the gender is not recorded)."""
    masculine, feminine = ROLE_LABELS.get(role, ("", ""))
    return feminine if gender == "female" else masculine


def cell(text: str | None) -> str:
    """A user's value for a cell: cleaned of controls (the table isolates every cell's text)."""
    return clean_text(text or "")


@dataclass(frozen=True)
class TrainingHeading:
    """What every page of a training's documents says at its head and foot."""

    title: str
    venue: str
    start: dt.date
    end: dt.date
    logos: tuple[bytes, ...]
    arabic_digits: bool
    group_names: tuple[str, ...]
    printed_on: dt.date

    def digits(self, text: str) -> str:
        """Numbers in the digits chosen in Settings (with the Arabic percent sign for Arabic-Indic)."""
        return to_arabic_digits(text).replace("%", "٪") if self.arabic_digits else text

    def group(self, number: int | None) -> str:
        if not number:
            return ""
        if number <= len(self.group_names) and self.group_names[number - 1]:
            return cell(self.group_names[number - 1])
        return self.digits(f"المجموعة {number}")

    @property
    def dates(self) -> str:
        return format_range(self.start, self.end, arabic_digits=self.arabic_digits)

    @property
    def footer(self) -> str:
        return "طُبع في " + format_date(self.printed_on, arabic_digits=self.arabic_digits)


@dataclass(frozen=True)
class SheetPerson:
    name: str
    organization: str | None
    working_group: int | None
    phone: str | None


def sign_in_sheet(
    heading: TrainingHeading, day: dt.date, people: Sequence[SheetPerson], *, blank_rows: int, with_phone: bool
) -> TableDocument:
    """One session's sheet: the people as given (in Arabic alphabetical order), then blank rows."""
    rows: list[list[str] | Section] = []
    for n, person in enumerate(people, start=1):
        row = [heading.digits(str(n)), cell(person.name), cell(person.organization), heading.group(person.working_group)]
        if with_phone:
            row.append(format_phone(person.phone))
        rows.append([*row, ""])
    start = len(rows)
    for n in range(blank_rows):
        rows.append([heading.digits(str(start + n + 1)), "", "", "", *([""] if with_phone else []), ""])
    columns = [Column("#", 0.5, "center"), Column("الاسم", 3.2), Column("الجهة", 3.0), Column("المجموعة", 1.4)]
    if with_phone:
        columns.append(Column("الهاتف", 1.9, "left", ltr=True, wrap="never"))
    columns.append(Column("التوقيع", 2.2))
    when = format_date(day, arabic_digits=heading.arabic_digits, weekday=True)
    lines = (isolate(heading.title), " — ".join(x for x in (isolate(heading.venue), when) if x))
    return TableDocument(
        "كشف حضور", lines, tuple(columns), tuple(rows), heading.logos,
        min_row_height=24, footer_note=heading.footer, arabic_digits=heading.arabic_digits,
    )  # fmt: skip


@dataclass(frozen=True)
class ReportPerson:
    name: str
    organization: str | None
    role: str
    gender: str | None
    marks: tuple[str, ...]  # one status per session, in the sessions' order
    share: float
    eligible: bool


def attendance_report(
    heading: TrainingHeading, session_days: Sequence[dt.date], people: Sequence[ReportPerson], min_share: float
) -> TableDocument:
    """People × sessions with marks, attended count, share and eligibility, totals and a signature block."""
    columns = [Column("#", 0.45, "center"), Column("الاسم", 2.6), Column("الجهة", 2.2)]
    columns += [Column(heading.digits(f"{day.day}/{day.month}"), 0.65, "center") for day in session_days]
    columns += [Column("الحضور", 0.8, "center"), Column("النسبة", 0.8, "center"), Column("مستحق", 0.8, "center")]
    rows: list[list[str] | Section] = []
    for n, person in enumerate(people, start=1):
        attended = sum(1 for mark in person.marks if mark in ATTENDED)
        participant = person.role == "participant"
        eligible = ("نعم" if person.eligible else "لا") if participant else "—"
        role = "" if participant else role_label(person.role, person.gender)
        # The name isolated inside the cell: the cell then reads in the role's direction.
        name = isolate(cell(person.name)) + f" ({role})" if role else cell(person.name)
        rows.append(
            [heading.digits(str(n)), name, cell(person.organization)]
            + [MARKS[mark] for mark in person.marks]
            + [heading.digits(f"{attended}/{len(session_days)}"), heading.digits(f"{round(person.share * 100)}%"),
               eligible]
        )  # fmt: skip
    present = [sum(1 for p in people if p.marks[s] in ATTENDED) for s in range(len(session_days))]
    eligible_count = sum(1 for p in people if p.eligible)
    rows.append(["", "المجموع", ""] + [heading.digits(str(n)) for n in present] + ["", "", heading.digits(str(eligible_count))])
    share_text = heading.digits(f"{round(min_share * 100)}%")
    lines = (
        isolate(heading.title),
        " — ".join(x for x in (isolate(heading.venue), heading.dates) if x),
        f"ح حاضر، م متأخر، ع غياب بعذر، غ غائب — الحد الأدنى للشهادة {share_text} من الجلسات",
    )
    return TableDocument(
        "تقرير الحضور", lines, tuple(columns), tuple(rows), heading.logos, landscape=True, size=9,
        footer_note=heading.footer, arabic_digits=heading.arabic_digits, closing=SIGNATURE_BLOCK,
    )  # fmt: skip


@dataclass(frozen=True)
class DirectoryPerson:
    name: str
    organization: str | None
    job_title: str | None
    governorate: str | None
    phone: str | None
    email: str | None


def directory(heading: TrainingHeading, people: Sequence[DirectoryPerson]) -> TableDocument:
    """The people who agreed to share their contact details, grouped by organization (Arabic order)."""
    by_org: dict[str, list[DirectoryPerson]] = {}
    for person in people:
        by_org.setdefault(cell(person.organization) or "بدون جهة", []).append(person)
    rows: list[list[str] | Section] = []
    for org_name in sorted(by_org, key=sort_key):
        rows.append(Section(org_name))
        for person in by_org[org_name]:
            rows.append([
                cell(person.name), cell(person.job_title), governorate_name(person.governorate),
                ltr(format_phone(person.phone)), cell(person.email),
            ])  # fmt: skip
    columns = (
        Column("الاسم", 2.6), Column("الصفة", 2.0), Column("المحافظة", 1.3),
        Column("الهاتف", 1.7, "left", ltr=True, wrap="never"),
        Column("البريد الإلكتروني", 2.6, "left", ltr=True, wrap="address"),
    )  # fmt: skip
    return TableDocument(
        "دليل المشاركين", (isolate(heading.title), "بيانات من وافقوا على مشاركتها فقط"), columns, tuple(rows),
        heading.logos, footer_note=heading.footer, arabic_digits=heading.arabic_digits,
    )  # fmt: skip
