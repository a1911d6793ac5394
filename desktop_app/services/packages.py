"""Venue packages: a training carried to a laptop without network, and brought back, by file.

A package is one zip file with `manifest.json` (format version, created at, source installation tag,
training uid, SHA-256 of the data) and `data.json` (rows keyed by `uid`, references by uid too),
optionally passphrase-protected as a whole (see `crypto`). It is checked whole (format, checksum,
passphrase) before anything is written.

The manifest also says when the sending database last took in a package of the training (its
`synced_at`): an office cell changed after that is what a conflict is measured against.

Merging matches people, organizations, trainings and sessions by uid (and PersonAlias); a person
the office does not know (a walk-in registered at the venue) goes through the duplicate rules
(phone, national ID, email) before being created. Enrolments match by person and training;
attendance by enrolment and session, cell by cell, the later recorded time winning; a cell the
office changed after the package was made, with a different mark, is a conflict (counted, listed).
A check-in code that collides is re-issued. Nothing is ever deleted, and importing the same package
twice changes nothing.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.errors import DataError
from desktop_app.files import atomic_output, write_private
from desktop_app.i18n import _
from desktop_app.models import (
    Attendance,
    AttendanceStatus,
    Certificate,
    Enrollment,
    ImportedPackage,
    Organization,
    Person,
    PersonAlias,
    Setting,
    Signatory,
    Training,
    TrainingCoOrganizer,
    TrainingSession,
    utcnow,
)
from desktop_app.services import audit, crypto
from desktop_app.services.duplicates import similar_people_in
from desktop_app.services.registry import store_search_tokens
from desktop_app.services.settings import INSTALLATION_TAG, LOGO, get_setting
from desktop_app.services.trainings import get_training, unused_checkin_code

FORMAT_VERSION = 1
_SETTINGS = (
    "identity_name_ar",
    "identity_name_en",
    "document_digits",
    "certificate_serial_prefix",
    "certificate_wording",
)


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


def _columns(model: Any, row: dict[str, Any]) -> dict[str, Any]:
    """Package values back to column values (timestamps, dates, times, enums, bytes)."""
    result: dict[str, Any] = {}
    for column in model.__table__.columns:
        if column.key == "id" or column.key not in row:
            continue
        value = row[column.key]
        if isinstance(value, dict) and set(value) == {"b64"}:
            value = base64.b64decode(value["b64"])
        elif value is not None and isinstance(value, str):
            enum_class = getattr(column.type, "enum_class", None)
            if enum_class is not None:
                value = enum_class(value)
            else:
                column_type = getattr(column.type, "impl", column.type)  # UTCDateTime wraps DateTime
                try:
                    kind = column_type.python_type
                except NotImplementedError:
                    kind = None
                if kind is dt.datetime:
                    value = dt.datetime.fromisoformat(value)
                elif kind is dt.date:
                    value = dt.date.fromisoformat(value)
                elif kind is dt.time:
                    value = dt.time.fromisoformat(value)
        result[column.key] = value
    return result


# ---------------------------------------------------------------- export


def export_package(
    db: Database, training_id: int, out: Path, *, passphrase: str | None = None
) -> dict[str, int]:
    """Write a package of the training: sessions, enrolments, people, their organizations, attendance
    so far, certificates, and the settings needed to print badges and certificates."""
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
        data = {
            "organizations": [_row(o) for o in orgs.values()],
            "people": [
                {**_row(p, ("organization_id",)), "organization_uid": org_uid.get(p.organization_id)}
                for p in people.values()
            ],
            "aliases": [
                {"alias_uid": a.alias_uid, "person_uid": person_uid[a.person_id], "full_name": a.full_name,
                 "latin_name": a.latin_name}
                for a in aliases
            ],  # fmt: skip
            "training": {
                **_row(training, ("organizer_id",)),
                "organizer_uid": org_uid.get(training.organizer_id),
            },
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
            "settings": {key: get_setting(session, key) for key in _SETTINGS},
            "logo": _value(session.scalar(select(Setting.blob).where(Setting.key == LOGO))),
        }
        # When this database last took in a package of the training (a laptop's copy from the office):
        # office cells changed after that and different here are the conflicts.
        synced = session.scalar(
            select(func.max(ImportedPackage.package_created_at)).where(
                ImportedPackage.training_uid == training.uid
            )
        )
        manifest_base = {
            "format_version": FORMAT_VERSION,
            "created_at": utcnow().isoformat(),
            "synced_at": synced.isoformat() if synced else None,
            "source_installation": str(get_setting(session, INSTALLATION_TAG)),
            "training_uid": training.uid,
            "training_title": training.title_ar,
        }
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")
    manifest = {**manifest_base, "data_sha256": hashlib.sha256(payload).hexdigest()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
        archive.writestr("data.json", payload)
    blob = crypto.encrypt(buffer.getvalue(), passphrase) if passphrase else buffer.getvalue()
    with atomic_output(out) as tmp:
        write_private(tmp, blob)
    return {"people": len(data["people"]), "attendance": len(data["attendance"])}


# ---------------------------------------------------------------- reading


@dataclass(frozen=True)
class Package:
    manifest: dict[str, Any]
    data: dict[str, Any]
    checksum: str


def read_package(path: Path, passphrase: str | None = None) -> Package:
    """Open and check a package whole: decryption, zip, format version, checksum."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DataError(_("The package cannot be read: {error}").format(error=error)) from None
    raw = crypto.decrypt(raw, passphrase)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            manifest = json.loads(archive.read("manifest.json"))
            payload = archive.read("data.json")
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError):
        raise DataError(
            _(
                "This is not a Tashbeek package, or it is incomplete (a copy cut short?): nothing was imported."
            )
        ) from None
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise DataError(_("This package was made by a newer version of Tashbeek; update the program first."))
    checksum = hashlib.sha256(payload).hexdigest()
    if checksum != manifest.get("data_sha256"):
        raise DataError(_("The package is damaged (its checksum does not match): nothing was imported."))
    return Package(manifest, json.loads(payload), checksum)


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

    def as_json(self) -> dict[str, Any]:
        return {
            "added": self.added, "updated": self.updated, "unchanged": self.unchanged, "conflicts": self.conflicts,
            "conflict_list": self.conflict_list, "reissued_codes": self.reissued_codes, "warnings": self.warnings,
            "training_id": self.training_id,
        }  # fmt: skip


