"""What the Home screen shows: registry counts and the trainings coming up."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from desktop_app import clock
from desktop_app.db import Database
from desktop_app.models import Organization, Person, Training, TrainingSession, TrainingStatus


@dataclass(frozen=True)
class UpcomingTraining:
    id: int
    title: str
    start: dt.date
    end: dt.date
    venue: str | None


@dataclass(frozen=True)
class Dashboard:
    organizations: int
    people: int
    trainings: int
    upcoming_sessions: int
    next_trainings: tuple[UpcomingTraining, ...]

    @property
    def empty(self) -> bool:
        return self.organizations == 0 and self.people == 0 and self.trainings == 0


def dashboard(db: Database, today: dt.date | None = None, how_many: int = 5) -> Dashboard:
    today = today or clock.today()
    active = (TrainingStatus.PLANNED, TrainingStatus.RUNNING)
    with db.session_scope() as tx:
        organizations = tx.scalar(
            select(func.count()).select_from(Organization).where(Organization.archived.is_(False))
        )
        people = tx.scalar(select(func.count()).select_from(Person).where(Person.archived.is_(False)))
        trainings = tx.scalar(
            select(func.count()).select_from(Training).where(Training.status != TrainingStatus.ARCHIVED)
        )
        upcoming_sessions = tx.scalar(
            select(func.count())
            .select_from(TrainingSession)
            .join(Training, Training.id == TrainingSession.training_id)
            .where(
                TrainingSession.date >= today,
                TrainingSession.cancelled.is_(False),
                Training.status.in_(active),
            )
        )
        upcoming = tx.execute(
            select(Training.id, Training.title_ar, Training.start_date, Training.end_date, Training.venue)
            .where(Training.end_date >= today, Training.status.in_(active))
            .order_by(Training.start_date, Training.id)
            .limit(how_many)
        ).all()
    return Dashboard(
        organizations or 0, people or 0, trainings or 0, upcoming_sessions or 0,
        tuple(UpcomingTraining(*row) for row in upcoming),
    )  # fmt: skip
