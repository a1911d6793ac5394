"""Importing people and organizations from spreadsheets: which field each column fills (by header
and by what it holds, see `columns`), row-by-row validation with the forms' rules, duplicates within
the file and against the registry, and an all-or-nothing write with a report that names every
problem by spreadsheet row and column.

Duplicate rules (the Foundation's, extended): a strong match is an equal phone, national ID or email;
a name-only likeness is the same normalised name and organization, a near-miss spelling of the name
in the same organization (rapidfuzz, compared only within the organization's people who share the
first letters of the first name), or the same name written in the other script ("Ahmed Mohamed Ali"
for أحمد محمد علي, see text.romanize), in the same organization when the row names one.

A row merged into a registry person fills every field that person has empty (a second phone
number too) and never overwrites; a name the person did not carry yet stays searchable as an alias.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from dataclasses import fields as dataclasses_fields
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from rapidfuzz import fuzz
from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.orm import Session

from desktop_app.db import Database, retrying, serialize_on
from desktop_app.errors import Cancelled, NotFoundError, ValidationError
from desktop_app.i18n import _
from desktop_app.models import (
    AuditEntry,
    Enrollment,
    Organization,
    Person,
    PersonAlias,
    Training,
    new_uid,
    utcnow,
)
from desktop_app.progress import Progress
from desktop_app.services import audit, validation
from desktop_app.services.columns import (
    FEMALE,
    MALE,
    NO,
    ORGANIZATION_FIELDS,
    PERSON_FIELDS,
    YES,
    ColumnChoice,
    ColumnMapping,
    auto_mapping,
    cell_text,
    detect_label_row,
    phone_text,
    propose_mapping,
    settled,
)
from desktop_app.services.registry import (
    OrganizationData,
    PersonData,
    add_organization,
    clean_organization,
    clean_person,
    insert_tokens,
    store_search_tokens_of,
)
from desktop_app.services.tabular import Cell, read_table, write_table
from desktop_app.services.tabular import Table as Sheet
from desktop_app.services.trainings import add_enrollment
from desktop_app.text.arabic import fold_digits, fold_text, normalize_name
from desktop_app.text.governorates import GOVERNORATES
from desktop_app.text.romanize import is_latin, matches, name_word_keys, query_alternatives, words_in_order
from desktop_app.text.tokens import person_tokens

__all__ = [
    "MODES", "NEAR_MISS", "ORGANIZATION_FIELDS", "PERSON_FIELDS", "ImportReport", "PossibleDuplicate", "Problem",
    "auto_mapping", "import_file", "parse_governorate", "parse_overrides", "read_for_import", "write_rejected_rows",
]  # fmt: skip

MODES = ("auto", "merge", "skip", "create")
NEAR_MISS = 90  # rapidfuzz ratio for a near-miss spelling of the same name
_ARABIC = re.compile(r"[\u0621-\u064a]")
# The tables written with Core inserts in bulk (rows that are plain dictionaries already).
_PERSON = cast(Table, Person.__table__)
_AUDIT = cast(Table, AuditEntry.__table__)
_ALIAS = cast(Table, PersonAlias.__table__)


def parse_overrides(headers: list[str], overrides: Iterable[str], kind: str) -> dict[int, str]:
    """`COLUMN=FIELD` overrides (COLUMN: the header text, a column letter or a 1-based number)."""
    allowed = PERSON_FIELDS if kind == "people" else ORGANIZATION_FIELDS
    result: dict[int, str] = {}
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
    return result


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


def read_for_import(path: Path, kind: str = "people") -> Sheet:
    """The file as a table, with a KoboToolbox label row taken into the header."""
    return detect_label_row(read_table(path), kind)


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
    return _governorate_code(str(value))


@lru_cache(maxsize=1024)  # a file repeats a few governorates in every row
def _governorate_code(value: str) -> str:
    text = fold_digits(value).strip()
    if text.isdigit():
        return text.zfill(2)
    code = _GOVERNORATE_INDEX.get(_governorate_key(text))
    if code is None:
        raise ValidationError("governorate", _("Unknown governorate: {value}.").format(value=value))
    return code


@lru_cache(maxsize=1024)
def _answer(value: str) -> str:
    """A yes/no or gender answer folded for comparison (few distinct answers, every row)."""
    return fold_text(value).lower()


def _parse_gender(value: Cell) -> str | None:
    if value is None:
        return None
    text = _answer(str(value))
    if text in MALE:
        return "male"
    if text in FEMALE:
        return "female"
    raise ValidationError("gender", _("Write the gender as ذكر or أنثى (male or female)."))


def _parse_consent(value: Cell) -> bool:
    if value is None:
        return False
    text = _answer(str(value))
    if text in YES:
        return True
    if text in NO:
        return False
    raise ValidationError("consent", _("Write نعم or لا (yes or no)."))


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
    rule: str  # name_organization, near_miss, transliteration, or a strong rule (phone, email, national_id)

    def as_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class ImportReport:
    kind: str
    mapping: dict[str, str]  # header → field
    ignored_columns: list[str]
    columns: list[ColumnChoice] = field(default_factory=list)  # every column: field, how, why
    refusal: ColumnChoice | None = None  # the name could only come from a doubtful column: nothing read
    created: int = 0
    merged: int = 0
    skipped: int = 0
    enrolled: int = 0
    possible_duplicates: list[PossibleDuplicate] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    written: bool = False
    rejected_rows: list[tuple[int, list[Cell], str]] = field(default_factory=list)

    def refused(self, skip_invalid: bool = False) -> bool:
        """True when nothing was (or would be) written for a reason in the file."""
        return self.refusal is not None or (bool(self.problems) and not skip_invalid)

    def refusal_message(self) -> str:
        if self.refusal is None:
            return ""
        return _(
            "Column {column} looks like the name, but {reason}: nothing was imported. "
            "Choose the name column with --map COLUMN=full_name."
        ).format(column=self.refusal.header, reason=self.refusal.reason)

    def as_json(self) -> dict[str, Any]:
        return {
            "created": self.created, "merged": self.merged, "skipped": self.skipped, "enrolled": self.enrolled,
            "possible_duplicates": [d.as_json() for d in self.possible_duplicates],
            "problems": [p.as_json() for p in self.problems], "warnings": [w.as_json() for w in self.warnings],
            "mapping": self.mapping, "ignored_columns": self.ignored_columns,
            "columns": [c.as_json() for c in self.columns],
            "refusal": {**self.refusal.as_json(), "message": _plain(self.refusal_message())} if self.refusal else None,
            "written": self.written,
        }  # fmt: skip


def _plain(text: str) -> str:
    """Text for JSON: without the isolate marks that keep quoted values in order on screen."""
    return text.replace("\u2068", "").replace("\u2069", "")


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


@retrying
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

    `mapping` (column → field, as the wizard's user set it) is taken as it is; otherwise the columns
    are mapped by header and content, with `overrides` (--map) as the user's decisions. `decisions`
    (spreadsheet row → merge/skip/create) settle name-only likenesses one by one, as the wizard does;
    the file is written only when no row has a problem, or with `skip_invalid`."""
    if on_duplicate not in MODES:
        raise ValidationError("on_duplicate", _("Choose one of: {modes}.").format(modes=", ".join(MODES)))
    table = read_for_import(path, kind)
    chosen: ColumnMapping = (
        settled(table.headers, mapping)
        if mapping is not None
        else propose_mapping(table, kind, parse_overrides(table.headers, overrides, kind))
    )
    columns = chosen.fields()
    report = ImportReport(
        kind,
        {c.header: c.field for c in chosen.columns if c.field is not None},
        [c.header for c in chosen.columns if c.field is None],
        chosen.columns,
        chosen.refusal,
    )
    if chosen.refusal is not None:
        return report  # the user chooses the name column: --map or the wizard
    required = "full_name" if kind == "people" else "name_ar"
    if required not in columns.values() and not (
        kind == "people" and {"first_name", "last_name"} & set(columns.values())
    ):
        raise ValidationError(
            "mapping", _("No column holds the name: map one with --map COLUMN=full_name (or name_ar).")
        )
    header_of = {f: table.headers[i] or f"#{i + 1}" for i, f in columns.items()}
    rows = _parse_rows(table, columns, header_of, kind, report)
    total = len(table.rows)
    with db.session_scope() as tx:
        if not dry_run:
            # Two stations importing at once on a server: the second waits here, then reads the
            # registry with the first one's people and organizations in it (a file naming a new
            # organization the other one just made joins it instead of making another).
            serialize_on(tx, "tashbeek:import")
        if training_id is not None and tx.get(Training, training_id) is None:
            raise NotFoundError(_("No training with number {id}.").format(id=training_id))
        registry = _Registry(tx) if kind == "people" else None
        if registry is not None:
            _find_duplicates(registry, rows, report, on_duplicate, decisions or {})
        if report.refused(skip_invalid):
            return report  # nothing written; the problems say what to fix
        if dry_run:
            _count_only(rows, report)
            return report
        # Organizations are few: every one by its key, read once (a file names them on every row).
        orgs: dict[str, int] = {}
        for org_id, key in tx.execute(select(Organization.id, Organization.name_key).order_by(Organization.id.desc())):
            orgs[key] = org_id  # the oldest of two with one key wins, as a lookup by key would
        writer = _PeopleWriter(tx, db)
        merger = _Merger(tx, db, registry)
        merger.load([r.match_id for r in rows if r.match_id is not None])
        with tx.no_autoflush:  # merged people's changes are flushed once, at the end
            for n, row in enumerate(rows):
                _write_row(tx, db, row, kind, orgs, writer, merger, report)
                if progress is not None and n % 50 == 0 and not progress(n + 1, total):
                    raise Cancelled()
            writer.flush()
        merger.flush()
        if training_id is not None:
            _enrol(tx, db, rows, training_id, report)
        tx.flush()
        report.written = True
    if progress is not None:
        progress(total, total)
    return report


