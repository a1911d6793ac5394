"""The one duplicate rule for people, used by forms, imports and merges.

Two records are likely the same person when their phone numbers (either of them), national IDs
or email addresses agree — a strong match — or when their normalised names agree and so do
their organizations — a name-only likeness. A name written in the other script ("Ahmed Mohamed
Ali" for أحمد محمد علي, text.romanize) is a name-only likeness too, in the same organization when
one is given.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.models import Organization, Person
from desktop_app.services.registry import PersonData, clean_person
from desktop_app.services.search import find_people_ids
from desktop_app.text.romanize import name_word_keys, query_alternatives, words_in_order

STRONG_RULES = ("national_id", "phone", "email")


@dataclass(frozen=True)
class SimilarPerson:
    id: int
    uid: str
    name: str
    organization: str | None
    phone: str | None
    rules: tuple[str, ...]  # which rules matched: national_id, phone, email, name_organization, transliteration

    @property
    def strong(self) -> bool:
        return any(rule in STRONG_RULES for rule in self.rules)


def similar_people_in(
    tx: Session, values: dict[str, object], exclude_id: int | None = None, limit: int = 20
) -> list[SimilarPerson]:
    """Likely duplicates of already validated person values (see clean_person)."""
    phones = {p for p in (values.get("phone"), values.get("phone2")) if p}
    conditions = []
    if values.get("national_id"):
        conditions.append(Person.national_id == values["national_id"])
    if phones:
        conditions += [Person.phone.in_(phones), Person.phone2.in_(phones)]
    if values.get("email"):
        conditions.append(Person.email == values["email"])
    if values.get("name_key"):
        org = values.get("organization_id")
        same_org = Person.organization_id.is_(None) if org is None else Person.organization_id == org
        conditions.append((Person.name_key == values["name_key"]) & same_org)
    across = _across_scripts(tx, values) if values.get("name_key") else set()
    if across:
        conditions.append(Person.id.in_(across))
    if not conditions:
        return []
    stmt = (
        select(Person, Organization.name_ar)
        .outerjoin(Organization, Organization.id == Person.organization_id)
        .where(or_(*conditions))
        .order_by(Person.id)
        .limit(limit + 1)
    )
    result: list[SimilarPerson] = []
    for person, org_name in tx.execute(stmt):
        if person.id == exclude_id:
            continue
        rules = []
        if values.get("national_id") and person.national_id == values["national_id"]:
            rules.append("national_id")
        if phones & {person.phone, person.phone2}:
            rules.append("phone")
        if values.get("email") and person.email == values["email"]:
            rules.append("email")
        if person.name_key == values.get("name_key") and person.organization_id == values.get(
            "organization_id"
        ):
            rules.append("name_organization")
        if person.id in across:
            rules.append("transliteration")
        result.append(
            SimilarPerson(person.id, person.uid, person.full_name, org_name, person.phone, tuple(rules))
        )
    strong_first = sorted(result, key=lambda s: (not s.strong, s.id))
    return strong_first[:limit]


def _across_scripts(tx: Session, values: dict[str, object]) -> set[int]:
    """People whose name is this name written in the other script, word by word in order."""
    name = str(values.get("full_name") or "")
    wanted = query_alternatives(name)
    if len(wanted) < 2:
        return set()
    found = [pid for pid, kind in find_people_ids(tx, name, 20, archived=True) if kind == "transliteration"]
    if not found:
        return set()
    org = values.get("organization_id")
    result = set()
    for pid, full_name, latin_name, org_id in tx.execute(
        select(Person.id, Person.full_name, Person.latin_name, Person.organization_id).where(Person.id.in_(found))
    ):
        if org is not None and org_id not in (None, org):
            continue
        if any(words_in_order(wanted, name_word_keys(n)) for n in (full_name, latin_name) if n):
            result.add(pid)
    return result


def find_similar_people(
    db: Database, candidate: PersonData, exclude_id: int | None = None
) -> list[SimilarPerson]:
    """Registry people who are likely the same as `candidate` (validated first: bad input raises)."""
    values = clean_person(candidate)
    with db.session_scope() as tx:
        return similar_people_in(tx, values, exclude_id)


def strong_keys(values: dict[str, object]) -> list[tuple[str, str]]:
    """The values a strong match compares: each phone, the national ID, the email."""
    keys = [("phone", str(p)) for p in (values.get("phone"), values.get("phone2")) if p]
    if values.get("national_id"):
        keys.append(("national_id", str(values["national_id"])))
    if values.get("email"):
        keys.append(("email", str(values["email"])))
    return keys


def strong_matches_in(tx: Session, candidates: list[dict[str, object]]) -> list[int | None]:
    """For each set of validated person values, the person here it strongly matches (the lowest id,
    as `similar_people_in` lists them), found for a whole batch in a few queries."""
    wanted: dict[str, set[str]] = {"phone": set(), "national_id": set(), "email": set()}
    for values in candidates:
        for kind, value in strong_keys(values):
            wanted[kind].add(value)
    index: dict[tuple[str, str], int] = {}
    columns = {
        "phone": (Person.phone, Person.phone2),
        "national_id": (Person.national_id,),
        "email": (Person.email,),
    }
    for kind, asked in wanted.items():
        ordered = sorted(asked)
        for start in range(0, len(ordered), 400):
            chunk = ordered[start : start + 400]
            conditions = [column.in_(chunk) for column in columns[kind]]
            stmt = select(Person.id, Person.phone, Person.phone2, Person.national_id, Person.email).where(
                or_(*conditions)
            )
            for pid, phone, phone2, national_id, email in tx.execute(stmt):
                found = {"phone": (phone, phone2), "national_id": (national_id,), "email": (email,)}[kind]
                for held in found:
                    if held is not None and held in asked:
                        key = (kind, held)
                        if key not in index or pid < index[key]:
                            index[key] = pid
    result: list[int | None] = []
    for candidate in candidates:
        ids = [index[k] for k in strong_keys(candidate) if k in index]
        result.append(min(ids) if ids else None)
    return result
