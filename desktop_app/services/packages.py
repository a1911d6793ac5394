"""Venue packages: a training carried to a laptop without network, and brought back, by file.

A package (format 2) is one zip file with `manifest.json` and one JSON Lines member per table
(`people.jsonl`, `attendance.jsonl`, …: one record per line, references by uid), optionally
passphrase-protected as a whole (see `crypto`). The README's "Package format" section is its
specification. Version 1 (one `data.json`) still imports, streamed one record at a time as well.

This module writes packages and reads them. Nothing from a package is trusted. Before a byte of data
is read, the file's size, every member's uncompressed size and compression ratio, and the record
counts the manifest states are held to the limits below; then every record is read one line at a
time and checked with the same rules as the forms and the spreadsheet import (`registry.clean_person`,
`clean_organization`, the trainings' and settings' own checks, plus each column's type and length and
every reference), and a package with any bad record is refused whole with each record and field
named. Memory stays bounded: one line at a time, plus the uids later records refer to.

Merging a checked package into a database is `services.sync`.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import io
import json
import math
import re
import uuid
import zipfile
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import ijson
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.errors import DataError, ValidationError, file_problem
from desktop_app.files import atomic_output, write_private
from desktop_app.i18n import _, ngettext
from desktop_app.models import (
    Attendance,
    Certificate,
    Enrollment,
    ImportedPackage,
    Organization,
    Person,
    PersonAlias,
    Setting,
    Signatory,
    SyncBase,
    Training,
    TrainingCoOrganizer,
    TrainingSession,
    utcnow,
)
from desktop_app.services import accounts, audit, crypto, validation
from desktop_app.services import templates as tpl
from desktop_app.services.certificates import check_wording
from desktop_app.services.registry import (
    OrganizationData,
    PersonData,
    clean_organization,
    clean_person,
)
from desktop_app.services.settings import (
    INSTALLATION_TAG,
    LOGO,
    MAX_IMAGE_BYTES,
    check_image,
    check_setting_value,
    get_setting,
)
from desktop_app.services.trainings import (
    SessionData,
    TrainingData,
    clean_session,
    clean_training,
    get_training,
)
from desktop_app.text.arabic import clean_name
from desktop_app.text.checkin_code import normalize_checkin_code
from desktop_app.text.isolate import isolate

FORMAT_VERSION = 2
MB = 1024 * 1024

# Limits, all checked before the data is read (the README lists them).
MAX_PACKAGE_BYTES = 256 * MB  # the file itself (it is decrypted in memory)
MAX_MEMBER_BYTES = 256 * MB  # any member, uncompressed
MAX_RATIO = 100  # uncompressed : compressed, for any member
MAX_MEMBERS = 32
MAX_MANIFEST_BYTES = 1 * MB
MAX_RECORD_BYTES = 16 * MB  # one line (a logo or signature image fits)
V1_MAX_DATA_BYTES = 64 * MB  # a version-1 package's one data.json (as the previous release allowed)
V1_CHUNK_BYTES = 64 * 1024  # data.json is fed to the parser in pieces this size
V1_MAX_DEPTH = 64  # arrays and objects within each other in data.json (a record needs a few)
MAX_PROBLEMS = 200  # a refusal lists this many and counts the rest

# The tables, in the order they are checked (references point to tables checked before them),
# with the most records a package may hold of each.
TABLES: dict[str, int] = {
    "organizations": 50_000,
    "people": 50_000,
    "aliases": 100_000,
    "training": 1,
    "co_organizers": 100,
    "sessions": 1_000,
    "enrollments": 50_000,
    "attendance": 500_000,
    "certificates": 50_000,
    "signatories": 100,
    "settings": 1,
}
MAX_PEOPLE, MAX_ATTENDANCE = TABLES["people"], TABLES["attendance"]
# Members a version-2 package may hold beyond TABLES (added later; a reader that does not know one
# ignores it, so a package that has one still opens in an older Tashbeek of format 2), with their
# limits. "templates": the certificate and badge templates the training prints with.
# "accounts": the accounts a venue laptop made from the package signs people in with (argon2
# hashes, never a password).
OPTIONAL_TABLES: dict[str, int] = {"templates": 2, "accounts": 1_000}

_SETTINGS = (
    "identity_name_ar",
    "identity_name_en",
    "document_digits",
    "certificate_serial_prefix",
    "certificate_wording",
)
# The fields merged one by one (the person form's and the organization form's fields).
PERSON_FIELDS = (
    "full_name", "latin_name", "gender", "birth_date", "national_id", "phone", "phone2", "email",
    "governorate", "organization_uid", "job_title", "consent_share_contact", "consent_date", "notes",
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
)
# Columns that hold this database's template numbers: left out of packages (a number here may be
# another template, or none, there); the templates travel in their own member instead ("templates",
# by uid or built-in key), and the venue's training is pointed at them when it is imported.
TEMPLATE_COLUMNS = ("template_id", "badge_template_id", "template_version")
_SERIAL = re.compile(r"^[A-Z0-9]{1,10}-\d{4}-[A-Z0-9]{1,10}-\d{1,6}$")
_VERIFICATION = re.compile(r"^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$")
_TAG = re.compile(r"^[0-9A-Za-z]{1,20}$")


def _value(value: Any) -> Any:
    if isinstance(value, bytes):
        return {"b64": base64.b64encode(value).decode("ascii")}
    return audit.jsonable(value)


def _row(obj: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        c.key: _value(getattr(obj, c.key))
        for c in obj.__table__.columns
        if c.key != "id" and c.key not in skip
    }


_KINDS: dict[Any, tuple[Any, Any, int]] = {}


def _column_kind(column: Any) -> tuple[Any, Any, int]:
    """(enum class, Python type, longest text) of a column, worked out once per column."""
    if column not in _KINDS:
        column_type = getattr(column.type, "impl", column.type)  # UTCDateTime wraps DateTime
        try:
            kind = column_type.python_type
        except NotImplementedError:
            kind = None
        limit = getattr(column_type, "length", None) or 100_000
        _KINDS[column] = (getattr(column.type, "enum_class", None), kind, limit)
    return _KINDS[column]


def _convert(column: Any, value: Any, *, lengths: bool = True) -> Any:
    """A package value as the column's Python value; ValueError (with the message to show) when
    it is not one. None stays None. Without `lengths`, a text's length is left to the form's rules."""
    if value is None:
        return None
    enum_class, kind, limit = _column_kind(column)
    if enum_class is not None:
        if not isinstance(value, str):
            raise ValueError(_("This value is not one of the allowed choices."))
        try:
            return enum_class(value)
        except ValueError:
            raise ValueError(_("This value is not one of the allowed choices.")) from None
    invalid = ValueError(_("This value is not valid here."))
    if kind is bytes:
        if not (isinstance(value, dict) and set(value) == {"b64"} and isinstance(value["b64"], str)):
            raise invalid
        if len(value["b64"]) > MAX_IMAGE_BYTES * 4 // 3 + 4:
            raise ValueError(_("The image is too large (at most 5 MB)."))
        try:
            return base64.b64decode(value["b64"], validate=True)
        except binascii.Error:
            raise invalid from None
    if kind in (dt.datetime, dt.date, dt.time):
        if not isinstance(value, str) or len(value) > 40:
            raise invalid
        try:
            parsed: Any = kind.fromisoformat(value)
        except ValueError:
            raise invalid from None
        if kind is dt.datetime and parsed.tzinfo is None:
            raise invalid  # every timestamp a package carries is in UTC, with its offset
        return parsed
    if kind is bool:
        if not isinstance(value, bool):
            raise invalid
        return value
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int) or abs(value) >= 2**31:
            raise invalid
        return value
    if kind is float:
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise invalid
        return float(value)
    if kind is str:
        if not isinstance(value, str):
            raise invalid
        if lengths and len(value) > limit:
            raise ValueError(validation.too_long(limit))
        return value
    return value  # JSON columns: any JSON, bounded by the record's size


def column_values(model: Any, row: dict[str, Any]) -> dict[str, Any]:
    """A checked package row's values as column values (timestamps, dates, enums, bytes)."""
    return {
        column.key: _convert(column, row[column.key])
        for column in model.__table__.columns
        if column.key != "id" and column.key in row
    }


