"""Action items: what someone agreed to do, by when, and whether it was done.

An item comes from somewhere (a meeting's decision, a training's recommendation, an initiative) and
is owned by an organization, a person, or both. It is overdue when it is still open after its due
date; overdue items show on Home and on their owner's page. Nothing is deleted: an item that will
not be done is "dropped".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from desktop_app import clock
from desktop_app.db import Database
from desktop_app.errors import NotFoundError, ValidationError
from desktop_app.i18n import _
from desktop_app.models import (
    ActionItem,
    ActionStatus,
    Initiative,
    Organization,
    Person,
    Training,
)
from desktop_app.services import audit, validation

MAX_TITLE = 500


@dataclass
class ActionData:
    """What the action form (or `tashbeek actions add`) gives; checked on save."""

    title: str
    owner_organization_id: int | None = None
    owner_person_id: int | None = None
    due_date: dt.date | str | None = None
    status: str = "open"
    training_id: int | None = None  # a training's recommendation or a meeting's decision
    initiative_id: int | None = None
    notes: str | None = None
    done_on: dt.date | str | None = None


def _must_exist(tx: Session, model: Any, record_id: int | None, field: str, message: str) -> None:
    if record_id is not None and tx.get(model, record_id) is None:
        raise ValidationError(field, message)


def clean_action(data: ActionData, tx: Session | None = None) -> dict[str, Any]:
    """Checked column values of an action item (references looked up when a transaction is given)."""
    title = validation.optional_text(data.title, "title", MAX_TITLE)
    if not title:
        raise ValidationError("title", _("Say what is to be done."))
    status = validation.choice(data.status, "status", ActionStatus, ActionStatus.OPEN)
    done_on = validation.date_value(data.done_on, "done_on")
    if status is ActionStatus.DONE and done_on is None:
        done_on = clock.today()
    if status is not ActionStatus.DONE:
        done_on = None
    if tx is not None:
        _must_exist(tx, Organization, data.owner_organization_id, "owner_organization_id",
                    _("The chosen organization does not exist."))  # fmt: skip
        _must_exist(tx, Person, data.owner_person_id, "owner_person_id", _("The chosen person does not exist."))
        _must_exist(tx, Training, data.training_id, "training_id", _("The chosen training or meeting does not exist."))
        _must_exist(tx, Initiative, data.initiative_id, "initiative_id", _("The chosen initiative does not exist."))
    return {
        "title": title,
        "owner_organization_id": data.owner_organization_id,
        "owner_person_id": data.owner_person_id,
        "due_date": validation.date_value(data.due_date, "due_date"),
        "status": status,
        "done_on": done_on,
        "training_id": data.training_id,
        "initiative_id": data.initiative_id,
        "notes": validation.optional_text(data.notes, "notes", 10_000),
    }


def create_action(db: Database, data: ActionData) -> int:
    with db.session_scope() as tx:
        return add_action(tx, db, data)


def add_action(tx: Session, db: Database, data: ActionData, *, uid: str | None = None) -> int:
    """A new action item inside the caller's transaction (the demo, a meeting's decisions)."""
    values = clean_action(data, tx)
    item = ActionItem(**values)
    if uid:
        item.uid = uid
    tx.add(item)
    tx.flush()
    audit.record(tx, db, "action_item", item.uid, "create", audit.diff({}, values))
    return item.id


def update_action(db: Database, action_id: int, data: ActionData) -> None:
    with db.session_scope() as tx:
        item = _get(tx, action_id)
        audit.apply(tx, db, item, "action_item", clean_action(data, tx))


def mark_done(db: Database, action_id: int, on: dt.date | None = None) -> ActionRow:
    """Mark an item done (today unless `on` says when); an item done already keeps its date."""
    with db.session_scope() as tx:
        item = _get(tx, action_id)
        if item.status is not ActionStatus.DONE:
            audit.apply(tx, db, item, "action_item", {"status": ActionStatus.DONE, "done_on": on or clock.today()})
        tx.flush()
        return _rows(tx, [ActionItem.id == action_id])[0]


def _get(tx: Session, action_id: int) -> ActionItem:
    item = tx.get(ActionItem, action_id)
    if item is None:
        raise NotFoundError(_("No action item with number {id}.").format(id=action_id))
    return item


@dataclass(frozen=True)
class ActionRow:
    id: int
    uid: str
    title: str
    status: str
    due_date: dt.date | None
    done_on: dt.date | None
    owner_organization_id: int | None
    owner_organization: str | None
    owner_person_id: int | None
    owner_person: str | None
    training_id: int | None
    source_title: str | None  # the training's, meeting's or initiative's name
    source_kind: str | None  # training | meeting | initiative
    initiative_id: int | None
    notes: str | None
    overdue: bool

    @property
    def owner(self) -> str:
        return " — ".join(x for x in (self.owner_organization, self.owner_person) if x)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "uid": self.uid, "title": self.title, "status": self.status,
            "due_date": self.due_date.isoformat() if self.due_date else None,
            "done_on": self.done_on.isoformat() if self.done_on else None,
            "owner_organization": {"id": self.owner_organization_id, "name": self.owner_organization}
            if self.owner_organization_id else None,
            "owner_person": {"id": self.owner_person_id, "name": self.owner_person} if self.owner_person_id else None,
            "source": {"kind": self.source_kind, "id": self.training_id if self.source_kind != "initiative"
                       else self.initiative_id, "title": self.source_title} if self.source_kind else None,
            "notes": self.notes, "overdue": self.overdue,
        }  # fmt: skip


def _rows(tx: Session, conditions: list[Any], today: dt.date | None = None) -> list[ActionRow]:
    today = today or clock.today()
    org, person, source, initiative = aliased(Organization), aliased(Person), aliased(Training), aliased(Initiative)
    rows = tx.execute(
        select(ActionItem, org.name_ar, person.full_name, source.title_ar, source.kind, initiative.name)
        .outerjoin(org, org.id == ActionItem.owner_organization_id)
        .outerjoin(person, person.id == ActionItem.owner_person_id)
        .outerjoin(source, source.id == ActionItem.training_id)
        .outerjoin(initiative, initiative.id == ActionItem.initiative_id)
        .where(*conditions)
        .order_by(ActionItem.due_date.is_(None), ActionItem.due_date, ActionItem.id)
    ).all()
    result = []
    for item, org_name, person_name, source_title, source_kind, initiative_name in rows:
        kind = source_kind.value if source_kind is not None else ("initiative" if initiative_name else None)
        overdue = item.status is ActionStatus.OPEN and item.due_date is not None and item.due_date < today
        result.append(ActionRow(
            item.id, item.uid, item.title, item.status.value, item.due_date, item.done_on,
            item.owner_organization_id, org_name, item.owner_person_id, person_name, item.training_id,
            source_title if source_title else initiative_name, kind, item.initiative_id, item.notes, overdue,
        ))  # fmt: skip
    return result


@dataclass(frozen=True)
class ActionFilter:
    status: str | None = None  # open | done | dropped; None: all
    overdue: bool = False
    organization_id: int | None = None  # owned by this organization (or by one of its people)
    person_id: int | None = None
    training_id: int | None = None  # from this training or meeting
    initiative_id: int | None = None


def list_actions(db: Database, flt: ActionFilter | None = None, *, today: dt.date | None = None) -> list[ActionRow]:
    """Action items, those due first (items without a due date last)."""
    flt = flt or ActionFilter()
    today = today or clock.today()
    conditions: list[Any] = []
    if flt.status:
        conditions.append(ActionItem.status == validation.choice(flt.status, "status", ActionStatus))
    if flt.overdue:
        conditions += [ActionItem.status == ActionStatus.OPEN, ActionItem.due_date < today]
    if flt.organization_id is not None:
        members = select(Person.id).where(Person.organization_id == flt.organization_id)
        conditions.append(or_(ActionItem.owner_organization_id == flt.organization_id,
                              ActionItem.owner_person_id.in_(members)))  # fmt: skip
    if flt.person_id is not None:
        conditions.append(ActionItem.owner_person_id == flt.person_id)
    if flt.training_id is not None:
        conditions.append(ActionItem.training_id == flt.training_id)
    if flt.initiative_id is not None:
        conditions.append(ActionItem.initiative_id == flt.initiative_id)
    with db.session_scope() as tx:
        return _rows(tx, conditions, today)


def get_action(db: Database, action_id: int) -> ActionRow:
    with db.session_scope() as tx:
        _get(tx, action_id)
        return _rows(tx, [ActionItem.id == action_id])[0]


def overdue_actions(db: Database, *, today: dt.date | None = None, limit: int | None = None) -> list[ActionRow]:
    rows = list_actions(db, ActionFilter(overdue=True), today=today)
    return rows[:limit] if limit else rows


def decisions_of(db: Database, training_id: int) -> list[str]:
    """A meeting's decisions (or a training's recommendations), one per line, without list marks:
    what the window offers to turn into action items."""
    with db.session_scope() as tx:
        training = tx.get(Training, training_id)
        if training is None:
            raise NotFoundError(_("No training or meeting with number {id}.").format(id=training_id))
        return [line.strip(" -•\t") for line in (training.decisions or "").splitlines() if line.strip(" -•\t")]
