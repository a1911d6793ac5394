"""Importing people and organizations from spreadsheets: column mapping, row-by-row validation with
the forms' rules, duplicates within the file and against the registry, and an all-or-nothing write
with a report that names every problem by spreadsheet row and column.

Duplicate rules (the Foundation's, extended): a strong match is an equal phone, national ID or email;
a name-only likeness is the same normalised name and organization, or a near-miss spelling of the
name in the same organization (rapidfuzz, compared only within blocks that share the first letters
of the first name, so the cost stays near linear).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.errors import Cancelled, NotFoundError, ValidationError
from desktop_app.i18n import _
from desktop_app.models import (
    AuditEntry,
    Enrollment,
    Organization,
    Person,
    PersonNameToken,
    Training,
    new_uid,
    utcnow,
)
from desktop_app.services import audit
from desktop_app.services.registry import (
    MAX_TOKEN,
    OrganizationData,
    PersonData,
    add_organization,
    clean_organization,
    clean_person,
)
from desktop_app.services.tabular import Cell, Table, read_table, write_table
from desktop_app.services.trainings import add_enrollment
from desktop_app.text.arabic import fold_digits, fold_text, name_tokens, normalize_name
from desktop_app.text.governorates import GOVERNORATES

Progress = Callable[[int, int], bool]
MODES = ("auto", "merge", "skip", "create")
NEAR_MISS = 90  # rapidfuzz ratio for a near-miss spelling of the same name

PERSON_FIELDS = (
    "full_name", "first_name", "last_name", "latin_name", "organization", "governorate", "gender",
    "job_title", "phone", "phone2", "email", "national_id", "birth_date", "consent", "ignore",
)  # fmt: skip
ORGANIZATION_FIELDS = (
    "name_ar",
    "name_en",
    "kind",
    "governorate",
    "address",
    "phone",
    "email",
    "website",
    "notes",
    "ignore",
)

# Header words per field, tried in this order (an organization's "اسم الجهة" must not be taken for a
# person's name). Headers are compared after folding (hamza, ta marbuta, case, punctuation).
_PERSON_HEADERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("organization", ("الجهه", "المؤسسه", "المنظمه", "الجمعيه", "جهه العمل", "organization", "organisation", "institution", "association", "ngo", "union", "النقابه")),
    ("latin_name", ("بالانجليزي", "بالانجليزيه", "بالحروف اللاتينيه", "english name", "name in english", "latin")),
    ("first_name", ("الاسم الاول", "first name", "given name")),
    ("last_name", ("اسم العائله", "اللقب", "last name", "family name", "surname")),
    ("national_id", ("الرقم القومي", "الرقم الوطني", "رقم البطاقه", "national id", "id number", "nid")),
    ("email", ("البريد", "الايميل", "ايميل", "email", "e-mail", "mail")),
    ("phone", ("الموبايل", "المحمول", "واتساب", "الجوال", "mobile", "whatsapp", "cell")),
    ("phone2", ("الهاتف", "التليفون", "تليفون", "هاتف", "phone", "telephone", "tel")),
    ("governorate", ("المحافظه", "محافظه", "governorate", "province", "city")),
    ("gender", ("النوع", "الجنس", "gender", "sex")),
    ("job_title", ("الصفه", "الوظيفه", "المسمي الوظيفي", "المنصب", "job", "title", "position", "role")),
    ("birth_date", ("تاريخ الميلاد", "birth", "date of birth", "dob")),
    ("consent", ("موافق", "الموافقه", "مشاركه البيانات", "مشاركه بيانات", "consent", "share contact", "agree")),
    ("full_name", ("الاسم الثلاثي", "الاسم الرباعي", "الاسم الكامل", "الاسم بالكامل", "اسم المشارك", "الاسم", "full name", "name", "participant")),
)  # fmt: skip
_ORGANIZATION_HEADERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("name_en", ("بالانجليزي", "بالانجليزيه", "english", "latin")),
    ("kind", ("النوع", "نوع الجهه", "type", "kind")),
    ("governorate", ("المحافظه", "محافظه", "governorate", "province")),
    ("address", ("العنوان", "address")),
    ("email", ("البريد", "الايميل", "email", "e-mail")),
    ("website", ("الموقع", "website", "web", "url")),
    ("phone", ("الهاتف", "التليفون", "الموبايل", "phone", "mobile", "tel")),
    ("notes", ("ملاحظات", "notes", "comments")),
    ("name_ar", ("اسم الجهه", "اسم المؤسسه", "اسم المنظمه", "الاسم", "الجهه", "المؤسسه", "name", "organization", "organisation")),
)  # fmt: skip
_YES = {"نعم", "ايوه", "اه", "موافق", "موافقه", "yes", "y", "true", "1", "x", "✓"}
_NO = {"لا", "غير موافق", "no", "n", "false", "0"}
_MALE = {"ذكر", "رجل", "m", "male", "man"}
_FEMALE = {"انثي", "انثى", "امراه", "سيده", "f", "female", "woman"}


def _fold_header(text: str) -> str:
    folded = fold_text(text).lower()
    return re.sub(r"[^\w\s]", " ", folded).strip()


def _header_matches(header: str, word: str) -> bool:
    return re.search(rf"(^|\s){re.escape(word)}($|\s)", header) is not None or (
        len(word) > 4 and word in header
    )


def auto_mapping(headers: list[str], kind: str = "people") -> dict[int, str]:
    """Column index → field, guessed from Arabic or English headers (form questions included)."""
    table = _PERSON_HEADERS if kind == "people" else _ORGANIZATION_HEADERS
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        folded = _fold_header(header)
        if not folded:
            continue
        for name, words in table:
            if name not in mapping.values() and any(_header_matches(folded, _fold_header(w)) for w in words):
                mapping[index] = name
                break
    if kind == "people" and "phone2" in mapping.values() and "phone" not in mapping.values():
        # A single phone column, mobile or not, is the person's main number.
        mapping[next(i for i, f in mapping.items() if f == "phone2")] = "phone"
    return mapping


def apply_overrides(
    headers: list[str], mapping: dict[int, str], overrides: Iterable[str], kind: str
) -> dict[int, str]:
    """`COLUMN=FIELD` overrides (COLUMN: the header text, a column letter or a 1-based number)."""
    allowed = PERSON_FIELDS if kind == "people" else ORGANIZATION_FIELDS
    result = dict(mapping)
    for text in overrides:
        column, sep, name = text.rpartition("=")
        column, name = column.strip(), name.strip()
        if not sep or name not in allowed:
            raise ValidationError(
                "map",
                _("Write --map COLUMN=FIELD with FIELD one of: {fields}.").format(fields=", ".join(allowed)),
            )
        index = _column_index(headers, column)
        for other, existing in list(result.items()):
            if existing == name and name != "ignore":
                del result[other]
        result[index] = name
    return {i: f for i, f in result.items() if f != "ignore"}


def _column_index(headers: list[str], column: str) -> int:
    for n, header in enumerate(headers):
        if header.strip() == column:
            return n
    if column.isdigit() and 1 <= int(column) <= len(headers):
        return int(column) - 1
    if column.isalpha() and column.isascii():
        n = 0
        for ch in column.upper():
            n = n * 26 + ord(ch) - 64
        if 1 <= n <= len(headers):
            return n - 1
    raise ValidationError("map", _("There is no column {column} in the file.").format(column=column))


# ---------------------------------------------------------------- value parsing


def _governorate_key(text: str) -> str:
    key = fold_text(text).replace(" ", "")
    key = key.removeprefix("محافظه")
    return key.removeprefix("ال")


_GOVERNORATE_INDEX = {
    **{_governorate_key(g.name_ar): g.code for g in GOVERNORATES},
    **{_governorate_key(g.name_en): g.code for g in GOVERNORATES},
}


def parse_governorate(value: Cell) -> str | None:
    if value is None:
        return None
    text = fold_digits(str(value)).strip()
    if text.isdigit():
        return text.zfill(2)
    code = _GOVERNORATE_INDEX.get(_governorate_key(text))
    if code is None:
        raise ValidationError("governorate", _("Unknown governorate: {value}.").format(value=value))
    return code


def _parse_gender(value: Cell) -> str | None:
    if value is None:
        return None
    text = fold_text(str(value)).lower()
    if text in _MALE:
        return "male"
    if text in _FEMALE:
        return "female"
    raise ValidationError("gender", _("Write the gender as ذكر or أنثى (male or female)."))


def _parse_consent(value: Cell) -> bool:
    if value is None:
        return False
    text = fold_text(str(value)).lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValidationError("consent", _("Write نعم or لا (yes or no)."))


def _text(value: Cell) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a phone or ID that Excel stored as a number
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip() or None


def _phone_text(value: Cell) -> str | None:
    text = _text(value)
    if text and text.isdigit() and len(text) == 10 and text.startswith("1"):
        text = "0" + text  # Excel dropped the leading zero of 010…
    return text


# ---------------------------------------------------------------- the report


@dataclass
class Problem:
    row: int
    column: str
    message: str

    def as_json(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass
class PossibleDuplicate:
    row: int
    name: str
    existing_id: int | None  # a registry person, or None for another row of the file
    existing_name: str
    existing_row: int | None
    rule: str  # name_organization or near_miss

    def as_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class ImportReport:
    kind: str
    mapping: dict[str, str]  # header → field
    ignored_columns: list[str]
    created: int = 0
    merged: int = 0
    skipped: int = 0
    enrolled: int = 0
    possible_duplicates: list[PossibleDuplicate] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    written: bool = False
    rejected_rows: list[tuple[int, list[Cell], str]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "created": self.created, "merged": self.merged, "skipped": self.skipped, "enrolled": self.enrolled,
            "possible_duplicates": [d.as_json() for d in self.possible_duplicates],
            "problems": [p.as_json() for p in self.problems], "warnings": [w.as_json() for w in self.warnings],
            "mapping": self.mapping, "ignored_columns": self.ignored_columns, "written": self.written,
        }  # fmt: skip


@dataclass
class _Row:
    number: int  # spreadsheet row (header = 1)
    cells: list[Cell]
    data: PersonData | OrganizationData
    values: dict[str, Any]
    organization: str | None = None  # the organization's name as written in the file
    org_key: str | None = None
    match_id: int | None = None  # registry person to merge into
    same_as: _Row | None = None  # an earlier row of the file, same person (strong match)
    action: str = "create"


# ---------------------------------------------------------------- import


def import_file(
    db: Database,
    path: Path,
    *,
    kind: str = "people",
    training_id: int | None = None,
    dry_run: bool = False,
    skip_invalid: bool = False,
    on_duplicate: str = "auto",
    overrides: Iterable[str] = (),
    mapping: dict[int, str] | None = None,
    decisions: dict[int, str] | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Read, check and (unless refused or a dry run) write a people or organizations file.

    `decisions` (spreadsheet row → merge/skip/create) settle name-only likenesses one by one, as the
    wizard does; the file is written only when no row has a problem, or with `skip_invalid`."""
    if on_duplicate not in MODES:
        raise ValidationError("on_duplicate", _("Choose one of: {modes}.").format(modes=", ".join(MODES)))
    table = read_table(path)
    columns = mapping if mapping is not None else auto_mapping(table.headers, kind)
    columns = apply_overrides(table.headers, columns, overrides, kind)
    report = ImportReport(
        kind,
        {table.headers[i] or f"#{i + 1}": f for i, f in sorted(columns.items())},
        [h or f"#{i + 1}" for i, h in enumerate(table.headers) if i not in columns],
    )
    required = "full_name" if kind == "people" else "name_ar"
    if required not in columns.values() and not (kind == "people" and "first_name" in columns.values()):
        raise ValidationError(
            "mapping", _("No column holds the name: map one with --map COLUMN=full_name (or name_ar).")
        )
    header_of = {f: table.headers[i] or f"#{i + 1}" for i, f in columns.items()}
    rows = _parse_rows(table, columns, header_of, kind, report)
    total = len(table.rows)
    with db.session_scope() as session:
        if training_id is not None and session.get(Training, training_id) is None:
            raise NotFoundError(_("No training with number {id}.").format(id=training_id))
        if kind == "people":
            _find_duplicates(session, rows, report, on_duplicate, decisions or {})
        refused = bool(report.problems) and not skip_invalid
        if refused:
            return report  # nothing written; the problems say what to fix
        if dry_run:
            _count_only(rows, report, kind)
            return report
        orgs: dict[str, int] = {}
        writer = _PeopleWriter(session, db)
        merge_ids = [r.match_id for r in rows if r.match_id is not None]
        for start in range(0, len(merge_ids), 500):  # load the people to merge into, in a few queries
            list(session.scalars(select(Person).where(Person.id.in_(merge_ids[start : start + 500]))))
        for n, row in enumerate(rows):
            _write_row(session, db, row, kind, orgs, writer, report)
            if progress is not None and n % 50 == 0 and not progress(n + 1, total):
                raise Cancelled()
        writer.flush()
        if training_id is not None:
            _enrol(session, db, rows, training_id, report)
        session.flush()
        report.written = True
    if progress is not None:
        progress(total, total)
    return report