def _parse_rows(
    table: Sheet, columns: dict[int, str], header_of: dict[str, str], kind: str, report: ImportReport
) -> list[_Row]:
    rows: list[_Row] = []
    for offset, cells in enumerate(table.rows):
        number = offset + table.first_row
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
                if org_name is not None:
                    # The organization is created with the forms' rules: a bad name is this
                    # row's problem, not the whole file's.
                    try:
                        org_name = _organization_name(org_name)
                    except ValidationError as error:
                        note(error)
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


@lru_cache(maxsize=1024)  # a file names a few organizations on every row
def _organization_name(value: str) -> str:
    return validation.required_name(value, "organization")


def _clean_all(
    data: Any, clean: Callable[[Any], dict[str, Any]], note: Callable[[ValidationError], None]
) -> dict[str, Any]:
    """Validate with the forms' rules, noting every bad field (the rules name them all at once)."""
    try:
        return clean(data)
    except ValidationError as error:
        for problem in error.problems:
            note(problem)
    return {}


_FIELD_ALIASES = {
    "consent_share_contact": "consent",
    "organization_id": "organization",
}  # form field → column


def _person_data(
    values: dict[str, Cell], note: Callable[[ValidationError], None]
) -> tuple[PersonData, str | None]:
    name = cell_text(values.get("full_name"))
    parts = " ".join(t for t in (cell_text(values.get("first_name")), cell_text(values.get("last_name"))) if t)
    latin = cell_text(values.get("latin_name"))
    if not name and parts:
        name = parts
    elif parts and not latin and is_latin(parts) and not is_latin(name):
        latin = parts  # an Arabic name column, and the name again in Latin letters in two columns
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
        latin_name=latin,
        gender=parsed.get("gender"),
        birth_date=birth.date()
        if isinstance(birth, dt.datetime)
        else (birth if isinstance(birth, dt.date) else cell_text(birth)),
        national_id=fold_digits(cell_text(values.get("national_id")) or "") or None,
        phone=phone_text(values.get("phone")),
        phone2=phone_text(values.get("phone2")),
        email=cell_text(values.get("email")),
        governorate=parsed.get("governorate"),
        job_title=cell_text(values.get("job_title")),
        consent_share_contact=bool(parsed.get("consent")),
    )
    return data, cell_text(values.get("organization"))


