"""A replacement certificate names the revoked certificate it replaces, so a revoked certificate is
only ever re-issued by an explicit action and verification can show the link.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.add_column(sa.Column("replaces_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_certificate_replaces_id"), ["replaces_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_certificate_replaces_id_certificate"), "certificate", ["replaces_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_certificate_replaces_id_certificate"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_certificate_replaces_id"))
        batch_op.drop_column("replaces_id")
