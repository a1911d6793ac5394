"""Venue packages merged field by field: each exchanged record's base (what the other installation last
sent) and the conflicts waiting for a decision.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_base",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("peer", sa.String(length=20), nullable=False),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("record_uid", sa.String(length=36), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("package_created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_base")),
        sa.UniqueConstraint("peer", "entity", "record_uid", name=op.f("uq_sync_base_peer_entity_record_uid")),
    )
    with op.batch_alter_table("sync_base", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_base_record_uid"), ["record_uid"], unique=False)

    op.create_table(
        "sync_conflict",
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("record_uid", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("office_value", sa.JSON(), nullable=True),
        sa.Column("venue_value", sa.JSON(), nullable=True),
        sa.Column("base_value", sa.JSON(), nullable=True),
        sa.Column("peer", sa.String(length=20), nullable=True),
        sa.Column("package_checksum", sa.String(length=64), nullable=True),
        sa.Column("held_uid", sa.String(length=36), nullable=True),
        sa.Column("detected_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolution", sa.String(length=10), nullable=True),
        sa.Column("resolved_by", sa.String(length=200), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
        sa.UniqueConstraint("uid", name=op.f("uq_sync_conflict_uid")),
    )
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sync_conflict_record_uid"), ["record_uid"], unique=False)
        batch_op.create_index(batch_op.f("ix_sync_conflict_resolved_at"), ["resolved_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_conflict_resolved_at"))
        batch_op.drop_index(batch_op.f("ix_sync_conflict_record_uid"))

    op.drop_table("sync_conflict")
    with op.batch_alter_table("sync_base", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sync_base_record_uid"))

    op.drop_table("sync_base")