def _organization_data(values: dict[str, Cell], note: Callable[[ValidationError], None]) -> OrganizationData:
    governorate = None
    try:
        governorate = parse_governorate(values.get("governorate"))
    except ValidationError as error:
        note(error)
    kind = cell_text(values.get("kind"))
    return OrganizationData(
        name_ar=cell_text(values.get("name_ar")) or "",
        name_en=cell_text(values.get("name_en")),
        kind=kind if kind in {"ngo", "union", "youth", "academic", "government", "donor", "other"} else None,
        governorate=governorate,
        address=cell_text(values.get("address")),
        phone=phone_text(values.get("phone")),
        email=cell_text(values.get("email")),
        website=cell_text(values.get("website")),
        notes=cell_text(values.get("notes")),
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


# ---------------------------------------------------------------- duplicates


def _strong_keys(values: dict[str, Any]) -> list[tuple[str, str]]:
    keys = [("phone", p) for p in (values.get("phone"), values.get("phone2")) if p]
    if values.get("national_id"):
        keys.append(("national_id", values["national_id"]))
    if values.get("email"):
        keys.append(("email", values["email"]))
    return keys


def _block(name_key: str) -> str:
    first = name_key.split(" ")[0] if name_key else ""
    return first[:2]


class _Registry:
    """The registry's people as the duplicate rules need them, read in a few queries: strong keys,
    names blocked by organization and first letters, and (only when a file needs it) names keyed
    across scripts."""

    def __init__(self, tx: Session) -> None:
        self.session = tx
        self.strong: dict[tuple[str, str], int] = {}
        self.blocks: dict[tuple[int | None, str], list[tuple[int, str, str]]] = defaultdict(list)
        self.people: list[tuple[int, str, str | None, int | None]] = []
        self.org_ids: dict[str, set[int]] = defaultdict(set)  # organization key (Arabic or English) → ids
        for org, key, name_en in tx.execute(
            select(Organization.id, Organization.name_key, Organization.name_en)
        ):
            self.org_ids[key].add(org)
            if name_en:
                self.org_ids[normalize_name(name_en)].add(org)
        for pid, name, latin, key, org_id, phone, phone2, nid, email in tx.execute(
            select(Person.id, Person.full_name, Person.latin_name, Person.name_key, Person.organization_id,
                   Person.phone, Person.phone2, Person.national_id, Person.email)
        ):  # fmt: skip
            for k in _strong_keys({"phone": phone, "phone2": phone2, "national_id": nid, "email": email}):
                self.strong.setdefault(k, pid)
            self.blocks[(org_id, _block(key))].append((pid, name, key))
            self.people.append((pid, name, latin, org_id))
        self._across: dict[bool, dict[str, list[int]]] = {}
        self._keys: dict[int, list[frozenset[str]]] = {}
        self.orgs_of: dict[int, int | None] = {p[0]: p[3] for p in self.people}
        self.names: dict[int, str] = {p[0]: p[1] for p in self.people}

    def organizations(self, org_key: str | None) -> set[int | None]:
        """The registry organizations a row's organization name stands for (None: no organization)."""
        if org_key is None:
            return {None}
        return set(self.org_ids.get(org_key, ()))

    def across_scripts(self, latin_rows: bool) -> dict[str, list[int]]:
        """First-word keys → people whose name is in the other script than the rows'."""
        if latin_rows not in self._across:
            index: dict[str, list[int]] = defaultdict(list)
            for pid, name, latin, _org in self.people:
                arabic = _ARABIC.search(name) is not None
                if arabic != latin_rows:
                    continue
                keys = name_word_keys(name) + (name_word_keys(latin) if latin and latin_rows else [])
                self._keys[pid] = keys
                if keys:
                    for k in keys[0]:
                        index[k].append(pid)
            self._across[latin_rows] = index
        return self._across[latin_rows]

    def name_keys(self, pid: int) -> list[frozenset[str]]:
        return self._keys.get(pid, [])


def _find_duplicates(
    registry: _Registry, rows: list[_Row], report: ImportReport, mode: str, decisions: dict[int, str]
) -> None:
    seen_strong: dict[tuple[str, str], _Row] = {}
    seen_names: dict[tuple[str | None, str], list[_Row]] = defaultdict(list)
    for row in rows:
        keys = _strong_keys(row.values)
        match_key = next((k for k in keys if k in registry.strong), None)
        earlier = next((seen_strong[k] for k in keys if k in seen_strong), None)
        org_key = row.org_key = normalize_name(row.organization) if row.organization else None
        if match_key is not None:
            row.match_id = registry.strong[match_key]
            row.action = {"skip": "skip", "create": "create"}.get(mode, "merge")
            nid = ("national_id", row.values.get("national_id"))
            if row.action == "create" and nid in registry.strong:
                # A national ID belongs to one person: never a second record.
                row.action, row.match_id = "merge", registry.strong[nid]
            if row.action == "create":
                # Created on purpose, and still listed: the user may want to merge them later.
                report.possible_duplicates.append(
                    PossibleDuplicate(row.number, row.values["full_name"], row.match_id,
                                      registry.names.get(row.match_id, ""), None, match_key[0])
                )  # fmt: skip
                row.match_id = None
        elif earlier is not None:
            row.same_as = earlier
            row.action = "skip" if mode == "skip" else "merge_row"
        else:
            likeness = _name_likeness(row, org_key, registry, seen_names)
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
        seen_names[(org_key, _block(row.values["name_key"]))].append(row)


def _name_likeness(
    row: _Row, org_key: str | None, registry: _Registry, seen_names: dict[tuple[str | None, str], list[_Row]]
) -> PossibleDuplicate | None:
    key = row.values["name_key"]
    name = row.values["full_name"]
    organizations = registry.organizations(org_key)
    for org_id in organizations:
        for pid, other_name, other_key in registry.blocks.get((org_id, _block(key)), ()):
            if other_key == key:
                return PossibleDuplicate(row.number, name, pid, other_name, None, "name_organization")
            if fuzz.ratio(other_key, key) >= NEAR_MISS:
                return PossibleDuplicate(row.number, name, pid, other_name, None, "near_miss")
    for other in seen_names.get((org_key, _block(key)), ()):
        if other.values["name_key"] == key or fuzz.ratio(other.values["name_key"], key) >= NEAR_MISS:
            rule = "name_organization" if other.values["name_key"] == key else "near_miss"
            return PossibleDuplicate(row.number, name, None, other.values["full_name"], other.number, rule)
    # The same person in the other script: an English list of people already in the Arabic registry.
    index = registry.across_scripts(is_latin(name))
    if not index:
        return None
    wanted = query_alternatives(name)
    if len(wanted) < 2:
        return None
    candidates = dict.fromkeys(pid for k in wanted[0] for pid in index.get(k, ()))
    for pid in candidates:
        if org_key is not None and registry.orgs_of.get(pid) not in organizations:
            continue
        if words_in_order(wanted, registry.name_keys(pid)):
            return PossibleDuplicate(row.number, name, pid, registry.names[pid], None, "transliteration")
    return None


def _count_only(rows: list[_Row], report: ImportReport) -> None:
    for row in rows:
        if row.action == "skip":
            report.skipped += 1
        elif row.action in ("merge", "merge_row"):
            report.merged += 1
        else:
            report.created += 1


# ---------------------------------------------------------------- writing


def _insert_plain(tx: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Rows (plain dictionaries with the same keys) in one executemany through the driver, every
    value bound by its column's type exactly as SQLAlchemy binds it, and the columns' plain defaults
    filled in. An import writes tens of thousands of rows, and SQLAlchemy's handling of each row's
    parameters cost more than the database's insert; the timestamps every row shares are bound once."""
    if not rows:
        return
    connection = tx.connection()
    dialect = connection.dialect
    names = list(rows[0])
    defaults: list[Any] = []
    for column in table.columns:
        if column.name in rows[0] or column.default is None:
            continue
        if not column.default.is_scalar:  # a programming error: uid and timestamps are given
            raise ValueError(f"{table.name}.{column.name} needs a value in a plain insert")
        names.append(column.name)
        defaults.append(column.default.arg)  # type: ignore[attr-defined]
    given = len(names) - len(defaults)
    binders = [
        (n, process)
        for n, name in enumerate(names)
        if (process := table.c[name].type.dialect_impl(dialect).bind_processor(dialect)) is not None
    ]
    last: dict[int, tuple[Any, Any]] = {}
    params = []
    for row in rows:
        values = [row[name] for name in names[:given]] + defaults
        for n, process in binders:
            value = values[n]
            seen = last.get(n)
            if seen is not None and seen[0] is value:
                values[n] = seen[1]
            else:
                values[n] = process(value)
                last[n] = (value, values[n])
        params.append(tuple(values))
    quote = dialect.identifier_preparer.quote
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    connection.exec_driver_sql(
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(n) for n in names)})"
        f" VALUES ({', '.join([mark] * len(names))})",
        params,
    )


