"""The SQLAlchemy 2.0 typed ORM: one module per aggregate, all re-exported here."""

from desktop_app.models.attendance import Attendance
from desktop_app.models.audit import AuditEntry
from desktop_app.models.base import Base, Entity, UTCDateTime, new_uid, utcnow
from desktop_app.models.certificate import Certificate
from desktop_app.models.enums import (
    AttendanceMethod,
    AttendanceStatus,
    EnrollmentRole,
    EnrollmentStatus,
    Gender,
    OrganizationKind,
    TrainingStatus,
)
from desktop_app.models.organization import Organization
from desktop_app.models.person import Person, PersonAlias, PersonNameToken
from desktop_app.models.project import Project, ProjectTarget, ProjectTraining
from desktop_app.models.settings import Setting, Signatory
from desktop_app.models.sync import ImportedPackage, SyncBase, SyncConflict
from desktop_app.models.template import Template, TemplateAsset, TemplateRevision
from desktop_app.models.training import Enrollment, Training, TrainingCoOrganizer, TrainingSession

__all__ = [
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
