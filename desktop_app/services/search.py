"""Person search the way Arabic names are really typed (ARABIC.md §3).

A query finds people when each of its words is the start of some word of their name, in any
order ("ابراهيم محم" finds "محمد أحمد إبراهيم"); or when it is a phone number in any form, a
national ID, an email address, or the start of their organization's name. Results come in
tiers: identifiers, then the whole name equal, then every word a whole name word, then prefixes,
then organization hits. Each tier is a handful of index range scans on the name-token table,
driven by the most selective word, so it stays fast at 100,000 people on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, exists, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased

from desktop_app.db import Database
from desktop_app.errors import ValidationError
from desktop_app.models import Organization, Person, PersonNameToken
from desktop_app.text.arabic import check_query, fold_digits, normalize_name, query_words, sort_key
from desktop_app.text.phone import looks_like_phone, normalize_phone, phone_prefix

DEFAULT_LIMIT = 50
_TOP = "\U0010ffff"  # above every character: [p, p+_TOP) is the range of strings starting with p
_SELECTIVITY_CAP = 2000


@dataclass(frozen=True)
class PersonHit:
    id: int
    uid: str
    name: str
    latin_name: str | None
    organization: str | None
    organization_id: int | None
    phone: str | None
    governorate: str | None
    match: str  # phone | national_id | email | name_exact | name | name_prefix | organization


def word_condition(
    column: ColumnElement[str] | InstrumentedAttribute[str], alternatives: Sequence[str], exact: bool
) -> ColumnElement[bool]:
    """A name-token column equal to (exact) or starting with (an index range) one of the alternatives."""
    if exact:
        return column.in_(alternatives) if len(alternatives) > 1 else column == alternatives[0]
    return or_(*[and_(column >= alt, column < alt + _TOP) for alt in alternatives])


def _estimate(session: Session, alternatives: Sequence[str], exact: bool) -> int:
    token = PersonNameToken.token
    inner = select(PersonNameToken.person_id).where(word_condition(token, alternatives, exact))
    return session.scalar(select(func.count()).select_from(inner.limit(_SELECTIVITY_CAP).subquery())) or 0


def _token_tier(
    session: Session, words: list[list[str]], exact: bool, exclude: set[int], limit: int, archived: bool
) -> list[int]:
    if len(words) > 1:
        # Drive the scan with the rarest word; the others are checked by index probes per candidate.
        words = sorted(words, key=lambda alts: _estimate(session, alts, exact))
    drive = aliased(PersonNameToken)
    stmt = (
        select(drive.person_id)
        .join(Person, Person.id == drive.person_id)
        .where(word_condition(drive.token, words[0], exact))
        .distinct()
    )
    if not archived:
        stmt = stmt.where(Person.archived.is_(False))
    for alternatives in words[1:]:
        other = aliased(PersonNameToken)
        stmt = stmt.where(
            exists().where(
                other.person_id == drive.person_id, word_condition(other.token, alternatives, exact)
            )
        )
    if exclude:
        stmt = stmt.where(drive.person_id.not_in(exclude))
    return list(session.scalars(stmt.limit(limit)))


def _identifier_ids(session: Session, query: str, limit: int) -> tuple[list[int], str]:
    """People found by phone, national ID or email, with the kind of match."""
    compact = "".join(fold_digits(query).split())
    if "@" in query:
        ids = session.scalars(select(Person.id).where(Person.email == compact.lower()).limit(limit)).all()
        return list(ids), "email"
    if compact.isdigit() and len(compact) == 14:
        ids = session.scalars(select(Person.id).where(Person.national_id == compact).limit(limit)).all()
        if ids:
            return list(ids), "national_id"
    if looks_like_phone(query):
        try:
            phone = normalize_phone(query)
            conditions = [Person.phone == phone, Person.phone2 == phone]
        except ValidationError:
            # Not a whole number yet (typed as far as "0100 12"): match numbers that start with it.
            prefix = phone_prefix(query)
            if prefix is None:
                return [], "phone"
            conditions = [
                column.between(prefix, prefix + "9" * 15) for column in (Person.phone, Person.phone2)
            ]
        # One indexed query per column: SQLite scans the table for "phone = ? OR phone2 = ?".
        ids = []
        for condition in conditions:
            ids += session.scalars(select(Person.id).where(condition).limit(limit)).all()
        return list(dict.fromkeys(ids))[:limit], "phone"
    return [], ""


def _like_word(column: ColumnElement[str] | InstrumentedAttribute[str], word: str) -> ColumnElement[bool]:
    """`word` starts the column's text or one of its words."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return or_(column.like(escaped + "%", escape="\\"), column.like("% " + escaped + "%", escape="\\"))