class _PeopleWriter:
    """New people in bulk: one INSERT … RETURNING per thousand rows, their search tokens and audit
    entries likewise (row by row through the ORM, 10,000 rows took 20 s)."""

    def __init__(self, tx: Session, db: Database) -> None:
        self.session, self.db = tx, db
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
        # Inserted through the driver, and the ids read back by uid (an indexed column): asking
        # SQLAlchemy for them in parameter order made SQLite insert row by row.
        _insert_plain(self.session, _PERSON, params)
        ids_by_uid: dict[str, int] = {}
        uids = [p["uid"] for p in params]
        for start in range(0, len(uids), 500):
            chunk = uids[start : start + 500]
            for uid, pid in self.session.execute(select(_PERSON.c.uid, _PERSON.c.id).where(_PERSON.c.uid.in_(chunk))):
                ids_by_uid[uid] = pid
        tokens: list[tuple[str, int]] = []
        entries: list[dict[str, Any]] = []
        for (row, values), p in zip(self.pending, params, strict=True):
            person_id = row.match_id = ids_by_uid[p["uid"]]
            found = person_tokens((values["full_name"], values.get("latin_name")), (values.get("phone"), values.get("phone2")))
            tokens.extend((t, person_id) for t in sorted(found))
            recorded = {k: v for k, v in values.items() if k != "name_key"}
            entries.append({
                "uid": new_uid(), "created_at": now, "updated_at": now, "at": now, "operator": self.db.operator or None,
                "machine": self.db.machine, "entity": "person", "entity_uid": p["uid"], "action": "create",
                "changes": audit.diff({}, recorded),
            })  # fmt: skip
        insert_tokens(self.session, tokens)
        _insert_plain(self.session, _AUDIT, entries)
        self.pending = []