def _parse_rows(
    table: Table, columns: dict[int, str], header_of: dict[str, str], kind: str, report: ImportReport
) -> list[_Row]:
    rows: list[_Row] = []
    for offset, cells in enumerate(table.rows):
        number = offset + 2
        values = {f: cells[i] for i, f in columns.items()}
        errors: list[Problem] = []

        def note(error: ValidationError, number: int = number, errors: list[Problem] = errors) -> None:
            column = header_of.get(error.field) or header_of.get(
                _FIELD_ALIASES.get(error.field, ""), error.field
            )
            errors.append(Problem(number, column, error.message))

        data: PersonData | OrganizationData | None = None
        org_name: str | None = None
        cleaned: dict[str, Any] = {}
        try:
            if kind == "people":
                person, org_name = _person_data(values, note)
                data = person
                cleaned = _clean_all(person, clean_person, note)
            else:
                organization = _organization_data(values, note)
                data = organization
                cleaned = _clean_all(organization, clean_organization, note)
        except ValidationError as error:
            note(error)
        if errors:
            report.problems.extend(errors)
            report.rejected_rows.append(
                (number, cells, "; ".join(f"{p.column}: {p.message}" for p in errors))
            )
            continue
        assert data is not None
        rows.append(_Row(number, cells, data, cleaned, org_name))
        if kind == "people":
            _warn(rows[-1], header_of, report)
    return rows


