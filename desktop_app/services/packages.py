"""Venue packages: a training carried to a laptop without network, and brought back, by file.

A package (format 2) is one zip file with `manifest.json` and one JSON Lines member per table
(`people.jsonl`, `attendance.jsonl`, …: one record per line, references by uid), optionally
passphrase-protected as a whole (see `crypto`). The README's "Package format" section is its
specification. Version 1 (one `data.json`) still imports.

Nothing from a package is trusted. Before a byte of data is read, the file's size, every member's
uncompressed size and compression ratio, and the record counts the manifest states are held to the
limits below; then every record is read one line at a time and checked with the same rules as the
forms and the spreadsheet import (`registry.clean_person`, `clean_organization`, the trainings' and
settings' own checks, plus each column's type and length and every reference), and a package with
any bad record is refused whole with each record and field named. Only then is anything written,
in one transaction. Memory stays bounded: one line at a time, plus the uids it refers to.

Merging matches people, organizations, trainings and sessions by uid (and PersonAlias); a person
the office does not know (a walk-in registered at the venue) goes through the duplicate rules
(phone, national ID, email). A uid that matches a person here with whom nothing else agrees (name,
phones and national ID all differ) is never mapped onto them: the record is kept apart and listed
as a conflict. People and organizations merge field by field against a base: each database keeps,
per record and per other installation, the values that installation last sent (`SyncBase`), and a
package carries the sender's bases too, each marked with when the package it came from was made.
The base is the later of the two records of the last exchange between the two databases (compared
on this database's own clock). A field that differs from the base on one side only takes that
side's value; one changed on both sides to different values is a conflict (`SyncConflict`): the
value here stays until someone chooses. With no base (first contact), an empty field here is
filled and nothing else changes.

Enrolments match by person and training; attendance by enrolment and session, cell by cell, the
later recorded time winning; a cell the office changed after the package was made, with a
different mark, is a conflict (counted, listed). A check-in code that collides is re-issued.
Nothing is ever deleted, and importing the same package twice changes nothing.
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
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, or_, select, tuple_
from sqlalchemy.orm import Session

from desktop_app.db import Database, open_database
from desktop_app.errors import DataError, NotFoundError, ValidationError
from desktop_app.files import atomic_output, write_private
from desktop_app.i18n import _, ngettext
from desktop_app.models import (
    Attendance,
    AttendanceStatus,
    AuditEntry,
    Certificate,
    Enrollment,
    ImportedPackage,
    Organization,
    Person,
    PersonAlias,
    PersonNameToken,
    Setting,
    Signatory,
    SyncBase,
    SyncConflict,
    Training,
    TrainingCoOrganizer,
    TrainingSession,
    new_uid,
    utcnow,
)
from desktop_app.services import audit, crypto
from desktop_app.services.certificates import check_wording
from desktop_app.services.duplicates import similar_people_in, strong_keys, strong_matches_in
from desktop_app.services.merging import MERGE_FIELDS, merge_people_in
from desktop_app.services.registry import (
    MAX_TOKEN,
    OrganizationData,
    PersonData,
    change_organization,
    change_person,
    clean_organization,
    clean_person,
    store_name_tokens,
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
    unused_checkin_code,
)
from desktop_app.text.arabic import clean_name, name_tokens, normalize_name
from desktop_app.text.checkin_code import normalize_checkin_code

FORMAT_VERSION = 2
MB = 1024 * 1024

# Limits, all checked before the data is read (the README lists them).
MAX_PACKAGE_BYTES = 256 * MB  # the file itself (it is decrypted in memory)
MAX_MEMBER_BYTES = 256 * MB  # any member, uncompressed
MAX_RATIO = 100  # uncompressed : compressed, for any member
MAX_MEMBERS = 32
MAX_MANIFEST_BYTES = 1 * MB
MAX_RECORD_BYTES = 16 * MB  # one line (a logo or signature image fits)
V1_MAX_DATA_BYTES = 64 * MB  # a version-1 package's one data.json is read whole
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
            raise ValueError(_("This text is too long (at most {n} characters).").format(n=limit))
        return value
    return value  # JSON columns: any JSON, bounded by the record's size


def _columns(model: Any, row: dict[str, Any]) -> dict[str, Any]:
    """A checked package row's values as column values (timestamps, dates, enums, bytes)."""
    return {
        column.key: _convert(column, row[column.key])
        for column in model.__table__.columns
        if column.key != "id" and column.key in row
    }


# ---------------------------------------------------------------- export


