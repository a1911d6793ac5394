"""Several stations on one database: a counter row per certificate serial stem (serials are
allocated under a row lock, never computed as the largest + 1), and a version on each editable
record (people, organizations, trainings) so that a save over someone else's change is noticed.

Revision ID: 0011c
Revises: 0010d
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011c"
down_revision = "0010d"
branch_labels = None
depends_on = None

VERSIONED = ("organization", "person", "training")


def upgrade() -> None:
    op.create_table(
        "certificate_serial",
        sa.Column("stem", sa.String(length=60), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("stem", name=op.f("pk_certificate_serial")),
    )
    # The counters start where no row is: the first certificate under a stem continues after the
    # largest number already issued (see services.certificates._next_serial).
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))


def downgrade() -> None:
    for table in reversed(VERSIONED):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("version")
    op.drop_table("certificate_serial")
