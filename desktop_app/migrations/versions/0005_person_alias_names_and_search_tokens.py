"""Names across scripts: a merged record's names stay with its alias (searchable after the merge),
and every person's search tokens are rebuilt with romanisation keys (a Latin query finds Arabic
names and back) and the reversed digits of their phones (the last digits of a number find it).
The token table's person index also covers the token, so multi-word searches probe the index only.

The name table behind the romanisation keys is code (desktop_app/text/latin_names.py): a later
change to it needs a migration that calls `rebuild_search_tokens` again.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections import defaultdict

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person_alias", schema=None) as batch_op:
        batch_op.add_column(sa.Column("full_name", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("latin_name", sa.String(length=300), nullable=True))
    with op.batch_alter_table("person_name_token", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_name_token_person_id"))
    rebuild_search_tokens(op.get_bind())  # before the new index: filling an unindexed table is faster
    with op.batch_alter_table("person_name_token", schema=None) as batch_op:
        batch_op.create_index("ix_person_name_token_person_token", ["person_id", "token"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("person_name_token", schema=None) as batch_op:
        batch_op.drop_index("ix_person_name_token_person_token")
        batch_op.create_index(batch_op.f("ix_person_name_token_person_id"), ["person_id"], unique=False)
    with op.batch_alter_table("person_alias", schema=None) as batch_op:
        batch_op.drop_column("latin_name")
        batch_op.drop_column("full_name")


def rebuild_search_tokens(connection: sa.Connection) -> None:
    """Every person's tokens from their names, their aliases' names and their phones."""
    from desktop_app.text.tokens import person_tokens

    person = sa.table(
        "person", sa.column("id"), sa.column("full_name"), sa.column("latin_name"), sa.column("phone"),
        sa.column("phone2"),
    )  # fmt: skip
    alias = sa.table("person_alias", sa.column("person_id"), sa.column("full_name"), sa.column("latin_name"))
    token = sa.table("person_name_token", sa.column("token"), sa.column("person_id"))
    other_names: dict[int, list[str | None]] = defaultdict(list)
    for person_id, full_name, latin_name in connection.execute(
        sa.select(alias.c.person_id, alias.c.full_name, alias.c.latin_name)
    ):
        other_names[person_id] += [full_name, latin_name]
    people = connection.execute(
        sa.select(person.c.id, person.c.full_name, person.c.latin_name, person.c.phone, person.c.phone2)
    ).all()
    connection.execute(sa.delete(token))
    batch: list[dict[str, object]] = []
    for person_id, full_name, latin_name, phone, phone2 in people:
        names = [full_name, latin_name, *other_names.get(person_id, ())]
        batch += [{"token": t, "person_id": person_id} for t in sorted(person_tokens(names, (phone, phone2)))]
        if len(batch) >= 20_000:
            connection.execute(sa.insert(token), batch)
            batch = []
    if batch:
        connection.execute(sa.insert(token), batch)