_RANK = {"present": 3, "late": 2, "excused": 1, "absent": 0}


def import_package(db: Database, package: Package) -> MergeResult:
    """Merge a checked package into the database, in one transaction."""
    data, result = package.data, MergeResult()
    created_at = dt.datetime.fromisoformat(package.manifest["created_at"])
    since = dt.datetime.fromisoformat(package.manifest.get("synced_at") or package.manifest["created_at"])
    with db.session_scope() as session:
        if (
            session.scalar(select(ImportedPackage.id).where(ImportedPackage.checksum == package.checksum))
            is not None
        ):
            result.unchanged = sum(len(v) for v in data.values() if isinstance(v, list)) + 1
            result.training_id = session.scalar(
                select(Training.id).where(Training.uid == data["training"]["uid"])
            )
            return result
        fresh = (
            session.scalar(select(func.count()).select_from(Training)) == 0
            and session.scalar(select(func.count()).select_from(Person)) == 0
        )
        orgs = {row["uid"]: _merge_organization(session, db, row, result) for row in data["organizations"]}
        people = _merge_people(session, db, data, orgs, result)
        training = _merge_training(session, db, data["training"], orgs, result)
        result.training_id = training.id
        for row in data["co_organizers"]:
            exists = session.scalar(select(TrainingCoOrganizer.id).where(
                TrainingCoOrganizer.training_id == training.id, TrainingCoOrganizer.organization_id == orgs[row["organization_uid"]]))  # fmt: skip
            if exists is None:
                session.add(
                    TrainingCoOrganizer(
                        training_id=training.id,
                        organization_id=orgs[row["organization_uid"]],
                        position=row["position"],
                    )
                )
                result.added += 1
            else:
                result.unchanged += 1
        sessions = {row["uid"]: _merge_session(session, row, training.id, result) for row in data["sessions"]}
        enrollments = {
            row["uid"]: _merge_enrollment(session, db, row, training.id, people, orgs, result)
            for row in data["enrollments"]
        }
        for row in data["attendance"]:
            _merge_attendance(
                session,
                row,
                enrollments[row["enrollment_uid"]],
                sessions[row["session_uid"]],
                since,
                result,
            )
        for row in data["certificates"]:
            if session.scalar(select(Certificate.id).where(Certificate.serial == row["serial"])) is None:
                values = _columns(Certificate, row)
                values["enrollment_id"] = enrollments[row["enrollment_uid"]]
                session.add(Certificate(**values))
                result.added += 1
            else:
                result.unchanged += 1
        _merge_signatories(session, data["signatories"], training.id, fresh, result)
        if fresh:
            _copy_settings(session, data)
        session.flush()
        session.add(ImportedPackage(
            checksum=package.checksum, imported_at=utcnow(), source_installation=package.manifest.get("source_installation"),
            training_uid=data["training"]["uid"], package_created_at=created_at, summary=result.as_json(),
        ))  # fmt: skip
        audit.record(session, db, "training", training.uid, "package_import", {
            "source": [None, package.manifest.get("source_installation")], "summary": [None, result.as_json()]})  # fmt: skip
    return result


