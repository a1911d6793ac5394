"""Initial schema, and the installation tag this database will put in its certificate serials.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import datetime as dt
import secrets
import uuid

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_entry",
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("operator", sa.String(length=200), nullable=True),
        sa.Column("machine", sa.String(length=200), nullable=True),
        sa.Column("entity", sa.String(length=50), nullable=False),
        sa.Column("entity_uid", sa.String(length=36), nullable=False),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entry")),
        sa.UniqueConstraint("uid", name=op.f("uq_audit_entry_uid")),
    )
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_entry_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_audit_entry_entity_uid"), ["entity_uid"], unique=False)

    op.create_table(
        "imported_package",
        sa.Column("checksum", sa.String(length=64), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("source_installation", sa.String(length=20), nullable=True),
        sa.Column("training_uid", sa.String(length=36), nullable=True),
        sa.Column("package_created_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("summary", sa.JSON(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_imported_package")),
        sa.UniqueConstraint("checksum", name=op.f("uq_imported_package_checksum")),
        sa.UniqueConstraint("uid", name=op.f("uq_imported_package_uid")),
    )
    op.create_table(
        "organization",
        sa.Column("name_ar", sa.String(length=300), nullable=False),
        sa.Column("name_en", sa.String(length=300), nullable=True),
        sa.Column("name_key", sa.String(length=300), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "association",
                "union",
                "youth",
                "network",
                "university",
                "government",
                "company",
                "other",
                name="organizationkind",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("governorate", sa.String(length=2), nullable=True),
        sa.Column("address", sa.Text(), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("website", sa.String(length=500), nullable=True),
        sa.Column("logo", sa.LargeBinary(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organization")),
        sa.UniqueConstraint("uid", name=op.f("uq_organization_uid")),
    )
    with op.batch_alter_table("organization", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organization_name_key"), ["name_key"], unique=False)

    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.Column("blob", sa.LargeBinary(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_setting")),
        sa.UniqueConstraint("key", name=op.f("uq_setting_key")),
        sa.UniqueConstraint("uid", name=op.f("uq_setting_uid")),
    )
    op.create_table(
        "person",
        sa.Column("full_name", sa.String(length=300), nullable=False),
        sa.Column("latin_name", sa.String(length=300), nullable=True),
        sa.Column("name_key", sa.String(length=300), nullable=False),
        sa.Column(
            "gender",
            sa.Enum("male", "female", name="gender", native_enum=False, create_constraint=True, length=20),
            nullable=True,
        ),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("national_id", sa.String(length=14), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("phone2", sa.String(length=20), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("governorate", sa.String(length=2), nullable=True),
        sa.Column("organization_id", sa.Integer(), nullable=True),
        sa.Column("job_title", sa.String(length=300), nullable=True),
        sa.Column("consent_share_contact", sa.Boolean(), nullable=False),
        sa.Column("consent_date", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"], ["organization.id"], name=op.f("fk_person_organization_id_organization")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
        sa.UniqueConstraint("national_id", name=op.f("uq_person_national_id")),
        sa.UniqueConstraint("uid", name=op.f("uq_person_uid")),
    )
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_email"), ["email"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_name_key"), ["name_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_organization_id"), ["organization_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_phone"), ["phone"], unique=False)
        batch_op.create_index(batch_op.f("ix_person_phone2"), ["phone2"], unique=False)

    op.create_table(
        "training",
        sa.Column("title_ar", sa.String(length=300), nullable=False),
        sa.Column("title_en", sa.String(length=300), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("organizer_id", sa.Integer(), nullable=True),
        sa.Column("venue", sa.String(length=300), nullable=True),
        sa.Column("governorate", sa.String(length=2), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "planned",
                "running",
                "completed",
                "cancelled",
                "archived",
                name="trainingstatus",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("certificate_min_share", sa.Float(), nullable=False),
        sa.Column("late_after", sa.Time(), nullable=True),
        sa.Column("working_group_count", sa.Integer(), nullable=False),
        sa.Column("working_group_names", sa.JSON(), nullable=True),
        sa.Column("certificate_wording", sa.Text(), nullable=True),
        sa.Column("options", sa.JSON(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "certificate_min_share >= 0 AND certificate_min_share <= 1",
            name=op.f("ck_training_min_share_range"),
        ),
        sa.CheckConstraint("end_date >= start_date", name=op.f("ck_training_dates_order")),
        sa.CheckConstraint("working_group_count >= 0", name=op.f("ck_training_group_count")),
        sa.ForeignKeyConstraint(
            ["organizer_id"], ["organization.id"], name=op.f("fk_training_organizer_id_organization")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training")),
        sa.UniqueConstraint("uid", name=op.f("uq_training_uid")),
    )
    with op.batch_alter_table("training", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_training_organizer_id"), ["organizer_id"], unique=False)

    op.create_table(
        "enrollment",
        sa.Column("training_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "participant",
                "trainer",
                "organizer",
                "guest",
                name="enrollmentrole",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "registered",
                "confirmed",
                "withdrawn",
                name="enrollmentstatus",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("organization_id", sa.Integer(), nullable=True),
        sa.Column("working_group", sa.Integer(), nullable=True),
        sa.Column("checkin_code", sa.String(length=8), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"], ["organization.id"], name=op.f("fk_enrollment_organization_id_organization")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_enrollment_person_id_person")),
        sa.ForeignKeyConstraint(
            ["training_id"], ["training.id"], name=op.f("fk_enrollment_training_id_training")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enrollment")),
        sa.UniqueConstraint("checkin_code", name=op.f("uq_enrollment_checkin_code")),
        sa.UniqueConstraint("training_id", "person_id", name=op.f("uq_enrollment_training_id_person_id")),
        sa.UniqueConstraint("uid", name=op.f("uq_enrollment_uid")),
    )
    with op.batch_alter_table("enrollment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_enrollment_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_enrollment_training_id"), ["training_id"], unique=False)

    op.create_table(
        "person_alias",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("alias_uid", sa.String(length=36), nullable=False),
        sa.Column("merged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_person_alias_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_alias")),
        sa.UniqueConstraint("alias_uid", name=op.f("uq_person_alias_alias_uid")),
        sa.UniqueConstraint("uid", name=op.f("uq_person_alias_uid")),
    )
    with op.batch_alter_table("person_alias", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_alias_person_id"), ["person_id"], unique=False)

    op.create_table(
        "person_name_token",
        sa.Column(
            "token",
            sa.String(length=100).with_variant(sa.String(length=100, collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_person_name_token_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("token", "person_id", name=op.f("pk_person_name_token")),
    )
    with op.batch_alter_table("person_name_token", schema=None) as batch_op:
        batch_op.create_index("ix_person_name_token_person_id", ["person_id"], unique=False)

    op.create_table(
        "signatory",
        sa.Column("training_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=True),
        sa.Column("signature_image", sa.LargeBinary(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["training_id"], ["training.id"], name=op.f("fk_signatory_training_id_training")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signatory")),
        sa.UniqueConstraint("uid", name=op.f("uq_signatory_uid")),
    )
    with op.batch_alter_table("signatory", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_signatory_training_id"), ["training_id"], unique=False)

    op.create_table(
        "training_co_organizer",
        sa.Column("training_id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_training_co_organizer_organization_id_organization"),
        ),
        sa.ForeignKeyConstraint(
            ["training_id"], ["training.id"], name=op.f("fk_training_co_organizer_training_id_training")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_co_organizer")),
        sa.UniqueConstraint(
            "training_id",
            "organization_id",
            name=op.f("uq_training_co_organizer_training_id_organization_id"),
        ),
        sa.UniqueConstraint("uid", name=op.f("uq_training_co_organizer_uid")),
    )
    with op.batch_alter_table("training_co_organizer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_training_co_organizer_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_training_co_organizer_training_id"), ["training_id"], unique=False
        )

    op.create_table(
        "training_session",
        sa.Column("training_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=True),
        sa.Column("end_time", sa.Time(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=True),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["training_id"], ["training.id"], name=op.f("fk_training_session_training_id_training")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_session")),
        sa.UniqueConstraint("uid", name=op.f("uq_training_session_uid")),
    )
    with op.batch_alter_table("training_session", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_training_session_training_id"), ["training_id"], unique=False)

    op.create_table(
        "attendance",
        sa.Column("enrollment_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "present",
                "late",
                "absent",
                "excused",
                name="attendancestatus",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "method",
            sa.Enum(
                "manual",
                "scan",
                "import",
                "sync",
                name="attendancemethod",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("operator", sa.String(length=200), nullable=True),
        sa.Column("machine", sa.String(length=200), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["enrollment_id"], ["enrollment.id"], name=op.f("fk_attendance_enrollment_id_enrollment")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"], ["training_session.id"], name=op.f("fk_attendance_session_id_training_session")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance")),
        sa.UniqueConstraint(
            "enrollment_id", "session_id", name=op.f("uq_attendance_enrollment_id_session_id")
        ),
        sa.UniqueConstraint("uid", name=op.f("uq_attendance_uid")),
    )
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attendance_enrollment_id"), ["enrollment_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attendance_session_id"), ["session_id"], unique=False)

    op.create_table(
        "certificate",
        sa.Column("enrollment_id", sa.Integer(), nullable=False),
        sa.Column("serial", sa.String(length=60), nullable=False),
        sa.Column("verification_code", sa.String(length=40), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_reason", sa.Text(), nullable=True),
        sa.Column("printed_name", sa.String(length=300), nullable=False),
        sa.Column("printed_latin_name", sa.String(length=300), nullable=True),
        sa.Column("printed_organization", sa.String(length=300), nullable=True),
        sa.Column("printed_training_title", sa.String(length=300), nullable=False),
        sa.Column("printed_sessions_attended", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["enrollment_id"], ["enrollment.id"], name=op.f("fk_certificate_enrollment_id_enrollment")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate")),
        sa.UniqueConstraint("serial", name=op.f("uq_certificate_serial")),
        sa.UniqueConstraint("uid", name=op.f("uq_certificate_uid")),
        sa.UniqueConstraint("verification_code", name=op.f("uq_certificate_verification_code")),
    )
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_certificate_enrollment_id"), ["enrollment_id"], unique=False)

    # Each database gets its own short random tag at creation (never carried by a venue package,
    # kept by a restored backup) so two machines never issue the same certificate serial.
    setting = sa.table(
        "setting",
        sa.column("key", sa.String),
        sa.column("value", sa.JSON),
        sa.column("uid", sa.String),
        sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("updated_at", sa.DateTime(timezone=True)),
    )
    now = dt.datetime.now(dt.UTC)
    if op.get_bind().dialect.name == "sqlite":
        now = now.replace(tzinfo=None)
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread on paper
    tag = "".join(secrets.choice(alphabet) for _ in range(5))
    op.bulk_insert(
        setting,
        [
            {
                "key": "installation_tag",
                "value": tag,
                "uid": str(uuid.uuid4()),
                "created_at": now,
                "updated_at": now,
            }
        ],
    )


def downgrade() -> None:
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_certificate_enrollment_id"))

    op.drop_table("certificate")
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendance_session_id"))
        batch_op.drop_index(batch_op.f("ix_attendance_enrollment_id"))

    op.drop_table("attendance")
    with op.batch_alter_table("training_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_session_training_id"))

    op.drop_table("training_session")
    with op.batch_alter_table("training_co_organizer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_co_organizer_training_id"))
        batch_op.drop_index(batch_op.f("ix_training_co_organizer_organization_id"))

    op.drop_table("training_co_organizer")
    with op.batch_alter_table("signatory", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signatory_training_id"))

    op.drop_table("signatory")
    with op.batch_alter_table("person_name_token", schema=None) as batch_op:
        batch_op.drop_index("ix_person_name_token_person_id")

    op.drop_table("person_name_token")
    with op.batch_alter_table("person_alias", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_alias_person_id"))

    op.drop_table("person_alias")
    with op.batch_alter_table("enrollment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enrollment_training_id"))
        batch_op.drop_index(batch_op.f("ix_enrollment_person_id"))

    op.drop_table("enrollment")
    with op.batch_alter_table("training", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_organizer_id"))

    op.drop_table("training")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_phone2"))
        batch_op.drop_index(batch_op.f("ix_person_phone"))
        batch_op.drop_index(batch_op.f("ix_person_organization_id"))
        batch_op.drop_index(batch_op.f("ix_person_name_key"))
        batch_op.drop_index(batch_op.f("ix_person_email"))

    op.drop_table("person")
    op.drop_table("setting")
    with op.batch_alter_table("organization", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organization_name_key"))

    op.drop_table("organization")
    op.drop_table("imported_package")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_entry_entity_uid"))
        batch_op.drop_index(batch_op.f("ix_audit_entry_at"))

    op.drop_table("audit_entry")
