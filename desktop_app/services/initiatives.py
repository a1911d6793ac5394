"""Joint initiatives and campaigns: a lead organization, partner organizations with their roles, the
governorates it works in, the people involved, and the trainings, meetings and agreements it links."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.errors import NotFoundError, ValidationError
from desktop_app.i18n import _
from desktop_app.models import (
    Agreement,
    AgreementInitiative,
    Initiative,
    InitiativePartner,
    InitiativePerson,
    InitiativeStatus,
    InitiativeTraining,
    Organization,
    Person,
    Training,
)
from desktop_app.services import audit, validation


@dataclass
class InitiativeData:
    """What the initiative form (or `tashbeek initiatives add`) gives; checked on save."""

    name: str
    lead_organization_id: int | None = None
    partners: list[tuple[int, str | None]] = field(default_factory=list)  # (organization, role)
    start_date: dt.date | str | None = None
    end_date: dt.date | str | None = None
    status: str = "planned"
    goals: str | None = None
    governorates: list[str] = field(default_factory=list)
    people: list[tuple[int, str | None]] = field(default_factory=list)  # (person, role)
    training_ids: list[int] = field(default_factory=list)  # trainings and meetings
    agreement_ids: list[int] = field(default_factory=list)


def clean_initiative(data: InitiativeData, tx: Session | None = None) -> dict[str, Any]:
    name = validation.required_name(data.name, "name")
    start = validation.date_value(data.start_date, "start_date")
    end = validation.date_value(data.end_date, "end_date")
    if start and end and end < start:
        raise ValidationError("end_date", _("An initiative cannot end before it starts."))
    governorates = list(dict.fromkeys(validation.governorate(g, "governorates") for g in data.governorates if g))
    partner_ids = [org for org, _role in data.partners]
    if len(set(partner_ids)) != len(partner_ids):
        raise ValidationError("partners", _("Each organization is a partner only once."))
    person_ids = [person for person, _role in data.people]
    if len(set(person_ids)) != len(person_ids):
        raise ValidationError("people", _("Each person is listed only once."))
    for _org, role in data.partners:
        validation.optional_text(role, "partners", validation.MAX_NAME)
    for _person, role in data.people:
        validation.optional_text(role, "people", validation.MAX_NAME)
    if tx is not None:
        for org_id in [data.lead_organization_id, *partner_ids]:
            if org_id is not None and tx.get(Organization, org_id) is None:
                raise ValidationError("partners", _("The chosen organization does not exist."))
        for person_id in person_ids:
            if tx.get(Person, person_id) is None:
                raise ValidationError("people", _("The chosen person does not exist."))
        for training_id in data.training_ids:
            if tx.get(Training, training_id) is None:
                raise ValidationError("training_ids", _("The chosen training or meeting does not exist."))
        for agreement_id in data.agreement_ids:
            if tx.get(Agreement, agreement_id) is None:
                raise ValidationError("agreement_ids", _("The chosen agreement does not exist."))
    return {
        "name": name,
        "lead_organization_id": data.lead_organization_id,
        "start_date": start,
        "end_date": end,
        "status": validation.choice(data.status, "status", InitiativeStatus, InitiativeStatus.PLANNED),
        "goals": validation.optional_text(data.goals, "goals", 20_000),
        "governorates": [g for g in governorates if g] or None,
    }


def _replace(
    tx: Session, model: Any, initiative_id: int, key: str, wanted: list[tuple[int, str | None]] | list[int],
    extra: str | None,
) -> tuple[list[Any], list[Any]]:  # fmt: skip
    """Replace a link table's rows of this initiative; returns (before, after) for the audit."""
    existing = list(tx.scalars(select(model).where(model.initiative_id == initiative_id)))
    before = sorted([getattr(r, key), getattr(r, extra)] if extra else getattr(r, key) for r in existing)
    by_key = {getattr(r, key): r for r in existing}
    items = [(w, None) if isinstance(w, int) else w for w in wanted]
    keys = [k for k, _v in items]
    for row in existing:
        if getattr(row, key) not in keys:
            tx.delete(row)
    for n, (value, role) in enumerate(items):
        row = by_key.get(value) or model(initiative_id=initiative_id, **{key: value})
        if extra:
            setattr(row, extra, validation.optional_text(role, extra, validation.MAX_NAME))
        if hasattr(row, "position"):
            row.position = n
        tx.add(row)
    after = sorted(
        [value, validation.optional_text(role, extra, validation.MAX_NAME)] if extra else value for value, role in items
    )
    return before, after


