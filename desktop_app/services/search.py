"""Person search the way Arabic names are really typed (ARABIC.md §3).

A query finds people when each of its words is the start of some word of one of their names
(Arabic, Latin, or a name merged in as an alias), in any order ("ابراهيم محم" finds "محمد أحمد
إبراهيم"); when its words are the same names written in the other script ("Hany Ibrahim" finds
هاني إبراهيم and محمود خالد finds "Mahmoud Khaled", see text.romanize); or when it is a phone number
in any form or its last 4 or more digits, a national ID, an email address, or words of their
organization's name (prepositions and conjunctions attached to a word do not count: "البريد"
finds "نقابة العاملين بالبريد").

Results come in tiers: identifiers, then the whole name equal, then every word a whole name word,
then the same names across scripts, then prefixes, then organization hits. Each tier is a handful
of index range scans on the token table, driven by the most selective word and checked against
the others with probes on a covering (person, token) index, so it stays fast at 500,000 people on
SQLite and PostgreSQL; archived people are filtered out from the few ids found, not per candidate.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    TextClause,
    and_,
    func,
    or_,
    select,
    text,
)

from desktop_app.db import Database
from desktop_app.errors import ValidationError
from desktop_app.services import tables
from desktop_app.text.arabic import check_query, fold_digits, normalize_name, query_words, sort_key
from desktop_app.text.phone import digits_query, looks_like_phone, normalize_phone, phone_prefix
from desktop_app.text.romanize import is_latin, query_alternatives
from desktop_app.text.tokens import PHONE_TAIL

if TYPE_CHECKING:
    from sqlalchemy.orm import InstrumentedAttribute

    from desktop_app.db import Reader

# The search reads the tables, not the mapped classes, as its plain SQL below does: these Core
# statements need no model declared and no mapper configured, so `tashbeek search` loads none of the
# ORM (a third of the command's own time). Only the columns read are named;
# tests/services/test_search.py checks them against the models' tables.
_PERSON, _TOKEN = tables.PERSON, tables.PERSON_NAME_TOKEN

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
    match: str  # phone | national_id | email | name_exact | name | transliteration | name_prefix | organization


def word_condition(
    column: ColumnElement[str] | InstrumentedAttribute[str], alternatives: Sequence[str], exact: bool
) -> ColumnElement[bool]:
    """A name-token column equal to (exact) or starting with (an index range) one of the alternatives."""
    if exact:
        return column.in_(alternatives) if len(alternatives) > 1 else column == alternatives[0]
    return or_(*[and_(column >= alt, column < alt + _TOP) for alt in alternatives])


# The token scans are plain SQL, the same on SQLite and PostgreSQL, built once per shape (number of
# words and alternatives): composing them through the ORM for every keystroke cost more than
# running them.


def _condition(table: str, alternatives: int, exact: bool, word: int) -> str:
    if exact:
        return f"{table}.token IN ({', '.join(f':w{word}_{i}' for i in range(alternatives))})"
    ranges = [f"({table}.token >= :w{word}_{i} AND {table}.token < :t{word}_{i})" for i in range(alternatives)]
    return "(" + " OR ".join(ranges) + ")"


@lru_cache(maxsize=256)
def _estimate_sql(alternatives: int, exact: bool, cap: int = _SELECTIVITY_CAP) -> TextClause:
    return text(
        f"SELECT count(*) FROM (SELECT 1 FROM person_name_token d WHERE {_condition('d', alternatives, exact, 0)}"
        f" LIMIT {cap}) AS capped"
    )


@lru_cache(maxsize=256)
def _tier_sql(shape: tuple[int, ...], exact: bool) -> TextClause:
    where = [_condition("d", shape[0], exact, 0)]
    for n, alternatives in enumerate(shape[1:], start=1):
        # One probe per alternative: SQLite answers "person_id = ? AND token = ?" from the covering
        # index at once, but an OR or IN inside one probe cost it ten times more at 500,000 people.
        probes = []
        for i in range(alternatives):
            match = f"o.token = :w{n}_{i}" if exact else f"o.token >= :w{n}_{i} AND o.token < :t{n}_{i}"
            probes.append(f"EXISTS (SELECT 1 FROM person_name_token o WHERE o.person_id = d.person_id AND {match})")
        where.append("(" + " OR ".join(probes) + ")")
    return text(f"SELECT DISTINCT d.person_id FROM person_name_token d WHERE {' AND '.join(where)} LIMIT :limit")


# Statements over a list of the few ids found, sent to the driver as they are: binding a list
# through SQLAlchemy's expanding parameters cost more than SQLite's answer (three of them run for
# every keystroke). {ids} is the list's placeholders; the values are plain ints and a bool.
_HITS = (
    "SELECT p.id, p.uid, p.full_name, p.latin_name, o.name_ar, p.organization_id, p.phone, p.governorate"
    " FROM person p LEFT JOIN organization o ON o.id = p.organization_id WHERE p.id IN ({ids})"
)
_ACTIVE = "SELECT id FROM person WHERE id IN ({ids}) AND archived = {mark}"
_TOKENS_OF = "SELECT person_id, token FROM person_name_token WHERE person_id IN ({ids})"


def _connection(tx: Reader) -> Connection:
    """The Core connection a read runs on (a session's, or the one given)."""
    return tx if isinstance(tx, Connection) else tx.connection()


def _for_ids(tx: Reader, statement: str, ids: Sequence[int], *more: object) -> Sequence[Sequence[Any]]:
    """Rows of one of the statements above for `ids` (and the values of its other placeholders)."""
    connection = _connection(tx)
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    sql = statement.format(ids=", ".join([mark] * len(ids)), mark=mark)
    return connection.exec_driver_sql(sql, (*ids, *more)).all()


def _params(words: Sequence[Sequence[str]], exact: bool) -> dict[str, object]:
    params: dict[str, object] = {}
    for n, alternatives in enumerate(words):
        for i, alternative in enumerate(alternatives):
            params[f"w{n}_{i}"] = alternative
            if not exact:
                params[f"t{n}_{i}"] = alternative + _TOP
    return params


# Common words ("محمد", "Mahmoud") reach the cap, and then two of them cannot be told apart: the
# rarer of two common words drives a scan several times shorter. Their counts up to a higher cap are
# kept here per database (a few thousand words at most): they only order the words, so a count a
# little out of date after an import costs nothing but a less than best order.
_COMMON_CAP = 50_000
_common_counts: dict[tuple[str, bool, tuple[str, ...]], int] = {}


def _estimate(tx: Reader, alternatives: Sequence[str], exact: bool) -> int:
    params = _params([alternatives], exact)
    found = int(tx.execute(_estimate_sql(len(alternatives), exact), params).scalar() or 0)
    if found < _SELECTIVITY_CAP:
        return found
    key = (str(_connection(tx).engine.url), exact, tuple(alternatives))
    if key not in _common_counts:
        if len(_common_counts) > 4096:
            _common_counts.clear()
        statement = _estimate_sql(len(alternatives), exact, _COMMON_CAP)
        _common_counts[key] = int(tx.execute(statement, params).scalar() or 0)
    return _common_counts[key]


def _token_tier(
    tx: Reader, words: Sequence[Sequence[str]], exact: bool, exclude: set[int], limit: int, archived: bool
) -> list[int]:
    if len(words) > 1:
        # Drive the scan with the rarest word; the others are checked by index probes per candidate.
        words = sorted(words, key=lambda alts: _estimate(tx, alts, exact))
    statement = _tier_sql(tuple(len(alternatives) for alternatives in words), exact)
    params = _params(words, exact)
    # People already found and archived people are left out of the few ids found, rather than
    # checked for every candidate the scan passes.
    fetch = limit + len(exclude) + (0 if archived else 8)
    while True:
        rows = list(tx.execute(statement, {**params, "limit": fetch}).scalars())
        ids = [pid for pid in rows if pid not in exclude]
        if not archived and ids:
            active = {pid for (pid,) in _for_ids(tx, _ACTIVE, ids, False)}
            ids = [pid for pid in ids if pid in active]
        if len(ids) >= limit or len(rows) < fetch:
            return ids[:limit]
        fetch *= 4


def _whole_words(tx: Reader, ids: Sequence[int], words: Sequence[Sequence[str]]) -> list[int]:
    """The people among `ids` whose tokens hold every query word whole (the exact tier's rule)."""
    if not ids:
        return []
    tokens: dict[int, set[str]] = {}
    for pid, token in _for_ids(tx, _TOKENS_OF, ids):
        tokens.setdefault(pid, set()).add(token)
    return [pid for pid in ids if all(any(a in tokens.get(pid, ()) for a in alts) for alts in words)]


def _name_words(query: str) -> list[list[str]]:
    """Prefix alternatives per query word. A word starting with "ال" is looked up without it only:
    every indexed word with "ال" is indexed without it too, so both would find the same people."""
    return [alternatives[1:] if len(alternatives) > 1 else alternatives for alternatives in query_words(query)]


def _across_scripts(query: str) -> list[list[str]]:
    """Per query word, the tokens that meet it in the other script. Plain tokens of the query's
    own script were already tried by the exact tier, so a one-script query keeps only the others."""
    words = query_alternatives(query)
    latin = is_latin(query)
    arabic = not any(is_latin(w) for w in query.split())
    result = []
    for alternatives in words:
        if arabic:
            kept = [a for a in alternatives if a.startswith("~")]
        elif latin:
            kept = [a for a in alternatives if a.startswith("~") or not a.isascii()]
        else:
            kept = list(alternatives)
        if not kept:
            return []
        result.append(sorted(kept))
    return result


def _identifier_ids(tx: Reader, query: str, limit: int) -> tuple[list[int], str]:
    """People found by phone, national ID or email, with the kind of match."""
    compact = "".join(fold_digits(query).split())
    if "@" in query:
        ids = tx.scalars(select(_PERSON.c.id).where(_PERSON.c.email == compact.lower()).limit(limit)).all()
        return list(ids), "email"
    if compact.isdigit() and len(compact) == 14:
        ids = tx.scalars(select(_PERSON.c.id).where(_PERSON.c.national_id == compact).limit(limit)).all()
        if ids:
            return list(ids), "national_id"
    ids = []
    if looks_like_phone(query):
        try:
            phone = normalize_phone(query)
            conditions = [_PERSON.c.phone == phone, _PERSON.c.phone2 == phone]
        except ValidationError:
            # Not a whole number yet (typed as far as "0100 12"): match numbers that start with it.
            prefix = phone_prefix(query)
            conditions = (
                [column.between(prefix, prefix + "9" * 15) for column in (_PERSON.c.phone, _PERSON.c.phone2)]
                if prefix is not None
                else []
            )
        # One indexed query per column: SQLite scans the table for "phone = ? OR phone2 = ?".
        for condition in conditions:
            ids += tx.scalars(select(_PERSON.c.id).where(condition).limit(limit)).all()
    digits = digits_query(query)
    if digits is not None and len(ids) < limit:
        # The last digits of a number ("5678"): a prefix range on the reversed digits.
        tail = PHONE_TAIL + digits[::-1]
        ids += tx.scalars(
            select(_TOKEN.c.person_id)
            .where(_TOKEN.c.token >= tail, _TOKEN.c.token < tail + _TOP)
            .limit(limit)
        ).all()
    if ids or looks_like_phone(query):
        return list(dict.fromkeys(ids))[:limit], "phone"
    return [], ""


_ORGANIZATIONS_HOLDING = text(
    "SELECT id, name_key, name_en FROM organization"
    " WHERE name_key LIKE :key ESCAPE '\\' OR lower(name_en) LIKE :en ESCAPE '\\'"
)


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like_word(column: ColumnElement[str] | InstrumentedAttribute[str], word: str) -> ColumnElement[bool]:
    """`word` starts the column's text or one of its words."""
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return or_(column.like(escaped + "%", escape="\\"), column.like("% " + escaped + "%", escape="\\"))


# Prepositions and conjunctions written joined to a word with its article: "بالبريد" (in the post),
# "والتنمية" (and development), "للتنمية" (for development), "بالبحيرة".
_ATTACHED = ("بال", "وال", "فال", "كال", "لل", "وبال", "ولل")


def organization_name_condition(query: str) -> ColumnElement[bool] | None:
    """Organizations whose Arabic or English name has every query word as a word start, with or
    without a preposition or conjunction attached to it (None: no words)."""
    # The model's own columns: the listing composes this into its queries over Organization.
    from desktop_app.models import Organization

    words = query_words(query)
    if not words:
        return None
    conditions = []
    for alternatives in words:
        per_word = []
        for alternative in alternatives:
            key = normalize_name(alternative) or alternative
            per_word.append(_like_word(Organization.name_key, key))
            if len(key) >= 3 and not key.isdigit():
                per_word += [_like_word(Organization.name_key, clitic + key) for clitic in _ATTACHED]
            per_word.append(_like_word(func.lower(Organization.name_en), alternative))
        conditions.append(or_(*per_word))
    return and_(*conditions)


def organization_name_matcher(query: str) -> Callable[[str, str | None], bool]:
    """`organization_name_condition` in Python: a test of (name_key, name_en) for this query."""
    clitics = "|".join(_ATTACHED)
    words = []
    for alternatives in query_words(query):
        starts = []
        for alternative in alternatives:
            key = re.escape(normalize_name(alternative) or alternative)
            attached = len(key) >= 3 and not key.isdigit()
            starts += [f"(?:{clitics})?{key}" if attached else key, re.escape(alternative)]
        # Every word of the Arabic key and of the English name, one pattern per query word.
        words.append(re.compile(f"(?:^| )(?:{'|'.join(dict.fromkeys(starts))})"))

    def matches(name_key: str, name_en: str | None) -> bool:
        names = f"{name_key} {(name_en or '').lower()}"
        return bool(words) and all(word.search(names) for word in words)

    return matches


def _organization_person_ids(
    tx: Reader, query: str, exclude: set[int], limit: int, archived: bool
) -> list[int]:
    # Organizations are few (hundreds): reading their names and matching them here is cheaper
    # than composing a LIKE for every word, article and attached preposition.
    matches = organization_name_matcher(query)
    # Only names that hold the first word somewhere are read and matched word by word.
    first = query_words(query)[0][-1]
    contains = {"key": f"%{_escape_like(normalize_name(first) or first)}%", "en": f"%{_escape_like(first)}%"}
    org_ids = [
        org_id
        for org_id, name_key, name_en in tx.execute(_ORGANIZATIONS_HOLDING, contains)
        if matches(name_key, name_en)
    ]
    if not org_ids:
        return []
    stmt = select(_PERSON.c.id).where(_PERSON.c.organization_id.in_(org_ids))
    if not archived:
        stmt = stmt.where(_PERSON.c.archived.is_(False))
    if exclude:
        stmt = stmt.where(_PERSON.c.id.not_in(exclude))
    return list(tx.scalars(stmt.limit(limit)))


def find_people_ids(
    tx: Reader, query: str, limit: int = DEFAULT_LIMIT, *, archived: bool = False
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

    ids, kind = _identifier_ids(tx, query, limit)
    take(ids, kind)
    words = _name_words(query)
    if not words or len(found) >= limit:
        return found
    key = normalize_name(query)
    if key:
        stmt = select(_PERSON.c.id).where(_PERSON.c.name_key == key)
        if not archived:
            stmt = stmt.where(_PERSON.c.archived.is_(False))
        take(tx.scalars(stmt.limit(limit)).all(), "name_exact")
    across = _across_scripts(query) if any(not w[0].isdigit() for w in words) else []
    room = limit - len(found)
    # Prefix matches include the whole-word ones. When fewer than fit, one prefix scan finds them
    # all and the whole-word ones are told apart from their tokens: the scan a query with few hits
    # pays in full is not paid twice.
    prefixed = _token_tier(tx, words, False, seen, room + 1, archived) if room > 0 else []
    if len(prefixed) <= room:
        take(_whole_words(tx, prefixed, words), "name")
        if across:
            take(_token_tier(tx, across, True, seen, limit - len(found), archived), "transliteration")
        take(prefixed, "name_prefix")
    else:
        # Many hits: whole words first, then across scripts, then the prefix matches already found
        # (one more than fits, so never too few after the others took their places).
        for tier_words, kind in ((words, "name"), (across, "transliteration")):
            if tier_words and len(found) < limit:
                take(_token_tier(tx, tier_words, True, seen, limit - len(found), archived), kind)
        take(prefixed, "name_prefix")
    if len(found) < limit and any(not w[0].isdigit() for w in words):
        take(_organization_person_ids(tx, query, seen, limit - len(found), archived), "organization")
    return found


def load_hits(tx: Reader, found: Sequence[tuple[int, str]]) -> list[PersonHit]:
    """PersonHits for (id, match) pairs, in the given order of tiers, alphabetical inside a tier."""
    if not found:
        return []
    ids = [pid for pid, _ in found]
    rows = _for_ids(tx, _HITS, ids)
    by_id = {row[0]: row for row in rows}
    tier_rank = {kind: i for i, kind in enumerate(dict.fromkeys(kind for _, kind in found))}
    ordered = sorted(
        (pair for pair in found if pair[0] in by_id),
        key=lambda pair: (tier_rank[pair[1]], sort_key(by_id[pair[0]][2])),
    )
    hits = []
    for pid, kind in ordered:
        _id, uid, name, latin, organization, organization_id, phone, governorate = by_id[pid]
        hits.append(PersonHit(pid, uid, name, latin, organization, organization_id, phone, governorate, kind))
    return hits


def search_people(
    db: Database, query: str, limit: int = DEFAULT_LIMIT, *, archived: bool = False
) -> list[PersonHit]:
    """People matching `query` (name words, phone, national ID, email or organization), best first."""
    with db.session_scope() as tx:
        return load_hits(tx, find_people_ids(tx, query, limit, archived=archived))
