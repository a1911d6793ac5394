"""An index on person.archived: the People list and Home count the people who are not archived
at every start, which read the whole person table without it (50 ms at 100,000 people).

Revision ID: 0007w
Revises: 0006
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

revision = "0007w"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(op.f("ix_person_archived"), "person", ["archived"])


def downgrade() -> None:
    op.drop_index(op.f("ix_person_archived"), table_name="person")
