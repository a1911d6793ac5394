"""Lists of people and organizations for the registry screens: filtered, sorted, paged.

A list is read a page at a time (offset/limit) so a registry of 100,000 people opens at once; a
search text narrows it with the same Arabic matching as `search_people` (best first unless a
column sort is chosen), capped at MAX_MATCHES matches.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.models import Organization, OrganizationKind, Person
from desktop_app.services.search import find_people_ids, organization_name_condition

MAX_MATCHES = 1000
PAGE_SIZE = 200


@dataclass(frozen=True)
class PersonFilter:
    query: str = ""
    governorate: str | None = None
    organization_id: int | None = None
    archived: bool = False  # include archived people


@dataclass(frozen=True)
class PersonRow:
    id: int
    full_name: str
    latin_name: str | None
    organization: str | None
    phone: str | None
    governorate: str | None
    archived: bool


@dataclass(frozen=True)
class OrganizationFilter:
    query: str = ""
    kind: str | None = None
    governorate: str | None = None
    archived: bool = False


@dataclass(frozen=True)
class OrganizationRow:
    id: int
    name_ar: str
    name_en: str | None
    kind: str
    governorate: str | None
    people: int
    archived: bool


PERSON_SORTS = ("name", "latin_name", "organization", "phone", "governorate")
ORGANIZATION_SORTS = ("name", "name_en", "kind", "governorate", "people")


def _person_ids(tx: Session, f: PersonFilter) -> list[int] | None:
    """Ids matching the search text, best first (None when there is no search text)."""
    if not f.query.strip():
        return None
    return [pid for pid, _ in find_people_ids(tx, f.query, MAX_MATCHES, archived=f.archived)]


def _people_conditions(f: PersonFilter, ids: list[int] | None) -> list[Any]:
    conditions: list[Any] = []
    if ids is not None:
        conditions.append(Person.id.in_(ids))
    if not f.archived:
        conditions.append(Person.archived.is_(False))
    if f.governorate:
        conditions.append(Person.governorate == f.governorate)
    if f.organization_id is not None:
        conditions.append(Person.organization_id == f.organization_id)
    return conditions


def _people_statement(f: PersonFilter, ids: list[int] | None) -> Select[*tuple[Any, ...]]:
    return (
        select(
            Person.id, Person.full_name, Person.latin_name, Organization.name_ar, Person.phone,
            Person.governorate, Person.archived,
        )
        .outerjoin(Organization, Organization.id == Person.organization_id)
        .where(*_people_conditions(f, ids))
    )  # fmt: skip


class PeopleQuery:
    """One filter's matches, searched once, then counted and read page by page (a list screen
    asks for the count and then for pages; the Arabic search behind them runs only once)."""

    def __init__(self, db: Database, f: PersonFilter) -> None:
        self.db = db
        self.filter = f
        with db.session_scope() as tx:
            self.ids = _person_ids(tx, f)

    def count(self) -> int:
        with self.db.session_scope() as tx:
            # Counted without the organization join the list needs for its names: the count reads
            # only the person table's indexes.
            return tx.scalar(select(func.count(Person.id)).where(*_people_conditions(self.filter, self.ids))) or 0

    def page(
        self, *, sort: str | None = None, descending: bool = False, offset: int = 0, limit: int = PAGE_SIZE
    ) -> list[PersonRow]:
        """One page of people. sort None: best match first with a search text, by name without."""
        ids = self.ids
        stmt = _people_statement(self.filter, ids)
        if sort is None and ids:
            stmt = stmt.order_by(case({pid: n for n, pid in enumerate(ids)}, value=Person.id))
        else:
            column = {
                "name": Person.name_key, "latin_name": Person.latin_name, "organization": Organization.name_key,
                "phone": Person.phone, "governorate": Person.governorate,
            }[sort or "name"]  # fmt: skip
            stmt = stmt.order_by(column.desc() if descending else column.asc(), Person.id)
        with self.db.session_scope() as tx:
            return [PersonRow(*row) for row in tx.execute(stmt.offset(offset).limit(limit)).all()]


def count_people(db: Database, f: PersonFilter) -> int:
    return PeopleQuery(db, f).count()


def list_people(
    db: Database, f: PersonFilter, *, sort: str | None = None, descending: bool = False, offset: int = 0,
    limit: int = PAGE_SIZE,
) -> list[PersonRow]:  # fmt: skip
    return PeopleQuery(db, f).page(sort=sort, descending=descending, offset=offset, limit=limit)


def _organizations_statement(f: OrganizationFilter) -> Select[*tuple[Any, ...]]:
    people = (
        select(func.count(Person.id))
        .where(Person.organization_id == Organization.id, Person.archived.is_(False))
        .scalar_subquery()
    )
    stmt = select(
        Organization.id, Organization.name_ar, Organization.name_en, Organization.kind, Organization.governorate,
        people.label("people"), Organization.archived,
    )  # fmt: skip
    condition = organization_name_condition(f.query)
    if condition is not None:
        stmt = stmt.where(condition)
    if not f.archived:
        stmt = stmt.where(Organization.archived.is_(False))
    if f.kind:
        stmt = stmt.where(Organization.kind == OrganizationKind(f.kind))
    if f.governorate:
        stmt = stmt.where(Organization.governorate == f.governorate)
    return stmt


def count_organizations(db: Database, f: OrganizationFilter) -> int:
    with db.session_scope() as tx:
        subquery = _organizations_statement(f).subquery()
        return tx.scalar(select(func.count()).select_from(subquery)) or 0


def list_organizations(
    db: Database, f: OrganizationFilter, *, sort: str | None = None, descending: bool = False, offset: int = 0,
    limit: int = PAGE_SIZE,
) -> list[OrganizationRow]:  # fmt: skip
    with db.session_scope() as tx:
        stmt = _organizations_statement(f)
        column: Any = {
            "name": Organization.name_key, "name_en": Organization.name_en, "kind": Organization.kind,
            "governorate": Organization.governorate, "people": stmt.selected_columns.people,
        }[sort or "name"]  # fmt: skip
        stmt = stmt.order_by(column.desc() if descending else column.asc(), Organization.id)
        rows = tx.execute(stmt.offset(offset).limit(limit)).all()
        return [
            OrganizationRow(r.id, r.name_ar, r.name_en, r.kind.value, r.governorate, r.people, r.archived)
            for r in rows
        ]


def organization_choices(db: Database, *, archived: bool = False) -> list[tuple[int, str]]:
    """(id, Arabic name) of every organization, for pick lists, in alphabetical order."""
    with db.session_scope() as tx:
        stmt = select(Organization.id, Organization.name_ar).order_by(Organization.name_key)
        if not archived:
            stmt = stmt.where(Organization.archived.is_(False))
        return [(row[0], row[1]) for row in tx.execute(stmt)]
