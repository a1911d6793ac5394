"""Likely duplicate people in the registry, and merging two of them without losing history.

Pairs come from the same rules as everywhere (`duplicates`): a strong match (phone, national ID or
email) or a name-only likeness (the same normalised name and organization, a near-miss spelling
in the same organization, or the same name in the other script). A merge keeps one record, takes the fields the user chose from the other,
moves every enrolment, attendance mark and certificate over (two enrolments in one training become
one, each session keeping the better mark), records the other's uid and names as a PersonAlias so
packages from other machines and searches for those names still find the survivor, and writes the
whole merge to the audit log.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import delete, select, update

from desktop_app import clock
from desktop_app.db import Database, retrying
from desktop_app.errors import NotFoundError, ValidationError
from desktop_app.i18n import _
from desktop_app.models import (
    Attendance,
    AttendanceStatus,
    Certificate,
    Enrollment,
    Organization,
    Person,
    PersonAlias,
    PersonNameToken,
)
from desktop_app.services import audit
from desktop_app.services.importing import NEAR_MISS
from desktop_app.services.registry import person_record, store_search_tokens
from desktop_app.text.arabic import normalize_name
from desktop_app.text.romanize import is_latin, name_word_keys, query_alternatives, words_in_order

MERGE_FIELDS = (
    "full_name", "latin_name", "gender", "birth_date", "national_id", "phone", "phone2", "email", "governorate",
    "organization_id", "job_title", "consent_share_contact", "consent_date", "notes",
)  # fmt: skip
_RANK = {
    AttendanceStatus.PRESENT: 3,
    AttendanceStatus.LATE: 2,
    AttendanceStatus.EXCUSED: 1,
    AttendanceStatus.ABSENT: 0,
}


@dataclass(frozen=True)
class PersonSummary:
    id: int
    name: str
    organization: str | None
    phone: str | None
    email: str | None
    national_id: str | None


@dataclass(frozen=True)
class DuplicatePair:
    first: PersonSummary
    second: PersonSummary
    rules: tuple[str, ...]  # national_id, phone, email, name_organization, near_miss, transliteration

    def as_json(self) -> dict[str, Any]:
        return {"first": self.first.__dict__, "second": self.second.__dict__, "rules": list(self.rules)}


def duplicate_pairs(db: Database, limit: int = 500) -> list[DuplicatePair]:
    """Likely duplicate pairs among people who are not archived, strong matches first."""
    with db.session_scope() as tx:
        rows = tx.execute(
            select(Person.id, Person.full_name, Person.name_key, Person.organization_id, Organization.name_ar,
                   Person.phone, Person.phone2, Person.email, Person.national_id)
            .outerjoin(Organization, Organization.id == Person.organization_id)
            .where(Person.archived.is_(False))
            .order_by(Person.id)
        ).all()  # fmt: skip
    people = {r[0]: PersonSummary(r[0], r[1], r[4], r[5], r[7], r[8]) for r in rows}
    rules: dict[tuple[int, int], set[str]] = defaultdict(set)
    groups: dict[tuple[str, Any], list[int]] = defaultdict(list)
    blocks: dict[tuple[str, int | None], list[tuple[int, str]]] = defaultdict(list)
    for pid, _name, key, org_id, _org, phone, phone2, email, nid in rows:
        for rule, value in (("phone", phone), ("phone", phone2), ("email", email), ("national_id", nid)):
            if value:
                groups[(rule, value)].append(pid)
        groups[("name_organization", (key, org_id))].append(pid)
        blocks[(key.split(" ")[0][:2] if key else "", org_id)].append((pid, key))
    for (rule, _value), ids in groups.items():
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                if a != b:
                    rules[(min(a, b), max(a, b))].add(rule)
    for members in blocks.values():  # near-miss spellings, compared only within a block
        for i, (a, key_a) in enumerate(members):
            for b, key_b in members[i + 1 :]:
                if key_a != key_b and fuzz.ratio(key_a, key_b) >= NEAR_MISS:
                    rules[(min(a, b), max(a, b))].add("near_miss")
    for a, b in _across_scripts([(r[0], r[1], r[3]) for r in rows]):
        rules[(min(a, b), max(a, b))].add("transliteration")
    strong = ("national_id", "phone", "email")
    pairs = [DuplicatePair(people[a], people[b], tuple(sorted(r))) for (a, b), r in rules.items()]
    pairs.sort(key=lambda p: (not any(r in strong for r in p.rules), p.first.name, p.first.id))
    return pairs[:limit]


def _across_scripts(people: list[tuple[int, str, int | None]]) -> list[tuple[int, int]]:
    """Pairs of a Latin-letter record and an Arabic one with the same name word by word (and the
    same organization, unless one has none): an English list imported beside the Arabic registry."""
    latin = [(pid, name, org) for pid, name, org in people if is_latin(name)]
    if not latin:
        return []
    index: dict[str, list[tuple[int, list[frozenset[str]], int | None]]] = defaultdict(list)
    for pid, name, org in people:
        if not is_latin(name):
            keys = name_word_keys(name)
            for key in keys[0] if keys else ():
                index[key].append((pid, keys, org))
    pairs = []
    for pid, name, org in latin:
        wanted = query_alternatives(name)
        if len(wanted) < 2:
            continue
        seen: set[int] = set()
        for key in wanted[0]:
            for other, keys, other_org in index.get(key, ()):
                if other in seen or (org is not None and other_org is not None and org != other_org):
                    continue
                seen.add(other)
                if words_in_order(wanted, keys):
                    pairs.append((pid, other))
    return pairs


@retrying
def merge_people(
    db: Database, survivor_id: int, other_id: int, take_from_other: set[str] | None = None
) -> None:
    """Merge `other` into `survivor` in one transaction (see the module docstring)."""
    with db.session_scope() as tx:
        merge_people_in(tx, db, survivor_id, other_id, take_from_other)


def merge_people_in(
    tx: Any, db: Database, survivor_id: int, other_id: int, take_from_other: set[str] | None = None
) -> None:
    """The merge inside the caller's transaction (a venue package's conflict settled uses it too)."""
    take = set(take_from_other or ())
    unknown = take - set(MERGE_FIELDS)
    if unknown:
        raise ValueError(f"unknown person fields: {sorted(unknown)}")
    if survivor_id == other_id:
        raise ValidationError("person", _("A person cannot be merged with themselves."))
    # Lock both people's enrolments first (FOR UPDATE, on a server): a check-in of either of them
    # at another station waits for the merge, then finds the enrolment where the merge left it.
    tx.execute(select(Enrollment.id).where(Enrollment.person_id.in_((survivor_id, other_id))).with_for_update())
    survivor, other = tx.get(Person, survivor_id), tx.get(Person, other_id)
    if survivor is None or other is None:
        raise NotFoundError(_("One of the two people is no longer in the registry."))
    before_other = person_record(tx, other)
    values = {name: getattr(other, name) for name in take}
    if "national_id" in values:
        other.national_id = None  # unique: free it before the survivor takes it
        tx.flush()
    if values:
        audit.apply(tx, db, survivor, "person", values)
    if "full_name" in values or "latin_name" in values:
        survivor.name_key = normalize_name(survivor.full_name)
    moved = _move_enrollments(tx, survivor_id, other_id)
    tx.execute(
        update(PersonAlias).where(PersonAlias.person_id == other_id).values(person_id=survivor_id)
    )
    # The merged record's names stay searchable: they are the survivor's aliases now.
    tx.add(
        PersonAlias(
            person_id=survivor_id, alias_uid=other.uid, merged_at=clock.utcnow(),
            full_name=other.full_name, latin_name=other.latin_name,
        )
    )  # fmt: skip
    tx.execute(delete(PersonNameToken).where(PersonNameToken.person_id == other_id))
    tx.flush()
    store_search_tokens(tx, survivor)
    audit.record(tx, db, "person", survivor.uid, "merge", {
        "merged_uid": [None, other.uid], "fields_taken": [None, sorted(take)], "enrollments": [None, moved],
    })  # fmt: skip
    # The merged record's last values, for the audit trail (its row goes; its uid lives on as an alias).
    last = {
        k: [audit.jsonable(v), None]
        for k, v in before_other.__dict__.items()
        if k not in ("id", "uid") and v
    }
    audit.record(
        tx, db, "person", other.uid, "merged_into", {"survivor_uid": [None, survivor.uid], **last}
    )
    tx.delete(other)


def _move_enrollments(tx: Any, survivor_id: int, other_id: int) -> int:
    moved = 0
    mine = {
        e.training_id: e
        for e in tx.scalars(select(Enrollment).where(Enrollment.person_id == survivor_id))
    }
    for enrollment in list(tx.scalars(select(Enrollment).where(Enrollment.person_id == other_id))):
        moved += 1
        keep = mine.get(enrollment.training_id)
        if keep is None:
            enrollment.person_id = survivor_id
            continue
        # Both were enrolled in this training: one enrolment, each session keeping the better mark.
        kept_marks = {
            a.session_id: a
            for a in tx.scalars(select(Attendance).where(Attendance.enrollment_id == keep.id))
        }
        for mark in list(
            tx.scalars(select(Attendance).where(Attendance.enrollment_id == enrollment.id))
        ):
            current = kept_marks.get(mark.session_id)
            if current is None:
                mark.enrollment_id = keep.id
            else:
                if _RANK[mark.status] > _RANK[current.status]:
                    current.status, current.recorded_at, current.method = (
                        mark.status,
                        mark.recorded_at,
                        mark.method,
                    )
                tx.delete(mark)
        tx.flush()
        tx.execute(
            update(Certificate)
            .where(Certificate.enrollment_id == enrollment.id)
            .values(enrollment_id=keep.id)
        )
        if keep.working_group is None:
            keep.working_group = enrollment.working_group
        tx.delete(enrollment)
        tx.flush()
    return moved