_FILLED = ("latin_name", "gender", "birth_date", "national_id", "email", "governorate", "organization_id", "job_title")


@dataclass
class _Target:
    """The columns of a registry person a merge reads and fills (plain values, no ORM object)."""

    id: int
    uid: str
    full_name: str
    latin_name: str | None
    gender: Any
    birth_date: Any
    national_id: str | None
    phone: str | None
    phone2: str | None
    email: str | None
    governorate: str | None
    organization_id: int | None
    job_title: str | None
    consent_share_contact: bool
    consent_date: Any


_TARGET_COLUMNS = [getattr(Person, f.name) for f in dataclasses_fields(_Target)]


class _Merger:
    """Rows merged into registry people: every empty field filled, nothing overwritten, a name the
    person did not carry kept as an alias; the updates (by primary key, grouped by the fields they
    fill), audit entries, aliases and search tokens written in bulk at the end (one flush per merge
    was most of an import's time)."""

    def __init__(self, tx: Session, db: Database, registry: _Registry | None) -> None:
        self.session, self.db = tx, db
        self.national_ids = {v: pid for (k, v), pid in (registry.strong.items() if registry else ()) if k == "national_id"}
        self.entries: list[dict[str, Any]] = []
        self.aliases: list[dict[str, Any]] = []
        self.updates: dict[int, dict[str, Any]] = {}
        self.touched: dict[int, _Target] = {}
        self.names: dict[int, set[str]] = {}
        self.people: dict[int, _Target] = {}

    def load(self, ids: list[int]) -> None:
        """The people rows will merge into, in a few queries (and the names they already carry)."""
        ids = [i for i in dict.fromkeys(ids) if i not in self.people]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for row in self.session.execute(select(*_TARGET_COLUMNS).where(Person.id.in_(chunk))):
                person = _Target(*row)
                self.people[person.id] = person
                self.names[person.id] = {normalize_name(person.full_name), normalize_name(person.latin_name)}
            for pid, full, latin in self.session.execute(
                select(PersonAlias.person_id, PersonAlias.full_name, PersonAlias.latin_name).where(
                    PersonAlias.person_id.in_(chunk)
                )
            ):
                self.names[pid] |= {normalize_name(full), normalize_name(latin)}

    def merge(self, person_id: int, values: dict[str, Any]) -> None:
        if person_id not in self.people:
            self.load([person_id])  # a person created earlier in this import
        person = self.people[person_id]
        changes: dict[str, Any] = {}
        for name in _FILLED:
            if getattr(person, name) in (None, "") and values.get(name) not in (None, ""):
                if name == "national_id" and self.national_ids.get(values[name], person_id) != person_id:
                    continue  # another person has it
                changes[name] = values[name]
        # Phones: the row's numbers the person does not have fill their empty phone slots in order.
        have = {person.phone, person.phone2}
        new_phones = [p for p in (values.get("phone"), values.get("phone2")) if p and p not in have]
        for slot in ("phone", "phone2"):
            if getattr(person, slot) in (None, "") and new_phones:
                changes[slot] = new_phones.pop(0)
        # A Latin-letter name for an Arabic record (an English list) is its Latin name.
        row_name = values["full_name"]
        if (
            "latin_name" not in changes and not person.latin_name and is_latin(row_name)
            and not is_latin(person.full_name)
        ):  # fmt: skip
            changes["latin_name"] = row_name
        if values.get("consent_share_contact") and not person.consent_share_contact:
            changes["consent_share_contact"] = True
            changes["consent_date"] = values.get("consent_date")
        if changes:
            before = {k: getattr(person, k) for k in changes}
            for key, value in changes.items():
                setattr(person, key, value)
            self.updates.setdefault(person_id, {}).update(changes)
            self._audit(person, "update", audit.diff(before, changes))
        carried = self.names[person_id]
        # A new spelling of the person's name stays searchable; a different name merged by a shared
        # phone (a family's one number) is not made theirs.
        new_names = [
            n for n in (row_name, values.get("latin_name"))
            if n and normalize_name(n) not in carried and _spelled_alike(n, person, carried)
        ]  # fmt: skip
        if changes.get("latin_name") in new_names:
            new_names.remove(changes["latin_name"])
        if new_names:
            alias = {"full_name": new_names[0], "latin_name": new_names[1] if len(new_names) > 1 else None}
            now = utcnow()
            self.aliases.append({"uid": new_uid(), "created_at": now, "updated_at": now, "person_id": person_id,
                                 "alias_uid": new_uid(), "merged_at": now, **alias})  # fmt: skip
            self._audit(person, "alias", {k: [None, v] for k, v in alias.items() if v})
        carried.update(normalize_name(n) for n in new_names)
        carried.add(normalize_name(changes.get("latin_name")))
        if changes.keys() & {"latin_name", "phone", "phone2"} or new_names:
            self.touched[person_id] = person

    def _audit(self, person: _Target, action: str, changes: dict[str, Any]) -> None:
        now = utcnow()
        self.entries.append({
            "uid": new_uid(), "created_at": now, "updated_at": now, "at": now, "operator": self.db.operator or None,
            "machine": self.db.machine, "entity": "person", "entity_uid": person.uid, "action": action,
            "changes": changes,
        })  # fmt: skip

    def flush(self) -> None:
        # UPDATE … WHERE id = ? in one executemany per set of fields filled.
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
        now = utcnow()
        for person_id, changes in self.updates.items():
            groups[tuple(sorted(changes))].append({"id": person_id, **changes, "updated_at": now})
        for keys, rows in groups.items():
            # Core, not the ORM's bulk update: each merged person's version is raised in the same
            # statement (a form opened before the import then sees the change instead of undoing it).
            columns = (*keys, "updated_at")
            statement = (
                update(_PERSON)
                .where(_PERSON.c.id == bindparam("b_id"))
                .values({**{k: bindparam(f"b_{k}") for k in columns}, "version": _PERSON.c.version + 1})
            )
            self.session.execute(statement, [{f"b_{k}": v for k, v in row.items()} for row in rows])
        if self.aliases:
            _insert_plain(self.session, _ALIAS, self.aliases)
        if self.entries:
            _insert_plain(self.session, _AUDIT, self.entries)
        if self.touched:
            store_search_tokens_of(self.session, list(self.touched.values()))
        self.entries, self.aliases, self.touched, self.updates = [], [], {}, {}