# ---------------------------------------------------------------- export


def export_package(
    db: Database, training_id: int, out: Path, *, passphrase: str | None = None, replace: bool = False
) -> dict[str, int]:
    """Write a package of the training: sessions, enrolments, people, their organizations, attendance
    so far, certificates, the settings needed to print badges and certificates, and the bases this
    database keeps for those people and organizations."""
    with db.session_scope() as tx:
        training = get_training(tx, training_id)
        enrollments = list(tx.scalars(select(Enrollment).where(Enrollment.training_id == training_id)))
        people = {
            p.id: p
            for p in tx.scalars(select(Person).where(Person.id.in_([e.person_id for e in enrollments])))
        }
        co = list(
            tx.scalars(select(TrainingCoOrganizer).where(TrainingCoOrganizer.training_id == training_id))
        )
        org_ids = {training.organizer_id, *(c.organization_id for c in co), *(p.organization_id for p in people.values()),
                   *(e.organization_id for e in enrollments)} - {None}  # fmt: skip
        orgs = {o.id: o for o in tx.scalars(select(Organization).where(Organization.id.in_(org_ids)))}
        sessions = {
            s.id: s
            for s in tx.scalars(
                select(TrainingSession).where(TrainingSession.training_id == training_id)
            )
        }
        by_enrollment = {e.id: e for e in enrollments}
        attendance = list(
            tx.scalars(select(Attendance).where(Attendance.enrollment_id.in_(by_enrollment)))
        )
        certificates = list(
            tx.scalars(select(Certificate).where(Certificate.enrollment_id.in_(by_enrollment)))
        )
        serial_of = {c.id: c.serial for c in certificates}
        aliases = list(tx.scalars(select(PersonAlias).where(PersonAlias.person_id.in_(people))))
        signatories = list(
            tx.scalars(
                select(Signatory).where(
                    or_(Signatory.training_id == training_id, Signatory.training_id.is_(None))
                )
            )
        )
        org_uid: dict[int | None, str] = {i: o.uid for i, o in orgs.items()}
        person_uid = {i: p.uid for i, p in people.items()}
        names = {p.uid: {p.uid} for p in people.values()}
        for a in aliases:
            names[person_uid[a.person_id]].add(a.alias_uid)
        person_bases = _bases_to_send(tx, "person", names)
        org_bases = _bases_to_send(tx, "organization", {o.uid: {o.uid} for o in orgs.values()})
        tables: dict[str, list[dict[str, Any]]] = {
            "organizations": [{**_row(o), "bases": org_bases.get(o.uid, {})} for o in orgs.values()],
            "people": [
                {
                    **_row(p, ("organization_id",)),
                    "organization_uid": org_uid.get(p.organization_id),
                    "bases": person_bases.get(p.uid, {}),
                }
                for p in people.values()
            ],  # fmt: skip
            "aliases": [
                {
                    "alias_uid": a.alias_uid,
                    "person_uid": person_uid[a.person_id],
                    "full_name": a.full_name,
                    "latin_name": a.latin_name,
                }
                for a in aliases
            ],  # fmt: skip
            "training": [
                # A meeting travels as a training of kind "meeting" (its agenda, minutes and decisions
                # with it); its recurring series stays at the office (`series_id` is the office's id).
                # Template numbers are this database's: the templates themselves go in "templates".
                {
                    **_row(training, ("organizer_id", "series_id", *TEMPLATE_COLUMNS)),
                    "organizer_uid": org_uid.get(training.organizer_id),
                }
            ],
            "co_organizers": [
                {"organization_uid": org_uid[c.organization_id], "position": c.position, "uid": c.uid}
                for c in co
            ],
            "sessions": [_row(s, ("training_id",)) for s in sessions.values()],
            "enrollments": [
                {
                    **_row(e, ("training_id", "person_id", "organization_id")),
                    "person_uid": person_uid[e.person_id],
                    "organization_uid": org_uid.get(e.organization_id),
                }
                for e in enrollments
            ],  # fmt: skip
            "attendance": [
                {
                    **_row(a, ("enrollment_id", "session_id")),
                    "enrollment_uid": by_enrollment[a.enrollment_id].uid,
                    "session_uid": sessions[a.session_id].uid,
                }
                for a in attendance
            ],  # fmt: skip
            "certificates": [
                {
                    **_row(c, ("enrollment_id", "replaces_id", *TEMPLATE_COLUMNS)),
                    "enrollment_uid": by_enrollment[c.enrollment_id].uid,
                    "replaces_serial": serial_of.get(c.replaces_id) if c.replaces_id else None,
                }
                for c in certificates
            ],  # fmt: skip
            "signatories": [
                {**_row(s, ("training_id",)), "for_training": s.training_id is not None} for s in signatories
            ],
            "settings": [
                {
                    "settings": {key: get_setting(tx, key) for key in _SETTINGS},
                    "logo": _value(tx.scalar(select(Setting.blob).where(Setting.key == LOGO))),
                }
            ],
            "templates": tpl.package_records(tx, training),
            "accounts": accounts.package_records(tx),
        }
        # When this database last took in a package of the training (a laptop's copy from the office):
        # office cells changed after that and different here are the attendance conflicts.
        synced = tx.scalar(
            select(func.max(ImportedPackage.package_created_at)).where(
                ImportedPackage.training_uid == training.uid
            )
        )
        manifest: dict[str, Any] = {
            "format_version": FORMAT_VERSION,
            "created_at": utcnow().isoformat(),
            "synced_at": synced.isoformat() if synced else None,
            "source_installation": str(get_setting(tx, INSTALLATION_TAG)),
            "training_uid": training.uid,
            "training_title": training.title_ar,
        }
    members: dict[str, dict[str, Any]] = {}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for table in (*TABLES, *OPTIONAL_TABLES):
            payload = b"".join(
                json.dumps(row, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n"
                for row in tables[table]
            )
            name = f"{table}.jsonl"
            archive.writestr(name, payload)
            members[name] = {
                "sha256": hashlib.sha256(payload).hexdigest(), "size": len(payload), "records": len(tables[table]),
            }  # fmt: skip
        manifest["members"] = members
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
    blob = crypto.encrypt(buffer.getvalue(), passphrase) if passphrase else buffer.getvalue()
    with atomic_output(out, replace=replace) as tmp:
        write_private(tmp, blob)
    return {"people": len(tables["people"]), "attendance": len(tables["attendance"])}


def _bases_to_send(
    tx: Session, entity: str, names: dict[str, set[str]]
) -> dict[str, dict[str, dict[str, Any]]]:
    """For each record (by its uid here), the bases this database keeps for it: {peer: {"fields",
    "package_created_at"}}. `names` maps a record's uid to every uid it is known by (aliases)."""
    owner = {name: uid for uid, known in names.items() for name in known}
    result: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    keys = list(owner)
    for start in range(0, len(keys), 500):
        for base in tx.scalars(
            select(SyncBase).where(
                SyncBase.entity == entity, SyncBase.record_uid.in_(keys[start : start + 500])
            )
        ):
            result[owner[base.record_uid]][base.peer] = {
                "fields": base.fields, "package_created_at": base.package_created_at.isoformat(),
            }  # fmt: skip
    return result


# ---------------------------------------------------------------- reading


@dataclass(frozen=True)
class PackageProblem:
    """One bad field of one record, named the way the import names rows and columns."""

    table: str
    number: int  # 1-based within its table
    uid: str | None
    name: str | None
    field: str
    message: str

    def record(self) -> str:
        """The record in words: "person 3 (its name)"."""
        record = _record_label(self.table, self.number)
        return f"{record} ({isolate(self.name)})" if self.name else record

    def text(self) -> str:
        return _("{record}, {field}: {message}").format(
            record=self.record(), field=self.field, message=self.message
        )

    def as_json(self) -> dict[str, Any]:
        return {"table": self.table, "record": self.number, "uid": self.uid, "name": self.name,
                "field": self.field, "message": self.message}  # fmt: skip


def _record_label(table: str, number: int) -> str:
    labels = {
        "organizations": _("organization {n}"), "people": _("person {n}"), "aliases": _("alias {n}"),
        "training": _("training {n}"), "co_organizers": _("co-organizer {n}"), "sessions": _("session {n}"),
        "enrollments": _("enrolment {n}"), "attendance": _("attendance mark {n}"),
        "certificates": _("certificate {n}"), "signatories": _("signatory {n}"), "settings": _("settings {n}"),
        "templates": _("template {n}"),
        "accounts": _("account {n}"),
    }  # fmt: skip
    return labels.get(table, table + " {n}").format(n=number)


class PackageRefused(DataError):
    """A package with bad records: refused whole, every problem listed."""

    def __init__(self, problems: list[PackageProblem], more: bool = False) -> None:
        head = ngettext(
            "The package was refused: {n} problem was found in its records, so nothing was imported.",
            "The package was refused: {n} problems were found in its records, so nothing was imported.",
            len(problems),
        ).format(n=len(problems))
        lines = [head, *("  " + p.text() for p in problems)]
        if more:
            lines.append("  " + _("… and more (only the first {n} are listed).").format(n=len(problems)))
        super().__init__("\n".join(lines))
        self.problems = problems


class _Broken:
    """A line of a member that is not a JSON object."""

    def __init__(self, message: str) -> None:
        self.message = message


@dataclass
class Package:
    """A package that passed every check: its manifest, and its records read again on demand."""

    version: int
    manifest: dict[str, Any]
    checksum: str
    _zip: bytes | None = None  # the zip, whose members are streamed record by record
    # Version 1: the records each table's list holds in data.json, and its few single values
    # (training, settings, logo), read when data.json was checked.
    _v1_counts: dict[str, int] | None = None
    _v1_values: dict[str, Any] | None = None

    @property
    def source(self) -> str:
        return str(self.manifest.get("source_installation") or "")

    @property
    def created_at(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.manifest["created_at"])

    def records(self, table: str, *, verify: bool = False) -> Iterator[Any]:
        """The table's records in package order; with `verify`, the member's checksum and count are
        compared with the manifest's at its end (a mismatch refuses the package)."""
        assert self._zip is not None
        if self.version == 1:
            yield from self._v1_records(table)
            return
        name = f"{table}.jsonl"
        if table in OPTIONAL_TABLES and name not in self.manifest["members"]:
            return  # a package made before the member existed
        expected = self.manifest["members"][name]
        digest, count = hashlib.sha256(), 0
        with zipfile.ZipFile(io.BytesIO(self._zip)) as archive, archive.open(name) as stream:
            while True:
                line = stream.readline(MAX_RECORD_BYTES + 1)
                if not line:
                    break
                if len(line) > MAX_RECORD_BYTES:
                    raise _record_too_long(name)
                digest.update(line)
                count += 1
                if count > expected["records"]:
                    raise _count_mismatch(table, expected["records"])
                yield _parse_line(line)
        if verify and digest.hexdigest() != expected["sha256"]:
            raise DataError(_("The package is damaged (its checksum does not match): nothing was imported."))
        if verify and count != expected["records"]:
            raise _count_mismatch(table, expected["records"])

    def _v1_records(self, table: str) -> Iterator[Any]:
        """A version-1 table's records, parsed from data.json one at a time (a pass over the file per
        table; `_open_v1` has checked the whole of it, so nothing here can fail but the zip)."""
        assert self._zip is not None and self._v1_counts is not None and self._v1_values is not None
        if table == "training":
            yield self._v1_values.get("training")
            return
        if table == "settings":
            yield {"settings": self._v1_values.get("settings"), "logo": self._v1_values.get("logo")}
            return
        count = self._v1_counts.get(table, 0)
        if not count:
            return
        with zipfile.ZipFile(io.BytesIO(self._zip)) as archive, archive.open("data.json") as stream:
            # Each table's key appears once (checked), so the pass stops at the end of its list.
            for number, row in enumerate(ijson.items(stream, f"{table}.item", use_float=True), 1):
                yield row
                if number == count:
                    return


def _record_too_long(member: str) -> DataError:
    return DataError(
        _("A record in {member} is longer than {limit} MB: the package was refused.").format(
            member=member, limit=MAX_RECORD_BYTES // MB
        )
    )


def _count_mismatch(table: str, stated: int) -> DataError:
    return DataError(
        _(
            "The package's manifest states {count} records of {table}, but it holds a different number: "
            "nothing was imported."
        ).format(count=stated, table=table)  # fmt: skip
    )


def _parse_line(line: bytes) -> Any:
    try:
        return json.loads(line)
    except (ValueError, RecursionError):  # RecursionError: absurdly deep nesting
        return _Broken(_("This record is not valid JSON."))


def _not_a_package() -> DataError:
    return DataError(
        _("This is not a Tashbeek package, or it is incomplete (a copy cut short?): nothing was imported.")
    )


def _refuse_limit(message: str) -> DataError:
    return DataError(message + " " + _("The package was refused before its data was read."))


def read_package(path: Path, passphrase: str | None = None) -> Package:
    """Open and check a package whole: size limits, decryption, zip, format version, checksums,
    record counts, and every record with the forms' rules. Raises DataError (PackageRefused for
    bad records) without writing anything."""
    try:
        size = path.stat().st_size
        if size > MAX_PACKAGE_BYTES:
            raise _refuse_limit(
                _("The package file is larger than {limit} MB.").format(limit=MAX_PACKAGE_BYTES // MB)
            )
        raw = path.read_bytes()
    except OSError as error:
        raise file_problem(error, path) from None
    raw = crypto.decrypt(raw, passphrase)
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        infos = {info.filename: info for info in archive.infolist()}
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise _not_a_package() from None
    _check_sizes(list(infos.values()))
    manifest = _read_json_member(archive, infos, "manifest.json", MAX_MANIFEST_BYTES)
    if not isinstance(manifest, dict):
        raise _not_a_package()
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _not_a_package()
    if version > FORMAT_VERSION:
        raise DataError(
            _(
                "This package was made by a newer Tashbeek (package format {version}; this one reads up to "
                "{known}): update the program first."
            ).format(version=version, known=FORMAT_VERSION)  # fmt: skip
        )
    _check_manifest(manifest)
    package = _open_v1(archive, infos, raw, manifest) if version == 1 else _open_v2(raw, infos, manifest)
    checker = _Checker()
    try:
        for table in (*TABLES, *OPTIONAL_TABLES):
            for number, row in enumerate(package.records(table, verify=True), 1):
                checker.check(table, number, row)
                if len(checker.problems) >= MAX_PROBLEMS:
                    raise PackageRefused(checker.problems, more=True)
    except (zipfile.BadZipFile, EOFError, OSError, zlib.error):
        raise _not_a_package() from None
    if checker.problems:
        raise PackageRefused(checker.problems)
    return package


def _check_sizes(infos: list[zipfile.ZipInfo]) -> None:
    """Sizes and ratios from the zip's directory, before any member is unpacked."""
    if len(infos) > MAX_MEMBERS:
        raise _refuse_limit(_("The package has more than {limit} files inside.").format(limit=MAX_MEMBERS))
    for info in infos:
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _not_a_package()
        if info.file_size > MAX_MEMBER_BYTES:
            raise _refuse_limit(
                _("{member} would unpack to {size} MB, more than the limit of {limit} MB.").format(
                    member=info.filename, size=info.file_size // MB, limit=MAX_MEMBER_BYTES // MB
                )
            )
        if info.file_size and (info.compress_size == 0 or info.file_size > MAX_RATIO * info.compress_size):
            raise _refuse_limit(
                _("{member} is compressed more than {ratio}:1 (a “zip bomb”?).").format(
                    member=info.filename, ratio=MAX_RATIO
                )
            )


def _read_json_member(
    archive: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo], name: str, limit: int
) -> Any:
    info = infos.get(name)
    if info is None:
        raise _not_a_package()
    if info.file_size > limit:
        raise _refuse_limit(
            _("{member} would unpack to more than {limit} MB.").format(member=name, limit=max(1, limit // MB))
        )
    try:
        return json.loads(archive.read(name))
    except (zipfile.BadZipFile, ValueError, RecursionError, EOFError):
        raise _not_a_package() from None


def _check_manifest(manifest: dict[str, Any]) -> None:
    try:
        created = dt.datetime.fromisoformat(str(manifest.get("created_at")))
        synced = manifest.get("synced_at")
        if synced is not None:
            dt.datetime.fromisoformat(str(synced))
    except ValueError:
        raise _not_a_package() from None
    source = manifest.get("source_installation")
    if created.tzinfo is None or not isinstance(source, str) or not _TAG.match(source):
        raise _not_a_package()
    if not isinstance(manifest.get("training_uid"), str):
        raise _not_a_package()


def _open_v1(
    archive: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo], raw: bytes, manifest: dict[str, Any]
) -> Package:
    """Version 1: one data.json, {"people": [...], ..., "training": {...}, "settings": {...}, "logo": ...}.
    One streaming pass works out its checksum (a mismatch is reported before anything else) and checks
    its shape (an object whose tables are lists, each key once, nothing nested absurdly deep, no record
    longer than a record may be) and counts each table's records against the limits; the records themselves are parsed again, one at
    a time, when they are checked and merged. Memory stays a small part of data.json's size."""
    info = infos.get("data.json")
    if info is None:
        raise _not_a_package()
    if info.file_size > V1_MAX_DATA_BYTES:
        raise _refuse_limit(
            _(
                "A version-1 package's data may unpack to at most {limit} MB; this one would take {size} MB."
            ).format(limit=V1_MAX_DATA_BYTES // MB, size=info.file_size // MB)
        )
    digest = hashlib.sha256()
    try:
        with archive.open("data.json") as stream:
            try:
                counts, values = _v1_shape(stream, digest)
                shapely = True
            except (ijson.JSONError, UnicodeDecodeError):  # a lone surrogate escape is no text either
                shapely = False
            while chunk := stream.read(V1_CHUNK_BYTES):  # a damaged file is reported as damaged first
                digest.update(chunk)
    except (zipfile.BadZipFile, EOFError, OSError, zlib.error):
        raise _not_a_package() from None
    checksum = digest.hexdigest()
    if checksum != manifest.get("data_sha256"):
        raise DataError(_("The package is damaged (its checksum does not match): nothing was imported."))
    if not shapely:
        raise _not_a_package()
    for table, limit in TABLES.items():
        if counts[table] > limit:
            raise DataError(_limit_message(table, counts[table], limit))
    return Package(1, manifest, checksum, _zip=raw, _v1_counts=dict(counts), _v1_values=values)


_V1_LISTS = tuple(table for table in TABLES if table not in ("training", "settings"))
_V1_VALUES = ("training", "settings", "logo")
_STEP = {"start_map": 1, "start_array": 1, "end_map": -1, "end_array": -1}


def _v1_shape(stream: IO[bytes], digest: Any) -> tuple[Counter[str], dict[str, Any]]:
    """One pass over data.json, fed to the parser in pieces (each also added to `digest`): the number
    of records in each table's list, and the single values (training, settings, logo) built.
    Raises ijson.JSONError for anything that is not data.json's shape, DataError for a record (or
    one value) longer than a record may be, found before more than a piece past the limit is held."""
    counts: Counter[str] = Counter()
    values: dict[str, Any] = {}
    keys: set[str] = set()
    events = ijson.sendable_list()
    parser = ijson.basic_parse_coro(events, use_float=True)
    depth, key, in_list, builder = 0, "", False, None
    # Bytes fed so far; where the open record began and where the parser last said anything, each
    # known to within a piece (the end of the piece in which it happened).
    fed = started = heard = 0
    record_open = False
    while True:
        chunk = stream.read(V1_CHUNK_BYTES)
        digest.update(chunk)
        before = fed
        fed += len(chunk)
        if chunk:
            parser.send(chunk)
        else:
            parser.close()  # raises for a document cut short
        if events:
            heard = fed
        for event, value in events:
            step = _STEP.get(event, 0)
            at = depth  # the depth of the event: for a start or an end, of what holds it
            depth += step
            if step > 0 and depth > V1_MAX_DEPTH:
                raise ijson.JSONError("nested too deep")
            if at > 2 and builder is None:  # inside a record of a list: most events, kept quick
                if at == 3 and step < 0 and in_list:  # the record ends
                    if before - started > MAX_RECORD_BYTES:  # it began before `started`, ends after `before`
                        raise _record_too_long("data.json")
                    record_open = False
                continue
            if at == 0 and event != "start_map":
                raise ijson.JSONError("data.json is not an object")
            if at == 1 and event == "map_key":
                # A key once (a second list would be read as more of the first), and no dot in it: the
                # records are found by path ("people.item"), which a key "people.item" would match too.
                if value in keys or "." in value:
                    raise ijson.JSONError("a key twice, or a dotted key")
                key, in_list = value, value in _V1_LISTS
                keys.add(key)
                continue
            if at == 1 and in_list and event != "start_array":
                raise ijson.JSONError("a table that is not a list")
            if (at == 2 if in_list else at == 1) and step >= 0:  # a record begins (or a value)
                counts[key] += in_list
                if step:
                    started, record_open = fed, True
                    if key in _V1_VALUES:
                        builder = ijson.ObjectBuilder()
                elif key in _V1_VALUES:
                    values[key] = value
            if builder is not None:
                builder.event(event, value)
            if step < 0 and (at == 3 if in_list else at == 2):  # the record ends
                if before - started > MAX_RECORD_BYTES:
                    raise _record_too_long("data.json")
                record_open = False
                if builder is not None:
                    values[key], builder = builder.value, None
        del events[:]
        if (record_open and fed - started > MAX_RECORD_BYTES) or fed - heard > MAX_RECORD_BYTES:
            raise _record_too_long("data.json")  # a record, or one value in it, still longer
        if not chunk:
            return counts, values


def _limit_message(table: str, count: int, limit: int) -> str:
    return _(
        "The package holds {count} records of {table}, more than the limit of {limit}: it was refused."
    ).format(count=count, table=table, limit=limit)


def _open_v2(raw: bytes, infos: dict[str, zipfile.ZipInfo], manifest: dict[str, Any]) -> Package:
    """Version 2: the manifest states each member's checksum, size and record count; the counts are
    held to the limits and the sizes to the zip's own directory before anything is unpacked."""
    members = manifest.get("members")
    if not isinstance(members, dict):
        raise _not_a_package()
    digest = hashlib.sha256()
    for table, limit in (*TABLES.items(), *OPTIONAL_TABLES.items()):
        name = f"{table}.jsonl"
        if table in OPTIONAL_TABLES and name not in members:
            continue
        entry, info = members.get(name), infos.get(name)
        if not isinstance(entry, dict) or info is None:
            raise _not_a_package()
        records, size, sha = entry.get("records"), entry.get("size"), entry.get("sha256")
        if not (
            isinstance(records, int) and isinstance(size, int) and isinstance(sha, str) and len(sha) == 64
        ):
            raise _not_a_package()
        if size != info.file_size:
            raise DataError(_("The package is damaged (its checksum does not match): nothing was imported."))
        if table == "people" and records > MAX_PEOPLE:
            raise _refuse_limit(_("It holds {count} people, more than the limit of {limit}.").format(
                count=f"{records:,}", limit=f"{MAX_PEOPLE:,}"))  # fmt: skip
        if table == "attendance" and records > MAX_ATTENDANCE:
            raise _refuse_limit(_("It holds {count} attendance marks, more than the limit of {limit}.").format(
                count=f"{records:,}", limit=f"{MAX_ATTENDANCE:,}"))  # fmt: skip
        if records > limit or (table in ("training", "settings") and records != 1):
            raise _refuse_limit(_limit_message(table, records, limit))
        digest.update(f"{name}:{sha}\n".encode())
    return Package(2, manifest, digest.hexdigest(), _zip=raw)


# ---------------------------------------------------------------- checking records


def form_values(row: dict[str, Any], cls: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """A row's values for a form's dataclass (PersonData, …), by its field names."""
    return {name: row.get(name) for name in cls.__dataclass_fields__ if name not in skip}


def _has_lone_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        return any("\ud800" <= ch <= "\udfff" for ch in value)
    if isinstance(value, list):
        return any(_has_lone_surrogate(item) for item in value)
    if isinstance(value, dict):
        return any(_has_lone_surrogate(k) or _has_lone_surrogate(v) for k, v in value.items())
    return False


def _display(value: Any) -> str | None:
    """A name from a package, safe and short enough to show in a message."""
    if not isinstance(value, str):
        return None
    text = re.sub(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]", "", clean_name(value[:200]))
    return text[:60] + ("…" if len(text) > 60 else "") or None


def _is_uid(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 36:
        return False
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


_MODELS: dict[str, Any] = {
    "organizations": Organization, "people": Person, "training": Training, "co_organizers": None,
    "sessions": TrainingSession, "enrollments": Enrollment, "attendance": Attendance,
    "certificates": Certificate, "signatories": Signatory, "aliases": None, "settings": None, "templates": None,
    "accounts": None,
}  # fmt: skip
# Columns a package row must carry (the rest have defaults or may be empty).
_REQUIRED: dict[str, tuple[str, ...]] = {
    "people": ("uid", "full_name"), "organizations": ("uid", "name_ar"), "training": ("uid", "title_ar", "start_date"),
    "sessions": ("uid", "date"), "enrollments": ("uid", "checkin_code", "person_uid"),
    "attendance": ("uid", "status", "recorded_at", "enrollment_uid", "session_uid"),
    "certificates": ("uid", "serial", "verification_code", "issued_at", "printed_name", "printed_training_title",
                     "enrollment_uid"),
    "signatories": ("name",), "aliases": ("alias_uid", "person_uid"), "co_organizers": ("organization_uid",),
    "templates": ("uid", "use"),
    "accounts": ("uid", "name", "role", "password_hash"),
}  # fmt: skip


# Valid values put in place of a required field that failed, so the record's other fields are
# checked too (each failure is already noted).
_STAND_INS: dict[str, Any] = {
    "full_name": "x", "name_ar": "x", "title_ar": "x", "start_date": "2000-01-01", "date": "2000-01-01",
}  # fmt: skip


_FORMS = ("people", "organizations", "training", "sessions")  # tables with a form's rules for every field


class _Checker:
    """Checks records one at a time and remembers only the uids later records may refer to."""

    def __init__(self) -> None:
        self.problems: list[PackageProblem] = []
        self.uids: dict[str, set[str]] = defaultdict(set)
        self.once: dict[str, set[str]] = defaultdict(set)

    def check(self, table: str, number: int, row: Any) -> None:
        if isinstance(row, _Broken) or not isinstance(row, dict):
            message = row.message if isinstance(row, _Broken) else _("This record is not valid here.")
            self.problems.append(PackageProblem(table, number, None, None, "—", message))
            return
        uid = row.get("uid") if isinstance(row.get("uid"), str) else None
        name = _display(row.get("full_name") or row.get("name_ar") or row.get("title_ar") or row.get("name"))
        found: list[tuple[str, str]] = []

        def note(field_name: str, message: str) -> None:
            if not any(f == field_name for f, _m in found):
                found.append((field_name, message))

        for key in _REQUIRED.get(table, ()):
            if row.get(key) in (None, ""):
                note(key, _("This field is required."))
        model = _MODELS.get(table)
        bad: set[str] = set()
        for key, value in row.items():
            # JSON may spell half of a UTF-16 pair ("\\ud800"): text no database can store.
            if _has_lone_surrogate(value):
                note(key, _("This text holds a character that is not valid Unicode (half of a pair)."))
                bad.add(key)
        if model is not None:
            for column in model.__table__.columns:
                if column.key in row and column.key != "id":
                    try:
                        # The forms' own rules say it better when a phone or a name is too long.
                        _convert(column, row[column.key], lengths=table not in _FORMS)
                    except ValueError as error:
                        note(column.key, str(error))
                        bad.add(column.key)
        if "uid" in _REQUIRED.get(table, ()) and uid is not None:
            if not _is_uid(uid):
                note("uid", _("This is not a valid uid."))
            elif table != "attendance":  # marks are matched by enrolment and session, not by uid
                if uid in self.uids[table]:
                    note("uid", _("Another record of the package has the same uid."))
                self.uids[table].add(uid)
        getattr(self, f"_{table}")(row, bad, note)
        for field_name, message in found:
            self.problems.append(PackageProblem(table, number, uid, name, field_name, message))

    def _ref(self, row: dict[str, Any], key: str, table: str, note: Callable[[str, str], None],
             required: bool = False) -> None:  # fmt: skip
        value = row.get(key)
        if value is None and not required:
            return
        if not isinstance(value, str) or value not in self.uids[table]:
            note(key, _("This refers to a record the package does not hold."))

    def _clean_all(
        self, data: Any, clean: Callable[[Any], Any], bad: set[str], note: Callable[[str, str], None]
    ) -> None:
        """The forms' rules, every failing field noted (a field that fails is emptied and the record
        checked again, as the spreadsheet import does)."""
        for name in bad:
            if hasattr(data, name):
                setattr(data, name, _STAND_INS.get(name))
        for _attempt in range(30):
            try:
                clean(data)
                return
            except (TypeError, ValueError):  # a field emptied above that the rule cannot do without
                return
            except ValidationError as error:
                note(error.field, error.message)
                if not hasattr(data, error.field):
                    return
                value = getattr(data, error.field)
                stand_in = _STAND_INS.get(error.field)
                if value in (None, "", False, stand_in):
                    if stand_in is None or value == stand_in:
                        return
                    setattr(data, error.field, stand_in)  # a required field: check the others past it
                else:
                    setattr(data, error.field, None)

    def _bases(self, row: dict[str, Any], note: Callable[[str, str], None]) -> None:
        bases = row.get("bases", {})
        ok = isinstance(bases, dict) and len(bases) <= 1000 and all(
            isinstance(peer, str) and _TAG.match(peer) and isinstance(b, dict) and isinstance(b.get("fields"), dict)
            and isinstance(b.get("package_created_at"), str) for peer, b in bases.items()
        )  # fmt: skip
        if ok:
            try:
                for b in bases.values():
                    if dt.datetime.fromisoformat(b["package_created_at"]).tzinfo is None:
                        ok = False
            except ValueError:
                ok = False
        if not ok:
            note("bases", _("This value is not valid here."))

    def _people(self, row: dict[str, Any], bad: set[str], note: Callable[[str, str], None]) -> None:
        data = PersonData(**form_values(row, PersonData, skip=("organization_id",)))
        data.full_name = data.full_name or ""
        data.consent_share_contact = bool(data.consent_share_contact)
        self._clean_all(data, clean_person, bad, note)
        self._once("national_id", row.get("national_id"), note)
        self._ref(row, "organization_uid", "organizations", note)
        self._bases(row, note)

    def _organizations(self, row: dict[str, Any], bad: set[str], note: Callable[[str, str], None]) -> None:
        data = OrganizationData(**form_values(row, OrganizationData))
        data.name_ar = data.name_ar or ""
        self._clean_all(data, clean_organization, bad, note)
        if row.get("logo") is not None and "logo" not in bad:
            try:
                check_image("logo", _convert(Organization.__table__.c.logo, row["logo"]))
            except ValidationError as error:
                note("logo", error.message)
        self._bases(row, note)

    def _aliases(self, row: dict[str, Any], bad: set[str], note: Callable[[str, str], None]) -> None:
        if not _is_uid(row.get("alias_uid")):
            note("alias_uid", _("This is not a valid uid."))
        self._ref(row, "person_uid", "people", note, required=True)
        # The names a merged record carried (searchable on the person it was merged into).
        for key in ("full_name", "latin_name"):
            value = row.get(key)
            if value is None:
                continue
            if not isinstance(value, str) or clean_name(value) != value or len(value) > 300:
                note(key, _("This value is not valid here."))

    def _training(self, row: dict[str, Any], bad: set[str], note: Callable[[str, str], None]) -> None:
        names = row.get("working_group_names")
        if names is not None and not (isinstance(names, list) and all(isinstance(n, str) for n in names)):
            note("working_group_names", _("This value is not valid here."))
            bad.add("working_group_names")
        fields = form_values(row, TrainingData, skip=("organizer_id", "co_organizer_ids"))
        share = row.get("certificate_min_share")
        fields.update(certificate_min_share=1.0 if share is None or "certificate_min_share" in bad else share,
                      working_group_count=0 if "working_group_count" in bad else row.get("working_group_count") or 0,
                      status=row.get("status") or "planned")  # fmt: skip
        numbers = {"certificate_min_share", "working_group_count"}
        self._clean_all(TrainingData(**fields), clean_training, bad - numbers, note)
        wording = row.get("certificate_wording")
        if isinstance(wording, str):
            try:
                if len(wording) > 10_000:
                    raise ValidationError(
                        "certificate_wording",
                        validation.too_long(10_000),
                    )
                check_wording(wording)
            except ValidationError as error:
                note("certificate_wording", error.message)
        if row.get("options") is not None and not isinstance(row.get("options"), dict):
            note("options", _("This value is not valid here."))
        self._ref(row, "organizer_uid", "organizations", note)

    def _co_organizers(self, row: dict[str, Any], bad: set[str], note: Callable[[str, str], None]) -> None:
        if not _is_uid(row.get("uid")):
            note("uid", _("This is not a valid uid."))
        position = row.get("position", 0)
        if isinstance(position, bool) or not isinstance(position, int) or not 0 <= position <= 100:
            note("position", _("This value is not valid here."))
        self._ref(row, "organization_uid", "organizations", note, required=True)

    def _sessions(self, row: dict[str, Any], bad: set[str], note: Callable[[str, str], None]) -> None:
        data = SessionData(**form_values(row, SessionData))
        self._clean_all(data, clean_session, bad, note)

    def _enrollments(self, row: dict[str, Any], bad: set[str], note: Callable[[str, str], None]) -> None:
        code = row.get("checkin_code")
        if isinstance(code, str) and normalize_checkin_code(code) != code:
            note("checkin_code", _("This is not a valid check-in code."))
        group = row.get("working_group")
        if "working_group" not in bad and group is not None and not 1 <= group <= 100:
            note("working_group", _("This value is not valid here."))
        self._ref(row, "person_uid", "people", note, required=True)
        self._ref(row, "organization_uid", "organizations", note)
        self._once("person_uid", row.get("person_uid"), note)  # one enrolment per person
        self._once("checkin_code", code, note)

    def _once(self, key: str, value: Any, note: Callable[[str, str], None]) -> None:
        """Values the database holds once (a national ID, a check-in code, a serial) appear once."""
        if not isinstance(value, str) or not value:
            return
        if value in self.once[key]:
            note(key, _("Another record of the package has the same value."))
        self.once[key].add(value)

    def _attendance(self, row: dict[str, Any], bad: set[str], note: Callable[[str, str], None]) -> None:
        for key in ("operator", "machine"):
            if key not in bad:
                self._text(row, key, 200, note)
        self._ref(row, "enrollment_uid", "enrollments", note, required=True)
        self._ref(row, "session_uid", "sessions", note, required=True)

    def _certificates(self, row: dict[str, Any], bad: set[str], note: Callable[[str, str], None]) -> None:
        serial, code = row.get("serial"), row.get("verification_code")
        if isinstance(serial, str) and not _SERIAL.match(serial):
            note("serial", _("This is not a valid certificate serial."))
        if isinstance(code, str) and not _VERIFICATION.match(code):
            note("verification_code", _("This is not a valid verification code."))
        self._once("serial", serial, note)
        self._once("verification_code", code, note)
        replaces = row.get("replaces_serial")
        if replaces is not None and not (isinstance(replaces, str) and _SERIAL.match(replaces)):
            note("replaces_serial", _("This is not a valid certificate serial."))
        for key in ("printed_name", "printed_training_title"):
            if key not in bad and isinstance(row.get(key), str):
                try:
                    _required_text(row[key], key)
                except ValidationError as error:
                    note(key, error.message)
        for key, limit in (
            ("printed_latin_name", 300),
            ("printed_organization", 300),
            ("revoked_reason", 10_000),
        ):
            if key not in bad:
                self._text(row, key, limit, note)
        if row.get("printed_details") is not None and not isinstance(row.get("printed_details"), dict):
            note("printed_details", _("This value is not valid here."))
        self._ref(row, "enrollment_uid", "enrollments", note, required=True)

    def _templates(self, row: dict[str, Any], bad: set[str], note: Callable[[str, str], None]) -> None:
        self._once("use", row.get("use"), note)  # one certificate template, one badge template
        for field_name, message in tpl.package_record_problems(row):
            note(field_name, message)

    def _accounts(self, row: dict[str, Any], bad: set[str], note: Callable[[str, str], None]) -> None:
        self._once("account name", row.get("name"), note)
        for field_name, message in accounts.package_record_problems(row):
            note(field_name, message)

    def _signatories(self, row: dict[str, Any], bad: set[str], note: Callable[[str, str], None]) -> None:
        if "name" not in bad:
            try:
                _required_text(row.get("name"), "name")
            except ValidationError as error:
                note("name", error.message)
        if "title" not in bad:
            self._text(row, "title", 300, note)
        if not isinstance(row.get("for_training", False), bool):
            note("for_training", _("This value is not valid here."))
        image = row.get("signature_image")
        if "signature_image" not in bad and image is not None:
            try:
                check_image("signature_image", _convert(Signatory.__table__.c.signature_image, image))
            except ValidationError as error:
                note("signature_image", error.message)

    def _settings(self, row: dict[str, Any], bad: set[str], note: Callable[[str, str], None]) -> None:
        settings = row.get("settings")
        if not isinstance(settings, dict):
            note("settings", _("This value is not valid here."))
            return
        for key, value in settings.items():
            if key not in _SETTINGS:
                note(str(key)[:40], _("This is not a setting a package may carry."))
                continue
            try:
                if key == "certificate_wording":
                    if not isinstance(value, str) or len(value) > 10_000:
                        raise ValidationError(key, _("This value is not valid here."))
                    check_wording(value)
                elif key.startswith("identity_name"):
                    if value is not None and not isinstance(value, str):
                        raise ValidationError(key, _("This value is not valid here."))
                    _optional_text(value, key, 300)
                else:
                    check_setting_value(key, value)
            except ValidationError as error:
                note(key, error.message)
        logo = row.get("logo")
        if logo is not None:
            try:
                check_image(LOGO, _convert(Setting.__table__.c.blob, logo))
            except ValueError as error:
                note("logo", str(error))
            except ValidationError as error:
                note("logo", error.message)

    def _text(self, row: dict[str, Any], key: str, limit: int, note: Callable[[str, str], None]) -> None:
        value = row.get(key)
        if value is None:
            return
        try:
            if not isinstance(value, str):
                raise ValidationError(key, _("This value is not valid here."))
            _optional_text(value, key, limit)
        except ValidationError as error:
            note(key, error.message)


def _required_text(value: Any, field_name: str) -> str:
    from desktop_app.services.validation import required_name

    return required_name(value, field_name)


def _optional_text(value: Any, field_name: str, limit: int) -> str | None:
    from desktop_app.services.validation import optional_text

    return optional_text(value, field_name, limit)