def export_package(
    db: Database, training_id: int, out: Path, *, passphrase: str | None = None
) -> dict[str, int]:
    """Write a package of the training: sessions, enrolments, people, their organizations, attendance
    so far, certificates, the settings needed to print badges and certificates, and the bases this
    database keeps for those people and organizations."""
    with db.session_scope() as session:
        training = get_training(session, training_id)
        enrollments = list(session.scalars(select(Enrollment).where(Enrollment.training_id == training_id)))
        people = {
            p.id: p
            for p in session.scalars(select(Person).where(Person.id.in_([e.person_id for e in enrollments])))
        }
        co = list(
            session.scalars(select(TrainingCoOrganizer).where(TrainingCoOrganizer.training_id == training_id))
        )
        org_ids = {training.organizer_id, *(c.organization_id for c in co), *(p.organization_id for p in people.values()),
                   *(e.organization_id for e in enrollments)} - {None}  # fmt: skip
        orgs = {o.id: o for o in session.scalars(select(Organization).where(Organization.id.in_(org_ids)))}
        sessions = {
            s.id: s
            for s in session.scalars(
                select(TrainingSession).where(TrainingSession.training_id == training_id)
            )
        }
        by_enrollment = {e.id: e for e in enrollments}
        attendance = list(
            session.scalars(select(Attendance).where(Attendance.enrollment_id.in_(by_enrollment)))
        )
        certificates = list(
            session.scalars(select(Certificate).where(Certificate.enrollment_id.in_(by_enrollment)))
        )
        aliases = list(session.scalars(select(PersonAlias).where(PersonAlias.person_id.in_(people))))
        signatories = list(
            session.scalars(
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
        person_bases = _bases_to_send(session, "person", names)
        org_bases = _bases_to_send(session, "organization", {o.uid: {o.uid} for o in orgs.values()})
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
            "aliases": [{"alias_uid": a.alias_uid, "person_uid": person_uid[a.person_id]} for a in aliases],
            "training": [
                {**_row(training, ("organizer_id",)), "organizer_uid": org_uid.get(training.organizer_id)}
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
                {**_row(c, ("enrollment_id",)), "enrollment_uid": by_enrollment[c.enrollment_id].uid}
                for c in certificates
            ],
            "signatories": [
                {**_row(s, ("training_id",)), "for_training": s.training_id is not None} for s in signatories
            ],
            "settings": [
                {
                    "settings": {key: get_setting(session, key) for key in _SETTINGS},
                    "logo": _value(session.scalar(select(Setting.blob).where(Setting.key == LOGO))),
                }
            ],
        }
        # When this database last took in a package of the training (a laptop's copy from the office):
        # office cells changed after that and different here are the attendance conflicts.
        synced = session.scalar(
            select(func.max(ImportedPackage.package_created_at)).where(
                ImportedPackage.training_uid == training.uid
            )
        )
        manifest: dict[str, Any] = {
            "format_version": FORMAT_VERSION,
            "created_at": utcnow().isoformat(),
            "synced_at": synced.isoformat() if synced else None,
            "source_installation": str(get_setting(session, INSTALLATION_TAG)),
            "training_uid": training.uid,
            "training_title": training.title_ar,
        }
    members: dict[str, dict[str, Any]] = {}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for table in TABLES:
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
    with atomic_output(out) as tmp:
        write_private(tmp, blob)
    return {"people": len(tables["people"]), "attendance": len(tables["attendance"])}


def _bases_to_send(
    session: Session, entity: str, names: dict[str, set[str]]
) -> dict[str, dict[str, dict[str, Any]]]:
    """For each record (by its uid here), the bases this database keeps for it: {peer: {"fields",
    "package_created_at"}}. `names` maps a record's uid to every uid it is known by (aliases)."""
    owner = {name: uid for uid, known in names.items() for name in known}
    result: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    keys = list(owner)
    for start in range(0, len(keys), 500):
        for base in session.scalars(
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
        return f"{record} (\u2068{self.name}\u2069)" if self.name else record

    def text(self) -> str:
        return _("{record}, {field}: {message}").format(record=self.record(), field=self.field, message=self.message)

    def as_json(self) -> dict[str, Any]:
        return {"table": self.table, "record": self.number, "uid": self.uid, "name": self.name,
                "field": self.field, "message": self.message}  # fmt: skip


def _record_label(table: str, number: int) -> str:
    labels = {
        "organizations": _("organization {n}"), "people": _("person {n}"), "aliases": _("alias {n}"),
        "training": _("training {n}"), "co_organizers": _("co-organizer {n}"), "sessions": _("session {n}"),
        "enrollments": _("enrolment {n}"), "attendance": _("attendance mark {n}"),
        "certificates": _("certificate {n}"), "signatories": _("signatory {n}"), "settings": _("settings {n}"),
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
    _zip: bytes | None = None  # version 2: the zip, whose members are streamed line by line
    _data: dict[str, Any] | None = None  # version 1: data.json, already parsed

    @property
    def source(self) -> str:
        return str(self.manifest.get("source_installation") or "")

    @property
    def created_at(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.manifest["created_at"])

    def records(self, table: str, *, verify: bool = False) -> Iterator[Any]:
        """The table's records in package order; with `verify`, the member's checksum and count are
        compared with the manifest's at its end (a mismatch refuses the package)."""
        if self._data is not None:
            if table == "training":
                yield self._data.get("training")
            elif table == "settings":
                yield {"settings": self._data.get("settings"), "logo": self._data.get("logo")}
            else:
                yield from self._data.get(table) or []
            return
        assert self._zip is not None
        name = f"{table}.jsonl"
        expected = self.manifest["members"][name]
        digest, count = hashlib.sha256(), 0
        with zipfile.ZipFile(io.BytesIO(self._zip)) as archive, archive.open(name) as stream:
            while True:
                line = stream.readline(MAX_RECORD_BYTES + 1)
                if not line:
                    break
                if len(line) > MAX_RECORD_BYTES:
                    raise DataError(
                        _("A record in {member} is longer than {limit} MB: the package was refused.").format(
                            member=name, limit=MAX_RECORD_BYTES // MB
                        )
                    )
                digest.update(line)
                count += 1
                if count > expected["records"]:
                    raise _count_mismatch(table, expected["records"])
                yield _parse_line(line)
        if verify and digest.hexdigest() != expected["sha256"]:
            raise DataError(_("The package is damaged (its checksum does not match): nothing was imported."))
        if verify and count != expected["records"]:
            raise _count_mismatch(table, expected["records"])


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
        raise DataError(_("The package cannot be read: {error}").format(error=error)) from None
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
    package = _open_v1(archive, infos, manifest) if version == 1 else _open_v2(raw, infos, manifest)
    checker = _Checker()
    try:
        for table in TABLES:
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
    archive: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo], manifest: dict[str, Any]
) -> Package:
    """Version 1: one data.json, read whole, so it has a lower limit of its own."""
    info = infos.get("data.json")
    if info is None:
        raise _not_a_package()
    if info.file_size > V1_MAX_DATA_BYTES:
        raise _refuse_limit(
            _(
                "A version-1 package's data may unpack to at most {limit} MB; this one would take {size} MB."
            ).format(limit=V1_MAX_DATA_BYTES // MB, size=info.file_size // MB)
        )
    try:
        payload = archive.read("data.json")
    except (zipfile.BadZipFile, EOFError):
        raise _not_a_package() from None
    checksum = hashlib.sha256(payload).hexdigest()
    if checksum != manifest.get("data_sha256"):
        raise DataError(_("The package is damaged (its checksum does not match): nothing was imported."))
    try:
        data = json.loads(payload)
    except (ValueError, RecursionError):
        raise _not_a_package() from None
    del payload
    if not isinstance(data, dict) or not all(
        isinstance(data.get(t, []), list) for t in TABLES if t not in ("training", "settings")
    ):
        raise _not_a_package()
    for table, limit in TABLES.items():
        if table not in ("training", "settings") and len(data.get(table) or []) > limit:
            raise DataError(_limit_message(table, len(data[table]), limit))
    return Package(1, manifest, checksum, _data=data)


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
    for table, limit in TABLES.items():
        name = f"{table}.jsonl"
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


def _fields(row: dict[str, Any], cls: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """A row's values for a form's dataclass (PersonData, …), by its field names."""
    return {name: row.get(name) for name in cls.__dataclass_fields__ if name not in skip}


def _display(value: Any) -> str | None:
    """A name from a package, safe and short enough to show in a message."""
    if not isinstance(value, str):
        return None
    text = re.sub(r"[\x00-\x1f\x7f-\x9f]", "", clean_name(value[:200]))
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
    "certificates": Certificate, "signatories": Signatory, "aliases": None, "settings": None,
}  # fmt: skip
# Columns a package row must carry (the rest have defaults or may be empty).
_REQUIRED: dict[str, tuple[str, ...]] = {
    "people": ("uid", "full_name"), "organizations": ("uid", "name_ar"), "training": ("uid", "title_ar", "start_date"),
    "sessions": ("uid", "date"), "enrollments": ("uid", "checkin_code", "person_uid"),
    "attendance": ("uid", "status", "recorded_at", "enrollment_uid", "session_uid"),
    "certificates": ("uid", "serial", "verification_code", "issued_at", "printed_name", "printed_training_title",
                     "enrollment_uid"),
    "signatories": ("name",), "aliases": ("alias_uid", "person_uid"), "co_organizers": ("organization_uid",),
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
        data = PersonData(**_fields(row, PersonData, skip=("organization_id",)))
        data.full_name = data.full_name or ""
        data.consent_share_contact = bool(data.consent_share_contact)
        self._clean_all(data, clean_person, bad, note)
        self._once("national_id", row.get("national_id"), note)
        self._ref(row, "organization_uid", "organizations", note)
        self._bases(row, note)

    def _organizations(self, row: dict[str, Any], bad: set[str], note: Callable[[str, str], None]) -> None:
        data = OrganizationData(**_fields(row, OrganizationData))
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

    def _training(self, row: dict[str, Any], bad: set[str], note: Callable[[str, str], None]) -> None:
        names = row.get("working_group_names")
        if names is not None and not (isinstance(names, list) and all(isinstance(n, str) for n in names)):
            note("working_group_names", _("This value is not valid here."))
            bad.add("working_group_names")
        fields = _fields(row, TrainingData, skip=("organizer_id", "co_organizer_ids"))
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
                        _("This text is too long (at most {n} characters).").format(n=10_000),
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
        data = SessionData(**_fields(row, SessionData))
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


# ---------------------------------------------------------------- merging


@dataclass
class MergeResult:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    conflict_list: list[str] = field(default_factory=list)
    reissued_codes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    training_id: int | None = None
    people_updated: int = 0
    organizations_updated: int = 0
    fields_updated: int = 0
    field_conflicts: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "added": self.added, "updated": self.updated, "unchanged": self.unchanged, "conflicts": self.conflicts,
            "conflict_list": self.conflict_list, "reissued_codes": self.reissued_codes, "warnings": self.warnings,
            "training_id": self.training_id, "people_updated": self.people_updated,
            "organizations_updated": self.organizations_updated, "fields_updated": self.fields_updated,
            "field_conflicts": self.field_conflicts,
        }  # fmt: skip


def import_package(db: Database, package: Package) -> MergeResult:
    """Merge a checked package into the database, in one transaction."""
    result = MergeResult()
    with db.session_scope() as session:
        training_uid = package.manifest["training_uid"]
        if (
            session.scalar(select(ImportedPackage.id).where(ImportedPackage.checksum == package.checksum))
            is not None
        ):
            result.unchanged = 1
            result.training_id = session.scalar(select(Training.id).where(Training.uid == training_uid))
            return result
        fresh = (
            session.scalar(select(func.count()).select_from(Training)) == 0
            and session.scalar(select(func.count()).select_from(Person)) == 0
        )
        merger = _Merger(session, db, package, result)
        orgs = merger.organizations()
        people = merger.people(orgs)
        training = merger.training(orgs)
        result.training_id = training.id
        for row in package.records("co_organizers"):
            exists = session.scalar(select(TrainingCoOrganizer.id).where(
                TrainingCoOrganizer.training_id == training.id, TrainingCoOrganizer.organization_id == orgs[row["organization_uid"]]))  # fmt: skip
            if exists is None:
                session.add(
                    TrainingCoOrganizer(
                        training_id=training.id,
                        organization_id=orgs[row["organization_uid"]],
                        position=row.get("position", 0),
                    )
                )
                result.added += 1
            else:
                result.unchanged += 1
        sessions = {
            row["uid"]: _merge_session(session, row, training.id, result)
            for row in package.records("sessions")
        }
        enrollments = _merge_enrollments(session, db, package, training.id, people, orgs, result)
        since = dt.datetime.fromisoformat(package.manifest.get("synced_at") or package.manifest["created_at"])
        for chunk in _chunks(package.records("attendance"), BATCH):
            _merge_attendance(session, chunk, enrollments, sessions, since, result)
        for chunk in _chunks(package.records("certificates"), BATCH):
            _merge_certificates(session, chunk, enrollments, result)
        _merge_signatories(session, list(package.records("signatories")), training.id, fresh, result)
        if fresh:
            _copy_settings(session, next(iter(package.records("settings"))))
        session.flush()
        result.conflicts += len(result.field_conflicts)
        session.add(ImportedPackage(
            checksum=package.checksum, imported_at=utcnow(), source_installation=package.source or None,
            training_uid=training_uid, package_created_at=package.created_at, summary=result.as_json(),
        ))  # fmt: skip
        audit.record(session, db, "training", training.uid, "package_import", {
            "source": [None, package.source], "summary": [None, _summary(result)]})  # fmt: skip
    return result


def _summary(result: MergeResult) -> dict[str, Any]:
    data = result.as_json()
    return {k: v for k, v in data.items() if not isinstance(v, list)}


def import_into_new_database(target: Path, package: Package, *, operator: str = "") -> MergeResult:
    """A new database made from a checked package (a venue laptop's own): created, merged, and
    removed again if anything fails, so a refused import leaves no empty file behind. The caller
    holds the new file's writer lock."""
    if target.exists():
        raise DataError(_("Choose a new file name: this file exists already."))
    db: Database | None = None
    try:
        db = open_database(target, create=True, operator=operator)
        return import_package(db, package)
    except BaseException:
        if db is not None:
            db.dispose()
            db = None
        for suffix in ("", "-wal", "-shm", "-journal"):
            target.with_name(target.name + suffix).unlink(missing_ok=True)
        raise
    finally:
        if db is not None:
            db.dispose()


_MISSING = object()


def _comparable(value: Any) -> Any:
    return audit.jsonable(value)


def _empty(value: Any) -> bool:
    return value in (None, "", False)


class _Merger:
    """People and organizations, field by field (see the module docstring)."""

    def __init__(self, session: Session, db: Database, package: Package, result: MergeResult) -> None:
        self.session, self.db, self.package, self.result = session, db, package, result
        self.peer = package.source
        self.me = str(get_setting(session, INSTALLATION_TAG))
        self.now = utcnow()
        self.org_uid_of: dict[int, str] = {}
        self.orgs: dict[str, int] = {}
        self.bases: dict[str, dict[str, SyncBase]] = {}
        self.new_bases: list[dict[str, Any]] = []
        self.created: dict[tuple[str, str], int] = {}  # strong keys of the people this import created
        self.new_orgs: dict[str, int] = {}  # name keys of the organizations this import created

    # -- bases
    def _own_bases(self, entity: str) -> dict[str, SyncBase]:
        """Every base this database keeps for the sender's records of this kind (one query)."""
        if entity not in self.bases:
            self.bases[entity] = {
                b.record_uid: b
                for b in self.session.scalars(
                    select(SyncBase).where(SyncBase.peer == self.peer, SyncBase.entity == entity)
                )
            }
        return self.bases[entity]

    def _base(self, entity: str, uid: str, carried: Any) -> dict[str, Any] | None:
        own = self._own_bases(entity).get(uid)
        theirs = carried.get(self.me) if isinstance(carried, dict) else None
        if own is not None and theirs is not None:
            # Both sides' records of the last exchange: the later one, on this database's clock.
            if dt.datetime.fromisoformat(theirs["package_created_at"]) > own.received_at:
                return dict(theirs["fields"])
            return dict(own.fields)
        if own is not None:
            return dict(own.fields)
        return dict(theirs["fields"]) if theirs is not None else None

    def _keep_base(self, entity: str, uid: str, fields: dict[str, Any]) -> None:
        """What the peer sent is the base of the next exchange with it."""
        own = self._own_bases(entity).get(uid)
        if own is None:
            self.new_bases.append({"peer": self.peer, "entity": entity, "record_uid": uid, "fields": fields,
                                   "received_at": self.now, "package_created_at": self.package.created_at})  # fmt: skip
            if len(self.new_bases) >= BATCH:
                self.flush_bases()
            return
        own.fields = fields
        own.received_at = self.now
        own.package_created_at = self.package.created_at

    def flush_bases(self) -> None:
        if self.new_bases:
            self.session.execute(insert(SyncBase), self.new_bases)
            self.new_bases = []

    # -- the field-by-field decision
    def _decide(
        self, office: dict[str, Any], incoming: dict[str, Any], base: dict[str, Any] | None
    ) -> tuple[dict[str, Any], list[str]]:
        """(fields to take from the package, fields in conflict)."""
        take: dict[str, Any] = {}
        conflicts: list[str] = []
        for name, theirs in incoming.items():
            mine = office[name]
            if mine == theirs:
                continue
            if self.package.version < 2:
                continue  # version 1: the office's values stay, as before
            before = _MISSING if base is None else base.get(name, _MISSING)
            if before is _MISSING:
                if _empty(mine):  # first contact: fill what is empty here, change nothing else
                    take[name] = theirs
            elif mine == before:
                take[name] = theirs  # changed at the venue only
            elif theirs != before:
                conflicts.append(name)  # changed on both sides, differently
        return take, conflicts

    def _conflict(
        self,
        entity: str,
        uid: str,
        name: str,
        field_name: str,
        office: Any,
        venue: Any,
        base: Any,
        held: str | None = None,
    ) -> None:
        existing = self.session.scalar(
            select(SyncConflict).where(SyncConflict.entity == entity, SyncConflict.record_uid == uid,
                                       SyncConflict.field == field_name, SyncConflict.resolved_at.is_(None))
        )  # fmt: skip
        if existing is None:
            existing = SyncConflict(entity=entity, record_uid=uid, field=field_name, detected_at=self.now)
            self.session.add(existing)
        existing.office_value, existing.venue_value, existing.base_value = office, venue, base
        existing.peer, existing.package_checksum, existing.held_uid = self.peer, self.package.checksum, held
        self.session.flush()
        self.result.field_conflicts.append(
            {
                "id": existing.id,
                "entity": entity,
                "name": name,
                "field": field_name,
                "office": office,
                "venue": venue,
            }
        )
        self.result.conflict_list.append(f"{name} — {field_name}: {_shown(office)} / {_shown(venue)}")

    def _settle_agreed(self, entity: str, uid: str, office: dict[str, Any], incoming: dict[str, Any]) -> None:
        """Open conflicts on fields where both sides now hold the same value are settled."""
        for c in self.session.scalars(
            select(SyncConflict).where(SyncConflict.entity == entity, SyncConflict.record_uid == uid,
                                       SyncConflict.resolved_at.is_(None), SyncConflict.field != "identity")
        ):  # fmt: skip
            if c.field in incoming and office.get(c.field) == incoming[c.field]:
                c.resolved_at, c.resolution, c.resolved_by = self.now, "agreed", self.db.operator or None

    def _apply(
        self, change: Callable[[dict[str, Any]], None], take: dict[str, Any], conflicts: list[str]
    ) -> dict[str, Any]:
        """Apply the values taken through the form's service; a value the rules refuse here (a
        national ID another person has, say) becomes a conflict instead. Returns what was applied."""
        take = dict(take)
        while take:
            try:
                change(take)  # the rules refuse before anything is written
                return take
            except ValidationError as error:
                name = error.field if error.field in take else next(iter(take))
                take.pop(name)
                conflicts.append(name)
        return take

    # -- organizations
    def organizations(self) -> dict[str, int]:
        """Organizations match by uid, else by the same name; the rest are created in batches (a name
        twice among them is one organization)."""
        mapped: dict[str, int] = {}
        for chunk in _chunks(self.package.records("organizations"), BATCH):
            cleaned = [
                clean_organization(OrganizationData(**_fields(row, OrganizationData))) for row in chunk
            ]
            by_uid = {
                o.uid: o for o in self._in(Organization, Organization.uid, [row["uid"] for row in chunk])
            }
            by_name: dict[str, Organization] = {}
            for org in self._in(Organization, Organization.name_key, [v["name_key"] for v in cleaned]):
                if org.name_key not in by_name or org.id < by_name[org.name_key].id:
                    by_name[org.name_key] = org
            new: list[tuple[dict[str, Any], dict[str, Any]]] = []
            same: list[tuple[dict[str, Any], dict[str, Any]]] = []
            for row, values in zip(chunk, cleaned, strict=True):
                uid = row["uid"]
                org = by_uid.get(uid) or by_name.get(values["name_key"])
                if org is not None:
                    self._merge_fields(
                        "organization", org, uid, org.name_ar, _org_fields(values), row.get("bases")
                    )
                    self._keep_base("organization", uid, _org_fields(values))
                    mapped[uid] = org.id
                    self.org_uid_of[org.id] = org.uid
                elif values["name_key"] in self.new_orgs:
                    same.append((row, values))
                else:
                    self.new_orgs[values["name_key"]] = -1  # its id once created, below
                    new.append((row, values))
            if new:
                self._create_organizations(new, mapped)
            for row, values in same:
                mapped[row["uid"]] = self.new_orgs[values["name_key"]]
                self._keep_base("organization", row["uid"], _org_fields(values))
        self.flush_bases()
        return mapped

    def _create_organizations(
        self, new: list[tuple[dict[str, Any], dict[str, Any]]], mapped: dict[str, int]
    ) -> None:
        now = utcnow()
        params = [
            {"created_at": now, "updated_at": now,
             **_columns(Organization, {k: v for k, v in row.items() if k != "bases"}), **values}
            for row, values in new
        ]  # fmt: skip
        ids = self.session.scalars(
            insert(Organization).returning(Organization.id, sort_by_parameter_order=True), params
        ).all()
        for (row, values), org_id, created in zip(new, ids, params, strict=True):
            mapped[row["uid"]] = self.new_orgs[values["name_key"]] = org_id
            self.org_uid_of[org_id] = created["uid"]
            self._keep_base("organization", row["uid"], _org_fields(values))
        self.session.execute(
            insert(AuditEntry), _audit_rows(self.db, "organization", (p["uid"] for p in params), now)
        )
        self.result.added += len(new)

    def _in(self, model: Any, column: Any, values: list[Any]) -> list[Any]:
        found: list[Any] = []
        ordered = sorted(set(values))
        for start in range(0, len(ordered), 500):
            found += self.session.scalars(select(model).where(column.in_(ordered[start : start + 500])))
        return found

    # -- people
    def people(self, orgs: dict[str, int]) -> dict[str, int]:
        self.orgs = orgs
        alias_of: dict[str, list[str]] = defaultdict(list)
        for a in self.package.records("aliases"):
            alias_of[a["person_uid"]].append(a["alias_uid"])
        mapped: dict[str, int] = {}
        for chunk in _chunks(self.package.records("people"), BATCH):
            found = self._find_people([row["uid"] for row in chunk], alias_of)
            walk_ins: list[tuple[dict[str, Any], dict[str, Any]]] = []
            for row in chunk:
                uid = row["uid"]
                values = clean_person(PersonData(**_fields(row, PersonData, skip=("organization_id",))))
                values["organization_id"] = orgs.get(row.get("organization_uid") or "")
                person = found.get(uid)
                if person is not None and _strangers(person, values):
                    mapped[uid] = self._hold_apart(person, uid, values)
                elif person is not None:
                    self._merge_fields(
                        "person", person, uid, person.full_name, self._incoming(row, values), row.get("bases")
                    )
                    mapped[uid] = person.id
                else:
                    walk_ins.append((row, values))
                    continue
                self._keep_base("person", uid, self._incoming(row, values))
            self._walk_ins(walk_ins, mapped)
        self.flush_bases()
        for person_uid, aliases in alias_of.items():
            known = _taken(self.session, PersonAlias.alias_uid, aliases) | _taken(
                self.session, Person.uid, aliases
            )
            for alias_uid in aliases:
                if person_uid in mapped and alias_uid not in known:
                    self.session.add(
                        PersonAlias(person_id=mapped[person_uid], alias_uid=alias_uid, merged_at=utcnow())
                    )
        return mapped

    @staticmethod
    def _incoming(row: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
        incoming = {k: _comparable(values[k]) for k in PERSON_FIELDS if k != "organization_uid"}
        incoming["organization_uid"] = row.get("organization_uid")
        return incoming

    def _find_people(self, uids: list[str], alias_of: dict[str, list[str]]) -> dict[str, Person]:
        """The people here that a batch of the package's uids (or their aliases) name."""
        names = {uid: [uid, *alias_of.get(uid, [])] for uid in uids}
        every = [n for known in names.values() for n in known]
        by_uid: dict[str, Person] = {}
        for start in range(0, len(every), 500):
            part = every[start : start + 500]
            by_uid.update(
                (p.uid, p) for p in self.session.scalars(select(Person).where(Person.uid.in_(part)))
            )
            for alias_uid, person_id in self.session.execute(
                select(PersonAlias.alias_uid, PersonAlias.person_id).where(PersonAlias.alias_uid.in_(part))
            ):
                person = self.session.get(Person, person_id)
                if person is not None:
                    by_uid.setdefault(alias_uid, person)
        found: dict[str, Person] = {}
        for uid, known in names.items():
            person = next((by_uid[n] for n in known if n in by_uid), None)
            if person is not None:
                found[uid] = person
        return found

    def _walk_ins(
        self, walk_ins: list[tuple[dict[str, Any], dict[str, Any]]], mapped: dict[str, int]
    ) -> None:
        """People the office does not know: the duplicate rules first (strong matches only, against
        the registry and the people this import already created), the rest created in one batch."""
        matches = strong_matches_in(self.session, [values for _row, values in walk_ins])
        new: list[tuple[dict[str, Any], dict[str, Any]]] = []
        for (row, values), match in zip(walk_ins, matches, strict=True):
            uid = row["uid"]
            if match is None:
                match = next((self.created[k] for k in strong_keys(values) if k in self.created), None)
            if match is None:
                new.append((row, values))
                for key in strong_keys(values):
                    self.created.setdefault(key, -1)  # claimed; the id follows below
                continue
            if match == -1:  # the same person twice among this batch's new records
                new.append((row, values))
                continue
            self._matched_walk_in(row, values, match)
            mapped[uid] = match
            self._keep_base("person", uid, self._incoming(row, values))
        if not new:
            return
        now = utcnow()
        params = []
        for row, values in new:
            columns = _columns(
                Person, {k: v for k, v in row.items() if k not in ("organization_uid", "bases")}
            )
            params.append({"created_at": now, "updated_at": now, **columns, **values})
        ids = self.session.scalars(
            insert(Person).returning(Person.id, sort_by_parameter_order=True), params
        ).all()
        tokens: list[dict[str, Any]] = []
        first_of: dict[tuple[str, str], int] = {}
        for (row, values), person_id, created in zip(new, ids, params, strict=True):
            names = name_tokens(created["full_name"]) | name_tokens(created.get("latin_name"))
            tokens.extend({"token": t[:MAX_TOKEN], "person_id": person_id} for t in sorted(names))
            mapped[row["uid"]] = person_id
            for key in strong_keys(values):
                first_of.setdefault(key, person_id)
                self.created[key] = first_of[key]
            self._keep_base("person", row["uid"], self._incoming(row, values))
        if tokens:
            self.session.execute(insert(PersonNameToken), tokens)
        self.session.execute(
            insert(AuditEntry), _audit_rows(self.db, "person", (p["uid"] for p in params), now)
        )
        self.result.added += len(new)

    def _matched_walk_in(self, row: dict[str, Any], values: dict[str, Any], person_id: int) -> None:
        person = self.session.get(Person, person_id)
        assert person is not None
        self.session.add(PersonAlias(person_id=person.id, alias_uid=row["uid"], merged_at=utcnow()))
        self.result.warnings.append(
            _("{name}, registered at the venue, matched a person already here.").format(
                name=values["full_name"]
            )
        )
        self._merge_fields("person", person, row["uid"], person.full_name, self._incoming(row, values), None)

    def _hold_apart(self, person: Person, uid: str, values: dict[str, Any]) -> int:
        """The package's record has the uid of `person` but nothing else in common: it is kept as a
        record of its own (or the strong match the duplicate rules find), and listed as a conflict."""
        # The same record in an earlier package went to a record kept apart: this one goes there too.
        earlier = next(
            (c.held_uid for c in self.session.scalars(
                select(SyncConflict).where(SyncConflict.record_uid == person.uid, SyncConflict.field == "identity"))
             if c.resolution != "venue" and isinstance(c.venue_value, dict) and c.venue_value.get("uid") == uid),
            None,
        )  # fmt: skip
        held = self.session.scalar(select(Person).where(Person.uid == earlier)) if earlier else None
        if held is None:
            strong = [s for s in similar_people_in(self.session, {**values, "name_key": None}, exclude_id=person.id)
                      if s.strong]  # fmt: skip
            held = self.session.get(Person, strong[0].id) if strong else None
        if held is None:
            held = Person(**values)
            self.session.add(held)
            self.session.flush()
            store_name_tokens(self.session, held.id, held.full_name, held.latin_name)
            audit.record(self.session, self.db, "person", held.uid, "create",
                         {"source": [None, "package"], "kept_apart_from": [None, person.uid]})  # fmt: skip
            self.result.added += 1
        office = {"full_name": person.full_name, "phone": person.phone, "national_id": person.national_id}
        venue = {
            "full_name": values["full_name"],
            "phone": values["phone"],
            "national_id": values["national_id"],
            "uid": uid,
        }
        self._conflict("person", person.uid, person.full_name, "identity", office, venue, None, held.uid)
        return held.id

    def _merge_fields(
        self,
        entity: str,
        record: Person | Organization,
        uid: str,
        name: str,
        incoming: dict[str, Any],
        carried: Any,
    ) -> None:
        office = self._office_values(entity, record, incoming)
        base = self._base(entity, uid, carried)
        if base is not None and entity == "person" and "organization_uid" in base:
            base["organization_uid"] = self._org_key(base["organization_uid"])
        compared = dict(incoming)
        if entity == "person":
            compared["organization_uid"] = self._org_key(incoming["organization_uid"])
        take, conflicts = self._decide(office, compared, base)
        if take:
            changes = {("organization_id" if k == "organization_uid" else k): v for k, v in take.items()}
            if "organization_id" in changes:
                changes["organization_id"] = self.orgs.get(incoming["organization_uid"] or "")
            if isinstance(record, Person):
                applied = self._apply(
                    lambda c: change_person(self.session, self.db, record, c), changes, conflicts
                )
            else:
                applied = self._apply(
                    lambda c: change_organization(self.session, self.db, record, c), changes, conflicts
                )
            if applied:
                self.result.fields_updated += len(applied)
                self.result.updated += 1
                if entity == "person":
                    self.result.people_updated += 1
                else:
                    self.result.organizations_updated += 1
            else:
                self.result.unchanged += 1
        else:
            self.result.unchanged += 1
        for field_name in conflicts:
            key = "organization_uid" if field_name == "organization_id" else field_name
            mine, theirs, before = office.get(key), incoming.get(key), None if base is None else base.get(key)
            if key == "organization_uid":  # shown and settled by the organizations here
                mine, theirs, before = (self._org_uid(mine), self._org_uid(self._org_key(theirs)),
                                        self._org_uid(before))  # fmt: skip
            self._conflict(entity, record.uid, name, key, mine, theirs, before)
        self._settle_agreed(entity, record.uid, self._office_values(entity, record, incoming), compared)

    def _org_uid(self, org_id: Any) -> Any:
        if not isinstance(org_id, int):
            return org_id
        return self.org_uid_of.get(org_id) or self.session.scalar(
            select(Organization.uid).where(Organization.id == org_id)
        )

    def _org_key(self, org_uid: Any) -> Any:
        """A person's organization compared by the organization here it stands for."""
        if org_uid is None:
            return None
        found = self.orgs.get(org_uid) or self.session.scalar(
            select(Organization.id).where(Organization.uid == org_uid)
        )
        return found if found is not None else org_uid

    def _office_values(self, entity: str, record: Any, incoming: dict[str, Any]) -> dict[str, Any]:
        values = {k: _comparable(getattr(record, k)) for k in incoming if k != "organization_uid"}
        if entity == "person":
            values["organization_uid"] = record.organization_id
        return values

    # -- the training
    def training(self, orgs: dict[str, int]) -> Training:
        row = next(iter(self.package.records("training")))
        training = self.session.scalar(select(Training).where(Training.uid == row["uid"]))
        if training is not None:
            if training.status.value == "archived":
                self.result.warnings.append(
                    _(
                        "The training “{title}” is archived here; the package was merged into it anyway."
                    ).format(title=training.title_ar)
                )
            self.result.unchanged += 1
            return training
        values = _columns(Training, {k: v for k, v in row.items() if k != "organizer_uid"})
        values["organizer_id"] = orgs.get(row.get("organizer_uid") or "")
        training = Training(**values)
        self.session.add(training)
        self.session.flush()
        audit.record(self.session, self.db, "training", training.uid, "create", {"source": [None, "package"]})
        self.result.added += 1
        return training


def _org_fields(values: dict[str, Any]) -> dict[str, Any]:
    """An organization's merged fields, as compared and kept in a base."""
    return {k: _comparable(v) for k, v in values.items() if k in ORGANIZATION_FIELDS}


def _shown(value: Any) -> str:
    return "—" if value in (None, "") else str(value)


def _words(name: str | None) -> set[str]:
    return set(normalize_name(name or "").split())


def _strangers(person: Person, values: dict[str, Any]) -> bool:
    """Nothing ties the package's record to the person with its uid: the names share no whole
    spelling (neither is the other plus or minus some words), no phone number is common, and the
    national IDs are not the same (a missing value ties nothing)."""
    mine, theirs = _words(person.full_name), _words(values["full_name"])
    names_differ = not (mine <= theirs or theirs <= mine)
    phones = {person.phone, person.phone2} - {None}
    phones_differ = not (phones & ({values.get("phone"), values.get("phone2")} - {None}))
    ids_differ = not (person.national_id and person.national_id == values.get("national_id"))
    return names_differ and phones_differ and ids_differ


def _merge_session(session: Session, row: dict[str, Any], training_id: int, result: MergeResult) -> int:
    found = session.scalar(select(TrainingSession.id).where(TrainingSession.uid == row["uid"]))
    if found is not None:
        result.unchanged += 1
        return found
    ts = TrainingSession(**{**_columns(TrainingSession, row), "training_id": training_id})
    session.add(ts)
    session.flush()
    result.added += 1
    return ts.id


BATCH = 1000  # records merged per round of queries


def _chunks(rows: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _taken(session: Session, column: Any, values: Iterable[Any]) -> set[Any]:
    """Which of `values` the column already holds (a few IN queries)."""
    ordered = sorted({v for v in values if v is not None})
    found: set[Any] = set()
    for start in range(0, len(ordered), 500):
        found.update(session.scalars(select(column).where(column.in_(ordered[start : start + 500]))))
    return found


def _audit_rows(db: Database, entity: str, uids: Iterable[str], now: dt.datetime) -> list[dict[str, Any]]:
    """Audit entries for records a package created, written in one statement."""
    return [
        {"uid": new_uid(), "created_at": now, "updated_at": now, "at": now, "operator": db.operator or None,
         "machine": db.machine, "entity": entity, "entity_uid": uid, "action": "create",
         "changes": {"source": [None, "package"]}}
        for uid in uids
    ]  # fmt: skip


def _merge_enrollments(
    session: Session, db: Database, package: Package, training_id: int, people: dict[str, int],
    orgs: dict[str, int], result: MergeResult,
) -> dict[str, int]:  # fmt: skip
    """Enrolments match by person and training; new ones are inserted in batches, a check-in code
    already in use here is re-issued."""
    mine = dict(
        session.execute(
            select(Enrollment.person_id, Enrollment.id).where(Enrollment.training_id == training_id)
        ).all()
    )
    mapped: dict[str, int] = {}
    issued: set[str] = set()  # codes given out by this import
    now = utcnow()
    for chunk in _chunks(package.records("enrollments"), BATCH):
        in_use = _taken(session, Enrollment.checkin_code, (row["checkin_code"] for row in chunk))
        uids_in_use = _taken(session, Enrollment.uid, (row["uid"] for row in chunk))
        new: list[dict[str, Any]] = []
        for row in chunk:
            person_id = people[row["person_uid"]]
            if person_id in mine:
                mapped[row["uid"]] = mine[person_id]
                result.unchanged += 1
                continue
            values = _columns(
                Enrollment, {k: v for k, v in row.items() if k not in ("person_uid", "organization_uid")}
            )
            values.update(
                training_id=training_id,
                person_id=person_id,
                organization_id=orgs.get(row.get("organization_uid") or ""),
            )
            code = values["checkin_code"]
            if code in in_use or code in issued:
                while code in in_use or code in issued:
                    code = unused_checkin_code(session)
                name = session.scalar(select(Person.full_name).where(Person.id == person_id))
                result.reissued_codes.append(f"{name}: {values['checkin_code']} → {code}")
                values["checkin_code"] = code
            issued.add(code)
            if values["uid"] in uids_in_use:
                values["uid"] = new_uid()
            values.setdefault("created_at", now)
            values.setdefault("updated_at", now)
            mine[person_id] = -1  # a second enrolment of the same person in this package merges into this one
            new.append({**values, "_package_uid": row["uid"]})
        if new:
            ids = session.scalars(
                insert(Enrollment).returning(Enrollment.id, sort_by_parameter_order=True),
                [{k: v for k, v in values.items() if k != "_package_uid"} for values in new],
            ).all()
            for values, enrollment_id in zip(new, ids, strict=True):
                mapped[values["_package_uid"]] = mine[values["person_id"]] = enrollment_id
            session.execute(insert(AuditEntry), _audit_rows(db, "enrollment", (v["uid"] for v in new), now))
            result.added += len(new)
    return mapped


def _merge_attendance(
    session: Session,
    chunk: list[dict[str, Any]],
    enrollments: dict[str, int],
    sessions: dict[str, int],
    since: dt.datetime,
    result: MergeResult,
) -> None:
    """Attendance, cell by cell: a new cell is added; a cell both have takes the later recorded
    time; one the office changed since `since`, with a different mark, is also a conflict."""
    cells: dict[tuple[int, int], dict[str, Any]] = {}
    for row in chunk:
        values = _columns(
            Attendance, {k: v for k, v in row.items() if k not in ("enrollment_uid", "session_uid")}
        )
        key = (enrollments[row["enrollment_uid"]], sessions[row["session_uid"]])
        if key not in cells or values["recorded_at"] > cells[key]["recorded_at"]:
            cells[key] = values  # the same cell twice in one package: the later one
    pairs = sorted(cells)
    mine = {
        (a.enrollment_id, a.session_id): a
        for a in session.scalars(
            select(Attendance).where(tuple_(Attendance.enrollment_id, Attendance.session_id).in_(pairs))
        )
    }
    uids_in_use = _taken(session, Attendance.uid, (v.get("uid") for v in cells.values()))
    new: list[dict[str, Any]] = []
    now = utcnow()
    for (enrollment_id, session_id), values in cells.items():
        current = mine.get((enrollment_id, session_id))
        if current is None:
            values.update(enrollment_id=enrollment_id, session_id=session_id)
            if values.get("uid") in uids_in_use:
                values["uid"] = new_uid()
            values.setdefault("created_at", now)
            values.setdefault("updated_at", now)
            new.append(values)
            continue
        theirs = AttendanceStatus(values["status"])
        if current.status == theirs:
            result.unchanged += 1
            continue
        if current.updated_at > since:
            result.conflicts += 1
            person = session.scalar(
                select(Person.full_name).join(Enrollment, Enrollment.person_id == Person.id)
                .where(Enrollment.id == enrollment_id)
            )  # fmt: skip
            day = session.scalar(select(TrainingSession.date).where(TrainingSession.id == session_id))
            result.conflict_list.append(f"{person} — {day}: {current.status.value} / {theirs.value}")
        if values["recorded_at"] > current.recorded_at:
            current.status, current.recorded_at = theirs, values["recorded_at"]
            current.method = values.get("method", current.method)
            current.operator, current.machine = values.get("operator"), values.get("machine")
            result.updated += 1
        else:
            result.unchanged += 1
    if new:
        session.execute(insert(Attendance), new)
        result.added += len(new)


def _merge_certificates(
    session: Session, chunk: list[dict[str, Any]], enrollments: dict[str, int], result: MergeResult
) -> None:
    """Certificates match by serial (each installation numbers its own); a verification code that a
    different certificate here already has refuses the package."""
    serials = _taken(session, Certificate.serial, (row["serial"] for row in chunk))
    codes = _taken(session, Certificate.verification_code, (row["verification_code"] for row in chunk))
    uids_in_use = _taken(session, Certificate.uid, (row["uid"] for row in chunk))
    new: list[dict[str, Any]] = []
    for row in chunk:
        if row["serial"] in serials:
            result.unchanged += 1
            continue
        if row["verification_code"] in codes:
            raise DataError(
                _(
                    "The certificate {serial} in the package has the verification code of another certificate "
                    "here: nothing was imported."
                ).format(serial=row["serial"])  # fmt: skip
            )
        values = _columns(Certificate, {k: v for k, v in row.items() if k != "enrollment_uid"})
        values["enrollment_id"] = enrollments[row["enrollment_uid"]]
        if values["uid"] in uids_in_use:
            values["uid"] = new_uid()
        new.append(values)
    if new:
        session.execute(insert(Certificate), new)
        result.added += len(new)


def _merge_signatories(
    session: Session, rows: list[dict[str, Any]], training_id: int, fresh: bool, result: MergeResult
) -> None:
    own = session.scalar(select(Signatory.id).where(Signatory.training_id == training_id))
    defaults = session.scalar(select(Signatory.id).where(Signatory.training_id.is_(None)))
    for row in rows:
        values = {k: v for k, v in _columns(Signatory, row).items() if k != "uid"}
        if row.get("for_training") and own is None:
            session.add(Signatory(**{**values, "training_id": training_id}))
            result.added += 1
        elif not row.get("for_training") and fresh and defaults is None:
            session.add(Signatory(**{**values, "training_id": None}))
            result.added += 1
        else:
            result.unchanged += 1


def _copy_settings(session: Session, row: dict[str, Any]) -> None:
    """A database created from a package prints badges and certificates like the office does."""
    for key, value in (row.get("settings") or {}).items():
        setting = session.scalar(select(Setting).where(Setting.key == key))
        if setting is None:
            session.add(Setting(key=key, value=value))
        else:
            setting.value = value
    logo = row.get("logo")
    if isinstance(logo, dict):
        setting = session.scalar(select(Setting).where(Setting.key == LOGO))
        if setting is None:
            session.add(Setting(key=LOGO, value=None, blob=base64.b64decode(logo["b64"])))
        else:
            setting.blob = base64.b64decode(logo["b64"])


# ---------------------------------------------------------------- conflicts


@dataclass(frozen=True)
class ConflictRow:
    """A conflict as the Conflicts list and `tashbeek package conflicts` show it."""

    id: int
    entity: str
    record_id: int | None
    name: str
    field: str
    office_value: Any
    venue_value: Any
    peer: str | None
    detected_at: dt.datetime
    resolved_at: dt.datetime | None
    resolution: str | None
    held_id: int | None
    office_text: str  # the values as words: an organization by its name, "—" for nothing
    venue_text: str

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "entity": self.entity, "record_id": self.record_id, "name": self.name,
            "field": self.field, "office": self.office_value, "venue": self.venue_value,
            "office_text": self.office_text, "venue_text": self.venue_text, "from": self.peer,
            "detected_at": self.detected_at.isoformat(), "resolved_at": self.resolved_at.isoformat() if self.resolved_at else None,
            "resolution": self.resolution, "held_id": self.held_id,
        }  # fmt: skip


def list_conflicts(db: Database, *, include_resolved: bool = False) -> list[ConflictRow]:
    """Conflicts waiting for a decision (and, if asked, those already settled), newest first."""
    with db.session_scope() as session:
        stmt = select(SyncConflict).order_by(SyncConflict.detected_at.desc(), SyncConflict.id.desc())
        if not include_resolved:
            stmt = stmt.where(SyncConflict.resolved_at.is_(None))
        rows = []
        for c in session.scalars(stmt):
            record: Any = _conflict_record(session, c)
            held = session.scalar(select(Person.id).where(Person.uid == c.held_uid)) if c.held_uid else None
            name = (record.full_name if isinstance(record, Person) else record.name_ar) if record else "?"
            rows.append(ConflictRow(
                c.id, c.entity, record.id if record else None, name, c.field, c.office_value, c.venue_value, c.peer,
                c.detected_at, c.resolved_at, c.resolution, held, _value_text(session, c.field, c.office_value),
                _value_text(session, c.field, c.venue_value),
            ))  # fmt: skip
        return rows


def _value_text(session: Session, field_name: str, value: Any) -> str:
    if value in (None, ""):
        return "—"
    if field_name == "identity" and isinstance(value, dict):
        return " / ".join(str(value.get(k) or "—") for k in ("full_name", "phone", "national_id"))
    if field_name == "organization_uid":
        return session.scalar(select(Organization.name_ar).where(Organization.uid == value)) or str(value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


def _conflict_record(session: Session, c: SyncConflict) -> Person | Organization | None:
    model: Any = Person if c.entity == "person" else Organization
    found: Person | Organization | None = session.scalar(select(model).where(model.uid == c.record_uid))
    return found


def resolve_conflict(db: Database, conflict_id: int, keep: str) -> None:
    """Settle a conflict: "office" keeps the value here; "venue" takes the package's value (through
    the form's rules and audit). An identity conflict settled for the venue merges the record kept
    apart into the person here, with the package's values; for the office, both stay separate."""
    if keep not in ("office", "venue"):
        raise ValidationError("keep", _("Choose office or venue."))
    with db.session_scope() as session:
        c = session.get(SyncConflict, conflict_id)
        if c is None:
            raise NotFoundError(_("No conflict with number {id}.").format(id=conflict_id))
        if c.resolved_at is not None:
            raise DataError(_("This conflict was settled already."))
        record = _conflict_record(session, c)
        if record is None:
            raise NotFoundError(_("The record of this conflict is no longer in the registry."))
        if keep == "venue":
            if c.field == "identity":
                held = session.scalar(select(Person).where(Person.uid == c.held_uid)) if c.held_uid else None
                if held is None or not isinstance(record, Person):
                    raise NotFoundError(_("The record kept apart is no longer in the registry."))
                take = {name for name in MERGE_FIELDS if getattr(held, name) not in (None, "")}
                merge_people_in(session, db, record.id, held.id, take)
            else:
                value = c.venue_value
                name = c.field
                if name == "organization_uid":
                    name = "organization_id"
                    value = (
                        session.scalar(select(Organization.id).where(Organization.uid == value))
                        if value
                        else None
                    )
                if isinstance(record, Person):
                    change_person(session, db, record, {name: value})
                else:
                    change_organization(session, db, record, {name: value})
        c.resolved_at, c.resolution, c.resolved_by = utcnow(), keep, db.operator or None
        audit.record(session, db, c.entity, c.record_uid, "conflict_resolved",
                     {"field": [None, c.field], "kept": [None, keep]})  # fmt: skip
