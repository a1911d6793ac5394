"""The partner network: agreements with their parties and signed documents, initiatives with their
partners, people and linked activities, meeting series, organizations invited to meetings, action
items; trainings gain a kind (a meeting is a training-table row of kind "meeting") and a meeting's
columns (online, agenda, minutes, decisions, series).

Revision ID: 0008n
Revises: 0007w
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008n"
down_revision = "0007w"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agreement",
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "protocol",
                "memorandum",
                "partnership",
                "grant",
                name="agreementkind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "signed",
                "active",
                "expired",
                "ended",
                name="agreementstatus",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("document", sa.LargeBinary(), nullable=True),
        sa.Column("document_name", sa.String(length=255), nullable=True),
        sa.Column("document_type", sa.String(length=100), nullable=True),
        sa.Column("archived", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name=op.f("ck_agreement_dates_order"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement")),
        sa.UniqueConstraint("uid", name=op.f("uq_agreement_uid")),
    )
    op.create_index(op.f("ix_agreement_end_date"), "agreement", ["end_date"])

    op.create_table(
        "initiative",
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("lead_organization_id", sa.Integer(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "planned",
                "active",
                "completed",
                "stopped",
                name="initiativestatus",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("goals", sa.Text(), nullable=True),
        sa.Column("governorates", sa.JSON(), nullable=True),
        sa.Column("archived", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name=op.f("ck_initiative_dates_order"),
        ),
        sa.ForeignKeyConstraint(
            ["lead_organization_id"],
            ["organization.id"],
            name=op.f("fk_initiative_lead_organization_id_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_initiative")),
        sa.UniqueConstraint("uid", name=op.f("uq_initiative_uid")),
    )
    op.create_index(op.f("ix_initiative_lead_organization_id"), "initiative", ["lead_organization_id"])

    op.create_table(
        "meeting_series",
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("frequency", sa.String(length=20), nullable=False),
        sa.Column("weekday", sa.Integer(), nullable=False),
        sa.Column("week", sa.Integer(), nullable=True),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("end_time", sa.Time(), nullable=True),
        sa.Column("venue", sa.String(length=300), nullable=True),
        sa.Column("online", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("organizer_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("frequency IN ('monthly', 'weekly')", name=op.f("ck_meeting_series_frequency")),
        sa.CheckConstraint("weekday >= 0 AND weekday <= 6", name=op.f("ck_meeting_series_weekday_range")),
        sa.ForeignKeyConstraint(
            ["organizer_id"], ["organization.id"], name=op.f("fk_meeting_series_organizer_id_organization")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_series")),
        sa.UniqueConstraint("uid", name=op.f("uq_meeting_series_uid")),
    )
    op.create_table(
        "agreement_initiative",
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreement.id"],
            name=op.f("fk_agreement_initiative_agreement_id_agreement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_agreement_initiative_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_initiative")),
        sa.UniqueConstraint(
            "agreement_id", "initiative_id", name=op.f("uq_agreement_initiative_agreement_id_initiative_id")
        ),
        sa.UniqueConstraint("uid", name=op.f("uq_agreement_initiative_uid")),
    )
    op.create_index(op.f("ix_agreement_initiative_agreement_id"), "agreement_initiative", ["agreement_id"])
    op.create_index(op.f("ix_agreement_initiative_initiative_id"), "agreement_initiative", ["initiative_id"])

    op.create_table(
        "agreement_party",
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("signatory_id", sa.Integer(), nullable=True),
        sa.Column("signatory_title", sa.String(length=300), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreement.id"],
            name=op.f("fk_agreement_party_agreement_id_agreement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_agreement_party_organization_id_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["signatory_id"], ["person.id"], name=op.f("fk_agreement_party_signatory_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_party")),
        sa.UniqueConstraint(
            "agreement_id", "organization_id", name=op.f("uq_agreement_party_agreement_id_organization_id")
        ),
        sa.UniqueConstraint("uid", name=op.f("uq_agreement_party_uid")),
    )
    op.create_index(op.f("ix_agreement_party_agreement_id"), "agreement_party", ["agreement_id"])
    op.create_index(op.f("ix_agreement_party_organization_id"), "agreement_party", ["organization_id"])
    op.create_index(op.f("ix_agreement_party_signatory_id"), "agreement_party", ["signatory_id"])

    op.create_table(
        "initiative_partner",
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=300), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_initiative_partner_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_initiative_partner_organization_id_organization"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_initiative_partner")),
        sa.UniqueConstraint(
            "initiative_id",
            "organization_id",
            name=op.f("uq_initiative_partner_initiative_id_organization_id"),
        ),
        sa.UniqueConstraint("uid", name=op.f("uq_initiative_partner_uid")),
    )
    op.create_index(op.f("ix_initiative_partner_initiative_id"), "initiative_partner", ["initiative_id"])
    op.create_index(op.f("ix_initiative_partner_organization_id"), "initiative_partner", ["organization_id"])

    op.create_table(
        "initiative_person",
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=300), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_initiative_person_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_initiative_person_person_id_person")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_initiative_person")),
        sa.UniqueConstraint(
            "initiative_id", "person_id", name=op.f("uq_initiative_person_initiative_id_person_id")
        ),
        sa.UniqueConstraint("uid", name=op.f("uq_initiative_person_uid")),
    )
    op.create_index(op.f("ix_initiative_person_initiative_id"), "initiative_person", ["initiative_id"])
    op.create_index(op.f("ix_initiative_person_person_id"), "initiative_person", ["person_id"])

    op.create_table(
        "action_item",
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("owner_organization_id", sa.Integer(), nullable=True),
        sa.Column("owner_person_id", sa.Integer(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "done",
                "dropped",
                name="actionstatus",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("training_id", sa.Integer(), nullable=True),
        sa.Column("initiative_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["initiative_id"], ["initiative.id"], name=op.f("fk_action_item_initiative_id_initiative")
        ),
        sa.ForeignKeyConstraint(
            ["owner_organization_id"],
            ["organization.id"],
            name=op.f("fk_action_item_owner_organization_id_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["owner_person_id"], ["person.id"], name=op.f("fk_action_item_owner_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["training_id"], ["training.id"], name=op.f("fk_action_item_training_id_training")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_item")),
        sa.UniqueConstraint("uid", name=op.f("uq_action_item_uid")),
    )
    op.create_index(op.f("ix_action_item_due_date"), "action_item", ["due_date"])
    op.create_index(op.f("ix_action_item_initiative_id"), "action_item", ["initiative_id"])
    op.create_index(op.f("ix_action_item_owner_organization_id"), "action_item", ["owner_organization_id"])
    op.create_index(op.f("ix_action_item_owner_person_id"), "action_item", ["owner_person_id"])
    op.create_index(op.f("ix_action_item_training_id"), "action_item", ["training_id"])

    op.create_table(
        "agreement_training",
        sa.Column("agreement_id", sa.Integer(), nullable=False),
        sa.Column("training_id", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["agreement_id"],
            ["agreement.id"],
            name=op.f("fk_agreement_training_agreement_id_agreement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["training_id"], ["training.id"], name=op.f("fk_agreement_training_training_id_training")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_training")),
        sa.UniqueConstraint(
            "agreement_id", "training_id", name=op.f("uq_agreement_training_agreement_id_training_id")
        ),
        sa.UniqueConstraint("uid", name=op.f("uq_agreement_training_uid")),
    )
    op.create_index(op.f("ix_agreement_training_agreement_id"), "agreement_training", ["agreement_id"])
    op.create_index(op.f("ix_agreement_training_training_id"), "agreement_training", ["training_id"])

    op.create_table(
        "event_invitation",
        sa.Column("training_id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_event_invitation_organization_id_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["training_id"], ["training.id"], name=op.f("fk_event_invitation_training_id_training")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_invitation")),
        sa.UniqueConstraint(
            "training_id", "organization_id", name=op.f("uq_event_invitation_training_id_organization_id")
        ),
        sa.UniqueConstraint("uid", name=op.f("uq_event_invitation_uid")),
    )
    op.create_index(op.f("ix_event_invitation_organization_id"), "event_invitation", ["organization_id"])
    op.create_index(op.f("ix_event_invitation_training_id"), "event_invitation", ["training_id"])

    op.create_table(
        "initiative_training",
        sa.Column("initiative_id", sa.Integer(), nullable=False),
        sa.Column("training_id", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["initiative_id"],
            ["initiative.id"],
            name=op.f("fk_initiative_training_initiative_id_initiative"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["training_id"], ["training.id"], name=op.f("fk_initiative_training_training_id_training")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_initiative_training")),
        sa.UniqueConstraint(
            "initiative_id", "training_id", name=op.f("uq_initiative_training_initiative_id_training_id")
        ),
        sa.UniqueConstraint("uid", name=op.f("uq_initiative_training_uid")),
    )
    op.create_index(op.f("ix_initiative_training_initiative_id"), "initiative_training", ["initiative_id"])
    op.create_index(op.f("ix_initiative_training_training_id"), "initiative_training", ["training_id"])

    # The training table gains a kind and a meeting's columns. Plain ADD COLUMN (SQLite allows it in
    # place, CHECK and REFERENCES included): batch mode would copy the training table, which sessions,
    # enrolments, certificates and projects reference.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "ALTER TABLE training ADD COLUMN kind VARCHAR(20) DEFAULT 'training' NOT NULL "
            "CONSTRAINT ck_training_eventkind CHECK (kind IN ('training', 'meeting'))"
        )
        op.execute("ALTER TABLE training ADD COLUMN series_id INTEGER REFERENCES meeting_series (id)")
    else:
        op.add_column(
            "training", sa.Column("kind", sa.String(length=20), server_default="training", nullable=False)
        )
        op.create_check_constraint(
            op.f("ck_training_eventkind"), "training", "kind IN ('training', 'meeting')"
        )
        op.add_column("training", sa.Column("series_id", sa.Integer(), nullable=True))
        op.create_foreign_key(
            op.f("fk_training_series_id_meeting_series"), "training", "meeting_series", ["series_id"], ["id"]
        )
    op.add_column("training", sa.Column("online", sa.Boolean(), server_default=sa.false(), nullable=False))
    op.add_column("training", sa.Column("agenda", sa.Text(), nullable=True))
    op.add_column("training", sa.Column("minutes", sa.Text(), nullable=True))
    op.add_column("training", sa.Column("decisions", sa.Text(), nullable=True))
    op.create_index(op.f("ix_training_kind"), "training", ["kind"])
    op.create_index(op.f("ix_training_series_id"), "training", ["series_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_training_series_id"), table_name="training")
    op.drop_index(op.f("ix_training_kind"), table_name="training")
    if op.get_bind().dialect.name == "sqlite":
        # SQLite cannot drop a column that references another table in place: batch mode copies the
        # table (fine for a downgrade, which is rare and made on a copy).
        with op.batch_alter_table("training") as batch_op:
            batch_op.drop_constraint(batch_op.f("ck_training_eventkind"), type_="check")
            for column in ("series_id", "decisions", "minutes", "agenda", "online", "kind"):
                batch_op.drop_column(column)
    else:
        op.drop_constraint(op.f("fk_training_series_id_meeting_series"), "training", type_="foreignkey")
        op.drop_constraint(op.f("ck_training_eventkind"), "training", type_="check")
        for column in ("series_id", "decisions", "minutes", "agenda", "online", "kind"):
            op.drop_column("training", column)

    op.drop_index(op.f("ix_initiative_training_training_id"), table_name="initiative_training")
    op.drop_index(op.f("ix_initiative_training_initiative_id"), table_name="initiative_training")

    op.drop_table("initiative_training")
    op.drop_index(op.f("ix_event_invitation_training_id"), table_name="event_invitation")
    op.drop_index(op.f("ix_event_invitation_organization_id"), table_name="event_invitation")

    op.drop_table("event_invitation")
    op.drop_index(op.f("ix_agreement_training_training_id"), table_name="agreement_training")
    op.drop_index(op.f("ix_agreement_training_agreement_id"), table_name="agreement_training")

    op.drop_table("agreement_training")
    op.drop_index(op.f("ix_action_item_training_id"), table_name="action_item")
    op.drop_index(op.f("ix_action_item_owner_person_id"), table_name="action_item")
    op.drop_index(op.f("ix_action_item_owner_organization_id"), table_name="action_item")
    op.drop_index(op.f("ix_action_item_initiative_id"), table_name="action_item")
    op.drop_index(op.f("ix_action_item_due_date"), table_name="action_item")

    op.drop_table("action_item")
    op.drop_index(op.f("ix_initiative_person_person_id"), table_name="initiative_person")
    op.drop_index(op.f("ix_initiative_person_initiative_id"), table_name="initiative_person")

    op.drop_table("initiative_person")
    op.drop_index(op.f("ix_initiative_partner_organization_id"), table_name="initiative_partner")
    op.drop_index(op.f("ix_initiative_partner_initiative_id"), table_name="initiative_partner")

    op.drop_table("initiative_partner")
    op.drop_index(op.f("ix_agreement_party_signatory_id"), table_name="agreement_party")
    op.drop_index(op.f("ix_agreement_party_organization_id"), table_name="agreement_party")
    op.drop_index(op.f("ix_agreement_party_agreement_id"), table_name="agreement_party")

    op.drop_table("agreement_party")
    op.drop_index(op.f("ix_agreement_initiative_initiative_id"), table_name="agreement_initiative")
    op.drop_index(op.f("ix_agreement_initiative_agreement_id"), table_name="agreement_initiative")

    op.drop_table("agreement_initiative")
    op.drop_table("meeting_series")
    op.drop_index(op.f("ix_initiative_lead_organization_id"), table_name="initiative")

    op.drop_table("initiative")
    op.drop_index(op.f("ix_agreement_end_date"), table_name="agreement")

    op.drop_table("agreement")
