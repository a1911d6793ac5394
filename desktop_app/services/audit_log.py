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
    ActionItem,
    Agreement,
    AuditEntry,
    Enrollment,
    Initiative,
    MeetingSeries,
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
    """Each record's name as a person reads it: a person's or organization's name, a training's
    title, an enrolment as "person — training", a session as "training: date"."""
    names: dict[str, str] = {}
    with db.session_scope() as tx:
        for model, column in (
            (Person, Person.full_name),
            (Organization, Organization.name_ar),
            (Training, Training.title_ar),
            (Agreement, Agreement.title),
            (Initiative, Initiative.name),
            (ActionItem, ActionItem.title),
            (MeetingSeries, MeetingSeries.title),
        ):
            for uid, name in tx.execute(select(model.uid, column).where(model.uid.in_(uids))):
                names[uid] = name
        enrolments = (
            select(Enrollment.uid, Person.full_name, Training.title_ar)
            .join(Person, Person.id == Enrollment.person_id)
            .join(Training, Training.id == Enrollment.training_id)
            .where(Enrollment.uid.in_(uids))
        )
        for uid, person, training in tx.execute(enrolments):
            names[uid] = f"{person} — {training}"
        sessions = (
            select(TrainingSession.uid, Training.title_ar, TrainingSession.date)
            .join(Training, Training.id == TrainingSession.training_id)
            .where(TrainingSession.uid.in_(uids))
        )
        for uid, training, day in tx.execute(sessions):
            names[uid] = f"{training}: {day.isoformat()}"
    return names


# Changed fields that hold another record's id, and where its name is.
_REFERENCES: dict[str, tuple[Any, Any]] = {
    "person_id": (Person, Person.full_name),
    "training_id": (Training, Training.title_ar),
    "organization_id": (Organization, Organization.name_ar),
    "organizer_id": (Organization, Organization.name_ar),
    "session_id": (TrainingSession, TrainingSession.date),  # a session is known by its day
}


def _with_names(db: Database, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The changes with every id of another record replaced by that record's name (an id means
    nothing to a reader; a record since deleted keeps its number)."""
    wanted: dict[str, set[int]] = {}
    for changes in entries:
        for name, value in changes.items():
            if name in _REFERENCES:
                values = value if isinstance(value, list) else [value]
                wanted.setdefault(name, set()).update(v for v in values if isinstance(v, int))
    found: dict[tuple[str, int], str] = {}
    with db.session_scope() as tx:
        for name, ids in wanted.items():
            model, column = _REFERENCES[name]
            for record_id, label in tx.execute(select(model.id, column).where(model.id.in_(ids))):
                found[(name, record_id)] = label

    def named(name: str, value: Any) -> Any:
        if isinstance(value, list):
            return [named(name, v) for v in value]
        return found.get((name, value), value) if isinstance(value, int) else value

    return [{name: named(name, value) if name in _REFERENCES else value for name, value in c.items()} for c in entries]


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
    changes = _with_names(db, [dict(e.changes or {}) for e in entries])
    return [
        AuditRow(e.at, e.operator, e.machine, e.entity, names.get(e.entity_uid, ""), e.action, changed)
        for e, changed in zip(entries, changes, strict=True)
    ]