def _merge_organization(session: Session, db: Database, row: dict[str, Any], result: MergeResult) -> int:
    found = session.scalar(select(Organization.id).where(Organization.uid == row["uid"]))
    if found is None:
        found = session.scalar(
            select(Organization.id).where(Organization.name_key == row["name_key"]).order_by(Organization.id)
        )
    if found is not None:
        result.unchanged += 1
        return found
    org = Organization(**_columns(Organization, row))
    session.add(org)
    session.flush()
    result.added += 1
    return org.id


def _merge_people(
    session: Session, db: Database, data: dict[str, Any], orgs: dict[str, int], result: MergeResult
) -> dict[str, int]:
    aliases = {a["alias_uid"]: a["person_uid"] for a in data["aliases"]}
    alias_names = {a["alias_uid"]: (a.get("full_name"), a.get("latin_name")) for a in data["aliases"]}
    mapped: dict[str, int] = {}
    for row in data["people"]:
        uid = row["uid"]
        found = session.scalar(select(Person.id).where(Person.uid == uid))
        if found is None:
            found = session.scalar(select(PersonAlias.person_id).where(PersonAlias.alias_uid == uid))
        if found is None:  # a walk-in from the venue: the duplicate rules first (strong matches only)
            strong = [s for s in similar_people_in(session, {**row, "name_key": None}) if s.strong]
            if strong:
                found = strong[0].id
                session.add(PersonAlias(person_id=found, alias_uid=uid, merged_at=utcnow()))
                result.warnings.append(
                    _("{name}, registered at the venue, matched a person already here.").format(
                        name=row["full_name"]
                    )
                )
        if found is not None:
            result.unchanged += 1
            mapped[uid] = found
            continue
        values = _columns(Person, {k: v for k, v in row.items() if k != "organization_uid"})
        values["organization_id"] = orgs.get(row.get("organization_uid") or "")
        person = Person(**values)
        session.add(person)
        session.flush()
        store_search_tokens(session, person)
        audit.record(session, db, "person", person.uid, "create", {"source": [None, "package"]})
        result.added += 1
        mapped[uid] = person.id
    named: set[int] = set()
    for alias_uid, person_uid in aliases.items():
        if (
            person_uid in mapped
            and session.scalar(select(PersonAlias.id).where(PersonAlias.alias_uid == alias_uid)) is None
        ):
            full_name, latin_name = alias_names[alias_uid]
            session.add(PersonAlias(person_id=mapped[person_uid], alias_uid=alias_uid, merged_at=utcnow(),
                                    full_name=full_name, latin_name=latin_name))  # fmt: skip
            if full_name or latin_name:
                named.add(mapped[person_uid])
    if named:  # names merged in elsewhere are searchable here too
        session.flush()
        for person in session.scalars(select(Person).where(Person.id.in_(named))):
            store_search_tokens(session, person)
    return mapped


def _merge_training(
    session: Session, db: Database, row: dict[str, Any], orgs: dict[str, int], result: MergeResult
) -> Training:
    training = session.scalar(select(Training).where(Training.uid == row["uid"]))
    if training is not None:
        if training.status.value == "archived":
            result.warnings.append(
                _("The training “{title}” is archived here; the package was merged into it anyway.").format(
                    title=training.title_ar
                )
            )
        result.unchanged += 1
        return training
    values = _columns(Training, {k: v for k, v in row.items() if k != "organizer_uid"})
    values["organizer_id"] = orgs.get(row.get("organizer_uid") or "")
    training = Training(**values)
    session.add(training)
    session.flush()
    audit.record(session, db, "training", training.uid, "create", {"source": [None, "package"]})
    result.added += 1
    return training


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


