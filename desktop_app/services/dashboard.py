"""What the Home screen shows: registry counts, the trainings and meetings coming up, agreements
ending within 60 days and overdue action items."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from desktop_app import clock
from desktop_app.db import Database
from desktop_app.enums import EventKind, TrainingStatus


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
    next_meetings: tuple[UpcomingTraining, ...] = ()
    expiring_agreements: tuple[Any, ...] = ()  # agreements.AgreementRow, the soonest end first
    overdue_actions: tuple[Any, ...] = ()  # actions.ActionRow, the longest overdue first

    @property
    def empty(self) -> bool:
        return self.organizations == 0 and self.people == 0 and self.trainings == 0


def dashboard(db: Database, today: dt.date | None = None, how_many: int = 5) -> Dashboard:
    # The mapped classes are imported here, not with the module: the window imports Home at start and
    # counts on a worker after the first paint, so declaring the ORM stays off the start path.
    from desktop_app.models import Organization, Person, Training, TrainingSession

    today = today or clock.today()
    active = (TrainingStatus.PLANNED, TrainingStatus.RUNNING)
    with db.session_scope() as tx:
        organizations = tx.scalar(
            select(func.count()).select_from(Organization).where(Organization.archived.is_(False))
        )
        people = tx.scalar(select(func.count()).select_from(Person).where(Person.archived.is_(False)))
        trainings = tx.scalar(
            select(func.count())
            .select_from(Training)
            .where(Training.status != TrainingStatus.ARCHIVED, Training.kind == EventKind.TRAINING)
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
        upcoming = {
            kind: tx.execute(
                select(Training.id, Training.title_ar, Training.start_date, Training.end_date, Training.venue)
                .where(Training.end_date >= today, Training.status.in_(active), Training.kind == kind)
                .order_by(Training.start_date, Training.id)
                .limit(how_many)
            ).all()
            for kind in EventKind
        }
    from desktop_app.services.actions import overdue_actions
    from desktop_app.services.agreements import expiring_agreements

    return Dashboard(
        organizations or 0, people or 0, trainings or 0, upcoming_sessions or 0,
        tuple(UpcomingTraining(*row) for row in upcoming[EventKind.TRAINING]),
        tuple(UpcomingTraining(*row) for row in upcoming[EventKind.MEETING][:3]),
        tuple(expiring_agreements(db, today=today)),
        tuple(overdue_actions(db, today=today, limit=how_many)),
    )  # fmt: skip
