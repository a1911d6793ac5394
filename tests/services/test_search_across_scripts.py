"""Whole-name search across scripts through the real service: every Arabic name of the committed
pair list is a person in one registry; each Latin spelling is searched and must find its person
(recall) and must not find the near misses and unrelated names paired with it (precision). The
other way round too: the Latin names as Latin-only people, searched in Arabic."""

from __future__ import annotations

import pytest
from sqlalchemy import insert

from desktop_app.db import Database
from desktop_app.models import Person, PersonNameToken, new_uid, utcnow
from desktop_app.services.search import search_people
from desktop_app.text.arabic import normalize_name
from desktop_app.text.tokens import person_tokens
from tests.text.test_romanize import load_pairs


def _add_people(db: Database, names: list[str]) -> dict[str, int]:
    """One person per name, written in bulk as an import does (a few hundred people)."""
    now = utcnow()
    with db.session_scope() as session:
        ids = session.scalars(
            insert(Person).returning(Person.id, sort_by_parameter_order=True),
            [{"uid": new_uid(), "full_name": n, "name_key": normalize_name(n), "consent_share_contact": False,
              "archived": False, "created_at": now, "updated_at": now} for n in names],
        ).all()  # fmt: skip
        tokens = [
            {"token": t, "person_id": i} for n, i in zip(names, ids, strict=True) for t in person_tokens([n])
        ]
        session.execute(insert(PersonNameToken), tokens)
    return dict(zip(names, ids, strict=True))


@pytest.mark.parametrize("direction", ["latin", "arabic"])
def test_whole_name_search_precision_and_recall(
    db: Database, direction: str, capsys: pytest.CaptureFixture[str]
) -> None:
    pairs = load_pairs()
    stored = 2 if direction == "latin" else 3  # the column that holds the people's names
    people = _add_people(db, sorted({p[stored] for p in pairs}))
    tp = fp = fn = 0
    for same, _kind, arabic, latin in pairs:
        query, target = (latin, arabic) if direction == "latin" else (arabic, latin)
        found = people[target] in {h.id for h in search_people(db, query, limit=200)}
        tp += found and same
        fp += found and not same
        fn += same and not found
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    with capsys.disabled():
        print(f"\nsearch, {direction} queries in a registry of {len(people)}: "
              f"precision {precision:.3f}, recall {recall:.3f}")  # fmt: skip
    assert precision >= 0.95 and recall >= 0.90
