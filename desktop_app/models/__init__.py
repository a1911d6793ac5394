"""The SQLAlchemy 2.0 typed ORM: one module per aggregate, all re-exported here.

Each module is imported when one of its names is first asked for, not all at once: declaring all
twenty classes cost a command that reads three tables (`tashbeek search`) a fifth of its time.
Whatever needs the whole model gets it: `Base` (its metadata: migrations, the drift check) is
handed out only after every module is loaded, and so is the mapper configuration that the first ORM
query runs (relationships name their classes by string, so all of them must be declared by then).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from sqlalchemy import event
from sqlalchemy.orm import Mapper

from desktop_app.models.base import Entity, UTCDateTime, new_uid, utcnow
from desktop_app.models.enums import (
    ActionStatus,
    AgreementKind,
    AgreementStatus,
    AttendanceMethod,
    AttendanceStatus,
    EnrollmentRole,
    EnrollmentStatus,
    EventKind,
    Gender,
    InitiativeStatus,
    OrganizationKind,
    TrainingStatus,
)

if TYPE_CHECKING:
    from desktop_app.models.account import Account
    from desktop_app.models.attendance import Attendance
    from desktop_app.models.audit import AuditEntry
    from desktop_app.models.base import Base
    from desktop_app.models.certificate import Certificate, CertificateSerial
    from desktop_app.models.network import (
        ActionItem,
        Agreement,
        AgreementInitiative,
        AgreementParty,
        AgreementTraining,
        EventInvitation,
        Initiative,
        InitiativePartner,
        InitiativePerson,
        InitiativeTraining,
        MeetingSeries,
    )
    from desktop_app.models.organization import Organization
    from desktop_app.models.person import Person, PersonAlias, PersonNameToken
    from desktop_app.models.project import Project, ProjectTarget, ProjectTraining
    from desktop_app.models.settings import Setting, Signatory
    from desktop_app.models.sync import ImportedPackage, SyncBase, SyncConflict
    from desktop_app.models.template import Template, TemplateAsset, TemplateRevision
    from desktop_app.models.training import Enrollment, Training, TrainingCoOrganizer, TrainingSession

# Where each mapped class is declared (a new model module adds its classes here).
_MODULES = {
    "Account": "account",
    "Attendance": "attendance",
    "AuditEntry": "audit",
    "Certificate": "certificate",
    "CertificateSerial": "certificate",
    "ActionItem": "network",
    "Agreement": "network",
    "AgreementInitiative": "network",
    "AgreementParty": "network",
    "AgreementTraining": "network",
    "EventInvitation": "network",
    "Initiative": "network",
    "InitiativePartner": "network",
    "InitiativePerson": "network",
    "InitiativeTraining": "network",
    "MeetingSeries": "network",
    "Organization": "organization",
    "Person": "person",
    "PersonAlias": "person",
    "PersonNameToken": "person",
    "Project": "project",
    "ProjectTarget": "project",
    "ProjectTraining": "project",
    "Setting": "settings",
    "Signatory": "settings",
    "ImportedPackage": "sync",
    "SyncBase": "sync",
    "SyncConflict": "sync",
    "Template": "template",
    "TemplateAsset": "template",
    "TemplateRevision": "template",
    "Enrollment": "training",
    "Training": "training",
    "TrainingCoOrganizer": "training",
    "TrainingSession": "training",
}


def load_all() -> None:
    """Declare every model (idempotent: a module already imported costs nothing)."""
    for module in sorted(set(_MODULES.values())):
        importlib.import_module(f"{__name__}.{module}")


def __getattr__(name: str) -> Any:
    if name == "Base":
        load_all()
        value = importlib.import_module(f"{__name__}.base").Base
    elif name in _MODULES:
        value = getattr(importlib.import_module(f"{__name__}.{_MODULES[name]}"), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # asked once: later imports of the name find it here
    return value


@event.listens_for(Mapper, "before_configured")
def _declare_everything() -> None:
    """Before the first ORM query configures the mappers: every class a relationship names exists."""
    load_all()


__all__ = [
    "Account",
    "ActionItem",
    "ActionStatus",
    "Agreement",
    "AgreementInitiative",
    "AgreementKind",
    "AgreementParty",
    "AgreementStatus",
    "AgreementTraining",
    "EventInvitation",
    "EventKind",
    "Initiative",
    "InitiativePartner",
    "InitiativePerson",
    "InitiativeStatus",
    "InitiativeTraining",
    "MeetingSeries",
    "Attendance",
    "AttendanceMethod",
    "AttendanceStatus",
    "AuditEntry",
    "Base",
    "Certificate",
    "CertificateSerial",
    "Enrollment",
    "EnrollmentRole",
    "EnrollmentStatus",
    "Entity",
    "Gender",
    "ImportedPackage",
    "Organization",
    "OrganizationKind",
    "Person",
    "PersonAlias",
    "PersonNameToken",
    "Project",
    "ProjectTarget",
    "ProjectTraining",
    "Setting",
    "Signatory",
    "SyncBase",
    "SyncConflict",
    "Template",
    "TemplateAsset",
    "TemplateRevision",
    "Training",
    "TrainingCoOrganizer",
    "TrainingSession",
    "TrainingStatus",
    "UTCDateTime",
    "new_uid",
    "utcnow",
]
