"""Closed vocabularies stored as short strings (portable across SQLite and PostgreSQL)."""

from __future__ import annotations

import enum
from typing import Any

from sqlalchemy import Enum


class OrganizationKind(enum.StrEnum):
    ASSOCIATION = "association"  # association / NGO
    UNION = "union"  # independent union
    YOUTH = "youth"  # youth group or initiative
    NETWORK = "network"  # network or coalition
    UNIVERSITY = "university"
    GOVERNMENT = "government"
    COMPANY = "company"
    OTHER = "other"


class Gender(enum.StrEnum):
    MALE = "male"
    FEMALE = "female"


class TrainingStatus(enum.StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    ARCHIVED = "archived"


class EventKind(enum.StrEnum):
    """What a row of the training table is: a training, or a meeting (follow-up, coordination) that
    reuses the training's sessions, enrolment and attendance."""

    TRAINING = "training"
    MEETING = "meeting"


class AgreementKind(enum.StrEnum):
    PROTOCOL = "protocol"  # cooperation protocol
    MEMORANDUM = "memorandum"  # memorandum of understanding
    PARTNERSHIP = "partnership"
    GRANT = "grant"


class AgreementStatus(enum.StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"
    ACTIVE = "active"
    EXPIRED = "expired"
    ENDED = "ended"


class InitiativeStatus(enum.StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    COMPLETED = "completed"
    STOPPED = "stopped"


class ActionStatus(enum.StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class EnrollmentRole(enum.StrEnum):
    PARTICIPANT = "participant"
    TRAINER = "trainer"
    ORGANIZER = "organizer"
    GUEST = "guest"


class EnrollmentStatus(enum.StrEnum):
    REGISTERED = "registered"
    CONFIRMED = "confirmed"
    WITHDRAWN = "withdrawn"


class AttendanceStatus(enum.StrEnum):
    PRESENT = "present"
    LATE = "late"
    ABSENT = "absent"
    EXCUSED = "excused"


class AttendanceMethod(enum.StrEnum):
    MANUAL = "manual"
    SCAN = "scan"
    IMPORT = "import"
    SYNC = "sync"


def str_enum(cls: type[enum.StrEnum]) -> Enum:
    """A column type storing the enum's values (not names) as VARCHAR with a CHECK constraint."""
    kwargs: dict[str, Any] = {
        "native_enum": False,
        "create_constraint": True,
        "length": 20,
        "values_callable": lambda e: [m.value for m in e],
        "validate_strings": True,
        "name": cls.__name__.lower(),
    }
    return Enum(cls, **kwargs)
