"""Lists of people and organizations for the registry screens: filtered, sorted, paged.

A list is read a page at a time (offset/limit) so a registry of 100,000 people opens at once; a
search text narrows it with the same Arabic matching as `search_people` (best first unless a
column sort is chosen), capped at MAX_MATCHES matches.

The People filters (one rule for the window, `tashbeek export people` and the exports):
gender, age band (today's age, in the organization's statistics bands: text.age_bands and
settings.age_band_bounds), governorate, organization and organization kind, consent to share
contacts, and "took part in training X" — the statistics' *reached*: present or late at one
held session of it (not cancelled, its day come), in any role.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    case,
    func,
    not_,
    or_,
    select,
)

from desktop_app import clock
from desktop_app.db import Database
from desktop_app.enums import AttendanceStatus, EventKind, Gender, OrganizationKind
from desktop_app.errors import ValidationError
from desktop_app.i18n import _
from desktop_app.services import tables
from desktop_app.services.search import find_people_ids, organization_name_condition
from desktop_app.text.age_bands import MAX_AGE, UNKNOWN, AgeBands, bounds_or_default
from desktop_app.text.governorates import BY_CODE

if TYPE_CHECKING:
    from desktop_app.db import Reader

# The People list, its count and the pick lists read the tables, not the mapped classes (as
# services/search does), through Core connections (Database.reading): the window shows its first
# People list without declaring the ORM model classes or even importing the ORM (services/tables.py).
# The Organizations list below still uses the model (organization_name_condition is written over it).
_PERSON, _ORGANIZATION, _TRAINING = tables.PERSON, tables.ORGANIZATION, tables.TRAINING
_ENROLLMENT, _ATTENDANCE, _SESSION, _SETTING = tables.ENROLLMENT, tables.ATTENDANCE, tables.TRAINING_SESSION, tables.SETTING
STAND_INS = (_PERSON, _ORGANIZATION, _TRAINING, _ENROLLMENT, _ATTENDANCE, _SESSION, _SETTING)

MAX_MATCHES = 1000
PAGE_SIZE = 200
# From this many matches a page in name order is read by walking the name index (a page of 200
# then costs at most a few thousand index steps); fewer matches are found faster through the filters.
NAME_ORDER_WALK = 2000


@dataclass(frozen=True)
class PersonFilter:
    query: str = ""
    governorate: str | None = None
    organization_id: int | None = None
    archived: bool = False  # include archived people
    gender: str | None = None  # Gender value
    # Any of these keys of AgeBands(settings' bounds).keys, "unknown" included (none: every age);
    # several, because "under 25" is two bands with the usual bounds.
    age_bands: tuple[str, ...] = ()
    organization_kind: str | None = None  # OrganizationKind value
    training_id: int | None = None  # took part in it (present or late at a held session)
    consented: bool | None = None  # True: agreed to share contacts; False: did not

    @property
    def narrows(self) -> bool:
        """Whether any filter beyond the search text and "show archived" is set."""
        return any(
            v is not None
            for v in (self.governorate, self.organization_id, self.gender, self.age_bands or None,
                      self.organization_kind, self.training_id, self.consented)
        )  # fmt: skip


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


def age_band_bounds(tx: Reader) -> tuple[int, ...]:
    """services.settings.age_band_bounds, read through the setting table (see _PERSON)."""
    return bounds_or_default(tx.scalar(select(_SETTING.c.value).where(_SETTING.c.key == "age_band_bounds")))


def _person_ids(tx: Reader, f: PersonFilter) -> list[int] | None:
    """Ids matching the search text, best first (None when there is no search text)."""
    if not f.query.strip():
        return None
    return [pid for pid, _ in find_people_ids(tx, f.query, MAX_MATCHES, archived=f.archived)]


def _year_back(day: dt.date, years: int) -> dt.date:
    """The day `years` before `day`; 29 February falls back to the 28th (a birth date is a real
    date, so "born on or before 29 Feb" and "on or before 28 Feb" of a common year agree)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _national_id_birth() -> ColumnElement[Any]:
    """The birth date inside a stored national ID as 'YYYY-MM-DD' text ('' if its century digit is
    not 2 or 3): text.national_id's layout (C YYMMDD …) read in SQL so an age filter stays one
    indexed query; tests/services/test_people_filters.py checks it agrees with age_bands.birth_date_of.
    Stored IDs were validated on the way in, so the date they hold is a real one."""
    nid = _PERSON.c.national_id
    century = case((func.substr(nid, 1, 1) == "2", "19"), (func.substr(nid, 1, 1) == "3", "20"), else_="")
    return case(
        (century == "", ""),
        else_=century + func.substr(nid, 2, 2) + "-" + func.substr(nid, 4, 2) + "-" + func.substr(nid, 6, 2),
    )


