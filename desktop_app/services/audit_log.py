"""Reading the audit trail: every change with when, who, on which machine, what and old → new,
filterable by person, organization or training. Entries are only ever written by the services that
make the changes; nothing here edits them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from desktop_app.db import Database
from desktop_app.models import (
    AuditEntry,
    Enrollment,
    Organization,
    Person,
    PersonAlias,
    Training,
    TrainingSession,
)


@dataclass(frozen=True)
class AuditRow:
    at: dt.datetime
    operator: str | None
    machine: str | None
    entity: str
    subject: str  # the record's current name where it has one
    action: str
    changes: dict[str, Any]


def _names(db: Database, uids: set[str]) -> dict[str, str]:
    names: dict[str, str] = {}
    with db.session_scope() as tx:
        for model, column in (
            (Person, Person.full_name),
            (Organization, Organization.name_ar),
            (Training, Training.title_ar),
        ):
            for uid, name in tx.execute(select(model.uid, column).where(model.uid.in_(uids))):
                names[uid] = name
    return names


def audit_entries(
    db: Database, *, person_id: int | None = None, organization_id: int | None = None, training_id: int | None = None,
    limit: int = 1000,
) -> list[AuditRow]:  # fmt: skip
    """The newest entries first; with a filter, the entries about that record (a training's include
    its sessions and enrolments; a person's include the records merged into them)."""
    with db.session_scope() as tx:
        uids: set[str] | None = None
        if person_id is not None:
            uids = set(tx.scalars(select(Person.uid).where(Person.id == person_id)))
            uids |= set(
                tx.scalars(select(PersonAlias.alias_uid).where(PersonAlias.person_id == person_id))
            )
            uids |= set(tx.scalars(select(Enrollment.uid).where(Enrollment.person_id == person_id)))
        elif organization_id is not None:
            uids = set(tx.scalars(select(Organization.uid).where(Organization.id == organization_id)))
        elif training_id is not None:
            uids = set(tx.scalars(select(Training.uid).where(Training.id == training_id)))
            uids |= set(
                tx.scalars(select(TrainingSession.uid).where(TrainingSession.training_id == training_id))
            )
            uids |= set(tx.scalars(select(Enrollment.uid).where(Enrollment.training_id == training_id)))
        query = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)
        if uids is not None:
            query = query.where(AuditEntry.entity_uid.in_(uids))
        entries = list(tx.scalars(query))
    names = _names(db, {e.entity_uid for e in entries})
    return [
        AuditRow(
            e.at,
            e.operator,
            e.machine,
            e.entity,
            names.get(e.entity_uid, ""),
            e.action,
            dict(e.changes or {}),
        )
        for e in entries
    ]
