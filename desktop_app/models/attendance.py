"""Attendance: one enrolment at one session; undo records a new status, it never deletes."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Entity, UTCDateTime
from desktop_app.models.enums import AttendanceMethod, AttendanceStatus, str_enum


class Attendance(Entity):
    __tablename__ = "attendance"

    enrollment_id: Mapped[int] = mapped_column(ForeignKey("enrollment.id"), index=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("training_session.id"), index=True)
    status: Mapped[AttendanceStatus] = mapped_column(str_enum(AttendanceStatus))
    # When this status was recorded: merges between machines keep the later one.
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    method: Mapped[AttendanceMethod] = mapped_column(
        str_enum(AttendanceMethod), default=AttendanceMethod.MANUAL
    )
    operator: Mapped[str | None] = mapped_column(String(200))
    machine: Mapped[str | None] = mapped_column(String(200))

    __table_args__ = (
        UniqueConstraint("enrollment_id", "session_id"),
        # Covering indexes for statistics: marks per enrolment and per session are counted from the
        # index alone, never from the table's wide rows (300,000 marks in a fraction of a second).
        Index("ix_attendance_enrollment_status", "enrollment_id", "status", "session_id"),
        Index("ix_attendance_session_status", "session_id", "status", "enrollment_id"),
    )