def _spelled_alike(name: str, person: _Target, carried: set[str]) -> bool:
    """Another spelling of the same name: the same first word, a near spelling, or the same first
    word in the other script."""
    key = normalize_name(name)
    first = key.split(" ")[0] if key else ""
    for other in carried:
        if other and (other.split(" ")[0] == first or fuzz.ratio(other, key) >= NEAR_MISS - 10):
            return True
    return bool(first) and is_latin(name) != is_latin(person.full_name) and matches(first, person.full_name)


def _write_row(
    tx: Session, db: Database, row: _Row, kind: str, orgs: dict[str, int], writer: _PeopleWriter,
    merger: _Merger, report: ImportReport,
) -> None:  # fmt: skip
    if kind == "organizations":
        assert isinstance(row.data, OrganizationData)
        key = row.values["name_key"]
        existing = orgs.get(key) or tx.scalar(
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
        orgs[key] = add_organization(tx, db, row.data)
        report.created += 1
        return
    assert isinstance(row.data, PersonData)
    if row.action == "skip":
        report.skipped += 1
        return
    org_id = _organization_id(tx, db, row.organization, orgs)
    values = {**row.values, "organization_id": org_id}
    if row.action == "merge_row" and row.same_as is not None:
        writer.flush()  # the earlier row may still be waiting for its id
        row.match_id = row.same_as.match_id
    if row.action in ("merge", "merge_row") and row.match_id is not None:
        merger.merge(row.match_id, values)
        report.merged += 1
    else:
        writer.add(row, values)
        report.created += 1


def _enrol(tx: Session, db: Database, rows: list[_Row], training_id: int, report: ImportReport) -> None:
    enrolled = set(tx.scalars(select(Enrollment.person_id).where(Enrollment.training_id == training_id)))
    for row in rows:
        if row.action != "skip" and row.match_id is not None and row.match_id not in enrolled:
            add_enrollment(tx, db, training_id, row.match_id)
            enrolled.add(row.match_id)
            report.enrolled += 1


def _organization_id(tx: Session, db: Database, name: str | None, orgs: dict[str, int]) -> int | None:
    if not name:
        return None
    key = normalize_name(name)
    if key in orgs:
        return orgs[key]
    found = tx.scalar(
        select(Organization.id).where(Organization.name_key == key).order_by(Organization.id)
    )
    orgs[key] = found if found is not None else add_organization(tx, db, OrganizationData(name))
    return orgs[key]


def write_rejected_rows(path: Path, headers: list[str], report: ImportReport, *, replace: bool = False) -> None:
    """The refused rows with their reasons, to fix and import again."""
    rows = [[number, *cells, reason] for number, cells, reason in report.rejected_rows]
    write_table(path, [_("Row"), *headers, _("Problem")], rows, sheet_title=_("Rejected rows"), replace=replace)
