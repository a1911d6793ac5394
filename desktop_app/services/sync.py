"""Merging a checked venue package (`services.packages`) into a database, and the conflicts it leaves.

One transaction per package, in batches of a thousand records. Merging matches people,
organizations, trainings and sessions by uid (and PersonAlias); a person the office does not know (a
walk-in registered at the venue) goes through the duplicate rules (phone, national ID, email). A uid
that matches a person here with whom nothing else agrees (name, phones and national ID all differ) is
never mapped onto them: the record is kept apart and listed as a conflict.

People and organizations merge field by field against a base: each database keeps, per record and per
other installation, the values that installation last sent (`SyncBase`), and a package carries the
sender's bases too, each marked with when the package it came from was made. The base is the later of
the two records of the last exchange between the two databases (compared on this database's own
clock). A field that differs from the base on one side only takes that side's value; one changed on
both sides to different values is a conflict (`SyncConflict`): the value here stays until someone
chooses. With no base (first contact), an empty field here is filled and nothing else changes.

Enrolments match by person and training; attendance by enrolment and session, cell by cell, the
later recorded time winning; a cell the office changed after the package was made, with a different
mark, is a conflict (counted, listed). A check-in code that collides is re-issued. Nothing is ever
deleted, and importing the same package twice changes nothing.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, tuple_, update
from sqlalchemy.orm import Session

from desktop_app.db import Database, open_database
from desktop_app.errors import DataError, NotFoundError, ValidationError
from desktop_app.i18n import _
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
from desktop_app.services import accounts, audit
from desktop_app.services.duplicates import similar_people_in, strong_keys, strong_matches_in
from desktop_app.services.merging import MERGE_FIELDS, merge_people_in
from desktop_app.services.packages import (
    ORGANIZATION_FIELDS,
    PERSON_FIELDS,
    Package,
    column_values,
    form_values,
)
from desktop_app.services.registry import (
    OrganizationData,
    PersonData,
    change_organization,
    change_person,
    clean_organization,
    clean_person,
    insert_tokens,
    store_search_tokens,
    store_search_tokens_of,
)
from desktop_app.services.settings import (
    INSTALLATION_TAG,
    LOGO,
    get_setting,
)
from desktop_app.services.templates import adopt_package_templates
from desktop_app.services.trainings import (
    unused_checkin_code,
)
from desktop_app.text.arabic import normalize_name
from desktop_app.text.tokens import person_tokens

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
    with db.session_scope() as tx:
        training_uid = package.manifest["training_uid"]
        if (
            tx.scalar(select(ImportedPackage.id).where(ImportedPackage.checksum == package.checksum))
            is not None
        ):
            result.unchanged = 1
            result.training_id = tx.scalar(select(Training.id).where(Training.uid == training_uid))
            return result
        fresh = (
            tx.scalar(select(func.count()).select_from(Training)) == 0
            and tx.scalar(select(func.count()).select_from(Person)) == 0
        )
        merger = _Merger(tx, db, package, result)
        orgs = merger.organizations()
        people = merger.people(orgs)
        training = merger.training(orgs)
        result.training_id = training.id
        for row in package.records("co_organizers"):
            exists = tx.scalar(select(TrainingCoOrganizer.id).where(
                TrainingCoOrganizer.training_id == training.id, TrainingCoOrganizer.organization_id == orgs[row["organization_uid"]]))  # fmt: skip
            if exists is None:
                tx.add(
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
            row["uid"]: _merge_session(tx, row, training.id, result)
            for row in package.records("sessions")
        }
        enrollments = _merge_enrollments(tx, db, package, training.id, people, orgs, result)
        since = dt.datetime.fromisoformat(package.manifest.get("synced_at") or package.manifest["created_at"])
        for chunk in _chunks(package.records("attendance"), BATCH):
            _merge_attendance(tx, chunk, enrollments, sessions, since, result)
        for chunk in _chunks(package.records("certificates"), BATCH):
            _merge_certificates(tx, chunk, enrollments, result)
        _merge_signatories(tx, list(package.records("signatories")), training.id, fresh, result)
        templates = list(package.records("templates"))
        if templates:  # a package from before templates travelled keeps the venue's choice
            result.added += adopt_package_templates(tx, db, training, templates)
        if fresh:
            _copy_settings(tx, next(iter(package.records("settings"))))
            # A venue laptop made from the package signs people in with the office's accounts.
            accounts.adopt_package_accounts(tx, db, list(package.records("accounts")))
        tx.flush()
        result.conflicts += len(result.field_conflicts)
        tx.add(ImportedPackage(
            checksum=package.checksum, imported_at=utcnow(), source_installation=package.source or None,
            training_uid=training_uid, package_created_at=package.created_at, summary=result.as_json(),
        ))  # fmt: skip
        audit.record(tx, db, "training", training.uid, "package_import", {
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

    def __init__(self, tx: Session, db: Database, package: Package, result: MergeResult) -> None:
        self.session, self.db, self.package, self.result = tx, db, package, result
        self.peer = package.source
        self.me = str(get_setting(tx, INSTALLATION_TAG))
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
                clean_organization(OrganizationData(**form_values(row, OrganizationData))) for row in chunk
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
             **column_values(Organization, {k: v for k, v in row.items() if k != "bases"}), **values}
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
        alias_names: dict[str, tuple[str | None, str | None]] = {}
        for a in self.package.records("aliases"):
            alias_of[a["person_uid"]].append(a["alias_uid"])
            alias_names[a["alias_uid"]] = (a.get("full_name"), a.get("latin_name"))
        mapped: dict[str, int] = {}
        for chunk in _chunks(self.package.records("people"), BATCH):
            found = self._find_people([row["uid"] for row in chunk], alias_of)
            walk_ins: list[tuple[dict[str, Any], dict[str, Any]]] = []
            for row in chunk:
                uid = row["uid"]
                values = clean_person(PersonData(**form_values(row, PersonData, skip=("organization_id",))))
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
        named: set[int] = set()
        for person_uid, aliases in alias_of.items():
            known = _taken(self.session, PersonAlias.alias_uid, aliases) | _taken(
                self.session, Person.uid, aliases
            )
            for alias_uid in aliases:
                if person_uid in mapped and alias_uid not in known:
                    full_name, latin_name = alias_names[alias_uid]
                    self.session.add(PersonAlias(person_id=mapped[person_uid], alias_uid=alias_uid, merged_at=utcnow(),
                                                 full_name=full_name, latin_name=latin_name))  # fmt: skip
                    if full_name or latin_name:
                        named.add(mapped[person_uid])
        if named:  # names merged in elsewhere are searchable here too
            self.session.flush()
            store_search_tokens_of(self.session, list(self.session.scalars(select(Person).where(Person.id.in_(named)))))
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
            columns = column_values(
                Person, {k: v for k, v in row.items() if k not in ("organization_uid", "bases")}
            )
            params.append({"created_at": now, "updated_at": now, **columns, **values})
        ids = self.session.scalars(
            insert(Person).returning(Person.id, sort_by_parameter_order=True), params
        ).all()
        tokens: list[tuple[str, int]] = []
        first_of: dict[tuple[str, str], int] = {}
        for (row, values), person_id, created in zip(new, ids, params, strict=True):
            names = person_tokens([created["full_name"], created.get("latin_name")],
                                  (created.get("phone"), created.get("phone2")))  # fmt: skip
            tokens.extend((t, person_id) for t in sorted(names))
            mapped[row["uid"]] = person_id
            for key in strong_keys(values):
                first_of.setdefault(key, person_id)
                self.created[key] = first_of[key]
            self._keep_base("person", row["uid"], self._incoming(row, values))
        insert_tokens(self.session, tokens)
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
            store_search_tokens(self.session, held)
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
        # An office's series id means nothing here (a package never carries it; an altered one is ignored).
        values = column_values(Training, {k: v for k, v in row.items() if k not in ("organizer_uid", "series_id")})
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


def _merge_session(tx: Session, row: dict[str, Any], training_id: int, result: MergeResult) -> int:
    found = tx.scalar(select(TrainingSession.id).where(TrainingSession.uid == row["uid"]))
    if found is not None:
        result.unchanged += 1
        return found
    training_session = TrainingSession(**{**column_values(TrainingSession, row), "training_id": training_id})
    tx.add(training_session)
    tx.flush()
    result.added += 1
    return training_session.id


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


def _taken(tx: Session, column: Any, values: Iterable[Any]) -> set[Any]:
    """Which of `values` the column already holds (a few IN queries)."""
    ordered = sorted({v for v in values if v is not None})
    found: set[Any] = set()
    for start in range(0, len(ordered), 500):
        found.update(tx.scalars(select(column).where(column.in_(ordered[start : start + 500]))))
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
    tx: Session, db: Database, package: Package, training_id: int, people: dict[str, int],
    orgs: dict[str, int], result: MergeResult,
) -> dict[str, int]:  # fmt: skip
    """Enrolments match by person and training; new ones are inserted in batches, a check-in code
    already in use here is re-issued."""
    mine = dict(
        tx.execute(
            select(Enrollment.person_id, Enrollment.id).where(Enrollment.training_id == training_id)
        ).all()
    )
    mapped: dict[str, int] = {}
    issued: set[str] = set()  # codes given out by this import
    now = utcnow()
    for chunk in _chunks(package.records("enrollments"), BATCH):
        in_use = _taken(tx, Enrollment.checkin_code, (row["checkin_code"] for row in chunk))
        uids_in_use = _taken(tx, Enrollment.uid, (row["uid"] for row in chunk))
        new: list[dict[str, Any]] = []
        for row in chunk:
            person_id = people[row["person_uid"]]
            if person_id in mine:
                mapped[row["uid"]] = mine[person_id]
                result.unchanged += 1
                continue
            values = column_values(
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
                    code = unused_checkin_code(tx)
                name = tx.scalar(select(Person.full_name).where(Person.id == person_id))
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
            ids = tx.scalars(
                insert(Enrollment).returning(Enrollment.id, sort_by_parameter_order=True),
                [{k: v for k, v in values.items() if k != "_package_uid"} for values in new],
            ).all()
            for values, enrollment_id in zip(new, ids, strict=True):
                mapped[values["_package_uid"]] = mine[values["person_id"]] = enrollment_id
            tx.execute(insert(AuditEntry), _audit_rows(db, "enrollment", (v["uid"] for v in new), now))
            result.added += len(new)
    return mapped


def _merge_attendance(
    tx: Session,
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
        values = column_values(
            Attendance, {k: v for k, v in row.items() if k not in ("enrollment_uid", "session_uid")}
        )
        key = (enrollments[row["enrollment_uid"]], sessions[row["session_uid"]])
        if key not in cells or values["recorded_at"] > cells[key]["recorded_at"]:
            cells[key] = values  # the same cell twice in one package: the later one
    pairs = sorted(cells)
    mine = {
        (a.enrollment_id, a.session_id): a
        for a in tx.scalars(
            select(Attendance).where(tuple_(Attendance.enrollment_id, Attendance.session_id).in_(pairs))
        )
    }
    uids_in_use = _taken(tx, Attendance.uid, (v.get("uid") for v in cells.values()))
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
            person = tx.scalar(
                select(Person.full_name).join(Enrollment, Enrollment.person_id == Person.id)
                .where(Enrollment.id == enrollment_id)
            )  # fmt: skip
            day = tx.scalar(select(TrainingSession.date).where(TrainingSession.id == session_id))
            result.conflict_list.append(f"{person} — {day}: {current.status.value} / {theirs.value}")
        if values["recorded_at"] > current.recorded_at:
            current.status, current.recorded_at = theirs, values["recorded_at"]
            current.method = values.get("method", current.method)
            current.operator, current.machine = values.get("operator"), values.get("machine")
            result.updated += 1
        else:
            result.unchanged += 1
    if new:
        tx.execute(insert(Attendance), new)
        result.added += len(new)


def _merge_certificates(
    tx: Session, chunk: list[dict[str, Any]], enrollments: dict[str, int], result: MergeResult
) -> None:
    """Certificates match by serial (each installation numbers its own); a verification code that a
    different certificate here already has refuses the package."""
    serials = _taken(tx, Certificate.serial, (row["serial"] for row in chunk))
    codes = _taken(tx, Certificate.verification_code, (row["verification_code"] for row in chunk))
    uids_in_use = _taken(tx, Certificate.uid, (row["uid"] for row in chunk))
    new: list[dict[str, Any]] = []
    replacements: dict[str, str] = {}
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
        values = column_values(Certificate, {k: v for k, v in row.items() if k != "enrollment_uid"})
        values.pop("replaces_id", None)  # an id of the sender's database: the link travels as a serial
        values["enrollment_id"] = enrollments[row["enrollment_uid"]]
        if values["uid"] in uids_in_use:
            values["uid"] = new_uid()
        new.append(values)
        if row.get("replaces_serial"):
            replacements[row["serial"]] = row["replaces_serial"]
    if new:
        tx.execute(insert(Certificate), new)
        result.added += len(new)
    if replacements:  # a replacement names the revoked certificate it replaces, by serial
        ids = dict(tx.execute(
            select(Certificate.serial, Certificate.id).where(Certificate.serial.in_([*replacements, *replacements.values()]))
        ).all())  # fmt: skip
        for serial, replaced in replacements.items():
            if serial in ids and replaced in ids:
                tx.execute(update(Certificate).where(Certificate.id == ids[serial]).values(replaces_id=ids[replaced]))


def _merge_signatories(
    tx: Session, rows: list[dict[str, Any]], training_id: int, fresh: bool, result: MergeResult
) -> None:
    own = tx.scalar(select(Signatory.id).where(Signatory.training_id == training_id))
    defaults = tx.scalar(select(Signatory.id).where(Signatory.training_id.is_(None)))
    for row in rows:
        values = {k: v for k, v in column_values(Signatory, row).items() if k != "uid"}
        if row.get("for_training") and own is None:
            tx.add(Signatory(**{**values, "training_id": training_id}))
            result.added += 1
        elif not row.get("for_training") and fresh and defaults is None:
            tx.add(Signatory(**{**values, "training_id": None}))
            result.added += 1
        else:
            result.unchanged += 1


def _copy_settings(tx: Session, row: dict[str, Any]) -> None:
    """A database created from a package prints badges and certificates like the office does."""
    for key, value in (row.get("settings") or {}).items():
        setting = tx.scalar(select(Setting).where(Setting.key == key))
        if setting is None:
            tx.add(Setting(key=key, value=value))
        else:
            setting.value = value
    logo = row.get("logo")
    if isinstance(logo, dict):
        setting = tx.scalar(select(Setting).where(Setting.key == LOGO))
        if setting is None:
            tx.add(Setting(key=LOGO, value=None, blob=base64.b64decode(logo["b64"])))
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
    with db.session_scope() as tx:
        stmt = select(SyncConflict).order_by(SyncConflict.detected_at.desc(), SyncConflict.id.desc())
        if not include_resolved:
            stmt = stmt.where(SyncConflict.resolved_at.is_(None))
        rows = []
        for c in tx.scalars(stmt):
            record: Any = _conflict_record(tx, c)
            held = tx.scalar(select(Person.id).where(Person.uid == c.held_uid)) if c.held_uid else None
            name = (record.full_name if isinstance(record, Person) else record.name_ar) if record else "?"
            rows.append(ConflictRow(
                c.id, c.entity, record.id if record else None, name, c.field, c.office_value, c.venue_value, c.peer,
                c.detected_at, c.resolved_at, c.resolution, held, _value_text(tx, c.field, c.office_value),
                _value_text(tx, c.field, c.venue_value),
            ))  # fmt: skip
        return rows


def _value_text(tx: Session, field_name: str, value: Any) -> str:
    if value in (None, ""):
        return "—"
    if field_name == "identity" and isinstance(value, dict):
        return " / ".join(str(value.get(k) or "—") for k in ("full_name", "phone", "national_id"))
    if field_name == "organization_uid":
        return tx.scalar(select(Organization.name_ar).where(Organization.uid == value)) or str(value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


def _conflict_record(tx: Session, c: SyncConflict) -> Person | Organization | None:
    model: Any = Person if c.entity == "person" else Organization
    found: Person | Organization | None = tx.scalar(select(model).where(model.uid == c.record_uid))
    return found


def resolve_conflict(db: Database, conflict_id: int, keep: str) -> None:
    """Settle a conflict: "office" keeps the value here; "venue" takes the package's value (through
    the form's rules and audit). An identity conflict settled for the venue merges the record kept
    apart into the person here, with the package's values; for the office, both stay separate."""
    if keep not in ("office", "venue"):
        raise ValidationError("keep", _("Choose office or venue."))
    with db.session_scope() as tx:
        c = tx.get(SyncConflict, conflict_id)
        if c is None:
            raise NotFoundError(_("No conflict with number {id}.").format(id=conflict_id))
        if c.resolved_at is not None:
            raise DataError(_("This conflict was settled already."))
        record = _conflict_record(tx, c)
        if record is None:
            raise NotFoundError(_("The record of this conflict is no longer in the registry."))
        if keep == "venue":
            if c.field == "identity":
                held = tx.scalar(select(Person).where(Person.uid == c.held_uid)) if c.held_uid else None
                if held is None or not isinstance(record, Person):
                    raise NotFoundError(_("The record kept apart is no longer in the registry."))
                take = {name for name in MERGE_FIELDS if getattr(held, name) not in (None, "")}
                merge_people_in(tx, db, record.id, held.id, take)
            else:
                value = c.venue_value
                name = c.field
                if name == "organization_uid":
                    name = "organization_id"
                    value = (
                        tx.scalar(select(Organization.id).where(Organization.uid == value))
                        if value
                        else None
                    )
                if isinstance(record, Person):
                    change_person(tx, db, record, {name: value})
                else:
                    change_organization(tx, db, record, {name: value})
        c.resolved_at, c.resolution, c.resolved_by = utcnow(), keep, db.operator or None
        audit.record(tx, db, c.entity, c.record_uid, "conflict_resolved",
                     {"field": [None, c.field], "kept": [None, keep]})  # fmt: skip