def _age_between(today: dt.date, youngest: int, oldest: int) -> ColumnElement[bool]:
    """Today's age (text.age_bands.age_on of birth_date_of) is from `youngest` to `oldest`."""
    # age >= n ⇔ born on or before the day n years ago; age <= n ⇔ born after the day n + 1 years ago.
    latest, earliest = _year_back(today, youngest), _year_back(today, oldest + 1)
    nid_birth = _national_id_birth()
    return or_(
        and_(_PERSON.c.birth_date.is_not(None), _PERSON.c.birth_date <= latest, _PERSON.c.birth_date > earliest),
        and_(
            _PERSON.c.birth_date.is_(None), _PERSON.c.national_id.is_not(None),
            nid_birth <= latest.isoformat(), nid_birth > earliest.isoformat(),
        ),
    )  # fmt: skip


def age_band_condition(key: str, bands: AgeBands, today: dt.date) -> ColumnElement[bool]:
    """People whose age today is in band `key` of `bands` ("unknown": no age can be told)."""
    if key == UNKNOWN:
        return not_(_age_between(today, 0, MAX_AGE))
    if key not in bands.keys:
        raise ValidationError("age_band", _("There is no age band {band}; the bands are: {bands}.").format(
            band=key, bands=", ".join(bands.keys)))  # fmt: skip
    low, high = bands.band_range(key)
    return _age_between(today, low or 0, MAX_AGE if high is None else high)


def took_part_in(training_id: int) -> ColumnElement[bool]:
    """People present or late at one held session of the training (statistics' *reached*)."""
    return _PERSON.c.id.in_(
        select(_ENROLLMENT.c.person_id)
        .join(_ATTENDANCE, _ATTENDANCE.c.enrollment_id == _ENROLLMENT.c.id)
        .join(_SESSION, _SESSION.c.id == _ATTENDANCE.c.session_id)
        .where(
            _ENROLLMENT.c.training_id == training_id,
            _ATTENDANCE.c.status.in_((AttendanceStatus.PRESENT.value, AttendanceStatus.LATE.value)),
            _SESSION.c.cancelled.is_(False),
            _SESSION.c.date <= clock.today(),
        )
    )


def _people_conditions(f: PersonFilter, ids: list[int] | None, bands: AgeBands | None = None) -> list[Any]:
    conditions: list[Any] = []
    if ids is not None:
        conditions.append(_PERSON.c.id.in_(ids))
    if not f.archived:
        conditions.append(_PERSON.c.archived.is_(False))
    if f.governorate:
        if f.governorate not in BY_CODE:
            raise ValidationError("governorate", _("Unknown governorate code: {code}.").format(code=f.governorate))
        conditions.append(_PERSON.c.governorate == f.governorate)
    if f.organization_id is not None:
        conditions.append(_PERSON.c.organization_id == f.organization_id)
    if f.gender:
        conditions.append(_PERSON.c.gender == Gender(f.gender).value)
    if f.age_bands:
        today = clock.today()
        conditions.append(or_(*(age_band_condition(key, bands or AgeBands(), today) for key in f.age_bands)))
    if f.organization_kind:
        kind = OrganizationKind(f.organization_kind).value
        of_kind = select(_ORGANIZATION.c.id).where(_ORGANIZATION.c.kind == kind)
        conditions.append(_PERSON.c.organization_id.in_(of_kind))
    if f.training_id is not None:
        conditions.append(took_part_in(f.training_id))
    if f.consented is not None:
        conditions.append(_PERSON.c.consent_share_contact.is_(f.consented))
    return conditions


def people_ids(tx: Reader, f: PersonFilter) -> Select[tuple[int]]:
    """The ids of the people the filter lists (the search text included), for exports: a statement
    over the person table (see _PERSON), to use as `Person.id.in_(…)` in a query over the model."""
    return select(_PERSON.c.id).where(*_people_conditions(f, _person_ids(tx, f), AgeBands(age_band_bounds(tx))))


def matching_ids(db: Database, f: PersonFilter, ids: Iterable[int]) -> set[int]:
    """Which of `ids` (people a search found already) the filter keeps; its search text is not used."""
    chosen = list(ids)
    if not chosen:
        return set()
    with db.reading() as tx:
        conditions = _people_conditions(replace(f, query=""), chosen, AgeBands(age_band_bounds(tx)))
        return set(tx.scalars(select(_PERSON.c.id).where(*conditions)))


def age_bands(db: Database) -> AgeBands:
    """The organization's age bands, as the People filter and statistics use them."""
    with db.reading() as tx:
        return AgeBands(age_band_bounds(tx))


