"""The SQLAlchemy 2.0 typed ORM: one module per aggregate, all re-exported here."""

from desktop_app.models.attendance import Attendance
from desktop_app.models.audit import AuditEntry
from desktop_app.models.base import Base, Entity, UTCDateTime, new_uid, utcnow
from desktop_app.models.certificate import Certificate
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
from desktop_app.models.training import Enrollment, Training, TrainingCoOrganizer, TrainingSession

__all__ = [
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
    "Training",
    "TrainingCoOrganizer",
    "TrainingSession",
    "TrainingStatus",
    "UTCDateTime",
    "new_uid",
    "utcnow",
]