def _clean_all(
    data: Any, clean: Callable[[Any], dict[str, Any]], note: Callable[[ValidationError], None]
) -> dict[str, Any]:
    """Validate with the forms' rules, noting every bad field (not only the first): a field that
    fails is noted, emptied and the row checked again."""
    for _attempt in range(20):
        try:
            return clean(data)
        except ValidationError as error:
            note(error)
            if not hasattr(data, error.field) or getattr(data, error.field) in (None, "", False):
                return {}
            setattr(data, error.field, None if error.field not in ("full_name", "name_ar") else "")
    return {}


_FIELD_ALIASES = {
    "consent_share_contact": "consent",
    "organization_id": "organization",
}  # form field → column


def _person_data(
    values: dict[str, Cell], note: Callable[[ValidationError], None]
) -> tuple[PersonData, str | None]:
    name = _text(values.get("full_name"))
    if not name and (values.get("first_name") or values.get("last_name")):
        name = " ".join(t for t in (_text(values.get("first_name")), _text(values.get("last_name"))) if t)
    parsed: dict[str, Any] = {}
    for key, parser in (
        ("governorate", parse_governorate),
        ("gender", _parse_gender),
        ("consent", _parse_consent),
    ):
        try:
            parsed[key] = parser(values.get(key))
        except ValidationError as error:
            note(error)
    birth = values.get("birth_date")
    data = PersonData(
        full_name=name or "",
        latin_name=_text(values.get("latin_name")),
        gender=parsed.get("gender"),
        birth_date=birth.date()
        if isinstance(birth, dt.datetime)
        else (birth if isinstance(birth, dt.date) else _text(birth)),
        national_id=fold_digits(_text(values.get("national_id")) or "") or None,
        phone=_phone_text(values.get("phone")),
        phone2=_phone_text(values.get("phone2")),
        email=_text(values.get("email")),
        governorate=parsed.get("governorate"),
        job_title=_text(values.get("job_title")),
        consent_share_contact=bool(parsed.get("consent")),
    )
    return data, _text(values.get("organization"))


