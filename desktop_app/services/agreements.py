"""Agreements: cooperation protocols, memoranda, partnerships and grants between two or more
organizations, each party with the person who signed for it, the signed document kept in the
database, and the trainings, meetings and initiatives the agreement belongs to.

An agreement still in force (signed or active) whose end date comes within 60 days shows on Home.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from desktop_app import clock
from desktop_app.db import Database
from desktop_app.errors import NotFoundError, ValidationError, file_problem
from desktop_app.i18n import _
from desktop_app.models import (
    Agreement,
    AgreementInitiative,
    AgreementKind,
    AgreementParty,
    AgreementStatus,
    AgreementTraining,
    Initiative,
    Organization,
    Person,
    Training,
)
from desktop_app.services import audit, validation

EXPIRING_DAYS = 60
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
IN_FORCE = (AgreementStatus.SIGNED, AgreementStatus.ACTIVE)
# What a signed document may be, told by its first bytes (never by its name).
_DOCUMENT_TYPES = (
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
)


@dataclass
class PartyData:
    organization_id: int
    signatory_id: int | None = None  # the person who signed for the organization
    signatory_title: str | None = None  # their title as written in the agreement


@dataclass
class AgreementData:
    """What the agreement form (or `tashbeek agreements add`) gives; checked on save."""

    title: str
    kind: str = "protocol"
    status: str = "draft"
    signed_on: dt.date | str | None = None
    start_date: dt.date | str | None = None
    end_date: dt.date | str | None = None
    summary: str | None = None
    parties: list[PartyData] = field(default_factory=list)
    training_ids: list[int] = field(default_factory=list)  # trainings and meetings
    initiative_ids: list[int] = field(default_factory=list)


def clean_agreement(data: AgreementData, tx: Session | None = None) -> dict[str, Any]:
    title = validation.required_name(data.title, "title")
    signed_on = validation.date_value(data.signed_on, "signed_on")
    start = validation.date_value(data.start_date, "start_date")
    end = validation.date_value(data.end_date, "end_date")
    if start and end and end < start:
        raise ValidationError("end_date", _("An agreement cannot end before it starts."))
    status = validation.choice(data.status, "status", AgreementStatus, AgreementStatus.DRAFT)
    if status is not AgreementStatus.DRAFT and signed_on is None:
        raise ValidationError("signed_on", _("A signed agreement needs its signing date."))
    organizations = [p.organization_id for p in data.parties]
    if len(organizations) < 2:
        raise ValidationError("parties", _("An agreement has at least two parties."))
    if len(set(organizations)) != len(organizations):
        raise ValidationError("parties", _("Each organization is a party only once."))
    for party in data.parties:
        validation.optional_text(party.signatory_title, "parties", validation.MAX_NAME)
    if tx is not None:
        for party in data.parties:
            if tx.get(Organization, party.organization_id) is None:
                raise ValidationError("parties", _("The chosen organization does not exist."))
            if party.signatory_id is not None and tx.get(Person, party.signatory_id) is None:
                raise ValidationError("parties", _("The chosen person does not exist."))
        for training_id in data.training_ids:
            if tx.get(Training, training_id) is None:
                raise ValidationError("training_ids", _("The chosen training or meeting does not exist."))
        for initiative_id in data.initiative_ids:
            if tx.get(Initiative, initiative_id) is None:
                raise ValidationError("initiative_ids", _("The chosen initiative does not exist."))
    return {
        "title": title,
        "kind": validation.choice(data.kind, "kind", AgreementKind, AgreementKind.PROTOCOL),
        "status": status,
        "signed_on": signed_on,
        "start_date": start,
        "end_date": end,
        "summary": validation.optional_text(data.summary, "summary", 20_000),
    }


def _write_links(tx: Session, db: Database, agreement: Agreement, data: AgreementData) -> dict[str, Any]:
    """Parties, trainings and initiatives replaced by the form's; returns what changed, for the audit."""
    changes: dict[str, Any] = {}
    parties = list(tx.scalars(select(AgreementParty).where(AgreementParty.agreement_id == agreement.id)))
    before = [[p.organization_id, p.signatory_id, p.signatory_title] for p in sorted(parties, key=lambda p: p.position)]
    by_org = {p.organization_id: p for p in parties}
    wanted = {p.organization_id for p in data.parties}
    for row in parties:
        if row.organization_id not in wanted:
            tx.delete(row)
    for n, party in enumerate(data.parties):
        row = by_org.get(party.organization_id) or AgreementParty(
            agreement_id=agreement.id, organization_id=party.organization_id
        )
        row.signatory_id = party.signatory_id
        row.signatory_title = validation.optional_text(party.signatory_title, "parties", validation.MAX_NAME)
        row.position = n
        tx.add(row)
    after = [[p.organization_id, p.signatory_id, row_title(p.signatory_title)] for p in data.parties]
    if before != after:
        changes["parties"] = [before, after]
    for model, column, ids, name in (
        (AgreementTraining, "training_id", data.training_ids, "trainings"),
        (AgreementInitiative, "initiative_id", data.initiative_ids, "initiatives"),
    ):
        existing = list(tx.scalars(select(model).where(model.agreement_id == agreement.id)))
        have = {getattr(r, column) for r in existing}
        keep = list(dict.fromkeys(ids))
        for r in existing:
            if getattr(r, column) not in keep:
                tx.delete(r)
        for value in keep:
            if value not in have:
                tx.add(model(agreement_id=agreement.id, **{column: value}))
        if sorted(have) != sorted(keep):
            changes[name] = [sorted(have), sorted(keep)]
    return changes


