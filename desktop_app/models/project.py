"""Project: a grant that groups activities (trainings now; meetings and initiatives when the partner
network lands) and holds the targets its donor agreed, per indicator and period."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, Date, Float, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Entity


class Project(Entity):
    __tablename__ = "project"

    name: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str | None] = mapped_column(String(300))
    donor: Mapped[str | None] = mapped_column(String(300))
    # The grant's own reference ("EEA-2026-014"), as the donor writes it.
    code: Mapped[str | None] = mapped_column(String(100))
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (
        CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date", name="dates_order"
        ),
    )


class ProjectTraining(Entity):
    """A training counted under a project. Meetings and initiatives get link tables of their own
    (project_meeting, project_initiative) so every link keeps a real foreign key."""

    __tablename__ = "project_training"

    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True)
    training_id: Mapped[int] = mapped_column(ForeignKey("training.id"), index=True)

    __table_args__ = (UniqueConstraint("project_id", "training_id"),)


class ProjectTarget(Entity):
    """What the project promised for one indicator over one period: baseline and target.

    The actual value is never stored: it is counted from the attendance whenever it is shown, so it
    cannot go stale. Rates (attendance_rate, completion_rate, …) are stored as shares from 0 to 1.
    """

    __tablename__ = "project_target"

    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True)
    indicator: Mapped[str] = mapped_column(String(50))
    period_start: Mapped[dt.date] = mapped_column(Date)
    period_end: Mapped[dt.date] = mapped_column(Date)
    baseline: Mapped[float | None] = mapped_column(Float)
    target: Mapped[float] = mapped_column(Float)

    __table_args__ = (
        UniqueConstraint("project_id", "indicator", "period_start", "period_end"),
        CheckConstraint("period_end >= period_start", name="period_order"),
    )
