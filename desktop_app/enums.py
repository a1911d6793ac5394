"""Closed vocabularies (organization kinds, roles, statuses…): plain string enums every layer may
use — the window and the PDF engine too — without loading the database models. The models store
them as short strings (`desktop_app.models.enums.str_enum`)."""

from __future__ import annotations

import enum


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
