"""The registry: create, update, archive and read organizations and people.

Every call is one transaction (`db.session_scope()`), validates every field with the same rules
the forms and imports use, keeps the search tokens in step with the names, and writes an
AuditEntry for each change. Nothing is ever deleted: records are archived.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from typing import Any, Protocol

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from desktop_app import clock
from desktop_app.db import Database, retrying
from desktop_app.errors import DataError, NotFoundError, ValidationError
from desktop_app.i18n import _
from desktop_app.models import (
    AuditEntry,
    Gender,
    Organization,
    OrganizationKind,
    Person,
    PersonAlias,
    PersonNameToken,
)
from desktop_app.services import audit, validation
from desktop_app.text.arabic import normalize_name
from desktop_app.text.national_id import parse_national_id
from desktop_app.text.tokens import person_tokens


@dataclass
class OrganizationData:
    """What a form or an import gives for an organization; every field is validated on save."""

    name_ar: str
    name_en: str | None = None
    kind: str | None = None
    governorate: str | None = None
    address: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    notes: str | None = None


@dataclass
class PersonData:
    """What a form or an import gives for a person; every field is validated on save."""

    full_name: str
    latin_name: str | None = None
    gender: str | None = None
    birth_date: dt.date | str | None = None
    national_id: str | None = None
    phone: str | None = None
    phone2: str | None = None
    email: str | None = None
    governorate: str | None = None
    organization_id: int | None = None
    job_title: str | None = None
    consent_share_contact: bool = False
    consent_date: dt.date | str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class OrganizationRecord:
    id: int
    uid: str
    name_ar: str
    name_en: str | None
    kind: str
    governorate: str | None
    address: str | None
    phone: str | None
    email: str | None
    website: str | None
    notes: str | None
    archived: bool
    people_count: int = 0
    version: int = 1  # as read: a save with it refuses if the record changed since (StaleRecord)


@dataclass(frozen=True)
class PersonRecord:
    id: int
    uid: str
    full_name: str
    latin_name: str | None
    gender: str | None
    birth_date: dt.date | None
    national_id: str | None
    phone: str | None
    phone2: str | None
    email: str | None
    governorate: str | None
    organization_id: int | None
    organization_name: str | None
    job_title: str | None
    consent_share_contact: bool
    consent_date: dt.date | None
    notes: str | None
    archived: bool
    version: int = 1  # as read: a save with it refuses if the record changed since (StaleRecord)


class StaleRecord(DataError):
    """A save over a record that changed since the form (or the command) read it: nothing saved.
    `changes`: field -> [value when read, value now] from the audit entries since; `by`: who."""

    def __init__(self, message: str, changes: dict[str, list[Any]], by: list[str], seen: int, now: int) -> None:
        super().__init__(message)
        self.changes, self.by, self.seen, self.now = changes, by, seen, now

    @classmethod
    def of(cls, tx: Session, entity: str, uid: str, seen: int, now: int) -> StaleRecord:
        """Read what changed since version `seen` from the record's last audit entries (one entry per
        save, each save raised the version by one)."""
        entries = list(
            tx.scalars(
                select(AuditEntry)
                .where(AuditEntry.entity == entity, AuditEntry.entity_uid == uid)
                .order_by(AuditEntry.id.desc())
                .limit(max(now - seen, 1))
            )
        )[::-1]
        changes: dict[str, list[Any]] = {}
        by: list[str] = []
        for entry in entries:
            who = entry.operator or entry.machine or "?"
            if who not in by:
                by.append(who)
            for name, (old, new) in (entry.changes or {}).items():
                changes[name] = [changes[name][0] if name in changes else old, new]
        message = _(
            "This record was changed by {who} since it was read (version {seen}, now {now}): nothing was "
            "saved. Changed: {fields}. Read it again and repeat your change."
        ).format(who=_(", ").join(by) or "?", seen=seen, now=now, fields=_(", ").join(changes) or "?")
        return cls(message, changes, by, seen, now)


_ORG_FIELDS = {f.name for f in fields(OrganizationData)}
_TOKEN_FIELDS = ("full_name", "latin_name", "phone", "phone2")  # what the search tokens come from
_PERSON_FIELDS = {f.name for f in fields(PersonData)}


# ---------------------------------------------------------------- validation


def clean_organization(data: OrganizationData) -> dict[str, Any]:
    """Validated column values for an organization (raises one ValidationError naming every bad field)."""
    check = validation.Checks()
    name_ar = check(lambda: validation.required_name(data.name_ar, "name_ar"), "")
    values = {
        "name_ar": name_ar,
        "name_key": normalize_name(name_ar),
        "name_en": check(lambda: validation.optional_text(data.name_en, "name_en", validation.MAX_NAME)),
        "kind": check(lambda: validation.choice(data.kind, "kind", OrganizationKind, OrganizationKind.OTHER)),
        "governorate": check(lambda: validation.governorate(data.governorate)),
        "address": check(lambda: validation.optional_text(data.address, "address")),
        "phone": check(lambda: validation.phone(data.phone)),
        "email": check(lambda: validation.email(data.email)),
        "website": check(lambda: validation.website(data.website)),
        "notes": check(lambda: validation.optional_text(data.notes, "notes", 10_000)),
    }
    check.done()
    return values


def clean_person(data: PersonData) -> dict[str, Any]:
    """Validated column values for a person; a national ID fills birth date, gender and governorate
    when those are left empty (a value the user typed wins). Every bad field is named at once."""
    check = validation.Checks()
    full_name = check(lambda: validation.required_name(data.full_name, "full_name"), "")
    values: dict[str, Any] = {
        "full_name": full_name,
        "name_key": normalize_name(full_name),
        "latin_name": check(lambda: validation.optional_text(data.latin_name, "latin_name", validation.MAX_NAME)),
        "gender": check(lambda: validation.choice(data.gender, "gender", Gender)),
        "birth_date": check(lambda: validation.birth_date(data.birth_date)),
        "national_id": None,
        "phone": check(lambda: validation.phone(data.phone, "phone")),
        "phone2": check(lambda: validation.phone(data.phone2, "phone2")),
        "email": check(lambda: validation.email(data.email)),
        "governorate": check(lambda: validation.governorate(data.governorate)),
        "organization_id": data.organization_id or None,
        "job_title": check(lambda: validation.optional_text(data.job_title, "job_title", validation.MAX_NAME)),
        "consent_share_contact": bool(data.consent_share_contact),
        "consent_date": check(lambda: validation.date_value(data.consent_date, "consent_date")),
        "notes": check(lambda: validation.optional_text(data.notes, "notes", 10_000)),
    }
    if data.national_id not in (None, ""):
        info = check(lambda: parse_national_id(str(data.national_id)))
        if info is not None:
            values["national_id"] = info.number
            values["birth_date"] = values["birth_date"] or info.birth_date
            values["gender"] = values["gender"] or Gender(info.gender)
            values["governorate"] = values["governorate"] or info.governorate
    check.done()
    if values["phone2"] and values["phone2"] == values["phone"]:
        values["phone2"] = None
    if values["consent_share_contact"] and values["consent_date"] is None:
        values["consent_date"] = clock.today()
    if not values["consent_share_contact"]:
        values["consent_date"] = None
    return values


def _check_person_references(tx: Session, values: dict[str, Any], person_id: int | None) -> None:
    org_id = values.get("organization_id")
    if org_id is not None and tx.get(Organization, org_id) is None:
        raise ValidationError("organization_id", _("The chosen organization does not exist."))
    nid = values.get("national_id")
    if nid:
        other = tx.scalar(select(Person.id).where(Person.national_id == nid))
        if other is not None and other != person_id:
            raise ValidationError(
                "national_id", _("Another person in the registry already has this national ID.")
            )


def store_search_tokens(tx: Session, person: Person) -> None:
    """Replace a person's search tokens: every name they carry (their aliases' too) and the last
    digits of their phones (forms, imports, merges and packages write people)."""
    store_search_tokens_of(tx, [person])


class Searchable(Protocol):
    """What a person's search tokens come from (a Person row, or an import's plain record of one)."""

    id: int
    full_name: str
    latin_name: str | None
    phone: str | None
    phone2: str | None


def store_search_tokens_of(tx: Session, people: Sequence[Searchable]) -> None:
    """`store_search_tokens` for many people in a few statements (an import's merges)."""
    tx.flush()  # aliases added in this transaction count
    for start in range(0, len(people), 500):
        chunk = people[start : start + 500]
        ids = [p.id for p in chunk]
        tx.execute(delete(PersonNameToken).where(PersonNameToken.person_id.in_(ids)))
        other_names: dict[int, list[str | None]] = defaultdict(list)
        for person_id, full_name, latin_name in tx.execute(
            select(PersonAlias.person_id, PersonAlias.full_name, PersonAlias.latin_name).where(
                PersonAlias.person_id.in_(ids)
            )
        ):
            other_names[person_id] += [full_name, latin_name]
        insert_tokens(
            tx,
            [
                (t, p.id)
                for p in chunk
                for t in sorted(person_tokens([p.full_name, p.latin_name, *other_names[p.id]], (p.phone, p.phone2)))
            ],
        )


def insert_tokens(tx: Session, rows: list[tuple[str, int]]) -> None:
    """(token, person id) rows in one executemany through the driver: an import writes tens of
    thousands, and binding each through SQLAlchemy's type layer cost more than the insert itself."""
    if not rows:
        return
    connection = tx.connection()
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    connection.exec_driver_sql(f"INSERT INTO person_name_token (token, person_id) VALUES ({mark}, {mark})", rows)


def _set_archived(
    tx: Session, db: Database, obj: Organization | Person, entity: str, archived: bool
) -> None:
    if obj.archived != archived:
        action = "archive" if archived else "restore"
        audit.record(tx, db, entity, obj.uid, action, {"archived": [obj.archived, archived]})
        obj.archived = archived


# ---------------------------------------------------------------- organizations


@retrying
def create_organization(db: Database, data: OrganizationData, *, uid: str | None = None) -> int:
    with db.session_scope() as tx:
        return add_organization(tx, db, data, uid=uid)


def add_organization(
    tx: Session, db: Database, data: OrganizationData, *, uid: str | None = None
) -> int:
    """Create an organization inside the caller's transaction; returns its id."""
    values = clean_organization(data)
    org = Organization(**values)
    if uid:
        org.uid = uid
    tx.add(org)
    tx.flush()
    recorded = dict(values)
    recorded.pop("name_key")
    audit.record(tx, db, "organization", org.uid, "create", audit.diff({}, recorded))
    return org.id


@retrying
def update_organization(db: Database, org_id: int, *, if_version: int | None = None, **changes: Any) -> int:
    """Change an organization; returns its new version (`if_version`: as for update_person)."""
    unknown = set(changes) - _ORG_FIELDS
    if unknown:
        raise ValueError(f"unknown organization fields: {sorted(unknown)}")
    with db.session_scope() as tx:
        org = _get_org(tx, org_id)
        if if_version is not None and org.version != if_version:
            raise StaleRecord.of(tx, "organization", org.uid, if_version, org.version)
        change_organization(tx, db, org, changes)
        tx.flush()
        return org.version


def change_organization(tx: Session, db: Database, org: Organization, changes: dict[str, Any]) -> None:
    """Validate and apply changes to an organization inside the caller's transaction (the form,
    and a venue package's edits, go through here)."""
    current = OrganizationData(**{name: getattr(org, name) for name in _ORG_FIELDS})
    values = clean_organization(OrganizationData(**{**asdict(current), **changes}))
    audit.apply(tx, db, org, "organization", values, derived=("name_key",))


@retrying
def set_organization_archived(db: Database, org_id: int, archived: bool = True) -> None:
    with db.session_scope() as tx:
        _set_archived(tx, db, _get_org(tx, org_id), "organization", archived)


def get_organization(db: Database, org_id: int) -> OrganizationRecord:
    with db.session_scope() as tx:
        org = _get_org(tx, org_id)
        count = tx.scalar(select(func.count()).where(Person.organization_id == org_id)) or 0
        return _org_record(org, count)


def find_organization_by_name(db: Database, name: str) -> OrganizationRecord | None:
    """The organization whose normalised Arabic or English name equals `name`, if any."""
    key = normalize_name(name)
    if not key:
        return None
    with db.session_scope() as tx:
        org = tx.scalars(
            select(Organization).where(Organization.name_key == key).order_by(Organization.id)
        ).first()
        if org is None:
            org = next(
                (
                    o
                    for o in tx.scalars(select(Organization).where(Organization.name_en.is_not(None)))
                    if normalize_name(o.name_en) == key
                ),
                None,
            )
        return _org_record(org) if org else None


def _get_org(tx: Session, org_id: int) -> Organization:
    org = tx.get(Organization, org_id)
    if org is None:
        raise NotFoundError(_("No organization with number {id}.").format(id=org_id))
    return org


def _org_record(org: Organization, people_count: int = 0) -> OrganizationRecord:
    return OrganizationRecord(
        id=org.id, uid=org.uid, name_ar=org.name_ar, name_en=org.name_en, kind=org.kind.value,
        governorate=org.governorate, address=org.address, phone=org.phone, email=org.email,
        website=org.website, notes=org.notes, archived=org.archived, people_count=people_count,
        version=org.version,
    )  # fmt: skip


# ---------------------------------------------------------------- people


@retrying
def create_person(db: Database, data: PersonData, *, uid: str | None = None) -> int:
    with db.session_scope() as tx:
        return add_person(tx, db, data, uid=uid)


def add_person(tx: Session, db: Database, data: PersonData, *, uid: str | None = None) -> int:
    """Create a person inside the caller's transaction; returns their id."""
    values = clean_person(data)
    _check_person_references(tx, values, None)
    person = Person(**values)
    if uid:
        person.uid = uid
    tx.add(person)
    tx.flush()
    store_search_tokens(tx, person)
    recorded = dict(values)
    recorded.pop("name_key")
    audit.record(tx, db, "person", person.uid, "create", audit.diff({}, recorded))
    return person.id


@retrying
def update_person(db: Database, person_id: int, *, if_version: int | None = None, **changes: Any) -> int:
    """Change a person; returns the record's new version. `if_version`: the version the caller saw
    (a form when it opened, `people update --if-version`): a record changed since is refused with
    StaleRecord, naming who changed it, instead of being overwritten."""
    unknown = set(changes) - _PERSON_FIELDS
    if unknown:
        raise ValueError(f"unknown person fields: {sorted(unknown)}")
    with db.session_scope() as tx:
        person = _get_person(tx, person_id)
        if if_version is not None and person.version != if_version:
            raise StaleRecord.of(tx, "person", person.uid, if_version, person.version)
        change_person(tx, db, person, changes)
        tx.flush()
        return person.version


def change_person(tx: Session, db: Database, person: Person, changes: dict[str, Any]) -> None:
    """Validate and apply changes (PersonData field names) to a person inside the caller's
    transaction, with the audit entry and the search tokens (the form, `tashbeek people update` and
    a venue package's edits all go through here)."""
    current = {name: getattr(person, name) for name in _PERSON_FIELDS}
    if isinstance(current["gender"], Gender):
        current["gender"] = current["gender"].value
    merged = {**current, **changes}
    # A new national ID re-derives the fields it implies unless the caller set them too.
    if "national_id" in changes and changes["national_id"] != current["national_id"]:
        for derived in ("birth_date", "gender", "governorate"):
            if derived not in changes:
                merged[derived] = None
    values = clean_person(PersonData(**merged))
    _check_person_references(tx, values, person.id)
    before = audit.apply(tx, db, person, "person", values, derived=("name_key",))
    if any(before[k] != values[k] for k in _TOKEN_FIELDS):
        store_search_tokens(tx, person)


@retrying
def set_person_archived(db: Database, person_id: int, archived: bool = True) -> None:
    with db.session_scope() as tx:
        _set_archived(tx, db, _get_person(tx, person_id), "person", archived)


def get_person(db: Database, person_id: int) -> PersonRecord:
    with db.session_scope() as tx:
        return person_record(tx, _get_person(tx, person_id))


def _get_person(tx: Session, person_id: int) -> Person:
    person = tx.get(Person, person_id)
    if person is None:
        raise NotFoundError(_("No person with number {id}.").format(id=person_id))
    return person


def person_record(tx: Session, person: Person) -> PersonRecord:
    org_name = None
    if person.organization_id is not None:
        org_name = tx.scalar(
            select(Organization.name_ar).where(Organization.id == person.organization_id)
        )
    return PersonRecord(
        id=person.id, uid=person.uid, full_name=person.full_name, latin_name=person.latin_name,
        gender=person.gender.value if person.gender else None, birth_date=person.birth_date,
        national_id=person.national_id, phone=person.phone, phone2=person.phone2, email=person.email,
        governorate=person.governorate, organization_id=person.organization_id, organization_name=org_name,
        job_title=person.job_title, consent_share_contact=person.consent_share_contact,
        consent_date=person.consent_date, notes=person.notes, archived=person.archived, version=person.version,
    )  # fmt: skip