def _organization_data(values: dict[str, Cell], note: Callable[[ValidationError], None]) -> OrganizationData:
    governorate = None
    try:
        governorate = parse_governorate(values.get("governorate"))
    except ValidationError as error:
        note(error)
    return OrganizationData(
        name_ar=_text(values.get("name_ar")) or "",
        name_en=_text(values.get("name_en")),
        kind=_text(values.get("kind"))
        if _text(values.get("kind")) in {"ngo", "union", "youth", "academic", "government", "donor", "other"}
        else None,
        governorate=governorate,
        address=_text(values.get("address")),
        phone=_phone_text(values.get("phone")),
        email=_text(values.get("email")),
        website=_text(values.get("website")),
        notes=_text(values.get("notes")),
    )


def _warn(row: _Row, header_of: dict[str, str], report: ImportReport) -> None:
    values = row.values
    if not values.get("phone") and not values.get("email"):
        report.warnings.append(
            Problem(
                row.number,
                header_of.get("phone", "phone"),
                _("No phone number or email: this person cannot be reached."),
            )
        )
    if len(values["full_name"].split()) < 2:
        report.warnings.append(
            Problem(
                row.number,
                header_of.get("full_name", "full_name"),
                _("Only one name: is the full name there?"),
            )
        )


def _strong_keys(values: dict[str, Any]) -> list[tuple[str, str]]:
    keys = [("phone", p) for p in (values.get("phone"), values.get("phone2")) if p]
    if values.get("national_id"):
        keys.append(("national_id", values["national_id"]))
    if values.get("email"):
        keys.append(("email", values["email"]))
    return keys


