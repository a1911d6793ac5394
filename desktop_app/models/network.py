"""The partner network: agreements (protocols, memoranda) between organizations, joint initiatives,
recurring meeting series, organizations invited to a meeting, and action items.

Meetings themselves are rows of the training table (kind "meeting", see `models.training`), so every
link to "a training or a meeting" is one foreign key to `training`. Links between records are tables
of their own, each with a real foreign key on both sides (as `project_training` does).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql.expression import false

from desktop_app.models.base import Entity
from desktop_app.models.enums import (
    ActionStatus,
    AgreementKind,
    AgreementStatus,
    InitiativeStatus,
    str_enum,
)


class Agreement(Entity):
    """A cooperation protocol, memorandum, partnership or grant agreement between two or more
    organizations, with the signed document kept in the database."""

    __tablename__ = "agreement"

    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[AgreementKind] = mapped_column(str_enum(AgreementKind), default=AgreementKind.PROTOCOL)
    status: Mapped[AgreementStatus] = mapped_column(str_enum(AgreementStatus), default=AgreementStatus.DRAFT)
    signed_on: Mapped[dt.date | None] = mapped_column(Date)
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    summary: Mapped[str | None] = mapped_column(Text)
    # The signed document (PDF or image), opened with the system's viewer; deferred: lists never load it.
    document: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    document_name: Mapped[str | None] = mapped_column(String(255))
    document_type: Mapped[str | None] = mapped_column(String(100))
    archived: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    __table_args__ = (
        CheckConstraint("end_date IS NULL OR start_date IS NULL OR end_date >= start_date", name="dates_order"),
    )


class AgreementParty(Entity):
    """An organization that is party to an agreement, with the person who signed for it and their title."""

    __tablename__ = "agreement_party"

    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    signatory_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    signatory_title: Mapped[str | None] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (UniqueConstraint("agreement_id", "organization_id"),)


class AgreementTraining(Entity):
    """A training or meeting an agreement is linked to (signed at it, or that carries it out)."""

    __tablename__ = "agreement_training"

    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"), index=True)
    training_id: Mapped[int] = mapped_column(ForeignKey("training.id"), index=True)

    __table_args__ = (UniqueConstraint("agreement_id", "training_id"),)


class AgreementInitiative(Entity):
    """An initiative an agreement is linked to."""

    __tablename__ = "agreement_initiative"

    agreement_id: Mapped[int] = mapped_column(ForeignKey("agreement.id", ondelete="CASCADE"), index=True)
    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiative.id", ondelete="CASCADE"), index=True)

    __table_args__ = (UniqueConstraint("agreement_id", "initiative_id"),)


class Initiative(Entity):
    """A joint initiative or campaign: a lead organization, partners with their roles, goals, the
    governorates it works in and the people involved."""

    __tablename__ = "initiative"

    name: Mapped[str] = mapped_column(String(300))
    lead_organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"), index=True)
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[InitiativeStatus] = mapped_column(
        str_enum(InitiativeStatus), default=InitiativeStatus.PLANNED
    )
    goals: Mapped[str | None] = mapped_column(Text)
    # Governorate codes (text.governorates), in the order chosen.
    governorates: Mapped[list[str] | None] = mapped_column(JSON)
    archived: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    __table_args__ = (
        CheckConstraint("end_date IS NULL OR start_date IS NULL OR end_date >= start_date", name="dates_order"),
    )


class InitiativePartner(Entity):
    """A partner organization of an initiative and its role ("media", "venues in Aswan", …)."""

    __tablename__ = "initiative_partner"

    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiative.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    role: Mapped[str | None] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (UniqueConstraint("initiative_id", "organization_id"),)


class InitiativePerson(Entity):
    """A person involved in an initiative, with their part in it."""

    __tablename__ = "initiative_person"

    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiative.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    role: Mapped[str | None] = mapped_column(String(300))

    __table_args__ = (UniqueConstraint("initiative_id", "person_id"),)


class InitiativeTraining(Entity):
    """A training or meeting that belongs to an initiative."""

    __tablename__ = "initiative_training"

    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiative.id", ondelete="CASCADE"), index=True)
    training_id: Mapped[int] = mapped_column(ForeignKey("training.id"), index=True)

    __table_args__ = (UniqueConstraint("initiative_id", "training_id"),)


class MeetingSeries(Entity):
    """A recurring meeting ("monthly, first Sunday"): the rule and what every meeting of it shares.
    Its meetings are created ahead as ordinary meetings (`Training.series_id`); who is invited and
    what they follow up is recorded on each meeting (enrolments, invitations, initiative links), so a
    series never points back at a training (the two tables would refer to each other)."""

    __tablename__ = "meeting_series"

    title: Mapped[str] = mapped_column(String(300))
    # "monthly": the `week`-th `weekday` of each month (week -1: the last); "weekly": every `weekday`.
    frequency: Mapped[str] = mapped_column(String(20))
    weekday: Mapped[int] = mapped_column(Integer)  # 0 Monday … 6 Sunday (Python's weekday())
    week: Mapped[int | None] = mapped_column(Integer)
    start_time: Mapped[dt.time | None] = mapped_column(Time)
    end_time: Mapped[dt.time | None] = mapped_column(Time)
    venue: Mapped[str | None] = mapped_column(String(300))
    online: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    organizer_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"))

    __table_args__ = (
        CheckConstraint("weekday >= 0 AND weekday <= 6", name="weekday_range"),
        CheckConstraint("frequency IN ('monthly', 'weekly')", name="frequency"),
    )


class EventInvitation(Entity):
    """An organization invited to a meeting (its people may be enrolled too, or not yet known)."""

    __tablename__ = "event_invitation"

    training_id: Mapped[int] = mapped_column(ForeignKey("training.id"), index=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)

    __table_args__ = (UniqueConstraint("training_id", "organization_id"),)


class ActionItem(Entity):
    """Something someone agreed to do: a meeting's decision, a training's recommendation, an
    initiative's task. Owned by an organization and/or a person; overdue when open past its due date."""

    __tablename__ = "action_item"

    title: Mapped[str] = mapped_column(String(500))
    owner_organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"), index=True)
    owner_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    due_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    status: Mapped[ActionStatus] = mapped_column(str_enum(ActionStatus), default=ActionStatus.OPEN)
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    # Where it came from: a training's recommendation or a meeting's decision, or an initiative.
    training_id: Mapped[int | None] = mapped_column(ForeignKey("training.id"), index=True)
    initiative_id: Mapped[int | None] = mapped_column(ForeignKey("initiative.id"), index=True)
    notes: Mapped[str | None] = mapped_column(Text)