def _write_links(tx: Session, initiative: Initiative, data: InitiativeData) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for name, model, key, wanted, extra in (
        ("partners", InitiativePartner, "organization_id", data.partners, "role"),
        ("people", InitiativePerson, "person_id", data.people, "role"),
        ("trainings", InitiativeTraining, "training_id", list(dict.fromkeys(data.training_ids)), None),
    ):
        before, after = _replace(tx, model, initiative.id, key, wanted, extra)
        if before != after:
            changes[name] = [before, after]
    existing = list(tx.scalars(select(AgreementInitiative).where(AgreementInitiative.initiative_id == initiative.id)))
    have = {r.agreement_id for r in existing}
    keep = list(dict.fromkeys(data.agreement_ids))
    for row in existing:
        if row.agreement_id not in keep:
            tx.delete(row)
    for agreement_id in keep:
        if agreement_id not in have:
            tx.add(AgreementInitiative(agreement_id=agreement_id, initiative_id=initiative.id))
    if sorted(have) != sorted(keep):
        changes["agreements"] = [sorted(have), sorted(keep)]
    return changes


def add_initiative(tx: Session, db: Database, data: InitiativeData, *, uid: str | None = None) -> int:
    values = clean_initiative(data, tx)
    initiative = Initiative(**values)
    if uid:
        initiative.uid = uid
    tx.add(initiative)
    tx.flush()
    changes = {**audit.diff({}, values), **_write_links(tx, initiative, data)}
    audit.record(tx, db, "initiative", initiative.uid, "create", changes)
    return initiative.id


def create_initiative(db: Database, data: InitiativeData) -> int:
    with db.session_scope() as tx:
        return add_initiative(tx, db, data)


def update_initiative(db: Database, initiative_id: int, data: InitiativeData) -> None:
    with db.session_scope() as tx:
        initiative = _get(tx, initiative_id)
        values = clean_initiative(data, tx)
        before = {key: getattr(initiative, key) for key in values}
        for key, value in values.items():
            setattr(initiative, key, value)
        changes = {**audit.diff(before, values), **_write_links(tx, initiative, data)}
        if changes:
            audit.record(tx, db, "initiative", initiative.uid, "update", changes)


def set_archived(db: Database, initiative_id: int, archived: bool) -> None:
    with db.session_scope() as tx:
        audit.apply(tx, db, _get(tx, initiative_id), "initiative", {"archived": archived})


def _get(tx: Session, initiative_id: int) -> Initiative:
    initiative = tx.get(Initiative, initiative_id)
    if initiative is None:
        raise NotFoundError(_("No initiative with number {id}.").format(id=initiative_id))
    return initiative