def _find_duplicates(
    session: Session, rows: list[_Row], report: ImportReport, mode: str, decisions: dict[int, str]
) -> None:
    # Registry index: one query, then dictionary lookups (10,000 rows against 10,000 people).
    strong: dict[tuple[str, str], int] = {}
    by_name: dict[str, list[tuple[int, str, str, int | None]]] = defaultdict(list)
    org_keys: dict[int, str] = dict(session.execute(select(Organization.id, Organization.name_key)).all())
    for pid, name, key, org_id, phone, phone2, nid, email in session.execute(
        select(Person.id, Person.full_name, Person.name_key, Person.organization_id, Person.phone, Person.phone2,
               Person.national_id, Person.email)
    ):  # fmt: skip
        for k in _strong_keys({"phone": phone, "phone2": phone2, "national_id": nid, "email": email}):
            strong.setdefault(k, pid)
        by_name[_block(key)].append((pid, name, key, org_id))
    seen_strong: dict[tuple[str, str], _Row] = {}
    seen_names: dict[str, list[_Row]] = defaultdict(list)
    for row in rows:
        keys = _strong_keys(row.values)
        match = next((strong[k] for k in keys if k in strong), None)
        earlier = next((seen_strong[k] for k in keys if k in seen_strong), None)
        org_key = row.org_key = normalize_name(row.organization) if row.organization else None
        if match is not None:
            row.match_id = match
            row.action = {"skip": "skip", "create": "create"}.get(mode, "merge")
            if (
                row.action == "create"
                and row.values.get("national_id")
                and ("national_id", row.values["national_id"]) in strong
            ):
                row.action = "merge"  # a national ID belongs to one person: never a second record
        elif earlier is not None:
            row.same_as = earlier
            row.action = "skip" if mode == "skip" else "merge_row"
        else:
            likeness = _name_likeness(row, org_key, by_name, org_keys, seen_names)
            if likeness is not None:
                report.possible_duplicates.append(likeness)
                wanted = decisions.get(row.number) or {"merge": "merge", "skip": "skip"}.get(mode, "create")
                if wanted == "merge" and likeness.existing_id is not None:
                    row.match_id, row.action = likeness.existing_id, "merge"
                elif wanted == "merge" and likeness.existing_row is not None:
                    row.same_as = next(r for r in rows if r.number == likeness.existing_row)
                    row.action = "merge_row"
                else:
                    row.action = "skip" if wanted == "skip" else "create"
        for k in keys:
            seen_strong.setdefault(k, row)
        seen_names[_block(row.values["name_key"])].append(row)


