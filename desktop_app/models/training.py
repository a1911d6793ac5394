"""Training, its sessions (days), its co-organizers and its enrolments.

A meeting (a follow-up or coordination meeting of the partner network) is a row of the same table
with kind "meeting": it has sessions, enrolments (the people invited) and attendance like a training,
so check-in, the grid, badges, sheets and venue packages work for it unchanged. What only a meeting
has (online, agenda, minutes, decisions, its recurring series) is kept in nullable columns here."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql.expression import false

from desktop_app.models.base import Entity
from desktop_app.models.enums import EnrollmentRole, EnrollmentStatus, EventKind, TrainingStatus, str_enum


class Training(Entity):
    __tablename__ = "training"

    title_ar: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    organizer_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"), index=True)
    venue: Mapped[str | None] = mapped_column(String(300))
    governorate: Mapped[str | None] = mapped_column(String(2))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[TrainingStatus] = mapped_column(str_enum(TrainingStatus), default=TrainingStatus.PLANNED)
    # Minimum share of sessions attended (0–1) for a participation certificate.
    certificate_min_share: Mapped[float] = mapped_column(Float, default=1.0)
    # Arrivals after this local time are marked late; None: nobody is late.
    late_after: Mapped[dt.time | None] = mapped_column(Time)
    working_group_count: Mapped[int] = mapped_column(Integer, default=0)
    # Optional names of the working groups, in group order; missing names print as numbers.
    working_group_names: Mapped[list[str] | None] = mapped_column(JSON)
    # Certificate wording with {placeholders}; None: the organization-wide wording.
    certificate_wording: Mapped[str | None] = mapped_column(Text)
    # The templates its certificates and badges print with; None: the default from Settings.
    template_id: Mapped[int | None] = mapped_column(ForeignKey("template.id"), index=True)
    badge_template_id: Mapped[int | None] = mapped_column(ForeignKey("template.id"), index=True)
    # Extra settings that travel with the training (e.g. document options); free-form.
    options: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # A training, or a meeting of the partner network (lists of trainings leave meetings out).
    kind: Mapped[EventKind] = mapped_column(
        str_enum(EventKind), default=EventKind.TRAINING, server_default=EventKind.TRAINING.value, index=True
    )
    # Meetings: held online (then `venue` may hold the link or the platform), the agenda, the
    # minutes, and the decisions taken (one per line).
    online: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    agenda: Mapped[str | None] = mapped_column(Text)
    minutes: Mapped[str | None] = mapped_column(Text)
    decisions: Mapped[str | None] = mapped_column(Text)
    # The recurring series ("monthly, first Sunday") that created this meeting ahead, if any.
    series_id: Mapped[int | None] = mapped_column(ForeignKey("meeting_series.id"), index=True)
    # Raised by every save through the ORM (SQLAlchemy's version counter, checked in the UPDATE's
    # WHERE): a form saved over a record another station changed since it was opened is told so.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}

    __table_args__ = (
        CheckConstraint("certificate_min_share >= 0 AND certificate_min_share <= 1", name="min_share_range"),
        CheckConstraint("end_date >= start_date", name="dates_order"),
        CheckConstraint("working_group_count >= 0", name="group_count"),
    )


class TrainingCoOrganizer(Entity):
    """An organization co-organizing a training (many-to-many, synced like everything else)."""

    __tablename__ = "training_co_organizer"

    training_id: Mapped[int] = mapped_column(ForeignKey("training.id"), index=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (UniqueConstraint("training_id", "organization_id"),)


class TrainingSession(Entity):
    """One day or slot of a training. A session with attendance is cancelled, never deleted."""

    __tablename__ = "training_session"

    training_id: Mapped[int] = mapped_column(ForeignKey("training.id"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    end_time: Mapped[dt.time | None] = mapped_column(Time)
    title: Mapped[str | None] = mapped_column(String(300))
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)


class Enrollment(Entity):
    """A person in a training, with a role, a status, a working group and a check-in code."""

    __tablename__ = "enrollment"

    training_id: Mapped[int] = mapped_column(ForeignKey("training.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    role: Mapped[EnrollmentRole] = mapped_column(str_enum(EnrollmentRole), default=EnrollmentRole.PARTICIPANT)
    status: Mapped[EnrollmentStatus] = mapped_column(
        str_enum(EnrollmentStatus), default=EnrollmentStatus.REGISTERED
    )
    # The person's organization when enrolled, so certificates reprinted later stay right.
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"))
    working_group: Mapped[int | None] = mapped_column(Integer)
    # 8 digits, the last a Luhn check digit; a string so leading zeros are kept.
    checkin_code: Mapped[str] = mapped_column(String(8), unique=True)
    # Registered at the check-in desk on the day (not beforehand): donors ask how many came unannounced.
    walk_in: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    __table_args__ = (
        UniqueConstraint("training_id", "person_id"),
        # Covering index for statistics: who was enrolled where, read without the table's wide rows.
        Index(
            "ix_enrollment_statistics",
            "training_id",
            "person_id",
            "role",
            "status",
            "organization_id",
            "walk_in",
        ),
    )