@dataclass(frozen=True)
class InitiativeRow:
    id: int
    uid: str
    name: str
    lead_organization_id: int | None
    lead_organization: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    status: str
    goals: str | None
    governorates: tuple[str, ...]
    partners: tuple[tuple[int, str, str | None], ...]  # (organization id, name, role)
    people: tuple[tuple[int, str, str | None], ...]  # (person id, name, role)
    trainings: tuple[tuple[int, str, str], ...]  # (id, title, kind)
    agreements: tuple[tuple[int, str], ...]
    archived: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "uid": self.uid, "name": self.name,
            "lead_organization": {"id": self.lead_organization_id, "name": self.lead_organization}
            if self.lead_organization_id else None,
            "start_date": self.start_date.isoformat() if self.start_date else None,
            "end_date": self.end_date.isoformat() if self.end_date else None,
            "status": self.status, "goals": self.goals, "governorates": list(self.governorates),
            "partners": [{"id": i, "name": n, "role": r} for i, n, r in self.partners],
            "people": [{"id": i, "name": n, "role": r} for i, n, r in self.people],
            "trainings": [{"id": i, "title": t, "kind": k} for i, t, k in self.trainings],
            "agreements": [{"id": i, "title": t} for i, t in self.agreements], "archived": self.archived,
        }  # fmt: skip


def _initiative_rows(tx: Session, conditions: list[Any]) -> list[InitiativeRow]:
    rows = tx.execute(
        select(Initiative, Organization.name_ar)
        .outerjoin(Organization, Organization.id == Initiative.lead_organization_id)
        .where(*conditions)
        .order_by(Initiative.start_date.desc(), Initiative.id.desc())
    ).all()
    ids = [i.id for i, _n in rows]
    partners: dict[int, list[tuple[int, str, str | None]]] = {}
    for iid, oid, name, role in tx.execute(
        select(InitiativePartner.initiative_id, Organization.id, Organization.name_ar, InitiativePartner.role)
        .join(Organization, Organization.id == InitiativePartner.organization_id)
        .where(InitiativePartner.initiative_id.in_(ids))
        .order_by(InitiativePartner.position, InitiativePartner.id)
    ):
        partners.setdefault(iid, []).append((oid, name, role))
    people: dict[int, list[tuple[int, str, str | None]]] = {}
    for iid, pid, name, role in tx.execute(
        select(InitiativePerson.initiative_id, Person.id, Person.full_name, InitiativePerson.role)
        .join(Person, Person.id == InitiativePerson.person_id)
        .where(InitiativePerson.initiative_id.in_(ids))
        .order_by(InitiativePerson.id)
    ):
        people.setdefault(iid, []).append((pid, name, role))
    trainings: dict[int, list[tuple[int, str, str]]] = {}
    for iid, tid, title, kind in tx.execute(
        select(InitiativeTraining.initiative_id, Training.id, Training.title_ar, Training.kind)
        .join(Training, Training.id == InitiativeTraining.training_id)
        .where(InitiativeTraining.initiative_id.in_(ids))
        .order_by(Training.start_date, Training.id)
    ):
        trainings.setdefault(iid, []).append((tid, title, kind.value))
    agreements: dict[int, list[tuple[int, str]]] = {}
    for iid, aid, title in tx.execute(
        select(AgreementInitiative.initiative_id, Agreement.id, Agreement.title)
        .join(Agreement, Agreement.id == AgreementInitiative.agreement_id)
        .where(AgreementInitiative.initiative_id.in_(ids))
        .order_by(Agreement.id)
    ):
        agreements.setdefault(iid, []).append((aid, title))
    return [
        InitiativeRow(
            i.id, i.uid, i.name, i.lead_organization_id, lead, i.start_date, i.end_date, i.status.value, i.goals,
            tuple(i.governorates or ()), tuple(partners.get(i.id, ())), tuple(people.get(i.id, ())),
            tuple(trainings.get(i.id, ())), tuple(agreements.get(i.id, ())), i.archived,
        )  # fmt: skip
        for i, lead in rows
    ]


def list_initiatives(db: Database, *, include_archived: bool = False) -> list[InitiativeRow]:
    with db.session_scope() as tx:
        return _initiative_rows(tx, [] if include_archived else [Initiative.archived.is_(False)])


def get_initiative(db: Database, initiative_id: int) -> InitiativeRow:
    with db.session_scope() as tx:
        _get(tx, initiative_id)
        return _initiative_rows(tx, [Initiative.id == initiative_id])[0]