def _block(name_key: str) -> str:
    first = name_key.split(" ")[0] if name_key else ""
    return first[:2]


def _name_likeness(
    row: _Row,
    org_key: str | None,
    by_name: dict[str, list[tuple[int, str, str, int | None]]],
    org_keys: dict[int, str],
    seen_names: dict[str, list[_Row]],
) -> PossibleDuplicate | None:
    key = row.values["name_key"]
    for pid, name, other_key, org_id in by_name.get(_block(key), ()):
        other_org = org_keys.get(org_id) if org_id else None
        if other_org != org_key:
            continue
        if other_key == key:
            return PossibleDuplicate(
                row.number, row.values["full_name"], pid, name, None, "name_organization"
            )
        if fuzz.ratio(other_key, key) >= NEAR_MISS:
            return PossibleDuplicate(row.number, row.values["full_name"], pid, name, None, "near_miss")
    for other in seen_names.get(_block(key), ()):
        if other.org_key != org_key:
            continue
        if other.values["name_key"] == key or fuzz.ratio(other.values["name_key"], key) >= NEAR_MISS:
            rule = "name_organization" if other.values["name_key"] == key else "near_miss"
            return PossibleDuplicate(
                row.number, row.values["full_name"], None, other.values["full_name"], other.number, rule
            )
    return None


def _count_only(rows: list[_Row], report: ImportReport, kind: str) -> None:
    for row in rows:
        if row.action == "skip":
            report.skipped += 1
        elif row.action in ("merge", "merge_row"):
            report.merged += 1
        else:
            report.created += 1


class _PeopleWriter:
    """New people in bulk: one INSERT … RETURNING per thousand rows, their search tokens and audit
    entries likewise (row by row through the ORM, 10,000 rows took 20 s)."""

    def __init__(self, session: Session, db: Database) -> None:
        self.session, self.db = session, db
        self.pending: list[tuple[_Row, dict[str, Any]]] = []

    def add(self, row: _Row, values: dict[str, Any]) -> None:
        self.pending.append((row, values))
        if len(self.pending) >= 1000:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        now = utcnow()
        params = [
            {**values, "uid": new_uid(), "created_at": now, "updated_at": now}
            for _row, values in self.pending
        ]
        ids = self.session.scalars(
            insert(Person).returning(Person.id, sort_by_parameter_order=True), params
        ).all()
        tokens: list[dict[str, Any]] = []
        entries: list[dict[str, Any]] = []
        for (row, values), person_id, p in zip(self.pending, ids, params, strict=True):
            row.match_id = person_id
            names = name_tokens(values["full_name"]) | name_tokens(values.get("latin_name"))
            tokens.extend({"token": t[:MAX_TOKEN], "person_id": person_id} for t in sorted(names))
            recorded = {k: v for k, v in values.items() if k != "name_key"}
            entries.append({
                "uid": new_uid(), "created_at": now, "updated_at": now, "at": now, "operator": self.db.operator or None,
                "machine": self.db.machine, "entity": "person", "entity_uid": p["uid"], "action": "create",
                "changes": audit.diff({}, recorded),
            })  # fmt: skip
        if tokens:
            self.session.execute(insert(PersonNameToken), tokens)
        self.session.execute(insert(AuditEntry), entries)
        self.pending = []