def organization_name_condition(query: str) -> ColumnElement[bool] | None:
    """Organizations whose Arabic or English name has every query word as a word start (None: no words)."""
    words = query_words(query)
    if not words:
        return None
    conditions = []
    for alternatives in words:
        per_word = []
        for alternative in alternatives:
            per_word.append(_like_word(Organization.name_key, normalize_name(alternative) or alternative))
            per_word.append(_like_word(func.lower(Organization.name_en), alternative))
        conditions.append(or_(*per_word))
    return and_(*conditions)


def _organization_person_ids(
    session: Session, query: str, exclude: set[int], limit: int, archived: bool
) -> list[int]:
    # Organizations are few (hundreds): matching their names with LIKE is cheap.
    condition = organization_name_condition(query)
    if condition is None:
        return []
    org_ids = select(Organization.id).where(condition).scalar_subquery()
    stmt = select(Person.id).where(Person.organization_id.in_(org_ids))
    if not archived:
        stmt = stmt.where(Person.archived.is_(False))
    if exclude:
        stmt = stmt.where(Person.id.not_in(exclude))
    return list(session.scalars(stmt.limit(limit)))


def find_people_ids(
    session: Session, query: str, limit: int = DEFAULT_LIMIT, *, archived: bool = False
) -> list[tuple[int, str]]:
    """(person id, match kind) for a query, best first; the building block of every search."""
    query = check_query(query)
    if not query or limit <= 0:
        return []
    found: list[tuple[int, str]] = []
    seen: set[int] = set()

    def take(ids: Sequence[int], kind: str) -> None:
        for pid in ids:
            if pid not in seen and len(found) < limit:
                seen.add(pid)
                found.append((pid, kind))

    ids, kind = _identifier_ids(session, query, limit)
    take(ids, kind)
    words = query_words(query)
    if not words or len(found) >= limit:
        return found
    key = normalize_name(query)
    if key:
        stmt = select(Person.id).where(Person.name_key == key)
        if not archived:
            stmt = stmt.where(Person.archived.is_(False))
        take(session.scalars(stmt.limit(limit)).all(), "name_exact")
    for exact, kind in ((True, "name"), (False, "name_prefix")):
        if len(found) >= limit:
            break
        take(_token_tier(session, words, exact, seen, limit - len(found), archived), kind)
    if len(found) < limit and any(not w[0].isdigit() for w in words):
        take(_organization_person_ids(session, query, seen, limit - len(found), archived), "organization")
    return found


def load_hits(session: Session, found: Sequence[tuple[int, str]]) -> list[PersonHit]:
    """PersonHits for (id, match) pairs, in the given order of tiers, alphabetical inside a tier."""
    if not found:
        return []
    ids = [pid for pid, _ in found]
    rows = session.execute(
        select(
            Person.id, Person.uid, Person.full_name, Person.latin_name, Organization.name_ar,
            Person.organization_id, Person.phone, Person.governorate,
        )
        .outerjoin(Organization, Organization.id == Person.organization_id)
        .where(Person.id.in_(ids))
    ).all()  # fmt: skip
    by_id = {row[0]: row for row in rows}
    tier_rank = {kind: i for i, kind in enumerate(dict.fromkeys(kind for _, kind in found))}
    ordered = sorted(
        (pair for pair in found if pair[0] in by_id),
        key=lambda pair: (tier_rank[pair[1]], sort_key(by_id[pair[0]][2])),
    )
    return [PersonHit(*by_id[pid], match=kind) for pid, kind in ordered]


def search_people(
    db: Database, query: str, limit: int = DEFAULT_LIMIT, *, archived: bool = False
) -> list[PersonHit]:
    """People matching `query` (name words, phone, national ID, email or organization), best first."""
    with db.session_scope() as session:
        return load_hits(session, find_people_ids(session, query, limit, archived=archived))