def row_title(value: str | None) -> str | None:
    return validation.optional_text(value, "parties", validation.MAX_NAME)


def add_agreement(tx: Session, db: Database, data: AgreementData, *, uid: str | None = None) -> int:
    values = clean_agreement(data, tx)
    agreement = Agreement(**values)
    if uid:
        agreement.uid = uid
    tx.add(agreement)
    tx.flush()
    changes = {**audit.diff({}, values), **_write_links(tx, db, agreement, data)}
    audit.record(tx, db, "agreement", agreement.uid, "create", changes)
    return agreement.id


def create_agreement(db: Database, data: AgreementData, *, document: Path | None = None) -> int:
    """A new agreement; with `document`, its signed copy is attached in the same transaction."""
    with db.session_scope() as tx:
        agreement_id = add_agreement(tx, db, data)
        if document is not None:
            _attach(tx, db, _get(tx, agreement_id), read_document(document), document.name)
        return agreement_id


def update_agreement(db: Database, agreement_id: int, data: AgreementData) -> None:
    with db.session_scope() as tx:
        agreement = _get(tx, agreement_id)
        values = clean_agreement(data, tx)
        before = {key: getattr(agreement, key) for key in values}
        for key, value in values.items():
            setattr(agreement, key, value)
        changes = {**audit.diff(before, values), **_write_links(tx, db, agreement, data)}
        if changes:
            audit.record(tx, db, "agreement", agreement.uid, "update", changes)


def set_archived(db: Database, agreement_id: int, archived: bool) -> None:
    with db.session_scope() as tx:
        audit.apply(tx, db, _get(tx, agreement_id), "agreement", {"archived": archived})


def _get(tx: Session, agreement_id: int) -> Agreement:
    agreement = tx.get(Agreement, agreement_id)
    if agreement is None:
        raise NotFoundError(_("No agreement with number {id}.").format(id=agreement_id))
    return agreement


# ---------------------------------------------------------------- the signed document


def document_type(data: bytes) -> tuple[str, str]:
    """(MIME type, file suffix) of a signed document: a PDF, PNG or JPEG; anything else is refused."""
    for magic, mime, suffix in _DOCUMENT_TYPES:
        if data.startswith(magic):
            return mime, suffix
    raise ValidationError("document", _("The signed document must be a PDF file or a picture (PNG or JPEG)."))