def _people_statement(
    f: PersonFilter, ids: list[int] | None, bands: AgeBands | None = None, *, opaque: bool = False
) -> Select[*tuple[Any, ...]]:
    """The list's rows. `opaque`: the conditions as one CASE, which no index can serve (see page)."""
    conditions = _people_conditions(f, ids, bands)
    if opaque and conditions:
        conditions = [case((and_(*conditions), 1), else_=0) == 1]
    return (
        select(
            _PERSON.c.id, _PERSON.c.full_name, _PERSON.c.latin_name, _ORGANIZATION.c.name_ar, _PERSON.c.phone,
            _PERSON.c.governorate, _PERSON.c.archived,
        )
        .select_from(_PERSON.outerjoin(_ORGANIZATION, _ORGANIZATION.c.id == _PERSON.c.organization_id))
        .where(*conditions)
    )  # fmt: skip


class PeopleQuery:
    """One filter's matches, searched once, then counted and read page by page (a list screen
    asks for the count and then for pages; the Arabic search behind them runs only once)."""

    def __init__(self, db: Database, f: PersonFilter) -> None:
        self.db = db
        self.filter = f
        with db.reading() as tx:
            self.ids = _person_ids(tx, f)
            self.bands = AgeBands(age_band_bounds(tx))
        self.counted: int | None = None

    def count(self) -> int:
        with self.db.reading() as tx:
            # Counted without the organization join the list needs for its names: the count reads
            # only the person table's indexes.
            conditions = _people_conditions(self.filter, self.ids, self.bands)
            self.counted = tx.scalar(select(func.count(_PERSON.c.id)).where(*conditions)) or 0
            return self.counted

    def page(
        self, *, sort: str | None = None, descending: bool = False, offset: int = 0, limit: int = PAGE_SIZE
    ) -> list[PersonRow]:
        """One page of people. sort None: best match first with a search text, by name without."""
        ids = self.ids
        # Many matches in name order on SQLite: walk the name index and stop at the page's end, as
        # the unfiltered list does. Left to itself SQLite's planner reads every match through a
        # filter's index (age, organization) and sorts them all: 30–70 ms a page at 100,000 people.
        # Hiding the conditions from it (one CASE) leaves it the name index. PostgreSQL plans well.
        walk = (
            ids is None and sort in (None, "name") and (self.counted or 0) >= NAME_ORDER_WALK
            and self.db.engine.dialect.name == "sqlite"
        )  # fmt: skip
        stmt = _people_statement(self.filter, ids, self.bands, opaque=walk)
        if sort is None and ids:
            stmt = stmt.order_by(case({pid: n for n, pid in enumerate(ids)}, value=_PERSON.c.id))
        else:
            column = {
                "name": _PERSON.c.name_key, "latin_name": _PERSON.c.latin_name, "organization": _ORGANIZATION.c.name_key,
                "phone": _PERSON.c.phone, "governorate": _PERSON.c.governorate,
            }[sort or "name"]  # fmt: skip
            stmt = stmt.order_by(column.desc() if descending else column.asc(), _PERSON.c.id)
        with self.db.reading() as tx:
            return [PersonRow(*row) for row in tx.execute(stmt.offset(offset).limit(limit)).all()]


def count_people(db: Database, f: PersonFilter) -> int:
    return PeopleQuery(db, f).count()


def list_people(
    db: Database, f: PersonFilter, *, sort: str | None = None, descending: bool = False, offset: int = 0,
    limit: int = PAGE_SIZE,
) -> list[PersonRow]:  # fmt: skip
    return PeopleQuery(db, f).page(sort=sort, descending=descending, offset=offset, limit=limit)


def _organizations_statement(f: OrganizationFilter) -> Select[*tuple[Any, ...]]:
    from desktop_app.models import Organization, Person  # the model: see _PERSON

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
    from desktop_app.models import Organization

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
    with db.reading() as tx:
        stmt = select(_ORGANIZATION.c.id, _ORGANIZATION.c.name_ar).order_by(_ORGANIZATION.c.name_key)
        if not archived:
            stmt = stmt.where(_ORGANIZATION.c.archived.is_(False))
        return [(row[0], row[1]) for row in tx.execute(stmt)]


def training_choices(db: Database) -> list[tuple[int, str, dt.date]]:
    """(id, Arabic title, first day) of every training (meetings left out), the latest first."""
    with db.reading() as tx:
        stmt = (
            select(_TRAINING.c.id, _TRAINING.c.title_ar, _TRAINING.c.start_date)
            .where(_TRAINING.c.kind == EventKind.TRAINING.value)
            .order_by(_TRAINING.c.start_date.desc(), _TRAINING.c.id.desc())
        )
        return [(row[0], row[1], row[2]) for row in tx.execute(stmt)]