def _write_row(
    session: Session, db: Database, row: _Row, kind: str, orgs: dict[str, int], writer: _PeopleWriter,
    report: ImportReport,
) -> None:  # fmt: skip
    if kind == "organizations":
        assert isinstance(row.data, OrganizationData)
        key = row.values["name_key"]
        existing = orgs.get(key) or session.scalar(
            select(Organization.id).where(Organization.name_key == key)
        )
        if existing is not None:
            report.skipped += 1
            report.warnings.append(
                Problem(
                    row.number,
                    "name_ar",
                    _("Already in the registry or earlier in the file: not imported again."),
                )
            )
            orgs[key] = existing
            return
        orgs[key] = add_organization(session, db, row.data)
        report.created += 1
        return
    assert isinstance(row.data, PersonData)
    if row.action == "skip":
        report.skipped += 1
        return
    org_id = _organization_id(session, db, row.organization, orgs)
    row.data.organization_id = org_id
    if row.action == "merge_row" and row.same_as is not None:
        writer.flush()  # the earlier row may still be waiting for its id
        row.match_id = row.same_as.match_id
    if row.action in ("merge", "merge_row") and row.match_id is not None:
        _fill_empty(session, db, row.match_id, row.data)
        report.merged += 1
    else:
        writer.add(row, {**row.values, "organization_id": org_id})
        report.created += 1


def _enrol(session: Session, db: Database, rows: list[_Row], training_id: int, report: ImportReport) -> None:
    enrolled = set(session.scalars(select(Enrollment.person_id).where(Enrollment.training_id == training_id)))
    for row in rows:
        if row.action != "skip" and row.match_id is not None and row.match_id not in enrolled:
            add_enrollment(session, db, training_id, row.match_id)
            enrolled.add(row.match_id)
            report.enrolled += 1


def _organization_id(session: Session, db: Database, name: str | None, orgs: dict[str, int]) -> int | None:
    if not name:
        return None
    key = normalize_name(name)
    if key in orgs:
        return orgs[key]
    found = session.scalar(
        select(Organization.id).where(Organization.name_key == key).order_by(Organization.id)
    )
    orgs[key] = found if found is not None else add_organization(session, db, OrganizationData(name))
    return orgs[key]


def _fill_empty(session: Session, db: Database, person_id: int, data: PersonData) -> None:
    """Merge an imported row into a registry person: empty fields are filled, nothing is overwritten."""
    person = session.get(Person, person_id)
    assert person is not None
    values = clean_person(data)
    changes = {}
    for name in ("latin_name", "gender", "birth_date", "national_id", "phone", "phone2", "email", "governorate",
                 "organization_id", "job_title"):  # fmt: skip
        if getattr(person, name) in (None, "") and values.get(name) not in (None, ""):
            if name == "phone2" and values[name] == person.phone:
                continue
            if name == "national_id":
                taken = session.scalar(select(Person.id).where(Person.national_id == values[name]))
                if taken is not None and taken != person_id:
                    continue
            changes[name] = values[name]
    if values.get("consent_share_contact") and not person.consent_share_contact:
        changes["consent_share_contact"] = True
        changes["consent_date"] = values.get("consent_date")
    if changes:
        audit.apply(session, db, person, "person", changes)


def write_rejected_rows(path: Path, headers: list[str], report: ImportReport, *, replace: bool = False) -> None:
    """The refused rows with their reasons, to fix and import again."""
    rows = [[number, *cells, reason] for number, cells, reason in report.rejected_rows]
    write_table(path, [_("Row"), *headers, _("Problem")], rows, sheet_title=_("Rejected rows"), replace=replace)