def read_document(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise ValidationError("document", _("The document is too large (at most {n} MB).").format(
                n=MAX_DOCUMENT_BYTES // (1024 * 1024)))  # fmt: skip
        data = path.read_bytes()
    except OSError as error:
        raise file_problem(error, path) from None
    document_type(data)
    return data


def _attach(tx: Session, db: Database, agreement: Agreement, data: bytes, name: str) -> None:
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ValidationError("document", _("The document is too large (at most {n} MB).").format(
            n=MAX_DOCUMENT_BYTES // (1024 * 1024)))  # fmt: skip
    mime, suffix = document_type(data)
    name = validation.optional_text(Path(name).name, "document", 255) or ("document" + suffix)
    before = agreement.document_name
    agreement.document, agreement.document_name, agreement.document_type = data, name, mime
    audit.record(tx, db, "agreement", agreement.uid, "update",
                 {"document": [before, f"{name} ({len(data)} bytes)"]})  # fmt: skip


def attach_document(db: Database, agreement_id: int, data: bytes, name: str) -> None:
    """Keep the signed copy (PDF or picture) in the database, replacing any earlier one."""
    with db.session_scope() as tx:
        _attach(tx, db, _get(tx, agreement_id), data, name)


def remove_document(db: Database, agreement_id: int) -> None:
    with db.session_scope() as tx:
        agreement = _get(tx, agreement_id)
        if agreement.document_name is not None or agreement.document is not None:
            audit.record(tx, db, "agreement", agreement.uid, "update", {"document": [agreement.document_name, None]})
        agreement.document, agreement.document_name, agreement.document_type = None, None, None


@dataclass(frozen=True)
class SignedDocument:
    name: str
    mime: str
    data: bytes

    @property
    def suffix(self) -> str:
        return next((s for _m, mime, s in _DOCUMENT_TYPES if mime == self.mime), ".bin")


def get_document(db: Database, agreement_id: int) -> SignedDocument | None:
    with db.session_scope() as tx:
        agreement = _get(tx, agreement_id)
        if agreement.document is None:
            return None
        return SignedDocument(agreement.document_name or "document", agreement.document_type or "", agreement.document)


# ---------------------------------------------------------------- reading


@dataclass(frozen=True)
class Party:
    organization_id: int
    organization: str
    signatory_id: int | None
    signatory: str | None
    signatory_title: str | None


@dataclass(frozen=True)
class AgreementRow:
    id: int
    uid: str
    title: str
    kind: str
    status: str
    signed_on: dt.date | None
    start_date: dt.date | None
    end_date: dt.date | None
    summary: str | None
    parties: tuple[Party, ...]
    document_name: str | None
    training_ids: tuple[int, ...]
    trainings: tuple[str, ...]
    initiative_ids: tuple[int, ...]
    initiatives: tuple[str, ...]
    archived: bool

    def expiring(self, today: dt.date, days: int = EXPIRING_DAYS) -> bool:
        """In force and ending within `days` (from today on)."""
        return (
            self.status in {s.value for s in IN_FORCE}
            and self.end_date is not None
            and today <= self.end_date <= today + dt.timedelta(days=days)
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "uid": self.uid, "title": self.title, "kind": self.kind, "status": self.status,
            "signed_on": _iso(self.signed_on), "start_date": _iso(self.start_date), "end_date": _iso(self.end_date),
            "summary": self.summary,
            "parties": [{"organization": {"id": p.organization_id, "name": p.organization},
                         "signatory": {"id": p.signatory_id, "name": p.signatory} if p.signatory_id else None,
                         "signatory_title": p.signatory_title} for p in self.parties],
            "document": self.document_name, "trainings": list(self.training_ids),
            "initiatives": list(self.initiative_ids), "archived": self.archived,
            "expiring": self.expiring(clock.today()),
        }  # fmt: skip


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _agreement_rows(tx: Session, conditions: list[Any]) -> list[AgreementRow]:
    agreements = list(
        tx.execute(
            select(Agreement.id, Agreement.uid, Agreement.title, Agreement.kind, Agreement.status, Agreement.signed_on,
                   Agreement.start_date, Agreement.end_date, Agreement.summary, Agreement.document_name,
                   Agreement.archived)
            .where(*conditions)
            .order_by(Agreement.signed_on.desc(), Agreement.id.desc())
        )
    )  # fmt: skip
    ids = [a.id for a in agreements]
    signatory = aliased(Person)
    parties: dict[int, list[Party]] = {}
    for agreement_id, org_id, org_name, person_id, person_name, title in tx.execute(
        select(AgreementParty.agreement_id, Organization.id, Organization.name_ar, signatory.id, signatory.full_name,
               AgreementParty.signatory_title)
        .join(Organization, Organization.id == AgreementParty.organization_id)
        .outerjoin(signatory, signatory.id == AgreementParty.signatory_id)
        .where(AgreementParty.agreement_id.in_(ids))
        .order_by(AgreementParty.position, AgreementParty.id)
    ):  # fmt: skip
        parties.setdefault(agreement_id, []).append(Party(org_id, org_name, person_id, person_name, title))
    trainings: dict[int, list[tuple[int, str]]] = {}
    for agreement_id, training_id, title in tx.execute(
        select(AgreementTraining.agreement_id, Training.id, Training.title_ar)
        .join(Training, Training.id == AgreementTraining.training_id)
        .where(AgreementTraining.agreement_id.in_(ids))
        .order_by(Training.start_date, Training.id)
    ):
        trainings.setdefault(agreement_id, []).append((training_id, title))
    initiatives: dict[int, list[tuple[int, str]]] = {}
    for agreement_id, initiative_id, name in tx.execute(
        select(AgreementInitiative.agreement_id, Initiative.id, Initiative.name)
        .join(Initiative, Initiative.id == AgreementInitiative.initiative_id)
        .where(AgreementInitiative.agreement_id.in_(ids))
        .order_by(Initiative.id)
    ):
        initiatives.setdefault(agreement_id, []).append((initiative_id, name))
    return [
        AgreementRow(
            a.id, a.uid, a.title, a.kind.value, a.status.value, a.signed_on, a.start_date, a.end_date, a.summary,
            tuple(parties.get(a.id, ())), a.document_name,
            tuple(t for t, _n in trainings.get(a.id, ())), tuple(n for _t, n in trainings.get(a.id, ())),
            tuple(i for i, _n in initiatives.get(a.id, ())), tuple(n for _i, n in initiatives.get(a.id, ())),
            a.archived,
        )  # fmt: skip
        for a in agreements
    ]


def list_agreements(db: Database, *, include_archived: bool = False) -> list[AgreementRow]:
    """Every agreement, the latest signed first."""
    with db.session_scope() as tx:
        return _agreement_rows(tx, [] if include_archived else [Agreement.archived.is_(False)])


def get_agreement(db: Database, agreement_id: int) -> AgreementRow:
    with db.session_scope() as tx:
        _get(tx, agreement_id)
        return _agreement_rows(tx, [Agreement.id == agreement_id])[0]


def expiring_agreements(db: Database, *, today: dt.date | None = None, days: int = EXPIRING_DAYS) -> list[AgreementRow]:
    """Agreements in force whose end date comes within `days`, the soonest first."""
    today = today or clock.today()
    with db.session_scope() as tx:
        rows = _agreement_rows(tx, [
            Agreement.archived.is_(False), Agreement.status.in_(IN_FORCE), Agreement.end_date >= today,
            Agreement.end_date <= today + dt.timedelta(days=days),
        ])  # fmt: skip
    return sorted(rows, key=lambda r: (r.end_date or today, r.id))
