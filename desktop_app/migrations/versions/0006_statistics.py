"""Statistics and donor reports: projects (grants) with their trainings and their targets per
indicator and period; enrolments marked as walk-ins when registered at the check-in desk; covering
indexes so that counting 300,000 attendance marks reads indexes, not tables.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "project",
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("name_en", sa.String(length=300), nullable=True),
        sa.Column("donor", sa.String(length=300), nullable=True),
        sa.Column("code", sa.String(length=100), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name=op.f("ck_project_dates_order"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project")),
        sa.UniqueConstraint("uid", name=op.f("uq_project_uid")),
    )
    op.create_table(
        "project_target",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("indicator", sa.String(length=50), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("baseline", sa.Float(), nullable=True),
        sa.Column("target", sa.Float(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("period_end >= period_start", name=op.f("ck_project_target_period_order")),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_project_target_project_id_project"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_target")),
        sa.UniqueConstraint(
            "project_id",
            "indicator",
            "period_start",
            "period_end",
            name=op.f("uq_project_target_project_id_indicator_period_start_period_end"),
        ),
        sa.UniqueConstraint("uid", name=op.f("uq_project_target_uid")),
    )
    op.create_index(op.f("ix_project_target_project_id"), "project_target", ["project_id"])

    op.create_table(
        "project_training",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("training_id", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_project_training_project_id_project"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["training_id"], ["training.id"], name=op.f("fk_project_training_training_id_training")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project_training")),
        sa.UniqueConstraint(
            "project_id", "training_id", name=op.f("uq_project_training_project_id_training_id")
        ),
        sa.UniqueConstraint("uid", name=op.f("uq_project_training_uid")),
    )
    op.create_index(op.f("ix_project_training_project_id"), "project_training", ["project_id"])
    op.create_index(op.f("ix_project_training_training_id"), "project_training", ["training_id"])

    # Plain ADD COLUMN and CREATE INDEX (SQLite allows both in place): batch mode would copy the
    # enrolment table, which attendance and certificates reference.
    op.add_column("enrollment", sa.Column("walk_in", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.create_index(
        "ix_enrollment_statistics",
        "enrollment",
        ["training_id", "person_id", "role", "status", "organization_id", "walk_in"],
    )
    op.create_index(
        "ix_attendance_enrollment_status", "attendance", ["enrollment_id", "status", "session_id"]
    )
    op.create_index("ix_attendance_session_status", "attendance", ["session_id", "status", "enrollment_id"])
    op.create_index("ix_person_statistics", "person", ["gender", "birth_date", "national_id", "governorate"])


def downgrade() -> None:
    op.drop_index("ix_person_statistics", table_name="person")
    op.drop_index("ix_attendance_session_status", table_name="attendance")
    op.drop_index("ix_attendance_enrollment_status", table_name="attendance")
    op.drop_index("ix_enrollment_statistics", table_name="enrollment")
    op.drop_column("enrollment", "walk_in")  # SQLite 3.35+ drops a column in place
    op.drop_index(op.f("ix_project_training_training_id"), table_name="project_training")
    op.drop_index(op.f("ix_project_training_project_id"), table_name="project_training")
    op.drop_table("project_training")
    op.drop_index(op.f("ix_project_target_project_id"), table_name="project_target")
    op.drop_table("project_target")
    op.drop_table("project")