def _merge_enrollment(
    session: Session, db: Database, row: dict[str, Any], training_id: int, people: dict[str, int], orgs: dict[str, int],
    result: MergeResult,
) -> int:  # fmt: skip
    person_id = people[row["person_uid"]]
    found = session.scalar(
        select(Enrollment.id).where(Enrollment.training_id == training_id, Enrollment.person_id == person_id)
    )
    if found is not None:
        result.unchanged += 1
        return found
    values = _columns(Enrollment, row)
    values.update(
        training_id=training_id,
        person_id=person_id,
        organization_id=orgs.get(row.get("organization_uid") or ""),
    )
    if (
        session.scalar(select(Enrollment.id).where(Enrollment.checkin_code == values["checkin_code"]))
        is not None
    ):
        old = values["checkin_code"]
        values["checkin_code"] = unused_checkin_code(session)
        name = session.scalar(select(Person.full_name).where(Person.id == person_id))
        result.reissued_codes.append(f"{name}: {old} → {values['checkin_code']}")
    if session.scalar(select(Enrollment.id).where(Enrollment.uid == values["uid"])) is not None:
        values.pop("uid")
    enrollment = Enrollment(**values)
    session.add(enrollment)
    session.flush()
    audit.record(session, db, "enrollment", enrollment.uid, "create", {"source": [None, "package"]})
    result.added += 1
    return enrollment.id


def _merge_attendance(
    session: Session,
    row: dict[str, Any],
    enrollment_id: int,
    session_id: int,
    since: dt.datetime,
    result: MergeResult,
) -> None:
    values = _columns(Attendance, row)
    mine = session.scalar(
        select(Attendance).where(
            Attendance.enrollment_id == enrollment_id, Attendance.session_id == session_id
        )
    )
    if mine is None:
        values.update(enrollment_id=enrollment_id, session_id=session_id)
        if session.scalar(select(Attendance.id).where(Attendance.uid == values["uid"])) is not None:
            values.pop("uid")
        session.add(Attendance(**values))
        result.added += 1
        return
    theirs = AttendanceStatus(values["status"])
    recorded = values["recorded_at"]
    if mine.status == theirs:
        result.unchanged += 1
        return
    if mine.updated_at > since:
        result.conflicts += 1
        person = session.scalar(
            select(Person.full_name)
            .join(Enrollment, Enrollment.person_id == Person.id)
            .where(Enrollment.id == enrollment_id)
        )
        day = session.scalar(select(TrainingSession.date).where(TrainingSession.id == session_id))
        result.conflict_list.append(f"{person} — {day}: {mine.status.value} / {theirs.value}")
    if recorded > mine.recorded_at:
        mine.status, mine.recorded_at, mine.method = theirs, recorded, values.get("method", mine.method)
        mine.operator, mine.machine = values.get("operator"), values.get("machine")
        result.updated += 1
    else:
        result.unchanged += 1


def _merge_signatories(
    session: Session, rows: list[dict[str, Any]], training_id: int, fresh: bool, result: MergeResult
) -> None:
    own = session.scalar(select(Signatory.id).where(Signatory.training_id == training_id))
    defaults = session.scalar(select(Signatory.id).where(Signatory.training_id.is_(None)))
    for row in rows:
        values = {k: v for k, v in _columns(Signatory, row).items() if k != "uid"}
        if row["for_training"] and own is None:
            session.add(Signatory(**{**values, "training_id": training_id}))
            result.added += 1
        elif not row["for_training"] and fresh and defaults is None:
            session.add(Signatory(**{**values, "training_id": None}))
            result.added += 1
        else:
            result.unchanged += 1


def _copy_settings(session: Session, data: dict[str, Any]) -> None:
    """A database created from a package prints badges and certificates like the office does."""
    for key, value in data["settings"].items():
        row = session.scalar(select(Setting).where(Setting.key == key))
        if row is None:
            session.add(Setting(key=key, value=value))
        else:
            row.value = value
    logo = data.get("logo")
    if isinstance(logo, dict):
        row = session.scalar(select(Setting).where(Setting.key == LOGO))
        if row is None:
            session.add(Setting(key=LOGO, value=None, blob=base64.b64decode(logo["b64"])))
        else:
            row.blob = base64.b64decode(logo["b64"])
